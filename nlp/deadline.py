"""Time limits of tasks: locate the phrase in a clause and resolve it to a date.

``find(clause, anchor)`` scans a task clause (or a 完成时限 table cell) for every
time-limit phrase, then picks the one that limits the task:

1. the first dated limit closed by 前/以前/之前/内/止 (``6月底前``, ``5个工作日内``,
   ``年内``) — a clause often names earlier dates in passing, but the closing word
   marks the limit;
2. else the first bare period end (``三季度末``, ``上半年``, ``6月中旬``);
3. else the first recurring limit (``每月5日前``, ``每周五``, ``每月``);
4. else ongoing words standing on their own (``（长期坚持）``, a cell ``立行立改、长期坚持``);
5. else a pace word (``尽快``, ``立即``, ``第一时间``).

Overlapping phrases are resolved leftmost-longest first, so ``每年6月底前`` is one
recurring phrase, not a recurring one plus ``6月底前``.

Dates resolve against ``anchor`` (the document's date): a year-less date earlier than
the anchor rolls into the next year; an explicit year (``2025年``, ``明年``) always wins.
Whatever cannot be computed — no anchor, an impossible day like ``2月30日``, a working
day beyond the official calendar — keeps its kind with date None rather than a guess.
``6月前`` is before June begins: May's last day. The vocabulary is data:
``nlp/data/deadlines.yaml``.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from minutes import datafiles
from minutes.lines import closing_parenthesis, numeral
from minutes.models import Deadline
from minutes.patterns import alternation, needed_words, screened


# Ranks of the selection rule above, lowest wins.
_LIMIT, _PERIOD, _RECURRING, _ONGOING, _ASAP = range(5)
# What may stand right before a phrase of time standing as its clause's time (2018年，… /
# 4月底，… / ，长期坚持), and right after one; any blank too.
STANDING_BEFORE, STANDING_AFTER = "，,。；;：:、（(【[", "，,。；;：:、）)】]"

_END = "end"  # the day of month_parts that is the last of its month
_DIGITS = "0123456789０１２３４５６７８９"
_NUM = rf"(?:[{_DIGITS}]{{1,3}}|[〇零一二两三四五六七八九十]{{1,3}})"
_YEAR_DIGITS = rf"(?:[{_DIGITS}]{{4}}|[〇零一二三四五六七八九]{{4}})"
# 12时, 17点30分, 17:00, 下班 — after a weekday in brackets and a part of the day
# (6月18日（星期二）上午下班前): finer than a date; kept in the phrase, not in the resolved date
_TIME = (rf"(?:[（(](?:星期|周)[一二三四五六日天1-7][）)])?(?:上午|下午|晚上|早上)?"
         rf"(?:{_NUM}[时点](?:{_NUM}分|半)?|\d{{1,2}}[:：]\d{{2}}|下班|中午)?")
# How far before a pace word the condition opening its part is looked for (characters):
# a bound on the look-back, longer than any condition (发现…的 picks up the part's start)
CONDITION_REACH = 60
_STRIP = " \t\r\n，,。.；;：:、（）()【】[]"


_SENTENCE_ENDS = ("。", "！", "？")
_PART_END = re.compile("[，,。；;！？]")  # where a part of a sentence ends

_YEARS_SPANNED = re.compile(rf"^{_YEAR_DIGITS}年?[—–\-~～至到]+(?={_YEAR_DIGITS})")


def resolve(text: str, anchor: date | None) -> Deadline | None:
    """Resolve a time-limit phrase as written (``6月底前``, ``尽快``); None if it is not one.

    The whole phrase must be a time limit (surrounding punctuation and a leading 于
    aside); use ``find`` to locate one inside a longer clause.
    """
    phrase = text.strip(_STRIP).removeprefix("于")
    # 2016—2017年底前, a table cell spanning years: the work is done by the last one
    phrase = _YEARS_SPANNED.sub("", phrase)
    found = _pick(phrase, anchor)
    return found if found and found.text == phrase else None


_LONE_DATE = re.compile(rf"(?:(?P<y>{_YEAR_DIGITS})年)?(?P<m>{_NUM})月份?(?:(?P<d>{_NUM})[日号])?")
# a range of months alone (2018年10月-12月): by the end of its last
_MONTH_RANGE = re.compile(r"(?:(?P<y>\d{4})年)?\d{1,2}月?[-—–~～至到](?P<m>\d{1,2})月(?:底|份)?")
# a year alone, or a span of years (2020年, 2020年度, 2019—2020年): by the end of its last
_YEAR_ALONE = re.compile(r"(?:(?:19|20)\d\d年?[—–\-~～至到]+)?(?P<y>(?:19|20)\d\d)年度?")
# a date of figures (2018.6.30, 2018.10, a spreadsheet's 2019-12-31; not 2500.5 万元)
_DOTTED_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<sep>[.．/-])(?P<m>1[0-2]|0?[1-9])(?:(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9]))?")


def field_limit(text: str, anchor: date | None) -> Deadline | None:
    """The time limit of a field that holds only one (the value of 完成时限：…, a cell of a
    time-limit column, a parenthesis closing a task): a phrase as ``resolve`` reads it, or
    a day or month written alone (2023年5月20日, 2019年6月份, 2018.6.30, 2018年10月-12月),
    which the field makes a limit — a month or a range of months to its end; a span alone
    (办结时限：10个工作日) is the span closed by 内."""
    if found := resolve(text, anchor):
        return found
    phrase = text.strip(_STRIP)
    date_alone = _completing().sub("", phrase)  # (2019年6月完成: the field's day or month all the same)
    m = _LONE_DATE.fullmatch(date_alone) or _MONTH_RANGE.fullmatch(date_alone) or _DOTTED_DATE.fullmatch(date_alone)
    if m is None and (year := _YEAR_ALONE.fullmatch(date_alone)):
        return Deadline(phrase, date(int(year["y"]), 12, 31), "by")  # 2020年 / 2019—2020年: by its (last) year's end
    if m is None and date_alone in _whole_year_fields():
        return Deadline(phrase, anchor and date(anchor.year, 12, 31), "by")  # 全年: by the year's end, as 年内
    if m is None:
        if (span := resolve(phrase + "内", anchor)) and span.kind == "by" and _counted().fullmatch(span.text):
            return Deadline(phrase, span.date, span.kind)
        return None
    return Deadline(phrase, _day_written(m, anchor), "by")


@cache
def _whole_year_fields() -> frozenset[str]:
    return frozenset(datafiles.load("deadlines.yaml")["whole_year_fields"])


@cache
def _completing() -> re.Pattern[str]:
    """A verb of completion closing a field's value (2019年6月完成, 6月30日前全部完成)."""
    return re.compile(f"(?:{alternation(datafiles.load('deadlines.yaml')['month_completion'])})$")


def _day_written(m: re.Match[str], anchor: date | None) -> date | None:
    """The day (or a month's last day) a date in figures names (groups y, m and maybe d):
    its own year, else the anchor's."""
    year = numeral(m.group("y")) if m.group("y") else anchor.year if anchor else None
    day_of = numeral(m.group("d")) if m.groupdict().get("d") else _END
    return _dated(year, bool(m.group("y")), numeral(m.group("m")), day_of, anchor)


def stated_limit(value: str, anchor: date | None) -> Deadline | None:
    """The time limit a field states (a labelled line's value, 完成时限：6月底前; a cell of a
    time-limit column): a phrase in it as ``find`` reads one, else the value as
    ``field_limit`` reads it (a day or month alone)."""
    return (find(value, anchor) or field_limit(value, anchor)) if value.strip() else None


def find(clause: str, anchor: date | None) -> Deadline | None:
    """The time limit of a task clause or table cell, resolved; None when it names none.
    A span counted from an event the document does not date (整改完成后3个工作日内, not
    收到通知后5个工作日内) has no date."""
    found = _pick(clause, anchor)
    if found and found.date and "后" in clause and (at := clause.find(found.text)) > 0 and (
            event := _EVENT_BEFORE.search(clause, 0, at)) and not _receipt().search(event.group()) and (
            _counted().search(found.text)):
        return replace(found, date=None)
    return found


_TITLE = re.compile(r"《[^《》]{1,80}》")  # a document's title a clause cites
_EVENT_BEFORE = re.compile(r"[^，,。；;：:]{1,16}(?:之后|以后|后)\s*$")  # the event a span counts from


@cache
def _receipt() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, datafiles.load("deadlines.yaml")["counted_from_receipt"])))


def counted_from_the_day(deadline: Deadline) -> bool:
    """Is the limit counted from the document's own day (5个工作日内, 次月10日前, 本周五前,
    每月5日前: recurring), not a day of its year (10月10日前, 年底前, 三季度末)?"""
    return deadline.kind == "recurring" or _counted().search(deadline.text) is not None


@cache
def _counted() -> re.Pattern[str]:
    return re.compile(datafiles.load("deadlines.yaml")["counted_from_the_day"])


@cache
def needed(kind: str | None = None) -> re.Pattern[str] | None:
    """A pattern that every time limit of ``kind`` ("by", "recurring"…; any kind when
    None) matches somewhere: the words its forms need. A text it finds nothing in names no
    such limit, and a reader can skip what it would do before asking ``find``. None when
    some form needs no word."""
    forms = [form for form in _forms()[0] if kind is None or form.kind == kind]
    if not forms or any(form.needs is None for form in forms):
        return None
    return re.compile("|".join(form.needs.pattern for form in forms))


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    kind: str
    # (match, anchor) -> (rank, date), rank deciding between phrases of one clause;
    # None when the match is no time limit after all (a plain date such as 3月24日)
    resolve: Callable[[re.Match[str], date | None], tuple[int, date | None] | None]
    # words one of which every match holds (月, 年, 季度, a holiday, a pace word…), read
    # from the pattern: a clause without any is not scanned (most clauses name no time at
    # all, and a pattern opening with an optional year is tried at every position)
    needs: re.Pattern[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if words := needed_words(self.pattern):
            object.__setattr__(self, "needs", re.compile(alternation(words)))
        if not self.pattern.flags & ~re.UNICODE:
            # an optional year or a look-behind first gives the engine no character to
            # skip to: over a clause that holds the needed word, a whole item's text, the
            # pattern was tried at every position (2.6 → 0.7 ms over a pass's clauses)
            object.__setattr__(self, "pattern", screened(self.pattern.pattern))


@cache
def _paired_case() -> re.Pattern[str]:
    return re.compile(datafiles.load("deadlines.yaml")["paired_case"])


@cache
def _conditional() -> re.Pattern[str]:
    """A part (from the last comma or stop) that a condition opens, up to a pace word; or,
    inside a task (a comma or stop before it), the part a condition opens followed by a
    comma the pace word comes right after (要加强巡查，一旦发现违法行为，立即查处), an order
    word between them or not (…，发现焚烧行为的，责令立即停止)."""
    data = datafiles.load('deadlines.yaml')
    condition = rf"(?:{alternation(data['conditions'])})(?!的)[^，,。；;：:]*"
    orders = rf"(?:{alternation(data['condition_orders'])})?"  # …的，责令立即停止: an order before the pace word
    return re.compile(rf"(?:(?:^|[，,。；;：:])\s*{condition}|[，,。；;：:]\s*{condition}[，,]\s*{orders})$")


def _pick(clause: str, anchor: date | None) -> Deadline | None:
    if (screen := needed()) is not None and not screen.search(clause):
        return None  # most clauses name no time: one scan instead of one per form
    forms, rules = _forms()
    matches = sorted(
        ((m, form) for form in forms if form.needs is None or form.needs.search(clause)
         for m in form.pattern.finditer(clause)),
        key=lambda item: (item[0].start(), -item[0].end()),
    )
    taken: list[tuple[int, int, int, Deadline]] = []  # rank, start, end, deadline
    end = 0
    titles = [t.span() for t in _TITLE.finditer(clause)] if "《" in clause else ()
    for m, form in matches:
        if m.start() < end:  # inside or across a longer phrase already taken
            continue
        if any(start < m.start() < stop for start, stop in titles):
            continue  # 按照《关于2019年第一季度…的指导意见》要求: a document's title, no time limit
        resolved = form.resolve(m, anchor)
        if resolved is None or rules.no_limit_beside(m, resolved[0]):
            continue
        rank, when = resolved
        if when is not None and not ("y" in m.re.groupindex and m.group("y")) and _placeholder_year().search(
                clause, max(0, m.start() - PLACEHOLDER_REACH), m.start()):
            when = None  # x年6月底前, 20xx年底, x年12月至6月: a year left open
        kind = form.kind
        if kind == "ongoing" and rank == _ASAP:  # a standing cell of pace words only
            kind = "asap"
        if kind == "asap" and (_conditional().search(clause, max(0, m.start() - CONDITION_REACH), m.start())
                               or _paired_case().match(clause, m.end())):
            continue  # 发现火点立即处置 / 立即整改，不能立即整改的…: the pace of some cases only
        end = m.end()
        taken.append((rank, m.start(), m.end(), Deadline(m.group(), when, kind)))
    # 6月底和7月底前, 5月、10月底前: the 前 of the last limit closes each one joined to it,
    # so the first is as much a limit as the last (and, coming first, falls due first)
    for i in range(len(taken) - 2, -1, -1):
        rank, start, stop, deadline = taken[i]
        after = taken[i + 1]
        if rank == _PERIOD and after[0] == _LIMIT and _joined().fullmatch(clause, stop, after[1]):
            taken[i] = (_LIMIT, start, stop, deadline)
    # a limit in the parenthesis closing the clause (…每日洒水（县城管局负责，长期坚持）) is the
    # task's own, stated beside its units: it goes before what the work's text says
    closing = closing_parenthesis(clause.rstrip("。；;， "))
    closing = len(clause) if closing is None else closing  # (no parenthesis: every limit outside one)
    best = min(taken, key=lambda item: (item[1] < closing, *item[:2]), default=None)
    return best[3] if best else None


# How far before the day or month closing a period its start is looked for (2018年12月30日至,
# characters)
RANGE_REACH = 16

# How far before a limit a placeholder year is looked for: past the first day or month of a
# period it closes (x年12月15日至6月, characters)
PLACEHOLDER_REACH = 12


@cache
def _placeholder_year() -> re.Pattern[str]:
    """A placeholder year (not the end of a word or number), then no year of digits up to
    the end of the looked-at stretch."""
    placeholder = datafiles.load("deadlines.yaml")["placeholder_year"]
    return re.compile(rf"(?<![\dA-Za-z])(?:{placeholder})(?:年|$)(?!.*{_YEAR_DIGITS}年).*$")


@cache
def placeholder_year_opening() -> re.Pattern[str]:
    """A placeholder year and its 年 opening a text (20xx年 of 20xx年11月底前: the year a
    template leaves open)."""
    return re.compile(f"^(?:{datafiles.load('deadlines.yaml')['placeholder_year']})年")


@cache
def _joined() -> re.Pattern[str]:
    """What joins two limits that share one closing word (6月底和7月底前)."""
    return re.compile(alternation(datafiles.load("deadlines.yaml")["shared_suffix_joiners"]))


# --- the forms -------------------------------------------------------------------


@cache
def _forms() -> tuple[tuple[_Form, ...], _Rules]:
    """The forms of time limits, and the rules that resolve them (and tell, from the words
    beside a match, that it is no limit)."""
    words = datafiles.load("deadlines.yaml")
    rules = _Rules(words)
    suffix = rf"(?:(?P<suf>{alternation(words['by_suffixes'])})(?!后))"  # 前后 = "around", not a limit
    parts = alternation(words["month_parts"])
    relative_years = alternation(words["relative_years"])
    year = rf"(?:(?P<y>{_YEAR_DIGITS})|(?P<ry>{relative_years}))年"
    weekday = f"[{''.join(words['weekdays'])}]"
    pace = alternation(words["asap"] + words["ongoing"])
    opening, closing = (re.escape(marks) + r"\s" for marks in (STANDING_BEFORE, STANDING_AFTER))  # around a standing phrase
    day = rf"(?P<d>{_NUM})[日号]{_TIME}"
    # (the verb after the subject the frame may stand before: 下周，各乡镇要…)
    framed = rf"(?=[，,]?[^，,。；;：:]{{0,12}}?(?:{words['frame_verbs']}))"
    forms = (
        # 2025年12月31日前, 10月15日以前, 6月底前, 2025年9月底前, 6月中旬, 十二月末, 6月前
        _Form(
            re.compile(rf"(?:{year})?(?P<m>{_NUM})月份?(?:{day}|(?P<part>{parts}))?{suffix}?"),
            "by",
            rules.month_day,
        ),
        # 2024.3.15前, 2019-12-31以前: a day written in figures, closed by a suffix
        _Form(re.compile(rf"(?<![\d.．/-]){_DOTTED_DATE.pattern}(?<=\d)日?{suffix}"), "by", rules.figures_day),
        # 本月底, 下个月10日前, 月底前 (this month), 本月内 (by its last day); not 上月底,
        # 每月底, 6个月底, 本月内容
        _Form(
            re.compile(
                rf"(?<![上每个{_DIGITS}〇零一二两三四五六七八九十])"
                rf"(?:(?P<rm>{alternation(words['relative_months'])})月|月(?=底|末))"
                rf"(?:{day}|(?P<part>{parts})|(?=(?:以|之)?内(?!容))|{framed}){suffix}?"
            ),
            "by",
            rules.relative_month,
        ),
        # 年底前, 2025年内, 明年底, 今年年底, 去年底; not 半年内
        _Form(
            re.compile(
                rf"(?<![往半])(?:(?P<y>{_YEAR_DIGITS})|(?P<ry>{relative_years}))?"
                rf"年年?(?P<ye>{alternation(words['year_ends'])}){suffix}?"  # 年年: 2025年年底, 今年年内
            ),
            "by",
            rules.year_end,
        ),
        # 2018年，完成… / 到2020年，全面消除… / 2019年建成…: a year standing as the clause's time
        _Form(
            re.compile(
                rf"(?:(?<=[{opening}])|^)(?:{alternation(words['year_leads'])})?(?P<y>{_YEAR_DIGITS})年"
                rf"(?=[，,]|{alternation(words['year_completion'])})"
            ),
            "by",
            rules.year_alone,
        ),
        # “十三五”期间, 十四五末: by the last day of the five-year plan's last year
        _Form(
            re.compile(rf"(?:“(?=[^”]{{3}}”))?(?P<plan>{alternation(words['plan_periods'])})[”\"]?(?:{alternation(words['plan_period_ends'])})"),
            "by",
            rules.plan_period,
        ),
        # 本周五前, 下周一以前: a weekday of this or next week, closed by a suffix
        _Form(
            re.compile(rf"(?P<rw>{alternation(words['relative_weeks'])})(?:周|星期)(?P<wd>{weekday}){suffix}"),
            "by",
            rules.week_day,
        ),
        # 本周内, 下周以内: by the last day (Sunday) of this or next week; so too a week
        # framing the verb of a directive (下周要开展…, 本周，各乡镇须…)
        _Form(
            re.compile(rf"(?P<rw>{alternation(words['relative_weeks'])})(?:周|星期)(?!期)"
                       rf"(?:(?P<suf>以内|之内|内)(?!容)|{framed})"),
            "by",
            rules.week_end,
        ),
        # 元旦前, 国庆节前, 2026年春节前
        _Form(re.compile(rf"(?:{year})?(?P<holiday>{alternation(words['holidays'])}){suffix}"), "by", rules.holiday),
        # 上半年, 2026年下半年前
        _Form(re.compile(rf"(?:{year})?(?P<h>[上下])半年{suffix}?"), "by", rules.half_year),
        # 三季度末前, 第一季度, 2026年4季度末; not 前三季度 (the first three quarters)
        _Form(
            re.compile(rf"(?<![前每])(?:{year})?第?(?P<q>[一二三四1-4１-４])季度(?P<qe>末|底)?{suffix}?"),
            "by",
            rules.quarter,
        ),
        # 5个工作日内, 7日内, 两周以内, 3个月内, 半年内
        _Form(
            re.compile(rf"(?P<n>{_NUM}|半)(?P<unit>{alternation(words['duration_units'])})(?P<suf>以内|之内|内)"),
            "by",
            rules.duration,
        ),
        # 限期一个月完成: the span 限期 sets, as 1个月内 (限期15日内 is read above)
        _Form(
            re.compile(
                rf"{words['limit_span_lead']}(?P<n>{_NUM}|半)(?P<unit>{alternation(words['duration_units'])})"
                rf"(?!以内|之内|内)"
            ),
            "by",
            rules.duration,
        ),
        # 用1个月时间, 利用两年左右的时间: the span the work is given, as 1个月内
        _Form(
            re.compile(
                rf"(?<={words['spent_before']})(?P<n>{_NUM}|半)(?P<unit>{alternation(words['duration_units'])})"
                rf"(?:左右)?的?{words['spent_after']}"
            ),
            "by",
            rules.duration,
        ),
        # 每月5日前, 每周一12时前, 每日17时前, 每季度末, 每年3月底前, 每年年底前, 每月月底前, 每月, 每半月, 每两周; 按月, 逐月;
        # 每单月10日前 (the odd months), 每双月5日前 (the even ones)
        _Form(
            re.compile(
                rf"每个?(?:(?P<daily>日|天)|(?:周|星期)(?:(?P<wd>{weekday})(?![次个遍轮]|报(?![送告])))?"
                rf"|(?P<parity>[单双])?(?P<monthly>月)(?:(?P<md>{_NUM})[日号]|月?(?P<mpart>{parts}))?"
                rf"|季度?(?P<qe>末|底)?|半年|半个?月|旬|(?:[两双二三]|{_NUM})(?:个)?(?:周|星期|月)"
                rf"|(?P<yearly>年)(?:的?(?P<ym>{_NUM})月(?:(?P<yd>{_NUM})[日号]|(?P<ypart>{parts}))"
                rf"(?:(?:{alternation(words['day_range_joiners'])})(?:{_NUM}月)?{_NUM}[日号])?|年?(?P<ye>底|末))?)"
                rf"{_TIME}{suffix}?"
                rf"|按(?:{alternation(words['by_period'])})(?!度)"
                rf"|逐(?:{alternation(words['by_period'])})(?!度)"
            ),
            "recurring",
            rules.recurring,
        ),
        # 一天一报, 一周一调度: a round of reports
        _Form(
            re.compile(rf"一(?P<round>{alternation(words['report_rounds'])})一(?:{alternation(words['report_verbs'])})"),
            "recurring",
            rules.report_round,
        ),
        # 每季度结束后10日内, 每月结束后5个工作日内: a span after the end of each period;
        # 每季度首月10日前 / 每季度最后一个月的30日前: a day of a month of each quarter
        _Form(
            re.compile(
                rf"每个?(?:(?P<period>{alternation(words['period_months'])})(?:结束|末|底)?(?:之后|以后|后)"
                rf"(?P<n>{_NUM})(?P<unit>个工作日|工作日|个自然日|自然日|日|天)(?:以|之)?内"
                rf"|季度?的?(?P<qm>{alternation(words['quarter_months'])})的?(?P<qd>{_NUM})[日号]{suffix}?)"
            ),
            "recurring",
            rules.after_period,
        ),
        # （长期坚持）, a cell 立行立改、长期坚持, "，持续推进。"
        _Form(
            re.compile(rf"(?:(?<=[{opening.replace('、', '')}])|^)(?P<terms>(?:{pace})(?:[、和及与并](?:{pace}))*)(?=[{closing}]|$)"),
            "ongoing",
            rules.standing,
        ),
        _Form(re.compile(alternation(words["asap"])), "asap", lambda m, anchor: (_ASAP, None)),
    )
    return forms, rules


class _Rules:
    """Resolvers of the forms; one instance holds the vocabulary they look words up in."""

    def __init__(self, words: dict) -> None:
        self.words = words
        self.ongoing = set(words["ongoing"])
        self.limit_leads = tuple(words["limit_leads"])  # 完成时限：, 截止时间 …
        self.lead_joiners = tuple(words["lead_joiners"])  # 截止时间为
        self.period_ends = tuple(words["range_to"]) + self.limit_leads  # what a period's last day follows
        self.month_completion = tuple(words["month_completion"])  # 于9月完成
        # 于9月完成, and 要6月完成: what may stand before a month a completing verb follows
        self.completion_openers = tuple(words["completion_leads"]) + tuple(words["completion_frames"])
        self.not_before = tuple(words["not_before"])  # 6月底起: no limit
        self.not_before_unless = tuple(words["not_before_unless"])  # 年内至少…: a limit all the same
        self.planned_after = tuple(words["planned_after"])  # 部署下半年…: no limit
        self.completion_reported = re.compile(f"(?:{alternation(words['month_completion'])})了")  # 6月完成了…
        self.glossed_seasons = tuple(words["glossed_seasons"])  # 秋冬季（10月-次年3月）
        self._next_day: re.Pattern[str] | None = None
        self._range_start: re.Pattern[str] | None = None

    def month_day(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None] | None:
        if not m.group("part") and not m.group("suf"):
            # where the words before the date end, a label's colon passed over (looked at in
            # place: a document's dates would each copy the text before them)
            before = m.start()
            while before and m.string[before - 1] in "：: ":
                before -= 1
            if m.string.endswith(self.lead_joiners, 0, before) and m.string.endswith(self.period_ends, 0, before - 1):
                before -= 1  # 完成时限为6月底: the lead's 为
            opened = self.range_start(m.string, m.start())
            # （2023年12月） / （5月20日）: a parenthesis holding only the day or month limits the
            # task (not a time of day: （3月24日上午） dates an event)
            enclosed = (m.string[m.start() - 1 : m.start()] in ("（", "(") and m.string.startswith(("）", ")"), m.end())
                        and m.group()[-1] in "日号月份")
            # 于9月完成, 在6月30日完成: a completing verb after the day or month
            completed = (m.string.endswith(self.completion_openers, 0, before) or not before) and (
                m.string.startswith(self.month_completion, m.end())) and not self.completion_reported.match(m.string, m.end())
            if opened and self.glosses_season(m.string, opened.start()):
                return None  # 采暖期（11月15日至次年3月15日）: what the season is, no limit
            if m.group("d") and (m.string.endswith(self.period_ends, 0, before) or opened or enclosed or completed):
                # 即日起至12月31日, 5月30日至6月4日, 于6月30日完成: the day that ends the period, or
                # that the work is completed on, limits the task
                year, explicit = self._range_year(m, opened, anchor)
                return _LIMIT, _dated(year, explicit, numeral(m.group("m")), numeral(m.group("d")), anchor)
            if not m.group("d") and (opened or enclosed or completed
                                     or m.string.endswith(self.limit_leads, 0, before)):
                # （二）整治阶段（6月至9月） / 11-12月 / 完成时限：2019年6月 / 于9月完成: the month
                # ends the period, or is the time limit a label or a completing verb gives it
                year, explicit = self._range_year(m, opened, anchor)
                return _LIMIT, _dated(year, explicit, numeral(m.group("m")), _END, anchor)
            if not (m.group("d") and self.shares_suffix(m.string, m.end())):
                return None  # 3月24日, 2025年6月: a date, not a limit
            # 4月30日和10月31日前: closed by the 前 of the day joined to it
            year, explicit = self._year(m, anchor)
            return _LIMIT, _dated(year, explicit, numeral(m.group("m")), numeral(m.group("d")), anchor)
        if not m.group("d") and not m.group("part"):
            # 6月前: before June begins, the last day of May (10月前 of a plan's year: 9-30)
            year, explicit = self._year(m, anchor)
            month = numeral(m.group("m"))
            if year is None or month is None or not 1 <= month <= 12:
                return _LIMIT, None
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            return _LIMIT, _dated(year, explicit, month, _END, anchor)
        day_of = numeral(m.group("d")) if m.group("d") else self._part(m.group("part"))
        year, explicit = self._year(m, anchor)
        rank = _rank(m)
        if rank == _PERIOD and m.group("part") and self._stands_as_time(m):
            rank = _LIMIT  # 4月底，全面完成…: the clause's time, as a year standing so is (2018年，完成…)
        return rank, _dated(year, explicit, numeral(m.group("m")), day_of, anchor)

    def _stands_as_time(self, m: re.Match[str]) -> bool:
        """Does a month's part (4月底) open its clause as the time of it, a comma or a
        completing verb after it (4月底，全面完成… / 到6月底基本建成…)?"""
        text, start = m.string, m.start()
        for lead in self.words["year_leads"]:
            if text.endswith(lead, 0, start):
                start -= len(lead)
                break
        return (start == 0 or text[start - 1] in STANDING_BEFORE or text[start - 1].isspace()) and (
            text.startswith(("，", ","), m.end()) or text.startswith(tuple(self.words["year_completion"]), m.end()))

    def glosses_season(self, text: str, start: int) -> bool:
        """Does the period starting at ``start`` open a parenthesis right after a season's
        name (秋冬季（10月-次年3月）)?"""
        return start > 0 and text[start - 1] in "（(" and text.endswith(self.glossed_seasons, 0, start - 1)

    def range_start(self, text: str, start: int) -> re.Match[str] | None:
        """The day or month opening the period that the day or month at ``start`` closes
        (5月30日至6月4日, 6月至9月, 2025年12月至2026年3月, a month's number alone: 11-12月,
        2018年9月—12月), with its year when it names one."""
        if self._range_start is None:
            joiners = alternation(self.words["day_range_joiners"])
            self._range_start = re.compile(
                rf"(?:(?P<y>{_YEAR_DIGITS})年)?(?:(?:(?P<m>{_NUM})月)?{_NUM}[日号]|(?P<month>{_NUM})月|(?<![\d.．])(?P<bare>\d{{1,2}}))"
                rf"\s*(?:{joiners})\s*(?:(?:{_YEAR_DIGITS}|{self.words['placeholder_year']})年)?$")
        return self._range_start.search(text, max(0, start - RANGE_REACH), start)

    def _range_year(self, m: re.Match[str], opened: re.Match[str] | None, anchor: date | None) -> tuple[int | None, bool]:
        """The year of a day or month closing a period: its own, else the year the period's
        start names (2018年9月—12月: December 2018; 2018年11月至3月: March 2019), else the anchor's."""
        if m.group("y") or m.group("ry") or not (opened and opened.group("y")):
            return self._year(m, anchor)
        year = numeral(opened.group("y"))
        first = numeral(opened.group("m") or opened.group("month") or opened.group("bare"))
        return year + (first is not None and first <= 12 and numeral(m.group("m")) < first), True

    def shares_suffix(self, text: str, end: int) -> bool:
        """Whether a day joined to the next one (和10月31日前) shares its closing word."""
        if self._next_day is None:
            suffixes = alternation(self.words["by_suffixes"])
            self._next_day = re.compile(rf"(?:{_joined().pattern})(?:{_YEAR_DIGITS}年)?{_NUM}月{_NUM}日(?:{suffixes})")
        return bool(self._next_day.match(text, end))

    def relative_month(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None] | None:
        if m.group("d") and not m.group("suf"):
            return None  # 下月10日: a date, not a limit
        if anchor is None:
            return _rank(m), None
        offset = self.words["relative_months"][m.group("rm")] if m.group("rm") else 0
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + offset, 12)
        day_of = numeral(m.group("d")) if m.group("d") else self._part(m.group("part")) if m.group("part") else _END
        return _rank(m), _day(year, month + 1, day_of)

    def year_end(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        year, explicit = self._year(m, anchor)
        # 年内 closes itself, like a 前
        rank = _LIMIT if m.group("ye") == "内" else _rank(m)
        return rank, _dated(year, explicit, 12, 31, anchor)

    def year_alone(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None] | None:
        if self._frames_target(m):
            return None
        return _LIMIT, _dated(numeral(m.group("y")), True, 12, 31, anchor)

    def no_limit_beside(self, m: re.Match[str], rank: int) -> bool:
        """Do the words beside a match make it no limit: a start or one end of a range after it
        (去年底以来, 6月底起, 3月底至5月底; not 年内至少…), or a verb of planning before a bare
        period (研究部署下半年工作: the span of the work planned)?"""
        text = m.string
        return (text.startswith(self.not_before, m.end()) and not text.startswith(self.not_before_unless, m.end())
                or rank == _PERIOD and text.endswith(self.planned_after, 0, m.start()))

    def plan_period(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        return _LIMIT, _dated(self.words["plan_periods"][m.group("plan")], True, 12, 31, anchor)

    def _frames_target(self, m: re.Match[str]) -> bool:
        """Does a bare year standing after a sentence of the task frame the target a later
        sentence states (加强用水管理。…。2018年，全市用水总量控制在…), not limit the task? So
        it does unless a word leads it to the year (…。到2020年，…: by then) or a completing
        verb follows it in its part (…。2018年，全面完成…)."""
        text = m.string
        if m.start() != m.start("y") or not text[: m.start()].rstrip().endswith(_SENTENCE_ENDS):
            return False
        part = _PART_END.split(text[m.end() :].lstrip("，, "), maxsplit=1)[0]
        return not any(word in part for word in self.words["year_completion"])

    def figures_day(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        return _LIMIT, _day_written(m, anchor)

    def holiday(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        month_day = self.words["holidays"][m.group("holiday")]
        year, explicit = self._year(m, anchor)
        if month_day is None or year is None:
            return _LIMIT, None
        # the day before, which rolls into next year's once the holiday has come
        holiday = self._holiday_in(month_day, year)
        if holiday and not explicit and holiday <= anchor:
            holiday = self._holiday_in(month_day, year + 1)
        return _LIMIT, holiday - timedelta(days=1) if holiday else None

    def _holiday_in(self, month_day: list[int] | str, year: int) -> date | None:
        """The day a holiday falls on in ``year``: fixed ([10, 1]) or from the table of one
        that moves (lunar_new_year)."""
        if isinstance(month_day, str):
            month_day = self.words["moving_holidays"][month_day].get(year)
            if month_day is None:
                return None
        return _day(year, *month_day)

    def week_day(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        if anchor is None:
            return _LIMIT, None
        monday = anchor - timedelta(days=anchor.weekday())
        weeks = self.words["relative_weeks"][m.group("rw")]
        return _LIMIT, monday + timedelta(days=7 * weeks + self.words["weekdays"][m.group("wd")])

    def week_end(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        if anchor is None:
            return _LIMIT, None
        sunday = anchor + timedelta(days=6 - anchor.weekday())
        return _LIMIT, sunday + timedelta(days=7 * self.words["relative_weeks"][m.group("rw")])

    def half_year(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        month, day = self.words["half_years"][m.group("h")]
        year, explicit = self._year(m, anchor)
        return _rank(m), _dated(year, explicit, month, day, anchor)

    def quarter(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        year, explicit = self._year(m, anchor)
        return _rank(m), _dated(year, explicit, numeral(m.group("q")) * 3, _END, anchor)

    def duration(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        unit = self.words["duration_units"][m.group("unit")]
        n = numeral(m.group("n"))
        if m.group("n") == "半":  # 半年内 = 6 months; half a month, week or day has no one count
            unit, n = ("month", 6) if unit == "year" else (unit, None)
        if anchor is None or not n:
            return _LIMIT, None
        if unit == "workday":
            return _LIMIT, _nth_workday(anchor, n)
        if unit in ("day", "week"):
            return _LIMIT, anchor + timedelta(days=n * (7 if unit == "week" else 1))
        if unit == "hour":
            return _LIMIT, anchor + timedelta(days=n // 24)  # the hours over whole days: 2小时内 the same day
        months = n * (12 if unit == "year" else 1)
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
        return _LIMIT, _day(year, month + 1, min(anchor.day, monthrange(year, month + 1)[1]))

    def recurring(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        """The first occurrence on or after the anchor, when the phrase names a day."""
        if anchor is None:
            return _RECURRING, None
        if m.group("daily"):
            return _RECURRING, anchor
        if m.group("wd"):
            return _RECURRING, anchor + timedelta(days=(self.words["weekdays"][m.group("wd")] - anchor.weekday()) % 7)
        if m.group("monthly") and (m.group("md") or m.group("mpart")):
            day_of = numeral(m.group("md")) if m.group("md") else self._part(m.group("mpart"))
            # the first month from the anchor's on that has this day on or after the anchor;
            # 每单月 / 每双月: only the odd / the even months
            odd = {"单": 1, "双": 0}.get(m.group("parity") or "")
            for ahead in range(12):
                year, month = divmod(anchor.year * 12 + anchor.month - 1 + ahead, 12)
                when = _day(year, month + 1, day_of)
                if when and when >= anchor and (odd is None or (month + 1) % 2 == odd):
                    return _RECURRING, when
            return _RECURRING, None
        if m.group("qe"):
            return _RECURRING, _day(anchor.year, (anchor.month + 2) // 3 * 3, _END)
        if m.group("yearly") and (m.group("ym") or m.group("ye")):
            month = numeral(m.group("ym")) if m.group("ym") else 12
            day_of = numeral(m.group("yd")) if m.group("yd") else self._part(m.group("ypart") or "底")
            return _RECURRING, _dated(anchor.year, False, month, day_of, anchor)
        return _RECURRING, None  # 每周, 每月, 按月…: a period with no day named

    def report_round(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        """A daily round's first day is the anchor (as 每天's); a longer round names no day."""
        return _RECURRING, anchor if m.group("round") in ("日", "天") else None

    def after_period(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        """The first day on or after the anchor that the span after a period's end reaches
        (每季度结束后10日内: 04-10 for an anchor in March), or that a quarter's first month
        names (每季度首月10日前, 每季度最后一个月的30日前)."""
        if anchor is None:
            return _RECURRING, None
        if m.group("qd"):
            place = self.words["quarter_months"][m.group("qm")]
            for ahead in range(12):
                year, month = divmod(anchor.year * 12 + anchor.month - 1 + ahead, 12)
                when = _day(year, month + 1, numeral(m.group("qd")))
                if when and when >= anchor and month % 3 == place:
                    return _RECURRING, when
            return _RECURRING, None
        span, n = self.words["period_months"][m.group("period")], numeral(m.group("n"))
        if not n:
            return _RECURRING, None
        # the period closing before the anchor's, then the anchor's own
        months = anchor.year * 12 + anchor.month - 1 - (anchor.month - 1) % span - 1
        for ends in (months, months + span):
            year, month = divmod(ends, 12)
            end = _day(year, month + 1, _END)
            when = _nth_workday(end, n) if "工作日" in m.group("unit") else end + timedelta(days=n)
            if when is None or when >= anchor:
                return _RECURRING, when
        return _RECURRING, None

    def standing(self, m: re.Match[str], anchor: date | None) -> tuple[int, date | None]:
        terms = re.split("[、和及与并]", m.group("terms"))
        return (_ONGOING if self.ongoing.intersection(terms) else _ASAP), None

    def _part(self, part: str) -> int | str:
        return self.words["month_parts"][part]

    def _year(self, m: re.Match[str], anchor: date | None) -> tuple[int | None, bool]:
        """The year named (explicit) or the anchor's (to be rolled)."""
        if m.group("y"):
            return numeral(m.group("y")), True
        if m.group("ry"):
            return (anchor.year + self.words["relative_years"][m.group("ry")] if anchor else None), True
        return (anchor.year if anchor else None), False


# --- dates -----------------------------------------------------------------------


def _rank(m: re.Match[str]) -> int:
    return _LIMIT if m.group("suf") else _PERIOD


def _dated(
    year: int | None, explicit: bool, month: int | None, day_of: int | str | None, anchor: date | None
) -> date | None:
    """Month/day in ``year``; a year-less one earlier than the anchor is next year's."""
    if year is None or month is None or day_of is None or not 1 <= month <= 12:
        return None
    if not explicit and anchor is not None:
        day = monthrange(year, month)[1] if day_of == _END else day_of
        if (month, day) < (anchor.month, anchor.day):
            year += 1
    return _day(year, month, day_of)


def _day(year: int, month: int, day_of: int | str | None) -> date | None:
    """The date, or None when it does not exist (2月30日, 13月)."""
    # 1 < year < 9999 leaves room for the day before (holidays) and a year's roll
    if day_of is None or not 1 <= month <= 12 or not 1 < year < 9999:
        return None
    day = monthrange(year, month)[1] if day_of == _END else day_of
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A document's 5个工作日内 / 10个工作日内 count from one date: asked again for each task
# (chinese_calendar checks each day it is given against its years, ~3 µs a day).
@lru_cache(maxsize=1024)
def _nth_workday(anchor: date, n: int) -> date | None:
    """The n-th official working day after ``anchor`` (holidays and make-up days included).

    chinese_calendar only knows the years the State Council has published; past them it
    raises NotImplementedError and we return None: weekends alone would be a guess.
    """
    import chinese_calendar

    day = anchor
    try:
        while n:
            day += timedelta(days=1)
            n -= chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None
    return day


