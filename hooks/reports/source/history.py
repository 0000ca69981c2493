"""The project's Git history: the revision a change is compared with.

A published report may change only with a new version record, and a
checksum file that the same change can rewrite proves nothing.  So the
check compares the files as they are with the files at the *base of the
change* -- a revision the change cannot touch:

1. ``REPORTS_BASE``: any revision, set by hand or by a CI job;
2. GitLab merge-request pipelines: ``CI_MERGE_REQUEST_DIFF_BASE_SHA``;
3. GitHub and Gitea pull requests: the merge base with ``GITHUB_BASE_REF``;
4. otherwise the merge base with the main branch (``REPORTS_MAIN_BRANCH``,
   default ``main``, then ``master``).  On the main branch itself that is
   the commit itself: then the change is the uncommitted edits if there are
   any (compared with ``HEAD``), else the last commit (``HEAD^``, the first
   parent, so a merge is compared with the branch it was merged into).

Without Git, or when the base revision is not in a shallow clone, there is
no base and the caller falls back to the stored fingerprint.
"""

from __future__ import annotations

import dataclasses
import io
import os
import pathlib
import subprocess
import tarfile

TIMEOUT = 60
# A base tree larger than this is not unpacked (the project's own docs/ and
# data/ are a few MB even at 50 years).
MAX_TREE_BYTES = 512 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Base:
    revision: str  # full commit id
    how: str  # Chinese, for the check's report: 与 main 分支的分叉点比较

    @property
    def short(self) -> str:
        return self.revision[:10]


class History:
    def __init__(self, root, env=None):
        self.root = pathlib.Path(root).resolve()
        self.env = os.environ if env is None else env

    def _git(self, *args, binary=False):
        try:
            result = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True,
                                    timeout=TIMEOUT, env=dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C"))
        except (OSError, subprocess.SubprocessError):
            return None
        if result.returncode != 0:
            return None
        return result.stdout if binary else result.stdout.decode("utf-8", "replace").strip()

    def is_repository(self) -> bool:
        """True when the project folder is the top of a Git work tree."""
        top = self._git("rev-parse", "--show-toplevel")
        return top is not None and pathlib.Path(top).resolve() == self.root

    def commit(self, revision: str):
        return self._git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")

    def base(self):
        """The base of the change as a ``Base``, or ``None`` (no usable history)."""
        if not self.is_repository():
            return None
        head = self.commit("HEAD")
        if head is None:
            return None
        explicit = self.env.get("REPORTS_BASE", "").strip()
        if explicit:
            found = self.commit(explicit)
            return Base(found, f"与指定的基准版本 {explicit} 比较") if found else None
        gitlab = self.env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA", "").strip()
        if gitlab:
            found = self.commit(gitlab)
            return Base(found, "与合并请求的目标分支比较") if found else None
        target = self.env.get("GITHUB_BASE_REF", "").strip()
        branches = [target] if target else [self.env.get("REPORTS_MAIN_BRANCH", "").strip() or "main", "master"]
        for branch in branches:
            for ref in (f"origin/{branch}", branch):
                if self.commit(ref) is None:
                    continue
                fork = self._git("merge-base", "HEAD", ref)
                if fork is None:
                    continue
                if fork != head:
                    return Base(fork, f"与 {branch} 分支的分叉点比较")
                return self._on_main(head, branch)
        return None

    def _on_main(self, head, branch):
        if self._git("status", "--porcelain", "--", "docs", "data"):
            return Base(head, "与最近一次提交比较（本次改动尚未提交）")
        parent = self.commit("HEAD^")
        return Base(parent, f"与 {branch} 分支的上一次提交比较") if parent else None

    def export(self, revision: str, paths, dest: pathlib.Path) -> bool:
        """Write ``paths`` (folders) as they are at ``revision`` under ``dest``."""
        present = [p for p in paths if self._git("cat-file", "-e", f"{revision}:{p}") is not None]
        dest.mkdir(parents=True, exist_ok=True)
        if not present:
            return True
        data = self._git("archive", "--format=tar", revision, "--", *present, binary=True)
        if data is None or len(data) > MAX_TREE_BYTES:
            return False
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(dest, filter="data")
        return True
