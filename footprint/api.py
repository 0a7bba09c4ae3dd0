"""footprint as a library: read texts in memory, or open a store and ask it what the command line
asks. Everything here is what the commands call; nothing writes files or prints.

    >>> import footprint
    >>> result = footprint.analyze_text(
    ...     "On May 3, 2024, the Harbour Workers Union held a rally in Karachi.",
    ...     published="2024-05-04",
    ... )
    >>> [(e.type, e.place.name, str(e.date.start)) for e in result.events]
    [('rally', 'Karachi', '2024-05-03')]

Reading needs the spaCy model and the gazetteer; both load once per process and are kept (the
first call takes seconds, later ones milliseconds per short text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from footprint.model import Document, DocumentResult, Rejected
from footprint.settings import Settings
from footprint.store import StoreView, StoreWriter
from footprint.store import open_store as _open_store

__all__ = [
    "Document",
    "DocumentResult",
    "Rejected",
    "analyze_documents",
    "analyze_text",
    "ingest_files",
    "open_store",
    "profile",
    "search",
    "timeline",
    "network",
]


@lru_cache(maxsize=2)
def _processor(settings: Settings) -> Any:
    from footprint.pipeline.processor import Processor

    return Processor.from_settings(settings)


def analyze_documents(
    documents: Iterable[Document], settings: Settings | None = None
) -> Iterator[DocumentResult | Rejected]:
    """Each document's records (actors with every mention's evidence, relations, events with
    dates, places, participants and casualties, designation screening), in input order; a
    document that cannot be read is a `Rejected` naming why, and the rest go on."""
    return _processor(settings or Settings.from_env()).process(documents)


def analyze_text(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    document_id: str = "text",
    settings: Settings | None = None,
) -> DocumentResult:
    """One text's records. `published` (YYYY-MM-DD) dates a news report's undated lead
    ("on Tuesday" is the Tuesday before it). Raises ValueError when the text cannot be read."""
    from footprint.errors import IngestError
    from footprint.ingest.checks import check_text

    settings = settings or Settings.from_env()
    try:  # the checks every ingested text passes: empty, oversized, not English, ...
        text = check_text(document_id, text, settings.max_text_bytes)
    except IngestError as exc:
        raise ValueError(str(exc)) from None
    document = Document(
        id=document_id, text=text, path=document_id, title=title, published=published
    )
    (result,) = analyze_documents([document], settings)
    if isinstance(result, Rejected):
        raise ValueError(f"{document_id}: {result.reason}")
    return result


def open_store(target: str | Path, create: bool = False) -> StoreWriter:
    """A store to query (and write): a SQLite file path or a `postgresql://` URL. Without
    `create`, a store that does not exist is an error, as on the command line."""
    return _open_store(target, create=create)


def ingest_files(
    paths: Iterable[str | Path],
    store: StoreWriter,
    *,
    workers: int = 1,
    settings: Settings | None = None,
) -> Any:
    """`footprint ingest`: files and folders (.txt, .html, .jsonl) into the store, duplicates
    skipped, near-duplicates linked, the corpus resolved; returns the run's report (`stored`
    document ids, `rejected` inputs with reasons, duplicate counts, words per second)."""
    from footprint.pipeline.corpus import ingest_corpus

    return ingest_corpus([Path(p) for p in paths], settings or Settings.from_env(), store, workers)


def profile(
    store: StoreView,
    actor: str,
    *,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    direct: bool = False,
) -> dict[str, Any]:
    """`footprint profile` as a dict (the command's JSON)."""
    from footprint.analysis.profile import profile as _profile

    return _profile(store, actor, country=country, since=since, until=until, direct=direct)


def timeline(
    store: StoreView,
    actor: str | None = None,
    *,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """`footprint timeline` as a dict (the command's JSON)."""
    from footprint.analysis.timeline import timeline as _timeline
    from footprint.place.countries import country_code

    code = country_code(country) if country else None
    return _timeline(store, actor, country=code, since=since, until=until)


def network(
    store: StoreView,
    *,
    kind: str = "all",
    around: str | None = None,
    depth: int = 1,
    direct: bool = False,
) -> dict[str, Any]:
    """`footprint network` as a dict (the command's JSON); an organisation's ego network is
    rolled up through its people unless `direct`."""
    from footprint.analysis.network import network as _network

    return _network(store, kind=kind, around=around, depth=depth, direct=direct)


def search(store: StoreView, text: str, **filters: Any) -> dict[str, Any]:
    """`footprint search` as a dict (the command's JSON); filters as its options: actor,
    country, since, until, limit."""
    from footprint.cli.search import find
    from footprint.place.countries import country_code

    if filters.get("country"):
        filters["country"] = country_code(filters["country"])
    answer, _ = find(store, text, **filters)
    return answer
