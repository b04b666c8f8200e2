"""工作任务交办单: one sheet per responsible unit."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from minutes.drafts import Draft
from minutes.errors import DocumentError
from minutes.writers.render import render_docx, write_bytes
from minutes.writers.text import ROLE_NAMES, chinese_date, clean, deadline_label, safe_filename

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
        written.append(write_bytes(folder / f"{name}.docx", render_docx("assignment.docx", context, template=template)))
    return written
