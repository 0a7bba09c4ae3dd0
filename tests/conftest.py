"""Shared fixtures. Tests that need ../shared skip cleanly where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.extract.from_doc import extract
from footprint.model import Document, DocumentResult
from footprint.nlp.pipeline import build_pipeline
from footprint.settings import DEFAULT_MODEL
from footprint.store import SQLStore, open_store
from tests.backends import BACKEND, store_target

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "hamas-pakistan.txt"
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def nlp():
    return build_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def analyse(nlp):
    """Text -> DocumentResult through the real pipeline."""

    def run(text: str, doc_id: str = "doc-test") -> DocumentResult:
        return extract(nlp(text), Document(id=doc_id, text=text, path="test.txt"))

    return run


@pytest.fixture(scope="session")
def sample_text() -> str:
    if not SAMPLE.exists():
        pytest.skip(f"reference article not found at {SAMPLE}")
    return SAMPLE.read_text("utf-8")


def names_by_type(result: DocumentResult) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in result.entities:
        out.setdefault(e.type, set()).add(e.name)
    return out


def relation_tuples(result: DocumentResult) -> set[tuple[str, str, str | None, str]]:
    names = {e.id: e.name for e in result.entities}
    return {
        (names[r.subject], r.predicate, names.get(r.object) if r.object else None, r.role)
        for r in result.relations
    }


@pytest.fixture(scope="session", autouse=True)
def _isolated_default_lists(tmp_path_factory):
    """Settings made without the environment (`Settings.from_env({})`, `Settings(db=...)`)
    default to the user's own lists dir: point that default at an empty folder for the whole
    session (session-wide, so module-scoped fixtures that ingest get it too)."""
    import footprint.settings

    folder = tmp_path_factory.mktemp("default-user-lists")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(footprint.settings, "default_lists_dir", lambda: folder)
        yield


@pytest.fixture(autouse=True)
def _isolated_user_lists(tmp_path, monkeypatch):
    """Tests never read or write the developer's own watchlists or gazetteer choices: the
    command line reads FOOTPRINT_LISTS_DIR through `Settings.from_env()`."""
    monkeypatch.setenv("FOOTPRINT_LISTS_DIR", str(tmp_path / "user-lists"))


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "store: touches a store; runs on PostgreSQL with FOOTPRINT_TEST_BACKEND=postgres"
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        if {"db_target", "new_store", "shared_db_target"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.store)


@pytest.fixture
def db_target(tmp_path):
    """path -> the store target a test hands to `--db` or `open_store` (see tests/backends.py)."""

    def target(path: Path | None = None) -> str:
        return store_target(path or tmp_path / "fp.db", BACKEND)

    return target


@pytest.fixture(scope="session")
def shared_db_target():
    """path -> a store target for module- and session-scoped fixtures (see tests/backends.py)."""

    def target(path: Path) -> str:
        return store_target(path, BACKEND)

    return target


@pytest.fixture
def new_store(db_target):
    """path -> an open, empty store on the backend under test; closed after the test."""
    opened: list[SQLStore] = []

    def make(path: Path | None = None) -> SQLStore:
        store = open_store(db_target(path))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture(scope="session")
def dask_scheduler():
    """The address of one Dask LocalCluster (2 worker processes, 1 thread each) for the whole
    session: it takes seconds to start, and every dask test can share it."""
    pytest.importorskip("distributed")
    from footprint.pipeline.cluster import start_local_cluster

    cluster, client = start_local_cluster(2)
    try:
        yield cluster.scheduler_address
    finally:
        client.close()
        cluster.close()
