"""A report uploaded into ``inbox/`` is imported before its change is merged.

Clerks who only use the forge's web pages upload an old report into
``inbox/`` on a branch; the CI inbox job (``make inbox``) turns it into a
draft year and removes it.  Until that has happened the upload is not part
of the archive, so this rule makes the change fail its checks: an
un-imported report can never be merged.  ``inbox/README.md`` explains the
folder and is not an upload.

``pending`` is also what ``make inbox`` imports, so the rule and the command
never disagree about which files wait in the inbox.
"""

from __future__ import annotations

import pathlib

from reports.source.problems import Problem

ID = "inbox-pending"
DESCRIPTION = "收件箱 inbox/ 中没有尚未导入的报告（CI 的收件箱导入作业或 make inbox 会导入）"

INBOX = "inbox"
README = f"{INBOX}/README.md"


def pending(root) -> list:
    """Every file under ``inbox/`` but its README, as sorted paths relative to
    ``root``; a symbolic link counts as a file (and is never followed)."""
    folder = pathlib.Path(root) / INBOX
    if folder.is_symlink() or not folder.is_dir():
        return []
    files = (path for path in folder.rglob("*") if path.is_symlink() or not path.is_dir())
    return sorted(rel for rel in (path.relative_to(root).as_posix() for path in files) if rel != README)


def check(archive, project) -> list:
    if project.root is None:
        return []
    return [Problem(rel, 1, 1, "收件箱中的报告尚未导入，不能合并",
                    "推送后，CI 的“收件箱导入”作业会把它导入为草稿年度并提交到同一分支"
                    "（作业失败时请查看它的日志）；也可以在本地运行 make inbox，再提交结果。", rule=ID)
            for rel in pending(project.root)]
