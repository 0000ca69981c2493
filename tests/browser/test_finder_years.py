"""The measures finder on an archive of several years, in a real browser.

The page holds only the newest year; the script fetches one data file a year
and shows a page of results at a time.  The archive is the bench's synthetic
one (three years, more measures than one page of results), built once for
this module; the expected results come from ``measure_records``.
"""

from __future__ import annotations

import re

import pytest

import bench
from reports.knowledge import measures_index
from reports.model import archive as archive_module
from support.browser import RequestLog, new_page, serve, wait_until_loaded
from support.project import mkdocs_build

YEARS = 3
ITEMS = "ol.finder-list > li"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    project = bench.synthesize(tmp_path_factory.mktemp("finder-years") / "p", YEARS, seed=3)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    archive, _ = archive_module.load(project)
    with serve(project / "site") as url:
        yield url, measures_index.measure_records(archive)


@pytest.fixture
def page(browser):
    page = new_page(browser)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.requests = RequestLog(page)
    yield page
    assert not errors, errors
    assert not page.requests.external()
    page.context.close()


def anchors(page) -> list:
    return page.locator(ITEMS).evaluate_all("items => items.map(li => li.dataset.year + ' ' + li.dataset.anchor)")


def expected(records) -> list:
    return [f"{r.year} {r.anchor}" for r in records]


def test_every_year_is_fetched_and_a_page_of_results_shown(synthetic, page):
    url, records = synthetic
    years = sorted({r.year for r in records}, reverse=True)
    per_page = 50
    assert len(records) > per_page  # or this test proves nothing about paging
    page.goto(url + "finder/")
    wait_until_loaded(page)
    assert {f"/finder/data/{year}.json" for year in years} <= page.requests.paths()
    assert anchors(page) == expected(records[:per_page])  # newest year first, in report order
    count = page.locator("[data-finder-count]").inner_text()
    assert count == f"共 {len(records)} 条措施，找到 {len(records)} 条，显示前 {per_page} 条"
    more = page.get_by_role("button", name="显示更多")
    more.click()
    assert anchors(page) == expected(records[:2 * per_page])
    while more.is_visible():
        more.click()
    assert anchors(page) == expected(records)
    assert page.locator("[data-finder-static]").is_hidden()


def test_an_older_year_and_a_keyword_search_the_fetched_years(synthetic, page):
    url, records = synthetic
    oldest = min(r.year for r in records)
    page.goto(url + f"finder/?year={oldest}")
    wait_until_loaded(page)
    assert anchors(page) == expected([r for r in records if r.year == oldest])
    # Across every year: a word of the text, all of whose places are listed.
    page.select_option("select[name=year]", "")
    word = "执法"
    found = [r for r in records if word in re.sub(r"\s+", "", r.text)]
    assert 0 < len(found) <= 50
    page.fill("input[name=kw]", word)
    assert anchors(page) == expected(found)
    assert len({r.year for r in found}) == YEARS
    first = page.locator(ITEMS).first.get_by_role("link", name=re.compile("^查看原文"))
    assert first.get_attribute("href") == f"../{found[0].src_uri[:-3]}/#{found[0].anchor}"


def test_without_javascript_the_newest_year_is_listed_with_links_to_the_others(synthetic, browser):
    url, records = synthetic
    page = new_page(browser, java_script_enabled=False)
    try:
        page.goto(url + "finder/")
        newest = max(r.year for r in records)
        assert anchors(page) == expected([r for r in records if r.year == newest])
        links = page.locator("[data-finder-static] a")
        assert links.count() == YEARS - 1
        assert links.first.get_attribute("href") == f"../{newest - 1}/"
        assert not page.locator("form[data-finder-form]").is_visible()
    finally:
        page.context.close()
