"""Symbolic links that leave the repository are refused (checks.links_outside)."""

from __future__ import annotations

import os

from reports.checks.rules import links_outside


def test_links_leaving_the_repository_are_errors_and_inside_ones_are_not(tmp_path):
    root = tmp_path / "repo"
    (root / "docs" / "2023").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "docs" / "2023" / "a.md").write_text("x", "utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", "utf-8")
    os.symlink(outside, root / "docs" / "secret.txt")
    os.symlink("/etc", root / "data" / "etc")
    os.symlink("2023/a.md", root / "docs" / "inside.md")
    os.symlink(tmp_path, root / "docs" / "2023" / "up")
    found = [(p.file, p.message) for p in links_outside.links_in(root)]
    assert found == [
        ("docs/2023/up", f"“docs/2023/up”是指向仓库以外的符号链接（{tmp_path}）"),
        ("docs/secret.txt", f"“docs/secret.txt”是指向仓库以外的符号链接（{outside}）"),
        ("data/etc", "“data/etc”是指向仓库以外的符号链接（/etc）"),
    ]


def test_a_linked_docs_folder_is_refused(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", root / "docs")
    assert [p.file for p in links_outside.links_in(root)] == ["docs"]
