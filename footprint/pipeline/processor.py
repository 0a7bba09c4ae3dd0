"""One document in, one stored-ready result out: the work every engine does.

A `Processor` holds what is expensive to build (the spaCy pipeline, the gazetteer, the
designation screener) and turns batches of `Document`s into `DocumentResult`s. Build it from
`Settings` (`Processor.from_settings`), or hand it the parts (tests, a caller that has them
already). Nothing in it touches the store, so results can cross a process or machine boundary
(they are plain dataclasses).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from footprint.model import Document, DocumentResult, Rejected
from footprint.settings import Settings

if TYPE_CHECKING:
    from footprint.designations.matching import Screener
    from footprint.place import Geocoder

log = logging.getLogger(__name__)

BATCH_SIZE = 16


class Processor:
    def __init__(self, nlp: Any, geocoder: Geocoder, screener: Screener) -> None:
        self.nlp = nlp
        self.geocoder = geocoder
        self.screener = screener

    @classmethod
    def from_settings(cls, settings: Settings) -> Processor:
        """The model `settings.model`, the gazetteer cached in `settings.cache_dir`, and the
        designation lists in `settings.lists_dir` (the packaged ones plus the user's)."""
        # Imported here: loading spaCy and the lists is the slow part, and only workers need it.
        from footprint.designations.matching import Screener
        from footprint.designations.userlists import current_listings
        from footprint.nlp.pipeline import build_pipeline
        from footprint.place import Gazetteer, Geocoder

        return cls(
            nlp=build_pipeline(settings.model),
            geocoder=Geocoder(Gazetteer.load(settings.cache_dir)),
            screener=Screener(current_listings(settings.lists_dir)),
        )

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentResult | Rejected]:
        """Each document's result, in input order, one per document: a document whose
        extraction fails becomes a `Rejected` naming the error, and the rest go on."""
        from footprint.designations.screening import screen_document
        from footprint.extract.from_doc import extract
        from footprint.nlp.long_text import LONG_TEXT_CHARS, annotate_long

        # spaCy refuses a text over `nlp.max_length` characters with an error that would end
        # the whole batch: such a document goes through as an empty text and is refused here.
        # (Ingest refuses them first, at `settings.MAX_TEXT_CHARS`; this is the last guard.)
        limit = getattr(self.nlp, "max_length", None)

        def too_long(document: Document) -> bool:
            return limit is not None and len(document.text) > limit

        def long(document: Document) -> bool:
            return len(document.text) > LONG_TEXT_CHARS

        # A long text stands in the batch as an empty one and is read on its own, in pieces.
        pairs = (("" if too_long(d) or long(d) else d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
            if too_long(document):
                yield Rejected(
                    document.path,
                    f"text too long ({len(document.text):,} characters; the limit is {limit:,})",
                )
                continue
            try:
                if long(document):  # (inside: a failure in the pieces rejects this one only)
                    doc = annotate_long(self.nlp, document.text)
                result = extract(doc, document, geocoder=self.geocoder)
                result.screening = screen_document(result, self.screener)
            except Exception as exc:  # one bad document must not stop the batch
                log.exception("extraction failed for %s", document.path)
                yield Rejected(document.path, f"extraction failed ({type(exc).__name__}: {exc})")
                continue
            yield result
