"""A fixture web site on 127.0.0.1: routes as data, every request logged with its time.

Each route answers with a list of responses in turn (the last one repeats), so "a 500
that recovers" is ``[Response(500), page]``. Responses can be slow, stream a large body
without Content-Length, trickle byte by byte, or answer 304 to a matching If-None-Match or If-Modified-Since.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    status: int = 200
    body: bytes | Callable[[], Iterable[bytes]] = b""  # a callable streams its chunks
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    etag: str | None = None  # answer 304 when the request's If-None-Match matches
    last_modified: str | None = None  # sent as Last-Modified; 304 when If-Modified-Since repeats it (and no If-None-Match)
    trickle: float = 0.0  # seconds between bytes of the whole response, status line included


def html(body: bytes, **headers: str) -> Response:
    return Response(200, body, {"Content-Type": "text/html", **headers})


@dataclass
class Hit:
    path: str
    start: float  # time.monotonic() when the request arrived
    headers: dict[str, str]
    status: int = 0


class Site:
    """Serve ``routes`` (path → responses); unknown paths answer 404."""

    def __init__(self, routes: dict[str, list[Response] | Response]):
        self.routes = {path: (r if isinstance(r, list) else [r]) for path, r in routes.items()}
        self.log: list[Hit] = []
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, prefix: str = "/") -> list[Hit]:
        with self._lock:
            return [hit for hit in self.log if hit.path.startswith(prefix)]

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self, path: str) -> Response:
        with self._lock:
            responses = self.routes.get(path)
            if responses is None:
                return Response(404, b"<html><body>not found</body></html>", {"Content-Type": "text/html"})
            index = self._served.get(path, 0)
            self._served[path] = index + 1
            return responses[min(index, len(responses) - 1)]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # the body ends when the connection closes

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                hit = Hit(self.path, time.monotonic(), dict(self.headers))
                with site._lock:
                    site.log.append(hit)
                response = site._next(self.path)
                if response.delay:
                    time.sleep(response.delay)
                status = response.status
                if response.etag and self.headers.get("If-None-Match") == response.etag:
                    status = 304
                elif "If-None-Match" not in self.headers and response.last_modified and self.headers.get("If-Modified-Since") == response.last_modified:
                    status = 304  # RFC 9110: If-Modified-Since only counts without If-None-Match
                hit.status = status
                if response.trickle:
                    self._trickle(response, status)
                    return
                try:
                    self.send_response(status)
                    for name, value in response.headers.items():
                        self.send_header(name, value)
                    if response.etag:
                        self.send_header("ETag", response.etag)
                    if response.last_modified:
                        self.send_header("Last-Modified", response.last_modified)
                    if status == 304:
                        self.end_headers()
                        return
                    if callable(response.body):
                        self.end_headers()
                        for chunk in response.body():
                            self.wfile.write(chunk)
                    else:
                        self.send_header("Content-Length", str(len(response.body)))
                        self.end_headers()
                        self.wfile.write(response.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: what a size limit does

            def _trickle(self, response: Response, status: int) -> None:
                head = f"HTTP/1.0 {status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in response.headers.items()) + "\r\n"
                chunks = response.body() if callable(response.body) else [response.body]
                try:
                    for chunk in _chain(head.encode(), chunks):
                        for byte in chunk:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(response.trickle)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def _chain(first: bytes, rest: Iterable[bytes]) -> Iterable[bytes]:
    yield first
    yield from rest
