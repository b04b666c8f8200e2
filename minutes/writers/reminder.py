"""督办通知: per unit, its overdue (逾期) and nearly due (临期) tasks with their numbers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.errors import DocumentError
from minutes.writers.assignment import plan_sheets
from minutes.writers.render import render_docx, write_bytes
from minutes.writers.text import ROLE_NAMES, chinese_date, clean, safe_filename

if TYPE_CHECKING:
    from minutes.office import Profile
    from minutes.store import RegisterEntry, StoredTask

REPLY_DAYS = 3  # the units answer a reminder within this many days


def reminder_contexts(
    tasks: Iterable[StoredTask],
    *,
    today: date,
    register: Iterable[RegisterEntry] = (),
    profile: Profile | None = None,
    unit: str | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """(unit, template context) for each unit with a 逾期 or 临期 task, in order of first mention."""
    numbers = {(code, entry.unit): entry.number for entry in register for code in entry.tasks}
    alerting = [task for task in tasks if task.alert(today)]
    office = profile.name if profile else "交办单位"
    contexts = []
    for sheet in plan_sheets(alerting, profile, unit=unit):
        rows = []
        for index, (task, role) in enumerate(sheet.items, 1):
            days = (task.due - today).days  # type: ignore[operator]  # alerting tasks have a due date
            state = f"逾期{-days}天" if days < 0 else ("今日到期" if days == 0 else f"{days}天后到期")
            rows.append({
                "index": str(index), "number": numbers.get((task.code or "", sheet.unit), ""), "code": task.code or "",
                "text": clean(task.text), "role": ROLE_NAMES.get(role, "负责"), "due": chinese_date(task.due),
                "state": f"{task.status}，{state}",
            })
        overdue = sum(1 for task, _ in sheet.items if task.alert(today) == "逾期")
        contexts.append((sheet.unit, {
            "masthead": clean(profile.masthead or profile.organ) if profile else "",
            "organ": clean(profile.organ) if profile else "", "unit": sheet.unit, "date": chinese_date(today),
            "summary": f"逾期{overdue}项、临期{len(rows) - overdue}项",
            "reply_by": chinese_date(today + timedelta(days=REPLY_DAYS)), "office": office, "tasks": rows,
            "contact": clean(profile.contact) if profile else "", "phone": clean(profile.phone) if profile else "",
        }))
    return contexts


def write_reminders(
    tasks: Iterable[StoredTask],
    folder: str | Path,
    *,
    today: date,
    register: Iterable[RegisterEntry] = (),
    profile: Profile | None = None,
    unit: str | None = None,
    template: str | Path | None = None,
) -> list[Path]:
    """One 督办通知 per unit with a 逾期 or 临期 task, named ``督办通知-<unit>.docx``;
    ``template``: a customized reminder.docx."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DocumentError(f"folder {folder} does not exist; create it first")
    contexts = reminder_contexts(tasks, today=today, register=register, profile=profile, unit=unit)
    return [write_bytes(folder / f"{safe_filename('督办通知-' + name)}.docx", render_docx("reminder.docx", context, template=template))
            for name, context in contexts]
