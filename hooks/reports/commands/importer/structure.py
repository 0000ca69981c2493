"""Recognising a report's structure in its lines of text (pure functions).

The lines around the report that are not its text -- page furniture and
metadata (``metadata``) -- are taken out first; then the title block
(``title``: letterhead, 文号, the title, the addressee), the preamble, the
parts 一、 with their sections （一） and items 1.; each part is placed on a
part page by its wording and position (``placement``).  The text itself is
kept verbatim; what was noticed or changed is noted for the editor.
Nothing here reads or writes a file or prints.
"""

from __future__ import annotations

import dataclasses
import re

from reports.commands.importer import metadata
from reports.commands.importer import placement
from reports.commands.importer.title import TitleBlock, read_title_block
from reports.model import report_text

NUMERALS = report_text.NUMERALS
PART_HEADING = re.compile(rf"^(?P<num>[{NUMERALS}]+)、")
# （一） (一) （一) … with or without spaces inside and after the brackets.
SECTION_HEADING = re.compile(rf"^(?P<open>[（(])\s*(?P<num>[{NUMERALS}]+)\s*(?P<close>[）)])")
ITEM = report_text.ITEM_NUMBER  # 1. 1、 1． -- what the pages' anchors count as items
# "1. text" would be a Markdown list (the number would vanish from the page).
ITEM_LIST_SPACE = re.compile(r"^(?P<num>\d+\.)[ \t]+")
INLINE_ITEMS = re.compile(r"一是.*?二是|首先.*?其次", re.S)
# The title proposed when the text has none: ``{office}`` is the office's name.
PROPOSED_TITLE = "{office}{year}年度法治政府建设情况报告"
is_furniture = metadata.is_furniture
classify = placement.classify


@dataclasses.dataclass(frozen=True)
class Unit:
    """One heading or paragraph as it will be written (text verbatim)."""

    kind: str  # "section", "item", "paragraph"
    text: str
    line: int  # 1-based line in the source


@dataclasses.dataclass
class Part:
    number: int
    heading: str
    line: int
    slug: str | None  # the slug of one of parts.PARTS, None when not placed
    units: list = dataclasses.field(default_factory=list)
    reason: str = ""  # why it was not placed
    how: str = ""  # how it was placed (or where it went instead), as told to the editor

    def count(self, kind: str) -> int:
        return sum(unit.kind == kind for unit in self.units)


@dataclasses.dataclass
class ParsedReport:
    title: str = ""
    title_line: int = 0  # 0: no title in the text
    title_note: str = ""  # where the title came from when not from one line of the text
    addressee: str | None = None
    addressee_line: int = 0
    letterhead: list = dataclasses.field(default_factory=list)  # (line, text)
    facts: list = dataclasses.field(default_factory=list)  # metadata.Facts, in the order printed
    preamble: list = dataclasses.field(default_factory=list)  # Units
    parts: list = dataclasses.field(default_factory=list)  # Parts, in source order
    dropped: list = dataclasses.field(default_factory=list)  # (line, text) of page furniture
    notes: list = dataclasses.field(default_factory=list)  # (line, what was noticed or changed)
    inline_items: list = dataclasses.field(default_factory=list)  # lines with 一是……二是……
    leadership_section: Unit | None = None  # （一）…第一责任人… inside another part

    @property
    def placed(self) -> list:
        return [part for part in self.parts if part.slug]

    @property
    def unplaced(self) -> list:
        return [part for part in self.parts if not part.slug]

    def count(self, kind: str) -> int:
        return sum(part.count(kind) for part in self.parts)

    def fact(self, field: str):
        """The first kept fact for ``field`` (``published_on``: see ``metadata.published``)."""
        if field == "published_on":
            return metadata.published(self.facts)
        return next((f for f in self.facts if f.field == field and f.kept), None)

    def outline(self) -> list:
        """The recognised structure as tuples, in source order (for tests and reading)."""
        out = [("title", self.title)]
        if self.addressee is not None:
            out.append(("addressee", self.addressee))
        out += [("preamble", unit.text) for unit in self.preamble]
        for part in self.parts:
            out.append(("part", part.slug, part.heading))
            out += [(unit.kind, unit.text) for unit in part.units]
        return out


def _numeral(match):
    try:
        return report_text.cn_number(match.group("num"))
    except ValueError:
        return None


def split_heading(text: str):
    """A section heading that runs into its first sentence: split after the first 。."""
    end = text.find("。")
    if end < 0 or not text[end + 1:].strip():
        return text, ""
    return text[:end + 1], text[end + 1:].strip()


def _body_unit(text: str, line: int, notes: list) -> Unit:
    m = ITEM_LIST_SPACE.match(text)
    if m:
        notes.append((line, f"删去了编号“{m.group('num')}”后的空格（否则网页会把它显示成自动编号的列表，"
                            "编号本身会消失）"))
        text = m.group("num") + text[m.end():]
    return Unit("item" if ITEM.match(text) else "paragraph", text, line)


def _is_part_heading(text: str) -> bool:
    m = PART_HEADING.match(text)
    return bool(m) and _numeral(m) is not None


def content_lines(lines, report: ParsedReport) -> list:
    """``(line, text)`` of the report's own lines: blank lines, page furniture
    (listed in ``dropped``) and metadata lines (their facts in ``facts``) left out."""
    out = []
    for line, raw in enumerate(lines, 1):
        text = raw.strip().strip("\u3000")
        if not text:
            continue
        facts = metadata.metadata_line(text, line)
        if facts is not None:
            report.facts += facts
            continue
        if metadata.is_furniture(text):
            report.dropped.append((line, text))
            continue
        out.append((line, text))
    return out


def parse_report(lines, year: int | None = None, office: str = "") -> ParsedReport:
    """Recognise the structure of a report given as lines of text (pure).

    ``year`` and ``office`` make the title proposed when the text has none.
    """
    report = ParsedReport()
    content = content_lines(lines, report)
    first_part = next((i for i, (_, text) in enumerate(content) if _is_part_heading(text)), len(content))
    block = read_title_block(content[:first_part])
    _take_title_block(report, block, year, office)
    for line, text in content[block.rest:first_part]:
        report.preamble.append(_body_unit(text, line, report.notes))
    _read_parts(report, content[first_part:])
    for unit in report.preamble + [u for p in report.parts for u in p.units]:
        if unit.kind != "section" and INLINE_ITEMS.search(unit.text):
            report.inline_items.append(unit.line)
    placement.place(report.parts)
    if not any(part.slug == "leadership" for part in report.parts):
        report.leadership_section = next(
            (unit for part in report.parts if part.slug for unit in part.units
             if unit.kind == "section" and any(w in unit.text for w in placement.LEADERSHIP_WORDS)), None)
    return report


def _take_title_block(report: ParsedReport, block: TitleBlock, year, office: str) -> None:
    report.letterhead = block.letterhead
    report.addressee, report.addressee_line = block.addressee, block.addressee_line
    report.facts = block.facts + report.facts
    report.dropped += [(line, text) for line, text in block.repeated]
    if block.title:
        report.title, report.title_line = block.title, block.title_line
        if len(block.title_lines) > 1:
            report.title_note = "由原文第 " + "、".join(str(line) for line, _ in block.title_lines) + " 行连成"
        return
    named = report.fact("title")
    if named is not None:
        report.title, report.title_note = named.value, f"原文中没有标题，取自第 {named.line} 行的“{named.label}”"
    elif year is not None:
        name = block.letterhead[-1][1] if block.letterhead else office
        report.title = PROPOSED_TITLE.format(office=name, year=year)
        report.title_note = "原文中没有标题，这是按“单位名称＋年度＋法治政府建设情况报告”拟定的，请按原件改正"


def _read_parts(report: ParsedReport, content: list) -> None:
    part = None
    section = 0  # last （） number in the current part
    previous_section = 0  # last （） number of the part before
    skipped_noted = set()
    for line, text in content:
        pm = PART_HEADING.match(text)
        if pm and _numeral(pm) is not None:
            previous_section = section if part is not None else 0
            section = 0
            part = Part(_numeral(pm), text, line, None)
            report.parts.append(part)
            continue
        sm = SECTION_HEADING.match(text)
        number = _numeral(sm) if sm else None
        if number is not None:
            if number != section + 1:
                if section == 0 and number == previous_section + 1:
                    report.notes.append((line, f"（{sm.group('num')}）接续上一部分的编号，已原样保留"))
                else:
                    report.notes.append((line, f"（{sm.group('num')}）的编号不连续（上一个是第 {section} 个），"
                                               "已原样保留"))
            section = number
            heading, rest = split_heading(text)
            part.units.append(Unit("section", heading, line))
            if rest:
                report.notes.append((line, "小标题后直接接着正文，已在第一个“。”之后分为标题和段落"))
                part.units.append(_body_unit(rest, line, report.notes))
            continue
        unit = _body_unit(text, line, report.notes)
        if unit.kind == "item" and section == 0 and part.number not in skipped_noted:
            skipped_noted.add(part.number)
            report.notes.append((line, f"第{report_text.cn_numeral(part.number)}部分的编号条目直接在部分标题之下"
                                       "（没有“（一）”式的小标题），已原样保留"))
        part.units.append(unit)
