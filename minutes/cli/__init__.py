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
from minutes.cli import office as _office  # noqa: F401,E402
from minutes.cli import feedback as _feedback  # noqa: F401,E402


def main() -> None:
    """Console-script entry point. Bad input (``MinutesError``) is reported by the app's
    error boundary (``minutes.cli.app``); here bugs still end as one line on stderr."""
    try:
        app()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # a bug: still one line, the traceback on demand
        if os.environ.get("MINUTES_DEBUG"):
            raise
        from minutes.errors import one_line

        print(f"error: unexpected {type(error).__name__}: {one_line(error)} (set MINUTES_DEBUG=1 for a traceback)", file=sys.stderr)
        sys.exit(1)
