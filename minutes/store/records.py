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
    to_status: str | None = None  # the same as from_status for a progress report
    note: str | None = None  # progress, reason of an extension, what was done
    deadline: date | None = None  # requested (申请延期) or granted (已延期)
    occurrence: date | None = None  # the occurrence of a recurring task this report was for
    details: dict[str, str] = field(default_factory=dict)  # from a returned 回执: unit, 责任人, 联系电话, 办结日期, file


@dataclass
class RegisterEntry:
    """One 交办单 in the register: its number (per year, gap-free), the unit it went to,
    the codes of its tasks, when and by whom it was issued."""

    year: int
    n: int
    number: str  # as printed: 〔2025〕督字3号
    unit: str
    tasks: list[str]  # task codes, in sheet order
    issued_on: date  # 交办日期 printed on the sheet
    at: datetime
    by: str | None = None
    document_id: int | None = None
    reprint: bool = False  # the same sheet issued again: it keeps its number

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


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
    status: str = "待交办"  # one of minutes.store.TASK_STATES
    code: str | None = None  # given when first issued (T2025-001)
    # the current due date: the deadline's, an extension's, or the current occurrence of a
    # recurring task (None until it is issued: its extracted date is only the first one)
    due: date | None = None
    document_title: str | None = None
    document_published: date | None = None
    document_source: str = ""
    history: list[TaskEvent] = field(default_factory=list)  # oldest first

    def alert(self, today: date) -> str | None:
        """逾期, 临期 or None, as of ``today`` (derived, never stored)."""
        from minutes.store.lifecycle import alert

        return alert(self.status, self.due, today)

    @property
    def progress(self) -> TaskEvent | None:
        """The last event that said something (a note): the latest progress reported."""
        return next((event for event in reversed(self.history) if event.note), None)

    @property
    def extension(self) -> TaskEvent | None:
        """The last 申请延期 (requested date and reason), if any."""
        return next((event for event in reversed(self.history) if event.to_status == "申请延期"), None)

    @property
    def closed_on(self) -> date | None:
        """办结日期: as the 回执 gave it, else the day the task was closed."""
        if self.status != "已办结":
            return None
        event = next((e for e in reversed(self.history) if e.to_status == "已办结"), None)
        if event is None:
            return None
        given = event.details.get("办结日期")
        return date.fromisoformat(given) if given else event.at.date()

    def extracted(self) -> Task:
        """The task as extraction gave it (the ``minutes extract`` shape), without what the archive added."""
        return Task(self.text, [Assignment(u.name, u.role) for u in self.units], self.deadline)

    def to_dict(self, today: date | None = None) -> dict[str, Any]:
        """The record, plus what is derived from it: ``alert`` (as of ``today``, default
        the current day) and ``progress`` (the last note)."""
        progress = self.progress
        return {**to_plain(self), "alert": self.alert(today or date.today()),
                "progress": progress.note if progress else None}


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
