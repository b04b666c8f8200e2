"""Normalizing a string as read into the clean Simplified Chinese the extractor and the
search expect.

``normalize_text(s)``: pinyin reading aids out (``生態(tài)`` → ``生態``), Traditional →
Simplified (OpenCC), ASCII punctuation among Chinese → full width (a dot ending a
Chinese sentence → 。, a comma a repost doubles dropped), full-width digits and letters →
ASCII, whitespace collapsed (a text spaced out character by character read whole). ``normalize_texts`` does the same for many strings
in one pass. Documents are normalized by ``minutes.nlp.normalize``, which applies this to
every line; a search query is normalized by this alone (without loading the document
rules). The rules are data: ``nlp/data/normalize_pinyin.txt``,
``nlp/data/normalize_lost_characters.yaml``.
"""

from __future__ import annotations

import functools
import re
import subprocess
from collections.abc import Callable
from typing import Any

from minutes import datafiles
from minutes.patterns import LazyPattern, opening

# The Han characters (unified ideographs, extension A, compatibility ideographs), as
# the body of a character class. (The module's patterns compile on first use: ``LazyPattern``.)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = f"{HAN}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u201c\u201d\u2018\u2019\u2014\u2026"
_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")
_PINYIN_LETTER = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]"
_PINYIN = _PINYIN_LETTER + "{1,6}"
# 會(huì): an aid right after a Han character. (The pattern starts with the parenthesis,
# the Han character looked behind it: a search then jumps from one parenthesis to the next.)
_AID = LazyPattern(rf"[(（](?<=[{HAN}][(（])({_PINYIN})[)）]")
# What an aid opens with, one pattern per parenthesis: each opens with a literal
# character, which the regex engine skips to at C speed.
_AID_OPENING = [LazyPattern(f"{re.escape(paren)}(?={_PINYIN_LETTER})") for paren in "(（"]
# ?(fā) / ?qǐng)?bào) : a character lost to "?" followed by its aid (mangled or not).
_LOST_CHARACTER = LazyPattern(rf"[?？](?:[(（]?{_PINYIN}[)）][?？]?)+")
_SYLLABLES = LazyPattern(_PINYIN)
_FULL_WIDTH = str.maketrans(
    {**{0xFF10 + i: 0x30 + i for i in range(10)}, **{0xFF21 + i: 0x41 + i for i in range(26)},
     **{0xFF41 + i: 0x61 + i for i in range(26)}}
)
# (str.translate with a table walks every character in Python's slow path: a text
# without full-width digits or letters, most of them, skips it.)
_ANY_FULL_WIDTH = LazyPattern("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_PUNCTUATION = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# (Patterns start with the character they replace, not a lookbehind: the search then
# jumps from one such character to the next instead of trying every position.)
_ASCII_PUNCTUATION = LazyPattern(rf"[,;:?!](?:(?<=[{_CJK}].)|(?=[{_CJK}]))")
# A dot after a Han character, before another, at the line's end or before the parenthesis
# closing an item (…就近纳入处理. （县住建局负责）), is a full stop typed or converted as ASCII
# or full-width (落实属地责任.县住建局要…): 。, so that clauses split there. Not after a Han
# numeral, where it numbers an item (一.总体要求, 三．保障措施).
_FULL_STOP = LazyPattern(rf"[.．](?<=[{HAN}].)(?<![一二三四五六七八九十].)(?:[ \t]*(?=[（(])|(?=[{HAN}]|\n|$))")
# (a page's folio between dashes, -8- / — 8 —: boilerplate.yaml's page_counter reads it)
_FOLIO = LazyPattern(r"[-—]\s?\d{1,3}\s?[-—]")
# Decorative shapes a spam site strews through a text (第75次常务会议◆○，会议指出○•，要…▷、): no
# content, dropped where they follow other characters on their line (a bullet opening a
# line, or between blanks in a menu, is left to the rules that read it); ○ between numerals
# is a zero (二○一九年), kept.
_DECORATION_SHAPES = "▲△▼▽◆◇■□●◎◁▷◀▶★☆•"
_DECORATION_MARKS = _DECORATION_SHAPES + "○"
_DECORATION = LazyPattern(rf"(?<=[^\s{_DECORATION_MARKS}])(?:[{_DECORATION_SHAPES}]|(?<![〇○零一二三四五六七八九十])○(?![〇○零一二三四五六七八九十]))+")
# A comma doubled before another mark (工作，，要… / 落到实处，。 / 达标，、小流域治理):
# some reposts add one after every mark; the added comma is dropped, the mark kept.
_DOUBLED_COMMA = LazyPattern("，(?=[，。、；])")
_DOUBLED_COMMA_WORDS = ("，，", "，。", "，、", "，；")
_HAN_PARENTHESES = LazyPattern(rf"\(([^()\n]*[{HAN}][^()\n]*)\)")
# One ASCII space between Han characters is spacing (会 议 纪 要, 主 持 人): removed.
_SPACED_HAN = LazyPattern(rf" (?<=[{HAN}] )(?=[{HAN}])")
# A text converted with a space after every character (完 成 时 限 ： 1 0 月 底 前): a run of
# four or more single letters, digits or Han characters parted by single spaces is read
# without them, so that its numbers read whole (1 0 月 底 前 → 10月底前). Numbers of two
# digits or more parted by spaces (10 20 30, a table's figures) and a flattened table's
# stray marks (（ ） 、 。) are no such run. (The screen, opening with the space, is found
# at C speed; a match of the run holds one.)
_SPACED_OUT = LazyPattern(r"(?<!\S)\w(?: \w){3,}(?!\S)")
_SPACED_OUT_SCREEN = LazyPattern(r" \w \w \w(?!\S)")
# One space between a number and its unit of time is a PDF conversion's (2016 年 6 月,
# 2 个月): removed, so that dates and time limits read as written.
_SPACED_NUMBER = LazyPattern(r" (?:(?<=\d )(?=[年月日个天周])|(?<=[年月] )(?=\d))")
# Any other run of blanks is one space (a field separator: 来源：某报    发布时间：…).
# (Matched only where the text changes, a lone space left as it is: in a text with a
# tab, every space between words was a match replaced by itself. The pattern opens with
# the class, which the engine skips to at C speed: the first blank of a run, taken when
# it is no space or another blank follows.)
_BLANK = "[ \t\u3000\xa0\u2002\u2003\u200b]"
_BLANKS = LazyPattern(f"{_BLANK}(?:(?<=[^ ])|(?={_BLANK})){_BLANK}*")
# What _BLANKS changes: a run of two spaces or any other blank of its class.
_CHANGED_BLANKS = ("  ", "\t", "\u3000", "\xa0", "\u2002", "\u2003", "\u200b")


def _without_spacing(s: str) -> str:
    """``s`` without the spaces between Han characters (``_SPACED_HAN``), but on a line that
    lists who chaired or attended (出席：甲 乙 丙, 参加单位：县水利局 县环保局): there they
    part the names, and the meeting reader reads them so; nor on a table's row a page
    flattened with one space between its cells (3 开展…排查 某工业园区管委会 区生态环境分局
    6月底前): there they part its cells, which the reader of tables tells apart; nor after
    an item's heading (``_heading_spaces``)."""
    kept: list[tuple[int, int]] = []
    colon = s.find("：")
    while colon >= 0:
        # (a label opens its line and is short: looked at from each colon, found in C)
        line = s.rfind("\n", 0, colon) + 1
        if colon - line <= _LABEL_SIZE and _listing_label().fullmatch(s, line, colon):
            end = s.find("\n", colon)
            kept.append((line, len(s) if end < 0 else end))
        colon = s.find("：", colon + 1)
    if " " in s and (s[:1].isdigit() or _ROW_START.search(s)):
        kept += [m.span() for m in _SPACED_ROW.finditer(s)]
    kept += _heading_spaces(s)
    if not kept:
        return _SPACED_HAN.sub("", s)
    out, at = [], 0
    for line, end in sorted(kept):
        if line < at:
            continue
        out += [_SPACED_HAN.sub("", s[at:line]), s[line:end]]
        at = end
    return "".join(out) + _SPACED_HAN.sub("", s[at:])


# A table's row flattened with single spaces between its cells: its number, then cells of
# Han characters parted by single spaces, three at least.
# (looked for first: a pattern opening with a literal line break is searched at C speed,
# the row's own, opening with ^ in multiline mode, is tried at every position)
_ROW_START = LazyPattern(r"\n\d{1,3} ")
_SPACED_ROW = LazyPattern(rf"(?m)^\d{{1,3}} [^\n]*?[{HAN}] (?=[{HAN}])[^\n]*?[{HAN}] (?=[{HAN}\d])[^\n]*")


_LABEL_SIZE = 12  # characters: no chair's or attendance label is longer, blanks included


def _heading_spaces(s: str) -> list[tuple[int, int]]:
    """The spaces parting an item's heading from its text on one line (（五）加强信息报送工作
    县河长办要…): kept, or the heading runs into the subject of the text's first sentence.
    Only in a text whose spaces between Han characters are few (one in ``_HEADING_SPACING``
    characters at most): where words are spaced throughout, a PDF spaced them."""
    spaces = [m.start() for m in _SPACED_HAN.finditer(s)]
    if not spaces or len(spaces) * _HEADING_SPACING > len(s):
        return []
    return [(at, at + 1) for at in spaces if _ITEM_HEADING.search(s, max(0, at - _HEADING_REACH), at)]


_HEADING_SPACING = 12
_HEADING_REACH = 32  # characters: an item's marker and heading, at most
# An item's marker and a heading of Han characters alone, opening a line or a sentence.
_ITEM_HEADING = LazyPattern(
    rf"(?m)(?:^|(?<=[。；！？ ]))(?:（[一二三四五六七八九十]{{1,3}}）|[一二三四五六七八九十]{{1,3}}、|\d{{1,2}}[.．、]) ?[{HAN}]{{2,24}}$")


def _with_lost_months(s: str) -> str:
    """``s`` with the 月 a page lost between a month and a day put back (412日前 → 4月12日前,
    1025日，县政府召开… → 10月25日，…): a number too large for a day, before 日 and a time
    limit's word or a comma, that parts one way only into a month and a day. (115日 could be
    1月15日 or 11月5日: left as it stands.)"""
    out, last = [], 0
    for m in _LOST_MONTH.finditer(s):
        start = m.start()
        while start > 0 and s[start - 1].isascii() and s[start - 1].isdigit():
            start -= 1
        digits = s[start : m.start()]
        if len(digits) > 4 or int(digits) <= 31 or start and s[start - 1] in _DATE_MARKS:
            continue
        ways = [(digits[:k], digits[k:]) for k in range(max(1, len(digits) - 2), len(digits))
                if 1 <= int(digits[:k]) <= 12 and 1 <= int(digits[k:]) <= 31 and digits[0] != "0"]
        if len(ways) == 1:
            month, day = ways[0]
            out += [s[last:start], f"{int(month)}月{int(day)}"]
            last = m.start()
    return "".join(out) + s[last:] if out else s


# A year run into its month where the page lost 年 (20184月底 → 2018年4月底): found from 月
# after five figures (at C speed), then read whole.
_LOST_YEAR = LazyPattern(r"(?<=\d{5})月")
_LOST_YEAR_DATE = LazyPattern(r"(?<!\d)((?:19|20)\d\d)(1[0-2]|0?[1-9])月")
# 日 after two figures, before a time limit's word or a comma: where a lost 月 may be put back
# (a number too large for a day only: 3月20日， of a whole date is passed over in C)
_LOST_MONTH = LazyPattern(r"日(?:(?<=\d\d\d日)|(?<=3[2-9]日)|(?<=[4-9]\d日))(?=前|以前|之前|[，,、])")
_DATE_MARKS = ".．/-月"  # a figure after one of these is a date's own (2022.10.25日, 3月25日)


@functools.cache
def _listing_label() -> re.Pattern[str]:
    labels = datafiles.load("meeting.yaml")["header_labels"]
    return re.compile(rf"[ \t]*(?:{labels['chair']}|{labels['attendee']})[ \t]*")


def normalize_text(s: str) -> str:
    """Clean one string; lines (``\\n``) are kept, each stripped."""
    return _normalized(s, _opencc().convert)


def _normalized(s: str, simplified: Callable[[str], str]) -> str:
    """``normalize_text`` with ``simplified`` for OpenCC's conversion.

    A rule runs only when the text holds what each of its matches needs, looked for at
    C speed (``str.__contains__``, or a pattern opening with one literal character):
    a rule whose pattern opens with a class of characters, searched, tries every
    position of the text in Python's regex engine (~7 µs per 1,000 characters each),
    and most texts give most rules nothing to do."""
    if _ANY_FULL_WIDTH.search(s):
        s = s.translate(_FULL_WIDTH)
    if ")" in s or "）" in s:
        if "?" in s or "？" in s:
            s = _LOST_CHARACTER.sub(_restore_lost_character, s)
        if _AID_OPENING[0].search(s) or _AID_OPENING[1].search(s):
            s = _AID.sub(lambda m: "" if _is_pinyin(m[1]) else m[0], s)
    s = simplified(s)
    if any(char in s for char in _variants()[0]):  # (most texts hold none: one C scan each)
        s = _variants_written_simplified(s)
    if "日" in s and _LOST_MONTH.search(s):
        s = _with_lost_months(s)
    if "月" in s and _LOST_YEAR.search(s):
        s = _LOST_YEAR_DATE.sub(r"\1年\2月", s)
    if "<" in s:
        s = _STRAY_BREAK_TAG.sub("", s)  # 某某工作方案<br>2016年: a page's markup shown as text
    if "共" in s and "页" in s or ("-" in s or "—" in s) and _FOLIO.search(s):
        s = _page_counter().sub("", s)
    if any(mark in s for mark in _PUNCTUATION):
        s = _ASCII_PUNCTUATION.sub(lambda m: _PUNCTUATION[m[0]], s)
    if "." in s or "．" in s:
        s = _FULL_STOP.sub("。", s)
    if any(mark in s for mark in _DECORATION_MARKS):
        s = _DECORATION.sub("", s)
    if any(pair in s for pair in _DOUBLED_COMMA_WORDS):
        s = _DOUBLED_COMMA.sub("", s)
    s = _HAN_PARENTHESES.sub(r"（\1）", s)
    if " " in s:
        if _SPACED_OUT_SCREEN.search(s):
            s = _SPACED_OUT.sub(lambda m: m[0].replace(" ", ""), s)
        s = _without_spacing(s)
        s = _SPACED_NUMBER.sub("", s)
    if any(blank in s for blank in _CHANGED_BLANKS):
        s = _BLANKS.sub(" ", s)
    if "\n" not in s:
        return s.strip()
    # Every character str.strip removes but the space is unprintable (the line break
    # too): a text whose other characters are printable has only spaces to strip. (The
    # private-use character joining a document's strings, unprintable, is no blank.)
    if (" \n" in s or "\n " in s or s[:1] == " " or s[-1:] == " "
            or not s.replace("\n", "").replace(_JOIN[1], "").isprintable()):
        return "\n".join(line.strip() for line in s.split("\n"))
    return s


# A line-break tag a site's title field printed as text (陕西省…<br>2016年工作方案): the
# break was only where the heading wrapped.
_STRAY_BREAK_TAG = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)

# Strings normalized together are joined by a line of their own holding a private-use
# character: no rule reaches across a line break, so each comes out as if alone.
_JOIN = "\n\ue000\n"


def normalize_texts(strings: list[str]) -> list[str]:
    """``normalize_text`` of each string, in one pass over all of them (a document's
    lines: one OpenCC call and one run of each rule instead of one per line)."""
    joined = _JOIN.join(strings)
    if len(strings) < 2 or joined.count("\ue000") >= len(strings):  # a string holds the joining character
        return [normalize_text(s) for s in strings]
    return _normalized(joined, _converted_lines).split(_JOIN)


def _restore_lost_character(match: re.Match[str]) -> str:
    """The character a ``?(pēn)`` stood for, from its (last) aid; nothing when unknown."""
    syllables = _SYLLABLES.findall(match[0])
    if not all(map(_is_pinyin, syllables)):
        return match[0]
    return _lost_characters().get(syllables[-1], "")


@functools.cache
def _page_counter() -> re.Pattern[str]:
    return re.compile(datafiles.load("boilerplate.yaml")["page_counter"])


def _variants_written_simplified(s: str) -> str:
    """``s`` with the characters OpenCC leaves that a Simplified text writes otherwise
    (``normalize_variants.yaml``): 陜西 → 陕西, 汇报瞭 → 汇报了 (瞭望 stays)."""
    _, characters, particle = _variants()
    return particle.sub("了", s.translate(characters))


@functools.cache
def _variants() -> tuple[str, dict[int, str], re.Pattern[str]]:
    """The characters the rules of ``normalize_variants.yaml`` act on (the screen), the
    table of variants and the particle's pattern."""
    data = datafiles.load("normalize_variants.yaml")
    # (the particle's pattern opens with its one character: read from the pattern's parse)
    screen = "".join(data["characters"]) + "".join(opening(data["particle"]) or ())
    return screen, str.maketrans(data["characters"]), re.compile(data["particle"])


@functools.cache
def _lost_characters() -> dict[str, str]:
    return datafiles.load("normalize_lost_characters.yaml")


def _is_pinyin(syllable: str) -> bool:
    return _syllable().fullmatch(syllable.translate(_TONES)) is not None


@functools.cache
def _syllable() -> re.Pattern[str]:
    lines = datafiles.text("normalize_pinyin.txt").splitlines()
    return re.compile(next(line for line in lines if line and not line.startswith("#")))


_CONFIG = "tw2s"


@functools.cache
def _opencc() -> Any:
    import opencc

    # tw2s, not t2s: its phrase tables turn 著力/隨著 into 着力/随着 (t2s leaves 著).
    return opencc.OpenCC(_CONFIG)


def _converted_lines(text: str) -> str:
    """OpenCC's conversion of a text, run on the lines it can change only (a document's:
    in Simplified script, most of them; ~35 µs per 1,000 characters saved).

    No key of OpenCC's dictionaries holds a line break, so no match spans one and each
    line converts as if alone (and the lines to convert are converted together, joined,
    in one call). A line is left out when OpenCC cannot change it (see ``_unchanged``):
    none of its characters is changed by the conversion alone or into a character of a
    later stage's phrase, and no phrase that matters is in it; every stage then passes it
    on character by character, as it was."""
    screen = _unchanged()
    if screen is None:
        return _opencc().convert(text)
    import numpy as np

    try:
        codes = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
    except UnicodeEncodeError:  # a lone surrogate
        return _opencc().convert(text)
    if len(codes) != len(text):  # beyond the Basic Multilingual Plane (two codes): all converted
        return _opencc().convert(text)
    changing, first, second, pairs, phrases = screen
    found = np.flatnonzero(changing[codes]).tolist()
    # two neighbours that open a phrase: each may (a table of each), then the pair is one
    # (among the pairs sorted), then the phrase is there
    at = np.flatnonzero(first[codes[:-1]] & second[codes[1:]])
    if len(at):
        keys = codes[at].astype(np.uint32) << 16 | codes[at + 1]
        place = np.searchsorted(pairs, keys)
        at = at[pairs[np.minimum(place, len(pairs) - 1)] == keys]
        found += [i for i in at.tolist() if any(text.startswith(phrase, i) for phrase in phrases[text[i : i + 2]])]
    if not found:
        return text
    spans: list[tuple[int, int]] = []  # the lines to convert, in order
    for i in sorted(found):
        if not spans or i >= spans[-1][1]:
            spans.append((text.rfind("\n", 0, i) + 1, text.find("\n", i) % (len(text) + 1)))
    converted = _opencc().convert("\n".join(text[start:end] for start, end in spans)).split("\n")
    if len(converted) != len(spans):  # (no value of the dictionaries holds a line break either)
        converted = [_opencc().convert(text[start:end]) for start, end in spans]
    pieces, done = [], 0
    for (start, end), line in zip(spans, converted):
        pieces += [text[done:start], line]
        done = end
    return "".join(pieces) + text[done:]


@functools.cache
def _unchanged() -> tuple[Any, Any, Any, Any, dict[str, list[str]]] | None:
    """What lets ``_converted_lines`` pass a line over, read from OpenCC's own
    dictionaries at first use (dumped as text by its ``opencc_dict``): for each character
    of the Basic Multilingual Plane, whether it may be changed, whether it is the first
    of a phrase that matters, whether it is the second (numpy arrays); the pairs that open
    such a phrase (their two codes in one number, sorted); those phrases by their first
    two characters. None when the dictionaries cannot be read or the
    configuration is not one this reasoning holds for (every line is then converted)."""
    try:
        stages = _dictionary_stages()
    except (OSError, ValueError, KeyError, TypeError, subprocess.SubprocessError):
        return None
    import numpy as np

    # characters the conversion changes alone (each on a line of its own: the lines convert alone)
    keyed = sorted({key[0] for stage in stages for key in stage if len(key) == 1})
    converted = _opencc().convert("\n".join(keyed)).split("\n")
    changing = {c for c, after in zip(keyed, converted) if after != c}
    # The phrases that matter: those a stage changes, or whose characters it changes one
    # by one (管理人才 → 管理人才 keeps 才 from 纔; 管理 alone is no phrase).
    matter = [[key for key, values in stage.items() if len(key) > 1 and (
        any(v != key for v in values) or any(v != c for c in key for v in stage.get(c, ())))] for stage in stages]
    # characters a stage changes into a character of a later stage's phrase: that phrase
    # may then match where the text has none
    for i, stage in enumerate(stages):
        later = {c for following in matter[i + 1 :] for key in following for c in key}
        changing |= {key for key, values in stage.items() if len(key) == 1 and {c for v in values if v != key for c in v} & later}
    phrases: dict[str, list[str]] = {}
    for key in (key for keys in matter for key in keys):
        phrases.setdefault(key[:2], []).append(key)
    # (the arrays cover the Basic Multilingual Plane: a text beyond it is converted whole)
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in changing if ord(c) <= 0xFFFF]] = True
    bmp = [p for p in phrases if ord(p[0]) <= 0xFFFF and ord(p[1]) <= 0xFFFF]
    first, second = np.zeros(0x10000, dtype=bool), np.zeros(0x10000, dtype=bool)
    first[[ord(p[0]) for p in bmp]], second[[ord(p[1]) for p in bmp]] = True, True
    pairs = np.array(sorted(ord(p[0]) << 16 | ord(p[1]) for p in bmp), dtype=np.uint32)
    return table, first, second, pairs, phrases


def _dictionary_stages() -> list[dict[str, list[str]]]:
    """The dictionaries of the OpenCC configuration in the order they apply — its
    normalization, then each stage of its conversion chain — each as {key: values},
    the dictionaries of a group merged (a key found in several keeps every value)."""
    import json
    import os

    import opencc

    home = os.path.join(os.path.dirname(opencc.__file__), "clib")
    share = os.path.join(home, "share", "opencc")
    with open(os.path.join(share, f"{_CONFIG}.json"), encoding="utf-8") as f:
        config = json.load(f)

    def files(entry: dict[str, Any]) -> list[str]:
        if entry["type"] == "group":
            return [name for member in entry["dicts"] for name in files(member)]
        if entry["type"] != "ocd2":
            raise ValueError(f"dictionary type {entry['type']}")
        return [entry["file"]]

    groups = [files(step["dict"]) for step in config.get("normalization", []) + config["conversion_chain"]]
    stages = []
    for names in groups:
        stage: dict[str, list[str]] = {}
        for name in names:
            # (written to its standard output: no file is made, wherever TMPDIR points)
            dump = subprocess.run([os.path.join(home, "bin", "opencc_dict"), "-i", os.path.join(share, name),
                                   "-o", "/dev/stdout", "-f", "ocd2", "-t", "text"],
                                  check=True, capture_output=True, timeout=60).stdout.decode("utf-8")
            for line in filter(None, dump.split("\n")):
                key, _, values = line.partition("\t")
                if not key or not values:
                    raise ValueError("a line of OpenCC's dictionary dump not read")
                stage.setdefault(key, []).extend(values.split(" "))
        if not stage:
            raise ValueError("an empty dictionary dump")
        stages.append(stage)
    return stages
