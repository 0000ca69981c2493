"""A published report's text changes only with a new version.

Published reports are public records: their text must stay word for word
what was published.  ``data/lock.yml`` holds the digest of every block of
every published year (``model.fingerprint``); a block whose digest differs
is reported at its line, naming what changed, until the editor records a new
version in the year's data -- then ``lock-outdated`` asks for ``make lock``.
For the same reason a published year needs a version history, cannot go
back to draft, and cannot disappear.
"""

from __future__ import annotations

import pathlib

from reports.model import fingerprint
from reports.source.problems import Problem

ID = "published-text"
DESCRIPTION = "已发布的正文不能悄悄修改：有改动必须新增版本记录"


def check(archive, project) -> list:
    problems = []
    entries, located = project.lock.entries, project.lock.located
    with_history = project.base_archive is not None  # then published-frozen compares
    for year in archive.years:
        data = year.meta
        entry = entries.get(year.year)
        if with_history and year.is_draft:
            continue  # published-frozen: "不能改回草稿"
        if year.is_draft:
            if entry is not None:
                problems.append(year.located.problem(
                    ("status",), f"{year.year} 年已发布并锁定，不能改回草稿",
                    "已发布的报告只能通过新增版本记录来修改；如确需撤回，请联系管理员。", rule=ID))
            continue
        if not data.every("versions"):
            problems.append(year.located.problem(
                (), f"{year.year} 年已发布，但没有版本记录（versions）",
                "请添加 versions，第 1 版写首次发布的日期和说明；然后运行 make lock。", rule=ID))
            continue
        if with_history or entry is None or data.current_version is None or data.current_version > entry[0]:
            continue  # history is the reference, or not locked at this version yet: lock-outdated
        for file, line, what in differences(year, entry[1]):
            problems.append(Problem(
                file, line, 1, f"{year.year} 年的报告已发布，{what}，但没有新增版本记录",
                "已发布的正文必须与发布稿一字不差，不能悄悄修改。原文有错请恢复原文并在 errata 中记录勘误；"
                f"如确需修改正文（例如更正录入错误），请在 {year.data_file} 的 versions 中新增一版"
                f"（version: {data.current_version + 1}），写明日期和修改说明，然后运行 make lock。", rule=ID))
    broken = {p.file for p in project.found}
    for number in [] if with_history else sorted(set(entries) - {y.year for y in archive.years}):
        if any(file.endswith(f"/years/{number}.yml") for file in broken):
            continue  # the year's own problems say why it did not load
        problems.append(Problem(fingerprint.LOCK_FILE, located.at((str(number),))[0], 1,
                                f"{number} 年已锁定，但找不到该年度的报告", "已发布的年度不能删除。", rule=ID))
    return problems


def differences(year, locked_pages) -> list:
    """(file, line, description) for each page or block that changed."""
    out = []
    current = fingerprint.year_digests(year)
    for src_uri in sorted(set(locked_pages) - set(current)):
        out.append((f"docs/{src_uri}", 1, f"页面 docs/{src_uri} 被删除"))
    for src_uri, digests in current.items():
        page = year.pages[pathlib.PurePosixPath(src_uri).stem]
        locked = locked_pages.get(src_uri)
        if locked is None:
            out.append((page.file, 1, f"新增了页面 {page.file}"))
            continue
        if not isinstance(locked, dict):
            out.append((page.file, 1, "锁定记录格式不对"))
            continue
        blocks = {fingerprint.block_key(i, b): b for i, b in enumerate(page.blocks)}
        for key, digest in digests.items():
            if locked.get(key) != digest:
                what = "新增了段落" if key not in locked else "这一段被修改"
                out.append((page.file, blocks[key].line, f"{what}（{key}）"))
        for key in locked:
            if key not in digests:
                out.append((page.file, 1, f"段落 {key} 被删除"))
    return out
