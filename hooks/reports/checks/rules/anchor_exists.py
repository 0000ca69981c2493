"""Every ``at`` in a year's data names a paragraph of that year's report.

The hint names the paragraph that holds the entry's words when there is
one (then only the ``at`` is wrong), else the nearest anchors, because the
usual mistake is a typo or a paragraph renumbered by an edit.  An ``at``
that is missing or malformed is the schema's problem, not this rule's.
"""

from __future__ import annotations

from reports.checks import citations
from reports.checks.rules import per_year
from reports.model.schema import nearest

ID = "anchor-exists"
DESCRIPTION = "数据中的 at 指向该年度报告中存在的段落"


def check_year(year, catalog):
    for entry, field in citations.cited(year):
        if entry.at is not None and year.block(entry.at)[1] is None:
            yield year.located.problem(
                entry._path + ("at",), f"{year.year} 年的报告中没有位置为“{entry.at}”的段落",
                _hint(year, entry, field), rule=ID)


check = per_year(check_year)


def _hint(year, entry, field) -> str:
    words = getattr(entry, field) if field else None
    holding = citations.found_in(year, words) if words is not None else []
    if holding:
        page, block = holding[0]
        return f"{field} 写的文字在段落 {block.anchor}（{page.file}:{block.line}）中：是不是应写 at: {block.anchor}？"
    return (f"最接近的位置有：{nearest(entry.at, year.anchors)}。"
            "段落位置见页面上段落的链接（如 …/measures/#s1-2-3 中的 s1-2-3）。")
