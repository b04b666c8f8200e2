"""``minutes extract PATH...``: meeting and tasks of local files, as JSON Lines or a table.

The JSON Lines output is the extraction contract (``../shared/eval/README.md``): one
object per input, in input order, nothing else on stdout; an input that fails yields
``{"source": PATH, "error": "..."}`` and the exit status is 1 once all inputs are done.
"""


import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from minutes.cli.app import app


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files to read: .txt (any Chinese encoding), .html/.htm, .docx.")],
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="jsonl: the JSON contract; table: for reading.")
    ] = ExtractFormat.jsonl,
) -> None:
    """Extract meeting, tasks, responsible units and deadlines from documents."""
    import json

    failed = 0
    for n, path in enumerate(paths, 1):
        if len(paths) > 1 and sys.stderr.isatty():
            print(f"[{n}/{len(paths)}] {path}", file=sys.stderr)
        result = extract_one(path)
        failed += "error" in result
        if "error" in result:
            print(f"error: {path}: {result['error']}", file=sys.stderr)
        if format is ExtractFormat.jsonl:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif "error" not in result:
            print_table(result)
    if failed:
        raise typer.Exit(1)


def extract_one(path: Path) -> dict[str, Any]:
    """The contract's object for one file, or ``{"source", "error"}``."""
    from minutes.errors import MinutesError
    from minutes.ingest import understand, without_source
    from minutes.readers import read

    source = str(path)
    try:
        document, extraction = understand(read(path))
    except MinutesError as error:
        return {"source": source, "error": without_source(str(error), path)}
    except Exception as error:  # a bug must not cost the other inputs their lines
        return {"source": source, "error": f"unexpected {type(error).__name__}: {error}"}
    if note := document.metadata.get("reader_note"):  # how the text was kept (a page read flat...)
        print(f"warning: {path}: {note}", file=sys.stderr)
    return extraction.to_dict(source)


def print_table(result: dict[str, Any]) -> None:
    """One document for a human: heading, meeting, people, then the tasks."""
    from rich.table import Table

    from minutes.cli.app import stdout_console

    console = stdout_console()
    console.rule(f"{result['source']}")
    console.print(f"[bold]{result.get('title') or '(no title)'}[/bold]  {result.get('published') or ''}")
    meeting = result.get("meeting")
    if meeting:
        facts = [meeting.get("name"), meeting.get("date"), meeting.get("location"), meeting.get("organizer")]
        console.print("meeting: " + " · ".join(str(f) for f in facts if f))
        people = ", ".join(
            f"{p['name']}（{p['title']}）{p['role']}" if p.get("title") else f"{p['name']} {p['role']}"
            for p in meeting.get("people") or []
        )
        if people:
            console.print(f"people: {people}")
        if meeting.get("units"):
            console.print("units: " + "、".join(meeting["units"]))
    else:
        console.print("meeting: none (a notice, plan or task table)")
    table = Table(show_lines=True)
    for column in ("#", "task", "units", "deadline"):
        table.add_column(column, overflow="fold")
    for n, task in enumerate(result.get("tasks") or [], 1):
        units = "\n".join(f"{u['name']} ({u['role']})" for u in task["units"])
        deadline = task.get("deadline")
        when = f"{deadline['text']} → {deadline['date'] or deadline['kind']}" if deadline else ""
        table.add_row(str(n), task["text"], units, when)
    console.print(table)
