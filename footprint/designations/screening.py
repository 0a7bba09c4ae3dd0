"""Designation screening of a document's actors, in four kinds that are never blurred:

- ``listed``: the actor's name matches a listed entity's primary name;
- ``alias``: it matches an alias of a listed entity (and the alias had been added by the date);
- ``claimed_front``: the text says the actor is a front, façade, wing or successor of a listed
  entity, but no list says so;
- ``linked_person``: the text ties a person to a listed entity (member, leader, envoy, relative).

Name matches below the matcher's threshold are kept as ``possible`` ("possible match — not
asserted") and never count as designated. Each event gets the participants designated as of its
date, and every appearance beside a designated actor is reported as a co-appearance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from footprint.designations.matching import Context, Match, Screener
from footprint.model import DocumentResult, Entity, Event, Evidence, Relation

KINDS = ("listed", "alias", "claimed_front", "linked_person", "possible")
# Possible matches below this are noise for a reader (unrelated names sharing one token).
POSSIBLE_FLOOR = 0.7
# When several lists agree, the dossier leads with the most widely used one.
LIST_PRIORITY = ("UN ", "US OFAC", "US State", "EU ", "India", "Canada")
DESIGNATED = ("listed", "alias")
LINKING_PREDICATES = ("member_of", "leader_of", "represents", "relative_of")
# How the dossier says each kind in words.
KIND_WORDS = {
    "listed": "on a designation list",
    "alias": "matches a listed alias",
    "claimed_front": "said by the text to be a front of a listed entity — not itself listed",
    "linked_person": "tied by the text to a listed entity — not itself listed",
    "possible": "possible match — not asserted",
}


@dataclass(frozen=True)
class Designation:
    kind: str
    list: str
    program: str
    listed_name: str
    listed_on: dt.date | None
    score: float
    explanation: str
    source: str
    listing_id: str
    via: str | None = None  # for claimed_front / linked_person: the designated entity's id
    evidence: Evidence | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "list": self.list,
            "program": self.program,
            "listed_name": self.listed_name,
            "listed_on": self.listed_on.isoformat() if self.listed_on else None,
            "score": round(self.score, 3),
            "explanation": self.explanation,
            "source": self.source,
            "listing_id": self.listing_id,
            "via": self.via,
            "evidence": self.evidence.to_json() if self.evidence else None,
        }


@dataclass(frozen=True)
class DesignatedParticipant:
    event: str
    entity: str
    kind: str
    as_of: dt.date | None
    listing_id: str


@dataclass(frozen=True)
class CoAppearance:
    event: str
    actor: str
    with_: str
    kind: str


@dataclass
class Screening:
    designations: dict[str, list[Designation]] = field(default_factory=dict)
    designated_participants: list[DesignatedParticipant] = field(default_factory=list)
    co_appearances: list[CoAppearance] = field(default_factory=list)


def _from_match(match: Match) -> Designation:
    listing = match.listing
    if not match.asserted:
        kind = "possible"
    else:
        kind = "alias" if match.alias is not None and match.alias.quality != "primary" else "listed"
    return Designation(
        kind=kind,
        list=listing.list,
        program=listing.program,
        listed_name=listing.name,
        listed_on=listing.listed_on,
        score=match.score,
        explanation=match.explanation,
        source=listing.source,
        listing_id=listing.id,
    )


def _context(entity: Entity, relations: list[Relation], names: dict[str, str]) -> Context:
    """What the text says about an actor: the organisations and roles it ties it to."""
    orgs = tuple(
        names[r.object]
        for r in relations
        if r.subject == entity.id and r.object is not None and r.predicate != "relative_of"
    )
    roles = tuple(r.role for r in relations if r.subject == entity.id)
    return Context(entity_type=entity.type, organizations=orgs, roles=roles)


def _name_matches(
    entity: Entity, screener: Screener, context: Context, as_of: dt.date | None
) -> list[Designation]:
    """Screen the entity's name and its written forms; keep the best match per listing."""
    best: dict[str, Designation] = {}
    for name in [entity.name, *sorted(entity.aliases)]:
        for match in screener.screen(name, context=context, as_of=as_of):
            found = _from_match(match)
            held = best.get(found.listing_id)
            if held is None or (found.kind in DESIGNATED, found.score) > (
                held.kind in DESIGNATED,
                held.score,
            ):
                best[found.listing_id] = found
    kept = [d for d in best.values() if d.kind != "possible" or d.score >= POSSIBLE_FLOOR]
    return sorted(kept, key=lambda d: (d.kind not in DESIGNATED, -d.score, _list_rank(d.list)))


def _list_rank(name: str) -> int:
    for rank, prefix in enumerate(LIST_PRIORITY):
        if name.startswith(prefix):
            return rank
    return len(LIST_PRIORITY)


def _designated(items: Iterable[Designation]) -> list[Designation]:
    return [d for d in items if d.kind in DESIGNATED]


def screen_document(
    result: DocumentResult, screener: Screener, as_of: dt.date | None = None
) -> Screening:
    """Designations of every person and organisation in a document (as of `as_of`, default the
    publication date), then per-event designated participants and co-appearances."""
    if as_of is None and result.document.published:
        try:
            as_of = dt.date.fromisoformat(result.document.published[:10])
        except ValueError:
            as_of = None
    names = {e.id: e.name for e in result.entities}
    actors = [e for e in result.entities if e.type in ("person", "organization")]
    screening = Screening()
    contexts = {e.id: _context(e, result.relations, names) for e in actors}
    for entity in actors:
        found = _name_matches(entity, screener, contexts[entity.id], as_of)
        if found:
            screening.designations[entity.id] = found

    # What the text claims: fronts of, and people tied to, designated entities.
    for relation in result.relations:
        if relation.object is None:
            continue
        target = _designated(screening.designations.get(relation.object, []))
        if not target:
            continue
        own = _designated(screening.designations.get(relation.subject, []))
        if own:
            continue  # listed in its own right: the claim adds nothing to the kind
        if relation.predicate == "front_of":
            kind = "claimed_front"
        elif relation.predicate in LINKING_PREDICATES and _is_person(result, relation.subject):
            kind = "linked_person"
        else:
            continue
        listing = target[0]
        claim = Designation(
            kind=kind,
            list=listing.list,
            program=listing.program,
            listed_name=listing.listed_name,
            listed_on=listing.listed_on,
            score=1.0,
            explanation=(
                f"the text calls {names[relation.subject]} "
                f"{relation.role or relation.predicate.replace('_', ' ')} of "
                f"{names[relation.object]}, which is listed as {listing.listed_name}"
            ),
            source=listing.source,
            listing_id=listing.listing_id,
            via=relation.object,
            evidence=relation.evidence,
        )
        existing = screening.designations.setdefault(relation.subject, [])
        if not any(d.kind == kind and d.via == claim.via for d in existing):
            existing.append(claim)

    for event in result.events:
        _screen_event(event, result, screener, screening, contexts)
    return screening


def _is_person(result: DocumentResult, entity_id: str) -> bool:
    return any(e.id == entity_id and e.type == "person" for e in result.entities)


def _screen_event(
    event: Event,
    result: DocumentResult,
    screener: Screener,
    screening: Screening,
    contexts: dict[str, Context],
) -> None:
    """Which participants were designated on the event's date, and who stood beside them."""
    as_of = getattr(event.date, "start", None) if event.date is not None else None
    by_id = {e.id: e for e in result.entities}
    marked: dict[str, str] = {}
    for p in event.participants:
        entity = by_id.get(p.entity)
        if entity is None or entity.id not in contexts:
            continue
        dated = _designated(_name_matches(entity, screener, contexts[entity.id], as_of))
        claims = [
            d
            for d in screening.designations.get(entity.id, [])
            if d.kind in ("claimed_front", "linked_person")
        ]
        chosen = dated[0] if dated else (claims[0] if claims else None)
        if chosen is None:
            continue
        marked[entity.id] = chosen.kind
        screening.designated_participants.append(
            DesignatedParticipant(event.id, entity.id, chosen.kind, as_of, chosen.listing_id)
        )
    if event.background:
        return
    for p in event.participants:
        for other, kind in marked.items():
            if other != p.entity:
                screening.co_appearances.append(CoAppearance(event.id, p.entity, other, kind))
