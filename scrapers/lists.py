"""List pages: which links are articles (with the date the list or URL gives them), and
where the next page is.

A source's rule (``links`` selector, ``article`` regex) is tried first; when it finds
nothing, generic discovery takes over and the ``ListPage`` says so (``fallback``):
same-site links whose URL has an article's shape (the catalog's ``article_patterns``,
then its broader ``article_shapes``), else the links of the largest list-like block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from minutes.scrapers.sources import Catalog, Source, same_site

DATE_IN_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
NEXT_TEXTS = ("下一页", "下页", "后一页")
NEXT_SIGNS = ("next", "Next", "›", "»", ">")
# TRS list templates build their pager in JavaScript: createPageHTML(pages, current, "index", "html")
# (some templates call it createPage with the same arguments), or set countPage/currentPage.
TRS_PAGER = re.compile(r"createPage(?:HTML)?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](s?html?)[\"']")
COUNT_PAGE = re.compile(r"\bcountPage\s*=\s*(\d+)")
CURRENT_PAGE = re.compile(r"\bcurrentPage\s*=\s*(\d+)")
COUNT_PAGE_HREF = re.compile(r"[\"']([\w-]+)_[\"']\s*\+\s*\w+\s*\+\s*[\"']\.(s?html?)\b")
# Numbered pages: index_2.html (the unnumbered page is 0: TRS), list_p2.html and
# ?page=2 / ?pageNum=2 (the unnumbered page is 1).
PATH_PAGE = re.compile(r"^(?P<dir>.*/)(?P<stem>[A-Za-z][\w-]*?)_(?P<p>p?)(?P<n>\d{1,4})\.(?P<ext>s?html?)$")
QUERY_PAGES = ("page", "pagenum", "pageindex", "pageno", "curpage", "p")
LIST_BLOCKS = ("ul", "ol", "table", "tbody", "dl")
MIN_TITLE = 6  # characters: shorter link texts are menus, not article titles


@dataclass(frozen=True)
class Link:
    url: str
    published: date | None  # from the list item's text, else from the URL
    text: str


@dataclass
class ListPage:
    articles: list[Link]
    skipped: list[tuple[str, str]]  # (url, reason): attachments in article position, bad hrefs
    next_url: str | None  # discovered on the page (sources without a pagination pattern)
    matched: int | None = None  # elements the source's ``links`` selector matched (None: no selector)
    held: list[str] = field(default_factory=list)  # what the first few matched elements say
    fallback: str | None = None  # why generic discovery found the articles, if it did
    rejected: list[str] = field(default_factory=list)  # same-site hrefs the article rule turned down


def parse_list(body: bytes, url: str, source: Source, catalog: Catalog, *, charset: str | None = None) -> ListPage:
    """Article links of a list page; ``charset`` is the HTTP header's (the source's
    ``encoding`` wins over it, and either over the page's meta tag)."""
    soup = BeautifulSoup(body, "lxml", from_encoding=source.encoding or charset)
    matched = None
    if source.links:
        items = soup.select(source.links)
        matched = len(items)
        anchors = [(a, item) for item in items for a in ([item] if item.name == "a" else item.select("a[href]"))]
    else:
        anchors = [(a, _item(a)) for a in soup.select("a[href]")]
    def is_article(target: str) -> bool:
        return _is_article(target, source, catalog)

    page = _collect(anchors, url, is_article, catalog)
    if not page.articles:
        if matched == 0:  # what the rule would have turned down on the whole page
            page.rejected = _collect([(a, _item(a)) for a in soup.select("a[href]")], url, is_article, catalog).rejected
        generic = _discover(soup, url, catalog)
        if generic.articles:
            generic.fallback = _fallback_reason(source, matched)
            generic.rejected = page.rejected
            page = generic
    # deepest paths first: article URLs, not the menu, show the shape a rule should take
    page.rejected.sort(key=lambda u: -urlsplit(u).path.count("/"))
    page.matched = matched
    if source.links:
        page.held = [item.get_text(" ", strip=True)[:60] for item in items[:3]]
    page.next_url = None if source.pagination else next_url(soup, url)
    return page


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


def _collect(anchors, url: str, is_article, catalog: Catalog) -> ListPage:
    articles: dict[str, Link] = {}
    skipped: dict[str, str] = {}
    rejected: dict[str, None] = {}
    for anchor, item in anchors:
        href = anchor.get("href", "")
        target = _absolute(href, url)
        if target is None:
            if href.strip().lower().startswith(("http:", "https:")):
                skipped[href.strip()] = "malformed link"
            continue
        if not same_site(target, url) or target == url:
            continue
        if not is_article(target):
            rejected[target] = None
            continue
        suffix = PurePosixPath(urlsplit(target).path).suffix.lower()
        if suffix in catalog.skip_extensions:
            skipped[target] = f"not HTML ({suffix} link)"
            continue
        if target not in articles:
            published = _date_in_text(item.get_text(" ", strip=True)) or url_date(target, catalog)
            articles[target] = Link(target, published, anchor.get_text(" ", strip=True))
    return ListPage(list(articles.values()), list(skipped.items()), None, rejected=list(rejected))


def _discover(soup: BeautifulSoup, url: str, catalog: Catalog) -> ListPage:
    """Generic discovery: links with an article's URL shape anywhere on the page, else
    the titled links of the largest list-like block (ul, ol, table, dl)."""
    shapes = catalog.article_patterns + catalog.article_shapes
    anchors = [(a, _item(a)) for a in soup.select("a[href]")]
    found = _collect(anchors, url, lambda target: any(p.search(urlsplit(target).path) for p in shapes), catalog)
    if found.articles:
        return found
    best: list = []
    for block in soup.find_all(LIST_BLOCKS):
        titled = [a for a in block.select("a[href]") if len(a.get_text(strip=True)) >= MIN_TITLE and _item(a) is not a]
        if len(titled) > len(best):
            best = titled
    if len(best) < 3:  # one or two links are a menu or a banner, not a list
        return ListPage([], [], None)
    return _collect([(a, _item(a)) for a in best], url, _looks_like_page, catalog)


def _fallback_reason(source: Source, matched: int | None) -> str:
    if matched == 0:
        return f"links selector {source.links!r} matched nothing"
    if source.links or source.article:
        return "no link matched the source's article rule"
    return "no link had a known article URL shape"


def _looks_like_page(url: str) -> bool:
    """Not a section front page (ends in /, index.html) nor a pagination link."""
    path = urlsplit(url).path
    name = PurePosixPath(path).name
    return bool(name) and not path.endswith("/") and not name.startswith(("index", "default", "list")) and _page_number(url) is None


def _is_article(url: str, source: Source, catalog: Catalog) -> bool:
    path = urlsplit(url).path
    if source.article is not None:
        return source.article.search(path) is not None or source.article.search(url) is not None
    return any(p.search(path) for p in catalog.article_patterns)


def next_url(soup: BeautifulSoup, url: str) -> str | None:
    """The page after this one: a 下一页 link, a TRS pager script, or the smallest
    numbered page link past this page's number."""
    for anchor in soup.select("a[href]"):
        text = anchor.get_text(strip=True)
        if any(t in text for t in NEXT_TEXTS) or text in NEXT_SIGNS or anchor.get("rel") == ["next"]:
            target = _absolute(anchor["href"], url)
            if target and target != url:
                return target
    scripts = " ".join(script.get_text() for script in soup.find_all("script"))
    if match := TRS_PAGER.search(scripts):
        pages, current, stem, ext = int(match[1]), int(match[2]), match[3], match[4]
        return urljoin(url, f"{stem}_{current + 1}.{ext}") if current + 1 < pages else None
    if match := COUNT_PAGE.search(scripts):
        current = CURRENT_PAGE.search(scripts)
        current_n = int(current[1]) if current else 0
        href = COUNT_PAGE_HREF.search(scripts)
        stem, ext = (href[1], href[2]) if href else ("index", PurePosixPath(urlsplit(url).path).suffix.lstrip(".") or "html")
        return urljoin(url, f"{stem}_{current_n + 1}.{ext}") if current_n + 1 < int(match[1]) else None
    here = _page_number(url)
    candidates = {}
    for anchor in soup.select("a[href]"):
        target = _absolute(anchor["href"], url)
        numbered = target and _page_number(target)
        if not numbered:
            continue
        family, n = numbered
        if here is not None:
            current = here[1] if family == here[0] else None
        else:
            current = _first_page_number(url, family)
        if current is not None and n > current:
            candidates.setdefault(n, target)
    return candidates[min(candidates)] if candidates else None


def _page_number(url: str) -> tuple[tuple, int] | None:
    """(family, n) of a numbered list page URL: the same family is the same listing."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query)
    for index, (name, value) in enumerate(query):
        if name.lower() in QUERY_PAGES and value.isdigit():
            rest = tuple(q for i, q in enumerate(query) if i != index)
            return ("query", parts.path, name, rest), int(value)
    if match := PATH_PAGE.match(parts.path):
        return ("path", match["dir"], match["stem"], match["p"]), int(match["n"])
    return None


def _first_page_number(url: str, family: tuple) -> int | None:
    """The number of an unnumbered list page in ``family`` (None: another listing):
    index.html (or the folder) is page 0 of index_N.html, list.html page 1 of
    list_pN.html, a URL without ?page= page 1 of its ?page=N."""
    parts = urlsplit(url)
    if family[0] == "query":
        return 1 if (family[1], tuple(parse_qsl(parts.query))) == (parts.path, family[3]) else None
    directory, _, name = parts.path.rpartition("/")
    stem = PurePosixPath(name).stem or "index"
    if (directory + "/", stem) != family[1:3]:
        return None
    return 1 if family[3] else 0


def _item(anchor):
    return anchor.find_parent(("li", "tr", "dd", "p")) or anchor


def _absolute(href: str, base: str) -> str | None:
    href = href.strip()
    if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
        return None
    try:
        parts = urlsplit(urljoin(base, href))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:  # http://[::1 and the like: one bad link, not a bad page
        return None
    return urlunsplit(parts._replace(fragment=""))


def _date_in_text(text: str) -> date | None:
    match = DATE_IN_TEXT.search(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None
