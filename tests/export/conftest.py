"""One store per test session, built from the example corpus (and the reference article where
../shared has it), exported once in every format through the CLI."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import SQLiteStore
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
def db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("export")
    path = tmp / "fp.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTPRINT_LISTS_DIR", str(tmp / "user-lists"))
        store = SQLiteStore(path)
        inputs = [CORPUS] + ([SAMPLE] if SAMPLE.exists() else [])
        ingest_corpus(inputs, Settings.from_env({}).with_db(path), store)
        store.close()
    return path


@pytest.fixture(scope="session")
def store(db):
    s = SQLiteStore(db)
    yield s
    s.close()


def run_export(db: Path, *args: str) -> Any:
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
    """What the store holds, counted with plain SQL (independently of the exporters)."""
    c = store.conn
    actor_of = {
        r[0]: r[1]
        for r in c.execute(
            "SELECT n.id, coalesce(k.cluster_id, n.id) FROM entities n "
            "LEFT JOIN entity_clusters k ON k.entity_id = n.id WHERE n.type IN ('person', 'organization')"
        )
    }
    occasion_of = {
        r[0]: r[1]
        for r in c.execute(
            "SELECT e.id, coalesce(k.cluster_id, e.id) FROM events e "
            "LEFT JOIN event_clusters k ON k.event_id = e.id"
        )
    }
    participations = {
        (occasion_of[r[0]], actor_of[r[1]])
        for r in c.execute("SELECT event_id, entity_id FROM event_participants")
        if r[1] in actor_of
    }
    relations = set()
    statements = 0
    for r in c.execute("SELECT subject_id, predicate, role, object_id FROM relations"):
        if r[0] not in actor_of or (r[3] is not None and r[3] not in actor_of):
            continue
        statements += 1
        relations.add((actor_of[r[0]], r[1], r[2], actor_of.get(r[3])))
    at: dict[str, set[str]] = {}
    for event, actor in participations:
        at.setdefault(event, set()).add(actor)
    pairs = {pair for actors in at.values() for pair in itertools.combinations(sorted(actors), 2)}
    listed = {
        (actor_of[r[0]], r[1], r[2])
        for r in c.execute(
            "SELECT entity_id, kind, listing_id FROM designations WHERE kind IN ('listed', 'alias')"
        )
        if r[0] in actor_of
    }
    claims = {
        (actor_of[r[0]], r[1], r[2])
        for r in c.execute(
            "SELECT entity_id, kind, listing_id FROM designations "
            "WHERE kind IN ('claimed_front', 'linked_person')"
        )
        if r[0] in actor_of
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
        "documents": c.execute("SELECT count(*) FROM documents").fetchone()[0],
        "event_statements": c.execute("SELECT count(*) FROM event_evidence").fetchone()[0],
    }


@pytest.fixture(scope="session")
def hamas(store) -> str:
    """The actor id of Hamas (an organisation in the example corpus and the sample)."""
    row = store.conn.execute(
        "SELECT coalesce(k.cluster_id, n.id) FROM entities n "
        "LEFT JOIN entity_clusters k ON k.entity_id = n.id WHERE n.name = 'Hamas'"
    ).fetchone()
    assert row is not None
    return row[0]
