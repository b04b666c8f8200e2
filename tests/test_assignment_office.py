"""LibreOffice renders the 交办单: the seal blocks share their page with text.

Uses the converters of test_documents_office (skipped with it where LibreOffice is absent).
"""

from __future__ import annotations

from datetime import date

from test_documents_office import pdf_lines, pdf_text, to_pdf  # noqa: E402  (skips this module without LibreOffice)

from minutes.models import Assignment, Deadline, Document, Extraction, Task
from minutes.store import Archive
from minutes.writers import issue_assignments, write_reminders
from test_register import PROFILE

LONG = "要" + "，".join(f"完成第{i}片区建筑工地扬尘专项检查并建立问题清单" for i in range(1, 5))


def page_of(pages: list[list[tuple[float, str]]], text: str) -> int:
    return next(i for i, page in enumerate(pages) if any(text in line for _, line in page))


def test_seal_blocks_never_stand_alone(tmp_path):
    # enough tasks that the sheet's text runs onto a second page
    tasks = [Task(f"{LONG}（{n}）", [Assignment("市住房城乡建设局", "lead")], Deadline("9月底前", date(2025, 9, 30), "by"))
             for n in range(1, 7)]
    extraction = Extraction(title="扬尘治理工作方案", published=date(2025, 3, 3), tasks=tasks)
    with Archive(tmp_path / "minutes.db") as archive:
        archive.save(Document("/p.txt", "txt", raw=b"p", title=extraction.title, published=extraction.published), extraction)
        [(entry, path)] = issue_assignments(archive, 1, tmp_path, on=date(2025, 3, 10), profile=PROFILE)
    pages = pdf_lines(to_pdf(path))
    seal = page_of(pages, "交办单位（盖章）")
    lines = [line for _, line in pages[seal]]
    # the seal line is not the first text of its page: the 办理要求 before it came along
    assert any("不能按期完成的" in line or "联系人" in line for line in lines[: lines.index("交办单位（盖章）")])
    receipts = [i for i, page in enumerate(pages) if any("办结回执／进展反馈表" in line for _, line in page)]
    assert len(receipts) == 6
    for first in receipts:  # each 回执 is one page: its fields and its seal row together
        text = "".join(line for _, line in pages[first])
        assert "进展情况" in text and "承办单位（盖章）" in text and entry.number in text


def test_reminder_renders(tmp_path):
    tasks = [Task("要完成建筑工地扬尘专项检查", [Assignment("市住房城乡建设局", "lead")], Deadline("4月底前", date(2025, 4, 30), "by"))]
    extraction = Extraction(title="扬尘治理工作方案", published=date(2025, 3, 3), tasks=tasks)
    with Archive(tmp_path / "minutes.db") as archive:
        archive.save(Document("/p.txt", "txt", raw=b"p", title=extraction.title, published=extraction.published), extraction)
        issue_assignments(archive, 1, tmp_path, on=date(2025, 3, 10), profile=PROFILE)
        [path] = write_reminders(archive.tasks(), tmp_path, today=date(2025, 5, 2), register=archive.register(), profile=PROFILE)
    text = pdf_text(to_pdf(path))
    # table cells are read line by line across the row: check the running text, and the cells' pieces
    assert "督办通知市住房城乡建设局：截至2025年5月2日，你单位承办的下列任务逾期1项、临期0项" in text
    assert "联系人：王敏" in text and all(piece in text for piece in ("〔2025〕", "督字1号", "T2025-", "逾"))
