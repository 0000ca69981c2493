"""A year's pages say word for word what the published report says.

``data/sources/<year>-report.txt`` is the report as published, one paragraph
a line.  For every year that has one, the text of its pages -- the home
page, then the parts in the official order (``Year.parts``), then any other
page; not the generated one-page report, markers, anchors or front matter --
must be the same paragraphs in the same order.  White space does not count
(the Markdown wraps lines where the source does not), and a paragraph is
read as a reader sees it: the Markdown escapes the importer writes (``\\[``,
``&lt;``) and the emphasis and links a page may carry are not words.

A difference is reported at the page's line and column where it starts,
quoting a few characters of both texts around it; a paragraph missing from
the pages, one the source does not have, or a paragraph split or joined,
each with its own message.  A typo in the published report is never fixed
in the text: it is recorded as an erratum in the year's data.
"""

from __future__ import annotations

import bisect
import difflib
import html
import pathlib
import re

from reports.model.report_text import PART_NUMBER, squash
from reports.source.problems import Problem

ID = "source-text"
DESCRIPTION = "有原文文本（data/sources/<年份>-report.txt）的年度，页面正文与原文一字不差"

# A report's text is some tens of kilobytes; anything near this is not one.
MAX_SOURCE_BYTES = 4 * 1024 * 1024
# Characters quoted on each side of a difference, and of a changed part at most.
CONTEXT, SHOWN = 8, 16
# Problems per year at most; the last one says how many more there are.
MAX_PER_YEAR = 5
# Beyond this many character pairs a stretch is not compared character by
# character (the difflib cost grows with it): a page of another text.
MAX_CHARACTER_PAIRS = 4_000_000


def check(archive, project) -> list:
    if project.root is None:
        return []
    problems = []
    for year in archive.years:
        file = f"{project.data_dir}/sources/{year.year}-report.txt"
        path = pathlib.Path(project.root) / file
        if path.is_file():
            text, found = read_source(path, file)
            problems += found if text is None else compare(year, text, file)
    return problems


def read_source(path, file: str) -> tuple:
    """``(text or None, problems)`` of a source file: at most ``MAX_SOURCE_BYTES``, UTF-8."""
    with open(path, "rb") as stream:
        data = stream.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        return None, [Problem(file, 1, 1, f"原文文本太大（超过 {MAX_SOURCE_BYTES // (1024 * 1024)} MB）",
                              "这里只放发布的报告全文的纯文本（UTF-8，一般只有几十 KB）：请确认放的是正确的文件。",
                              rule=ID)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(file, line, column, "原文文本不是 UTF-8 编码，无法读取",
                              "请用编辑器以“UTF-8”编码重新保存此文件（不要用 GBK/GB2312）。", rule=ID)]
    if not paragraphs(text):
        return None, [Problem(file, 1, 1, "原文文本是空的", "请放入发布的报告全文（每段一行），或删除这个文件。",
                              rule=ID)]
    return text, []


def paragraphs(text: str) -> list:
    """``(words, line)`` of each paragraph of a source text: its non-blank
    lines without white space, the way the verbatim tests have always read it."""
    return [(squash(line), number) for number, line in enumerate(text.splitlines(), 1) if line.strip()]


class Paragraph:
    """A heading or paragraph of a page as a reader sees it, without white
    space, with the file position of each of its characters."""

    def __init__(self, page, block):
        self.page, self.block = page, block
        shown = reader_text(block.text)
        if shown == block.text:  # plain text: every character has its place
            chars = [(c, block.line + n, (block.column if n == 0 else 1) + i)
                     for n, line in enumerate(block.text.split("\n")) for i, c in enumerate(line)]
        else:  # markup read away: the block's start stands for all of it
            chars = [(c, block.line, block.column) for c in shown]
        chars = [entry for entry in chars if not entry[0].isspace()]
        self.words = "".join(c for c, _, _ in chars)
        self.places = [(line, column) for _, line, column in chars]

    def place(self, index: int) -> tuple:
        if index < len(self.places):
            return self.places[index]
        line, column = self.places[-1] if self.places else (self.block.line, self.block.column - 1)
        return line, column + 1


def page_paragraphs(year) -> list:
    """Every heading and paragraph of the year's pages, in the report's order."""
    pages = [year.pages["index"]] if "index" in year.pages else []
    pages += year.parts
    pages += [page for slug, page in sorted(year.pages.items()) if page not in pages and slug != "full"]
    return [Paragraph(page, block) for page in pages for block in page.blocks]


# A backslash before a character Python-Markdown escapes shows that character.
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
# Inline Markdown that shows no characters of its own, in the order it is
# read, with what it leaves of its text: links, code, strong, emphasis.
INLINE = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
)


def reader_text(text: str) -> str:
    """A block's Markdown as the page shows it: escapes, entities, emphasis,
    links and code read as their words."""
    if not any(c in text for c in "\\&*_[`"):
        return text
    escaped = []

    def keep(match):
        escaped.append(match.group(1))
        return f"\0{len(escaped) - 1}\0"
    text = ESCAPE.sub(keep, text)
    for pattern, shown in INLINE:
        text = pattern.sub(shown, text)
    text = re.sub(r"\0(\d+)\0", lambda m: escaped[int(m.group(1))], text)
    return html.unescape(text)


def compare(year, text: str, file: str) -> list:
    """The problems where the year's pages differ from the source ``text``."""
    source = paragraphs(text)
    pages = page_paragraphs(year)
    if not pages:
        return [Problem(year.page_file("index"), 1, 1, "页面中还没有报告的正文",
                        f"请照抄原文（{file}），或用 make import 导入。", rule=ID)]
    hint = (f"正文要与发布的原文一字不差：原文本身有错字时，正文也保持原样，"
            f"在 {year.data_file} 的 errata 中记录勘误。")
    found = []
    matcher = difflib.SequenceMatcher(None, [w for w, _ in source], [p.words for p in pages], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            found += _stretch(source[i1:i2], pages[j1:j2], pages[j2] if j2 < len(pages) else None,
                              pages[j1 - 1] if j1 > 0 else None)
    problems = [Problem(page.file, line, column, message, extra.format(source=file) + hint, rule=ID)
                for (page, line, column), message, extra in found[:MAX_PER_YEAR]]
    if len(found) > MAX_PER_YEAR:
        last = problems[-1]
        problems[-1] = Problem(last.file, last.line, last.column,
                               f"{last.message}（另有 {len(found) - MAX_PER_YEAR} 处与原文不同）", last.hint, rule=ID)
    return problems


class Run:
    """Paragraphs one after another with their words joined: an offset into
    the joined words says which paragraph, and where in it."""

    def __init__(self, words: list):
        self.words = words
        self.text = "".join(words)
        self.starts = [0]
        for item in words[:-1]:
            self.starts.append(self.starts[-1] + len(item))
        self.bounds = set(self.starts) | {len(self.text)}

    def index(self, offset: int, ending: bool = False) -> int:
        """The paragraph that holds the character at ``offset`` (``ending``:
        the one that ends at ``offset``, for what is missing at its end)."""
        if ending and offset in self.bounds and offset > 0:
            offset -= 1
        return max(bisect.bisect_right(self.starts, min(offset, len(self.text) - 1)) - 1, 0)


def _stretch(source, pages, after, before) -> list:
    """``((page, line, column), message, hint prefix)`` for one stretch where
    the source's paragraphs ``source`` stand against the pages' ``pages``
    (either may be empty; ``after`` and ``before``: the page paragraphs
    around the stretch, or None).  The stretch is compared character by
    character, so that a heading split off its paragraph, a changed word
    and a missing paragraph are each told apart."""
    src, page = Run([w for w, _ in source]), Run([p.words for p in pages])
    if len(src.text) * len(page.text) > MAX_CHARACTER_PAIRS:  # a page of another text: say where it starts
        start = next((k for k, (a, b) in enumerate(zip(src.text, page.text)) if a != b),
                     min(len(src.text), len(page.text)))
        return [_changed(source, pages, src, page, (start, len(src.text), start, len(page.text)))]
    matcher = difflib.SequenceMatcher(None, src.text, page.text, autojunk=False)
    diffs = [_slid(src, page, *d) for d in _merged(matcher.get_opcodes())]
    out = []
    for si1, si2, pj1, pj2 in diffs:
        if pj1 == pj2 and si1 in src.bounds and si2 in src.bounds:
            out.append(_missing(source, src, si1, si2, pages, page, pj1, after, before))
        elif si1 == si2 and pj1 in page.bounds and pj2 in page.bounds:
            out.append(_extra(pages, page, pj1, pj2))
        else:
            out.append(_changed(source, pages, src, page, (si1, si2, pj1, pj2)))
    return out + _division(source, pages, src, page, diffs)


def _merged(opcodes) -> list:
    """The differing stretches ``(si1, si2, pj1, pj2)``, those fewer than
    ``CONTEXT`` characters apart taken as one (one rewritten phrase)."""
    out = []
    for tag, si1, si2, pj1, pj2 in opcodes:
        if tag == "equal":
            continue
        if out and si1 - out[-1][1] < CONTEXT and pj1 - out[-1][3] < CONTEXT:
            out[-1] = (out[-1][0], si2, out[-1][2], pj2)
        else:
            out.append((si1, si2, pj1, pj2))
    return out


def _slid(src, page, si1, si2, pj1, pj2) -> tuple:
    """A pure deletion or insertion moved along the equal text around it to
    where it fits the paragraphs best -- whole paragraphs, or at least a
    boundary: difflib may cut "。（二）标题" where the source has "（二）标题。"."""
    if (si1 == si2) == (pj1 == pj2):
        return si1, si2, pj1, pj2
    more, less, lo, hi, at = (src, page, si1, si2, pj1) if pj1 == pj2 else (page, src, pj1, pj2, si1)
    shifts = [0]
    for step in (-1, 1):
        shift = 0
        while abs(shift) < SHOWN:
            a, b, c = (lo + shift - 1, hi + shift - 1, at + shift - 1) if step < 0 else (lo + shift, hi + shift, at + shift)
            if min(a, c) < 0 or b >= len(more.text) or c >= len(less.text) \
                    or not more.text[a] == more.text[b] == less.text[c]:
                break
            shift += step
            shifts.append(shift)

    def fit(shift):
        return ((lo + shift in more.bounds) + (hi + shift in more.bounds) + (at + shift in less.bounds), -abs(shift))
    shift = max(shifts, key=fit)
    return si1 + shift, si2 + shift, pj1 + shift, pj2 + shift


def _lines(source) -> str:
    """The source file's lines of ``(words, line)`` paragraphs, as the hints name them."""
    first, last = source[0][1], source[-1][1]
    return f"第 {first} 行" if first == last else f"第 {first}–{last} 行"


def _quote(words: str, start: int, end: int) -> str:
    """``words[start:end]`` with a little of what stands around it, shortened."""
    middle = words[start:end]
    if len(middle) > SHOWN:
        middle = middle[:SHOWN] + "…"
    before = words[max(start - CONTEXT, 0):start]
    after = words[end:end + CONTEXT]
    return ("…" if start > CONTEXT else "") + before + middle + after + ("…" if end + CONTEXT < len(words) else "")


def _changed(source, pages, src, page, where) -> tuple:
    """Words that differ: where on the page they start, both texts around them."""
    si1, si2, pj1, pj2 = where
    k = page.index(pj1, ending=pj1 == pj2 and si1 not in src.bounds)
    m = src.index(si1, ending=si1 == si2 and pj1 not in page.bounds)
    p_start, s_start = page.starts[k], src.starts[m]
    words, source_words = page.words[k], src.words[m]
    page_quote = _quote(words, pj1 - p_start, min(pj2 - p_start, len(words)))
    source_quote = _quote(source_words, si1 - s_start, min(si2 - s_start, len(source_words)))
    paragraph = pages[k]
    return ((paragraph.page, *paragraph.place(pj1 - p_start)),
            f"这一段与发布的原文不同：页面是“{page_quote}”，原文是“{source_quote}”",
            f"请恢复发布时的文字（原文在 {{source}} 第 {source[m][1]} 行）。")


def _missing(source, src, si1, si2, pages, page, pj1, after, before) -> tuple:
    """Source paragraphs no page has: said where they belong, before the
    page paragraph that follows them -- or after the one before them, when
    that one ends a page and they do not open the next (a part heading)."""
    missing = [source[k] for k, start in enumerate(src.starts) if si1 <= start < si2]
    opening = _quote(missing[0][0], 0, min(len(missing[0][0]), SHOWN))
    count = "一段" if len(missing) == 1 else f"{len(missing)} 段"
    lines = _lines(missing)
    k = page.index(pj1) if pj1 < len(page.text) else len(pages)
    following = pages[k] if k < len(pages) else after
    previous = pages[k - 1] if k > 0 else before
    if following is not None and (previous is None or following.block is not following.page.blocks[0]
                                  or PART_NUMBER.match(missing[0][0])):
        return ((following.page, *following.place(pj1 - page.starts[k] if k < len(pages) else 0)),
                f"这里之前缺少发布的原文中的{count}：“{opening}”", f"请把 {{source}} {lines}照抄到这一段之前。")
    return ((previous.page, previous.block.end + 1, 1), f"这里缺少发布的原文中的{count}：“{opening}”",
            f"请把 {{source}} {lines}照抄到这里（上一段之后）。")


def _extra(pages, page, pj1, pj2) -> tuple:
    """Page paragraphs the source does not have."""
    extra = [pages[k] for k, start in enumerate(page.starts) if pj1 <= start < pj2]
    opening = _quote(extra[0].words, 0, min(len(extra[0].words), SHOWN))
    count = "这一段" if len(extra) == 1 else f"从这里开始的 {len(extra)} 段"
    return ((extra[0].page, *extra[0].place(0)), f"发布的原文中没有{count}：“{opening}”",
            "请删除；给编辑看的说明请写成单独一行的注释 <!-- … -->，它不会显示在网页上。")


# A source paragraph that opens with its heading ("（二）标题。正文……") is
# split on the page: the heading is a heading there, with its own anchor.
HEADINGS = ("title", "part", "section", "heading")


def _division(source, pages, src, page, diffs) -> list:
    """Where the same words are divided differently: the page joins what the
    source divides, or divides what the source joins -- except after a
    heading split off its run-in paragraph.  Only boundaries inside equal
    text are judged; at a difference, the difference is the problem."""
    out = []
    edges = [(0, 0, 0, 0)] + diffs + [(len(src.text),) * 2 + (len(page.text),) * 2]
    for (_, s_end, _, p_end), (s_next, _, p_next, _) in zip(edges, edges[1:]):
        for k, start in enumerate(page.starts):  # equal text: src[s_end:s_next] == page[p_end:p_next]
            if p_end < start < p_next and s_end + start - p_end not in src.bounds \
                    and pages[k - 1].block.kind not in HEADINGS:
                out.append(((pages[k].page, *pages[k].place(0)), "这一段在发布的原文中与上一段连在一起",
                            "请删除它与上一段之间的空行，合成一段。"))
        for m, start in enumerate(src.starts):
            offset = p_end + start - s_end
            if s_end < start < s_next and offset not in page.bounds:
                k = page.index(offset)
                out.append(((pages[k].page, *pages[k].place(offset - page.starts[k])),
                            "这里在发布的原文中另起一段",
                            f"请在这里断开，空一行后另起一段（{{source}} 第 {source[m][1]} 行）。"))
    return out
