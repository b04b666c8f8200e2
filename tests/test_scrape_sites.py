"""The shipped source definitions against loopback sites in each source family's markup
(tests/sites/families.py): every article with its title, date and body and nothing
else; a rule that stops matching falls back or fails the run; a site nobody wrote a rule
for is read whole, and read again without asking for an article twice."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from minutes.store import Archive
from minutes.store.content import unpack_text
from minutes.cli import app
from minutes.scrapers.run import Options, check, scrape
from minutes.scrapers.sources import generic_source, load_catalog
from sites import families as f
from sites.server import Site, html


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def options(**changes) -> Options:
    return Options(**{**dict(delay=0.0, timeout=2, retries=1, backoff=0.01, extract=False), **changes})


def on_loopback(catalog, ident: str, site: Site, path: str):
    """A shipped source with its list page moved to the fixture site."""
    return replace(catalog.sources[ident], lists=(site.url(path),), delay=None)


def documents(db) -> dict[str, dict]:
    with Archive(db) as archive:
        rows = map(dict, archive.conn.execute("SELECT source, title, published, content FROM documents"))
        return {row["source"]: {**row, "text": unpack_text(row["content"])} for row in rows}


def assert_archived(db, site: Site, stories, *, absent: tuple[str, ...] = ()) -> None:
    docs = documents(db)
    assert sorted(docs) == sorted(site.url(s.path) for s in stories)
    for s in stories:
        doc = docs[site.url(s.path)]
        assert (doc["title"], doc["published"]) == (s.title, s.day.isoformat()), doc["title"]
        assert all(p in doc["text"] for p in s.paragraphs)
        assert doc["text"].startswith(s.paragraphs[0][:10]), doc["text"][:60]  # no dateline, share bar or title first
        for text in absent:
            assert text not in doc["text"]


FAMILIES = {
    # id: (stories, routes, list path, texts that must stay out of the body)
    "cq-sthjj": (f.cq_stories, f.cq_routes, f.CQ_LIST, ("发布日期", "分享到", "打印")),
    "mee": (f.mee_stories, f.mee_routes, f.MEE_LIST, ("来源：生态环境部",)),
    "bj-sthjj": (f.bj_stories, f.bj_routes, f.BJ_LIST, ("发布时间",)),
    "xj-sthjt": (f.xj_stories, f.xj_routes, f.XJ_LIST, ()),
}


@pytest.mark.parametrize("ident", FAMILIES)
def test_each_source_family_yields_its_articles(ident, catalog, tmp_path):
    make_stories, make_routes, path, absent = FAMILIES[ident]
    stories = make_stories()
    with Site(make_routes(stories)) as site:
        with Archive(tmp_path / "m.db") as archive:
            summary = scrape([on_loopback(catalog, ident, site, path)], archive, options(), catalog=catalog)
    source = summary.sources[0]
    assert summary.ok and source.outcome == "ok" and not source.fallbacks, source.to_dict()
    assert source.new == len(stories) and source.pages == 2
    assert_archived(tmp_path / "m.db", site, stories, absent=absent)


def test_tianshan_article_template_keeps_the_dateline_out_of_the_body(catalog, tmp_path):
    stories = f.ts_stories()
    with Site({}) as site:
        site.routes.update({k: [v] for k, v in f.ts_routes(stories, site.base).items()})
        with Archive(tmp_path / "m.db") as archive:
            summary = scrape([on_loopback(catalog, "ts-news", site, f.TS_LIST)], archive, options(), catalog=catalog)
    assert summary.ok and summary.sources[0].new == 4
    assert_archived(tmp_path / "m.db", site, stories, absent=("来源", "19:38", "年", "责任编辑", "版权所有"))


@pytest.mark.parametrize("ident", ["cq-sthjj", "mee"])
def test_generic_mode_pages_through_trs_pager_scripts(ident, catalog, tmp_path):
    """No rule at all: createPage( and countPage are read as pagers."""
    make_stories, make_routes, path, _ = FAMILIES[ident]
    stories = make_stories()
    with Site(make_routes(stories)) as site:
        with Archive(tmp_path / "m.db") as archive:
            summary = scrape([generic_source(site.url(path))], archive, options(), catalog=catalog)
    assert summary.sources[0].pages == 2 and summary.sources[0].new == len(stories)
    lists = [h.path for h in site.hits(path) if "/20" not in h.path]
    assert lists == [path, path + "index_1." + ("shtml" if ident == "mee" else "html")]  # nothing past the last page


def test_changed_list_markup_falls_back_to_generic_discovery(catalog, tmp_path):
    stories = f.cq_stories()
    with Site(f.cq_routes(stories, list_class="news-list")) as site:  # ul.right-list is gone
        with Archive(tmp_path / "m.db") as archive:
            summary = scrape([on_loopback(catalog, "cq-sthjj", site, f.CQ_LIST)], archive, options(), catalog=catalog)
    source = summary.sources[0]
    assert source.new == len(stories) and summary.ok
    assert [fb["reason"] for fb in source.fallbacks] == ["links selector 'ul.right-list > li' matched nothing"] * 2


def test_a_list_with_nothing_to_find_fails_the_run_naming_the_source(tmp_path):
    page = f._doc("<title>部门动态</title>", '<ul class="news-list"><li><a href="javascript:openInfo(101)">示例市召开调度会</a></li></ul>')
    with Site({"/robots.txt": f.Response(404), f.CQ_LIST: html(page)}) as site:
        mine = tmp_path / "mine.yaml"
        mine.write_text(
            f"sources:\n  - id: cq-sthjj\n    name: 重庆市生态环境局\n    lists: ['{site.url(f.CQ_LIST)}']\n"
            "    links: 'ul.right-list > li'\n",
            "utf-8",
        )
        result = CliRunner().invoke(app, ["scrape", "cq-sthjj", "--sources", str(mine), "--db", str(tmp_path / "m.db"), "--delay", "0"])
    assert result.exit_code == 1
    assert "重庆市生态环境局 (cq-sthjj): miss" in result.stderr
    assert "links selector 'ul.right-list > li' matched nothing" in result.stderr


def test_a_list_that_had_links_last_time_is_a_miss_an_empty_one_is_not(catalog, tmp_path):
    stories = f.cq_stories()[:2]
    db = tmp_path / "m.db"
    with Site(f.cq_routes(stories)) as site:
        source = on_loopback(catalog, "cq-sthjj", site, f.CQ_LIST)
        with Archive(db) as archive:
            assert scrape([source], archive, options(), catalog=catalog).ok
            site.routes[f.CQ_LIST] = [html(f.cq_list([], 0, 1).replace(b"</ul>", b"<li>\xe6\x9a\x82\xe6\x97\xa0\xe4\xbf\xa1\xe6\x81\xaf</li></ul>"))]
            again = scrape([source], archive, options(), catalog=catalog)
        assert not again.ok and again.sources[0].misses[0]["reason"] == "no article link, 2 on the previous run"

    with Site(f.cq_routes([])) as empty:
        empty.routes[f.CQ_LIST] = [html(f.cq_list([], 0, 1).replace(b"</ul>", b"<li>\xe6\x9a\x82\xe6\x97\xa0\xe4\xbf\xa1\xe6\x81\xaf</li></ul>"))]
        with Archive(tmp_path / "other.db") as archive:
            honest = scrape([on_loopback(catalog, "cq-sthjj", empty, f.CQ_LIST)], archive, options(), catalog=catalog)
    assert honest.ok and honest.sources[0].outcome == "nothing new"  # 暂无信息: matched, nothing to read


def test_a_government_site_without_a_rule(catalog, tmp_path):
    stories = f.gov_stories()
    db = tmp_path / "m.db"
    with Site(f.gov_routes(stories)) as site:
        source = generic_source(site.url(f.GOV_LIST))
        with Archive(db) as archive:
            first = scrape([source], archive, options(), catalog=catalog).sources[0]
        assert first.pages == 3 and first.new == 5 and first.outcome == "ok", first.to_dict()
        assert first.skipped == {"HTTP 404": 1, "disallowed by robots.txt": 1}
        assert not site.hits("/nbgl/")
        assert_archived(db, site, stories, absent=("发布日期", "来源"))

        before = len(site.hits())
        with Archive(db) as archive:
            second = scrape([source], archive, options(), catalog=catalog).sources[0]
        requested = {h.path for h in site.hits()[before:]}
    assert requested == {"/robots.txt", f.GOV_LIST, "/xxgk/gzdt/index_1.html", "/xxgk/gzdt/index_2.html"}
    assert second.outcome == "nothing new" and second.ok
    assert second.skipped == {"already archived": 5, "not retried: HTTP 404": 1, "disallowed by robots.txt": 1}


def test_failed_articles_are_retried_on_later_runs_up_to_a_cap(catalog, tmp_path):
    stories = f.cq_stories()[:2]
    routes = f.cq_routes(stories)
    routes[stories[1].path] = f.Response(500, b"busy")
    db = tmp_path / "m.db"
    with Site(routes) as site:
        source = on_loopback(catalog, "cq-sthjj", site, f.CQ_LIST)
        tries = []
        for _ in range(4):
            before = len(site.hits(stories[1].path))
            with Archive(db) as archive:
                summary = scrape([source], archive, options(retries=0, max_failures=3), catalog=catalog).sources[0]
            tries.append(len(site.hits(stories[1].path)) - before)
        assert tries == [1, 1, 1, 0]
        assert summary.skipped["not retried: failed 3 runs"] == 1
        site.routes[stories[1].path] = [html(f.cq_article(stories[1]))]
        with Archive(db) as archive:
            refreshed = scrape([source], archive, options(refresh=True), catalog=catalog).sources[0]
    assert refreshed.new == 1 and refreshed.unchanged == 1


def test_sources_check_shows_what_each_rule_matched(catalog, tmp_path):
    stories = f.cq_stories()
    with Site(f.cq_routes(stories, list_class="news-list")) as site:
        source = replace(on_loopback(catalog, "cq-sthjj", site, f.CQ_LIST), article=re.compile(r"/t\d{8}_\d+\.htm$"))
        report = check(source, catalog, options())
        article_url = site.url(stories[2].path)
        mine = tmp_path / "mine.yaml"
        mine.write_text(
            "sources:\n  - id: cq\n    name: 重庆\n"
            f"    lists: ['{site.url(f.CQ_LIST)}']\n"
            "    selectors: {title: 'meta[name=ArticleTitle]', date: 'p.info', body: 'div.no-such-box'}\n",
            "utf-8",
        )
        cli = CliRunner().invoke(app, ["sources", "check", "cq", "--sources", str(mine), "--article", article_url, "--format", "json"])
    entry = report["lists"][0]
    assert entry["selector"] == {"selector": "ul.right-list > li", "matches": 0, "holds": []}
    assert entry["fallback"] == "links selector 'ul.right-list > li' matched nothing" and not report["ok"]
    assert entry["links"] == 3  # found by discovery
    assert site.url(stories[0].path) in entry["rejected"]  # the real URL shape, turned down by the rule
    one = json.loads(cli.stdout)[0]["article"]
    assert one["url"] == article_url and one["title"] == stories[2].title and one["published"] == stories[2].day.isoformat()
    assert one["from"] == {"title": "selector", "date": "selector", "body": "generic: container div.view"}
    assert one["selectors"]["title"] == {"selector": "meta[name=ArticleTitle]", "matches": 1, "holds": [stories[2].title]}
    assert one["selectors"]["body"]["matches"] == 0


def test_discovery_takes_url_shapes_then_the_largest_list(catalog):
    from minutes.scrapers.lists import parse_list

    gd = replace(catalog.sources["gd-sthjt"], links="div.gone li")
    posts = b'<ul class="x"><li><a href="/hbxw/content/post_4567890.html">%s</a></li></ul>' % "示例市召开扬尘污染管控工作调度会".encode()
    found = parse_list(b"<html><body>" + posts + b"</body></html>", "http://127.0.0.1/hbxw/index.html", gd, catalog)
    assert [a.url for a in found.articles] == ["http://127.0.0.1/hbxw/content/post_4567890.html"]
    assert found.fallback == "links selector 'div.gone li' matched nothing"

    titles = ["示例市召开大气污染防治工作调度会", "示例市部署入河排污口排查整治工作", "示例市通报重点监管单位检查情况"]
    items = "".join(f'<li><a href="/info/{n}">{t}</a><span>2025-03-0{n}</span></li>' for n, t in enumerate(titles, 1))
    page = f'<html><body><ul class="nav"><li><a href="/">首页</a></li></ul><ul class="news">{items}</ul></body></html>'
    generic = parse_list(page.encode(), "http://127.0.0.1/news/", generic_source("http://127.0.0.1/news/"), catalog)
    assert [(a.text, a.published.day) for a in generic.articles] == [(t, n) for n, t in enumerate(titles, 1)]
    assert generic.fallback == "no link had a known article URL shape"


@pytest.mark.parametrize(
    ("url", "links", "expected"),
    [
        ("http://h/news/list.html", ["list_p2.html", "list_p3.html"], "http://h/news/list_p2.html"),
        ("http://h/news/list_p2.html", ["list.html", "list_p3.html"], "http://h/news/list_p3.html"),
        ("http://h/col/index.html?uid=7", ["?uid=7&pageNum=1", "?uid=7&pageNum=2"], "http://h/col/index.html?uid=7&pageNum=2"),
        ("http://h/hbxw/index.html", ["index_2.html", "index_3.html"], "http://h/hbxw/index_2.html"),
        ("http://h/a/index_2.html", ["index.html", "index_1.html", "index_2.html"], None),  # the last page
    ],
)
def test_numbered_page_links(url, links, expected):
    from bs4 import BeautifulSoup

    from minutes.scrapers.lists import next_url

    anchors = "".join(f'<a href="{href}">{n}</a>' for n, href in enumerate(links, 1))
    assert next_url(BeautifulSoup(f'<div class="page">{anchors}</div>', "lxml"), url) == expected
