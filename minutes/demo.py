"""The demo: the whole job on the bundled sample documents.

Import the samples (read, normalize, extract, archive), search them, and write the
会议纪要 and 任务分解表 of each one into a folder, plus the 会议纪要 of the example
meeting draft that ships with the templates::

    from minutes.store import Archive
    from minutes.demo import run

    with Archive("minutes.db") as archive:
        report = run(archive, "out")
    report.written   # [Path('out/…会议纪要.docx'), …]

Running it again is harmless: the samples are archived already (unchanged) and the
files are rewritten atomically.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.errors import ArchiveError, DocumentError

if TYPE_CHECKING:
    from minutes.store import Archive
    from minutes.ingest import ImportSummary
    from minutes.store import Hit, StoredDocument

SAMPLES = Path(__file__).with_name("samples")
# Written in Traditional script on purpose: it finds the Simplified sample texts.
QUERY = "揚塵"


@dataclass
class Report:
    imported: ImportSummary
    documents: list[StoredDocument]  # each sample as archived, in file order
    query: str
    hits: list[Hit]
    written: list[Path] = field(default_factory=list)


def run(archive: Archive, out: str | Path, *, query: str = QUERY) -> Report:
    """Archive the samples, search them for ``query`` and write their documents into ``out``
    (created if missing)."""
    from minutes.writers import safe_filename, write_minutes, write_task_sheet
    from minutes.drafts import from_archive, load_draft
    from minutes.ingest import import_paths
    from minutes.store import search
    from minutes.templates import path as template_path

    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DocumentError(f"cannot create {out}: {error.strerror or error}") from None
    imported = import_paths(archive, [SAMPLES])
    if imported.stopped:
        raise ArchiveError(imported.stopped)
    documents = [archive.document(result.id) for result in imported.results if result.id is not None]
    report = Report(imported, documents, query, search(archive, query, limit=5))
    for document in documents:
        draft = from_archive(document)
        stem = safe_filename(Path(document.source).stem)
        if document.meeting:
            report.written.append(write_minutes(draft, out / f"{stem}-会议纪要.docx"))
        if document.tasks:
            report.written.append(write_task_sheet(draft, out / f"{stem}-任务分解表.docx"))
    example = load_draft(template_path("draft-example.yaml").read_text(encoding="utf-8"))
    report.written.append(write_minutes(example, out / "draft-example-会议纪要.docx"))
    return report
