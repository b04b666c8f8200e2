"""Responsible units: names of organizations, and collectives of a named kind.

Two ways of reading, because a name's left edge is only certain where the text says so:

- ``units_in(region)`` reads a region known to hold nothing but a list of addressees — the
  subject before 要, a 牵头单位 cell, the X of 由X牵头 — so any item ending like an
  organization, a place or a collective counts (广州碳排放权交易所、柯桥区、各区县).
- ``find_units(text, ends)`` scans running text, where a name must also start like an
  administrative body (市…, 各…, 兰州新区…).

Vague references (有关部门, 各地各部门) are never units. All wording is data:
``nlp/data/units.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from minutes import datafiles
from minutes.lines import PARENTHESES
from minutes.patterns import alternation, final_chars, needed_words, screened, text_endings

OPEN, CLOSE = "（(", "）)"
MAX_NAME = 40  # characters: no unit name is longer
SHORT_LISTED = 10  # characters: a name after the first of a list read without a word ending it
HELD_BY = 16  # characters: no post and name of a body's head after its name (局长李明) is longer
PUNCTUATION = "，,、；;。：:！!？?\n\t “”\"'《》"
HAN_NAME = re.compile(r"[\u4e00-\u9fff]+")  # a name of Han characters alone (no count: 市场2处)


@dataclass(frozen=True)
class UnitSpan:
    """A unit named in the document text, by character offsets."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Rules:
    org: re.Pattern[str]  # a whole name ending like an organization
    org_end: re.Pattern[str]  # where a name may end in running text
    admin_prefix: re.Pattern[str]
    work_opening: re.Pattern[str]  # an action word or a verb of building opening a name: work, not a body
    place: re.Pattern[str]
    placeholder: re.Pattern[str]  # XX of XX镇: a template's place name
    bare_body: re.Pattern[str]  # 公安分局, 住建局: a body named by its field alone
    collective: re.Pattern[str]
    vague: re.Pattern[str]
    word_separator: re.Pattern[str]  # 和/与/及… between two names
    quoted_in_name: re.Pattern[str]  # “两办” of 县“两办”督查室: quotation marks inside a name
    list_mark: re.Pattern[str]  # a parenthesis, a punctuation mark or a separator word's first character
    name_break: re.Pattern[str]
    name_leads: re.Pattern[str]
    list_ending_leads: re.Pattern[str]  # 督促/指导… after the first names: the next clause, no name
    descriptor_end: re.Pattern[str]  # 单位/部门/职责: what part a body plays, glued before its name
    shared_department: re.Pattern[str]  # 区生态环境、城乡水务部门: fields sharing one 部门
    shared_kind: re.Pattern[str]  # 各建设、施工、监理单位: kinds sharing one 单位
    shared_bureau: re.Pattern[str]  # 甲省、乙省环境保护厅: places sharing one field's bureau
    list_tail: re.Pattern[str]
    # the words one of which a match of descriptor_end, list_manner or list_tail holds (None:
    # cannot tell): a name without any is not searched by the three
    trimmed_words: re.Pattern[str] | None
    list_manner: re.Pattern[str]  # 按职责分工 before the role word that follows a list
    distributive: re.Pattern[str]  # 各县、区…: levels that share one 各
    distributive_next: re.Pattern[str]
    tiers: re.Pattern[str]  # 市、区两级…: levels sharing what follows
    shared_places: re.Pattern[str]  # 甲乙、丙丁开发区管委会: bare places sharing one body's name
    zone: re.Pattern[str]  # a zone's name, which a committee after it may close (高新区)
    zone_committee: re.Pattern[str]  # a zone's committee (经开区管委会): its body's name in group body
    list_close: re.Pattern[str]  # list_tail where running text goes on after it
    endings: tuple[str, ...]  # every unit that does not start with 各 ends with one of these
    ending_chars: frozenset[str]  # the last characters of ``endings``
    # what a list ``leading_units`` reads ends with: its last characters, and a pattern of
    # what lets a list end anywhere (see ``may_end_a_list``); None when the patterns do not tell
    list_end: tuple[frozenset[str], re.Pattern[str]] | None
    punctuation: re.Pattern[str]  # where a list splits (outside parentheses)
    parenthesis: re.Pattern[str]
    place_lead: re.Pattern[str]  # a place before the 各 of a collective
    parenthesized_levels: re.Pattern[str]  # 各地（州、市）: levels named in parentheses
    glued_start: re.Pattern[str]  # a name that may follow another without a separator
    sub_units: tuple[str, ...]  # a name ending so may belong to the name before it
    joint_organs: re.Pattern[str]  # 县委县政府督查室: one office of two organs
    joint_pair_left: re.Pattern[str]  # 党委 of 各县党委和人民政府: a pair one addressee
    joint_pair_right: re.Pattern[str]
    joint_office: re.Pattern[str]  # 县委、县政府督查室: one office of both
    not_ending: tuple[str, ...]  # words that end like an organ suffix and are none (干部)
    suffix_inside: tuple[str, ...]  # words an organ suffix's last character opens (部门)
    bare_agencies: frozenset[str]  # short names of bodies without a suffix (城管, 公安交警), in lists
    person: re.Pattern[str]  # a person named in a cell of units (张三, 副县长张三, 张三（局长）)
    person_aside: re.Pattern[str]  # a parenthesis after a name naming who answers for it (（李四）)
    held_by: re.Pattern[str]  # the post and name of a body's head after its name (县环保局局长李明)


@cache
def rules() -> Rules:
    data = datafiles.load("units.yaml")
    organ, place = lexicon()
    words = [w for w in data["list_separators"].split("|") if w not in PUNCTUATION]
    org = rf"^.+?(?:{organ})(?:[（(][^（）()]{{1,20}}[）)])?$"
    places = data["place"].replace("PLACE", place).replace("HOLDER", data["placeholder"])
    fields = "|".join(sorted(data["department_fields"], key=len, reverse=True))
    shared = (data["shared_department"].replace("FIELDS", fields),
              data["shared_kind"].replace("KINDS", "|".join(data["unit_kinds"])),
              data["shared_bureau"].replace("FIELDS", fields))
    return Rules(
        org=re.compile(org),
        org_end=re.compile(rf"(?:{organ})(?:[（(][^（）()]{{1,20}}[）)])?"),
        admin_prefix=re.compile(data["admin_prefix"].replace("PLACE", place)),
        work_opening=re.compile(data["work_opening"].replace("ACTION", datafiles.load("triggers.yaml")["action_words"])),
        place=screened(places),
        placeholder=re.compile(data["placeholder"]),
        bare_body=re.compile(data["bare_body"].replace("FIELDS", "|".join(sorted(
            [*data["department_fields"], *data["bare_agencies"]], key=len, reverse=True))).replace("|BARE", "")),
        collective=re.compile(data["collective"].replace("ORGAN", organ).replace("KINDS", "|".join(data["unit_kinds"]))
                              .replace("FIELDS", "|".join(data["department_fields"]))),
        vague=screened(data["vague"]),
        word_separator=re.compile("|".join(sorted(words, key=len, reverse=True))),
        quoted_in_name=re.compile(data["quoted_in_name"]),
        list_mark=re.compile("[" + re.escape(OPEN + CLOSE + PUNCTUATION + "".join({w[0] for w in words if w})) + "]"),
        name_break=re.compile(data["name_breaks"]),
        name_leads=re.compile(data["name_leads"]),
        list_ending_leads=re.compile(data["list_ending_leads"]),
        descriptor_end=re.compile(data["descriptor_ends"]),
        shared_department=re.compile(shared[0]),
        shared_kind=re.compile(shared[1]),
        shared_bureau=re.compile(shared[2]),
        list_tail=re.compile(data["list_tail"]),
        trimmed_words=_words_of(data["descriptor_ends"], data["list_manner"], data["list_tail"]),
        list_manner=screened(data["list_manner"]),
        distributive=re.compile(data["distributive"]),
        parenthesized_levels=re.compile(data["parenthesized_levels"]),
        distributive_next=re.compile(data["distributive_next"]),
        tiers=re.compile(data["tiers"]),
        shared_places=re.compile(data["shared_places"].replace("PLACE", place)),
        zone=re.compile(f"(?:{alternation(data['committee_zones'])})$"),
        zone_committee=re.compile(f"(?:{alternation(data['committee_zones'])})(?P<body>{alternation(data['committees'])})$"),
        list_close=re.compile(data["list_tail"].removesuffix("$")),
        endings=_endings(data),
        ending_chars=frozenset(ending[-1] for ending in _endings(data)),
        list_end=_list_end(data, org, places, shared),
        punctuation=re.compile("[" + re.escape(PUNCTUATION) + "]"),
        parenthesis=re.compile("[" + re.escape(OPEN + CLOSE) + "]"),
        place_lead=re.compile(data["place_lead"].replace("PLACE", place)),
        glued_start=re.compile(data["glued_start"].replace("PLACE", place)),
        sub_units=tuple(data["sub_units"]),
        joint_organs=re.compile(data["joint_organs"]),
        joint_pair_left=re.compile(data["joint_pair_left"]),
        joint_pair_right=re.compile(data["joint_pair_right"]),
        joint_office=re.compile(data["joint_office"]),
        not_ending=tuple(datafiles.load("organizations.yaml")["not_ending"]),
        suffix_inside=tuple(data["suffix_inside"]),
        bare_agencies=frozenset(data["bare_agencies"]),
        person=re.compile(person := _person(data)),
        person_aside=re.compile(data["person_aside"].replace("PERSON", person.removeprefix("^").removesuffix("$"))),
        held_by=re.compile(_person(data, "held_by")),
    )


def _list_end(data: dict, org: str, places: str,
              shared: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str]] | None:
    """``Rules.list_end``: the characters that end the names ``is_unit`` takes (a suffix's
    last, a bare agency's, a parenthesis, and whatever its organ and place patterns end
    with: a collective's 各… too), the vague names (``vague``), a list's closing words
    (等部门) and the bodies a list shares (环保、农业等部门); and the words that open a vague
    name of any ending (本…, 各类…), with a blank (an item parted by one may end anyhow)."""
    endings = [text_endings(data["vague"]), text_endings(org), text_endings(places),
               *((final_chars(pattern), frozenset()) for pattern in (data["list_tail"].removesuffix("$"), *shared))]
    if any(ending is None or ending[0] is None for ending in endings):
        return None
    finals = {ending[-1] for ending in _endings(data)} | {name[-1] for name in data["bare_agencies"]} | set(CLOSE)
    words = sorted(set().union(*(words for _, words in endings)))
    return frozenset(finals.union(*(ends for ends, _ in endings))), re.compile("|".join([r"\s", *map(re.escape, words)]))


def _person(data: dict, key: str = "person") -> str:
    """A pattern of people of units.yaml with the surnames and the titles of the meeting lists."""
    return (data[key].replace("SURNAME", alternation(datafiles.words("surnames.txt")))
            .replace("TITLE", alternation(datafiles.words("titles.txt"))))


def _words_of(*patterns: str) -> re.Pattern[str] | None:
    """An alternation of the words one of which every match of any of ``patterns`` holds;
    None when that cannot be told for one of them."""
    words = [needed_words(re.compile(pattern)) for pattern in patterns]
    if not all(words):
        return None
    return re.compile("|".join(sorted({re.escape(w) for group in words for w in group}, key=len, reverse=True)))


def _endings(data: dict) -> tuple[str, ...]:
    """How a unit's name ends (before a parenthesis): an organ or place suffix, a 兵团
    division (第八师), or the 部门/单位 of a collective (市级有关部门, 供水单位). A name that ends
    otherwise is no unit, whatever the patterns would say: the test that lets most
    candidates of running text go without running them."""
    lex = datafiles.load("organizations.yaml")
    return tuple(lex["organ_suffixes"]) + tuple(lex["place_suffixes"]) + tuple(data["collective_endings"])


@cache
def _inside_word_guards() -> tuple[tuple[str, ...], tuple[str, ...], int]:
    lex = datafiles.load("organizations.yaml")
    return tuple(lex["not_before"]), tuple(lex["not_ending"]), max(map(len, lex["not_ending"]), default=0)


def suffix_inside_word(text: str, end: int) -> bool:
    """Is the organ suffix ending at ``end`` part of another word (局长, 部门, 全部, 常委), by
    ``organizations.yaml``'s not_before and not_ending?"""
    before, ending, longest = _inside_word_guards()
    return text.startswith(before, end) or text.endswith(ending, max(0, end - longest), end)


@cache
def lexicon() -> tuple[str, str]:
    """The organ and place suffixes of ``organizations.yaml`` as regex alternations,
    longest first."""
    data = datafiles.load("organizations.yaml")
    return alternation(data["organ_suffixes"]), alternation(data["place_suffixes"])


# The readers ask about the same names again and again (a clause's subject, then its
# parts, a table cell's names; the same bodies in document after document): the answers
# are kept, bounded.
@lru_cache(maxsize=16384)
def is_vague(name: str) -> bool:
    r = rules()
    if r.vague.search(name):
        return True
    # 某某市各部门 is as vague as 各部门 (a place leads only a collective's 各: most names hold none)
    lead = "各" in name and r.place_lead.match(name)
    if lead and r.vague.search(name[lead.end() :]):
        return True
    parts = run_together(name)  # 各部门各单位: vague when each of its collectives is
    return parts is not None and all(map(is_vague, parts))


def run_together(name: str) -> list[str] | None:
    """The collectives run together without a separator in ``name``, one by one (各乡镇各部门
    → 各乡镇, 各部门: the townships and the departments, each its own kind), where each is a
    unit or vague on its own; None for any other name."""
    if not name.startswith("各") or name.find("各", 2) < 0:
        return None  # most names: one character tells
    parts = ["各" + part for part in name[1:].split("各")]
    if any(len(part) < 2 or sum(map(part.count, OPEN)) != sum(map(part.count, CLOSE)) for part in parts):
        return None
    return parts if all(is_vague(part) or is_unit(part) for part in parts) else None


@lru_cache(maxsize=16384)
def is_unit(name: str, *, in_list: bool = True) -> bool:
    """Is ``name`` a whole unit name? ``in_list``: it stands in a list of addressees, where
    bare places count and the start need not look administrative."""
    r = rules()
    if in_list and name in r.bare_agencies:
        return True  # （责任单位：环保局、住建局、公安交警、城管）
    if not name or len(name) > MAX_NAME or not ends_like_unit(name) or r.work_opening.match(name):
        return False
    if is_vague(name) or r.name_break.search(name) or run_together(name):
        return False  # 各乡镇各部门: two collectives, read one by one
    if sum(map(name.count, OPEN)) != sum(map(name.count, CLOSE)):
        return False  # 各村（社 of 各村（社区）…: a parenthesis left open ends no name
    if r.collective.search(name):
        # a collective ends like one too: 各部门主动 (of 各部门主动配合) is none; or names its
        # levels in parentheses (各地（州、市）)
        return _ends_with_suffix(name) or bool(r.parenthesized_levels.match(name))
    if "各" in name and (lead := r.place_lead.match(name)) and is_unit(name[lead.end() :]):  # 县各乡镇, 某某市各团场
        return True
    if glued_collective(name):
        return False  # 特别提醒各乡镇: words of a heading glued to a collective, no place
    if name[-1] in CLOSE and (cut := max(name.rfind(OPEN[0]), name.rfind(OPEN[1]))) > 0 and (
            not name.startswith(_PART_OF, cut + 1) and is_unit(name[:cut], in_list=in_list) and is_unit(name[cut + 1 : -1])):
        return True  # 石河子市（第八师）: a place with its other name, as 市商务局（市口岸办）
    if (inner := _INNER_ALTERNATIVE.fullmatch(name)) and len(inner[1]) >= len(inner[2]) and all(
            is_unit(before + inner[3], in_list=in_list) for before in (inner[1], inner[1][: -len(inner[2])] + inner[2])):
        return True  # 农业（畜牧）部门: the department of either field, 农业部门 and 畜牧部门
    if r.org.search(name) and (in_list or r.admin_prefix.search(name)):
        return True
    return in_list and bool(r.place.search(name))


# A word's alternative in parentheses inside a name, standing for as many characters before
# it, the name going on after it (农业（畜牧）部门, 县水务（水利）局)
_INNER_ALTERNATIVE = re.compile(r"([^（(）)]+)[（(]([^（）()]{1,8})[）)]([^（(）)]+)")


def glued_collective(text: str) -> list[str] | None:
    """The units of the collectives ``text`` ends with after words glued to them that name
    no unit (特别提醒各乡镇, 重要提醒县级各督查组和各镇: a heading and its subject, the
    space between them lost; a level word before 各 goes with it); else None. Place names
    holding 各 have one or two characters before it (王各庄, 大王各庄镇)."""
    each = text.find("各", _GLUED_LEAD)
    if each < 0:
        return None
    if _LEVEL.fullmatch(text, each - 2, each):
        each -= 2
    return units if not is_unit(text[:each]) and (units := units_in(text[each:])) else None


_GLUED_LEAD = 3  # characters before 各 from which on they are no part of a name
_LEVEL = re.compile("[省市县区镇乡旗][级直]")


# What a parenthesis after a place opens with when it names what the place includes or
# leaves out (某某市（含园区）), not the place's other name.
_PART_OF = ("含", "包括", "包含", "不含", "除")


def ends_like_unit(text: str) -> bool:
    """Could ``text``, or the last item of a list in it, be a unit? It ends with an organ
    or place suffix, 部门/单位/师 (before a parenthesis), or starts with 各: the cheap test
    that lets most candidates go before any pattern runs."""
    return text.startswith("各") or _ends_with_suffix(text)


def _ends_with_suffix(name: str) -> bool:
    if name and name[-1] in CLOSE:  # 市经信局（市新经济委）: the name before its other name
        cut = max(name.rfind(OPEN[0]), name.rfind(OPEN[1]))
        if cut > 0:
            name = name[:cut]
    # a suffix inside another word is none (领导干部, 全部). Most names tried end with no
    # suffix's last character: one set look-up, not an endswith per suffix (~100)
    r = rules()
    return name[-1:] in r.ending_chars and name.endswith(r.endings) and not name.endswith(r.not_ending)


def split_list(text: str) -> list[tuple[int, str]]:
    """Items of a list with their offsets: split at punctuation outside parentheses (not
    between the levels of 各县、区人民政府), and at 和/与/及 only where the part before is
    already a unit (市住房和城乡建设局 stays whole)."""
    return list(_list_items(text))


def spans_outside_parentheses(text: str, separators: str, *, blank: bool = True) -> Iterator[tuple[int, str]]:
    """(start, part) of ``text`` split at the ``separators`` standing outside
    ``PARENTHESES``, one by one (a reader that stops at the first part it cannot use does
    not split the rest); empty parts included (the clauses of a sentence, the names of a
    list in a meeting's header) unless ``blank`` is False, which leaves out the parts of
    blanks only."""
    opening, closing = PARENTHESES
    depth, start = 0, 0
    # only the separators and parentheses matter: found by a pattern, not character by character
    for m in _separators_or_parentheses(separators).finditer(text):
        i, ch = m.start(), m.group()
        if ch in opening:
            depth += 1
        elif ch in closing:
            depth = max(0, depth - 1)
        elif depth == 0:
            if blank or text[start:i].strip():
                yield start, text[start:i]
            start = i + 1
    if blank or text[start:].strip():
        yield start, text[start:]


@lru_cache(maxsize=8)
def _separators_or_parentheses(separators: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(''.join(PARENTHESES) + separators)}]")


def _list_items(text: str) -> Iterator[tuple[int, str]]:
    """The items of ``split_list`` one by one: a reader that stops at the first item that
    is no unit (most running text) does not split the rest of a long clause."""
    r = rules()
    depth, start, shared, quoted = 0, 0, 0, 0
    for m in r.list_mark.finditer(text):  # only the characters that can matter, found in C
        i, ch = m.start(), m.group()
        if i < start or i < quoted:
            continue
        if ch == "“" and i > start and (inside := r.quoted_in_name.match(text, i)):
            quoted = inside.end()  # 县“两办”督查室: one name
            continue
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            if ch == "、" and (r.distributive.search(text, max(start, i - 12), i) and r.distributive_next.match(text, i + 1)
                              or i - start <= 3 and (r.tiers.match(text, i - 1) or r.tiers.match(text, start))
                              or r.joint_pair_left.search(text, start, i) and r.joint_pair_right.match(text, i + 1)
                              or text[i - 1] == "委" and (office := r.joint_office.match(text, start)) and office.start("sep") == i):
                continue  # 各县、区人民政府 / 市、区两级领导小组 / 各乡镇党委、政府 / 县委、县政府督查室: one
            if ch == "、" and (i < shared or 2 <= i - start <= 4 and (shared := _shared_places_end(text, start))):
                continue  # 甲乙、丙丁开发区管委会: bare places and the body they share, one name
            if ch in PUNCTUATION:
                if ch == " " and r.placeholder.fullmatch(text, start, i):
                    continue  # XX 镇: a placeholder and its level word, one name
                if i > start:
                    yield start, text[start:i]
                start = i + 1
            elif (i - start <= MAX_NAME and (word := r.word_separator.match(text, i))
                  and (is_unit(text[start:i]) or is_vague(text[start:i]))  # 各职能部门及各社区: two
                  and not (r.joint_pair_left.search(text, start, i) and r.joint_pair_right.match(text, word.end()))):
                if i > start:
                    yield start, text[start:i]
                start = word.end()
    if start < len(text):
        yield start, text[start:]


def _shared_places_end(text: str, start: int) -> int:
    """Where the bare places listed at ``start`` before the one body of their kind they
    share (甲乙、丙丁经济开发区管委会) end, the last item a unit and none before it; 0 if
    no such list opens there."""
    m = rules().shared_places.match(text, start)
    if m is None:
        return 0
    last = text.rfind("、", start, m.end()) + 1
    end = rules().list_mark.search(text, m.end())
    if not rules().place.search(text[last : m.end()]) or any(
            is_unit(item) or is_vague(item) for item in text[start : last - 1].split("、")):
        return 0  # (改造南路、小区农贸市场2处: 小区 is no place, the list no names)
    body = text[last : end.start() if end else len(text)]
    return last if HAN_NAME.fullmatch(body) and is_unit(body) else 0  # (…市场2处: a count, no name)


def _clean(item: str) -> tuple[int, str]:
    """Drop leading 请/由/会同… and a trailing 等部门 (and 按职责分工 after it); return the
    offset of what is left."""
    r = rules()
    lead = r.name_leads.match(item)
    skip = lead.end() if lead else 0
    name = item[skip:]
    if name.endswith(("）", ")")) and (aside := r.person_aside.search(name)) and aside.start() > 0 and not (
            is_unit(person := aside.group("person")) or is_vague(person)):  # (管委会), (单位): 管, 单 are surnames too
        name = name[: aside.start()]  # 县生态环境局（王建华）: who answers for the body, no part of its name
    if r.trimmed_words is not None and not r.trimmed_words.search(name):
        return skip, name  # most names: no word a glued descriptor, a manner or a tail holds
    # 包片单位县气象局: the body's part glued before its name (the last such word), dropped
    # (of the name before any word that ends names: 包片单位县气象局负责清除). Most names
    # hold no such word: one scan of the name decides before the long break pattern runs.
    if r.descriptor_end.search(name, 1):
        cut = r.name_break.search(name)
        head = name[: cut.start()] if cut else name
        if (part := _last(r.descriptor_end.finditer(head, 1))) and is_unit(head[part.end():], in_list=False):
            skip, name = skip + part.end(), name[part.end():]
    if (manner := r.list_manner.search(name)) and manner.start() > 0:
        name = name[: manner.start()]
    tail = r.list_tail.search(name)
    if tail and tail.start() > 0:
        name = name[: tail.start()]
    return skip, name


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:
        pass
    return last


def _shared_department(text: str) -> tuple[list[str], int]:
    """The departments a list of fields sharing one 部门 opens ``text`` with (区生态环境、
    城乡水务部门 → 区生态环境部门, 区城乡水务部门), and where the list ends; ([], 0) if none."""
    for noun, pattern in (("部门", rules().shared_department), ("单位", rules().shared_kind)):
        if noun in text and (m := pattern.match(text)):
            return [m.group("level") + field + noun for field in m.group("fields").split("、")], m.end()
    return [], 0  # (各建设、施工、监理单位 → 各建设单位, 各施工单位, 各监理单位 alike)


def _shared_bureau(text: str) -> tuple[list[str], int]:
    """The bureaus of the places a list opens ``text`` with before the one bureau they
    share (甲省、乙省环境保护厅 → 甲省环境保护厅, 乙省环境保护厅), and where the list ends;
    ([], 0) if none."""
    if "、" not in text:
        return [], 0
    m = rules().shared_bureau.match(text)
    if not m:
        return [], 0
    places = m.group("places").split("、")
    if any(place.startswith("各") or is_vague(place) or rules().org.match(place) for place in places):
        return [], 0  # 各乡镇、县生态环境局: a collective, then a body of its own
    lead, body = m.group("lead") or "", m.group("body")
    # (a place named with its level takes the government without the level the last one
    # shares: 大余县、于都县人民政府 → 大余县人民政府, 于都县人民政府)
    levels = _place_levels()
    return [lead + place + (body[1:] if body.endswith("政府") and place[-1:] in levels else body)
            for place in places], m.end()


@cache
def _place_levels() -> frozenset[str]:
    """The one-character levels a place's name may close with (organizations.yaml's
    region_levels: 县, 市, 旗…)."""
    return frozenset(level for level in datafiles.load("organizations.yaml")["region_levels"] if len(level) == 1)


def units_in(region: str, *, persons: bool = False) -> list[str] | None:
    """The units of a region that holds only a list of addressees, vague ones left out;
    None when some item of the region is neither a unit nor a vague reference.
    ``persons``: the region is a table's cell of units, where the persons named beside
    them (a leader answering for the task) are passed over; in running text a list
    naming persons is no list of addressees (副县长某某、县住建局负责同志参加…)."""
    found = region_units(region.strip(), persons)
    return None if found is None else list(found)  # each caller its own list


# The same lists of addressees come back clause after clause (a section's labelled lines,
# the roles of its items) and document after document: the answers are kept, as is_unit's.
@lru_cache(maxsize=16384)
def region_units(region: str, with_persons: bool = False) -> tuple[str, ...] | None:
    """``units_in`` of a region without blanks around it, as a tuple."""
    if "、" in region and is_vague(region):
        return ()  # 各牵头、配合单位: one vague collective, not a list of its words
    shared, end = _shared_department(region)
    if not shared:
        shared, end = _shared_bureau(region)
    if shared and (end == len(region) or region[end] in "、，,"):
        rest = region_units(region[end + 1 :].strip(), with_persons) if end < len(region) else ()
        return None if rest is None else (*shared, *rest)
    found: list[str] = []
    persons = False
    for offset, item in _list_items(region):
        _, name = _clean(item)
        if not name:
            continue
        if (parts := run_together(name)) is not None:
            found += [part for part in parts if not is_vague(part)]
        elif is_unit(name):
            found.append(name)
        elif with_persons and rules().person.match(name) and not is_vague(name):
            persons = True  # 张建国 县自然资源局: a table's cell of units naming who answers for them too
        elif (held := rules().held_by.search(name, max(1, len(name) - HELD_BY))) and is_unit(name[: held.start()]):
            found.append(name[: held.start()])  # 县环保局局长李明: the body its head answers for
        elif not is_vague(name):
            # …人民政府，各县（市、区）市政、工商等部门: fields sharing a 部门 later in the list
            after = region_units(region[offset:].strip(), with_persons) if offset and _shared_department(region[offset:])[0] else None
            return None if after is None else (*found, *after)
    if persons and not found:
        return None  # persons alone are no addressees
    for k in range(len(found) - 1, 0, -1):
        # 高新区、经开区管委会: the committee of each zone listed bare before it (from the last on,
        # so that it passes down a run of zones)
        if (committee := rules().zone_committee.search(found[k])) and rules().zone.search(found[k - 1]) and (
                f"{found[k - 1]}、" in region):
            found[k - 1] += committee["body"]
    return tuple(found)


def unglue(name: str) -> list[str]:
    """The names run together in ``name`` where their separator was lost (the cells of a
    flattened table, spaces dropped from a PDF): 县住建局县城管执法局 → 县住建局, 县城管执法局.
    The readers of lists keep such a name whole (where it parts may end a table cell: the
    reader of tables decides) and ask this.
    A name splits after an organ suffix only where what follows is a whole unit that
    starts like a body of its own (a level word, 各, a place) and is no sub-unit of the
    first (市生态环境局两江新区分局 stays one), nor inside a joint office (县委县政府督查室)."""
    r = rules()
    joint = r.joint_organs.match(name)
    for m in r.org_end.finditer(name, 1, len(name) - 2):
        if joint and m.end() < joint.end():
            continue  # 县委 of 县委县政府督查室
        head, rest = name[: m.end()], name[m.end() :]
        if ((r.glued_start.match(rest) or head.endswith(BUREAU) and rest.endswith(BUREAU))
                and not rest.endswith(r.sub_units) and is_unit(head) and is_unit(rest)):
            # (or two bureaus or offices, the second named without its level: 县经贸局国土资源局,
            # 县委办政府办)
            return [head, *unglue(rest)]
    return [name]


BUREAU = ("局", "办")  # a bureau's (an office's) name after another's is one of its own, no part of the first


def leading_units(text: str) -> tuple[list[str], int]:
    """Units listed at the very start of running text (the addressees after 请), and where
    the list ends: 市住建局、市交通运输局按照职责分工… → two units, end before 按照."""
    shared, end = _shared_department(text)
    if not shared:
        shared, end = _shared_bureau(text)
    if shared:
        return shared, end  # 环保、农业、林业等部门要… / 甲县、乙县生态环境局要…
    found: list[str] = []
    for offset, item in _list_items(text):
        if offset > end + 1 or found and rules().list_ending_leads.match(item):
            break  # a gap, or a verb opening the next clause (…，指导各乡镇…): the list has ended
        skip, name = _clean(item)
        cut = rules().name_break.search(name)  # where a word that breaks names starts (…负责)
        before = name[: cut.start()] if cut else name
        if not found and not _may_open_with_unit(before):
            break  # (most running text: no name before its first verb)
        if name and is_unit(name) and not cut:
            found.append(name)
            end = offset + len(item)
            continue
        if (parts := run_together(before)) is not None:
            # 各乡镇各部门要…: the collectives run together, each read on its own
            found += [part for part in parts if not is_vague(part)]
            end = offset + skip + len(before)
            if cut:
                break
            continue
        if found and is_vague(before):  # after a unit: a vague one closes the list (县环保局和相关乡镇负责…)
            end = offset + skip + len(before)
            break
        head = _head_name(name, before=before)
        if not head and found:
            # 各嘎查、社区全面开展…: a place or kind after a unit of the list, ended by no
            # word that breaks names (the longest such start, of a short name); a vague one
            # there closes the list (各镇、各部门始终坚持…)
            starts = [name[:end] for end in range(min(len(name), SHORT_LISTED), 1, -1)
                      if name[:end].endswith(rules().endings) and not name.startswith(rules().suffix_inside, end - 1)]
            if vague := next((start for start in starts if is_vague(start)), None):
                end = offset + skip + len(vague)
                break
            head = next((start for start in starts if is_unit(start)), None)
        if head:
            found.append(head)
            end = offset + skip + len(head)
            if close := rules().list_close.match(text, end):  # 由A、B等单位负责… → after 等单位
                end = close.end()
        break
    return found, end


def may_end_a_list(text: str, then: re.Pattern[str], start: int = 0) -> bool:
    """Could a list of units that ``leading_units`` reads in ``text`` from ``start`` on (or
    a vague addressee there) end right before a match of ``then``? No, when the character
    before each ends no name (a suffix's last, a bare agency's, a closing parenthesis, that
    of 等部门 or of a vague name), unless the text holds a word that opens names of any
    ending (本…, 各类…) or a blank. A reader that wants a list followed by some words asks
    this before reading the list (most texts: no name ends right before any of them).
    ``then`` matches where it stands, with no anchor (^) of its own."""
    r = rules()
    if r.list_end is None or r.list_end[1].search(text, start):
        return True
    return _after_a_name(then.pattern).search(text, start + 1) is not None


@lru_cache(maxsize=8)
def _after_a_name(then: str) -> re.Pattern[str]:
    """``then`` where the character before it may end a list of names (``may_end_a_list``)."""
    return re.compile(f"(?<=[{re.escape(''.join(sorted(rules().list_end[0])))}])(?:{then})")


def _may_open_with_unit(text: str) -> bool:
    """Could ``text`` or a start of it be a unit name? It starts with 各, is a bare agency,
    ends like a unit, or an organ suffix ends inside it: what ``is_unit`` asks first of each
    name ``leading_units`` tries in it, asked once."""
    r = rules()
    return (text.startswith("各") or text in r.bare_agencies or _ends_with_suffix(text)
            or r.org_end.search(text, 0, MAX_NAME) is not None)


def _head_name(text: str, *, in_list: bool = True, ends: Sequence[int] | None = None,
               before: str | None = None) -> str | None:
    """The unit name that opens running text: the longest start of it, before any verb or
    role word, that ends like an organization (市公安局交警支队 of 市公安局交警支队严格…).
    ``ends``: where an organ suffix ends in ``text``, ascending, when the caller has found
    them (the organisation recognizer's matcher); otherwise found here. ``before``: the
    text before its first word that breaks names, when the caller has found it."""
    r = rules()
    head = before
    if head is None:
        cut = r.name_break.search(text)
        head = text[: cut.start()] if cut else text
    if is_unit(head, in_list=in_list):
        return head
    if is_vague(head):
        return None  # 各主管部门 is vague, and 各主管部 no name
    if ends is None:
        # 部 of 环保部门 ends no name: the suffix is part of a word there
        ends = [m.end() for m in r.org_end.finditer(head[:MAX_NAME]) if not head.startswith(r.suffix_inside, m.end() - 1)]
    if "成员单位" in head:  # 县清淤专班成员单位抽调…: the member bodies of the organ ending there
        ends = sorted({*ends, *(m.end() for end in ends if (m := _MEMBERS.match(head, end)))})
    for end in reversed(ends[: bisect_right(ends, min(len(head), MAX_NAME))]):
        if is_unit(head[:end], in_list=in_list):
            return head[:end]
    if head.startswith("各"):  # a collective ends with a place or kind (各乡镇 of 各乡镇年底前)
        for end in range(min(len(head), MAX_NAME) - 1, 1, -1):
            if (_ends_with_suffix(head[:end]) and not head.startswith(r.suffix_inside, end - 1)
                    and is_unit(head[:end], in_list=in_list)):  # 各村（社区）; not 各部 of 各部门11月…
                return head[:end]
    return None


_MEMBERS = re.compile("各?成员单位")


def _clause_marks(text: str) -> list[int]:
    """Where ``split_list`` would split ``text`` at punctuation: the marks outside
    parentheses, found by patterns (the parentheses are few, the marks many)."""
    r = rules()
    marks = [m.start() for m in r.punctuation.finditer(text)]
    inside, depth, opened = [], 0, 0
    for m in r.parenthesis.finditer(text):
        if m.group() in OPEN:
            if depth == 0:
                opened = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                inside.append((opened, m.start()))
    if depth:
        inside.append((opened, len(text)))
    if not inside:
        return marks
    outside, taken = [], 0
    for first, last in inside:
        i = bisect_left(marks, first, taken)
        outside.extend(marks[taken:i])
        taken = bisect_right(marks, last, i)
    outside.extend(marks[taken:])
    return outside


def _joint_office_at(text: str, start: int, sep: int) -> bool:
    """Does the 、 at ``sep`` part the party committee from the government of one joint
    office whose name starts at ``start`` (县委、县政府督查室)?"""
    office = rules().joint_office.match(text, start)
    return office is not None and office.start("sep") == sep


def find_units(text: str, ends: Sequence[int]) -> list[UnitSpan]:
    """Every unit named in running text (names that start like an administrative body);
    ``ends``: the offsets in ``text`` where an organ suffix ends, ascending (found by the
    organisation recognizer, ``nlp.components.orgs``)."""
    r = rules()
    spans: list[UnitSpan] = []
    marks = _clause_marks(text)
    done = -1  # the end of the last clause read
    for end in ends:
        if end <= done:
            continue
        # only the clause this suffix ends in is split into names: most clauses name none
        k = bisect_left(marks, end - 1)
        start, stop = (marks[k - 1] + 1 if k else 0), (marks[k] if k < len(marks) else len(text))
        # the 、 inside a joint office (县委、县政府督查室) parts no clause: read it whole
        if stop < len(text) and text[stop - 1 : stop + 1] == "委、" and _joint_office_at(text, start, stop):
            stop = marks[k + 1] if k + 1 < len(marks) else len(text)
        elif k >= 1 and text[start - 2 : start] == "委、" and _joint_office_at(text, prev := marks[k - 2] + 1 if k >= 2 else 0, start - 1):
            start = prev
        done = stop
        for offset, item in split_list(text[start:stop]):
            offset += start
            position = 0
            for piece in r.name_break.split(item):
                at = offset + item.find(piece, position)
                position = at - offset + len(piece)
                first = bisect_left(ends, at + 1)
                if first == len(ends) or ends[first] > at + len(piece):  # no suffix ends in it
                    continue
                skip, name = _clean(piece)
                if not name or not r.admin_prefix.search(name):  # every name found here starts so
                    continue
                at += skip
                near = ends[bisect_left(ends, at + 1) : bisect_right(ends, at + min(len(name), MAX_NAME))]
                if head := _head_name(name, in_list=False, ends=[end - at for end in near]):
                    spans.append(UnitSpan(at, at + len(head), head))
    return spans
