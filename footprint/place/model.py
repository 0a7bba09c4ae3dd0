"""The record a toponym resolves to: a point with the gazetteer's name, country and first-level
region, and how precise the point is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

# "district": the text names a district (or a place inside one the gazetteer does not know) and
# the point is the district's seat, the closest the gazetteer comes.
Precision = Literal["city", "district", "region", "country", "venue"]
PRECISIONS: tuple[Precision, ...] = ("city", "district", "region", "country", "venue")


@dataclass(frozen=True)
class Place:
    """A resolved place. `gazetteer_id` is "geonames:<id>" for GeoNames entries and
    "footprint:<kind>:<key>" for regions footprint derived or curated itself."""

    name: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # first-level region name
    lat: float | None
    lon: float | None
    gazetteer_id: str
    precision: Precision

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "gazetteer_id": self.gazetteer_id,
            "precision": self.precision,
        }

    def as_district(self) -> Place:
        """This town's point standing for the district named after it."""
        return replace(self, precision="district")

    def as_region(self) -> Place:
        """This town's point standing for the region named after it, where the gazetteer
        knows the town but not the region ("X region" whose seat is the town X)."""
        return replace(self, precision="region")

    def as_venue(self) -> Place:
        """This place standing for a venue inside it: a venue is placed at its city's point."""
        return replace(self, precision="venue")
