"""Build the Word templates (minutes.docx, tasks.docx, assignment.docx) with exact GB/T 9704 figures.

docxtpl fills the Jinja tags; everything it cannot express — page size, margins, the
document grid, fonts per paragraph role, footers with the PAGE field, table header
repetition — lives in these files. They are generated here once so that every figure
is exact, then committed; clerks may restyle them in Word/WPS afterwards.

    .venv/bin/python templates/source/build.py        # rewrites templates/*.docx

Not shipped in the wheel: templates/source is no package, and only *.docx and *.yaml are package data.
"""

from __future__ import annotations

import math
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parents[1]  # templates/, where the .docx files live

# GB/T 9704-2012 figures (see ../shared/docs/gbt9704.md)
PAGE_W, PAGE_H = Mm(210), Mm(297)
TOP, LEFT, BOTTOM, RIGHT = Mm(37), Mm(28), Mm(35), Mm(26)
LINES, CHARS = 22, 28
LINE_PITCH = 579  # twips: 225 mm / 22 lines
BODY_PT = 16  # 三号

# The character grid of the portrait documents (页面设置 → 文档网格: 指定行和字符网格, 28 × 22).
# One grid cell is the type-area width / 28 = 15.79 pt, narrower than a 16 pt character;
# w:charSpace stores the difference from the Normal style's 16 pt in 1/4096 pt (-841).
# Word and WPS put one full-width character in each cell whatever its width.
#
# LibreOffice (checked with 7.4) reads the same grid (its cell comes out 315 twips, a shade
# under Word's 315.9) but gives a character as many whole cells as its advance needs: a
# 16 pt character needs two 15.75 pt cells, so lines held 14 characters. Condensed spacing
# (w:spacing) does not help: on a character grid LibreOffice measures characters without it.
# What does help is a glyph that fits one cell: 16 pt at 98 % width (w:w) is 15.68 pt wide.
# So the 16 pt styles on the grid keep 三号 (w:sz 32) and the grid stays as the standard has
# it, but their characters are drawn at 98 % width: in LibreOffice that gives 28 characters
# a line; in Word/WPS each character still takes one cell, 28 a line, only 2 % narrower
# (0.3 pt, not visible in print). A `lines` grid with condensed spacing would also give 28
# in both, but would lose the 28-character grid a clerk checks in 页面设置.
#
# LibreOffice also ignores w:firstLineChars and the like, and moves a twips indent up to the
# next whole cell: 2 × 16 pt = 640 twips became a three-cell indent. The twips written next
# to the *Chars are therefore whole points a shade under a cell (15 pt per character).
TYPE_AREA_TWIPS = PAGE_W.twips - LEFT.twips - RIGHT.twips  # 8845, as the .docx stores them
CELL_PT = TYPE_AREA_TWIPS / 20 / CHARS  # 15.795 pt
CHAR_SPACE = round((CELL_PT - BODY_PT) * 4096)  # -841
GLYPH_SCALE = math.floor(100 * CELL_PT / BODY_PT)  # 98 (%): 15.68 pt, inside LibreOffice's 15.75 pt cell too
GRID_INDENT_PT = math.floor(CELL_PT)  # 15 pt per character of indent on the grid
RED = RGBColor(0xFF, 0x00, 0x00)
THICK, THIN = 8, 6  # border widths in eighths of a point: 0.35 mm ≈ 1 pt, 0.25 mm ≈ 0.75 pt

LATIN = "Times New Roman"
XIAOBIAOSONG, FANGSONG, HEITI, KAITI, SONGTI = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"

# name: (east-Asian font, size pt, alignment, first-line indent in chars, extra)
PARAGRAPH_STYLES = {
    "公文正文": (FANGSONG, 16, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, {}),
    # large type off the character grid: on it each 22 pt character would take two 15.8 pt cells
    "公文标题": (XIAOBIAOSONG, 22, WD_ALIGN_PARAGRAPH.CENTER, 0, {"grid": False}),
    "红头": (XIAOBIAOSONG, 36, WD_ALIGN_PARAGRAPH.CENTER, 0, {"color": RED, "grid": False}),
    "发文字号": (FANGSONG, 16, WD_ALIGN_PARAGRAPH.CENTER, 0, {}),
    "版头信息": (FANGSONG, 16, WD_ALIGN_PARAGRAPH.LEFT, 0, {}),
    # headings never stand alone at the foot of a page
    "一级标题": (HEITI, 16, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, {"outline": 0, "keep_with_next": True}),
    "二级标题": (KAITI, 16, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, {"outline": 1, "keep_with_next": True}),
    "三级标题": (FANGSONG, 16, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, {"outline": 2}),
    "四级标题": (FANGSONG, 16, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, {"outline": 3}),
    "出席名单": (FANGSONG, 16, WD_ALIGN_PARAGRAPH.JUSTIFY, 0, {}),
    "落款": (FANGSONG, 16, WD_ALIGN_PARAGRAPH.RIGHT, 0, {}),
    "版记": (FANGSONG, 14, WD_ALIGN_PARAGRAPH.LEFT, 0, {"grid": False}),
    "页码": (SONGTI, 14, WD_ALIGN_PARAGRAPH.RIGHT, 0, {"latin": SONGTI}),
    "表格文字": (FANGSONG, 14, WD_ALIGN_PARAGRAPH.LEFT, 0, {"grid": False}),
    "表头": (HEITI, 14, WD_ALIGN_PARAGRAPH.CENTER, 0, {"grid": False}),
}
CHARACTER_STYLES = {"出席标签": HEITI, "栏目标签": HEITI}


def _insert(parent, child) -> None:
    """Insert ``child`` into a pPr/rPr at its schema position (Word rejects misordered XML)."""
    parent.insert_element_before(child, *_SUCCESSORS[parent.tag][child.tag])


def _successors(sequence: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {qn(tag): sequence[i + 1 :] for i, tag in enumerate(sequence)}


_SUCCESSORS = {
    qn("w:pPr"): _successors((
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
        "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
        "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
        "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
        "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
        "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
        "w:sectPr", "w:pPrChange",
    )),
    qn("w:rPr"): _successors((
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
        "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
        "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
        "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
        "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
    )),
}


def _element(tag: str, **attrs: str | int):
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def set_fonts(rpr, east_asia: str, latin: str = LATIN) -> None:
    """Latin letters and digits in ``latin``, Chinese in ``east_asia`` (no theme fonts)."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def indent_chars(pf_element, *, first_line: int = 0, left: int = 0, hanging: int = 0, right: int = 0,
                 char_pt: float = GRID_INDENT_PT) -> None:
    """Indents in characters (w:*Chars, which Word/WPS align to the grid) plus twips for other readers.

    ``char_pt``: the twips per character — the font size off the grid, a shade under a grid
    cell on it (LibreOffice rounds an indent up to whole cells).
    """
    ind = pf_element.get_or_add_ind()
    twips = int(char_pt * 20)
    for attr, chars in (("firstLine", first_line), ("left", left), ("hanging", hanging), ("right", right)):
        if chars:
            ind.set(qn(f"w:{attr}"), str(chars * twips))
            ind.set(qn(f"w:{attr}Chars"), str(chars * 100))


def borders(paragraph, **edges: tuple[int, str]) -> None:
    """Paragraph rules: ``top=(width in 1/8 pt, hex colour)``, ``bottom=...``."""
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = _element("w:pBdr")
    for edge in ("top", "bottom"):
        if edge in edges:
            width, colour = edges[edge]
            pbdr.append(_element(f"w:{edge}", val="single", sz=width, space=1, color=colour))
    _insert(ppr, pbdr)


def snap_to_grid(ppr, on: bool) -> None:
    _insert(ppr, _element("w:snapToGrid", val=int(on)))


def right_tab(paragraph_format, position) -> None:
    paragraph_format.tab_stops.add_tab_stop(position, WD_TAB_ALIGNMENT.RIGHT)


def add_styles(doc, *, char_grid: bool) -> None:
    """The paragraph and character styles; ``char_grid``: the page has the 28-character grid."""
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, FANGSONG)
    rpr.find(qn("w:sz")).set(qn("w:val"), str(BODY_PT * 2))
    rpr.find(qn("w:szCs")).set(qn("w:val"), str(BODY_PT * 2))
    rpr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    default_ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    # no automatic gap between Chinese and Latin/digits: 2025年3月24日 stays tight
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        _insert(default_ppr, _element(tag, val=0))
    spacing = default_ppr.find(qn("w:spacing"))
    for attr in ("w:after", "w:line", "w:lineRule"):
        spacing.attrib.pop(qn(attr), None)
    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), FANGSONG)
    normal.font.size = Pt(BODY_PT)

    for name, (east_asia, size, align, first_line, extra) in PARAGRAPH_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        set_fonts(style.element.get_or_add_rPr(), east_asia, extra.get("latin", LATIN))
        style.font.size = Pt(size)
        if "color" in extra:
            style.font.color.rgb = extra["color"]
        pf = style.paragraph_format
        pf.alignment = align
        pf.space_before = pf.space_after = Pt(0)
        pf.keep_with_next = extra.get("keep_with_next", False) or None
        ppr = style.element.get_or_add_pPr()
        on_char_grid = char_grid and extra.get("grid", True)
        if on_char_grid and size == BODY_PT:
            # one character per grid cell in LibreOffice too (see GLYPH_SCALE)
            _insert(style.element.get_or_add_rPr(), _element("w:w", val=GLYPH_SCALE))
        if first_line:
            indent_chars(ppr, first_line=first_line, char_pt=GRID_INDENT_PT if on_char_grid else size)
        if "outline" in extra:
            ppr.get_or_add_outlineLvl().set(qn("w:val"), str(extra["outline"]))
        if extra.get("grid") is False:
            snap_to_grid(ppr, False)
    for name, east_asia in CHARACTER_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        set_fonts(style.element.get_or_add_rPr(), east_asia)

    attendance = styles["出席名单"].element.get_or_add_pPr()
    # 出席：names… — the label starts two characters in; continuation lines align after the colon
    indent_chars(attendance, left=5, hanging=3, char_pt=GRID_INDENT_PT if char_grid else BODY_PT)
    footer = styles["页码"].element.get_or_add_pPr()
    snap_to_grid(footer, False)


def page_number_field(paragraph) -> None:
    """``— PAGE —``: a real PAGE field, so Word/WPS/LibreOffice number every page."""
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            run._r.append(_element("w:fldChar", fldCharType=kind))
        elif text == " PAGE ":
            instr = _element("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    paragraph.add_run(" —")


def setup_page(doc, *, landscape: bool = False) -> None:
    """A4, GB/T 9704 margins and grid; page numbers on the outer side (odd right, even left)."""
    section = doc.sections[0]
    if landscape:
        # the portrait sheet turned a quarter: the binding edge (28 mm) is now at the top
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = PAGE_H, PAGE_W
        section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = LEFT, TOP, RIGHT, BOTTOM
    else:
        section.page_width, section.page_height = PAGE_W, PAGE_H
        section.top_margin, section.left_margin, section.bottom_margin, section.right_margin = TOP, LEFT, BOTTOM, RIGHT
    section.header_distance = Mm(15)
    # the page number sits 7 mm below the type area: footer text (one 4号 line ≈ 5 mm) ends 23 mm up
    section.footer_distance = section.bottom_margin - Mm(7) - Mm(5)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    if landscape:
        grid.set(qn("w:type"), "lines")
    else:
        grid.set(qn("w:type"), "linesAndChars")
        # character pitch = type-area width / 28, expressed as the extra space per character in 1/4096 pt
        grid.set(qn("w:charSpace"), str(CHAR_SPACE))

    doc.settings.odd_and_even_pages_header_footer = True
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles["页码"]
        ppr = paragraph._p.get_or_add_pPr()
        if side == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            indent_chars(ppr, right=1, char_pt=14)
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            indent_chars(ppr, left=1, char_pt=14)
        page_number_field(paragraph)


def type_area_width(doc):
    section = doc.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def new_document(*, landscape: bool = False):
    doc = Document()
    add_styles(doc, char_grid=not landscape)
    setup_page(doc, landscape=landscape)
    body = doc.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    doc.core_properties.author = "minutes"
    doc.core_properties.title = ""
    doc.core_properties.comments = ""
    return doc


def para(doc, style: str, text: str = ""):
    paragraph = doc.add_paragraph(style=doc.styles[style])
    if text:
        paragraph.add_run(text)
    return paragraph


def labelled(doc, style: str, label: str, text: str, label_style: str = "出席标签"):
    """A paragraph whose first run (a label such as ``出席：``) has its own character style."""
    paragraph = doc.add_paragraph(style=doc.styles[style])
    paragraph.add_run(label, style=doc.styles[label_style])
    paragraph.add_run(text)
    return paragraph


def imprint(doc, with_distribution: bool):
    """版记: optional 分送 line, then 印发机关 … 印发日期, between thick (outer) and thin (inner) rules.

    The rules must span the type area, so the paragraphs have no indent; the one-character
    indents of GB/T 9704 are a full-width space before and a tab stop one character short.
    """
    if with_distribution:
        line = labelled(doc, "版记", "\u3000分送：", "{{ distribution }}", "栏目标签")
        borders(line, top=(THICK, "000000"), bottom=(THIN, "000000"))
    printed = para(doc, "版记", "\u3000{{ printed_by }}\t{{ printed_on }}印发")
    right_tab(printed.paragraph_format, type_area_width(doc) - Pt(14))
    if with_distribution:
        borders(printed, bottom=(THICK, "000000"))
    else:
        borders(printed, top=(THICK, "000000"), bottom=(THICK, "000000"))


def build_minutes(path: Path) -> None:
    doc = new_document()
    para(doc, "红头", "{{r header }}")
    para(doc, "公文正文", "{%p if number %}")
    para(doc, "发文字号", "{{ number }}")
    para(doc, "公文正文", "{%p endif %}")
    info = para(doc, "版头信息", "{{ organ }}\t{{ date }}")
    right_tab(info.paragraph_format, type_area_width(doc))
    borders(info, bottom=(12, "FF0000"))  # the red rule under the header block
    para(doc, "公文正文")
    para(doc, "公文标题", "{{ title }}")
    para(doc, "公文正文")
    para(doc, "公文正文", "{%p for text in body %}")
    para(doc, "公文正文", "{{ text }}")
    para(doc, "公文正文", "{%p endfor %}")
    para(doc, "公文正文", "{%p for section in sections %}")
    para(doc, "一级标题", "{{ section.heading }}")
    para(doc, "公文正文", "{%p for item in section['items'] %}")
    para(doc, "公文正文", "{%p if item.level == 2 %}")
    para(doc, "二级标题", "{{ item.text }}")
    para(doc, "公文正文", "{%p elif item.level == 3 %}")
    para(doc, "三级标题", "{{ item.text }}")
    para(doc, "公文正文", "{%p elif item.level == 4 %}")
    para(doc, "四级标题", "{{ item.text }}")
    para(doc, "公文正文", "{%p else %}")
    para(doc, "公文正文", "{{ item.text }}")
    para(doc, "公文正文", "{%p endif %}")
    para(doc, "公文正文", "{%p endfor %}")
    para(doc, "公文正文", "{%p endfor %}")
    para(doc, "公文正文", "{%p if attendance %}")
    para(doc, "公文正文")
    para(doc, "公文正文", "{%p endif %}")
    para(doc, "公文正文", "{%p for entry in attendance %}")
    labelled(doc, "出席名单", "{{ entry.label }}：", "{{ entry.names }}")
    para(doc, "公文正文", "{%p endfor %}")
    para(doc, "公文正文")
    para(doc, "公文正文", "{%p if distribution %}")
    imprint(doc, with_distribution=True)
    para(doc, "公文正文", "{%p else %}")
    imprint(doc, with_distribution=False)
    para(doc, "公文正文", "{%p endif %}")
    doc.save(path)


def table_row_flags(row, *, header: bool) -> None:
    """Header rows repeat on every page; no row is split across pages."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_element("w:cantSplit"))
    if header:
        trpr.append(_element("w:tblHeader"))


def task_table(doc, columns: list[tuple[str, str, float]], *, loop: str, end: str = "{%tr endfor %}"):
    """A table: header row, a ``{%tr for %}`` row, the row template, the closing row.

    ``columns`` = (header, cell tag, width in mm).
    """
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header, opening, template, closing = table.rows
    fixed_widths(table, [width for _, _, width in columns])
    for index, (title, tag, width) in enumerate(columns):
        cell = header.cells[index]
        cell.paragraphs[0].style = doc.styles["表头"]
        cell.paragraphs[0].add_run(title)
        cell = template.cells[index]
        cell.paragraphs[0].style = doc.styles["表格文字"]
        cell.paragraphs[0].add_run(tag)
        if index in (0,) or title in ("完成时限", "职责"):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    opening.cells[0].paragraphs[0].add_run(loop)
    closing.cells[0].paragraphs[0].add_run(end)
    table_row_flags(header, header=True)
    table_row_flags(template, header=False)
    for row in table.rows:
        for cell in row.cells:
            tcpr = cell._tc.get_or_add_tcPr()
            tcpr.append(_element("w:vAlign", val="center"))
    return table


def fixed_widths(table, widths_mm: list[float]) -> None:
    """Column widths in the grid (LibreOffice reads these) and in every cell (Word), layout fixed."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    tblpr = table._tbl.tblPr
    tblpr.append(_element("w:tblLayout", type="fixed"))


def build_tasks(path: Path) -> None:
    doc = new_document(landscape=True)
    para(doc, "公文标题", "{{ title }}")
    para(doc, "发文字号", "{%p if note %}")
    para(doc, "发文字号", "{{ note }}")
    para(doc, "发文字号", "{%p endif %}")
    para(doc, "公文正文")
    task_table(
        doc,
        [
            ("序号", "{{ task.number }}", 15),
            ("任务内容", "{{ task.text }}", 83),
            ("牵头单位", "{{ task.lead }}", 32),
            ("配合单位", "{{ task.support }}", 32),
            ("完成时限", "{{ task.deadline }}", 45),
            ("备注", "{{ task.remark }}", 18),
        ],
        loop="{%tr for task in tasks %}",
    )
    para(doc, "公文正文", "{%p if not tasks %}")
    para(doc, "公文正文", "本次会议未形成需要分解落实的任务。")
    para(doc, "公文正文", "{%p endif %}")
    doc.save(path)


def keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def form_table(doc, rows: list[tuple[str | None, ...]], widths: list[float]):
    """A bordered form: each row's texts by column, ``None`` where the cell before spans on.

    Labels (even columns) in 表头, values in 表格文字; rows never split.
    """
    table = doc.add_table(rows=len(rows), cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fixed_widths(table, widths)
    for row, texts in zip(table.rows, rows):
        start = None
        for index, text in enumerate(texts):
            if text is None:
                row.cells[start].merge(row.cells[index])
                continue
            start = index
            paragraph = row.cells[index].paragraphs[0]
            paragraph.style = doc.styles["表头" if index % 2 == 0 else "表格文字"]
            if text:
                paragraph.add_run(text)
        table_row_flags(row, header=False)
    for row in table.rows:
        for cell in row.cells:
            cell._tc.get_or_add_tcPr().append(_element("w:vAlign", val="center"))
    return table


def build_assignment(path: Path) -> None:
    """The 交办单 and, one page each, the 办结回执 / 进展反馈表 of its tasks.

    The seal block never stands alone on a page: on the sheet, the 办理要求, contact and
    seal lines keep with the next; each 回执 is one table whose rows never split and keep
    with the next, so its seal row shares the page with the fields above it.
    """
    doc = new_document()
    para(doc, "公文标题", "{{ masthead }}")
    para(doc, "公文标题", "工作任务交办单")
    para(doc, "发文字号", "{%p if number %}")
    para(doc, "发文字号", "{{ number }}")
    para(doc, "发文字号", "{%p endif %}")
    para(doc, "公文正文")
    form_table(doc, [
        ("交办单位", "{{ organ }}", "交办日期", "{{ date }}"),
        ("承办单位", "{{ unit }}", None, None),
        ("任务来源", "{{ source }}", None, None),
    ], [22, 60, 22, 52])
    para(doc, "公文正文")
    table = task_table(
        doc,
        [
            ("编号", "{{ task.code }}", 27),
            ("任务内容", "{{ task.text }}", 57),
            ("职责", "{{ task.role }}", 14),
            ("协同单位", "{{ task.partners }}", 26),
            ("完成时限", "{{ task.deadline }}", 32),
        ],
        loop="{%tr for task in tasks %}",
    )
    # sub-points under the task text, in the same cell
    cell = table.rows[2].cells[1]
    for text in ("{%p for point in task.points %}", "{{ point }}", "{%p endfor %}"):
        cell.add_paragraph(text, style=doc.styles["表格文字"])
    para(doc, "公文正文")
    keep_with_next(labelled(doc, "公文正文", "办理要求：", "", "栏目标签"))
    # the last requirement (the one on extensions) keeps with the seal; the others may break
    para(doc, "公文正文", "{%p for requirement in requirements[:-1] %}")
    para(doc, "公文正文", "{{ loop.index }}.{{ requirement }}")
    para(doc, "公文正文", "{%p endfor %}")
    keep_with_next(para(doc, "公文正文", "{{ requirements|length }}.{{ requirements[-1] }}"))
    para(doc, "公文正文", "{%p if contact or phone %}")
    keep_with_next(labelled(doc, "公文正文", "联系人：", "{{ contact }}\u3000联系电话：{{ phone }}", "栏目标签"))
    para(doc, "公文正文", "{%p endif %}")
    keep_with_next(para(doc, "公文正文"))
    sign = para(doc, "落款", "交办单位（盖章）")
    keep_with_next(sign)
    indent_chars(sign._p.get_or_add_pPr(), right=4)
    dated = para(doc, "落款", "{{ date }}")
    indent_chars(dated._p.get_or_add_pPr(), right=4)

    para(doc, "公文正文", "{%p for task in tasks %}")
    heading = para(doc, "公文标题", "办结回执／进展反馈表")
    heading.paragraph_format.page_break_before = True
    keep_with_next(heading)
    keep_with_next(para(doc, "发文字号", "（请于办结或报送进展时填写，加盖公章后反馈）"))
    receipt = form_table(doc, [
        ("任务编号", "{{ task.code }}", "交办编号", "{{ number }}"),
        ("承办单位", "{{ unit }}", "职责", "{{ task.role }}"),
        ("任务内容", "{{ task.full }}", None, None),
        ("进展情况", "", None, None),
        ("完成情况", "", None, None),
        ("办结日期", "", "申请延期至", ""),
        ("责任人", "", "联系电话", ""),
        ("", None, None, None),
    ], [24, 58, 24, 50])
    heights = {3: 45, 4: 30, 7: 30}  # mm: room to write, and the whole form on one page
    for index, row in enumerate(receipt.rows):
        if index in heights:
            row.height = Mm(heights[index])
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if index < len(receipt.rows) - 1:  # the table holds together down to its seal row
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    keep_with_next(paragraph)
    seal = receipt.rows[7].cells[0]
    seal.paragraphs[0].style = doc.styles["表格文字"]
    seal.paragraphs[0].add_run("负责人（签字）：")
    for text in ("", "承办单位（盖章）", "年\u3000\u3000月\u3000\u3000日"):
        line = seal.add_paragraph(text, style=doc.styles["表格文字"])
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        indent_chars(line._p.get_or_add_pPr(), right=2, char_pt=14)
    para(doc, "公文正文", "{%p endfor %}")
    doc.save(path)


def build_reminder(path: Path) -> None:
    """督办通知: to one unit, its 逾期 and 临期 tasks; the seal lines keep with the text before them."""
    doc = new_document()
    para(doc, "公文标题", "{{ masthead }}")
    para(doc, "公文标题", "督办通知")
    para(doc, "公文正文")
    para(doc, "版头信息", "{{ unit }}：")
    para(doc, "公文正文", "截至{{ date }}，你单位承办的下列任务{{ summary }}，请抓紧办理，并于{{ reply_by }}前"
         "将办理情况（办结回执或进展反馈表）报送{{ office }}；确需延期的，请在回执中说明原因和新的时限。")
    para(doc, "公文正文")
    task_table(
        doc,
        [
            ("序号", "{{ task.index }}", 12),
            ("交办编号", "{{ task.number }}", 30),
            ("任务编号", "{{ task.code }}", 24),
            ("任务内容", "{{ task.text }}", 50),
            ("时限", "{{ task.due }}", 20),
            ("状态", "{{ task.state }}", 20),
        ],
        loop="{%tr for task in tasks %}",
    )
    para(doc, "公文正文")
    para(doc, "公文正文", "{%p if contact or phone %}")
    keep_with_next(labelled(doc, "公文正文", "联系人：", "{{ contact }}\u3000联系电话：{{ phone }}", "栏目标签"))
    para(doc, "公文正文", "{%p endif %}")
    keep_with_next(para(doc, "公文正文"))
    sign = para(doc, "落款", "{{ organ }}")
    keep_with_next(sign)
    indent_chars(sign._p.get_or_add_pPr(), right=4)
    dated = para(doc, "落款", "{{ date }}")
    indent_chars(dated._p.get_or_add_pPr(), right=4)
    doc.save(path)


def main() -> None:
    build_minutes(HERE / "minutes.docx")
    build_tasks(HERE / "tasks.docx")
    build_assignment(HERE / "assignment.docx")
    build_reminder(HERE / "reminder.docx")


if __name__ == "__main__":
    main()
