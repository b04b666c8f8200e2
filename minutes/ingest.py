"""One document's path from source to archive: read → normalize → extract → save."""

from __future__ import annotations

import dataclasses
import errno
import glob
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.errors import ArchiveError, MinutesError, ReadError
from minutes.inputs import describe, os_reason, printable
from minutes.models import Document, Extraction

if TYPE_CHECKING:
    from minutes.store import Archive, SaveResult

SUFFIXES = (".txt", ".html", ".htm", ".docx")


def understand(doc: Document) -> tuple[Document, Extraction]:
    """Normalize a document as read and extract its meeting and tasks."""
    from minutes.nlp import extract
    from minutes.nlp.normalize import normalize

    normalized = normalize(doc)
    return normalized, extract(normalized)


def extract_or_error(doc: Document) -> tuple[Extraction | None, str | None]:
    """The extraction of a normalized document, or None and why it failed: a document is
    archived even when the pipeline is missing or stumbles on it."""
    try:
        from minutes.nlp import extract

        return extract(doc), None
    except ImportError as error:
        return None, f"extraction pipeline unavailable ({error})"
    except MinutesError as error:
        return None, str(error)
    except Exception as error:  # one document the pipeline cannot handle must not stop an import
        return None, f"extraction failed: {type(error).__name__}: {error}"


def ingest(archive: Archive, doc: Document, *, extract: bool = True) -> SaveResult:
    """Normalize, extract and save a document as read (from a file or a scraped page).

    A source whose raw bytes are already archived is not processed again (unchanged).
    An extraction failure is reported in ``SaveResult.error``; the document is stored.
    """
    prepared = _prepared(doc, archive.lookup(doc.source))
    return prepared if not isinstance(prepared, Document) else _saved(archive, prepared, extract)


def ingest_all(
    archive: Archive,
    documents: Iterable[Document | SaveResult],
    *,
    extract: bool = True,
    on_error: Callable[[Document, Exception], SaveResult] | None = None,
) -> Iterator[SaveResult]:
    """``ingest`` each document, in order, one result each (a ``SaveResult`` given in
    place of a document, a file that could not be read, passes through).

    The documents are taken a group at a time (``_GROUP`` of them, or ``_GROUP_BYTES``
    of raw bytes), and each step runs over the whole group before the next: read (as
    the iterable gives them), normalize, then extract and save. One step after another
    over a few hundred documents keeps each step's tables and code in the processor's
    caches; document by document, each step evicts the others' (a fifth of an import's
    time). ``on_error(doc, error)`` gives the result of a document whose step failed;
    without it the error is raised. An ``ArchiveError`` is always raised."""
    items = iter(documents)
    while group := _group(items):
        stored = archive.lookups([item.source for item in group if isinstance(item, Document)])
        # the documents of new sources normalized together (a stored one may be unchanged)
        together = _normalized_together([item for item in group
                                         if isinstance(item, Document) and item.source not in stored])
        prepared = [_step(lambda: _prepared(item, stored.get(item.source), together.get(id(item))), item, on_error)
                    if isinstance(item, Document) else item for item in group]
        ready = [doc for doc in prepared if isinstance(doc, Document)]
        # without extraction, a group of new documents is written together
        saved = _saved_together(archive, ready) if not extract and not any(doc.source in stored for doc in ready) else None
        for item, doc in zip(group, prepared):
            if not isinstance(doc, Document):
                yield doc
            elif saved is not None:
                yield _noted(next(saved), doc)
            else:
                yield _step(lambda: _saved(archive, doc, extract), item, on_error)


# A group of ``ingest_all``: enough documents for each step to run warm, few enough
# bytes to hold them all.
_GROUP, _GROUP_BYTES = 200, 16 * 2**20


def _group(items: Iterator[Document | SaveResult]) -> list[Document | SaveResult]:
    group: list[Document | SaveResult] = []
    size = 0
    for item in items:
        group.append(item)
        size += len(item.raw) if isinstance(item, Document) else 0
        if len(group) >= _GROUP or size >= _GROUP_BYTES:
            break
    return group


def _step(step: Callable[[], Any], doc: Document, on_error: Callable[[Document, Exception], SaveResult] | None) -> Any:
    try:
        return step()
    except ArchiveError:
        raise
    except Exception as error:  # one document's failure is its result, when the caller says how
        if on_error is None:
            raise
        return on_error(doc, error)


def _normalized_together(docs: list[Document]) -> dict[int, Document]:
    """The documents normalized in one pass (``normalize_all``), by ``id`` of the document
    as read; none when one of them fails (each is then normalized on its own, its
    failure its own result)."""
    from minutes.nlp.normalize import normalize_all

    try:
        return {id(doc): normalized for doc, normalized in zip(docs, normalize_all(docs))}
    except Exception:  # (which document, and why, is found normalizing them one by one)
        return {}


def _prepared(doc: Document, stored: dict[str, Any] | None, normalized: Document | None = None) -> Document | SaveResult:
    """The document normalized, or its result when its raw bytes are archived already
    (``stored``: what the archive holds for its source, ``Archive.lookup``);
    ``normalized``, when given, is the document normalized already."""
    from minutes.store import content_hash
    from minutes.nlp.normalize import normalize

    if stored and stored["content_hash"] == content_hash(doc.raw):
        from minutes.store import SaveResult

        return SaveResult(stored["id"], "unchanged", doc.source)
    normalized = normalized or normalize(doc)
    if normalized.blank:
        raise ReadError(f"{doc.source}: no text found")
    return normalized


def _saved(archive: Archive, normalized: Document, extract: bool) -> SaveResult:
    extraction, error = extract_or_error(normalized) if extract else (None, None)
    return _noted(archive.save(normalized, extraction, extraction_error=error), normalized)


def _saved_together(archive: Archive, docs: list[Document]) -> Iterator[SaveResult] | None:
    """The results of ``Archive.save_new``, or None when the documents are to be saved one
    by one: one of them is not new, or fails (its failure is then its own result)."""
    try:
        saved = archive.save_new(docs)
    except ArchiveError:
        raise
    except Exception:  # (which document, and why, is found saving them one by one)
        return None
    return iter(saved) if saved is not None else None


def _noted(result: SaveResult, normalized: Document) -> SaveResult:
    """The result saying what a reader had to do to keep the text (a page read as flat
    text...), and tracked tasks the new text no longer holds, which save keeps."""
    result.note = "; ".join(filter(None, (normalized.metadata.get("reader_note"), result.note))) or None
    return result


@dataclass
class ImportSummary:
    """What ``import_paths`` did, one result per file in order."""

    results: list[SaveResult] = field(default_factory=list)
    # why the batch stopped before its end: the archive itself failed (locked, disk full)
    stopped: str | None = None

    def count(self, status: str) -> int:
        return sum(result.status == status for result in self.results)

    @property
    def failed(self) -> list[SaveResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def extraction_failed(self) -> list[SaveResult]:
        return [r for r in self.results if r.status != "failed" and r.error]

    def to_dict(self) -> dict[str, Any]:
        return {
            **{status: self.count(status) for status in ("new", "updated", "unchanged", "failed")},
            "extraction_failed": len(self.extraction_failed),
            "results": [r.to_dict() for r in self.results],
            **({"stopped": self.stopped} if self.stopped else {}),
        }


def collect_files(paths: Iterable[str | Path]) -> list[Path | tuple[str, str]]:
    """Files named by paths, folders (recursively: .txt .html .htm .docx) and globs, in
    order without repeats; a path that names nothing is ``(path, reason)``."""
    found: list[Path | tuple[str, str]] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for given in map(str, paths):
        path = Path(given)
        if path.is_dir():
            unreadable: list[OSError] = []
            for folder, subfolders, names in os.walk(path, onerror=unreadable.append):
                subfolders.sort()
                for name in sorted(names):
                    child = Path(folder, name)
                    if child.suffix.lower() in SUFFIXES and child.is_file():
                        add(child)
                    elif child.suffix.lower() in SUFFIXES:  # a document's name, but no document
                        found.append((str(child), _not_a_file(child)))
            # a folder that cannot be listed is reported, not silently skipped
            found.extend((str(error.filename), os_reason(error)) for error in unreadable)
        elif path.exists():
            add(path)
        elif glob.has_magic(given):
            matches = sorted(Path(m) for m in glob.glob(given, recursive=True))
            files = [m for m in matches if m.is_file() and m.suffix.lower() in SUFFIXES]
            if not files:
                found.append((given, "no file matches this pattern"))
            for match in files:
                add(match)
        else:
            found.append((given, _not_a_file(path)))
    return found


def _not_a_file(path: Path) -> str:
    """Why a path names no file to read: nothing there, a link to nothing, a symlink
    loop, or something else (a FIFO, a device)."""
    try:
        return f"is {describe(os.stat(path).st_mode) or 'not readable'}, not a file"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return os_reason(error)
    return "broken symbolic link (it points to nothing)" if path.is_symlink() else "no such file or directory"


def _read_files(files: list[Path | tuple[str, str]], paths: dict[str, Path]) -> Iterator[Document | SaveResult]:
    """Each file read under its absolute path (``paths`` learns which file a source is),
    or its failed result: reading errors are results, not raised."""
    from minutes.store import SaveResult
    from minutes.readers import read

    for item in files:
        if isinstance(item, tuple):
            yield SaveResult(None, "failed", item[0], item[1])
            continue
        try:
            doc = dataclasses.replace(read(item), source=printable(item.resolve()))
        except Exception as error:  # reading touches no archive: every error is this file's
            yield _failed(item, error)
            continue
        paths[doc.source] = item
        yield doc


def _failed(path: Path, error: Exception) -> SaveResult:
    """The result of a file that could not be read or stored, saying why."""
    from minutes.store import SaveResult

    shown = printable(path)
    if isinstance(error, MinutesError):
        return SaveResult(None, "failed", shown, printable(without_source(str(error), path)))
    if isinstance(error, OSError):
        return SaveResult(None, "failed", shown, printable(os_reason(error)))
    # a reader's bug or a library's surprise costs this file, not the batch
    return SaveResult(None, "failed", shown, printable(f"cannot read this file ({type(error).__name__}: {error})"))


def import_paths(
    archive: Archive,
    paths: Iterable[str | Path],
    *,
    extract: bool = True,
    progress: Callable[[int, int, SaveResult], None] | None = None,
) -> ImportSummary:
    """Import files, folders and globs; one bad file never stops the batch.

    ``progress(done, total, result)`` is called after each file. An ``ArchiveError``
    (database locked, disk full) does stop it, as no later file could be stored: the
    summary of what was done comes back all the same, with ``stopped`` saying why.
    Files are committed in batches (``Archive.batch``): each one whole or not at all,
    a crash loses at most the last two seconds' or thousand files. They are read,
    normalized and saved a group at a time (``ingest_all``).
    """
    files = collect_files(paths)
    summary = ImportSummary()
    read_from: dict[str, Path] = {}  # source -> the file it was read from
    results = ingest_all(archive, _read_files(files, read_from), extract=extract,
                         on_error=lambda doc, error: _failed(read_from[doc.source], error))
    try:
        with archive.batch():
            for done in range(1, len(files) + 1):
                try:
                    result = next(results)
                except ArchiveError as error:
                    summary.stopped = str(error)
                    break
                summary.results.append(result)
                if progress:
                    progress(done, len(files), result)
    except ArchiveError as error:  # the last batch could not be committed
        summary.stopped = summary.stopped or f"{error} (the files of the last batch were not stored)"
    return summary


def reextract_all(archive: Archive) -> list[SaveResult]:
    """Normalize and extract every archived document again from its raw bytes (after the
    rules improved), committed in batches. A document that cannot be read or extracted
    now keeps its stored text and extraction; its result carries the error."""
    from minutes.store import SaveResult
    from minutes.store.archive import lost_tasks_note
    from minutes.readers import read_bytes
    from minutes.nlp.normalize import normalize

    results = []
    with archive.batch():
        for row in archive.originals():
            try:
                doc = normalize(read_bytes(row["original"], row["source"], kind=row["kind"], encoding=row["encoding"]))
            except MinutesError as error:
                results.append(SaveResult(row["id"], "unchanged", row["source"], str(error)))
                continue
            except Exception as error:  # as in import: one document never stops the others
                results.append(SaveResult(row["id"], "unchanged", row["source"], f"cannot read it again ({type(error).__name__}: {error})"))
                continue
            extraction, error = extract_or_error(doc)
            if error:
                results.append(SaveResult(row["id"], "unchanged", row["source"], error))
                continue
            lost = archive.replace_extraction(row["id"], extraction, doc=doc)
            results.append(SaveResult(row["id"], "updated", row["source"], note=lost_tasks_note(lost)))
    return results


def without_source(message: str, path: Path) -> str:
    """Reader messages often start with the path; the summary shows it already."""
    for prefix in (f"{path}: ", f"{path.resolve()}: ", f"{path.name}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
