"""Reads about actors: lookup by any spelling, aliases, roles, designations, their appearances
(profile, merge/split, sources).

An actor is an entity cluster (`clusters.py` reads those: `cluster_of`, `cluster_members`);
the reads here take entity ids, usually every member of one actor, and answer with typed
records or plain values. Name lookups ignore case with `lower(x) = lower(?)`, which both
backends accept. Event filters are applied here too: the date window in SQL, the country in
Python (the place is a JSON column, and JSON functions differ between the backends).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from footprint.store.records import DesignationRow, Record
from footprint.store.sql import SQLBase, chunks, marks


@dataclass(frozen=True, slots=True)
class AppearanceRow(Record):
    """One participation of an entity in an event: the event's columns, the participation
    (who, role, mode, evidence) and the occasion (event cluster) the event belongs to."""

    id: str
    document_id: str
    type: str
    label: str
    background: int
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    date_text: str | None
    place: str | None  # JSON
    casualties: str | None  # JSON
    responsibility: str | None  # JSON
    who: str
    role: str
    mode: str
    sentence: str
    attribution: str | None
    evidence_document: str
    occasion: str  # the event cluster, or the event itself when it was never clustered
    occasion_documents: str | None  # JSON list, None for an unclustered event
    independent_sources: int | None
    conflicts: str | None  # JSON


@dataclass(frozen=True, slots=True)
class CoParticipantRow(Record):
    """A participant of an event, with its entity's name and type."""

    event_id: str
    entity_id: str
    role: str
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class RoleRow(Record):
    """A relation an entity is the subject of, with its object's name."""

    id: str
    document_id: str
    subject_id: str
    predicate: str
    object_id: str | None
    role: str
    qualifiers: str  # JSON object
    start: int
    end: int
    text: str
    sentence: str
    attribution: str | None
    extractor: str
    object_name: str | None


@dataclass(frozen=True, slots=True)
class TieRow(Record):
    """A relation whose object is one of the given entities (someone's tie to them), with the
    subject's name and type and the publication date of the document that states it."""

    id: str
    document_id: str
    subject_id: str
    predicate: str
    object_id: str
    role: str
    qualifiers: str  # JSON object
    start: int
    end: int
    text: str
    sentence: str
    attribution: str | None
    extractor: str
    subject_name: str
    subject_type: str
    published: str | None


_EVENT_COLUMNS = (
    "e.id, e.document_id, e.type, e.label, e.background, e.date_start, e.date_end, "
    "e.date_precision, e.date_text, e.place, e.casualties, e.responsibility"
)
_RELATION_COLUMNS = (
    "r.id, r.document_id, r.subject_id, r.predicate, r.object_id, r.role, r.qualifiers, "
    'r.start, r."end", r.text, r.sentence, r.attribution, r.extractor'
)


def window_conditions(
    alias: str, since: date | None = None, until: date | None = None
) -> tuple[list[str], list[str]]:
    """SQL conditions and parameters for events (table alias `alias`) that overlap the window
    [since, until]. With a window, undated events are left out; an open interval end counts
    as unbounded."""
    where: list[str] = []
    params: list[str] = []
    if since is not None or until is not None:
        where.append(f"{alias}.date_precision IS NOT NULL")
        where.append(f"({alias}.date_start IS NOT NULL OR {alias}.date_end IS NOT NULL)")
    if since is not None:
        where.append(f"({alias}.date_end IS NULL OR {alias}.date_end >= ?)")
        params.append(since.isoformat())
    if until is not None:
        where.append(f"({alias}.date_start IS NULL OR {alias}.date_start <= ?)")
        params.append(until.isoformat())
    return where, params


def in_country(place: str | None, country: str | None) -> bool:
    """Whether an event's place (the stored JSON) lies in `country` (ISO-2, any case); every
    place does when no country is asked for."""
    if not country:
        return True
    found = json.loads(place).get("country") if place else None
    return isinstance(found, str) and found.upper() == country.upper()


class ActorStore(SQLBase):
    # -- lookup by name -----------------------------------------------------------------------

    def entity_names(self) -> list[str]:
        """Every stored entity name, once, sorted."""
        return [n for (n,) in self._tuples("SELECT DISTINCT name FROM entities ORDER BY name")]

    def entity_ids_named(self, name: str) -> list[str]:
        """Ids of the entities called `name` (any case), sorted; when none is, those of the
        entities one of whose mentions was written (or normalised to) `name`."""
        ids = [
            i
            for (i,) in self._tuples(
                "SELECT id FROM entities WHERE lower(name) = lower(?) ORDER BY id", (name,)
            )
        ]
        if ids:
            return ids
        return [
            i
            for (i,) in self._tuples(
                "SELECT DISTINCT entity_id FROM mentions "
                "WHERE lower(name) = lower(?) OR lower(text) = lower(?) ORDER BY entity_id",
                (name, name),
            )
        ]

    def entity_cluster(self, entity_id: str) -> str | None:
        """The actor (cluster) the last resolution put the entity in; None when no resolution
        has seen it yet."""
        found = self._scalar(
            "SELECT cluster_id FROM entity_clusters WHERE entity_id = ?", (entity_id,)
        )
        return str(found) if found is not None else None

    def spellings(self, entity_ids: Iterable[str]) -> list[tuple[str, list[str]]]:
        """(name, titles) of every distinct way the entities were mentioned, sorted."""
        found: set[tuple[str, str]] = set()
        for chunk in chunks(entity_ids):
            found.update(
                (name, titles)
                for name, titles in self._tuples(
                    "SELECT DISTINCT name, titles FROM mentions "
                    f"WHERE entity_id IN ({marks(chunk)})",
                    chunk,
                )
            )
        return [(name, list(json.loads(titles))) for name, titles in sorted(found)]

    # -- designations -------------------------------------------------------------------------

    def designation_kinds(self, entity_ids: Iterable[str]) -> dict[str, list[str]]:
        """Entity id -> the sorted designation kinds (listed, alias, claimed_front, ...) stored
        for it; entities with none are left out."""
        out: dict[str, set[str]] = {}
        for chunk in chunks(entity_ids):
            for entity_id, kind in self._tuples(
                "SELECT DISTINCT entity_id, kind FROM designations "
                f"WHERE entity_id IN ({marks(chunk)})",
                chunk,
            ):
                out.setdefault(entity_id, set()).add(kind)
        return {k: sorted(v) for k, v in out.items()}

    def designations_of(self, entity_ids: Iterable[str]) -> list[DesignationRow]:
        """The entities' designations, by kind, best score first, then listing."""
        rows: list[DesignationRow] = []
        for chunk in chunks(entity_ids):
            rows += self._rows(
                DesignationRow,
                f"SELECT * FROM designations WHERE entity_id IN ({marks(chunk)})",
                chunk,
            )
        rows.sort(key=lambda r: (r.kind, -r.score, r.listing_id, r.entity_id, r.document_id))
        return rows

    def designated_at(self, event_ids: Iterable[str]) -> dict[str, set[str]]:
        """Entity id -> the designation kinds it carried at the given events."""
        out: dict[str, set[str]] = {}
        for chunk in chunks(event_ids):
            for entity_id, kind in self._tuples(
                f"SELECT entity_id, kind FROM event_designated WHERE event_id IN ({marks(chunk)})",
                chunk,
            ):
                out.setdefault(entity_id, set()).add(kind)
        return out

    # -- roles and appearances ----------------------------------------------------------------

    def written_at(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """Entity id -> the count of document writes at the last write that named it (a
        stamp: what was read about the entity then is what the store says while it holds);
        entities no write named since schema 8 are left out."""
        sql = "SELECT entity_id, write_count FROM entity_writes WHERE entity_id IN ({marks})"
        return {entity_id: int(n) for entity_id, n in self._tuples_in(sql, entity_ids)}

    def roles_of(
        self, entity_ids: Iterable[str], predicates: Iterable[str] | None = None
    ) -> list[RoleRow]:
        """Relations the entities are the subject of (with the object's name), in document
        order; only those with one of `predicates`, when given."""
        wanted = sorted(set(predicates)) if predicates is not None else None
        if wanted == []:
            return []
        only = f"r.predicate IN ({marks(wanted)}) AND " if wanted else ""
        return self._in_chunks(
            RoleRow,
            f"SELECT {_RELATION_COLUMNS}, o.name AS object_name FROM relations r "
            f"LEFT JOIN entities o ON o.id = r.object_id WHERE {only}r.subject_id IN ({{marks}})",
            entity_ids,
            'r.document_id, r.start, r.id, r."end"',
            lambda r: (r.document_id, r.start, r.id, r.end),
            params=wanted or (),
        )

    def ties_to(self, entity_ids: Iterable[str], predicates: Iterable[str]) -> list[TieRow]:
        """Relations with one of `predicates` whose object is one of the entities (who
        represents, leads, belongs to or fronts for them), in document order."""
        wanted = sorted(set(predicates))
        if not wanted:
            return []
        return self._in_chunks(
            TieRow,
            f"SELECT {_RELATION_COLUMNS}, s.name AS subject_name, s.type AS subject_type, "
            "d.published FROM relations r JOIN entities s ON s.id = r.subject_id "
            "JOIN documents d ON d.id = r.document_id "
            f"WHERE r.predicate IN ({marks(wanted)}) AND r.object_id IN ({{marks}})",
            entity_ids,
            'r.document_id, r.start, r.id, r."end"',
            lambda r: (r.document_id, r.start, r.id, r.end),
            params=wanted,
        )

    def participation_counts(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """Entity id -> how many events it takes part in; entities in none are left out."""
        out: dict[str, int] = {}
        for chunk in chunks(entity_ids):
            for entity_id, n in self._tuples(
                "SELECT entity_id, count(*) FROM event_participants "
                f"WHERE entity_id IN ({marks(chunk)}) GROUP BY entity_id",
                chunk,
            ):
                out[entity_id] = int(n)
        return out

    def appearances(
        self,
        entity_ids: Iterable[str],
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[AppearanceRow]:
        """Every participation of the entities in an event in `country` (ISO-2 of the event's
        place) that overlaps [since, until], with the event's occasion; by event, then entity."""
        cond, params = window_conditions("e", since, until)
        where = "".join(f" AND {c}" for c in cond)
        rows: list[AppearanceRow] = []
        for chunk in chunks(entity_ids):
            rows += self._rows(
                AppearanceRow,
                f"SELECT {_EVENT_COLUMNS}, p.entity_id AS who, p.role, p.mode, p.sentence, "
                "p.attribution, p.document_id AS evidence_document, "
                "coalesce(c.cluster_id, e.id) AS occasion, i.documents AS occasion_documents, "
                "i.independent_sources, i.conflicts "
                "FROM event_participants p JOIN events e ON e.id = p.event_id "
                "LEFT JOIN event_clusters c ON c.event_id = e.id "
                "LEFT JOIN event_cluster_info i ON i.cluster_id = c.cluster_id "
                f"WHERE p.entity_id IN ({marks(chunk)}){where}",
                [*chunk, *params],
            )
        if country:
            # The rows repeat their towns' places: each is read once.
            inside = {place for place in {r.place for r in rows} if in_country(place, country)}
            rows = [r for r in rows if r.place in inside]
        rows.sort(key=lambda r: (r.id, r.who))
        return rows

    def co_participants(self, event_ids: Iterable[str]) -> list[CoParticipantRow]:
        """Every participant of the given events, with its name and type; by event, then
        entity."""
        rows: list[CoParticipantRow] = []
        for chunk in chunks(event_ids):
            rows += self._rows(
                CoParticipantRow,
                "SELECT p.event_id, p.entity_id, p.role, n.name, n.type FROM event_participants p "
                f"JOIN entities n ON n.id = p.entity_id WHERE p.event_id IN ({marks(chunk)}) "
                "ORDER BY p.event_id, p.entity_id",
                chunk,
            )
        return rows
