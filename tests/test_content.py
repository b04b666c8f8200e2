"""How a document's text and raw bytes are stored: compressed together, back exactly."""

from __future__ import annotations

import pytest

from minutes.store.content import pack, raw_size, unpack, unpack_text

TEXT = "关于加强秸秆禁烧工作的通知\n各区县要落实属地责任，4月底前完成台账核查。"


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        (TEXT, TEXT.encode("utf-8")),
        (TEXT, "\ufeff".encode() + TEXT.encode("utf-8")),  # a byte-order mark stays
        (TEXT, TEXT.encode("gb18030")),
        ("關於加強", "關於加強".encode("big5")),
        (TEXT, b"<html>" + TEXT.encode() + b"\xff\xfe not utf-8"),
        ("emoji 🌏 beyond the BMP", "🌏".encode()),
        ("", b""),
        ("", b"raw only"),
    ],
)
def test_text_and_raw_bytes_come_back_exactly(text, raw):
    blob = pack(text, raw)
    assert unpack(blob) == (text, raw)
    assert unpack_text(blob) == text
    assert raw_size(blob) == len(raw)


def test_a_text_stored_with_its_utf8_source_costs_little_more_than_the_text():
    text = TEXT * 30
    assert len(pack(text, text.encode())) < len(pack(text, b"")) * 1.1


def test_every_code_point_comes_back_from_gb18030_as_it_was():
    # what lets pack() store GB18030 without decoding it again to compare
    code_points = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert code_points.encode("gb18030").decode("gb18030") == code_points
    assert unpack(pack(code_points, code_points.encode()))[0] == code_points
