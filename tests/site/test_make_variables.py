"""What people type after ``make`` never becomes shell text.

``make new-year YEAR='2024;touch x'`` once ran ``touch x``.  The values now
reach the recipes as environment variables, quoted there, and the commands
check them; these tests run the real Makefile with hostile values on a copy
of the project and look for the file the injection would have made.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from support.project import copy_project
from support.repository import ROOT

HOSTILE = [
    ("new-year", {"YEAR": "2024;touch pwned"}, "年份“2024;touch pwned”不对"),
    ("new-year", {"YEAR": "2024 && touch pwned"}, "年份“2024 && touch pwned”不对"),
    ("new-year", {"YEAR": "`touch pwned`"}, "年份“`touch pwned`”不对"),
    ("import", {"FILE": 'x";touch pwned;"', "YEAR": "2022"}, '找不到要导入的文件“x";touch pwned;"”'),
    ("import", {"FILE": "a.docx", "YEAR": "2022|touch pwned"}, "年份“2022|touch pwned”不对"),
    # As typed: make's $$ is not unescaped either (the value is never make text).
    ("import", {"FILE": "$$(touch pwned)", "YEAR": "2022"}, "找不到要导入的文件“$$(touch pwned)”"),
    # make's own function syntax: make would run it itself, before any recipe.
    ("new-year", {"YEAR": "$(shell touch pwned)2024"}, "年份“$(shell touch pwned)2024”不对"),
    ("import", {"FILE": "$(shell touch pwned).docx", "YEAR": "2022"}, "找不到要导入的文件“$(shell touch pwned).docx”"),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    if shutil.which("make") is None:
        pytest.skip("make 未安装")
    project = copy_project(tmp_path_factory.mktemp("make") / "p")
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    shutil.copy2(ROOT / "requirements.txt", project / "requirements.txt")
    return project


@pytest.mark.parametrize("target,values,message", HOSTILE, ids=[f"{t}-{i}" for i, (t, _, _) in enumerate(HOSTILE)])
def test_hostile_values_are_refused_and_run_nothing(project, target, values, message):
    # VENV on the command line points the copy at this checkout's environment.
    argv = ["make", "-s", "-C", str(project), target, f"VENV={ROOT / '.venv'}"]
    argv += [f"{name}={value}" for name, value in values.items()]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert message in result.stdout, result.stdout + result.stderr
    assert not list(project.rglob("pwned*")) and not list(ROOT.glob("pwned*"))


def test_no_make_variable_is_pasted_into_a_recipe_unquoted():
    """Every user-settable variable is used as a quoted shell variable, never as $(NAME)."""
    recipes = [line for line in (ROOT / "Makefile").read_text("utf-8").splitlines() if line.startswith("\t")]
    for name in ("YEAR", "YEARS", "FILE", "HOST", "PORT", "PYTHON", "VENV", "BIN"):
        assert not [line for line in recipes if f"$({name})" in line], name
