"""The site navigation, derived from the archive instead of written by hand.

Adding a year must not mean editing ``mkdocs.yml``.  Each year is one section
whose index is the year home.  mkdocs-material's ``navigation.prune`` renders
only the active section's children, but still one link per sibling section:
with years as siblings, every page would carry a link per year and grow with
the archive.  Past ``DECADE_AFTER`` years the years are therefore grouped by
decade, so a page carries its own decade's years plus one link per decade.
"""

from __future__ import annotations

import html

from reports.model import pages
from reports.model import parts
from reports.model import report_text


# Site-wide pages, shown in the navigation when their file exists.
SITE_PAGES = (
    ("历年报告", "archive.md"),
    ("措施检索", "finder.md"),
    ("法律法规", "laws.md"),
    ("宣传节点", "calendar.md"),
    ("计划落实", "followups.md"),
    ("数据趋势", "trends.md"),
)
DECADE_AFTER = 10


def build(archive, docs=None) -> list:
    nav = [{"首页": "index.md"}]
    nav += [{label: src} for label, src in SITE_PAGES if docs and (docs / src).exists()]
    sections = [year_section(year) for year in archive.years]
    if len(sections) <= DECADE_AFTER:
        return nav + sections
    decades = {}
    for year, section in zip(archive.years, sections):
        decades.setdefault(year.year // 10 * 10, []).append(section)
    return nav + [{f"{start}—{start + 9}年": items} for start, items in decades.items()]


def year_section(year) -> dict:
    # The year home is the section's index page (navigation.indexes); its
    # label becomes the page title, so use the report's own title.
    # The theme prints navigation labels as HTML; the schema already refuses
    # markup in titles, and escaping keeps it so if a title ever slips through.
    items = [{html.escape(year.meta.title, quote=False): pages.page_uri(year.year, "index")}]
    for kind in parts.PARTS:
        page = year.pages.get(kind.slug)
        if page is not None:
            items.append({report_text.part_label(page, kind): page.src_uri})
    if "full" in year.pages:
        items.append({"全文（可打印）": year.pages["full"].src_uri})
    items += [{page.title: page.src_uri(year.year)} for page in pages.GENERATED.values()]
    label = f"{year.year}年度" + (f"（{year.status_label}）" if year.is_draft else "")
    return {label: items}
