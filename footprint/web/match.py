"""Batch screening over HTTP, shaped as yente's `/match` is: a body of named queries, each an
entity with a schema and properties (`name`, `birthDate`, `nationality`, `country`), and an
answer per query with its candidates, scores and explanations.

The screening itself is `footprint/designations/batch.py` (the matcher's score with type and
countries, the birth year weighed against the listing's remarks). A query may also give the
flat fields of `footprint screen --file` (`name`, `type`, `birth_date`, `nationality`,
`country`) instead of FollowTheMoney properties.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from footprint.designations.batch import Query, screen_query
from footprint.settings import Settings

MAX_QUERIES = 1000
# FollowTheMoney schemata a yente client sends, and footprint's entity types.
SCHEMA_TYPES: dict[str, str | None] = {
    "Person": "person",
    "Organization": "organization",
    "Company": "organization",
    "PublicBody": "organization",
    "LegalEntity": None,
    "Thing": None,
}
BIRTH = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class MatchQuery(BaseModel):
    """One entity to screen: FollowTheMoney style (`schema`, `properties`) or flat fields."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str | None = Field(
        None, alias="schema", description="Person, Organization, Company, PublicBody, LegalEntity"
    )
    properties: dict[str, list[str]] | None = Field(
        None, description="name (first is screened), birthDate, nationality, country"
    )
    name: str | None = Field(None, max_length=300)
    type: str | None = Field(None, description="person or organization")
    birth_date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    nationality: str | None = Field(None, max_length=100)
    country: str | None = Field(None, max_length=100)

    @model_validator(mode="after")
    def _readable(self) -> MatchQuery:
        if self.schema_ is not None and self.schema_ not in SCHEMA_TYPES:
            raise ValueError(
                f"schema {self.schema_!r} is not one of {', '.join(SCHEMA_TYPES)}"
            )
        if self.type is not None and self.type.lower() not in ("person", "organization",
                                                                 "organisation"):
            raise ValueError(f"type {self.type!r} is neither person nor organization")
        if not (self.first("name", self.name) or "").strip():
            raise ValueError("no name: give properties.name or name")
        birth = self.first("birthDate", self.birth_date)
        if birth is not None and not BIRTH.fullmatch(birth.strip()):
            raise ValueError(f"birth date {birth!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return self

    def first(self, prop: str, flat: str | None) -> str | None:
        values = (self.properties or {}).get(prop) or []
        return values[0] if values else flat

    def as_query(self, key: str) -> Query:
        kind = self.type.lower() if self.type else SCHEMA_TYPES.get(self.schema_ or "")
        birth = self.first("birthDate", self.birth_date)
        return Query(
            line=0,
            name=" ".join(str(self.first("name", self.name)).split())[:300],
            type="organization" if kind == "organisation" else kind,
            birth_date=birth.strip() if birth else None,
            nationality=self.first("nationality", self.nationality),
            country=self.first("country", self.country),
        )


class MatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    queries: dict[str, MatchQuery] = Field(
        ..., description=f"Query key -> entity to screen (at most {MAX_QUERIES})"
    )

    @field_validator("queries")
    @classmethod
    def _bounded(cls, queries: dict[str, MatchQuery]) -> dict[str, MatchQuery]:
        if not queries:
            raise ValueError("give at least one query")
        if len(queries) > MAX_QUERIES:
            raise ValueError(f"at most {MAX_QUERIES} per request, not {len(queries)}")
        return queries


class Screening:
    """The screener, loaded on first use (the lists take a moment to index) and used by one
    request at a time (its caches are not made for threads)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._screener: Any = None
        self._lock = threading.Lock()

    def match(self, request: MatchRequest, threshold: float, limit: int) -> dict[str, Any]:
        from footprint.designations.matching import Screener
        from footprint.designations.userlists import current_listings

        with self._lock:
            if self._screener is None:
                self._screener = Screener(current_listings(self.settings.lists_dir))
            responses = {}
            for key, q in request.queries.items():
                answer = screen_query(self._screener, q.as_query(key), threshold, limit)
                results = [_result(c) for c in answer["candidates"]]
                query = {k: v for k, v in answer["query"].items() if k != "line"}
                responses[key] = {
                    "status": 200,
                    "query": query,
                    "results": results,
                    "total": {"value": len(results)},
                }
        return {"responses": responses, "threshold": threshold, "limit": limit}


def _result(candidate: dict[str, Any]) -> dict[str, Any]:
    """A candidate in yente's terms (id, caption, schema, score, match) with footprint's own
    fields beside them (list, program, listed_on, explanation)."""
    schema = "Person" if candidate["type"] == "person" else "Organization"
    return {
        "id": candidate["listing_id"],
        "caption": candidate["listed_name"],
        "schema": schema,
        "score": candidate["score"],
        "match": candidate["asserted"],
        "matched_name": candidate["matched_name"],
        "list": candidate["list"],
        "program": candidate["program"],
        "listed_on": candidate["listed_on"],
        "explanation": candidate["explanation"],
    }
