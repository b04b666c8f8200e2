"""Text as the documents print it: dates and numbers in Chinese, deadlines, file names."""

from __future__ import annotations

import re
from datetime import date

from minutes.models import Deadline, Task

ROLE_LABELS = {"lead": "牵头单位", "support": "配合单位", "responsible": "责任单位"}
ROLE_NAMES = {"lead": "牵头", "support": "配合", "responsible": "负责"}
# characters XML 1.0 cannot carry (\x0b, \x1f, ...); \t \n \r become spaces first
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[\t\n\r]+")
_CN_DIGITS = "零一二三四五六七八九"


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
