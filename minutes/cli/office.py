"""``minutes office init|show``: the office profile beside the archive."""


from typing import Annotated, Optional

import typer

from minutes.cli.app import DEFAULT_DB, DbOption, Format, FormatOption, app, fail, print_json

office_app = typer.Typer(help="The office profile (office.yaml beside the archive): organ, numbers, contact, member units.",
                         no_args_is_help=True)
app.add_typer(office_app, name="office")


@office_app.command("init")
def init(
    organ: Annotated[Optional[str], typer.Option("--organ", help="The office's full name.")] = None,
    short_name: Annotated[Optional[str], typer.Option("--short-name", help="Its short name (市大气办).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing profile.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write an example office.yaml beside the archive, to be edited by hand."""
    from dataclasses import replace

    from minutes.office import EXAMPLE, dump_profile, profile_path
    from minutes.writers import write_bytes

    path = profile_path(db)
    if path.exists() and not force:
        fail(f"{path} exists; edit it, or pass --force to replace it")
    profile = replace(EXAMPLE, organ=organ or EXAMPLE.organ, masthead=organ or EXAMPLE.masthead,
                      short_name=short_name if short_name is not None else ("" if organ else EXAMPLE.short_name))
    print(write_bytes(path, dump_profile(profile).encode("utf-8")))


@office_app.command("show")
def show(format: FormatOption = Format.table, db: DbOption = DEFAULT_DB) -> None:
    """The office profile in use (checked: a wrong field is reported)."""
    from minutes.office import load_profile, profile_path

    profile = load_profile(db)
    if profile is None:
        fail(f"no office profile at {profile_path(db)}; run `minutes office init`")
    if format is Format.json:
        print_json(profile.to_dict())
        return
    for key, value in profile.to_dict().items():
        if isinstance(value, list):
            value = "、".join(value)
        elif isinstance(value, dict):
            value = "；".join(f"{k}: {'、'.join(v) if isinstance(v, list) else v}" for k, v in value.items())
        print(f"{key}: {value}")
