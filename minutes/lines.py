"""Rules for the lines of Chinese official text, shared by the readers and the normalizer:
dates as printed (2025年3月24日, 2025-03-24), the signature date at a document's foot, and
the title line under an official 版头.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from minutes import datafiles

# Year first (2025-03-24, 2025年3月24日), or day first with dots as European-style sites
# print it (24.03.2025).
DATE = re.compile(
    r"(20\d\d|19\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})|(?<![\d.])(\d{1,2})\.(\d{1,2})\.(20\d\d|19\d\d)"
)
_SIGNATURE_DATE = re.compile(r"^(?:.{0,40}?[\s\u3000])?(\d{4})年(\d{1,2})月(\d{1,2})日(?:印发)?$")
DOCUMENT_NUMBER = re.compile(r"〔\d{4}〕\d+号|\[\d{4}\]\d+号")


def find_date(text: str | None) -> date | None:
    """The first valid date written 2025-03-24, 2025/3/24, 2025.3.24 or 2025年3月24日."""
    match = DATE.search(text or "")
    if not match:
        return None
    year, month, day = (match[1], match[2], match[3]) if match[1] else (match[6], match[5], match[4])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def signature_date(lines: list[str]) -> date | None:
    """The date an official document is signed with: a short line ending 2025年4月18日."""
    for line in reversed(lines):
        if len(line) <= 60 and (match := _SIGNATURE_DATE.match(line.strip())):
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None


@functools.cache
def _title_rules() -> tuple[int, re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], int]:
    rules = datafiles.load("official_titles.yaml")
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    organs = datafiles.load("organizations.yaml")["issuing_organs"]
    head = re.compile(rf"^\S{{2,40}}(?:{alt(organs)})(?:{alt(rules['head_marks'])})?$")
    title = re.compile(
        rf"^(?:(?:{alt(rules['title_starts'])})[^。；;，,：:]{{4,80}}"
        rf"|[^。；;，,：:]{{4,80}}(?:{alt(rules['document_kinds'])})(?:[（(][^）)]{{1,8}}[）)])?)$"
    )
    return (rules["head_lines"], head, title, re.compile(rules["head_mark_line"]), re.compile(rules["junk_line"]),
            re.compile(rules["body_line"]), rules["title_max_length"])


def plain_title(lines: list[str]) -> str | None:
    """The title of a plain text: after an official 版头 (issuing organ, document number)
    the first line shaped like a 公文 title; otherwise its first title-shaped line, junk
    lines (site chrome, page metadata) skipped; None when body text comes first (a repost
    that starts with its lead paragraph, a page that starts mid-plan)."""
    reach, head, title, mark, junk, body, longest = _title_rules()
    squashed = [re.sub(r"\s+", "", line) for line in lines[:reach]]
    skip = next((i for i, line in enumerate(squashed) if not _is_junk(line, junk)), None)
    if skip is None:
        return None
    lines, squashed = lines[skip:], squashed[skip:]
    first = squashed[0]
    if head.match(first) or DOCUMENT_NUMBER.search(first):
        for line in lines[1:reach]:
            squashed = re.sub(r"\s+", "", line)
            if (not DOCUMENT_NUMBER.search(line) and title.match(line) and not head.match(squashed)
                    and not mark.match(squashed)):
                return line
        return lines[0]
    for line, bare in zip(lines, squashed):
        if _is_junk(bare, junk):
            continue
        han = len(re.findall("[\u4e00-\u9fff]", bare))  # reading aids (zhèng) do not count
        return None if body.search(bare) or han > longest else line
    return None


def _is_junk(line: str, junk: re.Pattern[str]) -> bool:
    return bool(junk.search(line)) or len(re.findall(r"\w", line)) < 4
