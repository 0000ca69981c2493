"""Shared fixtures: the real site and the fictional archives, each built once
the way ``make build`` builds it, into a temporary folder (tests then read
its HTML); the 2023 report as first published; and a throwaway Git server on
which tests change the project the way a clerk does in the browser.

Helpers are in the ``support`` package; ``sys.path`` is set in pytest.ini.
"""

from __future__ import annotations

import pathlib
import shutil

import pytest

from support.forge import clerks_forge
from support.project import fixture_project, mkdocs_build
from support.repository import ROOT, SEARCH_ARCHIVE, SOURCE_2023


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def fictional_project(tmp_path_factory) -> pathlib.Path:
    """The fictional archive (tests/fixtures/archive) as a locked project, built
    once into its ``site/`` folder, for every test that only reads it.

    It is shared, so nothing may change it: a test that needs the archive
    changed makes its own project (``fixture_project``) or copies this one.
    """
    project = fixture_project(tmp_path_factory.mktemp("fictional") / "p")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def git_server(tmp_path_factory):
    """A throwaway Git server with this project and a draft year on ``main``
    (``support.forge.clerks_forge``), one per module that asks for it: each
    test commits on branches of its own and leaves ``main`` alone."""
    if shutil.which("git") is None:
        pytest.skip("git 未安装")
    return clerks_forge(tmp_path_factory.mktemp("forge"))


@pytest.fixture(scope="session")
def search_archive(tmp_path_factory) -> pathlib.Path:
    """The built site of the search fixture archive (tests/fixtures/search-archive),
    whose index the search evaluation runs on; read only, like ``site``."""
    project = fixture_project(tmp_path_factory.mktemp("search-archive") / "p", archive=SEARCH_ARCHIVE)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def source_2023() -> str:
    return SOURCE_2023.read_text("utf-8")


@pytest.fixture
def five_parts(monkeypatch):
    """A fifth part in the parts registry and nowhere else (``tests/*/test_parts.py``)."""
    from reports.model import parts, report_text

    fifth = parts.PartKind("others", "其他事项", "{year}年度其他需要报告的事项",
                           keywords=("其他",), keywords_hint="其他", markers=("year:figures",))
    monkeypatch.setattr(parts, "PARTS", parts.PARTS + (fifth,))
    monkeypatch.setattr(report_text, "PARTS", parts.PARTS)
