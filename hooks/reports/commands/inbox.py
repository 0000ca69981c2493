"""Import the reports clerks uploaded into ``inbox/``: ``make inbox``.

Clerks who only use the forge's web pages cannot run ``make import``; they
upload the old report into ``inbox/`` instead, naming it by its year
(``inbox/2019.docx``, ``inbox/2019年报告.txt``), and the CI inbox job
(``.ci/inbox``) runs this command and commits the result to their branch.

Each file is imported exactly as ``make import FILE=… YEAR=…`` imports it --
the importer's ``compute`` and ``write``, its summary and next steps -- with
the year taken from the file's name, and is then removed from the inbox.  A
file that cannot be imported (no year in its name, two files for one year, a
year that exists or is out of range, and whatever the importer refuses: the
format, the size, the text) is left where it is, with a ``file:1:1``
message saying why and what to do; the others are still imported, and the
exit code is 1.  Which files wait in the inbox is ``inbox_pending.pending``,
the rule that keeps an un-imported upload from being merged.
"""

from __future__ import annotations

import pathlib
import re

from reports.checks.rules.inbox_pending import INBOX, pending
from reports.commands import PROJECT_ROOT
from reports.commands import cli
from reports.commands import year_files
from reports.commands.importer.plan import compute
from reports.commands.importer.report import next_steps, summary
from reports.model import archive as archive_module
from reports.source.problems import Problem

USAGE = "用法：make inbox（或 PYTHONPATH=hooks .venv/bin/python -m reports inbox [项目目录]）"
EXAMPLE = f"{INBOX}/2019.docx 或 {INBOX}/2019年报告.txt"
YEAR_MISMATCH = ("注意：标题中的年份是 {found} 年，与文件名中的年份 {year} 不一致；如果文件名写错了，"
                 "请在同一分支上删除下面的文件，再以正确的文件名重新上传报告。")
# Four ASCII digits at the start of the name, not followed by a fifth.
NAME_YEAR = re.compile(r"([0-9]{4})(?![0-9])")


def main(argv=None) -> int:
    parser = cli.CommandParser(USAGE, "make inbox 只需要一个可选的参数：项目目录。", prog="python -m reports inbox")
    parser.add_argument("project", nargs="?", type=pathlib.Path, default=PROJECT_ROOT)
    return parser.run(argv, import_inbox)


def import_inbox(arguments) -> int:
    """Import every file of the inbox that can be, and say per file what became of it."""
    root = arguments.project
    files = pending(root)
    if not files:
        print(f"收件箱（{INBOX}/）中没有待导入的报告。")
        return 0
    years = {rel: year_of(rel) for rel in files}
    archive, _ = archive_module.load(root) if (root / "docs").is_dir() else (None, [])
    statuses = {y.year: y.status_label for y in archive.years} if archive is not None else {}
    refused = 0
    for rel in sorted(files, key=lambda rel: (years[rel] or 0, rel)):
        problems = name_refusals(root, rel, years, statuses)
        plan = None if problems else compute(root, root / rel, years[rel])
        if plan is not None and not plan.files:
            problems = [at_file(p, rel) for p in plan.problems]
        print()
        if problems:
            refused += 1
            say_refused(rel, problems, plan.why if plan is not None else "")
            continue
        year_files.write(root, plan.files, plan.changed)  # changed: the catalogue's draft entries
        (root / rel).unlink()
        print(f"{rel} → {years[rel]} 年度报告（草稿）：已导入，并已从收件箱中删除。")
        print(summary(plan, years[rel], YEAR_MISMATCH))
        print()
        for changed in plan.changed:
            print(f"修改了 {changed}：在末尾添加了 {len(plan.drafts)} 个草稿条目（draft: true）。")
        print("创建了以下文件：")
        cli.created(plan.files, next_steps(plan, years[rel]))
    print()
    imported = len(files) - refused
    if refused:
        print(f"收件箱中有 {refused} 个文件未能导入（原因见上），导入了 {imported} 个。"
              "未能导入的文件仍在收件箱中：请按提示改正后再提交，导入会重新运行。")
        return 1
    print(f"收件箱导入完成：导入了 {imported} 个文件。")
    return 0


def year_of(rel: str):
    """The year a file's name starts with, or None."""
    match = NAME_YEAR.match(pathlib.PurePosixPath(rel).name)
    return int(match.group(1)) if match else None


def name_refusals(root: pathlib.Path, rel: str, years: dict, statuses: dict) -> list:
    """Why ``rel`` cannot be imported, as far as its name and the inbox tell
    (the importer says the rest)."""
    name, year = pathlib.PurePosixPath(rel).name, years[rel]
    if (root / rel).is_symlink():
        return [Problem(rel, 1, 1, f"“{name}”是符号链接，不是上传的报告文件",
                        "请删除它，在网页上用“上传文件”上传报告本身。")]
    if year is None:
        return [Problem(rel, 1, 1, f"文件名“{name}”不以年份开头，不知道是哪一年度的报告",
                        f"请在网页上把文件改名，以报告的年份（四位半角数字）开头，例如 {EXAMPLE}。")]
    if not year_files.MIN_YEAR <= year <= year_files.MAX_YEAR:
        return [Problem(rel, 1, 1, f"文件名中的年份 {year} 不在 {year_files.MIN_YEAR}～{year_files.MAX_YEAR} 之间",
                        f"请检查文件名中的年份，例如 {EXAMPLE}。")]
    same = [other for other, y in sorted(years.items()) if y == year]
    if len(same) > 1:
        return [Problem(rel, 1, 1, f"收件箱中有 {len(same)} 个 {year} 年度的文件：{'、'.join(same)}，不知道导入哪一个",
                        "一个年度只能上传一个文件：请删除多余的文件，或把年份写错的文件改名。")]
    existing = year_files.existing_files(root, year)
    if existing:
        status = f"（{statuses[year]}）" if year in statuses else ""
        return [Problem(rel, 1, 1, f"{year} 年度已经存在{status}：{'、'.join(existing)}",
                        "收件箱只导入新的年度，不会覆盖已有的文件。如果文件名中的年份写错了，请改名；"
                        "要修改已有的年度，请直接编辑它的页面和数据文件。")]
    return []


def at_file(problem: Problem, rel: str) -> Problem:
    """An importer's refusal of the command (no file) as a problem of the inbox file."""
    return problem if problem.file else Problem(rel, 1, 1, problem.message, problem.hint, problem.level)


def say_refused(rel: str, problems: list, why: str) -> None:
    print(f"{rel}：未导入，文件仍在收件箱中。")
    if why:
        print(why)
    for problem in sorted(problems):
        print(problem.format())
