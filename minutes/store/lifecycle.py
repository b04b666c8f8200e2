"""A task's life: 待交办 → 已交办 → 办理中 → 已办结, with 申请延期 / 已延期 on the way.

The states and the moves between them are the table below; ``Archive.change_task`` is
the one place that moves a task, and records every move in the task's append-only
history. 临期 and 逾期 are never stored: they follow from the current due date and the
day one looks (``alert``).

Due dates: a task's current due date is its extracted deadline until an extension is
granted (已延期 with a new date). A recurring task (每月5日前) has no end; once issued it
tracks its current occurrence, and reporting on one moves it to the next
(``next_occurrence``).
"""

from __future__ import annotations

from datetime import date, timedelta
from difflib import SequenceMatcher

from minutes.errors import ArchiveError

TASK_STATES = ("待交办", "已交办", "办理中", "申请延期", "已延期", "已办结")
CLOSED = "已办结"
# state → the states it may move to; a move to the same state is a progress report
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "待交办": ("已交办", "办理中", "已办结"),
    "已交办": ("已交办", "办理中", "申请延期", "已办结"),
    "办理中": ("办理中", "申请延期", "已办结"),
    "申请延期": ("申请延期", "已延期", "办理中", "已办结"),
    "已延期": ("已延期", "办理中", "申请延期", "已办结"),
    "已办结": ("办理中",),  # opened again
}
# the states a requested or granted deadline goes with
DEADLINE_STATES = ("申请延期", "已延期")
ALERTS = ("逾期", "临期")
ALERT_DAYS = 7  # 临期: due within this many days


class TransitionError(ArchiveError):
    """A move the lifecycle does not allow, or one another user made first."""


def check_move(task_id: int, current: str, target: str) -> None:
    if target not in TASK_STATES:
        raise TransitionError(f"task status must be one of {'、'.join(TASK_STATES)}, not {target!r}")
    if target not in TRANSITIONS.get(current, ()):
        allowed = "、".join(s for s in TRANSITIONS.get(current, ()) if s != current) or "none"
        raise TransitionError(f"task {task_id} cannot go from {current} to {target} (from {current}: {allowed})")


def alert(status: str, due: date | None, today: date) -> str | None:
    """逾期 (due date passed), 临期 (due within ``ALERT_DAYS``) or None; closed tasks and
    tasks without a due date have none."""
    if status == CLOSED or due is None:
        return None
    if due < today:
        return "逾期"
    return "临期" if due <= today + timedelta(days=ALERT_DAYS) else None


def next_occurrence(deadline_text: str, after: date) -> date | None:
    """The first occurrence of a recurring limit (``每月5日前``) strictly after ``after``."""
    from minutes.nlp.deadline import find

    found = find(deadline_text, after + timedelta(days=1))
    return found.date if found and found.kind == "recurring" else None


def first_occurrence(deadline_text: str, on: date) -> date | None:
    """The occurrence of a recurring limit on or after ``on`` (when a task is issued)."""
    return next_occurrence(deadline_text, on - timedelta(days=1))


def continuations(tracked: list[str], extracted: list[str]) -> dict[int, int]:
    """Which newly extracted task each tracked task goes on as, by index (tracked → new),
    when a document is extracted again: the first new task of the same text, else the
    new task sharing most of its wording — an improved rule reads the same directive
    with a little more or less text around it (both hold ≥ 80 % of the shorter text's
    characters in order, ≥ 40 % of the longer's). A tracked task missing from the result
    is no longer found by the rules."""
    claimed: dict[int, int] = {}
    taken: set[int] = set()
    for i, text in enumerate(tracked):
        j = next((j for j, new in enumerate(extracted) if new == text and j not in taken), None)
        if j is not None:
            claimed[i] = j
            taken.add(j)
    candidates = []
    for i, text in enumerate(tracked):
        if i in claimed:
            continue
        for j, new in enumerate(extracted):
            if j in taken:
                continue
            shared = sum(block.size for block in SequenceMatcher(None, text, new, autojunk=False).get_matching_blocks())
            short, long = sorted((len(text), len(new)))
            if short and 5 * shared >= 4 * short and 5 * shared >= 2 * long:
                candidates.append((-shared, i, j))
    for _, i, j in sorted(candidates):
        if i not in claimed and j not in taken:
            claimed[i] = j
            taken.add(j)
    return claimed
