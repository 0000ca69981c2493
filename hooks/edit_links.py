"""MkDocs hook: every page's "编辑此页" button opens its source on the Git
server (``render.edit_links`` decides which file that is)."""

from __future__ import annotations

from reports.render import edit_links
from reports.build import context
from reports.build.hook_errors import guarded


@guarded
def on_page_markdown(markdown, page, config, files):
    build = context.current()
    page.edit_url = edit_links.edit_url(page.file.src_uri, build.site.forge, build.rel(build.docs_dir))
    return markdown
