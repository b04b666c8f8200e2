"""The typer application and the options every command shares.

Command modules (``minutes/cli/*.py``) decorate ``app`` and keep heavy imports
(jieba, spaCy, OpenCC, python-docx, httpx) inside the command bodies so that
``minutes --help`` stays instant.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from minutes.store import Archive

app = typer.Typer(
    name="minutes",
    help="Collect, understand, archive and write up environmental-governance meetings and directives.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)

DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        envvar="MINUTES_DB",
        help="Archive database (default: $MINUTES_DB, else ./minutes.db).",
        show_default=False,
    ),
]
DEFAULT_DB = Path("minutes.db")


class Format(str, Enum):
    table = "table"
    json = "json"


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line on stderr and exit: the only way a command reports bad input."""
    from minutes.errors import one_line

    print(f"error: {one_line(message)}", file=sys.stderr)
    raise typer.Exit(code)


def parse_date(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or one error line naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} wants a date like 2025-06-30, not {value!r}")


@contextmanager
def open_archive(db: Path, *, create: bool = False) -> Iterator[Archive]:
    """The archive, with every library error turned into one line on stderr. Only
    commands that store documents create one: a search in the wrong folder should not
    leave a file behind."""
    from minutes.store import Archive
    from minutes.errors import MinutesError

    if not create and not db.exists():
        fail(f"no archive at {db}; run `minutes import` first or pass --db")
    if not create and db.is_file() and db.stat().st_size == 0:  # SQLite would make it an archive
        fail(f"{db} is an empty file, not a minutes archive; run `minutes import` to create one or pass --db")
    try:
        with Archive(db) as archive:
            yield archive
    except MinutesError as error:
        fail(str(error))


def print_json(data: object) -> None:
    """One JSON document on stdout and nothing else."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def stdout_console():
    from rich.console import Console

    return Console()
