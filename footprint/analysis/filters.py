"""Which occasions a question is about: one filter, read the same way by every command that
takes --country, --since, --until, --type and --role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from footprint.store import StoreView


@dataclass(frozen=True)
class OccasionFilter:
    """Which occasions make co-appearance ties: placed in `country` (ISO-2), overlapping
    [since, until], of one of `types`; and which participations count: those in one of
    `roles`. Relations (affiliation ties) are not tied to an occasion and are not filtered."""

    country: str | None = None
    since: date | None = None
    until: date | None = None
    types: frozenset[str] | None = None
    roles: frozenset[str] | None = None

    def occasions(self, store: StoreView) -> set[str] | None:
        """The occasions that pass (None: all of them)."""
        if not (self.country or self.since or self.until or self.types):
            return None
        reports = store.occasion_reports(None, self.country, self.since, self.until)
        return {
            cluster
            for cluster, reps in reports.items()
            if not self.types or any(r.type in self.types for r in reps)
        }

    @property
    def active(self) -> bool:
        """Whether the filter leaves anything out."""
        return bool(self.country or self.since or self.until or self.types or self.roles)

    def to_json(self) -> dict[str, Any]:
        """The filter as every answer reports it (`filters`)."""
        return {
            "country": self.country,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "types": sorted(self.types) if self.types else None,
            "roles": sorted(self.roles) if self.roles else None,
        }
