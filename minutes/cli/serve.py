"""``minutes serve``: the web page for staff (``minutes.web``)."""


from pathlib import Path
from typing import Annotated, Optional

import typer

from minutes.cli.app import DEFAULT_DB, DbOption, app, fail, open_archive


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; anything but the loopback needs a password.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    password_file: Annotated[
        Optional[Path], typer.Option("--password-file", help="Lines 'clerk: SECRET' and/or 'viewer: SECRET'.", show_default=False)
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Serve the archive as a web page: search, documents, the task ledger, a dashboard.

    Passwords: MINUTES_WEB_PASSWORD (clerk: may change statuses, write notes, import) and
    MINUTES_WEB_VIEWER_PASSWORD (viewer: read, search, download), or --password-file.
    Without any, only 127.0.0.1 / ::1 may be used and whoever opens the page is a clerk."""
    from minutes.errors import MinutesError
    from minutes.web.access import is_loopback, load_passwords, session_secret

    if not db.is_file():
        fail(f"no archive at {db}; run `minutes import` first or pass --db")
    try:
        passwords = load_passwords(password_file)
        secret = session_secret(db, passwords)
    except MinutesError as error:
        fail(str(error))
    if not is_loopback(host) and not passwords.required:
        fail(f"refusing to serve on {host} without a password: set MINUTES_WEB_PASSWORD or pass --password-file")
    with open_archive(db):  # checked, and upgraded with its notice, before the first request
        pass
    import uvicorn

    from minutes.web.app import Settings, create_app

    print(f"serving {db} on http://{host}:{port}/ (Ctrl+C stops)")
    uvicorn.run(create_app(Settings(db=db, passwords=passwords, secret=secret)), host=host, port=port, log_level="warning", access_log=False)
