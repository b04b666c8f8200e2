"""Polite HTTP: robots.txt, one request at a time per host with a delay, bounded retries.

``Fetcher.get(url)`` returns a ``Page`` or raises:

- ``Skipped``  — the URL is not for us (robots.txt, not HTML, too large, 404, redirect
  loop): permanent, reported with its reason, never retried;
- ``Blocked``  — the host answered 403/412 (an anti-bot gateway): the host is marked and
  every later request to it is refused locally, so a WAF is never hammered;
- ``Failed``   — timeouts, connection errors, 5xx, 429 still failing after the retries;
- ``Stopped``  — the run is being interrupted.

Threads share one ``Fetcher``: hosts are serialised by a per-host lock held for the
whole request, and the next request to a host waits until ``delay`` seconds after the
previous one ended (or what robots.txt's Crawl-delay or a Retry-After asks, if longer).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

import minutes

DEFAULT_USER_AGENT = f"minutes/{minutes.__version__} (environmental-governance archive; polite batch collection)"
ROBOTS_AGENT = "minutes"
MB = 1024 * 1024
REDIRECTS = (301, 302, 303, 307, 308)
HTML_TYPES = ("text/html", "application/xhtml+xml")


class FetchProblem(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Skipped(FetchProblem):
    """Not an HTML page we may read: reported with its reason, never retried."""


class Blocked(FetchProblem):
    """The host answers with an anti-bot challenge (403/412)."""


class Failed(FetchProblem):
    """Still failing after the retries (timeouts, connection errors, 5xx, 429)."""


class Stopped(FetchProblem):
    """The run is being interrupted."""


@dataclass
class Page:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional GET that matched
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class HostStats:
    requests: int = 0  # every request sent, robots.txt and retries included
    downloads: int = 0  # 200 responses read in full
    not_modified: int = 0  # 304 answers to conditional GETs


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    ready_at: float = 0.0  # monotonic time before which no request may start
    robots: Protego | None = None
    robots_checked: bool = False
    blocked: str | None = None
    stats: HostStats = field(default_factory=HostStats)


class Fetcher:
    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 15.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = 5 * MB,
        max_redirects: int = 5,
        max_retry_after: float = 120.0,
        stop: threading.Event | None = None,
    ):
        self.user_agent = user_agent
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.max_retry_after = max_retry_after
        self.stop = stop or threading.Event()
        self._client = httpx.Client(headers={"User-Agent": user_agent}, timeout=timeout, follow_redirects=False)
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def stats(self) -> dict[str, HostStats]:
        with self._hosts_lock:
            return {name: host.stats for name, host in sorted(self._hosts.items())}

    def get(self, url: str, *, delay: float = 1.0, etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET ``url`` following redirects; conditional when ``etag``/``last_modified`` are given."""
        seen = {url}
        for _ in range(self.max_redirects + 1):
            outcome = self._get_once(url, delay, etag, last_modified)
            if isinstance(outcome, Page):
                return outcome
            url = outcome
            if url in seen:
                raise Skipped("redirect loop")
            seen.add(url)
        raise Skipped(f"more than {self.max_redirects} redirects")

    def allowed(self, url: str, *, delay: float = 1.0) -> bool:
        """Whether robots.txt lets us fetch ``url`` (reading it first if need be)."""
        host = self._host(url)
        with host.lock:
            return self._robots_allow(url, host, delay)

    def _robots_allow(self, url: str, host: _Host, delay: float) -> bool:
        if host.blocked:
            raise Blocked(host.blocked)
        if not host.robots_checked:
            self._read_robots(url, host, delay)
        return host.robots is None or host.robots.can_fetch(url, ROBOTS_AGENT)

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        with self._hosts_lock:
            return self._hosts.setdefault(key, _Host())

    def _get_once(self, url: str, delay: float, etag: str | None, last_modified: str | None) -> Page | str:
        """One URL, retried on transient errors; a redirect returns the next URL."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise Skipped("not an http(s) URL")
        host = self._host(url)
        with host.lock:
            if not self._robots_allow(url, host, delay):
                raise Skipped("disallowed by robots.txt")
            if host.robots is not None:
                delay = max(delay, host.robots.crawl_delay(ROBOTS_AGENT) or 0)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            last_problem = ""
            for attempt in range(self.retries + 1):
                if attempt:
                    self._pause_until(host, max(host.ready_at, time.monotonic() + self.backoff * 2 ** (attempt - 1)))
                try:
                    return self._request(url, host, delay, headers)
                except _Retry as retry:
                    last_problem = retry.reason
                    if retry.wait is not None:
                        host.ready_at = max(host.ready_at, time.monotonic() + retry.wait)
            raise Failed(f"{last_problem} (after {self.retries + 1} attempts)")

    def _pause_until(self, host: _Host, moment: float) -> None:
        wait = moment - time.monotonic()
        if wait > 0 and self.stop.wait(wait):
            raise Stopped("interrupted")
        if self.stop.is_set():
            raise Stopped("interrupted")

    def _request(self, url: str, host: _Host, delay: float, headers: dict[str, str]) -> Page | str:
        self._pause_until(host, host.ready_at)
        host.stats.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                return self._read(url, response, host)
        except httpx.TimeoutException:
            raise _Retry("timeout") from None
        except httpx.TransportError as error:
            raise _Retry(f"connection error ({type(error).__name__})") from None
        finally:
            host.ready_at = max(host.ready_at, time.monotonic() + delay)

    def _read(self, url: str, response: httpx.Response, host: _Host) -> Page | str:
        status = response.status_code
        if status in REDIRECTS and "location" in response.headers:
            return urljoin(url, response.headers["location"])
        if status == 304:
            host.stats.not_modified += 1
            return Page(url, 304, etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
        if status == 429:
            wait = _retry_after(response.headers.get("retry-after"))
            if wait is not None and wait > self.max_retry_after:
                raise Failed(f"rate limited (HTTP 429, Retry-After {wait:.0f} s)")
            raise _Retry("rate limited (HTTP 429)", wait)
        if status >= 500:
            raise _Retry(f"HTTP {status}")
        if status in (403, 412):
            host.blocked = f"blocked by the site (HTTP {status}, anti-bot challenge)"
            raise Blocked(host.blocked)
        if status != 200:
            raise Skipped(f"HTTP {status}")
        content_type = response.headers.get("content-type", "")
        mime = content_type.split(";")[0].strip().lower()
        if mime and mime not in HTML_TYPES:
            raise Skipped(f"not HTML ({mime})")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise Skipped(f"larger than {self.max_bytes // MB} MB")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise Skipped(f"larger than {self.max_bytes // MB} MB")
            chunks.append(chunk)
        host.stats.downloads += 1
        return Page(
            url=url,
            status=200,
            body=b"".join(chunks),
            content_type=mime,
            charset=response.charset_encoding,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _read_robots(self, url: str, host: _Host, delay: float) -> None:
        """robots.txt once per host: 4xx means no rules; unreachable means stay away (RFC 9309)."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        for attempt in range(self.retries + 1):
            if attempt:
                self._pause_until(host, max(host.ready_at, time.monotonic() + self.backoff * 2 ** (attempt - 1)))
            self._pause_until(host, host.ready_at)
            host.stats.requests += 1
            try:
                response = self._client.get(robots_url, follow_redirects=True)
            except httpx.TransportError:
                continue
            finally:
                host.ready_at = time.monotonic() + delay
            if response.status_code >= 500 or response.status_code == 429:
                continue
            host.robots_checked = True
            if response.status_code == 200:
                host.robots = Protego.parse(response.content.decode("utf-8", "replace"))
            elif response.status_code in (403, 412):
                host.blocked = f"blocked by the site (HTTP {response.status_code}, anti-bot challenge)"
                raise Blocked(host.blocked)
            return
        raise Failed("robots.txt unreachable")


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
