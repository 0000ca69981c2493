"""argparse for the commands, speaking Chinese.

Editors run ``make check`` and ``make lock``; a mistyped argument must be
answered in their language, with the usage, and exit code 2 like any
command-line tool -- never with a traceback.  argparse's own words are
English, so this parser uses Chinese headings and turns the few errors these
commands can meet into Chinese.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys

# argparse's error texts (Python 3.11) -> Chinese.
_ERRORS = (
    (re.compile(r"^unrecognized arguments: (.*)$"), "多余的参数：{0}"),
    (re.compile(r"^argument (\S+): expected one argument$"), "{0} 后面要写一个值"),
    (re.compile(r"^argument (\S+): (.*)$"), "{0}：{1}"),
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` with Chinese help and errors that exits 2 on misuse."""

    def __init__(self, prog: str, description: str):
        super().__init__(prog=prog, description=description, add_help=False,
                         allow_abbrev=False, formatter_class=_Formatter)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示这段说明后退出")

    def error(self, message):
        for pattern, chinese in _ERRORS:
            m = pattern.match(message)
            if m:
                message = chinese.format(*m.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}\n")

    def parse(self, argv):
        """The parsed arguments, or the exit code when there is nothing to run
        (``--help``: 0; a mistake: 2, after saying what is wrong)."""
        try:
            return self.parse_args(argv)
        except SystemExit as stop:
            return stop.code if isinstance(stop.code, int) else 0


def project_dir(value: str) -> pathlib.Path:
    """The ``[项目目录]`` argument: an existing folder."""
    path = pathlib.Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"“{value}”不是一个目录")
    return path


def one_of(choices):
    """An argument type accepting one of ``choices``, with a Chinese refusal."""
    def accept(value: str) -> str:
        if value not in choices:
            raise argparse.ArgumentTypeError(f"只能是 {'、'.join(choices)}，不能是“{value}”")
        return value
    return accept


def add_project(parser, what: str):
    parser.add_argument("project", nargs="?", type=project_dir, default=None, metavar="项目目录",
                        help=f"要{what}的项目目录（默认：本仓库）")
