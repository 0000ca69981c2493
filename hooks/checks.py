"""The whole-project check, shared by ``make check`` and the build.

Runs every validation over ``data/`` and ``docs/`` without building the site
and returns all problems at once.  ``python hooks/checks.py`` is the command
line (what ``make check`` runs); the ``site_data`` hook calls
``check_project`` at the start of every build.
"""

from __future__ import annotations

import os
import pathlib
import sys

import archive as archive_module
import consistency
import followups
import lock
import markers
import page_fragments
from problems import Problem, format_all


def check_project(root, docs_dir="docs", data_dir="data"):
    """Return ``(archive, problems)`` for the project at ``root``."""
    root = pathlib.Path(root)
    archive, problems = archive_module.load(root, docs_dir, data_dir)
    problems += consistency.check_archive(archive)
    problems += followups.check_followups(archive)
    entries, located, found = lock.read(root)
    problems += found + lock.check(archive, entries, located)
    docs = root / docs_dir
    for path in sorted(docs.rglob("*.md")):
        rel = archive_module.relative_path(path, root)
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            if not any(p.file == rel for p in problems):
                problems.append(Problem(rel, 1, 1, "文件不是 UTF-8 编码",
                                        "请用编辑器以“UTF-8”编码重新保存此文件。"))
            continue
        _, found = markers.find(text.split("\n"), rel, 1, known=page_fragments.MARKERS)
        problems += found
    return archive, sorted(set(problems))


def annotation(problem) -> str:
    """A workflow command that GitHub and Gitea Actions show on the changed line."""
    kind = "error" if problem.is_error else "warning"
    text = (f"{problem.key}: " if problem.key else "") + problem.message
    text += f"（提示：{problem.hint}）" if problem.hint else ""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{kind} file={problem.file},line={problem.line},col={problem.column}::{text}"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = pathlib.Path(argv[0]) if argv else pathlib.Path(__file__).resolve().parent.parent
    _, problems = check_project(root)
    errors = [p for p in problems if p.is_error]
    if problems:
        print(format_all(problems))
    if os.environ.get("GITHUB_ACTIONS") == "true":  # also set by Gitea Actions
        for problem in sorted(problems):
            print(annotation(problem))
    if errors:
        print("检查未通过：请按上面的提示修改后再提交。")
        return 1
    print("检查通过：数据和页面没有发现错误。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
