"""The measures finder (措施检索): the records behind it.

``measure_records`` is checked here on the real archive (2023) and on the
fictional fixture archive, loaded in memory.  The page is checked in
tests/site/test_measures_index.py by building the fixture project, changing
its data and building again; the filtering in the browser in
tests/browser/test_finder_browser.py.
"""

from __future__ import annotations

import json
import types

import pytest

from reports.model import archive as archive_module
from reports.knowledge import cross_year
from reports.knowledge import measures_index
from reports.model import report_text
from reports.render import measures_finder
from support.repository import FIXTURE_ARCHIVE, ROOT


@pytest.fixture(scope="module")
def real():
    archive, _ = archive_module.load(ROOT)
    return archive


@pytest.fixture(scope="module")
def records_2023(real):
    return {r.anchor: r for r in measure_records(real) if r.year == 2023}


def measure_records(archive):
    return measures_index.measure_records(archive)


# --- The real archive: 2023 ---------------------------------------------------

def test_2023_has_one_record_per_measure(records_2023):
    # 一: 13 numbered items and （五）, which has none; 二: three sections;
    # 三: the paragraph before （一） and four run-in sections; 四: four plans.
    assert len(records_2023) == 26
    kinds = [r.kind for r in records_2023.values()]
    assert kinds.count("item") == 13
    assert kinds.count("section") == 12
    assert kinds.count("paragraph") == 1


def test_items_carry_their_documents_in_catalogue_order(real, records_2023):
    record = records_2023["s1-2-2"]
    assert record.kind == "item"
    assert record.documents == (
        "civil-code", "administrative-penalty-law", "national-defense-law",
        "holistic-national-security-concept", "trade-union-law", "women-rights-protection-law",
        "female-employees-labor-protection-provisions", "xi-rule-of-law-thought")
    order = list(real.catalog.documents)
    for r in records_2023.values():
        assert list(r.documents) == sorted(set(r.documents), key=order.index), r.anchor


def test_items_carry_the_campaigns_of_their_text(records_2023):
    assert records_2023["s1-2-3"].campaigns == (
        "national-security-education-day", "disaster-prevention-day",
        "science-technology-week", "air-defense-alarm-drill")
    assert records_2023["s1-3-1"].campaigns == (
        "national-security-education-day", "intellectual-property-week", "work-safety-month",
        "national-defense-education-day", "national-constitution-day")
    assert records_2023["s4-3"].campaigns == ("air-defense-alarm-drill",)  # 警报试鸣, in a plan


def test_recorded_studies_count_where_the_text_names_the_document_bare(records_2023):
    # 原文“组织了宪法和行政复议法网上答题活动”: 宪法 without 《》 is only known
    # from the studies entry at s1-2-4.
    assert records_2023["s1-2-4"].documents == ("constitution", "administrative-reconsideration-law")


def test_plans_are_measures_of_their_own(records_2023):
    for number in range(1, 5):
        record = records_2023[f"s4-{number}"]
        assert record.kind == "section"
        assert record.part == "plans" and record.part_label == "四、下一年度安排"
        assert record.headings == ("四、2024年度推进法治政府建设的的主要安排",)  # verbatim, typo kept
        assert record.text.startswith(f"（{report_text.cn_numeral(number)}）")
        assert record.src_uri == "2023/plans.md"


def test_sections_without_items_take_their_paragraphs(records_2023):
    record = records_2023["s3-3"]
    assert record.anchors == ("s3-3", "s3-3-p1")
    heading, paragraph = record.paragraphs
    assert heading == "（三）领导带头普法。"
    assert paragraph.startswith("12月1日，张双有主任组织全体干部对《宪法》")
    assert record.documents == ("constitution", "administrative-reconsideration-law")
    assert record.place == "三（三）"
    five = records_2023["s1-5"]
    assert five.anchors == ("s1-5", "s1-5-p1") and "我办现有行政执法人员7人" in five.text


def test_paragraph_before_the_first_section_is_a_record_of_its_own(records_2023):
    record = records_2023["s3-p1"]
    assert record.kind == "paragraph" and record.kind_label == "无编号段落"
    assert record.headings == ("三、党政主要负责人履行推进法治建设第一责任人的职责，加强法治政府建设的情况",)
    assert record.text.startswith("区国动办党组书记、主任张双有同志")


def test_items_sit_under_their_part_and_section(records_2023):
    record = records_2023["s1-2-3"]
    assert record.headings == ("一、推进法治政府建设的主要举措和成效",
                               "（二）强化学习，提高法治思维和依法行政能力。")
    assert record.part == "measures" and record.part_label == "一、主要举措和成效"
    assert record.year == 2023 and record.draft is False
    assert record.src_uri == "2023/measures.md"


def test_every_paragraph_of_every_part_page_is_in_exactly_one_record(real):
    records = measure_records(real)
    covered = [a for r in records for a in r.anchors]
    assert len(covered) == len(set(covered))
    for year in real.years:
        for page in year.parts:
            for block in page.blocks:
                if block.kind in ("item", "paragraph"):
                    assert block.anchor in covered, (year.year, block.anchor)
    # The year home (导语), the one-page report and comparisons are not measures.
    assert all(r.src_uri.rsplit("/", 1)[-1][:-3] in report_text.PART_SLUGS for r in records)


def test_records_follow_the_text(real):
    records = [r for r in measure_records(real) if r.year == 2023]
    order = [b.anchor for p in real.year(2023).parts for b in p.blocks if b.anchor]
    assert [r.anchor for r in records] == sorted((r.anchor for r in records), key=order.index)


def test_documents_agree_with_the_documents_page(real):
    """Filtering by a document shows the places its 法律法规 entry lists."""
    records = measure_records(real)
    for kind, found in (("documents", cross_year.document_uses(real)),
                        ("campaigns", cross_year.campaign_uses(real))):
        listed = {(u.year.year, u.anchor, entry_id) for entry_id, uses in found.items()
                  for u in uses if u.page.slug in report_text.PART_SLUGS}
        tagged = {(r.year, a, entry_id) for r in records for entry_id in getattr(r, kind)
                  for a in r.anchors}
        assert listed <= tagged, kind
        # Each tag comes from one of the record's own paragraphs.
        for r in records:
            for entry_id in getattr(r, kind):
                assert any((r.year, a, entry_id) in listed for a in r.anchors), (r.anchor, entry_id)


# --- How a page splits into measures ------------------------------------------

def split(text):
    blocks, _ = report_text.parse_blocks(text)
    return [(d.kind, [b.anchor for b in d.blocks], d.headings)
            for d in measures_index.page_measures(types.SimpleNamespace(blocks=blocks))]


def test_paragraphs_around_items_are_records_of_their_own():
    text = ("# 一、部分\n\n导语段。\n\n## （一）有编号事项\n\n事项前的说明。\n\n1.第一项。\n\n2.第二项。\n\n"
            "事项后的小结。\n\n## （二）只有段落\n\n段落一。\n\n段落二。\n\n## （三）只有标题\n")
    part, one = "一、部分", "（一）有编号事项"
    assert split(text) == [
        ("paragraph", ["s1-p1"], (part,)),
        ("paragraph", ["s1-1-p1"], (part, one)),
        ("item", ["s1-1-1"], (part, one)),
        ("item", ["s1-1-2"], (part, one)),
        ("paragraph", ["s1-1-p2"], (part, one)),
        ("section", ["s1-2", "s1-2-p1", "s1-2-p2"], (part,)),
        ("section", ["s1-3"], (part,)),
    ]


def test_a_page_without_a_part_heading_still_yields_its_measures():
    assert split("## （一）标题\n\n1.事项。\n") == [("item", ["s0-1-1"], ("（一）标题",))]


# --- The fixture archive -------------------------------------------------------

def test_fixture_archive_records():
    archive, _ = archive_module.load(FIXTURE_ARCHIVE)
    records = measure_records(archive)
    # measures 2 (2092: 3), shortcomings 1, leadership 1 (2092 has none), plans 2.
    assert [r.year for r in records] == [2093] * 6 + [2092] * 6 + [2091] * 6
    assert {r.draft for r in records if r.year == 2093} == {True}
    assert not any(r.draft for r in records if r.year < 2093)
    first = records[0]
    assert (first.anchor, first.kind, first.documents, first.campaigns) == (
        "s1-1-1", "item", ("sample-law",), ())
    assert records[1].campaigns == ("sample-day",)
    leadership = [r for r in records if r.part == "leadership"]
    assert [(r.year, r.anchor, r.kind) for r in leadership] == [
        (2093, "s3-p1", "paragraph"), (2091, "s3-p1", "paragraph")]


# --- The finder's data files ----------------------------------------------------

def test_finder_data_files_are_one_a_year_with_links_from_the_finder_page():
    archive, _ = archive_module.load(FIXTURE_ARCHIVE)
    files = measures_finder.data_files(archive)
    assert list(files) == ["finder/data/2093.json", "finder/data/2092.json", "finder/data/2091.json"]
    data = json.loads(files["finder/data/2092.json"])
    records = [r for r in measure_records(archive) if r.year == 2092]
    assert (data["year"], data["draft"]) == (2092, False)
    assert [item["anchor"] for item in data["items"]] == [r.anchor for r in records]
    assert data["items"][0]["href"] == f"../2092/measures/#{records[0].anchor}"
    # Pages as files (use_directory_urls: false): finder.html sits beside 2092/.
    flat = json.loads(measures_finder.data_files(archive, use_directory_urls=False)["finder/data/2092.json"])
    assert flat["items"][0]["href"] == f"2092/measures.html#{records[0].anchor}"
    # The same archive, the same bytes; compact and readable as UTF-8.
    assert measures_finder.data_files(archive) == files
    assert "\n" not in files["finder/data/2092.json"] and "\\u" not in files["finder/data/2092.json"]
