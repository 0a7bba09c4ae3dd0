"""Corpus-wide resolution over the store: entity clusters, event clusters, source counts.

`resolve_store(store)` brings the derived tables (`entity_clusters`, `event_clusters`,
`event_cluster_info`) up to date in one transaction, so a reader never sees half a resolution:
after most ingests only what the new documents touch (`resolve/incremental.py`), otherwise the
whole store through `across_documents`. The user's judgements (`footprint merge`,
`footprint split`) live in their own table and are applied on every run, so they survive
re-ingest. Every entity and event gets a row: a cluster of one has its own id.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from footprint.ingest.dedup import NearDuplicateIndex, from_stored
from footprint.resolve.across_documents import (
    RESOLVED_TYPES,
    MergedEvent,
    entity_keys,
    event_clusters,
    key_text,
    merge_events,
    occasions_named,
    resolve_entities,
    same_occasions,
)
from footprint.resolve.incremental import MAX_PASSES, resolve_new_documents
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


def resolve_store(store: SQLStore, force_whole: bool = False) -> ResolutionSummary:
    """Bring the entity and event clusters up to date with the documents stored.

    A whole resolution when the store was never resolved, a judgement or a migration asked for
    one, a stored document was replaced, the new documents are half the store or more, or
    `force_whole`; otherwise an incremental one over what the new documents touch
    (resolve/incremental.py)."""
    resolved_at = store.writes_counted()  # before reading: a later write makes it stale
    whole_asked = store.whole_resolution_asked()
    pending = store.unresolved()
    documents = [r.document_id for r in pending]
    whole = (
        force_whole
        or store.wants_whole_resolution()
        or any(r.replaced for r in pending)
        or store.documents_at_most(2 * len(documents) + 1) <= 2 * len(documents)
    )
    if whole:
        _resolve_whole(store, resolved_at, documents, whole_asked)
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


def _resolve_whole(
    store: SQLStore, resolved_at: str, documents: list[str], whole_asked: str
) -> None:
    data = store.resolution_inputs()
    judgements = store.judgements()
    # Links two ingests running at once could not see are recorded now, so the store holds
    # the same links as when the ingests ran one after the other.
    store.add_near_duplicates(_missed_near_duplicates(store))
    near = sorted(
        {frozenset((r.document_id, r.duplicate_of)) for r in store.near_duplicates()}, key=sorted
    )
    # Documents that report one occasion give their actors a shared context, which can join
    # actors, which can merge more reports: passes until the merged occasions stop changing
    # (the state incremental resolution starts from).
    occasions: dict[str, set[str]] | None = None
    merged: list[MergedEvent] = []
    for _ in range(MAX_PASSES):
        resolution = resolve_entities(data, judgements, occasions)
        found = merge_events(data, resolution.cluster, near)
        settled = same_occasions(found, merged)
        merged = found
        if settled:
            break
        occasions = occasions_named(merged, store.entity_documents())
    else:
        log.warning("resolution: occasions still changing after %d passes", MAX_PASSES)
    event_cluster, cluster_info = event_clusters(data["events"], merged, near)
    keys = [
        (key_text(k), e["id"])
        for e in data["entities"]
        if e["type"] in RESOLVED_TYPES
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
        whole_asked=whole_asked,
    )


def near_duplicate_pairs(store: StoreView) -> list[frozenset[str]]:
    """Pairs of stored documents that repeat each other: the links ingest recorded, and those it
    could not see. Each ingest signs a text against the store as it was when the run began, so
    a near-copy that another writer stored meanwhile goes unlinked; signing every stored
    document again here, in id order, finds those links, so no near-copy counts as an
    independent source whichever ingest stored it."""
    recorded = {frozenset((r.document_id, r.duplicate_of)) for r in store.near_duplicates()}
    missed = {frozenset((a, b)) for a, b, _ in _missed_near_duplicates(store)}
    return sorted(recorded | missed, key=sorted)


def _missed_near_duplicates(store: StoreView) -> list[tuple[str, str, float]]:
    """The near-duplicate links no ingest recorded: a document without a link, linked to its
    most similar document with a smaller id, unless that pair is recorded already
    (resolve/incremental.py's `missed_links` finds the same for new documents)."""
    recorded = store.near_duplicates()
    pairs = {frozenset((r.document_id, r.duplicate_of)) for r in recorded}
    linked = {r.document_id for r in recorded}
    missed: list[tuple[str, str, float]] = []
    index = NearDuplicateIndex()
    for doc_id, blob in sorted(store.signatures()):
        sig = from_stored(blob)
        if sig is None:
            continue  # not a signature this version wrote: nobody's near-copy
        found = index.query(sig)
        if found is not None:
            pair = frozenset((doc_id, found[0]))
            if pair not in pairs and doc_id not in linked:
                missed.append((doc_id, found[0], found[1]))
        index.add(doc_id, sig)
    return missed
