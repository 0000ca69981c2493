"""Marker ``<!-- site:trends -->``: the key figures across years.

A table (figures × years, each value linked to the paragraph that states it)
and, per figure, a bar chart drawn at build time.  The facts and the chart's
geometry come from ``trends``, the markup from ``templates/trends.html`` and
``templates/trend_chart.svg``.
"""

from __future__ import annotations

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
                         "chart": svg_chart(s, years=numbers)})
    return templating.render("trends.html", years=years, rows=rows, sections=sections,
                             data=ctx.data_link(edit_links.YEARS, folder=True))


def svg_chart(s, width: int = 640, height: int = 260, years=None):
    """The bar chart of the series ``s`` as inline SVG (see ``trends.chart``)."""
    return templating.markup("trend_chart.svg", chart=trends.chart(s, width, height, years))
