"""Task tables flattened into text as repost sites publish them (category 1 of the
extraction issue), each on a table written for these tests: the page is normalized first,
as the pipeline does, so cells separated by single spaces run together."""

from __future__ import annotations

from datetime import date

from minutes.models import Document
from minutes.nlp.components.tasks import tasks_of
from minutes.nlp.normalize import normalize

ANCHOR = date(2018, 3, 10)


def flat(*lines):
    page = normalize(Document("t", "txt", blocks=list(lines)))
    return [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date)
            for t in tasks_of(page, anchor=ANCHOR)]


# A PDF that kept its printed lines: each line runs across every column, so a row's text,
# units and time limit come interleaved, its number stands mid-row, and the punctuation
# the PDF kept in spans of its own stands apart.
INTERLEAVED = (
    "附件 序号 主要任务 工作措施 牵头单位 责任单位 配合单位 完成 时限 "
    "一 扬尘污染治理 区城管局 , 开展建筑工地扬尘专项 整治 落实 区住建局 各街道办事处 , "
    "1 扬尘管控 六个百分之百要求 加强渣土车 6月底前 区交警大队 ( ) 、 。 ( ) 辆管理 严查抛洒滴漏 区执法局 、 "
    "二 燃煤锅炉整治 完成辖区内燃煤小锅炉淘汰 , 建立清单台账 区环保局 各街道办事处 "
    "2 锅炉淘汰 9月底前 区市场监管局 、 。 开展巡查 区发改局"
)


def test_interleaved_columns_read_by_what_the_cells_hold():
    rows = flat("青禾区2018年大气污染防治工作任务分解表", INTERLEAVED)
    assert [units for _, units, _ in rows] == [
        # the columns cannot be told apart: the first unit leads, the rest are responsible
        [("区城管局", "lead"), ("区住建局", "responsible"), ("各街道办事处", "responsible"),
         ("区交警大队", "responsible"), ("区执法局", "responsible")],
        [("区环保局", "lead"), ("各街道办事处", "responsible"), ("区市场监管局", "responsible"),
         ("区发改局", "responsible")],
    ]
    assert [deadline for _, _, deadline in rows] == [date(2018, 6, 30), date(2018, 9, 30)]
    first, second = (text for text, _, _ in rows)
    # the text is what is left of the row, in order: a unit glued after a verb is cut off it
    assert "开展建筑工地扬尘专项整治" in first and first.endswith("严查抛洒滴漏")
    assert "完成辖区内燃煤小锅炉淘汰" in second and "区环保局" not in second


def test_rows_of_a_section_split_between_their_numbers():
    rows = flat("序号 工作任务 责任单位 完成时限 "
                "一 扬尘治理 开展工地巡查 区住建局 , 1 6月底前 ( ) 建立台账 、 "
                "清理渣土 区城管局 2 9月底前 。 ( ) 严查抛洒")
    assert [(units, deadline) for _, units, deadline in rows] == [
        ([("区住建局", "responsible")], date(2018, 6, 30)),  # one unit column: its role
        ([("区城管局", "responsible")], date(2018, 9, 30)),
    ]
    # each piece goes to the row number nearest to it
    assert [text for text, _, _ in rows] == ["扬尘治理开展工地巡查建立台账", "清理渣土严查抛洒"]


def test_a_table_without_lone_punctuation_is_read_cell_after_cell():
    # the same header, rows in column order: no interleaving, each row's cells in turn
    assert flat("序号 工作任务 责任单位 完成时限",
                "1 开展工地巡查。 区住建局 6月底前 2 清理渣土。 区城管局 9月底前") == [
        ("开展工地巡查", [("区住建局", "responsible")], date(2018, 6, 30)),
        ("清理渣土", [("区城管局", "responsible")], date(2018, 9, 30)),
    ]


def test_qualified_column_names_make_a_header():
    # 工作内容及目标 / 责任单位及责任人 / 完成时间节点: the names of a header with their qualifiers
    assert flat("序号 工作内容及目标 责任单位及责任人 完成时间节点",
                "1 开展建筑工地扬尘专项整治，落实六个百分之百要求 区住建局 各街道办事处 6月底前 "
                "2 加强渣土运输车辆管理 区城管局 长期坚持") == [
        # one unit column: every unit of the row is in it, with its role
        ("开展建筑工地扬尘专项整治，落实六个百分之百要求",
         [("区住建局", "responsible"), ("各街道办事处", "responsible")], date(2018, 6, 30)),
        # the time limit right after the units is no 责任人's name
        ("加强渣土运输车辆管理", [("区城管局", "responsible")], None),
    ]


def test_units_joined_by_ji_are_one_cell_of_their_column():
    assert flat("序号 重点工作 牵头单位 完成时限",
                "1 推行门前三包责任制 区城管大队及各街道城管中队 年底前 "
                "2 推进生活垃圾分类 区环卫所 长期坚持") == [
        ("推行门前三包责任制", [("区城管大队", "lead"), ("各街道城管中队", "lead")], date(2018, 12, 31)),
        ("推进生活垃圾分类", [("区环卫所", "lead")], None),
    ]


def test_one_column_name_a_line_qualified():
    assert flat("序号", "重点工作内容", "牵头责任单位", "完成时间节点",
                "1", "推进生活垃圾分类", "区环卫所", "年底前",
                "2", "开展市容秩序整治", "区城管大队", "6月底前") == [
        ("推进生活垃圾分类", [("区环卫所", "lead")], date(2018, 12, 31)),
        ("开展市容秩序整治", [("区城管大队", "lead")], date(2018, 6, 30)),
    ]


def test_rows_numbered_in_words_and_glued_unit_cells_with_their_own_level():
    # 区城管局 区交警大队 loses its space; a 大队 naming its own level (区…) is another cell's
    assert flat("序号 工作任务 牵头单位 配合单位 完成时限",
                "一、 完成燃煤小锅炉淘汰 区环保局 区市场监管局 9月底前",
                "二、 加强渣土运输车辆管理 区城管局 区交警大队 长期坚持") == [
        ("完成燃煤小锅炉淘汰", [("区环保局", "lead"), ("区市场监管局", "support")], date(2018, 9, 30)),
        ("加强渣土运输车辆管理", [("区城管局", "lead"), ("区交警大队", "support")], None),
    ]


def test_rows_whose_numbers_stand_at_their_top():
    # nothing but the section's title before the first number: a row runs from its number
    rows = flat("序号 工作任务 责任单位 完成时限 "
                "一 扬尘治理 1 开展工地巡查 区住建局 6月底前 建立台账 、 "
                "2 清理渣土 区城管局 9月底前 。 ( ) 严查抛洒")
    assert [(text, deadline) for text, _, deadline in rows] == [
        ("扬尘治理开展工地巡查建立台账", date(2018, 6, 30)),
        ("清理渣土严查抛洒", date(2018, 9, 30)),
    ]


def test_header_printed_over_two_lines_comes_word_by_word():
    # 重点任务 / 工作措施 / 牵头单位 / 配合单位 / 完成时限, each cell over two printed lines
    assert flat("青禾区2018年大气污染防治重点任务分解表",
                "序号 重点 工作 牵头 配合 完成 任务 措施 单位 单位 时限",
                "1 扬尘治理 开展建筑工地扬尘专项整治 区住建局 区城管局 6月底前",
                "2 锅炉整治 完成燃煤小锅炉淘汰 区环保局 区市场监管局 9月底前") == [
        # the columns' order is lost with their names: the first unit leads
        ("扬尘治理开展建筑工地扬尘专项整治", [("区住建局", "lead"), ("区城管局", "responsible")], date(2018, 6, 30)),
        ("锅炉整治完成燃煤小锅炉淘汰", [("区环保局", "lead"), ("区市场监管局", "responsible")], date(2018, 9, 30)),
    ]


def test_a_sentence_naming_the_columns_is_no_header():
    # no number column: a sentence of a plan that names the columns it asks for
    assert flat("各街道要明确工作任务责任单位完成时限，6月底前报区大气办。") == [
        ("要明确工作任务责任单位完成时限，6月底前报区大气办", [("各街道", "responsible")], date(2018, 6, 30)),
    ]


def test_one_column_name_a_line_with_columns_of_other_content_after_them():
    # 四季度任务分解 / 四季度进展情况 / 完成状况: header cells too, up to the first row's number
    assert flat("任务项", "重点工作内容", "牵头责任单位", "四季度任务分解", "四季度进展情况", "完成状况",
                "1", "推进生活垃圾分类", "区环卫所", "开展督查考核1次", "已开展督查考核2次", "已完成") == [
        ("推进生活垃圾分类", [("区环卫所", "lead")], None),
    ]


def test_interleaved_row_numbers_count_up_and_may_be_glued():
    # 2清理渣土: a row number glued to its text; 30余处, a figure in the text, is none
    rows = flat("序号 工作任务 责任单位 完成时限 "
                "一 扬尘治理 1 开展工地巡查 区住建局 6月底前 检查30余处 、 "
                "2清理渣土 区城管局 9月底前 。 ( ) 严查抛洒")
    assert [(text, deadline) for text, _, deadline in rows] == [
        ("扬尘治理开展工地巡查检查30余处", date(2018, 6, 30)),
        ("清理渣土严查抛洒", date(2018, 9, 30)),
    ]


def test_a_header_name_split_around_the_header_marks_interleaved_rows():
    # 完成 … 时限: the header was printed over two lines, so are the rows, even where the PDF
    # kept no punctuation apart; a unit named without its level word starts at a cell's edge;
    # one unit column: its role for every unit of the row
    rows = flat("青禾区2018年扬尘治理任务表 完成 序号 工作任务 责任单位 时限 "
                "一 工地扬尘 区住建局 开展工地巡查 1 6月底前 住建局 建立台账")
    assert rows == [("工地扬尘开展工地巡查建立台账", [("区住建局", "responsible"), ("住建局", "responsible")],
                     date(2018, 6, 30))]


def test_more_column_names_of_task_tables():
    # 目标任务 / 治理措施 / 督办领导 / 完成期限: a header all the same
    rows = flat("序号 目标任务 治理措施 督办领导 责任单位 完成期限",
                "1 工地扬尘 开展建筑工地扬尘专项整治 李明 区住建局 6月底前",
                "2 道路扬尘 提高道路机扫率 王华 区城管局 9月底前")
    assert [(units, deadline) for _, units, deadline in rows] == [
        ([("区住建局", "responsible")], date(2018, 6, 30)),
        ([("区城管局", "responsible")], date(2018, 9, 30)),
    ]


def test_a_table_naming_no_task_column_has_its_task_in_the_requirements():
    assert flat("序号 工作要求 责任单位 完成时间",
                "1 建筑工地落实六个百分之百 区住建局 6月底前 2 主次干道机扫率达到90%以上 区城管局 9月底前") == [
        ("建筑工地落实六个百分之百", [("区住建局", "responsible")], date(2018, 6, 30)),
        ("主次干道机扫率达到90%以上", [("区城管局", "responsible")], date(2018, 9, 30)),
    ]


def test_header_names_wrapped_onto_a_second_line():
    # 牵头 / 配合 / 完成 on the header's first printed line, 单位 / 单位 / 时限 on its second
    assert flat("青禾区2018年扬尘治理任务表", "序号 工作任务 牵头 配合 完成", "单位 单位 时限",
                "1 开展工地巡查 区住建局 区城管局 6月底前", "2 清理渣土 区城管局 区交警大队 9月底前") == [
        ("开展工地巡查", [("区住建局", "lead"), ("区城管局", "responsible")], date(2018, 6, 30)),
        ("清理渣土", [("区城管局", "lead"), ("区交警大队", "responsible")], date(2018, 9, 30)),
    ]


def test_a_header_of_one_name_a_line_with_names_the_rules_do_not_know():
    # 考核河段 / 监测断面 are no column the rules name, but the header goes on to row 1 and
    # its names they know give the task (年度水质目标) and the units (责任单位)
    rows = flat("（一）河段考核目标", "序号", "考核河段", "监测断面", "年度水质目标", "责任单位",
                "1", "青禾河", "石桥", "水质保持Ⅲ类。", "青禾区人民政府",
                "2", "白沙河", "渡口", "水质保持Ⅳ类。", "白沙区人民政府", "松林区人民政府",
                "3", "白沙河", "河口", "氨氮浓度下降10%以上。")
    assert [(text, units) for text, units, _ in rows] == [
        ("青禾河石桥水质保持Ⅲ类", [("青禾区人民政府", "responsible")]),
        ("白沙河渡口水质保持Ⅳ类", [("白沙区人民政府", "responsible"), ("松林区人民政府", "responsible")]),
        # a row without its unit cell lost it to a cell merged over it and the row above
        ("白沙河河口氨氮浓度下降10%以上", [("白沙区人民政府", "responsible"), ("松林区人民政府", "responsible")]),
    ]


def test_a_line_of_short_cells_is_a_header_by_the_names_it_knows():
    assert flat("序号|考核河段|监测断面|年度目标|责任单位|完成时限",
                "1|青禾河|石桥|水质保持Ⅲ类|青禾区人民政府|年底前",
                "2|白沙河|渡口|水质保持Ⅳ类|白沙区人民政府|9月底前") == [
        ("青禾河石桥水质保持Ⅲ类", [("青禾区人民政府", "responsible")], date(2018, 12, 31)),
        ("白沙河渡口水质保持Ⅳ类", [("白沙区人民政府", "responsible")], date(2018, 9, 30)),
    ]


def test_short_cells_naming_no_unit_column_are_no_header():
    # 序号 / 河段 / 断面 / 年度目标: no unit column, so no table to read rows of
    assert flat("序号|考核河段|监测断面|年度目标", "1|青禾河|石桥|水质保持Ⅲ类") == []


def test_rows_of_a_table_whose_header_was_lost_when_no_reader_found_a_task():
    # no header, no trigger word: each line's text closes with units and a time limit;
    # the title above the rows is none of their text; no column tells the units' roles
    # (a list in one cell or cells side by side): the first unit leads, the rest are responsible
    assert flat("青禾区2018年大气污染防治重点工作",
                "加强建筑工地扬尘管控，落实六个百分之百 区住建局、区城管局 2018年10月底前",
                "淘汰辖区内10蒸吨以下燃煤锅炉 区环保局 区市场监管局 各街道办事处 2018年6月底前") == [
        ("加强建筑工地扬尘管控，落实六个百分之百", [("区住建局", "lead"), ("区城管局", "responsible")],
         date(2018, 10, 31)),
        # the figure keeps 锅炉 in the text
        ("淘汰辖区内10蒸吨以下燃煤锅炉", [("区环保局", "lead"), ("区市场监管局", "responsible"),
                                           ("各街道办事处", "responsible")], date(2018, 6, 30)),
    ]


def test_unheaded_rows_are_a_safety_net_not_a_reader_of_every_document():
    # one row alone is no table; units without a time limit or number are a sentence's
    assert flat("开展工地扬尘巡查 区住建局 2018年10月底前") == []
    assert flat("青禾区召开扬尘治理推进会", "区住建局、区城管局、区交警大队", "有关负责同志参加会议") == []
    # where a reader found tasks, the net is not spread
    assert [text for text, _, _ in flat("要加强工地扬尘巡查。", "清理渣土 区城管局 2018年10月底前",
                                         "治理油烟 区环保局 2018年9月底前")] == ["要加强工地扬尘巡查"]


def test_one_numbered_row_with_units_and_a_time_limit_is_a_task():
    # a single row that holds every cell (number, text, units, time limit) is a table's
    # row: the first of its units leads, the rest are responsible
    assert flat("青禾区扬尘治理任务", "7.清运建筑垃圾 区城管局 区住建局 2018年9月底前") == [
        ("清运建筑垃圾", [("区城管局", "lead"), ("区住建局", "responsible")], date(2018, 9, 30)),
    ]


def test_numbered_items_that_are_rows_of_a_table_whose_header_is_lost():
    # a page going on with a table: its rows read as numbered items first, with no units;
    # read as rows they give each item its work, units and time limit
    assert flat("（续表）", "4.清运建筑垃圾 区城管局 2018年9月底前", "5.整治露天烧烤 区市场监管局、各街道办事处 2018年6月底前",
                "6.加强工地围挡管理") == [
        ("清运建筑垃圾", [("区城管局", "responsible")], date(2018, 9, 30)),
        ("整治露天烧烤", [("区市场监管局", "lead"), ("各街道办事处", "responsible")], date(2018, 6, 30)),
        ("加强工地围挡管理", [], None),
    ]


def test_text_glued_to_a_unit_keeps_what_no_place_name_could_be():
    # 建成区餐饮油烟净化设施安装 runs into 区城管局: no place name is that long, and no organ
    # opens it, so the unit starts at the second 区
    assert flat("完成建成区餐饮油烟净化设施安装 区城管局 各街道办事处 2018年10月底前",
                "清理道路积尘 区城管局 2018年6月底前") == [
        ("完成建成区餐饮油烟净化设施安装", [("区城管局", "lead"), ("各街道办事处", "responsible")], date(2018, 10, 31)),
        ("清理道路积尘", [("区城管局", "responsible")], date(2018, 6, 30)),
    ]


def test_a_month_alone_closing_a_row_is_its_time_limit():
    # 2018年10月 in the time-limit cell: by the month's last day; rows that go on from a
    # header on the page before, a list of units in one cell led by its first
    assert flat("3 完成燃煤锅炉淘汰 区环保局 区市场监管局 2018年10月",
                "4 开展道路扬尘治理 区城管局，区住建局，区交通局 11月份") == [
        ("完成燃煤锅炉淘汰", [("区环保局", "lead"), ("区市场监管局", "responsible")], date(2018, 10, 31)),
        ("开展道路扬尘治理", [("区城管局", "lead"), ("区住建局", "responsible"), ("区交通局", "responsible")],
         date(2018, 11, 30)),
    ]


def test_rows_without_a_header_may_give_their_units_first():
    assert flat("青禾区2018年大气污染防治任务",
                "区住建局 开展建筑工地扬尘专项整治 2018年10月底前",
                "区环保局、区市场监管局 淘汰燃煤锅炉 2018年6月底前") == [
        ("开展建筑工地扬尘专项整治", [("区住建局", "responsible")], date(2018, 10, 31)),
        ("淘汰燃煤锅炉", [("区环保局", "lead"), ("区市场监管局", "responsible")], date(2018, 6, 30)),
    ]


def test_time_limit_cells_written_as_dates_without_qian():
    # a date with its year, a date of figures and dots, a range of months, a limit with its
    # verb: each the whole cell closing a row
    rows = flat("开展工地扬尘巡查 区住建局 2018年10月31日", "清理道路积尘 区城管局 2018.6.30",
                "淘汰燃煤锅炉 区环保局 2018年10月-12月", "完成散煤清零 区发改局 年内完成", "治理餐饮油烟 区城管局 2018.9")
    assert [(text, deadline) for text, _, deadline in rows] == [
        ("开展工地扬尘巡查", date(2018, 10, 31)), ("清理道路积尘", date(2018, 6, 30)),
        ("淘汰燃煤锅炉", date(2018, 12, 31)), ("完成散煤清零", date(2018, 12, 31)), ("治理餐饮油烟", date(2018, 9, 30)),
    ]


def test_an_item_naming_the_table_right_below_it_is_its_caption():
    rows = flat("一、考核目标", "（一）河段考核目标表。", "序号", "考核河段", "年度目标", "责任单位",
                "1", "青禾河", "水质保持Ⅲ类。", "青禾区人民政府", "2", "白沙河", "水质保持Ⅳ类。", "白沙区人民政府",
                "（二）按月报送水质监测统计表。")
    assert [text for text, _, _ in rows] == ["青禾河水质保持Ⅲ类", "白沙河水质保持Ⅳ类", "按月报送水质监测统计表"]


def test_a_list_of_units_glued_to_the_text_is_read_from_its_first_level_word_or_separator():
    # 区环保局 opens with a level word after 、; 城管交通局 follows an organ's name and a 、
    rows = flat("开展建筑工地扬尘专项整治住建局、城管交通局 2018年10月底前",
                "淘汰燃煤锅炉发改局、区环保局、秦汉新城 2018年6月底前")
    assert [(units[-1], deadline) for _, units, deadline in rows] == [
        (("城管交通局", "responsible"), date(2018, 10, 31)), (("秦汉新城", "responsible"), date(2018, 6, 30))]
    # 发改局, a body named by its field alone, opens the second list: it leads
    assert rows[1][0] == "淘汰燃煤锅炉" and rows[1][1][:2] == [("发改局", "lead"), ("区环保局", "responsible")]


def test_a_table_written_with_bars_reads_each_cell_in_its_column():
    # category 1: a rectification list as a page's text gives it, cells between bars; the
    # problem and the person in charge are columns of their own, neither task nor unit
    assert flat("附件2：整改清单", "| 序号 | 整改问题 | 整改措施 | 责任单位 | 责任人 | 整改时限 |",
                "| 1 | 河道垃圾堆积 | 组织清理河道垃圾 | 白鹭镇人民政府 | 李某 | 2018年5月底前 |",
                "| 2 | 工地未覆盖 | 督促工地落实覆盖 | 县住建局 | 王某 | 立行立改 |") == [
        ("组织清理河道垃圾", [("白鹭镇人民政府", "responsible")], date(2018, 5, 31)),
        ("督促工地落实覆盖", [("县住建局", "responsible")], None),
    ]


def test_a_markdown_table_s_rule_under_its_header_is_no_row():
    # | --- | --- |: the line a markdown table rules under its header holds no task
    assert flat("青禾县扬尘治理任务分解表", "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
                "| --- | :--- | --- | --- | ---: |",
                "| 1 | 落实工地围挡覆盖 | 县住建局 | 县城管局 | 2018年6月底前 |") == [
        ("落实工地围挡覆盖", [("县住建局", "lead"), ("县城管局", "support")], date(2018, 6, 30)),
    ]


def test_a_line_naming_roles_under_the_headers_column_of_units_splits_it():
    # 责任单位 over 牵头单位 / 配合单位 (a header cell split in two, printed over two lines):
    # the rows give a lead's cell and a partner's in its place
    rows = flat("青禾县扬尘治理任务清单",
                "序号  重点任务  具体措施  责任单位  完成时限",
                "牵头单位  配合单位",
                "1  工地扬尘管控  落实围挡覆盖冲洗  县住建局  县城管局  2018年6月底前")
    assert [units for _, units, _ in rows] == [[("县住建局", "lead"), ("县城管局", "support")]]


def test_a_narrow_header_names_roles_by_their_word_alone():
    # 牵头 / 配合 as column names (no 单位): the columns are known, so are the roles
    rows = flat("青禾区2018年扬尘治理任务分解表",
                "序号 重点任务 具体措施 牵头 配合 时限",
                "1 工地扬尘管控 落实围挡覆盖冲洗措施 区住建局 区城管执法局、各街道办事处 6月底前",
                "2 渣土运输管理 严查抛洒滴漏 区城管执法局 区交警大队 9月底前")
    assert [units for _, units, _ in rows] == [
        [("区住建局", "lead"), ("区城管执法局", "support"), ("各街道办事处", "support")],
        [("区城管执法局", "lead"), ("区交警大队", "support")],
    ]
    assert [deadline for _, _, deadline in rows] == [date(2018, 6, 30), date(2018, 9, 30)]


def test_a_row_broken_inside_its_text_goes_on_in_the_next_line():
    # the page broke the row after 做到应; 淘尽淘 opens the next line, glued to the unit
    rows = flat("序号 工作任务 牵头单位 配合单位 完成时限",
                "1 全面排查建成区燃煤小锅炉，建立台账逐一销号，做到应",
                "淘尽淘 区环保局 区发改局、区市场监管局 6月底前",
                "2 加强工地扬尘监管，对违规工地依法处罚 区住建局 区城管执法局 长期坚持")
    assert rows[0][0].endswith("做到应淘尽淘")
    assert rows[0][1] == [("区环保局", "lead"), ("区发改局", "support"), ("区市场监管局", "support")]
    assert rows[1][1] == [("区住建局", "lead"), ("区城管执法局", "support")]


def test_a_collective_glued_to_the_next_unit_is_parted():
    # a page going on without its header: 各镇 and 区农业农村局 lost their space
    rows = flat("接上页",
                "4 秸秆禁烧 落实网格化监管，严防露天焚烧 各镇 区农业农村局 长期坚持",
                "5 油烟治理 督促餐饮单位安装净化设施 区城管执法局 各乡镇人民政府 9月底前")
    assert [units for _, units, _ in rows] == [
        [("各镇", "lead"), ("区农业农村局", "responsible")],
        [("区城管执法局", "lead"), ("各乡镇人民政府", "responsible")],  # 各乡镇 is one kind
    ]



def test_a_leaders_name_between_a_rows_text_and_its_units_is_neither():
    # 责任领导 before 牵头单位: the page ran the leader's name into the text; the bodies
    # after the lead are named without their place (住建局), glued to the lead's cell
    rows = flat("序号 工作任务 责任领导 牵头单位 责任单位 完成时限",
                "1 完成县城集中供热管网延伸工程 王明 县住建局 住建局、城管局、交警大队、各镇（街道） 10月底前",
                "2 落实秸秆综合利用补贴政策 欧阳建华 县农业农村局 财政局，各乡镇 9月底前")
    assert [text for text, _, _ in rows] == ["完成县城集中供热管网延伸工程", "落实秸秆综合利用补贴政策"]
    assert [units for _, units, _ in rows] == [
        [("县住建局", "lead"), ("住建局", "responsible"), ("城管局", "responsible"), ("交警大队", "responsible"),
         ("各镇（街道）", "responsible")],
        [("县农业农村局", "lead"), ("财政局", "responsible"), ("各乡镇", "responsible")],
    ]


def test_an_office_or_branch_after_a_body_stays_with_it():
    # 县人民政府办公室 is one office and 县公安局交警大队 one branch: no short name of its own
    rows = flat("序号 工作任务 牵头单位 配合单位 完成时限",
                "1 建立调度通报机制 县人民政府办公室 县公安局交警大队、县住建局 6月底前")
    assert rows[0][1] == [("县人民政府办公室", "lead"), ("县公安局交警大队", "support"), ("县住建局", "support")]


def test_a_body_named_by_its_field_alone_ends_a_rows_text():
    # 公安分局 run into the text before the other units: the list starts there
    rows = flat("（续表）",
                "14 推进烟花爆竹禁放 加强禁放区域巡查管控 公安分局 各街道办事处、区城管执法局 长期坚持",
                "15 加强油品质量监管 开展油品抽检 区市场监管局 区商务局、公安分局 持续推进")
    assert [text for text, _, _ in rows] == ["推进烟花爆竹禁放加强禁放区域巡查管控", "加强油品质量监管开展油品抽检"]
    assert rows[0][1] == [("公安分局", "lead"), ("各街道办事处", "responsible"), ("区城管执法局", "responsible")]


def test_a_header_with_a_column_the_rules_do_not_know_is_read_cell_by_cell():
    # 年度目标 stands between the task and the leader: the header goes on to its unit columns
    # (责任主体与协同单位: the first name says the role); a row that lost its blank target
    # cell still gives its leader's name to no text
    rows = flat("附件：重点任务推进表",
                "| 序号 | 主要任务 | 年度目标 | 分管领导 | 牵头单位 | 责任主体与协同单位 | 完成时限 |",
                "| 1 | 改造背街小巷30条 | 王某 | 区城管局 | 区市政局、各街道 | 9月底前 |",
                "| 2 | 新建公厕12座 | 完成12座 | 李某 | 区城管局 | 区环卫处 | 12月底前 |")
    assert rows == [
        ("改造背街小巷30条", [("区城管局", "lead"), ("区市政局", "responsible"), ("各街道", "responsible")],
         date(2018, 9, 30)),
        ("新建公厕12座完成12座", [("区城管局", "lead"), ("区环卫处", "responsible")], date(2018, 12, 31)),
    ]


def test_a_time_cell_naming_no_date_closes_the_units_before_it():
    # 全年 / 按时间节点完成: the row's units end there; 全年, the whole year, is a limit at
    # its end (as 年内 is), 按时间节点完成 none
    rows = flat("序号 工作任务 牵头单位 配合单位 完成时限",
                "1 开展宣传教育 区委宣传部 区融媒体中心、区直各有关部门 全年",
                "2 建立考核机制 区大气办 区委组织部 按时间节点完成",
                "3 完成燃煤锅炉淘汰 区环保局 区市场监管局 6月底前")
    assert rows == [
        ("开展宣传教育", [("区委宣传部", "lead"), ("区融媒体中心", "support"), ("区直各有关部门", "support")],
         date(2018, 12, 31)),
        ("建立考核机制", [("区大气办", "lead"), ("区委组织部", "support")], None),
        ("完成燃煤锅炉淘汰", [("区环保局", "lead"), ("区市场监管局", "support")], date(2018, 6, 30)),
    ]


def test_a_towns_government_glued_to_the_text_keeps_its_name():
    # 青石镇人民政府 run into the measure before it: the town's name goes with its 镇
    rows = flat("序号 存在问题 整改措施 责任单位 责任人 整改时限",
                "1 河道垃圾清理不及时 建立河道保洁长效机制 青石镇人民政府 刘洋 长期坚持",
                "2 工地未覆盖 督促工地覆盖裸土 区住建局 张伟 5月底前")
    assert [units for _, units, _ in rows] == [[("青石镇人民政府", "responsible")], [("区住建局", "responsible")]]
    assert rows[0][0].endswith("建立河道保洁长效机制")


def test_bodies_named_by_their_field_alone_are_parted_and_end_the_text():
    # a small county's table names its bureaus without the county: the page ran them into
    # one another and into the text (…综合整治住建局城管局交警大队)
    rows = flat("序号 工作任务 责任单位 完成时限",
                "1 开展城区扬尘综合整治 住建局 城管局 交警大队 各镇 6月底前",
                "2 加强重点企业监管 环保局 工信局 持续推进")
    assert rows == [
        ("开展城区扬尘综合整治", [("住建局", "responsible"), ("城管局", "responsible"), ("交警大队", "responsible"),
                          ("各镇", "responsible")], date(2018, 6, 30)),
        ("加强重点企业监管", [("环保局", "responsible"), ("工信局", "responsible")], None),
    ]


def test_a_page_ending_inside_a_rows_last_name_keeps_the_units_before_it():
    # the repost stops mid-row, two characters into the next name (…、高)
    rows = flat("序号 主要任务 牵头单位 参与单位 责任单位",
                "1 严守用水总量控制红线 市水利局 市发改委 各县（市、区）人民政府",
                "2 抓好工业节水改造 市工信委 市发改委 各县（市、区）人民政府，示范区、高")
    assert rows[1] == ("抓好工业节水改造", [("市工信委", "lead"), ("市发改委", "support"),
                                          ("各县（市、区）人民政府", "responsible"), ("示范区", "responsible")], None)


def test_a_row_number_glued_to_the_units_before_it_opens_the_next_row():
    # a numbered table copied from a .docx without spacing: the next row's number is glued
    # between one row's units and the next row's text; a figure of the text (3家) is none
    rows = flat(
        "青禾市垃圾分类重点任务责任分工表序号工作内容目标任务责任单位备注"
        "1开展垃圾分类宣传，引导市民参与。2021年6月底前，知晓率达90%以上。市委宣传部、市城管委，各区（市）县政府"
        "2新建回收网点3家，推进资源回收。2021年9月底前，建成回收体系。市商务局，各区（市）县政府（管委会）"
    )
    assert rows == [
        ("开展垃圾分类宣传，引导市民参与。2021年6月底前，知晓率达90%以上",
         [("市委宣传部", "responsible"), ("市城管委", "responsible"), ("各区（市）县政府", "responsible")],
         date(2021, 6, 30)),
        ("新建回收网点3家，推进资源回收。2021年9月底前，建成回收体系",
         [("市商务局", "responsible"), ("各区（市）县政府（管委会）", "responsible")], date(2021, 9, 30)),
    ]


def test_rows_without_numbers_or_time_end_with_their_units():
    # a header whose unit columns end the row, rows with no number and no time cell: the
    # units after a row's last sentence close it, a category cell opens the next row's
    # text, and a time limit at a cell's start is the text's own (9月底前完成…)
    rows = flat(
        "序号 领域 重点工作 具体措施 牵头部门 配合部门 工地扬尘 围挡覆盖 落实施工工地围挡、覆盖要求. 区住建局 区城管局 "
        "锅炉整治 燃煤锅炉淘汰 9月底前完成燃煤小锅炉淘汰. 区环保局 各街道办事处 "
        "餐饮油烟 油烟净化 督促餐饮单位安装油烟净化设施. 区市场监管局要会同区城管局开展抽查. 区市场监管局 区城管局"
    )
    assert rows == [
        ("工地扬尘围挡覆盖落实施工工地围挡、覆盖要求", [("区住建局", "lead"), ("区城管局", "support")], None),
        ("锅炉整治燃煤锅炉淘汰9月底前完成燃煤小锅炉淘汰", [("区环保局", "lead"), ("各街道办事处", "support")],
         date(2018, 9, 30)),
        # units that open a sentence of the text (区市场监管局要…) do not end the row
        ("餐饮油烟油烟净化督促餐饮单位安装油烟净化设施.区市场监管局要会同区城管局开展抽查",
         [("区市场监管局", "lead"), ("区城管局", "support")], None),
    ]


def test_a_time_cell_glued_to_the_text_of_a_row_whose_units_come_first():
    page = normalize(Document("t", "txt", blocks=[
        "责任单位 工作任务 完成时限", "区住建局 开展工地扬尘专项整治 6月底前", "区城管局 加强道路清扫保洁 长期坚持"]))
    rows = [(t.text, [u.name for u in t.units], t.deadline and t.deadline.kind) for t in tasks_of(page, anchor=ANCHOR)]
    assert rows == [("开展工地扬尘专项整治", ["区住建局"], "by"), ("加强道路清扫保洁", ["区城管局"], "ongoing")]


def test_headers_named_by_work_points_and_with_a_standard_column():
    # 工作要点 names the task column; 整治标准 is a column of its own, neither task nor units
    for header in ("工作要点 牵头单位 完成时限", "整治内容 整治标准 责任单位 完成时限"):
        rows = flat(header + " 开展工地扬尘专项整治 区住建局 6月底前 加强道路清扫保洁 区城管局 长期坚持")
        assert [(text, [name for name, _ in units]) for text, units, _ in rows] == [
            ("开展工地扬尘专项整治", ["区住建局"]), ("加强道路清扫保洁", ["区城管局"])], header


def test_a_bar_row_whose_empty_cells_were_dropped_keeps_its_columns():
    rows = flat(
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |",
        "| 1 | 开展工地扬尘专项整治 | 区住建局 | 区城管局 | 6月底前 |",
        "| 2 | 加强道路清扫保洁 | 区城管局 | 9月底前 |",  # no partner: the cell was dropped
        "| 3 | 推进燃煤锅炉淘汰 | 区环保局 | 各街道办事处 | 年底前 |",
    )
    assert rows == [
        ("开展工地扬尘专项整治", [("区住建局", "lead"), ("区城管局", "support")], date(2018, 6, 30)),
        ("加强道路清扫保洁", [("区城管局", "lead")], date(2018, 9, 30)),
        ("推进燃煤锅炉淘汰", [("区环保局", "lead"), ("各街道办事处", "support")], date(2018, 12, 31)),
    ]


def test_section_rows_between_rows_copied_cell_by_cell_hold_no_task():
    # a table copied one cell a line, its header names split (责任 / 单位), its rows grouped
    # under section rows: the section's number in words with its name on one line or two
    rows = flat("序号", "治理内容", "治理标准", "责任", "单位", "完成", "时限",
                "一、扬尘治理",
                "1", "工地扬尘", "落实围挡、覆盖、冲洗要求", "区住建局", "6月底前",
                "二", "燃煤治理",
                "2", "锅炉淘汰", "淘汰10蒸吨以下燃煤锅炉", "区市场监管局、区环保局", "9月底前")
    assert rows == [
        ("工地扬尘落实围挡、覆盖、冲洗要求", [("区住建局", "responsible")], date(2018, 6, 30)),
        ("锅炉淘汰淘汰10蒸吨以下燃煤锅炉", [("区市场监管局", "responsible"), ("区环保局", "responsible")],
         date(2018, 9, 30)),
    ]


def test_a_leader_named_by_title_in_a_row_is_neither_text_nor_unit():
    # 责任领导 after the units, then before them: a title alone (分管副区长), titles of two
    # bodies (区委常委、副区长) or a title and a name; 区长 of 副区长 opens no unit
    after = flat("序号 工作内容 责任单位 责任领导 完成时限",
                 "1 开展道路扬尘整治 区城管局 分管副区长 长期坚持",
                 "2 推进散煤替代 各街道办事处、区发改局 区委常委、副区长 10月底前")
    before = flat("序号 工作内容 责任领导 责任单位 完成时限",
                  "1 开展道路扬尘整治 分管副区长 区城管局 长期坚持",
                  "2 推进散煤替代 副区长王红 各街道办事处、区发改局 10月底前")
    # a surname and the title, as tables name their leaders (王副区长, 欧阳副区长)
    surnamed = flat("序号 工作内容 责任领导 责任单位 完成时限",
                    "1 开展道路扬尘整治 王副区长 区城管局 长期坚持",
                    "2 推进散煤替代 欧阳副区长 各街道办事处、区发改局 10月底前")
    for rows in (after, before, surnamed):
        assert [text for text, _, _ in rows] == ["开展道路扬尘整治", "推进散煤替代"]
        assert [units for _, units, _ in rows] == [
            [("区城管局", "responsible")], [("各街道办事处", "responsible"), ("区发改局", "responsible")]]


def test_rows_of_a_page_whose_header_stood_on_the_page_before_run_into_one_paragraph():
    # the page opens with a mark and goes on with rows 7 and 8 of the table, run together
    rows = flat("（接上页） 7 渣土运输管理 严查抛洒滴漏 区城管局 区交警大队 6月底前 "
                "三、工业污染整治 8 油气回收治理 开展加油站油气回收检查 区环保局 区商务局 9月底前")
    assert rows == [
        ("渣土运输管理严查抛洒滴漏", [("区城管局", "lead"), ("区交警大队", "responsible")], date(2018, 6, 30)),
        ("油气回收治理开展加油站油气回收检查", [("区环保局", "lead"), ("区商务局", "responsible")], date(2018, 9, 30)),
    ]


def test_rows_copied_cell_by_cell_from_a_page_whose_header_stood_on_the_page_before():
    rows = flat("7", "渣土运输管理", "严查抛洒滴漏", "区城管局", "6月底前",
                "二", "工业污染整治",
                "8", "油气回收治理", "开展加油站油气回收检查", "区环保局", "9月底前",
                "各单位要按时报送进展情况。")
    assert rows[:2] == [
        ("渣土运输管理严查抛洒滴漏", [("区城管局", "responsible")], date(2018, 6, 30)),
        ("油气回收治理开展加油站油气回收检查", [("区环保局", "responsible")], date(2018, 9, 30)),
    ]


def test_a_cell_between_bars_holding_several_units_is_one_cell_of_its_column():
    # a rectification list copied a cell a line, a leader's column before the units and a
    # lead cell naming two bureaus parted by a blank: both lead, the next cell responsible
    assert flat("序号", "整改措施", "责任领导", "牵头单位", "责任单位", "整改时限",
                "1", "对无证砂场依法取缔，对保留砂场实施全封闭改造", "吴海峰", "白河县自然资源局 白河县生态环境局",
                "柳溪镇人民政府", "立行立改",
                "2", "完成城区雨污管网排查，实施雨污分流改造", "周立新", "白河县住建局",
                "白河县财政局、城关镇人民政府", "2018年底前") == [
        ("对无证砂场依法取缔，对保留砂场实施全封闭改造",
         [("白河县自然资源局", "lead"), ("白河县生态环境局", "lead"), ("柳溪镇人民政府", "responsible")], None),
        ("完成城区雨污管网排查，实施雨污分流改造",
         [("白河县住建局", "lead"), ("白河县财政局", "responsible"), ("城关镇人民政府", "responsible")],
         date(2018, 12, 31)),
    ]


# A PDF table whose cells stood side by side (blanks between them), each wrapped over
# lines of its own width:
# a row's first line holds its number, the start of its text, its units and its time
# limit; the lines after it go on with the text (and with a unit's name cut at the edge).
WRAPPED = (
    "序号  重点任务  牵头单位  配合单位  完成时限",
    "1  督促砖瓦、陶瓷企业完成脱硫设施  县工信局  县环保局  5月底前",
    "升级改造，安装在线监测设备并与",
    "环保部门联网",
    "2  开展城区餐饮油烟专项检查，对  县城管局  县环保局、县市场  8月底前",
    "未安装净化设施的限期整改  监管局",
    "序号  重点任务  牵头单位  配合单位  完成时限",
    "3  完成国道沿线裸露土地覆盖和绿化  县交通局  各乡镇  长期坚持",
    "提升，定期洒水降尘",
    "岭西县大气污染防治工作领导小组办公室  2018年3月10日印发",
)


def test_rows_whose_cells_a_page_wrapped_go_on_over_their_lines():
    rows = flat("岭西县2018年大气污染防治重点任务表", *WRAPPED)
    assert [text for text, _, _ in rows] == [
        "督促砖瓦、陶瓷企业完成脱硫设施升级改造，安装在线监测设备并与环保部门联网",
        "开展城区餐饮油烟专项检查，对未安装净化设施的限期整改",
        "完成国道沿线裸露土地覆盖和绿化提升，定期洒水降尘",
    ]
    assert [units for _, units, _ in rows] == [
        [("县工信局", "lead"), ("县环保局", "support")],
        # the last name of a list cut at the line's end goes on on the next line
        [("县城管局", "lead"), ("县环保局", "support"), ("县市场监管局", "support")],
        # the header repeated on the next page is no row; the signature under the table
        # is no unit of the last row
        [("县交通局", "lead"), ("各乡镇", "support")],
    ]
    assert [deadline for _, _, deadline in rows] == [date(2018, 5, 31), date(2018, 8, 31), None]


def test_the_signature_the_last_row_of_cells_copied_a_line_each_ran_into_is_none_of_its_cells():
    rows = flat("序号", "工作任务", "责任单位", "完成时限",
                "1", "开展露天焚烧巡查", "县城管局", "6月底前",
                "2", "完成加油站油气回收治理", "县商务局", "9月底前",
                "3", "督促餐饮单位安装油烟净化设施", "县市场监管局",
                "岭西县环境保护局", "2018年3月10日")
    assert rows[-1] == ("督促餐饮单位安装油烟净化设施", [("县市场监管局", "responsible")], None)
    assert len(rows) == 3


def test_names_whose_field_or_zone_holds_a_level_word_are_one_unit_in_glued_cells():
    rows = flat("序号 工作任务 责任单位 完成时限 "
                "1 开展建筑工地扬尘专项检查县住房和城乡建设局 6月底前 "
                "2  建成活性炭集中再生设施并投入运行  岭西经济开发区管委会  9月底前 "
                "3 完成城区6座加油站油气回收治理县商务局 10月底前")
    assert [units for _, units, _ in rows] == [
        [("县住房和城乡建设局", "responsible")],
        [("岭西经济开发区管委会", "responsible")],
        # a count in the text (城区6座加油站) opens no unit
        [("县商务局", "responsible")],
    ]
    assert [text for text, _, _ in rows] == [
        "开展建筑工地扬尘专项检查", "建成活性炭集中再生设施并投入运行", "完成城区6座加油站油气回收治理"]


def test_a_common_word_ending_in_a_level_word_is_no_place_before_a_glued_unit():
    # 辖区 ends in 区 but names no place: the text runs into the unit after it
    rows = flat("类别 序号 主要任务 责任部门 完成时限 工业污染 "
                "1 关停辖区内违规砖瓦窑企业县经信局、县环保局 6月底前 "
                "2 完成城区燃煤锅炉拆除县质监局 9月底前")
    assert rows[0] == ("关停辖区内违规砖瓦窑企业", [("县经信局", "responsible"), ("县环保局", "responsible")],
                       date(2018, 6, 30))


def test_a_task_cell_copied_over_lines_that_stop_at_commas_stays_one_row():
    rows = flat("岭西县2018年农村环境整治任务清单", "重点任务", "责任单位", "完成时间",
                "完成8个行政村污水管网铺设", "县住建局", "10月底前",
                "健全河道保洁长效机制，", "落实专人巡查，", "做到垃圾日产日清", "县水利局", "长期坚持",
                "开展养殖场粪污专项整治", "县农业农村局", "8月31日前")
    assert [(text, deadline) for text, _, deadline in rows] == [
        ("完成8个行政村污水管网铺设", date(2018, 10, 31)),
        ("健全河道保洁长效机制，落实专人巡查，做到垃圾日产日清", None),
        ("开展养殖场粪污专项整治", date(2018, 8, 31)),
    ]
    assert rows[1][1] == [("县水利局", "responsible")]


def test_a_time_cell_between_the_text_and_the_units_is_read_where_the_header_puts_it():
    rows = flat("序号 工作任务 完成时限 牵头单位 配合单位 "
                "1 完成汽修企业喷漆房废气治理 7月底前 区环保局 区交通局 "
                "2 储油库夜间装油全面落实 长期坚持 区商务局 区市场监管局")
    assert rows[1] == ("储油库夜间装油全面落实", [("区商务局", "lead"), ("区市场监管局", "support")], None)
    assert rows[0][2] == date(2018, 7, 31)


def test_a_time_column_named_by_a_word_only_a_column_goes_by():
    rows = flat("序号 任务 责任单位 时间 "
                "1 建成柴油车遥感监测点2个 区环保局 9月底前 "
                "2 开展柴油货车路检路查 区公安分局 长期坚持")
    assert rows == [("建成柴油车遥感监测点2个", [("区环保局", "responsible")], date(2018, 9, 30)),
                    ("开展柴油货车路检路查", [("区公安分局", "responsible")], None)]
    rows = flat("序号 工作事项 主责部门 协同部门 完成日期 "
                "1 建筑工地安装扬尘在线监测设备 县住建局 县环保局 2018年5月31日 "
                "2 渣土车辆实行密闭运输 县城管局 县交警大队 2018年4月30日")
    assert [(units, deadline) for _, units, deadline in rows] == [
        ([("县住建局", "responsible"), ("县环保局", "support")], date(2018, 5, 31)),
        ([("县城管局", "responsible"), ("县交警大队", "support")], date(2018, 4, 30)),
    ]


def test_a_spreadsheet_cell_over_lines_comes_without_the_quotes_its_copy_put_around_it():
    rows = flat("序号\t主要任务\t责任单位\t完成时间",
                '1\t"完成县城污水处理厂提标改造，', '出水稳定达到一级A标准"\t县住建局\t9月底前',
                "2\t开展入河排污口排查整治\t县环保局、县水利局\t6月30日前")
    assert rows[0] == ("完成县城污水处理厂提标改造，出水稳定达到一级A标准", [("县住建局", "responsible")],
                       date(2018, 9, 30))


def test_the_line_before_a_header_is_no_part_of_the_table_and_keeps_its_directive():
    rows = flat("岭西县2018年夏季臭氧防治任务清单",
                "现将任务分解如下。请各乡镇于每月5日前将工作进展报县大气办。",
                "序号 主要任务 牵头单位 配合单位 完成时限",
                "1 完成涉VOCs企业治理设施排查 县环保局 县工信局 6月底前",
                "2 开展加油站油气回收专项检查 县商务局 县市场监管局 7月15日前")
    assert rows[0][:2] == ("请各乡镇于每月5日前将工作进展报县大气办", [("各乡镇", "responsible")])
    assert rows[1] == ("完成涉VOCs企业治理设施排查", [("县环保局", "lead"), ("县工信局", "support")], date(2018, 6, 30))


def test_row_numbers_written_with_a_dot_open_rows():
    rows = flat("序号 整改措施 责任单位 整改时限 "
                "1. 完成3条黑臭水体截污纳管工程 县住建局、县水务局 12月底前 "
                "2. 建立农村垃圾收运长效机制 各镇人民政府 长期坚持")
    assert rows == [("完成3条黑臭水体截污纳管工程", [("县住建局", "responsible"), ("县水务局", "responsible")],
                     date(2018, 12, 31)),
                    ("建立农村垃圾收运长效机制", [("各镇人民政府", "responsible")], None)]


def test_a_name_longer_than_any_body_s_is_text_run_into_a_unit():
    rows = flat("序号 工作任务 责任单位 完成时限 "
                "1 部分工业园区污水处理厂超负荷运行启动扩建工程县住建局 9月底前 "
                "2 完成县城集中供热管网改造 县住建局 10月底前")
    assert rows[0][:2] == ("部分工业园区污水处理厂超负荷运行启动扩建工程", [("县住建局", "responsible")])


def test_a_section_s_row_between_flattened_rows_is_no_part_of_the_next_row():
    rows = flat("工作任务 牵头单位 完成时间", "一、大气污染防治",
                "完成县城燃煤锅炉淘汰 县环保局 6月底前", "推进秸秆综合利用 县农业局 10月底前",
                "二、水污染防治", "开展饮用水水源地整治 县水利局 9月底前")
    assert [text for text, _, _ in rows] == ["完成县城燃煤锅炉淘汰", "推进秸秆综合利用", "开展饮用水水源地整治"]
    assert rows[0][1] == [("县环保局", "lead")]
    # the section's number in brackets
    for section in ("（二）水污染防治", "(二)水污染防治"):
        rows = flat("序号 工作任务 责任单位 完成时限", "（一）大气污染防治",
                    "1 完成县城燃煤锅炉淘汰 县环保局 6月底前", "2 推进秸秆综合利用 县农业局 10月底前",
                    section, "3 开展饮用水水源地整治 县水利局 9月底前")
        assert [text for text, _, _ in rows] == ["完成县城燃煤锅炉淘汰", "推进秸秆综合利用", "开展饮用水水源地整治"], section


def test_a_column_of_the_bodies_overseeing_the_work_is_one_of_units_that_support():
    rows = flat("序号  工作内容  主体责任单位  监管责任单位  完成时限",
                "1  淘汰建成区燃煤锅炉12台  县质监局  县环保局  10月底前",
                "2  建筑工地落实扬尘防治要求  县城管局  县住建局  12月底前")
    assert [(text, units) for text, units, _ in rows] == [
        ("淘汰建成区燃煤锅炉12台", [("县质监局", "responsible"), ("县环保局", "support")]),
        ("建筑工地落实扬尘防治要求", [("县城管局", "responsible"), ("县住建局", "support")])]
    assert all(limit is not None for _, _, limit in rows)


def test_a_header_with_a_unit_column_no_rule_names_keeps_its_columns_after_it():
    # 包联单位 is a name no rule knows: the header is read by its cells, so the time limit
    # after that column is still the row's
    rows = flat("序号  工作内容  责任单位  包联单位  完成时限",
                "1  淘汰建成区燃煤锅炉12台  县质监局  县环保局  10月底前",
                "2  建筑工地落实扬尘防治要求  县城管局  县住建局  12月底前")
    assert [(text, limit) for text, _, limit in rows] == [
        ("淘汰建成区燃煤锅炉12台", date(2018, 10, 31)), ("建筑工地落实扬尘防治要求", date(2018, 12, 31))]
    assert [units for _, units, _ in rows][0] == [("县质监局", "responsible"), ("县环保局", "responsible")]


def test_a_row_numbered_in_parentheses_keeps_its_number_out_of_the_text():
    rows = flat("序号 工作任务 责任单位 完成时限",
                "（1） 完成3000户清洁取暖改造 县住建局 11月15日前",
                "（2）开展散煤销售点专项检查 县市场监管局 长期坚持")
    assert [text for text, _, _ in rows] == ["完成3000户清洁取暖改造", "开展散煤销售点专项检查"]


def test_a_row_s_own_date_on_the_document_s_date_is_its_time_cell_not_a_signature():
    # (the date of the last row is the only one printed: the document is dated by it)
    page = normalize(Document("t", "txt", blocks=[
        "序号 整治任务 责任单位 完成时间",
        "1 清理沿线裸露土地 县住建局 2020年6月30日",
        "2 关停违规采石场并完成生态修复 县自然资源局 2020年10月31日"]))
    rows = tasks_of(page, anchor=date(2020, 10, 31))
    assert [t.deadline and t.deadline.date for t in rows] == [date(2020, 6, 30), date(2020, 10, 31)]


def test_unit_columns_named_by_their_part_and_their_kind():
    rows = flat("序号 工作任务 牵头责任部门 配合责任部门 完成时限 "
                "1 完成工业炉窑综合治理 县工信局 县环保局 9月底前")
    assert rows == [("完成工业炉窑综合治理", [("县工信局", "lead"), ("县环保局", "support")], date(2018, 9, 30))]
    rows = flat("序号 任务事项 实施主体 完成时限 1 完成村庄保洁全覆盖 各镇人民政府 6月底前")
    assert rows == [("完成村庄保洁全覆盖", [("各镇人民政府", "responsible")], date(2018, 6, 30))]


def test_a_time_cell_a_spreadsheet_wrote_with_dashes_is_the_date_to_finish_by():
    rows = flat("序号\t工作任务\t责任单位\t完成时限",
                "1\t完成城区加油站油气回收在线监控安装\t县商务局\t2018-09-30")
    assert rows == [("完成城区加油站油气回收在线监控安装", [("县商务局", "responsible")], date(2018, 9, 30))]


def test_cells_a_page_cut_at_their_column_s_edge_end_on_the_wrapped_line():
    rows = flat("序号  重点任务  牵头单位  配合单位  完成时限",
                "1  完成水泥企业有组织排放超低改造，  县工信局  县环保局、  2018年12",
                "并通过评估监测  县发改局  月底前",
                "2  完成矿山裸露山体复绿  县自然资  各乡镇  9月底前",
                "源局")
    assert rows == [
        ("完成水泥企业有组织排放超低改造，并通过评估监测",
         [("县工信局", "lead"), ("县环保局", "support"), ("县发改局", "support")], date(2018, 12, 31)),
        ("完成矿山裸露山体复绿", [("县自然资源局", "lead"), ("各乡镇", "support")], date(2018, 9, 30)),
    ]


def test_a_time_cell_the_edge_cut_after_its_month_ends_on_the_wrapped_line():
    # 2019年6月 reads as a time of its own: the 底前 under it still ends it, as the rest of a
    # unit's name under it ends that
    rows = flat("序号  重点任务  牵头单位  配合单位  完成时限",
                "1  完成城区污水处理厂提标  县城市管  县发改局、  2019年6月",
                "改造  理局  县财政局  底前",
                "2  开展饮用水源地环境整治  县水利局  县卫健委  2019年9月",
                "底前")
    assert rows == [
        ("完成城区污水处理厂提标改造",
         [("县城市管理局", "lead"), ("县发改局", "support"), ("县财政局", "support")], date(2019, 6, 30)),
        ("开展饮用水源地环境整治", [("县水利局", "lead"), ("县卫健委", "support")], date(2019, 9, 30)),
    ]


def test_the_plans_numbered_paragraphs_after_a_flattened_table_are_no_rows():
    # 一、…。【牵头单位：…】 after the rows: a sentence under an outline number ends the table,
    # whatever units it names, and is read as the plan's item
    found = flat(
        "序号 任务名称 工作措施 责任单位 完成时限",
        "1 燃煤锅炉淘汰 完成燃煤小锅炉淘汰 区质监局 区环保局 6月底前",
        "2 工地扬尘管控 落实围挡覆盖 区建设局 区城管局 长期坚持",
        "一、加强机动车管控。【牵头单位：区公安分局交警大队 责任单位：区交通局】",
        "二、区环保局、区公安分局要联合开展环境执法专项行动。",
    )
    assert [(text, units) for text, units, _ in found[2:]] == [
        ("加强机动车管控", [("区公安分局交警大队", "lead"), ("区交通局", "responsible")]),
        ("要联合开展环境执法专项行动", [("区环保局", "responsible"), ("区公安分局", "responsible")]),
    ]
    assert len(found) == 4


def test_a_cell_of_pace_then_standing_work_reads_whole_as_standing_work():
    page = normalize(Document("t", "txt", blocks=[
        "青禾区交办问题整改清单",
        "序号\t问题描述\t整改措施\t责任单位\t整改时限",
        "1\t渣土场扬尘\t落实苫盖措施\t区城管局\t立即整改、长期坚持",
        "2\t沟渠垃圾\t开展沟渠清理\t区水利局\t立即整改",
    ]))
    assert [(t.deadline.kind, t.deadline.text) for t in tasks_of(page, anchor=ANCHOR)] == [
        ("ongoing", "立即整改、长期坚持"), ("asap", "立即整改")]


def test_a_row_the_end_of_the_page_cuts_off_before_its_cells_is_a_task_of_the_table():
    # the page ends inside the next row's text: it opens as the rows above did, so it is a
    # row of its own (without units or time limit), not text after the table
    rows = flat(
        "附件 青禾县2018年扬尘整治职责清单 工作任务和内容 责任单位 配合单位 完成时间 "
        "负责全县扬尘整治工作的宣传报道，曝光违法企业. 县融媒体中心 持续开展 "
        "负责制定城区渣土运输管理办法，规范运输路线. 县城管局 6月底前 "
        "负责查处城区露天烧烤和垃圾焚烧行为. 县城管局 持续开展 "
        "负责抓好房建工地扬尘污染防治工",
    )
    assert [text for text, _, _ in rows] == [
        "负责全县扬尘整治工作的宣传报道，曝光违法企业", "负责制定城区渣土运输管理办法，规范运输路线",
        "负责查处城区露天烧烤和垃圾焚烧行为", "负责抓好房建工地扬尘污染防治工"]
    assert rows[-1][1:] == ([], None)


def test_a_table_after_the_plans_text_in_its_section_lends_that_text_no_cell():
    # the plan's last section goes on into the attached table: the header's 完成时限 and a
    # row's time cell on a line of its own are the rows', not the section's sentence's
    for table in (["序号 重点任务 牵头单位 完成时限 1 优良天数比例达到90%以上 县生态环境局 2018年12月底前 "
                   "2 完成3家陶瓷企业深度治理 县工信局 2018年6月底前"],
                  ["序号", "重点任务", "牵头单位", "完成时限", "1", "优良天数比例达到90%以上", "县生态环境局",
                   "2018年12月底前", "2", "完成3家陶瓷企业深度治理", "县工信局", "2018年6月底前"]):
        assert flat("三、保障措施", "各乡镇要加强组织领导，落实属地责任。", "附件", *table) == [
            ("要加强组织领导，落实属地责任", [("各乡镇", "responsible")], None),
            ("优良天数比例达到90%以上", [("县生态环境局", "lead")], date(2018, 12, 31)),
            ("完成3家陶瓷企业深度治理", [("县工信局", "lead")], date(2018, 6, 30)),
        ], table[0]


def test_a_pace_word_opening_a_rows_text_is_the_texts_not_a_time_cell():
    # 3 持续开展…: after the row's number, in a table whose time column follows the text,
    # 持续开展 modifies the row's verb; the row's own time cell closes it
    for number in ("3 ", "3"):
        rows = flat("青禾县生态环境保护责任分工",
                    "序号 工作任务 牵头单位 配合单位 完成时限",
                    f"{number}持续开展打击非法采砂专项整治 县水利局 县公安局 2018年12月底前",
                    "4 常态化开展河道保洁 各乡镇人民政府 县水利局 长期坚持")
        assert [(text, deadline) for text, _, deadline in rows] == [
            ("持续开展打击非法采砂专项整治", date(2018, 12, 31)), ("常态化开展河道保洁", None)], number


def test_a_task_cell_the_page_wrapped_mid_phrase_stays_one_row():
    # the cell's first line stops inside its phrase, neither at a comma nor at a stop: the
    # rows after it are still the table's
    rows = flat("松溪县2018年扬尘治理任务分解表", "主要任务", "责任部门", "时间节点",
                "完成城区主干道机扫全覆盖", "县城管局", "6月底前",
                "对全县石材加工企业开展", "堆场扬尘专项整治", "县经信局", "9月底前",
                "建成区渣土车辆全部加装密闭装置", "县交通运输局", "10月底前")
    assert [(text, units, deadline) for text, units, deadline in rows] == [
        ("完成城区主干道机扫全覆盖", [("县城管局", "responsible")], date(2018, 6, 30)),
        ("对全县石材加工企业开展堆场扬尘专项整治", [("县经信局", "responsible")], date(2018, 9, 30)),
        ("建成区渣土车辆全部加装密闭装置", [("县交通运输局", "responsible")], date(2018, 10, 31)),
    ]


def test_a_facility_the_rows_text_names_opens_no_unit_cell_before_the_rows_unit():
    # 县城污水处理厂 reads as a unit (a plant may be ordered to act), and the space before the
    # unit cell is lost: what follows the plant, its work and the unit, is no unit glued on
    rows = flat("青石县水污染防治工作任务清单", "序号 工作任务 责任单位 完成时间",
                "1 完成县城污水处理厂提标改造 县住建局 县水利局 2018年9月底前",
                "2 推动县城第二污水处理厂建成投运 县住建局 2018年12月底前")
    assert rows == [
        ("完成县城污水处理厂提标改造", [("县住建局", "responsible"), ("县水利局", "responsible")], date(2018, 9, 30)),
        ("推动县城第二污水处理厂建成投运", [("县住建局", "responsible")], date(2018, 12, 31)),
    ]


def test_units_glued_one_after_another_stay_a_list_of_cells():
    rows = flat("序号 工作任务 责任单位 完成时间",
                "1 开展黑臭水体排查 县住建局县水利局青石镇人民政府 2018年6月底前")
    assert rows[0][1] == [("县住建局", "responsible"), ("县水利局", "responsible"), ("青石镇人民政府", "responsible")]


def test_a_row_flattened_with_single_spaces_between_its_cells_keeps_them():
    # one space between cells, as between a PDF's words: on a numbered row they part the
    # cells, so a unit named by its place (青禾工业园区管委会) is no text run into 区管委会
    rows = flat("序号 工作任务 责任单位 配合单位 完成时限",
                "1 规范危废贮存场所建设和台账管理 青禾工业园区管委会 区生态环境分局 6月底前",
                "2 开展园区专项执法 区生态环境分局 青禾工业园区管委会 9月底前")
    assert rows == [
        ("规范危废贮存场所建设和台账管理", [("青禾工业园区管委会", "responsible"), ("区生态环境分局", "support")],
         date(2018, 6, 30)),
        ("开展园区专项执法", [("区生态环境分局", "responsible"), ("青禾工业园区管委会", "support")], date(2018, 9, 30)),
    ]
    # a line of prose spaced out by a conversion is read without the spaces
    assert normalize(Document("t", "txt", blocks=["县生态 环境局 要加强巡查。"])).blocks == ["县生态环境局要加强巡查。"]


def test_a_header_after_a_table_name_holding_column_words_on_the_same_line():
    # the name (…重点任务工作措施分解表) holds column words itself; the header proper comes after
    # it on the same line, then the rows, single-spaced, so normalizing glues every cell
    rows = flat("青禾区2019年治水重点任务工作措施分解表 序号 类别 工作内容 牵头单位 配合单位 "
                "河道治理 疏浚青禾河主河道3公里. 区水务局 区政府有关部门和单位 "
                "污水管网 新建污水管网5公里. 区住建局 区水务局 各街道办事处")
    assert [units for _, units, _ in rows] == [
        # a collective glued after a body (区水务局区政府有关部门和单位) is read whole, not cut
        # at the body it opens with (区政府)
        [("区水务局", "lead"), ("区政府有关部门", "support")],
        [("区住建局", "lead"), ("区水务局", "responsible"), ("各街道办事处", "responsible")],
    ]
    assert "疏浚青禾河主河道3公里" in rows[0][0] and rows[1][0].startswith("污水管网")


def test_an_organs_suffix_inside_a_word_ends_no_glued_name():
    from minutes.nlp.components.tables import _glued_cells

    # 部 of 有关部门 is no 部 of a body: the name read where cells run together is none of
    # 区政府有关部 (the recognizer of running text knows as much)
    units = [value for kind, _, value in _glued_cells("严查抛洒滴漏区政府有关部门6月底前", 0, ANCHOR) if kind == "units"]
    assert ["区政府有关部"] not in units


def test_the_first_unit_of_a_row_takes_the_role_of_the_first_unit_column_its_header_names():
    # 责任单位 配合单位 with a single unit a row: it is responsible, as its column says (a
    # header of 牵头单位 first: it leads)
    rows = flat("青禾县2018年扬尘整治职责清单 工作任务和内容 责任单位 配合单位 完成时间 "
                "负责全县扬尘整治工作的宣传报道. 县融媒体中心 持续开展 "
                "负责查处城区露天烧烤行为. 县城管局 6月底前")
    assert [units for _, units, _ in rows] == [[("县融媒体中心", "responsible")], [("县城管局", "responsible")]]
    rows = flat("青禾县2018年扬尘整治职责清单 工作任务和内容 牵头单位 配合单位 完成时间 "
                "负责全县扬尘整治工作的宣传报道. 县融媒体中心 持续开展 "
                "负责查处城区露天烧烤行为. 县城管局 6月底前")
    assert [units for _, units, _ in rows] == [[("县融媒体中心", "lead")], [("县城管局", "lead")]]
