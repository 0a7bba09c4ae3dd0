"""Corpus resolution's side of the store: what it reads, and the derived tables it rebuilds.

`resolve/corpus.py` reads the inputs (entities with their aliases, relations between them,
events with their participants), clusters them, and hands the clusters back to
`replace_clusters`, which rebuilds `entity_clusters`, `event_clusters` and `event_cluster_info`
in one transaction, so a reader never sees half a resolution.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from footprint.store.records import (
    EntityClusterRow,
    EventClusterInfoRow,
    EventClusterRow,
    NearDuplicateRow,
)
from footprint.store.sql import RESOLVED_KEY, SQLBase, chunks, insert_sql, marks


class ClusterStore(SQLBase):
    def resolution_inputs(self) -> dict[str, Any]:
        """Entities (with every name they were written as), relations between entities, and
        events (with participants, date, gazetteer place and document) as plain dicts."""
        aliases: dict[str, set[str]] = defaultdict(set)
        for entity_id, name in self._tuples("SELECT DISTINCT entity_id, name FROM mentions"):
            aliases[entity_id].add(name)
        entities = [
            {"id": i, "type": t, "name": n, "aliases": sorted(aliases.get(i, ()))}
            for i, t, n in self._tuples("SELECT id, type, name FROM entities ORDER BY id")
        ]
        relations = [
            {"subject": s, "object": o}
            for s, o in sorted(
                self._tuples(
                    "SELECT DISTINCT subject_id, object_id FROM relations "
                    "WHERE object_id IS NOT NULL"
                )
            )
        ]
        participants: dict[str, list[dict[str, str]]] = defaultdict(list)
        for event_id, entity_id in self._tuples(
            "SELECT event_id, entity_id FROM event_participants ORDER BY event_id, entity_id"
        ):
            participants[event_id].append({"entity": entity_id})
        events = []
        for r in self._tuples(
            "SELECT id, document_id, type, label, background, date_start, date_end, "
            "date_precision, place FROM events ORDER BY id"
        ):
            date = {"start": r[5], "end": r[6], "precision": r[7]} if r[7] else None
            gazetteer_id = json.loads(r[8]).get("gazetteer_id") if r[8] else None
            events.append(
                {
                    "id": r[0],
                    "type": r[2],
                    "label": r[3],
                    "background": bool(r[4]),
                    "date": date,
                    "place": {"gazetteer_id": gazetteer_id} if gazetteer_id else None,
                    "participants": participants.get(r[0], []),
                    "evidence": [{"document": r[1]}],
                }
            )
        return {"entities": entities, "relations": relations, "events": events}

    def entity_documents(self) -> list[tuple[str, str]]:
        """(entity id, document id) for every document that mentions the entity."""
        return sorted(self._tuples("SELECT DISTINCT entity_id, document_id FROM mentions"))

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
    ) -> None:
        """Rebuild the derived cluster tables in one transaction. entity_clusters: (entity,
        cluster, reason); entities not named stand alone. cluster_info: (cluster, documents,
        independent sources, conflicts). resolved_at: `writes_counted()` when the inputs were
        read, which makes `needs_resolution()` false until the next write."""
        with self.transaction():
            if resolved_at is not None:
                self._set_meta(RESOLVED_KEY, resolved_at)
            self._execute("DELETE FROM entity_clusters")
            self._execute("DELETE FROM event_clusters")
            self._execute("DELETE FROM event_cluster_info")
            self._executemany(insert_sql(EntityClusterRow), list(entity_clusters))
            self._execute(
                "INSERT INTO entity_clusters (entity_id, cluster_id, reason) "
                "SELECT id, id, NULL FROM entities "
                "WHERE id NOT IN (SELECT entity_id FROM entity_clusters)"
            )
            self._executemany(insert_sql(EventClusterRow), list(event_clusters))
            self._executemany(
                insert_sql(EventClusterInfoRow),
                [
                    (root, json.dumps(list(docs)), int(sources), json.dumps(conflicts))
                    for root, docs, sources, conflicts in cluster_info
                ],
            )

    # -- reading clusters ----------------------------------------------------------------------

    def cluster_of(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """Entity id -> its cluster id (an entity never resolved is its own cluster)."""
        ids = sorted(set(entity_ids))
        out = {i: i for i in ids}
        for chunk in chunks(ids):
            for entity_id, cluster_id in self._tuples(
                f"SELECT entity_id, cluster_id FROM entity_clusters "
                f"WHERE entity_id IN ({marks(chunk)})",
                chunk,
            ):
                out[entity_id] = cluster_id
        return out

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
