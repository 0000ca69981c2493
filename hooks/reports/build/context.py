"""The one thing the hook modules share: the context of the current build.

MkDocs loads every hook file as its own module object, named by its path, so
two hooks cannot share a variable of their own; what several of them need
(the validated archive, the site's settings, the HTML ``report_markers`` sets
aside between two events) has to live in a module of this package.  This is
that module, and the only one: everything a build shares is a field of one
``BuildContext``, made by ``start`` in ``site_data``'s ``on_config`` (the first
hook after ``reproducible``) and read by every other hook with ``current()``.

``mkdocs serve`` runs ``on_config`` again for every rebuild, so each build gets
a fresh context: nothing set aside by a build that failed half-way, and no
archive of the files before the edit, reaches the next one.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib

from reports.render.page_fragments import SiteConfig
from reports.search import worker


@dataclasses.dataclass(frozen=True)
class BuildContext:
    root: pathlib.Path  # the project: the folder of mkdocs.yml
    docs_dir: pathlib.Path
    site_dir: pathlib.Path
    archive: object  # model.archive.Archive, checked
    site: SiteConfig  # what the pages say about the site and how they link
    worker_version: str  # the search worker's cache key (search.worker.version)
    # Rendered HTML set aside while Markdown runs, by page (templating.set_aside):
    # filled in on_page_markdown, emptied in on_page_content.
    fragments: dict = dataclasses.field(default_factory=dict)
    # The theme's inline-script hashes of every page so far, for the server
    # header's policy (render.content_policy): filled in on_post_page.
    script_hashes: list = dataclasses.field(default_factory=list)
    # What the pages of one year share, made for the first of them
    # (page_fragments.Context.per_year: the year bar, the downloads' links).
    per_year: dict = dataclasses.field(default_factory=dict)

    def rel(self, path) -> str:
        """Path relative to the project root, as editors see it in Git."""
        try:
            return pathlib.Path(os.path.relpath(path, self.root)).as_posix()
        except (TypeError, ValueError):
            return str(path)


_current: BuildContext | None = None


def start(config, root, archive) -> BuildContext:
    """Begin a build of the project at ``root`` whose checked ``archive`` is
    given, with the settings of the MkDocs ``config``; the context replaces
    that of any build before."""
    global _current
    _current = BuildContext(
        root=pathlib.Path(root),
        docs_dir=pathlib.Path(config.docs_dir),
        site_dir=pathlib.Path(config.site_dir),
        archive=archive,
        site=SiteConfig.from_mkdocs(config),
        worker_version=worker.version(config.docs_dir),
    )
    return _current


def current() -> BuildContext:
    if _current is None:
        raise RuntimeError("site_data hook must run before the other hooks")
    return _current
