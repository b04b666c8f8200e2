"""``minutes demo``: the main job on the bundled sample documents."""


from pathlib import Path
from typing import Annotated

import typer

from minutes.cli.app import DEFAULT_DB, DbOption, app, open_archive, stdout_console
from minutes.cli.archive import highlighted, task_table


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the generated Word files.")] = Path("out"),
    db: DbOption = DEFAULT_DB,
) -> None:
    """Import the bundled sample documents, search them, list their tasks, write their Word documents."""
    from rich.table import Table

    from minutes.demo import SAMPLES, run

    console = stdout_console()
    console.print(f"Importing the sample documents of {SAMPLES} into {db} …")
    with open_archive(db, create=True) as archive:
        report = run(archive, out)
        stats = archive.stats()

    archived = Table("id", "status", "kind", "published", "title", "meeting", "tasks", title="archived")
    statuses = {result.id: result.status for result in report.imported.results}
    for doc in report.documents:
        meeting = doc.meeting
        archived.add_row(
            str(doc.id), statuses[doc.id], doc.kind, str(doc.published or ""), doc.title or "",
            " · ".join(str(v) for v in (meeting.name, meeting.date) if v) if meeting else "",
            str(len(doc.tasks)),
        )
    console.print(archived)
    for result in report.imported.results:
        if result.error:
            console.print(f"{result.source}: {result.error}", style="red", markup=False)
    console.print(
        f"archive: {stats['documents']} documents, {stats['meetings']} meetings, {stats['tasks']} tasks, "
        f"{stats['units']} units, {stats['size_bytes'] / 2**20:.1f} MB"
    )

    found = Table("id", "title", "match", title=f"minutes search {report.query}  (Traditional query, Simplified text)")
    for hit in report.hits:
        found.add_row(str(hit.document_id), hit.title or hit.source, highlighted(hit))
    console.print(found)

    for doc in report.documents:
        if doc.tasks:
            table = task_table(doc.tasks, with_document=False)
            table.title = f"tasks of {doc.id} {doc.title or ''}"
            console.print(table)

    console.print("Word documents written:")
    for path in report.written:
        console.print(f"  {path}", markup=False, highlight=False)
    console.print(f"Next: minutes search 臭氧 --db {db} · minutes tasks --unit 市生态环境局 --db {db} · minutes doc ledger -o ledger.xlsx --db {db}")
    if report.imported.failed:
        raise typer.Exit(1)
