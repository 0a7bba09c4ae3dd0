"""What an export holds: one neutral picture of (part of) the store that every format writes.

Every exporter (`ftm`, `stix`, `graphml`, `geojson`, `csv_tables`) reads the same `ExportData`,
so they agree on what is in scope and on the ids. The id space is the store's:

- an actor is an entity cluster (`entity_clusters.cluster_id`, `ent-...`): one id however many
  documents or spellings; its name and type are those of the entity the cluster id names;
- an event is an occasion (`event_clusters.cluster_id`, `evt-...`): one id however many
  documents report it; date, label and place are those of its best-dated report (`timeline`);
- a document keeps its id (`doc-...`, or the id a JSONL line gave);
- a relation is one (subject actor, predicate, role, object actor) claim; its id is the
  smallest store relation id (`rel-...`) among the statements that make it, and every statement
  is kept as evidence;
- a participation (actor at an occasion) is `stable_id("ptc", event, actor)`; a designation
  `stable_id("dsg", actor, kind, listing)`; a co-appearance `stable_id("coa", a, b)` (a < b).

Scope: the whole store; with an actor, the actor, its occasions (an organisation's rolled up
through its people, as `timeline` and `profile` roll them up), their participants and the
actors one relation away, with the relations among all of them; with a country, the occasions
placed in it and their participants, with the relations among those. Both together: the
actor's occasions in that country. Designations of kind "possible" (a weak name match) are
never exported.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from footprint.analysis.corroboration import Grade, Support, grade, source_of
from footprint.analysis.network import ACTOR_TYPES, DESIGNATED, actor_clusters
from footprint.analysis.profile import actor_entities, resolve_actor
from footprint.analysis.timeline import timeline
from footprint.extract.ontology import codes_of
from footprint.model import stable_id
from footprint.store import StoreView
from footprint.store.records import EventEvidenceRow, ParticipantRow, RelationRow

# Admiralty information credibility (1 confirmed ... 5 improbable) -> the middle of its band on
# STIX 2.1's Admiralty Credibility confidence scale; 6 (cannot be judged) has no band.
CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
# Source reliability (A completely reliable ... E unreliable) -> a shift within that band, which
# is 20 wide (80-100 ... 0-19): never so far that the value leaves it. F (cannot be judged) says
# nothing either way, like C, so an unrated source keeps the band's middle.
RELIABILITY_SHIFT = {"A": 8, "B": 4, "C": 0, "D": -4, "E": -8, "F": 0}
# Designation kinds that say the actor itself is on a list, and text-based marks kept apart.
LISTED_KINDS = DESIGNATED
CLAIM_KINDS = ("claimed_front", "linked_person")


def confidence(g: Grade) -> int | None:
    """A 0-100 confidence from an Admiralty grade, None where the truth cannot be judged.

    The information credibility picks the band of STIX 2.1's Admiralty Credibility scale
    (specification, appendix A: 1 -> 80-100, 2 -> 60-79, 3 -> 40-59, 4 -> 20-39, 5 -> 0-19),
    so a reader who maps the number back with that scale gets the credibility footprint gave;
    the source reliability places it within the band:

        credibility   A    B    C    D    E    F (unrated)
        1 confirmed   98   94   90   86   82   90
        2 probable    78   74   70   66   62   70
        3 possible    58   54   50   46   42   50
        4 doubtful    38   34   30   26   22   30
        5 improbable  18   14   10    6    2   10
        6 unknown     -    -    -    -    -    -   (None: no confidence is stated)

    A1 (two independent sources, one plain, from a completely reliable outlet) is 98; F3 (one
    plain statement from an outlet nobody rated, the common case) is 50.
    """
    middle = CONFIDENCE.get(g.credibility)
    if middle is None:
        return None
    return middle + RELIABILITY_SHIFT.get(g.reliability, 0)


def evidence_row(
    row: EventEvidenceRow | RelationRow, document: str | None = None
) -> dict[str, Any]:
    return {
        "document": document or row.document_id,
        "start": row.start,
        "end": row.end,
        "text": row.text,
        "sentence": row.sentence,
        "attribution": row.attribution,
    }


@dataclass
class ExportData:
    scope: dict[str, Any]
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    participations: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)
    designations: dict[str, dict[str, Any]] = field(default_factory=dict)
    coappearances: dict[str, dict[str, Any]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "actors": len(self.actors),
            "events": len(self.events),
            "participations": len(self.participations),
            "relations": len(self.relations),
            "designations": len(self.designations),
            "coappearances": len(self.coappearances),
        }


def collect(
    store: StoreView,
    actor: str | None = None,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    types: frozenset[str] | None = None,
    roles: frozenset[str] | None = None,
) -> ExportData:
    """Read the scope (see the module docstring) from the store. The window, `types` and
    `roles` narrow the occasions as they narrow `timeline`'s (and with them the participants
    and the actors in scope). Raises FootprintError for an unknown actor."""
    all_actors = actor_clusters(store)
    cluster_of = {m: cid for cid, a in all_actors.items() for m in a["ids"]}
    seeds: set[str] = set()
    if actor is not None:
        seeds = {
            cluster_of[e]
            for e in actor_entities(store, resolve_actor(store, actor))
            if e in cluster_of
        }
    rows = timeline(
        store, actor=actor, country=country, since=since, until=until, types=types, roles=roles
    )["events"]
    narrowed = any(x is not None for x in (country, since, until, types, roles))
    whole = actor is None and not narrowed
    data = ExportData(
        scope={
            "actor": actor,
            "country": country.upper() if country else None,
            "seeds": sorted(seeds),
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "types": sorted(types) if types else None,
            "roles": sorted(roles) if roles else None,
        }
    )

    # Occasions and who took part (one participation per actor and occasion).
    for row in rows:
        data.events[row["cluster"]] = {
            "id": row["cluster"],
            "label": row["label"],
            "type": row["type"],
            "background": row["background"],
            "date": row["date"],
            "place": row["place"],
            "reports": row["events"],
            "documents": row["document_ids"],
            "independent_sources": row["independent_sources"],
            "conflicts": row["conflicts"],
            "casualties": row["casualties"],
            "responsibility": row["responsibility"],
            "evidence": [],
        }
    report_of = {r: e["id"] for e in data.events.values() for r in e["reports"]}
    for part in store.participants_of_events(report_of):
        who = cluster_of.get(part.entity_id)
        if who is None:  # a place or other non-actor entity: not exported as an actor
            continue
        event = report_of[part.event_id]
        pid = stable_id("ptc", event, who)
        p = data.participations.setdefault(
            pid,
            {"id": pid, "event": event, "actor": who, "roles": [], "modes": [], "evidence": []},
        )
        for key, value in (("roles", part.role), ("modes", part.mode)):
            if value not in p[key]:
                p[key].append(value)
        p["evidence"].append(evidence_row_participant(part))
    for statement in store.evidence_for_events(report_of):
        data.events[report_of[statement.event_id]]["evidence"].append(evidence_row(statement))

    wanted = (
        set(all_actors) if whole else seeds | {p["actor"] for p in data.participations.values()}
    )

    # Relations between actors, one per (subject, predicate, role, object) claim.
    # By id, then place: the order claims are listed in, and their statements within each.
    rel_rows = sorted(store.relations(), key=lambda r: (r.id, r.document_id, r.start, r.end))

    def ends(row: RelationRow) -> tuple[str | None, str | None]:
        return cluster_of.get(row.subject_id), (
            cluster_of.get(row.object_id) if row.object_id else None
        )

    if actor is not None:  # the actors one relation away from the actor
        for row in rel_rows:
            s, o = ends(row)
            if s in seeds and o is not None:
                wanted.add(o)
            if o in seeds and s is not None:
                wanted.add(s)
    groups: dict[tuple[str, str, str, str | None], list[RelationRow]] = {}
    for row in rel_rows:
        s, o = ends(row)
        if s is None or s not in wanted or (row.object_id and (o is None or o not in wanted)):
            continue
        groups.setdefault((s, row.predicate, row.role, o), []).append(row)
    for (s, predicate, role, o), statements in groups.items():
        rid = min(r.id for r in statements)
        qualifiers: dict[str, Any] = {}
        for r in statements:
            qualifiers.update(json.loads(r.qualifiers))
        data.relations[rid] = {
            "id": rid,
            "subject": s,
            "predicate": predicate,
            "role": role,
            "object": o,
            "qualifiers": qualifiers,
            "statements": sorted({r.id for r in statements}),
            "evidence": [evidence_row(r) for r in statements],
        }

    for cid in sorted(wanted):
        a = all_actors[cid]
        data.actors[cid] = {
            "id": cid,
            "name": a["name"],
            "type": a["type"] if a["type"] in ACTOR_TYPES else "organization",
            "entities": sorted(a["ids"]),
            "aliases": [],
            "titles": [],
            "designated": False,
            "marks": [],
            "documents": [],
        }
    _actor_details(store, data)
    _designations(store, data)
    for d in data.designations.values():  # the listed actor a text-based mark goes through
        via = cluster_of.get(d["via"]) if d["via"] else None
        d["via_actor"] = via
        d["via_name"] = all_actors[via]["name"] if via else None
    _coappearances(data)
    _fill_texts(store, data)
    _documents(store, data)
    _grades(store, data)
    return data


def evidence_row_participant(row: ParticipantRow) -> dict[str, Any]:
    """A participation's statement. The store keeps no text for it because its offsets are its
    sentence's: where they span exactly the sentence's length, the sentence is the text;
    any other is filled from the document (`_fill_texts`)."""
    return {
        "document": row.document_id,
        "start": row.start,
        "end": row.end,
        "text": row.sentence if row.end - row.start == len(row.sentence) else None,
        "sentence": row.sentence,
        "attribution": row.attribution,
    }


def _fill_texts(store: StoreView, data: ExportData) -> None:
    """Give every evidence statement its exact words, `document_text[start:end]`, where it has
    none; only the documents such statements are in are read in full."""
    missing = [
        ev
        for group in (data.events, data.participations, data.relations, data.designations)
        for item in group.values()
        for ev in item["evidence"]
        if not ev.get("text") and ev.get("start") is not None and ev.get("end") is not None
    ]
    if not missing:
        return
    texts = {d.id: d.text for d in store.documents({ev["document"] for ev in missing})}
    for ev in missing:
        text = texts.get(ev["document"])
        if text is not None:
            ev["text"] = text[ev["start"] : ev["end"]]


def _actor_details(store: StoreView, data: ExportData) -> None:
    owner = {e: a["id"] for a in data.actors.values() for e in a["entities"]}
    names: dict[str, Counter[str]] = {}
    docs: dict[str, set[str]] = {}
    for mention in store.mentions_of_entities(owner):
        a = owner[mention.entity_id]
        names.setdefault(a, Counter())[mention.name] += 1
        docs.setdefault(a, set()).add(mention.document_id)
        for title in json.loads(mention.titles):
            if title not in data.actors[a]["titles"]:
                data.actors[a]["titles"].append(title)
    for entity in store.entities(owner):
        names.setdefault(owner[entity.id], Counter())[entity.name] += 1
    for a in data.actors.values():
        a["aliases"] = sorted(n for n in names.get(a["id"], {}) if n != a["name"])
        a["documents"] = sorted(docs.get(a["id"], set()))
        a["titles"].sort()
    for rel in data.relations.values():  # "holds_title" states a title without an object
        if rel["predicate"] == "holds_title" and rel["role"]:
            titles = data.actors[rel["subject"]]["titles"]
            if rel["role"] not in titles:
                titles.append(rel["role"])
                titles.sort()


def _designations(store: StoreView, data: ExportData) -> None:
    owner = {e: a["id"] for a in data.actors.values() for e in a["entities"]}
    # Strongest match first within a kind and listing: it gives the designation its fields.
    rows = sorted(
        store.firm_designations(owner),
        key=lambda r: (r.kind, -r.score, r.listing_id, r.document_id, r.entity_id),
    )
    for row in rows:
        who = owner[row.entity_id]
        did = stable_id("dsg", who, row.kind, row.listing_id)
        d = data.designations.get(did)
        if d is None:
            d = data.designations[did] = {
                "id": did,
                "actor": who,
                "entity": row.entity_id,
                "kind": row.kind,
                "listing_id": row.listing_id,
                "list": row.list,
                "program": row.program,
                "listed_name": row.listed_name,
                "listed_on": row.listed_on,
                "score": row.score,
                "explanation": row.explanation,
                "source": row.source,
                "via": row.via,
                "documents": [],
                "evidence": [],
            }
        if row.document_id not in d["documents"]:
            d["documents"].append(row.document_id)
        if row.evidence:
            ev = json.loads(row.evidence)
            ev = {
                k: ev.get(k)
                for k in ("document", "start", "end", "text", "sentence", "attribution")
            }
            if ev not in d["evidence"]:
                d["evidence"].append(ev)
    for d in data.designations.values():
        a = data.actors[d["actor"]]
        if d["kind"] not in a["marks"]:
            a["marks"].append(d["kind"])
            a["marks"].sort()
        a["designated"] = a["designated"] or d["kind"] in LISTED_KINDS


def _coappearances(data: ExportData) -> None:
    """Two actors at one occasion; one tie per pair with the occasions they shared."""
    at: dict[str, set[str]] = {}
    for p in data.participations.values():
        at.setdefault(p["event"], set()).add(p["actor"])
    for event in sorted(at):
        people = sorted(at[event])
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                cid = stable_id("coa", a, b)
                tie = data.coappearances.setdefault(cid, {"id": cid, "a": a, "b": b, "events": []})
                tie["events"].append(event)


def _documents(store: StoreView, data: ExportData) -> None:
    used: set[str] = set()
    for e in data.events.values():
        used.update(e["documents"])
        used.update(ev["document"] for ev in e["evidence"])
    for group in (data.participations, data.relations, data.designations):
        for item in group.values():
            used.update(ev["document"] for ev in item["evidence"])
    for d in data.designations.values():
        used.update(d["documents"])
    for a in data.actors.values():
        used.update(a["documents"])
    for doc in sorted(store.document_headers(used), key=lambda d: d.id):
        data.documents[doc.id] = {
            "id": doc.id,
            "path": doc.path,
            "title": doc.title,
            "author": doc.author,
            "published": doc.published,
            "url": doc.url,
            "source": source_of(doc.url, doc.author, doc.path),
        }
    for a in data.actors.values():  # only documents that exist in the store
        a["documents"] = [d for d in a["documents"] if d in data.documents]


def _grades(store: StoreView, data: ExportData) -> None:
    from footprint.resolve.corpus import near_duplicate_pairs

    near = near_duplicate_pairs(store)
    ratings = store.source_ratings()

    def supports(evidence: list[dict[str, Any]]) -> list[Support]:
        out = []
        for ev in evidence:
            doc = data.documents.get(ev["document"])
            out.append(
                Support(ev["document"], doc["source"] if doc else ev["document"], ev["attribution"])
            )
        return out

    for group in (data.relations, data.participations):
        for item in group.values():
            g = grade(supports(item["evidence"]), near, ratings)
            item["grade"] = g.to_json()
            item["confidence"] = confidence(g)
    for e in data.events.values():
        g = grade(supports(e["evidence"]), near, ratings, e["conflicts"])
        e["grade"] = g.to_json()
        e["confidence"] = confidence(g)


def event_fields(event: dict[str, Any]) -> dict[str, Any]:
    """An occasion's flat properties, shared by the GeoJSON feature and the GraphML node."""
    d = event["date"] or {}
    place = event["place"] or {}
    return {
        "label": event["label"],
        "type": event["type"],
        "background": event["background"],
        "date_start": d.get("start"),
        "date_end": d.get("end"),
        "date_precision": d.get("precision"),
        "place": place.get("name"),
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "documents": event["documents"],
        "independent_sources": event["independent_sources"],
        "conflicts": event["conflicts"],
        "grade": event["grade"]["grade"],
        "confidence": event["confidence"],
        "killed": (event.get("casualties") or {}).get("killed"),
        "injured": (event.get("casualties") or {}).get("injured"),
        "responsibility": (event.get("responsibility") or {}).get("status"),
        **code_fields(event["type"]),
    }


def code_fields(event_type: str | None) -> dict[str, str | None]:
    """An event type's PLOVER and CAMEO codes as flat fields (None where the type has none, or
    is unknown: `extract/ontology.py`), named alike in every format that writes them."""
    codes = codes_of(event_type)
    return {
        "plover_type": codes.plover_type,
        "plover_mode": codes.plover_mode,
        "cameo_code": codes.cameo_code,
        "cameo_label": codes.cameo_label,
    }
