"""A real office suite opens what we write: LibreOffice converts each .docx to PDF, poppler reads it back.

Skipped only where LibreOffice is absent and ``CI`` is unset; under CI it must run.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from minutes.writers import write_assignments, write_minutes, write_task_sheet
from minutes.drafts import Draft, load_draft
from minutes.models import Assignment, Deadline, Extraction, Task
from minutes import templates

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if not SOFFICE and not os.environ.get("CI"):
    pytest.skip("LibreOffice (soffice) is not installed", allow_module_level=True)

EXAMPLE = Path(str(templates.path("draft-example.yaml")))
# a body paragraph of several lines: Chinese only, so every full line is 28 characters
LONG_PARAGRAPH = (
    "会议强调，各有关单位要坚持问题导向，压实工作责任，加强协调配合，细化工作措施，"
    "明确时间节点，确保各项整治任务按期保质完成，切实以河道水质的持续改善回应群众关切，"
    "推动城区水环境治理工作取得新的更大成效。"
)


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


def pdf_lines(pdf: Path) -> list[list[tuple[float, str]]]:
    """Per page, the text lines top to bottom as (bottom edge y in pt, text without spaces)."""
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", bbox, re.S):
        rows: dict[float, list[tuple[float, str]]] = {}
        for x, y, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', page):
            key = next((k for k in rows if abs(k - float(y)) < 3), float(y))
            rows.setdefault(key, []).append((float(x), html.unescape(word)))
        pages.append([(y, "".join(w for _, w in sorted(words))) for y, words in sorted(rows.items())])
    return pages


def pdf_text(pdf: Path) -> str:
    """The text with all whitespace dropped: Chinese wraps anywhere, and LibreOffice spaces
    characters out on the document grid."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    draft = load_draft(EXAMPLE.read_text(encoding="utf-8"))
    draft.summary = [*draft.summary, LONG_PARAGRAPH]
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


def test_minutes_body_is_28_characters_by_22_lines(rendered):
    """GB/T 9704: 28 characters a line, 22 lines a page. LibreOffice used to give each 16 pt
    character two cells of the 15.8 pt character grid, 14 characters a line."""
    _, _, pdfs = rendered
    lines = [(number, y, text) for number, page in enumerate(pdf_lines(pdfs["minutes"]))
             for y, text in page if not re.fullmatch(r"—\d+—", text)]  # footers left out
    first = next(i for i, (_, _, text) in enumerate(lines) if len(text) > 4 and LONG_PARAGRAPH.startswith(text))
    paragraph, text = [], ""
    for line in lines[first:]:
        if text == LONG_PARAGRAPH or not LONG_PARAGRAPH.startswith(text + line[2]):
            break
        paragraph.append(line)
        text += line[2]
    assert text == LONG_PARAGRAPH, [line for *_, line in paragraph]
    # every line but the last is full: 28 characters (the first 26 after its two-character indent),
    # one more where a closing mark hangs in the margin
    counts = [len(line) for *_, line in paragraph[:-1]]
    assert len(counts) >= 2 and all(26 <= count <= 29 for count in counts), counts
    pitches = [b - a for (page, a, _), (next_page, b, _) in zip(paragraph, paragraph[1:]) if page == next_page]
    assert pitches and all(abs(pitch - 28.95) < 0.5 for pitch in pitches), pitches  # 225 mm / 22 lines


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
    # the sheet, then one 回执 page per task
    assert 1 + len(few.tasks) <= pdf_pages(pdfs["assignment"]) <= 2 + len(few.tasks)
    assert "工作任务交办单" in text and "县生态环境局" in text and text.count("承办单位（盖章）") == len(few.tasks)
    for task in few.tasks:
        assert task.text in text
