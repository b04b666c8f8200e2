"""台账: the task ledger as an Excel workbook."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.writers.render import atomic_write
from minutes.writers.text import ROLE_NAMES, clean

if TYPE_CHECKING:
    from minutes.store import StoredTask


LEDGER_COLUMNS = (
    ("序号", 6), ("任务内容", 60), ("责任单位", 24), ("职责", 8), ("完成时限", 18),
    ("截止日期", 12), ("状态", 10), ("来源文件", 40), ("文档编号", 10),
)


def ledger_status(task: StoredTask, today: date) -> str:
    """已办结 for closed tasks; otherwise from the deadline: 已逾期, 临期 (7 days), 进行中, 长期,
    定期 (recurring: its date is the first occurrence, not an end), 尽快办理, 无时限."""
    if task.status != "open":
        return {"done": "已办结", "closed": "已办结"}.get(task.status, task.status)
    deadline = task.deadline
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


def write_ledger(tasks: Iterable[StoredTask], path: str | Path, *, today: date | None = None) -> Path:
    """The 台账 as .xlsx, one row per task and unit (canonical unit names; a task naming
    no unit keeps one row): frozen header, autofilter, real Excel dates, a status column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    today = today or date.today()
    book = Workbook()
    sheet = book.active
    sheet.title = "任务台账"
    sheet.append([title for title, _ in LEDGER_COLUMNS])
    rows = ((task, unit) for task in tasks for unit in task.units or [None])
    for index, (task, unit) in enumerate(rows, 1):
        sheet.append([
            index, clean(task.text), clean(unit.unit or unit.name) if unit else "",
            ROLE_NAMES.get(unit.role, unit.role) if unit else ROLE_NAMES["responsible"],
            clean(task.deadline.text) if task.deadline else "",
            task.deadline.date if task.deadline else None,
            ledger_status(task, today), clean(task.document_title or task.document_source), task.document_id,
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
