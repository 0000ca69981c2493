"""The trend chart as values (``trends.chart``) and as SVG (``trend_chart.svg``).

The geometry is worked out by hand for a small series, so a change in the
layout shows up as a changed number here before it shows up on the page.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reports.knowledge import trends
from reports.model import year_data
from reports.render import trends_page

SVG = "{http://www.w3.org/2000/svg}"


def point(year, value, draft=False):
    return trends.Point(year=year, value=value, label="x", anchor="s1-1-1",
                        src_uri=f"{year}/measures.md", draft=draft)


def series(*points, label="x", unit="项"):
    return trends.Series(id="x", label=label, unit=unit, points=tuple(points))


def gap_and_draft():
    """2021: 4; 2022: nothing; 2023: 6 in a draft report."""
    return series(point(2021, 4), point(2023, 6, draft=True))


def test_geometry_of_a_series_with_a_gap_and_a_draft_year():
    chart = trends.chart(gap_and_draft(), width=640, height=260)
    # Ticks 0, 2, 4, 6; the widest tick label ("0") is 7.44 wide, so the plot
    # starts at 17.44; a draft leaves room for the legend above (top 45);
    # the plot is 175 high, its base at 220.
    assert (chart.id, chart.width, chart.height) == ("chart-x", 640, 260)
    assert (chart.left, chart.right, chart.top, chart.plot_height) == (17.4, 632.0, 45.0, 175.0)
    assert (chart.tick_x, chart.slot_width) == (11.4, 204.9)
    assert [(t.label, t.y, t.label_y, t.axis) for t in chart.ticks] == [
        ("0", 220.0, 224.0, True), ("2", 161.7, 165.7, False),
        ("4", 103.3, 107.3, False), ("6", 45.0, 49.0, False)]
    assert (chart.year_label_y, chart.draft_label_y, chart.no_data_y) == (236.0, 252.0, 215.0)
    assert chart.legend == trends.Legend(x=508.0, label_x=524.0, label="草稿（未正式发布）")

    first, gap, draft = chart.slots
    assert [s.year for s in chart.slots] == [2021, 2022, 2023]
    assert [s.hover for s in chart.slots] == ["2021年：4 项", "2022年：无数据", "2023年：6 项（草稿）"]
    assert [(s.x, s.center) for s in chart.slots] == [(17.4, 119.9), (222.3, 324.7), (427.1, 529.6)]
    assert all(s.labelled for s in chart.slots)  # three slots have room for every label
    assert first.bar == trends.Bar(x=91.9, y=103.3, width=56.0, height=116.7, hatched=False,
                                   label="4", label_y=98.3)
    assert draft.bar == trends.Bar(x=501.6, y=45.0, width=56.0, height=175.0, hatched=True,
                                   label="6", label_y=40.0)
    assert gap.bar is None and gap.gap and gap.no_data and not gap.draft
    assert draft.draft and not draft.gap and not first.draft and not first.no_data
    assert chart.draft_label == year_data.STATUSES["draft"] == "草稿"
    assert chart.title == "x（项）历年数据"
    assert chart.desc == "x（项）：2021年 4，2022年 无数据，2023年 6（草稿）"


def test_without_a_draft_there_is_no_legend_and_no_room_for_it():
    chart = trends.chart(series(point(2021, 4), point(2023, 6)), width=640, height=260)
    assert chart.legend is None and chart.top == 23.0
    assert not any(s.draft for s in chart.slots)


def test_the_svg_draws_the_geometry():
    root = ET.fromstring(str(trends_page.svg_chart(gap_and_draft())))
    bars = [r for r in root.iter(SVG + "rect") if "trend-chart__bar" in r.get("class", "").split()]
    assert [(b.get("x"), b.get("y"), b.get("width"), b.get("height")) for b in bars] == [
        ("91.9", "103.3", "56", "116.7"), ("501.6", "45", "56", "175")]
    assert bars[1].get("fill") == "url(#chart-x-hatch)" and bars[0].get("fill") == "#c62828"
    assert root.find(f"{SVG}defs/{SVG}pattern").get("id") == "chart-x-hatch"
    gap = [g for g in root.iter(SVG + "g") if "trend-chart__year--gap" in g.get("class", "").split()]
    assert [g.find(SVG + "title").text for g in gap] == ["2022年：无数据"]


def test_a_title_with_markup_comes_out_escaped():
    s = series(point(2023, 1), label="<script>alert(1)</script> & co", unit="&")
    svg = str(trends_page.svg_chart(s))
    assert "<script" not in svg
    assert ('<title id="chart-x-title">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co（&amp;）历年数据</title>'
            in svg)
    root = ET.fromstring(svg)
    assert root.find(SVG + "title").text == "<script>alert(1)</script> & co（&）历年数据"
    assert not list(root.iter(SVG + "script"))


def test_characters_xml_cannot_hold_are_dropped():
    s = series(point(2023, 1), label="a\x01b\x0b")
    chart = trends.chart(s)
    assert chart.title == "ab（项）历年数据" and "\x01" not in chart.desc
    ET.fromstring(str(trends_page.svg_chart(s)))  # still well-formed XML
