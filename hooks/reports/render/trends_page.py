"""Marker ``<!-- site:trends -->``: the key figures across years.

A table (figures × years, each value linked to the paragraph that states it)
and, per figure, a bar chart drawn at build time (twice: for wide screens and
for phones, each with labels of at least 12 CSS px where it is shown).  The
facts and the chart's geometry come from ``trends``, the markup from
``templates/trends.html`` and ``templates/trend_chart.svg``.
"""

from __future__ import annotations

import dataclasses

from reports.render import edit_links
from reports.render import templating
from reports.model import report_text
from reports.knowledge import trends


def trends_page(ctx, marker):
    archive = ctx.archive
    all_series = trends.series(archive)
    years = sorted(archive.years, key=lambda y: y.year)  # oldest first, as the charts
    numbers = [y.year for y in years]
    rows, sections = [], []
    for s in all_series:
        cells = []
        for year in years:
            point = s.point(year.year)
            cells.append(None if point is None else {
                "value": trends.number(point.value),
                "href": ctx.link(point.src_uri, point.anchor) if point.src_uri else None,
                "where": trends.drafted(f"{point.year}年度报告 {report_text.anchor_label(point.anchor)}",
                                        point.draft),
                "draft": point.draft,
            })
        rows.append({"series": s, "cells": cells})
        sections.append({"series": s, "summary": trends.change_summary(s),
                         "chart": svg_chart(s, years=numbers),
                         "narrow_chart": svg_chart(s, *NARROW, years=numbers, narrow=True)})
    return templating.render("trends.html", years=years, rows=rows, sections=sections,
                             data=ctx.data_link(edit_links.YEARS, folder=True))


# The chart drawn again for phones (and the 关爱版), in user units that are
# about CSS pixels there: the 640-unit chart shrunk to a 343 px phone column
# wrote its 12-unit labels at 6 px.  trends.css shows one of the two.
NARROW = (300, 230)


def svg_chart(s, width: int = 640, height: int = 260, years=None, narrow: bool = False):
    """The bar chart of the series ``s`` as inline SVG (see ``trends.chart``);
    ``narrow``: the phone's copy, with ids of its own."""
    chart = trends.chart(s, width, height, years)
    if narrow:
        chart = dataclasses.replace(chart, id=chart.id + "-narrow")
    return templating.markup("trend_chart.svg", chart=chart, narrow=narrow)
