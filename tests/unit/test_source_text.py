"""The source-text rule: a year's pages say word for word what
``data/sources/<year>-report.txt`` says, and where they do not, the page's
line and column, both texts around the difference and what to do.

Most cases take the real 2023 pages and source, change one thing on the
page, and look for the one problem that change must give.
"""

from __future__ import annotations

import pytest

from reports import checks
from reports.checks.project import Project
from reports.checks.rules import source_text
from reports.model import archive as archive_module
from support.repository import ROOT, SOURCE_2023, load_archive

SOURCE = "data/sources/2023-report.txt"
HINT = "正文要与发布的原文一字不差：原文本身有错字时，正文也保持原样，在 data/years/2023.yml 的 errata 中记录勘误。"


@pytest.fixture(scope="module")
def archive():
    return load_archive()


def edited(archive, slug, old, new):
    """The real 2023 with ``old`` replaced by ``new`` (which must be there) on page ``slug``."""
    year = archive.year(2023)
    page = year.pages[slug]
    assert page.text.count(old) == 1
    pages = dict(year.pages)
    pages[slug], _ = archive_module.parse_page(page.text.replace(old, new), page.file, page.src_uri)
    return archive_module.Year(year.meta, year.data_file, year.located, pages, year.folder)


def problems(year, source=None):
    return source_text.compare(year, SOURCE_2023.read_text("utf-8") if source is None else source, SOURCE)


def line_of(year, slug, words) -> int:
    return next(n for n, line in enumerate(year.pages[slug].text.split("\n"), 1) if words in line)


def test_the_real_pages_are_the_published_text(archive):
    assert source_text.check(archive, Project(root=ROOT)) == []


def test_the_rule_is_registered_and_only_reads_files_of_a_project_on_disk(archive):
    assert source_text in checks.RULES and source_text not in checks.YEAR_RULES
    assert source_text.check(archive, Project()) == []


def test_a_changed_character_is_shown_at_its_column_with_both_texts(archive):
    year = edited(archive, "measures", "全办共14人参加", "全办共15人参加")
    line = line_of(year, "measures", "全办共15人参加")
    column = year.pages["measures"].text.split("\n")[line - 1].index("15人") + 2
    [found] = problems(year)
    assert (found.file, found.line, found.column, found.rule) == ("docs/2023/measures.md", line, column, "source-text")
    assert found.message == ("这一段与发布的原文不同：页面是“…题活动，全办共15人参加。三是组织…”，"
                             "原文是“…题活动，全办共14人参加。三是组织…”")
    assert found.hint == "请恢复发布时的文字（原文在 data/sources/2023-report.txt 第 23 行）。" + HINT


def test_a_removed_paragraph_is_named_before_the_one_that_follows_it(archive):
    removed = "2.加大本部门行政执法督导，做到严格依法行政，法治政府建设工作与全办各项业务工作同安排、同部署，" \
              "并指定专人负责日常工作，确保各项工作有序开展。\n\n"
    year = edited(archive, "measures", removed, "")
    [found] = problems(year)
    assert (found.file, found.line, found.column) == ("docs/2023/measures.md", line_of(year, "measures", "3.充分发挥"), 1)
    assert found.message == "这里之前缺少发布的原文中的一段：“2.加大本部门行政执法督导，做到严格依法行政，法…”"
    assert found.hint == "请把 data/sources/2023-report.txt 第 11 行照抄到这一段之前。" + HINT


def test_a_paragraph_removed_at_the_end_of_a_page_belongs_to_that_page(archive):
    year = edited(archive, "shortcomings", "## （三）在创建良好的法治营商环境方面服务力度不够，对人防相关的法律法规宣传力度不强。\n", "")
    [found] = problems(year)
    end = line_of(year, "shortcomings", "我办执法干部没有法律专业出身") + 1
    assert (found.file, found.line, found.column) == ("docs/2023/shortcomings.md", end, 1)
    assert found.message == "这里缺少发布的原文中的一段：“（三）在创建良好的法治营商环境方面服务力度不够，…”"


def test_an_added_paragraph_is_named_at_its_line(archive):
    year = edited(archive, "measures", "## （二）强化学习", "这是编辑加的一段话。\n\n## （二）强化学习")
    [found] = problems(year)
    assert (found.file, found.line, found.column) == ("docs/2023/measures.md", line_of(year, "measures", "这是编辑加的"), 1)
    assert found.message == "发布的原文中没有这一段：“这是编辑加的一段话。”"
    assert found.hint.startswith("请删除；给编辑看的说明请写成单独一行的注释 <!-- … -->")


def test_a_paragraph_split_or_joined_is_named_where_it_happens(archive):
    split = edited(archive, "measures", "做到严格依法行政，", "做到严格依法行政，\n\n")
    [found] = problems(split)
    assert (found.line, found.column, found.message) == (
        line_of(split, "measures", "法治政府建设工作与全办"), 1, "这一段在发布的原文中与上一段连在一起")
    joined = edited(archive, "measures", "确保各项工作有序开展。\n\n3.", "确保各项工作有序开展。3.")
    line = line_of(joined, "measures", "有序开展。3.")
    [found] = problems(joined)
    assert (found.line, found.column, found.message) == (
        line, joined.pages["measures"].text.split("\n")[line - 1].index("3.充分") + 1, "这里在发布的原文中另起一段")
    assert found.hint.startswith("请在这里断开，空一行后另起一段（data/sources/2023-report.txt 第 13 行）。")


def test_a_heading_split_off_its_run_in_paragraph_is_the_published_text(archive):
    """The source runs "（二）执法干部队伍素质有待进一步提高。我办执法干部……" on one
    line; the page makes the heading a heading.  Removing it is a difference."""
    year = archive.year(2023)
    assert "（二）执法干部队伍素质有待进一步提高。我办执法干部" in SOURCE_2023.read_text("utf-8").replace("\n", "")
    assert problems(year) == []
    without = edited(archive, "shortcomings", "## （二）执法干部队伍素质有待进一步提高。\n\n", "")
    [found] = problems(without)
    assert (found.line, found.column) == (line_of(without, "shortcomings", "我办执法干部"), 1)
    # What differs is cut to SHOWN characters, with CONTEXT characters after it.
    assert found.message == ("这一段与发布的原文不同：页面是“我办执法干部没有…”，"
                             "原文是“（二）执法干部队伍素质有待进一步…我办执法干部没有…”")


def test_a_typo_fixed_in_the_text_is_a_difference(archive):
    """The published 的的 stays; the fix belongs in errata."""
    year = edited(archive, "plans", "推进法治政府建设的的主要安排", "推进法治政府建设的主要安排")
    [found] = problems(year)
    assert (found.file, found.line) == ("docs/2023/plans.md", 1)
    assert found.message == "这一段与发布的原文不同：页面是“…进法治政府建设的主要安排”，原文是“…进法治政府建设的的主要安排”"
    assert "errata 中记录勘误" in found.hint


def test_markup_that_shows_no_words_is_not_a_difference(archive):
    for old, new in (("全办共14人参加", "全办共**14人**参加"), ("“学习强国”", "“[学习强国](../index.md)”"),
                     ("1.成立了", "1\\.成立了"), ("执法监督平台", "执法监督&#24179;台")):
        assert problems(edited(archive, "measures", old, new)) == [], new
    assert source_text.reader_text("\\[注\\] a &lt; b，*要点*，__重点__，`代码`，下_划_线") == "[注] a < b，要点，重点，代码，下_划_线"


def test_many_differences_are_cut_to_a_few_with_a_count(archive):
    year = archive.year(2023)
    page = year.pages["measures"]
    changed = page.text.replace("。", "，")
    pages = dict(year.pages, measures=archive_module.parse_page(changed, page.file, page.src_uri)[0])
    found = problems(archive_module.Year(year.meta, year.data_file, year.located, pages, year.folder))
    total = sum(paragraph.count("。") for paragraph in page.body.split("\n\n") if paragraph.strip() and "<!--" not in paragraph)
    assert len(found) == source_text.MAX_PER_YEAR
    assert found[-1].message.endswith(f"（另有 {total - source_text.MAX_PER_YEAR} 处与原文不同）")


@pytest.mark.parametrize("data,expected", [
    ("第一段。\n".encode("gbk"), ("data/sources/2023-report.txt", 1, 1, "原文文本不是 UTF-8 编码，无法读取")),
    (b"\xef\xbb\xbf\n\n  \n", ("data/sources/2023-report.txt", 1, 1, "原文文本是空的")),
    ("标题\n".encode("utf-8") + b"x" * (source_text.MAX_SOURCE_BYTES - 6),
     ("data/sources/2023-report.txt", 1, 1, "原文文本太大（超过 4 MB）")),
])
def test_an_unreadable_source_is_said_once(tmp_path, archive, data, expected):
    (tmp_path / "data" / "sources").mkdir(parents=True)
    (tmp_path / SOURCE).write_bytes(data)
    [found] = source_text.check(archive, Project(root=tmp_path))
    assert (found.file, found.line, found.column, found.message) == expected
    assert found.rule == "source-text" and found.hint


def test_a_bad_byte_is_named_at_its_line_and_column(tmp_path, archive):
    (tmp_path / "data" / "sources").mkdir(parents=True)
    (tmp_path / SOURCE).write_bytes("标题\n第二段，".encode("utf-8") + "旧".encode("gbk") + b"\n")
    [found] = source_text.check(archive, Project(root=tmp_path))
    assert (found.line, found.column) == (2, 13)
