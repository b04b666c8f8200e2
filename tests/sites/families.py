"""Made-up sites in the markup of each family of real sources (the facts in
scrapers/sources.yaml): routes for ``sites.server.Site``, and the stories they carry.

- ``trs_create_page``: 重庆-style TRS lists (``ul.right-list > li``, a ``createPage(``
  pager) and articles (``div.zwxl-title p.tit``, ``div.view.TRS_UEDITOR``);
- ``mee``: ministry lists (``a.cjcx_biaobnan``, ``countPage = N``) and articles whose
  title is ``h2.neiright_Title``;
- ``beijing``: articles at ``…/xwfb/<9-digit id>/index.html``;
- ``xinjiang``: ``#list-data li`` items, articles ``/xjepd/<column>/YYYYMM/<32 hex>.shtml``;
- ``tianshan``: 天山网 channel lists (``ul.tabslist1``) and the article template with the
  dateline ``p.active-info2`` above ``div.hy-active``;
- ``government``: a site no rule was written for: numbered pagination in ``div.page``,
  a GBK article, a dead link and a folder robots.txt keeps us out of.

All text is composed for these tests (the fictional 示例市 of ``sites.news``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from sites.news import SITE_NAME, article
from sites.server import Response, html

PER_PAGE = 3


@dataclass(frozen=True)
class Story:
    path: str
    title: str
    day: date
    paragraphs: tuple[str, ...]


def stories(count: int, path, *, first: int = 1, start: date = date(2025, 3, 24)) -> list[Story]:
    """``count`` announcements, one a day backwards from ``start``; ``path(n, day)`` places them."""
    out = []
    for n in range(first, first + count):
        day = start - timedelta(days=n - first)
        text = article(n, day)
        out.append(Story(path(n, day), text.title, day, text.paragraphs))
    return out


def _doc(head: str, body: str, charset: str = "utf-8") -> bytes:
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">{head}</head>'
        f"<body>{body}</body></html>"
    ).encode(charset)


def _paragraphs(story: Story) -> str:
    return "".join(f"<p>{p}</p>" for p in story.paragraphs)


def _pages(items: list[Story]) -> list[list[Story]]:
    return [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)]


# -- 重庆 (TRS, createPage) -------------------------------------------------------------

CQ_LIST = "/zwxx_249/zwdt/bmdt/"


def cq_stories() -> list[Story]:
    return stories(6, lambda n, d: f"{CQ_LIST}{d:%Y%m}/t{d:%Y%m%d}_{14437400 + n}.html")


def cq_list(items: list[Story], page: int, pages: int, *, list_class: str = "right-list") -> bytes:
    lis = "".join(f'<li><a href=".{s.path.removeprefix(CQ_LIST.rstrip("/"))}" target="_blank">{s.title}</a><span>{s.day:%Y-%m-%d}</span></li>' for s in items)
    return _doc(
        f"<title>部门动态_{SITE_NAME}</title>",
        f'<div class="nav"><a href="/">首页</a><a href="/zwxx_249/">政务信息</a></div>'
        f'<ul class="{list_class}">{lis}</ul>'
        f'<div class="pages"><script>createPage({pages}, {page}, "index", "html");</script></div>',
    )


def cq_article(story: Story) -> bytes:
    return _doc(
        f'<title>{story.title}_{SITE_NAME}</title><meta name="ArticleTitle" content="{story.title}">'
        f'<meta name="PubDate" content="{story.day:%Y-%m-%d} 10:00">',
        f'<div class="zwxl-title"><p class="tit">{story.title}</p>'
        f'<p class="info">发布日期：{story.day:%Y-%m-%d}　来源：{SITE_NAME}</p></div>'
        f'<div class="zwxl-article"><div class="share">分享到：</div>'
        f'<div class="view TRS_UEDITOR trs_paper_default trs_web">{_paragraphs(story)}</div></div>'
        '<div class="zwxl-bar"><a href="javascript:window.print()">打印</a><a href="javascript:window.close()">关闭</a></div>',
    )


def cq_routes(items: list[Story], **list_options) -> dict[str, Response]:
    pages = _pages(items)
    routes = {"/robots.txt": Response(404)}
    for k, chunk in enumerate(pages):
        routes[CQ_LIST + ("" if k == 0 else f"index_{k}.html")] = html(cq_list(chunk, k, len(pages), **list_options))
    routes.update({s.path: html(cq_article(s)) for s in items})
    return routes


# -- 生态环境部 (countPage) -------------------------------------------------------------

MEE_LIST = "/ywdt/szyw/"


def mee_stories() -> list[Story]:
    return stories(6, lambda n, d: f"{MEE_LIST}{d:%Y%m}/t{d:%Y%m%d}_{1100000 + n}.shtml", first=11)


def mee_routes(items: list[Story]) -> dict[str, Response]:
    pages = _pages(items)
    routes = {"/robots.txt": Response(200, b"User-agent: *\nDisallow: /search/\n", {"Content-Type": "text/plain"})}
    for k, chunk in enumerate(pages):
        lis = "".join(
            f'<li><a class="cjcx_biaobnan" href=".{s.path.removeprefix(MEE_LIST.rstrip("/"))}">{s.title}</a>'
            f'<span class="date">{s.day:%Y-%m-%d}</span></li>'
            for s in chunk
        )
        pager = (
            f"var currentPage = {k};//所在页从0开始\nvar prevPage = currentPage-1\nvar nextPage = currentPage+1\n"
            f"var countPage = {len(pages)}//共多少页\n"
            'document.write("<a href=\\"index_" + nextPage + ".shtml\\">下一页</a>");'
        )
        body = f'<ul id="div">{lis}</ul><div class="slideTxtBoxgsf"><script>{pager}</script></div>'
        routes[MEE_LIST + ("" if k == 0 else f"index_{k}.shtml")] = html(_doc("<title>时政要闻_生态环境部</title>", body))
    for s in items:
        routes[s.path] = html(
            _doc(
                f'<title>{s.title}_生态环境部</title><meta name="PubDate" content="{s.day:%Y-%m-%d} 08:00">',
                f'<div class="neiright_Box"><h2 class="neiright_Title">{s.title}</h2>'
                f'<div class="wzxq_neirong2"><span class="xqLyPc time">{s.day:%Y-%m-%d}</span><span>来源：生态环境部</span></div>'
                f'<div class="neiright_JPZ_GK_CP"><div class="TRS_Editor">{_paragraphs(s)}</div></div></div>',
            )
        )
    return routes


# -- 北京 (9-digit ids) -----------------------------------------------------------------

BJ_LIST = "/bjhrb/index/xxgk69/zfxxgk43/fdzdgknr2/ywdt28/xwfb/index.html"


def bj_stories() -> list[Story]:
    folder = BJ_LIST.removesuffix("index.html")
    return stories(6, lambda n, d: f"{folder}{436120000 + n * 7}/index.html", first=21)


def bj_routes(items: list[Story]) -> dict[str, Response]:
    pages = _pages(items)
    routes = {"/robots.txt": Response(404)}
    for k, chunk in enumerate(pages):
        lis = "".join(f'<li><a href="./{s.path.split("/")[-2]}/index.html">{s.title}</a><span>{s.day:%Y-%m-%d}</span></li>' for s in chunk)
        name = BJ_LIST if k == 0 else BJ_LIST.replace("index.html", f"index_{k}.html")
        routes[name] = html(_doc("<title>新闻发布</title>", f'<div class="list"><ul>{lis}</ul></div>'))
    for s in items:
        routes[s.path] = html(
            _doc(
                f"<title>{s.title}</title>",
                f'<div class="article"><h1>{s.title}</h1><div class="info">发布时间：{s.day:%Y-%m-%d}</div>'
                f'<div class="view TRS_UEDITOR">{_paragraphs(s)}</div></div>',
            )
        )
    return routes


# -- 新疆 (32-hex ids) ------------------------------------------------------------------

XJ_LIST = "/xjepd/xwzxtndt/common_list.shtml"


def xj_stories() -> list[Story]:
    return stories(5, lambda n, d: f"/xjepd/xwzxtndt/{d:%Y%m}/{hashlib.md5(str(n).encode()).hexdigest()}.shtml", first=31)


def xj_routes(items: list[Story]) -> dict[str, Response]:
    pages = _pages(items)
    routes = {"/robots.txt": Response(404)}
    for k, chunk in enumerate(pages):
        lis = "".join(f'<li><a href="{s.path}" title="{s.title}">{s.title}</a><span>{s.day:%Y-%m-%d}</span></li>' for s in chunk)
        numbers = "".join(
            f'<a href="common_list{"" if i == 0 else f"_{i + 1}"}.shtml">{i + 1}</a>' for i in range(len(pages))
        )
        name = XJ_LIST if k == 0 else XJ_LIST.replace(".shtml", f"_{k + 1}.shtml")
        routes[name] = html(_doc("<title>厅内动态</title>", f'<div id="list-data"><ul>{lis}</ul></div><div class="page">{numbers}</div>'))
    for s in items:
        routes[s.path] = html(
            _doc(
                f'<title>{s.title}</title><meta name="PubDate" content="{s.day:%Y-%m-%d} 16:20">',
                f'<div class="detail"><h2>{s.title}</h2><div class="detail-content">{_paragraphs(s)}</div></div>',
            )
        )
    return routes


# -- 天山网 -----------------------------------------------------------------------------

TS_LIST = "/sz/index.shtml"


def ts_stories() -> list[Story]:
    return stories(4, lambda n, d: f"/system/{d:%Y/%m/%d}/{36789100 + n:09d}.shtml", first=41)


def ts_dateline(story: Story) -> str:
    return f"{story.day:%Y年%m月%d日} 19:38　来源：天山网-新疆日报"


def ts_routes(items: list[Story], base: str) -> dict[str, Response]:
    pages = _pages(items)
    routes = {"/robots.txt": Response(404)}
    for k, chunk in enumerate(pages):
        lis = "".join(f'<li><a href="{base}{s.path}">{s.title}</a><span>{s.day:%m-%d}</span></li>' for s in chunk)
        name = TS_LIST if k == 0 else TS_LIST.replace("index", f"index_{k}")
        routes[name] = html(_doc("<title>时政_天山网</title>", f'<ul class="tabslist1">{lis}</ul>'))
    for s in items:
        routes[s.path] = html(
            _doc(
                f"<title>{s.title}-天山网 - 新疆新闻门户</title>",
                f'<div class="content"><h1 class="active-title">{s.title}</h1>'
                f'<p class="active-info2">{ts_dateline(s)}</p>'
                f'<div class="hy-active">{_paragraphs(s)}</div>'
                '<p class="bianji">[责任编辑：示例]</p></div>'
                '<div class="footer">新疆天山网络传播有限公司版权所有　互联网新闻信息服务许可证：示例</div>',
            )
        )
    return routes


# -- A government site without a rule --------------------------------------------------

GOV_LIST = "/xxgk/gzdt/index.html"
GOV_PRIVATE = "/nbgl/202503/t20250301_9001.html"  # robots.txt: Disallow: /nbgl/
GOV_DEAD = "/xxgk/gzdt/202502/t20250228_9002.html"  # 404


def gov_stories() -> list[Story]:
    return stories(5, lambda n, d: f"/xxgk/gzdt/{d:%Y%m}/t{d:%Y%m%d}_{5000 + n}.html", first=51, start=date(2025, 3, 12))


def gov_routes(items: list[Story]) -> dict[str, Response]:
    """Three list pages (index.html, index_1.html, index_2.html) linked only by numbers in
    ``div.page``; the second article is GBK, declared in its meta tag only; the list's
    last page also links a dead article and one in a folder robots.txt disallows."""
    entries = [(s.path, s.title, s.day) for s in items] + [
        (GOV_DEAD, "示例市关于已撤回通知的说明", date(2025, 2, 28)),
        (GOV_PRIVATE, "示例市内部管理事项通知", date(2025, 3, 1)),
    ]
    chunks = [entries[0:2], entries[2:4], entries[4:]]
    routes = {"/robots.txt": Response(200, b"User-agent: *\nDisallow: /nbgl/\n", {"Content-Type": "text/plain"})}
    for k, chunk in enumerate(chunks):
        lis = "".join(f'<li><span class="date">{d:%Y-%m-%d}</span><a href="{p}" title="{t}">{t}</a></li>' for p, t, d in chunk)
        numbers = '<a href="index.html">首页</a>' + "".join(
            f'<a href="{"index.html" if i == 0 else f"index_{i}.html"}">{i + 1}</a>' for i in range(len(chunks))
        ) + f'<a href="index_{len(chunks) - 1}.html">尾页</a>'
        name = GOV_LIST if k == 0 else GOV_LIST.replace("index", f"index_{k}")
        routes[name] = html(
            _doc(
                f"<title>工作动态_{SITE_NAME}</title>",
                '<div class="header"><a href="/">首页</a><a href="/xxgk/">信息公开</a><a href="/hdjl/">互动交流</a></div>'
                f'<div class="main"><div class="list-box"><ul>{lis}</ul></div><div class="page">{numbers}</div></div>',
            )
        )
    for i, s in enumerate(items):
        charset = "gbk" if i == 1 else "utf-8"
        dated = f'<meta name="PubDate" content="{s.day:%Y-%m-%d} 09:00">' if i % 2 == 0 else ""
        routes[s.path] = Response(
            200,
            _doc(
                f"<title>{s.title}_{SITE_NAME}</title>{dated}",
                f'<div class="detail"><div class="detail-title">{s.title}</div>'
                f'<div class="detail-info">发布日期：{s.day:%Y-%m-%d}　来源：{SITE_NAME}</div>'
                f'<div class="detail-content">{_paragraphs(s)}</div></div>',
                charset,
            ),
            {"Content-Type": "text/html"},
        )
    return routes
