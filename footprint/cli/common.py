"""What every command shares: the consoles, the --db and --json options, date parsing, the one
way a command fails, and opening the store.

A command prints for people with Rich on `out`, and with `--json` writes the same answer for
machines (`--json -` for standard output, when the Rich output moves to `err`). Bad input is one
red line on `err` and exit code 2.

Text from articles, list files and arguments is hostile: it is printed as plain `Text`
(`footprint/export/terminal_text.py`), never as markup. The consoles read no markup or emoji
codes in strings at all, so a string that slips through still prints as written; footprint's
own colours are styles on `Text`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console

from footprint.analysis.filters import OccasionFilter
from footprint.errors import FootprintError
from footprint.export.json_file import write_json
from footprint.export.terminal_text import line
from footprint.settings import Settings
from footprint.store import StoreView
from footprint.store import open_store as open_target

# Piped or redirected output is as wide as this whatever the terminal it was started from, so
# that what a script reads does not depend on a window's size (and dates are not cut to "…").
PIPED_WIDTH = 160


def _console(stderr: bool = False) -> Console:
    probe = Console(stderr=stderr)
    width = None if probe.is_terminal else PIPED_WIDTH
    return Console(stderr=stderr, markup=False, emoji=False, width=width)


out = _console()
err = _console(stderr=True)

# A string, not a typer Path: a Path would turn postgresql://host/db into postgresql:/host/db.
DbOption = Annotated[
    str | None,
    typer.Option(
        help="The store: a SQLite file or a postgresql:// URL "
        "(default: FOOTPRINT_DB or the user data dir)."
    ),
]
JsonOption = Annotated[
    str | None, typer.Option("--json", help="Write the answer as JSON to FILE, or '-' for stdout.")
]


# The filters every query command shares, with one meaning everywhere.
CountryOption = Annotated[
    str | None,
    typer.Option(help="Only events placed in this country: an ISO code (PK) or a name."),
]
TypeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--type", help="Only occasions of this event type (repeatable: --type rally --type march)."
    ),
]
RoleOption = Annotated[
    list[str] | None,
    typer.Option("--role", help="Only where someone (the actor, if one is given) had this role."),
]


def occasion_filter(
    country: str | None,
    since: str | None,
    until: str | None,
    event_type: list[str] | None = None,
    role: list[str] | None = None,
) -> OccasionFilter:
    """The occasion options of a command, each checked (a usage error names the bad one)."""
    return OccasionFilter(
        country_option(country),
        parse_date(since),
        parse_date(until),
        types_option(event_type),
        roles_option(role),
    )


def types_option(values: list[str] | None) -> frozenset[str] | None:
    """--type values checked against footprint's event types (docs/events.md)."""
    from footprint.extract.ontology import ONTOLOGY

    return _one_of(values, sorted(ONTOLOGY), "event type", "--type")


def roles_option(values: list[str] | None) -> frozenset[str] | None:
    """--role values checked against the participant roles."""
    from footprint.model import ROLES

    return _one_of(values, list(ROLES), "role", "--role")


def _one_of(
    values: list[str] | None, known: list[str], what: str, option: str
) -> frozenset[str] | None:
    if not values:
        return None
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise typer.BadParameter(
            f"unknown {what} {', '.join(unknown)}; use one of {', '.join(known)}",
            param_hint=option,
        )
    return frozenset(values)


SinceOption = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")]


def parse_date(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value as a date; anything else is a usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form") from None


def iso_date(value: str | None) -> str | None:
    """An option callback: the value checked as YYYY-MM-DD and passed on as a string."""
    date = parse_date(value)
    return None if date is None else date.isoformat()


def fail(exc: Exception) -> typer.Exit:
    """Print the error as one red line; the caller raises what this returns (exit code 2)."""
    say_error(exc)
    return typer.Exit(2)


def say_error(*what: object) -> None:
    """One red `error` line on stderr: `say_error(path, ": ", reason)`; the text is shown as
    written, on one line."""
    err.print(line(("error", "red"), " ", *what), soft_wrap=True)


def country_option(value: str | None) -> str | None:
    """The ISO-2 code of a `--country` given as a code or a name; an unknown or ambiguous
    country is one error line and exit 2."""
    from footprint.place.countries import country_code

    try:
        return country_code(value) if value else None
    except FootprintError as exc:
        raise fail(exc) from None


def warn_if_unresolved(store: StoreView) -> None:
    """Say so when documents were stored after the last resolution (an ingest stopped before or
    during it): the answer then joins actors and occasions as they were before those documents."""
    if store.needs_resolution():
        err.print(
            line(
                ("note", "yellow"),
                " ",
                store.name,
                ": documents were stored after the corpus was last resolved, so actors and "
                "occasions may not be joined across them yet; run `footprint ingest` again "
                "(it resolves even when nothing is new)",
            ),
            soft_wrap=True,
        )


def open_store(db: str | None, *, create: bool) -> tuple[Settings, StoreView]:
    """The settings with --db applied, and the store they name. Only the commands that write
    documents (analyze, ingest) create a store; a query on a missing file is an error."""
    settings = Settings.from_env().with_db(db)
    try:
        return settings, open_target(settings.db, create=create)
    except FootprintError as exc:
        raise fail(exc) from None


def query(db: str | None, ask: Callable[[StoreView], dict[str, Any]]) -> dict[str, Any]:
    """Open an existing store, answer, close it; a FootprintError becomes one red line and
    exit 2."""
    _, store = open_store(db, create=False)
    try:
        warn_if_unresolved(store)
        return ask(store)
    except FootprintError as exc:
        raise fail(exc) from None
    finally:
        store.close()


def emit(answer: dict[str, Any], json_out: str | None, renderables: list[Any]) -> None:
    """Rich output to stdout (stderr when JSON goes to stdout), JSON where asked."""
    screen = err if json_out == "-" else out
    for r in renderables:
        screen.print(r)
    if json_out:
        write_json(answer, json_out)
