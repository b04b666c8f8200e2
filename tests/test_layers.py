"""Imports go one way: every module of the package, every import (function-level and
type-only ones included), read with ``ast``.

The layer table below is the project's import direction (docs/architecture.md draws
it). A module may import from its own layer and the layers below, never from a layer
above; and no chain of imports may come back to where it started.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Bottom to top. A module belongs to the layer of the longest prefix that names it.
LAYERS: list[tuple[str, list[str]]] = [
    ("base", ["minutes", "minutes.models", "minutes.errors", "minutes.datafiles", "minutes.lines",
              "minutes.defaults", "minutes.office", "minutes.templates", "minutes.samples", "minutes.inputs",
              "minutes.patterns"]),
    ("reading and understanding", ["minutes.readers", "minutes.nlp"]),
    ("store", ["minutes.store"]),
    ("work", ["minutes.writers", "minutes.scrapers", "minutes.ingest", "minutes.drafts", "minutes.demo",
              "minutes.feedback"]),
    ("interfaces", ["minutes.cli", "minutes.web", "minutes.__main__"]),
]


def layer_of(module: str) -> int:
    best, level = -1, None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            exact_root = prefix == "minutes" and module == "minutes"
            if (exact_root or (prefix != "minutes" and (module == prefix or module.startswith(prefix + "."))))\
                    and len(prefix) > best:
                best, level = len(prefix), index
    if level is None:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in tests/test_layers.py")
    return level


def package_dirs() -> dict[str, Path]:
    """Import name → folder, as the wheel maps them (pyproject's package-dir)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapped = {name: ROOT / folder for name, folder in config.get("package-dir", {}).items()}

    def folder(name: str) -> Path:
        parent = max((p for p in mapped if name == p or name.startswith(p + ".")), key=len, default=None)
        if parent is None:
            return ROOT / name.replace(".", "/")
        return mapped[parent].joinpath(*name[len(parent) :].split(".")[1:])

    return {name: folder(name) for name in config["packages"]}


def modules() -> dict[str, Path]:
    found = {}
    for package, folder in package_dirs().items():
        for path in folder.glob("*.py"):
            found[package if path.stem == "__init__" else f"{package}.{path.stem}"] = path
    return found


MODULES = modules()


def imports_of(module: str, path: Path) -> set[str]:
    """Modules of the project that ``module`` imports anywhere in its source; names of
    the old top-level packages (``nlp``, ``scrapers``, ``templates``) are kept as written."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.stem == "__init__" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            # ``from minutes import datafiles`` imports the module minutes.datafiles
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            top = target.split(".")[0]
            if top in ("nlp", "scrapers", "templates"):
                found.add(target)
            elif top == "minutes":
                while target not in MODULES and "." in target:
                    target = target.rpartition(".")[0]
                found.add(target)
    found.discard(module)
    return found


GRAPH = {module: imports_of(module, path) for module, path in MODULES.items()}


def test_the_table_names_every_module_and_the_walk_sees_the_package():
    assert {"minutes.store.archive", "minutes.nlp.pipeline", "minutes.cli.app", "minutes.scrapers.run"} <= set(GRAPH)
    assert "minutes.store.index" in GRAPH["minutes.store.archive"]
    assert "minutes.nlp.components.tasks" in GRAPH["minutes.nlp.pipeline"]  # an import inside a function counts
    for module in GRAPH:
        layer_of(module)


def test_one_import_namespace():
    strays = {module: sorted(t for t in targets if not t.startswith("minutes")) for module, targets in GRAPH.items()}
    assert {m: t for m, t in strays.items() if t} == {}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_against_the_direction(module):
    upward = sorted(t for t in GRAPH[module] if t.startswith("minutes") and layer_of(t) > layer_of(module))
    assert upward == [], f"{module} ({LAYERS[layer_of(module)][0]}) imports from above: {upward}"


def test_no_import_cycle():
    cycles = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH.get(module, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target])
            elif target in GRAPH and not state.get(target):
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if not state.get(module):
            visit(module)
    assert cycles == []


@pytest.mark.parametrize(
    ("source", "module", "imports"),
    [
        ("from minutes.store import Archive\n", "minutes.cli.x", {"minutes.store"}),
        ("from minutes import datafiles\n", "minutes.lines", {"minutes.datafiles"}),
        ("def f():\n    from .archive import Archive\n", "minutes.store.search", {"minutes.store.archive"}),
        ("import nlp.deadline\n", "minutes.ingest", {"nlp.deadline"}),
        ("import json\nfrom typing import Any\n", "minutes.models", set()),
    ],
)
def test_the_walk_reads_every_kind_of_import(tmp_path, source, module, imports):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert imports_of(module, path) == imports
