"""requirements.txt is what the site needs; requirements-test.txt adds the
test tools.  Both pin every package at an exact version, and nothing that
only the tests use is installed by ``make build`` or ``make serve``.

``make build`` installs requirements.txt alone (tests/test_make_setup.py
shows which file each target installs), so a fresh .venv holds exactly the
closure of that file.  Two ways to see that closure:

* offline, from the metadata of the packages installed here: every
  dependency of a pinned package is pinned in the same file;
* with pip's resolver (``pip install --dry-run --ignore-installed``, as into
  an empty venv), when a package index is reachable: it would install
  exactly the pinned packages, no more and no fewer.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import sys

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from support.repository import ROOT

# Installed by make test only.
TEST_TOOLS = {"pytest", "playwright", "axe-playwright-python", "check-jsonschema", "zizmor", "properdocs"}
# What the site's commands import (hooks, make check, make import, make new-year).
SITE_NEEDS = {"mkdocs", "mkdocs-material", "jieba", "python-docx", "readability-lxml", "pypinyin", "pyyaml", "jinja2", "markdown",
              "pymdown-extensions"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][A-Za-z0-9.+!-]*)$")


def pins(name: str) -> dict[str, str]:
    """``{canonical name: version}`` of a requirements file, following ``-r``."""
    found = {}
    for line in (ROOT / name).read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-r "):
            found.update(pins(line[3:].strip()))
            continue
        match = PIN.match(line)
        assert match, f"{name}: not an exact pin: {line}"
        key = canonicalize_name(match.group(1))
        assert key not in found, f"{name}: {key} pinned twice"
        found[key] = match.group(2)
    return found


def test_every_line_is_an_exact_pin_and_the_test_file_adds_to_the_site_file():
    runtime, everything = pins("requirements.txt"), pins("requirements-test.txt")
    assert (ROOT / "requirements-test.txt").read_text("utf-8").count("-r requirements.txt\n") == 1
    assert runtime.items() <= everything.items()
    assert SITE_NEEDS <= runtime.keys()
    assert TEST_TOOLS <= everything.keys()
    assert not TEST_TOOLS & runtime.keys(), "a test tool in requirements.txt"
    assert runtime["mkdocs"].startswith("1.") and runtime["mkdocs-material"].startswith("9.")


def dependencies(distribution) -> set[str]:
    """What ``distribution`` needs here, without extras."""
    needed = set()
    for text in distribution.requires or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            needed.add(canonicalize_name(requirement.name))
    return needed


def closure_problems(name: str) -> list[str]:
    pinned = pins(name)
    problems = []
    for package, version in sorted(pinned.items()):
        try:
            distribution = importlib.metadata.distribution(package)
        except importlib.metadata.PackageNotFoundError:
            pytest.skip(f"{package} 未安装：make test 按 requirements-test.txt 安装后再运行")
        if distribution.version != version:
            problems.append(f"{package}: {distribution.version} installed, {version} pinned")
        for needed in sorted(dependencies(distribution) - pinned.keys()):
            problems.append(f"{package} needs {needed}, not pinned in {name}")
    return problems


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-test.txt"])
def test_each_file_pins_every_dependency_of_its_packages(name):
    assert closure_problems(name) == []


def test_the_site_file_needs_nothing_that_only_the_tests_need():
    """No package of requirements.txt depends on a test-only package: were it
    so, the closure test above would fail for requirements.txt."""
    test_only = pins("requirements-test.txt").keys() - pins("requirements.txt").keys()
    assert TEST_TOOLS <= test_only
    for package in pins("requirements.txt"):
        distribution = importlib.metadata.distribution(package)
        assert not dependencies(distribution) & test_only, package


NETWORK_TROUBLE = ("NewConnectionError", "Max retries exceeded", "ConnectTimeout", "ReadTimeout",
                   "Temporary failure in name resolution", "Network is unreachable", "ProxyError",
                   "No route to host", "Connection refused", "Could not fetch URL")


def resolve(name: str, tmp_path) -> dict[str, str]:
    """What pip would install from ``name`` into an empty venv."""
    report = tmp_path / "report.json"
    # Only the index settings of the environment (PIP_INDEX_URL, …), not this
    # machine's pip configuration files.
    env = dict(os.environ, PIP_CONFIG_FILE=os.devnull)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
         "--disable-pip-version-check", "--report", str(report), "-r", str(ROOT / name)],
        capture_output=True, text=True, env=env, timeout=240)
    if result.returncode != 0 and any(text in result.stderr for text in NETWORK_TROUBLE):
        pytest.skip("无法访问软件包索引（可设置 PIP_INDEX_URL 指向内网镜像）：" + result.stderr.strip()[-300:])
    assert result.returncode == 0, result.stderr
    install = json.loads(report.read_text("utf-8"))["install"]
    return {canonicalize_name(item["metadata"]["name"]): item["metadata"]["version"] for item in install}


def test_pip_would_install_exactly_the_site_pins_into_a_fresh_venv(tmp_path):
    resolved = resolve("requirements.txt", tmp_path)
    assert resolved == pins("requirements.txt")
    assert not TEST_TOOLS & resolved.keys()


def test_pip_would_install_exactly_the_test_pins_into_a_fresh_venv(tmp_path):
    assert resolve("requirements-test.txt", tmp_path) == pins("requirements-test.txt")
