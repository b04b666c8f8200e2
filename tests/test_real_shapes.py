"""Shapes of real published texts the rules must read (the categories of failure seen on
real reposts, plans and notices), each on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.models import Document
from minutes.nlp.components.clauses import segment
from minutes.nlp.components.tasks import tasks_of

ANCHOR = date(2025, 3, 10)


def run(*blocks, anchor=ANCHOR):
    tasks = tasks_of(Document("t", "txt", blocks=list(blocks)), anchor=anchor)
    return [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks]


def test_addressee_carries_to_the_subjectless_clauses_of_its_sentence():
    assert run("会议要求，各乡镇要压实属地责任；要建立巡查台账；要及时上报。要加强宣传。") == [
        ("要压实属地责任", [("各乡镇", "responsible")]),
        ("要建立巡查台账", [("各乡镇", "responsible")]),
        ("要及时上报", [("各乡镇", "responsible")]),
        ("要加强宣传", []),  # not past the sentence's 。
    ]


def test_addressee_carries_to_a_later_part_opening_with_its_own_time_limit():
    # the part after ； names its own time limit but no subject: the same addressee's work
    assert run("县水务局要加强汛期值守；6月底前，建立堤防隐患台账。要加强宣传。") == [
        ("要加强汛期值守", [("县水务局", "responsible")]),
        ("6月底前，建立堤防隐患台账", [("县水务局", "responsible")]),
        ("要加强宣传", []),
    ]


def test_parts_after_a_semicolon_without_a_trigger_go_on_the_clause_with_one():
    # category 3: 要A；坚持B；发挥C。 is one task — the parts hold several verbs and no new 要
    assert run("会议要求，全县上下要扛牢生态责任；坚持底线思维，守牢安全底线；发挥斗争精神，严惩违法行为。") == [
        ("要扛牢生态责任；坚持底线思维，守牢安全底线；发挥斗争精神，严惩违法行为", [])]
    # ... but a run a lead-in opened without a 要 makes each part a task
    assert [text for text, _ in run("会议要求：加快散煤清零；强化工地扬尘管控。")] == ["加快散煤清零", "强化工地扬尘管控"]


def test_a_second_addressee_in_the_sentence_stops_the_carrying():
    assert run("各乡镇要加强巡查；县水利局要做好监测；要严肃问责。") == [
        ("要加强巡查", [("各乡镇", "responsible")]),
        ("要做好监测", [("县水利局", "responsible")]),
        ("要严肃问责", []),
    ]


def test_notice_with_two_deliverables_and_two_time_limits():
    tasks = tasks_of(Document("t", "txt", blocks=["近日，县环保局发出通知，要求5月10日前报送排查清单，6月20日前报送整改报告。"]),
                     anchor=ANCHOR)
    assert [(t.text, t.deadline.date) for t in tasks] == [
        ("要求5月10日前报送排查清单", date(2025, 5, 10)),
        ("6月20日前报送整改报告", date(2025, 6, 20)),
    ]


def test_yao_clause_opening_with_a_prepositional_phrase_is_no_lead_in():
    # 要按照…要求， reads like 会议要求， but its 要 is the trigger
    assert run("会议指出，秸秆禁烧关系群众健康。要按照省、市工作要求，坚决守住不着火底线。") == [
        ("要按照省、市工作要求，坚决守住不着火底线", [])]


def test_subject_the_recognizer_does_not_know_after_a_speakers_lead_in():
    assert run("他表示，巡查专班日常工作要服从调度，不折不扣落实要求。") == [("要服从调度，不折不扣落实要求", [])]
    assert run("会议强调，联席会议各成员单位要统一思想、形成合力。") == [("要统一思想、形成合力", [])]
    # within a directive run too, after a first directive
    assert run("他表示，要加强巡查。护林小组全体队员要坚守岗位，严防死守。") == [
        ("要加强巡查", []), ("要坚守岗位，严防死守", [])]


def test_addressees_of_yaoqiu_without_a_comma():
    assert run("会议要求各街道要高度重视，抓好落实。") == [("要高度重视，抓好落实", [("各街道", "responsible")])]
    assert run("会议要求县林业局、县公安局加强巡查，严防火情。") == [
        ("要求县林业局、县公安局加强巡查，严防火情", [("县林业局", "responsible"), ("县公安局", "responsible")])]


def test_lead_in_after_an_adverbial():
    assert run("针对督察反馈问题，会议要求，加快整改进度，确保按期销号。") == [("加快整改进度，确保按期销号", [])]


def test_action_handed_to_units_with_a_role_word_and_no_comma():
    assert run("由县住建局、县城管局等单位负责加强工地扬尘管控。") == [
        ("由县住建局、县城管局等单位负责加强工地扬尘管控", [("县住建局", "responsible"), ("县城管局", "responsible")])]
    assert run("由县住建局负责完成了工地扬尘检查。") == []  # reported as done


def test_role_sentence_after_a_directive_gives_its_roles():
    assert run("会议指出，要加强工地巡查。区住建委牵头，区城管局配合。") == [
        ("要加强工地巡查", [("区住建委", "lead"), ("区城管局", "support")])]


def test_narrative_subject_without_a_lead_in_is_no_directive():
    assert run("今年以来，全县空气质量要好于去年同期。") == []


def test_addressees_with_two_time_limits_and_no_trigger_word():
    assert run("通知要求，各乡镇于10月10日前报送秸秆禁烧方案，11月26日前报送工作总结。") == [
        ("于10月10日前报送秸秆禁烧方案", [("各乡镇", "responsible")]),
        ("11月26日前报送工作总结", [("各乡镇", "responsible")]),
    ]
    assert run("县政府办公室要求县林业局于6月底前完成防火巡查。") == [("于6月底前完成防火巡查", [("县林业局", "responsible")])]


def test_units_that_finished_by_a_date_are_no_task():
    assert run("县林业局于6月底前完成了防火巡查。") == []


def test_rectification_field_lines_outside_numbered_items():
    from minutes.nlp.components.tasks import tasks_of as tasks

    page = Document("t", "txt", blocks=["存在问题：某砂石厂露天堆放未苫盖", "整改要求：立即完成苫盖，建立巡查制度。",
                                        "整改时限：2025年6月30日前", "责任单位：柳林镇人民政府",
                                        "存在问题：某搅拌站车辆带泥上路", "整改要求：安装车辆冲洗设施。",
                                        "整改时限：2025年5月31日前", "责任单位：城关镇人民政府"])
    assert [(t.text, [u.name for u in t.units], t.deadline.date) for t in tasks(page, anchor=ANCHOR)] == [
        ("立即完成苫盖，建立巡查制度", ["柳林镇人民政府"], date(2025, 6, 30)),
        ("安装车辆冲洗设施", ["城关镇人民政府"], date(2025, 5, 31)),
    ]


def test_rectification_requirement_of_a_numbered_problem_is_its_task():
    from minutes.nlp.components.tasks import tasks_of as tasks

    page = Document("t", "txt", blocks=["问题1：某砂石厂露天堆放未苫盖。", "整改要求：立即完成苫盖。",
                                        "整改时限：2025年6月30日前", "责任单位：柳林镇"])
    # the time-limit line outranks 立即 in the requirement's text
    assert [(t.text, [u.name for u in t.units], t.deadline.date) for t in tasks(page, anchor=ANCHOR)] == [
        ("立即完成苫盖", ["柳林镇"], date(2025, 6, 30))]


def test_request_for_a_report_without_a_date_is_no_second_task():
    assert [t.text for t in tasks_of(Document("t", "txt", blocks=["请各乡镇于5月10日前报送清单，抄送县环保局。"]), anchor=ANCHOR)] == [
        "请各乡镇于5月10日前报送清单，抄送县环保局"]


def test_action_handed_over_with_a_time_limit_then_its_units_listed():
    notice = ("对本次通报的问题，由各主管部门依法查处，并将整改情况于5月9日前书面报送县督查组。"
              "相关责任单位包括县住建局、城关镇政府、县经开区管委会等。")
    assert run(notice) == [(
        "由各主管部门依法查处，并将整改情况于5月9日前书面报送县督查组",
        [("县住建局", "responsible"), ("城关镇政府", "responsible"), ("县经开区管委会", "responsible")],
    )]


def test_handed_over_action_reported_as_done_is_no_task():
    assert run("由各主管部门依法查处，已于5月9日前全部整改到位。") == []


# ---------------------------------------------------------------- meetings


def meeting(*paragraphs: str, title: str | None = None):
    from minutes.nlp.components.meeting import meeting_of

    return meeting_of(Document("t", "txt", title=title, blocks=list(paragraphs)))


def test_attendees_who_then_give_instructions_are_speakers():
    found = meeting(
        "5月6日，县扬尘治理工作会议召开。县委常委、副县长王建华，县政府副县长李明，县环保局局长赵刚参加会议。",
        "王建华就扬尘治理工作提出具体要求。李明传达了全市会议精神。",
    )
    assert sorted((p.name, p.role) for p in found.people) == [
        ("李明", "speaker"), ("王建华", "speaker"), ("赵刚", "attendee")]


def test_units_whose_deputies_attend_are_meeting_units():
    found = meeting("5月6日，县河长办召开整改工作会议。县住建局、县农业局、各乡镇人民政府分管负责人参加。")
    assert found.units == ["县住建局", "县农业局"]


# ---------------------------------------------------------------- flattened tables


def test_flattened_task_table_is_read_row_by_row():
    from minutes.nlp.normalize import normalize

    page = normalize(Document("t", "txt", blocks=[
        "2025年扬尘治理任务分解表",
        "序号  工作任务  牵头单位  配合单位  完成时限",
        "1  开展建筑工地扬尘专项检查，建立问题台账。  县住建局  县城管局  6月底前  2  加强渣土运输车辆管理。"
        "  县交通运输局  县公安局、县城管局  长期坚持  3  开展专项宣传。  县委宣传部  持续开展",
    ]))
    tasks = tasks_of(page, anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline.kind) for t in tasks] == [
        ("开展建筑工地扬尘专项检查，建立问题台账", [("县住建局", "lead"), ("县城管局", "support")], "by"),
        ("加强渣土运输车辆管理", [("县交通运输局", "lead"), ("县公安局", "support"), ("县城管局", "support")], "ongoing"),
        # one unit cell for two unit columns: the cells cannot be told apart, the first leads
        ("开展专项宣传", [("县委宣传部", "lead")], "ongoing"),
    ]


def test_header_and_rows_in_one_paragraph():
    line = "工作任务 责任单位 完成时间 完成农村黑臭水体排查。 各乡镇 9月底前 建立长效管护机制。 县农业农村局 年底前"
    assert run(line) == [
        ("完成农村黑臭水体排查", [("各乡镇", "responsible")]),  # the 责任单位 column
        ("建立长效管护机制", [("县农业农村局", "responsible")]),
    ]


def flat(*lines):
    """Tasks of a page as the pipeline reads it: normalized first, which removes one space
    between two Han characters, so cells separated by single spaces run together."""
    from minutes.nlp.normalize import normalize

    page = normalize(Document("t", "txt", blocks=list(lines)))
    return [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.kind)
            for t in tasks_of(page, anchor=ANCHOR)]


def test_flattened_rows_whose_cells_are_separated_by_single_spaces():
    assert flat("序号 工作任务 责任单位 完成时限",
                "1 开展露天焚烧巡查。 各乡镇 长期坚持 2 完成餐饮油烟设施排查。 县市场监管局 6月底前") == [
        ("开展露天焚烧巡查", [("各乡镇", "responsible")], "ongoing"),
        ("完成餐饮油烟设施排查", [("县市场监管局", "responsible")], "by"),
    ]


def test_flattened_header_with_spaces_inside_or_split_over_two_lines():
    rows = [("开展露天焚烧巡查", [("各乡镇", "responsible")], "ongoing")]
    assert flat("工 作 任 务  责 任 单 位  完 成 时 限", "开展露天焚烧巡查。 各乡镇 长期坚持") == rows
    assert flat("工作任务 责任", "单位 完成时限", "开展露天焚烧巡查。 各乡镇 长期坚持") == rows


def test_flattened_row_number_glued_to_its_text_and_glued_cells():
    assert flat("工作任务 牵头单位 配合单位 完成时限",
                "1开展露天焚烧巡查 县林业局 各乡镇 长期坚持 2完成餐饮油烟设施排查 县市场监管局 县城管局 6月30日") == [
        ("开展露天焚烧巡查", [("县林业局", "lead"), ("各乡镇", "support")], "ongoing"),
        # a bare date in the time-limit column is the date to finish by
        ("完成餐饮油烟设施排查", [("县市场监管局", "lead"), ("县城管局", "support")], "by"),
    ]


def test_flattened_unit_cells_that_state_their_roles():
    assert flat("工作任务 责任单位 完成时限",
                "开展露天焚烧巡查 县林业局牵头，各乡镇配合 长期坚持 完成餐饮油烟设施排查 县市场监管局（牵头） 县城管局 6月底前") == [
        ("开展露天焚烧巡查", [("县林业局", "lead"), ("各乡镇", "support")], "ongoing"),
        # three units for one unit column: cells cannot be told apart, the rest responsible
        ("完成餐饮油烟设施排查", [("县市场监管局", "lead"), ("县城管局", "responsible")], "by"),
    ]


def test_flattened_row_continuing_on_the_next_line():
    assert flat("序号 重点任务 牵头单位 配合单位 完成时限", "1 开展露天焚烧巡查，", "建立巡查台账。 县林业局 各乡镇 长期坚持",
                "2 完成餐饮油烟设施排查。 县市场监管局 县城管局 6月底前", "二、保障措施") == [
        ("开展露天焚烧巡查，建立巡查台账", [("县林业局", "lead"), ("各乡镇", "support")], "ongoing"),
        ("完成餐饮油烟设施排查", [("县市场监管局", "lead"), ("县城管局", "support")], "by"),
    ]


def test_flattened_target_row_and_units_inside_the_task_text():
    assert flat("序号 主要任务 责任单位 时间节点", "1 优良天数比例稳定在85%以上 县生态环境局、各乡镇 年底前",
                "2 督促各乡镇开展秸秆禁烧巡查 县农业农村局 长期坚持") == [
        # a target row is a task; one cell listing two units for the one unit column
        ("优良天数比例稳定在85%以上", [("县生态环境局", "responsible"), ("各乡镇", "responsible")], "by"),
        ("督促各乡镇开展秸秆禁烧巡查", [("县农业农村局", "responsible")], "ongoing"),
    ]


def test_glued_unit_cells_one_of_them_a_list():
    # 县交通运输局 县公安局、县城管局 loses its space: the glue still parts the two cells
    assert flat("工作任务 牵头单位 配合单位 完成时限", "加强渣土车辆管理。 县交通运输局 县公安局、县城管局 长期坚持") == [
        ("加强渣土车辆管理", [("县交通运输局", "lead"), ("县公安局", "support"), ("县城管局", "support")], "ongoing")]
    # one list for two unit columns: the first unit leads, the rest are responsible
    assert flat("工作任务 牵头单位 配合单位 完成时限", "加强渣土车辆管理。 县交通运输局、县公安局 长期坚持") == [
        ("加强渣土车辆管理", [("县交通运输局", "lead"), ("县公安局", "responsible")], "ongoing")]


def test_flattened_rows_under_section_headings_with_dotted_row_numbers():
    assert flat("重点任务 责任单位 完成时限", "（一）强化工业源治理", "1.完成燃煤锅炉超低排放改造 县工信局 2025年10月底前",
                "（二）强化移动源治理", "2.淘汰老旧柴油货车 县交通运输局 年底前") == [
        ("完成燃煤锅炉超低排放改造", [("县工信局", "responsible")], "by"),
        # the task's text glued to the unit is no unit name of 16 characters
        ("淘汰老旧柴油货车", [("县交通运输局", "responsible")], "by"),
    ]


def test_table_going_on_from_the_page_before_without_its_header():
    assert flat("12 开展餐饮油烟专项检查。 县城管局 县市场监管局 6月底前 13 完成加油站油气回收改造。 县商务局 9月底前",
                "四、保障措施") == [
        # the columns are unknown: the first unit leads, the rest are responsible
        ("开展餐饮油烟专项检查", [("县城管局", "lead"), ("县市场监管局", "responsible")], "by"),
        ("完成加油站油气回收改造", [("县商务局", "responsible")], "by"),
    ]
    # one numbered line holding a task, units and a time limit is a row all the same
    assert flat("1 开展餐饮油烟专项检查。 县城管局 6月底前") == [("开展餐饮油烟专项检查", [("县城管局", "responsible")], "by")]
    # …but not without its number or time limit
    assert flat("开展餐饮油烟专项检查。 县城管局 6月底前") == []
    assert flat("1 开展餐饮油烟专项检查。 县城管局") == []


def test_flattened_table_whose_unit_column_comes_first():
    assert flat("责任单位 工作任务 完成时限", "县住建局 负责建筑工地扬尘管控。 长期坚持 县城管局 负责道路清扫保洁。 6月底前") == [
        ("负责建筑工地扬尘管控", [("县住建局", "responsible")], "ongoing"),
        ("负责道路清扫保洁", [("县城管局", "responsible")], "by"),
    ]


def test_flattened_duty_table():
    assert flat("序号 单位 主要职责", "1 县住建局 负责建筑工地扬尘管控，督促落实围挡措施。", "2 县城管局 负责道路清扫保洁。") == [
        ("负责建筑工地扬尘管控，督促落实围挡措施", [("县住建局", "responsible")], None),
        ("负责道路清扫保洁", [("县城管局", "responsible")], None),
    ]


def test_table_copied_cell_by_cell_one_cell_a_line():
    assert flat("附表", "序号", "工作任务", "责任单位", "完成时限", "1", "开展露天焚烧巡查。", "县林业局", "长期坚持",
                "2", "完成餐饮油烟设施排查。", "县市场监管局、县城管局", "6月底前", "二、保障措施") == [
        ("开展露天焚烧巡查", [("县林业局", "responsible")], "ongoing"),
        ("完成餐饮油烟设施排查", [("县市场监管局", "responsible"), ("县城管局", "responsible")], "by"),
    ]


def test_flattened_table_with_a_person_and_a_remarks_column():
    assert flat("序号 重点工作 责任单位 责任人 截止时间 备注",
                "1 开展露天焚烧巡查 县林业局 王明 长期坚持 2 完成油烟设施排查 县市场监管局 李华 6月底前 已启动") == [
        ("开展露天焚烧巡查", [("县林业局", "responsible")], "ongoing"),
        ("完成油烟设施排查", [("县市场监管局", "responsible")], "by"),
    ]


def test_flattened_table_with_bars_between_cells():
    assert flat("| 序号 | 工作任务 | 责任单位 | 完成时限 |", "| 1 | 开展露天焚烧巡查 | 县林业局 | 长期坚持 |") == [
        ("开展露天焚烧巡查", [("县林业局", "responsible")], "ongoing")]


# ---------------------------------------------------------------- role fields of plan items


def test_item_whose_measures_each_close_with_their_roles_is_two_tasks():
    found = tasks_of(Document("t", "txt", blocks=[
        "二、重点任务",
        "1.控制燃煤总量。完成县域燃煤消费台账编制，明确削减目标。（县发改局牵头，县统计局参与。以下各项"
        "均由各乡镇落实。）按照市里部署，城区不再新建小型燃煤锅炉，10月底前完成排查。（县市场监管局牵头，县住建局参与）",
        "2.整治散乱污企业。完成城郊工业点排查整治。（县生态环境局牵头）"]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in found] == [
        ("控制燃煤总量。完成县域燃煤消费台账编制，明确削减目标", [("县发改局", "lead"), ("县统计局", "support")], None),
        # (the blanket closing the first measure's parenthesis speaks for what follows it)
        ("按照市里部署，城区不再新建小型燃煤锅炉，10月底前完成排查",
         [("各乡镇", "responsible"), ("县市场监管局", "lead"), ("县住建局", "support")], date(2025, 10, 31)),
        ("整治散乱污企业。完成城郊工业点排查整治", [("各乡镇", "responsible"), ("县生态环境局", "lead")], None),
    ]


def test_field_labels_set_off_by_a_space_instead_of_a_colon():
    # (text converted from a PDF or copied from a table keeps the gap, not the colon)
    assert run("1.开展燃煤锅炉排查。", "牵头单位 县发改局", "配合单位 县市场监管局", "2.推进散煤清零。", "牵头单位 县住建局") == [
        ("开展燃煤锅炉排查", [("县发改局", "lead"), ("县市场监管局", "support")]),
        ("推进散煤清零", [("县住建局", "lead")]),
    ]
    [task] = tasks_of(Document("t", "txt", blocks=["1.开展燃煤锅炉排查。责任单位 县发改局　完成时限 2025年6月底前"]), anchor=ANCHOR)
    assert [(u.name, u.role) for u in task.units] == [("县发改局", "responsible")]
    assert task.deadline.date == date(2025, 6, 30)
    # a label's words in a sentence are no label
    assert run("1.开展燃煤锅炉排查。请各责任单位 及时报送进展。") == [("请各责任单位 及时报送进展", [])]


def test_units_in_square_brackets_after_an_item():
    assert run("1.开展燃煤锅炉排查。【责任单位：县生态环境局】", "2.完成油烟治理。【牵头单位：县城管局；配合单位：县市场监管局】") == [
        ("开展燃煤锅炉排查", [("县生态环境局", "responsible")]),
        ("完成油烟治理", [("县城管局", "lead"), ("县市场监管局", "support")]),
    ]


def test_units_in_tortoise_shell_brackets_after_an_item():
    assert run("1.完成油烟治理。〔县城管局牵头，县市场监管局参与，各乡、镇人民政府负责落实〕") == [
        ("完成油烟治理", [("县城管局", "lead"), ("县市场监管局", "support"), ("各乡、镇人民政府", "responsible")])]


def test_units_by_their_duties_and_collectives_with_a_kind_in_parentheses():
    assert run("1.推进道路保洁。（县城管局牵头，县级各有关部门及各镇街按职责分工负责）",
               "2.加强工地扬尘管控。", "责任单位：县住建局、县执法局，各街道（园区）。") == [
        ("推进道路保洁", [("县城管局", "lead"), ("县级各有关部门", "responsible"), ("各镇街", "responsible")]),
        ("加强工地扬尘管控", [("县住建局", "responsible"), ("县执法局", "responsible"), ("各街道（园区）", "responsible")]),
    ]


def test_labelled_unit_list_whose_separating_spaces_were_lost():
    # 责任单位：县住建局 县城管局 县交通局 as normalizing leaves it
    assert flat("（三）开展扬尘治理。", "责任单位：县住建局 县城管局 县交通局") == [
        ("开展扬尘治理", [("县住建局", "responsible"), ("县城管局", "responsible"), ("县交通局", "responsible")], None)]


def test_main_responsible_unit_label_and_bodies_of_a_campaign():
    assert run("（六）开展油烟整治。主要责任单位：县城管执法局；协办单位：县市场监管局",
               "（十）加强宣传。责任单位：县委宣传部、县广播电视台、县妇联、县科协") == [
        ("开展油烟整治", [("县城管执法局", "responsible"), ("县市场监管局", "support")]),
        ("加强宣传", [("县委宣传部", "responsible"), ("县广播电视台", "responsible"), ("县妇联", "responsible"),
                   ("县科协", "responsible")]),
    ]


def test_labelled_list_with_role_words_partners_and_a_manner_in_parentheses():
    assert run("（二）加强机动车管理。（责任单位：县环保局牵头，县公安局、县交通局配合）",
               "（四）推进秸秆禁烧。责任部门：县农牧局、县环保局（按职责分工负责）",
               "（七）加强执法检查。（由县环保局会同县公安局负责）") == [
        ("加强机动车管理", [("县环保局", "lead"), ("县公安局", "support"), ("县交通局", "support")]),
        ("推进秸秆禁烧", [("县农牧局", "responsible"), ("县环保局", "responsible")]),
        ("加强执法检查", [("县环保局", "lead"), ("县公安局", "support")]),
    ]


def test_people_and_a_whole_place_address_a_task_but_are_no_units():
    assert run("会议要求，各村要制定整治方案；全镇要适时组织集中清扫，领导干部要带头参与；镇组织部门、纪委要将成效纳入考核。") == [
        ("要制定整治方案", [("各村", "responsible")]),
        ("要适时组织集中清扫", []),
        ("要带头参与", []),
        ("要将成效纳入考核", [("镇组织部门", "responsible"), ("纪委", "responsible")]),
    ]


def test_an_adverb_after_a_collective_names_no_unit():
    # 各部门主动 is no name: the sentence hands no role to anyone (a measure of vague
    # addressees in the run, as 各部门积极配合 is: a task of no unit)
    assert run("会议要求，各乡镇要加强巡查。各部门主动配合，形成合力。") == [
        ("要加强巡查", [("各乡镇", "responsible")]), ("主动配合，形成合力", [])]


def test_labelled_unit_list_with_a_lead_mark_and_vague_partners():
    assert run("1.开展燃煤锅炉排查。（责任单位：县生态环境局（牵头），县工信局）", "2.完成油烟治理。（县城管局牵头，各有关部门配合）") == [
        ("开展燃煤锅炉排查", [("县生态环境局", "lead"), ("县工信局", "responsible")]),
        ("完成油烟治理", [("县城管局", "lead")]),  # 各有关部门 is vague, but its part still states a role
    ]


def test_several_fields_on_one_labelled_line():
    expected = [("开展燃煤锅炉排查", [("县生态环境局", "lead"), ("县工信局", "support")], "by")]
    # with its spaces, and as normalizing leaves it: the fields glued together
    assert flat("1.开展燃煤锅炉排查。", "牵头单位：县生态环境局 配合单位：县工信局 完成时限：2025年6月底前") == expected
    assert flat("1.开展燃煤锅炉排查。", "牵头单位：县生态环境局配合单位：县工信局完成时限：2025年6月底前") == expected


# ---------------------------------------------------------------- year anchors


def deadlines(title, *blocks, published=None):
    from minutes.nlp import extract

    extraction = extract(Document("t", "txt", title=title, published=published, blocks=list(blocks)))
    return [(t.deadline.kind, t.deadline.date) for t in extraction.tasks]


def test_a_page_without_title_or_date_takes_the_year_it_names_for_its_campaign():
    # category 7: page 3 of a repost names its campaign's year only in its last phase; the
    # month-days before it count from that year, not null
    assert deadlines(None, "（一）部署阶段（5月）", "各县禁燃领导小组要于5月20日前报送实施方案。",
                     "（二）总结阶段（11月）", "各县要完成2011年禁燃专项行动总结报告，于10月30日前报送。") == [
        ("by", date(2011, 5, 20)), ("by", date(2011, 10, 30))]
    # a page with a printed date keeps it; one naming no year keeps month-days undated
    assert deadlines(None, "各县要于5月20日前报送实施方案。") == [("by", None)]


def test_plan_year_anchors_month_days_even_under_a_later_reposts_date():
    assert deadlines("2019年县农村环境整治工作方案", "各乡镇要于6月底前完成排查。", published=date(2021, 3, 1)) == [
        ("by", date(2019, 6, 30))]


def test_plan_year_in_the_first_lines_when_no_title():
    assert deadlines(None, "县2019年秸秆禁烧专项行动", "各乡镇要于10月10日前报送总结。") == [("by", date(2019, 10, 10))]


def test_plan_year_named_by_the_work_its_opening_sentence_makes_it_for():
    # category 7: 为做好2021年…工作，制定本方案: the plan is that year's, its month-days too
    assert deadlines("县秸秆禁烧工作方案", "为做好2021年夏季秸秆禁烧工作，结合我县实际，制定本方案。",
                     "各乡镇要于6月10日前建立监管台账。") == [("by", date(2021, 6, 10))]


def test_a_notice_that_prints_no_date_but_names_one_year():
    # category 7: the one year a notice names, no target year, is the year of its month-days
    assert deadlines("关于报送秋冬季工作方案的通知", "根据《关于做好2020年秋冬季大气污染防治工作的通知》要求，"
                     "请各乡镇于11月10日前报送工作方案。") == [("by", date(2020, 11, 10))]
    # a target year is none (到2025年…), nor are two years
    assert deadlines("关于报送工作方案的通知", "到2025年，空气质量持续改善。请各乡镇于11月10日前报送工作方案。") == [
        ("by", None)]
    assert deadlines("关于报送工作方案的通知", "根据2019年、2020年考核结果，请各乡镇于11月10日前报送工作方案。") == [
        ("by", None)]


def test_no_year_anywhere_is_by_without_a_date():
    assert deadlines(None, "各乡镇要于10月10日前报送总结。") == [("by", None)]


def test_a_year_of_the_printed_date_keeps_the_printed_date():
    assert deadlines("2021年县农村环境整治工作方案", "各乡镇要于3月底前完成排查。", published=date(2021, 5, 1)) == [
        ("by", date(2022, 3, 31))]  # earlier than the document's date: next year


# ---------------------------------------------------------------- duty lists


def test_duty_list_lines_give_each_role_sentence_to_the_lines_unit():
    assert run("各单位职责分工", "县交通运输局：负责公路沿线扬尘管控。负责渣土运输车辆监管。",
               "县公安局：牵头开展重型柴油车限行管理。") == [
        ("负责公路沿线扬尘管控", [("县交通运输局", "responsible")]),
        ("负责渣土运输车辆监管", [("县交通运输局", "responsible")]),
        ("牵头开展重型柴油车限行管理", [("县公安局", "lead")]),
    ]


def test_numbered_duty_lines_are_duties_not_plan_items():
    assert run("三、职责分工", "（一）县交通运输局：负责公路沿线扬尘管控；负责渣土运输车辆监管。",
               "（二）县公安局：牵头开展重型柴油车限行管理。") == [
        ("负责公路沿线扬尘管控", [("县交通运输局", "responsible")]),
        ("负责渣土运输车辆监管", [("县交通运输局", "responsible")]),
        ("牵头开展重型柴油车限行管理", [("县公安局", "lead")]),
    ]


def test_duty_head_alone_on_its_line_and_duties_without_a_role_word():
    assert run("各成员单位职责", "县交通运输局：", "负责公路沿线扬尘管控。", "县公安局：", "负责机动车尾气路检。") == [
        ("负责公路沿线扬尘管控", [("县交通运输局", "responsible")]),
        ("负责机动车尾气路检", [("县公安局", "responsible")]),
    ]
    # under a duty heading every sentence of a unit's line is a duty
    assert run("各成员单位职责", "县交通运输局：加强公路沿线扬尘管控，督促施工单位落实围挡。开展路域环境整治。") == [
        ("加强公路沿线扬尘管控，督促施工单位落实围挡", [("县交通运输局", "responsible")]),
        ("开展路域环境整治", [("县交通运输局", "responsible")]),
    ]


def test_numbered_heading_that_only_names_a_unit_heads_its_duties():
    # category 2: a duty list whose units head their own numbered lines, the duties below
    assert run("三、职责分工", "（一）青禾县公安局", "发布限行通告；负责设置禁行标志。", "（二）青禾县财政局",
               "负责专项经费保障。", "（三）青禾县城管局", "配合做好限行区域车辆管理。") == [
        ("发布限行通告", [("青禾县公安局", "responsible")]),
        ("负责设置禁行标志", [("青禾县公安局", "responsible")]),
        ("负责专项经费保障", [("青禾县财政局", "responsible")]),
        ("配合做好限行区域车辆管理", [("青禾县城管局", "support")]),
    ]
    # outside a duty section only the sentences opening with a role word are duties
    assert run("（一）青禾县公安局", "负责设置禁行标志。")[0][1] == [("青禾县公安局", "responsible")]


def test_duty_heads_that_state_a_role_or_say_duties():
    assert run("职责分工", "县生态环境局职责：负责统筹协调。", "县住建局（牵头单位）：负责建筑工地扬尘治理。") == [
        ("负责统筹协调", [("县生态环境局", "responsible")]),
        ("负责建筑工地扬尘治理", [("县住建局", "lead")]),
    ]


def test_sentences_opening_with_units_and_a_role_word_are_their_duties():
    # no heading, no colon: 县X局负责…；县Y局负责…, and the role sentences after them
    assert run("现将各单位任务明确如下：", "县农业农村局负责秸秆还田技术指导，推广打捆机械。",
               "县公安局负责查处露天焚烧行为；县交通运输局负责国省道沿线巡查。负责路肩清扫保洁。",
               "县水利局牵头开展河道垃圾清理。") == [
        ("负责秸秆还田技术指导，推广打捆机械", [("县农业农村局", "responsible")]),
        ("负责查处露天焚烧行为", [("县公安局", "responsible")]),
        ("负责国省道沿线巡查", [("县交通运输局", "responsible")]),
        ("负责路肩清扫保洁", [("县交通运输局", "responsible")]),
        ("牵头开展河道垃圾清理", [("县水利局", "lead")]),
    ]
    # people and bare role statements are no duty
    assert run("县环保局负责同志出席会议。") == []
    assert run("县住建局牵头，县城管局配合。") == []
    # the units must open the sentence: whom a duty is about is not its holder
    assert run("三、部门职责分工", "县住建局：负责建筑工地扬尘管控。督促施工单位落实冲洗措施。") == [
        ("负责建筑工地扬尘管控", [("县住建局", "responsible")]),
        ("督促施工单位落实冲洗措施", [("县住建局", "responsible")]),
    ]


def test_a_title_naming_a_body_and_what_it_carries_out_is_no_duty():
    title = "青岚区落实省生态环境督察反馈问题整改方案"
    document = Document("t", "txt", title=title, blocks=[title, "区城管局负责渣土车辆夜间巡查。"])
    assert [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks_of(document, anchor=ANCHOR)] == [
        ("负责渣土车辆夜间巡查", [("区城管局", "responsible")]),
    ]
    # the same words in running text are a duty
    assert run(title + "。")[0][1] == [("青岚区", "responsible")]


def test_a_you_addressee_points_back_to_the_notices_addressee_line():
    assert run("关于报送秸秆禁烧工作总结的通知", "各乡镇人民政府，柳河经开区管委会：",
               "为总结经验，现组织开展年度总结。请你单位按照提纲编写总结报告，于12月10日前报送县环保局。") == [
        ("请你单位按照提纲编写总结报告，于12月10日前报送县环保局",
         [("各乡镇人民政府", "responsible"), ("柳河经开区管委会", "responsible")])]
    # no addressee line: no unit is guessed
    assert run("为总结经验，现组织开展年度总结。请你单位按照提纲编写总结报告。") == [("请你单位按照提纲编写总结报告", [])]


def test_a_transmittals_request_to_carry_out_what_it_hands_over_is_no_task():
    # category 4: 现将《X》印发给你们，请认真贯彻执行 asks the addressees to carry out the
    # document it hands over, whose own items are the tasks: no task of its own
    assert run("关于印发《柳河旗2018年冬季大气污染防治方案》的通知",
               "各苏木镇人民政府，旗直各有关单位，派出机构：",
               "现将《柳河旗2018年冬季大气污染防治方案》印发给你们，请结合实际，认真抓好落实。") == []
    assert run("青禾县环保局、县住建局联合制订的方案已经县政府同意，现转发给你们，请认真贯彻执行。") == []
    assert run("现将《青禾县秋冬季治污工作方案》转发给你们，请切实抓好组织实施。") == []  # two adverbs before it
    # a request with work of its own asks the bodies the addressee line names (vague ones and
    # kinds left out)
    assert run("各苏木镇人民政府，旗直各有关单位，派出机构：",
               "现将《柳河旗2018年冬季大气污染防治方案》印发给你们，请结合实际，于11月底前报送落实情况。") == [
        ("请结合实际，于11月底前报送落实情况", [("各苏木镇人民政府", "responsible"), ("旗直各有关单位", "responsible")])]
    # a bare 请 elsewhere asks nothing of anyone
    assert run("会议结束后，请认真贯彻执行。") == []


def test_a_duty_list_run_together_on_one_line_after_its_numbered_heading():
    # categories 1 and 2: a page converted to text runs the duty heads of a list into one
    # line after the section before it; each head after a sentence end opens its duties
    assert run("联席会议由分管副市长召集，每季度召开一次。 三、成员单位工作职责市林业局：负责林区防火巡查。"
               "组织护林员培训；承担指挥部日常工作。 县气象局：负责发布火险等级预报。") == [
        ("负责林区防火巡查", [("市林业局", "responsible")]),
        ("组织护林员培训", [("市林业局", "responsible")]),
        ("承担指挥部日常工作", [("市林业局", "responsible")]),
        ("负责发布火险等级预报", [("县气象局", "responsible")]),
    ]


def test_an_item_handed_over_after_its_lead_in_states_its_units():
    # category 5: 按照…的要求，由X、Y负责…: the part opening with 由 gives the item its units
    assert run("1、河堤沿线有建筑垃圾。", "整改要求：按照先清理、后管护的要求，由沿线包片单位县文化中心、县气象局负责清运垃圾。") == [
        ("按照先清理、后管护的要求，由沿线包片单位县文化中心、县气象局负责清运垃圾",
         [("县文化中心", "responsible"), ("县气象局", "responsible")]),
    ]


def test_departments_of_fields_sharing_one_department_word_take_the_directive():
    assert run("会议要求，要加强巡查，县生态环境、城乡水务部门要联合开展排污口排查。") == [
        ("要加强巡查", []),
        ("要联合开展排污口排查", [("县生态环境部门", "responsible"), ("县城乡水务部门", "responsible")]),
    ]


def test_a_parenthesis_of_roles_cut_inside_a_name_by_the_end_of_the_page():
    # category 1: the page ends inside the last name (责任单位：县): the roles before stand
    assert run("（一）调整能源结构", "1.控制煤炭消费。推广清洁燃料。（责任单位：县能源办）严控高耗煤项目。"
               "（牵头单位：县能源办，责任单位：县") == [
        ("控制煤炭消费。推广清洁燃料", [("县能源办", "responsible")]),
        ("严控高耗煤项目", [("县能源办", "lead")]),
    ]


def test_a_labelled_list_of_units_goes_on_on_the_next_line():
    # category 5: the role label and part of its units on one line, the rest on the next
    assert run("（一）整治黑臭水体", "1.开展河道清淤。年底前完成。", "牵头单位：县水利局", "配合单位：县住建局、县农业局",
               "各乡镇（街道）、滨河新区管委会") == [
        ("开展河道清淤", [("县水利局", "lead"), ("县住建局", "support"), ("县农业局", "support"),
                                  ("各乡镇（街道）", "support"), ("滨河新区管委会", "support")]),
    ]


def test_roles_cut_short_inside_a_label_by_the_end_of_the_page():
    # category 1: the page ends inside the next label (责任单): the roles before stand
    assert run("（一）优化产业布局", "1.编制准入清单。开展规划环评。（牵头单位：市生态环境局、发展改革委；"
               "配合单位：市自然资源局等；责任单") == [
        ("编制准入清单。开展规划环评", [("市生态环境局", "lead"), ("发展改革委", "lead"), ("市自然资源局", "support")]),
    ]


def test_a_body_working_with_partners_leads_and_the_partners_support():
    # category 2/5: A会同B… with no trigger word, as a duty sentence, an item, or the part
    # of an item after its first
    assert run("县农业局会同县财政局制定农机补贴办法。") == [
        ("会同县财政局制定农机补贴办法", [("县农业局", "lead"), ("县财政局", "support")]),
    ]
    assert run("（一）强化执法", "1.县农业局会同县财政局、县税务局制定补贴办法。", "2.严格执法，县公安局会同县交通局开展联合检查。") == [
        ("县农业局会同县财政局、县税务局制定补贴办法",
         [("县农业局", "lead"), ("县财政局", "support"), ("县税务局", "support")]),
        ("严格执法，县公安局会同县交通局开展联合检查", [("县公安局", "lead"), ("县交通局", "support")]),
    ]


def test_a_numbered_measure_whose_sentences_name_who_does_what_is_one_task():
    # categories 2/5: the sentences on a measure's own line that open with units and a role
    # word (承担 too) are the measure's, not duties of their own; its units are all theirs
    assert run("二、工作措施", "（一）加强督导。成立青禾镇禁烧工作专班，每周调度一次。",
               "（二）明确责任。镇政府承担主体责任，各村负责制定巡查方案，抓好落实。") == [
        ("加强督导。成立青禾镇禁烧工作专班，每周调度一次", []),
        ("明确责任。镇政府承担主体责任，各村负责制定巡查方案，抓好落实", [("镇政府", "responsible"), ("各村", "responsible")]),
    ]
    # a duty list under its heading stays a duty list
    assert run("三、职责分工", "县住建局负责工地扬尘监管。县城管局承担道路保洁工作。") == [
        ("负责工地扬尘监管", [("县住建局", "responsible")]),
        ("承担道路保洁工作", [("县城管局", "responsible")]),
    ]


def test_the_awareness_of_an_addressee_names_the_addressee():
    # 各街道认识要再提高: the addressee is 各街道
    assert run("会议强调，各街道认识要再提高，对标先进。") == [("要再提高，对标先进", [("各街道", "responsible")])]


def test_a_numbered_heading_naming_a_bodys_duties_without_a_colon():
    # category 2: （一）县林业局职责 heads the numbered duties under it
    assert run("四、职责分工", "（一）县林业局职责", "1.负责林区防火巡查。", "2.负责护林员培训。") == [
        ("负责林区防火巡查", [("县林业局", "responsible")]),
        ("负责护林员培训", [("县林业局", "responsible")]),
    ]


def test_whom_a_duty_is_about_is_not_who_holds_it():
    # 督促建设单位落实…: 建设单位 is whom the line's body urges, the duty stays the body's
    assert run("职责分工", "县住建局：负责施工扬尘监管；督促建设单位落实主体责任。") == [
        ("负责施工扬尘监管", [("县住建局", "responsible")]),
        ("督促建设单位落实主体责任", [("县住建局", "responsible")]),
    ]


def test_duties_of_several_bodies_run_together_where_a_page_lost_its_spaces():
    # categories 1 and 2: 县城管局 负责… 县交通局 负责… with the spaces gone
    assert run("职责分工", "县城管局负责道路清扫保洁县交通局负责公路扬尘管控县农业局负责秸秆综合利用") == [
        ("负责道路清扫保洁", [("县城管局", "responsible")]),
        ("负责公路扬尘管控", [("县交通局", "responsible")]),
        ("负责秸秆综合利用", [("县农业局", "responsible")]),
    ]
    # a body the duty is about, or hands over to, starts no duty of its own
    assert run("职责分工", "县城管局负责督促县交通局负责的公路保洁工作") == [
        ("负责督促县交通局负责的公路保洁工作", [("县城管局", "responsible")]),
    ]


def test_a_table_header_over_two_rows_names_the_roles_below():
    # category 1: 责任单位 spanning 牵头单位 | 配合单位 (merged cells repeated in each column)
    from minutes.models import Table
    table = Table([["序号", "重点任务", "责任单位", "责任单位", "完成时限"],
                   ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
                   ["1", "开展工地检查", "县住建局", "县城管局", "6月底前"],
                   ["2", "规范渣土运输", "县公安局", "县交通局、各乡镇", "9月底前"]])
    assert run(table) == [
        ("开展工地检查", [("县住建局", "lead"), ("县城管局", "support")]),
        ("规范渣土运输", [("县公安局", "lead"), ("县交通局", "support"), ("各乡镇", "support")]),
    ]
    # two columns of one role without names below list their units together
    table = Table([["序号", "重点任务", "责任单位", "责任单位"], ["1", "开展工地检查", "县住建局", "县城管局"]])
    assert run(table) == [("开展工地检查", [("县住建局", "responsible"), ("县城管局", "responsible")])]


def test_units_right_after_a_meetings_requirement_are_its_addressees():
    # categories 5/6: 会议要求，X、Y严格…: 要求 falls on the units opening the clause
    assert run("会议要求，县住建局、县城管局严格按照方案开展夜间巡查。") == [
        ("严格按照方案开展夜间巡查", [("县住建局", "responsible"), ("县城管局", "responsible")]),
    ]
    # what the units did, or who attended for them, is no directive
    assert run("会议强调，县环保局负责同志参加了督查。") == []


def test_a_blank_lead_cell_under_a_filled_one_is_a_merged_cell():
    # category 1: a page reader that kept no rowspan gives the rows under a merged lead
    # cell blank; they share its units (a blank support cell stays blank)
    from minutes.models import Table
    table = Table([["序号", "重点任务", "牵头单位", "配合单位"],
                   ["1", "开展工地检查", "县住建局", "县城管局"],
                   ["2", "规范渣土运输", "", "县公安局"],
                   ["3", "淘汰小锅炉", "县市场监管局", ""]])
    assert run(table) == [
        ("开展工地检查", [("县住建局", "lead"), ("县城管局", "support")]),
        ("规范渣土运输", [("县住建局", "lead"), ("县公安局", "support")]),
        ("淘汰小锅炉", [("县市场监管局", "lead")]),
    ]


def test_a_run_of_lines_headed_by_units_is_a_duty_list_without_its_heading():
    # category 2: a page that starts inside a duty list has lost its 职责分工 heading; a line
    # headed by units after another such line holds their duty even without 负责
    assert run("柳河市规划局：负责青溪河道整治工程的扬尘防治。",
               "柳河市城管执法局：采取有效措施，及时查处露天烧烤行为。") == [
        ("负责青溪河道整治工程的扬尘防治", [("柳河市规划局", "responsible")]),
        ("采取有效措施，及时查处露天烧烤行为", [("柳河市城管执法局", "responsible")]),
    ]
    # a lone line so headed, with no role word, is no duty (a notice's addressees, a report)
    assert run("柳河市城管执法局：今年共查处露天烧烤行为十二起。") == []


def test_the_clauses_of_a_duty_line_after_a_semicolon_are_its_units_duties():
    # category 2: 负责A；做好B — B is the same units' duty; 会同X做好C — they lead, X supports
    assert run("柳河市经贸委：负责抓好脱硫工程调度；做好老旧车辆报废工作。",
               "柳河市公安局：负责渣土车辆查扣；会同柳河市经贸委做好老旧车辆报废工作。") == [
        ("负责抓好脱硫工程调度", [("柳河市经贸委", "responsible")]),
        ("做好老旧车辆报废工作", [("柳河市经贸委", "responsible")]),
        ("负责渣土车辆查扣", [("柳河市公安局", "responsible")]),
        ("会同柳河市经贸委做好老旧车辆报废工作", [("柳河市公安局", "lead"), ("柳河市经贸委", "support")]),
    ]


def test_levels_named_as_tiers_share_what_follows():
    # category 5: 市、区两级X is one collective, in running text (the recognizer finds
    # 区两级X inside it) as in a list
    from minutes.nlp import extract

    blocks = ["五、工作安排", "（一）动员部署阶段（4月-5月）。",
              "市、区两级禁燃专项领导小组要结合实际，制定具体实施方案。"]
    tasks = extract(Document("t", "txt", blocks=blocks)).tasks
    assert [(t.text, [u.name for u in t.units]) for t in tasks] == [
        ("要结合实际，制定具体实施方案", ["市、区两级禁燃专项领导小组"])]


def test_a_phase_heading_closed_by_a_full_stop_heads_the_paragraphs_after_it():
    # category 3: （二）整治阶段（dates）。 names a phase; the paragraph after it is its task,
    # the steps of a phase (第一步：…) are items of their own; 按照要求， is no speaker's lead-in
    assert run("（二）专项整治阶段（2010年6月23日至11月20日）。",
               "各乡（镇）、场按照本方案要求，全面开展村屯环境整治。",
               "（三）检查验收阶段（2010年11月21日至12月20日）。",
               "第一步：各乡镇按照要求，组织人员进行自检自查。") == [
        ("按照本方案要求，全面开展村屯环境整治", [("各乡（镇）、场", "responsible")]),
        ("按照要求，组织人员进行自检自查", [("各乡镇", "responsible")]),
    ]
    # what the issuer announces it will do in a phase is no one's task
    assert run("（三）督查阶段（9月）。", "州专项行动领导小组将对各县工作开展情况进行督查。") == []


def test_a_plan_carrying_out_decisions_opens_no_run_of_directives():
    # category 3: 认真落实县委决策部署， reads like a lead-in (…部署，) but no one speaks: the
    # guiding ideas after it (管发展必须管环保的原则) are no directives
    assert run("（一）指导思想",
               "以生态文明思想为指导，认真落实县委、县政府决策部署，按照管发展必须管环保的原则，持续改善空气质量。") == []
    assert run("会议部署，各乡镇要落实属地责任。") == [("要落实属地责任", [("各乡镇", "responsible")])]


def test_units_acting_with_the_lead_of_a_handed_over_task_support_it():
    # category 5: 由X牵头，Y、Z对…进行检查 — Y and Z act with the lead: they support
    assert run("由县农村环境整治办公室牵头，县委督查室、县直相关部门对各乡镇整治情况进行检查验收。") == [
        ("由县农村环境整治办公室牵头，县委督查室、县直相关部门对各乡镇整治情况进行检查验收",
         [("县农村环境整治办公室", "lead"), ("县委督查室", "support"), ("县直相关部门", "support")])]
    # a second part stating its own role keeps it
    assert run("由县住建局牵头，县城管局配合，开展工地扬尘检查。") == [
        ("由县住建局牵头，县城管局配合，开展工地扬尘检查", [("县住建局", "lead"), ("县城管局", "support")])]


def test_a_heading_written_as_a_sentence_over_tasks_is_no_task():
    # category 3: （四）加强舆论宣传。 heads the paragraphs after it, which hold the tasks
    assert run("（四）加强舆论宣传。", "各乡镇要分阶段制订宣传计划，并组织实施。", "（五）严格考核问责。") == [
        ("要分阶段制订宣传计划，并组织实施", [("各乡镇", "responsible")]),
        ("严格考核问责", []),  # an item with nothing under it is its own task
    ]


def test_roles_parenthesis_listing_bodies_by_short_names():
    # category 5: a small place's plan closes a measure with its bodies' short names
    assert run("1.加强施工扬尘管控。落实工地围挡和冲洗措施。（责任单位：环保局、住建局、公安交警、城管）") == [
        ("加强施工扬尘管控。落实工地围挡和冲洗措施",
         [("环保局", "responsible"), ("住建局", "responsible"), ("公安交警", "responsible"), ("城管", "responsible")])]


def test_vague_bodies_qualified_by_a_clause_still_make_a_directive():
    # category 3: 专项行动涉及的有关部门和单位要… — a vague subject, a directive all the same
    assert run("禁燃专项行动涉及的有关部门和单位要加强协调配合，共同打击违法行为。") == [
        ("要加强协调配合，共同打击违法行为", [])]
    assert run("排放超标的企业要限期整改。") == []  # a condition on third parties, as before


def test_a_clause_after_a_semicolon_without_a_trigger_goes_on_the_directive():
    assert run("请县环保局编写年度总结报告；填写主要数据表，于12月10日前反馈。") == [
        ("请县环保局编写年度总结报告；填写主要数据表，于12月10日前反馈", [("县环保局", "responsible")])]
    # a new trigger, or a case of its own, is no continuation
    assert run("要加强工地巡查；要落实道路保洁。") == [("要加强工地巡查", []), ("要落实道路保洁", [])]
    assert run("8月底前必须完成整改；对不正常运行设施的，依法处罚。") == [("必须完成整改", [])]


def test_partner_lines_labelled_as_assisting_departments():
    assert run("（十）县国土局主要工作任务：", "1、依法取缔河滩挖砂。", "2、负责砂石加工企业扬尘专项整治。",
               "工作协助部门：县水务局", "（十一）县林业局主要工作任务：", "1、加强林区防火巡查。",
               "协助部门：县应急局、县气象局") == [
        ("依法取缔河滩挖砂", [("县国土局", "responsible"), ("县水务局", "support")]),
        ("负责砂石加工企业扬尘专项整治", [("县国土局", "responsible"), ("县水务局", "support")]),
        ("加强林区防火巡查", [("县林业局", "responsible"), ("县应急局", "support"), ("县气象局", "support")]),
    ]


def test_a_connective_opening_a_directive_of_a_run_is_dropped():
    assert run("会议要求，各乡镇要加强秸秆禁烧巡查。同时，做好节日期间值班值守工作。此外，要落实网格员补贴。") == [
        ("要加强秸秆禁烧巡查", [("各乡镇", "responsible")]),
        ("做好节日期间值班值守工作", []),
        ("要落实网格员补贴", []),
    ]
    # outside a directive run a connective opens no directive
    assert run("5月6日，县环保局召开工作会议。同时，做好了宣传报道工作。") == []


def test_an_addressed_notice_is_no_duty_list():
    # the addressees of a notice head it like a duty line, but outside a duty section only
    # role sentences are duties
    assert run("各乡镇人民政府、县直有关部门：", "为做好秸秆禁烧工作，现将有关事项通知如下。") == []


def test_a_labelled_line_that_names_no_unit_is_no_duty_list():
    assert run("工作目标：负责全县扬尘管控。") == []


# ---------------------------------------------------------------- one lexicon of organisations


def test_townships_zones_and_bingtuan_units_in_running_text():
    from minutes.nlp.pipeline import get_nlp

    nlp = get_nlp()
    with nlp.select_pipes(enable="minutes_orgs"):
        doc = nlp("南关街办、河西新城管委会、第九师生态环境局和师市应急管理局加强巡查")
    assert [span.text for span in doc.spans["orgs"]] == ["南关街办", "河西新城管委会", "第九师生态环境局", "师市应急管理局"]


def test_meeting_units_and_task_units_read_the_same_lexicon():
    from minutes.nlp.components.units import units_in

    found = meeting("5月6日，县河长办召开整改工作会议。柳林街办、高新区管委会作交流发言。")
    assert found.units == ["柳林街办", "高新区管委会"]
    assert units_in("柳林街办、高新区管委会") == ["柳林街办", "高新区管委会"]


def test_a_bodys_numbered_session_carries_the_bodys_name():
    found = meeting("6月2日，县生态环境保护委员会召开第三次会议暨督察整改推进会。")
    assert (found.name, found.organizer) == ("县生态环境保护委员会第三次会议暨督察整改推进会", "县生态环境保护委员会")


def test_transliterated_names_with_a_middle_dot():
    found = meeting("6月2日，县生态环境保护委员会召开全体会议。县委副书记、县长阿布都·热合曼主持会议并讲话。")
    assert [(p.name, p.title, p.role) for p in found.people] == [("阿布都·热合曼", "县委副书记、县长", "chair")]


def test_untitled_report_whose_meeting_is_convened_later_in_the_text():
    found = meeting("（记者 王明）6月2日，县环保局局长李华一行到柳林镇调研扬尘治理工作。",
                    "随后，他召开座谈会，听取柳林镇工作汇报。")
    assert (found.name, found.organizer) == ("座谈会", None)  # 他 is no organizer
    assert meeting("（记者 王明）6月2日，县环保局局长李华一行到柳林镇调研扬尘治理工作。") is None


# ---------------------------------------------------------------- continuation pages


def test_page_that_starts_mid_plan_with_half_parenthesis_markers():
    assert run("力，确保按期完成。", "七）开展工业企业专项执法检查，严禁超标排放。（县环保局负责）",
               "八）完成县级大气污染源清单编制工作。责任单位：县发改局。") == [
        ("开展工业企业专项执法检查，严禁超标排放", [("县环保局", "responsible")]),
        ("完成县级大气污染源清单编制工作", [("县发改局", "responsible")]),
    ]


def test_flattened_header_after_the_tables_name_with_a_remarks_column():
    line = ("附件：扬尘治理任务清单 序号 工作任务 责任单位 完成时限 备注 "
            "1 完成城区道路机械化清扫。 县城管局 6月底前 2 建立工地扬尘台账。 县住建局 长期坚持")
    assert run(line) == [
        ("完成城区道路机械化清扫", [("县城管局", "responsible")]),
        ("建立工地扬尘台账", [("县住建局", "responsible")]),
    ]


def test_units_line_in_parentheses_after_the_items_of_a_section():
    # category 1/2: a section's units closing its numbered items, the whole line a parenthetical
    assert run("1.完善防汛预案体系", "（1）修订青岚县防汛应急预案。", "（2）组织防汛应急演练。",
               "（责任单位：县直各有关单位、各乡（镇）人民政府）") == [
        ("修订青岚县防汛应急预案", [("县直各有关单位", "responsible"), ("各乡（镇）人民政府", "responsible")]),
        ("组织防汛应急演练", [("县直各有关单位", "responsible"), ("各乡（镇）人民政府", "responsible")]),
    ]


def test_collective_of_counties_and_ports_is_an_addressee():
    # category 3/5: 各县（市、口岸）, a prefecture's counties, cities and ports, addressed as a subject
    assert run("各县（市、口岸）要认真总结整治成效，于10月20日前报州大气办。") == [
        ("要认真总结整治成效，于10月20日前报州大气办", [("各县（市、口岸）", "responsible")])]


def test_deliverable_handed_in_by_a_time_limit_without_a_trigger_word():
    # category 4: notices and campaign plans ask for reports without 要/请
    assert run("整治方案和工作台账于2025年5月20日前报青岚县大气办。",
               "各责任单位于6月5日和12月5日前将半年及全年目标完成情况书面报告县政府。") == [
        ("于2025年5月20日前报青岚县大气办", []),
        ("于6月5日和12月5日前将半年及全年目标完成情况书面报告县政府", []),
    ]
    assert run("青岚县林业局已于6月5日前将巡查情况报送县政府。") == []


def test_table_copied_cell_by_cell_with_bars_between_cells():
    # category 1: a web table pasted as text, one cell a line, a bar line between cells
    # and two between rows; a 时间进度 column of standing work and a span of years
    cells = ["|", "序号", "|", "工作任务", "|", "负责部门", "|", "时间进度", "|",
             "|", "1", "|", "完善青岚市环卫作业监管平台", "|", "青岚市城管局、青岚市住建局", "|", "常态工作", "|",
             "|", "2", "|", "建成餐厨垃圾处理厂", "|", "青岚市住建局,各县(区)政府", "|", "2024—2025 年底前", "|"]
    assert flat(*cells) == [
        ("完善青岚市环卫作业监管平台", [("青岚市城管局", "responsible"), ("青岚市住建局", "responsible")], "ongoing"),
        ("建成餐厨垃圾处理厂", [("青岚市住建局", "responsible"), ("各县（区）政府", "responsible")], "by"),
    ]


def test_spaces_a_pdf_conversion_left_inside_dates():
    from minutes.nlp.text import normalize_text

    assert normalize_text("于 2025 年 6 月 30 日前完成 2 个月的排查") == "于 2025年6月30日前完成 2个月的排查"


def test_duty_list_run_together_with_each_unit_a_sentence_of_its_own():
    # category 2: 职责分工 flattened into one paragraph, 单位。负责…。 instead of 单位：负责…
    assert run("各成员单位职责如下：青岚县环保局。负责秸秆禁烧统一监督。加强夜间巡查。"
               "青岚县交通局、县公路局。负责国道两侧巡查。") == [
        ("负责秸秆禁烧统一监督", [("青岚县环保局", "responsible")]),
        ("加强夜间巡查", [("青岚县环保局", "responsible")]),
        ("负责国道两侧巡查", [("青岚县交通局", "responsible"), ("县公路局", "responsible")]),
    ]


def test_sentence_of_units_without_duties_after_it_heads_nothing():
    assert run("出席会议的有：青岚县环保局、县林业局。会议听取了工作汇报。") == []


def test_directive_after_the_cases_it_deals_with_or_its_time_limit():
    # category 3: 对…的 names the cases, a time limit may stand before 必须; neither is a subject
    assert run("对不符合选址要求的砂石场要坚决关停。") == [("要坚决关停", [])]
    assert run("对于逾期未完成整改的，要依法从严处罚。") == [("要依法从严处罚", [])]
    (task,) = tasks_of(Document("t", "txt", blocks=["对管网不配套的，2025年8月底以前必须制订改造方案。"]), anchor=ANCHOR)
    assert (task.text, task.deadline.date) == ("必须制订改造方案", date(2025, 8, 31))
    assert run("未经授权的，应承担相应责任。") == []


def test_a_standard_followed_is_no_order():
    # 按…要求 + a name-like stretch is no 要求 addressing units
    assert flat("对没有按省政策要求征收污水处理费或污水处理费被挤占、挪用的企业进行通报。") == []


def test_items_numbered_with_enclosed_numerals_and_phase_headings():
    # category 3: older plans number sections ㈠ ㈡; a phase heading (…阶段（月份）。) is no task

    page = Document("t", "txt", blocks=["㈠ 动员部署阶段（4月）。", "各乡镇要制定实施方案。",
                                        "㈡ 集中整治阶段（5月-8月）。", "各乡镇要开展集中整治。"])
    assert [(item.marker, item.level) for item in segment(page).items] == [("㈠", 2), ("㈡", 2)]
    assert run(*page.blocks) == [("要制定实施方案", [("各乡镇", "responsible")]),
                                 ("要开展集中整治", [("各乡镇", "responsible")])]


def test_conditional_pair_after_cases_stays_one_task():
    assert [text for text, _ in run("要开展排查，对发现的问题能立即整改的要立即整改，不能立即整改的要制定方案。")] == [
        "要开展排查，对发现的问题能立即整改的要立即整改，不能立即整改的要制定方案"]


def test_continuation_page_with_items_run_together_in_one_framed_line():
    # category 3: a paginated repost's page 3 — a continuation mark, bars around the page,
    # items of two levels run together with spaces, headings set off by a space, items
    # without a trigger word whose text opens with the units that act
    from minutes.nlp.components.clauses import segment

    line = ("| [接上页] （五）加强信息报送。青岚县大气办要确定专人负责信息报送工作。 四、时间安排 "
            "（一）动员部署阶段（5月） 各乡镇结合实际，制定具体实施方案。 "
            "（二）集中整治阶段（5月-8月） 各乡镇组织开展集中检查，于7月底前报送阶段性报告。 |")
    page = Document("t", "txt", blocks=[line])
    assert [item.marker for item in segment(page).items] == ["（五）", "四、", "（一）", "（二）"]
    assert run(line) == [
        ("要确定专人负责信息报送工作", [("青岚县大气办", "responsible")]),
        ("结合实际，制定具体实施方案", [("各乡镇", "responsible")]),
        ("组织开展集中检查，于7月底前报送阶段性报告", [("各乡镇", "responsible")]),
    ]


def test_inline_enumeration_of_a_paragraph_opens_no_items():
    from minutes.nlp.components.clauses import segment

    page = Document("t", "txt", blocks=["会议要求：（一）青岚县住建局要加强巡查；（二）各乡镇要落实责任。"])
    assert segment(page).items == []


def test_table_copied_cell_by_cell_without_bars():
    # category 1: one cell a line, rows told apart by their numbers; text after the table stays text
    assert flat("序号", "工作任务", "牵头单位", "责任单位", "完成时限",
                "1", "开展青岚区建筑工地扬尘专项检查，", "建立问题台账。", "区住建委", "各街道办事处", "6月底前",
                "2", "加强渣土运输车辆密闭管理。", "区交通局", "区公安分局、各街道办事处", "长期坚持",
                "各街道要加强宣传。") == [
        ("开展青岚区建筑工地扬尘专项检查，建立问题台账", [("区住建委", "lead"), ("各街道办事处", "responsible")], "by"),
        ("加强渣土运输车辆密闭管理", [("区交通局", "lead"), ("区公安分局", "responsible"), ("各街道办事处", "responsible")],
         "ongoing"),
        ("要加强宣传", [("各街道", "responsible")], None),
    ]


def test_notice_with_a_pace_a_recurring_report_and_a_final_report():
    # category 4: three deliverables with three limits in one sentence, the second after 并
    tasks = tasks_of(Document("t", "txt", blocks=[
        "青岚县各乡镇要尽快制定落实方案，并于每季度末向县政府报告进展情况，年底前报告全年落实情况。"]), anchor=ANCHOR)
    assert [(t.text, t.deadline.kind) for t in tasks] == [
        ("要尽快制定落实方案", "asap"), ("于每季度末向县政府报告进展情况", "recurring"), ("年底前报告全年落实情况", "by")]
    assert [t.text for t in tasks_of(Document("t", "txt", blocks=["县林业局要加强巡查，每月开展一次检查。"]))] == [
        "要加强巡查，每月开展一次检查"]


def test_daily_report_handed_in_without_a_trigger_word():
    # category 4: a recurring report, a comma between the limit and what is handed in
    assert run("各乡镇、各街道于每日18时前，将当日巡查情况报青岚县大气办邮箱。") == [
        ("于每日18时前，将当日巡查情况报青岚县大气办邮箱", [("各乡镇", "responsible"), ("各街道", "responsible")])]


def test_notice_items_run_on_after_its_lead_in_one_line():
    # category 4: a reposted notice, its lead and its numbered items in one paragraph
    from minutes.nlp.components.clauses import segment

    line = ("现就有关事项通知如下：一、各区县住建局督促在建工地落实加严管控措施。"
            "二、各督导检查组对各区县工作开展情况进行督导检查。")
    assert [item.marker for item in segment(Document("t", "txt", blocks=[line])).items] == ["一、", "二、"]
    assert run(line)[0] == ("督促在建工地落实加严管控措施", [("各区县住建局", "responsible")])
    assert segment(Document("t", "txt", blocks=["会议议定：一、县财政局要保障资金。二、县林业局要加强巡查。"])).items == []


def test_line_broken_inside_a_title_mark_goes_on():
    # category 3: a continuation page converted from PDF breaks a line inside 《…》
    assert [text for text, _ in run("对于违反《", "中华人民共和国大气污染防治法》规定的，要依法查处。")] == [
        "要依法查处"]


def test_line_broken_inside_a_quote_goes_on_and_a_straight_closing_quote_closes_it():
    # a page broken inside “…” goes on in the next line; a quote a scraped page closed with a
    # straight one (“治气") is no open quote, and a line ending a sentence ends inside none
    assert run("各乡镇要结合省督察“回头", "看”整改加强巡查。") == [("要结合省督察“回头看”整改加强巡查", [("各乡镇", "responsible")])]
    assert [text for text, _ in run("听取了“治气\"帮扶情况汇报。", "会议要求，要加强巡查。")] == ["要加强巡查"]


def test_goals_under_a_heading_closed_by_a_full_stop_are_no_task():
    # precision: plans state goals under 一、工作目标。 on the heading's own line
    assert run("一、工作目标。到2025年，青岚县优良天数比例达到85%以上。", "二、工作任务。各乡镇要加强秸秆禁烧巡查。") == [
        ("要加强秸秆禁烧巡查", [("各乡镇", "responsible")])]


def test_time_and_scope_section_of_a_winter_plan_holds_no_task():
    assert run("二、“冬防”时间及范围", "青岚县冬防工作自2025年10月22日开始，至2026年3月31日结束。",
               "三、重点工作任务", "（一）青岚县住建局要强化扬尘治理。") == [
        ("要强化扬尘治理", [("青岚县住建局", "responsible")])]


def test_items_under_a_units_heading_are_its_duties():
    # category 2: a duty list by unit, each unit an item heading over numbered duties;
    # an item numbered 2、 whose text opens with a year is an item, not a number
    assert run("（九）青岚县公安局主要工作任务：", "1、依法整治尾气排放不合格的机动车辆。",
               "2、2025年底前全面完成城区渣土运输车辆的密闭化改造工作。", "协助单位：县交通局。") == [
        ("依法整治尾气排放不合格的机动车辆", [("青岚县公安局", "responsible"), ("县交通局", "support")]),
        ("2025年底前全面完成城区渣土运输车辆的密闭化改造工作", [("青岚县公安局", "responsible"), ("县交通局", "support")]),
    ]


def test_a_role_label_lists_a_body_the_lexicon_does_not_know():
    # category 5: 责任单位：… after an item names a works or company by its short name
    assert run("5、完善青禾球团厂厂区防护绿地。责任单位：青禾球团厂，完成时间：2009年5月10日前。") == [
        ("完善青禾球团厂厂区防护绿地", [("青禾球团厂", "responsible")])]
    # a label followed by an action holds no name
    assert [units for _, units in run("6、完成荒山改造。责任单位：加强督促检查。")] == [[]]


def test_a_plans_sentence_opening_with_a_collective_is_its_task_without_a_trigger():
    # category 3: phases of a campaign plan hand work to collectives without 要
    assert run("（二）自查阶段（5月下旬至6月中旬）",
               "各区县（自治县）政府组织对辖区内重点问题进行全面清查，提出整改措施。"
               "各区县专项行动领导小组于6月20日前将工作总结上报市专项办。") == [
        ("组织对辖区内重点问题进行全面清查，提出整改措施", [("各区县（自治县）政府", "responsible")]),
        ("于6月20日前将工作总结上报市专项办", [("各区县专项行动领导小组", "responsible")]),
    ]
    # who attends for the collective names no acting unit; outside a numbered plan the
    # sentence is no task
    assert [units for _, units in run("（一）动员阶段", "各乡镇负责同志参加动员会。")] == [[]]
    assert run("各乡镇组织开展了排查。") == []


def test_levels_sharing_one_ge_before_a_trigger_are_one_collective():
    # category 5: 各行署、市政府要… addresses the governments of both levels, also when the
    # recognizer found 市政府 on its own
    text = "各行署、市政府要认真总结专项行动的成效与不足。"
    expected = [("要认真总结专项行动的成效与不足", [("各行署、市政府", "responsible")])]
    assert run(text) == expected
    for found in ([(4, 7)], [(0, 3), (4, 7)]):
        tasks = tasks_of(Document("t", "txt", blocks=[text]), anchor=ANCHOR, orgs=found)
        assert [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks] == expected


def test_a_measure_without_a_number_closed_by_its_roles_is_a_task():
    # category 3: a plan's paragraphs run without numbers; a paragraph its roles close is a
    # measure, though its verbs (严把, 不再审批) trigger nothing
    roles = [("县环保局", "responsible"), ("县工信委", "responsible")]
    assert run("为改善空气质量，制定本方案。", "严把准入关，青禾县建成区不再审批燃煤锅炉。（责任部门：县环保局、县工信委）") == [
        ("严把准入关，青禾县建成区不再审批燃煤锅炉", roles)]
    # the paragraphs of the measure before it, opening with a measure's verb, share its roles
    assert run("为改善空气质量，制定本方案。", "深化燃煤锅炉治理。加快推进集中供热。", "加大工业园区锅炉改造力度。",
               "严把准入关，青禾县建成区不再审批燃煤锅炉。（责任部门：县环保局、县工信委）") == [
        ("深化燃煤锅炉治理。加快推进集中供热", roles), ("加大工业园区锅炉改造力度", roles),
        ("严把准入关，青禾县建成区不再审批燃煤锅炉", roles)]
    # a parenthesis that names no roles makes none
    assert run("严把准入关，青禾县建成区不再审批燃煤锅炉。（记者 李明）") == []


def test_a_blanket_inside_an_items_roles_speaks_for_the_items_after_it():
    # category 5: 以下各项工作均需X落实，不再列出 written once, in the first item's roles
    assert run("二、工作任务",
               "1.制定准入清单。完成青禾市准入清单编制工作。〔市生态环境局牵头，各县、区人民政府负责落实。"
               "以下各项工作均需各县、区人民政府落实，不再列出。〕",
               "2.排查整治散乱污企业。（市生态环境局牵头，市公安局配合）",
               "（二）强化扬尘管控", "1.严格施工扬尘监管。（市住建局牵头）", "三、保障措施", "（一）加强组织领导。") == [
        ("制定准入清单。完成青禾市准入清单编制工作", [("市生态环境局", "lead"), ("各县、区人民政府", "responsible")]),
        ("排查整治散乱污企业",
         [("各县、区人民政府", "responsible"), ("市生态环境局", "lead"), ("市公安局", "support")]),
        # the sections after the item's own, to the end of its part (二、工作任务), too
        ("严格施工扬尘监管", [("各县、区人民政府", "responsible"), ("市住建局", "lead")]),
        ("加强组织领导", []),
    ]


def test_roles_of_the_last_item_cut_short_where_the_page_ends():
    # category 3: a page ends inside the last item's parenthesis of roles
    assert run("二、工作任务", "1.制定准入清单。（市生态环境局牵头，市公安局配合）",
               "2.排查整治散乱污企业。（市生态环境局、市发改局牵头督导，市公安局、市水务局、") == [
        ("制定准入清单", [("市生态环境局", "lead"), ("市公安局", "support")]),
        ("排查整治散乱污企业", [("市生态环境局", "lead"), ("市发改局", "lead"),
                              ("市公安局", "support"), ("市水务局", "support")]),
    ]
    # with no lead before it, the role of the unfinished list is not said
    assert run("1.排查整治散乱污企业。（市公安局、市水务局、")[0][1] == [
        ("市公安局", "responsible"), ("市水务局", "responsible")]


def test_bu_ying_of_a_case_is_no_trigger():
    # category 3: 对不应建设的项目要坚决搬迁 is a case (不应建设的项目) and its directive
    assert run("对不应建设的项目要坚决搬迁。") == [("要坚决搬迁", [])]


def test_a_plan_item_whose_one_directive_follows_its_measures_is_one_task():
    # category 3: an item of a plan is one task; the subject of its closing 应-sentence
    # stays inside, the heading sentence is dropped
    assert run("二、重点任务", "1.保障乡村供水安全。完善水厂巡检制度。各镇人民政府及供水站应每月抽检出厂水质。") == [
        ("完善水厂巡检制度。各镇人民政府及供水站应每月抽检出厂水质",
         [("各镇人民政府", "responsible"), ("供水站", "responsible")]),
    ]
    # a sentence naming who acts is a duty of its own: the directive stays alone
    found = run("二、重点任务", "1.开展自查。各县政府对辖区排污单位进行全面检查。县环保局要于5月10日前汇总上报。")
    assert [text for text, _ in found][-1] == "要于5月10日前汇总上报"


def test_a_plan_that_says_the_first_listed_unit_leads():
    # category 5: 列第一位者为牵头部门，下同 — lists without role words, read as the plan says
    assert run("（一）控制煤炭消费总量。",
               "1.制订燃煤消费总量控制方案。（青禾省经信委、青禾省发改委（省能源局）。列第一位者为牵头部门，下同）",
               "2.推进燃煤锅炉改造。（青禾省环保厅、青禾省质监局、青禾省住建厅）") == [
        ("制订燃煤消费总量控制方案", [("青禾省经信委", "lead"), ("青禾省发改委（省能源局）", "support")]),
        ("推进燃煤锅炉改造", [("青禾省环保厅", "lead"), ("青禾省质监局", "support"), ("青禾省住建厅", "support")]),
    ]
    # without the note a list states no roles
    assert run("1.推进燃煤锅炉改造。（青禾省环保厅、青禾省质监局）")[0][1] == [
        ("青禾省环保厅", "responsible"), ("青禾省质监局", "responsible")]


def test_the_note_on_the_first_listed_unit_leaves_the_notices_addressees_alone():
    # the note speaks of the plan's lists: whom the transmittal's 请 asks all answer for it
    assert run("各县（市、区）人民政府，市政府直属各单位：",
               "现将《青禾市扬尘治理分工方案》印发给你们，请于6月底前报送落实情况。",
               "1.制订扬尘治理方案。（市住建局、市城管局。列第一位者为牵头部门，下同）") == [
        ("请于6月底前报送落实情况", [("各县（市、区）人民政府", "responsible"), ("市政府直属各单位", "responsible")]),
        ("制订扬尘治理方案", [("市住建局", "lead"), ("市城管局", "support")]),
    ]


def test_the_note_on_the_first_listed_unit_in_other_wordings():
    # category 5: 排序第一的为牵头单位 / 排名第一的为牵头单位, in a parenthesis of its own
    assert run("（一）市容整治", "1.加强城区清扫保洁。（责任单位：县城管局、县水利局（排序第一的为牵头单位））",
               "2.完善环卫设施。（责任单位：县住建局、县城管局）", "3.整治河道。（县水利局、县农业局，排名第一的为牵头单位）") == [
        ("加强城区清扫保洁", [("县城管局", "lead"), ("县水利局", "support")]),
        ("完善环卫设施", [("县住建局", "lead"), ("县城管局", "support")]),
        ("整治河道", [("县水利局", "lead"), ("县农业局", "support")]),
    ]
    # the note right after the first name it speaks of, the list going on after it
    assert run("（一）市容整治", "1.加强城区清扫保洁。（责任单位：县城管局（排序第一的为牵头单位，下同）、县水利局、XX 镇）") == [
        ("加强城区清扫保洁", [("县城管局", "lead"), ("县水利局", "support"), ("XX 镇", "support")]),
    ]


def test_a_plan_that_says_the_names_before_a_semicolon_lead():
    # category 5: 分号前为牵头单位，下同 in a parenthesis of its own after the first list: the
    # note is no part of the task, and each list's names before its semicolon lead
    assert run("（一）清河", "1.清理河道垃圾",
               "加强沿河巡查，及时清运漂浮物。〔责任单位：县水利局；县城管局、县农业农村局，各乡镇〕（分号前为牵头单位，下同）",
               "2.整治排污口",
               "开展入河排污口排查。〔责任单位：县生态环境局、县水利局；县住建局，各乡镇〕") == [
        ("加强沿河巡查，及时清运漂浮物",
         [("县水利局", "lead"), ("县城管局", "support"), ("县农业农村局", "support"), ("各乡镇", "support")]),
        ("开展入河排污口排查",
         [("县生态环境局", "lead"), ("县水利局", "lead"), ("县住建局", "support"), ("各乡镇", "support")]),
    ]
    # without the note a semicolon states no roles
    assert run("1.清理河道垃圾", "加强沿河巡查。〔责任单位：县水利局；县城管局〕")[0][1] == [
        ("县水利局", "responsible"), ("县城管局", "responsible")]
    # the note on the first listed unit in a parenthesis of its own after the list
    assert run("1.清理河道垃圾", "加强沿河巡查。（责任单位：县水利局、县城管局）（排序第一的为牵头单位，下同）") == [
        ("加强沿河巡查", [("县水利局", "lead"), ("县城管局", "support")])]


def test_a_plan_that_says_the_names_listed_in_front_lead():
    # category 5: a parenthesis closing with a blanket, then the note that those listed in
    # front lead (…各乡镇。以下均需各乡镇落实，不再列出。排在前位为牵头部门，下同。): the notes
    # are no part of the list; its names before the first comma lead, the others support,
    # and the blanket's collective carries out every task after it
    assert run("（一）清河",
               "1.开展入河排污口排查。认真落实排污口巡查制度。（责任单位：县生态环境局、县水利局，县财政局，各乡镇。"
               "以下均需各乡镇落实，不再列出。排在前位为牵头部门，下同。）",
               "2.建立水质监测网络。（县生态环境局、县水利局，县财政局）") == [
        ("开展入河排污口排查。认真落实排污口巡查制度",
         [("县生态环境局", "lead"), ("县水利局", "lead"), ("县财政局", "support"), ("各乡镇", "support")]),
        ("建立水质监测网络",
         [("各乡镇", "responsible"), ("县生态环境局", "lead"), ("县水利局", "lead"), ("县财政局", "support")]),
    ]


def test_units_only_listed_in_a_parenthesis_after_a_measure_are_its_units():
    # category 5: a measure closed by a plain list of units, no role word
    assert run("1.推进燃煤锅炉改造。（青禾县环保局、青禾县住建局）") == [
        ("推进燃煤锅炉改造", [("青禾县环保局", "responsible"), ("青禾县住建局", "responsible")])]
    # a parenthesis right after a name says who that is, and assigns nothing
    assert run("各乡镇要于5月20日前报县专项办（县环保局）。") == [
        ("要于5月20日前报县专项办", [("各乡镇", "responsible")])]


def test_duties_named_after_a_lead_in_of_their_own():
    # category 2: a report's duty list after its own lead-in, one ；-clause per unit
    assert run("三是明确责任，对任务台账进行分解，青禾县管委会负责园区喷漆企业管控；青禾县商务局加强加油站油气回收管理；"
               "青禾县公安局负责严禁农用车进城。") == [
        ("负责园区喷漆企业管控", [("青禾县管委会", "responsible")]),
        # a clause of the run that opens with other units and an action is their duty
        ("加强加油站油气回收管理", [("青禾县商务局", "responsible")]),
        ("负责严禁农用车进城", [("青禾县公安局", "responsible")]),
    ]
    # a trigger before the comma keeps the clause one directive
    assert [text for text, _ in run("各乡镇要加强巡查，县环保局负责督促验收。")] == ["要加强巡查，县环保局负责督促验收"]
    # 负责的 names a project, no duty
    assert run("对任务台账进行分解，县环保局负责的项目先行验收。") == []


def test_units_closing_a_measure_without_parentheses():
    # category 5: the units stand as the measure's last sentence, or in comma parts after it
    assert run("二、主要任务", "1.落实施工工地六个百分百。青禾县住建局、青禾县城管局",
               "2.淘汰燃煤小锅炉，由青禾县发改局负责，青禾县市场监管局配合。") == [
        ("落实施工工地六个百分百", [("青禾县住建局", "responsible"), ("青禾县城管局", "responsible")]),
        ("淘汰燃煤小锅炉", [("青禾县发改局", "responsible"), ("青禾县市场监管局", "support")]),
    ]
    # an item that is only a list of units is no measure closed by them
    assert run("二、主要任务", "1.青禾县住建局、青禾县城管局。")[0][1] == []


def test_units_a_verb_acts_on_hold_no_role():
    # roles: 督促施工单位落实… names whom the duty is about; the subject stays responsible
    assert run("青禾县住建局要督促施工单位落实扬尘措施。") == [
        ("要督促施工单位落实扬尘措施", [("青禾县住建局", "responsible")])]


def test_a_page_starting_inside_a_measure_that_its_roles_close():
    # category 3: a continuation page opens with the end of a measure and its role label
    assert run("业的排查整治，依法取缔无证经营的砂石场。责任单位：青禾县环保局、青禾县公安局",
               "（五）加强渣土车辆管理。责任单位：青禾县城管局") == [
        ("业的排查整治，依法取缔无证经营的砂石场", [("青禾县环保局", "responsible"), ("青禾县公安局", "responsible")]),
        ("加强渣土车辆管理", [("青禾县城管局", "responsible")]),
    ]


def test_a_body_named_by_its_kind_alone_after_a_unit_of_the_list():
    assert run("三、落实责任", "县交通局、公路段要加强道路巡查，并将巡查情况于6月底前报县环保局。") == [
        ("要加强道路巡查，并将巡查情况于6月底前报县环保局", [("县交通局", "responsible"), ("公路段", "responsible")]),
    ]
    assert run("县委宣传部、妇联、科协负责宣传发动。") == [
        ("负责宣传发动", [("县委宣传部", "responsible"), ("妇联", "responsible"), ("科协", "responsible")]),
    ]


def test_bracketed_field_names_of_an_exposed_problem_with_values_on_the_next_line():
    # a list of exposed problems prints its field names in 【】, a value under its name:
    # the requirement is the task, the 主管单位 its unit, the 整改期限 its pace
    page = Document("t", "txt", blocks=["我局对近期巡查发现的扬尘问题予以曝光。", "【点位名称】东环路道路积尘",
                                        "【主管单位】区住建局", "【存在问题】", "路面浮土较多，车过扬尘。",
                                        "【整改要求】", "增加路面清扫和洒水频次，保持路面洁净。", "【整改期限】立行立改"])
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.kind)
            for t in tasks_of(page, anchor=ANCHOR)] == [
        ("增加路面清扫和洒水频次，保持路面洁净", [("区住建局", "responsible")], "asap")]


def test_the_wrapped_tail_of_an_attachments_title_is_no_task():
    # 附件：1.X任务 / 清单 / 2.Y任务 / 清单: a page wrapped each title before its last word
    assert run("现将任务清单印发给你们，请于6月底前报送落实情况。", "附件：1.某某区大气污染防治2019年任务", "清单",
               "2.某某区水污染防治2019年任务", "清单") == [("请于6月底前报送落实情况", [])]


def test_a_table_flattened_one_cell_a_line_gives_each_unit_and_its_leader_a_line():
    # 1、row text / unit / unit / leader's name / 2、next row: the unit lines are the row's
    assert run("某镇环境整治任务分解表", "1、开展河道清理。清除河道垃圾和漂浮物，保持水面整洁。", "镇水利站", "各村（社区）", "张某某",
               "2、加强垃圾清运。每村设立垃圾收集点，做到日产日清。", "镇环卫所")[0] == (
        "开展河道清理。清除河道垃圾和漂浮物，保持水面整洁", [("镇水利站", "responsible"), ("各村（社区）", "responsible")])


def test_a_rows_target_on_its_own_line_stands_between_its_text_and_its_units():
    # 1、text / target sentence / unit / unit / leader / 2、…: the target is no measure, the
    # unit lines under it are still the row's
    assert run("某镇环境整治任务分解表", "1、开展河道清理。清除河道垃圾和漂浮物，保持水面整洁。",
               "河道保洁率达到95%以上；沟渠无积存垃圾。", "镇水利站", "各村（社区）", "张某某",
               "2、加强垃圾清运。每村设立垃圾收集点，做到日产日清。", "镇环卫所")[0] == (
        "开展河道清理。清除河道垃圾和漂浮物，保持水面整洁", [("镇水利站", "responsible"), ("各村（社区）", "responsible")])


def test_a_measures_label_closed_by_its_colon_before_an_enumeration_is_no_part_of_the_task():
    # 整改措施：一是…。二是…: the label is a clause of its own before its colon, not the task's start
    assert run("一、整改内容", "①部分搬迁户住房面积超标。（牵头单位：县住建局；责任单位：各乡镇）",
               "整改措施：一是加强政策宣讲，提高知晓率。二是严格审核对象，规范管理。") == [
        ("一是加强政策宣讲，提高知晓率。二是严格审核对象，规范管理", [("县住建局", "lead"), ("各乡镇", "responsible")])]


def test_the_last_row_of_a_barred_table_cut_inside_its_text_is_still_a_row():
    # an excerpt ending mid-table: | 2 | text… with no units nor time limit after it
    assert run("| 序号 | 工作任务 | 责任单位 | 完成时限 |", "| 1 | 完善巡查制度 | 县住建局 | 常态工作 |",
               "| 2 | 加强渣土运输管理，规范车辆冲") == [("完善巡查制度", [("县住建局", "responsible")]),
                                                   ("加强渣土运输管理，规范车辆冲", [])]
    # …its number alone on the last bar row, the text on the line after it
    assert run("| 序号 | 工作任务 | 责任单位 | 完成时限 |", "| 1 | 完善巡查制度 | 县住建局 | 常态工作 |", "| 2 |",
               "加强渣土运输管理，规范车辆冲")[1] == ("加强渣土运输管理，规范车辆冲", [])


def test_field_names_before_a_dash_are_labels():
    # 牵头单位——X / 完成时限—6月底前: a dash where a colon would stand, on the item's line
    # or on lines of their own
    tasks = tasks_of(Document("t", "txt", blocks=[
        "1.修缮镇区排水管网。牵头单位——镇建设办；配合单位—镇水务站；完成时限——9月底前",
        "2.清理沟渠淤泥。",
        "责任单位——各村委会",
        "完成时限—10月底前"]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("修缮镇区排水管网", [("镇建设办", "lead"), ("镇水务站", "support")], date(2025, 9, 30)),
        ("清理沟渠淤泥", [("各村委会", "responsible")], date(2025, 10, 31)),
    ]
    # a dash after words that name no field stays a dash
    assert run("1.推进“一河一策——一村一档”建设。") == [("推进“一河一策——一村一档”建设", [])]


def test_a_parenthesis_of_bare_cells_gives_units_and_time_limit():
    # （X Y 6月底前） / （X、Y，年底前） closing an item: its units and time limit, the line a
    # measure given out, no heading, even without a full stop
    tasks = tasks_of(Document("t", "txt", blocks=[
        "1.疏浚镇区排水沟渠（镇建设办 镇水务站 6月底前）",
        "2.清运河岸垃圾。（各村委会、镇环卫所，年底前）"]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("疏浚镇区排水沟渠", [("镇建设办", "responsible"), ("镇水务站", "responsible")], date(2025, 6, 30)),
        ("清运河岸垃圾", [("各村委会", "responsible"), ("镇环卫所", "responsible")], date(2025, 12, 31)),
    ]


def test_the_document_a_report_relays_asking_is_a_lead_in_no_label():
    # 通知要求：/ 总河长令要求： is what the relayed notice or order asked (as 会议要求：),
    # not a plan's label like 工作要求：
    assert run("近日，县里印发清淤通知。", "通知要求：各村委会要落实沟渠清淤责任。") == [
        ("要落实沟渠清淤责任", [("各村委会", "responsible")])]
    assert run("近日，县里签发总河长令。", "总河长令要求：各乡镇对辖区沟渠清淤负总责，迅速开展清理。") == [
        ("对辖区沟渠清淤负总责，迅速开展清理", [("各乡镇", "responsible")])]


def test_river_affairs_departments_are_a_kind_of_department():
    assert run("近日，县里签发总河长令。", "同时，各乡镇和河务部门要建立堤防巡查台账。") == [
        ("要建立堤防巡查台账", [("各乡镇", "responsible"), ("河务部门", "responsible")])]


def test_an_excerpt_cut_inside_its_signing_date_ends_with_the_signature():
    # the issuer over a date that lost its 日 at the end of the text: a signature, no task
    # of its own, and no unit of the attachment listed above it
    assert run("请各村委会于6月底前完成沟渠清淤。", "附件：1.沟渠名录", "2.清淤记录表", "",
               "某某镇人民政府", "", "2025年3月8") == [
        ("请各村委会于6月底前完成沟渠清淤", [("各村委会", "responsible")])]


def test_a_paragraph_broken_after_a_comma_goes_on_after_the_blank_line():
    # a scraped page broke a sentence at a comma into two paragraphs: one sentence, its
    # clauses read as if never broken
    assert run("副县长要求，各乡镇要建立周通报制度，对巡河情况进行通报，", "",
               "严格按照时间节点推进；县水利局要加强督查。") == [
        ("要建立周通报制度，对巡河情况进行通报，严格按照时间节点推进", [("各乡镇", "responsible")]),
        ("要加强督查", [("县水利局", "responsible")]),
    ]


def test_holders_of_a_post_opening_a_clause_are_addressed_without_units():
    # 各级河长要… / 镇、村两级河长要…: a directive to persons, outside any lead-in too; inside
    # another addressee's directive a post after a comma opens no task of its own
    assert run("近日，县里印发巡河通知。", "各级河长要加强巡河，每周至少一次；要及时上报问题。",
               "镇、村两级河长要按照所负责的河道开展巡查。", "各乡镇要压实责任，领导要靠前指挥。") == [
        ("要加强巡河，每周至少一次", []),
        ("要及时上报问题", []),
        ("要按照所负责的河道开展巡查", []),
        ("要压实责任，领导要靠前指挥", [("各乡镇", "responsible")]),
    ]


def test_units_then_what_they_will_hand_in_by_a_time_limit():
    # X将Y于…前报Z / X将在每月月底将…报…: X hands it in; the task opens at 将
    tasks = tasks_of(Document("t", "txt", blocks=[
        "近日，县里印发巡河通知。",
        "各乡镇河长办将整改情况于每月25日前报县河长办。",
        "镇河长办将在每月月底将巡河记录汇总报镇总河长。",
        "实施方案于5月20日前报县河长办。"]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline.kind) for t in tasks] == [
        ("将整改情况于每月25日前报县河长办", [("各乡镇河长办", "responsible")], "recurring"),
        ("将在每月月底将巡河记录汇总报镇总河长", [("镇河长办", "responsible")], "recurring"),
        ("于5月20日前报县河长办", [], "by"),
    ]


def test_the_holders_of_a_post_addressed_by_yaoqiu_or_qing():
    # 要求镇、村两级河长按照… / 请各级河长…: persons addressed, a directive without units
    assert run("近日，县里印发巡河通知。", "这项工作各级高度重视，要求镇、村两级河长按照所负责的河道，每月巡河不少于3次。",
               "请各级河长加强汛期巡查。") == [
        ("要求镇、村两级河长按照所负责的河道，每月巡河不少于3次", []),
        ("请各级河长加强汛期巡查", []),
    ]


def test_river_section_chiefs_are_holders_of_a_post():
    assert run("近日，县里印发巡河通知。", "各河段长要切实履行职责，每月巡河不少于2次。") == [
        ("要切实履行职责，每月巡河不少于2次", [])]


def test_points_enumerated_after_a_sentence_deploying_the_work():
    # …进行了安排部署。一是…；二是…: the points deployed are directives, as after 会议强调：
    assert run("近日，镇里召开河长制会议。", "会议对下一步工作进行了安排部署。一是强化巡河履职；二是加快问题整改，6月底前完成销号。") == [
        ("强化巡河履职", []), ("加快问题整改，6月底前完成销号", [])]
    # a report of what was done after carrying out a deployment (the noun) stays no task
    assert run("近日，镇里召开河长制会议。", "今年以来，我镇认真落实县里工作部署。一是建立了镇村两级河长体系；二是完成了河道划界。") == []


def test_a_rectification_notice_quoting_the_problem_as_its_task_line():
    # 整改任务 quotes the problem the feedback raised, 整改目标 states what is to be reached;
    # the numbered lines under 整改完成情况 report what was done, and the closing 请联系 only
    # says where to object
    assert run("关于某镇督察反馈问题整改情况的公示",
               "整改任务：部分村庄仍然存在垃圾随意堆放等问题。",
               "整改目标：建立长效保洁机制，垃圾日产日清。",
               "整改完成情况：",
               "1、各村配备保洁员，落实门前三包。",
               "2、每周开展一次环境卫生检查。",
               "公示期间如有异议，请联系某镇环保办。") == [("建立长效保洁机制，垃圾日产日清", [])]


def test_a_request_to_get_in_touch_is_no_task():
    assert run("如对以上事项有疑问，请与县生态环境局联系。各乡镇要于5月底前完成排查。") == [
        ("要于5月底前完成排查", [("各乡镇", "responsible")])]


def test_points_headed_by_a_sentence_are_one_task_each():
    # 一是… / 二是… open with a heading sentence; the sentences after it, up to the next
    # point, are the point's work, and a report after the last point is none of it
    assert run("会议对下一步工作提出要求。一是压实整改责任。县督察办要加强调度，确保按期销号。"
               "二是强化巡查管理。组织开展一次回头看；对已销号问题进行抽查。同时，持续开展暗访暗查。"
               "目前已销号问题42个。") == [
        ("要加强调度，确保按期销号", [("县督察办", "responsible")]),
        ("组织开展一次回头看；对已销号问题进行抽查。同时，持续开展暗访暗查", []),
    ]


def test_a_points_directives_with_their_own_trigger_words_are_a_task_each():
    # …as 要A；要B are: the heading names no task, each directive keeps its addressee and time
    assert run("会议对下一步工作提出要求。一是高度重视。各责任村要进一步落实责任，落实专人负责。"
               "8月7日前，青溪村、石门村要完成河道打捞工作。二是加快整改。县河长办要加强调度。") == [
        ("要进一步落实责任，落实专人负责", [("各责任村", "responsible")]),
        ("要完成河道打捞工作", [("青溪村", "responsible"), ("石门村", "responsible")]),
        ("要加强调度", [("县河长办", "responsible")]),
    ]


def test_a_point_that_is_a_directive_itself_is_no_heading():
    assert run("会议要求，一是要加强巡查。二是要及时上报。") == [("要加强巡查", []), ("要及时上报", [])]


def test_directives_after_a_sentence_handing_a_topic_to_units_are_theirs():
    # 关于X。Y牵头负责，…。 then directives whose subject is a thing (车辆, 道路): Y's work; a
    # clause without a trigger word ends the run, and units named by a directive are its own
    assert run("关于渣土运输整治。县交通局牵头负责，与扬尘治理一并推进。渣土车辆必须全密闭运输；"
               "出入口要设置冲洗设施；车辆定点停放。县城管局要加强夜间巡查。") == [
        ("必须全密闭运输", [("县交通局", "lead")]),
        ("要设置冲洗设施", [("县交通局", "lead")]),
        ("要加强夜间巡查", [("县城管局", "responsible")]),
    ]


def test_measures_numbered_under_a_problem_heading_with_its_units():
    # a rectification list heads each block with the problem (（一）…问题), then who answers
    # for it and by when, then its measures as numbered lines: those are tasks, not a
    # section describing problems
    tasks = tasks_of(Document("t", "txt", blocks=[
        "（一）某河段垃圾堆积问题", "责任领导：某某某；责任单位：某镇人民政府；整改时限：2025年底前",
        "整改措施：", "1.开展河道清理。", "2.建立巡查制度。"]), anchor=ANCHOR)
    assert [(t.text, [u.name for u in t.units], t.deadline.date) for t in tasks] == [
        ("开展河道清理", ["某镇人民政府"], date(2025, 12, 31)), ("建立巡查制度", ["某镇人民政府"], date(2025, 12, 31))]


def test_items_under_a_section_of_problems_stay_no_tasks():
    assert run("三、存在问题", "1.部分河段垃圾清理不及时。", "2.巡查制度落实不到位。") == []


def test_rectification_fields_run_together_on_one_line():
    # a flattened list puts a problem's fields on one line, each after the last one's stop
    page = Document("t", "txt", blocks=[
        "问题1：某搅拌站车辆带泥上路。整改目标：车辆出场不带泥。整改措施：安装车辆冲洗设施。责任单位：城关镇人民政府。整改时限：2025年5月31日前。",
        "问题2：某砂石厂露天堆放。整改措施：完成苫盖。责任单位：柳林镇人民政府。整改时限：2025年6月30日前。"])
    assert [(t.text, [u.name for u in t.units], t.deadline.date) for t in tasks_of(page, anchor=ANCHOR)] == [
        ("安装车辆冲洗设施", ["城关镇人民政府"], date(2025, 5, 31)),
        ("完成苫盖", ["柳林镇人民政府"], date(2025, 6, 30)),
    ]


def test_rectification_fields_run_together_without_a_number():
    page = Document("t", "txt", blocks=["存在问题：某砂石厂露天堆放。整改措施：完成苫盖。责任单位：柳林镇人民政府。整改时限：2025年6月30日前。"])
    assert [(t.text, [u.name for u in t.units], t.deadline.date) for t in tasks_of(page, anchor=ANCHOR)] == [
        ("完成苫盖", ["柳林镇人民政府"], date(2025, 6, 30))]


def test_an_items_roles_closing_its_line_stay_on_it():
    assert run("1.开展河道清理。责任单位：县水利局。") == [("开展河道清理", [("县水利局", "responsible")])]


def test_a_role_in_parentheses_closing_a_group_of_units_is_each_ones():
    from minutes.nlp.components.roles import role_part

    assert [(a.name, a.role) for a in role_part("责任单位：县林业局（牵头），县水利局、县交通局（配合）")] == [
        ("县林业局", "lead"), ("县水利局", "support"), ("县交通局", "support")]
    # without commas parting groups, it marks the name it closes
    assert [(a.name, a.role) for a in role_part("责任单位：县交通局、县林业局（牵头）")] == [
        ("县交通局", "responsible"), ("县林业局", "lead")]


def test_numbered_lines_under_a_progress_label_report_work_done():
    assert run("整改进展：", "1.县住建局完成截污纳管工程。", "2.各乡镇建立长效管护机制。",
               "下一步，各乡镇要加强巡查。") == [("要加强巡查", [("各乡镇", "responsible")])]


def test_points_numbered_with_two_digits_are_items_with_their_bodies():
    # a news page lists the year's key work as 01, 02, …: a heading on the number's line,
    # the work in the paragraph under it (no trigger word): one task each
    assert run(
        "县河长办明确今年五项重点工作。",
        "01 推动支流综合治理",
        "持续推动清溪河支流整治，全面加快湿地公园建设。",
        "02 推动排污口排查",
        "以督查督办方式，推动排污口清理销号，6月底前完成排查。",
    ) == [
        ("持续推动清溪河支流整治，全面加快湿地公园建设", []),
        ("以督查督办方式，推动排污口清理销号，6月底前完成排查", []),
    ]


def test_fields_of_a_rectification_block_whose_colons_were_lost():
    # a page ran each field's label cell into its value cell (整改时限2019年6月30日前) and
    # left 整改措施 alone on its line: the block's fields still speak for its numbered
    # measures, and the problem with its cause is no task
    tasks = tasks_of(Document("t", "txt", blocks=[
        "一、青溪县城区段河道垃圾长期堆积，沿岸居民反映强烈。",
        "原因分析：日常巡查不到位，保洁责任落实不力。",
        "整改目标按照“河畅、水清、岸绿”要求，全面清理河道垃圾",
        "整改时限2019年6月30日前",
        "责任单位：青溪县人民政府",
        "督导单位：市水务局",
        "整改措施",
        "1.组织开展河道垃圾集中清理。",
        "2.建立河道保洁长效机制（2019年5月31日）。",
    ]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks] == [
        ("组织开展河道垃圾集中清理", [("青溪县人民政府", "responsible"), ("市水务局", "support")], date(2019, 6, 30)),
        ("建立河道保洁长效机制", [("青溪县人民政府", "responsible"), ("市水务局", "support")], date(2019, 5, 31)),
    ]


def test_a_sentence_opening_like_a_field_away_from_any_field_line_keeps_its_words():
    # 整改措施落实… opens a sentence of its own: no labelled line stands next to it
    texts = [text for text, _ in run("一、加强督办。", "整改措施落实不到位的，要严肃问责。")]
    assert texts and not any("整改措施：" in text for text in texts)
    assert any("整改措施落实不到位" in text for text in texts)


def test_a_run_of_fields_whose_stops_were_lost_gives_the_measures_their_time_limit():
    tasks = tasks_of(Document("t", "txt", blocks=[
        "整改目标：河道保洁常态长效。责任单位：青溪县水利局整改时限：立行立改，长期坚持整改措施：建立巡河台账。",
    ]), anchor=ANCHOR)
    assert [(t.text, t.deadline and t.deadline.kind) for t in tasks] == [("建立巡河台账", "ongoing")]


def test_a_section_of_the_years_quality_targets_holds_no_task():
    assert run(
        "一、2024年度水环境质量改善目标",
        "2024年，全县地表水考核断面水质优良比例达到95%以上。",
        "二、主要工作任务",
        "1.开展入河排污口排查。（责任单位：县生态环境分局）",
    ) == [("开展入河排污口排查", [("县生态环境分局", "responsible")])]
    # a heading that names the work of reaching the year's targets heads tasks
    assert run("（一）全力确保完成全年空气质量改善目标", "1.开展入河排污口排查。") == [("开展入河排污口排查", [])]


def test_a_document_sharing_sites_numbered_chunks_are_one_text():
    # the site cut the plan into chunks of a fixed length, numbered 1、 2、 3、 at each
    # line's start, wherever the length ran out: the chunks are the plan's text, their
    # numbers no items, and a measure cut between two chunks is whole again
    from minutes.nlp.normalize import normalize

    plan = ("青溪县秸秆禁烧工作方案 为做好秸秆禁烧工作，结合我县实际，制定本方案。一、工作目标 全县秸秆综合利用率稳定在百分之"
            "九十以上，露天焚烧火点动态清零，重点区域和重点时段不发生大面积焚烧。二、重点任务 1.强化网格巡查。落实县乡村三级网格"
            "责任，加强重点时段巡查，发现火点及时处置并上报，确保不发生一起露天焚烧事件，全面做好秸秆离田收储和综合利用工作，持续"
            "开展宣传引导，营造全民参与的良好氛围。（县农业农村局牵头；县生态环境分局、各乡镇人民政府配合）")
    chunks = [f"{n}、{plan[i : i + 134]}" for n, i in enumerate(range(0, len(plan), 134), 1)]
    assert len(chunks) == 2 and "及时处置" not in "".join(chunks)
    page = normalize(Document("t", "txt", blocks=chunks))
    tasks = [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks_of(page, anchor=ANCHOR)]
    assert [units for _, units in tasks] == [[
        ("县农业农村局", "lead"), ("县生态环境分局", "support"), ("各乡镇人民政府", "support")]]
    assert "落实县乡村三级网格责任" in tasks[0][0] and "及时处置并上报" in tasks[0][0]


def test_measures_closed_by_their_roles_beside_a_measure_with_a_trigger_word():
    # one item, each measure closed by its own parenthesis of roles; the third holds 应 and
    # 要: the first two, without a trigger word, are tasks all the same
    assert run(
        "1.控制燃煤总量。推动清洁能源替代，压减散煤消费。（责任单位：县发改局）"
        "严控高耗能项目准入，实行减量替代。（牵头单位：县发改局，责任单位：县审批局）"
        "年用煤量较大的单位应建立用煤台账。重点企业要做好应急储备。（牵头单位：县工信局）"
    ) == [
        ("控制燃煤总量。推动清洁能源替代，压减散煤消费", [("县发改局", "responsible")]),
        ("严控高耗能项目准入，实行减量替代", [("县发改局", "lead"), ("县审批局", "responsible")]),
        ("应建立用煤台账", [("县工信局", "lead")]),
        ("要做好应急储备", [("县工信局", "lead")]),
    ]


def test_directives_of_an_item_go_on_over_a_line_break_after_a_semicolon():
    # a page cut the item's line after ；: the next line's subject, no body, opens a directive
    # as it would on the same line, and the parenthesis of units closing the item is theirs
    assert run(
        "（二）管网建设",
        "1、完善镇区管网。各地要坚持先建管网的原则。新街区管网要实行雨污分流；",
        "旧区要结合道路改造实施雨污分流。（县住建局负责）",
    ) == [
        ("要坚持先建管网的原则", [("县住建局", "responsible")]),
        ("要实行雨污分流", [("县住建局", "responsible")]),
        ("要结合道路改造实施雨污分流", [("县住建局", "responsible")]),
    ]


def test_the_note_on_the_first_listed_unit_counting_it_first_by_name():
    # 列第一名为牵头单位 says the same as 列第一位者为牵头部门
    assert run("（一）减少燃煤", "1.削减燃煤消费总量。（青禾省发改委、各市政府。列第一名为牵头单位，下同）",
               "2.推进燃煤锅炉改造。（青禾省环保厅、青禾省质监局负责）") == [
        ("削减燃煤消费总量", [("青禾省发改委", "lead"), ("各市政府", "support")]),
        ("推进燃煤锅炉改造", [("青禾省环保厅", "lead"), ("青禾省质监局", "support")]),
    ]


def test_a_parenthesis_of_roles_closed_by_units_that_all_share_a_role_for_the_work_below():
    # 〔责任单位：X、Y。以下工作，甲镇、乙镇党委和政府，园区管理处均为责任单位，不再列出〕:
    # the parenthesis gives its own item X and Y; the closing sentence, units before the
    # role they all share (均为责任单位, lists parted by commas too), the items after it
    assert run("二、推进绿色转型",
               "（一）推进节能降碳。编制节能规划；推广新能源公交车。〔责任单位：区发改局、区交通局。以下工作，"
               "东岭镇、西岭镇党委和政府，区园区管理处均为责任单位，不再列出〕",
               "（二）推动产业升级。培育绿色工厂。") == [
        ("推进节能降碳。编制节能规划；推广新能源公交车", [("区发改局", "responsible"), ("区交通局", "responsible")]),
        ("推动产业升级。培育绿色工厂", [("东岭镇", "responsible"), ("西岭镇党委和政府", "responsible"),
                                      ("区园区管理处", "responsible")]),
    ]


def test_units_listed_before_a_shared_role_word_all_take_it():
    assert run("1.加强渣土运输监管。（县住建局牵头，县公安局，县交通局、县城管局均参与）") == [
        ("加强渣土运输监管", [("县住建局", "lead"), ("县公安局", "support"), ("县交通局", "support"),
                             ("县城管局", "support")])]


def test_units_carrying_the_work_out_after_the_partners_stay_responsible():
    # X负责，Y、Z配合，W具体实施: X leads beside its partners; W, named after them, carries it out
    assert run("3.推进废弃矿山复绿。完成复绿面积500亩。（州自然资源局负责，州林草局、州水务局配合，各县市人民政府具体实施）") == [
        ("推进废弃矿山复绿。完成复绿面积500亩", [("州自然资源局", "lead"), ("州林草局", "support"), ("州水务局", "support"),
                                           ("各县市人民政府", "responsible")])]
    # partners named first: the body responsible after them leads as before
    assert run("4.加强夜间巡查。（县公安局配合，各镇负责）") == [
        ("加强夜间巡查", [("县公安局", "support"), ("各镇", "lead")])]


def test_the_fields_of_a_rectification_block_each_numbered_are_its_labelled_lines():
    # a block whose fields each open with a marker of their own ((一)反馈问题：… (二)责任单位：…)
    # reads as it does without the markers: the measures one task, with the block's units and
    # time limit, not five items of their own
    blocks = ["一、整改任务",
              "（一）反馈问题：部分乡镇河道沿岸垃圾清理不及时。",
              "（二）责任单位：县城管局、县水利局",
              "（三）整改时限：2025年9月底，立行立改",
              "（四）整改目标：河道沿岸垃圾日产日清。",
              "（五）整改措施：组织开展沿河垃圾专项清理，建立保洁巡查制度，每月通报清理情况。"]
    tasks = tasks_of(Document("t", "txt", blocks=blocks), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and (t.deadline.kind, t.deadline.date))
            for t in tasks] == [
        ("组织开展沿河垃圾专项清理，建立保洁巡查制度，每月通报清理情况",
         [("县城管局", "responsible"), ("县水利局", "responsible")], ("by", date(2025, 9, 30)))]
    # a plan's items headed by labels of no unit, time or person field stay items
    from minutes.nlp.components.clauses import segment
    assert len(segment(Document("t", "txt", blocks=[
        "（一）工作目标：年底前河道垃圾日产日清。", "（二）重点任务：开展沿河垃圾清理。",
        "（三）工作要求：各乡镇要落实属地责任。"])).items) == 3
    assert len(segment(Document("t", "txt", blocks=blocks)).items) == 1


def test_what_a_closed_rectification_reports_as_done_is_no_task():
    # a record of a closed rectification: the items under 整改落实情况 and an item headed by
    # what was done (整改目标完成情况：已完成) report, they assign nothing
    assert run("一、整改任务", "整改措施：开展沿河垃圾专项清理，建立保洁巡查制度。",
               "二、整改落实情况", "（一）整改目标完成情况：已完成。",
               "（二）整改措施落实情况：2024年底前已完成沿河垃圾清理，建立巡查台账12本。") == [
        ("开展沿河垃圾专项清理，建立保洁巡查制度", [])]
    assert run("1.整改进展：已完成沿河垃圾清理。", "2.加快建设保洁巡查制度。") == [("加快建设保洁巡查制度", [])]



@pytest.mark.parametrize("colon", ["", "："])
def test_an_acceptance_record_whose_numbered_fields_lost_their_colons_states_its_target(colon):
    # 一、整改任务… 二、整改目标… (the colons lost or not): the fields of one block, the problem
    # quoted, then its target, the task; what was done and the verdict of the check report,
    # they assign nothing
    blocks = ["青禾县第05号问题验收销号意见",
              "验收组对该问题进行了现场验收。",
              f"一、整改任务{colon}河道保洁宣传不到位，沿岸垃圾时有堆积。",
              f"二、整改目标{colon}全县河道沿岸无垃圾堆积，保洁长效机制建立。",
              "三、完成情况：全县聘用保洁员120名；开展专项清理，目前沿岸垃圾已清理完毕。",
              f"四、验收意见{colon}已完成整改，同意销号。"]
    tasks = tasks_of(Document("t", "txt", blocks=blocks), anchor=ANCHOR)
    assert [t.text for t in tasks] == ["全县河道沿岸无垃圾堆积，保洁长效机制建立"]


def test_a_rectification_row_run_into_its_items_line_is_read_field_by_field():
    # a PDF put a whole row on the line of its item: (一)问题。整改目标：…。责任单位：…整改时限：…
    # 整改措施：…: its fields are read as the row's lines would be
    line = ("一、认识不深(一)部分领导干部认识不足。整改目标：牢固树立绿色发展理念。责任单位：州委办公室、"
            "州政府办公室整改时限：2018年12月底前整改措施：筑牢绿色发展理念。1.深入学习贯彻有关精神。"
            "2.把绿色发展纳入中心组学习内容。")
    units = [("州委办公室", "responsible"), ("州政府办公室", "responsible")]
    assert [(text, found_units) for text, found_units in run(line)] == [
        ("深入学习贯彻有关精神", units), ("把绿色发展纳入中心组学习内容", units)]
    # a plan's item closing with its roles and time keeps them on its line
    assert run("1.开展河道清理。牵头单位：县水利局；配合单位：各乡镇；完成时限：6月底前。") == [
        ("开展河道清理", [("县水利局", "lead"), ("各乡镇", "support")])]


def test_measures_run_together_each_closed_by_its_roles():
    # category 3: a digest that lost its line breaks — each measure closed by its own
    # parenthesis of roles is a task with those roles
    assert run("全面提升能效水平。继续落实能耗双控制度。（青禾省经信委、青禾省发改委牵头）"
               "完善节能标准，推广高效节能产品。（青禾省经信委牵头）推进老旧小区节能改造。（青禾省住建厅牵头）") == [
        ("全面提升能效水平。继续落实能耗双控制度", [("青禾省经信委", "lead"), ("青禾省发改委", "lead")]),
        ("完善节能标准，推广高效节能产品", [("青禾省经信委", "lead")]),
        ("推进老旧小区节能改造", [("青禾省住建厅", "lead")]),
    ]
    # ... a blank after a parenthesis, as a converted page leaves it, parts them as well
    assert run("[接上页] 加强秸秆禁烧巡查，严查露天焚烧行为。（县环保局、县城管局牵头负责） "
               "强化涉气企业监管，确保达标排放。（县环保局牵头负责）") == [
        ("加强秸秆禁烧巡查，严查露天焚烧行为", [("县环保局", "lead"), ("县城管局", "lead")]),
        ("强化涉气企业监管，确保达标排放", [("县环保局", "lead")]),
    ]


def test_a_points_heading_after_its_marker_and_a_colon_is_no_task():
    # category 3: 一是：思想高度重视。各单位要…: the marker may end with a colon; the heading
    # after it heads the point's sentences, no task of its own
    assert run("会议就下一步工作提出三点要求：一是：思想高度重视。各村要提高政治站位。二是：问题落实整改。各镇要梳理问题清单。") == [
        ("要提高政治站位", [("各村", "responsible")]), ("要梳理问题清单", [("各镇", "responsible")])]


def test_the_set_phrase_of_doing_all_there_is_opens_no_directive():
    # 应清尽清 does all there is to do: its 应 is no trigger, the point is one task
    assert run("会议要求：一是要加快秸秆离田。二是及时清理沟渠垃圾，做到应清尽清，确保水体洁净。") == [
        ("要加快秸秆离田", []), ("及时清理沟渠垃圾，做到应清尽清，确保水体洁净", [])]
    assert run("各乡镇应于5月底前完成排查。") == [("应于5月底前完成排查", [("各乡镇", "responsible")])]


def test_the_holders_of_a_post_under_a_role_label_are_no_units():
    # category 5: 各级河长 and 林长 answer for the work as persons; the bodies listed with
    # them are its units
    assert run("3.开展河道清四乱专项行动。（责任单位：各级总河长、林长、县河长制办公室）") == [
        ("开展河道清四乱专项行动", [("县河长制办公室", "responsible")])]


def test_an_exception_before_a_new_subject_scopes_that_subject():
    # category 3: 除…外 names whom the next directive leaves out, no part of the directive
    # before it; the others it leaves are named by none (其他县 is vague)
    assert run("会议要求，各县要严格落实禁烧规定，除已划定禁烧区的甲县、乙县外，其他县须于3月10日前上报划定方案。") == [
        ("要严格落实禁烧规定", [("各县", "responsible")]), ("须于3月10日前上报划定方案", [])]


def test_a_supervision_forms_addressee_answers_for_its_rectification():
    # category 4: the body a 督办单 is addressed to (被督办单位) answers for what it requires
    assert run("被督办单位：乔庄镇人民政府", "整改要求：立即停止直排行为。", "整改时限：2026年4月15日前") == [
        ("立即停止直排行为", [("乔庄镇人民政府", "responsible")])]
    # its 办理要求 line, a second measures line of the same form, is asked of the same body
    assert run("被督办单位：乔庄镇人民政府", "整改要求：立即停止直排行为。",
               "办理要求：请于4月20日前将整改情况书面报送县生态环境分局。") == [
        ("立即停止直排行为", [("乔庄镇人民政府", "responsible")]),
        ("请于4月20日前将整改情况书面报送县生态环境分局", [("乔庄镇人民政府", "responsible")])]


def test_a_request_whose_limit_counts_from_a_step_asks_the_addressees():
    # category 4: 请于整改完成后3个工作日内…: the limit counts from the step done, the
    # request is the addressee line's as one with a date is
    assert run("各乡镇人民政府：", "近期检查发现部分养殖场粪污直排，请于整改完成后3个工作日内将整改情况报送县生态环境分局。") == [
        ("请于整改完成后3个工作日内将整改情况报送县生态环境分局", [("各乡镇人民政府", "responsible")])]


def test_a_new_subject_after_two_deliverables_with_their_limits():
    # two reports each by its own day, then another body's directive: three tasks
    assert run("各乡镇要于5月10日前报送排查清单，5月20日前报送整治方案，县住建局要加强督导检查。") == [
        ("要于5月10日前报送排查清单", [("各乡镇", "responsible")]),
        ("5月20日前报送整治方案", [("各乡镇", "responsible")]),
        ("要加强督导检查", [("县住建局", "responsible")])]


def test_a_lead_in_then_units_with_their_role_word_in_a_minutes_item():
    # category 3: 二、关于X。会议明确，A负责…，B配合，…: the units the lead-in names act in the
    # role their word states, the item's topic and the lead-in no part of the task
    assert run("二、关于渣土运输管理。会议明确，县城管局负责渣土车辆审批和监管，县交通运输局配合，4月10日前完成车辆密闭改装。") == [
        ("负责渣土车辆审批和监管，县交通运输局配合，4月10日前完成车辆密闭改装", [("县城管局", "lead"), ("县交通运输局", "support")])]
