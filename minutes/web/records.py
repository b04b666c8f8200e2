"""The archive as the pages read it: documents and tasks as records with attributes
(``task.deadline.date``, ``task.units[0].unit``, ``task.history``), status changes,
downloads. The one place the web page meets the store's API."""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from minutes.errors import ArchiveError

if TYPE_CHECKING:
    from minutes.archive import Archive


def _task(row: dict[str, Any]) -> SimpleNamespace:
    deadline = None
    if row["deadline_text"] or row["deadline_date"]:
        due = date.fromisoformat(row["deadline_date"]) if row["deadline_date"] else None
        deadline = SimpleNamespace(text=row["deadline_text"] or "", date=due, kind=row["deadline_kind"] or "by")
    return SimpleNamespace(
        id=row["id"], document_id=row["document_id"], seq=row["seq"], text=row["text"], status=row["status"],
        document_title=row["document_title"], document_source=row["source"], deadline=deadline, history=[],
        units=[SimpleNamespace(name=u["surface"], unit=u["name"], role=u["role"]) for u in row["units"]],
        row=row,
    )


def task(archive: Archive, task_id: int) -> SimpleNamespace | None:
    row = archive.task(task_id)
    return _task(row) if row else None


def tasks(archive: Archive, ids: list[int]) -> list[SimpleNamespace]:
    return [found for found in (task(archive, task_id) for task_id in ids) if found]


def document(archive: Archive, doc_id: int) -> SimpleNamespace:
    row = archive.get(doc_id)
    meeting = row["meeting"]
    if meeting:
        meeting = SimpleNamespace(**{**meeting, "people": [SimpleNamespace(**p) for p in meeting["people"]],
                                      "units": [u["surface"] for u in meeting["units"]]})
    return SimpleNamespace(**{**row, "meeting": meeting, "tasks": [_task(t) for t in row["tasks"]], "row": row})


def status_label(record: SimpleNamespace, today: date) -> str:
    """已办结, 已逾期, 临期, 进行中 … as the 台账 prints it."""
    from minutes.writers import ledger_rows, ledger_status

    return ledger_status(ledger_rows([record.row])[0], today)


class StaleStatus(ArchiveError):
    """The task changed since the page that asked to change it was shown."""


def change_status(archive: Archive, task_id: int, status: str, *, seen: str, by: str, note: str | None) -> None:
    """Set a task's status unless someone changed it since the clerk saw ``seen``."""
    current = archive.task(task_id)
    if current is None:
        raise ArchiveError(f"no task {task_id}")
    if current["status"] != seen:
        raise StaleStatus(f"task {task_id} was changed meanwhile (now {current['status']}); your change was not saved — reload and try again")
    archive.set_status([task_id], status)


def ledger_xlsx(records: list[SimpleNamespace]) -> bytes:
    from minutes.writers import ledger_rows, write_ledger

    with tempfile.TemporaryDirectory() as folder:
        return write_ledger(ledger_rows([r.row for r in records]), Path(folder, "ledger.xlsx")).read_bytes()


def draft(record: SimpleNamespace):
    from minutes.drafts import from_archive

    return from_archive(record.row)


DOWNLOADS = {"minutes": "会议纪要", "tasks": "任务分解表", "assignments": "交办单"}


def download(record: SimpleNamespace, kind: str) -> tuple[str, bytes]:
    """(file name, bytes) of one of a document's ``DOWNLOADS``, written in a temporary
    folder and read back: no name from the request ever becomes a path."""
    from minutes.writers import safe_filename, write_assignments, write_minutes, write_task_sheet

    if kind not in DOWNLOADS:
        raise ArchiveError(f"no download {kind!r}")
    plan = draft(record)
    stem = safe_filename(f"{plan.title}-{DOWNLOADS[kind]}")
    with tempfile.TemporaryDirectory() as folder:
        if kind == "minutes":
            return f"{stem}.docx", write_minutes(plan, Path(folder, "out.docx")).read_bytes()
        if kind == "tasks":
            return f"{stem}.docx", write_task_sheet(plan, Path(folder, "out.docx")).read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in write_assignments(plan, folder):
                archive.write(path, path.name)
        return f"{stem}.zip", buffer.getvalue()


def import_upload(archive: Archive, name: str, data: bytes) -> tuple[Any, SimpleNamespace]:
    """Read an uploaded file with the readers ``minutes import`` uses, then normalize,
    extract and save it under ``upload:NAME``; the result and the stored document (one transaction: a file that cannot be
    read leaves nothing behind)."""
    import dataclasses

    from minutes.ingest import ingest
    from minutes.readers import read_bytes

    doc = read_bytes(data, name)
    result = ingest(archive, dataclasses.replace(doc, source=f"upload:{name}"))
    return result, document(archive, result.id)
