"""Build the generated documents of this held-out corpus, reproducibly.

    python tests/corpus/build.py

- c03-yunxi-winter-plan.docx: a work plan whose task tables put their columns in an
  unusual order (完成时限 before 牵头单位; 工作事项 / 时间节点 / 责任单位);
- c04-wangchuan-dust-notice-gbk.html: a notice published as a GBK-encoded web page;
- d01-linjiang-heating-minutes.docx: official minutes whose 议定事项 sit in a table
  (议定事项 / 责任单位 with （牵头）/（配合） marks / 完成时限);
- d02-jiangyue-ozone-notice-gbk.txt: a provincial notice saved as GBK plain text.

All text is invented for testing. The .docx is written with fixed core properties so
that rebuilding it gives the same document.
"""

from __future__ import annotations

import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

PLAN_TITLE = "云溪区2025—2026年秋冬季大气污染综合治理攻坚行动方案"
PLAN_BEFORE = [
    "为切实做好今冬明春大气污染防治工作，有效应对秋冬季重污染天气，推动全区环境空气质量持续改善，"
    "根据市大气污染防治工作领导小组有关部署，结合我区实际，制定本方案。",
    "一、工作目标",
    "到2026年3月底，全区细颗粒物平均浓度控制在45微克/立方米以内，重污染天数控制在5天以内，"
    "秋冬季空气质量优良天数比例较上年同期提高2个百分点。",
    "二、基本情况",
    "2024—2025年秋冬季，全区细颗粒物平均浓度为49微克/立方米，重污染天数为7天。全区已累计完成"
    "散煤清洁替代2.3万户，淘汰燃煤小锅炉86台，建筑工地视频监控安装率达到100%。",
    "三、重点任务",
    "（一）攻坚任务清单。各牵头单位要按照下表明确的时限和分工抓好落实，配合单位要主动支持、密切协作。",
]
PLAN_TABLE_1 = [
    ["序号", "任务内容", "完成时限", "牵头单位", "配合单位"],
    ["1", "开展燃煤小锅炉“回头看”，对已淘汰锅炉逐台核查，严防死灰复燃", "12月上旬前", "区生态环境分局",
     "区市场监管局、各街道办事处"],
    ["2", "推进城中村清洁取暖改造，完成1200户“煤改电”入户安装和验收", "2025年12月底前", "区住房和城乡建设局",
     "区发改局、国网云溪供电公司"],
    ["3", "加强餐饮油烟治理，督促城区餐饮单位安装高效油烟净化设施并定期清洗", "长期坚持", "区城管执法局",
     "区市场监管局"],
    ["4", "严格渣土车辆管理，落实“一不准进、三不准出”规定，严查带泥上路、抛洒滴漏行为", "每月5日前报送上月查处情况",
     "区城管执法局", "区公安分局交警大队"],
    ["5", "组织开展建筑工地冬季扬尘专项检查，对问题工地依法实施停工整改", "3月底前", "区住房和城乡建设局",
     "各街道办事处"],
]
PLAN_BETWEEN = [
    "（二）常态化管理事项。下列事项由责任单位按时间节点组织实施。",
]
PLAN_TABLE_2 = [
    ["序号", "工作事项", "时间节点", "责任单位"],
    ["1", "建立秋冬季大气污染防治工作周调度机制，通报上周空气质量排名", "每周一", "区大气办"],
    ["2", "完成重点行业绩效分级企业应急减排清单修订", "11月20日前", "区生态环境分局"],
    ["3", "对辖区露天焚烧、散煤复烧问题开展网格化巡查", "持续推进", "各街道办事处"],
]
PLAN_AFTER = [
    "四、保障措施",
    "（一）加强组织领导。各街道办事处、区直有关部门要把秋冬季攻坚作为当前重要工作，主要负责同志亲自抓，"
    "分管负责同志具体抓，确保各项任务落地见效。",
    "（二）强化督查考核。区大气办要建立任务推进台账，每半月调度一次进展，对工作滞后的单位及时预警通报。",
    "（三）做好信息报送。各责任单位须于每月25日前将任务进展情况报送区大气办。",
    "云溪区人民政府办公室",
    "2025年11月5日",
]


def build_docx() -> None:
    import docx

    document = docx.Document()
    core = document.core_properties
    core.author, core.title = "", PLAN_TITLE
    core.created = core.modified = datetime.datetime(2025, 11, 5, 9, 0, 0)
    core.revision = 1
    document.add_paragraph(PLAN_TITLE)
    for text in PLAN_BEFORE:
        document.add_paragraph(text)
    _table(document, PLAN_TABLE_1)
    for text in PLAN_BETWEEN:
        document.add_paragraph(text)
    _table(document, PLAN_TABLE_2)
    for text in PLAN_AFTER:
        document.add_paragraph(text)
    document.save(HERE / "c03-yunxi-winter-plan.docx")


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


NOTICE_TITLE = "望川市大气污染防治工作领导小组办公室关于开展秋季扬尘污染专项整治行动的通知"
NOTICE = [
    "各区县人民政府，市直有关部门：",
    "为有效应对秋冬季不利气象条件，巩固全市空气质量改善成果，经市政府同意，决定自即日起至12月31日在全市开展"
    "秋季扬尘污染专项整治行动。今年1至8月，全市降尘量均值为每月每平方公里4.2吨，较去年同期下降8%，但部分区县"
    "扬尘管控仍存在薄弱环节。现将有关事项通知如下：",
    "一、全面排查扬尘污染源。请各区县人民政府组织住建、城管、交通等部门，对辖区建筑工地、道路施工、物料堆场和"
    "裸露地块开展拉网式排查，建立问题清单和整改台账，10个工作日内将排查结果报送市扬尘办。",
    "二、严格施工工地管控。请市住房和城乡建设局督促在建工地严格落实围挡、覆盖、冲洗、湿法作业等防尘措施，对扬尘"
    "防控不到位的工地依法责令停工整改；重污染天气预警期间，各类工地要立即停止土石方作业。",
    "三、加强道路扬尘治理。请市城管局牵头，各区县人民政府配合，提高城区主次干道机械化清扫频次，推行“冲、扫、洗、收”"
    "一体化作业，11月底前城区主次干道机械化清扫率达到95%以上。",
    "四、强化渣土运输监管。请市公安局交警支队会同市城管局，加大渣土运输车辆夜间巡查力度，严查未密闭、超载、带泥"
    "上路等违法行为，查处情况每周五报送市扬尘办。",
    "五、工作要求。各区县、各有关部门要高度重视，主要负责同志要亲自部署、亲自推动。市扬尘办将会同市政府督查室对"
    "专项整治情况开展明察暗访，对工作不力的进行通报。专项整治工作总结请于12月31日前报送市扬尘办。",
    "联系人：郑晓燕，联系电话：0571-5550218",
]
NOTICE_SIGNATURE = ["望川市大气污染防治工作领导小组办公室", "2025年9月29日"]


def build_html() -> None:
    paragraphs = "\n".join(f"<p>　　{text}</p>" for text in NOTICE)
    signature = "\n".join(f'<p style="text-align:right">{text}</p>' for text in NOTICE_SIGNATURE)
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{NOTICE_TITLE}_通知公告_望川市生态环境局</title>
<meta name="ArticleTitle" content="{NOTICE_TITLE}" />
<meta name="PubDate" content="2025-09-29 16:20" />
<meta name="ContentSource" content="望川市生态环境局" />
<script type="text/javascript">var siteId = 41; function share() {{ return false; }}</script>
</head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/tzgg/">通知公告</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
<div class="article">
<h1>{NOTICE_TITLE}</h1>
<div class="info">发布时间：2025-09-29 16:20 来源：望川市生态环境局 浏览次数：</div>
<div class="TRS_Editor">
{paragraphs}
{signature}
</div>
</div>
<div class="bottom">
<p>上一篇：<a href="/tzgg/202509/t20250926_8812.html">望川市9月下旬环境空气质量预报</a></p>
<p>主办单位：望川市生态环境局 网站标识码：3399000012</p>
<p>版权所有：望川市生态环境局</p>
</div>
</body>
</html>
"""
    (HERE / "c04-wangchuan-dust-notice-gbk.html").write_bytes(page.encode("gbk"))


MINUTES_TITLE = "关于冬季清洁取暖和重污染天气应对工作的专题会议纪要"
MINUTES_HEAD = [
    "临江市人民政府",
    "专题会议纪要",
    "〔2025〕第37号",
    MINUTES_TITLE,
    "时间：2025年11月18日下午",
    "地点：市政府第三会议室",
    "主持：林正清  副市长",
    "出席：市发改委、市住建委、市生态环境局、市城管委、市气象局、国网临江供电公司，东溪县、南屏区人民政府分管负责同志",
    "记录：市政府办公室城建科",
    "11月18日下午，副市长林正清主持召开专题会议，研究冬季清洁取暖和重污染天气应对工作。会议听取了市发改委关于清洁取暖"
    "改造进展情况的汇报，市生态环境局通报了11月上中旬全市空气质量状况。会议认为，今年以来各地各部门认真落实清洁取暖任务，"
    "已完成农村“煤改气”“煤改电”改造1.6万户，全市细颗粒物平均浓度同比下降6.3%，成绩值得肯定。会议指出，进入采暖季后"
    "不利气象条件增多，部分区域散煤复烧问题时有反弹，形势不容乐观。经研究，议定事项如下：",
]
MINUTES_TABLE = [
    ["序号", "议定事项", "责任单位", "完成时限"],
    ["1", "对已完成改造的农户开展入户回访，逐户核实设备运行和用能情况，防止散煤复烧", "东溪县、南屏区人民政府", "12月上旬前"],
    ["2", "协调上游气源单位落实采暖季天然气保供合同，制定“压非保民”应急调度预案",
     "市发改委（牵头）、国网临江供电公司（配合）", "11月下旬"],
    ["3", "加强城区散煤销售点执法检查，对违规销售劣质散煤的依法查处", "市城管委", "长期坚持"],
    ["4", "修订重污染天气应急减排清单，将新增的42家涉气企业纳入管控", "市生态环境局", "次年1月底前"],
    ["5", "做好重污染天气过程预测预报，提前72小时向市大气办报送会商意见", "市气象局", "常态化"],
    ["6", "将上述议定事项纳入市政府督查范围，跟踪通报落实进展", "市政府督查室", "每周五"],
]
MINUTES_AFTER = [
    "会议要求，各责任单位要按照议定事项明确的时限抓好落实，重大问题及时向市政府报告。",
    "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
    "临江市人民政府办公室          2025年11月20日印发",
]


def build_minutes_docx() -> None:
    import docx

    document = docx.Document()
    core = document.core_properties
    core.author, core.title = "", ""
    core.created = core.modified = datetime.datetime(2025, 11, 20, 10, 0, 0)
    core.revision = 1
    for text in MINUTES_HEAD:
        document.add_paragraph(text)
    _table(document, MINUTES_TABLE)
    for text in MINUTES_AFTER:
        document.add_paragraph(text)
    document.save(HERE / "d01-linjiang-heating-minutes.docx")


PROVINCE_NOTICE = [
    "江岳省生态环境厅关于做好2026年夏季臭氧污染防控工作的通知",
    "",
    "各市（州）人民政府，省级有关部门：",
    "　　2025年，全省环境空气质量持续改善，细颗粒物平均浓度降至29微克/立方米，优良天数比例达到90.2%，各地各部门"
    "付出了艰苦努力。但臭氧污染问题日益凸显，5—9月臭氧超标天数占全年超标天数的六成以上，已成为影响优良天数的首要因素。"
    "为切实做好2026年夏季臭氧污染防控工作，经省人民政府同意，现将有关事项通知如下：",
    "　　一、加快挥发性有机物源头替代。各市（州）人民政府要组织对工业涂装、包装印刷等重点行业开展低挥发性原辅材料替代"
    "排查，上半年完成替代计划编制。省工业和信息化厅要会同省生态环境厅制定重点行业源头替代指导目录，4月底前印发实施。",
    "　　二、强化重点区域联防联控。临江市、东溪州、南屏市、石门市等4个重点城市要严格落实臭氧污染防控强化措施，"
    "每周五开展一次区域会商。省生态环境厅要加强统筹调度，对防控不力的市（州）及时预警提醒。",
    "　　三、加强油品和移动源监管。请省市场监管局牵头，省商务厅、省公安厅配合，在2026年汛期前完成全省加油站油气回收"
    "系统专项检查，严厉打击销售不合格油品行为。",
    "　　四、做好调度和评估。各市（州）生态环境局要于每月5日前将上月臭氧防控工作进展报送省生态环境厅。省生态环境厅要在"
    "第四季度组织对各市（州）防控成效开展评估，评估结果纳入年度污染防治攻坚战成效考核。",
    "",
    "　　联系人：省生态环境厅大气环境处 钱文博，电话：0851-8550236",
    "",
    "江岳省生态环境厅",
    "2026年2月27日",
    "（此件主动公开）",
]


def build_gbk_text() -> None:
    text = "\r\n".join(PROVINCE_NOTICE) + "\r\n"
    (HERE / "d02-jiangyue-ozone-notice-gbk.txt").write_bytes(text.encode("gbk"))


if __name__ == "__main__":
    build_docx()
    build_html()
    build_minutes_docx()
    build_gbk_text()
