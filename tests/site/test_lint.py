"""The code has no undefined names and no unused imports.

Pyflakes' rules (ruff ``F``) catch what no test may reach: a helper that
uses a module it never imported fails only on the line that runs it, and a
dead import hides which layer a module really depends on.
"""

from __future__ import annotations

import subprocess
import sys

from support.repository import ROOT


def test_pyflakes_rules_find_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "F", "--output-format", "concise",
         "hooks", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
