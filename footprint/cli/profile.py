"""`footprint profile`: one actor's footprint, read from the store."""

from __future__ import annotations

from typing import Annotated

import typer

from footprint.cli.common import (
    CountryOption,
    DbOption,
    JsonOption,
    SinceOption,
    UntilOption,
    emit,
    parse_date,
    query,
)


def profile(
    actor: Annotated[str, typer.Argument(help="The actor's name (any stored spelling) or id.")],
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    direct: Annotated[
        bool,
        typer.Option(
            "--direct",
            help="Only the actor's own occasions, not those of the people tied to it "
            "(its representatives, leaders, members) or of its claimed fronts.",
        ),
    ] = False,
    db: DbOption = None,
    json_out: JsonOption = None,
) -> None:
    """An actor's footprint: itinerary, places, partners, roles, hosts, change over time.

    An organisation's itinerary includes the occasions of the people the texts tie to it, while
    the tie held, each with the person and the sentence that ties them; its claimed fronts'
    occasions are listed apart."""
    from footprint.analysis.profile import profile as build_profile
    from footprint.export.terminal_profile import render_profile

    start, end = parse_date(since), parse_date(until)
    answer = query(
        db,
        lambda store: build_profile(
            store, actor, country=country, since=start, until=end, direct=direct
        ),
    )
    emit(answer, json_out, render_profile(answer))
