"""CI files for pull requests run the README's test command (how problems are
printed there: tests/site/test_ci_files.py)."""

from __future__ import annotations

import re

import yaml

from support.repository import ROOT


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    return re.search(r"^make test\b", readme, re.M).group(0)


def test_readme_test_command_is_what_ci_runs():
    command = readme_test_command()
    assert (ROOT / ".ci/run").read_text("utf-8").strip().endswith(command)
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text("utf-8"))
    steps = [step.get("run") for job in workflow["jobs"].values() for step in job["steps"]]
    assert command in steps
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))
    assert gitlab["test"]["script"] == [command]


def test_makefile_test_target_runs_the_check_then_every_test():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert recipe.index("$(REPORTS) check") < recipe.index("pytest")


# --- The jobs that push: the inbox import and the new year ----------------------

def workflow(name: str):
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text("utf-8"))


def step_running(job, command):
    [step] = [step for step in job["steps"] if step.get("run") == command]
    return step


PUSH_ENV = {"REPORTS_PUSH_TOKEN": "${{ secrets.REPORTS_PUSH_TOKEN }}", "REPORTS_PUSH_URL": "${{ vars.REPORTS_PUSH_URL }}",
            "REPORTS_BRANCH": "${{ github.ref_name }}",
            "REPORTS_DEFAULT_BRANCH": "${{ github.event.repository.default_branch }}"}
NOT_DEFAULT = "github.ref != format('refs/heads/{0}', github.event.repository.default_branch) && "


def test_the_inbox_workflow_runs_the_script_on_every_branch_but_the_default():
    data = workflow("inbox.yml")
    assert data["name"] == "收件箱导入"
    assert data[True] == {"push": {"branches": ["**"]}}  # YAML 1.1 reads on: as True
    assert data["permissions"] == {"contents": "read"}  # it pushes with its own token
    conditions = {}
    for key, job in data["jobs"].items():
        condition = " ".join(job["if"].split())
        assert condition.startswith(NOT_DEFAULT), key
        conditions[key] = condition[len(NOT_DEFAULT):]
        assert step_running(job, "bash .ci/inbox")["env"] == PUSH_ENV
    # Exactly one job runs, whatever SITE_ARTIFACT is.
    assert conditions == {"import": "vars.SITE_ARTIFACT != 'v3' && vars.SITE_ARTIFACT != 'v4'",
                          "import-v3": "vars.SITE_ARTIFACT == 'v3'", "import-v4": "vars.SITE_ARTIFACT == 'v4'"}


def test_the_inbox_import_uses_no_action_unless_artifacts_are_enabled():
    """The artifact can only be uploaded by actions/upload-artifact: the jobs
    that do it are those site-artifact.yml has, pinned alike, and run only when
    the administrator has mirrored it (SITE_ARTIFACT)."""
    jobs = workflow("inbox.yml")["jobs"]
    assert all("uses" not in step for step in jobs["import"]["steps"])
    preview = workflow("site-artifact.yml")["jobs"]
    for version in ("v3", "v4"):
        *steps, upload = jobs[f"import-{version}"]["steps"]
        assert steps == jobs["import"]["steps"]
        [pinned] = [step["uses"] for step in preview[f"site-{version}"]["steps"] if "uses" in step]
        assert upload["uses"] == pinned and upload["if"] == "failure()"
        assert upload["with"] == {"name": "inbox-import", "path": "inbox-import/", "retention-days": 7,
                                  "if-no-files-found": "ignore"}


def test_the_new_year_workflow_is_started_by_hand_with_a_year():
    data = workflow("new-year.yml")
    assert data["name"] == "新建年度"
    assert data[True] == {"workflow_dispatch": {"inputs": {"year": {
        "description": "要新建的年度（四位数字，例如 2025）", "required": True, "type": "string"}}}}
    assert data["permissions"] == {"contents": "read"}
    [job] = data["jobs"].values()
    assert all("uses" not in step for step in job["steps"])
    step = step_running(job, "bash .ci/new-year")
    assert step["env"] == {"NEW_YEAR": "${{ inputs.year }}", **PUSH_ENV}  # the year reaches the script as data


def test_gitlab_imports_the_inbox_on_branches_and_starts_a_year_when_asked():
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))
    inbox = gitlab["inbox"]
    assert inbox["script"] == ["bash .ci/inbox"]
    assert inbox["rules"] == [
        {"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "when": "never"},
        {"if": '$CI_MERGE_REQUEST_EVENT_TYPE == "merged_result" || $CI_MERGE_REQUEST_EVENT_TYPE == "merge_train"',
         "when": "never"},
        {"if": "$CI_COMMIT_BRANCH || $CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"}]
    assert inbox["artifacts"]["when"] == "always" and inbox["artifacts"]["paths"] == ["inbox-import/"]
    new_year = gitlab["new-year"]
    assert new_year["script"] == ["bash .ci/new-year"]
    assert new_year["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "web" && $NEW_YEAR'}]
    # "Run pipeline" starts a branch pipeline, which the workflow rules let through.
    assert {"if": "$CI_COMMIT_BRANCH"} in gitlab["workflow"]["rules"]
    assert "inbox-import/" in (ROOT / ".gitignore").read_text("utf-8").splitlines()


def test_the_docs_say_how_to_set_the_push_token_and_where_clerks_start():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## CI 与部署"):]
    for words in ("REPORTS_PUSH_TOKEN", "REPORTS_PUSH_URL", "Developer", "write_repository", "“设置 → Actions → 密钥”",
                  "不要**勾选“保护”", "NEW_YEAR", "new-year-<年份>"):
        assert words in section, words
    assert "## 从网页导入报告或新建年度" in (ROOT / "CONTRIBUTING.md").read_text("utf-8").splitlines()
