"""数据趋势: key figures across years (hooks/trends.py) and the marker
``<!-- site:trends -->`` (hooks/trends_page.py), on archives in memory.

The page the build makes from them is tested in tests/site/test_trends.py."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

from reports.model import archive as archive_module
from reports.render import page_fragments
from reports.knowledge import trends
from reports.render import trends_page
from support.repository import FIXTURE_ARCHIVE
from reports.model.year_data import Figure

SVG = "{http://www.w3.org/2000/svg}"


# --- Synthetic archives ---------------------------------------------------------

@dataclasses.dataclass
class FakePage:
    src_uri: str


@dataclasses.dataclass
class FakeMeta:
    figures: list


@dataclasses.dataclass
class FakeYear:
    """Just what trends.series needs of archive.Year."""

    year: int
    meta: FakeMeta
    is_draft: bool = False
    pages: dict = dataclasses.field(default_factory=dict)

    def block(self, anchor):
        return FakePage(f"{self.year}/measures.md"), object()


@dataclasses.dataclass
class FakeArchive:
    years: list  # newest first, like archive.Archive


def fig(fid, value, label=None, unit="项", at="s1-1-1"):
    return Figure(id=fid, label=label or fid, value=value, unit=unit, at=at, quote=str(value))


def make_archive(*years):
    """``years``: (year, [figures], draft) in any order."""
    items = [FakeYear(y, FakeMeta(figures), draft) for y, figures, draft in years]
    return FakeArchive(sorted(items, key=lambda y: y.year, reverse=True))


def parse(svg: str):
    return ET.fromstring(svg)


def texts(root, css):
    return [t for t in root.iter(SVG + "text") if css in t.get("class", "").split()]


# --- series() ---------------------------------------------------------------------

def test_series_on_the_fixture_archive():
    archive, problems = archive_module.load(FIXTURE_ARCHIVE)
    assert not [p for p in problems if p.level == "error"], problems
    (s,) = trends.series(archive)
    assert (s.id, s.label, s.unit) == ("trained-staff", "学法执法人员", "名")
    assert [(p.year, p.value, p.anchor, p.src_uri, p.draft) for p in s.points] == [
        (2091, 1, "s1-1-1", "2091/measures.md", False),
        (2092, 2, "s1-1-1", "2092/measures.md", False),
        (2093, 3, "s1-1-1", "2093/measures.md", True),
    ]


def test_series_order_labels_and_gaps():
    archive = make_archive(
        (2021, [fig("a", 1, "甲（旧名）"), fig("c", 5)], False),
        (2022, [fig("c", 6)], False),  # a is missing in 2022
        (2023, [fig("b", 9), fig("a", 3, "甲")], True),
    )
    result = trends.series(archive)
    # Newest year's order first (b, a), then the others (c).
    assert [s.id for s in result] == ["b", "a", "c"]
    a = result[1]
    assert a.label == "甲"  # the newest year's label
    assert [(p.year, p.value, p.label) for p in a.points] == [(2021, 1, "甲（旧名）"), (2023, 3, "甲")]
    assert a.point(2022) is None  # a gap, not a zero
    assert [p.draft for p in a.points] == [False, True]
    assert result[2].label == "c" and result[2].years == [2021, 2022]
    assert trends.series(FakeArchive([])) == []


def test_describe_and_change_summary():
    s = trends.series(make_archive(
        (2021, [fig("x", 20, "随机执法检查")], False),
        (2022, [fig("x", 25, "随机执法检查")], False),
        (2023, [fig("x", 27, "随机执法检查")], False),
    ))[0]
    assert trends.describe(s) == "随机执法检查（项）：2021年 20，2022年 25，2023年 27"
    assert trends.change_summary(s) == "2023年比2022年增加 2 项。"
    gap = trends.series(make_archive((2020, [fig("x", 4.5)], False), (2023, [fig("x", 2)], True)))[0]
    assert trends.describe(gap) == "x（项）：2020年 4.5，2021年 无数据，2022年 无数据，2023年 2（草稿）"
    assert trends.change_summary(gap) == "2023年（草稿）比2020年减少 2.5 项。"
    same = trends.series(make_archive((2022, [fig("x", 3.0)], False), (2023, [fig("x", 3)], False)))[0]
    assert trends.change_summary(same) == "2023年与2022年持平（3 项）。"
    one = trends.series(make_archive((2023, [fig("x", 7)], False)))[0]
    assert "暂无可比较的年份" in trends.change_summary(one)


def test_numbers_have_no_trailing_zero():
    assert [trends.number(v) for v in (27.0, 27, 2.5, 0.1 + 0.2, 0, -0.0)] == ["27", "27", "2.5", "0.3", "0", "0"]
    assert trends.nice_ticks(27) == [0, 10, 20, 30]
    assert trends.nice_ticks(3) == [0, 1, 2, 3]
    assert trends.nice_ticks(0) == [0, 1]
    assert trends.nice_ticks(0.3)[-1] >= 0.3


# --- svg_chart() ------------------------------------------------------------------

def three_years():
    return trends.series(make_archive(
        (2021, [fig("random-inspections", 20, "随机执法检查")], False),
        (2022, [fig("random-inspections", 25, "随机执法检查")], False),
        (2023, [fig("random-inspections", 27.0, "随机执法检查")], True),
    ))[0]


def test_svg_is_valid_xml_with_title_and_desc_naming_every_value():
    svg = trends_page.svg_chart(three_years())
    root = parse(svg)
    assert root.tag == SVG + "svg" and root.get("role") == "img"
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.get("id").startswith("chart-random-inspections")
    assert "随机执法检查" in title.text
    assert desc.text == "随机执法检查（项）：2021年 20，2022年 25，2023年 27（草稿）"
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)) and all(i.startswith("chart-random-inspections-") for i in ids)
    # One bar per year, each with its value in a hover title; labels below.
    groups = [g for g in root.iter(SVG + "g") if "trend-chart__year" in g.get("class", "")]
    assert [g.find(SVG + "title").text for g in groups] == ["2021年：20 项", "2022年：25 项", "2023年：27 项（草稿）"]
    assert [t.text for t in texts(root, "trend-chart__value")] == ["20", "25", "27"]
    assert [t.text for t in texts(root, "trend-chart__label")] == ["2021", "2022", "2023"]
    # Gridlines at round values from 0.
    assert [t.text for t in texts(root, "trend-chart__tick")] == ["0", "10", "20", "30"]


def test_svg_is_byte_stable_and_self_contained():
    s = three_years()
    svg = trends_page.svg_chart(s)
    assert svg == trends_page.svg_chart(s)
    assert "href=\"http" not in svg and "<script" not in svg and "@import" not in svg
    assert "\n\n" not in svg  # a blank line would end Markdown's raw HTML block
    for number in re.findall(r'\b(?:x|y|x1|x2|y1|y2|width|height)="([^"]+)"', svg):
        assert re.fullmatch(r"-?\d+(\.\d)?", number), number


def test_draft_bars_are_hatched_and_labelled():
    root = parse(trends_page.svg_chart(three_years()))
    bars = [r for r in root.iter(SVG + "rect") if "trend-chart__bar" in r.get("class", "").split()]
    assert [("--draft" in r.get("class")) for r in bars] == [False, False, True]
    pattern = root.find(f"{SVG}defs/{SVG}pattern")
    assert bars[2].get("fill") == f"url(#{pattern.get('id')})" != bars[0].get("fill")
    assert [t.text for t in texts(root, "trend-chart__draft-label")] == ["草稿"]


def test_a_missing_year_is_a_gap_not_a_zero():
    s = trends.series(make_archive((2021, [fig("x", 4)], False), (2023, [fig("x", 6)], False)))[0]
    root = parse(trends_page.svg_chart(s))
    bars = [r for r in root.iter(SVG + "rect") if "trend-chart__bar" in r.get("class", "")]
    assert len(bars) == 2
    gaps = [g for g in root.iter(SVG + "g") if "trend-chart__year--gap" in g.get("class", "")]
    assert [g.find(SVG + "title").text for g in gaps] == ["2022年：无数据"]
    assert [t.text for t in texts(root, "trend-chart__label")] == ["2021", "2022", "2023"]
    assert [t.text for t in texts(root, "trend-chart__nodata")] == ["无数据"]
    # The axis may also cover years of the archive outside the series.
    wide = parse(trends_page.svg_chart(s, years=[2020, 2021, 2022, 2023, 2024]))
    assert [t.text for t in texts(wide, "trend-chart__label")] == ["2020", "2021", "2022", "2023", "2024"]


def test_labels_and_units_from_the_data_are_escaped():
    s = trends.series(make_archive((2023, [fig("x", 1, label="<script>alert(1)</script>", unit='"&')], False)))[0]
    svg = trends_page.svg_chart(s)
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    root = parse(svg)
    assert root.find(SVG + "desc").text == '<script>alert(1)</script>（"&）：2023年 1'
    assert not list(root.iter(SVG + "script"))


def test_one_year_is_a_single_bar():
    s = trends.series(make_archive((2023, [fig("x", 7)], False)))[0]
    root = parse(trends_page.svg_chart(s, width=640))
    bars = [r for r in root.iter(SVG + "rect") if "trend-chart__bar" in r.get("class", "")]
    assert len(bars) == 1
    assert float(bars[0].get("width")) <= trends.MAX_BAR_WIDTH  # not a wall across the chart
    assert float(bars[0].get("height")) > 0
    assert [t.text for t in texts(root, "trend-chart__label")] == ["2023"]
    assert [t.text for t in texts(root, "trend-chart__value")] == ["7"]


def test_fifty_years_thin_out_the_labels_without_overlap():
    years = [(1974 + i, [fig("x", (i * 37) % 120 + 1000)], i >= 48) for i in range(50)]
    s = trends.series(make_archive(*years))[0]
    svg = trends_page.svg_chart(s, width=640)
    root = parse(svg)
    bars = [r for r in root.iter(SVG + "rect") if "trend-chart__bar" in r.get("class", "")]
    assert len(bars) == 50
    # Every bar keeps its value in its hover title, and the desc names all 50.
    groups = [g for g in root.iter(SVG + "g") if "trend-chart__year" in g.get("class", "")]
    assert [g.find(SVG + "title").text.split("：")[0] for g in groups] == [f"{1974 + i}年" for i in range(50)]
    desc = root.find(SVG + "desc").text
    assert all(f"{y}年 {trends.number(f[0].value)}" in desc for y, f, _ in years)
    for css, size in (("trend-chart__label", trends.SMALL_FONT_SIZE), ("trend-chart__value", trends.FONT_SIZE)):
        labels = texts(root, css)
        assert 5 <= len(labels) < 50, css  # thinned out, but still some
        widest = max(trends.text_width(t.text, size) for t in labels)
        xs = [float(t.get("x")) for t in labels]
        assert all(b - a >= widest for a, b in zip(xs, xs[1:])), (css, xs)
    # The newest year is always labelled.
    assert texts(root, "trend-chart__label")[-1].text == "2023"
    # Labels stay inside the drawing.
    width = float(root.get("viewBox").split()[2])
    assert all(0 <= float(t.get("x")) <= width for t in root.iter(SVG + "text"))


# --- The marker handler -------------------------------------------------------------

def test_trends_page_handler_links_each_value_to_its_paragraph():
    archive, _ = archive_module.load(FIXTURE_ARCHIVE)
    ctx = page_fragments.Context("trends.md", archive, page_fragments.SiteConfig("测试", "测试办"))
    html = page_fragments.MARKERS["site:trends"](ctx, None)
    assert page_fragments.MARKERS["site:trends"] is trends_page.trends_page
    row = re.search(r'<tr><th scope="row">.*?</tr>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)" title="([^"]+)">(\d+)</a>', row) == [
        ("../2091/measures/#s1-1-1", "2091年度报告 一（一）1", "1"),
        ("../2092/measures/#s1-1-1", "2092年度报告 一（一）1", "2"),
        ("../2093/measures/#s1-1-1", "2093年度报告 一（一）1（草稿）", "3"),
    ]
    assert '<h2 id="figure-trained-staff">学法执法人员（名）' in html
    assert "2093年（草稿）比2092年增加 1 名。" in html
    assert "&lt;svg" not in html and html.count("<svg") == 2  # wide, and the phone's


def test_each_chart_is_drawn_again_for_phones_with_ids_of_its_own():
    archive, _ = archive_module.load(FIXTURE_ARCHIVE)
    ctx = page_fragments.Context("trends.md", archive, page_fragments.SiteConfig("测试", "测试办"))
    html = trends_page.trends_page(ctx, None)
    wide, narrow = (parse(svg) for svg in re.findall(r"<svg.*?</svg>", html, re.S))
    assert wide.get("class") == "trend-chart__svg trend-chart__svg--wide"
    assert narrow.get("class") == "trend-chart__svg trend-chart__svg--narrow"
    assert narrow.get("viewBox") == "0 0 %d %d" % trends_page.NARROW
    assert narrow.get("aria-labelledby") == "chart-trained-staff-narrow-title chart-trained-staff-narrow-desc"
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), ids
    # The same years and values, only laid out for the narrower space.
    assert [t.text for t in texts(narrow, "trend-chart__label")] == [t.text for t in texts(wide, "trend-chart__label")]


def test_trends_page_escapes_data_outside_the_chart_too():
    archive = make_archive((2023, [fig("x", 1, label="<b>粗</b>")], False))
    ctx = page_fragments.Context("trends.md", archive, page_fragments.SiteConfig("测试", "测试办"))
    html = trends_page.trends_page(ctx, None)
    assert "<b>" not in html and "&lt;b&gt;粗&lt;/b&gt;" in html


def test_trends_page_without_figures():
    ctx = page_fragments.Context("trends.md", make_archive((2023, [], False)),
                                 page_fragments.SiteConfig("测试", "测试办"))
    assert "尚无关键数据" in trends_page.trends_page(ctx, None)
