"""The report's required parts: one registry for everything keyed by part.

The rules on rule-of-law government reports list four contents, in this
order, and every annual report is written as those four parts.  Each fact
about a part -- its page's file name, the heading ``make new-year`` writes,
the short label of the navigation, the words ``make import`` recognises it
by, the markers its page starts with -- is written here once: the page
hooks, the navigation, the checks, ``make new-year`` and ``make import`` all
read it, so a fifth part is one more entry (and its page in each year).
"""

from __future__ import annotations

import dataclasses

from reports.model.numerals import cn_numeral


@dataclasses.dataclass(frozen=True)
class PartKind:
    slug: str  # file name of the part's page in every year: lets the year switcher land on the same part
    short_title: str  # the part in the navigation and in messages: 主要举措和成效
    heading: str  # the page's heading without its numeral, as a new year starts it; may use {year}, {next_year}
    keywords: tuple  # words that tell its heading in an imported report (the first part that matches wins)
    keywords_hint: str = ""  # how an editor is told which words these are: 举措/成效
    markers: tuple = ()  # the markers of its page when there is no previous year to take them from
    # A broad part is matched after the others: its words (建设情况, the 纲要's
    # topics ...) also occur in the headings of the narrower parts.
    broad: bool = False

    @property
    def number(self) -> int:
        """1 for the first part: its numeral in the report (一、)."""
        return PARTS.index(self) + 1

    def title(self, year: int) -> str:
        """The page's heading in ``year``'s report: ``四、2025年度推进法治政府建设的主要安排``."""
        return f"{cn_numeral(self.number)}、" + self.heading.format(year=year, next_year=year + 1)


# The topics of the 法治政府建设实施纲要 (2015-2020 and 2021-2025), which some
# reports use as their top-level headings (一、依法全面履行政府职能): all of them
# tell what was done, the first part.
OUTLINE_TOPICS = (
    "政府职能", "政府机构职能", "依法行政制度", "行政决策", "行政执法", "突发事件", "矛盾纠纷",
    "制约和监督", "行政权力", "科技保障", "数字法治", "数字政府", "法治思维", "依法行政能力",
    "组织领导", "党的领导", "组织保障", "政务公开", "普法", "法治宣传", "法治队伍", "营商环境",
    "执法", "依法行政", "法治政府建设",
)

# The headings are the annual reports' own; the default markers are those of
# the 2023 report's pages.  Part four plans the year after the report's.
PARTS = (
    PartKind("measures", "主要举措和成效", "推进法治政府建设的主要举措和成效",
             keywords=("举措", "成效", "主要做法", "工作进展", "亮点", "基本情况", "建设情况", "开展情况",
                       "工作情况", "主要工作", "工作成绩", "取得的成绩", "落实情况", *OUTLINE_TOPICS),
             keywords_hint="举措/成效/建设情况", markers=("year:studies", "year:campaigns"), broad=True),
    PartKind("shortcomings", "存在的不足和原因", "推进法治政府建设存在的不足和原因",
             keywords=("不足", "存在的问题", "存在问题", "短板", "差距"), keywords_hint="不足/问题",
             markers=("year:shortcomings",)),
    PartKind("leadership", "第一责任人职责",
             "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的情况",
             keywords=("第一责任人", "主要负责人履行"), keywords_hint="第一责任人", markers=("year:actions",)),
    PartKind("plans", "下一年度安排", "{next_year}年度推进法治政府建设的主要安排",
             keywords=("安排", "计划", "打算", "思路", "下一步", "下步", "展望"), keywords_hint="安排/计划/打算",
             markers=("year:plans",)),
)
PART_SLUGS = tuple(p.slug for p in PARTS)


def by_slug(slug: str) -> PartKind:
    """The part whose page is ``<slug>.md`` (KeyError for any other name)."""
    for kind in PARTS:
        if kind.slug == slug:
            return kind
    raise KeyError(slug)
