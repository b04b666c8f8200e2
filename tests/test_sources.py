"""sources.yaml: shape only (no network), and the one-line errors for bad entries."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from minutes.errors import ScrapeError
from minutes.scrapers.lists import url_date
from minutes.scrapers.sources import SHIPPED, load_catalog, parse_source


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_shipped_sources_cover_the_known_sites(catalog):
    hosts = {host for source in catalog.sources.values() for host in source.hosts}
    for host in ("sthjj.cq.gov.cn", "news.ts.cn", "www.hbzhan.com", "www.mee.gov.cn"):
        assert host in hosts
    provincial = [s for s in catalog.sources.values() if re.match(r"(sthj|hbepb|gdee|hnsthb)", urlsplit(s.lists[0]).hostname or "")]
    assert len(provincial) >= 8


def test_every_entry_is_best_effort_and_commented(catalog):
    """Nothing shipped claims a live check; an entry resting on public evidence says which."""
    assert {source.verified for source in catalog.sources.values()} == {False, "evidence"}
    text = SHIPPED.read_text("utf-8")
    for ident, source in catalog.sources.items():
        entry = re.search(rf"(?ms)^(  # [^\n]*\n)*  - id: {re.escape(ident)}\b[^\n]*", text)
        assert entry and "#" in entry.group(0), f"{ident} has no comment"
        if source.verified == "evidence":
            assert "verified: evidence" in entry.group(0) and "public scrapers" in entry.group(0), ident


def test_evidence_from_public_scrapers_is_applied(catalog):
    """The URL shapes public scrapers report are what the entries accept."""
    sources = catalog.sources
    assert sources["bj-sthjj"].article.search("/bjhrb/index/xxgk69/zfxxgk43/fdzdgknr2/ywdt28/xwfb/436123456/index.html")
    assert sources["xj-sthjt"].article.search("/xjepd/xwzxtndt/202503/" + "3f2a" * 8 + ".shtml")
    assert sources["gd-sthjt"].article.search("/hbxw/content/post_4567890.html")
    assert sources["ts-news"].selectors["body"] == "div.hy-active"
    assert sources["mee"].selectors["title"] == "h2.neiright_Title" and sources["mee"].links == "a.cjcx_biaobnan"
    assert sources["cq-sthjj"].links == "ul.right-list > li"
    assert sources["hbzhan-news"].selectors["title"] == ".leftTop h2"
    assert sources["jx-sthjt"].pagination.url(sources["jx-sthjt"].lists[0], 1).endswith("?uid=380055&pageNum=2")


def test_entries_are_consistent(catalog):
    for source in catalog.sources.values():
        assert source.name and source.lists
        assert source.delay is None or source.delay >= 1
        if source.pagination:
            assert source.pagination.url(source.lists[0], 1) != source.lists[0]


def test_generic_patterns_date_the_article_urls_of_sites_md(catalog):
    assert str(url_date("https://sthjj.cq.gov.cn/zwxx_249/zwdt/bmdt/202503/t20250324_14437425.html", catalog)) == "2025-03-24"
    assert str(url_date("http://news.ts.cn/system/2025/03/19/036789123.shtml", catalog)) == "2025-03-19"
    assert str(url_date("http://news.ts.cn/content/2019-05/07/content_1.htm", catalog)) == "2019-05-07"
    assert url_date("https://www.hbzhan.com/news/detail/123456.html", catalog) is None


def test_pagination_patterns():
    source = parse_source({"id": "x", "name": "x", "lists": ["https://a.gov.cn/news/"], "pagination": {"pattern": "index_{n}.shtml"}}, where="t")
    assert [source.pagination.url("https://a.gov.cn/news/", k) for k in range(3)] == [
        "https://a.gov.cn/news/", "https://a.gov.cn/news/index_1.shtml", "https://a.gov.cn/news/index_2.shtml",
    ]
    query = parse_source({"id": "y", "name": "y", "lists": ["https://a.gov.cn/col/index.html"], "pagination": {"pattern": "?pageNum={n}", "start": 2}}, where="t")
    assert query.pagination.url("https://a.gov.cn/col/index.html", 1) == "https://a.gov.cn/col/index.html?pageNum=2"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "lists": ["https://a.cn/"]}, "entry 1: field 'id'"),
        ({"id": "x", "lists": ["https://a.cn/"]}, "entry 1 (x): field 'name'"),
        ({"id": "x", "name": "x", "lists": "https://a.cn/"}, "entry 1 (x): field 'lists'"),
        ({"id": "x", "name": "x", "lists": ["ftp://a.cn/"]}, "entry 1 (x): field 'lists'"),
        ({"id": "x", "name": "x", "lists": ["https://a.cn/"], "pagination": {"pattern": "index.html"}}, "entry 1 (x): field 'pagination'"),
        ({"id": "x", "name": "x", "lists": ["https://a.cn/"], "selectors": {"author": "p"}}, "entry 1 (x): field 'selectors'"),
        ({"id": "x", "name": "x", "lists": ["https://a.cn/"], "delay": "2s"}, "entry 1 (x): field 'delay'"),
        ({"id": "x", "name": "x", "lists": ["https://a.cn/"], "encoding": "klingon"}, "entry 1 (x): field 'encoding'"),
        ({"id": "x", "name": "x", "lists": ["https://a.cn/"], "article": "t(\\d"}, "entry 1 (x): field 'article'"),
        ({"id": "x", "name": "x", "lists": ["https://a.cn/"], "selector": {}}, "entry 1 (x): field 'selector' is not a known field"),
    ],
)
def test_bad_entries_name_entry_and_field(tmp_path, entry, message):
    import yaml

    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump({"sources": [entry]}, allow_unicode=True), "utf-8")
    with pytest.raises(ScrapeError) as error:
        load_catalog(path)
    assert f"mine.yaml: {message}" in str(error.value) and "\n" not in str(error.value)


def test_user_file_adds_and_replaces(tmp_path, catalog):
    path = tmp_path / "mine.yaml"
    path.write_text("sources:\n  - {id: mee, name: 我的部站, lists: ['https://www.mee.gov.cn/ywdt/szyw/']}\n  - {id: mine, name: 本地, lists: ['http://127.0.0.1/']}\n", "utf-8")
    merged = load_catalog(path)
    assert merged.sources["mee"].name == "我的部站" and "mine" in merged.sources
    assert len(merged.sources) == len(catalog.sources) + 1


def test_resolve_targets(catalog):
    assert [s.id for s in catalog.resolve(["mee", "https://example.gov.cn/list/"])] == ["mee", "https://example.gov.cn/list/"]
    with pytest.raises(ScrapeError, match="unknown source 'nope'"):
        catalog.resolve(["nope"])
    with pytest.raises(ScrapeError, match="nothing to scrape"):
        catalog.resolve([])
