"""Batch collection: list pages → article links → fetched pages → archive.

``scrape(sources, archive, options)`` walks each source's listings page by page (stops at
``max_pages``, at a page with nothing new, at a 404, or once ``since`` is passed) and
stores every new article as soon as it is read, so an interrupted run loses at most the
article in flight and the next run goes on from there.

Incremental runs: an article URL already recorded in the archive's ``pages`` table with a
stored document is skipped without a request ("already archived"). With
``options.recheck`` it is fetched again with a conditional GET (ETag/Last-Modified as the
server gave them): 304 or identical bytes count as unchanged, new bytes as updated.

Threads: one worker per source (up to ``options.concurrency`` at a time) does the HTTP
and HTML parsing; the ``Fetcher`` keeps hosts one request at a time with their delay.
Every archive call runs on the calling thread, which owns the SQLite connection.
"""

from __future__ import annotations

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
from minutes.scrapers.articles import probe_selectors, read_article
from minutes.scrapers.fetch import DEFAULT_USER_AGENT, MB, Blocked, Failed, Fetcher, FetchProblem, Page, Skipped, Stopped
from minutes.scrapers.lists import parse_list, page_url
from minutes.scrapers.sources import Catalog, Source


@dataclass
class Options:
    since: date | None = None
    max_pages: int = defaults.SCRAPE_MAX_PAGES  # list pages per listing
    delay: float | None = None  # overrides every source's delay when given
    concurrency: int = defaults.SCRAPE_CONCURRENCY  # sources (hosts) worked on at once
    dry_run: bool = False  # list only: no article requests, nothing written
    extract: bool = True
    recheck: bool = False  # conditional GET for archived articles instead of skipping them
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 15.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 5 * MB

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
    error: str | None = None  # why the source (a first list page) could not be read
    pages: int = 0  # list pages read
    links: int = 0  # distinct article links found
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason → count
    failures: list[dict[str, str]] = field(default_factory=list)  # url, reason

    @property
    def done(self) -> int:
        return self.new + self.updated + self.unchanged + self.failed + sum(self.skipped.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "reachable": self.reachable,
            "error": self.error,
            "pages": self.pages,
            "links": self.links,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "skipped": dict(sorted(self.skipped.items())),
            "failures": self.failures,
        }


@dataclass
class Summary:
    sources: list[SourceSummary]
    hosts: dict[str, dict[str, int]]  # requests / downloads / not_modified per host

    @property
    def ok(self) -> bool:
        """Every source could be reached (its articles may still have failed)."""
        return all(s.reachable for s in self.sources)

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
    fetcher = Fetcher(
        user_agent=options.user_agent,
        timeout=options.timeout,
        retries=options.retries,
        backoff=options.backoff,
        max_bytes=options.max_bytes,
        stop=stop,
    )
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
            try:
                page = self.fetcher.get(url, delay=self.delay)
            except (Skipped, Failed, Blocked) as problem:
                if k == 0:
                    self.summary.error = f"{url}: {problem.reason}"
                    if isinstance(problem, Blocked):
                        raise
                elif not (isinstance(problem, Skipped) and problem.reason == "HTTP 404"):  # 404: past the last page
                    self.summary.failures.append({"url": url, "reason": f"list page: {problem.reason}"})
                return
            self.summary.reachable = True
            self.summary.pages += 1
            listed = parse_list(page.body, page.url, self.source, self.catalog, charset=page.charset)
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
                    self.article(link.url)
                self.progress(self.summary)
            if since and all(link.published and link.published < since for link in fresh):
                return
            url = page_url(self.source, list_url, k + 1) if self.source.pagination else listed.next_url

    def article(self, url: str) -> None:
        state = self.owner.call(self.archive.page, url) if self.archive is not None else None
        known = bool(state and state.get("document_id"))
        if known and not self.options.recheck:
            self.summary.skipped["already archived"] += 1
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
            page = self.fetcher.get(url, delay=self.delay, **conditional)
        except Stopped:
            raise
        except Skipped as problem:
            self.summary.skipped[problem.reason] += 1
            return
        except FetchProblem as problem:
            self.fail(url, problem.reason)
            if isinstance(problem, Blocked):
                raise
            return
        if page.status == 304:
            self.summary.unchanged += 1
            return
        try:
            doc = read_article(page, self.source)
        except MinutesError as error:
            self.fail(url, str(error))
            return
        if self.options.since and doc.published and doc.published < self.options.since:
            self.summary.skipped["older than --since"] += 1
            return
        try:
            result = self.owner.call(self.store, url, page, doc)
        except MinutesError as error:
            self.fail(url, str(error))
            return
        setattr(self.summary, result.status, getattr(self.summary, result.status) + 1)

    def store(self, url: str, page: Page, doc: Any) -> Any:
        """Archive one article and its fetch state (on the archive's thread)."""
        from minutes.store import content_hash
        from minutes.ingest import ingest

        result = ingest(self.archive, doc, extract=self.options.extract)
        self.archive.record_page(
            url,
            etag=page.etag,
            last_modified=page.last_modified,
            content_hash=content_hash(page.body),
            fetched=_now(),
            status=page.status,
            document_id=result.id,
        )
        return result

    def fail(self, url: str, reason: str) -> None:
        self.summary.failed += 1
        self.summary.failures.append({"url": url, "reason": reason})


def check(source: Source, catalog: Catalog, options: Options | None = None) -> dict[str, Any]:
    """Fetch a source's first list page and first article; report what the rules find."""
    options = options or Options()
    delay = options.delay_for(source)
    report: dict[str, Any] = {"id": source.id, "name": source.name, "verified": source.verified, "lists": []}
    with Fetcher(user_agent=options.user_agent, timeout=options.timeout, retries=options.retries, backoff=options.backoff) as fetcher:
        for list_url in source.lists:
            entry: dict[str, Any] = {"url": list_url}
            report["lists"].append(entry)
            try:
                page = fetcher.get(list_url, delay=delay)
            except FetchProblem as problem:
                entry["error"] = problem.reason
                continue
            listed = parse_list(page.body, page.url, source, catalog, charset=page.charset)
            entry["links"] = len(listed.articles)
            entry["sample"] = [{"url": link.url, "date": link.published, "text": link.text[:40]} for link in listed.articles[:3]]
            entry["next_page"] = page_url(source, list_url, 1) if source.pagination else listed.next_url
            if listed.articles and "article" not in report:
                first = listed.articles[0].url
                try:
                    article = fetcher.get(first, delay=delay)
                    doc = read_article(article, source)
                except (FetchProblem, MinutesError) as problem:
                    report["article"] = {"url": first, "error": getattr(problem, "reason", str(problem))}
                    continue
                report["article"] = {
                    "url": first,
                    "title": doc.title,
                    "published": doc.published,
                    "paragraphs": len(doc.blocks),
                    "chars": len(doc.text),
                    "selectors": probe_selectors(article, source),
                }
    report["ok"] = all("error" not in e for e in report["lists"]) and any(e.get("links") for e in report["lists"])
    return report


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="seconds")
