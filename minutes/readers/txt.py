"""Plain text files: one block a non-blank line; the title under an official 版头."""

from __future__ import annotations

from minutes.lines import plain_title
from minutes.models import Document
from minutes.readers.encoding import decode


def read_txt(data: bytes, source: str, declared: str | None = None) -> Document:
    text, encoding = decode(data, source, declared)
    blocks: list[str] = [stripped for line in text.splitlines() if (stripped := line.strip())]
    return Document(
        source=source,
        kind="txt",
        raw=data,
        encoding=encoding,
        title=plain_title(blocks),  # (every block of a text file is a line)
        blocks=blocks,
    )
