"""What every reader shares: the size limit, how a source is named in messages, cells."""

from __future__ import annotations

import re
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # announcements, not dumps
OVER_LIMIT = f"over the {MAX_BYTES // 2**20} MB limit for one announcement"


def source_label(source: str) -> str:
    return source if "://" in source else (Path(source).name or source)


def join_cell(lines: list[str]) -> str:
    """One cell's text: short unpunctuated lines are a list (市经信局<br>市市场监管局)."""
    lines = [line for line in lines if line]
    if len(lines) > 1 and all(len(line) <= 25 and not re.search(r"[。；;，,：:]$", line) for line in lines):
        return "、".join(lines)
    return "".join(lines)


MAX_ROWSPAN, MAX_COLSPAN = 1000, 50  # a span of a table's cell beyond these is a page's error


def cell_span(value: str | None, limit: int) -> int:
    """The rows or columns a cell's span attribute (rowspan, colspan, gridSpan) gives, 1
    when absent or not a number, at most ``limit``."""
    try:
        return min(max(int(value or 1), 1), limit)
    except ValueError:
        return 1
