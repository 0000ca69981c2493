"""``make check``: every problem in the project, without building the site.

Prints each problem as ``file:line:col: [级别] …`` with its hint; under
GitHub or Gitea Actions also as workflow annotations, which the runner shows
on the changed lines.  ``--format github`` prints the annotations alone and
``--format json`` a JSON list for tools (nothing else, so that it parses).
Exit code 1 when any problem is an error, 2 when the command line is wrong.
"""

from __future__ import annotations

import os
import sys

from reports import checks
from reports.commands import PROJECT_ROOT, arguments
from reports.source import reporters

FORMATS = ("text", "github", "json", "codequality")


def parser() -> arguments.Parser:
    parser = arguments.Parser("python -m reports check", "检查数据和页面中的错误，不构建网站（即 make check）。")
    arguments.add_project(parser, "检查")
    parser.add_argument("--format", type=arguments.one_of(FORMATS), default="text", metavar="{text,github,json,codequality}",
                        help="输出格式：text（默认，给人看）、github（GitHub/Gitea Actions 的标注）、json（给工具用）、"
                             "codequality（GitLab 合并请求中的代码质量报告）")
    return parser


def main(argv=None) -> int:
    args = parser().parse(sys.argv[1:] if argv is None else argv)
    if isinstance(args, int):
        return args
    _, problems, basis = checks.check_project_report(args.project or PROJECT_ROOT)
    failed = any(p.is_error for p in problems)
    if args.format in ("json", "codequality"):
        print(getattr(reporters, args.format)(problems))
        return 1 if failed else 0
    if problems and args.format == "text":
        print(reporters.text(problems))
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"  # also set by Gitea Actions
    if problems and (args.format == "github" or in_actions):
        print(reporters.github(problems))
    if args.format == "text":
        print(basis)
    if failed:
        print("检查未通过：请按上面的提示修改后再提交。")
        return 1
    print("检查通过：数据和页面没有发现错误。")
    return 0
