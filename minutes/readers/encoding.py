"""Decoding text bytes: UTF-8, GB18030/GBK and Big5 as Chinese sources come, never a bad guess."""

from __future__ import annotations

import functools
import re

from minutes.errors import ReadError
from minutes.readers.common import source_label

# Encodings Chinese text files come in; the first one that decodes best wins a tie.
_TEXT_ENCODINGS = ("utf-8", "gb18030", "big5")
# Declared charsets that are subsets of one we decode with.
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
                     "big5-hkscs": "big5hkscs", "utf8": "utf-8"}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CJK_PUNCTUATION = re.compile("[\u2010-\u206f\u3000-\u303f\uff00-\uffef]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
# Below this share of common characters among the non-ASCII ones, a decoding is garbage.
_MIN_COMMON_SHARE = 0.6


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes, returning (text, encoding); ``ReadError`` rather than a bad guess.

    A byte-order mark decides; bytes that are valid UTF-8 (with no other charset
    declared) are UTF-8: Chinese text in GB18030 or Big5 is never valid UTF-8 beyond a
    few characters, so no scoring is needed. Otherwise each candidate (the declared charset first,
    then UTF-8, GB18030, Big5) that decodes without error is scored by the share of
    common Chinese characters and punctuation among its non-ASCII characters —
    GB18030 decodes almost any bytes, so decoding alone proves nothing.
    """
    label = source_label(source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), label), encoding.replace("-sig", "")
    if _canonical(declared) in (None, "utf-8"):
        try:
            return _checked(data.decode("utf-8"), label, data), "utf-8"
        except UnicodeDecodeError:
            pass
    candidates = list(dict.fromkeys([e for e in (_canonical(declared),) if e] + list(_TEXT_ENCODINGS)))
    best: tuple[float, str, str] | None = None
    for errors in ("strict", "replace"):
        for encoding in candidates:
            try:
                text = data.decode(encoding, errors=errors)
            except (UnicodeDecodeError, LookupError):
                continue
            if errors == "replace" and text.count("\ufffd") > max(1, len(text) // 1000):
                continue
            share = _common_share(text)
            if best is None or share > best[0]:
                best = (share, text, encoding)
            if encoding == "utf-8" and errors == "strict" and share >= _MIN_COMMON_SHARE:
                break  # valid UTF-8 with sensible content is never an accident
        if best and best[0] >= _MIN_COMMON_SHARE:
            return _checked(best[1], label), best[2]
    _checked(data.decode("latin-1"), label)  # binary data gets the clearer message
    raise ReadError(f"{label}: cannot tell the text encoding (not UTF-8, GB18030/GBK or Big5)")


def _canonical(encoding: str | None) -> str | None:
    if not encoding:
        return None
    encoding = encoding.strip().lower()
    return _ENCODING_ALIASES.get(encoding, encoding)


def _checked(text: str, label: str, utf8: bytes | None = None) -> str:
    """The text, unless control characters say it is binary data after all. ``utf8``: the
    bytes it was decoded from as UTF-8, when it was (its controls are counted there)."""
    sample = text[:_SAMPLE]
    if "\x00" in sample or _controls(sample, utf8 if len(text) <= _SAMPLE else None) > len(sample) // 100:
        raise ReadError(f"{label}: not a text file (binary data)")
    if not text or text.isspace():  # (what strip would leave empty, without the copy)
        raise ReadError(f"{label}: empty file")
    return text


_SAMPLE = 100_000  # characters looked at for control characters


def _controls(text: str, utf8: bytes | None = None) -> int:
    """How many characters of ``_CONTROL`` the text holds, counted in its UTF-8 bytes at C
    speed (``utf8`` when given: those it was decoded from): each is one byte there, and
    every byte of another character is 0x80 or above (the pattern tries every position of
    the text)."""
    if utf8 is None:
        try:
            utf8 = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            return len(_CONTROL.findall(text))
    return len(utf8) - len(utf8.translate(None, _CONTROL_BYTES))


def _common_share(text: str) -> float:
    """Share of non-ASCII characters that are common Han characters or CJK punctuation."""
    common = _common_chars()
    sample = text[:20_000]
    others = [c for c in sample if c > "\x7f"]
    if not others:
        return 1.0
    hits = sum(1 for c in others if c in common or _CJK_PUNCTUATION.match(c))
    return hits / len(others)


@functools.cache
def _common_chars() -> frozenset[str]:
    """GB2312 level-1 (3,755 Simplified) plus Big5 常用字 (5,401 Traditional) characters."""
    chars: set[str] = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for high in range(0xA4, 0xC7):
        for low in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                chars.add(bytes((high, low)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)
