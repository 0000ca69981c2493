"""The measures finder (措施检索) page, built from the fictional fixture archive
as it is and after its text and data changed.

The records behind it are tested in tests/unit/test_measures_index.py.
"""

from __future__ import annotations

import html.parser
import json
import re

import pytest

from reports.model import archive as archive_module
from reports.knowledge.measures_index import measure_records
from support.project import fixture_project, mkdocs_build


# --- The page ---------------------------------------------------------------------

class FinderPage(html.parser.HTMLParser):
    """The records of a built finder page: attributes, text, link; and the form."""

    def __init__(self, page):
        super().__init__()
        self.items, self.form, self.options = [], None, {}
        self._item = self._select = None
        self._depth = 0
        self._in_text = self._in_link = False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-finder-form" in attrs:
            self.form = attrs
        elif tag == "select":
            self._select = self.options.setdefault(attrs["name"], [])
        elif tag == "option" and self._select is not None:
            self._select.append(attrs["value"])
        elif tag == "li" and "finder-item" in attrs.get("class", ""):
            self._item = dict(attrs, text="", meta="", href=None)
            self.items.append(self._item)
        elif self._item is not None:
            if "data-finder-text" in attrs:
                self._in_text = True
            elif tag == "a":
                self._item["href"] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "div":
            self._in_text = False
        elif tag == "li":
            self._item = None

    def handle_data(self, data):
        if self._item is not None and self._in_text:
            self._item["text"] += data.strip()


def finder_page(project) -> FinderPage:
    return FinderPage((project / "site" / "finder" / "index.html").read_text("utf-8"))


def data_items(project) -> list:
    """Every measure in the finder's data files, newest year first: (year, draft, item)."""
    files = sorted((project / "site" / "finder" / "data").glob("*.json"), reverse=True)
    out = []
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        assert path.name == f"{data['year']}.json"
        out += [(data["year"], data["draft"], item) for item in data["items"]]
    return out


def build(project):
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def fixture_site(fictional_project):
    """The fictional archive, built once per session (tests/conftest.py)."""
    return fictional_project


def test_finder_data_hold_every_record_with_its_filters(fixture_site):
    archive, _ = archive_module.load(fixture_site)
    records = measure_records(archive)
    items = data_items(fixture_site)
    assert len(items) == len(records) == 18
    for (year, draft, item), record in zip(items, records):
        assert (year, draft) == (record.year, record.draft)
        assert (item["part"], item["part_label"], item["kind"]) == (record.part, record.part_label, record.kind)
        assert item["documents"] == list(record.documents) and item["campaigns"] == list(record.campaigns)
        assert item["headings"] == list(record.headings) and item["place"] == record.place
        assert item["paragraphs"] == record.paragraphs and item["anchor"] == record.anchor
        # Links are relative to the finder page, which fetches the files.
        assert item["href"] == f"../{record.src_uri[:-3]}/#{record.anchor}"
    assert sorted(p.name for p in (fixture_site / "site" / "finder" / "data").iterdir()) == [
        "2091.json", "2092.json", "2093.json"]


def test_finder_page_lists_the_newest_year_and_links_the_others(fixture_site):
    page = finder_page(fixture_site)
    archive, _ = archive_module.load(fixture_site)
    records = [r for r in measure_records(archive) if r.year == 2093]
    assert len(page.items) == len(records) == 6
    for item, record in zip(page.items, records):
        assert item["data-year"] == str(record.year)
        assert item["data-part"] == record.part
        assert item["data-documents"] == " ".join(record.documents)
        assert item["data-campaigns"] == " ".join(record.campaigns)
        assert item["data-kind"] == record.kind
        assert item["text"] == record.text.replace("\n", "")
        assert item["href"] == f"../{record.src_uri[:-3]}/#{record.anchor}"
    first = page.items[0]
    assert (first["data-year"], first["data-documents"], first["href"]) == (
        "2093", "sample-law", "../2093/measures/#s1-1-1")


def test_finder_form_is_hidden_until_the_script_shows_it(fixture_site):
    page = finder_page(fixture_site)
    assert page.form is not None and "hidden" in page.form
    assert page.options == {"year": ["", "2093", "2092", "2091"],
                            "part": ["", "measures", "shortcomings", "leadership", "plans"],
                            "doc": ["", "sample-law", "sample-rules"],
                            "campaign": ["", "sample-day", "sample-month"]}
    html = (fixture_site / "site" / "finder" / "index.html").read_text("utf-8")
    for control in ("finder-year", "finder-part", "finder-doc", "finder-campaign", "finder-kw"):
        assert f'<label for="{control}">' in html and f'id="{control}"' in html
    assert re.search(r'<p class="finder-count" data-finder-count aria-live="polite">'
                     r'共 3 个年度 18 条措施，本页列出2093年度的 6 条</p>', html)
    assert ('<p class="finder-static" data-finder-static>其他年度的措施见各年度报告：'
            '<a href="../2092/">2092年度</a>（6 条）、<a href="../2091/">2091年度</a>（6 条）。</p>') in html
    assert 'data-finder-data="data/{year}.json" data-finder-years="2093 2092 2091" data-finder-per-page="50"' in html
    assert "《示例法》</option>" in html
    assert html.count('<span class="report-status report-status--draft">草稿</span>') == 6
    assert "assets/javascripts/measures-finder.js" in html
    # In the navigation, right after 历年报告 (the footer links the previous page).
    assert '<a href="../archive/" class="md-footer__link md-footer__link--prev" aria-label="上一页: 历年报告">' in html


def test_finder_page_follows_the_text_and_the_data(tmp_path):
    project = fixture_project(tmp_path / "p")
    # A draft year may change: text that looks like markup must come out as
    # text (real tags are refused by the page-markup rule).
    measures = project / "docs/2093/measures.md"
    measures.write_text(measures.read_text("utf-8").replace(
        "<!-- year:studies -->", "3.学习<标签>与“&amp;”符号。\n\n<!-- year:studies -->"), "utf-8")
    # A study of a document whose name is bare and too short to be found in the text.
    catalog = project / "data/catalog/documents.yml"
    catalog.write_text(catalog.read_text("utf-8")
                       + "- id: study-notes\n  name: 示例学习读本\n  short_name: 加强\n  kind: theory\n", "utf-8")
    data = project / "data/years/2093.yml"
    data.write_text(data.read_text("utf-8").replace(
        "campaigns:\n", "  - document: study-notes\n    at: s4-1\n    quote: 继续加强学习\n"
        "campaigns:\n", 1), "utf-8")
    build(project)
    page = finder_page(project)
    assert len(page.items) == 7 and len(data_items(project)) == 19
    added = next(i for i in page.items if i["data-anchor"] == "s1-1-3")
    assert added["text"] == "3.学习<标签>与“&amp;”符号。"  # as typed, never as markup
    [added_data] = [i for y, _, i in data_items(project) if y == 2093 and i["anchor"] == "s1-1-3"]
    assert added_data["paragraphs"] == ["3.学习<标签>与“&amp;”符号。"]  # the script sets it as text
    html = (project / "site" / "finder" / "index.html").read_text("utf-8")
    assert "3.学习&lt;标签&gt;与“&amp;amp;”符号。" in html
    plan = next(i for i in page.items if i["data-year"] == "2093" and i["data-anchor"] == "s4-1")
    assert plan["data-documents"] == "study-notes"
    assert page.options["doc"] == ["", "sample-law", "sample-rules", "study-notes"]
    assert '<option value="study-notes" title="示例学习读本">加强</option>' in html  # theory: no 《》
    # Unchanged years are untouched.
    [other] = [i for y, _, i in data_items(project) if y == 2092 and i["anchor"] == "s4-1"]
    assert other["documents"] == []
