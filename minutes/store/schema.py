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


def _compact_storage(conn: sqlite3.Connection) -> None:
    """Version 3: text and raw bytes as one compressed ``content`` blob
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


MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [_SCHEMA_1, _SCHEMA_2, _compact_storage]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, name: str) -> None:
    """Bring the database on ``conn`` (autocommit mode) to ``SCHEMA_VERSION``; ``name``
    is how error messages call it. A new, empty database gets the whole schema."""
    tables = _tables(conn)
    if "schema_version" in tables:
        version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
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
