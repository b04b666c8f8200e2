"""What the archive gives back: typed records of stored documents and tasks.

A stored task *is* a ``Task`` (text, units, deadline) plus what the archive knows about
it (id, status, history, the document it comes from), so everything that takes tasks —
the Word writers, drafts — takes stored ones as they are. Likewise a stored unit
assignment is an ``Assignment`` (the name as written in the document) plus the canonical
unit it stands for in the archive.

Adding a field to a stored task: declare it here, read it in ``Archive._tasks``.
``to_dict`` (the JSON the CLI prints and the web page serves) follows the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime
from typing import Any

from minutes.models import Assignment, Extraction, Meeting, Task


@dataclass
class TaskEvent:
    """One change in a task's life, as recorded (append-only)."""

    at: datetime
    by: str | None = None  # who made the change, when known
    from_status: str | None = None
    to_status: str | None = None
    note: str | None = None


@dataclass
class StoredAssignment(Assignment):
    """A unit named by a stored task: ``name`` as written in the document, ``unit`` the
    canonical unit of the archive it stands for (市生态环境局 → 成都市生态环境局)."""

    unit: str = ""


@dataclass(kw_only=True)
class StoredTask(Task):
    """A task as archived: ``text``, ``units`` (``StoredAssignment``) and ``deadline`` as
    extracted, plus its id, its position in the document, its status and history."""

    id: int
    document_id: int
    seq: int  # 1-based position in its document
    status: str = "open"  # one of minutes.store.TASK_STATUSES
    document_title: str | None = None
    document_published: date | None = None
    document_source: str = ""
    history: list[TaskEvent] = field(default_factory=list)  # oldest first

    def extracted(self) -> Task:
        """The task as extraction gave it (the ``minutes extract`` shape), without what the archive added."""
        return Task(self.text, [Assignment(u.name, u.role) for u in self.units], self.deadline)

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass
class StoredDocument:
    """A document as archived (without its raw bytes), with its meeting and tasks in
    document order. ``meeting.units`` are the names as written in the document."""

    id: int
    source: str
    kind: str
    title: str | None
    published: date | None
    encoding: str | None
    metadata: dict[str, str]
    imported: datetime
    updated: datetime
    text: str
    extraction_error: str | None = None
    meeting: Meeting | None = None
    tasks: list[StoredTask] = field(default_factory=list)
    content_hash: str = ""
    size: int = 0  # of the raw bytes
    versions: int = 0  # earlier versions kept

    def extraction(self) -> Extraction:
        """What was extracted from the document, as ``minutes extract`` would give it."""
        return Extraction(self.title, self.published, self.meeting, [task.extracted() for task in self.tasks])

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


def iso(value: date | str | None) -> str | None:
    """How the store writes a date or time (and a filter value given as text): ISO 8601."""
    if value is None or isinstance(value, str):
        return value or None
    return value.isoformat()


def to_plain(value: Any) -> Any:
    """JSON-ready data of a record: dataclasses as dicts (by field), dates as ISO text."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, date):  # datetime included
        return value.isoformat()
    return value
