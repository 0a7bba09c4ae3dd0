"""`footprint analyze`: inputs -> documents -> NLP -> records -> store, in this process.

Unlike the corpus ingest, it analyses every input again, stored before or not (no dedup step),
and resolves the corpus only when something was stored. A failure in one document is recorded
as its rejection and the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from footprint import ingest
from footprint.model import Rejected
from footprint.pipeline.engines import LocalEngine
from footprint.pipeline.run import Resolution, run
from footprint.settings import Settings
from footprint.store import StoreWriter


@dataclass
class AnalysisReport:
    document_ids: list[str] = field(default_factory=list)  # each stored document once
    rejected: list[Rejected] = field(default_factory=list)


def analyze(
    paths: Iterable[Path],
    settings: Settings,
    store: StoreWriter,
    published: str | None = None,
    on_rejected: Callable[[Rejected], None] | None = None,
) -> AnalysisReport:
    """Analyze every input into `store`; report which documents were stored and what failed."""
    report = run(
        ingest.load(paths, published=published, max_bytes=settings.max_text_bytes),
        LocalEngine(settings),
        store,
        dedup=False,
        resolution=Resolution.IF_STORED,
        on_rejected=on_rejected,
    )
    return AnalysisReport(list(dict.fromkeys(report.stored)), report.rejected)
