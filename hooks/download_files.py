"""MkDocs hook: write the data downloads (JSON and CSV) into the built site.

What the files contain is decided in ``downloads``; this hook only writes
them under ``site_dir`` after MkDocs has built the pages (``mkdocs build``
empties ``site_dir`` first, so files of a removed year do not linger).
"""

from __future__ import annotations

import pathlib

from reports.knowledge import downloads
from reports.build import site_state
from reports.build.hook_errors import guarded


@guarded
def on_post_build(config):
    office = ((config.extra or {}).get("office") or {}).get("name")
    site_dir = pathlib.Path(config.site_dir)
    for rel, data in downloads.files_for(site_state.archive(), office=office).items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
