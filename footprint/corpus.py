"""The corpus job: many inputs -> one resolved graph in the store.

`ingest_corpus` streams documents from `ingest.load`, and for each one:

1. skips it when its text is already stored (content hash): re-running a finished or interrupted
   ingest only does the work that is left, and an exact duplicate under another name or id is
   counted, not analysed again;
2. signs it for near-duplicate detection (MinHash, `ingest/dedup.py`) against everything stored
   and everything already sent on in this run: a near-copy is analysed and stored, linked to the
   document it repeats, so it never counts as an independent source;
3. sends it, in small batches, to the NLP workers (`Processor`; one per process with
   `workers > 1`, else in this process), and stores each result in its own transaction as soon
   as it comes back, so an interrupted run loses only the documents in flight.

At most `2 * workers` batches are in flight, so memory stays flat however long the input is;
what grows is the near-duplicate index (about 0.7 KB a document). After the last document the
corpus is resolved once (`resolve/corpus.py`).
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from footprint import ingest
from footprint.ingest.dedup import NearDuplicateIndex, signature
from footprint.model import Document, DocumentResult, Rejected
from footprint.processing import Processor
from footprint.resolve.corpus import ResolutionSummary, resolve_store
from footprint.settings import Settings
from footprint.store import SQLiteStore
from footprint.store.sqlite import content_hash

log = logging.getLogger(__name__)

# Documents sent to a worker at a time: the pipeline's own batch size (processing.BATCH_SIZE).
WORKER_BATCH = 16


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)  # document ids analysed and stored
    already_stored: int = 0  # texts the store held before this run
    exact_duplicates: int = 0  # texts repeated within this run
    near_duplicates: int = 0  # stored, linked to the document they repeat
    rejected: list[Rejected] = field(default_factory=list)
    words: int = 0  # words analysed (stored documents only)
    seconds: float = 0.0
    resolution: ResolutionSummary | None = None

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


# -- worker side --------------------------------------------------------------------------------

_processor: Processor | None = None


def _init_worker(model: str) -> None:
    global _processor
    _processor = Processor(model)


def _run_batch(documents: list[Document]) -> list[DocumentResult | Rejected]:
    assert _processor is not None, "worker not initialised"
    return list(_processor.process(documents))


# -- the job ------------------------------------------------------------------------------------


@dataclass
class _Pending:
    document: Document
    signature: bytes
    near: tuple[str, float] | None


def _word_count(text: str) -> int:
    return len(text.split())


def ingest_corpus(
    paths: Iterable[Path],
    settings: Settings,
    store: SQLiteStore,
    workers: int = 1,
    published: str | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_rejected: Callable[[Rejected], None] | None = None,
    resolve: bool = True,
) -> IngestReport:
    """Ingest every input into `store` (see the module docstring); returns what happened."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    report = IngestReport()
    started = time.perf_counter()
    index = NearDuplicateIndex()
    for doc_id, blob in store.signatures():
        index.add(doc_id, np.frombuffer(blob, dtype=np.uint32).copy())
    seen_hashes: set[str] = set()

    def reject(item: Rejected) -> None:
        report.rejected.append(item)
        store.record_rejection(item)
        if on_rejected is not None:
            on_rejected(item)

    def progress() -> None:
        report.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(report)

    def fresh_documents() -> Iterator[_Pending]:
        for item in ingest.load(paths, published=published, max_bytes=settings.max_text_bytes):
            if isinstance(item, Rejected):
                reject(item)
                progress()
                continue
            key = content_hash(item.text)
            if key in seen_hashes:
                report.exact_duplicates += 1
                progress()
                continue
            seen_hashes.add(key)
            if store.document_for_hash(key) is not None:
                report.already_stored += 1
                progress()
                continue
            sig = signature(item.text)
            near = index.query(sig)
            index.add(item.id, sig)
            yield _Pending(item, sig.tobytes(), near)

    failed: set[str] = set()  # ids sent on in this run whose analysis or storing failed

    def store_results(batch: list[_Pending], results: list[DocumentResult | Rejected]) -> None:
        for pending, result in zip(batch, results, strict=True):
            if isinstance(result, Rejected):
                failed.add(pending.document.id)
                reject(result)
                continue
            # Batches come back in the order they went out, so the document a near-copy
            # repeats has been stored (or has failed) by now: never link to one that failed.
            near = pending.near if pending.near and pending.near[0] not in failed else None
            try:
                store.write(result, signature=pending.signature, near_duplicate_of=near)
            except Exception as exc:  # one bad document must not stop the batch
                log.exception("storing failed for %s", pending.document.path)
                failed.add(pending.document.id)
                reject(Rejected(pending.document.path, f"storing failed ({exc})"))
                continue
            report.stored.append(result.document.id)
            report.words += _word_count(result.document.text)
            if near is not None:
                report.near_duplicates += 1
        progress()

    def batches() -> Iterator[list[_Pending]]:
        batch: list[_Pending] = []
        for pending in fresh_documents():
            batch.append(pending)
            if len(batch) >= WORKER_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    def collect(batch: list[_Pending], future: Future[list[DocumentResult | Rejected]]) -> None:
        try:
            results = future.result()
        except Exception as exc:  # a worker died (killed, out of memory): say so per document
            log.exception("a worker failed")
            results = [
                Rejected(p.document.path, f"worker failed ({type(exc).__name__}: {exc})")
                for p in batch
            ]
        store_results(batch, results)

    if workers == 1:
        processor = Processor(settings.model)
        started = time.perf_counter()  # the throughput figure leaves model loading out
        # One stream through the pipeline, so spaCy batches as it likes; each result is
        # paired with the pending document it came from (the processor keeps input order).
        waiting: deque[_Pending] = deque()

        def feed() -> Iterator[Document]:
            for pending in fresh_documents():
                waiting.append(pending)
                yield pending.document

        for result in processor.process(feed()):
            store_results([waiting.popleft()], [result])
    else:
        # fork where the platform has it: workers start in a second, without re-importing.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(settings.model,),
        ) as pool:
            in_flight: deque[tuple[list[_Pending], Future[list[DocumentResult | Rejected]]]]
            in_flight = deque()
            for batch in batches():
                in_flight.append((batch, pool.submit(_run_batch, [p.document for p in batch])))
                while len(in_flight) >= 2 * workers:
                    collect(*in_flight.popleft())
            while in_flight:
                collect(*in_flight.popleft())
    report.seconds = time.perf_counter() - started
    if resolve:
        report.resolution = resolve_store(store)
    progress()
    return report
