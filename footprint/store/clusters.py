"""Corpus resolution's side of the store: what it reads, and the derived tables it rebuilds.

`resolve/corpus.py` reads the inputs (entities with their aliases, relations between them,
events with their participants), clusters them, and hands the clusters back to
`replace_clusters`, which rebuilds `entity_clusters`, `event_clusters` and `event_cluster_info`
in one transaction, so a reader never sees half a resolution. Incremental resolution
(`resolve/incremental.py`) reads only what new documents touch (`increments.py`) and hands back
the rows to replace to `update_clusters`, in one transaction too.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from footprint.store.records import (
    EntityClusterRow,
    EntityKeyRow,
    EventClusterInfoRow,
    EventClusterRow,
    NearDuplicateRow,
)
from footprint.store.sql import (
    COUNTS_KEY,
    RESOLVED_KEY,
    TIES_FROM_ROWS,
    WHOLE_DONE_KEY,
    SQLBase,
    chunks,
    insert_sql,
    marks,
)

# The entity types resolution clusters, as SQL (resolve/across_documents.py RESOLVED_TYPES).
PEOPLE = "('person', 'organization')"
MERGE_PLACE_KEYS = ("gazetteer_id", "country", "admin1", "lat", "lon", "precision")


class ClusterStore(SQLBase):
    def resolution_inputs(self) -> dict[str, Any]:
        """Entities (with every name they were written as), relations between entities, and
        events (with participants, date, gazetteer place and document) as plain dicts."""
        relations = [
            {"subject": s, "object": o}
            for s, o in sorted(
                self._tuples(
                    "SELECT DISTINCT subject_id, object_id FROM relations "
                    "WHERE object_id IS NOT NULL"
                )
            )
        ]
        return {
            "entities": self.resolution_entities(),
            "relations": relations,
            "events": self.resolution_events(),
        }

    def resolution_entities(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Entities as resolution reads them (id, type, name, every name they were written
        as), all (the names from their mentions) or those named (the names from
        `entity_aliases`), in id order."""
        aliases: dict[str, set[str]] = defaultdict(set)
        rows: list[tuple[Any, ...]] = []
        if ids is None:
            for entity_id, name in self._tuples("SELECT DISTINCT entity_id, name FROM mentions"):
                aliases[entity_id].add(name)
            rows = self._tuples("SELECT id, type, name FROM entities")
        else:
            for chunk in chunks(ids):
                for entity_id, name in self._tuples(
                    f"SELECT entity_id, name FROM entity_aliases "
                    f"WHERE entity_id IN ({marks(chunk)})",
                    chunk,
                ):
                    aliases[entity_id].add(name)
                rows += self._tuples(
                    f"SELECT id, type, name FROM entities WHERE id IN ({marks(chunk)})", chunk
                )
        return [
            {"id": i, "type": t, "name": n, "aliases": sorted(aliases.get(i, ()))}
            for i, t, n in sorted(rows)
        ]

    def resolution_events(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Events as resolution reads them (type, label, date, gazetteer place, participants,
        document), all or those named, in id order."""
        columns_ = (
            "SELECT id, document_id, type, label, background, date_start, date_end, "
            "date_precision, place FROM events"
        )
        participants: dict[str, list[dict[str, str]]] = defaultdict(list)
        rows: list[tuple[Any, ...]] = []
        if ids is None:
            pairs = self._tuples("SELECT event_id, entity_id FROM event_participants")
            rows = self._tuples(columns_)
        else:
            pairs = []
            for chunk in chunks(ids):
                pairs += self._tuples(
                    f"SELECT event_id, entity_id FROM event_participants "
                    f"WHERE event_id IN ({marks(chunk)})",
                    chunk,
                )
                rows += self._tuples(f"{columns_} WHERE id IN ({marks(chunk)})", chunk)
        for event_id, entity_id in sorted(pairs):
            participants[event_id].append({"entity": entity_id})
        events = []
        for r in sorted(rows):
            date = {"start": r[5], "end": r[6], "precision": r[7]} if r[7] else None
            place = json.loads(r[8]) if r[8] else {}
            # what `merge_events` compares: the gazetteer entry, and where and how wide it is
            gazetteer_id = place.get("gazetteer_id")
            kept = {k: place.get(k) for k in MERGE_PLACE_KEYS} if gazetteer_id else None
            events.append(
                {
                    "id": r[0],
                    "type": r[2],
                    "label": r[3],
                    "background": bool(r[4]),
                    "date": date,
                    "place": kept,
                    "participants": participants.get(r[0], []),
                    "evidence": [{"document": r[1]}],
                }
            )
        return events

    def cluster_counts(self) -> dict[str, int]:
        """Entities, actors (entity clusters), events, events merged across documents and those
        with conflicting dates, as resolution left them (kept in `meta` by each resolution, so
        reading them costs nothing however large the store)."""
        return self._stored_counts() or self._count_all()

    def _stored_counts(self) -> dict[str, int] | None:
        found = self._scalar("SELECT value FROM meta WHERE key = ?", (COUNTS_KEY,))
        return {k: int(v) for k, v in json.loads(found).items()} if found else None

    def _count_all(self) -> dict[str, int]:
        people = f"e.type IN {PEOPLE}"
        return {
            "entities": int(
                self._scalar(
                    "SELECT COUNT(*) FROM entity_clusters c JOIN entities e ON e.id = c.entity_id "
                    f"WHERE {people}"
                )
            ),
            "entity_clusters": int(
                self._scalar(
                    "SELECT COUNT(DISTINCT c.cluster_id) FROM entity_clusters c JOIN entities e "
                    f"ON e.id = c.entity_id WHERE {people}"
                )
            ),
            "events": int(self._scalar("SELECT COUNT(*) FROM event_clusters")),
            "merged_events": int(
                self._scalar(
                    "SELECT COUNT(DISTINCT cluster_id) FROM event_clusters "
                    "WHERE event_id <> cluster_id"
                )
            ),
            "conflicts": int(
                self._scalar("SELECT COUNT(*) FROM event_cluster_info WHERE conflicts <> '[]'")
            ),
        }

    def _counts_among(
        self, entity_ids: Sequence[str], event_ids: Sequence[str], cluster_ids: Iterable[str]
    ) -> dict[str, int]:
        """`_count_all`'s counts over the rows of these entities, events and event clusters."""
        people = set(
            self._tuples_in(
                "SELECT c.entity_id, c.cluster_id FROM entity_clusters c JOIN entities e "
                f"ON e.id = c.entity_id WHERE e.type IN {PEOPLE} AND c.entity_id IN ({{marks}})",
                entity_ids,
            )
        )
        events = set(
            self._tuples_in(
                "SELECT event_id, cluster_id FROM event_clusters WHERE event_id IN ({marks})",
                event_ids,
            )
        )
        conflicts = len(
            self._tuples_in(
                "SELECT cluster_id FROM event_cluster_info WHERE conflicts <> '[]' "
                "AND cluster_id IN ({marks})",
                cluster_ids,
            )
        )
        return {
            "entities": len(people),
            "entity_clusters": len({c for _, c in people}),
            "events": len(events),
            "merged_events": len({c for e, c in events if e != c}),
            "conflicts": conflicts,
        }

    def add_near_duplicates(self, links: Iterable[tuple[str, str, float]]) -> None:
        """Record near-duplicate links (document, the stored document it repeats, similarity)
        that no ingest could see; a document's link already recorded is kept."""
        rows = list(links)
        if rows:
            with self.transaction():
                self._executemany(insert_sql(NearDuplicateRow, "ignore"), rows)

    def replace_clusters(
        self,
        entity_clusters: Iterable[tuple[str, str, str | None]],
        event_clusters: Iterable[tuple[str, str]],
        cluster_info: Iterable[tuple[str, Sequence[str], int, Any]],
        resolved_at: str | None = None,
        entity_keys: Iterable[tuple[str, str]] = (),
        resolved_documents: Iterable[str] = (),
        whole_asked: str | None = None,
    ) -> None:
        """Rebuild the derived cluster tables in one transaction. entity_clusters: (entity,
        cluster, reason); entities not named stand alone. cluster_info: (cluster, documents,
        independent sources, conflicts). entity_keys: (blocking key, entity). resolved_at:
        `writes_counted()` when the inputs were read, which makes `needs_resolution()` false
        until the next write; resolved_documents: the `unresolved()` rows read then (a row a
        later write remade stays); whole_asked: `whole_resolution_asked()` read then."""
        with self.transaction():
            self._execute("DELETE FROM entity_clusters")
            self._execute("DELETE FROM event_clusters")
            self._execute("DELETE FROM event_cluster_info")
            self._execute("DELETE FROM entity_keys")
            # A replaced document's old names go: the aliases are what the mentions say now.
            self._execute("DELETE FROM entity_aliases")
            self._execute(
                "INSERT INTO entity_aliases (entity_id, name) "
                "SELECT DISTINCT entity_id, name FROM mentions"
            )
            # So are ties that only a replaced document's old version made.
            self._execute("DELETE FROM entity_ties")
            for statement in TIES_FROM_ROWS:
                self._execute(statement)
            self._write_clusters(entity_clusters, event_clusters, cluster_info, entity_keys)
            self._execute(
                "INSERT INTO entity_clusters (entity_id, cluster_id, reason) "
                "SELECT id, id, NULL FROM entities "
                "WHERE id NOT IN (SELECT entity_id FROM entity_clusters)"
            )
            if whole_asked is not None:
                self._set_meta(WHOLE_DONE_KEY, whole_asked)
            self._set_meta(COUNTS_KEY, json.dumps(self._count_all(), sort_keys=True))
            self._resolved(resolved_at, resolved_documents)

    def update_clusters(
        self,
        entity_clusters: Sequence[tuple[str, str, str | None]],
        event_clusters: Sequence[tuple[str, str]],
        cluster_info: Iterable[tuple[str, Sequence[str], int, Any]],
        dropped_cluster_info: Iterable[str],
        resolved_at: str | None = None,
        entity_keys: Iterable[tuple[str, str]] = (),
        resolved_documents: Iterable[str] = (),
    ) -> None:
        """Replace the cluster rows of some entities and events (incremental resolution), in
        one transaction: each row given replaces that entity's or event's row, the info rows of
        `dropped_cluster_info` (clusters that lost their root) go, `cluster_info` rows replace
        theirs."""
        info = list(cluster_info)
        roots = {*dropped_cluster_info, *(root for root, *_ in info)}
        entities = [e for e, _, _ in entity_clusters]
        events = [e for e, _ in event_clusters]
        with self.transaction():
            totals = self._stored_counts() or self._count_all()
            before = self._counts_among(entities, events, roots)
            for chunk in chunks(entities):
                self._execute(
                    f"DELETE FROM entity_clusters WHERE entity_id IN ({marks(chunk)})", chunk
                )
            for chunk in chunks(events):
                self._execute(
                    f"DELETE FROM event_clusters WHERE event_id IN ({marks(chunk)})", chunk
                )
            for chunk in chunks(roots):
                self._execute(
                    f"DELETE FROM event_cluster_info WHERE cluster_id IN ({marks(chunk)})", chunk
                )
            self._write_clusters(entity_clusters, event_clusters, info, entity_keys, "ignore")
            after = self._counts_among(entities, events, roots)
            # The totals move by what changed among these rows: the rows given hold whole
            # clusters, before and after, so counting them is counting what changed.
            self._set_meta(
                COUNTS_KEY,
                json.dumps({k: totals[k] + after[k] - before[k] for k in totals}, sort_keys=True),
            )
            self._resolved(resolved_at, resolved_documents)

    def _write_clusters(
        self,
        entity_clusters: Iterable[tuple[str, str, str | None]],
        event_clusters: Iterable[tuple[str, str]],
        cluster_info: Iterable[tuple[str, Sequence[str], int, Any]],
        entity_keys: Iterable[tuple[str, str]],
        keys_conflict: str | None = None,
    ) -> None:
        self._executemany(insert_sql(EntityClusterRow), list(entity_clusters))
        self._executemany(insert_sql(EventClusterRow), list(event_clusters))
        self._executemany(
            insert_sql(EventClusterInfoRow),
            [
                (root, json.dumps(list(docs)), int(sources), json.dumps(conflicts))
                for root, docs, sources, conflicts in cluster_info
            ],
        )
        self._executemany(insert_sql(EntityKeyRow, keys_conflict), sorted(set(entity_keys)))

    def _resolved(self, resolved_at: str | None, documents: Iterable[str]) -> None:
        if resolved_at is not None:
            self._set_meta(RESOLVED_KEY, resolved_at)
        # Only the rows as they were read: a document written again since keeps its row.
        for chunk in chunks(documents):
            self._execute(
                f"DELETE FROM unresolved WHERE document_id IN ({marks(chunk)}) "
                "AND write_count <= ?",
                (*chunk, int(resolved_at or 0)),
            )

    # -- reading clusters ----------------------------------------------------------------------

    def cluster_of(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """Entity id -> its cluster id (an entity never resolved is its own cluster)."""
        ids = sorted(set(entity_ids))
        return {i: i for i in ids} | self.stored_entity_clusters(ids)

    def stored_entity_clusters(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """Entity id -> its stored cluster id, for the given entities that have one."""
        sql = "SELECT entity_id, cluster_id FROM entity_clusters WHERE entity_id IN ({marks})"
        return dict(self._tuples_in(sql, entity_ids))

    def cluster_members(self, entity_ids: Iterable[str]) -> list[str]:
        """The given entities and every entity resolved into the same cluster as one of them."""
        out = set(entity_ids)
        for chunk in chunks(out):
            for (member,) in self._tuples(
                "SELECT c2.entity_id FROM entity_clusters c1 JOIN entity_clusters c2 "
                f"ON c2.cluster_id = c1.cluster_id WHERE c1.entity_id IN ({marks(chunk)})",
                chunk,
            ):
                out.add(member)
        return sorted(out)

    def entity_cluster_rows(self) -> list[EntityClusterRow]:
        return self._select(EntityClusterRow)

    def event_cluster_rows(self) -> list[EventClusterRow]:
        return self._select(EventClusterRow)

    def event_cluster_info(self, cluster_ids: Iterable[str] | None = None) -> list[
        EventClusterInfoRow
    ]:
        return self._select(EventClusterInfoRow, "cluster_id", cluster_ids)
