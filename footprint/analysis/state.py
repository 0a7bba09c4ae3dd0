"""The host state's part: which actors act for a state, read from the words the texts use, each
with the sentence that says so, and the occasions of a footprint where they hosted, organised,
attended or shared the stage.

An actor is a state actor when
- it is an organisation whose name holds a word for a state body ("Ministry", "Senate",
  "National Assembly", "police", "armed forces"; nlp/patterns/state_bodies.txt) -- the evidence
  is the sentence of its first mention;
- it is a person the text gives a title of state office ("Senator", "Minister", "Governor",
  "Ambassador"; state_offices.txt) -- the evidence is that mention's sentence;
- or it is a person the text ties (works for, member of, holds a title at, represents) to such a
  body -- the evidence is the tie's sentence.
Everyone else is not said to be one: the section never guesses from a name alone. This is the
judgement an analysis article makes about "how far the host state went along"; here each step
of it carries its source.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from footprint.nlp import lexicons
from footprint.store import StoreView
from footprint.store.actors import CoParticipantRow

BODY = "state body"
OFFICE = "office holder"
TIED = "tied to a state body"
# Relations that make a person act for the body they point at.
SERVING_PREDICATES = {"works_for", "member_of", "holds_title", "represents", "leader_of"}


@dataclass(frozen=True)
class StateActor:
    """Why an entity counts as acting for a state, and where the text says so."""

    entity_id: str
    kind: str  # BODY | OFFICE | TIED
    reason: str  # in words: "its name says 'Senate'", "title 'Senator'", "member of X"
    document: str
    sentence: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "reason": self.reason,
            "evidence": {"document": self.document, "sentence": self.sentence},
        }


@lru_cache(maxsize=16384)
def body_word(name: str) -> str | None:
    """The state-body words an organisation's name holds, as written in the list, or None
    (remembered: a profile or a page asks it of the same names again and again)."""
    return lexicons.state_body_in([w.strip(".,'’()").lower() for w in name.split()])


def state_office(titles: Iterable[str]) -> str | None:
    offices = lexicons.state_offices()
    return next((t for t in titles if t.lower() in offices), None)


# Readings already made, per store (its name and id): entity id -> (its write stamp then, the
# reading). An entity's reading depends only on its own name, mentions and relations, which
# change only when a document naming it is written, and that moves its stamp (`written_at`);
# so a reading stays good, however many other documents come in, until its own stamp moves. A
# server's pages ask again and again about the same partners while an ingest writes.
_READ: dict[str, dict[str, tuple[int, StateActor | None]]] = {}
_READ_LOCK = threading.Lock()  # the web app classifies from several threads at once
READINGS_KEPT = 200_000


def classify(store: StoreView, entity_ids: Sequence[str]) -> dict[str, StateActor]:
    """The state actors among the entities, each with its first reason in document order."""
    if not entity_ids:
        return {}
    stamps = store.written_at(entity_ids)  # an entity no write named since has stamp 0
    which = f"{store.name} {store.store_id()}"
    with _READ_LOCK:
        known = _READ.setdefault(which, {})
        if len(known) > READINGS_KEPT:
            known.clear()
        missing = sorted(
            {e for e in entity_ids if (k := known.get(e)) is None or k[0] != stamps.get(e, 0)}
        )
    found = _classify(store, missing) if missing else {}
    with _READ_LOCK:
        for e in missing:
            known[e] = (stamps.get(e, 0), found.get(e))
        readings = {e: known[e][1] if e in known else found.get(e) for e in entity_ids}
    return {e: r for e, r in readings.items() if r is not None}


def _classify(store: StoreView, entity_ids: Sequence[str]) -> dict[str, StateActor]:
    found: dict[str, StateActor] = {}
    rows = _entity_types(store, entity_ids)
    types = {e: r["type"] for e, r in rows.items()}
    # Organisations by their name (read once per entity); only those that are state bodies
    # have their mentions read, for the sentence to cite.
    bodies = {
        e: word
        for e, r in rows.items()
        if r["type"] == "organization" and (word := body_word(r["name"])) is not None
    }
    for m in store.mentions_of_entities(sorted(bodies)):
        if m.entity_id not in found:
            reason = f"its name says '{bodies[m.entity_id]}'"
            found[m.entity_id] = StateActor(m.entity_id, BODY, reason, m.document_id, m.sentence)
    persons = [e for e in entity_ids if types.get(e) == "person"]
    for m in store.titled_mentions(persons):  # only mentions with a title are read
        office = state_office(json.loads(m.titles or "[]"))
        if office is not None and m.entity_id not in found:
            found[m.entity_id] = StateActor(
                m.entity_id, OFFICE, f"title '{office}'", m.document_id, m.sentence
            )
    people = [e for e in entity_ids if types.get(e) == "person" and e not in found]
    for role in store.roles_of(people, SERVING_PREDICATES):
        if role.subject_id in found or role.predicate not in SERVING_PREDICATES:
            continue
        if role.predicate == "holds_title" and state_office([role.role]):
            found[role.subject_id] = StateActor(  # "Foreign Minister X" with no body named
                role.subject_id, OFFICE, f"title '{role.role}'", role.document_id, role.sentence
            )
        elif role.object_name and body_word(role.object_name):
            reason = f"{role.predicate.replace('_', ' ')} {role.object_name}"
            if role.role:
                reason += f" ({role.role})"
            found[role.subject_id] = StateActor(
                role.subject_id, TIED, reason, role.document_id, role.sentence
            )
    return found


def _entity_types(store: StoreView, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    from footprint.analysis.profile import entity_rows

    return entity_rows(store, ids)


def host_state(
    store: StoreView,
    itinerary: list[dict[str, Any]],
    own: set[str],
    acting: dict[str, set[str]],
    rows: list[CoParticipantRow] | None = None,
) -> dict[str, Any]:
    """The itinerary's occasions at which state actors took part (other than the actor itself
    and the people counted as acting for it there), by date: who, in which role, why they
    count as state actors and the sentence that says so; with counts of occasions so met and
    of those a state actor hosted or organised."""
    occasion_of = {r: s for s in itinerary for r in s["reports"]}
    if rows is None:  # the participants of the itinerary's reports, unless the caller has them
        rows = store.co_participants(list(occasion_of))
    others = sorted({r.entity_id for r in rows if r.entity_id not in own and r.type != "place"})
    state = classify(store, others)
    per_stop: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rows:
        stop = occasion_of[r.event_id]
        reading = state.get(r.entity_id)
        if reading is None or r.entity_id in acting.get(stop["event"], ()):
            continue
        seen = per_stop.setdefault(stop["event"], {})
        entry = seen.setdefault(
            r.entity_id,
            {
                "id": r.entity_id,
                "name": r.name,
                "type": r.type,
                "roles": set(),
                **reading.to_json(),
            },
        )
        entry["roles"].add(r.role)
    occasions = []
    for stop in itinerary:
        actors = per_stop.get(stop["event"])
        if not actors:
            continue
        listed = [
            {**a, "roles": sorted(a["roles"])}
            for a in sorted(actors.values(), key=lambda a: (a["name"].lower(), a["id"]))
        ]
        occasions.append(
            {
                "event": stop["event"],
                "date": stop["date"],
                "label": stop["label"],
                "type": stop["type"],
                "place": stop["place"],
                "state_actors": listed,
                "hosted": any(set(a["roles"]) & {"host", "organizer"} for a in listed),
            }
        )
    return {
        "occasions": occasions,
        "counts": {
            "occasions": len(itinerary),
            "with_state_actors": len(occasions),
            "hosted_by_state_actors": sum(1 for o in occasions if o["hosted"]),
        },
    }
