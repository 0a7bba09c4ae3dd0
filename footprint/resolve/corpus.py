"""Corpus-wide resolution over the store: entity clusters, event clusters, source counts.

`resolve_store(store)` reads only the columns resolution needs, runs `across_documents`, and
rebuilds the derived tables (`entity_clusters`, `event_clusters`, `event_cluster_info`) in one
transaction, so a reader never sees half a resolution. The user's judgements (`footprint merge`,
`footprint split`) live in their own table and are applied on every run, so they survive
re-ingest. Every entity and event gets a row: a cluster of one has its own id.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from footprint.ingest.dedup import NearDuplicateIndex
from footprint.resolve.across_documents import (
    MergedEvent,
    independent_sources,
    merge_events,
    resolve_entities,
)
from footprint.store import SQLStore, StoreView

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResolutionSummary:
    entities: int
    entity_clusters: int
    events: int
    merged_events: int  # clusters of events reported in two or more documents
    conflicts: int


def _occasions(store: StoreView, merged: list[MergedEvent]) -> dict[str, set[str]]:
    """Entity id -> the occasions (reported by two or more documents) its documents report."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for m in merged:
        for doc in m.documents:
            by_doc[doc].add(f"{m.label} ({m.id})")
    out: dict[str, set[str]] = defaultdict(set)
    for entity_id, document_id in store.entity_documents():
        if document_id in by_doc:
            out[entity_id] |= by_doc[document_id]
    return out


def near_duplicate_pairs(store: StoreView) -> list[frozenset[str]]:
    """Pairs of stored documents that repeat each other: the links ingest recorded, and those it
    could not see. Each ingest signs a text against the store as it was when the run began, so
    a near-copy that another writer stored meanwhile goes unlinked; signing every stored
    document again here, in id order, finds those pairs, so no near-copy counts as an
    independent source whichever ingest stored it."""
    return sorted(_near_duplicate_links(store)[0], key=sorted)


def _near_duplicate_links(
    store: StoreView,
) -> tuple[set[frozenset[str]], list[tuple[str, str, float]]]:
    """Every near-duplicate pair, and the links among them that no ingest recorded (a document,
    the one it repeats, the similarity)."""
    recorded = store.near_duplicates()
    pairs = {frozenset((r.document_id, r.duplicate_of)) for r in recorded}
    linked = {r.document_id for r in recorded}
    missed: list[tuple[str, str, float]] = []
    index = NearDuplicateIndex()
    for doc_id, blob in sorted(store.signatures()):
        sig = np.frombuffer(blob, dtype=np.uint32).copy()
        found = index.query(sig)
        if found is not None:
            pair = frozenset((doc_id, found[0]))
            if pair not in pairs and doc_id not in linked:
                missed.append((doc_id, found[0], found[1]))
            pairs.add(pair)
        index.add(doc_id, sig)
    return pairs, missed


def resolve_store(store: SQLStore) -> ResolutionSummary:
    """Recompute entity and event clusters for everything in the store."""
    resolved_at = store.writes_counted()  # before reading: a later write makes it stale
    data = store.resolution_inputs()
    judgements = store.judgements()
    resolution = resolve_entities(data, judgements)
    pairs, missed = _near_duplicate_links(store)
    # Links two ingests running at once could not see are recorded now, so the store holds
    # the same links as when the ingests ran one after the other.
    store.add_near_duplicates(missed)
    near = sorted(pairs, key=sorted)
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
    info = {m.id: m for m in merged}
    cluster_info = []
    for eid, root in event_cluster.items():
        if eid != root:
            continue
        if root in info:
            m = info[root]
            cluster_info.append((root, m.documents, m.independent_sources, m.conflicts))
        else:
            docs = [doc_of[eid]]
            cluster_info.append((root, docs, independent_sources(docs, near), []))
    # Places and other entities not clustered across documents stand alone.
    store.replace_clusters(
        [
            (eid, root, resolution.reasons.get(eid))
            for eid, root in sorted(resolution.cluster.items())
        ],
        sorted(event_cluster.items()),
        cluster_info,
        resolved_at=resolved_at,
    )
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
