"""Reading sources into ``Document`` objects: local .txt/.html/.docx files and page bytes.

``read(path)`` for files, ``read_bytes(data, source)`` for bytes already in hand (the
scrapers pass a page and its URL). Readers keep text as found — normalization is
``nlp.normalize``'s job — but they do decide the encoding, drop a page's site chrome,
and keep tables as ``Table`` blocks in document order.

One module per format (``txt``, ``html``, ``docx``) and one for decoding text bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from minutes.errors import ReadError
from minutes.models import Document
from minutes.readers.common import MAX_BYTES, OVER_LIMIT, source_label
from minutes.readers.encoding import decode

__all__ = ["MAX_BYTES", "decode", "guess_kind", "read", "read_bytes"]

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".jsp": "html",
    ".php": "html",
    ".asp": "html",
    ".aspx": "html",
    ".docx": "docx",
}


def read(path: str | Path) -> Document:
    """Read a local .txt, .html/.htm or .docx file (a regular file: not a FIFO or a device)."""
    from minutes.inputs import read_regular

    path = Path(path)
    data = read_regular(path, MAX_BYTES, ReadError, over=OVER_LIMIT)
    return read_bytes(data, str(path))


def read_bytes(
    data: bytes,
    source: str,
    kind: str | None = None,
    selectors: dict[str, str] | None = None,
    encoding: str | None = None,
) -> Document:
    """Read a source's bytes; ``kind`` (txt/html/docx) is guessed from the name or content.

    ``selectors`` are a site rule's CSS selectors for ``title``, ``date`` and ``body``;
    they are tried before the generic rules. ``encoding`` is a charset declared outside
    the bytes (an HTTP header, a source's override, the encoding found when the document
    was first read): it is tried first, before a page's meta tag, and still checked.
    """
    label = source_label(source)
    if len(data) > MAX_BYTES:
        raise ReadError(f"{label}: {len(data) / 2**20:.0f} MB, {OVER_LIMIT}")
    if not data.strip():
        raise ReadError(f"{label}: empty file")
    kind = kind or guess_kind(source, data)
    if kind == "txt":
        from minutes.readers.txt import read_txt

        return read_txt(data, source, encoding)
    if kind == "html":
        from minutes.readers.html import read_html

        return read_html(data, source, selectors or {}, encoding)
    if kind == "docx":
        from minutes.readers.docx import read_docx

        return read_docx(data, source)
    raise ReadError(f"{label}: unsupported kind {kind!r} (expected txt, html or docx)")


def guess_kind(source: str, data: bytes) -> str:
    """txt, html or docx, from the file name (or URL path), else from the content."""
    path = re.sub(r"[?#].*$", "", source)
    suffix = Path(path).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:2048].lower()
    if any(marker in head for marker in (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")):
        return "html"
    return "txt"
