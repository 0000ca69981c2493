"""The command line of the project's commands: arguments, refusals, exit codes.

Office staff run the commands through ``make``, so everything printed is
Chinese and goes to standard output, and a mistake in the arguments is
answered with the command's own usage line rather than argparse's English
``usage:``/``error:`` text on standard error.  ``CommandParser`` is an
``argparse.ArgumentParser`` with exactly that behaviour, for every command.
"""

from __future__ import annotations

import argparse
import re
import sys

from reports.source.problems import Problem, format_all

# Printed after every refusal: the commands write all their files or none.
NOTHING_WRITTEN = "未创建任何文件。"


class Exit(Exception):
    """The command is finished: ``status`` is its exit code (already explained)."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


class CommandParser(argparse.ArgumentParser):
    """An argument parser whose help is ``usage`` and whose every error is
    ``missing`` followed by ``usage``, with exit code 1.

    Only a first argument ``-h`` or ``--help`` is an option: everything else
    is a value, as it always was (a year such as ``-2024`` is refused as a
    year, a file may be called ``-报告.txt``).  Use ``run`` to parse and act.
    """

    def __init__(self, usage: str, missing: str, **kwargs):
        super().__init__(add_help=False, allow_abbrev=False, **kwargs)
        self.usage_text, self.missing = usage, missing
        self.add_argument("-h", "--help", action="help")

    def format_usage(self) -> str:
        return self.usage_text + "\n"

    def format_help(self) -> str:
        return self.usage_text + "\n"

    def parse_args(self, args=None, namespace=None):
        args = sys.argv[1:] if args is None else list(args)
        if args[:1] not in (["-h"], ["--help"]):
            args = ["--", *args]  # no options: every argument is a value
        return super().parse_args(args, namespace)

    def error(self, message):
        self.exit(1, f"{self.missing}\n{self.usage_text}\n")

    def exit(self, status=0, message=None):
        if message:
            print(message, end="")
        raise Exit(status)

    def run(self, argv, command) -> int:
        """``command(arguments)``'s exit code, or that of a refusal (``Exit``
        raised while parsing ``argv``, default ``sys.argv[1:]``, or by the
        command)."""
        try:
            return command(self.parse_args(argv))
        except Exit as finished:
            return finished.status


def value(text: str) -> str:
    """An argument without surrounding spaces; a blank one counts as missing."""
    if not text.strip():
        raise argparse.ArgumentTypeError("blank")
    return text.strip()


def four_digit_year(text: str, example: str) -> int:
    """``text`` as a year, or ``Exit(1)`` after saying why not (``example``
    is how the command is run, e.g. ``make new-year YEAR=2024``)."""
    if not re.fullmatch(r"[0-9]{4}", text):
        print(f"年份“{text}”不对：请用半角阿拉伯数字写四位数的年份，例如 {example}。")
        print(NOTHING_WRITTEN)
        raise Exit(1)
    return int(text)


def refusal(message: str, hint: str = "") -> Problem:
    """A problem with the command itself rather than with a file."""
    return Problem("", 0, 0, message, hint)


def describe(problems) -> str:
    """Problems as the commands print them: with ``file:line`` when they have one."""
    if all(p.file for p in problems):
        return format_all(problems)
    lines = []
    for problem in sorted(problems):
        if problem.file:
            lines.append(problem.format())
        else:
            lines.append(f"[{problem.level}] {problem.message}")
            if problem.hint:
                lines.append(f"    提示：{problem.hint}")
    return "\n".join(lines)


def refuse(problems, why: str = "") -> int:
    """Print why nothing was written; the exit code of a refusal."""
    if why:
        print(why)
    print(describe(problems))
    print(NOTHING_WRITTEN)
    return 1


def created(files, next_steps: str) -> int:
    """List the files written and the ``next_steps``; the exit code of success."""
    for rel in files:
        print(f"  {rel}")
    print()
    print("下一步：")
    print(next_steps)
    return 0


def numbered(steps) -> str:
    """Steps as the commands print them: ``  1. …`` one per line."""
    return "\n".join(f"  {n}. {step}" for n, step in enumerate(steps, 1))
