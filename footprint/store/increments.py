"""What incremental resolution (`resolve/incremental.py`) reads: the documents written since
the last resolution, and around the entities and events they name only what the whole
resolution would compare them with (entities sharing a blocking key, their ties and occasions,
events in a date window, documents sharing a signature band). Each read is narrowed by an
index, so its cost follows what the new documents touch, not the size of the store.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from footprint.store.records import NearDuplicateRow, UnresolvedRow
from footprint.store.sql import (
    CHUNK,
    RESOLVED_KEY,
    WHOLE_ASKED_KEY,
    WHOLE_DONE_KEY,
    SQLBase,
    marks,
)

# The merged event clusters (two or more members) that documents naming one of some entities
# report; {marks} stands for the entities' placeholders.
_OCCASIONS_NAMING = (
    "SELECT DISTINCT c.cluster_id FROM mentions m "
    "JOIN events e ON e.document_id = m.document_id "
    "JOIN event_clusters c ON c.event_id = e.id "
    "WHERE m.entity_id IN ({marks}) AND EXISTS (SELECT 1 FROM event_clusters o "
    "WHERE o.cluster_id = c.cluster_id AND o.event_id <> o.cluster_id)"
)


class IncrementalReads(SQLBase):
    def unresolved(self) -> list[UnresolvedRow]:
        """The documents written since resolution last ran."""
        return self._select(UnresolvedRow)

    def whole_resolution_asked(self) -> str:
        """How many times a judgement or a migration asked for a whole resolution (as text):
        a whole resolution reads it before it starts and hands it to `replace_clusters`."""
        return str(self._scalar("SELECT value FROM meta WHERE key = ?", (WHOLE_ASKED_KEY,)) or "0")

    def wants_whole_resolution(self) -> bool:
        """Whether the next resolution must look at everything: the store was never resolved,
        or a judgement or a migration asked for it after the last whole resolution began."""
        answered = self._scalar("SELECT value FROM meta WHERE key = ?", (WHOLE_DONE_KEY,))
        resolved = self._scalar("SELECT value FROM meta WHERE key = ?", (RESOLVED_KEY,))
        return resolved is None or (answered or "0") != self.whole_resolution_asked()

    def entities_of_documents(self, document_ids: Iterable[str]) -> set[str]:
        """The entities the documents' mentions, relations and participants refer to."""
        rows = self._tuples_in(
            "SELECT entity_id FROM mentions WHERE document_id IN ({marks}) "
            "UNION SELECT subject_id FROM relations WHERE document_id IN ({marks}) "
            "UNION SELECT object_id FROM relations WHERE document_id IN ({marks}) "
            "UNION SELECT entity_id FROM event_participants WHERE document_id IN ({marks})",
            document_ids,
            repeat=4,
        )
        return {entity_id for (entity_id,) in rows if entity_id is not None}

    def entities_with_keys(self, keys: Iterable[str]) -> set[str]:
        """The resolved entities with one of these blocking keys."""
        sql = "SELECT entity_id FROM entity_keys WHERE block IN ({marks})"
        return {entity_id for (entity_id,) in self._tuples_in(sql, keys)}

    def entity_context(self, entity_ids: Iterable[str]) -> dict[str, set[str]]:
        """Entity id -> the entities it is tied to (relations) or appeared with (events), for
        the given entities."""
        out: dict[str, set[str]] = defaultdict(set)
        sql = "SELECT entity_id, tied_id FROM entity_ties WHERE entity_id IN ({marks})"
        for a, b in self._tuples_in(sql, entity_ids):
            out[a].add(b)
        return out

    def shared_occasions(self, a: Sequence[str], b: Sequence[str]) -> set[str]:
        """The event clusters reported by two or more documents (as resolution last left them)
        that a document naming one of `a` and a document naming one of `b` both report."""
        if not a or not b:
            return set()
        if len(a) + len(b) > CHUNK:  # too many to bind at once: each side, then intersect
            return self._occasions_naming(a) & self._occasions_naming(b)
        return {
            r[0]
            for r in self._tuples(
                f"{_OCCASIONS_NAMING.format(marks=marks(a))} INTERSECT "
                f"{_OCCASIONS_NAMING.format(marks=marks(b))}",
                (*a, *b),
            )
        }

    def occasions_among(self, entity_ids: Sequence[str], occasions: Iterable[str]) -> set[str]:
        """Which of `occasions` (event cluster ids) a document naming one of the entities
        reports."""
        wanted = sorted(set(occasions))
        if not entity_ids or not wanted:
            return set()
        if len(entity_ids) + len(wanted) > CHUNK:
            return self._occasions_naming(entity_ids) & set(wanted)
        return {
            r[0]
            for r in self._tuples(
                f"{_OCCASIONS_NAMING.format(marks=marks(entity_ids))} "
                f"AND c.cluster_id IN ({marks(wanted)})",
                (*entity_ids, *wanted),
            )
        }

    def _occasions_naming(self, entity_ids: Iterable[str]) -> set[str]:
        return {cluster for (cluster,) in self._tuples_in(_OCCASIONS_NAMING, entity_ids)}

    def event_labels(self, ids: Iterable[str]) -> dict[str, str]:
        return dict(self._tuples_in("SELECT id, label FROM events WHERE id IN ({marks})", ids))

    def events_of_documents(self, document_ids: Iterable[str]) -> set[str]:
        sql = "SELECT id FROM events WHERE document_id IN ({marks})"
        return {event_id for (event_id,) in self._tuples_in(sql, document_ids)}

    def events_with_participants(self, entity_ids: Iterable[str]) -> set[str]:
        sql = "SELECT DISTINCT event_id FROM event_participants WHERE entity_id IN ({marks})"
        return {event_id for (event_id,) in self._tuples_in(sql, entity_ids)}

    def events_near(
        self,
        starts: tuple[str, str],
        ends_from: str,
        entity_ids: Sequence[str],
        gazetteer_id: str | None,
    ) -> set[str]:
        """Events starting within `starts` (inclusive ISO days) and ending on or after
        `ends_from`, with a participant among `entity_ids` or, when given, that gazetteer
        place: the reports another event may be merged with."""
        window = "date_start >= ? AND date_start <= ? AND date_end >= ?"
        params = (starts[0], starts[1], ends_from)
        # The date window first (its index), then each event's participants (their key): a
        # popular actor's every event is never read.
        rows = self._tuples_in(
            f"SELECT id FROM events e WHERE {window} AND EXISTS (SELECT 1 FROM "
            "event_participants p WHERE p.event_id = e.id AND p.entity_id IN ({marks}))",
            entity_ids,
            params,
        )
        out = {event_id for (event_id,) in rows}
        if gazetteer_id:
            # The place is JSON written with sorted keys (`write`): LIKE narrows the rows
            # through the date index (its own characters escaped alike on both backends), and
            # `merge_events` compares the parsed places.
            written = json.dumps({"gazetteer_id": gazetteer_id})[1:-1]
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", written) + "%"
            out.update(
                r[0]
                for r in self._tuples(
                    f"SELECT id FROM events WHERE {window} AND place LIKE ? ESCAPE '\\'",
                    (*params, pattern),
                )
            )
        return out

    def event_cluster_of(self, event_ids: Iterable[str]) -> dict[str, str]:
        """Event id -> its stored cluster id, for the given events and every other member of
        their clusters."""
        roots = self._tuples_in(
            "SELECT cluster_id FROM event_clusters WHERE event_id IN ({marks})", event_ids
        )
        return dict(
            self._tuples_in(
                "SELECT event_id, cluster_id FROM event_clusters WHERE cluster_id IN ({marks})",
                {root for (root,) in roots},
            )
        )

    def near_duplicates_of(self, document_ids: Iterable[str]) -> list[NearDuplicateRow]:
        """The recorded near-duplicate links that involve one of the documents."""
        rows = self._tuples_in(
            "SELECT document_id, duplicate_of, similarity FROM near_duplicates "
            "WHERE document_id IN ({marks}) OR duplicate_of IN ({marks})",
            document_ids,
            repeat=2,
        )
        return [NearDuplicateRow(*row) for row in sorted(set(rows))]

    def band_neighbours(self, document_ids: Iterable[str]) -> dict[str, set[str]]:
        """Document id -> the other stored documents sharing a signature band with it."""
        out: dict[str, set[str]] = defaultdict(set)
        for doc_id, other in self._tuples_in(
            "SELECT DISTINCT a.document_id, b.document_id FROM signature_bands a "
            "JOIN signature_bands b ON b.band = a.band AND b.document_id <> a.document_id "
            "WHERE a.document_id IN ({marks})",
            document_ids,
        ):
            out[doc_id].add(other)
        return out

    def signatures_of(self, document_ids: Iterable[str]) -> dict[str, bytes]:
        sql = "SELECT document_id, signature FROM signatures WHERE document_id IN ({marks})"
        return {doc_id: bytes(blob) for doc_id, blob in self._tuples_in(sql, document_ids)}

    def entity_documents(
        self, entity_ids: Iterable[str] | None = None, document_ids: Iterable[str] | None = None
    ) -> list[tuple[str, str]]:
        """(entity id, document id) for every document that mentions the entity; only for the
        entities and documents given, when they are."""
        if entity_ids is None or document_ids is None:
            return sorted(self._tuples("SELECT DISTINCT entity_id, document_id FROM mentions"))
        docs, entities = sorted(set(document_ids)), sorted(set(entity_ids))
        out: set[tuple[str, str]] = set()
        for part in [docs[i : i + CHUNK // 2] for i in range(0, len(docs), CHUNK // 2)]:
            out.update(
                self._tuples_in(
                    "SELECT DISTINCT entity_id, document_id FROM mentions WHERE document_id "
                    f"IN ({marks(part)}) AND entity_id IN ({{marks}})",
                    entities,
                    part,
                )
            )
        return sorted(out)

    def documents_at_most(self, limit: int) -> int:
        """How many documents are stored, counted up to `limit` (enough to compare with it,
        without counting a large store)."""
        return int(
            self._scalar("SELECT COUNT(*) FROM (SELECT 1 FROM documents LIMIT ?) d", (limit,))
        )
