"""Normalizing a document as read: every string of it cleaned by
``minutes.nlp.text.normalize_text`` (reading aids, Traditional → Simplified,
punctuation, blanks), then a scraped page taken apart: boilerplate lines leave the
body, ``来源``/``编辑``/``原标题`` lines move to ``metadata``, a dateline sets
``published``, a repeated headline is dropped, lines wrapped inside a name or a
parenthesis are put back together. The rules are data: ``nlp/data/boilerplate.yaml``.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from datetime import date
from collections.abc import Iterator
from typing import Any

from minutes import datafiles
from minutes.models import Block, Document, Table
from minutes.patterns import alternation, anchored, needed_words, opening, screened
from minutes.nlp.text import HAN, normalize_texts
from minutes.lines import DATE, find_date, is_junk_line, plain_title, signature_date, untagged


@functools.cache
def _rules() -> dict[str, Any]:
    raw = datafiles.load("boilerplate.yaml")
    labels = {label: key for key, names in raw["metadata"].items() for label in names}
    metadata = rf"^([\[【（(]?)\s*({alternation(labels)})\s*[：:]\s*(.*?)\s*$"
    # The screen: every rule below (and where a dateline's date may start) over a whole
    # text, line by line (re.M), so that the lines none of them can touch are seen at
    # C speed (see ``_screened``). Each pattern that may match anywhere is searched on
    # its own: one that starts with a literal or a small set of characters is then found
    # by the engine's fast scan for that start, where in an alternation every branch is
    # tried at every position; and only in a text that holds one of the words each of
    # its matches holds (``_gate``, looked for at C speed: a pattern opening with a class,
    # [Cc]opyright, is tried at every position of the text). The patterns anchored at a
    # line's start (^) are searched in the text after a line break, led by one: the scan
    # jumps from line break to line break (``_at_line_start``).
    fields = {label: kind for kind, labels in raw["disclosure_fields"].items() for label in labels}
    longest_first = sorted(fields, key=len, reverse=True)
    field_label = "|".join(label if len(label) > 2 else f"(?<![{HAN}]){label}" for label in longest_first)
    patterns = [*raw["lines"], *(s["start"] for s in raw["sections"]), metadata, rf"^{_FIELD_LEAD}(?:{field_label})"]
    anywhere = [re.compile(p, re.M) for p in patterns if not anchored(p)]
    at_start = [p for p in patterns if anchored(p)]
    return {
        "lines": re.compile("|".join(f"(?:{p})" for p in raw["lines"])),
        "screen": (
            [(p, _RULE, _gate(p)) for p in anywhere] + [(re.compile(p), _DATE, None) for p in _DATE_STARTS],
            _at_line_start(at_start),
        ),
        "sections": [
            (re.compile(s["start"]), re.compile(s["then"]), int(s.get("max", 1))) for s in raw["sections"]
        ],
        "labels": labels,
        "metadata": re.compile(metadata),
        "dateline": [re.compile(p) for p in raw["dateline_fragments"]],
        "source_beside_date": re.compile(raw["source_beside_date"]),
        "wechat_header": re.compile(raw["wechat_header"]),
        "minutes_head": tuple(re.compile(p) for p in raw["minutes_head"]),
        "notice_period": re.compile(raw["notice_period"]),
        "column_after_date": re.compile(raw["column_after_date"]),
        "section_tag": re.compile(raw["section_tag"]),
        "field": re.compile(rf"(?P<label>{field_label})\s*[：:]?"),
        "field_kinds": fields,
        "published_fields": raw["disclosure_fields"]["published"],
        "written_fields": raw["disclosure_fields"]["written"],
    }


def _gate(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words one of which a text must hold for ``pattern`` to be searched in it
    (``needed_words`` without those holding another: 版权与免责声明 holds 免责声明), or
    None to search it in every text. Looking for a word in a text costs about what a
    scan of it for a pattern opening with a literal costs: a gate of many words costs
    more than the search it spares."""
    if not (words := needed_words(pattern)):
        return None
    fewest = tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))
    return fewest if len(fewest) <= _GATE_WORDS else None


_GATE_WORDS = 3


def _at_line_start(patterns: list[str]) -> list[tuple[re.Pattern[str], tuple[str, ...] | None]]:
    """Patterns anchored at a line's start (``minutes.patterns.anchored``), each with
    its gate (``_gate``): those whose opening characters can be told, ``\\n(?=[…])(?:a|b|…)``
    without their ``^`` (each behind a look-ahead at its own, ``screened``), the others
    ``\\n(?:c)`` each, to be searched in ``"\\n" + text`` (see ``_screened``); a match
    starts at the line break before the line the pattern's ``^`` would match at. At
    most line starts the look-ahead at all their openings fails at once, where the
    alternation tried each of its branches."""
    opened = [(p, opening(p[1:])) for p in patterns]
    led = [p for p, first in opened if first]
    together = [(re.compile("\\n(?=[" + "".join(sorted(set().union(*(first for _, first in opened if first)))) + "])(?:"
                            + "|".join(f"(?:{screened(p[1:]).pattern})" for p in led) + ")", re.M), None)] if led else []
    return together + [(re.compile(f"\\n(?:{p[1:]})", re.M), _gate(re.compile(p[1:]))) for p, first in opened if not first]


# What may touch a line (``_screened``): a rule (of the lines, sections and metadata
# labels), a dateline's date.
_RULE, _DATE = 1, 2

# What may stand around a disclosure field's label and value: blanks, a bullet, a table's
# bar, the brackets a page sets its labels in ([ 发布日期 ] | 2021-03-16 |).
_FIELD_MARKS = " -•·|｜[]【】"
# (and the numbers of a list the page's conversion set the table's rows in: 4. 索引号:…, 2.4. …)
_FIELD_LEAD = rf"[\s{re.escape(_FIELD_MARKS)}]*(?:\d{{1,2}}[.．][\s\d.．]*)?"
_FIELD_LEAD_RE = re.compile(_FIELD_LEAD)
_OTHER_FIELD = re.compile(rf"[{HAN}\s]{{2,8}}[：:][^：:]{{0,40}}")  # a label of a field under another, and its value
_BARE_LABEL = re.compile(rf"[{HAN}]{{2,8}}[：:]")  # a form's label alone on its line, its value under it
# How many lines of body a document may have kept above a disclosure field line: the
# table stands at the head (with a headline or site lines above it); further down, a
# line opening with 有效期… is the text's own. (A form's other labels and values above it,
# a label a line, are no body: 交办单编号： / 37 / 交办单标题： / 关于….)
_FIELDS_REACH = 12

# What every date of DATE holds, for the screen, as patterns opening with a literal
# (found at C speed; one opening with a digit tries every position): a year of 19 or 20
# with its month and day (2025年3月5, 2025-03-05: not 2025年底, which sent a line of
# every seventh to the dateline check), or a dot and such a year (24.03.2025).
_DATE_STARTS = (r"20\d\d\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d", r"19\d\d\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d",
                r"\.(?:20|19)\d\d")
_DATE_TIME = re.compile("(?:" + DATE.pattern + r")日?(?:\s*\d{1,2}[:：]\s?\d{2}(?:[:：]\s?\d{2})?)?")


def normalize(doc: Document) -> Document:
    """A normalized copy of ``doc``: clean title, body without boilerplate, site facts in metadata."""
    return normalize_all([doc])[0]


def normalize_all(docs: list[Document]) -> list[Document]:
    """``normalize`` of each document, the strings of them all cleaned in one pass
    (``normalize_texts``: for a bulk import's group of documents, one OpenCC screen and
    one run of each rule instead of one per document; each string comes out as if alone)."""
    parts = [_lines_and_cells(doc) for doc in docs]
    # what is cleaned of each document, in the order _normalized_document takes it:
    # title, metadata, lines, table cells
    normalized = iter(normalize_texts([s for doc, (lines, cells) in zip(docs, parts)
                                       for s in (doc.title or "", *doc.metadata.values(), *lines, *cells)]))
    return [_normalized_document(doc, lines, cells, normalized) for doc, (lines, cells) in zip(docs, parts)]


def _lines_and_cells(doc: Document) -> tuple[list[str], list[str]]:
    """A document's lines, and the cells of its tables row by row."""
    return ([block for block in doc.blocks if not isinstance(block, Table)],
            [cell for block in doc.blocks if isinstance(block, Table) for row in block.rows for cell in row])


def _normalized_document(doc: Document, lines: list[str], cells: list[str], normalized: Iterator[str]) -> Document:
    """``normalize``, the title, metadata, ``lines`` and ``cells`` of the document taken
    cleaned from ``normalized``."""
    rules = _rules()
    at_width = _at_print_width(lines)  # (of the lines as read: a print's width is theirs)
    title = next(normalized) if doc.title else (next(normalized), None)[1]
    metadata = {k: v if "://" in v else n for (k, v), n in zip(doc.metadata.items(), normalized)}
    raw, lines = lines, list(itertools.islice(normalized, len(lines)))
    if doc.kind == "txt" and _rewritten(raw, lines):
        # a text in Traditional characters or with reading aids (生態(tài)): the reader looked
        # for its title in lines the title's words do not read as written; looked for again
        # in the lines cleaned
        title = plain_title([line for line in lines if line])
    cells = list(itertools.islice(normalized, len(cells)))
    next_line, next_cell = iter(lines).__next__, iter(cells).__next__
    screened = _screened(lines, rules["screen"])
    published = doc.published
    dateline_date: date | None = None
    # the datelines of consecutive lines read last, and the page's date before them
    dated_run: list[date | None] = []
    before_run: date | None = None
    read = 0  # the lines read that hold text
    dated_at = -1  # the last of them that was a dateline
    blocks: list[Block] = []
    full: list[bool] = []  # for each block, whether its line was as wide as a wrapped print's
    waiting_for: str | None = None  # a metadata label whose value is on the next line
    field_waiting: str | None = None  # ...a disclosure field's label, likewise (a form a label a line)
    # such a form gave the title field a value so (交办单标题： / 关于…的通知; not a disclosure
    # table's title field beside a 版头, whose headline under the organ is read instead)
    form_titled = False
    section: tuple[re.Pattern[str], int] | None = None  # follower pattern, lines left
    disclosed: dict[str, str] = {}  # the disclosure table's fields: {label: value}
    field_lines: set[str] = set()
    under_field = False  # the last line read was a disclosure field line
    label_before = False  # the last line read was a label alone (交办单编号：)
    formed = 0  # the lines kept so far that are a form's labels and their values

    kept: int | None = None  # the blocks kept before the last line read
    for block in doc.blocks:
        if isinstance(block, Table):
            rows = [[next_cell() for _ in row] for row in block.rows]
            if rows := [row for row in rows if any(row)]:
                blocks.append(Table(rows))
                full.append(False)
            continue
        line, touched, wide = next_line(), next(screened), next(at_width)
        if not line:
            continue
        read += 1
        if len(blocks) == kept:
            _drop_emptied_item(blocks, full)
        kept = len(blocks)  # (what the line leaves: if nothing, a bare item's number before it goes too)
        after_field, under_field = under_field, False
        # (a form's label alone on its line and the value under it, 交办单编号： / 37, are
        # the form's own lines, not body above its disclosure fields)
        under_label, label_before = label_before, _BARE_LABEL.fullmatch(line) is not None
        if len(line) >= _RUN_TOGETHER and len(_SENTENCE_STOP.findall(line)) >= _RUN_TOGETHER_SENTENCES:
            # a page that lost its line breaks: its chrome and its body on one line, which no
            # rule for a line of chrome drops (the body would go with it)
            blocks.append(line)
            full.append(wide)
            section = waiting_for = None
            continue
        if field_waiting:
            label, field_waiting = field_waiting, None
            if not (touched & _RULE and _disclosure_fields(line, rules["field"], True)):
                # 交办单标题： / 关于…的通知: a form's label on its line, the value on the next
                disclosed[label] = disclosed.get(label) or line
                form_titled = form_titled or rules["field_kinds"][label] == "title"
                field_lines.add(line)
                under_field = True
                continue
        if not (waiting_for or section or touched or after_field):
            blocks.append(line)  # a line no rule can touch
            full.append(wide)
            formed += under_label or label_before
            continue
        if waiting_for:
            key, waiting_for = waiting_for, None
            # a label left empty (作者：) before a labelled line of its own (发布时间：…, 来源：…)
            # has no value: that line is read as itself
            if not (touched & _RULE and rules["metadata"].match(line)
                    or touched & _DATE and _dateline(line, rules["dateline"])):
                metadata.setdefault(key, line)
                continue
        if section and section[1] > 0 and section[0].search(line):
            section = (section[0], section[1] - 1)
            continue
        # (a line the screen found no rule in starts no section and is no boilerplate)
        section = None
        if touched & _RULE:
            section = next(((then, most) for start, then, most in rules["sections"] if start.search(line)), None)
        if section or touched & _RULE and rules["lines"].search(line):
            continue
        # a bare date far down the body is a signature (content), not a dateline; the one
        # right under the title is the page's own, whatever stands above the title (a
        # sidebar's headline with its date)
        under_title = bool(title) and bool(blocks) and blocks[-1] == title
        if touched & _DATE and (dateline := _dateline(line, rules["dateline"])) and (
                dateline[2] or len(blocks) < 3 or under_title) and not _minutes_head(line, lines):
            if dated_at != read - 1:
                dated_run, before_run = [], dateline_date
            dated_run.append(dateline[0])
            dated_at = read
            dateline_date = dateline[0] if under_title and dateline[0] else dateline_date or dateline[0]
            if len(dated_run) >= _LISTED_DATES and len(set(dated_run)) > 1:
                # 2024-05-20 10:05阅读 / 2024-05-18 16:30阅读 / …: a list of other pages'
                # dates (a column's latest items), none of them this page's
                dateline_date = before_run
            if dateline[1]:
                metadata.setdefault("source", dateline[1])
            continue
        if touched & _RULE and (match := rules["metadata"].match(line)):
            key = rules["labels"][match[2]]
            # [责任编辑: 刘芳 ]: the closing bracket belongs to the line, not the value
            value = match[3].rstrip("]】）) ") if match[1] else match[3]
            if value:
                metadata.setdefault(key, value)
            else:
                waiting_for = key
            continue
        # (a field line under another may open with a label no rule knows: looked at all the same)
        if (touched & _RULE or after_field) and len(blocks) - formed <= _FIELDS_REACH and (
                fields := _disclosure_fields(line, rules["field"], after_field)):
            for label, value in fields:
                disclosed.setdefault(label, value)
            if len(fields) == 1 and not fields[0][1] and line.rstrip().endswith(("：", ":")):
                field_waiting = fields[0][0]  # a label alone (a row's last label left empty has no value below)
            field_lines.add(line)
            under_field = True
            continue
        blocks.append(line)
        full.append(wide)
        formed += under_label or label_before

    if len(blocks) == kept:
        _drop_emptied_item(blocks, full)
    titled = next((value for label, value in disclosed.items() if value and rules["field_kinds"][label] == "title"), None)
    if title and (title in field_lines or rules["lines"].search(title) or is_junk_line(title)
                  or titled and form_titled and _unit_named(title)) or (
            not title and field_lines):
        # the reader took a line of site chrome (a breadcrumb), an advert (a <title>
        # rewritten by spam) or a field of the disclosure table for the title: the title
        # is the table's title field, else the first line of what is left, read the same way
        # (so too where the reader found none: a disclosure table and a page's widgets above
        # the headline filled the lines it looks at; and where it took a unit's name, the
        # value of a form's field such as 责任单位, beside the form's own title field)
        title = titled or plain_title([b for b in blocks if isinstance(b, str)])
    if not title:
        # no headline above the body: a line labelled 标题 elsewhere names it (a repost's
        # footer: 来源：… / 标题：X / 地址：…, a forum's print page)
        title = next((m[1] for b in blocks if isinstance(b, str) and b.startswith("标题") and (m := _TITLE_LABEL.match(b))), None)
    title = title and untagged(title)
    if any(full):
        blocks = _reflowed(blocks, full)
        if title and title not in blocks and any(isinstance(b, str) and b.startswith(title) for b in blocks):
            # the line taken for the title was a print line a paragraph went on from (a lead
            # sentence wrapped at the page's width, or a long title): looked for again in
            # the paragraphs put back together
            title = plain_title([b for b in blocks if isinstance(b, str)])
    unchunked = _unchunked(blocks)
    if not title and unchunked != blocks:
        # the chunks' numbers (1、新津县…方案依据…) hid the title the text opens with
        title = plain_title([b for b in unchunked if isinstance(b, str)])
    blocks = _unflattened(unchunked)
    if any("【" in line for line in lines):  # (most documents hold no tag: one scan a line, in C)
        blocks = _split_at_tags(blocks, rules["section_tag"])
    blocks = _without_repeated_title(_rejoined(blocks), title)
    if published is None:
        published = (_disclosed_date(disclosed, rules["published_fields"]) or dateline_date or _head_date(blocks)
                     or _disclosed_date(disclosed, rules["written_fields"])
                     or signature_date([b for b in blocks if isinstance(b, str)])
                     or _notice_opens(blocks, rules["notice_period"]))
    return dataclasses.replace(doc, title=title, published=published, blocks=blocks, metadata=metadata)


def _rewritten(raw: list[str], cleaned: list[str]) -> bool:
    """Did cleaning change the Han characters of a text's first lines, where its title is
    looked for (Traditional characters made Simplified, reading aids dropped)?"""
    return any(a != b and "".join(_HAN_RUN.findall(a)) != "".join(_HAN_RUN.findall(b))
               for a, b in zip(raw[:_TITLE_LINES], cleaned[:_TITLE_LINES]))


_HAN_RUN = re.compile(f"[{HAN}]+")
_TITLE_LINES = 40  # lines: more than the title's search reads


def _notice_opens(blocks: list[Block], period: re.Pattern[str]) -> date | None:
    """The day a public notice's period opens (公示时间：2020年12月6日至…), its date."""
    for block in blocks:
        if isinstance(block, str) and (m := period.match(block)):
            return find_date(block[m.end() : m.end() + 20])
    return None


_TITLE_LABEL = re.compile(r"标题\s*[：:]\s*([^。；：:]{4,80}?)\s*$")

# A line that breaks inside a parenthesis goes on on the next (a PDF's or a page's
# wrapping: （牵头单位：县市场监 / 管局；配合单位：…）), up to this many lines.
_WRAPPED_LINES = 3
_OPENING = re.compile("[（(]")  # a mark that opens a parenthesis
_LINE_TAIL = re.compile(rf"[{HAN}]{{1,20}}$")  # the end of a line that may break a name
_HEAD_SIZE = 8
_LINE_HEAD = re.compile(rf"[{HAN}]{{1,{_HEAD_SIZE}}}")
# A line's end where ``_LINE_TAIL`` may start a name: a Han character.
_HAN_END = re.compile(rf"[{HAN}]\n?\Z")
# A line break between a Han character and a line opening with a trigger word (要, 必须, 务必,
# 须; not 要求): where a subject's line may wrap before its directive.
_SUBJECT_BREAK = re.compile(rf"\n(?<=[{HAN}]\n)(?=要(?![求点素件闻害是么员职])|必须|务必|须(?!知))")
# A print converted with its figures in spans of their own breaks the line before a count
# (…，上述 / 6 条河流…; …，新建 / 12 座公厕): after a clause left open by a comma, a line opening
# with a number and what it counts goes on with that clause.
_COUNT_BREAK = re.compile(rf"\n(?<=[{HAN}]\n)(?=\d+ ?(?:条|个|家|座|处|台|套|辆|项|批|户|所|吨|万|亿|公里|千米|平方|立方|%|％))")
# A copy that broke one line of a paragraph mid-clause (…对屡查屡犯的 / 企业，责令停产整治…):
# the next line opens by finishing the clause, a few Han characters before a comma.
_CLAUSE_TAIL = 8
_CLAUSE_BREAK = re.compile(rf"\n(?<=[{HAN}]\n)(?=[{HAN}]{{1,{_CLAUSE_TAIL}}}[，、；,;])")
_CLAUSE_LINE = 60  # characters: a line this long holding sentences is a paragraph's, no heading
_CLAUSE_MARKS = re.compile("[，。；,;]")
# ... and puts an item's marker, or a figure, on a line of its own (1. / 持续深化…; 2022 /
# 年省级…): the line after it goes on with it (a figure only with the unit it counts in).
# (Searched in the lines joined after a line break put first: the pattern opens with that
# literal, found at C speed, not tried at every position.)
_BARE_MARK_BREAK = re.compile(
    r"\n(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]"
    r"|\d{1,4}(?=\n[年月日个天%％]))\n(?=\S)")


def _split_at_tags(blocks: list[Block], tag: re.Pattern[str]) -> list[Block]:
    """Each line cut before the section tags inside it (…落实到位。【上级通知】编者按：…): the
    tagged text is a part of its own. A bracketed field name (【责任单位】X) stays."""
    from minutes.nlp.components.clauses import rules as clause_rules

    out: list[Block] = []
    for block in blocks:
        if not isinstance(block, str) or "【" not in block[1:]:  # (most lines hold none: one scan each)
            out.append(block)
            continue
        start = 0
        for m in tag.finditer(block, 1):
            name = block[m.end() + 1 : block.index("】", m.end())]
            if not clause_rules().section_label.match(name + "："):
                out.append(block[start : m.start()])
                start = m.end()
        out.append(block[start:])
    return out


def _unchunked(blocks: list[Block]) -> list[Block]:
    """A text a document-sharing site shows cut into chunks of one length, each a line
    numbered in order (1、…村主要负 / 2、责人是第一责任人…: the cut falls mid-word): the
    chunks joined back, without their numbers. A run of such lines is one only when every
    chunk but the last holds the same number of characters, as no list of items does."""
    if not any(isinstance(block, str) and block.startswith("1、") and len(block) >= _CHUNK_MIN for block in blocks):
        return blocks  # (one scan a line, in C: most texts hold no such chunk)
    out: list[Block] = []
    run: list[str] = []  # the chunks of the run being read, their numbers taken off
    for block in blocks:
        number = f"{len(run) + 1}、"
        if isinstance(block, str) and block.startswith(number) and (run or len(block) - len(number) >= _CHUNK_MIN):
            run.append(block[len(number):])
            continue
        if run:
            out += _chunks_joined(run)
            run = []
        out.append(block)
    return out + _chunks_joined(run) if run else out


def _chunks_joined(run: list[str]) -> list[str]:
    """The text of a run of chunks (``_unchunked``), or its lines as they were (numbers put
    back) where they are a list of items: the chunks before the last differ in length (by
    more than what cleaning them changed: a blank dropped, a mark's width), or each ends a
    sentence, as no cut at a fixed length does."""
    cut = run[:-1]
    if (cut and max(map(len, cut)) - min(map(len, cut)) <= _CHUNK_SLACK and len(run[-1]) <= max(map(len, cut)) + _CHUNK_SLACK
            and any(chunk[-1] not in _ITEM_END for chunk in cut)):
        return ["".join(run)]
    return [f"{n}、{chunk}" for n, chunk in enumerate(run, 1)]


_CHUNK_MIN = 100  # characters: a document-sharing site's chunks are longer (300)
_CHUNK_SLACK = 6  # characters cleaning may have taken from a chunk or added to it
_ITEM_END = "。！？；!?;"  # what an item of a list ends with (a chunk's cut falls anywhere)


def _unflattened(blocks: list[Block]) -> list[Block]:
    """A long line holding numbered items run together (…专项整治工作（一）工地整治：…。（二）
    小街巷整治：…), a page that lost its line breaks: cut before each item of a run of two or
    more of one kind numbered in sequence, each at least ``_ITEM_MIN`` characters long. A run
    opened right after a colon is an enumeration of the sentence it ends (要做好以下工作：（1）…
    （2）…), not cut; a marker without a bracket (一、, 1.) opens an item only after a mark or
    a blank (统一、规范 holds none)."""
    if not any(isinstance(block, str) and len(block) >= _FLATTENED_LINE for block in blocks):
        return blocks
    from minutes.nlp.components.clauses import marker_number

    out: list[Block] = []
    for block in blocks:
        if not isinstance(block, str) or len(block) < _FLATTENED_LINE:
            out.append(block)
            continue
        cuts: set[int] = set()
        runs: list[set[int]] = []  # the markers of each run a colon opened
        for pattern in _item_markers():
            found = [(m.start(), marker_number(m.group())) for m in pattern.finditer(block)
                     if m.group()[:1] in "（(" or m.start() == 0 or not _HAN_BEFORE.match(block, m.start() - 1)]
            enumerated: set[int] = set()
            for (a, first), (b, then) in zip(found, found[1:]):
                if not (first and then == first + 1 and b - a >= _ITEM_MIN):
                    continue
                if a in enumerated or a not in cuts and a and block[a - 1] in "：:":
                    enumerated.update((a, b))
                    if len(enumerated) == 2:
                        runs.append(enumerated)
                else:
                    cuts.update((a, b))
        for run in runs:
            # a run opened after a colon whose items hold a run of items of their own is the
            # plan's sections (…制订方案如下：一、工作目标（一）…（二）…二、工作内容…), not an
            # enumeration inside the sentence
            if any(min(run) < cut < max(run) and cut not in run for cut in cuts):
                cuts |= run
        cuts.discard(0)
        if not cuts:
            out.append(block)
            continue
        edges = sorted(cuts)
        out += [piece for i, j in zip([0, *edges], [*edges, len(block)]) if (piece := block[i:j].strip())]
    return out


@functools.cache
def _item_markers() -> list[re.Pattern[str]]:
    # (the markers of items, one pattern a level, as the clause reader has them but for the
    # blanks it allows around them: a search then skips to the characters they open with)
    return [re.compile(pattern) for pattern in datafiles.load("clauses.yaml")["item_markers"]]


_FLATTENED_LINE = 150  # characters: a line this long may hold a page's items run together
_RUN_TOGETHER = 200  # characters, and sentences: a line this long holding this many holds a body
_RUN_TOGETHER_SENTENCES = 3
_SENTENCE_STOP = re.compile("[。；;！？!?]")
_ITEM_MIN = 8  # characters from one item's marker to the next's, at least (第（一）（二）项 are no items)
_HAN_BEFORE = re.compile(rf"[{HAN}]")


def _reflowed(blocks: list[Block], full: list[bool]) -> list[Block]:
    """The paragraphs of a text converted from print put back together: a line that was as
    wide as the print's (``full``, ``_at_print_width``) and ends no sentence goes on on the
    next, unless the next opens an item."""
    from minutes.nlp.components.clauses import rules as clause_rules

    marker = clause_rules().any_marker
    out: list[Block] = []
    goes_on = False  # the last line read may go on on the next
    for block, wide in zip(blocks, full):
        if goes_on and isinstance(block, str) and not marker.match(block):
            out[-1] += block
        else:
            out.append(block)
        goes_on = wide and isinstance(block, str) and not block.endswith(_SENTENCE_ENDS)
    return out


def _at_print_width(lines: list[str]) -> Iterator[bool]:
    """For each line as read, whether it is as wide as the print of a text converted from
    print wrapped its lines (give or take ``_WRAP_SLACK`` columns, a Han character two, a
    Latin letter or digit one); all False for a text not so wrapped: one that has not
    ``_WRAPPED_MIN`` long lines ending mid-sentence within that slack of each other, or
    whose long lines within that slack of the widest of them are fewer, or not a third of
    its long lines, or have many wider, or end sentences for the most part."""
    if _widest_window([_columns(line.rstrip()) for line in _long_lines_open(lines)])[0] < _WRAPPED_MIN:
        return iter([False] * len(lines))  # (most texts: found from the few lines that end mid-sentence)
    columns = [_columns(line.rstrip()) for line in lines]
    widths = [c for c, line in zip(columns, lines) if len(line) >= _LONG_LINE]
    best, width = _widest_window(widths)
    if (best < _WRAPPED_MIN or best * 3 < len(widths) or width < _NARROWEST_PRINT
            or sum(w > width + _WRAP_SLACK for w in widths) * 10 > len(widths)):
        return iter([False] * len(lines))  # (paragraphs longer than the lines: no wrapping at that width)
    # (a line whose words stand in columns, parted by runs of blanks, is a table's row; a
    # paragraph's first line may fall short by its indent, gone with the blanks before it)
    full: list[bool] = []
    for c, line in zip(columns, lines):
        opening = not full or not full[-1] or lines[len(full) - 1].rstrip().endswith(_SENTENCE_ENDS)
        full.append(c >= width - _WRAP_SLACK - _INDENT * opening and not _COLUMN_GAP.search(line.strip()))
    if sum(line.rstrip().endswith(_SENTENCE_ENDS) for line, wide in zip(lines, full) if wide) * 2 > sum(full):
        return iter([False] * len(lines))  # lines of a like width that end sentences: a list or a table
    return iter(full)


def _widest_window(widths: list[int]) -> tuple[int, int]:
    """How many of ``widths`` lie within ``_WRAP_SLACK`` below the widest width that the most
    of them reach, and that width (0, 0 for none): a window slid over them sorted."""
    widths = sorted(widths)
    best, width, low = 0, 0, 0
    for high, w in enumerate(widths):
        while widths[low] < w - _WRAP_SLACK:
            low += 1
        if high - low + 1 >= best:
            best, width = high - low + 1, w
    return best, width


def _long_lines_open(lines: list[str]) -> list[str]:
    """The long lines that end mid-sentence, as a wrapped text's do."""
    ends = _SENTENCE_END_MARKS
    return [line for line in lines if len(line) >= _LONG_LINE and line.rstrip()[-1:] not in ends]


def _columns(line: str) -> int:
    # (Latin letters, digits and ASCII marks one column, any other character two; counted in C)
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


_LONG_LINE = 15  # characters: shorter lines are no print line's full width
_WRAPPED_MIN = 4  # lines at the print's width, at least, in a wrapped text
_NARROWEST_PRINT = 48  # columns: a page narrower holds cells or a list, not wrapped text (an official page's line: 56)
_WRAP_SLACK = 4  # columns a wrapped line may fall short of the width (a wide character that did not fit, a mark)
_INDENT = 4  # columns a paragraph's first line is indented by (two characters)
_COLUMN_GAP = re.compile(r"\t| {2}|\u3000 |\u3000{2}")
_SENTENCE_ENDS = ("。", "！", "？", "；", "：", "!", "?", ";", ":")
_SENTENCE_END_MARKS = frozenset(_SENTENCE_ENDS)


def _rejoined(blocks: list[Block]) -> list[Block]:
    """Lines put back together where the text was wrapped inside a parenthesis that the
    next lines close, or inside a name: 县城市管理 / 局要督促… is 县城市管理局要督促…, but
    加强城市管理 / 局部地区… stays two lines (a name must end where the next line's head
    ends it).

    Only the lines ``_joinable`` finds are looked at (most lines cannot continue); after
    a line put together here, the next one is."""
    out: list[Block] = []
    joinable = _joinable(blocks)
    i, merged = 0, False  # merged: the last line out was put together here
    while i < len(blocks):
        if not merged:  # the lines up to the next that may continue the one before, as they are
            while joinable and joinable[-1] < i:
                joinable.pop()
            if not joinable:
                out += blocks[i:]
                break
            out += blocks[i : joinable[-1]]
            i = joinable.pop()
        block = blocks[i]
        last = out[-1] if out else None
        merged = False
        if isinstance(block, str) and isinstance(last, str) and _bare_mark(last, block):
            out[-1] = last + block
            i += 1
            merged = True
            continue
        if isinstance(block, str) and isinstance(last, str) and _may_continue(last):
            if (closed := _closed_within(last, blocks[i : i + _WRAPPED_LINES])) is not None:
                out[-1] = last + "".join(blocks[i : i + closed])
                i += closed
                merged = True
                continue
            if (_subject_across(last, block) or _name_across(last, block) or _count_across(last, block)
                    or _clause_across(last, block)):
                out[-1] = last + block
                i += 1
                merged = True
                continue
        out.append(block)
        i += 1
    return out


def _joinable(blocks: list[Block]) -> list[int]:
    """The indexes, last first, of the lines that the line before (as read) may continue
    into: the line before leaves a parenthesis open (``_closed_within``), or it ends and
    this one starts with a Han character and an organ's name may end in this one's head
    (``_name_across``), found over the lines joined at C speed. Every line after the first
    when a line holds a line break."""
    lines = [block if isinstance(block, str) else "" for block in blocks]
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:
        return list(range(len(blocks) - 1, 0, -1))
    breaks = [m.start() for m in _name_break().finditer(text)]
    breaks += [m.start() for m in _SUBJECT_BREAK.finditer(text)]
    breaks += [m.start() for m in _COUNT_BREAK.finditer(text)]
    # (a paragraph's line only: a short line before the break is none, passed over here)
    breaks += [m.start() for m in _CLAUSE_BREAK.finditer(text) if m.start() - text.rfind("\n", 0, m.start()) > _CLAUSE_LINE]
    breaks += [m.end() - 2 for m in _BARE_MARK_BREAK.finditer("\n" + text)]
    found = {i + 1 for i in _line_indexes(text, sorted(breaks))}
    found.update(i + 1 for i in _line_indexes(text, [m.start() for m in _OPENING.finditer(text)])
                 if i + 1 < len(lines) and _depth(lines[i]) > 0)
    return sorted(found, reverse=True)


def _line_indexes(text: str, places: list[int]) -> set[int]:
    """The indexes of the lines of ``text`` that the (ascending) ``places`` fall in: the line
    breaks between one place and the next counted at C speed (a document has a few such
    places, not one per line)."""
    found, line, last = set(), 0, 0
    for at in places:
        line += text.count("\n", last, at)
        found.add(line)
        last = at
    return found


@functools.cache
def _name_break() -> re.Pattern[str]:
    """A line break between two Han characters where the next line's head (``_LINE_HEAD``)
    holds the last character of a word every organ's name holds (``units.rules().org_end``):
    where a name may run on from one line into the next."""
    from minutes.nlp.components import units
    from minutes.patterns import needed_words

    words = needed_words(units.rules().org_end)
    ends = f"[{re.escape(''.join(sorted({word[-1] for word in words})))}]" if words else ""
    return re.compile(rf"\n(?<=[{HAN}]\n)(?=[{HAN}]{{0,{_HEAD_SIZE - 1}}}{ends})" if ends else rf"\n(?<=[{HAN}]\n)(?=[{HAN}])")


def _may_continue(line: str) -> bool:
    """Can the next line continue this one (checked at C speed; most lines cannot, and
    are passed over without the checks below): it holds an opening parenthesis, or ends
    in a Han character?"""
    return "（" in line or "(" in line or _HAN_END.search(line, max(0, len(line) - 2)) is not None


def _bare_mark(line: str, following: str) -> bool:
    """Is ``line`` an item's marker or a figure alone that ``following`` goes on with
    (``_BARE_MARK_BREAK``)?"""
    return (m := _BARE_MARK_BREAK.match(f"\n{line}\n{following[:1]}")) is not None and m.end() == len(line) + 2


def _closed_within(line: str, following: list[Block]) -> int | None:
    """How many of the ``following`` lines close the parenthesis ``line`` leaves open."""
    depth = _depth(line)
    if depth <= 0:
        return None
    for n, block in enumerate(following, 1):
        if not isinstance(block, str):
            return None
        depth += _depth(block)
        if depth <= 0:
            return n
    return None


def _depth(text: str) -> int:
    # (str.count per mark, not a generator over the characters: every line is measured)
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def _name_across(line: str, following: str) -> bool:
    """Does a unit's name run from the end of ``line`` into ``following``: the line ends in
    the middle of one (县城市管理) that the next line's first characters, no name of their
    own, complete up to an organ suffix (局), after which a name may end (要, a punctuation
    mark)? A line that opens with a whole name (县财政局要…) begins a new sentence."""
    # (searched from the last 21 characters on, where every match of the tail starts:
    # from the start, a line of Han characters is tried at each of its positions)
    head = _LINE_HEAD.match(following)
    if not (head and _HAN_END.search(line, max(0, len(line) - 2))):
        return False
    tail = _LINE_TAIL.search(line, max(0, len(line) - 21))
    from minutes.nlp.components import units

    if units.is_unit(tail.group(), in_list=False):
        return False
    r = units.rules()
    for m in r.org_end.finditer(head.group()):
        rest = following[m.end():]
        if units.is_unit(head.group()[: m.end()], in_list=False):
            return False
        if (not rest or not rest[0].isalnum() or r.name_break.match(rest)) and any(
                units.is_unit(tail.group()[k:] + head.group()[: m.end()], in_list=False) for k in range(len(tail.group()) - 1)):
            return True
    return False


def _subject_across(line: str, following: str) -> bool:
    """Does ``line`` end with the units a directive opening ``following`` addresses (…，区交通局、
    区公安分局 / 要加强路检路查): a line wrapped between a subject and its trigger word?"""
    from minutes.nlp.components import roles, units

    cut = max(map(line.rfind, "，,。；;：:")) + 1
    if len(line) - cut > _SUBJECT_SIZE or not roles.rules().strong_trigger.match(following):
        return False
    return bool(units.units_in(line[cut:]))


_SUBJECT_SIZE = 40  # characters: no list of units a directive addresses is longer


def _count_across(line: str, following: str) -> bool:
    """Does ``following`` open with the count that goes on a clause ``line`` left open after
    its comma (…，上述 / 6 条河流…: ``_COUNT_BREAK``)?"""
    cut = max(map(line.rfind, "，,")) + 1
    return cut > 0 and not any(mark in line[cut:] for mark in "。；;：:") and bool(
        _COUNT_BREAK.match(line[-1:] + "\n" + following[:8], 1))


def _clause_across(line: str, following: str) -> bool:
    """Does ``following`` finish the clause a paragraph's ``line`` broke off (``_CLAUSE_BREAK``):
    the line is long and holds sentences, and the next opens with no item's marker or
    connective of its own (一、 / 二是 / 同时，)?"""
    from minutes.nlp.components import roles

    return (len(line) >= _CLAUSE_LINE and len(_CLAUSE_MARKS.findall(line)) >= 2
            and _CLAUSE_BREAK.match(line[-1:] + "\n" + following[: _CLAUSE_TAIL + 1], 1) is not None
            and not roles.rules().enumeration.match(following))


def _screened(
    lines: list[str],
    screen: tuple[list[tuple[re.Pattern[str], int, tuple[str, ...] | None]], list[tuple[re.Pattern[str], tuple[str, ...] | None]]],
) -> Iterator[int]:
    """For each line, what may apply to it (``_RULE | _DATE``, 0 for nothing): a kind
    for every line that a match of its screen patterns over the lines joined starts in,
    ends in or spans. Each rule that matches a line alone matches at the same place in
    the joined text (``^`` and ``$`` are line anchors there), so a line screened out
    matches none; the joined text can only give more matches, which the rules then check
    line by line. (Not so for a rule whose negative lookaround, ``\\A`` or ``\\Z`` would
    see the line break: ``boilerplate.yaml`` has none.) The patterns anchored at a line's
    start (``_at_line_start``) are searched after a line break put first, their matches
    shifted back by one."""
    text = "\n".join(lines)
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    touched = [0] * len(lines)
    anywhere, at_line_start = screen
    found = [(match, kind, 0) for pattern, kind, words in anywhere if words is None or any(w in text for w in words)
             for match in pattern.finditer(text)]
    lined = "\n" + text
    found += [(match, _RULE, 1) for pattern, words in at_line_start if words is None or any(w in text for w in words)
              for match in pattern.finditer(lined)]
    for match, kind, shift in found:
        first = bisect.bisect_right(starts, match.start()) - 1
        last = bisect.bisect_right(starts, match.end() - shift) - 1
        for index in range(first, last + 1):
            touched[index] |= kind
    return iter(touched)


def _disclosure_fields(line: str, field: re.Pattern[str], after_field: bool) -> list[tuple[str, str]] | None:
    """The (label, value) pairs of a disclosure table's line (``boilerplate.yaml``,
    ``disclosure_fields``), or None when the line does not open with a field: each value
    runs to the next label, without the bars and colons around it (文号 | 成文日期:2018-11-14 |
    → 文号 "", 成文日期 "2018-11-14"). A line whose labels all have two characters (标题,
    序号 名称 of a table's header) is one only right under another field line
    (``after_field``)."""
    start = _FIELD_LEAD_RE.match(line).end()
    found = list(field.finditer(line, start))
    if found and found[0].start() != start and after_field and _OTHER_FIELD.fullmatch(line, start, found[0].start()):
        start = found[0].start()  # 责任部门：县政府办 发文日期：…: a label the table has and no rule names, first
    if not found or found[0].start() != start or not (after_field or any(len(m["label"]) > 2 for m in found)):
        return None
    ends = [m.start() for m in found[1:]] + [len(line)]
    return [(m["label"], line[m.end() : end].strip(_FIELD_MARKS + "：:")) for m, end in zip(found, ends)]


def _disclosed_date(disclosed: dict[str, str], labels: list[str]) -> date | None:
    """A date of a disclosure table: that of the first of ``labels`` (in their order of
    preference) whose field holds one."""
    return next((day for label in labels if label in disclosed and (day := find_date(disclosed[label]))), None)


# A publication date labelled inside the first line of a page flattened onto one line
# (X召开… 字体：大 小 作者： 来源： 发布时间：2025-01-24 17:09 点击数： 1月23日，…), within its head.
_HEAD_DATE = re.compile(r"(?:发布时间|发布日期|更新时间)[：:]\s*(?=\d)")
_HEAD_LENGTH = 200


def _head_date(blocks: list[Block]) -> date | None:
    first = next((b for b in blocks if isinstance(b, str)), "")
    m = _HEAD_DATE.search(first, 0, _HEAD_LENGTH)
    return find_date(first[m.end() : m.end() + 20]) if m else None


_SOURCE_BEFORE_DATE = 6  # characters at most of an unlabelled publisher before a date (青川日报网)


# A publisher's name opens with its place, a short name and its level (青川县, 西坪镇):
# a task's words run into a unit's name do not (清理道路积尘区城管局).
_PUBLISHER_PLACE = re.compile(rf"[{HAN}]{{1,4}}?[省市县区镇乡旗州盟]")


def _organ_named(text: str) -> bool:
    """Is ``text`` the whole name of an organ opening with its place (青川县人民政府办公室),
    by the recognizer of names?"""
    return bool(_PUBLISHER_PLACE.match(text)) and _unit_named(text)


def _drop_emptied_item(blocks: list[Block], full: list[bool]) -> None:
    """Drop a list's bare item number (2.) whose line after it was dropped (markup, a
    disclosure table's row: the item's content), so that it numbers no line that follows.
    Called where the line read last left no block."""
    if blocks and isinstance(blocks[-1], str) and _BARE_ITEM.fullmatch(blocks[-1]):
        blocks.pop()
        full.pop()


_BARE_ITEM = re.compile(r"\d{1,3}[.．、]")


def _unit_named(text: str) -> bool:
    """Is ``text`` a unit's name and nothing else (市政园林工程处), by the recognizer of names?"""
    from minutes.nlp.components import units

    return units.is_unit(text, in_list=False)


def _minutes_head(line: str, lines: list[str]) -> bool:
    """Is ``line`` the date of a minutes' head (时间：2021年8月13日 right above 地点：… or
    主持人：…)? That is the meeting's date, kept in the body for the meeting to read."""
    head = _rules()["minutes_head"]
    if not head[0].match(line):
        return False
    following = (other for other in lines[lines.index(line) + 1 :] if other.strip())
    return bool(head[1].match(next(following, "")))


_LISTED_DATES = 3  # datelines of different days in a row: a list of pages, not the page's own


def _dateline(line: str, fragments: list[re.Pattern[str]]) -> tuple[date | None, str | None, bool] | None:
    """(date, source, labelled) when the line is only a date with labels, source, view count ..."""
    if len(line) > 120 or not (match := _DATE_TIME.search(line)):
        return None
    if wechat := _rules()["wechat_header"].fullmatch(line):
        return find_date(wechat["date"]), None, True
    if match.start() == 0 and _rules()["column_after_date"].fullmatch(line, match.end()):
        return find_date(match[0]), None, False  # 2021-4-13 | 实施方案: the column it is listed in
    rest = line[: match.start()] + " " + line[match.end() :]
    if rest.isspace():  # a date alone: no fragment matches blanks (tests/test_normalize.py)
        return find_date(match[0]), None, False
    source = None
    labelled = False
    for fragment in fragments:
        if found := fragment.search(rest):
            labelled = True
            if "source" in fragment.groupindex:
                source = found["source"]
            rest = fragment.sub(" ", rest)
    # separators, bullets (- 时间：…), the brackets of a field or of a date, a stray straight
    # quote a scraped page left between two fields (浏览：12次'时间：…), the site's address
    rest = re.sub(r"(?:https?://|www\.)[\w./-]+|[\s|｜/·•【】\[\]（）()'\"-]+", "", rest)
    # (unlabelled before the date, a publisher's name is short, or an organ's whole name:
    # 青川县人民政府办公室 2018-10-31 10:20 is the page's, 开展巡查区住建局 2018年10月31日 a
    # table's row)
    if rest and _rules()["source_beside_date"].fullmatch(rest) and (
            labelled or match.start() == 0 or len(rest) <= _SOURCE_BEFORE_DATE or _organ_named(rest)):
        # 2021年03月16日 10:20 青川日报 / 青川网 2021-03-16 / 青川省水利厅 时间：2021-03-16:
        # the paper, site or organ beside the date (unlabelled: kept as a dateline only
        # right under the title, as bare dates are); a labelled source outranks the site
        # the line opens with (某某政府门户网站 2021-03-08 来源：某某局)
        return find_date(match[0]), source or rest, labelled
    if rest:
        return None
    return find_date(match[0]), source, labelled



def _without_repeated_title(blocks: list[Block], title: str | None) -> list[Block]:
    """Scraped pages repeat the headline under the dateline: keep its first occurrence only,
    as the title reads (without the tags a repost puts before it); a repeat further down
    goes too."""
    if not title:
        return blocks
    seen = False
    result: list[Block] = []
    for block in blocks[:4]:
        if isinstance(block, str) and untagged(block) == title:
            if seen:
                continue
            seen = True
            block = title
        result.append(block)
    # further down, a line that is the title again is a page's box under the body (a
    # document site's download bar, a list of related articles), not the text's
    return result + [block for block in blocks[4:] if not (seen and isinstance(block, str) and block.strip() == title)]
