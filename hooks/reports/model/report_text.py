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

from reports.model import parts
from reports.model.numerals import (  # noqa: F401 - re-exported
    ITEM_NUMBER, NUMERALS, PART_NUMBER, SECTION_NUMBER, cn_number, cn_numeral)
from reports.source.problems import ERROR, WARNING

# The required parts are defined in ``parts``; these names stay here for the
# modules that read a page's structure and its parts together.
PARTS, PART_SLUGS, PartKind = parts.PARTS, parts.PART_SLUGS, parts.PartKind
part_kind = parts.by_slug


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
MARKER_LINE = re.compile(r"^\s*<!--.*-->\s*$")


def squash(text: str) -> str:
    """Text without white space, for comparing words that may be wrapped or
    spaced differently (quotes against paragraphs, one year against the next)."""
    return re.sub(r"\s+", "", text)


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
