"""`footprint brief`: a self-contained HTML or Markdown report built from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.common import (
    CountryOption,
    DbOption,
    SinceOption,
    UntilOption,
    country_option,
    err,
    fail,
    out,
    parse_date,
    query,
)
from footprint.errors import FootprintError
from footprint.export.terminal_text import plain


def brief(
    actor: Annotated[
        str | None, typer.Argument(help="The actor the brief is about (default: the whole store).")
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write it: FILE.html or FILE.md.")
    ] = Path("brief.html"),
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """A report that opens offline: summary, timeline, map, network, itinerary, designations."""
    from footprint.export.brief import build_brief, check_target, write_brief

    start, end = parse_date(since), parse_date(until)
    country = country_option(country)
    try:
        check_target(output)
    except FootprintError as exc:
        raise fail(exc) from None
    data = query(
        db, lambda store: build_brief(store, actor, country=country, since=start, until=end)
    )
    try:
        written = write_brief(data, output)
    except FootprintError as exc:
        raise fail(exc) from None
    who = data["actor"]["name"] if data["actor"] else "the whole store"
    out.print(
        plain(
            f"Brief on {who}: {len(data['itinerary'])} event(s), {len(data['places'])} "
            f"place(s), {len(data['designations'])} designation(s)."
        )
    )
    for path in written:
        out.print(plain(f"wrote {path}"), soft_wrap=True)
    if not data["itinerary"]:
        err.print("No events match: the brief has no itinerary.", highlight=False)
