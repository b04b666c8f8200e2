"""Archive commands: import, search, show, stats, optimize, tasks, reextract."""


from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from minutes.cli.app import (
    DEFAULT_DB, ByOption, DbOption, Format, FormatOption, app, date_option, fail, open_archive, print_json, stderr_console,
    stdout_console, who,
)

if TYPE_CHECKING:
    from minutes.store import Hit, StoredTask



@app.command("import")
def import_(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .html .docx), folders or globs.", show_default=False)],
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Store and index only; run `minutes reextract` later.")] = False,
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Archive local documents: new, updated (previous version kept) or unchanged."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from minutes.ingest import import_paths

    errors = stderr_console()
    with open_archive(db, create=True) as archive:
        with Progress(
            TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            console=errors, transient=True,
        ) as bar:
            job = bar.add_task("", total=None)

            def progress(done: int, total: int, result) -> None:
                bar.update(job, completed=done, total=total, description=Path(result.source).name)
                if result.status == "failed":
                    bar.console.print(f"error: {result.source}: {result.error}", markup=False, highlight=False, soft_wrap=True)
                for warning in (result.error, result.note) if result.status != "failed" else ():
                    if warning:
                        bar.console.print(f"warning: {result.source}: {warning}", markup=False, highlight=False, soft_wrap=True)

            summary = import_paths(archive, paths, extract=not no_extract, progress=progress)
    if format is Format.json:
        print_json(summary.to_dict())
    else:
        from rich.table import Table

        table = Table("new", "updated", "unchanged", "failed", "extraction failed", title="import")
        table.add_row(*(str(summary.count(s)) for s in ("new", "updated", "unchanged", "failed")), str(len(summary.extraction_failed)))
        stdout_console().print(table)
    if summary.stopped:
        fail(summary.stopped)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (Simplified or Traditional); two Han characters or more is fast.")],
    tasks: Annotated[bool, typer.Option("--tasks", help="Search tasks instead of documents.")] = False,
    advanced: Annotated[bool, typer.Option("--advanced", help="Allow AND, OR, NOT, parentheses, \"phrases\", term*.")] = False,
    since: date_option("--since", "Published on or after this day.") = None,
    until: date_option("--until", "Published on or before this day.") = None,
    source: Annotated[Optional[str], typer.Option(help="Part of the source path or URL (e.g. a site's host).")] = None,
    unit: Annotated[Optional[str], typer.Option(help="Only documents whose tasks name this unit (or an alias of it).")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 20,
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Full-text search of the archive, best match first."""
    from minutes.store import search as run

    with open_archive(db) as archive:
        hits = run(
            archive, query, tasks=tasks, advanced=advanced, since=since, until=until,
            source=source, unit=unit, limit=limit,
        )
    if format is Format.json:
        print_json([hit.to_dict() for hit in hits])
        return
    from rich.padding import Padding
    from rich.text import Text

    # A list, not a table: a snippet of Chinese text reads whole on its own line, and a
    # table's layout costs more than the search itself (every cell's width measured).
    console = stdout_console()
    console.print(Text(f"{len(hits)} hit(s) for {query}", style="bold"))
    for hit in hits:
        label = str(hit.document_id) if hit.task is None else f"{hit.document_id}#{hit.task.seq}"
        head = Text(f"{label:>8}  {str(hit.published or ''):10}  ")
        head.append(" ".join((hit.title or hit.source).split()), style="bold")
        console.print(head, no_wrap=True, overflow="ellipsis")  # a title too long for the terminal ends in …
        console.print(Padding(highlighted(hit), (0, 0, 0, 10)), overflow="fold")


def highlighted(hit: "Hit"):
    """A hit's snippet on one line (its line breaks as spaces: the same offsets), its
    matches marked, as rich text."""
    from rich.text import Text

    snippet = Text(hit.snippet.replace("\n", " "))
    for start, end in hit.highlights:
        snippet.stylize("bold reverse", start, end)
    return snippet


@app.command()
def show(
    id: Annotated[int, typer.Argument(help="Document id (from `minutes search`).")],
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """One archived document: facts, meeting, tasks with units and deadlines."""
    with open_archive(db) as archive:
        doc = archive.document(id)
    if format is Format.json:
        print_json(doc.to_dict())
        return
    from rich.table import Table

    console = stdout_console()
    facts = Table.grid(padding=(0, 2))
    for key in ("id", "title", "published", "source", "kind", "imported", "updated", "versions", "extraction_error"):
        if getattr(doc, key) not in (None, ""):
            facts.add_row(key, str(getattr(doc, key)))
    meeting = doc.meeting
    if meeting:
        facts.add_row("meeting", " · ".join(str(v) for v in (meeting.name, meeting.date, meeting.location, meeting.organizer) if v))
        for person in meeting.people:
            facts.add_row("", f"{person.role}: {person.name} {person.title or ''}".rstrip())
    console.print(facts)
    console.print(task_table(doc.tasks, with_document=False))


def task_table(tasks: "list[StoredTask]", *, with_document: bool):
    from datetime import date

    from rich.table import Table

    today = date.today()
    table = Table("#", "code", "task", "units", "deadline", "status", "progress", *(["document"] if with_document else []))
    for task in tasks:
        units = "、".join(f"{u.unit or u.name}（{u.role}）" for u in task.units)
        deadline = task.deadline
        when = " ".join(v for v in (deadline.text, deadline.date and f"[{deadline.date}]") if v) if deadline else ""
        if task.due and (not deadline or task.due != deadline.date):
            when += f" → {task.due}"
        alert = task.alert(today)
        progress = task.progress
        row = [
            str(task.seq if not with_document else task.id), task.code or "", task.text, units, when,
            task.status + (f"（{alert}）" if alert else ""),
            f"{progress.at.date()} {progress.note}" if progress else "",
        ]
        if with_document:
            row.append(f"{task.document_id} {task.document_title or ''}")
        table.add_row(*row)
    return table


@app.command()
def stats(format: FormatOption = Format.table, db: DbOption = DEFAULT_DB) -> None:
    """How much the archive holds."""
    with open_archive(db) as archive:
        figures = archive.stats()
    if format is Format.json:
        print_json(figures)
        return
    from rich.table import Table

    table = Table("", "", show_header=False)
    for key, value in figures.items():
        if key == "kinds":
            value = ", ".join(f"{kind} {count}" for kind, count in value.items()) or "-"
        elif key == "size_bytes":
            key, value = "size", f"{value / 2**20:.1f} MB"
        table.add_row(key.replace("_", " "), "-" if value is None else str(value))
    stdout_console().print(table)


@app.command()
def optimize(format: FormatOption = Format.table, db: DbOption = DEFAULT_DB) -> None:
    """Merge the search index and give free space back (after many small imports)."""
    with open_archive(db) as archive:
        before = archive.stats()["size_bytes"]
        archive.optimize()
        after = archive.stats()["size_bytes"]
    if format is Format.json:
        print_json({"size_bytes_before": before, "size_bytes_after": after})
    else:
        stdout_console().print(f"optimized {Path(db).name}: {before / 2**20:.1f} MB → {after / 2**20:.1f} MB")


StatusOption = Annotated[Optional[str], typer.Option("--status", help="待交办 已交办 办理中 申请延期 已延期 已办结.")]


@app.command()
def tasks(
    unit: Annotated[Optional[str], typer.Option(help="Tasks naming this unit (or an alias of it).")] = None,
    due_before: date_option("--due-before", "Tasks due before this day.") = None,
    due_within: Annotated[Optional[int], typer.Option("--due-within", metavar="DAYS", help="Not closed and due within DAYS days (临期).")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Not closed and past their due date (逾期).")] = False,
    status: StatusOption = None,
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Archived tasks with their state and last progress, soonest due first."""
    if due_within is not None and due_within < 0:
        fail(f"--due-within wants a number of days (0 or more), not {due_within}")
    with open_archive(db) as archive:
        rows = archive.tasks(unit=unit, due_before=due_before, overdue=overdue, due_within=due_within, status=status)
    if format is Format.json:
        print_json([task.to_dict() for task in rows])
        return
    stdout_console().print(task_table(rows, with_document=True))


@app.command()
def task(
    id: Annotated[int, typer.Argument(help="Task id (the # column of `minutes tasks`).")],
    status: StatusOption = None,
    note: Annotated[Optional[str], typer.Option("--note", help="Progress, the reason of an extension, what was done.")] = None,
    deadline: date_option("--deadline", "With 申请延期 (the date asked for) or 已延期 (granted).") = None,
    by: ByOption = None,
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show a task and its history; with --status/--note/--deadline, move it on first."""
    with open_archive(db) as archive:
        if status is not None or note is not None or deadline is not None:
            found = archive.change_task(id, status, by=who(by), note=note, deadline=deadline)
        else:
            found = archive.task(id)
            if found is None:
                fail(f"no task {id} in {archive.name} (see `minutes tasks` for ids)")
    if format is Format.json:
        print_json(found.to_dict())
        return
    console = stdout_console()
    console.print(task_table([found], with_document=True))
    from rich.table import Table

    history = Table("when", "by", "from", "to", "deadline", "note", title="history")
    for event in found.history:
        history.add_row(event.at.strftime("%Y-%m-%d %H:%M"), event.by or "", event.from_status or "", event.to_status or "",
                        str(event.deadline or ""), event.note or "")
    console.print(history)


@app.command()
def done(
    ids: Annotated[list[int], typer.Argument(help="Task ids (the # column of `minutes tasks`).", show_default=False)],
    undo: Annotated[bool, typer.Option("--undo", help="Open the tasks again (办理中).")] = False,
    note: Annotated[Optional[str], typer.Option("--note")] = None,
    by: ByOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Mark tasks 已办结, or open them again (办理中) with --undo."""
    state = "办理中" if undo else "已办结"
    with open_archive(db) as archive:
        archive.set_status(ids, state, by=who(by), note=note)
    print(f"{len(ids)} task(s) {state}")


@app.command()
def reextract(
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Re-read every document's original bytes, normalize and extract again.

    A document whose extraction fails keeps what was extracted before."""
    from minutes.ingest import reextract_all

    errors = stderr_console()
    with open_archive(db) as archive:
        results = reextract_all(archive)
    failed = [r for r in results if r.error]
    for result in results:
        for warning in (result.error, result.note):
            if warning:
                errors.print(f"warning: {result.source}: {warning}", markup=False, highlight=False, soft_wrap=True)
    if format is Format.json:
        print_json({"documents": len(results), "failed": len(failed), "results": [r.to_dict() for r in results]})
    else:
        stdout_console().print(f"re-extracted {len(results)} document(s), {len(failed)} failed")
    if failed:
        raise typer.Exit(1)
