"""The typer application, its error boundary and the options every command shares.

Command modules (``minutes/cli/*.py``) decorate ``app`` and keep heavy imports
(jieba, OpenCC, python-docx, httpx) inside the command bodies so that
``minutes --help`` stays instant.

The error boundary: a command lets every ``MinutesError`` (bad input, a state the user
can fix) propagate; ``_Commands.invoke`` — around option parsing and every command and
sub-command — turns it into one ``error: …`` line on stderr and exit status 1. A
command catches ``MinutesError`` only where it goes on after one (per-file results).
The web layer mirrors this with one handler turning ``MinutesError`` into a 4xx
response carrying ``str(error)``.
"""


import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer
from typer.core import TyperGroup

try:  # typer 0.2x carries its own click
    from typer._click.exceptions import NoArgsIsHelpError, UsageError
except ImportError:
    from click.exceptions import NoArgsIsHelpError, UsageError

from minutes import defaults
from minutes.errors import ArchiveError, MinutesError

if TYPE_CHECKING:
    from collections.abc import Callable

    from minutes.store import Archive


class _Commands(TyperGroup):
    """The command group with the CLI's one error boundary (see the module docstring)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MinutesError as error:
            fail(str(error))
        except UsageError as error:  # a sub-command's options, an unknown command
            _usage_failed(error)
        except UnicodeEncodeError as error:
            if "surrogates" not in str(error):
                raise
            # every file's content is decoded by its reader; lone surrogates only come from
            # bytes the terminal's encoding could not decode in an argument or $MINUTES_DB
            fail("an argument is not valid UTF-8 text (check the terminal's encoding)")

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except UsageError as error:  # the top level's own options
            _usage_failed(error)


def _usage_failed(error: UsageError) -> NoReturn:
    """click's usage block as one line, exit status 2 (as for any usage error); a bare
    group (``minutes doc``) still shows its help."""
    if isinstance(error, NoArgsIsHelpError):
        raise error
    hint = f" (see `{error.ctx.command_path} --help`)" if error.ctx else ""
    fail(f"{error.format_message()}{hint}", code=2)


app = typer.Typer(
    cls=_Commands,
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
DEFAULT_DB = defaults.DB
ByOption = Annotated[Optional[str], typer.Option("--by", help="Who makes the change (default: the system user).")]


class Format(str, Enum):
    table = "table"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", help="table (for people) or json (one document on stdout).")]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line on stderr and exit: the only way a command reports bad input."""
    from minutes.errors import one_line

    print(f"error: {one_line(message)}", file=sys.stderr)
    raise typer.Exit(code)


def date_option(flag: str, help: str):
    """A ``YYYY-MM-DD`` option parsed to a ``date`` (None when not given); a bad value is
    one error line naming the option."""

    def parse(value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise MinutesError(f"{flag} wants a date like 2025-06-30, not {value!r}") from None

    return Annotated[Optional[date], typer.Option(flag, parser=parse, metavar="YYYY-MM-DD", help=help, show_default=False)]


@contextmanager
def open_archive(db: Path, *, create: bool = False) -> "Iterator[Archive]":
    """The archive at ``db``. Only commands that store documents create one: a search
    in the wrong folder should not leave a file behind."""
    from minutes.store import Archive

    if not create and not db.exists():
        raise ArchiveError(f"no archive at {db}; run `minutes import` first or pass --db")
    if not create and db.is_file() and db.stat().st_size == 0:  # SQLite would make it an archive
        raise ArchiveError(f"{db} is an empty file, not a minutes archive; run `minutes import` to create one or pass --db")
    with Archive(db, on_upgrade=upgrade_notice(db)) as archive:
        yield archive


def upgrade_notice(db: Path) -> "Callable[[int], None]":
    """What says on stderr that the archive at ``db`` is being upgraded (``Archive``'s
    ``on_upgrade``): the command is silent otherwise while an index is rebuilt."""

    def notice(version: int) -> None:
        typer.echo(f"upgrading {db} for this minutes (once; about a minute per 100,000 documents)…", err=True)

    return notice


def who(by: str | None) -> str | None:
    """Who makes a change: --by, else the user logged in."""
    import getpass

    if by and by.strip():
        return by.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return None


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
