"""Many names screened in one run, as analysts screen a customer or a contact list (the way
yente's `/match` takes a batch of queries): each query a name with what else is known about it
-- type, birth date, nationality, country -- and each answer the candidates with their scores,
reasons, list and listing date.

The type and the countries go into the matcher's own score (`matching.Context`). A birth date is
compared with the dates of birth a listing's remarks give ("DOB 12 Jan 1961", "born 1961"): the
same year adds a little to the score, another year takes a lot off and stops the match being
asserted. Queries come from a CSV with a `name` column (and optional `type`, `birth_date`,
`nationality`, `country`) or from JSON lines with those keys; a bad row is an error naming its
line, and the other rows are screened.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footprint.designations.matching import Context, Match, Screener

BIRTH_AGREES = 0.05
BIRTH_DIFFERS = -0.25
TYPES = {"person", "organization", "organisation"}
# A year of birth in a listing's remarks: "DOB 12 Jan 1961", "born in 1961", "b. 1961".
BIRTH_YEAR = re.compile(
    r"\b(?:DOB|date of birth|born(?: in| on)?|b\.)[:\s]*[^;]{0,20}?\b(1[89]\d\d|20\d\d)\b", re.I
)


@dataclass(frozen=True)
class Query:
    line: int  # where it was read (1-based; the header is line 1 of a CSV)
    name: str
    type: str | None = None
    birth_date: str | None = None
    nationality: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class QueryError:
    line: int
    reason: str


def read_queries(path: Path) -> Iterator[Query | QueryError]:
    """The queries of a .csv or .jsonl file, in order; a bad row is a `QueryError`."""
    if path.suffix.lower() == ".csv":
        yield from _csv_queries(path)
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _jsonl_queries(path)
    else:
        raise ValueError(f"{path}: screen --file reads .csv or .jsonl")


def _csv_queries(path: Path) -> Iterator[Query | QueryError]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or "name" not in [c.strip() for c in reader.fieldnames]:
            raise ValueError(f"{path}: the CSV needs a 'name' column")
        for number, row in enumerate(reader, start=2):
            yield _query(number, {k.strip(): v for k, v in row.items() if k is not None})


def _jsonl_queries(path: Path) -> Iterator[Query | QueryError]:
    with path.open(encoding="utf-8") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                yield QueryError(number, f"invalid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict):
                yield QueryError(number, "not a JSON object")
                continue
            yield _query(number, record)


def _query(line: int, row: dict[str, Any]) -> Query | QueryError:
    def field(key: str) -> str | None:
        value = row.get(key)
        return str(value).strip() or None if value is not None else None

    name = field("name")
    if not name:
        return QueryError(line, "no name")
    kind = (field("type") or "").lower() or None
    if kind is not None and kind not in TYPES:
        return QueryError(line, f"type {kind!r} is neither person nor organization")
    birth = field("birth_date")
    if birth is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", birth):
        return QueryError(line, f"birth_date {birth!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return Query(
        line,
        name,
        "organization" if kind == "organisation" else kind,
        birth,
        field("nationality"),
        field("country"),
    )


def listed_birth_years(remarks: str | None) -> set[str]:
    return set(BIRTH_YEAR.findall(remarks or ""))


def _with_birth(match: Match, birth_date: str | None) -> Match:
    """The match with the birth date weighed in (only where the listing gives a year)."""
    years = listed_birth_years(match.listing.remarks)
    if not birth_date or not years:
        return match
    if birth_date[:4] in years:
        # Agreement raises the score, never the verdict: whether a match is asserted is the
        # matcher's call (its threshold, the listing's dates, its caps), not this layer's.
        score, note = min(1.0, match.score + BIRTH_AGREES), f"birth year agrees: {birth_date[:4]}"
        return dataclasses.replace(match, score=score, explanation=f"{match.explanation}; {note}")
    note = f"birth year differs: {birth_date[:4]} vs listed {', '.join(sorted(years))}"
    return dataclasses.replace(
        match,
        score=max(0.0, match.score + BIRTH_DIFFERS),
        asserted=False,
        explanation=f"{match.explanation}; {note} — not asserted",
    )


def screen_query(
    screener: Screener, query: Query, threshold: float, limit: int = 5
) -> dict[str, Any]:
    """One query's answer: the query as read and its candidates at or above `threshold`."""
    countries = tuple(c for c in (query.nationality, query.country) if c)
    context = Context(entity_type=query.type, countries=countries)
    matches = [
        _with_birth(m, query.birth_date)
        for m in screener.screen(query.name, context=context, limit=limit)
    ]
    matches = sorted((m for m in matches if m.score >= threshold), key=lambda m: -m.score)
    return {
        "query": {k: v for k, v in dataclasses.asdict(query).items() if v is not None},
        "candidates": [_candidate(m) for m in matches],
    }


def _candidate(m: Match) -> dict[str, Any]:
    return {
        "listing_id": m.listing.id,
        "listed_name": m.listing.name,
        "matched_name": m.matched_name,
        "type": m.listing.entity_type,
        "list": m.listing.list,
        "program": m.listing.program,
        "listed_on": m.listing.listed_on.isoformat() if m.listing.listed_on else None,
        "score": round(m.score, 3),
        "asserted": m.asserted,
        "explanation": m.explanation,
    }
