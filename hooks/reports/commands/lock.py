"""``make lock``: record the checksums of every published year's text.

It refuses while the project has other errors (a year cannot be published
while its check fails) and refuses to accept changed text without a new
version: the only problems it fixes are ``lock-outdated``'s.  The digests
themselves are ``model.fingerprint``'s; this module writes them down.
"""

from __future__ import annotations

import sys

from reports import checks
from reports.checks.rules import lock_outdated
from reports.source.problems import LOCK_FORMAT
from reports.commands import PROJECT_ROOT, arguments
from reports.model import fingerprint
from reports.source import reporters

HEADER = ("# 已发布年度正文的校验值：由 make lock 生成，请勿手工修改。\n"
          "# 已发布的正文被改动时，检查会失败，直到在该年度数据的 versions 中新增版本记录并运行 make lock。\n")


def render(archive) -> str:
    """The lock file's text for every published year, deterministic."""
    lines = [HEADER]
    for year in sorted((y for y in archive.years if not y.is_draft), key=lambda y: y.year):
        lines.append(f'"{year.year}":')
        lines.append(f"  version: {year.meta.current_version}")
        lines.append("  pages:")
        for src_uri, digests in fingerprint.year_digests(year).items():
            lines.append(f"    {src_uri}:")
            lines += [f"      {key}: \"{digest}\"" for key, digest in digests.items()]
    return "\n".join(lines) + "\n"


def parser() -> arguments.Parser:
    parser = arguments.Parser("python -m reports lock", "记录已发布年度正文的校验值（即 make lock）。")
    arguments.add_project(parser, "锁定")
    return parser


def main(argv=None) -> int:
    args = parser().parse(sys.argv[1:] if argv is None else argv)
    if isinstance(args, int):
        return args
    root = args.project or PROJECT_ROOT
    archive, problems = checks.check_project(root)
    # What this command rewrites cannot block it: an outdated or garbled lock file.
    blocking = [p for p in problems if p.is_error and p.rule not in (lock_outdated.ID, LOCK_FORMAT)]
    if blocking:
        print(reporters.text(blocking))
        print("未更新锁定文件：请先改正上面的错误（正文有改动而没有新增版本记录的，也在其中）。")
        return 1
    (root / fingerprint.LOCK_FILE).write_text(render(archive), "utf-8")
    published = [str(y.year) for y in archive.years if not y.is_draft]
    print(f"已更新 {fingerprint.LOCK_FILE}：锁定了 {'、'.join(published) or '（无）'} 年的正文。请提交这个文件。")
    return 0
