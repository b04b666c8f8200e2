"""Word and Excel documents: 会议纪要, 任务分解表, 工作任务交办单 (GB/T 9704-2012) and the 台账.

The Word files are rendered from the docxtpl templates in ``templates/`` (built by
``templates/build.py`` with every GB/T 9704 figure: A4, margins, 22×28 grid, fonts per
paragraph role, page numbers on the outer side). This module only prepares the data each
template shows — plain dicts, lists and strings — and renders them in a sandboxed,
autoescaping Jinja environment, so a customized template cannot reach Python objects or
the file system. Every file is written atomically: a temp file in the target folder,
then ``os.replace``.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from minutes.drafts import Draft
from minutes.errors import DocumentError
from minutes.models import Deadline, Task

TEMPLATES = ("minutes.docx", "tasks.docx", "assignment.docx")
ROLE_LABELS = {"lead": "牵头单位", "support": "配合单位", "responsible": "责任单位"}
ROLE_NAMES = {"lead": "牵头", "support": "配合", "responsible": "负责"}
TYPE_AREA_PT = 442  # 156 mm: the red header is sized to fit one line of it
# characters XML 1.0 cannot carry (\x0b, \x1f, ...); \t \n \r become spaces first
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[\t\n\r]+")
_CN_DIGITS = "零一二三四五六七八九"


# -- text helpers --------------------------------------------------------------------------

def clean(text: object) -> str:
    """One line of text safe for Word XML: control characters dropped, line breaks as spaces."""
    if text is None:
        return ""
    return _INVALID_XML.sub("", _SPACES.sub(" ", str(text))).strip()


def chinese_date(value: date | None) -> str:
    """成文日期 style: ``2025年3月24日`` (full year, no leading zeros); empty when unknown."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def chinese_number(n: int) -> str:
    """一, 十, 十二, 二十三 … 九十九 (heading numbers)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def deadline_label(deadline: Deadline | None) -> str:
    """As written, with the resolved date when it adds something: ``6月底前（2025年6月30日）``."""
    if deadline is None:
        return ""
    text, resolved = clean(deadline.text), chinese_date(deadline.date)
    if not text:
        return f"{resolved}前" if resolved else ""
    if resolved and resolved not in text:
        return f"{text}（{resolved}）"
    return text


def sentence(text: str) -> str:
    """Close a clause with 。 unless it already ends in punctuation."""
    text = clean(text)
    return text if not text or text[-1] in "。！？；：.!?;" else text + "。"


def units_of(task: Task, role: str) -> list[str]:
    return [clean(unit.name) for unit in task.units if unit.role == role]


def safe_filename(name: str, *, limit: int = 80) -> str:
    """A file name Windows accepts: no ``\\/:*?"<>|`` or control characters, no reserved
    device name (CON, NUL, COM1…), no trailing dot or space, at most ``limit`` characters."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", name).strip(" ._")
    name = name[:limit].rstrip(" .")
    if not name:
        name = "未命名"
    if re.fullmatch(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", name):
        name = "_" + name
    return name


# -- what each template shows ------------------------------------------------------------

def header_text(draft: Draft) -> str:
    return clean(draft.header) or (f"{clean(draft.organ)}会议纪要" if draft.organ else "会议纪要")


def _header(text: str):
    """The red header as a docxtpl RichText whose size fits one line (小初 at most, 二号 at least)."""
    from docxtpl import RichText

    points = max(22, min(36, int(TYPE_AREA_PT * 0.9) // max(len(text), 1)))
    return RichText(text, size=points * 2)


def opening(draft: Draft) -> str:
    """The first sentence: when, who chaired, where, which meeting; parts left out when unknown."""
    who = clean(draft.chair) or clean(draft.organ)
    where = f"在{clean(draft.place)}" if draft.place else ""
    verb = "主持召开" if draft.chair else "召开"
    what = clean(draft.meeting) or "会议"
    head = "，".join(part for part in (chinese_date(draft.date), f"{who}{where}{verb}{what}") if part)
    return f"{head}。现将会议{'主要精神和议定事项' if draft.decisions else '主要精神'}纪要如下："


def decision_text(index: int, task: Task) -> str:
    """``1.要…（牵头单位：A；配合单位：B、C；完成时限：6月底前）。``"""
    text = clean(task.text).rstrip("。；;.")
    notes = [f"{label}：{'、'.join(names)}" for role, label in ROLE_LABELS.items() if (names := units_of(task, role))]
    if task.deadline and (deadline := clean(task.deadline.text) or deadline_label(task.deadline)):
        notes.append(f"完成时限：{deadline}")
    return f"{index}.{text}" + (f"（{'；'.join(notes)}）" if notes else "") + "。"


def minutes_context(draft: Draft) -> dict[str, Any]:
    sections: list[dict[str, Any]] = []
    if draft.agenda:
        items = [{"level": 2, "text": f"（{chinese_number(i)}）{sentence(a)}"} for i, a in enumerate(draft.agenda, 1)]
        sections.append({"title": "会议议题", "items": items})
    if draft.decisions:
        items = []
        for i, decision in enumerate(draft.decisions, 1):
            items.append({"level": 3, "text": decision_text(i, decision.task)})
            items += [{"level": 4, "text": f"（{j}）{sentence(p)}"} for j, p in enumerate(decision.points, 1)]
        sections.append({"title": "议定事项", "items": items})
    for number, section in enumerate(sections, 1):
        section["heading"] = f"{chinese_number(number)}、{section.pop('title')}"
    attendance = [
        {"label": label, "names": "、".join(clean(n) for n in names)}
        for label, names in (("出席", draft.attendees), ("请假", draft.absentees), ("列席", draft.observers))
        if names
    ]
    return {
        "header": _header(header_text(draft)),
        "number": clean(draft.number),
        "organ": clean(draft.organ),
        "date": chinese_date(draft.date),
        "title": clean(draft.title),
        "body": [opening(draft)] + [clean(p) for p in draft.summary if clean(p)],
        "sections": sections,
        "attendance": attendance,
        "distribution": "，".join(clean(d) for d in draft.distribution),
        "printed_by": clean(draft.printed_by) or clean(draft.organ),
        "printed_on": chinese_date(draft.printed_on or draft.date),
    }


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


def assignment_contexts(draft: Draft, on: date) -> list[tuple[str, dict[str, Any]]]:
    """One 交办单 per unit named by any task (in order of first mention), with its role in each."""
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for task in draft.tasks:
        for unit in task.units:
            name = clean(unit.name)
            if name:
                rows = by_unit.setdefault(name, [])
                if not any(row["text"] == clean(task.text) for row in rows):
                    rows.append({"text": clean(task.text), "role": ROLE_NAMES.get(unit.role, "负责"),
                                 "deadline": deadline_label(task.deadline)})
    organ = clean(draft.organ)
    source = clean(draft.title)
    contexts = []
    for unit, rows in by_unit.items():
        for i, row in enumerate(rows, 1):
            row["number"] = str(i)
        contexts.append((unit, {"unit": unit, "organ": organ, "date": chinese_date(on), "number": clean(draft.number),
                                "source": f"{source}（{chinese_date(draft.date)}）" if draft.date else source,
                                "tasks": rows}))
    return contexts


# -- rendering ---------------------------------------------------------------------------

@cache
def _environment():
    """Sandboxed, autoescaping, no loader (no include/import of files), strict about unknown names.

    Compiled templates are kept per source text: rendering the same template a thousand
    times compiles it once.
    """
    from jinja2 import DictLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Environment(ImmutableSandboxedEnvironment):
        compiled: dict[str, Any] = {}

        def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (jinja's name)
            if globals or template_class or len(self.compiled) > 64:
                return super().from_string(source, globals, template_class)
            if source not in self.compiled:
                self.compiled[source] = super().from_string(source)
            return self.compiled[source]

    return Environment(autoescape=True, undefined=StrictUndefined, loader=DictLoader({}))


@cache
def _bundled(name: str) -> bytes:
    from minutes import templates

    return templates.path(name).read_bytes()


def _template_bytes(name: str, custom: str | Path | None) -> tuple[bytes, str]:
    if custom is None:
        return _bundled(name), name
    path = Path(custom)
    try:
        return path.read_bytes(), path.name
    except OSError as error:
        raise DocumentError(f"cannot read template {path}: {error.strerror or error}") from None


def render_docx(name: str, context: dict[str, Any], *, template: str | Path | None = None) -> bytes:
    """Render the bundled template ``name`` (or a customized ``template`` file) to .docx bytes."""
    from zipfile import BadZipFile

    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    data, label = _template_bytes(name, template)
    try:
        document = DocxTemplate(io.BytesIO(data))
        document.render(context, _environment(), autoescape=True)
        out = io.BytesIO()
        document.save(out)
    except TemplateError as error:
        message = clean(getattr(error, "message", None) or error)
        raise DocumentError(f"template {label} is not usable: {message}") from None
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(f"template {label} is not a Word .docx file ({clean(error)})") from None
    return out.getvalue()


def atomic_write(path: str | Path, write: Callable[[io.BufferedWriter], None]) -> Path:
    """Write through a temp file in the target folder, then ``os.replace``: never a half file."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise DocumentError(f"folder {folder} does not exist; create it first")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise DocumentError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def _write_bytes(path: str | Path, data: bytes) -> Path:
    return atomic_write(path, lambda out: out.write(data))


def write_minutes(draft: Draft, path: str | Path, *, template: str | Path | None = None) -> Path:
    """The 会议纪要 (GB/T 9704-2012 §10.3) as a .docx."""
    return _write_bytes(path, render_docx("minutes.docx", minutes_context(draft), template=template))


def write_task_sheet(draft: Draft, path: str | Path, *, template: str | Path | None = None) -> Path:
    """The 任务分解表: landscape, header row repeated on every page, rows never split."""
    return _write_bytes(path, render_docx("tasks.docx", task_sheet_context(draft), template=template))


def write_assignments(
    draft: Draft, folder: str | Path, *, on: date | None = None, template: str | Path | None = None
) -> list[Path]:
    """One 工作任务交办单 per responsible unit, named ``交办单-<unit>.docx`` (safe on Windows)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DocumentError(f"folder {folder} does not exist; create it first")
    written, used = [], set()
    for unit, context in assignment_contexts(draft, on or date.today()):
        stem = safe_filename(f"交办单-{unit}")
        name, n = stem, 1
        while name.lower() in used:  # two units that differ only in forbidden characters
            n += 1
            name = f"{stem}-{n}"
        used.add(name.lower())
        written.append(_write_bytes(folder / f"{name}.docx", render_docx("assignment.docx", context, template=template)))
    return written


def export_templates(folder: str | Path) -> list[Path]:
    """Copy the bundled templates and the example draft into ``folder`` for editing in Word/WPS."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DocumentError(f"folder {folder} does not exist; create it first")
    return [_write_bytes(folder / name, _bundled(name)) for name in (*TEMPLATES, "draft-example.yaml")]


# -- the 台账 ------------------------------------------------------------------------------

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
