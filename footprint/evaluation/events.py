"""The `acled` and `gtd` suites: coded event datasets as gold for whole-event extraction.

Each sampled row (an ACLED note, a GTD summary) becomes one document, published the day after
the coded day, so the engine must date the event from the publication date as it would a news
report. The row's *scored event* is the first non-background event (in text order) whose type
is in the row's family (FAMILIES); date and place are scored on that event only.

Every field is an accuracy (right / scored rows or instances), with every miss in the errors:

- `event`: the document has an event of the row's family at all.
- `place`: rows coded at the town itself (ACLED GEO_PRECISION 1, GTD specificity 1); right
  when the scored event's place lies within PLACE_KM of the coded point.
- `date`: right when the scored event's interval contains the coded day and is at most
  MAX_DATE_DAYS wide (an open end is wrong: it says nothing about the day).
- `actors` (ACLED): each named, non-generic coded actor that the note itself mentions, found
  as a person or organisation of the document.
- `perpetrator` (GTD): a named group (`gname`) that the summary mentions, found as a
  perpetrator of the scored event; `perpetrator_entity` is the looser older measure, the
  group found as any person or organisation of the document.
- `killed` (GTD): rows with a coded death toll; right when the scored event counts exactly as
  many killed.

A missing scored event makes place, date, perpetrator and killed wrong, not skipped: the rows
scored do not depend on what the engine found. `score_row` is the whole rule for one row and
needs no pipeline, so tests feed it hand-made results.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from footprint.evaluation.scoring import distance_km, name_key
from footprint.model import Document, DocumentResult, Entity, Event

SAMPLE_SIZE = 500  # rows per suite
SEED = 2015  # the sample is fixed: same rows on every run
PLACE_KM = 25.0
MAX_DATE_DAYS = 7
MIN_FORM_CHARS = 3  # shorter forms ("AL") are not looked for in the text
TEXT_SHOWN = 160  # characters of the note shown beside each miss

# Event types that count as the coded event. A row whose coding names no family (ACLED
# "Strategic development", non-violent transfers) takes any non-background event.
FAMILIES: dict[str, frozenset[str]] = {
    "protest": frozenset({"protest", "strike", "rally", "march", "riot", "gathering"}),
    "violent": frozenset(
        {"attack", "bombing", "kidnapping", "clash", "riot", "security_operation", "arrest"}
    ),
}

# Coded actors and groups that name a kind of people, not a body the text could name: never
# scored. Compared without case, after a trailing "(Country)" is dropped: ACLED's
# "Protesters (India)", "Police Forces of India"; GTD's "Muslim extremists", "Separatists".
GENERIC_PREFIXES = (
    "Protesters",
    "Rioters",
    "Civilians",
    "Unidentified",
    "Police Forces",
    "Military Forces",
    "Students",
    "Labour Group",
    "Private Security",
    "Vigilante",
)
GENERIC_SUFFIXES = ("extremists", "separatists", "tribesmen", "communal group")

NAMED = ("person", "organization")  # the entity types an actor or group is found as

FIELDS = ("event", "place", "date", "actors", "perpetrator", "perpetrator_entity", "killed")


@dataclass(frozen=True)
class Row:
    """One coded event, reduced to what the suites score."""

    id: str
    text: str
    day: dt.date  # the coded day
    country: str
    kind: str  # the coded event or attack type, as written
    family: str | None  # a key of FAMILIES; None: any non-background event
    place: str = ""  # the coded location's name, for the error listing
    point: tuple[float, float] | None = None  # only when coded at the town itself
    actors: tuple[str, ...] = ()  # ACLED's coded actors, as written
    perpetrator: str | None = None  # GTD gname, None when "Unknown"
    killed: int | None = None  # GTD nkill, None when not coded

    def document(self, path: str = "") -> Document:
        published = (self.day + dt.timedelta(days=1)).isoformat()
        return Document(id=self.id, text=self.text, path=path or self.id, published=published)


@dataclass(frozen=True)
class Check:
    """One scored item: the field, whether we got it right, what we found and what was coded."""

    field: str
    right: bool
    found: str  # what we have, in words (shown beside each miss)
    gold: str
    answered: bool = True  # False: we gave no answer (a miss), True and wrong: a false answer


# --- reading the datasets ---------------------------------------------------------------------


def _read(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        yield from csv.DictReader(f)


def _point(lat: str, lon: str, town_level: bool) -> tuple[float, float] | None:
    if not town_level:
        return None
    try:
        return float(lat), float(lon)
    except ValueError:
        return None


def acled_family(event_type: str) -> str | None:
    kind = event_type.strip().casefold()
    if kind == "riots/protests":
        return "protest"
    if kind.startswith("battle") or kind in ("violence against civilians", "remote violence"):
        return "violent"
    return None


def acled_rows(path: Path) -> list[Row]:
    rows = []
    for r in _read(path):
        text = (r.get("NOTES") or "").strip()
        try:
            day = dt.datetime.strptime(r.get("EVENT_DATE", ""), "%d-%B-%Y").date()
        except ValueError:
            continue
        if not text:
            continue
        kind = r.get("EVENT_TYPE", "")
        actors = tuple(
            r[k].strip()
            for k in ("ACTOR1", "ALLY_ACTOR_1", "ACTOR2", "ALLY_ACTOR_2")
            if (r.get(k) or "").strip()
        )
        rows.append(
            Row(
                id=f"acled-{r.get('EVENT_ID_CNTY', '')}",
                text=text,
                day=day,
                country=r.get("COUNTRY", ""),
                kind=kind,
                family=acled_family(kind),
                place=r.get("LOCATION", ""),
                point=_point(
                    r.get("LATITUDE", ""), r.get("LONGITUDE", ""), _is_one(r, "GEO_PRECISION")
                ),
                actors=actors,
            )
        )
    return rows


GTD_DATE_PREFIX = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}:\s*")


def gtd_rows(path: Path) -> list[Row]:
    rows = []
    for number, r in enumerate(_read(path), start=1):
        text = GTD_DATE_PREFIX.sub("", r.get("summary") or "").strip()
        try:
            day = dt.date(int(r["iyear"]), int(r["imonth"]), int(r["iday"]))
        except (KeyError, ValueError):
            continue  # no full coded day (and the copy's one broken line)
        if not text or day.year < 1970:
            continue
        # This copy's eventid went through a spreadsheet ("2.01305E+11"): the record number is
        # the stable id then.
        eventid = r.get("eventid", "")
        gname = (r.get("gname") or "").strip()
        rows.append(
            Row(
                id=f"gtd-{eventid}" if eventid.isdigit() else f"gtd-row{number:04d}",
                text=text,
                day=day,
                country=r.get("country_txt", ""),
                kind=r.get("attacktype1_txt", ""),
                family="violent",
                place=r.get("city", ""),
                point=_point(
                    r.get("latitude", ""), r.get("longitude", ""), _is_one(r, "specificity")
                ),
                perpetrator=gname if gname not in ("", "Unknown") else None,
                killed=_count(r.get("nkill", "")),
            )
        )
    return rows


def _is_one(r: dict[str, str], column: str) -> bool:
    return (r.get(column) or "").strip() in ("1", "1.0")


def _count(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def sample(rows: list[Row], size: int = SAMPLE_SIZE, seed: int = SEED) -> list[Row]:
    """`size` rows spread over (country, event type): the strata and the rows inside each are
    shuffled with a fixed seed, then taken round-robin, one from each stratum in turn, so a
    rare kind of event is in the sample even where one kind makes most of the data."""
    rng = random.Random(seed)
    strata: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        strata[(row.country, row.kind.casefold())].append(row)
    order = sorted(strata)
    rng.shuffle(order)
    for key in order:
        rng.shuffle(strata[key])
    picked: list[Row] = []
    depth = 0
    while len(picked) < min(size, len(rows)):
        for key in order:
            if depth < len(strata[key]) and len(picked) < size:
                picked.append(strata[key][depth])
        depth += 1
    return picked


# --- names --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from footprint.place.sources import countries

    return frozenset(c["name"].casefold() for c in countries().values()) | {"international"}


TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
BRACKETS = re.compile(r"\(([^()]*)\)")


def _is_acronym(text: str) -> bool:
    """'NPA', 'CPI-Maoist': one word with at least two capitals ('Maoist' and 'M' are not)."""
    return " " not in text.strip() and sum(ch.isupper() for ch in text) >= 2


def name_forms(name: str, strip_brackets: bool = False) -> list[str]:
    """The ways a coded name may be written: the whole name without a trailing "(Country)";
    for "A: B" both A and B; every bracketed acronym inside. With strip_brackets (GTD), each
    form also without its bracketed part ("New People's Army (NPA)" -> "New People's Army")."""
    base = name.strip()
    trailing = TRAILING_BRACKET.search(base)
    if trailing and trailing.group(1).strip().casefold() in _country_names():
        base = base[: trailing.start()].strip()
    forms = [base]
    if ": " in base:
        forms += [part.strip() for part in base.split(": ", 1)]
    forms += [m.group(1).strip() for m in BRACKETS.finditer(base) if _is_acronym(m.group(1))]
    if strip_brackets:
        forms += [" ".join(BRACKETS.sub(" ", f).split()) for f in forms]
    out: list[str] = []
    for form in forms:
        if form and form not in out:
            out.append(form)
    return out


def is_generic(name: str) -> bool:
    base = name_forms(name)[0].casefold()
    return base.startswith(tuple(g.casefold() for g in GENERIC_PREFIXES)) or base.endswith(
        GENERIC_SUFFIXES
    )


def mentioned(forms: Iterable[str], text: str) -> bool:
    """Some form of at least MIN_FORM_CHARS characters is written in the text (any case, as
    whole words)."""
    for form in forms:
        if len(form) < MIN_FORM_CHARS:
            continue
        pattern = r"\s+".join(re.escape(w) for w in form.split())
        if re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE):
            return True
    return False


def same_name(found: str, form: str) -> bool:
    """Equal name keys, or one key inside the other as whole words: our name may carry extra
    words ("Taliban militants" holds "Taliban"); a shorter name of ours must keep two words
    ("Awami League" in "Bangladesh Awami League", not "Party" in every party's name, which is
    why scoring.names_match's word-set rule is too loose here)."""
    f, g = name_key(found), name_key(form)
    if not f or not g:
        return False
    if f == g or len(g) >= MIN_FORM_CHARS and f" {g} " in f" {f} ":
        return True
    return len(f.split()) >= 2 and f" {f} " in f" {g} "


def matching_entities(result: DocumentResult, forms: list[str]) -> list[Entity]:
    return [
        e
        for e in result.entities
        if e.type in NAMED
        and any(same_name(n, form) for n in {e.name, *e.aliases} for form in forms)
    ]


# --- scoring one row ----------------------------------------------------------------------------


def scored_event(result: DocumentResult, family: str | None) -> Event | None:
    """The first non-background event of the family, in text (= list) order."""
    for event in result.events:
        if event.background:
            continue
        if family is None or event.type in FAMILIES[family]:
            return event
    return None


def _no_event(result: DocumentResult) -> str:
    kinds = sorted({e.type for e in result.events if not e.background})
    return f"no event of the family (ours: {', '.join(kinds) or 'none'})"


def _names(entities: Iterable[Entity]) -> str:
    return ", ".join(sorted({e.name for e in entities})) or "none"


def _our_names(result: DocumentResult) -> str:
    return "not among: " + _names(e for e in result.entities if e.type in NAMED)


def date_right(event: Event, day: dt.date) -> bool:
    span = event.date
    if span is None or span.start is None or span.end is None:
        return False
    width = (span.end - span.start).days + 1
    return span.start <= day <= span.end and width <= MAX_DATE_DAYS


def place_km(event: Event, point: tuple[float, float]) -> float | None:
    place = event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    return distance_km((place.lat, place.lon), point)


def score_row(row: Row, result: DocumentResult) -> list[Check]:
    """Every check one row makes of the document extracted from it."""
    event = scored_event(result, row.family)
    gold_event = f"{row.kind} -> {row.family or 'any'} family"
    if event is None:  # every event field is missed; the actors are scored all the same
        missed = _no_event(result)
        checks = [Check("event", False, missed, gold_event, answered=False)]
        if row.point is not None:
            checks.append(Check("place", False, missed, _gold_place(row), answered=False))
        checks.append(Check("date", False, missed, row.day.isoformat(), answered=False))
        if row.killed is not None:
            checks.append(Check("killed", False, missed, str(row.killed), answered=False))
        return checks + _actor_checks(row, result) + _perpetrator_checks(row, result, None)

    checks = [Check("event", True, event.type, gold_event)]
    if row.point is not None:
        km = place_km(event, row.point)
        where = "no place"
        if event.place is not None:
            p = event.place
            where = f"{p.name} [{p.precision}] ({p.lat}, {p.lon})"
            where += f", {km:.0f} km off" if km is not None else ""
        checks.append(
            Check(
                "place",
                km is not None and km <= PLACE_KM,
                f"{event.type}: {where}",
                _gold_place(row),
                answered=km is not None,
            )
        )
    span = event.date
    when = (
        "no date" if span is None else f"{span.start}..{span.end} ({span.precision}, {span.text!r})"
    )
    checks.append(
        Check(
            "date",
            date_right(event, row.day),
            f"{event.type}: {when}",
            row.day.isoformat(),
            answered=span is not None,
        )
    )
    if row.killed is not None:
        # getattr: events read before casualties were extracted have no such attribute
        killed = getattr(getattr(event, "casualties", None), "killed", None)
        checks.append(
            Check(
                "killed",
                killed == row.killed,
                f"{event.type}: killed {killed}",
                str(row.killed),
                answered=killed is not None,
            )
        )
    return checks + _actor_checks(row, result) + _perpetrator_checks(row, result, event)


def _gold_place(row: Row) -> str:
    assert row.point is not None
    return f"{row.place} ({row.point[0]:.2f}, {row.point[1]:.2f})"


def _actor_checks(row: Row, result: DocumentResult) -> list[Check]:
    checks = []
    for actor in dict.fromkeys(row.actors):  # an actor coded twice in a row counts once
        forms = name_forms(actor)
        if is_generic(actor) or not mentioned(forms, row.text):
            continue
        found = matching_entities(result, forms)
        shown = _names(found) if found else _our_names(result)
        checks.append(Check("actors", bool(found), shown, actor, answered=bool(found)))
    return checks


def _perpetrator_checks(row: Row, result: DocumentResult, event: Event | None) -> list[Check]:
    if row.perpetrator is None or is_generic(row.perpetrator):
        return []
    forms = name_forms(row.perpetrator, strip_brackets=True)
    if not mentioned(forms, row.text):
        return []
    found = matching_entities(result, forms)
    ids = {e.id for e in found}
    entity_checks = [
        Check(
            "perpetrator_entity",
            bool(found),
            _names(found) if found else _our_names(result),
            row.perpetrator,
            answered=bool(found),
        )
    ]
    if event is None:
        missed = _no_event(result)
        return [
            Check("perpetrator", False, missed, row.perpetrator, answered=False)
        ] + entity_checks
    named = {e.id: e.name for e in result.entities}
    perpetrators = [p.entity for p in event.participants if p.role == "perpetrator"]
    shown = ", ".join(sorted({named.get(p, p) for p in perpetrators})) or "none"
    perpetrator = Check(
        "perpetrator",
        any(p in ids for p in perpetrators),
        f"{event.type} perpetrators: {shown}",
        row.perpetrator,
        answered=bool(perpetrators),
    )
    return [perpetrator] + entity_checks


# --- the suites ---------------------------------------------------------------------------------


def tally(
    scored: Iterable[tuple[Row, list[Check]]],
) -> tuple[dict[str, dict[str, float]], list[dict[str, Any]]]:
    """Accuracy and n per field (in FIELDS order), and one error per wrong check."""
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    errors: list[dict[str, Any]] = []
    for row, checks in scored:
        note = " ".join(row.text.split())[:TEXT_SHOWN]
        for c in checks:
            total[c.field] += 1
            if c.right:
                right[c.field] += 1
                continue
            errors.append(
                {
                    "field": c.field,
                    "kind": "false" if c.answered else "missed",
                    "item": c.found,
                    "gold": c.gold,
                    "context": f"{row.id}: {note}",
                }
            )
    fields = {
        name: {"accuracy": round(right[name] / total[name], 4), "n": total[name]}
        for name in FIELDS
        if total[name]
    }
    errors.sort(key=lambda e: FIELDS.index(e["field"]))
    return fields, errors


def run(
    ctx: Any, rows: list[Row], path: Path
) -> tuple[dict[str, dict[str, float]], list[dict[str, Any]]]:
    """Extract every row's document with the shared pipeline and geocoder, then score it."""
    from footprint.extract.from_doc import extract

    pairs = ((row.text, row) for row in rows)
    scored = []
    for spacy_doc, row in ctx.nlp.pipe(pairs, as_tuples=True, batch_size=32):
        found = extract(spacy_doc, row.document(str(path)), geocoder=ctx.geocoder)
        scored.append((row, score_row(row, found)))
    return tally(scored)
