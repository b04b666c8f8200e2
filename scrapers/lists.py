"""List pages: which links are articles (with the date the list or URL gives them), and
where the next page is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from minutes.scrapers.sources import Catalog, Source

DATE_IN_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
NEXT_TEXTS = ("下一页", "下页", "后一页", "next", "Next", "›", "»")
# TRS list templates build their pager in JavaScript: createPageHTML(pages, current, "index", "html")
TRS_PAGER = re.compile(r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](s?html?)[\"']")


@dataclass(frozen=True)
class Link:
    url: str
    published: date | None  # from the list item's text, else from the URL
    text: str


@dataclass
class ListPage:
    articles: list[Link]
    skipped: list[tuple[str, str]]  # (url, reason): attachments in article position
    next_url: str | None  # discovered on the page (sources without a pagination pattern)


def parse_list(body: bytes, url: str, source: Source, catalog: Catalog, *, charset: str | None = None) -> ListPage:
    """Article links of a list page; ``charset`` is the HTTP header's (the source's
    ``encoding`` wins over it, and either over the page's meta tag)."""
    soup = BeautifulSoup(body, "lxml", from_encoding=source.encoding or charset)
    if source.links:
        items = soup.select(source.links)
        anchors = [(a, item) for item in items for a in ([item] if item.name == "a" else item.select("a[href]"))]
    else:
        anchors = [(a, a.find_parent(("li", "tr", "dd", "p")) or a) for a in soup.select("a[href]")]
    articles: dict[str, Link] = {}
    skipped: dict[str, str] = {}
    for anchor, item in anchors:
        target = _absolute(anchor.get("href", ""), url)
        if target is None or not _same_site(target, url) or not _is_article(target, source, catalog):
            continue
        suffix = PurePosixPath(urlsplit(target).path).suffix.lower()
        if suffix in catalog.skip_extensions:
            skipped[target] = f"not HTML ({suffix} link)"
            continue
        if target not in articles:
            published = _date_in_text(item.get_text(" ", strip=True)) or url_date(target, catalog)
            articles[target] = Link(target, published, anchor.get_text(" ", strip=True))
    return ListPage(list(articles.values()), list(skipped.items()), None if source.pagination else _next_url(soup, url))


def page_url(source: Source, list_url: str, k: int) -> str | None:
    """Page k of a listing from the source's pattern (None: discover it on the page)."""
    if k == 0:
        return list_url
    return source.pagination.url(list_url, k) if source.pagination else None


def url_date(url: str, catalog: Catalog) -> date | None:
    for pattern in catalog.article_patterns:
        match = pattern.search(urlsplit(url).path)
        if match is None:
            continue
        groups = match.groupdict()
        try:
            if groups.get("ymd"):
                ymd = groups["ymd"]
                return date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:]))
            if groups.get("y"):
                return date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        except ValueError:
            return None
    return None


def _is_article(url: str, source: Source, catalog: Catalog) -> bool:
    path = urlsplit(url).path
    if source.article is not None:
        return source.article.search(path) is not None or source.article.search(url) is not None
    return any(p.search(path) for p in catalog.article_patterns)


def _next_url(soup: BeautifulSoup, url: str) -> str | None:
    for anchor in soup.select("a[href]"):
        if anchor.get_text(strip=True) in NEXT_TEXTS or anchor.get("rel") == ["next"]:
            target = _absolute(anchor["href"], url)
            if target and target != url:
                return target
    for script in soup.find_all("script"):
        match = TRS_PAGER.search(script.get_text())
        if match:
            pages, current, stem, ext = int(match[1]), int(match[2]), match[3], match[4]
            return urljoin(url, f"{stem}_{current + 1}.{ext}") if current + 1 < pages else None
    return None


def _absolute(href: str, base: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "#")):
        return None
    parts = urlsplit(urljoin(base, href))
    if parts.scheme not in ("http", "https"):
        return None
    return urlunsplit(parts._replace(fragment=""))


def _same_site(url: str, base: str) -> bool:
    def site(u: str) -> str:
        host = urlsplit(u).hostname or ""
        return host[4:] if host.startswith("www.") else host

    return site(url) == site(base)


def _date_in_text(text: str) -> date | None:
    match = DATE_IN_TEXT.search(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None

