"""Command-line interface: a thin layer over the library API (see ``minutes``)."""

from __future__ import annotations

import os
import sys

from minutes.cli.app import app

# Each module registers its commands on ``app``; none imports anything heavy at import time.
# (command modules are imported below as they land)
from minutes.cli import archive as _archive  # noqa: F401,E402
from minutes.cli import doc as _doc  # noqa: F401,E402
from minutes.cli import scrape as _scrape  # noqa: F401,E402
from minutes.cli import extract as _extract  # noqa: F401,E402
from minutes.cli import demo as _demo  # noqa: F401,E402


def main() -> None:
    """Console-script entry point: bad input and bugs end as one line on stderr, exit 1."""
    from typer import Abort

    try:  # typer 0.2x carries its own click
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
    except ImportError:
        from click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    from minutes.errors import MinutesError, one_line

    try:
        # not standalone: click's usage errors come here to be said in one line
        code = app(standalone_mode=False)
    except NoArgsIsHelpError as error:  # `minutes doc` alone: the help is the answer
        error.show()
        sys.exit(error.exit_code)
    except UsageError as error:  # exit status 2, as for any command-line usage error
        hint = f" (see `{error.ctx.command_path} --help`)" if error.ctx else ""
        print(f"error: {one_line(error.format_message())}{hint}", file=sys.stderr)
        sys.exit(error.exit_code)
    except ClickException as error:
        print(f"error: {one_line(error.format_message())}", file=sys.stderr)
        sys.exit(error.exit_code)
    except Abort:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except MinutesError as error:
        print(f"error: {one_line(error)}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # a bug: still one line, the traceback on demand
        if os.environ.get("MINUTES_DEBUG"):
            raise
        print(f"error: unexpected {type(error).__name__}: {one_line(error)} (set MINUTES_DEBUG=1 for a traceback)", file=sys.stderr)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
