"""Incremental corpus resolution: only the clusters the new documents touch are worked again.

`resolve/corpus.py` resolves the whole store when it must (the store was never resolved, a
user's judgement or a migration asked for it, a stored document was replaced, or the new
documents are half the store); otherwise it calls `resolve_new_documents` with the documents
written since the last resolution (the store's `unresolved` rows). What it works:

- entities: those the new documents name, every stored entity sharing a blocking key with one
  of them or with a stored namesake of one (the only ones the whole resolution would compare
  them with), and every member of those entities' stored clusters; their context (ties, the
  occasions their documents report) is read for the pairs a name leaves in doubt, and context
  entities outside keep their stored clusters (`Surroundings`);
- events: those of the new documents, and the stored events whose participants' clusters were
  joined or split; with every stored event that could be merged with one of them (a date
  window that meets its own, and a shared participant or gazetteer place) and every member of
  those events' stored clusters;
- passes, as in the whole resolution, until the occasions merged settle (an occasion two
  reports share is context that can join their actors, which can merge more reports); the
  stored clusters a run rebuilds are read from the run;
- near-duplicates: the new documents' links that no ingest recorded, found through the stored
  signature bands.

The clusters of everything else are what the last resolution left; a join that hinges on a
change two steps away (the context of an entity the new documents do not touch) waits for the
next whole resolution (`footprint ingest --resolve-all`). The tests resolve corpora one
document at a time and whole, and compare every cluster row. The work grows with what the new
documents touch, not with the store.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from footprint.ingest.dedup import best_match, from_stored
from footprint.resolve.across_documents import (
    DATE_SLACK_DAYS,
    MAX_MERGE_WINDOW_DAYS,
    RESOLVED_TYPES,
    EntityResolution,
    MergedEvent,
    Surroundings,
    entity_keys,
    event_clusters,
    key_text,
    merge_events,
    name_group,
    occasions_named,
    resolve_entities,
    same_occasions,
)
from footprint.store import SQLStore

# Passes of entity and event resolution, each with the occasions the last merged, at most.
MAX_PASSES = 4


@dataclass
class ClusterUpdate:
    """The cluster rows an incremental resolution replaces (`SQLStore.update_clusters`)."""

    entity_clusters: list[tuple[str, str, str | None]]  # (entity, cluster, reason)
    event_clusters: list[tuple[str, str]]  # (event, cluster)
    cluster_info: list[tuple[str, list[str], int, list[str]]]  # (cluster, documents, ...)
    dropped_cluster_info: set[str]  # clusters whose root is a root no more
    entity_keys: list[tuple[str, str]]  # (blocking key, entity)


def missed_links(store: SQLStore, documents: list[str]) -> list[tuple[str, str, float]]:
    """Near-duplicate links the whole resolution would record for these documents: each
    document without a recorded link, and each stored document sharing a band with one of them
    without a link, is linked to its most similar document with a smaller id, as when every
    document is signed again in id order."""
    recorded = {r.document_id for r in store.near_duplicates_of(documents)}
    neighbours = store.band_neighbours(documents)
    unlinked = {d for d in documents if d not in recorded}
    unlinked |= {n for d in documents for n in neighbours.get(d, ()) if n > d}
    around_links = store.near_duplicates_of(unlinked)
    unlinked -= {r.document_id for r in around_links}
    if not unlinked:
        return []
    known = {frozenset((r.document_id, r.duplicate_of)) for r in around_links}
    around = store.band_neighbours(unlinked)
    wanted = set(unlinked) | {n for d in unlinked for n in around.get(d, ())}
    read = {d: from_stored(b) for d, b in store.signatures_of(wanted).items()}
    signatures = {d: sig for d, sig in read.items() if sig is not None}
    links = []
    for doc in sorted(unlinked):
        if doc not in signatures:
            continue
        earlier = [(n, signatures[n]) for n in around.get(doc, ()) if n < doc and n in signatures]
        found = best_match(signatures[doc], earlier)
        if found is not None and frozenset((doc, found[0])) not in known:
            links.append((doc, found[0], found[1]))
    return links


class _StoreSurroundings(Surroundings):
    """Context, clusters and names read from the store as resolution asks for them."""

    def __init__(self, store: SQLStore, rebuilt: set[str]) -> None:
        self.store = store
        self.rebuilt = rebuilt  # stored event clusters this run rebuilds: not read from the store

    def context(self, entity_ids: list[str]) -> dict[str, set[str]]:
        return self.store.entity_context(entity_ids)

    def shared_occasions(
        self, a: list[str], b: list[str], more_a: set[str], more_b: set[str]
    ) -> set[str]:
        shared = (self.store.shared_occasions(a, b) - self.rebuilt) | (more_a & more_b)
        if more_a - self.rebuilt:
            shared |= self.store.occasions_among(b, more_a - self.rebuilt)
        if more_b - self.rebuilt:
            shared |= self.store.occasions_among(a, more_b - self.rebuilt)
        return shared

    def occasion_labels(self, occasion_ids: set[str]) -> dict[str, str]:
        labels = self.store.event_labels(occasion_ids)
        return {o: labels.get(o, o) for o in occasion_ids}

    def clusters(self, entity_ids: list[str]) -> dict[str, str]:
        return self.store.cluster_of(entity_ids)

    def names(self, entity_ids: list[str]) -> dict[str, str]:
        return {
            r.id: r.name for r in self.store.entities(entity_ids) if r.type in RESOLVED_TYPES
        }


def _resolve_part(
    store: SQLStore,
    part: set[str],
    judgements: list[tuple[str, str, str]],
    occasions: dict[str, set[str]],
    rebuilt: set[str],
) -> tuple[EntityResolution, list[dict[str, Any]]]:
    """Resolve the entities of `part`; `occasions` (entity id -> occasion ids) adds to what
    the store says of them, and decides alone for the `rebuilt` occasions."""
    entities = store.resolution_entities(part)
    resolution = resolve_entities(
        {"entities": entities}, judgements, occasions, _StoreSurroundings(store, rebuilt)
    )
    return resolution, entities


def _disturbed(old: dict[str, str], new: dict[str, str]) -> set[str]:
    """Members of stored clusters that the new resolution joined with another stored cluster
    or split: the events they took part in may now merge, or part, differently."""
    new_of_old: dict[str, set[str]] = defaultdict(set)
    old_of_new: dict[str, set[str]] = defaultdict(set)
    for eid, root in old.items():
        new_of_old[root].add(new.get(eid, eid))
        old_of_new[new.get(eid, eid)].add(root)
    moved = {
        root
        for root, targets in new_of_old.items()
        if len(targets) > 1 or any(len(old_of_new[t]) > 1 for t in targets)
    }
    return {eid for eid, root in old.items() if root in moved}


def _day(value: str, shift: int) -> str:
    return (dt.date.fromisoformat(value) + dt.timedelta(days=shift)).isoformat()


def _mergeable_with(
    store: SQLStore, event: dict[str, Any], members_of: dict[str, set[str]], cluster: Any
) -> set[str]:
    """Stored events `merge_events` could join with `event`: a date window that meets its own
    (with the slack) and a participant of one of its clusters or its gazetteer place."""
    date = event.get("date") or {}
    start, end = date.get("start"), date.get("end")
    if event.get("background") or not start or not end:
        return set()
    if (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days > MAX_MERGE_WINDOW_DAYS:
        starts, ends_from = (start, start), end  # a wide window merges only with its equal
    else:
        reach = MAX_MERGE_WINDOW_DAYS + 2 * DATE_SLACK_DAYS
        starts = (_day(start, -reach), _day(end, DATE_SLACK_DAYS))
        ends_from = _day(start, -DATE_SLACK_DAYS)
    people: set[str] = set()
    for p in event.get("participants", []):
        people |= members_of.get(cluster(p["entity"]), {p["entity"]})
    place = (event.get("place") or {}).get("gazetteer_id")
    return store.events_near(starts, ends_from, sorted(people), place)


def _part(store: SQLStore, documents: list[str]) -> set[str]:
    """The entities an incremental resolution works: those the new documents name; every
    stored entity that would be compared with one of them (sharing a blocking key, directly
    or through a stored entity of the same name, whose names and context its group shares);
    and every member of those entities' stored clusters."""
    named = store.entities_of_documents(documents)
    rows = [e for e in store.resolution_entities(named) if e["type"] in RESOLVED_TYPES]
    keys = {key_text(k) for e in rows for k in entity_keys(e)}
    mates = store.entities_with_keys(keys)
    groups = {name_group(e) for e in rows}
    namesakes = [
        e
        for e in store.resolution_entities(mates - named)
        if e["type"] in RESOLVED_TYPES and name_group(e) in groups
    ]
    more = {key_text(k) for e in namesakes for k in entity_keys(e)} - keys
    return set(store.cluster_members(named | mates | store.entities_with_keys(more)))


def resolve_new_documents(
    store: SQLStore, documents: list[str], judgements: list[tuple[str, str, str]]
) -> ClusterUpdate:
    """The cluster rows to replace after `documents` were added. Near-duplicate links no
    ingest could record are stored first."""
    store.add_near_duplicates(missed_links(store, documents))
    part = _part(store, documents)
    stored = store.stored_entity_clusters(part)
    resolution, entities = _resolve_part(store, part, judgements, {}, set())
    # Events: the new documents' own and those whose participants' clusters changed.
    new_events = store.events_of_documents(documents)
    touched = new_events | store.events_with_participants(_disturbed(stored, resolution.cluster))
    merged, events, rebuilt = _merge_part(store, touched, resolution)
    # As in the whole resolution, the occasions reports share are context that can join
    # actors, which can merge more reports: passes until the merged occasions settle. The
    # clusters rebuilt here are read from this run, not from the store.
    for _ in range(MAX_PASSES if merged or rebuilt else 0):
        reporting = {doc for m in merged for doc in m.documents}
        occasions = occasions_named(merged, store.entity_documents(part, reporting))
        resolution, entities = _resolve_part(store, part, judgements, occasions, rebuilt)
        touched |= store.events_with_participants(_disturbed(stored, resolution.cluster))
        found, events, more = _merge_part(store, touched, resolution)
        settled = same_occasions(found, merged)
        merged, rebuilt = found, rebuilt | more
        if settled:
            break

    entity_rows: list[tuple[str, str, str | None]] = []
    key_rows: list[tuple[str, str]] = []
    for e in entities:
        eid = e["id"]
        if e["type"] in RESOLVED_TYPES:
            root = resolution.cluster[eid]
            entity_rows.append((eid, root, resolution.reasons.get(eid)))
            key_rows += [(key_text(k), eid) for k in entity_keys(e)]
        else:
            entity_rows.append((eid, eid, None))
    docs = {e["evidence"][0]["document"] for e in events}
    near = [frozenset((r.document_id, r.duplicate_of)) for r in store.near_duplicates_of(docs)]
    event_cluster, info = event_clusters(events, merged, near)
    dropped = rebuilt - {root for root, *_ in info}
    return ClusterUpdate(entity_rows, sorted(event_cluster.items()), info, dropped, key_rows)


def _merge_part(
    store: SQLStore, touched: set[str], resolution: EntityResolution
) -> tuple[list[MergedEvent], list[dict[str, Any]], set[str]]:
    """Merge the touched events with every stored event they could join, and with the other
    members of those events' stored clusters: the merged events, every event read, and the
    stored clusters this rebuilds."""
    first = store.resolution_events(touched)
    members_of: dict[str, set[str]] = defaultdict(set)
    for eid, root in resolution.cluster.items():
        members_of[root].add(eid)
    participants = {p["entity"] for e in first for p in e["participants"]}
    stored = store.cluster_of(participants - set(resolution.cluster))
    for root in set(stored.values()) - set(members_of):
        members_of[root] = set(store.cluster_members([root]))

    def cluster(entity_id: str) -> str:
        return resolution.cluster.get(entity_id) or stored.get(entity_id, entity_id)

    wanted = set(touched)
    for event in first:
        wanted |= _mergeable_with(store, event, members_of, cluster)
    old_cluster = store.event_cluster_of(wanted)
    wanted |= set(old_cluster)
    events = store.resolution_events(wanted)
    everyone = {p["entity"] for e in events for p in e["participants"]}
    clusters = {**store.cluster_of(everyone - set(resolution.cluster)), **resolution.cluster}
    docs = {e["evidence"][0]["document"] for e in events}
    near = [frozenset((r.document_id, r.duplicate_of)) for r in store.near_duplicates_of(docs)]
    return merge_events({"events": events}, clusters, near), events, set(old_cluster.values())
