"""The importer's jobs: the pure ones neither write files nor print."""

from __future__ import annotations

import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "hooks" / "reports" / "commands" / "importer"
PURE = ("decode", "portal", "word_numbering", "metadata", "title", "structure", "placement", "pages",
        "proposals", "catalogue", "plan")
# Calls that print or change the disk.
EFFECTS = {"print", "open", "write", "write_text", "write_bytes", "mkdir", "unlink", "rmdir", "touch",
           "rename", "makedirs", "remove", "rmtree", "copy", "copy2", "copytree", "save"}


def effects(source: str) -> list:
    """``"line: name"`` of each call that prints or writes, and each import of one."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in EFFECTS:
                found.append(f"{node.lineno}: {name}")
        elif isinstance(node, (ast.ImportFrom, ast.Import)):
            names = [a.name for a in node.names]
            if "write" in names or "sys" in names:
                found.append(f"{node.lineno}: import {', '.join(names)}")
    return sorted(found, key=lambda entry: int(entry.split(":")[0]))


@pytest.mark.parametrize("module", PURE)
def test_pure_jobs_neither_write_nor_print(module):
    assert effects((PACKAGE / f"{module}.py").read_text("utf-8")) == []


def test_the_walk_finds_printing_and_writing():
    assert effects("import sys\nprint(1)\npath.write_text('x')\nfrom x import write\n") == [
        "1: import sys", "2: print", "3: write_text", "4: import write"]
    assert effects((PACKAGE / "command.py").read_text("utf-8")) != []


def test_every_job_has_its_module():
    assert sorted(p.stem for p in PACKAGE.glob("*.py")) == sorted(PURE + ("__init__", "command", "report"))
