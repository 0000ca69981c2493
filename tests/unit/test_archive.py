"""The per-year archive's navigation and year switcher, on archives of many
years made in memory (the fictional fixture archive is built in
tests/site/test_archive.py)."""

from __future__ import annotations

import re

from reports.model import archive as archive_module
from reports.render import navigation


def test_navigation_stays_flat_with_many_years():
    from reports.model import year_data
    years = [archive_module.Year(year_data.YearData(y, f"{y}年度报告", "published"), "", None, {})
             for y in range(2060, 2048, -1)]
    nav = navigation.build(archive_module.Archive(years))
    labels = [next(iter(item)) for item in nav]
    assert labels == ["首页", "2060—2069年", "2050—2059年", "2040—2049年"]
    few = navigation.build(archive_module.Archive(years[:3]))
    assert [next(iter(item)) for item in few] == ["首页", "2060年度", "2059年度", "2058年度"]


def test_switcher_lists_the_years_around_the_current_one_only():
    from reports.render import page_fragments
    from reports.model import year_data
    years = [archive_module.Year(year_data.YearData(y, f"{y}年度报告", "published"), "", None,
                                 {"index": archive_module.Page(f"{y}/index.md", "", "index", "", "", 1, [])})
             for y in range(2040, 2000, -1)]
    ctx = page_fragments.Context("2020/index.md", archive_module.Archive(years),
                                 page_fragments.SiteConfig("站", "机关"))
    html = page_fragments.year_bar(ctx)
    options = re.findall(r"<option[^>]*>([^<]+)</option>", html)
    assert options == [f"{y}年度" for y in range(2025, 2014, -1)] + ["更多年度……"]
    assert '<option value="../archive/">更多年度……</option>' in html
