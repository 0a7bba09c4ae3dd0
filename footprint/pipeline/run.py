"""The job `analyze` and `ingest` share: inputs -> dedup -> engine -> writer -> resolution.

`run(inputs, engine, writer, ...)` takes the documents `ingest.load` yields (a `Rejected` among
them is recorded and reported), and:

1. dedup (`dedup.py`; `ingest` only): skips what is stored or repeated, signs the rest and
   finds what each near-copies;
2. sends what is left to the `engine` (`engines.py`), which hands back one result per document
   in input order;
3. writes each result with `writer.write` in its own transaction as soon as it comes back, so
   an interrupted run loses only the documents in flight; a document that fails (analysis or
   storing) is recorded as a rejection and the run goes on;
4. resolves the corpus once (`resolve/corpus.py`), as `resolution` says.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from footprint.model import Document, DocumentResult, Rejected
from footprint.pipeline.dedup import Dedup, Fresh, Skip
from footprint.pipeline.engines import Engine
from footprint.resolve.corpus import ResolutionSummary, resolve_store
from footprint.store import StoreWriter

log = logging.getLogger(__name__)


@dataclass
class RunReport:
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


class Resolution(Enum):
    ALWAYS = "always"  # ingest: even with nothing new, since judgements may have changed
    WHOLE = "whole"  # ingest --resolve-all: the whole corpus, not only what is new
    IF_STORED = "if stored"  # analyze: only when this run stored something
    NEVER = "never"


def _word_count(text: str) -> int:
    return len(text.split())


class _Bookkeeping:
    """One run's report and callbacks, and the ids whose analysis or storing failed."""

    def __init__(
        self,
        writer: StoreWriter,
        on_progress: Callable[[RunReport], None] | None,
        on_rejected: Callable[[Rejected], None] | None,
    ) -> None:
        self.writer = writer
        self.report = RunReport()
        self.on_progress = on_progress
        self.on_rejected = on_rejected
        self.failed: set[str] = set()
        self.started = time.perf_counter()

    def progress(self) -> None:
        self.report.seconds = time.perf_counter() - self.started
        if self.on_progress is not None:
            self.on_progress(self.report)

    def reject(self, item: Rejected) -> None:
        self.report.rejected.append(item)
        try:
            self.writer.record_rejection(item)
        except Exception:  # a locked or failing store must not turn one bad input into a crash
            log.exception("could not record the rejection of %s in the store", item.source)
        if self.on_rejected is not None:
            self.on_rejected(item)

    def skip(self, why: Skip) -> None:
        if why is Skip.ALREADY_STORED:
            self.report.already_stored += 1
        else:
            self.report.exact_duplicates += 1

    def write(self, fresh: Fresh, result: DocumentResult | Rejected) -> None:
        if isinstance(result, Rejected):
            self.failed.add(fresh.document.id)
            self.reject(result)
            return
        # Results come back in the order documents went out, so the document a near-copy
        # repeats has been stored (or has failed) by now: never link to one that failed.
        near = fresh.near if fresh.near and fresh.near[0] not in self.failed else None
        try:
            self.writer.write(result, signature=fresh.signature, near_duplicate_of=near)
        except Exception as exc:  # one bad document must not stop the run
            log.exception("storing failed for %s", fresh.document.path)
            self.failed.add(fresh.document.id)
            self.reject(
                Rejected(fresh.document.path, f"storing failed ({type(exc).__name__}: {exc})")
            )
            return
        self.report.stored.append(result.document.id)
        self.report.words += _word_count(result.document.text)
        if near is not None:
            self.report.near_duplicates += 1


def run(
    inputs: Iterable[Document | Rejected],
    engine: Engine,
    writer: StoreWriter,
    *,
    dedup: bool = True,
    resolution: Resolution = Resolution.ALWAYS,
    on_progress: Callable[[RunReport], None] | None = None,
    on_rejected: Callable[[Rejected], None] | None = None,
) -> RunReport:
    """Run the job (see the module docstring) and report what happened. `report.seconds`
    leaves the engine's start out (loading the model in this process) and takes resolution
    in; `dedup=False` analyses and stores every document, stored before or not."""
    books = _Bookkeeping(writer, on_progress, on_rejected)
    deduplicate = Dedup(writer) if dedup else None
    waiting: deque[Fresh] = deque()  # sent to the engine, result not yet written, in order

    def documents_to_analyse() -> Iterator[Document]:
        for item in inputs:
            if isinstance(item, Rejected):
                books.reject(item)
                books.progress()
                continue
            checked = deduplicate.check(item) if deduplicate is not None else Fresh(item)
            if isinstance(checked, Skip):
                books.skip(checked)
                books.progress()
                continue
            waiting.append(checked)
            yield checked.document  # dedup may have given it a free id

    # What an ingest writes, a re-run restores: the store may commit without waiting for the
    # disk (`bulk_writes`). Closing the results on the way out (Ctrl-C, a store error) stops
    # the work in flight.
    with writer.bulk_writes():
        with engine, contextlib.closing(engine.map(documents_to_analyse())) as results:
            books.started = time.perf_counter()
            for result in results:
                books.write(waiting.popleft(), result)
                books.progress()
        books.progress()
        if resolution in (Resolution.ALWAYS, Resolution.WHOLE) or (
            resolution is Resolution.IF_STORED and books.report.stored
        ):
            books.report.resolution = resolve_store(
                writer, force_whole=resolution is Resolution.WHOLE
            )
    books.progress()
    return books.report
