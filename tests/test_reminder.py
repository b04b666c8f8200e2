"""督办通知: each unit gets its 逾期 and 临期 tasks with their 交办 numbers."""

from __future__ import annotations

from datetime import date

import docx
from typer.testing import CliRunner

from minutes import templates
from minutes.cli import app
from minutes.store import Archive
from minutes.writers import issue_assignments, write_reminders
from minutes.writers.ooxml import docx_misordered
from test_register import PROFILE, save


def test_reminders_per_unit(tmp_path):
    with Archive(tmp_path / "minutes.db") as archive:
        save(archive)
        issue_assignments(archive, 1, tmp_path, on=date(2025, 3, 10), profile=PROFILE)
        archive.change_task(2, "办理中", note="3月进展已报")  # the monthly task: next due 5-5
        today = date(2025, 5, 2)  # task 1 (4-30) 逾期 2 days, task 2 (5-5) 临期
        written = write_reminders(archive.tasks(), tmp_path, today=today, register=archive.register(), profile=PROFILE)
        assert [p.name for p in written] == [f"督办通知-{u}.docx" for u in
                                            ("青川市住房城乡建设局", "青川市生态环境局", "甲区人民政府", "乙县人民政府")]
        only = write_reminders(archive.tasks(), tmp_path, today=today, register=archive.register(), profile=PROFILE, unit="甲区")
        assert [p.name for p in only] == ["督办通知-甲区人民政府.docx"]
        assert write_reminders(archive.tasks(), tmp_path, today=date(2025, 4, 1), profile=PROFILE) == []
    assert docx_misordered(templates.path("reminder.docx").read_bytes()) == []
    assert docx_misordered(written[0].read_bytes()) == []
    lead = docx.Document(str(written[0]))
    text = "\n".join(p.text for p in lead.paragraphs)
    assert "青川市住房城乡建设局：" in text and "逾期1项、临期1项" in text and "于2025年5月5日前" in text
    rows = [[c.text for c in row.cells] for row in lead.tables[0].rows[1:]]
    assert rows == [
        ["1", "〔2025〕督字1号", "T2025-001", "要完成建筑工地扬尘专项检查：（1）全面排查在建工地；（2）建立问题清单", "2025年4月30日", "已交办，逾期2天"],
        ["2", "〔2025〕督字1号", "T2025-002", "要按月报送工地扬尘治理进展", "2025年5月5日", "办理中，3天后到期"],
    ]


def test_reminder_command(tmp_path):
    db = tmp_path / "minutes.db"
    with Archive(db) as archive:
        save(archive)
        issue_assignments(archive, 1, tmp_path, on=date(2025, 3, 10))
    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    done = runner.invoke(app, ["doc", "reminder", "-o", str(out), "--date", "2025-05-02", "--unit", "生态环境局", "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert [p.name for p in out.iterdir()] == ["督办通知-青川市生态环境局.docx"]
    # a clerk's edited copy of the exported template is the one rendered
    (tmp_path / "mine").mkdir()
    assert runner.invoke(app, ["templates", "export", str(tmp_path / "mine")]).exit_code == 0
    custom = tmp_path / "mine" / "reminder.docx"
    edited = docx.Document(str(custom))
    edited.paragraphs[1].runs[0].text = "督办通知（第二次）"
    edited.save(str(custom))
    again = runner.invoke(app, ["doc", "reminder", "-o", str(out), "--date", "2025-05-02", "--unit", "生态环境局",
                                "--template", str(custom), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert docx.Document(str(out / "督办通知-青川市生态环境局.docx")).paragraphs[1].text == "督办通知（第二次）"
    quiet = runner.invoke(app, ["doc", "reminder", "-o", str(out), "--date", "2025-03-11", "--db", str(db)])
    assert quiet.exit_code == 0 and "no task is 逾期 or 临期 on 2025-03-11" in quiet.stderr
    for args in (["-o", str(tmp_path / "missing"), "--date", "2025-05-02"], ["-o", str(out), "--date", "5月2日"]):
        bad = runner.invoke(app, ["doc", "reminder", *args, "--db", str(db)])
        assert bad.exit_code == 1 and bad.stderr.startswith("error: ") and bad.stderr.count("\n") == 1, bad.stderr
