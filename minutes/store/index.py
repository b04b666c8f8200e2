"""The full-text index: the terms a text is indexed under, and index rows for a document.

Chinese has no spaces, so the index (SQLite FTS5, contentless) is fed
terms made here: every run of Han characters becomes its overlapping bigrams (环境保护 →
环境 境保 保护; a run of one character is indexed as itself) and every run of
letters/digits a lower-case word. Punctuation and symbols are no terms (up to schema
version 6 the marks of ``MARKS`` were: a tenth of all terms, ~250 bytes of index per
announcement): the terms on either side of a mark are neighbours in the index, so a
query's phrase spans it, and ``minutes.store.search`` checks the matches of a query
holding a mark for the literal query, so that 民政府，市级 does not find 人民政府、市级.

Three tables: ``documents_fts`` (title, body, tasks: what a search matches),
``titles_fts`` (titles alone: which matches are title hits, without reading the large
index) and ``tasks_fts``. All are contentless (the text lives once, compressed, in
``documents.content``) and keep no column sizes (ranking does not use bm25): a row is
removed with FTS5's 'delete' command, which must be given the very terms that were
inserted, computed here from stored rows only.
"""

from __future__ import annotations

import functools
import re
import sqlite3

from minutes.store.content import unpack_text

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Marks that were indexed as terms until schema version 6 (the tables' tokenizer still
# keeps the ASCII ones whole: a table is never made with another tokenizer): ASCII
# punctuation and symbols but quotes, general punctuation (—…‘’“”※), CJK punctuation
# (，、。《》【】), full-width punctuation (（）：；！？), · × ÷.
MARKS = "!#-&(-/:-@\\[-`{-~\u00b7\u00d7\u00f7\u2010-\u205e\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_RUNS = f"(?P<han>[{_HAN}]+)|(?P<word>[^\\W_{_HAN}]+)"  # of Han characters, of word characters
_TERMS = re.compile(f"{_RUNS}|(?P<mark>\\S)")


def text_runs(text: str) -> list[tuple[str, str]]:
    """("han" | "word" | "mark", run) in order; a mark is any other visible character."""
    return [(m.lastgroup, m.group()) for m in _TERMS.finditer(text)]


def run_terms(kind: str, run: str) -> list[str]:
    """The terms of one run: a word itself, lower-cased; Han bigrams (or the lone
    character); none for a mark."""
    if kind == "word":
        return [run.lower()]
    if kind == "mark":
        return []
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_terms(text: str) -> str:
    """The space-separated terms a text is indexed under (``run_terms`` of its runs).

    Built over arrays of code points (numpy) rather than term by term: a document has
    ~1,500 terms, and making each a Python string cost more than the rest of its index
    write. At each position: the bigram starting there (a Han character followed by
    one), a lone Han character, a word character (a space after the last of a word);
    the last character of a Han run starts no term. A string shorter than ``_SHORT`` (a
    title, a unit's name) is read run by run: the arrays' set-up costs more there."""
    import numpy as np

    text = text.lower()
    if len(text) < _SHORT:
        return _terms_by_runs(text)
    # (two bytes a code when every character has one, most texts: half the memory to go through)
    try:
        encoding = "utf-16-le"
        data = text.encode(encoding)
        if len(data) != 2 * len(text):  # a character beyond the Basic Multilingual Plane
            encoding = "utf-32-le"
            data = text.encode(encoding)
    except UnicodeEncodeError:  # a lone surrogate (text decoded with surrogateescape)
        return _terms_by_runs(text)
    codes = np.frombuffer(data, dtype=np.uint16 if encoding == "utf-16-le" else np.uint32)
    han, word = _classes(codes)
    han_after, word_after = np.zeros_like(han), np.zeros_like(word)
    han_after[:-1], word_after[:-1] = han[1:], word[1:]
    pair = han & han_after
    lone = han & ~han_after
    lone[1:] &= ~han[:-1]
    term = pair | lone
    # three slots per position: the character, the one after it (a bigram's second), a space
    slots = np.empty((len(codes), 3), dtype=codes.dtype)
    slots[:, 0], slots[:-1, 1], slots[:, 2] = codes, codes[1:], 32
    kept = np.empty((len(codes), 3), dtype=bool)
    kept[:, 0], kept[:, 1], kept[:, 2] = term | word, pair, term | word & ~word_after
    return slots[kept].tobytes().decode(encoding)[:-1]


# Below this length (characters), ``index_terms`` reads a string run by run: measured
# crossover of the two ways, ~25 µs each at 40 characters.
_SHORT = 40


def _terms_by_runs(text: str) -> str:
    return " ".join(term for kind, run in text_runs(text) for term in run_terms(kind, run))


def _classes(codes):  # numpy arrays: (Han, word character) for each code point
    import numpy as np

    if codes.dtype == np.uint16:  # (each class looked up in a table of its own: no comparison after)
        return _bmp_han()[codes], _bmp_word()[codes]
    if codes.max() <= 0xFFFF:
        kind = _bmp_kinds()[codes]
    else:  # other planes (rare): Han by range, letters and digits looked up one by one
        kind = _bmp_kinds()[np.minimum(codes, 0xFFFF)]
        beyond = codes > 0xFFFF
        kind[beyond] = [_kind(chr(code)) for code in codes[beyond].tolist()]
    return kind == _HAN_KIND, kind == _WORD_KIND


_HAN_KIND, _WORD_KIND = 1, 2


@functools.cache
def _bmp_kinds():
    """For each code point of the Basic Multilingual Plane: a Han character (1), a word
    character (2: what ``[^\\W_]`` matches, a letter or digit to ``str.isalnum``) or
    neither (0). (Read from the runs of all of them in one string: a few thousand
    matches, not one per code point.)"""
    import numpy as np

    kinds = np.zeros(0x10000, dtype=np.uint8)
    for run in re.finditer(_RUNS, "".join(map(chr, range(0x10000)))):
        kinds[run.start() : run.end()] = _KINDS[run.lastgroup]
    return kinds


@functools.cache
def _bmp_han():
    return _bmp_kinds() == _HAN_KIND


@functools.cache
def _bmp_word():
    return _bmp_kinds() == _WORD_KIND


_KINDS = {"han": _HAN_KIND, "word": _WORD_KIND, "mark": 0}


def _kind(char: str) -> int:
    return _KINDS[run.lastgroup] if (run := _TERMS.match(char)) else 0


def tokenizer() -> str:
    """The FTS5 tokenize option that keeps every term whole. The terms come lower-cased
    and space-separated, so FTS5's ``ascii`` tokenizer serves (a fifth faster than
    ``unicode61``): non-ASCII characters are token characters to it, the ASCII marks are
    made so (terms until schema version 6; no term holds one now, and every table is made
    with this same option)."""
    mark = re.compile(f"[{MARKS}]")
    return "ascii tokenchars '" + "".join(chr(c) for c in range(0x80) if mark.match(chr(c))) + "'"


# One index write: the table, the SQL statement and the parameter rows it is run with.
IndexWrite = tuple[str, str, list[tuple]]

_INSERT = {
    "documents_fts": "INSERT INTO documents_fts (rowid, title, body, tasks) VALUES (?, ?, ?, ?)",
    "titles_fts": "INSERT INTO titles_fts (rowid, title) VALUES (?, ?)",
    "tasks_fts": "INSERT INTO tasks_fts (rowid, text, units, deadline) VALUES (?, ?, ?, ?)",
}
_DELETE = {
    "documents_fts": "INSERT INTO documents_fts (documents_fts, rowid, title, body, tasks) VALUES ('delete', ?, ?, ?, ?)",
    "titles_fts": "INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', ?, ?)",
    "tasks_fts": "INSERT INTO tasks_fts (tasks_fts, rowid, text, units, deadline) VALUES ('delete', ?, ?, ?, ?)",
}


def merge(conn: sqlite3.Connection) -> None:
    """Each index table as one segment (FTS5's 'optimize'). FTS5 keeps a table as
    segments, a few of each size (a commit writes one, merges fold four of a size into
    one of the next): ten to twenty of them in an archive of 100,000 documents. A
    phrase query looks each of its terms up in every segment, which costs more than
    walking its matches (8 characters at 100,000 documents: 0.45 ms against 0.10 ms in
    one segment), so the segments' number, more than the archive's size, sets how long a
    search takes. Rewrites the whole index: ~5 CPU seconds per 100,000 documents."""
    for table in _INSERT:
        conn.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")


def document_writes(
    conn: sqlite3.Connection, doc_id: int, *, delete: bool = False, title: str | None = None, text: str | None = None,
    tasks: bool = True,
) -> list[IndexWrite]:
    """The index writes that add a stored document and its tasks to the index, or with
    ``delete`` remove them (computed before its rows change). ``title`` and ``text``,
    when the caller has them, spare reading them back; ``tasks=False``, when the caller
    knows the document has none, spares looking for them. Computing them reads the
    document's rows now; running them (``write``) may come later, in order, as a bulk
    import does once per batch."""
    document, task_rows = _values(conn, doc_id, title, text, tasks)
    sql = _DELETE if delete else _INSERT
    writes = [("documents_fts", sql["documents_fts"], [document]), ("titles_fts", sql["titles_fts"], [document[:2]])]
    return writes + [("tasks_fts", sql["tasks_fts"], task_rows)] if task_rows else writes


def write(conn: sqlite3.Connection, writes: list[IndexWrite], *, merging: bool = True) -> None:
    """Run index writes: table by table, each table's in their order (a row deleted
    and inserted again stays so), consecutive ones of the same statement in one
    ``executemany`` (a batch of documents: one per table).

    ``merging=False``, for writes that ``merge`` will fold into one segment anyway (a
    bulk import that grows the archive enough to merge at its end): the new terms are
    written out now, as a segment of their own, without FTS5's merges, which would
    rewrite the index of earlier batches level by level only for the final merge to
    rewrite it again (a tenth of a 100,000-document import). FTS5 keeps its merge
    setting ('automerge') in the table: it is turned off and back on inside the
    caller's transaction, so a crash leaves it as it was. (A level that reaches sixteen
    segments is still merged: FTS5's 'crisismerge'.)"""
    if not merging:
        settings = {table: _automerge(conn, table) for table in dict.fromkeys(table for table, _, _ in writes)}
        for table in settings:
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0)")
        write(conn, writes)
        # (a savepoint makes FTS5 write out the terms it holds, with the setting of now)
        conn.execute("SAVEPOINT index_terms")
        conn.execute("RELEASE index_terms")
        for table, setting in settings.items():
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', ?)", (setting,))
        return
    for table in dict.fromkeys(table for table, _, _ in writes):
        runs: list[tuple[str, list[tuple]]] = []
        for _, sql, rows in (w for w in writes if w[0] == table):
            if runs and runs[-1][0] == sql:
                runs[-1][1].extend(rows)
            else:
                runs.append((sql, list(rows)))
        for sql, rows in runs:
            conn.executemany(sql, rows)


def _automerge(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
    return row[0] if row else _FTS5_AUTOMERGE


_FTS5_AUTOMERGE = 4  # FTS5's own default, when a table was never given one


def index_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Index a stored document and its tasks now (inside the caller's transaction)."""
    write(conn, document_writes(conn, doc_id))


def _values(
    conn: sqlite3.Connection, doc_id: int, title: str | None = None, text: str | None = None, with_tasks: bool = True
) -> tuple[tuple, list[tuple]]:
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
    ).fetchall() if with_tasks else ():
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
