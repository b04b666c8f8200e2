"""Polite HTTP: robots.txt, one request at a time per host with a delay, bounded retries.

``Fetcher.get(url)`` returns a ``Page`` or raises:

- ``Skipped``  — the URL is not for us (robots.txt, not HTML, too large, 404, redirect
  loop or off the source's hosts, not a valid URL): permanent, never retried in the run;
- ``Blocked``  — the host turned us away: an anti-bot gateway (403/412), a Retry-After
  or Crawl-delay longer than we may wait, or failure after failure; every later request
  to it is refused locally, so a struggling or guarded host is never hammered;
- ``Failed``   — timeouts, connection errors, 5xx, 429 still failing after the retries;
- ``Stopped``  — the run is being interrupted.

Everything is bounded: each request has a wall-clock deadline (a server trickling one
byte a second is cut off, headers included), bodies are capped after decompression
(robots.txt is read up to ``max_robots_bytes`` and the rest ignored, as RFC 9309
allows), a host's consecutive failures back it off as a whole and, past
``host_failures``, give it up.

Threads share one ``Fetcher``: hosts are serialised by a per-host lock held for the
whole request, and the next request to a host waits until ``delay`` seconds after the
previous one ended (or what robots.txt's Crawl-delay or a Retry-After asks, if longer).
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

import minutes
from minutes.scrapers.sources import same_site

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
    """The host turned us away (anti-bot challenge, too long a wait, failure after failure)."""


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
    crawl_delay: float = 0.0
    blocked: str | None = None
    failures: int = 0  # transient failures in a row, whatever the URL
    stats: HostStats = field(default_factory=HostStats)


class Fetcher:
    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 15.0,
        deadline: float = 60.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        host_failures: int = 8,
        max_bytes: int = 5 * MB,
        max_robots_bytes: int = 512 * 1024,
        max_redirects: int = 5,
        max_retry_after: float = 120.0,
        stop: threading.Event | None = None,
    ):
        """``timeout`` bounds each network read, ``deadline`` a whole request; a host
        backs off ``backoff`` × 2ⁿ (at most ``max_backoff``) after its n-th failure in a
        row and is given up after ``host_failures``; waits asked by the site (Retry-After,
        Crawl-delay) longer than ``max_retry_after`` give the host up too."""
        self.user_agent = user_agent
        self.deadline = deadline
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.host_failures = host_failures
        self.max_bytes = max_bytes
        self.max_robots_bytes = max_robots_bytes
        self.max_redirects = max_redirects
        self.max_retry_after = max_retry_after
        self.stop = stop or threading.Event()
        # No keep-alive: every request has its own connection, which the deadline can cut.
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=timeout,
            follow_redirects=False,
            limits=httpx.Limits(max_keepalive_connections=0),
        )
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

    def get(
        self,
        url: str,
        *,
        delay: float = 1.0,
        etag: str | None = None,
        last_modified: str | None = None,
        sites: Iterable[str] = (),
    ) -> Page:
        """GET ``url`` following redirects that stay on its site or on ``sites`` (URLs or
        host names: the source's own); conditional when ``etag``/``last_modified`` are given."""
        allowed = [url, *sites]
        seen = {url}
        for _ in range(self.max_redirects + 1):
            outcome = self._get_once(url, delay, etag, last_modified)
            if isinstance(outcome, Page):
                return outcome
            if not any(same_site(outcome, site) for site in allowed):
                raise Skipped(f"redirect off the source's sites (to {_host_name(outcome)})")
            url = outcome
            if url in seen:
                raise Skipped("redirect loop")
            seen.add(url)
        raise Skipped(f"more than {self.max_redirects} redirects")

    def allowed(self, url: str, *, delay: float = 1.0) -> bool:
        """Whether robots.txt lets us fetch ``url`` (reading it first if need be)."""
        host = self._host(_checked(url))
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
        host = self._host(_checked(url))
        with host.lock:
            if not self._robots_allow(url, host, delay):
                raise Skipped("disallowed by robots.txt")
            delay = max(delay, host.crawl_delay)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            last_problem = ""
            for attempt in range(self.retries + 1):
                try:
                    outcome = self._request(url, host, delay, headers)
                except _Retry as retry:
                    last_problem = retry.reason
                    self._failed(host, retry)
                    continue
                except Skipped:  # an answer (404, not HTML): the host is working
                    host.failures = 0
                    raise
                host.failures = 0
                return outcome
            raise Failed(f"{last_problem} (after {self.retries + 1} attempts)")

    def _failed(self, host: _Host, retry: _Retry) -> None:
        """A transient failure backs the whole host off; too many in a row give it up."""
        host.failures += 1
        if host.failures >= self.host_failures:
            host.blocked = f"gave up on the host after {host.failures} failures in a row (last: {retry.reason})"
            raise Blocked(host.blocked)
        wait = min(self.max_backoff, self.backoff * 2 ** (host.failures - 1))
        if retry.wait is not None:
            self._asked_to_wait(host, retry.wait, "Retry-After")
            wait = max(wait, retry.wait)
        host.ready_at = max(host.ready_at, time.monotonic() + wait)

    def _asked_to_wait(self, host: _Host, seconds: float, what: str) -> None:
        if seconds > self.max_retry_after:
            host.blocked = (
                f"the site asks to wait {seconds:.0f} s between requests ({what}), more than the"
                f" {self.max_retry_after:.0f} s allowed: gave up on the host"
            )
            raise Blocked(host.blocked)

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
            with self._exchange(url, headers) as response:
                return self._read(url, response, host)
        finally:
            host.ready_at = max(host.ready_at, time.monotonic() + delay)

    def _exchange(self, url: str, headers: dict[str, str]) -> _Exchange:
        return _Exchange(self._client, url, headers, self.deadline)

    def _read(self, url: str, response: httpx.Response, host: _Host) -> Page | str:
        status = response.status_code
        if status in REDIRECTS and "location" in response.headers:
            try:
                return urljoin(url, response.headers["location"])
            except ValueError:
                raise Skipped("redirect to a malformed URL") from None
        if status == 304:
            host.stats.not_modified += 1
            return Page(url, 304, etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
        if status == 429 or status >= 500:
            wait = _retry_after(response.headers.get("retry-after"))
            raise _Retry("rate limited (HTTP 429)" if status == 429 else f"HTTP {status}", wait)
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
        body, complete = _read_capped(response, self.max_bytes)
        if not complete:
            raise Skipped(f"larger than {self.max_bytes // MB} MB")
        host.stats.downloads += 1
        return Page(
            url=url,
            status=200,
            body=body,
            content_type=mime,
            charset=response.charset_encoding,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )

    def _read_robots(self, url: str, host: _Host, delay: float) -> None:
        """robots.txt once per host (RFC 9309): read up to ``max_robots_bytes``; 4xx means
        no rules; 5xx, timeouts or no connection after the retries mean stay away."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        for attempt in range(self.retries + 1):
            self._pause_until(host, host.ready_at)
            try:
                status, body = self._robots_response(robots_url, host)
            except _Retry as retry:
                host.ready_at = time.monotonic() + delay
                if attempt == self.retries:
                    break
                self._failed(host, retry)
                continue
            host.ready_at = time.monotonic() + delay
            host.robots_checked = True
            host.failures = 0
            if status in (403, 412):
                host.blocked = f"blocked by the site (HTTP {status}, anti-bot challenge)"
                raise Blocked(host.blocked)
            if status == 200:
                text = body.decode("utf-8", "replace")
                if len(body) >= self.max_robots_bytes:
                    text = text[: text.rfind("\n") + 1]  # a rule cut in half is no rule
                host.robots = Protego.parse(text)
                host.crawl_delay = float(host.robots.crawl_delay(ROBOTS_AGENT) or 0)
                self._asked_to_wait(host, host.crawl_delay, "robots.txt Crawl-delay")
                host.ready_at = max(host.ready_at, time.monotonic() + host.crawl_delay)
            return
        host.blocked = "robots.txt unreachable: staying away from the host (RFC 9309)"
        raise Failed("robots.txt unreachable")

    def _robots_response(self, robots_url: str, host: _Host) -> tuple[int, bytes]:
        """Status and capped body of robots.txt, following up to five redirects on its own
        site; a redirect elsewhere or past five counts as unavailable (RFC 9309 allows it)."""
        url = robots_url
        for _ in range(6):
            host.stats.requests += 1
            try:
                with self._exchange(url, {}) as response:
                    status = response.status_code
                    if status in REDIRECTS and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        if not same_site(url, robots_url):
                            return 404, b""
                        continue
                    if status >= 500 or status == 429:
                        raise _Retry(f"HTTP {status}", _retry_after(response.headers.get("retry-after")))
                    return status, _read_capped(response, self.max_robots_bytes)[0] if status == 200 else b""
            except (Skipped, ValueError):  # a malformed redirect or body: no usable robots.txt
                return 404, b""
        return 404, b""


class _Exchange:
    """One request under a wall-clock deadline: a watchdog shuts the connection's socket
    when time is up, so a server trickling headers or body a byte at a time cannot hold
    a worker longer than ``deadline`` seconds. Transport trouble becomes ``_Retry``."""

    def __init__(self, client: httpx.Client, url: str, headers: dict[str, str], deadline: float):
        self.client, self.url, self.headers, self.deadline = client, url, headers, deadline
        self.sockets: list[socket.socket] = []
        self.expired = False
        self.lock = threading.Lock()

    def __enter__(self) -> httpx.Response:
        self.timer = threading.Timer(self.deadline, self._expire)
        self.timer.daemon = True
        self.timer.start()
        try:
            self.context = self.client.stream("GET", self.url, headers=self.headers, extensions={"trace": self._trace})
            return self.context.__enter__()
        except BaseException as error:
            self.timer.cancel()
            raise self._translate(error) from None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: object) -> bool:
        self.timer.cancel()
        try:
            self.context.__exit__(kind, error, tb)
        except httpx.HTTPError:
            pass  # closing a connection the watchdog cut
        if error is None and self.expired:  # a cut connection can look like a body's end
            raise _Retry(f"took longer than {self.deadline:g} s")
        if error is not None and (translated := self._translate(error)) is not error:
            raise translated from None
        return False

    def _trace(self, event: str, info: dict) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if sock is not None:
                with self.lock:
                    self.sockets.append(sock)
                    if self.expired:
                        self._cut(sock)

    def _expire(self) -> None:
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                self._cut(sock)

    @staticmethod
    def _cut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _translate(self, error: BaseException) -> BaseException:
        if self.expired and isinstance(error, httpx.HTTPError | OSError):
            return _Retry(f"took longer than {self.deadline:g} s")
        if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
            return Skipped("not a valid http(s) URL")
        if isinstance(error, httpx.RemoteProtocolError) and "location header" in str(error):  # httpx parses redirects
            return Skipped("redirect to a malformed URL")
        if isinstance(error, httpx.TimeoutException):
            return _Retry("timeout")
        if isinstance(error, httpx.TransportError):
            return _Retry(f"connection error ({type(error).__name__})")
        return error


def _read_capped(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """The body, decompressed (gzip/deflate) at most ``limit`` bytes far, and whether it
    was complete: a compression bomb costs no more memory than its first ``limit`` bytes."""
    coding = response.headers.get("content-encoding", "").strip().lower()
    if coding in ("", "identity"):
        inflate = None
    elif coding in ("gzip", "x-gzip", "deflate"):
        inflate = zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip or zlib header, detected
    else:
        raise Skipped(f"unsupported content encoding {coding!r}")
    chunks, size = [], 0
    try:
        for raw in response.iter_raw():
            data = inflate.decompress(raw, limit - size + 1) if inflate else raw
            size += len(data)
            if size > limit or (inflate and inflate.unconsumed_tail):
                chunks.append(data[: max(0, limit - (size - len(data)))])
                return b"".join(chunks), False
            chunks.append(data)
    except zlib.error:
        raise Skipped(f"body not decodable as {coding}") from None
    return b"".join(chunks), True


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _checked(url: str) -> str:
    """``url`` if it is an http(s) URL with a host that urllib can take apart."""
    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok:
        raise Skipped("not a valid http(s) URL")
    return url


def _host_name(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, OverflowError):
        return None
