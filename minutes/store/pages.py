"""Page state for scrapers: what the last fetch of each URL recorded (``pages`` table).

Scrapers use it through ``Archive.page`` and ``Archive.record_page``: an article URL
recorded with a stored document (or a permanent problem, or too many failed runs) is not
fetched again, a refresh sends the stored ETag / Last-Modified, a list page is always
asked for with them (its links kept in ``listed`` for when it answers 304), and a list
page that had links last time and has none now is reported as a miss.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from minutes.errors import ArchiveError
from minutes.store.records import iso

# links: article links a list page had; listed: what it listed (JSON, written and read by
# minutes.scrapers.run); problem, failures: why a page is not archived and how many runs
# in a row it failed (None for a permanent problem such as a 404).
PAGE_FIELDS = ("etag", "last_modified", "content_hash", "fetched", "status", "document_id", "links", "listed", "problem", "failures")
_SELECT = f"SELECT url, {', '.join(PAGE_FIELDS)} FROM pages WHERE url = ?"


def page(conn: sqlite3.Connection, url: str) -> dict[str, Any] | None:
    """The recorded state of ``url`` (url plus ``PAGE_FIELDS``), or None if never fetched."""
    row = conn.execute(_SELECT, (url,)).fetchone()
    return dict(zip(("url", *PAGE_FIELDS), row)) if row else None


def record_page(conn: sqlite3.Connection, url: str, fields: dict[str, Any]) -> None:
    """Record (or update) some of a page's state inside the caller's transaction;
    fields not given keep their value."""
    unknown = set(fields) - set(PAGE_FIELDS)
    if unknown:
        raise ArchiveError(f"unknown page field(s): {', '.join(sorted(unknown))}")
    fields = {k: (iso(v) if isinstance(v, date) else v) for k, v in fields.items()}
    columns = ", ".join(["url", *fields])
    updates = ", ".join(f"{k} = excluded.{k}" for k in fields) or "url = url"
    conn.execute(
        f"INSERT INTO pages ({columns}) VALUES ({', '.join('?' * (len(fields) + 1))}) ON CONFLICT(url) DO UPDATE SET {updates}",
        (url, *fields.values()),
    )
