"""Word documents (.docx): paragraphs and tables in document order, read from the XML."""

from __future__ import annotations

import io
from typing import Any

from minutes.errors import ReadError
from minutes.lines import DOCUMENT_NUMBER, plain_title, signature_date
from minutes.models import Block, Document, Table
from minutes.readers.common import MAX_BYTES, MAX_COLSPAN, cell_span, join_cell, source_label


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_CONTAINERS = {f"{_W}hyperlink", f"{_W}ins", f"{_W}smartTag", f"{_W}fldSimple", f"{_W}customXml"}
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


# What one part of the package may unpack to: checked on the bytes actually inflated, as
# the sizes the zip directory declares are the packer's word only (a zip bomb lies).
MAX_PART = 5 * MAX_BYTES


class _TooLarge(Exception):
    """A package part inflates past ``MAX_PART``; the message is the part's name."""


def read_docx(data: bytes, source: str) -> Document:
    import zipfile
    import zlib

    from lxml import etree

    label = source_label(source)
    if not data.startswith(b"PK\x03\x04"):
        raise ReadError(f"{label}: not a valid .docx (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            name = _main_part(package)
            body = etree.fromstring(_part(package, name), _parser()).find(f"{_W}body")
            core = _core_properties(package)
    except _TooLarge as error:
        raise ReadError(f"{label}: not a valid .docx ({error} unpacks to over {MAX_PART // 2**20} MB)") from None
    except zipfile.BadZipFile as error:
        raise ReadError(f"{label}: not a valid .docx (damaged or truncated zip: {error})") from None
    except KeyError:
        raise ReadError(f"{label}: not a valid .docx (no word/document.xml inside)") from None
    except NotImplementedError as error:  # (a RuntimeError) deflate64, bzip2 of old tools...: zipfile cannot unpack it
        raise ReadError(f"{label}: .docx packed in a way that cannot be read ({error}); save it again in Word or WPS") from None
    except RuntimeError as error:  # zipfile's word for an encrypted member
        if "encrypted" not in str(error):
            raise ReadError(f"{label}: not a valid .docx (damaged content: {error})") from None
        raise ReadError(f"{label}: password-protected .docx; save it without a password first") from None
    except (etree.XMLSyntaxError, EOFError, OSError, ValueError, zipfile.LargeZipFile, zlib.error) as error:
        raise ReadError(f"{label}: not a valid .docx (damaged content: {error})") from None
    if body is None:
        raise ReadError(f"{label}: not a valid .docx (document has no body)")

    blocks: list[Block] = []
    centred: list[str] = []  # early centred paragraphs: where an official document's title is
    _docx_blocks(body, blocks, centred)
    paragraphs = [b for b in blocks if isinstance(b, str)]
    # The longest centred line heads the document; on a tie the later one (the title
    # comes after the issuing office's name).
    title = max(reversed([c for c in centred if not DOCUMENT_NUMBER.search(c)]), key=len, default=None)
    return Document(
        source=source,
        kind="docx",
        raw=data,
        # no centring to go by: the first line, or the title after an official 版头
        title=title or plain_title(paragraphs) or core.get("title") or None,
        published=signature_date(paragraphs),
        blocks=blocks,
        # when the file was made (often a template's, years old): a date to count deadlines
        # from when the text prints none, never the document's published date
        metadata={"file_created": core["created"]} if "created" in core else {},
    )


def _part(package: Any, name: str) -> bytes:
    """A part's bytes, inflating no more than ``MAX_PART`` whatever the zip directory claims."""
    with package.open(name) as stream:
        data = stream.read(MAX_PART + 1)
    if len(data) > MAX_PART:
        raise _TooLarge(name)
    return data


def _parser() -> Any:
    """Package XML: no network, no entities expanded (XXE, billion laughs), no DTD."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _main_part(package: Any) -> str:
    """The main document part named by the package relationships (word/document.xml)."""
    from lxml import etree

    try:
        relationships = etree.fromstring(_part(package, "_rels/.rels"), _parser())
    except (KeyError, etree.XMLSyntaxError):
        return "word/document.xml"
    for relationship in relationships:
        if relationship.get("Type") == _OFFICE_DOCUMENT and relationship.get("Target"):
            return relationship.get("Target").lstrip("/")
    return "word/document.xml"


def _core_properties(package: Any) -> dict[str, str]:
    """title and created from docProps/core.xml (empty when absent)."""
    from lxml import etree

    try:
        core = etree.fromstring(_part(package, "docProps/core.xml"), _parser())
    except (KeyError, etree.XMLSyntaxError):
        return {}
    found = {etree.QName(e).localname: (e.text or "").strip() for e in core}
    return {key: found[key] for key in ("title", "created") if found.get(key)}


def _docx_blocks(container: Any, blocks: list[Block], centred: list[str]) -> None:
    """Paragraphs and tables of a body (or content control) in document order."""
    for child in container:
        if child.tag == f"{_W}p":
            lines = _paragraph_lines(child)
            blocks.extend(lines)
            if len(lines) == 1 and len(blocks) <= 10 and len(lines[0]) <= 80 and _centred(child):
                centred.append(lines[0])
        elif child.tag == f"{_W}tbl":
            if rows := _docx_rows(child):
                blocks.append(Table(rows))
        elif child.tag == f"{_W}sdt":
            for content in child.iter(f"{_W}sdtContent"):
                _docx_blocks(content, blocks, centred)
                break


def _paragraph_lines(paragraph: Any) -> list[str]:
    """A paragraph's text; a manual line break (w:br) starts a new line, as <br> does in HTML."""
    lines: list[str] = []
    current: list[str] = []
    for run in _runs(paragraph):
        for item in run:
            if item.tag == f"{_W}t":
                current.append(item.text or "")
            elif item.tag == f"{_W}tab":
                current.append(" ")
            elif item.tag in (f"{_W}br", f"{_W}cr"):
                lines.append("".join(current))
                current = []
    lines.append("".join(current))
    return [line.strip() for line in lines if line.strip()]


def _runs(element: Any) -> Any:
    """The paragraph's runs, including those inside hyperlinks and tracked insertions
    (not text boxes, whose paragraphs are their own)."""
    for child in element:
        if child.tag == f"{_W}r":
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from _runs(child)


def _centred(paragraph: Any) -> bool:
    alignment = paragraph.find(f"{_W}pPr/{_W}jc")
    return alignment is not None and alignment.get(f"{_W}val") == "center"


def _docx_rows(table: Any) -> list[list[str]]:
    """Cell texts row by row; a merged cell's text appears once (continuations are empty:
    the cells a merge spans down, and across, so that each row keeps its cells in their
    columns — 责任单位 spanning 牵头单位 | 配合单位 below it)."""
    rows = []
    for tr in table.iter(f"{_W}tr"):
        if tr.getparent() is not table:
            continue  # a nested table's row: its text is in the outer cell already
        row = []
        for tc in tr.findall(f"{_W}tc"):
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val") != "restart":
                row.append("")
                continue
            row.append(join_cell([line for p in tc.iter(f"{_W}p") for line in _paragraph_lines(p)]))
            span = tc.find(f"{_W}tcPr/{_W}gridSpan")
            row += [""] * (cell_span(span.get(f"{_W}val"), MAX_COLSPAN) - 1 if span is not None else 0)
        if any(row):
            rows.append(row)
    return rows
