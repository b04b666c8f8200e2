"""Article pages: fetched bytes → ``Document`` with the site's selectors (readers fall
back to trafilatura and htmldate for whatever the selectors do not find)."""

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


def probe_selectors(page: Page, source: Source) -> dict[str, Any]:
    """What each of the source's selectors finds on an article page (for ``sources check``)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.body, "lxml", from_encoding=source.encoding)
    found: dict[str, Any] = {}
    for key in SELECTOR_KEYS:
        css = source.selectors.get(key)
        if not css:
            continue
        elements = soup.select(css)
        text = " ".join((e.get("content") if e.name == "meta" else e.get_text(" ", strip=True)) or "" for e in elements[:1])
        found[key] = {"selector": css, "matches": len(elements), "text": text[:80] if key != "body" else f"{len(text)} chars"}
    return found
