"""Every ``at`` in a year's data names a paragraph of that year's report.

The hint lists the nearest anchors, because the usual mistake is a typo or
a paragraph renumbered by an edit.
"""

from __future__ import annotations

from reports.checks import citations
from reports.checks.rules import per_year
from reports.model.schema import nearest

ID = "anchor-exists"
DESCRIPTION = "数据中的 at 指向该年度报告中存在的段落"


def check_year(year, catalog):
    for entry, _ in citations.cited(year):
        if year.block(entry.at)[1] is None:
            yield year.located.problem(
                entry._path + ("at",), f"{year.year} 年的报告中没有位置为“{entry.at}”的段落",
                f"最接近的位置有：{nearest(entry.at, year.anchors)}。"
                "段落位置见页面上段落的链接（如 …/measures/#s1-2-3 中的 s1-2-3）。", rule=ID)


check = per_year(check_year)
