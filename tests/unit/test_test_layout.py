"""The shape of tests/: three kinds of test, helpers in one package.

* ``tests/unit``: in memory, no build: text in, values or problems out;
* ``tests/site``: builds a site or runs a command on a copy of a project;
* ``tests/browser``: drives Chromium (Playwright, axe-core);
* ``tests/support``: the helpers they share; fixtures are in conftest.py.

Reads every module with ``ast`` (nothing is imported) and fails when a test
module imports another test module or a conftest (a helper used twice
belongs in tests/support), when a unit test imports what builds a site, runs
a process or drives a browser, or asks for a fixture that does, when a
conftest.py holds more than fixtures, and when a module other than the
benchmark script touches ``sys.path`` (pytest.ini sets it up).
"""

from __future__ import annotations

import ast
import pathlib

TESTS = pathlib.Path(__file__).resolve().parents[1]
# A script run on its own (`make bench`): it puts hooks/ on sys.path itself.
SCRIPTS = {"bench.py"}
# What a unit test must not import: builds, processes, browsers.
BUILD_MODULES = ("subprocess", "playwright", "axe_playwright_python", "mkdocs.commands",
                 "support.project", "support.forge", "support.browser", "bench")
BUILD_NAMES = {"mkdocs_build", "copy_project", "fixture_project", "run_command", "command_line",
               "run_check", "broken_copy", "clerks_forge"}
# Fixtures that build a site, run Git or start a browser (tests/conftest.py, tests/browser/conftest.py).
BUILD_FIXTURES = {"site", "fictional_project", "search_archive", "git_server", "browser", "base_url",
                  "open_page"}


def modules(tests: pathlib.Path = TESTS) -> list:
    return sorted(p for p in tests.rglob("*.py")
                  if "fixtures" not in p.relative_to(tests).parts and "__pycache__" not in p.parts)


def imported(tree: ast.AST):
    """``(module, names, line)`` for every import, wherever it stands."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, (), node.lineno
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            yield module, tuple(a.name for a in node.names), node.lineno


def is_test_module(name: str) -> bool:
    parts = name.lstrip(".").split(".")
    return name.startswith(".") or any(p == "conftest" or p.startswith("test_") for p in parts)


def imports_of_test_modules(tests: pathlib.Path = TESTS) -> list:
    """Imports of a test module or a conftest (or relative ones, which would reach them)."""
    wrong = []
    for path in modules(tests):
        for module, names, line in imported(ast.parse(path.read_text("utf-8"))):
            targets = [module] + [f"{module}.{n}" for n in names]
            if any(is_test_module(t) for t in targets):
                wrong.append(f"{path.relative_to(tests).as_posix()}:{line} imports {module}")
    return wrong


def build_imports(tests: pathlib.Path = TESTS) -> list:
    """In tests/unit: imports of the build helpers, and tests asking for built fixtures."""
    wrong = []
    for path in modules(tests):
        rel = path.relative_to(tests)
        if rel.parts[0] != "unit":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for module, names, line in imported(tree):
            targets = [module] + [f"{module}.{n}" for n in names]
            if any(t == m or t.startswith(m + ".") for t in targets for m in BUILD_MODULES) \
                    or set(names) & BUILD_NAMES:
                wrong.append(f"{rel.as_posix()}:{line} imports {module}")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                asked = {a.arg for a in node.args.args} & BUILD_FIXTURES
                if asked:
                    wrong.append(f"{rel.as_posix()}:{node.lineno} {node.name} asks for {sorted(asked)}")
    return wrong


def is_fixture(node: ast.stmt) -> bool:
    def name(decorator):
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        return ast.unparse(target)
    return isinstance(node, ast.FunctionDef) and any(
        name(d) in ("pytest.fixture", "fixture") for d in node.decorator_list)


def conftest_extras(tests: pathlib.Path = TESTS) -> list:
    """Top-level statements of conftest.py files other than a docstring, imports and fixtures."""
    wrong = []
    for path in modules(tests):
        if path.name != "conftest.py":
            continue
        for index, node in enumerate(ast.parse(path.read_text("utf-8")).body):
            docstring = index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            if not (docstring or isinstance(node, (ast.Import, ast.ImportFrom)) or is_fixture(node)):
                wrong.append(f"{path.relative_to(tests).as_posix()}:{node.lineno} {type(node).__name__}")
    return wrong


def sys_path_uses(tests: pathlib.Path = TESTS) -> list:
    wrong = []
    for path in modules(tests):
        if path.relative_to(tests).as_posix() in SCRIPTS:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "path" and ast.unparse(node.value) == "sys":
                wrong.append(f"{path.relative_to(tests).as_posix()}:{node.lineno}")
    return wrong


def test_no_test_module_imports_another():
    assert imports_of_test_modules() == []


def test_unit_tests_build_nothing():
    assert build_imports() == []


def test_conftest_files_hold_fixtures_only():
    assert conftest_extras() == []


def test_only_pytest_ini_sets_up_sys_path():
    assert sys_path_uses() == []


def test_every_test_module_is_in_the_folder_of_its_kind():
    kinds = {"unit", "site", "browser"}
    stray = [p.relative_to(TESTS).as_posix() for p in modules()
             if p.name.startswith("test_") and p.relative_to(TESTS).parts[0] not in kinds]
    assert stray == []


def test_the_walk_finds_each_kind_of_mistake(tmp_path):
    def write(rel, text):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")

    write("conftest.py", '"""Fixtures."""\nimport sys\nimport pytest\nROOT = 1\n\n\n'
                         "@pytest.fixture\ndef site():\n    return 1\n\n\ndef helper():\n    pass\n")
    # The module names are spelt apart so that grepping tests/ for imports of
    # test modules finds the real ones only.
    a, b, e = ("test" + "_" + letter for letter in "abe")
    write(f"site/{a}.py", f"from {b} import helper\nfrom conftest import ROOT\nimport subprocess\n")
    write(f"site/{b}.py", f"from . import {a}\n\n\ndef helper():\n    pass\n")
    write("unit/test_c.py", "import sys\nfrom support.project import mkdocs_build\n"
                            "from support import project\nfrom playwright.sync_api import sync_playwright\n\n\n"
                            "def test_x(site, tmp_path):\n    sys.path.insert(0, 'x')\n")
    write("unit/test_d.py", "import re\nfrom support.repository import ROOT\n\n\ndef test_y(source_2023):\n    pass\n")
    write(f"fixtures/archive/hooks/{e}.py", f"from {a} import helper\nimport subprocess\n")
    write("bench.py", "import sys\nsys.path.insert(0, 'hooks')\n")
    assert imports_of_test_modules(tmp_path) == [
        "site/test_a.py:1 imports test_b", "site/test_a.py:2 imports conftest",
        "site/test_b.py:1 imports ."]
    assert build_imports(tmp_path) == [
        "unit/test_c.py:2 imports support.project", "unit/test_c.py:3 imports support",
        "unit/test_c.py:4 imports playwright.sync_api", "unit/test_c.py:7 test_x asks for ['site']"]
    assert conftest_extras(tmp_path) == ["conftest.py:4 Assign", "conftest.py:12 FunctionDef"]
    assert sys_path_uses(tmp_path) == ["unit/test_c.py:8"]
