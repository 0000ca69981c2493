"""What each marker renders, as pure functions of the archive and the page.

``MARKERS`` is the registry: the only names a page may use.  Each handler
takes the page ``Context`` and the ``Marker`` and returns Markdown (HTML
fragments from ``render`` count as Markdown).  They read no files and touch no
MkDocs object, so tests call them directly.
"""

from __future__ import annotations

import dataclasses

from reports.knowledge import downloads
from reports.model import forge as forge_module
from reports.model import pages
from reports.render import edit_links
from reports.render import knowledge_pages
from reports.render import measures_finder
from reports.render import templating
from reports.model import parts
from reports.model import report_text
from reports.model import year_data
from reports.render import trends_page
from reports.model import markers
from reports.model.markers import MarkerError


@dataclasses.dataclass(frozen=True)
class SiteConfig:
    site_name: str
    office: str
    office_short: str = ""
    use_directory_urls: bool = True
    forge: forge_module.Forge | None = None  # the Git server's addresses (none: no edit links)

    @classmethod
    def from_mkdocs(cls, config) -> "SiteConfig":
        extra = config.extra or {}
        office = extra.get("office") or {}
        return cls(
            site_name=config.site_name,
            office=office.get("name", ""),
            office_short=office.get("short_name", ""),
            use_directory_urls=config.use_directory_urls,
            forge=forge_module.from_settings(extra.get("git")),
        )


@dataclasses.dataclass
class Context:
    src_uri: str
    archive: object
    config: SiteConfig
    # What every page of a year shares, made once per year per build
    # (``per_year``): the build context hands every page the same dict.
    memo: dict = dataclasses.field(default_factory=dict)

    def per_year(self, name: str, year, make):
        """``make()``, once per ``year`` and ``name`` in this ``memo``."""
        key = (name, year.year)
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    @property
    def _match(self):
        return pages.YEAR_PAGE.match(self.src_uri)

    @property
    def year(self):
        m = self._match
        return self.archive.year(int(m.group("year"))) if m else None

    @property
    def slug(self) -> str:
        m = self._match
        return m.group("slug") if m else ""

    @property
    def link(self):
        return templating.Linker(self.src_uri, self.config.use_directory_urls)

    def data_link(self, path: str, folder: bool = False):
        """The "改数据" link of a table made from ``path`` (None without a forge)."""
        return edit_links.data_link(self.config.forge, path, folder)

    def require_year(self, marker):
        if self.year is None:
            raise MarkerError(f"标记“{marker.name}”只能用在某一年度的页面中（如 docs/2023/）",
                              "请把它移到年度目录下的页面，或删除这一行。")
        return self.year


def report_lines(ctx, year, page, shift: int = 0) -> list:
    """A report page's lines with anchors and, after each corrected block,
    its errata.  One entry per source line, so markers can still be found."""
    lines = report_text.with_anchors(page.body, page.blocks, page.first_line, shift)
    errata = {}
    for erratum in year.meta.errata:
        errata.setdefault(erratum.at, []).append(erratum)
    for block in page.blocks:
        if block.anchor in errata:
            index = block.end - page.first_line
            lines[index] += templating.render("erratum.html", errata=errata[block.anchor])
    return lines


# The switcher lists the years around the current one; the page 全部年度 lists
# them all.  A page's weight must not grow with the archive (50 years of
# options would add 3 KB to every year page).
SWITCHER_SPAN = 5


@dataclasses.dataclass(frozen=True)
class YearBar:
    """What the year bars of one year's pages share: the years around it
    and its parts.  Only the links depend on the page."""
    previous: object  # archive.Year or None
    next: object
    others: list  # the switcher's years, newest first
    more: bool  # more years than the switcher lists
    parts: list  # (page, label) of the year's parts
    generated: list  # (GeneratedPage, src_uri)


def year_bar_data(archive, year) -> YearBar:
    years = sorted(archive.years, key=lambda y: y.year)
    index = years.index(year)
    return YearBar(
        previous=years[index - 1] if index > 0 else None,
        next=years[index + 1] if index + 1 < len(years) else None,
        others=list(reversed(years[max(0, index - SWITCHER_SPAN):index + SWITCHER_SPAN + 1])),
        more=len(years) > 2 * SWITCHER_SPAN + 1,
        parts=[(p, report_text.part_label(p, k)) for k in parts.PARTS
               for p in [year.pages.get(k.slug)] if p is not None],
        generated=[(page, page.src_uri(year.year)) for page in pages.GENERATED.values()])


def year_bar(ctx) -> str:
    """The year switcher: same part in other years, previous/next year, and
    this year's parts.  Shown at the top of every year page; what does not
    depend on the page is made once per year (``year_bar_data``)."""
    year, slug = ctx.year, ctx.slug
    bar = ctx.per_year("year_bar", year, lambda: year_bar_data(ctx.archive, year))

    def same_part(other):
        if slug in pages.GENERATED:
            return {"year": other, "href": ctx.link(pages.page_uri(other.year, slug)), "exact": True}
        page = other.pages.get(slug) or other.pages.get("index")
        return {"year": other, "href": ctx.link(page.src_uri), "exact": page.slug == slug}

    return templating.render(
        "year_bar.html", year=year, slug=slug,
        previous=same_part(bar.previous) if bar.previous is not None else None,
        next=same_part(bar.next) if bar.next is not None else None,
        others=[same_part(y) for y in bar.others], more=bar.more,
        parts=bar.parts, generated=bar.generated,
        link=ctx.link, archive_page="archive.md")


def year_meta(ctx, marker):
    year = ctx.require_year(marker)
    return templating.render("year_meta.html", year=year, office=year.meta.office or ctx.config.office,
                             facts=document_facts(year.meta), link=ctx.link)


def document_facts(meta) -> list:
    """``(label, text)`` of each fact the year's data records about the
    document itself (文号, 索引号 ...), dates written the way the page writes them."""
    facts = []
    for name, label in year_data.DOCUMENT_FACTS.items():
        value = getattr(meta, name)
        if value is not None:
            facts.append((label, templating.date_zh(value) if name.endswith("_on") else value))
    return facts


def year_contents(ctx, marker):
    year = ctx.require_year(marker)
    return templating.render("year_contents.html", year=year, link=ctx.link)


def report_full(ctx, marker):
    """The whole report on one page: title, preamble, then every part.

    Built from the year's own pages, so the one-page report can never differ
    from the part pages; headings of the parts are demoted one level under
    the report title and markers (tables, figures) are left out, so the page
    prints like the official document.
    """
    year = ctx.require_year(marker)
    pieces = []
    home = year.pages.get("index")
    if home is not None:
        pieces.append("\n".join(report_text.strip_markers(report_lines(ctx, year, home))))
    for page in year.parts:
        lines = report_lines(ctx, year, page, shift=1)
        pieces.append("\n".join(report_text.strip_markers(lines)))
    meta = year_meta(ctx, marker)
    text = "\n\n".join(pieces)
    # The report metadata goes right under the title.
    head, sep, rest = text.partition("\n")
    return head + "\n" + meta + rest if head.startswith("# ") else meta + text


def year_figures(ctx, marker):
    year = ctx.require_year(marker)
    if not year.meta.figures:
        return ""
    return templating.render("figures.html", figures=year.meta.figures, source=source_link(ctx, year),
                             data=ctx.data_link(year.data_file))


def source_link(ctx, year):
    """Link to the paragraph with ``anchor`` in ``year``'s pages."""
    def link(anchor):
        page, _ = year.block(anchor)
        if page is None or page.src_uri == ctx.src_uri:
            return f"#{anchor}"
        return ctx.link(page.src_uri, anchor)
    return link


def table(ctx, marker, name, caption, headings, rows):
    year = ctx.require_year(marker)
    entries = getattr(year.meta, name)
    if not entries:
        return ""
    return templating.render("table.html", table_id=f"table-{name}", caption=caption,
                         headings=headings, rows=[{"cells": rows(e), "at": e.at} for e in entries],
                         source=source_link(ctx, year), data=ctx.data_link(year.data_file))


def year_studies(ctx, marker):
    catalog = ctx.archive.catalog
    return table(ctx, marker, "studies", year_data.LISTS["studies"], ("学习内容", "形式", "参加人员", "时间"),
                 lambda s: (knowledge_pages.document_cell(catalog, s.document), s.how, s.who, s.when))


def year_campaigns(ctx, marker):
    campaigns = ctx.archive.catalog.campaigns
    return table(ctx, marker, "campaigns", year_data.LISTS["campaigns"], ("宣传节点", "原文写法", "形式", "对象", "地点"),
                 lambda e: (campaigns[e.campaign].name, e.quote, e.form, e.audience, e.place))


def year_actions(ctx, marker):
    # Not LISTS["actions"] (主要负责人履职事项): the year pages have always
    # said 履职情况, and the built site stays byte for byte as it was.
    return table(ctx, marker, "actions", "主要负责人履职情况", ("日期", "人员", "事项"),
                 lambda a: (templating.date_zh(a.date), a.who, a.what))


def year_shortcomings(ctx, marker):
    return table(ctx, marker, "shortcomings", year_data.LISTS["shortcomings"], ("不足",), lambda s: (s.text,))


def year_plans(ctx, marker):
    return table(ctx, marker, "plans", f"{ctx.require_year(marker).year + 1}年度主要安排",
                 ("安排", "领域"), lambda p: (p.text, p.area))


def year_versions(ctx, marker):
    year = ctx.require_year(marker)
    return templating.render("versions.html", year=year, source=source_link(ctx, year),
                             data=ctx.data_link(year.data_file))


def year_downloads(ctx, marker):
    year = ctx.require_year(marker)
    return templating.render("downloads.html", title=f"{year.year}年度数据下载",
                         links=ctx.per_year("downloads", year, lambda: downloads.links_for(year)),
                         link=ctx.link)


def site_archive(ctx, marker):
    return templating.render("archive.html", years=ctx.archive.years, parts=parts.PARTS,
                         link=ctx.link, data=ctx.data_link(edit_links.YEARS, folder=True)) + templating.render(
        "downloads.html", title="全部年度数据下载", links=downloads.archive_links(), link=ctx.link)


def site_home(ctx, marker):
    archive = ctx.archive
    return templating.render("home.html", config=ctx.config, latest=archive.latest,
                         years=archive.years, link=ctx.link)


MARKERS = {
    "year:meta": year_meta,
    "year:contents": year_contents,
    "year:figures": year_figures,
    "year:studies": year_studies,
    "year:campaigns": year_campaigns,
    "year:actions": year_actions,
    "year:shortcomings": year_shortcomings,
    "year:plans": year_plans,
    "year:versions": year_versions,
    "year:downloads": year_downloads,
    "year:compare": knowledge_pages.compare_page,
    "report:full": report_full,
    "site:archive": site_archive,
    "site:documents": knowledge_pages.documents_page,
    "site:campaigns": knowledge_pages.campaigns_page,
    "site:followups": knowledge_pages.followups_page,
    "site:home": site_home,
    "site:finder": measures_finder.finder,
    "site:trends": trends_page.trends_page,
}


def handlers(ctx) -> dict:
    return {name: (lambda marker, f=f: f(ctx, marker)) for name, f in MARKERS.items()}


def fill(ctx, markdown: str, where: str, first_line) -> tuple:
    """The Markdown of the page ``ctx`` with its markers filled: ``(text, problems)``.

    A report page's text comes from the model, with its anchors and errata;
    any other page's is MkDocs' ``markdown``, whose first line is line
    ``first_line()`` of its file -- a function, called only for those pages,
    because it reads the file to count the front matter.  ``where`` names the
    file in problems.  Year pages get the year bar on top.
    """
    year, slug = ctx.year, ctx.slug
    source = year.pages.get(slug) if year else None
    if source is not None and slug != "full":
        lines, line = report_lines(ctx, year, source), source.first_line
    else:
        lines, line = markdown.split("\n"), first_line()
    # Editors' notes (whole-line comments that are no marker) are not shown:
    # raw HTML, comments included, would be printed as text (text_only).
    lines = ["" if report_text.MARKER_LINE.match(l) and not markers.MARKER.match(l)
             and not markers.ATTEMPT.match(l) else l for l in lines]
    text, problems = markers.expand(lines, handlers(ctx), where, line)
    if year is not None:
        text = year_bar(ctx) + text
    return text, problems
