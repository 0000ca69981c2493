"""``make import``'s command line: arguments, refusals, the files, the report.

The only part of the import that writes files (all of them or none, never
over an existing one) and prints.
"""

from __future__ import annotations

import pathlib

from reports.commands import PROJECT_ROOT
from reports.commands import cli
from reports.commands.importer.plan import EXAMPLE, compute
from reports.commands.importer.report import next_steps, summary
from reports.commands.cli import refusal
from reports.commands.year_files import FileChangedError, write

USAGE = ("用法：make import FILE=旧报告.docx YEAR=2022"
         "（或 PYTHONPATH=hooks .venv/bin/python -m reports import 文件 2022 [项目目录]）")


def main(argv=None) -> int:
    parser = cli.CommandParser(USAGE, "请指定要导入的文件和年份。", prog="python -m reports import")
    parser.add_argument("file", type=cli.value)
    parser.add_argument("year", type=cli.value)
    parser.add_argument("project", nargs="?", type=pathlib.Path, default=PROJECT_ROOT)
    return parser.run(argv, import_file)


def import_file(arguments) -> int:
    """Write the imported year (or say why not), what was recognised and what to do next."""
    path, root = pathlib.Path(arguments.file), arguments.project
    year = cli.four_digit_year(arguments.year, EXAMPLE)
    plan = compute(root, path, year)
    if not plan.files:
        return cli.refuse(plan.problems, plan.why)
    try:
        write(root, plan.files, plan.changed)
    except FileChangedError as exc:
        return cli.refuse([refusal(f"{exc} 在导入过程中被修改了", "请确认没有其他人或程序在修改它，然后重新运行。")])
    print(f"已从“{path.name}”导入 {year} 年度报告（草稿）。")
    print(summary(plan, year))
    print()
    for rel in plan.changed:
        print(f"修改了 {rel}：在末尾添加了 {len(plan.drafts)} 个草稿条目（draft: true）。")
    print("创建了以下文件：")
    return cli.created(plan.files, next_steps(plan, year))
