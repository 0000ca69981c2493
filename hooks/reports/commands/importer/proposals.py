"""Data proposed from the imported text: studies, figures and dates (pure).

The draft data file should save the editor typing, never claim more than the
text says: a study is proposed only for a 《title》 the catalogue knows, a
figure for a count with its unit in a sentence that tells what was done
(``is_counted``), each at the anchor of its paragraph and with the words as
its quote; dates are only listed (who did what needs a person).
Paragraphs without a unique anchor are listed instead of used.
"""

from __future__ import annotations

import collections
import dataclasses
import re

from reports.checks.rules.title_catalogued import TITLE
from reports.checks.rules.followup_plans import one_line
from reports.model import report_text

NUMERALS = report_text.NUMERALS

# Proposed figures: a count, in Arabic or Chinese numerals, and its unit.
COUNT_UNITS = "人名项次件场期"
COUNT = re.compile(
    rf"(?<![第\d.．])(?P<arabic>\d+(?:\.\d+)?)(?P<unit>[{COUNT_UNITS}])"
    rf"|(?<![第{NUMERALS}两零百千万几])(?P<chinese>[{NUMERALS}两]+)(?P<cn_unit>[{COUNT_UNITS}])")
# A count is a figure only in a sentence that tells what was done (组织……7名,
# 办理……23件), and not an ordinal (十二届六次全会) or a set phrase with 一
# (一件事, 一次性): the words such a sentence has.
MEASURE_WORDS = (
    "开展", "组织", "举办", "召开", "主持", "办理", "办结", "受理", "培训", "检查", "抽查", "评查", "参加", "参与",
    "审查", "审核", "备案", "查处", "处罚", "立案", "出动", "制定", "印发", "修订", "清理", "发放", "下达",
    "接待", "调解", "化解", "答复", "处理", "完成", "宣传", "讲座", "学习", "考试", "考核", "发布", "公开",
    "聘请", "成立", "组建", "设立", "配备", "走访", "听取", "明确", "签订", "新增", "累计", "现有", "共有",
)
# Pages whose counts are plans or shortfalls, not what was done.
NO_FIGURES = ("shortcomings", "plans")
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
DATE = re.compile(rf"(?:\d{{4}}年)?(?:\d{{1,2}}|[{NUMERALS}]{{1,3}})月(?:\d{{1,2}}|[{NUMERALS}]{{1,3}})日")


@dataclasses.dataclass
class Proposal:
    """One entry proposed for the data file, found in a paragraph."""

    kind: str  # "figure", "study"
    at: str
    quote: str
    file: str
    line: int
    context: str = ""
    value: object = None
    unit: str = ""
    document: str = ""


@dataclasses.dataclass(frozen=True)
class DateMention:
    """A date in a paragraph: perhaps an action of the leadership, for a person to fill in."""

    text: str  # 12月1日
    at: str
    file: str
    line: int
    context: str


@dataclasses.dataclass
class Proposals:
    figures: list = dataclasses.field(default_factory=list)  # Proposals
    studies: list = dataclasses.field(default_factory=list)
    new_titles: list = dataclasses.field(default_factory=list)  # (title, [(file, line)])
    dates: list = dataclasses.field(default_factory=list)  # DateMentions
    unanchored: list = dataclasses.field(default_factory=list)  # (file, line, why) left out of the data


def propose(pages: dict, where, catalog) -> Proposals:
    """Figures, studies, new titles and dates from the text, at the anchors
    the pages give; blocks without a unique anchor are listed, not used.

    ``pages`` maps each page file to its ``archive.Page``; ``where`` holds
    ``(unit, file, line)`` for each unit of the source text, and is walked in
    the order of the source.
    """
    found = Proposals()
    blocks = {(rel, block.line): block for rel, page in pages.items() for block in page.blocks}
    counts = collections.Counter(block.anchor for block in blocks.values() if block.anchor)
    seen_studies, new_titles = set(), {}
    for unit, rel, line in sorted(where, key=lambda e: (e[0].line, e[2])):
        block = blocks.get((rel, line))
        if block is None:
            continue
        text = block.text
        for m in TITLE.finditer(text):
            if catalog.document_by_name(m.group(1)) is None:
                new_titles.setdefault(m.group(1), []).append((rel, line))
        if block.kind == "title":
            continue
        if not block.anchor or counts[block.anchor] > 1:
            if _has_data(text):
                why = "没有位置编号" if not block.anchor else f"位置编号 {block.anchor} 重复"
                found.unanchored.append((rel, line, why))
            continue
        for m in TITLE.finditer(text):
            document = catalog.document_by_name(m.group(1))
            key = (m.group(0), block.anchor)
            if document is not None and key not in seen_studies:
                seen_studies.add(key)
                found.studies.append(Proposal("study", block.anchor, m.group(0), rel, line,
                                              document=document.id))
        for m in COUNT.finditer(text) if rel.rsplit("/", 1)[-1][:-3] not in NO_FIGURES else ():
            value = _count_value(m)
            if value is None or not is_counted(text, m):
                continue
            found.figures.append(Proposal("figure", block.anchor, m.group(0), rel, line,
                                          context=_context(text, m), value=value,
                                          unit=m.group("unit") or m.group("cn_unit")))
        for m in DATE.finditer(text):
            found.dates.append(DateMention(m.group(0), block.anchor, rel, line, _context(text, m)))
    found.new_titles = list(new_titles.items())
    return found


def is_counted(text: str, m) -> bool:
    """Whether the count ``m`` in ``text`` is worth proposing as a figure: a
    number of things done, in a sentence that tells what was done."""
    if m.group("chinese") == "一" or text[:m.start()].endswith("届") or text[m.end():m.end() + 1] == "性":
        return False
    starts = [e.end() for e in SENTENCE_END.finditer(text, 0, m.start())]
    end = SENTENCE_END.search(text, m.end())
    sentence = text[starts[-1] if starts else 0:end.start() if end else len(text)]
    return any(word in sentence for word in MEASURE_WORDS)


def _has_data(text: str) -> bool:
    return bool(TITLE.search(text) or COUNT.search(text) or DATE.search(text))


def _count_value(m):
    if m.group("arabic"):
        number = m.group("arabic")
        return float(number) if "." in number else int(number)
    try:
        return report_text.cn_number(m.group("chinese").replace("两", "二"))
    except ValueError:  # 一百 … : the check could not confirm the value
        return None


def _context(text: str, m, width: int = 24) -> str:
    start, end = max(0, m.start() - width), min(len(text), m.end() + width)
    return ("…" if start else "") + one_line(text[start:end]) + ("…" if end < len(text) else "")
