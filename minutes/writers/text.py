"""Text as the documents print it: dates and numbers in Chinese, deadlines, file names."""

from __future__ import annotations

import itertools
import math
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


_FULL_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日(前|之前)?$")
# a time limit that names its month (6月底前, 5月15日前) or the year's end needs no resolved date
_NAMES_ITS_DAY = re.compile(r"\d+\s*月|[一二三四五六七八九十]+月|年底|年内|年末|年前")


def deadline_label(deadline: Deadline | None, year: int | None = None) -> str:
    """The time limit shown once: as written (``6月底前``, ``每月5日前``, ``长期坚持``), the
    resolved date added only where the text does not name the day itself (``30日内（4月23日前）``),
    and the year left out where it is ``year`` (the meeting's)."""
    if deadline is None:
        return ""
    text, day = clean(deadline.text), deadline.date
    if not text:
        return f"{short_date(day, year)}前" if day else ""
    if match := _FULL_DATE.match(text):
        if year is not None and int(match[1]) == year:
            return f"{int(match[2])}月{int(match[3])}日{match[4] or ''}"
        return text
    if deadline.kind == "by" and day and not _NAMES_ITS_DAY.search(text):
        return f"{text}（{short_date(day, year)}前）"
    return text


def short_date(value: date, year: int | None = None) -> str:
    """``5月15日`` within ``year``, ``2026年1月15日`` outside it."""
    return f"{value.month}月{value.day}日" if value.year == year else chinese_date(value)


def title_lines(title: str, width: float) -> list[str]:
    """The lines of a 2号 title ``width`` characters wide: breaks written by the clerk (a newline)
    are kept; otherwise lines break between words (jieba's), never inside one, in a trapezoid
    (each line at least as long as the one above) or a diamond (longest in the middle), the
    most even such shape with the fewest lines."""
    # only \n (or \r\n) breaks: str.splitlines would also break at \x0b, \x1c … which clean() drops
    written = [clean(line) for line in re.split(r"\r?\n|\r", str(title or ""))]
    written = [line for line in written if line]
    if len(written) != 1 or text_width(written[0]) <= width:
        return written
    text = written[0]
    stops = _word_stops(text)
    best = None
    fewest = math.ceil(text_width(text) / width)
    for count in range(fewest, fewest + 3):
        for cuts in itertools.combinations(stops, count - 1):
            lines = [text[a:b] for a, b in zip((0, *cuts), (*cuts, len(text)))]
            widths = [text_width(line) for line in lines]
            if max(widths) > width:
                continue
            score = (not _well_shaped(widths), max(widths) - min(widths))
            if best is None or score < best[0]:
                best = (score, lines)
        if best:
            return best[1]
    return [text]  # one word wider than the line: nothing to break at


_NO_LINE_START = set("的之等，。、；：？！）》”")
_NO_LINE_END = ("关于", "《", "（", "“")


def _word_stops(text: str) -> list[int]:
    """Positions between two words where a line may break."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    stops, at = [], 0
    for word in jieba.lcut(text):
        at += len(word)
        if 0 < at < len(text) and text[at] not in _NO_LINE_START and not text[:at].endswith(_NO_LINE_END):
            stops.append(at)
    return stops


def text_width(text: str) -> float:
    """In full-width characters: digits and Latin letters are half as wide."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def _well_shaped(widths: list[float]) -> bool:
    """A trapezoid (no line shorter than the one above) or a diamond (rising, then falling)."""
    peak = widths.index(max(widths))
    rising = all(a <= b for a, b in zip(widths[: peak + 1], widths[1 : peak + 1]))
    falling = all(a >= b for a, b in zip(widths[peak:], widths[peak + 1 :]))
    return rising and (falling if 0 < peak < len(widths) - 1 else peak == len(widths) - 1)


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
