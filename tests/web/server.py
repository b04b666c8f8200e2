"""``minutes serve`` as a child process on a free loopback port, for browser tests and
the screenshots."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(db: Path, *args: str, env: dict[str, str] | None = None):
    """The base URL of a running ``minutes serve --db DB ARGS``; stopped on exit."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_WEB_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "serve", "--db", str(db), "--port", str(port), *args],
        env={**environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"minutes serve exited: {process.stderr.read()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("minutes serve did not start within 30 s") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
