"""MkDocs hook: answer searches with the archive's own search worker.

Every page and theme template (404.html) gets the URL of
``docs/assets/javascripts/search-worker.js`` in place of the theme's worker
(``reports.search.worker`` says why and how).
"""

from __future__ import annotations

from reports.search import worker
from reports.build.hook_errors import guarded

_version = ""


@guarded
def on_config(config):
    global _version
    _version = worker.version(config.docs_dir)


@guarded
def on_post_page(output, page, config):
    return worker.use_worker(output, _version)


@guarded
def on_post_template(output_content, template_name, config):
    return worker.use_worker(output_content, _version)
