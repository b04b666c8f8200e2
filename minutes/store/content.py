"""How a document's text and raw bytes are kept: one zlib stream, text first.

The normalized text and the raw bytes it was read from are mostly the same characters
(a UTF-8 .txt file is its text with a few spaces and punctuation marks changed), so they
are compressed together: the second copy costs a few back-references instead of its
size. The text comes first and its length is in a small header, so reading the text
(snippets, ``Archive.document``) decompresses only the text, never the raw bytes.

Layout: 4-byte text length, 4-byte raw length (big-endian, uncompressed), then
``zlib(text as UTF-8 + raw)``.
"""

from __future__ import annotations

import struct
import zlib

_HEADER = struct.Struct(">II")
# zlib level 6 (the default): level 9 saves under 1 % on announcements at twice the time,
# level 1 costs 6 % more space (benchmarks/search.py figures in the README).
LEVEL = 6


def pack(text: str, raw: bytes) -> bytes:
    encoded = text.encode("utf-8")
    return _HEADER.pack(len(encoded), len(raw)) + zlib.compress(encoded + raw, LEVEL)


def unpack(blob: bytes) -> tuple[str, bytes]:
    """(text, raw bytes)."""
    text_size, _ = _HEADER.unpack_from(blob)
    data = zlib.decompress(memoryview(blob)[_HEADER.size :])
    return data[:text_size].decode("utf-8"), data[text_size:]


def unpack_text(blob: bytes) -> str:
    """The text alone: the stream is decompressed only as far as the text goes."""
    text_size, _ = _HEADER.unpack_from(blob)
    if not text_size:  # (a max_length of 0 would mean "no limit")
        return ""
    return zlib.decompressobj().decompress(memoryview(blob)[_HEADER.size :], text_size).decode("utf-8")


def raw_size(blob: bytes) -> int:
    """How many raw bytes the source had."""
    return _HEADER.unpack_from(blob)[1]
