"""The thin CLI over scrapers.run: summary table/JSON, exit status, sources list/check."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from minutes.cli import app
from sites.news import article, article_page, list_page, listing
from sites.server import Response, Site, html

ARTICLES = [article(n, date(2025, 4, n)) for n in range(1, 4)]


@pytest.fixture
def site():
    routes = {
        "/robots.txt": Response(404),
        "/news/index.html": html(list_page(listing(ARTICLES), 0, 1)),
        **{a.path: html(article_page(a)) for a in ARTICLES},
    }
    with Site(routes) as served:
        yield served


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_scrape_url_table_then_json(site, tmp_path):
    db = str(tmp_path / "m.db")
    url = site.url("/news/index.html")
    first = invoke("scrape", url, "--db", db, "--delay", "0.05", "--no-extract")
    assert first.exit_code == 0, first.output
    assert "127.0.0.1" in first.stdout and " 3 " in first.stdout
    before = len(site.hits())
    second = invoke("scrape", url, "--db", db, "--delay", "0.05", "--format", "json", "--user-agent", "EcoDesk/2.0")
    data = json.loads(second.stdout)
    assert second.exit_code == 0 and data["ok"]
    assert data["sources"][0]["skipped"] == {"already archived": 3}
    assert {h.headers["User-Agent"] for h in site.hits()[before:]} == {"EcoDesk/2.0"}
    third = invoke("scrape", url, "--db", db, "--delay", "0.05")
    assert third.exit_code == 0 and "1 of 1 list pages unchanged since the last run, 0 of their articles retried" in third.stdout


def test_scrape_exit_status_and_bad_input(site, tmp_path):
    db = str(tmp_path / "m.db")
    missing = invoke("scrape", site.url("/nothing/index.html"), "--db", db, "--delay", "0", "--format", "json")
    assert missing.exit_code == 1 and "HTTP 404" in json.loads(missing.stdout)["sources"][0]["error"]
    assert invoke("scrape", "--db", db).exit_code == 1
    unknown = invoke("scrape", "no-such-source", "--db", db)
    assert unknown.exit_code == 1 and "unknown source 'no-such-source'" in unknown.stderr
    assert "--since wants a date" in invoke("scrape", "mee", "--since", "March", "--db", db).stderr


def test_dry_run_creates_no_archive(site, tmp_path):
    db = tmp_path / "m.db"
    result = invoke("scrape", site.url("/news/index.html"), "--db", str(db), "--delay", "0", "--dry-run", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["sources"][0]["skipped"] == {"dry run": 3}
    assert not db.exists()


def test_sources_list_and_check(site, tmp_path):
    listed = json.loads(invoke("sources", "list", "--format", "json").stdout)
    assert {"cq-sthjj", "ts-news", "hbzhan-news", "mee"} <= {s["id"] for s in listed}

    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "sources:\n"
        f"  - id: example\n    name: 示例市生态环境局\n    lists: ['{site.url('/news/index.html')}']\n"
        "    selectors: {title: 'div.article-title h1', date: 'meta[name=PubDate]', body: 'div.TRS_Editor'}\n",
        "utf-8",
    )
    checked = invoke("sources", "check", "example", "--sources", str(mine), "--delay", "0", "--format", "json")
    assert checked.exit_code == 0, checked.output
    report = json.loads(checked.stdout)[0]
    assert report["lists"][0]["links"] == 3
    found = report["article"]
    assert found["title"] == ARTICLES[0].title and found["published"] == "2025-04-01"
    assert found["selectors"]["title"]["matches"] == 1 and found["selectors"]["date"]["holds"][0].startswith("2025-04-01")
    assert "article " in invoke("sources", "check", "example", "--sources", str(mine), "--delay", "0").stdout
