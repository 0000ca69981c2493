"""The lock records every published year at its current version.

What this rule reports is what ``make lock`` fixes: a year just published,
or a new version just added.  ``make lock`` itself therefore ignores this
rule's problems (and refuses on any other error); that is why it is a rule
of its own.
"""

from __future__ import annotations

from reports.model import fingerprint
from reports.source.problems import Problem

ID = "lock-outdated"
DESCRIPTION = "锁定文件记录了每个已发布年度的当前版本（运行 make lock 可修复）"


def check(archive, project) -> list:
    if project.base_archive is not None:
        return []  # history is the reference: nothing the clerk commits needs a checksum
    problems = []
    for year in archive.years:
        if year.is_draft or year.meta.current_version is None:
            continue  # published-text's problems, or the schema's (no usable version number)
        entry = project.lock.entries.get(year.year)
        if entry is None:
            problems.append(Problem(fingerprint.LOCK_FILE, 1, 1, f"{year.year} 年已发布，但正文还没有锁定",
                                    "请运行 make lock 记录正文的校验值，并提交 data/lock.yml。", rule=ID))
        elif year.meta.current_version > entry[0]:
            problems.append(year.located.problem(
                ("versions",), f"{year.year} 年新增了第 {year.meta.current_version} 版，但锁定文件还是第 {entry[0]} 版",
                "请运行 make lock 更新校验值，并提交 data/lock.yml。", rule=ID))
    return problems
