"""The web page: Starlette routes over the library API, pages rendered by Jinja2.

Handlers parse the request, call the store (``minutes.store``) and the writers through
``records`` and ``minutes.store.queries``, and render a template; they hold no SQL. Each
worker thread keeps its own connection to the archive (SQLite connections are not shared
between threads); in WAL mode readers never wait for a writer, and a writer that finds
the archive busy for longer than the archive's timeout gets a message, not a 500.
"""

from __future__ import annotations

import getpass
import secrets
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from minutes.errors import ArchiveError, MinutesError, QueryError, ReadError
from minutes.store import queries
from minutes.store.lifecycle import TRANSITIONS, TransitionError
from minutes.web import charts, records
from minutes.web.access import Passwords, RateLimit, csrf_ok, csrf_token
from minutes.writers.text import ROLE_NAMES

PER_PAGE = 20
UPLOAD_LIMIT = 10 * 2**20
STATUS_LABELS = {"open": "未办结"}  # the ledger's filter for every task not closed; states are shown as stored
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
    " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass
class Settings:
    db: Path
    passwords: Passwords = field(default_factory=Passwords)
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    upload_limit: int = UPLOAD_LIMIT


class Page(Exception):
    """A request that ends in a message page (bad input, missing record, conflict)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def create_app(settings: Settings) -> Starlette:
    from minutes.store import TASK_STATUSES, Archive

    local = threading.local()
    memo = queries.Memo(str(settings.db))
    limiter = RateLimit()
    env = Environment(loader=PackageLoader("minutes.web", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(STATUS_LABELS=STATUS_LABELS, DOWNLOADS=records.DOWNLOADS, ROLE_NAMES=ROLE_NAMES)
    env.filters["status"] = lambda status: STATUS_LABELS.get(status, status)
    env.filters["when"] = lambda moment: moment.astimezone().strftime("%Y-%m-%d %H:%M")  # the office's clock

    def archive() -> Archive:
        if getattr(local, "archive", None) is None:
            local.archive = Archive(settings.db)
        return local.archive

    def today() -> date:
        return date.today()

    def user(request: Request) -> dict[str, str] | None:
        if not settings.passwords.required:
            return {"name": getpass.getuser(), "role": "clerk"}
        return request.session.get("user")

    def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        def url(**changes: Any) -> str:
            params = {**request.query_params, **changes}
            return request.url.path + "?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})

        html = env.get_template(template).render(
            request=request, user=user(request), csrf=csrf_token(request.session), url=url,
            login_required=settings.passwords.required, today=today(), **context,
        )
        return HTMLResponse(html, status_code=status)

    def message(request: Request, status: int, text: str) -> HTMLResponse:
        return render(request, "message.html", status, message=text)

    def number(value: str | None, name: str, default: int | None = None) -> int | None:
        if value in (None, ""):
            return default
        try:
            return int(value)
        except ValueError:
            raise Page(400, f"{name} must be a whole number, not {value!r}") from None

    def day(value: str | None, name: str) -> date | None:
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise Page(400, f"{name} must be a date like 2025-06-30, not {value!r}") from None

    async def posted(request: Request, role: str = "clerk") -> dict[str, Any]:
        """The form of a POST once its CSRF token and the user's role are checked."""
        # the size is known before anything is read: a body without one (chunked) is refused
        length = request.headers.get("content-length", "")
        if not length.isdigit():
            raise Page(411, "a form must be sent with its length")
        if int(length) > settings.upload_limit + 2**16:
            raise Page(413, f"the upload is larger than {settings.upload_limit // 2**20} MB")
        form = await request.form(max_files=1, max_fields=20)
        if not csrf_ok(request.session, form.get("csrf")):
            raise Page(403, "this form has expired (or came from another site); reload the page and try again")
        who = user(request)
        if role == "clerk" and (who is None or who["role"] != "clerk"):
            raise Page(403, "only a clerk may change the archive; log in with the clerk's password")
        return form

    # -- pages --------------------------------------------------------------------------

    def home(request: Request) -> Response:
        return RedirectResponse("/search", 302)

    def search_page(request: Request) -> Response:
        from minutes.store import search_page

        p = request.query_params
        q = p.get("q", "").strip()
        kind = "tasks" if p.get("kind") == "tasks" else "documents"
        page = max(number(p.get("page"), "page", 1), 1)
        status = p.get("status") or None
        if status and status not in TASK_STATUSES:
            raise Page(400, f"status must be one of {', '.join(TASK_STATUSES)}")
        filters = {"since": day(p.get("since"), "since"), "until": day(p.get("until"), "until"),
                   "source": p.get("source") or None, "unit": p.get("unit") or None,
                   "status": status if kind == "tasks" else None}
        results, error = None, None
        if q:
            try:
                results = search_page(archive(), q, tasks=kind == "tasks", page=page, per_page=PER_PAGE, **filters)
            except QueryError as problem:
                error = str(problem)
        return render(request, "search.html", q=q, kind=kind, page=page, results=results, error=error,
                      first=(page - 1) * PER_PAGE + 1, pages=-(-results.total // PER_PAGE) if results else 0,
                      filters=p, units=queries.unit_names(archive()), statuses=TASK_STATUSES)

    def document_page(request: Request) -> Response:
        doc_id = number(request.path_params["id"], "document id")
        record = archive().document(doc_id)
        view = "original" if request.query_params.get("view") == "original" else "normalized"
        if view == "original":
            from minutes.readers import read_bytes

            stored = archive().original(doc_id)
            try:
                segments = [(read_bytes(stored["original"], stored["source"], kind=stored["kind"], encoding=stored["encoding"]).text, None)]
            except ReadError as problem:
                segments = [(f"（原文无法读取：{problem}）", None)]
        else:
            segments = mark_tasks(record.text, record.tasks)
        return render(request, "document.html", doc=record, view=view, segments=segments,
                      link=record.source if record.source.startswith(("http://", "https://")) else None,
                      labels={t.id: records.status_label(t, today()) for t in record.tasks})

    def download(request: Request) -> Response:
        doc_id = number(request.path_params["id"], "document id")
        kind = request.path_params["kind"]
        if kind not in records.DOWNLOADS:
            raise Page(404, f"no download {kind!r}: one of {', '.join(records.DOWNLOADS)}")
        name, data = records.download(archive().document(doc_id), kind)
        return attachment(name, data)

    def ledger_query(request: Request) -> queries.LedgerQuery:
        p = request.query_params
        sort = p.get("sort") or "deadline"
        if sort not in queries.SORTS:
            raise Page(400, f"sort must be one of {', '.join(queries.SORTS)}")
        return queries.LedgerQuery(
            unit=p.get("unit") or None, status=p.get("status") or None, overdue=p.get("overdue") == "1",
            due_within=number(p.get("due_within"), "due within"), document_id=number(p.get("document"), "document"),
            since=day(p.get("since"), "since"), until=day(p.get("until"), "until"), sort=sort,
            page=max(number(p.get("page"), "page", 1), 1), per_page=PER_PAGE * 2,
        )

    def ledger_page(request: Request) -> Response:
        query = ledger_query(request)
        found = queries.ledger(archive(), query, today=today())
        tasks = archive().tasks_by_id(found.task_ids)
        return render(request, "ledger.html", query=query, found=found, tasks=tasks, statuses=TASK_STATUSES, moves=TRANSITIONS,
                      labels={t.id: records.status_label(t, today()) for t in tasks}, sorts=queries.SORTS,
                      pages=-(-found.total // query.per_page), units=queries.unit_names(archive()),
                      next=request.url.path + ("?" + request.url.query if request.url.query else ""))

    def ledger_export(request: Request) -> Response:
        found = queries.ledger(archive(), ledger_query(request), today=today(), paged=False)
        return attachment(f"台账-{today().isoformat()}.xlsx", records.ledger_xlsx(archive().tasks_by_id(found.task_ids), today()))

    async def task_status(request: Request) -> Response:
        form = await posted(request)
        task_id = number(request.path_params["id"], "task id")
        status = form.get("status", "")
        if status not in TASK_STATUSES:
            raise Page(400, f"status must be one of {', '.join(TASK_STATUSES)}")
        note = (form.get("note") or "").strip()[:2000] or None
        deadline = day(form.get("deadline"), "deadline")
        who = user(request)
        # the archive of a worker thread: SQLite connections stay in the thread that opened them
        await run_in_threadpool(lambda: records.change_status(
            archive(), task_id, status, seen=form.get("seen", ""), by=who["name"], note=note, deadline=deadline))
        back = form.get("next") or "/ledger"
        if not back.startswith("/") or back.startswith("//"):
            back = "/ledger"
        return RedirectResponse(f"{back}#task-{task_id}", 303)

    def unit_page(request: Request) -> Response:
        name = request.path_params["name"]
        profile = queries.unit_profile(archive(), name, today=today())
        if profile is None:
            raise Page(404, f"no unit named {name!r} in the archive")
        series = ["未办结", "其中已逾期", "已办结"]
        if len(profile.months) > 3:  # a line over time; a few months read better as bars
            chart = charts.lines([m[0] for m in profile.months], [[m[i] for m in profile.months] for i in (1, 2, 3)], series)
        else:
            chart = charts.hbar([(m[0], list(m[1:])) for m in profile.months], series, label_width=80) if profile.months else None
        return render(request, "unit.html", unit=profile, chart=chart)

    def dashboard(request: Request) -> Response:
        def figures() -> dict[str, Any]:
            return {"stats": archive().stats(), "by_unit": queries.units_by_open_tasks(archive(), today=today()),
                    "flow": queries.monthly_flow(archive()), "on_time": queries.on_time(archive())}

        found = memo.get(f"dashboard {today()}", figures)
        by_unit, flow = found["by_unit"], found["flow"]
        bars = charts.hbar([(name, [open_, overdue]) for name, open_, overdue in by_unit], ["未办结", "已逾期"]) if by_unit else None
        lines = charts.lines([m for m, _, _ in flow], [[f[1] for f in flow], [f[2] for f in flow]], ["下达", "办结"]) if len(flow) > 1 else None
        return render(request, "dashboard.html", stats=found["stats"], by_unit=by_unit, bars=bars, flow=flow, lines=lines,
                      on_time=found["on_time"][0], closed=found["on_time"][1])

    def import_form(request: Request) -> Response:
        return render(request, "import.html", result=None, limit=settings.upload_limit)

    async def import_upload(request: Request) -> Response:
        form = await posted(request)
        upload = form.get("file")
        if upload is None or not getattr(upload, "filename", ""):
            raise Page(400, "choose a .txt, .html or .docx file to import")
        name = Path(upload.filename).name
        if Path(name).suffix.lower() not in (".txt", ".html", ".htm", ".docx"):
            raise Page(400, f"{name}: only .txt, .html and .docx files can be imported")
        data = await upload.read(settings.upload_limit + 1)
        if len(data) > settings.upload_limit:
            raise Page(413, f"{name} is larger than {settings.upload_limit // 2**20} MB")
        result, record = await run_in_threadpool(lambda: records.import_upload(archive(), name, data))
        return render(request, "import.html", result=result, doc=record, limit=settings.upload_limit)

    # -- login --------------------------------------------------------------------------

    def login_form(request: Request) -> Response:
        return render(request, "login.html", next=safe_next(request.query_params.get("next")), error=None)

    async def login(request: Request) -> Response:
        client = request.client.host if request.client else "?"
        wait = limiter.blocked_for(client)
        if wait:
            raise Page(429, f"too many failed logins; try again in {int(wait) + 1} seconds")
        form = await request.form(max_files=0, max_fields=5)
        if not csrf_ok(request.session, form.get("csrf")):
            raise Page(403, "this form has expired; reload the page and try again")
        name = (form.get("name") or "").strip()[:40]
        role = settings.passwords.role_of(form.get("password") or "")
        if role is None or not name:
            limiter.failed(client)
            return render(request, "login.html", 401, next=safe_next(form.get("next")),
                          error="enter your name and a valid password" if role else "wrong password")
        request.session.clear()
        request.session["user"] = {"name": name, "role": role}
        return RedirectResponse(safe_next(form.get("next")), 303)

    async def logout(request: Request) -> Response:
        await posted(request, role="viewer")
        request.session.clear()
        return RedirectResponse("/login", 303)

    routes = [
        Route("/", home),
        Route("/search", search_page),
        Route("/documents/{id}", document_page),
        Route("/documents/{id}/download/{kind}", download),
        Route("/ledger", ledger_page),
        Route("/ledger.xlsx", ledger_export),
        Route("/tasks/{id}/status", task_status, methods=["POST"]),
        Route("/units/{name:path}", unit_page),
        Route("/dashboard", dashboard),
        Route("/import", import_form, methods=["GET"]),
        Route("/import", import_upload, methods=["POST"]),
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("minutes.web", "static")]), name="static"),
    ]

    async def guard(request: Request, call_next):
        """Login first (when passwords are set); message pages for expected failures."""
        public = request.url.path in ("/login",) or request.url.path.startswith("/static/")
        try:
            if not public and user(request) is None:
                here = request.url.path + ("?" + request.url.query if request.url.query else "")
                return RedirectResponse("/login?next=" + quote(here, safe=""), 303)
            return await call_next(request)
        except Page as page:
            return message(request, page.status, page.message)
        except TransitionError as conflict:  # moved by someone else first, or a move not allowed
            return message(request, 409, str(conflict))
        except ArchiveError as problem:
            text = str(problem)
            return message(request, 404 if text.startswith("no ") else 503, text)
        except MinutesError as problem:
            return message(request, 400, str(problem))

    middleware = [
        Middleware(SecurityHeaders),
        Middleware(SessionMiddleware, secret_key=settings.secret, session_cookie="minutes_session",
                   max_age=12 * 3600, same_site="strict", https_only=False),
        Middleware(BaseHTTPMiddleware, dispatch=guard),
    ]
    return Starlette(routes=routes, middleware=middleware)


def safe_next(value: str | None) -> str:
    """A same-site path to go back to after login (never another site)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/search"
    return value


def attachment(name: str, data: bytes) -> Response:
    media = {
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".zip": "application/zip",
    }[Path(name).suffix]
    return Response(data, media_type=media, headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


def mark_tasks(text: str, tasks: list) -> list[tuple[str, Any]]:
    """The text cut into (piece, task or None): each task's sentence, where found in order,
    becomes a piece of its own to highlight and link."""
    pieces, at = [], 0
    for task in tasks:
        found = text.find(task.text, at)
        length = len(task.text)
        if found < 0:
            continue
        if found > at:
            pieces.append((text[at:found], None))
        pieces.append((text[found : found + length], task))
        at = found + length
    pieces.append((text[at:], None))
    return pieces


class SecurityHeaders:
    """CSP without 'unsafe-inline' and friends on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                    (b"cache-control", b"no-store"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
