"""MkDocs hook: answer searches with the archive's own search worker.

Every page and theme template (404.html) gets the URL of
``docs/assets/javascripts/search-worker.js`` in place of the theme's worker
(``reports.search.worker`` says why and how); the worker's version, a hash
of its content, is part of the build context.
"""

from __future__ import annotations

from reports.build import context
from reports.search import worker
from reports.build.hook_errors import guarded


@guarded
def on_post_page(output, page, config):
    return worker.use_worker(output, context.current().worker_version)


@guarded
def on_post_template(output_content, template_name, config):
    return worker.use_worker(output_content, context.current().worker_version)
