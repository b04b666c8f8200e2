"""Scraping commands: ``minutes scrape`` and ``minutes sources list|check``."""


from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from minutes import defaults
from minutes.cli.app import (
    DEFAULT_DB, DbOption, Format, FormatOption, app, date_option, fail, print_json, stderr_console, stdout_console,
    upgrade_notice,
)

SourcesOption = Annotated[
    Optional[Path], typer.Option("--sources", help="Extra sources YAML (same shape as the shipped sources.yaml).", show_default=False)
]
UserAgentOption = Annotated[Optional[str], typer.Option("--user-agent", help="User-Agent header (default names minutes and its version).", show_default=False)]
DelayOption = Annotated[
    Optional[float],
    typer.Option("--delay", min=0, help=f"Seconds between requests to one host (default: the source's, else {defaults.SCRAPE_DELAY:g}).", show_default=False),
]

sources_app = typer.Typer(help="The sites `minutes scrape` knows (sources.yaml).", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


def _catalog(sources_file: Path | None):
    from minutes.scrapers.sources import load_catalog

    return load_catalog(sources_file)


def _options(**fields: Any):
    from minutes.scrapers.run import Options

    return Options(**{k: v for k, v in fields.items() if v is not None})


@app.command("scrape")
def scrape(
    targets: Annotated[Optional[list[str]], typer.Argument(metavar="SOURCE_ID|URL", help="Source ids (see `minutes sources list`) or list-page URLs.", show_default=False)] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every known source.")] = False,
    since: date_option("--since", "Only articles published on or after this day; stop paging past it.") = None,
    max_pages: Annotated[int, typer.Option(min=1, help="List pages per listing.")] = defaults.SCRAPE_MAX_PAGES,
    delay: DelayOption = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Sources fetched at once (each host stays one request at a time).")] = defaults.SCRAPE_CONCURRENCY,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Read list pages only: report links, fetch and store no article.")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", "--recheck", help="Request archived, skipped and given-up articles again (archived ones with conditional GETs).")] = False,
    sources_file: SourcesOption = None,
    user_agent: UserAgentOption = None,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Store and index only; run `minutes reextract` later.")] = False,
    format: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Collect articles from sources or list pages into the archive (polite, resumable).

    Exit status 0 when every source yielded its articles or honestly had nothing new;
    1 when a source could not be read, was turned away, found no article link on a list
    page (a rule that no longer matches the site) or got none of its articles.
    """
    from contextlib import nullcontext

    from minutes.scrapers.run import scrape as run

    catalog = _catalog(sources_file)
    sources = catalog.resolve(list(targets or []), everything=all_)
    options = _options(
        since=since, max_pages=max_pages, delay=delay, concurrency=concurrency, dry_run=dry_run,
        extract=not no_extract, refresh=refresh, user_agent=user_agent,
    )
    try:
        if dry_run and not Path(db).exists():
            opened = nullcontext(None)  # a dry run creates no archive
        else:
            from minutes.store import Archive

            opened = Archive(db, on_upgrade=upgrade_notice(Path(db)))
        with opened as archive, _progress(sources) as progress:
            summary = run(sources, archive, options, catalog=catalog, progress=progress)
    except KeyboardInterrupt:
        fail("interrupted; every article stored so far is kept: run the same command again to go on", 130)
    if format is Format.json:
        print_json(summary.to_dict())
    else:
        _print_summary(summary)
    if not summary.ok:
        raise typer.Exit(1)


class _progress:
    """One rich progress bar per source on stderr, fed by the workers' summaries."""

    def __init__(self, sources):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bars = Progress(
            TextColumn("{task.fields[name]}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            console=stderr_console(), transient=True,
        )
        self.tasks = {s.id: self.bars.add_task("", total=None, name=s.name[:24]) for s in sources}

    def __enter__(self):
        self.bars.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bars.stop()

    def __call__(self, summary) -> None:
        note = summary.error or f"{summary.pages} pages · {summary.new} new"
        self.bars.update(self.tasks[summary.id], total=summary.links or None, completed=summary.done, description=note)


def _print_summary(summary) -> None:
    from rich.table import Table

    table = Table(show_edge=False)
    for column in ("source", "pages", "links", "new", "updated", "unchanged", "failed", "skipped"):
        table.add_column(column, justify="left" if column in ("source", "skipped") else "right")
    for s in summary.sources:
        skipped = "\n".join(f"{n} {reason}" for reason, n in sorted(s.skipped.items())) or "-"
        name = s.name if s.id == s.name else f"{s.name} ({s.id})" if len(s.id) < 30 else s.name
        table.add_row(name, *(str(v) for v in (s.pages, s.links, s.new, s.updated, s.unchanged, s.failed)), skipped)
    out = stdout_console()
    out.print(table)
    errors = stderr_console()
    for s in summary.sources:
        if s.lists_unchanged:
            out.print(
                f"{s.name} ({s.id}): {s.lists_unchanged} of {s.pages} list pages unchanged since the last run,"
                f" {s.retried} of their articles retried",
                markup=False, highlight=False, soft_wrap=True,
            )
        if s.outcome != "ok":  # nothing new is fine; the others are why the exit status is 1
            (out if s.ok else errors).print(f"{s.name} ({s.id}): {s.outcome}", markup=False, highlight=False, soft_wrap=True)
        if s.error:
            errors.print(f"[red]{s.name}[/]: {s.error}", markup=True, highlight=False)
        for miss in s.misses:
            errors.print(f"{s.name} ({s.id}): no article link on {miss['url']}: {miss['reason']}", markup=False, highlight=False, soft_wrap=True)
        for fallback in s.fallbacks[:3]:
            errors.print(f"{s.name} ({s.id}): generic link discovery used on {fallback['url']}: {fallback['reason']}", markup=False, highlight=False, soft_wrap=True)
        if s.outcome == "got nothing" and not s.error:
            errors.print(f"{s.name} ({s.id}): none of its {s.failed} articles could be read", markup=False, highlight=False, soft_wrap=True)
        for failure in s.failures[:10]:
            errors.print(f"  failed {failure['url']}: {failure['reason']}", markup=False, highlight=False, soft_wrap=True)
        if len(s.failures) > 10:
            errors.print(f"  … and {len(s.failures) - 10} more failures (see --format json)", markup=False)


@sources_app.command("list")
def sources_list(sources_file: SourcesOption = None, format: FormatOption = Format.table) -> None:
    """The known sources: id, name, region, list pages, verified."""
    catalog = _catalog(sources_file)
    if format is Format.json:
        print_json([s.to_dict() for s in catalog.sources.values()])
        return
    from rich.table import Table

    table = Table(show_edge=False)
    for column in ("id", "name", "region", "lists", "verified"):
        table.add_column(column)
    for s in catalog.sources.values():
        table.add_row(s.id, s.name, s.region or "", "\n".join(s.lists), {True: "yes", "evidence": "evidence"}.get(s.verified, "no"))
    stdout_console().print(table)


@sources_app.command("check")
def sources_check(
    source_ids: Annotated[Optional[list[str]], typer.Argument(metavar="ID", help="Sources to check (default: all).", show_default=False)] = None,
    article: Annotated[Optional[str], typer.Option("--article", metavar="URL", help="Read this article page with the source's rules (one source).", show_default=False)] = None,
    sources_file: SourcesOption = None,
    user_agent: UserAgentOption = None,
    delay: DelayOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Fetch each source's first list page and an article; show what each rule matches.

    Per list page: what the links selector matched and holds, the article links found
    (and whether generic discovery had to find them), same-site links the article rule
    turned down. Per article: title, date and body, and whether each came from the
    source's selector, a meta tag or a generic fallback.
    """
    from minutes.scrapers.run import check

    catalog = _catalog(sources_file)
    sources = catalog.resolve(list(source_ids or []), everything=not source_ids)
    if article is not None and len(sources) != 1:
        fail("--article needs exactly one source id (whose rules read the page)")
    options = _options(user_agent=user_agent, delay=delay, retries=1)
    reports = [check(source, catalog, options, article=article) for source in sources]
    if format is Format.json:
        print_json(reports)
    else:
        for report in reports:
            _print_check(report)
    if not all(r["ok"] for r in reports):
        raise typer.Exit(1)


def _print_check(report: dict[str, Any]) -> None:
    out = stdout_console()

    def say(text: str) -> None:
        out.print(text, markup=False, highlight=False, soft_wrap=True)

    say(f"{report['name']} ({report['id']}): {'ok' if report['ok'] else 'PROBLEM'}")
    for entry in report["lists"]:
        if "error" in entry:
            say(f"  list {entry['url']}: {entry['error']}")
            continue
        say(f"  list {entry['url']}: {entry['links']} article links, next page {entry['next_page'] or '-'}")
        if hit := entry.get("selector"):
            say(f"    links {hit['selector']!r}: {hit['matches']} match(es)")
            for held in hit["holds"]:
                say(f"      holds: {held}")
        if entry["fallback"]:
            say(f"    found by generic discovery ({entry['fallback']}): fix the rule")
        for link in entry["sample"]:
            say(f"    {link['date'] or '????-??-??'}  {link['url']}  {link['text']}")
        if entry["rejected"]:
            say("    same-site links the article rule turned down:")
            for url in entry["rejected"]:
                say(f"      {url}")
    if article := report.get("article"):
        if "error" in article:
            say(f"  article {article['url']}: {article['error']}")
            return
        say(f"  article {article['url']}")
        for key, value in (("title", article["title"]), ("date", article["published"]), ("body", f"{article['chars']} chars: {article['start'][:40]}")):
            say(f"    {key}: {value}  (from {article['from'][key] or 'nowhere'})")
        for key, hit in article["selectors"].items():
            say(f"    {key} {hit['selector']!r}: {hit['matches']} match(es)")
            for held in hit["holds"]:
                say(f"      holds: {held[:80]}")
