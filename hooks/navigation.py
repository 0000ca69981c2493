"""The site navigation, derived from the archive instead of written by hand.

Adding a year must not mean editing ``mkdocs.yml``.  Each year is one section
whose index is the year home; with mkdocs-material's ``navigation.prune`` only
the current year's pages are expanded, so a page's weight does not grow with
the number of years.
"""

from __future__ import annotations

import report_text


# Site-wide pages, shown in the navigation when their file exists.
SITE_PAGES = (("历年报告", "archive.md"),)


def build(archive, docs=None) -> list:
    nav = [{"首页": "index.md"}]
    nav += [{label: src} for label, src in SITE_PAGES if docs and (docs / src).exists()]
    for year in archive.years:
        items = [f"{year.year}/index.md"]
        for kind in report_text.PARTS:
            page = year.pages.get(kind.slug)
            if page is not None:
                items.append({part_label(page, kind): page.src_uri})
        if "full" in year.pages:
            items.append({"全文（可打印）": year.pages["full"].src_uri})
        label = f"{year.year}年度" + ("（草稿）" if year.is_draft else "")
        nav.append({label: items})
    return nav


def part_label(page, kind) -> str:
    """Short label such as ``一、主要举措和成效`` for a part page."""
    for block in page.blocks:
        if block.kind == "part":
            numeral = block.text.split("、", 1)[0]
            return f"{numeral}、{kind.short_title}"
    return kind.short_title
