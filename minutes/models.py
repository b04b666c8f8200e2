"""The data that flows between readers, normalization, extraction, archive and documents.

Plain dataclasses: every stage is a function from one of these to another, and only
the two ends (readers, archive/documents) do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

KINDS = ("txt", "html", "docx")
ROLES = ("lead", "support", "responsible")
DEADLINE_KINDS = ("by", "asap", "ongoing", "recurring")
PERSON_ROLES = ("chair", "speaker", "attendee", "reporter")


@dataclass
class Table:
    """A table of a web page or .docx, as rows of cell texts (ragged rows allowed)."""

    rows: list[list[str]]


Block = str | Table


@dataclass
class Document:
    """One source as read: metadata plus the body as paragraphs and tables in order.

    Readers return it with text as found; ``nlp.normalize.normalize`` returns a copy
    with normalized ``title``, ``blocks`` and ``metadata``. ``raw`` always keeps the
    original bytes so normalization and extraction can be re-run later.
    """

    source: str  # path or URL as given
    kind: str  # one of KINDS
    raw: bytes = b""
    encoding: str | None = None  # of raw, for txt/html
    title: str | None = None
    published: date | None = None
    blocks: list[Block] = field(default_factory=list)
    # 来源, 编辑, 责任编辑, 原标题, url, ... (site facts kept beside the text)
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Paragraphs one per line; table rows one per line with cells joined by a tab."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                lines.extend("\t".join(row) for row in block.rows)
            else:
                lines.append(block)
        return "\n".join(lines)

    @property
    def blank(self) -> bool:
        """Whether ``text`` holds nothing but whitespace, told without joining it (a
        normalized document's first line has text: one look)."""
        return not any(block.strip() if isinstance(block, str) else any(cell.strip() for row in block.rows for cell in row)
                       for block in self.blocks)


@dataclass
class Deadline:
    text: str  # as written: 6月底前, 5个工作日内, 每月5日前, 尽快 ...
    date: date | None  # resolved; None when unknown, asap or ongoing
    kind: str  # one of DEADLINE_KINDS

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": _iso(self.date), "kind": self.kind}


@dataclass
class Assignment:
    """A unit named by a task, with its role."""

    name: str
    role: str  # one of ROLES

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass
class Task:
    text: str
    units: list[Assignment] = field(default_factory=list)
    deadline: Deadline | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "units": [u.to_dict() for u in self.units],
            "deadline": self.deadline.to_dict() if self.deadline else None,
        }


@dataclass
class Person:
    name: str
    title: str | None = None
    role: str = "attendee"  # one of PERSON_ROLES

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "role": self.role}


@dataclass
class Meeting:
    name: str | None = None
    date: date | None = None
    location: str | None = None
    organizer: str | None = None
    people: list[Person] = field(default_factory=list)
    units: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "date": _iso(self.date),
            "location": self.location,
            "organizer": self.organizer,
            "people": [p.to_dict() for p in self.people],
            "units": list(self.units),
        }


@dataclass
class Extraction:
    """What ``minutes extract`` prints for one document (see shared eval contract)."""

    title: str | None = None
    published: date | None = None
    meeting: Meeting | None = None
    tasks: list[Task] = field(default_factory=list)

    def to_dict(self, source: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {} if source is None else {"source": source}
        out.update(
            title=self.title,
            published=_iso(self.published),
            meeting=self.meeting.to_dict() if self.meeting else None,
            tasks=[t.to_dict() for t in self.tasks],
        )
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Inverse of ``to_dict``; accepts hand-edited JSON (missing keys are empty)."""
        meeting = data.get("meeting")
        return cls(
            title=data.get("title"),
            published=_date(data.get("published")),
            meeting=None
            if not meeting
            else Meeting(
                name=meeting.get("name"),
                date=_date(meeting.get("date")),
                location=meeting.get("location"),
                organizer=meeting.get("organizer"),
                people=[
                    Person(p["name"], p.get("title"), p.get("role") or "attendee")
                    for p in meeting.get("people") or []
                ],
                units=list(meeting.get("units") or []),
            ),
            tasks=[
                Task(
                    text=t["text"],
                    units=[Assignment(u["name"], u.get("role") or "responsible") for u in t.get("units") or []],
                    deadline=None
                    if not t.get("deadline")
                    else Deadline(
                        text=t["deadline"].get("text") or "",
                        date=_date(t["deadline"].get("date")),
                        kind=t["deadline"].get("kind") or "by",
                    ),
                )
                for t in data.get("tasks") or []
            ],
        )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
