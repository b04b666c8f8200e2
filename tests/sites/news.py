"""A made-up municipal ecology bureau site in the TRS style of Chinese government portals.

List pages ``/news/index.html``, ``index_1.html`` … with a ``createPageHTML`` pager;
articles at ``/news/YYYYMM/tYYYYMMDD_N.html`` with ``<meta name="PubDate">``, a
发布时间/来源 line, the body in ``div.TRS_Editor`` and a footer. All text is composed for
these tests (a fictional 示例市).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

TOPICS = (
    ("大气污染防治", "臭氧和细颗粒物", "市大气环境处"),
    ("水生态环境保护", "入河排污口", "市水生态环境处"),
    ("土壤污染防治", "重点监管单位", "市土壤生态环境处"),
    ("移动源污染治理", "柴油货车", "市机动车排污监控中心"),
    ("扬尘污染管控", "建筑工地和道路", "市城市管理局"),
)
SITE_NAME = "示例市生态环境局"


@dataclass(frozen=True)
class Article:
    number: int
    day: date
    title: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/news/{self.day:%Y%m}/t{self.day:%Y%m%d}_{self.number}.html"


def article(number: int, day: date, *, reading_aids: bool = False) -> Article:
    """An original announcement about a fictional coordination meeting."""
    topic, focus, office = TOPICS[number % len(TOPICS)]
    deadline = day + timedelta(days=30 + number % 20)
    ecology = "生态(tài)环境" if reading_aids else "生态环境"
    plan = "统筹(chóu)推进" if reading_aids else "统筹推进"
    return Article(
        number,
        day,
        f"示例市召开{topic}工作调度会（第{number}期）",
        (
            f"{day.month}月{day.day}日，{SITE_NAME}召开{topic}工作调度会，通报近期{focus}治理进展，部署下一阶段重点任务。",
            f"会议要求，各区县{ecology}分局要对照任务清单逐项{plan}，{deadline.month}月{deadline.day}日前完成排查整改，"
            f"并将进展情况报送{office}。",
            "会议强调，要坚持问题导向，压实属地责任，确保各项措施落地见效，对工作推进不力的单位予以通报。",
        ),
    )


def article_page(item: Article, *, charset: str = "utf-8") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in item.paragraphs)
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{item.title}_{SITE_NAME}</title>
<meta name="PubDate" content="{item.day:%Y-%m-%d} 09:30">
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/news/">新闻动态</a></div>
<div class="article-title"><h1>{item.title}</h1></div>
<div class="info">发布时间：{item.day:%Y-%m-%d} 来源：{SITE_NAME}</div>
<div class="TRS_Editor">{body}</div>
<div class="footer">版权所有：{SITE_NAME}　网站标识码：0000000000</div>
</body></html>"""
    return page.encode(charset)


def list_page(entries: list[tuple[str, str, date]], page: int, pages: int, *, charset: str | None = "utf-8") -> bytes:
    """A list page: (href, title, date) items and the TRS pager script; encoded in
    ``charset`` (declared in a meta tag; None: UTF-8, undeclared)."""
    items = "".join(f'<li><a href="{href}" title="{title}">{title}</a><span>{day:%Y-%m-%d}</span></li>' for href, title, day in entries)
    return f"""<!DOCTYPE html>
<html><head>{f'<meta charset="{charset}">' if charset else ""}<title>新闻动态_{SITE_NAME}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news/">新闻动态</a> <a href="/about/index.html">机构概况</a></div>
<ul class="list">{items}</ul>
<div class="page"><script>createPageHTML({pages}, {page}, "index", "html");</script></div>
<div class="footer"><a href="http://www.example.gov.cn/news/202503/t20250301_1.html">上级部门</a></div>
</body></html>""".encode(charset or "utf-8")


def listing(articles: list[Article]) -> list[tuple[str, str, date]]:
    """List entries with TRS-style relative links (./YYYYMM/t…html from /news/)."""
    return [("." + a.path.removeprefix("/news"), a.title, a.day) for a in articles]
