"""MkDocs hook: add the pages every year has without a file in docs/
(``reports.model.pages``).

Generated pages are added with ``File.generated`` (MkDocs 1.6), the one
place this project depends on that API.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from reports.build import context
from reports.model import pages
from reports.build.hook_errors import guarded


@guarded
def on_files(files, config):
    for src_uri, content in pages.sources(context.current().archive).items():
        files.append(File.generated(config, src_uri, content=content))
    return files
