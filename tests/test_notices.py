"""Notices and circulars that assign work (nlp/components/tasks.py): the sentences of a
通知/函 that hand work to its addressees, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from minutes.models import Document
from minutes.nlp.components.tasks import tasks_of

ANCHOR = date(2025, 3, 10)


def run(*blocks, anchor=ANCHOR):
    tasks = tasks_of(Document("t", "txt", blocks=list(blocks)), anchor=anchor)
    return [(t.text, [(u.name, u.role) for u in t.units], t.deadline and (t.deadline.kind, t.deadline.date))
            for t in tasks]


def test_a_time_limit_standing_alone_then_the_units_that_hand_the_report_in():
    # category 4: 每年1月10日前，X将…报送Y — the limit opens the sentence, the units after it
    # hand the deliverable in, however long their name
    assert run("每年1月10日前，各县（市、区）河长制办公室将上年度工作总结报送青禾市河长办。") == [
        ("每年1月10日前，各县（市、区）河长制办公室将上年度工作总结报送青禾市河长办",
         [("各县（市、区）河长制办公室", "responsible")], ("recurring", date(2026, 1, 10)))]
    # a limit by a day, and a second limit with its own deliverable for the same units
    assert run("12月底前，各乡镇将禁燃区划定情况报青禾县环保局，次年4月15日前报送工作总结。") == [
        ("12月底前，各乡镇将禁燃区划定情况报青禾县环保局", [("各乡镇", "responsible")], ("by", date(2025, 12, 31))),
        ("次年4月15日前报送工作总结", [("各乡镇", "responsible")], ("by", date(2026, 4, 15))),
    ]


def test_a_recurring_report_after_the_month_it_starts_from():
    # category 7: 自…起， opens the span the reports are due in; 每单月 are the odd months
    assert run("自2025年1月起，每单月10日前将进展情况表报送青禾县河长办。") == [
        ("每单月10日前将进展情况表报送青禾县河长办", [], ("recurring", date(2025, 3, 10)))]


def test_work_that_was_due_then_reported_on_assigns_nothing():
    # 应…完成的 names the work that was due; the sentence reports how far it has got
    assert run("应于6月底前完成的42家企业治理项目，目前已完成17家，整体进度偏慢。") == []
    assert run("按要求应整改的问题中，已办结12个。") == []
    # a directive naming a thing by what it is (…的地段) stays one
    assert run("要对河道周边经常偷倒垃圾的地段重点监控，对已封堵的排污口重点巡查。") == [
        ("要对河道周边经常偷倒垃圾的地段重点监控，对已封堵的排污口重点巡查", [], None)]


def test_a_limit_reported_as_met_assigns_nothing():
    assert run("12月底前，各乡镇已将禁燃区划定情况报青禾县环保局。") == []


def test_a_report_named_in_a_title_is_no_handing_in():
    # 《政府工作报告》 after a limit standing alone is what the work is about, nothing handed in
    assert run("年底前，围绕《青禾县政府工作报告》确定的重点工作，开展综合督查。") == []


def test_a_bare_addressee_urged_by_a_please():
    # category 4: 请 + people the recognizer knows as no units + 务必/必须: the 请 asks them
    assert run("请镇村两级河长务必引起高度重视。") == [("请镇村两级河长务必引起高度重视", [], None)]
    # a bare 请 with nothing urged or timed stays no task
    assert run("请镇村两级河长知悉。") == []


def test_a_please_asking_for_something_handed_in_by_a_limit_however_far_into_its_clause():
    # category 4: 请 with no addressee, the work, then a limit (recurring too) and what is handed in
    assert run("禁烧期间，请按时将各村巡查记录整理成册，按要求填写日报表，于每日上午10时前报县禁烧办。") == [
        ("请按时将各村巡查记录整理成册，按要求填写日报表，于每日上午10时前报县禁烧办", [], ("recurring", date(2025, 3, 10)))]
    # a limit with nothing handed in after it asks for nothing so far from the 请
    assert run("禁烧期间，请认真组织各村开展拉网式巡查，做好值守记录，每日上午10时前完成。") == []


def test_the_lines_of_a_schedule_giving_a_day_and_the_place_visited_are_no_tasks():
    assert run("关于开展河道清淤第二轮检查的通知", "各乡镇：", "现将第二轮检查安排如下：", "一、时间安排",
               "5月6日 东坪镇", "5月9日至10日 北关街道", "二、工作要求", "各乡镇要做好迎检准备。") == [
        ("要做好迎检准备", [("各乡镇", "responsible")], None)]


def test_work_opening_a_clause_by_a_dated_limit_is_a_task_before_the_directive_after_it():
    # 11月底前完成A，不能按期完成的，各县应于…申请延期: the work, then what to do if it is late
    assert run("三、11月底前完成河道清淤，确有困难不能按期完成的，各乡镇应于10月底前书面申请延期。") == [
        ("11月底前完成河道清淤", [], ("by", date(2025, 11, 30))),
        ("应于10月底前书面申请延期", [("各乡镇", "responsible")], ("by", date(2025, 10, 31)))]
    # work due that names the cases is none
    assert run("8月底前完成的清淤项目，要及时组织验收。") == [("要及时组织验收", [], None)]


def test_a_directive_applying_after_an_event():
    # category 4: …后都要… — the time the directive applies from is no subject
    assert run("每次巡河结束后都要将巡河记录报送青禾镇河长办。") == [
        ("要将巡河记录报送青禾镇河长办", [], None)]
    # the units before the event are the subject
    assert run("青禾县环保局接到通知后要立即组织核查。") == [
        ("要立即组织核查", [("青禾县环保局", "responsible")], ("asap", None))]


def test_a_report_time_field_line_limits_the_item_it_stands_in():
    # category 4: 报送时间：… under a numbered item gives the item's task its time limit
    assert run("二、报送要求", "报送时间：2025年4月10日前。", "报送方式：纸质版报青禾县大气办，电子版发送至邮箱。") == [
        ("报送方式：纸质版报青禾县大气办，电子版发送至邮箱", [], ("by", date(2025, 4, 10)))]


def test_the_issuer_signing_under_the_last_requirement_is_none_of_its_units():
    # category 4: a notice closing with numbered requirements, then its issuer and date
    signed = ("二、工作要求", "1.建立问题台账，实行销号管理。", "2.加强执法检查。", "青禾市生态环境局", "青禾市发展改革委",
              "", "2025年3月10日")
    assert run(*signed) == [("建立问题台账，实行销号管理", [], None), ("加强执法检查", [], None)]
    # a unit line that closes a measure, no date under it, still gives the measure its units
    assert run("二、工作要求", "1.加强执法检查。青禾县环保局")[0][1] == [("青禾县环保局", "responsible")]


def test_what_an_inspection_looks_at_is_no_task():
    # category 3: the items under 检查重点 / 督查内容 are what inspectors look at
    assert run("一、检查重点", "1.企业治污设施运行情况。", "2.台账记录情况。", "二、工作要求", "1.加强执法检查。") == [
        ("加强执法检查", [], None)]


def test_a_limit_counted_from_an_event_then_the_units_that_report():
    # category 7: 收到通知后5个工作日内 counts from the notice's own day (a Monday here)
    assert run("收到通知后5个工作日内，各乡镇将联络员名单报青禾县禁烧办。") == [
        ("收到通知后5个工作日内，各乡镇将联络员名单报青禾县禁烧办", [("各乡镇", "responsible")],
         ("by", date(2025, 3, 17)))]


def test_limits_counted_from_the_day_of_a_notice_dated_only_by_its_year():
    # category 7: a notice whose only date is the year in its title dates 10月10日前 in that
    # year, but not what counts from its unknown day (每月5日前, 5个工作日内)
    from minutes.nlp.pipeline import extract
    from minutes.nlp.normalize import normalize

    document = normalize(Document("t", "txt", title="关于做好2023年秋季秸秆禁烧工作的通知", blocks=[
        "关于做好2023年秋季秸秆禁烧工作的通知", "各乡镇人民政府：",
        "一、请各乡镇于10月10日前将禁烧工作方案报青禾县环保局。",
        "二、各乡镇要于每月5日前报送上月禁烧情况。",
        "三、收到通知后5个工作日内，各乡镇将联络员名单报青禾县禁烧办。"]))
    assert [(t.deadline.kind, t.deadline.date) for t in extract(document).tasks] == [
        ("by", date(2023, 10, 10)), ("recurring", None), ("by", None)]


def test_a_pronoun_addressee_is_the_notice_addressee():
    # category 4: 请你镇… in a 督办通知 addressed to a township government
    assert run("城关镇人民政府：", "请你镇于5月20日前将整改情况书面回复青禾县大气办。") == [
        ("请你镇于5月20日前将整改情况书面回复青禾县大气办", [("城关镇人民政府", "responsible")],
         ("by", date(2025, 5, 20)))]


def test_requirements_a_transmittal_puts_to_its_addressees_are_theirs():
    # category 4: 现将…印发你们，结合实际提出如下工作要求，望遵照执行。 — each numbered
    # requirement that names no one is the addressees' task; one that names its own units
    # keeps them
    assert run("各区县生态环境局、农业农村局：",
               "现将《青禾省水源地专项行动通知》印发你们，结合实际提出如下工作要求，望遵照执行。",
               "一、2025年4月20日前完成水源地隐患排查，将排查台账报送我局。",
               "二、2025年9月底前完成水源地隐患整治，确有困难的，各县应于8月底前书面申请延期。") == [
        ("2025年4月20日前完成水源地隐患排查，将排查台账报送我局",
         [("各区县生态环境局", "responsible"), ("农业农村局", "responsible")], ("by", date(2025, 4, 20))),
        ("2025年9月底前完成水源地隐患整治",
         [("各区县生态环境局", "responsible"), ("农业农村局", "responsible")], ("by", date(2025, 9, 30))),
        ("应于8月底前书面申请延期", [("各县", "responsible")], ("by", date(2025, 8, 31))),
    ]
    # a notice whose lead puts nothing to them leaves its items' units as they are
    assert run("各县区生态环境局：", "现将有关事项通知如下：", "一、2025年4月20日前完成水源地问题排查工作。")[0][1] == []


def test_a_partner_part_after_a_handed_over_action():
    # category 4: 由X负责…，Y配合 — Y supports
    assert run("由青禾县水利局负责组织清障验收，青禾县应急局配合。")[0][1] == [
        ("青禾县水利局", "responsible"), ("青禾县应急局", "support")]


def test_a_span_counted_from_an_undated_event_has_no_date():
    # category 7: 整改完成后3个工作日内 counts from a day nobody printed; 收到通知后 from the notice's
    assert run("请城关镇于整改完成后3个工作日内将整改情况书面回复青禾县大气办。")[0][2] == ("by", None)
    assert run("请城关镇于收到通知后3个工作日内将整改情况书面回复青禾县大气办。")[0][2] == ("by", date(2025, 3, 13))
    # the meeting a report dates: 会后一周内 counts from the report's own day
    assert run("青禾县水利局要在会后一周内拿出河道清障方案。")[0][2] == ("by", date(2025, 3, 17))


def test_a_subject_listing_the_addressees_with_commas():
    # category 4: the body repeats the addressee line as the subject of a 要
    assert run("各乡镇人民政府，青禾工业园管委会，县政府有关部门，各有关企业要高度重视环保工作。")[0][1] == [
        ("各乡镇人民政府", "responsible"), ("青禾工业园管委会", "responsible"), ("县政府有关部门", "responsible")]
    # a part that is no addressee keeps the subject to the last part
    assert run("会议指出，青禾县环保局要加强巡查。")[0][1] == [("青禾县环保局", "responsible")]


def test_a_vague_addressee_after_a_requiring_verb_is_told_what_to_do():
    # 领导小组要求各责任单位…: the addressee is vague (no units), the action after it is a task
    assert run("青禾县督察整改领导小组要求各责任单位抓紧核实举报线索、边查边改。") == [
        ("要求各责任单位抓紧核实举报线索、边查边改", [], ("asap", None))]
    # an exhortation to awareness alone after the same words is none
    assert run("领导小组要求各有关单位充分认识整改工作的重要性。") == []


def test_an_addressee_pointing_back_to_the_units_its_sentence_named():
    # 由X负责的…、Y负责的…进展滞后，请以上责任单位…: the units named before 请 are addressed
    assert run("二、工作要求", "其中，由桐溪县水利局负责的第2件、桐溪县交通运输局负责的第7件进展滞后，请以上责任单位加快工作节奏。") == [
        ("请以上责任单位加快工作节奏", [("桐溪县水利局", "responsible"), ("桐溪县交通运输局", "responsible")], None)]


def test_the_overall_situation_of_a_progress_circular_assigns_nothing():
    assert run("一、总体情况", "会议确定事项12件，已办结7件；正在办理5件。", "二、工作要求", "请各乡镇加快办理进度。") == [
        ("请各乡镇加快办理进度", [("各乡镇", "responsible")], None)]


def test_a_submission_after_the_standard_it_follows():
    # 按照…要求，X在5日内反馈到Y: the standard followed opens the sentence, the submission is a task
    assert run("按照省督察组的要求，交办件的办理情况在5日内反馈到桐溪市整改办。", anchor=date(2025, 3, 10)) == [
        ("在5日内反馈到桐溪市整改办", [], ("by", date(2025, 3, 15)))]


def test_a_time_limit_alone_in_its_part_then_the_units_in_a_directive_run():
    # 通知要求，X月底前，各县区…；Y月底前，…: each part after its own limit is a task
    assert run("市河长令要求，今年6月底前，各县区完成河道排查；9月底，建立问题台账。") == [
        ("今年6月底前，各县区完成河道排查", [("各县区", "responsible")], ("by", date(2025, 6, 30))),
        ("9月底，建立问题台账", [], ("by", date(2025, 9, 30)))]
    # outside a run, a limit then a report of work is no task
    assert run("今年6月底前，各县区已完成河道排查。") == []


def test_a_notices_older_request_word_before_its_addressees():
    # 希各县区…: as 请, the addressees follow it
    assert run("市里印发紧急通知，希各乡镇按照通知要求迅速组织清运残留秸秆。") == [
        ("希各乡镇按照通知要求迅速组织清运残留秸秆", [("各乡镇", "responsible")], None)]
    # a name holding the character is no request
    assert run("副县长王希明出席会议。") == []
    # category 3: a speaker's 希望 before the bodies it asks, as 希; persons hoped for are none
    assert run("希望各区县、各部门通力合作，按期完成整改任务。") == [
        ("希望各区县、各部门通力合作，按期完成整改任务", [("各区县", "responsible")], None)]
    assert run("希望各位同志再接再厉。") == []


def test_a_rectification_order_to_a_factory_after_the_rule_it_quotes():
    # a 决定书 quotes the rule it applies ("…应当责令当事人改正…") and orders 责令你厂… after it:
    # the quoted 应当 is no directive, the order is, and the factory it opens with does it
    assert run(
        "青禾县生态环境局",
        "责令改正违法行为决定书",
        "禾山镇丰收饲料加工厂：",
        "你厂未配套建设除尘设施即投入生产。",
        "依据《某某条例》第十条：“主管部门开展检查时，应当责令当事人限期改正”之规定，现责令你厂立即停止生产，"
        "并于收到本决定书之日起30日内完成除尘设施建设。",
    ) == [("责令你厂立即停止生产，并于收到本决定书之日起30日内完成除尘设施建设",
           [("禾山镇丰收饲料加工厂", "responsible")], ("by", date(2025, 4, 9)))]



def test_the_addressee_line_after_a_sites_greeting():
    # a page's greeting (…欢迎光临…！) ends no sentence of the notice: the addressee line after
    # it still names whom 请你们… asks
    from minutes.nlp.normalize import normalize
    from minutes.nlp.pipeline import extract

    document = normalize(Document("t", "txt", blocks=["您好，欢迎访问青禾市政务网！", "青禾市东坪、西岭生态环境局：",
                                                      "请你们督促企业尽快落实整改。"]))
    assert [(t.text, [u.name for u in t.units]) for t in extract(document).tasks] == [
        ("请你们督促企业尽快落实整改", ["青禾市东坪生态环境局", "青禾市西岭生态环境局"])]


def test_a_circulars_title_naming_a_period_is_no_submission():
    # …于2025年第一季度…的通报: 通报 circulates, it hands nothing in (a submission is 于…前报…)
    assert run("关于2025年第一季度环境问题整改情况的通报", "各镇（街道）：", "一、总体情况",
               "截至3月底，共交办问题45个，已整改38个。") == []
    assert run("各镇于4月10日前将整改情况报县环委办。") == [
        ("于4月10日前将整改情况报县环委办", [("各镇", "responsible")], ("by", date(2025, 4, 10)))]


def test_a_handover_forms_requirement_line_is_its_task_for_the_unit_it_names():
    # a 交办单: 责任单位, 问题描述, 办理要求 — the requirement is the task, of the unit the
    # form names (请你单位…), the problem is none
    assert run("扬尘问题交办单", "责任单位：青溪镇人民政府", "问题描述：群众反映某搅拌站夜间粉尘污染。",
               "办理要求：请你单位立即组织核查，于4月20日前将办理结果反馈县生态环境局。") == [
        ("请你单位立即组织核查，于4月20日前将办理结果反馈县生态环境局", [("青溪镇人民政府", "responsible")],
         ("by", date(2025, 4, 20)))]


def test_the_problems_a_rectification_notice_lists_are_due_by_its_limit():
    # a notice orders the problems it lists fixed by a date, then lists them under a heading
    # of their own: each problem without a limit of its own is due by that date
    blocks = ["东湖街道办事处、区城管局：",
              "检查发现以下问题，请各事涉部门于4月15日前将问题整改完成，整改情况报区督查室。",
              "存在问题：",
              "1.东湖路北段绿化带内堆放建筑垃圾。（责任单位：东湖街道）",
              "2.市场东门路面破损积水，3月31日前修复。（责任单位：区城管局）"]
    assert run(*blocks) == [
        ("请各事涉部门于4月15日前将问题整改完成，整改情况报区督查室", [], ("by", date(2025, 4, 15))),
        ("东湖路北段绿化带内堆放建筑垃圾", [("东湖街道", "responsible")], ("by", date(2025, 4, 15))),
        ("市场东门路面破损积水，3月31日前修复", [("区城管局", "responsible")], ("by", date(2025, 3, 31)))]
    # a list of problems no directive orders fixed by a date keeps its items without one
    assert run(*blocks[:1], "检查发现以下问题，请各事涉部门抓紧整改。", *blocks[2:])[1][2] is None


def test_a_second_limit_for_finishing_the_same_rectification_is_one_task():
    # 立即整改，并于…前整改完成: the second limit only says when the first work is done — one
    # task, by that day; a second limit with a deliverable of its own stays a task of its own
    assert run("请你单位对检查发现的问题立即进行整改，并于4月15日前将问题整改完成。") == [
        ("请你单位对检查发现的问题立即进行整改，并于4月15日前将问题整改完成", [], ("by", date(2025, 4, 15)))]
    assert run("请你单位立即组织整改，并于4月15日前报送整改方案。") == [
        ("请你单位立即组织整改", [], ("asap", None)),
        ("于4月15日前报送整改方案", [], ("by", date(2025, 4, 15)))]


def test_a_second_report_handed_in_by_a_limit_of_its_own_is_a_task_of_its_own():
    # 将A报送…，并于…前将B报送…: two deliverables, the first with no limit (or one set by an
    # event: 在行动结束后5日内)
    assert run("请各乡镇将巡查情况报送县大气办，并于4月15日前将工作总结报送县大气办。") == [
        ("请各乡镇将巡查情况报送县大气办", [("各乡镇", "responsible")], None),
        ("于4月15日前将工作总结报送县大气办", [("各乡镇", "responsible")], ("by", date(2025, 4, 15)))]
    assert [task[0] for task in run("请各乡镇每周将巡查情况报送县大气办，并在行动结束后5日内将工作总结报送县大气办。")] == [
        "请各乡镇每周将巡查情况报送县大气办", "在行动结束后5日内将工作总结报送县大气办"]
    # a copy to another office is the same report
    assert len(run("请各乡镇将巡查情况报送县大气办，并抄送县环保局。")) == 1


def test_the_rules_a_public_notice_states_are_no_tasks():
    # a ban on anyone, what a word means, the penalties and the day it takes effect state
    # rules; the duties it hands to units are its tasks
    assert run(
        "为保护大气环境，现将有关事项通告如下：",
        "一、本镇辖区内禁止任何单位和个人露天焚烧垃圾。",
        "二、本通告所称垃圾，是指生活垃圾、建筑垃圾及园林废弃物。",
        "三、各村委会负责本村的巡查劝导工作。",
        "四、对巡查不力的村，给予通报批评。",
        "五、拒不改正的，由镇综合执法队依法予以处罚。本通告自发布之日起施行。",
    ) == [("负责本村的巡查劝导工作", [("各村委会", "responsible")], None)]


def test_the_findings_and_the_appeal_of_an_administrative_decision_are_no_tasks():
    assert run(
        "青禾县生态环境局责令改正违法行为决定书",
        "一、环境违法事实和证据",
        "2024年3月5日我局执法人员对你单位进行现场检查，你单位露天堆放煤渣未采取防尘措施。",
        "二、责令改正的依据、种类及其履行方式和期限",
        "依据有关规定，责令你单位立即采取覆盖措施。",
        "三、申请复议或者提起诉讼的途径和期限",
        "如对本决定不服，可以在接到本决定书之日起六十日内申请行政复议。",
    ) == [("责令你单位立即采取覆盖措施", [], ("asap", None))]


def test_the_party_line_of_a_decision_names_whom_its_order_addresses():
    # the business stands in the parenthesis after its keeper's name, or alone
    for party, firm in (("当事人：李某（青禾县南岸酒楼的经营者）", "青禾县南岸酒楼"),
                        ("当事人：青禾县南岸建材有限公司", "青禾县南岸建材有限公司")):
        assert run(
            "青禾县生态环境局责令改正违法行为决定书",
            party,
            "地址：青禾县南岸路8号",
            "经查，你单位露天堆放建材未采取防尘措施。",
            "依据有关规定，责令你单位立即采取覆盖措施。",
        ) == [("责令你单位立即采取覆盖措施", [(firm, "responsible")], ("asap", None))], party


def test_findings_enumerated_on_the_line_that_announces_them_are_no_tasks():
    # category 4: a letter lists what an inspection found after 存在以下问题：, on the same
    # line as the request that follows them; the findings are no work, the request is
    request = ("请于3月25日前完成整改", [("青禾县住建局", "responsible")], ("by", date(2025, 3, 25)))
    assert run("青禾县住建局：", "经查，存在以下问题：1.城南某工地裸土未覆盖；2.滨河路积尘严重。"
               "请于3月25日前完成整改。") == [request]
    # items closed by 。, a finding of two parts: all of it findings, up to the request
    assert run("青禾县住建局：", "检查发现以下问题：一是城南某工地裸土未覆盖。二是滨河路积尘严重，车辆带泥上路。"
               "请于3月25日前完成整改。") == [request]


def test_a_supervision_forms_undertaking_and_assisting_units():
    # a 督办单's fields: the unit that undertakes the work, those that assist, its time
    from minutes.nlp.normalize import normalize

    document = normalize(Document("t", "txt", title="青禾县大气污染防治督办单", blocks=[
        "督办事项：城区建筑工地扬尘管控不到位", "承办单位：青禾县住建局", "协办单位：青禾县城管局",
        "办理时限：3月20日前", "办理要求：立即组织排查，对问题工地停工整改。"]))
    tasks = tasks_of(document, anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline.date) for t in tasks] == [
        ("立即组织排查，对问题工地停工整改", [("青禾县住建局", "responsible"), ("青禾县城管局", "support")], date(2025, 3, 20))]


def test_a_notice_copied_after_a_reposts_lead_of_several_sentences():
    # the lead sums the plan up in sentences of its own, then 全文如下：; the notice's
    # addressees stand after it
    assert run("日前，青禾市印发《青禾市扬尘治理行动方案》。加快工地扬尘治理。全面落实六个百分之百全文如下：",
               "青禾市人民政府", "关于印发青禾市扬尘治理行动方案的通知",
               "各县（市、区）人民政府，市政府各部门：", "现将《青禾市扬尘治理行动方案》印发给你们，请于6月底前报送落实情况。")[-1] == (
        "请于6月底前报送落实情况", [("各县（市、区）人民政府", "responsible"), ("市政府各部门", "responsible")],
        ("by", date(2025, 6, 30)))


def test_a_notices_sentence_setting_a_dated_limit_on_its_own_action():
    # category 4: a measure's verb (after the standard it follows) then a dated limit on an
    # action inside its own part is a task, as one whose later part sets the limit
    assert run("按照《青禾省排查整治工作要求》，组织重点企业于2025年12月底前开展自查，建立问题台账。") == [
        ("按照《青禾省排查整治工作要求》，组织重点企业于2025年12月底前开展自查，建立问题台账", [],
         ("by", date(2025, 12, 31)))]
    # what was done by a day is no task; nor a row of cells a flattened table ran together
    # (its limit no 于 or 在 opens: read as the table's row)
    assert run("组织专家于2025年3月底前完成了评审。") == []
    assert run("完成散煤清零区发改局年内完成") == []
