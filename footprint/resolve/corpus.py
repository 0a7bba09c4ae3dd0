"""Corpus-wide resolution over the store: entity clusters, event clusters, source counts.

`resolve_store(store)` reads only the columns resolution needs, runs `across_documents`, and
rebuilds the derived tables (`entity_clusters`, `event_clusters`, `event_cluster_info`) in one
transaction, so a reader never sees half a resolution. The user's judgements (`footprint merge`,
`footprint split`) live in their own table and are applied on every run, so they survive
re-ingest. Every entity and event gets a row: a cluster of one has its own id.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from footprint.resolve.across_documents import (
    MergedEvent,
    independent_sources,
    merge_events,
    resolve_entities,
)
from footprint.store import SQLiteStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResolutionSummary:
    entities: int
    entity_clusters: int
    events: int
    merged_events: int  # clusters of events reported in two or more documents
    conflicts: int


def _inputs(store: SQLiteStore) -> dict[str, Any]:
    c = store.conn
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in c.execute("SELECT DISTINCT entity_id, name FROM mentions"):
        aliases[row[0]].add(row[1])
    entities = [
        {"id": r[0], "type": r[1], "name": r[2], "aliases": sorted(aliases.get(r[0], ()))}
        for r in c.execute("SELECT id, type, name FROM entities ORDER BY id")
    ]
    relations = [
        {"subject": r[0], "object": r[1]}
        for r in c.execute(
            "SELECT DISTINCT subject_id, object_id FROM relations WHERE object_id IS NOT NULL"
        )
    ]
    participants: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in c.execute("SELECT event_id, entity_id FROM event_participants"):
        participants[r[0]].append({"entity": r[1]})
    events = []
    for r in c.execute(
        "SELECT id, document_id, type, label, background, date_start, date_end, date_precision, "
        "json_extract(place, '$.gazetteer_id') FROM events ORDER BY id"
    ):
        date = {"start": r[5], "end": r[6], "precision": r[7]} if r[7] else None
        events.append(
            {
                "id": r[0],
                "type": r[2],
                "label": r[3],
                "background": bool(r[4]),
                "date": date,
                "place": {"gazetteer_id": r[8]} if r[8] else None,
                "participants": participants.get(r[0], []),
                "evidence": [{"document": r[1]}],
            }
        )
    return {"entities": entities, "relations": relations, "events": events}


def _occasions(store: SQLiteStore, merged: list[MergedEvent]) -> dict[str, set[str]]:
    """Entity id -> the occasions (reported by two or more documents) its documents report."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for m in merged:
        for doc in m.documents:
            by_doc[doc].add(f"{m.label} ({m.id})")
    out: dict[str, set[str]] = defaultdict(set)
    for row in store.conn.execute("SELECT DISTINCT entity_id, document_id FROM mentions"):
        if row[1] in by_doc:
            out[row[0]] |= by_doc[row[1]]
    return out


def near_duplicate_pairs(store: SQLiteStore) -> list[frozenset[str]]:
    return [frozenset((r["document_id"], r["duplicate_of"])) for r in store.near_duplicates()]


def resolve_store(store: SQLiteStore) -> ResolutionSummary:
    """Recompute entity and event clusters for everything in the store."""
    data = _inputs(store)
    judgements = store.judgements()
    resolution = resolve_entities(data, judgements)
    near = near_duplicate_pairs(store)
    merged = merge_events(data, resolution.cluster, near)
    if merged:
        # Second pass: documents that report one occasion give their actors a shared context.
        resolution = resolve_entities(data, judgements, _occasions(store, merged))
        merged = merge_events(data, resolution.cluster, near)
    event_cluster = {e["id"]: e["id"] for e in data["events"]}
    for m in merged:
        for member in m.members:
            event_cluster[member] = m.id
    doc_of = {e["id"]: e["evidence"][0]["document"] for e in data["events"]}
    with store.transaction() as c:
        c.execute("DELETE FROM entity_clusters")
        c.execute("DELETE FROM event_clusters")
        c.execute("DELETE FROM event_cluster_info")
        c.executemany(
            "INSERT INTO entity_clusters VALUES (?, ?, ?)",
            [
                (eid, root, resolution.reasons.get(eid))
                for eid, root in sorted(resolution.cluster.items())
            ],
        )
        # Places and other entities are not clustered across documents: they stand alone.
        c.execute(
            "INSERT INTO entity_clusters SELECT id, id, NULL FROM entities "
            "WHERE id NOT IN (SELECT entity_id FROM entity_clusters)"
        )
        c.executemany("INSERT INTO event_clusters VALUES (?, ?)", sorted(event_cluster.items()))
        info = {m.id: m for m in merged}
        rows = []
        for eid, root in event_cluster.items():
            if eid != root:
                continue
            if root in info:
                m = info[root]
                rows.append(
                    (root, json.dumps(m.documents), m.independent_sources, json.dumps(m.conflicts))
                )
            else:
                docs = [doc_of[eid]]
                rows.append((root, json.dumps(docs), independent_sources(docs, near), "[]"))
        c.executemany("INSERT INTO event_cluster_info VALUES (?, ?, ?, ?)", rows)
    roots = set(resolution.cluster.values())
    summary = ResolutionSummary(
        entities=len(resolution.cluster),
        entity_clusters=len(roots),
        events=len(event_cluster),
        merged_events=len(merged),
        conflicts=sum(1 for m in merged if m.conflicts),
    )
    log.info("resolution: %s", summary)
    return summary
