"""Scraping against real HTTP servers on 127.0.0.1 (tests/sites): what is archived, what
is skipped and why, how many requests each host got and how far apart."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from minutes.store import Archive
from minutes.store.content import unpack
from minutes.scrapers.lists import parse_list
from minutes.scrapers.run import Options, scrape
from minutes.scrapers.sources import generic_source, load_catalog, parse_source
from sites.news import article, article_page, list_page, listing
from minutes.scrapers.fetch import MB
from sites.server import Response, Site, html

DELAY = 0.2

# The fixture site: three list pages (the second repeats a link of the first), then what
# each article does.
A = {n: article(n, date(2025, 3, 25 - n)) for n in range(1, 9)}
OLD = {n: article(n, date(2024, 12, n)) for n in range(9, 12)}
PINYIN = article(3, A[3].day, reading_aids=True)
PRIVATE = "/private/202503/t20250306_12.html"
PDF_LINK = "./202503/t20250309_13.pdf"
LOOP_BACK = "/loop/202503/back.html"


def news_routes() -> dict[str, list[Response] | Response]:
    first = listing([A[1], A[2], A[3], A[4]]) + [
        (PDF_LINK, "附件：任务清单", date(2025, 3, 9)),
        (PRIVATE, "内部通知", date(2025, 3, 6)),
    ]
    return {
        "/robots.txt": Response(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}),
        "/news/index.html": html(list_page(first, 0, 3)),
        "/news/index_1.html": html(list_page(listing([A[1], A[5], A[6], A[7], A[8]]), 1, 3)),
        "/news/index_2.html": html(list_page(listing(list(OLD.values())), 2, 3, charset="gbk")),
        A[1].path: Response(200, article_page(A[1]), {"Content-Type": "text/html; charset=utf-8"}, etag='"a1"'),
        # GBK declared in the page only, as on many government sites
        A[2].path: html(article_page(A[2], charset="gbk")),
        A[3].path: html(article_page(PINYIN)),
        # A[4]: no route → 404
        A[5].path: [Response(500, b"busy"), html(article_page(A[5]))],
        A[6].path: [Response(429, b"slow down", {"Retry-After": "1"}), html(article_page(A[6]))],
        A[7].path: Response(302, b"", {"Location": LOOP_BACK}),
        LOOP_BACK: Response(302, b"", {"Location": A[7].path}),
        A[8].path: Response(200, article_page(A[8]), {"Content-Type": "text/html"}, delay=1.0),
        OLD[9].path: Response(200, b"%PDF-1.4 fake", {"Content-Type": "application/pdf"}),
        OLD[10].path: Response(200, lambda: (b"<p>" + b"x" * (MB - 7) + b"</p>\n" for _ in range(20)), {"Content-Type": "text/html"}),
        OLD[11].path: html(article_page(OLD[11])),
    }


WAF_PAGE = b"<html><head><script>var _0x1=['challenge'];document.cookie='waf=1';location.reload();</script></head></html>"


def options(**changes) -> Options:
    defaults = dict(delay=DELAY, timeout=0.3, retries=1, backoff=0.05, extract=False)
    return Options(**{**defaults, **changes})


@pytest.fixture
def news():
    with Site(news_routes()) as site:
        yield site


@pytest.fixture
def catalog():
    return load_catalog()


def stored(db) -> dict[str, dict]:
    with Archive(db) as archive:
        rows = map(dict, archive.conn.execute("SELECT id, source, title, content FROM documents"))
        return {row["source"]: {**row, **dict(zip(("text", "original"), unpack(row["content"])))} for row in rows}


def assert_spaced(hits, delay: float) -> None:
    starts = sorted(hit.start for hit in hits)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= delay - 0.01, gaps


def test_generic_list_page_end_to_end(news, catalog, tmp_path):
    db = tmp_path / "m.db"
    with Site({"/{}".format(p): Response(412, WAF_PAGE, {"Content-Type": "text/html"}) for p in ("robots.txt", "news/index.html")}) as waf:
        sources = [generic_source(news.url("/news/index.html")), generic_source(waf.url("/news/index.html"))]
        with Archive(db) as archive:
            summary = scrape(sources, archive, options(concurrency=2), catalog=catalog)
        waf_hits = waf.hits()

    main, blocked = summary.sources
    assert (main.pages, main.links, main.new, main.updated, main.unchanged, main.failed) == (3, 12, 6, 0, 0, 1)
    assert dict(main.skipped) == {
        "HTTP 404": 1,
        "disallowed by robots.txt": 1,
        "not HTML (.pdf link)": 1,
        "redirect loop": 1,
        "not HTML (application/pdf)": 1,
        "larger than 5 MB": 1,
    }
    assert main.failures == [{"url": news.url(A[8].path), "reason": "timeout (after 2 attempts)"}]
    assert main.reachable and not blocked.reachable and not summary.ok
    assert "HTTP 412" in blocked.error
    assert len(waf_hits) == 1  # one challenge page, no hammering

    docs = stored(db)
    expected = [A[1], A[2], A[3], A[5], A[6], OLD[11]]
    assert sorted(docs) == sorted(news.url(a.path) for a in expected)
    gbk = docs[news.url(A[2].path)]
    assert gbk["title"] == A[2].title and A[2].paragraphs[1] in gbk["text"]
    assert gbk["original"] == article_page(A[2], charset="gbk")  # raw bytes kept as served
    aided = docs[news.url(A[3].path)]
    assert "(tài)" in aided["original"].decode() and "(tài)" not in aided["text"] and "生态环境分局" in aided["text"]

    # 19 requests: robots.txt, 3 list pages, 11 articles once, the 500, 429 and timeout
    # ones again, the loop's way back; the .pdf link and /private/ never requested.
    hits = news.hits()
    assert len(hits) == 19 == summary.hosts[news.base]["requests"]
    assert not [h for h in hits if h.path.endswith(".pdf") or h.path.startswith("/private/")]
    assert all(h.headers["User-Agent"].startswith("minutes/") for h in hits)
    assert_spaced(hits, DELAY)
    retry_after = [h.start for h in hits if h.path == A[6].path]
    assert retry_after[1] - retry_after[0] >= 1.0
    assert waf_hits[0].start < hits[-1].start  # the second host was served meanwhile

    # Second run: list pages again, but no request for any archived article.
    before = len(news.hits())
    with Archive(db) as archive:
        again = scrape(sources[:1], archive, options(), catalog=catalog).sources[0]
    second = [h.path for h in news.hits()[before:]]
    assert not set(second) & {a.path for a in expected}
    assert again.new == 0 and again.skipped["already archived"] == 6


def test_recheck_uses_conditional_get(news, catalog, tmp_path):
    db = tmp_path / "m.db"
    source = generic_source(news.url("/news/index.html"))
    with Archive(db) as archive:
        scrape([source], archive, options(max_pages=1), catalog=catalog)
        before = len(news.hits())
        summary = scrape([source], archive, options(max_pages=1, refresh=True), catalog=catalog)
    rechecked = {h.path: h for h in news.hits()[before:]}
    assert rechecked[A[1].path].headers.get("If-None-Match") == '"a1"' and rechecked[A[1].path].status == 304
    assert summary.sources[0].unchanged == 3  # A1 by 304, A2 and A3 by identical bytes
    assert summary.hosts[news.base]["not_modified"] == 1


def test_source_pagination_and_since(news, tmp_path):
    """A source entry with a pagination pattern; --since stops paging at older items."""
    catalog = load_catalog()
    source = parse_source(
        {
            "id": "example",
            "name": "示例市生态环境局",
            "lists": [news.url("/news/index.html")],
            "pagination": {"pattern": "index_{n}.html", "start": 1},
            "links": "ul.list > li",
            "selectors": {"title": "div.article-title h1", "date": "meta[name=PubDate]", "body": "div.TRS_Editor"},
        },
        where="test",
    )
    with Archive(tmp_path / "m.db") as archive:
        summary = scrape([source], archive, options(since=date(2025, 3, 18), max_pages=10), catalog=catalog).sources[0]
    # A7 and A8 (2025-03-18/17) and every 2024 item are older; page 3 is never asked for.
    assert summary.skipped["older than --since"] == 2 + 3
    assert summary.pages == 3 and not news.hits("/news/index_3")
    assert not [h for h in news.hits() if h.path in (A[8].path, OLD[11].path)]


def test_dry_run_lists_without_fetching_articles(news, catalog):
    summary = scrape([generic_source(news.url("/news/index.html"))], None, options(dry_run=True), catalog=catalog)
    assert summary.sources[0].skipped["dry run"] == 11  # 12 links less the robots-disallowed one
    assert {h.path for h in news.hits()} == {"/robots.txt", "/news/index.html", "/news/index_1.html", "/news/index_2.html"}


def test_unreachable_host_is_reported(catalog, tmp_path):
    with Site({}) as gone:
        url = gone.url("/news/index.html")
    with Archive(tmp_path / "m.db") as archive:
        summary = scrape([generic_source(url)], archive, options(), catalog=catalog)
    assert not summary.ok and "robots.txt unreachable" in summary.sources[0].error


def test_integrity_after_runs(news, catalog, tmp_path):
    db = tmp_path / "m.db"
    with Archive(db) as archive:
        scrape([generic_source(news.url("/news/index.html"))], archive, options(max_pages=1), catalog=catalog)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        pages = {row[0]: row[1:] for row in conn.execute("SELECT url, document_id, links, problem FROM pages")}
    archived = {url for url, (document, _, _) in pages.items() if document}
    assert archived == {news.url(a.path) for a in (A[1], A[2], A[3])}
    assert pages[news.url("/news/index.html")] == (None, 5, None)  # A1–A4 and the robots-disallowed one
    assert pages[news.url(A[4].path)] == (None, None, "HTTP 404")  # not requested again


def test_list_page_charset_from_the_http_header(catalog):
    """A GBK list page whose meta tag wrongly says UTF-8: the Content-Type header wins."""
    body = list_page(listing([OLD[9]]), 0, 1, charset="utf-8").decode().encode("gbk")
    source = generic_source("http://127.0.0.1/news/index.html")
    page = parse_list(body, source.lists[0], source, catalog, charset="gbk")
    assert [(link.text, link.published) for link in page.articles] == [(OLD[9].title, OLD[9].day)]
    assert parse_list(body, source.lists[0], source, catalog).articles[0].text != OLD[9].title
