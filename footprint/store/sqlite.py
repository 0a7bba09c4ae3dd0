"""The embedded SQLite store.

One row per fact with its evidence; ids are deterministic (content hashes of what they say), and
each document is written in one transaction that first removes what an earlier run stored for
it. So re-analysing a document leaves the database as it was, and a crash mid-document leaves
nothing half-written.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from footprint.errors import FootprintError
from footprint.model import DocumentResult, Event, Rejected, stable_id

if TYPE_CHECKING:
    from footprint.designations.screening import Screening

SCHEMA_VERSION = "4"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT, author TEXT, published TEXT, url TEXT,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rejections (source TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
    id TEXT PRIMARY KEY, entity_id TEXT NOT NULL REFERENCES entities(id),
    document_id TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, name TEXT NOT NULL,
    titles TEXT NOT NULL, sentence TEXT NOT NULL, attribution TEXT, extractor TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS relations (
    id TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id),
    subject_id TEXT NOT NULL REFERENCES entities(id), predicate TEXT NOT NULL,
    object_id TEXT REFERENCES entities(id), role TEXT NOT NULL, qualifiers TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, sentence TEXT NOT NULL,
    attribution TEXT, extractor TEXT NOT NULL,
    PRIMARY KEY (id, document_id, start, end)
);
CREATE TABLE IF NOT EXISTS exclusions (
    document_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL,
    end INTEGER NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (document_id, start, end)
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), type TEXT NOT NULL,
    label TEXT NOT NULL, background INTEGER NOT NULL,
    date_start TEXT, date_end TEXT, date_precision TEXT, date_text TEXT,
    place TEXT,  -- JSON: name, country, admin1, lat, lon, gazetteer_id, precision
    casualties TEXT,  -- JSON: killed, injured, evidence
    responsibility TEXT  -- JSON: status (claimed, unclaimed, attributed, suspected), evidence
);
CREATE TABLE IF NOT EXISTS event_participants (
    event_id TEXT NOT NULL REFERENCES events(id), document_id TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id), role TEXT NOT NULL, mode TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, sentence TEXT NOT NULL, attribution TEXT,
    basis TEXT,  -- for perpetrators: stated, claimed, attributed, suspected
    PRIMARY KEY (event_id, entity_id)
);
CREATE TABLE IF NOT EXISTS event_quotes (
    event_id TEXT NOT NULL REFERENCES events(id), document_id TEXT NOT NULL,
    speaker_id TEXT REFERENCES entities(id), speaker_text TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, sentence TEXT NOT NULL, attribution TEXT,
    PRIMARY KEY (event_id, start, text)
);
CREATE TABLE IF NOT EXISTS event_evidence (
    event_id TEXT NOT NULL REFERENCES events(id), document_id TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, sentence TEXT NOT NULL,
    attribution TEXT, extractor TEXT NOT NULL, PRIMARY KEY (event_id, start, end)
);
CREATE TABLE IF NOT EXISTS designations (
    document_id TEXT NOT NULL REFERENCES documents(id), entity_id TEXT NOT NULL,
    kind TEXT NOT NULL, listing_id TEXT NOT NULL, list TEXT NOT NULL, program TEXT NOT NULL,
    listed_name TEXT NOT NULL, listed_on TEXT, score REAL NOT NULL, explanation TEXT NOT NULL,
    source TEXT NOT NULL, via TEXT, evidence TEXT,  -- evidence: JSON EV for text-based kinds
    PRIMARY KEY (document_id, entity_id, kind, listing_id)
);
CREATE TABLE IF NOT EXISTS event_designated (
    event_id TEXT NOT NULL REFERENCES events(id), document_id TEXT NOT NULL,
    entity_id TEXT NOT NULL, kind TEXT NOT NULL, as_of TEXT, listing_id TEXT NOT NULL,
    PRIMARY KEY (event_id, entity_id)
);
CREATE TABLE IF NOT EXISTS co_appearances (
    event_id TEXT NOT NULL REFERENCES events(id), document_id TEXT NOT NULL,
    actor_id TEXT NOT NULL, with_id TEXT NOT NULL, kind TEXT NOT NULL,
    PRIMARY KEY (event_id, actor_id, with_id)
);
-- Corpus ingest: what was read (content hash, near-duplicate signature) and which stored
-- document a near-copy repeats. Written with the document, in its transaction.
CREATE TABLE IF NOT EXISTS content_hashes (
    hash TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id)
);
CREATE TABLE IF NOT EXISTS signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents(id), signature BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS near_duplicates (
    document_id TEXT PRIMARY KEY REFERENCES documents(id), duplicate_of TEXT NOT NULL,
    similarity REAL NOT NULL
);
-- A user's decisions about entities (merge / split); never derived, never dropped by a re-ingest.
CREATE TABLE IF NOT EXISTS judgements (
    a TEXT NOT NULL, b TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('same', 'different')), note TEXT,
    PRIMARY KEY (a, b)
);
-- Derived by resolve/corpus.py after each ingest: rebuilt whole, in one transaction.
CREATE TABLE IF NOT EXISTS entity_clusters (
    entity_id TEXT PRIMARY KEY, cluster_id TEXT NOT NULL, reason TEXT
);
CREATE TABLE IF NOT EXISTS event_clusters (
    event_id TEXT PRIMARY KEY, cluster_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_cluster_info (
    cluster_id TEXT PRIMARY KEY, documents TEXT NOT NULL, independent_sources INTEGER NOT NULL,
    conflicts TEXT NOT NULL
);
-- Source reliability (Admiralty A-F) a user assigned to an outlet, author or file.
CREATE TABLE IF NOT EXISTS source_ratings (
    source TEXT PRIMARY KEY,
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))
);
CREATE INDEX IF NOT EXISTS hashes_document ON content_hashes(document_id);
CREATE INDEX IF NOT EXISTS entity_clusters_cluster ON entity_clusters(cluster_id);
CREATE INDEX IF NOT EXISTS event_clusters_cluster ON event_clusters(cluster_id);
CREATE INDEX IF NOT EXISTS participants_event ON event_participants(event_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS designations_entity ON designations(entity_id);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);
CREATE INDEX IF NOT EXISTS participants_entity ON event_participants(entity_id);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);
CREATE INDEX IF NOT EXISTS relations_subject ON relations(subject_id);
CREATE INDEX IF NOT EXISTS relations_object ON relations(object_id);
CREATE INDEX IF NOT EXISTS relations_document ON relations(document_id);
"""

TABLES = (
    "documents",
    "rejections",
    "entities",
    "mentions",
    "relations",
    "exclusions",
    "events",
    "event_participants",
    "event_quotes",
    "event_evidence",
    "designations",
    "event_designated",
    "co_appearances",
    "content_hashes",
    "signatures",
    "near_duplicates",
    "judgements",
    "entity_clusters",
    "event_clusters",
    "event_cluster_info",
    "source_ratings",
)


def content_hash(text: str) -> str:
    """The key that makes re-ingesting a text a no-op, whatever file or id it came under."""
    return stable_id("txt", text)


class SQLiteStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.executescript(SCHEMA)
            self._check_version()
        except (OSError, sqlite3.DatabaseError) as exc:
            raise FootprintError(f"{self.path}: cannot open database ({exc})") from None

    def _check_version(self) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None:
            self.conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif row["value"] != SCHEMA_VERSION:
            raise FootprintError(
                f"{self.path}: database schema {row['value']} is not {SCHEMA_VERSION}; "
                "analyze into a new database file"
            )

    def close(self) -> None:
        self.conn.close()

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any error)."""
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def write(
        self,
        result: DocumentResult,
        signature: bytes | None = None,
        near_duplicate_of: tuple[str, float] | None = None,
    ) -> None:
        """Replace everything stored for the document with this result, atomically. The corpus
        ingest also passes the text's near-duplicate signature and, when the text is a near-copy
        of a stored document, that document's id and the similarity."""
        doc = result.document
        with self._transaction() as c:
            self._forget(c, doc.id)
            c.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.path, doc.title, doc.author, doc.published, doc.url, doc.text),
            )
            c.execute(
                "INSERT OR REPLACE INTO content_hashes VALUES (?, ?)",
                (content_hash(doc.text), doc.id),
            )
            if signature is not None:
                c.execute("INSERT INTO signatures VALUES (?, ?)", (doc.id, signature))
            if near_duplicate_of is not None and near_duplicate_of[0] != doc.id:
                c.execute(
                    "INSERT INTO near_duplicates VALUES (?, ?, ?)",
                    (doc.id, near_duplicate_of[0], float(near_duplicate_of[1])),
                )
            c.execute("DELETE FROM rejections WHERE source = ?", (doc.path,))
            for entity in result.entities:
                c.execute(
                    "INSERT OR IGNORE INTO entities VALUES (?, ?, ?)",
                    (entity.id, entity.type, entity.name),
                )
                for m in entity.mentions:
                    ev = m.evidence
                    c.execute(
                        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            stable_id("men", doc.id, ev.start, ev.end),
                            entity.id,
                            doc.id,
                            ev.start,
                            ev.end,
                            ev.text,
                            m.name,
                            json.dumps(list(m.titles)),
                            ev.sentence,
                            ev.attribution,
                            ev.extractor,
                        ),
                    )
            for r in result.relations:
                ev = r.evidence
                c.execute(
                    "INSERT OR IGNORE INTO relations VALUES (" + ",".join("?" * 13) + ")",
                    (
                        r.id,
                        doc.id,
                        r.subject,
                        r.predicate,
                        r.object,
                        r.role,
                        json.dumps(dict(r.qualifiers), sort_keys=True),
                        ev.start,
                        ev.end,
                        ev.text,
                        ev.sentence,
                        ev.attribution,
                        ev.extractor,
                    ),
                )
            c.executemany(
                "INSERT OR IGNORE INTO exclusions VALUES (?, ?, ?, ?)",
                [(doc.id, s, e, why) for s, e, why in result.excluded],
            )
            for event in result.events:
                self._write_event(c, doc.id, event)
            if result.screening is not None:
                self._write_screening(c, doc.id, result.screening)
            self._drop_orphans(c)

    @staticmethod
    def _write_screening(c: sqlite3.Connection, document_id: str, screening: Screening) -> None:
        for entity_id, found in screening.designations.items():
            for d in found:
                c.execute(
                    "INSERT OR REPLACE INTO designations VALUES (" + ",".join("?" * 13) + ")",
                    (
                        document_id,
                        entity_id,
                        d.kind,
                        d.listing_id,
                        d.list,
                        d.program,
                        d.listed_name,
                        d.listed_on.isoformat() if d.listed_on else None,
                        d.score,
                        d.explanation,
                        d.source,
                        d.via,
                        json.dumps(d.evidence.to_json()) if d.evidence else None,
                    ),
                )
        for p in screening.designated_participants:
            c.execute(
                "INSERT OR REPLACE INTO event_designated VALUES (?, ?, ?, ?, ?, ?)",
                (
                    p.event,
                    document_id,
                    p.entity,
                    p.kind,
                    p.as_of.isoformat() if p.as_of else None,
                    p.listing_id,
                ),
            )
        for a in screening.co_appearances:
            c.execute(
                "INSERT OR IGNORE INTO co_appearances VALUES (?, ?, ?, ?, ?)",
                (a.event, document_id, a.actor, a.with_, a.kind),
            )

    @staticmethod
    def _write_event(c: sqlite3.Connection, document_id: str, event: Event) -> None:
        date = event.date.to_json() if event.date is not None else {}
        place = (
            json.dumps(event.place.to_json(), sort_keys=True) if event.place is not None else None
        )
        casualties = (
            json.dumps(event.casualties.to_json(), sort_keys=True)
            if event.casualties is not None
            else None
        )
        responsibility = None
        if event.responsibility is not None:
            status, said = event.responsibility
            responsibility = json.dumps(
                {"status": status, "evidence": said.to_json()}, sort_keys=True
            )
        c.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.id,
                document_id,
                event.type,
                event.label,
                int(event.background),
                date.get("start"),
                date.get("end"),
                date.get("precision"),
                date.get("text"),
                place,
                casualties,
                responsibility,
            ),
        )
        for p in event.participants:
            ev = p.evidence
            c.execute(
                "INSERT OR REPLACE INTO event_participants VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id,
                    document_id,
                    p.entity,
                    p.role,
                    p.mode,
                    ev.start,
                    ev.end,
                    ev.sentence,
                    ev.attribution,
                    p.basis,
                ),
            )
        for q in event.quotes:
            ev = q.evidence
            c.execute(
                "INSERT OR IGNORE INTO event_quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id,
                    document_id,
                    q.speaker,
                    q.speaker_text,
                    q.text,
                    ev.start,
                    ev.end,
                    ev.sentence,
                    ev.attribution,
                ),
            )
        for ev in event.evidence:
            c.execute(
                "INSERT OR IGNORE INTO event_evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id,
                    document_id,
                    ev.start,
                    ev.end,
                    ev.text,
                    ev.sentence,
                    ev.attribution,
                    ev.extractor,
                ),
            )

    def record_rejection(self, rejected: Rejected) -> None:
        with self._transaction() as c:
            c.execute(
                "INSERT OR REPLACE INTO rejections VALUES (?, ?)",
                (rejected.source, rejected.reason),
            )

    @staticmethod
    def _forget(c: sqlite3.Connection, document_id: str) -> None:
        for table in (
            "designations",
            "event_designated",
            "co_appearances",
            "mentions",
            "relations",
            "exclusions",
            "event_participants",
            "event_quotes",
            "event_evidence",
            "events",
            "near_duplicates",
            "signatures",
            "content_hashes",
        ):
            c.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        c.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    @staticmethod
    def _drop_orphans(c: sqlite3.Connection) -> None:
        c.execute(
            "DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions) "
            "AND id NOT IN (SELECT subject_id FROM relations) "
            "AND id NOT IN (SELECT object_id FROM relations WHERE object_id IS NOT NULL) "
            "AND id NOT IN (SELECT entity_id FROM event_participants) "
            "AND id NOT IN (SELECT speaker_id FROM event_quotes WHERE speaker_id IS NOT NULL)"
        )

    def add_judgement(self, a: str, b: str, verdict: str, note: str | None = None) -> None:
        """Record a user's decision that two entities are the same actor or different ones."""
        if verdict not in ("same", "different"):
            raise ValueError(f"verdict must be 'same' or 'different', not {verdict!r}")
        a, b = sorted((a, b))
        with self._transaction() as c:
            c.execute(
                "INSERT OR REPLACE INTO judgements VALUES (?, ?, ?, ?)", (a, b, verdict, note)
            )

    def judgements(self) -> list[tuple[str, str, str]]:
        return [
            (r["a"], r["b"], r["verdict"])
            for r in self.conn.execute("SELECT * FROM judgements ORDER BY a, b")
        ]

    def rate_source(self, source: str, reliability: str) -> None:
        grade = reliability.strip().upper()
        if grade not in ("A", "B", "C", "D", "E", "F"):
            raise FootprintError(f"reliability must be one of A-F, not {reliability!r}")
        with self._transaction() as c:
            c.execute("INSERT OR REPLACE INTO source_ratings VALUES (?, ?)", (source, grade))

    def source_ratings(self) -> dict[str, str]:
        return {
            r["source"]: r["reliability"] for r in self.conn.execute("SELECT * FROM source_ratings")
        }

    # -- reading ---------------------------------------------------------------------------

    def document_for_hash(self, text_hash: str) -> str | None:
        """The stored document whose text has this content hash, if any."""
        row = self.conn.execute(
            "SELECT document_id FROM content_hashes WHERE hash = ?", (text_hash,)
        ).fetchone()
        return row[0] if row is not None else None

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self.conn.execute("SELECT document_id, signature FROM signatures"):
            yield row[0], row[1]

    def near_duplicates(self) -> list[sqlite3.Row]:
        return list(self.conn.execute("SELECT * FROM near_duplicates ORDER BY document_id"))

    def documents(self, ids: Iterable[str] | None = None) -> list[sqlite3.Row]:
        return self._select("documents", "id", ids, order="path")

    def mentions(self, document_ids: Iterable[str] | None = None) -> list[sqlite3.Row]:
        return self._select("mentions", "document_id", document_ids, order="document_id, start")

    def relations(self, document_ids: Iterable[str] | None = None) -> list[sqlite3.Row]:
        return self._select("relations", "document_id", document_ids, order="document_id, start")

    def events(self, document_ids: Iterable[str] | None = None) -> list[sqlite3.Row]:
        return self._select("events", "document_id", document_ids, order="date_start, id")

    def event_rows(
        self, table: str, document_ids: Iterable[str] | None = None
    ) -> list[sqlite3.Row]:
        """Rows of a per-document table (event details, designations) for the documents."""
        orders = {
            "event_participants": "event_id, start",
            "event_quotes": "event_id, start",
            "event_evidence": "event_id, start",
            "event_designated": "event_id, entity_id",
            "co_appearances": "event_id, actor_id, with_id",
            "designations": "entity_id, kind, score DESC",
        }
        if table not in orders:
            raise ValueError(f"not a per-document table: {table}")
        return self._select(table, "document_id", document_ids, order=orders[table])

    def entities(self, ids: Iterable[str]) -> list[sqlite3.Row]:
        return self._select("entities", "id", ids, order="id")

    def rejections(self) -> list[sqlite3.Row]:
        return list(self.conn.execute("SELECT * FROM rejections ORDER BY source"))

    def _select(
        self, table: str, column: str, values: Iterable[str] | None, order: str
    ) -> list[sqlite3.Row]:
        if values is None:
            return list(self.conn.execute(f"SELECT * FROM {table} ORDER BY {order}"))
        wanted = sorted(set(values))
        rows: list[sqlite3.Row] = []
        # Stay under SQLite's limit on bound parameters.
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows += self.conn.execute(
                f"SELECT * FROM {table} WHERE {column} IN ({marks}) ORDER BY {order}", chunk
            )
        return rows

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """Every table's rows, sorted: for comparing two states of a database."""
        return {
            table: sorted(tuple(row) for row in self.conn.execute(f"SELECT * FROM {table}"))
            for table in TABLES
        }
