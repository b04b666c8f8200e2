"""The archive: documents, their versions and what was extracted from them, in SQLite.

One file holds everything: the raw bytes of every source (so normalization and
extraction can be re-run), the normalized text, meetings, tasks, responsible units and
the full-text index (``minutes.search``). Every write of one document is one
transaction, so a crash or a killed import never leaves half a document behind.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from minutes.errors import ArchiveError
from minutes.models import Document, Extraction
from minutes.nlp.names import canonical_unit, document_region
from minutes.search import index_terms

STATUSES = ("new", "updated", "unchanged")
TASK_STATUSES = ("open", "done")

@dataclass
class SaveResult:
    """What ``save`` or ``ingest`` did with one document."""

    id: int | None
    status: str  # one of STATUSES, or "failed" (ingest only: nothing stored)
    source: str = ""
    error: str | None = None  # why extraction (or, when status is failed, reading) failed
    note: str | None = None  # what the reader had to do to keep the text (read a page as flat text...)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "source": self.source, "error": self.error,
                **({"note": self.note} if self.note else {})}


# ---------------------------------------------------------------------------------------
# Schema: forward migrations, applied in order, each in the same transaction as the
# version bump. Append to the list; never edit a migration that has shipped.

_SCHEMA_1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT,
    published TEXT,
    encoding TEXT,
    metadata TEXT NOT NULL DEFAULT '{}',
    content_hash TEXT NOT NULL,
    imported TEXT NOT NULL,
    updated TEXT NOT NULL,
    extraction_error TEXT,
    -- large columns last: filters and ranking read the small ones without touching these
    text TEXT NOT NULL,
    original BLOB NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE document_versions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    imported TEXT NOT NULL,
    replaced TEXT NOT NULL,
    text TEXT NOT NULL,
    original BLOB NOT NULL
);
CREATE INDEX document_versions_document ON document_versions(document_id);

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
-- A relative name (市生态环境局) is an alias of the unit of every region it was written in.
CREATE TABLE unit_aliases (
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    UNIQUE (alias, unit_id)
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT,
    date TEXT,
    location TEXT,
    organizer TEXT
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    title TEXT,
    role TEXT NOT NULL
);
CREATE INDEX people_meeting ON people(meeting_id);
CREATE TABLE meeting_units (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    name TEXT NOT NULL
);
CREATE INDEX meeting_units_meeting ON meeting_units(meeting_id);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    deadline_text TEXT,
    deadline_date TEXT,
    deadline_kind TEXT,
    status TEXT NOT NULL DEFAULT 'open'
);
CREATE INDEX tasks_document ON tasks(document_id);
CREATE INDEX tasks_deadline ON tasks(deadline_date);
CREATE TABLE task_units (
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    role TEXT NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX task_units_task ON task_units(task_id);
CREATE INDEX task_units_unit ON task_units(unit_id);

CREATE TABLE pages (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    fetched TEXT,
    status INTEGER,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
);

-- Contentless full-text indexes over Han bigrams (minutes.search.index_terms): the text
-- itself lives once, in documents.text; rows are removed with the 'delete' command,
-- which is given the same terms that were indexed.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tasks, content='', tokenize='unicode61');
CREATE VIRTUAL TABLE tasks_fts USING fts5(text, units, deadline, content='', tokenize='unicode61');
"""

MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [_SCHEMA_1]
SCHEMA_VERSION = len(MIGRATIONS)
PAGE_FIELDS = ("etag", "last_modified", "content_hash", "fetched", "status", "document_id")


# Task lists across documents: soonest deadline first, open-ended ones last.
_BY_DEADLINE = "t.deadline_date IS NULL, t.deadline_date, t.document_id, t.seq"


class Archive:
    """An archive database; ``Archive(":memory:")`` for a throwaway one.

    ``timeout`` is how long a write waits for another process's write to finish before
    giving up with an ``ArchiveError``.
    """

    def __init__(self, path: str | Path, *, timeout: float = 3.0):
        self.path = str(path)
        self.name = Path(self.path).name
        try:
            conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as error:
            raise self._error(error) from None
        conn.row_factory = sqlite3.Row
        self.conn = conn
        try:
            self.db = sqlite_utils.Database(conn)
            conn.execute("PRAGMA foreign_keys=ON")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as error:
            conn.close()
            raise self._error(error) from None
        except ArchiveError:
            conn.close()
            raise

    # -- connection ---------------------------------------------------------------------

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _error(self, error: sqlite3.Error) -> ArchiveError:
        message = str(error)
        if "not a database" in message or "malformed" in message:
            return ArchiveError(f"{self.name} is not a minutes archive ({message})")
        if "locked" in message or "busy" in message:
            return ArchiveError(f"{self.name} is locked by another process; try again when it finishes")
        if "unable to open" in message:
            return ArchiveError(f"cannot open archive {self.path}: check that the folder exists and is writable")
        if "readonly" in message:
            return ArchiveError(f"{self.name} is read-only; use a writable --db")
        return ArchiveError(f"{self.name}: {message}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``BEGIN IMMEDIATE``) so that two writers
        queue on the busy timeout instead of failing halfway."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._error(error) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            self.conn.rollback()
            raise self._error(error) from None
        except BaseException:
            self.conn.rollback()
            raise

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self.conn.execute(sql, params)]

    def _one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        row = self.conn.execute(sql, params).fetchone()
        return dict(row) if row else None

    def _migrate(self) -> None:
        tables = set(self.db.table_names())
        if "schema_version" in tables:
            row = self.conn.execute("SELECT version FROM schema_version").fetchone()
            version = row[0] if row else None
            if not isinstance(version, int) or version < 0:
                raise ArchiveError(f"{self.name} is damaged: its schema version is {version!r:.20}, not a number")
        elif tables:
            raise ArchiveError(f"{self.name} is an SQLite database but not a minutes archive")
        else:
            version = 0
        if version > SCHEMA_VERSION:
            raise ArchiveError(f"{self.name} was created by a newer minutes; upgrade")
        if version == SCHEMA_VERSION:
            return
        with self.transaction() as conn:
            # Re-read under the write lock: another process may have migrated meanwhile.
            if "schema_version" not in set(self.db.table_names()):
                conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                conn.execute("INSERT INTO schema_version VALUES (0)")
            version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
            for migration in MIGRATIONS[version:]:
                if callable(migration):
                    migration(conn)
                else:
                    for statement in _statements(migration):
                        conn.execute(statement)
            conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    # -- documents ----------------------------------------------------------------------

    def lookup(self, source: str) -> dict[str, Any] | None:
        """The id and content hash stored for a source, or None."""
        return self._one("SELECT id, content_hash FROM documents WHERE source = ?", (source,))

    def save(self, doc: Document, extraction: Extraction | None = None, *, extraction_error: str | None = None) -> SaveResult:
        """Store a normalized document and what was extracted from it.

        Same source and same raw bytes: nothing happens (unchanged). Same source, new
        bytes: the stored version moves to ``document_versions`` and the document and
        its extraction are replaced (updated).
        """
        digest = content_hash(doc.raw)
        now = _now()
        fields = {
            "kind": doc.kind,
            "title": (extraction.title if extraction and extraction.title else doc.title),
            "published": _iso(extraction.published if extraction and extraction.published else doc.published),
            "encoding": doc.encoding,
            "metadata": json.dumps(doc.metadata, ensure_ascii=False),
            "content_hash": digest,
            "updated": now,
            "extraction_error": extraction_error,
            "text": doc.text,
            "original": doc.raw,
        }
        with self.transaction() as conn:
            old = self._one("SELECT id, content_hash, imported, text, original FROM documents WHERE source = ?", (doc.source,))
            if old and old["content_hash"] == digest:
                return SaveResult(old["id"], "unchanged", doc.source)
            if old:
                doc_id = old["id"]
                self._unindex(doc_id)
                conn.execute(
                    "INSERT INTO document_versions (document_id, content_hash, imported, replaced, text, original)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (doc_id, old["content_hash"], old["imported"], now, old["text"], old["original"]),
                )
                conn.execute(
                    f"UPDATE documents SET {', '.join(f'{k} = :{k}' for k in fields)} WHERE id = :id",
                    {**fields, "id": doc_id},
                )
                status = "updated"
            else:
                columns = ["source", "imported", *fields]
                cursor = conn.execute(
                    f"INSERT INTO documents ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})",
                    {"source": doc.source, "imported": now, **fields},
                )
                doc_id = cursor.lastrowid
                status = "new"
            self._write_extraction(doc_id, extraction, doc)
            self._index(doc_id)
        return SaveResult(doc_id, status, doc.source, extraction_error)

    def replace_extraction(
        self, doc_id: int, extraction: Extraction | None, *, doc: Document | None = None, extraction_error: str | None = None
    ) -> None:
        """Replace what was extracted from a stored document (``minutes reextract``).

        ``doc``, when given, is the document normalized again from the stored raw bytes:
        its text, title and site facts replace the stored ones (no new version: the
        source did not change). Task statuses carry over to tasks of the same text.
        """
        with self.transaction() as conn:
            stored = self._one("SELECT title, published, metadata, text FROM documents WHERE id = ?", (doc_id,))
            if stored is None:
                raise ArchiveError(f"no document {doc_id} in {self.name}")
            statuses = dict(conn.execute("SELECT text, status FROM tasks WHERE document_id = ?", (doc_id,)).fetchall())
            self._unindex(doc_id)
            conn.execute("DELETE FROM tasks WHERE document_id = ?", (doc_id,))
            conn.execute("DELETE FROM meetings WHERE document_id = ?", (doc_id,))
            title = (extraction.title if extraction else None) or (doc.title if doc else stored["title"])
            published = _iso(extraction.published if extraction and extraction.published else doc.published if doc else None)
            conn.execute(
                "UPDATE documents SET title = ?, published = coalesce(?, published), metadata = ?, text = ?,"
                " extraction_error = ?, updated = ? WHERE id = ?",
                (
                    title,
                    published,
                    json.dumps(doc.metadata, ensure_ascii=False) if doc else stored["metadata"],
                    doc.text if doc else stored["text"],
                    extraction_error,
                    _now(),
                    doc_id,
                ),
            )
            if doc is None:
                doc = Document(source="", kind="txt", title=title, metadata=json.loads(stored["metadata"]))
            self._write_extraction(doc_id, extraction, doc)
            for text, status in statuses.items():
                conn.execute("UPDATE tasks SET status = ? WHERE document_id = ? AND text = ?", (status, doc_id, text))
            self._index(doc_id)

    def _write_extraction(self, doc_id: int, extraction: Extraction | None, doc: Document) -> None:
        """Rows for a document's meeting and tasks (inside the caller's transaction, after
        the previous rows were removed)."""
        conn = self.conn
        conn.execute("DELETE FROM tasks WHERE document_id = ?", (doc_id,))
        conn.execute("DELETE FROM meetings WHERE document_id = ?", (doc_id,))
        if extraction is None:
            return
        meeting = extraction.meeting
        region = document_region(doc, extraction)
        if meeting is not None:
            meeting_id = conn.execute(
                "INSERT INTO meetings (document_id, name, date, location, organizer) VALUES (?, ?, ?, ?, ?)",
                (doc_id, meeting.name, _iso(meeting.date), meeting.location, meeting.organizer),
            ).lastrowid
            conn.executemany(
                "INSERT INTO people (meeting_id, name, title, role) VALUES (?, ?, ?, ?)",
                [(meeting_id, p.name, p.title, p.role) for p in meeting.people],
            )
            conn.executemany(
                "INSERT INTO meeting_units (meeting_id, unit_id, name) VALUES (?, ?, ?)",
                [(meeting_id, self._unit_id(name, region), name) for name in meeting.units],
            )
        for seq, task in enumerate(extraction.tasks, 1):
            deadline = task.deadline
            task_id = conn.execute(
                "INSERT INTO tasks (document_id, seq, text, deadline_text, deadline_date, deadline_kind)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    doc_id,
                    seq,
                    task.text,
                    deadline.text if deadline else None,
                    _iso(deadline.date) if deadline else None,
                    deadline.kind if deadline else None,
                ),
            ).lastrowid
            conn.executemany(
                "INSERT INTO task_units (task_id, unit_id, role, name) VALUES (?, ?, ?, ?)",
                [(task_id, self._unit_id(u.name, region), u.role, u.name) for u in task.units],
            )

    def _unit_id(self, surface: str, region: str | None) -> int:
        """The unit a name written in a document stands for, created on first sight; a
        relative surface form becomes an alias of the canonical name."""
        name = canonical_unit(surface, region)
        self.conn.execute("INSERT OR IGNORE INTO units (name) VALUES (?)", (name,))
        unit_id = self.conn.execute("SELECT id FROM units WHERE name = ?", (name,)).fetchone()[0]
        if surface != name:
            self.conn.execute("INSERT OR IGNORE INTO unit_aliases (unit_id, alias) VALUES (?, ?)", (unit_id, surface))
        return unit_id

    def unit_ids(self, name: str) -> list[int]:
        """Units a user means by ``name``: those named or aliased exactly so, else those
        whose name or an alias contains it."""
        exact = "SELECT id FROM units WHERE name = :n UNION SELECT unit_id FROM unit_aliases WHERE alias = :n"
        ids = [row[0] for row in self.conn.execute(exact, {"n": name})]
        if not ids:
            ids = [
                row[0]
                for row in self.conn.execute(
                    "SELECT id FROM units WHERE instr(name, :n) UNION SELECT unit_id FROM unit_aliases WHERE instr(alias, :n)",
                    {"n": name},
                )
            ]
        return sorted(ids)

    # -- search index (terms from minutes.search) ----------------------------------------

    def _index_values(self, doc_id: int) -> tuple[tuple, list[tuple]]:
        """The terms a document and its tasks are indexed under, computed from stored rows
        only (never from aliases that later documents may add), so that deleting gives
        the index exactly what inserting gave it."""
        doc = self._one("SELECT title, text FROM documents WHERE id = ?", (doc_id,))
        tasks = []
        task_words = []
        for task in self._rows(
            "SELECT id, text, coalesce(deadline_text, '') AS deadline FROM tasks WHERE document_id = ? ORDER BY id", (doc_id,)
        ):
            names = [
                name
                for row in self.conn.execute(
                    "SELECT tu.name, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id WHERE tu.task_id = ?"
                    " ORDER BY tu.rowid",
                    (task["id"],),
                )
                for name in dict.fromkeys(row)
            ]
            units = index_terms(" ".join(names))
            tasks.append((task["id"], index_terms(task["text"]), units, index_terms(task["deadline"])))
            task_words.append(f"{index_terms(task['text'])} {units}")
        document = (doc_id, index_terms(doc["title"] or ""), index_terms(doc["text"]), " ".join(task_words))
        return document, tasks

    def _index(self, doc_id: int) -> None:
        document, tasks = self._index_values(doc_id)
        self.conn.execute("INSERT INTO documents_fts (rowid, title, body, tasks) VALUES (?, ?, ?, ?)", document)
        self.conn.executemany("INSERT INTO tasks_fts (rowid, text, units, deadline) VALUES (?, ?, ?, ?)", tasks)

    def _unindex(self, doc_id: int) -> None:
        document, tasks = self._index_values(doc_id)
        self.conn.execute(
            "INSERT INTO documents_fts (documents_fts, rowid, title, body, tasks) VALUES ('delete', ?, ?, ?, ?)", document
        )
        self.conn.executemany(
            "INSERT INTO tasks_fts (tasks_fts, rowid, text, units, deadline) VALUES ('delete', ?, ?, ?, ?)", tasks
        )

    # -- reading ------------------------------------------------------------------------

    def get(self, doc_id: int) -> dict[str, Any]:
        """A document (without its raw bytes), its meeting and its tasks with units."""
        if not -(2**63) <= doc_id < 2**63:  # SQLite's integers; no id is larger
            raise ArchiveError(f"no document {doc_id} in {self.name}")
        doc = self._one(
            "SELECT id, source, kind, title, published, encoding, metadata, content_hash, imported, updated,"
            " extraction_error, text, length(original) AS size,"
            " (SELECT count(*) FROM document_versions v WHERE v.document_id = documents.id) AS versions"
            " FROM documents WHERE id = ?",
            (doc_id,),
        )
        if doc is None:
            raise ArchiveError(f"no document {doc_id} in {self.name}")
        doc["metadata"] = json.loads(doc["metadata"])
        meeting = self._one("SELECT id, name, date, location, organizer FROM meetings WHERE document_id = ?", (doc_id,))
        if meeting:
            meeting["people"] = self._rows("SELECT name, title, role FROM people WHERE meeting_id = ? ORDER BY id", (meeting["id"],))
            meeting["units"] = self._rows(
                "SELECT u.name, mu.name AS surface FROM meeting_units mu JOIN units u ON u.id = mu.unit_id"
                " WHERE mu.meeting_id = ? ORDER BY mu.rowid",
                (meeting["id"],),
            )
            del meeting["id"]
        doc["meeting"] = meeting
        doc["tasks"] = self._task_rows("t.document_id = ?", [doc_id], order="t.seq")  # as the document has them
        return doc

    def _task_rows(self, where: str, params: list[Any], *, order: str = _BY_DEADLINE) -> list[dict[str, Any]]:
        tasks = self._rows(
            "SELECT t.id, t.document_id, t.seq, t.text, t.deadline_text, t.deadline_date, t.deadline_kind, t.status,"
            " d.title AS document_title, d.source FROM tasks t JOIN documents d ON d.id = t.document_id"
            f" WHERE {where} ORDER BY {order}",
            params,
        )
        for task in tasks:
            task["units"] = self._rows(
                "SELECT u.name, tu.name AS surface, tu.role FROM task_units tu JOIN units u ON u.id = tu.unit_id"
                " WHERE tu.task_id = ? ORDER BY tu.rowid",
                (task["id"],),
            )
        return tasks

    def task(self, task_id: int) -> dict[str, Any] | None:
        rows = self._task_rows("t.id = ?", [task_id])
        return rows[0] if rows else None

    def set_status(self, task_ids: list[int], status: str) -> None:
        """Mark tasks done (or open again), all or none: an unknown id changes nothing.
        Re-extraction keeps the status of a task whose text is unchanged."""
        if status not in TASK_STATUSES:
            raise ArchiveError(f"task status must be one of {', '.join(TASK_STATUSES)}, not {status!r}")
        with self.transaction() as conn:
            for task_id in task_ids:
                if not -(2**63) <= task_id < 2**63 or conn.execute("UPDATE tasks SET status = ? WHERE id = ?", (status, task_id)).rowcount == 0:
                    raise ArchiveError(f"no task {task_id} in {self.name} (see `minutes tasks` for ids)")

    def tasks(
        self,
        unit: str | None = None,
        due_before: date | str | None = None,
        overdue: bool = False,
        today: date | None = None,
    ) -> list[dict[str, Any]]:
        """Tasks, soonest deadline first; ``unit`` is alias-aware (see ``unit_ids``);
        ``overdue``: open tasks whose (non-recurring) deadline date is before ``today``."""
        where, params = ["1"], []
        if unit:
            ids = self.unit_ids(unit)
            where.append(f"t.id IN (SELECT task_id FROM task_units WHERE unit_id IN ({', '.join('?' * len(ids))}))")
            params.extend(ids)
        if due_before:
            where.append("t.deadline_date < ?")
            params.append(_iso(due_before))
        if overdue:
            # a recurring task's date is only its first occurrence: it is never overdue as a whole
            where.append("t.status = 'open' AND t.deadline_date < ? AND t.deadline_kind IS NOT 'recurring'")
            params.append((today or date.today()).isoformat())
        return self._task_rows(" AND ".join(where), params)

    def documents(self) -> Iterator[dict[str, Any]]:
        """Every stored document's id, source, kind, encoding and raw bytes, one at a time."""
        ids = [row[0] for row in self.conn.execute("SELECT id FROM documents ORDER BY id")]
        for doc_id in ids:
            row = self._one("SELECT id, source, kind, encoding, original FROM documents WHERE id = ?", (doc_id,))
            if row:
                yield row

    def stats(self) -> dict[str, Any]:
        counts = {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "document_versions", "meetings", "tasks", "units", "pages")
        }
        span = self._one("SELECT min(published) AS first, max(published) AS last FROM documents")
        kinds = dict(self.conn.execute("SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY kind").fetchall())
        failed = self.conn.execute("SELECT count(*) FROM documents WHERE extraction_error IS NOT NULL").fetchone()[0]
        page_size, pages = (self.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_size", "page_count"))
        return {
            **counts,
            "kinds": kinds,
            "extraction_failed": failed,
            "published_first": span["first"],
            "published_last": span["last"],
            "open_tasks": self.conn.execute("SELECT count(*) FROM tasks WHERE status = 'open'").fetchone()[0],
            "size_bytes": page_size * pages,
        }

    # -- page state for scrapers --------------------------------------------------------

    def page(self, url: str) -> dict[str, Any] | None:
        """What the last fetch of a URL recorded (etag, last_modified, content_hash,
        fetched, status, document_id), or None if it was never fetched."""
        return self._one("SELECT * FROM pages WHERE url = ?", (url,))

    def record_page(self, url: str, **fields: Any) -> None:
        """Record (or update) some of a page's fetch state; unnamed fields keep their value."""
        unknown = set(fields) - set(PAGE_FIELDS)
        if unknown:
            raise ArchiveError(f"unknown page field(s): {', '.join(sorted(unknown))}")
        fields = {k: (_iso(v) if isinstance(v, date | datetime) else v) for k, v in fields.items()}
        columns = ", ".join(["url", *fields])
        updates = ", ".join(f"{k} = excluded.{k}" for k in fields) or "url = url"
        with self.transaction() as conn:
            conn.execute(
                f"INSERT INTO pages ({columns}) VALUES ({', '.join('?' * (len(fields) + 1))})"
                f" ON CONFLICT(url) DO UPDATE SET {updates}",
                (url, *fields.values()),
            )


def content_hash(raw: bytes) -> str:
    """How the archive tells whether a source changed: sha256 of its raw bytes."""
    return hashlib.sha256(raw).hexdigest()


# ---------------------------------------------------------------------------------------


def _statements(script: str) -> list[str]:
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


def _iso(value: date | datetime | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    return value.isoformat()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
