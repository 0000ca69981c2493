"""The pages of the imported year: its text verbatim, one page per part.

The title and the preamble go to the year home, each recognised part to its
own page (``parts.PARTS``), with the markers of the template year (or the
parts' defaults); a part that fits none of them follows the page before it,
after a comment.  Only whitespace at line ends and blank lines change, and a
paragraph that Markdown would read as syntax is escaped.  The pages are
computed as text; nothing is written here.
"""

from __future__ import annotations

import dataclasses
import re

from reports.commands.importer.structure import Part, ParsedReport, Unit
from reports.commands.year_files import INDEX_MARKERS, home_markers, marker_line, part_markers, part_pages_markers
from reports.model import archive as archive_module
from reports.model.pages import page_uri
from reports.model import parts
from reports.model import report_text

# A paragraph that starts like Markdown block syntax is escaped (the backslash
# is not shown on the page): - + * lists, > quotes, # headings, rules.
MARKDOWN_START = re.compile(r"^(?:[-+*][ \t]|>|#|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$)")


# Inline text that Markdown would read as markup: a tag or comment (<b>,
# <!--), a link or image ([…](…), ![…]), an attribute list ({: …}, {#…}).
# ``<`` is written as the entity ``&lt;`` (a backslash does not stop
# Python-Markdown reading a tag), the others with a backslash, so an imported
# document is text only, whatever it holds (and the page-markup rule accepts it).
INLINE_MARKUP = re.compile(r"<(?=[A-Za-z/!?])|\[|\{(?=\s*[:#.])")


def inline_text(text: str) -> str:
    escaped = text.replace("\\", "\\\\")
    return INLINE_MARKUP.sub(lambda m: "&lt;" if m.group(0) == "<" else "\\" + m.group(0), escaped)


def markdown_line(text: str) -> str:
    text = inline_text(text)
    return "\\" + text if MARKDOWN_START.match(text) else text


@dataclasses.dataclass
class Pages:
    texts: dict  # page file -> Markdown: index.md, then the part pages in official order
    where: list  # (unit, page file, line) of the title and every unit of the source
    placements: list  # (Part, page file), in source order
    missing: list  # PartKinds the text lacks


class _PageText:
    """A page being written one line per heading, paragraph or marker,
    separated by blank lines; remembers the line of each unit."""

    def __init__(self, rel: str, where: list):
        self.rel, self.where, self.chunks = rel, where, []
        self.markers = []  # marker lines, added after the page's own part
        self.after = []  # parts that could not be placed, added at the end

    def add(self, text: str, unit=None) -> None:
        if unit is not None:
            self.where.append((unit, self.rel, 2 * len(self.chunks) + 1))
        self.chunks.append(text)

    def add_part(self, part: Part) -> None:
        self.add(f"# {inline_text(part.heading)}", part)
        for unit in part.units:
            self.add(f"## {inline_text(unit.text)}" if unit.kind == "section" else markdown_line(unit.text), unit)

    def text(self) -> str:
        return "\n\n".join(self.chunks) + "\n"


def build_pages(report: ParsedReport, template, year: int) -> Pages:
    """The Markdown of index.md and the part pages of ``year``, with the
    markers of ``template`` (an archive Year, or None for the defaults).

    Every marker ``make new-year`` would write is written: a part the text
    lacks leaves its markers on the page that holds its content (the
    第一责任人 section inside another part) or on the year home.
    """
    docs_dir = f"docs/{year}"
    where = []
    index = _PageText(f"{docs_dir}/index.md", where)
    index.add(f"# {inline_text(report.title)}", Unit("title", report.title, report.title_line))
    meta, *rest = INDEX_MARKERS
    index.add(marker_line(meta))
    if report.addressee is not None:
        index.add(markdown_line(report.addressee), Unit("paragraph", report.addressee, report.addressee_line))
    for unit in report.preamble:
        index.add(markdown_line(unit.text), unit)
    for name in rest:
        index.add(marker_line(name))
    # Each marker once: the part pages' own, then the home's, then those of
    # the parts the text lacks (on the page that holds their content, or here).
    placed = {part.slug for part in report.parts if part.slug}
    own = part_pages_markers(template, placed)
    used = {name for found in own.values() for name, _ in found}
    missing = [kind for kind in parts.PARTS if kind.slug not in placed]
    homeless = {kind.slug: [m for m in part_markers(template, kind) if m[0] not in used] for kind in missing}
    used |= {name for found in homeless.values() for name, _ in found}
    for name, args in home_markers(template, used):
        index.add(marker_line(name, args))

    part_pages = {}
    page_of_part = []
    current = index
    for part in report.parts:
        if part.slug:
            if part.slug not in part_pages:
                part_pages[part.slug] = _PageText(f"{docs_dir}/{part.slug}.md", where)
                part_pages[part.slug].markers = [marker_line(name, args) for name, args in own[part.slug]]
            current = part_pages[part.slug]
            current.add_part(part)
        else:
            current.after.append(part)
        page_of_part.append((part, current.rel))
    for kind in missing:
        holder = index
        if kind.slug == "leadership" and report.leadership_section is not None:
            holder = next(part_pages[part.slug] for part in report.parts
                          if part.slug and any(u is report.leadership_section for u in part.units))
        holder.markers += [marker_line(name, args) for name, args in homeless[kind.slug]]
    # Markers follow the page's own part; parts that could not be placed follow them.
    texts = {}
    for page in [index] + [part_pages[k.slug] for k in parts.PARTS if k.slug in part_pages]:
        for line in page.markers:
            page.add(line)
        for part in page.after:
            page.add(f"<!-- 以下第{report_text.cn_numeral(part.number)}部分（原文第 {part.line} 行起）"
                     f"未能归类到规定的{report_text.cn_numeral(len(parts.PARTS))}个部分之一，"
                     "原样放在这里，请核实应放在哪个页面 -->")
            page.add_part(part)
        texts[page.rel] = page.text()
    return Pages(texts, where, page_of_part, missing)


def read_page(year: int, rel: str, text: str):
    """The page as the archive will read it: ``(archive.Page, problems)``."""
    return archive_module.parse_page(text, rel, page_uri(year, rel.rsplit("/", 1)[1][:-3]))
