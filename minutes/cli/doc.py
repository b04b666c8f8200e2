"""``minutes doc minutes|tasks|ledger`` and ``minutes templates export``: Word and Excel output."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from minutes.cli.app import DEFAULT_DB, DbOption, app, date_option, open_archive

doc_app = typer.Typer(
    help="Write Word/Excel documents: 会议纪要, 任务分解表 and 交办单 (GB/T 9704-2012), the 台账.",
    no_args_is_help=True,
)
templates_app = typer.Typer(help="The Word templates the documents are rendered from.", no_args_is_help=True)
app.add_typer(doc_app, name="doc")
app.add_typer(templates_app, name="templates")

SourceArgument = Annotated[
    str,
    typer.Argument(
        help="Archive document id (uses --db), a .txt/.html/.docx to extract, a JSON object from "
        "'minutes extract', a YAML meeting draft (see 'minutes templates export'), or - for stdin.",
        show_default=False,
    ),
]
TemplateOption = Annotated[
    Optional[Path], typer.Option("--template", help="A customized template (.docx with docxtpl tags).")
]


def _default_output(title: str, suffix: str) -> Path:
    from minutes.writers import safe_filename

    return Path(safe_filename(title) + suffix)


@doc_app.command("minutes")
def minutes_command(
    source: SourceArgument,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The .docx to write (default: <title>.docx).")] = None,
    template: TemplateOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the 会议纪要 of SOURCE as a GB/T 9704-2012 Word document."""
    from minutes.drafts import load_source
    from minutes.writers import write_minutes

    draft = load_source(source, db)
    print(write_minutes(draft, output or _default_output(draft.title, ".docx"), template=template))


@doc_app.command("tasks")
def tasks_command(
    source: SourceArgument,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The 任务分解表 .docx (default: <title>-任务分解表.docx unless --by-unit).")] = None,
    by_unit: Annotated[Optional[Path], typer.Option("--by-unit", help="Also write one 工作任务交办单 per responsible unit into this folder.")] = None,
    on: date_option("--date", "交办日期 of the 交办单 (default: today).") = None,
    template: TemplateOption = None,
    assignment_template: Annotated[Optional[Path], typer.Option("--assignment-template", help="A customized 交办单 template.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the 任务分解表 of SOURCE (landscape table) and, with --by-unit, the 交办单."""
    from minutes.drafts import load_source
    from minutes.writers import write_assignments, write_task_sheet

    draft = load_source(source, db)
    if output or not by_unit:
        print(write_task_sheet(draft, output or _default_output(f"{draft.title}-任务分解表", ".docx"), template=template))
    if by_unit:
        for path in write_assignments(draft, by_unit, on=on, template=assignment_template):
            print(path)


@doc_app.command("ledger")
def ledger_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="The .xlsx to write.")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Only tasks of this unit (aliases count).")] = None,
    due_before: date_option("--due-before", "Only tasks due before this date.") = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the 台账 (one row per task and unit, with a status) from the archive as .xlsx."""
    from minutes.writers import write_ledger

    with open_archive(db) as archive:
        tasks = archive.tasks(unit=unit, due_before=due_before)
    print(write_ledger(tasks, output))


@templates_app.command("export")
def export_command(
    folder: Annotated[Path, typer.Argument(help="Folder to copy the templates and the example draft into.")],
) -> None:
    """Copy minutes.docx, tasks.docx, assignment.docx and draft-example.yaml out for editing."""
    from minutes.writers import export_templates

    for path in export_templates(folder):
        print(path)
