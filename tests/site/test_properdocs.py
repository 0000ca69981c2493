"""The end-of-life plan: ProperDocs builds the same site as MkDocs 1.6.1.

MkDocs 1.x is unmaintained and mkdocs-material ends on 2027-05-05.
ProperDocs (PyPI ``properdocs``), a maintained fork of MkDocs 1.x, reads the
same mkdocs.yml and runs the same hooks; it installs beside mkdocs in one
venv (requirements-test.txt).  Both build the project here, and every file
is compared: the only difference allowed is the generator meta tag, which
names the program that built the page.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys

import pytest

from support.project import mkdocs_build
from support.repository import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def properdocs_build(project, site_dir, env):
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--quiet",
         "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=environment, timeout=300)


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path):
    if importlib.util.find_spec("properdocs") is None:
        pytest.skip("properdocs 未安装：make test 会按 requirements-test.txt 安装它")
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    built = mkdocs_build(ROOT, tmp_path / "mkdocs", env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    built = properdocs_build(ROOT, tmp_path / "properdocs", env)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "should be renamed" not in built.stderr  # -f mkdocs.yml: no warning about the file name

    mkdocs, properdocs = files(tmp_path / "mkdocs"), files(tmp_path / "properdocs")
    assert sorted(mkdocs) == sorted(properdocs)
    html = [name for name in mkdocs if name.endswith(".html")]
    assert len(html) >= 10 and "index.html" in html and "2023/index.html" in html

    differences = []
    for name, ours in mkdocs.items():
        theirs = properdocs[name]
        if ours == theirs:
            continue
        if name.endswith(".html"):
            generators = (GENERATOR.findall(ours), GENERATOR.findall(theirs))
            if GENERATOR.sub(b"", ours) == GENERATOR.sub(b"", theirs):
                # The only difference, with its reason: the program's name.
                assert generators == ([b"mkdocs-1.6.1, mkdocs-material-9.8.1"],
                                      [b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"]), name
                continue
        differences.append(name)
    assert differences == [], f"ProperDocs builds these files differently: {differences}"
    # Every page does carry the tag, so the loop above compared real pages.
    assert all(GENERATOR.search(mkdocs[name]) for name in html)
