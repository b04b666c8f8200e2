"""Clause segmentation and numbered items (nlp/components/clauses.py)."""

from __future__ import annotations

import pytest

from minutes.models import Document, Table
from minutes.nlp.components.clauses import marker_of, segment, split_clauses


def texts(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in split_clauses(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("要抓好甲；要抓好乙。", ["要抓好甲", "要抓好乙"]),
        # no split inside quotes or parentheses
        ("要落实“先检查；再整改。”要求；要建台账。", ["要落实“先检查；再整改。”要求", "要建台账"]),
        ("完成排查（牵头单位：市水务局；完成时限：年底前）。", ["完成排查（牵头单位：市水务局；完成时限：年底前）"]),
        # a colon opens an enumeration
        ("会议部署：一是要补短板；二是要强弱项。", ["会议部署", "一是要补短板", "二是要强弱项"]),
        # a colon that opens no enumeration does not split
        ("会议要求：要抓紧推进。", ["会议要求：要抓紧推进"]),
        # an unclosed parenthesis stops protecting after a while
        ("（" + "甲" * 300 + "。乙。", ["（" + "甲" * 300, "乙"]),
        ("", []),
        ("   。；  ", []),
        # a 要 after a comma with no new addressee goes on with the clause (a 要-clause runs to
        # its ； or 。); an enumeration's point after a comma opens a clause of its own
        ("东坝镇要压实责任，加强巡查，要全力做好保障，要积极配合。",
         ["东坝镇要压实责任，加强巡查，要全力做好保障，要积极配合"]),
        ("各街道要坚持问题导向，一是要加强巡查。二是要建立台账。", ["各街道要坚持问题导向", "一是要加强巡查", "二是要建立台账"]),
        # a new addressee of a collective kind opens one too
        ("各部门要落实责任，各乡镇党委书记要带头巡河。", ["各部门要落实责任", "各乡镇党委书记要带头巡河"]),
        # ... not a 要 after a condition, nor the first directive, nor 要求
        ("要逐项分析，对已整改到位的，要开展回头看。", ["要逐项分析，对已整改到位的，要开展回头看"]),
        ("会议指出，要加强巡查。", ["会议指出，要加强巡查"]),
        ("各街道要压实责任，要求东坝镇加强巡查。", ["各街道要压实责任，要求东坝镇加强巡查"]),
    ],
)
def test_split_clauses(paragraph, expected):
    assert texts(paragraph) == expected


@pytest.mark.parametrize(
    ("line", "level", "marker"),
    [
        ("一、总体安排", 1, "一、"),
        ("（三）加强监管", 2, "（三）"),
        ("(三)加强监管", 2, "(三)"),
        ("12. 开展排查", 3, "12."),
        ("3、开展排查", 3, "3、"),
        ("（2）建立台账", 4, "（2）"),
        ("⑤建立台账", 5, "⑤"),
        # the blocks of a rectification list, outermost like 一、
        ("问题一：某园区异味扰民问题突出。", 1, "问题一："),
        ("问题12：某河段水质不稳定。", 1, "问题12："),
        ("任务三：完成清单修订。", 1, "任务三："),
        # a news page's points numbered 01, 02, … before a blank and a heading
        ("03 推动河道管理范围划定", 3, "03"),
        ("07\u3000推进排污口整治", 3, "07"),
    ],
)
def test_markers(line, level, marker):
    assert marker_of(line)[:2] == (level, marker)


@pytest.mark.parametrize("line", ["3.5吨以下车辆", "2025年工作要点", "一是要抓紧", "会议指出，", "05 15", "2020 年底前"])
def test_not_markers(line):
    assert marker_of(line) is None


def test_items_nest_and_leaves():
    doc = Document("x", "txt", blocks=[
        "一、工作安排",
        "（一）第一部分",
        "1. 开展甲项排查。",
        "2. 开展乙项排查。",
        "（二）完成丙项整改。",
        "二、保障措施",
        "加强组织领导。",
    ])
    seg = segment(doc)
    assert [(i.marker, i.level, i.parent) for i in seg.items] == [
        ("一、", 1, None), ("（一）", 2, 0), ("1.", 3, 1), ("2.", 3, 1), ("（二）", 2, 0), ("二、", 1, None),
    ]
    assert [i.leaf for i in seg.items] == [False, False, True, True, True, True]
    last = seg.clauses[-1]
    assert last.text == "加强组织领导" and last.item == 5 and not last.opens_item


def test_section_labels_belong_to_the_section():
    doc = Document("x", "txt", blocks=[
        "（一）某项问题。",
        "整改措施：",
        "1.开展排查。",
        "2.完成整改。",
        "整改时限：年底前",
        "责任单位：某某县人民政府",
    ])
    seg = segment(doc)
    labelled = [c for c in seg.clauses if c.label]
    assert [c.label for c in labelled] == ["整改措施", "整改时限", "责任单位"]
    assert all(c.item == 0 for c in labelled)


def test_a_line_going_on_with_an_items_sentence_after_a_semicolon_is_the_items():
    # a page broke item 3's line after ；: the next line, though unnumbered after an item
    # of whole sentences, goes on with it (a paragraph after a full stop would not)
    doc = Document("x", "txt", blocks=[
        "3、完善村庄管网。各村要清理排水沟渠；",
        "老村要结合改厕铺设支管。（镇建设办负责）",
        "4、加强运维管理。建立巡查制度。",
        "各村要按月上报运维情况。",
    ])
    seg = segment(doc)
    assert [(c.text, c.item) for c in seg.clauses] == [
        ("完善村庄管网", 0), ("各村要清理排水沟渠", 0), ("老村要结合改厕铺设支管", 0), ("（镇建设办负责）", 0),
        ("加强运维管理", 1), ("建立巡查制度", 1), ("各村要按月上报运维情况", None),
    ]


def test_offsets_point_into_document_text_and_tables_are_left_out():
    table = Table([["任务", "牵头单位"], ["开展排查", "市水务局"]])
    doc = Document("x", "html", blocks=["前言一句。", table, "要做好收尾；要及时总结。"])
    seg = segment(doc)
    assert [c.text for c in seg.clauses] == ["前言一句", "要做好收尾", "要及时总结"]
    for clause in seg.clauses:
        assert doc.text[clause.start:clause.end] == clause.text
    ((offset, found),) = seg.tables
    assert found is table and doc.text[offset:].startswith("任务\t牵头单位")


def test_empty_document():
    seg = segment(Document("x", "txt"))
    assert seg.clauses == [] and seg.items == [] and seg.tables == []


def test_a_paragraph_after_sentence_items_is_not_theirs():
    doc = Document("x", "txt", blocks=[
        "问题一：某园区异味扰民。",
        "牵头单位：某园区管委会",
        "整改措施：",
        "（1）开展泄漏检测。",
        "（2）建设监测体系。",
        "问题二：某河段水质不稳定。",
        "（1）完成排污口溯源。",
        "各责任单位要按时限推进整改。",
    ])
    seg = segment(doc)
    assert [(i.marker, i.parent) for i in seg.items] == [
        ("问题一：", None), ("（1）", 0), ("（2）", 0), ("问题二：", None), ("（1）", 3),
    ]
    by_text = {c.text: c.item for c in seg.clauses}
    assert by_text["牵头单位：某园区管委会"] == 0  # a labelled line stays with its block
    assert by_text["各责任单位要按时限推进整改"] is None  # the closing paragraph stands alone


def test_a_heading_keeps_its_body_and_a_look_back_line_its_item():
    doc = Document("x", "txt", blocks=[
        "一、关于污水设施运维",
        "县住建局要开展排查。",
        "（一）开展村庄清洁。",
        "（二）健全收运体系。",
        "以上任务均由县农业农村局牵头。",
    ])
    seg = segment(doc)
    by_text = {c.text: c.item for c in seg.clauses}
    assert by_text["县住建局要开展排查"] == 0  # the body of a heading item
    assert by_text["以上任务均由县农业农村局牵头"] == 2  # looks back: stays where it stands


def test_items_run_together_on_one_line_are_one_item_each():
    from minutes.nlp.components.clauses import segment

    seg = segment(Document("t", "txt", blocks=["（七）开展专项执法，严禁超标排放。（八）完成源清单编制。（十）不是下一项。",
                                               "3.加强巡查。4.建立台账。"]))
    # （十） does not follow （八）: it stays in the text of its item
    assert [item.marker for item in seg.items] == ["（七）", "（八）", "3.", "4."]
    assert [c.text for c in seg.clauses if c.opens_item] == ["开展专项执法，严禁超标排放", "完成源清单编制", "加强巡查", "建立台账"]


def test_numbered_points_run_on_after_a_lead_sentence_of_their_line_are_items():
    # a line of running text, then points 1. and 2. each after a sentence end: the points
    # are items of their own at any level, the lead a line before them
    seg = segment(Document("t", "txt", blocks=[
        "整治措施：全面清查露天堆场。1.县住建局牵头，逐个苫盖到位。2.县城管局负责清运积存垃圾。",
        "强化码头管理。（1）县交通局负责复核作业台账。（2）县海事处负责登船检查。"]))
    assert [item.marker for item in seg.items] == ["1.", "2.", "（1）", "（2）"]
    assert [c.text for c in seg.clauses if c.item is None] == ["整治措施：全面清查露天堆场", "强化码头管理"]
    # a single number after a sentence end stays in the text
    seg = segment(Document("t", "txt", blocks=["全面清查露天堆场。1.县住建局牵头苫盖。"]))
    assert seg.items == []


def test_items_run_on_after_a_page_that_starts_inside_one():
    # category 1: a page converted to text starts inside an item; the next items run on
    # after its roles, headings closed by 。 and roles closing a sentence before the next
    seg = segment(Document("t", "txt", blocks=[
        "硬化防扬尘。 （牵头单位：县城管办） 3.规范渣土运输。 渣土车辆密闭运输。 （牵头单位：县公安局） "
        "（五）加强机动车管理。 1.淘汰老旧车辆。 年底前淘汰。 （牵头单位：县公安局） 2.加强尾气检测。"]))
    assert [item.marker for item in seg.items] == ["3.", "（五）", "1.", "2."]
    assert [c.text for c in seg.clauses if c.item is None] == ["硬化防扬尘", "（牵头单位：县城管办）"]
    # one number after a sentence end opens no run of items
    seg = segment(Document("t", "txt", blocks=["硬化防扬尘。 3.规范渣土运输，密闭运输。"]))
    assert seg.items == []


def test_fields_of_a_labelled_line_are_clauses_of_their_own():
    line = "牵头单位：县生态环境局配合单位：县工信局 整改时限：6月底前"
    assert [line[a:b] for a, b in split_clauses(line)] == ["牵头单位：县生态环境局", "配合单位：县工信局", "整改时限：6月底前"]


def test_lines_broken_at_a_pages_width_are_joined_again():
    page = Document("t", "txt", blocks=[
        "为切实做好今年秸秆禁烧工作，改善空气质量，", "结合我县实际，制定本方案。", "一、工作措施",
        "（一）加强巡查。各乡镇要组织专门力量，对", "田间地头开展全天候巡查，发现火情立即处置", "，确保不烧一把火。",
        "（二）强化执法。县公安局要会同县生态环境", "局依法查处露天焚烧行为。"])
    seg = segment(page)
    assert [c.text for c in seg.clauses if c.item is not None] == [
        "工作措施", "加强巡查", "各乡镇要组织专门力量，对田间地头开展全天候巡查，发现火情立即处置，确保不烧一把火",
        "强化执法", "县公安局要会同县生态环境局依法查处露天焚烧行为"]


def test_lines_of_a_page_not_broken_at_a_width_stay_apart():
    page = Document("t", "txt", blocks=["一、工作措施", "（一）加强巡查", "各乡镇要组织专门力量开展巡查", "（二）强化执法",
                                        "县公安局要依法查处露天焚烧行为", "（三）开展宣传", "县委宣传部负责宣传"])
    assert len({c.paragraph for c in segment(page).clauses}) == 7


def test_a_pages_width_is_the_length_most_lines_reach_not_the_longest():
    # a line of half-width figures and a parenthesis the text joined over lines run longer
    # than the page's 21 characters; the item's first line, that wide, goes on
    page = Document("t", "txt", blocks=[
        "为进一步推进我县城乡环境综合整治工作，巩固整", "治成果，决定从 2018 年 6 月 1 日起开展为期 100 天的整",
        "治行动，具体实施方案如下：", "（一）市容环境整治",
        "1.加强城区街巷、公园广场、江河水域、重点部", "位、居民小区清扫保洁。推进环卫作业精细化管",
        "理，做到生活垃圾日产日清。（责任单位：县城管局（排序第一的为牵头单位，下同）、县水利局）",
        "2.完善城区环卫设施。按标准建设垃圾中转站、", "公共厕所等环卫设施，推进生活垃圾分类处理。"])
    seg = segment(page)
    assert [c.text for c in seg.clauses if c.opens_item][-2:] == [
        "加强城区街巷、公园广场、江河水域、重点部位、居民小区清扫保洁", "完善城区环卫设施"]


def test_lines_of_equal_length_among_longer_paragraphs_are_no_page_width():
    # a document of paragraphs: a few short lines of one length are no page broken at it
    blocks = ["一、工作措施", "（一）加强巡查", "各乡镇要组织专门力量开展全天候巡查，发现火情立即处置，确保不烧一把火",
              "（二）强化执法", "县公安局要依法查处露天焚烧行为，县生态环境局要加强对重点区域的监测和督查",
              "（三）开展宣传", "县委宣传部负责利用广播、电视和网络开展禁烧宣传，营造全民参与的良好氛围"]
    assert len({c.paragraph for c in segment(Document("t", "txt", blocks=blocks)).clauses}) == 7


def test_field_breaks_part_labelled_fields_whose_stops_were_lost():
    from minutes.nlp.components.clauses import field_breaks
    assert field_breaks("牵头单位：青禾市公安局配合单位：青禾市交通局") == [11]
    assert field_breaks("牵头单位：青禾市公安局 完成时限：年底前") == [12]
    assert field_breaks("责任单位：青禾县住建局") == []
    # a rectification block's own fields part the run too: the time limit stops before them
    assert field_breaks("整改时限：立行立改，长期坚持整改措施：建立巡河台账") == [14]


def test_enumeration_by_bare_numerals_after_a_colon():
    # 一X；二Y；三Z after a lead-in's colon: each numbered clause of its own, the numeral left out
    assert texts("现就有关事项通知如下：一禁止在河道两侧倾倒垃圾；二抓紧组建保洁队伍；三持续加大巡河力度。") == [
        "现就有关事项通知如下", "禁止在河道两侧倾倒垃圾", "抓紧组建保洁队伍", "持续加大巡河力度"]
    seg = segment(Document("t", "txt", blocks=["现就有关事项通知如下：一禁止倾倒垃圾；二组建保洁队伍。"]))
    assert [(c.text, c.numbered) for c in seg.clauses] == [
        ("现就有关事项通知如下", False), ("禁止倾倒垃圾", True), ("组建保洁队伍", True)]
    # a count or a word opening with a numeral, or no second number, is no enumeration
    assert texts("会议要求：一律禁止倾倒垃圾；二氧化硫排放要达标。") == ["会议要求：一律禁止倾倒垃圾", "二氧化硫排放要达标"]
    assert texts("会议要求：一年内完成河道清淤；加强巡查。") == ["会议要求：一年内完成河道清淤", "加强巡查"]


def test_a_clause_cut_before_a_second_directive_keeps_its_comma():
    # 要A，各村要B: two clauses, the first closed by its comma, so that text joined again
    # reads as written (要A，要B is one clause)
    seg = segment(Document("t", "txt", blocks=["县住建局要加强巡查，要及时处置，各村要积极配合。"]))
    assert [(c.text, c.closing) for c in seg.clauses] == [
        ("县住建局要加强巡查，要及时处置", "，"), ("各村要积极配合", "。")]
