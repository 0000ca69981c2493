"""The structure of a report page: parts, numbered sections, numbered items.

Reports use the official numbering 一、 / （一） / 1. as part of their text, so
the numbering is never left to Markdown's list syntax.  This module reads a
page's Markdown, recognises that hierarchy and gives every heading and
paragraph a stable anchor derived from its *number*, not its wording: fixing a
typo in a heading (as a recorded erratum) must not break links into it, and the
same anchor in another year lands on the same place in the structure.

Everything here is a pure function of the page text so it can be tested
without building the site.
"""

from __future__ import annotations

import dataclasses
import re

from reports.source.problems import ERROR, WARNING

NUMERALS = "一二三四五六七八九十"

# The four required parts, in the order the regulations list them: the one
# registry of what the code knows about a part.  The page hooks, the
# navigation, the checks, ``make new-year`` and ``make import`` all read it,
# so a fifth part is one more entry here (and its page in each year).
@dataclasses.dataclass(frozen=True)
class PartKind:
    slug: str  # file name of the part's page in every year: lets the year switcher land on the same part
    short_title: str  # the part in the navigation and in messages: 主要举措和成效
    heading: str  # the page's heading without its numeral, as a new year starts it; may use {year}, {next_year}
    keywords: tuple  # words that tell its heading in an imported report (the first part that matches wins)
    markers: tuple = ()  # the markers of its page when there is no previous year to take them from

    @property
    def number(self) -> int:
        """1 for the first part: its numeral in the report (一、)."""
        return PARTS.index(self) + 1

    def title(self, year: int) -> str:
        """The page's heading in ``year``'s report: ``四、2025年度推进法治政府建设的主要安排``."""
        return f"{cn_numeral(self.number)}、" + self.heading.format(year=year, next_year=year + 1)


# The headings are the annual reports' own; the default markers are those of
# the 2023 report's pages.  Part four plans the year after the report's.
PARTS = (
    PartKind("measures", "主要举措和成效", "推进法治政府建设的主要举措和成效",
             keywords=("举措", "成效", "主要做法"), markers=("year:studies", "year:campaigns")),
    PartKind("shortcomings", "存在的不足和原因", "推进法治政府建设存在的不足和原因",
             keywords=("不足", "存在的问题"), markers=("year:shortcomings",)),
    PartKind("leadership", "第一责任人职责",
             "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的情况",
             keywords=("第一责任人",), markers=("year:actions",)),
    PartKind("plans", "下一年度安排", "{next_year}年度推进法治政府建设的主要安排",
             keywords=("安排", "计划", "打算"), markers=("year:plans",)),
)
PART_SLUGS = tuple(p.slug for p in PARTS)


def part_kind(slug: str) -> PartKind:
    """The part whose page is ``<slug>.md``."""
    return next(kind for kind in PARTS if kind.slug == slug)


def part_label(page, kind) -> str:
    """Short label such as ``一、主要举措和成效`` for a part page."""
    for block in page.blocks:
        if block.kind == "part":
            numeral = block.text.split("、", 1)[0]
            return f"{numeral}、{kind.short_title}"
    return kind.short_title


FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)
H1 = re.compile(r"^#\s+(?P<text>.+?)\s*$")
H2 = re.compile(r"^##\s+(?P<text>.+?)\s*$")
PART_NUMBER = re.compile(rf"^(?P<num>[{NUMERALS}]+)、")
# Sections are numbered （一）; old reports typed on other keyboards use (一).
SECTION_NUMBER = re.compile(rf"^[（(](?P<num>[{NUMERALS}]+)[）)]")
# Items are 1. 1． 1、 -- but not a date or decimal such as 4.15 at the start.
ITEM_NUMBER = re.compile(r"^(?P<num>\d+)[.．、](?!\d)")
MARKER_LINE = re.compile(r"^\s*<!--.*-->\s*$")


def squash(text: str) -> str:
    """Text without white space, for comparing words that may be wrapped or
    spaced differently (quotes against paragraphs, one year against the next)."""
    return re.sub(r"\s+", "", text)


def cn_number(text: str) -> int:
    """Value of a Chinese numeral from 一 to 九十九."""
    if not text or any(c not in NUMERALS for c in text):
        raise ValueError(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        digits = NUMERALS[:9]  # 一 … 九: 十 itself is no digit (十十, 二十十 count nothing)
        if len(tens) > 1 or len(ones) > 1 or (tens and tens not in digits) or (ones and ones not in digits):
            raise ValueError(text)
        return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)
    if len(text) != 1:
        raise ValueError(text)
    return NUMERALS.index(text) + 1


def split_front_matter(text: str) -> tuple[str, str]:
    """Return (front matter block, body) so callers can keep line numbers."""
    m = FRONT_MATTER.match(text)
    if not m:
        return "", text
    return m.group(0), text[m.end():]


def body_of(text: str) -> tuple[str, int]:
    """The page's Markdown after its front matter, and the file line it starts on."""
    front, body = split_front_matter(text)
    return body, front.count("\n") + 1


@dataclasses.dataclass
class Block:
    """One heading or paragraph of a page, with its position in the source."""

    kind: str  # "part", "section", "item", "paragraph"
    line: int  # 1-based line of the block's first line in the page file
    end: int  # 1-based line of the block's last line
    text: str
    anchor: str = ""
    number: int = 0
    column: int = 1  # 1-based column where ``text`` starts (after "## ")


def parse_blocks(body: str, first_line: int = 1, default_part: int = 0):
    """Split a page body into blocks and assign anchors.

    ``first_line`` is the file line of the body's first line (front matter
    shifts it).  Returns ``(blocks, problems)``; problems carry line numbers
    but no file name (the caller adds it).
    """
    lines = body.split("\n")
    blocks: list[Block] = []
    problems: list[tuple[int, str, str, str]] = []
    part, section, item, para = default_part, 0, 0, 0
    i = 0
    while i < len(lines):
        raw = lines[i]
        lineno = first_line + i
        if not raw.strip() or MARKER_LINE.match(raw):
            i += 1
            continue
        m1, m2 = H1.match(raw), H2.match(raw)
        if m1:
            text = m1.group("text")
            pm = PART_NUMBER.match(text)
            if pm and not _numeral_ok(pm.group("num"), lineno, "、", problems):
                pm = None
            if pm:
                part, section, item, para = cn_number(pm.group("num")), 0, 0, 0
                blocks.append(Block("part", lineno, lineno, text, f"s{part}", part,
                                    m1.start("text") + 1))
            else:
                blocks.append(Block("title", lineno, lineno, text, column=m1.start("text") + 1))
            i += 1
            continue
        if m2:
            text = m2.group("text")
            sm = SECTION_NUMBER.match(text)
            if sm and not _numeral_ok(sm.group("num"), lineno, "（）", problems):
                blocks.append(Block("heading", lineno, lineno, text, column=m2.start("text") + 1))
                i += 1
                continue
            if not sm:
                problems.append((lineno, WARNING,
                                 f"二级标题“{text[:20]}”没有以（一）式的编号开头",
                                 "报告中的二级标题应写成“## （一）标题文字”。"))
                blocks.append(Block("heading", lineno, lineno, text, column=m2.start("text") + 1))
            else:
                number = cn_number(sm.group("num"))
                if number != section + 1:
                    problems.append((lineno, WARNING,
                                     f"编号（{sm.group('num')}）不连续，上一个是第{section}个",
                                     "请核对原文的编号；如原文确实如此，可忽略此警告。"))
                section, item, para = number, 0, 0
                blocks.append(Block("section", lineno, lineno, text,
                                    anchor_for(part, section), number, m2.start("text") + 1))
            i += 1
            continue
        if raw.startswith("#"):
            blocks.append(Block("heading", lineno, lineno, raw.lstrip("#").strip()))
            i += 1
            continue
        # A paragraph runs to the next blank line, heading or marker.
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip() and not lines[j + 1].startswith("#") \
                and not MARKER_LINE.match(lines[j + 1]):
            j += 1
        text = "\n".join(lines[i:j + 1])
        im = ITEM_NUMBER.match(text)
        if im:
            item = int(im.group("num"))
            anchor = anchor_for(part, section, item)
            blocks.append(Block("item", lineno, first_line + j, text, anchor, item))
        else:
            para += 1
            anchor = anchor_for(part, section) + f"-p{para}"
            blocks.append(Block("paragraph", lineno, first_line + j, text, anchor))
        i = j + 1
    return blocks, problems


def _numeral_ok(numeral: str, lineno: int, shape: str, problems: list) -> bool:
    """False (with a problem) for a numeral such as 一二 that counts nothing."""
    try:
        cn_number(numeral)
    except ValueError:
        written = f"{numeral}、" if shape == "、" else f"（{numeral}）"
        problems.append((lineno, ERROR, f"编号“{written}”不是正确的中文数字",
                         "编号应写成一、二……十、十一……，请核对原文。"))
        return False
    return True


def anchor_for(part: int, section: int = 0, item: int = 0) -> str:
    anchor = f"s{part}"
    if section:
        anchor += f"-{section}"
    if item:
        anchor += f"-{item}"
    return anchor


ANCHOR = re.compile(r"^s(?P<part>\d+)(?:-(?P<section>\d+))?(?:-(?P<item>\d+))?(?:-p(?P<para>\d+))?$")


def cn_numeral(value: int) -> str:
    """一 … 九十九, the inverse of ``cn_number``."""
    if value < 10:
        return NUMERALS[value - 1]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def anchor_label(anchor: str) -> str:
    """How a reader names the place: s1-2-3 -> 一（二）3；s3-p1 -> 三；s0-p1 -> 导语."""
    m = ANCHOR.match(anchor)
    if not m:
        return anchor
    part = int(m.group("part"))
    if part == 0:
        return "导语"
    label = cn_numeral(part)
    if m.group("section"):
        label += f"（{cn_numeral(int(m.group('section')))}）"
    if m.group("item"):
        label += m.group("item")
    return label


def with_anchors(body: str, blocks, first_line: int = 1, shift: int = 0) -> list:
    """Return the body's lines with ``{#id}`` attributes (attr_list) added.

    The result has one string per input line (a paragraph's last line gains
    a second line holding its attribute list), so later passes can still find
    things by line number.  ``blocks`` must come from ``parse_blocks`` on the
    same body and ``first_line``.  ``shift`` demotes headings by that many
    levels, for parts nested under the report title on the one-page report.
    """
    lines = body.split("\n")
    starts = {b.line - first_line: b for b in blocks}
    ends = {b.end - first_line: b for b in blocks if b.kind in ("item", "paragraph")}
    out = []
    for index, raw in enumerate(lines):
        block = starts.get(index)
        if block is not None and raw.startswith("#"):
            raw = "#" * shift + raw
            if block.anchor:
                raw += f" {{#{block.anchor} .report-{block.kind}}}"
        end = ends.get(index)
        if end is not None and end.anchor:
            raw += f"\n{{: #{end.anchor} .report-text }}"
        out.append(raw)
    return out


def strip_markers(lines: list) -> list:
    """Blank out marker lines, keeping the line count."""
    return ["" if MARKER_LINE.match(l) else l for l in lines]
