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
from docx.shared import Emu, Mm, Pt, RGBColor

from minutes.writers.ooxml import insert

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
# DIGITS: on a character grid LibreOffice gives each digit after a Chinese character a cell of
# its own and pads a run of Latin text to whole cells: 2025 年4 月18 日 (gaps of 7–12 pt).
# Word's remedy, w:snapToGrid off on the digits' runs, LibreOffice (7.4) does not read, nor
# w:autoSpaceDE/DN; a `snapToChars` grid centres every character in its cell, worse. What
# keeps dates tight is the body styles not snapping to the grid at all (w:snapToGrid off on
# the paragraph): the 98 % glyphs still make 28 characters a line, an exact line spacing of
# the grid's pitch (579 twips) still makes 22 lines a page, and the section keeps its 28 × 22
# grid for a clerk who checks 页面设置. Only LibreOffice's own gap between Chinese and Latin
# text remains (a fifth of the font size, 3.2 pt), which no .docx setting turns off there.
#
# LibreOffice also ignores w:firstLineChars and the like, and moves a twips indent up to the
# next whole cell: 2 × 16 pt = 640 twips became a three-cell indent. The twips written next
# to the *Chars are therefore whole points a shade under a cell (15 pt per character).
TYPE_AREA_TWIPS = PAGE_W.twips - LEFT.twips - RIGHT.twips  # 8845, as the .docx stores them
CELL_PT = TYPE_AREA_TWIPS / 20 / CHARS  # 15.795 pt
CHAR_SPACE = round((CELL_PT - BODY_PT) * 4096)  # -841
GLYPH_SCALE = math.floor(100 * CELL_PT / BODY_PT)  # 98 (%): 15.68 pt, inside LibreOffice's 15.75 pt cell too
TYPE_AREA_MM = TYPE_AREA_TWIPS * 25.4 / 1440  # 156 mm
TABLE_CHAR_MM = 14 * 25.4 / 72  # one character of 表头 (四号)
CELL_MARGINS_MM = 2 * 1.9 + 0.5  # Word's and LibreOffice's default cell margins, and a little room
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
    """Insert ``child`` into a property container at its schema position (Word rejects misordered XML)."""
    insert(parent, child)


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
            # 28 characters a line without the character grid (see GLYPH_SCALE) …
            _insert(style.element.get_or_add_rPr(), _element("w:w", val=GLYPH_SCALE))
            # … which LibreOffice would otherwise impose on digits too (2025 年4 月18 日, see
            # DIGITS below); 22 lines a page from an exact line pitch equal to the grid's
            snap_to_grid(ppr, False)
            _insert(ppr, _element("w:spacing", line=LINE_PITCH, lineRule="exact"))
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
    return doc


# fontTable: the fonts the styles name, each with the face Word/WPS substitute when it is
# missing (w:altName) and its GB 2312 character set, so a machine without 仿宋_GB2312 shows 仿宋
FONTS = (
    # name, altName, charset, family, pitch
    (LATIN, None, "00", "roman", "variable"),
    (FANGSONG, "仿宋", "86", "modern", "fixed"),
    (XIAOBIAOSONG, "宋体", "86", "script", "fixed"),
    (HEITI, "SimHei", "86", "modern", "fixed"),
    (KAITI, "楷体", "86", "modern", "fixed"),
    (SONGTI, "SimSun", "86", "auto", "variable"),
)


def font_table() -> bytes:
    from xml.sax.saxutils import quoteattr

    fonts = []
    for name, alt, charset, family, pitch in FONTS:
        alt_name = f"<w:altName w:val={quoteattr(alt)}/>" if alt else ""
        fonts.append(f"<w:font w:name={quoteattr(name)}>{alt_name}<w:charset w:val=\"{charset}\"/>"
                     f"<w:family w:val=\"{family}\"/><w:pitch w:val=\"{pitch}\"/></w:font>")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            + "".join(fonts) + "</w:fonts>").encode("utf-8")


# styles the templates use; python-docx's default template carries some 160 more (360 kB of
# styles.xml that every rendering would parse and write again)
KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}


def save(doc, path: Path) -> None:
    """Save without python-docx's leftovers: its 2013 dates and thumbnail, the Word 2010
    stylesWithEffects part, unused styles; with the font table of the fonts really used."""
    package = doc.part.package
    for rels, reltype in ((package.rels, "thumbnail"), (doc.part.rels, "stylesWithEffects")):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith("/" + reltype):
                rels.pop(rid)
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            rel.target_part._blob = font_table()
    ours = {doc.styles[name].style_id for name in (*PARAGRAPH_STYLES, *CHARACTER_STYLES)}
    for style in list(doc.styles.element.iterchildren(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEPT_STYLES | ours:
            doc.styles.element.remove(style)
    core = doc.core_properties
    core.author = core.last_modified_by = "minutes"
    core.title = core.comments = core.subject = core.keywords = core.category = ""
    core.revision = 1
    from datetime import datetime

    # the build date; every rendering stamps its own (minutes.writers.render)
    core.created = core.modified = datetime(2025, 1, 1)
    doc.save(path)


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


def imprint(doc, rows: list[tuple[str | None, str]]) -> None:
    """版记 (GB/T 9704 §7.4) at the foot of the last page: a text box anchored to the bottom of
    the type area (LibreOffice 7.4 places neither a floating table nor a w:framePr frame there),
    its lines between rules as wide as the type area — the first and last thick, those between
    thin.

    ``rows``: (label, text); a row whose label is ``None`` is a docxtpl ``{%p %}`` tag. A
    labelled line (``分送：…``) starts one character in and its continuation lines align under
    the first unit (hanging indent); the 印发 line has the office one character in and the date
    one character from the right. Labels are 4号 仿宋 like the rest. The rules are paragraphs of
    their own (a border of an indented paragraph would start at its indent).
    """
    from docx.enum.text import WD_LINE_SPACING

    width = type_area_width(doc)
    lines = []

    def rule(thick: bool):
        line = para(doc, "版记")
        pf = line.paragraph_format
        pf.line_spacing, pf.line_spacing_rule = Pt(1), WD_LINE_SPACING.EXACTLY
        borders(line, bottom=(THICK if thick else THIN, "000000"))
        lines.append(line)

    labelled_rows = [index for index, (label, _) in enumerate(rows) if label is not None]
    for index, (label, text) in enumerate(rows):
        if label is None:
            lines.append(para(doc, "版记", text))
            continue
        rule(index == labelled_rows[0])
        line = para(doc, "版记", label + text)
        ppr = line._p.get_or_add_pPr()
        if label:
            indent_chars(ppr, left=1 + len(label), hanging=len(label), char_pt=14)
        else:
            indent_chars(ppr, left=1, right=1, char_pt=14)
            right_tab(line.paragraph_format, width - Pt(28))
        lines.append(line)
    rule(True)
    anchor = para(doc, "公文正文")
    anchor._p.append(_bottom_box(Emu(width), Pt(20 * len(rows)), [line._p for line in lines]))


def _bottom_box(width, height, paragraphs):
    """A run holding a borderless DrawingML text box, as wide as the type area, aligned to the
    bottom of the margin box; its height grows with the text (spAutoFit). Wrapped in
    mc:AlternateContent/mc:Choice Requires="wps" as Word writes its own text boxes."""
    from lxml import etree

    run = etree.fromstring(f"""
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0"
           locked="0" layoutInCell="1" allowOverlap="0">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>
<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>
<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapTopAndBottom/><wp:docPr id="1" name="版记"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent/></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"><a:spAutoFit/></wps:bodyPr>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>""")
    content = run.find(f".//{qn('w:txbxContent')}")
    for paragraph in paragraphs:
        content.append(paragraph)  # moved out of the body into the box
    return run


# 纪要标志 (GB/T 9704 §7.2.1, §10.3): its top 35 mm below the type area's top. The paragraph
# has an exact line height and the space before that puts the glyphs' top there (measured in
# LibreOffice's PDF, tests/test_documents_office.py); two blank lines follow before the number.
MASTHEAD_LINE = Pt(48)
MASTHEAD_BEFORE = Mm(35) - Pt(8)


def masthead(doc) -> None:
    from docx.enum.text import WD_LINE_SPACING

    header = para(doc, "红头", "{{r header }}")
    pf = header.paragraph_format
    pf.space_before = MASTHEAD_BEFORE
    pf.line_spacing, pf.line_spacing_rule = MASTHEAD_LINE, WD_LINE_SPACING.EXACTLY
    para(doc, "公文正文")
    para(doc, "公文正文")


def sections(doc) -> None:
    """``sections``: headings 一、 with items of level 2 （一）, 3 1., 4 （1）, or plain paragraphs."""
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


def build_minutes(path: Path) -> None:
    doc = new_document()
    masthead(doc)
    para(doc, "公文正文", "{%p if number %}")
    para(doc, "发文字号", "{{ number }}")
    para(doc, "公文正文", "{%p endif %}")
    # the office one character in, the date one character from the right
    info = para(doc, "版头信息", "\u3000{{ organ }}\t{{ date }}")
    right_tab(info.paragraph_format, type_area_width(doc) - Pt(GRID_INDENT_PT + 1))
    borders(info, bottom=(12, "FF0000"))  # the red rule under the header block
    para(doc, "公文正文")
    para(doc, "公文正文")
    para(doc, "公文标题", "{{ title }}")
    para(doc, "公文正文")
    para(doc, "公文正文", "{%p for text in body %}")
    para(doc, "公文正文", "{{ text }}")
    para(doc, "公文正文", "{%p endfor %}")
    sections(doc)
    para(doc, "公文正文", "{%p if attendance %}")
    para(doc, "公文正文")
    para(doc, "公文正文", "{%p endif %}")
    para(doc, "公文正文", "{%p for entry in attendance %}")
    labelled(doc, "出席名单", "{{ entry.label }}：", "{{ entry.names }}")
    para(doc, "公文正文", "{%p endfor %}")
    imprint(doc, [(None, "{%p if distribution %}"), ("分送：", "{{ distribution }}"), (None, "{%p endif %}"),
                  ("", "{{ printed_by }}\t{{ printed_on }}印发")])
    save(doc, path)


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
    # python-docx's autofit = False has written the one w:tblLayout type="fixed", in schema order


def build_tasks(path: Path) -> None:
    doc = new_document(landscape=True)
    # the table goes out as the 纪要's 附件: the label top left, 3号 黑体
    labelled(doc, "版头信息", "附件", "", "栏目标签")
    para(doc, "公文正文")
    para(doc, "公文标题", "{{ title }}")
    para(doc, "发文字号", "{%p if note %}")
    para(doc, "发文字号", "{{ note }}")
    para(doc, "发文字号", "{%p endif %}")
    para(doc, "公文正文")
    task_table(
        doc,
        [
            # widths for a clerk opening the template; each rendering fits them to its content
            ("序号", "{{ task.number }}", 15),
            ("任务内容", "{{ task.text }}", 83),
            ("牵头单位", "{{ task.lead }}", 32),
            ("配合单位", "{{ task.support }}", 32),
            ("完成时限", "{{ task.deadline }}", 38),
            ("备注", "{{ task.remark }}", 25),
        ],
        loop="{%tr for task in tasks %}",
    )
    para(doc, "公文正文", "{%p if not tasks %}")
    para(doc, "公文正文", "本次会议未形成需要分解落实的任务。")
    para(doc, "公文正文", "{%p endif %}")
    save(doc, path)


def keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def form_table(doc, rows: list[tuple[str | None, ...]], shares: list[float]):
    """A bordered form of label and value columns, one pair per share: each row's texts by
    column, ``None`` where the cell before spans on.

    Labels in 表头, each label column as wide as its longest label on one line (a label
    broken after three characters reads badly); the value columns share the rest of the
    type area by ``shares``. Values in 表格文字; rows never split.
    """
    labels = [max(len(row[i] or "") for row in rows if row[i + 1] is not None) for i in range(0, 2 * len(shares), 2)]
    label_mm = [math.ceil(n * TABLE_CHAR_MM + CELL_MARGINS_MM) for n in labels]
    rest = TYPE_AREA_MM - sum(label_mm)
    widths = [w for label, share in zip(label_mm, shares) for w in (label, rest * share / sum(shares))]
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
            _insert(cell._tc.get_or_add_tcPr(), _element("w:vAlign", val="center"))
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
    ], [60, 52])
    para(doc, "公文正文")
    table = task_table(
        doc,
        [
            ("编号", "{{ task.code }}", 31),
            ("任务内容", "{{ task.text }}", 53),
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
    ], [58, 50])
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
    save(doc, path)


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
    save(doc, path)


def signature(doc, organ: str, date: str) -> None:
    """发文机关署名 over the 成文日期, the date four characters from the right."""
    for text, right in ((organ, 2), (date, 4)):
        line = para(doc, "落款", text)
        indent_chars(line._p.get_or_add_pPr(), right=right)


def build_notice(path: Path) -> None:
    """会议通知: 文件 masthead, number over the red rule, title, 主送, body in sections, 附件说明,
    signature, the 回执 on a page of its own (附件 come before the 版记, GB/T 9704 §8), then
    the 版记 (抄送, 印发) at the foot of the last page."""
    doc = new_document()
    masthead(doc)
    number = para(doc, "发文字号", "{{ number }}")
    borders(number, bottom=(12, "FF0000"))  # the red rule under the number
    para(doc, "公文正文")
    para(doc, "公文正文")
    para(doc, "公文标题", "{{ title }}")
    para(doc, "公文正文")
    para(doc, "公文正文", "{%p if to %}")
    para(doc, "版头信息", "{{ to }}：")
    para(doc, "公文正文", "{%p endif %}")
    para(doc, "公文正文", "{%p for text in body %}")
    para(doc, "公文正文", "{{ text }}")
    para(doc, "公文正文", "{%p endfor %}")
    sections(doc)
    para(doc, "公文正文", "{%p if receipt %}")
    para(doc, "公文正文")
    para(doc, "公文正文", "附件：{{ receipt.title }}")
    para(doc, "公文正文", "{%p endif %}")
    para(doc, "公文正文")
    para(doc, "公文正文")
    signature(doc, "{{ organ }}", "{{ date }}")
    para(doc, "公文正文", "{%p if receipt %}")
    label = labelled(doc, "版头信息", "附件", "", "栏目标签")
    label.paragraph_format.page_break_before = True
    para(doc, "公文正文")
    para(doc, "公文标题", "{{ receipt.title }}")
    para(doc, "公文正文")
    task_table(doc, [("单位", "{{ row.unit }}", 46), ("姓名", "{{ row.name }}", 26), ("职务", "{{ row.post }}", 34),
                     ("联系电话", "{{ row.phone }}", 50)], loop="{%tr for row in receipt.rows %}")
    para(doc, "公文正文")
    para(doc, "公文正文", "{{ receipt.note }}")
    para(doc, "公文正文", "{%p endif %}")
    imprint(doc, [(None, "{%p if distribution %}"), ("抄送：", "{{ distribution }}"), (None, "{%p endif %}"),
                  ("", "{{ printed_by }}\t{{ printed_on }}印发")])
    save(doc, path)


def build_cover(path: Path) -> None:
    """发文稿纸: the sign-off form; the document it wraps follows on the next pages."""
    doc = new_document()
    para(doc, "公文标题", "{{ title }}")
    para(doc, "公文正文")
    rows = (
        ("签发", "{{ signer }}", "会签", "{{ countersign }}"),
        ("核稿", "{{ reviewer }}", "拟稿人", "{{ drafter }}"),
        ("拟稿单位", "{{ drafting_unit }}", "联系电话", "{{ phone }}"),
        ("密级", "{{ classification }}", "缓急", "{{ urgency }}"),
        ("发文字号", "{{ number }}", "份数", "{{ copies }}"),
        ("标题", "{{ document_title }}", None, None),
        ("主送", "{{ to }}", None, None),
        ("抄送", "{{ cc }}", None, None),
        ("附件", "{{ attachments }}", None, None),
    )
    form = form_table(doc, list(rows), [62, 46])
    for row, texts in zip(form.rows, rows):
        row.height = Mm(40 if texts[0] in ("签发", "会签", "核稿") else 14)  # room for a handwritten signature
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    para(doc, "公文正文")
    save(doc, path)


def main() -> None:
    build_minutes(HERE / "minutes.docx")
    build_tasks(HERE / "tasks.docx")
    build_assignment(HERE / "assignment.docx")
    build_reminder(HERE / "reminder.docx")
    build_notice(HERE / "notice.docx")
    build_cover(HERE / "cover.docx")


if __name__ == "__main__":
    main()
