"""Versions are numbered 1, 2, 3 … with dates that do not go back, and
every erratum is recorded in one of them.

A published report changes only by a new version (see ``published-text``),
so the list of versions is the report's history: a gap or a date out of
order would make that history wrong.
"""

from __future__ import annotations

from reports.checks.rules import per_year

ID = "versions"
DESCRIPTION = "版本按 1、2、3… 编号、日期不倒退；勘误记在已有的版本中"


def check_year(year, catalog):
    data, located = year.meta, year.located
    for number, version in enumerate(data.versions, 1):
        if version.version != number:
            yield located.problem(
                version._path + ("version",), f"版本号应为 {number}，实际是 {version.version}",
                "版本从 1 开始按顺序编号，新版本加在列表末尾。", rule=ID)
    for previous, version in zip(data.versions, data.versions[1:]):
        if version.date < previous.date:
            yield located.problem(
                version._path + ("date",), f"第 {version.version} 版的日期早于上一版（{previous.date}）",
                "请核对日期。", rule=ID)
    for erratum in data.errata:
        if data.current_version is not None and erratum.version > data.current_version:
            yield located.problem(
                erratum._path + ("version",), f"勘误记在第 {erratum.version} 版，但 versions 中没有这一版",
                "请先在 versions 中新增这一版。", rule=ID)


check = per_year(check_year)
