import sqlite3

import pytest

from footprint.errors import FootprintError
from footprint.model import Rejected
from footprint.store import SQLiteStore

TEXT = (
    "Tariq Durrani, head of Tehreek-e-Nizam, met Yasir Haddad, Hezbollah's envoy in Baghdad. "
    "Durrani later spoke to reporters."
)


@pytest.fixture
def store(tmp_path):
    s = SQLiteStore(tmp_path / "sub" / "fp.db")
    yield s
    s.close()


def test_write_and_read_back(store, analyse):
    result = analyse(TEXT, doc_id="doc-1")
    store.write(result)
    assert [d["id"] for d in store.documents()] == ["doc-1"]
    mentions = store.mentions(["doc-1"])
    assert {m["name"] for m in mentions} >= {"Tariq Durrani", "Durrani", "Yasir Haddad"}
    for m in mentions:
        assert TEXT[m["start"] : m["end"]] == m["text"]
    assert {r["predicate"] for r in store.relations(["doc-1"])} == {"leader_of", "represents"}


def test_rewriting_a_document_changes_nothing(store, analyse):
    result = analyse(TEXT, doc_id="doc-1")
    store.write(result)
    before = store.dump()
    store.write(analyse(TEXT, doc_id="doc-1"))
    assert store.dump() == before


def test_failed_write_leaves_nothing(store, analyse, monkeypatch):
    result = analyse(TEXT, doc_id="doc-1")
    original = SQLiteStore._drop_orphans

    def boom(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SQLiteStore, "_drop_orphans", boom)
    with pytest.raises(RuntimeError):
        store.write(result)
    monkeypatch.setattr(SQLiteStore, "_drop_orphans", original)
    assert all(rows == [] for rows in store.dump().values())


def test_entities_shared_across_documents_and_orphans_dropped(store, analyse):
    store.write(analyse(TEXT, doc_id="doc-1"))
    store.write(analyse("Yasir Haddad returned to Beirut on Sunday.", doc_id="doc-2"))
    haddad = [m["entity_id"] for m in store.mentions() if m["name"] == "Yasir Haddad"]
    assert len(set(haddad)) == 1 and len(haddad) == 2
    # Re-analysing doc-1 as an unrelated text drops entities nothing refers to any more.
    store.write(analyse("The weather was mild across the region.", doc_id="doc-1"))
    names = {row.name for row in store.entities(m.entity_id for m in store.mentions())}
    assert "Tariq Durrani" not in names and "Yasir Haddad" in names


def test_rejections_recorded(store):
    store.record_rejection(Rejected("a.txt", "empty (no text)"))
    store.record_rejection(Rejected("a.txt", "binary file"))
    assert [(r["source"], r["reason"]) for r in store.rejections()] == [("a.txt", "binary file")]


def test_unusable_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(FootprintError, match="not-a-db.db"):
        SQLiteStore(bad)


def test_other_schema_version_refused(tmp_path):
    path = tmp_path / "old.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    with pytest.raises(FootprintError, match="schema"):
        SQLiteStore(path)
