"""How a document's text and raw bytes are kept: one compressed stream, text first.

The normalized text and the raw bytes it was read from are mostly the same characters
(a .txt file is its text with a few spaces and punctuation marks changed), so they are
compressed together: the second copy costs a few back-references instead of its size.
The text comes first and its size is in a small header, so reading the text (snippets,
``Archive.document``) decompresses only the text, never the raw bytes.

Chinese text is written in GB18030 for compression (two bytes a character instead of
UTF-8's three: 17 % smaller compressed, and faster), and raw bytes that are UTF-8 are
transcoded to GB18030 likewise, so that they still match the text; both are checked to
come back exactly (GB18030 encodes all of Unicode), else kept as they are.

Layout: a flags byte (1: text in UTF-8, not GB18030; 2: raw bytes transcoded from
UTF-8; 4: zstd), the stored text size and the raw size (4 bytes each, big-endian), then
``zstd(text + raw)``. Blobs written before zstd (flag 4 unset) hold ``zlib(text + raw)``
and are read as they are.
"""

from __future__ import annotations

import struct
import threading
import zlib
from typing import Any

_HEADER = struct.Struct(">BII")
_TEXT_UTF8, _RAW_TRANSCODED, _ZSTD = 1, 2, 4
# zstd level 3: on the synthetic announcements of benchmarks/search.py (~1,500
# characters, text and raw bytes) 1 % larger than level 4 (2,002 bytes against 1,983,
# ~20 bytes of the ~7 KB a document takes on disk) in 60 % of its time (25 µs against
# 43), as small as zlib at its default level 6 (~2,000 bytes, 97 µs); level 2 is 0.4 %
# larger again for 3 µs less, levels up to 19 at most 0.6 % smaller than level 4 for
# 2–15 times its time.
LEVEL = 3


def pack(text: str, raw: bytes) -> bytes:
    flags = 0
    stored_text = _gb18030(text)
    if stored_text is None:
        stored_text, flags = text.encode("utf-8"), _TEXT_UTF8
    stored_raw = raw
    try:
        transcoded = _gb18030(raw.decode("utf-8"))
    except UnicodeDecodeError:
        transcoded = None
    if transcoded is not None:
        stored_raw, flags = transcoded, flags | _RAW_TRANSCODED
    return _HEADER.pack(flags | _ZSTD, len(stored_text), len(raw)) + _compressor().compress(stored_text + stored_raw)


def unpack(blob: bytes) -> tuple[str, bytes]:
    """(text, raw bytes)."""
    flags, text_size, _ = _HEADER.unpack_from(blob)
    data = _decompress(blob, flags)
    raw = data[text_size:]
    if flags & _RAW_TRANSCODED:
        raw = raw.decode("gb18030").encode("utf-8")
    return _text(data[:text_size], flags), raw


def unpack_text(blob: bytes) -> str:
    """The text alone: the stream is decompressed only as far as the text goes."""
    flags, text_size, _ = _HEADER.unpack_from(blob)
    if not text_size:  # (a max_length of 0 would mean "no limit")
        return ""
    if flags & _ZSTD:  # (zstd decompresses a whole document in a few µs)
        return _text(_decompress(blob, flags)[:text_size], flags)
    return _text(zlib.decompressobj().decompress(memoryview(blob)[_HEADER.size :], text_size), flags)


def raw_size(blob: bytes) -> int:
    """How many raw bytes the source had."""
    return _HEADER.unpack_from(blob)[2]


def _decompress(blob: bytes, flags: int) -> bytes:
    data = memoryview(blob)[_HEADER.size :]
    return _decompressor().decompress(data) if flags & _ZSTD else zlib.decompress(data)


def _compressor() -> Any:
    if not hasattr(_local, "compressor"):
        import zstandard

        _local.compressor = zstandard.ZstdCompressor(level=LEVEL)
    return _local.compressor


def _decompressor() -> Any:
    if not hasattr(_local, "decompressor"):
        import zstandard

        _local.decompressor = zstandard.ZstdDecompressor()
    return _local.decompressor


# zstandard's (de)compressors are not to be shared by threads (the web page searches in
# several): one of each per thread, made on first use.
_local = threading.local()


def _text(data: bytes, flags: int) -> str:
    return data.decode("utf-8" if flags & _TEXT_UTF8 else "gb18030")


def _gb18030(text: str) -> bytes | None:
    """The text in GB18030, or None when it cannot be (a lone surrogate). It comes back
    exactly: Python's codec maps every other code point to a code of its own, and its
    codes decode one after the other (tests/test_content.py checks every code point), so
    the text is not decoded again to compare."""
    try:
        return text.encode("gb18030")
    except UnicodeEncodeError:
        return None
