"""A real office suite opens what we write: LibreOffice converts each .docx to PDF, poppler reads it back.

Skipped only where LibreOffice is absent and ``CI`` is unset; under CI it must run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from minutes.documents import write_assignments, write_minutes, write_task_sheet
from minutes.drafts import Draft, load_draft
from minutes.models import Assignment, Deadline, Extraction, Task
import templates

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if not SOFFICE and not os.environ.get("CI"):
    pytest.skip("LibreOffice (soffice) is not installed", allow_module_level=True)

EXAMPLE = Path(str(templates.path("draft-example.yaml")))


def to_pdf(docx: Path) -> Path:
    # a private profile: parallel runs and a user's running LibreOffice do not collide
    profile = docx.parent / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(docx.parent), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = docx.with_suffix(".pdf")
    assert pdf.is_file(), f"LibreOffice wrote no PDF for {docx.name}"
    return pdf


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(pdf: Path) -> str:
    """The text with all whitespace dropped: Chinese wraps anywhere, and LibreOffice spaces
    characters out on the document grid."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    draft = load_draft(EXAMPLE.read_text(encoding="utf-8"))
    # table cells are read line by line across the row, so table tasks fit on one line of their cell
    short = Draft.from_extraction(Extraction(
        title="专项整治工作推进会议纪要",
        published=date(2025, 5, 6),
        tasks=[Task(f"完成第{i}批点位整改", [Assignment("县生态环境局", "lead"), Assignment("县水利局", "support")],
                    Deadline("9月底前", date(2025, 9, 30), "by")) for i in range(1, 121)],
    ))
    few = Draft.from_extraction(Extraction(title=short.title, published=short.date, tasks=short.tasks[:3]))
    files = {
        "minutes": write_minutes(draft, folder / "minutes.docx"),
        "tasks": write_task_sheet(few, folder / "tasks.docx"),
        "many": write_task_sheet(short, folder / "many.docx"),
        "assignment": write_assignments(few, folder, on=date(2025, 5, 7))[0],
    }
    return draft, few, {name: to_pdf(path) for name, path in files.items()}


def test_minutes_pdf(rendered):
    draft, _, pdfs = rendered
    text = pdf_text(pdfs["minutes"])
    assert 1 <= pdf_pages(pdfs["minutes"]) <= 4
    for task in draft.tasks:
        assert task.text in text
    assert "出席：" in text and "2025年3月25日印发" in text
    assert "—1—" in text and "—2—" in text  # the PAGE field was computed on both footers


def test_task_sheet_pdf(rendered):
    _, few, pdfs = rendered
    text = pdf_text(pdfs["tasks"])
    assert pdf_pages(pdfs["tasks"]) == 1
    for task in few.tasks:
        assert task.text in text
    assert "9月底前（2025" in text and "年9月30日）" in text  # the cell wraps after the year


def test_long_task_sheet_repeats_its_header(rendered):
    _, _, pdfs = rendered
    pages = pdf_pages(pdfs["many"])
    assert 3 <= pages <= 30
    text = pdf_text(pdfs["many"])
    assert text.count("序号任务内容牵头单位配合单位完成时限备注") == pages
    for i in (1, 60, 120):
        assert f"完成第{i}批点位整改" in text


def test_assignment_pdf(rendered):
    _, few, pdfs = rendered
    text = pdf_text(pdfs["assignment"])
    assert 1 <= pdf_pages(pdfs["assignment"]) <= 2
    assert "工作任务交办单" in text and "县生态环境局" in text and "签收人" in text
    for task in few.tasks:
        assert task.text in text
