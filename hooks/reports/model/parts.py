"""The report's required parts: one registry for everything keyed by part.

The rules on rule-of-law government reports list four contents, in this
order, and every annual report is written as those four parts.  Each fact
about a part -- its page's file name, the heading ``make new-year`` writes,
the short label of the navigation, the words ``make import`` recognises it
by, the markers its page starts with -- is written here once, so that a part
cannot be known to one command and missing from another.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class PartKind:
    """One required part of the report."""

    # The file name of the part's page in every year, which is what lets the
    # year switcher land on the same part in another year.
    slug: str
    # The official heading ``make new-year`` writes, with its numeral;
    # ``{year}`` is the report's year and ``{next_year}`` the year after it.
    title: str
    # The label of navigation, contents and messages: 主要举措和成效.
    short_title: str
    # Words in a heading that make ``make import`` place it here; the first
    # part (in official order) with a matching word wins.
    keywords: tuple = ()
    # How an editor is told which words these are (``举措/成效``).
    keywords_hint: str = ""
    # Markers of the part's page when there is no earlier year to copy them
    # from (the same as the 2023 report's pages).
    markers: tuple = ()

    def heading(self, year: int) -> str:
        """The official heading of this part in ``year``'s report."""
        return self.title.format(year=year, next_year=year + 1)


# In the order the regulations list them.
PARTS = (
    PartKind("measures", "一、推进法治政府建设的主要举措和成效", "主要举措和成效",
             keywords=("举措", "成效", "主要做法"), keywords_hint="举措/成效",
             markers=("year:studies", "year:campaigns")),
    PartKind("shortcomings", "二、推进法治政府建设存在的不足和原因", "存在的不足和原因",
             keywords=("不足", "存在的问题"), keywords_hint="不足",
             markers=("year:shortcomings",)),
    PartKind("leadership", "三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的情况",
             "第一责任人职责",
             keywords=("第一责任人",), keywords_hint="第一责任人",
             markers=("year:actions",)),
    PartKind("plans", "四、{next_year}年度推进法治政府建设的主要安排", "下一年度安排",
             keywords=("安排", "计划", "打算"), keywords_hint="安排/计划",
             markers=("year:plans",)),
)
PART_SLUGS = tuple(p.slug for p in PARTS)


def by_slug(slug: str) -> PartKind:
    """The part whose page is ``<slug>.md`` (KeyError for any other name)."""
    for kind in PARTS:
        if kind.slug == slug:
            return kind
    raise KeyError(slug)
