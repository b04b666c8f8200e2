"""台账: the task ledger as an Excel workbook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from minutes.models import Deadline
from minutes.writers.render import atomic_write
from minutes.writers.text import ROLE_NAMES, clean


@dataclass
class LedgerRow:
    """One task for one unit, as the 台账 lists it."""

    text: str
    unit: str
    role: str  # one of models.ROLES
    deadline: Deadline | None
    source: str  # title of the document the task comes from
    document_id: int | None = None
    status: str = "open"  # as stored in the archive


LEDGER_COLUMNS = (
    ("序号", 6), ("任务内容", 60), ("责任单位", 24), ("职责", 8), ("完成时限", 18),
    ("截止日期", 12), ("状态", 10), ("来源文件", 40), ("文档编号", 10),
)


def ledger_rows(tasks: Iterable[dict[str, Any]]) -> list[LedgerRow]:
    """Rows (task × unit) from ``Archive.tasks()`` results; a task with no unit keeps one row."""
    rows = []
    for task in tasks:
        deadline = None
        if task.get("deadline_text") or task.get("deadline_date"):
            due = task.get("deadline_date")
            deadline = Deadline(task.get("deadline_text") or "", date.fromisoformat(due) if due else None,
                                task.get("deadline_kind") or "by")
        for unit in task.get("units") or [{"name": "", "role": "responsible"}]:
            rows.append(LedgerRow(task["text"], unit["name"], unit.get("role") or "responsible", deadline,
                                  task.get("document_title") or task.get("source") or "", task.get("document_id"),
                                  task.get("status") or "open"))
    return rows


def ledger_status(row: LedgerRow, today: date) -> str:
    """已办结 for closed tasks; otherwise from the deadline: 已逾期, 临期 (7 days), 进行中, 长期,
    定期 (recurring: its date is the first occurrence, not an end), 尽快办理, 无时限."""
    if row.status != "open":
        return {"done": "已办结", "closed": "已办结"}.get(row.status, row.status)
    deadline = row.deadline
    if deadline is None:
        return "无时限"
    if deadline.kind == "ongoing":
        return "长期"
    if deadline.kind == "recurring":
        return "定期"
    if deadline.date is None:
        return "尽快办理" if deadline.kind == "asap" else "进行中"
    if deadline.date < today:
        return "已逾期"
    return "临期" if deadline.date <= today + timedelta(days=7) else "进行中"


def write_ledger(rows: Iterable[LedgerRow], path: str | Path, *, today: date | None = None) -> Path:
    """The 台账 as .xlsx: frozen header, autofilter, real Excel dates, a status column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    today = today or date.today()
    book = Workbook()
    sheet = book.active
    sheet.title = "任务台账"
    sheet.append([title for title, _ in LEDGER_COLUMNS])
    for index, row in enumerate(rows, 1):
        sheet.append([
            index, clean(row.text), clean(row.unit), ROLE_NAMES.get(row.role, row.role),
            clean(row.deadline.text) if row.deadline else "",
            row.deadline.date if row.deadline else None,
            ledger_status(row, today), clean(row.source), row.document_id,
        ])
    for column, (_, width) in enumerate(LEDGER_COLUMNS, 1):
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows(min_row=2):
        cells[1].alignment = wrap
        cells[5].number_format = "yyyy-mm-dd"
        if cells[6].value == "已逾期":
            cells[6].font = Font(color="C00000", bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1

    def save(out) -> None:
        book.save(out)

    return atomic_write(path, save)
