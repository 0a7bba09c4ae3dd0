"""One document in, one stored-ready result out: the work `analyze` and `ingest` share.

A `Processor` holds what is expensive to build (the spaCy pipeline, the gazetteer, the
designation screener) and turns batches of `Document`s into `DocumentResult`s. The corpus
ingest builds one per worker process; nothing in it touches the store, so results can cross a
process boundary (they are plain dataclasses).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from footprint.model import Document, DocumentResult, Rejected

log = logging.getLogger(__name__)

BATCH_SIZE = 16


class Processor:
    def __init__(self, model: str) -> None:
        from footprint.designations.matching import Screener
        from footprint.designations.userlists import current_listings
        from footprint.nlp.pipeline import build_pipeline
        from footprint.place import Geocoder

        self.nlp = build_pipeline(model)
        self.geocoder = Geocoder()
        self.screener = Screener(current_listings())

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentResult | Rejected]:
        """Each document's result, in input order; a document whose extraction fails becomes a
        `Rejected` naming the error, and the rest go on."""
        from footprint.designations.screening import screen_document
        from footprint.extract.from_doc import extract

        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
            try:
                result = extract(doc, document, geocoder=self.geocoder)
                result.screening = screen_document(result, self.screener)
            except Exception as exc:  # one bad document must not stop the batch
                log.exception("extraction failed for %s", document.path)
                yield Rejected(document.path, f"extraction failed ({type(exc).__name__}: {exc})")
                continue
            yield result
