"""The shape of hooks/: thin MkDocs entry points over one layered package.

Walks the imports of every module of ``hooks/reports`` with ``ast`` (nothing
is imported) and fails on an import that points up or sideways between
layers, on a cycle, on an import of ``reports`` hidden inside a function, and
on library code importing an entry hook.  MkDocs loads each hook by its file
path, so a library module importing one would load a second copy of it.
"""

from __future__ import annotations

import ast
import pathlib
import re


ROOT = pathlib.Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
PACKAGE = HOOKS / "reports"

# Lower rank = lower layer.  A module may import layers of lower rank and its
# own layer; layers of equal rank do not import each other.
RANKS = {"source": 0, "model": 1, "checks": 2, "knowledge": 2, "render": 3, "search": 3, "commands": 4, "build": 4}
MAX_HOOK_LINES = 80


def module_name(path: pathlib.Path, hooks: pathlib.Path) -> str:
    parts = path.relative_to(hooks).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in RANKS else None


def imports(path: pathlib.Path):
    """``(name imported, line, at top level)`` for each import naming ``reports``."""
    tree = ast.parse(path.read_text("utf-8"))
    top = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from reports.model import archive``: the module reports.model.archive;
            # ``from reports.model.archive import Year``: resolved to the module below.
            names = [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            if name == "reports" or name.startswith("reports."):
                yield name, node.lineno, id(node) in top


def graph(hooks: pathlib.Path = HOOKS) -> dict:
    """Module -> {(module it imports, line, at top level)} for the package under ``hooks``."""
    found = {module_name(p, hooks): p for p in sorted((hooks / "reports").rglob("*.py"))}

    def resolve(name):  # reports.model.archive.Year -> reports.model.archive
        while name and name not in found:
            name = name.rpartition(".")[0]
        return name

    out = {}
    for name, path in found.items():
        out[name] = set()
        for target, line, top in imports(path):
            target = resolve(target)
            # ``from reports.model import archive`` names the package too: keep the module.
            if target and not (name != target and name.startswith(target + ".")) and target != "reports":
                out[name].add((target, line, top))
    return out


def upward(edges: dict) -> list:
    wrong = []
    for name, targets in edges.items():
        here = layer_of(name)
        for target, line, _ in targets:
            there = layer_of(target)
            if here and there and here != there and RANKS[there] >= RANKS[here]:
                wrong.append(f"{name}:{line} imports {target}")
    return sorted(wrong)


def cycles(edges: dict) -> list:
    plain = {name: {t for t, _, _ in targets if t != name} for name, targets in edges.items()}
    found = set()

    def visit(node, path):
        for target in sorted(plain.get(node, ())):
            if target in path:
                found.add(" → ".join(path[path.index(target):] + [target]))
            elif len(path) < len(plain):
                visit(target, path + [target])

    for start in sorted(plain):
        visit(start, [start])
    return sorted(found)


def hidden(edges: dict) -> list:
    return sorted(f"{name}:{line} {target}" for name, targets in edges.items()
                  for target, line, top in targets if not top)


def test_every_import_points_down():
    assert upward(graph()) == []


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_no_import_of_the_package_inside_a_function():
    assert hidden(graph()) == []


def entry_hooks() -> list:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    listed = re.search(r"^hooks:\n((?:[ \t]+- .*\n)+)", config, re.M).group(1)
    return [line.split("- ", 1)[1].strip() for line in listed.splitlines()]


def test_hooks_folder_holds_only_the_entry_hooks_and_the_package():
    assert sorted(p.relative_to(ROOT).as_posix() for p in HOOKS.glob("*.py")) == sorted(entry_hooks())
    assert sorted(p.name for p in HOOKS.iterdir() if p.name != "__pycache__") == sorted(
        [pathlib.Path(h).name for h in entry_hooks()] + ["README.md", "reports"])


def test_entry_hooks_are_thin_and_never_imported_by_the_package():
    stems = {pathlib.Path(h).stem for h in entry_hooks()}
    for hook in entry_hooks():
        lines = (ROOT / hook).read_text("utf-8").count("\n")
        assert lines <= MAX_HOOK_LINES, f"{hook} has {lines} lines"
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            assert not stems & set(names), f"{path.relative_to(ROOT)}:{node.lineno} imports an entry hook"


def test_the_walk_finds_an_upward_import_a_cycle_and_a_hidden_import(tmp_path):
    fake = tmp_path / "hooks" / "reports"
    for layer in ("model", "render"):
        (fake / layer).mkdir(parents=True)
        (fake / layer / "__init__.py").write_text("", "utf-8")
    (fake / "model" / "a.py").write_text("from reports.render import b\n", "utf-8")
    (fake / "render" / "b.py").write_text("import os\n\n\ndef f():\n    from reports.model import a\n", "utf-8")
    edges = graph(tmp_path / "hooks")
    assert upward(edges) == ["reports.model.a:1 imports reports.render.b"]
    assert cycles(edges) == ["reports.model.a → reports.render.b → reports.model.a",
                             "reports.render.b → reports.model.a → reports.render.b"]
    assert hidden(edges) == ["reports.render.b:5 reports.model.a"]
