"""Rules as data: the YAML and word lists in ``nlp/data/`` (``minutes.nlp.data``).

Every recognizer, reader and normalizer loads its rules through here, read once per
process from the installed package (``importlib.resources``, so a wheel works as well
as a checkout).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "minutes.nlp.data"


@cache
def text(name: str) -> str:
    """The text of one rule file."""
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def load(name: str) -> Any:
    """One YAML rule file, parsed (callers must not mutate what they get)."""
    import yaml

    return yaml.safe_load(text(name))


def words(name: str) -> list[str]:
    """A word list: entries separated by blanks or lines, ``#`` comment lines skipped."""
    return [word for line in text(name).splitlines() if not line.lstrip().startswith("#") for word in line.split()]
