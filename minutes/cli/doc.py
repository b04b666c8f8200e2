"""``minutes doc minutes|tasks|assignment|reminder|ledger``, ``minutes register`` and
``minutes templates export``: Word and Excel output."""


import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from minutes.cli.app import (
    DEFAULT_DB, ByOption, DbOption, Format, FormatOption, app, date_option, open_archive, print_json, stdout_console, who,
)

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
    number: Annotated[Optional[int], typer.Option("--number", min=1, help="The 纪要's serial number, printed as office.yaml's minutes_number says (第{n}期).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the 会议纪要 of SOURCE as a GB/T 9704-2012 Word document."""
    from minutes.drafts import load_source, with_profile
    from minutes.office import load_profile
    from minutes.writers import write_minutes

    draft = with_profile(load_source(source, db), load_profile(db), number=number)
    print(write_minutes(draft, output or _default_output(draft.title, ".docx"), template=template))


@doc_app.command("tasks")
def tasks_command(
    source: SourceArgument,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The 任务分解表 .docx (default: <title>-任务分解表.docx unless --by-unit).")] = None,
    by_unit: Annotated[Optional[Path], typer.Option("--by-unit", help="Also write one 工作任务交办单 per responsible unit into this folder (numbered from the register when SOURCE is an archive id).")] = None,
    on: date_option("--date", "交办日期 of the 交办单 (default: today).") = None,
    template: TemplateOption = None,
    assignment_template: Annotated[Optional[Path], typer.Option("--assignment-template", help="A customized 交办单 template.")] = None,
    by: ByOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the 任务分解表 of SOURCE (landscape table) and, with --by-unit, the 交办单."""
    from minutes.drafts import load_source
    from minutes.office import load_profile
    from minutes.writers import write_assignments, write_task_sheet

    draft = load_source(source, db)
    if output or not by_unit:
        print(write_task_sheet(draft, output or _default_output(f"{draft.title}-任务分解表", ".docx"), template=template))
    if by_unit and source.isdigit():
        _issue(int(source), by_unit, on, None, by, assignment_template, db)
    elif by_unit:
        for path in write_assignments(draft, by_unit, on=on, template=assignment_template, profile=load_profile(db)):
            print(path)


@doc_app.command("assignment")
def assignment_command(
    document: Annotated[int, typer.Argument(help="Archive document id whose open tasks are issued.", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the 交办单 (one .docx per unit).")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Only the sheets of units whose name contains this.")] = None,
    on: date_option("--date", "交办日期 (default: today).") = None,
    template: TemplateOption = None,
    by: ByOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Issue the 交办单 of an archived document: numbered from the register, with 回执; tasks become 已交办."""
    _issue(document, output, on, unit, by, template, db)


def _issue(document: int, folder: Path, day, unit, by, template, db: Path) -> None:
    from datetime import date

    from minutes.office import load_profile
    from minutes.writers import issue_assignments

    day = day or date.today()
    profile = load_profile(db)
    with open_archive(db) as archive:
        issued = issue_assignments(archive, document, folder, on=day, profile=profile, unit=unit, by=who(by), template=template)
        late = {t.code: t.due for t in archive.document(document).tasks
                if t.code and t.due and t.due < day and t.status != "已办结"}
    for code, due in sorted(late.items()):
        print(f"warning: task {code} was due {due}, before the issue date {day}", file=sys.stderr)
    for entry, path in issued:
        print(f"{entry.number}\t{entry.unit}\t{path}" + ("\t(reprint)" if entry.reprint else ""))


@app.command("register")
def register_command(
    year: Annotated[Optional[int], typer.Option("--year", help="Only this year's numbers.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Only sheets to units whose name contains this.")] = None,
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """The register of 交办单: number, unit, tasks, date issued and by whom."""
    with open_archive(db) as archive:
        entries = archive.register(year=year, unit=unit)
    if format is Format.json:
        print_json([entry.to_dict() for entry in entries])
        return
    from rich.table import Table

    table = Table("number", "unit", "tasks", "issued", "by", title=f"{len(entries)} 交办单")
    for entry in entries:
        table.add_row(entry.number, entry.unit, " ".join(entry.tasks), str(entry.issued_on), entry.by or "")
    stdout_console().print(table)


@doc_app.command("notice")
def notice_command(
    draft: Annotated[str, typer.Argument(help="A YAML 会议通知 draft (see 'minutes templates export'), or - for stdin.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="The .docx to write (default: <title>.docx).")] = None,
    template: TemplateOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write a 会议通知 (time, place, attendees by unit, materials, 回执) from a YAML draft;
    organ, masthead, contact and 印发机关 default to the office profile's."""
    from minutes.drafts import load_notice, with_profile
    from minutes.office import load_profile
    from minutes.writers import notice_context, write_notice

    notice = with_profile(load_notice(_read_text(draft)), load_profile(db))
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
    on: date_option("--date", "The 截至 date (default: today).") = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the 台账 (one 序号 per task, its units under it, progress columns to fill in) as .xlsx."""
    from minutes.office import load_profile
    from minutes.writers import write_ledger

    profile = load_profile(db)
    with open_archive(db) as archive:
        tasks = archive.tasks(unit=unit, due_before=due_before)
        register = archive.register()
    print(write_ledger(tasks, output, today=on, organ=profile.name if profile else "", register=register))


@doc_app.command("reminder")
def reminder_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the 督办通知 (one .docx per unit).")],
    unit: Annotated[Optional[str], typer.Option("--unit", help="Only units whose name contains this.")] = None,
    on: date_option("--date", "截至 date (default: today).") = None,
    template: TemplateOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write a 督办通知 per unit listing its 逾期 and 临期 tasks with their numbers."""
    from datetime import date

    from minutes.office import load_profile
    from minutes.store import ALERT_DAYS
    from minutes.writers import write_reminders

    day = on or date.today()
    profile = load_profile(db)
    with open_archive(db) as archive:
        tasks = archive.tasks(overdue=True, today=day) + archive.tasks(due_within=ALERT_DAYS, today=day)
        register = archive.register()
    written = write_reminders(tasks, output, today=day, register=register, profile=profile, unit=unit,
                              template=template)
    if not written:
        print(f"no task is 逾期 or 临期 on {day}" + (f" for {unit}" if unit else ""), file=sys.stderr)
    for path in written:
        print(path)


@templates_app.command("export")
def export_command(
    folder: Annotated[Path, typer.Argument(help="Folder to copy the templates and the example draft into.")],
) -> None:
    """Copy the Word templates (纪要, 任务分解表, 交办单, 会议通知, 发文稿纸, 督办通知) and the
    example drafts out for editing."""
    from minutes.writers import export_templates

    for path in export_templates(folder):
        print(path)
