"""The archive the web tests serve: the bundled samples (one of them found by a
Traditional query) plus a hostile document whose text and source are markup."""

from __future__ import annotations

from pathlib import Path

from minutes.store import Archive
from minutes.ingest import import_paths, ingest
from minutes.readers import read_bytes

HERE = Path(__file__).parent
SAMPLES = Path(__file__).resolve().parents[2] / "minutes" / "samples"
HOSTILE_SOURCE = "javascript:alert('source')"


def build(db: Path) -> dict[str, int]:
    """Fill ``db``; returns the ids tests need (``hostile``: the hostile document)."""
    with Archive(db) as archive:
        summary = import_paths(archive, [SAMPLES])
        assert not summary.failed, summary.failed
        hostile = ingest(archive, read_bytes((HERE / "hostile.txt").read_bytes(), HOSTILE_SOURCE, kind="txt"))
    return {"hostile": hostile.id}
