"""Versions are numbered 1, 2, 3 … with dates that do not go back, and
every erratum is recorded in one of them.

A published report changes only by a new version (see ``published-text``),
so the list of versions is the report's history: a gap or a date out of
order would make that history wrong.
"""

from __future__ import annotations

ID = "versions"
DESCRIPTION = "版本按 1、2、3… 编号、日期不倒退；勘误记在已有的版本中"


def check(archive, project) -> list:
    problems = []
    for year in archive.years:
        data, located = year.meta, year.located
        previous = None  # the last version with a usable date
        for index, version in enumerate(data.every("versions")):
            if version.version is not None and version.version != index + 1:
                problems.append(located.problem(
                    version._path + ("version",), f"版本号应为 {index + 1}，实际是 {version.version}",
                    "版本从 1 开始按顺序编号，新版本加在列表末尾。", rule=ID))
            if version.date is None:
                continue
            if previous is not None and version.date < previous.date:
                problems.append(located.problem(
                    version._path + ("date",), f"第 {version.version or index + 1} 版的日期早于上一版（{previous.date}）",
                    "请核对日期。", rule=ID))
            previous = version
        for erratum in data.every("errata"):
            if data.current_version is not None and erratum.version is not None \
                    and erratum.version > data.current_version:
                problems.append(located.problem(
                    erratum._path + ("version",), f"勘误记在第 {erratum.version} 版，但 versions 中没有这一版",
                    "请先在 versions 中新增这一版。", rule=ID))
    return problems
