"""Nothing outside the repository is ever read or published.

MkDocs copies every file under ``docs/`` into the site and follows symbolic
links while doing it, so a link ``docs/a.txt -> /etc/passwd`` would publish
that file; a link under ``data/`` would feed the build a file nobody
reviewed.  A link that stays inside the repository is harmless and allowed.
"""

from __future__ import annotations

import os
import pathlib

from reports.source.problems import Problem

ID = "link-outside"
DESCRIPTION = "docs/ 和 data/ 中不能有指向仓库以外的符号链接"


def check(archive, project) -> list:
    if project.root is None:
        return []
    return links_in(project.root, (project.docs_dir, project.data_dir))


def links_in(root, folders=("docs", "data")) -> list:
    root = pathlib.Path(root).resolve()
    problems = []
    for folder in folders:
        base = root / folder
        if base.is_symlink() or not base.exists():
            candidates = [base] if base.is_symlink() else []
        else:
            candidates = []
            for directory, dirs, files in os.walk(base, followlinks=False):
                for name in sorted(dirs + files):
                    path = pathlib.Path(directory, name)
                    if path.is_symlink():
                        candidates.append(path)
        for path in sorted(candidates):
            target = pathlib.Path(os.path.realpath(path))
            if target == root or root in target.parents:
                continue
            rel = path.relative_to(root).as_posix()
            problems.append(Problem(rel, 1, 1, f"“{rel}”是指向仓库以外的符号链接（{os.readlink(path)}）",
                                    "仓库以外的文件不能进入网站；请删除这个链接，把需要的文件复制进仓库并提交。",
                                    rule=ID))
    return problems
