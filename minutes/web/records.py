"""The archive as the pages read it: the store's typed records (``StoredDocument``,
``StoredTask`` with its history), status changes, uploads and downloads. The one place
the web page meets the store and the writers."""

from __future__ import annotations

import dataclasses
import io
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.errors import ArchiveError

if TYPE_CHECKING:
    from minutes.store import Archive, SaveResult, StoredDocument, StoredTask

DOWNLOADS = {"minutes": "会议纪要", "tasks": "任务分解表", "assignments": "交办单"}


def status_label(task: StoredTask, today: date) -> str:
    """已办结, 已逾期, 临期, 进行中 … as the 台账 prints it."""
    from minutes.writers import ledger_status

    return ledger_status(task, today)


def change_status(
    archive: Archive, task_id: int, status: str, *, seen: str, by: str, note: str | None, deadline: date | None = None
) -> None:
    """Move a task (or record a progress note) unless someone moved it since the clerk
    saw it in state ``seen`` (``TransitionError``, as for a move the lifecycle forbids)."""
    archive.change_task(task_id, status, by=by, note=note, deadline=deadline, expect=seen)


def ledger_xlsx(found: list[StoredTask], today: date) -> bytes:
    """The 台账 of these tasks as .xlsx bytes (written in a temporary folder)."""
    from minutes.writers import write_ledger

    with tempfile.TemporaryDirectory() as folder:
        return write_ledger(found, Path(folder, "ledger.xlsx"), today=today).read_bytes()


def download(document: StoredDocument, kind: str) -> tuple[str, bytes]:
    """(file name, bytes) of one of a document's ``DOWNLOADS``, written in a temporary
    folder and read back: no name from the request ever becomes a path."""
    from minutes.drafts import from_archive
    from minutes.writers import safe_filename, write_assignments, write_minutes, write_task_sheet

    if kind not in DOWNLOADS:
        raise ArchiveError(f"no download {kind!r}")
    plan = from_archive(document)
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


def import_upload(archive: Archive, name: str, data: bytes) -> tuple[SaveResult, StoredDocument]:
    """Read an uploaded file with the readers ``minutes import`` uses, then normalize,
    extract and save it under ``upload:NAME`` (one transaction: a file that cannot be
    read leaves nothing behind); the result and the stored document."""
    from minutes.ingest import ingest
    from minutes.readers import read_bytes

    doc = read_bytes(data, name)
    result = ingest(archive, dataclasses.replace(doc, source=f"upload:{name}"))
    return result, archive.document(result.id)
