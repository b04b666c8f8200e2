"""Fixtures every test module may use: where the shared corpus is, and its documents."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS_SUFFIXES = (".txt", ".html", ".htm", ".docx")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (read-only; never copy its texts into the project)."""
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def corpus_files(shared_dir: Path) -> list[Path]:
    """Every input document of the seed and dev corpus (not the .gold.json files), sorted."""
    return sorted(
        path
        for folder in ("seeds", "dev")
        for path in (shared_dir / "corpus" / folder).iterdir()
        if path.suffix.lower() in CORPUS_SUFFIXES
    )
