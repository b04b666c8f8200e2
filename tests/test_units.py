"""Unit recognition (nlp/components/units.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes.models import Document
from minutes.nlp.components.tasks import tasks_of
from minutes.nlp.components.units import (is_unit, leading_units, may_end_a_list, spans_outside_parentheses, unglue,
                                          units_in)
from minutes.nlp.pipeline import get_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_the_townships_with_their_sub_districts_in_parentheses_are_a_collective():
    # 乡镇（街道）: the townships and the sub-districts, without 各, as subject or in a list
    assert _task_units("关于做好秸秆禁烧工作的通知\n乡镇（街道）要落实属地责任，加强田间巡查。") == [
        ("要落实属地责任，加强田间巡查", [("乡镇（街道）", "responsible")])]
    assert leading_units("乡镇（街道）、县农业农村局要加强巡查")[0] == ["乡镇（街道）", "县农业农村局"]
    # …and a parenthesis of 街道 alone closing a text names no unit
    assert not units_in("发现火点及时通报属地乡镇（街道）")


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        # organ suffixes and abbreviations
        ("县林业局", ["县林业局"]),
        ("市发展改革委", ["市发展改革委"]),
        ("市扬尘办", ["市扬尘办"]),
        ("市公安局交警支队", ["市公安局交警支队"]),
        ("区环境监测站", ["区环境监测站"]),
        ("某某新区管委会", ["某某新区管委会"]),
        ("市水务集团有限公司", ["市水务集团有限公司"]),
        ("市农业科学院", ["市农业科学院"]),
        # a name with its other name in parentheses stays one name
        ("市商务局（市口岸办）", ["市商务局（市口岸办）"]),
        # 和 inside a name does not split it; between two names it does
        ("市自然资源和规划局", ["市自然资源和规划局"]),
        ("市农业农村局和市水利局", ["市农业农村局", "市水利局"]),
        # lists joined by 、 and closed by 等部门
        ("市林业局、市城管委等部门", ["市林业局", "市城管委"]),
        ("市林业局、市城管委等3个部门", ["市林业局", "市城管委"]),
        # collectives of a named kind are units
        ("各县区林业局", ["各县区林业局"]),
        ("各县（市、区）人民政府", ["各县（市、区）人民政府"]),
        ("各区（市）县", ["各区（市）县"]),
        ("各镇（街道）", ["各镇（街道）"]),
        ("市级有关部门", ["市级有关部门"]),
        ("县直有关单位", ["县直有关单位"]),
        ("镇直各单位", ["镇直各单位"]),  # a township's own offices, like 县直
        ("行署有关部门", ["行署有关部门"]),  # a prefecture's administrative office's departments
        # the member bodies of a named organ, 委会 short for 委员会, 工作 inside a name
        ("县环委会各成员单位", ["县环委会各成员单位"]),
        ("市环委会有关成员单位", ["市环委会有关成员单位"]),  # 有关 qualifying the members
        ("防汛工作领导小组成员单位", ["防汛工作领导小组成员单位"]),
        ("镇村委会", ["镇村委会"]),
        # 就业, 协作: words a name may hold
        ("市就业服务中心", ["市就业服务中心"]),
        # the 兵团's divisions and regiments
        ("第三师、一二五团、128团", ["第三师", "一二五团", "128团"]),
        ("第八师一二一团、石河子总场", ["第八师一二一团", "石河子总场"]),  # a division's head farm
        ("兵团第七师、胡杨河市", ["兵团第七师", "胡杨河市"]),  # the division named with its corps
        ("各师市、兵团有关部门", ["各师市", "兵团有关部门"]),  # the corps' departments, as 县有关部门
        ("各县（区）水务局，省有关单位", ["各县（区）水务局", "省有关单位"]),  # the bodies concerned at a level
        # a road section's office, power plants ordered to act
        ("县交通运输局、县公路管理段", ["县交通运输局", "县公路管理段"]),
        ("华能某某电厂、县热电厂", ["华能某某电厂", "县热电厂"]),
        # a collective within a place; a vague one stays vague
        ("县各乡镇、第三师各团场", ["县各乡镇", "第三师各团场"]),
        ("某某市各部门", []),
        # bodies named by what they do
        ("供水单位、施工单位", ["供水单位", "施工单位"]),
        # a collective with a kind of district in parentheses, 各 before 有关, towns-and-streets
        ("区住建局，各街道（园区）", ["区住建局", "各街道（园区）"]),
        ("县级各有关部门及各镇街", ["县级各有关部门", "各镇街"]),
        # levels that share one 各: one collective
        ("各县、区人民政府（管委会）", ["各县、区人民政府（管委会）"]),
        ("各区、市直有关部门", ["各区", "市直有关部门"]),
        ("各行署、市、县政府", ["各行署、市、县政府"]),
        # a level above the townships' after them names a body of its own
        ("各乡镇、县自然资源局", ["各乡镇", "县自然资源局"]),
        ("各乡、镇人民政府", ["各乡、镇人民政府"]),
        # the townships and the sub-districts of a county, sharing one 各
        ("各镇、街道", ["各镇、街道"]),
        ("各乡镇、街道、县直各部门", ["各乡镇、街道", "县直各部门"]),
        # a field's alternative in parentheses inside a department's name (农业（畜牧）部门)
        ("农业（畜牧）部门、县水务（水利）局", ["农业（畜牧）部门", "县水务（水利）局"]),
        # places listed bare before the one level of government they share: each one's government
        ("青溪、柳河、东坪市人民政府，省直有关单位", ["青溪市人民政府", "柳河市人民政府", "东坪市人民政府", "省直有关单位"]),
        # ... a place named with its level taking the government without it
        ("青溪县、柳河市、东坪县人民政府", ["青溪县人民政府", "柳河市人民政府", "东坪县人民政府"]),
        ("县住建局、县城管局、县人民政府", ["县住建局", "县城管局", "县人民政府"]),
        # the departments of a government named in full (人民政府), as of 县政府
        ("各乡镇人民政府，县人民政府各部门", ["各乡镇人民政府", "县人民政府各部门"]),
        ("各盟市、旗县（市、区）人民政府", ["各盟市、旗县（市、区）人民政府"]),
        # the departments directly under a 盟, 旗, 师 or the 兵团
        ("盟直有关部门、旗直各部门、兵团机关各部门", ["盟直有关部门", "旗直各部门", "兵团机关各部门"]),
        ("各省、自治区、直辖市生态环境厅（局）", ["各省、自治区、直辖市生态环境厅（局）"]),
        # an office no body owns is no unit
        ("办公室", []),
        # the manner of the role word that follows is no part of a name
        ("县级有关部门及各乡镇按职责分工", ["县级有关部门", "各乡镇"]),
        ("各旗县市区政府具体", ["各旗县市区政府"]),
        # a level's department of a kind; the ordinal of the directive after a subject
        ("镇组织部门、纪委", ["镇组织部门", "纪委"]),
        ("县委组织部", ["县委组织部"]),
        ("各村各部门一", ["各村"]),  # two collectives run together: 各部门 is vague
        # a whole place and people are addressees, no units
        ("全镇", []),
        ("领导干部", []),
        ("党员干部和职工群众", []),
        # a slash after a whole name separates it from the next (a table's cell)
        ("县环保局/县住建局", ["县环保局", "县住建局"]),
        ("县环保局／县住建局、各乡镇", ["县环保局", "县住建局", "各乡镇"]),
        # bare places named before the one body of their kind they share: one name, as written
        ("青石、白沙、红岩经济开发区管委会", ["青石、白沙、红岩经济开发区管委会"]),
        ("县环保局、东关、西关街道办事处", ["县环保局", "东关、西关街道办事处"]),
        ("修缮北巷、小区农贸市场2处", None),
        # bare places in a list of addressees
        ("甲乙区、丙丁县", ["甲乙区", "丙丁县"]),
        # vague references are not units, but the region is still a list of addressees
        ("有关部门", []),
        ("各有关单位", []),
        ("各地各部门", []),
        ("市林业局、相关单位", ["市林业局"]),
        # collectives run together: each on its own (category 5)
        ("各乡镇各部门", ["各乡镇"]),
        ("各县区各有关单位", ["各县区"]),
        ("各部门各单位", []),
        ("各职能部门及各社区", ["各社区"]),
        ("县水务局、责任单位", ["县水务局"]),
        # the roles of a task named together, sharing one 单位: one vague collective
        ("各牵头、配合单位", []),
        ("各牵头单位、配合单位", []),
        ("各牵头和协办部门", []),
        # members of no named organ, then a collective joined by 和: the collective alone
        ("成员单位和各街道办", ["各街道办"]),
        # not a list of addressees at all
        ("今年以来全市", None),
        ("由于天气原因", None),
    ],
)
def test_units_in(region, expected):
    assert units_in(region) == expected


@pytest.mark.parametrize("name", ["相关部门", "有关单位", "各部门", "各单位", "各地", "全县各级各部门", "全市上下",
                                  # named by their part in the task, or kinds of things: no kind of body
                                  "各责任单位", "责任单位", "各牵头单位", "各配合单位", "各有关责任单位", "各类工地", "各类企业",
                                  # the bodies a rectification is due from, by that part alone
                                  "各整改责任单位", "整改责任单位",
                                  # members of no named organ; collectives run together, vague each
                                  "各成员单位", "成员单位", "各部门各单位", "各乡镇各部门",
                                  # 各部门、各单位 written as one word
                                  "各部门单位", "各有关部门单位",
                                  # the addressee of a letter
                                  "你厅（局）", "贵单位",
                                  # townships or regions left unnamed
                                  "相关乡镇", "有关街道", "相关旗县", "各地区", "相关镇", "有关乡",
                                  # kinds an addressee line may hold besides its named bodies
                                  "省驻市有关单位", "派出机构", "事业单位",
                                  # whichever body is in charge, as 各主管部门
                                  "各分管单位", "各分管部门",
                                  # bodies hired by what they do, none of the administration
                                  "第三方机构", "各检测机构",
                                  # the bodies a problem concerns, whichever they are
                                  "各事涉部门", "各涉事单位", "涉事部门", "各涉及部门",
                                  # all but those an exception named
                                  "其他地区", "其余乡镇", "其他县",
                                  # every body of a kind, or of several kinds
                                  "各局", "各部、委、办、局", "各委办局"])
def test_vague_is_not_a_unit(name):
    assert not is_unit(name)


def test_an_addressee_line_with_kinds_of_bodies_and_levels_listed_after_each():
    # 各部、委、办、局: every body of those kinds, vague; 各街道、镇: the sub-districts and the
    # towns, one collective
    assert units_in("各部、委、办、局，区法院，各街道、镇，各人民团体") == ["区法院", "各街道、镇", "各人民团体"]
    assert leading_units("各街道、镇要落实巡查") == (["各街道、镇"], 5)


def test_townships_written_with_a_parenthesis_then_a_countys_department():
    # 各乡（镇）、县农业部门: the townships, then the county's department, two units (各乡、镇
    # and 各县（市）、区 stay one collective of levels)
    assert units_in("各乡（镇）、县农业部门") == ["各乡（镇）", "县农业部门"]
    assert leading_units("各乡（镇）、县农业部门要加强宣传") == (["各乡（镇）", "县农业部门"], 11)
    assert units_in("各县（市）、区人民政府") == ["各县（市）、区人民政府"]


def test_zones_listed_before_the_committee_they_each_have():
    # a notice's addressees: 高新区、经开区管委会 is the committee of each zone
    assert units_in("各县（市、区）人民政府，市对口各单位，青禾高新区、青禾经济技术开发区管委会") == [
        "各县（市、区）人民政府", "青禾高新区管委会", "青禾经济技术开发区管委会"]
    assert units_in("钱塘新区、西湖风景名胜区管委会") == ["钱塘新区管委会", "西湖风景名胜区管委会"]
    # the city's counterparts of the issuing body, whichever they are: vague
    assert units_in("市对口各单位，市政府各部门") == ["市政府各部门"]
    assert units_in("高新区、经开区、综合保税区管理委员会，市政府各部门") == [
        "高新区管理委员会", "经开区管理委员会", "综合保税区管理委员会", "市政府各部门"]


def test_levels_listed_before_the_party_committee_they_each_have_are_one_collective():
    assert units_in("区委和街道、镇党（工）委") == ["区委", "街道、镇党（工）委"]
    assert units_in("乡、镇党委") == ["乡、镇党委"]


@pytest.mark.parametrize("name", ["各部门主动", "各乡镇年底前", "各镇街今年", "镇主管部门",
                                  # a person's post inside: no name
                                  "区住建局局长孙立以及区城管局", "区水务局副局长林秋实和区城管局"])
def test_a_collective_ends_like_a_unit(name):
    # 各部门主动配合: an adverb, a time-limit cell run into the name: no collective
    assert not is_unit(name)


@pytest.mark.parametrize(
    ("text", "units", "rest"),
    [
        ("县林业局做好防火巡查", ["县林业局"], "做好防火巡查"),
        ("县林业局、县应急管理局按照职责分工开展巡查", ["县林业局", "县应急管理局"], "按照职责分工开展巡查"),
        ("市公安局交警支队严格落实限行措施", ["市公安局交警支队"], "严格落实限行措施"),
        ("市城管委摸清底数", ["市城管委"], "摸清底数"),
        ("各乡镇人民政府于月底前报送", ["各乡镇人民政府"], "于月底前报送"),
        ("市林业局会同市财政局制定方案", ["市林业局"], "会同市财政局制定方案"),
        ("抓紧制定方案", [], "抓紧制定方案"),
        # names without a place prefix, townships, development zones, 兵团 units
        ("住建局、交警大队加强夜间巡查", ["住建局", "交警大队"], "加强夜间巡查"),
        ("由发改局、空保中心等单位负责修订清单", ["发改局", "空保中心"], "负责修订清单"),
        ("东坪镇、柳河乡、北关街办开展秸秆禁烧巡查", ["东坪镇", "柳河乡", "北关街办"], "开展秸秆禁烧巡查"),
        ("赛罕苏木、青岭产业园加强巡查", ["赛罕苏木", "青岭产业园"], "加强巡查"),
        ("各嘎查、社区开展卫生整治", ["各嘎查", "社区"], "开展卫生整治"),
        ("各嘎查、社区全面开展卫生整治", ["各嘎查", "社区"], "全面开展卫生整治"),
        # a vague one closes the list without being a unit
        ("县环保局和相关乡镇负责彻查砖瓦厂", ["县环保局"], "负责彻查砖瓦厂"),
        ("乌兰嘎查、白音苏木加强巡查", ["乌兰嘎查", "白音苏木"], "加强巡查"),
        ("高新区管委会督促企业错峰生产", ["高新区管委会"], "督促企业错峰生产"),
        ("第五师生态环境局、各团场落实禁燃措施", ["第五师生态环境局", "各团场"], "落实禁燃措施"),
        ("第七师一二九团、八师一四三团加强巡查", ["第七师一二九团", "八师一四三团"], "加强巡查"),
        ("县环委会各成员单位认真履职", ["县环委会各成员单位"], "认真履职"),
        # the member bodies of a named organ, before words that break no name (抽调专人负责…)
        ("县清淤专班成员单位抽调骨干力量巡查", ["县清淤专班成员单位"], "抽调骨干力量巡查"),
        # a city's towns and sub-districts named together (镇街) after its departments
        ("市级各部门、镇街要压实监管责任", ["市级各部门", "镇街"], "要压实监管责任"),
        # a verb passing a document on ends the name (请各县局转交…)
        ("各县局转交下属单位和各林场", ["各县局"], "转交下属单位和各林场"),
        # a collective, then a time limit run into it (a flattened table's cells)
        ("各乡镇年底前完成", ["各乡镇"], "年底前完成"),
        # category 5: departments named by their field, as a campaign plan assigns duties by kind
        ("环保部门要实行统一监督管理", ["环保部门"], "要实行统一监督管理"),
        ("发展改革部门、工商行政管理部门要把好准入关", ["发展改革部门", "工商行政管理部门"], "要把好准入关"),
        ("主管部门要加强指导", [], "主管部门要加强指导"),  # no field: vague
        # the fields of enforcement and services a city's campaign names its departments by
        ("交警部门要加强渣土车夜间查处", ["交警部门"], "要加强渣土车夜间查处"),
        ("综合执法、环卫部门要做好道路冲洗保洁", ["综合执法部门", "环卫部门"], "要做好道路冲洗保洁"),
        # ... and by the 系统 of a field: its departments at every level
        # the field written out whole (生态环境保护), and the departments a field concerns (涉农部门)
        ("所有乡镇和涉农部门、生态环境保护部门要加强巡查", ["所有乡镇", "涉农部门", "生态环境保护部门"], "要加强巡查"),
        ("县生态环境保护部门要加强巡查", ["县生态环境保护部门"], "要加强巡查"),
        ("住建系统要加强工地管理", ["住建系统"], "要加强工地管理"),
        ("县环保系统开展执法检查", ["县环保系统"], "开展执法检查"),
        ("各系统要加强协作", [], "各系统要加强协作"),  # no field: vague
        ("各涉事单位要在月底前整改到位", [], "各涉事单位要在月底前整改到位"),  # the bodies a problem concerns: vague
        # levels named as tiers share what follows
        ("县、乡两级人民政府要加强巡查", ["县、乡两级人民政府"], "要加强巡查"),
        # the townships and the state farms of a county: one collective
        ("各乡（镇）、场按照要求开展整治", ["各乡（镇）、场"], "按照要求开展整治"),
        ("各乡镇、场要加强巡查", ["各乡镇、场"], "要加强巡查"),
        ("各乡（镇）、场及帮扶部门要筹措资金", ["各乡（镇）、场"], "要筹措资金"),  # 帮扶部门: vague
        # the townships and the villages: one collective, after a department list or not
        ("市直各部门及各乡镇、村要做好值守", ["市直各部门", "各乡镇、村"], "要做好值守"),
        ("各镇、村要落实巡查制度", ["各镇、村"], "要落实巡查制度"),
        # a short quoted nickname inside a name joins it; a quoted phrase of running text
        # names nothing
        ("市“三创”办、市城管局牵头", ["市“三创”办", "市城管局"], "牵头"),
        ("落实“双随机”检查", [], "落实“双随机”检查"),
        # bodies a small place lists by short names without a suffix
        ("环保局、住建局、公安交警、城管加强巡查", ["环保局", "住建局", "公安交警", "城管"], "加强巡查"),
        # the means of a measure opening it is no name, though it ends like one (督办)
        ("以督查督办方式推动整改", [], "以督查督办方式推动整改"),
        ("县级以上人民政府要加强监管", ["县级以上人民政府"], "要加强监管"),
        # a collective whose kind is a vague word (各部门) followed by no word that breaks
        # names: no shorter name inside that word (各部)
        ("各部门11月15日前完成预案修订", [], "各部门11月15日前完成预案修订"),
        # a connective opening the next clause ends the list (no place 并借鉴兄弟县市)
        ("县住建局，并借鉴兄弟县市经验", ["县住建局"], "，并借鉴兄弟县市经验"),
        ("县住建局，同时加强各乡镇指导", ["县住建局"], "，同时加强各乡镇指导"),
        # ... which closes a list after a unit
        ("各乡镇、各监管部门11月15日前完成预案修订", ["各乡镇"], "11月15日前完成预案修订"),
        ("各镇、各部门始终坚持问题导向", ["各镇"], "始终坚持问题导向"),
    ],
)
def test_leading_units(text, units, rest):
    found, end = leading_units(text)
    assert found == units and text[end:] == rest


def orgs(text: str) -> list[tuple[str, int, int]]:
    """The organisations the pipeline's recognizer marks in running text."""
    nlp = get_nlp()
    with nlp.select_pipes(enable="minutes_orgs"):
        doc = nlp(text)
    return [(span.text, span.start_char, span.end_char) for span in doc.spans["orgs"]]


def test_orgs_in_running_text():
    text = "会议听取了县林业局关于防火工作的汇报，县应急管理局、县气象局作了发言，在县政府会议室召开。"
    assert orgs(text) == [("县林业局", 5, 9), ("县应急管理局", 19, 25), ("县气象局", 26, 30), ("县政府", 36, 39)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post after a name (局长, 处长) or 部门 is no end of a name
        ("县水利局副局长张某出席会议。", ["县水利局"]),
        ("会议要求各部门前期做好准备。", []),
        # 全县 is no body; enumerations and 要求 are no part of a name
        ("全县危险废物贮存场所要规范管理。", []),
        ("二是县住建局要加强巡查。", ["县住建局"]),
        ("会议要求县生态环境分局加强执法。", ["县生态环境分局"]),
        ("经县政府同意，整改进展报送县大气办。", ["县政府", "县大气办"]),
        # a meeting's verb ends the name that convenes it
        ("青川县召开生态环境保护委员会全体会议。", []),
        # 组成 forming teams ends the name of the body forming them
        ("县河长制工作领导小组组成三个督查组开展督查。", ["县河长制工作领导小组"]),
    ],
)
def test_orgs_in_running_text_stop_where_names_stop(text, expected):
    assert [name for name, _, _ in orgs(text)] == expected


def test_orgs_ignore_verbs_that_end_like_organs():
    assert orgs("对重点企业实行挂牌督办，做好跟踪回访。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list closed by 等 + a count + a kind of place: the named places are the units
        ("临江市、东溪州、南屏市等3个重点城市", ["临江市", "东溪州", "南屏市"]),
        ("城东街道、白鹭镇等乡镇", ["城东街道", "白鹭镇"]),
    ],
)
def test_list_tail_with_kind_of_place(text, expected):
    assert units_in(text) == expected


def test_dui_ends_a_name_but_not_inside_one():
    # 县生态环境分局对全县…: 对 opens the object, the name stops before it
    assert leading_units("县生态环境分局对全县危险废物贮存场所开展检查")[0] == ["县生态环境分局"]
    # 应对 is part of a body's name
    assert units_in("省生态环境厅应对气候变化处") == ["省生态环境厅应对气候变化处"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # the cells of a flattened table, or a PDF's lost spaces, run names together
        ("县住建局县城管执法局", ["县住建局", "县城管执法局"]),
        ("区大气办区城管局各乡镇人民政府", ["区大气办", "区城管局", "各乡镇人民政府"]),
        ("县委县政府", ["县委", "县政府"]),
        ("县委宣传部县公安局", ["县委宣传部", "县公安局"]),
        # one name that holds another body's name stays whole, a joint office too
        ("县委宣传部", ["县委宣传部"]),
        ("县委县政府督查室", ["县委县政府督查室"]),
        ("市公安局交警支队", ["市公安局交警支队"]),
        ("市生态环境局滨江新区分局", ["市生态环境局滨江新区分局"]),
        ("县环委会各成员单位", ["县环委会各成员单位"]),
        ("市环委会有关成员单位", ["市环委会有关成员单位"]),  # 有关 qualifying the members
        ("县人民政府办公室", ["县人民政府办公室"]),
        # a body named by what it does and 机构
        ("县考核评价机构、县财政局", ["县考核评价机构", "县财政局"]),
        # two bureaus, the second named without its level: a bureau of its own
        ("县商务局林业局", ["县商务局", "林业局"]),
        # ...and two offices so (the party committee's and the government's)
        ("县委办政府办", ["县委办", "政府办"]),
        ("县河长办", ["县河长办"]),
        ("市生态环境局高新区分局", ["市生态环境局高新区分局"]),  # a branch stays its bureau's
    ],
)
def test_names_run_together_are_told_apart(cell, expected):
    assert [part for name in units_in(cell) for part in unglue(name)] == expected


def test_a_glued_name_is_read_whole_and_parted_on_request():
    found, end = leading_units("县住建局县城管执法局按职责开展巡查")
    assert (found, end) == (["县住建局县城管执法局"], 10)
    assert unglue(found[0]) == ["县住建局", "县城管执法局"]


def test_an_organ_suffix_inside_a_word_opens_no_name():
    # category 5: 环保部门负责… names the departments of a field, never the ministry 环保部
    assert leading_units("环保部门负责对企业环境行为实行统一监督管理") == (["环保部门"], 4)
    assert leading_units("县环保局负责对企业环境行为实行统一监督管理") == (["县环保局"], 4)


def test_spans_outside_parentheses_keep_what_a_parenthesis_holds_whole():
    text = "由县环保局（含监测站、执法大队）牵头，【责任单位：县住建局，县城管局】；，年底前完成"
    assert list(spans_outside_parentheses(text, "，；")) == [
        (0, "由县环保局（含监测站、执法大队）牵头"),
        (19, "【责任单位：县住建局，县城管局】"),
        (36, ""),  # an empty part is a part: a reader decides what it means
        (37, "年底前完成"),
    ]
    parts = spans_outside_parentheses("县水利局负责，" * 10_000, "，")
    assert next(parts) == (0, "县水利局负责")  # one by one: the rest is not split yet


def test_a_bodys_part_glued_before_its_name_is_no_part_of_the_name():
    # category 5: 包片单位县气象局 (the body in charge of a patch) names 县气象局; a duty
    # heading run into the first line of its list (…工作职责市环保局) names 市环保局
    assert units_in("包片单位县气象局") == ["县气象局"]
    assert units_in("成员单位工作职责市林业局") == ["市林业局"]
    assert leading_units("由沿线包片单位县文化中心、县气象局负责清理")[0] == ["县文化中心", "县气象局"]
    # a name ending in 单位/部门 with nothing after it, or a descriptor before no body, stays
    assert units_in("县直各单位") == ["县直各单位"]
    assert units_in("白河镇包片单位") is None


def test_a_verb_ends_a_name_in_running_text():
    # 承担…日常工作: 承担 opens the action, no body is named 承担联席会议办公室
    assert leading_units("承担联席会议办公室日常工作")[0] == []


def test_fields_listed_before_one_department_name_a_department_each():
    # category 5: 区生态环境、城乡水务部门 are the two departments; the level goes with each
    assert units_in("区生态环境、城乡水务部门") == ["区生态环境部门", "区城乡水务部门"]
    assert leading_units("环保、农业、林业等部门要开展联合执法") == (["环保部门", "农业部门", "林业部门"], 11)
    assert units_in("县环保、住建部门，各乡镇") == ["县环保部门", "县住建部门", "各乡镇"]
    # category 5: the count of the departments before the 部门 they share
    assert leading_units("交通、公安两部门要联合查处超载车辆") == (["交通部门", "公安部门"], 8)
    assert units_in("市水利、农业农村等三个部门") == ["市水利部门", "市农业农村部门"]
    # category 5: the organ set up to push work on keeps 推进 in its name; a body's 推进 of
    # work is no part of it
    assert leading_units("镇村庄清洁集中推进工作领导小组要定期调度通报") == (["镇村庄清洁集中推进工作领导小组"], 15)
    assert leading_units("县住建局推进工作落实") == (["县住建局"], 4)
    # category 5: Heilongjiang's cities and prefectures (各市地), one collective; some of a
    # level (部分市) names none of them
    assert leading_units("各市地要抓紧建立问题台账") == (["各市地"], 3)
    assert leading_units("部分市就整改工作作发言") == ([], 0)
    # the fields of the departments that oversee others (纪检, 组织, 督查) as well
    assert leading_units("督查、纪检、组织部门要加强跟踪问效") == (["督查部门", "纪检部门", "组织部门"], 10)
    # the level of each county (各县（市、区）) goes with each field too, and such a list may
    # follow other names
    assert units_in("各县（市、区）市政、工商等部门") == ["各县（市、区）市政部门", "各县（市、区）工商部门"]
    assert units_in("各乡（镇）人民政府，各县（市、区）市政、住建等部门") == [
        "各乡（镇）人民政府", "各县（市、区）市政部门", "各县（市、区）住建部门"]
    # a field alone keeps its name; what is no field is no department
    assert units_in("环保部门") == ["环保部门"]
    assert units_in("安全、质量部门") is None


def test_streets_with_their_towns_in_parentheses_are_a_collective():
    # category 5: 各街（镇） — the sub-districts and the towns of a district
    assert units_in("各街（镇）") == ["各街（镇）"]
    assert units_in("各街(镇)、区城管局") == ["各街(镇)", "区城管局"]
    assert leading_units("各街（镇）要与职能部门对接")[0] == ["各街（镇）"]


def test_a_bracket_opening_a_list_of_roles_is_no_part_of_a_name():
    # [市水务局牵头，…]: some pages open the parenthesis of roles with a square bracket
    assert leading_units("[县水利局牵头，县农业局配合")[0] == ["县水利局"]
    assert leading_units("〔县水利局牵头，县农业局配合")[0] == ["县水利局"]
    assert units_in("［县水利局") == ["县水利局"]


def test_words_opening_with_ben_name_no_body_but_benxi_is_a_place():
    # 本通告所称…: the document's own words, no body named 本通告所
    assert units_in("本通告所") == []
    assert units_in("本溪市、辽阳市") == ["本溪市", "辽阳市"]


def test_a_parenthesis_left_open_ends_no_name():
    # 各村（社 of 各村（社区）提前…: 社 is an organ suffix, but inside an open parenthesis
    assert leading_units("各村（社区）提前掌握秸秆存量")[0] == ["各村（社区）"]
    assert units_in("县农业农村局（县畜牧兽医中心）、各村（社区）") == ["县农业农村局（县畜牧兽医中心）", "各村（社区）"]


@pytest.mark.parametrize("region, expected", [
    # a party committee and the government of one place, named as a pair: one addressee
    ("各县（市、区）党委和人民政府，松岭示范区党工委和管委会", ["各县（市、区）党委和人民政府", "松岭示范区党工委和管委会"]),
    # ... with 、 between them too; a party committee beside a body with a place of its own: two
    ("各乡镇党委、政府，青禾新区党工委、管委会", ["各乡镇党委、政府", "青禾新区党工委、管委会"]),
    ("县委、县政府", ["县委", "县政府"]),
    # the office both run together (the "两办"'s督查室, 信访局): one name
    ("县委、县政府督查室，区委、区人民政府信访局", ["县委、县政府督查室", "区委、区人民政府信访局"]),
    # ... not where the government is another place's
    ("市委、县政府督查室", ["市委", "县政府督查室"]),
    # a level's departments of every trade, and those of a 兵团 division-city
    ("县级各行业部门、师市有关部门", ["县级各行业部门", "师市有关部门"]),
    # two bodies, each with its place: two
    ("县环保局和县住建局", ["县环保局", "县住建局"]),
    # 城乡 is a word, not a township: the zone's name is whole
    ("城乡一体化示范区、青禾新区", ["城乡一体化示范区", "青禾新区"]),
])
def test_pairs_and_zones_in_a_list(region, expected):
    assert units_in(region) == expected


def test_words_glued_to_a_collective_make_no_name():
    # a heading's words before 各 (its space lost) are no place: the collective alone is a unit
    assert not is_unit("紧急通知各乡镇")
    assert is_unit("各乡镇")
    # a place before 各, or a place name holding 各, is a name
    assert is_unit("县各乡镇")
    assert is_unit("大王各庄镇")


def test_common_words_ending_in_xiang_are_no_places():
    assert not is_unit("城乡")
    assert not is_unit("家乡")
    assert is_unit("青石乡")
    # a county's name run into 城乡 (青石县城乡人居环境…) is no township; a township named so is
    assert not is_unit("青石县城乡")
    assert is_unit("古城乡")
    assert is_unit("青石县古城乡")


def test_a_village_named_in_a_list_of_addressees_is_a_unit_a_word_ending_in_cun_is_not():
    assert units_in("金元村、石宝沟村") == ["金元村", "石宝沟村"]
    for word in ("农村", "乡村", "城中村", "行政村", "自然村", "示范村", "贫困村", "全村", "该村", "美丽乡村"):
        assert not is_unit(word), word
    assert _task_units("会议要求，金元村、石宝沟村要完成河道打捞工作。") == [
        ("要完成河道打捞工作", [("金元村", "responsible"), ("石宝沟村", "responsible")])]


def test_a_templates_placeholder_names_a_place():
    # a plan shared as a template keeps XX for its places, a space before the level word
    assert units_in("县城管局、县卫计委、XX 镇") == ["县城管局", "县卫计委", "XX 镇"]
    assert units_in("××县人民政府、XX镇") == ["××县人民政府", "XX镇"]
    assert not is_unit("XX")


def test_jing_opens_the_short_names_of_economic_bodies_not_only_a_clause():
    assert units_in("经发局、经贸局、经侦大队、经管站") == ["经发局", "经贸局", "经侦大队", "经管站"]
    assert units_in("经县政府") == ["县政府"], "经 before a place leads a clause (经县政府同意)"


@pytest.mark.parametrize("zone", ["城市棚户区", "老旧小区", "全县辖区", "中心城区", "城市建成区", "高污染燃料禁燃区", "青山自然保护区",
                                  "核心控制区", "大气污染管控区", "旧区"])
def test_a_zone_or_area_ending_in_qu_is_no_place(zone):
    # what a task works on (改造城市棚户区100万平方米), not who does it
    assert not is_unit(zone) and units_in(zone) is None


def test_a_county_whose_name_holds_quan_before_its_level_is_a_place():
    # 全县 is the whole county, but one character before it makes a county's name
    assert units_in("青全县、雅州市青全县") == ["青全县", "雅州市青全县"]
    assert units_in("推动全县") is None and units_in("在全县") is None and units_in("全县") == []


def test_a_district_whose_name_ends_like_a_zone_is_still_a_place():
    assert units_in("东城区") == ["东城区"] and units_in("青禾区、云溪区") == ["青禾区", "云溪区"]


def test_a_zone_named_as_the_subject_of_a_measure_is_no_addressee():
    # a scheme's zones (核心控制区内的秸秆要…) and a town's old quarter (旧区要…) are where
    # the work is done, no body that does it
    from minutes.models import Document
    from minutes.nlp.components.tasks import tasks_of

    tasks = tasks_of(Document("t", "txt", blocks=["会议要求，核心控制区要在三日内清运秸秆；旧区要结合道路改造铺设管网。"]))
    assert [(t.text, t.units) for t in tasks] == [("要在三日内清运秸秆", []), ("要结合道路改造铺设管网", [])]


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        # the people who act for the bodies named: the bodies are the addressees
        ("各县（市、区）主要领导", ["各县（市、区）"]),
        ("白河县住建局主要负责同志", ["白河县住建局"]),
        ("各乡镇的分管领导", ["各乡镇"]),
        ("各乡镇党政主要负责人", ["各乡镇"]),
        # leaders without 主要/分管 are no body's head
        ("县领导", None),
        # a body's head after its name, and who answers for a body in a parenthesis
        ("县环保局局长李明、县水利局", ["县环保局", "县水利局"]),
        ("县生态环境局（王建华）", ["县生态环境局"]),
        ("县水利局（责任人：刘海洋）", ["县水利局"]),
        # a parenthesis giving the body's other name stays part of it
        ("区住建局（区人防办）", ["区住建局（区人防办）"]),
    ],
)
def test_the_people_named_with_a_body(region, expected):
    assert units_in(region) == expected


def test_a_table_cell_of_units_passes_over_the_leaders_named_beside_them():
    assert units_in("张建国 白河县自然资源局", persons=True) == ["白河县自然资源局"]
    assert units_in("副县长王晓明、白河县林业局", persons=True) == ["白河县林业局"]
    assert units_in("陈刚（县委常委） 白河县生态环境局", persons=True) == ["白河县生态环境局"]
    assert units_in("王晓明", persons=True) is None  # persons alone are no addressees
    # in running text a list naming a person is no list of addressees
    assert units_in("副县长王晓明、白河县林业局") is None


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        # the 兵团's divisions and their regiments, Xinjiang's prefectures: one collective
        ("各师市、团场", ["各师市、团场"]),
        ("各地、州、市人民政府", ["各地、州、市人民政府"]),
        ("各地、州、市生态环境局、兵团生态环境局", ["各地、州、市生态环境局", "兵团生态环境局"]),
        # 各地 before another collective stays vague
        ("各地、各部门", []),
    ],
)
def test_levels_of_xinjiang_and_the_bingtuan_sharing_one_ge(region, expected):
    assert units_in(region) == expected


def test_a_parenthesis_of_a_kind_is_no_person_though_it_opens_with_a_surname():
    assert units_in("各县、区人民政府（管委会）") == ["各县、区人民政府（管委会）"]
    assert units_in("县生态环境局（单位）") == ["县生态环境局（单位）"]


def test_kinds_listed_before_one_unit_word_name_the_bodies_of_each_kind():
    assert units_in("各建设、施工、监理单位") == ["各建设单位", "各施工单位", "各监理单位"]
    assert leading_units("施工、监理等单位要落实扬尘防控") == (["施工单位", "监理单位"], 8)
    # the supervising departments are as vague as the competent ones
    assert units_in("各监管部门") == [] and units_in("各行业监管部门") == []


def test_a_bare_level_after_related_is_vague():
    # 请相关省和…: the provinces concerned, named by no name
    assert units_in("相关省") == [] and units_in("有关县") == []
    assert leading_units("相关市要加强巡查") == ([], 0)


def test_places_listed_before_one_bureau_of_a_field_name_a_bureau_each():
    # an addressee line naming the provinces (or a city's counties) before the one bureau
    # they share: the bureau of each, the city before the first going with each
    assert units_in("甲省、乙省、丙省生态环境厅，兵团生态环境局") == [
        "甲省生态环境厅", "乙省生态环境厅", "丙省生态环境厅", "兵团生态环境局"]
    assert units_in("青禾市东坪、西岭、南塘生态环境局") == [
        "青禾市东坪生态环境局", "青禾市西岭生态环境局", "青禾市南塘生态环境局"]
    assert leading_units("甲县、乙县住建局要加强巡查") == (["甲县住建局", "乙县住建局"], 8)
    # a collective first is no place: the townships, then the county's bureau
    assert units_in("各乡镇、县生态环境局") == ["各乡镇", "县生态环境局"]


def test_a_list_closed_by_the_kind_of_member_units_it_names():
    # 县X局、县Y局等成员单位 / 等县直部门: the bodies listed, the kind after 等 dropped
    assert units_in("县水利局、县林业局等成员单位") == ["县水利局", "县林业局"]
    assert units_in("县水利局、县林业局等河长制成员单位") == ["县水利局", "县林业局"]
    assert units_in("县水利局、县林业局等县直部门") == ["县水利局", "县林业局"]


def test_a_collective_whose_levels_stand_in_parentheses_is_a_unit():
    # 各地（州、市）: the prefectures and cities, its first level word (地) ending no name
    assert is_unit("各地（州、市）")
    assert is_unit("各师（市）")
    assert not is_unit("各地（含园区）")  # a parenthesis that names no levels
    tasks = tasks_of(Document("t", "txt", blocks=["会议要求，各地（州、市）要按照统一部署，尽快成立专班。"]))
    assert [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks] == [
        ("要按照统一部署，尽快成立专班", [("各地（州、市）", "responsible")])]


def test_the_corps_named_bare_is_a_unit_like_the_region():
    # 兵团 stands where 自治区 does: an addressee, an organizer
    assert units_in("兵团、自治区") == ["兵团", "自治区"]
    assert units_in("新疆生产建设兵团") == ["新疆生产建设兵团"]
    assert not units_in("兵团精神")


def test_a_prefecture_level_shares_its_collective_with_the_levels_after_it():
    # 各州、市、县（市）人民政府: the governments of each prefecture, city and county
    assert units_in("各州、市、县（市）人民政府") == ["各州、市、县（市）人民政府"]
    assert units_in("各州、市生态环境局，某某市水利局") == ["各州、市生态环境局", "某某市水利局"]


def test_a_place_with_its_other_name_in_parentheses_is_one_unit():
    # a city of the 兵团 named with its division (某某市（第九师）), as 市商务局（市口岸办）
    assert units_in("某某市（第九师）、某某州") == ["某某市（第九师）", "某某州"]
    assert is_unit("某某市（第九师）")
    assert not is_unit("某某市（含园区）")  # what the parenthesis holds is no name


def test_a_collective_within_the_corps_is_a_unit():
    # 兵团各师市、团场: the Corps' divisions and regiments, named within it
    assert units_in("兵团各师市、团场") == ["兵团各师市、团场"]
    assert units_in("兵团各部门") == []  # as vague as 各部门, as 某某市各部门 is


def test_the_townships_and_farms_with_the_town_level_in_parentheses_are_a_unit():
    # 各乡（镇）场 = 各乡镇场: the townships, towns and state farms of a county
    assert units_in("各乡（镇）场、县直各部门") == ["各乡（镇）场", "县直各部门"]


def _task_units(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    tasks = tasks_of(Document("t", "txt", blocks=text.split("\n")))
    return [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks]


def test_a_bureaus_own_bodies_are_a_collective():
    # 局属各单位 / 委直属单位: the bodies under a bureau, named by whose they are
    assert is_unit("局属各单位")
    assert is_unit("委直属各单位")
    assert not is_unit("各单位")
    # a numbered point opens with a heading sentence, then its addressees and their work
    assert _task_units("关于做好护林工作的通知\n二、压实巡护责任。各镇、局属各单位要加密巡护频次，建立两级值守制度。") == [
        ("要加密巡护频次，建立两级值守制度", [("各镇", "responsible"), ("局属各单位", "responsible")])]


def test_the_bodies_directly_under_a_government_are_a_collective():
    # 省政府直属各单位 / 市政府直属有关单位: a notice's addressees, named by whose they are
    assert units_in("各县（市、区）人民政府，市政府直属各单位") == ["各县（市、区）人民政府", "市政府直属各单位"]
    assert is_unit("县政府直属有关单位")
    assert _task_units("各县（市、区）人民政府，市政府直属各单位：\n现将《青禾市扬尘治理方案》印发给你们，请于6月底前报送落实情况。") == [
        ("请于6月底前报送落实情况", [("各县（市、区）人民政府", "responsible"), ("市政府直属各单位", "responsible")])]


def test_the_bodies_each_directly_under_a_government_or_managed_by_a_level_are_a_collective():
    # 市政府各直属单位 (各 before 直属), 省政府各直属机构, 市管单位 (the bodies a level manages)
    # and a province's 驻X中直有关部门 (the central bodies stationed there): addressees by kind
    assert units_in("各县（市）区人民政府，市政府各直属单位") == ["各县（市）区人民政府", "市政府各直属单位"]
    assert is_unit("省政府各直属机构") and is_unit("县管单位") and is_unit("驻青中直有关部门")
    assert not is_unit("直属机构")
    assert _task_units("各乡镇人民政府，县政府各直属单位，县管单位，驻青中直有关部门：\n现将《青禾县扬尘治理方案》印发给你们，请于6月底前报送落实情况。") == [
        ("请于6月底前报送落实情况", [("各乡镇人民政府", "responsible"), ("县政府各直属单位", "responsible"),
                     ("县管单位", "responsible"), ("驻青中直有关部门", "responsible")])]


def test_fields_listed_before_their_functional_departments_name_a_department_each():
    # 市城管执法、公安等相关职能部门: 职能 between the list and 部门 changes nothing
    assert units_in("市城管执法、公安等相关职能部门") == ["市城管执法部门", "市公安部门"]
    assert _task_units("关于做好护林工作的通知\n市城管执法、交通运输等相关职能部门要各司其职，形成合力。") == [
        ("要各司其职，形成合力", [("市城管执法部门", "responsible"), ("市交通运输部门", "responsible")])]


def test_villages_listed_after_the_towns_are_addressees():
    # 村（社区） and 社区 stand in a list of addressees after the bodies above them
    assert leading_units("各乡（镇）人民政府、街道办事处、村（社区）要张贴告示")[0] == [
        "各乡（镇）人民政府", "街道办事处", "村（社区）"]
    assert _task_units("关于做好护林工作的通知\n各镇人民政府、社区要张贴护林告示，做到人人知晓。") == [
        ("要张贴护林告示，做到人人知晓", [("各镇人民政府", "responsible"), ("社区", "responsible")])]


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        # the head of each body acts for it (各乡镇“一把手”要…): the bodies are the units
        ("各街道、县直部门“一把手”", ["各街道", "县直部门"]),
        ("县水利局一把手", ["县水利局"]),
        # … and so do its heads named without their rank (县林业局负责人, 各村负责同志)
        ("各街道、县直有关部门负责人", ["各街道", "县直有关部门"]),
        ("县林业局负责同志", ["县林业局"]),
        # 特别是 / 尤其是 single out an addressee; they are no part of its name
        ("特别是县城管局", ["县城管局"]),
        ("尤其是县交通局", ["县交通局"]),
        # 各个部门 and 各个职能部门 are as vague as 各部门
        ("各个职能部门", []),
        ("各个部门", []),
    ],
)
def test_heads_emphasis_and_each_of_the_departments(region, expected):
    assert units_in(region) == expected


@pytest.mark.parametrize("text", ["提升镇区污水处理厂", "加强乡村垃圾转运站", "推进园区监测站"])
def test_a_name_never_opens_with_an_action_word(text):
    # the work and what it is about (提升镇区污水处理厂运行水平), not a body named 提升镇…
    assert not is_unit(text)
    assert not is_unit(text, in_list=False)


def test_a_bureau_named_by_a_word_an_action_word_opens_is_still_one():
    assert is_unit("组织部")
    assert is_unit("青禾县镇区污水处理厂", in_list=False)


@pytest.mark.parametrize(("name", "unit"), [
    # a facility a plan's item is to build ends as a unit does, but no body acts
    ("建设园区污水处理厂", False), ("新建城镇污水处理站", False), ("扩建垃圾转运站", False),
    # the verb as a department's field, or a place named so, still opens a name
    ("建设局", True), ("建设单位", True), ("新建区人民政府", True),
    # a verb of using a facility opens the means of the work
    ("采用分散式污水处理站", False), ("依托村综合服务站", False),
    # a spot of a site a measure treats ends with 处, as an office does
    ("破土处", False), ("工地出入口处", False), ("县城管执法局市容管理处", True),
])
def test_a_name_opening_with_a_verb_of_building_is_a_facility(name, unit):
    assert is_unit(name) is unit


def test_spots_of_a_site_are_no_addressees_of_the_measure_they_hold():
    # 场地要A，破土处要B: the measure of an item, parts on the spots of a site, no units
    assert _task_units("3、拆除工地防尘。作业场地要围挡，破土处要洒水压实，出入口处要设置冲洗设施。") == [
        ("拆除工地防尘。作业场地要围挡，破土处要洒水压实，出入口处要设置冲洗设施", [])]


def test_an_item_building_a_facility_is_a_measure_with_the_units_of_its_line():
    assert _task_units("（2）建设园区污水处理厂。到2026年，园区污水全部收集处理。\n责任单位：县住建局") == [
        ("建设园区污水处理厂。到2026年，园区污水全部收集处理", [("县住建局", "responsible")])]


def test_a_joint_office_in_running_text_is_one_unit():
    # 县委、县政府督查室 amid a list of addressees: the office of both organs, not 县委 and
    # the government's office
    assert [name for name, _, _ in orgs("会议要求，县环保局、县委、县政府督查室、县纪委监委要开展联合督查。")] == [
        "县环保局", "县委、县政府督查室", "县纪委监委"]
    # the government of another place: two bodies; the committee and the government alone: two
    assert [name for name, _, _ in orgs("市委、县政府督查室要加强巡查，县委、县政府要加强领导。")] == [
        "市委", "县政府督查室", "县委", "县政府"]


def _starts_of_clauses(text: str):
    """Each stretch of ``text`` from a clause's start to its sentence's end."""
    for sentence in re.split("[。；！？\n]", text):
        for at in [0, *(m.end() for m in re.finditer("[，,：:、]", sentence))]:
            if sentence[at:].strip():
                yield sentence[at:]


OWN = ["县环保局、县住建局负责扬尘巡查", "各乡镇各类企业负责落实", "县环保局和本辖区企业负责整改",
       "县环保局按职责分工 于3月底前报送", "各区县、开发区管委会于10月10日前报送方案", "市公安局牵头，市交通局配合",
       "县水务局会同县财政局制定方案", "其他乡镇于6月底前完成", "城管、交警负责渣土车管控", "县住建局要牵头开展检查",
       "县生态环境局（王某）负责巡查", "甲县、乙县生态环境局于5日前上报", "环保、农业等部门负责督导"]


@pytest.mark.parametrize("then", ["role_or_partner", "time"])
def test_a_list_is_said_not_to_end_before_a_word_only_where_none_does(then):
    # (the readers ask this before reading a list followed by a role word or a time limit:
    # whatever list leading_units reads must be let through)
    from minutes.nlp.components.roles import rules as role_rules
    from minutes.nlp.components.tasks import TIME_START
    from minutes.nlp.normalize import normalize
    from minutes.readers import read

    follows = role_rules().role_or_partner if then == "role_or_partner" else TIME_START
    corpus = sorted(SHARED.glob("corpus/*/*.txt"))
    assert corpus, "the shared corpora are beside the checkout"
    texts = [*OWN, *(part for path in corpus for part in _starts_of_clauses(normalize(read(path)).text))]
    ends = 0
    for text in texts:
        units, end = leading_units(text)
        if units and follows.match(text, end):
            ends += 1
            assert may_end_a_list(text, follows), text
    assert ends >= 5  # (the test reads lists that do end so)
    if then == "role_or_partner":
        assert not may_end_a_list("要加强巡查，确保落实到位", follows)  # no name before 落实
