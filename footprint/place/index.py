"""The compact gazetteer index: one row per place in flat columns, and name keys -> rows.

Rows are kept in columns (arrays of numbers, lists of interned strings) rather than one object
per place: 240k places then cost tens of megabytes, and the whole index serialises to plain
`marshal` types, which load several times faster than JSON and run no code on load.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from footprint.place.model import Place, Precision

FORMAT = 5  # bump when the payload layout changes: old cache files are then rebuilt

CITY, COUNTRY, ADMIN1, ADMIN2, CONTINENT, CURATED = "c", "n", "a", "b", "k", "r"
AREA = "d"  # a district, sub-district or township from geoBoundaries, with no population
PRECISION_OF: dict[str, Precision] = {
    CITY: "city",
    COUNTRY: "country",
    ADMIN1: "region",
    ADMIN2: "district",  # a county, district or upazila: narrower than its region
    AREA: "district",
    CONTINENT: "region",
    CURATED: "region",
}
REGION_KINDS = frozenset({ADMIN1, ADMIN2, AREA, CONTINENT, CURATED})
# Places small enough that an all-capitals word (an acronym, mostly) is not taken for them.
SMALL_KINDS = frozenset({CITY, AREA})

Postings = int | tuple[int, ...]


@dataclass
class PlaceIndex:
    """Columns of place rows plus the name keys. Row i is (names[i], lat[i], lon[i], ...)."""

    names: list[str] = field(default_factory=list)
    lat: array[float] = field(default_factory=lambda: array("d"))
    lon: array[float] = field(default_factory=lambda: array("d"))
    population: array[int] = field(default_factory=lambda: array("q"))
    geonameid: array[int] = field(default_factory=lambda: array("q"))  # 0: not a GeoNames row
    kind: bytearray = field(default_factory=bytearray)  # one ASCII letter per row (see above)
    country: list[str] = field(default_factory=list)  # "" when the place has no one country
    region: list[str] = field(default_factory=list)  # first-level region key "CC.code", or ""
    region_names: dict[str, str] = field(default_factory=dict)  # "CC.code" -> region name
    own_ids: dict[int, str] = field(default_factory=dict)  # row -> id, for non-GeoNames rows
    capitals: set[int] = field(default_factory=set)  # rows of national capitals
    primary: dict[str, Postings] = field(default_factory=dict)  # key -> rows named so
    alternate: dict[str, Postings] = field(default_factory=dict)  # key -> rows also called so
    demonyms: dict[str, str] = field(default_factory=dict)  # key -> country code or ""
    alias_keys: set[str] = field(default_factory=set)  # keys footprint's own tables added
    abbreviations: dict[str, int] = field(default_factory=dict)  # "pa." -> row, as written
    admin_words: tuple[str, ...] = ()  # "province of", "governorate", ..., longest first

    def __len__(self) -> int:
        return len(self.names)

    # --- building -------------------------------------------------------------------------

    def add_row(
        self,
        name: str,
        lat: float,
        lon: float,
        population: int,
        kind: str,
        country: str,
        region: str = "",
        geonameid: int = 0,
        own_id: str | None = None,
    ) -> int:
        row = len(self.names)
        self.names.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(max(0, int(population)))
        self.geonameid.append(geonameid)
        self.kind.append(ord(kind))
        self.country.append(country)
        self.region.append(region)
        if own_id is not None:
            self.own_ids[row] = own_id
        return row

    # --- reading --------------------------------------------------------------------------

    def kind_of(self, row: int) -> str:
        return chr(self.kind[row])

    def gazetteer_id(self, row: int) -> str:
        own = self.own_ids.get(row)
        return own if own is not None else f"geonames:{self.geonameid[row]}"

    def place(self, row: int) -> Place:
        kind = self.kind_of(row)
        region = self.region[row]
        return Place(
            name=self.names[row],
            country=self.country[row] or None,
            admin1=self.region_names.get(region) if region else None,
            lat=round(self.lat[row], 5),
            lon=round(self.lon[row], 5),
            gazetteer_id=self.gazetteer_id(row),
            precision=PRECISION_OF[kind],
        )

    # --- serialising ----------------------------------------------------------------------

    def to_payload(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "names": self.names,
            "lat": self.lat.tobytes(),
            "lon": self.lon.tobytes(),
            "population": self.population.tobytes(),
            "geonameid": self.geonameid.tobytes(),
            "kind": bytes(self.kind),
            "country": self.country,
            "region": self.region,
            "region_names": self.region_names,
            "own_ids": self.own_ids,
            "capitals": sorted(self.capitals),
            "primary": self.primary,
            "alternate": self.alternate,
            "demonyms": self.demonyms,
            "alias_keys": sorted(self.alias_keys),
            "abbreviations": self.abbreviations,
            "admin_words": list(self.admin_words),
        }

    @classmethod
    def from_payload(cls, payload: object) -> PlaceIndex:
        """Raises ValueError on anything but a payload of this FORMAT with consistent columns."""
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise ValueError("not a gazetteer index of this format")
        index = cls(
            names=payload["names"],
            kind=bytearray(payload["kind"]),
            country=payload["country"],
            region=payload["region"],
            region_names=payload["region_names"],
            own_ids=payload["own_ids"],
            capitals=set(payload["capitals"]),
            primary=payload["primary"],
            alternate=payload["alternate"],
            demonyms=payload["demonyms"],
            alias_keys=set(payload["alias_keys"]),
            abbreviations=payload["abbreviations"],
            admin_words=tuple(payload["admin_words"]),
        )
        for column, code in (("lat", "d"), ("lon", "d"), ("population", "q"), ("geonameid", "q")):
            values = array(code)
            values.frombytes(payload[column])
            setattr(index, column, values)
        rows = len(index.names)
        sizes = {
            len(index.lat),
            len(index.lon),
            len(index.population),
            len(index.geonameid),
            len(index.kind),
            len(index.country),
            len(index.region),
        }
        if sizes != {rows} or rows == 0:
            raise ValueError("gazetteer index columns disagree")
        return index


def postings(found: Postings | None) -> tuple[int, ...]:
    if found is None:
        return ()
    return (found,) if isinstance(found, int) else found


def add_key(table: dict[str, list[int]], key: str, row: int) -> None:
    rows = table.get(key)
    if rows is None:
        table[key] = [row]
    elif rows[-1] != row:
        rows.append(row)


def freeze(table: dict[str, list[int]]) -> dict[str, Postings]:
    """Lists -> an int (one row, the common case) or a tuple: smaller and marshal-friendly."""
    return {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in table.items()}
