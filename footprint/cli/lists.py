"""The designation lists: `footprint lists update|import|remove` to change them, `lists list`
to see them, `footprint screen` to check one name or a file of names against them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from footprint.cli.common import JsonOption, emit, err, iso_date, out, say_error
from footprint.export.terminal_text import add_row, plain
from footprint.settings import Settings

if TYPE_CHECKING:
    from footprint.designations.matching import Screener

lists_app = typer.Typer(help="Designation lists: rebuild from official files, add watchlists.")


@lists_app.command("update")
def lists_update(
    files: Annotated[list[Path], typer.Argument(help="Official list files (OFAC, UN, EU, ...).")],
) -> None:
    """Rebuild the designation dataset from newer official files you downloaded."""
    from footprint.designations.userlists import update

    try:
        target, count = update(files, Settings.from_env().lists_dir)
    except (ValueError, OSError) as exc:
        say_error(exc)
        raise typer.Exit(1) from None
    out.print(plain(f"{count} listings written to {target}; they replace the packaged dataset."))


@lists_app.command("import")
def lists_import(
    path: Annotated[
        Path, typer.Argument(help="FtM/OpenSanctions .json/.ftm.json, or your CSV/YAML.")
    ],
) -> None:
    """Add a watchlist: OpenSanctions/FollowTheMoney entities (only those the file marks as
    sanctioned or listed), or your own CSV/YAML (refused, with the lines at fault, if any row
    is bad)."""
    from footprint.designations.userlists import import_list

    try:
        done = import_list(path, Settings.from_env().lists_dir)
    except (ValueError, OSError) as exc:
        say_error(exc)
        raise typer.Exit(1) from None
    out.print(plain(f"{done.count} entries from {path} stored as {done.target}."), soft_wrap=True)
    if done.unlisted:
        out.print(
            plain(
                f"{done.unlisted} people and organisations in it were left out: the file does "
                "not mark them as sanctioned or listed."
            ),
            soft_wrap=True,
        )


@lists_app.command("list")
def lists_list(json_out: JsonOption = None) -> None:
    """The lists in use: the dataset (packaged or rebuilt) and every imported watchlist, with
    their files and entry counts."""
    from rich.table import Table

    from footprint.designations.userlists import loaded_lists

    loaded = loaded_lists(Settings.from_env().lists_dir)
    table = Table(title="Designation lists in use", title_justify="left")
    for col in ("name", "kind", "entries", "lists inside", "file"):
        table.add_column(col, overflow="fold")
    for lst in loaded:
        inside = "; ".join(f"{name} ({n})" for name, n in lst.lists)
        add_row(table, lst.name, lst.kind, str(lst.entries), inside, str(lst.path))
    answer = {
        "lists": [
            {
                "name": lst.name,
                "kind": lst.kind,
                "path": str(lst.path),
                "entries": lst.entries,
                "lists": [{"list": name, "entries": n} for name, n in lst.lists],
            }
            for lst in loaded
        ]
    }
    emit(answer, json_out, [table])


@lists_app.command("remove")
def lists_remove(
    name: Annotated[
        str, typer.Argument(help="An imported list's name, or 'rebuilt' (see `lists list`).")
    ],
) -> None:
    """Take an imported watchlist (or the rebuilt dataset) out of use."""
    from footprint.designations.userlists import remove_list

    try:
        removed = remove_list(name, Settings.from_env().lists_dir)
    except (ValueError, OSError) as exc:
        say_error(exc)
        raise typer.Exit(1) from None
    out.print(plain(f"Removed {removed}."), soft_wrap=True)


def screen(
    name: Annotated[
        str | None, typer.Argument(help="A person's or organisation's name (or use --file).")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Screen as of this date (YYYY-MM-DD).", callback=iso_date),
    ] = None,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="person or organization, if known.")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="Screen every name of a .csv (a 'name' column; optional type, birth_date, "
            "nationality, country) or .jsonl file (the same keys).",
        ),
    ] = None,
    threshold: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="With --file: the lowest score shown."),
    ] = 0.5,
    json_out: JsonOption = None,
) -> None:
    """Screen one name, or a file of names, against the designation lists (scores, reasons)."""
    from rich.table import Table

    from footprint.designations.matching import Context, Screener
    from footprint.designations.userlists import current_listings

    if (name is None) == (file is None):
        say_error(ValueError("give a name or --file, not both"))
        raise typer.Exit(2)
    when = dt.date.fromisoformat(as_of) if as_of else None
    screener = Screener(current_listings(Settings.from_env().lists_dir))
    if file is not None:
        _screen_file(screener, file, threshold, json_out)
        return
    assert name is not None
    matches = screener.screen(name, context=Context(entity_type=entity_type), as_of=when)
    if not matches:
        out.print(plain(f"No listing resembles “{name}”."))
        return
    table = Table(
        title=plain(f"Screening “{name}”" + (f" as of {as_of}" if as_of else "")),
        title_justify="left",
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
        add_row(
            table,
            verdict,
            m.listing.name,
            m.matched_name,
            f"{m.listing.list} ({m.listing.program})",
            listed_on,
            f"{m.score:.2f}",
            m.explanation,
        )
    out.print(table)


def _screen_file(screener: Screener, path: Path, threshold: float, json_out: str | None) -> None:
    """Every query of the file screened: one result per name (JSON with --json), a bad row is
    one error line naming it, and the rest go on; exit code 1 when any row was bad."""
    from rich.table import Table

    from footprint.designations.batch import QueryError, read_queries, screen_query

    results, bad = [], 0
    table = Table(title=plain(f"Screening {path}"), title_justify="left")
    for col in ("line", "name", "best candidate", "list", "listed on", "score", "why"):
        table.add_column(col, overflow="fold")
    try:
        for q in read_queries(path):
            if isinstance(q, QueryError):
                bad += 1
                err.print(plain(f"error {path}:{q.line}: {q.reason}", "red"), soft_wrap=True)
                continue
            result = screen_query(screener, q, threshold)
            results.append(result)
            best = result["candidates"][0] if result["candidates"] else None
            if best is None:
                add_row(table, str(q.line), q.name, "—", "", "", "", "no listing resembles it")
            else:
                verdict = "" if best["asserted"] else " (possible, not asserted)"
                add_row(
                    table,
                    str(q.line),
                    q.name,
                    best["listed_name"] + verdict,
                    best["list"],
                    best["listed_on"] or "—",
                    f"{best['score']:.2f}",
                    best["explanation"],
                )
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        say_error(exc)
        raise typer.Exit(1) from None
    emit({"file": str(path), "threshold": threshold, "results": results}, json_out, [table])
    if bad:
        raise typer.Exit(1)
