"""The web page in a real browser: Debian's chromium driven by Playwright against
``minutes serve`` on a free loopback port. Skipped when /usr/bin/chromium is absent
(``.ci/run`` installs the ``chromium`` package)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from web.server import CHROMIUM, CHROMIUM_ARGS, serving

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} not installed (Debian package chromium)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api")

from web.archive import build  # noqa: E402


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    db = tmp_path_factory.mktemp("browser") / "archive.db"
    return db, build(db)


@pytest.fixture(scope="module")
def server(archive):
    with serving(archive[0]) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_a_traditional_query_finds_the_simplified_document_and_a_task_leads_to_its_ledger_row(page, server):
    page.goto(f"{server}/search")
    page.fill("#q", "揚塵")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    assert "q=%E6%8F%9A%E5%A1%B5" in page.url  # the query is in the link to share
    first = page.locator("ol.hits li a.title").first
    title = first.inner_text()
    assert "扬尘" in title or "扬尘" in page.locator("ol.hits li").first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/documents/\d+$"))
    assert page.locator("h1").inner_text() == title
    task_link = page.locator("#text a.task").first
    task_text = task_link.inner_text()
    task_link.click()
    page.wait_for_url(re.compile(r"/ledger\?document=\d+#task-\d+$"))
    row = page.locator(page.url.split("#")[1].join(["tr#", ""]))
    assert task_text in row.inner_text()
    assert row.locator("details").get_attribute("open") is not None  # landed on it, opened


def test_marking_a_task_done_with_a_note_survives_a_reload_and_the_history_says_who_and_when(page, server):
    page.goto(f"{server}/ledger?status=open")
    row = page.locator("table.ledger tbody tr").first
    row_id = row.get_attribute("id")
    row.locator("summary").click()
    row.locator("select[name=status]").select_option("已办结")
    row.locator("input[name=note]").fill("已完成现场核查")
    row.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(f"#{row_id}$"))
    page.goto(f"{server}/ledger?document=&sort=deadline")
    page.reload()
    row = page.locator(f"tr#{row_id}")
    assert row.locator("td.state").inner_text() == "已办结"
    row.locator("summary").click()
    history = row.locator("ol.events li").last.inner_text()
    import getpass

    assert getpass.getuser() in history and "已完成现场核查" in history
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", history)


def test_the_dashboard_shows_what_minutes_stats_counts(page, server, archive):
    stats = json.loads(subprocess.run([sys.executable, "-m", "minutes", "stats", "--format", "json", "--db", str(archive[0])],
                                      capture_output=True, text=True, check=True, timeout=60).stdout)
    page.goto(f"{server}/dashboard")
    for key in ("documents", "meetings", "tasks", "open_tasks", "units"):
        assert int(page.locator(f"#stat-{key}").inner_text()) == stats[key], key
    assert page.locator("svg.chart rect").count() > 0


def test_bound_beyond_the_loopback_every_page_asks_for_a_login(browser, archive):
    with serving(archive[0], "--host", "0.0.0.0", env={"MINUTES_WEB_PASSWORD": "clerk-secret-1"}) as url:
        page = browser.new_page()
        page.goto(f"{url}/ledger")
        assert "/login" in page.url
        page.fill("#name", "王芳")
        page.fill("#password", "wrong-password")
        page.click("button[type=submit]")
        assert page.locator(".message").inner_text() == "wrong password"
        page.fill("#name", "王芳")
        page.fill("#password", "clerk-secret-1")
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/ledger$"))
        assert "王芳" in page.locator("header .who").inner_text()
        page.close()


def test_the_hostile_document_does_not_execute(page, server, archive):
    dialogs, foreign, errors = [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: None if request.url.startswith(server) else foreign.append(request.url))
    hostile = archive[1]["hostile"]
    for path in (f"/documents/{hostile}", f"/documents/{hostile}?view=original", "/search?q=扬尘整治",
                 "/search?q=扬尘&kind=tasks", f"/ledger?document={hostile}"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        for link in page.locator("a").all():
            assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.goto(f"{server}/documents/{hostile}")
    assert '<script>alert("title")</script>' in page.locator("#text").inner_text()  # shown as text
    page.locator("#text a.task").first.click()  # following the hostile task is harmless too
    page.wait_for_load_state("networkidle")
    assert dialogs == [] and foreign == []
    assert errors == []  # not even a blocked inline script: the page never carries one


def test_keyboard_alone_reaches_search_and_the_ledger(page, server):
    page.goto(f"{server}/dashboard")

    def tab_to(text: str) -> None:
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()").startswith(text):
                return
        raise AssertionError(f"Tab never reached {text}")

    tab_to("检索")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search$"))
    # the box takes the focus on arrival (autofocus, which the browser applies on a frame
    # after load: wait for it rather than type into nothing)
    page.wait_for_function("document.activeElement && document.activeElement.id === 'q'", timeout=5000)
    page.keyboard.type("扬尘")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    assert page.locator("ol.hits li").count() > 0
    tab_to("任务台账")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ledger$"))
    tab_to("办理记录")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open") is True
