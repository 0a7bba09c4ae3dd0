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

from footprint.ingest.dedup import NearDuplicateIndex, from_bytes
from footprint.resolve.across_documents import (
    MergedEvent,
    entity_keys,
    independent_sources,
    key_text,
    merge_events,
    resolve_entities,
)
from footprint.resolve.incremental import resolve_new_documents
from footprint.store import SQLStore, StoreView

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResolutionSummary:
    entities: int
    entity_clusters: int
    events: int
    merged_events: int  # clusters of events reported in two or more documents
    conflicts: int
    mode: str = "whole"  # whole | incremental | none (nothing new)
    documents: int = 0  # documents written since the last resolution that this one took in


def _occasions(store: StoreView, merged: list[MergedEvent]) -> dict[str, set[str]]:
    """Entity id -> the occasions (reported by two or more documents, by root event id) that
    its documents report."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for m in merged:
        for doc in m.documents:
            by_doc[doc].add(m.id)
    out: dict[str, set[str]] = defaultdict(set)
    for entity_id, document_id in store.entity_documents():
        if document_id in by_doc:
            out[entity_id] |= by_doc[document_id]
    return out


def resolve_store(store: SQLStore, whole: bool | None = None) -> ResolutionSummary:
    """Bring the entity and event clusters up to date with the documents stored.

    whole=None decides: a whole resolution when the store was never resolved, a judgement or a
    migration asked for one, a stored document was replaced, or the new documents are half the
    store or more; otherwise an incremental one over what the new documents touch
    (resolve/incremental.py). whole=True forces a whole one."""
    resolved_at = store.writes_counted()  # before reading: a later write makes it stale
    pending = store.unresolved()
    documents = [r.document_id for r in pending]
    if whole is None:
        whole = (
            store.wants_whole_resolution()
            or any(r.replaced for r in pending)
            or store.documents_at_most(2 * len(documents) + 1) <= 2 * len(documents)
        )
    if whole:
        _resolve_whole(store, resolved_at, documents)
        mode = "whole"
    elif documents:
        update = resolve_new_documents(store, documents, store.judgements())
        store.update_clusters(
            update.entity_clusters,
            update.event_clusters,
            update.cluster_info,
            update.dropped_cluster_info,
            resolved_at=resolved_at,
            entity_keys=update.entity_keys,
            resolved_documents=documents,
        )
        mode = "incremental"
    else:
        store.update_clusters([], [], [], [], resolved_at=resolved_at)
        mode = "none"
    summary = ResolutionSummary(**store.cluster_counts(), mode=mode, documents=len(documents))
    log.info("resolution: %s", summary)
    return summary


def _resolve_whole(store: SQLStore, resolved_at: str, documents: list[str]) -> None:
    data = store.resolution_inputs()
    judgements = store.judgements()
    resolution = resolve_entities(data, judgements)
    _, missed = _near_duplicate_links(store)
    # Links two ingests running at once could not see are recorded now, so the store holds
    # the same links as when the ingests ran one after the other.
    store.add_near_duplicates(missed)
    near = sorted(
        {frozenset((r.document_id, r.duplicate_of)) for r in store.near_duplicates()}, key=sorted
    )
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
    keys = [
        (key_text(k), e["id"])
        for e in data["entities"]
        if e["type"] in ("person", "organization")
        for k in entity_keys(e)
    ]
    # Places and other entities not clustered across documents stand alone.
    store.replace_clusters(
        [
            (eid, root, resolution.reasons.get(eid))
            for eid, root in sorted(resolution.cluster.items())
        ],
        sorted(event_cluster.items()),
        cluster_info,
        resolved_at=resolved_at,
        entity_keys=keys,
        resolved_documents=documents,
    )


def near_duplicate_pairs(store: StoreView) -> list[frozenset[str]]:
    """Pairs of stored documents that repeat each other: the links ingest recorded, and those it
    could not see. Each ingest signs a text against the store as it was when the run began, so
    a near-copy that another writer stored meanwhile goes unlinked; signing every stored
    document again here, in id order, finds those links, so no near-copy counts as an
    independent source whichever ingest stored it."""
    recorded = {frozenset((r.document_id, r.duplicate_of)) for r in store.near_duplicates()}
    missed = {frozenset((a, b)) for a, b, _ in _near_duplicate_links(store)[1]}
    return sorted(recorded | missed, key=sorted)


def _near_duplicate_links(
    store: StoreView,
) -> tuple[set[frozenset[str]], list[tuple[str, str, float]]]:
    """The recorded near-duplicate pairs, and the links that no ingest recorded: a document
    without a link, linked to its most similar document with a smaller id, unless that pair
    is recorded already (resolve/incremental.py's `missed_links` finds the same for new
    documents)."""
    recorded = store.near_duplicates()
    pairs = {frozenset((r.document_id, r.duplicate_of)) for r in recorded}
    linked = {r.document_id for r in recorded}
    missed: list[tuple[str, str, float]] = []
    index = NearDuplicateIndex()
    for doc_id, blob in sorted(store.signatures()):
        sig = from_bytes(blob)
        found = index.query(sig)
        if found is not None:
            pair = frozenset((doc_id, found[0]))
            if pair not in pairs and doc_id not in linked:
                missed.append((doc_id, found[0], found[1]))
        index.add(doc_id, sig)
    return pairs, missed
