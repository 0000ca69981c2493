"""The title block of a report: what comes before its preamble (pure).

Published reports put there, in some order: letterhead lines (the office's
name, sometimes two names of one office), a 文号 line (``沪某〔2024〕1号``,
perhaps with ``签发人：某某``), the title -- on one line, split over two or
three lines, sometimes printed once whole and then again split, sometimes
with the date in brackets after it -- and the addressee (``区委、区政府：``).
Some have no title at all (the portal page's title held it).  Only the
addressee is part of the text the pages keep; the rest is the title or facts
of the year.  A line this module is not sure of stays text: the preamble.
"""

from __future__ import annotations

import dataclasses
import re

from reports.commands.importer import metadata

# TITLE_END: how a title ends (a bracketed date after it is taken off first);
# CONTINUES: a line that cannot start a title alone, it continues the line
# above it; OFFICE: a line naming an office, the letterhead when the title is
# below it; then the 文号 and 签发人, and a date alone on its line.
TITLE_END = re.compile(r"(?:报告|总结|情况|自查报告|工作报告)[》」]?$")
CONTINUES = re.compile(r"^(?:关于|\d|年|度|的|法治|情况|建设|报告|工作|推进|和|及|与|暨|[（(])")
OFFICE = re.compile(r"(?:局|办|办公室|委员会|委|政府|中心|院|厅|所|队|站|部|处|科|会|署|室|文件)$")
ADDRESSEE_MAX, FRAGMENT_MAX = 40, 60  # characters of an addressee line, of a title's line
DOC_NUMBER = re.compile(r"(?P<number>[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号)")
SIGNER = re.compile(r"签\s*发\s*人\s*[：:]\s*(?P<name>\S+(?:\s\S+)?)\s*$")
DATE_LINE = re.compile(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?$")


@dataclasses.dataclass
class TitleBlock:
    title: str = ""
    title_line: int = 0  # the line the title starts on; 0 when there is none in the text
    title_lines: list = dataclasses.field(default_factory=list)  # lines joined into the title
    letterhead: list = dataclasses.field(default_factory=list)  # (line, text)
    repeated: list = dataclasses.field(default_factory=list)  # (line, text) of a title printed twice
    addressee: str | None = None
    addressee_line: int = 0
    facts: list = dataclasses.field(default_factory=list)  # metadata.Facts: 文号, 签发人, a date
    rest: int = 0  # index of the first line that is not the title block


def is_addressee(text: str) -> bool:
    """区委、区政府： -- short, ends with a colon, not a sentence (……报告如下：)."""
    return len(text) <= ADDRESSEE_MAX and text.endswith(("：", ":")) and not any(c in text for c in "，,。；") \
        and "如下" not in text and not re.match(r"^[（(]|\d", text)


def is_fragment(text: str) -> bool:
    """A line that could be (part of) a title or a letterhead: no sentence in it."""
    return len(text) <= FRAGMENT_MAX and not any(c in text for c in "，,。；;！？：:") \
        and not re.match(r"^\d+[.．、]", text)


def without_date(text: str):
    """``(title, date text or "")``: a date in brackets after the title taken off."""
    m = metadata.BRACKET_DATE.search(text)
    if m and m.start() > 0:
        return text[:m.start()].rstrip(), m.group("date")
    return text, ""


def read_title_block(lines) -> TitleBlock:
    """The title block at the start of ``lines`` (``(line, text)`` before the first part)."""
    block = TitleBlock()
    fragments = []  # (line, text) of the current run of fragments
    index = 0
    while index < len(lines):
        line, text = lines[index]
        if _facts_line(block, line, text):
            index += 1
            continue
        if is_addressee(text) and not (block.title and fragments):
            block.addressee, block.addressee_line = text, line
            index += 1
            break
        if not is_fragment(without_date(text)[0]):
            break
        fragments.append((line, text))
        index += 1
        title, date = without_date(text)
        if not TITLE_END.search(title):
            continue
        if not block.title:
            _take_title(block, fragments)
            if date:
                block.facts.append(metadata.Fact("日期", "published_on", date, line, metadata.parse_date(date)))
        elif _squashed(without_date(_joined(fragments))[0]) == _squashed(block.title):
            block.repeated += fragments  # the same title printed again, split
        else:
            break
        fragments = []
    if fragments and not block.title:
        # No line ends like a title: office names are the letterhead, and
        # the first other line is the title, as typed.
        block.letterhead += [f for f in fragments if OFFICE.search(f[1])]
        others = [f for f in fragments if not OFFICE.search(f[1])]
        if others:
            block.title_line, block.title = others[0]
            block.title_lines = [others[0]]
            block.letterhead = [f for f in block.letterhead if f[0] < block.title_line]
            fragments = [f for f in fragments if f[0] > block.title_line]
        else:
            fragments = []
    # Fragments after the title (a byline, a subtitle) are the preamble's.
    block.rest = index - len(fragments) if not block.addressee else index
    return block


def _facts_line(block: TitleBlock, line: int, text: str) -> bool:
    """True after recording a 文号 / 签发人 line or a date alone on a line."""
    number, signer = DOC_NUMBER.search(text), SIGNER.search(text)
    if (number or signer) and not SIGNER.sub("", DOC_NUMBER.sub("", text)).strip():
        if number:
            written = number.group("number")
            block.facts.append(metadata.Fact("文号", "doc_number", written, line, re.sub(r"\s+", "", written)))
        if signer:
            block.facts.append(metadata.Fact("签发人", "signer", signer.group("name"), line, signer.group("name")))
        return True
    if DATE_LINE.match(text):
        block.facts.append(metadata.Fact("日期", "published_on", text, line, metadata.parse_date(text)))
        return True
    return False


def _take_title(block: TitleBlock, fragments: list) -> None:
    """The last fragment ends the title; the ones before it that it
    continues join it, the others are the letterhead."""
    start = len(fragments) - 1
    while start > 0 and CONTINUES.match(_joined(fragments[start:])) and not fragments[start - 1][1].endswith("文件"):
        start -= 1
    block.letterhead += fragments[:start]
    block.title_lines = fragments[start:]
    block.title_line = fragments[start][0]
    block.title = without_date(_joined(fragments[start:]))[0]


def _squashed(text: str) -> str:
    """A title's words for comparing two printings of it: without white
    space and the words a split printing adds (关于……的报告, 年度 for 年)."""
    return re.sub(r"\s+|关于|的|度", "", text)


def _joined(fragments) -> str:
    return "".join(text for _, text in fragments)
