"""The archive: documents, their versions and what was extracted from them, in SQLite.

One file holds everything: the raw bytes of every source (so normalization and
extraction can be re-run) and the normalized text, compressed together
(``minutes.store.content``), meetings, tasks, responsible units, task
history, scraper page state and the full-text index (``minutes.store.index``). Every
write of one document is one transaction (or, inside ``Archive.batch``, one savepoint of
a transaction committed every few hundred documents), so a crash or a killed import
never leaves half a document behind. Reading gives typed records (``minutes.store.records``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from minutes.errors import ArchiveError
from minutes.models import Deadline, Document, Extraction, Meeting, Person
from minutes.nlp.names import canonical_unit, document_region
from minutes.store import pages
from minutes.store.content import pack, raw_size, unpack, unpack_text
from minutes.store.index import IndexWrite, document_writes, merge, write
from minutes.store import lifecycle
from minutes.store.lifecycle import CLOSED, DEADLINE_STATES, TASK_STATES, TransitionError, check_move, continuations
from minutes.store.records import RegisterEntry, StoredAssignment, StoredDocument, StoredTask, TaskEvent, iso
from minutes.store.schema import migrate

STATUSES = ("new", "updated", "unchanged")
TASK_STATUSES = TASK_STATES  # the name the first releases exported


def lost_tasks_note(lost: int) -> str | None:
    """What a user is told when tracked tasks are no longer found in a document's new text."""
    return f"{lost} tracked task(s) no longer found by extraction: kept as they were" if lost else None


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




# A task's current due date in SQL (see StoredTask.due): a recurring task's extracted
# date is only its first occurrence, so it counts once the task tracks an occurrence.
_DUE = "coalesce(t.due_date, CASE WHEN t.deadline_kind IS 'recurring' THEN NULL ELSE t.deadline_date END)"
# Task lists across documents: soonest due first, open-ended ones last.
_BY_DEADLINE = f"{_DUE} IS NULL, {_DUE}, t.deadline_date IS NULL, t.deadline_date, t.document_id, t.seq"
# what a task carries over when its document is extracted again (matched by text)
_EVENT_COLUMNS = "at, by, from_status, to_status, note, deadline, occurrence, details"
# The ids SQLite can hold: a larger one given on the command line names no document.
_IDS = range(-(2**63), 2**63)


class Archive:
    """An archive database; ``Archive(":memory:")`` for a throwaway one.

    ``timeout`` is how long a write waits for another process's write to finish before
    giving up with an ``ArchiveError``. ``on_upgrade(version)`` is called before an archive
    written by an older minutes (schema ``version``) is upgraded, which can take minutes.
    """

    def __init__(self, path: str | Path, *, timeout: float = 3.0, on_upgrade: Callable[[int], None] | None = None):
        self.path = str(path)
        self.name = Path(self.path).name
        try:
            conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as error:
            raise self._error(error) from None
        conn.row_factory = sqlite3.Row
        self.conn = conn
        self._batch: _Batch | None = None
        try:
            # A new archive's pages hold 16 KB: a compressed document (~2.5 KB) leaves
            # half of a 4 KB page empty, of a 16 KB one a tenth. (No effect on an
            # existing file.)
            conn.execute("PRAGMA page_size=16384")
            # Pages a bulk import's index merges free (~20 MB, whatever the archive's size)
            # go back to the file system when the import ends (``batch``), not kept as a
            # free list: a new archive can give them back one by one. (No effect on an
            # existing file, where ``VACUUM`` does it; asked of one, it would wait for its
            # write lock.)
            if not conn.execute("PRAGMA page_count").fetchone()[0]:
                conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
            conn.execute("PRAGMA foreign_keys=ON")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            migrate(conn, self.name, on_upgrade)
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
    def transaction(self, *, documents: int = 1) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``BEGIN IMMEDIATE``) so that two writers
        queue on the busy timeout instead of failing halfway. Inside ``batch`` it is a
        savepoint of the batch's transaction: all or nothing still, committed later; it
        counts as ``documents`` writes towards the batch's commit."""
        if self._batch is not None:
            with self._batch_write(documents):
                yield self.conn
            return
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

    @contextmanager
    def batch(self, *, every: int = 1000, seconds: float = 2.0) -> Iterator[Archive]:
        """Commit the writes made inside together, for bulk imports: one commit per
        ``every`` documents or ``seconds``, whichever comes first, instead of one per
        document, and the full-text index written once per commit (one insert per index
        table for the whole batch). Each write (``save``, ``replace_extraction``...) is
        still all or nothing, a savepoint of the open transaction; a crash loses at most
        the writes since the last commit, never part of one. Leaving the block, by an
        exception too, commits the finished writes. (Inside a batch, a search does not
        see the documents of the open batch.) Each commit writes the batch's index terms as
        one segment, which the index's merges then rewrite level by level: the larger the
        batch, the fewer the levels (the index alone, at 100,000 documents: 0.39 ms a
        document committed 500 at a time, 0.33 ms 2,000 at a time). A batch that has grown
        the archive enough to merge the whole index at its end (``_GREW_BY``) writes its
        segments without those merges: the final one rewrites everything anyway."""
        if self._batch is not None:
            yield self
            return
        self._batch = _Batch(every, seconds, held=self._document_count())
        # The index's merges read back the pages of its segments: SQLite's default page
        # cache (2 MB, 125 pages of 16 KB) makes them system calls again and again.
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {_BATCH_CACHE_KB}")
        batch, finished = self._batch, False
        try:
            yield self
            finished = True
        finally:
            try:
                try:
                    if self.conn.in_transaction:
                        self._commit_batch()
                finally:
                    self._batch = None
                if finished and batch.documents and batch.documents * _GREW_BY >= self._document_count():
                    with suppress(ArchiveError):  # (another writer holds the archive: next time)
                        self._merge_indexes()
                self._free_pages()
            finally:
                with suppress(sqlite3.Error):  # (a connection closed inside the block)
                    self.conn.execute(f"PRAGMA cache_size = {int(cache)}")

    def optimize(self) -> None:
        """Merge each full-text index into one segment (``minutes.store.index.merge``) and
        give the pages that frees back to the file system (``VACUUM`` for an archive made
        before it could do so page by page): a phrase search then does ~4× less index
        work. A bulk import that grows the archive by a fifth or more
        merges at its end by itself; many small imports leave segments that this folds."""
        self._merge_indexes()
        if self.conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2:
            self._free_pages()
        else:
            try:
                self.conn.execute("VACUUM")
            except sqlite3.Error as error:
                raise self._error(error) from None

    def _merge_indexes(self) -> None:
        with self.transaction() as conn:
            merge(conn)

    def _document_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def _free_pages(self) -> None:
        """Give the pages the archive no longer uses back to the file system (a new
        archive's; see ``__init__``). Best effort: pages it cannot free now (another writer
        holds the archive) stay on the free list for the next writes."""
        if self.conn.execute("PRAGMA freelist_count").fetchone()[0]:
            with suppress(sqlite3.Error):
                # (run to its end: each step of the statement frees one page)
                self.conn.executescript("PRAGMA incremental_vacuum;")

    @contextmanager
    def _batch_write(self, documents: int) -> Iterator[None]:
        batch = self._batch
        assert batch is not None
        try:
            if not self.conn.in_transaction:
                self.conn.execute("BEGIN IMMEDIATE")
                batch.began, batch.writes = time.monotonic(), 0
            self.conn.execute("SAVEPOINT write")
        except sqlite3.Error as error:
            raise self._error(error) from None
        # The index writes wait for the commit: an FTS5 table flushes what it holds at
        # every savepoint, which per document costs more than all the rest of a save.
        index_writes = len(batch.index)
        try:
            yield
            self.conn.execute("RELEASE write")
        except BaseException as error:
            del batch.index[index_writes:]
            self.conn.execute("ROLLBACK TO write")
            self.conn.execute("RELEASE write")
            if isinstance(error, sqlite3.Error):
                raise self._error(error) from None
            raise
        batch.writes += documents
        batch.documents += documents
        if batch.writes >= batch.every or time.monotonic() - batch.began >= batch.seconds:
            self._commit_batch()

    def _commit_batch(self) -> None:
        """Write the batch's index rows and commit; on failure nothing of the batch stays."""
        batch = self._batch
        assert batch is not None
        try:
            write(self.conn, batch.index, merging=batch.documents * _GREW_BY < batch.held + batch.documents)
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            self.conn.rollback()
            raise self._error(error) from None
        finally:
            batch.index.clear()

    def _index(self, writes: list[IndexWrite]) -> None:
        """Index writes of the write under way: now, or in a batch at its commit."""
        if self._batch is not None:
            self._batch.index.extend(writes)
        else:
            write(self.conn, writes)

    def _one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        row = self.conn.execute(sql, params).fetchone()
        return dict(row) if row else None

    # -- documents ----------------------------------------------------------------------

    def lookup(self, source: str) -> dict[str, Any] | None:
        """The id and content hash stored for a source, or None."""
        return self._one("SELECT id, content_hash FROM documents WHERE source = ?", (source,))

    def lookups(self, sources: list[str]) -> dict[str, dict[str, Any]]:
        """``lookup`` of many sources in one query: {source: its id and content hash} for
        those stored."""
        return {row["source"]: dict(row) for row in self.conn.execute(
            "SELECT source, id, content_hash FROM documents WHERE source IN (SELECT value FROM json_each(?))",
            (json.dumps(sources),))}

    def save_new(self, docs: list[Document]) -> list[SaveResult] | None:
        """``save`` of normalized documents without extraction whose sources the archive
        does not hold, each named once: written together, one statement per table (a bulk
        import's documents, a group at a time), all in one savepoint, so each is whole or
        not at all as ``save`` makes it; the same rows, ids and index terms as ``save`` one
        after the other. None, with nothing written, when a source is archived already or
        named twice (``save`` each then: it tells what became of each)."""
        if not docs:
            return []
        now = _now()
        texts = [doc.text for doc in docs]  # (joined from the blocks on each use)
        rows = [{"source": doc.source, "imported": now, **_document_fields(doc, text, now)} for doc, text in zip(docs, texts)]
        try:
            with self.transaction(documents=len(docs)) as conn:
                # given the ids SQLite would give them one by one: the largest one's next, and on
                first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM documents").fetchone()[0]
                try:
                    conn.executemany(_insert_document(["id", *rows[0]]),
                                     [{"id": doc_id, **row} for doc_id, row in enumerate(rows, first)])
                except sqlite3.IntegrityError:  # a source archived or named twice
                    raise _NotNew from None
                for doc_id, row, text in zip(range(first, first + len(rows)), rows, texts):
                    self._index(document_writes(conn, doc_id, title=row["title"], text=text, tasks=False))
        except _NotNew:
            return None
        return [SaveResult(doc_id, "new", doc.source) for doc_id, doc in enumerate(docs, first)]

    def save(self, doc: Document, extraction: Extraction | None = None, *, extraction_error: str | None = None) -> SaveResult:
        """Store a normalized document and what was extracted from it.

        Same source and same raw bytes: nothing happens (unchanged). Same source, new
        bytes: the stored version moves to ``document_versions`` and the document and
        its extraction are replaced (updated); a tracked task carries over to the task
        that continues it, or stays (``_write_extraction``; ``SaveResult.note`` counts
        those no new task continues).
        """
        now = _now()
        text = doc.text  # (joined from the blocks on each use)
        fields = _document_fields(doc, text, now, extraction, extraction_error)
        digest = fields["content_hash"]
        with self.transaction() as conn:
            old = self._one("SELECT id, content_hash, imported, content FROM documents WHERE source = ?", (doc.source,))
            if old and old["content_hash"] == digest:
                return SaveResult(old["id"], "unchanged", doc.source)
            if old:
                doc_id = old["id"]
                self._index(document_writes(conn, doc_id, delete=True))
                conn.execute(
                    "INSERT INTO document_versions (document_id, content_hash, imported, replaced, content)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (doc_id, old["content_hash"], old["imported"], now, old["content"]),
                )
                conn.execute(
                    f"UPDATE documents SET {', '.join(f'{k} = :{k}' for k in fields)} WHERE id = :id",
                    {**fields, "id": doc_id},
                )
                status = "updated"
            else:
                cursor = conn.execute(_insert_document(["source", "imported", *fields]),
                                      {"source": doc.source, "imported": now, **fields})
                doc_id = cursor.lastrowid
                status = "new"
            lost = self._write_extraction(doc_id, extraction, doc, new=status == "new")
            # its tasks are those just written and the tracked ones kept, if any
            tasks = extraction is not None and bool(extraction.tasks) or lost > 0
            self._index(document_writes(conn, doc_id, title=fields["title"], text=text, tasks=tasks))
        return SaveResult(doc_id, status, doc.source, extraction_error, lost_tasks_note(lost))

    def replace_extraction(
        self, doc_id: int, extraction: Extraction | None, *, doc: Document | None = None, extraction_error: str | None = None
    ) -> int:
        """Replace what was extracted from a stored document (``minutes reextract``).

        ``doc``, when given, is the document normalized again from the stored raw bytes:
        its text, title and site facts replace the stored ones (no new version: the
        source did not change). Tracked tasks carry over (``_write_extraction``); returns
        how many of them the new extraction no longer finds (kept as they were).
        """
        with self.transaction() as conn:
            stored = self._one("SELECT title, published, metadata, content FROM documents WHERE id = ?", (doc_id,))
            if stored is None:
                raise ArchiveError(f"no document {doc_id} in {self.name}")
            self._index(document_writes(conn, doc_id, delete=True))
            title = (extraction.title if extraction else None) or (doc.title if doc else stored["title"])
            published = iso(extraction.published if extraction and extraction.published else doc.published if doc else None)
            conn.execute(
                "UPDATE documents SET title = ?, published = coalesce(?, published), metadata = ?, content = ?,"
                " extraction_error = ?, updated = ? WHERE id = ?",
                (
                    title,
                    published,
                    json.dumps(doc.metadata, ensure_ascii=False) if doc else stored["metadata"],
                    pack(doc.text, unpack(stored["content"])[1]) if doc else stored["content"],
                    extraction_error,
                    _now(),
                    doc_id,
                ),
            )
            if doc is None:
                doc = Document(source="", kind="txt", title=title, metadata=json.loads(stored["metadata"]))
            lost = self._write_extraction(doc_id, extraction, doc)
            self._index(document_writes(conn, doc_id))
        return lost

    def _write_extraction(self, doc_id: int, extraction: Extraction | None, doc: Document, *, new: bool = False) -> int:
        """Rows for a document's meeting and tasks, in place of its previous ones (inside
        the caller's transaction); a ``new`` document has none to remove.

        A task the archive tracks (moved past 待交办, given a due date or a code, or with a
        history) is never dropped: the new task that continues it (``continuations``)
        takes over its row — id, state, code and history stay, text, deadline and units
        are the new ones — and one no new task continues stays as it was, after the new
        ones. Returns how many tracked tasks the extraction no longer finds."""
        conn = self.conn
        tasks = extraction.tasks if extraction is not None else []
        carried: dict[int, int] = {}  # index of a new task -> the tracked task row it continues
        lost: list[int] = []
        if not new:
            tracked = conn.execute(
                "SELECT id, text FROM tasks t WHERE document_id = ? AND (status != ? OR due_date IS NOT NULL"
                " OR code IS NOT NULL OR EXISTS (SELECT 1 FROM task_events WHERE task_id = t.id)) ORDER BY id",
                (doc_id, TASK_STATES[0]),
            ).fetchall()
            continued = continuations([text for _, text in tracked], [task.text for task in tasks])
            carried = {j: tracked[i][0] for i, j in continued.items()}
            lost = [task_id for i, (task_id, _) in enumerate(tracked) if i not in continued]
            kept = [task_id for task_id, _ in tracked]
            conn.execute(
                f"DELETE FROM tasks WHERE document_id = ? AND id NOT IN ({', '.join('?' * len(kept))})", (doc_id, *kept)
            )
            conn.execute("DELETE FROM meetings WHERE document_id = ?", (doc_id,))
        region = document_region(doc, extraction) if extraction is not None else None
        if extraction is not None and extraction.meeting is not None:
            meeting = extraction.meeting
            meeting_id = conn.execute(
                "INSERT INTO meetings (document_id, name, date, location, organizer) VALUES (?, ?, ?, ?, ?)",
                (doc_id, meeting.name, iso(meeting.date), meeting.location, meeting.organizer),
            ).lastrowid
            conn.executemany(
                "INSERT INTO people (meeting_id, name, title, role) VALUES (?, ?, ?, ?)",
                [(meeting_id, p.name, p.title, p.role) for p in meeting.people],
            )
            conn.executemany(
                "INSERT INTO meeting_units (meeting_id, unit_id, name) VALUES (?, ?, ?)",
                [(meeting_id, self._unit_id(name, region), name) for name in meeting.units],
            )
        for seq, task in enumerate(tasks, 1):
            deadline = task.deadline
            values = (
                seq,
                task.text,
                deadline.text if deadline else None,
                iso(deadline.date) if deadline else None,
                deadline.kind if deadline else None,
            )
            if (task_id := carried.get(seq - 1)) is not None:
                conn.execute(
                    "UPDATE tasks SET seq = ?, text = ?, deadline_text = ?, deadline_date = ?, deadline_kind = ? WHERE id = ?",
                    (*values, task_id),
                )
                conn.execute("DELETE FROM task_units WHERE task_id = ?", (task_id,))
            else:
                task_id = conn.execute(
                    "INSERT INTO tasks (document_id, seq, text, deadline_text, deadline_date, deadline_kind, status)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, *values, TASK_STATES[0]),
                ).lastrowid
            conn.executemany(
                "INSERT INTO task_units (task_id, unit_id, role, name) VALUES (?, ?, ?, ?)",
                [(task_id, self._unit_id(u.name, region), u.role, u.name) for u in task.units],
            )
        if lost:  # (an empty executemany still prepares its statement: a bulk import's new documents have none)
            conn.executemany("UPDATE tasks SET seq = ? WHERE id = ?", [(seq, task_id) for seq, task_id in enumerate(lost, len(tasks) + 1)])
        return len(lost)

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

    # -- reading ------------------------------------------------------------------------

    def document(self, doc_id: int) -> StoredDocument:
        """A stored document (without its raw bytes), its meeting and its tasks in document order."""
        if doc_id not in _IDS:  # SQLite's integers; no id is larger
            raise ArchiveError(f"no document {doc_id} in {self.name}")
        row = self.conn.execute(
            "SELECT id, source, kind, title, published, encoding, metadata, content_hash, imported, updated,"
            " extraction_error, content,"
            " (SELECT count(*) FROM document_versions v WHERE v.document_id = documents.id) AS versions"
            " FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise ArchiveError(f"no document {doc_id} in {self.name}")
        return StoredDocument(
            id=row["id"],
            source=row["source"],
            kind=row["kind"],
            title=row["title"],
            published=_date(row["published"]),
            encoding=row["encoding"],
            metadata=json.loads(row["metadata"]),
            imported=datetime.fromisoformat(row["imported"]),
            updated=datetime.fromisoformat(row["updated"]),
            text=unpack_text(row["content"]),
            extraction_error=row["extraction_error"],
            meeting=self._meeting(doc_id),
            tasks=self._tasks("t.document_id = ?", [doc_id], order="t.seq"),  # as the document has them
            content_hash=row["content_hash"],
            size=raw_size(row["content"]),
            versions=row["versions"],
        )

    def _meeting(self, doc_id: int) -> Meeting | None:
        row = self.conn.execute("SELECT id, name, date, location, organizer FROM meetings WHERE document_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        people = self.conn.execute("SELECT name, title, role FROM people WHERE meeting_id = ? ORDER BY id", (row["id"],))
        units = self.conn.execute("SELECT name FROM meeting_units WHERE meeting_id = ? ORDER BY rowid", (row["id"],))
        return Meeting(
            name=row["name"],
            date=_date(row["date"]),
            location=row["location"],
            organizer=row["organizer"],
            people=[Person(*person) for person in people],
            units=[unit[0] for unit in units],
        )

    def _tasks(self, where: str, params: list[Any], *, order: str = _BY_DEADLINE) -> list[StoredTask]:
        """Tasks matching an SQL condition on ``t`` (tasks) and ``d`` (their documents),
        with their units and history: three queries whatever their number."""
        rows = self.conn.execute(
            "SELECT t.id, t.document_id, t.seq, t.text, t.deadline_text, t.deadline_date, t.deadline_kind, t.status,"
            f" t.code, {_DUE} AS due, d.title, d.published, d.source FROM tasks t JOIN documents d ON d.id = t.document_id"
            f" WHERE {where} ORDER BY {order}",
            params,
        ).fetchall()
        ids = json.dumps([row["id"] for row in rows])
        units: dict[int, list[StoredAssignment]] = {}
        for task_id, surface, role, unit in self.conn.execute(
            "SELECT tu.task_id, tu.name, tu.role, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id"
            " WHERE tu.task_id IN (SELECT value FROM json_each(?)) ORDER BY tu.rowid",
            (ids,),
        ):
            units.setdefault(task_id, []).append(StoredAssignment(surface, role, unit))
        history: dict[int, list[TaskEvent]] = {}
        for task_id, at, by, from_status, to_status, note, deadline, occurrence, details in self.conn.execute(
            f"SELECT task_id, {_EVENT_COLUMNS} FROM task_events"
            " WHERE task_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (ids,),
        ):
            history.setdefault(task_id, []).append(TaskEvent(
                datetime.fromisoformat(at), by, from_status, to_status, note,
                _date(deadline), _date(occurrence), json.loads(details) if details else {},
            ))
        return [
            StoredTask(
                text=row["text"],
                units=units.get(row["id"], []),
                deadline=None
                if row["deadline_text"] is None and row["deadline_date"] is None
                else Deadline(row["deadline_text"] or "", _date(row["deadline_date"]), row["deadline_kind"] or "by"),
                id=row["id"],
                document_id=row["document_id"],
                seq=row["seq"],
                status=row["status"],
                code=row["code"],
                due=_date(row["due"]),
                document_title=row["title"],
                document_published=_date(row["published"]),
                document_source=row["source"],
                history=history.get(row["id"], []),
            )
            for row in rows
        ]

    def task(self, task_id: int) -> StoredTask | None:
        """One task by id, or None."""
        if task_id not in _IDS:
            return None
        found = self._tasks("t.id = ?", [task_id])
        return found[0] if found else None

    def tasks_by_id(self, task_ids: list[int]) -> list[StoredTask]:
        """The tasks of ``task_ids`` in that order (unknown ids left out): a page of a
        list chosen elsewhere (``minutes.store.queries.ledger``), in three queries."""
        found = {task.id: task for task in self._tasks("t.id IN (SELECT value FROM json_each(?))", [json.dumps(task_ids)])}
        return [found[task_id] for task_id in task_ids if task_id in found]

    def tasks(
        self,
        unit: str | None = None,
        due_before: date | str | None = None,
        overdue: bool = False,
        today: date | None = None,
        *,
        due_within: int | None = None,
        status: str | None = None,
        code: str | None = None,
    ) -> list[StoredTask]:
        """Tasks, soonest due first; ``unit`` is alias-aware (see ``unit_ids``).

        ``due_before``: due (currently) before that day; ``overdue``: not closed and due
        before ``today``; ``due_within``: not closed and due from ``today`` to that many
        days later (临期 for 7); ``status``: in that state; ``code``: the task of that code.
        A recurring task counts by its current occurrence, which it has once issued.
        """
        today = today or date.today()
        where, params = ["1"], []
        if unit:
            ids = self.unit_ids(unit)
            where.append(f"t.id IN (SELECT task_id FROM task_units WHERE unit_id IN ({', '.join('?' * len(ids))}))")
            params.extend(ids)
        if due_before:
            where.append(f"coalesce({_DUE}, t.deadline_date) < ?")
            params.append(iso(due_before))
        if overdue:
            where.append(f"t.status != '{CLOSED}' AND {_DUE} < ?")
            params.append(today.isoformat())
        if due_within is not None:
            where.append(f"t.status != '{CLOSED}' AND {_DUE} BETWEEN ? AND ?")
            params.extend([today.isoformat(), (today + timedelta(days=due_within)).isoformat()])
        if status:
            if status not in TASK_STATES:
                raise TransitionError(f"task status must be one of {'、'.join(TASK_STATES)}, not {status!r}")
            where.append("t.status = ?")
            params.append(status)
        if code:
            where.append("t.code = ?")
            params.append(code)
        return self._tasks(" AND ".join(where), params)

    # -- the task lifecycle (minutes.store.lifecycle) ----------------------------------

    states = TASK_STATES  # the states a task can be in, in lifecycle order

    def change_task(
        self,
        task_id: int,
        status: str | None = None,
        *,
        by: str | None = None,
        note: str | None = None,
        deadline: date | None = None,
        expect: str | None = None,
        details: dict[str, str] | None = None,
    ) -> StoredTask:
        """Move a task (or report progress on it: ``status`` None or its current state,
        with a ``note``) and record the event; returns the task as it is now.

        ``deadline`` goes with 申请延期 (the date asked for) and 已延期 (the new due date;
        by default the one asked for). ``expect``: the state the caller saw; if the task
        is in another one now, someone else moved it first and nothing changes. A report
        on a recurring task moves it to its next occurrence. Raises ``TransitionError``
        (a ``MinutesError``) on a move the lifecycle does not allow.
        """
        with self.transaction():
            self._change(task_id, status, by=by, note=note, deadline=deadline, expect=expect, details=details)
        return self.task(task_id)  # type: ignore[return-value]

    def set_status(
        self, task_ids: list[int], status: str, *, by: str | None = None, note: str | None = None, expect: str | None = None
    ) -> None:
        """Move several tasks to ``status``, all or none (an unknown id, a move not
        allowed or a task not in ``expect`` changes nothing); a task already in
        ``status`` gets no event."""
        with self.transaction():
            for task_id in task_ids:
                current = self._status(task_id)
                if current != status or (expect is not None and current != expect):
                    self._change(task_id, status, by=by, note=note, expect=expect)

    def _status(self, task_id: int) -> str:
        row = self.conn.execute("SELECT status FROM tasks WHERE id = ?", (task_id,)).fetchone() if task_id in _IDS else None
        if row is None:
            raise ArchiveError(f"no task {task_id} in {self.name} (see `minutes tasks` for ids)")
        return row[0]

    def _change(
        self,
        task_id: int,
        status: str | None,
        *,
        by: str | None = None,
        note: str | None = None,
        deadline: date | None = None,
        expect: str | None = None,
        details: dict[str, str] | None = None,
        on: date | None = None,
    ) -> bool:
        """One move inside the caller's transaction; False when there was nothing to record.
        ``on``: the day a task is issued (its recurring occurrence starts from there)."""
        row = self.conn.execute(
            f"SELECT status, deadline_text, deadline_kind, due_date, {_DUE} AS due FROM tasks t WHERE id = ?", (task_id,)
        ).fetchone() if task_id in _IDS else None
        if row is None:
            raise ArchiveError(f"no task {task_id} in {self.name} (see `minutes tasks` for ids)")
        current = row["status"]
        if expect is not None and current != expect:
            raise TransitionError(f"task {task_id} is {current} now, not {expect}: someone changed it meanwhile; reload it")
        target = status or current
        if target != current:
            check_move(task_id, current, target)
        note = (note or "").strip() or None
        if deadline is not None and target not in DEADLINE_STATES:
            raise TransitionError(f"a new deadline goes with {' or '.join(DEADLINE_STATES)}, not {target}")
        due_date = row["due_date"]
        if target == "已延期" and (target != current or deadline):
            if deadline is None:
                asked = self.conn.execute(
                    "SELECT deadline FROM task_events WHERE task_id = ? AND to_status = '申请延期' ORDER BY id DESC LIMIT 1",
                    (task_id,),
                ).fetchone()
                if not asked or not asked[0]:
                    raise TransitionError(f"task {task_id}: 已延期 needs the new deadline (no 申请延期 asked for a date)")
                deadline = date.fromisoformat(asked[0])
            due_date = deadline.isoformat()
        if target == current and note is None and deadline is None and not details:
            return False  # nothing happened
        occurrence = None
        recurring = row["deadline_kind"] == "recurring" and row["deadline_text"]
        if recurring and current == TASK_STATES[0] and target != TASK_STATES[0] and not due_date:
            first = lifecycle.first_occurrence(row["deadline_text"], on or date.today())
            due_date = first.isoformat() if first else None
        elif recurring and target == "办理中" and note and row["due"]:
            # a report on a recurring task is the report of its current occurrence
            occurrence = row["due"]
            following = lifecycle.next_occurrence(row["deadline_text"], date.fromisoformat(row["due"]))
            due_date = following.isoformat() if following else due_date
        self.conn.execute("UPDATE tasks SET status = ?, due_date = ? WHERE id = ?", (target, due_date, task_id))
        self.conn.execute(
            f"INSERT INTO task_events (task_id, {_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (task_id, _now(), by, current, target, note, iso(deadline), occurrence,
             json.dumps(details, ensure_ascii=False) if details else None),
        )
        return True

    # -- the register of 交办单 -------------------------------------------------------------

    def issue(
        self,
        sheets: list[tuple[str, list[int]]],
        *,
        on: date,
        number_format: str = "〔{year}〕督字{n}号",
        by: str | None = None,
        document_id: int | None = None,
        write: Callable[[list[RegisterEntry]], None] | None = None,
    ) -> list[RegisterEntry]:
        """Number and record 交办单: ``sheets`` = (unit, task ids) each, issued ``on`` a day.

        In one write transaction (``BEGIN IMMEDIATE``, so two processes queue): each task
        without a code gets the next one of the year (``T2025-001``); each sheet takes the
        next number of the year's register, unless the same unit already has a sheet of
        exactly these tasks this year (a reprint keeps its number); 待交办 tasks move to
        已交办. ``write`` (given the entries) writes the files before the commit: if it
        fails, nothing is numbered, so the register has no gaps, and since its rows are
        never deleted a number is never given twice.
        """
        year = on.year
        entries: list[RegisterEntry] = []
        with self.transaction() as conn:
            codes: dict[int, str] = {}
            for task_id in dict.fromkeys(i for _, ids in sheets for i in ids):
                row = conn.execute("SELECT code, status FROM tasks WHERE id = ?", (task_id,)).fetchone()
                if row is None:
                    raise ArchiveError(f"no task {task_id} in {self.name} (see `minutes tasks` for ids)")
                codes[task_id] = row["code"] or self._next_code(year)
                if not row["code"]:
                    conn.execute("UPDATE tasks SET code = ? WHERE id = ?", (codes[task_id], task_id))
            for unit, ids in sheets:
                tasks = json.dumps([codes[i] for i in ids], ensure_ascii=False)
                old = conn.execute(
                    "SELECT n, number, issued_on, at, by FROM register WHERE year = ? AND unit = ? AND tasks = ?", (year, unit, tasks)
                ).fetchone()
                if old:
                    entries.append(RegisterEntry(year, old["n"], old["number"], unit, json.loads(tasks), date.fromisoformat(old["issued_on"]),
                                                 datetime.fromisoformat(old["at"]), old["by"], document_id, reprint=True))
                    continue
                n = conn.execute("SELECT coalesce(max(n), 0) + 1 FROM register WHERE year = ?", (year,)).fetchone()[0]
                number = number_format.format(year=year, n=n)
                now = _now()
                conn.execute(
                    "INSERT INTO register (year, n, number, unit, document_id, tasks, issued_on, at, by)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (year, n, number, unit, document_id, tasks, on.isoformat(), now, by),
                )
                entries.append(RegisterEntry(year, n, number, unit, json.loads(tasks), on, datetime.fromisoformat(now), by, document_id))
                for task_id in ids:
                    state = self._status(task_id)
                    if state != CLOSED:
                        target = "已交办" if state == TASK_STATES[0] else state
                        self._change(task_id, target, by=by, on=on, details={"交办编号": number, "承办单位": unit})
            if write is not None:
                write(entries)
        return entries

    def _next_code(self, year: int) -> str:
        """The next task code of ``year`` (inside the caller's transaction)."""
        self.conn.execute(
            "INSERT INTO counters (name, year, last) VALUES ('task', ?, 1)"
            " ON CONFLICT (name, year) DO UPDATE SET last = last + 1",
            (year,),
        )
        last = self.conn.execute("SELECT last FROM counters WHERE name = 'task' AND year = ?", (year,)).fetchone()[0]
        return f"T{year}-{last:03d}"

    def register(self, year: int | None = None, unit: str | None = None) -> list[RegisterEntry]:
        """The 交办单 issued, in number order; ``year`` and ``unit`` (part of its name) narrow it."""
        where, params = ["1"], []
        if year is not None:
            where.append("year = ?")
            params.append(year)
        if unit:
            where.append("instr(unit, ?)")
            params.append(unit)
        rows = self.conn.execute(
            "SELECT year, n, number, unit, tasks, issued_on, at, by, document_id FROM register"
            f" WHERE {' AND '.join(where)} ORDER BY year, n",
            params,
        )
        return [
            RegisterEntry(r["year"], r["n"], r["number"], r["unit"], json.loads(r["tasks"]), date.fromisoformat(r["issued_on"]),
                          datetime.fromisoformat(r["at"]), r["by"], r["document_id"])
            for r in rows
        ]

    # -- whole archive ------------------------------------------------------------------

    def original(self, doc_id: int) -> dict[str, Any]:
        """A stored document's id, source, kind, encoding and raw bytes (``original``)."""
        row = self.conn.execute("SELECT id, source, kind, encoding, content FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise ArchiveError(f"no document {doc_id} in {self.name}")
        found = dict(row)
        found["original"] = unpack(found.pop("content"))[1]
        return found

    def originals(self) -> Iterator[dict[str, Any]]:
        """``original`` of every stored document, one at a time (for re-extraction)."""
        ids = [row[0] for row in self.conn.execute("SELECT id FROM documents ORDER BY id")]
        for doc_id in ids:
            try:
                yield self.original(doc_id)
            except ArchiveError:  # deleted since the ids were read
                continue

    def stats(self) -> dict[str, Any]:
        """Counts of rows per table, kinds, failed extractions, the published span, open
        tasks and the file size."""
        count = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        counts = {
            table: count(f"SELECT count(*) FROM {table}")
            for table in ("documents", "document_versions", "meetings", "tasks", "units", "pages")
        }
        first, last = self.conn.execute("SELECT min(published), max(published) FROM documents").fetchone()
        kinds = dict(self.conn.execute("SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY kind").fetchall())
        page_size, page_count = (count(f"PRAGMA {p}") for p in ("page_size", "page_count"))
        return {
            **counts,
            "kinds": kinds,
            "extraction_failed": count("SELECT count(*) FROM documents WHERE extraction_error IS NOT NULL"),
            "published_first": first,
            "published_last": last,
            "open_tasks": count(f"SELECT count(*) FROM tasks WHERE status != '{CLOSED}'"),
            "size_bytes": page_size * page_count,
        }

    # -- page state for scrapers (minutes.store.pages) ----------------------------------

    def page(self, url: str) -> dict[str, Any] | None:
        """What the last fetch of a URL recorded (etag, last_modified, content_hash,
        fetched, status, document_id; links and listed for a list page; problem and failures for a
        page not archived), or None if it was never fetched."""
        return pages.page(self.conn, url)

    def record_page(self, url: str, **fields: Any) -> None:
        """Record (or update) some of a page's fetch state; unnamed fields keep their value."""
        with self.transaction() as conn:
            pages.record_page(conn, url, fields)


def _document_fields(doc: Document, text: str, now: str, extraction: Extraction | None = None,
                     extraction_error: str | None = None) -> dict[str, Any]:
    """The columns of a document's row but its source and import time: an extraction's
    title and date, when it found them, over the reader's."""
    return {
        "kind": doc.kind,
        "title": (extraction.title if extraction and extraction.title else doc.title),
        "published": iso(extraction.published if extraction and extraction.published else doc.published),
        "encoding": doc.encoding,
        "metadata": json.dumps(doc.metadata, ensure_ascii=False),
        "content_hash": content_hash(doc.raw),
        "updated": now,
        "extraction_error": extraction_error,
        "content": pack(text, doc.raw),
    }


def _insert_document(columns: list[str]) -> str:
    return f"INSERT INTO documents ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"


class _NotNew(Exception):
    """A document of ``save_new`` is not new after all: its group is rolled back."""


# A batch that wrote at least a fifth as many documents as the archive then holds
# merges the index into one segment at its end (``minutes.store.index.merge``): that costs
# as much as writing the whole index once, so growing by a fifth at least keeps the cost
# within five index writes per document, and small imports leave it to FTS5's merges.
_GREW_BY = 5

# A bulk import's page cache (``PRAGMA cache_size``: negative, in KiB): 64 MB.
_BATCH_CACHE_KB = -65536


@dataclass
class _Batch:
    every: int
    seconds: float
    began: float = 0.0
    writes: int = 0  # since the last commit
    documents: int = 0  # in all
    held: int = 0  # documents the archive held when the batch began
    index: list[IndexWrite] = field(default_factory=list)  # index writes of the open transaction


def content_hash(raw: bytes) -> str:
    """How the archive tells whether a source changed: sha256 of its raw bytes."""
    return hashlib.sha256(raw).hexdigest()


# ---------------------------------------------------------------------------------------


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
