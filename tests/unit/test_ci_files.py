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
