"""``make lock``: record the checksums of every published year's text.

It refuses while the project has other errors (a year cannot be published
while its check fails) and refuses to accept changed text without a new
version.
"""

from __future__ import annotations

import pathlib
import sys

from reports import checks
from reports.checks import lock
from reports.commands import PROJECT_ROOT
from reports.source.problems import ERROR, format_all


def render(archive) -> str:
    """The lock file's text for every published year, deterministic."""
    lines = [lock.HEADER]
    for year in sorted((y for y in archive.years if not y.is_draft), key=lambda y: y.year):
        lines.append(f'"{year.year}":')
        lines.append(f"  version: {year.meta.current_version}")
        lines.append("  pages:")
        for src_uri, digests in lock.year_digests(year).items():
            lines.append(f"    {src_uri}:")
            lines += [f"      {key}: \"{digest}\"" for key, digest in digests.items()]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = pathlib.Path(argv[0]) if argv else PROJECT_ROOT
    archive, problems = checks.check_project(root)
    blocking = [p for p in problems if p.level == ERROR and p.rule != lock.OUTDATED]
    if blocking:
        print(format_all(blocking))
        print("未更新锁定文件：请先改正上面的错误（正文有改动而没有新增版本记录的，也在其中）。")
        return 1
    (root / lock.LOCK_FILE).write_text(render(archive), "utf-8")
    published = [str(y.year) for y in archive.years if not y.is_draft]
    print(f"已更新 {lock.LOCK_FILE}：锁定了 {'、'.join(published) or '（无）'} 年的正文。请提交这个文件。")
    return 0

