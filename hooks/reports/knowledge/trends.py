"""Key figures across years: the series, and a bar chart of each drawn at build time.

Every year's data lists its key figures (``figures``), each with an ``id``
that stays the same from year to year.  ``series`` groups them by that id;
``svg_chart`` draws one series as an inline SVG bar chart -- no JavaScript, no
external fonts or links -- with a ``<title>`` and ``<desc>`` that say in words
what the chart shows, for screen readers and for readers who cannot see it.

Everything here is a pure function of its arguments and the output is
byte-stable (coordinates rounded to one decimal), so two builds of the same
data give the same page.  Values and labels come from editors' YAML: every
piece of text is XML-escaped here, so the caller may insert the SVG as-is.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from xml.sax.saxutils import escape as _xml_escape

from reports.model.year_data import number_text as number

DRAFT_LABEL = "草稿"
NO_DATA = "无数据"

# Geometry of the chart, in SVG user units (the viewBox; CSS scales it).
FONT_SIZE = 13  # value labels
SMALL_FONT_SIZE = 12  # year labels, axis ticks, legend
LABEL_GAP = 6  # least free space between two neighbouring labels
MAX_BAR_WIDTH = 56
BAR_SHARE = 0.6  # share of its slot a bar takes
FONT_FAMILY = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"


@dataclasses.dataclass(frozen=True)
class Point:
    """One year's value of a figure."""

    year: int
    value: float
    label: str  # the figure's label in that year's data
    anchor: str  # the paragraph that states it
    src_uri: str | None  # the page holding that paragraph (relative to docs/)
    draft: bool  # the year's report is a draft


@dataclasses.dataclass(frozen=True)
class Series:
    """One figure across the years that state it, oldest year first."""

    id: str
    label: str  # the newest year's label
    unit: str  # the newest year's unit
    points: tuple

    @property
    def years(self) -> list:
        return [p.year for p in self.points]

    def point(self, year: int):
        for point in self.points:
            if point.year == year:
                return point
        return None


def series(archive) -> list:
    """The figures of every year of ``archive``, grouped by ``id``.

    Ordered as the figures first appear in the newest year, then those the
    newest year lacks, in the order they appear going back in time.  A year
    that does not state a figure has no point in its series (never a zero).
    """
    years = sorted(archive.years, key=lambda y: y.year, reverse=True)  # newest first
    order, newest, points = [], {}, {}
    for year in years:
        for figure in year.meta.figures:
            if figure.id not in newest:
                order.append(figure.id)
                newest[figure.id] = figure
            points.setdefault(figure.id, []).append(Point(
                year=year.year, value=figure.value, label=figure.label, anchor=figure.at,
                src_uri=_page_of(year, figure.at), draft=bool(year.is_draft)))
    return [Series(id=fid, label=newest[fid].label, unit=newest[fid].unit,
                   points=tuple(sorted(points[fid], key=lambda p: p.year)))
            for fid in order]


def _page_of(year, anchor):
    page, _ = year.block(anchor)
    if page is None:  # the check reports it; fall back to the year's home
        page = year.pages.get("index")
    return page.src_uri if page is not None else None


# --- Words ---------------------------------------------------------------------

def title_text(s: Series) -> str:
    return f"{s.label}（{s.unit}）" if s.unit else s.label


def describe(s: Series, years=None) -> str:
    """The chart in words: “随机执法检查（项）：2021年 20，2022年 无数据，2023年 27（草稿）”."""
    parts = []
    for year in slots(s, years):
        point = s.point(year)
        if point is None:
            parts.append(f"{year}年 {NO_DATA}")
        else:
            parts.append(f"{year}年 {number(point.value)}" + (f"（{DRAFT_LABEL}）" if point.draft else ""))
    return f"{title_text(s)}：" + "，".join(parts)


def change_summary(s: Series) -> str:
    """The newest value against the previous year that has one."""
    if not s.points:
        return "暂无数据。"
    last = s.points[-1]
    name = f"{last.year}年" + (f"（{DRAFT_LABEL}）" if last.draft else "")
    if len(s.points) == 1:
        return f"仅{last.year}年度报告载明此项数据（{number(last.value)} {s.unit}），暂无可比较的年份。"
    before = s.points[-2]
    diff = round(float(last.value) - float(before.value), 6)
    unit = f" {s.unit}" if s.unit else ""
    if diff > 0:
        return f"{name}比{before.year}年增加 {number(diff)}{unit}。"
    if diff < 0:
        return f"{name}比{before.year}年减少 {number(-diff)}{unit}。"
    return f"{name}与{before.year}年持平（{number(last.value)}{unit}）。"


def slots(s: Series, years=None) -> list:
    """The years along the x axis: every year from the first to the last of
    the series' points and ``years``, so missing years show as gaps."""
    known = set(s.years) | set(years or ())
    if not known:
        return []
    return list(range(min(known), max(known) + 1))


# --- The chart -------------------------------------------------------------------

def text_width(text: str, size: float) -> float:
    """A generous estimate of the drawn width of ``text``: full-width
    characters (Chinese) take 1em, others 0.62em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.62 * size for c in text)


def label_step(slot_width: float, texts) -> int:
    """Label every k-th slot so that no two labels overlap."""
    widest = max((text_width(t, SMALL_FONT_SIZE if kind == "small" else FONT_SIZE)
                  for kind, t in texts), default=0)
    if slot_width <= 0:
        return 1
    return max(1, math.ceil((widest + LABEL_GAP) / slot_width))


def nice_ticks(maximum: float, target: int = 4) -> list:
    """Round tick values from 0 that cover ``maximum``: steps of 1, 2 or 5 × 10ⁿ."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / target
    exponent = math.floor(math.log10(raw))
    step = None
    for multiple in (1, 2, 5, 10):
        candidate = multiple * 10.0 ** exponent
        if candidate >= raw:
            step = candidate
            break
    if maximum >= 1:
        step = max(step, 1)  # no 0.5 gridlines for counts
    count = math.ceil(round(maximum / step, 9))
    return [round(i * step, 9) for i in range(count + 1)]


def _c(value: float) -> str:
    """A coordinate, rounded to one decimal, without a trailing ``.0``."""
    text = f"{round(value, 1):.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text) -> str:
    """Text made safe for XML/HTML element content and double-quoted attributes."""
    return _xml_escape(_CONTROL.sub("", str(text)), {'"': "&quot;"})


def chart_id(series_id: str) -> str:
    return "chart-" + (re.sub(r"[^a-z0-9-]+", "-", str(series_id).lower()).strip("-") or "x")


def svg_chart(s: Series, width: int = 640, height: int = 260, years=None) -> str:
    """An inline SVG bar chart of ``s``: one bar per year with a value.

    ``years`` (optional) are more years to show on the axis, e.g. every year
    of the archive, so that all charts of a page share one axis; a year
    without a value is an empty slot marked “无数据” (when there is room).
    Bars of draft years are hatched and labelled 草稿.
    """
    prefix = chart_id(s.id)
    axis_years = slots(s, years)
    any_draft = any(p.draft for p in s.points)
    values = [float(p.value) for p in s.points]
    ticks = nice_ticks(max(values, default=0))
    top_value = ticks[-1]

    left = max(text_width(number(t), SMALL_FONT_SIZE) for t in ticks) + 10
    right = 8
    top = FONT_SIZE + 10 + (SMALL_FONT_SIZE + 10 if any_draft else 0)
    bottom = SMALL_FONT_SIZE * 2 + 16
    plot_w, plot_h = width - left - right, height - top - bottom
    base = top + plot_h

    n = max(len(axis_years), 1)
    slot = plot_w / n
    bar_w = max(1.0, min(slot * BAR_SHARE, MAX_BAR_WIDTH))
    texts = [("small", str(y)) for y in axis_years] + [("value", number(v)) for v in values]
    if any_draft:
        texts.append(("small", DRAFT_LABEL))
    step = label_step(slot, texts)

    def y_of(value):
        return base - plot_h * float(value) / top_value

    title = f"{title_text(s)}历年数据"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart__svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'font-family="{esc(FONT_FAMILY)}" font-size="{FONT_SIZE}">',
        f'<title id="{prefix}-title">{esc(title)}</title>',
        f'<desc id="{prefix}-desc">{esc(describe(s, years))}</desc>',
    ]
    if any_draft:
        out += [
            f'<defs><pattern id="{prefix}-hatch" class="trend-chart__hatch" width="6" height="6" '
            f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            f'<rect class="trend-chart__hatch-bg" width="6" height="6" fill="#fdecea"/>'
            f'<line class="trend-chart__hatch-line" x1="0" y1="0" x2="0" y2="6" stroke="#c62828" stroke-width="3"/>'
            f'</pattern></defs>',
        ]
    # Gridlines and the y axis labels.
    out.append('<g class="trend-chart__grid" aria-hidden="true">')
    for tick in ticks:
        y = _c(y_of(tick))
        css = "trend-chart__axis" if tick == 0 else "trend-chart__gridline"
        stroke = "#757575" if tick == 0 else "#e0e0e0"
        out.append(f'<line class="{css}" x1="{_c(left)}" y1="{y}" x2="{_c(left + plot_w)}" y2="{y}" '
                   f'stroke="{stroke}" stroke-width="1"/>')
        out.append(f'<text class="trend-chart__tick" x="{_c(left - 6)}" y="{_c(y_of(tick) + 4)}" '
                   f'text-anchor="end" font-size="{SMALL_FONT_SIZE}" fill="#555">{number(tick)}</text>')
    out.append("</g>")
    if any_draft:
        legend_x = left + plot_w - text_width(f"{DRAFT_LABEL}（未正式发布）", SMALL_FONT_SIZE)
        out.append(
            f'<g class="trend-chart__legend"><rect x="{_c(legend_x - 16)}" y="4" width="11" height="11" '
            f'fill="url(#{prefix}-hatch)" stroke="#c62828" stroke-width="1"/>'
            f'<text x="{_c(legend_x)}" y="14" font-size="{SMALL_FONT_SIZE}" fill="#333">'
            f'{DRAFT_LABEL}（未正式发布）</text></g>')
    # One group per year: a hover target with the value in its <title>, the
    # bar, and -- on every step-th year counting back from the newest -- labels.
    last = len(axis_years) - 1
    for index, year in enumerate(axis_years):
        point = s.point(year)
        cx = left + slot * (index + 0.5)
        labelled = (last - index) % step == 0
        if point is None:
            hover = f"{year}年：{NO_DATA}"
        else:
            hover = f"{year}年：{number(point.value)} {s.unit}".rstrip() + (
                f"（{DRAFT_LABEL}）" if point.draft else "")
        css = "trend-chart__year" + (" trend-chart__year--draft" if point and point.draft else "") + (
            " trend-chart__year--gap" if point is None else "")
        out.append(f'<g class="{css}"><title>{esc(hover)}</title>')
        out.append(f'<rect class="trend-chart__hit" x="{_c(left + slot * index)}" y="{_c(top)}" '
                   f'width="{_c(slot)}" height="{_c(plot_h)}" fill="#000" fill-opacity="0"/>')
        if point is not None:
            y = y_of(point.value)
            x = _c(cx - bar_w / 2)
            if point.draft:
                out.append(f'<rect class="trend-chart__bar trend-chart__bar--draft" x="{x}" y="{_c(y)}" '
                           f'width="{_c(bar_w)}" height="{_c(base - y)}" fill="url(#{prefix}-hatch)" '
                           f'stroke="#c62828" stroke-width="1"/>')
            else:
                out.append(f'<rect class="trend-chart__bar" x="{x}" y="{_c(y)}" width="{_c(bar_w)}" '
                           f'height="{_c(base - y)}" fill="#c62828"/>')
            if labelled:
                out.append(f'<text class="trend-chart__value" x="{_c(cx)}" y="{_c(y - 5)}" '
                           f'text-anchor="middle" fill="#212121">{esc(number(point.value))}</text>')
        elif labelled and text_width(NO_DATA, SMALL_FONT_SIZE) + LABEL_GAP <= slot:
            out.append(f'<text class="trend-chart__nodata" x="{_c(cx)}" y="{_c(base - 5)}" '
                       f'text-anchor="middle" font-size="{SMALL_FONT_SIZE}" fill="#757575">{NO_DATA}</text>')
        if labelled:
            out.append(f'<text class="trend-chart__label" x="{_c(cx)}" y="{_c(base + SMALL_FONT_SIZE + 4)}" '
                       f'text-anchor="middle" font-size="{SMALL_FONT_SIZE}" fill="#333">{year}</text>')
            if point is not None and point.draft:
                out.append(f'<text class="trend-chart__draft-label" x="{_c(cx)}" '
                           f'y="{_c(base + 2 * SMALL_FONT_SIZE + 8)}" text-anchor="middle" '
                           f'font-size="{SMALL_FONT_SIZE}" fill="#c62828">{DRAFT_LABEL}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
