"""The designation lists: `footprint lists update|import` to change them, `footprint screen`
to check one name against them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.common import iso_date, out, say_error
from footprint.export.terminal_text import add_row, plain
from footprint.settings import Settings

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


def screen(
    name: Annotated[str, typer.Argument(help="A person's or organisation's name.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Screen as of this date (YYYY-MM-DD).", callback=iso_date),
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
