"""The archive's schema: forward migrations, applied in order, each in the same
transaction as the version bump.

Append to ``MIGRATIONS``; never edit a migration that has shipped (an archive created by
an older minutes is upgraded by running the ones it lacks). A migration is an SQL script
or a function of the connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from minutes.errors import ArchiveError

# Version 1: documents and their versions, units, meetings, tasks, page state, the index.
# (Shipped text, kept as is: its comment names index_terms where it lived then; it is
# minutes.store.index.index_terms now.)
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

# Version 2: the history of a task, append-only. Status changes are recorded here (by
# ``Archive.set_status``); rows are never updated, and re-extraction carries them over to
# the task of the same text.
_SCHEMA_2 = """
CREATE TABLE task_events (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    by TEXT,
    from_status TEXT,
    to_status TEXT,
    note TEXT
);
CREATE INDEX task_events_task ON task_events(task_id);
"""

# Version 3: scrapers' page state: how many article links a list page had last time (a
# page that suddenly has none is a broken rule, not an empty list), and why a page could
# not be archived with how many runs in a row it failed (retried on later runs up to a cap).
_SCHEMA_3 = """
ALTER TABLE pages ADD COLUMN links INTEGER;
ALTER TABLE pages ADD COLUMN problem TEXT;
ALTER TABLE pages ADD COLUMN failures INTEGER;
"""

# Version 4: the supervision loop (minutes.store.lifecycle).
# - Statuses become the lifecycle's states. An archive of version 3 knew only open and
#   done and never numbered a 交办单, so no open task can be shown to have been issued:
#   open → 待交办 (issuing a sheet moves it on), done → 已办结; the history is renamed alike.
# - tasks.due_date: the current due date when it is not the extracted one (an extension
#   granted, the current occurrence of a recurring task); tasks.code: the task's code,
#   given when it is first issued and printed on the 交办单, the 回执 and the 台账.
# - task_events: the deadline requested or granted, the occurrence a report was for, and
#   the particulars of a returned 回执 (JSON: unit, 责任人, 联系电话, 办结日期, file).
# - register: every 交办单 issued, numbered per year without gaps (never deleted, so a
#   number is never given twice); counters: per-year serials (task codes);
#   feedback_files: returned files already imported, by content hash.
_SCHEMA_4 = """
ALTER TABLE tasks ADD COLUMN due_date TEXT;
ALTER TABLE tasks ADD COLUMN code TEXT;
CREATE UNIQUE INDEX tasks_code ON tasks(code);
ALTER TABLE task_events ADD COLUMN deadline TEXT;
ALTER TABLE task_events ADD COLUMN occurrence TEXT;
ALTER TABLE task_events ADD COLUMN details TEXT;
UPDATE tasks SET status = CASE status WHEN 'done' THEN '已办结' ELSE '待交办' END;
UPDATE task_events SET
    from_status = CASE from_status WHEN 'done' THEN '已办结' WHEN 'open' THEN '待交办' ELSE from_status END,
    to_status = CASE to_status WHEN 'done' THEN '已办结' WHEN 'open' THEN '待交办' ELSE to_status END;
CREATE TABLE register (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    n INTEGER NOT NULL,
    number TEXT NOT NULL,
    unit TEXT NOT NULL,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    tasks TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT,
    UNIQUE (year, n)
);
CREATE TABLE counters (
    name TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (name, year)
);
CREATE TABLE feedback_files (
    hash TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT,
    changes INTEGER NOT NULL
);
"""

def _compact_storage(conn: sqlite3.Connection) -> None:
    """Version 5: text and raw bytes as one compressed ``content`` blob
    (``minutes.store.content``), in documents and in their versions; the index rebuilt
    with terms for punctuation, a title-only index beside it, and no column sizes (bm25 is
    not used: its document count read every match of a query). The space the old columns
    took is reused by new rows; ``VACUUM`` gives it back to the file system."""
    from minutes.store.content import pack
    from minutes.store.index import index_document, tokenizer

    for table in ("documents", "document_versions"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN content BLOB")
        ids = [row[0] for row in conn.execute(f"SELECT id FROM {table} ORDER BY id")]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = conn.execute(
                f"SELECT id, text, original FROM {table} WHERE id BETWEEN ? AND ?", (chunk[0], chunk[-1])
            ).fetchall()
            conn.executemany(f"UPDATE {table} SET content = ? WHERE id = ?", [(pack(text, raw), i) for i, text, raw in rows])
        conn.execute(f"ALTER TABLE {table} DROP COLUMN text")
        conn.execute(f"ALTER TABLE {table} DROP COLUMN original")
    conn.execute("DROP TABLE documents_fts")
    conn.execute("DROP TABLE tasks_fts")
    for table, columns in (("documents_fts", "title, body, tasks"), ("titles_fts", "title"), ("tasks_fts", "text, units, deadline")):
        conn.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, content='', columnsize=0, tokenize=\"{tokenizer()}\")")
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        index_document(conn, doc_id)


# Version 6: a unit's tasks read from the index alone (the ledger of one unit, which in a
# large archive is thousands of tasks, no longer visits a task_units row per task).
_SCHEMA_6 = """
CREATE INDEX task_units_unit_task ON task_units(unit_id, task_id);
"""

def _index_without_marks(conn: sqlite3.Connection) -> None:
    """Version 7: the index rebuilt without punctuation terms (``minutes.store.index``):
    a tenth fewer terms, ~250 bytes less per announcement. Its rows are emptied with
    FTS5's 'delete-all' and written again from the stored documents, 500 at a time (one
    insert per table each). (~0.6 ms a document: a minute for 100,000.)"""
    from minutes.store.index import document_writes, write

    for table in ("documents_fts", "titles_fts", "tasks_fts"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
    for start in range(0, len(ids), 500):
        write(conn, [w for doc_id in ids[start : start + 500] for w in document_writes(conn, doc_id)])


def _list_links(conn: sqlite3.Connection) -> None:
    """Version 8: what a list page listed (its article links with their dates, next page,
    how the rule fared), so that a list page answering 304 Not Modified is not downloaded
    again and its links not archived yet are still tried (minutes.scrapers.run). The
    column is added only if missing: an archive whose version number was set back (to
    replay an earlier migration) already has it."""
    if "listed" not in {row[1] for row in conn.execute("PRAGMA table_info(pages)")}:
        conn.execute("ALTER TABLE pages ADD COLUMN listed TEXT")


# Version 9: an index table holds up to ``_PENDING_BYTES`` of new terms in memory before it
# writes them out (FTS5's 'hashsize', 1 MB by default, kept in the table's own
# configuration): a bulk import's batch of a few hundred documents becomes one segment
# at its commit instead of several, and the index's merges, which rewrite every segment
# level by level, have fewer levels to go (at 100,000 documents a third less index time
# per document, 0.59 → 0.41 ms). A single write is flushed at its commit as before.
_PENDING_BYTES = 16 * 2**20


def _larger_pending_terms(conn: sqlite3.Connection) -> None:
    for table in ("documents_fts", "titles_fts", "tasks_fts"):
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', {_PENDING_BYTES})")


MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    _SCHEMA_1, _SCHEMA_2, _SCHEMA_3, _SCHEMA_4, _compact_storage, _SCHEMA_6, _index_without_marks, _list_links,
    _larger_pending_terms,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, name: str, on_upgrade: Callable[[int], None] | None = None) -> None:
    """Bring the database on ``conn`` (autocommit mode) to ``SCHEMA_VERSION``; ``name``
    is how error messages call it. A new, empty database gets the whole schema.
    ``on_upgrade(version)`` is told before an existing archive of an older ``version`` is
    upgraded: some upgrades rebuild the index (a minute per 100,000 documents), and
    whoever waits should know why."""
    tables = _tables(conn)
    if "schema_version" in tables:
        row = conn.execute("SELECT version FROM schema_version").fetchone()
        version = row[0] if row else None
        if not isinstance(version, int) or version < 0:
            raise ArchiveError(f"{name} is damaged: its schema version is {version!r:.20}, not a number")
    elif tables:
        raise ArchiveError(f"{name} is an SQLite database but not a minutes archive")
    else:
        version = 0
    if version > SCHEMA_VERSION:
        raise ArchiveError(f"{name} was created by a newer minutes; upgrade")
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile.
        if "schema_version" not in _tables(conn):
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO schema_version VALUES (0)")
        version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
        if version and version < SCHEMA_VERSION and on_upgrade:
            on_upgrade(version)
        for migration in MIGRATIONS[version:]:
            if callable(migration):
                migration(conn)
            else:
                for statement in _statements(migration):
                    conn.execute(statement)
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _statements(script: str) -> list[str]:
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
