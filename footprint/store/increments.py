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
    RESOLVED_KEY,
    WHOLE_ASKED_KEY,
    WHOLE_DONE_KEY,
    SQLBase,
    chunks,
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
        out: set[str] = set()
        for chunk in chunks(document_ids):
            m = marks(chunk)
            for (entity_id,) in self._tuples(
                f"SELECT entity_id FROM mentions WHERE document_id IN ({m}) "
                f"UNION SELECT subject_id FROM relations WHERE document_id IN ({m}) "
                f"UNION SELECT object_id FROM relations WHERE document_id IN ({m}) "
                f"UNION SELECT entity_id FROM event_participants WHERE document_id IN ({m})",
                chunk * 4,
            ):
                if entity_id is not None:
                    out.add(entity_id)
        return out

    def entities_with_keys(self, keys: Iterable[str]) -> set[str]:
        """The resolved entities with one of these blocking keys."""
        out: set[str] = set()
        for chunk in chunks(keys):
            out.update(
                row[0]
                for row in self._tuples(
                    f"SELECT entity_id FROM entity_keys WHERE block IN ({marks(chunk)})", chunk
                )
            )
        return out

    def entity_context(self, entity_ids: Iterable[str]) -> dict[str, set[str]]:
        """Entity id -> the entities it is tied to (relations) or appeared with (events), for
        the given entities."""
        out: dict[str, set[str]] = defaultdict(set)
        for chunk in chunks(entity_ids):
            for a, b in self._tuples(
                f"SELECT entity_id, tied_id FROM entity_ties WHERE entity_id IN ({marks(chunk)})",
                chunk,
            ):
                out[a].add(b)
        return out

    def shared_occasions(self, a: Sequence[str], b: Sequence[str]) -> set[str]:
        """The event clusters reported by two or more documents (as resolution last left them)
        that a document naming one of `a` and a document naming one of `b` both report."""
        if not a or not b:
            return set()
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
        return {
            r[0]
            for r in self._tuples(
                f"{_OCCASIONS_NAMING.format(marks=marks(entity_ids))} "
                f"AND c.cluster_id IN ({marks(wanted)})",
                (*entity_ids, *wanted),
            )
        }

    def event_labels(self, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in chunks(ids):
            out.update(
                self._tuples(f"SELECT id, label FROM events WHERE id IN ({marks(chunk)})", chunk)
            )
        return out

    def events_of_documents(self, document_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in chunks(document_ids):
            out.update(
                r[0]
                for r in self._tuples(
                    f"SELECT id FROM events WHERE document_id IN ({marks(chunk)})", chunk
                )
            )
        return out

    def events_with_participants(self, entity_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in chunks(entity_ids):
            out.update(
                r[0]
                for r in self._tuples(
                    f"SELECT DISTINCT event_id FROM event_participants "
                    f"WHERE entity_id IN ({marks(chunk)})",
                    chunk,
                )
            )
        return out

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
        out: set[str] = set()
        window = "date_start >= ? AND date_start <= ? AND date_end >= ?"
        params = (starts[0], starts[1], ends_from)
        for chunk in chunks(entity_ids):
            # The date window first (its index), then each event's participants (their key):
            # a popular actor's every event is never read.
            out.update(
                r[0]
                for r in self._tuples(
                    f"SELECT id FROM events e WHERE {window} AND EXISTS (SELECT 1 FROM "
                    f"event_participants p WHERE p.event_id = e.id "
                    f"AND p.entity_id IN ({marks(chunk)}))",
                    (*params, *chunk),
                )
            )
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
        roots: set[str] = set()
        for chunk in chunks(event_ids):
            roots.update(
                r[0]
                for r in self._tuples(
                    f"SELECT cluster_id FROM event_clusters WHERE event_id IN ({marks(chunk)})",
                    chunk,
                )
            )
        out: dict[str, str] = {}
        for chunk in chunks(roots):
            out.update(
                self._tuples(
                    f"SELECT event_id, cluster_id FROM event_clusters "
                    f"WHERE cluster_id IN ({marks(chunk)})",
                    chunk,
                )
            )
        return out

    def near_duplicates_of(self, document_ids: Iterable[str]) -> list[NearDuplicateRow]:
        """The recorded near-duplicate links that involve one of the documents."""
        found: set[NearDuplicateRow] = set()
        for chunk in chunks(document_ids):
            m = marks(chunk)
            found.update(
                self._rows(
                    NearDuplicateRow,
                    f"SELECT * FROM near_duplicates WHERE document_id IN ({m}) "
                    f"OR duplicate_of IN ({m})",
                    chunk * 2,
                )
            )
        return sorted(found, key=lambda r: r.document_id)

    def band_neighbours(self, document_ids: Iterable[str]) -> dict[str, set[str]]:
        """Document id -> the other stored documents sharing a signature band with it."""
        out: dict[str, set[str]] = defaultdict(set)
        for chunk in chunks(document_ids):
            for doc_id, other in self._tuples(
                "SELECT DISTINCT a.document_id, b.document_id FROM signature_bands a "
                "JOIN signature_bands b ON b.band = a.band AND b.document_id <> a.document_id "
                f"WHERE a.document_id IN ({marks(chunk)})",
                chunk,
            ):
                out[doc_id].add(other)
        return out

    def signatures_of(self, document_ids: Iterable[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for chunk in chunks(document_ids):
            for doc_id, blob in self._tuples(
                f"SELECT document_id, signature FROM signatures "
                f"WHERE document_id IN ({marks(chunk)})",
                chunk,
            ):
                out[doc_id] = bytes(blob)
        return out

    def entity_documents(
        self, entity_ids: Iterable[str] | None = None, document_ids: Iterable[str] | None = None
    ) -> list[tuple[str, str]]:
        """(entity id, document id) for every document that mentions the entity; only for the
        entities and documents given, when they are."""
        if entity_ids is None or document_ids is None:
            return sorted(self._tuples("SELECT DISTINCT entity_id, document_id FROM mentions"))
        docs = sorted(set(document_ids))
        out: set[tuple[str, str]] = set()
        for chunk in chunks(entity_ids):
            for part in [docs[i : i + 400] for i in range(0, len(docs), 400)]:
                out.update(
                    self._tuples(
                        f"SELECT DISTINCT entity_id, document_id FROM mentions WHERE entity_id "
                        f"IN ({marks(chunk)}) AND document_id IN ({marks(part)})",
                        (*chunk, *part),
                    )
                )
        return sorted(out)

    def stored_entity_clusters(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """Entity id -> its stored cluster id, for the given entities that have one."""
        out: dict[str, str] = {}
        for chunk in chunks(entity_ids):
            out.update(
                self._tuples(
                    f"SELECT entity_id, cluster_id FROM entity_clusters "
                    f"WHERE entity_id IN ({marks(chunk)})",
                    chunk,
                )
            )
        return out

    def documents_at_most(self, limit: int) -> int:
        """How many documents are stored, counted up to `limit` (enough to compare with it,
        without counting a large store)."""
        return int(
            self._scalar("SELECT COUNT(*) FROM (SELECT 1 FROM documents LIMIT ?) d", (limit,))
        )
