"""Accessibility of the built site, measured in Chromium and held by tests.

The readers are older and disabled staff on old intranet PCs; the yardsticks
are the 无障碍环境建设法 (2023), GB/T 37668-2019 and, as the measurable part of
both, WCAG 2.1 level AA.

* axe-core (the copy bundled in the pinned PyPI package axe-playwright-python,
  injected into the page as a script: it loads nothing from the network, which
  each test checks) runs on every kind of page, in the standard version and
  in the 关爱版 (large text, high contrast: the header's switch).  Rules: the
  WCAG 2.0/2.1 A and AA tags (wcag2a, wcag2aa, wcag21a, wcag21aa) plus axe's
  best-practice rules (heading order, landmarks, a name for the search dialog
  ...), which the site passes too, so they are held as well; the 关爱版 also
  the AAA rules (wcag2aaa: text at 7:1, color-contrast-enhanced).  Any
  violation fails the test; the message lists every violation found (id,
  impact, elements) so that a failure says what to fix.  axe cannot judge
  everything (focus order, keyboard use, reflow), hence the tests after it
  (and test_reading.py, which measures the 关爱版 itself).
* Keyboard only: material's search (open with "/" or "s", arrows to a result,
  Enter), and the year switcher, reached with Tab; arrows choose a year and
  Enter opens it (WCAG 3.2.2: choosing alone does not leave the page).  Every
  element focused on the way shows a focus ring (WCAG 2.4.7).
* 200 % zoom and small screens (WCAG 1.4.4, 1.4.10): 1280x900 at 200 % is a
  640x450 CSS-pixel viewport; 375 px is a small phone.  Nothing in the article
  may be wider than the window, and data tables scroll inside their own box.
  Full-page screenshots go to a11y-*.png in A11Y_SHOTS (default: a "shots"
  folder in the system's temporary folder) for a person to look at.
"""

from __future__ import annotations

import os
import pathlib
import tempfile

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.browser import (
    ANSWERED, PLACEHOLDER, RequestLog, serve, set_care_mode,
)

SHOTS = pathlib.Path(os.environ.get("A11Y_SHOTS") or pathlib.Path(tempfile.gettempdir()) / "shots")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
CARE_TAGS = AXE_TAGS + ["wcag2aaa"]  # the 关爱版 promises 7:1 contrast
MODES = ["standard", "care"]
AXE_PAGES = [
    "", "2023/", "2023/measures/", "2023/full/", "archive/", "finder/", "laws/",
    "calendar/", "followups/", "trends/", "2023/compare/",
]
# Pages whose tables and year bar change most on a phone.
NARROW_AXE_PAGES = ["2023/", "2023/plans/", "archive/", "trends/"]

ZOOM_200 = {"width": 640, "height": 450}  # 1280x900 at 200 %
PHONE = {"width": 375, "height": 812}
REFLOW_PAGES = ["2023/", "2023/measures/", "2023/plans/", "archive/", "trends/"]

# True when the focused element draws an outline or a box shadow.
FOCUS_SHOWN = """el => {
  const s = getComputedStyle(el);
  return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
}"""
# The focused element: what it is, whether its focus shows and whether it is
# on screen at all (a Tab stop on an invisible element loses the reader).
FOCUSED = """() => {
  // Focus styles fade in (material's skip link: opacity 0 -> 1); end the fades.
  for (const fade of document.getAnimations()) { try { fade.finish(); } catch (e) {} }
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    what: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "")
          + " " + (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 20),
    switcher: el.matches("nav.year-bar select[data-year-switcher]"),
    ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none",
    shown: s.visibility === "visible" && box.width > 0 && box.height > 0 && s.opacity !== "0",
  };
}"""


@pytest.fixture(scope="module")
def archive_url(fictional_project):
    """The fictional three-year archive (2091-2093), built once per session and served."""
    with serve(fictional_project / "site") as url:
        yield url


# --- axe-core -------------------------------------------------------------------

def axe_violations(page, mode: str = "standard") -> list[dict]:
    tags = CARE_TAGS if mode == "care" else AXE_TAGS
    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def describe(violations: list[dict]) -> str:
    """One line per violation and element: what axe found, and where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}  {summary[:240]}")
    return "\n".join(lines) or "none"


def check_axe(page, url: str, label: str, mode: str = "standard") -> None:
    requests = RequestLog(page)
    response = page.goto(url, wait_until="networkidle")
    assert response.ok, f"{label}: HTTP {response.status}"
    # A large page can be quiet on the network before its scripts have run.
    page.wait_for_function("() => document.readyState === 'complete'")
    set_care_mode(page, mode == "care")
    violations = axe_violations(page, mode)
    # axe ran from the injected script alone: no request left this machine.
    assert not requests.external(), f"{label}: requests to other hosts {requests.external()}"
    assert not violations, f"{label} ({mode}): axe violations:\n{describe(violations)}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", AXE_PAGES, ids=lambda path: path.strip("/") or "home")
def test_axe_finds_no_violations(open_page, base_url, path, mode):
    check_axe(open_page(), base_url + path, f"/{path}", mode)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", NARROW_AXE_PAGES, ids=lambda path: path.strip("/") or "home")
def test_axe_finds_no_violations_on_a_phone(open_page, base_url, path, mode):
    """The phone layout: drawer navigation, tables that scroll sideways or stack."""
    check_axe(open_page(viewport=PHONE), base_url + path, f"/{path} at 375 px", mode)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", ["2091/", "2093/", "2092/measures/", "2093/compare/"])
def test_axe_finds_no_violations_in_the_fictional_archive(open_page, archive_url, path, mode):
    """Drafts, errata, several years and a missing part: what the real site lacks yet."""
    check_axe(open_page(), archive_url + path, f"(fixture) /{path}", mode)


@pytest.mark.parametrize("mode", MODES)
def test_axe_finds_no_violations_with_search_results_open(open_page, base_url, mode):
    """The search panel and its results exist only once a reader searches."""
    page = open_page()
    page.goto(base_url + "2023/measures/", wait_until="networkidle")
    set_care_mode(page, mode == "care")
    page.keyboard.press("/")
    page.keyboard.insert_text("行政复议法")
    page.keyboard.press("End")
    page.wait_for_function(ANSWERED, arg=[PLACEHOLDER])
    assert page.locator(".md-search-result__link").count() > 0
    # The panel fades in (opacity, 0.4 s): measure colours once it is opaque.
    page.wait_for_function("""() => getComputedStyle(
        document.querySelector(".md-search__output")).opacity === "1" """)
    page.wait_for_timeout(500)
    violations = axe_violations(page, mode)
    assert not violations, f"search open ({mode}): axe violations:\n{describe(violations)}"


# --- Keyboard only -----------------------------------------------------------------

@pytest.mark.parametrize("key", ["/", "s"])
def test_search_works_with_the_keyboard_only(open_page, base_url, key):
    page = open_page()
    page.goto(base_url + "2023/measures/", wait_until="networkidle")
    page.keyboard.press(key)
    search_input = page.locator("input.md-search__input")
    assert search_input.evaluate("el => el === document.activeElement"), page.evaluate(FOCUSED)
    assert search_input.evaluate(FOCUS_SHOWN), "the search box shows no focus"
    # A Chinese input method commits the whole word, then a key is released.
    page.keyboard.insert_text("张双有")
    page.keyboard.press("End")
    page.wait_for_function(ANSWERED, arg=[PLACEHOLDER])
    target = None
    for _ in range(5):  # arrows move through the results (Tab closes the search)
        page.keyboard.press("ArrowDown")
        focused = page.evaluate(FOCUSED)
        assert focused["ring"], f"focused result shows no focus: {focused}"
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if "leadership/" in href:
            target = href
            break
    assert target, "no result for 张双有 on the 第一责任人 page could be reached with the arrows"
    page.keyboard.press("Enter")
    page.wait_for_url("**/2023/leadership/**")


def test_year_switcher_works_with_the_keyboard_only(open_page, archive_url):
    """Tab to the switcher, every stop on the way visibly focused; arrows choose, Enter goes."""
    page = open_page()
    page.goto(archive_url + "2093/measures/", wait_until="networkidle")
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["switcher"]:
            break
    assert stops[-1]["switcher"], f"the year switcher was not reached: {[s['what'] for s in stops]}"
    unseen = [s["what"] for s in stops if not s["ring"] or not s["shown"]]
    assert not unseen, f"Tab stops without a visible focus: {unseen}"
    # Named by its visible label (WCAG 2.5.3), not by a different aria-label.
    assert page.get_by_role("combobox", name="切换年度").count() == 1

    switcher = page.locator("nav.year-bar select[data-year-switcher]")
    page.keyboard.press("ArrowDown")  # 2093 -> 2092: chosen, not yet opened
    assert switcher.evaluate("el => el.value") == "../../2092/measures/"
    page.wait_for_timeout(300)
    assert page.url.endswith("/2093/measures/"), f"an arrow key alone left the page: {page.url}"
    page.keyboard.press("ArrowDown")  # 2091, reachable without leaving the page
    page.keyboard.press("ArrowUp")  # back to 2092
    page.keyboard.press("Enter")
    page.wait_for_url("**/2092/measures/")


def test_year_switcher_still_opens_a_year_chosen_from_the_list(open_page, archive_url):
    """A choice in the open list (mouse, Alt+Down) opens the year at once."""
    page = open_page()
    page.goto(archive_url + "2093/plans/", wait_until="networkidle")
    page.select_option("nav.year-bar select[data-year-switcher]", label="2091年度")
    page.wait_for_url("**/2091/plans/")


def test_data_edit_links_are_reached_with_tab_and_show_their_focus(open_page, base_url):
    """Tab from the top of 2023/measures/ reaches both "改数据" links, each
    visibly focused, named by its visible words and then by its file."""
    page = open_page()
    page.goto(base_url + "2023/measures/", wait_until="networkidle")
    reached = []
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if page.evaluate("document.activeElement.matches('p.data-edit a')"):
            reached.append(focused)
            if len(reached) == 2:
                break
    assert len(reached) == 2, "the 改数据 links were not reached with Tab"
    assert all(f["ring"] and f["shown"] for f in reached), reached
    assert page.get_by_role("link", name="改数据：在 Git 服务器上修改 data/years/2023.yml").count() == 2


def test_data_edit_links_are_readable_and_hit_on_a_phone(open_page, base_url):
    """375 px: the link keeps its text size, stays in the window and is a
    target of at least 24 x 24 CSS pixels (WCAG 2.2 2.5.8)."""
    page = open_page(viewport=PHONE, device_scale_factor=1)
    page.goto(base_url + "2023/measures/", wait_until="networkidle")
    boxes = page.locator("p.data-edit a").evaluate_all("""els => els.map(el => {
        const r = el.getBoundingClientRect();
        return {size: parseFloat(getComputedStyle(el).fontSize), left: r.left, right: r.right,
                width: r.width, height: r.height};
    })""")
    assert len(boxes) == 2, boxes
    assert all(b["size"] >= 12 and b["left"] >= 0 and b["right"] <= PHONE["width"]
               and b["width"] >= 24 and b["height"] >= 24 for b in boxes), boxes


# --- 200 % zoom and small screens ------------------------------------------------------

# Elements of the article reaching outside the window, other than those inside
# a box that scrolls sideways (their overflow is that box's business).
OUTSIDE = """() => {
  const width = window.innerWidth;
  const scrolls = el => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const article = document.querySelector("article.md-content__inner");
  const out = [];
  for (const el of [article, ...article.querySelectorAll("*")]) {
    let box = el === article ? null : el.parentElement;
    while (box && box !== article && !scrolls(box)) box = box.parentElement;
    if (box && box !== article) continue;
    const r = el.getBoundingClientRect();
    if (r.width && (r.left < -1 || r.right > width + 1))
      out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, outside: out.slice(0, 10)};
}"""
# Each data table: the box that scrolls it, and whether that box stays in the window.
TABLES = """() => [...document.querySelectorAll("article table")].map(table => {
  let box = table.parentElement;
  while (box && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
  const r = box && box.getBoundingClientRect();
  return {
    caption: (table.caption ? table.caption.textContent : "").trim().slice(0, 20),
    scrollBox: !!box, inWindow: !!box && r.left >= -1 && r.right <= window.innerWidth + 1,
    wider: !!box && box.scrollWidth > box.clientWidth,
  };
})"""


@pytest.mark.parametrize("size, viewport", [("zoom200", ZOOM_200), ("375px", PHONE)])
@pytest.mark.parametrize("path", REFLOW_PAGES, ids=lambda path: path.strip("/").replace("/", "-"))
def test_pages_reflow_without_sideways_scrolling(open_page, base_url, path, size, viewport):
    page = open_page(viewport=viewport, device_scale_factor=1)
    page.goto(base_url + path, wait_until="networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").replace("/", "-")
    page.screenshot(path=str(SHOTS / f"a11y-{size}-{name}.png"), full_page=True)
    layout = page.evaluate(OUTSIDE)
    assert layout["scrollWidth"] <= layout["width"], layout
    assert not layout["outside"], layout
    tables = page.evaluate(TABLES)
    stuck = [t for t in tables if not t["scrollBox"] or not t["inWindow"]]
    assert not stuck, f"tables that widen the page instead of scrolling: {stuck}"


def test_a_table_too_wide_for_a_phone_scrolls_inside_its_box(open_page, base_url):
    """Made wider than any screen on purpose: the table scrolls, the page does not."""
    page = open_page(viewport=PHONE, device_scale_factor=1)
    page.goto(base_url + "2023/plans/", wait_until="networkidle")
    page.locator(".report-table tbody tr").first.evaluate("""row => {
        const cell = row.insertCell();
        cell.style.whiteSpace = "nowrap";
        cell.textContent = "很长的一段不换行的文字".repeat(12);
    }""")
    tables = page.evaluate(TABLES)
    assert any(t["wider"] for t in tables), tables
    assert all(t["scrollBox"] and t["inWindow"] for t in tables), tables
    layout = page.evaluate(OUTSIDE)
    assert layout["scrollWidth"] <= layout["width"], layout
