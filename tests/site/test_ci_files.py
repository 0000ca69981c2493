"""Problems are printed where the CI runner shows them: in GitHub Actions, as
annotations next to the line in the pull request."""

from __future__ import annotations

import os
import subprocess
import sys

from support.project import copy_project
from support.repository import HOOKS


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
