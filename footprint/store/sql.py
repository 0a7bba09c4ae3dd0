"""What every SQL backend shares: the schema, its migrations, the writer and the core reads.

Queries here are written once, in SQL both SQLite and PostgreSQL accept: `?` placeholders (a
backend rewrites them to its driver's style in `_sql`), `ON CONFLICT` for upserts, the column
`end` always quoted (a reserved word in PostgreSQL), and nothing from either's extensions
(JSON columns are decoded in Python). A backend supplies the connection, the transaction and
its column types; reads hand out the typed records of `records.py`.

Ids are deterministic (content hashes of what they say), and each document is written in one
transaction that first removes what an earlier run stored for it. So re-analysing a document
leaves the store as it was, and a crash mid-document leaves nothing half-written.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, TypeVar

from footprint.errors import FootprintError
from footprint.ingest.dedup import stored_band_keys
from footprint.model import DocumentResult, Event, Rejected, stable_id
from footprint.store.records import (
    RECORD_OF,
    TABLE_RECORDS,
    CoAppearanceRow,
    ContentHashRow,
    DesignationRow,
    DocumentRow,
    EntityAliasRow,
    EntityRow,
    EntityTieRow,
    EventDesignatedRow,
    EventEvidenceRow,
    EventRow,
    ExclusionRow,
    JudgementRow,
    MentionRow,
    NearDuplicateRow,
    ParticipantRow,
    QuoteRow,
    Record,
    RejectionRow,
    RelationRow,
    SignatureBandRow,
    SignatureRow,
    SourceRatingRow,
    UnresolvedRow,
    columns,
    field_names,
)

if TYPE_CHECKING:
    from footprint.designations.screening import Screening

R = TypeVar("R", bound=Record)

# The schema's version; `MIGRATIONS` takes a store from each older version to the next.
SCHEMA_VERSION = 8
OLDEST_MIGRATABLE = 4

# {blob}, {real} and {bigint} are the backend's types for bytes, floating-point numbers and
# 64-bit integers.
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
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, name TEXT NOT NULL,
    titles TEXT NOT NULL, sentence TEXT NOT NULL, attribution TEXT, extractor TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS relations (
    id TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id),
    subject_id TEXT NOT NULL REFERENCES entities(id), predicate TEXT NOT NULL,
    object_id TEXT REFERENCES entities(id), role TEXT NOT NULL, qualifiers TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, sentence TEXT NOT NULL,
    attribution TEXT, extractor TEXT NOT NULL,
    PRIMARY KEY (id, document_id, start, "end")
);
CREATE TABLE IF NOT EXISTS exclusions (
    document_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (document_id, start, "end")
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), type TEXT NOT NULL,
    label TEXT NOT NULL, background INTEGER NOT NULL,
    date_start TEXT, date_end TEXT, date_precision TEXT, date_text TEXT,
    place TEXT,  -- JSON: name, country, admin1, lat, lon, gazetteer_id, precision
    casualties TEXT,  -- JSON: killed, injured, evidence
    responsibility TEXT,  -- JSON: status (claimed, unclaimed, attributed, suspected), evidence
    parties TEXT  -- JSON: the unnamed parties ("gunmen"): text, role, evidence (schema 7)
);
CREATE TABLE IF NOT EXISTS event_participants (
    event_id TEXT NOT NULL REFERENCES events(id), document_id TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id), role TEXT NOT NULL, mode TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, attribution TEXT,
    basis TEXT,  -- for perpetrators: stated, claimed, attributed, suspected
    PRIMARY KEY (event_id, entity_id)
);
CREATE TABLE IF NOT EXISTS event_quotes (
    event_id TEXT NOT NULL REFERENCES events(id), document_id TEXT NOT NULL,
    speaker_id TEXT REFERENCES entities(id), speaker_text TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL, attribution TEXT,
    PRIMARY KEY (event_id, start, text)
);
CREATE TABLE IF NOT EXISTS event_evidence (
    event_id TEXT NOT NULL REFERENCES events(id), document_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, sentence TEXT NOT NULL,
    attribution TEXT, extractor TEXT NOT NULL, PRIMARY KEY (event_id, start, "end")
);
CREATE TABLE IF NOT EXISTS designations (
    document_id TEXT NOT NULL REFERENCES documents(id), entity_id TEXT NOT NULL,
    kind TEXT NOT NULL, listing_id TEXT NOT NULL, list TEXT NOT NULL, program TEXT NOT NULL,
    listed_name TEXT NOT NULL, listed_on TEXT, score {real} NOT NULL, explanation TEXT NOT NULL,
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
    document_id TEXT PRIMARY KEY REFERENCES documents(id), signature {blob} NOT NULL
);
CREATE TABLE IF NOT EXISTS near_duplicates (
    document_id TEXT PRIMARY KEY REFERENCES documents(id), duplicate_of TEXT NOT NULL,
    similarity {real} NOT NULL
);
-- The LSH bands of each signature (ingest/dedup.py), so that a document's candidate
-- near-copies are an index lookup away (schema 8).
CREATE TABLE IF NOT EXISTS signature_bands (
    band {blob} NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id),
    PRIMARY KEY (band, document_id)
);
-- Documents written since corpus resolution last ran (schema 8): the next resolution starts
-- from them and deletes the rows no later write remade. replaced = 1 when the write replaced a
-- stored version, and write_count is the document write that made the row.
CREATE TABLE IF NOT EXISTS unresolved (
    document_id TEXT PRIMARY KEY, replaced INTEGER NOT NULL, write_count {bigint} NOT NULL
);
-- A user's decisions about entities (merge, split): never derived, never dropped by a re-ingest.
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
-- The distinct names each entity was written as (schema 8): added with each document's
-- mentions, rebuilt from them by a whole resolution.
CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (entity_id, name)
);
-- Entities tied by a relation or seen at one event, each way round (schema 8): added with each
-- document, rebuilt by a whole resolution.
CREATE TABLE IF NOT EXISTS entity_ties (
    entity_id TEXT NOT NULL, tied_id TEXT NOT NULL, PRIMARY KEY (entity_id, tied_id)
);
-- The document write (the `writes` count) that last named each entity (schema 8): what a
-- reader caching something about an entity checks, to know it is still what the store says.
-- A stamp, not data: left out of `dump()`.
CREATE TABLE IF NOT EXISTS entity_writes (
    entity_id TEXT PRIMARY KEY, write_count {bigint} NOT NULL
);
-- The blocking keys of every resolved entity's name forms (schema 8), kept by resolution.
CREATE TABLE IF NOT EXISTS entity_keys (
    block TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (block, entity_id)
);
-- Source reliability (Admiralty A-F) a user assigned to an outlet, author or file.
CREATE TABLE IF NOT EXISTS source_ratings (
    source TEXT PRIMARY KEY,
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))
);
-- Full-text search (search.py): each document's evidence sentences, title and text in pieces,
-- with their offsets in the text, written with the document. Migration 6 adds each backend's
-- index over `text`. `id` is a hash of where the passage is ({bigint}: SQLite's rowid).
-- (No semicolons in these comments: the schema is split into statements at them.)
CREATE TABLE IF NOT EXISTS search_passages (
    id {bigint} PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
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

# Numbered migrations: MIGRATIONS[n] takes a store at version n - 1 to version n. Each runs in
# the same transaction as the version bump, so a store is at one version or the next, never
# between. (A numbered list, not Alembic: the schema is one module's, with no ORM models for
# Alembic to compare against, and both backends read these same statements.)
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 5: timelines and country views read events by date and by name.
    5: (
        "CREATE INDEX IF NOT EXISTS events_date ON events(date_start)",
        "CREATE INDEX IF NOT EXISTS entities_name ON entities(name)",
    ),
    # 6: full-text search. The passages table is in SCHEMA; the backend's own index and the
    # passages of the documents already stored come from MIGRATION_STEPS[6].
    6: (
        "CREATE INDEX IF NOT EXISTS search_passages_document "
        "ON search_passages(document_id, start)",
    ),
    # 7: events keep their unnamed parties ("gunmen", "two students"); older rows have none.
    # The column is added by MIGRATION_STEPS[7], which looks first (no backend adds a column
    # "if not exists" in the same words).
    7: (),
    # 8: incremental resolution. Its tables are in SCHEMA; the bands of the signatures already
    # stored come from MIGRATION_STEPS[8], and a migrated store's next resolution is a whole one
    # (its entity keys are not there yet).
    8: (
        "CREATE INDEX IF NOT EXISTS signature_bands_document ON signature_bands(document_id)",
        "CREATE INDEX IF NOT EXISTS entity_keys_entity ON entity_keys(entity_id)",
        "CREATE INDEX IF NOT EXISTS events_date_end ON events(date_end)",
        # the documents naming an actor, read from the index alone (the occasions they report)
        "CREATE INDEX IF NOT EXISTS mentions_entity_document ON mentions(entity_id, document_id)",
        # the actors a new document's events name (without reading every participant)
        "CREATE INDEX IF NOT EXISTS participants_document ON event_participants(document_id)",
    ),
}

# Work a migration does after its statements, in the same transaction: a method of the store,
# for what one statement cannot say (an index each backend builds its own way, rows derived
# from those already stored). Each is safe to run again.
MIGRATION_STEPS: dict[int, str] = {
    6: "build_search_index",
    7: "add_event_parties",
    8: "migrate_to_8",
}

# Tables a document's write replaces, children first.
PER_DOCUMENT_TABLES = (
    "search_passages",
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
    "signature_bands",
    "signatures",
    "content_hashes",
)

# How each table is ordered when read: a total order (ties broken down to the primary key), so
# every backend hands out rows in the same order.
ORDERS = {
    "documents": "path, id",
    "mentions": 'document_id, start, "end"',
    "relations": 'document_id, start, "end", id',
    "events": "date_start NULLS FIRST, id",
    "event_participants": "event_id, start, entity_id",
    "event_quotes": "event_id, start, text",
    "event_evidence": 'event_id, start, "end"',
    "event_designated": "event_id, entity_id",
    "co_appearances": "event_id, actor_id, with_id",
    "designations": "entity_id, kind, score DESC, listing_id, document_id",
    "entities": "id",
}

# Meta rows: how many document writes the store has seen, and at which count the clusters were
# last resolved; when they differ the clusters are older than the documents.
WRITES_KEY = "writes"
RESOLVED_KEY = "resolved_at_writes"
# Counts the times something the incremental resolution cannot follow happened (a user's
# judgement, a migration); a whole resolution records the count it read, and the next
# resolution is a whole one while the two differ.
WHOLE_ASKED_KEY = "whole_resolution_asked"
WHOLE_DONE_KEY = "whole_resolution_answered"
STORE_ID_KEY = "store_id"
# The counts the last resolution left (entities, actors, events, merged events, conflicts).
COUNTS_KEY = "resolution_counts"

CHUNK = 500  # values bound per IN (...) list: under SQLite's parameter limit

# `entity_ties` from the stored relations and participants (migration 8, whole resolution);
# `_ties` gives the same for one document as it is written. (WHERE keeps SQLite from reading
# a following ON CONFLICT as a join's ON.)
TIES_FROM_ROWS = (
    "INSERT INTO entity_ties (entity_id, tied_id) SELECT DISTINCT subject_id, object_id "
    "FROM relations WHERE object_id IS NOT NULL AND object_id <> subject_id "
    "ON CONFLICT DO NOTHING",
    "INSERT INTO entity_ties (entity_id, tied_id) SELECT DISTINCT object_id, subject_id "
    "FROM relations WHERE object_id IS NOT NULL AND object_id <> subject_id "
    "ON CONFLICT DO NOTHING",
    "INSERT INTO entity_ties (entity_id, tied_id) SELECT DISTINCT p1.entity_id, p2.entity_id "
    "FROM event_participants p1 JOIN event_participants p2 ON p2.event_id = p1.event_id "
    "WHERE p2.entity_id <> p1.entity_id ON CONFLICT DO NOTHING",
)


def _ties(result: DocumentResult) -> set[tuple[str, str]]:
    """The document's entity ties, each way round (see TIES_FROM_ROWS)."""
    out: set[tuple[str, str]] = set()
    for r in result.relations:
        if r.object and r.object != r.subject:
            out |= {(r.subject, r.object), (r.object, r.subject)}
    for e in result.events:
        ids = {p.entity for p in e.participants}
        out |= {(a, b) for a in ids for b in ids if a != b}
    return out


def content_hash(text: str) -> str:
    """The key that makes re-ingesting a text a no-op, whatever file or id it came under."""
    return stable_id("txt", text)


def quoted(column: str) -> str:
    return f'"{column}"' if column == "end" else column


def insert_sql(record: type[Record], on_conflict: str | None = None) -> str:
    """An INSERT for the record's table. on_conflict: None (fail), 'ignore' (keep the stored
    row) or 'replace' (overwrite the stored row's other columns)."""
    cols = columns(record)
    sql = (
        f"INSERT INTO {record.table} ({', '.join(quoted(c) for c in cols)}) "
        f"VALUES ({', '.join('?' * len(cols))})"
    )
    if on_conflict == "ignore":
        sql += " ON CONFLICT DO NOTHING"
    elif on_conflict == "replace":
        rest = [c for c in cols if c not in record.key]
        sql += f" ON CONFLICT ({', '.join(quoted(c) for c in record.key)}) DO " + (
            "UPDATE SET " + ", ".join(f"{quoted(c)} = excluded.{quoted(c)}" for c in rest)
            if rest
            else "NOTHING"
        )
    return sql


def marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def chunks(values: Iterable[str]) -> Iterator[list[str]]:
    wanted = sorted(set(values))
    for i in range(0, len(wanted), CHUNK):
        yield wanted[i : i + CHUNK]


class SQLBase:
    """The shared core of every SQL backend. Subclasses set `name` (for messages), open
    `conn`, and implement `_sql`, `_transaction`, `_schema_types` and `_executemany`."""

    name: str = "store"
    conn: Any

    # -- what a backend provides ------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        """The statement in the driver's placeholder style."""
        return sql

    def _schema_types(self) -> dict[str, str]:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[Any]:
        """One write transaction, committed at the end and rolled back on any error. Writers
        are serialised: a second waits for the first."""
        raise NotImplementedError

    def bulk_writes(self) -> AbstractContextManager[Any]:
        """A stretch of writes that a re-run restores (an ingest: its documents are skipped by
        content hash once stored), where a store may commit without waiting for the disk.
        Nothing changes by default."""
        return nullcontext()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- statements ---------------------------------------------------------------------------

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _rows(self, record: type[R], sql: str, params: Sequence[Any] = ()) -> list[R]:
        """The rows of a query as records; the query names the record's columns."""
        cur = self._execute(sql, params)
        names = tuple(d[0] for d in cur.description)
        if names == field_names(record):  # the usual case: by position, twice as fast
            return [record(*row) for row in cur.fetchall()]
        return [record(**dict(zip(names, row, strict=True))) for row in cur.fetchall()]

    def _tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self._execute(sql, params).fetchall()]

    def _tuples_in(
        self, sql: str, values: Iterable[str], params: Sequence[Any] = (), repeat: int = 1
    ) -> list[tuple[Any, ...]]:
        """The rows of `sql` for every value, in chunks under the drivers' parameter limits:
        `{marks}` stands for one chunk's placeholders (`repeat` times, each bound again), bound
        after `params`. Rows come chunk by chunk, unsorted."""
        rows: list[tuple[Any, ...]] = []
        for chunk in chunks(values):
            rows += self._tuples(sql.format(marks=marks(chunk)), (*params, *chunk * repeat))
        return rows

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._execute(sql, params).fetchone()
        return row[0] if row is not None else None

    def _select(
        self, record: type[R], column: str | None = None, values: Iterable[str] | None = None
    ) -> list[R]:
        """Rows of the record's table, all or those whose `column` is in `values`."""
        order = ORDERS.get(record.table, ", ".join(quoted(c) for c in record.key))
        if values is None or column is None:
            return self._rows(record, f"SELECT * FROM {record.table} ORDER BY {order}")
        terms = [(c.split()[0].strip('"'), " DESC" in c) for c in order.split(", ")]
        return self._in_chunks(
            record,
            f"SELECT * FROM {record.table} WHERE {column} IN ({{marks}})",
            values,
            order,
            lambda r: tuple(_sortable(r[name], desc) for name, desc in terms),
        )

    def _in_chunks(
        self,
        record: type[R],
        sql: str,
        values: Iterable[str],
        order: str,
        key: Callable[[R], Any],
        params: Sequence[Any] = (),
    ) -> list[R]:
        """Rows of `sql` (whose `{marks}` stands for the values' placeholders, bound after
        `params`) for every value, sorted by `order` in SQL and by `key`, the same order, across
        chunks."""
        parts = list(chunks(values))
        rows: list[R] = []
        for chunk in parts:
            rows += self._rows(
                record, f"{sql.format(marks=marks(chunk))} ORDER BY {order}", (*params, *chunk)
            )
        if len(parts) > 1:  # each chunk came sorted; their concatenation is not
            rows.sort(key=key)
        return rows

    # -- schema -------------------------------------------------------------------------------

    def _create_schema(self) -> None:
        """Create the tables (a new store starts at the current version) or migrate an older
        store, in one transaction."""
        with self.transaction():
            for statement in SCHEMA.format(**self._schema_types()).split(";"):
                if statement.strip():
                    self._execute(statement)
            found = self._scalar("SELECT value FROM meta WHERE key = 'schema'")
            if found is None:
                for version in sorted(MIGRATIONS):
                    self._migrate(version)  # migration 8 names the new store
                self._execute(
                    "INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                )
                return
            version = int(found)
            if version > SCHEMA_VERSION or version < OLDEST_MIGRATABLE:
                raise FootprintError(
                    f"{self.name}: database schema {version} cannot be read by this version "
                    f"(schema {SCHEMA_VERSION}); analyze into a new database"
                )
            for step in range(version + 1, SCHEMA_VERSION + 1):
                self._migrate(step)
            if version != SCHEMA_VERSION:
                self._execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),)
                )

    def _migrate(self, version: int) -> None:
        """Take the store to `version` (inside the caller's transaction)."""
        for statement in MIGRATIONS[version]:
            self._execute(statement)
        if version in MIGRATION_STEPS:
            getattr(self, MIGRATION_STEPS[version])()

    def add_event_parties(self) -> None:
        """Migration 7: the events table's `parties` column, unless it is there already."""
        if "parties" not in self._table_columns("events"):
            self._execute("ALTER TABLE events ADD COLUMN parties TEXT")

    def migrate_to_8(self) -> None:
        """Migration 8 (incremental resolution): the LSH bands of the signatures already
        stored, the names entities were written as and the ties between them; and the next
        resolution is a whole one, which fills the entity keys incremental resolution reads."""
        self._execute(
            "INSERT INTO entity_aliases (entity_id, name) SELECT DISTINCT entity_id, name "
            "FROM mentions WHERE true ON CONFLICT DO NOTHING"
        )
        for statement in TIES_FROM_ROWS:
            self._execute(statement)
        for doc_id, blob in self._tuples("SELECT document_id, signature FROM signatures"):
            self._executemany(
                insert_sql(SignatureBandRow, "ignore"),
                [(band, doc_id) for band in stored_band_keys(bytes(blob))],
            )
        self._ask_whole_resolution()
        self._set_meta(STORE_ID_KEY, uuid.uuid4().hex)

    def _ask_whole_resolution(self) -> None:
        """Make the next resolution a whole one: a count, so that a whole resolution that
        began before the asking does not answer it (it records the count it read)."""
        self._execute(
            "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
            "SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)",
            (WHOLE_ASKED_KEY,),
        )

    def store_id(self) -> str:
        """An id made when the store was created (or migrated to schema 8): what tells a store
        from another made later at the same path, for caches keyed by store."""
        return str(self._scalar("SELECT value FROM meta WHERE key = ?", (STORE_ID_KEY,)) or "")

    def _table_columns(self, table: str) -> set[str]:
        """The columns of one of the store's tables (each backend knows where to look)."""
        raise NotImplementedError

    def _set_meta(self, key: str, value: str) -> None:
        self._execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _count_write(self) -> None:
        """Count a document write: resolution records the count its inputs were read at."""
        self._execute(
            "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
            "SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)",
            (WRITES_KEY,),
        )

    def writes_counted(self) -> str:
        """How many document writes the store has seen (as text; '0' for none)."""
        return str(self._scalar("SELECT value FROM meta WHERE key = ?", (WRITES_KEY,)) or "0")

    def needs_resolution(self) -> bool:
        """Whether documents were stored after the inputs of the last resolution were read: an
        ingest killed before or during resolution, or a second writer, leaves the clusters out
        of date until the next resolution."""
        resolved = self._scalar("SELECT value FROM meta WHERE key = ?", (RESOLVED_KEY,))
        return (resolved or "0") != self.writes_counted()

    def schema_version(self) -> int:
        return int(self._scalar("SELECT value FROM meta WHERE key = 'schema'"))

    # -- writing ------------------------------------------------------------------------------

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
        with self.transaction():
            # The entities this write can leave unreferenced: those the document's stored rows
            # name (forgotten next) and those it inserts.
            touched = self._entities_of(doc.id) | {e.id for e in result.entities}
            replaced = self._scalar("SELECT 1 FROM documents WHERE id = ?", (doc.id,)) is not None
            self._forget(doc.id)
            # The next resolution starts from this document; one that replaced a stored version
            # makes it a whole resolution (what the old version said may sit in any cluster,
            # and a resolution may be reading that version now). The write count is set below.
            self._execute(insert_sql(UnresolvedRow, "replace"), (doc.id, int(replaced), 0))
            self._execute(
                insert_sql(DocumentRow),
                (doc.id, doc.path, doc.title, doc.author, doc.published, doc.url, doc.text),
            )
            self._execute(
                insert_sql(ContentHashRow, "replace"), (content_hash(doc.text), doc.id)
            )
            if signature is not None:
                self._execute(insert_sql(SignatureRow), (doc.id, signature))
                self._executemany(
                    insert_sql(SignatureBandRow, "ignore"),
                    [(band, doc.id) for band in stored_band_keys(signature)],
                )
            if near_duplicate_of is not None and near_duplicate_of[0] != doc.id:
                self._execute(
                    insert_sql(NearDuplicateRow),
                    (doc.id, near_duplicate_of[0], float(near_duplicate_of[1])),
                )
            self._execute("DELETE FROM rejections WHERE source = ?", (doc.path,))
            entities = []
            mentions = []
            for entity in result.entities:
                entities.append((entity.id, entity.type, entity.name))
                for m in entity.mentions:
                    ev = m.evidence
                    mentions.append(
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
                        )
                    )
            self._executemany(insert_sql(EntityRow, "ignore"), entities)
            self._executemany(insert_sql(MentionRow), mentions)
            self._executemany(
                insert_sql(EntityAliasRow, "ignore"), sorted({(m[1], m[6]) for m in mentions})
            )
            self._executemany(
                insert_sql(RelationRow, "ignore"),
                [
                    (
                        r.id,
                        doc.id,
                        r.subject,
                        r.predicate,
                        r.object,
                        r.role,
                        json.dumps(dict(r.qualifiers), sort_keys=True),
                        r.evidence.start,
                        r.evidence.end,
                        r.evidence.text,
                        r.evidence.sentence,
                        r.evidence.attribution,
                        r.evidence.extractor,
                    )
                    for r in result.relations
                ],
            )
            self._executemany(
                insert_sql(ExclusionRow, "ignore"),
                [(doc.id, s, e, why) for s, e, why in result.excluded],
            )
            for event in result.events:
                self._write_event(doc.id, event)
            self._executemany(insert_sql(EntityTieRow, "ignore"), sorted(_ties(result)))
            if result.screening is not None:
                self._write_screening(doc.id, result.screening)
            self._write_passages(result)
            self._drop_orphans(touched)
            self._count_write()
            stamp = int(self.writes_counted())
            self._execute(
                "UPDATE unresolved SET write_count = ? WHERE document_id = ?", (stamp, doc.id)
            )
            self._executemany(
                "INSERT INTO entity_writes (entity_id, write_count) VALUES (?, ?) "
                "ON CONFLICT (entity_id) DO UPDATE SET write_count = excluded.write_count",
                [(e, stamp) for e in sorted(touched)],
            )

    def _write_passages(self, result: DocumentResult) -> None:
        """Write the document's searchable passages (search.py)."""
        raise NotImplementedError

    def _write_screening(self, document_id: str, screening: Screening) -> None:
        self._executemany(
            insert_sql(DesignationRow, "replace"),
            [
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
                )
                for entity_id, found in screening.designations.items()
                for d in found
            ],
        )
        self._executemany(
            insert_sql(EventDesignatedRow, "replace"),
            [
                (
                    p.event,
                    document_id,
                    p.entity,
                    p.kind,
                    p.as_of.isoformat() if p.as_of else None,
                    p.listing_id,
                )
                for p in screening.designated_participants
            ],
        )
        self._executemany(
            insert_sql(CoAppearanceRow, "ignore"),
            [(a.event, document_id, a.actor, a.with_, a.kind) for a in screening.co_appearances],
        )

    def _write_event(self, document_id: str, event: Event) -> None:
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
        parties = (
            json.dumps([p.to_json() for p in event.parties], sort_keys=True)
            if event.parties
            else None
        )
        self._execute(
            insert_sql(EventRow),
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
                parties,
            ),
        )
        self._executemany(
            insert_sql(ParticipantRow, "replace"),
            [
                (
                    event.id,
                    document_id,
                    p.entity,
                    p.role,
                    p.mode,
                    p.evidence.start,
                    p.evidence.end,
                    p.evidence.sentence,
                    p.evidence.attribution,
                    p.basis,
                )
                for p in event.participants
            ],
        )
        self._executemany(
            insert_sql(QuoteRow, "ignore"),
            [
                (
                    event.id,
                    document_id,
                    q.speaker,
                    q.speaker_text,
                    q.text,
                    q.evidence.start,
                    q.evidence.end,
                    q.evidence.sentence,
                    q.evidence.attribution,
                )
                for q in event.quotes
            ],
        )
        self._executemany(
            insert_sql(EventEvidenceRow, "ignore"),
            [
                (
                    event.id,
                    document_id,
                    ev.start,
                    ev.end,
                    ev.text,
                    ev.sentence,
                    ev.attribution,
                    ev.extractor,
                )
                for ev in event.evidence
            ],
        )

    def record_rejection(self, rejected: Rejected) -> None:
        with self.transaction():
            self._execute(
                insert_sql(RejectionRow, "replace"), (rejected.source, rejected.reason)
            )

    def _forget(self, document_id: str) -> None:
        for table in PER_DOCUMENT_TABLES:
            self._execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        self._execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def _entities_of(self, document_id: str) -> set[str]:
        """The entities the document's stored mentions, relations, participants and quotes
        refer to."""
        rows = self._tuples(
            "SELECT entity_id FROM mentions WHERE document_id = ? "
            "UNION SELECT subject_id FROM relations WHERE document_id = ? "
            "UNION SELECT object_id FROM relations WHERE document_id = ? "
            "UNION SELECT entity_id FROM event_participants WHERE document_id = ? "
            "UNION SELECT speaker_id FROM event_quotes WHERE document_id = ?",
            (document_id,) * 5,
        )
        return {row[0] for row in rows if row[0] is not None}

    def _drop_orphans(self, touched: set[str]) -> None:
        """Delete the entities among `touched` that nothing refers to any more.

        Only the writer inserts entities and only `_forget` deletes what refers to them, and
        every write ends here, so the entities a write can orphan are the ones it touched.
        Testing only those keeps a write's cost flat: the sweep of the whole entities table it
        replaces grew with the store (about 10 ms a document at 570 documents)."""
        for chunk in chunks(touched):
            self._execute(
                f"DELETE FROM entities WHERE id IN ({marks(chunk)}) "
                "AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = entities.id) "
                "AND NOT EXISTS (SELECT 1 FROM relations WHERE subject_id = entities.id) "
                "AND NOT EXISTS (SELECT 1 FROM relations WHERE object_id = entities.id) "
                "AND NOT EXISTS (SELECT 1 FROM event_participants WHERE entity_id = entities.id) "
                "AND NOT EXISTS (SELECT 1 FROM event_quotes WHERE speaker_id = entities.id)",
                chunk,
            )

    def add_judgement(self, a: str, b: str, verdict: str, note: str | None = None) -> None:
        """Record a user's decision that two entities are the same actor or different ones."""
        if verdict not in ("same", "different"):
            raise ValueError(f"verdict must be 'same' or 'different', not {verdict!r}")
        a, b = sorted((a, b))
        with self.transaction():
            self._execute(insert_sql(JudgementRow, "replace"), (a, b, verdict, note))
            self._ask_whole_resolution()

    def rate_source(self, source: str, reliability: str) -> None:
        grade = reliability.strip().upper()
        if grade not in ("A", "B", "C", "D", "E", "F"):
            raise FootprintError(f"reliability must be one of A-F, not {reliability!r}")
        with self.transaction():
            self._execute(insert_sql(SourceRatingRow, "replace"), (source, grade))

    # -- core reads ---------------------------------------------------------------------------

    def judgements(self) -> list[tuple[str, str, str]]:
        return [(r.a, r.b, r.verdict) for r in self._select(JudgementRow)]

    def source_ratings(self) -> dict[str, str]:
        return {r.source: r.reliability for r in self._select(SourceRatingRow)}

    def document_for_hash(self, text_hash: str) -> str | None:
        """The stored document whose text has this content hash, if any."""
        found = self._scalar("SELECT document_id FROM content_hashes WHERE hash = ?", (text_hash,))
        return str(found) if found is not None else None

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self._select(SignatureRow):
            yield row.document_id, bytes(row.signature)

    def near_duplicates(self) -> list[NearDuplicateRow]:
        return self._select(NearDuplicateRow)

    def documents(self, ids: Iterable[str] | None = None) -> list[DocumentRow]:
        return self._select(DocumentRow, "id", ids)

    def mentions(self, document_ids: Iterable[str] | None = None) -> list[MentionRow]:
        return self._select(MentionRow, "document_id", document_ids)

    def relations(self, document_ids: Iterable[str] | None = None) -> list[RelationRow]:
        return self._select(RelationRow, "document_id", document_ids)

    def events(self, document_ids: Iterable[str] | None = None) -> list[EventRow]:
        return self._select(EventRow, "document_id", document_ids)

    def event_rows(self, table: str, document_ids: Iterable[str] | None = None) -> list[Any]:
        """Rows of a per-document table (event details, designations) for the documents."""
        per_document = (
            "event_participants",
            "event_quotes",
            "event_evidence",
            "event_designated",
            "co_appearances",
            "designations",
        )
        if table not in per_document:
            raise ValueError(f"not a per-document table: {table}")
        return self._select(RECORD_OF[table], "document_id", document_ids)

    def entities(self, ids: Iterable[str]) -> list[EntityRow]:
        return self._select(EntityRow, "id", ids)

    def rejections(self) -> list[RejectionRow]:
        return self._select(RejectionRow)

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """Every table's rows, sorted, as plain values: for comparing two states of a store,
        also across backends."""
        out = {}
        for record in TABLE_RECORDS:
            # The record's columns, not *: a backend may add its own (PostgreSQL's tsvector).
            names = ", ".join(quoted(c) for c in columns(record))
            rows = self._tuples(f"SELECT {names} FROM {record.table}")
            out[record.table] = sorted(
                tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows
            )
        return out


def _sortable(value: Any, descending: bool) -> tuple[int, Any]:
    """A sort key that puts NULLs first, as the ORDERS above ask of both backends. DESC columns
    are numbers."""
    if value is None:
        return (0, 0)
    return (1, -value if descending else value)
