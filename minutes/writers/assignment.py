"""工作任务交办单: one sheet per responsible unit, with the 办结回执 / 进展反馈表 it returns.

A sheet says what the unit must do (each task with its code and sub-points), its role
and its partners (the lead ↔ 配合 units), the deadline (and, for a recurring task, how
often to report), the 办理要求 (whom to report to, per the office profile), contact and
phone, and ends with one 回执 per task: the table the unit fills in and sends back, read
again by ``minutes feedback import`` (``minutes.feedback``) by its labels and task code.

Sheets of archived tasks are numbered from the register (``issue_assignments``); a
sheet written from a draft file (``write_assignments``) is not registered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.drafts import Draft
from minutes.errors import DocumentError
from minutes.models import Assignment, Task
from minutes.nlp.names import canonical_unit, place_at_start
from minutes.writers.render import render_docx, write_bytes
from minutes.writers.text import ROLE_NAMES, chinese_date, clean, deadline_label, safe_filename

if TYPE_CHECKING:
    from minutes.office import Profile
    from minutes.store import Archive, RegisterEntry

# the labels of a 回执 table, as printed; minutes.feedback reads a returned one by them
RECEIPT_LABELS = ("任务编号", "交办编号", "承办单位", "职责", "任务内容", "进展情况", "完成情况",
                  "办结日期", "申请延期至", "责任人", "联系电话")
_POINT = re.compile(r"[（(]\d{1,2}[）)]")


@dataclass
class Sheet:
    """The tasks one unit receives, each with its role: ``(task, role)``."""

    unit: str
    items: list[tuple[Task, str]] = field(default_factory=list)


def plan_sheets(tasks: list[Task], profile: Profile | None = None, *, unit: str | None = None) -> list[Sheet]:
    """One sheet per unit named by any task, in order of first mention. A collective name
    (各成员单位, a group of the profile) becomes one sheet per unit it stands for; a
    stored task's unit is its canonical name. ``unit``: only the sheets whose unit
    contains it."""
    sheets: dict[str, Sheet] = {}
    for task in tasks:
        for assignment in task.units:
            for name in recipients(assignment, profile):
                if not name or (unit and unit not in name):
                    continue
                sheet = sheets.setdefault(name, Sheet(name))
                if not any(item is task for item, _ in sheet.items):
                    sheet.items.append((task, assignment.role))
    return list(sheets.values())


def recipients(assignment: Assignment, profile: Profile | None) -> list[str]:
    """The units an assignment reaches: a collective name the profile knows (各成员单位, a
    group) → its units, named as the archive names them (市生态环境局 in a 青川市 office's
    profile is 青川市生态环境局, so it shares the sheet of a task that wrote it in full);
    any other name → the stored task's canonical unit, else the name as written."""
    written = clean(assignment.name)
    expanded = profile.recipients(written) if profile else [written]
    if expanded == [written]:
        return [clean(getattr(assignment, "unit", "") or written)]
    region = place_at_start(profile.organ) if profile else None
    return [canonical_unit(clean(name), region) for name in expanded]


def _names(task: Task, role: str, profile: Profile | None) -> list[str]:
    """The units of a role in a task, collective names expanded by the profile."""
    names = [name for a in task.units if a.role == role for name in recipients(a, profile)]
    return list(dict.fromkeys(names))


def _partners(task: Task, role: str, unit: str, profile: Profile | None) -> str:
    """Who a unit works with: for the lead (or a sole responsible), its 配合 units; for a
    配合 unit, the lead."""
    if role == "support":
        leads = _names(task, "lead", profile)
        return "牵头：" + "、".join(leads) if leads else ""
    others = [name for name in _names(task, "support", profile) if name != unit]
    return "配合：" + "、".join(others) if others else ""


def _frequency(task: Task) -> str:
    deadline = task.deadline
    if deadline and deadline.kind == "recurring":
        return f"按{clean(deadline.text)}报送进展"
    return ""


def _requirement(role: str, task_label: str, task: Task, lead: str, profile: Profile | None, organ: str) -> str:
    """办理要求 for one task: whom the unit reports to (the profile's report_to rule:
    by default 配合 units to the lead, the lead to the office) and when."""
    office = profile.name if profile else organ or "交办单位"
    target = profile.report_to.get(role, "office") if profile else ("lead" if role == "support" else "office")
    to = lead if target == "lead" and lead else office
    deadline = task.deadline
    if deadline is None or deadline.kind in ("ongoing", "asap"):
        when = "及时"
    elif deadline.kind == "recurring":
        when = f"{clean(deadline.text)}"
    else:
        when = f"于{deadline_label(deadline)}"
    if role == "support":
        return f"{task_label}：请主动配合{lead or '牵头单位'}抓好落实，{when}将配合工作情况书面反馈{to}。"
    return f"{task_label}：请抓好落实，{when}将办理情况书面报送{to}，办结后报送办结回执。"


def sheet_context(
    sheet: Sheet,
    *,
    organ: str,
    on: date,
    number: str = "",
    source: str = "",
    codes: list[str] | None = None,
    profile: Profile | None = None,
) -> dict[str, Any]:
    """What the 交办单 template shows for one sheet (plain strings and lists)."""
    rows, requirements = [], []
    for index, (task, role) in enumerate(sheet.items, 1):
        code = codes[index - 1] if codes else str(index)
        text, *points = [part.strip() for part in _POINT.split(clean(task.text))]
        deadline = deadline_label(task.deadline)
        due = getattr(task, "due", None)
        if task.deadline and task.deadline.kind == "recurring":  # its date is an occurrence, not an end
            deadline = clean(task.deadline.text) + (f"（本期{chinese_date(due)}）" if due else "")
        leads = _names(task, "lead", profile)
        rows.append({
            "code": code, "text": text or clean(task.text), "full": clean(task.text),
            "points": [f"（{i}）{p}" for i, p in enumerate(points, 1) if p],
            "role": ROLE_NAMES.get(role, "负责"), "partners": _partners(task, role, sheet.unit, profile),
            "deadline": deadline, "frequency": _frequency(task),
        })
        requirements.append(_requirement(role, f"任务{code}", task, "、".join(leads), profile, organ))
    requirements.append("不能按期完成的，须在期限届满前填写回执“申请延期至”一栏并说明原因，经同意后按新时限办理。")
    return {
        "masthead": clean(profile.masthead if profile and profile.masthead else organ),
        "organ": clean(organ), "unit": sheet.unit, "number": clean(number), "date": chinese_date(on),
        "source": clean(source), "tasks": rows, "requirements": requirements,
        "contact": clean(profile.contact) if profile else "", "phone": clean(profile.phone) if profile else "",
    }


def _file_name(unit: str, used: set[str]) -> str:
    stem = safe_filename(f"交办单-{unit}")
    name, n = stem, 1
    while name.lower() in used:  # two units that differ only in forbidden characters
        n += 1
        name = f"{stem}-{n}"
    used.add(name.lower())
    return f"{name}.docx"


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise DocumentError(f"folder {folder} does not exist; create it first")


def assignment_contexts(draft: Draft, on: date, profile: Profile | None = None) -> list[tuple[str, dict[str, Any]]]:
    """One unregistered 交办单 per unit of a draft: (unit, template context)."""
    source = clean(draft.title)
    source = f"{source}（{chinese_date(draft.date)}）" if draft.date else source
    organ = clean(draft.organ) or (profile.organ if profile else "")
    return [(sheet.unit, sheet_context(sheet, organ=organ, on=on, number=clean(draft.number), source=source, profile=profile))
            for sheet in plan_sheets(draft.tasks, profile)]


def write_assignments(
    draft: Draft, folder: str | Path, *, on: date | None = None, template: str | Path | None = None,
    profile: Profile | None = None,
) -> list[Path]:
    """One 工作任务交办单 per responsible unit of a draft, named ``交办单-<unit>.docx`` (not registered)."""
    folder = Path(folder)
    _check_folder(folder)
    used: set[str] = set()
    return [
        write_bytes(folder / _file_name(unit, used), render_docx("assignment.docx", context, template=template))
        for unit, context in assignment_contexts(draft, on or date.today(), profile)
    ]


def issue_assignments(
    archive: Archive,
    document_id: int,
    folder: str | Path,
    *,
    on: date,
    profile: Profile | None = None,
    unit: str | None = None,
    by: str | None = None,
    template: str | Path | None = None,
) -> list[tuple[RegisterEntry, Path]]:
    """Issue the 交办单 of an archived document's open tasks: numbered from the register,
    its tasks moved to 已交办, one file per unit (``<number>-<unit>.docx``).

    The files are written before the register commits and removed if one fails, so a
    number is on paper only if it is in the register.
    """
    folder = Path(folder)
    _check_folder(folder)
    document = archive.document(document_id)
    tasks = [task for task in document.tasks if task.status != "已办结"]
    sheets = plan_sheets(tasks, profile, unit=unit)
    if not sheets:
        raise DocumentError(f"document {document_id} has no open task for {unit or 'any unit'} to issue")
    organ = profile.organ if profile else clean(document.meeting.organizer if document.meeting else "")
    source = clean(document.title)
    source = f"{source}（{chinese_date(document.published)}）" if document.published else source
    written: list[Path] = []

    def write(entries: list[RegisterEntry]) -> None:
        try:
            used: set[str] = set()
            for sheet, entry in zip(sheets, entries):
                # the sheet shows the tasks as they will be once issued (a recurring one tracks its occurrence)
                fresh = Sheet(sheet.unit, [(archive.task(task.id) or task, role) for task, role in sheet.items])  # type: ignore[attr-defined]
                context = sheet_context(fresh, organ=organ, on=entry.issued_on, number=entry.number, source=source,
                                        codes=entry.tasks, profile=profile)
                data = render_docx("assignment.docx", context, template=template)
                written.append(write_bytes(folder / _file_name(f"{entry.number}-{sheet.unit}", used), data))
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise

    pattern = profile.assignment_number if profile else "〔{year}〕督字{n}号"
    entries = archive.issue([(s.unit, [t.id for t, _ in s.items]) for s in sheets], on=on,  # type: ignore[attr-defined]
                            number_format=pattern, by=by, document_id=document_id, write=write)
    return list(zip(entries, written))
