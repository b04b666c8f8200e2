"""Normalizing text and documents: reading aids, script, punctuation, boilerplate, datelines."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from minutes.lines import is_junk_line, plain_title, untagged
from minutes.models import Document, Table
from minutes.readers import read, read_bytes
from minutes.nlp.normalize import normalize
from minutes.nlp.text import normalize_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = sorted(p for p in SHARED.glob("corpus/*/*") if p.suffix in {".txt", ".html", ".docx"})  # seeds, dev, real
PINYIN_AID = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # pinyin reading aids go, real parentheticals stay
        ("生態(tài)環(huán)境", "生态环境"),
        ("會(huì)議(yì)並(bìng)講(jiǎng)話(huà)", "会议并讲话"),
        ("我們(men)將(jiāng)及時(shí)處(chǔ)理", "我们将及时处理"),
        ("細顆粒物(PM2.5)濃度", "细颗粒物(PM2.5)浓度"),
        ("空氣質量年報(2024年)", "空气质量年报（2024年）"),
        ("由市經信局（市新經濟委）牽頭", "由市经信局（市新经济委）牵头"),
        ("下載應用(app)查看", "下载应用(app)查看"),
        ("項目(yes)", "项目(yes)"),
        # characters lost to "?" come back from their aid, or are left out
        ("作交流?(fā)言", "作交流发言"),
        ("嚴查露天?(pēn)塗(tú)作業", "严查露天喷涂作业"),
        ("新疆日?qǐng)?bào)原創", "新疆日报原创"),
        ("一個?(zhuó)字", "一个字"),
        # Traditional → Simplified at phrase level
        ("要著力提升監測能力", "要着力提升监测能力"),
        ("頭髮", "头发"),
        ("顯著改善，著名景區", "显著改善，著名景区"),
        ("乾(gān)洗店", "干洗店"),
        # punctuation among Chinese goes full width; numbers and URLs keep theirs
        ("3月24日,市生態環境局召開會議;要求如下:", "3月24日，市生态环境局召开会议；要求如下："),
        ("是否達標?否!", "是否达标？否！"),
        ("2025-03-19 19:38:42", "2025-03-19 19:38:42"),
        ("詳見https://www.example.gov.cn/a.html", "详见https://www.example.gov.cn/a.html"),
        # a dot ending a Chinese sentence is a full stop; one numbering an item is not
        ("要落實屬地責任.縣住建局要完成整治.", "要落实属地责任。县住建局要完成整治。"),
        ("做好宣传．各乡镇要配合", "做好宣传。各乡镇要配合"),
        ("一.总体要求\n三．保障措施", "一.总体要求\n三．保障措施"),
        # …and so is one before the parenthesis of units closing an item, blanks between
        ("就近纳入污水厂处理. （县住建局负责）", "就近纳入污水厂处理。（县住建局负责）"),
        ("见附件1. （略）", "见附件1. （略）"),
        # a comma a repost adds after every mark goes, the mark stays
        ("近日，，县里召开推進會(huì)，。要加強巡查，、督辦，；要及時整改", "近日，县里召开推进会。要加强巡查、督办；要及时整改"),
        ("要求如下：，一是", "要求如下：，一是"),
        ("附件1.任务表", "附件1.任务表"),
        # whitespace and full-width letters/digits
        ("會 議 紀 要", "会议纪要"),
        ("主 持 人：周海峰　市委常委", "主持人：周海峰 市委常委"),
        ("　　會議指出，今年以來  ", "会议指出，今年以来"),
        ("ＰＭ２．５濃度下降１２％", "PM2．5浓度下降12％"),
        ("紧盯重点行业 打好攻坚战", "紧盯重点行业打好攻坚战"),
        # a variant OpenCC's tables do not hold; the particle 了 a careless conversion wrote 瞭
        ("陜北各縣通報瞭進展", "陕北各县通报了进展"),
        ("修建森林防火瞭望塔", "修建森林防火瞭望塔"),
        # decorative shapes a spam site strews through a line go; a zero between numerals, a
        # bullet opening a line and one between blanks in a menu stay
        ("县政府召开常务会议◆○，会议指出○•，各乡镇▷、各街道要★加强巡查", "县政府召开常务会议，会议指出，各乡镇、各街道要加强巡查"),
        ("二○二四年三月", "二○二四年三月"),
        ("• 通知公告 • 政策文件", "• 通知公告 • 政策文件"),
        # a text with a space after every character: its numbers read whole again
        ("完 成 时 限 ： 2 0 1 9 年 1 0 月 底 前", "完成时限 ： 2019年10月底前"),
        ("（ ） 、 。 二 燃煤治理", "（ ） 、 。 二燃煤治理"),
        ("在 1 2 月 3 1 日 前 完 成", "在12月31日前完成"),
        ("削减 10 20 30 吨", "削减 10 20 30 吨"),
        ("第一行\n　　第二行", "第一行\n第二行"),
        ("", ""),
        # a PDF's page counter goes wherever it stands, a page number line too
        ("创立扬尘控制标第2页共5页准要求", "创立扬尘控制标准要求"),
        ("第 4 頁 / 共 5 頁", ""),
        # …and a page's folio between dashes a converted document runs into its line
        ("加强日常管护， -8- 完成整治任务", "加强日常管护，完成整治任务"),
        ("- 12 -", ""),
        ("2018 - 2020年", "2018 - 2020年"),
        # (the 一字线 of an official document's folio, and a folio glued to the next page's
        # first words where a line opens; not dashes inside a sentence)
        ("— 7 —", ""),
        ("落实到位。\n-5-排污单位要按证排污", "落实到位。\n排污单位要按证排污"),
        ("周期为——2—4年", "周期为——2—4年"),
        ("扣减-2-项", "扣减-2-项"),
    ],
)
def test_normalize_text(raw, clean):
    assert normalize_text(raw) == clean


SAMPLE_DIR = Path(__file__).resolve().parents[1] / "minutes" / "samples"
SAMPLES = sorted(p for p in SAMPLE_DIR.iterdir() if p.suffix in {".txt", ".html", ".docx"})


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_bundled_samples_read_and_normalize_cleanly(path):
    doc = normalize(read(path))
    assert doc.title.startswith(("青川市", "关于")) and doc.published
    assert not PINYIN_AID.search(doc.text) and "?" not in doc.text
    assert not any(word in doc.text for word in ("上一篇", "ICP备", "免责声明", "字体"))
    assert "要" in doc.text


SCRAPED = [
    "青川市召開(kāi)藍天保衛戰推進會(huì)",
    "2025-05-20 09:15:00    來(lái)源: 青川日報(bào)",
    "青川市召開(kāi)藍天保衛戰推進會(huì)",
    "緊(jǐn)盯重點(diǎn)時段(duàn) 打贏夏季臭氧攻堅(jiān)戰",
    "　　5月19日,市政府召開(kāi)推進會(huì)。會議要求,各區縣要在6月底前完成治理。",
    "聯系人：李青 聯系電話：0000-1234567",
    "來源:青川日報(記者 王川)",
    "[責任編輯: 張明 ]",
    "原標題:打贏夏季臭氧攻堅戰",
    "關鍵詞:",
    "臭氧,推進會",
    "上一篇:青川市發布(bù)4月空氣質量",
    "下一篇:青川市開展(zhǎn)執法檢查",
    "全年征稿/資訊合作",
    "聯系郵箱:news@example.com",
    "- 版權(quán)與免責聲明",
    "- 1、凡本網注明的作品,版權均屬本網。",
    "- 2、轉載請注明出處。",
    "營業執照注冊號:000000000000",
    "新ICP備00000000號 新公網安備 00000000000號",
    "舉報熱線:0000-0000000",
    "Copyright © 青川網 版權所有",
]


def test_scraped_page_loses_boilerplate_and_keeps_site_facts():
    doc = Document(source="notice.txt", kind="txt", raw=b"raw bytes", title=SCRAPED[0], blocks=list(SCRAPED))
    clean = normalize(doc)
    assert clean.title == "青川市召开蓝天保卫战推进会"
    assert clean.published == date(2025, 5, 20)
    assert clean.blocks == [
        "青川市召开蓝天保卫战推进会",
        "紧盯重点时段打赢夏季臭氧攻坚战",
        "5月19日，市政府召开推进会。会议要求，各区县要在6月底前完成治理。",
        "联系人：李青联系电话：0000-1234567",
    ]
    assert clean.metadata == {
        "source": "青川日报",
        "editor": "张明",
        "original_title": "打赢夏季臭氧攻坚战",
        "keywords": "臭氧，推进会",
    }
    assert clean.raw == b"raw bytes" and doc.blocks == SCRAPED  # a copy: the input is untouched


@pytest.mark.parametrize(
    ("line", "published", "source"),
    [
        ("发布时间：2024-04-25 18:05 来源：青川市生态环境局", date(2024, 4, 25), "青川市生态环境局"),
        ("來源:青川日報    發佈時間:2024-12-06 10:21:35    瀏覽次數:", date(2024, 12, 6), "青川日报"),
        ("发布日期：2026-01-14　　来源：青川市生态环境局　　【字体：大 中 小】", date(2026, 1, 14), "青川市生态环境局"),
        ("2025年3月19日", date(2025, 3, 19), None),
        # day first, as a repost's site prints it
        ("07.05.2024  14:20", date(2024, 5, 7), None),
        # the label in brackets, or the whole field bracketed, page buttons after it
        ("【发布日期】2023-08-09", date(2023, 8, 9), None),
        ("【发布时间：2023-08-09】 【字体：大 中 小】", date(2023, 8, 9), None),
        ("[发布时间：2023/8/9]", date(2023, 8, 9), None),
        ("2023-08-09 16:45 来源：青川市人民政府网 作者：王敏 【打印本页】 【关闭窗口】", date(2023, 8, 9), "青川市人民政府网"),
        ("成文日期：2023年08月09日", date(2023, 8, 9), None),
        # time of day in characters, a weekday, counts and labels of other shapes
        ("发布时间：2023年08月09日 16时45分", date(2023, 8, 9), None),
        ("2023年8月9日 星期三", date(2023, 8, 9), None),
        ("信息来源：青川日报 | 发布日期：2023-08-09 | 浏览量：215", date(2023, 8, 9), "青川日报"),
        ("时间：2023-08-09 来源：青川日报 字号：大 中 小", date(2023, 8, 9), "青川日报"),
        ("发布者：县政府办 发布时间：2023-08-09 分享到：", date(2023, 8, 9), None),
        ("【来源：青川日报】【时间：2023-08-09】", date(2023, 8, 9), "青川日报"),
        ("（2023-08-09）", date(2023, 8, 9), None),
        # a bare date, then the paper it was printed in
        ("2023年08月09日 10:20 青川日报", date(2023, 8, 9), "青川日报"),
        # a repost's media, author and channel fields; click counts and heat
        ("媒体:青川日报  作者:王敏 专业号:青川林草 2023/8/9 16:12:35", date(2023, 8, 9), None),
        ("发布日期:2023-08-09 01:37 点击次数:75", date(2023, 8, 9), None),
        ("来源: 青川网 时间:2023-08-09 09:02:36 热度:", date(2023, 8, 9), "青川网"),
        # the site or organ before the date, with or without a label; a source label left empty
        ("青川网 2023-08-09 16:28", date(2023, 8, 9), "青川网"),
        ("青川省水利厅 时间:2023-08-09", date(2023, 8, 9), "青川省水利厅"),
        # an organ's whole name, however long, before an unlabelled date
        ("青川县人民政府办公室  2023-08-09 10:20:31", date(2023, 8, 9), "青川县人民政府办公室"),
        ("西坪镇人民政府 2023-08-09", date(2023, 8, 9), "西坪镇人民政府"),
        ("来源: 发布时间:2023-08-09", date(2023, 8, 9), None),
        # a blank before the colon, a bare 发布, slashes for colons, a bullet, a spaced time
        ("来源 :青川日报 浏览 : 发布 :2023-08-09", date(2023, 8, 9), "青川日报"),
        ("来源/ 青川日报 作者/ 时间/2023-08-09 11:17:57", date(2023, 8, 9), "青川日报"),
        ("• 日期: 2023- 08- 09 11: 20", date(2023, 8, 9), None),
        # a newspaper's page
        ("2023-08-09 第06版:生态环境", date(2023, 8, 9), None),
        # a WeChat article's header: account, date and time, the province of its IP
        ("政务   2023-08-09 20:06   四川", date(2023, 8, 9), None),
        ("原创 青川发布 青川发布 2023年8月9日 20:06 四川", date(2023, 8, 9), None),
        # the column a site lists it in, after a bar
        ("2023-8-9 | 工作动态", date(2023, 8, 9), None),
        # an empty font label, 稿件来源, a byline of several names apart
        ("【 字体:  稿件来源: 青川融媒体中心  作者: 记者王敏  李华  通讯员  赵强   时间:2023-08-09 16:48:21",
         date(2023, 8, 9), "青川融媒体中心"),
        # a forum post's header; two sites before the date and a comment count after it
        ("发表于 2019-12-5 12:30 | 只看该作者", date(2019, 12, 5), None),
        ("发表于 2019-12-05 12:30:00 某某论坛网页版", date(2019, 12, 5), None),
        ("青川网 青川县政府网 2016-04-13 09:12 评论()", date(2016, 4, 13), "青川网青川县政府网"),
        # a WeChat header with 发表于 before the province; a count after its label and a blank
        ("原创 青川发布 青川发布 2024年12月13日 20:06 发表于四川", date(2024, 12, 13), None),
        ("青川新闻网 | 2024-12-13 10:12:00 | 阅读 1234", date(2024, 12, 13), "青川新闻网"),
        # who did what to the page opens the date's label (编辑日期, 录入时间)
        ("编辑日期:2024-12-13 17:28信息来源:青川县融媒体中心作者:王敏阅读次数:字体【", date(2024, 12, 13), "青川县融媒体中心"),
        ("录入时间：2024-12-13 来源：青川日报", date(2024, 12, 13), "青川日报"),
        # 发布 after the date, the whole in brackets or not
        ("（2024年12月13日发布）", date(2024, 12, 13), None),
        ("2024-12-13 发布", date(2024, 12, 13), None),
        # a document site's column before the date, its counts run on after it
        ("栏目：工作总结发布：2024-12-13浏览：1520下载86次收藏", date(2024, 12, 13), None),
        # size buttons printed as two letters, an editor's name run into them
        ("2024-12-13 09:30:12 来源:青川县政府 作者:发布日期20241213 责任编辑:王敏 字号:T|T", date(2024, 12, 13), "青川县政府"),
        # a document-sharing site's file header: uploader, number, format, pages and size
        ("上传人:qc****1 文档编号:20241213 上传时间:2024-12-13 格式:DOCX 页数:12 大小:30.5KB", date(2024, 12, 13), None),
        # the font sizes as buttons of their own, a font label with 显示
        ("来源: 发布时间:2024-12-13 字号:[小]   [大]", date(2024, 12, 13), None),
        ("时间:2024-12-13 17:12:00 来源: 字体显示:", date(2024, 12, 13), None),
        # a document site's column run on into a date of figures
        ("2024/12/13方案大全", date(2024, 12, 13), None),
        # a paper's credit line with the page after the date; a stray quote between a
        # view count and the date's label; a document-sharing site's header unlabelled
        ("青川日报（2024年12月13日05版）", date(2024, 12, 13), "青川日报"),
        ("来源:县水利局浏览:867次'时间:2024年12月13日", date(2024, 12, 13), "县水利局"),
        ("2024-12-13 999+ 12.4KB 6 页 海报", date(2024, 12, 13), None),
        # a bullet before the label; the site's name and address before the date, its font
        # buttons after
        ("- 时间:2024-12-13", date(2024, 12, 13), None),
        ("青川县人民政府网 www.qingchuan.gov.cn\u30002024-12-13\u3000【大 中 小】", date(2024, 12, 13), "青川县人民政府网"),
        # a portal's name before the date and a labelled source after it: the source
        ("中国青川政府门户网站 2024-12-13 11:40:23 来源: 青川县生态环境局", date(2024, 12, 13), "青川县生态环境局"),
        # an office's whole name after the date
        ("2024年12月13日\u3000\u3000区生态环境保护督察整改工作领导小组办公室", date(2024, 12, 13),
         "区生态环境保护督察整改工作领导小组办公室"),
        # a byline's label alone after the date, its value and colon left out
        ("2024/12/13 作者", date(2024, 12, 13), None),
        ("2024年12月13日 来源", date(2024, 12, 13), None),
        # a policy site's repost: the region whose document it is, then a widget
        ("2024-12-13 青川区 收藏", date(2024, 12, 13), "青川区"),
        # a source, an empty count and the date labelled 发表时间
        ("文章来源：青川县卫健委 浏览量： 发表时间：2024-12-13 10:49 责任编辑：王敏", date(2024, 12, 13), "青川县卫健委"),
        # a county portal named 某某在线 before the date, a read count after it
        ("青川在线 2024-12-13 08:38:48 阅读 2153", date(2024, 12, 13), "青川在线"),
        # category 6: a portal's 信息时间, its font label in brackets without a colon, its
        # print button and a close button the page cut off
        ("【信息来源:【信息时间:2024-12-13  阅读次数: 】【字号 】【我要打印】【关闭", date(2024, 12, 13), None),
        # category 6: a byline's name before the next field's label, blanks around every colon
        ("时间 : 2024-12-13     来源 : 青川日报     作者 : 王敏     点击 : 次", date(2024, 12, 13), "青川日报"),
        # category 8: the time a county portal added the page
        ("加入时间:2024-12-13 09:20", date(2024, 12, 13), None),
        # category 8: who wrote and checked it, a click rate, the portal's category
        ("撰稿：王敏  审核：李强  发布时间：2024-12-13", date(2024, 12, 13), None),
        ("更新日期：2024-12-13 信息来源：县环保局 点击率：35", date(2024, 12, 13), "县环保局"),
        ("发布者：管理员 发布时间：2024-12-13 所属类别：工作动态", date(2024, 12, 13), None),
    ],
)
def test_dateline_sets_published_and_leaves_the_body(line, published, source):
    clean = normalize(Document(source="x.txt", kind="txt", title="标题", blocks=["标题", line, "正文内容。"]))
    assert clean.published == published
    assert clean.metadata.get("source") == source
    assert clean.blocks == ["标题", "正文内容。"]


def test_a_date_of_figures_run_on_into_a_limit_is_no_dateline():
    clean = normalize(Document(source="x.txt", kind="txt", title="标题", blocks=["标题", "2024/12/13前完成", "正文内容。"]))
    assert clean.published is None and clean.blocks == ["标题", "2024/12/13前完成", "正文内容。"]


def test_a_table_row_closing_with_its_date_is_no_dateline():
    blocks = ["开展工地巡查 区住建局 2023年10月31日", "清理道路积尘 区城管局 2023.6.30", "开展巡查 | 2023-10-31 | 区住建局",
              "青川县 2023-10-31 20:06 新疆维吾尔自治区"]
    clean = normalize(Document(source="x.txt", kind="txt", blocks=blocks))
    assert len(clean.blocks) == 4 and "source" not in clean.metadata


def test_the_dateline_under_the_title_outranks_a_sidebars_date_above_it():
    blocks = ["南湖街道开展垃圾分类宣传周活动", "326", "2024-04-02", "桐溪县召开防汛工作会", "桐溪融媒 2024-05-09 10:20",
              "5月8日，桐溪县召开防汛工作会。"]
    clean = normalize(Document(source="x.txt", kind="txt", title="桐溪县召开防汛工作会", blocks=blocks))
    assert clean.published == date(2024, 5, 9)
    assert clean.metadata.get("source") == "桐溪融媒"


def test_a_column_of_other_pages_dates_under_the_body_dates_no_page():
    # category 8: a page without its own date, then its column's latest items' datelines
    blocks = ["南湖街道召开清洁取暖推进会", "5月19日，南湖街道召开清洁取暖推进会。", "2024-06-28 10:05阅读",
              "2024-06-27 16:30阅读", "2024-06-25 09:50阅读"]
    clean = normalize(Document(source="x.txt", kind="txt", title="南湖街道召开清洁取暖推进会", blocks=blocks))
    assert clean.published is None
    # (two datelines of one page in a row are its own: 发布 and 更新 of one day)
    blocks = ["南湖街道召开清洁取暖推进会", "发布时间：2024-06-28", "更新时间：2024-06-28 10:20",
              "发布者：管理员 发布时间：2024-06-28", "5月19日，南湖街道召开清洁取暖推进会。"]
    clean = normalize(Document(source="x.txt", kind="txt", title="南湖街道召开清洁取暖推进会", blocks=blocks))
    assert clean.published == date(2024, 6, 28)


def test_a_publication_date_in_the_head_of_a_page_flattened_onto_one_line():
    line = "桐溪县召开防汛工作会 字体:大 小 作者: 来源: 发布时间:2025-01-24 17:09:38 点击数: 1月23日,桐溪县召开防汛工作会。"
    clean = normalize(Document(source="x.txt", kind="txt", title="桐溪县召开防汛工作会", blocks=[line, "用户登录"]))
    assert clean.published == date(2025, 1, 24)


def test_reader_date_wins_and_sentences_with_dates_stay():
    blocks = ["2025-05-20 来源：青川日报", "会议要求，2025年6月30日前完成治理。"]
    clean = normalize(Document(source="x.html", kind="html", published=date(2025, 5, 21), blocks=blocks))
    assert clean.published == date(2025, 5, 21)
    assert clean.blocks == ["会议要求，2025年6月30日前完成治理。"]


@pytest.mark.parametrize("signature", ["青川市人民政府办公室 2025年3月13日印发", "2025年3月13日",
                                       "二〇二五年三月十三日", "2025年3月13日?"])
def test_signature_date_when_nothing_else_and_it_stays_in_the_body(signature):
    blocks = ["青川市人民政府办公室", "会议纪要", "一、要加快推进散煤治理。", "青川市人民政府办公室", signature]
    clean = normalize(Document(source="x.txt", kind="txt", blocks=blocks))
    assert clean.published == date(2025, 3, 13)
    assert clean.blocks == [b.replace("?", "？") for b in blocks]


def test_tables_are_normalized_cell_by_cell():
    table = Table([["序號", "牽頭單位"], ["1", "市生態環境局(牽頭)"], ["", ""]])
    clean = normalize(Document(source="x.html", kind="html", blocks=[table]))
    assert clean.blocks == [Table([["序号", "牵头单位"], ["1", "市生态环境局（牵头）"]])]


def test_a_sites_greeting_and_date_bar_are_dropped():
    doc = Document(source="notice.txt", kind="txt", blocks=[
        "您好！欢迎访问青禾县生态环境局网站", "今天是：", "关于开展扬尘专项检查的通知", "各乡镇人民政府："])
    assert normalize(doc).blocks == ["关于开展扬尘专项检查的通知", "各乡镇人民政府："]
    # category 8: a greeting that says 您 before 访问
    doc = Document(source="notice.txt", kind="txt", blocks=["欢迎您访问青禾县人民政府网站!", "关于开展扬尘专项检查的通知"])
    assert normalize(doc).blocks == ["关于开展扬尘专项检查的通知"]
    assert is_junk_line("青禾在线 欢迎您光临本站")  # nor a title where it stands later in its line


def test_content_mentioning_boilerplate_words_is_kept():
    blocks = ["要公布举报电话，接受群众监督。", "各地要严格落实版权保护要求。"]
    assert normalize(Document(source="x.txt", kind="txt", blocks=blocks)).blocks == blocks


def test_a_forms_undertaking_unit_is_kept_where_a_sites_builder_goes():
    # 承办单位 on a 督办单 names the unit the work is handed to; on a page's footer, the
    # centre that builds the site
    blocks = ["督办事项：城区工地扬尘管控不到位", "承办单位：青禾县住建局", "办理时限：5月20日前",
              "主办单位：青禾县人民政府办公室", "承办单位：青禾县大数据中心"]
    assert normalize(Document(source="x.txt", kind="txt", blocks=blocks)).blocks == blocks[:3]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_documents_come_out_clean(path):
    import json

    import opencc

    doc = normalize(read(path))
    gold = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").read_text("utf-8"))
    assert not PINYIN_AID.search(doc.text)
    assert (doc.title is None) == (gold["title"] is None), "a title only where the text has one"
    if doc.title:
        assert doc.title == normalize_text(doc.title), "title is stable under normalization"
        assert opencc.OpenCC("t2s").convert(doc.title) == doc.title, "no Traditional characters in the title"
    assert (doc.published.isoformat() if doc.published else None) == gold["published"]
    boilerplate = ("上一篇", "下一篇", "版权与免责声明", "免责声明", "ICP备", "公网安备", "举报热线", "字体：大", "刊用本网站")
    assert not [line for line in doc.text.splitlines() if line.startswith(boilerplate) or any(b in line for b in boilerplate[3:])]


def test_a_view_count_line_is_no_title(tmp_path):
    page = tmp_path / "repost.txt"
    page.write_text("浏览次数：次\n6月1日，青川新区召开督察配合保障专题会。\n", encoding="utf-8")
    assert normalize(read(page)).title is None


def test_a_reading_pages_label_is_no_part_of_the_title(tmp_path):
    page = tmp_path / "repost.txt"
    page.write_text("正在阅读：青川县召开大气污染防治会商会议\n11月16日，青川县召开大气污染防治会商会议。\n", encoding="utf-8")
    assert normalize(read(page)).title == "青川县召开大气污染防治会商会议"


def test_a_forums_account_bar_and_comment_box_leave_the_page():
    from minutes.readers import read_bytes

    lines = ["找回密码", "立即注册", "扫描二维码登录本站", "只需一步，快速开始", "QQ登录", "青川县召开秸秆禁烧推进会",
             "8月14日，青川县召开秸秆禁烧推进会。", "登录后才能评论"]
    clean = normalize(read_bytes("\n".join(lines).encode(), "forum.txt", kind="txt"))
    assert clean.title == "青川县召开秸秆禁烧推进会"
    assert clean.blocks == ["青川县召开秸秆禁烧推进会", "8月14日，青川县召开秸秆禁烧推进会。"]


def test_a_sites_admin_link_place_trail_and_menu_bar_are_no_title():
    lines = ["后台管理 青溪县某村信息网", "·青溪县·柳湾乡", "首 页 本乡简介 新闻动态 村务公开 办事指南 联系我们",
             "柳湾乡河道清洁百日行动方案", "为改善河道面貌，制定本方案。"]
    assert plain_title(lines) == "柳湾乡河道清洁百日行动方案"


def test_breadcrumb_is_no_title_and_read_counts_are_a_dateline():
    raw = Document("repost.txt", "txt", title="首頁 > 資訊 > 本地新聞 > 正文", blocks=[
        "首頁 > 資訊 > 本地新聞 > 正文",
        "石門縣召開調度會",
        "2025-06-13 08:21:07  來源：石門發佈  作者：縣融媒體中心  閱讀：1,203",
        "【字體：大 中 小】  【打印本頁】  【關閉窗口】",
        "6月12日上午，石門縣召開調度會。",
    ])
    clean = normalize(raw)
    assert clean.title == "石门县召开调度会"
    assert clean.published == date(2025, 6, 13)
    assert clean.blocks == ["石门县召开调度会", "6月12日上午，石门县召开调度会。"]


@pytest.mark.parametrize(
    ("text", "title", "published"),
    [
        # a breadcrumb parted by slashes
        ("通知公告\n首页 / 政务公开 / 通知公告\n青川县生态环境局关于印发《青川县2024年治水工作要点》的通知\n"
         "时间:2024-05-21 17:12:00 来源: 字体显示:\n各乡镇人民政府：\n现印发给你们，请抓好落实。\n",
         "青川县生态环境局关于印发《青川县2024年治水工作要点》的通知", date(2024, 5, 21)),
        # 首页 > 政务公开 > 标题 with its marks gone: the steps parted by blanks, the headline last
        ("首页 政务公开 青川县开展扬尘污染专项检查\n青川县开展扬尘污染专项检查\n5月20日，县生态环境局开展专项检查。\n",
         "青川县开展扬尘污染专项检查", None),
    ],
)
def test_a_breadcrumb_is_no_title(tmp_path, text, title, published):
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    clean = normalize(read(page))
    assert (clean.title, clean.published) == (title, published)


@pytest.mark.parametrize(
    ("lines", "title", "published", "body"),
    [
        # one field to a line behind a bullet, above the headline: the date it was made
        # public, before the date the page was generated
        (["- 索引号:11520000/2021-00317", "- 发布机构:桐溪县青川镇", "- 生成日期:2021-03-02", "- 公开日期:2021-03-05",
          "关于青川镇2021年第一季度河道保洁检查情况的通报", "各村（社区）:"],
         "关于青川镇2021年第一季度河道保洁检查情况的通报", date(2021, 3, 5), ["各村（社区）："]),
        # labels glued to their values, several to a line; the release date beats a dateline
        (["索引号 11520000/2021-00052 主题分类 综合政务", "发文机构桐溪县人民政府办公室发文字号桐政办〔2021〕4号",
          "发布日期2021年03月09日有效性有效", "成文日期2021年03月01日", "桐溪县人民政府办公室关于印发河道保洁考核办法的通知",
          "时间：2021-02-27 来源：桐溪日报", "各乡镇人民政府，县直各部门："],
         "桐溪县人民政府办公室关于印发河道保洁考核办法的通知", date(2021, 3, 9), ["各乡镇人民政府，县直各部门："]),
        # a page's read-aloud widgets and a table of many lines above the headline: the
        # headline is below the lines the reader looks at, the title all the same
        (["【字号：", "语音播报", "语音合成中，请耐心等待...", "进入播报模式", "退出播报",
          "索引号 11500000/2023-00011 发文字号", "主题分类 环境保护 体裁分类 工作动态", "发布机构 桐溪县生态环境局", "发布日期 2023-04-11",
          "成文日期 2023-04-10", "桐溪县加快推进督察反馈问题整改", "近日，桐溪县召开专题会议。"],
         "桐溪县加快推进督察反馈问题整改", date(2023, 4, 11), ["近日，桐溪县召开专题会议。"]),
        # a county site's fields with a remark slot for the number (备注/文号) and the date the
        # document was made as its own label (公文生成日期), the headline under them
        (["- 索引号: 35042500-0120-2023-00031", "- 备注/文号: 桐政办〔2023〕21 号", "- 发布机构: 桐溪县人民政府办公室",
          "- 公文生成日期: 2023-03-14", "桐溪县2023年度河道保洁任务分解方案", "各乡（镇）人民政府，县直有关单位："],
         "桐溪县2023年度河道保洁任务分解方案", date(2023, 3, 14), ["各乡（镇）人民政府，县直有关单位："]),
        # labels in brackets with blanks inside, pairs between bars
        (["[ 索引号 ] | 11500000/2023-00040 | [ 发文字号 ] | |", "[ 发布机构 ] | 桐溪县生态环境局 | [ 有效性 ] | 有效 |",
          "[ 成文日期 ] | 2023-05-10 | [ 发布日期 ] | 2023-05-12 |", "桐溪县扬尘污染防治方案", "为改善空气质量，制定本方案。"],
         "桐溪县扬尘污染防治方案", date(2023, 5, 12), ["为改善空气质量，制定本方案。"]),
        # category 8: a summary of the content (内容概览) and how long it holds (时效) are fields
        # too, not the body before the addressee line
        (["信息名称: | 关于开展化工企业摸底排查工作的通知 | |", "发布日期: | 2023-05-12 |",
          "内容概览: | 根据省里统一部署，开展我市化工企业摸底排查工作。 |", "时效: | 有效 |",
          "关于开展化工企业摸底排查工作的通知", "各县、区环境保护局："],
         "关于开展化工企业摸底排查工作的通知", date(2023, 5, 12), ["各县、区环境保护局："]),
    ],
)
def test_a_disclosure_table_is_read_as_fields_not_as_title_or_body(lines, title, published, body):
    from minutes.readers import read_bytes

    clean = normalize(read_bytes("\n".join(lines).encode(), "notice.txt", kind="txt"))
    assert clean.title == title
    assert clean.published == published
    assert clean.blocks == [title, *body]


def test_the_title_field_names_a_document_whose_headline_is_missing():
    blocks = ["文 号 | 成文日期:2019-07-08 | 发布日期:2019-07-10 |", "标题 青川县秸秆禁烧工作方案", "体 裁 | 生效日期 | 废止日期 |",
              "为切实做好秸秆禁烧工作，制定本方案。"]
    clean = normalize(Document("plan.txt", "txt", title="文 号 | 成文日期:2019-07-08 | 发布日期:2019-07-10 |", blocks=blocks))
    assert clean.title == "青川县秸秆禁烧工作方案"
    assert clean.published == date(2019, 7, 10)
    assert clean.blocks == ["为切实做好秸秆禁烧工作，制定本方案。"]


def test_a_forms_fields_a_label_a_line_give_their_values_on_the_next_line():
    # a 交办单 as a supervision system prints it: each label alone on its line, its value
    # under it; the reader took the responsible unit's line for the headline
    blocks = ["交办单号：", "2023-12", "责任单位：", "青溪县水务局", "交办日期：", "2023-04-18", "交办单标题：",
              "关于督促清理青溪河漂浮物的通知", "交办内容：", "请你单位立即组织清理，5日内反馈整改情况。"]
    clean = normalize(Document("form.txt", "txt", title="青溪县水务局", blocks=blocks))
    assert clean.title == "关于督促清理青溪河漂浮物的通知"
    assert clean.published == date(2023, 4, 18)
    assert clean.blocks == ["交办单号：", "2023-12", "责任单位：", "青溪县水务局", "交办内容：", "请你单位立即组织清理，5日内反馈整改情况。"]
    # ... however many of its labels the rules do not know stand above the title's, with the
    # site's menu over the form
    more = ["督办 交办单 简报 台账", "[ 访客 ]", "交办年度：", "2023", "督办类别：", "市级督办", "问题类型：", "水环境",
            "办理状态：", "整改中", "附件：", *blocks]
    clean = normalize(Document("form.txt", "txt", title="青溪县水务局", blocks=more))
    assert clean.title == "关于督促清理青溪河漂浮物的通知"
    # a disclosure table's row whose last label is left empty has no value on the next line
    row = ["索引号: 001/2020-12 发布日期: 2020-06-28", "文 号: 所属机构:", "青溪县政府办关于分解年度重点任务的通知",
           "各乡镇人民政府："]
    clean = normalize(Document("notice.txt", "txt", title=row[2], blocks=row))
    assert clean.title == row[2] and clean.blocks == row[2:]


def test_a_disclosure_table_in_a_lists_numbers_under_markup_kept_as_text():
    # a copy kept a page's hidden markup as text, in the numbered list its conversion made,
    # and set the table's rows in that list; a row opens with a label no rule knows
    # (an item left empty, 2., goes with the markup after it: it numbers no line of the notice)
    blocks = ['1. <dd id="q1"><track id="q1"></track></dd>', "2.", '3. <th id="q1"></th>',
              "4. 索 引 号: 001-2022-0030 分 类: 其他文件", "责任部门: 青溪县政府办 发文日期: 2022-11-02 10:03:07",
              "标 题: 关于开展冬季燃煤散烧专项排查的通知", "关于开展冬季燃煤散烧专项排查的通知", "各乡镇人民政府：",
              "各乡镇要落实网格化巡查。"]
    clean = normalize(Document("notice.txt", "txt", title=blocks[6], blocks=blocks))
    assert clean.published == date(2022, 11, 2)
    assert clean.blocks == blocks[6:]


def test_a_dateline_outranks_the_date_a_disclosure_table_says_the_document_was_written():
    blocks = ["发文机关: 青川县人民政府办公室 成文日期: 2023-07-16", "青川县人民政府办公室关于印发扬尘治理分工方案的通知",
              "日期: 2023-07-25 来源: 县政府办公室", "各乡镇人民政府："]
    clean = normalize(Document("notice.txt", "txt", title=blocks[1], blocks=blocks))
    assert clean.published == date(2023, 7, 25)
    assert clean.blocks == blocks[1:2] + blocks[3:]


def test_page_numbers_of_a_converted_pdf_leave_the_body():
    blocks = ["一、各乡镇要加强秸秆禁烧巡查，", "— 2 —", "确保不发生焚烧现象。", "- 3 -", "第 4 页 共 5 页",
              "二、县公安局要依法查处，县农业农村局负责指导。", "—2025年工作要点—"]
    clean = normalize(Document("plan.txt", "txt", blocks=blocks))
    assert clean.blocks == ["一、各乡镇要加强秸秆禁烧巡查，", "确保不发生焚烧现象。", "二、县公安局要依法查处，县农业农村局负责指导。",
                            "—2025年工作要点—"]


def test_lines_opening_with_a_field_label_in_the_body_stay():
    body = [f"{n}、要加快推进河道保洁工作。" for n in "一二三四五六七八九十"] + ["十一、要落实考核。", "十二、要通报结果。"]
    blocks = ["青川县河道保洁考核办法", "名称：青川县河道保洁考核办法（试行）", *body, "有效期：自印发之日起5年。"]
    clean = normalize(Document("rules.txt", "txt", blocks=blocks))
    assert clean.blocks == blocks, "名称 alone under no field line, 有效期 far down the text: the text's own lines"


def test_an_advert_taken_for_the_title_gives_way_to_the_first_title_line():
    raw = Document("page.html", "html", title="澳门葡京娱乐城开户送彩金", blocks=[
        "桐溪县开展汛前河道清障专项行动",
        "发布时间：2023-05-06",
        "5月5日，县水利局组织开展汛前河道清障专项行动。",
    ])
    clean = normalize(raw)
    assert clean.title == "桐溪县开展汛前河道清障专项行动"
    assert clean.published == date(2023, 5, 6)


def test_boilerplate_rules_never_look_past_the_end_of_a_line():
    """normalize() finds the lines its rules may touch with one search over all lines
    joined (re.M), which finds every line a rule matches alone unless the rule looks
    past the line break: a negative lookaround, \\A or \\Z."""
    from minutes import datafiles

    rules = datafiles.load("boilerplate.yaml")
    for pattern in [*rules["lines"], *(section["start"] for section in rules["sections"])]:
        assert not re.search(r"\(\?<?!|\\[AZ]", pattern), pattern


def test_lines_around_boilerplate_are_judged_each_on_its_own():
    page = ["关于秸秆禁烧的通知", "2025-03-19 19:38:42 来源：天山网", "版权声明", "1、本网所载文章", "各单位要在3.24.2025前完成排查。",
            "责任编辑：", "刘芳", "版权所有 某网", "首页 > 新闻", "要落实版权所有单位的责任。"]
    doc = normalize(Document("p.txt", "txt", raw=b"", title=page[0], blocks=page))
    assert doc.blocks == ["关于秸秆禁烧的通知", "各单位要在3.24.2025前完成排查。"]
    assert doc.metadata == {"source": "天山网", "editor": "刘芳"} and doc.published == date(2025, 3, 19)


def test_lines_wrapped_inside_a_parenthesis_or_a_name_are_joined():
    page = normalize(Document("t", "txt", blocks=[
        "1.开展锅炉整治。（牵头单位：县市场监", "管局；配合单位：县生态环境局、各乡", "镇人民政府）",
        "县住房和城乡建设局、县城市管理", "局要督促施工单位落实措施。",
        "二、加强城市管理", "局部地区实行错峰作业。",
        "三、关于资金保障问题", "县财政局要统筹整合资金。",
    ]))
    assert page.blocks == [
        "1.开展锅炉整治。（牵头单位：县市场监管局；配合单位：县生态环境局、各乡镇人民政府）",
        "县住房和城乡建设局、县城市管理局要督促施工单位落实措施。",
        "二、加强城市管理", "局部地区实行错峰作业。",
        "三、关于资金保障问题", "县财政局要统筹整合资金。",
    ]


def test_a_paragraph_line_broken_mid_clause_is_joined_with_the_clause_it_finishes():
    # one line of a long paragraph broken by the copy (…对屡查屡犯的 / 企业，依法…): the next
    # line finishes the clause within a few characters; a heading, an item or a connective
    # opening the next line, or a short line, stays apart
    page = normalize(Document("t", "txt", blocks=[
        "1.加强涉气企业监管。全县不再审批新增燃煤锅炉。每季度开展一次监督性监测，发现超标排放的一律立案查处，对屡查屡犯、拒不整改的",
        "企业，依法责令停产整治，督促落实整改。",
        "对超标排放的企业一律立案查处，对屡查屡犯的企业依法责令停产整治，推动砖瓦、陶瓷、石材等行业完成深度治理改造，确保稳定达标排放并按期验收", "同时，加强执法检查。",
        "二、强化保障措施", "各乡镇、各部门要落实责任。",
    ]))
    assert page.blocks == [
        "1.加强涉气企业监管。全县不再审批新增燃煤锅炉。每季度开展一次监督性监测，发现超标排放的一律立案查处，对屡查屡犯、拒不整改的企业，"
        "依法责令停产整治，督促落实整改。",
        "对超标排放的企业一律立案查处，对屡查屡犯的企业依法责令停产整治，推动砖瓦、陶瓷、石材等行业完成深度治理改造，确保稳定达标排放并按期验收", "同时，加强执法检查。",
        "二、强化保障措施", "各乡镇、各部门要落实责任。",
    ]


def test_a_text_converted_from_print_has_its_wrapped_lines_joined():
    # lines broken at the print's width (28 Han characters here; a digit one column, a Han
    # character two) go on on the next unless they end a sentence or the next opens an item
    lines = [
        "　　2月3日，县政府召开大气污染防治工作推进会，副县长韩松",
        "主持会议并讲话。县生态环境局、县住建局、县交通局等单位负责",
        "人参加会议。会议要求，县住建局要加强施工工地扬尘管控，3月底",
        "前完成全部工地视频监控安装；县交通局要加强柴油货车路检路查，",
        "每周通报一次。",
        "一、关于秸秆禁烧工作各乡镇要落实网格化巡查责任，发现火点",
        "立即处置。",
    ]
    page = normalize(Document("t", "txt", blocks=lines))
    assert page.blocks == [
        "2月3日，县政府召开大气污染防治工作推进会，副县长韩松主持会议并讲话。县生态环境局、县住建局、县交通局等单位负责"
        "人参加会议。会议要求，县住建局要加强施工工地扬尘管控，3月底前完成全部工地视频监控安装；县交通局要加强柴油货车路检路查，"
        "每周通报一次。",
        "一、关于秸秆禁烧工作各乡镇要落实网格化巡查责任，发现火点立即处置。",
    ]


def test_a_page_that_lost_its_line_breaks_has_its_numbered_items_cut_apart():
    # items numbered in sequence run together in one long line: each on a line of its own
    flat = ("某局创建工作实施方案。为做好本年度创建工作，结合本局实际，制定本方案。实施专项整治工作（一）工地专项整治："
            "要求施工企业做到围挡封闭、车辆冲洗干净后出场。责任部门：建工科、安全站（二）小街巷专项整治：对路面坑洼、"
            "路灯照明开展专项整治工作。责任部门：城建科、市政管理处（三）道路绿化：做好行道树修剪工作。责任部门：园林科")
    assert normalize(Document("t", "txt", blocks=[flat])).blocks == [
        "某局创建工作实施方案。为做好本年度创建工作，结合本局实际，制定本方案。实施专项整治工作",
        "（一）工地专项整治：要求施工企业做到围挡封闭、车辆冲洗干净后出场。责任部门：建工科、安全站",
        "（二）小街巷专项整治：对路面坑洼、路灯照明开展专项整治工作。责任部门：城建科、市政管理处",
        "（三）道路绿化：做好行道树修剪工作。责任部门：园林科",
    ]
    # an enumeration a colon opens, items cited by number, a word holding a numeral: no items
    kept = ("各乡镇要做好以下工作：（1）全面排查辖区内的散乱污企业并建立台账；（2）对排查出的企业分类实施整治并按期销号；"
            "（3）每月向县大气办报送整治进展情况。按照方案第（一）（二）项的要求，统一、规范填报信息，二、三季度各开展一次检查。")
    assert normalize(Document("t", "txt", blocks=[kept])).blocks == [kept]
    # a run after a colon whose items hold numbered items of their own is the plan's
    # sections, cut apart like them
    sections = ("某县农村环境治理方案，现制订方案如下：一、工作目标（一）落实秸秆禁烧要求，确保禁烧期内无火点。"
                "（二）加强农村沼气建设，新建户用沼气池200口。二、工作内容（一）抓好农业生产垃圾整改，加大秸秆综合利用和地膜回收。"
                "（二）做好畜禽养殖污染治理，推广雨污分流、干湿分离技术，配套建设畜禽粪便处理设施，依法治理养殖污染。")
    assert normalize(Document("t", "txt", blocks=[sections])).blocks == [
        "某县农村环境治理方案，现制订方案如下：", "一、工作目标", "（一）落实秸秆禁烧要求，确保禁烧期内无火点。",
        "（二）加强农村沼气建设，新建户用沼气池200口。", "二、工作内容", "（一）抓好农业生产垃圾整改，加大秸秆综合利用和地膜回收。",
        "（二）做好畜禽养殖污染治理，推广雨污分流、干湿分离技术，配套建设畜禽粪便处理设施，依法治理养殖污染。"]


def test_lines_of_a_like_width_that_are_no_wrapped_text_stay_apart():
    # rows whose cells stand in columns, and a list whose lines each end a sentence
    rows = ["1    开展城区道路扬尘专项整治工作    县城管局    3月底前", "2    加强建筑工地围挡和覆盖管理工作    县住建局    4月底前",
            "3    推进渣土运输车辆密闭改造工作    县交通局    5月底前", "4    开展裸露土地排查建立管理台账    县自然资源局    6月底前"]
    assert len(normalize(Document("t", "txt", blocks=rows)).blocks) == 4
    listed = ["县住建局负责加强施工工地扬尘管控和渣土车辆管理。", "县城管局负责加强城区主次干道机械化清扫保洁工作。",
              "县交通局负责加强柴油货车路检路查和超限超载治理。", "县公安局负责加强机动车尾气排放超标车辆查处工作。"]
    assert normalize(Document("t", "txt", blocks=listed)).blocks == listed


def test_a_line_wrapped_between_the_units_and_their_directive_is_joined():
    # …，县交通局、县公安局 / 要加强路检: the units and the directive they are given, one line
    page = normalize(Document("t", "txt", blocks=[
        "会议要求，县水利局要加快清淤进度，县交通局、县公安局", "要加强超限车辆路检。",
        "三、关于资金保障问题", "要统筹整合资金。",
    ]))
    assert page.blocks == ["会议要求，县水利局要加快清淤进度，县交通局、县公安局要加强超限车辆路检。",
                           "三、关于资金保障问题", "要统筹整合资金。"]


def test_a_tagged_headline_repeated_in_the_body_is_the_title_once():
    page = normalize(Document("t", "txt", blocks=[
        "[某某流量计]桐溪县召开汛期防汛工作会", "[某某流量计]桐溪县召开汛期防汛工作会", "7月3日，县水务局召开防汛工作会。"],
        title="[某某流量计]桐溪县召开汛期防汛工作会"))
    assert page.title == "桐溪县召开汛期防汛工作会"
    assert page.blocks == ["桐溪县召开汛期防汛工作会", "7月3日，县水务局召开防汛工作会。"]


def test_opencc_converts_only_the_lines_it_can_change_and_gives_what_it_gives_the_whole_text():
    import random

    from minutes.nlp.text import _converted_lines, _dictionary_stages, _opencc, _unchanged

    assert _unchanged() is not None  # the installed OpenCC's dictionaries were read
    simplified = "各区县要加强大气污染防治，全面推进管理。"  # (全面 and 管理 open phrases: not these)
    assert _converted_lines(simplified) is simplified  # passed over, not converted
    assert _converted_lines("會議紀要\n" + simplified) == "会议纪要\n" + simplified
    # texts made of the dictionaries' own keys and values (phrases, characters a stage
    # changes and a later one changes back), Simplified text and line breaks, pieced at random
    stages = _dictionary_stages()
    keys = [key for stage in stages for key in stage]
    values = [value for stage in stages for found in stage.values() for value in found]
    rng = random.Random(11)
    pieces = [keys, values, list(simplified), ["\n"], ["核的", "瞭望", "管理人才", "秘书", "群众", "高峰"]]
    for _ in range(4000):
        text = "".join(rng.choice(rng.choice(pieces)) for _ in range(rng.randrange(1, 14)))
        assert _converted_lines(text) == _opencc().convert(text), text


def test_rules_skipped_for_a_text_without_what_they_need_give_what_running_them_gives():
    import random

    from minutes.nlp import text as n

    def every_rule(s: str) -> str:  # each rule run on every text, as they were before their screens
        s = s.translate(n._FULL_WIDTH)
        s = n._LOST_CHARACTER.sub(n._restore_lost_character, s)
        s = n._AID.sub(lambda m: "" if n._is_pinyin(m[1]) else m[0], s)
        s = n._opencc().convert(s)
        s = n._page_counter().sub("", s)
        s = n._ASCII_PUNCTUATION.sub(lambda m: n._PUNCTUATION[m[0]], s)
        s = n._FULL_STOP.sub("。", s)
        s = n._DOUBLED_COMMA.sub("", s)
        s = n._HAN_PARENTHESES.sub(r"（\1）", s)
        s = n._SPACED_OUT.sub(lambda m: m[0].replace(" ", ""), s)
        s = n._without_spacing(s)  # (its spaces kept on a table's row or a list of attendees)
        s = n._SPACED_NUMBER.sub("", s)
        s = n._BLANKS.sub(" ", s)
        return "\n".join(line.strip() for line in s.split("\n"))

    # every character str.strip removes, the blanks, marks, pinyin aids and digits by units of time
    pieces = [chr(c) for c in range(0x3100) if chr(c).isspace()] + list("\u3000\u200b\u2028\u205f\ufeff,;:?!()（）？：，、。-/.．0１Ａａ一") + [
        "会", "議", "年", "月", "2", "a", "huì", "(huì)", "（fā）", "?(pēn)", "？qǐng)?bào)", "会 议", "2016 年", "年 6", "1 0 月", " 2 0 1 9", "a b", " _ ", "  ", "\n", "第2页", "共5页", "頁", " / "]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert n.normalize_text(text) == every_rule(text), repr(text)
        parts = [text[: len(text) // 3], text[len(text) // 3 :], "会议"]  # a document's strings, normalized together
        assert n.normalize_texts(parts) == [every_rule(part) for part in parts], repr(parts)


def test_lines_are_rejoined_as_when_every_line_is_checked():
    import random

    from minutes.models import Table
    from minutes.nlp import normalize as n

    def every_line(blocks):  # each line checked against the one before, as before the screen
        out, i = [], 0
        while i < len(blocks):
            block, last = blocks[i], out[-1] if out else None
            if isinstance(block, str) and isinstance(last, str) and n._bare_mark(last, block):
                out[-1] = last + block
                i += 1
                continue
            if isinstance(block, str) and isinstance(last, str) and n._may_continue(last):
                if (closed := n._closed_within(last, blocks[i : i + n._WRAPPED_LINES])) is not None:
                    out[-1] = last + "".join(blocks[i : i + closed])
                    i += closed
                    continue
                if n._name_across(last, block):
                    out[-1] = last + block
                    i += 1
                    continue
            out.append(block)
            i += 1
        return out

    pieces = ["县城市管理", "局要督促施工单位落实措施。", "加强城市管理", "局部地区实行错峰作业。", "（牵头单位：县市场监",
              "管局；配合单位：县生态环境局）", "(", ")", "（", "）", "县财政局要统筹整合资金。", "a", "2", "。", "\n", "市生态环境",
              "县住房和城乡", "建设局负责督促。", "县生态环", "境局要求各单位。"]
    rng = random.Random(5)
    for _ in range(5000):
        blocks = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 4))) for _ in range(rng.randrange(0, 12))]
        blocks = [Table([["序号"]]) if rng.random() < 0.1 else b for b in blocks]
        assert n._rejoined(blocks) == every_line(blocks), blocks


def test_the_screen_finds_the_lines_it_finds_without_its_word_and_opening_tests():
    import random
    import re

    from minutes import datafiles
    from minutes.nlp import normalize as n
    from minutes.patterns import anchored

    raw = datafiles.load("boilerplate.yaml")
    rules = n._rules()
    starts = [p for p in [*raw["lines"], *(s["start"] for s in raw["sections"]), rules["metadata"].pattern] if anchored(p)]
    anywhere, _ = rules["screen"]
    plain = ([(pattern, kind, None) for pattern, kind, _ in anywhere],
             [(re.compile("\\n(?:" + "|".join(f"(?:{p[1:]})" for p in starts) + ")", re.M), None)])
    words = [w for _, _, found in anywhere for w in found or ()] + list(rules["labels"]) + [
        "上一篇：", "许可证", "举报电话：", "打印本页", "关闭", "首页 >", "当前位置：", "主办单位：市局", "版权声明", "征稿启事",
        "All Rights Reserved", "copyright", "2024年", "3-", "【", "（", " ", "：", "各区县要加强管理。"]
    rng = random.Random(3)
    for _ in range(3000):
        lines = ["".join(rng.choice(words) for _ in range(rng.randrange(0, 4))) for _ in range(rng.randrange(1, 8))]
        assert list(n._screened(lines, rules["screen"])) == list(n._screened(lines, plain)), lines


def test_every_line_holding_a_date_is_screened_for_a_dateline():
    import random

    from minutes.nlp import normalize as n

    pieces = ["2025", "1999", "2018", "20", "19", "3", "24", "年", "月", "日", "-", "/", ".", " ", "\u3000", "\n", "发布时间：",
              "来源：", "会议", "１", "٣", ":", "10:20"]
    rng = random.Random(9)
    for _ in range(5000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10))) for _ in range(rng.randrange(1, 5))]
        touched = list(n._screened(lines, n._rules()["screen"]))
        for line, kind in zip(lines, touched):
            if n._DATE_TIME.search(line):
                assert kind & n._DATE, lines


def test_documents_normalized_together_come_out_as_each_alone():
    from minutes.nlp.normalize import normalize_all

    corpus = sorted(p for p in (Path(__file__).parent / "corpus").iterdir() if p.suffix in (".txt", ".html", ".docx"))
    docs = [read(path) for path in corpus] + [
        Document("a.html", "html", title=None, metadata={"url": "http://x/1", "来源": "某市  日报"},
                 blocks=["各区县要加强管理，按时报送。", Table([["序号", "任务"], ["1", "做好\ue000 整改"]])]),
        Document("b.txt", "txt", title="關於加強管理的通知", blocks=["2024年3月5日", "各區縣要加強管理。"]),
    ]
    assert any(isinstance(block, Table) for doc in docs for block in doc.blocks)
    assert normalize_all(docs) == [normalize(doc) for doc in docs]
    assert normalize_all(docs[-2:]) == [normalize(doc) for doc in docs[-2:]]  # one holds the joining character
    assert normalize_all([]) == []


def test_a_reading_time_note_is_no_title_and_a_footers_title_line_names_the_page():
    blocks = ["本篇文章420字，读完约1分钟", "（记者周林）5月6日，区长甲主持召开区政府第12次常务会议，研究河道整治工作。",
              "来源：青川新闻", "标题：甲主持召开区政府第12次常务会议", "地址：http://news.example.cn/qc"]
    clean = normalize(Document("repost.txt", "txt", title=blocks[0], blocks=blocks))
    assert clean.title == "甲主持召开区政府第12次常务会议"
    assert "本篇文章420字，读完约1分钟" not in clean.blocks


def test_a_forum_print_pages_title_line_loses_its_label_and_button():
    blocks = ["青川论坛", "标题: 我县召开秸秆禁烧工作调度会 [打印本页]", "作者: 山水人家    时间: 2019-12-5 12:30",
              "12月4日，我县召开秸秆禁烧工作调度会。"]
    clean = normalize(Document("print.txt", "txt", title=plain_title(blocks), blocks=blocks))
    assert clean.title == "我县召开秸秆禁烧工作调度会"
    assert clean.published == date(2019, 12, 5)


def test_blanks_are_collapsed_as_runs_whatever_they_are_made_of():
    # the pattern matches only the runs it changes (a lone space is left alone): the
    # text comes out as with every run of blanks made one space
    import random

    from minutes.nlp import text

    rng = random.Random(5)
    for _ in range(3000):
        s = "".join(rng.choice(" \t\u3000\xa0\u2002\u2003\u200b甲a\n") for _ in range(rng.randrange(12)))
        assert text._BLANKS.sub(" ", s) == re.sub(f"{text._BLANK}+", " ", s), repr(s)


def test_no_dateline_fragment_matches_blanks_alone():
    # a line that is a date and blanks is taken as a bare dateline without trying the
    # fragments (labels, sources, view counts) on what is left of it
    from minutes.nlp import normalize as n

    for fragment in n._rules()["dateline"]:
        assert not any(fragment.search(blanks) for blanks in (" ", "  ", " \t ", "\u3000 ")), fragment.pattern
    assert n._dateline("2025年4月7日", n._rules()["dateline"])[1:] == (None, False)
    assert n._dateline("发布时间：2025年4月7日", n._rules()["dateline"])[2] is True


def test_a_document_sites_download_notes_leave_the_body():
    page = ["秸秆禁烧工作方案.docx", "温馨提示：", "1. 部分文件预览时可能显示错乱，文件下载后无此问题，请放心下载。",
            "2. 本文档由用户上传，版权归属用户，如有争议请及时联系客服。", "版权说明：本文档由用户提供并上传，若内容存在侵权，请进行举报或认领",
            "一、各村要在5月底前完成秸秆清理。", "温馨提示：夜间施工请提前报备。"]
    doc = normalize(Document("p.txt", "txt", raw=b"", title=page[0], blocks=page))
    # (the file's name heading the page is its title, without the extension)
    assert doc.blocks == ["秸秆禁烧工作方案", "一、各村要在5月底前完成秸秆清理。", "温馨提示：夜间施工请提前报备。"]


def test_the_date_of_a_minutes_head_stays_for_the_meeting():
    blocks = ["柳溪镇环境整治工作会议", "时间：2022年5月9日", "地点：镇政府二楼会议室", "主持人：镇长", "会议议定：一是清理河道。"]
    clean = normalize(Document(source="x.txt", kind="txt", title="柳溪镇环境整治工作会议", blocks=blocks))
    assert "时间：2022年5月9日" in clean.text
    # a page's dateline under its title still leaves the body
    blocks = ["柳溪镇环境整治工作会议", "时间：2022年5月9日", "5月8日，柳溪镇召开环境整治工作会议。"]
    clean = normalize(Document(source="x.txt", kind="txt", title="柳溪镇环境整治工作会议", blocks=blocks))
    assert "2022年5月9日" not in clean.text and clean.published == date(2022, 5, 9)


def test_a_portals_account_bar_and_a_photos_caption_are_no_title():
    # a county portal: greeting, account bar, breadcrumb, then the headline and its
    # dateline split over lines (发布时间： / the date)
    blocks = ["欢迎访问青川县人民政府!", "登录/注册 用户中心 无障碍", "当前位置: 首页>新闻中心>乡镇动态",
              "全县河道保洁工作推进会议召开", "发布时间:", "2024-04-09 10:03", "信息来源:", "青川发布",
              "4月8日，全县河道保洁工作推进会议召开。副县长甲主持会议并讲话。"]
    clean = normalize(Document("portal.txt", "txt", title=plain_title(blocks), blocks=blocks))
    assert (clean.title, clean.published) == ("全县河道保洁工作推进会议召开", date(2024, 4, 9))
    # a news page that opens with its photos' captions (会议现场 / 县长甲讲话) has no headline;
    # a speech's title (在…上的讲话) is one
    assert plain_title(["会议现场", "县长甲某讲话", "青川县融媒体中心4月9日讯 4月8日，副县长甲某主持召开全县河道保洁工作会。"]) is None
    # a page's pager above the text is no title either
    for pager in ("上一页 1 2 3 下一页", "首页 上一页 下一页 尾页", "共3页 1 2 3 下一页"):
        assert plain_title([pager, "青川县2009年环保专项行动实施方案", "一、工作目标"]) == "青川县2009年环保专项行动实施方案"
        assert plain_title([pager, "业污染源的监管，确保稳定达标排放。"]) is None
    # nor has one that opens with a photo's label in parentheses
    for label in ("（资料图片）", "(图片来源：青川县融媒体中心)", "（李四 摄）"):
        assert plain_title([label, "青川县融媒体中心讯 4月8日，青川县河道保洁工作会召开。"]) is None, label
    assert plain_title(["县长甲某在全县河道保洁工作会议上的讲话", "同志们："]) == "县长甲某在全县河道保洁工作会议上的讲话"


def test_an_adult_spam_line_above_a_repost_is_no_title():
    blocks = ["黄色大片_某某试看120秒_免费看在线观看", "EN", "青川：全力打好碧水保卫战",
              "2023-02-10 10:11 来源: 青川日报", "2月9日，全省水污染防治工作电视电话会议召开。"]
    assert plain_title(blocks) == "青川：全力打好碧水保卫战"


def test_an_e_editions_print_date_and_a_hidden_view_count_are_datelines():
    # a paper's e-edition: 刊发日期 with its read-aloud button
    blocks = ["第A3版:要闻 >2020-05-12编印", "我区召开扬尘治理推进会", "刊发日期:2020-05-12 阅读次数: 作者:乙某  语音阅读:语音阅读",
              "本报讯 5月11日，我区召开扬尘治理推进会。"]
    clean = normalize(Document("epaper.txt", "txt", title=plain_title(blocks), blocks=blocks))
    assert (clean.title, clean.published) == ("我区召开扬尘治理推进会", date(2020, 5, 12))
    assert not any("语音阅读" in b for b in clean.blocks)
    # a bureau's page that hides its count behind a dash
    blocks = ["青川区召开河长制工作会议", "来源:青川区水利局访问量:-发布时间:2017-06-02", "6月1日上午，区政府召开河长制工作会议。"]
    clean = normalize(Document("bureau.txt", "txt", title=plain_title(blocks), blocks=blocks))
    assert (clean.published, clean.metadata.get("source")) == (date(2017, 6, 2), "青川区水利局")


def test_a_headline_run_into_its_lead_ends_before_the_byline():
    blocks = ["2024年青川流域河湖长联席会议召开青川日报网讯,11月4日,2024年青川流域河湖长联席会议在青川市召开。"]
    assert plain_title(blocks) == "2024年青川流域河湖长联席会议召开"
    # a lead that opens with its own dateline is no headline
    assert plain_title(["青川日报讯 11月4日,青川流域河湖长联席会议召开。"]) is None


def test_a_page_titles_site_name_after_a_spaced_dash_is_no_part_of_it():
    assert untagged("青川县召开河长制工作推进会 - 青川县人民政府") == "青川县召开河长制工作推进会"
    # ... or after two dashes, spaced or not
    assert untagged("青川县召开河长制工作推进会--今日青川 -- 青川县人民政府") == "青川县召开河长制工作推进会"
    # ... or after a dash spaced only before it (a page whose <title> an advert rewrote)
    assert untagged("青川县召开河长制工作推进会 -某某棋牌娱乐") == "青川县召开河长制工作推进会"
    # a part ending in 会 that names a body (an association, a gaming site) reports no meeting
    assert untagged("青川县部署河道清淤整改工作 -某某贵宾会") == "青川县部署河道清淤整改工作"
    # a span of years is no separator, nor a dash inside a word
    assert untagged("关于印发青川县河道整治方案（2018 - 2020年）的通知") == "关于印发青川县河道整治方案（2018 - 2020年）的通知"
    assert untagged("关于印发青川县河道整治方案（2018 -2020年）的通知") == "关于印发青川县河道整治方案（2018 -2020年）的通知"
    assert untagged("青川县召开京-沪线沿线整治会") == "青川县召开京-沪线沿线整治会"


def test_a_document_sharing_sites_file_name_loses_its_extension():
    # the name a document-sharing site shows for the file is the document's title
    assert untagged("青川县2020年水污染防治工作任务分解表.doc") == "青川县2020年水污染防治工作任务分解表"
    assert plain_title(["青川区2021年大气污染防治行动计划.pdf", "附件1 序号 重点任务 牵头单位"]) == "青川区2021年大气污染防治行动计划"
    # a figure with a decimal point closing a title is no extension
    assert untagged("青川县PM2.5") == "青川县PM2.5"


def test_a_dateline_with_an_empty_source_and_the_editor_abbreviated():
    blocks = ["青川镇召开环境整治推进会", "来源: 2019-09-25 10:34:42 责编: 林青", "9月19日，在青川镇大会议室召开环境整治推进会。"]
    clean = normalize(Document("town.txt", "txt", title=plain_title(blocks), blocks=blocks))
    assert clean.published == date(2019, 9, 25)
    assert clean.blocks[1:] == ["9月19日，在青川镇大会议室召开环境整治推进会。"]


def test_a_document_sites_preview_box_and_a_papers_page_bar_leave_the_body():
    page = ["第03版：综合 上一版 下一版", "版面导航", "第01版", "放大 缩小 默认", "桐溪县部署秋冬季大气治理",
            "亲，该文档总共3页，到这已经超出免费预览范围，如果喜欢就下载吧！", "各镇要在11月底前完成散煤清零。",
            "解锁后可完整阅读全文", "点击下载", "分享：", "热门文章", "回到顶部"]
    doc = normalize(Document("p.txt", "txt", raw=b"", title=None, blocks=page))
    assert doc.blocks == ["桐溪县部署秋冬季大气治理", "各镇要在11月底前完成散煤清零。"]


def test_the_title_repeated_under_the_body_goes_with_the_pages_box():
    page = ["关于开展河道清障行动的通知", "各镇人民政府：", "一、各镇要在6月底前清除河道障碍物。",
            "二、各镇要在7月底前完成验收。", "桐溪县水利局", "关于开展河道清障行动的通知",
            "关于开展河道清障行动的通知的解读"]
    doc = normalize(Document("p.txt", "txt", raw=b"", title="关于开展河道清障行动的通知", blocks=page))
    assert doc.blocks == page[:5] + page[6:]


def test_a_section_tag_inside_a_line_opens_a_part_of_its_own():
    # a repost runs the issuer's signature and the next text into one line: the signature's
    # date is the document's, and the tagged text after it is a line of its own
    doc = normalize(Document(source="t.txt", kind="txt", title="关于做好河道清淤工作的通知", blocks=[
        "各乡镇要在汛期前完成河道清淤。",
        "县河道管理办公室 2016年4月8日【紧急通知】近日将有强降雨过程，请各乡镇做好防范。",
    ]))
    assert doc.published == date(2016, 4, 8)
    assert doc.blocks[-2:] == ["县河道管理办公室 2016年4月8日", "【紧急通知】近日将有强降雨过程，请各乡镇做好防范。"]
    # … and after a sentence end, a tag ends the item before it; a field name in brackets stays
    doc = normalize(Document(source="t.txt", kind="txt", title="关于做好河道清淤工作的通知", blocks=[
        "1.各乡镇要及时清理河道垃圾，确保责任落实到位。【转载说明】编者按：本文转自县水利局网站。",
        "2.各乡镇要加强巡查。【责任单位】县水利局",
    ]))
    assert doc.blocks == ["1.各乡镇要及时清理河道垃圾，确保责任落实到位。", "【转载说明】编者按：本文转自县水利局网站。",
                          "2.各乡镇要加强巡查。【责任单位】县水利局"]


def test_a_headline_announcing_an_order_then_what_it_orders_on_the_next_line_is_one_title():
    lines = ["县总河长签发第1号总河长令", "全面清理河湖沿岸垃圾", "为改善河湖面貌，县总河长决定在全县开展清理行动。各乡镇要抓紧部署。"]
    assert plain_title(lines) == "县总河长签发第1号总河长令全面清理河湖沿岸垃圾"
    # a 公文 title that issues a document is no such headline; the organ under it no part of it
    assert plain_title(["关于发布河湖管理范围的公告", "某县水利局", "根据有关规定，现将划定结果公告如下。"]) == "关于发布河湖管理范围的公告"


def test_spaces_part_the_names_a_labelled_list_of_attendance_holds():
    # one space between Han characters is spacing, removed; on a line listing who chaired or
    # attended it parts the names (出席：甲 乙 丙), kept for the meeting reader
    assert normalize_text("出席：田方远 韩松\n参加单位：区水务局 区城管局\n会 议 要 求，区水务局 要加强巡查") == (
        "出席：田方远 韩松\n参加单位：区水务局 区城管局\n会议要求，区水务局要加强巡查")


def test_the_space_after_an_items_heading_on_the_line_of_its_text_is_kept():
    # （五）加强信息报送 县河长办要…: the heading would run into the subject of the first
    # sentence; an item opening after a sentence's end on the same line is read alike
    assert normalize_text("（五）加强信息报送工作 县河长办要确定专人负责。 2.强化督查 县督查室要每月督查一次。") == (
        "（五）加强信息报送工作 县河长办要确定专人负责。 2.强化督查 县督查室要每月督查一次。")
    # where words are spaced throughout, a PDF spaced them: every space goes
    assert normalize_text("（一）加强 工地 扬尘 管控 各 乡镇 要 落实 巡查") == "（一）加强工地扬尘管控各乡镇要落实巡查"


def test_a_month_the_page_lost_between_figures_is_put_back_where_only_one_reading_fits():
    assert normalize_text("412日前完成养殖场摸底，1025日，县政府召开调度会") == "4月12日前完成养殖场摸底，10月25日，县政府召开调度会"
    # ... and a year run into its month where 年 was lost
    assert normalize_text("20184月底完成，201812月") == "2018年4月底完成，2018年12月"
    # 1月15日 or 11月5日; a span of days; a date already whole; a figure of a date's own
    for kept in ("115日前报送", "120日内完成", "3月25日前", "2022.1025日前", "120184月"):
        assert normalize_text(kept) == kept


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_that_pattern():
    from minutes.patterns import LazyPattern

    spaced = LazyPattern(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")
    assert spaced._compiled is None  # importing a module of such patterns compiles none
    assert spaced.sub("", "会 议 纪 要") == "会议纪要"
    assert spaced._compiled is not None and spaced.pattern == spaced._compiled.pattern


def test_a_public_notice_is_dated_by_the_day_its_period_opens():
    blocks = ["某县督察反馈问题整改完成情况公示", "整改目标：河道垃圾全部清理。",
              "公示时间：2024年3月4日至2024年3月8日，共5天。", "联系电话：0000-1234567"]
    clean = normalize(Document("notice.txt", "txt", title=blocks[0], blocks=blocks))
    assert clean.published == date(2024, 3, 4)
    # a date in the body is no such period
    clean = normalize(Document("plan.txt", "txt", title=blocks[0], blocks=[blocks[0], "2024年3月4日前完成清理。"]))
    assert clean.published is None


def test_an_empty_label_does_not_take_the_labelled_line_under_it_for_its_value():
    # 作者： left empty, then the date line: the date is the page's, not the author
    blocks = ["某县召开河长制工作推进会", "来源：某县融媒体中心", "作者：", "发布时间：2022-05-17 10:05",
              "浏览量：", "5月16日，某县召开河长制工作推进会。"]
    clean = normalize(Document("page.txt", "txt", title=plain_title(blocks), blocks=blocks))
    assert clean.published == date(2022, 5, 17)
    assert "author" not in clean.metadata
    blocks = ["某县召开河长制工作推进会", "作者：", "王某", "5月16日，某县召开河长制工作推进会。"]
    clean = normalize(Document("page.txt", "txt", title=plain_title(blocks), blocks=blocks))
    assert clean.metadata["author"] == "王某"  # a value on the next line is still its value


def test_a_document_sharing_sites_lead_in_names_the_document():
    # the site names the file it shows (《X.docx》由会员分享…) above chunks of its text
    assert plain_title([
        "《青溪县秸秆禁烧工作方案.docx》由会员分享，可在线阅读，更多相关《青溪县秸秆禁烧工作方案.docx(8页珍藏版)》请在某某文库网上搜索。",
        "1、青溪县秸秆禁烧工作方案 为做好秸秆禁烧工作，结合我县实际，制定本方案。一、工作目标 全县秸秆综合利用率稳定在九十",
    ]) == "青溪县秸秆禁烧工作方案"
    # a title in marks that no site shares is none of it
    assert plain_title(["《青溪县秸秆禁烧工作方案》解读", "为做好秸秆禁烧工作，制定本方案。"]) == "《青溪县秸秆禁烧工作方案》解读"


def test_a_page_that_lost_its_line_breaks_keeps_its_body_behind_the_chrome_it_opens_with():
    # breadcrumb, headline, dateline and body on one line: no rule for a line of chrome drops
    # it (it held the whole announcement)
    body = ("当前位置：首页 > 政务公开 > 工作动态 岭西县召开秸秆禁烧工作调度会 发布时间：2026-10-12 "
            "10月11日，岭西县召开秸秆禁烧工作调度会。会议指出，今年以来全县未发生大面积焚烧。"
            "会议要求，各乡镇要落实网格化管理，严防死守。县生态环境局要加强卫星遥感火点监测，"
            "发现火点及时通报。县农业农村局要在11月底前完成秸秆综合利用情况摸底。"
            "县公安局要依法查处故意焚烧行为。县委宣传部要利用广播、村村通等渠道广泛宣传禁烧政策。"
            "县财政局要保障秸秆收储运补助资金及时拨付到位。县气象局要及时发布不利气象条件预警信息。"
            "各部门要密切配合，形成工作合力，确保不烧一把火、不冒一处烟。")
    page = normalize(Document("p", "txt", blocks=[body]))
    assert "县农业农村局要在11月底前完成秸秆综合利用情况摸底" in page.text
    # a line of chrome alone is still dropped
    assert normalize(Document("p", "txt", blocks=["当前位置：首页 > 政务公开", "岭西县召开秸秆禁烧工作调度会"])).text == (
        "岭西县召开秸秆禁烧工作调度会")


def test_the_title_of_a_text_in_traditional_characters_is_read_as_in_simplified(tmp_path):
    # the title's words (关于…纪要, 方案) are Simplified: the title is looked for in the
    # lines cleaned, under the issuing organ's line, as it is in the same text in Simplified
    page = tmp_path / "minutes.txt"
    page.write_text("嶺西縣人民政府辦公室\n關於秸稈禁燒工作的專題會議紀要\n"
                    "3月5日，副縣長王明主持召開專題會議。會議要求，各鄉鎮要加強巡查。\n", encoding="utf-8")
    assert normalize(read(page)).title == "关于秸秆禁烧工作的专题会议纪要"
    # reading aids after the characters read the same
    page.write_text("嶺西縣大氣(qì)污染防治工作方案\n各鄉鎮要落實網格化管理。\n", encoding="utf-8")
    assert normalize(read(page)).title == "岭西县大气污染防治工作方案"


def test_a_lead_sentence_wrapped_at_the_print_s_width_is_no_title(tmp_path):
    # a news text converted from print, no headline: its first line is the lead sentence
    # cut at the page's edge, a paragraph put back together, no title
    lead = ("本报讯（记者王明）10月11日，岭西县召开秋冬季大气污染防治工作调度会，"
            "副县长李强出席会议并讲话。会议通报了近期全县空气质量状况和重点任务推进情况，"
            "分析了当前面临的形势。会议要求，各乡镇要严格落实秸秆禁烧网格化管理，"
            "县生态环境局要加强重点企业执法检查，县住建局要督促建筑工地落实扬尘管控措施，"
            "县公安局交警大队要加大柴油货车路检路查力度，确保完成年度空气质量改善目标。")
    page = tmp_path / "news.txt"
    page.write_text("\n".join(lead[i : i + 30] for i in range(0, len(lead), 30)), encoding="utf-8")
    doc = normalize(read(page))
    assert doc.title is None
    assert doc.text == lead


def test_a_paragraph_s_first_line_short_by_its_lost_indent_goes_on_on_the_next():
    # a print's paragraphs open with an indent the conversion dropped: their first lines
    # fall short of the width by two characters, and still go on on the next
    paragraphs = [
        "（一）对尚未完成燃煤锅炉淘汰的五家企业逐一建立台账，督促企业制定拆除计划、落实替代热源，确保"
        "按时完成淘汰任务。由县发改局牵头，县生态环境局配合，各乡镇负责落实，六月底前完成。",
        "（二）组织已完成改造的企业开展评估监测回头看，对运行不稳定、监测数据异常的企业依法依规处理。"
        "由县生态环境局牵头，县工信局配合，九月底前完成。",
        "（三）全面排查城区餐饮服务单位油烟净化设施安装使用情况，对未安装或者不正常使用净化设施的餐饮"
        "单位责令限期整改，逾期未整改的依法依规予以处罚。由县市场监管局牵头，县城管局配合，八月底前完成。",
        "（四）加快推进城区道路机械化清扫，主次干道机械化清扫率达到九成以上，背街小巷每日清扫两次。"
        "由县城管局负责，长期坚持。",
    ]
    lines = []
    for paragraph in paragraphs:
        lines.append(paragraph[:27])  # 30 characters a line, three fewer on the first
        lines += [paragraph[i : i + 30] for i in range(27, len(paragraph), 30)]
    assert normalize(Document("p", "txt", blocks=lines)).blocks == paragraphs


def test_a_site_groups_bar_and_the_width_switch_are_dropped():
    # 站群系统 over the title, 恢复窄屏 under it: the site's chrome, never the title
    page = ["站群系统", "青川县2016年扬尘治理工作方案", "时间：2016-04-28 17:32:14", "恢复窄屏", "一、工作目标",
            "各乡镇要在6月底前完成工地排查。"]
    doc = normalize(Document("p.txt", "txt", raw=b"", blocks=page))
    assert doc.blocks[0] == "青川县2016年扬尘治理工作方案" and "恢复窄屏" not in doc.blocks


def test_a_line_break_tag_printed_as_text_is_dropped():
    # a site's title field shows its markup: the heading only wrapped there
    assert normalize_text("青川县“治污降霾”<br>2016年工作方案") == "青川县“治污降霾”2016年工作方案"
    assert normalize_text("第一行<BR/>第二行") == "第一行第二行"


def test_a_page_starting_with_a_sentence_broken_after_an_opening_mark_has_no_title():
    # the page starts mid-plan, its purpose sentence broken right after 《: running text
    assert plain_title(["为进一步改善全县空气质量，依据《", "青川县大气污染防治条例》要求，制定本方案。",
                        "一、工作目标", "到2020年，优良天数达到300天。"]) is None


def test_a_line_broken_before_a_count_goes_on_with_the_clause_it_opened():
    # figures a print kept in spans of their own: the line breaks before a count
    assert normalize(Document("p", "txt", blocks=["2027年底前，上述", "6 条支流综合整治工程完工。"])).blocks == [
        "2027年底前，上述6 条支流综合整治工程完工。"]
    assert normalize(Document("p", "txt", blocks=["加快公厕建设，全年新建", "12座公厕。"])).blocks == ["加快公厕建设，全年新建12座公厕。"]
    # ...not after a heading or a sentence's end
    assert normalize(Document("p", "txt", blocks=["一、工作目标", "6 条支流水质达标。"])).blocks == ["一、工作目标", "6 条支流水质达标。"]
    assert normalize(Document("p", "txt", blocks=["完成整治。", "3个乡镇达标。"])).blocks == ["完成整治。", "3个乡镇达标。"]


def test_a_text_a_sharing_site_cut_into_numbered_chunks_of_one_length_is_joined_back():
    # the site numbers chunks of a fixed length (here 100 characters): the cut falls
    # anywhere, mid-word too, and the numbers are no items of the text
    text = ("一、重点任务（一）加强工地扬尘管控。严格落实六个百分之百要求，对渣土运输车辆实行密闭运输，"
            "发现抛洒滴漏的依法查处。（责任单位：县住建局、县城管局）（二）强化道路保洁。提高主次干道机扫率，"
            "每日洒水不少于两次。（责任单位：县城管局）（三）加强秸秆禁烧。落实网格化巡查。（责任单位：各乡镇）")
    chunks = [text[i : i + 100] for i in range(0, len(text), 100)]
    assert len(chunks) == 2 and chunks[0][-1] not in "。；"
    page = normalize(Document("t", "txt", blocks=["某县扬尘治理方案", *(f"{n}、{c}" for n, c in enumerate(chunks, 1))]))
    assert "".join(b for b in page.blocks[1:] if isinstance(b, str)) == text
    assert not any(isinstance(b, str) and re.match(r"[123]、", b) for b in page.blocks)
    # a text that opens with its first chunk: the title the chunk's number hid is read from
    # the text joined (…方案依据…: the title runs into the sentence saying what it follows)
    opening = "某县扬尘治理工作方案依据市扬尘治理工作部署，结合我县实际，制定本方案。" + text
    chunks = [opening[i : i + 100] for i in range(0, len(opening), 100)]
    page = read_bytes("\n".join(f"{n}、{c}" for n, c in enumerate(chunks, 1)).encode(), "t.txt")
    assert normalize(page).title == "某县扬尘治理工作方案"


def test_numbered_items_of_unequal_length_or_each_ending_a_sentence_stay_items():
    items = ["1、" + "加强工地扬尘管控，严格落实六个百分之百要求，对渣土车辆实行密闭运输。" * 3,
             "2、" + "提高主次干道机扫率，每日洒水不少于两次，发现问题及时整改到位。" * 2,
             "3、加强秸秆禁烧。"]
    page = normalize(Document("t", "txt", blocks=["某县扬尘治理方案", *items]))
    assert [b[:2] for b in page.blocks[1:]] == ["1、", "2、", "3、"]
    # two items of one length, each a sentence: items still
    first = "加强工地扬尘管控，严格落实要求，对渣土车辆实行密闭运输，发现抛洒依法查处。" * 4
    second = ("提高主次干道机扫率，每日洒水不少于两次，发现问题及时整改，确保整改到位。" * 4)[: len(first) - 1] + "。"
    same = ["1、" + first, "2、" + second]
    page = normalize(Document("t", "txt", blocks=["某县扬尘治理方案", *same]))
    assert [b[:2] for b in page.blocks[1:]] == ["1、", "2、"]


def test_an_items_marker_or_a_figure_alone_on_a_line_goes_on_into_the_next():
    # a print converted with its markers and figures in spans of their own
    page = normalize(Document("t", "txt", blocks=[
        "某县无废城市建设实施方案", "（一）深化长效机制", "1.", "持续深化专班运行机制。", "（二）", "会议研究了贯彻意见。",
        "力争", "2022", "年底前获评省级称号。", "2022", "是关键一年。"]))
    assert page.blocks[1:] == ["（一）深化长效机制", "1.持续深化专班运行机制。", "（二）会议研究了贯彻意见。", "力争",
                               "2022年底前获评省级称号。", "2022", "是关键一年。"]


def test_a_disclaimer_headed_by_the_sites_name_leaves_with_its_clauses(tmp_path):
    page = tmp_path / "repost.txt"
    page.write_text("6月1日，青川县召开督察整改推进会。会议要求，各乡镇要立即整改。\n东林新闻网版权与免责声明\n"
                    "1、未经本网许可，任何人不得使用本网作品。\n2、本网确认后将在24小时内移除相关内容。\n", encoding="utf-8")
    assert normalize(read(page)).text == "6月1日，青川县召开督察整改推进会。会议要求，各乡镇要立即整改。"
