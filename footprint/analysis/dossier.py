"""The dossier: what the store holds about a set of documents, as one JSON-ready dict.

This is the JSON contract other tools and the evaluation read (extend it, don't rename):
documents, entities (with aliases and every mention's evidence), relations (with every piece of
evidence), events, rejected.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from footprint.model import Rejected
from footprint.store import StoreView
from footprint.store.occasions import ClusterMember

TYPE_ORDER = {"person": 0, "organization": 1, "place": 2, "other": 3}


def _evidence(row: Any) -> dict[str, Any]:
    return {
        "document": row["document_id"],
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
        "sentence": row["sentence"],
        "attribution": row["attribution"],
        "extractor": row["extractor"],
    }


def _events(
    rows: list[Any],
    participants: list[Any],
    quotes: list[Any],
    evidence: list[Any],
    entities: dict[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        date = None
        if row["date_precision"] is not None:
            date = {
                "start": row["date_start"],
                "end": row["date_end"],
                "precision": row["date_precision"],
                "text": row["date_text"],
            }
        out[row["id"]] = {
            "id": row["id"],
            "type": row["type"],
            "label": row["label"],
            "background": bool(row["background"]),
            "date": date,
            "place": json.loads(row["place"]) if row["place"] else None,
            "casualties": json.loads(row["casualties"]) if row["casualties"] else None,
            "responsibility": (
                json.loads(row["responsibility"]) if row["responsibility"] else None
            ),
            "parties": json.loads(row["parties"]) if row["parties"] else [],
            "participants": [],
            "quotes": [],
            "evidence": [],
        }
    for p in participants:
        out[p["event_id"]]["participants"].append(
            {
                "entity": p["entity_id"],
                "name": entities[p["entity_id"]]["name"],
                "role": p["role"],
                "mode": p["mode"],
                "basis": p["basis"],
                "sentence": p["sentence"],
            }
        )
    for q in quotes:
        out[q["event_id"]]["quotes"].append(
            {
                "speaker": q["speaker_id"],
                "speaker_name": q["speaker_text"],
                "text": q["text"],
                "sentence": q["sentence"],
                "attribution": q["attribution"],
            }
        )
    for ev in evidence:
        out[ev["event_id"]]["evidence"].append(_evidence(ev))
    # Dated events in time order, undated after them.
    return sorted(out.values(), key=lambda e: ((e["date"] or {}).get("start") or "9999", e["id"]))


def _with_designated(
    events: list[dict[str, Any]], designated: list[Any], entities: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    by_event: dict[str, list[dict[str, Any]]] = {}
    for d in designated:
        if d["entity_id"] in entities:
            by_event.setdefault(d["event_id"], []).append(
                {
                    "entity": d["entity_id"],
                    "name": entities[d["entity_id"]]["name"],
                    "kind": d["kind"],
                    "as_of": d["as_of"],
                }
            )
    for event in events:
        event["designated_participants"] = by_event.get(event["id"], [])
    return events


def build(
    store: StoreView,
    document_ids: Iterable[str] | None = None,
    rejected: Iterable[Rejected] | None = None,
) -> dict[str, Any]:
    """The dossier of the given documents (all stored ones when None). `rejected` lists the
    inputs of this run that failed; without it, every rejection the store remembers."""
    ids = None if document_ids is None else list(document_ids)
    documents = store.documents(ids)
    mentions = store.mentions(ids)
    relations = store.relations(ids)

    event_rows = store.events(ids)
    participants = store.event_rows("event_participants", ids)
    quotes = store.event_rows("event_quotes", ids)
    event_evidence = store.event_rows("event_evidence", ids)
    designations = store.event_rows("designations", ids)
    designated = store.event_rows("event_designated", ids)
    co_appearances = store.event_rows("co_appearances", ids)

    entity_ids = {m["entity_id"] for m in mentions}
    entity_ids |= {p["entity_id"] for p in participants}
    entity_ids |= {r["subject_id"] for r in relations}
    entity_ids |= {r["object_id"] for r in relations if r["object_id"]}
    entity_rows = {row["id"]: row for row in store.entities(entity_ids)}

    entities: dict[str, dict[str, Any]] = {}
    for eid, row in entity_rows.items():
        entities[eid] = {
            "id": eid,
            "type": row["type"],
            "name": row["name"],
            "aliases": set(),
            "mentions": [],
            "designations": [],
        }
    for m in mentions:
        entity = entities[m["entity_id"]]
        entity["mentions"].append(_evidence(m))
        titles = json.loads(m["titles"])
        for alias in (m["name"], " ".join([*titles, m["name"]])):
            if alias != entity["name"]:
                entity["aliases"].add(alias)

    seen_designations: set[tuple[str, str, str]] = set()
    for d in designations:
        mark = (d["entity_id"], d["kind"], d["listing_id"])
        if d["entity_id"] not in entities or mark in seen_designations:
            continue  # one line per entity, kind and listing, however many documents
        seen_designations.add(mark)
        entities[d["entity_id"]]["designations"].append(
            {
                "kind": d["kind"],
                "list": d["list"],
                "program": d["program"],
                "listed_name": d["listed_name"],
                "listed_on": d["listed_on"],
                "score": d["score"],
                "explanation": d["explanation"],
                "source": d["source"],
                "via": d["via"],
                "evidence": json.loads(d["evidence"]) if d["evidence"] else None,
            }
        )

    merged: dict[str, dict[str, Any]] = {}
    for r in relations:
        rel = merged.setdefault(
            r["id"],
            {
                "id": r["id"],
                "subject": r["subject_id"],
                "subject_name": entities[r["subject_id"]]["name"],
                "predicate": r["predicate"],
                "object": r["object_id"],
                "object_name": entities[r["object_id"]]["name"] if r["object_id"] else None,
                "role": r["role"],
                "qualifiers": {},
                "evidence": [],
            },
        )
        rel["qualifiers"].update(json.loads(r["qualifiers"]))
        rel["evidence"].append(_evidence(r))

    entity_list = sorted(
        entities.values(),
        key=lambda e: (TYPE_ORDER.get(e["type"], 9), -len(e["mentions"]), e["name"].lower()),
    )
    for e in entity_list:
        e["aliases"] = sorted(e["aliases"])
    result: dict[str, Any] = {
        "documents": [
            {k: d[k] for k in ("id", "title", "author", "published", "path", "url")}
            for d in documents
        ],
        "entities": entity_list,
        "relations": sorted(
            merged.values(), key=lambda r: (r["evidence"][0]["document"], r["evidence"][0]["start"])
        ),
        "events": _with_designated(
            _events(event_rows, participants, quotes, event_evidence, entities),
            designated,
            entities,
        ),
        "co_appearances": [
            {
                "event": a["event_id"],
                "actor": a["actor_id"],
                "actor_name": entities[a["actor_id"]]["name"],
                "with": a["with_id"],
                "with_name": entities[a["with_id"]]["name"],
                "kind": a["kind"],
            }
            for a in co_appearances
            if a["actor_id"] in entities and a["with_id"] in entities
        ],
        "rejected": [{"source": r.source, "reason": r.reason} for r in rejected]
        if rejected is not None
        else [{"source": r["source"], "reason": r["reason"]} for r in store.rejections()],
    }
    result["corpus"] = _corpus(store, result)
    return result


def _corpus(store: StoreView, dossier: dict[str, Any]) -> dict[str, Any]:
    """Across documents, as the last resolution left it (`resolve/corpus.py`): actors whose
    entities were joined, occasions reported in several documents, and how each relation and
    merged event is supported (independent sources and an Admiralty-style grade)."""
    from footprint.analysis.corroboration import Support, grade, source_of
    from footprint.resolve.corpus import near_duplicate_pairs

    names = {e["id"]: e["name"] for e in dossier["entities"]}
    doc_source = {
        d["id"]: source_of(d["url"], d["author"], d["path"]) for d in dossier["documents"]
    }
    near = near_duplicate_pairs(store)
    ratings = store.source_ratings()

    actors: dict[str, list[ClusterMember]] = {}
    for member in store.cluster_mates(names):
        actors.setdefault(member.cluster_id, []).append(member)
    entities = []
    for root, members in sorted(actors.items()):
        if len(members) < 2:
            continue
        entities.append(
            {
                "id": root,
                "name": next(m.name for m in members if m.entity_id == root),
                "members": [
                    {"entity": m.entity_id, "name": m.name, "reason": m.reason} for m in members
                ],
            }
        )

    event_ids = [e["id"] for e in dossier["events"]]
    by_event = {e["id"]: e for e in dossier["events"]}
    clusters = store.event_cluster_mates(event_ids)
    infos = {row.cluster_id: row for row in store.event_cluster_info(clusters)}
    events = []
    for root, reports in clusters.items():
        if len(reports) < 2:
            continue
        info = infos.get(root)
        conflicts = json.loads(info.conflicts) if info else []
        supports = [
            Support(
                ev["document"],
                doc_source.get(ev["document"], ev["document"]),
                ev["attribution"],
            )
            for m in reports
            if m in by_event
            for ev in by_event[m]["evidence"][:1]
        ]
        head = by_event.get(root) or by_event[next(m for m in reports if m in by_event)]
        events.append(
            {
                "id": root,
                "type": head["type"],
                "label": head["label"],
                "members": reports,
                "documents": json.loads(info.documents) if info else [],
                "dates": [by_event[m]["date"] for m in reports if m in by_event],
                "conflicts": conflicts,
                "support": grade(supports, near, ratings, conflicts).to_json(),
            }
        )
    for rel in dossier["relations"]:
        supports = [
            Support(
                ev["document"], doc_source.get(ev["document"], ev["document"]), ev["attribution"]
            )
            for ev in rel["evidence"]
        ]
        rel["support"] = grade(supports, near, ratings).to_json()
    return {"entities": entities, "events": events}
