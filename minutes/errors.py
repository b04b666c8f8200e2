"""Errors the library raises on bad input.

Every message is one line that says what went wrong and, where it can, what to do.
The CLI prints ``str(error)`` and exits 1; nothing else reaches the user.
"""


class MinutesError(Exception):
    """Base class: bad input or a state the user can fix."""


class ReadError(MinutesError):
    """A source file or page could not be read or decoded."""


class ArchiveError(MinutesError):
    """The archive database is unusable (not SQLite, locked, newer schema...)."""


class ExtractionError(MinutesError):
    """A document could not be processed by the extraction pipeline."""


class DocumentError(MinutesError):
    """A Word/Excel document could not be produced (bad draft, template, path)."""


class ScrapeError(MinutesError):
    """A scrape could not start (bad source file, unknown source id...)."""


class QueryError(MinutesError):
    """A search query could not be understood (empty, or bad advanced syntax)."""


def one_line(message: object, limit: int = 300) -> str:
    """A message as the user sees it: one line, and short even when it quotes a value
    of 100,000 characters."""
    text = " ".join(str(message).split())
    return text if len(text) <= limit else f"{text[: limit - 40]}… ({len(text):,} characters in all)"
