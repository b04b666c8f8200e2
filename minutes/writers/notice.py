"""会议通知: the GB/T 9704 notice of a meeting, with its 回执 (reply slip) as the 附件."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from minutes.drafts import NoticeDraft
from minutes.writers.minutes import TITLE_CHARS, distribution, header_run
from minutes.writers.render import render_docx, write_bytes
from minutes.writers.text import chinese_date, chinese_number, clean, sentence, title_lines

_WEEKDAYS = "一二三四五六日"
_MOMENT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$")


def moment(text: str | None, *, weekday: bool = True) -> str:
    """``2025-04-02 09:30`` as a notice prints it: ``2025年4月2日（星期三）上午9:30``; text
    written otherwise is kept as it is."""
    text = clean(text)
    match = _MOMENT.match(text)
    if not match:
        return text
    year, month, day, hour, minute = match.groups()
    try:
        when = date(int(year), int(month), int(day))
        if hour is not None:
            datetime(when.year, when.month, when.day, int(hour), int(minute))
    except ValueError:
        return text
    printed = chinese_date(when) + (f"（星期{_WEEKDAYS[when.weekday()]}）" if weekday else "")
    if hour is None:
        return printed
    h = int(hour)
    part = "上午" if h < 12 else "下午" if h < 18 else "晚上"
    return f"{printed}{part}{h if h <= 12 else h - 12}:{minute}"


def notice_context(draft: NoticeDraft) -> dict[str, Any]:
    organ = clean(draft.organ)
    meeting = clean(draft.meeting)
    when, place = moment(draft.time), clean(draft.place)
    opening = (clean(draft.purpose).rstrip("，。,.") + "，" if draft.purpose else "") + "经研究，定于"
    opening += f"{when}" if when else ""
    opening += f"在{place}" if place else ""
    opening += f"召开{meeting}。现将有关事项通知如下："

    sections: list[tuple[str, list[dict[str, Any]]]] = []
    if when:
        sections.append(("会议时间", [{"level": 0, "text": sentence(when)}]))
    if place:
        sections.append(("会议地点", [{"level": 0, "text": sentence(place)}]))
    if draft.attendees:
        people = [f"{clean(a.unit)}：{clean(a.who)}" if a.who else clean(a.unit) for a in draft.attendees]
        sections.append(("参会人员", [{"level": 0, "text": "；".join(people) + "。"}]))
    if draft.agenda:
        sections.append(("会议议程", [{"level": 2, "text": f"（{chinese_number(i)}）{sentence(item)}"}
                                      for i, item in enumerate(draft.agenda, 1)]))
    requirements = [sentence(text) for text in draft.requirements]
    if draft.materials:
        requirements.insert(0, f"请携带{'、'.join(clean(m).rstrip('。') for m in draft.materials)}。")
    receipt = None
    if draft.attendees or draft.receipt_due:
        due = moment(draft.receipt_due, weekday=False)
        to = f"报送至{clean(draft.receipt_to)}" if draft.receipt_to else f"报送{organ}" if organ else "报回"
        requirements.append(f"请各参会单位{'于' + due + '前' if due else ''}将参会回执（见附件）{to}。")
        receipt = {
            "title": "参会回执",
            "rows": [{"unit": clean(a.unit), "name": "", "post": "", "phone": ""} for a in draft.attendees]
            or [{"unit": "", "name": "", "post": "", "phone": ""}],
            "note": f"请于{due}前报送。" if due else "",
        }
    if draft.contact or draft.phone:
        contact = "，".join(part for part in (f"联系人：{clean(draft.contact)}" if draft.contact else "",
                                              f"电话：{clean(draft.phone)}" if draft.phone else "") if part)
        requirements.append(contact + "。")
    if requirements:
        sections.append(("有关要求", [{"level": 2, "text": f"（{chinese_number(i)}）{text}"}
                                      for i, text in enumerate(requirements, 1)]))
    title = draft.title if clean(draft.title) else f"关于召开{meeting}的通知"
    return {
        "header": header_run(clean(draft.header) or (f"{organ}文件" if organ else "会议通知")),
        "number": clean(draft.number),
        "title": "\n".join(title_lines(title, TITLE_CHARS)),
        "to": "，".join(clean(unit) for unit in draft.to if clean(unit)),
        "body": [opening],
        "sections": [{"heading": f"{chinese_number(i)}、{heading}", "items": items}
                     for i, (heading, items) in enumerate(sections, 1)],
        "receipt": receipt,
        "organ": organ,
        "date": chinese_date(draft.date),
        "distribution": distribution(draft.distribution),
        "printed_by": clean(draft.printed_by) or organ,
        "printed_on": chinese_date(draft.printed_on or draft.date),
    }


def write_notice(draft: NoticeDraft, path: str | Path, *, template: str | Path | None = None) -> Path:
    """The 会议通知 as a .docx, its 回执 on the last page."""
    context = notice_context(draft)
    data = render_docx("notice.docx", context, template=template, title=context["title"].replace("\n", ""),
                       author=context["organ"], identifier=context["number"])
    return write_bytes(path, data)
