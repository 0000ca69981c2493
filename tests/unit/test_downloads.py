"""Data downloads: each year and the whole archive as JSON and CSV.

The files are compared with the YAML as editors wrote it (parsed with
``yaml_source``, not through the schema), both as ``downloads`` makes them and
as the build writes them into the site (tests/site/test_downloads.py).
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from reports.model import archive
from reports.knowledge import downloads
from reports.source import yaml_source
from support.repository import FIXTURE_ARCHIVE, ROOT, configured_office, load_archive

BOM = b"\xef\xbb\xbf"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def loaded():
    return load_archive(ROOT)


@pytest.fixture(scope="module")
def office():
    """``extra.office.name`` of mkdocs.yml."""
    return configured_office()


@pytest.fixture(scope="module")
def files(loaded, office):
    return downloads.files_for(loaded, office=office)


def raw_years() -> dict:
    """Every year file as written: ``{year: dict}``."""
    years = {}
    for path in sorted((ROOT / "data" / "years").glob("*.yml")):
        rel = path.relative_to(ROOT).as_posix()
        raw, _, problems = yaml_source.load(path.read_bytes(), rel)
        assert raw is not None, problems
        years[int(path.stem)] = raw
    return years


YEARS = raw_years()


def read_json(data: bytes):
    assert data.endswith(b"}\n")
    return json.loads(data.decode("utf-8"))


def read_csv(data: bytes) -> list:
    assert data.startswith(BOM), "CSV must start with a UTF-8 BOM for Excel"
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and text.split("\n", 1)[0].endswith("\r")  # CRLF rows
    return list(csv.reader(io.StringIO(text, newline="")))


def expect_entries_match(raw_entries, entries, where):
    """Every key written in the YAML has the same value in the download."""
    assert len(entries) == len(raw_entries), where
    for index, (raw, entry) in enumerate(zip(raw_entries, entries)):
        for key, value in raw.items():
            assert entry[key] == value, f"{where}[{index}].{key}"
        assert "_path" not in entry


# -- JSON --------------------------------------------------------------------

@pytest.mark.parametrize("number", sorted(YEARS))
def test_year_json_equals_the_yaml(files, number, office):
    raw = YEARS[number]
    record = read_json(files[f"downloads/{number}/{number}.json"])
    assert record["year"] == raw["year"] == number
    assert record["title"] == raw["title"]
    assert record["status"] == raw["status"]
    assert record["status_label"] == {"published": "已发布", "draft": "草稿"}[raw["status"]]
    assert record["published_on"] == raw.get("published_on")  # YYYY-MM-DD or null
    assert record["office"] == (raw.get("office") or office)
    versions = [v["version"] for v in raw.get("versions") or []]
    assert record["current_version"] == (max(versions) if versions else None)
    for table in downloads.LISTS:
        expect_entries_match(raw.get(table) or [], record[table], f"{number}.{table}")
    assert list(record) == ["year", "title", "status", "status_label", "published_on", "office",
                            "current_version", *downloads.LISTS]


def test_2023_figures_ids_and_values(files):
    record = read_json(files["downloads/2023/2023.json"])
    raw = YEARS[2023]["figures"]
    assert [(f["id"], f["value"]) for f in record["figures"]] == [(f["id"], f["value"]) for f in raw]
    assert ("random-inspections", 27) in [(f["id"], f["value"]) for f in record["figures"]]


def test_catalogue_names_are_added(files):
    record = read_json(files["downloads/2023/2023.json"])
    study = next(s for s in record["studies"] if s["document"] == "civil-code")
    assert study["document_name"] == "中华人民共和国民法典"
    assert study["document_short_name"] == "民法典"
    assert study["document_kind"] == "law" and study["document_kind_label"] == "法律"
    event = next(c for c in record["campaigns"] if c["campaign"] == "national-security-education-day")
    assert event["campaign_name"] == "全民国家安全教育日"
    assert event["place"] == "社区、广场"  # the campaign's own field, not the paragraph
    figure = next(f for f in record["figures"] if f["id"] == "random-inspections")
    assert figure["at_label"] == "一（四）3" and figure["page"] == "2023/measures.md"


def test_archive_json_has_every_year_and_both_catalogues(files, office):
    whole = read_json(files["downloads/archive.json"])
    assert list(whole) == ["generated_from", "years", "documents", "campaigns"]
    assert [y["year"] for y in whole["years"]] == sorted(YEARS)
    for record in whole["years"]:
        assert record == read_json(files[f"downloads/{record['year']}/{record['year']}.json"])
    for name in ("documents", "campaigns"):
        rel = f"data/catalog/{name}.yml"
        raw, _, _ = yaml_source.load((ROOT / rel).read_bytes(), rel)
        expect_entries_match(raw, whole[name], name)
        assert rel in whole["generated_from"]


# -- CSV ---------------------------------------------------------------------

def test_every_column_has_a_chinese_heading():
    for table in downloads.TABLES:
        names = ["year", *downloads.columns(table)]
        missing = [n for n in names if n not in downloads.HEADINGS]
        assert not missing, f"{table}: add these to downloads.HEADINGS: {missing}"
        headings = [downloads.HEADINGS[n] for n in names]
        assert len(set(headings)) == len(headings), table
        assert all(CJK.search(h) for h in headings), headings


@pytest.mark.parametrize("number", sorted(YEARS))
@pytest.mark.parametrize("table", list(downloads.TABLES))
def test_year_csv_has_a_row_per_entry(files, number, table):
    rows = read_csv(files[f"downloads/{number}/{table}.csv"])
    names = downloads.columns(table)
    assert rows[0] == ["年份", *(downloads.HEADINGS[n] for n in names)]
    raw = YEARS[number].get(table) or []
    assert len(rows) - 1 == len(raw)  # header only when the year has none
    for row, entry in zip(rows[1:], raw):
        assert row[0] == str(number)
        cells = dict(zip(names, row[1:]))
        for key, value in entry.items():
            if isinstance(value, list):
                value = "、".join(value)
            assert cells[key] == ("" if value is None else str(value)), (table, key)


def test_2023_figures_csv(files):
    rows = read_csv(files["downloads/2023/figures.csv"])
    assert rows[0][:4] == ["年份", "编号", "名称", "数值"]
    assert "段落位置" in rows[0] and "原文" in rows[0] and "位置" in rows[0]
    by_id = {row[1]: row for row in rows[1:]}
    assert by_id["random-inspections"][3] == "27"
    assert [row[1] for row in rows[1:]] == [f["id"] for f in YEARS[2023]["figures"]]


def test_lists_are_joined_in_one_cell(files):
    rows = read_csv(files["downloads/2023/actions.csv"])
    column = rows[0].index(downloads.HEADINGS["documents"])
    assert rows[1][column] == "constitution、administrative-reconsideration-law"


@pytest.mark.parametrize("table", list(downloads.TABLES))
def test_archive_csv_has_every_year(files, table):
    rows = read_csv(files[f"downloads/archive/{table}.csv"])
    expected = [str(n) for n in sorted(YEARS) for _ in YEARS[n].get(table) or []]
    assert [row[0] for row in rows[1:]] == expected


def test_formula_like_values_are_neutralised():
    record = {"year": 2023, "figures": [{
        "id": "x", "label": "=HYPERLINK(\"http://example.invalid\",\"点击\")", "value": 3, "unit": "+1",
        "at": "s1-1", "quote": "-2+3", "note": "@SUM(A1)", "at_label": "\tX", "page": "普通文字=1"}]}
    rows = read_csv(downloads.csv_tables([record])["figures"])
    cells = dict(zip(["year", *downloads.columns("figures")], rows[1]))
    assert cells["label"] == "'=HYPERLINK(\"http://example.invalid\",\"点击\")"
    assert cells["unit"] == "'+1" and cells["quote"] == "'-2+3" and cells["note"] == "'@SUM(A1)"
    assert cells["at_label"] == "'\tX"
    assert cells["page"] == "普通文字=1" and cells["value"] == "3" and cells["year"] == "2023"


def test_formula_in_the_data_is_neutralised_in_csv_but_kept_in_json(loaded):
    figure = loaded.year(2023).meta.figures[0]
    original = figure.label
    figure.label = "=1+1"
    try:
        files = downloads.files_for(loaded)
    finally:
        figure.label = original
    for path in ("downloads/2023/figures.csv", "downloads/archive/figures.csv"):
        assert read_csv(files[path])[1][2] == "'=1+1"
    assert read_json(files["downloads/2023/2023.json"])["figures"][0]["label"] == "=1+1"


# -- files and links ---------------------------------------------------------

def test_files_are_reproducible(loaded, files, office):
    again = downloads.files_for(loaded, office=office)
    assert list(again) == list(files) and again == files
    assert downloads.files_for(loaded) == downloads.files_for(loaded)


@pytest.mark.parametrize("root", [ROOT, FIXTURE_ARCHIVE])
def test_the_archive_files_equal_the_whole_archive_encoded_at_once(root):
    """files_for writes the archive's files from the years' texts it has
    already made; they must be exactly what encoding the whole archive gives."""
    loaded, _ = archive.load(root)
    files = downloads.files_for(loaded, office="示例机关")
    whole = downloads.archive_record(loaded, office="示例机关")
    assert len(whole["years"]) == len(loaded.years) > 0
    assert files["downloads/archive.json"] == downloads.json_bytes(whole)
    for table, data in downloads.csv_tables(whole["years"]).items():
        assert files[f"downloads/archive/{table}.csv"] == data, table
    for record in whole["years"]:
        assert files[f"downloads/{record['year']}/{record['year']}.json"] == downloads.json_bytes(record)
        for table, data in downloads.csv_tables([record]).items():
            assert files[f"downloads/{record['year']}/{table}.csv"] == data, (record["year"], table)


@pytest.mark.parametrize("whole", [
    {}, {"years": []}, {"generated_from": "a", "years": [{"year": 1, "x": "一\n二", "y": []}, {"year": 2}],
                         "documents": [{"id": "d", "names": ["甲", "乙"]}], "campaigns": []},
])
def test_archive_json_nests_the_year_texts_as_json_would(whole):
    texts = [downloads._json_text(y) for y in whole.get("years", [])]
    assert downloads._archive_json(whole, texts) == downloads.json_bytes(whole)


def test_every_table_is_written_for_every_year(files):
    for number in YEARS:
        for table in downloads.TABLES:
            assert f"downloads/{number}/{table}.csv" in files
    for table in downloads.TABLES:
        assert f"downloads/archive/{table}.csv" in files


def test_links_point_at_files(loaded, files):
    for year in loaded.years:
        links = downloads.links_for(year)
        assert links == downloads.links_for(year.year)
        assert links[0] == ("全部数据（JSON）", f"downloads/{year.year}/{year.year}.json")
        assert ("关键数据（CSV）", f"downloads/{year.year}/figures.csv") in links
        assert all(path in files for _, path in links)
        assert all(CJK.search(label) for label, _ in links)
    links = downloads.archive_links()
    assert links[0][1] == "downloads/archive.json"
    assert all(path in files for _, path in links)



def test_a_year_is_encoded_again_only_when_its_record_changed(monkeypatch):
    """make serve keeps each year's texts between rebuilds (``made``): the
    files are the same as made afresh, and an equal record is not encoded twice."""
    fixture = load_archive(FIXTURE_ARCHIVE)
    made = {}
    first = downloads.files_for(fixture, "办", made)
    assert first == downloads.files_for(fixture, "办")
    encoded = []
    real = downloads._json_text
    monkeypatch.setattr(downloads, "_json_text", lambda value: encoded.append(value) or real(value))

    def years_encoded():
        return [v["year"] for v in encoded if isinstance(v, dict) and "status_label" in v]

    assert downloads.files_for(fixture, "办", made) == first
    assert years_encoded() == []
    other = downloads.files_for(fixture, "另一个办", made)  # every record names the office
    assert years_encoded() == [y.year for y in sorted(fixture.years, key=lambda y: y.year)]
    assert other == downloads.files_for(fixture, "另一个办")
