"""The past is frozen: a published report changes only with a new version.

Every year that is published at the base of the change (``source.history``)
is compared with its files as they are now: each page of the year, every
line of any shape (headings, paragraphs and their order, anchors, markers,
front matter, ``full.md``), the year's title and metadata, its version
records and its errata.  Any difference needs a new version record in the
same change; version records and errata are append-only; a published year
can be neither deleted nor turned back into a draft.

The base is found and loaded by ``checks.project.history``.  Without Git
history (an export, a tarball, a shallow clone missing the base) the stored
fingerprint in ``data/lock.yml`` is the reference instead (the
``published-text`` and ``lock-outdated`` rules), and the check says which it
used.
"""

from __future__ import annotations

import dataclasses
import difflib
from reports.source.problems import Problem

ID = "published-frozen"
DESCRIPTION = "已发布的报告只能通过新增版本记录来修改；版本记录和勘误只能追加"

# The year's metadata a reader sees as part of the report.
META_FIELDS = ("title", "published_on", "office")
# At most this many changed lines are named per page; the rest are counted.
MAX_LINES_PER_PAGE = 5


def normalised(text: str) -> list:
    """A page's lines as a reader's record: line ends and trailing spaces do not count."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _entries(items) -> list:
    return [{k: v for k, v in dataclasses.asdict(item).items() if k != "_path"} for item in items]


def compare(old_archive, archive, data_dir: str = "data", found=()) -> list:
    """Problems where a year published in ``old_archive`` changed unrecorded in ``archive``.

    A year missing from ``archive`` because its files have problems (``found``)
    is not reported as deleted: the problems already say why it did not load.
    """
    problems = []
    broken = {p.file for p in found}
    for old in old_archive.years:
        if old.is_draft:
            continue
        year = archive.year(old.year)
        if year is None and f"{data_dir}/years/{old.year}.yml" in broken:
            continue
        if year is None:
            problems.append(Problem(f"{data_dir}/years/{old.year}.yml", 1, 1,
                                    f"{old.year} 年的报告已发布，不能删除",
                                    "已发布的报告是公开记录；请恢复该年度的页面和数据文件。如确需撤回，请联系管理员。",
                                    rule=ID))
            continue
        problems += compare_year(old, year)
    return problems


def compare_year(old, year) -> list:
    problems = []
    located, number = year.located, year.year
    if year.is_draft:
        problems.append(located.problem(
            ("status",), f"{number} 年的报告已发布，不能改回草稿",
            "已发布的报告只能通过新增版本记录来修改；如确需撤回，请联系管理员。", rule=ID))
        return problems
    old_versions, versions = _entries(old.meta.every("versions")), _entries(year.meta.every("versions"))
    old_errata, errata = _entries(old.meta.every("errata")), _entries(year.meta.every("errata"))
    changed = (_appended_only(located, "versions", old_versions, versions,
                              lambda e: f"第 {e['version']} 版的版本记录被删除或改动",
                              lambda e: f"版本记录只能在末尾追加，原有的记录要保持原样（原为：version: {e['version']}，"
                                        f"date: {e['date']}，changes: {e['changes']}）。")
               or _appended_only(located, "errata", old_errata, errata,
                                 lambda e: f"已记录的勘误（{e['at']}：“{e['original']}”）被删除或改动",
                                 lambda e: "勘误只能在末尾追加，原有的勘误要保持原样；更正勘误本身也请追加一条新的勘误。"))
    if changed:
        return problems + [changed]
    changes = _record_changes(old, year)
    added_errata = year.meta.every("errata")[len(old_errata):]
    if added_errata:
        changes += [(year.data_file, located.at(("errata", len(old_errata) + i))[0],
                     f"新增了勘误（{e.at}）") for i, e in enumerate(added_errata)]
    if not changes or len(versions) > len(old_versions):
        return problems
    next_version = (old.meta.current_version or 0) + 1
    hint = ("已发布的正文必须与发布稿一字不差，不能悄悄修改。原文有错请恢复原文并在 errata 中记录勘误；"
            f"无论改正文还是加勘误，都要在 {year.data_file} 的 versions 末尾新增一版"
            f"（version: {next_version}），写明日期和修改说明。")
    for file, line, what in changes:
        problems.append(Problem(file, line, 1, f"{number} 年的报告已发布，{what}，但没有新增版本记录",
                                hint, rule=ID))
    return problems


def _appended_only(located, name, before, after, message, hint):
    """A problem at the first entry of ``before`` that ``after`` does not keep
    in place (records are append-only), else None.  A field of ``after`` that
    is None is broken (every field of these records is required): the schema
    says so, and the rest of the record is what is compared."""
    for index, entry in enumerate(before):
        if index >= len(after) or any(after[index][key] not in (None, value) for key, value in entry.items()):
            path = (name, index) if index < len(after) else (name,)
            return located.problem(path, message(entry), hint(entry), rule=ID)
    return None


def _record_changes(old, year) -> list:
    """``(file, line, what)`` for each difference in what a reader sees."""
    out = []
    for name in META_FIELDS:
        before, after = getattr(old.meta, name), getattr(year.meta, name)
        if before != after and name not in old.meta.broken | year.meta.broken:
            line = year.located.at((name,))[0]
            out.append((year.data_file, line, f"{name}（原为“{before or '空'}”）被修改"))
    for slug in sorted(set(old.pages) | set(year.pages)):
        before, after = old.pages.get(slug), year.pages.get(slug)
        if after is None:
            out.append((f"{year.data_file}", 1, f"页面 {before.file} 被删除"))
            continue
        if before is None:
            out.append((after.file, 1, f"新增了页面 {after.file}"))
            continue
        out += _page_changes(before, after)
    return out


def _page_changes(before, after) -> list:
    old_lines, new_lines = normalised(before.text), normalised(after.text)
    if old_lines == new_lines:
        return []
    front_end = after.first_line - 1  # lines 1..front_end are front matter
    found = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        line = min(j1 + 1, max(len(new_lines), 1))
        block = next((b for b in after.blocks if b.line <= line <= b.end), None)
        place = f"（{block.anchor}）" if block is not None and block.anchor else ""
        if line <= front_end:
            what = "页面开头的标题信息（front matter）被修改"
        elif tag == "insert":
            what = f"新增了内容{place}"
        elif tag == "delete":
            what = f"删除了原来的第 {i1 + 1} 行{place}"
        else:
            what = f"这一段被修改{place}"
        found.append((after.file, line, what))
    if len(found) > MAX_LINES_PER_PAGE:
        rest = len(found) - MAX_LINES_PER_PAGE
        found = found[:MAX_LINES_PER_PAGE]
        file, line, what = found[-1]
        found[-1] = (file, line, f"{what}（本页另有 {rest} 处改动）")
    return found


def check(archive, project) -> list:
    if project.base_archive is None:
        return []  # no history: published-text compares with data/lock.yml
    return compare(project.base_archive, archive, project.data_dir, project.found)
