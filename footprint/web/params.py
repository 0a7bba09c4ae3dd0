"""Query parameters every reading endpoint and page shares, read the way the command line reads
its options (`footprint/cli/common.py`): dates as YYYY-MM-DD, a country as an ISO code or a
name, event types from `docs/events.md`, roles from the participant roles.

Parameters arrive as text and are checked here rather than by FastAPI's own types, so that an
empty form field (a filter left blank on a page) means "no filter", and every bad value is a 422
that names its field and says what would be accepted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from footprint.analysis.filters import OccasionFilter
from footprint.errors import FootprintError
from footprint.web.errors import bad_parameter

SinceQuery = Annotated[
    str | None, Query(description="Only occasions on or after this date (YYYY-MM-DD).")
]
UntilQuery = Annotated[
    str | None, Query(description="Only occasions on or before this date (YYYY-MM-DD).")
]
CountryQuery = Annotated[
    str | None,
    Query(description="Only occasions placed in this country: an ISO code (PK) or a name."),
]
TypeQuery = Annotated[
    list[str] | None,
    Query(alias="type", description="Only occasions of this event type (repeatable)."),
]
RoleQuery = Annotated[
    list[str] | None,
    Query(description="Only where someone (the actor, on an actor's page) had this role."),
]


def blank(value: str | None) -> str | None:
    """None for a missing or blank value; the value without surrounding spaces otherwise."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_date(field: str, value: str | None) -> dt.date | None:
    value = blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad_parameter(field, f"{value!r} is not a date in YYYY-MM-DD form") from None


def parse_country(value: str | None, field: str = "country") -> str | None:
    from footprint.place.countries import country_code

    value = blank(value)
    if value is None:
        return None
    try:
        return country_code(value)
    except FootprintError as exc:
        raise bad_parameter(field, str(exc)) from None


def _one_of(field: str, values: list[str] | None, known: list[str], what: str) -> frozenset[str]:
    given = {v for v in (blank(v) for v in values or []) if v}
    unknown = sorted(given - set(known))
    if unknown:
        raise bad_parameter(
            field, f"unknown {what} {', '.join(map(repr, unknown))}; use one of {', '.join(known)}"
        )
    return frozenset(given)


def event_types() -> list[str]:
    from footprint.extract.ontology import ONTOLOGY

    return sorted(ONTOLOGY)


def roles() -> list[str]:
    from footprint.model import ROLES

    return list(ROLES)


@dataclass(frozen=True)
class Filters:
    """The occasion filters of one request, checked, with the text they were given as (for
    putting back into a page's form and links)."""

    only: OccasionFilter
    given: dict[str, str | list[str]]

    @property
    def active(self) -> bool:
        return bool(self.given)

    def query_pairs(self) -> list[tuple[str, str]]:
        """The filters as query-string pairs, for links that keep them."""
        pairs: list[tuple[str, str]] = []
        for key, value in self.given.items():
            for v in value if isinstance(value, list) else [value]:
                pairs.append((key, v))
        return pairs


def filters(
    since: SinceQuery = None,
    until: UntilQuery = None,
    country: CountryQuery = None,
    event_type: TypeQuery = None,
    role: RoleQuery = None,
) -> Filters:
    """The checked filters (a FastAPI dependency)."""
    start, end = parse_date("since", since), parse_date("until", until)
    if start and end and start > end:
        raise bad_parameter("until", f"{end.isoformat()} is before since ({start.isoformat()})")
    code = parse_country(country)
    types = _one_of("type", event_type, event_types(), "event type")
    wanted_roles = _one_of("role", role, roles(), "role")
    given: dict[str, str | list[str]] = {}
    for key, value in (("since", start), ("until", end)):
        if value is not None:
            given[key] = value.isoformat()
    if code:
        given["country"] = code
    if types:
        given["type"] = sorted(types)
    if wanted_roles:
        given["role"] = sorted(wanted_roles)
    only = OccasionFilter(code, start, end, types or None, wanted_roles or None)
    return Filters(only, given)
