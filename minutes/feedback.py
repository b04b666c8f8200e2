"""Feedback comes back in: returned 回执 (.docx) and 台账 (.xlsx) move tasks on.

A unit fills the 办结回执 / 进展反馈表 of its 交办单 in Word or WPS (or LibreOffice saves
it again), or fills the progress columns of the 台账. ``import_feedback`` reads them by
their labels and column headers (never by position: a re-saved file keeps its labels
but not its layout), matches each report to its task by code, and turns it into a
lifecycle move (``Archive._change``) recorded with the report's particulars.

Nothing is overwritten silently: an unknown code, a task whose state moved on since the
form went out, 办结 without a 办结日期, a date that is no date — each is a conflict,
reported, and that report changes nothing. A file already imported (same bytes) is
skipped, and so is a report already applied (same code, same content, e.g. a re-saved
copy), so importing twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.errors import MinutesError, ReadError
from minutes.inputs import printable

if TYPE_CHECKING:
    from minutes.store import Archive

MAX_BYTES = 20 * 2**20  # a returned form or ledger; anything larger is not one
_CLOSING = re.compile(r"已完成|已办结|完成整改|全部完成|已落实|办结")
_INLINE = re.compile(r"^(?P<label>[^：:]{2,6})\s*[：:]\s*(?P<value>\S.*)$")
_DAY = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")


class FeedbackError(ReadError):
    """A returned file cannot be read as a 回执 or a 台账."""


@dataclass
class Report:
    """One unit's report on one task, as read from a returned file."""

    source: str  # file name, and the table or row it came from
    code: str
    fields: dict[str, Any]  # label → value as filled in (text, or a date from a spreadsheet)
    written_state: str | None = None  # the state a ledger row had when the ledger was written

    def signature(self) -> str:
        """The report's content, for telling a report already applied (a re-saved copy)."""
        plain = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in sorted(self.fields.items()) if v not in (None, "")}
        return hashlib.sha256(json.dumps([self.code, plain], ensure_ascii=False).encode()).hexdigest()[:16]


@dataclass
class Outcome:
    """What an import did: moves applied, conflicts (nothing changed for those), reports skipped."""

    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[str]]:
        return {"applied": self.applied, "conflicts": self.conflicts, "skipped": self.skipped}


# -- reading ------------------------------------------------------------------------------


def read_feedback(path: str | Path) -> tuple[str, list[Report]]:
    """The content hash of a returned file and the reports in it (.docx 回执 or .xlsx 台账)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FeedbackError(f"{path.name} is larger than {MAX_BYTES >> 20} MB; it is not a returned form")
        data = path.read_bytes()
    except OSError as error:
        raise FeedbackError(f"cannot read {path}: {error.strerror or error}") from None
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".docx":
        reports = _receipts(data, path.name)
    elif suffix == ".xlsx":
        reports = _ledger_rows(data, path.name)
    else:
        raise FeedbackError(f"{path.name}: feedback is a returned 回执 (.docx) or 台账 (.xlsx), not {suffix or 'a file without extension'}")
    return digest, reports


def _receipts(data: bytes, name: str) -> list[Report]:
    import io
    from zipfile import BadZipFile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from minutes.writers.assignment import RECEIPT_LABELS

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as error:
        raise FeedbackError(f"{name} is not a Word .docx file ({error})") from None
    reports = []
    for number, table in enumerate(document.tables, 1):
        fields: dict[str, Any] = {}
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:  # a merged cell appears once per grid column it spans
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    cells.append(_text(cell.text))
            for label, value in zip(cells, [*cells[1:], ""]):
                key = label.replace(" ", "").replace("\u3000", "")
                if key in RECEIPT_LABELS and key not in fields:
                    fields[key] = value if value.replace(" ", "") not in RECEIPT_LABELS else ""
                elif (inline := _INLINE.match(label)) and inline["label"] in RECEIPT_LABELS:
                    fields.setdefault(inline["label"], inline["value"])  # typed into the label's own cell
        if fields.get("任务编号"):
            reports.append(Report(f"{name} 回执{len(reports) + 1}", fields.pop("任务编号"), fields))
        elif "任务编号" in fields:
            raise FeedbackError(f"{name}: table {number} is a 回执 without its 任务编号")
    if not reports:
        raise FeedbackError(f"{name} has no 回执 (a table with 任务编号); is it a returned 交办单?")
    return reports


def _ledger_rows(data: bytes, name: str) -> list[Report]:
    import io
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    from minutes.writers.ledger import PROGRESS_COLUMNS, WRITTEN_STATE

    try:
        book = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise FeedbackError(f"{name} is not an Excel .xlsx file ({error})") from None
    sheet = book.active
    header_row, columns = None, {}
    for row in sheet.iter_rows(min_row=1, max_row=10):
        titles = {_text(cell.value): cell.column for cell in row if cell.value is not None}
        if "交办编号" in titles and "状态" in titles:
            header_row, columns = row[0].row, titles
            break
    if header_row is None:
        raise FeedbackError(f"{name} has no 台账 header (交办编号, 状态, …) in its first rows; is it a ledger from `minutes doc ledger`?")
    missing = [title for title in PROGRESS_COLUMNS if title not in columns]
    if missing:
        raise FeedbackError(f"{name}: the 台账 lacks the column {missing[0]}")
    reports = []
    for row in sheet.iter_rows(min_row=header_row + 1):
        by_column = {cell.column: cell.value for cell in row}
        code = _text(by_column.get(columns["交办编号"]))
        if not code:
            continue  # a unit's line under its task, or a row without a code
        fields = {title: _cell(by_column.get(columns[title])) for title in (*PROGRESS_COLUMNS, "状态")}
        written = _text(by_column.get(columns[WRITTEN_STATE])) if WRITTEN_STATE in columns else None
        reports.append(Report(f"{name} 第{row[0].row}行", code, fields, written_state=written or None))
    return reports


def _text(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else _text(value)


def parse_day(value: Any) -> date | None:
    """A date as a unit writes it: 2025-04-28, 2025年4月28日, 2025/4/28, 2025.4.28, or a spreadsheet date.
    None for nothing written; ValueError for something that is not a date."""
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    match = _DAY.search(text)
    if not match:
        raise ValueError(text)
    return date(*map(int, match.groups()))


# -- applying ---------------------------------------------------------------------------


def import_feedback(archive: Archive, paths: list[str | Path], *, by: str | None = None) -> Outcome:
    """Read every file first (an unreadable one raises ``FeedbackError`` and nothing is
    imported), then apply all reports in one transaction."""
    from minutes.store.lifecycle import TASK_STATES

    read = []
    for path in paths:
        digest, reports = read_feedback(path)
        read.append((printable(Path(path).name), digest, reports))  # stored and printed: text
    outcome = Outcome()
    with archive.transaction() as conn:
        seen: set[str] = set()
        for name, digest, reports in read:
            known = conn.execute("SELECT at FROM feedback_files WHERE hash = ?", (digest,)).fetchone()
            if known or digest in seen:
                when = known[0][:10] if known else "this import"
                outcome.skipped.append(f"{name}: already imported ({when}); nothing changed")
                continue
            seen.add(digest)
            before = len(outcome.applied)
            for report in reports:
                try:
                    message = _apply(archive, report, by, TASK_STATES)
                except MinutesError as error:
                    outcome.conflicts.append(f"{report.source}: {error}")
                    continue
                if message:
                    outcome.applied.append(f"{report.source}: {message}")
                else:
                    outcome.skipped.append(f"{report.source}: {report.code} nothing new")
            conn.execute(
                "INSERT INTO feedback_files (hash, name, at, by, changes) VALUES (?, ?, ?, ?, ?)",
                (digest, name, datetime.now().astimezone().isoformat(timespec="seconds"), by, len(outcome.applied) - before),
            )
    return outcome


class Conflict(MinutesError):
    """A report that cannot be applied as it stands."""


def _apply(archive: Archive, report: Report, by: str | None, states: tuple[str, ...]) -> str | None:
    """Apply one report; a message of what changed, None when there was nothing new."""
    found = archive.tasks(code=report.code)
    if not found:
        raise Conflict(f"task code {report.code} is not in the archive (see `minutes register`)")
    task = found[0]
    fields = report.fields
    signature = report.signature()
    if any(event.details.get("回执") == signature for event in task.history):
        return None  # this very report was applied before (a re-saved copy)
    if report.written_state is not None:
        from minutes.writers.ledger import ledger_values

        if report.written_state != task.status:
            raise Conflict(f"task {report.code} is {task.status} now, not {report.written_state} as in the ledger; "
                           "write a new ledger with `minutes doc ledger`")
        current = ledger_values(task)
        changed = {k: v for k, v in fields.items() if _differs(v, current.get(k))}
        if not changed:
            return None
        fields = changed
    wanted = fields.get("状态") or None
    if wanted and wanted not in states:
        raise Conflict(f"task {report.code}: 状态 {wanted!r} is not one of {'、'.join(states)}")
    try:
        closed_on = parse_day(fields.get("办结日期"))
    except ValueError as error:
        raise Conflict(f"task {report.code}: 办结日期 {error} is not a date (write it like 2025-04-28)") from None
    extension = _text(fields.get("申请延期至") or fields.get("延期申请"))
    progress = _text(fields.get("进展情况"))
    result = _text(fields.get("完成情况"))
    details = {k: _text(fields.get(k)) for k in ("承办单位", "责任人", "联系电话") if _text(fields.get(k))}
    details["回执"] = signature
    details["文件"] = report.source
    if task.status == "已办结" and (wanted or closed_on or extension or progress or result):
        raise Conflict(f"task {report.code} is already 已办结; the report was not applied")
    if closed_on or wanted == "已办结" or (result and _CLOSING.search(result) and not wanted):
        if closed_on is None:
            raise Conflict(f"task {report.code}: 办结 without a 办结日期; fill it in and import again")
        details["办结日期"] = closed_on.isoformat()
        archive._change(task.id, "已办结", by=by, note=result or progress or None, details=details)
        return f"{report.code} 已办结 on {closed_on}"
    if extension or wanted == "申请延期":
        try:
            asked = parse_day(extension)
        except ValueError:
            asked = None
        if asked is None:
            raise Conflict(f"task {report.code}: 申请延期 needs the date asked for (申请延期至 2025-06-30)")
        reason = re.sub(r"^\s*" + _DAY.pattern + r"\s*[：:，,]?", "", extension).strip() or progress or None
        archive._change(task.id, "申请延期", by=by, note=reason, deadline=asked, details=details)
        return f"{report.code} 申请延期 to {asked}"
    if wanted and wanted != task.status:
        archive._change(task.id, wanted, by=by, note=progress or None, details=details)
        return f"{report.code} {task.status} → {wanted}"
    if progress or result or any(_text(fields.get(k)) for k in ("责任人", "联系电话")):  # 承办单位 is printed
        target = "办理中" if task.status in ("已交办", "办理中") else None
        archive._change(task.id, target, by=by, note=progress or result or None, details=details)
        return f"{report.code} progress: {progress or result}"
    return None


def _differs(value: Any, current: Any) -> bool:
    if value in (None, "") and current in (None, ""):
        return False
    if isinstance(value, date) or isinstance(current, date):
        try:
            return parse_day(value) != parse_day(current)
        except ValueError:
            return True
    return _text(value) != _text(current)
