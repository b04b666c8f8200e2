"""The typer application and the options every command shares.

Command modules (``minutes/cli/*.py``) decorate ``app`` and keep heavy imports
(jieba, spaCy, OpenCC, python-docx, httpx) inside the command bodies so that
``minutes --help`` stays instant.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

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
    print(f"error: {message}", file=sys.stderr)
    raise typer.Exit(code)


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
