"""The task lifecycle: 待交办 → 已交办 → 办理中 → 已办结, extensions, recurring occurrences, history."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from minutes.models import Assignment, Deadline, Document, Extraction, Task
from minutes.store import TASK_STATES, Archive, TransitionError
from minutes.store.lifecycle import continuations
from minutes.store.schema import MIGRATIONS

PLAN = Extraction(
    title="关于印发青川市扬尘治理工作方案的通知",
    published=date(2025, 3, 3),
    tasks=[
        Task("要完成建筑工地扬尘专项检查", [Assignment("市住房城乡建设局", "lead"), Assignment("市生态环境局", "support")],
             Deadline("4月底前", date(2025, 4, 30), "by")),
        Task("要按月报送工地扬尘治理进展", [Assignment("市住房城乡建设局", "lead")],
             Deadline("每月5日前", date(2025, 3, 5), "recurring")),
    ],
)


@pytest.fixture
def archive():
    with Archive(":memory:") as archive:
        archive.save(Document("/plan.txt", "txt", raw=b"plan", title=PLAN.title, published=PLAN.published), PLAN)
        yield archive


def test_states_and_a_full_life_with_an_extension(archive):
    assert archive.states == TASK_STATES == ("待交办", "已交办", "办理中", "申请延期", "已延期", "已办结")
    first = archive.tasks()[0]
    assert (first.status, first.due) == ("待交办", date(2025, 4, 30))
    archive.change_task(first.id, "已交办", by="王敏")
    archive.change_task(first.id, "办理中", by="张强", note="已检查工地12个")
    asked = archive.change_task(first.id, "申请延期", by="张强", note="雨季停工", deadline=date(2025, 5, 31))
    assert asked.due == date(2025, 4, 30)  # asked, not granted
    assert (asked.extension.deadline, asked.extension.note) == (date(2025, 5, 31), "雨季停工")
    granted = archive.change_task(first.id, "已延期", by="王敏")  # the date asked for
    assert granted.due == date(2025, 5, 31)
    closed = archive.change_task(first.id, "已办结", by="张强", note="全部完成")
    assert [(e.by, e.from_status, e.to_status) for e in closed.history] == [
        ("王敏", "待交办", "已交办"), ("张强", "已交办", "办理中"), ("张强", "办理中", "申请延期"),
        ("王敏", "申请延期", "已延期"), ("张强", "已延期", "已办结"),
    ]
    assert closed.progress.note == "全部完成" and closed.alert(date(2025, 6, 30)) is None


def test_moves_the_lifecycle_does_not_allow_change_nothing(archive):
    task = archive.tasks()[0]
    archive.change_task(task.id, "已办结")
    with pytest.raises(TransitionError, match="cannot go from 已办结 to 已延期 \\(from 已办结: 办理中\\)"):
        archive.change_task(task.id, "已延期", deadline=date(2025, 6, 1))
    with pytest.raises(TransitionError, match="must be one of"):
        archive.change_task(task.id, "完成")
    with pytest.raises(TransitionError, match="a new deadline goes with 申请延期 or 已延期"):
        archive.change_task(task.id, "办理中", deadline=date(2025, 6, 1))
    second = archive.tasks()[1]
    archive.change_task(second.id, "已交办")
    archive.change_task(second.id, "申请延期", note="人手不足")  # no date asked for
    with pytest.raises(TransitionError, match="已延期 needs the new deadline"):
        archive.change_task(second.id, "已延期")
    assert archive.task(task.id).status == "已办结" and len(archive.task(task.id).history) == 1


def test_a_lost_race_is_reported(archive):
    task = archive.tasks()[0]
    archive.change_task(task.id, "已交办", expect="待交办")
    with pytest.raises(TransitionError, match="is 已交办 now, not 待交办: someone changed it meanwhile"):
        archive.change_task(task.id, "办理中", expect="待交办")


def test_alerts_are_derived_and_filters_use_them(archive):
    task = archive.tasks()[0]
    assert task.alert(date(2025, 4, 20)) is None
    assert task.alert(date(2025, 4, 25)) == "临期" and task.alert(date(2025, 5, 1)) == "逾期"
    assert [t.id for t in archive.tasks(due_within=7, today=date(2025, 4, 25))] == [task.id]
    assert archive.tasks(due_within=7, today=date(2025, 4, 1)) == []
    assert [t.id for t in archive.tasks(overdue=True, today=date(2025, 5, 1))] == [task.id]
    # the recurring task has no due date until it is issued: its 3-5 is only the first occurrence
    assert [t.due for t in archive.tasks()] == [date(2025, 4, 30), None]


def test_a_recurring_task_tracks_each_occurrence(archive):
    monthly = archive.tasks()[1]
    archive.conn.execute("BEGIN IMMEDIATE")
    archive._change(monthly.id, "已交办", on=date(2025, 3, 10))
    archive.conn.execute("COMMIT")
    assert archive.task(monthly.id).due == date(2025, 4, 5)  # the first one after the issue date
    assert [t.id for t in archive.tasks(overdue=True, today=date(2025, 4, 6))] == [monthly.id]
    reported = archive.change_task(monthly.id, "办理中", note="3月进展已报")
    assert reported.history[-1].occurrence == date(2025, 4, 5)
    assert reported.due == date(2025, 5, 5)  # the next occurrence
    again = archive.change_task(monthly.id, None, note="4月进展已报")
    assert again.due == date(2025, 6, 5) and again.status == "办理中"


def test_history_and_codes_survive_reextraction(archive):
    task = archive.tasks()[0]
    archive.change_task(task.id, "已交办", by="王敏")
    archive.conn.execute("UPDATE tasks SET code = 'T2025-001' WHERE id = ?", (task.id,))
    archive.change_task(task.id, "申请延期", by="张强", note="雨季", deadline=date(2025, 6, 30))
    archive.change_task(task.id, "已延期")
    archive.replace_extraction(1, PLAN)
    again = archive.tasks(code="T2025-001")[0]
    assert (again.status, again.due, again.extension.deadline) == ("已延期", date(2025, 6, 30), date(2025, 6, 30))
    assert len(again.history) == 3


def test_an_archive_of_schema_2_is_upgraded(tmp_path):
    path = tmp_path / "minutes.db"
    with sqlite3.connect(path) as conn:
        for script in MIGRATIONS[:2]:
            conn.executescript(script)
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (2)")
        conn.execute(
            "INSERT INTO documents (source, kind, metadata, content_hash, imported, updated, text, original)"
            " VALUES ('/old.txt', 'txt', '{}', 'h', '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00', '正文', x'00')"
        )
        conn.execute("INSERT INTO tasks (document_id, seq, text, status) VALUES (1, 1, '要完成整改', 'done')")
        conn.execute("INSERT INTO tasks (document_id, seq, text, status) VALUES (1, 2, '要开展巡查', 'open')")
        conn.execute("INSERT INTO task_events (task_id, at, by, from_status, to_status) VALUES (1, '2025-02-01T00:00:00+00:00', '李华', 'open', 'done')")
    with Archive(path) as archive:
        done, open_ = archive.document(1).tasks
        assert (done.status, open_.status) == ("已办结", "待交办")
        assert [(e.by, e.from_status, e.to_status) for e in done.history] == [("李华", "待交办", "已办结")]
        assert archive.change_task(open_.id, "已交办").status == "已交办"


# -- the commands --------------------------------------------------------------------------


def minutes(*args: str, db) -> subprocess.CompletedProcess:
    env = {**os.environ, "MINUTES_DB": str(db)}
    env.pop("MINUTES_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "minutes", *args], capture_output=True, text=True, env=env, timeout=120)


def test_task_command_moves_a_task_and_shows_it(tmp_path):
    db = tmp_path / "minutes.db"
    with Archive(db) as archive:
        archive.save(Document("/plan.txt", "txt", raw=b"plan", title=PLAN.title, published=PLAN.published), PLAN)
    moved = minutes("task", "1", "--status", "已交办", "--by", "王敏", "--format", "json", db=db)
    assert moved.returncode == 0, moved.stderr
    assert json.loads(moved.stdout)["status"] == "已交办"
    noted = minutes("task", "1", "--note", "已检查12个工地", "--format", "json", db=db)
    shown = json.loads(noted.stdout)
    assert (shown["status"], shown["progress"]) == ("已交办", "已检查12个工地")
    assert shown["history"][-1]["by"]  # the OS user when --by is not given
    asked = minutes("task", "1", "--status", "申请延期", "--deadline", "2025-05-31", "--note", "雨季", db=db)
    assert asked.returncode == 0 and "申请延期" in asked.stdout
    listed = json.loads(minutes("tasks", "--status", "申请延期", "--format", "json", db=db).stdout)
    assert [t["id"] for t in listed] == [1]
    assert minutes("done", "1", db=db).stdout.strip() == "1 task(s) 已办结"
    assert json.loads(minutes("tasks", "--due-within", "7", "--format", "json", db=db).stdout) == []

    before = sqlite3.connect(db).execute("SELECT count(*) FROM task_events").fetchone()[0]
    for args in (
        ("task", "1", "--status", "已延期", "--deadline", "2025-06-30"),  # from 已办结: not allowed
        ("task", "1", "--status", "完成"),
        ("task", "99", "--note", "x"),
        ("task", "99"),
        ("task", "1", "--deadline", "6月底"),
        ("tasks", "--status", "完成"),
        ("tasks", "--due-within", "-1"),
    ):
        bad = minutes(*args, db=db)
        assert bad.returncode == 1, (args, bad.stderr)
        assert bad.stderr.startswith("error: ") and bad.stderr.count("\n") == 1, (args, bad.stderr)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM task_events").fetchone()[0] == before
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_continuations_follow_a_tracked_task_to_its_new_wording():
    tracked = ["要加强夜间巡查，发现火点立即处置", "要做好秸秆综合利用", "要开展联合执法"]
    extracted = [
        "要做好秸秆综合利用",  # the same text
        "要于5月底前完成秸秆离田",  # a directive of its own
        "各区县要加强夜间巡查，发现火点立即处置，并于当日上报",  # read with more text around it
    ]
    assert continuations(tracked, extracted) == {0: 2, 1: 0}  # 要开展联合执法: no longer found
    assert continuations(["要做好宣传", "要做好宣传"], ["要做好宣传"]) == {0: 0}  # one new task continues one
    assert continuations(["要做好宣传"], ["要做好宣传工作并于每月5日前报送宣传简报和信息"]) == {}  # too little of it
