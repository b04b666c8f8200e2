"""Reading sources into ``Document`` objects: local .txt/.html/.docx files and page bytes.

``read(path)`` for files, ``read_bytes(data, source)`` for bytes already in hand (the
scrapers pass a page and its URL). Readers keep text as found — normalization is
``nlp.normalize``'s job — but they do decide the encoding, drop a page's site chrome,
and keep tables as ``Table`` blocks in document order.

Where a page keeps its article and dates is data: ``nlp/data/boilerplate_html.yaml``.
"""

from __future__ import annotations

import functools
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from minutes import datafiles
from minutes.lines import DOCUMENT_NUMBER, find_date, plain_title, signature_date
from minutes.errors import ReadError
from minutes.models import Block, Document, Table

MAX_BYTES = 20 * 1024 * 1024  # announcements, not dumps
_OVER_LIMIT = f"over the {MAX_BYTES // 2**20} MB limit for one announcement"

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

# Encodings Chinese text files come in; the first one that decodes best wins a tie.
_TEXT_ENCODINGS = ("utf-8", "gb18030", "big5")
# Declared charsets that are subsets of one we decode with.
_ENCODING_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
                     "big5-hkscs": "big5hkscs", "utf8": "utf-8"}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CJK_PUNCTUATION = re.compile("[\u2010-\u206f\u3000-\u303f\uff00-\uffef]")
# Below this share of common characters among the non-ASCII ones, a decoding is garbage.
_MIN_COMMON_SHARE = 0.6



def read(path: str | Path) -> Document:
    """Read a local .txt, .html/.htm or .docx file."""
    path = Path(path)
    label = path.name or str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ReadError(f"{path}: is a directory, not a file")
        if size > MAX_BYTES:
            raise ReadError(f"{label}: file is {size / 2**20:.0f} MB, {_OVER_LIMIT}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except PermissionError:
        raise ReadError(f"{path}: permission denied") from None
    except OSError as error:
        raise ReadError(f"{path}: cannot read ({error.strerror or error})") from None
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
    label = _label(source)
    if len(data) > MAX_BYTES:
        raise ReadError(f"{label}: {len(data) / 2**20:.0f} MB, {_OVER_LIMIT}")
    if not data.strip():
        raise ReadError(f"{label}: empty file")
    kind = kind or guess_kind(source, data)
    if kind == "txt":
        return _read_txt(data, source, encoding)
    if kind == "html":
        return _read_html(data, source, selectors or {}, encoding)
    if kind == "docx":
        return _read_docx(data, source)
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


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes, returning (text, encoding); ``ReadError`` rather than a bad guess.

    A byte-order mark decides; otherwise each candidate (the declared charset first,
    then UTF-8, GB18030, Big5) that decodes without error is scored by the share of
    common Chinese characters and punctuation among its non-ASCII characters —
    GB18030 decodes almost any bytes, so decoding alone proves nothing.
    """
    label = _label(source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), label), encoding.replace("-sig", "")
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


def _checked(text: str, label: str) -> str:
    """The text, unless control characters say it is binary data after all."""
    sample = text[:100_000]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    if "\x00" in sample or controls > len(sample) // 100:
        raise ReadError(f"{label}: not a text file (binary data)")
    if not text.strip():
        raise ReadError(f"{label}: empty file")
    return text


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


def _label(source: str) -> str:
    return source if "://" in source else (Path(source).name or source)


def _join_cell(lines: list[str]) -> str:
    """One cell's text: short unpunctuated lines are a list (市经信局<br>市市场监管局)."""
    lines = [line for line in lines if line]
    if len(lines) > 1 and all(len(line) <= 25 and not re.search(r"[。；;，,：:]$", line) for line in lines):
        return "、".join(lines)
    return "".join(lines)


# --- plain text -------------------------------------------------------------------------


def _read_txt(data: bytes, source: str, declared: str | None = None) -> Document:
    text, encoding = decode(data, source, declared)
    blocks: list[Block] = [line.strip() for line in text.splitlines() if line.strip()]
    return Document(
        source=source,
        kind="txt",
        raw=data,
        encoding=encoding,
        title=plain_title([b for b in blocks if isinstance(b, str)]),
        blocks=blocks,
    )


# --- web pages --------------------------------------------------------------------------


@functools.cache
def _html_rules() -> dict[str, Any]:
    rules = dict(datafiles.load("boilerplate_html.yaml"))
    rules["url_dates"] = [re.compile(p) for p in rules["url_dates"]]
    labels = "|".join(map(re.escape, rules["date_labels"]))
    rules["labelled_date"] = re.compile(rf"(?:{labels})\s*[：:]?\s*((?:19|20)\d\d\s*[-/年.]\s*\d{{1,2}}\s*[-/月.]\s*\d{{1,2}})")
    labels = "|".join(map(re.escape, rules["source_labels"]))
    rules["labelled_source"] = re.compile(rf"(?:{labels})\s*[：:]\s*([^\s|｜\u3000]{{2,40}})")
    return rules


_BLOCK_TAGS = frozenset(
    "p div section article h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote center pre table tr "
    "header footer aside main figure figcaption address hr".split()
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def _read_html(data: bytes, source: str, selectors: dict[str, str], declared: str | None = None) -> Document:
    import lxml.html
    from lxml import etree

    if declared is None and (match := _CHARSET.search(data[:4096])):
        declared = match[1].decode("ascii")
    text, encoding = decode(data, source, declared)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ReadError(f"{_label(source)}: not a readable web page ({error})") from None
    rules = _html_rules()
    metas = {
        (m.get("name") or m.get("property") or "").strip().lower(): (m.get("content") or "").strip()
        for m in tree.iter("meta")
        if m.get("content")
    }
    page_text = _squash(tree.body.text_content()) if tree.body is not None else ""

    blocks = _html_blocks(tree, selectors.get("body"), rules)
    if not blocks:
        blocks = _trafilatura_blocks(text)
    metadata = {"url": source} if "://" in source else {}
    if found := _first_meta(metas, rules["source_meta"]) or _labelled(rules["labelled_source"], page_text):
        metadata["source"] = found
    if found := _first_meta(metas, rules["site_meta"]):
        metadata["site"] = found
    return Document(
        source=source,
        kind="html",
        raw=data,
        encoding=encoding,
        title=_html_title(tree, metas, selectors.get("title"), rules),
        published=_html_date(tree, metas, page_text, source, text, selectors.get("date"), rules),
        blocks=blocks,
        metadata=metadata,
    )


def _squash(text: str) -> str:
    """HTML whitespace rules: runs of ASCII whitespace are one space."""
    return re.sub(r"[ \t\r\n\f]+", " ", text).strip()


def _first_meta(metas: dict[str, str], names: list[str]) -> str | None:
    return next((metas[n.lower()] for n in names if metas.get(n.lower())), None)


def _labelled(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match[1] if match else None


def _select(tree: Any, css: str | None) -> list[Any]:
    if not css:
        return []
    from cssselect import SelectorError

    try:
        return tree.cssselect(css)
    except SelectorError as error:
        raise ReadError(f"bad CSS selector {css!r} in site rule ({error})") from None


def _html_blocks(tree: Any, body_css: str | None, rules: dict[str, Any]) -> list[Block]:
    """Blocks of the first container (site rule, then known selectors) with real text."""
    for css in ([body_css] if body_css else []) + rules["containers"]:
        for element in _select(tree, css):
            if len(_squash(element.text_content())) >= rules["min_container_chars"]:
                blocks: list[Block] = []
                _walk(element, blocks, [], frozenset(rules["skip_tags"]))
                return blocks
    return []


def _walk(element: Any, blocks: list[Block], line: list[str], skip: frozenset[str]) -> None:
    """Append the element's paragraphs and tables to ``blocks`` in document order.

    ``line`` collects inline text until a block boundary (or ``<br>``) ends a paragraph.
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag in skip:
        return
    if tag == "br":
        _flush(line, blocks)
        return
    if tag == "table" and (rows := _table_rows(element, skip)) is not None:
        _flush(line, blocks)
        if rows:
            blocks.append(Table(rows))
        return
    is_block = tag in _BLOCK_TAGS
    if is_block:
        _flush(line, blocks)
    if element.text:
        line.append(element.text)
    for child in element:
        _walk(child, blocks, line, skip)
        if child.tail:
            line.append(child.tail)
    if is_block:
        _flush(line, blocks)


def _flush(line: list[str], blocks: list[Block]) -> None:
    text = _squash("".join(line))
    line.clear()
    if text:
        blocks.append(text)


def _table_rows(table: Any, skip: frozenset[str]) -> list[list[str]] | None:
    """A data table's rows of cell texts; ``None`` for a layout table (walk into it instead)."""
    rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    cells = [row.xpath("./td | ./th") for row in rows]
    if sum(len(c) for c in cells) <= 1 or table.xpath(".//td//table | .//th//table"):
        return None
    result = []
    for row in cells:
        texts = []
        for cell in row:
            parts: list[Block] = []
            line: list[str] = []
            _walk(cell, parts, line, skip)
            _flush(line, parts)
            texts.append(_join_cell([p for p in parts if isinstance(p, str)]))
        if any(texts):
            result.append(texts)
    return result


def _trafilatura_blocks(html: str) -> list[Block]:
    """Fallback for pages no container rule knows: trafilatura's main text, tables kept."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(html, output_format="xml", include_tables=True, include_comments=False)
    if not xml:
        return []
    main = etree.fromstring(xml.encode("utf-8")).find("main")
    blocks: list[Block] = []
    for element in main if main is not None else []:
        if element.tag == "table":
            rows = [[_squash("".join(cell.itertext())) for cell in row.iter("cell")] for row in element.iter("row")]
            if rows := [r for r in rows if any(r)]:
                blocks.append(Table(rows))
        elif element.tag == "list":
            blocks.extend(t for item in element.iter("item") if (t := _squash("".join(item.itertext()))))
        elif text := _squash("".join(element.itertext())):
            blocks.append(text)
    return blocks


def _html_title(tree: Any, metas: dict[str, str], title_css: str | None, rules: dict[str, Any]) -> str | None:
    """The article's own title: a site rule, else a meta/heading that the <title> agrees with."""
    for element in _select(tree, title_css):
        if text := _squash(element.text_content()):
            return text
    if found := _first_meta(metas, rules["title_meta"]):
        return found
    page_title = _strip_site_name(_squash(tree.findtext(".//title") or ""))
    candidates = [metas.get(name.lower(), "") for name in rules["title_meta_checked"]]
    candidates += [_squash(h.text_content()) for h in tree.iter("h1", "h2")]
    for candidate in candidates:
        if len(candidate) >= 4 and (not page_title or page_title.startswith(candidate) or candidate.startswith(page_title)):
            return candidate
    return page_title or None


def _strip_site_name(title: str) -> str:
    """``标题_栏目_站点`` / ``标题 - 站点`` → ``标题`` (a trailing part with digits is kept)."""
    while match := re.match(r"^(.{4,}?)\s*(?:_|\||｜|\s-\s|-|\s—\s)\s*([^_|｜\-\d]{2,30})$", title):
        title = match[1].strip()
    return title


def _html_date(
    tree: Any, metas: dict[str, str], page_text: str, source: str, html: str, date_css: str | None, rules: dict[str, Any]
) -> date | None:
    for element in _select(tree, date_css):
        if found := find_date(element.text_content()):
            return found
    for name in rules["date_meta"]:
        if found := find_date(metas.get(name.lower())):
            return found
    if found := find_date(_labelled(rules["labelled_date"], page_text)):
        return found
    for pattern in rules["url_dates"]:
        if match := pattern.search(source):
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    from htmldate import find_date as htmldate_find

    found = htmldate_find(html, original_date=True, extensive_search=False)
    return date.fromisoformat(found) if found else None


# --- Word documents ---------------------------------------------------------------------
# The package is read with zipfile + lxml directly: python-docx parses every part
# (styles, numbering, theme...) and costs ~100x more per file for the same text.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_CONTAINERS = {f"{_W}hyperlink", f"{_W}ins", f"{_W}smartTag", f"{_W}fldSimple", f"{_W}customXml"}
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def _read_docx(data: bytes, source: str) -> Document:
    import zipfile

    from lxml import etree

    label = _label(source)
    if not data.startswith(b"PK\x03\x04"):
        raise ReadError(f"{label}: not a valid .docx (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            name = _main_part(package)
            if package.getinfo(name).file_size > 10 * MAX_BYTES:
                raise ReadError(f"{label}: not a valid .docx ({name} unpacks to over {10 * MAX_BYTES // 2**20} MB)")
            body = etree.fromstring(package.read(name)).find(f"{_W}body")
            core = _core_properties(package)
    except zipfile.BadZipFile as error:
        raise ReadError(f"{label}: not a valid .docx (damaged or truncated zip: {error})") from None
    except KeyError:
        raise ReadError(f"{label}: not a valid .docx (no word/document.xml inside)") from None
    except (etree.XMLSyntaxError, EOFError, OSError, zipfile.LargeZipFile) as error:
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
        published=signature_date(paragraphs) or find_date(core.get("created")),
        blocks=blocks,
    )


def _main_part(package: Any) -> str:
    """The main document part named by the package relationships (word/document.xml)."""
    from lxml import etree

    try:
        relationships = etree.fromstring(package.read("_rels/.rels"))
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
        core = etree.fromstring(package.read("docProps/core.xml"))
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
    """Cell texts row by row; a merged cell's text appears once (continuations are empty)."""
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
            row.append(_join_cell([line for p in tc.iter(f"{_W}p") for line in _paragraph_lines(p)]))
        if any(row):
            rows.append(row)
    return rows
