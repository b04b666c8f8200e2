"""The register of 交办单 and the sheets themselves: numbered per year without gaps, never twice."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest

from minutes.models import Assignment, Deadline, Document, Extraction, Task
from minutes.office import Profile
from minutes.store import Archive
from minutes.writers import issue_assignments
from minutes.writers.ooxml import docx_misordered

PROFILE = Profile(
    organ="青川市大气污染防治工作领导小组办公室", short_name="市大气办", contact="王敏", phone="0000-12345678",
    members=["市生态环境局", "市住房城乡建设局"], groups={"各区县人民政府": ["甲区人民政府", "乙县人民政府"]},
)


def plan(n: int = 0) -> Extraction:
    return Extraction(
        title=f"关于印发青川市扬尘治理工作方案的通知{n or ''}",
        published=date(2025, 3, 3),
        tasks=[
            Task(f"要完成建筑工地扬尘专项检查{n or ''}：（1）全面排查在建工地；（2）建立问题清单",
                 [Assignment("市住房城乡建设局", "lead"), Assignment("市生态环境局", "support")],
                 Deadline("4月底前", date(2025, 4, 30), "by")),
            Task(f"要按月报送工地扬尘治理进展{n or ''}",
                 [Assignment("市住房城乡建设局", "lead"), Assignment("各区县人民政府", "support")],
                 Deadline("每月5日前", date(2025, 3, 5), "recurring")),
        ],
    )


def save(archive: Archive, n: int = 0) -> int:
    extraction = plan(n)
    return archive.save(Document(f"/plan{n}.txt", "txt", raw=f"plan{n}".encode(), title=extraction.title,
                                 published=extraction.published), extraction).id


def test_issuing_numbers_sheets_gives_codes_and_moves_tasks(tmp_path):
    with Archive(tmp_path / "minutes.db") as archive:
        doc_id = save(archive)
        issued = issue_assignments(archive, doc_id, tmp_path, on=date(2025, 3, 10), profile=PROFILE, by="王敏")
        assert [(e.number, e.unit, e.tasks) for e, _ in issued] == [
            ("〔2025〕督字1号", "青川市住房城乡建设局", ["T2025-001", "T2025-002"]),
            ("〔2025〕督字2号", "青川市生态环境局", ["T2025-001"]),
            ("〔2025〕督字3号", "甲区人民政府", ["T2025-002"]),  # the group, expanded by the profile
            ("〔2025〕督字4号", "乙县人民政府", ["T2025-002"]),
        ]
        tasks = archive.document(doc_id).tasks
        assert [(t.code, t.status) for t in tasks] == [("T2025-001", "已交办"), ("T2025-002", "已交办")]
        assert tasks[1].due == date(2025, 4, 5)  # the recurring task tracks its first occurrence after issue
        assert tasks[0].history[0].details == {"交办编号": "〔2025〕督字1号", "承办单位": "青川市住房城乡建设局"}
        # the same sheets again are reprints with their numbers; a new sheet takes the next one
        again = issue_assignments(archive, doc_id, tmp_path, on=date(2025, 3, 12), profile=PROFILE, unit="生态环境局")
        assert [(e.number, e.reprint, e.issued_on) for e, _ in again] == [("〔2025〕督字2号", True, date(2025, 3, 10))]
        other = save(archive, 2)
        later = issue_assignments(archive, other, tmp_path, on=date(2025, 3, 12), profile=PROFILE, unit="生态环境局")
        assert [e.number for e, _ in later] == ["〔2025〕督字5号"]
        assert [e.number for e in archive.register(year=2025)] == [f"〔2025〕督字{n}号" for n in range(1, 6)]

    assert docx_misordered(issued[0][1].read_bytes()) == []
    sheet = docx.Document(str(issued[0][1]))
    text = "\n".join(p.text for p in sheet.paragraphs)
    assert "〔2025〕督字1号" in text and "联系人：王敏\u3000联系电话：0000-12345678" in text
    assert "于4月底前将办理情况书面报送市大气办" in text
    cells = [[c.text for c in row.cells] for row in sheet.tables[1].rows]
    assert cells[1][:3] == ["T2025-001", "要完成建筑工地扬尘专项检查：\n（1）全面排查在建工地；\n（2）建立问题清单", "牵头"]
    assert cells[1][3] == "配合：青川市生态环境局" and cells[2][3] == "配合：甲区人民政府、乙县人民政府"
    assert cells[2][4] == "每月5日前（本期2025年4月5日）"
    receipts = [t for t in sheet.tables if t.rows[0].cells[0].text == "任务编号"]
    assert [r.rows[0].cells[1].text for r in receipts] == ["T2025-001", "T2025-002"]
    support = docx.Document(str(issued[2][1]))
    assert "请主动配合青川市住房城乡建设局抓好落实，每月5日前将配合工作情况书面反馈青川市住房城乡建设局" in \
        "\n".join(p.text for p in support.paragraphs)


def test_members_named_relatively_in_the_profile_share_the_sheet_of_their_full_name(tmp_path):
    # the profile lists 市生态环境局; one task names it in full, another 各成员单位: one sheet
    extraction = Extraction(title="关于做好秋季秸秆禁烧工作的通知", published=date(2025, 9, 1), tasks=[
        Task("要开展秸秆焚烧火点巡查", [Assignment("青川市生态环境局", "lead")], None),
        Task("要于每月5日前报送工作进展", [Assignment("各成员单位", "responsible")], None),
    ])
    with Archive(tmp_path / "minutes.db") as archive:
        doc_id = archive.save(Document("/notice.txt", "txt", raw=b"notice", title=extraction.title,
                                       published=extraction.published), extraction).id
        issued = issue_assignments(archive, doc_id, tmp_path, on=date(2025, 9, 2), profile=PROFILE)
    assert [(e.unit, len(e.tasks)) for e, _ in issued] == [("青川市生态环境局", 2), ("青川市住房城乡建设局", 1)]


def test_a_sheet_that_cannot_be_written_takes_no_number(tmp_path):
    with Archive(tmp_path / "minutes.db") as archive:
        doc_id = save(archive)

        def broken(entries):
            raise OSError("disk full")

        with pytest.raises(OSError):
            archive.issue([("市生态环境局", [1])], on=date(2025, 3, 10), write=broken)
        assert archive.register() == [] and archive.task(1).status == "待交办" and archive.task(1).code is None
        issued = issue_assignments(archive, doc_id, tmp_path, on=date(2025, 3, 10))
        assert issued[0][0].number == "〔2025〕督字1号"  # no gap


def _issue_many(db: str, documents: list[int], start) -> None:
    start.wait()
    with Archive(db, timeout=30) as archive:
        for doc_id in documents:
            for task in archive.document(doc_id).tasks:
                archive.issue([(f"单位{doc_id}", [task.id])], on=date(2025, 6, 1))


def test_two_processes_issuing_at_once_never_share_a_number(tmp_path):
    db = str(tmp_path / "minutes.db")
    with Archive(db) as archive:
        ids = [save(archive, n) for n in range(1, 21)]
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [context.Process(target=_issue_many, args=(db, ids[i::2], start)) for i in range(2)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    with Archive(db) as archive:
        numbers = [entry.n for entry in archive.register(year=2025)]
        codes = [task.code for task in archive.tasks()]
    assert sorted(numbers) == list(range(1, 41))  # 40 sheets, gap-free, none twice
    assert len(set(codes)) == 40


def minutes(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "MINUTES_DB": str(db)}
    env.pop("MINUTES_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "minutes", *args], capture_output=True, text=True, env=env, timeout=120)


def test_commands_issue_list_and_refuse_bad_input(tmp_path):
    db = tmp_path / "minutes.db"
    with Archive(db) as archive:
        save(archive)
    out = tmp_path / "out"
    out.mkdir()
    done = minutes("doc", "assignment", "1", "-o", str(out), "--date", "2025-05-10", "--by", "王敏", db=db)
    assert done.returncode == 0, done.stderr
    assert "warning: task T2025-001 was due 2025-04-30, before the issue date 2025-05-10" in done.stderr
    assert len(list(out.glob("交办单-〔2025〕督字*.docx"))) == 3  # no profile: 各区县人民政府 is one recipient
    listed = minutes("register", "--format", "json", db=db)
    assert [e["number"] for e in json.loads(listed.stdout)] == [
        "〔2025〕督字1号", "〔2025〕督字2号", "〔2025〕督字3号"]
    before = sqlite3.connect(db).execute("SELECT count(*) FROM register").fetchone()[0]
    for args in (
        ("doc", "assignment", "99", "-o", str(out)),
        ("doc", "assignment", "1", "-o", str(tmp_path / "missing")),
        ("doc", "assignment", "1", "-o", str(out), "--date", "5月10日"),
        ("doc", "assignment", "1", "-o", str(out), "--unit", "不存在的单位"),
    ):
        bad = minutes(*args, db=db)
        assert bad.returncode == 1 and bad.stderr.startswith("error: ") and bad.stderr.count("\n") == 1, (args, bad.stderr)
    (tmp_path / "office.yaml").write_text("organ: [不是文字]\n", encoding="utf-8")
    bad = minutes("doc", "assignment", "1", "-o", str(out), db=db)
    assert bad.stderr == "error: office.yaml: field 'organ' must be a text, not list\n"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM register").fetchone()[0] == before
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
