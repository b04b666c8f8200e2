"""WordprocessingML element order (ECMA-376 Part 1, 5th ed.): where a child goes, and a check.

Word refuses (or "repairs") a file whose property elements are out of schema order or
repeated — a ``w:tblLayout`` after ``w:tblLook``, two ``w:snapToGrid`` in one ``w:pPr``.
The templates are built with ``insert`` (each child at its schema position) and the tests run
``misordered`` over every template and every generated document.
"""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The property containers whose children form an xsd:sequence (each child at most once).
# w:trPr is an xsd:choice (any order) and so is not listed.
_SEQUENCES: dict[str, tuple[str, ...]] = {
    "pPr": (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
        "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
        "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
        "sectPr", "pPrChange",
    ),
    "rPr": (
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
        "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
        "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
        "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "ins", "del",
        "moveFrom", "moveTo", "rPrChange",
    ),
    "tblPr": (
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
        "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
        "tblCaption", "tblDescription", "tblPrChange",
    ),
    "tcPr": (
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
        "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
        "tcPrChange",
    ),
    "sectPr": (
        "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
        "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
        "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
    ),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    "tblBorders": ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV"),
    "tcBorders": ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl"),
}
# children that may repeat (header/footer references, one per kind)
_REPEATABLE = {"headerReference", "footerReference"}
# w:rPr inside w:rPrChange / w:pPrChange repeats the sequence of its parent kind; the
# paragraph mark's w:rPr in a w:pPr follows the run sequence.
_INDEX = {name: {tag: i for i, tag in enumerate(seq)} for name, seq in _SEQUENCES.items()}


def _local(tag: str) -> str | None:
    return tag[len(W) + 2 :] if tag.startswith(f"{{{W}}}") else None


def insert(parent, child) -> None:
    """Put ``child`` into the property container ``parent`` at its schema position,
    replacing an element of the same name (never two ``w:snapToGrid`` in one ``w:pPr``)."""
    order = _INDEX[_local(parent.tag)]
    name = _local(child.tag)
    rank = order[name]
    for existing in list(parent):
        if existing.tag == child.tag and name not in _REPEATABLE:
            parent.remove(existing)
    for index, existing in enumerate(parent):
        other = _local(existing.tag)
        if other is not None and order.get(other, -1) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def misordered(root) -> list[str]:
    """Every property container in ``root`` (an lxml element) whose children break the schema
    sequence: out of order, repeated, or not allowed there. Empty when the part is clean."""
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        name = _local(element.tag)
        order = _INDEX.get(name)
        if order is None:
            continue
        last, seen = -1, set()
        for child in element:
            if not isinstance(child.tag, str):
                continue
            child_name = _local(child.tag)
            if child_name is None:  # another namespace (w14:…), allowed by the schemas' extension points
                continue
            rank = order.get(child_name)
            where = f"w:{name}/w:{child_name}"
            if rank is None:
                problems.append(f"{where} is not allowed there")
            elif child_name in seen and child_name not in _REPEATABLE:
                problems.append(f"{where} appears twice")
            elif rank < last:
                problems.append(f"{where} is out of schema order")
            else:
                last = max(last, rank)
            seen.add(child_name)
    return problems


def docx_misordered(data: bytes) -> list[str]:
    """``misordered`` over every WordprocessingML part of a .docx (document, styles, headers,
    footers, numbering, settings), each problem prefixed with its part name."""
    import io
    import zipfile

    from lxml import etree

    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                problems += [f"{name}: {problem}" for problem in misordered(root)]
    return problems
