"""Markers: lines in a page that name the hook that fills them.

A marker is an HTML comment on a line of its own, ``<!-- year:figures -->``,
so that the page still reads as plain Markdown on the Git server.  The name
before the colon is the area, the rest is what to put there; arguments may
follow (``<!-- year:table laws -->``).  An unknown or malformed marker is a
hard error -- a typo must not silently leave a hole in a published page.
"""

from __future__ import annotations

import dataclasses
import re

from reports.source.problems import Problem
from reports.model.schema import nearest

MARKER = re.compile(
    r"^<!--\s*(?P<name>[a-z]+:[a-z][a-z0-9-]*)(?P<args>(?:[ \t]+[^\s]+)*?)\s*-->\s*$")
# Every marker a page may use, and where: ``YEAR`` on a year's own pages
# (not full.md), ``FULL`` on a year's full.md, ``GENERATED`` on the pages
# the build makes for every year, ``SITE`` on the pages outside the years.
# The renderer (``render.page_fragments``) has one handler for each name; a
# test keeps the two the same.
YEAR, FULL, GENERATED, SITE = "year", "full", "generated", "site"
SCOPES = {
    "year:meta": YEAR, "year:contents": YEAR, "year:figures": YEAR, "year:studies": YEAR,
    "year:campaigns": YEAR, "year:actions": YEAR, "year:shortcomings": YEAR, "year:plans": YEAR,
    "year:versions": YEAR, "year:downloads": YEAR,
    "year:compare": GENERATED, "report:full": FULL,
    "site:archive": SITE, "site:documents": SITE, "site:campaigns": SITE, "site:followups": SITE,
    "site:home": SITE, "site:finder": SITE, "site:trends": SITE,
}
NAMES = tuple(SCOPES)
SCOPE_LABELS = {YEAR: "年度报告的页面（如 docs/2023/measures.md）", FULL: "年度的全文页 full.md",
                GENERATED: "自动生成的与上年对比页", SITE: "年度目录以外的网站页面（如 docs/index.md）"}
# The year's data lists each marker shows: a list with entries and no marker
# on the year's pages would be data a reader never sees.
SHOWS = {"figures": "year:figures", "studies": "year:studies", "campaigns": "year:campaigns",
         "actions": "year:actions", "shortcomings": "year:shortcomings", "plans": "year:plans",
         "versions": "year:versions", "errata": "year:versions"}

# The rule id of every problem about a marker (``checks`` runs it on every page).
RULE = "marker-name"

# Anything that looks like an attempt at a marker: lower-case word and colon.
# Marker areas in any case, or a full-width colon: a marker written wrong
# must not quietly become a comment (and drop its table).
ATTEMPT = re.compile(r"^\s*<!--\s*(?:[a-z]+\s*[:：]|(?i:year|report|site)\s*[:：])")


@dataclasses.dataclass(frozen=True)
class Marker:
    name: str
    args: tuple
    line: int  # 1-based line in the file


def find(lines, file: str, first_line: int = 1, known=()):
    """Return ``(markers, problems)`` for every marker line in ``lines``."""
    markers, problems = [], []
    for index, line in enumerate(lines):
        lineno = first_line + index
        m = MARKER.match(line)
        if m:
            marker = Marker(m.group("name"), tuple(m.group("args").split()), lineno)
            if known and marker.name not in known:
                problems.append(Problem(
                    file, lineno, line.index(marker.name) + 1,
                    f"未知的标记“{marker.name}”",
                    f"可用的标记有：{nearest(marker.name, known, n=5)}。", rule=RULE))
            markers.append(marker)
        elif ATTEMPT.match(line):
            problems.append(Problem(
                file, lineno, 1, "标记的格式不对",
                "标记应单独占一行，写成 <!-- 区域:名称 -->，例如 <!-- year:figures -->，"
                "只用英文小写字母、数字和连字符，冒号用英文冒号。", rule=RULE))
    return markers, problems


def expand(lines: list, handlers: dict, file: str, first_line: int = 1):
    """Replace every marker line by what its handler returns.

    ``lines`` is the page body split into lines (entries may already hold
    more than one line; only whole-line markers are replaced).  ``handlers``
    maps a marker name to ``f(marker) -> str``; a handler reports a problem by
    raising ``MarkerError``.  Returns ``(text, problems)``.
    """
    markers, problems = find(lines, file, first_line, known=handlers)
    lines = list(lines)
    for marker in markers:
        handler = handlers.get(marker.name)
        if handler is None:
            continue
        try:
            lines[marker.line - first_line] = handler(marker)
        except MarkerError as exc:
            problems.append(Problem(file, marker.line, 1, exc.message, exc.hint, rule=RULE))
    return "\n".join(lines), problems


class MarkerError(Exception):
    def __init__(self, message, hint=""):
        super().__init__(message)
        self.message, self.hint = message, hint
