"""Clauses and numbered items of a document's paragraphs.

A clause ends at 。 or ； (or ！？) outside quotes and parentheses, and where a colon
opens an enumeration (部署：一是…). Paragraphs that open with numbering (一、 （一） 1.
（1） ①) are items; an item runs until the next item of the same or an outer level, so
items nest, and an item without nested items is a leaf — the unit of a work plan. An
unnumbered paragraph continues a heading item (一、关于… then its body) but not an item
whose own line is a sentence, unless it is a labelled line (责任单位：…) or looks back
(以上任务由…).
Table rows are left to the tasks component, which reads them as tables.

``segment(document)`` does the work on the ``Document`` (offsets into
``document.text``). The numbering styles are data:
``nlp/data/clauses.yaml``.
"""

from __future__ import annotations

from collections import Counter

import re
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import chain

from minutes import datafiles
from minutes.lines import numeral, signature_date
from minutes.models import Document, Table
from minutes.nlp.components.units import ends_like_unit, split_list, units_in
from minutes.patterns import alternation

OPENERS = {"（": "）", "(": ")", "【": "】", "〔": "〕", "“": "”", "《": "》", "「": "」"}
CLOSERS = {close: open_ for open_, close in OPENERS.items()}


@dataclass
class Item:
    """A numbered paragraph and everything up to the next item of its level or above."""

    start: int  # offset of the marker in the document text
    end: int  # end of its last line
    level: int  # 1 for 一、, 2 for （一）, … (position in clauses.yaml)
    marker: str
    paragraph: int  # index of its first line
    parent: int | None  # index in the list of items
    children: list[int] = field(default_factory=list)
    sentence: bool = False  # its opening line holds a sentence (not a bare heading)
    labels_of: int | None = None  # the later sibling whose labelled lines speak for it too

    @property
    def leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True)
class Clause:
    start: int  # offsets in the document text, closing punctuation excluded
    end: int
    text: str
    paragraph: int  # index of the line it stands in
    item: int | None  # innermost item it belongs to
    opens_item: bool  # the first clause after an item's marker
    label: str | None  # 整改措施 of a line 整改措施：…, on the clause that opens the line
    closing: str  # the 。；！？ (or ： before an enumeration, ， before a second directive) that ended it; "" at a bare line end
    numbered: bool = False  # it is an item of an enumeration by bare numerals (…：一禁止…；二…), the numeral left out


@dataclass(frozen=True)
class Segmentation:
    clauses: list[Clause]
    items: list[Item]
    tables: list[tuple[int, Table]]  # with their offsets in the document text
    signed: frozenset[int] = frozenset()  # the lines that sign the document (issuer, date): no clauses


@dataclass(frozen=True)
class Rules:
    markers: tuple[re.Pattern[str], ...]
    any_marker: re.Pattern[str]  # what one of the markers matches: a line it does not open is tried no further
    inline_marker: re.Pattern[str]
    bare_number: re.Pattern[str]  # where a run of bare numbers (…：一禁止…；二…) may start
    bare_number_not_before: frozenset[str]
    clause_ends: frozenset[str]
    section_label: re.Pattern[str]
    bracketed_field: re.Pattern[str]  # 【整改要求】 opening a line: a field name in brackets
    glued_field: re.Pattern[str]  # 整改时限2017年9月30日前: a field label whose colon was lost
    dashed_field: re.Pattern[str]  # 责任单位——X: a field name before a dash
    continuation: re.Pattern[str]
    field_break: re.Pattern[str]
    field_starts: frozenset[str]  # first characters of the labels field_break looks for
    wrap_min_lines: int
    wrap_min_width: int
    wrap_slack: int
    wrap_share: float
    max_enclosed: int
    page_mark: re.Pattern[str]
    phase_heading: re.Pattern[str]  # （二）整治阶段（6月至9月）。: heads the paragraphs after it
    closing_formula: re.Pattern[str]  # 特此通知: the body's end
    second_directive: re.Pattern[str]  # ，要… after a directive: a clause of its own
    directive_in_clause: re.Pattern[str]
    condition_before: re.Pattern[str]  # 对…的，要…: the words before the comma set a condition
    role_end: re.Pattern[str]  # a role word closing a part of a sentence of roles (…牵头 / …配合落实)


@cache
def rules() -> Rules:
    data = datafiles.load("clauses.yaml")
    field_break, field_starts = _field_break()
    return Rules(
        markers=tuple(re.compile(rf"\s*(?:{pattern})\s*") for pattern in data["item_markers"]),
        any_marker=re.compile(r"\s*(?:" + "|".join(f"(?:{pattern})" for pattern in data["item_markers"]) + ")"),
        inline_marker=re.compile(data["inline_marker"]),
        bare_number=re.compile(data["bare_number"]),
        bare_number_not_before=frozenset(data["bare_number_not_before"]),
        clause_ends=frozenset(data["clause_ends"]),
        section_label=re.compile(data["section_label"].replace("PERSON_LABELS", datafiles.load("roles.yaml")["person_labels"])),
        bracketed_field=re.compile(data["bracketed_field"]),
        glued_field=re.compile(rf"^(?:{alternation(data['block_fields'])})"),
        dashed_field=re.compile(data["dashed_field"]),
        continuation=re.compile(data["continuation"]),
        field_break=field_break,
        field_starts=field_starts,
        wrap_min_lines=int(data["wrap"]["min_lines"]),
        wrap_min_width=int(data["wrap"]["min_width"]),
        wrap_slack=int(data["wrap"]["slack"]),
        wrap_share=float(data["wrap"]["share"]),
        max_enclosed=int(data["max_enclosed"]),
        page_mark=re.compile(data["page_mark"]),
        phase_heading=re.compile(data["phase_heading"]),
        closing_formula=re.compile(data["closing_formula"]),
        second_directive=re.compile(data["second_directive"]),
        directive_in_clause=re.compile(data["directive_in_clause"]),
        condition_before=re.compile(data["condition_before"]),
        role_end=_role_end(),
    )


def _role_end() -> re.Pattern[str]:
    roles = datafiles.load("roles.yaml")
    words = alternation([w for words in roles["role_words"].values() for w in words.split("|")])
    return re.compile(rf"^由?(?P<units>.+?)(?:{words}){roles['role_tail']}")


def _field_labels() -> list[str]:
    """The labels of a task's fields: unit, time and person labels (roles.yaml)."""
    roles = datafiles.load("roles.yaml")
    labels = [w for words in roles["role_labels"].values() for w in words.split("|")]
    return labels + roles["deadline_labels"].split("|") + roles["person_labels"].split("|")


def _field_break() -> tuple[re.Pattern[str], frozenset[str]]:
    """Where a labelled line's next field starts: a field label after a space or right after
    the field before it, once spacing is lost (牵头单位：X配合单位：Y; 整改时限：…整改措施：…)."""
    labels = _field_labels() + datafiles.load("clauses.yaml")["block_fields"]
    return re.compile(rf"\s*(?P<label>{alternation(labels)})[：:]"), frozenset(label[0] for label in labels)


@cache
def _spaced_label() -> re.Pattern[str]:
    """A field label set off by spaces instead of a colon (责任单位 县发改局 完成时限 6月底前, as
    converted PDFs and tables leave it): at a line's start or after a space or a stop, three
    characters at least (单位 or 牵头 alone before a space name no field)."""
    labels = [label for label in _field_labels() if len(label) >= 3]
    return re.compile(rf"(?:^|(?<=[\s。；;，,]))(?:{alternation(labels)})(?P<gap>[ \t\u3000])(?=[ \t\u3000]*[^\s：:])")


def _labels_marked(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Each line with the labels it sets off otherwise than by a colon read as labels, offsets
    kept: field names in lenticular brackets or before a dash, where a label before a colon
    would be one (【责任单位】X → 责任单位：X; 【整改要求】…; a blank for the opening bracket;
    责任单位——X → 责任单位：X, a blank for the second dash), and field labels followed by a
    space (责任单位 县发改局 → 责任单位：县发改局)."""
    r = rules()
    spaced = _spaced_label()

    def labelled(m: re.Match[str], opening: str = "") -> str:
        if not r.section_label.match(m.group(1) + "："):
            return m.group()
        return f"{opening}{m.group(1)}：".ljust(len(m.group()))

    out = []
    for offset, line, is_table in lines:
        if not is_table:
            # (most lines hold no bracket, no dash and no gap: one test each)
            if "【" in line:
                line = r.bracketed_field.sub(lambda m: labelled(m, " "), line)
            if "—" in line or "－" in line or "-" in line or "─" in line:
                line = r.dashed_field.sub(labelled, line)
            if " " in line or "\t" in line or "\u3000" in line:
                line = spaced.sub(lambda m: m.group()[: -len(m.group("gap"))] + "：", line)
        out.append((offset, line, is_table))
    return _glued_fields(out)


def _glued_fields(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Each line opening with a field label whose colon was lost (整改时限2017年9月30日前,
    整改措施 alone) with its colon, where the line above or below it, blank lines passed over,
    is a labelled line (a line so read above counts): a block of a rectification list.
    The line runs one character ahead of the offsets after the label."""
    r = rules()
    out = list(lines)
    for n, (offset, line, is_table) in enumerate(out):
        stripped = _after_marker(line.lstrip())
        if is_table or not (m := r.glued_field.match(stripped)) or stripped[m.end() : m.end() + 1] in ("：", ":", " ", "\u3000", "\t"):
            continue
        # (a block whose fields each open with a marker, all of them glued, 一、整改任务… /
        # 二、整改目标…: a neighbour so glued counts as labelled)
        numbered = stripped != line.lstrip()
        if numbered and not stripped[m.end() :].strip():
            continue  # 一、整改任务 alone: the heading of a section, no field
        if any(r.section_label.match(near := _after_marker(out[k][1].strip()) if numbered else out[k][1].strip())
               or numbered and near != out[k][1].strip() and r.glued_field.match(near)
               for k in (_next_text(out, n, -1), _next_text(out, n, 1)) if k is not None):
            at = len(line) - len(stripped) + m.end()
            out[n] = (offset, line[:at] + "：" + line[at:], is_table)
    return out


def _after_marker(line: str) -> str:
    """The line after the item marker it opens with, blanks passed over; the line itself
    when it opens with none."""
    found = marker_of(line) if line[:1] and not line[0].isspace() else None
    return line[found[2] :].lstrip() if found else line


def _next_text(lines: list[tuple[int, str, bool]], n: int, step: int) -> int | None:
    """The index of the nearest line before (``step`` -1) or after (1) line ``n`` holding text."""
    k = n + step
    while 0 <= k < len(lines):
        if lines[k][1].strip() and not lines[k][2]:
            return k
        if lines[k][2]:
            return None
        k += step
    return None


def field_breaks(text: str) -> list[int]:
    """Where each labelled field after the first starts in a run of fields whose stops were
    lost (牵头单位：X配合单位：Y / 牵头单位：X 完成时限：年底前), as ``split_clauses`` parts them."""
    r = rules()
    found: list[int] = []
    past_label = 0
    for i, ch in enumerate(text):
        if i >= past_label and (ch.isspace() or ch in r.field_starts) and (m := r.field_break.match(text, i)):
            if past_label and text[:i].strip():
                found.append(m.start("label"))
            past_label = m.end()
    return found


def lines_of(document: Document) -> list[tuple[int, str, bool]]:
    """(offset, line, is a table row) for every line of ``document.text``."""
    out: list[tuple[int, str, bool]] = []
    offset = 0
    for block in document.blocks:
        is_table = isinstance(block, Table)
        text = "\n".join("\t".join(row) for row in block.rows) if is_table else block
        for line in text.split("\n"):
            out.append((offset, line, is_table))
            offset += len(line) + 1
    return out


def tables_of(document: Document) -> list[tuple[int, Table]]:
    """Every table of the document with the offset of its first row in ``document.text``."""
    out: list[tuple[int, Table]] = []
    offset = 0
    for block in document.blocks:
        if isinstance(block, Table):
            out.append((offset, block))
            offset += len("\n".join("\t".join(row) for row in block.rows)) + 1
        else:
            offset += len(block) + 1
    return out


def marker_of(line: str) -> tuple[int, str, int] | None:
    """(level, marker, length) when the line opens with item numbering."""
    if not rules().any_marker.match(line):
        return None  # most lines: one pattern tried, not one per level
    for level, pattern in enumerate(rules().markers, 1):
        if m := pattern.match(line):
            if _opens_text(line, m):
                return level, m.group().strip(), m.end()
    return None


def _opens_text(line: str, m: re.Match[str]) -> bool:
    """Does the marker matched open text? 1.5吨 is a number, not an item; 2、2010年底前…
    is an item (a 、 or a bracket never stands inside a number), and so is 2.2007年底前…:
    no decimal reads on into 年."""
    rest = line[m.end():]
    return bool(rest) and not (rest[0].isdigit() and m.group().rstrip()[-1:] in ".．" and not _YEAR_OPENING.match(rest))


_YEAR_OPENING = re.compile(r"(?:19|20)\d\d年")


NUMERALS = {ch: n for n, ch in enumerate("一二三四五六七八九", 1)}
FRAME = " \t|｜│"  # what frames a line of a page pasted from a table: blanks and bars
HEADING_LENGTH = 20  # characters: no item heading set off by a space is longer
LEFT_OPEN = 12  # characters: a line whose last this many open a bracket they do not close goes on


NON_DIGITS = re.compile(r"\D")
ENCLOSED_NUMBER = re.compile("[㈠-㈩]")


def marker_number(marker: str) -> int | None:
    """The number of an item marker: 7 of （七） or 7. ; 23 of 二十三、."""
    digits = NON_DIGITS.sub("", marker)
    if digits:
        return int(digits)
    if enclosed := ENCLOSED_NUMBER.search(marker):
        return ord(enclosed.group()) - ord("㈠") + 1  # ㈢ is （三）
    return numeral("".join(ch for ch in marker if ch in NUMERALS or ch == "十"))


def _without_page_marks(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Each line with its page marks ([接上页], framing bars) blanked, offsets kept."""
    mark = rules().page_mark
    out = []
    for offset, line, is_table in lines:
        if not is_table and line:
            if (m := mark.match(line)) and m.end():
                line = " " * m.end() + line[m.end():]
            if line[-1] in FRAME:
                body = line.rstrip(FRAME)
                line = body + " " * (len(line) - len(body))
        out.append((offset, line, is_table))
    return out


def _unwrapped(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Lines a converted page broke at a fixed width joined again: where many lines are as
    long as the longest, a line of that width not ending a sentence goes on in the next
    line, unless that one opens an item or a label. Offsets in a joined line run ahead of
    the document's by the line breaks dropped before them (a character each)."""
    r = rules()
    lengths = [len(line.strip()) for _, line, is_table in lines if not is_table and line.strip()]
    if len(lengths) < r.wrap_min_lines:
        return lines
    # the page's width: the length most lines reach (within the slack), not the longest
    # line, which may be one the text joined already (a parenthesis over three lines) or
    # one of half-width figures (20XX 年 100 天); a page is broken at it when many lines are
    # as long, give or take the slack
    count = Counter(n for n in lengths if n >= r.wrap_min_width)
    if not count:
        return lines
    width = max(count, key=lambda n: (sum(count[n - k] for k in range(r.wrap_slack + 1)), n))
    wrapped = [n for n in lengths if abs(n - width) <= r.wrap_slack]
    if len(wrapped) < r.wrap_share * len(lengths):
        return lines
    out: list[tuple[int, str, bool]] = []
    previous = ""  # the physical line before, of a joined one its last
    for offset, line, is_table in lines:
        if out and not is_table and not out[-1][2] and line.strip() and _goes_on(previous, width) and not (
                marker_of(line) or r.section_label.match(line.strip())):
            before = out.pop()
            out.append((before[0], before[1].rstrip() + line.strip(), False))
        else:
            out.append((offset, line, is_table))
        previous = line
    return out


def _within_brackets(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """A line broken inside a title mark or parenthesis (…违反《 / 中华人民共和国水污染防治法》…)
    joined with the next, which does not open an item: a conversion's break, not the
    author's. So is a paragraph a scraped page broke after a comma (…进行通报， / (blank) /
    严格按照时间节点…): no paragraph ends with one. Offsets run ahead as in ``_unwrapped``."""
    out: list[tuple[int, str, bool]] = []
    for offset, line, is_table in lines:
        if out and not is_table and line.strip() and not marker_of(line):
            above = len(out) - 1
            while above > 0 and not out[above][2] and not out[above][1].strip():
                above -= 1  # blank lines after a comma
            before = out[above]
            if not before[2] and (before[1].rstrip().endswith(("，", ",")) or above == len(out) - 1 and _left_open(before[1])):
                del out[above:]
                out.append((before[0], before[1].rstrip() + line.strip(), False))
                continue
        out.append((offset, line, is_table))
    return out


def _field_names(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """A rectification list's fields as a page prints them: a line holding nothing but a
    label (its brackets read already, ``_labels_marked``) joined with the next line,
    its value (整改要求： / 加大冲洗频次…), unless that one opens an item or a label of its
    own. Offsets run ahead as in ``_unwrapped``."""
    r = rules()
    out: list[tuple[int, str, bool]] = []
    for offset, line, is_table in lines:
        stripped = line.strip()
        if is_table or not stripped:
            out.append((offset, line, is_table))
            continue
        if out and not out[-1][2] and _label_alone(out[-1][1]) and not (
                marker_of(line) or r.section_label.match(stripped)):
            before = out.pop()
            out.append((before[0], before[1].strip() + stripped, False))
        else:
            out.append((offset, line, is_table))
    return out


_SENTENCE_END_THEN = re.compile(r"[。；;]\s*")


def _split_fields(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """A rectification list's fields run together into one line (存在问题：X。整改措施：Y。
    责任单位：Z。整改时限：T。, or opening with 问题1：): one line per field, a label after a
    sentence end opening the next, as a line opening with a label does. Only a line that
    opens with a label or a problem's marker is so read: a plan's item closing with its
    roles (1.开展清理。责任单位：…) keeps them on its line."""
    r = rules()
    out: list[tuple[int, str, bool]] = []
    for offset, line, is_table in lines:
        stripped = line.lstrip()
        opening = None if is_table or "：" not in line and ":" not in line else (
            r.section_label.match(stripped) or r.markers[0].match(stripped))
        if opening is not None and opening.group().endswith(("：", ":")):
            first = len(line) - len(stripped) + opening.end()
        elif not is_table and (fields := _block_fields_in(line)) is not None:
            first = fields  # …(一)问题…。整改目标：…。责任单位：…整改措施：…: a whole row run into its item's line
        else:
            out.append((offset, line, is_table))
            continue
        start = 0
        for end in _SENTENCE_END_THEN.finditer(line, first):
            if end.end() < len(line) and r.section_label.match(line[end.end() :]):
                out.append((offset + start, line[start : end.start() + 1], False))
                start = end.end()
        out.append((offset + start, line[start:], is_table))
    return out


MIN_RUN_FIELDS = 3  # distinct fields of a rectification row that make a line one run together


def _block_fields_in(line: str) -> int | None:
    """Where the first field of a rectification row starts, in a line that opens with no
    label but holds at least ``MIN_RUN_FIELDS`` fields, each with its colon, one of them the
    row's own (a PDF row run into its item's line: (一)问题…。整改目标：…。责任单位：…整改
    时限：…); None otherwise."""
    if line.count("：") + line.count(":") < MIN_RUN_FIELDS:
        return None
    found = list(rules().field_break.finditer(line))
    labels = {m.group("label") for m in found}
    # (a row's own fields among them, 整改目标/整改措施/原因分析…: a plan's item closing with
    # 牵头单位：…；配合单位：…；完成时限：… keeps them on its line)
    if len(labels) < MIN_RUN_FIELDS or not any(label.startswith(("整改", "原因")) for label in labels):
        return None
    return found[0].start("label")


def _label_alone(line: str) -> bool:
    """Is the line a label with no value after it (整改要求：)?"""
    line = line.strip()
    return bool(line) and line[-1] in "：:" and bool(m := rules().section_label.match(line)) and m.end() == len(line)


def _left_open(line: str) -> bool:
    """Does the line end inside a 《…》, （…） or “…” it opened (within the last few characters)?
    (A quote a scraped page closes with a straight one, “治气", is closed; a line ending a
    sentence ends inside no quote.)"""
    tail = line.rstrip()[-LEFT_OPEN:]
    return any(tail.rfind(opener) > tail.rfind(closer) for opener, closer in (("《", "》"), ("（", "）"), ("(", ")"))) or (
        tail.rfind("“") > max(tail.rfind("”"), tail.rfind('"')) and tail[-1:] not in rules().clause_ends)


def _goes_on(line: str, width: int) -> bool:
    """Does a line of a page broken at ``width`` go on in the next one?"""
    line = line.strip()
    return len(line) >= width - rules().wrap_slack and line[-1] not in rules().clause_ends and line[-1] not in "：:"


@cache
def _item_ends() -> re.Pattern[str]:
    """What an item run together with the next ends with: a sentence end, a closing
    parenthesis (…严禁超标排放。（县环保局负责）（八）…), a space (…时间安排 （一）…) or a colon
    before the first item under a heading (…分四个阶段实施：（一）…)."""
    return re.compile(f"[{re.escape(''.join(sorted(rules().clause_ends)) + '）) ：:')}]")


# A sentence end, then a head of units closed by a colon (…执法连接问题。 市监察局：负责…),
# perhaps numbered as the first of a section (…联络员。 三、成员单位工作职责市环保局：负责…)
# opens with the sentence end itself, not a look-behind at it: the engine then skips to those
# characters instead of trying every position of every line
DUTY_HEAD_AFTER_END = re.compile(r"[。；;！!？?](?P<gap>\s*)(?P<line>(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．])?"
                                 r"(?P<head>[^：:，,。；;！!？?\s（(、]{2,40}(?:、[^：:，,。；;！!？?\s（(、]{2,40})*)[：:](?=[\u4e00-\u9fff]))")


def _split_duty_heads(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """A duty list run together into one line (a page converted to text: 市环保局：负责…。
    市监察局：负责…。 市经信委：负责…) as one line per body: after a sentence end, a head
    that names only units and closes with a colon opens the next line."""
    out: list[tuple[int, str, bool]] = []
    for offset, line, is_table in lines:
        start = 0
        for m in ([] if is_table else DUTY_HEAD_AFTER_END.finditer(line)):
            if units_in(m.group("head")):
                out.append((offset + start, line[start : m.start("gap")], False))
                start = m.start("line")
        out.append((offset + start, line[start:], is_table))
    return out


def _split_after_roles(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Measures of a plan without numbers run together into one line, each closed by its
    own parenthesis of roles (a digest that lost the page's line breaks: 全面提升能效。继续落实
    双控制度。（省经信委、省发改委牵头）完善节能标准…。（省经信委牵头）): one line per
    measure, each ending with its parenthesis, as a line of a plan closed by its roles is read.
    Lines opening an item keep their measures (the item's, read by the task reader)."""
    out: list[tuple[int, str, bool]] = []
    for offset, line, is_table in lines:
        start = 0
        if not is_table and ("）" in line or ")" in line) and marker_of(line) is None:
            for m in _roles_then_text().finditer(line):
                if units_in(m.group("units")):
                    out.append((offset + start, line[start : m.end("close")], False))
                    start = m.end("close") + len(line[m.end("close") :]) - len(line[m.end("close") :].lstrip())
        out.append((offset + start, line[start:], is_table))
    return out


@cache
def _roles_then_text() -> re.Pattern[str]:
    """A sentence's end, a parenthesis of units and a role word (roles.yaml), then the next
    sentence's text."""
    words = alternation(w for words in datafiles.load("roles.yaml")["role_words"].values() for w in words.split("|"))
    return re.compile(rf"[。；;](?P<close>[（(](?P<units>[^（）()。：:，,]{{2,60}}?)(?:{words})[^（）()。]{{0,30}}[）)])"
                      r"(?=[ \t\u3000]*[\u4e00-\u9fff])")


def _split_run_together(lines: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Lines holding several items run together (a page converted to text: （七）开展…。
    （八）完成…。 / …简报。 四、时间安排 （一）动员阶段 各乡镇…) as one line per item, for a
    line that opens with a marker. After a sentence end, a closing parenthesis or a space,
    a marker opens the next item when it numbers the next item of a level seen on the line,
    the first item under a heading just opened (四、时间安排 （一）…), or — after a sentence
    end — an item of a level above all those seen (the page goes on with the next section).
    An item's heading set off by a space from its text (（一）动员阶段 各乡镇要…) becomes a
    line of its own."""
    r = rules()
    out: list[tuple[int, str, bool]] = []
    numbered: dict[int, int] = {}  # level -> number of the last item of the lines so far
    for offset, line, is_table in lines:
        found = None if is_table else marker_of(line)
        if found is None and not is_table and ((at := _enumeration_after_colon(line))
                                               or (at := _numbered_after_preamble(line))):
            # 现就有关事项通知如下：一、…。二、…。 the notice's items run on after its lead
            out.append((offset, line[:at], False))
            offset, line = offset + at, line[at:]
            found = marker_of(line)
        if found is None and not is_table and (at := _first_run_marker(line, numbered)):
            # …冲洗防车辆泥沙上路。 （牵头单位：…） 3.加强入城车辆管理。 … （五）…: a page that
            # starts inside an item, its next items run on after it
            out.append((offset, line[:at].rstrip(), False))
            offset, line = offset + at, line[at:]
            found = marker_of(line)
        if found is None or marker_number(found[1]) is None:
            out.append((offset, line, is_table))
            continue
        pieces: list[tuple[int, str, bool]] = []
        last = {found[0]: marker_number(found[1])}  # level -> number of its last item on the line
        level, heading = found[0], True  # of the item being read; no sentence end in it yet
        start = 0
        for end in _item_ends().finditer(line, 0, len(line) - 1):
            i, ch = end.end(), end.group()
            # a heading closed by 。 (（五）加强机动车污染防治。 1.…) is a heading still
            if ch in r.clause_ends and i - start > HEADING_LENGTH:
                heading = False
            at = _marker_at(line, i)
            if at is None:
                continue
            next_level, number = at
            # a sentence ended, or the parenthesis closing one (…管理。（牵头单位：…） （五）…)
            ended = ch in r.clause_ends or ch in "）)" and _closes_a_sentence(line, i - 1)
            if not (number == last.get(next_level, -1) + 1
                    or (number == 1 and next_level > level and heading)
                    or (ended and next_level < min(last))):
                continue
            pieces.append((offset + start, line[start:i], False))
            start, level, heading = i + len(line[i:]) - len(line[i:].lstrip()), next_level, True
            last = {lv: n for lv, n in last.items() if lv < next_level} | {next_level: number}
        pieces.append((offset + start, line[start:], False))
        out += [part for piece in pieces for part in _heading_apart(piece)]
        numbered = last
    return out


_GLUED_FIRST = re.compile(r"(?<=[\u4e00-\u9fff])(?=1[.．、]|[（(]一[）)])")


def _glued_first_item(line: str, found: tuple[int, str, int]) -> int | None:
    """Where the first item of a level below the line's own starts right after the
    heading's words, no space or stop between them (一、基本原则1.属地管理。): a heading of at
    most HEADING_LENGTH characters without punctuation; None otherwise."""
    m = _GLUED_FIRST.search(line, found[2] + 2, found[2] + HEADING_LENGTH + 1)
    if m is None or any(ch in line[found[2] : m.start()] for ch in "，,；;。：:、（）() "):
        return None
    at = _marker_at(line, m.start())
    return m.start() if at is not None and at[0] > found[0] and at[1] == 1 else None


def _numbered_after_preamble(line: str) -> int | None:
    """Where the numbered body of a whole document run into one line starts (a page of a
    document site: …结合实际，制定本方案。一、指导思想…。二、工作目标…), or the points a
    line's lead sentence announces (整改措施：全面排查…。1.县住建局牵头…。2.…): at a first
    item of any level after a sentence end, when the next item of its level follows after a
    sentence end too; None otherwise."""
    r = rules()
    first: tuple[int, int] | None = None  # (where, level) of the first item
    for end in _item_ends().finditer(line, 0, len(line) - 1):
        if end.group() not in r.clause_ends:
            continue
        at = _marker_at(line, end.end())
        if at is None:
            continue
        level, number = at
        if first is None and number == 1:
            first = (end.end(), level)
        elif first is not None and level == first[1] and number == 2:
            return first[0]
    return None


_AS_FOLLOWS = re.compile("如下[：:]")


def _enumeration_after_colon(line: str) -> int | None:
    """Where the outermost items start after the 如下： that announces them in a line of
    running text, when the second follows a full stop (现就有关事项通知如下：一、…。二、…):
    a notice's items run together with its lead; or the measures a task field opening the
    line numbers, of any level (重点任务：(1)开展…。(2)加快…: each a measure of its own).
    (会议议定：一、…；二、… stays inline.)"""
    for colon in chain(_AS_FOLLOWS.finditer(line), filter(None, [_measure_field().match(line)])):
        at = colon.end()
        marker = _marker_at(line, at)
        if marker is None or marker[1] != 1 or (colon.re is _AS_FOLLOWS and marker[0] != 1):
            continue
        pattern = rules().markers[marker[0] - 1]
        for stop in re.finditer("。", line[at:]):
            m = pattern.match(line, at + stop.end())
            if m and marker_number(m.group().strip()) == 2:
                return at
    return None


@cache
def _measure_field() -> re.Pattern[str]:
    """A task field's label opening a line (重点任务： / 整改措施：)."""
    return re.compile(rf"\s*(?:{alternation(datafiles.load('roles.yaml')['task_labels'].split('|'))})[：:]")


RUN_MARKER_AFTER = re.compile(r"[。）)]\s+")


def _first_run_marker(line: str, numbered: dict[int, int]) -> int | None:
    """Where the first item marker of a line that does not open with one stands, when
    items run on in it: a marker after a sentence end or a closing parenthesis and a space
    (…上路。 （牵头单位：…） 3.加强…), followed by at least one more such marker, or alone
    where it numbers the next item of a level the lines before opened (``numbered``: 1、… /
    整改措施：…。（责任单位：…） 2、…); None otherwise (a number in running text opens no item)."""
    found = [(m.end(), at) for m in RUN_MARKER_AFTER.finditer(line) if (at := _marker_at(line, m.end()))]
    if len(found) == 1 and numbered.get(found[0][1][0], -1) + 1 == found[0][1][1]:
        return found[0][0]
    return found[0][0] if len(found) > 1 else None


def _closes_a_sentence(line: str, close: int) -> bool:
    """Does the parenthesis closing at ``close`` follow a sentence end (…管理。（牵头单位：X））?"""
    depth = 0
    for j in range(close, -1, -1):
        depth += line[j] in "）)"
        depth -= line[j] in "（("
        if depth == 0:
            return line[:j].rstrip()[-1:] in rules().clause_ends
    return False


def _marker_at(line: str, i: int) -> tuple[int, int] | None:
    """(level, number) of an item marker at ``i`` followed by text, not by a number."""
    while i < len(line) and line[i] == " ":
        i += 1
    if i >= len(line) or not rules().any_marker.match(line, i):
        return None
    for level, pattern in enumerate(rules().markers, 1):
        if (m := pattern.match(line, i)) and _opens_text(line, m):
            number = marker_number(m.group().strip())
            return None if number is None else (level, number)
    return None


def _heading_apart(item: tuple[int, str, bool]) -> list[tuple[int, str, bool]]:
    """（一）动员阶段（5月） 各乡镇要… → the heading and the item's text as two lines.
    一、基本原则1.属地管理。…2.部门协同。… (a document site's page, the first item under a
    heading glued to it) → the heading, then the items under it read as a line of their own."""
    offset, line, is_table = item
    found = None if is_table else marker_of(line)
    if found is None:
        return [item]
    if glued := _glued_first_item(line, found):
        return [(offset, line[:glued], False), *_split_run_together([(offset + glued, line[glued:], False)])]
    space = line.find(" ", found[2])
    head = line[found[2] : space]
    rest = line[space:].lstrip()
    if (space < 0 or not head or len(head) > HEADING_LENGTH or any(ch in head for ch in "，,；;。：:")
            or not any(ch in rest for ch in rules().clause_ends)):
        return [item]
    return [(offset, line[:space], False), (offset + len(line) - len(rest), rest, False)]


@cache
def _stops(labelled: bool = True) -> re.Pattern[str]:
    """The characters ``split_clauses`` acts on; it skips the others (most of a text) at C
    speed. A bracket left open is dropped at the next of them instead of at once, with the
    same effect: nothing happens in between. ``labelled``: the text holds a colon, so a
    field's label may open a clause (at a space or at the label's first character); in
    most paragraphs none does, and only brackets and stops act."""
    r = rules()
    chars = {*OPENERS, *CLOSERS, *r.clause_ends}
    spaces = ""
    if labelled:
        chars |= {"：", ":", *r.field_starts}
        spaces = r"\s"
    return re.compile(rf"[{''.join(map(re.escape, sorted(chars)))}{spaces}]")


def split_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of one paragraph, trimmed, punctuation excluded."""
    return split_numbered(text)[0]


def bare_numbers(text: str) -> dict[int, int]:
    """Where the items of an enumeration by bare numerals start in a paragraph (…通知如下：
    一禁止…；二组织…；三加大…), with the length of each numeral: after a colon, 一, then
    after each clause end the next number, as long as the run goes on (two at least)."""
    r = rules()
    found: dict[int, int] = {}
    if ("一" not in text or "二" not in text) and ("1 " not in text or "2 " not in text):
        return found  # (most paragraphs: a few scans in C)
    for run in r.bare_number.finditer(text):
        at, number, items = _past_blanks(text, run.start() + 1), 1, {}
        while (length := _bare_number_at(text, at, number)) is not None:
            items[at] = length
            stop = _CLAUSE_END.search(text, at)
            if stop is None:
                break
            at, number = _past_blanks(text, stop.end()), number + 1
        if len(items) > 1:
            found |= items
    return found


_CLAUSE_END = re.compile("[；;。]")


def _past_blanks(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _bare_number_at(text: str, at: int, number: int) -> int | None:
    """The length of the bare numeral ``number`` at ``at`` (一 / 十二) when text follows it
    (of an Arabic one, 3 / 12, with the space after it, when a Han character follows)."""
    if text[at : at + 1].isdigit():
        digits = str(number)
        after = at + len(digits)
        return len(digits) + 1 if (text.startswith(digits, at) and text[after : after + 1] == " "
                                   and "\u4e00" <= text[after + 1 : after + 2] <= "\u9fff") else None
    for length in (1, 2, 3):
        after = text[at + length : at + length + 1]
        if marker_number(text[at : at + length]) == number and after and after not in NUMERALS and after != "十":
            not_before = rules().bare_number_not_before
            return length if "\u4e00" <= after <= "\u9fff" and after not in not_before else None
    return None


def _after_colon(text: str, i: int) -> bool:
    """Does a colon stand right before ``i``, blanks passed over (looked at in place: a
    paragraph may hold many quotation marks)?"""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j] in "：:"


def split_numbered(text: str) -> tuple[list[tuple[int, int]], set[int]]:
    """``split_clauses``, and the starts of the clauses that are items of an enumeration by
    bare numerals (their numeral left out of the clause)."""
    r = rules()
    bare = bare_numbers(text)
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # open brackets/quotes and where they opened
    past_label = 0  # where the last field label found ends
    start = 0
    for m in _stops("：" in text or ":" in text).finditer(text):
        i, ch = m.start(), m.group()
        if stack and i - stack[-1][1] > r.max_enclosed:
            stack.clear()  # a bracket left open by mistake: stop protecting its span
        if ch in CLOSERS and stack and stack[-1][0] == CLOSERS[ch]:
            stack.pop()
        elif ch in OPENERS:
            if ch == "“" and _after_colon(text, i):
                continue  # 批示：“…。…。”: words said, their sentences clauses as any others
            stack.append((ch, i))
        elif not stack and (ch in r.clause_ends or (ch in "：:" and (
                r.inline_marker.match(text, i + 1) or bare and _past_blanks(text, i + 1) in bare))):
            spans.append((start, i))
            start = i + 1
        elif not stack and i >= past_label and (ch.isspace() or ch in r.field_starts) and (
                m := r.field_break.match(text, i)):
            if i > start and (ch.isspace() or text[m.end():].strip()):  # 牵头单位：X 配合单位：Y: one labelled clause each
                # (a role word glued to the names before it, with nothing after its colon,
                # closes a sentence of roles: 以下任务由X牵头，Y配合：)
                spans.append((start, i))
                start = m.start("label")
            past_label = m.end()  # 时限： inside 整改时限： is no second field
    spans.append((start, len(text)))
    if rules().second_directive.search(text):  # (opens with its comma: a scan at C speed; most paragraphs hold none)
        spans = [part for a, b in spans for part in _second_directives(text, a, b)]
    out, numbered = [], set()
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        if a in bare:
            a += bare[a]
            numbered.add(a)
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out, numbered


def _second_directives(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The clause text[a:b] cut before each directive after a comma that follows one and
    opens with a new addressee (区水务局要A，各村要B → 区水务局要A / 各村要B; 要A，县住建局、
    县城管局等单位，要B) or an enumeration's point (…，一是要A), unless the words since the
    comma before set a condition for it (对已完成的，各村要…). A 要 after a comma with no new
    addressee (区水务局要A，要B) goes on with the clause, up to its ； or 。, as the contract
    reads a 要-clause."""
    r = rules()
    out, start = [], a
    for m in r.second_directive.finditer(text, a, b):
        comma = text.rfind("，", start, m.start())
        before = text[comma + 1 : m.start()].strip()
        if not r.directive_in_clause.search(text, start, m.start()) or r.condition_before.search(before):
            continue
        if comma >= 0 and before and ends_like_unit(before) and not r.directive_in_clause.search(before) and (
                units_in(before)):
            # 要A，县住建局、县城管局等单位，要B: the addressees set off by commas open the
            # second directive
            out.append((start, comma))
            start = comma + 1
            continue
        if text.startswith("要", m.end()) and not text.startswith("要求", m.end()):
            continue  # 区水务局要A，要B: no new addressee, the 要-clause runs on to its ； or 。
        out.append((start, m.start()))
        start = m.end()
    out.append((start, b))
    return out


def segment(document: Document) -> Segmentation:
    r = rules()
    clauses: list[Clause] = []
    items: list[Item] = []
    open_items: list[int] = []  # the chain of items the current line is inside
    index = -1
    labelled_before = False  # the line before was a labelled line (配合单位：…)
    open_sentence = False  # the line before ended inside a sentence, after ；
    lines = _split_after_roles(_split_duty_heads(_split_run_together(_split_fields(_field_names(_within_brackets(
        _unwrapped(_labels_marked(_without_page_marks(lines_of(document))))))))))
    signed = signature_lines(lines)
    marked_fields = _marked_fields(lines)
    for offset, line, is_table in lines:
        index += 1
        if is_table or not line.strip():
            continue
        if index in signed:
            open_items.clear()  # the issuer's name over the date it signs with closes every item
            continue  # (and neither is any item's text or units)
        body_from, body_to, opens_item = 0, len(line), False
        if enclosed := _enclosed_field(line):
            body_from, body_to = enclosed  # （责任单位：X、Y）: the field line a parenthesis holds
        if index in marked_fields:
            body_from = marked_fields[index]  # （二）责任单位：X: a labelled line of the block, no item
        elif found := marker_of(line):
            level, marker, length = found
            while open_items and items[open_items[-1]].level >= level:
                open_items.pop()
            parent = open_items[-1] if open_items else None
            items.append(Item(offset + len(line) - len(line.lstrip()), offset + len(line), level, marker, index, parent))
            if parent is not None:
                items[parent].children.append(len(items) - 1)
            body = line[length:].strip()
            # (a set test over the line, in C, before the pattern)
            items[-1].sentence = not r.clause_ends.isdisjoint(line) and not r.phase_heading.match(body[:-1])
            open_items.append(len(items) - 1)
            body_from, opens_item = length, True
        elif open_items and items[open_items[-1]].sentence and not (
                open_sentence
                or r.section_label.match(line[body_from:body_to].strip()) or r.continuation.match(line.strip())
                  or (labelled_before or _names_units(lines, index)) and units_in(line.strip())
                  or _states_roles(line) or _over_row_units(lines, index)):
            # an unnumbered paragraph after items that were whole sentences is not theirs
            # (a closing 各责任单位要… after the last measure); a heading's body is, and so
            # are the units a labelled list goes on with on the next line (配合单位：X、Y /
            # 各乡镇（街道）、某某管委会), and a line naming nothing but units after an item's
            # text (its responsible units, the label left out), or only their roles
            # (县发改局牵头，县财政局、各乡镇配合。); a line going on with the item's sentence
            # that a page broke after ； is the item's too
            while open_items and items[open_items[-1]].sentence:
                open_items.pop()
        open_sentence = line.rstrip()[-1:] in ("；", ";")
        for i in open_items:
            items[i].end = offset + len(line)
        label = r.section_label.match(line[body_from:body_to].strip())
        labelled_before = bool(label)
        spans, numbered = split_numbered(line[body_from:body_to])
        for n, (a, b) in enumerate(spans):
            is_numbered = a in numbered
            a, b = a + body_from, b + body_from
            clauses.append(Clause(
                offset + a, offset + b, line[a:b], index,
                open_items[-1] if open_items else None,
                opens_item and n == 0,
                _label(line, a, label if n == 0 else None),
                # (a clause a second directive cut off at its comma keeps the comma)
                line[b] if b < len(line) and (line[b] in r.clause_ends or line[b] in "：:，") else "",
                is_numbered,
            ))
    return Segmentation(_section_labels(clauses, items, document.text), items, tables_of(document), frozenset(signed))


UNITS_LINE_MAX = 80  # characters: the longest line of names alone after an item


ROLE_PARTS = re.compile(r"[，,；;]")


def _states_roles(line: str) -> bool:
    """Is ``line`` a sentence of roles alone (县发改局牵头，县财政局、各乡镇配合。), each of its
    parts units and a role word?"""
    line = line.strip().rstrip("。.")
    if len(line) > UNITS_LINE_MAX or not ends_like_unit(line) and not rules().role_end.search(line):
        return False
    parts = ROLE_PARTS.split(line)
    return all((m := rules().role_end.match(part.strip())) and units_in(m.group("units")) for part in parts)


def _names_units(lines: list[tuple[int, str, bool]], index: int) -> bool:
    """Could line ``index`` name an item's units alone, without a label (1.开展排查。 then
    县生态环境局、县水利局)? Short, no sentence nor a heading's colon, ending like a unit;
    one name alone only where a numbered item follows (a name alone at the end is the
    issuer's signature)."""
    line = lines[index][1].strip()
    if (len(line) > UNITS_LINE_MAX or line.endswith(("：", ":")) or not rules().clause_ends.isdisjoint(line)
            or not ends_like_unit(line)):
        return False
    if len(split_list(line)) > 1:
        return True
    # a table flattened one cell a line may give each unit, and the person answering for
    # the row (a name of two or three characters), a line of its own before the next row
    for _, text, _ in lines[index + 1 : index + 1 + CELL_LINES]:
        text = text.strip()
        if not text:
            continue
        if marker_of(text) is not None:
            return True
        if not (PERSON_CELL.fullmatch(text) or len(text) <= UNITS_LINE_MAX and rules().clause_ends.isdisjoint(text)
                and ends_like_unit(text)):
            return False
    return False


def _over_row_units(lines: list[tuple[int, str, bool]], index: int) -> bool:
    """Is line ``index`` a row's target, a cell of its own between the row's text and the
    lines of its units (1、text / 河道保洁率达到95%以上。 / 镇水利站 / 2、…)?"""
    if len(lines[index][1].strip()) > UNITS_LINE_MAX:
        return False
    nxt = next((k for k in range(index + 1, len(lines)) if lines[k][1].strip()), None)
    return nxt is not None and not lines[nxt][2] and marker_of(lines[nxt][1]) is None and _names_units(lines, nxt) and (
        units_in(lines[nxt][1].strip()) is not None)


CELL_LINES = 4  # lines of units or persons, one a line, between a row's text and the next row
PERSON_CELL = re.compile(r"[\u4e00-\u9fff]{2,3}")  # a person's name alone on its line (a 责任领导 cell)
SIGNATURE_MAX = 30  # characters: the longest issuer's name signing a document, or its date line
SIGNERS_MAX = 3  # issuers signing one after another (a joint notice)
_DAY_DIGITS = "0123456789〇一二三四五六七八九十○零"  # what a date's numbers are written in


def signature_lines(lines: list[tuple[int, str, bool]]) -> set[int]:
    """The indexes of the lines that sign the document: short lines that are no sentences
    (青禾市生态环境局 / 青禾市发展改革委), right above a line that is only the date they sign
    with, and that date. Such lines close the numbered items above them (an issuer is no
    unit of the last measure, its date no measure)."""
    signed: set[int] = set()
    last = next((n for n in range(len(lines) - 1, -1, -1) if lines[n][1].strip()), None)
    for n, (_, line, is_table) in enumerate(lines):
        if is_table or "日" not in line and (n != last or line.rstrip()[-1:] not in _DAY_DIGITS):
            continue  # most lines are no date (one scan in C each)
        line = line.strip()
        if n == last and line[-1:] in _DAY_DIGITS:
            line += "日"  # an excerpt cut inside the date it is signed with (…2018年5月30)
        if len(line) > SIGNATURE_MAX or signature_date([line]) is None:
            continue
        if (head := line.rpartition("日")[0].rstrip(_DAY_DIGITS + "年月")).strip() and not units_in(head.strip()):
            continue  # 开展巡查 区住建局 2018年10月31日: a table's row closing with its date, not an organ's
        signed.add(n)
        above = n - 1
        while above >= 0 and not lines[above][1].strip():
            above -= 1  # blank lines between the name and the date
        for above in range(above, max(-1, above - SIGNERS_MAX), -1):
            name = lines[above][1].strip()
            if (not name or lines[above][2] or len(name) > SIGNATURE_MAX or marker_of(name) is not None
                    or not rules().clause_ends.isdisjoint(name)):
                break
            signed.add(above)
    return signed


_ENCLOSED = re.compile(r"\s*[（(]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]\s*$")


def _enclosed_field(line: str) -> tuple[int, int] | None:
    """Where the labelled line inside a parenthesis that holds the whole line starts and
    ends: （责任单位：市直各单位、各县人民政府） closing the items above it reads as the
    line 责任单位：… would."""
    m = _ENCLOSED.match(line)
    if m and rules().section_label.match(m.group(1)):
        return m.start(1), m.end(1)
    return None


MARKED_FIELDS_MIN = 3  # lines: the shortest block of fields each numbered
MARKED_BLOCK_FIELDS = 2  # lines: the shortest such block whose every label is a block field (整改任务, 整改目标)


@cache
def _task_field() -> re.Pattern[str]:
    """A unit, time or person field's label opening a line (责任单位：, 整改时限：, 责任领导：)."""
    return re.compile(rf"(?:{alternation(_field_labels())})[：:]")


def _marked_fields(lines: list[tuple[int, str, bool]]) -> dict[int, int]:
    """The lines of a rectification list's block whose fields each open with a marker of
    their own (（一）反馈问题：… （二）责任单位：… （三）整改时限：… （四）整改措施：…), with where
    each line's label starts: labelled lines of one block, as they are without the markers,
    not items. Only a run of at least three such lines, blank lines passed over, that holds
    a unit, time or person field is so read (（一）工作目标：… （二）重点任务：… are a plan's
    items)."""
    r = rules()
    out: dict[int, int] = {}
    run: dict[int, int] = {}
    has_field, block_fields = False, 0
    for index, (_, line, is_table) in enumerate(lines + [(0, "", True)]):
        if not is_table and not line.strip():
            continue
        found = None if is_table or ("：" not in line and ":" not in line) else marker_of(line)
        body = line[found[2]:].lstrip() if found else ""
        if found and r.section_label.match(body):
            run[index] = len(line) - len(body)
            has_field = has_field or bool(_task_field().match(body))
            block_fields += bool(r.glued_field.match(body))
            continue
        if len(run) >= MARKED_FIELDS_MIN and has_field or len(run) >= MARKED_BLOCK_FIELDS and block_fields == len(run):
            out.update(run)  # (or a run of a rectification block's own fields: 一、整改任务：… 二、整改目标：…)
        run, has_field, block_fields = {}, False, 0
    return out


def _label(line: str, start: int, opening: re.Match[str] | None) -> str | None:
    """The label of the clause at ``start`` of the line: the line's own for its first
    clause, else that of a field after a space (… 配合单位：Y)."""
    if opening is not None:
        return opening.group()[:-1]
    if start and line[start - 1] not in rules().clause_ends and (m := rules().section_label.match(line[start:])):
        return m.group()[:-1]
    return None


def _section_labels(clauses: list[Clause], items: list[Item], text: str) -> list[Clause]:
    """Labelled lines (责任单位：…, 整改时限：…) after the last of several items, when the
    items before it have none, speak for their section: 1. 2. 3. then 责任单位 gives the
    units of all three. Items that each carry their own labelled lines keep them. So do
    the fields and the parenthesis of roles closing a line that holds a section's heading
    and all its items ((一)加强管控。1.A。2.B。（X牵头，Y配合）): the line is the section's."""
    labelled: dict[int, list[int]] = {}  # item -> indexes of its labelled clauses
    for n, clause in enumerate(clauses):
        if clause.item is not None and (clause.label or _closes_its_line(items, clause.item, text) and (
                rules().section_label.match(clause.text)
                or clause.text[:1] in OPENERS and _states_roles(clause.text[1:].rstrip("".join(CLOSERS))))):
            labelled.setdefault(clause.item, []).append(n)
    for parent in items:
        children = parent.children
        if len(children) < 2 or not any(child in labelled for child in children):
            continue
        if children[-1] not in labelled or any(child in labelled for child in children[:-1]):
            _shared_labels(children, labelled, clauses, items)
            continue
        owner = items[children[-1]].parent
        first = labelled[children[-1]][0]
        if clauses[first].paragraph == items[children[-1]].paragraph and not _closes_its_line(items, children[-1], text):
            continue  # 3.汽修行业整治。牵头单位：X 责任单位：Y: fields on the item's own line are its own
        # the labelled line and every clause after it in the last item move up
        for n in range(first, len(clauses)):
            if clauses[n].item != children[-1]:
                break
            clauses[n] = replace(clauses[n], item=owner)
    return clauses


def _closes_its_line(items: list[Item], index: int, text: str) -> bool:
    """Is the item the last of its section's, run on in the line of the section's heading
    with all the items before it, and does it end that line?"""
    item = items[index]
    if item.parent is None or items[item.parent].children[-1] != index:
        return False
    end = text.find("\n", items[item.parent].start)
    return item.end == (len(text) if end < 0 else end)


def _shared_labels(children: list[int], labelled: dict[int, list[int]], clauses: list[Clause], items: list[Item]) -> None:
    """In a section whose labelled lines close groups of items (⑴ ⑵ ⑶ 责任部门：A ⑷
    责任部门：B), the line after a group speaks for the items of the group that have none,
    back to the last labelled item: each of them reads its labels from the group's last."""
    group: list[int] = []
    for child in children:
        if child not in labelled:
            group.append(child)
            continue
        if clauses[labelled[child][0]].paragraph != items[child].paragraph:
            for member in group:  # on a line of its own, after the item's text
                items[member].labels_of = child
        group = []

