"""Tasks: the directives of a document, with their units, roles and time limits.

Three shapes of task, read in document order:

- a directive clause — led by 要/请/须… after an optional list of addressees
  (``市经信局要…``, ``请各县（市、区）人民政府…``), or by a plain verb inside a run a
  directive lead-in opened (``会议要求，加快…``). Its text runs from the trigger to the
  clause end; the addressees are ``responsible`` unless the clause splits roles
  (``要牵头``, ``会同X``, ``X配合``);
- a leaf item of a numbered plan that carries an action: its text is the item without
  role sentences (``由X牵头，Y配合，6月底前完成。``), without labels and without a
  trailing parenthetical that only names units or a time limit; those give its roles and
  deadline, else the labelled lines of its section (``责任单位：…``, ``整改时限：…``) and
  blanket lines (``以下任务由X牵头``);
- a row of a task table, columns found by their headers whatever their order, also
  when the table was flattened into text (cells run together, spacing lost, one cell a
  line, or rows going on from a page whose header is gone);
- a duty of a duty list (县交通运输局：负责…), each sentence a task of the line's units;
- the 整改要求 of a block of field lines (存在问题/整改要求/整改时限/责任单位).

``tasks_of(document, segmentation, anchor, orgs)`` does the work; ``orgs`` are the names
the organisation recognizer found (``doc.spans["orgs"]``, passed by the pipeline): the
subject of a directive is read from those that end it, what they leave from the text.
Without them (a caller with no Doc) every subject is read from the text. Wording is data:
``nlp/data/triggers.yaml`` and ``nlp/data/roles.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache

from minutes import datafiles
from minutes.models import Assignment, Deadline, Document, Table, Task
from minutes.nlp.components.clauses import Clause, Segmentation, marker_number, segment
from minutes.nlp.components.clauses import rules as clause_rules
from minutes.nlp.components.units import (
    PARENTHESES, is_unit, is_vague, leading_units, spans_outside_parentheses, split_list, unglue, units_in,
)
from minutes.nlp.components.units import rules as unit_rules
from minutes.nlp.deadline import find, needed, resolve
from minutes.nlp.patterns import needed_words, screened

# The names of the organisation recognizer (``doc.spans["orgs"]``) by where they end in the
# document text: end -> (start, name)
OrgEnds = dict[int, tuple[int, str]]
ROLE_STRENGTH = {"responsible": 0, "support": 1, "lead": 2}
TRAILING = "。；;，,、：: \t\n"
# How far from a trigger its subject, addressees or time limit may stand (characters): far
# more than any list of units, and a bound on the work a trigger that leads nowhere costs.
REACH = 400
TRIES = 12
NEAR_TIME = 40
TIME_START = re.compile(r"[于在]?\s*[\d一二三四五六七八九十本下今明年月每]")  # how a time limit can open a part  # 请于…前报送: the time limit right after a 请 that names no addressee
SENTENCE_END = ("。", "！", "？", "!", "?")
DUTY_HEAD = re.compile(r"([^：:，,。；]{2,60})[：:]")
OPEN_PARENS, CLOSE_PARENS = PARENTHESES
ROLE_IN_PARENS = re.compile(r"^(.+?)[（(]([^（）()]{1,4})[）)]$")  # 市生态环境局（牵头）
LABELLED_NAME = re.compile(r"[\u4e00-\u9fff]{3,20}")  # a name a role label lists, known or not


@dataclass(frozen=True)
class Rules:
    lead_in: re.Pattern[str]
    lead_in_words: re.Pattern[str] | None  # words one of which every lead-in holds
    directive_lead_in: re.Pattern[str]
    strong_trigger: re.Pattern[str]
    weak_trigger: re.Pattern[str]
    addressing: frozenset[str]  # triggers followed by their addressee (请X…, 责成X…)
    pronoun_addressee: re.Pattern[str]  # 请你厅… : the notice's addressees
    transmittal: re.Pattern[str]  # …印发给你们， before a 请: the notice's addressees
    subject_tail: re.Pattern[str]
    enumeration: re.Pattern[str]
    non_task_heading: re.Pattern[str]
    measures_label: re.Pattern[str]
    duty_heading: re.Pattern[str]
    duty_head_tail: re.Pattern[str]
    heading_max_length: int
    topic_max_length: int
    role_part: re.Pattern[str]  # (由)UNITS + role word (+ tail)
    role_word: dict[str, str]  # matched word -> role
    role_word_start: re.Pattern[str]  # a role word, longest first
    role_stated: re.Pattern[str]  # a role word or a role label with its colon: a text without one states no role
    label: re.Pattern[str]  # LABEL：rest, for role, deadline and task labels
    role_list: re.Pattern[str]  # (相关)责任单位包括X、Y等: the units of the task before
    role_label: dict[str, str]  # label -> role
    deadline_label: re.Pattern[str]
    task_label: re.Pattern[str]
    task_column: re.Pattern[str]  # a task column's header: a task label, possibly qualified
    number_label: re.Pattern[str]
    column_label: re.Pattern[str]  # any column header of a task table
    column_name: re.Pattern[str]  # a whole column header, qualified or not (责任单位及责任人)
    column_after: re.Pattern[str]  # what qualifies a column name after it
    column_qualifier: re.Pattern[str]  # the same, anywhere in a header
    flat_header: re.Pattern[str]  # column headers opening a line
    unit_cell: re.Pattern[str]  # a unit column's name standing as a cell of its own
    table_caption: re.Pattern[str]  # how a line naming the table below it ends
    scrambled_header: re.Pattern[str]  # a header printed over two lines, word by word
    header_line: re.Pattern[str]  # a line of nothing but such words
    header_words: dict[str, re.Pattern[str]]  # number / unit / task words of such a header
    header_word_end: re.Pattern[str]  # a first word of a column's name closing a text (…完成)
    short_unit_endings: tuple[str, ...]  # how a unit named without its level word ends (住建局)
    task_fallback: re.Pattern[str]  # a column holding the task where none is named so
    blanket_after: re.Pattern[str]
    blanket_before: re.Pattern[str]
    blanket_tail: re.Pattern[str]
    first_listed_lead: re.Pattern[str]
    first_listed_note: re.Pattern[str]  # the same words anywhere
    object_leads: re.Pattern[str]
    partner: re.Pattern[str]
    stating: re.Pattern[str]  # role_stated or a partner word anywhere: a text without one states no role of a unit
    completion: re.Pattern[str]
    past: re.Pattern[str]
    collective_not_acting: re.Pattern[str]
    assigning: re.Pattern[str]
    addressing_verb: re.Pattern[str]
    submitting: re.Pattern[str]
    cases_opening: re.Pattern[str]
    according: re.Pattern[str]
    carried_out: re.Pattern[str]  # 落实…部署，: a lead-in's verb carried out, not said
    qualified_vague: re.Pattern[str]  # …涉及的有关部门和单位: a vague subject


def _load(name: str) -> dict:
    return datafiles.load(name)


@cache
def rules() -> Rules:
    t, r = _load("triggers.yaml"), _load("roles.yaml")
    role_word = {w: role for role, words in r["role_words"].items() for w in words.split("|")}
    role_label = {w: role for role, words in r["role_labels"].items() for w in words.split("|")}
    words = "|".join(sorted(map(re.escape, role_word), key=len, reverse=True))
    labels = "|".join(
        sorted([*role_label, *r["deadline_labels"].split("|"), *r["task_labels"].split("|")], key=len, reverse=True)
    )
    columns = "|".join(sorted([*labels.split("|"), *r["number_labels"].split("|"), *r["other_columns"].split("|")],
                              key=len, reverse=True))
    # a role word or a role label with its colon: a text without one states no role. Each
    # alternative opens with a literal, the colon repeated per label: the regex engine
    # then skips to the characters they open with (a group of labels before one colon
    # gave it none: 3.5 → 0.4 µs per clause)
    stated = "|".join([words, *(f"{label}[：:]" for label in role_label)])
    return Rules(
        lead_in=re.compile(t["lead_in"]),
        lead_in_words=re.compile("|".join(lead)) if (lead := needed_words(re.compile(t["lead_in"]))) else None,
        directive_lead_in=re.compile(t["directive_lead_in"]),
        strong_trigger=re.compile(t["strong_trigger"]),
        weak_trigger=re.compile(t["weak_trigger"]),
        addressing=frozenset(t["addressing_triggers"]),
        pronoun_addressee=re.compile(t["pronoun_addressee"]),
        transmittal=re.compile(t["transmittal"]),
        subject_tail=re.compile(t["subject_tail"]),
        enumeration=re.compile(t["enumeration"]),
        non_task_heading=re.compile(t["non_task_heading"]),
        measures_label=re.compile(t["measures_label"]),
        duty_heading=re.compile(t["duty_heading"]),
        duty_head_tail=re.compile(r["duty_head_tail"].replace("ROLE_LABELS", "|".join(role_label))
                                  .replace("ROLE_WORDS", words)),
        heading_max_length=int(t["heading_max_length"]),
        topic_max_length=int(t["topic_max_length"]),
        role_part=re.compile(rf"^(?:由)?(?P<units>.+?)(?P<word>{words}){r['role_tail']}"),
        role_word=role_word,
        role_word_start=re.compile(words),
        role_stated=re.compile(stated),
        label=re.compile(rf"^(?P<label>{labels})[：:](?P<rest>.*)$", re.S),
        role_list=re.compile(rf"^(?:{r['role_list_lead']})?(?P<label>{'|'.join(role_label)})(?:{r['role_list_verb']})[：:]?(?P<rest>.+)$"),
        role_label=role_label,
        deadline_label=re.compile(rf"^(?:{r['deadline_labels']})$"),
        task_label=re.compile(rf"^(?:{r['task_labels']})$"),
        task_column=re.compile(rf"^[\u4e00-\u9fff]{{0,4}}(?:{r['task_labels']})$"),
        number_label=re.compile(rf"^(?:{r['number_labels']})$"),
        column_label=re.compile(columns),
        # no leading [\s|｜│]*: a pattern that opens with its words is searched for at the
        # characters they start with, not tried at every position (_flat_header reads the blanks)
        column_name=re.compile(rf"(?:{r['column_before']})?(?:{columns})(?:{r['column_after']})?"),
        column_after=re.compile(rf"(?:{r['column_after']})$"),
        column_qualifier=re.compile(r["column_after"]),
        scrambled_header=re.compile(rf"(?:{r['header_number_words']})(?:[\s|｜│]*(?:{r['header_words']})){{4,}}[\s|｜│]*"),
        header_words={kind: re.compile(r[f"header_{kind}_words"]) for kind in ("unit", "task")},
        header_line=re.compile(rf"(?:{r['header_words']})+"),
        header_word_end=re.compile(rf"(?:{r['header_first_words']})$"),
        short_unit_endings=tuple(r["short_unit_endings"].split("|")),
        task_fallback=re.compile(rf"(?:{r['column_before']})?(?:{r['task_fallback_columns']})"),  # 年度考核目标
        table_caption=re.compile(r["table_caption"]),
        unit_cell=re.compile(
            rf"(?:^|(?<=[\s|｜│]))(?:{'|'.join(sorted(role_label, key=len, reverse=True))})(?=[\s|｜│]|$)", re.M),
        flat_header=re.compile(rf"(?:{columns})(?:{r['column_after']})?(?:[\s|｜│]*(?:{columns})(?:{r['column_after']})?)+[\s|｜│]*"),
        blanket_after=re.compile(r["blanket_after"]),
        blanket_before=re.compile(r["blanket_before"]),
        blanket_tail=re.compile(r["blanket_tail"]),
        first_listed_lead=re.compile(r["first_listed_lead"]),
        # searched over whole texts: its optional opening gives the engine no first
        # character, the screen one
        first_listed_note=screened(r["first_listed_lead"].removesuffix("$")),
        object_leads=re.compile(r["object_leads"]),
        partner=re.compile(rf"^(?:{r['partner_words']})"),
        stating=re.compile(f"{stated}|{r['partner_words']}"),
        completion=re.compile(r["completion"]),
        past=re.compile(t["past"]),
        collective_not_acting=re.compile(t["collective_not_acting"]),
        assigning=re.compile(t["assigning"]),
        addressing_verb=re.compile(t["addressing_verb"]),
        submitting=re.compile(t["submitting"]),
        cases_opening=re.compile(t["cases_opening"]),
        according=re.compile(t["according"]),
        carried_out=re.compile(t["carried_out"]),
        qualified_vague=re.compile(t["qualified_vague"]),
    )


# ---------------------------------------------------------------- roles


def merge(*groups: list[Assignment]) -> list[Assignment]:
    """Units in order of first mention; a unit named twice keeps its most specific role."""
    out: dict[str, Assignment] = {}
    for group in groups:
        for a in group:
            known = out.get(a.name)
            if known is None or ROLE_STRENGTH[a.role] > ROLE_STRENGTH[known.role]:
                out[a.name] = Assignment(a.name, a.role) if known is None else Assignment(known.name, a.role)
    return list(out.values())


def _parts(text: str) -> list[tuple[int, str]]:
    """Comma/semicolon parts outside parentheses, with offsets."""
    return list(_each_part(text))


def _each_part(text: str) -> Iterator[tuple[int, str]]:
    """The parts of ``_parts`` one by one: a reader that stops at the first part it cannot
    use (most clauses open with no role part) does not split the rest of the clause."""
    return ((start, part) for start, part in spans_outside_parentheses(text, "，,；;。") if part.strip())


def role_part(part: str) -> list[Assignment] | None:
    """Units of one role-stating part (由X牵头 / Y配合 / 牵头单位：X), [] for a part that
    only gives the time limit (6月底前完成 / 完成时限：年底前), None for anything else."""
    r = rules()
    part = part.strip()
    if m := r.label.match(part):
        label, rest = m.group("label"), m.group("rest").strip()
        if label in r.role_label:
            return _listed_units(rest.replace("\n", "、"), r.role_label[label])
        return [] if r.deadline_label.match(label) else None
    # the search finds the role word the pattern needs faster than the pattern fails
    # trying it after every character (most parts hold none)
    if r.role_word_start.search(part) and (m := r.role_part.match(part)) and not r.object_leads.match(m.group("units")):
        units = units_in(m.group("units"))
        if units is not None:  # 各有关部门配合: a role part, if of vague units only
            return [Assignment(u, r.role_word[m.group("word")]) for u in units]
        if partners := _with_partners(m.group("units")):  # 由A会同B负责: A leads, B supports
            return partners
    if r.completion.search(part):
        return []
    return None


def _with_partners(text: str) -> list[Assignment] | None:
    """The units of 'A会同B' (A lead, B support), else None."""
    head, word, tail = text.partition("会同")
    lead, partners = units_in(head) if word else None, units_in(tail) if word else None
    if not lead or partners is None:
        return None
    return [Assignment(u, "lead") for u in lead] + [Assignment(u, "support") for u in partners]


def _listed_units(text: str, role: str) -> list[Assignment] | None:
    """The units of a labelled list (县生态环境局（牵头），县工信局), each with the role it is
    marked with, or stated by a role word after it (县生态环境局牵头，县工信局配合), else the
    label's; None when an item is no unit."""
    r = rules()
    found: list[Assignment] = []
    parts = _parts(text)
    if len(parts) > 1 or r.role_part.match(text):
        stated = [role_part(part) for _, part in parts]
        if all(stated):
            return [a for group in stated for a in group]
    for _, item in split_list(text):
        name, own = item.strip(), role
        if (m := ROLE_IN_PARENS.match(name)) and m.group(2) in r.role_word:
            name, own = m.group(1), r.role_word[m.group(2)]
        units = units_in(name) if name else []
        if units is None and _labelled_name(name):
            units = [name]  # 责任单位：某某球团厂: what a role label lists is a unit
        if units is None:
            return None
        # a labelled list may hold names whose separating spaces were lost (县住建局县城管局)
        found += [Assignment(part, own) for u in units for part in unglue(u)]
    return found


def _labelled_name(name: str) -> bool:
    """Could ``name``, listed under a role label, be the name of a body the lexicon does
    not know (某某球团厂, a company by its short name)? A run of Chinese characters, not
    too long, holding no verb, role word or other word that ends a name, and not vague."""
    return (bool(LABELLED_NAME.fullmatch(name)) and not unit_rules().name_break.search(name)
            and not is_vague(name))


def leading_roles(text: str) -> tuple[list[Assignment], int]:
    """Role parts that open a text (市城市管理委牵头，各区人民政府配合，提高…) and the
    offset where the rest begins (0 when the text opens with no role part)."""
    r = rules()
    found: list[Assignment] = []
    end = 0
    listing: str | None = None  # the role of a label whose list may go on after a comma
    for offset, part in _each_part(text):
        units = role_part(part)
        if units is None and listing is not None:
            units = _listed_units(part, listing)  # 责任单位：X（牵头），Y: Y is listed too
        if units is None:
            return found, end
        labelled = r.label.match(part.strip())
        listing = r.role_label.get(labelled.group("label")) if labelled else listing if units else None
        found += units
        end = min(len(text), offset + len(part) + 1)
    return found, end


def roles_sentence(text: str) -> list[Assignment] | None:
    """The roles of a sentence made only of role and time-limit parts, else None."""
    text = text.strip().rstrip(TRAILING)
    if text[:1] in OPEN_PARENS and text[-1:] in CLOSE_PARENS:
        text = text[1:-1]
    found, end = leading_roles(text)
    return found if text and end >= len(text.rstrip(TRAILING)) else None


def parenthesis_roles(inner: str, before: str = "") -> list[Assignment] | None:
    """The roles a parenthesis closing a measure gives: those it states (X牵头，Y配合), or
    the units it only lists (县环保局、县住建局), responsible; None when it holds more, and
    for a list right after a name (``before`` the text it follows: 报州专项办（州环保局）
    says who that office is)."""
    stated = roles_sentence(inner)
    if stated is not None:
        return stated
    tail = before.rstrip()[-12:]
    if any(m.end() == len(tail) for m in unit_rules().org_end.finditer(tail)):
        return None
    units = units_in(rules().first_listed_lead.sub("", inner.strip().rstrip(TRAILING)))
    return [Assignment(u, "responsible") for u in units] if units else None


def stated_roles(text: str) -> list[Assignment]:
    """Roles a directive states in its own parts: 由X牵头 / Y配合 as a whole part, a part
    opening with units and a role word (市市场监管局配合加强抽检), or a part naming the
    partners it works with (会同X、Y → support)."""
    r = rules()
    found: list[Assignment] = []
    if not r.stating.search(text):
        return found  # most directives: no role word, role label or partner word in any part
    for _, part in _parts(text):
        part = part.strip()
        if stated := role_part(part):
            found += stated
            continue
        if partner := r.partner.match(part):
            # 牵头，会同X、Y，于…: the units it works with support
            names, _ = leading_units(part[partner.end():])
            found += [Assignment(u, "support") for u in names]
            continue
        if r.object_leads.match(part) or not r.role_word_start.search(part):
            continue  # 督促施工单位落实…: whom the action is about; no role word, no role
        units, end = leading_units(part)
        role = _role_word_at(part[end:]) if units else None
        if role:
            found += [Assignment(u, role) for u in units]
    return found


def _role_word_at(text: str) -> str | None:
    """The role of a role word opening the text (配合加强… → support); 负责同志 is none."""
    opening = _opening_role_word(text)
    return opening and rules().role_word[opening]


def _opening_role_word(text: str) -> str | None:
    """The role word opening the text, the longest (牵头负责 before 牵头); 负责同志 and
    负责人 are people, not a role."""
    if text.startswith(("负责同志", "负责人")):
        return None
    m = rules().role_word_start.match(text)
    return m.group() if m else None


def strip_parenthetical(text: str) -> tuple[str, str | None]:
    """Task text without closing punctuation and without the trailing parentheticals that
    only name units or a time limit (（牵头单位：X）（时限：6月底前）); their content is
    returned beside it, joined by ；."""
    text, inner = _strip_one_parenthetical(text)
    inners = [] if inner is None else [inner]
    while inner is not None:
        text, inner = _strip_one_parenthetical(text)
        if inner is not None:
            inners.insert(0, inner)
    return text, "；".join(inners) if inners else None


def _strip_one_parenthetical(text: str) -> tuple[str, str | None]:
    text = text.rstrip(TRAILING)
    if text[-1:] in CLOSE_PARENS:
        depth = 0
        for i in range(len(text) - 1, -1, -1):
            depth += text[i] in CLOSE_PARENS
            depth -= text[i] in OPEN_PARENS
            if depth == 0:
                inner = text[i + 1 : -1]
                if _only_roles_or_time(inner):
                    return text[:i].rstrip(TRAILING), inner
                break
    return text, None


def _only_roles_or_time(inner: str) -> bool:
    if roles_sentence(inner) is not None:
        return True
    if units_in(inner):
        return True
    return resolve(inner.strip(), None) is not None


# ---------------------------------------------------------------- directive clauses


@dataclass(frozen=True)
class Directive:
    trigger: int  # offset of the trigger word in the clause text
    units: list[Assignment]
    addressed: bool  # a subject or addressee is named, if only vaguely (各部门要…)


def directive(text: str, in_run: bool, orgs: OrgEnds | None = None, at: int = 0) -> Directive | None:
    """Is the clause a directive? ``in_run``: a directive lead-in opened the run it is in.
    ``orgs``: the names the organisation recognizer found in the document, ``at``: where
    ``text`` stands in it (see ``tasks_of``)."""
    r = rules()
    body = text
    lead = _lead_in(body)
    skip = 0
    if lead:
        skip = lead.end()
        in_run = in_run or bool(r.directive_lead_in.search(lead.group()))
    if enum := r.enumeration.match(body, skip):
        skip = enum.end()
    for tries, m in enumerate(r.strong_trigger.finditer(body, skip)):
        # a trigger that is no directive costs only what lies within REACH of it, and a
        # clause whose first TRIES trigger words lead nowhere is no directive: a clause of
        # thousands of them costs no more than one of a dozen
        if tries == TRIES:
            break
        zone = body[max(skip, m.start() - REACH) : m.start()]
        subject = _subject(zone, orgs, at + max(skip, m.start() - REACH))
        if subject is None and (in_run or lead) and _topic(zone):
            # 会议强调，督察工作领导小组日常工作要听指挥: after a speaker's lead-in a short
            # subject the recognizer does not know as units still takes the directive
            subject = []
        if m.group() in r.addressing:
            near = body[m.end() : m.end() + REACH]
            addressees, end = leading_units(near)
            if not addressees and _transmitted(body, m.start()):
                return Directive(m.start(), [], True)  # its units are the notice's addressees
            # 请X… / 责成X…: X is the addressee; what stands before 请 is a topic, not its
            # subject (总结材料请于…前报送)
            if subject is None and re.search("[，,]", zone):
                continue
            if not addressees and not _vague_addressee(near) and not _sets_time_limit(near[:NEAR_TIME]):
                continue
            units = [Assignment(u, "responsible") for u in addressees]
            return Directive(m.start(), _split_roles(units, body[m.end() + end :]), True)
        if subject is None:
            continue
        units = _split_roles([Assignment(u, "responsible") for u in subject], body[m.end() :])
        named = bool(body[skip : m.start()].strip(" ，,")) and not _cases_or_time(zone)
        return Directive(m.start(), units, named)
    if in_run and r.weak_trigger.match(body, skip):
        return Directive(skip, [], False)
    if timed := _timed_assignment(body, skip, in_run):
        return timed
    for m in r.addressing_verb.finditer(body, skip, skip + REACH):
        # 会议要求县林业局加强巡查: 要求 and its addressees, then what they are to do (named
        # ones: 会议要求各单位认真学习… is an exhortation); 按国家政策要求征收… is a standard
        # followed, not an order
        if r.according.search(body, skip, m.start()):
            continue
        addressees, end = leading_units(body[m.end() :])
        rest = body[m.end() + end :]
        if addressees and rest[:1] not in TRAILING + "的" and not r.past.match(rest):
            return Directive(m.start(), [Assignment(u, "responsible") for u in addressees], True)
    # 议定事项 in running text: 由市城管局负责，4月底前完成… / 由X牵头，Y配合，开展…;
    # outside a directive run only where the roles are assigned (由…), not reported as done
    roles, end = leading_roles(body[skip:]) if r.role_stated.search(body, skip) else ([], 0)
    if roles and len(_parts(body[skip:])) > 1:
        rest = body[skip + end :]
        if in_run or (body[skip:].startswith("由") and rest.strip() and not r.past.search(rest)):
            return Directive(skip, _with_co_actors(roles, body[skip:]), True)
    if body.startswith("由", skip) and (handed := _handed_over(body[skip + 1 :])):
        return Directive(skip, handed, True)
    # 由X依法查处…，于9月9日前书面回复: a part handing the action to X, in a clause that
    # sets a time limit, assigns it (X may be vague: 各主管部门); a clause without 由 is
    # not split into parts for it
    for offset, part in _each_part(body[skip:]) if "由" in body else ():
        if part.startswith("由") and _sets_time_limit(body[skip + offset :]) and not r.past.search(body, skip + offset):
            names, end = leading_units(part[1:])
            if (names or _vague_addressee(part[1:])) and len(part) > end + 3:
                return Directive(skip + offset, [Assignment(u, "responsible") for u in names], True)
    return _submission(body, skip)


def _handed_over(text: str) -> list[Assignment] | None:
    """由X、Y等单位负责加强…: units, a role word and the action right after it, not work
    reported as done; their roles, else None."""
    units, end = leading_units(text)
    rest = re.sub(r"^等(?:[\u4e00-\u9fff]{0,2}(?:单位|部门))?", "", text[end:])  # …等单位负责
    word = _opening_role_word(rest) if units else None
    if word is None:
        return None
    action = rest[len(word) :]
    if len(action) < 2 or action[0] in TRAILING or rules().past.search(action):
        return None
    return [Assignment(u, rules().role_word[word]) for u in units]


def _timed_assignment(body: str, skip: int, in_run: bool) -> Directive | None:
    """各乡镇于10月10日前报送… / 要求各乡镇于…前报送…: addressees, then a time limit and what
    to do, without a trigger word. Named units make it a directive anywhere it does not
    report work done; vague ones (各单位) only inside a directive run."""
    if (by := needed("by")) is not None and not by.search(body, skip):
        return None  # no time limit anywhere after the lead-in: no addressees are read
    r = rules()
    starts = [skip] + [m.end() for m in r.assigning.finditer(body, skip, skip + REACH)]
    for start in starts:
        units, end = leading_units(body[start : start + REACH])
        if not units and not (in_run and _vague_addressee(body[start:])):
            continue
        if not units:
            end = next(n for n in range(2, 9) if is_vague(body[start : start + n]))
        rest = body[start + end :]
        if _opens_with_time_limit(rest) and (in_run or not r.past.search(rest)):
            at = start + end + len(rest) - len(rest.lstrip())
            return Directive(at, [Assignment(u, "responsible") for u in units], True)
    return None


_AT = re.compile("[于在]")  # before the time limit of a submission
_PART_BREAK = re.compile("[，,；;：:]")


def _submission(body: str, skip: int) -> Directive | None:
    """实施方案于5月20日前报州环保局 / 各责任单位于6月5日前将…书面报告区政府: a time limit in
    the clause's first part, then a deliverable handed in, not reported as done."""
    r = rules()
    head = body[skip : skip + REACH]
    for m in _AT.finditer(head):
        if _PART_BREAK.search(head, 0, m.start()):
            return None
        rest = head[m.start() :]
        if _second_limit(rest) != 0:
            continue  # 于5月20日前… / 于每日18时前… (a recurring report) open it
        deadline = _find_deadline(rest[:NEAR_TIME], None)
        after = rest[rest.find(deadline.text) + len(deadline.text) :]
        if r.submitting.match(after) and not r.past.search(head, 0, m.start() + len(rest)):
            subject = head[: m.start()].strip()
            units, end = leading_units(subject)
            named = units if end >= len(subject) else []  # 实施方案于…: no units
            return Directive(skip + m.start(), [Assignment(u, "responsible") for u in named], bool(named))
    return None


def _addressed_after(zone: str) -> list[str] | None:
    """The units after the last 要求/责令 of a zone when nothing else follows them, else None."""
    found = None
    for found in rules().addressing_verb.finditer(zone):
        pass
    return units_in(zone[found.end() :]) if found and zone[found.end() :].strip() else None


def _lead_in(text: str) -> re.Match[str] | None:
    """The speaker's lead-in opening a clause (会议要求，/ 他表示，); none where a trigger
    stands before its verb (要按照…工作要求，坚决… is a directive) or the verb is a standard
    followed or carried out (各乡镇按照要求，组织… / 认真落实市委决策部署，…: no one speaks)."""
    r = rules()
    if r.lead_in_words is not None and not r.lead_in_words.search(text):
        return None  # most clauses hold none of its verbs: the pattern's bounded look is not tried
    lead = r.lead_in.match(text)
    if lead is None or r.strong_trigger.search(lead.group()) or r.according.search(lead.group()[:-1]) or (
            r.carried_out.search(lead.group()[:-1])):
        return None
    return lead


def _topic(zone: str) -> bool:
    """Is the zone before a trigger a short subject (成员单位 / 日常工作), not a clause
    of its own or a condition (能立即整改的)?"""
    tail = re.split("[，,]", zone)[-1].strip()
    return 0 < len(tail) <= rules().topic_max_length and not tail.endswith("的")


def _cases_or_time(zone: str) -> bool:
    """Does the stretch before a trigger end with the cases it deals with or its time limit
    (…能立即整改的要… / 对于逾期的，要… / …，8月底前必须…), which name no addressee?"""
    parts = [p.strip() for p in re.split("[，,]", rules().subject_tail.sub("", zone.strip()))]
    last = parts[-1] or (parts[-2] if len(parts) > 1 else "")
    return bool(last) and (_is_cases(last) or _is_time_limit(last))


def _is_cases(text: str) -> bool:
    """对不应建设的项目 / 对于逾期未整改的: the cases a directive deals with."""
    return bool(rules().cases_opening.match(text)) and "的" in text


def _is_time_limit(text: str) -> bool:
    return resolve(text, None) is not None


def _transmitted(text: str, trigger: int) -> bool:
    """现将《X》印发给你们，请认真贯彻执行: does the 请 at ``trigger`` follow the words
    handing the notice's document over? It then asks the notice's addressees."""
    return rules().transmittal.search(text, max(0, trigger - NEAR_TIME), trigger) is not None


def _sets_time_limit(text: str) -> bool:
    """请于6月底前报送… : a 请 whose addressee is the notice's own (unnamed) but which sets
    a time limit assigns work; a bare 请认真贯彻执行 does not."""
    deadline = _find_deadline(text, None)
    return deadline is not None and deadline.kind == "by"


def split_directives(text: str, in_run: bool, orgs: OrgEnds | None = None,
                     at: int = 0) -> list[tuple[int, int, Directive]]:
    """The directives of a clause as (start, end, directive): a new subject with its own
    trigger after a comma opens a new task (…，市大气办要统筹调度，各成员单位要抓好落实),
    and so does a second time limit with its own deliverable (于10月10日前报送A，11月
    26日前报送B: the same addressees)."""
    first = directive(text, in_run, orgs, at)
    if first is None:
        return []
    out: list[tuple[int, int, Directive]] = []
    start, current = first.trigger, first
    for offset, part in _parts(text):
        if offset <= start:
            continue
        d = directive(part, False, orgs, at + offset)
        if d is not None and d.addressed and d.trigger > 0:
            out.append((start, offset, current))
            start, current = offset + d.trigger, d
        elif (opens := _second_limit(part)) is not None and _find_deadline(text[start:offset], None) is not None:
            out.append((start, offset, current))
            start, current = offset + opens, Directive(0, current.units, False)
    out.append((start, len(text), current))
    return out


def _second_limit(part: str) -> int | None:
    """Where a part that opens with a time limit of its own and a deliverable starts it
    (11月26日前报送B / 并于每季度末向市政府报告…), after a 并; None for any other part."""
    opens = 1 if part.startswith("并") else 0
    rest = part[opens:]
    if not TIME_START.match(rest):
        return None
    if _opens_with_time_limit(rest):
        return opens
    deadline = _find_deadline(rest[:NEAR_TIME], None)
    if deadline is None or deadline.kind != "recurring" or rest.find(deadline.text) < 0:
        return None
    at = rest.find(deadline.text)
    return opens if not rest[:at].strip("于在 ") and len(rest) > at + len(deadline.text) + 1 else None


def _opens_with_time_limit(part: str) -> bool:
    """Does the part open with a time limit followed by what to do (11月26日前报送…)?"""
    if not TIME_START.match(part):
        return False
    deadline = _find_deadline(part[:NEAR_TIME], None)
    if deadline is None or deadline.kind != "by":
        return False
    at = part.find(deadline.text)
    return at >= 0 and not part[: at].strip("于在 ") and len(part) > at + len(deadline.text) + 1


def _subject(zone: str, orgs: OrgEnds | None = None, at: int = 0) -> list[str] | None:
    """Units of the subject before a trigger; None when the zone is no subject. ``at``:
    where the zone stands in the document whose names ``orgs`` holds."""
    r = rules()
    at += len(zone) - len(zone.lstrip())
    zone = r.subject_tail.sub("", zone.strip())
    end = at + len(zone)  # where the subject ends in the document
    if not zone:
        return []
    if (asked := _addressed_after(zone)) is not None:
        return asked  # 会议要求各街道要…: the addressees of 要求 are the subject
    head, comma, tail = max(zone.rpartition("，"), zone.rpartition(","), key=lambda p: len(p[0]))
    if comma:
        tail = r.subject_tail.sub("", tail.strip())
        if not tail:
            # an adverbial before the comma (整改任务完成后，要…) or the cases the
            # directive deals with (对于逾期未整改的，要…), not a condition on third
            # parties (已获授权的，应…)
            last = re.split("[，,]", head)[-1].strip()
            return None if last.endswith("的") and not _is_cases(last) else []
        zone = tail
    if _is_cases(zone) or _is_time_limit(zone):
        return []  # 对不应建设的项目要… / …的，2005年8月底以前必须…: no subject
    found = _units_ending(zone, end, orgs)  # [] for a vague subject (汛期，各类工地要…): still a directive
    if found is None and r.qualified_vague.search(zone):
        return []  # 专项行动涉及的有关部门和单位要…: vague bodies a clause qualifies
    return found


def _units_ending(region: str, end: int, orgs: OrgEnds | None) -> list[str] | None:
    """``units_in(region)``, the region ending at ``end`` in the document: the names the
    recognizer found that end it, one after another in a 、-list (市住建委、市城管委), are
    taken as found; the rest of the region, what the recognizer does not take from running
    text (bare places, collectives: 各区县、市住建委), is read by ``units_in``, and so is
    the whole region where a name found starts inside a word (会上市住建委)."""
    base = end - len(region)  # where the region starts in the document
    names: list[str] = []
    first = at = end
    while orgs and (found := orgs.get(at)) and found[0] >= base:
        first, name = found
        names.append(name)
        # the name before ends at the 、 before this one, or right where it starts (names
        # run together where a page lost the 、: 市住建委市城管委), blanks left out
        rest = region[: first - base].rstrip()
        at = base + len(rest) - rest.endswith("、")
    if not names:
        return units_in(region)
    names.reverse()
    shared = unit_rules().distributive  # 各行署、 before 市政府: levels sharing one 各
    if any(shared.search(name) for name in names[:-1]) or rest.endswith("、") and (
            shared.search(rest[:-1]) or unit_rules().tiers.match(region, max(0, len(rest) - 2))):
        return units_in(region)  # 各行署、市政府 / 市、区两级领导小组 is one collective, read whole
    if not rest:
        return names
    if not rest.endswith("、"):
        return units_in(region)  # a name the recognizer cut from the words before it
    before = units_in(rest[:-1])
    return None if before is None else before + names


def _vague_addressee(text: str) -> bool:
    return any(is_vague(text[:n]) for n in range(2, min(len(text), 8) + 1))


def _split_roles(units: list[Assignment], rest: str) -> list[Assignment]:
    """Addressees are lead where the directive names partners (要牵头… / 会同X / X配合)
    and no other lead; units it names with their own role keep that role."""
    r = rules()
    if (word := _opening_role_word(rest)) and r.role_word[word] == "support":
        # 要配合市生态环境局加强… : the addressee supports, the one it helps leads
        helped, _ = leading_units(rest[len(word):])
        units = [Assignment(u.name, "support") for u in units]
        return merge(units, [Assignment(u, "lead") for u in helped])
    partners: list[Assignment] = []
    if r.partner.match(rest):
        names, _ = leading_units(r.partner.sub("", rest, count=1))
        partners = [Assignment(u, "support") for u in names]
    partners += stated_roles(rest)
    has_lead = any(p.role == "lead" for p in partners)
    if (rest.startswith("牵头") or partners) and not has_lead:
        units = [Assignment(u.name, "lead") for u in units]
    return merge(units, partners)


# ---------------------------------------------------------------- assembling


@dataclass
class Found:
    start: int
    text: str
    units: list[Assignment]
    deadline: Deadline | None
    item: int | None  # the item the task belongs to
    own_roles: bool  # roles stated with the task itself (not from its section)
    number: str | None = None  # 3 of an item "3." or of a table row numbered 3


def tasks_of(document: Document, segmentation: Segmentation | None = None, anchor: date | None = None,
             orgs: Iterable[tuple[int, int]] | None = None) -> list[Task]:
    """The tasks of a normalized document. ``orgs``: where the organisation recognizer
    found names in ``document.text`` (start, end: ``doc.spans["orgs"]``); the subjects of
    directives are read from them, and without them from the text alone."""
    seg = segmentation or segment(document)
    text = document.text  # a property that joins the blocks: read once
    ends = None if orgs is None else {end: (start, text[start:end]) for start, end in sorted(orgs, reverse=True)}
    flattened, spans = _flattened_tables(text, anchor)
    clauses = [f for f in _from_clauses(seg, anchor, ends, document.title)
               if not any(a <= f.start < b for a, b in spans) and not _captions(text, f, spans)]
    found = _merge_table_rows(clauses, _from_tables(seg, anchor) + flattened) or _unheaded_rows(text, anchor)
    found.sort(key=lambda f: f.start)
    _apply_blankets(seg, found)
    if rules().first_listed_note.search(text):  # once over the text: most documents say nothing so
        _first_listed_leads(found)
    names = {name for _, name in ends.values()} if ends else set()
    out = []
    for f in found:
        text = _unbroken(f.text) if "\n" in f.text else f.text
        if text and not (names and _names_only(text, names)):
            out.append(Task(text=text, units=f.units, deadline=f.deadline))
    return out


def _names_only(text: str, names: set[str]) -> bool:
    """Does a task's text only name organisations the recognizer found (the signature
    青禾区人民政府办公室 under a notice's list of attachments)? It assigns nothing. The
    recognizer's names, not the suffix test of ``units_in``: a table row glued to its unit
    cell (开展扬尘整治住建局) ends like a name."""
    return all(part in names for part in text.split("、"))


def _captions(text: str, found: Found, spans: list[tuple[int, int]]) -> bool:
    """Is a task read from an item the caption of the table on the next line ((一)地表水考核
    目标表。 above 序号 / 考核河流 / …)? Its line names a table and a table starts after it."""
    end = text.find("\n", found.start)
    return (end >= 0 and any(a == end + 1 for a, _ in spans)
            and rules().table_caption.search(text, found.start, end) is not None)


def _first_listed_leads(found: list[Found]) -> None:
    """In a plan that says the first unit of a list leads (列第一位者为牵头部门), a task's
    list of several units without roles of their own: the first leads, the others support."""
    for f in found:
        if len(f.units) > 1 and all(u.role == "responsible" for u in f.units):
            f.units = [Assignment(u.name, "lead" if i == 0 else "support") for i, u in enumerate(f.units)]


def _unbroken(text: str) -> str:
    """Text over several lines as one: a break between two Chinese characters (a line a
    page broke at its width) goes, any other run of blanks is one space."""
    text = re.sub(r"(?<=[^\x00-\x7f])\s*\n\s*(?=[^\x00-\x7f])", "", text)
    return " ".join(text.split())


def _merge_table_rows(items: list[Found], rows: list[Found]) -> list[Found]:
    """A task table that repeats the numbered plan above it (序号 3 for item "3.", with
    shared wording) gives those items their units and time limits; other rows are tasks."""
    numbered = {f.number: f for f in items if f.number and f.item is not None}
    kept = []
    for row in rows:
        item = numbered.get(row.number) if row.number else None
        if item is None or not _overlaps(row.text, item.text):
            kept.append(row)
            continue
        item.units = merge(item.units, row.units) if item.units else row.units
        item.own_roles = True
        item.deadline = row.deadline or item.deadline  # a 完成时限 column is explicit
    return items + kept


def _overlaps(short: str, long: str) -> bool:
    """Do most characters of one text occur in the other (a row restating an item)?"""
    chars = [ch for ch in short if "\u4e00" <= ch <= "\u9fff"]
    return bool(chars) and sum(ch in long for ch in chars) >= 0.6 * len(chars)


def _find_deadline(text: str, anchor: date | None) -> Deadline | None:
    return find(text, anchor)


def _from_clauses(
    seg: Segmentation, anchor: date | None, orgs: OrgEnds | None = None, title: str | None = None
) -> list[Found]:
    r = rules()
    found: list[Found] = []
    by_item: dict[int, list[Clause]] = {}
    for clause in seg.clauses:
        if clause.item is not None:
            by_item.setdefault(clause.item, []).append(clause)
    in_run, paragraph = False, -1
    directive_items: set[int] = set()
    # the units the sentence's directives addressed: [] before any, None after a second
    # addressee (which of the two a subjectless clause continues is then unsaid)
    addressee: list[Assignment] | None = []
    duties = _Duties()
    per_line = Counter(c.paragraph for c in seg.clauses)
    lines: dict[int, list[Clause]] = {}  # the clauses of each line
    for c in seg.clauses:
        lines.setdefault(c.paragraph, []).append(c)
    heads = _unit_sentences(seg.clauses)
    notice_to = _notice_addressees(seg.clauses)
    open_task: Found | None = None  # a directive closed by ；, which a clause without one goes on
    closing = "。"  # how the clause before ended: a sentence starts after 。 or a line break
    for clause in seg.clauses:
        before, open_task = open_task, None
        sentence_start, closing = closing in SENTENCE_END or clause.paragraph != paragraph, clause.closing
        if clause.paragraph != paragraph:
            line = []  # the clauses of this line so far
            in_duties = False  # the clause before was a duty closed by ；
            in_run, paragraph, addressee, line_start = False, clause.paragraph, [], clause.start
            before = None
            duty, skip = duties.line(clause, per_line[clause.paragraph] == 1)
            skip_at = clause.start
            listed = False
        text = clause.text
        line.append(clause)
        if clause.start in heads:  # …职责如下：县环保局。负责…。加强…。县农委。负责…。
            duty, skip, listed = _Duty(heads[clause.start], "responsible"), 0, True
            continue
        # (a title naming a body and what it carries out, 某区落实…清单, is no duty of it)
        if not clause.opens_item and text != title and (opening := _duty_opening(text)):
            # 区住建局负责…；区城管局负责…: a sentence opening with units and a role word is
            # their duty; the subjectless 负责… sentences after it on its line are theirs too
            # (an item opening so, 1.县交通局负责…, is read whole as its item)
            duty, skip, skip_at = _Duty(opening[0], opening[2]), opening[1], clause.start
        elif duty and (in_duties or clause.start == skip_at) and (partnered := _partnered(
                text[skip:] if clause.start == skip_at else text, duty)):
            # 市公安局：负责…；会同市经贸委做好…: the line's units lead, the partners support
            body, units = partnered
            found.append(Found(clause.start + len(text) - len(body), strip_parenthetical(body)[0], units,
                               _find_deadline(body, anchor), clause.item, True))
            in_duties = clause.closing in "；;"
            continue
        elif duty and in_duties and (acting := _acting_units(text)):
            # 县环保局负责…；县商务局加强…: in a run of duties opened by units and a role
            # word, the next clause opening with other units and an action is their duty
            units, rest = acting
            found.append(Found(clause.start + len(text) - len(rest), strip_parenthetical(rest)[0], units,
                               _find_deadline(rest, anchor), clause.item, True))
            in_duties = clause.closing in "；;"
            continue
        # 市经贸委：负责A；做好B。: a clause after a duty closed by ； is the same units' duty
        continuing, in_duties = in_duties, False
        if duty:  # 县交通运输局：负责…。负责…。 each role sentence a task of the line's units
            body = text[skip:] if clause.start == skip_at else text
            own = _role_word_at(body)  # a role the head states (（牵头单位）：) outranks 负责
            role = (duty.role if duty.role != "responsible" else own) if own else (
                duty.role if body and (duties.section or listed or duties.listing or continuing) else None)
            if role:
                task_text, _ = strip_parenthetical(body)
                found.append(Found(clause.start + len(text) - len(body), task_text,
                                   [Assignment(u, role) for u in duty.units],
                                   _find_deadline(body, anchor), clause.item, True))
                if clause.item is not None:
                    directive_items.add(clause.item)
                in_duties = clause.closing in "；;"
                continue
        if clause.label:
            continue  # labelled lines belong to items (measures) or give roles and times
        if _is_blanket(text):
            continue
        lead = _lead_in(text)
        if lead and r.directive_lead_in.search(lead.group()):
            in_run = True
        if clause.closing in "：:" and r.directive_lead_in.search(text + clause.closing):
            in_run = True  # 会议议定：一、… opens a run of its own
            continue
        if found and found[-1].start >= line_start and found[-1].item == clause.item and (
                stated := roles_sentence(text)):
            # 要加强工地巡查。区住建委牵头，区城管局配合。: the roles of the task before
            found[-1].units = merge(found[-1].units, stated)
            found[-1].own_roles = True
            continue
        if (clause.item is None and _closes_with_roles(text) and 1 < len(line) == per_line[clause.paragraph]
                and not (found and found[-1].start >= line_start) and (stated := roles_sentence(text))):
            # 严把准入关，…不再审批…。（责任部门：市环保局、…）: a measure of a plan
            # without numbers (or the end of one a page broke), closed by its roles, is a
            # task whatever its verbs
            actions = [c for c in line[:-1] if not c.label]
            if actions:
                # the paragraphs of the measure before it (深化锅炉治理。加快…。 / 加大…。),
                # each opening with a verb of a measure and holding no task of its own,
                # are closed by the same roles
                group = [actions]
                while (above := lines.get(group[0][0].paragraph - 1)) and r.weak_trigger.match(above[0].text) and not any(
                        c.item is not None or c.label for c in above) and not (found and found[-1].start >= above[0].start):
                    group.insert(0, above)
                for part in group:
                    found.append(Found(part[0].start, _joined(part), stated, _find_deadline(_joined(part), anchor), None, True))
            continue
        directives = split_directives(text, in_run, orgs, clause.start)
        if not directives and found and found[-1].start >= line_start:
            if listed := _role_list(text):  # …于9月9日前回复。相关责任单位包括X、Y等。
                found[-1].units = merge(found[-1].units, listed)
                found[-1].own_roles = True
                continue
        if not directives and before and not lead and not roles_sentence(text) and not _is_cases(text):
            # 请你局编写报告；填写数据表，于…前反馈: the clause after ； with no trigger of its
            # own goes on the directive before it (not a case of its own: 对…的，依法…)
            more, _ = strip_parenthetical(text)
            before.text += "；" + more
            before.deadline = before.deadline or _find_deadline(text, anchor)
            open_task = before if clause.closing in "；;" else None
            continue
        if not directives and clause.item is not None and sentence_start and (acting := _collective_acting(text)):
            # （二）自查阶段。各区县政府组织对…进行清查: a plan's sentence opening with a
            # collective is its task, trigger word or not
            units, rest = acting
            found.append(Found(clause.start + len(text) - len(rest), strip_parenthetical(rest)[0], units,
                               _find_deadline(rest, anchor), clause.item, True))
            directive_items.add(clause.item)
            open_task = found[-1] if clause.closing in "；;" else None
            continue
        if not directives:
            if lead and not r.directive_lead_in.search(lead.group()):
                in_run = False
            continue
        in_run = True
        for start, end, d in directives:
            task_text, inner = strip_parenthetical(text[start:end])
            units = d.units
            if not units and (r.pronoun_addressee.match(text, start) or _transmitted(text, start)):
                units = [Assignment(u, "responsible") for u in notice_to]  # 请你厅（局）…
            if d.addressed:
                addressee = [u for u in units if u.role == "responsible"] if addressee == [] else None
            elif not units and addressee and r.strong_trigger.match(text, start):
                # 各区要A；要B。: the sentence's addressee carries to its subjectless
                # 要-clauses
                units = addressee
            if inner is not None:
                units = merge(units, parenthesis_roles(inner, task_text) or [])
            # a time limit may stand before the trigger in its part (…的，8月底前必须…)
            opening = max(text.rfind(mark, 0, start) for mark in "，,") + 1
            deadline = _find_deadline(text[start:end], anchor)
            if deadline is None and opening < start:
                deadline = _find_deadline(text[opening:start], anchor)
            found.append(Found(clause.start + start, task_text, units, deadline, clause.item, bool(units)))
        if clause.item is not None:
            directive_items.add(clause.item)
        if clause.closing in SENTENCE_END:
            addressee = []
        open_task = found[-1] if clause.closing in "；;" else None
    _lead_measures(found, by_item)
    found += _field_blocks(seg, anchor)
    loose = sorted(f.start for f in found if f.item is None)  # tasks on lines without numbers
    for index, item in enumerate(seg.items):
        if item.leaf and index not in directive_items and not _heads_tasks(seg, index, by_item, loose):
            found += _item_task(seg, index, by_item, anchor)
    stated = _stated(seg, by_item)
    for f in found:
        if f.item is not None and not f.own_roles:
            f.units = merge(f.units, _item_roles(seg, f.item, stated))
        if f.item is not None and f.deadline is None:
            f.deadline = _item_deadline(seg, f.item, stated, anchor)
    return found


def _lead_measures(found: list[Found], by_item: dict[int, list[Clause]]) -> None:
    """An item whose one directive follows measures without a trigger word of their own
    (1.保障水源安全。加强全过程管理。各级政府应定期监测…) is one task, as an item of a plan
    is: its text starts at the first measure after the item's heading sentence, the
    directive's subject kept inside it."""
    per_item = Counter(f.item for f in found if f.item is not None)
    for f in found:
        clauses = by_item.get(f.item, []) if per_item[f.item] == 1 else []
        if not clauses or not clauses[0].opens_item or clauses[0].label:
            continue
        # the heading sentence, then whole sentences, all on the directive's line, before
        # it; a sentence naming who acts (各县政府对…进行检查。) is a duty of its own
        before = [c for c in clauses[1:] if c.end <= f.start]
        if (not before or clauses[0].closing not in SENTENCE_END or any(c.paragraph != clauses[0].paragraph or c.label
                or c.closing not in SENTENCE_END or leading_units(c.text)[0] for c in before)):
            continue
        directive = next((c for c in clauses if c.start <= f.start < c.end + 1), None)
        if directive is None or directive.paragraph != clauses[0].paragraph:
            continue
        subject = directive.text[: f.start - directive.start]
        f.text = "".join(c.text + c.closing for c in before) + subject + f.text
        f.start = before[0].start


@dataclass(frozen=True)
class _Duty:
    units: list[str]
    role: str  # of sentences without a role word of their own, in a duty section


class _Duties:
    """Duty lists line by line: a line headed by units (县交通运输局：负责…), or a line of
    units alone whose duties follow on the next lines (县公安局： / 负责…). Inside a duty
    section (under a heading naming 职责/分工) every sentence of such a line is a duty;
    elsewhere only those that open with a role word (负责/牵头/配合): a notice's
    addressees head it the same way."""

    def __init__(self) -> None:
        self.section = False
        self.carried: _Duty | None = None  # the units of a head alone on its line
        # the line follows another headed by units with duties on it (市规划局：负责…。 /
        # 市城管执法局：采取措施…): a run of such lines is a duty list, heading or not (a
        # page that starts inside one has lost it)
        self.listing = False
        self._headed = False  # the line before was so headed

    def line(self, clause: Clause, alone: bool) -> tuple[_Duty | None, int]:
        """The duty units of the line ``clause`` opens (``alone``: the only clause on it)
        and where its duties start."""
        r = rules()
        text = clause.text
        duty, skip = _duty_line(text)
        headed_before, self.listing, self._headed = self._headed, False, False
        if duty is not None:
            if not text[skip:].strip() and not clause.closing:
                self.carried = duty  # the duties follow (or, heading a notice, its addressees)
                return None, 0
            self.carried = None
            self.listing, self._headed = headed_before, True
            return duty, skip
        heading = alone and not clause.closing and len(text) <= r.heading_max_length
        if heading and not (clause.item is not None and self.carried and not clause.opens_item):
            if clause.opens_item and (units := units_in(text)):
                # （一）县公安局 alone on its line: that unit's duties follow, in the section
                # the heading above opened
                self.carried = _Duty(units, "responsible")
                return None, 0
            self.section = bool(r.duty_heading.search(text))
            self.carried = None
            return None, 0
        if clause.opens_item:
            self.carried = None
        return self.carried, 0


def _unit_sentences(clauses: list[Clause]) -> dict[int, list[str]]:
    """Sentences that only name units (after a colon, if any: 职责如下：县环保局。) and are
    followed in their paragraph by a sentence opening with a role word (负责…): each heads
    the duties after it, up to the next such sentence — a duty list run together into
    one paragraph. Keyed by where the sentence starts."""
    heads: dict[int, list[str]] = {}
    for clause, after in zip(clauses, clauses[1:]):
        if clause.closing != "。" or after.paragraph != clause.paragraph or not _role_word_at(after.text):
            continue
        head = re.split("[：:]", clause.text)[-1].strip()
        if head and not any(ch in head for ch in "，,") and (units := units_in(head)):
            heads[clause.start] = units
    return heads


def _duty_line(text: str) -> tuple[_Duty | None, int]:
    """The units heading a line of a duty list (县交通运输局：负责… / 县生态环境局职责： /
    县住建局（牵头单位）：) and where the duties start; (None, 0) for any other line."""
    r = rules()
    m = DUTY_HEAD.match(text)
    if not m:
        return None, 0
    head, role = m.group(1).strip(), "responsible"
    if tail := r.duty_head_tail.search(head):
        word = tail.group("word") or tail.group("word2") or ""
        head = head[: tail.start()]
        role = r.role_label.get(word) or r.role_word.get(word) or role
    units = units_in(head)
    return (_Duty(units, role), m.end()) if units else (None, 0)


def _notice_addressees(clauses: list[Clause]) -> list[str]:
    """The units a notice is addressed to: its first line that ends with a colon and only
    names units (各省、自治区生态环境厅（局），兵团生态环境局：), before any sentence ends;
    [] when there is none."""
    lines: dict[int, list[Clause]] = {}
    for clause in clauses:
        if clause.closing in SENTENCE_END:
            break
        lines.setdefault(clause.paragraph, []).append(clause)
    for line in lines.values():
        text = _joined(line) + line[-1].closing
        if text.rstrip()[-1:] in "：:" and (units := units_in(text.rstrip()[:-1])):
            return units
    return []


def _units_with_role(text: str) -> tuple[list[str], int, str] | None:
    """The units opening a sentence right before a role word and an action (县公安局负责
    查处…, 县环保局牵头开展…), where the role word starts and its role; None otherwise
    (县环保局负责同志…, 县住建局牵头，县城管局配合 that only states roles, a
    parenthesis of roles left open where a page ends)."""
    if not rules().role_word_start.search(text):
        return None  # most sentences hold no role word: their units are not read
    units, end = leading_units(text)
    # the units open the sentence: 督促施工单位落实… names whom a duty is about, not its holder
    role = _role_word_at(text[end:]) if units and text.startswith(units[0]) else None
    # 由X负责… is an action handed over, read as a directive with its 由
    if not role or text[:1] in OPEN_PARENS + "由" or not units_in(text[:end]) or roles_sentence(text) is not None:
        return None
    action = text[end + len(_opening_role_word(text[end:]) or ""):]
    if not ("\u4e00" <= action[:1] <= "\u9fff") or action[:1] == "的" or rules().past.search(action):
        return None  # 县住建局负责完成了… reports work done; 县环保局负责的项目 names one
    return units, end, role


def _duty_opening(text: str) -> tuple[list[str], int, str] | None:
    """``_units_with_role`` of the clause, or of what follows a comma in it when the
    words before hold no trigger (三是明确责任，对任务台账进行分解，县管委会负责…):
    the duties of a news report or plan named after a lead-in of its own."""
    if found := _units_with_role(text):
        return found
    tried = -1
    for word in rules().role_word_start.finditer(text):  # most clauses hold none: nothing is tried
        # the units stand between the last comma before the role word and the word
        after = max(text.rfind("，", 0, word.start()), text.rfind(",", 0, word.start())) + 1
        if after == 0 or after == tried:
            continue
        if rules().strong_trigger.search(text, 0, after):
            return None
        tried = after
        if found := _units_with_role(text[after:]):
            units, end, role = found
            return units, end + after, role
    return None


def _role_list(text: str) -> list[Assignment]:
    """The units of a sentence that only lists them under a role label (相关责任单位包括
    市城管局、江北区政府等), else []."""
    m = rules().role_list.match(text)
    units = units_in(m.group("rest")) if m else None
    return [Assignment(u, rules().role_label[m.group("label")]) for u in units] if units else []


def _is_heading(clause: Clause, line_clauses: int) -> bool:
    """A line of its own without a sentence end: 一、工作目标 / （一）强化扬尘管控."""
    return line_clauses == 1 and not clause.closing and len(clause.text) <= rules().heading_max_length


def _heads_tasks(seg: Segmentation, index: int, by_item: dict[int, list[Clause]], loose: list[int]) -> bool:
    """Is the item a heading written as a sentence ((四)加强舆论宣传。) over paragraphs
    without numbers that hold tasks of their own (各区要…)? Its words are then no task.
    ``loose``: where the tasks found outside items start, in order."""
    clauses = by_item.get(index, [])
    text = clauses[0].text if len(clauses) == 1 else ""
    if not seg.items[index].sentence or not text or len(text) > rules().heading_max_length or re.search("[，,]", text):
        return False  # a measure (建设监测体系，9月底前建成。) is no heading
    after = seg.items[index + 1].start if index + 1 < len(seg.items) else None
    i = bisect_right(loose, clauses[0].end)
    return i < len(loose) and (after is None or loose[i] < after)


def _item_task(seg: Segmentation, index: int, by_item: dict[int, list[Clause]], anchor: date | None) -> list[Found]:
    """The task of a numbered item without directives; two or more where the item's
    measures each close with their own parenthesis of roles (A。（X牵头）B。（Y牵头）)."""
    r = rules()
    clauses = by_item.get(index, [])
    if not clauses or _under_non_task_heading(seg, index, by_item):
        return []
    per_line: dict[int, int] = {}
    for c in clauses:
        per_line[c.paragraph] = per_line.get(c.paragraph, 0) + 1
    measures = [c for c in clauses if c.label and r.measures_label.search(c.label)]
    if measures:
        line = measures[0].paragraph
        chosen = [c for c in clauses if c.paragraph == line]
        chosen[0] = _without_label(chosen[0])
    else:
        chosen = []
        for c in clauses:
            if c.label or (c.opens_item and (_is_heading(c, per_line[c.paragraph]) or per_line[c.paragraph] == 1
                                             and clause_rules().phase_heading.match(c.text))) or _is_blanket(c.text):
                continue  # a heading, a phase heading closed by 。 (（二）整治阶段（6月至9月）。) too
            if chosen and c.paragraph != chosen[0].paragraph:
                break
            chosen.append(c)
    roles: list[Assignment] = []
    actions: list[Clause] = []
    for c in chosen:
        sentence_roles = roles_sentence(c.text)
        if sentence_roles is None and c.text[:1] in OPEN_PARENS and c.text[-1:] in CLOSE_PARENS:
            sentence_roles = parenthesis_roles(c.text[1:-1])  # （县环保局、县住建局）
        if sentence_roles is None and c is seg.clauses[-1]:
            sentence_roles = _roles_cut_short(c.text)  # （X牵头，Y、Z、 where the page ends
        if sentence_roles is None and c is not chosen[0] and (listed := units_in(c.text)):
            sentence_roles = [Assignment(u, "responsible") for u in listed]  # …。县住建局、县城管局
        if sentence_roles is not None:
            roles += sentence_roles
            continue
        actions.append(c)
    if not actions or (actions == chosen[:1] and clause_rules().phase_heading.match(actions[0].text)):
        return []
    if actions == chosen[:1] and actions[0].opens_item and _heads_blanket(clauses, actions[0]):
        return []  # （二）常态化管理事项。下列事项由…: a heading over the tasks it hands out
    first = actions[0]
    text = _joined(chosen[chosen.index(first) : chosen.index(actions[-1]) + 1])
    lead_roles, _ = leading_roles(text)
    if not lead_roles and (opening := next(_each_part(text), None)):
        lead_roles = stated_roles(opening[1])
    lead_roles = _with_co_actors(lead_roles, text)
    if not lead_roles and not roles and (acting := _acting_units(text)):
        # （一）…阶段 / 各乡镇结合实际，制定…: an item without a trigger word whose text
        # opens with the units that act
        lead_roles, text = acting
        if text.startswith("将"):
            return []  # ㈢督查阶段。州领导小组将对…进行督查: what the issuer announces it will do
    whole = " ".join(c.text for c in clauses if not c.label or r.measures_label.search(c.label or ""))
    # a time-limit line of the item's own (整改时限：…) outranks a word in its text (立即完成…)
    labelled = [m.group("rest") for c in clauses if c.label and (m := r.label.match(c.text))
                and r.deadline_label.match(m.group("label"))]
    own_limit = _find_deadline(labelled[0], anchor) if labelled else None
    deadline = (own_limit or _find_deadline(" ".join(c.text for c in chosen), anchor)
                or _find_deadline(whole, anchor))
    number = re.sub(r"\D", "", seg.items[index].marker) or None
    pieces = _measures_with_roles(text)
    if len(pieces) > 1:
        # role sentences of the item close it: they are its last measure's
        last = pieces[-1][0]
        return [Found(first.start + at, piece, merge(lead_roles if at == 0 else [], own, roles if at == last else []),
                      own_limit or _find_deadline(piece, anchor), index, True, number if at == 0 else None)
                for at, piece, own in pieces]
    text, inner = strip_parenthetical(text)
    if inner is not None:
        roles += parenthesis_roles(inner, text) or []
    text, trailing = _trailing_roles(text)
    roles += trailing
    roles = merge(lead_roles, roles)
    return [Found(first.start, text, roles, deadline, index, bool(roles), number)]


def _trailing_roles(text: str) -> tuple[str, list[Assignment]]:
    """An item's text without the role parts that close it after a comma (淘汰燃煤小锅炉，
    由县发改局负责，县市场监管局配合), and their roles; the text as it is when none do."""
    parts = _parts(text)
    cut, found = len(text), []
    for offset, part in reversed(parts[1:]):
        stated = role_part(part)
        if stated is None:
            break
        cut, found = offset, stated + found
    if not found:
        return text, []
    return text[:cut].rstrip(TRAILING), found


def _roles_cut_short(text: str) -> list[Assignment] | None:
    """The roles of a parenthesis the end of a page cut short (（X牵头，Y、Z、): the
    roles its whole parts state, and the units of its unfinished last part, whose role
    word is lost: support after a lead (X牵头，Y配合 is how such lists go on), else
    responsible; None for any other text."""
    if text[:1] not in OPEN_PARENS or any(ch in text for ch in CLOSE_PARENS):
        return None
    parts = [part for _, part in _parts(text[1:].rstrip(TRAILING))]
    if not parts:
        return None
    whole = roles_sentence("，".join(parts[:-1])) if len(parts) > 1 else []
    last = role_part(parts[-1])
    if last is None and (units := units_in(parts[-1])):
        role = "support" if any(a.role == "lead" for a in whole or []) else "responsible"
        last = [Assignment(u, role) for u in units]
    if whole is None or not last and not whole or last is None:
        return None
    return merge(whole, last)


_PARENTHESIS = re.compile(f"[{re.escape(OPEN_PARENS + CLOSE_PARENS)}]")
_SENTENCE_BREAK = re.compile("[。；;]")


def _measures_with_roles(text: str) -> list[tuple[int, str, list[Assignment]]]:
    """An item's measures, each closed by a parenthesis whose first sentence states its
    roles and followed by more text (完成…编制。（X牵头，Y参与。以下…）按省要求，…。（Z牵头））:
    (offset, text, roles) each; a single entry when the item holds one such measure."""
    pieces: list[tuple[int, str, list[Assignment]]] = []
    start, depth, opened = 0, 0, 0
    for m in _PARENTHESIS.finditer(text):  # only the parentheses matter, found in C
        i, ch = m.start(), m.group()
        if ch in OPEN_PARENS:
            depth, opened = depth + 1, (i if depth == 0 else opened)
        elif ch in CLOSE_PARENS and depth:
            depth -= 1
            rest = text[i + 1 :].lstrip(TRAILING + " ")
            first_sentence = _SENTENCE_BREAK.split(text[opened + 1 : i])[0]
            if (depth == 0 and text[:opened].rstrip(" ")[-1:] in "。；;" and len(rest) >= 4 and rest[0] not in OPEN_PARENS
                    and (roles := roles_sentence(first_sentence))):
                pieces.append((start, text[start:opened].rstrip(TRAILING + " "), roles))
                start = len(text) - len(rest)
    if not pieces:
        return [(0, text, [])]
    last, inner = strip_parenthetical(text[start:])
    return [*pieces, (start, last, roles_sentence(inner) or [] if inner is not None else [])]


def _with_co_actors(lead: list[Assignment], text: str) -> list[Assignment]:
    """The roles an item's first part states, and after 由X牵头， the units opening the next
    part as the ones acting with X (由县农村办牵头，县委督查室、县直相关部门对…进行检查):
    they support."""
    parts = _parts(text)
    if not lead or any(a.role != "lead" for a in lead) or len(parts) < 2:
        return lead
    part = parts[1][1].strip()
    units, end = leading_units(part)
    if not units or _role_word_at(part[end:]) or rules().past.search(part):
        return lead  # …，县住建局配合 states its own role; past work assigns none
    return lead + [Assignment(u, "support") for u in units]


def _partnered(body: str, duty: _Duty) -> tuple[str, list[Assignment]] | None:
    """A duty that opens with the partners its units work with (会同市经贸委做好…): the
    duty's text and its units, the line's leading and the partners supporting; None for
    any other duty."""
    partner = rules().partner.match(body)
    names = leading_units(body[partner.end():])[0] if partner else []
    if not names:
        return None
    return body, [Assignment(u, "lead") for u in duty.units] + [Assignment(u, "support") for u in names]


def _acting_units(text: str) -> tuple[list[Assignment], str] | None:
    """The units opening an item's text as its subject (各乡镇组织有关部门开展…) and the
    text after them; None when it opens otherwise, or reports work done."""
    units, end = leading_units(text)
    rest = text[end:].lstrip("，, ")
    if not units or len(rest) < 4 or rest[0] in TRAILING + "的" or rules().past.search(rest):
        return None
    if rules().collective_not_acting.match(rest):
        return None  # 各乡镇负责同志参加…: who attends for them, not what they do
    return [Assignment(u, "responsible") for u in units], rest


def _closes_with_roles(text: str) -> bool:
    """Could the clause be the roles closing a measure: a parenthesis, or a role label
    (（责任部门：…） / 责任单位：…)?"""
    m = rules().label.match(text)
    return text[:1] in OPEN_PARENS or bool(m) and m.group("label") in rules().role_label


def _collective_acting(text: str) -> tuple[list[Assignment], str] | None:
    """The collective opening a sentence as its subject (各区县政府组织…) and the action
    after it; None otherwise."""
    return _acting_units(text) if text.startswith("各") else None


def _field_blocks(seg: Segmentation, anchor: date | None) -> list[Found]:
    """Blocks of labelled lines outside numbered items (存在问题：… / 整改要求：… / 整改时限：…
    / 责任单位：…): the measures line is the task, the block's other lines give its units
    and time limit. A block is a run of consecutive labelled lines; a second measures line
    opens the next block."""
    r = rules()
    blocks: list[list[Clause]] = []
    last = -2
    for c in seg.clauses:
        if c.item is not None or c.label is None:
            continue
        measures = bool(r.measures_label.search(c.label))
        if c.paragraph != last + 1 or (measures and any(r.measures_label.search(b.label) for b in blocks[-1])):
            blocks.append([])
        blocks[-1].append(c)
        last = c.paragraph
    found: list[Found] = []
    on_line: dict[int, list[Clause]] = {}
    for c in seg.clauses if blocks else ():
        on_line.setdefault(c.paragraph, []).append(c)
    for block in blocks:
        measures = [c for c in block if r.measures_label.search(c.label)]
        if not measures:
            continue
        task = _without_label(measures[0])
        rest = [c for c in on_line[task.paragraph] if c.start > task.start]
        text = _joined([task, *rest]) if rest else task.text
        text, _ = strip_parenthetical(text)
        units: list[Assignment] = []
        deadline = None
        for c in block:
            m = r.label.match(c.text)
            if not m:
                continue
            if m.group("label") in r.role_label:
                units = merge(units, role_part(c.text) or [])
            elif r.deadline_label.match(m.group("label")) and deadline is None:
                deadline = _find_deadline(m.group("rest"), anchor)
        if text:
            found.append(Found(task.start, text, units, deadline or _find_deadline(text, anchor), None, True))
    return found


def _heads_blanket(clauses: list[Clause], opening: Clause) -> bool:
    """Is the item's opening clause followed, on its line, by a blanket line (以下任务由…)?"""
    return any(c.paragraph == opening.paragraph and c.start > opening.start and _is_blanket(c.text)
               for c in clauses)


def _joined(clauses: list[Clause]) -> str:
    """Consecutive clauses of one line as written, each with the punctuation that closed it."""
    return "".join(c.text + c.closing for c in clauses[:-1]) + clauses[-1].text


def _without_label(clause: Clause) -> Clause:
    m = rules().label.match(clause.text) or re.match(r"^[^：:]{1,10}[：:]", clause.text)
    if not m:
        return clause
    cut = m.start("rest") if m.re is rules().label else m.end()
    return Clause(clause.start + cut, clause.end, clause.text[cut:], clause.paragraph, clause.item, False, None,
                  clause.closing)


def _under_non_task_heading(seg: Segmentation, index: int, by_item: dict[int, list[Clause]]) -> bool:
    i: int | None = index
    while i is not None:
        opening = next((c for c in by_item.get(i, []) if c.opens_item), None)
        heading = opening.text.rstrip(TRAILING) if opening else ""
        if opening and (_is_heading(opening, 1) and rules().non_task_heading.search(heading)
                        or rules().non_task_heading.fullmatch(heading)):
            return True  # 一、工作目标 / 一、工作目标。到2025年…: goals, not tasks
        i = seg.items[i].parent
    return False


@dataclass
class _Stated:
    """What labelled lines and role sentences state for each item's own clauses (read once
    per document, so that each task's walk up its sections is a few look-ups)."""

    roles: dict[int, list[Assignment]]
    limits: dict[int, str]  # the text after the label of the item's first time-limit line
    head_limit: Clause | None  # the first time-limit line outside any item (a 督办单's head)


def _stated(seg: Segmentation, by_item: dict[int, list[Clause]]) -> _Stated:
    r = rules()
    stated = _Stated({}, {}, None)
    for i, clauses in by_item.items():
        roles: list[Assignment] = []
        if clauses[0].opens_item and (head := _duty_line(clauses[0].text))[0] and not clauses[0].text[head[1]:].strip():
            # （九）县公安局主要工作任务： heads the items under it: their units
            roles += [Assignment(u, head[0].role) for u in head[0].units]
        for c in clauses:
            m = r.label.match(c.text)
            if m and r.deadline_label.match(m.group("label")):
                stated.limits.setdefault(i, m.group("rest"))
            if _is_blanket(c.text):
                continue  # applied by _apply_blankets, to the tasks it covers
            if m and m.group("label") in r.role_label:
                roles += role_part(c.text) or []
            elif not c.label:
                roles += roles_sentence(c.text) or []
        stated.roles[i] = merge(roles)
    for c in seg.clauses:
        m = r.label.match(c.text) if c.item is None else None
        if m and r.deadline_label.match(m.group("label")):
            stated.head_limit = c
            break
    return stated


def _item_roles(seg: Segmentation, index: int, stated: _Stated) -> list[Assignment]:
    """Roles stated for an item by role sentences or labelled lines, nearest section first."""
    i: int | None = index
    while i is not None:
        if stated.roles.get(i):
            return stated.roles[i]
        i = seg.items[i].parent
    return []


def _item_deadline(seg: Segmentation, index: int, stated: _Stated, anchor: date | None) -> Deadline | None:
    """The time limit of a labelled line (整改时限：…) of the item or, else, its sections,
    else of the document's head, when it stands above the item."""
    i: int | None = index
    while i is not None:
        if i in stated.limits:
            return _find_deadline(stated.limits[i], anchor)
        i = seg.items[i].parent
    head = stated.head_limit
    if head is not None and head.start <= seg.items[index].start:
        return _find_deadline(rules().label.match(head.text).group("rest"), anchor)
    return None


def _is_blanket(text: str) -> bool:
    return bool(rules().blanket_after.match(text) or rules().blanket_before.match(text))


def _apply_blankets(seg: Segmentation, found: list[Found]) -> None:
    """以下任务由X牵头 → the tasks after it in its section, up to the section's next such
    line; 上述事项由X牵头 → those before it, back to the previous one. ``found`` is in
    document order."""
    r = rules()
    lines: list[tuple[tuple[bool, int | None], int, list[Assignment]]] = []  # ((after?, section), offset, roles)
    for clause in seg.clauses:
        after, before = r.blanket_after.match(clause.text), r.blanket_before.match(clause.text)
        if not (after or before):
            continue
        # 由X牵头，Y配合: every role part of the line, not only the first
        assignments = roles_sentence(r.blanket_tail.sub("", clause.text[(after or before).end() - 1 :]))
        if not assignments:
            continue
        container = clause.item
        if container is not None and before and clause.paragraph != seg.items[container].paragraph:
            container = seg.items[container].parent  # a line after the last item of a section speaks for the section
        elif container is not None and after and clause.paragraph == seg.items[container].paragraph and seg.items[container].leaf:
            # 以下… inside the text of an item without sub-items means the measures after
            # it, to the end of the part it stands in (二、工作任务); on a heading over
            # sub-items it speaks for those
            while seg.items[container].parent is not None:
                container = seg.items[container].parent
        lines.append(((bool(after), container), clause.start, assignments))
    starts = [f.start for f in found]
    neighbour: dict[tuple[bool, int | None], int] = {}
    for key, offset, assignments in reversed(lines):  # the next 以下… line of each section
        after, container = key
        if not after:
            continue
        end = seg.items[container].end if container is not None else starts[-1] + 1 if starts else 0
        _assign(seg, found[bisect_right(starts, offset) : bisect_left(starts, neighbour.get(key, end + 1))],
                assignments, container)
        neighbour[key] = offset
    neighbour.clear()
    for key, offset, assignments in lines:  # back to the previous 上述… line of each section
        after, container = key
        if after:
            continue
        begin = seg.items[container].start if container is not None else 0
        _assign(seg, found[bisect_left(starts, max(begin, neighbour.get(key, begin))) : bisect_left(starts, offset)],
                assignments, container)
        neighbour[key] = offset


def _assign(seg: Segmentation, tasks: list[Found], assignments: list[Assignment], container: int | None) -> None:
    for f in tasks:
        if _inside(seg, f.item, container):
            f.units = merge(assignments, f.units)


def _inside(seg: Segmentation, item: int | None, container: int | None) -> bool:
    if container is None:
        return True
    while item is not None:
        if item == container:
            return True
        item = seg.items[item].parent
    return False


# ---------------------------------------------------------------- tables


def _from_tables(seg: Segmentation, anchor: date | None) -> list[Found]:
    found: list[Found] = []
    for offset, table in seg.tables:
        found += _table_tasks(offset, table, anchor)
    return found


def _column_kinds(row: list[str]) -> dict[int, str]:
    """Column index -> 'task' | 'deadline' | a role, for a header row."""
    r = rules()
    kinds: dict[int, str] = {}
    for i, cell in enumerate(row):
        name = r.column_after.sub("", "".join(cell.split()).rstrip("：:"))  # 责任单位及责任人
        if name in r.role_label:
            kinds[i] = r.role_label[name]
        elif r.deadline_label.match(name) or r.deadline_label.match(name[2:]):  # 完成时间节点
            kinds[i] = "deadline"
        elif r.task_column.search(name) and "task" not in kinds.values():
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


def _repeats_header(row: list[str], kinds: dict[int, str]) -> bool:
    """A header row repeated further down (a table split over pages): its task cell is a
    task label itself."""
    i = next((i for i, kind in kinds.items() if kind == "task"), None)
    return i is not None and i < len(row) and bool(rules().task_label.match("".join(row[i].split()).rstrip("：:")))


def _table_tasks(offset: int, table: Table, anchor: date | None) -> list[Found]:
    rows = table.rows
    for h, row in enumerate(rows[:5]):
        kinds = _column_kinds(row)
        if "task" in kinds.values() and len(kinds) >= 2:
            break
    else:
        return []
    found: list[Found] = []
    for n, row in enumerate(rows[h + 1 :], 1):
        cells = {kind: row[i].strip() for i, kind in kinds.items() if i < len(row)}
        text = " ".join(cells.get("task", "").split()).rstrip(TRAILING)
        if not text or _repeats_header(row, kinds):
            continue
        units: list[Assignment] = []
        for role in ("lead", "responsible", "support"):
            cell = cells.get(role, "")
            if cell:
                units = merge(units, _cell_units(cell, role))
        deadline = _find_deadline(cells.get("deadline", ""), anchor) or _find_deadline(text, anchor)
        number = next((row[i].strip() for i, kind in kinds.items() if kind == "number" and i < len(row)), None)
        found.append(Found(offset + n, text, units, deadline, None, True, number or None))
    return found


def _flattened_tables(text: str, anchor: date | None) -> tuple[list[Found], list[tuple[int, int]]]:
    """Task tables whose cells ran together into paragraphs (a page converted to text): a
    run of column headers (工作任务 责任单位 配合单位 完成时间, possibly split over two
    lines; at least three when the line holds something before them, such as the table's
    name), then rows on the rest of that line and the lines after, whose cells are told
    apart by what they hold — a row number, units, a time limit, else the task's text —
    even where spacing was lost and cells are glued (…巡查。县林业局各乡镇长期坚持). A
    row ends where text follows its units or time limit, or at a row number; a task's
    text may go on over the next line. Unit cells take their column's role when every
    unit column is filled; else the first is lead, the rest responsible; a cell that
    states roles (县林业局牵头 / 县林业局（牵头）) keeps them.
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
    i = 0
    while i < len(lines):
        header = _flat_header(lines, i, anchor) if headed else None
        if header is None and "\t" not in lines[i] and HEADERLESS_ROW.match(lines[i]):
            # a page that goes on with a table whose header stood on the page before: rows
            # with a number, a task, units and a time limit, at least two of them (tab-
            # separated rows are a real table's, read by _from_tables)
            header = _FlatRows([], anchor, complete=True), i, 0
        if header is None:
            i += 1
            continue
        rows, last, end = header
        pieces = [_flat_pieces(lines[last][end:], starts[last] + end, anchor, rows.others, rows.units_first)]
        read: dict[int, list] = {}  # the pieces of each line read, for the look-ahead

        def line_pieces_of(k: int) -> list:
            if k not in read:
                read[k] = _flat_pieces(lines[k], starts[k], anchor, rows.others, rows.units_first)
            return read[k]

        j = last + 1
        # the lines after the header, while they hold cells; a line of text only
        # continues a row (its task's text) when it is short and the line after it holds
        # cells again
        while j < len(lines) and "\t" not in lines[j]:
            line_pieces = line_pieces_of(j)
            if not any(kind != "text" for kind, _, _ in line_pieces) and (
                    len(lines[j]) > rules().heading_max_length * 3 or j + 1 == len(lines)
                    or not any(k != "text" for k, _, _ in line_pieces_of(j + 1))):
                break
            pieces.append(line_pieces)
            j += 1
        region = text[starts[last] + end : starts[j - 1] + len(lines[j - 1])]
        if rows.interleaved or len(LONE_MARKS.findall(region)) >= MIN_LONE_MARKS:
            # cells a PDF laid out line by line across the columns: read by position
            rows.found = _interleaved_rows(region, starts[last] + end, anchor, rows.unit_columns)
        else:
            for line_pieces in pieces:
                rows.feed(line_pieces)
            rows.close()
        if len(rows.found) >= (2 if rows.complete else 1):
            found += rows.found
            spans.append((starts[i], starts[j - 1] + len(lines[j - 1])))
        i = max(j, i + 1)
    return found, spans


def _unheaded_rows(text: str, anchor: date | None) -> list[Found]:
    """A safety net for a document no reader took a task from: the rows of a task table
    whose header was lost or not known (a page that goes on with a table, names the rules
    do not have, cells run together), read line after line by what their cells hold. A row
    is text that closes with units and a time limit or that a row number opens; two rows
    at least make a table. A paragraph of text only, between rows, ends the row before it.
    With no header to say where the units stand, the rows are read both ways (units after
    the text, units before it: 区住建局 开展…) and the reading with more rows is kept."""
    best: list[Found] = []
    long_line = rules().heading_max_length * 3
    lines = text.split("\n")
    # units before the text only where some line opens with a unit's name after its number
    units_open = any(leading_units(LINE_NUMBER.sub("", line, count=1)[:REACH])[0] for line in lines)
    for units_first in (False, True) if units_open else (False,):
        rows = _FlatRows([], anchor, unheaded=True, units_first=units_first)
        offset = 0
        for line in lines:
            pieces = _flat_pieces(line, offset, anchor, units_first=units_first)
            if pieces and pieces[0][0] == "text" and rows.text and not (rows.number or rows.cells or rows.deadline):
                rows._reset(offset)  # a line of text before a row's own line (a title): no cell of the row
            if len(line) > long_line and all(kind == "text" for kind, _, _ in pieces):
                rows.close()
                rows._reset(offset + len(line) + 1)
            else:
                rows.feed(pieces)
            offset += len(line) + 1
        rows.close()
        if len(rows.found) > len(best):
            best = rows.found
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
    A row with text and units or a time limit is a task; its units' columns are unknown,
    so the first unit leads and the rest are responsible (one unit column: its role)."""
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
            roles = [unit_columns[0] if len(unit_columns) == 1 else ("lead" if n == 0 else "responsible")
                     for n in range(len(names))]
            number = next((value for kind, _, value in row if kind == "number"), None)
            found.append(Found(row[0][1], text, [Assignment(name, role) for name, role in zip(names, roles)],
                               limits[0] if limits else _find_deadline(text, anchor), None, True, number))
    return found


def _glued_cells(word: str, at: int, anchor: date | None) -> list[tuple[str, int, object]]:
    """The text, unit and time-limit pieces of cells run together without spacing, in
    order: a unit is read where an organ's name ends, from a cell boundary (the start, or
    the end of a unit or time limit just before) when a name starts there, else from the
    nearest place or level word (…严查抛洒滴漏区执法局 → 区执法局)."""
    cells: list[tuple[int, int, str, object]] = []  # start, end, kind, value
    limit_from = 0
    while (limit := _find_deadline(word[limit_from:], anchor)) is not None and limit.text:
        where = word.find(limit.text, limit_from)
        if where < 0:
            break
        cells.append((where, where + len(limit.text), "limit", limit))
        limit_from = where + len(limit.text)
    taken = 0
    boundaries = {0} | {end for _, end, _, _ in cells}
    units: list[tuple[int, int, str, object]] = []
    ends = [m.end() for m in unit_rules().org_end.finditer(word)]
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
GLUED_NAME_START = "各省市县区州旗盟乡镇"
MAX_GLUED_NAME = 20
HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
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
    if not numbers:
        return text
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
        while k < len(lines) and lines[k].strip() == str(number):
            # a row's cells may take more lines than it has columns; the last row, with no
            # number after it, takes no more lines than a row has cells
            nxt = [n for n in range(k + 1, min(len(lines), k + 3 * columns)) if lines[n].strip() == str(number + 1)]
            end = nxt[0] if nxt else min(len(lines), k + columns)
            for m in range(k, end - 1):
                out[starts[m + 1] - 1] = "|"
            number, k = number + 1, end
        done = k
    return "".join(out)


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
    if k > j and k + 1 < len(lines) and lines[k + 1].strip() == "1" and _names_a_task_table(
            ["".join(line.split()) for line in lines[i:k + 1]]):
        return k
    return j


def _header_cells(line: str) -> list[str] | None:
    """The cells of a line that is a task table's header by its cells alone: three or more
    short names of Han characters, naming a task column and a unit column among them."""
    cells = [cell for cell in CELL_BREAK.split(line) if cell]
    short = all(len(cell) <= SHORT_CELL and HAN_ONLY.fullmatch(cell) for cell in cells)
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
        return None  # a real table's rows are tab-separated lines, read by _from_tables
    candidates = [(lines[i], i, 0, False)]
    if i + 1 < len(lines) and "\t" not in lines[i + 1]:
        candidates.append((lines[i] + lines[i + 1], i + 1, len(lines[i]), False))
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
    for line, last, joined, whole in candidates:
        header = r.flat_header.search(line)
        if header is None or (last > i and header.end() <= joined and not whole):
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
                                          interleaved=split_name), last,
                    len(lines[last]) if whole else header.end() - joined)
    if best is None and (cells := _header_cells(lines[i])):
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
    scrambled_at = None
    # (a header naming no unit column may be the first words of one printed over two lines)
    for line, last, joined, _ in candidates[:2] if best is None or not best[1].unit_columns else ():
        scrambled = r.scrambled_header.search(line)
        if scrambled is not None and scrambled.end() > joined and all(
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
# whole time-limit cells that name a date without 前 (_cell_limit)
BARE_MONTH = re.compile(r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月份?")
MONTH_RANGE = re.compile(r"(?:(?P<year>\d{4})年)?\d{1,2}月?[-—–~～至到](?P<month>\d{1,2})月(?:底|份)?")
DATE_DOT = re.compile(r"\d[.．/]\d")
DOTTED_DATE = re.compile(r"((?:19|20)\d\d)[.．/](1[0-2]|0?[1-9])(?:[.．/](3[01]|[12]\d|0?[1-9]))?")  # not 2500.5 (万元)
# a verb closing a time-limit cell: the cell's, not the next row's text (年内完成)
LIMIT_DONE = re.compile(r"(?:全部|基本)?(?:完成|办结|到位|见效)(?=$|[\s|｜│])")
CELL_SEPARATOR = "、，,；; "
LIST_IN_CELL = re.compile(r"[、，,]|及")  # what joins the units of one cell
HAN_ROW_NUMBER = re.compile(r"([一二三四五六七八九十]{1,3})[、.．]")  # 三、开展…: a row numbered in words
HEADERLESS_ROW = re.compile(r"^[\s|｜│]*\d{1,3}[\s|｜│]+\S")  # 12 开展… : a row number and a space
CELL_BREAK = re.compile(r"[\s|｜│]+")  # between the cells of a flattened row
BAR_LINE = re.compile(r"[ \t]*[|｜│][ \t]*")  # a line that only separates two cells
MIN_BAR_LINES = 6  # a table of two rows of two cells at least
LIMIT_LENGTH = 16  # characters: no time-limit cell is longer
MAX_OTHER_HEADER_CELLS = 4  # columns after the named ones, one a line (进展情况, 备注)
SHORT_CELL = 8  # characters: no header cell is longer
SHORT_NAME = 6  # characters: a unit named without its place (住建局, 交警大队) is no longer
MIN_TEXT_HEAD = 5  # characters before a unit's level word that no place name before it holds
MAX_HEADER_CELLS = 12  # columns of a header read cell by cell, names known or not


def _flat_pieces(line: str, start: int, anchor: date | None, others: bool = False,
                 units_first: bool = False) -> list[tuple[str, int, object]]:
    """The cells of one flattened line in order, as (kind, offset, value): "number",
    "text" (str), "units" (list of cells, each a list of Assignment; role "" where the
    cell states none) or "limit" (Deadline)."""
    pieces: list[tuple[str, int, object]] = []
    position = 0
    for token in CELL_BREAK.split(line):
        where = line.find(token, position)
        position = where + len(token)
        if not token:
            continue
        at = start + where
        if token.isdigit() or HAN_ROW_NUMBER.fullmatch(token):  # 3 / 三、
            pieces.append(("number", at, token.rstrip("、.．")))
            continue
        if (number := ROW_NUMBER.match(token) or HAN_ROW_NUMBER.match(token)) and number.end() < len(token):
            pieces.append(("number", at, number.group(1)))  # 2完成…: a row number glued to its text
            token, at = token[number.end():], at + number.end()
        pieces += _token_pieces(token, at, anchor, others, units_first)
    return pieces


def _token_pieces(token: str, at: int, anchor: date | None, others: bool,
                  units_first: bool = False) -> list[tuple[str, int, object]]:
    """Text, unit and time-limit cells of one token, where spacing between them was lost
    (开展巡查。县林业局各乡镇长期坚持完成…). Units inside the text count as a cell only
    where they close it: at the token's end or before a time limit."""
    pieces: list[tuple[str, int, object]] = []
    position = 0
    while position < len(token):
        if position == 0 or pieces[-1][0] == "units":
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
            if cut > position and token[cut:cut + 1] not in GLUED_NAME_START and not (
                    token[cut - 1] == "、" and token.endswith(rules().short_unit_endings, 0, cut - 1)):
                # inside a cell of text a unit cell starts with a level word (…，严查抛洒滴漏区城管局:
                # 区城管局), not wherever a name could be read from; or after an organ's name
                # and a 、 (…整治住建局、城管交通局: the list's next name)
                continue
            cells, end = _unit_cells(token, cut, anchor)
            if cells and others and (gap := _person_gap(token, end, anchor)):
                end += gap  # 县林业局王明长期坚持: a 责任人 cell between units and time limit
            if cells and (end == len(token) or _limit_at(token, end, anchor) is not None):
                break
            if cells:
                read_to = end
        else:
            pieces.append(("text", at + position, token[position:]))
            break
        if cut > position:
            pieces.append(("text", at + position, token[position:cut]))
        pieces.append(("units", at + cut, cells))
        position = end
    return pieces


def _unit_starts(token: str, position: int):
    """Where unit cells may start in a token: where it starts, after punctuation, or before
    a character units start with (县/市/各…)."""
    yield position
    for m in UNIT_START.finditer(token, position + 1):
        yield m.end() if m.group() else m.start()


def _person_gap(token: str, at: int, anchor: date | None) -> int:
    """The length of a short cell of Han characters (a person's name) between units and a
    time limit, else 0: none where the time limit follows the units at once (长期坚持 is no name)."""
    if _limit_at(token, at, anchor) is not None:
        return 0
    for gap in range(2, 5):
        if at + gap > len(token) or not re.fullmatch(r"[\u4e00-\u9fff]+", token[at : at + gap]):
            return 0
        if at + gap == len(token) or _limit_at(token, at + gap, anchor) is not None:
            return gap
    return 0


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
        limit = resolve(tail, anchor) or (resolve(tail + "前", anchor) if BARE_DATE.match(tail) else None) or (
            _cell_limit(tail, anchor) if end == len(token) else None)
        if limit is not None:
            if done := LIMIT_DONE.match(token, end):  # 年内完成 / 6月底前全部到位: the cell's own verb
                tail += done.group()
            return Deadline(tail, limit.date, limit.kind)
    return None


def _cell_limit(cell: str, anchor: date | None) -> Deadline | None:
    """A whole time-limit cell written as a date without 前: a month (2018年10月 / 10月份),
    a range of months (2018年10月-12月), a date of figures and dots (2018.6.30 / 2018.10):
    by the last day it names."""
    if m := BARE_MONTH.fullmatch(cell) or MONTH_RANGE.fullmatch(cell):
        year = f"{m.group('year')}年" if m.group("year") else ""
        return resolve(f"{year}{m.group('month')}月底前", anchor)
    if m := DOTTED_DATE.fullmatch(cell):
        year, month, day = m.groups()
        return resolve(f"{year}年{month}月{day}日前" if day else f"{year}年{month}月底前", anchor)
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
        if not names or not (len(glued[0][0]) <= SHORT_NAME or (
                is_unit(glued[0][0], in_list=False) and not FIGURE.search(glued[0][0])
                and not _text_before_unit(glued[0][0]))):
            # a long name that does not open like an administrative body, or holds a figure,
            # is a task's text run into a unit (淘汰老旧柴油货车县交通运输局 /
            # 淘汰10蒸吨以下燃煤锅炉区环保局)
            break
        names = [n for parts in glued for n in parts]
        role = ""
        rest = token[position + end:]
        if (m := re.match(r"[（(]([^（）()]{1,4})[）)]", rest)) and m.group(1) in r.role_word:
            role, end = r.role_word[m.group(1)], end + m.end()
        elif roles and (word := _opening_role_word(rest)) is not None:
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
                 units_first: bool = False, interleaved: bool = False, merged: bool = False, unheaded: bool = False):
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
                self.cells += value
            elif kind == "limit":
                self.deadline = self.deadline or value
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

    def close(self) -> None:
        if self.merged and self.number and not self.cells:
            self.cells = self._above
        if not self.text or not (self.cells or self.deadline) or (
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
        elif len(self.unit_columns) == 1:  # one unit column: every unit of the row is in it
            assigned = merge([Assignment(a.name, a.role or self.unit_columns[0]) for cell in self.cells for a in cell])
        else:  # cells that cannot be told apart: the first unit leads, the rest are responsible
            units = [a for cell in self.cells for a in cell]
            assigned = merge([Assignment(a.name, a.role or ("lead" if n == 0 else "responsible"))
                              for n, a in enumerate(units)])
        body = "".join(self.text).rstrip(TRAILING)
        self._above = self.cells
        self.found.append(Found(self.at, body, assigned, self.deadline or _find_deadline(body, self.anchor), None, True,
                                self.number))
        self._reset(self.at)


def _text_before_unit(name: str) -> bool:
    """Is a long name a task's text run into a unit (区餐饮油烟净化设施安装区城管局 /
    清理道路积尘区城管局)? A unit opens with a level word after five characters or more
    that hold no level word past their first (重庆市渝中区人民政府: a place) and no organ's
    name (市生态环境局高新区分局: a sub-unit's)."""
    for k in range(MIN_TEXT_HEAD, len(name) - 2):
        if name[k] in GLUED_NAME_START:
            return (not any(ch in GLUED_NAME_START for ch in name[1:k]) and is_unit(name[k:], in_list=False)
                    and not unit_rules().org_end.search(name, 0, k))
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
    return [name]


def _cell_units(cell: str, role: str) -> list[Assignment]:
    """Units of a table cell: a plain list takes the column's role; a cell that states
    roles itself (市生态环境局牵头，市公安局配合 / 市生态环境局（牵头）) keeps them."""
    r = rules()
    flat = "、".join(part.strip() for part in cell.split("\n") if part.strip())
    stated = roles_sentence(flat)
    if stated:
        return stated
    found: list[Assignment] = []
    for _, item in split_list(flat):
        name, own = item.strip(), role
        if (m := ROLE_IN_PARENS.match(name)) and m.group(2) in r.role_word:
            name, own = m.group(1), r.role_word[m.group(2)]
        found += [Assignment(unit, own) for unit in units_in(name) or []]
    return found
