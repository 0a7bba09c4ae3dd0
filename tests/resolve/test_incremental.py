"""Incremental corpus resolution (resolve/incremental.py) ends where a whole resolution of the
same store ends: documents resolved one at a time give the clusters, reasons and source counts
that resolving them all at once gives."""

import dataclasses
import json

import pytest

from footprint import ingest
from footprint.ingest.dedup import signature
from footprint.model import Document, DocumentResult
from footprint.pipeline.processor import Processor
from footprint.resolve.corpus import resolve_store
from footprint.settings import Settings
from footprint.store import SQLStore, open_store
from tests.backends import store_target
from tests.conftest import CORPUS

pytestmark = pytest.mark.store


@pytest.fixture(scope="module")
def corpus_results() -> list[tuple[DocumentResult, bytes]]:
    documents = [d for d in ingest.load([CORPUS]) if isinstance(d, Document)]
    processor = Processor.from_settings(Settings.from_env({}))
    results = list(processor.process(documents))
    return [
        (r, signature(d.text).tobytes()) for d, r in zip(documents, results, strict=True)
    ]


def _clusters(store: SQLStore) -> dict[str, object]:
    return {
        "entities": [tuple(r) for r in store._tuples(
            "SELECT entity_id, cluster_id, reason FROM entity_clusters ORDER BY entity_id"
        )],
        "events": [(r.event_id, r.cluster_id) for r in store.event_cluster_rows()],
        "info": [
            (r.cluster_id, json.loads(r.documents), r.independent_sources, json.loads(r.conflicts))
            for r in store.event_cluster_info()
        ],
        "near": [(r.document_id, r.duplicate_of) for r in store.near_duplicates()],
        "keys": store._tuples("SELECT block, entity_id FROM entity_keys ORDER BY 1, 2"),
    }


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_one_document_at_a_time_ends_as_a_whole_resolution(tmp_path, corpus_results, order):
    results = corpus_results if order == "as listed" else corpus_results[::-1]
    one_by_one = open_store(store_target(tmp_path / "one.db"))
    at_once = open_store(store_target(tmp_path / "all.db"))
    try:
        modes = []
        for result, sig in results:
            one_by_one.write(result, signature=sig)
            summary = resolve_store(one_by_one)
            modes.append(summary.mode)
            assert not one_by_one.needs_resolution() and not one_by_one.unresolved()
            # The totals it keeps as it goes are what counting the tables gives.
            assert one_by_one._count_all() == one_by_one.cluster_counts()
        # The first two are whole (an unresolved store; one new document in two), the rest not.
        assert modes[:2] == ["whole", "whole"]
        assert set(modes[2:]) == {"incremental"} and len(modes) > 6
        for result, sig in results:
            at_once.write(result, signature=sig)
        whole_summary = resolve_store(at_once)
        assert whole_summary.mode == "whole"
        assert dataclasses.replace(summary, mode="whole", documents=len(results)) == whole_summary
        incremental, whole = _clusters(one_by_one), _clusters(at_once)
        assert any(c != e for e, c, _ in incremental["entities"])  # something was joined
        assert any(len(docs) > 1 for _, docs, _, _ in incremental["info"])
        assert incremental == whole
    finally:
        one_by_one.close()
        at_once.close()


def test_a_judgement_or_a_replaced_document_makes_the_next_resolution_whole(
    tmp_path, corpus_results
):
    store = open_store(store_target(tmp_path / "fp.db"))
    try:
        for result, sig in corpus_results:
            store.write(result, signature=sig)
        assert resolve_store(store).mode == "whole"
        assert resolve_store(store).mode == "none"  # nothing new
        result, sig = corpus_results[0]
        store.write(result, signature=sig)  # the same document again replaces its rows
        assert resolve_store(store).mode == "whole"
        (a, b, *_) = sorted(r.entity_id for r in store.entity_cluster_rows())
        store.add_judgement(a, b, "different")
        assert resolve_store(store).mode == "whole"
        assert resolve_store(store, force_whole=True).mode == "whole"
    finally:
        store.close()
