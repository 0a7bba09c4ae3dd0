"""The dedup step: which of a run's documents to analyse, and which stored text each repeats.

For each document, in input order:

1. a text already stored (content hash) is skipped: re-running a finished or interrupted ingest
   only does the work that is left;
2. a text already seen in this run, under another name or id, is counted, not analysed again;
3. a new text under an id a stored document already has (another text) gets `ID~HASH`, as two
   records with one id do within a run, so a later run never replaces what an earlier stored;
4. any other text is signed for near-duplicate detection (MinHash, `ingest/dedup.py`) against
   everything stored and everything already sent on in this run: a near-copy is analysed and
   stored, linked to the document it repeats, so it never counts as an independent source.

What grows with the run is the near-duplicate index (about 0.7 KB a document).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from footprint.ingest import other_ids
from footprint.ingest.dedup import NearDuplicateIndex, from_stored, signature
from footprint.model import Document
from footprint.store import StoreWriter
from footprint.store.sql import content_hash


class Skip(Enum):
    ALREADY_STORED = "already stored"  # the store held the text before this run
    REPEATED = "repeated"  # the text came earlier in this run


@dataclass(frozen=True)
class Fresh:
    """A document to analyse, with what the writer stores beside its result."""

    document: Document
    signature: bytes | None = None  # the MinHash signature, for later runs' near-duplicates
    near: tuple[str, float] | None = None  # (id of the document it repeats, similarity)


class Dedup:
    """Steps 1-4 above, against `store` as it was when the run began plus the run so far."""

    def __init__(self, store: StoreWriter) -> None:
        self.store = store
        self.index = NearDuplicateIndex()
        for doc_id, blob in store.signatures():
            sig = from_stored(blob)
            if sig is not None:  # bytes of another size are nobody's near-copy
                self.index.add(doc_id, sig)
        self.seen: set[str] = set()

    def _free_id(self, document: Document) -> Document:
        """The document under an id no stored document has: its text is new (checked before),
        so a stored document with its id holds another text, which must not be replaced (a
        record reusing an id in a later run); it gets `ID~HASH`, as within one run."""
        if not self.store.document_headers([document.id]):  # by key, without the text
            return document
        for renamed in other_ids(document):
            if not self.store.document_headers([renamed]):
                return replace(document, id=renamed)
        return document  # both taken by other texts: vanishingly unlikely; the write replaces

    def check(self, document: Document) -> Fresh | Skip:
        key = content_hash(document.text)
        if key in self.seen:
            return Skip.REPEATED
        self.seen.add(key)
        if self.store.document_for_hash(key) is not None:
            return Skip.ALREADY_STORED
        document = self._free_id(document)
        sig = signature(document.text)
        near = self.index.query(sig)
        self.index.add(document.id, sig)
        return Fresh(document, sig.tobytes(), near)
