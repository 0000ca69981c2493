"""MkDocs hook: fill the markers of every page and anchor the report text.

Pages hold only the published prose and markers; this hook, on each page,
gives the report's headings and paragraphs their stable anchors
(``report_text``) and replaces each marker by what its handler renders
(``page_fragments.fill``).  Problems found here abort the build with the file
and line, never a traceback.  Rendered HTML is set aside in the build context
while Markdown runs and put back into the page's HTML afterwards.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort

from reports.render import page_fragments
from reports.render import templating
from reports.model import report_text
from reports.build import context
from reports.build.hook_errors import guarded

log = logging.getLogger("mkdocs.hooks.report_markers")


@guarded
def on_page_markdown(markdown, page, config, files):
    build = context.current()
    src_uri = page.file.src_uri
    page_ctx = page_fragments.Context(src_uri=src_uri, archive=build.archive, config=build.site,
                                      memo=build.per_year)
    path = page.file.abs_src_path  # None for generated pages
    text, problems = page_fragments.fill(page_ctx, markdown,
                                         build.rel(path) if path else f"（自动生成）{src_uri}",
                                         lambda: _first_line(page))
    if problems:
        for problem in problems:
            log.error(problem.format())
        raise Abort(f"页面 {src_uri} 有 {len(problems)} 个问题，构建中止。")
    text, build.fragments[src_uri] = templating.set_aside(text)
    return text


@guarded
def on_page_content(html, page, config, files):
    return templating.restore(html, context.current().fragments.pop(page.file.src_uri, []))


def _first_line(page) -> str:
    """File line of the body's first line (front matter shifts it)."""
    if page.file.abs_src_path is None:
        return 1
    try:
        with open(page.file.abs_src_path, encoding="utf-8") as handle:
            return report_text.body_of(handle.read())[1]
    except (OSError, UnicodeDecodeError):
        return 1
