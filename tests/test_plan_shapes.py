"""Shapes of plans, work schemes and notices of small places as published (transmittal
notices, phased schemes, placeholder years, items without trigger words), each on
sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.models import Document
from minutes.nlp.components.tasks import tasks_of
from minutes.nlp.components.units import units_in
from minutes.nlp.deadline import find

ANCHOR = date(2025, 3, 10)


def extract(*blocks, anchor=ANCHOR):
    return tasks_of(Document("t", "txt", blocks=list(blocks)), anchor=anchor)


def run(*blocks, anchor=ANCHOR):
    return [(t.text, [(u.name, u.role) for u in t.units]) for t in extract(*blocks, anchor=anchor)]


# ---------------------------------------------------------------- notices (category 4)

def test_an_addressee_line_with_members_the_recognizer_does_not_know():
    # the line is a list of addressees: the members that are units count, the rest are
    # left out, and a note after a member (（单位）) does not hide it
    assert run(
        "各镇人民政府、青岚街道办事处，县政府有关部门，云溪产业园管委会，有关科级事业单位：",
        "现将《云溪县扬尘治理方案》转发给你们，请于6月底前报送落实情况。",
    ) == [("请于6月底前报送落实情况",
           [("各镇人民政府", "responsible"), ("青岚街道办事处", "responsible"),
            ("县政府有关部门", "responsible"), ("云溪产业园管委会", "responsible")])]
    assert run(
        "各乡镇人民政府，县政府各工作部门，有关企业：",
        "现将《云溪县臭氧防治方案》印发给你们，请于6月底前报送落实情况。",
    ) == [("请于6月底前报送落实情况", [("各乡镇人民政府", "responsible"), ("县政府各工作部门", "responsible")])]
    assert run(
        "各县（区）环委会，市级有关部门（单位）：",
        "现将《石湾市臭氧防治方案》印发你们，请于6月底前报送落实情况。",
    ) == [("请于6月底前报送落实情况", [("各县（区）环委会", "responsible"), ("市级有关部门（单位）", "responsible")])]


def test_a_reposts_lead_announcing_the_notice_leaves_its_addressee_line_one():
    assert run(
        "日前，云溪县印发《云溪县扬尘治理方案》。全文如下：",
        "各乡镇人民政府，县直有关部门：",
        "现将《云溪县扬尘治理方案》印发给你们，请于6月底前报送落实情况。",
    ) == [("请于6月底前报送落实情况", [("各乡镇人民政府", "responsible"), ("县直有关部门", "responsible")])]


def test_a_line_of_mostly_words_is_no_addressee_line():
    assert run("经研究，现将有关事项通知如下：", "请于6月底前报送自查报告。") == [
        ("请于6月底前报送自查报告", [])]


def test_a_note_pointing_to_the_subject_stands_between_it_and_the_trigger():
    # （详见任务分工） after the addressees, and the members of a named organ 有关 qualifies
    tasks = extract("各县（区）和市环委会有关成员单位（详见任务分工）要制定本地方案，于4月15日前报市环委办备案。")
    assert [(t.text, [u.name for u in t.units], t.deadline.date) for t in tasks] == [
        ("要制定本地方案，于4月15日前报市环委办备案", ["各县（区）", "市环委会有关成员单位"], date(2025, 4, 15))]


def test_a_distributed_list_of_levels_stays_one_addressee_when_others_are_unknown():
    assert run(
        "各市、县（市、区）人民政府，有关企业：",
        "现将《东岚省臭氧治理方案》印发给你们，请于6月底前报送落实情况。",
    ) == [("请于6月底前报送落实情况", [("各市、县（市、区）人民政府", "responsible")])]


# ---------------------------------------------------------------- time limits (category 7)

def test_a_placeholder_year_leaves_the_date_open():
    # a template's or an anonymized repost's year (x年, 20xx年, 20**年) is no year of the
    # document's: the limit stands, its date is unknown
    for phrase in ("x年6月底前，完成排查", "到20xx年底，完成污水纳管", "20**年11月上旬召开动员会", "XX年9月底前建成"):
        deadline = find(phrase, date(2021, 3, 1))
        assert deadline is not None and deadline.kind == "by" and deadline.date is None, phrase
    assert find("2022年6月底前，完成排查", date(2021, 3, 1)).date == date(2022, 6, 30)


def test_the_second_day_of_a_period_closes_its_work():
    anchor = date(2021, 3, 1)
    assert find("5月30日至6月4日开展宣传", anchor).date == date(2021, 6, 4)
    assert find("时间：6月5日一6月30日", anchor).date == date(2021, 6, 30)  # 一: a dash lost in conversion
    assert find("于10月1日—10月31日开展巡查", anchor).date == date(2021, 10, 31)
    assert find("3月24日，县政府召开会议", anchor) is None  # a day alone is a date, not a limit
    # a yearly period is one recurring time
    yearly = find("每年3月15日至4月1日", anchor)
    assert (yearly.kind, yearly.text) == ("recurring", "每年3月15日至4月1日")


def test_a_phase_gives_its_time_to_the_work_of_the_phase():
    tasks = extract(
        "2021年青河镇秸秆禁烧工作方案",
        "三、工作步骤",
        "（一）宣传发动阶段。时间：5月20日至6月1日。组织召开全镇动员会，印发禁烧通告。",
        "（二）全面禁烧阶段。时间：6月2日一6月30日。各村要落实24小时巡查值守。",
        anchor=date(2021, 5, 10),
    )
    assert [(t.text, [u.name for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("组织召开全镇动员会，印发禁烧通告", [], date(2021, 6, 1)),
        ("要落实24小时巡查值守", ["各村"], date(2021, 6, 30)),
    ]


def test_a_phase_heading_closed_by_a_stop_gives_its_period_end_to_the_work_under_it():
    tasks = extract(
        "2016年青河镇河道清障工作方案",
        "二、实施步骤",
        "（一）摸底排查阶段（4月1日至4月20日）。各村要对辖区河道逐段登记阻水构筑物。",
        "（二）集中清障阶段（4月21日至6月15日）。镇水利站要会同镇城建办拆除阻水构筑物。",
        "（三）总结验收阶段（11月）。镇水利站要组织验收。",
        anchor=date(2016, 1, 1),
    )
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("要对辖区河道逐段登记阻水构筑物", date(2016, 4, 20)),
        ("要会同镇城建办拆除阻水构筑物", date(2016, 6, 15)),
        ("要组织验收", date(2016, 11, 30)),
    ]


# ---------------------------------------------------------------- pages run together (category 3)

def test_a_whole_scheme_pasted_as_one_line_is_read_item_by_item():
    # a document site's page: preamble, headings and items in one line; the headings of
    # goals run into their text, a colon before the first phase
    tasks = extract(
        "第1页共3页镇扬尘治理工作方案为改善我镇空气质量，制定本方案。一、指导思想以生态优先为指导，改善空气质量。"
        "二、工作步骤分两个阶段实施：（一）排查阶段（x年3月至4月）1、各村对辖区工地进行全面排查，建立台账。"
        "2、加强宣传，张贴通告。（二）整治阶段（x年5月至6月）1、各村要督促工地落实围挡、覆盖措施。",
        anchor=date(2021, 2, 1),
    )
    assert [(t.text, [u.name for u in t.units]) for t in tasks] == [
        ("对辖区工地进行全面排查，建立台账", ["各村"]),
        ("加强宣传，张贴通告", []),
        ("要督促工地落实围挡、覆盖措施", ["各村"]),
    ]


def test_a_sentence_numbered_1_inside_a_preamble_starts_no_items_alone():
    # 一、 after a sentence end opens the body only when 二、 follows
    tasks = extract("县环保局发出通知。一、各乡镇要加强巡查，及时上报火点。", anchor=date(2021, 2, 1))
    assert [t.text for t in tasks] == ["要加强巡查，及时上报火点"]


def test_a_section_named_by_an_action_holds_tasks_under_a_heading_of_goals():
    # 二、目标任务 names goals and tasks: a section under it named by what is to be done
    # （（一）加强水污染防治） holds tasks; its plain goal paragraph does not
    assert [t.text for t in extract(
        "二、目标任务",
        "到2027年底，全镇河道基本消除劣V类水体。",
        "（一）加强水污染防治",
        "1.工业污染整治。开展小作坊专项整治。到20xx年底，完成三个工业集聚点污水纳管。",
        "2.农业面源治理。推广测土配方施肥，削减化肥用量。",
    )] == ["工业污染整治。开展小作坊专项整治。到20xx年底，完成三个工业集聚点污水纳管",
           "农业面源治理。推广测土配方施肥，削减化肥用量"]



def test_a_section_naming_its_lead_and_member_units_holds_tasks_under_a_heading_of_goals():
    # 一、目标任务 over （一）… whose lines name a lead and member units (成员单位: they take
    # part, support): each item under it is a task of those units, trigger word or not
    assert run(
        "一、目标任务",
        "（一）老旧街区面貌提升",
        "牵头单位：区建委",
        "成员单位：区城管局、区水务局，各街道办事处",
        "1.清理背街小巷堆积杂物；修补破损路面。",
        "2.新建公共厕所2座，改造老旧垃圾房3处。",
    ) == [
        ("清理背街小巷堆积杂物；修补破损路面",
         [("区建委", "lead"), ("区城管局", "support"), ("区水务局", "support"), ("各街道办事处", "support")]),
        ("新建公共厕所2座，改造老旧垃圾房3处",
         [("区建委", "lead"), ("区城管局", "support"), ("区水务局", "support"), ("各街道办事处", "support")]),
    ]

# ---------------------------------------------------------------- roles (category 5)

def test_a_place_people_use_ending_in_suo_is_no_unit_opening_an_item():
    # 公共厕所 / 公共场所 end in 所 like an office (派出所) but name a place: the item is
    # the task, whole, and names no unit
    assert run("二、主要任务", "1.新建公共厕所2座，改造老旧垃圾房3处。", "2.整治城区公共场所周边环境。") == [
        ("新建公共厕所2座，改造老旧垃圾房3处", []), ("整治城区公共场所周边环境", [])]


def test_bare_places_sharing_one_body_in_a_parenthesis_of_roles():
    # 青石、白沙经济开发区管委会: the zones' committees, one name; the parenthesis is read
    # as roles and left out of the task's text
    assert run("二、重点工作",
               "1.强化园区监管。完善污水管网，确保污水全收集全处理。"
               "（市环保局牵头，市住房和城乡建设局配合，青石、白沙经济开发区管委会负责落实）") == [
        ("强化园区监管。完善污水管网，确保污水全收集全处理",
         [("市环保局", "lead"), ("市住房和城乡建设局", "support"), ("青石、白沙经济开发区管委会", "responsible")])]


def test_fields_of_roles_in_square_brackets():
    # 〔责任单位：X、Y〕 is a parenthesis like （…）; 【牵头单位】X【配合单位】Y sets its labels in
    # brackets instead of before a colon
    assert run("二、重点任务",
               "1.开展工地扬尘专项检查，督促落实防尘措施。〔责任单位：县住建局、县城管局〕",
               "2.开展餐饮油烟抽测。【牵头单位】县生态环境局【配合单位】县市场监管局、各乡镇【完成时限】2025年6月底前") == [
        ("开展工地扬尘专项检查，督促落实防尘措施", [("县住建局", "responsible"), ("县城管局", "responsible")]),
        ("开展餐饮油烟抽测", [("县生态环境局", "lead"), ("县市场监管局", "support"), ("各乡镇", "support")]),
    ]


def test_parentheses_of_roles_with_a_guiding_body_an_overseer_or_a_leaders_field():
    # X负责指导，Y负责落实 / X督办，Y具体实施 / 牵头县领导：… beside the lead unit
    assert run("二、重点任务",
               "1.开展工业炉窑排查。（县发改局负责指导，各乡镇负责落实）",
               "2.整治露天矿山扬尘。（县自然资源局督办，各乡镇具体实施）",
               "3.推进清洁能源替代。（牵头县领导：张某；牵头单位：县发改局）") == [
        ("开展工业炉窑排查", [("县发改局", "responsible"), ("各乡镇", "responsible")]),
        ("整治露天矿山扬尘", [("县自然资源局", "support"), ("各乡镇", "responsible")]),
        ("推进清洁能源替代", [("县发改局", "lead")]),
    ]


def test_a_blanket_sentence_closing_a_parenthesis_of_roles():
    # the item's own roles are read without it, and it speaks for the items after it
    assert run(
        "二、主要任务",
        "1.严格准入。落实行业准入条件。（市生态环境局牵头，市发改委参与，各镇政府负责落实。以下均需各镇政府落实，不再列出）",
        "2.淘汰落后产能。整治“散乱污”企业。（市经信局牵头，市应急局参与）",
        "3.优化布局。推进重污染企业搬迁。",
    ) == [
        ("严格准入。落实行业准入条件",
         [("市生态环境局", "lead"), ("市发改委", "support"), ("各镇政府", "responsible")]),
        ("淘汰落后产能。整治“散乱污”企业",
         [("各镇政府", "responsible"), ("市经信局", "lead"), ("市应急局", "support")]),
        ("优化布局。推进重污染企业搬迁", [("各镇政府", "responsible")]),
    ]


def test_a_units_sentence_after_an_item_parts_names_its_cells_ran_together():
    # the units closing an item, copied from a table whose cells lost their separator
    # (…、自然资源局县住建局、…): two names, not one
    assert run(
        "二、主要任务",
        "1.整治河道岸线。划定河道保护范围，严禁涉河违法活动。县水利局、自然资源局县住建局、县城管局",
    ) == [("整治河道岸线。划定河道保护范围，严禁涉河违法活动",
           [("县水利局", "responsible"), ("自然资源局", "responsible"), ("县住建局", "responsible"),
            ("县城管局", "responsible")])]


def test_the_conditions_of_a_target_responsibility_book_are_no_tasks():
    # 一、前置条件 / （二）合格否决指标: what an assessment checks first or what fails it
    assert run(
        "一、前置条件",
        "（一）评优前置指标。",
        "1.辖区河流交接断面水质考核结果为良好以上。",
        "（二）合格否决指标。",
        "1.未完成年度主要污染物减排目标。",
        "二、年度重点任务",
        "1.推进镇区污水管网建设。",
    ) == [("推进镇区污水管网建设", [])]


def test_roles_closing_a_sections_heading_go_to_its_items_that_name_none():
    # 一、调整用能结构（县发改局总牵头）: the section's lead, for the items under it that
    # name no units; an item naming its own keeps them; the next section is none of its
    assert run(
        "一、调整用能结构（县发改局总牵头）",
        "1.压减燃煤消费总量，完成市下达的减煤任务。（县工信局、县发改局）",
        "2.推广清洁能源替代，新建天然气管网二十公里。",
        "二、强化扬尘管控（县住建局牵头，县城管局配合）",
        "1.落实工地扬尘防治六个百分之百。",
        "三、其他工作",
        "1.开展秸秆禁烧巡查。",
    ) == [
        ("压减燃煤消费总量，完成市下达的减煤任务", [("县工信局", "responsible"), ("县发改局", "responsible")]),
        ("推广清洁能源替代，新建天然气管网二十公里", [("县发改局", "lead")]),
        ("落实工地扬尘防治六个百分之百", [("县住建局", "lead"), ("县城管局", "support")]),
        ("开展秸秆禁烧巡查", []),
    ]


@pytest.mark.parametrize(("opening", "closing"), [("（", "）"), ("〔", "〕")])
def test_a_blanket_sentence_closing_a_parenthesis_before_the_next_measure_of_its_item(opening, closing):
    # the parenthesis ends one measure of the item and another follows it on the line: the
    # blanket still speaks for what comes after it
    assert run(
        "二、主要任务",
        f"1.严格准入。落实行业准入条件。{opening}市生态环境局牵头，各镇政府负责落实。以下均需各镇政府落实，不再列出。{closing}"
        f"按上级要求，不再新建燃煤锅炉。{opening}市市场监管局牵头{closing}",
        "2.淘汰落后产能。整治“散乱污”企业。",
    ) == [
        ("严格准入。落实行业准入条件", [("市生态环境局", "lead"), ("各镇政府", "responsible")]),
        ("按上级要求，不再新建燃煤锅炉", [("各镇政府", "responsible"), ("市市场监管局", "lead")]),
        ("淘汰落后产能。整治“散乱污”企业", [("各镇政府", "responsible")]),
    ]


def test_the_issuer_and_date_signing_a_notice_are_neither_a_task_nor_a_unit():
    for last in ("2.推进道路保洁。", "2.推进道路保洁"):
        assert run("1.开展工地扬尘检查。", last, "青禾县生态环境局", "2024年5月6日") == [
            ("开展工地扬尘检查", []), ("推进道路保洁", [])], last
    assert run("1.开展工地扬尘检查。", "2.推进道路保洁", "2024年5月6日") == [("开展工地扬尘检查", []), ("推进道路保洁", [])]
    # what follows the signature is an attachment's, no body of the last item
    assert run("1.开展检查。", "青禾县生态环境局", "2024年5月6日", "附件1", "青禾县2024年重点任务清单") == [("开展检查", [])]


def test_measures_listed_without_stops_are_tasks_and_goals_so_listed_are_not():
    assert run("一、工作目标", "1.空气质量明显改善", "二、主要任务", "1.加强扬尘管控", "2.推进散煤清零") == [
        ("加强扬尘管控", []), ("推进散煤清零", [])]


def test_a_forms_sections_headed_by_a_field_give_their_units_and_time_to_the_measures():
    # 二、责任单位 / its units / 四、整改时限 / its time: fields of the form, no tasks
    tasks = extract("关于青溪河污染问题的整改方案", "一、整改问题", "青溪河上游段有垃圾漂浮，污染水体。",
                    "二、责任单位", "县水利局、各乡镇（街道、园区）", "三、整改措施", "（一）对青溪河开展打捞清理工作。",
                    "（二）建立河道保洁长效机制。", "四、整改时限", "2025年12月底前")
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("对青溪河开展打捞清理工作", [("县水利局", "responsible"), ("各乡镇（街道、园区）", "responsible")], date(2025, 12, 31)),
        ("建立河道保洁长效机制", [("县水利局", "responsible"), ("各乡镇（街道、园区）", "responsible")], date(2025, 12, 31)),
    ]
    # a schedule's section (四、时间安排 over its phases) is no field: a measure keeps its own time
    tasks = extract("青溪镇环境整治方案", "一、整治任务", "（一）6月底前取缔露天烧烤点。", "二、时间安排",
                    "排查阶段（5月1日—5月15日）：各村开展排查。")
    assert tasks[0].deadline.date == date(2025, 6, 30)


def test_the_problem_a_rectification_publishes_is_no_task_its_measures_are():
    for heading in ("一、反馈意见", "一、整改问题", "一、核查情况"):
        assert run(heading, "部分乡镇河长制作用没有得到很好发挥，部门之间没有形成合力。", "二、整改措施",
                   "1.积极推动河长履责。县河长办每季度印发一期巡河通报。") == [
            ("积极推动河长履责。县河长办每季度印发一期巡河通报", [("县河长办", "responsible")])], heading


def test_a_rectifications_report_of_its_checking_and_where_it_is_published_are_no_tasks():
    # 整改验收情况 reports what was done and checked; 公示方式 names where the notice is
    # published (a body's web site is no body)
    assert run("一、公示方式", "县农业农村局政务网站", "二、整改措施", "（一）完善秸秆收储体系。",
               "（二）整改验收情况", "经现场核查，县农业农村局已落实各项整改措施，同意销号。") == [
        ("完善秸秆收储体系", [])]
    assert units_in("县农业农村局政务网站") is None


def test_items_that_open_by_naming_the_state_of_some_work_report_on_it():
    # category 3: a page that starts after its section's heading; each item's first sentence
    # names what it reports (…整改情况。), the sentences after it what was done
    assert run("件，剩余两个为水源地规范化建设问题）。",
               "3.省级督察交办问题整改情况。省级督察交办我区5个问题，已完成整改3个，剩余2个正在推进。",
               "4.市级督察“回头看”问题整改情况。市级督察共移交我区4个问题，目前已整改完成3个。",
               "三、下一步工作", "（一）加快剩余问题整改。区水务局于6月底前完成剩余问题整改。") == [
        ("于6月底前完成剩余问题整改", [("区水务局", "responsible")])]


def test_rows_of_a_list_of_measures_written_without_stops_among_sentences_are_tasks():
    # most rows are sentences; those the list wrote without a stop, a verb or not first,
    # are rows all the same (a list of headings alone stays headings)
    assert run("1.建立镇村两级巡河台账。", "2.护河员开展日常巡查", "3.村庄生活垃圾清运",
               "4.完善河道保洁经费保障。", "5.沟渠清淤", "6.定期通报巡河情况。") == [
        ("建立镇村两级巡河台账", []), ("护河员开展日常巡查", []), ("村庄生活垃圾清运", []),
        ("完善河道保洁经费保障", []), ("沟渠清淤", []), ("定期通报巡河情况", [])]
    assert run("一、总体要求", "二、重点任务", "三、保障措施", "1.加强组织领导。") == [("加强组织领导", [])]


def test_a_blanket_after_a_comma_closing_a_parenthesis_of_roles():
    # the blanket runs on after the roles with a comma (not a stop), or says 不再单独列出:
    # it is no part of the item's roles, and speaks for the items after it
    for blanket in ("，以下工作均需各乡镇政府落实，不再列出", "。以下均需各乡镇政府、云溪园区管委会落实，不再单独列出。"):
        assert run(
            "二、主要任务",
            "1.严控燃煤。新增耗煤项目实行减量替代。"
            f"（牵头单位：县发改委，实施单位：县工信局{blanket}）",
            "2.整治工业炉窑。完成炉窑清单排查。",
        ) == [
            ("严控燃煤。新增耗煤项目实行减量替代", [("县发改委", "lead"), ("县工信局", "responsible")]),
            ("整治工业炉窑。完成炉窑清单排查",
             [("各乡镇政府", "responsible")] + ([("云溪园区管委会", "responsible")] if "园区" in blanket else [])),
        ], blanket


def test_a_heading_whose_parenthesis_names_the_lead_of_the_tasks_under_it():
    assert run(
        "三、重点任务（以下任务牵头单位：县发改局）",
        "1.开展燃煤锅炉排查。", "2.推进散煤清零。",
        "四、保障措施",
        "1.加强组织领导。",
    ) == [
        ("开展燃煤锅炉排查", [("县发改局", "lead")]),
        ("推进散煤清零", [("县发改局", "lead")]),
        ("加强组织领导", []),
    ]
    assert run("三、重点任务", "以下任务责任单位：各乡镇人民政府。", "1.开展燃煤锅炉排查。") == [
        ("开展燃煤锅炉排查", [("各乡镇人民政府", "responsible")]),
    ]


def test_a_line_counting_back_over_some_items_speaks_for_those_only():
    assert run(
        "三、重点任务",
        "1.开展燃煤锅炉排查。", "2.推进散煤清零。", "3.加强餐饮油烟治理。",
        "上述第1至2项任务由县发改局牵头。",
        "四、保障措施",
        "1.加强组织领导。",
    ) == [
        ("开展燃煤锅炉排查", [("县发改局", "lead")]),
        ("推进散煤清零", [("县发改局", "lead")]),
        ("加强餐饮油烟治理", []),
        ("加强组织领导", []),
    ]
    assert run(
        "（一）开展燃煤锅炉排查。", "（二）推进散煤清零。", "（三）加强餐饮油烟治理。",
        "以上第（一）、（三）项由县生态环境局负责。",
    ) == [
        ("开展燃煤锅炉排查", [("县生态环境局", "responsible")]),
        ("推进散煤清零", []),
        ("加强餐饮油烟治理", [("县生态环境局", "responsible")]),
    ]
    # a count of items (以上两项): the items right before the line
    assert run(
        "三、重点任务", "1.开展燃煤锅炉排查。", "2.推进散煤清零。", "3.加强餐饮油烟治理。", "以上两项工作由县城管局负责。",
    ) == [
        ("开展燃煤锅炉排查", []),
        ("推进散煤清零", [("县城管局", "responsible")]),
        ("加强餐饮油烟治理", [("县城管局", "responsible")]),
    ]


# ---------------------------------------------------------------- what is no task (category 3)

def test_a_plans_general_approach_holds_no_task():
    assert [t.text for t in extract(
        "一、总体思路", "认真贯彻上级精神，强化统筹协调，加强执法监管。", "二、主要任务", "1.推进清洁取暖。完成散煤替代。",
    )] == ["推进清洁取暖。完成散煤替代"]


def test_sections_stating_only_the_time_area_or_goal_of_a_scheme_hold_no_task():
    assert [t.text for t in extract(
        "一、禁烧时间",
        "20**年5-6月和9-11月",
        "二、重点禁烧区域",
        "列为重点禁烧区域的8个行政村。",
        "三、禁烧目标",
        "重点区域禁止焚烧秸秆，力争实现零火点。",
        "四、工作措施",
        "（一）狠抓宣传。各行政村要召开专题会议，逐级落实禁烧责任。",
        "五、检查验收",
        "1.验收时间。分两次进行检查验收，以两次平均成绩作为最后得分。",
    )] == ["要召开专题会议，逐级落实禁烧责任", "验收时间。分两次进行检查验收，以两次平均成绩作为最后得分"]


def test_a_section_naming_the_key_period_of_a_ban_holds_no_task():
    # 二、重点禁烧时段 / its months: when the ban is strictest, no one's work
    assert [t.text for t in extract(
        "二、重点禁烧时段",
        "2020年10月至2021年3月底。",
        "三、职责分工",
        "各村要层层落实禁烧责任。",
    )] == ["要层层落实禁烧责任"]


def test_a_body_set_up_for_the_work_is_the_unit_of_the_duty_it_is_given():
    # 四、组织领导 / 为…，县政府决定成立X领导小组，负责…: X's duty; the purpose opening the
    # sentence is no part of it
    tasks = extract("四、组织领导", "为加强组织领导，确保护林工作取得实效，县政府决定成立森林防火工作领导小组，"
                    "负责全县护林防火工作的组织协调。", "五、工作要求", "各乡镇要落实专人值守。")
    assert [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks] == [
        ("负责全县护林防火工作的组织协调", [("森林防火工作领导小组", "responsible")]),
        ("要落实专人值守", [("各乡镇", "responsible")]),
    ]


def test_a_recurring_report_closing_a_notice_is_a_task_of_its_own():
    # no trigger, no addressee: a recurring time and a deliverable handed in
    tasks = extract("行动期间，每季度报送一次工作进展情况，每半年报送一次阶段性总结。每月召开一次调度会议。")
    assert [(t.text, t.deadline.kind) for t in tasks] == [
        ("每季度报送一次工作进展情况", "recurring"), ("每半年报送一次阶段性总结", "recurring")]
    assert extract("去年，每季度报送了一次进展情况。") == []


def test_requirements_as_a_noun_name_no_addressees():
    # 要求 closing its part is a noun (…的部署和要求，): what follows is not addressed to anyone
    assert run("坚决贯彻市委市政府的部署和要求，立足全镇经济社会发展实际，统筹推进河湖治理。") == []
    assert run("会议要求县林业局加强巡查。") == [("要求县林业局加强巡查", [("县林业局", "responsible")])]


def test_on_time_takes_the_closing_day_its_sentence_names():
    tasks = extract("各县（市、区）环保局：",
                    "今年生态村申报截止时间为2026年4月30日，请你们组织申报单位做好准备，并将申请材料按时报送至我局。")
    assert [(t.deadline.kind, t.deadline.date) for t in tasks] == [("by", date(2026, 4, 30))]
    assert find("截止日期：5月20日", ANCHOR).date == date(2025, 5, 20)
    assert find("5月20日召开推进会", ANCHOR) is None


def test_a_notice_printed_twice_by_a_repost_gives_its_task_once():
    notice = ["各县（市、区）环保局：", "请你们组织申报单位做好有关工作，并将申请材料报送至我局。"]
    assert len(extract(*notice, "扫一扫在手机打开当前页", *notice)) == 1


def test_a_month_closing_a_period_limits_its_work_and_a_placeholder_year_stays_open():
    anchor = date(2021, 1, 5)
    assert find("（二）整治阶段（6月至9月）。各村要拆除违建。", anchor).date == date(2021, 9, 30)
    assert find("2025年12月至2026年3月", anchor).date == date(2026, 3, 31)
    assert find("2025年6月", anchor) is None  # a month alone is a date
    for phrase in ("（x年12月至x年6月）", "（x年3月至11月）"):
        deadline = find(phrase, anchor)
        assert (deadline.kind, deadline.date) == ("by", None), phrase
    # an explicit year in the limit itself wins over a placeholder before it
    assert find("x年度目标，2026年6月底前完成", anchor).date == date(2026, 6, 30)


def test_a_heading_closed_by_the_period_of_its_work_limits_the_work_on_its_line():
    tasks = extract(
        "一、清障整治（2016年5月—8月）。对阻水构筑物，各村要依法拆除；对淤积河段，要组织清淤。",
        "二、加强领导（镇政府办负责）。各村要明确专人负责。",
        anchor=date(2016, 3, 1),
    )
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("要依法拆除", date(2016, 8, 31)),
        ("要组织清淤", date(2016, 8, 31)),
        ("要明确专人负责", None),  # a parenthesis of roles names no period
    ]


def test_a_sentence_that_only_says_when_limits_the_task_before_it_in_its_item():
    tasks = extract(
        "2016年青河镇河道清障工作方案",
        "一、主要任务",
        "（一）各村要对辖区河道逐段登记阻水构筑物。2016年4月底前完成。",
        "（二）镇水利站要拆除阻水构筑物，恢复河道行洪断面。以上任务均于9月底前完成。",
        "（三）各村要建立河道巡查制度。",
        "完成时限：长期坚持",
        anchor=date(2016, 1, 1),
    )
    assert [(t.text, t.deadline and (t.deadline.kind, t.deadline.date)) for t in tasks] == [
        ("要对辖区河道逐段登记阻水构筑物", ("by", date(2016, 4, 30))),
        ("要拆除阻水构筑物，恢复河道行洪断面", ("by", date(2016, 9, 30))),
        ("要建立河道巡查制度", ("ongoing", None)),
    ]
    # the item's labelled limit is its own, whatever its text says of how often the work is done
    tasks = extract("（一）强化道路保洁。主次干道每日洒水两次。", "责任单位：县城管局。完成时限：长期坚持。", anchor=date(2016, 1, 1))
    assert [(t.deadline.kind, t.deadline.date) for t in tasks] == [("ongoing", None)]
    # a sentence naming work after its limit (6月底前完成拆除) is no time of the task before it
    assert [t.deadline for t in extract("（一）各村要登记阻水构筑物。6月底前完成拆除。", anchor=date(2016, 1, 1))] == [None]


def test_a_range_of_months_takes_the_year_of_its_start_and_may_open_with_a_number_alone():
    anchor = date(2019, 3, 12)
    # the year printed on the first month is the period's: December 2018, not the anchor's
    assert find("2018年9月—12月", anchor).date == date(2018, 12, 31)
    assert find("2018年11月至3月", anchor).date == date(2019, 3, 31)  # over the new year
    assert find("2018年12月20日至1月10日", anchor).date == date(2019, 1, 10)
    # a time-limit cell naming the months by their numbers (11-12月 / 9—10月)
    assert find("11-12月", anchor).date == date(2019, 12, 31)
    assert find("于9—10月开展秸秆禁烧巡查", anchor).date == date(2019, 10, 31)
    assert find("2019-12月", anchor) is None  # a year's digits open no range


def test_a_phase_heading_gives_its_numbered_measures_the_end_of_its_period():
    # 二、主要工作和时限要求 / （一）部署发动（6月份） / 1.… / 2.…: each measure is done by the
    # phase's end; a measure's own time limit still wins
    tasks = extract("（一）部署发动（6月份）", "1.制定年度护林工作要点。（责任单位：县林业局）",
                    "2.召开全县护林工作会议，6月10日前下达任务。（责任单位：县政府办）",
                    "（二）集中整治（7月至9月）", "3.开展林区火源专项检查。（责任单位：县公安局）",
                    anchor=date(2021, 3, 1))
    assert [(t.text, t.deadline.date if t.deadline else None) for t in tasks] == [
        ("制定年度护林工作要点", date(2021, 6, 30)),
        ("召开全县护林工作会议，6月10日前下达任务", date(2021, 6, 10)),
        ("开展林区火源专项检查", date(2021, 9, 30)),
    ]


def test_a_phase_heading_on_a_line_of_its_own_gives_no_time_to_the_lines_under_it():
    tasks = extract("（一）动员部署阶段（4月至5月）。", "各乡镇要制定实施方案，全面动员部署。", anchor=date(2021, 3, 1))
    assert [(t.text, t.deadline) for t in tasks] == [("要制定实施方案，全面动员部署", None)]


# ---------------------------------------------------------------- enumerations (category 3)

def test_measures_enumerated_after_a_directive_colon_are_its_tasks():
    # the clause announcing them is no task; the addressee goes to each; a sentence after
    # an enumerated measure goes on with it
    assert run("（一）村容整治",
               "各村要按照美丽乡村的标准，重点抓好以下三个方面：一是清理生活垃圾；二是清理房前屋后杂物；"
               "三是整治乱涂乱画。摘除乱挂横幅。") == [
        ("清理生活垃圾", [("各村", "responsible")]),
        ("清理房前屋后杂物", [("各村", "responsible")]),
        ("整治乱涂乱画。摘除乱挂横幅", [("各村", "responsible")]),
    ]
    # a directive that says what it is before its list stays a task of its own
    assert [t for t, _ in run("各村要抓好保洁工作：一是每日清扫；二是及时清运。")] == [
        "要抓好保洁工作", "每日清扫", "及时清运"]


def test_measures_numbered_inline_after_a_label_are_tasks():
    assert [t for t, _ in run("（二）加强宣传。", "具体做法：1、在村委会宣传栏张贴倡议书；2、通过广播宣传卫生知识。")] == [
        "在村委会宣传栏张贴倡议书", "通过广播宣传卫生知识"]


def test_a_forms_unit_field_is_whom_its_request_addresses():
    # a 交办单 page: field labels with their values on the next line, no addressee line
    assert run("交办日期：", "2024-05-06", "责任单位：", "青河区水务局", "交办内容：",
               "近期核查发现青河部分河段水体黑臭。请你单位高度重视，立即组织开展整改。") == [
        ("请你单位高度重视，立即组织开展整改", [("青河区水务局", "responsible")])]


# ---------------------------------------------------------------- phases, findings, headings (categories 3, 4, 7)

def test_a_line_opening_with_a_phase_and_its_time_is_the_task_of_that_phase():
    # a phase's time and its work on one line, no number and no trigger word: the work is
    # a task, done by the phase's end; a month alone closes at its end
    tasks = extract(
        "2019年云岭镇河道保洁行动方案",
        "三、时间安排",
        "摸底阶段（4月6日—4月10日）：制定工作方案，对河道垃圾排查建档。",
        "集中清理阶段（4月11日—4月30日）：按照台账分段清理，限期完成。",
        "验收阶段（5月）：镇河长办组织逐段验收。",
        anchor=date(2019, 4, 1),
    )
    assert [(t.text, t.deadline and (t.deadline.kind, t.deadline.date)) for t in tasks] == [
        ("制定工作方案，对河道垃圾排查建档", ("by", date(2019, 4, 10))),
        ("按照台账分段清理，限期完成", ("by", date(2019, 4, 30))),
        ("组织逐段验收", ("by", date(2019, 5, 31))),
    ]
    assert [(u.name, u.role) for u in tasks[2].units] == [("镇河长办", "responsible")]


def test_a_phase_line_of_a_template_without_a_year_limits_without_a_date():
    tasks = extract("准备阶段（4月6日—4月10日）：制定具体工作方案，建立台账。", anchor=None)
    assert [(t.text, t.deadline.kind, t.deadline.date) for t in tasks] == [("制定具体工作方案，建立台账", "by", None)]


def test_findings_listed_in_a_notice_are_no_tasks_and_its_time_limit_goes_to_the_measures():
    tasks = extract(
        "岚山县金禾米业有限公司：",
        "经现场检查，你公司存在以下环境问题：",
        "1、烘干炉未配套除尘设施，烟尘无组织排放；",
        "2、厂区物料露天堆放。",
        "责令你公司于2019年10月31日前按以下要求完成整改：",
        "1、烘干炉配套建设除尘设施，确保达标排放；",
        "2、物料全部入棚存放，建立管理台账。",
        "岚山县生态环境局",
        anchor=date(2019, 9, 2),
    )
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("烘干炉配套建设除尘设施，确保达标排放", date(2019, 10, 31)),
        ("物料全部入棚存放，建立管理台账", date(2019, 10, 31)),
    ]
    # 责令你公司: the company the order is addressed to does them
    assert {u.name for t in tasks for u in t.units} == {"岚山县金禾米业有限公司"}


def test_a_year_a_template_left_open_with_its_decade_gives_no_date():
    anchor = date(2019, 1, 1)
    for phrase in ("确保201x年底基本达到标准", "于201*年5月底前完成", "20xx年6月底前"):
        deadline = find(phrase, anchor)
        assert (deadline.kind, deadline.date) == ("by", None), phrase
    assert find("于2019年5月底前完成", anchor).date == date(2019, 5, 31)


def test_an_item_written_as_a_heading_sentence_takes_its_work_from_the_paragraph_under_it():
    tasks = extract(
        "二、工作任务",
        "（一）整治完成列入台账的砖窑。",
        "8月底前，完成我区台账内6处砖窑的整治。",
        "（二）明确责任。",
        "各街道对辖区砖窑进行排查，建立台账。",
        "（三）规范运输。",
        "工作协助部门：区交通局",
        anchor=date(2018, 3, 1),
    )
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("整治完成列入台账的砖窑。8月底前，完成我区台账内6处砖窑的整治", date(2018, 8, 31)),
        ("对辖区砖窑进行排查，建立台账", None),  # a task of its own: the heading above is none
        ("规范运输", None),  # a line of roles is no work
    ]


def test_the_close_of_a_notice_is_no_work_of_its_last_item():
    for close in (["特此通知。"], ["2021年4月6日"], ["县环境保护局", "2021年4月6日"]):
        tasks = extract(
            "一、县林业局负责林区巡护。",
            "二、县水利局负责河道清淤。",
            *close,
            anchor=date(2021, 4, 6),
        )
        assert [t.text for t in tasks] == ["县林业局负责林区巡护", "县水利局负责河道清淤"], close


def test_a_request_opening_with_its_time_limit_asks_the_notices_addressees():
    assert run(
        "各县市区环保局：",
        "现将省厅通知转发给你们。请于2016年3月15日前将调查表报送我局。",
        anchor=date(2016, 2, 17),
    ) == [("请于2016年3月15日前将调查表报送我局", [("各县市区环保局", "responsible")])]


def test_a_month_a_time_limit_label_or_a_completing_verb_gives_closes_at_its_end():
    anchor = date(2019, 3, 1)
    assert find("完成时限：2019年6月", anchor).date == date(2019, 6, 30)
    assert find("时间节点：9月30日", anchor).date == date(2019, 9, 30)
    assert find("力争于9月完成全部改造", anchor).date == date(2019, 9, 30)
    assert find("于2019年6月建成投运", anchor).date == date(2019, 6, 30)
    # a month or a day that dates an event limits nothing
    assert find("于3月召开推进会", anchor) is None
    assert find("2019年6月，县里开展了排查", anchor) is None


def test_a_first_item_glued_to_its_heading_on_a_document_sites_page_opens_the_items():
    # 一、工作措施1.… : no space nor stop between the heading and its first item; the items
    # after it run on in the same line, each a task
    tasks = extract(
        "石坪村人居环境整治方案 为改善村容村貌，制定本方案。 一、工作措施1.清理房前屋后垃圾，做到日产日清。"
        "2.组织村内水塘清淤。二、工作要求各组要加强宣传。",
        anchor=date(2020, 3, 1),
    )
    assert [(t.text, [u.name for u in t.units]) for t in tasks] == [
        ("清理房前屋后垃圾，做到日产日清", []),
        ("组织村内水塘清淤", []),
        ("要加强宣传", ["各组"]),
    ]


def test_a_plans_title_run_into_its_purpose_after_a_repost_line_is_no_task(tmp_path):
    # a document site's lines (X.doc, its share line), then the plan flattened onto one
    # line: its title runs into the sentence of purpose, which is still no task
    from minutes.ingest import understand
    from minutes.readers import read

    path = tmp_path / "plan.txt"
    path.write_text("护林防火工作方案.doc\n《护林防火工作方案.doc》由会员分享，可在线阅读。\n"
                    "1、秋冬季护林防火工作实施方案 为切实做好今冬全乡护林防火工作，结合我乡实际，制定本方案。 "
                    "一、工作要求 各村要落实专人巡护。\n", encoding="utf-8")
    _, extraction = understand(read(path))
    assert [(t.text, [u.name for u in t.units]) for t in extraction.tasks] == [("要落实专人巡护", ["各村"])]


def test_a_heading_run_into_its_first_sentence_leaves_the_collective_its_subject():
    # 一、工作措施各村要…: the space between heading and sentence lost on a flattened page
    assert run("护林工作方案 一、工作措施各村要落实专人巡护。二、保障措施各乡镇、县直各单位要保障经费。") == [
        ("要落实专人巡护", [("各村", "responsible")]),
        ("要保障经费", [("各乡镇", "responsible"), ("县直各单位", "responsible")]),
    ]


# ------------------------------------------- units named after groups of items (category 5)

def test_a_responsible_line_after_a_group_of_items_speaks_for_the_whole_group():
    # ⑴ ⑵ ⑶ then 责任部门：A, ⑷ then 责任部门：B: each line is the units of the items of
    # its group, not only of the item right above it
    tasks = run(
        "（一）整治青禾镇区环境卫生",
        "⑴清扫镇区主干道两侧环境卫生。",
        "⑵清掏镇区公共旱厕。",
        "责任部门：青禾镇人民政府、县住房和城乡建设局",
        "⑶清理镇区河道两侧垃圾。",
        "责任部门：县水利局",
        "⑷整治镇区农贸市场内外卫生。",
    )
    assert tasks == [
        ("清扫镇区主干道两侧环境卫生", [("青禾镇人民政府", "responsible"), ("县住房和城乡建设局", "responsible")]),
        ("清掏镇区公共旱厕", [("青禾镇人民政府", "responsible"), ("县住房和城乡建设局", "responsible")]),
        ("清理镇区河道两侧垃圾", [("县水利局", "responsible")]),
        ("整治镇区农贸市场内外卫生", []),
    ]


def test_an_item_with_a_labelled_line_of_its_own_keeps_it():
    # every item carries its own line: none lends it to another
    tasks = run(
        "1.清理河道漂浮物。",
        "责任单位：县水利局",
        "2.整治沿河排污口。",
        "责任单位：县生态环境分局",
    )
    assert [u for _, u in tasks] == [[("县水利局", "responsible")], [("县生态环境分局", "responsible")]]


# ------------------------------------------- items of older and converted plans (category 3)

def test_an_item_numbered_with_an_enclosed_digit_is_an_item():
    # ⑴ is （1） written as one character
    assert [t for t, _ in run("（二）整治集镇市容", "⑴整治主街两侧占道经营。", "⑵清理沿街乱贴乱画。")] == [
        "整治主街两侧占道经营", "清理沿街乱贴乱画"]


def test_an_item_numbered_in_tortoise_shell_brackets_is_an_item():
    # 〔一〕 is （一）: each measure its own item, the heading over them none
    assert run("三、主要内容", "〔一〕开展禁烧巡查。实行昼夜巡查。", "〔二〕加强宣传引导。通过广播开展宣传。") == [
        ("开展禁烧巡查。实行昼夜巡查", []), ("加强宣传引导。通过广播开展宣传", [])]


def test_an_item_whose_text_opens_with_a_year_is_no_decimal_number():
    # 2.2009年底前…: item 2, not the number 2.2009
    tasks = extract("1.建成城区空气自动监测站（县环保局负责）。",
                    "2.2009年底前完成城区燃煤锅炉淘汰（县质监局负责）。")
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("建成城区空气自动监测站", None), ("2009年底前完成城区燃煤锅炉淘汰", date(2009, 12, 31))]


def test_a_heading_item_over_a_line_of_its_roles_alone_is_the_measure():
    # the item's line has no full stop; the line under it only says who and by when (负责
    # beside a helper: the body in charge leads)
    tasks = extract(
        "（三）开展露天烧烤专项整治。",
        "（四）修订重污染天气应急减排清单",
        "县生态环境局负责，县工信局配合，2025年9月底前完成。",
    )
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("开展露天烧烤专项整治", [], None),
        ("修订重污染天气应急减排清单", [("县生态环境局", "lead"), ("县工信局", "support")], date(2025, 9, 30)),
    ]
    # a heading over sentences of its own keeps them as its measures
    assert run("（四）修订应急减排清单", "县生态环境局要在9月底前完成清单修订。") == [
        ("要在9月底前完成清单修订", [("县生态环境局", "responsible")])]


# ------------------------------------------- roles in a parenthesis closing an item (category 5)

def test_a_lead_that_organizes_and_units_that_carry_it_out():
    # 牵头组织 is a lead's word as 牵头 is; 负责落实 the responsible units'
    assert run("3.加强城乡结合部环境整治，保持环境卫生清洁（县卫生局牵头组织，县城管局、各镇政府负责落实）。") == [
        ("加强城乡结合部环境整治，保持环境卫生清洁",
         [("县卫生局", "lead"), ("县城管局", "responsible"), ("各镇政府", "responsible")])]


def test_units_a_closing_parenthesis_names_outrank_a_collective_opening_the_item():
    # 各镇 only says whose monitoring it is; the parenthesis says who acts
    assert run("4.各镇环境监察、宣教等能力建设实现达标（各镇人民政府负责）。") == [
        ("各镇环境监察、宣教等能力建设实现达标", [("各镇人民政府", "responsible")])]


def test_a_parenthesis_of_roles_the_page_cuts_short_after_its_first_sentence():
    # the page ends inside the parenthesis, after a note on the units it names
    assert run(
        "1.强化源头管控。配合完成市级环境准入清单的编制。（市生态环境局牵头，市发展和改革委员会、市自然资源局等参与，"
        "各县区政府负责落实。各县区政府包含青川高新区管委会、") == [
        ("强化源头管控。配合完成市级环境准入清单的编制",
         [("市生态环境局", "lead"), ("市发展和改革委员会", "support"), ("市自然资源局", "support"),
          ("各县区政府", "responsible")])]


def test_a_sentence_of_roles_after_an_items_heading_gives_the_heading_its_units():
    # 各县区政府负责，… only says who: the heading is the task, not the role sentence
    tasks = extract("2.整治露天焚烧。各县（区）政府负责，县大气办督导，6月底前完成。")
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("整治露天焚烧", [("各县（区）政府", "responsible"), ("县大气办", "support")], date(2025, 6, 30))]


def test_units_that_carry_out_what_a_lead_organizes():
    # 具体实施 after a lead names the units that carry the work out
    assert run("9.开展河道清障。由县水利局牵头组织，各镇人民政府具体实施，5月底前完成。") == [
        ("开展河道清障", [("县水利局", "lead"), ("各镇人民政府", "responsible")])]


def test_the_bearers_of_the_work_are_the_subject_of_the_directive_after_them():
    # X是…的责任主体，要…: X is who is to act
    assert run("（五）加强组织领导", "各乡镇人民政府是辖区秸秆禁烧的责任主体，要制定具体工作方案。") == [
        ("要制定具体工作方案", [("各乡镇人民政府", "responsible")])]


def test_the_units_before_the_occasion_of_their_work_are_the_subject_after_it():
    # category 5: X在…的同时，要… / X在…过程中，要…: X is who is to act, while doing what
    assert run("会议要求，各乡镇在抓好秋收的同时，要加强秸秆禁烧巡查。",
               "县住建局在推进项目建设过程中，要严格落实扬尘管控措施。") == [
        ("要加强秸秆禁烧巡查", [("各乡镇", "responsible")]),
        ("要严格落实扬尘管控措施", [("县住建局", "responsible")])]


# ------------------------------------------------------------ duty lists (category 2)

def test_a_measure_after_a_duty_on_its_line_is_the_same_units_duty():
    # 县卫生局：负责…。加强…: each sentence of the line a duty of the line's units
    assert run("3、县卫生局：负责医疗废物收集处置的监督管理。加强乡镇卫生院医疗垃圾收集管理，到2019年底前实现安全处置。",
               "4、县物价局：负责制定污水处理收费标准。") == [
        ("负责医疗废物收集处置的监督管理", [("县卫生局", "responsible")]),
        ("加强乡镇卫生院医疗垃圾收集管理，到2019年底前实现安全处置", [("县卫生局", "responsible")]),
        ("负责制定污水处理收费标准", [("县物价局", "responsible")])]


def test_a_duty_the_page_cuts_after_one_character_is_no_task():
    # 5、县安监局：做 where the page ends
    assert run("4、县物价局：负责制定污水处理收费标准。", "5、县安监局：做") == [
        ("负责制定污水处理收费标准", [("县物价局", "responsible")])]


def test_units_that_organize_the_implementation_are_responsible():
    # 各区、县（市）政府组织实施 names who carries the measure out
    assert run("（三）开展水源地专项整治。全面清理水源保护区内的排污口，年底前完成取缔工作。"
               "（市环保局、市水务局负责，各区、县（市）政府组织实施）") == [
        ("开展水源地专项整治。全面清理水源保护区内的排污口，年底前完成取缔工作",
         [("市环保局", "responsible"), ("市水务局", "responsible"), ("各区、县（市）政府", "responsible")])]


def test_a_lead_named_in_a_sections_heading_leads_its_items():
    # （一）…（牵头单位：X） heads the items under it; partners an item names join X
    assert run("（一）燃煤污染治理（牵头单位：县发改局）", "1.淘汰城区燃煤小锅炉。", "2.推广洁净型煤。（配合单位：县市场监管局）") == [
        ("淘汰城区燃煤小锅炉", [("县发改局", "lead")]),
        ("推广洁净型煤", [("县市场监管局", "support"), ("县发改局", "lead")])]


def test_roles_closing_the_work_an_item_names_before_them():
    # …整治由X负责，Y配合 / …检查：X牵头，Y配合: the work, then who does it
    assert run("1.城区饮用水源地整治由县环保局负责，县水务局、各乡镇人民政府配合。",
               "2.涉重金属企业专项检查：县环保局牵头，县安监局配合，6月底前完成。") == [
        ("城区饮用水源地整治", [("县环保局", "responsible"), ("县水务局", "support"), ("各乡镇人民政府", "support")]),
        ("涉重金属企业专项检查", [("县安监局", "support"), ("县环保局", "lead")])]


def test_a_target_line_over_its_unit_line_is_a_task_a_heading_over_items_is_not():
    # a division of a work report's targets written line by line: each numbered target,
    # with no items under it, is a row whose unit line names who answers for it
    assert run(
        "一、全区主要预期目标",
        "（一）地区生产总值增长6%以上",
        "责任单位：区发展和改革局",
        "（二）城镇新增就业3000人",
        "责任单位：区人力资源局",
        "二、重点工作",
        "（一）扬尘污染治理",
        "牵头单位：区住建局",
        "1.建筑工地落实围挡、覆盖措施。",
        "2.渣土车辆密闭运输。",
    ) == [
        ("地区生产总值增长6%以上", [("区发展和改革局", "responsible")]),
        ("城镇新增就业3000人", [("区人力资源局", "responsible")]),
        ("建筑工地落实围挡、覆盖措施", [("区住建局", "lead")]),
        ("渣土车辆密闭运输", [("区住建局", "lead")]),
    ]


def test_a_plan_handed_over_after_its_approval_asks_the_addressees():
    # 已经…审议通过，现予印发，请…: the 请 asks the notice's addressees, as after
    # 现将《X》印发给你们
    assert run(
        "各乡镇人民政府，县级各部门：",
        "《青禾县土壤污染防治工作方案》已经县人民政府常务会议审议通过，现予印发，请于6月底前报送落实情况。",
        "青禾县人民政府",
    ) == [("请于6月底前报送落实情况", [("各乡镇人民政府", "responsible"), ("县级各部门", "responsible")])]


def test_a_list_of_units_cut_short_by_the_pages_end_keeps_its_whole_names():
    # the page ends inside the last name (县国土资…): no body of that name
    tasks = run(
        "一、摸清底数",
        "（一）开展土壤环境调查。2025年底前完成全县农用地详查。（牵头单位：县环保局；责任单位：县农业局、县国土资",
    )
    assert [units for _, units in tasks] == [[("县环保局", "lead"), ("县农业局", "responsible")]]


# ---------------------------------------------------------------- roles of measures (category 1)

def test_a_parenthesis_of_roles_left_open_where_the_line_ends_and_labels_run_together():
    # the page lost the closing bracket and the blank between the labels; the second
    # label's list names a bureau glued to the next without its level
    assert run("2018年工作任务",
               "1.严控高耗能项目",
               "严格执行行业准入条件，实行产能等量置换。(牵头部门:县发改局配合部门:县商务局林业局、县环保局",
               "2.推行清洁生产",
               "全面推行清洁生产审核。(牵头部门:县环保局") == [
        ("严格执行行业准入条件，实行产能等量置换",
         [("县发改局", "lead"), ("县商务局", "support"), ("林业局", "support"), ("县环保局", "support")]),
        ("全面推行清洁生产审核", [("县环保局", "lead")]),
    ]


def test_lines_of_an_item_each_closing_with_their_own_roles_are_tasks_of_their_own():
    assert run("二、治理任务",
               "（一）整治占道烧烤",
               "全面取缔占道露天烧烤摊点。(牵头单位:县城管局;责任单位:各乡镇人民政府;配合单位:县市场监管局)",
               "烧烤摊点全部使用无油烟炉具。(牵头单位:县城管局;配合单位:县生态环境局)") == [
        ("全面取缔占道露天烧烤摊点",
         [("县城管局", "lead"), ("各乡镇人民政府", "responsible"), ("县市场监管局", "support")]),
        ("烧烤摊点全部使用无油烟炉具", [("县城管局", "lead"), ("县生态环境局", "support")]),
    ]


# ---------------------------------------------------------------- duty lists (category 2)

def test_duties_after_a_heading_and_its_colon():
    # 一是明确职责分工：X负责…；Y负责…: the first duty's units stand after the heading's colon
    assert run("青石县餐饮油烟整治工作安排",
               "一是明确职责分工：县生态环境局负责对餐饮业污染防治监督管理；县市场监管局负责对无证餐饮单位进行查处。") == [
        ("负责对餐饮业污染防治监督管理", [("县生态环境局", "responsible")]),
        ("负责对无证餐饮单位进行查处", [("县市场监管局", "responsible")]),
    ]


def test_units_acting_with_a_lead_by_a_role_word_and_an_action():
    # 由X牵头，Y、Z配合进行…: Y and Z support the work X leads, also after a heading
    expected = [("由县生态环境局牵头，县市场监管局、县住建局配合进行审批",
                 [("县生态环境局", "lead"), ("县市场监管局", "support"), ("县住建局", "support")])]
    assert run("青石县餐饮油烟整治工作安排", "由县生态环境局牵头，县市场监管局、县住建局配合进行审批。") == expected
    assert run("青石县餐饮油烟整治工作安排",
               "二是建立联合审批制度：由县生态环境局牵头，县市场监管局、县住建局配合进行审批。") == expected


def test_numbered_duty_lines_opening_with_their_units_and_a_full_stop():
    # 1、区住建局。排查…: the line's units are a sentence of their own; a heading closed the
    # same way (优化产业布局。) names no unit
    assert run("青石区大气污染防治职责分工",
               "1、区住建局。排查建筑工地扬尘问题，督促落实围挡覆盖要求。",
               "2、区考核评价机构。将大气污染防治工作纳入年度考核。",
               "3、优化产业布局。加快重污染企业搬迁改造。") == [
        ("排查建筑工地扬尘问题，督促落实围挡覆盖要求", [("区住建局", "responsible")]),
        ("将大气污染防治工作纳入年度考核", [("区考核评价机构", "responsible")]),
        ("优化产业布局。加快重污染企业搬迁改造", []),
    ]


def test_the_period_a_plans_announcing_purpose_names_is_no_time_limit_of_its_items():
    # 为…，从即日起至年底开展…，现制定工作方案如下：: the campaign's period, not a limit of
    # each item (a notice's 于9月30日前按以下要求整改： still gives its items one)
    tasks = extract("为改善镇区环境卫生，镇政府决定，从即日起至年底开展环境整治活动，现制定工作方案如下：",
                    "一、整治内容",
                    "1、清理沟渠。各村负责清理沟渠淤泥，清运漂浮垃圾。",
                    "2、整治院落。各村负责拆除院外违章棚圈。")
    assert [(t.text, t.deadline) for t in tasks] == [
        ("负责清理沟渠淤泥，清运漂浮垃圾", None), ("负责拆除院外违章棚圈", None)]
    tasks = extract("请你公司于9月30日前按以下要求进行整改：", "1、完善废气收集设施。", "2、规范危废贮存。")
    assert [t.deadline.date for t in tasks] == [date(2025, 9, 30), date(2025, 9, 30)]


def test_a_collective_opening_a_goal_under_a_heading_of_goals_is_no_task():
    # 一、工作目标 / 各乡镇（街道）…达到…: a target the plan sets, not a collective's task;
    # the measures after it are
    assert run("一、工作目标",
               "全县出境断面水质稳定达标。各乡镇（街道）河流出境断面水质好于入境断面。",
               "二、重点工作",
               "1.各乡镇（街道）开展入河排污口排查，建立整治台账。") == [
        ("开展入河排污口排查，建立整治台账", [("各乡镇（街道）", "responsible")])]


def test_sentences_of_an_item_each_opening_with_their_units_and_a_role_word():
    # 1、清理河道。各村负责A。镇水利站负责B。: the first sentence is its collective's task,
    # and so each later one opening with other units and 负责 is theirs
    assert run("一、整治内容",
               "1、清理河道。各村负责清理房前屋后沟渠淤泥，清运漂浮垃圾。镇水利站负责对清淤工作进行技术指导。",
               "2、整治院落。各村负责拆除院外违章棚圈。镇城建办负责组织验收。") == [
        ("负责清理房前屋后沟渠淤泥，清运漂浮垃圾", [("各村", "responsible")]),
        ("负责对清淤工作进行技术指导", [("镇水利站", "responsible")]),
        ("负责拆除院外违章棚圈", [("各村", "responsible")]),
        ("负责组织验收", [("镇城建办", "responsible")]),
    ]


def test_a_collective_and_a_bureau_each_with_its_duty_in_one_sentence_of_an_item():
    # （一）严控焚烧。各乡镇（街道）负责A，县农业农村局负责B。: two duties, each its body's
    assert run("二、重点任务",
               "（一）严控秸秆焚烧。各乡镇（街道）负责辖区内禁烧巡查，县农业农村局负责秸秆还田技术指导。") == [
        ("负责辖区内禁烧巡查", [("各乡镇（街道）", "responsible")]),
        ("负责秸秆还田技术指导", [("县农业农村局", "responsible")]),
    ]


def test_an_item_that_is_a_time_limit_and_what_it_completes_is_a_measure():
    # 2.年底前完成城区散煤清零。: what is completed is named, so the item is a task of the
    # section's units (not a time limit alone, nor one of generic work: 年底前完成整治任务)
    assert [(t.text, t.deadline.date if t.deadline else None, [u.name for u in t.units]) for t in extract(
        "二、重点任务", "（一）推进散煤治理", "牵头单位：县发改局",
        "1.全面排查散煤销售点，建立台账。", "2.年底前完成城区散煤清零。")] == [
        ("全面排查散煤销售点，建立台账", None, ["县发改局"]),
        ("年底前完成城区散煤清零", date(2025, 12, 31), ["县发改局"]),
    ]


def test_an_addressee_carries_over_a_line_break_after_a_semicolon():
    # the page breaks its lines after ；: the sentence, and its addressee, go on
    assert run("青石区关于做好污染防治工作的通知",
               "各街道要提高政治站位，坚决打好三大保卫战；",
               "要严格履行污染防治责任，狠抓各项措施落实。",
               "要及时曝光环境违法行为。") == [
        ("要提高政治站位，坚决打好三大保卫战", [("各街道", "responsible")]),
        ("要严格履行污染防治责任，狠抓各项措施落实", [("各街道", "responsible")]),
        ("要及时曝光环境违法行为", []),
    ]


def test_a_plans_purpose_and_its_scope_under_a_reposts_summary_are_no_tasks():
    # a repost's summary line runs the plan's first headings together: the sentence of
    # purpose after it, and the sections saying whom the campaign is about, hold no task
    assert run("青石县城餐饮油烟治理示范街方案",
               "摘要:为改善县城空气质量，根据有关要求，制定本方案。 一、工作目标 年底前完成示范街治理。 "
               "二、整治对象 位于人民街的8家餐饮单位。 三、组织领...",
               "为改善县城空气质量，根据有关要求，制定本方案。",
               "二、整治对象及范围",
               "位于人民街的8家餐饮单位，为示范街的重点整治对象。",
               "三、整治措施",
               "督促餐饮单位全部安装油烟净化设施。") == [("督促餐饮单位全部安装油烟净化设施", [])]


# ---------------------------------------------------------------- roles stated side by side

def test_a_body_in_charge_beside_a_helper_leads():
    # X负责，Y配合 splits the work as 牵头/配合 does: X leads; beside a body that only
    # oversees it (督导) X stays responsible
    assert run("（二）清理河道垃圾。由镇农业服务中心负责，镇派出所配合。") == [
        ("清理河道垃圾", [("镇农业服务中心", "lead"), ("镇派出所", "support")])]
    assert [units for _, units in run("要清运集镇生活垃圾，镇城建办负责，各村委会协助。")] == [
        [("镇城建办", "lead"), ("各村委会", "support")]]
    assert run("（三）巡查秸秆焚烧。各村委会负责，镇农业服务中心督导。") == [
        ("巡查秸秆焚烧", [("各村委会", "responsible"), ("镇农业服务中心", "support")])]


def test_a_time_sentence_closes_every_task_of_its_item_or_paragraph():
    # 各村负责A，镇林业站负责B。9月底前完成。: the sentence of time speaks for both duties
    def limits(*blocks):
        return [(t.text, t.deadline and t.deadline.date) for t in extract(*blocks)]

    assert limits("（四）各村委会负责清理房前屋后杂物，镇林业站负责补植行道树。9月底前完成。", "（五）加强宣传。") == [
        ("负责清理房前屋后杂物", date(2025, 9, 30)), ("负责补植行道树", date(2025, 9, 30)), ("加强宣传", None)]
    assert limits("各村委会负责清理房前屋后杂物，镇林业站负责补植行道树。9月底前完成。") == [
        ("负责清理房前屋后杂物", date(2025, 9, 30)), ("负责补植行道树", date(2025, 9, 30))]
    # a time sentence right after a task stays that task's; one inside the next task's
    # sentence is that task's own
    assert limits("（四）各村委会要清理杂物。5月底前完成。镇林业站要补植行道树，9月底前完成。") == [
        ("要清理杂物", date(2025, 5, 31)), ("要补植行道树，9月底前完成", date(2025, 9, 30))]
    assert limits("（四）各村委会要清理杂物。镇林业站要补植行道树，9月底前完成。") == [
        ("要清理杂物", None), ("要补植行道树，9月底前完成", date(2025, 9, 30))]


def test_a_directive_to_the_roles_named_together_is_a_task_without_units():
    # 各牵头、配合单位要…: vague addressees, the directive a task all the same
    assert run("各牵头、配合单位要加强沟通，及时通报进展。") == [("要加强沟通，及时通报进展", [])]
    assert run("（六）强化协作。各牵头单位、协办单位要定期会商。") == [("要定期会商", [])]



# ---------------------------------------------------------------- roles in square brackets

def test_a_measure_closing_with_its_roles_in_square_brackets_names_no_unit_of_its_words():
    # 〔X负责，Y配合实施〕 glued to the measure: the words before the bracket are no name
    assert run(
        "（一）优化水质监测断面。组织复核全县监测断面布设，做到断面位置科学规范〔县水利局负责，各乡镇人民政府配合实施〕。",
    ) == [("优化水质监测断面。组织复核全县监测断面布设，做到断面位置科学规范",
           [("县水利局", "lead"), ("各乡镇人民政府", "support")])]


# ---------------------------------------------------------------- pages cut short, measures closed by roles

def test_a_bracket_of_roles_the_page_cuts_inside_a_name_keeps_the_names_before_it():
    assert run(
        "（二）推进信息公开。按季度发布河流水质状况，制定达标计划〔县水利局负责，各乡",
    ) == [("推进信息公开。按季度发布河流水质状况，制定达标计划", [("县水利局", "responsible")])]


def test_a_labelled_parenthesis_the_page_cuts_short_keeps_its_lead_beside_its_helpers():
    # 责任单位：X，配合单位：Y、Z… cut inside Z: X leads, as it does where the list closes
    assert run(
        "1、关于“丙村取水口未设隔离网”问题。",
        "整改措施：在丙村取水口四周加装隔离网300米。（责任单位：县水务局，配合单位：县农业农村局、县林",
    ) == [("在丙村取水口四周加装隔离网300米", [("县水务局", "lead"), ("县农业农村局", "support")])]


def test_the_next_item_run_on_after_a_parenthesis_of_roles_opens_its_own_task():
    # 2、 after the roles closing item 1, on their line: item 1 was opened on a line before,
    # so the single marker numbers the next item, and its measures are its own
    assert run(
        "1、关于“丙村取水口未设隔离网”问题。",
        "整改措施：在丙村取水口四周加装隔离网300米。（责任单位：县水务局，配合单位：县农业农村局） 2、关于“丁村泵站旁堆放垃圾”问题。",
        "整改措施：清运丁村泵站旁垃圾并设置警示牌。（责任单位：县城管局，配合单位：县水务局）",
    ) == [("在丙村取水口四周加装隔离网300米", [("县水务局", "lead"), ("县农业农村局", "support")]),
          ("清运丁村泵站旁垃圾并设置警示牌", [("县城管局", "lead"), ("县水务局", "support")])]


def test_measures_whose_roles_close_them_before_the_full_stop_are_tasks_of_their_own():
    assert run(
        "3、推动货运结构调整。淘汰老旧柴油货车，推广新能源渣土车（县交通运输局、县公安局牵头；各街道办事处落实）。建设城区充电设施，提高公交电动化比例（县住建局负责）。",
    ) == [("推动货运结构调整。淘汰老旧柴油货车，推广新能源渣土车",
           [("县交通运输局", "lead"), ("县公安局", "lead"), ("各街道办事处", "responsible")]),
          ("建设城区充电设施，提高公交电动化比例", [("县住建局", "responsible")])]


def test_an_item_the_page_cuts_off_after_its_verb_is_no_task():
    assert run(
        "（一）强化扬尘管控",
        "1.落实工地围挡和冲洗措施，减少施工扬尘。",
        "2.加大",
    ) == [("落实工地围挡和冲洗措施，减少施工扬尘", [])]


def test_the_units_opening_the_sentence_after_an_items_heading_do_its_work():
    # （二）heading。X does the work: X is the item's unit, the heading stays in its text
    tasks = extract("（二）强化调度通报。县大气办每周通报各镇空气质量排名。")
    assert [(t.text, [(a.name, a.role) for a in t.units]) for t in tasks] == [
        ("强化调度通报。县大气办每周通报各镇空气质量排名", [("县大气办", "responsible")])]
    # a list going on with no name after the first (施工围挡处和裸土要…) is no subject
    tasks = extract("（三）工地扬尘防治。施工围挡处和裸土要及时覆盖。")
    assert [[a.name for a in t.units] for t in tasks] == [[]]


def test_a_parenthesis_of_roles_may_say_how_often_the_work_is_done():
    # （X、Y负责，每月开展）: the units and the pace of the measure, no part of its text
    tasks = extract("3.开展渣土车辆夜间路查。（县交警大队、县城管局负责，每月开展）")
    assert [(t.text, [(a.name, a.role) for a in t.units], t.deadline.kind) for t in tasks] == [
        ("开展渣土车辆夜间路查", [("县交警大队", "responsible"), ("县城管局", "responsible")], "recurring")]


def test_a_section_heading_that_sets_an_area_holds_measures():
    # （一）划定两类管控区域 names work (drawing the zones), not only an area as 二、禁烧区域
    # does: the items under it are measures
    assert [t.text for t in extract(
        "二、工作内容",
        "（一）划定两类管控区域",
        "1.重点管控区。区内麦秆统一收集，集中堆放。",
        "2.一般管控区。加强巡查，发现火点及时扑灭。",
    )] == ["重点管控区。区内麦秆统一收集，集中堆放", "一般管控区。加强巡查，发现火点及时扑灭"]


# ---------------------------------------------------------------- items run on in one line

def test_roles_closing_a_line_that_holds_a_section_and_its_points_are_the_section_s():
    # the heading and its points on one line, a parenthesis of roles (or fields) closing the
    # line: they are the whole section's, not its last point's
    tasks = extract(
        "一、扬尘治理",
        "（一）强化堆场管理。1.推行料堆全封闭储存。2.对露天堆场落实苫盖喷淋，严查未苫盖行为。（县工信局牵头，县城管局配合）",
        "（二）治理道路积尘。（1）提高主干道湿扫频次；（2）开展背街小巷集中清扫。责任单位：县环卫所。完成时限：长期坚持。",
    )
    assert [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks] == [
        ("推行料堆全封闭储存", [("县工信局", "lead"), ("县城管局", "support")]),
        ("对露天堆场落实苫盖喷淋，严查未苫盖行为", [("县工信局", "lead"), ("县城管局", "support")]),
        ("提高主干道湿扫频次", [("县环卫所", "responsible")]),
        ("开展背街小巷集中清扫", [("县环卫所", "responsible")]),
    ]
    assert [t.deadline and t.deadline.kind for t in tasks] == [None, None, "ongoing", "ongoing"]


def test_a_point_with_its_own_roles_on_its_own_line_keeps_them():
    # each point on a line of its own: the roles closing the last are its own
    assert run(
        "（一）强化堆场管理",
        "1.推行料堆全封闭储存。",
        "2.对露天堆场落实苫盖喷淋。（县城管局负责）",
    ) == [("推行料堆全封闭储存", []), ("对露天堆场落实苫盖喷淋", [("县城管局", "responsible")])]


def test_the_time_limit_of_a_lead_in_is_that_of_each_measure_it_announces():
    tasks = extract("（三）8月底前完成以下工作：①淘汰燃煤小锅炉3台；②完成石材加工企业清理。（县发改局负责）")
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("淘汰燃煤小锅炉3台", date(2025, 8, 31)), ("完成石材加工企业清理", date(2025, 8, 31))]


def test_a_facility_before_ying_is_no_addressee_splitting_an_item():
    # 供热站 / 加油站 end in 站 like an office (监测站) but name what the measure acts on:
    # the item stays one task, and its units are the ones its parenthesis names
    assert run("二、主要任务",
               "1.推进清洁取暖。禁止新建燃煤锅炉，城区燃煤供热站应逐步拆除，加油站应完成油气回收改造。"
               "（县住建局牵头，县商务局配合）") == [
        ("推进清洁取暖。禁止新建燃煤锅炉，城区燃煤供热站应逐步拆除，加油站应完成油气回收改造",
         [("县住建局", "lead"), ("县商务局", "support")])]


def test_roles_of_an_item_in_a_parenthesis_the_page_cuts_after_its_first_letter():
    # the page ends inside the parenthesis closing the item, just after the first
    # character of the next name (，各): the leads it names whole still lead the task
    assert run("三、主要工作任务", "（一）加快调整结构",
               "1.推进清洁取暖。制定取暖实施方案，禁止新建燃煤锅炉。各县区政府负责开展辖区相关工作。"
               "（市城管局、市发改委牵头，各") == [
        ("制定取暖实施方案，禁止新建燃煤锅炉。各县区政府负责开展辖区相关工作",
         [("各县区政府", "responsible"), ("市城管局", "lead"), ("市发改委", "lead")])]


def test_an_addressee_line_of_the_county_organs_and_peoples_organisations():
    # 县级国家机关各部门 is a collective like 县级各有关部门, 各人民团体 one of a named kind
    assert run(
        "各镇人民政府，县级国家机关各部门，各人民团体：",
        "现将《青川县空气质量改善方案》印发给你们，请于6月底前报送落实情况。",
    ) == [("请于6月底前报送落实情况",
           [("各镇人民政府", "responsible"), ("县级国家机关各部门", "responsible"), ("各人民团体", "responsible")])]


def test_an_addressee_whose_first_character_is_bracketed():
    # 各镇党委、（街）道党工委: the towns' and the streets' committees, 镇（街） written into
    # the name; the members read so make the line a list of addressees
    assert run(
        "各镇党委、（街）道党工委，各镇人民政府、（街）道办事处：",
        "现将《青川县空气质量改善方案》印发给你们，请于6月底前报送落实情况。",
    ) == [("请于6月底前报送落实情况",
           [("各镇党委", "responsible"), ("街道党工委", "responsible"),
            ("各镇人民政府", "responsible"), ("街道办事处", "responsible")])]


def test_a_section_telling_how_a_plan_was_drafted_holds_no_task():
    # a note explaining a plan: 起草过程 reports how it was drafted and passed
    assert run("一、制定背景", "为改善空气质量，制定本方案。", "二、起草过程",
               "由县环保办负责起草，形成了征求意见稿，经县政府常务会议讨论通过。", "三、主要内容",
               "各乡镇要落实禁烧责任。") == [("要落实禁烧责任", [("各乡镇", "responsible")])]


def test_a_section_headed_goals_and_requirements_holds_no_task():
    # 一、目标要求 states what the year is to reach, like 一、工作目标: its text is no task
    assert run("一、目标要求",
               "全面完成省政府下达的扬尘治理目标。2025年，全县降尘量持续下降，配合完成降尘监测点位建设。",
               "二、工作任务", "1.开展扬尘检查。加强工地巡查，督促落实防尘措施。") == [
        ("开展扬尘检查。加强工地巡查，督促落实防尘措施", [])]


def test_an_item_opening_with_its_time_limit_then_the_units_that_do_it():
    # a work plan's items: the time limit first, then the body that does the work
    assert run("一、完善组织体系", "1、3月底前，县水务局完成河长公示牌更新。", "2、6月底前，各乡镇组织开展河道清理。",
               "3、6月底前，成立县河长制工作领导小组。") == [
        ("3月底前，县水务局完成河长公示牌更新", [("县水务局", "responsible")]),
        ("6月底前，各乡镇组织开展河道清理", [("各乡镇", "responsible")]),
        # what the item sets up is no body that acts
        ("6月底前，成立县河长制工作领导小组", []),
    ]
    assert [t.deadline.date for t in extract("一、完善组织体系", "1、3月底前，县水务局完成河长公示牌更新。")] == [date(2025, 3, 31)]



def test_a_heading_parenthesis_of_roles_closed_by_a_blanket_gives_its_items_both():
    # （X牵头，Y负责落实。以下均需Y落实，不再列出） under a heading over numbered items: the
    # items take X's lead and Y's part; an item's own parenthesis speaks for it instead
    assert run("（二）加强面源管控。（州住房城乡建设局牵头，各县市人民政府负责落实。以下均需各县市人民政府落实，不再列出）",
               "1.加强施工扬尘监管。严格落实围挡和覆盖措施。",
               "2.推进道路清扫保洁。提高机械化清扫率。（州城市管理局负责）") == [
        ("加强施工扬尘监管。严格落实围挡和覆盖措施", [("各县市人民政府", "responsible"), ("州住房城乡建设局", "lead")]),
        ("推进道路清扫保洁。提高机械化清扫率", [("各县市人民政府", "responsible"), ("州城市管理局", "responsible")]),
    ]


def test_a_measure_closed_by_the_roles_of_all_of_it_is_one_task_whatever_its_trigger_words():
    # （一）heading。work。…必须…。work。（roles）: the parenthesis gives the roles of the whole
    # measure, whose sentences are one task; a blanket after a comma in it speaks for the
    # items after it
    assert run("二、重点任务",
               "（一）优化产业布局。严格项目准入。所有新建项目，必须符合园区规划要求。加快淘汰落后产能。"
               "（县发改局、县工信局按职责分工负责。各乡镇负责落实，以下均需各乡镇落实，不再列出）",
               "（二）推进清洁取暖。完成散煤替代。") == [
        ("优化产业布局。严格项目准入。所有新建项目，必须符合园区规划要求。加快淘汰落后产能",
         [("县发改局", "responsible"), ("县工信局", "responsible"), ("各乡镇", "responsible")]),
        ("推进清洁取暖。完成散煤替代", [("各乡镇", "responsible")]),
    ]


def test_a_thing_named_then_its_own_trigger_opens_a_task_above_numbered_sub_items():
    # a heading over sub-items, its paragraph naming a thing then 要: a task of its own,
    # its sub-items tasks of theirs
    assert run("一、治理任务", "（一）集中治理", "纳入治理的村庄要建设污水收集管网。处理规模以周边农户为准。",
               "1.东片村庄接入镇区管网。", "2.西片村庄新建处理设施。") == [
        ("要建设污水收集管网", []),
        ("东片村庄接入镇区管网", []),
        ("西片村庄新建处理设施", []),
    ]
    # a paragraph after a heading sentence is that item's work, not the section's
    assert run("二、工作任务", "（一）整治施工工地。", "施工场地要设置围挡。", "（二）规范运输。", "运输车辆要密闭。") == [
        ("整治施工工地。施工场地要设置围挡", []), ("规范运输。运输车辆要密闭", [])]


def test_a_time_limit_then_what_is_completed_opens_a_task_above_numbered_sub_items():
    # the paragraph of a heading over sub-items: its time limit first (a template's year left
    # open), then what the county completes by then
    tasks = extract("一、治理任务", "20xx年10月底前，全县完成15个村庄的污水治理任务。", "（一）集中治理",
                    "1.东片村庄接入镇区管网。", "2.西片村庄新建处理设施。")
    assert [(t.text, t.deadline and (t.deadline.kind, t.deadline.date)) for t in tasks] == [
        ("20xx年10月底前，全县完成15个村庄的污水治理任务", ("by", None)),
        ("东片村庄接入镇区管网", None),
        ("西片村庄新建处理设施", None),
    ]


def test_units_opening_a_later_part_with_an_action_word_do_that_piece_of_the_items_work():
    # beside the units that answer for the item, a later part names others and what they
    # do: they answer for the item too
    assert run("二、重点任务", "1.开展河道清理。由各镇负责，县水务局做好技术指导。") == [
        ("由各镇负责，县水务局做好技术指导", [("各镇", "responsible"), ("县水务局", "responsible")])]
    assert run("二、重点任务", "2.加强宣传引导。县委宣传部负责媒体宣传，各乡镇做好标语张贴。")[0][1] == [
        ("县委宣传部", "responsible"), ("各乡镇", "responsible")]
    assert run("二、重点任务", "（二）严格督查考核。县大气办每月通报，县纪委监委加强问责。")[0][1] == [
        ("县大气办", "responsible"), ("县纪委监委", "responsible")]
    # not a part that hands a piece over to a drafter (由X制定…), nor one saying whom the
    # action is about
    assert run("二、重点任务", "3.县环保局加强水源地监测，由青石镇制定保护规定。")[0][1] == [("县环保局", "responsible")]
    assert run("二、重点任务", "4.县住建局负责工地巡查，督促施工单位落实围挡。")[0][1] == [("县住建局", "responsible")]


def test_an_items_closing_target_framed_by_a_year_sets_no_limit():
    # the item's sentences keep their stops when its limit is looked for: the year opening
    # its last sentence frames the target stated there
    found = extract("一、重点任务", "（一）控制用水总量。严格取水许可管理，推行计划用水。2026年，全县用水总量控制在2亿立方米以内。",
                    "（二）整治黑臭水体。开展排污口排查。到2026年，城区黑臭水体基本消除。")
    assert [t.deadline and t.deadline.date for t in found] == [None, date(2026, 12, 31)]


def test_a_sentence_of_purpose_announcing_what_follows_is_no_task():
    # a notice's first sentence after its addressees: why it is sent, and that the duties follow
    from minutes.nlp.normalize import normalize

    page = normalize(Document("t", "txt", blocks=[
        "青石市河长办关于明确乡村两级河长职责的通知", "各县市区河长制工作委员会：",
        "为进一步落实责任，建立三级河长管理体制，根据市委办《关于全面推行河长制的工作方案》，现将乡、村两级河长职责明确如下：",
        "一、乡级河长职责", "1.负责开展河道普查工作。"]))
    assert [t.text for t in tasks_of(page, anchor=ANCHOR)] == ["负责开展河道普查工作"]


def test_a_heading_of_general_requirements_run_into_its_text_gives_no_task():
    # 总体要求 is the heading's noun, no 要求 addressing anyone
    assert run("某街道五烧整治工作方案", "一、总体要求按照“标本兼治”原则，进一步推进秸秆综合利用，不断提高禁烧监管水平。",
               "二、重点任务", "（一）强化巡查。各村要加强巡查。") == [("要加强巡查", [("各村", "responsible")])]


def test_an_items_measure_holding_a_directive_about_a_thing_is_one_task():
    # （一）heading / the item's measure, then 线性工程要… about a thing, no addressee: the
    # item is one task, its text from the measure on
    assert [t.text for t in extract("四、重点任务", "（一）加强施工工地扬尘治理",
                                    "强化全区建筑工地精细化管控。特别是大型施工工地，各类市政、管网建设等线性工程要实施"
                                    "重点监管，采取分段施工等措施。",
                                    "（二）强化道路扬尘治理", "提高道路机扫率，减少道路积尘。")] == [
        "强化全区建筑工地精细化管控。特别是大型施工工地，各类市政、管网建设等线性工程要实施重点监管，采取分段施工等措施",
        "提高道路机扫率，减少道路积尘"]
    # a directive naming its addressee keeps its own task
    assert ("要实施分段施工", [("区住建局", "responsible")]) in run(
        "四、重点任务", "（一）加强施工工地扬尘治理", "强化全区建筑工地精细化管控。区住建局要实施分段施工。")


def test_an_items_roles_stated_after_their_label_and_wei_or_by_shi():
    # 责任单位为X / X是责任主体: a sentence of roles closing the measure, not its text
    assert run("一、重点任务", "（一）推进散煤治理。责任单位为各县区政府，市发改委负责指导。",
               "（二）开展秸秆禁烧。各县区政府是责任主体。") == [
        ("推进散煤治理", [("各县区政府", "responsible"), ("市发改委", "responsible")]),
        ("开展秸秆禁烧", [("各县区政府", "responsible")]),
    ]


def test_a_second_print_the_page_cut_short_gives_no_task_of_its_own():
    # a repost prints its report twice, the second copy cut off mid-sentence: the cut
    # copy's directive is the start of the first one's, not a task of its own
    said = "会上，镇长就秋冬季治理提出要求。要守住空气质量底线，秋冬季治理是全年工作的重点，必须压茬推进、久久为功。"
    cut = said[: said.index("必须")]
    assert [t.text for t in extract(said, "责任编辑：某某", cut)] == [
        "要守住空气质量底线，秋冬季治理是全年工作的重点，必须压茬推进、久久为功"]
    # (a line that is no cut copy keeps its tasks, the same words or not)
    assert len(extract(said, "要守住空气质量底线，秋冬季治理是全年工作的重点。")) == 2


def test_measures_a_task_field_numbers_on_its_own_line_are_a_task_each():
    # 重点任务：(1)…。(2)…: the field's value is the item's measures, numbered inline; each
    # is a task with the roles the item states
    roles = "责任部门：省环保厅牵头，省发改委配合。"
    expected = [("开展园区清理整顿，制定管控目录", [("省环保厅", "lead"), ("省发改委", "support")]),
                ("加快园区污水管网建设", [("省环保厅", "lead"), ("省发改委", "support")])]
    for measures in ("重点任务：(1)开展园区清理整顿，制定管控目录。(2)加快园区污水管网建设。",
                     "整改措施：1.开展园区清理整顿，制定管控目录。2.加快园区污水管网建设。"):
        assert run("一、加快推进三项行动", "（一）园区整治专项行动", measures, roles) == expected
    # (a field whose value holds one measure stays one task: a figure in it, 1.5万吨, opens
    # no item)
    assert run("（一）园区整治专项行动", "重点任务：开展园区清理整顿，处置危废1.5万吨。", roles) == [
        ("开展园区清理整顿，处置危废1.5万吨", [("省环保厅", "lead"), ("省发改委", "support")])]


def test_a_stage_given_its_time_in_parentheses_heads_the_work_under_it():
    # （一）初步排查（4月10日前完成）: the stage's name and time, its work and roles in the lines
    # under it — the task is the work, limited by the stage's time
    tasks = extract("某区排污口排查方案", "四、重点任务", "（一）初步排查（4月10日前完成）",
                    "组织人员沿河踏勘，建立排污口初步名录。", "牵头单位：区环保局", "配合单位：区水利局",
                    "（二）详细排查（4月25日前完成）", "（三）开展巡查（5月底前）")
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("组织人员沿河踏勘，建立排污口初步名录", [("区环保局", "lead"), ("区水利局", "support")], date(2025, 4, 10)),
        # a stage with nothing under it is the task itself; a measure's verb closed by its time too
        ("详细排查", [], date(2025, 4, 25)),
        ("开展巡查", [], date(2025, 5, 31)),
    ]


def test_an_items_deliverables_each_with_its_own_dated_limit_are_a_task_each():
    # the item's ；-parts, and a comma part opening with a limit of its own, each hand in
    # something by a day: a task each, by the units the item names and those its part names
    tasks = extract("某市水源地保护工作方案", "二、重点任务",
                    "1.开展水源地环境状况调查。城区水源地调查由市水务局负责，2018年底前完成；"
                    "乡镇水源地调查由市环保局负责，2019年6月底前摸清底数，2019年底前完成评估。（市政府办牵头）",
                    "2.由市林业局牵头，建设水源涵养林，2020年底前完成。")
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("开展水源地环境状况调查。城区水源地调查由市水务局负责，2018年底前完成",
         [("市政府办", "lead"), ("市水务局", "responsible")], date(2018, 12, 31)),
        ("乡镇水源地调查由市环保局负责，2019年6月底前摸清底数", [("市政府办", "lead"), ("市环保局", "responsible")],
         date(2019, 6, 30)),
        ("2019年底前完成评估", [("市政府办", "lead")], date(2019, 12, 31)),
        # one deliverable stays one task
        ("由市林业局牵头，建设水源涵养林，2020年底前完成", [("市林业局", "lead")], date(2020, 12, 31)),
    ]


def test_an_items_sentences_each_opening_with_a_dated_limit_are_tasks_of_their_own():
    # category 4: two deliverables of an item, each its own sentence with its own dated
    # limit — two tasks; the item's heading goes with the first, its roles with both
    assert run("（一）强化监测",
               "1.建立健全土壤环境监测网络。2017年年底前，完成监测点位设置。2020年10月底前，提高监测频次。（县环保局牵头）",
               "2.开展详查。2018年年底前，完成农用地详查。") == [
        ("建立健全土壤环境监测网络。2017年年底前，完成监测点位设置", [("县环保局", "lead")]),
        ("2020年10月底前，提高监测频次", [("县环保局", "lead")]),
        ("开展详查。2018年年底前，完成农用地详查", []),
    ]
