"""`footprint brief`: a self-contained HTML or Markdown report built from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.common import (
    CountryOption,
    DbOption,
    RoleOption,
    SinceOption,
    TypeOption,
    UntilOption,
    err,
    fail,
    occasion_filter,
    out,
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
    event_type: TypeOption = None,
    role: RoleOption = None,
    db: DbOption = None,
) -> None:
    """A report that opens offline: summary, timeline, map, network, itinerary, designations.
    --country, --since, --until, --type and --role choose the occasions as for `timeline`."""
    from footprint.export.brief import build_brief, check_target, write_brief

    f = occasion_filter(country, since, until, event_type, role)
    try:
        check_target(output)
    except FootprintError as exc:
        raise fail(exc) from None
    data = query(
        db,
        lambda store: build_brief(
            store,
            actor,
            country=f.country,
            since=f.since,
            until=f.until,
            types=f.types,
            roles=f.roles,
        ),
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
