"""The GitLab jobs run by gitlab-ci-local, GitLab's pipeline run on this machine.

gitlab-ci-local (npm, 4.69.0: the last to run on Node 20; 4.75 needs Node 22)
is not part of the test requirements, so CI does not install it and these
tests skip without it.  To run them: ``npm install -g gitlab-ci-local@4.69.0``
(or set GITLAB_CI_LOCAL to its path).

The jobs run with the shell executor in a Git copy of the project whose
.venv is this test run's Python environment, so ``make`` installs nothing.
The test job itself (``make test``) is this test suite and is not run here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from support.project import copy_project
from support.repository import ROOT


def gitlab_ci_local() -> str:
    found = os.environ.get("GITLAB_CI_LOCAL") or shutil.which("gitlab-ci-local")
    if not found:
        pytest.skip("gitlab-ci-local 未安装（npm install -g gitlab-ci-local@4.69.0）")
    result = subprocess.run([found, "--version"], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        pytest.skip("gitlab-ci-local 无法运行：" + result.stderr.strip()[-200:])
    return found


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    program = gitlab_ci_local()
    if shutil.which("git") is None or shutil.which("make") is None:
        pytest.skip("需要 git 和 make")
    project = copy_project(tmp_path_factory.mktemp("gitlab") / "p")
    for name in ("Makefile", "requirements.txt", "requirements-test.txt", ".gitlab-ci.yml", ".gitignore"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / ".ci", project / ".ci")
    (project / ".venv").symlink_to(sys.prefix)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    env.pop("PYTHONPATH", None)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "project"],
                 ["remote", "add", "origin", "http://git.intranet.example/fzbg/reports.git"]):
        subprocess.run(["git", *args], cwd=project, check=True, env=env, capture_output=True, timeout=60)

    def run(*args):
        result = subprocess.run([program, "--force-shell-executor", "--no-color", *args], cwd=project,
                                capture_output=True, text=True, env=env, timeout=600)
        return result

    def jobs(*args, branch="main"):
        subprocess.run(["git", "checkout", "-q", "-B", branch], cwd=project, check=True, env=env, timeout=60)
        result = run("--list-json", *args)
        assert result.returncode == 0, result.stdout + result.stderr
        listed = json.loads(result.stdout[result.stdout.index("["):])
        return {job["name"]: job["when"] for job in listed if job["when"] != "never"}

    run.jobs = jobs
    run.project = project
    return run


def test_jobs_of_each_kind_of_pipeline(pipeline):
    checks = {"test": "on_success", "code-quality": "on_success", "site": "on_success"}
    assert pipeline.jobs() == checks  # default branch, no deploy target
    assert pipeline.jobs("--variable", "DEPLOY_DIR=/srv/www/fzbg") == {**checks, "deploy": "on_success"}
    assert pipeline.jobs("--variable", "DEPLOY_TARGET=deploy@web.intranet.example:/srv/www/fzbg",
                         "--variable", "DEPLOY_MANUAL=true") == {**checks, "deploy": "manual"}
    # Other branches and merge requests also import their inbox (.ci/inbox).
    branch = {**checks, "inbox": "on_success"}
    assert pipeline.jobs("--variable", "DEPLOY_DIR=/srv/www/fzbg", branch="change") == branch
    assert pipeline.jobs("--variable", "DEPLOY_DIR=/srv/www/fzbg", "--unset-variable", "CI_COMMIT_BRANCH",
                         "--variable", "CI_PIPELINE_SOURCE=merge_request_event",
                         "--variable", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME=change",
                         "--ignore-predefined-vars", "CI_PIPELINE_SOURCE") == branch
    # "Run pipeline" with NEW_YEAR on the default branch starts the year.
    assert pipeline.jobs("--variable", "NEW_YEAR=2025", "--variable", "CI_PIPELINE_SOURCE=web",
                         "--ignore-predefined-vars", "CI_PIPELINE_SOURCE") == {**checks, "new-year": "on_success"}


def test_site_then_deploy(pipeline, tmp_path):
    subprocess.run(["git", "checkout", "-q", "main"], cwd=pipeline.project, check=True, timeout=60)
    result = pipeline("site")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "PASS  site" in result.stdout
    assert (pipeline.project / "site" / "index.html").exists()
    www = tmp_path / "www" / "fzbg"
    result = pipeline("deploy", "--variable", f"DEPLOY_DIR={www}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "PASS  deploy" in result.stdout and "已部署到" in result.stdout
    assert (www / "index.html").read_bytes() == (pipeline.project / "site" / "index.html").read_bytes()
    assert (www / "2023" / "index.html").exists() and (www / ".reports-site").exists()


def test_code_quality_job_leaves_its_report(pipeline):
    (pipeline.project / "gl-code-quality-report.json").unlink(missing_ok=True)
    result = pipeline("code-quality")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "PASS  code-quality" in result.stdout
    report = pipeline.project / "gl-code-quality-report.json"
    assert report.exists()
    try:
        issues = json.loads(report.read_text("utf-8"))
    except ValueError:
        pytest.skip("python -m reports check 还不支持 --format codequality")
    assert issues == []  # the project as committed has no problem


def test_the_inbox_job_imports_and_pushes_to_the_branch(pipeline, tmp_path):
    """An upload on a branch, the inbox job as GitLab runs it, a bare repository as the forge."""
    project, server = pipeline.project, tmp_path / "server.git"
    git = ["git", "-c", "user.name=clerk", "-c", "user.email=clerk@example.invalid"]
    subprocess.run(["git", "init", "-q", "--bare", str(server)], check=True, timeout=60)
    subprocess.run(git + ["checkout", "-q", "-B", "upload", "main"], cwd=project, check=True, timeout=60)
    (project / "inbox").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "tests" / "fixtures" / "import" / "skipped-level.txt", project / "inbox" / "2018.txt")
    subprocess.run(git + ["add", "inbox/2018.txt"], cwd=project, check=True, timeout=60)
    subprocess.run(git + ["commit", "-q", "-m", "Upload 2018"], cwd=project, check=True, timeout=60)
    try:
        result = pipeline("inbox", "--variable", f"REPORTS_PUSH_URL={server}",
                          "--variable", "REPORTS_PUSH_TOKEN=secret-token")
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
        assert "PASS  inbox" in result.stdout and "secret-token" not in result.stdout
        tree = subprocess.run(["git", "ls-tree", "-r", "--name-only", "upload"], cwd=server, capture_output=True,
                              text=True, check=True, timeout=60).stdout.splitlines()
        assert "data/years/2018.yml" in tree and "inbox/2018.txt" not in tree
    finally:
        subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=project, check=True, timeout=60)
