"""The measures finder (措施检索) in a real browser, on the built site.

Each test opens the page in a fresh Chromium context in which requests to
other hosts are aborted and reported; the expected results are computed from
``measure_records``, the same records the page was built from.
"""

from __future__ import annotations

import re
import urllib.parse

import pytest

from reports.model import archive as archive_module
from reports.knowledge import measures_index
from support.browser import RequestLog, new_page, wait_until_loaded
from support.repository import ROOT

FINDER = "finder/"
LAW = "administrative-reconsideration-law"
VISIBLE_ITEMS = "ol.finder-list > li:not([hidden])"
# What a visible record shows: its filters, its anchor and its link.
READ_VISIBLE = """items => items.map(li => ({
  year: li.dataset.year, part: li.dataset.part, anchor: li.dataset.anchor,
  documents: li.dataset.documents.split(" ").filter(Boolean),
  href: li.querySelector(".finder-source a").href }))"""


@pytest.fixture(scope="module")
def records():
    archive, _ = archive_module.load(ROOT)
    return measures_index.measure_records(archive)


class Finder:
    """An open finder page, with every request and script error recorded."""

    def __init__(self, page, base_url):
        self.page, self.base_url = page, base_url
        self.requests = RequestLog(page)
        self.errors = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, query: str = ""):
        self.page.goto(self.base_url + FINDER + query)
        if self.page.evaluate("() => !!document.querySelector('form[data-finder-form]:not([hidden])')"):
            wait_until_loaded(self.page)
        return self

    def select(self, name: str, value: str):
        self.page.select_option(f"select[name={name}]", value)

    def type(self, text: str):
        self.page.fill("input[name=kw]", text)

    def visible(self) -> list:
        return self.page.locator(VISIBLE_ITEMS).evaluate_all(READ_VISIBLE)

    def count_text(self) -> str:
        return self.page.locator("[data-finder-count]").inner_text().strip()

    def query(self) -> dict:
        # location, not page.url: Playwright learns of replaceState asynchronously.
        search = self.page.evaluate("() => location.search")
        return dict(urllib.parse.parse_qsl(search.lstrip("?")))


@pytest.fixture
def open_finder(browser, base_url):
    contexts = []

    def open_(**context_options) -> Finder:
        page = new_page(browser, **context_options)
        contexts.append(page.context)
        return Finder(page, base_url)

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def finder(open_finder):
    finder = open_finder()
    yield finder
    assert not finder.requests.external(), f"contacted other hosts: {finder.requests.external()}"
    assert not finder.errors, f"JavaScript errors: {finder.errors}"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def count(records, found) -> str:
    return f"共 {len(records)} 条措施，找到 {found} 条"


def test_form_is_shown_and_everything_listed(finder, records):
    finder.open()
    assert finder.page.locator("form[data-finder-form]").is_visible()
    for label in ("年度", "部分", "学习文件", "宣传节点", "关键词"):
        assert finder.page.get_by_label(label, exact=True).is_visible(), label
    assert len(finder.visible()) == len(records)
    assert finder.count_text() == count(records, len(records))
    assert finder.query() == {}
    assert "/assets/javascripts/measures-finder.js" in finder.requests.paths()
    assert "/finder/data/2023.json" in finder.requests.paths()


def test_year_and_document_narrow_to_the_records_naming_it(finder, records):
    finder.open()
    finder.select("year", "2023")
    finder.select("doc", LAW)
    expected = [r.anchor for r in records if r.year == 2023 and LAW in r.documents]
    shown = finder.visible()
    assert [item["anchor"] for item in shown] == expected
    assert expected == ["s1-2-4", "s1-4-2", "s3-3"]  # 宪法和行政复议法答题, 《行政复议法》 twice
    assert all(item["year"] == "2023" and LAW in item["documents"] for item in shown)
    assert finder.count_text() == count(records, len(expected))
    assert finder.query() == {"year": "2023", "doc": LAW}


def test_keywords_match_the_text_all_of_them(finder, records):
    finder.open()
    finder.type("执法")
    expected = [r.anchor for r in records if "执法" in squeeze(r.text)]
    assert 0 < len(expected) < len(records)
    assert [item["anchor"] for item in finder.visible()] == expected
    # Several words: all must occur; case and spaces do not matter.
    finder.type("  执法   检查 ")
    both = [r.anchor for r in records if "执法" in squeeze(r.text) and "检查" in squeeze(r.text)]
    assert 0 < len(both) < len(expected)
    assert [item["anchor"] for item in finder.visible()] == both
    finder.type("led屏")
    assert [item["anchor"] for item in finder.visible()] == [
        r.anchor for r in records if "led屏" in squeeze(r.text)] == ["s1-2-3"]
    assert finder.query() == {"kw": "led屏"}
    finder.type("没有这样的措施")
    assert finder.visible() == []
    assert finder.page.locator("[data-finder-empty]").is_visible()
    assert finder.count_text() == count(records, 0)


def test_part_and_campaign_filters(finder, records):
    finder.open()
    finder.select("part", "plans")
    finder.select("campaign", "air-defense-alarm-drill")
    expected = [r.anchor for r in records if r.part == "plans"
                and "air-defense-alarm-drill" in r.campaigns]
    assert [item["anchor"] for item in finder.visible()] == expected == ["s4-3"]


def test_result_link_opens_the_paragraph(finder):
    finder.open()
    finder.select("year", "2023")
    finder.type("随机执法检查")
    [item] = finder.visible()
    assert item["href"].endswith("/2023/measures/#s1-4-3")
    finder.page.locator(VISIBLE_ITEMS).get_by_role("link", name=re.compile("^查看原文")).click()
    finder.page.wait_for_url(re.compile(r"/2023/measures/#s1-4-3$"))
    target = finder.page.evaluate("() => document.querySelector(':target')?.id")
    assert target == "s1-4-3"
    assert "随机执法检查27项" in finder.page.locator("#s1-4-3").inner_text()


def test_filters_are_kept_in_the_address_and_restored(finder, records):
    finder.open()
    finder.select("year", "2023")
    finder.select("doc", LAW)
    finder.type("行政")
    assert finder.query() == {"year": "2023", "doc": LAW, "kw": "行政"}
    expected = [r.anchor for r in records
                if r.year == 2023 and LAW in r.documents and "行政" in squeeze(r.text)]
    before = [item["anchor"] for item in finder.visible()]
    assert before == expected
    finder.page.reload()
    assert finder.page.input_value("select[name=year]") == "2023"
    assert finder.page.input_value("select[name=doc]") == LAW
    assert finder.page.input_value("input[name=kw]") == "行政"
    assert [item["anchor"] for item in finder.visible()] == before
    # The site's own search dialog stays closed (material opens it for ?q=).
    assert not finder.page.locator("input[data-md-toggle=search]").is_checked()
    # A shared link opens the same view; values the form does not offer are dropped.
    other = finder.open("?year=2023&campaign=no-such-day&kw=%E5%AE%A3%E4%BC%A0")
    assert other.page.input_value("select[name=campaign]") == ""
    assert [item["anchor"] for item in other.visible()] == [
        r.anchor for r in records if r.year == 2023 and "宣传" in squeeze(r.text)]
    assert other.query() == {"year": "2023", "kw": "宣传"}
    # 清除条件 shows everything again and empties the address.
    other.page.get_by_role("button", name="清除条件").click()
    other.page.wait_for_function("() => location.search === ''")
    assert len(other.visible()) == len(records)


def test_without_javascript_every_record_is_listed_and_no_controls_show(open_finder, records):
    finder = open_finder(java_script_enabled=False)
    finder.open("?year=2023&doc=" + LAW)
    assert not finder.page.locator("form[data-finder-form]").is_visible()
    items = finder.page.locator("ol.finder-list > li")
    assert items.count() == len(records)
    assert all(items.nth(i).is_visible() for i in (0, len(records) - 1))
    assert finder.count_text() == f"共 {len(records)} 条措施"
    assert not finder.requests.external()
