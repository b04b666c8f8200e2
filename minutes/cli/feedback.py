"""``minutes feedback import``: returned 回执 and 台账 move tasks on."""


import sys
from pathlib import Path
from typing import Annotated

import typer

from minutes.cli.app import DEFAULT_DB, ByOption, DbOption, Format, FormatOption, app, open_archive, print_json, who

feedback_app = typer.Typer(help="Feedback from the units: returned 回执 (.docx) and 台账 (.xlsx).", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")


@feedback_app.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="Returned 回执 .docx and 台账 .xlsx files.", show_default=False)],
    by: ByOption = None,
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Match each report to its task by code and move the task on; conflicts change nothing.

    Exit 1 when a report was in conflict (listed on stderr); a file imported before is skipped."""
    from minutes.feedback import import_feedback

    with open_archive(db) as archive:
        outcome = import_feedback(archive, files, by=who(by))
    if format is Format.json:
        print_json(outcome.to_dict())
    else:
        for line in outcome.applied:
            print(line)
        for line in outcome.skipped:
            print(f"skipped: {line}")
        print(f"{len(outcome.applied)} change(s), {len(outcome.conflicts)} conflict(s), {len(outcome.skipped)} skipped")
    for line in outcome.conflicts:
        print(f"conflict: {line}", file=sys.stderr)
    if outcome.conflicts:
        raise typer.Exit(1)
