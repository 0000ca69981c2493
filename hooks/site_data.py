"""MkDocs hook: load and check all data and pages once, before anything else.

Every problem in the project is collected first and printed together, in the
same ``file:line:col`` form as ``make check``; then the build stops, so that a
broken pull request fails CI instead of publishing a half-built site.
"""

from __future__ import annotations

import logging
import pathlib

from mkdocs.exceptions import Abort

import reports.checks as checks
from reports.checks import site_config
from reports.render import navigation
from reports.render import text_only
from reports.build import context
from reports.build.hook_errors import guarded

log = logging.getLogger("mkdocs.hooks.site_data")


@guarded
def on_config(config):
    root = pathlib.Path(config.config_file_path).resolve().parent
    archive, problems = checks.check_project(root, docs_dir=config.docs_dir)
    problems += site_config.check(config, pathlib.Path(config.config_file_path).read_text("utf-8"))
    for problem in problems:
        (log.error if problem.is_error else log.info)(problem.format())
    errors = [p for p in problems if p.is_error]
    if errors:
        raise Abort(f"数据或页面有 {len(errors)} 个错误（见上方），构建中止。"
                    "运行 make check 可单独检查。")
    context.start(config, root, archive)
    text_only.install(config)  # pages are text: raw HTML is printed, never obeyed
    config.nav = navigation.build(archive, pathlib.Path(config.docs_dir))
    return config
