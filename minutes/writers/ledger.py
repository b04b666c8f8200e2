"""台账: the living task ledger as an Excel workbook.

One 序号 per task, its units on the rows under it (牵头/配合, with the 交办单 number each
received); the progress columns are for the units to fill in, and ``minutes feedback
import`` reads them back (``minutes.feedback``), matching rows by 交办编号 (the task code).
The 状态 column is a validated list of the lifecycle's states, and its colours are
conditional formats computed by Excel/WPS from the 时限 and today's date, so 临期 and 逾期
stay right long after the file was written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.writers.render import atomic_write
from minutes.writers.text import ROLE_NAMES, chinese_date, clean

if TYPE_CHECKING:
    from minutes.store import RegisterEntry, StoredTask

# (header, width); the order is the sheet's
LEDGER_COLUMNS = (
    ("序号", 6), ("交办编号", 12), ("任务", 46), ("牵头/配合", 30), ("时限", 13), ("状态", 10),
    ("进展情况", 36), ("完成情况", 24), ("责任人", 12), ("延期申请", 22), ("办结日期", 12),
)
# filled in by the units and read back; 状态 too
PROGRESS_COLUMNS = ("进展情况", "完成情况", "责任人", "延期申请", "办结日期")
# the state each row had when written, hidden: telling a unit's change from one the archive made since
WRITTEN_STATE = "写入时状态"
HEADER_ROW = 3  # title, 截至 line, then the header
_COLOURS = {"已办结": "C6EFCE", "逾期": "FFC7CE", "临期": "FFEB9C", "延期": "DDEBF7"}


def ledger_values(task: StoredTask) -> dict[str, Any]:
    """The task-level cells of a task's row as the ledger shows them (and as a returned
    ledger is compared against): 状态 and the progress columns."""
    progress = task.progress
    closing = next((e for e in reversed(task.history) if e.to_status == "已办结"), None) if task.status == "已办结" else None
    extension = task.extension
    person = next((e.details["责任人"] for e in reversed(task.history) if e.details.get("责任人")), "")
    return {
        "状态": task.status,
        "进展情况": clean(progress.note) if progress and progress is not closing else "",
        "完成情况": clean(closing.note) if closing and closing.note else "",
        "责任人": clean(person),
        "延期申请": f"{extension.deadline or ''}：{clean(extension.note)}".strip("：") if extension else "",
        "办结日期": task.closed_on,
    }


def ledger_status(task: StoredTask, today: date) -> str:
    """The state, with 逾期/临期 when it applies (``已交办（逾期）``)."""
    alert = task.alert(today)
    return f"{task.status}（{alert}）" if alert else task.status


def _deadline_cell(task: StoredTask) -> date | str:
    if task.due:
        return task.due
    deadline = task.deadline
    return clean(deadline.text) if deadline else ""


def _unit_lines(task: StoredTask, numbers: dict[tuple[str, str], str]) -> list[str]:
    lines = []
    for unit in task.units:
        name = clean(unit.unit or unit.name)
        number = numbers.get((task.code or "", name))
        lines.append(f"{ROLE_NAMES.get(unit.role, unit.role)}：{name}" + (f"（{number}）" if number else ""))
    return lines or [""]


def write_ledger(
    tasks: Iterable[StoredTask],
    path: str | Path,
    *,
    today: date | None = None,
    organ: str = "",
    register: Iterable[RegisterEntry] = (),
) -> Path:
    """The 台账 as .xlsx: title with 截至 date, one 序号 per task with its units under it,
    borders, fit to one page wide, page numbers, header rows repeated, 仿宋/宋体."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from minutes.store import TASK_STATES

    today = today or date.today()
    numbers = {(code, entry.unit): entry.number for entry in register for code in entry.tasks}
    book = Workbook()
    sheet = book.active
    sheet.title = "任务台账"
    width = len(LEDGER_COLUMNS)
    last = get_column_letter(width)
    col = {title: index for index, (title, _) in enumerate(LEDGER_COLUMNS, 1)}
    sheet.append([f"{clean(organ)}重点任务督办台账"])
    sheet.append([f"截至{chinese_date(today)}"])
    sheet.append([title for title, _ in LEDGER_COLUMNS] + [WRITTEN_STATE])
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet["A2"].font = Font(name="仿宋", size=11)
    sheet["A2"].alignment = Alignment(horizontal="right")
    sheet.row_dimensions[1].height = 30

    body = Font(name="仿宋", size=11)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = HEADER_ROW + 1
    for index, task in enumerate(tasks, 1):
        lines = _unit_lines(task, numbers)
        values = ledger_values(task)
        first = row
        for offset, line in enumerate(lines):
            sheet.cell(row + offset, col["牵头/配合"], line)
        cells = {
            "序号": index, "交办编号": task.code or "", "任务": clean(task.text), "时限": _deadline_cell(task),
            **values,
        }
        for title, value in cells.items():
            sheet.cell(first, col[title], value)
        sheet.cell(first, width + 1, task.status)
        row += len(lines)
        if len(lines) > 1:
            for title in cells:
                sheet.merge_cells(start_row=first, start_column=col[title], end_row=row - 1, end_column=col[title])
    end = max(row - 1, HEADER_ROW + 1)

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_font = Font(name="宋体", size=11, bold=True)
    for cells in sheet.iter_rows(min_row=HEADER_ROW, max_row=end, max_col=width):
        for cell in cells:
            cell.border = border
            if cell.row == HEADER_ROW:
                cell.font, cell.alignment = header_font, center
                cell.fill = PatternFill("solid", fgColor="D9D9D9")
            else:
                title = LEDGER_COLUMNS[cell.column - 1][0]
                cell.font = body
                cell.alignment = center if title in ("序号", "交办编号", "时限", "状态", "办结日期", "责任人") else wrap
                if title in ("时限", "办结日期"):
                    cell.number_format = "yyyy-mm-dd"
    for index, (_, column_width) in enumerate(LEDGER_COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width
    sheet.column_dimensions[get_column_letter(width + 1)].hidden = True

    # 状态: the lifecycle's states only; colours follow the state, the 时限 and today
    status, deadline = get_column_letter(col["状态"]), get_column_letter(col["时限"])
    validation = DataValidation(type="list", formula1=f'"{",".join(TASK_STATES)}"', allow_blank=True,
                                showErrorMessage=True, errorTitle="状态", error="请从列表中选择状态")
    sheet.add_data_validation(validation)
    validation.add(f"{status}{HEADER_ROW + 1}:{status}{end}")
    top = HEADER_ROW + 1
    rules = (
        (f'${status}{top}="已办结"', _COLOURS["已办结"]),
        (f'AND(${status}{top}<>"",${status}{top}<>"已办结",ISNUMBER(${deadline}{top}),${deadline}{top}<TODAY())', _COLOURS["逾期"]),
        (f'AND(${status}{top}<>"",${status}{top}<>"已办结",ISNUMBER(${deadline}{top}),${deadline}{top}-TODAY()<=7)', _COLOURS["临期"]),
        (f'OR(${status}{top}="申请延期",${status}{top}="已延期")', _COLOURS["延期"]),
    )
    target = f"A{top}:{last}{end}"
    for formula, colour in rules:
        sheet.conditional_formatting.add(
            target, FormulaRule(formula=[formula], fill=PatternFill("solid", fgColor=colour, bgColor=colour), stopIfTrue=True)
        )

    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{end}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last}{end}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"

    def save(out) -> None:
        book.save(out)

    return atomic_write(path, save)
