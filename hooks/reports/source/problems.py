"""Problems found in editors' files, reported the way linters report them.

Every check in this project returns ``Problem`` values instead of raising, so
that one run can list every mistake at once (an editor fixing a pull request
should not have to push ten times to discover ten typos).  How problems are
shown -- ``file:line:col: [级别] 消息`` for people, annotations for CI, JSON
for tools -- is ``reporters``' business, not the checks'.

Each problem names the rule that found it, a stable kebab-case id, so that
tools can group or filter problems without parsing Chinese messages.  The
checks' own rules name theirs in ``reports.checks``; the problems found while
files are read are named here, because the reading layers (source, model)
sit below the checks and cannot import them.
"""

from __future__ import annotations

import dataclasses

from reports.source import reporters

ERROR = "错误"
WARNING = "警告"

# Rule ids of the problems found while reading files, with what each means.
ENCODING = "encoding"
YAML_SYNTAX = "yaml-syntax"
YAML_DUPLICATE_KEY = "yaml-duplicate-key"
YAML_EMPTY = "yaml-empty"
SCHEMA = "schema"
UNIQUE_ID = "unique-id"
PROJECT_FILES = "project-files"
REPORT_TEXT = "report-text"
LOCK_FORMAT = "lock-file"
LOADING = {
    ENCODING: "文件是 UTF-8 编码",
    YAML_SYNTAX: "YAML 能够解析：缩进用空格、语法正确、不用锚点和复杂键",
    YAML_DUPLICATE_KEY: "同一层级中的键不重复",
    YAML_EMPTY: "数据文件不是空的",
    SCHEMA: "数据的键、类型和格式符合规定",
    UNIQUE_ID: "目录和年度数据中的编号、名称不重复",
    PROJECT_FILES: "年度数据、报告页面和目录文件齐全且命名正确",
    REPORT_TEXT: "报告页面的标题编号符合原文格式",
    LOCK_FORMAT: "锁定文件 data/lock.yml 的格式正确",
}


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
