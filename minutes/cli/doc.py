"""``minutes doc minutes|tasks|ledger`` and ``minutes templates export``: Word and Excel output."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from minutes.cli.app import DEFAULT_DB, DbOption, app, date_option, open_archive

doc_app = typer.Typer(
    help="Write Word/Excel documents: 会议纪要, 任务分解表, 交办单, 会议通知 and 发文稿纸 (GB/T 9704-2012), the 台账.",
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
    from minutes.writers.text import clean

    return Path(safe_filename(clean(title)) + suffix)  # a title's line breaks become spaces


def _read_text(source: str) -> str:
    """A YAML draft from a file or ``-`` (stdin)."""
    import sys

    from minutes.errors import DocumentError

    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentError(f"cannot read {source}: {getattr(error, 'strerror', None) or error}") from None


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


@doc_app.command("notice")
def notice_command(
    draft: Annotated[str, typer.Argument(help="A YAML 会议通知 draft (see 'minutes templates export'), or - for stdin.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The .docx to write (default: <title>.docx).")] = None,
    template: TemplateOption = None,
) -> None:
    """Write a 会议通知 (time, place, attendees by unit, materials, 回执) from a YAML draft."""
    from minutes.drafts import load_notice
    from minutes.writers import notice_context, write_notice

    notice = load_notice(_read_text(draft))
    title = notice_context(notice)["title"] if output is None else ""
    print(write_notice(notice, output or _default_output(title, ".docx"), template=template))


@doc_app.command("cover")
def cover_command(
    document: Annotated[Path, typer.Argument(help="The .docx to send out (as written by 'minutes doc …').", show_default=False)],
    draft: Annotated[str, typer.Argument(help="A YAML 发文稿纸 draft (拟稿, 核稿, 会签, 密级, 缓急, 份数 …), or - for stdin.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The .docx to write (default: <document>-发文稿纸.docx).")] = None,
    template: TemplateOption = None,
) -> None:
    """Write the 发文稿纸 for DOCUMENT: the sign-off form first, the document after it."""
    from minutes.drafts import load_cover
    from minutes.writers import write_cover

    cover = load_cover(_read_text(draft))
    target = output or document.with_name(f"{document.stem}-发文稿纸.docx")
    print(write_cover(cover, document, target, template=template))


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
    """Copy the Word templates and the example drafts (纪要, 通知, 发文稿纸) out for editing."""
    from minutes.writers import export_templates

    for path in export_templates(folder):
        print(path)
