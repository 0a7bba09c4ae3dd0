"""An actor's profile: where it went, when, in which role, beside whom, tied to what.

An organisation is rarely the grammatical subject of "spoke at a rally": its people are. So the
profile rolls up, beside the actor's own occasions, those of everyone the texts tie to it (its
representatives, leaders, members, staff, office holders) while the tie held at the occasion,
and, kept apart, those of organisations claimed to be its fronts. Each rolled-up stop carries
`via`: through whom, in which role, and the sentence that says so. `direct=True` gives the
actor's own occasions only.

Whether a tie held at an occasion is read from the text, never assumed for a past role: an
explicit tenure ("until 2019", "since 2021") decides; a "then-" role in the sentence that puts
the person at the occasion held there, a "former" one had ended; a past role stated in a report
cannot hold at a later occasion; any other past role counts with its doubt written out.

Everything is read through the store's actor reads (`footprint/store/actors.py`), indexed on the
actor's own rows (participations, relations, designations); nothing walks a whole table except
the name lookup and the "did you mean" list on a miss. The helpers here (actor resolution, the
event filter) are shared by `graph` and `timeline`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Literal

from footprint.analysis.state import host_state
from footprint.errors import FootprintError
from footprint.place.countries import country_code
from footprint.store import StoreView
from footprint.store.actors import AppearanceRow, CoParticipantRow, TieRow
from footprint.time import TimeSpan, normalise

HOST_ROLES = ("host", "organizer")

# Relations that make the subject act for the object: its people (in the order a stop reached
# through several ties names them), and organisations the texts claim are its fronts.
PERSON_TIES = ("represents", "leader_of", "member_of", "works_for", "holds_title")
FRONT_TIES = ("front_of",)
PERSON, FRONT = "person", "claimed front"

# The words the relation extractor reads as a past marker, and what each says about the moment
# its sentence describes: "then-leader X spoke" held the role there; "former leader X spoke" no
# longer did; "the late X" says only that the person has since died.
PAST_MARKERS = {
    "then": "held",
    "former": "ended",
    "ex": "ended",
    "erstwhile": "ended",
    "late": "unknown",
}
# Words that open a statement of how long a role lasted, right after it: "leader of Y until
# 2019", "envoy since 2021", "chairman from 2010 to 2019", "head (2010-2019)".
TENURE_CUES = ("until", "till", "through", "since", "from", "between", "up to", "(")
_CLAUSE_END = re.compile(r"[,;:.)]")

Verdict = Literal["holds", "doubtful", "ended"]
VERDICT_RANK: dict[str, int] = {"holds": 0, "doubtful": 1, "ended": 2}


def near_names(store: StoreView, name: str, limit: int = 5) -> list[str]:
    """Stored names close to `name` (only used to explain a miss)."""
    names = store.entity_names()
    lowered = {n.lower(): n for n in names}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=limit, cutoff=0.6)
    out = [lowered[c] for c in close]
    needle = name.lower()
    for n in sorted(names):
        if len(out) >= limit:
            break
        if n not in out and (needle in n.lower() or n.lower() in needle):
            out.append(n)
    return out


def resolve_actor(store: StoreView, actor: str) -> list[str]:
    """Entity ids whose name, or one of whose mentions' names, is `actor` (any case).

    Raises FootprintError naming the closest stored names when nothing matches."""
    name = " ".join(actor.split())
    if not name:
        raise FootprintError("no actor given")
    ids = store.entity_ids_named(name)
    if not ids:
        near = near_names(store, name)
        hint = f"; did you mean: {', '.join(near)}?" if near else ""
        raise FootprintError(f"no actor named {actor!r} in {store.name}{hint}")
    return ids


def actor_entities(store: StoreView, ids: Iterable[str]) -> list[str]:
    """Every entity of the actors (entity clusters) the given entities belong to."""
    return store.cluster_members(ids)


def cluster_of(store: StoreView, ids: Iterable[str]) -> dict[str, str]:
    """Entity id -> its actor (cluster) id; an unresolved entity is its own actor."""
    return store.cluster_of(ids)


def entity_rows(store: StoreView, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, name, type} for the given entity ids."""
    return {e.id: {"id": e.id, "name": e.name, "type": e.type} for e in store.entities(ids)}


def designated_kinds(store: StoreView, ids: Iterable[str]) -> dict[str, list[str]]:
    """id -> sorted designation kinds (listed, alias, claimed_front, ...) the store holds."""
    return store.designation_kinds(ids)


def event_date(row: Any) -> dict[str, Any] | None:
    if row["date_precision"] is None:
        return None
    return {
        "start": row["date_start"],
        "end": row["date_end"],
        "precision": row["date_precision"],
        "text": row["date_text"],
    }


def date_key(d: dict[str, Any] | None) -> str:
    """Sort key: dated events in time order, undated after them."""
    if d is None:
        return "9999"
    return str(d.get("start") or d.get("end") or "9999")


def aliases(store: StoreView, ids: Sequence[str], name: str) -> list[str]:
    """Every other way the entities were written: each mention's name, bare and with titles."""
    found: set[str] = set()
    for spelled, titles in store.spellings(ids):
        for alias in (spelled, " ".join([*titles, spelled])):
            if alias != name:
                found.add(alias)
    return sorted(found)


PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "approximate": 3, "year": 4}


def _span(itinerary: list[dict[str, Any]]) -> dict[str, Any]:
    """The first and the latest dated appearance (each with its occasion), and how many of the
    itinerary's occasions are undated."""
    dated = [s for s in itinerary if s["date"] and (s["date"].get("start") or s["date"].get("end"))]

    def stop(s: dict[str, Any] | None) -> dict[str, Any] | None:
        if s is None:
            return None
        return {"event": s["event"], "label": s["label"], "date": s["date"]}

    first = min(dated, key=lambda s: date_key(s["date"]), default=None)
    latest = max(
        dated, key=lambda s: str(s["date"].get("end") or s["date"].get("start")), default=None
    )
    return {"first": stop(first), "latest": stop(latest), "undated": len(itinerary) - len(dated)}


def _precision_rank(d: dict[str, Any] | None) -> int:
    return 9 if d is None else PRECISION_RANK.get(str(d.get("precision")), 5)


def _quarter(d: dict[str, Any] | None) -> str:
    if d is None or not (d.get("start") or d.get("end")):
        return "undated"
    iso = str(d.get("start") or d.get("end"))
    month = int(iso[5:7]) if len(iso) >= 7 else 1
    return f"{iso[:4]}-Q{(month - 1) // 3 + 1}"


def _counts(values: Iterable[str | None]) -> list[dict[str, Any]]:
    counter = Counter(v for v in values if v)
    return [
        {"name": k, "events": n} for k, n in sorted(counter.items(), key=lambda x: (-x[1], x[0]))
    ]


# -- the country filter ---------------------------------------------------------------------


# -- itinerary stops --------------------------------------------------------------------------


class _Decoded(dict[str, Any]):
    """JSON text -> its value, each text decoded once: an actor's rows repeat their towns'
    places and their (nearly always empty) conflicts. The stops share the values; nothing
    changes them."""

    def __missing__(self, text: str) -> Any:
        value = self[text] = json.loads(text)
        return value


def _add_row(stops: dict[str, dict[str, Any]], row: AppearanceRow, decoded: _Decoded) -> None:
    """Fold one participation into the stop of its occasion: an event reported in two
    documents is one stop with the evidence of both; the most precise date leads, and
    conflicting dates are shown."""
    date = event_date(row)
    evidence = {
        "document": row.evidence_document,
        "sentence": row.sentence,
        "attribution": row.attribution,
    }
    stop = stops.get(row.occasion)
    if stop is None:
        stops[row.occasion] = {
            "event": row.occasion,
            "reports": [row.id],
            "date": date,
            "label": row.label,
            "type": row.type,
            "background": bool(row.background),
            "place": decoded[row.place] if row.place else None,
            "role": row.role,
            "mode": row.mode,
            "documents": decoded[row.occasion_documents or "[]"] or [row.evidence_document],
            "independent_sources": row.independent_sources or 1,
            "conflicts": decoded[row.conflicts or "[]"],
            "evidence": [evidence],
            "via": None,
            "also_via": [],
        }
        return
    if row.id not in stop["reports"]:
        stop["reports"].append(row.id)
    if evidence not in stop["evidence"]:
        stop["evidence"].append(evidence)
    if stop["mode"] == "unknown" and row.mode != "unknown":
        stop["mode"] = row.mode
    if stop["place"] is None and row.place:
        stop["place"] = decoded[row.place]
    if _precision_rank(date) < _precision_rank(stop["date"]):
        stop["date"] = date


def _stops(rows: Iterable[AppearanceRow]) -> dict[str, dict[str, Any]]:
    """Occasion -> its itinerary stop, from participations."""
    stops: dict[str, dict[str, Any]] = {}
    decoded = _Decoded()
    for row in rows:
        _add_row(stops, row, decoded)
    return stops


def _in_order(stops: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(stops, key=lambda s: (date_key(s["date"]), s["event"]))


# -- ties: who acts for the actor, and when ----------------------------------------------------


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def past_marker(row: TieRow) -> str | None:
    """The word that made the relation a past one ("then", "former", ...), "past" when the
    relation is marked past but the word is not in its span; None for a current role."""
    if json.loads(row.qualifiers).get("time") != "past":
        return None
    # The span's own word first; a title's marker can stand just before the span ("former
    # Senator X"), so the nearest word before it next.
    at = row.sentence.find(row.text)
    before = row.sentence[max(0, at - 12) : at] if at >= 0 else ""
    inside = re.findall(r"[a-z]+", row.text.lower())
    for word in [*inside, *reversed(re.findall(r"[a-z]+", before.lower()))]:
        if word in PAST_MARKERS:
            return word
    return "past"


def tenure_of(sentence: str, text: str, anchor: dt.date | None) -> TimeSpan | None:
    """How long the role in `text` lasted, when the words right after it in `sentence` say so
    ("leader of Y until 2019", "envoy since 2021", "head (2010-2019)"); None otherwise.

    `anchor` (the report's date) places relative expressions ("until last year")."""
    at = sentence.find(text)
    if at < 0 or not text:
        return None
    tail = sentence[at + len(text) :].lstrip()
    cue = next((c for c in TENURE_CUES if tail.lower().startswith(c)), None)
    if cue is None:
        return None
    if cue == "(":
        clause = tail[1:].split(")", 1)[0]
    else:
        ended = _CLAUSE_END.search(tail)
        clause = tail[: ended.start()] if ended else tail
    # The clause may run on past the dates ("until 2019 when he retired"): the longest
    # leading run of words that reads as a time is the tenure.
    words = clause.split()
    for n in range(len(words), 0, -1):
        span = normalise(" ".join(words[:n]), anchor)
        if span is not None and (span.start or span.end):
            return span
    return None


@dataclass(frozen=True)
class Tie:
    """One stated tie of a subject actor to the profiled actor, with what the text says about
    its time."""

    row: TieRow
    actor: str  # the subject's actor (entity cluster)
    kind: str  # PERSON or FRONT
    marker: str | None  # the past marker, None for a current role
    tenure: TimeSpan | None

    @cached_property  # read for every occasion the tie carries
    def role(self) -> str:
        place = json.loads(self.row.qualifiers).get("place")
        return f"{self.row.role} in {place}" if place else self.row.role

    def via(self, doubt: str | None) -> dict[str, Any]:
        r = self.row
        return {
            "id": self.actor,
            "name": r.subject_name,
            "type": r.subject_type,
            "tie": self.kind,
            "predicate": r.predicate,
            "role": self.role,
            "past": self.marker,
            "tenure": self.tenure.to_json() if self.tenure else None,
            "doubt": doubt,
            "relation": r.id,
            "evidence": {
                "document": r.document_id,
                "sentence": r.sentence,
                "start": r.start,
                "end": r.end,
                "text": r.text,
                "attribution": r.attribution,
            },
        }


def read_tie(row: TieRow, actor: str) -> Tie:
    kind = FRONT if row.predicate in FRONT_TIES else PERSON
    tenure = tenure_of(row.sentence, row.text, _day(row.published))
    return Tie(row, actor, kind, past_marker(row), tenure)


def _occasion_bounds(d: dict[str, Any] | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day an occasion may have been on; an open side takes the other's day."""
    if d is None:
        return None, None
    start, end = _day(d.get("start")), _day(d.get("end"))
    return start or end, end or start


def _within_tenure(tenure: TimeSpan, when: dict[str, Any] | None) -> tuple[Verdict, str | None]:
    first, last = _occasion_bounds(when)
    held = f"the role ran {tenure.text}"
    if first is None or last is None:
        return "doubtful", f"{held}; the occasion is undated"
    if tenure.end is not None and first > tenure.end:
        return "ended", f"{held}; the occasion came after"
    if tenure.start is not None and last < tenure.start:
        return "ended", f"{held}; the occasion came before"
    inside = (tenure.start is None or first >= tenure.start) and (
        tenure.end is None or last <= tenure.end
    )
    return ("holds", None) if inside else ("doubtful", f"{held}; the occasion's dates straddle it")


def judge(
    tie: Tie, when: dict[str, Any] | None, sentences: set[tuple[str, str]]
) -> tuple[Verdict, str | None]:
    """Whether the tie held at an occasion (its date `when`, its evidence `sentences` as
    (document, sentence)): "holds", "doubtful" (counted, with the reason) or "ended" (not
    counted, with the reason)."""
    if tie.tenure is not None:
        return _within_tenure(tie.tenure, when)
    said_there = (tie.row.document_id, tie.row.sentence) in sentences
    reading = PAST_MARKERS.get(tie.marker or "", "unknown")
    if said_there and tie.marker is not None and reading == "ended":
        return "ended", f"the sentence that puts them there calls the role {tie.marker}"
    if tie.marker is None or (said_there and reading == "held"):
        return "holds", None
    first, _ = _occasion_bounds(when)
    published = _day(tie.row.published)
    if published is not None and first is not None and first > published:
        return "ended", f"already a past role ({tie.marker}) in a report of {published}"
    return "doubtful", f"a past role ({tie.marker}); the text does not say when it ended"


@dataclass
class TiedActor:
    """An actor tied to the profiled one, its ties and what became of its occasions."""

    id: str
    ties: list[Tie]
    counted: list[str]
    doubtful: list[str]
    left_out: list[dict[str, Any]]

    @property
    def kind(self) -> str:
        return PERSON if any(t.kind == PERSON for t in self.ties) else FRONT

    def summary(self) -> dict[str, Any]:
        first = self.ties[0].row
        return {
            "id": self.id,
            "name": Counter(t.row.subject_name for t in self.ties).most_common(1)[0][0],
            "type": first.subject_type,
            "tie": self.kind,
            "relations": [t.via(None) for t in self.ties],
            "counted": self.counted,
            "doubtful": self.doubtful,
            "left_out": self.left_out,
        }


def tied_actors(store: StoreView, ids: Sequence[str]) -> tuple[dict[str, TiedActor], list[str]]:
    """The actors the texts tie to the entities `ids` (one actor), and every entity of theirs."""
    own = set(ids)
    rows = [r for r in store.ties_to(ids, PERSON_TIES + FRONT_TIES) if r.subject_id not in own]
    members = store.cluster_members(r.subject_id for r in rows)
    actor_of = store.cluster_of(members)
    # An entity resolved into the profiled actor itself acts for no one but it.
    inside = {actor_of[m] for m in members if m in own}
    tied: dict[str, TiedActor] = {}
    for row in rows:
        actor = actor_of[row.subject_id]
        if actor not in inside:
            tied.setdefault(actor, TiedActor(actor, [], [], [], [])).ties.append(
                read_tie(row, actor)
            )
    kept = [m for m in members if actor_of[m] in tied]
    return tied, kept


_PREDICATE_ORDER = {p: i for i, p in reversed(list(enumerate(PERSON_TIES + FRONT_TIES)))}


def _tie_order(tie: Tie) -> tuple[int, int, str]:
    return (tie.kind != PERSON, _PREDICATE_ORDER[tie.row.predicate], tie.row.id)


def _best_tie(ordered: list[Tie], stop: dict[str, Any]) -> tuple[Tie, Verdict, str | None]:
    """The tie that best holds at the occasion of `stop`: the surest verdict, then the first
    in `_tie_order`. `ordered` is the actor's ties in that order, so the first tie that holds
    is the answer and the rest need no judging (a person named a member in every report has
    as many ties as reports, and as many occasions)."""
    sentences = {(e["document"], e["sentence"]) for e in stop["evidence"]}
    best: tuple[int, Tie, Verdict, str | None] | None = None
    for tie in ordered:
        verdict, reason = judge(tie, stop["date"], sentences)
        rank = VERDICT_RANK[verdict]
        if best is None or rank < best[0]:
            best = (rank, tie, verdict, reason)
            if rank == 0:
                break
    if best is None:
        raise ValueError("an actor tied by no tie")
    return best[1], best[2], best[3]


@dataclass
class RollUp:
    """The occasions reached through tied actors: stops through people, stops through claimed
    fronts (kept apart), and per occasion the actors counted as acting for the profiled one."""

    people: list[dict[str, Any]]
    fronts: list[dict[str, Any]]
    acting: dict[str, set[str]]
    tied: list[TiedActor]


@dataclass(frozen=True)
class Reached:
    """One tied actor counted at an occasion: its own stop there and the `via` that says why."""

    rank: tuple[int, tuple[int, int, str], str]  # surest tie first, people before fronts
    stop: dict[str, Any]
    via: dict[str, Any]


def _judge_occasions(actor: TiedActor, rows: list[AppearanceRow]) -> Iterable[tuple[str, Reached]]:
    """The occasions of `rows` at which the actor's tie held (surely or with doubt), each with
    how it was reached; the others are recorded on the actor as left out, with the reason."""
    ordered = sorted(actor.ties, key=_tie_order)
    for occasion, stop in sorted(_stops(rows).items()):
        tie, verdict, reason = _best_tie(ordered, stop)
        if verdict == "ended":
            actor.left_out.append(
                {
                    "event": occasion,
                    "label": stop["label"],
                    "date": stop["date"],
                    "reason": reason,
                    "relation": tie.row.id,
                }
            )
            continue
        (actor.doubtful if verdict == "doubtful" else actor.counted).append(occasion)
        rank = (VERDICT_RANK[verdict], _tie_order(tie), tie.row.subject_name)
        yield occasion, Reached(rank, stop, tie.via(reason))


def _joined_stop(reached: list[Reached]) -> dict[str, Any]:
    """One stop for an occasion several tied actors were at: the surest tie is its `via`, the
    others `also_via`, and the evidence of each of them is kept."""
    first, *others = sorted(reached, key=lambda r: r.rank)
    stop = dict(first.stop)
    for other in others:
        stop["reports"] = list(dict.fromkeys([*stop["reports"], *other.stop["reports"]]))
        stop["evidence"] = stop["evidence"] + [
            e for e in other.stop["evidence"] if e not in stop["evidence"]
        ]
    stop["via"] = first.via
    stop["also_via"] = [r.via for r in others]
    return stop


def _roll_up(
    store: StoreView,
    ids: Sequence[str],
    own_stops: dict[str, dict[str, Any]],
    country: str | None,
    since: date | None,
    until: date | None,
) -> RollUp:
    tied, members = tied_actors(store, ids)
    actor_of = store.cluster_of(members)
    rows_by_actor: dict[str, list[AppearanceRow]] = defaultdict(list)
    for row in store.appearances(members, country=country, since=since, until=until):
        rows_by_actor[actor_of[row.who]].append(row)
    reached: dict[str, list[Reached]] = defaultdict(list)
    acting: dict[str, set[str]] = defaultdict(set)
    for actor_id in sorted(rows_by_actor):
        for occasion, how in _judge_occasions(tied[actor_id], rows_by_actor[actor_id]):
            acting[occasion].add(actor_id)
            # An occasion of the actor's own stays its own (via None); the tied actors there
            # still count as acting for it, not as its partners.
            if occasion not in own_stops:
                reached[occasion].append(how)
    stops = [_joined_stop(reached[o]) for o in sorted(reached)]
    return RollUp(
        people=[s for s in stops if s["via"]["tie"] == PERSON],
        fronts=[s for s in stops if s["via"]["tie"] == FRONT],
        acting=dict(acting),
        tied=[tied[a] for a in sorted(tied)],
    )


def roll_up(
    store: StoreView,
    ids: Sequence[str],
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> RollUp:
    """The occasions the entities `ids` (one actor) reach through the actors tied to them, as
    `profile` counts them: beside its own occasions (which stay its own), with each stop's `via`.
    `country` is an ISO-2 code. The network's ego network reads this too."""
    own_stops = _stops(store.appearances(ids, country=country, since=since, until=until))
    return _roll_up(store, ids, own_stops, country, since, until)


# -- the profile --------------------------------------------------------------------------------


def _partners(
    store: StoreView,
    itinerary: list[dict[str, Any]],
    own: set[str],
    acting: dict[str, set[str]],
    seen_rows: list[CoParticipantRow],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Everyone else at the itinerary's occasions (by actor, not by spelling), with their
    designations, and those of them in a host's role. The actor's own entities, and the tied
    actors counted as acting for it at an occasion, are not its partners there. `seen_rows`
    are the participants of the itinerary's reports."""
    occasion_of = {r: s["event"] for s in itinerary for r in s["reports"]}
    event_kinds = store.designated_at(list(occasion_of))
    actor_of = store.cluster_of(r.entity_id for r in seen_rows)
    others: dict[str, dict[str, Any]] = {}
    host_count: dict[str, dict[str, Any]] = {}
    for seen in seen_rows:
        occasion = occasion_of[seen.event_id]
        actor = actor_of[seen.entity_id]
        if seen.entity_id in own or actor in acting.get(occasion, ()):
            continue
        o = others.get(actor)
        if o is None:  # not setdefault: an organisation's page reads ten thousand rows
            o = others[actor] = {
                "id": actor,
                "names": [],
                "type": seen.type,
                "events": set(),
                "roles": set(),
                "members": set(),
            }
        o["names"].append(seen.name)
        o["members"].add(seen.entity_id)
        o["events"].add(occasion)
        o["roles"].add(seen.role)
        if seen.role in HOST_ROLES:
            h = host_count.setdefault(actor, {"events": set(), "roles": set()})
            h["events"].add(occasion)
            h["roles"].add(seen.role)
    kinds = designated_kinds(store, {m for o in others.values() for m in o["members"]})
    partners = []
    for o in others.values():
        marks_: set[str] = set()
        for m in o["members"]:
            marks_ |= set(kinds.get(m, [])) | event_kinds.get(m, set())
        partners.append(
            {
                "id": o["id"],
                "name": Counter(o["names"]).most_common(1)[0][0],
                "type": o["type"],
                "shared_events": len(o["events"]),
                "events": sorted(o["events"]),
                "roles": sorted(o["roles"]),
                "designated": sorted(marks_ - {"possible"}),
            }
        )
    partners.sort(key=lambda p: (-p["shared_events"], p["name"].lower(), p["id"]))
    partner_by_id = {p["id"]: p for p in partners}
    hosts = sorted(
        (
            {
                "id": eid,
                "name": partner_by_id[eid]["name"],
                "type": partner_by_id[eid]["type"],
                "roles": sorted(h["roles"]),
                "events": len(h["events"]),
                "designated": partner_by_id[eid]["designated"],
            }
            for eid, h in host_count.items()
        ),
        key=lambda h: (-h["events"], h["name"].lower()),
    )
    return partners, hosts


def _roles(store: StoreView, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The actor's own relations (as subject), one per relation with all its evidence."""
    roles: dict[str, dict[str, Any]] = {}
    for relation in store.roles_of(ids):
        rel = roles.setdefault(
            relation.id,
            {
                "id": relation.id,
                "predicate": relation.predicate,
                "role": relation.role,
                "object": relation.object_id,
                "object_name": relation.object_name,
                "qualifiers": {},
                "evidence": [],
            },
        )
        rel["qualifiers"].update(json.loads(relation.qualifiers))
        rel["evidence"].append(
            {
                "document": relation.document_id,
                "sentence": relation.sentence,
                "attribution": relation.attribution,
            }
        )
    own_kinds = designated_kinds(store, [o["object"] for o in roles.values() if o["object"]])
    for rel in roles.values():
        rel["object_designated"] = own_kinds.get(rel["object"], []) if rel["object"] else []
    return list(roles.values())


def _designations(store: StoreView, ids: Sequence[str]) -> list[dict[str, Any]]:
    designations: list[dict[str, Any]] = []
    marks: set[tuple[str, str]] = set()
    for d in store.designations_of(ids):
        if (d.kind, d.listing_id) in marks:
            continue
        marks.add((d.kind, d.listing_id))
        designations.append(
            {
                "kind": d.kind,
                "list": d.list,
                "program": d.program,
                "listed_name": d.listed_name,
                "listed_on": d.listed_on,
                "score": d.score,
                "explanation": d.explanation,
                "via": d.via,
            }
        )
    return designations


def profile(
    store: StoreView,
    actor: str,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    direct: bool = False,
    state: bool = True,
) -> dict[str, Any]:
    """The actor's itinerary, places, partners, roles, hosts, change over time (`by_period`,
    and `span`: its first and latest dated appearance) and designations.

    The itinerary holds the actor's own occasions and, unless `direct`, those of the people
    tied to it while the tie held (each with `via`); occasions of its claimed fronts are kept
    apart in `front_itinerary`. `country` (an ISO code or a country name) and the [since,
    until] window filter the events, and so everything drawn from them: places, partners,
    hosts and by_period are computed over the itinerary; roles and designations are the
    actor's own.

    Beside today's fields: `scope` ("via people" or "direct"); `counts` (own, through people,
    through claimed fronts); on each stop `via` (None for the actor's own occasions, else the
    tied actor, its predicate and role, past marker, tenure, doubt, and the relation's
    evidence with offsets) and `also_via` (the other tied actors there); `front_itinerary`;
    `host_state` (analysis/state.py: the occasions where state actors took part, who, in which
    role, why they count as state actors and the sentence that says so; left out with
    `state=False`, for a reader that does not show it); and `ties`, every tied actor with its
    relations and which of its occasions were counted, counted with doubt, or left out and
    why."""
    code = country_code(country) if country else None
    ids = actor_entities(store, resolve_actor(store, actor))
    info = entity_rows(store, ids)
    # The entity the name most plainly denotes: the exact-name one with most participations.
    counts = store.participation_counts(ids)
    main = min(ids, key=lambda i: (-counts.get(i, 0), i))
    head = info[main]

    own_stops = _stops(store.appearances(ids, country=code, since=since, until=until))
    if direct:
        rolled = RollUp([], [], {}, [])
    else:
        rolled = _roll_up(store, ids, own_stops, code, since, until)
    itinerary = _in_order([*own_stops.values(), *rolled.people])
    # Everyone at the itinerary's reports, read once for the partners and the host state.
    seen = store.co_participants(list(dict.fromkeys(r for s in itinerary for r in s["reports"])))
    partners, hosts = _partners(store, itinerary, set(ids), rolled.acting, seen)

    periods = Counter(_quarter(s["date"]) for s in itinerary)
    places = [s["place"] or {} for s in itinerary]
    answer: dict[str, Any] = {
        "actor": {
            "id": main,
            "ids": ids,
            "name": head["name"],
            "type": head["type"],
            "aliases": aliases(store, ids, head["name"]),
        },
        "scope": "direct" if direct else "via people",
        "filters": {
            "country": code,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        },
        "counts": {
            "direct": len(own_stops),
            "via_people": len(rolled.people),
            "via_claimed_fronts": len(rolled.fronts),
        },
        "itinerary": itinerary,
        "front_itinerary": _in_order(rolled.fronts),
        "ties": [t.summary() for t in rolled.tied],
        "places": {
            "by_place": _counts(p.get("name") for p in places),
            "by_admin1": _counts(p.get("admin1") for p in places),
            "by_country": _counts(p.get("country") for p in places),
        },
        "partners": partners,
        "roles": _roles(store, ids),
        "hosts": hosts,
        "by_period": [
            {"period": k, "events": periods[k]}
            for k in sorted(periods, key=lambda k: (k == "undated", k))
        ],
        "span": _span(itinerary),
        "designations": _designations(store, ids),
    }
    if state:
        answer["host_state"] = host_state(store, itinerary, set(ids), rolled.acting, seen)
    return answer
