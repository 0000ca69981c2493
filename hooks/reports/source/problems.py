"""Problems found in editors' files, reported the way linters report them.

Every check in this project returns ``Problem`` values instead of raising, so
that one run can list every mistake at once (an editor fixing a pull request
should not have to push ten times to discover ten typos).  How problems are
shown -- ``file:line:col: [级别] 消息`` for people, annotations for CI, JSON
for tools -- is ``reporters``' business, not the checks'.

Each problem names the rule that found it, a stable kebab-case id, so that
tools can group or filter problems without parsing Chinese messages.
"""

from __future__ import annotations

import dataclasses

from reports.source import reporters

ERROR = "错误"
WARNING = "警告"


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    level: str = ERROR
    key: str = ""  # key path inside a data file, e.g. ``laws[3].name``
    rule: str = ""  # the id of the rule that found it, for tools (not shown)

    def format(self) -> str:
        return reporters.text_of(self)

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


def format_all(problems) -> str:
    return reporters.text(problems)


class ProblemsFound(Exception):
    """Raised by callers that cannot continue; carries the full list."""

    def __init__(self, problems):
        self.problems = sorted(problems)
        super().__init__(format_all(self.problems))
