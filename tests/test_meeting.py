"""Meeting metadata extraction (nlp/components/meeting.py), on sentences written for
these tests from the annotation rules, and on the shared corpora's meeting gold."""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from minutes.models import Document, Meeting
from minutes.nlp.components.meeting import anchor_of, meeting_of

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def doc(title: str | None, *paragraphs: str, published: date | None = None) -> Document:
    return Document(source="test.txt", kind="txt", title=title, published=published, blocks=list(paragraphs))


def meeting(title: str | None, *paragraphs: str, published: date | None = None) -> Meeting:
    found = meeting_of(doc(title, *paragraphs, published=published))
    assert found is not None, "expected a meeting"
    return found


NEWS_TITLE = "东湖区生态环境局召开水污染防治工作2024年第3次调度会"


@pytest.mark.parametrize(
    "title, paragraphs, name, organizer, location",
    [
        (  # "<organizer>召开<name>" in the dateline sentence
            NEWS_TITLE,
            ["5月6日，区生态环境局召开水污染防治工作2024年第3次调度会，通报近期水质情况。"],
            "水污染防治工作2024年第3次调度会",
            "区生态环境局",
            None,
        ),
        (  # a person convened: the body their title names first
            None,
            ["12月9日，东城街道党工委委员卢锡明主持召开大气污染防治专项工作推进会，生态环境分局等单位参加。"],
            "大气污染防治专项工作推进会",
            "东城街道党工委",
            None,
        ),
        (  # the organizer, then when it convened
            "北湖市召开大气污染防治工作联席会议",
            ["为改善空气质量，市大气办于4月28日组织召开北湖市大气污染防治工作联席会议。"],
            "北湖市大气污染防治工作联席会议",
            "市大气办",
            None,
        ),
        (  # "<name>在<place>召开": no organizer
            "全区河湖长制工作推进会暨第二季度调度会召开",
            ["本报讯（记者 方圆）4月2日，全区河湖长制工作推进会暨第二季度调度会在临江镇召开。"],
            "全区河湖长制工作推进会暨第二季度调度会",
            None,
            "临江镇",
        ),
        (  # "<organizer>在<place>召开<name>"
            "青山县召开秋季秸秆综合利用现场会",
            ["9月20日下午，县政府在县农业科技园报告厅召开全县秋季秸秆综合利用现场会，部署秋收工作。"],
            "全县秋季秸秆综合利用现场会",
            "县政府",
            "县农业科技园报告厅",
        ),
        (  # minutes: a generic "专题会议" in the body gives way to the title's name;
            # the organ on the first line issued them
            "关于城区餐饮油烟治理工作的专题会议纪要",
            [
                "南平区人民政府办公室",
                "会 议 纪 要",
                "8月14日，区政府副区长孔德明在区政府第二会议室主持召开专题会议，研究餐饮油烟治理。",
            ],
            "城区餐饮油烟治理工作专题会议",
            "南平区人民政府办公室",
            "区政府第二会议室",
        ),
        (  # no title: the first paragraph that convenes a meeting, in whichever clause
            None,
            ["近日，市生态环境局召开全市噪声污染防治工作座谈会，听取各区意见。"],
            "全市噪声污染防治工作座谈会",
            "市生态环境局",
            None,
        ),
        (  # "由<organizer>主办的<name>在<place>召开"
            "全县河道保洁工作推进会召开",
            ["5月6日，由县水务局主办的全县河道保洁工作推进会在县行政中心召开。"],
            "全县河道保洁工作推进会",
            "县水务局",
            "县行政中心",
        ),
        (  # a party group convenes too
            "省生态环境厅党组召开理论学习中心组学习会",
            ["近日，省生态环境厅党组召开理论学习中心组学习会，厅党组书记、厅长王立主持会议。"],
            "理论学习中心组学习会",
            "省生态环境厅党组",
            None,
        ),
        (  # 举行 convenes as 召开 does
            "全省生态环境执法工作座谈会在江城举行",
            ["6月18日，全省生态环境执法工作座谈会在江城举行。"],
            "全省生态环境执法工作座谈会",
            None,
            "江城",
        ),
        (  # the title names the meeting when the body does not
            "北湖市召开机动车排放检验机构监管工作会议",
            ["会议由市生态环境局主办，各检验机构负责人参加。"],
            "机动车排放检验机构监管工作会议",
            "北湖市",
            None,
        ),
        (  # a teleconference a county listened to
            None,
            ["6月9日，我县组织收听收看全省河长制工作电视电话会议。"],
            "全省河长制工作电视电话会议",
            None,
            None,
        ),
        (  # a title that is the meeting's own name, above a generic one in the report
            "南湖区水务局2025年第三次局长办公会议",
            ["5月6日，局长韩松主持召开工作会议。"],
            "南湖区水务局2025年第三次局长办公会议",
            "南湖区水务局",
            None,
        ),
        (  # nobody said to convene it: the body or place its name opens with
            None,
            ["3月31日，市生态环境保护委员会2025年第一次会议召开。"],
            "市生态环境保护委员会2025年第一次会议",
            "市生态环境保护委员会",
            None,
        ),
        (
            "南湖县应对重污染天气工作调度会召开",
            ["1月23日，南湖县应对重污染天气工作调度会召开。"],
            "南湖县应对重污染天气工作调度会",
            "南湖县",
            None,
        ),
        (  # the person who convened, set off by a comma: the body of the first of their posts
            None,
            ["6月3日，南湖区委常委、政法委书记罗一帆，主持召开全区大气污染防治推进会。"],
            "全区大气污染防治推进会",
            "南湖区委",
            None,
        ),
        (  # the body that gathered others to hold it (…组织…召开) convened it; 组织部 is a body
            None,
            ["3月2日，南湖区水利局组织区河管站、河长办等科室人员召开河长制专题会议。"],
            "河长制专题会议",
            "南湖区水利局",
            None,
        ),
        (
            None,
            ["3月2日，南湖区委组织部召开组织工作会议。"],
            "组织工作会议",
            "南湖区委组织部",
            None,
        ),
        (  # the political consultative conference is a body like the others (区政协)
            None,
            ["5月12日，南湖区政协召开生态环保专题议政会。"],
            "生态环保专题议政会",
            "南湖区政协",
            None,
        ),
        (  # the way it was held (以视频形式, 通过视频会议方式) is no part of who convened it
            None,
            ["5月8日，南湖区生态环境局在三楼会议室以视频形式召开机动车排气污染防治工作会议。"],
            "机动车排气污染防治工作会议",
            "南湖区生态环境局",
            "三楼会议室",
        ),
        (
            None,
            ["5月8日，南湖区生态环境局通过视频会议方式召开机动车排气污染防治工作会议。"],
            "机动车排气污染防治工作会议",
            "南湖区生态环境局",
            None,
        ),
        (  # on whose behalf it was convened, without a comma
            None,
            ["5月8日，受区政府委托南湖区生态环境局召开机动车排气污染防治工作会议。"],
            "机动车排气污染防治工作会议",
            "南湖区生态环境局",
            None,
        ),
        (  # "<name>在<place>召开", then who organized it in a sentence of its own
            "全县冬季供暖保障工作推进会召开",
            ["11月3日上午，全县冬季供暖保障工作推进会在县政府二楼会议室召开。会议由县住房和城乡建设局负责组织。"
             "县委常委、副县长王刚出席会议并讲话。"],
            "全县冬季供暖保障工作推进会",
            "县住房和城乡建设局",
            "县政府二楼会议室",
        ),
        (  # ... a person chairing it is no organizer
            "全县冬季供暖保障工作推进会召开",
            ["11月3日上午，全县冬季供暖保障工作推进会在县政府二楼会议室召开。会议由副县长王刚主持。"],
            "全县冬季供暖保障工作推进会",
            None,
            "县政府二楼会议室",
        ),
        (  # a post of a body of the organization (局党组书记): the organization convened
            None,
            ["5月8日，南湖区生态环境局党组书记、局长周平主持召开局长办公会议，研究机动车排气污染防治工作。"],
            "局长办公会议",
            "南湖区生态环境局",
            None,
        ),
        (  # the body a meeting's name opens with holds it, not the first one the convening
           # person's posts name (县委 of 县委副书记、县长)
            None,
            ["5月16日，县委副书记、县长周平主持召开县政府第8次常务会议。"],
            "县政府第8次常务会议",
            "县政府",
            None,
        ),
        (  # ... after the count of the body's term and sessions the name opens with
            None,
            ["9月13日，区委常委、副区长周平主持召开五届12次区政府常务会议。"],
            "五届12次区政府常务会议",
            "区政府",
            None,
        ),
        (  # the place the convener went to (到某镇主持召开)
            None,
            ["12月4日，副县长周平到东坪镇主持召开片区林长制工作推进会。"],
            "片区林长制工作推进会",
            None,
            "东坪镇",
        ),
        (  # a party committee's standing committee meets for the committee
            None,
            ["9月3日，县委书记周平主持召开2021年县委常委会第12次会议，听取河长制工作汇报。"],
            "2021年县委常委会第12次会议",
            "县委",
            None,
        ),
        (  # ... after a year the name opens with, a digit of it lost in a repost
            None,
            ["8月3日，县委常委、副县长周平主持召开了202年县河长制领导小组第二次全体会议。"],
            "202年县河长制领导小组第二次全体会议",
            "县河长制领导小组",
            None,
        ),
        (  # a head's office meeting (县长办公会议) names no office 县长办 holding it
            "县长办公会议纪要",
            ["5月8日，县长周平在县政府三楼会议室主持召开县长办公会议，研究农村生活垃圾收运工作。"],
            "县长办公会议",
            None,
            "县政府三楼会议室",
        ),
    ],
)
def test_name_organizer_location(title, paragraphs, name, organizer, location):
    found = meeting(title, *paragraphs)
    assert (found.name, found.organizer, found.location) == (name, organizer, location)


@pytest.mark.parametrize(
    "title, paragraphs, published, expected",
    [
        (NEWS_TITLE, ["6月3日，区生态环境局召开调度会。"], date(2024, 6, 4), date(2024, 6, 3)),
        # a month-day after the publication date happened the year before
        (NEWS_TITLE, ["12月28日，区生态环境局召开调度会。"], date(2025, 1, 3), date(2024, 12, 28)),
        # no publication date: the document's own date line, then the title's year
        (NEWS_TITLE, ["12月28日，区生态环境局召开调度会。", "东湖区生态环境局", "2025年1月5日"], None,
         date(2024, 12, 28)),
        (NEWS_TITLE, ["7月1日，区生态环境局召开调度会。"], None, date(2024, 7, 1)),
        # a written year wins
        (NEWS_TITLE, ["2022年9月9日，区生态环境局召开调度会。"], date(2024, 6, 4), date(2022, 9, 9)),
        # the 时间 line of minutes wins over the dateline
        ("关于扬尘管控的专题会议纪要", ["时间：2025年7月2日（星期三）上午", "7月3日，会议研究了扬尘管控。"],
         date(2025, 7, 4), date(2025, 7, 2)),
        # no printed date: the year the plan the meeting serves names for itself
        ("桐溪县召开河道保洁工作推进会", ["为落实2023年河道保洁专项行动，4月6日，县水务局召开推进会。"], None,
         date(2023, 4, 6)),
        # else the one year the text names; a target year, a year looked back on, are no clue
        ("桐溪县召开河道保洁工作推进会", ["4月6日，县水务局召开推进会，部署2022年河道保洁工作。",
                                  "会议要求，力争2024年底前实现河道保洁全覆盖。"], None, date(2022, 4, 6)),
        ("桐溪县召开河道保洁工作推进会", ["4月6日，县水务局召开推进会，总结2022年河道保洁工作。"], None, None),
        ("桐溪县召开河道保洁工作推进会", ["4月6日，县水务局召开推进会，总结2022年工作，部署2023年工作。"], None,
         date(2023, 4, 6)),
        ("桐溪县召开河道保洁工作推进会", ["4月6日，县水务局召开推进会，表彰2022年度先进集体，启动2023年河道保洁行动。"], None,
         date(2023, 4, 6)),
        # two years named: which is the meeting's is unknown
        ("桐溪县召开河道保洁工作推进会", ["4月6日，县水务局召开推进会，通报2022年和2023年水质监测结果。"], None, None),
        # ... unless the meeting's own name opens with one: it is held that year (not one
        # that sums up a year's work, held the next)
        (None, ["4月6日，2024年桐溪县总河长会议在县政府召开，通报2023年河道保洁成效。"], None, date(2024, 4, 6)),
        (None, ["1月6日，2023年桐溪县河长制工作总结会在县政府召开，通报2022年和2023年河道保洁成效。"], None, None),
        # the hour, or the end of a span, after the day
        (NEWS_TITLE, ["6月3日上午9时30分，区生态环境局召开调度会。"], date(2024, 6, 4), date(2024, 6, 3)),
        (NEWS_TITLE, ["6月3日14:00，区生态环境局召开调度会。"], date(2024, 6, 4), date(2024, 6, 3)),
        (NEWS_TITLE, ["6月2日至3日，区生态环境局召开调度会。"], date(2024, 6, 4), date(2024, 6, 2)),
        # no year anywhere: unknown, not a guess
        ("南湖区召开河道保洁工作推进会", ["5月5日，区水务局召开河道保洁工作推进会。"], None, None),
        # a dateline past a byline's reach whose sentence convenes the meeting
        (NEWS_TITLE, ["南湖讯（通讯员 甲乙）为配合第二轮中央生态环境保护督察工作，加强建筑领域环境综合整治，2021年4月11日，南湖区召开部署大会。"],
         None, date(2021, 4, 11)),
        # an impossible day is no date
        ("南湖区召开河道保洁工作推进会", ["2月30日，区水务局召开河道保洁工作推进会。"], date(2024, 3, 1), None),
    ],
)
def test_date(title, paragraphs, published, expected):
    assert meeting(title, *paragraphs, published=published).date == expected


def people(found: Meeting) -> list[tuple[str, str | None, str]]:
    return [(p.name, p.title, p.role) for p in found.people]


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (
            ["区生态环境局党组书记、局长田方远出席会议并讲话，副区长孔德明主持会议。"],
            [("田方远", "区生态环境局党组书记、局长", "speaker"), ("孔德明", "副区长", "chair")],
        ),
        (  # a speech that is a mobilization; posts of two words; organizations after the people
            ["2021年4月11日，南湖区召开部署大会，区政府副区长杨光明出席会议并作相关动员部署，区政府副调研员桂志中、"
             "区水务局党组书记、局长王中华以及区教育局、区交通局等负责人参加。会议由桂志中主持。"],
            [("杨光明", "区政府副区长", "speaker"), ("桂志中", "区政府副调研员", "chair"),
             ("王中华", "区水务局党组书记、局长", "attendee")],
        ),
        (  # on what they acted is no part of the name; a task handed out is a speech
            ["会上，副镇长李小明对环境检查情况进行了通报。副镇长杨文华对安全维稳工作进行了安排。"],
            [("李小明", "副镇长", "reporter"), ("杨文华", "副镇长", "speaker")],
        ),
        (  # a person, then in the next clause the organizations that attended with him
            ["镇党委委员袁文强，党政综合办、纪检监察办等部门及各村（社区）党组织书记等约35人参加了会议。"],
            [("袁文强", "镇党委委员", "attendee")],
        ),
        (  # a dateline run into the sentence without its comma
            ["3月20日孔德明副区长主持召开大气污染防治工作调度会。"],
            [("孔德明", "副区长", "chair")],
        ),
        (
            ["会上，区水务局副局长林秋实汇报了河道整治进展，区长助理沈一鸣作部署。"],
            [("林秋实", "区水务局副局长", "reporter"), ("沈一鸣", "区长助理", "speaker")],
        ),
        (  # several persons with titles share one verb
            ["会议传达了文件精神。市委副书记、市长罗一帆，市委常委、副市长苏明出席会议。"],
            [("苏明", "市委常委、副市长", "attendee"), ("罗一帆", "市委副书记、市长", "attendee")],
        ),
        (  # names listed without titles
            ["胡海川、严小雨参加调研活动。"],
            [("胡海川", None, "attendee"), ("严小雨", None, "attendee")],
        ),
        (  # name then title, and one person named twice keeps the stronger role
            ["6月1日，石磊副区长主持召开专题会议。", "出席：石磊，欧阳明（区财政局副局长）"],
            [("石磊", "副区长", "chair"), ("欧阳明", "区财政局副局长", "attendee")],
        ),
        (  # a labelled list of names parted by 、, one title before some of them
            ["6月1日，区长石磊主持召开区长办公会议。", "出席：石磊、何晓光、宋平", "列席：副区长曹文、罗一帆"],
            [("石磊", "区长", "chair"), ("何晓光", None, "attendee"), ("宋平", None, "attendee"),
             ("曹文", "副区长", "attendee"), ("罗一帆", "副区长", "attendee")],
        ),
        (  # the head of minutes: spaced names, continuation lines, title before name
            [
                "主 持 人：石  磊  副区长",
                "出席人员：何晓光  区政府办公室副主任",
                "          宋  平  区生态环境局局长",
                "列席人员：区住建局副局长曹文，区城管局负责同志",
                "6月1日，区政府召开扬尘治理专题会议。",
            ],
            [
                ("石磊", "副区长", "chair"),
                ("何晓光", "区政府办公室副主任", "attendee"),
                ("宋平", "区生态环境局局长", "attendee"),
                ("曹文", "区住建局副局长", "attendee"),
            ],
        ),
        (  # names a labelled line's spaces part, a post going with the name after it
            ["6月1日，区政府召开扬尘治理专题会议。", "出席：区委书记 田方远 区长 韩松", "列席：何晓光 宋平"],
            [("田方远", "区委书记", "attendee"), ("韩松", "区长", "attendee"), ("何晓光", None, "attendee"),
             ("宋平", None, "attendee")],
        ),
        (  # the lead-in of the clause is no part of the title
            ["会议由区生态环境局局长宋平主持。"],
            [("宋平", "区生态环境局局长", "chair")],
        ),
        (  # a unit reporting is no person
            ["会上，区生态环境局通报了空气质量情况。"],
            [],
        ),
        (  # a titled person in the clause before a list shares its verb
            ["市委常委、常务副市长韩松，副市长邵平、邱岚出席会议。"],
            [("邵平", "副市长", "attendee"), ("邱岚", "副市长", "attendee"), ("韩松", "市委常委、常务副市长", "attendee")],
        ),
        (  # ... but not a clause with a verb of its own
            ["会议由副区长孔德明主持，区委书记田方远出席并讲话。"],
            [("孔德明", "副区长", "chair"), ("田方远", "区委书记", "speaker")],
        ),
        (  # who convened the meeting chairs it, unless the report names another who chairs it;
            # then the convener attends, and speaks when his name opens instructions
            ["5月6日，区长韩松主持召开河长制工作推进会。会议由副区长邱岚主持。", "韩松强调，各街道要加快清淤进度。"],
            [("韩松", "区长", "speaker"), ("邱岚", "副区长", "chair")],
        ),
        (
            ["5月6日，区长韩松主持召开河长制工作推进会。会议由副区长邱岚主持。"],
            [("韩松", "区长", "attendee"), ("邱岚", "副区长", "chair")],
        ),
        (  # leaders handing out the work of their fields speak
            ["区委副书记韩松，区委常委、常务副区长邱岚分别安排有关工作。"],
            [("邱岚", "区委常委、常务副区长", "speaker"), ("韩松", "区委副书记", "speaker")],
        ),
        (  # a whole group attending is no person
            ["区长邱岚主持会议。全体在家区级领导参加会议。"],
            [("邱岚", "区长", "chair")],
        ),
        (  # one person who convenes and chairs stays the chair
            ["5月6日，区长韩松主持召开河长制工作推进会。韩松主持会议并讲话。"],
            [("韩松", "区长", "chair")],
        ),
        (  # a list with one title before it, in the clause before the verb's own subject
            ["县领导韩松、邱岚，县政府办公室主任罗一帆参加会议。"],
            [("罗一帆", "县政府办公室主任", "attendee"), ("韩松", "县领导", "attendee"), ("邱岚", "县领导", "attendee")],
        ),
        (  # a list of names written with commas for 、, back to the one with a title
            ["近日，县长骆飞主持召开县政府常务会议。县领导韩松，邱岚，罗一帆参会。"],
            [("骆飞", "县长", "chair"), ("罗一帆", None, "attendee"), ("韩松", "县领导", "attendee"),
             ("邱岚", None, "attendee")],
        ),
        (  # ... not bare names after a clause with a verb of its own
            ["近日，县长骆飞主持召开县政府常务会议，韩松，邱岚参会。"],
            [("骆飞", "县长", "chair"), ("邱岚", None, "attendee")],
        ),
        (  # the people after their verb
            ["出席会议的有副县长韩松、县政协副主席邱岚，参加会议的还有县水务局局长罗一帆。"],
            [("韩松", "副县长", "attendee"), ("邱岚", "县政协副主席", "attendee"), ("罗一帆", "县水务局局长", "attendee")],
        ),
        (  # 同志 after a name, and what a speaker acted on, are no part of the name
            ["副区长韩松同志出席会议并讲话，区水务局局长邱岚就下一步工作作了安排部署。"],
            [("韩松", "副区长", "speaker"), ("邱岚", "区水务局局长", "speaker")],
        ),
        (  # the 兵团's ranks and civil-service ranks are titles
            ["一四二团团长韩松作表态发言，县应急管理局三级调研员邱岚参加会议。"],
            [("韩松", "一四二团团长", "reporter"), ("邱岚", "县应急管理局三级调研员", "attendee")],
        ),
        (  # 动员讲话 is a speech; 在讲话中 is no verb
            ["区长韩松出席会议并作动员讲话。", "邱岚在讲话中指出，要压实责任。"],
            [("韩松", "区长", "speaker")],
        ),
        (  # 等县领导 closes the list, no part of the last name
            ["县人大常委会主任韩松、县政协主席邱岚等县领导出席会议。"],
            [("韩松", "县人大常委会主任", "attendee"), ("邱岚", "县政协主席", "attendee")],
        ),
        (  # one title before a list of names is every one's
            ["区领导石磊、欧阳明出席会议。"],
            [("石磊", "区领导", "attendee"), ("欧阳明", "区领导", "attendee")],
        ),
        (  # surnames of today outside the 百家姓
            ["区领导旷明远、邝雨、佘岚、令文杰出席会议。"],
            [("旷明远", "区领导", "attendee"), ("邝雨", "区领导", "attendee"), ("佘岚", "区领导", "attendee"),
             ("令文杰", "区领导", "attendee")],
        ),
        (  # who attends and gives instructions in one breath speaks
            ["区委书记韩松出席并强调，要压实河长责任。"],
            [("韩松", "区委书记", "speaker")],
        ),
        (  # relaying a higher meeting's instructions gives them
            ["区水务局局长邱岚传达了全市河长制工作会议精神。"],
            [("邱岚", "区水务局局长", "speaker")],
        ),
        (  # a clause opening with 并 goes on with the subject before
            ["区水务局局长邱岚传达了全市会议精神，总结了上半年工作，并对下一步工作进行了安排。",
             "副区长韩松传达了文件精神，并部署了下一步工作。"],
            [("邱岚", "区水务局局长", "speaker"), ("韩松", "副区长", "speaker")],
        ),
        (  # ... not one whose clause before names nobody
            ["会议传达了全市会议精神，并对下一步工作进行了安排。"],
            [],
        ),
        (  # a speech given, requirements put forward, a titled person who stresses: speakers;
           # reading out a plan is a report, arranging work in the clause after it a speech
            ["镇党委书记韩松进行了动员讲话。", "镇长邱岚对环境整治工作提出三点要求。",
             "县河长办主任罗一帆强调，要压实责任。", "副镇长宋平宣读了实施方案，对全镇整治工作进行部署。"],
            [("韩松", "镇党委书记", "speaker"), ("邱岚", "镇长", "speaker"), ("罗一帆", "县河长办主任", "speaker"),
             ("宋平", "副镇长", "speaker")],
        ),
        (  # listening in to a teleconference is attending it; the units after 及 with who came
           # for them are no part of the last name
            ["县委常委韩松，副县长邱岚及县直各相关单位负责人共同收听收看了电视电话会议。"],
            [("邱岚", "副县长", "attendee"), ("韩松", "县委常委", "attendee")],
        ),
        (  # the person set off from the verb by a comma
            ["6月3日，南湖区委常委、政法委书记罗一帆，主持召开全区大气污染防治推进会。"],
            [("罗一帆", "南湖区委常委、政法委书记", "chair")],
        ),
        (  # who 组织召开 the meeting convenes it, as who 主持召开 it does: its chair
            ["6月3日，南湖区副区长罗一帆组织召开全区大气污染防治研判会。"],
            [("罗一帆", "南湖区副区长", "chair")],
        ),
        (  # a Tibetan name, no surname: it opens with one of the names' usual elements
            ["6月3日，南湖区大气污染防治推进会召开，区长韩松主持会议，区委常委、宣传部部长扎西次仁，副区长邱岚出席会议。"],
            [("韩松", "区长", "chair"), ("邱岚", "副区长", "attendee"), ("扎西次仁", "区委常委、宣传部部长", "attendee")],
        ),
        (  # the convener who went to the place first chairs it, his instructions after
            ["6月3日，南湖区副区长罗一帆到东坪镇主持召开秸秆禁烧推进会。", "罗一帆强调，要压实属地责任。"],
            [("罗一帆", "南湖区副区长", "chair")],
        ),
        (  # the officials who accompanied the leader convening it attend (陪同; not 在…陪同下)
            ["6月3日，南湖区副区长罗一帆主持召开大气污染防治研判会。区水务局局长邱岚陪同。"],
            [("罗一帆", "南湖区副区长", "chair"), ("邱岚", "区水务局局长", "attendee")],
        ),
    ],
)
def test_people(paragraphs, expected):
    assert people(meeting("南湖区召开大气污染防治推进会", *paragraphs)) == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (  # introduced with a title on a visit, then giving instructions: a speaker
            ["8月5日，市水务局局长钟海平一行前往东湖区调研河道整治工作。随后召开座谈会，听取工作汇报。",
             "钟海平指出，河道整治取得了阶段性成效。钟海平强调，要加快推进截污纳管。"],
            [("钟海平", "市水务局局长", "speaker")],
        ),
        (  # the instruction may say where it was given
            ["近日，区委常委、副区长骆飞带队检查扬尘治理工作，并召开现场推进会。",
             "骆飞在现场推进会上要求，各街道要压实属地责任。"],
            [("骆飞", "区委常委、副区长", "speaker")],
        ),
        (  # a name never introduced with a title is someone quoted, not a participant
            ["近日，区生态环境局召开座谈会。", "钟海平指出，要加快推进截污纳管。"],
            [],
        ),
        (  # ... but a line that is only a name and its verb heads the instructions after it
            ["近日，区生态环境局召开座谈会。", "钟海平强调", "要加快推进截污纳管。"],
            [("钟海平", None, "speaker")],
        ),
        (  # an attendee whose sentence is followed by one a pronoun opens with instructions
            ["近日，区委常委骆飞、副区长钟海平出席河道整治推进会。",
             "会上，骆飞充分肯定了去年的工作。他强调，各街道要压实属地责任。"],
            [("骆飞", "区委常委", "speaker"), ("钟海平", "副区长", "attendee")],
        ),
        (  # ... not one named in passing before another sentence's pronoun
            ["近日，区委常委骆飞、副区长钟海平出席河道整治推进会。",
             "会上，区生态环境局通报了骆飞调研时发现的问题。会议强调，要加快整改。"],
            [("骆飞", "区委常委", "attendee"), ("钟海平", "副区长", "attendee")],
        ),
        (  # a reporter whose report goes on to instructions speaks
            ["近日，区长骆飞主持召开调度会。区生态环境局局长钟海平通报了整改进展，并要求各街道加快整改。"],
            [("骆飞", "区长", "chair"), ("钟海平", "区生态环境局局长", "speaker")],
        ),
        (  # ... one who only reports stays a reporter, 安排 in the report notwithstanding
            ["近日，区长骆飞主持召开调度会。区生态环境局局长钟海平通报了近期工作安排。"],
            [("骆飞", "区长", "chair"), ("钟海平", "区生态环境局局长", "reporter")],
        ),
        (  # minutes: a report heard from a titled person, its subject after 关于 however long
            ["近日，区长骆飞主持召开区政府常务会议。会议听取了区生态环境局局长钟海平同志关于"
             "《东湖区河道保洁和沿岸垃圾清运工作责任清单（送审稿）》起草情况的汇报。"],
            [("骆飞", "区长", "chair"), ("钟海平", "区生态环境局局长", "reporter")],
        ),
        (  # category 6: an attendee whose sentence opens with the matter instructed on
            ["近日，区长骆飞主持召开调度会，副区长钟海平应邀列席。",
             "就如何做好汛期河道清障，钟海平要求，要落实巡河责任。"],
            [("骆飞", "区长", "chair"), ("钟海平", "副区长", "speaker")],
        ),
    ],
)
def test_people_introduced_then_instructing_are_speakers(paragraphs, expected):
    assert people(meeting("东湖区召开河道整治座谈会", *paragraphs)) == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (  # a shared suffix is handed out to the bare places before it
            ["东湖区、西山区、南江区生态环境局就近期空气质量作了发言。"],
            ["东湖区生态环境局", "西山区生态环境局", "南江区生态环境局"],
        ),
        (  # 和 inside a name does not split it; parentheses stay with their name
            ["市住房和城乡建设局（市人防办）和市交通运输局分别汇报了工作进展。"],
            ["市住房和城乡建设局（市人防办）", "市交通运输局"],
        ),
        (  # bare places stay bare; a 管委会 is not shared out
            ["会上，北坪镇、青石乡作表态发言，临港区、滨江新区管委会作交流发言。"],
            ["北坪镇", "青石乡", "临港区", "滨江新区管委会"],
        ),
        (  # reports heard, 等单位, attendance; collectives and vague references are no units
            [
                "会议听取了市水务局关于河道治理的汇报，市监测中心及水质科等单位就断面水质作了分析。",
                "市财政局、市审计局负责同志，各区县、开发区分管负责同志，市直有关单位负责人参加会议。",
                "市就业服务中心、市区域协作办等3个部门作了书面交流。",
            ],
            ["市水务局", "市监测中心", "水质科", "市财政局", "市审计局", "市就业服务中心", "市区域协作办"],
        ),
        (  # each report a 听取 clause lists names its unit first; 该县 is the county visited
            ["近日，市水务局局长钟海平一行前往桐溪县调研，随后召开座谈会，听取该县河道整治工作情况汇报、"
             "市水文站通报汛期水情。"],
            ["桐溪县", "市水文站"],
        ),
        (  # the name ends before 关于: 市水务局关于全市 is no name
            ["会议听取了市水务局关于全市河道整治进展情况的汇报。"],
            ["市水务局"],
        ),
        (  # a report heard from a titled person: the unit whose post he holds (not 市水务局局)
            ["会议听取了市水务局局长钟海平同志关于《东湖河道保洁办法（送审稿）》的情况汇报。"],
            ["市水务局"],
        ),
        (  # a report on the town's built-up area (城区) names no unit
            ["会议听取了城区生活垃圾分类工作推进情况汇报。"],
            [],
        ),
        (  # 该县 with no county named before it, and a report with no unit, name nobody
            ["近日召开座谈会，听取该县工作汇报，听取关于河道整治的情况介绍。"],
            [],
        ),
        (  # units named alone in a 听取 list share the report it ends with
            ["会议听取了县河长办、县水务局、沿河各乡镇工作情况的汇报。"],
            ["县河长办", "县水务局"],
        ),
        (  # a collective closing the list leaves the named units in it
            ["县水务局、县农业农村局及各成员单位负责人参加会议。", "县自然资源局和相关企业负责人列席会议。"],
            ["县水务局", "县农业农村局", "县自然资源局"],
        ),
        (  # the report heard is named by its subject after the unit
            ["随后召开座谈会，听取东湖区水务局工作汇报。", "会议还听取了西山镇有关情况汇报。"],
            ["东湖区水务局", "西山镇"],
        ),
        (  # directives and persons' titles are not attendance
            [
                "区财政局要加强资金保障，区交通局负责道路保洁。",
                "区生态环境局副局长林秋实汇报了工作。",
            ],
            [],
        ),
        (  # a unit that speaks on something (对…提出要求); one that acts on something does not
            ["会上，市住建局对南湖区工作提出相关要求。市生态环境局对全区企业开展检查。"],
            ["市住建局"],
        ),
        (  # a body's head laying out its part of the work (就…进行了安排部署) speaks for it
            ["会上，区水利局负责同志就汛期河道清障工作进行了安排部署。"],
            ["区水利局"],
        ),
        (  # minutes: 列席 organizations, with a shared suffix
            ["列席：区发改局、区财政局，东坝镇、西坝镇人民政府分管负责同志", "6月1日，区政府召开专题会议。"],
            ["区发改局", "区财政局", "东坝镇人民政府", "西坝镇人民政府"],
        ),
        (  # organizations listed after the people who came with them; bodies of a kind are none
            ["6月3日，区政府召开推进会。区住建局局长孙立以及区城管局、区交通局、金石建设公司、各街道、施工单位等负责人参加。"],
            ["区城管局", "区交通局", "金石建设公司"],
        ),
        (  # each clause of an attendance sentence names who came for its units (分管领导)
            ["4月8日，区政府召开联席会议。柳湾镇、石桥乡政府分管领导，经开区管委会分管领导，区住建局分管领导，区生态环境分局参加会议。"],
            ["柳湾镇政府", "石桥乡政府", "经开区管委会", "区住建局", "区生态环境分局"],
        ),
        (  # an attendance list stands when most of its items are units: a censored name,
           # two items run together without their 、, are left out
            ["区大气办、区住建局、城管局、交通局、环卫南湖一中、***河镇及各街道办事处相关负责同志参加会议。"],
            ["区大气办", "区住建局", "城管局", "交通局"],
        ),
        (  # ... but not a list most of whose items are no units
            ["区住建局、韩松、邱岚、罗一帆相关负责同志参加会议。"],
            [],
        ),
        (  # category 6: a second list joined by 及, closed by the townships' heads
            ["区住建局、区交通局分管负责同志及柳湾镇、石桥乡乡（镇）长参加了会议。"],
            ["区住建局", "区交通局", "柳湾镇", "石桥乡"],
        ),
        (  # the 单位 before whom of a body came is no part of its name
            ["环保局、水务局、农牧局单位负责同志参加会议。"],
            ["环保局", "水务局", "农牧局"],
        ),
        (  # groups counted, not named one by one, are no units
            ["会上，3个督导组、区住建局分别汇报了近期工作情况。"],
            ["区住建局"],
        ),
        (  # the organizations listed after 参加会议的有
            ["参加会议的有区发改局、区工信局、区住建局负责同志。"],
            ["区发改局", "区工信局", "区住建局"],
        ),
        (  # ... or after 参加会议的单位有：, a collective closing the list left out
            ["参加会议的单位有：区发改局、区财政局、区水利局及各镇（街道）。"],
            ["区发改局", "区财政局", "区水利局"],
        ),
        (  # those the convener summons attend (召集…负责同志，召开…), not the convener's post (召集人)
            ["3月2日，副区长甲某召集区交通局、区城管局负责同志，召开渣土运输整治会议。"],
            ["区交通局", "区城管局"],
        ),
        (  # the units a body gathered to hold the meeting attend it
            ["3月2日，区水利局组织区河管站、河长办、水政科等科室人员召开专题会议。"],
            ["区河管站", "河长办", "水政科"],
        ),
        (  # a body handing the attending units their work at the meeting speaks for itself
            ["会上，各单位负责人汇报了整改情况，区河长办向各镇（街道）交办了河道问题清单。"],
            ["区河长办"],
        ),
        (  # a labelled list whose items spaces part (the line kept so by normalization)
            ["6月1日，区政府召开扬尘治理专题会议。", "参加单位：区水务局 区城管局 柳湾镇人民政府"],
            ["区水务局", "区城管局", "柳湾镇人民政府"],
        ),
    ],
)
def test_units(paragraphs, expected):
    assert meeting("南湖区召开大气污染防治推进会", *paragraphs).units == expected


@pytest.mark.parametrize(
    "title, paragraphs",
    [
        ("关于开展夏季臭氧污染防治专项检查的通知", ["近期，省生态环境厅召开全省臭氧污染防治推进会，现将有关事项通知如下。"]),
        ("河西市2025年城市扬尘污染防治工作方案", ["一、工作目标", "到2025年底，降尘量明显下降。"]),
        ("河西市大气污染防治重点任务分解表", ["序号\t重点任务\t牵头单位"]),
        (None, ["一、加强监测。请各县区于6月底前完成站点建设。"]),
    ],
)
def test_no_meeting(title, paragraphs):
    assert meeting_of(doc(title, *paragraphs)) is None


def test_anchor_is_published_date_else_meeting_date():
    news = doc(NEWS_TITLE, "6月3日，区生态环境局召开调度会。", published=date(2024, 6, 4))
    assert anchor_of(news, meeting_of(news)) == date(2024, 6, 4)
    undated = doc(NEWS_TITLE, "6月3日，区生态环境局召开调度会。")
    assert anchor_of(undated, meeting_of(undated)) == date(2024, 6, 3)
    assert anchor_of(doc("一份方案"), None) is None


@pytest.mark.parametrize(
    "title, expected",
    [
        ("桐溪县2019年扬尘治理专项行动方案", date(2019, 1, 1)),
        # a plan over years starts in its first; one over a winter, in that autumn
        ("桐溪县2019—2021年农村污水治理三年行动计划", date(2019, 1, 1)),
        ("桐溪县2019—2020年秋冬季大气污染综合治理攻坚行动方案", date(2019, 9, 1)),
        # a notice about a year's work names it in its title; a target year is no such year
        ("关于做好2019年秋冬季大气污染防治工作的通知", date(2019, 9, 1)),
        ("关于确保2019年底前完成散煤清零的通知", None),
    ],
)
def test_anchor_of_a_reposted_plan_is_the_start_of_its_own_period(title, expected):
    repost = doc(title, "一、各乡镇要于10月底前完成排查。", published=date(2023, 5, 1))
    assert anchor_of(repost, None) == (expected or date(2023, 5, 1))


def test_a_meeting_reports_title_year_is_no_anchor():
    """召开2022年度工作总结会 is held early the next year: its deadlines count from the date
    printed, not from the year it reviews."""
    news = doc("东湖区召开2022年度河道保洁工作总结会", "1月10日，区水务局召开总结会。会议要求，6月底前完成清淤。",
               published=date(2023, 1, 11))
    assert anchor_of(news, meeting_of(news)) == date(2023, 1, 11)


# ---------------------------------------------------------------- shared corpora


def corpus_documents() -> list:
    return [
        pytest.param(gold, id=gold.name.removesuffix(".gold.json"))
        for corpus in ("seeds", "dev")
        for gold in sorted((SHARED / "corpus" / corpus).glob("*.gold.json"))
    ]


@functools.cache
def shared_scorer():
    """The shared scorer as a module; registered in sys.modules first because its
    dataclasses resolve their annotations through it."""
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gold_path", corpus_documents())
def test_corpus_meeting_fields(gold_path):
    """Read with the project's reader and normalization, each document's meeting fields
    score as the shared scorer counts them (at most one miss per document)."""
    readers = pytest.importorskip("minutes.readers")
    normalize = pytest.importorskip("minutes.nlp.normalize").normalize
    score = shared_scorer()
    source = next(p for p in gold_path.parent.glob(gold_path.name.replace(".gold.json", ".*")) if p != gold_path)
    document = normalize(readers.read(source))
    found = meeting_of(document)
    prediction = {"meeting": found.to_dict() if found else None}
    checks = score.score_meeting(json.loads(gold_path.read_text(encoding="utf-8"))["meeting"], prediction)
    wrong = [why for ok, why in checks if not ok]
    assert len(wrong) <= 1, wrong


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a title ending in a river-chief post
        ("4月17日，区政府召开推进会。区委书记、区总河长高建华出席会议并讲话。",
         [("高建华", "区委书记、区总河长", "speaker")]),
        # several persons each with a title, separated by ，, sharing one verb
        ("8月5日，县政府召开全体会议。副县长邓雪梅，县政协副主席付振华出席会议。",
         [("邓雪梅", "副县长", "attendee"), ("付振华", "县政协副主席", "attendee")]),
        # titled persons joined by 、 and an adverb before the verb
        ("9月8日，市大气办召开调度会。南屏区副区长蒋涛、东溪县副县长田雨分别作了发言。",
         [("蒋涛", "南屏区副区长", "reporter"), ("田雨", "东溪县副县长", "reporter")]),
        # titled persons joined by 和/及, each with the title before them
        ("8月5日，县政府召开全体会议。县长邓雪梅和副县长付振华、蒋涛出席会议。",
         [("邓雪梅", "县长", "attendee"), ("付振华", "副县长", "attendee"), ("蒋涛", "副县长", "attendee")]),
        # a person, then 及 and posts held by no one named: those came too, unnamed
        ("9月2日，白鹭镇召开部署会。镇党委书记邓雪梅，镇人大主席付振华及各村党支部书记、村委会主任参加会议。",
         [("邓雪梅", "镇党委书记", "attendee"), ("付振华", "镇人大主席", "attendee")]),
        # category 6: persons named before a title (甲副秘书长), then the bodies sending people
        # by a kind of them, one list joined by 、
        ("6月3日，市政府召开推进会。李明副区长、区水利局赵强局长、相关街道分管负责同志参加了会议。",
         [("李明", "副区长", "attendee"), ("赵强", "区水利局局长", "attendee")]),
        # category 6: what a speaker drew on (结合市里会议…) between the name and the verb
        ("8月25日，市政府召开部署会。会上，区水利局局长李勇结合市里会议通报进展，指出巡河中存在的短板，并对下一步工作提出意见和要求。",
         [("李勇", "区水利局局长", "speaker")]),
        # category 6: the order of speakers before 由 (会议先由…), and a person named between
        # what they are in charge of and their post
        ("6月3日，镇政府召开部署会。会议先由分管领导李明副主任传达了市里会议要求，并对工作进行安排。",
         [("李明", "副主任", "speaker")]),
        # category 6: bare names after a title share it, up to a person with a title of
        # their own, one list joined by 、
        ("6月3日，县政协召开协商会。县政协副主席张立新、李红梅、赵国强、秘书长钱文出席会议。",
         [("张立新", "县政协副主席", "attendee"), ("李红梅", "县政协副主席", "attendee"),
          ("赵国强", "县政协副主席", "attendee"), ("钱文", "秘书长", "attendee")]),
    ],
)
def test_people_lists(paragraph, expected):
    found = meeting("临江市召开调度会", paragraph)
    assert sorted((p.name, p.title, p.role) for p in found.people) == sorted(expected)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # places closed by a bare 等 before the verb
        ("会上，城东街道、白鹭镇等作了表态发言。", ["城东街道", "白鹭镇"]),
        # a clause of organizations only shares the verb of the clause after it
        ("市住建委、市城管委，各区县负责同志参加会议。", ["市住建委", "市城管委"]),
        # category 5: so does a clause of mostly organizations before a list closed as
        # attendance; a company by its short name there is left out, not the clause
        # ... or named after the people of the list, joined by 、
        ("副县长李明、张华、县水利局、县林业局负责同志参加会议。", ["县水利局", "县林业局"]),
        # ... or closed by the bodies' leaders, no word of whom
        ("甲乙高新区、丙丁工业集中区、区农业农村局、区发改局领导参加会议。",
         ["甲乙高新区", "丙丁工业集中区", "区农业农村局", "区发改局"]),
        ("区林业局、区商务局，甲港集团、乙川石化、丙丙环保公司、丁建投集团，各乡镇负责同志参加会议。",
         ["区林业局", "区商务局", "甲港集团", "丙丙环保公司", "丁建投集团"]),
    ],
)
def test_unit_lists(paragraph, expected):
    found = meeting("临江市召开调度会", "9月8日，市政府召开调度会。" + paragraph)
    assert found.units == expected


@pytest.mark.parametrize(
    ("title", "blocks"),
    [
        # a plan's page says a meeting will be held: it reports none
        (None, ["（二）专项整治阶段（2023年6月1日至11月20日）。",
                "各乡（镇）按照本方案要求开展整治。县里将召开全县村庄环境整治工作现场会，分析存在的问题。"]),
        (None, ["一、建立调度机制", "县大气办拟于每月5日召开调度会，通报各乡镇进度。"]),
        # a plan's numbered measure whose body convenes a meeting: a measure, no report
        (None, ["（一）动员部署", "2.县政府召开全县护林防火工作会议。分解下达巡护任务。（责任单位：县林业局）"]),
        (None, ["（2）区政府召开秋冬季治气推进会，部署重点任务。（牵头单位：区生态环境局）"]),
        # a progress report lists a meeting among the work done: it is no meeting report
        ("青川县城管局2024年第四季度重点工作任务完成情况", ["任务项 完成情况", "10月12日召开“门前三包”管理工作调度会，部署整治。"]),
    ],
)
def test_a_meeting_a_plan_will_hold_or_a_progress_report_lists_makes_no_meeting(title, blocks):
    assert meeting_of(Document("x.txt", "txt", title=title, blocks=blocks)) is None


def test_an_account_of_a_fields_work_opened_by_the_dated_meeting_it_held_reports_it():
    # 某某工作开展情况 over a report whose dated lead convenes a meeting: that meeting
    found = meeting("2023年河道保洁工作开展情况",
                    "为推进河道保洁，2023年4月12日上午，某县河长办召开全县河道保洁工作会议。副县长王明主持会议并讲话。",
                    "会议要求：要加强巡河。")
    assert (found.name, found.date, found.organizer) == ("全县河道保洁工作会议", date(2023, 4, 12), "某县河长办")
    assert [(p.name, p.role) for p in found.people] == [("王明", "chair")]
    # the same title over work done, no meeting convened: none
    assert meeting_of(doc("2023年河道保洁工作开展情况", "今年以来，全县累计清理河道垃圾300吨。")) is None


def test_a_leader_who_gives_views_on_the_work_speaks():
    # 就…讲了具体意见: views given on the work, a speech
    found = meeting("某县召开河长制工作推进会", "4月2日，某县召开河长制工作推进会。",
                    "副县长李强也就巡河工作讲了具体意见。")
    assert [(p.name, p.role) for p in found.people] == [("李强", "speaker")]


def test_a_leader_listed_before_the_kinds_of_people_sent_attends():
    # 副县长甲，县直有关单位主要负责同志，各乡镇党委书记等参加会议: the kinds of people
    # between the leader and the verb leave him in the list
    found = meeting("某县召开河长制工作推进会", "4月2日，某县召开河长制工作推进会。",
                    "副县长李强，县直有关单位主要负责同志，各乡镇党委书记等参加会议。")
    assert [(p.name, p.title, p.role) for p in found.people] == [("李强", "副县长", "attendee")]


def test_bodies_a_directive_names_after_and_are_no_attending_units():
    # …落实县委以及县环委会的部署 after a leader's 要求: the bodies whose plans are to be
    # carried out, no list of attendees after people
    found = meeting("某县召开推进会", "7月4日，某县召开推进会。",
                    "副县长李强要求各部门要全面落实县委、县政府以及县环委会关于扬尘治理的部署。")
    assert found.units == []
    # after people, such a list names the bodies that attended
    found = meeting("某县召开推进会", "7月4日，某县召开推进会。", "副县长李强以及县城管局、县交通局负责同志参加会议。")
    assert found.units == ["县城管局", "县交通局"]


def test_a_deployment_meeting_is_held_by_no_department_its_name_opens_with():
    # …工作部署会: the 部 of 部署, no body holding the meeting
    found = meeting(None, "15日，我市召开河湖清障工作部署会。副市长李强出席会议。")
    assert (found.name, found.organizer) == ("河湖清障工作部署会", None)


def test_a_report_whose_meeting_asks_for_meetings_to_come_is_still_one():
    doc = Document("x.txt", "txt", title=None, blocks=["3月5日，青川县召开大气污染防治工作调度会，会议要求各乡镇每月召开一次推进会。"])
    assert meeting_of(doc).name == "大气污染防治工作调度会"


@pytest.mark.parametrize(
    ("blocks", "name", "organizer", "people", "units"),
    [
        # a body holds its scope's meeting: 市生态环境局 of 市生态环境局全市…会议 is its organizer
        (["2月1日，市生态环境局全市水污染治理推进工作会议在市政务中心召开。副市长王明出席会议。"],
         "全市水污染治理推进工作会议", "市生态环境局", [("王明", "attendee")], []),
        # 参加会议并作动员讲话 is a speech, as 出席会议并讲话 is
        (["1月11日，我县创建省级生态文明示范县动员会召开。在县环保局五楼会议室，副县长李华参加会议并作动员讲话。"],
         "我县创建省级生态文明示范县动员会", None, [("李华", "speaker")], []),
        # a unit's head passing on a meeting's spirit attends
        (["4月16日，我县在政府二楼会议室召开生态环境工作推进会。会上，县生态环境分局负责人传达了全市会议精神。"],
         "生态环境工作推进会", None, [], ["县生态环境分局"]),
    ],
)
def test_organizer_before_a_scope_speeches_after_attending_and_units_passing_on(blocks, name, organizer, people, units):
    meeting = meeting_of(Document("x.txt", "txt", blocks=blocks))
    assert (meeting.name, meeting.organizer) == (name, organizer)
    assert [(p.name, p.role) for p in meeting.people] == people
    assert meeting.units == units


@pytest.mark.parametrize(
    ("paragraph", "people"),
    [
        # titled persons before a kind of people who came share its verb (…，各乡镇主要负责人参加会议)
        ("6月3日，松岭区委书记周明远主持召开区生态环境保护委员会会议。区委副书记、区长钱立华，"
         "副区长、市公安局松岭分局局长、二级高级警长孙浩，副区长吴敏以及委员会成员相关单位，各镇（街道）主要负责人参加会议。",
         [("周明远", "chair"), ("钱立华", "attendee"), ("孙浩", "attendee"), ("吴敏", "attendee")]),
        # 县直有关部门主要负责同志等: a kind of people closes the list after one titled person
        ("5月9日晚，县长郑平主持召开秸秆禁烧会商调度会。副县长冯涛，县直有关部门主要负责同志等参加会议。",
         [("郑平", "chair"), ("冯涛", "attendee")]),
        # bare names after 以及, closed by a long kind (等县四套班子在家领导), one of a rare surname
        ("4月2日，县委书记何东主持召开调度会。县委副书记杜川、县政协主席邱洁，以及罗平、但明远、许安等县四套班子在家领导出席。",
         [("何东", "chair"), ("杜川", "attendee"), ("邱洁", "attendee"), ("罗平", "attendee"),
          ("但明远", "attendee"), ("许安", "attendee")]),
        # an attendee whose sentence after the meeting gives instructions speaks (会后，甲安排部署了…)
        ("6月15日，青川县召开环保工作会，副县长柳青出席。会后，柳青安排部署了下一阶段工作。", [("柳青", "speaker")]),
        # attendees named together who then instruct together (甲、乙分别就…提出了具体要求) all speak
        ("6月15日，青川县召开环保工作会。县长吴立主持会议并讲话。副县长柳青，副县长韩梅出席会议。会上，县林业局作了发言。"
         "柳青、韩梅分别结合分管领域就河道保洁工作提出了具体要求。",
         [("吴立", "chair"), ("柳青", "speaker"), ("韩梅", "speaker")]),
        # the kind of people between 的 and 有 (出席会议的县领导有：…)
        ("5月6日，青川县召开河长制工作会议。出席会议的县领导有：邵安、柳青、韩梅。",
         [("邵安", "attendee"), ("柳青", "attendee"), ("韩梅", "attendee")]),
        # 出席会议并提出要求: who attends and gives instructions in one breath speaks
        ("5月2日，市政府召开秸秆禁烧工作会议。副市长柳青出席会议并提出具体要求。", [("柳青", "speaker")]),
        # 参加会议并介绍…: who attends and introduces a matter reports
        ("3月8日，区政协召开协商会。副区长陶然参加会议并介绍相关工作。", [("陶然", "reporter")]),
    ],
)
def test_attendance_closed_by_a_kind_of_people(paragraph, people):
    found = meeting_of(Document("x.txt", "txt", blocks=[paragraph]))
    assert sorted((p.name, p.role) for p in found.people) == sorted(people)


def test_a_quoted_theme_with_a_comma_stays_in_the_name():
    found = meeting_of(Document("x.txt", "txt", blocks=["3月8日，区政协召开“坚持节水优先，守护清澈河湖”专题协商会。"]))
    assert found.name == "“坚持节水优先，守护清澈河湖”专题协商会"


@pytest.mark.parametrize(
    "paragraph, people",
    [
        # a repost's blank after 、 parts no list of people
        ("3月5日，云溪县召开大气污染防治工作推进会。副县长张明华、 李东升、 王立新出席会议。",
         [("张明华", "attendee"), ("李东升", "attendee"), ("王立新", "attendee")]),
        # instructions after the higher meeting a place listened to (全市会议结束后，甲强调…)
        ("3月5日，云溪县组织收听收看全市秸秆禁烧工作视频会议。副县长张明华在县分会场收看。全市会议结束后，张明华强调，要严防死守。",
         [("张明华", "speaker")]),
        ("12月9日，北溪市冬季大气污染防控电视电话会议召开。县长李明在云溪分会场参加。全市电视电话会议后，李明安排了我县工作。",
         [("李明", "speaker")]),
        # a place before its organ's post is no name (云溪县委副书记、县长甲)
        ("6月19日，云溪召开全县河长制工作推进会。云溪县委书记段立出席并讲话，云溪县委副书记、县长吴立作工作安排。",
         [("段立", "speaker"), ("吴立", "speaker")]),
        # ... as before the post of its discipline commission or court (黄溪县纪委副书记)
        ("8月7日，黄溪县召开整改推进会。黄溪县纪委副书记、监察局局长刘长青，县环保局等单位负责人参加会议。",
         [("刘长青", "attendee")]),
        # two lists joined by 以及, the second of bare names closed by their kind; a
        # visiting inspector's 希望 and a host's 表示 are instructions given
        ("8月25日，云溪经开区召开专项督察情况反馈会议，省督察组组长王立，副市长蒋平以及顾安、周成等经开区领导参加会议。"
         "王立希望，经开区要抓好整改。经开区党工委书记顾安表示，将切实担负整改主体责任。",
         [("王立", "speaker"), ("蒋平", "attendee"), ("顾安", "speaker"), ("周成", "attendee")]),
        # 作具体部署 is a speech; who came to guide the meeting attends it
        ("2月22日，北溪市召开污染防治攻坚战动员大会。市长杜立作具体部署，省生态环境厅环境监察专员王平到会指导。副市长李秋主持。",
         [("杜立", "speaker"), ("王平", "attendee"), ("李秋", "chair")]),
        # who deploys a meeting's work speaks
        ("12月9日，北溪市召开大气污染防控电视电话会议。会上，副市长罗云通报了全市工作情况。市委副书记、市长元立安排部署了全市大气污染防治工作。",
         [("罗云", "reporter"), ("元立", "speaker")]),
        # ... spaced after its comma, as a Traditional repost is
        ("9月5日, 云溪县组织收看全省河长制工作视频会议。 副县长张明华在县分会场收看。 全省会议结束后, 张明华强调, 要压实责任。",
         [("张明华", "speaker")]),
        # an attendee named again after a title, who sums up and deploys, speaks
        ("5月8日，云溪县召开河长制工作会议。县领导周立、沈平等参加会议。县长沈平对去年工作进行了总结，并对今年工作进行部署。",
         [("周立", "attendee"), ("沈平", "speaker")]),
        # posts held by no one named close the list as a kind of people does
        ("日前，云溪县林长制工作座谈会在县林业局召开。县林业局局长韩松，县林业局总工程师陈立，国有林场场长，各乡镇林业站站长参加会议。",
         [("韩松", "attendee"), ("陈立", "attendee")]),
        # a joint meeting's convener is a title (领导小组总协调人)
        ("6月1日，云溪新区召开督察配合保障专题会。新区党工委委员、管委会副主任，新区配合保障工作领导小组总协调人徐立出席会议并讲话。",
         [("徐立", "speaker")]),
    ],
)
def test_people_of_reposts_teleconferences_and_posts(paragraph, people):
    found = meeting_of(Document("x.txt", "txt", blocks=[paragraph]))
    assert sorted((p.name, p.role) for p in found.people) == sorted(people)


@pytest.mark.parametrize(
    "paragraph, organizer",
    [
        # bodies that convene together are the organizer as listed
        ("3月5日，北溪市委办、市政府办联合召开生态环境保护督察整改工作推进会。", "北溪市委办、市政府办"),
        ("2月28日，东河区河长办与西河区河长办联合召开联合河长制工作座谈会。", "东河区河长办与西河区河长办"),
        # a county after its province
        ("3月5日，南岭省云峰瑶族自治县召开秸秆禁烧工作会议。", "南岭省云峰瑶族自治县"),
        # a meeting named after the county's 城乡 work: the county, not a township 县城乡
        ("8月2日，青石县城乡人居环境整治现场观摩推进会在连木沁镇召开。", "青石县"),
    ],
)
def test_joint_organizers_and_a_county_after_its_province(paragraph, organizer):
    assert meeting_of(Document("x.txt", "txt", blocks=[paragraph])).organizer == organizer


def test_zones_and_bodies_that_pass_on_or_exchange_attend():
    found = meeting_of(Document("x.txt", "txt", blocks=[
        "3月5日，北溪市召开大气污染防治调度会。会上，市生态环境局传达了全省会议精神，通报了近期工作情况；"
        "各区县、南湖新区、高新区交流了工作推进情况。"]))
    assert found.units == ["市生态环境局", "南湖新区", "高新区"]


def test_a_papers_report_of_yesterday_and_a_counted_kind_of_meeting():
    found = meeting_of(Document("x.txt", "txt", published=date(2018, 8, 23), blocks=[
        "为落实全省会议精神，昨天，市污染防治攻坚行动指挥部办公室召开了第一次旬工作调度会。"]))
    assert (found.date, found.name) == (date(2018, 8, 22), "第一次旬工作调度会")
    # ... and of the day it is published (今天上午，)
    found = meeting_of(Document("x.txt", "txt", published=date(2018, 8, 23), blocks=[
        "今天上午，市污染防治攻坚行动指挥部办公室召开旬工作调度会。"]))
    assert found.date == date(2018, 8, 23)
    # a count alone is a session of the body that convened it
    found = meeting_of(Document("x.txt", "txt", blocks=["1月17日，县生态环境保护委员会召开2020年第一次全会。"]))
    assert found.name == "县生态环境保护委员会2020年第一次全会"


def test_fields_whose_people_attend_are_their_departments():
    found = meeting_of(Document("x.txt", "txt", blocks=["3月5日，北溪市召开扬尘治理现场会。市环保、住建、城管等19家单位负责人参加会议。"]))
    assert found.units == ["市环保部门", "市住建部门", "市城管部门"]
    # the count of the fields before the 部门 they share
    found = meeting_of(Document("x.txt", "txt", blocks=["6月2日，南塘县召开河道保洁推进会。水务、林业、财政三部门负责人依次发言。"]))
    assert found.units == ["水务部门", "林业部门", "财政部门"]


def test_bodies_named_by_a_post_without_its_holder_attend():
    # category 6: 开发区管委会主任 attends for the committee; the bodies before it too
    found = meeting_of(Document("x.txt", "txt", blocks=[
        "9月9日，柳溪县召开污水管网建设调度会。县住建局、县水利局局长、工业园区管委会主任等参加会议。"]))
    assert found.units == ["县住建局", "县水利局", "工业园区管委会"]


def test_towns_that_state_their_commitment_report():
    found = meeting_of(Document("x.txt", "txt", blocks=[
        "1月4日，云溪县召开秋冬季大气污染防治攻坚推进会议。会上，东岭镇、西岭镇、城南街道进行了表态发言。"]))
    assert found.units == ["东岭镇", "西岭镇", "城南街道"]


def test_a_notice_issuing_minutes_reports_the_meeting_they_record():
    found = meeting("青溪市生态环境局关于印发全市扬尘治理推进会会议纪要的通知",
                    "各区县生态环境分局：",
                    "3月12日，我局主持的全市扬尘治理推进会（以下简称推进会）在青溪宾馆召开。现将会议纪要印发给你们。")
    assert (found.name, found.date, found.location) == ("全市扬尘治理推进会", None, "青溪宾馆")
    # a notice of any other kind reports none
    assert meeting_of(doc("关于做好扬尘治理工作的通知", "3月12日，市政府召开扬尘治理推进会。")) is None


def test_the_place_said_in_its_own_clause_before_who_convened():
    found = meeting(None, "5月6日，在县政府二楼会议室，由副县长王明远主持召开了秸秆禁烧工作协调会，县农业农村局参加。")
    assert (found.name, found.location, found.date) == ("秸秆禁烧工作协调会", "县政府二楼会议室", None)


def test_places_named_bare_share_the_organ_named_last():
    found = meeting(None, "3月5日，市生态环境局召开联席会议，东湖、西湖、南湖生态环境局分管负责同志参加会议。")
    assert found.units == ["东湖生态环境局", "西湖生态环境局", "南湖生态环境局"]
    # people named before a unit are no places
    found = meeting(None, "3月5日，市生态环境局召开联席会议，王明远、李华、县生态环境局负责同志参加会议。")
    assert "王明远生态环境局" not in found.units


def test_an_organ_speaking_of_itself_is_the_one_the_title_names():
    found = meeting("青溪市生态环境局办公室关于印发全市扬尘治理推进会会议纪要的通知",
                    "3月12日，我局主持的全市扬尘治理推进会在青溪宾馆召开。")
    assert found.organizer == "青溪市生态环境局"
    # with no issuer in the title, none is guessed
    assert meeting(None, "3月12日，我局在青溪宾馆召开全市扬尘治理推进会。").organizer is None


def test_attendance_closed_by_work_leads_or_a_team():
    found = meeting(None, "3月5日，市生态环境局召开联席会议，市生态环境局水处、市监测中心有关工作负责同志，"
                          "东湖、青州生态环境局分管负责同志，技术支持中心团队参会。")
    assert found.units == ["市生态环境局水处", "市监测中心", "东湖生态环境局", "青州生态环境局", "技术支持中心"]


def test_a_speech_names_its_meeting_speaker_and_date():
    blocks = ["在2023年全县秸秆禁烧工作会议上的讲话", "副县长 罗青山", "（2023年9月26日）", "同志们：",
              "今天召开会议，安排部署秋季秸秆禁烧工作。各乡镇要落实巡查责任。"]
    meeting = meeting_of(Document("t", "txt", title=blocks[0], blocks=blocks))
    assert meeting.name == "2023年全县秸秆禁烧工作会议"
    assert meeting.date == date(2023, 9, 26)
    assert [(p.name, p.title, p.role) for p in meeting.people] == [("罗青山", "副县长", "speaker")]


def test_a_host_script_names_its_meeting():
    blocks = ["全县环境保护工作会议主持词", "同志们：", "下面，请县长**同志讲话。"]
    meeting = meeting_of(Document("t", "txt", title=blocks[0], blocks=blocks))
    assert meeting.name == "全县环境保护工作会议"


def test_a_dateline_run_into_who_convened_after_the_part_of_the_day():
    found = meeting(None, "为落实全市会议要求，6月3日上午青川区人民政府组织召开全区扬尘治理部署会议。", published=date(2021, 6, 4))
    assert (found.date, found.organizer, found.name) == (date(2021, 6, 3), "青川区人民政府", "全区扬尘治理部署会议")


def test_who_gathers_people_to_a_meeting_chairs_it():
    found = meeting(None, "本报讯 3月2日上午，副县长王明远召集各乡镇负责人召开会议，部署秸秆禁烧工作。王明远要求，要严防死守。")
    assert [(p.name, p.role) for p in found.people] == [("王明远", "chair")]


def test_concluding_remarks_that_give_instructions_are_a_speech():
    found = meeting(None, "4月5日，青川区召开河道整治推进会。最后，区委常委周文涛，副区长吴宏亮分别作了总结发言，要求各街道压实责任。")
    assert {(p.name, p.role) for p in found.people} == {("周文涛", "speaker"), ("吴宏亮", "speaker")}


def test_an_attendee_who_sets_out_points_in_aspects_speaks():
    found = meeting(None, "5月6日，青川县召开环境整治动员会议。县长周文涛，副县长吴宏亮出席会议。",
                    "县长周文涛从统一思想、提高站位，突出重点、攻坚克难，明确目标、坚定信心等三个方面进行了强调和要求。")
    assert {(p.name, p.role) for p in found.people} == {("周文涛", "speaker"), ("吴宏亮", "attendee")}


def test_bare_kinds_of_local_government_in_an_attendance_list_are_no_units():
    found = meeting(None, "5月6日，青川县召开环境整治动员会议。各镇、街道政府主要负责同志，县林业局负责同志参加会议。")
    assert found.units == ["县林业局"]


def test_a_bureaus_own_page_names_the_person_between_the_bureau_and_the_post():
    found = meeting(None, "8月8日，青川区召开扬尘治理部署会议。青川市生态环境局周文涛副局长出席会议并讲话。")
    assert [(p.name, p.title, p.role) for p in found.people] == [("周文涛", "青川市生态环境局副局长", "speaker")]


def test_a_work_report_and_examples_told_one_after_another_are_reports():
    found = meeting(None, "7月5日，青川市召开全市环境保护工作会议。副市长周文涛同志作工作报告；"
                    "青川湖自然保护区管理局、市水务局、东溪镇政府先后作了典型发言。")
    assert [(p.name, p.role) for p in found.people] == [("周文涛", "reporter")]
    assert found.units == ["青川湖自然保护区管理局", "市水务局", "东溪镇政府"]


def test_the_count_of_an_unnumbered_meeting_is_no_part_of_its_name():
    assert meeting(None, "3月11日，青川区召开了一次河长制调度会议。").name == "河长制调度会议"
    assert meeting(None, "3月11日，青川区河长办召开第一次全体会议。").name == "青川区河长办第一次全体会议"


def test_who_took_part_said_before_the_meetings_name_is_no_part_of_it():
    found = meeting(None, "6月18日下午3点，青川镇政府召开由各村党支部书记参加的人居环境整治推进会。")
    assert (found.name, found.organizer) == ("人居环境整治推进会", "青川镇政府")


def test_a_bodys_middle_ranks_or_whole_staff_close_its_name_in_an_attendance_list():
    found = meeting(None, "5月6日，青川县召开环境整治动员会议。各乡镇主要负责同志，县林业局中层以上干部，"
                    "县水利局全体干部职工，重点企业负责人参加会议。")
    assert found.units == ["县林业局", "县水利局"]


def test_a_papers_dateline_of_a_day_alone_is_of_its_month_or_the_one_before():
    lead = "本报讯（通讯员 林青） 23日下午，区政府组织召开全区扬尘治理推进会，副区长周文涛作重要讲话。"
    assert meeting(None, lead, published=date(2018, 11, 29)).date == date(2018, 11, 23)
    assert meeting(None, lead, published=date(2019, 1, 2)).date == date(2018, 12, 23)
    # with no date of the paper the day names none
    assert meeting(None, lead).date is None


@pytest.mark.parametrize(
    ("paragraph", "people"),
    [
        # a work report with the year and scope it covers between 作了 and 报告 is a report
        ("3月2日，东林县召开环保工作会议。县环保局局长钱进作了2013年全县环境保护工作报告，副县长许华作总结讲话。",
         [("钱进", "reporter"), ("许华", "speaker")]),
        # whoever asked another to act for them (受县长甲委托) is not at the meeting
        ("7月1日，西河县召开环境执法座谈会。受县长王强委托，副县长李梅出席会议并讲话。", [("李梅", "speaker")]),
        ("7月1日，西河县召开环境执法座谈会。受局长王强委托副局长李梅主持会议。", [("李梅", "chair")]),
        # an invited guest attends
        ("7月1日，西河县召开环境执法座谈会。市生态环境局副局长赵华应邀出席会议。", [("赵华", "attendee")]),
        # the party who came with a visitor is no part of the name
        ("7月1日，西河县召开环境执法座谈会。市督察组组长何伟一行出席会议。", [("何伟", "attendee")]),
        # comments on the work reported are a speech
        ("7月1日，西河县召开环境执法座谈会。副县长李梅对各乡镇工作进行了点评。", [("李梅", "speaker")]),
        # a thorough plan of work laid out is a speech
        ("7月1日，西河县召开环境执法座谈会。副县长李梅对全县执法工作作了全面部署。", [("李梅", "speaker")]),
        # explaining a document or a matter is a report
        ("7月1日，西河县召开环境执法座谈会。县生态环境局局长周敏解读了《西河县环境执法办法》。", [("周敏", "reporter")]),
        ("7月1日，西河县召开环境执法座谈会。县生态环境局副局长钱进就方案起草情况作了说明。", [("钱进", "reporter")]),
    ],
)
def test_reports_with_their_subject_and_people_acting_on_behalf(paragraph, people):
    found = meeting_of(Document("x.txt", "txt", blocks=[paragraph]))
    assert sorted((p.name, p.role) for p in found.people) == sorted(people)


@pytest.mark.parametrize(
    ("paragraph", "units"),
    [
        # the bodies of the posts of people attending are no attending units
        ("4月9日，北港区召开环境整治推进会。区人大常委会副主任孙红、区政协副主席周宁出席会议。", []),
        # bodies invited or sending someone attend
        ("7月1日，西河县召开环境执法座谈会。县公安局、县消防大队应邀派员参加会议。", ["县公安局", "县消防大队"]),
        ("7月1日，西河县召开环境执法座谈会。县法院、县检察院派员参加会议。", ["县法院", "县检察院"]),
        # guests invited, named by who came for them (有关专家)
        ("7月1日，西河县召开环境执法座谈会，会议邀请了市生态环境局、市气象局有关专家参加。", ["市生态环境局", "市气象局"]),
        # the offices of a body that came (相关科室负责人) close the list
        ("7月1日，西河县召开环境执法座谈会。县公安局、县林业局、县水利局相关科室负责人参加会议。",
         ["县公安局", "县林业局", "县水利局"]),
        # the attending units listed after a label of their own
        ("7月1日，西河县召开环境执法座谈会。参会单位有：县公安局、县林业局、县水利局。", ["县公安局", "县林业局", "县水利局"]),
        # bodies whose report an adverb sets off (重点汇报 / 简要介绍) report all the same
        ("7月1日，西河县召开环境执法座谈会。会上，甲省、乙省分别发言，丙省、丁自治区重点汇报了整治进展。",
         ["甲省", "乙省", "丙省", "丁自治区"]),
        ("7月1日，西河县召开环境执法座谈会。县林业局、县水利局简要介绍了巡查情况。", ["县林业局", "县水利局"]),
        # a city's towns and sub-districts named together are a collective, no attending unit
        ("7月1日，西河县召开环境执法座谈会。县公安局、镇街分管负责人参加会议。", ["县公安局"]),
        # each body named with whom of it came (相关业务科室, 相关工作人员, 分管领导), the list going on after each
        ("7月1日，西河县召开环境执法座谈会。县公安局相关业务科室、县林业局相关工作人员、东坪镇、柳河乡分管领导参加会议。",
         ["县公安局", "县林业局", "东坪镇", "柳河乡"]),
    ],
)
def test_units_attending_by_invitation_not_by_posts(paragraph, units):
    assert meeting_of(Document("x.txt", "txt", blocks=[paragraph])).units == units


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # an account of how the meeting went reports it
        ("关于召开全县重点企业环境安全工作会议的情况", "全县重点企业环境安全工作会议"),
        ("关于全市扬尘治理推进会召开情况的报告", "全市扬尘治理推进会"),
    ],
)
def test_an_account_of_a_meeting_reports_it(title, name):
    found = meeting_of(doc(title, f"6月3日，县环保局召开{name}。"))
    assert found is not None and found.name == name


def test_a_name_opening_with_what_the_meeting_did_names_no_body():
    # 研究城区… is the topic, not a district holding the meeting
    found = meeting("关于研究城区污水管网建设有关问题的专题会议纪要",
                    "4月12日下午，副市长冯建华主持召开专题会议，研究城区污水管网建设有关问题。")
    assert (found.name, found.organizer) == ("研究城区污水管网建设有关问题专题会议", None)


def test_a_bodys_plenary_session_is_named_with_the_body():
    found = meeting("石门市生态环境保护委员会召开全体会议",
                    "3月28日，市生态环境保护委员会召开全体会议，市委书记宋涛出席并讲话。")
    assert (found.name, found.organizer) == ("市生态环境保护委员会全体会议", "市生态环境保护委员会")


@pytest.mark.parametrize(
    ("title", "paragraph", "name"),
    [
        # a meeting held before the reported one is the time of it, not the meeting reported
        ("东林县召开大气污染防治工作会议",
         "5月6日，全省大气污染防治工作电视电话会议召开后，东林县紧接着召开全县大气污染防治工作会议。",
         "全县大气污染防治工作会议"),
        # the lead reports the higher meeting the place listened to; the title, the one it held after
        ("东林县召开秸秆禁烧工作推进会",
         "5月6日上午，全省秸秆禁烧工作视频会议召开。会后，我县随即召开全县秸秆禁烧工作推进会，副县长张明出席并讲话。",
         "全县秸秆禁烧工作推进会"),
        ("东林县召开秸秆禁烧工作推进会",
         "5月6日上午，东林县组织收听收看全省秸秆禁烧工作视频会议。会后，东林县召开全县秸秆禁烧工作推进会。",
         "全县秸秆禁烧工作推进会"),
        # the lead names the title's meeting without its year: it stays the lead
        ("东林县召开2020年秸秆禁烧工作推进会",
         "5月6日，东林县秸秆禁烧工作推进会在县政府三楼会议室召开。",
         "东林县秸秆禁烧工作推进会"),
        # a title on the meeting listened to keeps it
        ("东林县组织收听收看全省秸秆禁烧工作视频会议",
         "5月6日上午，全省秸秆禁烧工作视频会议召开。东林县在县分会场组织收听收看。",
         "全省秸秆禁烧工作视频会议"),
    ],
)
def test_the_meeting_reported_after_the_one_listened_to(title, paragraph, name):
    assert meeting(title, paragraph).name == name


def test_a_lead_naming_the_titles_meeting_without_its_year_keeps_its_place():
    found = meeting("东林县召开2020年秸秆禁烧工作推进会", "5月6日，东林县秸秆禁烧工作推进会在县政府三楼会议室召开。")
    assert found.location == "县政府三楼会议室"


def test_who_sums_up_and_instructs_last_speaks_and_bodies_speak_through_representatives():
    # 最后由甲书记总结强调：the closing speaker (总结 no part of the title); 县X局、县Y局代表
    # 分别发言: the bodies whose representatives spoke are the meeting's units
    m = meeting("某镇召开河长制工作会议",
                "5月8日，王明副镇长主持召开全镇河长制工作会议。会上，县水利局、县林业局代表分别发言，"
                "最后由李强书记总结强调：一是加强巡河；二是落实台账。")
    assert [(p.name, p.title, p.role) for p in m.people] == [("王明", "副镇长", "chair"), ("李强", "书记", "speaker")]
    assert m.units == ["县水利局", "县林业局"]


def test_the_branch_venue_a_place_watched_a_video_meeting_at_is_its_location():
    # 某县组织收看…视频会议。…在某县分会场收看了会议: where the place watched it
    m = meeting("青禾县组织收看全省河长制工作视频会议",
                "6月3日，青禾县组织收看全省河长制工作视频会议。副县长王明、各乡镇负责人在青禾分会场收看了会议。")
    assert m.location == "青禾分会场"
    # a place the convening sentence names wins
    m = meeting("青禾县组织收看全省河长制工作视频会议",
                "6月3日，青禾县在县政府三楼会议室组织收看全省河长制工作视频会议。副县长王明在青禾分会场收看。")
    assert m.location == "县政府三楼会议室"


def test_a_clause_naming_a_river_chief_meeting_is_no_person_with_a_title():
    # 东湖镇召开河长制工作推进会 holds 河长 but ends with no post: 东湖 is no person
    m = meeting("东湖镇召开河长制工作推进会", "5月6日，东湖镇召开河长制工作推进会，张三主持会议并讲话。")
    assert [(p.name, p.title, p.role) for p in m.people] == [("张三", None, "chair")]
    # a name then its post, unspaced, still reads
    m = meeting("东湖镇召开河长制工作推进会", "5月6日，东湖镇召开河长制工作推进会，李振国副镇长主持会议。")
    assert [(p.name, p.title, p.role) for p in m.people] == [("李振国", "副镇长", "chair")]


def test_a_report_of_what_a_meeting_set_names_it_as_held_there():
    # 在X召开的Y会议上，明确了…: the report's meeting is Y, held at X; a day said there is no place
    found = meeting(
        "青溪县明确今年河湖治理八项重点工作",
        "5月12日，在青溪县水利局召开的河长制成员单位联席会议上，明确了今年八项重点工作。",
        published=date(2023, 5, 13),
    )
    assert (found.name, found.date, found.location) == ("河长制成员单位联席会议", date(2023, 5, 12), "青溪县水利局")
    found = meeting(
        "青溪县部署秋冬季大气污染防治",
        "在近日召开的全县大气污染防治调度会上，县政府对秋冬季攻坚作出部署。",
        published=date(2023, 10, 9),
    )
    assert (found.name, found.location) == ("全县大气污染防治调度会", None)


def test_a_meeting_convened_for_a_purpose_run_into_its_bare_name():
    # …召开会议部署…: the purpose runs into the bare name, no comma between; who gathered
    # whom said in the clause before names the organizer, and the bare 会议 is its meeting
    found = meeting(
        "青溪区部署河道保洁整改销号工作",
        "6月3日上午，区河长办召集各街道及区有关部门，召开会议部署河道保洁问题整改销号工作。",
        published=date(2023, 6, 3),
    )
    assert (found.name, found.date, found.organizer) == ("区河长办会议", date(2023, 6, 3), "区河长办")
    found = meeting(
        "青溪区研究河道保洁工作",
        "6月3日上午，区河长办召开专题会议研究河道保洁工作。",
        published=date(2023, 6, 3),
    )
    assert (found.name, found.organizer) == ("专题会议", "区河长办")


def test_minutes_without_a_title_are_a_meeting_by_their_own_head(tmp_path):
    # a village's minutes pasted without a title: its head (时间 / 地点 / 主持人) is the
    # meeting's, its lines no title
    from minutes.nlp.normalize import normalize
    from minutes.readers import read

    page = tmp_path / "minutes.txt"
    page.write_text("会议时间：2024年4月19日\n会议地点：青禾村会议室\n主持人：郑明\n记录人：王芳\n"
                    "会议内容：1、开展村庄清洁行动。\n", encoding="utf-8")
    document = normalize(read(page))
    assert document.title is None
    meeting = meeting_of(document)
    assert (meeting.name, meeting.date, meeting.location) == (None, date(2024, 4, 19), "青禾村会议室")
    assert [(p.name, p.role) for p in meeting.people] == [("郑明", "chair")]


def test_a_datelines_day_may_be_spoken_with_hao():
    found = meeting(None, "东林网讯 8月30号下午，东林县召开秸秆禁烧工作推进会。", published=date(2019, 9, 3))
    assert (found.date, found.name) == (date(2019, 8, 30), "秸秆禁烧工作推进会")


def test_a_committee_of_the_whole_county_in_session_convenes_its_meeting():
    # 全县…委员会第一次全体会议: the county's committee meets; 全县…工作会议 names no body
    found = meeting(None, "4月25日，全县河湖长制委员会第三次全体会议召开。县长周文涛出席会议并讲话。")
    assert found.organizer == "县河湖长制委员会"
    assert meeting(None, "4月25日，全县河湖长制工作会议召开。县长周文涛出席会议并讲话。").organizer is None


def test_the_whole_of_a_place_whose_work_is_heard_is_no_unit():
    found = meeting(None, "8月30日，东林区召开生态环境保护工作专题会议，听取全区及各镇街空气质量情况汇报。"
                    "东林区环保局、东林区住建局负责同志参加会议。")
    assert found.units == ["东林区环保局", "东林区住建局"]


def test_four_characters_are_a_name_only_after_a_surname_of_two():
    # 严格考评通报: 严 is a surname, but a name of four characters has one of two (欧阳…)
    found = meeting(None, "10月28日，青川市召开大气污染防治攻坚工作会议。副市长周立新主持会议。"
                    "会议要求，要压实巡查责任，严格考评通报和问责。欧阳志远通报了督查情况。")
    assert [(p.name, p.role) for p in found.people] == [("周立新", "chair"), ("欧阳志远", "reporter")]


def test_who_answers_for_an_office_is_titled_by_it_and_a_qualifier_names_no_one():
    # 水环境处负责人甲: 负责人 is the post (the second of two); 相关负责人 names no one
    found = meeting(None, "10月28日，青川市召开大气污染防治攻坚工作会议。省生态环境厅督导组副组长、水环境处负责人钱保国到会指导。"
                    "东林区人民政府相关负责人作表态发言。")
    assert [(p.name, p.title, p.role) for p in found.people] == [
        ("钱保国", "省生态环境厅督导组副组长、水环境处负责人", "attendee")]


def test_a_name_after_a_post_is_a_person_even_when_it_ends_like_a_section():
    # 范立科 could be read as a section (科) alone; after 副县长 it is the person's name
    found = meeting(None, "3月10日，东林县召开生态环境保护工作会议，副县长范立科、政协副主席吴海燕出席。"
                    "范立科要求，要压实责任，抓好巡查。")
    assert [(p.name, p.title, p.role) for p in found.people] == [
        ("范立科", "副县长", "speaker"), ("吴海燕", "政协副主席", "attendee")]


def test_surnames_of_today_outside_the_old_list_and_those_who_stand_for_a_body():
    # category 6: 代 (代红) names a person after a post; 代表 of those sent by a body is no name
    found = meeting(None, "10月12日，青川市召开生态环境问题整改推进会。副市长周立新出席会议并讲话，"
                    "市政府副秘书长代红主持会议。市水利局代表作表态发言。")
    assert [(p.name, p.title, p.role) for p in found.people] == [
        ("周立新", "副市长", "speaker"), ("代红", "市政府副秘书长", "chair")]
    assert found.units == ["市水利局"]


def test_a_body_that_leads_the_gathering_of_others_convenes_the_meeting_they_attend():
    # category 6: 由X牵头组织A、B等成员单位，召开…: X convenes, A and B attend
    found = meeting(None, "5月14日，副市长王刚带队巡河。巡河结束后，由县河长办牵头组织县水利局、县农业农村局等成员单位和各乡镇，"
                    "召开河长制工作季度例会，副县长王刚出席会议。")
    assert (found.name, found.organizer, found.units) == ("河长制工作季度例会", "县河长办", ["县水利局", "县农业农村局"])


def test_a_time_after_zai_is_no_place_the_meeting_was_held_at():
    # category 6: 在全省视频会后随即召开: when the meeting was held, not where
    found = meeting(None, "8月25日，青川市在全省视频会后随即召开专题部署会议。")
    assert (found.name, found.location, found.organizer) == ("专题部署会议", None, "青川市")
    found = meeting(None, "8月25日，青川市在市政府三楼会议室召开专题部署会议。")
    assert found.location == "市政府三楼会议室"


def test_a_date_said_after_yu_before_convening_dates_the_meeting():
    # category 6: no dateline opens the report, the date follows 于 in the sentence that
    # convenes; the bodies the sentence opens with convened (…，并于…召开)
    found = meeting_of(Document("x.txt", "txt", blocks=[
        "柳溪县委、县政府高度重视河湖治理，并于2026年3月2日召开全县河湖长制工作会议。副县长甲某主持会议。"]))
    assert (found.date, found.organizer) == (date(2026, 3, 2), "柳溪县委、县政府")
    # (a person opening the sentence is no body convening: 党组 opens the post 党组书记)
    found = meeting_of(Document("x.txt", "txt", blocks=[
        "11月2日，市生态环境局党组书记、局长甲某带队到柳溪县督导大气污染防治工作，并召开座谈会。"]))
    assert found.organizer is None
    found = meeting_of(Document("x.txt", "txt", blocks=[
        "为推进问题整改，柳溪县于2026年4月9日上午在县政府三楼会议室召开整改调度会。"]))
    assert (found.date, found.organizer, found.location) == (date(2026, 4, 9), "柳溪县", "县政府三楼会议室")


def test_a_meeting_named_first_then_the_way_it_was_held():
    # category 6: 以视频会议形式 between the name and 召开 (no convener named before it)
    found = meeting_of(Document("x.txt", "txt", blocks=["2026年6月1日，全县河湖长制工作会议以视频会议形式召开，各乡镇设分会场。"]))
    assert (found.name, found.date) == ("全县河湖长制工作会议", date(2026, 6, 1))


def test_a_body_that_meets_by_itself_names_its_meeting():
    # category 6: 召开会议 with no name of its own is the body's (县政府党组会议); a team that
    # visits and holds a forum to hear reports convenes it (座谈会听取汇报: what it was held for)
    found = meeting_of(Document("x.txt", "txt", blocks=["2026年7月3日，柳溪县政府党组召开会议，研究河湖长制重点工作。"]))
    assert (found.name, found.organizer) == ("柳溪县政府党组会议", "柳溪县政府党组")
    found = meeting_of(Document("x.txt", "txt", blocks=[
        "2026年7月6日，市生态环境局调研组深入柳溪县调研整改工作，并召开座谈会听取汇报。"]))
    assert (found.name, found.organizer) == ("座谈会", "市生态环境局调研组")
    # (组织部分… is 组织 then 部分: the body before it convenes, no 组 of its name)
    found = meeting_of(Document("x.txt", "txt", blocks=[
        "2026年7月5日，县人大常委会组织部分人大代表视察河道治理工作，并召开座谈会。"]))
    assert found.organizer == "县人大常委会"
    found = meeting_of(Document("x.txt", "txt", blocks=["2026年7月5日，县人大常委会组织部分人大代表召开座谈会。"]))
    assert found.organizer == "县人大常委会"


def test_a_place_speaking_of_itself_is_the_one_the_title_opens_with():
    # category 6: 我市召开… under a news title that opens with the city (no 关于: no issuer)
    found = meeting("青溪市冬季清洁取暖工作推进会召开",
                    "11月3日，我市召开全市冬季清洁取暖工作推进会，副市长甲出席会议。")
    assert found.organizer == "青溪市"
    # (a title opening with no place of that level names none: 全市 is no place's name)
    assert meeting("全市冬季清洁取暖工作推进会召开", "11月3日，我市召开全市冬季清洁取暖工作推进会。").organizer is None


def test_a_generic_name_in_the_lead_that_says_more_than_the_title():
    # category 6: the title's 召开会议 names no kind, the lead's 召开专题会议 does
    found = meeting("柳溪县林业局召开会议部署春季森林防火工作",
                    "3月9日，柳溪县林业局组织各林场、县森林消防大队等单位召开专题会议，安排春季森林防火工作。")
    assert (found.name, found.organizer) == ("专题会议", "柳溪县林业局")
    assert found.units == ["县森林消防大队"]


def test_the_day_said_between_who_convened_and_the_verb():
    # category 6: no 于 and no comma around the day (县政府3月5日上午组织…召开 / 某局3月5日召开)
    found = meeting(None, "为推进散煤治理，南岭县政府3月5日上午组织各乡镇政府、县能源办、县供销社和相关单位"
                          "召开散煤治理工作推进会。", published=date(2026, 3, 6))
    assert (found.organizer, found.date, found.units) == ("南岭县政府", date(2026, 3, 5), ["县能源办", "县供销社"])
    found = meeting(None, "北川区农业农村局3月5日召开春季动物防疫工作会议，局长甲主持会议。")
    assert found.organizer == "北川区农业农村局"


def test_an_attendee_named_again_by_surname_and_post_who_instructs():
    # category 6: 副县长韩立新参加会议 … 韩县长要求: the same person, a speaker
    found = meeting(None, "3月5日，南岭县政府召开散煤治理工作推进会。副县长韩立新参加会议。"
                          "会上，韩县长要求：各乡镇要摸清底数。")
    assert [(p.name, p.role) for p in found.people] == [("韩立新", "speaker")]
    # (two of one surname and post: which one instructs is unsaid)
    found = meeting(None, "3月5日，南岭县政府召开散煤治理工作推进会。副县长韩立新、副县长韩明参加会议。"
                          "会上，韩县长要求：各乡镇要摸清底数。")
    assert {p.role for p in found.people} == {"attendee"}
