"""Reading what a user hands over, bounded: regular files only, up to a size, and YAML
whose aliases cannot expand it into gigabytes.

Each function takes the error class its caller speaks (``ReadError``, ``DocumentError``,
``ScrapeError``...) so that the one line the user sees comes from the right place.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from pathlib import Path
from typing import Any

from minutes.errors import MinutesError

MAX_YAML_BYTES = 1024 * 1024  # a draft or a sources file is a page or two of text
# YAML nodes plus scalar characters once every alias is expanded: a document without
# aliases is about its own size; a few aliases to a list of units are fine; a billion
# laughs is not (a 2 KB draft expanded to 4.3 GB).
MAX_YAML_EXPANDED = 4 * MAX_YAML_BYTES

_KINDS = {stat.S_ISFIFO: "a named pipe (FIFO)", stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device",
          stat.S_ISSOCK: "a socket", stat.S_ISDIR: "a directory"}


def describe(mode: int) -> str | None:
    """What a file that is not a regular file is ('a named pipe (FIFO)'...), None for a file."""
    return next((kind for test, kind in _KINDS.items() if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def read_regular(path: str | Path, limit: int, error: type[MinutesError], *, over: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else ``error`` with one line.

    FIFOs, devices (``/dev/zero``), sockets and directories are refused before they are
    opened for reading; the size is checked on what is actually read, as a file may grow.
    """
    path = Path(path)
    over = over or f"over the {limit // 2**20 or 1} MB limit"
    try:
        info = os.stat(path)
        if kind := describe(info.st_mode):
            raise error(f"{path}: is {kind}, not a file")
        if info.st_size > limit:
            raise error(f"{path.name or path}: file is {info.st_size / 2**20:.0f} MB, {over}")
        with open(path, "rb") as handle:
            if kind := describe(os.fstat(handle.fileno()).st_mode):  # replaced since the stat
                raise error(f"{path}: is {kind}, not a file")
            data = handle.read(limit + 1)
    except OSError as problem:
        known = isinstance(problem, FileNotFoundError | PermissionError) or problem.errno == errno.ELOOP
        reason = os_reason(problem)
        raise error(f"{path}: {reason if known else f'cannot read ({reason})'}") from None
    if len(data) > limit:
        raise error(f"{path.name or path}: file is {over}")
    return data


def printable(text: str | Path) -> str:
    """A file name (or a message quoting one) as text that can be stored and printed. Linux
    hands Python the bytes of a name it cannot decode as lone surrogates, which SQLite and
    UTF-8 output refuse; names unpacked from an archive made on Windows are GBK bytes, so
    they are read as GB18030, and anything else keeps its undecodable bytes as ``\\xff``
    escapes."""
    text = str(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        raw = os.fsencode(text)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace")


def os_reason(problem: OSError) -> str:
    """An OS error in a few lower-case words, without the path (the caller names it)."""
    if isinstance(problem, FileNotFoundError):
        return "no such file"
    if isinstance(problem, PermissionError):
        return "permission denied"
    if problem.errno == errno.ELOOP:
        return "symbolic link loop (a link that points back at itself)"
    return (problem.strerror or str(problem)).lower()


def parse_yaml(text: str, error: type[MinutesError], what: str) -> Any:
    """YAML a user wrote, with the safe tags only; ``error`` names ``what`` and the line.

    Refused: more than ``MAX_YAML_BYTES``; aliases that expand past ``MAX_YAML_EXPANDED``
    (checked on the node graph, before anything is built) or refer to themselves;
    values that cannot be what their tag says (``2025-02-30``, a 100,000-digit number).
    """
    import yaml

    if len(text) > MAX_YAML_BYTES:
        raise error(f"{what} is over the {MAX_YAML_BYTES // 1024} KB limit")
    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        where = f" at line {mark.line + 1}" if mark else ""
        raise error(f"{what} is not valid YAML{where}: {problem.problem or problem.context}") from None
    except yaml.YAMLError as problem:
        raise error(f"{what} is not valid YAML: {str(problem).splitlines()[0]}") from None
    except RecursionError:
        raise error(f"{what} is nested too deeply to be YAML a person wrote") from None
    except _TooLarge as problem:
        raise error(f"{what}: {problem}") from None
    finally:
        loader.dispose()


class _TooLarge(Exception):
    pass


def _expanded_size(root: Any) -> int:
    """Nodes plus scalar characters of the document with every alias expanded, computed
    on the shared node graph (each node once); ``_TooLarge`` past the limit or on a cycle."""
    import yaml

    sizes: dict[int, int] = {}
    pending: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1 + len(node.value)
            continue
        children = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
        if children_done:
            pending.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] > MAX_YAML_EXPANDED:
                raise _TooLarge(f"aliases expand it past {MAX_YAML_EXPANDED:,} values and characters; write the values out")
            continue
        if key in pending:
            raise _TooLarge(f"an alias refers to the value it is part of (line {node.start_mark.line + 1})")
        pending.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in pending:
                raise _TooLarge(f"an alias refers to the value it is part of (line {child.start_mark.line + 1})")
            stack.append((child, False))
    return sizes[id(root)]


@functools.cache
def _loader_class() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        """SafeLoader whose scalars fail as YAML errors with their line, never as a bare
        ValueError from deep inside (``date(2025, 2, 30)``, int of 100,000 digits)."""

    def checked(tag: str, construct: Any) -> Any:
        def construct_checked(loader: Any, node: Any) -> Any:
            try:
                value = construct(loader, node)
                if isinstance(value, int) and abs(value) >= 2**63:  # not a count nor an id: text
                    raise ValueError("too large")
                return value
            except (ValueError, OverflowError) as problem:
                shown = node.value if len(node.value) <= 30 else f"{node.value[:20]}… ({len(node.value):,} characters)"
                why = "too large" if tag == "number" else str(problem)
                raise yaml.constructor.ConstructorError(
                    None, None, f"{shown!r} is not a valid {tag} ({why}); quote it to keep it as text", node.start_mark
                ) from None

        return construct_checked

    for tag, name in (("timestamp", "date"), ("int", "number"), ("float", "number")):
        full = f"tag:yaml.org,2002:{tag}"
        Loader.add_constructor(full, checked(name, yaml.SafeLoader.yaml_constructors[full]))
    return Loader
