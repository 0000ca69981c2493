"""Where the Git server's web pages edit a file or show a folder.

Editors change the archive in their browser, on the office's Gitea or GitLab:
the site's "编辑此页" buttons and "改数据" links have to open exactly the page
of that server where the file is edited.  Every forge spells those addresses
its own way, so ``mkdocs.yml`` names the forge, the repository's web address
and the branch (``extra.git``), and ``FORGES`` below is the one table of the
patterns.  ``edit_url``/``tree_url`` written out in ``extra.git`` override the
forge's, for a server whose addresses follow none of them.

This module only builds addresses; ``checks.site_config`` is what refuses
settings that would make a broken or unsafe one, and the build stops before
anything here sees them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from urllib.parse import quote

# forge -> (edit a file, show a folder); ``{path}`` is the path in the repository.
FORGES = {
    "gitea": ("{repo_url}/_edit/{branch}/{path}", "{repo_url}/src/branch/{branch}/{path}"),
    "gitlab": ("{repo_url}/-/edit/{branch}/{path}", "{repo_url}/-/tree/{branch}/{path}"),
    "github": ("{repo_url}/edit/{branch}/{path}", "{repo_url}/tree/{branch}/{path}"),
}
DEFAULT_BRANCH = "main"
# The keys ``extra.git`` may have.
KEYS = ("forge", "repo_url", "branch", "edit_url", "tree_url")
PATH = "{path}"


def quote_path(path: str) -> str:
    """``path`` with each segment percent-encoded and the slashes kept.

    A Chinese file name (``docs/说明.md``) or one with a ``#`` or ``?`` would
    otherwise reach the server as something else, or end the path early."""
    return "/".join(quote(segment, safe="") for segment in path.split("/"))


@dataclasses.dataclass(frozen=True)
class Forge:
    """The address patterns of one repository; ``{path}`` is what varies."""

    edit_url: str | None = None  # a file's editor
    tree_url: str | None = None  # a folder's listing

    def url(self, path: str, folder: bool = False) -> str | None:
        """Where the server edits the file (shows the folder) ``path``; None
        when the settings have no pattern for it."""
        pattern = self.tree_url if folder else self.edit_url
        return pattern.replace(PATH, quote_path(path)) if pattern else None


def patterns(forge: str, repo_url: str, branch: str = DEFAULT_BRANCH) -> tuple:
    """(edit, folder) patterns of ``forge`` for the repository at ``repo_url``."""
    fields = {"repo_url": repo_url, "branch": quote(branch, safe="/"), "path": PATH}
    return tuple(pattern.format(**fields) for pattern in FORGES[forge])


def from_settings(git) -> Forge | None:
    """The ``Forge`` of the ``extra.git`` settings, or None when they give no
    address at all (then the site shows no edit links)."""
    if not isinstance(git, Mapping):
        return None
    edit = tree = None
    if git.get("forge") in FORGES and isinstance(git.get("repo_url"), str):
        edit, tree = patterns(git["forge"], git["repo_url"], git.get("branch") or DEFAULT_BRANCH)
    edit, tree = git.get("edit_url") or edit, git.get("tree_url") or tree
    return Forge(edit, tree) if edit or tree else None
