"""CI files for pull requests run the README's test command, and problems are
printed where the runner shows them."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

from support.project import copy_project
from support.repository import HOOKS, ROOT


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


def test_problems_become_annotations_in_actions(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "data/years/2023.yml"
    data.write_text(data.read_text("utf-8").replace("status: published", "status: 发布"), "utf-8")
    env = dict(os.environ, GITHUB_ACTIONS="true")
    env["PYTHONPATH"] = str(HOOKS)
    result = subprocess.run([sys.executable, "-m", "reports", "check", str(project)],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "data/years/2023.yml:4:9: [错误] status: “发布”不是可选的值" in result.stdout
    assert ("::error file=data/years/2023.yml,line=4,col=9::status: “发布”不是可选的值"
            "（提示：只能是：published（已发布）、draft（草稿）。）") in result.stdout.splitlines()
