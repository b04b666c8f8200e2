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
- a row of a task table (``tables``), also when the table was flattened into text;
- a duty of a duty list (县交通运输局：负责…), each sentence a task of the line's units;
- the 整改要求 of a block of field lines (存在问题/整改要求/整改时限/责任单位).

``tasks_of(document, segmentation, anchor, orgs)`` does the work; ``orgs`` are the names
the organisation recognizer found (``doc.spans["orgs"]``, passed by the pipeline): the
subject of a directive is read from those that end it, what they leave from the text.
Without them (a caller with no Doc) every subject is read from the text. How units' roles
are read is ``roles``; wording is data: ``nlp/data/triggers.yaml`` and ``nlp/data/roles.yaml``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from itertools import islice

from minutes.lines import closing_parenthesis, numeral, signature_date
from minutes.models import Assignment, Deadline, Document, Task
from minutes.nlp.components.clauses import NON_DIGITS, Clause, Segmentation, marker_number, segment
from minutes.nlp.components.clauses import rules as clause_rules
from minutes.nlp.components.units import (PARENTHESES, ends_like_unit, glued_collective, is_unit, is_vague, leading_units,
                                          may_end_a_list, spans_outside_parentheses, unglue, units_in)
from minutes.nlp.components.units import rules as unit_rules
from minutes.nlp.components.roles import (
    REACH, TRAILING, Found, acting_units, comma_parts, each_comma_part, leading_roles, leads_beside_partners,
    limit_alone, merge, opening_role_word, parenthesis_roles, role_part, role_word_at, roles_sentence, rules, stated_roles,
    strip_parenthetical,
)
from minutes.nlp.components.tables import LIMIT_DONE, flattened_tables, from_tables, unheaded_rows
from minutes.nlp.deadline import counted_from_the_day, find, needed, placeholder_year_opening, resolve, stated_limit
from minutes.patterns import alternation, needed_words


# The names of the organisation recognizer (``doc.spans["orgs"]``) by where they end in the
# document text: end -> (start, name)
OrgEnds = dict[int, tuple[int, str]]
TRIES = 12
REPEAT_MIN = 20  # a task text this long met again word for word, with the same units, is a repeat
NEAR_TIME = 40
TIME_START = re.compile(r"[于在]?\s*[\d一二三四五六七八九十本下今明次年月每]")  # how a time limit can open a part (请于…前报送)
SENTENCE_END = ("。", "！", "？", "!", "?")
COMMA = re.compile("[，,]")
DUTY_HEAD = re.compile(r"([^：:，,。；]{2,60})[：:]")
OPEN_PARENS, CLOSE_PARENS = PARENTHESES
QUOTES = "“‘《「『\"'"  # marks that open a quoted name or title
MIN_TASK = 2  # characters: the shortest task (整改 / 销号)
KIND_MAX = 5  # characters: the longest name of a document's kind alone (任务清单, 实施方案)


# ---------------------------------------------------------------- directive clauses


@dataclass(frozen=True)
class Directive:
    trigger: int  # offset of the trigger word in the clause text
    units: list[Assignment]
    addressed: bool  # a subject or addressee is named, if only vaguely (各部门要…)


UNREAD = object()  # a clause's lead-in the caller has not read (None: read, it has none)


def directive(text: str, in_run: bool, orgs: OrgEnds | None = None, at: int = 0, *,
              lead: re.Match[str] | None | object = UNREAD) -> Directive | None:
    """Is the clause a directive? ``in_run``: a directive lead-in opened the run it is in.
    ``orgs``: the names the organisation recognizer found in the document, ``at``: where
    ``text`` stands in it (see ``tasks_of``); ``lead``: ``_lead_in(text)``, if the caller
    has read it."""
    r = rules()
    body = text
    lead = _lead_in(body) if lead is UNREAD else lead
    if not (lead or in_run) and (words := _directive_words()) and not words.search(body):
        return None  # most clauses outside a run hold no word any reading below needs
    skip = 0
    if lead:
        skip = lead.end()
        in_run = in_run or bool(r.directive_lead_in.search(lead.group()))
    if enum := r.enumeration.match(body, skip):
        skip = enum.end()
        if (heading := HEADING_THEN_HANDED.match(body, skip)) and heading.end() - skip <= r.heading_max_length:
            skip = heading.end()  # 二是建立巡查制度：由X牵头，…: the heading names what X leads
    for tries, m in enumerate(r.strong_trigger.finditer(body, skip)):
        # a trigger that is no directive costs only what lies within REACH of it, and a
        # clause whose first TRIES trigger words lead nowhere is no directive: a clause of
        # thousands of them costs no more than one of a dozen
        if tries == TRIES:
            break
        if _quoted(body, m.start()):
            continue  # 依据…第二十八条："行政机关…应当责令当事人改正"的规定: a quoted rule, no directive
        if "的" in body[m.end() : (part_end := _part_end(body, m.end()))] and DUE_WORK.search(
                body, m.end(), part_end) and r.past.search(body, part_end):
            continue  # 应于7月底前完成的185家…项目，目前已完成63家: what was due, reported on
        zone = body[max(skip, m.start() - REACH) : m.start()]
        subject = _subject(zone, orgs, at + max(skip, m.start() - REACH))
        post = subject is None and bool(r.post_holders.fullmatch(_after_last_comma(zone).strip()))
        spoken = subject is None and bool(r.speaker_before.search(zone))
        if subject is None and ((in_run or lead) and _topic(zone) or post or spoken
                                or _topic(zone) and _closed_by_roles(body[m.end() :])):
            # 会议强调，督察工作领导小组日常工作要听指挥: after a speaker's lead-in a short
            # subject the recognizer does not know as units still takes the directive; so
            # does the holders of a post, anywhere (各级河长要…): persons, no units, who
            # open no task of their own inside another's (…整改工作，领导要靠前指挥); and,
            # anywhere, a thing that is to be done whose sentence closes with who does it
            # (渣土运输要全程密闭，县城管局负责: the roles stated are its units)
            subject = []
        if m.group() in r.addressing:
            near = body[m.end() : m.end() + REACH]
            addressees, end = leading_units(near)
            if not addressees and (labelled := _labelled_addressees(near)):
                units, end = labelled
                return Directive(m.start(), _split_roles(units, body[m.end() + end :]), True)
            if not addressees and r.named_before.match(near) and (named := _named_before(body, m.start())):
                return Directive(m.start(), [Assignment(u, "responsible") for u in named], True)
            if not addressees and _transmitted(body, m.start()):
                return Directive(m.start(), [], True)  # its units are the notice's addressees
            # 请X… / 责成X…: X is the addressee; what stands before 请 is a topic, not its
            # subject (总结材料请于…前报送)
            if subject is None and ("，" in zone or "," in zone) and not r.pronoun_addressee.match(body, m.start()):
                continue  # (请你局… / 责令你公司…: the reader is told, whatever stands before)
            if (not addressees and not _vague_addressee(near) and not _sets_time_limit(near[:NEAR_TIME])
                    and not _hands_in_by_a_limit(near)
                    and not r.urged_addressee.match(near) and not (
                        (held := r.post_holders.match(near)) and r.weak_trigger.match(near, held.end()))):
                continue  # (请各级河长加强巡查: the holders of a post asked to act)
            units = [Assignment(u, "responsible") for u in addressees]
            return Directive(m.start(), _split_roles(units, body[m.end() + end :]), True)
        if not subject and (stated := _roles_before(body[skip : m.start()])):
            # 县农业局牵头，县公安局配合，要…: the parts before the trigger state who does
            # the work and in which role
            return Directive(m.start(), merge(stated, stated_roles(body[m.end() :])), True)
        if subject is None:
            continue
        units = _split_roles([Assignment(u, "responsible") for u in subject], body[m.end() :])
        if not units and "、" in body[m.end() :]:
            units = _acting_list(body[m.end() :])
        # (a connective alone before the trigger, 同时要… / 也要…, names no one: the
        # directive before it goes on)
        named = bool(r.subject_tail.sub("", body[skip : m.start()].strip(" ，,"))) and (
            not _cases_or_time(zone) and not post and not spoken)
        return Directive(m.start(), units, named)
    if in_run and (r.weak_trigger.match(body, skip) or (
            (phrases := _SET_PHRASES.match(body, skip)) and r.weak_trigger.match(body, phrases.end()))):
        # (会议要求，加快…，由X牵头，Y配合，…完成: the roles it states are its units; set
        # phrases of how the work is done may come before its verb: 举一反三、彻查彻改，深入开展…)
        return Directive(skip, _split_roles([], body[skip:]), False)
    if in_run and (vague := _vague_opening(body[skip:])) and r.weak_trigger.match(body, skip + vague):
        # 各部门积极配合，…: in a run, a vague addressee then the verb of a measure, no units
        return Directive(skip + vague, [], True)
    if in_run and (limited := _limit_then_action(body, skip)):
        return limited
    if lead and in_run and (verb := _topic_then_action(body, skip)):
        return Directive(verb, [], False)
    if lead and in_run and (act := _after_cases(body[skip:]) or _after_opening(body[skip:], r.basis_opening)) and (
            r.weak_trigger.match(body, skip + act) or _topic_then_action(body, skip + act)) and (
            not r.past.search(body, skip + act)):
        # 会议要求，对排查出的问题，制定整改方案: the cases the lead-in's measure is taken on, then the measure
        # (or what it goes by: 会议要求，按照会议研究的意见，修改完善方案后印发)
        # (会议决定，针对…问题，将于近期组织…: a short word of when before it, as after a lead-in)
        return Directive(skip, [], False)
    if in_run and (act := _after_opening(body[skip:], r.basis_opening)) and r.weak_trigger.match(body, skip + act) and (
            not r.past.search(body, skip + act)):
        # 二要加强河道保洁。按照…的标准，落实…: in a run, a sentence of what the measure goes by,
        # then the measure, with no lead-in of its own
        return Directive(skip, [], False)
    if (lead or enum) and in_run and (addressed := _addressed_action(body[skip:])) and (
            lead or not _PART_BREAK.search(body, skip, skip + addressed[1])):
        # 会议要求，县住建局、县城管局严格按照方案执行巡查: the lead-in's 要求 falls on the
        # units opening the clause, what they are to do follows them (so on an item of the
        # run: …；二是县督查组继续巡查)
        units, end = addressed
        # (会议要求，A会同B开展…: the partner after the addressees supports, they lead)
        return Directive(skip + end, _split_roles([Assignment(u, "responsible") for u in units], body[skip + end :]), True)
    if lead and in_run and (duty := _units_with_role(body[skip:])):
        # 会议明确，县城管局负责…，县交通局配合，4月10日前完成…: the units the lead-in names, in
        # the role their word states, and the action from it
        units, end, role = duty
        return Directive(skip + end, _split_roles([Assignment(u, role) for u in units], body[skip + end :]), True)
    if timed := _timed_assignment(body, skip, in_run):
        return timed
    for m in r.addressing_verb.finditer(body, skip, skip + REACH):
        # 会议要求县林业局加强巡查: 要求 and its addressees, then what they are to do (named
        # ones: 会议要求各单位认真学习… is an exhortation); 按国家政策要求征收… is a standard
        # followed, not an order
        if r.according.search(body, skip, m.start()) or body[m.end() : m.end() + 1] in "，,。；;、":
            continue  # …的部署和要求，立足…: 要求 a noun closing its part, no addressees after it
        addressees, end = leading_units(body[m.end() :])
        units = [Assignment(u, "responsible") for u in addressees]
        if not addressees and (labelled := _labelled_addressees(body[m.end() :])):
            units, end = labelled  # 要求责任单位县住建局…
        rest = body[m.end() + end :]
        if units and rest[:1] not in TRAILING + "的" and not r.past.match(rest):
            # 要求县督察局做好督查，县自然资源局做好配合: a partner named later splits the roles
            return Directive(m.start(), _split_roles(units, rest), True)
        if not addressees and (held := r.post_holders.match(rest)) and rest[held.end() : held.end() + 1] not in (
                TRAILING + "的") and not r.past.match(rest, held.end()):
            # 要求镇、村两级河长按照…巡河: the holders of a post addressed, no units
            return Directive(m.start(), [], True)
        if not addressees and ((verb := r.weak_trigger.match(rest)) and rest[verb.end() : verb.end() + 1] not in _PREDICATE_END
                               or _AS_GUIDE.match(rest) or _opens_with_time_limit(rest) and not r.past.search(rest)):
            # 会议要求加强河道巡查… / 要求以问题为导向… / 项目要求在8月底前全部完工: what is
            # required follows 要求 directly, no one named: the action opens the task (not
            # where the word after 要求 closes its part: 要求严格，…, the demands are strict)
            return Directive(m.end(), [], False)
        if not addressees and (vague := _vague_opening(rest)):
            # (…各责任单位对已完成整改的问题，立即组织核查: the cases it deals with come first)
            act = vague + _after_cases(rest[vague:])
            if r.urged_pace.match(rest, act) or r.weak_trigger.match(rest, act) or (
                    (comma := _SET_PHRASE_END.match(rest, act)) and r.weak_trigger.match(rest, comma.end())):
                # 领导小组要求各责任单位迅速调查核实: addressed, if only vaguely, and urged to
                # act, at once or after a set phrase of their part (要求各部门举一反三，加大…);
                # no units
                return Directive(m.start(), [], True)
    # 议定事项 in running text: 由市城管局负责，4月底前完成… / 由X牵头，Y配合，开展…;
    # outside a directive run only where the roles are assigned (由…), not reported as done
    roles, end = leading_roles(body[skip:]) if r.role_stated.search(body, skip) else ([], 0)
    if roles and len(comma_parts(body[skip:])) > 1:
        rest = body[skip + end :]
        if in_run or (body[skip:].startswith("由") and rest.strip() and not r.past.search(rest)):
            return Directive(skip, _with_co_actors(roles, body[skip:]), True)
    if body.startswith("由", skip) and (handed := _handed_over(body[skip + 1 :])):
        # 由县水利局负责组织验收，县应急局配合: a part that only states partners closes it
        partners = [a for _, part in comma_parts(body[skip:])[1:] if (stated := roles_sentence(part))
                    for a in stated if a.role == "support"]
        return Directive(skip, merge(handed, partners), True)
    if in_run and r.person_handed.match(body, skip) and not r.past.search(body, skip):
        # 会议议定：…。由张某同志负责，抓好统筹调度: a person handed the work, no unit
        return Directive(skip, [], True)
    # 由X依法查处…，于9月9日前书面回复: a part handing the action to X, in a clause that
    # sets a time limit, assigns it (X may be vague: 各主管部门); a clause without 由 is
    # not split into parts for it. The parts before it are the work X is handed when they
    # open with an action (加强监测，由X制定方案，6月底前完成: one task), else what the
    # action is about (对群众举报的问题，由X依法查处…)
    for offset, part in each_comma_part(body[skip:]) if "由" in body else ():
        if part.startswith("由") and _sets_time_limit(body[skip + offset :]) and not r.past.search(body, skip + offset):
            names, end = leading_units(part[1:])
            if ((names or _vague_addressee(part[1:])) and len(part) > end + 3
                    and roles_sentence(body[skip:]) is None  # 由X牵头，Y具体实施，5月底前完成: roles only
                    and roles_sentence(part) is None):  # (由X牵头、Y配合 of a measure: its roles)
                start = skip if offset and r.weak_trigger.match(body, skip) else skip + offset
                return Directive(start, [Assignment(u, "responsible") for u in names], True)
        # 会议原则同意，由县农业农村局修改完善后印发: an approval, then the unit the follow-up
        # is handed to
        if part.startswith("由") and offset and r.approval.search(body, skip, skip + offset - 1) and (
                not r.past.search(part)):
            names, end = leading_units(part[1:])
            # (原则通过《方案》，由X负责，按照…修改完善: a role word closes the part, the work
            # follows in the parts after it, in the role it states)
            word = opening_role_word(part[1 + end :]) if names else None
            if word and word == part[1 + end :] and skip + offset + len(part) + 2 < len(body):
                return Directive(skip + offset, [Assignment(u, r.role_word[word]) for u in names], True)
            if names and len(part) > end + 3:
                return Directive(skip + offset, [Assignment(u, "responsible") for u in names], True)
        # 对发现的问题，由县住建局负责督促整改: the cases, then the unit they are handed to
        if (part.startswith("由") and offset and _is_cases(body[skip : skip + offset].rstrip("，, "))
                and (handed := _handed_over(part[1:]))):
            return Directive(skip + offset, handed, True)
    if "完善" in body or "修" in body:
        for offset, part in each_comma_part(body[skip:]):
            if offset and r.approval_follow_up.match(part) and r.approval.search(body, skip, skip + offset - 1) and (
                    not r.past.search(part)):
                # 会议原则同意该方案，按会议精神修改完善后印发: the follow-up an approval asks
                # for, no one named
                return Directive(skip + offset, [], False)
    if found := _submission(body, skip) or _limited_submission(body, skip):
        return found
    # 按照督察组的要求，办理情况在5日内反馈到…: the standard followed, then the submission
    standard = r.standard_opening.match(body, skip)
    return (_submission(body, standard.end()) if standard else None) or _dated_action(body, skip)


def _closed_by_roles(rest: str) -> bool:
    """Does the clause after a trigger close with a part that only states roles (…，县城管局
    负责 / …，X牵头，Y配合), after a part of its own that is the work?"""
    parts = comma_parts(rest) if "，" in rest or "," in rest else []
    return len(parts) > 1 and bool(roles_sentence(parts[-1][1])) and roles_sentence(parts[0][1]) is None


def _labelled_addressees(text: str) -> tuple[list[Assignment], int] | None:
    """The addressees right after 责成/请/要求 behind a role label (责成牵头单位县环保局和各专责
    小组…): the label states the role of the body it stands before, those named after it are
    addressed all the same; and where the list ends. None when no label and units open it."""
    r = rules()
    if not (label := r.named_label.match(text)):
        return None
    addressees, end = leading_units(text[label.end() :])
    if not addressees:
        return None
    role = r.role_label[label.group()]
    return [Assignment(u, role if not i else "responsible") for i, u in enumerate(addressees)], label.end() + end


def _quoted(body: str, at: int) -> bool:
    """Does ``at`` stand inside a “…” quotation closed later in ``body`` (the words of a
    law or a rule a document cites)? A mark left open is no quotation."""
    opening = body.rfind("“", 0, at)
    return opening >= 0 and body.find("”", opening, at) < 0 and body.find("”", at) >= 0


_LIMIT_WORDS = "今年明年本年次年于在到 "  # what may stand beside a time limit alone in its part


def _limit_then_action(body: str, skip: int) -> Directive | None:
    """会议要求，8月底前，各市州制定实施方案 / …；12月底，建立排污口档案: in a directive run,
    a part holding only a time limit, then the units to act and what they are to do (or what
    is to be done, opening with a directive verb): a directive from the limit on."""
    first = next(each_comma_part(body[skip:]), None)
    if first is None or first[0] or not TIME_START.match(first[1]):
        return None
    part = first[1]
    deadline = find(part[:NEAR_TIME], None)
    if deadline is None or deadline.kind not in _LIMITS or part.replace(deadline.text, "", 1).strip(_LIMIT_WORDS):
        return None
    after = body[skip + len(part) + 1 :]
    units, end = leading_units(after[:REACH])
    rest = after[end:]
    if not rest[:1] or rest[:1] in TRAILING or rules().past.match(rest) or not (units or rules().weak_trigger.match(after)):
        return None
    return Directive(skip, [Assignment(u, "responsible") for u in units], bool(units))


def _dated_action(body: str, skip: int) -> Directive | None:
    """加大…整治，4月12日前完成…摸底 / 组织重点企业于12月底前开展自查: a clause opening with a
    measure's verb (after the standard it follows, 按照《…》，组织…) that sets a dated limit on an
    action (a day, month or year's end named, then the verb): a directive anywhere, no one
    named (a plan's or a notice's sentence of work, under any heading)."""
    r = rules()
    verb = skip if r.weak_trigger.match(body, skip) else skip + _after_opening(body[skip:], r.basis_opening)
    if not r.weak_trigger.match(body, verb) or r.past.search(body, skip):
        return None
    for offset, part in each_comma_part(body[verb:]):
        if offset and not TIME_START.match(part):
            continue  # (a later part opens with its limit; in the verb's own part 于/在 opens it)
        limit = find(part if not offset else part[:NEAR_TIME], None)
        at = part.find(limit.text) if limit is not None and limit.kind == "by" and _DATED.search(limit.text) else -1
        if at >= 0 and (offset or part.endswith(("于", "在"), 0, at)) and r.weak_trigger.match(part, at + len(limit.text)):
            return Directive(skip, [], False)
    return None


# a limit naming a month or a year's end (4月12日前, 6月底前, 2018年底前), not a span (3个月内)
_DATED = re.compile(r"\d{1,2}月|年底|年末|年内")


def _named_before(body: str, trigger: int) -> list[str]:
    """The units opening the parts of ``body``'s sentence before ``trigger`` (由X负责的第2件、
    Y负责的第7件进展滞后，请以上责任单位…: 请 points back to X and Y), in the order named."""
    start = max(body.rfind(end, 0, trigger) for end in SENTENCE_END) + 1
    names = [name for part in _PARTS.split(body[start:trigger])
             for name in leading_units(part[1:] if part.startswith("由") else part)[0]]
    return list(dict.fromkeys(name for name in names if not is_vague(name)))


_PARTS = re.compile(r"[，,、；;]")


@cache
def _directive_words() -> re.Pattern[str] | None:
    """Words one of which every clause outside a directive run and without a lead-in holds
    if ``directive`` reads it as one: those of a trigger, an addressing verb, a role, a time
    limit (by a time or recurring), 由, the 于/在 of a submission and the follow-up an
    approval asks for (修改完善后印发). One scan rejects the clauses without any, where the
    readings would each scan them in turn; None when some pattern's words cannot be told
    (every clause is then read)."""
    r = rules()
    words = {"由"}
    for pattern in (r.strong_trigger, r.addressing_verb, r.role_stated, needed("by"), needed("recurring"), _AT,
                    r.approval_follow_up):
        if pattern is None or (needs := needed_words(pattern)) is None:
            return None
        words |= needs
    # a word holding a shorter one is found by it
    words = {w for w in words if not any(v != w and v in w for v in words)}
    return re.compile(alternation(words))


TOPIC_WORDS = 8  # 水泥行业, 重点工业企业: the longest subject read as a topic before a verb


def _topic_then_action(body: str, skip: int) -> int | None:
    """方案要求，水泥行业加快超低排放改造: after a lead-in, a short subject that is no unit (a
    sector, 重点企业) and the verb of a measure; where the verb starts, else None."""
    # tried at each position (a bounded search would cut the verb's look ahead short)
    at = next((i for i in range(skip + 2, min(len(body), skip + TOPIC_WORDS + 1))
               if rules().weak_trigger.match(body, i)), None)
    if at is None or not _TOPIC.fullmatch(body, skip, at) or not _topic(body[skip:at]) or _is_cases(body[skip:at]):
        return None  # (针对督导发现问题: the cases a directive after it deals with, no topic of a measure)
    units, end = leading_units(body[skip:at])
    if units and at - skip - end <= _ADVERB:
        return None  # 县环保局继续开展巡查: units, not a topic, open it (read as addressees)
    return at


_ADVERB = 2  # characters: an adverb between addressees and their verb (继续, 同时)


_TOPIC = re.compile(rf"[\u4e00-\u9fff]{{2,{TOPIC_WORDS}}}")


def _addressed_action(text: str) -> tuple[list[str], int] | None:
    """The units opening a clause and where what they are to do starts (县住建局、县城管局
    严格按照方案执行巡查), when an action follows them: not a role word's list of units, not
    what they did or attended (负责同志参加…, 汇报了…). A vague addressee (各地各部门明确
    分工…) opens it too, with no units."""
    units, end = leading_units(text)
    if not units:
        end = _vague_opening(text)  # 会议要求，各地各部门明确分工…: addressed, to no unit
    rest = text[end:]
    if (not end or len(rest) < 4 or not "\u4e00" <= rest[:1] <= "\u9fff" or rest[0] in "的等"
            or rules().past.search(rest) or rules().collective_not_acting.match(rest)
            or opening_role_word(rest)):  # 县环保局牵头，各乡镇配合，…: role parts, read as such
        return None
    return units, end


def _handed_over(text: str) -> list[Assignment] | None:
    """由X、Y等单位负责加强…: units, a role word and the action right after it, not work
    reported as done; their roles, else None."""
    units, end = leading_units(text)
    rest = re.sub(r"^等(?:[\u4e00-\u9fff]{0,2}(?:单位|部门))?", "", text[end:])  # …等单位负责
    word = opening_role_word(rest) if units else None
    if word is None:
        return None
    action = rest[len(word) :]
    if len(action) < 2 or action[0] in TRAILING or rules().past.search(action):
        return None
    if roles_sentence(text) is not None:
        return None  # 由X牵头组织，Y具体实施: roles only, no action
    return [Assignment(u, rules().role_word[word]) for u in units]


UNITS_SENTENCE = re.compile(r"([^。．.；;，,：:]{2,40})[。．.](?=[\u4e00-\u9fff])")  # 区住建局。排查…
LABEL_REACH = 8  # characters: no role label is longer (with its colon)
HEADING_THEN_HANDED = re.compile(r"[^：:，,。；;]+[：:](?=由)")  # an enumerated heading, then 由X…
# 要求以问题为导向 / 要求围绕… / 要求根据审议意见修改完善后印发: a guide or a standard to take
_AS_GUIDE = re.compile(r"以[^，,。；;]{1,12}为|围绕|紧扣|对照|按照|根据|依据|依照")


def _timed_assignment(body: str, skip: int, in_run: bool) -> Directive | None:
    """各乡镇于10月10日前报送… / 要求各乡镇于…前报送…: addressees, then a time limit and what
    to do, without a trigger word. Named units make it a directive anywhere it does not
    report work done; vague ones (各单位) only inside a directive run."""
    if (by := needed("by")) is not None and not by.search(body, skip):
        return None  # no time limit anywhere after the lead-in: no addressees are read
    if not may_end_a_list(body, TIME_START, skip):
        return None  # no name ends where a time limit could open: no addressees are read
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


_PREDICATE_END = "，,。；;、"  # a mark right after a verb: it was said of something (要求严格，), no action
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
        deadline = find(rest[:NEAR_TIME], None)
        after = rest[rest.find(deadline.text) + len(deadline.text) :]
        if r.submitting.match(after) and not r.past.search(head, 0, m.start() + len(rest)):
            subject = head[: m.start()].strip()
            units, end = leading_units(subject)
            if units and end < len(subject) and subject.startswith("将", end):
                # 各乡镇将整改报告于… / 县河长办将在每月月底…: the units, then what they are
                # to hand in from the 将 on
                at = len(head[:m.start()]) - len(head[:m.start()].lstrip()) + end
                return Directive(skip + at, [Assignment(u, "responsible") for u in units], True)
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
    stands before its verb (要按照…工作要求，坚决… is a directive), the verb is a standard
    followed or carried out (各乡镇按照要求，组织… / 认真落实市委决策部署，…: no one speaks),
    or it puts the numbered lines after it as requirements (并提出以下工作要求，)."""
    r = rules()
    if r.lead_in_words is not None and not r.lead_in_words.search(text):
        return None  # most clauses hold none of its verbs: the pattern's bounded look is not tried
    lead = r.lead_in.match(text)
    if lead is None or r.strong_trigger.search(lead.group()) or r.according.search(lead.group()[:-1]) or (
            r.carried_out.search(lead.group()[:-1])):
        return None
    if lead.group()[-1] in "，," and r.requirements_put.search(lead.group()):
        return None  # …印发你们，结合实际提出如下工作要求，望…: the requirements are the items after its line
    return lead


def _after_last_comma(text: str) -> str:
    """What follows the last comma (either width) of ``text``; all of it without one."""
    return text[max(text.rfind("，"), text.rfind(",")) + 1 :]


def _topic(zone: str) -> bool:
    """Is the zone before a trigger a short subject (成员单位 / 日常工作), not a clause
    of its own or a condition (能立即整改的)?"""
    tail = _after_last_comma(zone).strip()
    return 0 < len(tail) <= rules().topic_max_length and not tail.endswith("的")


def _topic_directive(text: str) -> int | None:
    """Where the directive of a clause after ； starts when a short stretch naming a thing
    opens it, then its own trigger word (沟渠两侧的杂草要及时清运 → at 要); None when the
    stretch is a clause, a condition or cases of its own (对逾期的，要… / 能整改的要…)."""
    r = rules()
    m = r.strong_trigger.search(text, 0, REACH + 1)
    if m is None or m.group() in r.addressing or m.start() == 0:
        return None
    zone = text[: m.start()]
    if COMMA.search(zone) or _is_cases(zone) or clause_rules().condition_before.search(zone) or _is_time_limit(zone):
        return None
    return m.start()


def _cases_or_time(zone: str) -> bool:
    """Does the stretch before a trigger end with the cases it deals with or its time limit
    (…能立即整改的要… / 对于逾期的，要… / …，8月底前必须…), which name no addressee?"""
    parts = [p.strip() for p in COMMA.split(rules().subject_tail.sub("", zone.strip()))]
    last = parts[-1] or (parts[-2] if len(parts) > 1 else "")
    return bool(last) and (_is_cases(last) or _is_time_limit(last))


def _is_cases(text: str) -> bool:
    """对不应建设的项目 / 对于逾期未整改的: the cases a directive deals with."""
    return bool(rules().cases_opening.match(text))


def _after_cases(text: str) -> int:
    """Where the action starts after the cases ``text`` opens with, set off by a comma
    (对已完成整改的问题，立即组织核查 → at 立即); 0 when it opens with none."""
    return _after_opening(text, rules().cases_opening)


def _after_opening(text: str, opening: re.Pattern[str]) -> int:
    """Where the action starts after a part ``opening`` matches, set off by a comma; 0 when
    ``text`` opens with no such part."""
    first = COMMA.split(text, maxsplit=1)
    return len(first[0]) + 1 if len(first) > 1 and opening.match(first[0]) else 0


def _is_time_limit(text: str) -> bool:
    return resolve(text, None) is not None


def _transmitted(text: str, trigger: int) -> bool:
    """现将《X》印发给你们，请认真贯彻执行: does the 请 at ``trigger`` follow the words
    handing the notice's document over? It then asks the notice's addressees."""
    return rules().transmittal.search(text, max(0, trigger - NEAR_TIME), trigger) is not None


def _sets_time_limit(text: str) -> bool:
    """请于6月底前报送… : a 请 whose addressee is the notice's own (unnamed) but which sets
    a time limit assigns work; a bare 请认真贯彻执行 does not."""
    deadline = find(text, None)
    return deadline is not None and deadline.kind == "by"


def _hands_in_by_a_limit(text: str) -> bool:
    """请按时将…汇总，于每日10时前报… : a 请 whose addressee is the notice's own that asks
    for something handed in by a time limit, a recurring one too, however far into the
    clause the limit stands."""
    deadline = find(text, None)
    if deadline is None or deadline.kind not in _LIMITS or (at := text.find(deadline.text)) < 0:
        return False
    return rules().submitting.match(text[at + len(deadline.text) :]) is not None  # (anchored at ^)


# Work due, named by what was to be done with it (应于7月底前完成的185家企业 / 应整改的问题)
DUE_WORK = re.compile("(?:完成|整改|办结|建成|关停|淘汰|拆除|销号)的")


def _part_end(text: str, at: int) -> int:
    """Where the comma part of ``text`` that holds ``at`` ends."""
    m = _PART_BREAK.search(text, at)
    return m.start() if m else len(text)


def split_directives(text: str, in_run: bool, orgs: OrgEnds | None = None, at: int = 0, *,
                     lead: re.Match[str] | None | object = UNREAD) -> list[tuple[int, int, Directive]]:
    """The directives of a clause as (start, end, directive): a new subject with its own
    trigger after a comma opens a new task (…，市大气办要统筹调度，各成员单位要抓好落实),
    and so does a second time limit with its own deliverable (于10月10日前报送A，11月
    26日前报送B: the same addressees)."""
    first = directive(text, in_run, orgs, at, lead=lead)
    if first is None:
        return []
    out: list[tuple[int, int, Directive]] = []
    if in_run and first.units and (cut := max(text.rfind("，", 0, first.trigger), text.rfind(",", 0, first.trigger))) > 0:
        # 加大巡查力度，县大气办要统筹调度: in a run of directives, the measure before the part
        # that names a new addressee is a task of its own
        subject = text[cut + 1 : first.trigger]
        if subject.strip() and all(u.name in subject for u in first.units) and (
                head := directive(text[:cut], in_run, orgs, at)) is not None and not head.units:
            out.append((head.trigger, cut, head))
    elif first.trigger > 0 and TIME_START.match(text) and (opening := next(each_comma_part(text), None)) and (
            cut := opening[0] + len(opening[1])) <= first.trigger and _dated_opening(opening[1]):
        # 11月底前完成水源地整治，不能按期完成的，各县应…: the work the clause opens with by a
        # dated limit is a task of its own before the directive after it
        out.append((opening[0], cut, Directive(opening[0], [], False)))
    start, current = first.trigger, first
    previous = None  # the comma part before, when it opens after the directive's start
    for offset, part in comma_parts(text):
        if offset <= start:
            continue
        scope, previous = previous, (offset, part)
        if _speaks(part):
            out.append((start, offset, current))
            after = offset + len(part) + 1
            if after >= len(text):
                return out  # …，周文涛要求 (the points it leads in a clause of their own after it)
            # …，他强调，要…: who speaks closes the directive before and opens the next
            if (led := directive(text[after:], True, orgs, at + after)) is None:
                return out
            start, current = after + led.trigger, led
            continue
        d = directive(part, False, orgs, at + offset)
        if d is None and text[offset - 1 : offset] in "；;" and rules().enumeration.match(part):
            # 一是X继续巡查；二是Y做好宣传: a numbered item after a semicolon is an item of the
            # same run, read as such
            d = directive(part, True, orgs, at + offset)
            d = d and replace(d, addressed=True)
        if d is not None and d.addressed and d.trigger > 0 and not _role_alone(text[start:offset]):
            # (…落实禁烧规定，除已划定禁烧区的甲、乙外，其他县须…: the exception scopes the
            # subject after it, no part of the directive before)
            end = scope[0] if scope and _EXCEPTION.fullmatch(scope[1]) else offset
            out.append((start, end, current))
            start, current = offset + d.trigger, d
        elif (opens := _second_limit(part)) is not None and (
                (before := find(text[start:offset], None)) is not None and (
                    before.kind in _LIMITS or opens and not rules().completes_first.search(part))
                or opens and _HANDED.search(text, start, offset) and rules().submitting.match(part[opens:])):
            # 于10月10日前报送A，11月26日前报送B / 尽快制定A，并于每季度末报告B: two deliverables
            # with two limits (抓紧制定A，于9月30日前印发 is one, at the pace of the first and by
            # the day of the second; so is 立即整改，并于5月20日前整改到位, the second limit the
            # day the first work is done by); 请各乡镇将A报送县大气办，并于11月26日前将B报送…: a
            # report handed in, then another by a limit of its own, the first with no limit
            out.append((start, offset, current))
            start, current = offset + opens, Directive(0, current.units, False)
    out.append((start, len(text), current))
    return out


_EXCEPTION = re.compile("除[^，,。；;]{1,40}外")  # 除已划定禁烧区的甲、乙外 (之外 too)


def _speaks(part: str) -> bool:
    """Is a comma part only who speaks and the verb (周文涛要求 / 他强调 / 会议还指出)?"""
    m = rules().speaker_part.match(part)
    return m is not None and (m["body"] is not None or unit_rules().person.match(m["who"]) is not None)


def _roles_before(text: str) -> list[Assignment]:
    """The units the comma parts closing ``text`` name with their roles (县农业局牵头， /
    县发改局作为牵头单位，县财政局配合，), [] when the last part states none."""
    if not text.endswith(("，", ",")):
        return []  # (checked first: a trigger mostly follows its subject, not a comma)
    stated: list[Assignment] = []
    for _, part in reversed(comma_parts(text)):
        found = role_part(part)
        if not found:
            break
        stated = found + stated
    return stated


def _assigned_with_limit(text: str) -> list[Assignment]:
    """The units of a sentence that states units and roles, then work with a time limit,
    not reported done (X牵头，Y配合，10月底前完成…); [] for any other, and where the limit
    alone or another role closes it (…，6月底前完成 / …，市大气办督导: roles only)."""
    r = rules()
    if not r.role_stated.search(text) or r.past.search(text) or not _sets_time_limit(text):
        return []
    roles, end = leading_roles(text)
    parts = comma_parts(text)
    if not roles or len(parts) < 2:
        return []
    last = parts[-1][1]
    if not text[end:].strip() and (limit_alone(last) or role_part(last)):
        return []
    return _with_co_actors(roles, text)


def _role_alone(part: str) -> bool:
    """Is a directive's part only its addressees' role (县农业局要牵头，县公安局要配合，开展…)?
    The next addressees' part then states theirs, and the work both are given follows: one
    task."""
    body = part.rstrip("，, ")
    trigger = rules().strong_trigger.match(body)
    return trigger is not None and opening_role_word(body[trigger.end():]) == body[trigger.end():]


def _dated_deliverables(text: str) -> list[tuple[int, str]]:
    """The deliverables of an item's text with a dated limit each, as (offset, text): its
    ；-parts, and within a part each comma part opening with a limit of its own and what is
    due by it (…，2019年底前掌握A，2020年底前完成B), where every piece sets a dated limit;
    [] for any other text (one deliverable, or parts without a limit of their own)."""
    if "；" not in text and ";" not in text:
        return _dated_sentences(text) if "。" in text else []
    pieces: list[tuple[int, str]] = []
    for at, part in spans_outside_parentheses(text, "；;", blank=False):
        start = 0
        for offset, comma_part in comma_parts(part):
            if offset and _second_limit(comma_part) is not None and _dated_limit(part[start:offset]):
                pieces.append((at + start, part[start:offset].rstrip("，, ")))
                start = offset
        pieces.append((at + start, part[start:].strip()))
    return pieces if len(pieces) > 1 and all(_dated_limit(piece) for _, piece in pieces) else []


def _dated_sentences(text: str) -> list[tuple[int, str]]:
    """The deliverables of an item's sentences, as (offset, text), where two or more open
    with a dated limit of their own (建立监测网络。2017年年底前，完成A。2020年10月底前，完成B。):
    each such sentence opens a piece once the piece before it has a limit, the sentences
    before the first and those after each going with it; [] for any other text."""
    pieces: list[list] = []  # [start, end, whether it sets a dated limit]
    for at, sentence in spans_outside_parentheses(text, "。", blank=False):
        opening = COMMA.split(sentence, maxsplit=1)[0]
        if pieces and pieces[-1][2] and TIME_START.match(sentence.lstrip()) and _dated_limit(opening):
            pieces.append([at, at + len(sentence), True])
        elif pieces:
            pieces[-1][1:] = [at + len(sentence), pieces[-1][2] or _dated_limit(sentence)]
        else:
            pieces.append([at, at + len(sentence), _dated_limit(sentence)])
    return [(start, text[start:end].strip()) for start, end, _ in pieces] if len(pieces) > 1 else []


def _dated_limit(text: str) -> bool:
    """Does ``text`` set a limit naming a month or a year's end (2018年底前 / 9月30日前)?"""
    limit = find(text, None)
    return limit is not None and limit.kind == "by" and _DATED.search(limit.text) is not None


def _second_limit(part: str) -> int | None:
    """Where a part that opens with a time limit of its own and a deliverable starts it
    (11月26日前报送B / 并于每季度末向市政府报告…), after a 并, or after the step or event
    it waits for (经分管领导审核后于2月7日前报送B / 并在行动结束后5日内将B报送); None for any
    other part."""
    opens = 1 if part.startswith("并") else 0
    rest = part[opens:]
    if (step := _STEP_BEFORE_LIMIT.match(rest)) and _opens_with_time_limit(rest[step.end():]):
        return opens  # 经分管领导审核后于2月7日前报送B: the step before it, then its own limit
    if not TIME_START.match(rest):
        return None
    if _opens_with_time_limit(rest):
        return opens
    deadline = find(rest[:NEAR_TIME], None)
    if deadline is None or deadline.kind != "recurring" or rest.find(deadline.text) < 0:
        return None
    at = rest.find(deadline.text)
    return opens if not rest[:at].strip("于在 ") and len(rest) > at + len(deadline.text) + 1 else None


# (经分管领导审核后于2月7日前 / 在预警解除后2日内 / 于整改完成后3个工作日内: the step or the
# event the limit counts from)
_STEP_BEFORE_LIMIT = re.compile(r"(?:经|在|待|于)[^，,。；;]{1,24}?(?:后|以后|之后)(?=[于在]?\s*[\d一二三四五六七八九十本下今明次年月每])")


def _limit_then_completion(text: str) -> int | None:
    """0 when the sentence's first part is only a time limit and the rest names what is to
    be completed by then (6月底前，全县完成22个村庄的治理任务); None otherwise."""
    first = next(each_comma_part(text), None)
    if first is None or not TIME_START.match(first[1]) or not COMPLETING.search(text, len(first[1])):
        return None
    deadline = find(first[1], None)
    if deadline is None or deadline.kind != "by" or placeholder_year_opening().sub(
            "", first[1].replace(deadline.text, "", 1)).strip(_LIMIT_WORDS):
        return None  # (the year a template leaves open before it: 20xx年11月底前)
    return 0 if _completes_something(text) and not rules().past.search(text) else None


def _dated_opening(part: str) -> bool:
    """Is ``part`` a dated limit and the work due by it (11月底前完成水源地整治), not work
    reported done nor cases (…完成的)?"""
    if not _opens_with_time_limit(part) or "的" in part and (part.rstrip().endswith("的") or DUE_WORK.search(part)) or (
            rules().past.search(part)):
        return False  # (8月底前完成的项目，要…: the work due names the cases)
    limit = find(part[:NEAR_TIME], None)
    after = part.find(limit.text) + len(limit.text)
    return bool(_DATED.search(limit.text)) and (COMPLETING.match(part, after) or rules().weak_trigger.match(part, after)) is not None


def _opens_with_time_limit(part: str) -> bool:
    """Does the part open with a time limit followed by what to do (11月26日前报送…)?"""
    if not TIME_START.match(part):
        return False
    deadline = find(part[:NEAR_TIME], None)
    if deadline is None or deadline.kind != "by":
        return False
    at = part.find(deadline.text)
    return at >= 0 and not part[: at].strip("于在 ") and len(part) > at + len(deadline.text) + 1


# a span or a start of time before the part opening with the limit (三年行动过程中，每季度报送… /
# 自2019年1月起，每单月10日前将…报送…)
_DURING = re.compile("(?:中|期间|之内|内|起)$")
_LIMITS = ("recurring", "by")
_HANDED = re.compile("报|提交|反馈|回复")  # the verbs of handing in (报送/上报/报告/报) that submitting needs
_HANDS_IN = re.compile("将|书面|正式|分别|上报|报|提交|反馈|回复")  # right after a limit (and its units): 报 opens 报送, 报告


def _limited_submission(body: str, skip: int) -> Directive | None:
    """每季度报送一次工作进展情况 / 行动期间，每月5日前上报… / 每年1月10日前，各镇河长办将总结
    报送县河长办 / 12月底前，各省将清单报生态环境部: a part opening with a time limit (recurring
    or by a day) and a deliverable handed in — in the part, or by the units opening the next
    where the limit stands alone — alone or after a span or start of time, assigns the reports
    (a notice's sentence, the addressee named or not)."""
    if not _HANDED.search(body, skip) or (screen := needed()) is not None and not screen.search(body, skip):
        return None  # most clauses hand nothing in, or name no time limit: a scan each
    r = rules()
    for offset, part in islice(each_comma_part(body[skip:]), 2):  # the rest of the clause is not split
        if offset and not _DURING.search(body[skip:skip + offset].rstrip("，, ")):
            return None
        deadline = find(part[:NEAR_TIME], None)
        if deadline is None or deadline.kind not in _LIMITS:
            continue
        # the limit opens the part, or closes it after the event it counts from (收到通知后
        # 5个工作日内，各乡镇将…)
        alone = part.endswith(deadline.text)  # the part holds nothing after the limit
        if not part.startswith(deadline.text) and not (alone and _AFTER_EVENT.search(part[: -len(deadline.text)])):
            continue
        at = skip + offset + (len(part) if alone else len(deadline.text))
        names: list[str] = []
        if alone:
            # 每年1月10日前，各省（自治区、直辖市）河长制办公室将…: the units opening the next
            # part hand it in (a name longer than what the verb's look back spans)
            at += len(body) - at - len(body[at:].lstrip("，, "))
            names, end = leading_units(body[at : at + REACH])
            at += end
        if (alone or deadline.kind == "by") and not _HANDS_IN.match(body, at):
            continue  # 年底前，围绕《政府工作报告》…开展督查: a verb of handing in, right there, or none
        handed = r.submitting.match(body[at:])
        if handed and not r.past.search(body, skip + offset, at + handed.end()):
            if not names:
                names, _ = leading_units(handed.group().lstrip("，, "))
            return Directive(skip + offset, [Assignment(u, "responsible") for u in names], bool(names))
    return None


def _subject(zone: str, orgs: OrgEnds | None = None, at: int = 0) -> list[str] | None:
    """Units of the subject before a trigger; None when the zone is no subject. ``at``:
    where the zone stands in the document whose names ``orgs`` holds."""
    r = rules()
    if "：" in zone or ":" in zone:
        # 特别提醒：各乡镇要… / 下一步工作：各乡镇要…: what stands before a colon heads the
        # sentence, the subject follows it
        cut = max(zone.rfind("："), zone.rfind(":")) + 1
        if not zone[cut:].strip() and ends_like_unit(head := _after_last_comma(zone[: cut - 1])) and (
                heading := units_in(head)):
            return heading  # 县生态环境分局：要…；要…: the units heading the directives
        zone, at = zone[cut:], at + cut
    at += len(zone) - len(zone.lstrip())
    zone = r.subject_tail.sub("", zone.strip())
    end = at + len(zone)  # where the subject ends in the document
    if not zone:
        return []
    if (asked := _addressed_after(zone)) is not None:
        return asked  # 会议要求各街道要…: the addressees of 要求 are the subject
    head, comma, tail = max(zone.rpartition("，"), zone.rpartition(","), key=lambda p: len(p[0]))
    if comma and (listed := _comma_listed(zone)):
        return listed  # 各乡镇人民政府，县政府各有关部门，各有关企业要…: the addressee line repeated
    if comma:
        tail = r.subject_tail.sub("", tail.strip())
        if not tail:
            # an adverbial before the comma (整改任务完成后，要…) or the cases the
            # directive deals with (对于逾期未整改的，要…), not a condition on third
            # parties (已获授权的，应…)
            last = _after_last_comma(head).strip()
            if (bearer := r.subject_is.match(last) or r.subject_during.match(last)) and (
                    units := units_in(bearer.group("units"))):
                # 各县区政府是…的责任主体，要… / 各乡镇在抓好秋收的同时，要…: the bearers are the subject
                return units
            if ends_like_unit(last) and (units := units_in(last)):
                return units  # 县攻坚办、县农业农村局等相关单位，要…: the addressees set off by a comma
            return None if last.endswith("的") and not _is_cases(last) else []
        zone = tail
    if _is_cases(zone) or _is_time_limit(zone):
        return []  # 对不应建设的项目要… / …的，2005年8月底以前必须…: no subject
    if TIME_START.match(zone) and (limit := find(zone, None)) and limit.kind == "by" and (
            (cut := zone.find(limit.text)) >= 0 and not zone[:cut].strip("于在 ")):
        zone = zone[cut + len(limit.text):]  # 本周内各县区要… / 6月底前各乡镇要…: the time, then the subject
        if not zone.strip():
            return []
    found = _units_ending(zone, end, orgs)  # [] for a vague subject (汛期，各类工地要…): still a directive
    if found is None and (r.qualified_vague.search(zone) or r.acting_kind.match(zone) or r.role_bearers.match(zone)):
        # 专项行动涉及的有关部门和单位要… / 施工企业要… / 牵头单位要…: vague bodies, those who act
        # by kind or by their part in the work
        return []
    if found is None and (cases := next((m.start() for m in _CASES_WORD.finditer(zone, 2)
                                         if r.cases_opening.match(zone[m.start():])), None)):
        # 各乡镇对排查出的问题要… / 分管领导对牵头的任务要…: the subject, then the cases the
        # directive deals with
        head = zone[:cases]
        if (named := units_in(head)) is not None:
            return named
        if r.post_holders.fullmatch(head):
            return []
    if found is None and _CASES_WORD.match(zone) and (units := _units_after_cases(zone)):
        return units  # 对退耕还林工作县农业局、县林业局要…: what it deals with, then the subject
    if found is None and (collective := glued_collective(zone)):
        # 重要提醒各乡镇要… / 一、工作措施各村要…: a heading glued to the collectives that are
        # the subject (the space between them lost)
        return collective
    if found is None and _AFTER_EVENT.search(zone):
        # 每次巡河结束后都要… / 县环保局接到通知后要…: a time the directive applies from ends
        # the zone, the units opening it (if any) are the subject
        return leading_units(zone)[0]
    return found


_CASES_WORD = re.compile("针对|对于|对")  # where the cases a directive deals with may start after its subject
_CASES_CLOSING = re.compile("工作|问题|项目|任务|事项|工程")  # what the cases are: the subject may follow them


def _units_after_cases(zone: str) -> list[str]:
    """The units a stretch opening with what a directive deals with closes with: its
    subject, after the thing named (对退耕还林工作县农业局、县林业局要…); [] when none
    follow it."""
    for m in _CASES_CLOSING.finditer(zone):
        if (rest := zone[m.end() :].strip()) and (units := units_in(rest)):
            return units
    return []


_AFTER_EVENT = re.compile(r"[\u4e00-\u9fff](?:之后|以后|后)$")  # 巡河结束后 / 接到通知后 / 今后


LISTED_MIN = 2  # units among the parts of a subject listed with commas
LISTED_PART = 20  # characters: the longest addressee a listed subject names


def _comma_listed(zone: str) -> list[str] | None:
    """The units of a subject that lists its addressees with commas, as a notice's addressee
    line does (各乡镇人民政府，县政府各有关部门，各有关企业要…): every part units or a
    collective opening with 各 (各有关企业: no unit, left out), two of them units at least;
    else None."""
    parts = [p.strip() for p in COMMA.split(zone)]
    if len(parts) < LISTED_MIN or any(len(p) > LISTED_PART for p in parts):
        return None
    found: list[str] = []
    for part in parts:
        units = units_in(part)
        if units:
            found += units
        elif not part.startswith("各"):
            return None
    return found if len(found) >= LISTED_MIN else None



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


def _vague_opening(text: str) -> int:
    """The length of the vague addressee opening ``text`` (各地各部门 of 各地各部门明确分工…,
    相关部门 of 相关部门加强…), the longest one; 0 when it opens with none (动员全县各方面
    力量…: an action, whatever 全县各方 would be)."""
    if not text.startswith(("各", "相关", "有关")):
        return 0
    return next((n for n in range(min(len(text), 10), 1, -1)
                 if text[:n].endswith(("部门", "单位", "地", "级")) and is_vague(text[:n])), 0)


# A set phrase that is a part of its own before the action (高度重视，… / 举一反三，…).
_SET_PHRASE_END = re.compile(r"[^，,。；;：:]{2,6}[，,]\s*")
# 举一反三、彻查彻改，: two or three set phrases of four characters, listed (one alone, 逐点登记，,
# may be the work itself)
_SET_PHRASES = re.compile(r"[\u4e00-\u9fff]{4}(?:、[\u4e00-\u9fff]{4}){1,2}[，,]\s*")


def _vague_addressee(text: str) -> bool:
    return any(is_vague(text[:n]) for n in range(2, min(len(text), 8) + 1))


def _split_roles(units: list[Assignment], rest: str) -> list[Assignment]:
    """Addressees are lead where the directive names partners (要牵头… / 会同X / X配合)
    and no other lead; units it names with their own role keep that role."""
    r = rules()
    if (word := opening_role_word(rest)) and r.role_word[word] == "support" and (
            helped := leading_units(rest[len(word):])[0]):
        # 要配合市生态环境局加强… : the addressee supports, the one it helps leads (要主动配合、
        # 互相配合 names no one helped: the addressees stay responsible)
        units = [Assignment(u.name, "support") for u in units]
        return merge(units, [Assignment(u, "lead") for u in helped])
    partners: list[Assignment] = []
    if r.partner.match(rest):
        names, _ = leading_units(r.partner.sub("", rest, count=1))
        partners = [Assignment(u, "support") for u in names]
    partners += stated_roles(rest)
    has_lead = any(p.role == "lead" for p in partners)
    # (a body named responsible beside them, 县水务局负责督查, helps no one: both answer for the task)
    if (rest.startswith("牵头") or any(p.role == "support" for p in partners) or r.leading_work.search(rest)) and not has_lead:
        units = [Assignment(u.name, "lead") for u in units]
    return merge(units, partners)


# ---------------------------------------------------------------- assembling


def tasks_of(document: Document, segmentation: Segmentation | None = None, anchor: date | None = None,
             orgs: Iterable[tuple[int, int]] | None = None, *, day_known: bool = True) -> list[Task]:
    """The tasks of a normalized document. ``orgs``: where the organisation recognizer
    found names in ``document.text`` (start, end: ``doc.spans["orgs"]``); the subjects of
    directives are read from them, and without them from the text alone. ``day_known``:
    ``anchor`` is the document's own date, not the start of the year it names for itself
    (limits counted from its day, 5个工作日内 / 每月5日前, then have no date)."""
    seg = segmentation or segment(document)
    text = document.text  # a property that joins the blocks: read once
    ends = None if orgs is None else {end: (start, text[start:end]) for start, end in sorted(orgs, reverse=True)}
    flattened, spans = flattened_tables(text, anchor)
    clauses = [f for f in _from_clauses(seg, anchor, ends, document.title, spans)
               if not any(a <= f.start < b for a, b in spans) and not _captions(text, f, spans)]
    found = _merge_table_rows(clauses, from_tables(seg, anchor) + flattened) or unheaded_rows(text, anchor)
    _cells_of_items(found, text, anchor)
    found.sort(key=lambda f: f.start)
    if anchor is None:
        _date_by_stated_year(found)
    elif not day_known:
        for f in found:
            if f.deadline and f.deadline.date and counted_from_the_day(f.deadline):
                f.deadline = replace(f.deadline, date=None)  # 5个工作日内 of a notice dated only by its year
    if note := rules().first_listed_note.search(text):  # once over the text: most documents say nothing so
        # (the tasks' own lists, before a blanket adds who carries out every task: 以下均需各县落实)
        parted = ("；;" if rules().semicolon_lead_note.fullmatch(note.group())
                  else "，,；;" if rules().front_lead_note.fullmatch(note.group()) else None)
        _first_listed_leads(found, text, parted, set(_notice_addressees(seg.clauses)))
    _apply_blankets(seg, found)
    _apply_time_blankets(seg, found, anchor)
    _apply_list_limit(seg, found)
    names = {name for _, name in ends.values()} if ends else set()
    out = []
    seen: dict[tuple[str, str], int] = {}  # a task's line and words -> where that line starts
    line_at: dict[int, str] = {}  # where a line starts -> the line, cut once
    # the lines long tasks were kept from, by their opening (a repost's cut copy of a line
    # opens as the line does), and the tasks kept from each
    lines_read: dict[str, list[str]] = {}
    tasks_read: dict[str, list[str]] = {}
    breaks = [m.start() for m in re.finditer("\n", text)] if len(found) > 1 else []
    for f in found:
        task_text = _unbroken(f.text) if "\n" in f.text else f.text
        if (len(task_text) < MIN_TASK or (names and _names_only(task_text, names))
                or len(task_text) <= KIND_MAX and rules().document_kind.fullmatch(task_text)
                or _TIME_ONLY.fullmatch(task_text)):
            # 做 where the page ends: no action is one character long; 清单: a title's tail; a
            # time span alone (一、时间安排 / 2017年10月25至11月25日。): no work
            continue
        if len(task_text) >= REPEAT_MIN:
            # a repost that prints its notice twice: the same line again gives the same
            # task once (a line repeating a sentence is read whole: each repetition counts)
            i = bisect_left(breaks, f.start)  # the line break after the task's start
            line_start = breaks[i - 1] + 1 if i else 0
            if (line := line_at.get(line_start)) is None:
                line = line_at[line_start] = text[line_start : breaks[i] if i < len(breaks) else len(text)]
            if seen.setdefault((line, task_text), line_start) != line_start:
                continue
            if any(_cut_copy(line, earlier) and any(_cut_copy(task_text, task) for task in tasks_read[earlier])
                   for earlier in lines_read.get(line[:REPEAT_MIN], ())):
                # …是全年工作的重点， where the first print goes on: the second print of a line
                # the page cut short, its task the start of one read there
                continue
            if line not in tasks_read:
                lines_read.setdefault(line[:REPEAT_MIN], []).append(line)
            tasks_read.setdefault(line, []).append(task_text)
        out.append(Task(text=task_text, units=f.units, deadline=f.deadline))
    return out


def _cut_copy(text: str, whole: str) -> bool:
    """Is ``text`` the start of ``whole``, cut short?"""
    return len(text) < len(whole) and whole.startswith(text)


_STATED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_MONTH_FIRST = re.compile(r"[于在]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月")  # 10月20日前, not 本周内


def _date_by_stated_year(found: list[Found]) -> None:
    """A page without its head (no date to count from) whose time limits name a year
    (…于2007年9月10日前报送…) dates its other month-day limits (10月20日前) in that year:
    the first year a limit states, from its first day. Limits counted from the document's
    date (本周内, 5个工作日内) stay undated."""
    year = next((int(m.group(1)) for f in found if f.deadline and f.deadline.date
                 and (m := _STATED_YEAR.search(f.deadline.text))), None)
    if year is None:
        return
    for f in found:
        if f.deadline and f.deadline.date is None and f.deadline.kind == "by" and _MONTH_FIRST.match(f.deadline.text):
            f.deadline = resolve(f.deadline.text, date(year, 1, 1)) or f.deadline


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


def _first_listed_leads(found: list[Found], text: str, parted: str | None,
                        addressees: set[str] = frozenset()) -> None:
    """In a plan that says the first unit of a list leads (列第一位者为牵头部门), a task's
    list of several units without roles of their own: the first leads, the others support.
    Where the plan says the names before a semicolon lead (分号前为牵头单位) or those listed
    in front (排在前位为牵头部门: up to a comma or semicolon), those the task's list in
    ``text`` names before its first mark of ``parted`` do. The notice's ``addressees``
    (whom its 请 asks) are no list of the plan's."""
    for f in found:
        if len(f.units) > 1 and all(u.role == "responsible" for u in f.units) and not (
                addressees and {u.name for u in f.units} <= addressees):
            leads = _listed_in_front(f, text, parted) if parted else 1
            f.units = [Assignment(u.name, "lead" if i < leads else "support") for i, u in enumerate(f.units)]


_LIST_REACH = 400  # characters after a task's text its list of units may end within


def _listed_in_front(found: Found, text: str, marks: str) -> int:
    """How many of a task's units its list names before the list's first mark of ``marks``
    (〔责任单位：县水利局、县林业局；县城管局〕 → 2 before its semicolon), found in the text
    after the task's own; 1 where the list cannot be found so."""
    at = found.start + len(found.text)  # (its list follows it: no earlier than the text's length)
    names = [u.name for u in found.units]
    first = text.find(names[0], at, at + _LIST_REACH)
    stop = min((i for i in (text.find(c, first, at + _LIST_REACH) for c in marks) if i >= 0), default=-1)
    if first < 0 or stop < 0:
        return 1
    count, at = 0, first
    for name in names:
        at = text.find(name, at, at + _LIST_REACH)
        if at < 0:
            return 1
        count += at < stop
        at += len(name)
    return max(count, 1)


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


def _cells_of_items(found: list[Found], text: str, anchor: date | None) -> None:
    """Numbered lines that are the rows of a table whose header the text lacks (a page
    going on with it: 3.加强渣土车辆管控 区城管局、区公安分局 9月底前), where the readers took
    no task with units from them: read as such rows, each gives the task taken from its line
    its work, units and time limit, or is a task of its own where none was taken."""
    ordered = sorted(found, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    lines: list[tuple[str, int, list[Found]]] = []  # a line, where it starts, the tasks taken from it
    at = 0
    for line in text.split("\n"):
        # (a row's cells stand apart by a space the text kept: before a time limit at least)
        if " " in line and _ROW_NUMBER.match(line):
            taken = ordered[bisect_left(starts, at) : bisect_left(starts, at + len(line) + 1)]
            if not any(f.units for f in taken):
                lines.append((line, at, taken))
        at += len(line) + 1
    if not lines:
        return
    offsets = list(itertools.accumulate((len(line) + 1 for line, _, _ in lines), initial=0))
    for row in unheaded_rows("\n".join(line for line, _, _ in lines), anchor):
        n = bisect_right(offsets, row.start) - 1
        _, line_start, taken = lines[n]
        if not row.units:
            continue
        if not taken:
            found.append(replace(row, start=line_start + row.start - offsets[n]))
        elif len(taken) == 1 and _overlaps(row.text, taken[0].text):
            item = taken[0]
            item.text, item.units, item.own_roles = row.text, row.units, True
            item.deadline = row.deadline or item.deadline


_ROW_NUMBER = re.compile(r"\s*\d{1,3}[.．、]")


def _carried(units: list[Assignment], before: str, after: str) -> list[Assignment]:
    """The units of a directive that carry to the subjectless 要-clauses after it in its
    sentence: roles stated before the trigger (县水利局牵头，县环保局配合，要A，要B) hold for
    them all; partners the directive itself names (X要会同Y开展A，要B) are its own, and the
    addressees go on alone, answering for the rest. ``before``/``after``: the text before
    the trigger and the directive's own (a name a list of fields shares, 公安、城管等部门,
    stands in neither as written)."""
    own = [u for u in units if u.name in before or u.name not in after and u.role != "support"]
    if len(own) == len(units):
        return list(units)
    return [Assignment(u.name, "responsible") for u in own]


def _agenda_step(clauses: list[Clause], clause_starts: list[int], start: int) -> bool:
    """Does the task at ``start`` follow the words opening a step of the agenda in its
    clause (现在，进行第一项议程，请县水利局通报…)? It is done at the meeting, no task."""
    at = bisect_right(clause_starts, start) - 1
    if at < 0 or "议程" not in (clause := clauses[at]).text:
        return False
    return bool(rules().agenda_cue.search(clause.text[: start - clause.start]))


_TIME_ONLY = re.compile(r"[\d一二三四五六七八九十年月日号至到—–\-~～、，,。．.\s上中下旬初底末前止起]+")


def _no_action(text: str) -> bool:
    """A directive that assigns no work: a step of the meeting's agenda (请XX同志讲话), a
    request to get in touch (如有异议，请联系…), a rule a notice states (本通告所称…是指…), a
    point's heading that only says how much (要再传导), a noun a trigger qualifies (必须打赢的
    硬仗), a statement of what the work is (做好…工作是一项重要任务), a transmittal's request to
    carry out what it hands over (请认真贯彻执行), a trigger word the end of a page cut off,
    or a day and the units a schedule visits then. (An exhortation to awareness,
    要充分认识…的重要性，统一思想, asks the units to act as any 要 does: a task.)"""
    r = rules()
    if (r.agenda_step.match(text) or r.contact_request.match(text) or r.provision.match(text)
            or r.degree_heading.match(text) or r.qualified_noun.match(text) or r.copula_statement.match(text)
            or r.carry_out_request.match(text)):
        return True
    if r.strong_trigger.fullmatch(text.rstrip(TRAILING + OPEN_PARENS)):
        return True  # …预案及应（ where the page ends: the trigger word alone, no work after it
    # 5月6日 东坪镇: a line of a schedule, a day and the place visited, no work
    parts = text.split(None, 1) if " " in text else []
    return len(parts) == 2 and _TIME_ONLY.fullmatch(parts[0]) is not None and bool(units_in(parts[1]))


def _overlaps(short: str, long: str) -> bool:
    """Do most characters of one text occur in the other (a row restating an item)?"""
    chars = [ch for ch in short if "\u4e00" <= ch <= "\u9fff"]
    return bool(chars) and sum(ch in long for ch in chars) >= 0.6 * len(chars)



def _from_clauses(
    seg: Segmentation, anchor: date | None, orgs: OrgEnds | None = None, title: str | None = None,
    tables: list[tuple[int, int]] = (),
) -> list[Found]:
    """The tasks the clause readers find. ``tables``: the spans of the flattened tables the
    table reader takes, whose cells (a time limit on a line of its own) say nothing of the
    plan's text before them."""
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
    named_in_point = False  # the addressee was named inside a point of an enumeration (一要…；二要…)
    asked = False  # they were named before a trigger word (各区要…), not only before an action
    duties = _Duties()
    per_line = Counter(c.paragraph for c in seg.clauses)
    lines: dict[int, list[Clause]] = {}  # the clauses of each line
    for c in seg.clauses:
        lines.setdefault(c.paragraph, []).append(c)
    heads = _unit_sentences(seg.clauses)
    notice_to = _notice_addressees(seg.clauses) or _form_units(seg.clauses)
    findings, announced, leads, to_addressees, put_to = _announced_items(seg, anchor)
    whole = _measures_closed_by_roles(seg, lines)
    open_task: Found | None = None  # a directive closed by ；, which a clause without one goes on
    closing = "。"  # how the clause before ended: a sentence starts after 。 or a line break
    lead_in_closed = False  # the clause before was a directive lead-in closed by its colon (会议要求：)
    for index, clause in enumerate(seg.clauses):
        before, open_task = open_task, None
        # a sentence goes on over a line break after ；: its addressee carries to the next line,
        # and so does a run of directives (…新区要实施A； / 旧区要结合B。: B's subject, which
        # names no body, opens a directive as it does after ； on one line)
        carried = addressee if closing in "；;" else []
        # (so does a run a lead-in closing its line opened: 会议要求： / 加强…； / 强化…。)
        goes_on = in_run and (closing in ("；", ";") or lead_in_closed)
        lead_in_closed = False
        sentence_start, closing = closing in SENTENCE_END or clause.paragraph != paragraph, clause.closing
        if clause.paragraph != paragraph:
            line = []  # the clauses of this line so far
            in_duties = False  # the clause before was a duty closed by ；
            in_run, paragraph, addressee, line_start = goes_on, clause.paragraph, carried, clause.start
            before = None
            duty, skip = duties.line(clause, per_line[clause.paragraph] == 1)
            handed: list[Assignment] = []  # the units a sentence just handed the topic to
            skip_at = clause.start
            listed = False
            listing = None  # the units of a directive whose colon opened an enumeration on this line
            pointed = False  # a point of an enumeration (一要… / 二是…) opened on this line
            reported = False  # a clause of this line announced findings enumerated after it
            listing_limit = None  # the time limit that directive gave the measures it announced
            phase: Deadline | None = None  # the time of a line opening with a phase: 准备阶段（4月6日—4月10日）：…
            phase_task: Found | None = None
        text = clause.text
        line.append(clause)
        if clause.paragraph in whole:
            continue  # a measure its roles close is one task, its item's (_item_task)
        if clause.item in findings or clause.start in leads:
            continue  # 存在以下问题：1、…: findings, not tasks / 于…前按以下要求整改：: announces the tasks
        if reported and (not sentence_start or _enumerated(clause) is not None):
            continue  # 存在以下问题：1.…；2.…。 on one line: the findings it enumerates, no tasks
        reported = clause.closing in "：:" and bool(r.findings_lead.search(text + clause.closing)) and (
            _enumeration_follows(seg.clauses, index))
        if reported:
            continue
        if clause.start in heads:  # …职责如下：县环保局。负责…。加强…。县农委。负责…。
            duty, skip, listed = _Duty(heads[clause.start], "responsible"), 0, True
            continue
        # (a title naming a body and what it carries out, 某区落实…清单, is no duty of it)
        # a sentence on the opening line of a numbered measure is part of it (（二）明确责任。
        # 镇政府承担主体责任，各村负责…): the item is one task, its units theirs
        in_measure = clause.item is not None and seg.items[clause.item].sentence and (
            seg.items[clause.item].paragraph == clause.paragraph and seg.items[clause.item].leaf)
        if (not clause.opens_item and not in_measure and text != title and (opening := _duty_opening(text))
                and not _is_blanket(text)):  # (县生态环境局负责以下工作： hands the items after it over)
            # 区住建局负责…；区城管局负责…: a sentence opening with units and a role word is
            # their duty; the subjectless 负责… sentences after it on its line are theirs too
            # (an item opening so, 1.县交通局负责…, is read whole as its item)
            duty, skip, skip_at = _Duty(opening[0], opening[2]), opening[1], clause.start
            if partnered := _partnered(text[skip:], duty):
                # 县发改局会同县财政局制定…: the units lead, the partners support
                body, units = partnered
                found.append(Found(clause.start + skip, strip_parenthetical(body)[0], units, find(body, anchor),
                                   clause.item, True))
                in_duties = clause.closing in "；;"
                continue
        elif duty and (in_duties or clause.start == skip_at) and (partnered := _partnered(
                text[skip:] if clause.start == skip_at else text, duty)):
            # 市公安局：负责…；会同市经贸委做好…: the line's units lead, the partners support
            body, units = partnered
            found.append(Found(clause.start + len(text) - len(body), strip_parenthetical(body)[0], units,
                               find(body, anchor), clause.item, True))
            in_duties = clause.closing in "；;"
            continue
        elif duty and in_duties and (acting := _acting_units(text)):
            # 县环保局负责…；县商务局加强…: in a run of duties opened by units and a role
            # word, the next clause opening with other units and an action is their duty
            units, rest = acting
            found.append(Found(clause.start + len(text) - len(rest), strip_parenthetical(rest)[0], units,
                               find(rest, anchor), clause.item, True))
            in_duties = clause.closing in "；;"
            continue
        # 市经贸委：负责A；做好B。: a clause after a duty closed by ； is the same units' duty
        continuing, in_duties = in_duties, False
        if duty:  # 县交通运输局：负责…。负责…。 each role sentence a task of the line's units
            body = text[skip:] if clause.start == skip_at else text
            own = role_word_at(body)  # a role the head states (（牵头单位）：) outranks 负责
            # a sentence of the line opening with a measure's verb (县卫生局：负责…。加强…) is
            # the same units' duty as well
            role = (duty.role if duty.role != "responsible" else own) if own else (
                duty.role if body and (duties.section or listed or duties.listing or continuing
                                       or clause.start != skip_at and r.weak_trigger.match(body)) else None)
            if role:
                at = clause.start + len(text) - len(body)
                found += _duty_tasks(at, body, [Assignment(u, role) for u in duty.units], clause.item, anchor)
                if clause.item is not None:
                    directive_items.add(clause.item)
                in_duties = clause.closing in "；;"
                continue
        if clause.label and not (clause.item is None and r.request_label.fullmatch(clause.label)):
            continue  # labelled lines belong to items (measures) or give roles and times
        if _is_blanket(text):
            continue
        if handed and (handed_to := directive(text, True, orgs, clause.start)) is not None and not handed_to.units:
            # 关于砂石行业整治。县水务局牵头负责，…。所有车辆必须覆盖；道路要硬化。: the directives
            # right after a sentence handing a topic to units, whatever thing their subject
            # names, are those units' work
            work = text[handed_to.trigger :]
            found.append(Found(clause.start + handed_to.trigger, strip_parenthetical(work)[0], handed,
                               find(work, anchor), clause.item, True))
            continue
        # (inside a directive run, 县住建局牵头，县交通局配合，开展… assigns the run's next
        # directive with its roles: no topic handed over)
        handed = _handing(text) if not in_run else []
        if handed:
            continue
        lead = own_lead = _lead_in(text)  # own_lead: that of the text split_directives reads
        if lead and r.directive_lead_in.search(lead.group()):
            in_run = True
        if clause.closing in "：:" and r.directive_lead_in.search(text + clause.closing):
            in_run = lead_in_closed = True  # 会议议定：一、… opens a run of its own
            if _announces(text) and _enumeration_follows(seg.clauses, index):
                listing = []  # 会议议定：一是…；二是…: each decision a task, trigger word or not
            continue
        if clause.closing in "：:" and _enumeration_follows(seg.clauses, index) and (asked := _addressed_after(text)):
            # 会议要求县住建局、县城管局：一要…；二要…: the addressees of the points after it
            in_run, listing = True, [Assignment(u, "responsible") for u in asked]
            continue
        if clause.closing == "。" and _enumeration_follows(seg.clauses, index) and r.deployed.search(
                text, max(0, len(text) - DEPLOYED_REACH)):
            in_run = True  # 会议对下一步工作进行了安排部署。一是…；二是…: the points deployed
            continue
        if found and found[-1].start >= line_start and found[-1].item == clause.item and (
                (stated := roles_sentence(text)) or text[:1] in OPEN_PARENS and _left_open_to_the_end(seg, clause)
                and (stated := _roles_cut_short(text))):
            # 要加强工地巡查。区住建委牵头，区城管局配合。: the roles of the task before; its
            # parenthesis too where the page ends inside it (。（市城管局牵头，各
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
                    found.append(Found(part[0].start, _joined(part), stated, find(_joined(part), anchor), None, True))
            continue
        if clause is line[0] and not clause.opens_item and (opened := _phase_opening(text + clause.closing, anchor)):
            # 准备阶段（4月6日—4月10日）：制定…，建立台账: the work of the phase follows its
            # time, on its line
            phase, cut = opened
            clause = replace(clause, start=clause.start + cut, text=text[cut:])
            text, own_lead = clause.text, UNREAD
            if not text.strip():
                continue
        directives = split_directives(text, in_run, orgs, clause.start, lead=own_lead)
        if (before and len(directives) == 1 and directives[0][0] == 0 and not directives[0][2].addressed
                and r.strong_trigger.match(before.text) and not r.strong_trigger.search(text)
                and _enumerated(clause) is None and not _opens_with_time_limit(text)):
            # 全区上下要学习…；坚持底线思维，…；发挥斗争精神，…。: the parts after ； that open with
            # a verb but hold no 要 of their own go on the 要-clause before them (a run a lead-in
            # opened without one, 会议要求，加快A；强化B, makes each part a task; so does a part
            # opening with a time limit of its own, 6月底前，建立…)
            _go_on(before, strip_parenthetical(text)[0], anchor)
            open_task = before if clause.closing in "；;" else None
            continue
        if phase and not directives:
            # the phase's work, a task whatever its verbs, done by the phase's end
            if phase_task is None:
                units, work = _acting_units(text) or ([], text)  # 镇河长办组织验收: who does it
                phase_task = Found(clause.start + len(text) - len(work), strip_parenthetical(work)[0], units,
                                   find(text, anchor) or phase, clause.item, bool(units))
                found.append(phase_task)
                if clause.item is not None:
                    directive_items.add(clause.item)
            else:
                phase_task.text += "，" + strip_parenthetical(text)[0]
            continue
        if not directives and (cut := _enumerated(clause)) is not None and (
                listing is not None or found and _next_point(seg.clauses, index, found[-1])):
            # …重点抓好以下几个方面：一是清理…；二是… / 具体做法：1、张贴…；2、…: each
            # enumerated measure is a task of the directive's units; so is the next point of
            # points that were directives (一是要…；二是要…；三是筑牢防线…), whatever its verb
            body = text[cut:]
            units = list(listing or []) or stated_roles(body)  # 二是垃圾桶由镇政府负责配置: its own
            found.append(Found(clause.start + cut, strip_parenthetical(body)[0], units,
                               find(body, anchor) or listing_limit, clause.item, bool(units)))
            if clause.item is not None:
                directive_items.add(clause.item)
            continue
        if not directives and listing is not None and found and found[-1].start >= line_start and not lead:
            found[-1].text += "。" + strip_parenthetical(text)[0]  # …三是整治…。摘除…: the measure goes on
            continue
        if (clause.closing in "：:" and not directives and _announces(text)
                and _enumeration_follows(seg.clauses, index)):
            listing = []  # 具体做法：1、…
            listing_limit = find(text, anchor)  # 6月底前完成以下工作：①…；②…: the time of each
            continue
        if clause.closing in "：:" and not directives and _enumeration_follows(seg.clauses, index) and (
                named := units_in(text)):
            listing = [Assignment(u, "responsible") for u in named]  # 区交通局：一是要A；二是B: theirs
            continue
        if not directives and found and found[-1].start >= line_start:
            if listed := _role_list(text):  # …于9月9日前回复。相关责任单位包括X、Y等。
                found[-1].units = merge(found[-1].units, listed)
                found[-1].own_roles = True
                continue
        if (not directives and before and not lead and (act := _after_cases(text))
                and r.weak_trigger.match(text, act) and not r.past.search(text, act)):
            # 县住建局要审查新项目；对已开工的项目，开展专项检查: the same addressees' work on
            # other cases, a task of its own (对不正常运行的，依法处罚 states what befalls them)
            found.append(Found(clause.start, strip_parenthetical(text)[0], list(before.units), find(text, anchor),
                               clause.item, before.own_roles))
            open_task = found[-1] if clause.closing in "；;" else None
            continue
        if not directives and before and not lead and not roles_sentence(text) and not _is_cases(text):
            if held := _units_with_role(text):
                # …要牵头建立台账；市商务局配合做好网点布局: other units and a role word open
                # the clause after ；, their duty, a task of its own in that role
                found += _duty_tasks(clause.start + held[1], text[held[1]:],
                                     [Assignment(u, held[2]) for u in held[0]], clause.item, anchor)
                open_task = found[-1] if clause.closing in "；;" else None
                continue
            more, _ = strip_parenthetical(text)
            if (acting := _acting_units(more)) and not {a.name for a in acting[0]} & {a.name for a in before.units}:
                # 要求各监管部门加强巡查；各施工单位，开展自查: a new addressee after ； then its
                # work, a task of its own (those units' work, not the first addressee's, named
                # or vague)
                before = Found(clause.start, more, acting[0], find(text, anchor), clause.item, True)
                found.append(before)
                open_task = before if clause.closing in "；;" else None
                continue
            if (topical := _topic_directive(more)) is not None:
                # 要实行分片包干；沟渠两侧的杂草要及时清运: a thing named, then its own 要, a
                # directive of its own (no addressee: the units before were another's)
                work = more[topical:]
                found.append(Found(clause.start + topical, work, [], find(work, anchor), clause.item, False))
                open_task = found[-1] if clause.closing in "；;" else None
                continue
            if r.other_matters.match(more):
                continue  # …；其他工作按照方案要求开展: other matters, not the work of the directive before
            # 请你局编写报告；填写数据表，于…前反馈: the clause after ； with no trigger of its
            # own goes on the directive before it (not a case of its own: 对…的，依法…)
            _go_on(before, more, anchor)
            open_task = before if clause.closing in "；;" else None
            continue
        if not directives and clause.item is None and clause is line[0] and (assigned := _assigned_with_limit(text)):
            # 县水利局牵头，县财政局配合，10月底前完成…: a paragraph outside any item opening
            # with units and their roles, then work given a time limit, is their task (after a
            # measure on its line, or under an item, such a sentence gives the measure its roles)
            found.append(Found(clause.start, strip_parenthetical(text)[0], assigned, find(text, anchor), None, True))
            open_task = found[-1] if clause.closing in "；;" else None
            continue
        if (not directives and clause.item is not None and sentence_start
                and (acting := _collective_acting(text) or (duties.section and _acting_units(text)))
                and not _closing_roles(text) and roles_sentence(text) is None
                and not _roles_close_line(seg.clauses, index)
                and not _under_non_task_heading(seg, clause.item, by_item)):
            # （二）自查阶段。各区县政府组织对…进行清查: a plan's sentence opening with a
            # collective is its task, trigger word or not (unless a parenthesis closing it
            # names who acts, or the sentence only states roles: 各县区政府负责，市大气办督导 —
            # the item's task then, _item_task; not under a heading of goals either: 一、工作目标
            # 各县（市、区）出境断面水质达标 is a target); under a heading of duties (三、职责分工)
            # a sentence opening with any units then their action is their duty (县农技中心
            # 做好技术指导。县综治办做好巡查调度。: one task each)
            units, rest = acting  # (各乡镇负责A，县农业农村局负责B: each body its duty)
            found += _duty_tasks(clause.start + len(text) - len(rest), rest, units, clause.item, anchor)
            directive_items.add(clause.item)
            open_task = found[-1] if clause.closing in "；;" else None
            continue
        if (not directives and clause.item is not None and sentence_start and found and found[-1].item == clause.item
                and (held := _units_with_role(text)) and not _is_blanket(text)):
            # 1、整治居民区。各乡镇政府负责A。县城建局负责B。: once a sentence of the item was
            # read as the task of its subject, a later one opening with other units and a
            # role word is theirs, not part of the item's words
            body = text[held[1]:]
            found += _duty_tasks(clause.start + held[1], body, [Assignment(u, held[2]) for u in held[0]], clause.item, anchor)
            open_task = found[-1] if clause.closing in "；;" else None
            continue
        if (not directives and clause.item is not None and not seg.items[clause.item].leaf and sentence_start
                and clause.start < seg.items[seg.items[clause.item].children[0]].start and not clause.opens_item and not lead and ((topical := _topic_directive(text)) is not None or (
                    topical := _limit_then_completion(text)) is not None)
                and not _under_non_task_heading(seg, clause.item, by_item)):
            # （一）农村污水治理 / 治理村庄要建设…。 / 1.… 2.…: the paragraph opening a heading
            # over sub-items, before the first, a thing named then its own 要, is a directive of
            # its own (a leaf item's sentences are its one task; a paragraph after a sub-item
            # may be that one's work: _body_after); so is one opening with its time limit, then
            # what is to be completed (11月底前，全县完成…治理)
            work = text[topical:]
            found.append(Found(clause.start + topical, strip_parenthetical(work)[0], [], find(work, anchor),
                               clause.item, False))
            continue
        if not directives:
            if lead and not r.directive_lead_in.search(lead.group()):
                in_run = False
            continue
        in_run = True
        point = r.enumeration.match(text, own_lead.end() if own_lead else 0)  # (会议要求，一是…)
        if point and named_in_point:
            # 二要…，县环保局要A；三要B: the addressee one point named is none of the next (nor
            # one named in a sentence of its own after the point opened: 二要…。县环保局要A；三要B)
            addressee, named_in_point = [], False
        pointed = pointed or bool(point)
        for start, end, d in directives:
            task_text, inner = strip_parenthetical(text[start:end])
            units = d.units
            pronoun = r.pronoun_addressee.match(text, start)
            if pronoun and all(u.name.startswith(("你", "贵")) for u in units):
                units = []  # 请你镇…: the pronoun names no unit of its own
            if not units and (pronoun or _transmitted(text, start) or (text.startswith("请", start) and (
                    TIME_START.match(text, start + 1) or _STEP_BEFORE_LIMIT.match(text, start + 1)))):
                # 请你厅（局）… / 请于3月15日前将调查表报送我厅 / 请于整改完成后3日内…: the
                # notice's addressees
                units = [Assignment(u, "responsible") for u in notice_to]
            if d.addressed:
                addressee = _carried(units, text[:start], text[start:end]) if addressee == [] else None
                asked = bool(r.strong_trigger.match(text, start))
                named_in_point = pointed
            elif not units and addressee and (r.strong_trigger.match(text, start) or asked and _opens_with_time_limit(
                    text[start:end])):
                # 各区要A；要B。: the sentence's addressee carries to its subjectless
                # 要-clauses, and after a 要 to a part that opens with a time limit of its
                # own (县林业局要加强巡护；12月底前，建立防火档案)
                units = addressee
            elif not units and listing and _enumerated(clause) is not None:
                # 各乡镇要做好以下工作：一是A；二是建立B: the measures a directive announced are
                # its units' work, whatever their verbs
                units = list(listing)
            if inner is not None:
                units = merge(units, parenthesis_roles(inner, task_text) or [])
            # a time limit may stand before the trigger in its part (…的，8月底前必须…; read
            # with the trigger after it: 下周要… is a limit where 要 follows 下周)
            opening = max(text.rfind(mark, 0, start) for mark in "，,") + 1
            deadline = find(text[start:end], anchor)
            if deadline is None and opening < start:
                deadline = find(text[opening:end], anchor)
            if deadline is None and opening > 1:
                # 6月底前，各乡镇要完成排查: a part that is only the time limit, right before
                deadline = resolve(_after_last_comma(text[: opening - 1]), anchor)
            if deadline is None and r.on_time.search(text, start, end):
                # 申报截止时间为3月30日，请你们…按时报送: the closing day its sentence named
                deadline = limit if (limit := find(text[:start], anchor)) and limit.kind == "by" else None
            found.append(Found(clause.start + start, task_text, units, deadline or phase, clause.item, bool(units)))
        if clause.item is not None:
            directive_items.add(clause.item)
        if clause.closing in "：:" and _enumeration_follows(seg.clauses, index):
            listing, listing_limit = found[-1].units, found[-1].deadline
            if _announces(found[-1].text):
                found.pop()  # 要重点抓好以下六个方面：: announces the measures, which are the tasks
        if clause.closing in SENTENCE_END:
            addressee, named_in_point = [], False
        open_task = found[-1] if found and clause.closing in "；;" else None
    _lead_measures(found, by_item, anchor)
    found += _measures_beside_directives(seg, by_item, found, directive_items, anchor)
    for index in _measures_around_thing_directives(seg, by_item, found, directive_items):
        # （一）加强工地扬尘治理 / 强化…管控措施。…线性工程要实施重点监督管理: the item's
        # measure, a directive about a thing inside it, no addressee: one task, the item's
        found = [f for f in found if f.item != index]
        directive_items.discard(index)
    found = _headed_points(lines, found)
    block_found, block_items = _field_blocks(seg, anchor, directive_items)
    found += block_found
    starts = sorted(f.start for f in found)
    fields = _field_sections(seg, by_item)
    for index, item in enumerate(seg.items):
        if item.leaf and index not in directive_items and index not in findings and index not in fields and (
                index not in block_items) and not _heads_tasks(
                seg, index, by_item, starts):
            found += _item_task(seg, index, by_item, anchor, starts)
    # 请县长**同志讲话 / 要充分认识…的重要性: an agenda step or an exhortation, in a clause or an item
    clause_starts = [c.start for c in seg.clauses]
    found = [f for f in found if not _no_action(f.text) and not _agenda_step(seg.clauses, clause_starts, f.start)]
    # what an item's own lines state (a labelled line of roles or time, a sentence of time), not
    # the cells of a table standing after its text in its section (完成时限 in the table's header)
    outside = by_item if not tables else {
        index: kept for index, clauses in by_item.items()
        if (kept := [c for c in clauses if not any(a <= c.start < b for a, b in tables)])}
    stated = _stated(seg, outside, fields)
    starts = sorted(f.start for f in found)
    for f in found:
        if f.item in to_addressees and notice_to or f.item in put_to and notice_to and not f.units:
            # 责令你公司…按以下要求整改：1、… — the company ordered does each measure (not
            # the issuer signing under the last one); 并提出以下工作要求 — each requirement
            # that names no one is the addressees'
            f.units, f.own_roles = [Assignment(u, "responsible") for u in notice_to], True
        if f.item is not None and (not f.own_roles or f.units and all(a.role == "support" for a in f.units)):
            # partners alone (（配合单位：X）) join the lead or responsible units a section names
            f.units = merge(f.units, _item_roles(seg, f.item, stated))
        if f.item is not None and f.item in stated.limits and (own := stated_limit(stated.limits[f.item], anchor)):
            # the item's labelled line (完成时限：长期坚持) states its time limit, whatever its text
            # says of how often the work is done (每日洒水…)
            f.deadline = own
        elif f.item is not None and f.deadline is None:
            f.deadline = (announced.get(f.item) or _time_sentence(outside.get(f.item, []), f.start, starts, anchor)
                          or _item_deadline(seg, f.item, stated, anchor, f.start))
        elif f.deadline is None and (at := bisect_right(clause_starts, f.start) - 1) >= 0:
            # a paragraph without a number: the sentence saying when its work is done
            f.deadline = _time_sentence(lines[seg.clauses[at].paragraph], f.start, starts, anchor)
    return found


TIME_SENTENCE_MAX = 30  # characters of a sentence that only says when the item's work is done
TIME_SENTENCE_REACH = 8  # clauses after the next task a sentence of time may stand within


def _time_sentence(clauses: list[Clause], start: int, starts: list[int], anchor: date | None) -> Deadline | None:
    """The time limit of a sentence of the item after its task at ``start`` that only says
    when the work is done (（一）各乡镇要开展排查。2022年3月底前完成。 / …。以上任务均于10月底前
    完成。), up to the item's next task; past the tasks after it, the first such sentence of
    its own (各乡镇负责A，县农业农村局负责B。6月底前完成。: the time of both). It outranks
    labelled lines its section shares. Past the next task it looks TIME_SENTENCE_REACH
    clauses on at most (a paragraph of many directives costs no more per task)."""
    k = bisect_right(starts, start)
    end = starts[k] if k < len(starts) else None
    i = bisect_right(clauses, start, key=lambda c: c.start)
    opens = i == 0 or not clauses[i - 1].closing or clauses[i - 1].closing in SENTENCE_END  # the clause opens a sentence
    past = 0  # clauses read past the next task's start
    for c in islice(clauses, i, None):
        sentence, opens = opens, not c.closing or c.closing in SENTENCE_END
        if end is not None and c.end >= end:
            past += 1
            if past > TIME_SENTENCE_REACH:
                break
            if not (sentence and bisect_left(starts, c.start, k) == bisect_left(starts, c.end, k)):
                continue  # a clause of the tasks after it, or a part of their sentences
        if c.label:
            continue
        if len(c.text) <= TIME_SENTENCE_MAX and (limit := find(c.text, anchor)) and _says_only_when(c.text, limit):
            return limit
    return None


def _says_only_when(text: str, limit: Deadline) -> bool:
    """Does a sentence naming a time limit end with it, a verb of completing at most after
    it (2022年3月底前完成 / 以上两项工作均于9月底前全部完成), naming no work of its own?"""
    at = text.find(limit.text)
    after = text[at + len(limit.text):].strip()
    return at >= 0 and (not after or LIMIT_DONE.fullmatch(after) is not None)


def _announced_items(seg: Segmentation, anchor: date | None) -> tuple[set[int], dict[int, Deadline], set[int], set[int], set[int]]:
    """The lines a line closing with a colon announces (the run of lines opening items right
    after it): the items of findings (存在以下问题：), which are no tasks; the items of what
    is to be done with the time limit the announcing line sets (于9月30日前按以下要求整改：),
    where such announcing lines start, the items whose line orders the notice's addressee by
    a pronoun (责令你公司…), and those a line puts to the addressees as requirements
    (结合实际提出如下工作要求，望遵照执行。), whichever mark closes it."""
    findings: set[int] = set()
    announced: dict[int, Deadline] = {}
    leads: set[int] = set()
    to_addressees: set[int] = set()
    put_to: set[int] = set()
    clauses = seg.clauses
    for clause in clauses:
        if clause.opens_item and rules().progress_heading.match(clause.text):
            findings |= _item_and_below(seg, clause.item)  # 二、整改落实情况: what was done
    for index, clause in enumerate(clauses[:-1]):
        nxt = clauses[index + 1]
        if clause.opens_item or not nxt.opens_item or nxt.paragraph == clause.paragraph:
            continue
        finding = rules().findings_lead.search(clause.text + clause.closing)
        put = not finding and rules().requirements_put.search(clause.text) is not None
        limit = None
        if not finding and rules().announcing.search(clause.text + clause.closing):
            if rules().purpose.match(clause.text.rstrip(TRAILING)):
                leads.add(clause.start)  # 为…，从即日起至年底开展…，现制定工作方案如下：: the plan's
                continue  # purpose, no task, and the campaign's period no time limit of its items
            limit = find(clause.text, anchor)
            if (limit is None or limit.kind != "by") and not put:
                continue
        elif not finding and not put:
            continue
        run: set[int] = set()
        for before, c in zip(clauses[index:], clauses[index + 1 :]):
            if not c.opens_item and c.paragraph != nxt.paragraph and not (
                    c.item in run and c.paragraph == before.paragraph):
                break
            if c.item is not None:
                run.add(c.item)
        if finding:
            findings |= run
            continue
        if put:
            put_to |= run
        if limit is not None and limit.kind == "by":
            leads.add(clause.start)
            for item in run:
                announced.setdefault(item, limit)
            if rules().pronoun_addressee.search(clause.text):
                to_addressees |= run
    return findings, announced, leads, to_addressees, put_to


def _item_and_below(seg: Segmentation, item: int | None) -> set[int]:
    """The item and every item under it."""
    out: set[int] = set()
    todo = [] if item is None else [item]
    while todo:
        out.add(i := todo.pop())
        todo += seg.items[i].children
    return out


def _headed_points(lines: dict[int, list[Clause]], found: list[Found]) -> list[Found]:
    """The points of a paragraph's enumeration headed by a sentence (一是加压推进整改。某办要A，
    确保B。二是全面复盘。组织开展C；对D进行复核。): each point whose sentences hold a directive
    is one task, its text the sentences after the heading (from the directive's trigger when
    the first sentence holds it), its units and time limit those of the directives within."""
    r = rules()
    for clauses in lines.values():
        # (a point that is a directive itself, 一是要加强巡查。, is no heading)
        points = [i for i, c in enumerate(clauses) if c.closing in SENTENCE_END and r.point_heading.match(c.text)
                  and len(c.text) <= r.heading_max_length and not r.strong_trigger.search(c.text)]
        if len(points) < 2:
            continue
        for n, i in enumerate(points):
            end = points[n + 1] if n + 1 < len(points) else len(clauses)
            body = clauses[i + 1 : end]
            cut = next((k for k, c in enumerate(body) if r.report_opening.match(c.text)), len(body))
            body = body[:cut]
            if not body:
                continue
            lo, hi = clauses[i].start, body[-1].end
            inside = [f for f in found if lo <= f.start <= hi]
            if not inside:
                continue
            if sum(f.start >= body[0].start and bool(r.strong_trigger.match(f.text)) for f in inside) > 1:
                # the point's directives (各村要A。8月7日前X村要B。) are a task each, as 要A；要B
                # are; its heading is none
                found = [f for f in found if not lo <= f.start < body[0].start]
                continue
            first = body[0]
            at = min((f.start for f in inside if first.start <= f.start <= first.end), default=first.start)
            opening = replace(first, start=at, text=first.text[at - first.start :])
            text = strip_parenthetical(_joined([opening, *body[1:]]))[0]
            found = [f for f in found if f not in inside]
            found.append(Found(at, text, merge(*(f.units for f in inside)),
                               next((f.deadline for f in inside if f.deadline), None),
                               first.item, any(f.own_roles for f in inside)))
    found.sort(key=lambda f: f.start)
    return found


def _lead_measures(found: list[Found], by_item: dict[int, list[Clause]], anchor: date | None) -> None:
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
        if clause_rules().phase_heading.match(clauses[0].text) and before and _phase_time(before[0].text):
            # （二）全面禁烧阶段。时间：6月5日至6月30日。各村要…: the phase's time limits its
            # work, it is no measure
            f.deadline = f.deadline or find(before[0].text, anchor)
            before = before[1:]
            if not before:
                continue
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
            if r.duty_heading.search(text, 0, skip):
                self.section = True  # 三、成员单位工作职责 市环保局：… a duty section's heading run into its first line
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
        if clause.closing != "。" or after.paragraph != clause.paragraph or not role_word_at(after.text):
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


GLUED_UNIT_START = re.compile(r"(?<=[\u4e00-\u9fff，,；;])(?=[省市县区旗乡镇])")


def _duty_tasks(at: int, body: str, units: list[Assignment], item: int | None, anchor: date | None) -> list[Found]:
    """The tasks of a duty ``body`` (standing at ``at``) of ``units``: one, or one for each
    body whose duty runs on after it (负责道路保洁县交通运输局负责公路扬尘管控, its space
    lost, or after a comma: 区住建局负责A，区城管局负责B)."""
    found: list[Found] = []
    start = 0
    cuts = [(cut, len(glued), [Assignment(u, role) for u in units_in(glued) or []])
            for cut, glued, role in _glued_duties(body)]
    for cut, skip, next_units in sorted(cuts + _addressed_parts(body)):
        if cut < start:
            continue
        found.append(Found(at + start, strip_parenthetical(body[start:cut].rstrip("，,；;"))[0], units,
                           find(body[start:cut], anchor), item, True))
        start, units = cut + skip, next_units
    found.append(Found(at + start, strip_parenthetical(body[start:])[0], units, find(body[start:], anchor), item, True))
    for f in found:
        if f.units:  # (负责A，会同区市场监管局开展B: the partners a later part names support)
            f.units = _split_roles(f.units, f.text)
    return found


def _addressed_parts(body: str) -> list[tuple[int, int, list[Assignment]]]:
    """The parts of a duty after a comma that name units of their own and then their trigger
    (区住建局负责A，各街道要B): (where the part starts, where its trigger stands in it, its
    units), each a task of its own."""
    found = []
    for offset, part in comma_parts(body):
        if offset and (d := directive(part, False)) is not None and d.addressed and d.units and d.trigger > 0:
            found.append((offset, d.trigger, d.units))
    return found


def _glued_duties(body: str) -> list[tuple[int, str, str]]:
    """Where a duty runs into the next body's (a duty list whose spaces a page lost: 负责道路
    清扫保洁县交通运输局负责公路扬尘管控), or after a comma (区住建局负责A，区城管局负责B):
    (where the next units start, their names as written, their role), in order; [] for a
    duty that holds none."""
    r = rules()
    if len(body) < 12 or len(r.role_word_start.findall(body)) < 2:
        return []  # a glued duty holds a second role word at least
    found: list[tuple[int, str, str]] = []
    for m in GLUED_UNIT_START.finditer(body, 4):
        if found and m.start() < found[-1][0] + len(found[-1][1]):
            continue
        before = body[: m.start()]
        if r.object_leads.search(before[-4:]) or before.endswith(("由", "请", "对", "向", "和", "与", "及", "、")):
            continue  # 督促县交通运输局负责… / 由县交通运输局负责…: not a body of its own
        if (opening := _units_with_role(body[m.start():])) and opening[2] == "responsible" and body[m.start() + opening[1]:].startswith("负责"):
            found.append((m.start(), body[m.start() : m.start() + opening[1]], opening[2]))
    return found


REPOST_LEAD = re.compile(r"(?:全文|原文|正文|通知|内容)如下[：:]")


def _notice_addressees(clauses: list[Clause]) -> list[str]:
    """The units a notice is addressed to: its first line that ends with a colon and only
    names units (各省、自治区生态环境厅（局），兵团生态环境局：), before any sentence ends;
    [] when there is none. A repost's lead of several sentences closed by 全文如下：
    (日前，X印发《…》。加快…。全文如下：) comes before the notice it copies: the notice's
    addressees are looked for after it."""
    if found := _addressees_from(clauses):
        return found
    lead = next((n for n, c in enumerate(clauses)
                 if "如下" in c.text and REPOSTED.search((c.text + c.closing).rstrip())), None)
    return _addressees_from(clauses[lead + 1 :]) if lead is not None else []


REPOSTED = re.compile(r"(?:全文|原文|正文)如下[：:]$")  # the end of a repost's lead


def _addressees_from(clauses: list[Clause]) -> list[str]:
    lines: dict[int, list[Clause]] = {}
    for n, clause in enumerate(clauses):
        if clause.closing in SENTENCE_END and not (
                n + 1 < len(clauses) and clauses[n + 1].paragraph == clause.paragraph
                and REPOST_LEAD.fullmatch(clauses[n + 1].text + clauses[n + 1].closing)):
            break  # (日前，X印发《…》。全文如下：: a repost's lead announcing the notice, which follows)
        lines.setdefault(clause.paragraph, []).append(clause)
    for line in lines.values():
        text = (_joined(line) + line[-1].closing).rstrip()
        if (party := rules().party_line.match(text)) and rules().addressed_firm.match(party.group("firm")):
            return [party.group("firm")]  # 当事人：张某（某某饭店的经营者）, whom the decision orders
        if text[-1:] not in "：:":
            continue
        if units := units_in(text[:-1]) or _addressee_list(text[:-1]):
            return units
        if rules().addressed_firm.match(name := text[:-1].strip()):
            return [name]  # 某某加工厂：, the business a rectification order is addressed to
    return []


def _form_units(clauses: list[Clause]) -> list[str]:
    """The units a form names in its unit field (a 交办单 page: 责任单位： then the name on its
    own line, or after the colon): whom its 请你单位… addresses when no addressee line opens
    it; [] when there is none."""
    r = rules()
    for i, clause in enumerate(clauses):
        if not clause.label or r.role_label.get(clause.label) != "responsible" or clause.item is not None:
            continue  # (a unit line of a plan's item names that item's units)
        rest = r.label.match(clause.text).group("rest").strip() if r.label.match(clause.text) else ""
        if not rest and i + 1 < len(clauses) and clauses[i + 1].paragraph == clause.paragraph + 1:
            rest = clauses[i + 1].text
        return units_in(rest) or []
    return []


NOTE_AFTER = re.compile(r"[（(][^（）()]{1,6}[）)]$")  # 市级有关部门（单位）
# （街）道办事处: a name whose first character is set in parentheses (镇（街） written into the
# name that follows), read as 街道办事处
BRACKETED_FIRST = re.compile(r"^[（(]([\u4e00-\u9fff])[）)](?=[\u4e00-\u9fff])")


def _addressee_list(text: str) -> list[str]:
    """The units of an addressee line some of whose members the recognizer does not know
    (…，绿色产业园管委会，有关科级事业单位：): the line is a list of addressees all the same,
    so the members that are units count and the rest are left out, when at least half of
    them are units (a member with a note after it, 市级有关部门（单位）, read without it; one
    whose first character is bracketed, （街）道党工委, read as 街道党工委)."""
    parts: list[str] = []
    for _, group in spans_outside_parentheses(text, "，,"):  # a 、-list read whole first (各市、县（市、区）人民政府)
        parts += [group] if units_in(group) is not None else [p for _, p in spans_outside_parentheses(group, "、")]
    parts = [p.strip() for p in parts if p.strip()]
    found: list[str] = []
    known = 0
    for part in parts:
        units = units_in(part)
        if units is None and NOTE_AFTER.search(part):
            units = units_in(NOTE_AFTER.sub("", part))
            units = [part] if units == [NOTE_AFTER.sub("", part)] else units
        if units is None and BRACKETED_FIRST.match(part):
            units = units_in(BRACKETED_FIRST.sub(r"\1", part))
        if units is not None:
            known += 1
            found += units
    return found if len(parts) > 1 and 2 * known >= len(parts) else []


_FORMED_BY = re.compile(r"[^，,。；;]{1,40}?(?:组成|成立|抽调)的")  # 会同X等部门组成的督导组: a team, no action


def _units_with_role(text: str) -> tuple[list[str], int, str] | None:
    """The units opening a sentence right before a role word and an action (县公安局负责
    查处…, 县环保局牵头开展…), where the role word starts and its role; None otherwise
    (县环保局负责同志…, 县住建局牵头，县城管局配合 that only states roles, a
    parenthesis of roles left open where a page ends)."""
    if not rules().stating.search(text):
        return None  # most sentences hold no role or partner word: their units are not read
    if not may_end_a_list(text, rules().role_or_partner):
        return None  # (nor when no name ends right before any of them)
    units, end = leading_units(text)
    # the units open the sentence: 督促施工单位落实… names whom a duty is about, not its holder
    role = role_word_at(text[end:]) if units and text.startswith(units[0]) else None
    if not role and units and text.startswith(units[0]) and rules().partner.match(text[end:]) and (
            not _FORMED_BY.match(text, end)):
        # 县发改局会同县财政局制定…: A会同B, A leads (not 省河长办会同X组成的督导组赴…: a team
        # the partners formed, named in a report of its visit)
        role = "lead"
    # 由X负责… is an action handed over, read as a directive with its 由
    if not role or text[:1] in OPEN_PARENS + "由" or not units_in(text[:end]) or roles_sentence(text) is not None:
        return None
    # the action may open with a quoted name (县环保局负责“双源”整治…)
    action = text[end + len(opening_role_word(text[end:]) or ""):].lstrip(QUOTES)
    if not ("\u4e00" <= action[:1] <= "\u9fff") or action[:1] == "的" or rules().past.search(action):
        return None  # 县住建局负责完成了… reports work done; 县环保局负责的项目 names one
    return units, end, role


def _handing(text: str) -> list[Assignment]:
    """The units a sentence hands a topic to, with their role (关于砂石行业整治。县水务局牵头
    负责，结合…一并推进。): units opening it, a role word, then a comma or its end, and no
    directive or list of roles alone; [] for any other sentence."""
    if not rules().role_then_break.search(text) or not may_end_a_list(text, rules().role_word_start):
        return []  # most sentences hold no role word before a comma or their end (nor a name before one)
    units, end = leading_units(text)
    word = opening_role_word(text[end:]) if units and text.startswith(units[0]) else None
    role = role_word_at(text[end:]) if word else None
    if (not role or text[end + len(word) : end + len(word) + 1] not in ("", "，", ",") or directive(text, False)
            or roles_sentence(text) is not None):
        return []  # (区住建委牵头，区城管局配合。 only states the roles of the task before it)
    return [Assignment(u, role) for u in units]


def _duty_opening(text: str) -> tuple[list[str], int, str] | None:
    """``_units_with_role`` of the clause, or of what follows a comma in it when the
    words before hold no trigger (三是明确责任，对任务台账进行分解，县管委会负责…):
    the duties of a news report or plan named after a lead-in of its own."""
    if not rules().stating.search(text):
        return None  # every reading below needs a role word (most clauses hold none)
    if found := _units_with_role(text):
        return found
    if (vague := _vague_opening(text)) and (word := opening_role_word(text[vague:])):
        # 各成员单位负责…: a duty of vague bodies is a task all the same, of no unit
        action = text[vague + len(word):].lstrip(QUOTES)
        if "\u4e00" <= action[:1] <= "\u9fff" and action[:1] != "的" and not rules().past.search(action):
            return [], vague, rules().role_word[word]
    if (lead := _lead_in(text)) and rules().directive_lead_in.search(lead.group()) and rules().weak_trigger.match(
            text, lead.end()):
        return None  # 会议要求，加快…，县住建局负责督促落实: the measure required, its units stated after it
    tried = -1
    for word in rules().role_word_start.finditer(text):  # most clauses hold none: nothing is tried
        # the units stand between the last comma (or a heading's colon: 一是明确职责分工：
        # 县环保局负责…) before the role word and the word
        after = max(text.rfind(mark, 0, word.start()) for mark in "，,：:") + 1
        if text[after - 1 : after] in "：:" and any(
                m.end() == after for m in rules().next_label.finditer(text, max(0, after - LABEL_REACH), after)):
            after = max(text.rfind(mark, 0, word.start()) for mark in "，,") + 1  # a role label's colon: no heading
        if after == 0 or after == tried:
            continue
        before = text[max(text.rfind(mark, 0, after - 1) for mark in "：:") + 1 : after]  # (after a heading)
        if rules().strong_trigger.search(text, 0, after) or roles_sentence(before):
            return None  # (由X牵头，Y配合做好…: the units after the lead's part act with it, read as a directive)
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
    """A line of its own without a sentence end: 一、工作目标 / （一）强化扬尘管控; not one
    closed by a parenthesis of its units or time limit (1.开展巡查（县环保局 6月底前）), a
    measure given out, unless the words before it name a stage, no measure (（一）初步排查
    （4月10日前完成）: the stage's time, its work in the lines under it)."""
    if line_clauses != 1 or clause.closing or len(clause.text) > rules().heading_max_length:
        return False
    if clause.text[-1:] not in CLOSE_PARENS:
        return True
    inner = strip_parenthetical(clause.text)[1]
    return inner is None or (_time_alone(inner) and not rules().weak_trigger.match(clause.text))


def _closed_by_its_time(text: str) -> bool:
    """Does ``text`` close with a parenthesis holding only its time limit (初步排查
    （4月10日前完成）)?"""
    inner = strip_parenthetical(text)[1] if text[-1:] in CLOSE_PARENS else None
    return inner is not None and _time_alone(inner)


def _time_alone(text: str) -> bool:
    """Does ``text`` hold a time limit alone, perhaps closed by a verb of completion
    (4月10日前完成)?"""
    limit = find(text, None)
    rest = text.replace(limit.text, "", 1).strip() if limit else None
    return rest is not None and (not rest or LIMIT_DONE.fullmatch(rest) is not None)


def _heads_tasks(seg: Segmentation, index: int, by_item: dict[int, list[Clause]], loose: list[int]) -> bool:
    """Is the item a heading written as a sentence ((四)加强舆论宣传。) over paragraphs
    without numbers that hold tasks of their own (各区要…)? Its words are then no task.
    ``loose``: where the tasks found so far start, in order (the item's one clause holds
    none: those after it are its paragraphs')."""
    clauses = by_item.get(index, [])
    text = clauses[0].text if len(clauses) == 1 else ""
    if not seg.items[index].sentence or not text or len(text) > rules().heading_max_length or COMMA.search(text):
        return False  # a measure (建设监测体系，9月底前建成。) is no heading
    after = seg.items[index + 1].start if index + 1 < len(seg.items) else None
    i = bisect_right(loose, clauses[0].end)
    return i < len(loose) and (after is None or loose[i] < after)


def _item_task(seg: Segmentation, index: int, by_item: dict[int, list[Clause]], anchor: date | None,
               taken: list[int] = ()) -> list[Found]:
    """The task of a numbered item without directives; two or more where the item's
    measures each close with their own parenthesis of roles (A。（X牵头）B。（Y牵头）).
    ``taken``: where the tasks found so far start, in order."""
    r = rules()
    clauses = by_item.get(index, [])
    target = bool(clauses) and _target_over_units(seg, index, clauses)
    measured = any(c.label and _is_measures_label(c.label) for c in clauses)
    if not clauses or (_under_non_task_heading(seg, index, by_item) and not target and not measured):
        # (a goal a unit line assigns is a task all the same, and so is the 整改措施 line
        # under a problem a rectification plan names: 一、X问题 / 整改措施：…)
        return []
    per_line: dict[int, int] = {}
    for c in clauses:
        per_line[c.paragraph] = per_line.get(c.paragraph, 0) + 1
    if len(points := _point_lines(clauses)) >= MIN_POINT_LINES:
        # 三、工作内容 / 一是疏通沟渠。组织人员… / 二是整治畜禽散养。引导农户…: lines of points,
        # each the measure of its own task
        return [Found(line[0].start, _joined(line), [], find(_with_closings(line), anchor), index, False)
                for line in points]
    measures, stated_target = _task_lines(clauses)
    if measures:
        line = measures[0].paragraph
        chosen = [c for c in clauses if c.paragraph == line]
        if len(chosen) > 1 and _label_alone(chosen[0]):
            chosen = chosen[1:]  # 整改措施：一是…；二是…: the label a clause of its own, before its colon
        else:
            chosen[0] = _without_label(chosen[0])
    else:
        chosen = []
        named: list[Clause] = []  # lines of units alone right under a heading (a row a cell a line)
        target_cell: Clause | None = None  # a row's target, on its line between its text and its units
        phase = False  # the item opens with a phase heading: a sentence giving its time may follow
        for before, c in zip([None, *clauses], clauses):
            if (not chosen and not c.label and not c.opens_item and clauses[0].opens_item
                    and per_line[c.paragraph] == 1 and units_in(c.text)):
                named.append(c)  # 1.开展排查 / 县发改局 / 6月底前: the heading is the task, the line its units
                continue
            if named and not chosen and per_line[c.paragraph] == 1 and _is_time_limit(c.text):
                continue  # …its time limit, a cell of its own (read from the item's whole text below)
            if c.label and chosen and c.paragraph == chosen[-1].paragraph and roles_sentence(c.text) is not None:
                chosen.append(c)  # …。牵头单位：X 配合单位：Y on the item's own line: its roles
                continue
            if c.label or (c.opens_item and (_is_heading(c, per_line[c.paragraph])
                                             or clause_rules().phase_heading.match(c.text))) or _is_blanket(c.text):
                # a heading, a phase heading closed by 。 (（二）整治阶段（6月至9月）。) too, also
                # where the phase's work follows on its line
                phase = phase or bool(c.opens_item and clause_rules().phase_heading.match(c.text))
                continue
            if phase and not chosen and _phase_time(c.text):
                continue  # …阶段。时间：5月30日至6月4日。组织…: the time of the phase (read below)
            if target_cell is not None and c.paragraph == target_cell.paragraph and c is not target_cell:
                target_cell = c  # the target's line goes on
                continue
            if (chosen and c.paragraph != chosen[-1].paragraph and not _measure_lines(chosen[-1], c, clauses)
                    and not ((before is chosen[-1] or before is target_cell) and per_line[c.paragraph] == 1
                             and units_in(c.text))):
                if target_cell is None and before is chosen[-1] and _target_over_unit_line(c, clauses, per_line):
                    target_cell = c  # text / target / units, a cell a line: the target is no measure
                    continue
                break  # (a line of units alone right after the item's text names who does it: read below)
            chosen.append(c)
        if not chosen and named and not seg.items[index].children:
            chosen = [clauses[0], *named]
        if not chosen and target:
            chosen = clauses[:1]  # （一）地区生产总值增长7%以上 / 责任单位：…: a target, no heading
        if len(clauses) == 1 and (not chosen or _heading_sentence(chosen)):
            # （一）整治完成列入台账的工地。 over a paragraph without a number (8月底前，整治
            #完成…) that holds no task of its own: the paragraph carries the item's work
            body = _body_after(seg, index, clauses[0])
            if body and bisect_left(taken, body[0].start) == bisect_right(taken, body[-1].end):
                chosen += body
        if not chosen and len(clauses) == 1 and seg.items[index].leaf and (
                (verb := r.weak_trigger.match(clauses[0].text)) or _among_sentence_rows(seg, index)
                or _closed_by_its_time(clauses[0].text)) and (
                not verb or verb.end() < len(clauses[0].text.rstrip(TRAILING))):
            # 2.推进道路保洁 with no stop and nothing under it: a measure, not a heading (2.加大
            # where the page ends after its verb names no work); so is any such line among
            # items that are mostly sentences with nothing under them (the rows of a list of
            # measures, some written without a stop: 4.护河员开展日常巡查 / 5.沟渠清淤), and a
            # stage given its time with nothing under it (（一）初步排查（4月10日前完成）)
            chosen = clauses[:1]
    roles: list[Assignment] = []
    stated_at: list[int] = []  # where each sentence stating roles stands, for an item of several measures
    actions: list[Clause] = []
    for c in chosen:
        sentence_roles = roles_sentence(_without_closing_blanket(c.text))
        if sentence_roles is None and c.text[:1] in OPEN_PARENS and c.text[-1:] in CLOSE_PARENS:
            # （县环保局、县住建局）; a blanket sentence closing it (。以下均需各县落实，不再列出)
            # speaks for the tasks after it (_apply_blankets)
            sentence_roles = parenthesis_roles(_without_blanket(c.text[1:-1]))
        if sentence_roles is None and c.text[:1] in OPEN_PARENS and _left_open_to_the_end(seg, c):
            # （X牵头，Y、Z、 where the page ends, a sentence of it after (。以下各项…) too
            sentence_roles = _roles_cut_short(c.text)
        if sentence_roles is None and c is not chosen[0] and (listed := units_in(c.text)):
            # …。县住建局、县城管局; names a flattened row ran together (…、规划局市国土资源局、…) part
            sentence_roles = [Assignment(part, "responsible") for u in listed for part in unglue(u)]
        if sentence_roles == [] and _completes_something(c.text):
            sentence_roles = None  # 9月底前完成一段式煤气发生炉淘汰工作: a measure with its time, not a time alone
        if sentence_roles and c.opens_item and _completes_something(_after_last_comma(c.text)):
            # 一、由X牵头，Y配合，7月底前完成城东管网改造: the item's own measure, its roles
            # and time limit first (read from its text below), not a line of roles alone
            sentence_roles = None
        if sentence_roles is not None:
            roles += sentence_roles
            stated_at += [c.start] * len(sentence_roles)
            continue
        if not r.proceedings.match(c.text):  # (会议听取了…汇报。会议原则同意…: no task)
            actions.append(c)
    if not actions and roles and (heading := clauses[0]) not in chosen and heading.opens_item and not heading.label:
        # （九）完善应急预案修订工作 / 县生态环境局负责，10月底前完成。: a heading over a line
        # of roles alone (no sentence of its own to hold them) is the measure they are given
        chosen.insert(0, heading)
        actions = [heading]
    if not actions or (actions == chosen[:1] and clause_rules().phase_heading.match(actions[0].text)):
        return []
    if r.purpose.match(_joined(actions).rstrip(TRAILING)):
        return []  # 为改善…，制定本方案: the plan's purpose under a summary's heading
    if actions == chosen[:1] and actions[0].opens_item and _heads_blanket(clauses, actions[0]):
        return []  # （二）常态化管理事项。下列事项由…: a heading over the tasks it hands out
    first = actions[0]
    text = _joined(chosen[chosen.index(first) : chosen.index(actions[-1]) + 1])
    lead_roles, _ = leading_roles(text)
    if not lead_roles and (opening := next(each_comma_part(text), None)):
        lead_roles = stated_roles(opening[1])
    if not lead_roles:
        # 按照…的要求，由X、Y负责… / 严格执法，县公安局会同县交通局…: a later part that
        # hands the item over (由) or opens with its units and a role or partner word
        lead_roles = merge(*(stated_roles(part) for _, part in each_comma_part(text)))
        if lead_roles and (acting := _acting_units(text)) and acting[0]:
            # 县环保局、县水利局加强监测，由某县制定保护规定: the units opening the item do its
            # work; the one a later part has draft a paper drafts a piece of it
            lead_roles = merge(*(stated_roles(part, drafting=False) for _, part in each_comma_part(text)))
    if not lead_roles and not roles and not stated_target and not _closing_roles(text) and (acting := _acting_units(text)):
        # （一）…阶段 / 各乡镇结合实际，制定…: an item without a trigger word whose text
        # opens with the units that act — unless a parenthesis closing it names them
        # (各区环境监察能力建设实现达标（各区政府负责）: 各区 only says whose work it is)
        lead_roles, text = acting
        if text.startswith("将"):
            return []  # ㈢督查阶段。州领导小组将对…进行督查: what the issuer announces it will do
    elif (not lead_roles and not roles and not stated_target and not _closing_roles(text)
          and 0 < (stop := text.find("。")) <= r.heading_max_length and not r.label.match(text, stop + 1)
          and (acting := _acting_units(text[stop + 1 :])) and not acting[1].startswith("将")
          and all(is_unit(a.name, in_list=False) for a in acting[0])):
        # （二）严格督查考核。县大气办每月通报…: a heading sentence, then the units that do its
        # work, named as bodies are (成立某镇工作专班，… names what is set up)
        lead_roles = acting[0]
    elif (not lead_roles and not roles and not stated_target and not _closing_roles(text)
          and (after := _after_opening_limit(text)) and (acting := _acting_units(text[after:]))
          and not acting[1].startswith("将") and all(is_unit(a.name, in_list=False) for a in acting[0])):
        # 3月底前，县水务局完成…: an item opening with its time limit, then the units that
        # do its work (the item keeps its text and time limit)
        lead_roles = acting[0]
    lead_roles = _with_co_actors(lead_roles, text)
    measures = [c for c in clauses if not c.label or _is_measures_label(c.label)]
    # a time-limit line of the item's own (整改时限：…) outranks a word in its text (立即完成…)
    labelled = [m.group("rest") for c in clauses if c.label and (m := r.label.match(c.text))
                and r.deadline_label.match(m.group("label"))]
    own_limit = stated_limit(labelled[0], anchor) if labelled else None
    deadline = own_limit or find(_with_closings(chosen), anchor) or find(_with_closings(measures), anchor)
    number = NON_DIGITS.sub("", seg.items[index].marker) or None
    pieces = _measures_with_roles(text)
    if len(pieces) > 1:
        # role sentences of the item close it: they are its last measure's
        last = pieces[-1][0]
        closing = [a for a, at in zip(roles, stated_at) if at >= first.start + last]
        return [Found(first.start + at, piece, merge(lead_roles if at == 0 else [], own, closing if at == last else []),
                      own_limit or find(piece, anchor), index, True, number if at == 0 else None)
                for at, piece, own in pieces]
    text, inner = strip_parenthetical(text)
    if inner is not None:
        roles += parenthesis_roles(inner, text) or []
    text, trailing = _trailing_roles(text)
    roles += trailing
    if not roles and not lead_roles and (head := UNITS_SENTENCE.match(text)) and (names := units_in(head.group(1))) and (
            all(unit_rules().glued_start.match(name) for name in names)):
        # 1、区住建局。排查…: a duty list's item opens with its units, a sentence of their own,
        # each named like a body (区/县/各…: 优化产业布局。 is a heading, no unit)
        roles, text = [Assignment(u, "responsible") for u in names], text[head.end():]
    if not roles and (held := _units_with_role(text)) and _glued_duties(duties := text[held[1]:]):
        # 二、县住建局负责A；县城管局负责B。: each body's duty a task of its own
        return _duty_tasks(first.start + held[1], duties, [Assignment(u, held[2]) for u in held[0]], index, anchor)
    if len(dated := _dated_deliverables(text)) > 1:
        # 农用地调查由农业部门负责，2018年底前完成；工业用地调查由环保部门负责，2019年底前
        # 掌握…，2020年底前完成…: each deliverable with its own dated limit a task, by the
        # units the item names (its parenthesis, its opening) and those its part hands it to
        named = merge(leading_roles(text)[0], roles)
        return [Found(first.start + at, piece, merge(named, stated_roles(piece)), find(piece, anchor), index, True,
                      number if at == 0 else None) for at, piece in dated]
    roles = merge(lead_roles, roles)
    if not roles and (body := r.established_body.search(text)):
        # 为加强组织领导，县政府决定成立X领导小组，负责…: X's duty
        return [Found(first.start + body.end(), text[body.end():], [Assignment(body["name"], "responsible")],
                      deadline, index, True, number)]
    return [Found(first.start, text, roles, deadline, index, bool(roles), number)]


COMPLETED_MIN = 9  # characters beyond its time limit that make a sentence name what is completed
COMPLETED_OBJECT = 4  # …or characters after its verb of completing (年底前完成城区散煤清零)
COMPLETING = re.compile(r"完成|建成|实现")
GENERIC_WORK = ("任务", "工作", "目标")  # what every item completes (基本完成整治任务): names nothing


def _with_closings(clauses: Iterable[Clause]) -> str:
    """The clauses' text as written, each with the mark that closed it (a blank at a bare
    line end): where a sentence of an item ends tells its time limit from a later
    sentence's frame (…。2018年，总量控制在…)."""
    return "".join(c.text + (c.closing or " ") for c in clauses)


def _completes_something(text: str) -> bool:
    """Does a sentence of time limit and completion (6月底前完成 / 9月底前完成一段式煤气发生炉
    淘汰工作 / 年底前完成城区散煤清零) name what is to be completed, not only when?"""
    limit = find(text, None)
    if limit is None:
        return False
    done = COMPLETING.search(text, text.find(limit.text) + len(limit.text))
    return len(text) - len(limit.text) > COMPLETED_MIN or (
        done is not None and len(text) - done.end() >= COMPLETED_OBJECT and not text.endswith(GENERIC_WORK))


MEASURE_SENTENCES = 3  # a heading, at least one sentence of work, the parenthesis of roles


def _measures_closed_by_roles(seg: Segmentation, lines: dict[int, list[Clause]]) -> set[int]:
    """The opening lines of the leaf items written as one measure: a heading sentence, the
    sentences of its work, then a parenthesis of the roles of all of it ((一)优化布局。严格准入。
    新建项目必须…。加快淘汰…。(县发改局、县工信局按职责分工负责)). A trigger word inside
    one of its sentences (必须, 要) opens no task of its own: the item is one task. (Where
    measures of the item close with parentheses of their own, each is a task: _item_task.)"""
    whole: set[int] = set()
    for item in seg.items:
        line = lines.get(item.paragraph, [])
        if (item.leaf and item.sentence and len(line) >= MEASURE_SENTENCES and line[0].opens_item
                and all(c.item == line[0].item and not c.label for c in line)
                and line[-1].text[:1] in OPEN_PARENS and line[-1].text[-1:] in CLOSE_PARENS
                and all(c.closing in SENTENCE_END and c.text[:1] not in OPEN_PARENS for c in line[:-1])
                and parenthesis_roles(_without_blanket(line[-1].text[1:-1]))):
            whole.add(item.paragraph)
    return whole


def _target_over_unit_line(clause: Clause, clauses: list[Clause], per_line: dict[int, int]) -> bool:
    """Does the line ``clause`` opens stand right above a line of units alone (a task table
    copied one cell a line: the row's text, its target, its units)?"""
    nxt = next((c for c in clauses if c.paragraph > clause.paragraph), None)
    return (nxt is not None and per_line[nxt.paragraph] == 1 and not nxt.label and units_in(nxt.text) is not None)


def _measure_lines(last: Clause, first: Clause, clauses: list[Clause]) -> bool:
    """Does the line that ``first`` opens go on with the item's measures after the line
    ``last`` closes, each line a measure closing with its own roles (A。（X牵头）/ B。（Y牵头））?"""
    line = [c for c in clauses if c.paragraph == first.paragraph]
    return _closing_roles(last.text) and _closing_roles(line[-1].text)


def _left_open_to_the_end(seg: Segmentation, clause: Clause) -> bool:
    """Does the parenthesis the clause opens stay open to the end of the document (a page
    cut short inside it)?"""
    after = seg.clauses[bisect_right(seg.clauses, clause.start, key=lambda c: c.start):]
    return clause.paragraph == seg.clauses[-1].paragraph and not any(
        ch in CLOSE_PARENS for c in [clause, *after] for ch in c.text)


def _closing_roles(text: str) -> bool:
    """Does a parenthesis closing the text state its roles or list its units?"""
    if text.rstrip(TRAILING)[-1:] not in CLOSE_PARENS:
        return False
    before, inner = strip_parenthetical(text)
    return inner is not None and bool(parenthesis_roles(inner, before))


def _target_over_units(seg: Segmentation, index: int, clauses: list[Clause]) -> bool:
    """Is the item a line of its own over lines that only name its units (（一）工业投资增长
    12%以上 / 责任单位：区发改局), with no items under it: the row of a division of tasks
    written line by line, its target the task (a heading over items hands them its units)?"""
    r = rules()
    return (len(clauses) > 1 and clauses[0].opens_item and not clauses[0].label and not seg.items[index].children
            and all(c.label in r.role_label for c in clauses[1:]))


def _among_sentence_rows(seg: Segmentation, index: int) -> bool:
    """Does the item, with nothing under it, stand in a run of such siblings at least half
    of which are sentences (the rows of a list of measures, some written without a stop)?"""
    items = seg.items
    item = items[index]

    def sibling(n: int) -> bool:
        return items[n].parent == item.parent and items[n].level == item.level and items[n].leaf

    first = last = index
    while first > 0 and sibling(first - 1):
        first -= 1
    while last + 1 < len(items) and sibling(last + 1):
        last += 1
    return 2 * sum(items[n].sentence for n in range(first, last + 1)) >= last - first + 1


def _heading_sentence(chosen: list[Clause]) -> bool:
    """Is an item's one clause a heading written as a sentence (（二）持续巡查，随查随改。 too)?"""
    return len(chosen) == 1 and chosen[0].opens_item and len(chosen[0].text) <= rules().heading_max_length


def _body_after(seg: Segmentation, index: int, opening: Clause) -> list[Clause]:
    """The clauses of the paragraph right after an item's only line when that paragraph has
    no number and belongs to the item's section, not to a next item (nor labelled), nor
    closes the document (特此通知。 / the date it is signed with, after its last item)."""
    at = bisect_right(seg.clauses, opening.start, key=lambda c: c.start)
    body: list[Clause] = []
    for c in seg.clauses[at:]:
        if (c.opens_item or c.label or c.item != seg.items[index].parent or _is_blanket(c.text)
                or re.match(r"[^，,。；;]{1,10}[：:]", c.text) or roles_sentence(c.text) is not None
                or clause_rules().closing_formula.match(c.text) or signature_date([c.text]) is not None):
            break  # a line of roles (工作协助部门：水务局) or a field is no work
        if body and c.paragraph != body[0].paragraph or any(opening.paragraph < n < c.paragraph for n in seg.signed):
            break  # (the signature ends the body: what follows is an attachment's)
        body.append(c)
    return body


# (or the label of a meeting's decisions: 会议议定：一是…；二是…, 会议记录：一是…)
ANNOUNCING = re.compile(r"(?:以下|如下|下列|[几两三四五六七八九十\d]{1,3}(?:个?方面|项|件事?|点)|做法|措施|举措"
                        r"|会议(?:记录|议定|决定|确定|明确|商定)|议定事项)[^，,]{0,12}$")
ANNOUNCING_REACH = 24  # the words it looks for and what may follow them: the clause's end only


DEPLOYED_REACH = 24  # characters: no verb of deploying at a sentence's end is longer (作了全面安排部署)


def _announces(text: str) -> bool:
    """Does a clause before a colon only announce the measures listed after it (重点抓好以下
    六个方面的整治任务 / 具体做法)?"""
    return bool(ANNOUNCING.search(text, max(0, len(text) - ANNOUNCING_REACH)))


def _go_on(task: Found, part: str, anchor: date | None) -> None:
    """A clause after ； that goes on ``task``: its words join the task's, its time limit
    serves where the task has none."""
    task.text += "；" + part
    task.deadline = task.deadline or find(part, anchor)


def _enumeration_follows(clauses: list[Clause], index: int) -> bool:
    """Does the clause after ``clauses[index]``, on its line, open with an inline enumeration
    (一是…, 1、…)?"""
    nxt = clauses[index + 1] if index + 1 < len(clauses) else None
    return bool(nxt and nxt.paragraph == clauses[index].paragraph and _enumerated(nxt) is not None)


def _next_point(clauses: list[Clause], index: int, last: Found) -> bool:
    """Does the clause at ``index`` go on the points of the clause before it on its line,
    the task found last read from that one (会议要求，一是要…；二是…)?"""
    before = clauses[index - 1] if index else None
    if before is None or before.paragraph != clauses[index].paragraph or not before.start <= last.start < before.end:
        return False
    lead = _lead_in(before.text)
    return rules().enumeration.match(before.text, lead.end() if lead else 0) is not None


def _enumerated(clause: Clause) -> int | None:
    """How much of the clause's text numbers it as an item of an inline enumeration (一是,
    1、; none of it for a bare numeral, left out of its text: …：一禁止…；二…), None when it
    is no such item."""
    if clause.numbered:
        return 0
    return enum.end() if (enum := rules().enumeration.match(clause.text)) else None


def _phase_time(text: str) -> bool:
    """Does a sentence only give the time of a phase (时间：5月30日至6月4日 / 每年3月15日至4月1日)?"""
    return bool(rules().phase_time.match(text)) or resolve(text, None) is not None


def _trailing_roles(text: str) -> tuple[str, list[Assignment]]:
    """An item's text without the role parts that close it after a comma (淘汰燃煤小锅炉，
    由县发改局负责，县市场监管局配合), and their roles; the text as it is when none do."""
    parts = comma_parts(text)
    cut, found = len(text), []
    for offset, part in reversed(parts[1:]):
        stated = role_part(part)
        if stated is None:
            break
        cut, found = offset, stated + found
    # the part before them may close with its own roles after the work it names
    # (饮用水源保护区整治由市环保局负责，… / 重金属企业专项检查：市环保局牵头，…)
    last = next(((offset, part) for offset, part in reversed(parts) if offset < cut), None)
    if last is not None and (split := _ROLES_OPENING.search(last[1])) and split.start() >= 2:
        at = split.start() + (split.group() != "由")
        if stated := role_part(last[1][at:]):
            cut, found = last[0] + split.start(), stated + found
    if not found or roles_sentence(text[:cut]) is not None:
        # (由X牵头，Y配合，7月底前完成城东管网改造: roles open the text, no work before the
        # parts that close it; the item's measure is all of it)
        return text, []
    return text[:cut].rstrip(TRAILING + "：:"), found


_ROLES_OPENING = re.compile("(?:由|[：:])(?=[^由：:]*$)")  # the last 由 or colon of a part


def _roles_cut_short(text: str) -> list[Assignment] | None:
    """The roles of a parenthesis the end of a page cut short (（X牵头，Y、Z、): the
    roles its whole parts state, and the units of its unfinished last part, whose role
    word is lost: support after a lead (X牵头，Y配合 is how such lists go on), else
    responsible; None for any other text."""
    if text[:1] not in OPEN_PARENS or any(ch in text for ch in CLOSE_PARENS):
        return None
    parts = [part for _, part in comma_parts(text[1:].rstrip(TRAILING))]
    if not parts:
        return None
    whole = roles_sentence("，".join(parts[:-1])) if len(parts) > 1 else []
    if len(parts) > 1 and (sentence := _FULL_STOP.search(text)) and (
            first := roles_sentence(text[1 : sentence.start()])):
        # （X牵头，Y参与，Z负责落实。Z包含… cut short: the first sentence states the roles,
        # the rest is a note on them
        return first
    last = role_part(parts[-1])
    cut = parts[-1].strip()
    if last is None and ((label := rules().label.match(cut)) and (
            label.group("label") in rules().role_label and len(label.group("rest").strip()) < 4)
            or any(word.startswith(cut) for word in rules().role_label)
            or whole and len(cut) <= 2):
        # 责任单位：县 / 责任单 / X牵头，各 — the page ended inside the name or the label
        last = []
    if last is None and ((units := units_in(parts[-1])) or "、" in parts[-1] and (
            units := units_in(parts[-1].rpartition("、")[0]))):
        # (…、各乡镇政府、街道: the page ended inside the last name, the names before it whole)
        role = "support" if any(a.role == "lead" for a in whole or []) else "responsible"
        last = [Assignment(u, role) for u in units]
    if whole is None or not last and not whole or last is None:
        return None
    return leads_beside_partners(merge(whole, last), text)  # (责任单位：X，配合单位：Y、Z: X leads)


_FULL_STOP = re.compile("[。]")
_PARENTHESIS = re.compile(f"[{re.escape(OPEN_PARENS + CLOSE_PARENS)}]")
_SENTENCE_BREAK = re.compile("[。；;]")


def _measures_with_roles(text: str) -> list[tuple[int, str, list[Assignment]]]:
    """An item's measures, each closed by a parenthesis whose first sentence states its
    roles and followed by more text (完成…编制。（X牵头，Y参与。以下…）按省要求，…。（Z牵头））,
    the parenthesis after the measure's full stop or before it (…新能源车（X牵头；Y落实）。建设…):
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
            inner = text[opened + 1 : i]
            if (depth == 0 and (text[:opened].rstrip(" ")[-1:] in "。；;" or text[i + 1 : i + 2] in "。；;")
                    and len(rest) >= 4 and rest[0] not in OPEN_PARENS
                    and (roles := roles_sentence(inner) or roles_sentence(_SENTENCE_BREAK.split(inner)[0]))):
                # (labels one after the other: 牵头单位：X；配合单位：Y, all of it roles)
                pieces.append((start, text[start:opened].rstrip(TRAILING + " "), roles))
                start = len(text) - len(rest)
    if not pieces:
        return [(0, text, [])]
    last, inner = strip_parenthetical(text[start:])
    return [*pieces, (start, last, roles_sentence(inner) or [] if inner is not None else [])]


def _measures_around_thing_directives(seg: Segmentation, by_item: dict[int, list[Clause]], found: list[Found],
                                      directive_items: set[int]) -> list[int]:
    """The leaf items read for their directives whose body opens with a measure of its own
    (a verb of a measure, no subject), the directives later in it naming no units (a thing
    is to be done: 线性工程要…): items whose text is one task."""
    r = rules()
    out = []
    for index in sorted(directive_items):
        inside = [f for f in found if f.item == index]
        body = [c for c in by_item.get(index, []) if not c.label and not (c.opens_item and c.closing in SENTENCE_END + ("",))]
        if (seg.items[index].leaf and inside and body and all(not f.units for f in inside)
                and r.weak_trigger.match(body[0].text) and body[0].start < inside[0].start
                and not any(f.start == body[0].start for f in inside)):
            out.append(index)
    return out


def _measures_beside_directives(seg: Segmentation, by_item: dict[int, list[Clause]], found: list[Found],
                                directive_items: set[int], anchor: date | None) -> list[Found]:
    """The measures of an item read for its directives that hold none, where each measure
    closes with its own parenthesis of roles (严控准入。（牵头单位：X）…单位应建立台账。（牵头单位：
    Y）): tasks of the roles their parenthesis states, as in an item without directives."""
    out: list[Found] = []
    for index in sorted(directive_items):
        if not seg.items[index].leaf:
            continue
        clauses = [c for c in by_item.get(index, []) if not c.label]
        for _, group in itertools.groupby(clauses, key=lambda c: c.paragraph):
            group = list(group)
            text = _joined(group)
            if "（" not in text and "(" not in text or len(pieces := _measures_with_roles(text)) < 2:
                continue
            at_clause, position = [], 0  # where each clause starts in ``text``
            for c in group:
                at_clause.append(position)
                position += len(c.text) + len(c.closing)
            for at, piece, roles in pieces:
                k = bisect_right(at_clause, at) - 1
                start = group[k].start + at - at_clause[k]
                if not roles or not piece or any(f.item == index and start <= f.start < start + len(piece) for f in found):
                    continue
                if group[k].opens_item and at == 0 and not _PART_BREAK.search(piece):
                    continue  # 二、加强领导（镇政府办负责）。各村要…: the heading its roles close, no measure
                out.append(Found(start, piece, roles, find(piece, anchor), index, True))
    return out


_PART_BREAK = re.compile("[，,。；;]")


def _with_co_actors(lead: list[Assignment], text: str) -> list[Assignment]:
    """The roles an item's first part states, and after 由X牵头， the units opening the next
    part as the ones acting with X (由县农村办牵头，县委督查室、县直相关部门对…进行检查):
    they support. Beside units that answer for the item, a later part opening with other
    units and an action word (由各镇负责，县水务局做好技术指导) names those who do that
    piece of the work: they answer for it too."""
    parts = comma_parts(text)
    if not lead or len(parts) < 2:
        return lead
    if any(a.role != "lead" for a in lead):
        return merge(lead, [Assignment(u, "responsible") for _, part in parts[1:] for u in acting_units(part.strip())])
    part = parts[1][1].strip()
    units, end = leading_units(part)
    if not units or rules().past.search(part):
        return lead  # past work assigns none
    # …，县住建局配合进行审批: a role word and the action after it, which no role part is
    # (…，县住建局配合 alone states its role with the lead's, not read here)
    return lead + [Assignment(u, role_word_at(part[end:]) or "support") for u in units]


def _partnered(body: str, duty: _Duty) -> tuple[str, list[Assignment]] | None:
    """A duty that opens with the partners its units work with (会同市经贸委做好…): the
    duty's text and its units, the line's leading and the partners supporting; None for
    any other duty."""
    partner = rules().partner.match(body)
    names = leading_units(body[partner.end():])[0] if partner else []
    if not names:
        return None
    return body, [Assignment(u, "lead") for u in duty.units] + [Assignment(u, "support") for u in names]


def _acting_list(text: str) -> list[Assignment]:
    """The units a directive that names none lists as the subject of a later part of its
    own (要…整改，县攻坚办、县住建局对整改工地进行验收): two or more named one after the other,
    then what they do; they answer for the task. [] when no part after the first does so."""
    for offset, part in each_comma_part(text):
        if offset and "、" in part and (acting := _acting_units(part)) and len(acting[0]) > 1 and (
                not rules().strong_trigger.match(acting[1])):  # (…，X、Y要…: a directive of their own)
            return acting[0]
    return []


def _after_opening_limit(text: str) -> int | None:
    """Where the text goes on after a time limit that is its whole first part (3月底前，…),
    None when it opens otherwise."""
    parts = itertools.islice(each_comma_part(text), 2)
    first, second = next(parts, None), next(parts, None)
    return second[0] if first and second and limit_alone(first[1]) else None


def _acting_units(text: str) -> tuple[list[Assignment], str] | None:
    """The units opening an item's text as its subject (各乡镇组织有关部门开展…) and the
    text after them; None when it opens otherwise, or reports work done."""
    if rules().object_leads.match(text):
        return None  # 督促建设单位落实…: whom the action is about, not who acts
    units, end = leading_units(text)
    rest = text[end:].lstrip("，, ")
    if not units or len(rest) < 4 or rest[0] in TRAILING + "的和与及" or rules().past.search(rest):
        return None  # (施工现场破土处和裸地要…: a list going on with no name is no subject)
    if rules().collective_not_acting.match(rest):
        return None  # 各乡镇负责同志参加…: who attends for them, not what they do
    return [Assignment(u, "responsible") for u in units], rest


def _roles_close_line(clauses: list[Clause], index: int) -> bool:
    """Does the clause after ``clauses[index]`` on its line close it with roles (各区建设
    微型站。（责任单位：各区政府、市环保局）)? The opening collective then only says whose
    work it is: the roles name the units."""
    after = clauses[index + 1] if index + 1 < len(clauses) else None
    return (after is not None and after.paragraph == clauses[index].paragraph and not after.opens_item
            and _closes_with_roles(after.text) and roles_sentence(after.text) is not None)


def _closes_with_roles(text: str) -> bool:
    """Could the clause be the roles closing a measure: a parenthesis, or a role label
    (（责任部门：…） / 责任单位：…)?"""
    m = rules().label.match(text)
    return text[:1] in OPEN_PARENS or bool(m) and m.group("label") in rules().role_label


def _collective_acting(text: str) -> tuple[list[Assignment], str] | None:
    """The collective opening a sentence as its subject (各区县政府组织…) and the action
    after it; None otherwise."""
    return _acting_units(text) if text.startswith("各") else None


def _field_blocks(seg: Segmentation, anchor: date | None, read: set[int]) -> tuple[list[Found], set[int]]:
    """Blocks of labelled lines outside numbered items (存在问题：… / 整改要求：… / 整改时限：…
    / 责任单位：…): the measures line is the task, the block's other lines give its units
    and time limit. A block is a run of consecutive labelled lines; a second measures line
    opens the next block. Fields a line runs together (责任单位：X整改时限：Y整改措施：Z) are
    consecutive as lines are. Where numbered measures follow the measures label (整改措施：
    筑牢…。1.深入学习… 2.…), each is a task of the block (its own time limit first) and its
    line only their heading; the items so read are returned with the tasks. ``read``: the
    items already read as directives of their own (1．某镇要立即…), left as they are."""
    r = rules()
    blocks: list[list[Clause]] = []
    continued: set[int] = set()  # blocks a second measures line opened among consecutive lines
    last = -2
    for c in seg.clauses:
        if c.item is not None or c.label is None:
            continue
        measures = _is_measures_label(c.label)
        if c.paragraph not in (last, last + 1) or (measures and any(_is_measures_label(b.label) for b in blocks[-1])):
            if c.paragraph in (last, last + 1):
                continued.add(len(blocks))
            blocks.append([])
        blocks[-1].append(c)
        last = c.paragraph
    found: list[Found] = []
    taken: set[int] = set()
    on_line: dict[int, list[Clause]] = {}
    for c in seg.clauses if blocks else ():
        on_line.setdefault(c.paragraph, []).append(c)
    before: list[Assignment] = []  # the units of the block before
    for n, block in enumerate(blocks):
        measures, _ = _task_lines(block, under_problem=True)
        if not measures:
            continue
        task = _without_label(measures[0])
        rest = [c for c in on_line[task.paragraph] if c.start > task.start]
        if rest and _label_alone(measures[0]):
            task, rest = rest[0], rest[1:]  # 整改措施：一是… — the label a clause of its own
        points = _points(on_line[task.paragraph], task)
        numbered = _numbered_measures(seg, measures[0]) if _is_measures_label(measures[0].label or "") else {}
        if numbered:
            pieces = [(clauses[0], _joined(clauses)) for index, clauses in numbered.items() if index not in read]
            taken.update(numbered)
        elif len(points) > 1:
            # 整改措施：一是…。二是…。: each point a measure of the block
            pieces = [(c, _joined(group)) for c, group in points]
        else:
            pieces = [(task, _joined([task, *rest]) if rest else task.text)]
        units: list[Assignment] = []
        deadline = None
        for c in block:
            m = r.label.match(c.text)
            if not m:
                continue
            if m.group("label") in r.role_label:
                units = merge(units, role_part(c.text) or [])
            elif r.deadline_label.match(m.group("label")) and deadline is None:
                deadline = stated_limit(m.group("rest"), anchor)
        if not units and n in continued:
            units = before  # 被督办单位：X / 整改要求：… / 办理要求：请…: one form, its units go on
        before = units
        for at, text in pieces:
            text, _ = strip_parenthetical(text)
            if text:
                limit = (find(text, anchor) or deadline) if numbered else (deadline or find(text, anchor))
                found.append(Found(at.start, text, units, limit, None, True))
    return found, taken


def _numbered_measures(seg: Segmentation, label: Clause) -> dict[int, list[Clause]]:
    """The numbered items right after a measures label, on its line or below it (整改措施：
    1.… 2.…), each leaf with its clauses, up to the first clause outside them (the next
    labelled line, or unnumbered text); {} where none follows."""
    found: dict[int, list[Clause]] = {}
    at = seg.clauses.index(label) + 1
    # the label's own line may say what the measures are for before them (筑牢…。1.…)
    while at < len(seg.clauses) and seg.clauses[at].item is None and seg.clauses[at].paragraph == label.paragraph and (
            seg.clauses[at].label is None):
        at += 1
    for c in seg.clauses[at:]:
        if c.item is None or c.label is not None:
            break
        if seg.items[c.item].leaf:
            found.setdefault(c.item, []).append(c)
    return found


MIN_POINT_LINES = 2


def _point_lines(clauses: list[Clause]) -> list[list[Clause]]:
    """The lines of an item that each open with a point's marker (一是…), read without it,
    when every line after the item's heading does."""
    lines: dict[int, list[Clause]] = {}
    for c in clauses:
        lines.setdefault(c.paragraph, []).append(c)
    body = [line for line in lines.values() if not (line[0].opens_item and len(line) == 1)]
    opened = [_without_point(line[0]) for line in body]
    if not body or None in opened:
        return []
    return [[first, *line[1:]] for first, line in zip(opened, body)]


def _without_point(c: Clause) -> Clause | None:
    """The clause read without the point's marker it opens with (一是…), None when it opens
    with none."""
    if m := rules().point.match(c.text):
        return Clause(c.start + m.end(), c.end, c.text[m.end():], c.paragraph, c.item, False, None, c.closing)
    return None


def _points(line: list[Clause], first: Clause) -> list[tuple[Clause, list[Clause]]]:
    """The points a field's line enumerates from ``first`` on (一是…。二是…。), each as its
    first clause, read without its 一是, and the clauses it runs to; [] when the line numbers
    none."""
    clauses = [c for c in line if c.start >= first.start]
    if not clauses or not rules().point.match(clauses[0].text):
        return []
    points: list[tuple[Clause, list[Clause]]] = []
    for c in clauses:
        if opened := _without_point(c):
            points.append((opened, [opened]))
        else:
            points[-1][1].append(c)
    return points


def _task_lines(clauses: list[Clause], *, under_problem: bool = False) -> tuple[list[Clause], bool]:
    """The lines of a rectification list's row that state its task: those labelled as its
    measures (``_measures_of``), else its target line (``_target_line``); and whether it is
    the target (what is to be reached, by no actor)."""
    if measures := _measures_of(clauses):
        return measures, False
    target = _target_line(clauses, under_problem)
    return target, bool(target)


def _target_line(clauses: list[Clause], under_problem: bool = False) -> list[Clause]:
    """The target line of a rectification list's row that has no measures line, where lines
    of units or a time limit follow it (问题二：… / 整改目标：… / 责任单位：… / 整改时限：…): the
    row's task, not the problem it names; [] for any other. ``under_problem``: a line naming
    the problem right above the target makes the row too (a block of labelled lines outside
    numbered items: 整改任务：…存在…问题 / 整改目标：…)."""
    r = rules()
    labelled = [c for c in clauses if c.label]
    # a line naming the problem may come first (反馈问题：… / 整改目标：…)
    named_problem = False
    while labelled and (r.problem_label.search(labelled[0].label) or _quoted_problem(labelled[:2])):
        labelled, named_problem = labelled[1:], True
    if labelled and r.target_label.search(labelled[0].label) and (under_problem and named_problem or any(
            c.label in r.role_label or r.deadline_label.match(c.label) for c in labelled[1:])):
        return labelled[:1]
    return []


def _quoted_problem(pair: list[Clause]) -> bool:
    """Is the first of two labelled lines the problem a target line right under it answers
    (整改任务：一些地方仍存在…问题 / 整改目标：…), not measures?"""
    r = rules()
    return len(pair) == 2 and bool(r.quoted_problem_label.search(pair[0].label)) and bool(
        r.target_label.search(pair[1].label)) and not r.measures_label.search(pair[1].label)


def _measures_of(clauses: list[Clause]) -> list[Clause]:
    """The lines labelled as measures (整改措施：…), without one quoting the problem."""
    r = rules()
    labelled = [c for c in clauses if c.label]
    return [c for i, c in enumerate(labelled)
            if _is_measures_label(c.label) and not _quoted_problem(labelled[i : i + 2])]


def _is_measures_label(label: str) -> bool:
    """Does the label name measures (整改措施, 重点任务), not a target (目标任务: what the
    measures are to reach, a line of the same row)?"""
    r = rules()
    return bool(r.measures_label.search(label)) and not r.target_label.search(label)


def _heads_blanket(clauses: list[Clause], opening: Clause) -> bool:
    """Is the item's opening clause followed, on its line, by a blanket line (以下任务由…)?"""
    return any(c.paragraph == opening.paragraph and c.start > opening.start and _is_blanket(c.text)
               for c in clauses)


def _joined(clauses: list[Clause]) -> str:
    """Consecutive clauses of one line as written, each with the punctuation that closed it."""
    return "".join(c.text + c.closing for c in clauses[:-1]) + clauses[-1].text


def _label_alone(clause: Clause) -> bool:
    """Is the clause a line's label alone, its colon the clause's end (整改措施 of 整改措施：一是…)?"""
    return clause.closing in "：:" and bool(m := clause_rules().section_label.match(clause.text + clause.closing)) and (
        m.end() == len(clause.text) + 1)


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
        if i != index and opening and rules().problem_label.search(heading[-4:]) and any(
                (m := rules().label.match(c.text)) and m.group("label") in rules().role_label
                for c in by_item.get(i, [])):
            # （一）某河段垃圾堆积问题 / 责任单位：X / 整改措施： / 1.…: a problem a rectification
            # list names, with who answers for it: the items under it are its measures
            return False
        if opening and not rules().topic_heading.match(heading) and (_is_heading(opening, 1) and (rules().non_task_heading.search(heading)
                                                     or rules().non_task_section.match(heading))
                        or rules().non_task_heading.fullmatch(heading) or rules().non_task_opening.match(heading)
                        or opening.closing in SENTENCE_END and len(heading) <= rules().heading_max_length
                        and rules().report_sentence.search(heading)):
            # 一、工作目标 / 一、工作目标。到2025年… / 一、指导思想以…: goals, not tasks;
            # 3.省级督察交办问题整改情况。…: a report
            return True
        if i != index and opening and _is_heading(opening, 1) and (
                rules().weak_trigger.match(heading)
                or any(c.label in rules().role_label for c in by_item.get(i, []))):
            # 二、目标任务 （一）加强水污染防治 1.…: a section named by what is to be done
            # holds tasks, whatever the heading above it; so does a section whose lines
            # name who does its work (（一）市容整治 / 牵头单位：X / 成员单位：Y / 1.…)
            return False
        i = seg.items[i].parent
    return False


@dataclass
class _Stated:
    """What labelled lines and role sentences state for each item's own clauses (read once
    per document, so that each task's walk up its sections is a few look-ups)."""

    roles: dict[int, list[Assignment]]
    limits: dict[int, str]  # the text after the label of the item's first time-limit line
    head_limit: Clause | None  # the first time-limit line outside any item (a 督办单's head)
    # an item opening with a phase (集中整治阶段（3月16日至6月30日）。…): its heading, and where
    # the work on the heading's line ends
    phases: dict[int, tuple[str, int]]
    # the time limit a form's field section (四、整改时限 / 2024年12月底) states for the sections
    # beside it: their tasks' when they state none
    beside: dict[int, str] = field(default_factory=dict)


FIELD_LIMIT_MAX = 16  # characters of a time limit a form's field section states (2024年12月底前)
_FIELD_SEPARATORS = re.compile(r"[、，,和及与\s]")


def _field_sections(seg: Segmentation, by_item: dict[int, list[Clause]]) -> dict[int, list[Assignment] | str]:
    """The sections of a rectification form headed by a field's name alone, its value on the
    lines under it (二、责任单位 / 宿马园区管委会 / 三、整改措施 / （一）… / 四、整改时限 /
    2024年12月底): item -> its units in the role the field names, or the text of its time
    limit. No task: what they state goes to the tasks of the sections beside them."""
    r = rules()
    fields: dict[int, list[Assignment] | str] = {}
    for i, item in enumerate(seg.items):
        clauses = by_item.get(i, [])
        if not item.leaf or len(clauses) < 2 or not clauses[0].opens_item or clauses[0].closing not in ("", "：", ":"):
            continue
        name = clauses[0].text.strip()
        names = (name, name.removeprefix("整改"))  # (整改牵头单位, 整改完成时限: the field of a rectification)
        value = "，".join(c.text for c in clauses[1:])
        role = next((r.role_label[n] for n in names if n in r.role_label), None)
        if role and (units := _units_alone(value)):
            fields[i] = [Assignment(u, role) for u in units]
        elif any(r.deadline_label.match(n) for n in names) and len(clauses) == 2 and len(value) <= FIELD_LIMIT_MAX:
            fields[i] = value  # (one short value: a time, not a schedule's phases)
    return fields


def _units_alone(value: str) -> list[str] | None:
    """The units of a field's value that names nothing else (宿马园区党工委、管委会), else None."""
    units, rest = units_in(value) or [], value
    for unit in units:
        rest = rest.replace(unit, "", 1)
    return units if units and not _FIELD_SEPARATORS.sub("", rest) else None


def _stated(seg: Segmentation, by_item: dict[int, list[Clause]],
            fields: dict[int, list[Assignment] | str] | None = None) -> _Stated:
    r = rules()
    stated = _Stated({}, {}, None, {})
    labelled: dict[int, list[Assignment]] = {}  # the roles each item's labelled lines state
    for i, clauses in by_item.items():
        roles: list[Assignment] = []
        if clauses[0].opens_item and (clause_rules().phase_heading.match(clauses[0].text) or (
                (clauses[0].closing in SENTENCE_END or not clauses[0].closing and not seg.items[i].leaf)
                and clauses[0].text[-1:] in CLOSE_PARENS and len(clauses[0].text) <= r.heading_max_length)):
            # 集中整治阶段（3月16日至6月30日）。 / 分类整治（2024年6月—10月）。: a heading naming
            # the period of its work (a parenthesis of roles names none: _phase_limit)
            stated.phases[i] = (clauses[0].text, max(c.end for c in clauses if c.paragraph == clauses[0].paragraph))
        opening = clauses[0].text + (clauses[0].closing or "：" * bool(
            r.duty_head_tail.search(clauses[0].text) or not seg.items[i].leaf and units_in(clauses[0].text)))
        if clauses[0].opens_item and (head := _duty_line(opening))[0] and not opening[head[1]:].strip():
            # （九）县公安局主要工作任务： / （一）县生态环境局职责 / （一）县生态环境局 over its
            # numbered duties heads the items under it: their units
            roles += [Assignment(u, head[0].role) for u in head[0].units]
        elif clauses[0].opens_item and not seg.items[i].leaf and clauses[0].text[-1:] in CLOSE_PARENS:
            # （一）燃煤污染治理（牵头单位：县发改局） heads the items under it: their lead
            before, inner = strip_parenthetical(clauses[0].text)
            roles += (parenthesis_roles(inner, before) or []) if inner is not None else []
        listing: tuple[str, int] | None = None  # the role of a labelled list and its line
        for c in clauses:
            m = r.label.match(c.text)
            if m and r.deadline_label.match(m.group("label")):
                stated.limits.setdefault(i, m.group("rest"))
            if _is_blanket(c.text):
                continue  # applied by _apply_blankets, to the tasks it covers
            if m and m.group("label") in r.role_label:
                line_roles = role_part(c.text) or []
                roles += line_roles
                labelled.setdefault(i, []).extend(line_roles)
                listing = (r.role_label[m.group("label")], c.paragraph)
                continue
            if not c.label and listing and c.paragraph == listing[1] + 1 and (listed := units_in(c.text)):
                # 配合单位：县发改委、县水利局 / 各乡镇（街道）、某某建管办: the list goes on
                # on the next line, the label's role with it
                line_roles = [Assignment(u, listing[0]) for u in listed]
                roles += line_roles
                labelled.setdefault(i, []).extend(line_roles)
                listing = (listing[0], c.paragraph)
                continue
            listing = None
            if not c.label:
                # （X牵头，Y负责落实。以下均需Y落实，不再列出） under a heading: its roles, the
                # blanket closing it read by _apply_blankets
                roles += roles_sentence(_without_closing_blanket(c.text)) or []
        stated.roles[i] = merge(roles)
    for i, item in enumerate(seg.items):
        # ⑴ ⑵ 责任部门：A: the group's labelled line speaks for the items before it in the group
        if item.labels_of is not None and not stated.roles.get(i):
            stated.roles[i] = merge(labelled.get(item.labels_of, []))
            if item.labels_of in stated.limits:
                stated.limits.setdefault(i, stated.limits[item.labels_of])
    for field_at, value in (fields or {}).items():
        # a field's section speaks for the sections beside it that state no such field
        for i, item in enumerate(seg.items):
            if i == field_at or item.parent != seg.items[field_at].parent:
                continue
            if isinstance(value, str):
                stated.beside.setdefault(i, value)
            elif not stated.roles.get(i):
                stated.roles[i] = value
    for c in seg.clauses:
        m = r.label.match(c.text) if c.item is None else None
        if m and r.deadline_label.match(m.group("label")):
            stated.head_limit = c
            break
    return stated


def _item_roles(seg: Segmentation, index: int, stated: _Stated) -> list[Assignment]:
    """Roles stated for an item by role sentences or labelled lines, nearest section first;
    partners alone (协助部门：X under （十一）县林业局主要工作任务：) go with the units a
    section above names."""
    i: int | None = index
    found: list[Assignment] = []
    while i is not None:
        if stated.roles.get(i):
            found = merge(stated.roles[i], found)
            if any(a.role != "support" for a in found):
                return found
        i = seg.items[i].parent
    return found


def _item_deadline(seg: Segmentation, index: int, stated: _Stated, anchor: date | None,
                   at: int | None = None) -> Deadline | None:
    """The time limit of a labelled line (整改时限：…) of the item or, else, for work at
    ``at`` on the line of the phase heading opening the item, the end of the period it names
    (（二）集中整治阶段（3月16日至6月30日）。各乡镇要…: the phase's work is done by its end; the
    lines under a heading standing alone have their own), or of a phase heading above the
    item's number (（一）部署发动（6月份） / 1.…), else of its sections, else of the
    document's head, when it stands above the item."""
    i: int | None = index
    while i is not None:
        if i in stated.limits:
            return stated_limit(stated.limits[i], anchor)
        if i in stated.beside:
            return stated_limit(stated.beside[i], anchor)
        if i == index and at is not None and i in stated.phases and at <= stated.phases[i][1] and (
                limit := _phase_limit(stated.phases[i][0], anchor)):
            return limit
        if i != index and i in stated.phases and (limit := _phase_limit(stated.phases[i][0], anchor)):
            # （一）部署发动（6月份） / 1.… / 2.…: the numbered measures of a phase are done by its end
            return limit
        i = seg.items[i].parent
    head = stated.head_limit
    if head is not None and head.start <= seg.items[index].start:
        return stated_limit(rules().label.match(head.text).group("rest"), anchor)
    return None


_LONE_MONTH = re.compile(r"[（(]\s*((?:\d{4}年)?\d{1,2}月)份?\s*[）)]$")


def _phase_limit(heading: str, anchor: date | None) -> Deadline | None:
    """The time limit a phase's heading sets for its work: the end of the period it names
    (动员部署阶段（4月1日—4月10日） → 4月10日, 集中整治阶段（5月-8月） → end of August), a month
    of its own (总结阶段（11月）) to that month's end; None without a period."""
    if not (paren := re.search(r"[（(][^（）()]*[）)]$", heading)):
        return None
    if m := _LONE_MONTH.search(paren.group()):
        limit = find(m.group(1) + "底前", anchor)
        return Deadline(m.group(1), limit.date, limit.kind) if limit else None
    return find(paren.group(), anchor)


def _phase_opening(text: str, anchor: date | None) -> tuple[Deadline, int] | None:
    """A line opening with a phase and its time, then a colon (集中治理阶段（4月11日—4月30日）：…):
    the phase's time limit and where its work starts."""
    colon = min((i for i in (text.find("："), text.find(":")) if i > 0), default=-1)
    if colon < 0 or not clause_rules().phase_heading.match(text[:colon]) or not (limit := _phase_limit(text[:colon], anchor)):
        return None
    return limit, colon + 1


def _is_blanket(text: str) -> bool:
    return rules().blanket.match(text) is not None or _roles_first_blanket(text) is not None


def _roles_first_blanket(text: str) -> list[Assignment] | None:
    """The roles of a line that names them before the block it hands over (县生态环境局负责以下
    工作： / 由X牵头，Y配合，负责以下任务：), None for any other line."""
    if "以下" not in text and "下列" not in text:
        return None  # most clauses: one scan in C
    m = rules().blanket_after_end.search(text)
    return (roles_sentence(text[: m.start()]) or None) if m and m.start() > 0 else None


def _apply_blankets(seg: Segmentation, found: list[Found]) -> None:
    """以下任务由X牵头 → the tasks after it in its section, up to the section's next such
    line; 上述事项由X牵头 → those before it, back to the previous one. ``found`` is in
    document order."""
    r = rules()
    # ((after?, section), offset, roles, the numbers of the items it counts back over or None)
    lines: list[tuple[tuple[bool, int | None], int, list[Assignment], set[int] | None]] = []
    for clause in seg.clauses:
        # （X牵头。以下均需Y落实，不再列出） / 三、重点任务（以下任务牵头单位：X）
        text = _blanket_closing(clause.text) or _blanket_closing_heading(clause) or clause.text
        after, before = r.blanket_after.match(text), r.blanket_before.match(text)
        if after or before:
            # 由X牵头，Y配合: every role part of the line, not only the first
            end = (after or before).end()
            rest = text[end - 1 :] if text[end - 1 : end] in "由需须" else text[end:]
            assignments = roles_sentence(r.blanket_tail.sub("", rest))
        elif assignments := _roles_first_blanket(text):
            after = True  # 县生态环境局负责以下工作：
        else:
            continue
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
        counted = _counted_items(before.group(), seg, container, clause.start) if before else None
        lines.append(((bool(after), container), clause.start, assignments, counted))
    starts = [f.start for f in found]
    neighbour: dict[tuple[bool, int | None], int] = {}
    for key, offset, assignments, _ in reversed(lines):  # the next 以下… line of each section
        after, container = key
        if not after:
            continue
        end = seg.items[container].end if container is not None else starts[-1] + 1 if starts else 0
        _assign(seg, found[bisect_right(starts, offset) : bisect_left(starts, neighbour.get(key, end + 1))],
                assignments, container)
        neighbour[key] = offset
    neighbour.clear()
    for key, offset, assignments, counted in lines:  # back to the previous 上述… line of each section
        after, container = key
        if after:
            continue
        begin = seg.items[container].start if container is not None else 0
        if counted:  # 上述第6至8项…: those items of the section, wherever the last such line stood
            _assign(seg, found[bisect_left(starts, begin) : bisect_left(starts, offset)], assignments, container, counted)
            neighbour[key] = offset
            continue
        _assign(seg, found[bisect_left(starts, max(begin, neighbour.get(key, begin))) : bisect_left(starts, offset)],
                assignments, container)
        neighbour[key] = offset


TIME_BLANKET = re.compile(r"(?:以上|上述|前述)")  # …。上述工作须于6月30日前完成 / 以上两项工作均于9月底前完成
# what may stand between 以上/上述 and the limit: the work spoken of, how it binds (not a
# subject of its own: 以上企业要于6月底前完成整改 is a task)
TIME_BLANKET_OPENING = re.compile(r"(?:以上|上述|前述)(?:各项|[两二三四五六七八九十\d]+项)?(?:工作|任务|事项|措施|整改任务|整治任务)?"
                                  r"(?:均|都|须|需|要|应|必须|务必|应当)*(?:于|在)?")


def _apply_time_blankets(seg: Segmentation, found: list[Found], anchor: date | None) -> None:
    """A part that gives the tasks before it on its line their time limit (各乡镇要A；要B。上述
    工作须于6月30日前完成。): each of them without a limit of its own takes it. ``found`` is
    in document order."""
    starts = [c.start for c in seg.clauses]
    for clause in seg.clauses:
        if not TIME_BLANKET.search(clause.text):
            continue
        for offset, part in each_comma_part(clause.text):
            if not (opening := TIME_BLANKET_OPENING.match(part)) or len(part) > TIME_SENTENCE_MAX or not (
                    limit := find(part, anchor)) or not part.startswith(limit.text, opening.end()) or not _says_only_when(
                    part, limit):
                continue
            at = clause.start + offset
            for f in found:
                if f.start >= at:
                    break
                if f.deadline is None and seg.clauses[bisect_right(starts, f.start) - 1].paragraph == clause.paragraph:
                    f.deadline = limit


# A rectification notice orders the problems it lists fixed by a date (请…于5月20日前将问题
# 整改完成), then lists them under a heading of their own (存在问题：1.…（责任单位：X） 2.…):
# each problem without a limit of its own is due by that date.
LIST_ORDER = re.compile(r"问题.{0,10}整改|整改.{0,4}问题")
LIST_HEADING = re.compile(r"(?:存在|发现|检查|督查|反馈|交办)?的?问题(?:清单|台账)?")


def _apply_list_limit(seg: Segmentation, found: list[Found]) -> None:
    """The items of a list of problems (存在问题：1.… 2.…) without a limit of their own take
    the one of the directive before the list that orders the problems fixed. ``found`` is in
    document order."""
    order = None
    for clause in seg.clauses:
        if clause.item is None and "问题" in clause.text and LIST_HEADING.fullmatch(clause.text.strip(" ：:")):
            break
    else:
        return  # most documents list no problems under a heading: one pass over the clauses
    heading = clause.start
    for f in found:
        if f.start >= heading:
            break
        if f.item is None and f.deadline and f.deadline.kind == "by" and LIST_ORDER.search(f.text):
            order = f.deadline
    if order is None:
        return
    listed = False
    for f in found:
        if f.start < heading:
            continue
        if f.item is None or f.number is None:
            if listed:
                break  # the list is over
            continue
        listed = True
        if f.deadline is None:
            f.deadline = order


# the sentences of a parenthesis of roles; a blanket may follow the item's own roles after a
# comma too (（X负责落实，以下均需X落实，不再列出）)
PARENTHESIS_SENTENCES = re.compile(r"[。；;]|[，,](?=以下|下列)")


def _blanket_closing(text: str) -> str | None:
    """The blanket sentence closing a parenthesis of roles that opens the clause (（市环保局
    牵头，…。以下均需各县落实，不再列出）, the next measure of the item after it or not),
    None when there is none."""
    if text[:1] not in OPEN_PARENS or not (PARENTHESIS_SENTENCES.search(text) or BLANKET_AFTER_COMMA.search(text)):
        return None
    depth = 0
    for end, ch in enumerate(text):
        depth += (ch in OPEN_PARENS) - (ch in CLOSE_PARENS)
        if depth == 0:
            break
    else:
        return None
    sentences = _without_lead_note([p for p in PARENTHESIS_SENTENCES.split(text[1:end].rstrip("。；;")) if p.strip()])
    if not sentences:
        return None
    last = sentences[-1].strip()
    if _is_blanket(last):
        return last
    at = _comma_blanket(last)
    return None if at is None else last[at + 1:].strip()


BLANKET_AFTER_COMMA = re.compile(r"[，,](?=以下|下列|本部分)")


def _without_lead_note(sentences: list[str]) -> list[str]:
    """A parenthesis's sentences without the note closing it on who of its lists leads
    (…各乡镇。以下均需各乡镇落实，不再列出。排在前位为牵头部门，下同): the note is read over
    the whole text (``_first_listed_leads``), the blanket before it by ``_apply_blankets``."""
    while sentences and rules().first_listed_note.fullmatch(sentences[-1].strip()):
        sentences = sentences[:-1]
    return sentences


def _comma_blanket(part: str) -> int | None:
    """Where a blanket closing a parenthesis's last sentence after a comma starts (牵头单位：X，
    以下工作均需Y落实，不再列出): the comma's offset; None when no blanket closes it."""
    for m in BLANKET_AFTER_COMMA.finditer(part):
        if _is_blanket(part[m.end():].strip()):
            return m.start()
    return None


def _blanket_closing_heading(clause: Clause) -> str | None:
    """The blanket a parenthesis closing an item's heading holds (三、重点任务（以下任务牵头
    单位：县发改局）), None when there is none."""
    text = clause.text.rstrip(TRAILING)
    if not clause.opens_item or (opened := closing_parenthesis(text)) is None:
        return None
    inner = text[opened + 1 : -1]
    return inner if _is_blanket(inner) else None


def _without_closing_blanket(text: str) -> str:
    """A parenthesis of roles without the blanket sentence closing it (（责任单位：X。以下工作，
    Y均为责任单位，不再列出） → （责任单位：X））, read by _apply_blankets for the tasks after
    it; any other text as it is."""
    if text[:1] not in OPEN_PARENS or text[-1:] not in CLOSE_PARENS or not (
            PARENTHESIS_SENTENCES.search(text) or BLANKET_AFTER_COMMA.search(text)):
        return text
    return text[0] + _without_blanket(text[1:-1]) + text[-1]


def _without_blanket(inner: str) -> str:
    """A parenthesis's text without the blanket sentence closing it."""
    parts = _without_lead_note([p for p in PARENTHESIS_SENTENCES.split(inner) if p.strip()])
    while parts and _is_blanket(parts[-1].strip()):
        parts.pop()
    if parts and (at := _comma_blanket(parts[-1])) is not None:
        parts[-1] = parts[-1][:at]  # （牵头单位：X，以下工作均需Y落实，不再列出）
    return "。".join(parts) if parts else inner


def _assign(seg: Segmentation, tasks: list[Found], assignments: list[Assignment], container: int | None,
            numbers: set[int] | None = None) -> None:
    """Give the tasks inside ``container`` the blanket's roles; with ``numbers``, only
    those inside its items so numbered (the container's own items, one level down)."""
    for f in tasks:
        if _inside(seg, f.item, container) and (numbers is None or _item_number(seg, f.item, container) in numbers):
            f.units = merge(assignments, f.units)


def _item_number(seg: Segmentation, item: int | None, container: int | None) -> int | None:
    """The number of the item of ``container`` (one level down) that ``item`` lies in."""
    while item is not None and seg.items[item].parent != container:
        item = seg.items[item].parent
    return marker_number(seg.items[item].marker) if item is not None else None


def _counted_items(opening: str, seg: Segmentation, container: int | None, at: int) -> set[int] | None:
    """The numbers of the items of ``container`` a blanket line at ``at`` counts back over
    (上述第6至8项 / 以上1—3项 / 上述第2、5项), None when it names none; a number alone
    without 第 (以上两项, 上述三项) counts the items right before it."""
    if "项" not in opening:
        return None
    r = rules()
    span = opening[: opening.index("项")]
    found = list(r.counted_number.finditer(span))
    if not found:
        return None
    if len(found) == 1 and "第" not in span:
        count = numeral(found[0].group())
        before = [item for item in seg.items if item.parent == container and item.start < at]
        return {marker_number(item.marker) for item in before[-count:]} if count and len(before) >= count else None
    numbers: set[int] = set()
    for m, after in zip(found, [*found[1:], None]):
        first = numeral(m.group())
        if first is None:
            return None
        if after is not None and r.counted_range.match(span[m.end() : after.start()]):
            last = numeral(after.group())
            if last is None or last < first:
                return None
            numbers.update(range(first, last + 1))
        else:
            numbers.add(first)
    return numbers


def _inside(seg: Segmentation, item: int | None, container: int | None) -> bool:
    if container is None:
        return True
    while item is not None:
        if item == container:
            return True
        item = seg.items[item].parent
    return False


