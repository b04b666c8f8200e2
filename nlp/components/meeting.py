"""Meeting metadata: is the document a meeting report, and if so which meeting.

``meeting_of(document, text)`` reads the title, the dateline sentence
(``3月24日，市生态环境局召开…调度会``), the labelled head of minutes (``时间：``,
``地点：``, ``主持：``, ``出席：``, ``列席：``) and the sentences that say who reported,
spoke or attended, and returns a ``Meeting`` or ``None`` (a notice, a plan, a task
table); ``anchor_of`` gives the date deadlines are resolved against.

All wording lives in ``nlp/data/meeting.yaml``, ``titles.txt`` and ``surnames.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from minutes import datafiles
from minutes.lines import find_date
from minutes.models import Document, Meeting, Person
from minutes.nlp.components import units as unit_names
from minutes.nlp.components.units import lexicon
from minutes.patterns import alternation, needed_words, screened

HAN = "\u4e00-\u9fff"
CLAUSE_BREAKS = "，：；。"
LISTED_NAMES_JOIN = "、和与及"  # between names listed as the subject of one sentence
# A name transliterated from Uyghur, Kazakh, Mongolian…: parts joined by a middle dot
# (莫合买提·依明); no surname list applies.
TRANSLITERATED = rf"[{HAN}]{{1,8}}(?:[·・•][{HAN}]{{1,8}})+"
# compiled once: a pattern given to re.fullmatch as a string is looked up anew per call
_TRANSLITERATED = re.compile(TRANSLITERATED)
_HAN_NAME = re.compile(rf"[{HAN}]{{2,4}}")
_QUOTED = re.compile("“[^“”。；]{1,40}”")
_QUOTED_COMMA = "\x1f"  # a comma inside quotes while a sentence is read for its meeting
_BARE_NAME = re.compile(rf"[{HAN}]{{2,3}}")  # a name in a list of names, surname unknown
_NAME_THEN_POST = re.compile(rf"([{HAN}]{{2,4}})（(.+)）")  # 许文斌（副主任）
_LABELLED = re.compile(r"([^：]{1,12})：\s*(.*)")  # a labelled line of a minutes' head
# where or on what people acted, closing a subject (甲在会上…, 甲就…作部署, 甲到某镇主持召开…;
# a report's subject, however long: 听取了局长甲同志关于《…》的汇报)
# where and on what they acted, and what they drew on (甲结合市里会议通报进展): no part of a name
_WHERE_ON = re.compile(r"[在就对到赴][^在就对到赴]{0,30}$|(?:关于|结合|针对|围绕).*$")
SENTENCE_BREAKS = r"[。；！？\n]"
LEAD_REACH = 400  # characters: the longest sentence read after a dateline
AND_THEN = re.compile("以及|及|和")  # where the organizations may follow people in one list
# ... and where a list closed by whom of it came goes on (县住建局相关工作人员、东坪镇分管领导参加)
LIST_GOES_ON = re.compile(f"{AND_THEN.pattern}|、")
HEARD_WITHIN = 6  # characters before 听取 at most: who heard the reports (会议, 督查会)
# Half-width punctuation some sources leave between Chinese words, read as full-width
# (not "?", which stands for an undecodable character more often than for a question).
FULL_WIDTH = tuple(zip(",;:()", "，；：（）"))


@dataclass(frozen=True)
class Rules:
    """``meeting.yaml`` compiled, with the title and surname lists."""

    meeting_title: re.Pattern[str]
    other_title: re.Pattern[str]
    meeting_account_title: re.Pattern[str]  # …会议的情况: how a meeting went, a report of it
    work_account_title: re.Pattern[str]  # …工作开展情况: a meeting report when its dated lead convenes one
    dateline: re.Pattern[str]
    day_dateline: re.Pattern[str]  # a day alone (23日下午，), at a paragraph's head
    convened_on: re.Pattern[str]  # the date after 于 right before convening (…，并于3月2日召开…)
    dateline_within: int
    convened: tuple[re.Pattern[str], ...]
    convened_needs: re.Pattern[str] | None  # words one of which each of them holds, read from the patterns
    organized_by: re.Pattern[str]  # 会议由X负责组织。: who organized it, in a sentence of its own
    time_after_organizer: re.Pattern[str]  # 县政府3月5日上午(组织…召开): the time after who convened
    branch_venue: re.Pattern[str]  # 在X分会场收看: where a place watched a video meeting
    time_not_place: re.Pattern[str]  # 在全省视频会后随即召开: a time the 在 names, no place
    convenes: re.Pattern[str]
    planned: re.Pattern[str]  # before a meeting's verb: to be held (将召开…), a plan's, not a report's
    scope: re.Pattern[str]  # 全州, 全县…: the reach of a meeting a body holds, opening its name
    name_opening: re.Pattern[str]  # its year and reach (2020年全县…), which two names of one meeting may differ by
    minutes_title: re.Pattern[str]
    name_drop: re.Pattern[str]
    speech_title: re.Pattern[str]  # 在…会议上的讲话 / …会议主持词: the meeting's own text
    own_name_title: re.Pattern[str]  # a title that only names a meeting
    generic_name: re.Pattern[str]
    topic_opening: re.Pattern[str]  # a name opening with what the meeting did (研究…会议)
    opening_not_before: re.Pattern[str]  # what no body a name opens with stands before (公 of 办公)
    name_rewrites: tuple[tuple[re.Pattern[str], str], ...]
    header_labels: tuple[tuple[str, re.Pattern[str]], ...]
    minutes_marker: re.Pattern[str]
    role_verbs: re.Pattern[str]  # one named group per role
    role_rank: tuple[str, ...]
    place_then_suffix: re.Pattern[str]  # 开州区 + 生态环境局
    bare_then_suffix: re.Pattern[str]  # 崇州 + 生态环境局 (a place named without 区/市)
    unit_list_end: re.Pattern[str]
    units_listed_after: re.Pattern[str]  # 参加会议的有…: the attending organizations follow
    unit_list_verbs: re.Pattern[str]
    summoned: re.Pattern[str]  # 召集: the units after it attend
    clause_lead: re.Pattern[str]
    vague_unit: re.Pattern[str]
    title_then_name: re.Pattern[str]
    title_word: re.Pattern[str]
    title_at_end: re.Pattern[str]  # a text that ends with a post (副区长、市公安局某分局局长)
    attending_kind: re.Pattern[str]  # who came, as a kind of people (各乡镇主要负责人): closes an attendance list
    surnames: frozenset[str]
    people_tail: re.Pattern[str]
    not_a_name: re.Pattern[str]  # words opening with a surname that name no one (全体)
    listed_after: re.Pattern[str]  # 的有: the people follow their verb (出席会议的有…)
    own_year: re.Pattern[str]
    own_year_lines: int
    cross_year_seasons: dict[str, int]  # a season over the new year → its first month
    year_written: re.Pattern[str]  # a year in running text (2019年)
    target_year: re.Pattern[str]  # what follows a year set as a target (年底前, 年前)
    target_year_before: re.Pattern[str]  # what precedes it (到, 力争, 总结)
    session: re.Pattern[str]  # a name that only counts a body's sessions (第二次会议…)
    places: tuple[str, ...]  # place suffixes
    organ_post: re.Pattern[str]  # a post in a level's organ (县委副书记): after a place, not a name
    days_before: re.Pattern[str]  # a dateline that counts days back from the paper's date (昨天，)
    days_back: dict[str, int]
    instructs: str  # verbs of giving instructions (an attendee who uses one speaks)
    instructs_in_aspects: str  # the points counted out before that verb (从…三个方面)
    instructs_by_pronoun: str  # …or the pronoun opening the next sentence (。他指出)
    sentence_lead: str  # words of when that may open a sentence before its subject (会后，)
    instructs_after_report: str  # …and the way a reporter goes on to use one
    titled_only: frozenset[str]  # role verbs that need a person named with a title
    attended: re.Pattern[str]  # what closes a list of attending organizations (…负责同志参加会议)
    heard: re.Pattern[str]  # 听取: the clause lists reports heard
    heard_verbs: re.Pattern[str]
    visit_to: re.Pattern[str]  # 前往X区: a place a later 该区 stands for
    anaphora: re.Pattern[str]  # 该区


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = datafiles.load("meeting.yaml")
    titles = alternation(datafiles.words("titles.txt"))
    organ, place = lexicon()
    org_suffix, place_suffix = f"(?:{organ})", f"(?:{place})"
    verbs = "|".join(f"(?P<{role}>{pattern})" for role, pattern in data["role_verbs"].items())
    convened = tuple(re.compile(p.replace("CONVENE", data["convene"]).replace("PURPOSE", data["convened_for"]))
                     for p in data["convened"])
    return Rules(
        meeting_title=re.compile(data["meeting_title"]),
        other_title=re.compile(data["other_title"]),
        meeting_account_title=re.compile(data["meeting_account_title"]),
        work_account_title=re.compile(data["work_account_title"]),
        dateline=screened(data["dateline"].replace("DAY_TAIL", data["day_tail"])),
        day_dateline=re.compile(data["day_dateline"].replace("DAY_TAIL", data["day_tail"])),
        convened_on=re.compile(data["convened_on"].replace("CONVENE", data["convene"])),
        dateline_within=int(data["dateline_within"]),
        convened=convened,
        convenes=re.compile(data["convene"]),
        planned=re.compile(data["planned_convening"]),
        scope=re.compile(data["meeting_scope"]),
        name_opening=re.compile(rf"^(?:\d{{4}}年度?|{data['meeting_scope']})+"),
        convened_needs=_needs(convened),
        time_after_organizer=re.compile(data["time_after_organizer"]),
        organized_by=re.compile(data["organized_by"]),
        branch_venue=re.compile(data["branch_venue"]),
        time_not_place=re.compile(data["time_not_place"]),
        minutes_title=re.compile(data["minutes_title"]),
        name_drop=re.compile(data["name_drop"]),
        speech_title=re.compile(data["speech_title"]),
        own_name_title=re.compile(data["own_name_title"]),
        generic_name=re.compile(data["generic_name"]),
        topic_opening=re.compile(data["topic_opening"]),
        opening_not_before=re.compile(data["opening_not_before"]),
        name_rewrites=tuple((re.compile(p), r) for p, r in data["name_rewrites"]),
        header_labels=tuple((label, re.compile(p)) for label, p in data["header_labels"].items()),
        minutes_marker=re.compile(data["minutes_marker"]),
        role_verbs=screened(verbs),
        role_rank=tuple(data["role_rank"]),
        place_then_suffix=re.compile(rf"(?P<place>[{HAN}]+{place_suffix})(?P<suffix>{data['shared_suffix']})"),
        bare_then_suffix=re.compile(rf"(?P<place>[{HAN}]{{2,3}}?)(?P<suffix>{data['shared_suffix']})"),
        unit_list_end=re.compile(data["unit_list_end"]),
        units_listed_after=re.compile(data["units_listed_after"].replace("SUMMONED", data["summoned"])),
        unit_list_verbs=re.compile(data["unit_list_verbs"]),
        summoned=re.compile(data["summoned"]),
        clause_lead=re.compile(data["clause_lead"]),
        vague_unit=screened(data["vague_unit"]),
        title_then_name=re.compile(rf"(?P<title>.*(?:{titles}))(?P<name>{TRANSLITERATED}|[{HAN}]{{2,4}})"),
        title_word=re.compile(titles),
        title_at_end=re.compile(f"(?:{titles})$"),
        attending_kind=re.compile(data["attending_kind"]),
        surnames=frozenset(datafiles.words("surnames.txt")),
        people_tail=re.compile(data["people_tail"]),
        not_a_name=re.compile(data["not_a_name"]),
        listed_after=re.compile(data["people_listed_after"]),
        own_year=re.compile(data["own_year"]),
        own_year_lines=int(data["own_year_lines"]),
        cross_year_seasons=data["cross_year_seasons"],
        year_written=screened(data["year_written"]),
        target_year=re.compile(data["target_year"]),
        target_year_before=re.compile(data["target_year_before"]),
        instructs=data["instructs"],
        instructs_in_aspects=data["instructs_in_aspects"],
        instructs_by_pronoun=data["instructs_by_pronoun"],
        sentence_lead=data["sentence_lead"],
        instructs_after_report=data["instructs_after_report"],
        titled_only=frozenset(data["titled_only"]),
        attended=re.compile(data["attended"]),
        heard=re.compile(data["heard"]),
        heard_verbs=re.compile(data["heard_verbs"]),
        visit_to=re.compile(rf"{data['visit_to']}(?P<place>[{HAN}]{{1,6}}?{place_suffix})(?![{HAN}]{{0,6}}?{org_suffix})"),
        anaphora=re.compile(data["anaphora"]),
        session=re.compile(data["session"]),
        places=tuple(datafiles.load("organizations.yaml")["place_suffixes"]),
        organ_post=re.compile(data["organ_post"]),
        days_before=re.compile(data["days_before"]),
        days_back=data["days_back"],
    )


def _needs(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """A pattern of the words one of which every match of any of ``patterns`` holds; None
    when that cannot be told for one of them."""
    words = [needed_words(p) for p in patterns]
    if not words or None in words:
        return None
    return re.compile(alternation(set().union(*words)))


# ---------------------------------------------------------------- the whole document


def meeting_of(document: Document, text: str | None = None) -> Meeting | None:
    """The meeting ``document`` reports, or None when it reports none.

    ``text`` is the body as the pipeline sees it (``document.text`` when not given):
    paragraphs one per line.
    """
    r = rules()
    body = document.text if text is None else text
    # (a blank after a mark is a repost's spacing: 甲、 乙、 丙出席, 会议结束后， 甲强调)
    lines = [" ".join(line.split()) for line in _full_width(body).splitlines()]
    lines = [_AFTER_MARK.sub(r"\1", line) if " " in line else line for line in lines if line]
    title = _full_width(" ".join((document.title or "").split()))
    lead = _lead(lines, title)
    if not title and lead and not _convened(lead.sentence).get("name"):
        # no title to say it is a meeting report: a later sentence that convenes one
        # (随后，…召开座谈会) is the lead, the dateline's date kept
        for line in lines:
            sentence = next((s for s in re.split(SENTENCE_BREAKS, line) if rules().convenes.search(s)
                             and _convened(s).get("name") and not _planned(s)), None)
            if sentence:
                lead = _Lead(sentence, lead.date)
                break
    if title and lead:
        lead = _titled_lead(lines, title, lead)
    header, header_lines = _header(lines)
    if not _is_meeting(title, lead) and not (not title and header.date and (header.location or header.people)):
        # (minutes with no title still open with their own head: 会议时间：… / 会议地点：… /
        # 主持人：…, a meeting however unnamed)
        return None
    report = [line for i, line in enumerate(lines) if i not in header_lines]
    convened = _convened(lead.sentence if lead else "")
    convened["organizer"], gathered = _gathered(convened.get("organizer"))
    reference = (document.published or _own_date(lines) or _title_year(title) or _own_year(document)
                 or _name_year(convened.get("name")) or _only_year([title, *lines]))
    people: list[Person] = []
    units: list[str] = gathered
    for role, value in header.people:
        listed_people, listed_units = _listed(value, role)
        people.extend(listed_people)
        units.extend(listed_units)
    for line in _antecedents_named(report, convened.get("organizer")):
        people.extend(_people_in(line))
        units.extend(_units_in(line))
    people.extend(_instructors(report, {p.name for p in people}))
    spoken_on, speakers, is_speech = _speech_header(lines, title)
    people.extend(speakers)
    name = _name(convened.get("name"), title)
    # (the body a meeting's name opens with holds it, 县政府第8次常务会议, before the first
    # body a convening person's title names, 县委副书记、县长甲)
    organizer = (_organizer(convened.get("organizer"), title, lines) or _named_by(name)
                 or _body_of_person(convened.get("organizer") or ""))
    return Meeting(
        name=_session(name, organizer),
        date=_resolve(header.date, reference) or (_resolve(lead.date, reference) if lead else None)
        or (_days_before(lead.sentence, document.published) if lead and not lead.date else None)
        or spoken_on or (document.published if is_speech else None),
        location=header.location or convened.get("location") or _branch_venue(report),
        organizer=organizer,
        people=_instructing(_merge_people(_conveners(people), r.role_rank), report),
        units=list(dict.fromkeys(units)),
    )


_AFTER_MARK = re.compile("([，。、；：！？]) ")


def _full_width(text: str) -> str:
    """``text`` with the half-width marks of ``FULL_WIDTH`` made full-width: one C scan
    per mark (str.translate looks each character of a Chinese text up in a dict, 50
    times the time)."""
    for half, full in FULL_WIDTH:
        if half in text:
            text = text.replace(half, full)
    return text


def anchor_of(document: Document, meeting: Meeting | None) -> date | None:
    """The date a document's deadlines count from: published, else the meeting's date;
    but a plan that names its own year (2018年…方案, in its title or first lines; anywhere
    on a page without title or date) counts from that year's start when no date of that
    year is printed (none at all, or only a later repost's), so that 6月底前 is June of
    the plan's year."""
    printed = printed_date(document, meeting)
    start = _own_start(document, any_title_year=meeting is None)
    if start is None and printed is None and not document.title and meeting is None:
        # a page without its head (no title, no date: page 3 of a repost) names its plan's
        # year where it comes to it (…完成2009年环保专项行动总结报告 / …于2004年11月10日前
        #将总结材料报市专项行动领导小组): the first such year anywhere counts
        if m := rules().own_year.search(document.text):
            start = _season_start(int(m["year"]), m["what"])
    if start is None and printed is None and meeting is None and (
            year := _only_year([document.title or "", *document.text.splitlines()])):
        # a notice that prints no date but names one year, no target (根据《关于做好2020年秋冬季
        # …的通知》，请于11月10日前报送): its month-days fall in that year
        start = date(year, 1, 1)
    if start and (printed is None or printed.year > start.year):
        return start
    return printed


def printed_date(document: Document, meeting: Meeting | None) -> date | None:
    """The document's own date: published, else the meeting's, else when its Word file was
    made (its properties: the last a text's deadlines may count from)."""
    return document.published or (meeting.date if meeting else None) or find_date(document.metadata.get("file_created"))


def _own_year(document: Document) -> int | None:
    start = _own_start(document)
    return start.year if start else None


def _own_start(document: Document, *, any_title_year: bool = False) -> date | None:
    """When the period a plan names for itself starts: its (first) year's first day, or
    the first day of the season it covers (2025—2026年秋冬季 → 2025-09-01).
    ``any_title_year``: a year in the title of any kind counts (a notice's, not a meeting
    report's: 召开2022年度工作总结会 is held the year after)."""
    r = rules()
    title = document.title or ""
    for line in [title, *document.text.splitlines()[: r.own_year_lines]]:
        if m := r.own_year.search(line):
            return _season_start(int(m["year"]), m["what"])
    # a notice's title names the year it is about whatever its kind
    # (关于做好2019年秋冬季大气污染防治工作的通知), unless it sets a target (2020年底前…)
    for m in r.year_written.finditer(title if any_title_year else ""):
        if not r.target_year.match(title, m.end()) and not r.target_year_before.search(title[max(m.start() - 4, 0) : m.start()]):
            return _season_start(int(m["year"]), title[m.end() : m.end() + 30])
    return None


def _season_start(year: int, what: str) -> date:
    """The first day of ``year``, or of the season over the new year ``what`` names."""
    month = next((first for season, first in rules().cross_year_seasons.items() if season in what), 1)
    return date(year, month, 1)


@dataclass
class _Lead:
    sentence: str  # from after the dateline to the end of its sentence
    date: tuple[int | None, int | None, int] | None  # (year or None, month or None, day)


_DAY_DATELINE = 12  # characters at most of a day's dateline (23日下午3时30分，)


def _lead(lines: list[str], title: str) -> _Lead | None:
    """The sentence that opens the report: the first dateline sentence that speaks of a
    meeting (else the first dateline sentence), else the first sentence that convenes."""
    r = rules()
    leads = []
    for line in lines:
        for m in r.dateline.finditer(line):
            # a dateline past a byline's reach opens the lead only where its sentence
            # convenes a meeting (讯 为配合…工作，2021年4月11日，某区召开…)
            start = m.end()
            if line[m.start() - 1 : m.start()] == "于":  # 某县于4月9日上午召开…: its subject before it
                start = _sentence_start(line, m.start())
            elif _is_org(line[(clause := _sentence_start(line, m.start(), "，。；！？")) : m.start()]):
                start = clause  # 某县政府3月5日上午组织…召开…: the body before the date convenes
            sentence = re.split(SENTENCE_BREAKS, line[start : m.end() + LEAD_REACH], maxsplit=1)[0]
            if m.start() <= r.dateline_within or _convened(sentence).get("name"):
                year = int(m["year"]) if m["year"] else None
                leads.append(_Lead(sentence, (year, int(m["month"]), int(m["day"]))))
                break
        else:
            head = r.dateline_within + _DAY_DATELINE
            if "日" in line[:head] and (m := r.day_dateline.search(line, 0, head)):  # 本报讯 23日下午，
                leads.append(_Lead(re.split(SENTENCE_BREAKS, line[m.end() : m.end() + LEAD_REACH], maxsplit=1)[0],
                                   (None, None, int(m["day"]))))
            elif m := r.convened_on.search(line):
                # 县委、县政府高度重视…，并于3月2日召开…: the whole sentence, its subject with it
                start = _sentence_start(line, m.start())
                leads.append(_Lead(re.split(SENTENCE_BREAKS, line[start : m.end() + LEAD_REACH], maxsplit=1)[0],
                                   (int(m["year"]) if m["year"] else None, int(m["month"]), int(m["day"]))))
    if leads:
        return next((lead for lead in leads if "会" in lead.sentence), leads[0])
    for line in lines:
        if r.convenes.search(line) and line != title:
            return _Lead(re.split(SENTENCE_BREAKS, line, maxsplit=1)[0], None)
    return None


def _sentence_start(line: str, at: int, ends: str = "。；！？") -> int:
    """Where the sentence holding ``at`` starts in ``line`` (the clause, with ``，`` among
    the ``ends``)."""
    return max(line.rfind(end, 0, at) for end in ends) + 1


def _titled_lead(lines: list[str], title: str, lead: _Lead) -> _Lead:
    """The lead, or the later sentence that convenes the meeting the title reports when
    the lead convenes another (全省…视频会议召开。会后，我县召开全县…推进会 under a title
    reporting the 推进会: the report's meeting follows the one its place listened to)."""
    r = rules()
    wanted = _convened(title).get("name") if r.convenes.search(title) else None
    if not wanted or r.generic_name.match(wanted) or _same_meeting(_convened(lead.sentence).get("name"), wanted):
        return lead
    for line in lines:
        if not r.convenes.search(line):
            continue
        for sentence in re.split(SENTENCE_BREAKS, line):
            if sentence not in (lead.sentence, title) and _same_meeting(_convened(sentence).get("name"), wanted):
                return _Lead(sentence, lead.date)
    return lead


def _same_meeting(name: str | None, other: str) -> bool:
    """Do two names of meetings name the same one, its reach (全县, 全市…) and its year
    aside (青川县水污染防治工作推进会 under a title's 2020年水污染防治工作推进会)?"""
    if not name:
        return False
    opening = rules().name_opening
    name, other = (opening.sub("", n, count=1) for n in (name, other))
    return name in other or other in name


def _is_meeting(title: str, lead: _Lead | None) -> bool:
    r = rules()
    if title and r.speech_title.search(title):
        return True  # 在…会议上的讲话: a speech given at the meeting
    if title and r.meeting_account_title.search(title):
        return True  # 关于召开…会议的情况: an account of the meeting
    if title and r.meeting_title.search(title):
        return not r.other_title.search(title)
    if title and r.other_title.search(title) and not (r.work_account_title.search(title) and lead and lead.date):
        return False
    return bool(lead and _convened(lead.sentence).get("name") and not _planned(lead.sentence))


def _planned(sentence: str) -> bool:
    """Does the sentence's first convening speak of a meeting to be held (县里将召开…现场会)?"""
    r = rules()
    return bool((m := r.convenes.search(sentence)) and r.planned.search(sentence, 0, m.start()))


def _scoped_by(name: str | None) -> str | None:
    """The body a meeting's name opens with before its scope (州生态环境局 of 州生态环境局全州
    水污染…会议: 全州 says whose meeting it is, the body holds it), or None."""
    if not name or not unit_names.may_end_a_list(name, rules().scope):
        return None
    units, end = unit_names.leading_units(name)
    return units[0] if len(units) == 1 and rules().scope.match(name, end) else None


def _convened(sentence: str) -> dict[str, str]:
    """Organizer, location and name of "<organizer>(在<place>)召开<name>" or
    "<name>在<place>召开", read from the first clause that says it (``近日，…召开…``);
    only the parts that are there."""
    if (needs := rules().convened_needs) is not None and not needs.search(sentence):
        return {}  # none of the words every way of saying it holds (召开/举行): most sentences
    if "“" in sentence:
        # a quoted theme in a name may hold commas (召开“坚持A，推进B”专题协商会): they
        # break no clause
        sentence = _QUOTED.sub(lambda m: m[0].replace("，", _QUOTED_COMMA), sentence)
    before = ""  # the clause before: where it was held, said on its own (在县政府会议室，由…主持召开)
    for start, part in unit_names.spans_outside_parentheses(sentence, "，"):
        for pattern in rules().convened:
            m = pattern.match(sentence, start)
            if m:
                found = {k: v for k, v in m.groupdict().items() if v}
                if "location" not in found and (where := _HELD_IN.fullmatch(before)):
                    found["location"] = where[1]
                if rules().time_not_place.search(found.get("location", "")):
                    del found["location"]  # 在全省视频会后随即召开: when, not where
                if "name" in found:
                    found["name"] = rules().name_drop.sub("", found["name"])
                if not found.get("organizer") and (body := _scoped_by(found.get("name"))):
                    # 州生态环境局全州…推进会议在…召开: the body that holds its scope's meeting
                    found["organizer"], found["name"] = body, found["name"][len(body) :]
                if "organizer" in m.re.groupindex and (m["organizer"] or "") in _GOING_ON and start > 0:
                    # 区委常委甲，主持召开…: the person who convened is the clause before;
                    # 县委、县政府高度重视…，并于…召开…: the bodies the sentence opens with
                    found.pop("organizer", None)
                    if person := _titled_person_before(sentence, start - 1):
                        found["organizer"] = person
                    elif (subject := unit_names.leading_units(sentence))[0] and not rules().title_word.match(
                            sentence, subject[1]):  # (市某局党组书记、局长甲带队…，并召开…: a person)
                        found["organizer"] = sentence[: subject[1]]
                return {k: v.replace(_QUOTED_COMMA, "，") for k, v in found.items()}
        before = part
    return {}


# What alone may open a clause that convenes, going on from its sentence's subject (…，并于…召开…)
_GOING_ON = ("", "并", "并且", "还", "随后", "同时")
_HELD_IN = re.compile("在([^，。；在]{2,30})")
_VENUE_LINES = 3  # lines of the report read for a branch venue: the lead and the next


def _branch_venue(report: list[str]) -> str | None:
    """The branch venue a place watched a video meeting at (…在某县分会场收听收看), said
    near the report's head, when the sentence convening it names no place."""
    for line in report[:_VENUE_LINES]:
        if "分会场" in line and (m := rules().branch_venue.search(line)):
            return m["location"]
    return None


_GATHERING = re.compile("组织(?!部(?!分|署))")  # 县委组织部 is a body (not 组织部分人员…)


def _gathered(organizer: str | None) -> tuple[str | None, list[str]]:
    """``<organizer>组织<units>召开…``: who gathered the units (before 组织) and the units
    gathered, who attend (县水利局组织县河管站、河长办等相关科所人员召开专题会议 → 县水利局,
    [县河管站, 河长办]); the organizer as read and no units when it gathered none."""
    m = _GATHERING.search(organizer) if organizer else None
    if not m or m.start() == 0:
        return organizer and rules().time_after_organizer.sub("", organizer), []
    gathered = organizer[m.end() :]
    end = rules().unit_list_end.search(gathered)
    return (rules().time_after_organizer.sub("", organizer[: m.start()]),
            _org_list(gathered[: end.start()] if end else gathered) or [])


def _name(from_lead: str | None, title: str) -> str | None:
    """The lead's name, unless it is generic (专题会议) and the title names the meeting."""
    r = rules()
    from_title = None
    minutes = r.minutes_title.search(title) or r.speech_title.search(title)
    if minutes:
        from_title = minutes["name"]
        for pattern, replacement in r.name_rewrites:
            from_title = pattern.sub(replacement, from_title)
    elif title:
        # a title that is the meeting's name (某分局2024年第六次局长办公会议), or one that
        # reports it (某区召开…会)
        from_title = _convened(title).get("name") or (
            title if r.own_name_title.search(title) and not r.convenes.search(title) else None)
    if from_lead and not r.generic_name.match(from_lead):
        return from_lead
    if from_title and from_lead and r.generic_name.match(from_title):
        # both generic: the one that says more (召开会议 in the title, 召开专题会议 in the lead)
        return max(from_lead, from_title, key=len)
    return from_title or from_lead


def _session(name: str | None, organizer: str | None) -> str | None:
    """第二次会议 of a body is that body's: 委员会召开第二次会议 → 委员会第二次会议."""
    if name and organizer and rules().session.match(name) and not organizer.endswith(rules().places):
        return organizer + name
    return name


def _organizer(from_lead: str | None, title: str, lines: list[str]) -> str | None:
    """Who convened: the lead's subject, else the title's, else (for minutes) the issuing
    organ on the first line (the meeting's own name and the body a convening person's
    title names are read after it, by the caller). Bodies that
    convene together (市委办、市政府办联合召开) are named as listed; a place may follow the
    province or city it lies in (某某省某某自治县召开). An organ speaking of itself (我局
    主持的…) is the one issuing the document, named by its title (某某局办公厅关于…); a place
    speaking of itself (我市召开…) is the one a news title opens with (某某市秋季…推进会召开)."""
    if from_lead and (own := _SELF.fullmatch(from_lead)):
        issuer = title.partition("关于")[0] if "关于" in title else title[: title.find(own[1]) + 1]
        from_lead = issuer[: issuer.rfind(own[1]) + 1] if own[1] in issuer else None
    for candidate in (from_lead, _convened(title).get("organizer")):
        if candidate and (_is_org(candidate) or _in_place(candidate) or _joint(candidate)):
            return candidate
    r = rules()
    # 会议由县住建局负责组织。: a sentence of its own names who organized it
    for line in lines:
        if "由" in line and (m := r.organized_by.search(line)) and _is_org(m["organizer"]):
            return m["organizer"]
    head = [line.replace(" ", "") for line in lines[:6]]
    if r.minutes_marker.search(title) or any(r.minutes_marker.search(line) for line in head):
        return next((line for line in head if _is_org(line)), None)
    return None


_SELF = re.compile("[我本]([局厅委办部院市县区])")


def _in_place(text: str) -> bool:
    """Is ``text`` an organization or place after the province or city it lies in
    (南岭省云峰瑶族自治县: the recognizer reads a place name of a few characters only)?"""
    return any(_is_org(text[: m.end()]) and _is_org(text[m.end() :])
               for m in _PROVINCE_OR_CITY.finditer(text, 2, len(text) - 2))


_PROVINCE_OR_CITY = re.compile("省|自治区|市|州|盟")


def _joint(text: str) -> bool:
    """Is ``text`` a list of two or more organizations, each named in full (市委办、市政府办;
    甲区河长办与乙区河长办)?"""
    parts = _split_outside_parens(text.replace("与", "、"), "、")
    return len(parts) > 1 and all(_is_org(part) for part in parts)


def _named_by(name: str | None) -> str | None:
    """The organization or place a meeting's name opens with, when nobody is said to have
    convened it: its own meeting (市生态环境保护委员会2023年第一次会议 → 市生态环境保护委员会,
    某县应对重污染天气工作调度会 → 某县). The longest such opening, words left after it."""
    if not name or rules().topic_opening.match(name):
        return None
    if _WHOLE_PLACE.match(name):
        # 全县河湖长制委员会第二次全体会议: the county's committee in a session of its own
        # (全县 the whole county it stands for); 全县环保工作会议 names no body
        body = _named_by(name[1:])
        return body if body and _is_org(body) and _OWN_SESSION.match(name, 1 + len(body)) else None
    # (the opening ends where the year or the count of sessions begins: 某局2025年第三次…;
    # a count the name opens with, 五届104次区政府常务会议, goes before the body, and so does
    # a year, whole or with a digit lost: 2024年某县总河长会议, 202年县环委会第二次全体会议)
    name = _SESSION_COUNT.sub("", _OPENING_YEAR.sub("", name))
    head = re.split(r"\d{2,4}年|第[一二三四五六七八九十百\d]", name, maxsplit=1)[0]
    body = next((head[:end] for end in range(min(len(head), len(name) - 2, 40), 1, -1)
                 if (_is_org(head[:end]) or _in_place(head[:end])) and not rules().opening_not_before.match(head, end)),
                None)
    # (a party committee's standing committee meets for the committee: 县委常委会第33次会议 → 县委)
    return body[: -len("常委会")] if body and body.endswith("委常委会") else body


_OPENING_YEAR = re.compile(r"^\d{2,4}年度?")
_WHOLE_PLACE = re.compile("全[省市州盟县区旗镇乡]")
_OWN_SESSION = re.compile(r"(?:\d{2,4}年度?)?(?:第[一二三四五六七八九十百\d]{1,4}次)?(?:全体)?(?:（?扩大）?)?会议")
_SESSION_COUNT = re.compile(r"^第?[一二三四五六七八九十百\d]{1,4}届(?:第?[一二三四五六七八九十百\d]{1,4}次)?")


def _body_of_person(text: str) -> str | None:
    """The organization a convening person's title names first (东城街道党工委委员甲 →
    东城街道党工委, 某区政府副区长甲 → 某区政府): one person with a title that opens with it.
    The shortest such opening: the post may open with a body of the organization
    (市生态环境局党组书记 is a post of 市生态环境局)."""
    person = _person(text)
    if not person or not person[1]:
        return None
    title = person[1].split("、")[0]  # of several posts (区委常委、政法委书记), the first's
    for end in range(2, len(title)):
        if _is_org(title[:end]) and rules().title_word.match(title, end):
            return title[:end]
    return None


# ---------------------------------------------------------------- dates


def _days_before(sentence: str, published: date | None) -> date | None:
    """A paper's report dated by the day before its issue (昨天，市…召开…): that day, counted
    back from the date it was published; None without one."""
    m = rules().days_before.search(sentence) if published else None
    return published - timedelta(days=rules().days_back[m["word"]]) if m else None


FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
PARTIAL_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


def _own_date(lines: list[str]) -> date | None:
    """A date the document carries on a line of its own (the date under minutes or a
    notice, possibly after the issuing organ): the latest such line wins."""
    found = None
    for line in lines:
        m = FULL_DATE.search(line)
        if m and m.end() == len(line.removesuffix("印发")) and len(line) <= 40:
            found = _date(int(m[1]), int(m[2]), int(m[3])) or found
    return found


SPEECH_HEADER_LINES = 3  # the lines under a speech's title that may hold its byline and date


def _speech_header(lines: list[str], title: str) -> tuple[date | None, list[Person], bool]:
    """The date and the speaker a speech's text prints under its title (在…会议上的讲话 /
    县委副书记、县长 周某 / （2024年10月12日）): the date it was given, the one who gave it;
    and whether the title is a speech's (its printed date, read as published, is the meeting's)."""
    if not title or not rules().speech_title.search(title):
        return None, [], False
    start = next((i + 1 for i, line in enumerate(lines[:SPEECH_HEADER_LINES]) if line == title), 0)
    when, people = None, []
    for line in lines[start : start + SPEECH_HEADER_LINES]:
        if m := FULL_DATE.fullmatch(line.strip("（）()")):
            when = _date(int(m[1]), int(m[2]), int(m[3]))
        elif len(line) <= 30 and (person := _person(line)) and person[1]:
            people.append(Person(person[0], person[1], "speaker"))
    return when, people, True


def _title_year(title: str) -> int | None:
    m = re.search(r"(20\d{2})年", title)
    return int(m[1]) if m else None


_NAME_YEAR = re.compile(r"((?:19|20)\d\d)年(?!度)[^年]+$")


def _name_year(name: str | None) -> int | None:
    """The year a meeting's name opens with, the only one it names (2024年某县总河长会议:
    held that year); not that of the work a meeting reviews (2023年度工作会议, 2023年全县
    河长制工作总结会: often held the next)."""
    m = _NAME_YEAR.match(name or "")
    return int(m[1]) if m and "总结" not in name else None


def _only_year(lines: list[str]) -> int | None:
    """The one year a text names, when it names exactly one (a report that says
    为落实2019年…部署 and dates its meeting 3月5日); a target year (到2020年, 2020年底前)
    or a year looked back on (总结2022年工作) is no clue to when the text was written."""
    r = rules()
    years = {int(m["year"]) for line in lines for m in r.year_written.finditer(line)
             if not r.target_year.match(line, m.end())
             and not r.target_year_before.search(line[max(m.start() - 4, 0) : m.start()])}
    return years.pop() if len(years) == 1 else None


def _resolve(parts: tuple[int | None, int | None, int] | None, reference: date | int | None) -> date | None:
    """A month-day with the year written, else the reference's year; a month-day later
    than the reference date belongs to the year before; a day alone, the reference's month
    (or the one before when the day is later), only against a reference date."""
    if parts is None:
        return None
    year, month, day = parts
    if month is None:  # a day alone (23日下午，): of the month of the date referred to, or the one before
        if not isinstance(reference, date):
            return None
        before = day > reference.day
        year, month = divmod(reference.year * 12 + reference.month - 1 - before, 12)
        return _date(year, month + 1, day)
    if year is None:
        if reference is None:
            return None
        if isinstance(reference, int):
            year = reference
        else:
            year = reference.year - ((month, day) > (reference.month, reference.day))
    return _date(year, month, day)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- head of minutes


@dataclass
class _Header:
    date: tuple[int | None, int, int] | None = None
    location: str | None = None
    people: list[tuple[str, str]] = field(default_factory=list)  # (role, listed value)


def _header(lines: list[str]) -> tuple[_Header, set[int]]:
    """The labelled lines of minutes and the indices of the lines they take."""
    header, taken, current = _Header(), set(), None
    for i, line in enumerate(lines):
        m = _LABELLED.match(line)
        label = m and _label(m[1].replace(" ", ""))
        if label:
            current, value = label, m[2].strip()
        elif current in ("chair", "attendee") and len(line) <= 60 and "。" not in line:
            value = line  # a continuation line of a list
        else:
            current = None
            continue
        taken.add(i)
        if current == "date" and (d := PARTIAL_DATE.search(value)):
            header.date = (int(d[1]) if d[1] else None, int(d[2]), int(d[3]))
        elif current == "location" and value:
            header.location = value.replace(" ", "")
        elif current in ("chair", "attendee") and value:
            header.people.append((current, value))
    return header, taken


def _label(text: str) -> str | None:
    for label, pattern in rules().header_labels:
        if pattern.fullmatch(text):
            return label
    return None


def _listed(value: str, role: str) -> tuple[list[Person], list[str]]:
    """The persons (name and title in either order, or a title in parentheses) and the
    organizations (``市财政局、涉县人民政府分管负责同志``) a labelled line lists."""
    people, units = [], []
    for item in [part for item in _split_outside_parens(value, "，；") for part in _spaced_items(item)]:
        person = _person(item)
        if person:
            people.append(Person(person[0], person[1], role))
            continue
        if "、" in item and (listed := _persons(item)):  # 出席：甲、乙、丙 / 副县长甲、乙
            people.extend(Person(name, title, role) for name, title in listed)
            continue
        end = rules().unit_list_end.search(item)
        units.extend(_org_list(item[: end.start()] if end else item) or [])
    return people, units


# ---------------------------------------------------------------- people


def _people_in(line: str) -> list[Person]:
    """Persons named right before a role verb: ``市政府副秘书长何志刚主持会议``,
    ``朱立凡、万平、杨秀理参加有关活动``, ``市领导甲、乙出席会议`` (one title for the
    list), ``副市长甲，副市长乙出席会议``; or right after it: ``出席会议的有副市长甲、乙``."""
    r = rules()
    found = []
    acted: tuple[int, list[tuple[str, str | None]]] = (-1, [])  # the last clause with people, and them
    for m in r.role_verbs.finditer(line):
        role = m.lastgroup
        if after := r.listed_after.match(line, m.end()):
            # 出席会议的有…: the clauses after it list the people, up to the sentence's end
            sentence = re.split(SENTENCE_BREAKS, line[after.end() :], maxsplit=1)[0]
            for clause in re.split(f"[{CLAUSE_BREAKS}]", sentence):
                listed = [] if r.role_verbs.search(clause) else _persons(r.people_tail.sub("", clause.strip()))
                if not listed:  # the list has ended (or a clause of its own verb begins)
                    break
                found.extend(Person(name, title, role) for name, title in listed)
            continue
        start = max(line.rfind(ch, 0, m.start()) for ch in CLAUSE_BREAKS) + 1
        # where and on what they acted is no part of their name (甲在会上…, 甲就…作部署,
        # 甲对…进行了通报)
        subject = _WHERE_ON.sub("", line[start : m.start()]).strip()
        subject = subject[r.clause_lead.match(subject).end() :]
        if not subject and start > 0 and line[start - 1] == "，":
            # the verb opens its clause: the person is the clause before, set off by a
            # comma (区委常委、政法委书记甲，主持召开…)
            subject = _titled_person_before(line, start - 1)
        if subject in ("", "并") and start > 0:
            # 甲传达了…，总结了…，并对…作了安排 / 甲宣读了…，对…进行部署: a clause with no
            # subject of its own goes on with the one named last in its sentence
            listed = acted[1] if 0 <= acted[0] and not re.search(SENTENCE_BREAKS, line[acted[0] : start]) else []
        else:
            listed = _persons(_without_units_after(r.people_tail.sub("", subject)))
            if m.group() in r.titled_only and not all(title for _, title in listed):
                listed = []
        if listed:
            acted = (start, listed)
        found.extend(Person(name, title, role) for name, title in listed)
        if not listed and not _org_list(_list_before_kind(subject)) and not (
                role == "attendee" and (r.attending_kind.search(subject)
                                        or r.title_at_end.search(r.people_tail.sub("", subject)))):
            continue
        # persons with titles in the clauses just before share the verb (市长甲，副市长乙、
        # 丙出席会议; 县领导甲、乙，县政府办公室主任丙参加会议), unless a clause has a
        # verb of its own (会议由副区长甲主持，…); so do bare names set off by commas back to
        # such a clause, a list written with commas for 、 (县领导甲，乙，丙参会)
        pending: list[tuple[str, str | None]] = []
        for clause in _clauses_before(line, start - 1):
            if r.role_verbs.search(clause):
                break
            clause = clause[r.clause_lead.match(clause).end() :]  # (以及甲、乙等县领导)
            names = r.people_tail.sub("", clause)
            before = _persons(_without_units_after(names))
            if not before and (_org_list(_list_before_kind(clause)) is not None or r.title_at_end.search(clause)
                               or r.attending_kind.search(clause)):
                # organizations between (…，委员会成员单位，各镇主要负责人参加会议), posts
                # without a name (…，国有林场场长，各乡镇林业站站长参加会议), or a kind of
                # people sent (…，县直有关单位主要负责同志，各乡镇党委书记等参加会议)
                continue
            if len(before) == 1 and before[0][1] is None and clause == names:
                pending.extend(before)
                continue
            # bare names share the verb where a kind says who they are (甲、乙等区领导)
            if not before or not (all(title for _, title in before) or clause[len(names) :].startswith("等")):
                break
            found.extend(Person(name, title, role) for name, title in [*before, *pending])
            pending = []
    return found


def _titled_person_before(line: str, end: int) -> str:
    """The clause of ``line`` that ends at ``end`` when it is one person with a title
    (区委常委甲 in 区委常委甲，主持召开…), else ""."""
    clause = next(_clauses_before(line, end), "")
    clause = clause[rules().clause_lead.match(clause).end() :]
    person = _person(clause)
    return clause if person and person[1] else ""


def _clauses_before(line: str, end: int):  # noqa: ANN202 (a generator of str)
    """The clauses of ``line`` before ``end``, nearest first (read lazily: a caller stops
    at the first that does not fit, and a long paragraph is not split again per verb); the
    sentence's own only (the headline sentence before, 云溪县召开…会议。, names no one)."""
    while end > 0 and line[end] != "。":
        start = max(line.rfind(ch, 0, end) for ch in CLAUSE_BREAKS) + 1
        yield line[start:end]
        end = start - 1


def _list_before_kind(text: str) -> str:
    """A list of organizations without the kind of people they sent after it (X局、Y局等部门
    及各村党组织书记等约35人 → X局、Y局): the persons with titles in the clauses before such
    a list share its verb (副书记甲，X局、Y局等部门…参加会议)."""
    end = rules().unit_list_end.search(text)
    return text[: end.start()] if end else text


def _without_units_after(text: str) -> str:
    """The people of an attendance list that names organizations after them (局长甲以及
    区城管局、区教育局; 甲副秘书长、乙局长、相关区县政府负责同志), or posts held by no one
    named (镇长甲及各村党支部书记、村委会主任): the part before 以及/及/和, or before a 、
    after persons, when what follows is a list of them."""
    r = rules()
    listing = True  # a 、 may still part the people from what follows them
    for m in _PEOPLE_THEN.finditer(text):
        # (the organizations may be followed by who came for them: 及县直各单位负责人)
        rest = text[m.end() :]
        if m.group() == "、":
            # only the first 、 no person follows, where people stand before it
            if not listing or _person(_PEOPLE_THEN.split(rest, 1)[0]):
                continue
            listing = False
            if not _persons(text[: m.start()]):
                continue
        if m.start() and (_org_list(_list_before_kind(rest)) is not None or all(
                r.title_at_end.search(item) and not _person(item) for item in rest.split("、"))):
            return text[: m.start()]
    return text


_PEOPLE_THEN = re.compile(f"{AND_THEN.pattern}|、")  # where what follows the people of a list may start


def _persons(text: str) -> list[tuple[str, str | None]]:
    """(name, title) of the persons ``text`` lists and nothing else: one person, names
    each with its title (南屏区副区长甲、东溪县副县长乙), bare names (甲、乙), or one
    title before names (市领导甲、乙); empty when it is no such list. A title of two posts
    (区水务局党组书记、局长甲) stays with its person."""
    if "以及" in text:  # 副市长甲以及乙、丙(等领导): two lists, each read as one
        head, _, tail = text.partition("以及")
        first, second = _persons(head), _persons(tail)
        return first + second if first and second else []
    for m in AND_THEN.finditer(text):
        # 县长甲和副县长乙: two persons, each with the title before them (a 和 inside an
        # organ's name, 住房和城乡建设局, parts no two lists of people)
        if m.start() and (first := _persons(text[: m.start()])) and (second := _persons(text[m.end() :])):
            return first + second
    # one part (no 、) is its own list: no post to join to a name after it
    parts = _with_joined_posts(text.split("、")) if "、" in text else [text]
    if len(parts) > 1 and (titled := _titled_names(parts)):
        return titled
    if whole := _person(text):
        return [whole]
    if len(parts) > 1 and (all(_is_name(part) for part in parts) or _names_but_one(parts)):
        return [(part, None) for part in parts]
    return []


def _titled_names(parts: list[str]) -> list[tuple[str, str | None]]:
    """The persons of a list that opens with a name and its title, each bare name after a
    title sharing it (市领导甲、乙 / 县政协副主席甲、乙、丙、秘书长丁: up to the next person
    named with a title of their own); empty for any other list."""
    found: list[tuple[str, str | None]] = []
    for part in parts:
        person = _person(part)
        if person is None or person[1] is None and not found:
            return []
        found.append(person if person[1] else (person[0], found[-1][1]))
    return found


def _names_but_one(parts: list[str]) -> bool:
    """A list of three or more bare names of which all but one have a known surname: the
    one left is a name with a rare surname (甲、但乙、丙), read as the others are."""
    return len(parts) >= 3 and sum(map(_is_name, parts)) == len(parts) - 1 and all(
        _BARE_NAME.fullmatch(part) and not _names_body(part) and not rules().title_word.search(part)
        and not rules().role_verbs.search(part) for part in parts)


def _spaced_items(item: str) -> list[str]:
    """The items a list's spaces part as commas do (县委书记 甲 县长 乙 / 县水利局 县环保局),
    a post going with the name after it, where each is a person or a body; else the item
    whole (甲 市政府副秘书长: one person, spaced)."""
    if " " not in item:
        return [item]
    parts = _with_joined_posts(item.split(" "), "")
    return parts if len(parts) > 1 and all(_person(part) or _names_body(part) for part in parts) else [item]


def _with_joined_posts(parts: list[str], joint: str = "、") -> list[str]:
    """Parts of a list of people with a part that holds only a post joined to the next by
    ``joint`` (区水务局党组书记 / 局长甲 → 区水务局党组书记、局长甲)."""
    r = rules()
    joined: list[str] = []
    carry = ""
    for part in parts:
        part = carry + part
        if r.title_at_end.search(part.strip()) and not _person(part):
            carry = part + joint
            continue
        joined.append(part)
        carry = ""
    if carry:
        joined.append(carry.removesuffix(joint) if joint else carry)
    return joined


# (the clauses before a verb are read again for each later verb of their sentence that
# lists people, and the same posts and names come back report after report: kept, as the
# recognizer keeps its answers about names)
@lru_cache(maxsize=16384)
def _person(text: str) -> tuple[str, str | None] | None:
    """(name, title) of ``郑阳华``, ``副局长郑阳华``, ``李振国 副市长``, ``许文斌（副主任）``,
    ``市环保局李振国副局长``."""
    r = rules()
    text = text.strip().removesuffix("同志")  # 李少锋同志: the courtesy is no part of the name
    m = _NAME_THEN_POST.fullmatch(text) if text.endswith("）") else None
    if m and _is_name(m[1]):
        return m[1], m[2]
    tokens = text.split(" ")
    for k in range(1, len(tokens)):  # name then title, spaced (刘  涛  市…局局长)
        name, title = "".join(tokens[:k]), "".join(tokens[k:])
        if _is_name(name) and r.title_word.search(title):
            return name, title
    text = text.replace(" ", "")
    if _is_name(text):
        return text, None
    if not r.title_word.search(text):
        return None  # the shapes left all hold a title (most clauses before a verb: none)
    m = r.title_then_name.fullmatch(text)
    if m and _is_name(m["name"], titled=True):
        return m["name"], m["title"]
    for n in (2, 3, 4):  # name then title, unspaced (李振国副市长)
        name, title = text[:n], text[n:]
        # (a title that opens with a level's organ follows a place: 江华县委副书记 is no 江华)
        if _is_name(name) and r.title_at_end.search(title) and _starts_title(title) and not r.organ_post.match(title):
            return name, title
    # (a post is short: only the text's end is searched for one)
    if (post := r.title_at_end.search(text, max(0, len(text) - _LONGEST_POST))) and post.start() >= 4:
        # an organization, the name, then the post (市环保局李振国副局长), as a bureau's
        # own pages put it: the post is the organization's; or what the person is in
        # charge of, the name, then the post (分管领导李振国副主席): the post is theirs
        for n in (2, 3):
            name, body = text[post.start() - n : post.start()], text[: post.start() - n]
            if _is_name(name) and _is_org(body):
                return name, body + post[0]
            titled = r.title_then_name.fullmatch(body + name)
            if titled and titled["name"] == name and _is_name(name, titled=True):
                return name, post[0]
    return None


_LONGEST_POST = 12  # characters


def _starts_title(text: str) -> bool:
    """Whether text begins the way a title does (副市长…, 市委常委…), so that the name
    before it is not cut short (王建军市政府… is not 王建 + 军市政府…)."""
    r = rules()
    return bool(r.title_word.match(text) or re.match(r"[市省县区州旗镇乡厅局党副常自]", text))


def _is_name(text: str, *, titled: bool = False) -> bool:
    """Is ``text`` a person's name? ``titled``: it follows a post (副县长范立科), where a name
    that could end like a body (科, 处) names a person all the same."""
    r = rules()
    if _TRANSLITERATED.fullmatch(text):  # no surname to stop at: no verb may follow inside
        return not (_names_body(text) or r.title_word.search(text) or r.role_verbs.search(text))
    # (four characters only after a surname of two, 欧阳志远: 强化考核 of 强化考核通报 is words)
    return (
        _HAN_NAME.fullmatch(text) is not None
        and (text[0] in r.surnames and len(text) < 4 or text[:2] in r.surnames)
        and not r.not_a_name.match(text)
        and (titled or not _names_body(text))
        and not r.title_word.search(text)
        and not r.role_verbs.search(text)  # 孙浩主持 is a name and its verb
    )


def _conveners(people: list[Person]) -> list[Person]:
    """Who convened the meeting (主持召开) chairs it, unless another is said to chair it
    (会议由乙主持): then the convener attends, his other roles kept."""
    chaired = any(p.role == "chair" and not any(q.name == p.name and q.role == "convener" for q in people)
                  for p in people)
    return [replace(p, role="attendee" if chaired else "chair") if p.role == "convener" else p for p in people]


def _merge_people(people: list[Person], rank: tuple[str, ...]) -> list[Person]:
    """One entry per name, with its strongest role and its longest title."""
    merged: dict[str, Person] = {}
    for person in people:
        seen = merged.get(person.name)
        if seen is None:
            merged[person.name] = Person(person.name, person.title, person.role)
            continue
        if rank.index(person.role) < rank.index(seen.role):
            seen.role = person.role
        if len(person.title or "") > len(seen.title or ""):
            seen.title = person.title
    return list(merged.values())


def _instructing(people: list[Person], lines: list[str]) -> list[Person]:
    """People listed as attending who then give instructions (a sentence of the report
    opens with their name and an instructing verb: 甲强调… / 甲就…提出要求, or the next
    one with a pronoun for them: 甲肯定了…。他指出…) are speakers;
    so are reporters whose report goes on to instructions (甲通报了…，并要求…)."""
    verbs = _instructing_after()
    names = [p.name for p in people]
    for person in people:
        if person.role not in verbs:
            continue
        said = verbs[person.role]
        if any(said.match(line, at + len(called)) and (person.role == "reporter" or _opens_sentence(line, at, names))
               for called in (person.name, *_addressed_as(person, people))
               for line in lines if called in line for at in _occurrences(called, line)):
            person.role = "speaker"
    return people


def _addressed_as(person: Person, people: list[Person]) -> list[str]:
    """How a report names ``person`` again by surname and post (副县长韩某某 → 韩副县长, 韩县长;
    局长甲某 → 甲局长), unless another of ``people`` is called so too."""
    def forms(p: Person) -> list[str]:
        post = rules().title_at_end.search(p.title or "")
        if post is None or len(p.name) < 2:
            return []
        surname = p.name[:2] if len(p.name) > 2 and p.name[:2] in rules().surnames else p.name[:1]
        return [surname + post.group(), surname + post.group().removeprefix("副")]
    others = {form for p in people if p is not person for form in forms(p)}
    return [form for form in dict.fromkeys(forms(person)) if form not in others]


@lru_cache(maxsize=1)
def _instructing_after() -> dict[str, re.Pattern[str]]:
    """What follows the name of an attendee who instructs, or of a reporter whose report goes
    on to instructions, by role. (One pattern for every name, matched where the name ends:
    a pattern holding the name is compiled anew for each person, ~1 ms a name.)"""
    r = rules()
    # an attendee's sentence opens with the name (what may stand before it: _opening); a
    # reporter's report may follow a title (局长甲通报了…，并要求…)
    return {"attendee": re.compile(rf"(?:[^。；]{{0,40}}?|[^。；]{{0,8}}?{r.instructs_in_aspects}|{r.instructs_by_pronoun})(?:{r.instructs})"),
            "reporter": re.compile(rf"[^。；]{{0,60}}?{r.instructs_after_report}")}


def _occurrences(word: str, line: str) -> Iterator[int]:
    """Where ``word`` starts in ``line``, each place."""
    at = line.find(word)
    while at >= 0:
        yield at
        at = line.find(word, at + 1)


def _opens_sentence(line: str, start: int, listed: Sequence[str] = ()) -> bool:
    """Does the name at ``start`` open its sentence, but for a word of when (会后，甲安排部署了…;
    全市会议结束后，甲强调…), a title (县长甲对…进行了总结，并对…进行部署) and the ``listed``
    names before it that instruct with it (甲、乙分别就…提出了具体要求)?"""
    sentence = max(line.rfind(mark, 0, start) for mark in "。；！？") + 1
    while start > sentence and line[start - 1] in LISTED_NAMES_JOIN and (
            other := next((n for n in listed if line.startswith(n, start - 1 - len(n))), None)):
        start -= len(other) + 1
    return bool(_opening().fullmatch(line, sentence, start))


@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    r = rules()
    return re.compile(rf"(?:{r.sentence_lead})?(?:[^，。；！？]{{0,16}}?(?:{r.title_word.pattern}))?")


def _instructors(lines: list[str], known: set[str]) -> list[Person]:
    """Speakers named by no role verb: a person the report introduces with a title
    (市生态环境局局长甲一行前往…调研) whose name then opens a sentence that gives
    instructions (甲指出，… / 甲在座谈会上强调，要…). A name with no title anywhere in the
    report is not taken (a sentence opening with a bare name is too often someone quoted),
    unless a line of its own is nothing but the name and its verb."""
    opens, heading = _instructor_patterns()
    # (tried where a sentence starts, not searched: the pattern would be tried at every character)
    candidates = list(dict.fromkeys(
        m["name"] for line in lines for at in _sentence_starts(line)
        if (m := opens.match(line, at)) and m["name"] not in known and _is_name(m["name"])))
    if not candidates:
        return []
    titles = _introductions(lines, set(candidates))
    # a line of its own that is only a name and its verb (甲强调 / 甲要求：) heads the
    # instructions that follow it, as a repost's subheading: no one quoted
    headed = {m["name"] for line in lines if (m := heading.fullmatch(line))}
    return [Person(name, titles.get(name), "speaker") for name in candidates if name in titles or name in headed]


@lru_cache(maxsize=1)
def _instructor_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name opening a sentence with an instructing verb (甲指出 / 甲在座谈会上强调), and a
    line that is only a name and such a verb."""
    r = rules()
    return (re.compile(rf"\s*(?P<name>{TRANSLITERATED}|[{HAN}]{{2,4}}?)(?:在[^，。；]{{1,16}}?|还|最后|同时|进一步)?(?:{r.instructs})"),
            re.compile(rf"(?P<name>{TRANSLITERATED}|[{HAN}]{{2,4}}?)(?:{r.instructs})[：:]?"))


def _sentence_starts(line: str) -> Iterator[int]:
    """Where the sentences of a line start: at its start and after each 。；！？."""
    yield 0
    for m in _SENTENCE_END.finditer(line):
        yield m.end()


_SENTENCE_END = re.compile("[。；！？]")


def _introductions(lines: list[str], names: set[str]) -> dict[str, str]:
    """The title each of ``names`` is first introduced with at the head of a clause
    (市生态环境局局长甲一行…): one pass over the clauses, a look after each title word."""
    r = rules()
    found: dict[str, str] = {}
    for line in lines:
        for clause in re.split(f"[{CLAUSE_BREAKS}]", line):
            clause = clause.strip()
            head = clause[r.clause_lead.match(clause).end() :][:48]
            for title in r.title_word.finditer(head):
                after = re.match(TRANSLITERATED, head[title.end() :])
                for n in ([after.end()] if after else []) + [2, 3, 4]:
                    name = head[title.end() : title.end() + n]
                    if name in names and name not in found:
                        person = _person(head[: title.end() + n])
                        if person and person[0] == name and person[1]:
                            found[name] = person[1]
    return found


# ---------------------------------------------------------------- units


def _antecedents_named(lines: list[str], organizer: str | None) -> list[str]:
    """The lines with 该区/该县… replaced by the place they stand for: the last place of
    that kind a visit went to (前往X区) or that convened, before it; left as written when
    there is none."""
    r = rules()
    suffixes = sorted(r.places, key=len, reverse=True)
    last: dict[str, str] = {}  # the kind of place (区, 县…) → the last one named

    def named(place: str) -> None:
        last[next(s for s in suffixes if place.endswith(s))] = place

    if organizer and unit_names.rules().place.search(organizer) and organizer.endswith(r.places):
        named(organizer)
    resolved = []
    either = re.compile(f"{r.visit_to.pattern}|{r.anaphora.pattern}")  # once, not per line
    for line in lines:
        parts, position = [], 0
        for m in either.finditer(line):
            if m["place"]:
                named(m["place"])
                continue
            if place := last.get(m["suffix"]):
                parts += [line[position : m.start()], place]
                position = m.end()
        resolved.append("".join(parts) + line[position:])
    return resolved


def _heard(clause: str) -> list[str]:
    """The units of the reports a 听取 clause lists, each named before its subject:
    听取A工作汇报、B通报…情况 → A, B."""
    r = rules()
    # (after the few words of who heard them: 会议听取了…, 督查会听取了…)
    m = r.heard.search(clause, 0, HEARD_WITHIN + 3)
    if not m or m.start() > HEARD_WITHIN:
        return []
    found = []
    items = _split_outside_parens(clause[m.end() :], "、")
    for i, item in enumerate(items):
        verb = r.heard_verbs.search(item)
        if not verb:
            # 听取了A、B…情况的汇报: a unit named alone shares the report the list ends with
            if _is_org(item) and any(r.heard_verbs.search(later) for later in items[i + 1 :]):
                found.append(item)
            continue
        end = r.unit_list_end.search(item)  # 关于…, 就…, 工作汇报: the name ends before
        cut = min(verb.start(), end.start() if end else len(item), 32)
        # 区水务局局长甲同志关于…的汇报: the unit whose post the reporter holds, not the
        # longest stretch read as one (区水务局局)
        head = _body_of_person(item[:cut]) or next((item[:k] for k in range(cut, 1, -1) if _is_org(item[:k])), None)
        if head:
            found.append(head)
    return found


def _units_in(line: str) -> list[str]:
    """Organizations a report names as reporting, speaking or attending: a list at the
    head of a clause, closed by 分别/就/作/汇报/负责同志…, with such a verb after it; the
    units of the reports a 听取 clause lists."""
    r = rules()
    found: list[str] = []
    if not r.unit_list_verbs.search(line) and not r.heard.search(line) and not r.summoned.search(line):
        return found  # most lines: no list is closed by a verb of reporting or attending, no 听取, no 召集
    for sentence in re.split(SENTENCE_BREAKS, line):
        if not r.unit_list_verbs.search(sentence) and not r.heard.search(sentence) and not r.summoned.search(sentence):
            continue
        # the clauses since the last list closed, each perhaps made only of organizations
        # (市住建委、市城管委，各区县…参加会议): read when a list closed by a verb follows them
        run: list[str] = []
        for start, clause in unit_names.spans_outside_parentheses(sentence, "，"):
            if heard := _heard(clause):
                found.extend(heard)
                run = []
                continue
            lead = r.clause_lead.match(clause).end()
            if listed := _units_listed_after(clause, lead):
                found.extend(listed)
                run = []
                continue
            end = r.unit_list_end.search(clause, pos=lead)
            if end and r.unit_list_verbs.search(sentence, pos=start + end.start()):
                attended = r.attended.match(clause, end.start()) is not None
                listed = _org_list(clause[lead : end.start()])
                if listed is None:  # 区住建局局长甲以及区城管局、区交通局等负责人参加
                    listed = _list_after_people(clause[lead : end.start()])
                if not listed and attended:
                    listed = _org_list(clause[lead : end.start()], mostly=True) or listed
                if listed is None:  # 市环保、住建、城管等19家单位负责人参加
                    listed = _fields_listed(clause[lead : end.start()])
                if listed is None:  # 县水利局、开发区管委会主任等参加: bodies by their posts
                    listed = _bodies_of_posts(clause[lead : end.start()])
                if listed is not None:
                    found.extend(_lists_before(run, mostly=attended))
                found.extend(listed or [])
                found.extend(_lists_joined_after(clause, end.end()))
                run = []
            elif end is None:
                run.append(clause[lead:])
            else:
                run = []
    return found


def _units_listed_after(clause: str, lead: int) -> list[str] | None:
    """The organizations a clause lists after saying they attend (参加会议的有县发改局、
    县住建局负责同志), up to whom of them came; None for any other clause."""
    r = rules()
    after = r.units_listed_after.match(clause, lead)
    if not after:
        return None
    close = r.unit_list_end.search(clause, after.end())
    return _org_list(clause[after.end() : close.start() if close else len(clause)])


def _lists_joined_after(clause: str, pos: int) -> list[str]:
    """The organizations of the lists joined by 及/以及/和 or 、 after a list closed at
    ``pos``, each closed in turn by whom of them came (县住建局分管负责同志及东关镇、西河镇乡
    （镇）长参加会议: the townships too)."""
    r = rules()
    found: list[str] = []
    while (joined := LIST_GOES_ON.match(clause, pos)) and (end := r.unit_list_end.search(clause, joined.end())):
        listed = _org_list(clause[joined.end() : end.start()])
        if not listed:
            break
        found.extend(listed)
        pos = end.end()
    return found


def _lists_before(clauses: list[str], *, mostly: bool = False) -> list[str]:
    """The organizations of the clauses right before a list closed by a verb that are
    lists of organizations themselves, up to the last clause that is none. ``mostly``: the
    list closes as attendance does, and so may each clause before it (区发改委、区住建委，
    甲港集团、乙乙石化、丙建投集团，各街镇负责同志参加: a company by its short name among
    the bodies of a clause of its own is left out, not the clause)."""
    found: list[str] = []
    for clause in reversed(clauses):
        listed = _org_list(clause, mostly=mostly)
        if not listed:
            break
        found[:0] = listed
    return found


def _fields_listed(text: str) -> list[str] | None:
    """The departments of a list of fields whose people attend or report (市环保、住建、城管等
    19家单位负责人参加): each field's department at the first item's level, as the recognizer
    names fields that share one 部门 (市住建部门); None when some item names no field, or
    when the list names posts (区人大常委会副主任甲、区政协副主席乙出席: people, not fields)."""
    if "、" not in text or rules().title_word.search(text):
        return None
    # (水利、住建两部门负责同志作表态发言: the count names the 部门 they share)
    return unit_names.units_in(text if text.endswith("部门") else f"{text}等部门")


def _bodies_of_posts(text: str) -> list[str] | None:
    """The bodies of a list whose items name an organization or a post of one without the
    person holding it (县水利局局长、开发区管委会主任 → 县水利局, 开发区管委会): whoever holds
    the post attends for the body. None when some item is neither, or when no item names a
    post (a list of organizations alone is ``_org_list``'s)."""
    bodies, posts = [], 0
    for item in _split_outside_parens(text, "、"):
        if _is_org(item):
            bodies.append(item)
            continue
        post = rules().title_at_end.search(item)
        if post is None or not _is_org(item[: post.start()]):
            return None
        bodies.append(item[: post.start()])
        posts += 1
    return bodies if posts else None


def _list_after_people(text: str) -> list[str] | None:
    """The organizations listed after the people named first in one list of attendees
    (副局长甲以及区城管局、区交通局; 副县长甲、乙、县水利局、县林业局): the longest tail after
    以及/及/和 or 、 that is a list of them."""
    for m in _PEOPLE_THEN.finditer(text):
        if (listed := _org_list(text[m.end() :])) is not None and _persons(rules().people_tail.sub("", text[: m.start()])):
            return listed  # (…要求各部门落实县委以及县环委会的部署: no people before, no list)
    return None


def _org_list(text: str, *, mostly: bool = False) -> list[str] | None:
    """The organizations of ``A、B和C``, with a shared suffix handed out
    (``万州区、璧山区生态环境局`` → both 生态环境局) and vague ones left out; None when
    some item is not an organization or a place (then it was no list). ``mostly``: a list
    closed as attendance is (…等单位负责同志参加会议) stands when two thirds of its items
    and at least three are organizations; the rest (a name censored as ***镇, two items
    run together without their 、) are left out."""
    found = orgs_listed(text, mostly)
    return None if found is None else list(found)  # each caller its own list


# A report asks about the same stretch again and again (a clause's subject for its people,
# then for the organizations before its verb; the list in a header and in the lead): the
# answers are kept, as the recognizer keeps its answers about names.
@lru_cache(maxsize=16384)
def orgs_listed(text: str, mostly: bool) -> tuple[str, ...] | None:
    """``_org_list`` as a tuple."""
    r = rules()
    text = text.replace(" ", "")
    # most clauses: no list at all (a list ends with a unit, or a collective: 各…, 相关企业)
    if not (unit_names.ends_like_unit(text) or "各" in text or r.vague_unit.search(text)):
        return None
    items = []
    for part in _split_outside_parens(text, "、"):
        items.extend(item for _, item in unit_names.split_list(part))
    if mostly:  # an item left whole by the recognizer (***镇及各街道办事处) is read part by part
        # (以及/及 only: 和 stands inside names, 住房和城乡建设局)
        items = [piece for item in items for piece in re.split("以及|及", item) if piece]
    if len(items) > 1 and (last := r.bare_then_suffix.fullmatch(items[-1])) and all(
            _BARE_PLACE.fullmatch(item) for item in (*items[:-1], last["place"])) and _names_body(items[-1]):
        # 温江、双流、崇州生态环境局: places named bare (no 区/市), the last with the organ
        # all of them have
        items = [item + last["suffix"] for item in items[:-1]] + items[-1:]
    # a collective in the list (市大气办、市河长办及各成员单位) is no unit, but the list stands
    named = [item for item in items if _names_body(item) or r.vague_unit.search(item)]
    if not items or len(named) < len(items) and not (mostly and len(named) >= max(3, 2 * len(items) / 3)):
        return None
    items = named
    for i, item in enumerate(items):
        shared = r.place_then_suffix.fullmatch(item)
        if not shared:
            continue
        j = i
        while j > 0 and unit_names.rules().place.search(items[j - 1]):
            j -= 1
            items[j] += shared["suffix"]
    return tuple(item for item in items if not r.vague_unit.search(item))


# a place named in two or three characters: no level opening or closing it (县生 of
# 县生态环境局; 万州区、璧山区… share theirs by place_then_suffix), no organ's word closing it
# (环保局、水务局: organs, each whole); a 州 is part of many a bare name (彭州、崇州)
_BARE_PLACE = re.compile(rf"(?![省市县区镇乡])[{HAN}]{{2,3}}(?<![区县市镇乡旗局委办厅所队站处科室部院心司会])")


def _split_outside_parens(text: str, separators: str) -> list[str]:
    return [part.strip() for _, part in unit_names.spans_outside_parentheses(text, separators) if part.strip()]


def _names_body(text: str) -> bool:
    """Does ``text`` name an organization or a place, be it a vague one (有关部门)? The
    one recognizer of names (``nlp.components.units``) decides."""
    return unit_names.is_unit(text) or unit_names.is_vague(text)


def _is_org(text: str) -> bool:
    return unit_names.is_unit(text) and not rules().vague_unit.search(text)
