"""Article pages: fetched bytes → ``Document`` with the site's selectors (readers fall
back to meta tags, known containers, trafilatura and htmldate for whatever the
selectors do not find)."""

from __future__ import annotations

from typing import Any

from minutes.models import Document
from minutes.scrapers.fetch import Page
from minutes.scrapers.sources import SELECTOR_KEYS, Source


def read_article(page: Page, source: Source) -> Document:
    """The page as a ``Document``: raw HTML kept, the final URL as its source; the
    source's encoding override, else the HTTP header's charset, is tried first."""
    from minutes.readers import read_bytes

    return read_bytes(
        page.body, page.url, kind="html", selectors=source.selectors or None, encoding=source.encoding or page.charset
    )


def explain_article(page: Page, source: Source) -> dict[str, Any]:
    """What reading an article page finds and where each part came from (the source's
    selector, a meta tag, or a generic fallback), with what each selector matched:
    the same engine as ``read_article``, for ``sources check``."""
    import lxml.html

    from minutes.readers.html import element_text, read_html_explained, select

    doc, found = read_html_explained(page.body, page.url, source.selectors, source.encoding or page.charset)
    tree = lxml.html.document_fromstring(page.body.decode(doc.encoding or "utf-8", "replace"))
    selectors = {}
    for key in SELECTOR_KEYS:
        if css := source.selectors.get(key):
            elements = select(tree, css)
            texts = [element_text(e) for e in elements[:3]]
            selectors[key] = {
                "selector": css,
                "matches": len(elements),
                "holds": [t if key != "body" else f"{len(t)} chars: {t[:40]}" for t in texts],
            }
    return {
        "url": page.url,
        "title": doc.title,
        "published": doc.published,
        "paragraphs": len(doc.blocks),
        "chars": len(doc.text),
        "start": doc.text[:80],
        "from": found,
        "selectors": selectors,
    }
