"""The inbox (``inbox/``): which files wait in it, the rule that keeps an
un-imported upload from being merged, and the year a file's name gives.

The rule is about files, so these tests write a few into a temporary folder;
``make inbox`` itself is run on copies of the project in tests/site/test_inbox.py.
"""

from __future__ import annotations

import pytest

from reports import checks
from reports.checks.project import Project
from reports.checks.rules import inbox_pending
from reports.commands import inbox

HINT = ("推送后，CI 的“收件箱导入”作业会把它导入为草稿年度并提交到同一分支（作业失败时请查看它的日志）；"
        "也可以在本地运行 make inbox，再提交结果。")


def write(root, rel, text="正文\n"):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_every_file_but_the_readme_is_pending(tmp_path):
    write(tmp_path, "inbox/README.md")
    write(tmp_path, "inbox/2019.docx")
    write(tmp_path, "inbox/2020年报告.txt")
    write(tmp_path, "inbox/旧的/README.md")  # only inbox/README.md explains the folder
    (tmp_path / "inbox" / "2021.txt").symlink_to(tmp_path / "elsewhere.txt")  # dangling, still a file
    (tmp_path / "inbox" / "empty").mkdir()
    write(tmp_path, "outside/2022.txt")
    (tmp_path / "inbox" / "linked").symlink_to(tmp_path / "outside")  # a link to a folder: one file, not entered
    assert inbox_pending.pending(tmp_path) == [
        "inbox/2019.docx", "inbox/2020年报告.txt", "inbox/2021.txt", "inbox/linked", "inbox/旧的/README.md"]


def test_a_missing_inbox_or_one_that_is_a_link_holds_nothing(tmp_path):
    assert inbox_pending.pending(tmp_path) == []
    write(tmp_path, "outside/2019.txt")
    (tmp_path / "inbox").symlink_to(tmp_path / "outside")
    assert inbox_pending.pending(tmp_path) == []


def test_the_rule_reports_each_upload_at_its_first_line(tmp_path):
    write(tmp_path, "inbox/README.md")
    write(tmp_path, "inbox/2019.docx")
    write(tmp_path, "inbox/2020年报告.txt")
    problems = sorted(inbox_pending.check(None, Project(root=tmp_path)))
    assert [(p.file, p.line, p.column, p.level, p.rule) for p in problems] == [
        ("inbox/2019.docx", 1, 1, "错误", "inbox-pending"), ("inbox/2020年报告.txt", 1, 1, "错误", "inbox-pending")]
    assert problems[0].format() == f"inbox/2019.docx:1:1: [错误] 收件箱中的报告尚未导入，不能合并\n    提示：{HINT}"


def test_the_rule_is_silent_on_the_readme_and_without_a_project_folder(tmp_path):
    write(tmp_path, "inbox/README.md")
    assert inbox_pending.check(None, Project(root=tmp_path)) == []
    write(tmp_path, "inbox/2019.docx")
    assert inbox_pending.check(None, Project()) == []  # an archive in memory has no inbox


def test_the_rule_is_registered():
    assert inbox_pending in checks.RULES
    assert checks.RULE_IDS["inbox-pending"] == inbox_pending.DESCRIPTION


@pytest.mark.parametrize("rel, year", [
    ("inbox/2019.docx", 2019), ("inbox/2019年报告.txt", 2019), ("inbox/2019-旧稿.txt", 2019),
    ("inbox/旧的/2020.txt", 2020), ("inbox/20190.txt", None), ("inbox/报告2019.txt", None),
    ("inbox/２０１９.txt", None), ("inbox/201.txt", None), ("inbox/.2019.txt", None),
])
def test_the_year_is_the_four_digits_the_name_starts_with(rel, year):
    assert inbox.year_of(rel) == year
