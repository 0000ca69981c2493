"""The build context: made once per build by site_data, read by every hook."""

from __future__ import annotations

import pathlib
import types

import pytest
from mkdocs.exceptions import Abort

from reports.build import context
from reports.search import worker


def config(tmp_path, **extra):
    docs = tmp_path / "docs"
    (docs / worker.WORKER).parent.mkdir(parents=True, exist_ok=True)
    (docs / worker.WORKER).write_text("// worker\n", "utf-8")
    return types.SimpleNamespace(docs_dir=str(docs), site_dir=str(tmp_path / "site"), site_name="档案",
                                 use_directory_urls=True, extra=extra)


@pytest.fixture(autouse=True)
def no_build(monkeypatch):
    monkeypatch.setattr(context, "_current", None)


def test_a_hook_before_site_data_is_told_so():
    with pytest.raises(RuntimeError, match="site_data hook must run before the other hooks"):
        context.current()


def test_start_takes_what_the_hooks_need_from_the_config(tmp_path):
    archive = object()
    git = {"forge": "gitea", "repo_url": "http://git.example.invalid/fzbg/reports"}
    build = context.start(config(tmp_path, office={"name": "示例办", "short_name": "示例"}, git=git),
                          tmp_path, archive)
    assert context.current() is build
    assert build.archive is archive and build.root == tmp_path
    assert (build.docs_dir, build.site_dir) == (tmp_path / "docs", tmp_path / "site")
    assert (build.site.site_name, build.site.office, build.site.office_short) == ("档案", "示例办", "示例")
    assert build.site.forge.url("data/years/2023.yml") == \
        "http://git.example.invalid/fzbg/reports/_edit/main/data/years/2023.yml"
    assert build.worker_version == worker.version(tmp_path / "docs")
    assert build.fragments == {}
    assert build.rel(tmp_path / "docs" / "2023" / "index.md") == "docs/2023/index.md"


def test_every_build_starts_afresh(tmp_path):
    """``mkdocs serve``: what one build set aside never reaches the next."""
    first = context.start(config(tmp_path), tmp_path, object())
    first.fragments["index.md"] = ["<p>old</p>"]
    second = context.start(config(tmp_path), tmp_path, object())
    assert context.current() is second and second.fragments == {} and second.site.forge is None


def test_without_the_search_worker_there_is_no_build(tmp_path):
    settings = config(tmp_path)
    (pathlib.Path(settings.docs_dir) / worker.WORKER).unlink()
    with pytest.raises(Abort, match="缺少搜索程序"):
        context.start(settings, tmp_path, object())
    with pytest.raises(RuntimeError):
        context.current()
