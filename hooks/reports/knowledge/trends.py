"""Key figures across years: the series, and the geometry of a bar chart of each.

Every year's data lists its key figures (``figures``), each with an ``id``
that stays the same from year to year.  ``series`` groups them by that id;
``chart`` lays one series out as a bar chart -- where each bar, gridline and
label goes, and the words of its ``<title>`` and ``<desc>``, which say what
the chart shows for screen readers and for readers who cannot see it.

The chart is values, not markup: ``render/templates/trend_chart.svg`` writes
it as SVG with Jinja's autoescaping, so a label from an editor's YAML can
never become markup, and nothing here needs to know how SVG escapes text.
Everything is a pure function of its arguments and byte-stable (coordinates
rounded to one decimal), so two builds of the same data give the same page.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata

from reports.model import year_data
from reports.model.year_data import number_text as number

DRAFT_LABEL = year_data.STATUSES["draft"]
DRAFT_LEGEND = f"{DRAFT_LABEL}（未正式发布）"
NO_DATA = "无数据"

# Geometry of the chart, in SVG user units (the viewBox; CSS scales it).
FONT_SIZE = 13  # value labels
SMALL_FONT_SIZE = 12  # year labels, axis ticks, legend
LABEL_GAP = 6  # least free space between two neighbouring labels
MAX_BAR_WIDTH = 56
BAR_SHARE = 0.6  # share of its slot a bar takes


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

def drafted(text: str, draft: bool) -> str:
    """``text`` followed by “（草稿）” when it is about a draft year."""
    return text + (f"（{DRAFT_LABEL}）" if draft else "")


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
            parts.append(drafted(f"{year}年 {number(point.value)}", point.draft))
    return f"{title_text(s)}：" + "，".join(parts)


def change_summary(s: Series) -> str:
    """The newest value against the previous year that has one."""
    if not s.points:
        return "暂无数据。"
    last = s.points[-1]
    name = drafted(f"{last.year}年", last.draft)
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


def _at(value: float) -> float:
    """A coordinate rounded to one decimal (and never ``-0.0``)."""
    return round(value, 1) + 0.0


# Characters XML cannot hold at all: escaping does not help, so they are dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _words(text) -> str:
    return _CONTROL.sub("", str(text))


def chart_id(series_id: str) -> str:
    return "chart-" + (re.sub(r"[^a-z0-9-]+", "-", str(series_id).lower()).strip("-") or "x")


@dataclasses.dataclass(frozen=True)
class Tick:
    """A gridline of the y axis and its label."""

    label: str
    y: float
    label_y: float
    axis: bool  # the zero line, drawn darker than the gridlines


@dataclasses.dataclass(frozen=True)
class Bar:
    """One year's value as a bar; a draft year's bar is hatched."""

    x: float
    y: float
    width: float
    height: float
    hatched: bool
    label: str  # the value, written above the bar
    label_y: float


@dataclasses.dataclass(frozen=True)
class Slot:
    """One year along the x axis: a hover target whose title states the
    value, the bar if the year has one, and -- on every few years -- labels."""

    year: int
    hover: str
    x: float  # left edge of the hover target
    center: float  # where the labels are centred
    bar: Bar | None
    labelled: bool  # the year (and value, or 草稿) are written under/above it
    no_data: bool  # “无数据” is written in the empty slot

    @property
    def gap(self) -> bool:
        return self.bar is None

    @property
    def draft(self) -> bool:
        return self.bar is not None and self.bar.hatched


@dataclasses.dataclass(frozen=True)
class Legend:
    """The key to the hatching, top right, when some bar is a draft."""

    x: float  # the swatch
    label_x: float
    label: str = DRAFT_LEGEND


@dataclasses.dataclass(frozen=True)
class Chart:
    """Everything ``trend_chart.svg`` draws, in SVG user units (the viewBox)."""

    id: str  # prefix of the ids inside the SVG, unique on the page
    width: int
    height: int
    title: str
    desc: str
    left: float  # the plot area: left, right, top edges and height
    right: float
    top: float
    plot_height: float
    slot_width: float
    tick_x: float  # right end of the tick labels
    ticks: tuple
    slots: tuple
    legend: Legend | None  # also: the hatch pattern is defined
    year_label_y: float
    draft_label_y: float
    no_data_y: float
    font_size: int = FONT_SIZE
    small_font_size: int = SMALL_FONT_SIZE
    draft_label: str = DRAFT_LABEL
    no_data_label: str = NO_DATA


def chart(s: Series, width: int = 640, height: int = 260, years=None) -> Chart:
    """A bar chart of ``s``: one bar per year with a value.

    ``years`` (optional) are more years to show on the axis, e.g. every year
    of the archive, so that all charts of a page share one axis; a year
    without a value is an empty slot marked “无数据” (when there is room).
    Bars of draft years are hatched and labelled 草稿.
    """
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
    no_data_fits = text_width(NO_DATA, SMALL_FONT_SIZE) + LABEL_GAP <= slot

    def y_of(value):
        return base - plot_h * float(value) / top_value

    legend = None
    if any_draft:
        legend_x = left + plot_w - text_width(DRAFT_LEGEND, SMALL_FONT_SIZE)
        legend = Legend(x=_at(legend_x - 16), label_x=_at(legend_x))

    # Labels on every step-th year counting back from the newest.
    last = len(axis_years) - 1
    year_slots = []
    for index, year in enumerate(axis_years):
        point = s.point(year)
        cx = left + slot * (index + 0.5)
        labelled = (last - index) % step == 0
        bar = None
        if point is None:
            hover = f"{year}年：{NO_DATA}"
        else:
            hover = drafted(f"{year}年：{number(point.value)} {s.unit}".rstrip(), point.draft)
            y = y_of(point.value)
            bar = Bar(x=_at(cx - bar_w / 2), y=_at(y), width=_at(bar_w), height=_at(base - y),
                      hatched=point.draft, label=_words(number(point.value)), label_y=_at(y - 5))
        year_slots.append(Slot(year=year, hover=_words(hover), x=_at(left + slot * index), center=_at(cx),
                               bar=bar, labelled=labelled, no_data=bar is None and labelled and no_data_fits))

    return Chart(
        id=chart_id(s.id), width=width, height=height,
        title=_words(f"{title_text(s)}历年数据"), desc=_words(describe(s, years)),
        left=_at(left), right=_at(left + plot_w), top=_at(top), plot_height=_at(plot_h),
        slot_width=_at(slot), tick_x=_at(left - 6),
        ticks=tuple(Tick(label=number(t), y=_at(y_of(t)), label_y=_at(y_of(t) + 4), axis=t == 0) for t in ticks),
        slots=tuple(year_slots), legend=legend,
        year_label_y=_at(base + SMALL_FONT_SIZE + 4), draft_label_y=_at(base + 2 * SMALL_FONT_SIZE + 8),
        no_data_y=_at(base - 5))
