"""The store contract, run against every backend: SQLite always, PostgreSQL where a server is
given (tests/backends.py). Whatever a backend is, it must read back what was written, as the
same typed records, and replace, roll back and migrate the same way."""

import threading

import pytest

from footprint.errors import FootprintError
from footprint.model import Rejected
from footprint.store import SQLStore, open_store
from footprint.store.records import DocumentRow, EntityRow, MentionRow
from footprint.store.sql import SCHEMA_VERSION
from tests.backends import store_target

TEXT = (
    "Tariq Durrani, head of Tehreek-e-Nizam, met Yasir Haddad, Hezbollah's envoy in Baghdad. "
    "Durrani later spoke to reporters."
)
BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path):
    return store_target(tmp_path / "sub" / "fp.db", request.param)


@pytest.fixture
def store(target):
    s = open_store(target)
    yield s
    s.close()


def test_write_and_read_back_as_typed_records(store, analyse):
    store.write(analyse(TEXT, doc_id="doc-1"))
    (doc,) = store.documents()
    assert isinstance(doc, DocumentRow) and doc.id == "doc-1" and doc.text == TEXT
    mentions = store.mentions(["doc-1"])
    assert all(isinstance(m, MentionRow) for m in mentions)
    assert {m.name for m in mentions} >= {"Tariq Durrani", "Durrani", "Yasir Haddad"}
    for m in mentions:
        assert TEXT[m.start : m.end] == m.text and m["text"] == m.text
    assert {r.predicate for r in store.relations(["doc-1"])} == {"leader_of", "represents"}
    entities = store.entities({m.entity_id for m in mentions})
    assert all(isinstance(e, EntityRow) for e in entities)
    assert [e.id for e in entities] == sorted(e.id for e in entities)


def test_rewriting_a_document_changes_nothing(store, analyse):
    store.write(analyse(TEXT, doc_id="doc-1"))
    before = store.dump()
    store.write(analyse(TEXT, doc_id="doc-1"))
    assert store.dump() == before


def test_failed_write_leaves_nothing(store, analyse, monkeypatch):
    result = analyse(TEXT, doc_id="doc-1")

    def boom(self, *args):  # the last step of a write, whatever it is given
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SQLStore, "_drop_orphans", boom)
    with pytest.raises(RuntimeError):
        store.write(result)
    monkeypatch.undo()
    assert all(rows == [] for table, rows in store.dump().items())
    # The store is still usable after the rollback.
    store.write(result)
    assert [d.id for d in store.documents()] == ["doc-1"]


def test_entities_shared_across_documents_and_orphans_dropped(store, analyse):
    store.write(analyse(TEXT, doc_id="doc-1"))
    store.write(analyse("Yasir Haddad returned to Beirut on Sunday.", doc_id="doc-2"))
    haddad = [m.entity_id for m in store.mentions() if m.name == "Yasir Haddad"]
    assert len(set(haddad)) == 1 and len(haddad) == 2
    # Re-analysing doc-1 as an unrelated text drops entities nothing refers to any more.
    store.write(analyse("The weather was mild across the region.", doc_id="doc-1"))
    names = {row.name for row in store.entities(m.entity_id for m in store.mentions())}
    assert "Tariq Durrani" not in names and "Yasir Haddad" in names
    all_ids = {e["id"] for e in store.resolution_inputs()["entities"]}
    assert all_ids == {m.entity_id for m in store.mentions()} | {
        p.entity_id for p in store.event_rows("event_participants")
    }


def test_rejections_recorded(store):
    store.record_rejection(Rejected("a.txt", "empty (no text)"))
    store.record_rejection(Rejected("a.txt", "binary file"))
    assert [(r.source, r.reason) for r in store.rejections()] == [("a.txt", "binary file")]


def test_judgements_and_ratings(store):
    store.add_judgement("ent-b", "ent-a", "same", "one person")
    store.add_judgement("ent-a", "ent-b", "different")
    assert store.judgements() == [("ent-a", "ent-b", "different")]
    store.rate_source("Dawn", "b")
    assert store.source_ratings() == {"Dawn": "B"}
    with pytest.raises(FootprintError, match="A-F"):
        store.rate_source("Dawn", "Z")


def test_signatures_hashes_and_near_duplicates(store, analyse):
    from footprint.store.sql import content_hash

    store.write(analyse(TEXT, doc_id="doc-1"), signature=b"\x00\x01\xff")
    store.write(analyse(TEXT + " More.", doc_id="doc-2"), near_duplicate_of=("doc-1", 0.9))
    assert list(store.signatures()) == [("doc-1", b"\x00\x01\xff")]
    assert store.document_for_hash(content_hash(TEXT)) == "doc-1"
    assert store.document_for_hash("txt-none") is None
    (near,) = store.near_duplicates()
    assert (near.document_id, near.duplicate_of, near.similarity) == ("doc-2", "doc-1", 0.9)


def test_clusters_replaced_whole(store, analyse):
    store.write(analyse(TEXT, doc_id="doc-1"))
    ids = sorted({m.entity_id for m in store.mentions()})
    events = store.events()
    store.replace_clusters(
        [(ids[0], ids[1], "same name")], [(e.id, e.id) for e in events], []
    )
    assert store.cluster_of([ids[0], ids[1]]) == {ids[0]: ids[1], ids[1]: ids[1]}
    assert store.cluster_members([ids[1]]) == [ids[0], ids[1]]
    # Entities not named stand alone; a second replacement forgets the first.
    assert {r.entity_id for r in store.entity_cluster_rows()} >= set(ids)
    store.replace_clusters([], [], [("ev-x", ["doc-1"], 1, [])])
    assert store.cluster_of([ids[0]]) == {ids[0]: ids[0]}
    (info,) = store.event_cluster_info()
    assert (info.cluster_id, info.independent_sources) == ("ev-x", 1)


def test_reads_in_many_chunks_keep_their_order(store, analyse):
    store.write(analyse(TEXT, doc_id="doc-1"))
    real = [m.entity_id for m in store.mentions()]
    wanted = [f"ent-missing-{i:04d}" for i in range(1200)] + real
    assert [e.id for e in store.entities(wanted)] == sorted(set(real))


def test_a_new_store_is_at_the_current_schema(store):
    assert store.schema_version() == SCHEMA_VERSION


def test_two_writers_are_serialised(target, analyse):
    """Writers in two connections (threads here, processes in a team) never interleave a
    document's delete-then-insert."""
    results = [analyse(TEXT, doc_id=f"doc-{i}") for i in range(4)]
    errors: list[BaseException] = []
    open_store(target).close()  # the store exists before the writers start, as in a team

    def write(result):
        s = open_store(target)
        try:
            for _ in range(3):
                s.write(result)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            s.close()

    threads = [threading.Thread(target=write, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    s = open_store(target)
    assert [d.id for d in s.documents()] == ["doc-0", "doc-1", "doc-2", "doc-3"]
    s.close()


def test_both_backends_store_the_same_rows(tmp_path, analyse):
    from tests.backends import fresh_postgres_target

    texts = [TEXT, "Yasir Haddad returned to Beirut on Sunday."]
    stores = [open_store(tmp_path / "a.db"), open_store(fresh_postgres_target())]
    try:
        for s in stores:
            for i, text in enumerate(texts):
                s.write(analyse(text, doc_id=f"doc-{i}"), signature=bytes([i, 255]))
            s.rate_source("Dawn", "A")
        assert stores[0].dump() == stores[1].dump()
    finally:
        for s in stores:
            s.close()


def test_migration_from_the_schemas_before(target, analyse):
    # Schema 6 had no events.parties and schema 7 no signature bands: a store made then gains
    # the column and the bands, keeps its events, stores the parties of what it reads next, and
    # asks for a whole resolution (its entity keys are not there yet).
    from footprint.ingest.dedup import signature

    s = open_store(target)
    text = "Gunmen attacked a police post in Quetta on 3 May 2024."
    s.write(analyse(text, doc_id="old"), signature=signature(text).tobytes())
    rally = "Tariq Anwar, the leader of the United Workers Front, addressed a rally in Lahore."
    s.write(analyse(rally, doc_id="old-rally"))
    assert s._tuples("SELECT count(*) FROM entity_ties")[0][0] > 0
    with s.transaction():
        # (renamed, not dropped: SQLite cannot drop a column its CREATE text comments on)
        s._execute("ALTER TABLE events RENAME COLUMN parties TO parties_before")
        s._execute("UPDATE events SET parties_before = NULL")
        s._execute("DELETE FROM signature_bands")
        s._execute("DELETE FROM entity_aliases")
        s._execute("DELETE FROM entity_ties")
        s._execute("UPDATE meta SET value = '0' WHERE key = 'resolve_all'")
        s._execute("UPDATE meta SET value = '6' WHERE key = 'schema'")
    s.close()
    s = open_store(target)
    try:
        assert s.schema_version() == SCHEMA_VERSION == 8
        assert s._tuples("SELECT count(*) FROM events WHERE parties IS NULL") == [(2,)]
        assert s._tuples("SELECT count(*) FROM signature_bands") == [(32,)]
        assert s._tuples("SELECT count(*) FROM entity_aliases") == s._tuples(
            "SELECT count(*) FROM (SELECT DISTINCT entity_id, name FROM mentions) m"
        )
        assert s._tuples("SELECT count(*) FROM entity_ties")[0][0] > 0
        assert s.wants_whole_resolution()
        s.write(analyse(text, doc_id="new"))
        (found,) = s._tuples("SELECT parties FROM events WHERE document_id = 'new'")
        assert "Gunmen" in found[0]
    finally:
        s.close()


def test_a_newer_schema_is_refused(target):
    s = open_store(target)
    with s.transaction():
        s._execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    s.close()
    with pytest.raises(FootprintError, match="schema 99"):
        open_store(target)


def test_clusters_are_marked_out_of_date_until_resolved(store, analyse):
    assert not store.needs_resolution()  # an empty store has nothing to resolve
    store.write(analyse(TEXT, doc_id="doc-1"))
    assert store.needs_resolution()
    read_at = store.writes_counted()
    store.write(analyse("Yasir Haddad returned to Beirut on Sunday.", doc_id="doc-2"))
    # Clusters built from inputs read before doc-2 was written are still out of date.
    store.replace_clusters([], [], [], resolved_at=read_at)
    assert store.needs_resolution()
    store.replace_clusters([], [], [], resolved_at=store.writes_counted())
    assert not store.needs_resolution()


def test_reads_in_many_chunks_from_a_generator_keep_their_order(store, analyse):
    store.write(analyse(TEXT, doc_id="doc-1"))
    real = sorted({m.entity_id for m in store.mentions()})
    wanted = (e for e in [*reversed(real), *(f"ent-missing-{i:04d}" for i in range(1200))])
    # Over 500 values, given once by a generator: read in chunks, handed back as one sorted list.
    assert [e.id for e in store.entities(wanted)] == real
    mentions = store.mentions(d for d in ["doc-1", *(f"doc-x{i:04d}" for i in range(1200))])
    assert [(m.start, m.end) for m in mentions] == sorted((m.start, m.end) for m in mentions)


def test_unnamed_parties_reach_the_dossier_with_their_evidence(store, analyse):
    from footprint.analysis.dossier import build

    store.write(analyse("Gunmen attacked a police post in Quetta on 3 May 2024.", doc_id="p"))
    (event,) = [e for e in build(store)["events"] if not e["background"]]
    (party,) = event["parties"]
    assert (party["text"], party["role"]) == ("Gunmen", "perpetrator")
    assert party["evidence"]["start"] == 0 and party["evidence"]["text"] == "Gunmen"
