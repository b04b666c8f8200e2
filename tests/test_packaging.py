"""The wheel installs one import namespace, ``minutes``, and every package of the tree.

Building a wheel needs the network here (build isolation), so this reads what the build
reads: pyproject's package list and package-dir mapping, against the folders on disk.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_is_under_the_minutes_namespace():
    assert [p for p in SETUPTOOLS["packages"] if p != "minutes" and not p.startswith("minutes.")] == []
    assert all(name.startswith("minutes.") for name in SETUPTOOLS["package-dir"])


def test_every_package_folder_of_the_tree_is_shipped():
    """A package folder missing from the list would import from a checkout and fail once installed."""
    mapped = {ROOT / folder: name for name, folder in SETUPTOOLS["package-dir"].items()} | {ROOT / "minutes": "minutes"}
    on_disk = set()
    for top, name in mapped.items():
        for init in top.rglob("__init__.py"):
            relative = init.parent.relative_to(top).parts
            on_disk.add(".".join([name, *relative]))
    assert on_disk - set(SETUPTOOLS["packages"]) == set()


def test_every_name_the_package_exports_resolves():
    """``import minutes`` is the library's front door: each lazy name must lead somewhere."""
    import minutes

    missing = [name for name in minutes.__all__ if getattr(minutes, name, None) is None]
    assert missing == []
    assert minutes.StoredTask.__module__ == "minutes.store.records"
