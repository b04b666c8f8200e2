"""Chinese full-text search over the archive.

The index (``minutes.store.index``) holds the Han bigrams and words of every document
and task. A query gets the same treatment and becomes one FTS5 phrase, so any run of two or
more Han characters that occurs in a document's normalized text finds that document.

A Han character standing alone in the query (第 of 第3号, or a one-character query)
has no term of its own in the index: it is dropped from the phrase, which still narrows
the candidates, and each candidate is then checked for the literal query (a plain scan
when nothing else is left). A lone character at the end of the query becomes a prefix
term (2025年 → 2025 年*), which needs no check.

Ranking is bm25 (a hit in the title weighs most) over the newest ``RANKED_AT_MOST``
matches (highest ids = imported last): a query that matches most of a large archive
(环境) is ranked among recent documents instead of costing time in proportion to the
archive; any query matching fewer documents is ranked over all of them.

The user's query is never FTS5 syntax: quotes, AND/OR/NOT, ``*``, ``-`` and parentheses
are text. ``advanced=True`` accepts FTS5 operators (AND, OR, NOT, parentheses, quoted
phrases, a trailing ``*``) between terms, each term matched as a phrase.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from minutes.errors import QueryError
from minutes.store.index import run_terms, text_runs
from minutes.store.records import StoredTask, iso, to_plain

if TYPE_CHECKING:
    from minutes.store.archive import Archive

# Ranking weights of documents_fts columns (title, body, tasks): a hit in the title counts most.
_DOCUMENT_WEIGHTS = (5.0, 1.0, 2.0)
_TASK_WEIGHTS = (1.0, 2.0, 1.0)
SNIPPET_BEFORE, SNIPPET_AFTER = 30, 70
# How many matches, newest first, a search ranks (see the module docstring).
RANKED_AT_MOST = 2000


@dataclass
class Hit:
    """A document (or, for a task search, a task) that matches a query.

    ``snippet`` is a piece of the normalized text around the first match and
    ``highlights`` the ``(start, end)`` offsets of the matches inside it.
    """

    document_id: int
    source: str
    title: str | None
    published: date | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    task: StoredTask | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


# ---------------------------------------------------------------------------------------
# Queries


def _phrases(text: str) -> tuple[list[str], bool]:
    """FTS5 phrases that every text containing ``text`` matches, and whether that is all
    it takes (False: the candidates must be checked for the literal text)."""
    runs = text_runs(text)
    phrases: list[str] = []
    current: list[str] = []
    exact = True
    for i, (kind, run) in enumerate(runs):
        if kind == "han" and len(run) == 1:
            if i == len(runs) - 1 and current:
                phrases.append(_phrase([*current, run]) + "*")
                current = []
                continue
            # In the text this character may be the second half of a bigram: no term to ask for.
            exact = False
            if current:
                phrases.append(_phrase(current))
                current = []
            continue
        current.extend(run_terms(kind, run))
    if current:
        phrases.append(_phrase(current))
    if not phrases:
        exact = False
    return phrases, exact


def _phrase(terms: list[str]) -> str:
    return '"' + " ".join(terms) + '"'


_ADVANCED = re.compile(r'\s*(?:(?P<op>\bAND\b|\bOR\b|\bNOT\b|\(|\))|"(?P<quoted>[^"]*)"(?P<qstar>\*?)|(?P<bare>[^\s()"]+))')


def _advanced_expression(query: str) -> str:
    """An FTS5 expression from a query using AND/OR/NOT, parentheses, "phrases" and a
    trailing * on a term; each term, normalized, is matched as the phrase of its bigrams.
    (Normalizing the whole query first would turn the parentheses full-width.)"""
    parts: list[str] = []
    position = 0
    query = query.strip()
    while position < len(query):
        match = _ADVANCED.match(query, position)
        if not match or match.end() == position:
            raise QueryError(f"cannot read the search query at: {query[position:]}")
        position = match.end()
        if match.group("op"):
            parts.append(match.group("op"))
            continue
        text = match.group("quoted") if match.group("quoted") is not None else match.group("bare")
        star = match.group("qstar") or ""
        if match.group("bare") and text.endswith("*"):
            text, star = text.rstrip("*"), "*"
        terms = [term for kind, run in text_runs(normalize_query(text)) for term in run_terms(kind, run)]
        if not terms:
            raise QueryError(f"nothing to search for in {text!r}")
        parts.append(_phrase(terms) + star)
    if not parts:
        raise QueryError("empty search query")
    return " ".join(parts)


# ---------------------------------------------------------------------------------------
# Search


def normalize_query(query: str) -> str:
    """The query as the archive's text is written: Simplified, normalized punctuation."""
    from minutes.nlp.normalize import normalize_text

    return normalize_text(query).strip()


def _is_text(value: str) -> bool:
    """False for bytes the command line could not decode (kept as lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def search(
    archive: Archive,
    query: str,
    *,
    tasks: bool = False,
    advanced: bool = False,
    since: date | str | None = None,
    until: date | str | None = None,
    source: str | None = None,
    unit: str | None = None,
    limit: int = 20,
) -> list[Hit]:
    """Documents (or tasks, ``tasks=True``) matching ``query``, best first (bm25, title
    weighted). Filters: ``since``/``until`` on the published date (inclusive), ``source``
    a substring of the source path or URL, ``unit`` a unit the document's tasks name
    (canonical name or alias, see ``Archive.unit_ids``)."""
    for name, value in (("query", query), ("--source", source), ("--unit", unit)):
        if value and not _is_text(value):
            raise QueryError(f"the {name} is not valid UTF-8 text (check the terminal's encoding)")
    text = normalize_query(query)
    if not text:
        raise QueryError("empty search query")
    if advanced:
        phrases, exact = [_advanced_expression(query)], True
    else:
        phrases, exact = _phrases(text)
    table = "tasks_fts" if tasks else "documents_fts"
    weights = _TASK_WEIGHTS if tasks else _DOCUMENT_WEIGHTS
    where: list[str] = []
    params: dict[str, Any] = {"limit": max(int(limit), 0), "q": text.lower()}
    if not exact:
        haystack = "t.text || char(10) || coalesce(t.deadline_text, '')" if tasks else "coalesce(d.title, '') || char(10) || d.text"
        where.append(f"instr(lower({haystack}), :q) > 0")
    if since:
        where.append("d.published >= :since")
        params["since"] = iso(since)
    if until:
        where.append("d.published <= :until")
        params["until"] = iso(until)
    if source:
        where.append("instr(d.source, :source) > 0")
        params["source"] = source
    # Rows are joined only when a condition reads them: ranking alone needs the index only.
    joined = bool(where)
    if phrases:
        key, newest = "f.rowid", "f.rowid"
        rank = f"bm25({table}, {', '.join(map(str, weights))})"
        from_ = f"{table} f"
        if joined:
            from_ += " JOIN tasks t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id" if tasks else " JOIN documents d ON d.id = f.rowid"
        where.append(f"{table} MATCH :match")
        params["match"] = " AND ".join(f"({p})" for p in phrases) if len(phrases) > 1 else phrases[0]
    else:
        key = newest = "t.id" if tasks else "d.id"
        rank = "0.0"
        from_ = "tasks t JOIN documents d ON d.id = t.document_id" if tasks else "documents d"
    if unit:
        units = ", ".join(str(i) for i in archive.unit_ids(unit))
        by_unit = (
            f"SELECT task_id FROM task_units WHERE unit_id IN ({units})"
            if tasks
            else f"SELECT t.document_id FROM tasks t JOIN task_units tu ON tu.task_id = t.id WHERE tu.unit_id IN ({units})"
        )
        where.append(f"{key} IN ({by_unit})")
    # The newest RANKED_AT_MOST matches are ranked: bm25 costs per match, and a query that
    # matches most of a large archive (环境) would otherwise be ranked over all of it.
    # Ids first, then the text of the few kept: the sorter never carries texts.
    candidates = (
        f"SELECT {key} AS id, {rank} AS score FROM {from_} WHERE {' AND '.join(where)}"
        f" ORDER BY {newest} DESC LIMIT {RANKED_AT_MOST}"
    )
    sql = f"SELECT id, score FROM ({candidates}) ORDER BY score, id DESC LIMIT :limit"
    try:
        ranked = archive.conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        if advanced:
            raise QueryError(f"cannot read the search query: {error}") from None
        raise
    return [_task_hit(archive, row, text) for row in ranked] if tasks else [_document_hit(archive, row, text) for row in ranked]


def _document_hit(archive: Archive, row: sqlite3.Row, query: str) -> Hit:
    # Only the few columns a hit shows: a whole StoredDocument would read every task.
    doc = archive.conn.execute("SELECT id, source, title, published, text FROM documents WHERE id = ?", (row["id"],)).fetchone()
    snippet, highlights = make_snippet(doc["text"], query)
    published = date.fromisoformat(doc["published"]) if doc["published"] else None
    return Hit(doc["id"], doc["source"], doc["title"], published, row["score"], snippet, highlights)


def _task_hit(archive: Archive, row: sqlite3.Row, query: str) -> Hit:
    task = archive.task(row["id"])
    snippet, highlights = make_snippet(task.text, query)
    return Hit(
        task.document_id, task.document_source, task.document_title, task.document_published, row["score"], snippet,
        highlights, task,
    )


def make_snippet(text: str, query: str) -> tuple[str, list[tuple[int, int]]]:
    """A readable piece of ``text`` around the first occurrence of the query (or, failing
    that, of its longest word or Han run), and where the matches are inside it."""
    needles = [query] + sorted((run for _, run in text_runs(query)), key=len, reverse=True)
    lowered = text.lower()
    for needle in needles:
        needle = needle.lower()
        first = lowered.find(needle) if needle else -1
        if first >= 0:
            break
    else:
        return _one_line(text[: SNIPPET_BEFORE + SNIPPET_AFTER]), []
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(text), first + len(needle) + SNIPPET_AFTER)
    window = lowered[start:end]
    highlights = []
    at = window.find(needle)
    while at >= 0:
        highlights.append((at, at + len(needle)))
        at = window.find(needle, at + len(needle))
    # Newlines become spaces one-for-one, so offsets stay valid.
    return _one_line(text[start:end]), highlights


def _one_line(text: str) -> str:
    return text.replace("\n", " ").replace("\t", " ")
