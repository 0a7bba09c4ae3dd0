"""The main job: inputs -> documents -> NLP -> records -> store. One document at a time is in
flight; a failure in one document is recorded as its rejection and the batch goes on."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from footprint import ingest
from footprint.extract.from_doc import extract
from footprint.model import Document, Rejected
from footprint.nlp.pipeline import build_pipeline
from footprint.settings import Settings
from footprint.store import SQLiteStore

log = logging.getLogger(__name__)

BATCH_SIZE = 16


@dataclass
class AnalysisReport:
    document_ids: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def analyze(
    paths: Iterable[Path],
    settings: Settings,
    store: SQLiteStore,
    published: str | None = None,
    on_rejected=None,  # type: ignore[no-untyped-def]
) -> AnalysisReport:
    """Analyze every input into `store`; report which documents were stored and what failed."""
    report = AnalysisReport()

    def reject(item: Rejected) -> None:
        report.rejected.append(item)
        store.record_rejection(item)
        if on_rejected is not None:
            on_rejected(item)

    def documents() -> Iterator[tuple[str, Document]]:
        for item in ingest.load(paths, published=published, max_bytes=settings.max_text_bytes):
            if isinstance(item, Rejected):
                reject(item)
            else:
                yield item.text, item

    from footprint.designations.matching import Screener
    from footprint.designations.screening import screen_document
    from footprint.designations.userlists import current_listings
    from footprint.place import Geocoder

    nlp = build_pipeline(settings.model)
    geocoder = Geocoder()
    screener = Screener(current_listings())
    for doc, document in nlp.pipe(documents(), as_tuples=True, batch_size=BATCH_SIZE):
        try:
            result = extract(doc, document, geocoder=geocoder)
            result.screening = screen_document(result, screener)
            store.write(result)
        except Exception as exc:  # one bad document must not stop the batch
            log.exception("extraction failed for %s", document.path)
            reject(Rejected(document.path, f"extraction failed ({type(exc).__name__}: {exc})"))
            continue
        if document.id not in report.document_ids:
            report.document_ids.append(document.id)
    return report
