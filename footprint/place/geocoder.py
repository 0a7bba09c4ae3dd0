"""Resolves the toponyms of a document together, each in the light of the others.

A document's places cluster: "Karachi" in a story that also names Pakistan, Lahore and Sindh is
the Pakistani city, not the Azerbaijani village GeoNames also calls so; "Springfield" beside
"Sangamon County" is the Illinois town in that county. Resolution therefore runs in rounds. Every
toponym holds a belief over its candidates; each round re-scores every toponym's candidates with
what the *other* toponyms currently believe (see `ranking.context_score`):
- the share of them in the candidate's country, and in its first-level region;
- the share of them with a likely candidate within a short distance of it (towns and counties).
Three rounds settle it; the answers are each toponym's best candidate after the last.

Demonyms ("Pakistani") resolve to nothing but count as a little evidence for their country.
Venues resolve to the place they name or lie in, with precision "venue" when that is a city.
"""

from __future__ import annotations

import collections
import logging
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from footprint.place import venues
from footprint.place.distance import haversine_km
from footprint.place.gazetteer import Gazetteer, Lookup
from footprint.place.index import ADMIN1, ADMIN2, AREA, CITY, COUNTRY, PlaceIndex
from footprint.place.model import Place
from footprint.place.names import name_key, query_forms
from footprint.place.ranking import WEIGHTS, Weights, context_score, prior_scores

log = logging.getLogger(__name__)

ROUNDS = 3
DEMONYM_WEIGHT = 0.5  # a "Pakistani official" says less about where a story is than "Pakistan"
CONTAINED_KM = 100.0  # "X, Y" with Y a city or small region: X must lie this close to Y
VENUE_MIN_SCORE = 4.0  # a place name inside a venue name must be at least a 10,000-people town
PART_MIN_SCORE = 5.0  # "northern X" stands for X only if X is a region or a 100,000-people town
MAX_OPTIONS = 60  # per name, by prior: enough for "San Jose"; keeps big documents fast
# Points that stand for small areas, where distance means something.
NEAR_KINDS = (CITY, ADMIN2, AREA)
NEAR_FULL_KM = 30.0  # toponyms this close support each other fully ...
NEAR_NONE_KM = 100.0  # ... and not at all from this far
REGION_SHARE = 0.5  # a region this share of the document's places lie in is its region
MIN_BELIEF = 0.01  # candidates believed less than 1/100 of their name's best lend no support


@dataclass(frozen=True, slots=True)  # (kept by the thousand in the geocoder's memo, shared)
class Option:
    row: int
    prior: float
    alternate: bool


@dataclass(eq=False)
class Reading:
    """What one distinct name in the document can be."""

    name: str
    options: list[Option] = field(default_factory=list)
    venue: bool = False  # the answer stands for a venue inside the chosen place
    demonym: str | None = None  # country code of a demonym ("" for none)
    container: Reading | None = None  # "X, Y": Y, which X must lie in
    weight: float = 1.0
    sure: bool = False  # the text writes it where only a place goes ("clashed in X", "X town")
    belief: list[float] = field(default_factory=list)  # probability of each option
    support: list[float] = field(default_factory=list)  # nearby-toponym share of each option

    @property
    def target(self) -> Reading:
        """The reading whose options stand for this name in the document's context."""
        return self.container if self.container is not None else self

    @property
    def votes(self) -> bool:
        return bool(self.demonym or self.target.options)

    @property
    def vote_weight(self) -> float:
        return self.weight * (DEMONYM_WEIGHT if self.demonym else 1.0)


def _copy(reading: Reading) -> Reading:
    """A reading as `_read` made it, to be weighed in one document (the options themselves are
    never changed once made)."""
    return Reading(
        reading.name,
        options=list(reading.options),
        venue=reading.venue,
        demonym=reading.demonym,
        container=_copy(reading.container) if reading.container is not None else None,
    )


# Another voter's town or county candidate near one's own: (voter, its option, closeness).
Neighbour = tuple[int, int, float]

READING_MEMO = 20_000  # distinct names whose readings a geocoder keeps


@dataclass
class Context:
    """What the rest of the document says, for one reading."""

    countries: Mapping[str, float] = field(default_factory=dict)
    regions: Mapping[str, float] = field(default_factory=dict)


# Rows of one sound this close together are one town listed twice.
SAME_TOWN_KM = 10.0
# The words that name a country's first-level units: only a name written with one is looked
# for among them when spelled otherwise ("X district" is a unit below them).
FIRST_LEVEL_WORDS = frozenset(
    {"province", "region", "governorate", "state", "oblast", "prefecture", "division"}
)


def _written_as_a_region(name: str) -> bool:
    words = name_key(name).split()
    return len(words) > 1 and words[-1] in FIRST_LEVEL_WORDS


class Geocoder:
    def __init__(self, gazetteer: Gazetteer | None = None, weights: Weights = WEIGHTS) -> None:
        self.gazetteer = gazetteer or Gazetteer.load()
        self.index: PlaceIndex = self.gazetteer.index
        self.weights = weights
        self._readings: dict[str, Reading] = {}  # name -> its reading, untouched (`_read`)

    # --- public ---------------------------------------------------------------------------

    def resolve_document(
        self, names: list[str], sure: Collection[str] = ()
    ) -> dict[str, Place | None]:
        """All toponyms of one document, resolved together: name -> Place (None if unknown,
        a demonym, or an organisation). `sure` names are written where only a place can go;
        for them a match on another of a place's names is an answer even for a small place
        ("Leghorn" for GeoNames' "Livorno")."""
        counts = collections.Counter(n for n in names if n and n.strip())
        readings = {name: self._read(name) for name in counts}
        for name, reading in readings.items():
            reading.weight = 1.0 + math.log(counts[name])
            reading.sure = name in sure
        voters = [r for r in readings.values() if r.votes]
        contexts = {id(r): Context() for r in voters}
        near = self._neighbours(voters)
        for _ in range(ROUNDS):
            for reading in voters:
                self._believe(reading.target, contexts[id(reading)])
            contexts = self._contexts(voters)
            self._support(voters, near)
        answers: dict[str, Place | None] = {}
        for name in dict.fromkeys(names):
            read = readings.get(name)
            answers[name] = (
                self._answer(read, contexts.get(id(read), Context())) if read is not None else None
            )
        unknown = [
            name
            for name, read in readings.items()
            if read.sure and not read.options and not (read.demonym or read.container)
        ]
        if unknown:
            regions = self._document_regions(voters)
            # A region spelled otherwise ("in X town, Lower Westriah region, Westria") is
            # one of the named country's own regions that sounds alike; its towns are then
            # looked for too.
            countries = {
                p.country for p in answers.values() if p and p.country and p.precision == "country"
            }
            for name in unknown:
                if not _written_as_a_region(name):
                    continue
                found = {
                    row
                    for form in query_forms(name)
                    if form.hint == "region"
                    for row in self.gazetteer.region_sounding_alike(form.key, countries)
                }
                if len(found) == 1:
                    row = found.pop()
                    answers[name] = self.index.place(row)
                    regions.append(self.index.region[row])
            strict = False
            if not regions and len(countries) == 1:
                # No region known: the named country's regions, all of them ("in Zendah town,
                # Hentzau governorate, Westria" with a governorate no spelling finds), and
                # only a place of the kind the text writes: across a whole country a district
                # that sounds like a village is more often another place.
                regions = self.gazetteer.regions_of(next(iter(countries)))
                strict = True
            for name in unknown:
                if answers[name] is None:
                    answers[name] = self._spelled_otherwise(name, regions, strict)
        return answers

    def _document_regions(self, voters: list[Reading]) -> list[str]:
        """The first-level regions (keys) that at least REGION_SHARE of the document's places
        lying in some region lie in. A name read as a country casts no vote: "Westria" read
        as the country is no vote for the region of a village of that name elsewhere, however
        small its belief. Where the document names countries, only regions of those count
        ("Kassalah town, Western state, Sudan": another country's Western region is none of
        this story's)."""
        shares: dict[str, float] = collections.defaultdict(float)
        named: set[str] = set()  # the countries the document's names are read as
        voting = []
        for reading in voters:
            row = self._best_row(reading)
            if row is not None and self.index.kind_of(row) == COUNTRY:
                named.add(self.index.country[row])
            else:
                voting.append(reading)
        for reading in voting:
            for key, share in self._votes(reading)[1].items():
                if not named or key.split(".")[0] in named:
                    shares[key] += reading.vote_weight * share
        total = sum(shares.values())
        return [k for k, v in shares.items() if total > 0 and v / total >= REGION_SHARE]

    def _best_row(self, reading: Reading) -> int | None:
        """The row the reading believes in most (by prior before the first round); None for a
        demonym or a name with no candidates."""
        target = reading.target
        if reading.demonym is not None or not target.options:
            return None
        beliefs = target.belief or [o.prior for o in target.options]
        return target.options[max(range(len(target.options)), key=lambda i: beliefs[i])].row

    def _spelled_otherwise(
        self, name: str, regions: list[str], strict: bool = False
    ) -> Place | None:
        """A name written where only a place goes that the gazetteer does not know: the town
        or district of the document's own regions whose name sounds alike ("in Zendah town,
        Westria province": Zenda). The regions are those most of the document's places lie in
        and those its names of regions, spelled otherwise, were found to be; only one place
        there answers (rows within a few kilometres are one town listed twice): two regions
        may each have a town that sounds alike. (Such a name has no candidates, so it is no
        voter: the regions are the same for every one.)"""
        forms = query_forms(name)  # "Zendah town": "Zendah"
        found = {
            row
            for key in regions
            for form in forms
            for row in self.gazetteer.sounding_alike(form.key, key)
        }
        # A town and a district that sound alike are two places (the index keeps no district
        # beside a town of its very name): the word written with the name decides ("X town",
        # "X district"); without one, the town. Where `strict`, only a place of that kind.
        kind = AREA if any(f.hint == "region" for f in forms) else CITY
        of_kind = {r for r in found if self.index.kind_of(r) == kind}
        found = of_kind if strict else of_kind or found
        return self._one_place(found)

    def _one_place(self, rows: set[int]) -> Place | None:
        """The place the rows name, if they name one: GeoNames lists some towns twice, with
        and without their article ("Al X" and "X"), a few kilometres apart."""
        if not rows:
            return None
        index = self.index
        first = max(rows, key=lambda r: (index.population[r], -r))
        if all(
            haversine_km(index.lat[first], index.lon[first], index.lat[r], index.lon[r])
            <= SAME_TOWN_KM
            for r in rows
        ):
            return index.place(first)
        return None

    def resolve(self, name: str, context: collections.Counter[str] | None = None) -> Place | None:
        """One name, optionally with counts of the country codes seen in its document."""
        total = sum(context.values()) if context else 0
        countries = {c: n / total for c, n in context.items()} if context and total else {}
        return self._answer(self._read(name), Context(countries=countries))

    # --- reading names --------------------------------------------------------------------

    def _read(self, name: str) -> Reading:
        """What the name can be, read once per geocoder (a corpus names the same places in
        document after document): each call gets its own copy, since the document's reading
        sets weights, beliefs and support on it."""
        held = self._readings.get(name)
        if held is None:
            held = self._readings[name] = self._read_afresh(name)
            if len(self._readings) > READING_MEMO:
                self._readings.pop(next(iter(self._readings)))
        return _copy(held)

    def _read_afresh(self, name: str) -> Reading:
        reading = Reading(name)
        demonym = self.gazetteer.demonym(name)
        if demonym is not None:
            reading.demonym = demonym
            return reading
        found = self.gazetteer.lookup(name)
        if found is not None:
            reading.options = self._options(found)
            if found.partial:
                reading.options = [o for o in reading.options if o.prior >= PART_MIN_SCORE]
            building = venues.names_a_building(name)
            if building:
                # GeoNames lists translations among a town's other names ("Green Palace" for
                # a town whose own name means it): a building's name that shares no word with
                # the town's own name is that building, not the town.
                words = set(name_key(name).split())
                reading.options = [
                    o
                    for o in reading.options
                    if not o.alternate or words & set(name_key(self.index.names[o.row]).split())
                ]
            if reading.options or not building:
                return reading
        split = venues.split_container(name)
        if split is not None:
            inside, container = split
            reading.container = self._read(container)
            inner = self.gazetteer.lookup(inside)
            reading.options = self._options(inner) if inner is not None else []
            reading.venue = True
            return reading
        if venues.kind_of_name(name) == "venue":
            for inner_name in venues.inner_names(name):
                inner = self.gazetteer.lookup(inner_name)
                if inner is None:
                    continue
                options = [
                    o
                    for o in self._options(inner)
                    if not o.alternate and o.prior >= VENUE_MIN_SCORE
                ]
                if options:
                    reading.options = options
                    reading.venue = True
                    break
        return reading

    def _options(self, found: Lookup) -> list[Option]:
        scores = prior_scores(self.index, found, self.weights)
        options = [
            Option(m.row, s, m.alternate) for m, s in zip(found.matches, scores, strict=True)
        ]
        if len(options) > MAX_OPTIONS:
            options = sorted(options, key=lambda o: -o.prior)[:MAX_OPTIONS]
        return options

    # --- document context -----------------------------------------------------------------

    def _score(self, reading: Reading, position: int, context: Context) -> float:
        option = reading.options[position]
        score = option.prior + context_score(
            self.index, option.row, context.countries, context.regions, self.weights
        )
        if reading.support:
            score += self.weights.near_context * reading.support[position]
        return score

    def _believe(self, reading: Reading, context: Context) -> None:
        if not reading.options:
            return
        scores = [self._score(reading, i, context) for i in range(len(reading.options))]
        best = max(scores)
        raw = [10.0 ** (s - best) for s in scores]
        total = sum(raw)
        reading.belief = [r / total for r in raw]

    def _votes(self, reading: Reading) -> tuple[dict[str, float], dict[str, float]]:
        """How much this reading says each country / first-level region is the story's."""
        countries: dict[str, float] = collections.defaultdict(float)
        regions: dict[str, float] = collections.defaultdict(float)
        if reading.demonym is not None:
            if reading.demonym:
                countries[reading.demonym] += 1.0
            return countries, regions
        target = reading.target
        belief = target.belief or [1.0 / len(target.options)] * len(target.options)
        for option, p in zip(target.options, belief, strict=True):
            country = self.index.country[option.row]
            if country:
                countries[country] += p
            region = self.index.region[option.row]
            if region:
                regions[region] += p
        return countries, regions

    def _contexts(self, voters: list[Reading]) -> dict[int, Context]:
        """Per reading, the shares of the *other* readings per country and region."""
        votes = {id(r): self._votes(r) for r in voters}
        countries: dict[str, float] = collections.defaultdict(float)
        regions: dict[str, float] = collections.defaultdict(float)
        for reading in voters:
            own_countries, own_regions = votes[id(reading)]
            for code, v in own_countries.items():
                countries[code] += reading.vote_weight * v
            for key, v in own_regions.items():
                regions[key] += reading.vote_weight * v
        total = sum(r.vote_weight for r in voters)
        contexts: dict[int, Context] = {}
        for reading in voters:
            others = total - reading.vote_weight
            if others <= 1e-9:
                contexts[id(reading)] = Context()
                continue
            own_countries, own_regions = votes[id(reading)]
            w = reading.vote_weight
            contexts[id(reading)] = Context(
                {
                    c: max(0.0, v - w * own_countries.get(c, 0.0)) / others
                    for c, v in countries.items()
                },
                {k: max(0.0, v - w * own_regions.get(k, 0.0)) / others for k, v in regions.items()},
            )
        return contexts

    def _neighbours(self, voters: list[Reading]) -> dict[tuple[int, int], list[Neighbour]]:
        """(voter, option) -> the other voters' town/county candidates close enough to lend it
        support, with their closeness, in a fixed order (a grid of 1-degree cells keeps this
        linear in the number of candidates). Made once per document: only beliefs change
        from one round to the next, not where the candidates lie."""
        index = self.index
        near_options = [
            (number, position, option.row)
            for number, reading in enumerate(voters)
            for position, option in enumerate(reading.target.options)
            if index.kind_of(option.row) in NEAR_KINDS
        ]
        grid: dict[tuple[int, int], list[tuple[int, int, int, float, float]]] = (
            collections.defaultdict(list)
        )
        for number, position, row in near_options:
            lat, lon = index.lat[row], index.lon[row]
            grid[(math.floor(lat), math.floor(lon))].append((number, position, row, lat, lon))
        return {
            (number, position): self._near(grid, number, row)
            for number, position, row in near_options
        }

    def _near(
        self,
        grid: Mapping[tuple[int, int], list[tuple[int, int, int, float, float]]],
        number: int,
        row: int,
    ) -> list[Neighbour]:
        lat, lon = self.index.lat[row], self.index.lon[row]
        reach_lat = math.ceil(NEAR_NONE_KM / 111.0)
        reach_lon = math.ceil(NEAR_NONE_KM / max(1.0, 111.0 * math.cos(math.radians(lat))))
        out = []
        cell_lat, cell_lon = math.floor(lat), math.floor(lon)
        for dlat in range(-reach_lat, reach_lat + 1):
            for dlon in range(-reach_lon, reach_lon + 1):
                for other, position, orow, olat, olon in grid.get(
                    (cell_lat + dlat, cell_lon + dlon), ()
                ):
                    # Another name for this very place is no neighbour: a story that says
                    # "Mexico City" and "Mexico" means two places by them.
                    if other == number or orow == row:
                        continue
                    closeness = _closeness(haversine_km(lat, lon, olat, olon))
                    if closeness > 0.0:
                        out.append((other, position, closeness))
        return out

    def _support(
        self, voters: list[Reading], near: Mapping[tuple[int, int], list[Neighbour]]
    ) -> None:
        """Each town/county candidate's share of other toponyms with a believed candidate
        close by."""
        # Relative to the name's best guess: a county among ten same-named ones is still a
        # fine neighbour for the town in it, and the two then lift each other. Candidates
        # believed less than MIN_BELIEF of that lend nothing.
        lent: list[list[float | None]] = []
        for reading in voters:
            target = reading.target
            top = max(target.belief, default=1.0)
            shares: list[float | None] = [None] * len(target.options)
            for position, belief in enumerate(target.belief[: len(target.options)]):
                if belief / top >= MIN_BELIEF:
                    shares[position] = belief / top
            lent.append(shares)
        total = sum(r.vote_weight for r in voters)
        for number, reading in enumerate(voters):
            target = reading.target
            others = total - reading.vote_weight
            support = []
            for position in range(len(target.options)):
                neighbours = near.get((number, position))
                if others <= 1e-9 or neighbours is None:
                    support.append(0.0)
                    continue
                best: dict[int, float] = {}  # per other voter, its closest believed candidate
                for other, other_position, closeness in neighbours:
                    p = lent[other][other_position]
                    if p is not None and closeness * p > best.get(other, 0.0):
                        best[other] = closeness * p
                nearby = sum(voters[other].vote_weight * value for other, value in best.items())
                support.append(nearby / others)
            target.support = support

    # --- answers --------------------------------------------------------------------------

    def _answer(self, reading: Reading, context: Context) -> Place | None:
        chosen = self._choose(reading, context)
        if chosen is None:
            return None
        row, venue = chosen
        place = self.index.place(row)
        return place.as_venue() if venue and place.precision == "city" else place

    def _choose(self, reading: Reading, context: Context) -> tuple[int, bool] | None:
        """(row, whether the name is a venue at that place) of the answer, or None."""
        if reading.demonym is not None:
            return None
        if reading.container is None:
            best = self._best(reading, reading.options, context)
            return (best, reading.venue) if best is not None else None
        outer = self._choose(reading.container, context)
        if outer is None:
            return None  # "University of Perpetual Help": no place after the "of"
        inside = [o for o in reading.options if self._contains(outer[0], o.row)]
        best = self._best(reading, inside, context)
        if best is not None:
            return best, False  # "Springfield, Illinois"
        return outer[0], True  # "Nasser Bagh, Lahore": something in Lahore

    def _contains(self, outer: int, inner: int) -> bool:
        index = self.index
        if inner == outer:
            return False
        kind = index.kind_of(outer)
        if kind == COUNTRY:
            return index.country[inner] == index.country[outer]
        if kind == ADMIN1:
            return index.region[inner] == index.region[outer]
        return (
            haversine_km(index.lat[inner], index.lon[inner], index.lat[outer], index.lon[outer])
            <= CONTAINED_KM
        )

    def _best(self, reading: Reading, options: list[Option], context: Context) -> int | None:
        best: Option | None = None
        best_score = -math.inf
        positions = {id(o): i for i, o in enumerate(reading.options)}
        for option in options:
            position = positions.get(id(option))
            if position is not None:
                score = self._score(reading, position, context)
            else:
                score = option.prior + context_score(
                    self.index, option.row, context.countries, context.regions, self.weights
                )
            if score > best_score:
                best, best_score = option, score
        if best is None:
            return None
        # A name written where only a place goes may be a small place's other spelling, but not
        # one in a country the rest of the document does not speak of ("the village of X,
        # Y governorate, Syria" is no Indian town spelled alike).
        off_context = bool(context.countries) and not context.countries.get(
            self.index.country[best.row] or "", 0.0
        )
        sure = reading.sure and not off_context
        floor = self.weights.sure_alternate_floor if sure else self.weights.alternate_floor
        if best.alternate and best_score < floor:
            # Only another name of a small, out-of-context place: more likely not a place, or
            # the place whose own name it is ("Zenda district": the district so called, not
            # the bigger town of Zenda, which the area word leaves named otherwise).
            own = [o for o in options if not o.alternate]
            return self._best(reading, own, context) if own else None
        return best.row


def _closeness(km: float) -> float:
    if km <= NEAR_FULL_KM:
        return 1.0
    if km >= NEAR_NONE_KM:
        return 0.0
    return (NEAR_NONE_KM - km) / (NEAR_NONE_KM - NEAR_FULL_KM)
