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
# Every marker a page may use.  The renderer (``render.page_fragments``) has
# one handler for each; a test keeps the two the same.
NAMES = (
    "year:meta", "year:contents", "year:figures", "year:studies", "year:campaigns",
    "year:actions", "year:shortcomings", "year:plans", "year:versions", "year:downloads",
    "year:compare", "report:full",
    "site:archive", "site:documents", "site:campaigns", "site:followups", "site:home",
    "site:finder", "site:trends",
)

# The rule id of every problem about a marker (``checks`` runs it on every page).
RULE = "marker-name"

# Anything that looks like an attempt at a marker: lower-case word and colon.
ATTEMPT = re.compile(r"^\s*<!--\s*[a-z]+\s*[:：]")


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
