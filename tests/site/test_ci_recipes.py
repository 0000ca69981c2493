"""The CI files for an intranet Gitea or GitLab, and the scripts they run.

Nothing is fetched from outside the intranet: no ``uses:`` in the main
workflow (the checkout is plain git, run here against a local repository),
images and package indexes are variables, and no public registry is named.
The files pass the forges' JSON schemas (check-jsonschema) and zizmor;
the summary/comment script, the deploy script and the Code Quality command
are run here as the jobs run them.
"""

from __future__ import annotations

import http.server
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import threading

import pytest
import yaml

from support.project import copy_project
from support.repository import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CI_FILES = [*WORKFLOWS, ROOT / ".gitlab-ci.yml", *sorted((ROOT / ".ci").iterdir()),
            ROOT / "ci" / "Containerfile", ROOT / "ci" / "README.md"]
DEFAULT_IMAGE = "registry.intranet.example/fzbg/reports-ci:2026.1"
PUBLIC_HOSTS = ["pypi.org", "pythonhosted.org", "registry.npmjs.org", "npmjs.com", "deb.debian.org",
                "security.debian.org", "docker.io", "docker.com", "ghcr.io", "quay.io", "gcr.io",
                "registry.gitlab.com", "gitlab.com", "mcr.microsoft.com", "github.com",
                "githubusercontent.com", "nodesource.com"]


def load(path: pathlib.Path):
    return yaml.safe_load(path.read_text("utf-8"))


def workflow(name: str):
    return load(ROOT / ".github" / "workflows" / name)


def tool(name: str) -> str:
    """A test tool installed beside this Python (requirements-test.txt), or on PATH."""
    found = pathlib.Path(sys.executable).parent / name
    if found.exists():
        return str(found)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} 未安装：make test 会按 requirements-test.txt 安装它")
    return found


# --- The forges' schemas and zizmor ------------------------------------------

@pytest.mark.parametrize("schema,paths", [
    ("vendor.gitlab-ci", [ROOT / ".gitlab-ci.yml"]),
    ("vendor.github-workflows", WORKFLOWS),
], ids=["gitlab", "workflows"])
def test_ci_files_pass_the_forge_schemas(schema, paths):
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, *map(str, paths)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_zizmor_finds_nothing_of_medium_or_higher_severity():
    result = subprocess.run([tool("zizmor"), "--offline", "--format", "json", "--min-severity", "medium",
                             str(ROOT / ".github" / "workflows")],
                            capture_output=True, text=True, timeout=120)
    findings = json.loads(result.stdout or "[]")
    assert findings == [], json.dumps(findings, ensure_ascii=False, indent=1)[:3000]
    assert result.returncode == 0, result.stderr


def test_zizmor_is_silenced_only_for_the_image_variable():
    """The image is chosen by the administrator (CI_IMAGE), so zizmor cannot
    see a digest; nothing else is waved through."""
    for path in WORKFLOWS:
        for line in path.read_text("utf-8").splitlines():
            if "zizmor:" in line:
                assert line.strip().startswith("image: ${{ vars.CI_IMAGE || "), line
                assert line.endswith("# zizmor: ignore[unpinned-images]"), line


# --- Nothing from outside the intranet -----------------------------------------

def test_no_public_registry_or_forge_is_named():
    for path in [*CI_FILES, ROOT / "Makefile", ROOT / "requirements.txt", ROOT / "requirements-test.txt",
                 ROOT / "README.md", ROOT / "CONTRIBUTING.md"]:
        text = path.read_text("utf-8").lower()
        for host in PUBLIC_HOSTS:
            assert host not in text, f"{path.relative_to(ROOT)} names {host}"
        # Folders of a build machine, spelled so that this file does not name them.
        for place in (f"/{name}/" for name in ("work", "tmp", "root")):
            assert place not in text, f"{path.relative_to(ROOT)} names {place}"


def test_every_url_in_the_ci_files_is_an_intranet_placeholder():
    for path in CI_FILES:
        for host in re.findall(r"\b[a-z]+://([^/\s\"'`:)]+)", path.read_text("utf-8")):
            assert host.endswith((".example", ".invalid")), f"{path.relative_to(ROOT)}: {host}"


def test_the_main_workflow_uses_no_action():
    text = (ROOT / ".github/workflows/ci.yml").read_text("utf-8")
    assert not re.search(r"^\s*(-\s*)?uses:", text, re.M)
    for job in workflow("ci.yml")["jobs"].values():
        assert all("uses" not in step for step in job["steps"])


def test_the_artifact_actions_are_pinned_and_run_only_when_asked_for():
    """Only the optional preview workflow uses an action (the only way to
    upload an artifact), pinned to a commit, in jobs that run only when the
    administrator has mirrored it and set SITE_ARTIFACT."""
    jobs = workflow("site-artifact.yml")["jobs"]
    seen = set()
    for job in jobs.values():
        uses = [step["uses"] for step in job["steps"] if "uses" in step]
        assert len(uses) == 1 and re.fullmatch(r"actions/upload-artifact@[0-9a-f]{40}", uses[0]), uses
        version = re.fullmatch(r"vars\.SITE_ARTIFACT == '(v\d)'", job["if"]).group(1)
        seen.add(version)
        assert job["steps"][-1]["with"] == {"name": "site", "path": "site/", "retention-days": 7}
    assert seen == {"v3", "v4"}
    text = (ROOT / ".github/workflows/site-artifact.yml").read_text("utf-8")
    assert "ff15f0306b3f739f7b6fd43fb5d26cd321bd4de5  # v3.2.1" in text
    assert "ea165f8d65b6e75b540449e92b4886f43607fa02  # v4.6.2" in text


def jobs_with_images():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            yield f"{path.name}:{name}", job


def test_the_image_runner_and_pip_index_are_variables_with_one_default():
    for where, job in jobs_with_images():
        assert job["container"]["image"] == f"${{{{ vars.CI_IMAGE || '{DEFAULT_IMAGE}' }}}}", where
        assert job["runs-on"] == "${{ vars.CI_RUNS_ON || 'ubuntu-latest' }}", where
        env = {**load(ROOT / ".github/workflows" / where.split(":")[0]).get("env", {}), **job.get("env", {})}
        assert env["PIP_INDEX_URL"] == "${{ vars.PIP_INDEX_URL }}", where
        assert env["PIP_TRUSTED_HOST"] == "${{ vars.PIP_TRUSTED_HOST }}", where
    gitlab = load(ROOT / ".gitlab-ci.yml")
    assert gitlab["default"]["image"] == "$CI_IMAGE"
    assert gitlab["variables"]["CI_IMAGE"] == DEFAULT_IMAGE
    for path in (ROOT / "README.md", ROOT / "ci" / "README.md"):
        assert DEFAULT_IMAGE in path.read_text("utf-8"), path


# --- Gitea and GitHub: checkout, test, summary, deploy ----------------------------

def checkout_steps():
    for where, job in jobs_with_images():
        yield where, job["steps"][0]


def test_every_job_checks_out_with_the_same_git_commands():
    scripts = {step["run"] for _, step in checkout_steps()}
    assert len(scripts) == 1
    for where, step in checkout_steps():
        assert step["env"] == {"SERVER_URL": "${{ github.server_url }}", "REPOSITORY": "${{ github.repository }}",
                               "REF": "${{ github.ref }}", "SHA": "${{ github.sha }}",
                               "TOKEN": "${{ github.token }}"}, where
        assert "${{" not in step["run"], where  # values reach the script as environment only


def git(*args, cwd, env=None):
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                            env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def forge(tmp_path):
    """A repository served as Gitea or GitHub serve one: owner/repo.git with a
    main branch and a pull request's ref."""
    if shutil.which("git") is None:
        pytest.skip("git 未安装")
    env = dict(os.environ, HOME=str(tmp_path), GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    source = tmp_path / "source"
    source.mkdir()
    git("init", "-q", "-b", "main", cwd=source, env=env)
    (source / "a.txt").write_text("1\n", "utf-8")
    git("add", "a.txt", cwd=source, env=env)
    git("commit", "-q", "-m", "one", cwd=source, env=env)
    (source / "a.txt").write_text("2\n", "utf-8")
    git("commit", "-q", "-am", "two", cwd=source, env=env)
    main = git("rev-parse", "HEAD", cwd=source, env=env)
    git("checkout", "-q", "-b", "change", cwd=source, env=env)
    (source / "b.txt").write_text("3\n", "utf-8")
    git("add", "b.txt", cwd=source, env=env)
    git("commit", "-q", "-m", "three", cwd=source, env=env)
    change = git("rev-parse", "HEAD", cwd=source, env=env)
    server = tmp_path / "server"
    (server / "fzbg").mkdir(parents=True)
    git("clone", "-q", "--bare", str(source), str(server / "fzbg" / "reports.git"), cwd=tmp_path, env=env)
    git("update-ref", "refs/pull/7/head", change, cwd=server / "fzbg" / "reports.git", env=env)
    return {"env": env, "server": server, "main": main, "change": change, "tmp": tmp_path}


@pytest.mark.parametrize("event", ["pull_request", "push"])
def test_the_checkout_commands_fetch_the_commit_and_every_branch(forge, event):
    script = next(step for _, step in checkout_steps())["run"]
    work = forge["tmp"] / "workspace"
    work.mkdir()
    ref, sha = ("refs/pull/7/head", forge["change"]) if event == "pull_request" else ("refs/heads/main", forge["main"])
    env = dict(forge["env"], SERVER_URL=f"file://{forge['server']}", REPOSITORY="fzbg/reports",
               REF=ref, SHA=sha, TOKEN="secret-token")
    # The shell the workflows name (defaults: run: shell: bash), as the runners start it.
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=work,
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert git("rev-parse", "HEAD", cwd=work, env=env) == sha
    assert git("rev-parse", "origin/main", cwd=work, env=env) == forge["main"]
    assert git("status", "--porcelain", cwd=work, env=env) == ""
    for config in (work / ".git" / "config", forge["tmp"] / ".gitconfig"):
        assert "secret-token" not in config.read_text("utf-8")
        assert "extraheader" not in config.read_text("utf-8").lower()
    # The freeze check finds the base of the change in this clone.
    from reports.source.history import History
    base = History(work, env={"GITHUB_BASE_REF": "main"} if event == "pull_request" else {}).base()
    assert base is not None
    assert base.revision == (forge["main"] if event == "pull_request" else git("rev-parse", "HEAD^", cwd=work, env=env))


def test_the_test_job_runs_make_test_then_reports_always():
    steps = workflow("ci.yml")["jobs"]["test"]["steps"]
    assert [step.get("run") for step in steps][1] == "make test"
    report = steps[2]
    assert report["if"] == "always()"
    assert report["env"] == {"CI_COMMENT_TOKEN": "${{ secrets.CI_COMMENT_TOKEN }}",
                             "PR_NUMBER": "${{ github.event.pull_request.number }}"}
    assert "python3 .ci/report.py" in report["run"]


def test_deploy_runs_on_the_default_branch_only_when_a_target_is_set():
    data = workflow("ci.yml")
    assert set(data[True]) == {"push", "pull_request", "workflow_dispatch"}  # YAML 1.1 reads on: as True
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    condition = " ".join(deploy["if"].split())
    assert "github.event_name != 'pull_request'" in condition
    assert "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)" in condition
    assert "(vars.DEPLOY_DIR != '' || vars.DEPLOY_TARGET != '')" in condition
    assert [step.get("run") for step in deploy["steps"]][1:] == ["make build", "bash .ci/deploy"]
    assert deploy["steps"][2]["env"] == {"DEPLOY_DIR": "${{ vars.DEPLOY_DIR }}",
                                         "DEPLOY_TARGET": "${{ vars.DEPLOY_TARGET }}",
                                         "DEPLOY_KNOWN_HOSTS": "${{ vars.DEPLOY_KNOWN_HOSTS }}",
                                         "DEPLOY_SSH_KEY": "${{ secrets.DEPLOY_SSH_KEY }}"}
    assert data["permissions"] == {"contents": "read"}


# --- The summary and the pull-request comment (.ci/report.py) ----------------------

class Recorder(http.server.BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 - the handler's name is fixed
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, dict(self.headers), json.loads(body)))
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def api():
    Recorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/api/v1", Recorder.received
    server.shutdown()
    server.server_close()


def report_project(tmp_path, broken: bool):
    project = copy_project(tmp_path / "p")
    (project / ".ci").mkdir()
    shutil.copy2(ROOT / ".ci" / "report.py", project / ".ci" / "report.py")
    if broken:
        data = project / "data/years/2023.yml"
        data.write_text(data.read_text("utf-8").replace("status: published", "status: 发布"), "utf-8")
    return project


def run_report(project, tmp_path, **env):
    summary = tmp_path / "summary.md"
    environment = dict(os.environ, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary),
                       GITHUB_SERVER_URL="http://git.intranet.example", GITHUB_REPOSITORY="fzbg/reports",
                       GITHUB_SHA="0123abc", **env)
    environment.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, str(project / ".ci" / "report.py")], capture_output=True,
                            text=True, env=environment, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout, summary.read_text("utf-8")


ROW = ("| [data/years/2023.yml 第 4 行第 9 列]({link}) | 错误 | status: “发布”不是可选的值 | "
       "只能是：published（已发布）、draft（草稿）。 |")


def test_problems_go_to_the_summary_and_a_comment_on_gitea(tmp_path, api):
    url, received = api
    project = report_project(tmp_path, broken=True)
    out, summary = run_report(project, tmp_path, GITEA_ACTIONS="true", GITHUB_API_URL=url,
                              CI_COMMENT_TOKEN="secret-token", PR_NUMBER="7")
    link = "http://git.intranet.example/fzbg/reports/src/commit/0123abc/data/years/2023.yml#L4"
    assert ROW.format(link=link) in summary.splitlines()
    count = re.search(r"共发现 (\d+) 个错误、0 个警告。", summary)
    assert count and summary.count("\n| [") == int(count.group(1))
    assert "::error" not in summary and "<!--" not in summary
    assert "已评论合并请求 #7（HTTP 201）" in out
    [(path, headers, body)] = received
    assert path == "/api/v1/repos/fzbg/reports/issues/7/comments"
    assert headers["Authorization"] == "token secret-token"
    assert ROW.format(link=link) in body["body"].splitlines()


def test_github_links_point_at_blob(tmp_path, api):
    url, received = api
    project = report_project(tmp_path, broken=True)
    _, summary = run_report(project, tmp_path, GITHUB_API_URL=url)
    assert ROW.format(link="http://git.intranet.example/fzbg/reports/blob/0123abc/data/years/2023.yml#L4") in summary
    assert received == []  # no token: no comment


def test_no_comment_without_a_token_or_outside_a_pull_request(tmp_path, api):
    url, received = api
    project = report_project(tmp_path, broken=True)
    out, _ = run_report(project, tmp_path, GITHUB_API_URL=url, PR_NUMBER="7")
    assert "未设置 CI_COMMENT_TOKEN" in out
    out, _ = run_report(project, tmp_path, GITHUB_API_URL=url, CI_COMMENT_TOKEN="secret-token", PR_NUMBER="")
    assert "不是合并请求" in out
    assert received == []


def test_a_clean_check_says_so_and_comments_nothing(tmp_path, api):
    url, received = api
    project = report_project(tmp_path, broken=False)
    _, summary = run_report(project, tmp_path, GITHUB_API_URL=url, CI_COMMENT_TOKEN="secret-token", PR_NUMBER="7")
    assert "检查通过：数据和页面没有发现错误。" in summary
    assert received == []


def test_a_check_that_cannot_run_is_reported_not_hidden(tmp_path):
    project = report_project(tmp_path, broken=False)
    shutil.rmtree(project / "hooks")
    _, summary = run_report(project, tmp_path)
    assert "检查没有运行完" in summary


def test_a_failed_comment_does_not_fail_the_job(tmp_path):
    project = report_project(tmp_path, broken=True)
    out, _ = run_report(project, tmp_path, GITHUB_API_URL="http://127.0.0.1:9/api/v1",
                        CI_COMMENT_TOKEN="secret-token", PR_NUMBER="7")
    assert "评论合并请求 #7 失败" in out


# --- Deploying site/ (.ci/deploy) -------------------------------------------------

DEPLOY_TOOLS = ["bash", "mkdir", "ls", "find", "rm", "mv", "cp", "rmdir", "mktemp", "wc", "tr", "dirname"]


@pytest.fixture(params=["cp", "rsync"])
def deployer(request, tmp_path):
    """Runs .ci/deploy on a small site/, with rsync or without it."""
    project = tmp_path / "p"
    (project / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "deploy", project / ".ci" / "deploy")
    (project / "site" / "2023").mkdir(parents=True)
    (project / "site" / "index.html").write_text("home", "utf-8")
    (project / "site" / "2023" / "index.html").write_text("2023", "utf-8")
    if request.param == "rsync":
        if shutil.which("rsync") is None:
            pytest.skip("rsync 未安装（CI 镜像中有）")
        path = os.environ["PATH"]
    else:
        tools = tmp_path / "tools"
        tools.mkdir()
        for name in DEPLOY_TOOLS:
            (tools / name).symlink_to(shutil.which(name))
        path = str(tools)

    def deploy(**env):
        return subprocess.run(["bash", str(project / ".ci" / "deploy")], capture_output=True, text=True,
                              env={"PATH": path, "HOME": str(tmp_path), **env}, timeout=60)

    deploy.project = project
    return deploy


def test_deploy_copies_the_site_and_removes_what_is_gone(deployer, tmp_path):
    www = tmp_path / "www" / "fzbg"
    result = deployer(DEPLOY_DIR=str(www))
    assert result.returncode == 0, result.stderr
    assert "已部署到" in result.stdout
    assert (www / "index.html").read_text("utf-8") == "home"
    assert (www / "2023" / "index.html").read_text("utf-8") == "2023"
    assert (www / ".reports-site").exists()
    shutil.rmtree(deployer.project / "site" / "2023")
    (deployer.project / "site" / "index.html").write_text("home 2", "utf-8")
    result = deployer(DEPLOY_DIR=str(www) + "/")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in www.iterdir()) == [".reports-site", "index.html"]
    assert (www / "index.html").read_text("utf-8") == "home 2"


def test_deploy_refuses_a_folder_it_did_not_make(deployer, tmp_path):
    www = tmp_path / "www"
    www.mkdir()
    (www / "other.html").write_text("someone else's", "utf-8")
    result = deployer(DEPLOY_DIR=str(www))
    assert result.returncode == 1
    assert "不是空目录，也不是部署过本网站的目录" in result.stderr
    assert [p.name for p in www.iterdir()] == ["other.html"]


@pytest.mark.parametrize("target,message", [
    ("www", "DEPLOY_DIR 必须是绝对路径"),
    ("/", "DEPLOY_DIR 不能是根目录"),
])
def test_deploy_refuses_relative_and_root_folders(deployer, target, message):
    result = deployer(DEPLOY_DIR=target)
    assert result.returncode == 1 and message in result.stderr


def test_deploy_needs_a_built_site_and_a_target(deployer, tmp_path):
    result = deployer()
    assert result.returncode == 1 and "没有设置 DEPLOY_DIR 或 DEPLOY_TARGET" in result.stderr
    result = deployer(DEPLOY_TARGET="web.intranet.example")
    assert result.returncode == 1 and "DEPLOY_TARGET 应形如 user@host:/srv/www/fzbg" in result.stderr
    result = deployer(DEPLOY_TARGET="deploy@web.intranet.example:/srv/www/fzbg", DEPLOY_SSH_KEY="key")
    assert result.returncode == 1 and "需要 DEPLOY_KNOWN_HOSTS" in result.stderr
    shutil.rmtree(deployer.project / "site")
    result = deployer(DEPLOY_DIR=str(tmp_path / "www"))
    assert result.returncode == 1 and "请先运行 make build" in result.stderr


# --- GitLab ---------------------------------------------------------------------

def test_gitlab_runs_one_pipeline_per_change():
    rules = load(ROOT / ".gitlab-ci.yml")["workflow"]["rules"]
    assert rules == [
        {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'},
        {"if": '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS && $CI_PIPELINE_SOURCE == "push"', "when": "never"},
        {"if": "$CI_COMMIT_BRANCH"},
    ]


def test_gitlab_caches_the_venv_by_the_requirements_files():
    gitlab = load(ROOT / ".gitlab-ci.yml")
    for cache, policy in ((gitlab["default"]["cache"], "pull"), (gitlab["test"]["cache"], "pull-push")):
        assert cache["key"] == {"files": ["requirements.txt", "requirements-test.txt"]}
        assert cache["paths"] == [".venv/"] and cache["policy"] == policy
    assert gitlab["variables"]["GIT_DEPTH"] == "0"  # the freeze check needs the base of the change


def test_gitlab_code_quality_site_preview_and_deploy():
    gitlab = load(ROOT / ".gitlab-ci.yml")
    quality = gitlab["code-quality"]
    assert quality["script"] == ["make install", CODE_QUALITY]
    assert quality["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json"}
    assert quality["artifacts"]["when"] == "always"
    site = gitlab["site"]
    assert site["script"] == ["make build"] and site["artifacts"]["paths"] == ["site/"]
    assert site["artifacts"]["expire_in"] == "7 days"
    assert "rules" not in site  # every pipeline, so every merge request
    # GitLab's own rule for expose_as (Ruby's \w is ASCII).
    assert re.fullmatch(r"[A-Za-z0-9_][-A-Za-z0-9_ ]*", site["artifacts"]["expose_as"])
    deploy = gitlab["deploy"]
    assert deploy["script"] == ["bash .ci/deploy"] and deploy["stage"] == "deploy"
    assert deploy["needs"] == [{"job": "test", "artifacts": False}, {"job": "site", "artifacts": True}]
    assert all(rule["if"].startswith("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && ($DEPLOY_DIR || $DEPLOY_TARGET)")
               for rule in deploy["rules"])
    assert [rule.get("when") for rule in deploy["rules"]] == ["manual", None]
    assert deploy["resource_group"] == "deploy"


CODE_QUALITY = ("PYTHONPATH=hooks .venv/bin/python -m reports check --format codequality "
                "> gl-code-quality-report.json || true")


def test_the_code_quality_command_writes_a_gitlab_report(tmp_path):
    """The job's command, run as the job runs it.  The codequality format of
    the check is added by a change of its own: until then this skips."""
    project = copy_project(tmp_path / "p")
    (project / ".venv").symlink_to(sys.prefix)
    data = project / "data/years/2023.yml"
    data.write_text(data.read_text("utf-8").replace("status: published", "status: 发布"), "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS")}
    result = subprocess.run(["sh", "-c", CODE_QUALITY], cwd=project, capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0
    text = (project / "gl-code-quality-report.json").read_text("utf-8")
    try:
        issues = json.loads(text)
    except ValueError:
        pytest.skip("python -m reports check 还不支持 --format codequality：" + text[:200])
    assert isinstance(issues, list) and issues
    issue = next(i for i in issues if i["location"]["path"] == "data/years/2023.yml")
    assert issue["location"]["lines"]["begin"] == 4
    assert "“发布”不是可选的值" in issue["description"]
    assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert issue["fingerprint"] and issue["check_name"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)


# --- The CI image recipe (ci/Containerfile) --------------------------------------

INSTRUCTIONS = {"FROM", "ARG", "ENV", "RUN", "COPY", "ADD", "LABEL", "WORKDIR", "USER", "SHELL",
                "ENTRYPOINT", "CMD", "EXPOSE", "VOLUME", "STOPSIGNAL", "HEALTHCHECK", "ONBUILD"}


def containerfile():
    """``[(instruction, argument)]``: comments dropped, continuation lines joined."""
    text = (ROOT / "ci" / "Containerfile").read_text("utf-8")
    assert not re.match(r"#\s*syntax\s*=", text), "a syntax directive fetches a frontend image"
    instructions, pending = [], ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        line, pending = pending + line, ""
        word, _, argument = line.strip().partition(" ")
        assert word in INSTRUCTIONS, line
        instructions.append((word, argument.strip()))
    assert not pending, "the last line continues"
    return instructions


def test_the_image_is_built_from_the_intranet_registry_and_mirrors():
    steps = containerfile()
    args = {a.split("=")[0]: a.partition("=")[2] for word, a in steps if word == "ARG"}
    assert args["BASE_IMAGE"] == "registry.intranet.example/library/python:3.11-bookworm"
    assert {"APT_MIRROR", "APT_SECURITY_MIRROR", "PIP_INDEX_URL", "PIP_TRUSTED_HOST"} <= args.keys()
    assert [a for w, a in steps if w == "FROM"] == ["${BASE_IMAGE}"]
    assert steps[0] == ("ARG", "BASE_IMAGE=registry.intranet.example/library/python:3.11-bookworm")
    runs = " ".join(a for w, a in steps if w == "RUN")
    assert "URIs: $APT_MIRROR" in runs and "URIs: $APT_SECURITY_MIRROR" in runs
    assert not any(w == "ADD" for w, _ in steps)  # ADD can download


def test_the_image_has_the_browser_fonts_node_and_tools():
    runs = " ".join(a for w, a in containerfile() if w == "RUN")
    install = re.search(r"apt-get install -y --no-install-recommends ([^;]+);", runs).group(1).split()
    assert {"chromium", "fonts-noto-cjk", "nodejs", "git", "make", "rsync", "openssh-client", "bash"} <= set(install)
    assert 'fc-list | grep -q "Noto Sans CJK"' in runs  # what the Makefile's browser target looks for
    assert 'grep -q "Noto Sans CJK"' in (ROOT / "Makefile").read_text("utf-8")


def test_the_image_installs_the_same_pins_as_make():
    steps = containerfile()
    assert ("COPY", "requirements.txt requirements-test.txt /opt/reports/") in steps
    runs = " ".join(a for w, a in steps if w == "RUN")
    installs = [" ".join(i.split()) for i in re.findall(r"pip install ([^;]+);", runs)]
    assert installs == ["--no-cache-dir --disable-pip-version-check --root-user-action=ignore "
                        "-r /opt/reports/requirements-test.txt"]
    assert (ROOT / "requirements-test.txt").read_text("utf-8").count("-r requirements.txt") == 1
    # The same lowest Python as the Makefile's check.
    assert "sys.version_info >= (3, 11, 5)" in runs
    assert "Python 3.11.5 或更新的版本" in (ROOT / "Makefile").read_text("utf-8")
    env = " ".join(a for w, a in steps if w == "ENV")
    assert "VENV_SYSTEM_SITE_PACKAGES=1" in env
    assert "VENV_SYSTEM_SITE_PACKAGES" in (ROOT / "Makefile").read_text("utf-8")


def test_the_image_readme_builds_what_the_ci_files_run():
    readme = (ROOT / "ci" / "README.md").read_text("utf-8")
    assert "docker build -f ci/Containerfile" in readme
    for arg in ("BASE_IMAGE", "APT_MIRROR", "APT_SECURITY_MIRROR", "PIP_INDEX_URL", "PIP_TRUSTED_HOST"):
        assert f"--build-arg {arg}=" in readme, arg
    assert f"-t {DEFAULT_IMAGE} ." in readme
