"""The full-text index: the terms a text is indexed under, and index rows for a document.

Chinese has no spaces, so the index (SQLite FTS5, ``unicode61``, contentless) is fed
terms made here: every run of Han characters becomes its overlapping bigrams (环境保护 →
环境 境保 保护; a run of one character is indexed as itself), every run of letters/digits
a lower-case word, and every other visible character (punctuation, symbols) a term of
its own, so that a query's punctuation is matched literally (民政府，市级 does not match
人民政府、市级). A mark's term is the character moved into the supplementary private-use
plane, which ``unicode61`` keeps as a token and which no word or Han run contains.

Three tables: ``documents_fts`` (title, body, tasks: what a search matches),
``titles_fts`` (titles alone: which matches are title hits, without reading the large
index) and ``tasks_fts``. All are contentless (the text lives once, compressed, in
``documents.content``) and keep no column sizes (ranking does not use bm25): a row is
removed with FTS5's 'delete' command, which must be given the very terms that were
inserted, computed here from stored rows only.
"""

from __future__ import annotations

import re
import sqlite3

from minutes.store.content import unpack_text

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TERMS = re.compile(f"(?P<han>[{_HAN}]+)|(?P<word>[^\\W_{_HAN}]+)|(?P<mark>\\S)")
_MARK_PLANE = 0xF0000


def text_runs(text: str) -> list[tuple[str, str]]:
    """("han" | "word" | "mark", run) in order; a mark is one character."""
    return [(m.lastgroup, m.group()) for m in _TERMS.finditer(text)]


def run_terms(kind: str, run: str) -> list[str]:
    """The terms of one run: a word itself, lower-cased; a mark's private-use stand-in;
    Han bigrams (or the lone character)."""
    if kind == "word":
        return [run.lower()]
    if kind == "mark":
        return [chr(_MARK_PLANE + ord(run) % 0xFFFE)]
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_terms(text: str) -> str:
    """The space-separated terms a text is indexed under."""
    terms: list[str] = []
    add = terms.append
    for match in _TERMS.finditer(text):
        run = match.group()
        kind = match.lastgroup
        if kind == "han":
            if len(run) == 1:
                add(run)
            else:
                terms.extend(map(str.__add__, run, run[1:]))
        elif kind == "word":
            add(run.lower())
        else:
            add(chr(_MARK_PLANE + ord(run) % 0xFFFE))
    return " ".join(terms)


def index_document(conn: sqlite3.Connection, doc_id: int, *, title: str | None = None, text: str | None = None) -> None:
    """Index a stored document and its tasks (inside the caller's transaction). ``title``
    and ``text``, when the caller has them, spare reading them back."""
    document, tasks = _values(conn, doc_id, title, text)
    conn.execute("INSERT INTO documents_fts (rowid, title, body, tasks) VALUES (?, ?, ?, ?)", document)
    conn.execute("INSERT INTO titles_fts (rowid, title) VALUES (?, ?)", document[:2])
    if tasks:
        conn.executemany("INSERT INTO tasks_fts (rowid, text, units, deadline) VALUES (?, ?, ?, ?)", tasks)


def unindex_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Remove a document and its tasks from the index, before its rows change."""
    document, tasks = _values(conn, doc_id)
    conn.execute("INSERT INTO documents_fts (documents_fts, rowid, title, body, tasks) VALUES ('delete', ?, ?, ?, ?)", document)
    conn.execute("INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', ?, ?)", document[:2])
    conn.executemany("INSERT INTO tasks_fts (tasks_fts, rowid, text, units, deadline) VALUES ('delete', ?, ?, ?, ?)", tasks)


def _values(conn: sqlite3.Connection, doc_id: int, title: str | None = None, text: str | None = None) -> tuple[tuple, list[tuple]]:
    """The terms a document and its tasks are indexed under, computed from stored rows
    only (never from aliases that later documents may add), so that deleting gives
    the index exactly what inserting gave it."""
    if text is None:
        title, content = conn.execute("SELECT title, content FROM documents WHERE id = ?", (doc_id,)).fetchone()
        text = unpack_text(content)
    tasks = []
    task_words = []
    for task_id, task_text, deadline in conn.execute(
        "SELECT id, text, coalesce(deadline_text, '') FROM tasks WHERE document_id = ? ORDER BY id", (doc_id,)
    ).fetchall():
        names = [
            name
            for row in conn.execute(
                "SELECT tu.name, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id WHERE tu.task_id = ?"
                " ORDER BY tu.rowid",
                (task_id,),
            )
            for name in dict.fromkeys(tuple(row))
        ]
        units = index_terms(" ".join(names))
        tasks.append((task_id, index_terms(task_text), units, index_terms(deadline)))
        task_words.append(f"{index_terms(task_text)} {units}")
    return (doc_id, index_terms(title or ""), index_terms(text), " ".join(task_words)), tasks
