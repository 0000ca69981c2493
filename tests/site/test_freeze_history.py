"""The freeze compares published years with Git history, not with a file the
same change can rewrite.

A throwaway repository holds the project with 2023 published; each case
changes it the way a careless clerk, a confused merge or a hostile pull
request would, and the check must name the file and line -- or, for a change
that records a new version, pass.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from support.forge import git
from support.project import copy_project
from reports.checks import project as project_module
from reports.checks.rules import published_frozen
from reports.model import archive as archive_module

VERSION_2 = ("  - version: 2\n    date: 2027-03-05\n    changes: 更正录入错误。\n")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git 未安装")
    project = copy_project(tmp_path_factory.mktemp("history") / "p")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "published 2023")
    (project / "NOTES.txt").write_text("a later commit that touches no report\n", "utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "notes")
    return project


@pytest.fixture()
def clean(repo):
    yield repo
    git(repo, "checkout", "-q", "-f", "main")
    git(repo, "reset", "-q", "--hard", "main")
    git(repo, "clean", "-qfdx")
    for branch in git(repo, "branch", "--format=%(refname:short)").split():
        if branch != "main":
            git(repo, "branch", "-q", "-D", branch)


class Frozen:
    """What the freeze found: its problems (None without history) and its basis."""

    def __init__(self, repo, env):
        archive, _ = archive_module.load(repo)
        base, self.basis = project_module.history(repo, env=env or {})
        self.problems = None if base is None else published_frozen.check(
            archive, project_module.Project(root=repo, base_archive=base))


def frozen(repo, env=None):
    return Frozen(repo, env)


def found(repo, env=None):
    result = frozen(repo, env)
    assert result.problems is not None, result.basis
    return [(p.file, p.line, p.message) for p in result.problems]


def edit(repo, path, old, new, count=1):
    file = repo / path
    text = file.read_text("utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, count), "utf-8")


def add_version(repo):
    edit(repo, "data/years/2023.yml", "\n# 勘误", VERSION_2 + "\n# 勘误")


PARAGRAPH = "2.组织7名执法人员"
UNRECORDED = "2023 年的报告已发布，{}，但没有新增版本记录"


def test_unchanged_project_passes_and_says_which_reference(clean):
    result = frozen(clean)
    assert result.problems == []
    assert result.basis.startswith("已发布年度的正文与 main 分支的上一次提交比较（")


def test_changed_paragraph_is_named_with_its_line_and_anchor(clean):
    edit(clean, "docs/2023/measures.md", PARAGRAPH, "2.组织8名执法人员")
    lines = (clean / "docs/2023/measures.md").read_text("utf-8").split("\n")
    line = next(i for i, l in enumerate(lines) if l.startswith("2.组织8名")) + 1
    assert found(clean) == [("docs/2023/measures.md", line, UNRECORDED.format("这一段被修改（s1-2-2）"))]
    assert "与最近一次提交比较（本次改动尚未提交）" in frozen(clean).basis


def test_the_same_change_with_a_new_version_passes(clean):
    edit(clean, "docs/2023/measures.md", PARAGRAPH, "2.组织8名执法人员")
    add_version(clean)
    assert found(clean) == []


def test_deleting_the_lock_file_changes_nothing(clean):
    edit(clean, "docs/2023/measures.md", PARAGRAPH, "2.组织8名执法人员")
    (clean / "data/lock.yml").unlink()
    assert len(found(clean)) == 1


def swap_items(repo):
    page = repo / "docs/2023/measures.md"
    lines = page.read_text("utf-8").split("\n")
    first = next(i for i, l in enumerate(lines) if l.startswith("1.成立了"))
    second = next(i for i, l in enumerate(lines) if l.startswith("2.加大本部门"))
    lines[first], lines[second] = lines[second], lines[first]
    page.write_text("\n".join(lines), "utf-8")


CASES = {
    "swapped items": lambda r: swap_items(r),
    "indented paragraph": lambda r: edit(r, "docs/2023/measures.md", PARAGRAPH, "    " + PARAGRAPH),
    "front-matter title": lambda r: edit(r, "docs/2023/full.md", "title: 全文", "title: 全文（修订）"),
    "text added to full.md": lambda r: (r / "docs/2023/full.md").write_text(
        (r / "docs/2023/full.md").read_text("utf-8") + "\n附加的一段话。\n", "utf-8"),
    "marker line moved": lambda r: edit(r, "docs/2023/measures.md", "<!-- year:studies -->\n", ""),
    "year title": lambda r: edit(r, "data/years/2023.yml", "title: 2023年度法治政府建设情况报告", "title: 2023年度报告"),
    "new page": lambda r: (r / "docs/2023/extra.md").write_text("# 附件\n\n正文。\n", "utf-8"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_kind_of_change_needs_a_version(clean, case):
    CASES[case](clean)
    problems = found(clean)
    assert problems and all("但没有新增版本记录" in message for _, _, message in problems), problems


def test_trailing_spaces_and_crlf_are_not_changes(clean):
    page = clean / "docs/2023/measures.md"
    page.write_bytes(page.read_bytes().replace(b"\n", b"  \r\n"))
    assert found(clean) == []


def test_deleting_an_old_version_record_is_an_error(clean):
    edit(clean, "data/years/2023.yml", "changes: 首次收录", "changes: 首次收录（改）")
    assert [m for _, _, m in found(clean)] == ["第 1 版的版本记录被删除或改动"]


def test_deleting_an_erratum_is_an_error_even_with_a_new_version(clean):
    text = (clean / "data/years/2023.yml").read_text("utf-8")
    head, _, _ = text.partition("errata:")
    (clean / "data/years/2023.yml").write_text(head + "errata: []\n", "utf-8")
    add_version(clean)
    assert [m for _, _, m in found(clean)] == ["已记录的勘误（s4：“推进法治政府建设的的主要安排”）被删除或改动"]


def test_a_new_erratum_needs_a_new_version(clean):
    (clean / "data/years/2023.yml").write_text((clean / "data/years/2023.yml").read_text("utf-8") + (
        "  - version: 2\n    date: 2027-03-05\n    at: s1-2-2\n    original: 7名\n    corrected: 七名\n"
        "    reason: 测试。\n"), "utf-8")
    assert [m for _, _, m in found(clean)] == [UNRECORDED.format("新增了勘误（s1-2-2）")]
    add_version(clean)
    assert found(clean) == []


def test_published_year_cannot_be_deleted_or_made_a_draft(clean):
    edit(clean, "data/years/2023.yml", "status: published", "status: draft")
    assert [m for _, _, m in found(clean)] == ["2023 年的报告已发布，不能改回草稿"]
    git(clean, "checkout", "-q", "--", "data")
    shutil.rmtree(clean / "docs/2023")
    (clean / "data/years/2023.yml").unlink()
    assert found(clean) == [("data/years/2023.yml", 1, "2023 年的报告已发布，不能删除")]


def test_committed_change_on_a_branch_is_compared_with_the_fork_point(clean):
    git(clean, "checkout", "-q", "-b", "fix")
    edit(clean, "docs/2023/measures.md", PARAGRAPH, "2.组织8名执法人员")
    git(clean, "commit", "-q", "-am", "change")
    result = frozen(clean)
    assert result.basis.startswith("已发布年度的正文与 main 分支的分叉点比较")
    assert len(result.problems) == 1
    # A pull request's target branch, as GitHub and Gitea name it.
    assert len(found(clean, {"GITHUB_BASE_REF": "main"})) == 1
    assert found(clean, {"REPORTS_BASE": "HEAD"}) == []


def test_merge_of_two_changes_that_both_add_version_2(clean):
    for branch, words in (("a", "2.组织8名执法人员"), ("b", "2.组织9名执法人员")):
        git(clean, "checkout", "-q", "-b", branch, "main")
        edit(clean, "docs/2023/measures.md", PARAGRAPH if branch == "a" else "4.落实学法用法制度",
             words if branch == "a" else "4.落实学法用法制度。")
        add_version(clean)
        git(clean, "commit", "-q", "-am", f"change {branch}")
    git(clean, "checkout", "-q", "main")
    git(clean, "merge", "-q", "--no-edit", "a")
    # b merges cleanly in the text but conflicts in versions; the clerk keeps main's side.
    merge = subprocess.run(["git", "-C", str(clean), "merge", "--no-edit", "b"], capture_output=True, text=True)
    if merge.returncode != 0:
        git(clean, "checkout", "--ours", "data/years/2023.yml")
        git(clean, "add", "data/years/2023.yml")
        git(clean, "-c", "core.editor=true", "commit", "-q", "--no-edit")
    problems = found(clean)
    assert problems and all("但没有新增版本记录" in m for _, _, m in problems), problems


def test_without_git_the_fingerprint_is_used(tmp_path):
    project = copy_project(tmp_path / "p")
    result = frozen(project)
    assert result.problems is None
    assert result.basis == "没有可用的 Git 历史，已发布年度的正文与 data/lock.yml 中保存的校验值比较。"


def test_a_year_that_fails_to_load_is_not_reported_as_deleted(clean):
    edit(clean, "data/years/2023.yml", "status: published", "status: 发布了")
    archive, loading = archive_module.load(clean)
    base, _ = project_module.history(clean, env={})
    found = published_frozen.check(archive, project_module.Project(root=clean, base_archive=base, found=tuple(loading)))
    assert archive.year(2023) is None and loading and found == []


def test_the_base_is_loaded_once_per_commit_not_once_per_build(clean):
    """make serve checks the project on every rebuild: the same base commit
    gives the same archive without exporting it again; another commit, another."""
    page = clean / "docs/2023/measures.md"
    page.write_text(page.read_text("utf-8") + "\n未提交的一句。\n", "utf-8")
    first, _ = project_module.history(clean, env={})
    again, basis = project_module.history(clean, env={})
    assert again is first and "本次改动尚未提交" in basis
    assert "未提交的一句" not in first.year(2023).pages["measures"].text
    git(clean, "commit", "-q", "-am", "a later commit")
    page.write_text(page.read_text("utf-8") + "\n又一句。\n", "utf-8")
    later, _ = project_module.history(clean, env={})
    assert later is not first
    assert "未提交的一句" in later.year(2023).pages["measures"].text
