"""会议纪要: the GB/T 9704 minutes of one meeting."""

from __future__ import annotations

import math

from pathlib import Path
from typing import Any

from minutes.drafts import Draft
from minutes.models import Task
from minutes.writers.render import render_docx, write_bytes
from minutes.writers.text import (
    ROLE_LABELS, chinese_date, chinese_number, clean, deadline_label, sentence, text_width, title_lines, units_of,
)

TYPE_AREA_PT = 442.2  # 156 mm
HEADER_PT = 36  # 小初, the 红头 style's size in minutes.docx
TITLE_CHARS = 20  # 2号 (22 pt) characters on a line of the portrait type area


def header_text(draft: Draft) -> str:
    return clean(draft.header) or (f"{clean(draft.organ)}会议纪要" if draft.organ else "会议纪要")


def header_run(text: str, size_pt: float = HEADER_PT, width_pt: float = TYPE_AREA_PT):
    """The red 纪要标志 on one line: at its full size (小初) while it fits, condensed beyond that
    as Word's 字符缩放 does (w:w, the width of each character in percent), never smaller."""
    from docxtpl import RichText

    run = RichText(text)
    scale = min(100, math.floor(97 * width_pt / (size_pt * text_width(text))))
    if scale < 100:
        run.xml = run.xml.replace("<w:r>", f'<w:r><w:rPr><w:w w:val="{max(scale, 1)}"/></w:rPr>', 1)
    return run


def opening(draft: Draft) -> str:
    """The first sentence: when, who chaired, where, which meeting; parts left out when unknown."""
    who = clean(draft.chair) or clean(draft.organ)
    where = f"在{clean(draft.place)}" if draft.place else ""
    verb = "主持召开" if draft.chair else "召开"
    what = clean(draft.meeting) or "会议"
    head = "，".join(part for part in (chinese_date(draft.date), f"{who}{where}{verb}{what}") if part)
    return f"{head}。现将会议{'主要精神和议定事项' if draft.decisions else '主要精神'}纪要如下："


def decision_text(index: int, task: Task, year: int | None = None) -> str:
    """``1.要…（牵头单位：A；配合单位：B、C；完成时限：6月底前）。``"""
    text = clean(task.text).rstrip("。；;.")
    notes = [f"{label}：{'、'.join(names)}" for role, label in ROLE_LABELS.items() if (names := units_of(task, role))]
    if deadline := deadline_label(task.deadline, year):
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
            items.append({"level": 3, "text": decision_text(i, decision.task, draft.date.year if draft.date else None)})
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
        "header": header_run(header_text(draft)),
        "number": clean(draft.number),
        "organ": clean(draft.organ),
        "date": chinese_date(draft.date),
        "title": "\n".join(title_lines(draft.title, TITLE_CHARS)),
        "body": [opening(draft)] + [clean(p) for p in draft.summary if clean(p)],
        "sections": sections,
        "attendance": attendance,
        "distribution": distribution(draft.distribution),
        "printed_by": clean(draft.printed_by) or clean(draft.organ),
        "printed_on": chinese_date(draft.printed_on or draft.date),
    }


def distribution(units: list[str]) -> str:
    """分送/抄送: units separated by 逗号, a 句号 after the last (GB/T 9704 §7.4.2)."""
    names = [name for name in (clean(unit).rstrip("，,。.；;") for unit in units) if name]
    return "，".join(names) + "。" if names else ""


def write_minutes(draft: Draft, path: str | Path, *, template: str | Path | None = None) -> Path:
    """The 会议纪要 (GB/T 9704-2012 §10.3) as a .docx."""
    data = render_docx("minutes.docx", minutes_context(draft), template=template,
                       title=clean(draft.title), author=clean(draft.organ), identifier=clean(draft.number))
    return write_bytes(path, data)
