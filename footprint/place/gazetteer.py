"""The gazetteer: every place footprint knows, looked up by any of its names.

`Gazetteer.load(cache_dir)` gives the process-wide instance (built once per data version, then
read from the cache directory in well under a second; see `cache`). `candidates(name)` lists
the places a name can mean; the `Geocoder` chooses among them.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, NamedTuple

from footprint.place import cache
from footprint.place.index import ADMIN1, SMALL_KINDS, PlaceIndex, postings
from footprint.place.model import Place
from footprint.place.names import Hint, name_key, query_forms, sound_key, vowels_agree
from footprint.place.ranking import prior_scores
from footprint.settings import default_cache_dir

log = logging.getLogger(__name__)

ACRONYM_LETTERS = 3  # "UN", "US", "UAE", "AJK"
SHOUTED_LETTERS = 5  # "NATO", "ERIE": longer capitals ("ATLANTA") are ordinary datelines
SHOUTED_MIN_POPULATION = 50_000
_LETTERS = re.compile(r"[A-Za-z]")


def _shouting(name: str) -> int:
    """Letter count of an all-capitals name of at most SHOUTED_LETTERS letters, else 0."""
    letters = _LETTERS.findall(name)
    if 2 <= len(letters) <= SHOUTED_LETTERS and all(c.isupper() for c in letters):
        return len(letters)
    return 0


class Match(NamedTuple):
    row: int
    alternate: bool  # matched one of the place's other names, not its own


@dataclass(frozen=True)
class Lookup:
    """The places a name can mean, under the first spelling of it that the index knows."""

    key: str
    hint: Hint | None
    partial: bool
    matches: tuple[Match, ...]


class Gazetteer:
    # One per cache directory: the index is large, and every geocoder may share it (read-only).
    _shared: ClassVar[dict[Path, Gazetteer]] = {}
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, index: PlaceIndex) -> None:
        self.index = index
        self._capitals: dict[str, int] | None = None  # country code -> row, built on first use
        # region key -> its towns' and districts' rows; region key -> sound key -> rows, built
        # on first use
        self._small_places: dict[str, list[int]] | None = None
        self._sounds: dict[str, dict[str, list[int]]] = {}
        self._sounds_lock = threading.Lock()
        # country code -> sound key -> its first-level regions' rows, built on first use
        self._region_sounds: dict[str, dict[str, list[int]]] | None = None

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        """The process-wide gazetteer cached in `directory` (`Settings.cache_dir`; default: the
        user cache directory), built on first use, then read from disk."""
        key = directory or default_cache_dir()
        with cls._shared_lock:
            if key not in cls._shared:
                cls._shared[key] = cls.from_cache(key)
            return cls._shared[key]

    @classmethod
    def from_cache(cls, directory: Path | None = None) -> Gazetteer:
        """A gazetteer read from (or built into) `directory`, not shared with anyone."""
        return cls(cache.load_index(directory))

    def __len__(self) -> int:
        return len(self.index)

    def candidates(self, name: str) -> list[Place]:
        """Every place the name can mean, most likely first (by name match and size alone)."""
        found = self.lookup(name)
        if found is None:
            return []
        scores = prior_scores(self.index, found)
        order = sorted(range(len(found.matches)), key=lambda i: -scores[i])
        return [self.index.place(found.matches[i].row) for i in order]

    def sounding_alike(self, name: str, region: str) -> list[int]:
        """Rows of the towns and districts in a first-level region (its key, "CC.code") whose
        names sound like `name` as transliterations write it ("Zendah" for "Zenda"; see
        `sound_key`). Districts count because a town the gazetteer lacks often lends its name
        to the district it is the seat of."""
        with self._sounds_lock:
            small = self._small_places_by_region()
            table = self._sounds.get(region)
            if table is None:
                table = self._sounds[region] = self._by_sound(small.get(region, ()))
        return self._alike(name, table)

    def _small_places_by_region(self) -> dict[str, list[int]]:
        """Region key -> its towns' and districts' rows (one pass over the index, on first
        use; the caller holds the lock)."""
        if self._small_places is None:
            self._small_places = {}
            for row, key in enumerate(self.index.region):
                if key and self.index.kind_of(row) in SMALL_KINDS:
                    self._small_places.setdefault(key, []).append(row)
        return self._small_places

    def regions_of(self, country: str) -> list[str]:
        """The keys ("CC.code") of a country's first-level regions that hold towns or
        districts."""
        with self._sounds_lock:
            small = self._small_places_by_region()
        prefix = f"{country}."
        return [key for key in small if key.startswith(prefix)]

    def region_sounding_alike(self, name: str, countries: Collection[str]) -> list[int]:
        """Rows of the first-level regions of `countries` whose names sound like `name`
        ("Lower Westriah" for "Lower Westria"; see `sound_key`)."""
        with self._sounds_lock:
            if self._region_sounds is None:  # one pass over the index, on first use
                regions: dict[str, list[int]] = {}
                for row, code in enumerate(self.index.country):
                    if self.index.kind_of(row) == ADMIN1:
                        regions.setdefault(code, []).append(row)
                self._region_sounds = {c: self._by_sound(rows) for c, rows in regions.items()}
            tables = [self._region_sounds.get(code, {}) for code in countries]
        return [row for table in tables for row in self._alike(name, table)]

    def _by_sound(self, rows: Iterable[int]) -> dict[str, list[int]]:
        table: dict[str, list[int]] = {}
        for row in rows:
            table.setdefault(sound_key(self.index.names[row]), []).append(row)
        return table

    def _alike(self, name: str, table: dict[str, list[int]]) -> list[int]:
        wanted = sound_key(name)
        if len(wanted.replace(" ", "")) < 2:
            return []  # one consonant says too little
        # Consonants alone are shared by other names ("Zonda", "Zanid"): the vowels must
        # agree too, as transliterations write them ("Zendah" and "Zenda").
        return [r for r in table.get(wanted, ()) if vowels_agree(name, self.index.names[r])]

    def lookup(self, name: str) -> Lookup | None:
        """Matches for the first form of the name that has any; None for demonyms."""
        if self.demonym(name) is not None:
            return None
        abbreviated = self.index.abbreviations.get(name.strip().casefold())
        if abbreviated is not None:
            return Lookup(name_key(name), None, False, (Match(abbreviated, False),))
        shouting = _shouting(name)
        index = self.index
        forms = query_forms(name)
        for k, form in enumerate(forms):
            primary = postings(index.primary.get(form.key))
            alternate = postings(index.alternate.get(form.key))
            if form.countries is not None:
                primary = tuple(r for r in primary if index.country[r] in form.countries)
                alternate = tuple(r for r in alternate if index.country[r] in form.countries)
            if shouting:
                primary = self._shouted(form.key, primary, shouting)
                alternate = ()
            if not primary and not alternate:
                continue
            seen = set(primary)
            matches = [Match(r, False) for r in primary]
            matches += [Match(r, True) for r in alternate if r not in seen]
            hint = form.hint
            # "Vancouver city" is also an alternate name of a town elsewhere: the places
            # named "Vancouver" stay candidates, for the document's context to choose. Where a
            # place's own name is the whole phrase ("Mission District"), they count as named
            # by another of their names: that place comes first unless the context says else.
            stripped = next((f for f in forms[k + 1 :] if f.hint and not form.hint), None)
            if stripped is not None:
                seen |= set(alternate)
                more = postings(index.primary.get(stripped.key))
                if stripped.countries is not None:
                    more = tuple(r for r in more if index.country[r] in stripped.countries)
                matches += [Match(r, bool(primary)) for r in more if r not in seen]
                hint = hint or stripped.hint
            return Lookup(form.key, hint, form.partial, tuple(matches))
        return None

    def _shouted(self, key: str, rows: tuple[int, ...], letters: int) -> tuple[int, ...]:
        """An all-capitals name: "UN", "NATO" are acronyms and name a place only through
        footprint's own tables (countries, regions: "US", "UAE", "AJK"); a longer one ("ERIE",
        a dateline) is a place if it is a region or a sizeable town, not any village or township
        so spelt."""
        index = self.index
        if letters <= ACRONYM_LETTERS:
            curated = key in index.alias_keys
            return tuple(r for r in rows if curated or index.kind_of(r) not in SMALL_KINDS)
        return tuple(
            r
            for r in rows
            if index.kind_of(r) not in SMALL_KINDS or index.population[r] >= SHOUTED_MIN_POPULATION
        )

    def demonym(self, name: str) -> str | None:
        """The country code a demonym points to ("" for a people of no one country), or None
        when the name is not a demonym."""
        return self.index.demonyms.get(name_key(name))

    def place(self, row: int) -> Place:
        return self.index.place(row)

    def capital(self, country: str) -> Place | None:
        """The national capital of a country (ISO code), if the gazetteer marks one."""
        if self._capitals is None:
            self._capitals = {self.index.country[r]: r for r in self.index.capitals}
        row = self._capitals.get(country)
        return self.index.place(row) if row is not None else None
