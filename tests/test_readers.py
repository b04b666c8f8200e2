"""Reading .txt/.html/.docx sources: encodings, page chrome, tables, bad input."""

from __future__ import annotations

import os
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from minutes.errors import ReadError
from minutes.models import Table
from minutes.lines import numeral, plain_title, signature_date
from minutes.readers import MAX_BYTES, decode, guess_kind, read, read_bytes

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = sorted(p for p in SHARED.glob("corpus/*/*") if p.suffix in {".txt", ".html", ".docx"})

NOTICE = "青川市生态环境局召开蓝天保卫战第三次调度会\n会议要求，各区县要在6月底前完成散煤清零。\n"
TRADITIONAL = "青川市生態環境局召開藍天保衛戰調度會議\n會議要求，各區縣須於六月底前完成散煤清零。\n"


# --- plain text: encodings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (NOTICE, "utf-8", "utf-8"),
        (NOTICE, "utf-8-sig", "utf-8"),
        (NOTICE, "gbk", "gb18030"),
        (NOTICE, "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "gbk", "gb18030"),
        (NOTICE, "utf-16", "utf-16"),
        (TRADITIONAL, "utf-8", "utf-8"),
        ("Meeting notes, plain ASCII.\n", "ascii", "utf-8"),
    ],
)
def test_text_files_are_decoded_whatever_their_encoding(tmp_path, text, encoding, expected):
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(encoding))
    doc = read(path)
    assert doc.encoding == expected
    assert doc.title == text.splitlines()[0]
    assert doc.blocks == [line for line in text.splitlines() if line]
    assert doc.raw == path.read_bytes()
    assert doc.kind == "txt"


@pytest.mark.parametrize(
    ("source", "data"),
    [("page.html", "<html><body><p>善華</p></body></html>".encode("big5")), ("note.txt", "善華\n".encode("big5"))],
)
def test_a_charset_declared_outside_the_bytes_decides_what_the_content_cannot(source, data):
    # these Big5 bytes are also valid GB18030 for 到地: nothing inside them tells which
    assert read_bytes(data, source).text == "到地"
    read = read_bytes(data, source, encoding="big5")
    assert (read.text, read.encoding) == ("善華", "big5")


def test_declared_charset_that_lies_loses_to_the_content():
    text, encoding = decode(NOTICE.encode("utf-8"), "page.html", declared="gb2312")
    assert (text, encoding) == (NOTICE, "utf-8")


# --- bad input ---------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _docx_bytes(tmp_path: Path) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("青川市扬尘治理工作方案")
    path = tmp_path / "plan.docx"
    document.save(path)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.txt", lambda tmp: b"", "empty.txt: empty file"),
        ("blank.txt", lambda tmp: b" \r\n\t\n", "blank.txt: empty file"),
        ("notes.txt", lambda tmp: bytes(range(256)) * 40, "notes.txt: not a text file (binary data)"),
        ("nul.txt", lambda tmp: "会议纪要\x00\x00\x00".encode(), "nul.txt: not a text file (binary data)"),
        ("latin.txt", lambda tmp: "Réunion à Genève, procès-verbal".encode("latin-1"), "latin.txt: cannot tell the text encoding"),
        ("plan.docx", lambda tmp: NOTICE.encode(), "plan.docx: not a valid .docx (not a zip archive)"),
        ("cut.docx", lambda tmp: _docx_bytes(tmp)[:3000], "cut.docx: not a valid .docx (damaged or truncated zip"),
        ("page.html", lambda tmp: b"\x00\x01\x02<html>" * 50, "page.html: not a text file (binary data)"),
    ],
)
def test_bad_files_raise_one_line_read_errors(tmp_path, name, make, message):
    path = _write(tmp_path, name, make(tmp_path))
    with pytest.raises(ReadError) as caught:
        read(path)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_docx_zip_without_a_document_part_is_not_a_docx(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(ReadError, match=r"^other\.docx: not a valid \.docx"):
        read(path)


def test_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    started = time.perf_counter()
    with pytest.raises(ReadError, match=r"^dump\.txt: file is 50 MB, over the 20 MB limit"):
        read(path)
    assert time.perf_counter() - started < 0.5
    with pytest.raises(ReadError, match="over the 20 MB limit"):
        read_bytes(b"x" * (MAX_BYTES + 1), "https://example.org/big.html")


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(ReadError, match="nowhere.txt: no such file$"):
        read(tmp_path / "nowhere.txt")
    with pytest.raises(ReadError, match="is a directory, not a file$"):
        read(tmp_path)


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop root from reading")
    path = _write(tmp_path, "secret.txt", NOTICE.encode())
    path.chmod(0)
    with pytest.raises(ReadError, match="secret.txt: permission denied$"):
        read(path)


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # a news report: its headline comes first
        (["青川市召开秸秆禁烧工作推进会", "关于做好禁烧工作的安排如下"], "青川市召开秸秆禁烧工作推进会"),
        # an official document: 版头 (organ, mark, number, signature line) before the title
        (["青川市人民政府办公室", "会 议 纪 要", "〔2025〕4号", "青川市人民政府办公室    2025年5月6日",
          "关于推进秋冬季大气污染防治工作的会议纪要", "时间：2025年5月5日"], "关于推进秋冬季大气污染防治工作的会议纪要"),
        (["青川市大气污染防治工作领导小组办公室", "青大气办函〔2025〕12号", "青川市臭氧污染防控督办通知（试行）",
          "各区县人民政府："], "青川市臭氧污染防控督办通知（试行）"),
        (["青川市生态环境局文件", "青环发〔2025〕3号", "关于开展扬尘专项检查的通知"], "关于开展扬尘专项检查的通知"),
        # a title broken inside the name of the plan it issues, whose last word is a kind
        (["青溪县人民政府办公室", "青政办发〔2024〕7号", "关于印发《青溪县扬尘污染治理行动计划", "（2024—2026年）》的通知",
          "各镇人民政府："], "关于印发《青溪县扬尘污染治理行动计划（2024—2026年）》的通知"),
        # category 8: a printed form's empty cells (| alone, lines left empty) between the
        # document number and the title use up no reach
        (["|", "|", "|", "|", "青政办明传〔 2025 〕 6 号", "|", "|", "|", "|", "青川市人民政府办公室",
          "关于加快秋季秸秆离田", "加强禁烧管控工作的通知", "各区县人民政府："],
         "关于加快秋季秸秆离田加强禁烧管控工作的通知"),
        # a head without any title-shaped line keeps its first line
        (["青川市生态环境局", "各区县要于5月底前完成排查。"], "青川市生态环境局"),
        ([], None),
    ],
)
def test_plain_text_title_skips_an_official_head(lines, title):
    assert plain_title(lines) == title


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # an advert above the headline of a repost
        (["鸿运棋牌注册就送88元，下载APP领彩金", "桐溪县召开夏季秸秆禁烧工作部署会", "6月2日，桐溪县召开会议。"],
         "桐溪县召开夏季秸秆禁烧工作部署会"),
        (["永利体育官网 www.example-bet.com", "青川市2019年扬尘治理专项行动方案"], "青川市2019年扬尘治理专项行动方案"),
        # a site menu and a slogan, then the title
        (["网站首页 政务公开 新闻中心 办事服务 互动交流", "守护碧水蓝天 共建美好家园", "桐溪县生态环境局开展汛期水质专项检查",
          "7月3日，县生态环境局组织开展专项检查。"], "桐溪县生态环境局开展汛期水质专项检查"),
        # a dateline, even in Traditional script, is never the title
        (["桐溪縣召開汛期防汛工作會", "發布時間：2023-07-03 09:15 來源：桐溪縣融媒體中心"], "桐溪縣召開汛期防汛工作會"),
        # a date line alone is no title either
        (["2023年7月3日 星期一", "7月3日，桐溪县召开防汛工作会。"], None),
        # a headline that names no organ or meeting is still the title when it is the only one
        (["让每一条河流都清澈见底", "7月3日，桐溪县组织开展河道清漂。"], "让每一条河流都清澈见底"),
        # a site's header naming the organ, or the site, above a news headline
        (["桐溪县人民政府", "桐溪县召开汛期防汛工作会", "发布时间：2023-07-03", "7月3日，桐溪县召开防汛工作会。"],
         "桐溪县召开汛期防汛工作会"),
        (["桐溪县人民政府门户网站", "桐溪县召开汛期防汛工作会", "7月3日，桐溪县召开防汛工作会。"], "桐溪县召开汛期防汛工作会"),
        # junk and then body text: the page has no title
        (["体育开户送彩金，手机投注官网", "首页 > 新闻中心 > 工作动态", "7月3日，桐溪县召开防汛工作会。"], None),
        # a repost's tags before the title are no part of it
        (["[某某流量计][某某仪表]桐溪县召开汛期防汛工作会", "7月3日，桐溪县召开防汛工作会。"], "桐溪县召开汛期防汛工作会"),
        (["【工作动态】桐溪县召开汛期防汛工作会", "7月3日，桐溪县召开防汛工作会。"], "桐溪县召开汛期防汛工作会"),
        # spam a hijacked page puts above the text: a game site's name around a headline,
        # adult-site keywords that read like a sentence
        (["某某游戏中心官网_桐溪县召开防汛工作会-某某下载中心", "7月3日，桐溪县召开防汛工作会。"], None),
        (["精品久久_一区二区在线播放,,某某毛片,某某无码高清在线", "桐溪县召开汛期防汛工作会", "7月3日，桐溪县召开防汛工作会。"],
         "桐溪县召开汛期防汛工作会"),
        # a column's name before a bar; a breadcrumb stays junk
        (["生态卫士 | 桐溪县召开林长制工作专题会", "12月13日，桐溪县召开会议。"], "桐溪县召开林长制工作专题会"),
        (["网站首页 | 政务公开 | 桐溪县召开汛期防汛工作推进会议", "7月3日，桐溪县召开防汛工作会。"], None),
        # a page title's parts joined by _: the site's name is no part of the headline
        (["某某环保设备官网欢迎您_桐溪县召开防汛工作会", "7月3日，桐溪县召开防汛工作会。"], "桐溪县召开防汛工作会"),
        (["桐溪县召开防汛工作会_桐溪县人民政府网", "7月3日，桐溪县召开防汛工作会。"], "桐溪县召开防汛工作会"),
        # another story's headline in a sidebar (its view count, its date) above the one the
        # lead restates
        (["南湖区妇联开展美丽庭院评比", "326", "2023-02-11", "桐溪县召开防汛工作推进会",
          "7月3日，桐溪县副县长韩松主持召开桐溪县防汛工作推进会。"], "桐溪县召开防汛工作推进会"),
        # a page flattened onto one line: the headline before the page's chrome
        (["桐溪县召开防汛工作会 字体:大 小 打印 作者: 来源: 发布时间:2025-01-24 17:09:38 点击数: 1月23日,桐溪县召开防汛工作会,"
          "副县长韩松主持会议。会议要求,各乡镇要加强汛期值守,落实防汛责任,做好人员转移准备,确保安全度汛。", "用户登录"],
         "桐溪县召开防汛工作会"),
        # a repost's lead-in above the text it copies
        (["日前，桐溪县印发《桐溪县扬尘治理实施方案》。全文如下：", "桐溪县扬尘治理实施方案", "一、工作目标"],
         "桐溪县扬尘治理实施方案"),
        # a document-sharing site's breadcrumb with its › mark, the title under it
        (["资料之家› 某镇人居环境整治任务分解表", "某镇人居环境整治任务分解表", "镇环卫所"], "某镇人居环境整治任务分解表"),
        # a site header's chrome (greeting, contact fields, column names and their English
        # labels) above the headline does not use up the lines the title may stand in
        (["欢迎访问某某环保协会网站", "联系方式:0991-1234567", "资讯中心", "Information Center", "联系我们",
          "CONTACT US", "电话:", "0991-1234567", "地址:", "某某市某某路1号", "某某环保协会",
          "某县召开秸秆禁烧工作推进会", "5月6日，某县召开秸秆禁烧工作推进会。"], "某县召开秸秆禁烧工作推进会"),
        # a 公文 title broken before its kind, the kind spaced out on a line of its own
        (["青禾县人民政府", "关于印发青禾县2019年扬尘治理方案的", "通 知", "各乡镇人民政府："],
         "关于印发青禾县2019年扬尘治理方案的通知"),
        # a site's menu: its home link, its site-group bar, a list of columns behind bullets
        (["网站首页", "站群系统", "  • 人文社科", "  • 农林牧渔", "桐溪县落实环保目标责任分解细则", "为落实目标责任，制定本细则。"],
         "桐溪县落实环保目标责任分解细则"),
        # a site column's name alone above the headline (区县动态, 通知公告)
        (["区县动态", "桐溪县启动散煤管控行动", "7月19日，桐溪县召开散煤管控工作会议。"], "桐溪县启动散煤管控行动"),
        (["通知公告", "关于开展秸秆禁烧专项检查的通知", "各乡镇："], "关于开展秸秆禁烧专项检查的通知"),
        # a task table flattened one cell a line: its column names are no title
        (["|", "序号", "|", "工作任务", "|", "牵头单位", "|", "完成时限", "|", "1", "|", "建立扬尘巡查制度"], None),
        # a plan's opening sentence citing a document number heads nothing
        (["为贯彻落实《某某县环境整治通知》（某政办发〔2019〕12 号）精神，结合实际，制定本方案。", "一、工作目标"],
         None),
    ],
)
def test_plain_text_title_skips_adverts_menus_and_slogans(lines, title):
    assert plain_title(lines) == title


@pytest.mark.parametrize(
    ("line", "signed"),
    [
        ("青川市人民政府办公室 2025年3月13日印发", date(2025, 3, 13)),
        # older documents sign in Chinese numerals, the organ's name run into the date
        ("青川市人民政府办公室二〇〇九年十二月三十一日", date(2009, 12, 31)),
        ("二〇一〇年三月十六日印发", date(2010, 3, 16)),
        # its zero typed as a digit or a letter O
        ("青川市环境保护局二00一年四月十日", date(2001, 4, 10)),
        ("二OO五年十一月二十一日", date(2005, 11, 21)),
        ("二〇一〇年二月三十日", None),
        ("会议要求于2025年3月13日", None),
    ],
)
def test_signature_date_in_either_numerals(line, signed):
    assert signature_date(["正文。", line]) == signed


# --- kinds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "data", "kind"),
    [
        ("a.TXT", b"x", "txt"),
        ("a.htm", b"x", "html"),
        ("https://sthjj.example.gov.cn/zwgk/202503/t20250324_1.shtml?id=3", b"x", "html"),
        ("https://example.gov.cn/news/", b"<!DOCTYPE html><html>", "html"),
        ("download", b"PK\x03\x04rest", "docx"),
        ("notes", "会议纪要".encode(), "txt"),
    ],
)
def test_kind_comes_from_the_name_then_the_content(source, data, kind):
    assert guess_kind(source, data) == kind


# --- web pages ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="PubDate" content="2025-05-12 09:30">
<meta name="ContentSource" content="青川市生态环境局">
<title>关于开展夏季臭氧污染防治专项检查的通知_通知公告_青川市生态环境局</title>
<script>var tip = "请输入关键词";</script>
</head><body>
<div class="nav"><a href="/">首页</a><a href="/tzgg/">通知公告</a></div>
<h1><img src="logo.png" alt="青川市生态环境局"></h1>
<div class="article">
  <h2>关于开展夏季臭氧污染防治专项检查的通知</h2>
  <div class="info">发布时间：2025-05-12 来源：青川市生态环境局 【字体：大 中 小】</div>
  <div class="TRS_Editor">
    <p>各区县生态环境分局：</p>
    <p>　　为做好夏季臭氧污染防治工作，现将专项检查安排通知如下。<br>一、检查时间为6月1日至6月30日。</p>
    <table><tbody>
      <tr><th>序号</th><th>任务</th><th>牵头单位</th><th>配合单位</th></tr>
      <tr><td>1</td><td><p>  开展涂装企业专项检查 </p></td><td>市生态环境局</td><td>市工信局<br>市市场监管局</td></tr>
      <tr><td colspan="2">汇总上报</td><td>市大气办</td></tr>
      <tr><td></td><td></td></tr>
    </tbody></table>
    <p>请于7月5日前报送检查情况。</p>
  </div>
  <div class="prevnext"><p>上一篇：<a href="/1.html">关于某事的公告</a></p></div>
</div>
<div class="footer">青ICP备00000000号</div>
</body></html>
"""


def test_gbk_page_keeps_article_text_and_tables_in_order():
    data = PAGE.encode("gbk")
    doc = read_bytes(data, "https://sthjj.qingchuan.example/tzgg/202505/t20250512_9.html")
    assert doc.kind == "html" and doc.encoding == "gb18030" and doc.raw == data
    assert doc.title == "关于开展夏季臭氧污染防治专项检查的通知"
    assert doc.published == date(2025, 5, 12)
    assert doc.metadata["source"] == "青川市生态环境局"
    assert doc.metadata["url"].startswith("https://")
    assert doc.blocks == [
        "各区县生态环境分局：",
        "为做好夏季臭氧污染防治工作，现将专项检查安排通知如下。",
        "一、检查时间为6月1日至6月30日。",
        Table(
            [
                ["序号", "任务", "牵头单位", "配合单位"],
                ["1", "开展涂装企业专项检查", "市生态环境局", "市工信局、市市场监管局"],
                ["汇总上报", "汇总上报", "市大气办"],  # a cell spanning two columns stands in each
            ]
        ),
        "请于7月5日前报送检查情况。",
    ]


def test_cells_spanning_rows_stand_in_each_row_they_span():
    # a task table's category and lead unit merged over two rows: each row keeps its cells
    # in their columns
    page = ("<html><head><meta charset='utf-8'></head><body><div class='TRS_Editor'>"
            "<p>" + "青川县扬尘污染防治重点任务分解如下，请各单位认真抓好落实，确保按期完成。" * 2 + "</p><table>"
            "<tr><td>序号</td><td>类别</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>"
            "<tr><td>1</td><td rowspan='2'>扬尘治理</td><td>开展工地检查</td><td rowspan='2'>县住建局</td><td>县城管局</td></tr>"
            "<tr><td>2</td><td>规范渣土运输</td><td>县公安局</td></tr>"
            "<tr><td>3</td><td>燃煤治理</td><td>淘汰小锅炉</td><td rowspan='x'>县市场监管局</td><td>县发改局</td></tr>"
            "</table></div></body></html>").encode()
    table = next(b for b in read_bytes(page, "https://qingchuan.example/a.html").blocks if isinstance(b, Table))
    assert table.rows == [
        ["序号", "类别", "重点任务", "牵头单位", "配合单位"],
        ["1", "扬尘治理", "开展工地检查", "县住建局", "县城管局"],
        ["2", "扬尘治理", "规范渣土运输", "县住建局", "县公安局"],
        ["3", "燃煤治理", "淘汰小锅炉", "县市场监管局", "县发改局"],  # a span that is no number spans nothing
    ]


def _page(head: str = "", body: str = "") -> bytes:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


ARTICLE = "<p>" + "青川市召开秸秆禁烧工作推进会，要求各乡镇在6月15日前完成巡查网格划分。" * 3 + "</p>"


@pytest.mark.parametrize(
    ("source", "head", "body", "published"),
    [
        ("https://x.example/a.html", "<meta name='publishdate' content='2025-06-02'>", ARTICLE, date(2025, 6, 2)),
        ("https://x.example/a.html", "<meta property='article:published_time' content='2025-06-03T08:00:00+08:00'>", ARTICLE, date(2025, 6, 3)),
        ("https://x.example/a.html", "", "<span>发布日期：2025年6月4日</span>" + ARTICLE, date(2025, 6, 4)),
        ("https://x.example/c/202506/t20250605_123.html", "", ARTICLE, date(2025, 6, 5)),
        ("https://x.example/art/2025/6/6/art_1_2.html", "", ARTICLE, date(2025, 6, 6)),
        ("https://x.example/system/2025/06/07/0001.shtml", "", ARTICLE, date(2025, 6, 7)),
        ("https://x.example/news/1.html", "", ARTICLE, None),
    ],
)
def test_page_date_from_meta_labels_or_url(source, head, body, published):
    assert read_bytes(_page(head, body), source).published == published


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title>青川市召开推进会 - 青川市人民政府</title>", "<h1>青川市召开推进会</h1>", "青川市召开推进会"),
        ("<title>青川市召开推进会_要闻_青川新闻网</title>", "<h1>青川新闻网</h1>", "青川市召开推进会"),
        ("<title>2025-2026年秋冬季攻坚方案</title>", "", "2025-2026年秋冬季攻坚方案"),
        ("<meta name='ArticleTitle' content='关于印发方案的通知'><title>首页</title>", "", "关于印发方案的通知"),
        ("", "<h1>青川市召开推进会</h1>", "青川市召开推进会"),
        # the account first in the <title> (a 澎湃号's page): the heading the <title> ends with
        ("<title>澎湃号 | 青川发布：青川市召开推进会</title>", "<h1>青川市召开推进会</h1>", "青川市召开推进会"),
        # ... never a site's name cut off whole
        ("<title>通知公告 | 青川新闻网</title>", "<h1>青川新闻网</h1>", "通知公告"),
        # a <title> naming only the site, the headline a paragraph of the article: the headline
        ("<title>青川市人民政府</title>", "<div class='content'><p>青川市召开大气污染防治推进会</p>", "青川市召开大气污染防治推进会"),
        ("<title>青川新闻网</title>", "<div class='content'><p>关于开展秸秆禁烧专项督查的通知</p>", "关于开展秸秆禁烧专项督查的通知"),
        # ... and where the article holds none, the site's name as before
        ("<title>青川市人民政府</title>", "", "青川市人民政府"),
    ],
)
def test_page_title_prefers_the_article_heading_over_the_site_title(head, body, title):
    assert read_bytes(_page(head, body + ARTICLE), "p.html").title == title


def test_site_rule_selectors_come_first():
    body = "<div class='headline'>站点规则标题</div><span class='when'>2025.07.08</span><div id='main'>" + ARTICLE + "</div>"
    doc = read_bytes(_page(body=body), "p.html", selectors={"title": "div.headline", "date": "span.when", "body": "#main"})
    assert (doc.title, doc.published) == ("站点规则标题", date(2025, 7, 8))
    assert doc.blocks == [ARTICLE[3:-4]]
    with pytest.raises(ReadError, match="bad CSS selector"):
        read_bytes(_page(body=body), "p.html", selectors={"body": "div[["})


def test_page_without_known_container_falls_back_to_trafilatura():
    body = (
        "<div class='menu'><a href='/'>首页</a> <a href='/x'>机构概况</a></div>"
        "<div class='wrap'><div class='txt'>"
        + ARTICLE * 2
        + "<table><tr><td>任务</td><td>责任单位</td></tr><tr><td>完成巡查网格划分</td><td>各乡镇</td></tr></table>"
        + "</div></div>"
    )
    doc = read_bytes(_page(body=body), "https://x.example/n.html")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert tables == [Table([["任务", "责任单位"], ["完成巡查网格划分", "各乡镇"]])]
    assert not any("机构概况" in b for b in doc.blocks if isinstance(b, str))


def test_a_word_tables_header_over_two_rows_keeps_each_name_over_its_column(tmp_path):
    # 责任单位 merged across 牵头单位 | 配合单位 below it (the common Word task table): the
    # rows' cells stay in their columns, and the tasks get the lead and the partner
    import docx

    from minutes.nlp.components.tasks import tasks_of
    from minutes.nlp.normalize import normalize

    document = docx.Document()
    document.add_paragraph("某县扬尘治理任务分解表")
    table = document.add_table(rows=3, cols=4)
    for column, name in enumerate(["工作任务", "责任单位", "", "完成时限"]):
        table.cell(0, column).text = name
    table.cell(1, 1).text, table.cell(1, 2).text = "牵头单位", "配合单位"
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 3).merge(table.cell(1, 3))
    for column, text in enumerate(["开展工地扬尘检查", "县住建局", "县城管局", "2024年6月底前"]):
        table.cell(2, column).text = text
    path = tmp_path / "table.docx"
    document.save(path)

    doc = read(path)
    assert [b for b in doc.blocks if isinstance(b, Table)][0].rows[:2] == [
        ["工作任务", "责任单位", "", "完成时限"], ["", "牵头单位", "配合单位", ""]]
    tasks = tasks_of(normalize(doc))
    assert [(t.text, [(u.name, u.role) for u in t.units], t.deadline.date) for t in tasks] == [
        ("开展工地扬尘检查", [("县住建局", "lead"), ("县城管局", "support")], date(2024, 6, 30))]


def test_a_data_table_trafilatura_runs_into_a_paragraph_is_read_from_the_page():
    # a small page whose task table trafilatura flattens into one paragraph: the body is
    # read as it stands, the table with its merged cells kept (牵头单位 over two rows)
    body = (
        "<h1>某县扬尘治理任务分解表</h1><table>"
        "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>1</td><td>开展工地扬尘检查</td><td rowspan='2'>县住建局</td><td>县城管局</td></tr>"
        "<tr><td>2</td><td>推进工地视频联网</td><td>县环保局</td></tr></table>"
    )
    doc = read_bytes(_page(body=body), "t.html")
    assert [b for b in doc.blocks if isinstance(b, Table)] == [Table([
        ["序号", "工作任务", "牵头单位", "配合单位"], ["1", "开展工地扬尘检查", "县住建局", "县城管局"],
        ["2", "推进工地视频联网", "县住建局", "县环保局"]])]
    # a table of the site's sidebar, which trafilatura leaves out, is left out still
    side = ("<aside><table><tr><td>热点</td><td>排行</td><td>推荐</td></tr>"
            "<tr><td>图片新闻一</td><td>图片新闻二</td><td>图片新闻三</td></tr></table></aside>")
    doc = read_bytes(_page(body="<div class='wrap'><div class='txt'>" + ARTICLE * 2 + "</div></div>" + side), "n.html")
    assert not any(isinstance(b, Table) or "图片新闻" in b for b in doc.blocks)


# --- Word documents ---------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order_with_merged_cells_once(tmp_path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    document.core_properties.title = "属性里的标题"
    for text in ("青川市大气污染防治工作领导小组办公室", "青大气办〔2025〕8号", "青川市2025年扬尘污染防治工作方案"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("一、重点任务")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("任务", "牵头单位", "完成时限"), strict=True):
        cell.text = text
    table.cell(1, 0).text = "建筑工地全部安装视频监控"
    table.cell(1, 1).merge(table.cell(2, 1)).text = "市住建局"  # vertical merge
    table.cell(1, 2).text = "6月底前"
    table.cell(2, 0).merge(table.cell(2, 2))  # horizontal merge: one cell, once, its columns kept
    table.cell(2, 0).text = "道路扬尘整治"
    document.add_paragraph("")
    document.add_paragraph("青川市大气污染防治工作领导小组办公室")
    document.add_paragraph("2025年4月3日")
    path = tmp_path / "plan.docx"
    document.save(path)

    doc = read(path)
    assert doc.kind == "docx" and doc.raw == path.read_bytes()
    assert doc.title == "青川市2025年扬尘污染防治工作方案"
    assert doc.published == date(2025, 4, 3)
    assert doc.blocks[3:5] == [
        "一、重点任务",
        Table([["任务", "牵头单位", "完成时限"], ["建筑工地全部安装视频监控", "市住建局", "6月底前"], ["道路扬尘整治", "", ""]]),
    ]
    assert doc.blocks[-1] == "2025年4月3日"


def test_docx_core_properties_are_only_a_fallback(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "属性里的标题"
    path = tmp_path / "empty-body.docx"
    document.save(path)
    doc = read(path)
    assert doc.title == "属性里的标题"
    # when the file was made is kept apart: no date printed in the document, none published
    assert doc.published is None
    assert doc.metadata["file_created"].startswith(document.core_properties.created.date().isoformat())
    assert doc.blocks == []


def test_a_word_file_s_creation_date_is_the_last_date_its_deadlines_count_from(tmp_path):
    # a file made from an old template: its text's dateline outranks its properties, and a
    # text that prints no date counts from them
    import docx

    from minutes import nlp
    from minutes.nlp.normalize import normalize

    document = docx.Document()
    document.core_properties.created = datetime(2013, 12, 23)
    for line in ("岭西县召开秸秆禁烧调度会", "发布时间：2026-10-12", "会议要求，各乡镇要在10月底前完成秸秆离田。"):
        document.add_paragraph(line)
    document.save(tmp_path / "dated.docx")
    found = nlp.extract(normalize(read(tmp_path / "dated.docx")))
    assert (found.published, found.tasks[0].deadline.date) == (date(2026, 10, 12), date(2026, 10, 31))
    document = docx.Document()
    document.core_properties.created = datetime(2026, 9, 1)
    document.add_paragraph("会议要求，各乡镇要在10月底前完成秸秆离田。")
    document.save(tmp_path / "undated.docx")
    found = nlp.extract(normalize(read(tmp_path / "undated.docx")))
    assert (found.published, found.tasks[0].deadline.date) == (None, date(2026, 10, 31))


# --- the shared corpus ------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_corpus_file_reads(path):
    import json

    doc = read(path)
    gold = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").read_text("utf-8"))
    assert doc.blocks
    assert (doc.title is None) == (gold["title"] is None), "a title where the text has one, none where it has none"
    assert doc.kind == path.suffix[1:]
    assert "\ufffd" not in doc.text


def test_corpus_encodings_and_task_table():
    gbk = [p for p in CORPUS if p.name.startswith(("a05", "b02"))]
    assert [read(p).encoding for p in gbk] == ["gb18030", "gb18030"]
    table_page = next(p for p in CORPUS if p.name.startswith("b01"))
    tables = [b for b in read(table_page).blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].rows[0][:3] == ["序号", "重点任务", "牵头单位"]
    assert len(tables[0].rows) > 5


def test_an_orders_kind_of_document_is_its_title_under_the_organ():
    # a rectification order and a supervision office's forms name their kind in a word of
    # their own (决定书, 通知书, 交办单, 工作提示): under the organ's line, that is the title
    assert plain_title(["青禾县生态环境局", "责令改正违法行为决定书", "青环责改〔2024〕3号", "某某加工厂："]) == "责令改正违法行为决定书"
    assert plain_title(["青禾县大气污染防治领导小组办公室", "秋冬季扬尘问题交办单", "编号：2024-07"]) == "秋冬季扬尘问题交办单"
    # the kind alone is the whole title of a supervision office's letter
    assert plain_title(["青禾市督察整改办公室", "督办函", "青督改函〔2025〕5号", "东坪区人民政府："]) == "督办函"


def test_plain_title_skips_a_minutes_mark_line():
    lines = ["临江市人民政府", "专题会议纪要", "〔2025〕第37号", "关于冬季清洁取暖工作的专题会议纪要", "时间：2025年11月18日"]
    assert plain_title(lines) == "关于冬季清洁取暖工作的专题会议纪要"


def test_docx_without_centring_takes_the_title_after_its_head(tmp_path):
    import docx

    document = docx.Document()
    for text in ["临江市人民政府", "专题会议纪要", "〔2025〕第37号", "关于冬季清洁取暖工作的专题会议纪要", "会议议定如下："]:
        document.add_paragraph(text)
    path = tmp_path / "minutes.docx"
    document.save(path)
    assert read(path).title == "关于冬季清洁取暖工作的专题会议纪要"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # site chrome and a page's metadata fields before the headline are skipped
        (["|", "首页 » 新闻 » 要闻", "索引号 1234/2025-00012 发布机构 青川市人民政府", "青川市召开扬尘治理推进会",
          "6月3日，青川市召开扬尘治理推进会。"], "青川市召开扬尘治理推进会"),
        # a repost that opens with its lead paragraph has no title
        (["（记者 王明）6月3日，青川市召开扬尘治理推进会，副市长李华出席。", "会议要求，各区要加强巡查。"], None),
        (["6月3日，青川市召开扬尘治理推进会，研究部署下一阶段的扬尘治理工作，副市长李华出席会议并讲话", "会议要求"], None),
        # a page that starts mid-plan, at a numbered heading
        (["（三）加强工地扬尘管控", "1.各区要于6月底前完成排查。"], None),
    ],
)
def test_plain_text_title_is_never_a_junk_or_body_line(lines, title):
    assert plain_title(lines) == title


FLAT_PLAN = ("青川县秸秆禁烧工作实施方案为切实做好我县农作物秸秆禁烧工作，改善环境空气质量，制定本方案。一、工作目标 全县不发生"
             "露天焚烧秸秆现象。二、工作措施 各乡镇要组织巡查，县农业农村局负责指导秸秆综合利用，县生态环境局负责火点核查。")


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # the addressees of a notice whose head was cut off, then the transmittal: the
        # title is the one of the plan it hands on
        (["各乡镇人民政府，县直各部门：", "《青川县2023年扬尘治理攻坚方案》已经县政府同意，现印发给你们，请认真贯彻执行。",
          "2023年4月6日", "青川县2023年扬尘治理攻坚方案", "一、工作目标"], "青川县2023年扬尘治理攻坚方案"),
        # a title centred on two lines, spaced or not
        (["青川县人民政府办公室", "关于2023年省级生态村", "申报工作的通知", "各乡镇："], "关于2023年省级生态村申报工作的通知"),
        (["青川县2023年度扬尘治理攻坚行动", "实 施 方 案", "为改善空气质量，制定本方案。"], "青川县2023年度扬尘治理攻坚行动实施方案"),
        # a headline is not run on into the line under it
        (["青川县召开扬尘治理推进会", "现场观摩点位", "6月3日，青川县召开推进会。"], "青川县召开扬尘治理推进会"),
        # a document-sharing site's lead-in and the markdown of its picture
        (["以下是小编为您整理的《青川镇秸秆禁烧工作方案》，欢迎阅读！", "![秸秆,禁烧](/img/1.jpg)", "青川镇秸秆禁烧工作方案",
          "为做好秸秆禁烧工作，制定本方案。"], "青川镇秸秆禁烧工作方案"),
        (["篇1：青川镇秸秆禁烧工作方案", "为做好秸秆禁烧工作，制定本方案。"], "青川镇秸秆禁烧工作方案"),
        # a label after the title, an attachment's number before it
        (["青川县大气污染防治行动计划内容摘要：", "（一）加强工地扬尘管控。"], "青川县大气污染防治行动计划"),
        (["附件2 青川县扬尘治理职责清单", "县住建局：负责工地扬尘管控。"], "青川县扬尘治理职责清单"),
        # a text flattened onto one line: its title runs into the body
        ([FLAT_PLAN], "青川县秸秆禁烧工作实施方案"),
        (["第1页共3页" + FLAT_PLAN], "青川县秸秆禁烧工作实施方案"),
        (["青川县扬尘治理联席会议制度 一、联席会议职责 负责统筹协调全县扬尘治理工作，研究解决扬尘治理中的重大问题，"
          "督促各乡镇和县直有关部门落实扬尘治理责任。二、成员单位 县住建局、县城管局、县生态环境局、县交通运输局、县自然资源局。"
          "三、工作规则 联席会议原则上每季度召开一次。"], "青川县扬尘治理联席会议制度"),
        # ... but a short sentence that opens with a plan's name is body text
        (["青川县秸秆禁烧工作方案为全县工作的依据。"], None),
        # a line of digits alone is no title
        (["交办单年份：", "2024", "交办单编号：", "37"], None),
        # a paper's page, its headline, then a byline with the paper's fields after it
        (["2023-08-09 第06版:生态环境", "桐溪县 多措并举整治扬尘", "作者:王敏 来源:青川日报 字数:383",
          "本报讯 近日，桐溪县采取多项措施整治扬尘。"], "桐溪县 多措并举整治扬尘"),
        # a table's bars around the title line, the document's number after it
        (["|", "||||||||||", "| 青川县城市管理局关于明确2023年绿化养护任务的通知 青城管〔2023〕12号 |", "||||||||||",
          "各乡镇：为提升绿化养护水平，现将有关任务通知如下。"], "青川县城市管理局关于明确2023年绿化养护任务的通知"),
        # a document site's lead-in offering a collection, above a notice's head
        (["时间:2023-02-27 11:09:33", "引言:寻求写作上的突破?我们特意为您精选了12篇扬尘治理方案范文,希望能为您提供更多的灵感和参考,"
          "使您的写作更加精彩,请仔细阅读,寻找适合您需求的方案吧。", "青经开发〔2018〕21号", "青川经济技术开发区管委会",
          "关于印发《青川经济技术开发区2018年", "各局（室）："], "关于印发《青川经济技术开发区2018年"),
        # a document's own title, run on or not, before a header naming a place
        (["Page 24 - 2023年第3期", "3/2023 青川市人民政府公报", "关于印发《青川市空气质量巩固提升", "2023年行动计划》的通知",
          "青政办发〔2023〕19号", "各县区人民政府："], "关于印发《青川市空气质量巩固提升2023年行动计划》的通知"),
    ],
)
def test_plain_text_title_of_reposts_and_flattened_documents(lines, title):
    assert plain_title(lines) == title


def test_plain_title_of_any_lines_is_a_part_or_a_run_of_them():
    import random

    pieces = ["青川县人民政府办公室", "关于印发", "扬尘治理", "实施方案", "的通知", "召开推进会", "各乡镇：", "。", "，", " ",
              "来源：青川日报", " 作者:王敏", "2023-08-09", "第1页共3页", "为做好工作", "一、", "附件2 ", "篇1:", "以下是小编",
              "内容摘要：", "现印发给你们", "|", "发布时间：", "[专题]", "2024", "QQ"]
    rng = random.Random(9)
    for _ in range(3000):
        lines = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 9))) for _ in range(rng.randrange(0, 7))]
        title = plain_title(lines)
        # (each line without a table's bars around it)
        assert title is None or title.replace(" ", "") in "".join(line.strip(" |｜") for line in lines).replace(" ", ""), lines


def test_a_title_line_without_whitespace_is_the_line_with_every_blank_removed():
    import random
    import re

    from minutes.lines import _bare

    blanks = [chr(c) for c in range(0x3100) if chr(c).isspace()]
    pieces = blanks + list("会议纪要2025年-:：\u200b\ue000\x00a") + ["  ", "\r\n"]
    rng = random.Random(2)
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert _bare(line) == re.sub(r"\s+", "", line), repr(line)


def test_control_characters_are_counted_as_the_pattern_finds_them():
    import random

    from minutes.readers.encoding import _CONTROL, _controls

    pieces = [chr(c) for c in range(0x40)] + ["会", "議", "é", "\x85", "\ud800", "\U00020000"]
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert _controls(text) == len(_CONTROL.findall(text)), repr(text)


def test_a_document_is_blank_when_its_text_holds_only_whitespace():
    import random

    from minutes.models import Document

    pieces = ["", " ", "\t", "\u3000", "会", "\n"]
    rng = random.Random(3)
    for _ in range(2000):
        cells = lambda: ["".join(rng.choice(pieces) for _ in range(rng.randrange(3))) for _ in range(rng.randrange(3))]  # noqa: E731
        blocks = [Table([cells() for _ in range(rng.randrange(3))]) if rng.random() < 0.3
                  else "".join(rng.choice(pieces) for _ in range(rng.randrange(3))) for _ in range(rng.randrange(4))]
        doc = Document("x.txt", "txt", blocks=blocks)
        assert doc.blank == (not doc.text.strip()), blocks


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # a speech pasted onto one line: its title runs into 同志们, a site's greeting is no title
        (["您好，欢迎访问某某文档", "县长在全县秸秆禁烧工作会议上的讲话同志们：今天我们召开全县秸秆禁烧工作会议，主要任务是"
          "安排部署秋季秸秆禁烧工作，动员全县上下迅速行动起来。下面，我讲三点意见。一要压实责任，各乡镇要落实网格化巡查，"
          "县农业农村局要加强督导检查。"],
         "县长在全县秸秆禁烧工作会议上的讲话"),
        # a host's script on a line of its own
        (["全县生态环境保护工作会议主持词", "同志们："], "全县生态环境保护工作会议主持词"),
        # a photo's caption under a headline (王某讲话) does not run on into it
        (["青禾县生态环境保护委员会召开2021年第一次全会", "会议现场", "罗青山讲话",
          "3月5日，青禾县生态环境保护委员会召开2021年第一次全会。"], "青禾县生态环境保护委员会召开2021年第一次全会"),
    ],
)
def test_speech_titles(lines, title):
    assert plain_title(lines) == title


@pytest.mark.parametrize(
    "printed, value",
    [("7", 7), ("１２", 12), ("二〇二五", 2025), ("二00一", 2001), ("二OO九", 2009), ("十", 10), ("十六", 16),
     ("二十", 20), ("三十一", 31), ("两", 2), ("半", None), ("十十", None), ("一百", None), ("", None)],
)
def test_numbers_as_printed_in_dates_limits_and_item_markers(printed, value):
    assert numeral(printed) == value


def test_plain_title_skips_the_note_on_how_a_notice_is_published():
    # the note under a transmittal's signature ((此件公开发布)) is no title, nor the start of one
    assert plain_title(["各乡镇人民政府，县直各部门：", "现将《某县扬尘整治实施方案》印发给你们，请认真贯彻执行。",
                        "某县人民政府", "2024年4月2日", "（此件公开发布）", "某县扬尘整治实施方案",
                        "为改善空气质量，制定本方案。"]) == "某县扬尘整治实施方案"
