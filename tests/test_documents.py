"""Word/Excel output: GB/T 9704-2012 conformance read back with python-docx, round trips, bad input."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from typer.testing import CliRunner

from minutes import templates
from minutes.cli import app
from minutes.writers import (
    deadline_label,
    LEDGER_COLUMNS,
    ledger_status,
    render_docx,
    safe_filename,
    write_assignments,
    write_cover,
    write_ledger,
    write_notice,
    write_minutes,
    write_task_sheet,
)
from minutes.writers.ooxml import docx_misordered, misordered
from minutes.writers.render import TEMPLATES
from minutes.writers.text import text_width, title_lines
from minutes.drafts import Draft, from_json, load_cover, load_draft, load_notice
from minutes.errors import DocumentError
from minutes.models import Assignment, Deadline, Document, Extraction, Meeting, Person, Task
from minutes.store import StoredAssignment, StoredTask

EXAMPLE = Path(str(templates.path("draft-example.yaml")))
NOTICE = Path(str(templates.path("notice-example.yaml")))
COVER = Path(str(templates.path("cover-example.yaml")))

# A fictional meeting, composed for these tests.
EXTRACTION = Extraction(
    title="青川县召开2025年土壤污染防治工作调度会",
    published=date(2025, 4, 8),
    meeting=Meeting(
        name="2025年土壤污染防治工作调度会",
        date=date(2025, 4, 8),
        location="县政府二楼会议室",
        organizer="青川县生态环境局",
        people=[Person("吴启明", "县生态环境局局长", "chair"), Person("蒋丽", "县农业农村局副局长", "reporter")],
        units=["县农业农村局", "县自然资源局"],
    ),
    tasks=[
        Task("要完成受污染耕地安全利用核查", [Assignment("县农业农村局", "lead"), Assignment("县生态环境局", "support")],
             Deadline("6月底前", date(2025, 6, 30), "by")),
        Task("要加强重点监管企业土壤隐患排查", [Assignment("县生态环境局", "responsible")],
             Deadline("10个工作日内", date(2025, 4, 22), "by")),
        Task("要持续做好建设用地准入管理", [Assignment("县自然资源局", "lead")], Deadline("长期坚持", None, "ongoing")),
    ],
)


def draft(**changes) -> Draft:
    base = Draft.from_extraction(EXTRACTION)
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


# -- reading properties back -------------------------------------------------------------

def _rpr_chain(paragraph, run=None):
    """rPr elements from the most specific (run, its character style) to the least (docDefaults)."""
    chain = []
    if run is not None:
        chain.append(run._r.rPr)
        if run.style is not None and run.style.name != "Default Paragraph Font":
            chain.append(run.style.element.rPr)
    style = paragraph.style
    while style is not None:
        chain.append(style.element.rPr)
        style = style.base_style
    defaults = paragraph.part.package.main_document_part.styles.element.find(qn("w:docDefaults"))
    chain.append(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    return [rpr for rpr in chain if rpr is not None]


def effective(paragraph, attribute: str, run=None):
    """The font (``eastAsia``/``ascii``) or size in pt that Word would use for a run of this paragraph."""
    for rpr in _rpr_chain(paragraph, run):
        if attribute == "size":
            sz = rpr.find(qn("w:sz"))
            if sz is not None:
                return int(sz.get(qn("w:val"))) / 2
        else:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is not None and fonts.get(qn(f"w:{attribute}")):
                return fonts.get(qn(f"w:{attribute}"))
    return None


def paragraph_starting(document, prefix: str):
    return next(p for p in document.paragraphs if p.text.startswith(prefix))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def minutes_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("minutes") / "纪要.docx"
    write_minutes(load_draft(EXAMPLE.read_text(encoding="utf-8")), path)
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def task_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("tasks") / "分解表.docx"
    write_task_sheet(draft(), path)
    return docx.Document(str(path))


# -- page ------------------------------------------------------------------------------------

def close(length, mm: float) -> bool:
    return abs(length - Mm(mm)) <= Mm(1)


def test_minutes_page_is_a4_with_gbt9704_margins_and_grid(minutes_doc):
    section = minutes_doc.sections[0]
    assert close(section.page_width, 210) and close(section.page_height, 297)
    assert close(section.top_margin, 37) and close(section.left_margin, 28)
    assert close(section.bottom_margin, 35) and close(section.right_margin, 26)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars" and grid.get(qn("w:linePitch")) == "579"
    # 28 characters of 16 pt + charSpace/4096 pt fill the 156 mm type area
    pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    assert abs(pitch * 28 - Mm(156).pt) < 2


def test_task_sheet_is_landscape_a4(task_doc):
    section = task_doc.sections[0]
    assert section.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE
    assert close(section.page_width, 297) and close(section.page_height, 210)


def test_task_table_header_repeats_and_rows_do_not_split(task_doc):
    table = task_doc.tables[0]
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["序号", "任务内容", "牵头单位", "配合单位", "完成时限", "备注"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert len(table.rows) == 1 + len(EXTRACTION.tasks)


# -- fonts per role ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("prefix", "east_asia", "size"),
    [
        ("清河市生态环境保护委员会办公室会议纪要", "方正小标宋简体", None),  # red header: size fitted
        ("关于推进城区河道水质提升工作", "方正小标宋简体", 22),
        ("2025年3月24日，", "仿宋_GB2312", 16),
        ("一、会议议题", "黑体", 16),
        ("（一）听取", "楷体_GB2312", 16),
        ("1.开展城区雨污管网", "仿宋_GB2312", 16),
        ("（1）排查范围", "仿宋_GB2312", 16),
    ],
)
def test_paragraph_roles_have_their_fonts(minutes_doc, prefix, east_asia, size):
    paragraph = paragraph_starting(minutes_doc, prefix)
    run = next(run for run in paragraph.runs if run.text)
    assert effective(paragraph, "eastAsia", run) == east_asia
    assert effective(paragraph, "ascii", run) == "Times New Roman"
    if size:
        assert effective(paragraph, "size", run) == size


def test_body_has_two_character_first_line_indent(minutes_doc):
    paragraph = paragraph_starting(minutes_doc, "2025年3月24日，")
    ind = paragraph.style.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"


@pytest.mark.parametrize(("prefix", "keeps"), [("一、会议议题", True), ("（一）听取", True), ("1.开展城区雨污管网", False)])
def test_headings_keep_with_the_next_paragraph(minutes_doc, prefix, keeps):
    assert bool(paragraph_starting(minutes_doc, prefix).style.paragraph_format.keep_with_next) is keeps


def test_red_header_is_red_larger_than_the_title_and_condensed_to_one_line(minutes_doc):
    paragraph = minutes_doc.paragraphs[0]
    assert paragraph.style.font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0)
    run = next(run for run in paragraph.runs if run.text)
    size = effective(paragraph, "size", run)
    title = paragraph_starting(minutes_doc, "关于推进城区河道")
    assert size == 36 > effective(title, "size", title.runs[0])  # 小初 over the 2号 title
    # 19 characters of 36 pt are 684 pt; 字符缩放 (w:w) condenses them into the 442 pt type area
    scale = int(run._r.rPr.find(qn("w:w")).get(qn("w:val")))
    assert 50 < scale < 100 and size * scale / 100 * len(paragraph.text) <= Mm(156).pt


def test_short_red_header_keeps_its_full_width(tmp_path):
    path = write_minutes(draft(header="某县会议纪要"), tmp_path / "短.docx")
    run = next(run for run in docx.Document(str(path)).paragraphs[0].runs if run.text)
    assert run.text == "某县会议纪要" and (run._r.rPr is None or run._r.rPr.find(qn("w:w")) is None)


def test_attendance_labels_are_heiti_with_hanging_indent(minutes_doc):
    for label in ("出席：", "请假：", "列席："):
        paragraph = paragraph_starting(minutes_doc, label)
        label_run, names_run = paragraph.runs[0], paragraph.runs[1]
        assert label_run.text == label
        assert effective(paragraph, "eastAsia", label_run) == "黑体"
        assert effective(paragraph, "eastAsia", names_run) == "仿宋_GB2312"
        assert effective(paragraph, "size", label_run) == 16
        ind = paragraph.style.element.pPr.find(qn("w:ind"))
        # text starts 2 characters in; continuation lines align after the 3-character label
        assert (ind.get(qn("w:leftChars")), ind.get(qn("w:hangingChars"))) == ("500", "300")


def test_page_numbers_outer_side_with_page_field(minutes_doc):
    settings = minutes_doc.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    section = minutes_doc.sections[0]
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == getattr(docx.enum.text.WD_ALIGN_PARAGRAPH, alignment.upper())
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert effective(paragraph, "eastAsia", paragraph.runs[0]) == "宋体"
        assert effective(paragraph, "size", paragraph.runs[0]) == 14
        instructions = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
        assert instructions == [" PAGE "]


def imprint_paragraphs(document):
    """The paragraphs of the 版记's text box."""
    box = next(document.element.body.iter(qn("w:txbxContent")))
    return [docx.text.paragraph.Paragraph(p, document.part) for p in box.iterchildren(qn("w:p"))]


def test_imprint_at_the_foot_between_thick_and_thin_rules(minutes_doc):
    anchor = next(minutes_doc.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"))
    position = anchor.find("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}positionV")
    assert position.get("relativeFrom") == "margin" and position[0].text == "bottom"
    lines = imprint_paragraphs(minutes_doc)
    assert [p.text for p in lines] == ["", "分送：市委办公室，市人大常委会办公室，市政协办公室，各区人民政府。", "",
                                       "清河市生态环境保护委员会办公室\t2025年3月25日印发", ""]
    rules = [p._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:sz")) for p in lines if not p.text]
    assert rules == ["8", "6", "8"]  # thick, thin, thick
    distribution, printed = lines[1], lines[3]
    # 分送 one character in; continuation lines under the first unit, after the 3-character label
    ind = distribution._p.pPr.find(qn("w:ind"))
    assert (ind.get(qn("w:leftChars")), ind.get(qn("w:hangingChars"))) == ("400", "300")
    for paragraph in (distribution, printed):
        assert effective(paragraph, "size", paragraph.runs[0]) == 14
        assert effective(paragraph, "eastAsia", paragraph.runs[0]) == "仿宋_GB2312"  # the label too


def test_imprint_without_distribution(tmp_path):
    path = write_minutes(draft(distribution=[], printed_by="某办公室"), tmp_path / "无分送.docx")
    lines = imprint_paragraphs(docx.Document(str(path)))
    assert [p.text for p in lines] == ["", "某办公室\t2025年4月8日印发", ""]


def test_date_line_is_chinese_without_leading_zeros(minutes_doc):
    assert any("2025年3月24日" in p.text for p in minutes_doc.paragraphs[:5])


# -- content -----------------------------------------------------------------------------------

def test_deadline_shown_once():
    # the text names its day: the resolved date would only repeat it
    assert deadline_label(Deadline("6月底前", date(2025, 6, 30), "by"), 2025) == "6月底前"
    assert deadline_label(Deadline("2025年5月15日前", date(2025, 5, 15), "by"), 2025) == "5月15日前"
    assert deadline_label(Deadline("2025年5月15日前", date(2025, 5, 15), "by"), 2024) == "2025年5月15日前"
    assert deadline_label(Deadline("", date(2025, 7, 1), "by"), 2025) == "7月1日前"
    # a relative limit gains the date it resolves to
    assert deadline_label(Deadline("10个工作日内", date(2025, 4, 22), "by"), 2025) == "10个工作日内（4月22日前）"
    # recurring and open-ended limits as written, never one occurrence's date
    assert deadline_label(Deadline("每月5日前", date(2025, 5, 5), "recurring"), 2025) == "每月5日前"
    assert deadline_label(Deadline("长期坚持", None, "ongoing"), 2025) == "长期坚持"


def test_task_sheet_rows(task_doc):
    rows = [[c.text for c in row.cells] for row in task_doc.tables[0].rows[1:]]
    assert rows[0] == ["1", "要完成受污染耕地安全利用核查", "县农业农村局", "县生态环境局", "6月底前", ""]
    assert rows[1][2] == "县生态环境局"  # responsible with no lead named leads
    assert rows[1][4] == "10个工作日内（4月22日前）"  # the date only where the text does not say it
    assert rows[2][4] == "长期坚持"


def test_task_sheet_is_an_attachment_whose_note_does_not_repeat_the_title(tmp_path):
    document = docx.Document(str(write_task_sheet(draft(number="第3期", header="青川县生态环境局会议纪要"),
                                                  tmp_path / "t.docx")))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:3] == ["附件", "2025年土壤污染防治工作调度会议定事项任务分解表", "（青川县生态环境局会议纪要第3期附件）"]
    assert effective(document.paragraphs[0], "eastAsia", document.paragraphs[0].runs[0]) == "黑体"


def test_task_sheet_units_one_a_line_in_columns_as_wide_as_the_longest_name(tmp_path):
    units = ["清河市住房和城乡建设局", "市发展改革委", "市生态环境局"]
    task = Task("要完成排查", [Assignment(units[0], "lead"), Assignment(units[1], "support"), Assignment(units[2], "support")],
                Deadline("每月5日前", date(2025, 5, 5), "recurring"))
    document = docx.Document(str(write_task_sheet(draft(decisions=Draft.from_extraction(Extraction(tasks=[task])).decisions),
                                                  tmp_path / "t.docx")))
    table = document.tables[0]
    row = table.rows[1].cells
    assert (row[2].text, row[3].text, row[4].text) == (units[0], "市发展改革委\n市生态环境局", "每月5日前")
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
    assert abs(sum(widths) - Mm(225).twips) < 20  # the landscape type area
    char = 14 * 20  # twips of one 4号 character
    assert widths[2] >= 11 * char and widths[3] >= 6 * char and widths[1] > widths[2]


def test_round_trip_extract_json_to_minutes(tmp_path):
    source = tmp_path / "extract.jsonl"
    source.write_text(json.dumps(EXTRACTION.to_dict("x.txt"), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "纪要.docx"
    result = invoke("doc", "minutes", str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = all_text(docx.Document(str(out)))
    for task in EXTRACTION.tasks:
        assert task.text in text
        assert task.deadline.text in text
        for unit in task.units:
            assert unit.name in text
    assert "2025年土壤污染防治工作调度会纪要" in text
    assert "出席：县农业农村局副局长蒋丽、县农业农村局、县自然资源局" in text


def test_assignments_one_per_unit(tmp_path):
    paths = write_assignments(draft(number="〔2025〕7号"), tmp_path, on=date(2025, 4, 9))
    assert sorted(p.name for p in paths) == sorted(
        f"交办单-{u}.docx" for u in ("县农业农村局", "县生态环境局", "县自然资源局")
    )
    document = docx.Document(str(tmp_path / "交办单-县生态环境局.docx"))
    text = all_text(document)
    assert "2025年4月9日" in text and "青川县生态环境局" in text
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows[1:]]
    assert [(r[1], r[2]) for r in rows] == [("要完成受污染耕地安全利用核查", "配合"), ("要加强重点监管企业土壤隐患排查", "负责")]
    assert document.tables[1].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_yaml_draft_parses_deadlines_against_meeting_date():
    parsed = load_draft(EXAMPLE.read_text(encoding="utf-8"))
    assert parsed.date == date(2025, 3, 24)
    first = parsed.decisions[0]
    assert first.task.deadline == Deadline("6月底前", date(2025, 6, 30), "by")
    assert [(u.name, u.role) for u in first.task.units] == [
        ("市住房城乡建设局", "lead"), ("市生态环境局", "support"), ("各区人民政府", "support")
    ]
    assert parsed.decisions[2].task.deadline.date == date(2025, 5, 15)


def test_cli_by_unit_and_templates_export(tmp_path):
    result = invoke("doc", "tasks", str(EXAMPLE), "--by-unit", str(tmp_path), "--date", "2025-03-26")
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("交办单-*.docx"))) == 4
    out = tmp_path / "exported"
    out.mkdir()
    assert invoke("templates", "export", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(["assignment.docx", "minutes.docx", "tasks.docx", "notice.docx", "reminder.docx",
                                                           "cover.docx", "draft-example.yaml", "notice-example.yaml",
                                                           "cover-example.yaml"])


def test_customized_template_is_used(tmp_path):
    custom = tmp_path / "custom.docx"
    document = docx.Document(str(templates.path("tasks.docx")))
    document.paragraphs[0].runs[0].text = "【定制】{{ title }}"
    document.save(str(custom))
    out = tmp_path / "t.docx"
    result = invoke("doc", "tasks", str(EXAMPLE), "-o", str(out), "--template", str(custom))
    assert result.exit_code == 0, result.output
    assert docx.Document(str(out)).paragraphs[0].text.startswith("【定制】城区河道水质提升工作推进会")


# -- the 台账 --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("deadline", "due", "status", "expected"),
    [
        (Deadline("6月底前", date(2025, 6, 30), "by"), date(2025, 6, 30), "已交办", "已交办（逾期）"),
        (Deadline("7月5日前", date(2025, 7, 5), "by"), date(2025, 7, 5), "办理中", "办理中（临期）"),
        (Deadline("9月底前", date(2025, 9, 30), "by"), date(2025, 9, 30), "已交办", "已交办"),
        (Deadline("6月底前", date(2025, 6, 30), "by"), date(2025, 6, 30), "已办结", "已办结"),
        (Deadline("每月5日前", date(2025, 4, 5), "recurring"), None, "待交办", "待交办"),  # first occurrence long past
        (Deadline("长期坚持", None, "ongoing"), None, "已交办", "已交办"),
    ],
)
def test_ledger_status(deadline, due, status, expected):
    task = StoredTask("要完成核查", [StoredAssignment("县农业农村局", "lead", unit="县农业农村局")], deadline,
                      id=1, document_id=1, seq=1, status=status, due=due, document_title="通知")
    assert ledger_status(task, date(2025, 7, 1)) == expected


def test_ledger_from_archive(tmp_path):
    from openpyxl import load_workbook

    from minutes.store import TASK_STATES, Archive

    db = tmp_path / "m.db"
    doc = Document("notice.txt", "txt", raw=b"composed", title=EXTRACTION.title, published=date(2025, 4, 8))
    with Archive(db) as archive:
        archive.save(doc, EXTRACTION)
        lead = archive.task(1).units[0].unit  # the canonical name: 青川县农业农村局
        archive.issue([(lead, [1])], on=date(2025, 4, 9), number_format="〔{year}〕督字{n}号")
        archive.change_task(1, "办理中", note="已核查3个乡镇")
        tasks = archive.tasks()
        out = tmp_path / "台账.xlsx"
        write_ledger(tasks, out, today=date(2025, 7, 1), organ="县环委办", register=archive.register())
    assert sum(len(task.units) or 1 for task in tasks) == 4  # task × unit
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "县环委办重点任务督办台账" and sheet["A2"].value == "截至2025年7月1日"
    assert [c.value for c in sheet[3]][:11] == [title for title, _ in LEDGER_COLUMNS]
    assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref == "A3:K7" and sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in sheet.oddFooter.center.text and sheet["C4"].font.name == "仿宋"
    # one 序号 per task (soonest due first), its units on the rows under it
    assert [c.value for c in sheet["A"][3:7]] == [1, 2, None, 3]
    second = [c.value for c in sheet[5]]
    assert second[:6] == [2, "T2025-001", "要完成受污染耕地安全利用核查", f"牵头：{lead}（〔2025〕督字1号）",
                          datetime(2025, 6, 30), "办理中"]
    assert second[6] == "已核查3个乡镇" and sheet["D6"].value.startswith("配合：") and "生态环境局" in sheet["D6"].value
    assert "A5:A6" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["E7"].value == "长期坚持" and sheet["F4"].value == "待交办"
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"' + ",".join(TASK_STATES) + '"' and str(validation.sqref) == "F4:F7"
    rules = [rule.formula[0] for rng in sheet.conditional_formatting for rule in rng.rules]
    assert any("TODAY()" in formula for formula in rules) and '$F4="已办结"' in rules

    result = invoke("doc", "ledger", "--db", str(db), "--unit", "县自然资源局", "-o", str(tmp_path / "u.xlsx"))
    assert result.exit_code == 0, result.output
    assert load_workbook(tmp_path / "u.xlsx").active.max_row == 4  # title, 截至, header, the one task

    # the archived document is a SOURCE too, by its id
    result = invoke("doc", "minutes", "1", "--db", str(db), "-o", str(tmp_path / "m.docx"))
    assert result.exit_code == 0, result.output
    text = all_text(docx.Document(str(tmp_path / "m.docx")))
    assert all(task.text in text for task in EXTRACTION.tasks) and "县农业农村局" in text


def test_source_from_stdin(tmp_path):
    out = tmp_path / "m.docx"
    line = json.dumps(EXTRACTION.to_dict("x.txt"), ensure_ascii=False)
    result = CliRunner().invoke(app, ["doc", "minutes", "-", "-o", str(out)], input=line + "\n")
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["doc", "tasks", "-", "-o", str(tmp_path / "t.docx")],
                                input=EXAMPLE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert "开展城区雨污管网错接混接排查" in all_text(docx.Document(str(tmp_path / "t.docx")))


# -- bad input: a valid document or one error line, never a half-written file -------------------

def test_control_characters_are_stripped(tmp_path):
    noisy = draft(title="土壤\x0b污染\x1f防治纪要", decisions=[])
    noisy.decisions = Draft.from_extraction(
        Extraction(tasks=[Task("要\x0b完成\x1f核查\x00工作", [Assignment("县\x1f农业农村局", "lead")])])
    ).decisions
    write_minutes(noisy, tmp_path / "m.docx")
    write_task_sheet(noisy, tmp_path / "t.docx")
    text = all_text(docx.Document(str(tmp_path / "m.docx"))) + all_text(docx.Document(str(tmp_path / "t.docx")))
    assert "土壤污染防治纪要" in text and "要完成核查工作" in text and "县农业农村局" in text


def test_long_task_and_many_tasks(tmp_path):
    long_text = "要" + "加强监管" * 500  # 2,001 characters
    many = [Task(f"要完成第{i}项整改任务", [Assignment("县生态环境局", "lead")], Deadline("年底前", date(2025, 12, 31), "by"))
            for i in range(300)]
    big = Draft.from_extraction(Extraction(title="专项整治", tasks=[Task(long_text)] + many))
    write_minutes(big, tmp_path / "m.docx")
    write_task_sheet(big, tmp_path / "t.docx")
    table = docx.Document(str(tmp_path / "t.docx")).tables[0]
    assert len(table.rows) == 302 and table.rows[1].cells[1].text == long_text
    assert "301.要完成第299项整改任务" in all_text(docx.Document(str(tmp_path / "m.docx")))


def test_empty_task_list_and_missing_date_and_place(tmp_path):
    bare = Draft(title="临时会议纪要")
    write_minutes(bare, tmp_path / "m.docx")
    write_task_sheet(bare, tmp_path / "t.docx")
    assert write_assignments(bare, tmp_path) == []
    text = all_text(docx.Document(str(tmp_path / "m.docx")))
    assert "召开会议。现将会议主要精神纪要如下：" in text and "None" not in text
    assert "未形成需要分解落实的任务" in all_text(docx.Document(str(tmp_path / "t.docx")))


@pytest.mark.parametrize(
    ("yaml_text", "field"),
    [
        ("title: 会议纪要\nattendees: {张三: 1}\n", "attendees"),
        ("title: 会议纪要\ndate: 下周一\n", "date"),
        ("title: {a: 1}\n", "title"),
        ("title: 纪要\ndecisions:\n  - text: 要整改\n    lead: {a: 1}\n", "decisions[1].lead"),
        ("title: 纪要\ntitel: x\n", "titel"),
        ("organ: 某局\n", "title"),
    ],
)
def test_yaml_field_errors_name_the_field(tmp_path, yaml_text, field):
    source = tmp_path / "draft.yaml"
    source.write_text(yaml_text, encoding="utf-8")
    out = tmp_path / "m.docx"
    result = invoke("doc", "minutes", str(source), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert f"'{field}'" in result.stderr
    assert not out.exists()


def test_invalid_yaml_and_json_are_one_line_errors(tmp_path):
    bad_yaml = tmp_path / "d.yaml"
    bad_yaml.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="not valid YAML"):
        load_draft(bad_yaml.read_text())
    with pytest.raises(DocumentError, match="not valid JSON"):
        from_json("{broken")
    with pytest.raises(DocumentError, match="failed"):
        from_json('{"source": "a.txt", "error": "cannot decode"}')


def test_output_in_missing_folder_is_an_error(tmp_path):
    result = invoke("doc", "minutes", str(EXAMPLE), "-o", str(tmp_path / "nowhere" / "m.docx"))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_title_with_slash_and_colon_becomes_a_safe_file_name(tmp_path, monkeypatch):
    source = tmp_path / "draft.yaml"
    source.write_text("title: 关于A/B区:整治的纪要\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("doc", "minutes", str(source))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "关于A_B区_整治的纪要.docx").is_file()


@pytest.mark.parametrize(
    ("name", "safe"),
    [("a/b:c*d?e\"f<g>h|i\\j", "a_b_c_d_e_f_g_h_i_j"), ("CON", "_CON"), ("com1.docx", "_com1.docx"),
     ("名字. ", "名字"), ("", "未命名"), ("长" * 300, "长" * 80)],
)
def test_safe_filename(name, safe):
    assert safe_filename(name) == safe


def test_template_syntax_error_is_one_line_and_writes_nothing(tmp_path):
    broken = tmp_path / "broken.docx"
    document = docx.Document(str(templates.path("minutes.docx")))
    document.paragraphs[0].runs[0].text = "{% if %}"
    document.save(str(broken))
    out = tmp_path / "m.docx"
    result = invoke("doc", "minutes", str(EXAMPLE), "-o", str(out), "--template", str(broken))
    assert result.exit_code == 1 and result.stderr.startswith("error: template broken.docx")
    assert result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == [broken]  # no output, no temp file left behind


@pytest.mark.parametrize(
    "tag",
    ["{{ title.__class__.__mro__ }}", "{{ title.__class__.__mro__[1].__subclasses__() }}",
     "{% include '/etc/passwd' %}", "{{ tasks.append(1) }}", "{{ undefined_name }}"],
)
def test_templates_are_sandboxed(tmp_path, tag):
    evil = tmp_path / "evil.docx"
    document = docx.Document(str(templates.path("tasks.docx")))
    document.paragraphs[0].runs[0].text = tag
    document.save(str(evil))
    with pytest.raises(DocumentError, match="template evil.docx"):
        render_docx("tasks.docx", {"title": "x", "note": "", "tasks": []}, template=evil)


def test_a_customized_templates_columns_rendered_by_a_loop_get_a_grid_that_fits(tmp_path):
    # {%tc%} columns: the rendered rows hold as many cells as the list, the table's grid
    # follows them (docxtpl's fix, made only for the table that needs it); a table whose
    # grid fits its rows keeps its grid
    import io
    import zipfile

    columns = tmp_path / "columns.docx"
    document = docx.Document()
    loop = document.add_table(rows=1, cols=3)
    loop.rows[0].cells[0].text = "{%tc for unit in units %}"
    loop.rows[0].cells[1].text = "{{ unit }}"
    loop.rows[0].cells[2].text = "{%tc endfor %}"
    document.add_table(rows=2, cols=2).rows[0].cells[0].text = "{{ title }}"
    document.save(str(columns))
    rendered = render_docx("tasks.docx", {"title": "x", "units": ["县水利局", "县林业局", "县交通局", "县住建局"]},
                           template=columns)
    body = zipfile.ZipFile(io.BytesIO(rendered)).read("word/document.xml").decode()
    grids = [grid.count("<w:gridCol") for grid in body.split("<w:tblGrid>")[1:]]
    assert grids == [4, 2]
    assert "县住建局" in body


def test_text_is_escaped_not_interpreted(tmp_path):
    tricky = draft(title="<w:p>&{{ 7*7 }}</w:p>")
    write_minutes(tricky, tmp_path / "m.docx")
    assert "<w:p>&{{ 7*7 }}</w:p>" in all_text(docx.Document(str(tmp_path / "m.docx")))


def test_not_a_docx_template(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("plain text", encoding="utf-8")
    with pytest.raises(DocumentError, match="not a Word .docx"):
        write_minutes(draft(), tmp_path / "m.docx", template=fake)
    assert not (tmp_path / "m.docx").exists()


def test_existing_output_survives_a_failed_render(tmp_path):
    out = tmp_path / "m.docx"
    out.write_bytes(b"previous version")
    broken = tmp_path / "broken.docx"
    document = docx.Document(str(templates.path("minutes.docx")))
    document.paragraphs[0].runs[0].text = "{% for %}"
    document.save(str(broken))
    with pytest.raises(DocumentError):
        write_minutes(draft(), out, template=broken)
    assert out.read_bytes() == b"previous version"


def test_unknown_source_and_missing_archive(tmp_path):
    result = invoke("doc", "minutes", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "m.docx"))
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = invoke("doc", "minutes", "3", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "m.docx"))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_round_trip_on_the_seed_corpus(shared_dir, tmp_path):
    """Real announcements: extract → the JSON of ``minutes extract`` → 会议纪要 → every task, unit, deadline."""
    from minutes.ingest import understand
    from minutes.readers import read

    seeds = sorted(p for p in (shared_dir / "corpus" / "seeds").iterdir() if p.suffix in (".txt", ".html", ".docx"))
    assert seeds
    for path in seeds:
        _, extraction = understand(read(path))
        out = write_minutes(from_json(json.dumps(extraction.to_dict(str(path)), ensure_ascii=False)),
                            tmp_path / f"{path.stem}.docx")
        text = all_text(docx.Document(str(out)))
        for task in extraction.tasks:
            assert task.text in text
            assert all(unit.name in text for unit in task.units)
            if task.deadline:
                assert task.deadline.text in text


# -- clean OOXML -------------------------------------------------------------------------------



def generated_documents(folder: Path) -> dict[str, Path]:
    """One file of every document type the writers produce (the 台账 is .xlsx, no Word file)."""
    example = load_draft(EXAMPLE.read_text(encoding="utf-8"))
    files = {
        "minutes": write_minutes(example, folder / "纪要.docx"),
        "tasks": write_task_sheet(example, folder / "分解表.docx"),
        "assignment": write_assignments(example, folder, on=date(2025, 3, 26))[0],
        "notice": write_notice(load_notice(NOTICE.read_text(encoding="utf-8")), folder / "通知.docx"),
    }
    cover = load_cover(COVER.read_text(encoding="utf-8"))
    files["cover"] = write_cover(cover, files["notice"], folder / "稿纸.docx")
    files["cover-tasks"] = write_cover(cover, files["tasks"], folder / "稿纸-分解表.docx")
    return files


@pytest.mark.parametrize("name", TEMPLATES)
def test_templates_follow_the_schema_order(name):
    assert docx_misordered(templates.path(name).read_bytes()) == []


def test_generated_documents_follow_the_schema_order(tmp_path):
    for kind, path in generated_documents(tmp_path).items():
        assert docx_misordered(path.read_bytes()) == [], kind


def test_schema_order_check_finds_repeated_and_misordered_elements():
    from lxml import etree

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    table = etree.fromstring(f'<w:tblPr {w}><w:tblW/><w:tblLayout/><w:tblLook/><w:tblLayout/></w:tblPr>')
    assert misordered(table) == ["w:tblPr/w:tblLayout appears twice"]
    paragraph = etree.fromstring(f'<w:pPr {w}><w:jc/><w:spacing/></w:pPr>')
    assert misordered(paragraph) == ["w:pPr/w:spacing is out of schema order"]


def test_font_table_declares_the_gbt9704_fonts_with_fallbacks(minutes_doc):
    fonts = next(rel.target_part for rel in minutes_doc.part.rels.values() if rel.reltype.endswith("/fontTable"))
    from lxml import etree

    root = etree.fromstring(fonts.blob)
    alt = {font.get(qn("w:name")): (font.find(qn("w:altName")).get(qn("w:val")) if font.find(qn("w:altName")) is not None else None)
           for font in root.iterchildren(qn("w:font"))}
    assert alt["仿宋_GB2312"] == "仿宋" and alt["楷体_GB2312"] == "楷体"
    assert alt["方正小标宋简体"] and alt["黑体"] and "Times New Roman" in alt


def test_core_properties_carry_now_and_the_office(tmp_path):
    before = datetime.now(timezone.utc).replace(microsecond=0)
    document = docx.Document(str(write_minutes(load_draft(EXAMPLE.read_text(encoding="utf-8")), tmp_path / "m.docx")))
    core = document.core_properties
    assert core.created >= before and core.modified >= before
    assert core.author == core.last_modified_by == "清河市生态环境保护委员会办公室"
    assert core.title == "关于推进城区河道水质提升工作的会议纪要"
    rels = document.part.package.rels.values()
    assert not any(rel.reltype.endswith("/thumbnail") for rel in rels)  # python-docx's sample picture


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_are_written_readable_as_the_umask_allows(tmp_path, umask, mode):
    import os
    import stat

    old = os.umask(umask)
    try:
        path = write_minutes(draft(), tmp_path / "m.docx")
        ledger = write_ledger([], tmp_path / "l.xlsx")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode and stat.S_IMODE(ledger.stat().st_mode) == mode


# -- titles ------------------------------------------------------------------------------------



def test_short_title_is_one_line():
    assert title_lines("关于推进城区河道水质提升工作的会议纪要", 20) == ["关于推进城区河道水质提升工作的会议纪要"]


@pytest.mark.parametrize("title", [
    "清河市生态环境保护委员会关于进一步加强城区河道水质提升和汛期溢流应急处置工作的会议纪要",
    "关于开展第二轮中央生态环境保护督察反馈问题整改落实情况专项检查的通知",
    "青川县2025年土壤污染防治和农村生活污水治理工作调度会议定事项任务分解表",
])
def test_long_title_breaks_between_words_in_a_trapezoid_or_diamond(title):
    import jieba

    lines = title_lines(title, 20)
    assert "".join(lines) == title and len(lines) >= 2
    assert all(len(line) <= 20 for line in lines)
    stops, at = set(), 0
    for word in jieba.lcut(title):
        at += len(word)
        stops.add(at)
    ends = [len("".join(lines[: i + 1])) for i in range(len(lines) - 1)]
    assert all(end in stops for end in ends), lines  # never inside a word
    widths = [len(line) for line in lines]
    peak = widths.index(max(widths))
    assert widths[: peak + 1] == sorted(widths[: peak + 1]), lines  # rising to the longest …
    assert widths[peak:] == sorted(widths[peak:], reverse=True), lines  # … and not rising after it


def test_line_breaks_written_in_the_draft_are_kept(tmp_path):
    source = "title: |\n  关于城区河道\n  整治工作的会议纪要\norgan: 某局\n"
    assert load_draft(source).title == "关于城区河道\n整治工作的会议纪要"
    assert load_draft("title: [关于城区河道, 整治工作的会议纪要]\n").title == "关于城区河道\n整治工作的会议纪要"
    path = write_minutes(load_draft(source), tmp_path / "m.docx")
    title = paragraph_starting(docx.Document(str(path)), "关于城区河道")
    assert title.text == "关于城区河道\n整治工作的会议纪要"  # one paragraph, a line break (w:br) inside


# -- 会议通知 and 发文稿纸 ------------------------------------------------------------------------

def body_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


def test_notice_from_the_example_draft(tmp_path):
    document = docx.Document(str(write_notice(load_notice(NOTICE.read_text(encoding="utf-8")), tmp_path / "n.docx")))
    texts = body_texts(document)
    assert texts[:4] == ["清河市生态环境保护委员会办公室文件", "清环委办〔2025〕12号", "关于召开城区河道水质提升工作推进会的通知",
                         "市生态环境局，市住房城乡建设局，市水务局，各区人民政府："]
    assert texts[4] == ("为加快推进城区河道水质提升工作，经研究，定于2025年4月2日（星期三）上午9:30在市政府第三会议室"
                        "召开城区河道水质提升工作推进会。现将有关事项通知如下：")
    headings = [p.text for p in document.paragraphs if p.style.name == "一级标题"]
    assert headings == ["一、会议时间", "二、会议地点", "三、参会人员", "四、会议议程", "五、有关要求"]
    assert "市生态环境局：主要负责同志和分管负责同志；市住房城乡建设局：分管负责同志；" in "".join(texts)
    assert "（一）请携带本单位整治工作进展书面材料（一式十份）。" in texts
    assert any(t.startswith("（三）请各参会单位于2025年3月31日下午5:00前将参会回执（见附件）报送至") for t in texts)
    assert "附件：参会回执" in texts and texts[-1] == "请于2025年3月31日下午5:00前报送。"
    # the 回执 lists the attending units for them to fill in, on a page of its own, before the 版记
    receipt = document.tables[0]
    assert [row.cells[0].text for row in receipt.rows] == ["单位", "市生态环境局", "市住房城乡建设局", "市水务局", "各区人民政府"]
    assert next(p for p in document.paragraphs if p.text == "附件").paragraph_format.page_break_before
    assert [p.text for p in imprint_paragraphs(document) if p.text] == [
        "抄送：市委办公室，市政府办公室。", "清河市生态环境保护委员会办公室\t2025年3月26日印发"]
    assert document.core_properties.identifier == "清环委办〔2025〕12号"


def test_notice_with_the_meeting_alone(tmp_path):
    document = docx.Document(str(write_notice(load_notice("meeting: 专题会\n"), tmp_path / "n.docx")))
    texts = body_texts(document)
    assert "关于召开专题会的通知" in texts and "经研究，定于召开专题会。现将有关事项通知如下：" in texts
    assert not document.tables  # no attendees, no 回执


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("organ: 某局\n", "'meeting' is required"),
    ("meeting: 会\nattendees: [{who: 局长}]\n", "attendees[1]"),
    ("meeting: 会\nplace: [a]\n", "'place'"),
    ("meeting: 会\nwhen: 明天\n", "unknown notice draft field 'when'"),
])
def test_notice_draft_errors_name_the_field(tmp_path, yaml_text, message):
    source = tmp_path / "n.yaml"
    source.write_text(yaml_text, encoding="utf-8")
    result = invoke("doc", "notice", str(source), "-o", str(tmp_path / "n.docx"))
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "n.docx").exists()


def test_cover_wraps_the_document_after_the_form(tmp_path):
    notice = write_notice(load_notice(NOTICE.read_text(encoding="utf-8")), tmp_path / "通知.docx")
    result = invoke("doc", "cover", str(notice), str(COVER))
    assert result.exit_code == 0, result.output
    path = tmp_path / "通知-发文稿纸.docx"
    assert result.output.strip() == str(path)
    document = docx.Document(str(path))
    form = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    form.update({row.cells[2].text: row.cells[3].text for row in document.tables[0].rows})
    assert form["标题"] == "关于召开城区河道水质提升工作推进会的通知"  # read from the wrapped file
    assert form["发文字号"] == "清环委办〔2025〕12号"
    assert (form["密级"], form["缓急"], form["份数"], form["核稿"], form["签发"]) == ("公开", "平件", "20", "王芳", "")
    assert form["会签"] == "市住房城乡建设局、市水务局"
    texts = body_texts(document)
    assert texts[0] == "清河市生态环境保护委员会办公室发文稿纸"
    assert "清河市生态环境保护委员会办公室文件" in texts and "附件：参会回执" in texts  # the document follows
    # two sections: the form without page numbers, the document numbered from 1 with the footers
    first, second = document.sections
    assert first._sectPr.find(qn("w:footerReference")) is None
    assert second._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert second.footer.paragraphs[0].text.startswith("— ")


def test_cover_keeps_a_landscape_document_landscape(tmp_path):
    sheet = write_task_sheet(draft(), tmp_path / "t.docx")
    document = docx.Document(str(write_cover(load_cover("urgency: 加急\n"), sheet, tmp_path / "c.docx")))
    first, second = document.sections
    assert first.page_width < first.page_height and second.page_width > second.page_height
    assert "要完成受污染耕地安全利用核查" in all_text(document)


def test_cover_of_a_file_that_is_no_docx(tmp_path):
    bogus = tmp_path / "x.docx"
    bogus.write_text("no zip", encoding="utf-8")
    result = invoke("doc", "cover", str(bogus), str(COVER), "-o", str(tmp_path / "c.docx"))
    assert result.exit_code == 1 and "x.docx is not a Word .docx file" in result.output


def test_task_sheet_title_breaks_like_the_minutes_title(tmp_path):
    long = draft(meeting="清河市2025年城区河道水质提升和汛期溢流应急处置工作专题推进会", title="纪要")
    document = docx.Document(str(write_task_sheet(long, tmp_path / "t.docx")))
    title = next(p for p in document.paragraphs if p.style.name == "公文标题")
    lines = title.text.split("\n")
    assert "".join(lines) == "清河市2025年城区河道水质提升和汛期溢流应急处置工作专题推进会议定事项任务分解表"
    widths = [text_width(line) for line in lines]  # digits count half a character
    assert len(lines) == 2 and max(widths) <= 28 and widths[0] <= widths[1]  # a trapezoid
