"""The whole-project check, shared by ``make check`` and the build.

Runs every validation over ``data/`` and ``docs/`` without building the site
and returns all problems at once.  ``commands.check`` is the command line
(what ``make check`` runs); the ``site_data`` hook calls ``check_project`` at
the start of every build.
"""

from __future__ import annotations

import pathlib

from reports.model import archive as archive_module
from reports.checks import consistency
from reports.checks import followups
from reports.checks import lock
from reports.model import markers
from reports.source.problems import Problem


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
        _, found = markers.find(text.split("\n"), rel, 1, known=markers.NAMES)
        problems += found
    return archive, sorted(set(problems))
