"""Reads the exports and the brief need: documents, evidence spans and what a selection holds
(export/selection.py, export/brief.py).

Queries that take a list of ids run in chunks (`sql.chunks`) and sort across them in Python by
the same key their ORDER BY gives, so the order never depends on how many ids were asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from footprint.store.records import (
    MentionRow,
    ParticipantRow,
    Record,
)
from footprint.store.sql import SQLBase, marks

# Name matches too weak to report: never exported, never shown in a brief.
WEAK_KIND = "possible"


@dataclass(frozen=True, slots=True)
class DocumentHeader(Record):
    """A stored document without its text: what a citation names."""

    id: str
    path: str
    title: str | None
    author: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class NamedDesignation(Record):
    """A designation with the name and type of the entity it designates."""

    document_id: str
    entity_id: str
    kind: str
    listing_id: str
    list: str
    program: str
    listed_name: str
    listed_on: str | None
    score: float
    explanation: str
    source: str
    via: str | None
    evidence: str | None  # JSON evidence for text-based kinds
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class RelationNames(Record):
    """A relation with the names of its subject and (where it has one) its object."""

    id: str
    predicate: str
    role: str
    subject_name: str
    object_name: str | None


class ExportStore(SQLBase):
    def document_headers(self, ids: Iterable[str] | None = None) -> list[DocumentHeader]:
        """Documents (all, or those with these ids) without their text, by path then id."""
        sql = "SELECT id, path, title, author, published, url FROM documents"
        if ids is None:
            return self._rows(DocumentHeader, f"{sql} ORDER BY path, id")
        return self._in_chunks(
            DocumentHeader,
            sql + " WHERE id IN ({marks})",
            ids,
            "path, id",
            lambda d: (d.path, d.id),
        )

    def participants_of_events(self, event_ids: Iterable[str]) -> list[ParticipantRow]:
        """Participants of these events, by document and offset (then event and entity)."""
        return self._in_chunks(
            ParticipantRow,
            "SELECT * FROM event_participants WHERE event_id IN ({marks})",
            event_ids,
            "document_id, start, event_id, entity_id",
            lambda p: (p.document_id, p.start, p.event_id, p.entity_id),
        )

    def mentions_of_entities(self, entity_ids: Iterable[str]) -> list[MentionRow]:
        """Every mention of these entities, by document and offset."""
        return self._in_chunks(
            MentionRow,
            "SELECT * FROM mentions WHERE entity_id IN ({marks})",
            entity_ids,
            'document_id, start, "end", id',
            lambda m: (m.document_id, m.start, m.end, m.id),
        )

    def titled_mentions(self, entity_ids: Iterable[str]) -> list[MentionRow]:
        """The mentions of these entities that carry a title ("Senator X"), by document and
        offset: what a title test needs, without reading every mention."""
        return self._in_chunks(
            MentionRow,
            "SELECT * FROM mentions WHERE titles <> '[]' AND entity_id IN ({marks})",
            entity_ids,
            'document_id, start, "end", id',
            lambda m: (m.document_id, m.start, m.end, m.id),
        )

    def first_mention(self, entity_id: str, document_id: str) -> MentionRow | None:
        """The entity's first mention in the document (by offset), or None."""
        rows = self._rows(
            MentionRow,
            "SELECT * FROM mentions WHERE entity_id = ? AND document_id = ? "
            'ORDER BY start, "end", id LIMIT 1',
            (entity_id, document_id),
        )
        return rows[0] if rows else None

    def designated_entity_ids(self, kinds: Sequence[str]) -> set[str]:
        """Ids of the entities with a designation of one of these kinds."""
        if not kinds:
            return set()
        return {
            entity_id
            for (entity_id,) in self._tuples(
                f"SELECT DISTINCT entity_id FROM designations WHERE kind IN ({marks(kinds)})",
                list(kinds),
            )
        }

    def firm_designations(self, entity_ids: Iterable[str] | None = None) -> list[NamedDesignation]:
        """Designations (of all entities, or of these) other than weak 'possible' name matches,
        with the entity's name and type: by name, kind, score (highest first), document,
        listing and entity."""
        sql = (
            "SELECT d.*, n.name, n.type FROM designations d JOIN entities n ON n.id = d.entity_id "
            "WHERE d.kind != ?"
        )
        order = "n.name, d.kind, d.score DESC, d.document_id, d.listing_id, d.entity_id"
        if entity_ids is None:
            return self._rows(NamedDesignation, f"{sql} ORDER BY {order}", (WEAK_KIND,))
        return self._in_chunks(
            NamedDesignation,
            sql + " AND d.entity_id IN ({marks})",
            entity_ids,
            order,
            lambda d: (d.name, d.kind, -d.score, d.document_id, d.listing_id, d.entity_id),
            (WEAK_KIND,),
        )

    def relation_names(self) -> list[RelationNames]:
        """Every distinct relation (id, predicate, role) with its subject's and object's names,
        by id."""
        return self._rows(
            RelationNames,
            "SELECT DISTINCT r.id, r.predicate, r.role, s.name AS subject_name, "
            "o.name AS object_name FROM relations r JOIN entities s ON s.id = r.subject_id "
            "LEFT JOIN entities o ON o.id = r.object_id "
            "ORDER BY r.id, r.predicate, r.role, subject_name, object_name NULLS FIRST",
        )
