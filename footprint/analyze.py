"""The main job: inputs -> documents -> NLP -> records -> store. One document at a time is in
flight; a failure in one document is recorded as its rejection and the batch goes on."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from footprint import ingest
from footprint.model import Document, Rejected
from footprint.processing import Processor
from footprint.resolve.corpus import resolve_store
from footprint.settings import Settings
from footprint.store import SQLiteStore

log = logging.getLogger(__name__)


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

    def documents() -> Iterator[Document]:
        for item in ingest.load(paths, published=published, max_bytes=settings.max_text_bytes):
            if isinstance(item, Rejected):
                reject(item)
            else:
                yield item

    processor = Processor(settings.model)
    for item in processor.process(documents()):
        if isinstance(item, Rejected):
            reject(item)
            continue
        try:
            store.write(item)
        except Exception as exc:  # one bad document must not stop the batch
            log.exception("storing failed for %s", item.document.path)
            reject(Rejected(item.document.path, f"storing failed ({type(exc).__name__}: {exc})"))
            continue
        if item.document.id not in report.document_ids:
            report.document_ids.append(item.document.id)
    if report.document_ids:
        resolve_store(store)
    return report
