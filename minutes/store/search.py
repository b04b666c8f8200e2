"""Chinese full-text search over the archive.

The index (``minutes.store.index``) holds the Han bigrams and words of every document
and task. A query gets the same treatment and becomes one FTS5 phrase, so any run of two or
more Han characters that occurs in a document's normalized text finds that document.

Punctuation is not indexed: the terms on either side of a mark are neighbours, in the
index as in the query's phrase, and the candidates are checked for the literal query
(so 府，市 does not find 府、市).

A Han character standing alone in the query (第 of 第3号, or a one-character query)
has no term of its own in the index: it is dropped from the phrase, which still narrows
the candidates, and each candidate is then checked for the literal query (a plain scan
when nothing else is left). A lone character at the end of the query becomes a prefix
term (2025年 → 2025 年*), which needs no check.

Ranking never reads every match (bm25 does: its document count for the query's phrase
costs as much as the match list is long). A query is one phrase, so what tells matches
apart is whether the title has it, how often the text has it for its length, and age:
title hits come first (found in the small title index, across the whole archive), then
the newest ``RANKED_AT_MOST`` matches of the text (highest ids = imported last) are
ranked by occurrences for their length (bm25's saturation, without its document
frequency, which is the same for every hit of one phrase). A query that matches most of
a large archive (环境) is thus ranked among recent documents instead of costing time in
proportion to the archive.

The user's query is never FTS5 syntax: quotes, AND/OR/NOT, ``*``, ``-`` and parentheses
are text. ``advanced=True`` accepts FTS5 operators (AND, OR, NOT, parentheses, quoted
phrases, a trailing ``*``) between terms, each term matched as a phrase.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from minutes.errors import QueryError
from minutes.store.content import unpack_text
from minutes.store.index import run_terms, text_runs
from minutes.store.records import StoredTask, iso, to_plain

if TYPE_CHECKING:
    from minutes.store.archive import Archive

# Weights of a task's fields (text, unit names, deadline) in its score.
_TASK_WEIGHTS = (1.0, 2.0, 1.0)
SNIPPET_BEFORE, SNIPPET_AFTER = 30, 70
# How many matches, newest first, a search ranks by their text (see the module
# docstring): each costs reading and decompressing one text (~20 µs with decoding).
RANKED_AT_MOST = 20
# A page's total counts the matches up to here, newest first; past it the total is a
# lower bound ("2000 条以上"). Counting ids without ranking them costs ~2 ms per 2,000.
COUNTED_AT_MOST = 2000
# bm25's term-frequency saturation and length normalization.
_K1, _B = 1.2, 0.75


@dataclass
class Hit:
    """A document (or, for a task search, a task) that matches a query.

    ``snippet`` is a piece of the normalized text around the first match and
    ``highlights`` the ``(start, end)`` offsets of the matches inside it. ``score``:
    lower is better (negative, as bm25 gave it): a title hit counts -1, occurrences
    in the text for its length up to almost -1 more.
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
        terms = run_terms(kind, run)
        if not terms:  # a quote or a rare symbol: not in the index, checked in the text
            exact = False
        current.extend(terms)
    if current:
        phrases.append(_phrase(current))
    if not phrases:
        exact = False
    return phrases, exact


def _phrase(terms: list[str]) -> str:
    return '"' + " ".join(terms) + '"'


_ADVANCED = re.compile(r'\s*(?:(?P<op>\bAND\b|\bOR\b|\bNOT\b|\(|\))|"(?P<quoted>[^"]*)"(?P<qstar>\*?)|(?P<bare>[^\s()"]+))')


def _advanced_expression(query: str) -> tuple[str, list[str]]:
    """An FTS5 expression from a query using AND/OR/NOT, parentheses, "phrases" and a
    trailing * on a term; each term, normalized, is matched as the phrase of its bigrams.
    (Normalizing the whole query first would turn the parentheses full-width.) Also the
    normalized terms, whose occurrences rank the matches."""
    parts: list[str] = []
    needles: list[str] = []
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
        normalized = normalize_query(text)
        terms = [term for kind, run in text_runs(normalized) for term in run_terms(kind, run)]
        if not terms:
            raise QueryError(f"nothing to search for in {text!r}")
        parts.append(_phrase(terms) + star)
        needles.append(normalized)
    if not parts:
        raise QueryError("empty search query")
    return " ".join(parts), needles


# ---------------------------------------------------------------------------------------
# Search


def normalize_query(query: str) -> str:
    """The query as the archive's text is written: Simplified, normalized punctuation."""
    from minutes.nlp.text import normalize_text

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
    status: str | None = None,
    limit: int = 20,
) -> list[Hit]:
    """Documents (or tasks, ``tasks=True``) matching ``query``, best first (title hits,
    then occurrences for the length; see the module docstring). Filters:
    ``since``/``until`` on the published date (inclusive), ``source`` a substring of the
    source path or URL, ``unit`` a unit the document's tasks name (canonical name or
    alias, see ``Archive.unit_ids``), ``status`` a task status (task searches only)."""
    return search_page(
        archive, query, tasks=tasks, advanced=advanced, since=since, until=until, source=source, unit=unit,
        status=status, per_page=limit, count=False,
    ).hits


@dataclass
class Results:
    """One page of hits and how many matched in all; ``capped``: the total is a lower
    bound (more than ``COUNTED_AT_MOST`` matches, or a literal scan that stopped early)."""

    hits: list[Hit]
    total: int
    capped: bool = False


def search_page(
    archive: Archive,
    query: str,
    *,
    tasks: bool = False,
    advanced: bool = False,
    since: date | str | None = None,
    until: date | str | None = None,
    source: str | None = None,
    unit: str | None = None,
    status: str | None = None,
    page: int = 1,
    per_page: int = 20,
    count: bool = True,
) -> Results:
    """Page ``page`` (from 1) of ``search``'s hits, ``per_page`` to a page, with the total.
    The newest ``RANKED_AT_MOST`` matches (or as many as the page reaches) are ranked.
    ``count=False`` leaves the matches uncounted for a caller that shows no total (the
    total is then the hits found, marked capped): counting a phrase of many common
    bigrams up to ``COUNTED_AT_MOST`` costs more than finding and ranking its page."""
    for name, value in (("query", query), ("--source", source), ("--unit", unit)):
        if value and not _is_text(value):
            raise QueryError(f"the {name} is not valid UTF-8 text (check the terminal's encoding)")
    text = normalize_query(query)
    if not text:
        raise QueryError("empty search query")
    if advanced:
        expression, needles = _advanced_expression(query)
        phrases, exact = [expression], True
    else:
        (phrases, exact), needles = _phrases(text), [text]
    per_page = max(int(per_page), 0)
    offset = max(int(page) - 1, 0) * per_page
    if status and not tasks:
        raise QueryError("a status filter applies to task searches only")
    where, params = _filters(archive, tasks, since, until, source, unit, status)
    if phrases:
        params["match"] = " AND ".join(f"({p})" for p in phrases) if len(phrases) > 1 else phrases[0]
    try:
        if tasks:
            results = _search_tasks(archive, bool(phrases), exact, text, needles, where, params, offset + per_page, count)
        else:
            results = _search_documents(
                archive, bool(phrases), exact, advanced, text, needles, where, params, offset + per_page, count
            )
    except sqlite3.OperationalError as error:
        if advanced:
            raise QueryError(f"cannot read the search query: {error}") from None
        raise
    results.hits = results.hits[offset:]
    return results


def _filters(
    archive: Archive, tasks: bool, since: date | str | None, until: date | str | None, source: str | None,
    unit: str | None, status: str | None,
) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on ``d`` (documents) and, for a task search, ``t`` (tasks)."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if since:
        where.append("d.published >= :since")
        params["since"] = iso(since)
    if until:
        where.append("d.published <= :until")
        params["until"] = iso(until)
    if source:
        where.append("instr(d.source, :source) > 0")
        params["source"] = source
    if status:
        where.append("t.status = :status")
        params["status"] = status
    if unit:
        units = ", ".join(str(i) for i in archive.unit_ids(unit))
        where.append(
            f"t.id IN (SELECT task_id FROM task_units WHERE unit_id IN ({units}))"
            if tasks
            else f"d.id IN (SELECT t.document_id FROM tasks t JOIN task_units tu ON tu.task_id = t.id WHERE tu.unit_id IN ({units}))"
        )
    return where, params


def _matching(table: str, where: list[str], *, tasks: bool = False) -> str:
    """Ids of the rows of an index table matching ``:match`` and the filters, newest
    first: FTS5 walks its lists from the highest rowid down and stops at the LIMIT."""
    rows = " JOIN tasks t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id" if tasks else " JOIN documents d ON d.id = f.rowid"
    joined = rows if where else ""
    return f"SELECT f.rowid FROM {table} f{joined} WHERE {' AND '.join([f'{table} MATCH :match', *where])} ORDER BY f.rowid DESC"


def _search_documents(
    archive: Archive, phrases: bool, exact: bool, advanced: bool, text: str, needles: list[str],
    where: list[str], params: dict[str, Any], limit: int, count: bool,
) -> Results:
    conn = archive.conn
    window = max(RANKED_AT_MOST, limit)
    if exact:
        title_ids: set[int] = set()
        if not advanced:  # an expression (NOT ...) may hold in the title alone but not in the document
            title_ids = {row[0] for row in conn.execute(f"{_matching('titles_fts', where)} LIMIT {window}", params)}
        ids = list(title_ids)
        matches = None  # the newest matches of the text, titles included
        if len(title_ids) < limit:
            matches = [row[0] for row in conn.execute(f"{_matching('documents_fts', where)} LIMIT {window}", params)]
            ids += matches
        rows = _documents(conn, ids)
        complete = matches is not None and len(matches) < window  # title hits are matches of the text too
        total, capped = _total(conn, _matching("documents_fts", where), params, len(rows), complete, count)
    else:
        # A character with no term of its own: candidates (narrowed by the query's
        # phrases, if any), newest first, are checked for the literal query.
        candidates = (
            conn.execute(_matching("documents_fts", where), params)
            if phrases
            else conn.execute(f"SELECT d.id FROM documents d WHERE {' AND '.join(where) or '1'} ORDER BY d.id DESC", params)
        )
        rows = []
        while len(rows) < window and (chunk := candidates.fetchmany(window)):
            rows += [row for row in _documents(conn, [c[0] for c in chunk]) if _contains(row, text)]
        capped = bool(candidates.fetchone())  # stopped with candidates left unchecked
        candidates.close()
        total = len(rows)
        title_ids = {row[0] for row in rows if _occurrences(row[2] or "", text)}
    if advanced:
        title_ids = {row[0] for row in rows if any(_occurrences(row[2] or "", needle) for needle in needles)}
    average = sum(len(row[4]) for row in rows) / len(rows) if rows else 1.0
    scored = sorted(
        ((-((row[0] in title_ids) + _relevance(row[4], needles, average)), row) for row in rows),
        key=lambda item: (item[0], -item[1][0]),
    )
    hits = []
    for score, (doc_id, source, title, published, body) in scored[:limit]:
        snippet, highlights = make_snippet(body, text)
        hits.append(Hit(doc_id, source, title, date.fromisoformat(published) if published else None, score, snippet, highlights))
    return Results(hits, total, capped)


def _total(conn: sqlite3.Connection, matching: str, params: dict[str, Any], known: int, complete: bool,
           count: bool) -> tuple[int, bool]:
    """How many rows ``matching`` yields, and whether that is a lower bound. ``known``: how
    many the caller found; ``complete``: that is all of them (fewer came than it asked
    for). Otherwise they are counted up to ``COUNTED_AT_MOST`` (``count``), or ``known`` is
    the lower bound."""
    if complete or not count:
        return known, not complete
    total = conn.execute(f"SELECT count(*) FROM ({matching} LIMIT {COUNTED_AT_MOST})", params).fetchone()[0]
    return total, total >= COUNTED_AT_MOST


def _documents(conn: sqlite3.Connection, ids: list[int]) -> list[tuple[int, str, str | None, str | None, str]]:
    """(id, source, title, published, text) of documents, one query."""
    rows = conn.execute(
        "SELECT id, source, title, published, content FROM documents WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(dict.fromkeys(ids))),),
    )
    return [(doc_id, source, title, published, unpack_text(content)) for doc_id, source, title, published, content in rows]


def _search_tasks(
    archive: Archive, phrases: bool, exact: bool, text: str, needles: list[str],
    where: list[str], params: dict[str, Any], limit: int, count: bool,
) -> Results:
    conn = archive.conn
    if not exact:
        where = [*where, "instr(lower(t.text || char(10) || coalesce(t.deadline_text, '')), :q) > 0"]
        params = {**params, "q": text.lower()}
    if phrases:
        sql = _matching("tasks_fts", where, tasks=True)
    else:
        sql = f"SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id WHERE {' AND '.join(where)} ORDER BY t.id DESC"
    window = max(RANKED_AT_MOST, limit)
    found = [row[0] for row in conn.execute(f"{sql} LIMIT {window}", params)]
    total, capped = _total(conn, sql, params, len(found), len(found) < window, count)
    rows = conn.execute(
        "SELECT t.id, t.text, coalesce(group_concat(tu.name || ' ' || u.name, ' '), ''), coalesce(t.deadline_text, '')"
        " FROM tasks t LEFT JOIN task_units tu ON tu.task_id = t.id LEFT JOIN units u ON u.id = tu.unit_id"
        " WHERE t.id IN (SELECT value FROM json_each(?)) GROUP BY t.id",
        (json.dumps(found),),
    ).fetchall()
    average = sum(len(row[1]) for row in rows) / len(rows) if rows else 1.0
    scored = sorted(
        (
            (-sum(weight * _relevance(field, needles, average) for weight, field in zip(_TASK_WEIGHTS, row[1:])), row[0])
            for row in rows
        ),
        key=lambda item: (item[0], -item[1]),
    )
    hits = []
    scores = dict((task_id, score) for score, task_id in scored[:limit])
    for task in archive.tasks_by_id(list(scores)):  # one read for the page, in rank order
        score = scores[task.id]
        snippet, highlights = make_snippet(task.text, text)
        hits.append(
            Hit(task.document_id, task.document_source, task.document_title, task.document_published, score, snippet, highlights, task)
        )
    return Results(hits, total, capped)


def _contains(row: tuple, query: str) -> bool:
    """Whether a document row (id, source, title, published, text) has the literal query."""
    return bool(_occurrences(row[2] or "", query) or _occurrences(row[4], query))


def _occurrences(text: str, needle: str) -> int:
    if needle.lower() != needle.upper():  # letters: case does not matter
        return text.lower().count(needle.lower())
    return text.count(needle)


def _relevance(text: str, needles: list[str], average: float) -> float:
    """bm25's term part: occurrences, saturating, for the text's length against the
    average; below 1."""
    frequency = sum(_occurrences(text, needle) for needle in needles)
    if not frequency:
        return 0.0
    return frequency / (frequency + _K1 * (1 - _B + _B * len(text) / (average or 1.0)))


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
