"""Reads about occasions: events with participants, co-appearances, timelines and networks
(timeline, network, dossier).

An occasion is an event cluster: one real event, however many documents report it; an actor is
an entity cluster. Both come from the derived cluster tables, and an event or entity that the
last resolution did not cluster stands for itself (`coalesce(cluster_id, id)`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from footprint.store.actors import in_country, window_conditions
from footprint.store.records import EventEvidenceRow, EventRow, Record, columns
from footprint.store.sql import SQLBase, chunks, marks, quoted

# The occasion of an event row `e` joined with `event_clusters ec`: its cluster, else itself.
OCCASION = "coalesce(ec.cluster_id, e.id)"

# Participations with their occasion and actor (`ActorParticipation`), before WHERE.
PARTICIPATIONS = (
    "SELECT p.event_id, coalesce(ec.cluster_id, p.event_id) AS event_cluster, p.entity_id, "
    "coalesce(c.cluster_id, p.entity_id) AS actor, p.role, p.mode, p.document_id, p.start, "
    "p.sentence, p.attribution FROM event_participants p "
    "JOIN entities n ON n.id = p.entity_id "
    "LEFT JOIN entity_clusters c ON c.entity_id = p.entity_id "
    "LEFT JOIN event_clusters ec ON ec.event_id = p.event_id "
)


@dataclass(frozen=True, slots=True)
class ClusterMember(Record):
    """An entity with the actor (entity cluster) it belongs to and why it was joined to it."""

    entity_id: str
    cluster_id: str
    name: str
    type: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class ActorParticipation(Record):
    """One participation, with the occasion (event cluster) and actor (entity cluster) it
    counts for."""

    event_id: str
    event_cluster: str
    entity_id: str
    actor: str
    role: str
    mode: str
    document_id: str
    start: int
    sentence: str
    attribution: str | None


@dataclass(frozen=True, slots=True)
class ActorRelation(Record):
    """A relation between two entities, told between the actors (entity clusters) they are."""

    id: str
    document_id: str
    start: int
    subject: str
    predicate: str
    object: str
    role: str
    sentence: str
    attribution: str | None


class OccasionStore(SQLBase):
    # -- occasions and their reports ----------------------------------------------------------

    def occasion_reports(
        self,
        cluster_ids: Iterable[str] | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> dict[str, list[EventRow]]:
        """Event cluster id -> its reports (events) in id order: of the given clusters (all when
        None) that lie in `country` and overlap [since, until]."""
        where, params = window_conditions("e", since, until)
        select = (
            f"SELECT {', '.join('e.' + quoted(c) for c in columns(EventRow))}, "
            f"{OCCASION} FROM events e LEFT JOIN event_clusters ec ON ec.event_id = e.id"
        )
        found: list[tuple[str, EventRow]] = []
        if cluster_ids is None:
            found += self._reports(select, where, params)
        else:
            for chunk in chunks(cluster_ids):
                found += self._reports(
                    select, [*where, f"{OCCASION} IN ({marks(chunk)})"], [*params, *chunk]
                )
        out: dict[str, list[EventRow]] = {}
        # Sorted here, not in SQL: the order spans the chunks.
        for cluster, event in sorted(found, key=lambda pair: pair[1].id):
            # The place is a JSON column, read here: the backends' JSON functions differ.
            if in_country(event.place, country):
                out.setdefault(cluster, []).append(event)
        return out

    def _reports(
        self, select: str, where: Sequence[str], params: Sequence[str]
    ) -> list[tuple[str, EventRow]]:
        """(occasion, event) for the rows of a `select` over events under the conditions."""
        sql = select + (f" WHERE {' AND '.join(where)}" if where else "")
        return [(row[-1], EventRow(*row[:-1])) for row in self._tuples(sql, params)]

    def occasions_of(self, entity_ids: Iterable[str]) -> set[str]:
        """The event clusters (occasions) any of the given entities took part in."""
        out: set[str] = set()
        for chunk in chunks(entity_ids):
            out.update(
                cluster
                for (cluster,) in self._tuples(
                    "SELECT DISTINCT coalesce(ec.cluster_id, p.event_id) "
                    "FROM event_participants p "
                    "LEFT JOIN event_clusters ec ON ec.event_id = p.event_id "
                    f"WHERE p.entity_id IN ({marks(chunk)})",
                    chunk,
                )
            )
        return out

    def event_cluster_mates(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """Event cluster id -> every event in it (sorted), for the clusters the given events
        were resolved into (an event never clustered is left out)."""
        out: dict[str, set[str]] = {}
        for chunk in chunks(event_ids):
            for event_id, cluster_id in self._tuples(
                "SELECT c2.event_id, c2.cluster_id FROM event_clusters c1 "
                "JOIN event_clusters c2 ON c2.cluster_id = c1.cluster_id "
                f"WHERE c1.event_id IN ({marks(chunk)})",
                chunk,
            ):
                out.setdefault(cluster_id, set()).add(event_id)
        return {cluster: sorted(events) for cluster, events in sorted(out.items())}

    def evidence_for_events(self, event_ids: Iterable[str]) -> list[EventEvidenceRow]:
        """The evidence spans of the given events, by document and offset."""
        return self._in_chunks(
            EventEvidenceRow,
            "SELECT * FROM event_evidence WHERE event_id IN ({marks})",
            event_ids,
            'document_id, start, event_id, "end"',
            lambda r: (r.document_id, r.start, r.event_id, r.end),
        )

    # -- who took part ---------------------------------------------------------------------------

    def participant_counts(self, event_ids: Iterable[str]) -> dict[str, int]:
        """Event id -> how many participants it has (an event with none is left out)."""
        out: dict[str, int] = {}
        for chunk in chunks(event_ids):
            for event_id, count in self._tuples(
                "SELECT event_id, count(*) FROM event_participants "
                f"WHERE event_id IN ({marks(chunk)}) GROUP BY event_id",
                chunk,
            ):
                out[event_id] = int(count)
        return out

    def occasion_participants(self, event_ids: Iterable[str]) -> list[ActorParticipation]:
        """The participations in the given events, by document and offset."""
        rows: list[ActorParticipation] = []
        for chunk in chunks(event_ids):
            rows += self._rows(
                ActorParticipation,
                PARTICIPATIONS + f"WHERE p.event_id IN ({marks(chunk)})",
                chunk,
            )
        # Sorted here, not in SQL: the order spans the chunks.
        return sorted(rows, key=lambda r: (r.document_id, r.start, r.event_id, r.entity_id))

    def actor_participations(self, types: Sequence[str]) -> list[ActorParticipation]:
        """Every participation of an entity of the given types, by occasion, document, offset
        and entity."""
        return self._rows(
            ActorParticipation,
            PARTICIPATIONS + f"WHERE n.type IN ({marks(types)}) "
            "ORDER BY coalesce(ec.cluster_id, p.event_id), p.document_id, p.start, p.entity_id, "
            "p.event_id",
            types,
        )

    # -- actors and the ties between them --------------------------------------------------------

    def actor_members(self, types: Sequence[str]) -> list[ClusterMember]:
        """Every entity of the given types with its actor (an unresolved entity is its own),
        by entity id."""
        return self._rows(
            ClusterMember,
            "SELECT n.id AS entity_id, coalesce(c.cluster_id, n.id) AS cluster_id, n.name, "
            "n.type, c.reason FROM entities n "
            "LEFT JOIN entity_clusters c ON c.entity_id = n.id "
            f"WHERE n.type IN ({marks(types)}) ORDER BY n.id",
            types,
        )

    def cluster_mates(self, entity_ids: Iterable[str]) -> list[ClusterMember]:
        """Every entity resolved into the same actor as one of the given entities, by actor and
        entity id (an entity never resolved has no mates, not even itself)."""
        found: dict[str, ClusterMember] = {}
        for chunk in chunks(entity_ids):
            for row in self._rows(
                ClusterMember,
                "SELECT DISTINCT c2.entity_id, c2.cluster_id, n.name, n.type, c2.reason "
                "FROM entity_clusters c1 JOIN entity_clusters c2 ON c2.cluster_id = c1.cluster_id "
                f"JOIN entities n ON n.id = c2.entity_id WHERE c1.entity_id IN ({marks(chunk)})",
                chunk,
            ):
                found[row.entity_id] = row
        return sorted(found.values(), key=lambda r: (r.cluster_id, r.entity_id))

    def actor_relations(self, types: Sequence[str]) -> list[ActorRelation]:
        """Relations whose subject and object are both entities of the given types, between
        their actors, by document and offset."""
        return self._rows(
            ActorRelation,
            "SELECT r.id, r.document_id, r.start, "
            "coalesce(cs.cluster_id, r.subject_id) AS subject, r.predicate, "
            "coalesce(co.cluster_id, r.object_id) AS object, r.role, r.sentence, r.attribution "
            "FROM relations r "
            "JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id "
            "LEFT JOIN entity_clusters cs ON cs.entity_id = r.subject_id "
            "LEFT JOIN entity_clusters co ON co.entity_id = r.object_id "
            f"WHERE s.type IN ({marks(types)}) AND o.type IN ({marks(types)}) "
            'ORDER BY r.document_id, r.start, r.id, r."end"',
            [*types, *types],
        )
