"""Shared fixtures: the project's hooks on sys.path and a built site.

The real site is built once per test session, the same way ``make build``
builds it, into a temporary folder; tests then read its HTML.
"""

from __future__ import annotations

import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
# The report as first published, kept in the repository as the reference for
# the verbatim tests (and for errata: the original must stay readable).
SOURCE_2023 = ROOT / "data" / "sources" / "2023-report.txt"
SHARED_SOURCE_2023 = ROOT.parent / "shared" / "sources" / "2023-report.txt"
sys.path.insert(0, str(HOOKS))


def mkdocs_build(project: pathlib.Path, site_dir: pathlib.Path, env=None):
    """Run ``mkdocs build --strict`` on ``project``; return the completed process."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=environment, timeout=300)


def copy_project(dest: pathlib.Path) -> pathlib.Path:
    """A copy of the project's sources, for tests that change them."""
    for name in ("docs", "data", "hooks"):
        shutil.copytree(ROOT / name, dest / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


FIXTURE_ARCHIVE = ROOT / "tests" / "fixtures" / "archive"
FIXTURE_OFFICE = "示例区示例办公室（测试数据）"


def fixture_project(dest: pathlib.Path, lock: bool = True) -> pathlib.Path:
    """A project made of the fictional archive in tests/fixtures/archive and
    this repository's hooks, configuration and assets."""
    shutil.copytree(FIXTURE_ARCHIVE / "docs", dest / "docs")
    shutil.copytree(FIXTURE_ARCHIVE / "data", dest / "data")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    for page in (ROOT / "docs").glob("*.md"):  # site-wide pages: markers only
        shutil.copy2(page, dest / "docs" / page.name)
    shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("天津市津南区国防动员办公室", FIXTURE_OFFICE)
    config = re.sub(r"^site_name: .*$", "site_name: 测试档案", config, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, "utf-8")
    if lock:
        result = run_command("lock", dest)
        assert result.returncode == 0, result.stdout + result.stderr
    return dest


def command_line(command: str, project: pathlib.Path, *args):
    """``(argv, env)`` of one of the project's commands (``python -m reports
    <command>``, what the Makefile runs), taken from the project's own copy of
    the hooks when it has one."""
    hooks = project / "hooks" if (project / "hooks" / "reports").is_dir() else HOOKS
    return ([sys.executable, "-m", "reports", command, *map(str, args)],
            dict(os.environ, PYTHONPATH=str(hooks)))


def run_command(command: str, project: pathlib.Path, *args):
    """Run a command against ``project`` (named as its last argument)."""
    argv, env = command_line(command, project, *args, project)
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of the session.

    Playwright's sync API allows one instance per thread at a time, so the
    browser test modules share this one (each test opens its own context).
    """
    from browser_support import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} 不存在：浏览器测试需要 Debian 的 chromium 软件包"
                    "（以 root 运行 make browser 可安装）")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def source_2023() -> str:
    return SOURCE_2023.read_text("utf-8")
