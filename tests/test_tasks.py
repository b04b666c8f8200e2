"""Tasks, units and roles (nlp/components/tasks.py), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from minutes.models import Document, Table
from minutes.nlp.components.roles import strip_parenthetical
from minutes.nlp.components.tasks import tasks_of

ANCHOR = date(2025, 3, 10)


def run(*blocks, anchor=ANCHOR):
    tasks = tasks_of(Document("t", "txt", blocks=list(blocks)), anchor=anchor)
    return [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks]


def dated(*blocks, anchor=ANCHOR):
    """``run`` with each task's time limit's date (None for a task without one)."""
    tasks = tasks_of(Document("t", "txt", blocks=list(blocks)), anchor=anchor)
    return [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in tasks]


# ---------------------------------------------------------------- directive clauses

@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # one task per 要-clause, lead-in dropped, closing punctuation dropped
        ("会议要求，要压实河长责任；要加快补齐污水管网短板。",
         [("要压实河长责任", []), ("要加快补齐污水管网短板", [])]),
        # a clause with several verbs and no new 要 stays one task
        ("会议强调，要摸清底数，建立台账，逐项销号。", [("要摸清底数，建立台账，逐项销号", [])]),
        # what is required right after 要求, no one named: the action opens the task
        ("会议还要求严格落实河湖巡查制度，及时清理河道垃圾。", [("严格落实河湖巡查制度，及时清理河道垃圾", [])]),
        ("韩松通报了检查情况，要求以问题为导向，列出问题清单。", [("以问题为导向，列出问题清单", [])]),
        ("会议要求围绕示范河道创建目标，细化工作方案。", [("围绕示范河道创建目标，细化工作方案", [])]),
        # a decision approving a draft, then what is required of it after 要求 (a standard to
        # follow opens it)
        ("会议原则同意《河道保洁办法（送审稿）》，要求根据讨论意见修改完善后印发执行。",
         [("根据讨论意见修改完善后印发执行", [])]),
        ("会议同意该方案，要求按照分工抓紧组织实施。", [("按照分工抓紧组织实施", [])]),
        # an approval, then the unit the follow-up is handed to (由X, no role word)
        ("会议审议了《河道保洁办法（送审稿）》，会议原则同意，由县水务局根据讨论意见修改完善后印发。",
         [("由县水务局根据讨论意见修改完善后印发", [("县水务局", "responsible")])]),
        # ... or a role word closing its part, the follow-up after it, in the role it states
        ("会议原则同意《河道保洁办法》，由县水务局负责，根据讨论意见修改完善后印发。",
         [("由县水务局负责，根据讨论意见修改完善后印发", [("县水务局", "responsible")])]),
        ("原则通过《清淤方案》，由县住建局牵头，按照会议意见抓好落实。",
         [("由县住建局牵头，按照会议意见抓好落实", [("县住建局", "lead")])]),
        # a person handed the work in a run of decisions is a task too, of no unit
        ("会议议定，县水务局要修改完善保洁办法。由韩松同志负责，抓好统筹调度。",
         [("要修改完善保洁办法", [("县水务局", "responsible")]), ("由韩松同志负责，抓好统筹调度", [])]),
        ("会议议定，县水务局要修改完善保洁办法。由韩松同志负责的统筹调度已完成。",
         [("要修改完善保洁办法", [("县水务局", "responsible")])]),
        # ... not work reported as done
        ("会议原则同意，由县水务局牵头已完成的清淤工程验收。", []),
        # ... not a standard followed
        ("按照省里要求加强河湖巡查。", []),
        # in a run of directives, a clause saying what an action is states, it directs nothing
        ("会议强调，加强河湖巡查，是落实河长制的重要举措，既是政治任务，也是民生工程；加快清理河道垃圾。",
         [("加快清理河道垃圾", [])]),
        # a new 要 after a comma is a new task; the addressee carries to it
        # ... up to its ； or 。: a second 要 with no new addressee goes on with it
        ("会议要求，县河长办要发挥牵头作用，积极推动整改，要强化巡河督导。",
         [("要发挥牵头作用，积极推动整改，要强化巡河督导", [("县河长办", "lead")])]),
        # ... and so does one after a connective alone (同时要 / 也要): it names no one
        ("会议要求，各街道要压实网格责任，同时要加密夜间巡查，既要管住工地，也要管住道路。",
         [("要压实网格责任，同时要加密夜间巡查，既要管住工地，也要管住道路", [("各街道", "responsible")])]),
        # the subject before 要 is responsible
        ("会议要求，县林业局要加强林区巡护。", [("要加强林区巡护", [("县林业局", "responsible")])]),
        ("县林业局、县水利局等部门要加强协作。",
         [("要加强协作", [("县林业局", "responsible"), ("县水利局", "responsible")])]),
        # the addressee of 请
        ("请各乡镇人民政府于本月底前报送排查清单。",
         [("请各乡镇人民政府于本月底前报送排查清单", [("各乡镇人民政府", "responsible")])]),
        # 会同 splits lead and support, after 请 and after 要
        ("请县林业局会同县财政局制定补助办法。",
         [("请县林业局会同县财政局制定补助办法", [("县林业局", "lead"), ("县财政局", "support")])]),
        ("县交通局要会同县公安局开展联合检查。",
         [("要会同县公安局开展联合检查", [("县交通局", "lead"), ("县公安局", "support")])]),
        # a directive naming no units whose later part opens with units listed and what they
        # do: they answer for it; a later part with its own 要 is a directive of its own
        ("会议要求，要严查违规排污，依法从重处罚，县环保局、县水利局对整改情况进行复核。",
         [("要严查违规排污，依法从重处罚，县环保局、县水利局对整改情况进行复核",
           [("县环保局", "responsible"), ("县水利局", "responsible")])]),
        ("会议要求，要加强河道巡查，县环保局、县水利局要开展联合执法。",
         [("要加强河道巡查", []), ("要开展联合执法", [("县环保局", "responsible"), ("县水利局", "responsible")])]),
        # 要牵头会同X: the addressees lead, those they work with support
        ("县水务局、县农业农村局要牵头会同县纪委督查室、县财政局建立季度通报制度。",
         [("要牵头会同县纪委督查室、县财政局建立季度通报制度",
           [("县水务局", "lead"), ("县农业农村局", "lead"), ("县纪委督查室", "support"), ("县财政局", "support")])]),
        # a role label before the addressee of 责成 states its role; the others named with it
        # answer for the work
        ("会议听取了进展汇报，责成牵头单位县林业局和各护林小组加强巡山，严防火情。",
         [("责成牵头单位县林业局和各护林小组加强巡山，严防火情",
           [("县林业局", "lead"), ("各护林小组", "responsible")])]),
        # so after 要求
        ("会议要求牵头单位县城管局会同县交通局开展占道经营整治。",
         [("要求牵头单位县城管局会同县交通局开展占道经营整治", [("县城管局", "lead"), ("县交通局", "support")])]),
        # a verb of a measure opening a part is no speaker: the 通报 it ends with is its
        # object, no lead-in (the directive runs on from 要求)
        ("要求县河长办履行协调职责，加强问题督办通报，督促各镇落实整改。",
         [("要求县河长办履行协调职责，加强问题督办通报，督促各镇落实整改", [("县河长办", "responsible")])]),
        # 要牵头 and …配合 inside the clause
        ("县农业农村局要牵头，县供销社、县财政局配合，推进秸秆收储。",
         [("要牵头，县供销社、县财政局配合，推进秸秆收储",
           [("县农业农村局", "lead"), ("县供销社", "support"), ("县财政局", "support")])]),
        # each addressee's 要 naming only its role: the roles of the work that follows, one task
        ("县农业农村局要牵头，县公安局、县供销社要配合，于5月底前完成秸秆收储点排查。",
         [("要牵头，县公安局、县供销社要配合，于5月底前完成秸秆收储点排查",
           [("县农业农村局", "lead"), ("县公安局", "support"), ("县供销社", "support")])]),
        ("县水利局要牵头，县财政局须积极配合，推进河道清淤。",
         [("要牵头，县财政局须积极配合，推进河道清淤",
           [("县水利局", "lead"), ("县财政局", "support")])]),
        ("县住建局要牵头推动工地围挡改造，县城管局配合开展巡查。",
         [("要牵头推动工地围挡改造，县城管局配合开展巡查", [("县住建局", "lead"), ("县城管局", "support")])]),
        # vague addressees: still a task, without units
        ("各地各部门要高度重视，狠抓落实。", [("要高度重视，狠抓落实", [])]),
        # those who act by kind, no unit (companies, persons on duty): a task of no units
        ("渣土运输企业要全部安装卫星定位装置。", [("要全部安装卫星定位装置", [])]),
        ("执法人员要全程佩戴执法记录仪。", [("要全程佩戴执法记录仪", [])]),
        ("要加强与有关部门的沟通。", [("要加强与有关部门的沟通", [])]),
        # a person's lead-in, an adverbial before the subject, inline enumeration
        ("王某某强调，汛期期间，各镇（街道）要严格值班值守。",
         [("要严格值班值守", [("各镇（街道）", "responsible")])]),
        ("会议部署：一是县林业局要开展防火检查；二是县气象局要做好预警。",
         [("要开展防火检查", [("县林业局", "responsible")]), ("要做好预警", [("县气象局", "responsible")])]),
        # in a run opened by a directive lead-in, plain verbs lead tasks too
        ("会议要求，加快推进清洁取暖改造；严格落实网格化监管。",
         [("加快推进清洁取暖改造", []), ("严格落实网格化监管", [])]),
        # ... so do the verbs of drafting, finishing and enforcing (制定, 完成, 查处…) and the
        # adverbs of manner a measure opens with (主动, 及时…)
        ("会议要求，对排查出的散乱污企业，制定分类整治方案；主动对接省级部门，全力争取项目资金。",
         [("对排查出的散乱污企业，制定分类整治方案", []), ("主动对接省级部门，全力争取项目资金", [])]),
        # ... the cases a measure is taken on may stand first (对…的，制定…), and the clause is
        # still a task; one saying the work is done is none
        ("会议要求，对群众反映强烈的噪声问题，加快建立投诉快办机制。",
         [("对群众反映强烈的噪声问题，加快建立投诉快办机制", [])]),
        ("会议要求，对去年排查的问题，已完成整改销号。", []),
        # ... the measure before a part that names a new addressee is a task of its own
        ("会议要求，各镇要严禁秸秆焚烧。加大渣土车辆管控力度，县交通局要统筹调度。",
         [("要严禁秸秆焚烧", [("各镇", "responsible")]), ("加大渣土车辆管控力度", []),
          ("要统筹调度", [("县交通局", "responsible")])]),
        # ... and a vague addressee before such a verb still leads a task, without units
        ("会议要求，各镇要严禁秸秆焚烧。各部门积极配合，形成监管合力。",
         [("要严禁秸秆焚烧", [("各镇", "responsible")]), ("积极配合，形成监管合力", [])]),
        # category 5: the addressees of 要求, a partner named after them asked to help (做好配合)
        ("会议要求县督查局做好督导工作，县自然资源局做好配合，确保整改到位。",
         [("要求县督查局做好督导工作，县自然资源局做好配合，确保整改到位",
           [("县督查局", "lead"), ("县自然资源局", "support")])]),
        ("县督查局要加强督导，县自然资源局积极配合。",
         [("要加强督导，县自然资源局积极配合", [("县督查局", "lead"), ("县自然资源局", "support")])]),
        # ... but peers asked to work closely together support no one
        ("县水务局、县城管局要密切配合，联合排查。",
         [("要密切配合，联合排查", [("县水务局", "responsible"), ("县城管局", "responsible")])]),
        # category 5: collectives run together are read one by one; the vague ones drop out
        ("会议要求，各乡镇各部门要加强组织领导。", [("要加强组织领导", [("各乡镇", "responsible")])]),
        ("各职能部门及各社区要加大巡查力度。", [("要加大巡查力度", [("各社区", "responsible")])]),
        ("要求各乡镇及责任单位加快整改进度。", [("要求各乡镇及责任单位加快整改进度", [("各乡镇", "responsible")])]),
        ("各部门各单位要共同抓好落实。", [("要共同抓好落实", [])]),
        ("各成员单位要制定工作计划。", [("要制定工作计划", [])]),
        # ... or with what it takes as its lever (以…为抓手，), or with 充分发挥
        ("会议要求，以网格化管理为抓手，加强秸秆巡查，严防火情。", [("以网格化管理为抓手，加强秸秆巡查，严防火情", [])]),
        ("会议指出，一要压实责任。二要强化巡河。充分发挥村级河长作用，做到日巡日清。",
         [("要压实责任", []), ("要强化巡河", []), ("充分发挥村级河长作用，做到日巡日清", [])]),
        # ... or with set phrases of how it is to be done, then its verb
        ("会议指出，一要强化问题整改。举一反三、立行立改，深入开展河道排查。",
         [("要强化问题整改", []), ("举一反三、立行立改，深入开展河道排查", [])]),
        ("会议指出，一要强化问题整改。今年以来，全县加强了河道排查。", [("要强化问题整改", [])]),
        # the work of a point after its heading, opening with an adverb of its manner (逐一/逐项)
        ("会议指出，一要压实责任。二要强化整改。逐项建立整改台账，逐一对账销号。",
         [("要压实责任", []), ("要强化整改", []), ("逐项建立整改台账，逐一对账销号", [])]),
        # a directive whose own words make its addressee the lead of the work (发挥牵头抓总作用)
        ("会议强调，县生态环境局要提前谋划，发挥牵头抓总作用。", [("要提前谋划，发挥牵头抓总作用", [("县生态环境局", "lead")])]),
        # a meeting's 强调 run straight into whom it addresses, no mark after it
        ("会议强调各街道对未完成的两处堆场整治项目要加快推进。", [("要加快推进", [("各街道", "responsible")])]),
        ("会议强调全县河道清淤工作已取得明显成效。", []),
        # the thing a directive deals with (对…工作) before its subject
        ("会议要求，对河道清淤工作县水利局、县农业局要相互配合，尽快完成。",
         [("要相互配合，尽快完成", [("县水利局", "responsible"), ("县农业局", "responsible")])]),
        # 既要…更要…: the connective before the trigger names no one, the subject before it acts
        ("成员单位和各街道办既要守土尽责，更要协同联动。", [("要守土尽责，更要协同联动", [("各街道办", "responsible")])]),
        ("各街道更要压实巡查责任。", [("要压实巡查责任", [("各街道", "responsible")])]),
        # after the lead-in, units with their role words: lead and support, not addressees
        ("会议要求，县生态环境局牵头，各乡镇配合，开展秸秆禁烧巡查。",
         [("县生态环境局牵头，各乡镇配合，开展秸秆禁烧巡查", [("县生态环境局", "lead"), ("各乡镇", "support")])]),
        # the cases, then 由 the unit they are handed to
        ("对巡查发现的问题，由县住建局负责督促整改。", [("由县住建局负责督促整改", [("县住建局", "responsible")])]),
        # after the lead-in, what the measure goes by in a part of its own, then the measure
        ("会议要求，按照会议研究的意见，进一步修改完善方案后，尽快印发实施。",
         [("按照会议研究的意见，进一步修改完善方案后，尽快印发实施", [])]),
        # a vague addressee after the lead-in, a plain verb after it: a task of no unit
        ("会议要求，各地各部门明确分工，按期完成整改。", [("明确分工，按期完成整改", [])]),
        ("会议要求，相关部门加强巡查，及时处置。", [("加强巡查，及时处置", [])]),
        # ... an addressee opens with 各/相关/有关, not any words a place and 各 run into
        ("会议要求，动员全县各方面力量。", []),
        # the townships and state farms of a county are a collective
        ("会议强调，各乡镇场、县直各有关单位要扛起整改责任。",
         [("要扛起整改责任", [("各乡镇场", "responsible"), ("县直各有关单位", "responsible")])]),
        # a trailing parenthetical that only names units or a time limit is dropped and read
        ("要完成管网排查（县水利局牵头，县住建局配合）。",
         [("要完成管网排查", [("县水利局", "lead"), ("县住建局", "support")])]),
        # ... its roles parted by 、 after the role word as by a comma
        ("要完成管网排查（县水利局牵头、县住建局配合）。",
         [("要完成管网排查", [("县水利局", "lead"), ("县住建局", "support")])]),
        ("会议要求，由县水利局牵头、县住建局配合，开展管网排查。",
         [("由县水利局牵头、县住建局配合，开展管网排查", [("县水利局", "lead"), ("县住建局", "support")])]),
        # a part answering for something (对…负总责) is no condition of the 要 after it
        ("牵头单位要统筹推进，对本领域任务的完成负总责，各配合单位要按月报送进展。",
         [("要统筹推进，对本领域任务的完成负总责", []), ("要按月报送进展", [])]),
        # an approval, then the follow-up it asks for in a part of its own: a task of no unit
        ("会议原则同意《河道保洁办法》，按会议精神修改完善后，以县政府名义印发。",
         [("按会议精神修改完善后，以县政府名义印发", [])]),
        ("会议原则同意该方案，方案已修改完善并印发。", []),
        # in a run of points, a sentence of what a measure goes by, then the measure: a task
        ("县长强调，一要落实河长责任。二要加强河道保洁。按照“水面无漂浮物”的标准，落实河道保洁常态化工作。",
         [("要落实河长责任", []), ("要加强河道保洁", []), ("按照“水面无漂浮物”的标准，落实河道保洁常态化工作", [])]),
        # 要求 and the addressees after it open a second directive of the sentence
        ("各镇要压实火源管控责任，党政主要领导靠前指挥，要求各村、各社区立即清理火源隐患，进展一天一报。",
         [("要压实火源管控责任，党政主要领导靠前指挥", [("各镇", "responsible")]),
          ("要求各村、各社区立即清理火源隐患，进展一天一报", [("各村", "responsible"), ("各社区", "responsible")])]),
        # the subject, then the cases the directive deals with (对…的): the subject's units
        ("各乡镇对排查出的问题要及时整改。", [("要及时整改", [("各乡镇", "responsible")])]),
        ("分管领导对牵头的整治任务要靠前指挥。", [("要靠前指挥", [])]),
        # bodies named by their part in the work are addressed, vaguely: tasks of no units
        ("牵头单位要把好进度关；配合单位要按分工提供数据。",
         [("要把好进度关", []), ("要按分工提供数据", [])]),
        ("其他责任单位要服从调度安排。", [("要服从调度安排", [])]),
        ("牵头责任单位要担负起第一责任人的责任。", [("要担负起第一责任人的责任", [])]),
        ("主责单位和配合单位要每月会商一次。", [("要每月会商一次", [])]),
        # ... a list between two roles, gone on after a comma, shares the role after it
        ("要完成管网排查（县水利局牵头，县住建局、县城管局，县供水公司配合）。",
         [("要完成管网排查", [("县水利局", "lead"), ("县住建局", "support"), ("县城管局", "support"),
                            ("县供水公司", "support")])]),
    ],
)
def test_directives(paragraph, expected):
    assert run(paragraph) == expected


def test_an_items_lines_of_points_are_a_task_each():
    assert run("某镇人居环境提升通知", "三、工作内容", "一是疏通沟渠。组织人员清理房前屋后排水沟。",
               "二是整治畜禽散养。引导农户圈养鸡鸭，清理禽舍粪污。") == [
        ("疏通沟渠。组织人员清理房前屋后排水沟", []), ("整治畜禽散养。引导农户圈养鸡鸭，清理禽舍粪污", [])]


def test_a_team_partners_formed_named_in_a_report_of_its_visit_is_no_duty():
    assert run("5月9日，市林业局会同市公安局、市应急局等单位组成的检查组赴青溪县检查森林防火工作。",
               "县发改局会同县财政局制定资金管理办法。") == [
        ("会同县财政局制定资金管理办法", [("县发改局", "lead"), ("县财政局", "support")])]


def test_a_time_span_alone_is_no_task():
    assert run("柳湾乡河道清洁百日行动方案", "一、时间安排", "2019年4月1日至2019年7月10日。", "二、工作内容",
               "（一）河面保洁", "各村要组织保洁员打捞河面漂浮物。") == [
        ("要组织保洁员打捞河面漂浮物", [("各村", "responsible")])]


def test_a_measure_with_a_dated_limit_on_its_action_is_a_task_wherever_it_stands():
    # a measure's verb, then a limit naming a day or month and the action: a plan's
    # sentence of work, each deliverable with its own limit, under a goals heading too
    assert run("一、工作目标", "加大养殖场清理整治，4月12日前完成城区养殖场摸底，4月30日前关闭搬迁城区养殖场。") == [
        ("加大养殖场清理整治，4月12日前完成城区养殖场摸底", []), ("4月30日前关闭搬迁城区养殖场", [])]
    assert run("加快青溪河整治，2018年底前完成整治工程前期工作。") == [("加快青溪河整治，2018年底前完成整治工程前期工作", [])]
    # work reported done, or a span of time rather than a date, makes none
    assert run("加大养殖场清理整治，4月12日前完成了城区养殖场摸底。") == []
    assert run("加大养殖场清理整治，3个月内完成城区养殖场摸底。") == []


def test_a_vague_addressee_after_a_set_phrase_of_its_own_part_is_urged_to_act():
    # 要求 a vague addressee, a set phrase closed by a comma, then the action: a task of no
    # units; the units opening the clause after ； are a new addressee, a task of their own
    assert run("下一步，要求各职能部门高度重视，加大巡查力度；各施工单位，落实围挡措施，开展自查。") == [
        ("要求各职能部门高度重视，加大巡查力度", []),
        ("各施工单位，落实围挡措施，开展自查", [("各施工单位", "responsible")]),
    ]
    # an exhortation to study stays none
    assert run("会议要求各单位认真学习，深刻领会。") == []
    # a vague collective closing the list of addressees: the named ones are told to act
    assert run("会议要求各乡镇、各部门始终坚持问题导向，坚决予以整改。") == [
        ("要求各乡镇、各部门始终坚持问题导向，坚决予以整改", [("各乡镇", "responsible")])]


@pytest.mark.parametrize(
    "paragraph",
    [
        "会议指出，今年以来全县空气质量持续改善，取得明显成效。",  # background
        "会上，县林业局汇报了春季防火工作进展。",  # past work
        "县生态环境局已于上月完成排查，成绩值得肯定。",  # past work, praise
        "参会人员请于8时30分前到达会场。",  # logistics: 请 without an addressee unit
        "会议要求各单位认真学习文件精神。",  # 要求 is no 要
        "未经授权的，应承担相应责任。",  # a condition on third parties
        "今年以来，上级部门连续发文、要求严格，而且标准明确。",  # 要求 a noun, 严格 said of it
        "县政府副县长李广应邀参加会议。",  # 应邀: invited, no modal
        "",
        "hello world, no Chinese here.",
    ],
)
def test_not_tasks(paragraph):
    assert run(paragraph) == []


def test_a_thing_named_after_a_semicolon_with_its_own_yao_opens_a_task():
    # 要A；X要B: the clause after ； names a thing, then its own 要 — two tasks, the second
    # without the first's addressee
    assert run("关于做好护林工作的通知", "三、强化源头管控。各镇要落实网格化管理。重点地段要实行分片包干、专人值守；"
               "沟渠两侧、河塘周边的杂草及零散地块的秸秆要及时清理清运，消除火灾隐患。") == [
        ("要落实网格化管理", [("各镇", "responsible")]),
        ("要实行分片包干、专人值守", []),
        ("要及时清理清运，消除火灾隐患", []),
    ]
    # after cases (对…的，要…) the addressee before still acts
    assert run("县林业局要开展暗访督查；对发现问题的，要限期整改。") == [
        ("要开展暗访督查", [("县林业局", "responsible")]), ("要限期整改", [("县林业局", "responsible")])]
    # a clause after ； without a trigger of its own goes on the task before it
    assert run("县林业局要开展暗访督查；逐点登记，建立台账。") == [
        ("要开展暗访督查；逐点登记，建立台账", [("县林业局", "responsible")])]


def test_a_thing_to_be_done_whose_sentence_closes_with_who_does_it_is_a_task_of_theirs():
    # outside any run: a thing, its 要, the work, then a part that only states roles
    assert run("渣土运输车辆要全程密闭，县城管局负责。", "秸秆堆放点要远离林区，县林业局牵头，各村配合。") == [
        ("要全程密闭，县城管局负责", [("县城管局", "responsible")]),
        ("要远离林区，县林业局牵头，各村配合", [("县林业局", "lead"), ("各村", "support")]),
    ]
    # a thing's 要 with no roles closing its sentence stays no task there, nor does a
    # sentence of roles alone
    assert run("渣土运输车辆要全程密闭。", "渣土运输要规范，县城管局负责的巡查已完成。") == []


def test_deadline_of_a_directive():
    (task,) = tasks_of(Document("t", "txt", blocks=["县林业局要加强巡护，6月底前完成隐患排查。"]), anchor=ANCHOR)
    assert task.deadline is not None and task.deadline.date == date(2025, 6, 30)
    # a part that is only the time limit, right before the subject and its trigger
    assert dated("会议要求，9月底前，各街道要完成沟渠清淤；县水利局要加强督查。") == [
        ("要完成沟渠清淤", [("各街道", "responsible")], date(2025, 9, 30)),
        ("要加强督查", [("县水利局", "responsible")], None)]
    # a week framing the trigger in its part, after a topic: the week's Sunday (ANCHOR a Monday)
    assert dated("会议强调，针对秋收后的秸秆堆放，下周要开展拉网排查。") == [
        ("要开展拉网排查", [], date(2025, 3, 23))]


def test_a_pace_then_a_day_for_one_deliverable_is_one_task_limited_by_the_day():
    (task,) = tasks_of(Document("t", "txt", blocks=["县水利局要抓紧编制河道清淤方案，于7月15日前印发。"]), anchor=ANCHOR)
    assert (task.text, task.deadline.date) == ("要抓紧编制河道清淤方案，于7月15日前印发", date(2025, 7, 15))
    # two deliverables with two limits stay two tasks
    assert [t.deadline.date for t in tasks_of(Document("t", "txt", blocks=[
        "县水利局要于7月15日前报送清淤方案，8月31日前报送清淤台账。"]), anchor=ANCHOR)] == [
        date(2025, 7, 15), date(2025, 8, 31)]
    # ... so does a second deliverable after the step it waits for (经…审核后于…前报送)
    assert [(t.text, t.deadline.date) for t in tasks_of(Document("t", "txt", blocks=[
        "各责任单位务必于7月15日前将分解方案报送分管县领导，经分管县领导审核后于7月31日前报送县政府。"]), anchor=ANCHOR)] == [
        ("务必于7月15日前将分解方案报送分管县领导", date(2025, 7, 15)),
        ("经分管县领导审核后于7月31日前报送县政府", date(2025, 7, 31))]


def test_a_day_or_month_alone_in_a_limit_field_or_closing_parenthesis_limits_the_task():
    tasks = tasks_of(Document("t", "txt", blocks=[
        "一、县住建局要开展燃气管道隐患排查。",
        "完成时限：2025年9月20日",
        "二、县城管局要完成老旧管网改造（2025年11月）。",
        "三、县水利局要在（3月24日上午）召开的会上汇报进展。",
    ]), anchor=ANCHOR)
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("要开展燃气管道隐患排查", date(2025, 9, 20)),
        ("要完成老旧管网改造", date(2025, 11, 30)),
        ("要在（3月24日上午）召开的会上汇报进展", None),  # a time of day dates an event
    ]


def test_a_part_giving_the_tasks_before_it_on_their_line_their_time_limit():
    tasks = tasks_of(Document("t", "txt", blocks=[
        "会议要求，各村要完成沟渠清淤；要建立保洁台账。上述工作须于7月15日前完成。",
        "县水利局要加快河道清障，县住建局要完成管网改造，以上两项工作均于9月底前完成。",
        "各村要落实河长巡河制度。",
    ]), anchor=ANCHOR)
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("要完成沟渠清淤", date(2025, 7, 15)),
        ("要建立保洁台账", date(2025, 7, 15)),
        ("要加快河道清障", date(2025, 9, 30)),
        ("要完成管网改造，以上两项工作均于9月底前完成", date(2025, 9, 30)),
        ("要落实河长巡河制度", None),  # another line
    ]
    # a part naming who acts is a task of its own, not a time for those before it
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks_of(Document("t", "txt", blocks=[
        "各乡镇要加强排查，对发现的企业进行登记；以上企业要于6月底前完成整改。"]), anchor=ANCHOR)] == [
        ("要加强排查，对发现的企业进行登记", None), ("要于6月底前完成整改", date(2025, 6, 30))]


# ---------------------------------------------------------------- numbered plans

def test_plan_items_with_role_sentences():
    tasks = tasks_of(Document("t", "txt", blocks=[
        "经研究，议定事项如下：",
        "一、关于水污染防治",
        "（一）开展入河排污口排查，建立动态台账。由县生态环境局牵头，县水利局、县农业农村局配合，9月底前完成。",
        "（二）推进污水处理厂提标改造。由县住建局负责，长期坚持。",
        "二、关于督导考核",
        "（一）县督查室要将上述事项纳入督查台账。",
    ]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.kind) for t in tasks] == [
        ("开展入河排污口排查，建立动态台账",
         [("县生态环境局", "lead"), ("县水利局", "support"), ("县农业农村局", "support")], "by"),
        ("推进污水处理厂提标改造", [("县住建局", "responsible")], "ongoing"),
        ("要将上述事项纳入督查台账", [("县督查室", "responsible")], None),
    ]


@pytest.mark.parametrize("limit, kind", [("持续开展", "ongoing"), ("年底前", "by"), ("10个工作日内办结", "by")])
def test_a_role_sentence_closed_by_a_time_limit_without_a_verb_of_completion(limit, kind):
    # the role sentence gives the item its units and its time limit, however the limit is
    # said (…负责，6月底前完成 / …负责，持续开展 / …负责，年底前): no part of the measure
    tasks = tasks_of(Document("t", "txt", blocks=[
        "二、重点任务", f"（一）开展餐饮油烟抽测。县城管局负责，县市场监管局配合，{limit}。", "（二）加强宣传。"]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.kind) for t in tasks] == [
        ("开展餐饮油烟抽测", [("县城管局", "lead"), ("县市场监管局", "support")], kind), ("加强宣传", [], None)]


def test_plan_parentheticals_blanket_lines_and_headings():
    result = run(
        "一、工作目标",
        "到年底，全县降尘量明显下降。",
        "二、重点任务",
        "（一）强化工地扬尘管控",
        "1. 落实围挡、覆盖、冲洗措施。（牵头单位：县住建局；配合单位：县城管局；完成时限：长期坚持）",
        "（二）强化道路扬尘管控",
        "以下任务由县城管局牵头。",
        "2. 提高道路机扫率。（配合单位：各乡镇人民政府；完成时限：6月底前）",
        "3. 规范渣土车运输。（完成时限：年底前）",
    )
    assert result == [
        ("落实围挡、覆盖、冲洗措施", [("县住建局", "lead"), ("县城管局", "support")]),
        ("提高道路机扫率", [("县城管局", "lead"), ("各乡镇人民政府", "support")]),
        ("规范渣土车运输", [("县城管局", "lead")]),
    ]


def test_a_parenthesis_naming_the_leader_who_answers_beside_the_units():
    # 责任领导：某某 among the labelled fields of a rectification plan's parenthesis names no
    # unit, wherever it stands and whether or not the stop after it was lost
    result = run(
        "（一）完成老城区雨污分流改造。（责任领导：周立新；牵头单位：县住建局；责任单位：县发改局、城关镇人民政府；完成时限：2025年6月底前）",
        "（二）对无证砂石加工点依法取缔。（牵头单位：县自然资源局 责任领导：副县长吴海峰 整改时限：立行立改）",
    )
    assert result == [
        ("完成老城区雨污分流改造", [("县住建局", "lead"), ("县发改局", "responsible"), ("城关镇人民政府", "responsible")]),
        ("对无证砂石加工点依法取缔", [("县自然资源局", "lead")]),
    ]


def test_blanket_line_for_the_tasks_before_it():
    result = run("（一）开展甲项排查。", "（二）完成乙项整改。", "上述事项由县水利局牵头落实。")
    assert result == [("开展甲项排查", [("县水利局", "lead")]), ("完成乙项整改", [("县水利局", "lead")])]


def test_section_labels_give_units_and_time_to_their_items():
    tasks = dated(
        "（一）某河段沿岸垃圾堆放问题。",
        "整改目标：沿岸垃圾全部清理。",
        "整改措施：",
        "1.全面清理沿岸积存垃圾。",
        "2.建立日常保洁机制（2025年5月底前完成）。",
        "整改时限：2025年8月底前",
        "责任单位：某某镇人民政府；督导单位：县住建局",
        "（二）某企业堆场扬尘问题。",
        "整改措施：完成堆场全封闭改造。",
        "整改时限：2025年10月底前",
        "责任单位：县工信局",
    )
    assert tasks == [
        ("全面清理沿岸积存垃圾", [("某某镇人民政府", "responsible"), ("县住建局", "support")], date(2025, 8, 31)),
        ("建立日常保洁机制", [("某某镇人民政府", "responsible"), ("县住建局", "support")], date(2025, 5, 31)),
        ("完成堆场全封闭改造", [("县工信局", "responsible")], date(2025, 10, 31)),
    ]


def test_a_leader_line_among_the_labelled_lines_of_a_rectification_item():
    # 责任领导：… after the measures does not end the item: the unit and time lines below it
    # are still the item's
    tasks = dated(
        "问题一：某某县城区部分餐饮店油烟直排。",
        "整改目标：城区餐饮油烟达标排放。",
        "整改措施：开展餐饮油烟专项整治，督促餐饮单位安装油烟净化设施。",
        "责任领导：张建国（副县长）",
        "牵头单位：县城管局",
        "责任单位：城关镇人民政府、某某工业园区管委会",
        "整改时限：2025年12月底前",
    )
    assert tasks == [
        ("开展餐饮油烟专项整治，督促餐饮单位安装油烟净化设施",
         [("县城管局", "lead"), ("城关镇人民政府", "responsible"), ("某某工业园区管委会", "responsible")],
         date(2025, 12, 31)),
    ]


def test_a_rectification_row_stating_only_its_target():
    # no measures line: the target, with its units and time limit, is the task; a line
    # stating the problem is none
    tasks = dated(
        "反馈问题：某某县部分乡镇垃圾中转站运行不正常。",
        "整改目标：乡镇垃圾中转站全部正常运行。",
        "责任单位：县住建局、各乡镇人民政府",
        "整改时限：2025年底前",
    )
    assert tasks == [
        ("乡镇垃圾中转站全部正常运行", [("县住建局", "responsible"), ("各乡镇人民政府", "responsible")],
         date(2025, 12, 31)),
    ]


def test_numbered_measures_under_a_measures_label_are_the_rows_tasks():
    # 整改措施：…。 then 1.… 2.…: each numbered measure is a task of the row's units and time
    # limit (its own limit first); the line they follow only heads them
    tasks = dated(
        "整改目标：乡镇垃圾中转站全部正常运行。",
        "责任单位：县住建局、各乡镇人民政府",
        "整改时限：2025年底前",
        "整改措施：补齐转运短板。",
        "1.全面排查中转站运行情况。",
        "2、6月底前完成设备维修更换。",
    )
    units = [("县住建局", "responsible"), ("各乡镇人民政府", "responsible")]
    assert tasks == [("全面排查中转站运行情况", units, date(2025, 12, 31)),
                     ("6月底前完成设备维修更换", units, date(2025, 6, 30))]


def test_a_rectification_row_naming_its_actor_and_its_target_beside_its_measures():
    # 整改实施主体 names the bodies that answer for it; a target line (目标任务：) beside the
    # measures is the same row's, no second row
    tasks = dated(
        "整改问题：某河天门段有浮萍漂浮，污染水体。",
        "整改实施主体：某某镇人民政府",
        "重点措施：对某河开展打捞清理工作。",
        "目标任务：完成某河浮萍清理工作",
        "完成时限：2025年12月底",
    )
    assert tasks == [
        ("对某河开展打捞清理工作", [("某某镇人民政府", "responsible")], date(2025, 12, 31)),
    ]


def test_item_heading_then_directive_paragraph():
    result = run(
        "一、开展排查",
        "请各乡镇人民政府组织开展一轮排查。",
        "二、加强管控",
        "县公安局牵头，县交通局配合，在主要路口设置检查点。",
    )
    assert result == [
        ("请各乡镇人民政府组织开展一轮排查", [("各乡镇人民政府", "responsible")]),
        ("县公安局牵头，县交通局配合，在主要路口设置检查点", [("县公安局", "lead"), ("县交通局", "support")]),
    ]


# ---------------------------------------------------------------- tables

@pytest.mark.parametrize(
    "header",
    [
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["完成时限", "配合单位", "主要内容", "序号", "牵头单位"],  # any column order
    ],
)
def test_table_columns_by_header(header):
    row = {"序号": "1", "完成时限": "6月底前", "牵头单位": "县林业局", "配合单位": "县财政局\n县应急管理局"}
    cells = [row.get(h, "开展林区防火隐患排查") for h in header]
    doc = Document("t", "html", blocks=[Table([header, cells])])
    (task,) = tasks_of(doc, anchor=ANCHOR)
    assert task.text == "开展林区防火隐患排查"
    assert [(u.name, u.role) for u in task.units] == [
        ("县林业局", "lead"), ("县财政局", "support"), ("县应急管理局", "support"),
    ]
    assert task.deadline.date == date(2025, 6, 30)


def test_a_unit_cell_naming_partners_by_their_role_word_and_the_rest_bare():
    # as a labelled field does: the bare names take the column's role and lead beside the partners
    header = ["序号", "工作任务", "责任单位", "完成时限"]
    doc = Document("t", "html", blocks=[Table([header, ["1", "开展林区防火隐患排查", "县林业局，县应急管理局配合", "6月底前"]])])
    (task,) = tasks_of(doc, anchor=ANCHOR)
    assert [(u.name, u.role) for u in task.units] == [("县林业局", "lead"), ("县应急管理局", "support")]


def test_a_table_with_two_task_columns_says_the_task_with_both():
    # 重点任务 | 具体措施: the heading-like first cell, a colon, the measure
    header = ["序号", "重点任务", "具体措施", "牵头单位", "完成时限"]
    doc = Document("t", "html", blocks=[Table([header, ["1", "林区防火", "开展林区防火隐患排查", "县林业局", "6月底前"]])])
    (task,) = tasks_of(doc, anchor=ANCHOR)
    assert task.text == "林区防火：开展林区防火隐患排查"
    assert [(u.name, u.role) for u in task.units] == [("县林业局", "lead")]


@pytest.mark.parametrize("column", ["计划完成整治时间", "要求整改完成时限", "预计销号日期"])
def test_a_time_column_named_by_what_is_completed_by_then(column):
    # the cell's month, in a column whose name says what is done by then
    doc = Document("t", "html", blocks=[Table([["序号", "工作任务", "责任单位", column],
                                                ["1", "开展河道清障", "县水利局", "2025年10月"]])])
    (task,) = tasks_of(doc, anchor=ANCHOR)
    assert (task.deadline.kind, task.deadline.date) == ("by", date(2025, 10, 31))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025年6月30日", date(2025, 6, 30)),  # a day alone, without 前
        ("2025年10月", date(2025, 10, 31)),  # a month alone: its end
        ("2025.12", date(2025, 12, 31)),  # figures and a dot
        ("2025.7.15", date(2025, 7, 15)),
        ("10个工作日", date(2025, 3, 24)),  # a span alone: closed as by 内
    ],
)
def test_a_time_limit_column_cell_naming_a_date_alone(cell, expected):
    doc = Document("t", "html", blocks=[Table([["序号", "工作任务", "责任单位", "完成时限"],
                                                ["1", "开展河道清障", "县水利局", cell]])])
    (task,) = tasks_of(doc, anchor=ANCHOR)
    assert (task.deadline.kind, task.deadline.date) == ("by", expected)


@pytest.mark.parametrize(
    ("label", "role"),
    [("主办部门", "lead"), ("承办部门", "responsible"), ("责任股室", "responsible"), ("责任处室", "responsible"),
     ("协作单位", "support"), ("联办单位", "support")],
)
def test_the_labels_a_supervision_form_gives_its_units(label, role):
    # a 督办单's or a plan's labelled line: its units in the role the label names
    assert run("一、开展城区工地扬尘排查。", f"{label}：青禾县住建局", "完成时限：5月20日前")[0][1] == [("青禾县住建局", role)]


@pytest.mark.parametrize(
    ("column", "role"),
    [
        ("责任单位或牵头单位", "responsible"),  # two names joined by 或: the first says the role
        ("牵头（责任）单位", "lead"),  # a qualifier in parentheses inside the name
        ("牵头单位/责任单位", "lead"),
    ],
)
def test_unit_column_named_by_two_labels(column, role):
    doc = Document("t", "html", blocks=[Table([["序号", "工作任务", column, "配合单位", "完成时限"],
                                                ["1", "清理林区可燃物", "县林业局", "县应急管理局", "6月底前"]])])
    (task,) = tasks_of(doc, anchor=ANCHOR)
    assert [(u.name, u.role) for u in task.units] == [("县林业局", role), ("县应急管理局", "support")]


def test_ragged_and_headerless_tables():
    ragged = Table([["任务", "责任单位"], ["只有任务"], [], ["任务二", "县水利局", "多余的格"]])
    assert run(ragged) == [("只有任务", []), ("任务二", [("县水利局", "responsible")])]
    assert run(Table([["甲", "乙"], ["丙"]])) == []
    assert run(Table([])) == []


# ---------------------------------------------------------------- helpers and bad input

@pytest.mark.parametrize(
    ("text", "kept", "inner"),
    [
        ("完成排查（县水利局牵头）。", "完成排查", "县水利局牵头"),
        ("完成排查（6月底前）", "完成排查", "6月底前"),
        ("完成排查（PM2.5）", "完成排查（PM2.5）", None),  # a parenthetical that says more is kept
        ("完成排查；", "完成排查", None),
    ],
)
def test_strip_parenthetical(text, kept, inner):
    assert strip_parenthetical(text) == (kept, inner)


def test_pipeline_runs_segmentation_meeting_and_tasks():
    from minutes.nlp.pipeline import extract

    document = Document("t", "txt", blocks=["县林业局要加强巡护。", "请县水利局做好监测。"], published=ANCHOR)
    extraction = extract(document)
    assert [t.text for t in extraction.tasks] == ["要加强巡护", "请县水利局做好监测"]
    assert extraction.meeting is None and extraction.published == ANCHOR


def test_every_repetition_of_a_sentence_gives_its_tasks():
    # how the time grows with such a text: tests/test_linear.py ("directive sentences")
    from minutes.nlp.pipeline import extract

    sentence = "会议要求，县林业局要会同县公安局加强巡护，6月底前完成排查；各乡镇（街道）要压实责任。"
    extraction = extract(Document("t", "txt", blocks=[sentence * 2_000], published=ANCHOR))
    assert len(extraction.tasks) == 4_000


def test_table_cells_that_state_roles():
    table = Table([["任务", "责任单位"], ["开展排查", "县林业局（牵头）、县财政局"], ["建立台账", "县水利局牵头，县农业农村局配合"]])
    assert run(table) == [
        ("开展排查", [("县林业局", "lead"), ("县财政局", "responsible")]),
        ("建立台账", [("县水利局", "lead"), ("县农业农村局", "support")]),
    ]


def test_roles_stated_after_the_directive():
    assert run("会议要求，要开展秸秆禁烧专项行动，由县农业农村局牵头，县公安局配合。") == [
        ("要开展秸秆禁烧专项行动，由县农业农村局牵头，县公安局配合",
         [("县农业农村局", "lead"), ("县公安局", "support")]),
    ]


def test_role_parts_joined_by_a_list_mark():
    # 由X牵头、Y配合: the two parts joined by 、 as by a comma, each with its role
    assert run("二、重点任务", "3.由县公安局牵头、县交通运输局配合，开展柴油货车路检路查。",
               "4.开展油品质量抽检。（县市场监管局牵头、县商务局配合）") == [
        ("由县公安局牵头、县交通运输局配合，开展柴油货车路检路查", [("县公安局", "lead"), ("县交通运输局", "support")]),
        ("开展油品质量抽检", [("县市场监管局", "lead"), ("县商务局", "support")]),
    ]


def test_role_parts_joined_by_a_list_mark_before_a_time_limit_are_no_handover():
    # …，由X牵头、Y配合，11月底前完成…: the measure's roles, not the action handed to X
    assert run("二、重点任务", "3.建筑工地严格落实围挡覆盖，由县住建局牵头、县城管局配合，11月底前完成全面检查。") == [
        ("建筑工地严格落实围挡覆盖", [("县住建局", "lead"), ("县城管局", "support")])]


def test_an_item_opening_with_its_roles_and_time_limit_is_its_measure():
    # 议定事项 numbered one a line: 由X牵头，Y配合，7月底前完成Z is the item's measure, not a line of
    # roles alone under no heading
    assert run("一、由县住建局牵头，县生态环境分局、县水利局配合，于7月底前完成城东排水沟截污纳管工程。") == [
        ("由县住建局牵头，县生态环境分局、县水利局配合，于7月底前完成城东排水沟截污纳管工程",
         [("县住建局", "lead"), ("县生态环境分局", "support"), ("县水利局", "support")])]


def test_items_with_their_own_labelled_lines():
    tasks = dated(
        "（一）强化工业源治理",
        "1. 推进水泥企业深度治理。",
        "牵头单位：县工信局",
        "完成时限：2025年6月底前",
        "2. 开展锅炉专项排查。",
        "牵头单位：县市场监管局",
        "配合单位：县生态环境分局",
        "完成时限：2025年9月底前",
    )
    assert tasks == [
        ("推进水泥企业深度治理", [("县工信局", "lead")], date(2025, 6, 30)),
        ("开展锅炉专项排查", [("县市场监管局", "lead"), ("县生态环境分局", "support")], date(2025, 9, 30)),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # 议定事项 in running text, numbered inline after a colon
        ("会议议定：一、由县城管局负责，4月底前完成中转站改造。二、县财政局要保障资金拨付。",
         [("由县城管局负责，4月底前完成中转站改造", [("县城管局", "responsible")]),
          ("要保障资金拨付", [("县财政局", "responsible")])]),
        # numbered with an ASCII full stop (1.由…), as pages typed in half-width write it
        ("会议议定：1.由县城管局牵头，县环卫所配合，4月底前完成中转站改造。2.县财政局要保障资金拨付。",
         [("由县城管局牵头，县环卫所配合，4月底前完成中转站改造", [("县城管局", "lead"), ("县环卫所", "support")]),
          ("要保障资金拨付", [("县财政局", "responsible")])]),
        # what a meeting asked, after a colon (会议要求：), is no plan's label: its measures are tasks
        ("会议要求：加快推进工地围挡整改，10月底前完成。", [("加快推进工地围挡整改，10月底前完成", [])]),
        # roles stated inside a measure of a directive run are its units
        ("会议要求，加快推进工地围挡整改，由县住建局牵头，县城管局配合，10月底前完成。",
         [("加快推进工地围挡整改，由县住建局牵头，县城管局配合，10月底前完成", [("县住建局", "lead"), ("县城管局", "support")])]),
        # a new subject with its own 要 after a comma opens a new task
        ("要强化责任落实，县大气办要加强统筹调度，各成员单位要抓好落实。",
         [("要强化责任落实", []), ("要加强统筹调度", [("县大气办", "responsible")]),
          ("要抓好落实", [])]),  # members of no named organ: vague
        # a news report's purpose and date before the meeting's 要求
        ("为切实做好秋冬季大气污染防治，打好蓝天保卫战，11月5日，县散煤治理工作会议要求，由县市场监管局牵头，"
         "县公安局配合，开展散煤清查。",
         [("由县市场监管局牵头，县公安局配合，开展散煤清查", [("县市场监管局", "lead"), ("县公安局", "support")])]),
        # units and 负责 after a measure required of no one answer for it: one task, the
        # measure not lost
        ("会议要求，加快推进农贸市场改造，区商务局负责督促落实。",
         [("加快推进农贸市场改造，区商务局负责督促落实", [("区商务局", "responsible")])]),
        # an addressee named only as 你单位 is no unit
        ("请你单位于5个工作日内反馈意见。", [("请你单位于5个工作日内反馈意见", [])]),
        ("全县各级各部门要加强协作。", [("要加强协作", [])]),
    ],
)
def test_more_directive_shapes(paragraph, expected):
    assert run(paragraph) == expected


def test_unit_then_role_word_in_a_plan_item():
    assert run("会议要求：", "1.县交通局负责做好渣土车监管。") == [
        ("县交通局负责做好渣土车监管", [("县交通局", "responsible")]),
    ]


def test_addressee_that_supports():
    assert run("县交警大队要配合县生态环境分局开展路检路查。") == [
        ("要配合县生态环境分局开展路检路查", [("县交警大队", "support"), ("县生态环境分局", "lead")]),
    ]


def test_task_table_that_repeats_the_numbered_plan():
    tasks = tasks_of(Document("t", "docx", blocks=[
        "一、重点任务",
        "1. 开展餐饮油烟专项整治，规范安装净化设施。",
        "2. 推进加油站油气回收检测，每季度抽测一次。",
        "二、任务分工",
        Table([["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
               ["1", "餐饮油烟专项整治", "县城管局", "县市场监管局", "6月底前"],
               ["2", "加油站油气回收检测", "县生态环境分局", "", "长期坚持"],
               ["3", "秸秆禁烧巡查", "各乡镇人民政府", "", ""]]),
    ]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.kind) for t in tasks] == [
        ("开展餐饮油烟专项整治，规范安装净化设施", [("县城管局", "lead"), ("县市场监管局", "support")], "by"),
        ("推进加油站油气回收检测，每季度抽测一次", [("县生态环境分局", "lead")], "ongoing"),
        ("秸秆禁烧巡查", [("各乡镇人民政府", "lead")], None),
    ]


# ---------------------------------------------------------------- rules fixed on held-out documents

def test_blanket_line_with_several_roles():
    # 以下任务由X牵头，Y配合 / 以上任务均由X牵头，Z负责落实: every role of the line applies
    result = run(
        "一、推进垃圾分类",
        "以下任务由县城管局牵头，各乡镇人民政府配合。",
        "（一）扩大分类覆盖面。",
        "（二）完善分类运输体系。（县发改委配合）",
        "二、整治村庄环境",
        "（三）开展村庄清洁行动。",
        "以上任务均由县农业农村局牵头，各乡镇（街道）负责落实。",
    )
    assert result == [
        ("扩大分类覆盖面", [("县城管局", "lead"), ("各乡镇人民政府", "support")]),
        ("完善分类运输体系", [("县城管局", "lead"), ("各乡镇人民政府", "support"), ("县发改委", "support")]),
        ("开展村庄清洁行动", [("县农业农村局", "lead"), ("各乡镇（街道）", "responsible")]),
    ]


def test_blanket_line_closing_with_a_colon():
    # 以下任务由X牵头，Y配合： the role word glued to the names, then the colon that opens the
    # items: one sentence of roles, not a 配合： field cut off it
    result = run(
        "一、治理工业废气",
        "以下任务由县生态环境局牵头，县工信局、各乡镇人民政府配合：",
        "1.完成铸造企业除尘设施改造。",
    )
    assert result == [
        ("完成铸造企业除尘设施改造", [("县生态环境局", "lead"), ("县工信局", "support"), ("各乡镇人民政府", "support")]),
    ]


def test_blanket_line_counting_the_items_back():
    # 上述第2至3项任务由X负责统筹调度: the items it counts back over, the way it keeps them going
    result = run(
        "二、治理城区扬尘",
        "2.各乡镇要组织清理裸露地块。",
        "3.请县城管执法局加强渣土车夜查。",
        "上述第2至3项任务由县扬尘办负责统筹调度。",
    )
    assert result == [
        ("要组织清理裸露地块", [("县扬尘办", "responsible"), ("各乡镇", "responsible")]),
        ("请县城管执法局加强渣土车夜查", [("县扬尘办", "responsible"), ("县城管执法局", "responsible")]),
    ]


def test_an_item_whose_work_is_keeping_others_going_stays_a_task():
    # 统筹协调 after 负责 only finishes a blanket line's role; in an item it is the work
    assert run("6.县大气办负责统筹协调，各成员单位按职责落实。") == [
        ("县大气办负责统筹协调，各成员单位按职责落实", [("县大气办", "responsible")]),
    ]


def test_a_line_of_units_alone_after_an_item():
    # the units on the line after an item's text, without a label, do it (one name alone
    # where the next item follows)
    result = run(
        "1.开展沿河排口排查。完成全县排口溯源整治。",
        "县生态环境局、县水利局 县住建局",
        "2.新建雨污管网12公里。",
        "县住建局",
        "3.清理河道漂浮物。",
    )
    assert result == [
        ("开展沿河排口排查。完成全县排口溯源整治", [("县生态环境局", "responsible"), ("县水利局", "responsible"), ("县住建局", "responsible")]),
        ("新建雨污管网12公里", [("县住建局", "responsible")]),
        ("清理河道漂浮物", []),
    ]


def test_a_line_of_roles_alone_after_an_item():
    # …。 then 县发改局牵头，县财政局、各乡镇配合。 on a line of its own: the item's roles
    assert run("1.开展沿河排口排查。", "县发改局牵头，县财政局、各乡镇配合。", "2.完成排口整治。", "由县水利局负责。") == [
        ("开展沿河排口排查", [("县发改局", "lead"), ("县财政局", "support"), ("各乡镇", "support")]),
        ("完成排口整治", [("县水利局", "responsible")]),
    ]


def test_a_parenthesis_of_names_whose_spaces_were_lost():
    assert run("（一）新建雨污管网12公里。（县住建局县发改局 县财政局）") == [
        ("新建雨污管网12公里", [("县住建局", "responsible"), ("县发改局", "responsible"), ("县财政局", "responsible")]),
    ]


def test_the_last_items_fields_on_its_own_line_stay_its_own():
    # the last item of a section with 牵头单位：X 责任单位：Y 配合单位：Z on its own line: its
    # fields, not a closing line for the items of the section
    result = run(
        "（一）治理油气和喷涂废气",
        "1.治理加油站油气。区商务局牵头，区生态环境局配合。",
        "2.整治汽修行业。牵头单位：区交通局 责任单位：各镇（街道） 配合单位：区城管执法局",
    )
    assert result == [
        ("治理加油站油气", [("区商务局", "lead"), ("区生态环境局", "support")]),
        ("整治汽修行业", [("区交通局", "lead"), ("各镇（街道）", "responsible"), ("区城管执法局", "support")]),
    ]


def test_a_closing_parenthesis_of_units_ended_by_the_note_on_the_first_listed():
    # the note closing the list (，列第一位的为牵头单位) is no name: the parenthesis names units only
    assert run("5.公厕建设。新建公厕12座（县城管执法局、县住建局、某某经开区管委会，列第一位的为牵头单位）。") == [
        ("公厕建设。新建公厕12座", [("县城管执法局", "lead"), ("县住建局", "support"), ("某某经开区管委会", "support")]),
    ]


def test_a_heading_naming_a_unit_alone_over_its_numbered_duties():
    result = run(
        "四、职责分工",
        "（一）县自然资源局",
        "1.负责矿山地质环境恢复治理的监督。",
        "2.负责砂石开采秩序整治。",
        "（二）县水利局：负责河道采砂监管。",
    )
    assert result == [
        ("负责矿山地质环境恢复治理的监督", [("县自然资源局", "responsible")]),
        ("负责砂石开采秩序整治", [("县自然资源局", "responsible")]),
        ("负责河道采砂监管", [("县水利局", "responsible")]),
    ]


def test_a_body_named_responsible_beside_the_addressee_makes_no_one_lead():
    # 请X…，Y负责督查: Y helps no one, X does not lead; 请X…，Y配合 still makes X lead
    assert run("一、请各乡镇于7月10日前完成河道垃圾清理，县水务局负责督查。") == [
        ("请各乡镇于7月10日前完成河道垃圾清理，县水务局负责督查", [("各乡镇", "responsible"), ("县水务局", "responsible")]),
    ]
    assert run("一、请各乡镇于7月10日前完成河道垃圾清理，县水务局配合。")[0][1] == [
        ("各乡镇", "lead"), ("县水务局", "support")]


def test_townships_and_sub_districts_sharing_one_addressing_word():
    assert run("各乡镇、街道要落实秸秆禁烧网格化监管。") == [("要落实秸秆禁烧网格化监管", [("各乡镇、街道", "responsible")])]


def test_partners_end_where_a_verb_opens_the_next_clause():
    # 会同X、Y，指导各乡镇…: 各乡镇 is whom the work is about, no partner
    assert run("县环保局要会同县住建局、县发改局，指导各乡镇建设污水处理设施。") == [
        ("要会同县住建局、县发改局，指导各乡镇建设污水处理设施",
         [("县环保局", "lead"), ("县住建局", "support"), ("县发改局", "support")]),
    ]


def test_a_list_closed_by_the_kind_of_media_it_names():
    assert run("县委宣传部、县电视台、县广播电台等新闻媒体要广泛宣传。") == [
        ("要广泛宣传", [("县委宣传部", "responsible"), ("县电视台", "responsible"), ("县广播电台", "responsible")]),
    ]


def test_blanket_lines_that_name_the_roles_first_or_speak_for_their_part():
    # 县X局负责以下工作： / 由X牵头，Y配合，负责以下任务： / 本部分任务由X牵头: the items after it,
    # in its section
    assert run("一、治理工业废气", "县生态环境局负责以下工作：", "1.完成铸造企业除尘改造。",
               "二、治理城区扬尘", "2.加强工地围挡管理。") == [
        ("完成铸造企业除尘改造", [("县生态环境局", "responsible")]),
        ("加强工地围挡管理", []),
    ]
    assert run("一、治理工业废气", "由县生态环境局牵头，县工信局配合，负责以下任务：", "1.完成铸造企业除尘改造。") == [
        ("完成铸造企业除尘改造", [("县生态环境局", "lead"), ("县工信局", "support")]),
    ]
    assert run("一、治理工业废气", "本部分任务由县生态环境局牵头，县工信局配合。", "1.完成铸造企业除尘改造。") == [
        ("完成铸造企业除尘改造", [("县生态环境局", "lead"), ("县工信局", "support")]),
    ]


def test_a_table_copied_a_cell_a_line_under_numbered_headings():
    # 1.开展排查 / 县发改局 / 6月底前: the heading is the task, the line under it its units, the
    # next its time limit
    assert [(text, units) for text, units in run("1.开展沿河排口排查", "县发改局", "2025年6月底前",
                                                  "2.完成排口整治", "县财政局、城关镇", "长期坚持")] == [
        ("开展沿河排口排查", [("县发改局", "responsible")]),
        ("完成排口整治", [("县财政局", "responsible"), ("城关镇", "responsible")]),
    ]


def test_roles_named_by_their_label_after_wei_or_as_the_whole_charge():
    # X为牵头单位，Y为配合单位 / （X负总责，Y协助）
    assert run("1.开展沿河排口排查。县发改局为牵头单位，县财政局、各乡镇为配合单位。") == [
        ("开展沿河排口排查", [("县发改局", "lead"), ("县财政局", "support"), ("各乡镇", "support")]),
    ]
    # (beside a helper, the body answering for the whole task leads)
    assert run("1.开展沿河排口排查。（县发改局负总责，县财政局协助）") == [
        ("开展沿河排口排查", [("县发改局", "lead"), ("县财政局", "support")]),
    ]
    # 负责牵头: the lead, not a body responsible beside a helper
    assert run("1.开展沿河排口排查。县发改局负责牵头，县财政局配合。") == [
        ("开展沿河排口排查", [("县发改局", "lead"), ("县财政局", "support")]),
    ]


def test_roles_stated_in_the_parts_before_the_trigger():
    # X牵头，Y配合，要…: the parts before 要 name who does the work, each in its role
    assert run("会议要求，县农业农村局牵头，县财政局配合，要做好秸秆综合利用。") == [
        ("要做好秸秆综合利用", [("县农业农村局", "lead"), ("县财政局", "support")]),
    ]
    assert run("县水利局作为牵头单位，要于6月底前完成河道清淤。") == [
        ("要于6月底前完成河道清淤", [("县水利局", "lead")]),
    ]
    # (a time or a topic before the comma names no one)
    assert run("6月底前，要完成河道清淤。") == [("要完成河道清淤", [])]


def test_partners_named_in_a_part_of_their_own():
    # 请X牵头，会同Y、Z，… : the partners support
    assert run("请县生态环境局牵头，会同县发改委、县水利局，于6月底前制定年度清单。") == [
        ("请县生态环境局牵头，会同县发改委、县水利局，于6月底前制定年度清单",
         [("县生态环境局", "lead"), ("县发改委", "support"), ("县水利局", "support")]),
    ]


def test_numbered_yao_enumeration():
    # 一要…；二要…: the numeral is enumeration, 要 the trigger
    assert run("王某要求，一要聚焦突出问题抓整改；二要聚焦重点领域抓攻坚。") == [
        ("要聚焦突出问题抓整改", []), ("要聚焦重点领域抓攻坚", []),
    ]


def test_qing_without_addressee():
    # the notice's own addressees are meant: a task when it sets a time limit
    (task,) = tasks_of(Document("t", "txt", blocks=["工作总结请于6月30日前报送县扬尘办。"]), anchor=ANCHOR)
    assert (task.text, task.units, task.deadline.date) == ("请于6月30日前报送县扬尘办", [], date(2025, 6, 30))
    # a formula with no limit is no task; 申请/提请 are no 请
    assert run("请认真贯彻执行。") == []
    assert run("整改完成后及时申请验收销号。") == []


def test_role_led_sentence_outside_a_directive_run():
    # 由X牵头，Y配合，<action>: an assignment wherever it stands, unless it reports past work
    assert run("二、关于养殖污染", "由县农业农村局牵头，县生态环境分局配合，开展粪污利用核查。") == [
        ("由县农业农村局牵头，县生态环境分局配合，开展粪污利用核查",
         [("县农业农村局", "lead"), ("县生态环境分局", "support")]),
    ]
    assert run("由县农业农村局牵头，县生态环境分局配合，已完成粪污利用核查。") == []
    assert run("由县农业农村局牵头，县生态环境分局配合，开展了粪污利用核查。") == []
    # without 由, a paragraph opening with roles, then work given a time limit, assigns it as
    # well (not the limit alone closing a measure's roles, nor work reported done)
    assert run("县水利局牵头，县财政局配合，10月底前完成小型水库除险加固。") == [
        ("县水利局牵头，县财政局配合，10月底前完成小型水库除险加固",
         [("县水利局", "lead"), ("县财政局", "support")]),
    ]
    # (after a measure on its line, such a sentence gives the measure its roles)
    assert run("3.开展排污口排查，建立台账。市生态环境局牵头，市水务局配合，9月底前完成整治任务。") == [
        ("开展排污口排查，建立台账", [("市生态环境局", "lead"), ("市水务局", "support")]),
    ]
    assert run("县水利局牵头，县财政局配合，10月底前已完成小型水库除险加固。") == []
    assert run("县水利局牵头，县财政局配合，10月底前完成。") == []


def test_vague_subject_after_an_adverbial():
    # 预警期间，各类工地要…: a directive without units (各类工地 names no body)
    (task,) = tasks_of(Document("t", "txt", blocks=["重污染天气预警期间，各类工地要立即停止土石方作业。"]), anchor=ANCHOR)
    assert (task.text, task.units, task.deadline.kind) == ("要立即停止土石方作业", [], "asap")


def test_qualified_task_column_header():
    table = Table([["序号", "工作事项", "时间节点", "责任单位"], ["1", "完成清单修订", "6月20日前", "县生态环境分局"]])
    (task,) = tasks_of(Document("t", "docx", blocks=[table]), anchor=ANCHOR)
    assert task.text == "完成清单修订"
    assert [(u.name, u.role) for u in task.units] == [("县生态环境分局", "responsible")]
    assert task.deadline.date == date(2025, 6, 20)


def test_item_heading_over_a_blanket_line_is_no_task():
    table = Table([["任务内容", "责任单位"], ["开展网格化巡查", "各街道办事处"]])
    result = run("（二）常态化管理事项。下列事项由责任单位组织实施。", table)
    assert result == [("开展网格化巡查", [("各街道办事处", "responsible")])]


def test_rectification_blocks_with_labels_before_their_measures():
    tasks = dated(
        "问题一：某园区异味扰民问题突出。",
        "牵头单位：某园区管委会",
        "配合单位：县生态环境分局",
        "整改时限：2025年12月底前",
        "整改措施：",
        "（1）开展泄漏检测专项检查。",
        "（2）建设厂界在线监测体系，9月底前建成。",
        "各责任单位要严格按照整改时限推进整改。",
    )
    units = [("某园区管委会", "lead"), ("县生态环境分局", "support")]
    assert tasks == [
        ("开展泄漏检测专项检查", units, date(2025, 12, 31)),
        ("建设厂界在线监测体系，9月底前建成", units, date(2025, 9, 30)),
        ("要严格按照整改时限推进整改", [], None),
    ]


def test_zecheng_takes_its_addressee_like_qing():
    assert run("会议要求，责成县应急管理局会同县林业局开展明查暗访。") == [
        ("责成县应急管理局会同县林业局开展明查暗访", [("县应急管理局", "lead"), ("县林业局", "support")]),
    ]


def test_two_trailing_parentheticals_give_roles_and_time():
    found = tasks_of(Document("t", "txt", blocks=[
        "一、重点任务",
        "1．推动大型堆场建设封闭料棚，对未完成改造的依法限期整改。（牵头单位：市发改委；配合单位：市生态环境局）（时限：2026年9月底前）",
    ]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date) for t in found] == [
        ("推动大型堆场建设封闭料棚，对未完成改造的依法限期整改",
         [("市发改委", "lead"), ("市生态环境局", "support")], date(2026, 9, 30)),
    ]


def test_head_deadline_field_covers_numbered_items():
    # a 督办单: 办理时限 in its head limits each item that names no limit of its own
    found = tasks_of(Document("t", "txt", blocks=[
        "督办事项：关于群众反映砂石厂粉尘污染问题",
        "办理时限：2025年7月10日前",
        "办理要求：",
        "1．石桥镇人民政府要立即组织停产整治。",
        "2．县自然资源局要核查该厂用地手续。",
    ]), anchor=date(2025, 6, 9))
    assert [(t.deadline.kind, t.deadline.date) for t in found] == [("asap", None), ("by", date(2025, 7, 10))]


def test_handling_deadline_column_of_a_table():
    table = Table([["序号", "交办事项", "牵头单位", "办理时限"],
                   ["1", "开展散煤经营网点专项检查", "县市场监管局", "2026年1月15日前"]])
    found = tasks_of(Document("t", "txt", blocks=[table]), anchor=date(2025, 12, 26))
    assert [(t.text, t.deadline.date) for t in found] == [("开展散煤经营网点专项检查", date(2026, 1, 15))]


def test_subject_list_closed_by_a_count_of_cities():
    assert run("临江市、南屏市等2个重点城市要严格落实臭氧防控强化措施。") == [
        ("要严格落实臭氧防控强化措施", [("临江市", "responsible"), ("南屏市", "responsible")])]


# ---------------------------------------------------------------- names from the recognizer


def units_with(orgs, *blocks):
    tasks = tasks_of(Document("t", "txt", blocks=list(blocks)), anchor=ANCHOR, orgs=orgs)
    return [[u.name for u in t.units] for t in tasks]


def test_the_subject_is_read_from_the_names_the_recognizer_found():
    # the 、 between the two names was lost: read from the text they are one name, the
    # recognizer's names (two, one right after the other) are taken as found
    glued = "市住建委市城管委要加强工地扬尘巡查。"
    assert units_with(None, glued) == [["市住建委市城管委"]]
    assert units_with([(0, 4), (4, 8)], glued) == [["市住建委", "市城管委"]]
    # a bare place before them is no name of the recognizer: the text gives it
    listed = "各区县、市住建委市城管委要加强工地扬尘巡查。"
    assert units_with([(4, 8), (8, 12)], listed) == [["各区县", "市住建委", "市城管委"]]
    # nor do blanks a PDF left after the 、
    spaced = "各区县、 市住建委市城管委 要加强工地扬尘巡查。"
    assert units_with([(5, 9), (9, 13)], spaced) == [["各区县", "市住建委", "市城管委"]]
    assert units_with(None, spaced) == [["各区县", "市住建委市城管委"]]
    # names that do not end the subject, or start inside a word, leave it to the text
    assert units_with([(4, 8)], glued) == [["市住建委市城管委"]]
    assert units_with([(2, 6)], "会上市水务局要做好排查。") == units_with(None, "会上市水务局要做好排查。")


def test_the_tasks_component_reads_the_recognizers_spans():
    from minutes.nlp.pipeline import doc_of, get_nlp

    document = Document("t", "txt", blocks=["县林业局要加强巡护。", "市住建委、市城管委要加强工地扬尘巡查。"])
    doc = doc_of(document)
    assert doc.text == document.text  # the spans' offsets are offsets in document.text
    for name, component in get_nlp().pipeline:
        doc = component(doc)
        if name == "minutes_orgs":
            assert [s.text for s in doc.spans["orgs"]] == ["县林业局", "市住建委", "市城管委"]
            # as if the recognizer had taken the list for one name
            doc.spans["orgs"] = [doc.char_span(a, b, label="ORG") for a, b in ((0, 4), (11, 20))]
    assert [[u.name for u in t.units] for t in doc._.tasks] == [["县林业局"], ["市住建委、市城管委"]]


# a numbered problem whose text is only labels (a page cut after its field names)
@pytest.mark.parametrize("paragraph", ["问题一：措施：", "问题二：整改措施：；"])
def test_an_item_holding_only_field_labels_is_no_task(paragraph):
    assert run(paragraph) == []


# the signing office under a numbered list of attachments: a line that only names units
@pytest.mark.parametrize("closing", ["青禾区人民政府办公室", "青禾区生态环境局、青禾区住房和城乡建设局"])
def test_a_line_that_only_names_units_is_no_task(closing):
    from minutes.nlp.pipeline import extract

    listed = ["附件：1.青禾区2019年蓝天保卫战重点任务", "2.青禾区2019年蓝天保卫战工作安排", closing, "2019年3月5日"]
    assert extract(Document("t", "txt", blocks=listed, published=ANCHOR)).tasks == []


def test_item_closed_by_who_carries_it_out():
    # 由X和各村负责具体实施 names who does the item, no action of its own (category 3)
    tasks = tasks_of(Document("t", "txt", blocks=[
        "4. 组织开展青禾镇国道沿线的垃圾清理行动。清除各类积存垃圾，疏通沟渠。由镇环卫所和各村（社区）负责具体实施。",
        "5. 组织开展河道漂浮物清理行动。镇水利站负责具体落实。",
    ]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks] == [
        ("组织开展青禾镇国道沿线的垃圾清理行动。清除各类积存垃圾，疏通沟渠",
         [("镇环卫所", "responsible"), ("各村（社区）", "responsible")]),
        ("组织开展河道漂浮物清理行动", [("镇水利站", "responsible")]),
    ]


def test_duty_whose_action_opens_with_a_quoted_name():
    # a news summary of a plan: 县环保局负责“双源”整治… is the bureau's duty (category 2)
    assert run("据悉，县财政局负责保障资金；县环保局负责“双源”整治环境监管，定期调度进展情况。") == [
        ("负责保障资金", [("县财政局", "responsible")]),
        ("负责“双源”整治环境监管，定期调度进展情况", [("县环保局", "responsible")]),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a time limit before the subject: the subject is still the addressee (category 4)
        ("本周内各乡镇要完成排查并备查。", [("要完成排查并备查", [("各乡镇", "responsible")], "2025-03-16")]),
        ("6月底前青禾县住建局要完成老旧管网改造。", [("要完成老旧管网改造", [("青禾县住建局", "responsible")], "2025-06-30")]),
    ],
)
def test_time_limit_before_the_subject(paragraph, expected):
    tasks = tasks_of(Document("t", "txt", blocks=[paragraph]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline and t.deadline.date.isoformat())
            for t in tasks] == expected


def test_required_time_limit_with_no_one_named():
    # 项目要求在8月底前全部完工: what is required, by when, no addressee (category 4)
    assert run("按照县里部署，本年度青禾林区道路项目要求在8月底前全部完工。") == [("在8月底前全部完工", [])]
    # ... but a report that it was done is no task
    assert run("市里要求在3月底前完成，青禾县已提前完成。") == []


def test_a_headless_page_dates_its_limits_by_the_year_one_of_them_names():
    # no title, no date: 2015年9月10日前 names the year of 10月20日前 (category 7)
    tasks = tasks_of(Document("t", "txt", blocks=[
        "（三）各乡镇要开展自查，于2015年9月10日前报送自查报告。",
        "（四）青禾县环保局要于10月20日前完成抽查。",
    ]), anchor=None)
    assert [(t.deadline.text, t.deadline.date) for t in tasks] == [
        ("2015年9月10日前", date(2015, 9, 10)), ("10月20日前", date(2015, 10, 20))]
    # a page with no year anywhere leaves the date unknown
    tasks = tasks_of(Document("t", "txt", blocks=["（四）青禾县环保局要于10月20日前完成抽查。"]), anchor=None)
    assert [(t.deadline.text, t.deadline.date) for t in tasks] == [("10月20日前", None)]


def test_roles_line_run_into_the_end_of_a_paragraph():
    # a repost joined each measure's 主要责任单位 line to its paragraph (category 3)
    tasks = tasks_of(Document("t", "txt", blocks=[
        "1.完善青禾县城乡环境卫生管理长效机制。",
        "加强城市道路日常保洁，实现道路保洁全面覆盖。主要责任单位：各乡（镇）人民政府，各县（市、区）市政、住建等部门。",
        "推进村屯综合整治工作，配备保洁队伍。主要责任单位：青禾县城管局。",
    ]), anchor=ANCHOR)
    assert [(t.text, [u.name for u in t.units]) for t in tasks] == [
        ("加强城市道路日常保洁，实现道路保洁全面覆盖",
         ["各乡（镇）人民政府", "各县（市、区）市政部门", "各县（市、区）住建部门"]),
        ("推进村屯综合整治工作，配备保洁队伍", ["青禾县城管局"]),
    ]


def test_a_stated_year_does_not_date_limits_counted_from_the_document_date():
    tasks = tasks_of(Document("t", "txt", blocks=[
        "（三）各村要于2016年9月10日前报送自查报告。", "（四）本周内各村要完成卫生死角清理。"]), anchor=None)
    assert [(t.deadline.text, t.deadline.date) for t in tasks] == [
        ("2016年9月10日前", date(2016, 9, 10)), ("本周内", None)]


def test_a_sector_named_after_a_lead_in_then_its_measure():
    # a news summary of a plan: 方案要求，X行业加快… — a sector, no unit (category 3)
    assert run("方案要求，青禾县水泥行业加快超低排放改造；县交通运输局要加强渣土车监管。") == [
        ("加快超低排放改造", []), ("要加强渣土车监管", [("县交通运输局", "responsible")])]
    # ... not a statement of what it is
    assert run("会议指出，全县空气质量明显改善。") == []


def test_a_duty_of_vague_bodies_is_a_task_of_no_unit():
    # 各成员单位负责… (category 2): the duty counts, its bodies are vague
    assert run("各成员单位负责制定本单位实施方案；青禾县环保局负责统筹协调。") == [
        ("负责制定本单位实施方案", []), ("负责统筹协调", [("青禾县环保局", "responsible")])]
    # ... not the officials attending, nor work reported done
    assert run("相关部门负责人参加会议。") == []
    assert run("各有关单位负责的项目已全部完工。") == []


@pytest.mark.parametrize("roles_line", [
    "牵头单位：青禾市公安局 配合单位：青禾市交通局、青禾市环保局",  # on the item's line, a space between fields
    "牵头单位：青禾市公安局，配合单位：青禾市交通局、青禾市环保局",
    "（牵头单位：青禾市公安局 配合单位：青禾市交通局、青禾市环保局）",  # in a parenthesis, the space lost
])
def test_role_fields_on_the_items_own_line(roles_line):
    tasks = tasks_of(Document("t", "txt", blocks=["一、重点任务", "（三）强化机动车污染防治。" + roles_line,
                                                  "（四）推进油气回收治理。"]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units]) for t in tasks][0] == (
        "强化机动车污染防治",
        [("青禾市公安局", "lead"), ("青禾市交通局", "support"), ("青禾市环保局", "support")])


@pytest.mark.parametrize(("paragraph", "expected"), [
    # 需 directs as 须 does (category 4)
    ("各乡镇需于6月底前完成秸秆清运。", [("需于6月底前完成秸秆清运", [("各乡镇", "responsible")])]),
    ("青禾县环保局需加强夜间巡查。", [("需加强夜间巡查", [("青禾县环保局", "responsible")])]),
    # ... not where it needs, costs or hands work over
    ("所需资金由县财政统筹解决。", []),
    ("本项目需投资500万元。", []),
    ("以下工作均需各乡镇落实，不再列出。", []),
    ("报送项目情况总结（需说明项目内容及工艺流程）。", []),
])
def test_xu_as_a_trigger(paragraph, expected):
    assert run(paragraph) == expected


def test_an_item_whose_second_sentence_is_its_measure_with_a_time():
    # （二）淘汰燃煤锅炉。9月底前完成…淘汰工作。: the measure, not a time alone (category 3);
    # 年底前完成。 is a time alone
    tasks = tasks_of(Document("t", "txt", blocks=[
        "一、重点任务",
        "（一）推进污水处理厂提标改造。由青禾县住建局负责，6月底前完成。",
        "（二）淘汰燃煤锅炉。9月底前完成一段式煤气发生炉淘汰工作。（青禾县环保局牵头，县市场监管局参与。以下均需各乡镇落实，不再列出）",
        "（三）整治散乱污企业。年底前完成。",
    ]), anchor=ANCHOR)
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline.text) for t in tasks] == [
        ("推进污水处理厂提标改造", [("青禾县住建局", "responsible")], "6月底前"),
        ("淘汰燃煤锅炉。9月底前完成一段式煤气发生炉淘汰工作",
         [("青禾县环保局", "lead"), ("县市场监管局", "support")], "9月底前"),
        ("整治散乱污企业", [("各乡镇", "responsible")], "年底前"),
    ]


def test_rectification_plan_blocks_under_the_problems_they_answer():
    # 一、X问题 heads the block of field lines of its rectification: 整改措施 is the task
    # (category 4), not a finding
    tasks = tasks_of(Document("t", "txt", blocks=[
        "青禾县督察反馈问题整改方案",
        "一、青禾河流域水质不达标问题",
        "整改目标：青禾河断面水质稳定达到III类。",
        "整改措施：加快城区污水管网建设，完成雨污分流改造。",
        "责任单位：青禾县生态环境局、青禾县住建局",
        "整改时限：2019年12月底前",
        "二、城区扬尘污染问题",
        "整改措施：严格落实施工工地六个百分之百要求。",
        "责任单位：青禾县住建局",
        "整改时限：立行立改、长期坚持",
    ]), anchor=ANCHOR)
    assert [(t.text, [u.name for u in t.units], t.deadline.kind) for t in tasks] == [
        ("加快城区污水管网建设，完成雨污分流改造", ["青禾县生态环境局", "青禾县住建局"], "by"),
        ("严格落实施工工地六个百分之百要求", ["青禾县住建局"], "ongoing"),
    ]


@pytest.mark.parametrize("label", ["会议议定", "会议决定", "会议明确", "会议记录", "议定事项"])
def test_a_minutes_decisions_label_announces_the_items_after_it(label):
    # each enumerated decision is a task, with no trigger word of its own
    assert run(f"{label}：一是清理青石河沿岸垃圾；二是排查沿河排污口，建立问题台账。") == [
        ("清理青石河沿岸垃圾", []), ("排查沿河排污口，建立问题台账", [])]
    # what the meeting heard or pointed out announces nothing
    assert run("会议指出：一是河道保洁有所改善；二是排污口底数基本清楚。") == []


def test_a_heading_run_into_its_paragraph_with_a_colon_is_no_part_of_the_subject():
    # 特别提醒：X要… / 下一步工作：X要…: the subject follows the colon
    assert run("特别提醒：各乡镇要加强夜间巡查。") == [("要加强夜间巡查", [("各乡镇", "responsible")])]
    assert run("下一步工作：县水利局、县农业农村局要加快灌区配套建设。") == [
        ("要加快灌区配套建设", [("县水利局", "responsible"), ("县农业农村局", "responsible")])]
    # a label asking for work in general, outside any item, is read so as well
    assert run("工作要求：各乡镇要加强夜间巡查，县公安局要依法查处。") == [
        ("要加强夜间巡查", [("各乡镇", "responsible")]), ("要依法查处", [("县公安局", "responsible")])]
    # ... or with a space, which normalization drops between two Han characters: the
    # collectives after the heading's words (a level word before 各 with them) are the subject
    assert run("温馨提示 县级各巡查组和各村（社区）要加强夜间巡查。") == [
        ("要加强夜间巡查", [("县级各巡查组", "responsible"), ("各村（社区）", "responsible")])]


def test_the_cases_a_directive_deals_with_then_the_work_on_them():
    # 要求各单位对…的问题，立即…: vague addressees, the cases, then the work they are urged to
    assert run("会议要求各责任单位对已销号的问题，立即组织回访核查。") == [
        ("要求各责任单位对已销号的问题，立即组织回访核查", [])]
    # …；对其他…的，做Y: the same addressees' work on other cases, a task of its own
    assert run("县住建局要对新开工项目严格审查；对已开工的项目，开展扬尘专项检查。") == [
        ("要对新开工项目严格审查", [("县住建局", "responsible")]),
        ("对已开工的项目，开展扬尘专项检查", [("县住建局", "responsible")]),
    ]


def test_units_closed_by_a_colon_own_the_points_enumerated_after_it():
    # 县水利局：一是要A；二是B: the points are that unit's work, trigger word or not
    assert run("县水利局：一是要加快小型水库除险加固；二是排查山塘隐患。县应急局要做好预案。") == [
        ("要加快小型水库除险加固", [("县水利局", "responsible")]),
        ("排查山塘隐患", [("县水利局", "responsible")]),
        ("要做好预案", [("县应急局", "responsible")]),
    ]


def test_what_is_to_be_done_then_by_whom():
    # 由 before the units that do it and the role word after them
    assert run("会议议定：一是小区垃圾桶由柳溪镇人民政府负责配置；二是沿街垃圾由县环卫所牵头清运。") == [
        ("小区垃圾桶由柳溪镇人民政府负责配置", [("柳溪镇人民政府", "responsible")]),
        ("沿街垃圾由县环卫所牵头清运", [("县环卫所", "lead")])]
    # without a role word the words after 由 may be a person's post
    assert run("会议议定：一是成立工作专班，由县政府副县长王明远任组长。")[0][1] == []
    # 由于 gives a cause, no one who acts
    assert run("会议议定：一是由于县环卫所人手不足，沿街垃圾暂按原方式收运。")[0][1] == []


def test_by_whom_an_item_is_carried_out():
    # 由 before the units and a verb of drafting (拟定/起草): they carry the item out, and the
    # verb ends their name (not 县水务局拟定机构设置方案报县委)
    assert run("二、建立组织机构", "1、4月底前，设立县河长制办公室，由县水务局拟定机构设置方案报县委、县政府审定。",
               "2、5月底前，由县局起草河长巡河制度，报县总河长签发。") == [
        ("4月底前，设立县河长制办公室，由县水务局拟定机构设置方案报县委、县政府审定", [("县水务局", "responsible")]),
        ("5月底前，由县局起草河长巡河制度，报县总河长签发", [("县局", "responsible")])]
    # so does an action word after them (由X组织开展…, 由X加强…)
    assert run("三、重点任务", "（二）完善工地扬尘巡查，由青禾县住建局组织开展夜间抽查。",
               "（三）整治河道沿岸垃圾，由青禾县水务局加强日常巡河。") == [
        ("完善工地扬尘巡查，由青禾县住建局组织开展夜间抽查", [("青禾县住建局", "responsible")]),
        ("整治河道沿岸垃圾，由青禾县水务局加强日常巡河", [("青禾县水务局", "responsible")])]
    # a post after 由 and a body names no one who acts
    assert run("二、建立组织机构", "1、4月底前，设立县河长制办公室，由县水务局局长任主任。")[0][1] == []
    # an item opening with the units that do it: a later part's drafter drafts a piece of it
    assert run("二、整改措施", "1.县环保局、县水利局加大对水源地的水质监测监管，由柳溪镇制定并印发水源保护公约，成立巡查队伍。")[0][1] == [
        ("县环保局", "responsible"), ("县水利局", "responsible")]


def test_items_under_a_minutes_topic_are_its_decisions():
    assert run("三、关于沿街商铺垃圾收运问题", "（一）小区垃圾桶由柳溪镇人民政府负责配置。",
               "（二）商铺生活垃圾采取定时收运方式解决。") == [
        ("小区垃圾桶由柳溪镇人民政府负责配置", [("柳溪镇人民政府", "responsible")]),
        ("商铺生活垃圾采取定时收运方式解决", [])]
    # a section of problems found holds none
    assert run("三、存在问题", "（一）部分商铺未配置垃圾桶。") == []
    # an item's proceedings (the report heard, the draft approved) are no task of it; an
    # order given with them is
    assert run("一、审议《沿街商铺垃圾收运办法》", "会议听取了县城管局关于《沿街商铺垃圾收运办法》的情况汇报。"
               "会议原则同意该办法。") == []
    assert run("二、研究河道保洁经费", "会议审议了河道保洁经费安排。会议同意该方案，要求县财政局抓紧拨付。") == [
        ("要求县财政局抓紧拨付", [("县财政局", "responsible")])]
    # 通过 by means of opens a measure, no approval
    assert run("三、加强宣传", "（一）通过村广播宣传垃圾分类知识。") == [("通过村广播宣传垃圾分类知识", [])]


def test_a_partner_named_after_a_semicolon_has_a_duty_of_its_own():
    # …要牵头建立台账；Y配合做好…: Y's duty, not more words of the directive before it
    assert run("二、关于收运体系。市城管局要牵头建立分类收运台账；市商务局配合做好回收网点布局。") == [
        ("要牵头建立分类收运台账", [("市城管局", "lead")]),
        ("配合做好回收网点布局", [("市商务局", "support")])]
    # ... a clause after ； without units of its own still goes on the directive before it
    assert run("请县水务局编写整治报告；填写数据表，于3月20日前反馈。") == [
        ("请县水务局编写整治报告；填写数据表，于3月20日前反馈", [("县水务局", "responsible")])]


def test_what_a_meeting_settled_leads_in_directives():
    # 会议商定： / 会议确定，: the decisions of minutes, as 会议议定 leads them
    assert run("会议商定：县水务局加强河道巡查；县城管局要加快清理沿岸垃圾。") == [
        ("加强河道巡查", [("县水务局", "responsible")]), ("要加快清理沿岸垃圾", [("县城管局", "responsible")])]
    assert run("会议确定，加强沿河排污口巡查。") == [("加强沿河排污口巡查", [])]


def test_a_lead_in_closing_its_line_leads_the_measures_on_the_lines_after_it():
    # 会议要求： on a line of its own, the measures on the lines after it, closed by ；
    # (numbered by 一是… or not): each a directive of the run it opened
    for first, second in (("统筹调度各方力量，压实属地责任；", "加强重点河段夜间巡查。"),
                          ("一是统筹调度各方力量，压实属地责任；", "二是加强重点河段夜间巡查。")):
        assert run("县河长办召开月度例会。", "会议要求：", first, second, "各镇分管负责人参加会议。") == [
            ("统筹调度各方力量，压实属地责任", []), ("加强重点河段夜间巡查", [])]
    # (the run ends with the line that closes it: a statement after a full stop is none)
    assert run("会议要求：", "统筹调度各方力量。", "加密巡查是当前工作重点。") == [("统筹调度各方力量", [])]


def test_strict_demands_are_a_manner_of_working_not_a_lead_in():
    assert run("会议议定：一是排查青石河沿岸企业；二是管控涂装企业，严格要求，加强监测，不达标不予生产。") == [
        ("排查青石河沿岸企业", []), ("管控涂装企业，严格要求，加强监测，不达标不予生产", [])]


# ---------------------------------------------------------------- speeches and host scripts

@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a host's script reads out the agenda: who speaks, reads or signs is no task
        ("下面，请副县长王某某同志作工作报告。", []),
        ("由县林业局局长XXX同志宣读表彰决定。", []),
        ("请县长**同志与各镇镇长签订秸秆禁烧目标责任书。", []),
        ("请获得先进个人的同志上台领奖。", []),
        ("今天的会议共有三项议程：一是副县长XXX同志宣读《青禾县秸秆禁烧实施方案》；二是各镇主要领导递交目标责任状；"
         "三是县委书记XX同志讲话。", []),
        # the study of a speech is a task
        ("各镇要认真学习县委书记重要讲话精神。", [("要认真学习县委书记重要讲话精神", [("各镇", "responsible")])]),
        # a unit after 请 doing the same is asked to act
        ("请各镇于11月底前传达会议精神。", [("请各镇于11月底前传达会议精神", [("各镇", "responsible")])]),
    ],
)
def test_agenda_steps_are_no_tasks(paragraph, expected):
    assert run(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # an exhortation to awareness asks the units to act as any 要 does: a task
        ("各单位要充分认识禁烧工作的重要性和紧迫性。", [("要充分认识禁烧工作的重要性和紧迫性", [])]),
        ("二要认清形势，强化认识。", [("要认清形势，强化认识", [])]),
        ("一要认识到位。二要整改到位。", [("要认识到位", []), ("要整改到位", [])]),
        # the directive after it in the sentence is one of its own after ；, and goes on with
        # it after a comma, with no new addressee
        ("各镇要充分认识禁烧工作的重要性；要迅速组织巡查队伍，尽快开展拉网式排查。",
         [("要充分认识禁烧工作的重要性", [("各镇", "responsible")]),
          ("要迅速组织巡查队伍，尽快开展拉网式排查", [("各镇", "responsible")])]),
        ("各镇要充分认识禁烧工作的重要性，要迅速组织巡查队伍。",
         [("要充分认识禁烧工作的重要性，要迅速组织巡查队伍", [("各镇", "responsible")])]),
    ],
)
def test_an_exhortation_to_awareness_is_a_task(paragraph, expected):
    assert run(paragraph) == expected


def test_a_noun_a_trigger_qualifies_is_no_task():
    # 是必须打赢的硬仗 says what the work is; the directive after it is the task
    assert run("会议强调，秸秆禁烧是必须打赢的硬仗。各乡镇要加强巡查。") == [("要加强巡查", [("各乡镇", "responsible")])]
    assert run("要建立健全巡查工作的长效机制。") == [("要建立健全巡查工作的长效机制", [])]
    # category 3: a measure's words that only say what the work is, nothing after them
    assert run("副镇长强调，做好河道整治工作是一项重要的民生工程，各村要压实责任。") == [
        ("要压实责任", [("各村", "responsible")])]
    assert run("会议要求，做好河道整治工作，确保汛期安全。") == [("做好河道整治工作，确保汛期安全", [])]


def test_a_heading_that_only_says_how_much_is_no_task():
    # 压力要再传导。 heads the point; the sentence after it holds the work
    assert run("会议强调，压力要再传导。各乡镇要压实属地责任。巡查要更加严格。要加强夜间巡查。") == [
        ("要压实属地责任", [("各乡镇", "responsible")]), ("要加强夜间巡查", [])]
    # category 3: ... nor one that only says how well (思想认识要到位)
    assert run("会议要求：", "一、思想认识要到位", "要提高思想认识，服从各项工作安排。") == [("要提高思想认识，服从各项工作安排", [])]
    # with its object the same words are work
    assert run("要再强化巡查力度。") == [("要再强化巡查力度", [])]


def test_each_level_of_departments_is_vague():
    assert run("各级部门要加强秸秆禁烧巡查。") == [("要加强秸秆禁烧巡查", [])]


# one scan of the words a reading needs rejects a clause outside a run before the readings
@pytest.mark.parametrize("clause", [
    "青禾县环保局要加强巡查",  # a trigger
    "各乡镇于10月10日前报送自查报告",  # addressees and a time limit, no trigger
    "由青禾县住建局牵头，青禾县城管局配合，开展工地巡查",  # roles stated
    "由青禾县水务局依法查处，于9月9日前书面回复",  # handed over with 由
    "整改方案于5月20日前报青禾县环保局",  # a submission
    "每季度报送一次工作进展情况",  # a recurring submission
])
def test_a_clause_holding_a_word_of_one_reading_is_still_read(clause):
    from minutes.nlp.components.tasks import _directive_words, directive

    assert _directive_words().search(clause)
    assert directive(clause, False) is not None


def test_a_clause_without_any_word_of_a_reading_is_no_directive():
    from minutes.nlp.components.tasks import directive

    assert directive("青禾县召开生态环境保护工作会议", False) is None


def test_duties_of_two_bodies_parted_by_a_comma():
    # 会议明确，X负责A，Y负责B: each body its own duty
    assert run("会议明确，县住建局负责工地扬尘监管，县城管局负责道路扬尘管控。") == [
        ("负责工地扬尘监管", [("县住建局", "responsible")]),
        ("负责道路扬尘管控", [("县城管局", "responsible")]),
    ]


def test_a_body_named_after_a_duty_s_comma_with_its_own_trigger_opens_a_task():
    # X负责A，Y要B: the second addressee's directive is a task of its own, the same body
    # named again too
    assert run("县住建局负责城区工地的巡查工作，县城管局要按照保洁标准，加强道路冲洗。") == [
        ("负责城区工地的巡查工作", [("县住建局", "responsible")]),
        ("要按照保洁标准，加强道路冲洗", [("县城管局", "responsible")]),
    ]
    assert run("各乡镇负责本辖区的禁烧工作，各乡镇要落实网格责任，加强夜间巡查。") == [
        ("负责本辖区的禁烧工作", [("各乡镇", "responsible")]),
        ("要落实网格责任，加强夜间巡查", [("各乡镇", "responsible")]),
    ]


@pytest.mark.parametrize("request_line", [
    "请于6月10日前将自查报告报送县农业农村局，联系人：周宁，联系电话：0000-7654321。",
    "请于6月10日前将自查报告报送县农业农村局（联系人：周宁；电话：0000-7654321，邮箱：zc@example.org）。",
    "请于6月10日前将自查报告报送县农业农村局，E-mail: zc@example.org。",
])
def test_contact_details_closing_a_request_are_no_part_of_its_task(request_line):
    [(text, units)] = run("各乡镇人民政府：", request_line)
    assert text == "请于6月10日前将自查报告报送县农业农村局"
    assert units == [("各乡镇人民政府", "responsible")]


def test_units_opening_a_clause_of_a_run_are_its_addressees_not_a_topic():
    # 会议要求，X继续开展…: X is a unit, an adverb before the verb, not a topic
    assert run("会议要求，桐溪县水利局继续开展河道巡查。") == [("继续开展河道巡查", [("桐溪县水利局", "responsible")])]


def test_numbered_items_of_a_run_after_semicolons_each_name_their_units():
    assert run("会议要求，一是桐溪县水利局继续开展河道巡查；二是桐溪县林业局持续做好防火宣传；三是加强值班值守。") == [
        ("继续开展河道巡查", [("桐溪县水利局", "responsible")]),
        ("持续做好防火宣传", [("桐溪县林业局", "responsible")]),
        ("加强值班值守", [])]


def test_what_leaders_asked_under_a_colon_is_a_lead_in_not_a_label():
    assert run("县领导要求：1、各乡镇继续开展秸秆巡查，确保不漏一处。2、桐溪县督查组继续进行暗访。") == [
        ("继续开展秸秆巡查，确保不漏一处", [("各乡镇", "responsible")]),
        ("继续进行暗访", [("桐溪县督查组", "responsible")])]


def test_enumeration_by_bare_numerals_after_a_lead_in():
    # 一X；二Y；三Z, no mark after the numerals: each item a task, the numeral left out
    assert run("现就有关事项通知如下：一禁止在河道两侧倾倒垃圾；二尽快组建河道保洁队伍；三继续加大巡河力度。") == [
        ("禁止在河道两侧倾倒垃圾", []), ("尽快组建河道保洁队伍", []), ("继续加大巡河力度", [])]
    # the items a directive announces are its addressee's work, whatever their verbs
    assert run("县水利局要做好以下工作：一清理河道垃圾；二建立巡河台账。") == [
        ("清理河道垃圾", [("县水利局", "responsible")]), ("建立巡河台账", [("县水利局", "responsible")])]
    assert run("县水利局要做好以下工作：一是清理河道垃圾；二是建立巡河台账。") == [
        ("清理河道垃圾", [("县水利局", "responsible")]), ("建立巡河台账", [("县水利局", "responsible")])]
    # Arabic numerals parted from their items by a space: the units after them are the subjects
    assert run("会议要求：1 各镇街要加强夜间巡查；2 县城管局要加快渣土车辆密闭改造。") == [
        ("要加强夜间巡查", [("各镇街", "responsible")]), ("要加快渣土车辆密闭改造", [("县城管局", "responsible")])]


def test_a_new_addressee_after_a_semicolon_opens_a_task_of_its_own():
    # 要求X…；Y，…: the part after ； names other units and what they are to do — their task,
    # not more of the first addressee's
    assert run("今后，要求县住建局加强工地巡查，开展夜间检查；各建设、施工单位，落实围挡覆盖，及时清运渣土。") == [
        ("要求县住建局加强工地巡查，开展夜间检查", [("县住建局", "responsible")]),
        ("各建设、施工单位，落实围挡覆盖，及时清运渣土", [("各建设单位", "responsible"), ("各施工单位", "responsible")]),
    ]
    # with no units of its own, the part goes on the directive before it
    assert run("请县环保局编写自查报告；填写数据表，于4月1日前报送市环保局。") == [
        ("请县环保局编写自查报告；填写数据表，于4月1日前报送市环保局", [("县环保局", "responsible")])]


def test_a_speakers_verb_run_straight_into_the_directive_is_a_lead_in():
    # 强调要… with no comma between: the speaker's lead-in, then the directive
    assert run("李某局长强调要压实巡河责任，补齐监测短板。") == [("要压实巡河责任，补齐监测短板", [])]
    assert run("会议要求要加快清运积存垃圾。") == [("要加快清运积存垃圾", [])]
    # deep in the sentence that reports the meeting held
    assert run("某局召开巡河工作会，王某出席，李某主持会议，王某强调要补齐监测短板。") == [("要补齐监测短板", [])]
    # 指出要点 / 强调要求: no 要 of a directive after the verb
    assert run("会议指出要点在于统筹。") == []


def test_after_a_lead_in_the_partner_named_with_hui_tong_supports():
    # 会议要求，A会同B…: A leads, B supports, as without the lead-in
    assert run("会议要求，县林业局会同县公安局开展护林联合巡查。") == [
        ("会同县公安局开展护林联合巡查", [("县林业局", "lead"), ("县公安局", "support")])]


def test_in_a_directive_run_a_clause_of_roles_then_an_action_is_the_next_task():
    # 会议强调，要A；X牵头，Y配合，B: the clause after ； assigns B, it hands no topic over
    assert run("会议强调，要立即排查散煤；县城管局牵头，县交通局配合，持续整治道路扬尘。") == [
        ("要立即排查散煤", []),
        ("县城管局牵头，县交通局配合，持续整治道路扬尘", [("县城管局", "lead"), ("县交通局", "support")])]


def test_under_a_heading_of_duties_each_sentence_of_units_and_their_action_is_their_duty():
    # 三、职责分工 / 县农技中心做好A。县综治办做好B。: one duty each, no 负责 needed; the
    # bodies a small place names bare (农业办, 企管站) too
    assert run("某镇秸秆禁烧工作方案", "三、职责分工", "县农技中心积极推广秸秆还田技术。县综治办做好网格员巡查调度工作。",
               "农业办积极开展秸秆收储服务，拓宽利用渠道。企管站做好禁烧现场检查工作。", "四、工作要求",
               "各村要落实专人值守。") == [
        ("积极推广秸秆还田技术", [("县农技中心", "responsible")]),
        ("做好网格员巡查调度工作", [("县综治办", "responsible")]),
        ("积极开展秸秆收储服务，拓宽利用渠道", [("农业办", "responsible")]),
        ("做好禁烧现场检查工作", [("企管站", "responsible")]),
        ("要落实专人值守", [("各村", "responsible")]),
    ]


def test_a_collective_opening_a_measure_closed_by_its_roles_only_says_whose_work_it_is():
    # （3）各区与开发区建设监测站。（责任单位：市环保局、各区政府）: the roles name the units,
    # the opening collective is no unit of its own
    assert run("2019年治气工作计划", "（3）各区与开发区在辖区建设空气监测站。（责任单位：市环保局、各区政府、开发区管委会）") == [
        ("各区与开发区在辖区建设空气监测站",
         [("市环保局", "responsible"), ("各区政府", "responsible"), ("开发区管委会", "responsible")])]
    # without roles closing it the collective acts
    assert run("2019年治气工作计划", "（3）各区在辖区建设空气监测站。") == [("在辖区建设空气监测站", [("各区", "responsible")])]


def test_a_numbered_item_of_two_bodies_duties_parted_by_a_semicolon_is_two_tasks():
    # 二、县住建局负责A；县城管局负责B。: each body's duty its own task, in its role
    assert run("关于启动重污染天气预警的紧急通知", "一、各乡镇要加强巡查检查。",
               "二、县住建局负责督促建筑工地停止土方作业；县城管局负责增加道路洒水频次。") == [
        ("要加强巡查检查", [("各乡镇", "responsible")]),
        ("负责督促建筑工地停止土方作业", [("县住建局", "responsible")]),
        ("负责增加道路洒水频次", [("县城管局", "responsible")]),
    ]
    # one body's duty stays the item's one task
    assert run("关于启动重污染天气预警的紧急通知", "二、县住建局负责督促建筑工地停止土方作业。") == [
        ("县住建局负责督促建筑工地停止土方作业", [("县住建局", "responsible")])]


def test_a_partner_named_later_in_a_duty_supports_the_duty_s_units():
    # （一）区城管局。负责A，会同区市场监管局开展B: 区城管局 leads, 区市场监管局 supports
    assert run("某区油烟整治方案", "三、职责分工", "（一）区城管局。负责油烟专项整治，会同区市场监管局开展联合执法。",
               "（二）区公安分局。负责夜间噪声执法，联合开展夜间巡查。") == [
        ("负责油烟专项整治，会同区市场监管局开展联合执法", [("区城管局", "lead"), ("区市场监管局", "support")]),
        ("负责夜间噪声执法，联合开展夜间巡查", [("区公安分局", "responsible")]),
    ]


def test_addressees_set_off_by_commas_before_the_directive_are_its_units():
    # …，X、Y等相关单位，要…: the list between commas is whom the 要 addresses
    assert run("会议要求，县水利局、县农业农村局等相关单位，要加快修复受损堤防。") == [
        ("要加快修复受损堤防", [("县水利局", "responsible"), ("县农业农村局", "responsible")])]
    # after a directive of its own in the sentence, the list opens the second directive
    assert run("会议强调，要摸清问题底数，县城管局、县交通局等相关单位，要落实渣土车密闭运输，严查抛洒滴漏。") == [
        ("要摸清问题底数", []),
        ("要落实渣土车密闭运输，严查抛洒滴漏", [("县城管局", "responsible"), ("县交通局", "responsible")])]


def test_what_a_step_of_the_agenda_asks_is_done_at_the_meeting():
    # 进行第一项议程，请X通报…: the host's script, no task of the unit named
    assert run("现在，进行第一项议程，请县林业局通报森林防火检查情况。",
               "现在，进行第二项议程，请副县长某某部署春季造林工作。",
               "会议要求，请县林业局于4月10日前报送防火检查情况。") == [
        ("请县林业局于4月10日前报送防火检查情况", [("县林业局", "responsible")])]


def test_a_speech_asking_its_listeners_is_a_directive_without_units():
    # 大家要… / 同志们要…: the listeners addressed, no units
    assert run("刚才几位同志的安排我都同意，大家要认真抓好落实，按期完成整改。") == [
        ("要认真抓好落实，按期完成整改", [])]


def test_partners_named_after_the_manner_of_working_with_them_support():
    # 积极会同X… / 主动协同X…: the manner, then the partners, who support
    assert run("会议要求，县交警大队要积极会同县城管局开展渣土车夜查。") == [
        ("要积极会同县城管局开展渣土车夜查", [("县交警大队", "lead"), ("县城管局", "support")])]
    # fields sharing one 部门 (城建, 综合执法 among them) are the partners' departments
    assert run("会议要求，加大路查力度，主动会同城建、综合执法等部门严查渣土车抛洒。") == [
        ("加大路查力度，主动会同城建、综合执法等部门严查渣土车抛洒",
         [("城建部门", "support"), ("综合执法部门", "support")])]


def test_units_given_once_carry_to_the_subjectless_directives_of_their_sentence():
    # roles stated before the trigger hold for every 要-clause of the sentence
    assert run("会议要求，县林业局牵头，县公安局配合，要开展林区巡查；要清理违规用火。") == [
        ("要开展林区巡查", [("县林业局", "lead"), ("县公安局", "support")]),
        ("要清理违规用火", [("县林业局", "lead"), ("县公安局", "support")])]
    # a partner the first directive names is its own; the addressee answers for the rest
    assert run("会议要求，县林业局要会同县公安局开展林区巡查；要清理违规用火。") == [
        ("要会同县公安局开展林区巡查", [("县林业局", "lead"), ("县公安局", "support")]),
        ("要清理违规用火", [("县林业局", "responsible")])]
    # a sentence that names addressees in turn carries none to a clause after them all
    assert run("会议要求，公安、交通等部门要严查违规运输；宣传部门要加强宣传；要拓宽秸秆利用渠道。") == [
        ("要严查违规运输", [("公安部门", "responsible"), ("交通部门", "responsible")]),
        ("要加强宣传", [("宣传部门", "responsible")]),
        ("要拓宽秸秆利用渠道", [])]


def test_units_heading_directives_before_a_colon_are_their_units():
    # X：要A；要B。 — the units before the colon head the directives after it
    assert run("县农业农村局：要加强秸秆收储；要严查露天焚烧。") == [
        ("要加强秸秆收储", [("县农业农村局", "responsible")]),
        ("要严查露天焚烧", [("县农业农村局", "responsible")])]
    # 会议要求X、Y：一要A；二要B。 — the addressees of the points enumerated after it
    assert run("会议要求县水利局、各乡镇：一要加密河道巡查；二要及时清理漂浮物。") == [
        ("要加密河道巡查", [("县水利局", "responsible"), ("各乡镇", "responsible")]),
        ("要及时清理漂浮物", [("县水利局", "responsible"), ("各乡镇", "responsible")])]
    # a heading that names no unit gives none
    assert run("下一步工作：要加密河道巡查。") == [("要加密河道巡查", [])]


def test_an_addressee_named_inside_one_point_of_an_enumeration_is_none_of_the_next():
    # 一要…；二要…，X要A；三要B: X answers for A; the third point is addressed to no one named
    assert run("会议要求，一要提高站位；二要压实责任，县水利局要会同县农业农村局完成灌区改造；三要严格考核问责。") == [
        ("要提高站位", []),
        ("要压实责任", []),
        ("要会同县农业农村局完成灌区改造", [("县水利局", "lead"), ("县农业农村局", "support")]),
        ("要严格考核问责", []),
    ]
    # within its point, the addressee carries to the subjectless 要-clause after ；
    assert run("会议要求，一是县水利局要加密巡查；要建立台账；二要严格考核问责。") == [
        ("要加密巡查", [("县水利局", "responsible")]),
        ("要建立台账", [("县水利局", "responsible")]),
        ("要严格考核问责", []),
    ]
    # ... and so does one named in a sentence of its own after its point opened
    assert run("县长要求，一要摸清底数。二要强化巡查。县水利局要每日巡河；三要严格考核问责。") == [
        ("要摸清底数", []),
        ("要强化巡查", []),
        ("要每日巡河", [("县水利局", "responsible")]),
        ("要严格考核问责", []),
    ]


def test_a_trigger_word_the_page_cuts_off_before_any_work_is_no_task():
    # the page ends inside 应急 (…预案及应（): 应 alone, with nothing after it, assigns nothing
    assert run("九、落实责任", "（三十二）加强信息公开。每月要公布城市空气质量排名。各县公开应急预案及应（") == [
        ("要公布城市空气质量排名", [])]


def test_measures_a_field_enumerates_are_tasks_of_its_block_each():
    # 整改措施：一是…。二是…。: each point a measure, with the block's time limit; the label
    # is no part of the text
    tasks = tasks_of(Document("t", "txt", blocks=[
        "存在问题：部分团场机井计量设施损坏。", "整改时限：2025年12月",
        "整改措施：一是加强日常巡查，组织各连队摸排漏报机井。二是加强计量设施运行维护，确保计量准确。"]),
        anchor=date(2025, 3, 10))
    assert [(t.text, t.deadline and t.deadline.date) for t in tasks] == [
        ("加强日常巡查，组织各连队摸排漏报机井", date(2025, 12, 31)),
        ("加强计量设施运行维护，确保计量准确", date(2025, 12, 31))]


@pytest.mark.parametrize(("paragraph", "expected"), [
    # the work, then 由 and who does it, then the time limit: one task, the work included
    ("（三）完善扬尘在线监控，由青禾县住建局编制监控点位清单，2025年8月底前完成。",
     [("完善扬尘在线监控，由青禾县住建局编制监控点位清单，2025年8月底前完成", [("青禾县住建局", "responsible")])]),
    # what the action is about, then 由: the task opens at 由
    ("对巡查发现的露天焚烧点位，由青禾县农业农村局逐一处置，于11月5日前报送处置清单。",
     [("由青禾县农业农村局逐一处置，于11月5日前报送处置清单", [("青禾县农业农村局", "responsible")])]),
])
def test_a_part_handed_over_with_you_keeps_the_work_named_before_it(paragraph, expected):
    assert run(paragraph) == expected


def test_an_item_opening_with_its_work_on_a_facility_takes_the_units_of_its_field():
    assert run("3.提升镇区污水处理厂运行水平，确保尾水稳定达标。", "责任单位：青禾县水务局") == [
        ("提升镇区污水处理厂运行水平，确保尾水稳定达标", [("青禾县水务局", "responsible")])]


def test_a_unit_field_naming_partners_by_their_role_word_and_the_rest_bare():
    # 责任单位：X，Y配合: the bare names take the label's role and lead beside the partners
    assert run("整改措施：对全县石材加工点开展拉网式排查。", "责任单位：青禾县自然资源局，青禾县生态环境局配合",
               "整改时限：立行立改") == [
        ("对全县石材加工点开展拉网式排查", [("青禾县自然资源局", "lead"), ("青禾县生态环境局", "support")])]


@pytest.mark.parametrize("lines", [
    ["1.工作内容：完成城区两座雨水泵站改造。责任单位：青禾县住建局。"],
    ["工作内容：完成城区两座雨水泵站改造。", "责任单位：青禾县住建局"],
    ["2.主要举措：完成城区两座雨水泵站改造。责任单位：青禾县住建局。"],
])
def test_a_field_of_the_work_to_do_is_labelled_like_the_measures(lines):
    assert run(*lines) == [("完成城区两座雨水泵站改造", [("青禾县住建局", "responsible")])]


def test_a_part_after_a_semicolon_about_other_matters_goes_on_no_directive():
    # …；其他工作按照方案要求开展: other work, referred to the plan, not the addressee's next step
    assert run("各乡镇要做好任务分解，建立工作台账；其他年度工作按照《某县实施方案》要求开展。") == [
        ("要做好任务分解，建立工作台账", [("各乡镇", "responsible")])]
    # a subjectless step after ； still goes on it
    assert run("各乡镇要做好任务分解；逐村登记造册。") == [
        ("要做好任务分解；逐村登记造册", [("各乡镇", "responsible")])]


def test_a_decision_on_the_problems_named_by_zhendui_is_a_task():
    # 会议决定，针对…问题，将于近期组织…: 针对 names the cases without a 的, and a word of when
    # stands before the measure
    assert run("会议决定，针对河道冬季易发生偷排等问题，将于近期组织执法人员开展夜间巡查，督促企业达标排放。") == [
        ("针对河道冬季易发生偷排等问题，将于近期组织执法人员开展夜间巡查，督促企业达标排放", [])]
    # 对 without a 的 names no cases: a statement, no task
    assert run("会议决定，对此次检查进行总结，工作取得明显成效。") == []


def test_the_cases_set_off_before_an_addressee_are_no_task_of_their_own():
    # 会议要求，针对督导发现问题，各乡镇要…: 针对 opens the cases, not a topic before the verb 督导
    assert run("会议要求，针对督导发现问题，各乡镇要立即整改到位。") == [("要立即整改到位", [("各乡镇", "responsible")])]


def test_an_item_of_minutes_opened_by_what_the_meeting_did_is_no_task_its_orders_are():
    assert run("青石县人民政府常务会议纪要",
               "（一）会议传达学习了全国生态环境保护大会精神，研究了我县贯彻落实意见。",
               "会议要求，各乡镇要深入学习贯彻大会精神。",
               "（二）会议还研究了其他事项。") == [("要深入学习贯彻大会精神", [("各乡镇", "responsible")])]


def test_bodies_named_by_their_kind_after_a_comma_open_a_directive_of_their_own():
    # 要A，X部门要B / 要A，施工单位要B: a new addressee mid-sentence; bodies an action is
    # about (对违规的单位要…) are no addressee
    assert run("会议要求，要加快工作进度，建设牵头部门要抓紧制定实施方案。") == [
        ("要加快工作进度", []), ("要抓紧制定实施方案", [])]
    assert run("会议要求，各乡镇要加强巡查，施工单位要落实围挡措施。") == [
        ("要加强巡查", [("各乡镇", "responsible")]), ("要落实围挡措施", [("施工单位", "responsible")])]
    assert run("会议要求，要加强巡查，对违规的单位要依法处罚。") == [("要加强巡查，对违规的单位要依法处罚", [])]
    # bodies named after the time they are given, then 要: a directive of their own; a time
    # and no body (8月底前全部要完成) goes on with the directive before
    assert run("会议要求，各责任村要落实专人负责，8月7日前青溪村、石门村要完成河道打捞工作。") == [
        ("要落实专人负责", [("各责任村", "responsible")]),
        ("要完成河道打捞工作", [("青溪村", "responsible"), ("石门村", "responsible")])]
    assert run("会议要求，要加强巡查，8月底前全部要完成。") == [("要加强巡查，8月底前全部要完成", [])]


def test_a_leaders_words_quoted_after_a_colon_are_read_sentence_by_sentence():
    # 批示：“…。…。”: the quotation is what was said, its directives tasks; a law quoted and
    # named after it (“…”的规定) stays a citation
    assert run("9月17日，市长王明对整改工作作出批示：“要强调工作纪律，对敷衍整改的要实施问责。”"
               "副市长张强批示：“21项任务已完成20项，请县交通局按照整改要求，尽快销号。”") == [
        ("要强调工作纪律，对敷衍整改的要实施问责", []),
        ("请县交通局按照整改要求，尽快销号", [("县交通局", "responsible")])]
    assert run("依据《大气污染防治法》第一百一十七条：“违反本法规定的，应当责令改正”的规定，对其处罚。") == []


def test_who_speaks_inside_a_sentence_closes_the_directive_before():
    # …，他强调，各乡镇要…: the speaker's part is no work; what follows is said anew
    assert run("会议指出，要加强秸秆禁烧，他强调，各乡镇要守好防线。") == [
        ("要加强秸秆禁烧", []), ("要守好防线", [("各乡镇", "responsible")])]
    # the points it leads in, in clauses of their own
    assert run("全县上下要加强秸秆禁烧，周文涛要求，一是要摸清底数；二是要加快清运。") == [
        ("要加强秸秆禁烧", []), ("要摸清底数", []), ("要加快清运", [])]
    # the requirements carried out are the work, no speaker
    assert run("各乡镇要加强巡查，不折不扣落实要求。") == [("要加强巡查，不折不扣落实要求", [("各乡镇", "responsible")])]


def test_the_next_point_of_points_that_were_directives_is_a_task_whatever_its_verb():
    # 三是筑牢防线: no trigger and a verb no list knows, but the third of the points
    assert run("会议要求，一是要摸清底数，建立台账；二是要加快清运；三是筑牢防线，守住底线。") == [
        ("要摸清底数，建立台账", []), ("要加快清运", []), ("筑牢防线，守住底线", [])]
    # a clause after ； that numbers no point goes on the directive before it
    assert run("各乡镇要加强巡查；筑牢防线。") == [("要加强巡查；筑牢防线", [("各乡镇", "responsible")])]


def test_a_pair_of_cases_what_can_be_done_at_once_and_what_cannot_is_one_task():
    # 能当场清理的要…，不能当场清理的，要…: the cases of the matter in hand, no subject
    assert run("会议要求，能当场清理的要当场清理，不能当场清理的，要限期清运。") == [
        ("要当场清理，不能当场清理的，要限期清运", [])]
    # a bare condition on third parties stays none
    assert run("已获授权的，应按规定使用。") == []


def test_a_level_spoken_of_as_a_place_opens_a_directive_of_its_own():
    # 镇上要… / 县里要…: the town or county acts, no body named, a new addressee all the same
    assert run("会议要求，各村要加强巡查，镇上要加强督导。") == [
        ("要加强巡查", [("各村", "responsible")]), ("要加强督导", [])]
