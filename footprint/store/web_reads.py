"""Reads the web app makes that no command needs: actors by a piece of any spelling, documents a
page at a time, the designations and quotes of given events, and the store's size.

Written once for both backends like the other mixins: `?` placeholders, `lower(x) LIKE lower(?)`
with an explicit ESCAPE character (both SQLite and PostgreSQL accept it), and lists of ids read
in chunks and sorted across them in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from footprint.store.exports import DocumentHeader
from footprint.store.records import EventDesignatedRow, QuoteRow, Record
from footprint.store.sql import RESOLVED_KEY, WRITES_KEY, SQLBase, chunks, marks

# The character that makes the next one literal in a LIKE pattern built from user text.
LIKE_ESCAPE = "\\"


def like_pattern(fragment: str) -> str:
    """`%fragment%` with the fragment's own `%`, `_` and escape characters made literal."""
    literal = "".join(
        LIKE_ESCAPE + ch if ch in ("%", "_", LIKE_ESCAPE) else ch for ch in fragment.lower()
    )
    return f"%{literal}%"


@dataclass(frozen=True, slots=True)
class SpelledEntity(Record):
    """An entity one of whose spellings (its name, a mention's name or words) holds the
    fragment asked for, with the actor (entity cluster) it belongs to."""

    entity_id: str
    actor: str
    name: str
    type: str


class WebStore(SQLBase):
    def entities_spelled(
        self, fragment: str, types: Sequence[str], limit: int
    ) -> list[SpelledEntity]:
        """Entities of the given types whose name, or one of whose mentions, contains
        `fragment` (case ignored for ASCII letters on SQLite, for all on PostgreSQL); at most
        `limit`, by name then id."""
        pattern = like_pattern(fragment)
        escape = f"ESCAPE '{LIKE_ESCAPE}'"
        return self._rows(
            SpelledEntity,
            "SELECT n.id AS entity_id, coalesce(c.cluster_id, n.id) AS actor, n.name, n.type "
            "FROM entities n LEFT JOIN entity_clusters c ON c.entity_id = n.id "
            f"WHERE n.type IN ({marks(types)}) AND (lower(n.name) LIKE ? {escape} "
            "OR n.id IN (SELECT entity_id FROM mentions "
            f"WHERE lower(name) LIKE ? {escape} OR lower(text) LIKE ? {escape})) "
            "ORDER BY n.name, n.id LIMIT ?",
            [*types, pattern, pattern, pattern, limit],
        )

    def mention_counts(self, entity_ids: Iterable[str]) -> dict[str, int]:
        """Entity id -> how many times the texts mention it (entities never mentioned are left
        out)."""
        out: dict[str, int] = {}
        for chunk in chunks(entity_ids):
            for entity_id, n in self._tuples(
                "SELECT entity_id, count(*) FROM mentions "
                f"WHERE entity_id IN ({marks(chunk)}) GROUP BY entity_id",
                chunk,
            ):
                out[entity_id] = int(n)
        return out

    def document_page(self, limit: int, offset: int) -> list[DocumentHeader]:
        """Documents without their text, newest publication first (undated last), then id."""
        return self._rows(
            DocumentHeader,
            "SELECT id, path, title, author, published, url FROM documents "
            "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
            (limit, offset),
        )

    def designated_at_events(self, event_ids: Iterable[str]) -> list[EventDesignatedRow]:
        """Who was designated at the given events, and as of which date, by event and entity."""
        return self._in_chunks(
            EventDesignatedRow,
            "SELECT * FROM event_designated WHERE event_id IN ({marks})",
            event_ids,
            "event_id, entity_id",
            lambda r: (r.event_id, r.entity_id),
        )

    def quotes_of_events(self, event_ids: Iterable[str]) -> list[QuoteRow]:
        """The quotes the given events carry, by event and offset."""
        return self._in_chunks(
            QuoteRow,
            "SELECT * FROM event_quotes WHERE event_id IN ({marks})",
            event_ids,
            "event_id, start, text",
            lambda q: (q.event_id, q.start, q.text),
        )

    def table_sizes(self) -> dict[str, int]:
        """Rows in the tables a reader cares about: documents, entities, events and the
        statements (mentions, relations, participations)."""
        tables = ("documents", "entities", "events", "mentions", "relations", "event_participants")
        return {t: int(self._scalar(f"SELECT count(*) FROM {t}")) for t in tables}

    def occasions_of_events(self, event_ids: Iterable[str]) -> dict[str, str]:
        """Event id -> its occasion (event cluster); an event never clustered is its own."""
        wanted = sorted(set(event_ids))
        out = {e: e for e in wanted}
        for chunk in chunks(wanted):
            for event_id, cluster_id in self._tuples(
                "SELECT event_id, cluster_id FROM event_clusters "
                f"WHERE event_id IN ({marks(chunk)})",
                chunk,
            ):
                out[event_id] = cluster_id
        return out

    def version(self) -> tuple[str, str, int]:
        """What the derived answers of this store depend on, cheaply read: the document writes
        counted, the count the last resolution read at, and the judgements made. Any write,
        resolution, merge or split changes it."""
        writes = self._scalar("SELECT value FROM meta WHERE key = ?", (WRITES_KEY,))
        resolved = self._scalar("SELECT value FROM meta WHERE key = ?", (RESOLVED_KEY,))
        judgements = self._scalar("SELECT count(*) FROM judgements")
        return (str(writes or "0"), str(resolved or ""), int(judgements or 0))
