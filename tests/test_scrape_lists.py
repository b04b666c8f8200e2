"""Re-runs and list pages: a list page is asked for with the validators it last gave, a
304 (or the same bytes again) is not read again, and the articles it listed that are not
archived yet — one that failed last run, one never reached — are still fetched."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from minutes.scrapers.run import Options, scrape
from minutes.scrapers.sources import generic_source, load_catalog, parse_source
from minutes.store import Archive
from sites.news import article, article_page, list_page, listing
from sites.server import Response, Site, html

A = [article(n, date(2025, 4, 20 - n)) for n in range(1, 5)]
FLAKY = A[2]  # fails the whole first run (two 503s: the request and its one retry), then works
MODIFIED = "Tue, 01 Apr 2025 08:00:00 GMT"


def options(**changes) -> Options:
    return Options(**{**dict(delay=0, timeout=1.0, retries=1, backoff=0.01, extract=False, max_pages=2), **changes})


def routes(listed: list[Response] | Response, flaky: list[Response] | None = None) -> dict:
    return {
        "/robots.txt": Response(404),
        "/news/index.html": listed,
        **{a.path: html(article_page(a)) for a in A if a is not FLAKY},
        FLAKY.path: flaky or [Response(503), Response(503), html(article_page(FLAKY))],
    }


def the_list(articles=A, **validators) -> Response:
    return Response(200, list_page(listing(articles), 0, 1), {"Content-Type": "text/html"}, **validators)


def run(site: Site, db, **changes):
    """One scrape of the site's list; the source's summary and the requests it made."""
    before = len(site.hits())
    with Archive(db) as archive:
        summary = scrape([generic_source(site.url("/news/index.html"))], archive, options(**changes), catalog=load_catalog())
    return summary.sources[0], site.hits()[before:]


def archived(db) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT source FROM documents")}


@pytest.mark.parametrize("validators", [{"etag": '"list-1"'}, {"last_modified": MODIFIED}], ids=["etag", "last-modified"])
def test_an_unchanged_list_is_not_downloaded_but_its_failed_article_is_retried(tmp_path, validators):
    db = tmp_path / "m.db"
    with Site(routes(the_list(**validators))) as site:
        first, first_hits = run(site, db)
        second, second_hits = run(site, db)
        third, third_hits = run(site, db)

    assert (first.new, first.failed, first.lists_unchanged, first.retried) == (3, 1, 0, 0)
    assert [h.headers.get("If-None-Match") for h in first_hits if h.path == "/news/index.html"] == [None]

    # Second run: the list is asked for conditionally and answers 304; of its four
    # articles only the one that failed is requested again, and it is archived.
    (list_hit,) = [h for h in second_hits if h.path == "/news/index.html"]
    if "etag" in validators:
        assert list_hit.headers.get("If-None-Match") == '"list-1"'
    else:
        assert list_hit.headers.get("If-Modified-Since") == MODIFIED and "If-None-Match" not in list_hit.headers
    assert list_hit.status == 304
    assert [h.path for h in second_hits if h.path.startswith("/news/2")] == [FLAKY.path]
    assert (second.pages, second.links, second.new, second.failed) == (1, 4, 1, 0)
    assert (second.lists_unchanged, second.retried, second.skipped["already archived"]) == (1, 1, 3)
    assert second.outcome == "ok"
    assert archived(db) == {site.url(a.path) for a in A}

    # Third run: 304 again, nothing left to try.
    assert [(h.path, h.status) for h in third_hits if h.path != "/robots.txt"] == [("/news/index.html", 304)]
    assert (third.lists_unchanged, third.retried, third.new, third.skipped["already archived"]) == (1, 0, 0, 4)
    assert third.outcome == "nothing new"


def test_a_list_without_validators_is_downloaded_and_same_bytes_count_as_unchanged(tmp_path):
    newer = article(9, date(2025, 4, 25))
    db = tmp_path / "m.db"
    with Site(routes([the_list(), the_list(), the_list([newer, *A])])) as site:
        site.routes[newer.path] = [html(article_page(newer))]
        first, _ = run(site, db)
        second, second_hits = run(site, db)
        third, third_hits = run(site, db)

    assert (first.new, first.failed) == (3, 1)
    (list_hit,) = [h for h in second_hits if h.path == "/news/index.html"]
    assert list_hit.status == 200 and "If-None-Match" not in list_hit.headers and "If-Modified-Since" not in list_hit.headers
    assert [h.path for h in second_hits if h.path.startswith("/news/2")] == [FLAKY.path]
    assert (second.lists_unchanged, second.retried, second.new) == (1, 1, 1)
    # The list changed: read again, its new article fetched, no retry counted.
    assert [h.path for h in third_hits if h.path.startswith("/news/2")] == [newer.path]
    assert (third.lists_unchanged, third.retried, third.new, third.skipped["already archived"]) == (0, 0, 1, 4)


def test_retries_from_an_unchanged_list_stop_after_max_failures(tmp_path):
    db = tmp_path / "m.db"
    with Site(routes(the_list(etag='"list-1"'), flaky=[Response(503)])) as site:
        runs = [run(site, db, max_failures=2) for _ in range(3)]

    flaky_requests = [len([h for h in hits if h.path == FLAKY.path]) for _, hits in runs]
    assert flaky_requests == [2, 2, 0]  # a request and its retry, on two runs; then given up
    (first, _), (second, _), (third, _) = runs
    assert (second.lists_unchanged, second.retried, second.failed) == (1, 1, 1)
    assert (third.lists_unchanged, third.retried, third.failed) == (1, 0, 0)
    assert third.skipped["not retried: failed 2 runs"] == 1


def test_a_list_read_under_other_rules_is_fetched_again(tmp_path):
    """A changed ``links`` selector may find other links on the same page: the recorded
    ones are not trusted, the page is requested without validators and read again."""
    db = tmp_path / "m.db"
    catalog = load_catalog()
    with Site(routes(the_list(etag='"list-1"'))) as site:
        url = site.url("/news/index.html")
        first = parse_source({"id": "t", "name": "示例", "lists": [url], "links": "div.nothing a"}, where="test")
        fixed = parse_source({"id": "t", "name": "示例", "lists": [url], "links": "ul.list li a"}, where="test")
        with Archive(db) as archive:
            broken = scrape([first], archive, options(), catalog=catalog).sources[0]
            before = len(site.hits())
            repaired = scrape([fixed], archive, options(), catalog=catalog).sources[0]
        (list_hit,) = [h for h in site.hits()[before:] if h.path == "/news/index.html"]

    assert broken.fallbacks  # the broken selector fell back to generic discovery
    assert "If-None-Match" not in list_hit.headers and list_hit.status == 200
    assert repaired.lists_unchanged == 1 and not repaired.fallbacks  # same bytes, read with the fixed rule


def test_a_304_nobody_asked_for_is_a_miss_not_a_crash(tmp_path):
    db = tmp_path / "m.db"
    with Site(routes(Response(304))) as site:
        summary, _ = run(site, db)
    assert summary.error is None and summary.outcome == "miss"
    assert summary.misses == [{"url": site.url("/news/index.html"), "reason": "no link looks like an article"}]
