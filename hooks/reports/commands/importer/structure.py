"""Recognising a report's structure in its lines of text (pure functions).

The title, an optional addressee line (区委、区政府：), the preamble, the parts
一、 with their sections （一） and items 1., and the page furniture of web
pages and printed documents (索引号, page numbers ...), which is dropped.  The
text itself is kept verbatim; what was noticed or changed is noted for the
editor.  Nothing here reads or writes a file or prints.
"""

from __future__ import annotations

import dataclasses
import re

from reports.model import parts
from reports.model import report_text

NUMERALS = report_text.NUMERALS
PART_HEADING = re.compile(rf"^(?P<num>[{NUMERALS}]+)、")
# （一） (一) （一) … with or without spaces inside and after the brackets.
SECTION_HEADING = re.compile(rf"^(?P<open>[（(])\s*(?P<num>[{NUMERALS}]+)\s*(?P<close>[）)])")
ITEM = report_text.ITEM_NUMBER  # 1. 1、 1． -- what the pages' anchors count as items
# "1. text" would be a Markdown list (the number would vanish from the page).
ITEM_LIST_SPACE = re.compile(r"^(?P<num>\d+\.)[ \t]+")
INLINE_ITEMS = re.compile(r"一是.*?二是", re.S)
# A short line ending with a full-width colon before the preamble: 区委、区政府：
ADDRESSEE_MAX = 40

# Lines of the web page or the printed document around the report, not its text.
FURNITURE = (
    re.compile(r"^(?:索引号|发布日期|发布时间|发布机构|发文机关|来源|信息来源|字号|文号|发文字号|成文日期"
               r"|主题分类|浏览次数|点击数|访问次数)\s*[：:]"),
    re.compile(r"^(?:[【\[]\s*(?:打印(?:本页)?|关闭(?:窗口|本页)?|返回顶部|收藏|分享|字体[：:]?[\s大中小]*"
               r"|[大中小])\s*[】\]]\s*)+$"),
    re.compile(r"^[-—–－―]+\s*\d+\s*[-—–－―]+$"),  # — 3 —  -3-
    re.compile(r"^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$"),
)


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

    def count(self, kind: str) -> int:
        return sum(unit.kind == kind for unit in self.units)


@dataclasses.dataclass
class ParsedReport:
    title: str = ""
    title_line: int = 0
    addressee: str | None = None
    addressee_line: int = 0
    preamble: list = dataclasses.field(default_factory=list)  # Units
    parts: list = dataclasses.field(default_factory=list)  # Parts, in source order
    dropped: list = dataclasses.field(default_factory=list)  # (line, text) of page furniture
    notes: list = dataclasses.field(default_factory=list)  # (line, what was noticed or changed)
    inline_items: list = dataclasses.field(default_factory=list)  # lines with 一是……二是……

    @property
    def placed(self) -> list:
        return [part for part in self.parts if part.slug]

    @property
    def unplaced(self) -> list:
        return [part for part in self.parts if not part.slug]

    def count(self, kind: str) -> int:
        return sum(part.count(kind) for part in self.parts)

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


def is_furniture(text: str) -> bool:
    return any(pattern.match(text) for pattern in FURNITURE)


def is_addressee(text: str) -> bool:
    """区委、区政府： -- short, ends with a full-width colon, not a sentence (……报告如下：)."""
    return len(text) <= ADDRESSEE_MAX and text.endswith("：") and not any(c in text for c in "，。；") \
        and "如下" not in text and not SECTION_HEADING.match(text) and not ITEM.match(text)


def classify(heading: str):
    """The slug of the required part a part heading is (``parts.PARTS``
    keywords, first match wins), or None."""
    for kind in parts.PARTS:
        if any(word in heading for word in kind.keywords):
            return kind.slug
    return None


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


def parse_report(lines) -> ParsedReport:
    """Recognise the structure of a report given as lines of text (pure)."""
    report = ParsedReport()
    part = None
    section = 0  # last （） number in the current part
    previous_section = 0  # last （） number of the part before
    skipped_noted = set()
    for line, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text:
            continue
        if is_furniture(text):
            report.dropped.append((line, text))
            continue
        if not report.title:
            report.title, report.title_line = text, line
            continue
        pm = PART_HEADING.match(text)
        if pm and _numeral(pm) is not None:
            previous_section = section if part is not None else 0
            section = 0
            part = Part(_numeral(pm), text, line, classify(text))
            report.parts.append(part)
            continue
        if part is None:
            if report.addressee is None and not report.preamble and is_addressee(text):
                report.addressee, report.addressee_line = text, line
            else:
                report.preamble.append(_body_unit(text, line, report.notes))
            continue
        sm = SECTION_HEADING.match(text)
        number = _numeral(sm) if sm else None
        if number is not None:
            if sm.group("open") == "(" or sm.group("close") == ")":
                report.notes.append((line, f"小标题“{sm.group(0)}”用的是半角括号，已原样保留；"
                                           "网站只把全角括号“（一）”识别为编号，这个标题不会有位置编号"))
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
    for unit in report.preamble + [u for p in report.parts for u in p.units]:
        if unit.kind != "section" and INLINE_ITEMS.search(unit.text):
            report.inline_items.append(unit.line)
    _place(report)
    return report


def _place(report: ParsedReport) -> None:
    """A part whose kind is taken by an earlier part is not placed either."""
    seen = {}
    for part in report.parts:
        if part.slug is None:
            part.reason = f"标题中没有{''.join(f'“{k.keywords_hint}”' for k in parts.PARTS)}等字样"
        elif part.slug in seen:
            first = seen[part.slug]
            part.reason = (f"与第{report_text.cn_numeral(first.number)}部分同属"
                           f"“{parts.by_slug(part.slug).short_title}”")
            part.slug = None
        else:
            seen[part.slug] = part
