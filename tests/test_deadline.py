"""Deadline resolution, case by case from the rules of shared/eval/README.md §2–3.

Each row: (phrase or clause, anchor, expected text, expected ISO date or None, kind).
Working-day cases name the holidays and make-up days they cross, as published by the
State Council and carried by chinese_calendar.
"""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from minutes.nlp.deadline import field_limit, find, resolve

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TUE = date(2025, 5, 20)  # a Tuesday, the anchor of most cases

RESOLVE = [
    # --- X月底前 / X月X日前: this year, or next year once the day has passed ---
    ("8月底前", TUE, "2025-08-31"),
    ("5月底前", TUE, "2025-05-31"),
    ("3月底前", TUE, "2026-03-31"),  # March is over on 5-20: next year's
    ("5月20日前", TUE, "2025-05-20"),  # the anchor day itself has not passed
    ("5月10日前", TUE, "2026-05-10"),
    ("9月末", TUE, "2025-09-30"),
    ("10月15日以前", TUE, "2025-10-15"),
    ("10月15日之前", TUE, "2025-10-15"),
    ("12月31日止", TUE, "2025-12-31"),
    ("6月30号前", TUE, "2025-06-30"),
    ("12月31日24时前", TUE, "2025-12-31"),
    ("６月底前", TUE, "2025-06-30"),  # full-width digits
    ("2月底前", TUE, "2026-02-28"),
    ("2月底前", date(2027, 6, 1), "2028-02-29"),  # rolls into a leap year
    # --- Chinese numerals ---
    ("十二月底前", TUE, "2025-12-31"),
    ("十月十五日前", TUE, "2025-10-15"),
    ("七月二十日前", TUE, "2025-07-20"),
    ("二〇二六年六月底前", TUE, "2026-06-30"),
    # --- an explicit year always wins, even a past one ---
    ("2025年12月底前", TUE, "2025-12-31"),
    ("2026年3月31日前", TUE, "2026-03-31"),
    ("2024年6月底前", TUE, "2024-06-30"),
    ("2024年2月29日前", TUE, "2024-02-29"),
    ("2025年3月底前", TUE, "2025-03-31"),  # earlier than the anchor, but the year is named
    ("明年6月底前", TUE, "2026-06-30"),
    ("次年3月底前", TUE, "2026-03-31"),
    ("去年10月底前", TUE, "2024-10-31"),
    # --- holidays: the day before a fixed-date one, or a moving one's of its table ---
    ("元旦前", TUE, "2025-12-31"),
    ("国庆节前", TUE, "2025-09-30"),
    ("五一前", TUE, "2026-04-30"),  # this year's has come: next year's
    ("2026年元旦前", TUE, "2025-12-31"),
    ("春节前", TUE, "2026-02-16"),  # 2025's (1-29) has come: the eve of 2026's (2-17)
    ("春节前", date(2019, 10, 28), "2020-01-24"),
    ("2019年春节前", date(2018, 11, 5), "2019-02-04"),
    ("春节前", date(2051, 3, 1), None),  # a year the table does not hold
    ("中秋节前", TUE, None),  # a lunar holiday without a table
    # --- month parts ---
    ("6月上旬前", TUE, "2025-06-10"),
    ("6月中下旬", TUE, "2025-06-30"),  # two parts run together: the later one's end
    ("7月上中旬前", TUE, "2025-07-20"),
    ("6月中旬", TUE, "2025-06-20"),
    ("6月下旬前", TUE, "2025-06-30"),
    ("2月下旬前", TUE, "2026-02-28"),
    ("5月上旬前", TUE, "2026-05-10"),  # 5-10 has passed on 5-20
    # --- relative months ---
    ("本月底前", TUE, "2025-05-31"),
    ("月底前", TUE, "2025-05-31"),
    ("下月10日前", TUE, "2025-06-10"),
    ("下个月底前", TUE, "2025-06-30"),
    ("下月15日前", date(2025, 12, 5), "2026-01-15"),
    # --- relative weeks (Monday first) ---
    ("本周五前", TUE, "2025-05-23"),
    ("下周一前", TUE, "2025-05-26"),
    # a weekday in brackets, a part of the day, a clock time or 下班 before 前
    ("6月18日（星期二）上午下班前", TUE, "2025-06-18"),
    ("5月30日（周五）17:00前", TUE, "2025-05-30"),
    ("5月30日下班前", TUE, "2025-05-30"),
    # 本月内 / 本周内 / 下周内: by the last day of that month or week (Sunday)
    ("本月内", TUE, "2025-05-31"),
    ("下个月内", TUE, "2025-06-30"),
    ("本周内", TUE, "2025-05-25"),
    ("下周内", TUE, "2025-06-01"),
    ("下周以内", date(2025, 5, 25), "2025-06-01"),
    ("下个星期三以前", TUE, "2025-05-28"),
    # --- year, half year, quarter ---
    ("年底前", TUE, "2025-12-31"),
    ("年内", TUE, "2025-12-31"),
    ("年末前", TUE, "2025-12-31"),
    ("2027年底前", TUE, "2027-12-31"),
    ("明年底前", TUE, "2026-12-31"),
    ("2026年内", TUE, "2026-12-31"),
    ("2025年年底前", date(2024, 6, 1), "2025-12-31"),
    ("今年年底前", TUE, "2025-12-31"),
    ("上半年", TUE, "2025-06-30"),
    ("下半年", TUE, "2025-12-31"),
    ("上半年", date(2025, 10, 17), "2026-06-30"),  # the first half is over: next year's
    ("2026年上半年", TUE, "2026-06-30"),
    ("一季度末前", TUE, "2026-03-31"),
    ("第二季度", TUE, "2025-06-30"),
    ("三季度末", TUE, "2025-09-30"),
    ("四季度末前", TUE, "2025-12-31"),
    ("第一季度末", TUE, "2026-03-31"),
    ("2026年第一季度末", TUE, "2026-03-31"),
    # --- spans from the anchor ---
    ("7日内", TUE, "2025-05-27"),
    ("15天内", TUE, "2025-06-04"),
    ("两周内", TUE, "2025-06-03"),
    ("三个月内", TUE, "2025-08-20"),
    ("1个月内", date(2025, 1, 31), "2025-02-28"),  # no 2-31: the month's last day
    ("两年内", TUE, "2027-05-20"),
    ("半年内", TUE, "2025-11-20"),
    # --- working days (official calendar) ---
    # 2025 National Day: 10-01..10-08 off, Sun 9-28 and Sat 10-11 worked.
    # From Mon 9-29: 9-30 (1), 10-09 (2), 10-10 (3).
    ("3个工作日内", date(2025, 9, 29), "2025-10-10"),
    # From Tue 9-30: 10-09 (1), 10-10 (2), Sat 10-11 make-up (3).
    ("三个工作日内", date(2025, 9, 30), "2025-10-11"),
    # Anchor inside the holiday: the next working day is Thu 10-09.
    ("1个工作日内", date(2025, 10, 8), "2025-10-09"),
    # 2025 Spring Festival: 01-28..02-04 off, Sun 1-26 and Sat 2-08 worked.
    # From Fri 1-24: Sat 1-25 off, Sun 1-26 (1), Mon 1-27 (2).
    ("2个工作日内", date(2025, 1, 24), "2025-01-27"),
    # ... then (3) is the first day after the holiday, Wed 2-05.
    ("3个工作日内", date(2025, 1, 24), "2025-02-05"),
    # From Thu 2-06: Fri 2-07 (1), Sat 2-08 make-up (2).
    ("两个工作日内", date(2025, 2, 6), "2025-02-08"),
    # 2025 Labour Day: 05-01..05-05 off, Sun 4-27 worked.
    # From Fri 4-25: Sat 4-26 off, Sun 4-27 (1).
    ("1个工作日内", date(2025, 4, 25), "2025-04-27"),
    # From Tue 4-29: Wed 4-30 (1), 5-01..5-05 off, Tue 5-06 (2).
    ("2个工作日内", date(2025, 4, 29), "2025-05-06"),
    # 2026 Spring Festival: 02-15..02-23 off, Sat 2-14 and Sat 2-28 worked.
    # From Thu 2-12: Fri 2-13 (1), Sat 2-14 (2), Tue 2-24 (3).
    ("3个工作日内", date(2026, 2, 12), "2026-02-24"),
    # From Tue 2-24: 2-25, 2-26, 2-27, Sat 2-28 make-up (4).
    ("4个工作日内", date(2026, 2, 24), "2026-02-28"),
    # 2026 Labour Day: 05-01..05-05 off, Sat 5-09 worked.
    # From Thu 4-30: 5-06, 5-07, 5-08, Sat 5-09 (4).
    ("4个工作日内", date(2026, 4, 30), "2026-05-09"),
    # 2026 National Day: Sun 9-20 worked; from Fri 9-18, Sat 9-19 off, Sun 9-20 (1).
    ("1个工作日内", date(2026, 9, 18), "2026-09-20"),
    # From Wed 9-30: 10-01..10-07 off, Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 make-up (3).
    # ... Mon 10-12..Fri 10-16 (4..8), Mon 10-19 (9), Tue 10-20 (10).
    ("十个工作日内", date(2026, 9, 30), "2026-10-20"),
    # Beyond the calendar's published years: unknown, not guessed from weekends.
    ("10个工作日内", date(2026, 12, 28), None),
    ("5个工作日内", date(2030, 3, 4), None),
    # before a month begins: the last day of the month before (a year-less one rolls)
    ("10月前", TUE, "2025-09-30"),
    ("2026年1月前", TUE, "2025-12-31"),
    ("5月前", TUE, "2026-04-30"),
    # --- impossible or ambiguous: a time limit, date unknown ---
    ("2月30日前", TUE, None),
    ("13月1日前", TUE, None),
    ("0个工作日内", TUE, None),
    ("13月前", TUE, None),
    ("二十十月前", TUE, None),
    ("5月十十日前", TUE, None),  # not a number, in the anchor's month
    ("0000年元旦前", TUE, None),
]


@pytest.mark.parametrize(("phrase", "anchor", "expected"), RESOLVE)
def test_resolve_by(phrase, anchor, expected):
    deadline = resolve(phrase, anchor)
    assert deadline is not None
    assert (deadline.text, deadline.kind) == (phrase, "by")
    assert deadline.date == (date.fromisoformat(expected) if expected else None)


RECURRING = [
    # the first occurrence on or after the anchor (Tue 2025-05-20)
    ("每月25日前", "2025-05-25"),
    ("每月20日前", "2025-05-20"),
    ("每月10日前", "2025-06-10"),  # this month's 10th has passed
    ("每月底前", "2025-05-31"),
    ("每月下旬", "2025-05-31"),
    ("每周三", "2025-05-21"),
    ("每周二", "2025-05-20"),
    ("每周一12时前", "2025-05-26"),
    ("每周日", "2025-05-25"),
    ("每星期五", "2025-05-23"),
    ("每日17时前", "2025-05-20"),
    ("每天", "2025-05-20"),
    ("每季度末", "2025-06-30"),
    ("每年6月底前", "2025-06-30"),
    ("每年3月底前", "2026-03-31"),
    ("每年年底前", "2025-12-31"),  # 年 again before the year's end
    ("每月月底前", "2025-05-31"),  # 月 again before the month's end
    ("每年的6月底前", "2025-06-30"),
    # a span after each period's end: the first that reaches the anchor or beyond
    ("每季度结束后10日内", "2025-07-10"),  # 03-31 + 10 has passed: 06-30 + 10
    ("每月结束后5个工作日内", "2025-06-09"),  # 05-31 + 5 working days (Dragon Boat Festival 06-02)
    ("每半年结束后15日内", "2025-07-15"),
    # a day of a given month of each quarter
    ("每季度首月10日前", "2025-07-10"),
    ("每季度第一个月25日前", "2025-07-25"),
    ("每季度最后一个月的25日前", "2025-06-25"),
    ("每季度末月20日前", "2025-06-20"),
    ("每季度第二个月5日前", "2025-08-05"),
    ("每年底", "2025-12-31"),
    # a round of reports: a daily one falls on the anchor, as 每天 does
    ("一天一报", "2025-05-20"),
    ("一周一调度", None),
    # a period with no day named
    ("每周", None),
    ("每月", None),
    ("每季度", None),
    ("按月", None),
    ("每半月", None),  # twice a month: recurring, no one day
    ("每半个月", None),
]


@pytest.mark.parametrize(("phrase", "expected"), RECURRING)
def test_resolve_recurring(phrase, expected):
    deadline = resolve(phrase, TUE)
    assert deadline is not None
    assert (deadline.text, deadline.kind) == (phrase, "recurring")
    assert deadline.date == (date.fromisoformat(expected) if expected else None)


def test_odd_and_even_months_of_a_recurring_report():
    # category 7: 每单月 / 每双月 (reports due in the odd or the even months) fall on the
    # first such month whose day is on or after the document date
    assert resolve("每单月10日前", date(2025, 3, 12)).date == date(2025, 5, 10)
    assert resolve("每单月10日前", date(2025, 3, 2)).date == date(2025, 3, 10)
    assert resolve("每双月5日前", date(2025, 3, 2)).date == date(2025, 4, 5)
    assert resolve("每双月", date(2025, 3, 2)).date is None  # no day named


def test_recurring_day_missing_from_a_month_moves_on():
    # June has no 31st: the first 31st on or after 6-05 is in July
    assert resolve("每月31日前", date(2025, 6, 5)).date == date(2025, 7, 31)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("尽快", "asap"),
        ("立即", "asap"),
        ("抓紧", "asap"),
        ("第一时间", "asap"),
        ("立行立改", "asap"),
        ("长期坚持", "ongoing"),
        ("持续推进", "ongoing"),
        ("常态化", "ongoing"),
        ("立行立改、长期坚持", "ongoing"),
        ("（长期坚持）", "ongoing"),
    ],
)
def test_resolve_without_date(phrase, kind):
    deadline = resolve(phrase, TUE)
    assert deadline is not None
    assert (deadline.text, deadline.date, deadline.kind) == (phrase.strip("（）"), None, kind)


@pytest.mark.parametrize(
    ("phrase", "kind", "expected"),
    [
        ("6月底前", "by", None),  # year-less: needs the anchor
        ("下月10日前", "by", None),
        ("5个工作日内", "by", None),
        ("2025年6月底前", "by", "2025-06-30"),  # the year is in the text
        ("每月5日前", "recurring", None),
        ("尽快", "asap", None),
    ],
)
def test_resolve_without_anchor(phrase, kind, expected):
    deadline = resolve(phrase, None)
    assert (deadline.kind, deadline.date) == (kind, date.fromisoformat(expected) if expected else None)


@pytest.mark.parametrize(
    "text",
    [
        "2025年",
        "3月24日",  # a date, not a limit
        "2025—2026年",  # a range
        "要于6月底前完成",  # a clause, not a phrase: find() is for those
        "每周一次",  # how often, no 每周一 (Monday)
        "",
        "加强巡查",
    ],
)
def test_resolve_rejects_non_deadlines(text):
    assert resolve(text, TUE) is None


FIND = [
    # (clause, expected text, expected date, kind)
    ("要加快推进锅炉改造，8月底前完成全部验收", "8月底前", "2025-08-31", "by"),
    ("请各区县于3个工作日内将整改方案报送市大气办", "3个工作日内", "2025-05-23", "by"),
    # a day or month written in figures, closed by a suffix (not an amount: 2500.5万元)
    ("请各乡镇于2025.6.15前报送排查台账", "2025.6.15前", "2025-06-15", "by"),
    ("整改方案须在2025-07-31以前报县大气办", "2025-07-31以前", "2025-07-31", "by"),
    ("2025.9前完成全部改造", "2025.9前", "2025-09-30", "by"),
    # a limit in hours: the days it spans, rounded up
    ("接到交办单后48小时内反馈核查结果", "48小时内", "2025-05-22", "by"),
    ("发现问题的要在24个小时内处置到位", "24个小时内", "2025-05-21", "by"),
    # category 7: a five-year plan's period, by the last day of its last year
    ("确保在“十四五”期间完成全部改造", "“十四五”期间", "2025-12-31", "by"),
    ("十五五末全面建成监测网络", "十五五末", "2030-12-31", "by"),
    # category 7: hours within the day count no day (须在两小时之内完成部署: the document's own day)
    ("须在两小时之内完成应急减排部署", "两小时之内", "2025-05-20", "by"),
    ("要求72小时以内完成清理", "72小时以内", "2025-05-23", "by"),
    ("于2025年10月15日前报市大气办备案", "2025年10月15日前", "2025-10-15", "by"),
    ("各县区要于每月5日前将上月进展报送市生态环境局", "每月5日前", "2025-06-05", "recurring"),
    ("每周一12时前报送上周巡查情况", "每周一12时前", "2025-05-26", "recurring"),
    # 每周一报: one report a week, no Monday (每周一报送: on Mondays)
    ("建立进展情况每周一报制度", "每周", None, "recurring"),
    ("各乡镇每周一报送上周巡查台账", "每周一", "2025-05-26", "recurring"),
    ("要每月调度一次进展情况", "每月", None, "recurring"),
    # every few weeks or months, period by period: recurring with no day named
    ("每两周通报一次扬尘管控情况", "每两周", None, "recurring"),
    ("要逐月调度整改进展", "逐月", None, "recurring"),
    # a date in passing is skipped; the closing 前 marks the limit
    ("按照3月24日调度会部署，6月底前完成整改", "6月底前", "2025-06-30", "by"),
    ("要完成2025—2026年秋冬季方案修订，10月底前报备", "10月底前", "2025-10-31", "by"),
    # a limit closed by 前/内 beats a bare period named in passing
    ("对照上半年目标，于9月底前完成评估", "9月底前", "2025-09-30", "by"),
    # a dated limit beats pace words and recurring reports
    ("要立即组织排查，6月底前完成整改", "6月底前", "2025-06-30", "by"),
    ("每月5日前报送进展，年底前全部完成", "年底前", "2025-12-31", "by"),
    ("三季度末完成国四货车淘汰", "三季度末", "2025-09-30", "by"),
    ("在元旦前完成清洁取暖设备检修", "元旦前", "2025-12-31", "by"),
    # one recurring phrase, not a recurring one plus 6月底前
    ("每年6月底前报送年度总结", "每年6月底前", "2025-06-30", "recurring"),
    # two limits sharing one 前: each is a limit, the first falls due first
    ("于7月底和9月底前分两次报送排查进展", "7月底", "2025-07-31", "by"),
    ("分别于6月15日、8月15日前完成两轮抽测", "6月15日", "2025-06-15", "by"),
    # a year standing as the clause's time, before its comma or a completing verb: its last day
    ("2026年，完成城区12座公厕提标改造", "2026年", "2026-12-31", "by"),
    ("到2027年，全县农村生活污水治理率达到60%", "到2027年", "2027-12-31", "by"),
    ("推进污泥无害化处置，2026年建成集中处置中心", "2026年", "2026-12-31", "by"),
    # ...and so does a month's end opening its clause, before the year a later sentence names
    ("8月底，全面完成砖瓦窑整治。2026年，完成城区公厕提标改造", "8月底", "2025-08-31", "by"),
    ("治理工地扬尘，到9月底基本建成视频监控网络。2026年，完成改造", "9月底", "2025-09-30", "by"),
    # pace words
    ("对发现的火点立即调度处置", "立即", None, "asap"),
    ("要尽快摸清污染源底数", "尽快", None, "asap"),
    # ongoing only where it stands as the limit
    ("严格落实扬尘管控措施（长期坚持）", "长期坚持", None, "ongoing"),
    ("尽快完成排查整治，长期坚持", "长期坚持", None, "ongoing"),
    ("立行立改、长期坚持", "立行立改、长期坚持", None, "ongoing"),
    ("持续推进", "持续推进", None, "ongoing"),
    # 至少/起码 after a limit count occurrences; they do not start a range as 至 does
    ("年内至少开展一次联合执法检查", "年内", "2025-12-31", "by"),
    ("6月底前起码完成两轮巡查", "6月底前", "2025-06-30", "by"),
    # a completing verb after 于/在 and a day makes the day a limit, as it does a month's end
    ("县水利局要于7月15日完成河道清障", "7月15日", "2025-07-15", "by"),
    ("要在8月完成监测站点建设", "8月", "2025-08-31", "by"),
    # words that bound the day
    ("整改方案报送时间不晚于6月20日", "6月20日", "2025-06-20", "by"),
    ("专项检查即日起—9月30日", "9月30日", "2025-09-30", "by"),
    # the labels of a time-limit field lead its day or month, 为 or 是 between them or not
    ("完成时限为2025年8月", "2025年8月", "2025-08-31", "by"),
    ("（时限：9月30日）", "9月30日", "2025-09-30", "by"),
    ("上报时间：6月20日", "6月20日", "2025-06-20", "by"),
    ("整改期限：2025年12月", "2025年12月", "2025-12-31", "by"),
    # the span the work is given (用…时间) limits it as the span closed by 内 does
    ("各乡镇要再用1个月时间开展沟渠排查", "1个月时间", "2025-06-20", "by"),
    ("利用两周左右的时间完成台账整理", "两周左右的时间", "2025-06-03", "by"),
    # ...and so does the span 限期 sets, closed by 内 or not
    ("责令该厂限期一个月完成整改", "限期一个月", "2025-06-20", "by"),
    ("限期10个工作日整改到位", "限期10个工作日", "2025-06-04", "by"),
    # 截止 before a day closes the task (截至, as of, dates progress: below)
    ("各乡镇要完成散煤清零，截止9月30日", "9月30日", "2025-09-30", "by"),
    ("补报材料截止到6月25日", "6月25日", "2025-06-25", "by"),
    # a week or month named bare before a directive's verb frames the work: by its end
    ("下周要完成管网排查", "下周", "2025-06-01", "by"),
    ("本周，各街道须清运积存垃圾", "本周", "2025-05-25", "by"),
    ("下个月县水务局务必完成验收", "下个月", "2025-06-30", "by"),
]


@pytest.mark.parametrize(("clause", "text", "expected", "kind"), FIND)
def test_find(clause, text, expected, kind):
    deadline = find(clause, TUE)
    assert deadline is not None
    assert (deadline.text, deadline.kind) == (text, kind)
    assert deadline.date == (date.fromisoformat(expected) if expected else None)


@pytest.mark.parametrize(
    "clause",
    [
        "3月24日召开大气污染防治调度会",
        "3月24日和25日开展联合检查",  # two dates joined, neither closed by 前
        "逐步推进清洁取暖改造",  # 逐 before no period
        "前三季度全市空气质量持续改善",
        "去年底以来累计完成改造120家",
        "要持续开展夜间巡查，严防反弹",  # 持续 modifies a verb
        "常态化开展重型柴油货车路检路查",
        "要加强部门协作，形成工作合力",
        "上月底已完成排查",
        "春节后组织复工检查",
        "下周一召开专题调度会",  # a weekday with no 前: when, not a limit
        "本月内容涉及河道清淤和岸线整治",  # 内容, not 内
        "6月18日（星期二）上午召开调度会",  # when, not a limit
        "要于6月18日召开推进会",  # a verb that completes nothing dates an event
        "会议时间为6月18日",  # 时间 alone labels when, not a limit
        "要用好夜间巡查时间",  # 时间 after 用 but no span
        "本周内容安排见附表",
        "本周期内要完成两轮巡查",  # 本周期: this cycle, no week
        "本月要求各街道加强巡查",  # 要求 is no verb of the work
        "自6月底起开展专项检查",
        "完成2025—2026年度清单修订",
        "要加强夜间巡查，发现露天焚烧立即处置",  # 立即: the pace of a conditional sub-action
        "要开展河道巡查，一旦发现偷排立即上报",
        "要开展河道巡查，一旦发现偷排，立即上报",  # the condition a part of its own, the response after it
        "要落实全面排查，如发现新的问题，马上进行整改",
        "落实网格化管理，如遇重污染天气预警尽快启动减排",
        "要加强夜间巡查，一旦发现偷排漏排等违法行为，立即依法查处",  # the condition a part of its own
        "加强田间巡查，发现有焚烧行为的，责令立即停止",  # an order word before the pace word
        "要开展巡河，发现偷排漏排的，要立即上报",
        "总投资2025.5万元前期已拨付",  # an amount in figures, not a day
        "2024年以来，全县累计关停散乱污企业37家",  # a year a report counts from
        "要对照2026年度考核细则逐项整改",  # a year naming an assessment
        "完成2026年水质目标",  # a year inside the work's words
        "推动河道保洁规范化、常态化",  # 常态化 the last of a list of what the work becomes, no time limit
    ],
)
def test_find_none(clause):
    assert find(clause, TUE) is None


@pytest.mark.parametrize(
    "clause",
    [
        "要立即启动应急响应，逐企落实减排措施",
        "对发现的问题要立即整改到位",  # 发现的问题: a noun phrase, no condition
        "要尽快完成整改，发现问题立即处置",  # the task's own pace comes first
        "一旦发布预警，各乡镇要立即启动减排措施",  # the whole task conditional: 立即 its pace
        "要加强巡查，一旦发布预警，各乡镇要立即启动减排",  # a new subject after the condition
        "一旦启动预警，各镇要立即落实停工措施",  # a condition over the whole task, before its subject
    ],
)
def test_a_pace_word_outside_a_condition_is_the_tasks_pace(clause):
    deadline = find(clause, TUE)
    assert deadline is not None and deadline.kind == "asap"


def test_gold_phrases_resolve_as_annotated():
    """Every deadline phrase of the shared gold files (seeds, dev and real texts) resolves
    to its annotated kind and date against the anchor the pipeline finds in the document
    itself: its published date, the meeting's date, the year a plan names for itself, or
    none (then a month-day limit is 'by' with no date)."""
    from minutes.nlp.components.meeting import anchor_of, meeting_of
    from minutes.nlp.normalize import normalize
    from minutes.readers import read

    golds = sorted(SHARED.glob("corpus/*/*.gold.json"))
    assert golds, f"no gold files under {SHARED}"
    checked = 0
    for path in golds:
        gold = json.loads(path.read_text("utf-8"))
        stem = path.name.removesuffix(".gold.json")
        source = next(p for p in path.parent.glob(stem + ".*") if p != path)
        document = normalize(read(source))
        anchor = anchor_of(document, meeting_of(document))
        for task in gold["tasks"]:
            if expected := task.get("deadline"):
                got = resolve(expected["text"], anchor)
                assert got is not None, (path.name, expected)
                assert got.to_dict() == expected, path.name
                checked += 1
    assert checked > 50


def test_any_mix_of_the_vocabulary_resolves_or_is_none():
    """Scrambled phrases (impossible numbers, stray suffixes) never raise."""
    pieces = list("0123456789０〇一二两三四五六七八九十年月日号周季度旬底末内前后半上下本每第个、（）")
    pieces += ["工作日", "以前", "元旦", "0001年", "9999年", "长期坚持", "立即"]
    rng = random.Random(20250520)
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 10)))
        for anchor in (TUE, date(2026, 12, 30), None):
            found = find(text, anchor)
            assert found is None or found.text in text


def test_a_clause_is_scanned_only_for_the_forms_whose_characters_it_holds():
    """Each form skips clauses without one of the characters its every match holds (月 for
    6月底前): on scrambled phrases, no match of any form lacks them."""
    from minutes.nlp.deadline import _forms

    forms = _forms()[0]
    assert sum(form.needs is not None for form in forms) >= len(forms) - 1
    pieces = list("0123456789〇一二两三四五六七八九十年月日号周季度旬底末内前后半上下本每第个按逐、（），")
    pieces += ["工作日", "以前", "之内", "元旦", "汛期", "2026年", "长期坚持", "持续推进", "立即", "尽快"]
    rng = random.Random(20261130)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 10)))
        for form in forms:
            for m in form.pattern.finditer(text):
                matched += 1
                assert form.needs is None or form.needs.search(m.group()), (text, form.kind)
            assert form.needs is None or form.needs.search(text) or not list(form.pattern.finditer(text))
    assert matched > 500


def test_without_the_pattern_parser_every_form_scans_every_clause(monkeypatch):
    """Reading the forms' patterns relies on CPython's private ``re._parser``; without it the
    screen is off and the answers are the same."""
    from minutes import patterns
    from minutes.nlp import deadline

    clauses = ["请于2026年6月底前报送", "每月5日前报送进展", "5个工作日内整改到位", "立即整改", "加强管理"]
    screened = [deadline.find(c, TUE) for c in clauses]
    monkeypatch.setattr(patterns, "_parser", None)
    deadline._forms.cache_clear()
    try:
        assert all(form.needs is None for form in deadline._forms()[0])
        assert [deadline.find(c, TUE) for c in clauses] == screened
    finally:
        deadline._forms.cache_clear()
    assert sum(s is not None for s in screened) == 4


@pytest.mark.parametrize(
    ("clause", "text", "when", "kind"),
    [
        # the day that ends a period opened by 起 limits the task
        ("即日起至12月31日实行24小时巡查值守", "12月31日", date(2025, 12, 31), "by"),
        ("自6月1日起到9月30日开展夜查", "9月30日", date(2025, 9, 30), "by"),
        # a bare date after 截至 reports, it limits nothing
        ("截至12月31日，已完成改造1200户", None, None, None),
        # a season whose start is set locally: a limit, date unknown
        ("在2026年汛期前完成油气回收检查", "2026年汛期前", None, "by"),
        ("采暖季前完成锅炉检修", "采暖季前", None, "by"),
        ("务必在入冬前完成散煤替代", "入冬前", None, "by"),
        # a harvest dated in the same breath: the dates limit the phase
        ("时间：麦收前（5月30日一6月4日）", "6月4日", date(2025, 6, 4), "by"),
        ("供暖前完成燃气锅炉低氮改造", "供暖前", None, "by"),
    ],
)
def test_period_ends_and_seasons(clause, text, when, kind):
    found = find(clause, date(2025, 4, 10))
    if text is None:
        assert found is None
    else:
        assert (found.text, found.date, found.kind) == (text, when, kind)


def test_table_cell_spanning_years_ends_with_the_last():
    found = resolve("2024—2026年底前", None)
    assert (found.date, found.kind) == (date(2026, 12, 31), "by")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023年5月20日", date(2023, 5, 20)),  # a day alone
        ("2019年6月份", date(2019, 6, 30)),  # a month alone: to its end
        ("2018年10月-12月", date(2018, 12, 31)),  # a range of months: to the end of its last
        ("2018.6.30", date(2018, 6, 30)),  # figures with dots
        ("2019-12-31", date(2019, 12, 31)),  # a spreadsheet's date
        ("2018.10", date(2018, 10, 31)),
        ("6月底前", date(2025, 6, 30)),  # a phrase as resolve reads it
        ("10个工作日", date(2025, 3, 24)),  # a span alone: within it
        ("2019年6月完成", date(2019, 6, 30)),  # a month and its verb of completion: to its end
        ("2018.10全部完成", date(2018, 10, 31)),
        ("2024年8月20日完成", date(2024, 8, 20)),
        ("2026年", date(2026, 12, 31)),  # a year alone: by its end
        ("2025—2026年", date(2026, 12, 31)),  # a span of years: by the end of the last
        ("2026年度", date(2026, 12, 31)),
        ("全年", date(2025, 12, 31)),  # the whole year: by its end, as 年内
        ("全年完成", date(2025, 12, 31)),
    ],
)
def test_a_field_holding_only_a_date_limits_by_it(value, expected):
    found = field_limit(value, date(2025, 3, 10))
    assert (found.date, found.kind) == (expected, "by")


def test_a_field_holding_something_else_is_no_limit():
    assert field_limit("2500.5万元", date(2025, 3, 10)) is None
    assert field_limit("县生态环境局", date(2025, 3, 10)) is None
    assert field_limit("6月召开", date(2025, 3, 10)) is None  # a month and what happens in it


def test_a_span_the_work_is_given_counts_from_the_documents_day():
    # a document dated only by its year gives 用1个月时间 no date, as it gives 1个月内 none
    from minutes.nlp.deadline import counted_from_the_day

    assert counted_from_the_day(find("要用1个月时间完成排查", TUE))
    assert counted_from_the_day(find("责令限期一个月完成整改", TUE))


def test_a_period_inside_a_cited_title_is_no_time_limit():
    # 依据《2024年第三季度扬尘巡查办法》: the title of the document cited names a
    # quarter, the clause sets no time limit
    assert find("依据《青禾县2024年第三季度扬尘巡查办法》，现将有关事项通知如下", TUE) is None
    # a limit outside the title still counts
    found = find("依据《青禾县2024年第三季度扬尘巡查办法》，于6月底前完成", TUE)
    assert (found.text, found.date) == ("6月底前", date(2025, 6, 30))


def test_the_limit_in_the_parenthesis_closing_a_task_is_its_own():
    # （X负责，长期坚持） states the task's limit beside its units; 每日 in the work's text says
    # how often it is done
    found = find("城区道路每日洒水保洁（县城管局负责，长期坚持）", TUE)
    assert (found.text, found.kind) == ("长期坚持", "ongoing")
    found = find("每周开展一次夜间巡查（各乡镇负责，6月底前）。", TUE)
    assert (found.text, found.date) == ("6月底前", date(2025, 6, 30))
    # a parenthesis inside the text closes nothing
    assert find("每月（逢5日）报送巡查台账", TUE).kind == "recurring"


def test_a_period_glossing_a_season_limits_no_task():
    # 秋冬季（10月-次年3月）: the months say what the season is
    assert find("以秋冬季（10月-次年3月）扬尘管控为重点，开展专项整治", date(2022, 5, 1)) is None
    assert find("采暖期（11月15日至次年3月15日）加强巡查", date(2022, 5, 1)) is None
    # a phase's period still closes its work
    assert find("（二）整治阶段（6月至9月）", date(2022, 5, 1)).date == date(2022, 9, 30)


def test_a_bare_year_opening_a_later_sentence_frames_its_target_not_the_tasks_limit():
    anchor = date(2025, 3, 10)
    # the item's measures, then the year's target in a sentence of its own: no limit
    assert find("严格取水许可管理，推行计划用水。2026年，全县用水总量控制在2亿立方米以内", anchor) is None
    # a word leading to the year (到), or a completing verb after it, still limits the task
    assert find("严格取水许可管理。到2026年，全县用水总量控制在2亿立方米以内", anchor).date == date(2026, 12, 31)
    assert find("严格取水许可管理。2026年，全面完成灌区节水改造", anchor).date == date(2026, 12, 31)
    # and so does the year opening the task's first sentence
    assert find("2026年，全县用水总量控制在2亿立方米以内", anchor).date == date(2026, 12, 31)


def test_the_pace_of_one_of_a_pair_of_cases_is_no_time_limit():
    # 能立即整改的要立即整改，不能立即整改的，要…: 立即 sets the pace of the cases that can
    assert find("要立即整改，不能立即整改的，要提出整改时限", date(2025, 3, 1)) is None
    assert find("要立即清运，暂时无法清运的要覆盖", date(2025, 3, 1)) is None
    # a 不能 that opens no case leaves the pace the task's
    assert find("要立即整改，不能拖延", date(2025, 3, 1)).kind == "asap"


def test_a_period_after_a_verb_of_planning_is_the_span_of_the_work_planned():
    # category 7: 部署下半年工作 plans the second half's work, no limit on it
    anchor = date(2026, 7, 20)
    found = find("县水务局要尽快研究部署下半年河湖巡查任务", anchor)
    assert (found.text, found.kind) == ("尽快", "asap")
    assert find("要认真谋划四季度重点任务", anchor) is None
    assert find("要尽快提出下半年整改措施", anchor).kind == "asap"
    assert find("下半年完成河道治理", anchor).date == date(2026, 12, 31)


def test_a_month_before_a_completing_verb_limits_the_work_when_it_is_to_be_done():
    # category 7: 要6月完成 / 力争今年9月建成 / …，6月份完成: done by the month's end; 6月完成了
    # reports it, 3月召开 dates an event
    anchor = date(2026, 3, 10)
    assert find("要6月完成河道清淤", anchor).date == date(2026, 6, 30)
    assert find("力争今年9月建成污水处理站", anchor).date == date(2026, 9, 30)
    assert find("加强巡查，10月份完成整治", anchor).date == date(2026, 10, 31)
    assert find("去年6月完成了河道清淤", anchor) is None
    assert find("要在3月召开推进会", anchor) is None
