"""minutes — collect, understand, archive and write up environmental-governance meetings.

The library API (the CLI is a thin layer over it)::

    import minutes
    doc = minutes.read("notice.docx")                  # Document: blocks, title, published, raw bytes
    doc, extraction = minutes.understand(doc)          # normalized Document + Extraction
    with minutes.Archive("minutes.db") as archive:
        stored = archive.document(archive.save(doc, extraction).id)   # StoredDocument
        hits = minutes.search(archive, "应急减排")             # list[Hit], each with a StoredTask for task searches
        overdue = archive.tasks(overdue=True)                # list[StoredTask]: id, status, history, units, deadline

Names are resolved lazily so that importing ``minutes`` (and ``minutes --help``)
loads neither jieba, OpenCC nor the extraction rules.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from minutes.errors import ArchiveError, DocumentError, ExtractionError, MinutesError, ReadError, ScrapeError
from minutes.models import Assignment, Deadline, Document, Extraction, Meeting, Person, Table, Task

__version__ = "0.1.0"

_LAZY = {
    "read": "minutes.readers",
    "read_bytes": "minutes.readers",
    "normalize": "minutes.nlp.normalize",
    "extract": "minutes.nlp",
    "resolve_deadline": "minutes.nlp.deadline:resolve",
    "understand": "minutes.ingest",
    "ingest": "minutes.ingest",
    "import_paths": "minutes.ingest",
    "Archive": "minutes.store",
    "search": "minutes.store",
    "Hit": "minutes.store",
    "StoredDocument": "minutes.store",
    "StoredTask": "minutes.store",
    "StoredAssignment": "minutes.store",
    "TaskEvent": "minutes.store",
}

__all__ = [
    "ArchiveError", "Assignment", "Deadline", "Document", "DocumentError", "Extraction",
    "ExtractionError", "Meeting", "MinutesError", "Person", "ReadError", "ScrapeError",
    "Table", "Task", *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, _, attribute = _LAZY[name].partition(":")
        return getattr(import_module(module), attribute or name)
    raise AttributeError(f"module 'minutes' has no attribute {name!r}")
