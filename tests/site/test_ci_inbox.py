"""The CI jobs that push: ``.ci/inbox`` (import what clerks uploaded into
inbox/) and ``.ci/new-year`` (start a year on a new branch).

Each test runs the real script in a throwaway clone of a throwaway
repository, as a CI job runs it in its checkout; the forge is a local bare
repository (``REPORTS_PUSH_URL``), and the upload is committed the way the
web editor commits it: the file alone, on a new branch.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest
import yaml

from support.project import copy_project
from support.repository import ROOT, SHORT_REPORT

REPORT = SHORT_REPORT.read_text("utf-8")
TOKEN = "glpat-secret-token-0123"
CLERK = {"GIT_AUTHOR_NAME": "clerk", "GIT_AUTHOR_EMAIL": "clerk@example.invalid",
         "GIT_COMMITTER_NAME": "clerk", "GIT_COMMITTER_EMAIL": "clerk@example.invalid"}
NO_TOKEN = [
    "没有设置 REPORTS_PUSH_TOKEN，{what}没有推送到分支 {branch}。",
    "请 Git 服务器管理员设置 REPORTS_PUSH_TOKEN（一个对本仓库有写权限的令牌），然后重新运行本作业：",
    "  Gitea：为一个机器人用户生成访问令牌（仓库权限：读写），在仓库的“设置 → Actions → 密钥”中添加密钥 REPORTS_PUSH_TOKEN；",
    "  GitLab：新建项目访问令牌（角色 Developer，范围 write_repository），在“设置 → CI/CD → 变量”中添加变量",
    "  REPORTS_PUSH_TOKEN（勾选“隐藏”，不勾选“保护”）。",
    "详见 README 的“CI 与部署”一节。",
]


def venv() -> pathlib.Path:
    """This test run's environment, which the clones use as their .venv, so make installs nothing."""
    prefix = pathlib.Path(sys.prefix)
    if not (prefix / "pyvenv.cfg").exists() or not list(prefix.glob(".installed-runtime-*")):
        pytest.skip("需要在 make 创建的 .venv 中运行（make test）")
    return prefix


class Forge:
    """A bare repository holding the project on ``main``, and clones of it."""

    def __init__(self, tmp: pathlib.Path):
        self.tmp, self.server = tmp, tmp / "server.git"
        self.env = {"PATH": os.environ["PATH"], "HOME": str(tmp), "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C.UTF-8"}
        work = copy_project(tmp / "work")
        for name in ("Makefile", "requirements.txt", "requirements-test.txt", ".gitignore"):
            shutil.copy2(ROOT / name, work / name)
        shutil.copytree(ROOT / ".ci", work / ".ci")
        shutil.copytree(ROOT / "inbox", work / "inbox")
        self.git(work, "init", "-q", "-b", "main")
        self.git(work, "add", "-A")
        self.git(work, "commit", "-q", "-m", "The archive")
        self.git(tmp, "clone", "-q", "--bare", str(work), str(self.server))
        self.work = work

    def git(self, cwd, *args, check=True) -> str:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                                env={**self.env, **CLERK})
        assert result.returncode == 0 or not check, result.stderr
        return result.stdout.strip()

    def upload(self, branch: str, files: dict) -> str:
        """What the web editor does: a new branch with the files, one commit, pushed."""
        self.git(self.work, "checkout", "-q", "-B", branch, "main")
        for rel, data in files.items():
            path = self.work / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
            self.git(self.work, "add", "--", rel)
        self.git(self.work, "commit", "-q", "-m", f"Upload {', '.join(files)}")
        self.git(self.work, "push", "-q", str(self.server), f"{branch}:{branch}")
        return self.head(branch)

    def head(self, branch: str) -> str:
        return self.git(self.server, "rev-parse", "--verify", "-q", f"refs/heads/{branch}", check=False)

    def tree(self, branch: str) -> list:
        return self.git(self.server, "-c", "core.quotePath=false", "ls-tree", "-r", "--name-only",
                        branch).splitlines()

    def show(self, branch: str, rel: str) -> str:
        return self.git(self.server, "show", f"{branch}:{rel}")

    def checkout(self, branch: str, name: str = "ci") -> pathlib.Path:
        """The CI job's checkout of ``branch``, with this test run's environment as .venv."""
        clone = self.tmp / name
        shutil.rmtree(clone, ignore_errors=True)
        self.git(self.tmp, "clone", "-q", "-b", branch, str(self.server), str(clone))
        (clone / ".venv").symlink_to(venv())
        with open(clone / ".git" / "info" / "exclude", "a", encoding="utf-8") as exclude:
            exclude.write(".venv\n")  # a link, which .gitignore's ".venv/" does not match
        os.utime(clone / "requirements.txt", (0, 0))  # older than the environment's stamp
        return clone

    def run(self, script: str, clone: pathlib.Path, **env):
        """``bash .ci/<script>`` as a job runs it: the job's variables and nothing of the clerk's."""
        environment = {**self.env, "REPORTS_PUSH_URL": str(self.server), "REPORTS_DEFAULT_BRANCH": "main", **env}
        return subprocess.run(["bash", str(clone / ".ci" / script)], cwd=self.tmp, capture_output=True,
                              text=True, env=environment, timeout=300)


@pytest.fixture
def forge(tmp_path):
    if shutil.which("git") is None or shutil.which("make") is None:
        pytest.skip("需要 git 和 make")
    return Forge(tmp_path)


def assert_secret_kept(forge, result, *clones):
    assert TOKEN not in result.stdout + result.stderr
    for path in [forge.tmp / ".gitconfig", forge.server / "config"] + [c / ".git" / "config" for c in clones]:
        if path.exists():
            assert TOKEN not in path.read_text("utf-8") and "extraheader" not in path.read_text("utf-8").lower()


# --- .ci/inbox ------------------------------------------------------------------

def test_the_inbox_job_imports_commits_and_pushes_to_the_same_branch(forge):
    uploaded = forge.upload("upload-2019", {"inbox/2019.txt": REPORT})
    clone = forge.checkout("upload-2019")
    result = forge.run("inbox", clone, REPORTS_BRANCH="upload-2019", REPORTS_PUSH_TOKEN=TOKEN)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "inbox/2019.txt → 2019 年度报告（草稿）：已导入，并已从收件箱中删除。" in result.stdout
    assert f"已把导入的结果提交（{forge.head('upload-2019')[:7]}" in result.stdout
    assert_secret_kept(forge, result, clone)

    tree = forge.tree("upload-2019")
    assert "inbox/2019.txt" not in tree and "inbox/README.md" in tree
    assert {"docs/2019/index.md", "docs/2019/measures.md", "docs/2019/full.md", "data/years/2019.yml"} <= set(tree)
    data = yaml.safe_load(forge.show("upload-2019", "data/years/2019.yml"))
    assert data["year"] == 2019 and data["status"] == "draft"
    log = forge.git(forge.server, "log", "-1", "--format=%an <%ae>%n%P%n%B", "upload-2019").splitlines()
    assert log[:3] == ["Reports CI <reports-ci@ci.invalid>", uploaded, "Import inbox/2019.txt into a draft year"]
    assert "  inbox/2019.txt" in log

    # The pushed commit passes the check, and its own inbox job stops at once.
    pushed = forge.checkout("upload-2019", "after")
    env = {**forge.env, "PYTHONPATH": str(pushed / "hooks"), "GITHUB_BASE_REF": "main"}
    check = subprocess.run([sys.executable, "-m", "reports", "check", str(pushed)], capture_output=True,
                           text=True, env=env, timeout=120)
    assert check.returncode == 0, check.stdout
    assert "检查通过：数据和页面没有发现错误。" in check.stdout
    head = forge.head("upload-2019")
    again = forge.run("inbox", pushed, REPORTS_BRANCH="upload-2019", REPORTS_PUSH_TOKEN=TOKEN)
    assert again.returncode == 0 and again.stdout == "收件箱（inbox/）中没有待导入的报告，不需要导入。\n"
    assert forge.head("upload-2019") == head


def test_without_a_token_the_job_fails_saying_what_to_set_and_keeps_the_files(forge):
    uploaded = forge.upload("upload-2019", {"inbox/2019.txt": REPORT})
    clone = forge.checkout("upload-2019")
    result = forge.run("inbox", clone, REPORTS_BRANCH="upload-2019")
    assert result.returncode == 1
    expected = [line.format(what="导入的结果", branch="upload-2019") for line in NO_TOKEN]
    expected[0] = "收件箱导入失败：" + expected[0]
    expected.append("导入的文件和补丁（import.patch）已保存在 inbox-import/ 中，作为本作业的附件（artifact）上传"
                    "（Gitea/GitHub 要先启用附件，见 README）。")
    assert result.stderr.splitlines() == expected
    assert forge.head("upload-2019") == uploaded  # nothing pushed
    kept = clone / "inbox-import"
    assert (kept / "docs/2019/index.md").read_text("utf-8").startswith("# 2019年度法治政府建设情况报告")
    assert "status: draft" in (kept / "data/years/2019.yml").read_text("utf-8")
    assert not (kept / "inbox").exists()
    # The patch applies to the branch as the push would have changed it.
    patch = (kept / "import.patch").read_text("utf-8")
    assert "Subject: [PATCH] Import inbox/2019.txt into a draft year" in patch
    applied = forge.checkout("upload-2019", "by-hand")
    forge.git(applied, "am", "-q", str(kept / "import.patch"))
    assert not (applied / "inbox" / "2019.txt").exists() and (applied / "data/years/2019.yml").exists()


def test_the_inbox_job_never_imports_on_the_default_branch(forge):
    forge.git(forge.work, "checkout", "-q", "main")
    (forge.work / "inbox" / "2019.txt").write_text(REPORT, "utf-8")
    forge.git(forge.work, "add", "inbox/2019.txt")
    forge.git(forge.work, "commit", "-q", "-m", "Upload on main")
    forge.git(forge.work, "push", "-q", str(forge.server), "main")
    main = forge.head("main")
    clone = forge.checkout("main")
    result = forge.run("inbox", clone, REPORTS_BRANCH="main", REPORTS_PUSH_TOKEN=TOKEN)
    assert result.returncode == 1
    assert result.stderr == ("收件箱导入失败：不在默认分支 main 上导入：请在网页上新建一个分支，"
                             "把报告上传到该分支的 inbox/ 中。\n")
    assert forge.head("main") == main and (clone / "inbox" / "2019.txt").exists()


def test_a_refused_upload_commits_and_pushes_nothing(forge):
    uploaded = forge.upload("upload", {"inbox/报告.txt": REPORT})
    clone = forge.checkout("upload")
    result = forge.run("inbox", clone, REPORTS_BRANCH="upload", REPORTS_PUSH_TOKEN=TOKEN)
    assert result.returncode == 1
    assert "inbox/报告.txt:1:1: [错误] 文件名“报告.txt”不以年份开头，不知道是哪一年度的报告" in result.stdout
    assert result.stderr.splitlines()[-1] == ("收件箱导入失败：收件箱中有文件未能导入（原因见上），没有提交任何更改。"
                                              "请按提示在网页上改正后再提交，导入会重新运行。")
    assert forge.head("upload") == uploaded
    assert forge.git(clone, "log", "-1", "--format=%H") == uploaded


def test_the_job_s_branch_comes_from_gitlab_s_variables(forge):
    """In a GitLab merge-request pipeline the branch is the request's source."""
    forge.upload("upload", {"inbox/2019.txt": REPORT})
    clone = forge.checkout("upload")
    result = forge.run("inbox", clone, REPORTS_DEFAULT_BRANCH="", CI_DEFAULT_BRANCH="main",
                       CI_MERGE_REQUEST_SOURCE_BRANCH_NAME="upload", REPORTS_PUSH_TOKEN=TOKEN)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data/years/2019.yml" in forge.tree("upload")


# --- .ci/new-year ------------------------------------------------------------------

def branches(forge) -> list:
    return forge.git(forge.server, "branch", "--format=%(refname:short)").split()


@pytest.mark.parametrize("year", ["2025; rm -rf /", "$(shell touch pwned)", "`touch pwned`", "２０２５"])
def test_a_bad_year_is_refused_and_creates_nothing(forge, year):
    clone = forge.checkout("main")
    result = forge.run("new-year", clone, REPORTS_BRANCH="main", NEW_YEAR=year, REPORTS_PUSH_TOKEN=TOKEN)
    assert result.returncode == 1
    assert (f"年份“{year}”不对：请用半角阿拉伯数字写四位数的年份，例如 make new-year YEAR=2024。"
            in result.stdout.splitlines())
    assert result.stderr.splitlines()[-1] == "新建年度失败：没有新建年度（原因见上），也没有创建分支。"
    assert forge.git(clone, "status", "--porcelain", "--untracked-files=all") == ""
    assert branches(forge) == ["main"]
    assert not list(forge.tmp.rglob("pwned*"))


def test_the_new_year_is_pushed_to_a_new_branch_and_never_over_one(forge):
    main = forge.head("main")
    clone = forge.checkout("main")
    result = forge.run("new-year", clone, REPORTS_BRANCH="main", NEW_YEAR=" 2025 ", REPORTS_PUSH_TOKEN=TOKEN)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "已新建 2025 年度报告（草稿），上一年度为 2023 年。创建了以下文件：" in result.stdout
    assert result.stdout.splitlines()[-2:] == [
        f"已新建 2025 年度，并推送到新分支 new-year-2025（提交 {forge.head('new-year-2025')[:7]}）。",
        "下一步：在网页上从分支 new-year-2025 向 main 新建合并请求，然后在该分支上填写报告。"]
    assert_secret_kept(forge, result, clone)
    assert branches(forge) == ["main", "new-year-2025"] and forge.head("main") == main
    assert {"docs/2025/index.md", "docs/2025/plans.md", "data/years/2025.yml"} <= set(forge.tree("new-year-2025"))
    log = forge.git(forge.server, "log", "-1", "--format=%an%n%P%n%s", "new-year-2025").splitlines()
    assert log == ["Reports CI", main, "Start the year 2025 (make new-year, run by the CI new-year job)"]

    pushed = forge.head("new-year-2025")
    again = forge.run("new-year", forge.checkout("main", "again"), REPORTS_BRANCH="main", NEW_YEAR="2025",
                      REPORTS_PUSH_TOKEN=TOKEN)
    assert again.returncode == 1
    assert again.stderr.splitlines()[-1] == ("新建年度失败：分支 new-year-2025 已经存在，没有覆盖它：请在网页上从该分支"
                                             "新建合并请求；如果它已经不需要了，先删除该分支再运行。")
    assert forge.head("new-year-2025") == pushed


def test_the_new_year_starts_from_the_default_branch_only(forge):
    forge.upload("other", {"notes.txt": "x\n"})
    clone = forge.checkout("other")
    result = forge.run("new-year", clone, REPORTS_BRANCH="other", NEW_YEAR="2025", REPORTS_PUSH_TOKEN=TOKEN)
    assert result.returncode == 1
    assert result.stderr == "新建年度失败：请在默认分支 main 上运行（现在是 other）：新的年度从默认分支开始。\n"
    assert not (clone / "docs" / "2025").exists() and branches(forge) == ["main", "other"]


def test_the_new_year_without_a_token_says_what_to_set(forge):
    clone = forge.checkout("main")
    result = forge.run("new-year", clone, REPORTS_BRANCH="main", NEW_YEAR="2025")
    assert result.returncode == 1
    expected = [line.format(what="新建的 2025 年度", branch="new-year-2025") for line in NO_TOKEN]
    expected[0] = "新建年度失败：" + expected[0]
    assert result.stderr.splitlines() == expected
    assert branches(forge) == ["main"]


def test_no_year_is_a_message(forge):
    result = forge.run("new-year", forge.checkout("main"), REPORTS_BRANCH="main", NEW_YEAR="  ")
    assert result.returncode == 1
    assert result.stderr == ("新建年度失败：没有指定年份：GitLab 请在“运行流水线”时添加变量 NEW_YEAR（例如 2025）；"
                             "Gitea 请在“运行工作流”时填写年份。\n")
