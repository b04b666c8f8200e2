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

from minutes.writers import write_assignments, write_cover, write_minutes, write_notice, write_task_sheet
from minutes.drafts import Draft, load_cover, load_draft, load_notice
from minutes.models import Assignment, Deadline, Extraction, Task
from minutes import templates

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if not SOFFICE and not os.environ.get("CI"):
    pytest.skip("LibreOffice (soffice) is not installed", allow_module_level=True)

EXAMPLE = Path(str(templates.path("draft-example.yaml")))
NOTICE = Path(str(templates.path("notice-example.yaml")))
COVER = Path(str(templates.path("cover-example.yaml")))
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


def raster_rows(pdf: Path, page: int, ink, dpi: int = 144) -> list[tuple[float, float]]:
    """(y in pt from the page top, inked width in pt) of every pixel row of ``page`` that has
    pixels for which ``ink(r, g, b)`` holds — rules and glyph tops, read from the rendering."""
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                          check=True, capture_output=True).stdout
    magic, width, height, _, pixels = data.split(maxsplit=4)  # binary PPM (P6), 8 bits a channel
    width, height = int(width), int(height)
    rows = []
    for y in range(height):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        inked = sum(1 for x in range(0, width * 3, 3) if ink(row[x], row[x + 1], row[x + 2]))
        if inked:
            rows.append((y * 72 / dpi, inked * 72 / dpi))
    return rows


def red(r: int, g: int, b: int) -> bool:
    return r > 180 and g < 90 and b < 90


def black(r: int, g: int, b: int) -> bool:
    return r < 100 and g < 100 and b < 100


MM = 72 / 25.4  # pt per mm
TYPE_AREA_TOP, TYPE_AREA_BOTTOM = 37 * MM, (297 - 35) * MM
LONG_TITLE = "清河市生态环境保护委员会关于进一步加强城区河道水质提升和汛期溢流应急处置工作的会议纪要"


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
    long_title = load_draft(EXAMPLE.read_text(encoding="utf-8"))
    long_title.title = LONG_TITLE
    files = {
        "minutes": write_minutes(draft, folder / "minutes.docx"),
        "long-title": write_minutes(long_title, folder / "long-title.docx"),
        "tasks": write_task_sheet(few, folder / "tasks.docx"),
        "many": write_task_sheet(short, folder / "many.docx"),
        "assignment": write_assignments(few, folder, on=date(2025, 5, 7))[0],
        "notice": write_notice(load_notice(NOTICE.read_text(encoding="utf-8")), folder / "notice.docx"),
    }
    files["cover"] = write_cover(load_cover(COVER.read_text(encoding="utf-8")), files["notice"], folder / "cover.docx")
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
    assert "9月底前" in text and "2025年9月30日" not in text  # the limit shown once


def test_unit_names_are_never_split_in_the_task_table(tmp_path):
    names = ["清河市住房和城乡建设局", "市发展改革委", "市生态环境局清河分局", "市农业农村局", "国网清河供电公司",
             "清河经济技术开发区管委会"]  # 6 to 12 characters
    tasks = [Task(f"完成第{i}项整治工作并按月报送进展情况", [Assignment(names[i], "lead"), Assignment(names[-1 - i], "support")],
                  Deadline("每月5日前", date(2025, 5, 5), "recurring")) for i in range(len(names))]
    sheet = Draft.from_extraction(Extraction(title="专项整治工作推进会议纪要", published=date(2025, 5, 6), tasks=tasks))
    pdf = to_pdf(write_task_sheet(sheet, tmp_path / "units.docx"))
    lines = [text for page in pdf_lines(pdf) for _, text in page]
    for name in names:
        assert sum(name in line for line in lines) == 2, name  # once as lead, once as support, each on one line


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


FORM_LABELS = {
    "assignment": ["交办单位", "交办日期", "承办单位", "任务来源", "任务编号", "交办编号", "任务内容", "进展情况",
                   "完成情况", "办结日期", "申请延期至", "责任人", "联系电话"],
    "cover": ["签发", "会签", "核稿", "拟稿人", "拟稿单位", "联系电话", "发文字号", "份数", "主送", "抄送"],
}


@pytest.mark.parametrize("name", FORM_LABELS)
def test_form_labels_stand_on_one_line(rendered, name):
    _, _, pdfs = rendered
    lines = [text for page in pdf_lines(pdfs[name]) for _, text in page]
    assert [label for label in FORM_LABELS[name] if not any(label in line for line in lines)] == []


def test_masthead_is_one_line_35mm_below_the_type_area_top(rendered):
    draft, _, pdfs = rendered
    first_page = pdf_lines(pdfs["minutes"])[0]
    assert first_page[0][1] == "清河市生态环境保护委员会办公室会议纪要"  # 19 characters, one line
    top = raster_rows(pdfs["minutes"], 1, red)[0][0]  # the first red ink: the 纪要标志's top
    assert abs(top - TYPE_AREA_TOP - 35 * MM) <= 2 * MM, (top - TYPE_AREA_TOP) / MM
    # number two blank lines below it, then the office and date line over the red rule
    assert first_page[1][1] == "〔2025〕3号" and first_page[2][1] == "清河市生态环境保护委员会办公室2025年3月24日"
    pitch = 579 / 20
    assert abs(first_page[2][0] - first_page[1][0] - pitch) < 1


def test_imprint_sits_at_the_foot_of_the_last_page(rendered):
    _, _, pdfs = rendered
    last = pdf_pages(pdfs["minutes"])
    rules = [y for y, width in raster_rows(pdfs["minutes"], last, black) if width > 150 * MM]  # type-area wide
    assert rules, "no rule as wide as the type area on the last page"
    assert 0 <= TYPE_AREA_BOTTOM - rules[-1] <= 10 * MM, (TYPE_AREA_BOTTOM - rules[-1]) / MM
    lines = [text for _, text in pdf_lines(pdfs["minutes"])[-1]]
    assert lines[-2].endswith("各区人民") and lines[-1].startswith("政府。") or "各区人民政府。" in "".join(lines)


def test_long_title_lines_end_between_words(rendered):
    import jieba

    _, _, pdfs = rendered
    page = [text for _, text in pdf_lines(pdfs["long-title"])[0]]
    start = next(i for i, text in enumerate(page) if LONG_TITLE.startswith(text) and len(text) > 4)
    lines, text = [], ""
    while text != LONG_TITLE:
        lines.append(page[start + len(lines)])
        text += lines[-1]
        assert LONG_TITLE.startswith(text), lines
    stops, at = set(), 0
    for word in jieba.lcut(LONG_TITLE):
        at += len(word)
        stops.add(at)
    assert len(lines) >= 2 and all(len("".join(lines[: i + 1])) in stops for i in range(len(lines) - 1)), lines


def test_notice_masthead_and_imprint_measured(rendered):
    _, _, pdfs = rendered
    pdf = pdfs["notice"]
    assert pdf_lines(pdf)[0][0][1] == "清河市生态环境保护委员会办公室文件"
    top = raster_rows(pdf, 1, red)[0][0]
    assert abs(top - TYPE_AREA_TOP - 35 * MM) <= 2 * MM, (top - TYPE_AREA_TOP) / MM
    last = pdf_pages(pdf)
    rules = [y for y, width in raster_rows(pdf, last, black) if width > 150 * MM]
    assert 0 <= TYPE_AREA_BOTTOM - rules[-1] <= 10 * MM
    last_page = "".join(text for _, text in pdf_lines(pdf)[-1])
    assert "参会回执" in last_page and "抄送：市委办公室，市政府办公室。" in last_page  # 附件 before the 版记


def test_cover_form_first_then_the_document_numbered_from_one(rendered):
    _, _, pdfs = rendered
    pages = pdf_lines(pdfs["cover"])
    assert len(pages) == pdf_pages(pdfs["notice"]) + 1
    form = "".join(text for _, text in pages[0])
    assert form.startswith("清河市生态环境保护委员会办公室发文稿纸") and "签发" in form and "—" not in form
    assert pages[1][0][1] == "清河市生态环境保护委员会办公室文件"
    assert pages[1][-1][1] == "—1—" and pages[2][-1][1] == "—2—"


def test_digits_stay_tight_in_dates(rendered):
    """On the character grid LibreOffice gave each digit after a Chinese character a cell and
    padded 2025 to three: 2025 年3 月24 日 with gaps of 7–12 pt. Off the grid only its own
    Chinese/Latin spacing (a fifth of the font size) is left."""
    _, _, pdfs = rendered
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdfs["minutes"]), "-"],
                          check=True, capture_output=True, text=True).stdout
    words = [(float(x0), float(x1), float(y), w) for x0, y, x1, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', bbox)]
    for line_y in {y for _, _, y, w in words if w == "2025"}:
        line = sorted((x0, x1, w) for x0, x1, y, w in words if abs(y - line_y) < 1)
        at = next(i for i, (_, _, w) in enumerate(line) if w == "2025")
        date_words = line[at : at + 6]
        assert "".join(w for *_, w in date_words).startswith("2025年3月24日"), date_words
        gaps = [b[0] - a[1] for a, b in zip(date_words, date_words[1:])]
        assert all(gap < 4.5 for gap in gaps), gaps  # pt; a grid cell would be 15.8
