"""Task tables: the rows of a table as tasks, columns found by their headers whatever
their order (``序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限``), also when the table was
flattened into text — cells run together, spacing lost, one cell a line, columns of a PDF
interleaved, or rows going on from a page whose header is gone (``unheaded_rows``).

``from_tables`` reads the tables the reader kept as tables (.docx, HTML);
``flattened_tables`` finds tables in the text and says where they lie, so that the
clause readers of ``tasks`` leave those lines alone. Column names are data
(``nlp/data/roles.yaml``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from minutes import datafiles
from minutes.models import Assignment, Deadline, Table
from minutes.nlp.components.clauses import Segmentation, marker_number, signature_lines
from minutes.nlp.components.meeting import rules as meeting_rules
from minutes.nlp.components.units import is_unit, leading_units, split_list, suffix_inside_word, unglue, units_in
from minutes.nlp.components.units import rules as unit_rules
from minutes.nlp.components.roles import (
    Found, REACH, ROLE_IN_PARENS, ROLE_STRENGTH, TRAILING, merge, opening_role_word, partly_stated, roles_sentence, rules,
)
from minutes.nlp.deadline import field_limit, find, needed, resolve, stated_limit
from minutes.patterns import alternation


def from_tables(seg: Segmentation, anchor: date | None) -> list[Found]:
    found: list[Found] = []
    for offset, table in seg.tables:
        found += _table_tasks(offset, table, anchor)
    return found


def _column_kinds(row: list[str]) -> dict[int, str]:
    """Column index -> 'task' | 'deadline' | a role, for a header row."""
    r = rules()
    kinds: dict[int, str] = {}
    for i, cell in enumerate(row):
        # qualifiers read as a flattened header reads them, anywhere in the name (责任单位及责任人,
        # 牵头（责任）单位, 责任单位或牵头单位)
        name = r.column_qualifier.sub("", "".join(cell.split()).rstrip("：:"))
        if name in r.role_label:
            kinds[i] = r.role_label[name]
        elif r.deadline_column.match(name) or r.deadline_column.match(name[2:]):  # 完成时间节点
            kinds[i] = "deadline"
        elif r.task_column.search(name):
            kinds[i] = "task"
        elif r.number_label.match(name):
            kinds[i] = "number"
    if "task" not in kinds.values() and any(kind in ROLE_STRENGTH for kind in kinds.values()):
        # no task column, but units: the column of requirements or targets holds the task
        # (序号 | 工作要求 | 责任单位 | 完成时间)
        i = next((i for i, cell in enumerate(row) if i not in kinds
                  and r.task_fallback.fullmatch("".join(cell.split()).rstrip("：:"))), None)
        if i is not None:
            kinds[i] = "task"
    return kinds


def _spanned_kind(header: list[str], kinds: dict[int, str], i: int) -> str | None:
    """The kind of header column ``i``: its own name's, or for a blank cell the kind of
    the name before it that a merged cell spans it with (责任单位 | blank)."""
    while i > 0 and i not in kinds and i < len(header) and not header[i].strip():
        i -= 1
    return kinds.get(i)


def _repeats_header(row: list[str], kinds: dict[int, str]) -> bool:
    """A header row repeated further down (a table split over pages): its task cell is a
    task label itself."""
    i = next((i for i, kind in kinds.items() if kind == "task"), None)
    return i is not None and i < len(row) and bool(rules().task_label.match("".join(row[i].split()).rstrip("：:")))


def _table_tasks(offset: int, table: Table, anchor: date | None, starts: list[int] | None = None) -> list[Found]:
    """The rows of a table under its header; ``starts``: where each row stands in the
    text (a table written with bars), else the rows count on from ``offset``."""
    rows = table.rows
    for h, row in enumerate(rows[:5]):
        kinds = _column_kinds(row)
        if "task" in kinds.values() and len(kinds) >= 2:
            break
    else:
        return []
    if h + 1 < len(rows) and (sub := {i: kind for i, kind in _column_kinds(rows[h + 1]).items()
                                      if kind in ROLE_STRENGTH and _spanned_kind(rows[h], kinds, i) in ROLE_STRENGTH}):
        # a header over two rows (责任单位 spanning 牵头单位 | 配合单位 below it): the names
        # below say the roles
        kinds.update(sub)
    found: list[Found] = []
    # the first unit column (lead, else responsible): a blank cell there under a filled one
    # is a cell merged over both rows whose span the page lost (a reader that keeps no
    # rowspan gives the rows below it blank): the rows below share its units
    first_units = next((i for i, kind in sorted(kinds.items()) if kind in ("lead", "responsible")), None)
    above = ""
    for n, row in enumerate(rows[h + 1 :], 1):
        if starts is not None:
            offset, n = starts[h + n], 0
        if first_units is not None and first_units < len(row):
            if row[first_units].strip():
                above = row[first_units]
            elif above and any(row[i].strip() for i, kind in kinds.items() if kind == "task" and i < len(row)):
                row = [*row[:first_units], above, *row[first_units + 1:]]
        cells: dict[str, str] = {}
        for i, kind in kinds.items():
            if i < len(row) and (cell := row[i].strip()):
                # two columns of one role (责任单位 over two columns) list their units together;
                # two of the task (重点任务 | 具体措施) say what it is together
                cells[kind] = (f"{cells[kind]}、{cell}" if kind in ROLE_STRENGTH else _joined_text(cells[kind], cell)
                               if kind == "task" else cells[kind]) if kind in cells else cell
        text = " ".join(cells.get("task", "").split()).rstrip(TRAILING)
        if not text or _repeats_header(row, kinds):
            continue
        units: list[Assignment] = []
        for role in ("lead", "responsible", "support"):
            cell = cells.get(role, "")
            if cell:
                units = merge(units, _cell_units(cell, role))
        deadline = stated_limit(cells.get("deadline", ""), anchor) or find(text, anchor)
        number = next((row[i].strip() for i, kind in kinds.items() if kind == "number" and i < len(row)), None)
        found.append(Found(offset + n, text, units, deadline, None, True, number or None))
    return found


def _joined_text(before: str, after: str) -> str:
    """Two task cells of a row as one text: a heading-like first cell (工业污染治理) is
    followed by a colon."""
    return before + after if before.rstrip().endswith(tuple(TRAILING)) else f"{before}：{after}"


def flattened_tables(text: str, anchor: date | None) -> tuple[list[Found], list[tuple[int, int]]]:
    """Task tables whose cells ran together into paragraphs (a page converted to text): a
    run of column headers (工作任务 责任单位 配合单位 完成时间, possibly split over two
    lines; at least three when the line holds something before them, such as the table's
    name), then rows on the rest of that line and the lines after, whose cells are told
    apart by what they hold — a row number, units, a time limit, else the task's text —
    even where spacing was lost and cells are glued (…巡查。县林业局各乡镇长期坚持). A
    row ends where text follows its units or time limit, or at a row number; a task's
    text may go on over the next line. Unit cells take their column's role when every
    unit column is filled; else ``untold_role`` gives each its role; a cell that states
    roles (县林业局牵头 / 县林业局（牵头）) keeps them.
    Returns the rows and the spans of text they cover."""
    found: list[Found] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    text = _rows_of_cell_lines(text)  # same length: offsets hold
    # every header _flat_header reads (a line, two lines joined, names a line each) is,
    # with its spaces and line breaks taken out, a stretch of the text so stripped, where
    # the pattern still finds its names side by side: a text where it finds none has no
    # header to look for line by line
    # (or a unit column's name standing as a cell of its own, in a header whose other names
    # the rules may not know)
    headed = (rules().flat_header.search("".join(text.split())) is not None
              or rules().unit_cell.search(text) is not None)
    lines = text.split("\n")
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    barred = BAR.search(text) is not None  # most texts hold no bar: no line to try as a row of bars
    i = 0
    while i < len(lines):
        if barred and _bar_cells(lines[i]) is None and i + 1 < len(lines) and _bar_table(lines, i + 1) is not None:
            i += 1  # the table's caption (附件2：整改清单) is no part of a header
            continue
        if barred and (bars := _bar_table(lines, i)) is not None:
            # | 序号 | 整改措施 | 责任单位 | 责任人 | 整改时限 |: a table written with bars, its
            # cells told apart by them — read as a table, each cell in its column
            table, j = bars
            rows = _table_tasks(0, table, anchor, starts[i:j])
            if rows:
                found += rows
                spans.append((starts[i], starts[j - 1] + len(lines[j - 1])))
                i = j
                continue
        header = _flat_header(lines, i, anchor) if headed else None
        if header is None and "\t" not in lines[i] and HEADERLESS_ROW.match(lines[i]):
            # a page that goes on with a table whose header stood on the page before: rows
            # with a number, a task, units and a time limit, at least two of them (tab-
            # separated rows are a real table's, read by from_tables)
            header = _FlatRows([], anchor, complete=True), i, 0
        elif header is None and (first := _first_of_rows(lines[i])) is not None:
            # …the same rows run together into one paragraph, after what opened the page
            # (（接上页） 1 开展… 区住建局 6月底前 2 …): read from the first row's number
            header = _FlatRows([], anchor, complete=True), i, first
        if header is None:
            i += 1
            continue
        rows, last, end = header

        def pieces_of(line: str, at: int, k: int, rows: _FlatRows = rows) -> list:
            """The cells of ``line`` (standing at ``at``, ending on line ``k``) in this table."""
            return _flat_pieces(line, at, anchor, rows.others, rows.units_first, cut_off=k == len(lines) - 1,
                                numbered=rows.numbered, units_last=rows.units_last,
                                limit_before_units=rows.limit_before_units)

        pieces = [pieces_of(lines[last][end:], starts[last] + end, last)]
        read: dict[int, list] = {}  # the pieces of each line read, for the look-ahead

        def line_pieces_of(k: int) -> list:
            if k not in read:
                read[k] = pieces_of(lines[k], starts[k], k)
            return read[k]

        def _text_goes_on(k: int, lines_left: int = MAX_CELL_LINES) -> bool:
            """Does the short line of text only at ``k`` go on with a row's text: the line
            after it holds cells, or the line stops short of a sentence's end, at a comma
            (建立村庄保洁长效机制，) or where the page wrapped the cell (对城区石材企业开展 /
            堆场扬尘整治), and the next goes on so, over a few lines at most?"""
            if len(lines[k]) > rules().heading_max_length * 3 or k + 1 == len(lines):
                return False
            if any(kind != "text" for kind, _, _ in line_pieces_of(k + 1)):
                return True
            return (lines_left > 1 and lines[k].rstrip()[-1:] not in CELL_CLOSED
                    and _text_goes_on(k + 1, lines_left - 1))

        j = last + 1
        width = 0  # the width of the task's cell on the line that opened the row, if wrapped
        opening_end = 0  # where that line ends
        closed = False  # the row's text so far ends a sentence
        more = 0  # the wrapped lines read since that line
        # the lines after the header, while they hold cells; a line of text only
        # continues a row (its task's text) when it is short and the line after it holds
        # cells again
        while j < len(lines) and "\t" not in lines[j] and not PLAN_ITEM.match(lines[j]):
            line_pieces = line_pieces_of(j)
            if rows.numbered and rules().header_line.fullmatch(CELL_BREAK.sub("", lines[j])):
                j += 1  # the header again, on the next page of the table
                continue
            if SECTION_ROW.fullmatch(lines[j].strip()):
                j += 1  # a section's row between rows (二、水污染防治): no cell of the row after it
                continue
            if (signed := _signature_at(line_pieces, anchor)) is not None:
                # the body and date signing the document, under the table (its own lines, or
                # the last row's when the page gave that row the lines after it)
                if signed:
                    pieces.append(line_pieces[:signed])
                    j += 1
                elif line_pieces[0][0] == "limit" and pieces and pieces[-1] and _signer_before(pieces[-1]):
                    pieces[-1] = pieces[-1][:-1]  # the body signing stood on the line before the date
                break
            if rows.numbered and line_pieces and line_pieces[0][0] == "number":
                width = _wrap_width(line_pieces)
                opening_end = starts[j] + len(lines[j])
                closed = width > 0 and line_pieces[1][2].rstrip()[-1:] in SENTENCE_END
            elif width and (len(CELL_BREAK.sub("", lines[j])) <= width + WRAP_SLACK and (
                    wrapped := _wrapped_line(line_pieces, pieces[-1 - more], anchor, text,
                                             (opening_end, starts[j] + len(lines[j])), closed)) is not None):
                # a numbered row whose cells the page set side by side and wrapped (1 组织… 区环保局
                # 6月底前 / 重点行业…): the line goes on with the row's text (and with a unit's
                # name the line above cut: …、区市场 / 监管局)
                pieces[-1 - more], line_pieces = wrapped
                pieces.append(line_pieces)
                if line_pieces:
                    closed = line_pieces[-1][2].rstrip()[-1:] in SENTENCE_END
                more += 1
                j += 1
                continue
            else:
                width = 0
            more = 0
            if not any(kind != "text" for kind, _, _ in line_pieces) and not _text_goes_on(j):
                break
            if (line_pieces and (line_pieces[0][0] == "text" or line_pieces[0][0] == "units"
                                 and line_pieces[0][2][0][0].name[0] not in GLUED_NAME_START)
                    and pieces[-1] and pieces[-1][-1][0] == "text" and pieces[-1][-1][2][-1] not in SENTENCE_END
                    and all(kind in ("number", "text") for kind, _, _ in pieces[-1])):
                # a row the page broke inside its text (…做到应 / 淘尽淘 区环保局 …): the line goes
                # on with that text, not with a unit its first characters would make
                # (淘尽淘区环保局): both read as one line
                at = pieces[-1][0][1]
                pieces[-1] = pieces_of(text[at : starts[j - 1] + len(lines[j - 1])] + lines[j], at, j)
            else:
                pieces.append(line_pieces)
            j += 1
        region = text[starts[last] + end : starts[j - 1] + len(lines[j - 1])]
        if rows.interleaved or len(LONE_MARKS.findall(region)) >= MIN_LONE_MARKS:
            # cells a PDF laid out line by line across the columns: read by position
            rows.found = _interleaved_rows(region, starts[last] + end, anchor, rows.unit_columns)
        else:
            for line_pieces in pieces:
                rows.feed(line_pieces)
            rows.close(cut=j == len(lines))
        if len(rows.found) >= (2 if rows.complete else 1):
            found += rows.found
            spans.append((starts[i], starts[j - 1] + len(lines[j - 1])))
        i = max(j, i + 1)
    return found, spans


SPREADSHEET_QUOTED = re.compile(r'"([^"]+)"')  # a cell holding line breaks, as a spreadsheet copies it
MAX_CELL_LINES = 3  # lines of text only a task's cell copied a line at a time may take
CELL_CLOSED = "。.．！!？?"  # how a line ends whose cell does not go on on the next line
WRAP_SLACK = 4  # characters a wrapped line of a cell may exceed its first line by (narrow letters, figures)


def _wrap_width(pieces: list[tuple[str, int, object]]) -> int:
    """The width of the task's cell on a line opening a numbered row, when cells stand to
    its right (1 组织重点行业开展… 区环保局 6月底前): its text's length; 0 for any other line."""
    kinds = [kind for kind, _, _ in pieces]
    if kinds[:2] == ["number", "text"] and any(kind in ("units", "limit") for kind in kinds[2:]):
        return len(pieces[1][2])
    return 0


def _wrapped_line(line: list[tuple[str, int, object]], opening: list[tuple[str, int, object]],
                  anchor: date | None, text: str, ends: tuple[int, int],
                  closed: bool = False) -> tuple[list, list] | None:
    """A wrapped line of a numbered row's cells read as such: its text goes on with the row's
    ("more"), and each cell after it ends, in order, a cell the opening line left cut and
    read as text (区生态环境局、区市场 / 监管局; 区环保局、 / 区发改局; 2024年12 / 月底前),
    the two read again as one unit or time cell; a line of one piece of text ends such a
    cell when the two read as one (区城市管 / 理局), else goes on with the text. The opening
    line's pieces, so read, and the line's; None for a line that is no such line.
    ``ends``: where the opening line and this line end in ``text``; ``closed``: the row's text
    so far ends a sentence, and no text goes on with it (what follows the table does not)."""
    def raw(pieces: list, n: int, end: int) -> str:
        return text[pieces[n][1] : pieces[n + 1][1] if n + 1 < len(pieces) else end].strip(" |")

    def joined(pieces: list, first: int) -> list | None:
        """The opening line's pieces with ``line[first:]`` ending its cut cells, or None."""
        # cells left open: text, and a time limit the edge may have cut after its month
        # (2024年6月 / 底前)
        cut = [n for n in range(2, len(pieces)) if pieces[n][0] in ("text", "limit")]
        pieces = list(pieces)
        for k in range(first, len(line)):
            while cut:
                n = cut.pop(0)
                read = _token_pieces(raw(pieces, n, ends[0]) + raw(line, k, ends[1]), pieces[n][1], anchor, False)
                if len(read) == 1 and read[0][0] in ("units", "limit"):
                    pieces[n] = read[0]
                    break
            else:
                return None
        return pieces

    if not line:
        return None
    if len(line) == 1 and line[0][0] == "text" and (ended := joined(opening, 0)) is not None:
        return ended, []
    lead = 1 if line[0][0] == "text" else 0
    if lead and closed:
        return None
    ended = joined(opening, lead)
    return None if ended is None else (ended, [("more", at, value) for _, at, value in line[:lead]])


def _signature_at(pieces: list[tuple[str, int, object]], anchor: date | None) -> int | None:
    """Where a line's pieces end with the document's signature (县大气办 2021年3月18日 /
    2021年3月18日印发): a date with its year, the document's own, as the line's last time,
    after a body's name (one after the row's units) or alone; None when they do not."""
    limits = [n for n, (kind, _, _) in enumerate(pieces) if kind == "limit"]
    if anchor is None or not limits or any(kind != "text" for kind, _, _ in pieces[limits[-1] + 1:]):
        return None
    limit = pieces[limits[-1]][2]
    if limit.date != anchor or SIGNED_DATE.fullmatch(limit.text) is None:
        return None
    at = limits[-1]
    if at == 0:
        return 0
    if pieces[at - 1][0] != "units" or (at > 1 and pieces[at - 2][0] != "units"):
        return None  # a row's own time cell after its units, however it reads
    at -= 1
    return at if at == 0 or any(kind == "number" for kind, _, _ in pieces[:at]) else None


def _signer_before(pieces: list[tuple[str, int, object]]) -> bool:
    """Does the line before a signature's date end with the body signing: a unit alone on
    its line, or one after the units of a numbered row that took it in?"""
    kinds = [kind for kind, _, _ in pieces]
    return kinds == ["units"] or (kinds[-2:] == ["units", "units"] and "number" in kinds)


SIGNED_DATE = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日")


def _first_of_rows(line: str) -> int | None:
    """Where the first of rows run together into one line starts: a number standing apart
    before the row's text (1 开展… / 2 加强…), numbers following each other (rows 1 and 2,
    or 7 and 8 on a page that goes on); None for a line without such numbers."""
    if " " not in line:
        return None  # (a normalized text keeps blanks only beside figures and letters: most lines hold none)
    numbers = [(int(m.group(1)), m.start(1)) for m in INLINE_ROW_NUMBER.finditer(line)]
    for (n, at), (m, _) in zip(numbers, numbers[1:]):
        if m == n + 1:
            return at
    return None


BAR_ROW = re.compile(r"^\s*[|｜│](.+)[|｜│]\s*$")
BAR = re.compile(r"[|｜│]")
# | --- | --- |: each run of blanks taken whole (possessive), since only a bar, a colon or a dash
# may follow it: a line of blanks is read once, not cut every way
_RULE_ROW = re.compile(r"\s*+[|｜│]?(?:\s*+:?-{3,}:?\s*+[|｜│])+\s*+(?::?-{3,}:?\s*+)?")


def _bar_cells(line: str) -> list[str] | None:
    """The cells of a line written as a row of bars (| a | b | c |), None for any other."""
    m = BAR_ROW.match(line)
    return [cell.strip() for cell in BAR.split(m.group(1))] if m else None


def _bar_table(lines: list[str], i: int) -> tuple[Table, int] | None:
    """A task table written with bars from line ``i``: its header names a task column and a
    unit column, and the rows after it have as many cells; the table and the line after its
    last row, else None."""
    header = _bar_cells(lines[i])
    if header is None or len(header) < 3 or not _names_a_task_table(header):
        return None
    rows, j = [header], i + 1
    if j < len(lines) and _RULE_ROW.fullmatch(lines[j]):
        j += 1  # | --- | :---: |: the line a markdown table rules under its header
    kinds = None
    while j < len(lines) and (cells := _bar_cells(lines[j])) is not None:
        if len(cells) < len(header):
            # a row whose empty cells the page dropped (| 2 | 任务 | 区城管局 | 长期坚持 |
            # under 序号 | 任务 | 牵头单位 | 配合单位 | 完成时限): each cell in the next column
            # that can hold it
            kinds = kinds if kinds is not None else _column_kinds(header)
            cells = _aligned(cells, kinds, len(header))
        if cells is None or len(cells) != len(header):
            break
        rows.append(cells)
        j += 1
    if j > i + 1 and (cut := _cut_row(lines[j:], header, rows[-1])) is not None:
        # the last row, its text cut off by the text's end (| 3 | / 提高…覆)
        row, numbered_above = cut
        if numbered_above:
            rows[-1] = row
        else:
            rows.append(row)
        j = len(lines)
    return (Table(rows), j) if j > i + 1 else None


CUT_ROW = re.compile(r"^[|｜│\s]*(?:(\d{1,3})[|｜│\s]+)?([^|｜│]+?)\s*$")  # | 3 | 提高…覆 where the text ends


def _cut_row(rest: list[str], header: list[str], last: list[str]) -> tuple[list[str], bool] | None:
    """The row of a table written with bars that the text's end cut inside its text (| 3 |
    提高道路清扫…覆, an excerpt ending mid-table; its number may be the last bar row, | 3 |):
    its number and text, the cells after the task's left out (none of the row above's units
    fill them), and whether it takes the place of that last bar row; None for anything else."""
    tail = " ".join(line.strip() for line in rest if line.strip())
    m = CUT_ROW.match(tail) if tail and len(rest) <= MAX_CELL_LINES else None
    if m is None or m.group(2)[-1:] in SENTENCE_END:
        return None
    kinds = _column_kinds(header)
    number = next((k for k, kind in kinds.items() if kind == "number"), None)
    task = next((k for k, kind in kinds.items() if kind == "task"), None)
    if number is None or task is None or number > task:
        return None
    value = m.group(1)
    if value is None:  # the number stood on the last bar row, alone
        if number >= len(last) or not last[number].isdigit() or any(cell for k, cell in enumerate(last) if k != number):
            return None
        value = last[number]
    row = [""] * (task + 1)
    row[number], row[task] = value, m.group(2)
    return row, m.group(1) is None


def _aligned(cells: list[str], kinds: dict[int, str], width: int) -> list[str] | None:
    """The cells of a short row set in the columns that can hold them, in order (units in a
    unit column, a time limit in the time column, a figure in the number column; the task's
    and other columns hold anything), blanks between; None when they do not fit, or when
    a column of the header is of no kind the rules know."""
    if len(kinds) < width:
        return None  # a column whose kind is unknown: where a dropped cell was cannot be told
    row = [""] * width
    column = 0
    for cell in cells:
        while column < width and not _fits(cell, kinds.get(column)):
            column += 1
        if column == width:
            return None
        row[column] = cell
        column += 1
    return row


def _fits(cell: str, kind: str | None) -> bool:
    """Can a column of ``kind`` hold the cell: units go in unit columns only, a time limit
    in the time column, a figure in the number column, other text in the others."""
    units = bool(cell) and units_in(cell) is not None
    limit = bool(cell) and not units and (find(cell, None) is not None or rules().schedule_cell.match(cell) is not None)
    if kind in ROLE_STRENGTH:
        return units
    if kind == "deadline":
        return limit
    if kind == "number":
        return cell.isdigit()
    return not units and not limit


def unheaded_rows(text: str, anchor: date | None) -> list[Found]:
    """A safety net for a document no reader took a task from: the rows of a task table
    whose header was lost or not known (a page that goes on with a table, names the rules
    do not have, cells run together), read line after line by what their cells hold. A row
    is text that closes with units and a time limit or that a row number opens; two rows
    at least make a table, or one that holds all of them (number, units, time limit). A paragraph of text only, between rows, ends the row before it.
    With no header to say where the units stand, the rows are read both ways (units after
    the text, units before it: 区住建局 开展…) and the reading with more rows is kept."""
    best: list[Found] = []
    long_line = rules().heading_max_length * 3
    lines = text.split("\n")
    signed = signature_lines([(0, line, False) for line in lines])  # (the issuer and its date: no row's cells)
    # units before the text only where some line opens with a unit's name after its number
    units_open = any(leading_units(LINE_NUMBER.sub("", line, count=1)[:REACH])[0] for line in lines)
    for units_first in (False, True) if units_open else (False,):
        rows = _FlatRows([], anchor, unheaded=True, units_first=units_first)
        offset = 0
        for n, line in enumerate(lines):
            pieces = [] if n in signed else _flat_pieces(line, offset, anchor, units_first=units_first)
            if pieces and pieces[0][0] == "text" and rows.text and not (rows.number or rows.cells or rows.deadline):
                rows._reset(offset)  # a line of text before a row's own line (a title): no cell of the row
            # a paragraph of text, or a line signing the document, ends the row before it
            if n in signed or len(line) > long_line and all(kind == "text" for kind, _, _ in pieces):
                rows.close()
                rows._reset(offset + len(line) + 1)
            else:
                rows.feed(pieces)
            offset += len(line) + 1
        rows.close()
        if len(rows.found) > len(best):
            best = rows.found
    if len(best) == 1 and best[0].number and best[0].units and best[0].deadline:
        # one row alone is a table's too when it holds every cell a row has: its number,
        # its text, units and a time limit (5.淘汰… 县发改局 县市场监管局 9月底前)
        return best
    return best if len(best) >= MIN_UNHEADED_ROWS else []


MIN_UNHEADED_ROWS = 2
LINE_NUMBER = re.compile(r"^[\s|｜│]*(?:\d{1,3}|[一二三四五六七八九十]{1,3})?[.．、\s|｜│]*")  # 3 / 3. / 三、 before a row


def _interleaved_rows(region: str, at: int, anchor: date | None, unit_columns: list[str]) -> list[Found]:
    """Rows of a table whose PDF text came out line by line across the columns: each
    printed line holds a piece of every cell of its row (a line of the task's text, a
    unit, the time limit, the row number standing mid-row where the cell centres it), and
    the punctuation a PDF keeps in spans of its own stands apart (`` ( ) 、 。``). Cells
    cannot be told apart by order, only by what they hold: units and time limits are read
    out of the running text, what is left is the row's text. Section lines (一 / 二 …)
    bound the rows; inside a section each row number takes the pieces nearest to it when
    the cells centre it (units or a time limit come before the first number), else the
    pieces from it to the next number.
    A row with text and units or a time limit is a task; its units' cells are not told
    apart, so each takes ``untold_role``."""
    sections: list[list[tuple[str, int, object]]] = [[]]
    expected = 1  # the section number that may come next
    next_row = None  # the row number that may come next (the first may be any: a page goes on)
    for token in re.finditer(r"\S+", region):
        word, where = token.group(), at + token.start()
        if LONE_MARK.fullmatch(word):
            continue
        if (m := SECTION_MARK.match(word)) and marker_number(m.group(1)) == expected:
            sections.append([])
            expected += 1
            word, where = word[m.end():], where + m.end()
        elif (m := INTERLEAVED_ROW_NUMBER.match(word)) is not None and next_row in (None, int(m.group(1))):
            # 2 / 2年底前 (row 2, then its limit) / 3完善… : row numbers count up, a figure in
            # the text (30余处) is none
            sections[-1].append(("number", where, m.group(1)))
            next_row = int(m.group(1)) + 1
            word, where = word[m.end(1):], where + m.end(1)
        if word:
            sections[-1] += _glued_cells(word, where, anchor)
    found: list[Found] = []
    for section in sections:
        numbers = [k for k, (kind, _, _) in enumerate(section) if kind == "number"]
        if numbers and not any(kind in ("units", "limit") for kind, _, _ in section[: numbers[0]]):
            # numbers at the top of their rows: a row runs from its number to the next
            cuts = [-1] + [section[b][1] for b in numbers[1:]]
        else:  # numbers centred in their rows: each piece goes to the nearest number
            cuts = [-1] + [(section[a][1] + section[b][1]) // 2 for a, b in zip(numbers, numbers[1:])]
        cuts.append(len(region) + at + 1)
        for first, stop in zip(cuts, cuts[1:]):
            row = [piece for piece in section if first <= piece[1] < stop]
            text = "".join(value for kind, _, value in row if kind == "text").rstrip(TRAILING)
            names = list(dict.fromkeys(name for kind, _, value in row if kind == "units" for name in value))
            limits = [value for kind, _, value in row if kind == "limit"]
            if not text or not (names or limits):
                continue
            roles = [untold_role(unit_columns, n) for n in range(len(names))]
            number = next((value for kind, _, value in row if kind == "number"), None)
            found.append(Found(row[0][1], text, [Assignment(name, role) for name, role in zip(names, roles)],
                               limits[0] if limits else find(text, anchor), None, True, number))
    return found


def _glued_cells(word: str, at: int, anchor: date | None) -> list[tuple[str, int, object]]:
    """The text, unit and time-limit pieces of cells run together without spacing, in
    order: a unit is read where an organ's name ends, from a cell boundary (the start, or
    the end of a unit or time limit just before) when a name starts there, else from the
    nearest place or level word (…严查抛洒滴漏区执法局 → 区执法局)."""
    cells: list[tuple[int, int, str, object]] = []  # start, end, kind, value
    limit_from = 0
    while (limit := find(word[limit_from:], anchor)) is not None and limit.text:
        where = word.find(limit.text, limit_from)
        if where < 0:
            break
        cells.append((where, where + len(limit.text), "limit", limit))
        limit_from = where + len(limit.text)
    taken = 0
    boundaries = {0} | {end for _, end, _, _ in cells}
    units: list[tuple[int, int, str, object]] = []
    # (an organ's suffix inside a word ends no name: 有关部 of 有关部门)
    ends = [m.end() for m in unit_rules().org_end.finditer(word) if not suffix_inside_word(word, m.end())]
    for k, end in enumerate(ends):
        if end <= taken or any(a < end <= b for a, b, _, _ in cells):
            continue
        floor = max([taken] + [b for _, b, _, _ in cells if b < end])
        start = _glued_name_start(word, floor, end, boundaries)
        if start is None:
            continue
        # 各街道办事处: the name goes on to a later organ ending when nothing between starts
        # a name of its own
        for later in ends[k + 1:]:
            if later - end > MAX_GLUED_TAIL or any(ch in GLUED_NAME_START for ch in word[end:later]):
                break
            if is_unit(word[start:later], in_list=False) and not unit_rules().name_break.search(word[start:later]):
                end = later
        units.append((start, end, "units", [word[start:end]]))
        taken = end
        boundaries.add(end)
    pieces: list[tuple[str, int, object]] = []
    position = 0
    for start, end, kind, value in sorted(cells + units, key=lambda c: c[0]):
        if start < position:
            continue
        if start > position:
            pieces.append(("text", at + position, word[position:start]))
        pieces.append((kind, at + start, value))
        position = end
    if position < len(word):
        pieces.append(("text", at + position, word[position:]))
    return pieces


def _glued_name_start(word: str, taken: int, end: int, boundaries: set[int]) -> int | None:
    """Where the unit name that ends at ``end`` starts in glued cells, not before
    ``taken``: the earliest cell boundary a name opening with a level word (市/区/各…), or a
    short name without one (住建局), can start at (市生态环境局市城市管理委: the second from
    the first's end, not 市管理委), else the latest level word that starts one, with a 各
    before it (…尽最大努力各区政府). A place name before the level word cannot be told from
    text there, and is left out."""
    breaks = unit_rules().name_break
    for start in sorted(b for b in boundaries if taken <= b < end - 1):
        name = word[start:end]
        if breaks.search(name):
            continue
        if (name[0] in GLUED_NAME_START and is_unit(name, in_list=False)) or (
                len(name) <= SHORT_NAME and name.endswith(rules().short_unit_endings) and HAN_ONLY.fullmatch(name)
                and is_unit(name)):  # 住建局 right after another cell
            return start
    for start in range(end - 2, max(taken, end - MAX_GLUED_NAME) - 1, -1):
        name = word[start:end]
        if word[start] in GLUED_NAME_START and is_unit(name, in_list=False) and not breaks.search(name):
            if start > taken and word[start - 1] == "各" and is_unit("各" + name, in_list=False):
                start -= 1
            return start
    return None


LONE_MARK = re.compile(r"[、，,。；;：:（）()]+")
LONE_MARKS = re.compile(r"(?<!\S)[、，,。；;：:（）()]+(?!\S)")  # punctuation a PDF set apart
MIN_LONE_MARKS = 3
SECTION_MARK = re.compile(r"([一二三四五六七八九十]|十[一二三四五六七八九])[、.．]?(?=[\u4e00-\u9fff]|$)")
# a row number alone, before a time limit it was glued to (2年底前: row 2, 年底前), or before text
INTERLEAVED_ROW_NUMBER = re.compile(r"(\d{1,3})(?:(?=年(?:底|内|中))|$|(?=[\u4e00-\u9fff])(?![年月日号时天个万亿余条座家台辆吨米元人次项处]))")
# where a row's text ends before the units of a table whose unit columns end its rows, and
# what after units says they open a sentence of the text instead (区住建局要… / 区住建局对…)
ROW_TEXT_END = "。.．；;"
SUBJECT_GOES_ON = re.compile(r"[要应须需将对在按于把已为是和与及会、，,；;：:（(]")
# a row number glued between the units closing one row and the text opening the next, in a
# numbered table copied without spacing (…各区（市）县政府2完善…): a figure of the text
# (3家, 10天内) is none
GLUED_ROW_NUMBER = re.compile(r"(\d{1,3})[.．、]?(?=[\u4e00-\u9fff])(?![年月日号时天个万亿余条座家台辆吨米元人次项处])")
GLUED_NAME_START = "各省市县区州旗盟乡镇"
GLUED_NAME_START_WORDS = tuple(GLUED_NAME_START)  # a level word before a body's field (区 of 区住建局)
MAX_GLUED_NAME = 20
SENTENCE_END = "。.．；;！!？?"  # a row's text ending so was not broken by the page
SHORT_ORGANS = ("局", "委")  # how a body named without its place ends (住建局, 发改委)
CUT_NAME = re.compile(r"[、，,][\u4e00-\u9fff]{1,3}")  # a list's next name, cut off by the text's end
TOWN_NAME = 2  # characters: most towns' names, before 镇/乡
TOWN_ORGAN = re.compile("人民政府|政府|党委")  # a town's own bodies, after 镇/乡
# levels in parentheses inside a collective (各区（市）县政府 = 各区、市、县政府): the level
# word after them goes on with the same collective, no new cell
LEVELS_IN_PARENS = re.compile(r"[（(][市县区旗、]{1,5}[）)]$")
MAX_COLLECTIVE = 5  # characters: 各乡镇, 各街道, 各镇（街）
COLLECTIVE_KINDS = ("乡镇", "镇", "乡", "街道", "村", "社区", "园区", "镇街", "）", ")")  # how a collective of places ends
KIND_PAIRS = ("乡镇", "镇乡", "镇街", "街镇", "区县", "县区", "市县", "县市", "镇村", "乡村")  # two kinds one collective names (各乡镇)
HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
TITLE_REACH = 6  # characters: no title is longer
LEADER_CELL = 12  # characters: no leader's cell (title and name) is longer
HAN_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]?")
SECTION_NAME = 16  # characters: no section's name in a table is longer
# (二、水污染防治, 二 水污染防治, （二）水污染防治: a number in words with a mark or a blank after it (a
# blank the cell-by-cell copy keeps), or in brackets)
SECTION_ROW = re.compile(
    rf"(?:[一二三四五六七八九十]{{1,3}}(?:[、.．]\s*|\s+)|[（(][一二三四五六七八九十]{{1,3}}[）)]\s*)[\u4e00-\u9fff“”\"]{{2,{SECTION_NAME}}}")
SECTION_ROW_LINES = (1, 2)  # lines a section's row takes when copied cell by cell
# A numbered paragraph of the plan the table stands in (一、加强机动车管控。【牵头单位：…】 /
# （二）各街道要…；): a sentence under an outline number, where a section's row is a name
# alone. It ends the rows above it, whatever units it names.
PLAN_ITEM = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)])[^\n]*?[。；;]")
FIGURE = re.compile(r"[0-9０-９%％]")  # in a task's text, never in a unit's name
MAX_GLUED_TAIL = 4  # characters between two organ endings of one name (街道办|事处)


def _rows_of_cell_lines(text: str) -> str:
    """A table copied from a page cell by cell, a bar alone on the line between two cells
    and two such lines between two rows (| / 1 / | / 开展… / | / 县住建局 / | / | / 2 …):
    each row one line again, its cells between bars. Only line breaks become spaces, so
    offsets stay those of the text."""
    lines = text.split("\n")
    bars = [bool(BAR_LINE.fullmatch(line)) for line in lines]
    if sum(bars) >= MIN_BAR_LINES:
        # a cell is a line between two bar lines: the breaks around it become spaces
        cell = [0 < k < len(lines) - 1 and not bars[k] and bars[k - 1] and bars[k + 1] for k in range(len(lines))]
        out = [lines[0]]
        for k in range(1, len(lines)):
            out.append(" " if cell[k] or cell[k - 1] else "\n")
            out.append(lines[k])
        text = "".join(out)
    return _numbered_cell_lines(text)


def _numbered_cell_lines(text: str) -> str:
    """A table copied cell by cell without bars: a header of one column name a line opening
    with the number column (序号 / 工作任务 / 责任单位 / …), then each row from its number's
    line (1, 2, …) to the next: the line breaks inside a row become bars, offsets kept."""
    r = rules()
    lines = text.split("\n")
    numbers = [i for i, line in enumerate(lines) if r.number_label.fullmatch(line.strip())]
    if not numbers and not any(line.isdigit() or line.strip().isdigit() for line in lines if len(line) <= ROW_NUMBER_LINE):
        return text  # no row's number on a line of its own either
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    out = list(text)
    done = 0
    for i in numbers:
        if i < done:
            continue
        j = _header_cell_lines(lines, i)
        columns = j - i + 1
        if columns < 3:
            continue
        for k in range(i, j):  # the header is one row as well
            out[starts[k + 1] - 1] = "|"
        number, k = 1, j + 1
        while k < len(lines):
            # a section's row (一、扬尘污染整治, or 一 / 扬尘污染整治) before the rows it
            # groups holds no task: blanked, the rows around it read as if it were not there
            k = _past_section_row(lines, k, number, out, starts)
            if k >= len(lines) or lines[k].strip() != str(number):
                break
            # a row's cells may take more lines than it has columns; the last row, with no
            # number after it, takes no more lines than a row has cells
            nxt = [n for n in range(k + 1, min(len(lines), k + 3 * columns)) if lines[n].strip() == str(number + 1)]
            end = nxt[0] if nxt else min(len(lines), k + columns)
            if nxt:
                end = next((end - n for n in SECTION_ROW_LINES if end - n > k and _section_row(lines[end - n:end])), end)
            for m in range(k, end - 1):
                out[starts[m + 1] - 1] = "|"
            number, k = number + 1, end
        done = k
    _unheaded_cell_lines(lines, done, out, starts)
    return "".join(out)


def _unheaded_cell_lines(lines: list[str], done: int, out: list[str], starts: list[int]) -> None:
    """Rows copied cell by cell from a page whose header stood on the page before (7 / 开展…
    / 区住建局 / 6月底前 / 8 / …), after line ``done``: numbers following each other on lines
    of their own, a few cells between them, each row made one line in ``out`` (its breaks
    bars). The last row takes no more lines than the shortest row before it."""
    k = done
    while k < len(lines):
        if not lines[k].strip().isdigit():
            k += 1
            continue
        rows, number = [k], int(lines[k].strip())
        # (cells separated by blank lines are those of a page read otherwise)
        while (nxt := next((n for n in range(rows[-1] + MIN_ROW_CELLS, min(len(lines), rows[-1] + MAX_ROW_LINES + 1))
                            if lines[n].strip() == str(number + 1)), None)) is not None and all(
                lines[m].strip() for m in range(rows[-1], nxt)):
            rows.append(nxt)
            number += 1
        if len(rows) < 2 or any(rules().column_name.fullmatch("".join(line.split()))
                                for line in lines[max(0, k - MAX_HEADER_CELLS):k]):
            k += 1  # (rows under a header of one name a line: the header's readers take them)
            continue
        # (a section's row before the next row is none of this row's cells: blanked)
        ends = [next((b - n for n in SECTION_ROW_LINES if b - n > a + 1 and _section_row(lines[b - n:b])), b)
                for a, b in zip(rows, rows[1:])]
        for a, b in zip(ends, rows[1:]):
            for m in range(starts[a], starts[b] - 1):
                out[m] = " "
        ends.append(min(len(lines), rows[-1] + min(b - a for a, b in zip(rows, ends))))
        for a, b in zip(rows, ends):
            for m in range(a, b - 1):
                out[starts[m + 1] - 1] = "|"
        k = ends[-1]


def _section_row(lines: list[str]) -> bool:
    """Are ``lines`` a section's row of a table copied cell by cell: its number in words and
    its name on one line (二、燃煤污染整治) or on two (二 / 燃煤污染整治)?"""
    cells = [line.strip() for line in lines]
    if len(cells) == 1:
        return SECTION_ROW.fullmatch(cells[0]) is not None
    return (len(cells) == 2 and HAN_NUMERAL.fullmatch(cells[0]) is not None
            and len(cells[1]) <= SECTION_NAME and HAN_ONLY.fullmatch(cells[1].strip("“”\"")) is not None)


def _past_section_row(lines: list[str], k: int, number: int, out: list[str], starts: list[int]) -> int:
    """The line after the section's row at ``k`` when the row numbered ``number`` follows it
    (the section's row blanked in ``out``), else ``k``."""
    for n in SECTION_ROW_LINES:
        if k + n < len(lines) and lines[k + n].strip() == str(number) and _section_row(lines[k:k + n]):
            for m in range(starts[k], starts[k + n] - 1):
                out[m] = " "
            return k + n
    return k


def _header_cell_lines(lines: list[str], i: int) -> int:
    """The last line of a header given one column name a line from the number column's at
    ``i`` (序号 / 工作任务 / 责任单位 / …). Names the rules do not know (考核河流 / 考核断面)
    belong to it when it goes on to the first row's number and its names it knows give a
    task and units (序号 / 考核河流 / 考核断面 / 年度考核目标 / 责任单位 / 1 …); else it
    ends before the first name it does not know."""
    r = rules()
    j = i
    while j + 1 < len(lines) and r.column_name.fullmatch("".join(lines[j + 1].split())):
        j += 1
    k = j
    while k + 1 < len(lines) and k - i < MAX_HEADER_CELLS and (
            r.column_name.fullmatch(cell := "".join(lines[k + 1].split()))
            or (len(cell) <= SHORT_CELL and HAN_ONLY.fullmatch(cell))):
        k += 1
    # the first row's number next, or after a section's row
    first = any(k + 1 + n < len(lines) and lines[k + 1 + n].strip() == "1"
                and (n == 0 or _section_row(lines[k + 1:k + 1 + n])) for n in (0, *SECTION_ROW_LINES))
    if k > j and first and _names_a_task_table(
            ["".join(line.split()) for line in lines[i:k + 1]]):
        return k
    return j


def _with_role_columns(line: str, under: str) -> str | None:
    """A header line whose one column of units (责任单位) the line under it splits by role
    (牵头单位 配合单位): the header with those names in that column's place, as the rows give
    their cells; None for any other pair of lines."""
    names, roles = line.split(), under.split()
    if len(roles) < 2:
        return None  # most lines under another are running text: no names to read
    kinds, split = _column_kinds(names), _column_kinds(roles)
    units = [n for n, kind in kinds.items() if kind in ROLE_STRENGTH]
    if (len(split) != len(roles) or len(units) != 1 or kinds[units[0]] != "responsible"
            or any(kind not in ROLE_STRENGTH for kind in split.values()) or set(split.values()) == {"responsible"}):
        return None
    return " ".join(names[: units[0]] + roles + names[units[0] + 1 :])


def _header_cells(line: str) -> list[str] | None:
    """The cells of a line that is a task table's header by its cells alone: three or more
    short names of Han characters, naming a task column and a unit column among them."""
    cells = [cell for cell in CELL_BREAK.split(line) if cell]
    short = all(len(cell) <= HEADER_CELL and HAN_ONLY.fullmatch(cell) for cell in cells)
    if 3 <= len(cells) <= MAX_HEADER_CELLS and short and _names_a_task_table(cells):
        return cells
    return None


def _names_a_task_table(cells: list[str]) -> bool:
    """Do the cells of a header name a task column and a unit column (other names unknown)?"""
    kinds = _column_kinds(cells).values()
    return "task" in kinds and any(kind in ROLE_STRENGTH for kind in kinds)


def _flat_header(lines: list[str], i: int, anchor: date | None) -> tuple[_FlatRows, int, int] | None:
    """A flattened table's header at line ``i``: the rows reader its columns call for, the
    line the header ends on and where on it; None when no header opens there. A header
    may be split over two lines (工作任务 责任 / 单位 完成时限) or give one name a line; a
    header whose names a PDF printed over two lines comes word by word (序号 重点 工作 牵头
    完成 任务 措施 单位 时限): its rows are read as interleaved cells."""
    r = rules()
    if "\t" in lines[i]:
        return None  # a real table's rows are tab-separated lines, read by from_tables
    candidates = [(lines[i], i, 0, False)]
    if i + 1 < len(lines) and "\t" not in lines[i + 1]:
        # (a line naming roles under the header's one column of units splits that column)
        split = _with_role_columns(lines[i], lines[i + 1])
        candidates.append((lines[i] + lines[i + 1], i + 1, len(lines[i]), False) if split is None else (split, i + 1, 0, True))
    # one column name a line (a table copied from a page cell by cell): 序号 / 工作任务 / …
    last = i
    while last + 1 < len(lines) and r.column_name.fullmatch("".join(lines[last].split())):
        last += 1
    if last - i >= 2:
        names = "".join("".join(line.split()) for line in lines[i:last])
        # the header's other cells (四季度任务分解 / 完成状况): short lines up to the first row's number
        end = last
        while (end < len(lines) and end - last < MAX_OTHER_HEADER_CELLS and 0 < len(lines[end].strip()) <= SHORT_CELL
               and not lines[end].strip().isdigit()):
            end += 1
        if end > last and end < len(lines) and lines[end].strip() == "1":
            names += "".join("".join(line.split()) for line in lines[last:end])
            last = end
        # whole lines: the header ends with its last line
        candidates.append((names, last - 1, len(names) - len("".join(lines[last - 1].split())), True))
    best: tuple[int, list[str], int, int] | None = None  # the candidate naming most columns
    # every run of column names on the line, not the first only: a table's name before its
    # header may hold one (…年度工作目标任务清单 序号 …)
    for line, last, joined, whole, header in ((*candidate, header) for candidate in candidates
                                               for header in r.flat_header.finditer(candidate[0])):
        if last > i and not whole and (header.end() <= joined or header.start() >= joined):
            # (a header wholly on the next line is that line's: the line before it, a preamble
            # that may hold a directive of its own, is no part of the table)
            continue
        if not whole and (rest := CELL_BREAK.sub("", line[header.end():])) and r.header_line.fullmatch(rest) and (
                r.header_word_end.search(rest) or r.header_words["unit"].search(rest)):
            # the words of names go on after it, a name's first word left open (…牵头 配合 完成 /
            # 单位 单位 时限) or units named word by word: the names are split, not these
            continue
        before = CELL_BREAK.sub("", line[: header.start()])  # what the line holds before the header
        # 完成 序号 … 时限: a name's first word before the header, its second in it: a header
        # printed over two lines, and rows whose cells come line by line across the columns
        split_name = bool(before) and r.header_word_end.search(before) is not None
        names = r.column_label.findall(r.column_qualifier.sub("", header.group()))  # 责任单位及责任人: one
        columns = _column_kinds(names)
        if "task" not in columns.values() or len(columns) < 2 or (before and len(names) < 3):
            continue
        unit_columns = [kind for _, kind in sorted(columns.items()) if kind in ROLE_STRENGTH]
        # a numbered table with columns that are neither task, units nor time (责任人,
        # 备注): text after a row's units is such a cell, not the next row
        others = "number" in columns.values() and len(columns) < len(names)
        # 责任单位 before 工作任务: a row's units come before its text
        task_at = next(n for n, kind in sorted(columns.items()) if kind == "task")
        units_first = any(n < task_at for n, kind in columns.items() if kind in ROLE_STRENGTH)
        if best is None or len(names) > best[0] or (whole and len(names) == best[0]):
            best = (len(names), _FlatRows(unit_columns, anchor, others, units_first=units_first,
                                          interleaved=split_name, numbered="number" in columns.values(),
                                          units_last=_units_last(columns),
                                          limit_before_units=_limit_before_units(columns)), last,
                    len(lines[last]) if whole else header.end() - joined)
            best[1].leader = not units_first and _leader_before_units(names, columns)
    if (cells := _header_cells(lines[i])) and (best is None or not best[1].unit_columns or len(cells) > best[0]):
        # (or where the names the rules know stop before the unit columns: 序号 | 主要任务 |
        # 年度目标 | 分管领导 | 牵头单位 …; or before the header's last cells: 包联单位, a unit
        # column no rule names, then 完成时限)
        # a line of short cells, names the rules do not know among them (序号|考核河流|考核断面|
        # 年度考核目标|责任单位): a header when those it knows name a task and units
        columns = _column_kinds(cells)
        unit_columns = [kind for _, kind in sorted(columns.items()) if kind in ROLE_STRENGTH]
        task_at = next(n for n, kind in sorted(columns.items()) if kind == "task")
        numbered = "number" in columns.values()
        best = (len(cells), _FlatRows(unit_columns, anchor, numbered and len(columns) < len(cells),
                                      units_first=any(n < task_at for n, kind in columns.items() if kind in ROLE_STRENGTH),
                                      merged=numbered and "|" in lines[i]),
                i, len(lines[i]))
        best[1].leader = _leader_before_units(cells, columns)
    scrambled_at = None
    # (a header naming no unit column may be the first words of one printed over two lines)
    for line, last, joined, _ in candidates[:2] if best is None or not best[1].unit_columns else ():
        scrambled = r.scrambled_header.search(line)
        if scrambled is not None and scrambled.end() > joined and (last == i or scrambled.start() < joined) and all(
                words.search(scrambled.group()) for words in r.header_words.values()):
            scrambled_at = last, scrambled.end() - joined  # the longest: two lines if it goes on
    if scrambled_at is not None:
        last, end = scrambled_at
        if end == len(lines[last]) and last + 1 < len(lines) and r.header_line.fullmatch(CELL_BREAK.sub("", lines[last + 1])):
            scrambled_at = last + 1, len(lines[last + 1])  # the header's second printed line
        # the words of column names, not the names (序号 重点 工作 牵头 完成 / 任务 措施 单位
        # 时限, on one line or two): the columns' order is lost, and the rows' cells come
        # interleaved like the header's
        return _FlatRows([], anchor, interleaved=True), *scrambled_at
    return best[1:] if best else None


ROW_NUMBER = re.compile(r"(\d{1,3})(?:[.．、](?!\d))?(?![\d年月日号时天个%．.、）)])")
UNIT_START = re.compile(r"[。；;，,、]|(?<=[\u4e00-\u9fff])(?=[各省市县区州旗乡镇师团兵])")
BARE_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日$")
DATE_DOT = re.compile(r"\d[.．/-]\d")
# a verb closing a time-limit cell: the cell's, not the next row's text (年内完成)
LIMIT_DONE = re.compile(r"(?:全部|基本)?(?:完成|办结|到位|见效)(?=$|[\s|｜│])")
CELL_SEPARATOR = "、，,；; "
LIST_IN_CELL = re.compile(r"[、，,]|及")  # what joins the units of one cell
PAREN_ROW_NUMBER = re.compile(r"[（(](\d{1,3})[）)]")  # （3）开展…: a row numbered in parentheses
HAN_ROW_NUMBER = re.compile(r"([一二三四五六七八九十]{1,3})[、.．]")  # 三、开展…: a row numbered in words
ROW_NUMBER_LINE = 5  # characters: no line holding a row's number alone (blanks around it) is longer
MIN_ROW_CELLS = 3  # lines a row copied cell by cell takes at least: its number, a task, units
MAX_ROW_LINES = 12  # …and at most, its text broken over lines
INLINE_ROW_NUMBER = re.compile(r"(?:^|(?<= ))(\d{1,3}) +(?=[\u4e00-\u9fff“\"])")  # 2 加强… inside a line
HEADERLESS_ROW = re.compile(r"^[\s|｜│]*\d{1,3}[\s|｜│]+\S")  # 12 开展… : a row number and a space
CELL_BREAK = re.compile(r"[\s|｜│]+")  # between the cells of a flattened row
BAR_LINE = re.compile(r"[ \t]*[|｜│][ \t]*")  # a line that only separates two cells
MIN_BAR_LINES = 6  # a table of two rows of two cells at least
LIMIT_LENGTH = 16  # characters: no time-limit cell is longer
CLAUSE_MARKS = "，,；;、。.．：:"  # a time limit after one of these is a clause of the text, no cell
MAX_OTHER_HEADER_CELLS = 4  # columns after the named ones, one a line (进展情况, 备注)
SHORT_CELL = 8  # characters: no header cell on a line of its own is longer
HEADER_CELL = 10  # characters: no cell of a header line is longer (责任主体与协同单位)
SHORT_NAME = 6  # characters: a unit named without its place (住建局, 交警大队) is no longer
MIN_TEXT_HEAD = 5  # characters before a unit's level word that no place name before it holds
# ... nor, in a name glued on to a unit without a separator, this many: a list of cells
# glued together goes on with a level word (县住建局县城管局) or a short place (县住建局青石镇…)
GLUED_TEXT_HEAD = 3
MAX_HEADER_CELLS = 12  # columns of a header read cell by cell, names known or not


def _flat_pieces(line: str, start: int, anchor: date | None, others: bool = False,
                 units_first: bool = False, cut_off: bool = False, numbered: bool = False,
                 units_last: bool = False, limit_before_units: bool = False) -> list[tuple[str, int, object]]:
    """The cells of one flattened line in order, as (kind, offset, value): "number",
    "text" (str), "units" (list of cells, each a list of Assignment; role "" where the
    cell states none) or "limit" (Deadline). ``cut_off``: the line ends the text, which
    may stop inside its last name (a page ending mid-row). ``numbered``: the table numbers
    its rows, whose numbers may be glued to the units closing the row before; ``units_last``:
    the unit columns close the row, and units after a sentence's end close it before the next
    row's text."""
    pieces: list[tuple[str, int, object]] = []
    position = 0
    tokens = CELL_BREAK.split(line)
    last_token = max((n for n, token in enumerate(tokens) if token), default=-1)
    barred = BAR.search(line) is not None  # a row whose cells bars part (cells copied a line each)
    for n, token in enumerate(tokens):
        where = line.find(token, position)
        position = where + len(token)
        if not token:
            continue
        at = start + where
        if token.isdigit() or HAN_ROW_NUMBER.fullmatch(token) or ROW_NUMBER.fullmatch(token):  # 3 / 三、 / 3.
            pieces.append(("number", at, token.rstrip("、.．")))
            continue
        if (number := PAREN_ROW_NUMBER.fullmatch(token)) is not None:  # （3）
            pieces.append(("number", at, number.group(1)))
            continue
        if (number := ROW_NUMBER.match(token) or HAN_ROW_NUMBER.match(token) or PAREN_ROW_NUMBER.match(token)) and (
                number.end() < len(token)):
            pieces.append(("number", at, number.group(1)))  # 2完成…: a row number glued to its text
            token, at = token[number.end():], at + number.end()
        # (a row's number just before, in a table whose text comes before its time cell: the
        # text opens here, and a pace word opening it modifies its verb: 3 持续开展打击…)
        opens_text = bool(pieces) and pieces[-1][0] == "number" and not units_first
        more = _token_pieces(token, at, anchor, others, units_first, cut_off and n == last_token, numbered,
                             units_last, limit_before_units, opens_text)
        if barred:
            # 县自然资源局 县生态环境局 in one cell between bars (its blank lost or not): one
            # list of units, as if 、 parted them
            more = [(kind, offset, [[a for cell in value for a in cell]]) if kind == "units" and len(value) > 1
                    else (kind, offset, value) for kind, offset, value in more]
        pieces += more
    return pieces


def _token_pieces(token: str, at: int, anchor: date | None, others: bool,
                  units_first: bool = False, cut_off: bool = False,
                  numbered: bool = False, units_last: bool = False,
                  limit_before_units: bool = False, opens_text: bool = False) -> list[tuple[str, int, object]]:
    """Text, unit and time-limit cells of one token, where spacing between them was lost
    (开展巡查。县林业局各乡镇长期坚持完成…). Units inside the text count as a cell only
    where they close it: at the token's end or before a time limit."""
    pieces: list[tuple[str, int, object]] = []
    position = 0
    while position < len(token):
        if (position == 0 and not opens_text or pieces and pieces[-1][0] == "units") and not units_last:
            # (a table whose unit columns end its rows has no time-limit cell: a time limit
            # opening a cell there opens its text, 9月底前完成…)
            if (limit := _limit_at(token, position, anchor)) is not None:
                pieces.append(("limit", at + position, limit))
                position += len(limit.text)
                continue
        if units_first and (position == 0 or pieces[-1][0] == "limit") and (
                lead := _unit_cells(token, position, anchor, roles=False))[0]:
            # 县住建局负责建筑工地扬尘管控: the units of a units-first row, then its text
            pieces.append(("units", at, lead[0]))
            position = lead[1]
            continue
        read_to = -1  # where the units read from an earlier start ran to, closing nothing
        for cut in _unit_starts(token, position):
            if cut < read_to:
                continue  # a start inside those units: the same list, to the same end
            if cut > position and _in_title(token, cut):
                continue  # 分管副区长区住建局: the level word of a leader's title opens no unit
            if cut > position and token[cut:cut + 1] not in GLUED_NAME_START and not (
                    token[cut - 1] == "、" and token.endswith(rules().short_unit_endings, 0, cut - 1)) and not (
                    unit_rules().bare_body.match(token, cut)):
                # inside a cell of text a unit cell starts with a level word (…，严查抛洒滴漏区城管局:
                # 区城管局), not wherever a name could be read from; or after an organ's name
                # and a 、 (…整治住建局、城管交通局: the list's next name)
                continue
            cells, end = _unit_cells(token, cut, anchor)
            if cells and others and (last := cells[-1][-1].name) and token.startswith(last, end - len(last)) and (
                    _person_gap(token, end - len(last), anchor) > len(last)):
                # …区发改局区委常委、副区长: the last name opens the leader's titles
                cells, end = [*cells[:-1], cells[-1][:-1]] if len(cells[-1]) > 1 else cells[:-1], end - len(last)
            if cells and others and (gap := _person_gap(token, end, anchor)):
                end += gap  # 县林业局王明长期坚持: a 责任人 cell between units and time limit
            if cells and (end == len(token) or _limit_at(token, end, anchor) is not None
                          or rules().schedule_cell.match(token, end)
                          or cut_off and CUT_NAME.fullmatch(token, end)
                          or numbered and GLUED_ROW_NUMBER.match(token, end)
                          or units_last and (cut == 0 or token[cut - 1] in ROW_TEXT_END)
                          and not any(a.role for cell in cells for a in cell)
                          and not SUBJECT_GOES_ON.match(token, end)):
                # (a cell of time naming no date after them closes them too: …区直各有关部门全年;
                # so does the next row's number in a numbered table: …各区县政府2完善…; and,
                # where the unit columns end the row, the next row's text after units that
                # follow a sentence's end: …六个百分之百要求。区住建局区城管局道路扬尘…, not
                # a sentence of the text that they open: …要求。区住建局负责… / 区住建局要…)
                break
            if cells:
                read_to = end
        else:
            closing = _closing_limit(token, position, anchor) if units_first else None
            if closing is not None:
                # 区城管局 加强道路清扫保洁长期坚持: in a row whose units come first, the time
                # cell glued to the end of the text
                pieces.append(("text", at + position, token[position:len(token) - len(closing.text)]))
                pieces.append(("limit", at + len(token) - len(closing.text), closing))
            else:
                pieces.append(("text", at + position, token[position:]))
            break
        if cut_off and CUT_NAME.fullmatch(token, end):
            end = len(token)  # …城乡一体化示范区、高: the text stops inside the next name, left out
        if cut - position > TOWN_NAME and token[cut] in "镇乡" and (first := cells[0][0]).name[0] == token[cut] and (
                HAN_ONLY.fullmatch(token, cut - TOWN_NAME, cut) and TOWN_ORGAN.match(first.name, 1)
                and not any(ch in GLUED_NAME_START for ch in token[cut - TOWN_NAME:cut])):
            # a town's government glued to the text (…长效机制青石镇人民政府): a town's name is
            # the two characters before its 镇 (镇人民政府 alone names no town)
            cut -= TOWN_NAME
            cells = [[Assignment(token[cut:cut + TOWN_NAME] + first.name, first.role), *cells[0][1:]], *cells[1:]]
        closing = _closing_limit(token[:cut], position, anchor) if limit_before_units and cut > position else None
        if closing is not None:
            # 加油站夜间卸油全面落实长期坚持区商务局: where the time column stands between the
            # task's and the units', the time cell glued between the text and the units
            cut -= len(closing.text)
            if cut > position:
                pieces.append(("text", at + position, token[position:cut]))
            pieces.append(("limit", at + cut, closing))
            cut += len(closing.text)
        elif cut > position:
            pieces.append(("text", at + position, token[position:cut]))
        pieces.append(("units", at + cut, cells))
        position = end
        if numbered and (number := GLUED_ROW_NUMBER.match(token, position)):
            pieces.append(("number", at + position, number.group(1)))
            position = number.end()
    return pieces


def _closing_limit(token: str, position: int, anchor: date | None) -> Deadline | None:
    """The time-limit cell that ends ``token`` after some text from ``position``, else None;
    none after punctuation (…淘汰，年底前完成: a clause of the text)."""
    for k in range(max(position + 1, len(token) - LIMIT_LENGTH), len(token)):
        if token[k - 1] in CLAUSE_MARKS:
            continue
        if (limit := _limit_at(token, k, anchor)) is not None and k + len(limit.text) == len(token):
            return limit
    return None


def _unit_starts(token: str, position: int):
    """Where unit cells may start in a token: where it starts, after punctuation, before a
    character units start with (县/市/各…), or where a body named by its field alone
    starts (…巡查管控公安分局: 公安分局)."""
    yield position
    starts = {m.end() if m.group() else m.start() for m in UNIT_START.finditer(token, position + 1)}
    starts.update(m.start() for m in unit_rules().bare_body.finditer(token, position + 1))
    yield from sorted(starts)


def _person_gap(token: str, at: int, anchor: date | None) -> int:
    """The length of a short cell of Han characters (a person's name) between units and a
    time limit, else 0: none where the time limit follows the units at once (长期坚持 is no name)."""
    if _limit_at(token, at, anchor) is not None:
        return 0
    for gap in range(2, 5):
        if at + gap > len(token) or not re.fullmatch(r"[\u4e00-\u9fff]+", token[at : at + gap]):
            break
        if at + gap == len(token) or _limit_at(token, at + gap, anchor) is not None:
            return gap
    # a leader named by title, with or without a name (分管副区长 / 区委常委、副区长 / 副区长张明)
    # (the shortest: a time limit glued after the title is no name, 副区长长期坚持)
    for gap in range(2, min(LEADER_CELL, len(token) - at) + 1):
        if (at + gap == len(token) or _limit_at(token, at + gap, anchor) is not None) and _leader_cell(token[at:at + gap]):
            return gap
    return 0


def _in_title(token: str, cut: int) -> bool:
    """Does a leader's title stand over ``cut`` in ``token`` (副区长: 区长 opens no unit)?"""
    return any(m.start() <= cut < m.end()
               for m in meeting_rules().title_word.finditer(token, max(0, cut - TITLE_REACH), cut + TITLE_REACH))


@cache
def _leader() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A leader's cell (分管副区长, 区委常委、副区长, 副县长王明, 王明副县长, 王副县长: a surname
    and the title, as tables name their leaders), and one closing a text."""
    title = rf"(?:(?:{rules().leader_qualifiers})*(?:{meeting_rules().title_word.pattern})[、，,]?)+"
    name = r"[\u4e00-\u9fff]{2,3}"
    surname = "|".join(sorted(meeting_rules().surnames, key=len, reverse=True))
    return re.compile(rf"(?:{name}|{surname})?{title}|{title}{name}"), re.compile(rf"(?:{surname})?{title}(?P<name>{name})?$")


def _leader_cell(cell: str) -> bool:
    """Does ``cell`` name a leader by title (分管副区长, 区委常委、副区长), with a name after or
    before it (副区长张明 / 张明副区长)?"""
    return len(cell) <= LEADER_CELL and _leader()[0].fullmatch(cell) is not None


def _limit_at(token: str, at: int, anchor: date | None) -> Deadline | None:
    """The time-limit cell opening at ``at`` (长期坚持 / 6月底前), the longest; a bare date in
    a time-limit column is the date to finish by, a month alone closing the cell (2018年10月)
    its last day. None where a clause goes on (于…前完成 is the task's own wording)."""
    if at >= len(token) or token[at] == "于":
        return None
    # every time limit holds one of the words its forms need (月 of a bare date or month
    # too; a date of figures and dots aside): a tail ending before the first of them is
    # none, and is not resolved
    first = 1
    if (needs := needed()) is not None and not DATE_DOT.search(token, at, at + LIMIT_LENGTH):
        if (word := needs.search(token, at, at + LIMIT_LENGTH)) is None:
            return None
        first = word.end() - at - 1
    for end in range(min(len(token), at + LIMIT_LENGTH), at + first, -1):
        tail = token[at:end]
        # (a day alone may stand before the next cell; a month or a figure only closing the token)
        limit = field_limit(tail, anchor) if end == len(token) or BARE_DATE.match(tail) else resolve(tail, anchor)
        if limit is not None:
            if done := LIMIT_DONE.match(token, end):  # 年内完成 / 6月底前全部到位: the cell's own verb
                tail += done.group()
            return Deadline(tail, limit.date, limit.kind)
    return None


def _unit_cells(token: str, at: int, anchor: date | None, roles: bool = True) -> tuple[list[list[Assignment]], int]:
    """The unit cells that open ``token[at:]`` and where they end: units glued together
    without a separator (县住建局县城管局: cells whose spacing was lost) are one cell each, a
    list (县公安局、县城管局) is one cell; a role word after units (县林业局牵头 /
    县林业局（牵头）) gives them their role."""
    r = rules()
    cells: list[list[Assignment]] = []
    position = at
    while position < len(token):
        names, end = leading_units(token[position : position + REACH])
        for k in range(1, len(names[-1]) if names else 0):
            # 各乡镇长期坚持: the recognizer took the time-limit cell into the name
            limit = _limit_at(names[-1], k, anchor)
            if limit is not None and k + len(limit.text) == len(names[-1]) and units_in(names[-1][:k]):
                end -= len(names[-1]) - k
                names[-1] = names[-1][:k]
                break
        # a name that splits into glued names (县交通运输局县公安局) ends a cell between them
        glued = [[part for piece in unglue(name) for part in _level_glued(piece)] for name in names]
        if names and len(glued[-1]) > 1 and token.startswith(last := glued[-1][-1], start := position + end - len(glued[-1][-1])):
            # the last of them may go on past where the glued whole stopped (区环保局区政府 /
            # 有关部门: 区政府有关部门, a collective), read from its own start
            longer, more = leading_units(token[start : start + REACH])
            if len(longer) == 1 and len(longer[0]) > len(last) and longer[0].startswith(last):
                glued[-1][-1], end = longer[0], start + more - position
        if not names or FIGURE.search(glued[0][0]) or len(glued[0][0]) > MAX_GLUED_NAME or not (
                len(glued[0][0]) <= SHORT_NAME or (
                is_unit(glued[0][0], in_list=False)
                and not _text_before_unit(glued[0][0]) and not _text_before_bare_body(glued[0][0]))) or any(
                part[0] not in GLUED_NAME_START and _text_before_unit(part, GLUED_TEXT_HEAD)
                for parts in glued for part in parts[1:]):
            # a long name that does not open like an administrative body, or a name holding a
            # figure, or one longer than any body's, is a task's text run into a unit
            # (淘汰老旧柴油货车县交通运输局 / 淘汰10蒸吨以下燃煤锅炉区环保局) or a count the
            # text gives (城区6座加油站); so is a name glued on to one read before it whose
            # place would be a verb's words (…县城污水处理厂提标改造县住建局: a facility the
            # text names, then its work, then the unit)
            break
        names = [n for parts in glued for n in parts]
        role = ""
        rest = token[position + end:]
        if (m := re.match(r"[（(]([^（）()]{1,4})[）)]", rest)) and m.group(1) in r.role_word:
            role, end = r.role_word[m.group(1)], end + m.end()
        elif roles and (word := opening_role_word(rest)) is not None:
            role, end = r.role_word[word], end + len(word)
        if LIST_IN_CELL.search(token, position, position + end):  # a list (A、B / A及B): one cell, but for glue
            cell: list[Assignment] = []
            for parts in glued:
                cell.append(Assignment(parts[0], role))
                for part in parts[1:]:
                    cells.append(cell)
                    cell = [Assignment(part, role)]
            cells.append(cell)
        else:
            cells += [[Assignment(n, role)] for n in names]
        position += end
        sep = position
        while sep < len(token) and token[sep] in CELL_SEPARATOR:
            sep += 1
        if not leading_units(token[sep : sep + REACH])[0]:
            break
        position = sep  # another cell, after a separator or glued on (县林业局各乡镇)
    return cells, position


class _FlatRows:
    """Rows assembled from the cells of a flattened table, line after line."""

    def __init__(self, unit_columns: list[str], anchor: date | None, others: bool = False, complete: bool = False,
                 units_first: bool = False, interleaved: bool = False, merged: bool = False, unheaded: bool = False,
                 numbered: bool = False, units_last: bool = False, limit_before_units: bool = False):
        # complete: rows without a header count only with a number, units and a time limit;
        # units_first: the unit columns stand before the task's (县住建局 负责…);
        # interleaved: the cells of a row come line by line across the columns;
        # merged: numbered rows copied cell by cell, where a row without units lost them to
        # a cell merged over it and the rows above (a unit over several targets)
        self.unit_columns, self.anchor, self.others, self.complete = unit_columns, anchor, others, complete
        self.units_first, self.interleaved, self.merged = units_first, interleaved, merged
        # unheaded: rows of no header count only with units and a time limit or a number;
        # in rows without a header (unheaded, complete) a list of units in one cell is no
        # column's: its first leads
        self.unheaded = unheaded
        self.units_last = units_last  # the unit columns end the header: units close a row
        self.limit_before_units = limit_before_units  # the time column stands between task and units
        self.numbered = numbered  # the header names a number column: rows' numbers close the units before them
        self.leader = False  # a person's cell between a row's text and its units (_without_leader)
        self.found: list[Found] = []
        self._above: list[list[Assignment]] = []  # the unit cells of the row above
        self._reset(0)

    def _reset(self, at: int) -> None:
        self.at, self.text, self.cells, self.deadline, self.number = at, [], [], None, None

    def feed(self, pieces: list[tuple[str, int, object]]) -> None:
        for kind, at, value in pieces:
            if kind == "number":
                self.close()
                self._reset(at)
                self.number = value
            elif kind == "units":
                if self.units_first and self.text:  # units after a row's text: the next row's
                    self.close()
                    self._reset(at)
                if self.leader and self.text and not self.cells:
                    # the leader's name glued to the text, or a cell of its own after it
                    if not (rest := _without_leader(self.text[-1], whole=len(self.text) > 1)):
                        self.text.pop()
                    else:
                        self.text[-1] = rest
                self.cells += value
            elif kind == "limit":
                self.deadline = self.deadline or value
            elif kind == "more" and self.text:  # a wrapped cell's next line: the text goes on
                self.text.append(value)
            else:
                if self.deadline or (self.cells and not self.units_first):
                    # text after a row's units or time limit: the next row
                    if self.others:
                        continue  # …or a cell of another column, in a table whose rows are numbered
                    self.close()
                    self._reset(at)
                if not self.text:
                    self.at = at
                self.text.append(value)

    def close(self, cut: bool = False) -> None:
        """The row read so far as a task. ``cut``: the text ends in it, so a row that opens
        as the rows before it did (负责…) and lost its cells to the end of the page is one."""
        if self.merged and self.number and not self.cells:
            self.cells = self._above
        cut_row = cut and bool(self.text) and not (self.complete or self.unheaded) and any(
            f.text[:2] == self.text[0][:2] for f in self.found)
        if not self.text or not (self.cells or self.deadline or cut_row) or (
                self.complete and not (self.cells and self.deadline and self.number)) or (
                self.unheaded and not (self.cells and (self.deadline or self.number))):
            self._reset(self.at)
            return
        headless = self.unheaded or self.complete  # rows read without a header
        if len(self.cells) == len(self.unit_columns) or (
                not self.unit_columns and len(self.cells) == 1 and not (headless and len(self.cells[0]) > 1)):
            # a single cell of a table whose columns are unknown: its units are responsible
            roles = self.unit_columns or ["responsible"]
            assigned = merge(*[[Assignment(a.name, a.role or role) for a in cell]
                               for cell, role in zip(self.cells, roles)])
        else:  # one unit column, or cells that cannot be told apart
            units = [a for cell in self.cells for a in cell]
            assigned = merge([Assignment(a.name, a.role or untold_role(self.unit_columns, n))
                              for n, a in enumerate(units)])
        body = "".join(self.text).rstrip(TRAILING)
        if (quoted := SPREADSHEET_QUOTED.fullmatch(body)) is not None:
            body = quoted.group(1).rstrip(TRAILING)  # a spreadsheet's cell over lines, copied in quotes
        self._above = self.cells
        self.found.append(Found(self.at, body, assigned, self.deadline or find(body, self.anchor), None, True,
                                self.number))
        self._reset(self.at)


def untold_role(unit_columns: list[str], n: int) -> str:
    """The role of a row's ``n``-th unit where its cells cannot be told apart: that of the
    one unit column; else the first unit takes the first column's where the header tells
    the columns apart (责任单位 配合单位: responsible; 牵头单位: lead) and leads where it does
    not (单位 单位 of a header printed word by word), the rest are responsible."""
    if len(unit_columns) == 1:
        return unit_columns[0]
    if n == 0:
        return "responsible" if unit_columns[:1] == ["responsible"] and len(set(unit_columns)) > 1 else "lead"
    return "responsible"


def _units_last(columns: dict[int, str]) -> bool:
    """Do the unit columns close the header (序号 | 类别 | 具体措施 | 牵头部门 | 配合部门): no
    time limit nor other column after them?"""
    kinds = [kind for _, kind in sorted(columns.items())]
    return bool(kinds) and kinds[-1] in ROLE_STRENGTH and "deadline" not in kinds


def _limit_before_units(columns: dict[int, str]) -> bool:
    """Does the time column stand right after the task's, before the unit columns (序号 |
    工作任务 | 完成时限 | 牵头单位 | 配合单位)?"""
    kinds = [kind for _, kind in sorted(columns.items()) if kind != "number"]
    return "task" in kinds and kinds.index("task") + 1 < len(kinds) and kinds[kinds.index("task") + 1] == "deadline" and (
        any(kind in ROLE_STRENGTH for kind in kinds[kinds.index("task") + 2:]))


def _leader_before_units(names: list[str], columns: dict[int, str]) -> bool:
    """Does a person's column stand right before the first unit column (工作任务 | 责任领导 |
    牵头单位), after the task's?"""
    first_unit = next((n for n, kind in sorted(columns.items()) if kind in ROLE_STRENGTH), 0)
    task_at = next((n for n, kind in columns.items() if kind == "task"), first_unit)
    return task_at < first_unit - 1 and bool(rules().person_column.search("".join(names[first_unit - 1].split())))


def _bare_bodies(name: str) -> list[str]:
    """The bodies named by their field alone that make up ``name`` one after another
    (住建局城管局 → 住建局, 城管局); [] when something else is in it."""
    bodies, at = [], 0
    while at < len(name) and (m := unit_rules().bare_body.match(name, at)):
        bodies.append(m.group())
        at = m.end()
    return bodies if at == len(name) else []


@cache
def _zone_end() -> re.Pattern[str]:
    """A place's suffix of more than one character ending a text (梅溪工业园区, 高新区): its
    last character (区) opens no unit of its own where a zone's short organ follows
    (…工业园区管委会)."""
    suffixes = [s for s in datafiles.load("organizations.yaml")["place_suffixes"] if len(s) > 1]
    return re.compile(f"(?:{alternation(suffixes)})$")


def _level_and_body(name: str) -> bool:
    """Is a name a level word and a body named by its field, whose field holds a level
    word or a body's field of its own (区住房和城乡建设局: 乡 and 城乡建设局 inside one name)?"""
    return name[0] in GLUED_NAME_START and unit_rules().bare_body.fullmatch(name, 1) is not None


def _text_before_bare_body(name: str) -> bool:
    """Is a name a task's text run into a body named by its field (区扬尘综合整治住建局: 城区
    of the text, then 住建局)? What stands before that body is neither a level word nor a
    place."""
    if _level_and_body(name):
        return False
    for m in unit_rules().bare_body.finditer(name, 2):
        head = name[: m.start()]
        return not (is_unit(head) or unit_rules().place.search(head)) and not head.endswith(GLUED_NAME_START_WORDS)
    return False


def _without_leader(text: str, whole: bool = False) -> str:
    """A row's text without the leader's name its page glued on (…管网延伸工程王明 /
    …补贴政策欧阳建华); the text as it is when no name ends it. ``whole``: the text may be
    the name alone (a cell of its own)."""
    if (m := _leader()[1].search(text, max(0, len(text) - LEADER_CELL))) and (whole or m.start() > 0) and (
            not m.group("name") or m.group("name")[:1] in meeting_rules().surnames):
        return text[:m.start()]  # a leader by title (…整治分管副区长 / …区委常委、副区长 / …副区长王明 / …王副区长)
    surnames = meeting_rules().surnames  # (the people a meeting report names are read with them too)
    # a two-character surname first (欧阳建华), then one character and a given name of one or two
    for size, surname in ((4, 2), (3, 2), (2, 1), (3, 1)):
        name = text[-size:]
        if (len(text) > size or whole and len(text) == size) and HAN_ONLY.fullmatch(name) and name[:surname] in surnames:
            return text[:-size]
    return text



def _text_before_unit(name: str, head: int = MIN_TEXT_HEAD) -> bool:
    """Is a long name a task's text run into a unit (区餐饮油烟净化设施安装区城管局 /
    清理道路积尘区城管局)? A unit opens with a level word after ``head`` characters or more
    that hold no level word past their first closing a place (重庆市渝中区人民政府: a place;
    取缔辖区内小散乱污企业区经信局: 辖区 is none) and no organ's name (市生态环境局高新区分局:
    a sub-unit's)."""
    if _level_and_body(name):
        return False
    place = unit_rules().place
    for k in range(head, len(name) - 2):
        if name[k] in GLUED_NAME_START and not (_zone_end().search(name, 0, k + 1) and len(name) - k - 1 <= SHORT_NAME):
            return (not any(name[j] in GLUED_NAME_START and (name[j] == "各" or place.fullmatch(name, 0, j + 1))
                            for j in range(1, k))
                    and is_unit(name[k:], in_list=False) and not unit_rules().org_end.search(name, 0, k))
    return False


def _level_glued(name: str) -> list[str]:
    """A name the glue of two cells made (区城管局区交警大队): parted after an organ's name
    where what follows is a unit opening with a level word. ``unglue`` keeps a sub-unit
    (大队, 派出所) with the name before it (市公安局交警大队); one that names its own level is
    another cell's."""
    for m in unit_rules().org_end.finditer(name, 2, len(name) - 3):
        head, rest = name[: m.end()], name[m.end():]
        if rest[0] in GLUED_NAME_START and rest[1] not in "级直" and is_unit(head) and is_unit(rest, in_list=False):
            return [head, *_level_glued(rest)]
    for m in unit_rules().org_end.finditer(name, 3, len(name) - 3):
        # a short name after a unit with its place (县住建局住建局, 县农业农村局财政局: the
        # lead's cell, then a list of bodies named without their place): a bureau or
        # committee of its own, no branch (交警大队, 监测站) nor office (办公室) of the first
        head, rest = name[: m.end()], name[m.end():]
        if (len(rest) <= SHORT_NAME and rest.endswith(SHORT_ORGANS) and not rest.endswith(unit_rules().sub_units)
                and head[0] in GLUED_NAME_START and is_unit(head) and is_unit(rest)):
            return [head, rest]
    if len(bodies := _bare_bodies(name)) > 1:
        return bodies  # 住建局城管局交警大队: bodies named by their field alone, one after another
    if name.startswith("各"):
        # a collective of places ends with its kind, no organ's word (各镇区农业农村局: 各镇 |
        # 区农业农村局; 各街道办事处 ends with an organ's, read above)
        for k in range(2, min(len(name) - 3, MAX_COLLECTIVE) + 1):
            head, rest = name[:k], name[k:]
            if (rest[0] in GLUED_NAME_START and rest[1] not in "级直" and head.endswith(COLLECTIVE_KINDS)
                    and head[-1] + rest[0] not in KIND_PAIRS and not LEVELS_IN_PARENS.search(head)
                    and is_unit(head) and is_unit(rest, in_list=False)):
                return [head, *_level_glued(rest)]
    return [name]


def _cell_units(cell: str, role: str) -> list[Assignment]:
    """Units of a table cell: a plain list takes the column's role; a cell that states
    roles itself (市生态环境局牵头，市公安局配合 / 市生态环境局（牵头）) keeps them."""
    r = rules()
    flat = "、".join(part.strip() for part in cell.split("\n") if part.strip())
    stated = roles_sentence(flat) or partly_stated(flat, role)
    if stated:
        return stated
    found: list[Assignment] = []
    for _, item in split_list(flat):
        name, own = item.strip(), role
        if (m := ROLE_IN_PARENS.match(name)) and m.group(2) in r.role_word:
            name, own = m.group(1), r.role_word[m.group(2)]
        found += [Assignment(unit, own) for unit in units_in(name, persons=True) or []]
    return found
