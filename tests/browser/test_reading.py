"""What readers of government sites expect, measured in Chromium: the 关爱版,
the footer, and pages a 375 px phone can read.

* 关爱版 (accessibility.js, reading.css): a switch in the header of every
  page; remembered across pages, reloads and tabs (localStorage), with no
  network; on before the page is drawn; report text at least 20 px and no
  text under 18 px; controls at least 44 x 44 px; every text at 7:1 contrast
  or more, computed from the page's own colours; print as in the standard
  version.  (axe-core in both versions: test_accessibility.py.)
* The standard version's small print: the finder's meta lines, which were
  12.75 px at 4.5-6:1, are at least 14 px and 7:1.
* The footer names the office and the date of the last change, legibly.
* At 375 px: the trend charts' labels are at least 12 CSS px, and the archive
  table's rows stack, so nothing of it needs a sideways scroll.

Screenshots of both versions go to A11Y_SHOTS (default: a "shots" folder in
the system's temporary folder) for a person to look at.
"""

from __future__ import annotations

import os
import pathlib
import tempfile

import pytest

from support.browser import (
    CARE_SWITCH, IN_CARE_MODE, RequestLog, pdf_page_count, set_care_mode,
)

SHOTS = pathlib.Path(os.environ.get("A11Y_SHOTS") or pathlib.Path(tempfile.gettempdir()) / "shots")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
PAGE_TYPES = ["", "2023/", "2023/measures/", "2023/full/", "2023/compare/", "archive/", "finder/",
              "laws/", "calendar/", "followups/", "trends/", "404.html"]
MEASURED = ["", "2023/", "2023/measures/", "2023/plans/", "archive/", "finder/", "laws/", "trends/",
            "2023/compare/", "404.html"]

REPORT_TEXT_PX = 20
TEXT_PX = 18
CONTROL_PX = 44
CONTRAST = 7.0

# Every run of visible text on the page (or inside the elements matching the
# selector given): the element holding it, its size,
# and its contrast against what is behind it -- the element's and its
# ancestors' backgrounds composited on the white canvas, the text colour's
# alpha and the ancestors' opacity applied (WCAG's relative luminance).
# Select boxes count with the colours of the box.  Text clipped to nothing
# (words for screen readers), transparent (material's skip link until
# focused) or outside the window sideways (the closed drawer) is not seen.
TEXTS = """(within) => {
  const rgba = value => {
    const m = /rgba?\\(([^)]*)\\)/.exec(value);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const luminance = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const seen = el => {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.right <= 0 || box.left >= window.innerWidth) return false;
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)") return false;
    }
    return true;
  };
  const measure = el => {
    const layers = [];
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      opacity *= parseFloat(style.opacity);
      const colour = rgba(style.backgroundColor);
      if (colour && colour[3] > 0 && (!layers.length || layers[layers.length - 1][3] < 1)) layers.push(colour);
    }
    const behind = layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
    const style = getComputedStyle(el);
    const text = rgba(style.color);
    text[3] *= opacity;
    return {
      what: el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
        ? "." + el.className.trim().split(/\\s+/).join(".") : ""),
      text: (el.tagName === "SELECT" ? el.selectedOptions[0]?.text || "" : el.textContent).trim().slice(0, 20),
      size: parseFloat(style.fontSize),
      contrast: Math.round(contrast(over(text, behind), behind) * 100) / 100,
    };
  };
  const elements = new Set();
  for (const root of within ? document.querySelectorAll(within) : [document.body]) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (node.textContent.trim() && !el.closest("svg, script, style, noscript, template, select")) elements.add(el);
    }
    root.querySelectorAll("select").forEach(el => elements.add(el));
  }
  return [...elements].filter(seen).map(measure);
}"""

# Everything a reader presses.  The magnifier inside the search field is
# left out: it lies within the 44 px field and does what clicking the field
# does (WCAG 2.5.5, "equivalent").
CONTROLS = """() => [...document.querySelectorAll(
    "button, select, input, textarea, summary, [role=button], .md-header__button, .md-top")]
  .filter(el => !el.matches("label.md-search__icon"))
  .filter(el => el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
  .map(el => {
    const box = el.getBoundingClientRect();
    return {what: el.tagName.toLowerCase() + "." + String(el.className).trim().split(/\\s+/).join(".")
              + " " + (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 12),
            width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10};
  })
  .filter(c => c.width > 0 && c.height > 0)"""

# Each label of each chart that is shown: its size in CSS px as drawn, the
# font size in user units times the scale the SVG is drawn at.
CHART_LABELS = """() => [...document.querySelectorAll("svg.trend-chart__svg")]
  .filter(svg => svg.checkVisibility())
  .flatMap(svg => [...svg.querySelectorAll("text")].map(text => ({
    chart: svg.getAttribute("class"), text: text.textContent,
    px: Math.round(parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a * 10) / 10,
  })))"""


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"reading-{name}.png"), full_page=True)


def in_care_mode(page) -> bool:
    return page.evaluate(IN_CARE_MODE)


@pytest.fixture
def care_page(open_page, base_url):
    """``care_page(viewport)``: a page whose reader has chosen the 关爱版."""
    def open_(viewport=DESKTOP):
        page = open_page(viewport=viewport, device_scale_factor=1)
        page.goto(base_url + "2023/", wait_until="networkidle")
        set_care_mode(page)
        return page
    return open_


def goto(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => document.readyState === 'complete'")
    page.locator(CARE_SWITCH).wait_for()


# --- The switch, and what is remembered ---------------------------------------------

def test_every_page_has_the_switch_in_its_header_and_the_footer(open_page, base_url):
    page = open_page()
    for path in PAGE_TYPES:
        goto(page, base_url + path)
        switch = page.locator(CARE_SWITCH)
        assert switch.count() == 1 and switch.is_visible(), path
        assert page.get_by_role("button", name="关爱版", exact=True).count() == 1, path
        footer = page.locator("footer .site-footer")
        assert footer.is_visible(), path
        assert footer.inner_text().startswith("主办单位：天津市津南区国防动员办公室"), path
        assert "更新日期：" in footer.inner_text(), path


def test_the_choice_is_remembered_across_pages_reloads_and_tabs(open_page, base_url):
    page = open_page()
    goto(page, base_url + "2023/measures/")
    assert not in_care_mode(page)
    other_tab = page.context.new_page()
    goto(other_tab, base_url + "finder/")
    page.get_by_role("button", name="关爱版", exact=True).click()
    assert in_care_mode(page)
    assert page.locator(CARE_SWITCH).inner_text() == "退出关爱版"
    other_tab.wait_for_function(IN_CARE_MODE)  # the other tab follows at once
    assert other_tab.locator(CARE_SWITCH).inner_text() == "退出关爱版"
    page.reload(wait_until="networkidle")
    assert in_care_mode(page)
    goto(page, base_url + "laws/")
    assert in_care_mode(page)
    # And back: the standard version is remembered as well.
    page.get_by_role("button", name="退出关爱版").click()
    assert not in_care_mode(page)
    page.reload(wait_until="networkidle")
    assert not in_care_mode(page)
    assert page.locator(CARE_SWITCH).inner_text() == "关爱版"


def test_the_switch_works_offline(open_page, base_url):
    page = open_page()
    goto(page, base_url + "2023/")
    requests = RequestLog(page)
    page.context.set_offline(True)
    set_care_mode(page)
    set_care_mode(page, on=False)
    set_care_mode(page)
    assert requests.urls == []  # the switch asks the network for nothing
    page.context.set_offline(False)
    page.reload(wait_until="networkidle")
    assert in_care_mode(page)


def test_the_choice_is_applied_before_the_page_is_drawn(care_page, base_url):
    """No flash of the standard version: with every script but the one in
    <head> held back, the page as far as it is drawn is already in the
    关爱版 -- the theme's own scripts, at the end of the body, never ran."""
    page = care_page()

    def hold(route):
        if route.request.url.endswith("/assets/javascripts/accessibility.js"):
            route.continue_()
        # Else: no answer, so the browser waits for it, as on a slow network.

    page.route("**/*.js*", hold)
    page.goto(base_url + "2023/measures/", wait_until="commit")
    page.wait_for_selector("article p.report-text", state="attached")
    page.wait_for_function("""() => [...document.styleSheets].some(
        sheet => (sheet.href || "").endsWith("/reading.css") && sheet.cssRules.length)""")
    early = page.evaluate("""() => ({
        themeRan: !document.documentElement.classList.contains("no-js"),
        size: parseFloat(getComputedStyle(document.querySelector("article p.report-text")).fontSize),
    })""")
    assert early["themeRan"] is False, "the theme's scripts were not held back"
    assert in_care_mode(page), "the page was drawn in the standard version first"
    assert early["size"] >= REPORT_TEXT_PX, early


# --- Sizes, controls, contrast ------------------------------------------------------

@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "375px"])
def test_care_mode_enlarges_every_text_and_control(care_page, base_url, viewport):
    page = care_page(viewport)
    small_text, small_controls = [], []
    for path in MEASURED:
        goto(page, base_url + path)
        assert in_care_mode(page), path
        texts = page.evaluate(TEXTS)
        assert len(texts) >= 5, path
        small_text += [(path, t["what"], t["text"], t["size"]) for t in texts if t["size"] < TEXT_PX]
        small_controls += [(path, c["what"], c["width"], c["height"]) for c in page.evaluate(CONTROLS)
                           if c["width"] < CONTROL_PX or c["height"] < CONTROL_PX]
    goto(page, base_url + "2023/measures/")
    report_text = page.locator("article p.report-text").evaluate_all(
        "ps => ps.map(p => parseFloat(getComputedStyle(p).fontSize))")
    assert report_text and min(report_text) >= REPORT_TEXT_PX, min(report_text)
    assert not small_text, f"text under {TEXT_PX} px: {small_text[:12]}"
    assert not small_controls, f"controls under {CONTROL_PX} x {CONTROL_PX} px: {small_controls[:12]}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "375px"])
def test_care_mode_text_has_at_least_7_to_1_contrast(care_page, base_url, viewport):
    page = care_page(viewport)
    low = []
    for path in MEASURED:
        goto(page, base_url + path)
        low += [(path, t["what"], t["text"], t["contrast"]) for t in page.evaluate(TEXTS)
                if t["contrast"] < CONTRAST]
    shoot(page, f"care-{viewport['width']}-404")
    assert not low, f"text under {CONTRAST}:1: {low[:12]}"


def test_care_mode_search_results_are_large_and_clear(care_page, base_url):
    page = care_page()
    goto(page, base_url + "2023/measures/")
    page.keyboard.press("/")
    page.keyboard.insert_text("行政复议法")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__link")
    page.wait_for_function("""() => getComputedStyle(
        document.querySelector(".md-search__output")).opacity === "1" """)
    results = page.evaluate(TEXTS, ".md-search__output")
    assert len(results) > 5 and any(t["what"] == "mark" for t in results), results
    assert not [t for t in results if t["size"] < TEXT_PX or t["contrast"] < CONTRAST], results


def test_the_finder_small_print_is_legible_in_the_standard_version(open_page, base_url):
    """The meta line above each measure (year › part › section) was 12.75 px
    at 62 % black; it is at least 14 px at 7:1 now, without the 关爱版."""
    page = open_page(viewport=DESKTOP)
    goto(page, base_url + "finder/")
    assert not in_care_mode(page)
    small_print = page.evaluate(TEXTS, ".finder-meta, .finder-tags")
    assert len(small_print) > 20, small_print
    low = [t for t in small_print if t["size"] < 14 or t["contrast"] < CONTRAST]
    assert not low, low[:6]


# --- Print ---------------------------------------------------------------------------

PRINTED = """() => Object.fromEntries(
  ["html", "article h1", "article p.report-text", "article .report-section", "article .report-part"]
    .map(sel => [sel, document.querySelector(sel)])
    .filter(([, el]) => el)
    .map(([sel, el]) => {
      const s = getComputedStyle(el);
      return [sel, [s.fontSize, s.lineHeight, s.letterSpacing, s.wordSpacing, s.color, s.fontFamily,
                    s.marginTop, s.marginBottom, s.textIndent]];
    }))"""


def test_care_mode_prints_like_the_standard_version(open_page, base_url):
    printed = {}
    for care in (False, True):
        page = open_page()
        goto(page, base_url + "2023/full/")
        set_care_mode(page, care)
        page.emulate_media(media="print")
        assert page.locator(CARE_SWITCH).evaluate("el => getComputedStyle(el).display") == "none"
        printed[care] = (page.evaluate(PRINTED), pdf_page_count(page.pdf(format="A4")))
    (standard, pages), (care, care_pages) = printed[False], printed[True]
    assert len(standard) == 5, standard
    assert care == standard
    assert care_pages == pages > 1


# --- Screenshots ----------------------------------------------------------------------

@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "375px"])
def test_screenshots_of_both_versions(open_page, base_url, viewport):
    """Not a measurement: pictures of both versions for a person to look at
    (the switch must work for them to differ)."""
    page = open_page(viewport=viewport, device_scale_factor=1)
    for care in (False, True):
        for path in ("2023/measures/", "finder/", "archive/", "trends/"):
            goto(page, base_url + path)
            set_care_mode(page, care)
            name = path.strip("/").replace("/", "-")
            shoot(page, f"{'care' if care else 'standard'}-{viewport['width']}-{name}")
    assert in_care_mode(page)


# --- 375 px: charts and the archive table ---------------------------------------------

@pytest.mark.parametrize("care", [False, True], ids=["standard", "care"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "desktop"])
def test_chart_labels_are_at_least_12_css_px(open_page, base_url, viewport, care):
    page = open_page(viewport=viewport, device_scale_factor=1)
    goto(page, base_url + "trends/")
    set_care_mode(page, care)
    labels = page.evaluate(CHART_LABELS)
    charts = {label["chart"] for label in labels}
    assert len(charts) == 1 and labels, charts  # one copy of each chart is shown
    assert page.locator("figure.trend-chart").count() == len(page.evaluate(
        "() => [...document.querySelectorAll('svg.trend-chart__svg')].filter(s => s.checkVisibility())"))
    small = [label for label in labels if label["px"] < 12]
    assert not small, small[:6]


@pytest.mark.parametrize("viewport, care", [(PHONE, False), (DESKTOP, True)], ids=["375px", "care-desktop"])
def test_the_archive_table_stacks_its_rows_where_it_does_not_fit(open_page, base_url, viewport, care):
    """On a phone, and in the 关爱版 between two sidebars, six columns do not fit."""
    page = open_page(viewport=viewport, device_scale_factor=1)
    goto(page, base_url + "archive/")
    set_care_mode(page, care)
    shoot(page, f"{'care' if care else 'standard'}-{viewport['width']}-archive-rows")
    layout = page.locator(".report-archive table").evaluate("""table => {
      let box = table.parentElement;
      while (box && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      const cells = [...table.querySelectorAll("tbody td")].map(td => {
        const r = td.getBoundingClientRect();
        return {label: getComputedStyle(td, "::before").content, text: td.textContent.trim(),
                left: r.left, right: r.right};
      });
      const article = table.closest("article").getBoundingClientRect();
      return {scrolls: !!box && box.scrollWidth > box.clientWidth, cells, right: Math.min(article.right, innerWidth)};
    }""")
    assert not layout["scrolls"], "the table still needs a sideways scroll"
    date = next(c for c in layout["cells"] if c["label"].startswith('"发布日期"'))
    assert date["text"] and date["left"] >= 0 and date["right"] <= layout["right"] + 1, date
    outside = [c for c in layout["cells"] if c["left"] < 0 or c["right"] > layout["right"] + 1]
    assert not outside, outside
    # Still a table to a screen reader: its header cells name the columns.
    assert page.get_by_role("columnheader", name="发布日期").count() == 1
    assert page.get_by_role("cell", name=date["text"]).count() >= 1


def test_the_archive_table_stays_a_table_where_it_fits(open_page, base_url):
    page = open_page(viewport=DESKTOP, device_scale_factor=1)
    goto(page, base_url + "archive/")
    assert page.locator(".report-archive thead").evaluate("el => getComputedStyle(el).clipPath") == "none"
    assert page.locator(".report-archive td").first.evaluate("el => getComputedStyle(el).display") == "table-cell"
    # Nor on paper, in either version.
    set_care_mode(page)
    page.emulate_media(media="print")
    assert page.locator(".report-archive td").first.evaluate("el => getComputedStyle(el).display") == "table-cell"
