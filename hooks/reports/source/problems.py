"""Problems found in editors' files, reported the way linters report them.

Every check in this project returns ``Problem`` values instead of raising, so
that one run can list every mistake at once (an editor fixing a pull request
should not have to push ten times to discover ten typos).  The format follows
yamllint and compilers -- ``file:line:col: [级别] 消息`` -- because CI systems
and editors already know how to turn it into clickable locations.
"""

from __future__ import annotations

import dataclasses

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
    code: str = ""  # a stable name for the rule, for tools (not shown)

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        key = f"{self.key}: " if self.key else ""
        text = f"{where}: [{self.level}] {key}{self.message}"
        if self.hint:
            text += f"\n    提示：{self.hint}"
        return text

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


def format_all(problems) -> str:
    problems = sorted(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    lines = [p.format() for p in problems]
    lines.append(f"共发现 {errors} 个错误、{warnings} 个警告。")
    return "\n".join(lines)


class ProblemsFound(Exception):
    """Raised by callers that cannot continue; carries the full list."""

    def __init__(self, problems):
        self.problems = sorted(problems)
        super().__init__(format_all(self.problems))
