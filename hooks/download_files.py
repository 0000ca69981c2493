"""MkDocs hook: write the data downloads (JSON and CSV) into the built site.

What the files contain is decided in ``downloads``; this hook only writes
them under ``site_dir`` after MkDocs has built the pages (``mkdocs build``
empties ``site_dir`` first, so files of a removed year do not linger).
"""

from __future__ import annotations

from reports.knowledge import downloads
from reports.build import context
from reports.build import incremental
from reports.build.hook_errors import guarded


@guarded
def on_post_build(config):
    build = context.current()
    # Under make serve a year's files are made again only when its data changed.
    made = incremental.downloads_made()
    for rel, data in downloads.files_for(build.archive, office=build.site.office or None, made=made).items():
        path = build.site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
