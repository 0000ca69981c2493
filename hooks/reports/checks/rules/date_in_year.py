"""An action of the person in charge is dated within the report's year.

A date in another year is most often a typo in the year.  It is only a
warning: the data follows the report's text, and the text is authoritative.
"""

from __future__ import annotations

from reports.checks.rules import per_year
from reports.source.problems import WARNING

ID = "date-in-year"
DESCRIPTION = "主要负责人履职事项的日期在报告年度内（不在时为警告）"


def check_year(year, catalog):
    for action in year.meta.actions:
        if action.date.year != year.year:
            yield year.located.problem(
                action._path + ("date",), f"日期 {action.date} 不在 {year.year} 年内",
                "请核对年份。", level=WARNING, rule=ID)


check = per_year(check_year)
