"""Projects on disk, built and checked the way ``make`` does it.

Every helper here starts a process (``mkdocs build --strict`` or ``python -m
reports <command>``) or copies a project for one, which is why unit tests
must not import this module (tests/unit/test_test_layout.py holds that).
"""

from __future__ import annotations

import os
import pathlib
import re
import shutil
import subprocess
import sys

from support.repository import FIXTURE_ARCHIVE, FIXTURE_OFFICE, HOOKS, ROOT


def mkdocs_build(project: pathlib.Path, site_dir: pathlib.Path, env=None):
    """Run ``mkdocs build --strict`` on ``project``; return the completed process."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=environment, timeout=300)


def copy_project(dest: pathlib.Path) -> pathlib.Path:
    """A copy of the project's sources, for tests that change them."""
    for name in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / name, dest / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def fixture_project(dest: pathlib.Path, lock: bool = True,
                    archive: pathlib.Path = FIXTURE_ARCHIVE) -> pathlib.Path:
    """A project made of a fictional archive (by default tests/fixtures/archive)
    and this repository's hooks, configuration and assets."""
    shutil.copytree(archive / "docs", dest / "docs")
    shutil.copytree(archive / "data", dest / "data")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    for page in (ROOT / "docs").glob("*.md"):  # site-wide pages: markers only
        shutil.copy2(page, dest / "docs" / page.name)
    shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
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


def run_check(project):
    """``make check`` on ``project``."""
    return run_command("check", project)


def broken_copy(tmp_path, path, old, new):
    """A copy of the project in which ``old`` (which must be there) is
    replaced once by ``new`` in the file ``path``."""
    project = copy_project(tmp_path / "p")
    file = project / path
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")
    return project


def snapshot(project) -> dict:
    """Every file of ``project`` and its bytes: to show a command changed
    exactly what it says, or nothing."""
    return {p.relative_to(project).as_posix(): p.read_bytes()
            for p in sorted(project.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}
