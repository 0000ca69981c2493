"""MkDocs hook: every page carries a Content-Security-Policy
(``reports.render.content_policy``).

It runs after every other hook has changed the page (lowest priority), since
the hashes of the inline scripts must match the final bytes.
"""

from __future__ import annotations

import pathlib

from mkdocs.plugins import event_priority

from reports.build import context
from reports.build.hook_errors import guarded
from reports.render import content_policy


@event_priority(-100)
@guarded
def on_post_page(output, page, config):
    return content_policy.apply(output, context.current().script_hashes)


@event_priority(-100)
@guarded
def on_post_template(output, template_name, config):
    # 404.html is rendered from a template, not a page (see search_worker).
    if template_name == "404.html":
        return content_policy.apply(output, context.current().script_hashes)
    return output


@guarded
def on_post_build(config):
    # The same policy as a server header (README: 部署到内网), for every page at once.
    policy = content_policy.header_policy(context.current().script_hashes)
    (pathlib.Path(config.site_dir) / content_policy.HEADER_FILE).write_text(policy + "\n", "utf-8")
