"""MkDocs hook: adjust the search index mkdocs-material wrote -- the year in
the titles of year pages, UTF-8 instead of escapes (``reports.search.index``).

Runs after the search plugin has written the index: plugins run before hooks.
"""

from __future__ import annotations

from reports.build import context
from reports.search import index
from reports.build.hook_errors import guarded


@guarded
def on_post_build(config):
    index.rewrite(context.current().site_dir)
