"""The store reads the exports and the brief use (footprint/store/exports.py): their order, their
independence of how many ids are asked for at once, and the same answers on every backend."""

from __future__ import annotations

from typing import Any

import pytest

import footprint.store.sql as sql
from footprint.store import open_store
from footprint.store.records import TABLE_RECORDS


def reads(store: Any) -> dict[str, Any]:
    """Every export read, over the whole example store."""
    events = [e.id for e in store.events()]
    entities = sorted({m.entity_id for m in store.mentions()})
    documents = [d.id for d in store.documents()]
    return {
        "headers": store.document_headers(),
        "some_headers": store.document_headers([*documents[:3], "doc-missing"]),
        "participants": store.participants_of_events(events),
        "evidence": store.evidence_for_events(events),
        "mentions": store.mentions_of_entities(entities),
        "first_mentions": [store.first_mention(e, d) for e in entities[:20] for d in documents],
        "designated": store.designated_entity_ids(("listed", "alias")),
        "firm": store.firm_designations(),
        "firm_of_some": store.firm_designations(entities[::2]),
        "relation_names": store.relation_names(),
    }


@pytest.fixture(scope="module")
def answers(store) -> dict[str, Any]:
    return reads(store)


def test_reads_are_ordered_as_documented(answers):
    headers = answers["headers"]
    assert headers and headers == sorted(headers, key=lambda d: (d.path, d.id))
    assert len(answers["some_headers"]) == 3
    participants = answers["participants"]
    assert participants == sorted(
        participants, key=lambda p: (p.document_id, p.start, p.event_id, p.entity_id)
    )
    evidence = answers["evidence"]
    assert evidence == sorted(evidence, key=lambda e: (e.document_id, e.start, e.event_id, e.end))
    firm = answers["firm"]
    assert firm == sorted(
        firm, key=lambda d: (d.name, d.kind, -d.score, d.document_id, d.listing_id, d.entity_id)
    )
    names = answers["relation_names"]
    assert [r.id for r in names] == sorted(r.id for r in names)


def test_weak_matches_and_empty_asks_give_nothing(store, answers):
    firm = answers["firm"]
    assert firm and all(d.kind != "possible" for d in firm)
    assert {d.entity_id for d in firm} >= answers["designated"]
    assert store.mentions_of_entities([]) == [] and store.designated_entity_ids(()) == set()


def test_first_mention_is_the_earliest(store, answers):
    for found in filter(None, answers["first_mentions"]):
        same = [m for m in store.mentions([found.document_id]) if m.entity_id == found.entity_id]
        assert found.start == min(m.start for m in same)


def test_answers_do_not_depend_on_chunking(store, answers, monkeypatch):
    monkeypatch.setattr(sql, "CHUNK", 3)
    assert reads(store) == answers


def test_postgres_gives_the_same_answers(store, answers):
    from tests.backends import fresh_postgres_target

    other = open_store(fresh_postgres_target())
    try:
        rows = store.dump()
        with other.transaction():
            for record in TABLE_RECORDS:
                other._executemany(sql.insert_sql(record), rows[record.table])
        assert reads(other) == answers
    finally:
        other.close()
