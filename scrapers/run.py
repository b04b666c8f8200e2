"""Batch collection: list pages → article links → fetched pages → archive.

``scrape(sources, archive, options)`` walks each source's listings page by page (stops at
``max_pages``, at a page with nothing new, at a 404, or once ``since`` is passed) and
stores every new article as soon as it is read, so an interrupted run loses at most the
article in flight and the next run goes on from there.

A run says when a source yields nothing: a list page with no article link while the
source's ``links`` selector matched nothing (or the page had links on the previous run)
is a *miss*; a source whose every article failed, or whose host turned us away, *got
nothing*. Either makes ``Summary.ok`` false. A list page whose rule finds nothing but
generic discovery does is read that way and reported (``fallback``).

Incremental runs: an article URL already recorded in the archive's ``pages`` table with a
stored document is skipped without a request ("already archived"); so is one that was
permanently skipped (404, not HTML) or failed ``max_failures`` runs in a row; one that
failed fewer times is tried again. List pages are asked for with the ETag/Last-Modified
they last gave: a 304 is not downloaded again, and the links recorded with the page
(``pages.listed``) stand in for it, so that its articles still pending (never reached, or
failed fewer than ``max_failures`` runs) are tried all the same; a list page served without
validators is downloaded and its identical bytes count as unchanged. Both are counted
(``lists_unchanged``, and ``retried`` for the articles requested from such a page). With ``options.refresh`` all of them are fetched
again, archived ones with a conditional GET (ETag/Last-Modified as the server gave
them): 304 or identical bytes count as unchanged, new bytes as updated.

Threads: one worker per source (up to ``options.concurrency`` at a time) does the HTTP
and HTML parsing; the ``Fetcher`` keeps hosts one request at a time with their delay.
Every archive call runs on the calling thread, which owns the SQLite connection.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from minutes import defaults
from minutes.errors import MinutesError
from minutes.scrapers.articles import explain_article, read_article
from minutes.scrapers.fetch import DEFAULT_USER_AGENT, MB, Blocked, Failed, Fetcher, FetchProblem, Page, Skipped, Stopped
from minutes.scrapers.lists import Link, ListPage, parse_list, page_url
from minutes.scrapers.sources import Catalog, Source


@dataclass
class Options:
    since: date | None = None
    max_pages: int = defaults.SCRAPE_MAX_PAGES  # list pages per listing
    delay: float | None = None  # overrides every source's delay when given
    concurrency: int = defaults.SCRAPE_CONCURRENCY  # sources (hosts) worked on at once
    dry_run: bool = False  # list only: no article requests, nothing written
    extract: bool = True
    refresh: bool = False  # fetch archived, skipped and given-up articles again
    max_failures: int = 3  # runs an article may fail in a row before it is no longer tried
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 15.0  # seconds for one network read
    deadline: float = 60.0  # seconds for one whole request
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 60.0
    host_failures: int = 8  # failures in a row that give a host up
    max_wait: float = 120.0  # longest Retry-After / Crawl-delay honoured before giving the host up
    max_bytes: int = 5 * MB

    def fetcher(self, stop: threading.Event | None = None) -> Fetcher:
        return Fetcher(
            user_agent=self.user_agent,
            timeout=self.timeout,
            deadline=self.deadline,
            retries=self.retries,
            backoff=self.backoff,
            max_backoff=self.max_backoff,
            host_failures=self.host_failures,
            max_retry_after=self.max_wait,
            max_bytes=self.max_bytes,
            stop=stop,
        )

    def delay_for(self, source: Source) -> float:
        """Seconds between two requests to the source's host: --delay, else the source's
        own (0 included), else the default."""
        if self.delay is not None:
            return self.delay
        return source.delay if source.delay is not None else defaults.SCRAPE_DELAY


@dataclass
class SourceSummary:
    id: str
    name: str
    reachable: bool = False
    error: str | None = None  # why the source (a first list page) could not be read, or its host was given up
    pages: int = 0  # list pages read
    lists_unchanged: int = 0  # list pages that answered 304 or served the same bytes as last run
    retried: int = 0  # articles of unchanged list pages requested again (pending, or failed before)
    links: int = 0  # distinct article links found
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason → count
    failures: list[dict[str, str]] = field(default_factory=list)  # url, reason
    misses: list[dict[str, str]] = field(default_factory=list)  # list pages that yielded no article link: url, reason
    fallbacks: list[dict[str, str]] = field(default_factory=list)  # list pages read by generic discovery: url, reason

    @property
    def done(self) -> int:
        return self.new + self.updated + self.unchanged + self.failed + sum(self.skipped.values())

    @property
    def outcome(self) -> str:
        """ok · nothing new (an honestly empty or fully archived listing) · miss (the
        rules found no article link on a list page) · got nothing (every article failed,
        or the source could not be read or was turned away) · cut short (turned away
        after some articles)."""
        archived = self.new + self.updated + self.unchanged
        if self.misses:
            return "miss"
        if self.error:
            return "cut short" if archived else "got nothing"
        if self.failed and not (archived or self.skipped["already archived"]):
            return "got nothing"
        return "ok" if self.new or self.updated else "nothing new"

    @property
    def ok(self) -> bool:
        return self.outcome in ("ok", "nothing new")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "outcome": self.outcome,
            "reachable": self.reachable,
            "error": self.error,
            "pages": self.pages,
            "lists_unchanged": self.lists_unchanged,
            "retried": self.retried,
            "links": self.links,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "skipped": dict(sorted(self.skipped.items())),
            "failures": self.failures,
            "misses": self.misses,
            "fallbacks": self.fallbacks,
        }


@dataclass
class Summary:
    sources: list[SourceSummary]
    hosts: dict[str, dict[str, int]]  # requests / downloads / not_modified per host

    @property
    def ok(self) -> bool:
        """Every source yielded its articles, or honestly had nothing new."""
        return all(s.ok for s in self.sources)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "sources": [s.to_dict() for s in self.sources], "hosts": self.hosts}


Progress = Callable[[SourceSummary], None]


def scrape(
    sources: list[Source],
    archive: Any,
    options: Options | None = None,
    *,
    catalog: Catalog,
    progress: Progress | None = None,
) -> Summary:
    """Collect ``sources`` into ``archive`` (an ``Archive``; may be None for a dry run).

    ``progress`` is called with a source's summary whenever it changes (from worker
    threads). Ctrl-C stops the workers and re-raises; what was stored stays stored.
    """
    options = options or Options()
    if archive is None and not options.dry_run:
        raise MinutesError("an archive is needed unless this is a dry run")
    stop = threading.Event()
    owner = _Owner(stop)
    summaries = [SourceSummary(s.id, s.name) for s in sources]
    fetcher = options.fetcher(stop)
    pending: queue.Queue[tuple[Source, SourceSummary]] = queue.Queue()
    for pair in zip(sources, summaries):
        pending.put(pair)

    def work() -> None:
        while not stop.is_set():
            try:
                source, summary = pending.get_nowait()
            except queue.Empty:
                return
            _Walk(source, summary, archive, options, catalog, fetcher, owner, progress).run()

    workers = [threading.Thread(target=work, daemon=True, name="scrape") for _ in range(max(1, min(options.concurrency, len(sources))))]
    try:
        for worker in workers:
            worker.start()
        owner.serve(until=lambda: not any(w.is_alive() for w in workers))
        for worker in workers:
            worker.join()
    finally:
        stop.set()
        fetcher.close()
    hosts = {name: {"requests": s.requests, "downloads": s.downloads, "not_modified": s.not_modified} for name, s in fetcher.stats().items()}
    return Summary(summaries, hosts)


class _Owner:
    """Runs archive calls from workers on the thread that created the archive connection."""

    def __init__(self, stop: threading.Event):
        self.thread = threading.current_thread()
        self.calls: queue.Queue[tuple[Callable[..., Any], tuple, dict, Future]] = queue.Queue()
        self.stop = stop
        self.error: BaseException | None = None

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is self.thread:
            return fn(*args, **kwargs)
        future: Future = Future()
        self.calls.put((fn, args, kwargs, future))
        while True:  # wake up now and then so that a stopped run does not leave us waiting
            try:
                return future.result(timeout=0.2)
            except TimeoutError:
                if self.stop.is_set():
                    raise Stopped("interrupted") from None

    def serve(self, until: Callable[[], bool]) -> None:
        """Answer calls until ``until()``; a short timeout keeps Ctrl-C responsive."""
        while True:
            try:
                fn, args, kwargs, future = self.calls.get(timeout=0.05)
            except queue.Empty:
                if until():
                    return
                continue
            try:
                future.set_result(fn(*args, **kwargs))
            except Exception as error:
                future.set_exception(error)


class _Walk:
    """One source: its listings page by page, each new article stored as it is read."""

    def __init__(self, source, summary, archive, options, catalog, fetcher, owner, progress):
        self.source: Source = source
        self.summary: SourceSummary = summary
        self.archive = archive
        self.options: Options = options
        self.catalog: Catalog = catalog
        self.fetcher: Fetcher = fetcher
        self.owner: _Owner = owner
        self.progress = progress or (lambda summary: None)
        self.delay = options.delay_for(source)
        self.seen: set[str] = set()
        self.rules = _rules(source, catalog)

    def run(self) -> None:
        try:
            for list_url in self.source.lists:
                self.listing(list_url)
        except Stopped:
            return
        except Blocked as problem:  # the host turned us away mid-run: stop asking it
            self.summary.error = self.summary.error or problem.reason
        except Exception as error:  # a bug: reported with its source, the other sources go on
            self.summary.error = f"unexpected {type(error).__name__}: {error}"
        finally:
            self.progress(self.summary)

    def listing(self, list_url: str) -> None:
        url: str | None = list_url
        for k in range(self.options.max_pages):
            if url is None:
                return
            before = self.owner.call(self.archive.page, url) if self.archive is not None else None
            listed_before = _listed(before, self.rules)
            validators = {"etag": before["etag"], "last_modified": before["last_modified"]} if listed_before else {}
            try:
                page = self.fetcher.get(url, delay=self.delay, sites=self.source.lists, **validators)
            except (Skipped, Failed, Blocked) as problem:
                if k == 0:
                    self.summary.error = f"{url}: {problem.reason}"
                    if isinstance(problem, Blocked):
                        raise
                elif isinstance(problem, Blocked):
                    raise
                elif not (isinstance(problem, Skipped) and problem.reason == "HTTP 404"):  # 404: past the last page
                    self.summary.failures.append({"url": url, "reason": f"list page: {problem.reason}"})
                return
            self.summary.reachable = True
            self.summary.pages += 1
            if page.status == 304 and listed_before:
                listed, unchanged = listed_before, True
            else:
                listed = parse_list(page.body, page.url, self.source, self.catalog, charset=page.charset)
                unchanged = bool(before and before["content_hash"] == _hash(page.body))
            self.summary.lists_unchanged += unchanged
            if not self.judge(url, k, listed, page, before):
                return
            fresh = [link for link in listed.articles if link.url not in self.seen]
            for skipped_url, reason in listed.skipped:
                if skipped_url not in self.seen:
                    self.seen.add(skipped_url)
                    self.summary.skipped[reason] += 1
            if not fresh:  # an empty page, or the site serving the same page again
                return
            self.seen.update(link.url for link in fresh)
            self.summary.links += len(fresh)
            self.progress(self.summary)
            since = self.options.since
            for link in fresh:
                if since and link.published and link.published < since:
                    self.summary.skipped["older than --since"] += 1
                else:
                    self.article(link.url, retry=unchanged)
                self.progress(self.summary)
            if since and all(link.published and link.published < since for link in fresh):
                return
            url = page_url(self.source, list_url, k + 1) if self.source.pagination else listed.next_url

    def judge(self, url: str, k: int, listed: ListPage, page: Page, before: dict[str, Any] | None) -> bool:
        """Record what a list page yielded, with its validators, in one write (a run
        killed after it finds the links in the archive); a page without article links is
        a miss when the selector matched nothing (or, for a first page, there is no
        selector) or when it had links last time. False: stop this listing."""
        if self.archive is not None and not self.options.dry_run:
            if page.status == 304:  # a 304 may repeat or update the validators; the body is the one hashed before
                before = before or {}  # (a 304 nobody asked for keeps whatever was recorded)
                state = {"etag": page.etag or before.get("etag"), "last_modified": page.last_modified or before.get("last_modified")}
            else:
                state = {"etag": page.etag, "last_modified": page.last_modified, "content_hash": _hash(page.body)}
            self.owner.call(
                self.archive.record_page, url, **state,
                links=len(listed.articles), listed=_dump(listed, self.rules), fetched=_now(), status=page.status,
            )
        if listed.fallback:
            self.summary.fallbacks.append({"url": url, "reason": listed.fallback})
        if listed.articles:
            return True
        if before and before.get("links"):
            self.summary.misses.append({"url": url, "reason": f"no article link, {before['links']} on the previous run"})
        elif listed.matched == 0:
            self.summary.misses.append({"url": url, "reason": f"links selector {self.source.links!r} matched nothing"})
        elif listed.matched is None and k == 0:
            self.summary.misses.append({"url": url, "reason": "no link looks like an article"})
        return False

    def article(self, url: str, *, retry: bool = False) -> None:
        """Fetch and archive one article unless it is settled; ``retry``: it comes from an
        unchanged list page, so a request for it is a retry (counted as such)."""
        state = self.owner.call(self.archive.page, url) if self.archive is not None else None
        known = bool(state and state.get("document_id"))
        if not self.options.refresh and (reason := _not_again(state, self.options.max_failures)):
            self.summary.skipped[reason] += 1
            return
        if self.options.dry_run:
            try:
                allowed = self.fetcher.allowed(url, delay=self.delay)
            except (Failed, Skipped) as problem:
                self.fail(url, problem.reason)
                return
            self.summary.skipped["dry run" if allowed else "disallowed by robots.txt"] += 1
            return
        conditional = {"etag": state.get("etag"), "last_modified": state.get("last_modified")} if known else {}
        try:
            page = self.fetcher.get(url, delay=self.delay, sites=self.source.lists, **conditional)
        except Stopped:
            raise
        except Skipped as problem:
            self.summary.retried += retry and problem.reason != "disallowed by robots.txt"  # that one is never requested
            self.summary.skipped[problem.reason] += 1
            if problem.reason != "disallowed by robots.txt":  # robots.txt may change; asking costs nothing
                self.owner.call(self.archive.record_page, url, problem=problem.reason, failures=None, fetched=_now())
            return
        except FetchProblem as problem:
            self.summary.retried += retry
            self.fail(url, problem.reason, state)
            if isinstance(problem, Blocked):
                raise
            return
        self.summary.retried += retry
        if page.status == 304:
            self.summary.unchanged += 1
            return
        try:
            doc = read_article(page, self.source)
        except MinutesError as error:
            self.fail(url, str(error), state)
            return
        if self.options.since and doc.published and doc.published < self.options.since:
            self.summary.skipped["older than --since"] += 1
            return
        try:
            result = self.owner.call(self.store, url, page, doc)
        except MinutesError as error:
            self.fail(url, str(error), state)
            return
        setattr(self.summary, result.status, getattr(self.summary, result.status) + 1)

    def store(self, url: str, page: Page, doc: Any) -> Any:
        """Archive one article and its fetch state (on the archive's thread)."""
        from minutes.ingest import ingest

        result = ingest(self.archive, doc, extract=self.options.extract)
        self.archive.record_page(
            url,
            etag=page.etag,
            last_modified=page.last_modified,
            content_hash=_hash(page.body),
            fetched=_now(),
            status=page.status,
            document_id=result.id,
            problem=None,
            failures=None,
        )
        return result

    def fail(self, url: str, reason: str, state: dict[str, Any] | None = None) -> None:
        self.summary.failed += 1
        self.summary.failures.append({"url": url, "reason": reason})
        if self.archive is not None and not self.options.dry_run and not (state and state.get("document_id")):
            failures = ((state or {}).get("failures") or 0) + 1
            self.owner.call(self.archive.record_page, url, problem=reason, failures=failures, fetched=_now())


def _not_again(state: dict[str, Any] | None, max_failures: int) -> str | None:
    """Why an article is not requested again on this run (None: request it)."""
    if not state:
        return None
    if state.get("document_id"):
        return "already archived"
    if state.get("problem") and state.get("failures") is None:
        return f"not retried: {state['problem']}"
    if (state.get("failures") or 0) >= max_failures:
        return f"not retried: failed {state['failures']} runs"
    return None


def _rules(source: Source, catalog: Catalog) -> str:
    """A fingerprint of what decides a list page's links: recorded links read under other
    rules (a fixed selector, new catalog patterns) are not trusted, the page is read again."""
    parts = [source.links, source.article.pattern if source.article else None, source.encoding]
    parts += [[p.pattern for p in catalog.article_patterns], [p.pattern for p in catalog.article_shapes], sorted(catalog.skip_extensions)]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:16]


def _dump(listed: ListPage, rules: str) -> str:
    """What a list page listed, as recorded in ``pages.listed``."""
    return json.dumps(
        {
            "rules": rules,
            "articles": [[link.url, link.published.isoformat() if link.published else None, link.text] for link in listed.articles],
            "skipped": [list(pair) for pair in listed.skipped],
            "next": listed.next_url,
            "matched": listed.matched,
            "fallback": listed.fallback,
        },
        ensure_ascii=False,
    )


def _listed(state: dict[str, Any] | None, rules: str) -> ListPage | None:
    """The list page recorded in ``state`` when it can stand in for a 304 (read under the
    same rules, with a validator to send); None: fetch the page unconditionally."""
    if not state or not state.get("listed") or not (state.get("etag") or state.get("last_modified")):
        return None
    try:
        data = json.loads(state["listed"])
        if data.get("rules") != rules:
            return None
        articles = [Link(url, date.fromisoformat(day) if day else None, text) for url, day, text in data["articles"]]
        return ListPage(articles, [(u, r) for u, r in data["skipped"]], data["next"], matched=data["matched"], fallback=data["fallback"])
    except (ValueError, TypeError, KeyError, AttributeError):  # damaged or foreign: read the page again
        return None


def _hash(body: bytes) -> str:
    from minutes.store import content_hash

    return content_hash(body)


def check(source: Source, catalog: Catalog, options: Options | None = None, *, article: str | None = None) -> dict[str, Any]:
    """Fetch a source's first list pages and one article (``article``, else the first
    link found); report what each rule matched, what it held, which same-site links the
    article rule turned down, and where the article's title, date and body came from."""
    options = options or Options()
    delay = options.delay_for(source)
    report: dict[str, Any] = {"id": source.id, "name": source.name, "verified": source.verified, "lists": []}
    with options.fetcher() as fetcher:
        for list_url in source.lists if article is None else ():
            entry: dict[str, Any] = {"url": list_url}
            report["lists"].append(entry)
            try:
                page = fetcher.get(list_url, delay=delay, sites=source.lists)
            except FetchProblem as problem:
                entry["error"] = problem.reason
                continue
            listed = parse_list(page.body, page.url, source, catalog, charset=page.charset)
            if source.links:
                entry["selector"] = {"selector": source.links, "matches": listed.matched, "holds": listed.held}
            entry["links"] = len(listed.articles)
            entry["fallback"] = listed.fallback
            entry["sample"] = [{"url": link.url, "date": link.published, "text": link.text[:40]} for link in listed.articles[:3]]
            entry["rejected"] = listed.rejected[:5]
            entry["next_page"] = page_url(source, list_url, 1) if source.pagination else listed.next_url
            if listed.articles and article is None:
                article = listed.articles[0].url
        if article is not None:
            try:
                report["article"] = explain_article(fetcher.get(article, delay=delay, sites=source.lists), source)
            except (FetchProblem, MinutesError) as problem:
                report["article"] = {"url": article, "error": getattr(problem, "reason", str(problem))}
    lists_ok = all("error" not in e and e["links"] and not e["fallback"] for e in report["lists"])
    report["ok"] = lists_ok and "error" not in report.get("article", {"error": "no article"})
    return report


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="seconds")
