"""Engines: where the NLP work runs. Each maps a stream of documents to one result per document
(a `DocumentResult`, or a `Rejected` naming what failed), in input order, so the job can pair
every result with what it knows about the document and write it as soon as it comes back.

- `local`: this process, one worker: one stream through the pipeline, so spaCy batches as it
  likes (the default, and what `analyze` uses);
- `processes`: N worker processes on this machine (`ProcessPoolExecutor`), one `Processor`
  each, built once when the process starts;
- `dask`: a Dask cluster (`footprint/pipeline/cluster.py`): a `LocalCluster` of N worker
  processes started for the run, or an existing scheduler at a `tcp://` address.

The pool engines send batches of `WORKER_BATCH` documents with at most two batches per worker
in flight, so memory stays flat however long the input is, and hand results back in the order
the batches went out (`ordered_results`). A batch whose worker died (killed, out of memory)
comes back as one `Rejected` per document, and the run goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from enum import StrEnum
from typing import Protocol

from footprint.errors import FootprintError
from footprint.model import Document, DocumentResult, Rejected
from footprint.pipeline.processor import BATCH_SIZE, Processor
from footprint.settings import Settings

log = logging.getLogger(__name__)

# Documents sent to a worker at a time: the pipeline's own batch size.
WORKER_BATCH = BATCH_SIZE
# Batches in flight per worker: one being worked on, one waiting, so no worker idles.
IN_FLIGHT_PER_WORKER = 2



class EngineKind(StrEnum):
    LOCAL = "local"
    PROCESSES = "processes"
    DASK = "dask"


ENGINES = tuple(kind.value for kind in EngineKind)

Result = DocumentResult | Rejected
# A generator, so that a run stopped early can close it and so stop the work in flight.
Results = Generator[Result, None, None]


class Engine(Protocol):
    """Started with `with engine:`; `map` may then be called once per run."""

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...

    def map(self, documents: Iterable[Document]) -> Results: ...


class ResultFuture(Protocol):
    """What both `concurrent.futures.Future` and `distributed.Future` offer."""

    def result(self) -> list[Result]: ...

    def cancel(self) -> object: ...


# -- in this process ------------------------------------------------------------------------------


class LocalEngine:
    """In this process, one worker. The processor is built on start unless one is given."""

    def __init__(self, settings: Settings, processor: Processor | None = None) -> None:
        self.settings = settings
        self.processor = processor

    def __enter__(self) -> LocalEngine:
        if self.processor is None:
            self.processor = Processor.from_settings(self.settings)
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def map(self, documents: Iterable[Document]) -> Results:
        if self.processor is None:
            raise RuntimeError("start the engine first (with engine: ...)")
        yield from self.processor.process(documents)


# -- batches in flight, results in order ----------------------------------------------------------


def batched(documents: Iterable[Document], size: int = WORKER_BATCH) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _collect(batch: list[Document], future: ResultFuture) -> list[Result]:
    try:
        results = future.result()
    except Exception as exc:  # a worker died (killed, out of memory): say so per document
        log.exception("a worker failed")
        return [Rejected(d.path, f"worker failed ({type(exc).__name__}: {exc})") for d in batch]
    if len(results) != len(batch):  # the pairing of results with documents would be wrong
        raise RuntimeError(f"a worker returned {len(results)} results for {len(batch)} documents")
    return results


def ordered_results(
    documents: Iterable[Document],
    submit: Callable[[list[Document]], ResultFuture],
    workers: int,
) -> Results:
    """Submit `documents` in batches, at most `IN_FLIGHT_PER_WORKER * workers` at a time, and
    yield their results in submission order (a slow batch holds back later ones: the writer
    relies on the order, and the bound keeps the wait short)."""
    limit = IN_FLIGHT_PER_WORKER * max(1, workers)
    in_flight: deque[tuple[list[Document], ResultFuture]] = deque()
    try:
        for batch in batched(documents):
            in_flight.append((batch, submit(batch)))
            while len(in_flight) >= limit:
                yield from _collect(*in_flight.popleft())
        while in_flight:
            yield from _collect(*in_flight.popleft())
    finally:
        # Stopped early (Ctrl-C, a store error): the work not yet collected is not wanted.
        for _, future in in_flight:
            future.cancel()


# -- worker processes on this machine -------------------------------------------------------------

_worker_processor: Processor | None = None


def exit_when_orphaned(parent: int, every: float = 1.0) -> threading.Thread:
    """Watch, from a daemon thread, for the parent process to go away (killed with -9, it cannot
    stop its pool), and end this worker then: an orphaned worker would otherwise wait for work
    forever, holding its model's memory."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    thread = threading.Thread(target=watch, name="footprint-orphan-watch", daemon=True)
    thread.start()
    return thread


def _init_worker(settings: Settings, parent: int) -> None:
    global _worker_processor
    exit_when_orphaned(parent)
    _worker_processor = Processor.from_settings(settings)


def _run_batch(documents: list[Document]) -> list[Result]:
    assert _worker_processor is not None, "worker not initialised"
    return list(_worker_processor.process(documents))


class ProcessEngine:
    """N worker processes on this machine, each with its own `Processor`."""

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.settings = settings
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> ProcessEngine:
        # fork where the platform has it: workers start in a second, without re-importing.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.settings, os.getpid()),
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, documents: Iterable[Document]) -> Results:
        pool = self._pool
        if pool is None:
            raise RuntimeError("start the engine first (with engine: ...)")

        def submit(batch: list[Document]) -> ResultFuture:
            return pool.submit(_run_batch, batch)

        return ordered_results(documents, submit, self.workers)


# -- choosing one ---------------------------------------------------------------------------------


def choose_engine(
    kind: str | None, settings: Settings, workers: int = 1, scheduler: str | None = None
) -> Engine:
    """The engine `kind` names; None: `local` for one worker, `processes` for more (what
    `--workers N` alone has always meant). Raises FootprintError for a combination that
    cannot mean what was asked."""
    if workers < 1:
        raise FootprintError("--workers must be at least 1")
    if kind is None:
        kind = "local" if workers == 1 else "processes"
    if kind not in ENGINES:
        raise FootprintError(f"unknown engine {kind!r} (choose from {', '.join(ENGINES)})")
    if scheduler and kind != "dask":
        raise FootprintError(
            f"--scheduler {scheduler} is a Dask scheduler address: it needs --engine dask "
            f"(the {kind} engine runs on this machine)"
        )
    if kind == "local":
        if workers != 1:
            raise FootprintError(
                f"the local engine runs one worker in this process; for {workers} use "
                "--engine processes or --engine dask"
            )
        return LocalEngine(settings)
    if kind == "processes":
        return ProcessEngine(settings, workers)
    from footprint.pipeline.cluster import DaskEngine  # needs the optional `cluster` extra

    return DaskEngine(settings, workers=workers, scheduler=scheduler)
