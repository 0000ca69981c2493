"""The built site in a real browser: intranet-only loading, Chinese search, layout, print.

One Chromium serves the whole session; each test gets a fresh browser context
(no shared cache or storage) in which requests to other hosts are aborted, so
a regression is reported without ever reaching the network.
"""

from __future__ import annotations

import re

import pytest

from support.browser import (
    A4_POINTS, RequestLog, SearchBox, css_font_families,
    new_page, pdf_page_count, pdf_page_sizes, rendered_fonts, wait_for_search_index,
)

PAGES = ["", "2023/measures/", "2023/full/"]
# Width of the text block on paper: A4 (210 mm) minus print.css's left and
# right margins (28 + 26 mm), in CSS pixels (96 per inch).
PRINT_TEXT_WIDTH = int((210 - 28 - 26) / 25.4 * 96)


@pytest.fixture
def page(open_page):
    return open_page()


# --- Nothing is loaded from another host --------------------------------------

@pytest.mark.parametrize("path", PAGES, ids=["home", "measures", "full"])
def test_page_loads_everything_from_this_server(page, base_url, path):
    requests = RequestLog(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response.ok, f"{path}: HTTP {response.status}"
    wait_for_search_index(page)
    assert not requests.external(), f"{path} contacted other hosts: {requests.external()}"
    # The search worker fetched its index, so worker traffic was checked too.
    assert "/search/search_index.json" in requests.paths()
    # The site's own search worker answers, not the theme's lunr worker.
    assert "/assets/javascripts/search-worker.js" in requests.paths()
    assert not [p for p in requests.paths() if "/workers/" in p or "/lunr/" in p]
    assert {"/assets/stylesheets/report.css", "/assets/stylesheets/print.css"} <= requests.paths()
    assert not errors, f"{path}: JavaScript errors {errors}"


def test_request_log_catches_a_request_to_another_host(page, base_url):
    """Guards the check above: a font from a CDN would be reported (and blocked)."""
    requests = RequestLog(page)
    page.goto(base_url, wait_until="networkidle")
    with page.expect_request("https://fonts.invalid/**"):
        page.evaluate("() => { new Image().src = 'https://fonts.invalid/noto.woff2' }")
    assert requests.external() == ["https://fonts.invalid/noto.woff2"]


# --- Chinese search -------------------------------------------------------------

@pytest.fixture(scope="module")
def search(browser, base_url):
    """The home page's search box, shared by the search tests (index loads once)."""
    page = new_page(browser)
    page.goto(base_url, wait_until="networkidle")
    yield SearchBox(page, base_url)
    page.context.close()


# Queries a reader of the report would type, and the sections that must be
# found; each query is highlighted as one word of its own.
FOUND = [
    pytest.param("行政复议法", {"2023/measures/#s1-4", "2023/leadership/#s3-3"}, id="law"),
    pytest.param("防灾减灾日", {"2023/measures/#s1-2"}, id="campaign-day"),
    pytest.param("警报试鸣", {"2023/plans/#s4-3", "2023/measures/#s1-2"}, id="siren-test"),
    pytest.param("党组书记", {"2023/leadership/#s3-2", "2023/measures/#s1-1"}, id="title"),
    pytest.param("张双有", {"2023/leadership/#s3-3"}, id="person"),
    # Parts of compound words: the worker matches a query inside indexed words.
    pytest.param("复议", {"2023/measures/#s1-4"}, id="tail-of-law"),
    pytest.param("书记", {"2023/leadership/#s3-2"}, id="tail-of-title"),
    pytest.param("减灾", {"2023/measures/#s1-2"}, id="tail-of-day"),
]


@pytest.mark.parametrize("query, expected", FOUND)
def test_chinese_search_finds_the_part_pages(search, query, expected):
    results = search.search(query)
    missing = expected - set(results.targets)
    assert not missing, f"missing {sorted(missing)}; {results.describe()}"
    # The term was matched as a word of its own and highlighted as such.
    assert query in results.marks, results.describe()


# A phrase with a figure: the words are highlighted separately, so only the
# section is asserted.  The query is cut at the words of the index, so digits,
# Latin letters and Han characters need no spaces between them.
@pytest.mark.parametrize("query, expected", [
    pytest.param("随机执法检查27项", "2023/measures/#s1-4", id="phrase-with-figure"),
    pytest.param("执法人员 7人", "2023/measures/#s1-5", id="figure-after-space"),
    pytest.param("14人参加", "2023/measures/#s1-2", id="figure-then-words"),
    pytest.param("LED屏", "2023/measures/#s1-2", id="latin-and-han"),
])
def test_search_finds_a_phrase_with_a_figure(search, query, expected):
    results = search.search(query)
    assert expected in results.targets, results.describe()


def test_search_for_a_law_finds_only_sections_naming_it(search):
    results = search.search("行政复议法")
    unrelated = [hit.target for hit in results.ranked() if "行政复议法" not in hit.marks]
    assert not unrelated, f"sections without 行政复议法: {unrelated}; {results.describe()}"
    assert len(results.ranked()) >= 3, results.describe()


def test_search_for_two_words_without_space_ranks_the_section_with_both_first(search):
    results = search.search("防灾减灾日宣传")
    best = results.ranked()[0]
    assert best.target.endswith("#s1-2"), results.describe()


def test_search_with_two_words_lists_only_sections_with_both(search):
    # The home page's first example (使用说明).
    results = search.search("行政复议法 宣讲")
    assert [hit.target for hit in results.ranked()] == ["2023/leadership/#s3-3"], results.describe()
    assert {"行政复议法", "宣讲"} <= results.marks


def test_search_with_a_year_finds_that_years_sections(search):
    results = search.search("2023年 行政复议法")
    sections = [hit.target for hit in results.ranked() if "#s" in hit.target]
    assert sections and all(target.startswith("2023/") for target in sections), results.describe()
    assert "2023/measures/#s1-4" in sections, results.describe()


def test_search_names_the_words_no_section_has(search):
    """All words must match; failing that, the best sections are shown with
    the missing word struck through (the theme's 缺少 line)."""
    results = search.search("行政复议法 火星")
    assert "2023/measures/#s1-4" in results.targets, results.describe()
    assert all("火星" not in hit.marks for hit in results.hits)
    missing = search.page.locator(".md-search-result__terms del").all_inner_texts()
    assert "火星" in missing, missing


def test_search_excludes_words_after_a_minus(search):
    with_word = search.search("警报试鸣")
    without = search.search("警报试鸣 -宣传")
    assert "2023/plans/#s4-3" in with_word.targets, with_word.describe()
    assert "2023/plans/#s4-3" not in without.targets, without.describe()
    assert set(without.targets) < set(with_word.targets), without.describe()


# The result list's text: a range over all of it (what a selection of it
# would copy; the theme makes the list itself unselectable with the mouse),
# the text as rendered, and the text of its nodes.
RESULT_TEXT = """() => {
  const list = document.querySelector(".md-search-result__list");
  const range = document.createRange();
  range.selectNodeContents(list);
  return {range: range.toString(), rendered: list.innerText, nodes: list.textContent};
}"""
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def test_search_results_hold_no_invisible_characters(search):
    """The index has U+200B between jieba's words (法治政府|建设 here, and
    2023|年度 in the year pages' titles); none of it reaches what is shown."""
    results = search.search("法治政府建设")
    assert "2023/measures/#s1-1" in results.targets, results.describe()
    assert results.marks == {"法治政府建设"}, results.describe()
    shown = search.page.evaluate(RESULT_TEXT)
    for what, text in shown.items():
        assert "法治政府建设" in text, what
        assert not INVISIBLE.search(text), (what, [m.start() for m in INVISIBLE.finditer(text)][:5])
        # The year in a page's title reads as in the report.
        assert "2023年度 · " in text, what
    # So does a teaser (collapsed under 在该页上还有…, so not rendered).
    assert "组织协调法治政府建设工作" in shown["range"] and "组织协调法治政府建设工作" in shown["nodes"]


# --- Screen layout ----------------------------------------------------------------

FONT_FAMILY = "el => getComputedStyle(el).fontFamily"


def test_screen_text_uses_the_sites_chinese_fonts(page, base_url):
    """report.css's Chinese fonts come first (material's own stack used to win)."""
    page.goto(base_url + "2023/measures/")
    wanted = css_font_families(page.evaluate(
        "() => getComputedStyle(document.documentElement).getPropertyValue('--md-text-font')"))
    used = css_font_families(page.locator("p.report-text").first.evaluate(FONT_FAMILY))
    assert wanted and used[:len(wanted)] == wanted, used


def test_year_home_figures_sit_side_by_side_without_bullets(page, base_url):
    page.goto(base_url + "2023/")
    cards = page.locator(".report-figure").evaluate_all("""els => els.map(el => ({
        top: Math.round(el.getBoundingClientRect().top),
        bullet: getComputedStyle(el).listStyleType }))""")
    assert len(cards) >= 2 and cards[0]["top"] == cards[1]["top"], cards
    assert {card["bullet"] for card in cards} == {"none"}, cards


# --- Print ------------------------------------------------------------------------

SITE_CHROME = [".md-header", ".md-sidebar", ".md-footer"]
DISPLAY = "(els) => els.map(el => getComputedStyle(el).display)"


@pytest.fixture
def full_report(page, base_url):
    page.goto(base_url + "2023/full/", wait_until="networkidle")
    return page


def test_print_hides_the_site_chrome(full_report):
    shown = {sel: full_report.locator(sel).evaluate_all(DISPLAY) for sel in SITE_CHROME}
    # Present and visible on screen, so the check below cannot pass vacuously.
    assert all(values and "none" not in values for values in shown.values()), shown
    full_report.emulate_media(media="print")
    printed = {sel: full_report.locator(sel).evaluate_all(DISPLAY) for sel in SITE_CHROME}
    assert all(set(values) == {"none"} for values in printed.values()), printed


def test_print_leaves_out_the_data_edit_links(page, base_url):
    """"改数据" is for editors at the screen; on paper it is a dead word."""
    page.goto(base_url + "2023/measures/", wait_until="networkidle")
    links = page.locator("p.data-edit")
    assert links.count() == 2 and set(links.evaluate_all(DISPLAY)) == {"block"}
    page.emulate_media(media="print")
    assert set(links.evaluate_all(DISPLAY)) == {"none"}


def test_print_sets_the_report_in_a_serif_chinese_font(full_report):
    full_report.emulate_media(media="print")
    families = css_font_families(full_report.locator("p.report-text").first.evaluate(FONT_FAMILY))
    assert {"FangSong", "Noto Serif CJK SC"} & set(families), families
    # The glyphs were really drawn with one of those fonts, not a fallback.
    used = rendered_fonts(full_report, "p.report-text")[0]["familyName"]
    assert used in families[:-1], f"drawn with {used!r}, stylesheet asks for {families}"


def test_full_report_prints_to_several_a4_pages(full_report):
    pdf = full_report.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    assert pdf_page_count(pdf) > 1
    width, height = A4_POINTS
    assert all(abs(w - width) <= 2 and abs(h - height) <= 2
               for w, h in pdf_page_sizes(pdf)), pdf_page_sizes(pdf)


def test_printed_tables_fit_the_text_width(open_page, base_url):
    """Nothing of a data table (material's scroll box included) sticks out of the text."""
    page = open_page(viewport={"width": PRINT_TEXT_WIDTH, "height": 1000})
    page.goto(base_url + "2023/measures/")
    page.emulate_media(media="print")
    extents = page.locator(".report-table").evaluate_all("""els => els.map(el => {
        const boxes = [el, ...el.querySelectorAll("*")].map(e => e.getBoundingClientRect());
        return [el.id, Math.min(...boxes.map(b => b.left)), Math.max(...boxes.map(b => b.right))];
    })""")
    assert extents, "no data tables on the page"
    outside = [(name, left, right) for name, left, right in extents
               if left < 0 or right > PRINT_TEXT_WIDTH]
    assert not outside, f"beyond 0..{PRINT_TEXT_WIDTH}px: {outside}"
