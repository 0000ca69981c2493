"""A throwaway Git server: changes made the way a forge's web editor makes
them, checked the way its CI checks them.

The check compares published years with the base of the change, and finds
that base from what the forge tells it (``GITHUB_BASE_REF`` on Gitea,
``CI_MERGE_REQUEST_DIFF_BASE_SHA`` on GitLab) in a clone that has every
branch, which is what CI has.  So a test of what a clerk does in the browser
needs all three parts: a server repository with the project on ``main``, a
commit on a new branch for each change (the editor's "new branch and merge
request"), and a fresh full clone of that branch in which the check runs as
``make test`` runs it first.

Every helper here starts a process, which is why unit tests must not import
this module (tests/unit/test_test_layout.py holds that).
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

from support.project import copy_project, run_command

# A fixed identity and date, and no user or system configuration, so that the
# history is the same on every machine.
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "GIT_AUTHOR_DATE": "2027-01-01T00:00:00", "GIT_COMMITTER_DATE": "2027-01-01T00:00:00",
           "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin"}
# What a real CI run of these tests would pass on to the check, and what
# would then choose the base instead of the forge being played.
CI_VARIABLES = ("REPORTS_BASE", "REPORTS_MAIN_BRANCH", "CI_MERGE_REQUEST_DIFF_BASE_SHA", "GITHUB_BASE_REF",
                "GITHUB_ACTIONS", "GITLAB_CI")
FORGES = ("gitea", "gitlab")
# The year a clerk is writing: started with ``new-year`` and one sentence typed
# in, as the office would have it on ``main`` while the report is a draft.
DRAFT_YEAR = 2024
DRAFT_PAGE = f"docs/{DRAFT_YEAR}/measures.md"
DRAFT_HEADING = "## （一）强化学习，提高法治思维和依法行政能力。"
DRAFT_SENTENCE = "1.组织全办干部学习《宪法》。"


def git(repo, *args) -> str:
    """``git -C repo args`` with the fixed identity; its output."""
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=dict(GIT_ENV, HOME=str(repo))).stdout


class Forge:
    """The server repository under ``root/server`` and CI's clones beside it."""

    def __init__(self, root: pathlib.Path):
        self.root = root
        self.server = root / "server"
        self._clones = 0

    @classmethod
    def with_project(cls, root: pathlib.Path) -> Forge:
        """A server whose ``main`` holds this repository's project in one commit."""
        forge = cls(root)
        copy_project(forge.server)
        git(forge.server, "init", "-q", "-b", "main")
        git(forge.server, "add", "-A")
        git(forge.server, "commit", "-q", "-m", "The project as it is")
        return forge

    def commit(self, branch: str, message: str, edits: dict, base: str = "main") -> None:
        """One commit on ``branch`` (made from ``base`` when it is new) that
        applies ``edits``: each path to a function from the file's text ("" for
        a new file) to its new text -- what the web editor's form submits."""
        existing = git(self.server, "branch", "--list", branch).strip()
        git(self.server, "checkout", "-q", *([branch] if existing else ["-b", branch, base]))
        try:
            for path, change in edits.items():
                file = self.server / path
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_text(change(file.read_text("utf-8") if file.exists() else ""), "utf-8")
            git(self.server, "add", "-A")
            git(self.server, "commit", "-q", "-m", message)
        finally:
            git(self.server, "checkout", "-q", "-f", "main")

    def file(self, branch: str, path: str) -> str:
        """A file's text as it is on ``branch``."""
        return git(self.server, "show", f"{branch}:{path}")

    def check(self, branch: str, forge: str) -> subprocess.CompletedProcess:
        """The check CI runs first on a merge request from ``branch`` into
        ``main``: a full clone, the branch checked out, ``PYTHONPATH=hooks
        python -m reports check`` with the variables ``forge`` sets."""
        self._clones += 1
        clone = self.root / f"ci-{self._clones}"
        git(self.root, "clone", "-q", "--no-local", str(self.server), str(clone))
        git(clone, "checkout", "-q", "--detach", f"origin/{branch}")
        env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
        if forge == "gitea":  # a pull request's target branch, as Gitea (and GitHub) name it
            env["GITHUB_BASE_REF"] = "main"
        elif forge == "gitlab":  # where the merge request's diff starts
            env["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = git(clone, "merge-base", "origin/main", "HEAD").strip()
        else:
            raise ValueError(forge)
        env["PYTHONPATH"] = "hooks"
        return subprocess.run([sys.executable, "-m", "reports", "check"], cwd=clone, capture_output=True,
                              text=True, timeout=120, env=env)


def clerks_forge(root: pathlib.Path) -> Forge:
    """A server with this project on ``main`` and a draft of ``DRAFT_YEAR``
    in which the clerk has typed ``DRAFT_SENTENCE`` under ``DRAFT_HEADING``."""
    forge = Forge.with_project(root)
    result = run_command("new-year", forge.server, str(DRAFT_YEAR))
    assert result.returncode == 0, result.stdout + result.stderr

    def type_in(page: str) -> str:
        lines = page.split("\n")
        placeholder = next(i for i, line in enumerate(lines) if line.startswith("<!-- 在此处"))
        return "\n".join(lines[:placeholder] + [DRAFT_HEADING, "", DRAFT_SENTENCE] + lines[placeholder + 1:])

    forge.commit("main", f"Start the {DRAFT_YEAR} report", {DRAFT_PAGE: type_in})
    return forge
