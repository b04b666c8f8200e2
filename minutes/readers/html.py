"""Web pages: the article without the site's chrome, its title, dates and site facts.

Where a page keeps its article and dates is data: ``nlp/data/boilerplate_html.yaml``;
a site rule's CSS selectors are tried first; trafilatura reads pages no rule covers.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

from minutes import datafiles
from minutes.errors import ReadError
from minutes.lines import find_date, plain_title
from minutes.models import Block, Document, Table
from minutes.readers.common import MAX_COLSPAN, MAX_ROWSPAN, cell_span, join_cell, source_label
from minutes.readers.encoding import decode


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


def read_html(data: bytes, source: str, selectors: dict[str, str], declared: str | None = None) -> Document:
    return read_html_explained(data, source, selectors, declared)[0]


def read_html_explained(
    data: bytes, source: str, selectors: dict[str, str], declared: str | None = None
) -> tuple[Document, dict[str, str | None]]:
    """``read_html`` and where the title, date and body came from (the site rule's
    selector, a meta tag, a known container, the generic fallbacks): for checking a rule."""
    import lxml.html
    from lxml import etree

    if declared is None and (match := _CHARSET.search(data[:4096])):
        declared = match[1].decode("ascii")
    text, encoding = decode(data, source, declared)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    # huge_tree: a 15 MB attribute or a deep page is read, not cut short without a word
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ReadError(f"{source_label(source)}: not a readable web page ({error})") from None
    # Even then libxml2 stops at 2,048 levels of nesting and drops the rest of the page.
    stopped = next((e.message for e in parser.error_log if e.level_name == "FATAL"), None)
    if stopped and "depth" in stopped:
        stopped = "elements nested over 2,048 levels deep"
    rules = _html_rules()
    metas = {
        (m.get("name") or m.get("property") or "").strip().lower(): (m.get("content") or "").strip()
        for m in tree.iter("meta")
        if m.get("content")
    }
    page_text = _squash(tree.body.text_content()) if tree.body is not None else ""

    metadata = {"url": source} if "://" in source else {}
    blocks: list[Block] = []
    body_from: str | None = None
    try:
        if not stopped:
            blocks, body_from = _html_blocks(tree, selectors.get("body"), rules)
        if not stopped and not blocks:
            blocks, body_from = _trafilatura_blocks(text), "generic: trafilatura"
            if not any(isinstance(b, Table) for b in blocks) and (walked := _body_with_tables(tree, rules, blocks)):
                # trafilatura ran a data table's cells into a paragraph (a small page, a table
                # it took for layout): the page's body as it stands, its tables kept
                blocks, body_from = walked, "generic: page body (a table trafilatura flattened)"
    except RecursionError:  # deeper than Python walks
        stopped, blocks = "elements nested too deeply to walk", []
    if stopped or not blocks:
        # Text is never dropped in silence: read the page as flat text and say so.
        blocks, body_from = _flat_blocks(text), "generic: flat text"
        if blocks:
            why = f"the page could not be parsed whole ({stopped.strip()})" if stopped else "no article found"
            metadata["reader_note"] = f"{why}: read as flat text, tables and page layout not kept"
    if found := _first_meta(metas, rules["source_meta"]) or _labelled(rules["labelled_source"], page_text):
        metadata["source"] = found
    if found := _first_meta(metas, rules["site_meta"]):
        metadata["site"] = found
    title, title_from = _html_title(tree, metas, selectors.get("title"), rules)
    if title_from == "generic: <title>" and title and re.fullmatch(rules["site_title"], title) and (
            headline := plain_title([b for b in blocks if isinstance(b, str)])):
        title, title_from = headline, "generic: the article's first title line (the <title> names the site)"
    published, date_from = _html_date(tree, metas, page_text, source, text, selectors.get("date"), rules)
    doc = Document(
        source=source, kind="html", raw=data, encoding=encoding, title=title, published=published, blocks=blocks, metadata=metadata
    )
    return doc, {"title": title_from if title else None, "date": date_from, "body": body_from if blocks else None}


def _squash(text: str) -> str:
    """HTML whitespace rules: runs of ASCII whitespace are one space."""
    return re.sub(r"[ \t\r\n\f]+", " ", text).strip()


def _first_meta(metas: dict[str, str], names: list[str]) -> str | None:
    return next((metas[n.lower()] for n in names if metas.get(n.lower())), None)


def _labelled(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match[1] if match else None


def select(tree: Any, css: str | None) -> list[Any]:
    """Elements matching a site rule's ``css``: alternatives separated by commas are
    tried in the order written (the first one's elements come first), so ``"h1.title,
    h1"`` prefers the specific heading wherever it stands on the page."""
    return [element for xpath in _compiled(css) for element in xpath(tree)] if css else []


def element_text(element: Any) -> str:
    """What a selected element says: a meta tag's ``content``, else its text."""
    if element.tag == "meta":
        return (element.get("content") or "").strip()
    return _squash(element.text_content())


@functools.lru_cache(maxsize=256)
def _compiled(css: str) -> tuple[Any, ...]:
    from cssselect import HTMLTranslator, SelectorError, parse
    from lxml import etree

    try:
        return tuple(etree.XPath(HTMLTranslator().selector_to_xpath(selector)) for selector in parse(css))
    except SelectorError as error:
        raise ReadError(f"bad CSS selector {css!r} in site rule ({error})") from None


def _html_blocks(tree: Any, body_css: str | None, rules: dict[str, Any]) -> tuple[list[Block], str | None]:
    """Blocks of the first container (site rule, then known selectors) with real text."""
    for css in ([body_css] if body_css else []) + rules["containers"]:
        for element in select(tree, css):
            if len(_squash(element.text_content())) >= rules["min_container_chars"]:
                blocks: list[Block] = []
                _walk(element, blocks, [], frozenset(rules["skip_tags"]))
                return blocks, "selector" if css == body_css else f"generic: container {css}"
    return [], None


def _body_with_tables(tree: Any, rules: dict[str, Any], extracted: list[Block]) -> list[Block]:
    """The blocks of the page's body when it holds a data table (two rows of three cells
    at least) whose first row trafilatura's ``extracted`` paragraphs hold run together;
    [] otherwise (a layout table of the site's chrome, which trafilatura leaves out)."""
    skip = frozenset(rules["skip_tags"])
    paragraphs = [b for b in extracted if isinstance(b, str)]
    if tree.body is None or not paragraphs or not any(
            (rows := _table_rows(table, skip)) and len(rows) >= 2 and len(rows[0]) >= 3
            and any(" ".join(cell for cell in rows[0] if cell) in p for p in paragraphs)
            for table in tree.body.iter("table")):
        return []
    blocks: list[Block] = []
    _walk(tree.body, blocks, [], skip)
    return blocks


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
    # a cell spanning rows down (rowspan) stands in each of them, one spanning columns
    # (colspan) in each of those: every row then holds its cells in their columns, as a
    # task table's reader counts them (序号 | 类别 | 任务 | 牵头单位… with 类别 and 牵头单位
    # merged over several rows)
    below: dict[int, tuple[int, str]] = {}  # column -> (rows it still spans, text)
    for row in cells:
        texts: list[str] = []
        for cell in row:
            _spanned(texts, below)
            parts: list[Block] = []
            line: list[str] = []
            _walk(cell, parts, line, skip)
            _flush(line, parts)
            text = join_cell([p for p in parts if isinstance(p, str)])
            down = cell_span(cell.get("rowspan"), MAX_ROWSPAN)
            for _ in range(cell_span(cell.get("colspan"), MAX_COLSPAN)):
                if down > 1:
                    below[len(texts)] = (down - 1, text)
                texts.append(text)
        _spanned(texts, below)
        if any(texts):
            result.append(texts)
    return result


def _spanned(texts: list[str], below: dict[int, tuple[int, str]]) -> None:
    """Append to a row the cells that cells above span down into, at its next columns."""
    while (column := len(texts)) in below:
        left, text = below[column]
        texts.append(text)
        if left > 1:
            below[column] = (left - 1, text)
        else:
            del below[column]


def _flat_blocks(html: str) -> list[Block]:
    """The page's text without its structure: a line at each block tag or <br>, scripts,
    styles and the page's chrome left out. One pass with ``str.find`` and anchored
    matches, so no nesting limit and linear time whatever the markup."""
    from html import unescape

    skip = frozenset(_html_rules()["skip_tags"]) - {"input", "img", "br", "hr", "meta", "link"}  # those never close
    breaks = _BLOCK_TAGS | {"br", "td", "th", "body"}
    blocks: list[Block] = []
    line: list[str] = []
    hidden: str | None = None  # the skipped element whose end tag is awaited
    position, end = 0, len(html)
    while position < end:
        opening = html.find("<", position)
        if opening < 0:
            opening = end
        if hidden is None and opening > position:
            line.append(unescape(html[position:opening]))
        if opening == end:
            break
        if html.startswith("<!--", opening):
            close = html.find("-->", opening + 4)
            position = end if close < 0 else close + 3
            continue
        tag = _TAG.match(html, opening)
        if tag is None:  # a lone '<' is text
            if hidden is None:
                line.append("<")
            position = opening + 1
            continue
        position = tag.end()
        closing, name = tag[1] == "/", tag[2].lower()
        if hidden is not None:
            if (closing and name == hidden) or (name == "body" and not closing):  # a sloppy <head> ends at <body>
                hidden = None
        elif name in skip and not closing:
            hidden = name
        elif name in breaks:
            _flush(line, blocks)
    _flush(line, blocks)
    return blocks


# A tag in the flat reading: [^<>]* stops at the next '<', so a '<' never closed costs
# one step, not a scan to the end of the page.
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/<>]*)[^<>]*>")


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


def _html_title(tree: Any, metas: dict[str, str], title_css: str | None, rules: dict[str, Any]) -> tuple[str | None, str]:
    """The article's own title: a site rule, else a meta/heading that the <title> agrees with."""
    for element in select(tree, title_css):
        if text := element_text(element):
            return text, "selector"
    if found := _first_meta(metas, rules["title_meta"]):
        return found, "meta tag"
    page_title, cut = _strip_site_name(_squash(tree.findtext(".//title") or ""))
    candidates = [metas.get(name.lower(), "") for name in rules["title_meta_checked"]]
    candidates += [_squash(h.text_content()) for h in tree.iter("h1", "h2")]
    for candidate in candidates:
        if len(candidate) >= 4 and (not page_title or page_title.startswith(candidate) or candidate.startswith(page_title)):
            return candidate, "generic: heading agreeing with <title>"
    # a <title> that puts the site or the account first (澎湃号 | 某某发布：X召开…): the
    # heading it ends with, which is no site name cut off whole
    for candidate in candidates:
        if len(candidate) >= _HEADING_IN_TITLE and candidate not in cut and any(part.endswith(candidate) for part in cut):
            return candidate, "generic: heading the <title> ends with"
    return page_title or None, "generic: <title>"


_HEADING_IN_TITLE = 6  # characters at least of a heading the <title> ends with


def _strip_site_name(title: str) -> tuple[str, list[str]]:
    """``标题_栏目_站点`` / ``标题 - 站点`` → ``标题`` (a trailing part with digits is kept),
    and the parts cut off."""
    cut = []
    while match := re.match(r"^(.{4,}?)\s*(?:_|\||｜|\s-\s|-|\s—\s)\s*([^_|｜\-\d]{2,30})$", title):
        title = match[1].strip()
        cut.append(match[2])
    return title, cut


def _html_date(
    tree: Any, metas: dict[str, str], page_text: str, source: str, html: str, date_css: str | None, rules: dict[str, Any]
) -> tuple[date | None, str | None]:
    for element in select(tree, date_css):
        if found := find_date(element_text(element)):
            return found, "selector"
    for name in rules["date_meta"]:
        if found := find_date(metas.get(name.lower())):
            return found, "meta tag"
    if found := find_date(_labelled(rules["labelled_date"], page_text)):
        return found, "generic: labelled date in the text"
    for pattern in rules["url_dates"]:
        if match := pattern.search(source):
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"])), "generic: URL"
            except ValueError:
                continue
    from htmldate import find_date as htmldate_find

    found = htmldate_find(html, original_date=True, extensive_search=False)
    return (date.fromisoformat(found), "generic: htmldate") if found else (None, None)
