"""The web page without a browser: escaping, headers, roles, CSRF, login limits, uploads,
downloads, races and a busy archive. (tests/test_web_browser.py drives a real one.)"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2; httpx works
    from starlette.testclient import TestClient  # noqa: E402

from minutes.store import Archive  # noqa: E402
from minutes.errors import MinutesError  # noqa: E402
from minutes.web.access import load_passwords, session_secret  # noqa: E402
from minutes.web.app import Settings, create_app  # noqa: E402
from web.archive import HOSTILE_SOURCE, build  # noqa: E402

CLERK, VIEWER = "clerk-secret-1", "viewer-secret-1"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    db = tmp_path_factory.mktemp("web") / "archive.db"
    return db, build(db)


@pytest.fixture
def db(built, tmp_path) -> Path:
    """A copy of the built archive per test: tests change statuses and import."""
    copy = tmp_path / "archive.db"
    with sqlite3.connect(built[0]) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


@pytest.fixture
def ids(built) -> dict[str, int]:
    return built[1]


def client(db: Path, **passwords: str) -> TestClient:
    settings = Settings(db=db, passwords=load_passwords(environ={
        **({"MINUTES_WEB_PASSWORD": passwords["clerk"]} if "clerk" in passwords else {}),
        **({"MINUTES_WEB_VIEWER_PASSWORD": passwords["viewer"]} if "viewer" in passwords else {}),
    }))
    return TestClient(create_app(settings), follow_redirects=False)


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def login(web: TestClient, name: str, password: str):
    token = csrf(web.get("/login").text)
    return web.post("/login", data={"csrf": token, "name": name, "password": password, "next": "/ledger"})


def first_task(db: Path):
    with Archive(db) as archive:
        return archive.tasks()[0]


def test_hostile_document_is_escaped_everywhere(db, ids):
    web = client(db)
    pages = [
        web.get(f"/documents/{ids['hostile']}"),
        web.get(f"/documents/{ids['hostile']}?view=original"),
        web.get("/search", params={"q": "扬尘整治"}),
        web.get("/search", params={"q": "扬尘", "kind": "tasks"}),
        web.get("/ledger", params={"document": ids["hostile"]}),
    ]
    for response in pages:
        assert response.status_code == 200
        html = response.text
        assert "alert(" in html  # the text is shown ...
        assert "<script>alert" not in html and "<svg onload" not in html  # ... as text
        assert not re.search(r"<[^>]*\son(error|load)\s*=", html)
        assert 'href="javascript:' not in html.lower()
        assert len(re.findall(r"<script\b", html)) == 1  # the page's own, external, script
        assert '<script src="/static/app.js" defer></script>' in html
    document = pages[0].text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in document
    assert HOSTILE_SOURCE.replace("'", "&#39;") in document  # the source is printed, not linked


def test_every_response_carries_a_strict_content_security_policy(db):
    web = client(db)
    for path in ("/search", "/ledger", "/dashboard", "/static/style.css", "/documents/999"):
        policy = web.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_assets_come_from_the_package_and_nothing_from_elsewhere(db):
    html = client(db).get("/dashboard").text
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith(("/", "#", "?")), url
    assert client(db).get("/static/app.js").status_code == 200
    assert client(db).get("/static/../app.py").status_code == 404


def test_a_clerk_marks_a_task_done_with_a_note_and_the_history_says_who(db):
    web = client(db, clerk=CLERK)
    assert login(web, "王芳", CLERK).status_code == 303
    task = first_task(db)
    token = csrf(web.get("/ledger").text)
    response = web.post(f"/tasks/{task.id}/status",
                        data={"csrf": token, "status": "已办结", "seen": "待交办", "note": "已现场核查", "next": "/ledger?status=open"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/ledger?status=open#task-{task.id}"
    with Archive(db) as archive:
        assert archive.task(task.id).status == "已办结"
    row = web.get("/ledger", params={"document": task.document_id}).text
    assert "已现场核查" in row and "王芳" in row


def test_a_change_that_lost_the_race_is_refused_with_a_message(db):
    web = client(db)
    task = first_task(db)
    token = csrf(web.get("/ledger").text)
    form = {"csrf": token, "status": "已办结", "seen": "待交办", "note": ""}
    assert web.post(f"/tasks/{task.id}/status", data=form).status_code == 303
    late = web.post(f"/tasks/{task.id}/status", data={**form, "status": "办理中"})
    assert late.status_code == 409
    assert "changed it meanwhile" in late.text
    with Archive(db) as archive:
        assert archive.task(task.id).status == "已办结"


def test_readers_go_on_while_a_writer_holds_the_archive_and_a_blocked_write_gets_a_message(db):
    web = client(db)
    task = first_task(db)
    token = csrf(web.get("/ledger").text)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        began = time.perf_counter()
        assert web.get("/ledger").status_code == 200
        assert web.get("/search", params={"q": "扬尘"}).status_code == 200
        assert time.perf_counter() - began < 2
        blocked = web.post(f"/tasks/{task.id}/status", data={"csrf": token, "status": "已办结", "seen": "待交办"})
        assert blocked.status_code == 503
        assert "locked" in blocked.text
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_every_post_needs_the_session_csrf_token(db):
    web = client(db)
    task = first_task(db)
    web.get("/ledger")
    for token in (None, "forged"):
        data = {"status": "已办结", "seen": "待交办", **({"csrf": token} if token else {})}
        assert web.post(f"/tasks/{task.id}/status", data=data).status_code == 403
    assert web.post("/import", files={"file": ("a.txt", "通知".encode())}).status_code == 403
    assert first_task(db).status == "待交办"


def test_with_a_password_every_page_asks_for_a_login(db):
    web = client(db, clerk=CLERK)
    for path in ("/search?q=扬尘", "/ledger", "/documents/1", "/dashboard", "/ledger.xlsx", "/documents/1/download/minutes"):
        response = web.get(path)
        assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
    assert web.get("/static/style.css").status_code == 200
    assert login(web, "王芳", "wrong").status_code == 401
    assert login(web, "王芳", CLERK).headers["location"] == "/ledger"
    assert web.get("/ledger").status_code == 200


def test_a_viewer_reads_and_downloads_but_cannot_change_anything(db):
    web = client(db, clerk=CLERK, viewer=VIEWER)
    login(web, "李明", VIEWER)
    assert web.get("/documents/1/download/tasks").status_code == 200
    page = web.get("/ledger").text
    assert "/status" not in page  # no status forms for a viewer
    task = first_task(db)
    refused = web.post(f"/tasks/{task.id}/status", data={"csrf": csrf(page), "status": "已办结", "seen": "待交办"})
    assert refused.status_code == 403 and "clerk" in refused.text
    assert first_task(db).status == "待交办"


def test_a_restarted_server_keeps_its_sessions_until_a_password_changes(db):
    def server(clerk: str) -> TestClient:
        passwords = load_passwords(environ={"MINUTES_WEB_PASSWORD": clerk})
        return TestClient(create_app(Settings(db=db, passwords=passwords, secret=session_secret(db, passwords))),
                          follow_redirects=False)

    first = server(CLERK)
    assert login(first, "王芳", CLERK).status_code == 303
    key = db.with_name(db.name + ".session-key")
    assert key.stat().st_mode & 0o777 == 0o600
    restarted = server(CLERK)
    restarted.cookies = first.cookies
    assert restarted.get("/ledger").status_code == 200
    changed = server("another-clerk-password")
    changed.cookies = first.cookies
    assert changed.get("/ledger").status_code == 303  # to the login page
    key.write_bytes(b"short")
    with pytest.raises(MinutesError, match="is not a session key"):
        session_secret(db, load_passwords(environ={}))


def test_login_attempts_are_rate_limited(db):
    web = client(db, clerk=CLERK)
    for _ in range(5):
        assert login(web, "x", "guess").status_code == 401
    assert login(web, "x", CLERK).status_code == 429  # even the right password, for a while


def test_login_never_sends_the_user_to_another_site(db):
    web = client(db, clerk=CLERK)
    token = csrf(web.get("/login").text)
    response = web.post("/login", data={"csrf": token, "name": "王芳", "password": CLERK, "next": "//evil.example/"})
    assert response.headers["location"] == "/search"


def test_downloads_are_generated_and_name_no_path(db):
    web = client(db)
    minutes = web.get("/documents/1/download/minutes")
    assert minutes.status_code == 200 and minutes.content[:2] == b"PK"
    assert "attachment; filename*=UTF-8''" in minutes.headers["content-disposition"]
    zipped = web.get("/documents/1/download/assignments")
    assert zipped.headers["content-type"] == "application/zip"
    assert web.get("/documents/1/download/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert web.get("/documents/1/download/passwd").status_code == 404
    ledger = web.get("/ledger.xlsx", params={"status": "open"})
    assert ledger.status_code == 200 and ledger.content[:2] == b"PK"


def test_import_reads_uploads_like_minutes_import_and_refuses_bad_files(db):
    web = client(db)
    token = csrf(web.get("/import").text)
    with Archive(db) as archive:
        before = archive.stats()["documents"]
    good = "关于秸秆禁烧工作的通知\n2025年4月1日\n各单位：现将有关事项通知如下。\n一、市城管局要于6月15日前完成秸秆禁烧专项检查。\n".encode()
    response = web.post("/import", data={"csrf": token}, files={"file": ("禁烧.txt", good)})
    assert response.status_code == 200
    assert "已入库" in response.text and "提取到 1 项任务" in response.text and "秸秆禁烧专项检查" in response.text
    for name, data, status, says in [
        ("empty.txt", b"   ", 400, "empty file"),
        ("tool.exe", b"MZ", 400, "only .txt, .html and .docx"),
        ("broken.docx", b"not a zip", 400, "broken.docx"),
    ]:
        refused = web.post("/import", data={"csrf": token}, files={"file": (name, data)})
        assert refused.status_code == status and says in refused.text, refused.text
    with Archive(db) as archive:
        assert archive.stats()["documents"] == before + 1


def test_uploads_are_size_limited(db):
    settings = Settings(db=db, upload_limit=1000)
    web = TestClient(create_app(settings))
    token = csrf(web.get("/import").text)
    response = web.post("/import", data={"csrf": token}, files={"file": ("big.txt", "通知".encode() * 1000)})
    assert response.status_code == 413


def test_bad_parameters_get_a_message_not_a_500(db):
    web = client(db)
    assert web.get("/ledger", params={"sort": "id; DROP TABLE tasks"}).status_code == 400
    assert web.get("/ledger", params={"since": "yesterday"}).status_code == 400
    assert web.get("/ledger", params={"page": "x"}).status_code == 400
    assert web.get("/documents/999").status_code == 404
    assert web.get("/units/没有这个单位").status_code == 404


def test_ledger_filters_count_and_pages(db, ids):
    web = client(db)
    with Archive(db) as archive:
        total = archive.stats()["tasks"]
        unit = archive.tasks()[0].units[0].unit
        of_unit = len(archive.tasks(unit=unit))
    page = web.get("/ledger").text
    assert f'<strong id="total">{total}</strong>' in page
    assert f'<strong id="total">{of_unit}</strong>' in web.get("/ledger", params={"unit": unit}).text
    hostile = web.get("/ledger", params={"document": ids["hostile"]}).text
    assert '<strong id="total">2</strong>' in hostile


def test_serve_refuses_other_addresses_without_a_password(db, tmp_path):
    run = lambda *args, env=None: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "minutes", "serve", "--db", str(db), *args], capture_output=True, text=True, timeout=60,
        env=env)
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_WEB_")}
    refused = run("--host", "0.0.0.0", env=env)
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: refusing to serve on 0.0.0.0 without a password")
    bad = tmp_path / "passwords"
    bad.write_text("admin: something-long\n")
    wrong = run("--host", "0.0.0.0", "--password-file", str(bad), env=env)
    assert wrong.returncode == 1 and "role must be viewer or clerk" in wrong.stderr
    assert "Traceback" not in wrong.stderr + refused.stderr
    # a file that is no archive is refused before serving, not at the first request
    other = tmp_path / "notes.db"
    other.write_text("not a database, just notes\n" * 100)
    not_archive = subprocess.run(
        [sys.executable, "-m", "minutes", "serve", "--db", str(other)], capture_output=True, text=True, timeout=60, env=env,
    )
    assert not_archive.returncode == 1 and not_archive.stderr.startswith("error: ") and "serving" not in not_archive.stdout
    assert len(not_archive.stderr.strip().splitlines()) == 1


def test_a_unit_page_shows_its_aliases_and_tasks_by_month(db):
    with Archive(db) as archive:
        task = next(t for t in archive.tasks() if any(u.name != u.unit for u in t.units))
    unit = next(u for u in task.units if u.name != u.unit)
    page = client(db).get(f"/units/{unit.name}")  # an alias finds the unit too
    assert page.status_code == 200
    assert f"<h1>{unit.unit}</h1>" in page.text and unit.name in page.text
    assert "<svg" in page.text and "<td>2025-" in page.text


def test_the_dashboard_counts_what_stats_counts_and_charts_open_tasks_by_unit(db):
    with Archive(db) as archive:
        stats = archive.stats()
    page = client(db).get("/dashboard").text
    for key in ("documents", "meetings", "tasks", "open_tasks", "units"):
        assert f'<strong id="stat-{key}">{stats[key]}</strong>' in page
    assert page.count("<rect ") >= 2 and "<title>" in page


def test_the_dashboard_rate_of_tasks_closed_on_time_follows_the_history(db):
    with Archive(db) as archive:
        dated = [t for t in archive.tasks() if t.deadline and t.deadline.date and t.deadline.kind != "recurring"]
        archive.set_status([dated[0].id], "已办结", by="王芳")  # closed today: after a 2025 deadline
    page = client(db).get("/dashboard").text
    assert '<strong id="on-time">0%</strong>' in page and "（0/1）" in page
    assert "每月下达与办结任务" in page


def test_search_counts_pages_and_filters_tasks_by_status(db):
    web = client(db)
    with Archive(db) as archive:
        from minutes.store import search

        every = search(archive, "扬尘", tasks=True, limit=100)
        archive.set_status([every[0].task.id], "已办结")
    page = web.get("/search", params={"q": "揚塵", "kind": "tasks"}).text
    assert f'<strong id="total">{len(every)}</strong>' in page
    done = web.get("/search", params={"q": "扬尘", "kind": "tasks", "status": "已办结"}).text
    assert '<strong id="total">1</strong>' in done and f"#task-{every[0].task.id}" in done
    beyond = web.get("/search", params={"q": "扬尘", "kind": "tasks", "page": 99}).text
    assert "没有找到" in beyond
    assert web.get("/search", params={"q": "扬尘", "status": "finished"}).status_code == 400


def test_the_dashboard_follows_changes_made_by_another_process(db):
    web = client(db)
    before = web.get("/dashboard").text
    with Archive(db) as archive:
        stats = archive.stats()
        archive.set_status([archive.tasks()[0].id], "已办结", by="李明")
    assert f'<strong id="stat-open_tasks">{stats["open_tasks"]}</strong>' in before
    assert f'<strong id="stat-open_tasks">{stats["open_tasks"] - 1}</strong>' in web.get("/dashboard").text
