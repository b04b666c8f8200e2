"""A meeting draft: everything a 会议纪要 needs, from a YAML file or from an extraction.

The YAML a secretariat writes by hand (see ``templates/draft-example.yaml``) and the
``Extraction`` the pipeline produces both become a ``Draft``; the documents module only
ever renders drafts. Validation is strict and speaks the field's name: a clerk who
writes ``attendees: 张三`` instead of a list gets ``draft field 'attendees' must be a
list of texts``, not a traceback.
"""

from __future__ import annotations

import re
import reprlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes import defaults
from minutes.errors import DocumentError
from minutes.models import Assignment, Deadline, Extraction, Task

if TYPE_CHECKING:
    from minutes.office import Profile
    from minutes.store import StoredDocument

ROLE_FIELDS = {"lead": "lead", "support": "support", "responsible": "responsible"}
_CN_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*$")


@dataclass
class Decision:
    """An item of 议定事项: a task, plus optional sub-points rendered as （1）（2）…"""

    task: Task
    points: list[str] = field(default_factory=list)


@dataclass
class Draft:
    title: str  # line breaks in it are kept in the documents' title
    organ: str | None = None  # 发文机关 (also the 印发机关 unless printed_by says otherwise)
    header: str | None = None  # red header; default ``{organ}会议纪要``
    number: str | None = None  # 〔2025〕3号 or 第3期
    date: date | None = None  # meeting date = 成文日期
    place: str | None = None
    chair: str | None = None
    meeting: str | None = None  # the meeting's own name, for the opening sentence
    attendees: list[str] = field(default_factory=list)  # 出席
    absentees: list[str] = field(default_factory=list)  # 请假
    observers: list[str] = field(default_factory=list)  # 列席
    agenda: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)  # body paragraphs before the sections
    decisions: list[Decision] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)  # 分送
    printed_by: str | None = None
    printed_on: date | None = None

    @property
    def tasks(self) -> list[Task]:
        return [decision.task for decision in self.decisions]

    @classmethod
    def from_extraction(cls, extraction: Extraction) -> Draft:
        """A draft from what the pipeline understood of a document (or its JSON)."""
        meeting = extraction.meeting
        name = meeting.name if meeting else None
        title = f"{name}纪要" if name else (extraction.title or "会议纪要")
        chair = next((p for p in meeting.people if p.role == "chair"), None) if meeting else None
        others = [p for p in meeting.people if p.role != "chair"] if meeting else []
        return cls(
            title=title,
            organ=meeting.organizer if meeting else None,
            date=(meeting.date if meeting else None) or extraction.published,
            place=meeting.location if meeting else None,
            chair=f"{chair.title or ''}{chair.name}" if chair else None,
            meeting=name,
            attendees=[f"{p.title or ''}{p.name}" for p in others] + (list(meeting.units) if meeting else []),
            decisions=[Decision(task) for task in extraction.tasks],
            printed_on=extraction.published,
        )


# field → (kind, description used in error messages)
_FIELDS: dict[str, str] = {
    "title": "lines", "organ": "text", "header": "text", "number": "text", "date": "date",
    "place": "text", "chair": "text", "meeting": "text", "attendees": "texts",
    "absentees": "texts", "observers": "texts", "agenda": "texts", "summary": "texts",
    "decisions": "decisions", "distribution": "texts", "printed_by": "text", "printed_on": "date",
}
_DECISION_FIELDS = {"text": "text", "lead": "texts", "support": "texts", "responsible": "texts",
                    "deadline": "text", "due": "date", "points": "texts"}
_DESCRIBE = {"text": "a text", "lines": "a text or a list of its lines", "texts": "a list of texts", "date": "a date like 2025-03-24",
             "decisions": "a list of decisions (mappings with at least 'text')"}


def load_draft(text: str) -> Draft:
    """Parse and validate a YAML meeting draft."""
    from minutes.inputs import parse_yaml

    data = parse_yaml(text, DocumentError, "draft")
    if not isinstance(data, dict):
        raise DocumentError("draft must be a YAML mapping of fields (title, organ, date, decisions, ...)")
    return draft_from_dict(data)


def draft_from_dict(data: dict[str, Any]) -> Draft:
    unknown = sorted(str(key) for key in data if key not in _FIELDS)
    if unknown:
        raise DocumentError(f"unknown draft field {unknown[0]!r} (known: {', '.join(_FIELDS)})")
    values = {name: _check(name, kind, data[name]) for name, kind in _FIELDS.items() if data.get(name) is not None}
    if not values.get("title"):
        raise DocumentError("draft field 'title' is required")
    anchor = values.get("date")
    values["decisions"] = [_decision(i, item, anchor) for i, item in enumerate(values.get("decisions", []), 1)]
    return Draft(**values)


def _check(name: str, kind: str, value: Any) -> Any:
    # reprlib: a bounded preview, never the whole value (aliases may make it huge)
    wrong = DocumentError(f"draft field {name!r} must be {_DESCRIBE[kind]}, not {type(value).__name__} {reprlib.repr(value)}")
    if kind == "text":
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise wrong
        return str(value).strip()
    if kind == "lines":  # a title: its line breaks (a YAML block or a list) are the clerk's
        lines = _check(name, "texts", value) if isinstance(value, list) else [_check(name, "text", value)]
        return "\n".join(line.strip() for line in re.split(r"\r?\n|\r", "\n".join(lines)) if line.strip())
    if kind == "texts":
        if isinstance(value, str):  # one name alone is a list of one
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in value):
            raise wrong
        return [str(v).strip() for v in value if str(v).strip()]
    if kind == "date":
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            parsed = _parse_date(value)
            if parsed:
                return parsed
        raise wrong
    if kind == "decisions":
        if not isinstance(value, list) or not all(isinstance(v, dict | str) for v in value):
            raise wrong
        return value
    raise AssertionError(kind)


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    match = _CN_DATE.match(text)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    return None


def _decision(index: int, item: dict[str, Any] | str, anchor: date | None) -> Decision:
    if isinstance(item, str):
        item = {"text": item}
    prefix = f"decisions[{index}]"
    unknown = sorted(str(key) for key in item if key not in _DECISION_FIELDS)
    if unknown:
        raise DocumentError(f"unknown draft field '{prefix}.{unknown[0]}' (known: {', '.join(_DECISION_FIELDS)})")
    values = {
        name: _check(f"{prefix}.{name}", kind, item[name])
        for name, kind in _DECISION_FIELDS.items()
        if item.get(name) is not None
    }
    if not values.get("text"):
        raise DocumentError(f"draft field '{prefix}.text' is required")
    units = [Assignment(name, role) for field_name, role in ROLE_FIELDS.items() for name in values.get(field_name, [])]
    task = Task(values["text"], units, _deadline(values.get("deadline"), values.get("due"), anchor))
    return Decision(task, values.get("points", []))


def _deadline(text: str | None, due: date | None, anchor: date | None) -> Deadline | None:
    """A deadline as written (resolved against the meeting date) and/or an explicit date."""
    if not text:
        return Deadline(f"{due.year}年{due.month}月{due.day}日前", due, "by") if due else None
    from minutes.nlp.deadline import find

    found = find(text, anchor)
    if due:
        return Deadline(text, due, found.kind if found else "by")
    if found:
        return Deadline(text, found.date, found.kind)
    return Deadline(text, None, "by")


def with_profile(draft: Draft | NoticeDraft, profile: Profile | None, *, number: int | None = None):
    """The draft as the office issues it: organ, 发文机关标志 (the red header: ``…会议纪要``
    for minutes, ``…文件`` for a notice) and 印发机关 from the office profile, and a
    notice's contact and phone, unless the draft states them itself (without a profile
    the header falls back to the organizer the extraction found, often just a region's
    name). ``number``: a 纪要's serial number, printed by the profile's
    ``minutes_number`` (``第{n}期`` by default) in the year of the meeting."""
    from dataclasses import replace

    from minutes.office import Profile

    if number is not None:
        pattern = (profile or Profile("")).minutes_number
        draft = replace(draft, number=pattern.format(year=(draft.date or date.today()).year, n=number))
    if profile is None:
        return draft
    masthead = profile.masthead or profile.organ
    common = {"organ": draft.organ or profile.organ, "printed_by": draft.printed_by or profile.organ}
    if isinstance(draft, NoticeDraft):
        return replace(draft, **common, header=draft.header or f"{masthead}文件",
                       contact=draft.contact or profile.contact or None, phone=draft.phone or profile.phone or None)
    return replace(draft, **common, header=draft.header or f"{masthead}会议纪要")


def from_archive(document: StoredDocument) -> Draft:
    """A draft from an archived document: its tasks as stored (units as written in it)."""
    return Draft.from_extraction(document.extraction())


def from_json(text: str) -> Draft:
    """A draft from ``minutes extract`` JSON: one object, or the first line of JSON Lines."""
    import json

    text = text.strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        try:
            data = json.loads(text.splitlines()[0]) if text else None
        except json.JSONDecodeError as error:
            raise DocumentError(f"not valid JSON: {error.msg} at line {error.lineno}") from None
    if not isinstance(data, dict):
        raise DocumentError("JSON source must be one object as printed by 'minutes extract'")
    if data.get("error"):
        raise DocumentError(f"the extraction of {data.get('source') or 'this source'} failed: {data['error']}")
    try:
        return Draft.from_extraction(Extraction.from_dict(data))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DocumentError(f"JSON source is not an extraction ({type(error).__name__}: {error})") from None


def load_source(source: str, db: str | Path = defaults.DB) -> Draft:
    """SOURCE of ``minutes doc``: an archive id (a document of the archive ``db``), ``-``
    (stdin), a YAML draft, extract JSON, or a document."""
    import os
    import sys

    from minutes.readers.common import MAX_BYTES, OVER_LIMIT

    if source.isascii() and source.isdigit():
        from minutes.store import Archive

        if not Path(db).is_file():
            raise DocumentError(f"archive {db} does not exist (use --db)")
        with Archive(db) as archive:
            return from_archive(archive.document(int(source)))
    if source == "-":
        text = sys.stdin.read(MAX_BYTES + 1)
        if len(text) > MAX_BYTES:
            raise DocumentError(f"standard input is {OVER_LIMIT}")
        return from_json(text) if text.lstrip().startswith("{") else load_draft(text)
    path = Path(source)
    if not os.path.lexists(path):
        raise DocumentError(f"{source}: no such file (SOURCE is an archive id, a file or -)")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json", ".jsonl"):
        from minutes.inputs import read_regular

        try:
            text = read_regular(path, MAX_BYTES, DocumentError, over=OVER_LIMIT).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DocumentError(f"cannot read {source}: not UTF-8 text ({error.reason} at byte {error.start})") from None
        return load_draft(text) if suffix in (".yaml", ".yml") else from_json(text)
    from minutes.ingest import understand
    from minutes.readers import read

    _, extraction = understand(read(path))
    return Draft.from_extraction(extraction)


# -- 会议通知 and 发文稿纸 --------------------------------------------------------------------


@dataclass
class Attendee:
    """Who a unit sends to a meeting: ``市生态环境局：分管负责同志1名``."""

    unit: str
    who: str = ""


@dataclass
class NoticeDraft:
    """A 会议通知: which meeting, when and where, who comes, what to bring, and the 回执."""

    meeting: str
    organ: str | None = None
    title: str | None = None  # default ``关于召开{meeting}的通知``
    header: str | None = None  # red masthead; default ``{organ}文件``
    number: str | None = None
    date: date | None = None  # 成文日期
    to: list[str] = field(default_factory=list)  # 主送
    purpose: str | None = None  # ``为……`` before ``经研究，定于……``
    time: str | None = None  # as written, or 2025-04-02 09:30
    place: str | None = None
    attendees: list[Attendee] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)  # 请携带……
    requirements: list[str] = field(default_factory=list)  # other 有关要求
    receipt_due: str | None = None  # 回执 deadline, as written or 2025-03-31 17:00
    receipt_to: str | None = None  # where the 回执 goes (an e-mail address, a fax number)
    contact: str | None = None
    phone: str | None = None
    distribution: list[str] = field(default_factory=list)  # 抄送
    printed_by: str | None = None
    printed_on: date | None = None


@dataclass
class CoverDraft:
    """The 发文稿纸's fields; the document's own title, number and office fill the rest."""

    drafter: str | None = None  # 拟稿人
    drafting_unit: str | None = None  # 拟稿单位
    phone: str | None = None
    reviewer: str | None = None  # 核稿
    countersign: list[str] = field(default_factory=list)  # 会签 units
    signer: str | None = None  # 签发 (usually left blank for the hand)
    classification: str | None = None  # 密级
    urgency: str | None = None  # 缓急
    copies: str | None = None  # 份数
    organ: str | None = None
    title: str | None = None  # the document's title (default: the wrapped file's)
    number: str | None = None
    to: list[str] = field(default_factory=list)  # 主送
    cc: list[str] = field(default_factory=list)  # 抄送
    attachments: list[str] = field(default_factory=list)


_NOTICE_FIELDS = {
    "meeting": "text", "organ": "text", "title": "lines", "header": "text", "number": "text", "date": "date",
    "to": "texts", "purpose": "text", "time": "moment", "place": "text", "attendees": "attendees",
    "agenda": "texts", "materials": "texts", "requirements": "texts", "receipt_due": "moment",
    "receipt_to": "text", "contact": "text", "phone": "text", "distribution": "texts", "printed_by": "text",
    "printed_on": "date",
}
_COVER_FIELDS = {
    "drafter": "text", "drafting_unit": "text", "phone": "text", "reviewer": "text", "countersign": "texts",
    "signer": "text", "classification": "text", "urgency": "text", "copies": "text", "organ": "text",
    "title": "lines", "number": "text", "to": "texts", "cc": "texts", "attachments": "texts",
}
_DESCRIBE.update({
    "moment": "a date and time like 2025-04-02 09:30, or as written",
    "attendees": "a list of units, each a text or a mapping {unit: ..., who: ...}",
})
_CLASSIFICATIONS = ("", "公开", "内部", "秘密", "机密", "绝密")
_URGENCIES = ("", "平件", "加急", "特急", "特提")


def _yaml_mapping(text: str, what: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise DocumentError(f"{what} is not valid YAML{where}: {getattr(error, 'problem', None) or error}") from None
    if not isinstance(data, dict):
        raise DocumentError(f"{what} must be a YAML mapping of fields")
    return data


def _fields(data: dict[str, Any], spec: dict[str, str], what: str) -> dict[str, Any]:
    unknown = sorted(str(key) for key in data if key not in spec)
    if unknown:
        raise DocumentError(f"unknown {what} field {unknown[0]!r} (known: {', '.join(spec)})")
    return {name: _check_more(name, kind, data[name]) for name, kind in spec.items() if data.get(name) is not None}


def _check_more(name: str, kind: str, value: Any) -> Any:
    """``_check`` plus the kinds only the notice uses."""
    from datetime import datetime

    if kind == "moment":
        if isinstance(value, datetime | date):
            return value.isoformat(sep=" ", timespec="minutes") if isinstance(value, datetime) else value.isoformat()
        return _check(name, "text", value)
    if kind == "attendees":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise DocumentError(f"draft field {name!r} must be {_DESCRIBE[kind]}")
        result = []
        for index, item in enumerate(value, 1):
            if isinstance(item, dict):
                if set(item) - {"unit", "who"} or not item.get("unit"):
                    raise DocumentError(f"draft field '{name}[{index}]' must be {{unit: ..., who: ...}} with a unit")
                result.append(Attendee(_check(f"{name}[{index}].unit", "text", item["unit"]),
                                       _check(f"{name}[{index}].who", "text", item.get("who") or "")))
            else:
                result.append(Attendee(_check(f"{name}[{index}]", "text", item)))
        return result
    return _check(name, kind, value)


def load_notice(text: str) -> NoticeDraft:
    """Parse and validate a YAML 会议通知 draft (see ``templates/notice-example.yaml``)."""
    values = _fields(_yaml_mapping(text, "notice draft"), _NOTICE_FIELDS, "notice draft")
    if not values.get("meeting"):
        raise DocumentError("draft field 'meeting' is required (the meeting's name)")
    return NoticeDraft(**values)


def load_cover(text: str) -> CoverDraft:
    """Parse and validate a YAML 发文稿纸 draft (see ``templates/cover-example.yaml``)."""
    values = _fields(_yaml_mapping(text, "cover draft"), _COVER_FIELDS, "cover draft")
    if values.get("classification", "") not in _CLASSIFICATIONS:
        raise DocumentError(f"draft field 'classification' must be one of {'、'.join(_CLASSIFICATIONS[1:])}")
    if values.get("urgency", "") not in _URGENCIES:
        raise DocumentError(f"draft field 'urgency' must be one of {'、'.join(_URGENCIES[1:])}")
    return CoverDraft(**values)
