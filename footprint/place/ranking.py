"""How likely each candidate place is, as a score in powers of ten.

A candidate's score adds up:
- its size: log10 of its population (a region's is the sum of its cities'), so a city ten times
  bigger scores one more;
- what it is: countries, curated regions, continents and first-level regions before towns of the
  same name; a national capital before a same-named town;
- how it was named: a place's own name before one of its alternate names (GeoNames lists
  "Islamabad" among Chattogram's old names: the capital keeps it);
- the document (`context_score`, fed by the geocoder): the share of the document's other
  toponyms that lie in its country, in its first-level region, and close to it ("Hyderabad"
  beside "Sindh" is the Pakistani city).
A region whose big city bears its very name yields to that city ("Kabul", "Tehran" are the
cities; a city must hold a tenth of the region's people); regions named in footprint's own
tables are exempt ("Gaza" is the Strip).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footprint.place.distance import haversine_km
from footprint.place.index import (
    ADMIN1,
    ADMIN2,
    AREA,
    CITY,
    CONTINENT,
    COUNTRY,
    CURATED,
    REGION_KINDS,
    SMALL_KINDS,
    PlaceIndex,
)
from footprint.place.names import name_key, strip_words

if TYPE_CHECKING:
    from footprint.place.gazetteer import Lookup


@dataclass(frozen=True)
class Weights:
    """Score terms, in powers of ten. The name, kind and size terms were set by reasoning about
    examples; the three document-context weights were then chosen among round values by
    measuring on GeoWebNews and LGL (see footprint/evaluation/geo.py)."""

    min_population: float = 200.0  # places with no (or tiny) population count as this
    curated_min_population: float = 1e5  # seas have no people but are well known
    kind_bonus: tuple[tuple[str, float], ...] = (
        (COUNTRY, 1.5),
        (CURATED, 2.0),
        (CONTINENT, 1.0),
        (ADMIN1, 0.5),
        (ADMIN2, 0.0),
        (AREA, 0.0),
        (CITY, 0.0),
    )
    capital: float = 1.5
    alternate: float = 1.3  # a match on another name is worth a place 20x smaller
    hint_mismatch: float = 3.0  # "Quebec City" asked for a city, "Oaxaca State" for a region
    same_name_city: float = 3.0  # a region giving way to its namesake city
    same_name_share: float = 0.1  # ... when the city holds this share of its people
    country_context: float = 4.0  # times the share of other toponyms in the same country
    region_context: float = 3.0  # times the share in the same first-level region
    near_context: float = 5.0  # times the share with a likely town/county close by
    alternate_floor: float = 4.2  # below this, a match on another name alone is no answer
    # ... unless the text writes the name where only a place goes: then a village's other
    # spelling is likelier than a non-place (a place of ~2,000 people named otherwise scores 2.0)
    sure_alternate_floor: float = 2.0
    # A town that gives its name to the district it lies in is the district's seat, and counts
    # as a town of at least this size: GeoNames gives many seats no population, and reports
    # mean a district's seat before a small place of the same name abroad.
    seat_min_population: float = 1e4
    seat_km: float = 60.0  # how far from its district's point a seat may lie


WEIGHTS = Weights()


def prior_scores(index: PlaceIndex, found: Lookup, weights: Weights = WEIGHTS) -> list[float]:
    """Scores of a lookup's matches before any document context."""
    bonus = dict(weights.kind_bonus)
    seats = _seats(index, found, weights)
    scores = []
    for position, (row, alternate) in enumerate(found.matches):
        kind = index.kind_of(row)
        floor = weights.curated_min_population if kind == CURATED else weights.min_population
        if position in seats:
            floor = weights.seat_min_population
        score = math.log10(max(float(index.population[row]), floor)) + bonus[kind]
        if row in index.capitals:
            score += weights.capital
        if alternate:
            score -= weights.alternate
        if (
            found.hint == "city"
            and kind not in SMALL_KINDS  # "X town", "X municipality" may be an area
            or found.hint == "region"
            and (kind not in REGION_KINDS)
        ):
            score -= weights.hint_mismatch
        scores.append(score)
    for position in _yielding_regions(index, found, weights):
        scores[position] -= weights.same_name_city
    return scores


def _seats(index: PlaceIndex, found: Lookup, weights: Weights) -> set[int]:
    """Positions of towns (by their own name) that a district of the same name, in the same
    country and first-level region and close by, shows to be that district's seat."""
    matches = found.matches
    if not any(index.kind_of(r) == CITY and not alternate for r, alternate in matches):
        return set()
    districts = []
    for r, alternate in matches:
        if alternate or index.kind_of(r) not in (ADMIN2, AREA):
            continue
        if _named_as_asked(index, found, r):
            districts.append(r)
    seats = set()
    for position, (row, alternate) in enumerate(matches):
        if alternate or index.kind_of(row) != CITY:
            continue
        for d in districts:
            if (
                index.country[d] == index.country[row]
                and index.region[d] == index.region[row]
                and haversine_km(index.lat[row], index.lon[row], index.lat[d], index.lon[d])
                <= weights.seat_km
            ):
                seats.add(position)
                break
    return seats


def _named_as_asked(index: PlaceIndex, found: Lookup, row: int) -> bool:
    """Is the region's own name, with or without its admin word ("X District"), the name
    looked up (not another of its names)?"""
    own = name_key(index.names[row])
    return own == found.key or strip_words(own, index.admin_words) == found.key


def _yielding_regions(index: PlaceIndex, found: Lookup, weights: Weights) -> list[int]:
    """Positions of regions that a same-named big city inside them outranks."""
    if found.key in index.alias_keys:
        return []
    # Only a city known by this very name: GeoNames lists "Oklahoma" among Oklahoma City's
    # other names, and "Oklahoma" is still the state.
    cities = [
        (r, index.population[r])
        for r, alternate in found.matches
        if index.kind_of(r) == CITY and not alternate
    ]
    if not cities:
        return []
    yielding = []
    for position, (row, _) in enumerate(found.matches):
        kind = index.kind_of(row)
        if kind not in (ADMIN1, ADMIN2, AREA):
            continue
        if not _named_as_asked(index, found, row):
            continue
        threshold = weights.same_name_share * index.population[row]
        for city, population in cities:
            # A first-level region yields to a big namesake anywhere in its country ("Kiev"
            # oblast to Kyiv, which is a region of its own); a county only to one inside it.
            inside = index.country[city] == index.country[row] and (
                kind == ADMIN1 or index.region[city] == index.region[row]
            )
            if inside and population >= threshold:
                yielding.append(position)
                break
    return yielding


def context_score(
    index: PlaceIndex,
    row: int,
    countries: Mapping[str, float],
    regions: Mapping[str, float],
    weights: Weights = WEIGHTS,
) -> float:
    """What the document adds to a candidate: shares of the other toponyms near it."""
    score = 0.0
    country = index.country[row]
    if country:
        score += weights.country_context * countries.get(country, 0.0)
    region = index.region[row]
    if region:
        score += weights.region_context * regions.get(region, 0.0)
    return score
