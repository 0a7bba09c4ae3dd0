"""One store per test session, built from the example corpus (and the reference article where
../shared has it), exported once in every format through the CLI."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store
from tests.conftest import CORPUS, SAMPLE

FORMATS = {
    "ftm": "out.ftm.json",
    "stix": "out.stix.json",
    "graphml": "out.graphml",
    "gexf": "out.gexf",
    "geojson": "out.geojson",
    "csv": "tables",
}
ACTOR_TYPES = ("person", "organization")


@pytest.fixture(scope="session")
def db(tmp_path_factory, shared_db_target) -> str:
    """The store's target: a SQLite path, or a PostgreSQL URL when the tests run there."""
    tmp = tmp_path_factory.mktemp("export")
    path = shared_db_target(tmp / "fp.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTPRINT_LISTS_DIR", str(tmp / "user-lists"))
        store = open_store(path)
        inputs = [CORPUS] + ([SAMPLE] if SAMPLE.exists() else [])
        ingest_corpus(inputs, Settings.from_env({}).with_db(path), store)
        store.close()
    return path


@pytest.fixture(scope="session")
def store(db):
    s = open_store(db)
    yield s
    s.close()


def run_export(db: str, *args: str) -> Any:
    return CliRunner().invoke(app, ["export", *args, "--db", str(db)])


@pytest.fixture(scope="session")
def exported(db, tmp_path_factory) -> dict[str, Path]:
    """Whole-store exports: format -> path."""
    out = tmp_path_factory.mktemp("exported")
    paths = {}
    for fmt, name in FORMATS.items():
        result = run_export(db, "--format", fmt, "-o", str(out / name))
        assert result.exit_code == 0, result.output
        paths[fmt] = out / name
    return paths


@pytest.fixture(scope="session")
def expected(store) -> dict[str, Any]:
    """What the store holds, counted from its plain reads (independently of the exporters)."""
    # Resolution gives every entity a cluster row (one of its own when it stands alone).
    cluster = {r.entity_id: r.cluster_id for r in store.entity_cluster_rows()}
    actor_of = {e.id: cluster[e.id] for e in store.entities(cluster) if e.type in ACTOR_TYPES}
    occasion = {r.event_id: r.cluster_id for r in store.event_cluster_rows()}
    occasion_of = {e.id: occasion.get(e.id, e.id) for e in store.events()}
    participations = {
        (occasion_of[p.event_id], actor_of[p.entity_id])
        for p in store.event_rows("event_participants")
        if p.entity_id in actor_of
    }
    relations = set()
    statements = 0
    for r in store.relations():
        if r.subject_id not in actor_of or (
            r.object_id is not None and r.object_id not in actor_of
        ):
            continue
        statements += 1
        relations.add((actor_of[r.subject_id], r.predicate, r.role, actor_of.get(r.object_id)))
    at: dict[str, set[str]] = {}
    for event, actor in participations:
        at.setdefault(event, set()).add(actor)
    pairs = {pair for actors in at.values() for pair in itertools.combinations(sorted(actors), 2)}
    designations = [d for d in store.event_rows("designations") if d.entity_id in actor_of]
    listed = {
        (actor_of[d.entity_id], d.kind, d.listing_id)
        for d in designations
        if d.kind in ("listed", "alias")
    }
    claims = {
        (actor_of[d.entity_id], d.kind, d.listing_id)
        for d in designations
        if d.kind in ("claimed_front", "linked_person")
    }
    return {
        "actors": len(set(actor_of.values())),
        "actor_ids": set(actor_of.values()),
        "designated": len({a for a, _, _ in listed}),
        "events": len(set(occasion_of.values())),
        "event_ids": set(occasion_of.values()),
        "participations": len(participations),
        "relations": len(relations),
        "relation_edges": len({r for r in relations if r[3] is not None}),
        "relation_statements": statements,
        "coappearances": len(pairs),
        "sanctions": len(listed),
        "claims": len(claims),
        "claimed_actors": {a for a, _, _ in claims},
        "documents": len(store.documents()),
        "event_statements": len(store.event_rows("event_evidence")),
    }


@pytest.fixture(scope="session")
def hamas(store) -> str:
    """The actor id of Hamas (an organisation in the example corpus and the sample)."""
    cluster = {r.entity_id: r.cluster_id for r in store.entity_cluster_rows()}
    found = sorted(cluster[e.id] for e in store.entities(cluster) if e.name == "Hamas")
    assert found
    return found[0]
