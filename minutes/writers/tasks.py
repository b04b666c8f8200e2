"""任务分解表: every task of a meeting or plan with its units and time limit, the 纪要's 附件."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from minutes.drafts import Draft
from minutes.models import Deadline, Task
from minutes.writers.render import render_docx, write_bytes
from minutes.writers.text import chinese_date, clean, deadline_label, text_width, title_lines, units_of

TYPE_AREA_MM = 225.0  # landscape A4: 297 mm less the 37 mm and 35 mm margins
CHAR_MM = 14 * 25.4 / 72  # 4号 table text
CELL_MARGINS_MM = 2 * 1.9 + 0.6  # Table Grid's left and right cell margins, and a little air
TITLE_CHARS = 28  # 2号 characters on a line of the landscape type area
COLUMNS = ("number", "text", "lead", "support", "deadline", "remark")
HEADERS = ("序号", "任务内容", "牵头单位", "配合单位", "完成时限", "备注")
UNIT_CHARS = 12  # unit names up to this long never wrap inside their cell
MIN_TEXT_MM = 45.0  # the task text keeps at least this much (9 characters a line)


def task_row(index: int, task: Task, year: int | None = None) -> dict[str, Any]:
    responsible = units_of(task, "responsible")
    return {
        "number": str(index),
        "text": clean(task.text),
        # a unit "responsible" with no lead named is, in a 分解表, the one that leads; one unit a line
        "lead": "\n".join(units_of(task, "lead") or responsible),
        "support": "\n".join(units_of(task, "support") + (responsible if units_of(task, "lead") else [])),
        "deadline": deadline_label(task.deadline, year),
        "remark": _remark(task.deadline),
    }


def _remark(deadline: Deadline | None) -> str:
    """What the 完成时限 cell cannot say itself: a dated limit whose date is not known yet."""
    if deadline is None:
        return "时限待明确"
    if deadline.kind == "by" and deadline.date is None:
        return "具体日期待明确"
    return ""


def column_widths(rows: list[dict[str, Any]]) -> list[float]:
    """Column widths in mm from the content: the unit columns as wide as their longest name (up
    to 12 characters, so such a name never wraps), 序号/完成时限/备注 as wide as their longest
    line (完成时限 up to 10 characters, 备注 up to 8), the task text the rest (at least 45 mm)."""
    def fit(column: str, most: float) -> float:
        longest = max([text_width(HEADERS[COLUMNS.index(column)])]
                      + [_printed_width(line) for row in rows for line in row[column].split("\n")])
        return min(longest, most) * CHAR_MM + CELL_MARGINS_MM

    widths = {"number": fit("number", 3), "lead": fit("lead", UNIT_CHARS), "support": fit("support", UNIT_CHARS),
              "deadline": fit("deadline", 10), "remark": fit("remark", 8)}
    # long names: the time limit (down to its header's width) gives way to the task text first,
    # the unit columns only after it
    for columns in (("deadline",), ("lead", "support")):
        short = MIN_TEXT_MM - (TYPE_AREA_MM - sum(widths.values()))
        if short <= 0:
            break
        for column in columns:
            least = text_width(HEADERS[COLUMNS.index(column)]) * CHAR_MM + CELL_MARGINS_MM
            widths[column] = max(least, widths[column] - short / len(columns))
    widths["text"] = TYPE_AREA_MM - sum(widths.values())
    return [round(widths[column], 1) for column in COLUMNS]


def _printed_width(text: str) -> float:
    """In characters, a digit counted as a whole one: half a character in Times New Roman,
    but wider in the fonts that stand in for it, and LibreOffice sets a gap between digits
    and Chinese."""
    return float(len(text))


def _fit_table(widths_mm: list[float]):
    """Set the first table's grid and cell widths (a customized table of other columns is left alone)."""
    from docx.oxml.ns import qn
    from docx.shared import Mm

    def finish(document) -> None:
        if not document.tables:
            return
        table = document.tables[0]._tbl
        grid = table.tblGrid.findall(qn("w:gridCol"))
        if len(grid) != len(widths_mm):
            return
        twips = [str(Mm(width).twips) for width in widths_mm]
        for column, width in zip(grid, twips):
            column.set(qn("w:w"), width)
        for row in table.tr_lst:
            for cell, width in zip(row.tc_lst, twips):
                cell.get_or_add_tcPr().get_or_add_tcW().set(qn("w:w"), width)
        tblw = table.tblPr.find(qn("w:tblW"))
        if tblw is not None:
            tblw.set(qn("w:w"), str(Mm(sum(widths_mm)).twips))
            tblw.set(qn("w:type"), "dxa")

    return finish


def task_sheet_context(draft: Draft) -> dict[str, Any]:
    meeting = clean(draft.meeting) or clean(draft.title).removesuffix("纪要")
    year = draft.date.year if draft.date else None
    # the note says where the table comes from, without repeating the title above it
    header = clean(draft.header) or (f"{clean(draft.organ)}会议纪要" if draft.organ else "")
    if draft.number and header:
        note = f"（{header}{clean(draft.number)}附件）"
    elif draft.date:
        note = f"（{chinese_date(draft.date)}会议议定）"
    else:
        note = ""
    title = f"{meeting}议定事项任务分解表" if meeting else "任务分解表"
    return {
        "title": "\n".join(title_lines(title, TITLE_CHARS)),
        "note": note,
        "tasks": [task_row(i, task, year) for i, task in enumerate(draft.tasks, 1)],
    }


def write_task_sheet(draft: Draft, path: str | Path, *, template: str | Path | None = None) -> Path:
    """The 任务分解表: landscape, header row repeated on every page, rows never split."""
    context = task_sheet_context(draft)
    data = render_docx("tasks.docx", context, template=template, finish=_fit_table(column_widths(context["tasks"])),
                       title=context["title"].replace("\n", ""), author=clean(draft.organ))
    return write_bytes(path, data)
