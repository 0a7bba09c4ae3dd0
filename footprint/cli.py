"""Command line: analyze, screen, lists, eval here; the corpus commands in `cli_corpus.py`."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from footprint import __version__
from footprint.analysis import dossier as dossier_mod
from footprint.errors import FootprintError
from footprint.export.json_file import write_json
from footprint.export.terminal import render
from footprint.model import Rejected
from footprint.pipeline.analyze import analyze as run_analysis
from footprint.settings import Settings
from footprint.store import SQLiteStore

app = typer.Typer(
    help="footprint: who appeared where, when, with whom — and who says so.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form") from None


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)


@app.command()
def version() -> None:
    """Print footprint's version."""
    out.print(__version__)


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help=".txt, .html, .jsonl files or folders.")],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) for inputs that carry none.", callback=_iso_date
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(help="SQLite database file (default: FOOTPRINT_DB or the user data dir)."),
    ] = None,
    json_out: Annotated[
        str | None,
        typer.Option("--json", help="Write the dossier as JSON to FILE, or '-' for stdout."),
    ] = None,
) -> None:
    """Analyze documents: store actors, roles and affiliations with evidence; print the dossier."""
    settings = Settings.from_env().with_db(db)
    # With --json -, stdout carries only JSON: the dossier goes to stderr.
    screen = err if json_out == "-" else out

    def on_rejected(item: Rejected) -> None:
        err.print(f"[red]error[/red] {item.source}: {item.reason}", highlight=False, soft_wrap=True)

    try:
        store = SQLiteStore(settings.db_path)
        try:
            report = run_analysis(
                paths, settings, store, published=published, on_rejected=on_rejected
            )
            result = dossier_mod.build(store, report.document_ids, rejected=report.rejected)
        finally:
            store.close()
    except FootprintError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None

    for renderable in render(result):
        screen.print(renderable)
    if json_out:
        write_json(result, json_out)
    n_ok, n_bad = len(report.document_ids), len(report.rejected)
    screen.print(
        f"\n{n_ok} document(s) analyzed, {n_bad} rejected. Database: {settings.db_path}"
        + (f"  JSON: {json_out}" if json_out and json_out != "-" else ""),
        highlight=False,
        soft_wrap=True,
    )
    if n_ok == 0:
        raise typer.Exit(1)


lists_app = typer.Typer(help="Designation lists: rebuild from official files, add watchlists.")
app.add_typer(lists_app, name="lists")


@lists_app.command("update")
def lists_update(
    files: Annotated[list[Path], typer.Argument(help="Official list files (OFAC, UN, EU, ...).")],
) -> None:
    """Rebuild the designation dataset from newer official files you downloaded."""
    from footprint.designations.userlists import update

    try:
        target, count = update(files, Settings.from_env().lists_dir)
    except (ValueError, OSError) as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    out.print(
        f"{count} listings written to {target}; they replace the packaged dataset.", highlight=False
    )


@lists_app.command("import")
def lists_import(
    path: Annotated[
        Path, typer.Argument(help="FtM/OpenSanctions .json/.ftm.json, or your CSV/YAML.")
    ],
) -> None:
    """Add a watchlist (OpenSanctions/FollowTheMoney entities, or your own CSV/YAML)."""
    from footprint.designations.userlists import import_list

    try:
        target, count = import_list(path, Settings.from_env().lists_dir)
    except (ValueError, OSError) as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    out.print(f"{count} entries from {path} stored as {target}.", highlight=False)


@app.command()
def screen(
    name: Annotated[str, typer.Argument(help="A person's or organisation's name.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Screen as of this date (YYYY-MM-DD).", callback=_iso_date),
    ] = None,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="person or organization, if known.")
    ] = None,
) -> None:
    """Screen one name against the designation lists, with scores and reasons."""
    from rich.table import Table

    from footprint.designations.matching import Context, Screener
    from footprint.designations.userlists import current_listings

    when = dt.date.fromisoformat(as_of) if as_of else None
    screener = Screener(current_listings(Settings.from_env().lists_dir))
    matches = screener.screen(name, context=Context(entity_type=entity_type), as_of=when)
    if not matches:
        out.print(f"No listing resembles “{name}”.", highlight=False)
        return
    table = Table(
        title=f"Screening “{name}”" + (f" as of {as_of}" if as_of else ""), title_justify="left"
    )
    for col in ("verdict", "listed name", "matched", "list", "listed on", "score", "why"):
        table.add_column(col, overflow="fold")
    for m in matches:
        verdict = (
            ("LISTED" if m.alias is None or m.alias.quality == "primary" else "LISTED (alias)")
            if m.asserted
            else "possible match — not asserted"
        )
        listed_on = m.listing.listed_on.isoformat() if m.listing.listed_on else "—"
        table.add_row(
            verdict,
            m.listing.name,
            m.matched_name,
            f"{m.listing.list} ({m.listing.program})",
            listed_on,
            f"{m.score:.2f}",
            m.explanation,
        )
    out.print(table)


@app.command("eval")
def evaluate(
    suites: Annotated[
        list[str] | None,
        typer.Argument(help="Suites to run: geo, time, 5w1h, sample, acled, gtd, or all."),
    ] = None,
    shared: Annotated[
        Path | None,
        typer.Option(
            help="Folder holding data/ and samples/ (default: FOOTPRINT_SHARED or ../shared)."
        ),
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List misses and false hits.")] = False,
    results_file: Annotated[
        Path | None, typer.Option("--out", help="Write machine-readable results (JSON) here.")
    ] = None,
    check: Annotated[
        Path | None, typer.Option(help="Fail when a score drops below this baseline's floors.")
    ] = None,
) -> None:
    """Score the engine on gold data; print per-field tables beside the published anchors."""
    from footprint.evaluation import SUITES, check_floors, run_suites
    from footprint.evaluation.runner import load_baseline
    from footprint.export.terminal import render_eval

    wanted = list(SUITES) if not suites or suites == ["all"] else suites
    unknown = [s for s in wanted if s not in SUITES]
    if unknown:
        raise typer.BadParameter(
            f"unknown suite(s) {', '.join(unknown)}; choose from {', '.join(SUITES)}"
        )
    settings = Settings.from_env()
    root = shared or settings.shared_dir
    results = run_suites(wanted, settings, root / "data", root / "samples")
    for renderable in render_eval(results, show_errors=errors):
        out.print(renderable)
    if results_file is not None:
        write_json({"results": [r.to_json() for r in results]}, str(results_file))
        out.print(f"Results: {results_file}", highlight=False, soft_wrap=True)
    if check is not None:
        failures = check_floors(results, load_baseline(check))
        for line in failures:
            err.print(f"[red]below floor[/red] {line}", highlight=False, soft_wrap=True)
        if failures:
            raise typer.Exit(1)
        out.print(f"All scores at or above the floors in {check}.", highlight=False)


from footprint import cli_corpus  # noqa: E402  (registers on `app`, defined above)

cli_corpus.register(app)
from footprint import cli_graph  # noqa: E402

cli_graph.register(app)
from footprint import cli_export  # noqa: E402

cli_export.register(app)

from footprint import cli_brief  # noqa: E402

cli_brief.register(app)

if __name__ == "__main__":
    app()
