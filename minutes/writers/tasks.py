"""任务分解表: every task of a meeting or plan with its units and time limit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from minutes.drafts import Draft
from minutes.models import Deadline, Task
from minutes.writers.render import render_docx, write_bytes
from minutes.writers.text import chinese_date, clean, deadline_label, units_of

def task_row(index: int, task: Task) -> dict[str, Any]:
    responsible = units_of(task, "responsible")
    return {
        "number": str(index),
        "text": clean(task.text),
        # a unit "responsible" with no lead named is, in a 分解表, the one that leads
        "lead": "、".join(units_of(task, "lead") or responsible),
        "support": "、".join(units_of(task, "support") + (responsible if units_of(task, "lead") else [])),
        "deadline": deadline_label(task.deadline),
        "remark": _remark(task.deadline),
    }


def _remark(deadline: Deadline | None) -> str:
    """What the 完成时限 cell cannot say itself: a dated limit whose date is not known yet."""
    if deadline is None:
        return "时限待明确"
    if deadline.kind == "by" and deadline.date is None:
        return "具体日期待明确"
    return ""


def task_sheet_context(draft: Draft) -> dict[str, Any]:
    source = clean(draft.meeting) or clean(draft.title).removesuffix("纪要")
    when = chinese_date(draft.date)
    note = f"（根据{when}{source}议定事项）" if source else ""
    return {
        "title": f"{source}议定事项任务分解表" if source else "任务分解表",
        "note": note,
        "tasks": [task_row(i, task) for i, task in enumerate(draft.tasks, 1)],
    }


def write_task_sheet(draft: Draft, path: str | Path, *, template: str | Path | None = None) -> Path:
    """The 任务分解表: landscape, header row repeated on every page, rows never split."""
    return write_bytes(path, render_docx("tasks.docx", task_sheet_context(draft), template=template))
