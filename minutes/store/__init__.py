"""The store: the archive database and everything that reads or writes it.

Modules, bottom to top: ``schema`` (DDL and forward migrations), ``index`` (full-text
terms and index rows), ``pages`` (scraper page state), ``records`` (the typed records the
store returns), ``archive`` (``Archive``: save, read, task status), ``search`` (queries
over the index). Callers import from here::

    from minutes.store import Archive, search
    with Archive("minutes.db") as archive:
        document = archive.document(1)            # StoredDocument
        overdue = archive.tasks(overdue=True)     # list[StoredTask]
        archive.change_task(7, "办理中", by="李华", note="已完成排查")   # the lifecycle (TASK_STATES)
        hits = search(archive, "应急减排")          # list[Hit]
"""

from __future__ import annotations

from minutes.store.archive import STATUSES, TASK_STATUSES, Archive, SaveResult, content_hash
from minutes.store.lifecycle import ALERT_DAYS, TASK_STATES, TRANSITIONS, TransitionError
from minutes.store.index import index_terms
from minutes.store.pages import PAGE_FIELDS
from minutes.store.records import RegisterEntry, StoredAssignment, StoredDocument, StoredTask, TaskEvent, to_plain
from minutes.store.schema import SCHEMA_VERSION
from minutes.store.search import Hit, make_snippet, normalize_query, search

__all__ = [
    "ALERT_DAYS", "TASK_STATES", "TRANSITIONS", "TransitionError",
    "PAGE_FIELDS", "RegisterEntry", "SCHEMA_VERSION", "STATUSES", "TASK_STATUSES", "Archive", "Hit", "SaveResult",
    "StoredAssignment", "StoredDocument", "StoredTask", "TaskEvent", "content_hash", "index_terms",
    "make_snippet", "normalize_query", "search", "to_plain",
]
