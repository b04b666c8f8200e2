"""The loop closed: issue 交办单, units fill the 回执 and the 台账, `feedback import` moves tasks on."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from minutes.feedback import import_feedback
from minutes.store import Archive
from minutes.writers import issue_assignments, write_ledger
from test_register import PROFILE, save

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def fill_receipt(path: Path, code: str, out: Path | None = None, **values: str) -> Path:
    """What a unit does in Word: type into the 回执 of one task, next to its labels."""
    document = docx.Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "任务编号" and t.rows[0].cells[1].text == code)
    for row in table.rows:
        cells = list(dict.fromkeys(row.cells, None))  # merged cells once
        for label, cell in zip(cells, cells[1:]):
            if label.text in values:
                cell.text = values[label.text]
    document.save(str(out or path))
    return out or path


def fill_ledger(path: Path, code: str, **values) -> None:
    """What a unit does in Excel/WPS: fill the progress columns of its task's row."""
    book = load_workbook(path)
    sheet = book.active
    header = {cell.value: cell.column for cell in sheet[3]}
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, header["交办编号"]).value == code)
    for title, value in values.items():
        sheet.cell(row, header[title], value)
    book.save(path)


def resave_with_libreoffice(path: Path, folder: Path, filter: str = "docx:MS Word 2007 XML") -> Path:
    folder.mkdir()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--convert-to",
         filter, "--outdir", str(folder), str(path)],
        capture_output=True, timeout=180,
    )
    return folder / path.name


def events(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM task_events").fetchone()[0]


@pytest.fixture
def issued(tmp_path):
    db = tmp_path / "minutes.db"
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    with Archive(db) as archive:
        save(archive)
        files = {entry.unit: path for entry, path in issue_assignments(archive, 1, sheets, on=date(2025, 3, 10), profile=PROFILE)}
    return db, files


def test_round_trip(issued, tmp_path):
    db, files = issued
    lead = fill_receipt(files["青川市住房城乡建设局"], "T2025-001", 进展情况="已检查在建工地12个", 完成情况="已完成全部检查",
                        办结日期="2025年4月28日", 责任人="张强", 联系电话="13800000000")
    fill_receipt(lead, "T2025-002", 进展情况="3月扬尘治理进展已报送", 责任人="张强")
    with Archive(db) as archive:
        outcome = import_feedback(archive, [lead], by="王敏")
        assert outcome.conflicts == []
        assert outcome.applied == [
            f"{lead.name} 回执1: T2025-001 已办结 on 2025-04-28",
            f"{lead.name} 回执2: T2025-002 progress: 3月扬尘治理进展已报送",
        ]
        closed, monthly = archive.document(1).tasks
        assert (closed.status, closed.closed_on, closed.history[-1].by) == ("已办结", date(2025, 4, 28), "王敏")
        assert closed.history[-1].details["责任人"] == "张强" and closed.history[-1].note == "已完成全部检查"
        assert (monthly.status, monthly.history[-1].occurrence, monthly.due) == ("办理中", date(2025, 4, 5), date(2025, 5, 5))

        # the ledger, filled in Excel: the next monthly report (task 1 takes rows 4-5, one per unit)
        ledger = tmp_path / "台账.xlsx"
        write_ledger(archive.tasks(), ledger, today=date(2025, 5, 1), register=archive.register())
    fill_ledger(ledger, "T2025-002", 进展情况="4月扬尘治理进展已报送", 责任人="李娜")
    count = events(db)
    with Archive(db) as archive:
        outcome = import_feedback(archive, [ledger], by="王敏")
        assert outcome.applied == [f"{ledger.name} 第6行: T2025-002 progress: 4月扬尘治理进展已报送"], outcome
        monthly = archive.document(1).tasks[1]
        assert monthly.due == date(2025, 6, 5) and monthly.progress.note == "4月扬尘治理进展已报送"
        # the same files again: nothing changes
        again = import_feedback(archive, [lead, ledger])
        assert again.applied == [] and again.conflicts == [] and all("already imported" in s for s in again.skipped)
    assert events(db) == count + 1


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_a_receipt_resaved_by_libreoffice_reads_the_same(issued, tmp_path):
    db, files = issued
    filled = fill_receipt(files["青川市住房城乡建设局"], "T2025-001", 进展情况="已检查在建工地12个", 申请延期至="2025-05-31 雨季停工")
    resaved = resave_with_libreoffice(filled, tmp_path / "resaved")
    assert resaved.read_bytes() != filled.read_bytes()
    with Archive(db) as archive:
        outcome = import_feedback(archive, [resaved])
        assert outcome.applied == [f"{resaved.name} 回执1: T2025-001 申请延期 to 2025-05-31"], outcome
        task = archive.tasks(code="T2025-001")[0]
        assert (task.status, task.extension.deadline, task.extension.note) == ("申请延期", date(2025, 5, 31), "雨季停工")
        # the original file after its re-saved copy: the same report, applied once
        second = import_feedback(archive, [filled])
        assert second.applied == [] and second.conflicts == [] and second.skipped == [f"{filled.name} 回执1: T2025-001 nothing new",
                                                                                     f"{filled.name} 回执2: T2025-002 nothing new"]


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_a_ledger_resaved_by_libreoffice_reads_the_same(issued, tmp_path):
    db, _ = issued
    ledger = tmp_path / "台账.xlsx"
    with Archive(db) as archive:
        write_ledger(archive.tasks(), ledger, register=archive.register())
    fill_ledger(ledger, "T2025-001", 进展情况="已检查在建工地12个", 状态="办理中")
    resaved = resave_with_libreoffice(ledger, tmp_path / "resaved", "xlsx:Calc MS Excel 2007 XML")
    if not resaved.exists():
        pytest.skip("LibreOffice Calc is not installed (Debian: libreoffice-calc)")
    with Archive(db) as archive:
        outcome = import_feedback(archive, [resaved])
        assert outcome.applied == [f"{resaved.name} 第6行: T2025-001 已交办 → 办理中"], outcome
        assert archive.tasks(code="T2025-001")[0].progress.note == "已检查在建工地12个"
        assert import_feedback(archive, [ledger]).applied == []  # the same report, applied once


def minutes(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "MINUTES_DB": str(db)}
    env.pop("MINUTES_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "minutes", *args], capture_output=True, text=True, env=env, timeout=120)


def test_conflicts_are_reported_and_change_nothing(issued, tmp_path):
    db, files = issued
    unknown = fill_receipt(files["青川市住房城乡建设局"], "T2025-001", tmp_path / "unknown.docx", 进展情况="已检查")
    document = docx.Document(str(unknown))
    document.tables[2].rows[0].cells[1].text = "T2025-999"
    document.save(str(unknown))
    undated = fill_receipt(files["青川市住房城乡建设局"], "T2025-001", tmp_path / "undated.docx", 完成情况="已完成全部检查")
    baddate = fill_receipt(files["青川市住房城乡建设局"], "T2025-001", tmp_path / "baddate.docx", 办结日期="4月底")
    with Archive(db) as archive:
        ledger = tmp_path / "台账.xlsx"
        write_ledger(archive.tasks(), ledger, register=archive.register())
    fill_ledger(ledger, "T2025-001", 进展情况="已检查在建工地12个")
    closing = fill_receipt(files["青川市住房城乡建设局"], "T2025-001", tmp_path / "closing.docx", 办结日期="2025-04-28")
    count = events(db)

    done = minutes("feedback", "import", str(unknown), str(undated), str(baddate), db=db)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "conflict: unknown.docx 回执1: task code T2025-999 is not in the archive (see `minutes register`)",
        "conflict: undated.docx 回执1: task T2025-001: 办结 without a 办结日期; fill it in and import again",
        "conflict: baddate.docx 回执1: task T2025-001: 办结日期 4月底 is not a date (write it like 2025-04-28)",
    ]
    assert events(db) == count
    assert minutes("feedback", "import", str(closing), db=db).returncode == 0
    moved_on = minutes("feedback", "import", str(ledger), db=db)  # written before the task was closed
    assert moved_on.returncode == 1
    assert moved_on.stderr.strip() == ("conflict: 台账.xlsx 第6行: task T2025-001 is 已办结 now, not 已交办 as in the ledger; "
                                       "write a new ledger with `minutes doc ledger`")
    twice = minutes("feedback", "import", str(closing), db=db)
    assert twice.returncode == 0 and "skipped: closing.docx: already imported" in twice.stdout
    assert events(db) == count + 1

    not_feedback = tmp_path / "notes.txt"
    not_feedback.write_text("进展情况：已完成", encoding="utf-8")
    blank = tmp_path / "blank.docx"
    docx.Document().save(str(blank))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    for args in ((str(not_feedback),), (str(blank),), (str(broken),), (str(tmp_path / "missing.docx"),), (str(closing), str(blank))):
        bad = minutes("feedback", "import", *args, db=db)
        assert bad.returncode == 1 and bad.stderr.startswith("error: ") and bad.stderr.count("\n") == 1, (args, bad.stderr)
    assert events(db) == count + 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_date_typed_into_the_label_cell_counts(issued):
    db, files = issued
    path = files["青川市生态环境局"]
    document = docx.Document(str(path))
    receipt = next(t for t in document.tables if t.rows[0].cells[0].text == "任务编号")
    receipt.rows[5].cells[0].text = "办结日期：2025年4月29日"  # not in the box beside it
    document.save(str(path))
    with Archive(db) as archive:
        assert import_feedback(archive, [path]).applied == [f"{path.name} 回执1: T2025-001 已办结 on 2025-04-29"]


def test_an_extension_asked_for_in_the_ledger(issued, tmp_path):
    db, _ = issued
    ledger = tmp_path / "台账.xlsx"
    with Archive(db) as archive:
        write_ledger(archive.tasks(), ledger, register=archive.register())
    fill_ledger(ledger, "T2025-001", 延期申请="2025-05-31：雨季停工")
    with Archive(db) as archive:
        assert import_feedback(archive, [ledger]).applied == [f"{ledger.name} 第6行: T2025-001 申请延期 to 2025-05-31"]
        granted = archive.change_task(archive.tasks(code="T2025-001")[0].id, "已延期", by="王敏")
        assert (granted.due, granted.extension.note) == (date(2025, 5, 31), "雨季停工")
