"""MkDocs hook: the footer of every page (``reports.render.site_footer``).

The theme's pages are rendered by the theme's own environment; the footer,
made once per build, is handed to them as a global that
``overrides/partials/copyright.html`` prints.
"""

from __future__ import annotations

from mkdocs import utils

from reports.build.hook_errors import guarded
from reports.render import site_footer


@guarded
def on_env(env, config, files):
    # get_build_datetime reads SOURCE_DATE_EPOCH, set by reproducible.py.
    env.globals["site_footer"] = site_footer.html(site_footer.footer(config.extra, utils.get_build_datetime()))
    return env
