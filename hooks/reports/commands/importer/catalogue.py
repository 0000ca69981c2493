"""Draft catalogue entries for the new 《titles》 of an imported report (pure).

Every 《title》 in a report must be in ``data/catalog/documents.yml``, or the
check fails.  An old report names dozens the catalogue does not know, among
them the office's own documents (``《某办2024年行政执法培训工作计划》``).  So the
import adds one draft entry per new title: its id made from the title's
pinyin (the same title always gives the same id), its kind guessed from the
title's words, ``draft: true`` and ``verified: false``, so that the check
passes and lists each one to verify (``checks.rules.catalog_drafts``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re

import pypinyin

from reports.checks.rules.followup_plans import one_line
from reports.commands.year_files import scalar
from reports.model.catalog import DOCUMENT_KINDS, ID_PATTERN

ID_MAX = 48  # characters; longer ids are cut at a syllable and end with a hash of the title
# Kinds guessed from the title: the first rule whose pattern matches wins.
PLACE = r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|州|盟|区|县|旗))"
KIND_RULES = (
    ("party", re.compile(r"中国共产党|^中共|党委|党组|党内|党章|章程$|准则$"), "书名中有“中国共产党”“党内”“章程”等字样"),
    ("law", re.compile(r"(?<![办方做手写])法典?$"), "书名以“法”结尾"),
    ("local", re.compile(PLACE + r".*(?:条例|规定|办法|细则)$"), "书名以地名开头、以“条例”“规定”“办法”等结尾"),
    ("regulation", re.compile(r"(?:条例|规定|办法|细则)$"), "书名以“条例”“规定”“办法”等结尾"),
    ("theory", re.compile(r"思想|讲话|论述|摘编|选编|文选|文集|观$|重要指示"), "书名中有“思想”“讲话”“论述”等字样"),
)
# The office's own documents: a name of an office and a year before what it is.
INTERNAL = re.compile(r"^(?:本|我)(?:局|办|委|单位)|^[\u4e00-\u9fff]{1,16}?(?:局|办|委|办公室|中心|所|队|站|院)"
                      r"(?:\d{4}年度?)?[\u4e00-\u9fff]*(?:计划|方案|制度|清单|要点|安排|规则|细则|办法|台账|预案)$")
HEADER = (
    "\n# ---------------------------------------------------------------------------\n"
    "# make import 导入“{source}”（{year} 年度）时自动添加的草稿条目（draft: true）。\n"
    "# 类别（kind）是根据书名猜的，各项事实都没有核实；make check 会逐条提示，核实后删除 draft: true。\n"
    "# ---------------------------------------------------------------------------\n"
)


@dataclasses.dataclass(frozen=True)
class Draft:
    id: str
    title: str
    kind: str
    why: str  # why this kind
    places: tuple  # "file:line" where the title occurs

    @property
    def kind_label(self) -> str:
        return DOCUMENT_KINDS[self.kind]


def guess_kind(title: str, office_names=()) -> tuple[str, str]:
    """``(kind, why)`` of a document from its title alone."""
    if any(name and name in title for name in office_names):
        return "internal", "书名中有本单位的名称"
    if INTERNAL.search(title):
        return "internal", "书名是某单位自己的计划、方案、制度等"
    for kind, pattern, why in KIND_RULES:
        if pattern.search(title):
            return kind, why
    return "policy", "书名不像法律、法规、党内法规或理论著作，按政策文件归类"


def pinyin_id(title: str) -> str:
    """An id from the title's pinyin: ``示例区法治宣传教育条例`` -> ``shi-li-qu-fa-zhi-xuan-chuan-jiao-yu-tiao-li``."""
    words = []
    for piece in pypinyin.lazy_pinyin(title, style=pypinyin.Style.NORMAL):
        words += re.findall(r"[a-z0-9]+", piece.lower().replace("ü", "v"))
    text = "-".join(words) or "document"
    if len(text) > ID_MAX:
        cut = text[:ID_MAX - 7]
        text = cut[:cut.rfind("-")] if "-" in cut else cut
        text += "-" + _digest(title)
    return text


def _digest(title: str) -> str:
    return hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]


def drafts_for(new_titles, taken, office_names=()) -> list:
    """A ``Draft`` for each ``(title, [(file, line)])``; ids unique among ``taken`` and each other."""
    out, used = [], set(taken)
    for title, places in new_titles:
        identifier = pinyin_id(title)
        if identifier in used:
            identifier = f"{identifier}-{_digest(title)}"
        number = 2
        while identifier in used:  # pragma: no cover - a sha1 prefix repeated
            identifier, number = f"{pinyin_id(title)}-{_digest(title)}-{number}", number + 1
        assert re.fullmatch(ID_PATTERN, identifier), identifier
        used.add(identifier)
        kind, why = guess_kind(title, office_names)
        out.append(Draft(identifier, title, kind, why, tuple(f"{rel}:{line}" for rel, line in places)))
    return out


def entries_text(drafts, source: str, year: int) -> str:
    """The YAML appended to the documents catalogue for ``drafts``."""
    text = HEADER.format(source=one_line(source), year=year)
    for draft in drafts:
        note = f"由 make import 添加，出现在 {'、'.join(draft.places)}；类别是猜的：{draft.why}。"
        # The office's own documents stay with it (make new-archive carries
        # national entries only); whether another title is national is not
        # guessed: no scope, which counts as not national.
        scope = "  scope: office\n" if draft.kind == "internal" else ""
        text += (f"\n- id: {scalar(draft.id)}\n  name: {scalar(draft.title)}\n  kind: {draft.kind}\n"
                 f"  draft: true\n  verified: false\n{scope}  note: {scalar(note)}\n")
    return text
