"""MkDocs hook: drop the indentation the theme's templates leave in every
page (``render.compact`` says how and why it is safe)."""

from __future__ import annotations

from reports.render import compact
from reports.build.hook_errors import guarded


@guarded
def on_post_page(output, page, config):
    return compact.compact(output)
