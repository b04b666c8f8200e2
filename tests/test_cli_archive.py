"""The archive commands as a user runs them: `minutes import/search/show/stats/tasks/reextract`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

# Original sample documents composed for these tests.
NOTICE = "关于加强秸秆禁烧工作的通知\n各区县生态环境局要加强夜间巡查，发现火点立即处置。\n2025年3月2日\n"
BRIEF = "扬尘治理工作简报\n会议要求，市住房城乡建委要牵头开展工地扬尘专项检查，4月底前完成。\n2025年3月5日\n"


def minutes(*args: str, db: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "MINUTES_DB": str(db)}
    env.pop("MINUTES_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "minutes", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "sub" / "brief.txt").write_text(BRIEF, encoding="gb18030")
    (folder / "sub" / "ignored.json").write_text("{}")
    return folder


def test_import_search_show_stats(inbox, tmp_path):
    db = tmp_path / "minutes.db"
    done = minutes("import", str(inbox), "--no-extract", "--format", "json", db=db)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["new"], summary["failed"]) == (2, 0)

    found = minutes("search", "夜間巡查", "--format", "json", db=db)  # Traditional query
    hits = json.loads(found.stdout)
    assert [Path(h["source"]).name for h in hits] == ["notice.txt"]
    assert hits[0]["snippet"][slice(*hits[0]["highlights"][0])] == "夜间巡查"

    listed = minutes("search", "扬尘", db=db)
    assert listed.returncode == 0
    header, head, *snippet = listed.stdout.splitlines()  # a hit: its id, date and title, then its snippet
    assert header == "1 hit(s) for 扬尘"
    assert head.split()[1:] == ["2025-03-05", "扬尘治理工作简报"]
    assert all(line.startswith(" " * 10) for line in snippet) and "扬尘专项检查" in "".join(snippet)

    shown = json.loads(minutes("show", str(hits[0]["document_id"]), "--format", "json", db=db).stdout)
    assert "夜间巡查" in shown["text"] and "original" not in shown

    stats = json.loads(minutes("stats", "--format", "json", db=db).stdout)
    assert stats["documents"] == 2 and stats["kinds"] == {"txt": 2}
    assert minutes("stats", db=db).returncode == 0

    optimized = minutes("optimize", "--format", "json", db=db)
    sizes = json.loads(optimized.stdout)
    assert optimized.returncode == 0 and sizes["size_bytes_after"] <= sizes["size_bytes_before"]
    assert json.loads(minutes("search", "扬尘", "--format", "json", db=db).stdout)[0]["title"] == "扬尘治理工作简报"


def test_reimport_is_unchanged_and_a_changed_file_is_updated_with_its_previous_version(inbox, tmp_path):
    db = tmp_path / "minutes.db"
    minutes("import", str(inbox), "--no-extract", db=db)
    again = json.loads(minutes("import", str(inbox / "*.txt"), "--no-extract", "--format", "json", db=db).stdout)
    assert (again["unchanged"], again["new"]) == (1, 0)
    (inbox / "notice.txt").write_text(NOTICE + "各区县要每日报送处置情况。\n", encoding="utf-8")
    changed = json.loads(minutes("import", str(inbox), "--no-extract", "--format", "json", db=db).stdout)
    assert (changed["updated"], changed["unchanged"]) == (1, 1)
    assert json.loads(minutes("stats", "--format", "json", db=db).stdout)["document_versions"] == 1
    assert minutes("search", "每日报送", "--format", "json", db=db).stdout.count('"document_id"') == 1


def test_bad_files_fail_one_line_each_and_the_rest_of_the_batch_is_imported(inbox, tmp_path):
    db = tmp_path / "minutes.db"
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "garbage.txt").write_bytes(bytes(range(256)) * 64)
    (inbox / "not-a-zip.docx").write_bytes(b"this is plain text pretending to be a Word file")
    whole = tmp_path / "whole.docx"
    with zipfile.ZipFile(whole, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" * 200)
        archive.writestr("word/document.xml", "<w:document/>" * 400)
    (inbox / "truncated.docx").write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with (inbox / "huge.txt").open("wb") as huge:
        huge.write(("会议要求加强监测。" * 1000 + "\n").encode() * 2000)  # ~54 MB
    bad = ["empty.txt", "garbage.txt", "not-a-zip.docx", "truncated.docx", "huge.txt", "missing.txt"]

    done = minutes("import", str(inbox), str(inbox / "missing.txt"), "--no-extract", db=db)

    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert len(errors) == len(bad), done.stderr
    assert all(line.startswith("error: ") for line in errors)
    for name in bad:
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert "Traceback" not in done.stderr
    assert "2" in done.stdout  # the summary table counts the two good files as new
    assert json.loads(minutes("stats", "--format", "json", db=db).stdout)["documents"] == 2
    assert integrity(db) == "ok"


def test_a_folder_without_permission_is_one_error_line_and_the_rest_is_imported(inbox, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from minutes.cli import app

    locked = inbox / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(NOTICE, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root lists any folder: refuse as the kernel would refuse anyone else
        listing = os.scandir

        def scandir(path="."):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return listing(path)

        monkeypatch.setattr(os, "scandir", scandir)
    db = tmp_path / "minutes.db"
    try:
        done = CliRunner().invoke(app, ["import", str(inbox), "--no-extract", "--db", str(db)])
    finally:
        locked.chmod(0o755)

    assert done.exit_code == 1
    assert done.stderr.strip().splitlines() == [f"error: {locked}: permission denied"]
    assert json.loads(minutes("stats", "--format", "json", db=db).stdout)["documents"] == 2
    assert integrity(db) == "ok"


def test_a_file_that_is_not_a_database(inbox, tmp_path):
    db = tmp_path / "minutes.db"
    db.write_text("not a database\n" * 100)
    for args in (["import", str(inbox)], ["search", "巡查"], ["stats"]):
        done = minutes(*args, db=db)
        assert (done.returncode, done.stderr) == (1, "error: minutes.db is not a minutes archive (file is not a database)\n")
    assert db.read_text() == "not a database\n" * 100


def test_a_database_locked_by_another_writer(inbox, tmp_path):
    db = tmp_path / "minutes.db"
    minutes("import", str(inbox / "notice.txt"), "--no-extract", db=db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        done = minutes("import", str(inbox), "--no-extract", db=db)
        reading = minutes("search", "巡查", "--format", "json", db=db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert done.stderr.endswith("error: minutes.db is locked by another process; try again when it finishes\n")
    assert "Traceback" not in done.stderr
    assert reading.returncode == 0 and len(json.loads(reading.stdout)) == 1  # readers are not blocked
    assert integrity(db) == "ok"
    assert json.loads(minutes("import", str(inbox), "--no-extract", "--format", "json", db=db).stdout)["new"] == 1


def test_file_names_in_other_encodings_are_archived_under_a_readable_name(inbox, tmp_path):
    # unpacked from a zip made on Windows: the name's bytes are GBK; another is not text at all
    gbk = os.fsdecode("扬尘通知".encode("gbk") + b".txt")
    (inbox / gbk).write_text(NOTICE.replace("秸秆禁烧", "扬尘治理"), encoding="utf-8")
    (inbox / os.fsdecode(b"raw\xff.txt")).write_text(BRIEF, encoding="utf-8")
    db = tmp_path / "minutes.db"
    done = minutes("import", str(inbox), "--no-extract", db=db)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        sources = sorted(Path(row[0]).name for row in conn.execute("SELECT source FROM documents"))
    assert sources == ["brief.txt", "notice.txt", "raw\\xff.txt", "扬尘通知.txt"]


def test_bad_options_are_one_line(inbox, tmp_path):
    db = tmp_path / "minutes.db"
    assert minutes("stats", db=db).stderr == f"error: no archive at {db}; run `minutes import` first or pass --db\n"
    assert not db.exists()
    minutes("import", str(inbox / "notice.txt"), "--no-extract", db=db)
    for args, message in (
        (["search", "巡查", "--since", "March"], "error: --since wants a date like 2025-06-30, not 'March'\n"),
        (["tasks", "--due-before", "2025-13-01"], "error: --due-before wants a date like 2025-06-30, not '2025-13-01'\n"),
        (["doc", "ledger", "-o", "x.xlsx", "--due-before", "soon"], "error: --due-before wants a date like 2025-06-30, not 'soon'\n"),
        (["doc", "minutes", "42"], "error: no document 42 in minutes.db\n"),  # a sub-command's library error
        (["done", "42"], "error: no task 42 in minutes.db (see `minutes tasks` for ids)\n"),
        (["show", "42"], "error: no document 42 in minutes.db\n"),
        (["search", "   "], "error: empty search query\n"),
        (["search", '"巡查', "--advanced"], None),
        (["tasks", "--unit", "\udcff\udcfe"], "error: an argument is not valid UTF-8 text (check the terminal's encoding)\n"),
    ):
        done = minutes(*args, db=db)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr == message if message else done.stderr.count("\n") == 1


def test_tasks_and_reextract_with_the_extraction_pipeline(shared_dir, tmp_path):
    db = tmp_path / "minutes.db"
    source = shared_dir / "corpus" / "dev" / "a01-chengdu-ozone-push.txt"  # a 成都市 document
    assert minutes("import", str(source), "--no-extract", db=db).returncode == 0
    assert json.loads(minutes("tasks", "--format", "json", db=db).stdout) == []

    done = minutes("reextract", "--format", "json", db=db)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"] == 1
    tasks = json.loads(minutes("tasks", "--format", "json", db=db).stdout)
    assert tasks
    # units as written in the document (name) and the canonical unit they stand for
    relative = [u for t in tasks for u in t["units"] if u["name"].startswith("市")]
    assert relative and all(u["unit"] == "成都" + u["name"] for u in relative)
    surface = relative[0]["name"]
    for unit in (surface, "成都" + surface):
        by_unit = json.loads(minutes("tasks", "--unit", unit, "--format", "json", db=db).stdout)
        assert by_unit and all(any(u["name"] == surface for u in t["units"]) for t in by_unit)
    assert minutes("tasks", "--overdue", db=db).returncode == 0

    first = tasks[0]["id"]
    marked = minutes("done", str(first), db=db)
    assert marked.returncode == 0, marked.stderr
    statuses = {t["id"]: t["status"] for t in json.loads(minutes("tasks", "--format", "json", db=db).stdout)}
    assert statuses[first] == "已办结" and list(statuses.values()).count("已办结") == 1
    missing = minutes("done", str(first), "999999", db=db)
    assert missing.returncode == 1 and missing.stderr.startswith("error: no task 999999")
    assert minutes("done", str(first), "--undo", db=db).returncode == 0
    reopened = json.loads(minutes("tasks", "--format", "json", db=db).stdout)
    assert {t["status"] for t in reopened} == {"待交办", "办理中"}
    history = next(t["history"] for t in reopened if t["id"] == first)
    assert [(e["from_status"], e["to_status"]) for e in history] == [("待交办", "已办结"), ("已办结", "办理中")]

    # a task worked on that the rules no longer find (here: its text as an older rule read
    # it) is kept, with its history, and named in a warning
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE tasks SET text = '要按旧规则读出的任务文本' WHERE id = ?", (first,))
    again = minutes("reextract", db=db)
    assert again.returncode == 0, again.stderr
    assert "1 tracked task(s) no longer found by extraction: kept as they were" in again.stderr
    after = {t["id"]: t for t in json.loads(minutes("tasks", "--format", "json", db=db).stdout)}
    assert len(after) == len(reopened) + 1 and after[first]["status"] == "办理中"
    assert len(after[first]["history"]) == 2


def test_an_archive_of_an_older_minutes_is_upgraded_with_a_notice(inbox, tmp_path):
    """An upgrade can rebuild the index (a minute per 100,000 documents): the command says
    so on stderr once, then works as usual; the next one is silent."""
    db = tmp_path / "minutes.db"
    assert minutes("import", str(inbox), "--no-extract", db=db).returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE schema_version SET version = 6")
    upgraded = minutes("search", "夜间巡查", db=db)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "upgrading" in upgraded.stderr and "夜间巡查" in upgraded.stdout
    again = minutes("search", "夜间巡查", db=db)
    assert "upgrading" not in again.stderr and "夜间巡查" in again.stdout
    assert integrity(db) == "ok"
