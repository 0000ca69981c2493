"""MkDocs hook: add what the site has without a file in docs/: the pages
every year has (``reports.model.pages``) and the measures finder's data
files, one a year (``reports.render.measures_finder.data_files``).

They are added with ``File.generated`` (MkDocs 1.6), the one place this
project depends on that API.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from reports.build import context
from reports.build.hook_errors import guarded
from reports.model import pages
from reports.render import measures_finder


@guarded
def on_files(files, config):
    ctx = context.current()
    generated = {**pages.sources(ctx.archive),
                 **measures_finder.data_files(ctx.archive, config.use_directory_urls)}
    for src_uri, content in generated.items():
        files.append(File.generated(config, src_uri, content=content))
    return files
