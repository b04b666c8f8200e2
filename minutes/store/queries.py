"""Read-only questions the web page asks of the archive beyond ``Archive``'s own: a page
of the task ledger with its counts, a unit's profile and the dashboard's figures.

Everything filters in SQL and returns ids or numbers; tasks themselves come from
``Archive.tasks_by_id`` (``StoredTask``) so there is one shape of a task. A closed task
is one whose status is in ``CLOSED``; whether it is overdue or due soon is derived from
its deadline and ``today``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from minutes.errors import ArchiveError
from minutes.store.archive import _DUE
from minutes.store.lifecycle import CLOSED

if TYPE_CHECKING:
    from minutes.store.archive import Archive

# Ledger orders: key → SQL over tasks t and documents d (ties broken by document order).
SORTS = {
    "deadline": "t.deadline_date IS NULL, t.deadline_date, t.document_id, t.seq",
    "deadline-desc": "t.deadline_date IS NULL, t.deadline_date DESC, t.document_id, t.seq",
    "newest": "d.published IS NULL, d.published DESC, t.document_id DESC, t.seq",
    "document": "t.document_id, t.seq",
}


@dataclass
class LedgerQuery:
    """Which tasks the ledger shows. ``status`` is a stored state or ``"open"`` for every
    task not closed (已办结); ``overdue``: not closed and the current due date passed;
    ``due_within``: not closed and due in the next N days; ``since``/``until`` bound the
    document's published date."""

    unit: str | None = None
    status: str | None = None
    overdue: bool = False
    due_within: int | None = None
    document_id: int | None = None
    since: date | None = None
    until: date | None = None
    sort: str = "deadline"
    page: int = 1
    per_page: int = 50


@dataclass
class LedgerPage:
    total: int
    task_ids: list[int]
    by_status: dict[str, int] = field(default_factory=dict)  # of the whole filtered view
    overdue: int = 0


def _closed() -> str:
    return f"'{CLOSED}'"


def _overdue_sql() -> str:
    # the current due date, as the store's lifecycle has it (an extension, the current
    # occurrence of a recurring task): one definition of 逾期 for the ledger and the CLI
    return f"t.status NOT IN ({_closed()}) AND {_DUE} < :today"


def _where(archive: Archive, query: LedgerQuery, today: date) -> tuple[str, dict[str, Any]]:
    where, params = ["1"], {"today": today.isoformat()}
    if query.unit:
        ids = archive.unit_ids(query.unit)
        where.append(f"t.id IN (SELECT task_id FROM task_units WHERE unit_id IN ({', '.join(map(str, ids)) or 'NULL'}))")
    if query.status == "open":
        where.append(f"t.status NOT IN ({_closed()})")
    elif query.status:
        where.append("t.status = :status")
        params["status"] = query.status
    if query.overdue:
        where.append(_overdue_sql())
    if query.due_within is not None:
        where.append(f"t.status NOT IN ({_closed()}) AND {_DUE} BETWEEN :today AND :horizon")
        params["horizon"] = (today + timedelta(days=max(query.due_within, 0))).isoformat()
    if query.document_id is not None:
        where.append("t.document_id = :document")
        params["document"] = query.document_id
    if query.since:
        where.append("d.published >= :since")
        params["since"] = query.since.isoformat()
    if query.until:
        where.append("d.published <= :until")
        params["until"] = query.until.isoformat()
    return " AND ".join(where), params


def ledger(archive: Archive, query: LedgerQuery, *, today: date | None = None, paged: bool = True) -> LedgerPage:
    """The ids of one page of the ledger (all of them with ``paged=False``, for an
    export) in the query's order, with the counts of the whole view."""
    if query.sort not in SORTS:
        raise ArchiveError(f"ledger order must be one of {', '.join(SORTS)}, not {query.sort!r}")
    today = today or date.today()
    where, params = _where(archive, query, today)
    # documents are joined only when a filter or the order reads them: their rows are
    # large, and a unit's ledger in a big archive is thousands of tasks
    dated = query.since or query.until or query.sort == "newest"
    from_ = "tasks t JOIN documents d ON d.id = t.document_id" if dated else "tasks t"
    counts = archive.conn.execute(
        f"SELECT t.status, count(*), coalesce(sum({_overdue_sql()}), 0) FROM {from_} WHERE {where} GROUP BY t.status", params
    ).fetchall()
    limit = ""
    if paged:
        per_page = max(1, query.per_page)
        limit = f" LIMIT {per_page} OFFSET {(max(query.page, 1) - 1) * per_page}"
    ids = [row[0] for row in archive.conn.execute(f"SELECT t.id FROM {from_} WHERE {where} ORDER BY {SORTS[query.sort]}{limit}", params)]
    by_status = {status: count for status, count, _ in counts}
    return LedgerPage(sum(by_status.values()), ids, by_status, sum(overdue for _, _, overdue in counts))


@dataclass
class UnitProfile:
    """A unit as the archive knows it: its canonical name, the other names it was written
    under, and its tasks by month of the document that assigned them."""

    name: str
    aliases: list[str]
    open: int
    overdue: int
    closed: int
    months: list[tuple[str, int, int, int]]  # (YYYY-MM, open, of them overdue, closed)


def unit_profile(archive: Archive, name: str, *, today: date | None = None) -> UnitProfile | None:
    """The unit named (or aliased) exactly ``name``, or None."""
    row = archive.conn.execute(
        "SELECT id, name FROM units WHERE name = :n UNION SELECT u.id, u.name FROM unit_aliases a"
        " JOIN units u ON u.id = a.unit_id WHERE a.alias = :n ORDER BY 1 LIMIT 1",
        {"n": name},
    ).fetchone()
    if row is None:
        return None
    unit_id, canonical = row[0], row[1]
    aliases = [r[0] for r in archive.conn.execute("SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY alias", (unit_id,))]
    params = {"unit": unit_id, "today": (today or date.today()).isoformat()}
    months = archive.conn.execute(
        f"SELECT substr(d.published, 1, 7) AS month,"
        f" sum(t.status NOT IN ({_closed()})),"
        f" sum(coalesce({_overdue_sql()}, 0)), sum(t.status IN ({_closed()}))"
        " FROM tasks t JOIN documents d ON d.id = t.document_id"
        " WHERE t.id IN (SELECT task_id FROM task_units WHERE unit_id = :unit) AND d.published IS NOT NULL"
        " GROUP BY month ORDER BY month",
        params,
    ).fetchall()
    open_, overdue, closed = archive.conn.execute(
        f"SELECT coalesce(sum(t.status NOT IN ({_closed()})), 0), coalesce(sum(coalesce({_overdue_sql()}, 0)), 0),"
        f" coalesce(sum(t.status IN ({_closed()})), 0)"
        " FROM tasks t WHERE t.id IN (SELECT task_id FROM task_units WHERE unit_id = :unit)",
        params,
    ).fetchone()
    return UnitProfile(canonical, aliases, open_, overdue, closed, [tuple(m) for m in months])


def units_by_open_tasks(archive: Archive, *, today: date | None = None, limit: int = 12) -> list[tuple[str, int, int]]:
    """(unit, open, overdue) of the units with most open tasks."""
    params = {"today": (today or date.today()).isoformat(), "limit": limit}
    return [
        tuple(row)
        for row in archive.conn.execute(
            f"SELECT u.name, count(DISTINCT t.id), count(DISTINCT CASE WHEN {_overdue_sql()} THEN t.id END)"
            f" FROM tasks t JOIN task_units tu ON tu.task_id = t.id JOIN units u ON u.id = tu.unit_id"
            f" WHERE t.status NOT IN ({_closed()}) GROUP BY u.id ORDER BY 2 DESC, u.name LIMIT :limit",
            params,
        )
    ]


def unit_names(archive: Archive) -> list[str]:
    """Every canonical unit name, for pickers."""
    return [row[0] for row in archive.conn.execute("SELECT name FROM units ORDER BY name")]


def monthly_flow(archive: Archive, *, months: int = 24) -> list[tuple[str, int, int]]:
    """(YYYY-MM, issued, closed) for the last ``months`` months that have either: tasks
    issued by the published month of their document, closed by the month their closing
    was recorded in their history (UTC)."""
    issued = dict(archive.conn.execute(
        "SELECT substr(d.published, 1, 7), count(*) FROM tasks t JOIN documents d ON d.id = t.document_id"
        " WHERE d.published IS NOT NULL GROUP BY 1"
    ).fetchall())
    closed = dict(archive.conn.execute(
        f"SELECT substr(at, 1, 7), count(DISTINCT task_id) FROM task_events WHERE to_status IN ({_closed()}) GROUP BY 1"
    ).fetchall())
    keys = sorted(set(issued) | set(closed))[-months:]
    return [(key, issued.get(key, 0), closed.get(key, 0)) for key in keys]


def on_time(archive: Archive) -> tuple[int, int]:
    """(closed on or before their deadline, closed with a deadline date): tasks whose
    closing is in their history and whose deadline is a date (not recurring)."""
    row = archive.conn.execute(
        f"SELECT count(*), coalesce(sum(c.closed_on <= t.deadline_date), 0) FROM tasks t JOIN"
        f" (SELECT task_id, substr(max(at), 1, 10) AS closed_on FROM task_events WHERE to_status IN ({_closed()})"
        f" GROUP BY task_id) c ON c.task_id = t.id"
        f" WHERE t.status IN ({_closed()}) AND t.deadline_date IS NOT NULL AND t.deadline_kind IS NOT 'recurring'"
    ).fetchone()
    return row[1], row[0]


class Memo:
    """Figures that stay right until the archive changes, computed once for every reader.

    A connection of its own that never writes sees ``PRAGMA data_version`` move on every
    commit by anyone, so it knows when a figure is out of date. While one thread
    recomputes a figure, the others get the previous one (seconds old) instead of
    waiting or computing it again: a dashboard over 100,000 documents takes seconds.
    """

    def __init__(self, path: str):
        import sqlite3
        import threading

        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._lock, self._computing = threading.Lock(), threading.Lock()
        self._values: dict[str, tuple[int, Any]] = {}

    def _version(self) -> int:
        with self._lock:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        version = self._version()
        known = self._values.get(key)
        if known and known[0] == version:
            return known[1]
        if not self._computing.acquire(blocking=known is None):
            return known[1]  # being recomputed: the previous figure meanwhile
        try:
            known = self._values.get(key)
            if known and known[0] == version:
                return known[1]
            value = compute()
            self._values[key] = (version, value)
            return value
        finally:
            self._computing.release()
