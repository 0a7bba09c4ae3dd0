"""Typed records the store hands out: one dataclass per table, fields in the table's column order.

Readers get these instead of a driver's row objects, so analysis code is the same whichever
backend answered. `record["field"]` is kept beside `record.field` because templates and older
callers read rows as mappings; both read the same attribute.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar


class Record:
    """Base of every stored record: the table it comes from, and mapping-style reads."""

    table: ClassVar[str] = ""
    key: ClassVar[tuple[str, ...]] = ()

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self, name)
        except AttributeError:
            raise KeyError(name) from None

    def keys(self) -> list[str]:
        return [f.name for f in fields(self)]  # type: ignore[arg-type]

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name, default)


def columns(record: type[Record]) -> list[str]:
    return list(field_names(record))


_FIELD_NAMES: dict[type[Record], tuple[str, ...]] = {}


def field_names(record: type[Record]) -> tuple[str, ...]:
    """The record's fields in order (read once per class: every row read compares them)."""
    found = _FIELD_NAMES.get(record)
    if found is None:
        found = _FIELD_NAMES[record] = tuple(f.name for f in fields(record))  # type: ignore[arg-type]
    return found


@dataclass(frozen=True, slots=True)
class DocumentRow(Record):
    table = "documents"
    key = ("id",)
    id: str
    path: str
    title: str | None
    author: str | None
    published: str | None
    url: str | None
    text: str


@dataclass(frozen=True, slots=True)
class RejectionRow(Record):
    table = "rejections"
    key = ("source",)
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class EntityRow(Record):
    table = "entities"
    key = ("id",)
    id: str
    type: str
    name: str


@dataclass(frozen=True, slots=True)
class MentionRow(Record):
    table = "mentions"
    key = ("id",)
    id: str
    entity_id: str
    document_id: str
    start: int
    end: int
    text: str
    name: str
    titles: str  # JSON list
    sentence: str
    attribution: str | None
    extractor: str


@dataclass(frozen=True, slots=True)
class RelationRow(Record):
    table = "relations"
    key = ("id", "document_id", "start", "end")
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


@dataclass(frozen=True, slots=True)
class ExclusionRow(Record):
    table = "exclusions"
    key = ("document_id", "start", "end")
    document_id: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class EventRow(Record):
    table = "events"
    key = ("id",)
    id: str
    document_id: str
    type: str
    label: str
    background: int
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    date_text: str | None
    place: str | None  # JSON: name, country, admin1, lat, lon, gazetteer_id, precision
    casualties: str | None  # JSON: killed, injured, evidence
    responsibility: str | None  # JSON: status, evidence
    parties: str | None  # JSON: [{text, role, evidence}]


@dataclass(frozen=True, slots=True)
class ParticipantRow(Record):
    table = "event_participants"
    key = ("event_id", "entity_id")
    event_id: str
    document_id: str
    entity_id: str
    role: str
    mode: str
    start: int
    end: int
    sentence: str
    attribution: str | None
    basis: str | None


@dataclass(frozen=True, slots=True)
class QuoteRow(Record):
    table = "event_quotes"
    key = ("event_id", "start", "text")
    event_id: str
    document_id: str
    speaker_id: str | None
    speaker_text: str
    text: str
    start: int
    end: int
    sentence: str
    attribution: str | None


@dataclass(frozen=True, slots=True)
class EventEvidenceRow(Record):
    table = "event_evidence"
    key = ("event_id", "start", "end")
    event_id: str
    document_id: str
    start: int
    end: int
    text: str
    sentence: str
    attribution: str | None
    extractor: str


@dataclass(frozen=True, slots=True)
class DesignationRow(Record):
    table = "designations"
    key = ("document_id", "entity_id", "kind", "listing_id")
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


@dataclass(frozen=True, slots=True)
class EventDesignatedRow(Record):
    table = "event_designated"
    key = ("event_id", "entity_id")
    event_id: str
    document_id: str
    entity_id: str
    kind: str
    as_of: str | None
    listing_id: str


@dataclass(frozen=True, slots=True)
class CoAppearanceRow(Record):
    table = "co_appearances"
    key = ("event_id", "actor_id", "with_id")
    event_id: str
    document_id: str
    actor_id: str
    with_id: str
    kind: str


@dataclass(frozen=True, slots=True)
class ContentHashRow(Record):
    table = "content_hashes"
    key = ("hash",)
    hash: str
    document_id: str


@dataclass(frozen=True, slots=True)
class SignatureRow(Record):
    table = "signatures"
    key = ("document_id",)
    document_id: str
    signature: bytes


@dataclass(frozen=True, slots=True)
class NearDuplicateRow(Record):
    table = "near_duplicates"
    key = ("document_id",)
    document_id: str
    duplicate_of: str
    similarity: float


@dataclass(frozen=True, slots=True)
class SignatureBandRow(Record):
    """One LSH band of a document's near-duplicate signature: documents sharing a band are
    candidate near-copies, found by an index lookup instead of reading every signature."""

    table = "signature_bands"
    key = ("band", "document_id")
    band: bytes
    document_id: str


@dataclass(frozen=True, slots=True)
class UnresolvedRow(Record):
    """A document written since corpus resolution last ran; `replaced` when the write replaced
    a stored version (what it said before may be part of clusters resolution must undo);
    `write_count` the document write that made the row. Bookkeeping, not data: left out of
    `dump()`."""

    table = "unresolved"
    key = ("document_id",)
    document_id: str
    replaced: int
    write_count: int


@dataclass(frozen=True, slots=True)
class EntityKeyRow(Record):
    """A blocking key of an entity's name forms (resolve/across_documents.py): entities that
    share one are compared; resolution keeps them so a new document's entities find the stored
    ones they may join without reading them all."""

    table = "entity_keys"
    key = ("block", "entity_id")
    block: str
    entity_id: str


@dataclass(frozen=True, slots=True)
class EntityAliasRow(Record):
    """A name an entity was written as in some document (the distinct `mentions.name` values),
    kept so that resolution reads an actor's few names, not its every mention."""

    table = "entity_aliases"
    key = ("entity_id", "name")
    entity_id: str
    name: str


@dataclass(frozen=True, slots=True)
class EntityTieRow(Record):
    """Two entities tied by a relation or seen at one event in some document, each way round:
    the context resolution compares, read without scanning a prolific actor's every event."""

    table = "entity_ties"
    key = ("entity_id", "tied_id")
    entity_id: str
    tied_id: str


@dataclass(frozen=True, slots=True)
class JudgementRow(Record):
    table = "judgements"
    key = ("a", "b")
    a: str
    b: str
    verdict: str
    note: str | None


@dataclass(frozen=True, slots=True)
class EntityClusterRow(Record):
    table = "entity_clusters"
    key = ("entity_id",)
    entity_id: str
    cluster_id: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class EventClusterRow(Record):
    table = "event_clusters"
    key = ("event_id",)
    event_id: str
    cluster_id: str


@dataclass(frozen=True, slots=True)
class EventClusterInfoRow(Record):
    table = "event_cluster_info"
    key = ("cluster_id",)
    cluster_id: str
    documents: str  # JSON list of document ids
    independent_sources: int
    conflicts: str  # JSON


@dataclass(frozen=True, slots=True)
class SourceRatingRow(Record):
    table = "source_ratings"
    key = ("source",)
    source: str
    reliability: str


@dataclass(frozen=True, slots=True)
class SearchPassageRow(Record):
    """A searchable passage of a document (store/search.py): an evidence sentence, a piece of
    the text, or the title; `start`/`end` are its offsets in the document text (0, 0 for the
    title)."""

    table = "search_passages"
    key = ("id",)
    id: int  # a hash of where the passage is; SQLite's FTS5 index points at it
    document_id: str
    kind: str  # sentence | document | title
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PassageHitRow(Record):
    """A passage a search found, with its score (higher is better) and its document."""

    document_id: str
    kind: str
    start: int
    end: int
    text: str  # as the document has it
    indexed: str  # as the index has it (claim sentences blanked out of `document` pieces)
    score: float
    title: str | None
    path: str
    published: str | None


@dataclass(frozen=True, slots=True)
class SearchHit(Record):
    """One search hit as shown: `start`/`end` bound the excerpt in the document text (None for
    a title), `marks` the matched words in it, `snippet` the excerpt with those words between
    ⟦ ⟧ and `parts` the same as (piece, marked) pairs."""

    document_id: str
    title: str | None
    path: str
    published: str | None
    kind: str  # sentence (behind a claim) | document (elsewhere in the text) | title
    start: int | None
    end: int | None
    snippet: str
    parts: tuple[tuple[str, bool], ...]
    marks: tuple[tuple[int, int], ...]
    score: float


# Every table in the order a dump lists them.
TABLE_RECORDS: tuple[type[Record], ...] = (
    DocumentRow,
    RejectionRow,
    EntityRow,
    MentionRow,
    RelationRow,
    ExclusionRow,
    EventRow,
    ParticipantRow,
    QuoteRow,
    EventEvidenceRow,
    DesignationRow,
    EventDesignatedRow,
    CoAppearanceRow,
    ContentHashRow,
    SignatureRow,
    SignatureBandRow,
    NearDuplicateRow,
    JudgementRow,
    EntityClusterRow,
    EventClusterRow,
    EventClusterInfoRow,
    EntityKeyRow,
    EntityAliasRow,
    EntityTieRow,
    SourceRatingRow,
    SearchPassageRow,
)
RECORD_OF: dict[str, type[Record]] = {r.table: r for r in TABLE_RECORDS}
