"""Hostile and failing servers on 127.0.0.1: everything fetched is bounded in time and
memory, a struggling host is backed off and given up, waits the site asks for are
honoured, and a bad link costs one link, never the source."""

from __future__ import annotations

import gzip
import time
import tracemalloc
from datetime import date

import pytest

from minutes.store import Archive
from minutes.scrapers.fetch import MB, Blocked, Failed, Fetcher, Skipped
from minutes.scrapers.run import Options, scrape
from minutes.scrapers.sources import generic_source, load_catalog
from sites.news import article, article_page, list_page, listing
from sites.server import Response, Site, html

ARTICLES = [article(n, date(2025, 5, n)) for n in range(1, 6)]
ROBOTS_OK = Response(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})


def options(**changes) -> Options:
    defaults = dict(delay=0.0, timeout=0.5, deadline=0.6, retries=1, backoff=0.05, max_backoff=0.4, host_failures=4, extract=False)
    return Options(**{**defaults, **changes})


def news_site(**routes) -> Site:
    return Site({"/robots.txt": ROBOTS_OK, "/news/index.html": html(list_page(listing(ARTICLES), 0, 1)), **routes})


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def run(site: Site, catalog, tmp_path, **changes):
    with Archive(tmp_path / "m.db") as archive:
        return scrape([generic_source(site.url("/news/index.html"))], archive, options(**changes), catalog=catalog)


def endless(first: bytes, line: bytes):
    def chunks():
        yield first
        while True:
            yield line * 1024

    return chunks


# -- robots.txt: capped, decompressed within the cap, failures per RFC 9309 -----------


def test_endless_robots_txt_is_read_up_to_the_cap():
    robots = Response(200, endless(b"User-agent: *\nDisallow: /private/\n", b"# filler line\n"), {"Content-Type": "text/plain"})
    with Site({"/robots.txt": robots}) as site, Fetcher(max_robots_bytes=64 * 1024, deadline=5) as fetcher:
        started = time.monotonic()
        assert fetcher.allowed(site.url("/news/a.html"), delay=0)
        assert not fetcher.allowed(site.url("/private/a.html"), delay=0)
    assert time.monotonic() - started < 3


def test_gzip_bomb_robots_txt_inflates_no_further_than_the_cap():
    bomb = gzip.compress(b"User-agent: *\nDisallow: /private/\n" + b"#" * (64 * MB), compresslevel=9)
    assert len(bomb) < MB
    robots = Response(200, bomb, {"Content-Type": "text/plain", "Content-Encoding": "gzip"})
    with Site({"/robots.txt": robots}) as site, Fetcher(deadline=10) as fetcher:
        tracemalloc.start()
        try:
            assert not fetcher.allowed(site.url("/private/a.html"), delay=0)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 8 * MB, f"{peak / MB:.0f} MB"


def test_gzip_bomb_article_is_skipped_within_the_body_cap():
    bomb = gzip.compress(b"<html><body><p>" + b"x" * (64 * MB), compresslevel=9)
    page = Response(200, bomb, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
    with Site({"/robots.txt": Response(404), "/a.html": page}) as site, Fetcher(max_bytes=MB, deadline=10) as fetcher:
        tracemalloc.start()
        try:
            with pytest.raises(Skipped, match="larger than 1 MB"):
                fetcher.get(site.url("/a.html"), delay=0)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 8 * MB, f"{peak / MB:.0f} MB"


def test_gzip_article_is_read():
    body = article_page(ARTICLES[0])
    page = Response(200, gzip.compress(body), {"Content-Type": "text/html", "Content-Encoding": "gzip"})
    with Site({"/robots.txt": Response(404), "/a.html": page}) as site, Fetcher() as fetcher:
        assert fetcher.get(site.url("/a.html"), delay=0).body == body


@pytest.mark.parametrize(
    ("robots", "allowed"),
    [
        (Response(404), True),  # unavailable: no rules
        (Response(410), True),
        (Response(503), False),  # unreachable: stay away
        (Response(200, b"", {"Content-Type": "text/plain"}, trickle=0.2), False),  # trickled past the deadline
    ],
)
def test_robots_txt_failures_follow_rfc_9309(robots, allowed):
    with Site({"/robots.txt": robots, "/a.html": html(article_page(ARTICLES[0]))}) as site:
        with Fetcher(retries=1, backoff=0.01, timeout=1, deadline=0.5) as fetcher:
            started = time.monotonic()
            if allowed:
                assert fetcher.get(site.url("/a.html"), delay=0).status == 200
            else:
                with pytest.raises(Failed, match="robots.txt unreachable"):
                    fetcher.get(site.url("/a.html"), delay=0)
                with pytest.raises(Blocked, match="RFC 9309"):  # no second try in the same run
                    fetcher.get(site.url("/a.html"), delay=0)
        assert time.monotonic() - started < 3
        assert bool(site.hits("/a.html")) is allowed


def test_robots_txt_redirects_stay_on_the_site():
    with Site({"/robots.txt": ROBOTS_OK}) as other:
        elsewhere = other.url("/robots.txt").replace("127.0.0.1", "localhost")
        routes = {
            "/robots.txt": Response(301, b"", {"Location": "/robots-2.txt"}),
            "/robots-2.txt": ROBOTS_OK,
        }
        with Site(routes) as site, Fetcher() as fetcher:
            assert not fetcher.allowed(site.url("/private/a.html"), delay=0)  # followed on the site
        with Site({"/robots.txt": Response(302, b"", {"Location": elsewhere})}) as site, Fetcher() as fetcher:
            assert fetcher.allowed(site.url("/private/a.html"), delay=0)  # not followed: no rules
        assert not other.hits()


# -- wall-clock deadlines, host backoff, giving up --------------------------------------


@pytest.mark.parametrize("trickled", ["body", "headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(trickled):
    body = article_page(ARTICLES[0])
    if trickled == "body":
        route = Response(200, lambda: _trickle(b"<html><body>" + b"x" * 10_000, 0.05), {"Content-Type": "text/html"})
    else:
        route = Response(200, body, {"Content-Type": "text/html"}, trickle=0.05)
    with Site({"/robots.txt": Response(404), "/a.html": route}) as site, Fetcher(timeout=1, deadline=0.5, retries=1, backoff=0.01) as fetcher:
        started = time.monotonic()
        with pytest.raises(Failed, match=r"took longer than 0.5 s \(after 2 attempts\)"):
            fetcher.get(site.url("/a.html"), delay=0)
        assert time.monotonic() - started < 2.5  # two attempts of 0.5 s, not 10,000 bytes × 0.05 s
        assert len(site.hits("/a.html")) == 2


def _trickle(data: bytes, pause: float):
    for byte in data:
        time.sleep(pause)
        yield bytes([byte])


def test_a_5xx_storm_backs_the_host_off_and_gives_it_up(catalog, tmp_path):
    storm = {a.path: Response(503, b"busy") for a in ARTICLES}
    with news_site(**storm) as site:
        summary = run(site, catalog, tmp_path)
        failing = [h.start for h in site.hits("/news/2025")]
    source = summary.sources[0]
    assert not summary.ok and source.outcome == "got nothing"
    assert source.error == "gave up on the host after 4 failures in a row (last: HTTP 503)"
    assert len(failing) == 4  # not 2 tries for each of the 5 articles
    gaps = [b - a for a, b in zip(failing, failing[1:])]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2  # the host as a whole backs off


def test_retry_after_too_long_gives_the_host_up(catalog, tmp_path):
    first = ARTICLES[0].path
    with news_site(**{first: Response(429, b"slow down", {"Retry-After": "100000"})}) as site:
        summary = run(site, catalog, tmp_path, max_wait=30)
        hits = site.hits("/news/2025")
    source = summary.sources[0]
    assert "asks to wait 100000 s" in source.error and "gave up on the host" in source.error
    assert [h.path for h in hits] == [first]  # no more requests after it
    assert not summary.ok


def test_retry_after_on_503_is_honoured(catalog, tmp_path):
    first = ARTICLES[0].path
    with news_site(**{first: [Response(503, b"busy", {"Retry-After": "1"}), html(article_page(ARTICLES[0]))]}) as site:
        for a in ARTICLES[1:]:
            site.routes[a.path] = [html(article_page(a))]
        summary = run(site, catalog, tmp_path)
        hits = site.hits("/news/2025")
    assert summary.sources[0].new == 5 and summary.ok
    assert hits[1].start - hits[0].start >= 1.0


def test_crawl_delay_applies_from_the_first_request(catalog, tmp_path):
    robots = Response(200, b"User-agent: *\nCrawl-delay: 0.5\n", {"Content-Type": "text/plain"})
    with news_site(**{"/robots.txt": robots}) as site:
        for a in ARTICLES[:1]:
            site.routes[a.path] = [html(article_page(a))]
        run(site, catalog, tmp_path, max_pages=1)
        hits = site.hits()
    assert [h.path for h in hits[:2]] == ["/robots.txt", "/news/index.html"]
    gaps = [b.start - a.start for a, b in zip(hits, hits[1:])]
    assert min(gaps) >= 0.5, gaps


def test_crawl_delay_too_long_gives_the_host_up(catalog, tmp_path):
    robots = Response(200, b"User-agent: *\nCrawl-delay: 86400\n", {"Content-Type": "text/plain"})
    with news_site(**{"/robots.txt": robots}) as site:
        summary = run(site, catalog, tmp_path)
        assert not site.hits("/news/")
    assert "Crawl-delay" in summary.sources[0].error and not summary.ok


# -- bad links --------------------------------------------------------------------------


def test_bad_links_and_offsite_redirects_are_one_skipped_link_each(catalog, tmp_path):
    good, to_js, to_broken, offsite = ARTICLES[:4]
    with Site({"/robots.txt": Response(404), "/x.html": html(b"elsewhere")}) as other:
        elsewhere = other.url("/x.html").replace("127.0.0.1", "localhost")
        entries = listing([good, to_js, to_broken, offsite]) + [("http://[::1", "坏链接示例一二三", date(2025, 5, 9))]
        routes = {
            "/news/index.html": html(list_page(entries, 0, 1)),
            good.path: html(article_page(good)),
            to_js.path: Response(302, b"", {"Location": "javascript:alert(1)"}),
            to_broken.path: Response(302, b"", {"Location": "http://[::1/x.html"}),
            offsite.path: Response(302, b"", {"Location": elsewhere}),
        }
        with news_site(**routes) as site:
            summary = run(site, catalog, tmp_path)
        assert not other.hits()
    source = summary.sources[0]
    assert source.new == 1 and summary.ok, source.to_dict()
    assert source.skipped["malformed link"] == 1, source.skipped
    assert source.skipped["not a valid http(s) URL"] == 1, source.skipped  # javascript:
    assert source.skipped["redirect to a malformed URL"] == 1
    assert source.skipped["redirect off the source's sites (to localhost)"] == 1
