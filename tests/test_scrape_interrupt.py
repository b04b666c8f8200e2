"""A real ``minutes scrape`` process interrupted (SIGINT, then SIGKILL) and run again:
every article ends up archived exactly once and the database is intact, whether the list
page is downloaded again or answers 304 (its recorded links then stand in for it)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date

import pytest

from sites.news import article, article_page, list_page, listing
from sites.server import Response, Site, html

ARTICLES = [article(n, date(2025, 2, n)) for n in range(1, 13)]


def count(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def start(url: str, db) -> subprocess.Popen:
    command = [sys.executable, "-m", "minutes", "scrape", url, "--db", str(db), "--delay", "0", "--no-extract", "--format", "json"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def run_until(url: str, db, stored: int, sig: signal.Signals) -> subprocess.CompletedProcess:
    process = start(url, db)
    deadline = time.monotonic() + 30
    while count(db) < stored and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(sig)
    out, err = process.communicate(timeout=30)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.parametrize("etag", [None, '"list-1"'], ids=["list-downloaded", "list-not-modified"])
def test_interrupted_runs_resume_without_duplicates(tmp_path, etag):
    slow = {a.path: html(article_page(a)) for a in ARTICLES}
    for response in slow.values():
        response.delay = 0.15
    the_list = Response(200, list_page(listing(ARTICLES), 0, 1), {"Content-Type": "text/html"}, etag=etag)
    routes = {"/robots.txt": Response(404), "/news/index.html": the_list, **slow}
    db = tmp_path / "m.db"
    with Site(routes) as site:
        url = site.url("/news/index.html")

        first = run_until(url, db, 3, signal.SIGINT)
        assert first.returncode != 0 and b"Traceback" not in first.stderr
        after_first = count(db)
        assert 3 <= after_first < len(ARTICLES)

        killed = run_until(url, db, after_first + 3, signal.SIGKILL)
        assert killed.returncode == -signal.SIGKILL
        after_kill = count(db)
        assert after_first < after_kill < len(ARTICLES)

        hits_before = len(site.hits())
        final = subprocess.run(
            [sys.executable, "-m", "minutes", "scrape", url, "--db", str(db), "--delay", "0", "--no-extract", "--format", "json"],
            capture_output=True, timeout=60,
        )
        assert final.returncode == 0, final.stderr
        summary = json.loads(final.stdout)["sources"][0]
        refetched = {h.path for h in site.hits()[hits_before:]} & set(slow)
        list_statuses = [h.status for h in site.hits("/news/index.html")]

    # the list page's row, validators and links, was written whole before any article
    assert list_statuses == ([200, 200, 200] if etag is None else [200, 304, 304])
    assert summary["lists_unchanged"] == 1 and summary["retried"] == len(refetched)

    assert summary["new"] + summary["unchanged"] == len(refetched)
    assert summary["skipped"]["already archived"] == len(ARTICLES) - len(refetched)
    # at most the article in flight when the process was killed is fetched again
    assert len(refetched) <= len(ARTICLES) - after_kill + 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        sources = [row[0] for row in conn.execute("SELECT source FROM documents")]
    assert sorted(sources) == sorted(site.url(a.path) for a in ARTICLES)
