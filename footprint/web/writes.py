"""The writes a token allows: ingesting documents, merge and split judgements, source ratings.

Ingest runs footprint's own job (`pipeline/run.py`: the readers' checks, duplicates skipped,
near-duplicates linked, each document in one transaction, the corpus resolved) in this process
on the writer thread. Inputs go through the same readers as files on disk, so an upload is
checked exactly as `footprint ingest` checks a file: size, binary content, encoding, language,
JSONL lines one by one. Judgements and ratings are the `merge`, `split` and `sources rate`
commands' writes, followed (for judgements) by a new resolution.

The jobs (`ingest`, `merge`, `split`, `rate`) run in the writer process (`stores.WriterProcess`)
and take its store and settings first; reading uploads into documents happens in the server.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from footprint.errors import FootprintError
from footprint.ingest.checks import display_path
from footprint.ingest.readers import read_html, read_jsonl, read_text
from footprint.model import Document, Rejected
from footprint.settings import Settings
from footprint.store import StoreWriter
from footprint.web.errors import WebError, bad_parameter

UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# One model in memory per process, whichever app asks; its use is one at a time.
_PROCESSOR_LOCK = threading.Lock()


@functools.lru_cache(maxsize=2)
def _processor(settings: Settings) -> Any:
    from footprint.pipeline.processor import Processor

    return Processor.from_settings(settings)


def processor_for(settings: Settings) -> Any:
    # The store is not part of what the processor is built from: one model serves every store.
    return _processor(dataclasses.replace(settings, db=""))


def documents_from_json(record: dict[str, Any], max_bytes: int) -> list[Document | Rejected]:
    """One document given as JSON ({text, title?, author?, published?, url?, id?}), read as a
    JSONL line is read, so it meets the same checks; named `api:1` in messages."""
    line = json.dumps(record, ensure_ascii=False).encode("utf-8")
    return list(read_jsonl(Path("api"), line, None, max_bytes, source="api"))


def documents_from_upload(
    filename: str, raw: bytes, published: str | None, max_bytes: int
) -> list[Document | Rejected]:
    """The documents of an uploaded file, read by its suffix as `footprint ingest` reads a
    file; stored under `upload/NAME` (the client's name, without folders, made printable)."""
    name = display_path(Path(filename.replace("\\", "/")).name) or "upload"
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise bad_parameter(
            "file", f"{name!r}: unsupported file type; upload one of {', '.join(UPLOAD_SUFFIXES)}"
        )
    source = f"upload/{name}"
    path = Path(name)
    if suffix == ".jsonl":
        return list(read_jsonl(path, raw, published, max_bytes, source=source))
    reader = read_html if suffix in (".html", ".htm") else read_text
    try:
        return [reader(path, raw, published, max_bytes, source)]
    except FootprintError as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        return [Rejected(source, reason)]


def ingest(
    store: StoreWriter,
    settings: Settings,
    inputs: Iterable[Document | Rejected],
    resolve: bool = True,
) -> dict[str, Any]:
    """Store the inputs as `footprint ingest` does and say what happened. With `resolve`
    False the corpus is left for the next write to resolve (one is queued behind this)."""
    from footprint.pipeline.engines import LocalEngine
    from footprint.pipeline.run import Resolution, run

    with _PROCESSOR_LOCK:
        engine = LocalEngine(settings, processor_for(settings))
        resolution = Resolution.ALWAYS if resolve else Resolution.NEVER
        report = run(inputs, engine, store, dedup=True, resolution=resolution)
    res = report.resolution
    return {
        "stored": report.stored,
        "already_stored": report.already_stored,
        "exact_duplicates": report.exact_duplicates,
        "near_duplicates": report.near_duplicates,
        "rejected": [{"source": r.source, "reason": r.reason} for r in report.rejected],
        "words": report.words,
        "resolution": dataclasses.asdict(res) if res else None,
        "resolution_deferred": not resolve,
    }


def entity_id(store: StoreWriter, ref: str, field: str) -> str:
    """An entity id, or the one entity a name denotes (422 naming the field otherwise)."""
    from footprint.analysis.profile import resolve_actor

    ref = " ".join(ref.split())
    if not ref:
        raise bad_parameter(field, "no entity given")
    if store.entities([ref]):
        return ref
    try:
        ids = resolve_actor(store, ref)
    except FootprintError as exc:
        raise WebError(404, f"{field}: {exc}", field) from None
    if len(ids) > 1:
        raise bad_parameter(field, f"{ref!r} names several entities ({', '.join(ids)}); give an id")
    return ids[0]


def merge(store: StoreWriter, settings: Settings, a: str, b: str) -> dict[str, Any]:
    """`footprint merge A B`: a judgement that two entities are one actor, then resolution."""
    from footprint.resolve.corpus import resolve_store

    ea, eb = entity_id(store, a, "a"), entity_id(store, b, "b")
    if ea == eb:
        raise bad_parameter("b", f"{a!r} and {b!r} are the same entity already")
    store.add_judgement(ea, eb, "same", note="footprint serve: merge")
    resolve_store(store)
    actor_of = store.cluster_of([ea, eb])
    return {
        "entities": [ea, eb],
        "actor": actor_of[ea],
        "joined": actor_of[ea] == actor_of[eb],
        "note": None
        if actor_of[ea] == actor_of[eb]
        else "recorded, but an earlier split keeps them apart; merge the split entity to undo it",
    }


def split(store: StoreWriter, settings: Settings, entity: str) -> dict[str, Any]:
    """`footprint split ENTITY`: the entity stands apart from the actor it was joined to."""
    from footprint.resolve.corpus import resolve_store

    eid = entity_id(store, entity, "entity")
    if store.entity_cluster(eid) is None:
        raise bad_parameter("entity", f"{entity!r} has not been resolved yet")
    others = [m for m in store.cluster_members([eid]) if m != eid]
    if not others:
        raise bad_parameter("entity", f"{entity!r} already stands alone")
    for other in others:
        store.add_judgement(eid, other, "different", note="footprint serve: split")
    resolve_store(store)
    return {"entity": eid, "apart_from": others}


def rate(store: StoreWriter, settings: Settings, source: str, reliability: str) -> dict[str, Any]:
    """`footprint sources rate SOURCE GRADE`."""
    source = source.strip()
    if not source:
        raise bad_parameter("source", "no source given: name an outlet's host, an author or a path")
    try:
        store.rate_source(source, reliability)
    except FootprintError as exc:
        raise bad_parameter("reliability", str(exc)) from None
    return {"source": source, "reliability": reliability.strip().upper()}
