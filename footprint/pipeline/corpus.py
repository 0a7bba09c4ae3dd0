"""`footprint ingest`: many inputs -> one resolved graph in the store.

The run (`run.py`) with every step: stored and repeated texts are skipped, near-copies linked
(`dedup.py`), the rest analysed on the chosen engine (`engines.py`: this process, worker
processes, or a Dask cluster) and stored as each result comes back; then the corpus is
resolved once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from footprint import ingest
from footprint.model import Rejected
from footprint.pipeline.engines import Engine, choose_engine
from footprint.pipeline.run import Resolution, RunReport, run
from footprint.settings import Settings
from footprint.store import StoreWriter

# The name the command line and the tests know the report by.
IngestReport = RunReport


def ingest_corpus(
    paths: Iterable[Path],
    settings: Settings,
    store: StoreWriter,
    workers: int = 1,
    published: str | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_rejected: Callable[[Rejected], None] | None = None,
    resolve: bool = True,
    *,
    resolve_all: bool = False,
    engine: Engine | str | None = None,
    scheduler: str | None = None,
) -> IngestReport:
    """Ingest every input into `store` (see the module docstring); returns what happened.

    `engine` is an `Engine`, or its name ("local", "processes", "dask") for `choose_engine`
    to build with `workers` and `scheduler`; by default `workers` alone decides (one: this
    process; more: that many worker processes). Resolution afterwards is incremental where it
    can be (resolve/incremental.py); `resolve_all` resolves the whole corpus again."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if engine is None or isinstance(engine, str):
        engine = choose_engine(engine, settings, workers=workers, scheduler=scheduler)
    return run(
        ingest.load(paths, published=published, max_bytes=settings.max_text_bytes),
        engine,
        store,
        dedup=True,
        resolution=Resolution.WHOLE
        if resolve_all
        else Resolution.ALWAYS
        if resolve
        else Resolution.NEVER,
        on_progress=on_progress,
        on_rejected=on_rejected,
    )
