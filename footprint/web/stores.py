"""Where requests meet the store: a fixed set of reader threads, each holding one open store,
optionally processes that render the pages, each with its own, and one writer process.

Every store call blocks (both store drivers are synchronous), so it runs on a thread, never on
the event loop. A SQLite connection may only be used by the thread that opened it, so each
thread opens its own store on first use and keeps it for its life: no connection is shared,
and nothing reopens the store per request (opening checks the schema in a write transaction).
On PostgreSQL each thread is one connection. Writes (ingest, judgements, ratings) go to one
process of their own (`WriterProcess`), so they run one at a time, as footprint's writers
always do, and a long ingest never holds up readers.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from footprint.errors import FootprintError
from footprint.settings import Settings
from footprint.store import SQLStore, open_store
from footprint.web.errors import WebError

T = TypeVar("T")

# A thread waiting for its siblings while the pool closes gives up after this long.
CLOSE_WAIT_S = 10.0


class StoreThreads:
    """`threads` threads with a store each; `await run(fn)` calls `fn(store)` on one of them."""

    def __init__(self, target: str, threads: int, name: str) -> None:
        self.target = target
        self.threads = threads
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix=f"footprint-{name}")
        self._local = threading.local()

    def _store(self) -> SQLStore:
        store: SQLStore | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.target, create=False)
            self._local.store = store
        return store

    def call(self, fn: Callable[[SQLStore], T]) -> T:
        """Run on the calling thread's own store (for code already on one of these threads)."""
        return fn(self._store())

    async def run(self, fn: Callable[[SQLStore], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, self.call, fn)

    def close(self) -> None:
        """Close every thread's store on that thread, then stop the threads."""
        barrier = threading.Barrier(self.threads, timeout=CLOSE_WAIT_S)

        def close_own() -> None:
            # Waiting for the others keeps each job on a thread of its own, so every
            # thread closes its own store.
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()
            store = getattr(self._local, "store", None)
            if store is not None:
                self._local.store = None
                store.close()

        jobs = [self._pool.submit(close_own) for _ in range(self.threads)]
        for job in jobs:
            job.result()
        self._pool.shutdown(wait=True)


# -- reader processes ----------------------------------------------------------------------------

# In a page process: its own store, opened when the process starts.
_page_store: SQLStore | None = None


# A page builds tens of thousands of short-lived objects (an organisation's rows); the
# collector's default pace ran a fifth of an organisation page's time, rescanning what the
# process loaded once. Those are set aside and the young generation collected less often.
PAGE_GC_THRESHOLD = (50_000, 20, 20)


def _start_page_process(target: str) -> None:
    global _page_store
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops this process itself
    _page_store = open_store(target, create=False)
    import footprint.web.pages  # noqa: F401  (what every job needs, loaded before the freeze)

    gc.freeze()
    gc.set_threshold(*PAGE_GC_THRESHOLD)


def _in_page_process(job: Callable[..., T], args: tuple[Any, ...]) -> T:
    if _page_store is None:
        raise RuntimeError("the page process has no store")
    return job(_page_store, *args)


# After a page process dies, or cannot open its store, new ones start no sooner than this: a
# store that cannot be opened would otherwise cost a process start on every request.
RESTART_WAIT_S = 2.0


class StoreProcesses:
    """`processes` processes with a store each; `await run(job, *args)` calls
    `job(store, *args)` in one of them and returns what it returns.

    One server process serves about one core's worth of pages however many threads read: the
    pages are Python, under one interpreter lock. The heaviest requests (the pages, rendered
    whole) can so be spread over processes, on a machine with the cores for them. `job` must be
    a module-level function and its arguments and answer picklable (they cross processes);
    a WebError raised there comes back as itself. Processes start on first use. When one dies
    (or cannot open the store) the whole pool is lost: every request it held is answered 503,
    and new processes start on a later request, no sooner than RESTART_WAIT_S after."""

    def __init__(self, target: str, processes: int) -> None:
        self.target = target
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._lost_at: float | None = None
        self._closed = False

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise WebError(503, "the server is stopping")
            if self._pool is None:
                if self._lost_at is not None and time.monotonic() - self._lost_at < RESTART_WAIT_S:
                    raise WebError(503, "the page processes stopped; ask again shortly")
                self._pool = ProcessPoolExecutor(
                    self.processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_page_process,
                    initargs=(self.target,),
                )
            return self._pool

    async def run(self, job: Callable[..., T], *args: Any) -> T:
        pool = self._executor()
        loop = asyncio.get_running_loop()
        try:
            result: T = await loop.run_in_executor(pool, _in_page_process, job, args)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
                    self._lost_at = time.monotonic()
            pool.shutdown(wait=False)
            raise WebError(503, "a page process stopped; ask again") from None
        except RuntimeError:
            if not self._closed:
                raise
            # (the pool was shut down between handing it out and submitting to it)
            raise WebError(503, "the server is stopping") from None
        return result

    def close(self) -> None:
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)


# -- the writer process ---------------------------------------------------------------------------

# In the writer process: its store and settings, set when it starts.
_writer_store: SQLStore | None = None
_writer_settings: Settings | None = None


def _start_writer(settings: Settings) -> None:
    global _writer_store, _writer_settings
    # Ctrl-C goes to the whole process group; the server stops this process itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _writer_settings = settings
    _writer_store = open_store(settings.db, create=False)


def _in_writer(job: Callable[..., T], args: tuple[Any, ...]) -> T:
    if _writer_store is None or _writer_settings is None:
        raise RuntimeError("the writer process has no store")
    try:
        return job(_writer_store, _writer_settings, *args)
    except FootprintError as exc:  # sent back as an answer the client can act on
        raise WebError(422, str(exc)) from None


class WriterProcess:
    """Writes run in one process of their own, one at a time, in the order they came.

    Ingest is mostly the NLP pipeline and the corpus resolution, both pure Python: on the
    server's threads they would hold the interpreter lock for seconds and every reader would
    wait. In a process of their own they only share the CPU. The process starts on the first
    write (a read-only server never starts one) and loads the model once.

    Resolution is coalesced: a write that has others queued behind it leaves resolution to the
    last of them (`last` is passed to jobs that take it), so a burst of uploads resolves the
    corpus once, not once per document."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool: ProcessPoolExecutor | None = None
        self._turn = asyncio.Lock()
        self._waiting = 0

    async def run(self, job: Callable[..., T], *args: Any, coalesce: bool = False) -> T:
        self._waiting += 1
        try:
            async with self._turn:
                last = self._waiting == 1
                if self._pool is None:
                    self._pool = ProcessPoolExecutor(
                        1,
                        mp_context=multiprocessing.get_context("spawn"),
                        initializer=_start_writer,
                        initargs=(self.settings,),
                    )
                call_args = (*args, last) if coalesce else args
                loop = asyncio.get_running_loop()
                try:
                    result: T = await loop.run_in_executor(
                        self._pool, _in_writer, job, call_args
                    )
                except BrokenProcessPool:
                    self._pool = None  # the next write starts a new one
                    stopped = "the writer process stopped; send the write again"
                    raise WebError(503, stopped) from None
                return result
        finally:
            self._waiting -= 1

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
