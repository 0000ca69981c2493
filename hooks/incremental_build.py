"""MkDocs hook: under ``mkdocs serve --dirty`` (``make serve``), rebuild only
the pages a change can show (``reports.build.incremental``; which pages,
from checksums of the inputs: ``reports.build.changes``).

``mkdocs build`` is not dirty: then every function here returns at once and
the build is full, as before.  Listed in ``mkdocs.yml`` after
``generated_pages`` (its ``on_files`` sees every page) and before
``search_index`` (its ``on_post_build`` completes the theme's index before
that hook adjusts it).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from reports.build import context
from reports.build import incremental
from reports.build.hook_errors import guarded


def on_startup(command, dirty):
    incremental.startup(dirty)


@event_priority(100)  # before any hook reads a file
@guarded
def on_config(config):
    incremental.begin(config)
    return config


@guarded
def on_pre_build(config):
    incremental.decide(config)


@event_priority(-50)  # after every other hook has added its files
@guarded
def on_files(files, config):
    incremental.apply(files, config, context.current().archive)
    return files


@guarded
def on_env(env, config, files):
    incremental.theme_env(env)
    return env


@guarded
def on_post_build(config):
    incremental.finish(config.site_dir, context.current().script_hashes)


def on_build_error(error):
    incremental.failed()
