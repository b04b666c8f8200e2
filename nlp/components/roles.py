"""Roles: how a text says which units do a task and how (牵头 / 配合 / 负责), and the
compiled wording (``nlp/data/triggers.yaml``, ``nlp/data/roles.yaml``) every reader of
tasks shares: directive clauses and items (``tasks``), task tables (``tables``).

A unit's role is read from role sentences (``由X牵头，Y配合``), from a parenthetical
(``（牵头单位：X；配合单位：Y）``), from labels (``责任单位：X``) and from the words around a
list of units; a unit named twice keeps its most specific role (``merge``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from minutes import datafiles
from minutes.lines import closing_parenthesis
from minutes.models import Assignment, Deadline
from minutes.nlp.components.clauses import field_breaks
from minutes.nlp.components.units import (
    PARENTHESES, is_unit, is_vague, leading_units, may_end_a_list, spans_outside_parentheses, split_list, unglue,
    units_in,
)
from minutes.nlp.components.units import lexicon as unit_lexicon
from minutes.nlp.components.units import rules as unit_rules
from minutes.nlp.deadline import field_limit, find
from minutes.patterns import alternation, needed_words, screened


ROLE_STRENGTH = {"responsible": 0, "support": 1, "lead": 2}
TRAILING = "。.．；;，,、：: \t\n"
# How far from a trigger its subject, addressees or time limit may stand (characters): far
# more than any list of units, and a bound on the work a trigger that leads nowhere costs.
REACH = 400
OPEN_PARENS, CLOSE_PARENS = PARENTHESES
ROLE_IN_PARENS = re.compile(r"^(.+?)[（(]([^（）()]{1,4})[）)]$")  # 市生态环境局（牵头）
LABELLED_NAME = re.compile(r"[\u4e00-\u9fff]{3,20}")  # a name a role label lists, known or not


@dataclass(frozen=True)
class Rules:
    lead_in: re.Pattern[str]
    lead_in_words: re.Pattern[str] | None  # words one of which every lead-in holds
    directive_lead_in: re.Pattern[str]
    speaker_before: re.Pattern[str]  # …，王某强调要…: the speaker's verb right before the 要
    speaker_part: re.Pattern[str]  # …，他强调，要…: a comma part of who speaks, inside a sentence
    strong_trigger: re.Pattern[str]
    weak_trigger: re.Pattern[str]
    addressing: frozenset[str]  # triggers followed by their addressee (请X…, 责成X…)
    pronoun_addressee: re.Pattern[str]  # 请你厅… : the notice's addressees
    named_before: re.Pattern[str]  # 请以上责任单位… : the units the sentence named before
    addressed_firm: re.Pattern[str]  # 某某加工厂： the business an order is addressed to
    party_line: re.Pattern[str]  # 当事人：某某（某某饭店的经营者）: the party a decision is addressed to
    transmittal: re.Pattern[str]  # …印发给你们， before a 请: the notice's addressees
    urged_addressee: re.Pattern[str]  # 请镇、村两级河长务必…: a bare addressee urged
    deployed: re.Pattern[str]  # …进行了安排部署。 before 一是…；二是…: the points are directives
    post_holders: re.Pattern[str]  # 各级河长 / 村级河长: holders of a post, the subject of a directive
    subject_tail: re.Pattern[str]
    subject_is: re.Pattern[str]  # X是…的责任主体: X, the subject of the directive after it
    subject_during: re.Pattern[str]  # X在…的同时: X, the subject of the directive after it
    enumeration: re.Pattern[str]
    non_task_heading: re.Pattern[str]
    topic_heading: re.Pattern[str]
    measures_label: re.Pattern[str]
    request_label: re.Pattern[str]  # a label asking for work in general (工作要求：): its directives are read
    target_label: re.Pattern[str]  # 整改目标 of a block of labelled lines
    problem_label: re.Pattern[str]  # 存在问题 / 反馈问题 of such a block: the problem, no task
    quoted_problem_label: re.Pattern[str]  # 整改任务 right above 整改目标: the problem quoted
    duty_heading: re.Pattern[str]
    duty_head_tail: re.Pattern[str]
    heading_max_length: int
    topic_max_length: int
    role_part: re.Pattern[str]  # (由)UNITS + role word (+ tail)
    role_word: dict[str, str]  # matched word -> role
    role_word_start: re.Pattern[str]  # a role word, longest first
    role_mark: re.Pattern[str]  # a 、 after a role word, parting two units' roles
    role_stated: re.Pattern[str]  # a role word or a role label with its colon: a text without one states no role
    label: re.Pattern[str]  # LABEL：rest, for role, deadline and task labels
    next_label: re.Pattern[str]  # a role, deadline or person label with its colon, inside a labelled list
    role_list: re.Pattern[str]  # (相关)责任单位包括X、Y等: the units of the task before
    role_label: dict[str, str]  # label -> role
    named_label: re.Pattern[str]  # a role label naming a kind of body (牵头单位), before the body it names
    person_part: re.Pattern[str]  # 责任领导：某某, a part naming who answers, no unit
    deadline_label: re.Pattern[str]
    deadline_column: re.Pattern[str]  # a time column's header: a time label, or a name only a column has
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
    person_column: re.Pattern[str]  # a column naming a person (责任领导)
    leader_qualifiers: str  # words before a leader's title in such a column (分管 of 分管副区长)
    schedule_cell: re.Pattern[str]  # a time-limit cell naming no date (全年)
    header_words: dict[str, re.Pattern[str]]  # number / unit / task words of such a header
    header_word_end: re.Pattern[str]  # a first word of a column's name closing a text (…完成)
    short_unit_endings: tuple[str, ...]  # how a unit named without its level word ends (住建局)
    task_fallback: re.Pattern[str]  # a column holding the task where none is named so
    blanket_after: re.Pattern[str]
    blanket_after_end: re.Pattern[str]  # X负责以下工作: the roles first
    blanket_before: re.Pattern[str]
    counted_number: re.Pattern[str]  # a number a line counting back names (上述第6至8项, 以上两项)
    counted_range: re.Pattern[str]  # what joins the first and last number of a range it names
    blanket: re.Pattern[str]  # either of the two: one test per clause
    blanket_tail: re.Pattern[str]
    first_listed_lead: re.Pattern[str]
    contact: re.Pattern[str]  # ，联系人：… / （联系电话：…: where a request's contact details start
    first_listed_note: re.Pattern[str]  # the same words anywhere
    semicolon_lead_note: re.Pattern[str]  # the wording that parts the lists at their semicolon
    front_lead_note: re.Pattern[str]  # ... at their first comma or semicolon
    agent_verb: re.Pattern[str]  # a verb of drafting or an action word after 由 and units: they carry the work out
    acting: re.Pattern[str]  # the end of an organ's or place's name, then an action word (…局做好…, 各乡镇做好…)
    object_leads: re.Pattern[str]
    partner: re.Pattern[str]
    stating: re.Pattern[str]  # role_stated or a partner word anywhere: a text without one states no role of a unit
    role_or_partner: re.Pattern[str]  # a role word (opening_role_word) or a partner (partner), anywhere
    role_then_break: re.Pattern[str]  # a role word before a comma or the end (县水务局牵头负责，…)
    shared_role: re.Pattern[str]  # 均为责任单位 / 都负责: a role every list before it shares
    completion: re.Pattern[str]
    limit_rest: re.Pattern[str]  # what a time limit alone may keep beside it (完成)
    past: re.Pattern[str]
    proceedings: re.Pattern[str]  # 会议听取了…汇报 / 会议原则同意…: what a meeting did, no task
    approval: re.Pattern[str]  # 会议原则同意，: a part approving, before a 由X handed the follow-up
    approval_follow_up: re.Pattern[str]  # 按会议精神修改完善后…: the follow-up an approval asks for, no one named
    person_handed: re.Pattern[str]  # 由张某同志负责，…: the work handed to a person
    collective_not_acting: re.Pattern[str]
    assigning: re.Pattern[str]
    addressing_verb: re.Pattern[str]
    urged_pace: re.Pattern[str]  # 迅速/立即…: the pace a vague addressee after 要求 is urged to
    submitting: re.Pattern[str]
    cases_opening: re.Pattern[str]
    basis_opening: re.Pattern[str]  # what a measure goes by (按照会议研究的意见，…), a part before it
    other_matters: re.Pattern[str]  # 其他…: a part after ； about other matters than the directive before
    according: re.Pattern[str]
    standard_opening: re.Pattern[str]  # 按照…要求，: a first part naming the standard followed
    carried_out: re.Pattern[str]  # 落实…部署，: a lead-in's verb carried out, not said
    qualified_vague: re.Pattern[str]  # …涉及的有关部门和单位: a vague subject
    acting_kind: re.Pattern[str]  # 施工企业 / 网格员: those who act, by kind, no units
    role_bearers: re.Pattern[str]  # 牵头单位 / 配合单位: bodies named by their part in the work
    non_task_section: re.Pattern[str]  # a section heading stating only time, area or goal (一、禁烧时间)
    non_task_opening: re.Pattern[str]  # a heading run into its goals (一、指导思想以…)
    report_sentence: re.Pattern[str]  # an item's first sentence naming the state of some work (…整改情况。)
    purpose: re.Pattern[str]  # 为…，制定本方案: why a plan is made, no task
    established_body: re.Pattern[str]  # 成立X领导小组，负责…: the body set up and its duty
    agenda_step: re.Pattern[str]  # 请XX同志讲话: a step of a meeting's agenda, no task
    agenda_cue: re.Pattern[str]  # 进行第一项议程，: what is asked after it is done at the meeting
    contact_request: re.Pattern[str]  # 如有异议，请联系…: where to ask, no task
    provision: re.Pattern[str]  # 本通告所称…是指 / 拒不改正的，由执法队依法予以处罚: a rule stated, no task
    point_heading: re.Pattern[str]  # 一是加压推进整改。: a point headed by a sentence
    point: re.Pattern[str]  # 一是 (and its comma) opening a point of an enumeration
    report_opening: re.Pattern[str]  # 目前累计…: a report, after the points
    degree_heading: re.Pattern[str]  # 压力要再传导。: how much, not what
    qualified_noun: re.Pattern[str]  # 是必须打赢的硬仗: a noun qualified, no action
    copula_statement: re.Pattern[str]  # 做好…工作是一项重要任务: what the work is, no action
    carry_out_request: re.Pattern[str]  # 请认真贯彻执行: a transmittal's request, no task of its own
    document_kind: re.Pattern[str]  # 清单 / 实施方案: a document's kind, a wrapped title's tail
    phase_time: re.Pattern[str]  # a phase's time sentence (时间：5月30日至6月4日)
    on_time: re.Pattern[str]  # 按时报送: limited by the closing day named before (deadlines.yaml)
    level_words: str  # the one-character levels of places (县 of 县经信局): organizations.yaml
    findings_lead: re.Pattern[str]  # 存在以下问题：: the items after it are findings, no tasks
    progress_heading: re.Pattern[str]  # 二、整改落实情况 / 整改目标完成情况：已完成: a report, no task
    announcing: re.Pattern[str]  # …按以下要求整改：: a line announcing the items after it
    requirements_put: re.Pattern[str]  # 并提出以下工作要求: a notice's items put to its addressees
    completes_first: re.Pattern[str]  # 并于…前整改到位: the second limit the day the first work is done by
    helping: re.Pattern[str]  # a support role word of a body helping another (配合), not overseeing it (督导)
    leading_work: re.Pattern[str]  # 发挥牵头抓总作用: the addressees lead the directive's work


def _load(name: str) -> dict:
    return datafiles.load(name)


@cache
def rules() -> Rules:
    t, r = _load("triggers.yaml"), _load("roles.yaml")
    role_word = {w: role for role, words in r["role_words"].items() for w in words.split("|")}
    role_label = {w: role for role, words in r["role_labels"].items() for w in words.split("|")}
    words = alternation(role_word)
    # (as alternations grouped by their first character: a line's header is searched for at
    # every position, where the ~170 names were each tried in turn)
    label_words = [*role_label, *r["deadline_labels"].split("|"), *r["task_labels"].split("|")]
    labels = alternation(label_words)
    columns = alternation([*label_words, *r["number_labels"].split("|"), *r["other_columns"].split("|"),
                           *r["deadline_columns"].split("|")])
    # a role word or a role label with its colon: a text without one states no role. Each
    # alternative opens with a literal, the colon repeated per label: the regex engine
    # then skips to the characters they open with (a group of labels before one colon
    # gave it none: 3.5 → 0.4 µs per clause)
    stated = "|".join([words, *(f"{label}[：:]" for label in role_label)])
    blanket_before = r["blanket_before"].replace("COUNTED_NUMBER", r["counted_number"]).replace(
        "COUNTED_RANGE", r["counted_range"])
    note = r["first_listed_note"].replace("SEMICOLON_NOTE", r["semicolon_lead_note"]).replace(
        "FRONT_NOTE", r["front_lead_note"])
    bearer = alternation(w for w in role_label if len(w) > 2 and w.endswith(("单位", "部门")))
    return Rules(
        lead_in=re.compile(lead_in := t["lead_in"].replace("ACTION", t["action_words"])),
        lead_in_words=re.compile("|".join(lead)) if (lead := needed_words(re.compile(lead_in))) else None,
        directive_lead_in=re.compile(t["directive_lead_in"]),
        speaker_before=re.compile(t["speaker_before"]),
        speaker_part=re.compile(t["speaker_part"]),
        strong_trigger=re.compile(t["strong_trigger"]),
        weak_trigger=re.compile(t["weak_trigger"].replace("ACTION", t["action_words"])),
        addressing=frozenset(t["addressing_triggers"]),
        pronoun_addressee=re.compile(t["pronoun_addressee"]),
        named_before=re.compile(t["named_before"]),
        addressed_firm=re.compile(t["addressed_firm"]),
        party_line=re.compile(t["party_line"]),
        transmittal=re.compile(t["transmittal"]),
        urged_addressee=re.compile(t["urged_addressee"]),
        deployed=re.compile(t["deployed"]),
        post_holders=re.compile(t["post_holders"].replace("TITLE", alternation(datafiles.words("titles.txt")))),
        subject_tail=re.compile(t["subject_tail"]),
        subject_is=re.compile(t["subject_is"]),
        subject_during=re.compile(t["subject_during"]),
        enumeration=re.compile(t["enumeration"].replace("POINT", t["point_marker"])),
        point=re.compile(f"{t['point_marker']}[，,]?"),
        non_task_heading=re.compile(t["non_task_heading"]),
        topic_heading=re.compile(t["topic_heading"]),
        measures_label=re.compile(t["measures_label"]),
        request_label=re.compile(t["request_label"]),
        target_label=re.compile(t["target_label"]),
        problem_label=re.compile(t["problem_label"]),
        quoted_problem_label=re.compile(t["quoted_problem_label"]),
        duty_heading=re.compile(t["duty_heading"]),
        duty_head_tail=re.compile(r["duty_head_tail"].replace("ROLE_LABELS", "|".join(role_label))
                                  .replace("ROLE_WORDS", words)),
        heading_max_length=int(t["heading_max_length"]),
        topic_max_length=int(t["topic_max_length"]),
        role_part=re.compile(rf"^(?:由)?(?P<units>.+?)(?:{r['role_modal']})?(?P<word>{words}){r['role_tail']}"),
        role_word=role_word,
        role_word_start=re.compile(words),
        role_then_break=re.compile(rf"(?:{words})(?:[，,]|$)"),
        shared_role=re.compile(rf"(?:{r['shared_role']})(?:{r['role_modal']})?(?:{words})"),
        role_mark=re.compile(r["role_mark"]),
        role_stated=re.compile(stated),
        label=re.compile(rf"^(?P<label>{labels})[：:](?P<rest>.*)$", re.S),
        next_label=re.compile(rf"(?:{'|'.join(sorted([*role_label, *r['deadline_labels'].split('|'), *r['person_labels'].split('|')], key=len, reverse=True))})[：:]"),
        role_list=re.compile(rf"^(?:{r['role_list_lead']})?(?P<label>{'|'.join(role_label)})(?:{r['role_list_verb']})[：:]?(?P<rest>.+)$"),
        role_label=role_label,
        named_label=re.compile(bearer),
        person_part=re.compile(rf"^(?:{r['person_labels']})[：:]"),
        deadline_label=re.compile(rf"^(?:{r['deadline_labels']})$"),
        deadline_column=re.compile(rf"^(?:{r['deadline_labels']}|{r['deadline_columns']}|{r['deadline_column_shape']})$"),
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
        person_column=re.compile(rf"(?:{r['person_columns']})$"),
        leader_qualifiers=r["leader_qualifiers"],
        schedule_cell=re.compile(rf"(?:{r['schedule_cells']})$"),
        header_word_end=re.compile(rf"(?:{r['header_first_words']})$"),
        short_unit_endings=tuple(r["short_unit_endings"].split("|")),
        task_fallback=re.compile(rf"(?:{r['column_before']})?(?:{r['task_fallback_columns']})"),  # 年度考核目标
        table_caption=re.compile(r["table_caption"]),
        # a unit column's name as a cell of its own: after a line's start, a blank or a bar
        # (no character but those before it), searched over whole texts: opened so with a
        # look-behind the engine has no first character to skip to, given by the screen
        unit_cell=screened(
            rf"(?<![^\s|｜│])(?:{'|'.join(sorted(role_label, key=len, reverse=True))})(?=[\s|｜│]|$)"),
        flat_header=re.compile(rf"(?:{columns})(?:{r['column_after']})?(?:[\s|｜│]*(?:{columns})(?:{r['column_after']})?)+[\s|｜│]*"),
        blanket_after=re.compile(r["blanket_after"]),
        blanket_after_end=re.compile(r["blanket_after_end"]),
        blanket=re.compile(f"(?:{r['blanket_after']})|(?:{blanket_before})"),
        blanket_before=re.compile(blanket_before),
        counted_number=re.compile(r["counted_number"]),
        counted_range=re.compile(rf"^[）)]?(?:{r['counted_range']})第?[（(]?$"),
        blanket_tail=re.compile(r["blanket_tail"]),
        first_listed_lead=re.compile(r["first_listed_lead"].replace("NOTE", note)),
        contact=re.compile(rf"[，,；;（(]\s*(?:{r['contact_labels']})\s*[：:]", re.I),
        # searched over whole texts: its optional opening gives the engine no first
        # character, the screen one
        first_listed_note=screened(note),
        semicolon_lead_note=re.compile(r["semicolon_lead_note"]),
        front_lead_note=re.compile(r["front_lead_note"]),
        agent_verb=re.compile(rf"(?:{r['agent_verbs']}|{t['action_words']})"),
        acting=re.compile(rf"(?:{'|'.join(unit_lexicon())})(?:[（(][^（）()]{{1,20}}[）)])?(?:{t['action_words']})"),
        object_leads=re.compile(r["object_leads"]),
        partner=re.compile(rf"^(?:{r['partner_after']})?(?:{r['partner_words']})"),
        stating=re.compile(f"{stated}|{r['partner_words']}"),
        role_or_partner=re.compile(rf"(?!{'|'.join(NOT_ROLE_WORDS)})(?:{words})|(?:{r['partner_after']})?(?:{r['partner_words']})"),
        completion=re.compile(r["completion"]),
        limit_rest=re.compile(r["limit_rest"]),
        past=re.compile(t["past"]),
        proceedings=re.compile(t["proceedings"]),
        approval=re.compile(t["approval"]),
        approval_follow_up=re.compile(t["approval_follow_up"]),
        person_handed=re.compile(t["person_handed"]),
        collective_not_acting=re.compile(t["collective_not_acting"]),
        assigning=re.compile(t["assigning"]),
        addressing_verb=re.compile(t["addressing_verb"]),
        urged_pace=re.compile(t["urged_pace"]),
        submitting=re.compile(t["submitting"]),
        cases_opening=re.compile(t["cases_opening"]),
        basis_opening=re.compile(t["basis_opening"]),
        other_matters=re.compile(t["other_matters"]),
        according=re.compile(t["according"]),
        standard_opening=re.compile(t["standard_opening"]),
        carried_out=re.compile(t["carried_out"]),
        qualified_vague=re.compile(t["qualified_vague"]),
        acting_kind=re.compile(t["acting_kind"]),
        role_bearers=re.compile(rf"^(?:{t['role_bearer_leads']})?(?:{bearer})(?:(?:和|及|与|、)(?:各)?(?:{bearer}))*$"),
        non_task_section=re.compile(t["non_task_section"]),
        non_task_opening=re.compile(t["non_task_opening"]),
        report_sentence=re.compile(t["report_sentence"]),
        purpose=re.compile(t["purpose"]),
        established_body=re.compile(t["established_body"]),
        agenda_step=re.compile(t["agenda_step"]),
        agenda_cue=re.compile(t["agenda_cue"]),
        contact_request=re.compile(t["contact_request"]),
        provision=re.compile(t["provision"]),
        point_heading=re.compile(t["point_heading"].replace("POINT", t["point_marker"])),
        report_opening=re.compile(t["report_opening"]),
        degree_heading=re.compile(t["degree_heading"]),
        qualified_noun=re.compile(t["qualified_noun"]),
        copula_statement=re.compile(t["copula_statement"]),
        carry_out_request=re.compile(t["carry_out_request"]),
        document_kind=re.compile(t["document_kind"]),
        phase_time=re.compile(t["phase_time"]),
        on_time=re.compile("|".join(_load("deadlines.yaml")["on_time"])),
        level_words="".join(level for level in datafiles.load("organizations.yaml")["region_levels"] if len(level) == 1),
        findings_lead=re.compile(t["findings_lead"]),
        progress_heading=re.compile(t["progress_heading"]),
        announcing=re.compile(t["announcing"]),
        requirements_put=re.compile(t["requirements_put"]),
        completes_first=re.compile(t["completes_first"]),
        leading_work=re.compile(r["leading_work"]),
        helping=re.compile("|".join(sorted(set(r["role_words"]["support"].split("|")) - set(r["oversight_words"].split("|")),
                                          key=len, reverse=True))),
    )



@dataclass
class Found:
    """A task as one of the readers found it, before the tasks of a document are assembled."""

    start: int
    text: str
    units: list[Assignment]
    deadline: Deadline | None
    item: int | None  # the item the task belongs to
    own_roles: bool  # roles stated with the task itself (not from its section)
    number: str | None = None  # 3 of an item "3." or of a table row numbered 3


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


def comma_parts(text: str) -> list[tuple[int, str]]:
    """Comma/semicolon parts outside parentheses, with offsets."""
    return list(each_comma_part(text))


def each_comma_part(text: str) -> Iterator[tuple[int, str]]:
    """The parts of ``comma_parts`` one by one: a reader that stops at the first part it cannot
    use (most clauses open with no role part) does not split the rest of the clause. A 、
    after a role word (X牵头、Y配合) parts as a comma does."""
    if "、" in text:
        text = rules().role_mark.sub("，", text)
    return spans_outside_parentheses(text, "，,；;。", blank=False)


def role_part(part: str) -> list[Assignment] | None:
    """Units of one role-stating part (由X牵头 / Y配合 / 牵头单位：X), [] for a part that
    only gives the time limit (6月底前完成 / 完成时限：年底前) or the person who answers for
    the task (责任领导：某某), None for anything else."""
    found = part_roles(part)
    return None if found is None else [Assignment(name, role) for name, role in found]


# The same parts are read again and again (a sentence's opening part by leading_roles, the
# whole sentence by roles_sentence, its parts by stated_roles; the labelled lines of a
# section for each of its items) and come back document after document: the answers are
# kept, as the recognizer keeps its answers about names.
@lru_cache(maxsize=16384)
def part_roles(part: str) -> tuple[tuple[str, str], ...] | None:
    """``role_part`` as (name, role) pairs."""
    found = _role_part(part)
    return None if found is None else tuple((a.name, a.role) for a in found)


def _role_part(part: str) -> list[Assignment] | None:
    r = rules()
    part = part.strip()
    colon = "：" in part or ":" in part  # (a label ends with its colon: most parts hold none)
    if colon and (m := r.person_part.match(part)):
        # 责任领导：某某: who answers for the task among its role parts, no unit (the next
        # label's part read on where their separator was lost)
        glued = r.next_label.search(part, m.end())
        return _role_part(part[glued.start():]) if glued else []
    if colon and (m := r.label.match(part)):
        label, rest = m.group("label"), m.group("rest").strip()
        if label in r.role_label:
            if (glued := r.next_label.search(rest, 1)) is not None:
                # 牵头部门：县发改局配合部门：县环保局: the next label, its separator lost
                first, then = _listed_units(rest[:glued.start()].replace("\n", "、"), r.role_label[label]), role_part(rest[glued.start():])
                return None if first is None or then is None else first + then
            return _listed_units(rest.replace("\n", "、"), r.role_label[label])
        return [] if r.deadline_label.match(label) else None
    if ("为" in part or "是" in part) and (m := r.role_list.match(part)) and (
            listed := _listed_units(m.group("rest"), r.role_label[m.group("label")])):
        return listed  # 责任单位为各县区政府: the label, then its units after 为
    # the search finds the role word the pattern needs faster than the pattern fails
    # trying it after every character (most parts hold none)
    if r.role_word_start.search(part) and (m := r.role_part.match(part)) and not r.object_leads.match(m.group("units")):
        units = units_in(m.group("units"))
        if units is not None:  # 各有关部门配合: a role part, if of vague units only
            return [Assignment(u, r.role_word[m.group("word")]) for u in units]
        if partners := _with_partners(m.group("units")):  # 由A会同B负责: A leads, B supports
            return partners
    if r.completion.search(part) or limit_alone(part):
        return []
    return None


def limit_alone(part: str) -> bool:
    """Is ``part`` a time limit as the deadline reader finds it, with at most a verb of
    completion (年底前 / 持续开展 / 10个工作日内办结)? (Not a recurring report: 每月5日前报送
    is a task of its own.)"""
    part = part.strip()
    if len(part) > _LIMIT_ALONE:  # (most parts are longer: not looked for)
        return False
    found = find(part, None)
    return found is not None and rules().limit_rest.fullmatch(part.replace(found.text, "", 1)) is not None


# No time limit with its verb of completion is longer (characters: 2025年12月31日前全部完成).
_LIMIT_ALONE = 18


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
    text = r.first_listed_lead.sub("", text)  # 县城管局、县水利局（排序第一的为牵头单位）: a note, no name
    parts = comma_parts(text)
    if len(parts) > 1 or r.role_part.match(text):
        stated = [role_part(part) for _, part in parts]
        if all(stated):
            return [a for group in stated for a in group]
        if (partly := partly_stated(text, role)) is not None:
            return partly
    items = split_list(text)
    # where commas part the list into groups, a role in parentheses closing a group is that
    # of every name it lists (县生态环境局（牵头），县水利局、县农业农村局（配合）: both partners;
    # 县发改局、县环保局（牵头） alone marks its last name)
    marked = [(at, at + len(part), r.role_word[m.group(2)]) for at, part in parts
              if (m := ROLE_IN_PARENS.match(part.strip())) and m.group(2) in r.role_word] if len(parts) > 1 else []
    for n, (at, item) in enumerate(items):
        name, own = item.strip(), next((word for start, end, word in marked if start <= at < end), role)
        if (m := ROLE_IN_PARENS.match(name)) and m.group(2) in r.role_word:
            name, own = m.group(1), r.role_word[m.group(2)]
        units = units_in(name) if name else []
        if units is None and r.post_holders.fullmatch(name):
            continue  # 责任单位：各级总河长、县水利局: the holders of a post are persons, no unit
        if units is None and _labelled_name(name):
            if name[0] in r.level_words and n == len(items) - 1 and n > 0:
                # a body named by its level (县国土资源局) ends with an organ's word the
                # lexicon knows: the list's last name that does not is one the text's end
                # cut short (…责任单位：县经信局、县国土资)
                continue
            units = [name]  # 责任单位：某某球团厂: what a role label lists is a unit
        if units is None:
            # 各乡（镇）人民政府，各县（市、区）市政、住建等部门: fields sharing one 部门, read
            # by the list as a whole
            whole = units_in(text) if "部门" in text else None
            return None if whole is None else [Assignment(u, role) for u in whole]
        # a labelled list may hold names whose separating spaces were lost (县住建局县城管局)
        found += [Assignment(part, own) for u in units for part in unglue(u)]
    return found


def partly_stated(text: str, role: str) -> list[Assignment] | None:
    """The units of a list under a role (a labelled field, a table's unit cell) whose
    comma parts state roles for some names and not for others (县自然资源局，县生态环境局配合):
    the bare names take ``role``, and beside partners they lead (leads_beside_partners);
    None when no part states a role or a part is neither roles nor names."""
    parts = comma_parts(text)
    stated = [role_part(part) for _, part in parts]
    if len(parts) < 2 or not any(stated):
        return None
    groups = [group if group is not None else _units_with(part, role) for group, (_, part) in zip(stated, parts)]
    if any(group is None for group in groups):
        return None
    return leads_beside_partners([a for group in groups for a in group], text)


def _units_with(text: str, role: str) -> list[Assignment] | None:
    """The units ``text`` lists, each with ``role``; None when it lists none."""
    units = units_in(text.strip())
    return [Assignment(u, role) for u in units] if units else None


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
    pending: list[str] = []  # lists of units alone, waiting for a part whose role they share
    shared = r.shared_role.search(text) is not None  # (most texts: no such part, one scan)
    for offset, part in each_comma_part(text):
        units = role_part(part)
        if units is None and listing is not None:
            units = _listed_units(part, listing)  # 责任单位：X（牵头），Y: Y is listed too
        if units is None and (shared or found) and listing is None and (listed := _units_alone(part)):
            # 甲镇、乙镇，园区管理处均为责任单位: the lists before 均 share its role; so do the
            # lists between two roles (X牵头，A、B，C配合: a list the text went on after a comma)
            pending += listed
            continue
        if pending and units and (r.shared_role.search(part) or found and not r.label.match(part.strip())):
            units = [Assignment(name, units[0].role) for name in pending] + units
        elif pending:
            units = None
        pending = []
        if units is None:
            return leads_beside_partners(found, text[:end]), end
        labelled = r.label.match(part.strip())
        listing = r.role_label.get(labelled.group("label")) if labelled else listing if units else None
        found += units
        end = min(len(text), offset + len(part) + 1)
    return leads_beside_partners(found, text[:end]), end


def _units_alone(part: str) -> list[str] | None:
    """The names of a part that only lists units (甲镇、乙镇党委和政府), else None."""
    items = [item.strip() for _, item in split_list(part)]
    return items if items and all(is_unit(item) for item in items) else None


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
    says who that office is). Labelled fields whose stops were lost are parted first
    (（牵头单位：市公安局 配合单位：市交通局） → 牵头单位：市公安局，配合单位：市交通局)."""
    found = _parenthesis_roles(inner, before)
    if found is None and ("：" in inner or ":" in inner) and (breaks := field_breaks(inner)):
        parts = [inner[a:b].strip() for a, b in zip([0, *breaks], [*breaks, len(inner)])]
        found = _parenthesis_roles("，".join(parts), before)
    return found


def _parenthesis_roles(inner: str, before: str) -> list[Assignment] | None:
    stated = roles_sentence(inner)
    if stated is not None:
        return stated
    tail = before.rstrip()[-12:]
    if any(m.end() == len(tail) for m in unit_rules().org_end.finditer(tail)):
        return None
    units = units_in(rules().first_listed_lead.sub("", inner.strip().rstrip(TRAILING))) or _units_then_limit(inner)
    # names whose separating spaces were lost (（县住建局 县发改局）), as in a labelled list
    return [Assignment(part, "responsible") for u in units for part in unglue(u)] if units else None


def _units_then_limit(inner: str) -> list[str] | None:
    """The units of a parenthesis holding bare cells, units then a time limit
    (（县环保局 县住建局 6月底前） / （县环保局、县住建局，年底前）), else None."""
    inner = inner.strip().rstrip(TRAILING)
    limit = find(inner, None)
    if limit is None or not inner.endswith(limit.text) or len(limit.text) == len(inner):
        return None
    return units_in(inner[: -len(limit.text)].rstrip(" ，,；;、"))


def stated_roles(text: str, *, drafting: bool = True) -> list[Assignment]:
    """Roles a directive states in its own parts: 由X牵头 / Y配合 as a whole part, a part
    opening with units and a role word (市市场监管局配合加强抽检), or a part naming the
    partners it works with (会同X、Y → support). ``drafting``: a verb of drafting or an
    action word after 由 and units (由县水务局拟定方案…, 由X组织开展…) says who carries the
    work out, as a role word would."""
    r = rules()
    found: list[Assignment] = []
    if not r.stating.search(text) and "由" not in text:
        return found  # most directives: no role word, role label or partner word in any part
    for _, part in comma_parts(text):
        part = part.strip()
        if not r.stating.search(part) and not (drafting and "由" in part and r.agent_verb.search(part)):
            continue  # a part without one states no role: role_part and the partner words need one of its words
        if stated := role_part(part):
            found += stated
            continue
        if (by := BY_AGENT.search(part)) and (units := leading_units(part[by.end():]))[0] and not (
                r.blanket.match(part) or any(p in part[: by.start()] for p in OPEN_PARENS)):
            # 垃圾容器由开发区管委会负责配置: what is to be done, then 由, who does it and
            # the role word (without one the units may be a person's post: 由市政府副市长甲
            # 任组长); not a line handing a block of tasks over (以下各项均由各乡镇落实), nor
            # a parenthesis
            names, end = units
            if role := role_word_at(part[by.end() + end:]) or (
                    drafting and r.agent_verb.match(part, by.end() + end) and "responsible"):
                # (由县水务局拟定方案报县政府审定: the verb of the work itself says who does it)
                found += [Assignment(u, role) for u in names]
                continue
        if partner := r.partner.match(part):
            # 牵头，会同X、Y，于…: the units it works with support
            names, _ = leading_units(part[partner.end():])
            found += [Assignment(u, "support") for u in names]
            continue
        if r.object_leads.match(part) or not may_end_a_list(part, r.role_or_partner):
            continue  # 督促施工单位落实…: whom the action is about (or no name ends before a role word)
        units, end = leading_units(part)
        role = role_word_at(part[end:]) if units else None
        if role:
            found += [Assignment(u, role) for u in units]
        elif units and (partner := r.partner.match(part[end:])) and (
                names := leading_units(part[end + partner.end():])[0]):
            # 县发改局会同县财政局制定…: A会同B, A leads and B supports
            found += [Assignment(u, "lead") for u in units] + [Assignment(u, "support") for u in names]
    return leads_beside_partners(found, text)


def acting_units(part: str) -> list[str]:
    """The units a part of a directive opens with when an action word follows them at once
    (县水务局做好技术指导: they do this part's work), else []; not those the action is about
    (督促施工单位落实…)."""
    r = rules()
    if not r.acting.search(part) or r.object_leads.match(part) or not may_end_a_list(part, r.agent_verb):
        return []  # (screened at C speed: most parts name no organ before an action word)
    names, end = leading_units(part)
    # (a part handing its work over, 由X制定…, says so itself: stated_roles reads it)
    return names if names and part.startswith(names[0]) and r.agent_verb.match(part, end) else []


def leads_beside_partners(found: list[Assignment], text: str) -> list[Assignment]:
    """Roles stated side by side: where units support and none leads, those named
    responsible beside them lead (X负责，Y配合 / 由X负责，Y协助 makes the split a lead
    would); named before the partners, only those lead, and units named after the
    partners carry the work out (X负责，Y配合，各县具体实施: the counties stay
    responsible). ``text``: what states the roles."""
    if not any(a.role == "support" for a in found) or any(a.role == "lead" for a in found) or (
            not rules().helping.search(text)):
        return found  # (X负责，Y督导: a body overseeing the work helps no one, X stays responsible)
    first = next(n for n, a in enumerate(found) if a.role == "support")
    end = first if any(a.role == "responsible" for a in found[:first]) else len(found)
    return [Assignment(a.name, "lead") if a.role == "responsible" and n < end else a for n, a in enumerate(found)]


# 由 before who does a thing (not 由于 because, 由此 hence, 经由/理由/自由/缘由)
BY_AGENT = re.compile("(?<![经理自缘因])由(?![于此来衷])")


def role_word_at(text: str) -> str | None:
    """The role of a role word opening the text (配合加强… → support); 负责同志 is none."""
    opening = opening_role_word(text)
    return opening and rules().role_word[opening]


NOT_ROLE_WORDS = ("负责同志", "负责人")  # people, whom a role word's 负责 opens


def opening_role_word(text: str) -> str | None:
    """The role word opening the text, the longest (牵头负责 before 牵头); 负责同志 and
    负责人 are people, not a role."""
    if text.startswith(NOT_ROLE_WORDS):
        return None
    m = rules().role_word_start.match(text)
    return m.group() if m else None


def strip_parenthetical(text: str) -> tuple[str, str | None]:
    """Task text without closing punctuation and without the trailing parentheticals that
    only name units or a time limit (（牵头单位：X）（时限：6月底前）); their content is
    returned beside it, joined by ；. Contact details closing it (，联系人：某某，电话：…) are
    no part of it either."""
    if "：" in text or ":" in text:  # (most task texts hold no label)
        if contact := rules().contact.search(text):
            text = text[: contact.start()]
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
        if (i := closing_parenthesis(text)) is not None and _only_roles_or_time(inner := text[i + 1 : -1]):
            return text[:i].rstrip(TRAILING), inner
    elif (i := max(map(text.rfind, OPEN_PARENS))) > 0 and not any(c in text[i:] for c in CLOSE_PARENS) and (
            _only_roles_or_time(inner := text[i + 1:]) or _only_roles_or_time(inner := _without_cut_name(inner))):
        # …置换。(牵头部门：县发改局 — the line ends, the parenthesis open; where the page
        # ends inside a name (〔县水利局负责，各乡), the names before it
        return text[:i].rstrip(TRAILING), inner
    return text, None


CUT_NAME = 12  # characters: no more of a name the end of a page cut off is left


def _without_cut_name(inner: str) -> str:
    """A parenthesis left open without its last, unfinished part (县水利局负责，各乡 →
    县水利局负责); empty when it holds one part only, or its last is too long to be a name."""
    at = max(map(inner.rfind, "，,、；;"))
    return inner[:at] if 0 < at and len(inner) - at <= CUT_NAME else ""


def _only_roles_or_time(inner: str) -> bool:
    if rules().first_listed_note.fullmatch(inner.strip()):
        return True  # （分号前为牵头单位，下同） after the units' parenthesis: how to read them, no part of the task
    if roles_sentence(inner) is not None:
        return True
    if units_in(rules().first_listed_lead.sub("", inner.strip().rstrip(TRAILING))):
        return True  # （县城管局、县住建局，列第一位的为牵头单位）: the note closing the list is no name
    return field_limit(inner.strip(), None) is not None or _units_then_limit(inner) is not None


