"""``make check``: every problem in the project, without building the site.

Prints each problem as ``file:line:col: [级别] …`` with its hint; under
GitHub or Gitea Actions also as workflow annotations.  Exit code 1 when any
problem is an error.
"""

from __future__ import annotations

import os
import pathlib
import sys

from reports import checks
from reports.commands import PROJECT_ROOT
from reports.source import reporters


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = pathlib.Path(argv[0]) if argv else PROJECT_ROOT
    _, problems = checks.check_project(root)
    errors = [p for p in problems if p.is_error]
    if problems:
        print(reporters.text(problems))
    if os.environ.get("GITHUB_ACTIONS") == "true":  # also set by Gitea Actions
        for problem in sorted(problems):
            print(reporters.annotation(problem))
    if errors:
        print("检查未通过：请按上面的提示修改后再提交。")
        return 1
    print("检查通过：数据和页面没有发现错误。")
    return 0

