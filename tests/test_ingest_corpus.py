"""`footprint ingest` on the example corpus: resumable, duplicates, near-duplicates, workers,
cross-document resolution and the user's judgements."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import SQLStore, open_store
from tests.backends import store_target
from tests.conftest import CORPUS

runner = CliRunner()
pytestmark = pytest.mark.store  # every test here writes a store


def _store(tmp_path, name="fp.db"):
    """A new store on the backend under test (a SQLite file, or a PostgreSQL schema)."""
    return open_store(store_target(tmp_path / name))


def _settings(tmp_path):
    return Settings.from_env({}).with_db(tmp_path / "fp.db")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, shared_db_target):
    tmp = tmp_path_factory.mktemp("corpus")
    store = open_store(shared_db_target(tmp / "fp.db"))
    report = ingest_corpus([CORPUS], _settings(tmp), store)
    yield tmp, store, report
    store.close()


def test_ingest_stores_every_document_and_resolves(ingested):
    _, store, report = ingested
    assert len(report.stored) == 10 and not report.rejected
    assert report.words > 2000 and report.resolution is not None
    assert report.resolution.entity_clusters < report.resolution.entities


def test_rerun_skips_everything_and_changes_nothing(ingested, tmp_path):
    tmp, store, _ = ingested
    before = store.dump()
    again = ingest_corpus([CORPUS], _settings(tmp), store)
    assert again.stored == [] and again.already_stored == 10
    assert store.dump() == before


def _clusters_named(store, *names):
    """The cluster rows of the entities with these names."""
    named = {e.id for e in store.entities(m.entity_id for m in store.mentions()) if e.name in names}
    return [r for r in store.entity_cluster_rows() if r.entity_id in named]


def test_spelling_variants_are_one_actor_with_a_reason(ingested):
    _, store, _ = ingested
    rows = _clusters_named(store, "Yousef al-Qadi", "Yusuf al-Qadi")
    assert len(rows) == 2 and rows[0]["cluster_id"] == rows[1]["cluster_id"]
    assert any(r["reason"] and "transliteration" in r["reason"] for r in rows)


def test_shorter_form_joins_through_shared_context(ingested):
    _, store, _ = ingested
    rows = _clusters_named(store, "Javed Qureshi", "Javed Iqbal Qureshi")
    assert len(rows) == 2 and rows[0]["cluster_id"] == rows[1]["cluster_id"]
    # Both are tied to Jamaat-e-Islami, and both reports tell of the same rally; the join by a
    # shared occasion alone is tested in tests/resolve.
    assert any(r["reason"] and "shorter form" in r["reason"] for r in rows)


def test_one_rally_in_two_outlets_is_one_event_with_both_sources(ingested):
    _, store, _ = ingested
    info = [
        (json.loads(r["documents"]), r["independent_sources"])
        for r in store.event_cluster_info()
    ]
    merged = [(docs, n) for docs, n in info if len(docs) > 1]
    assert merged and all(n == len(docs) for docs, n in merged)
    paths = {r.id: r.path for r in store.documents()}
    pairs = [sorted(paths[d].rsplit("/", 1)[-1] for d in docs) for docs, _ in merged]
    assert ["lahore-gaza-rally.txt", "wire-story.html"] in pairs


def test_two_outlets_giving_different_days_are_one_event_with_the_conflict_kept(ingested):
    _, store, _ = ingested
    rows = [
        (json.loads(r["documents"]), json.loads(r["conflicts"]))
        for r in store.event_cluster_info()
    ]
    conflicted = [(docs, c) for docs, c in rows if c]
    assert len(conflicted) == 1
    ((docs, (conflict,)),) = conflicted
    # The TLP press conference: May 16 in the .txt, May 15 in the JSONL note.
    assert "note-001" in docs and "2024-05-15" in conflict and "2024-05-16" in conflict


def test_exact_and_near_duplicates(tmp_path):
    src = CORPUS / "lahore-gaza-rally.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / "a.txt")
    shutil.copy(src, folder / "b-same-text.txt")
    text = src.read_text("utf-8")
    # A lightly edited reprint: one sentence dropped at the end, a word changed.
    edited = text.replace("Police", "Police officers", 1).rsplit(".", 2)[0] + "."
    (folder / "c-reprint.txt").write_text(edited, "utf-8")
    store = _store(tmp_path)
    report = ingest_corpus([folder], _settings(tmp_path), store)
    assert len(report.stored) == 2 and report.exact_duplicates == 1
    assert report.near_duplicates == 1
    (row,) = store.near_duplicates()
    assert row["similarity"] >= 0.8
    # The reprint's events join the original's, yet count as one independent source.
    counted = [
        (len(json.loads(r["documents"])), r["independent_sources"])
        for r in store.event_cluster_info()
    ]
    assert (2, 1) in counted
    store.close()


def test_interrupted_ingest_resumes_without_loss(tmp_path, monkeypatch):
    store = _store(tmp_path)
    real_write = SQLStore.write
    calls = {"n": 0}

    def failing_write(self, result, **kw):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt  # the user pressed Ctrl-C mid-corpus
        return real_write(self, result, **kw)

    monkeypatch.setattr(SQLStore, "write", failing_write)
    with pytest.raises(KeyboardInterrupt):
        ingest_corpus([CORPUS], _settings(tmp_path), store)
    monkeypatch.setattr(SQLStore, "write", real_write)
    assert len(store.documents()) == 3
    resumed = ingest_corpus([CORPUS], _settings(tmp_path), store)
    assert resumed.already_stored == 3 and len(resumed.stored) == 7
    reference = _store(tmp_path, "ref.db")
    ingest_corpus([CORPUS], _settings(tmp_path), reference)
    assert store.dump() == reference.dump()
    store.close()
    reference.close()


def test_two_workers_store_the_same_as_one(ingested, tmp_path):
    _, one, _ = ingested
    store = _store(tmp_path)
    report = ingest_corpus([CORPUS], _settings(tmp_path), store, workers=2)
    assert len(report.stored) == 10
    assert store.dump() == one.dump()
    store.close()


def test_bad_input_is_named_and_the_rest_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("", "utf-8")
    shutil.copy(CORPUS / "hezbollah-qassem-statement.txt", folder / "ok.txt")
    store = _store(tmp_path)
    report = ingest_corpus([folder], _settings(tmp_path), store)
    assert len(report.stored) == 1
    assert [r.source.rsplit("/", 1)[-1] for r in report.rejected] == ["empty.txt"]
    store.close()


def test_merge_and_split_persist_across_reingest(db_target):
    db = db_target()
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Resolved (the whole corpus):" in result.output

    def cluster_of(name):
        store = open_store(db)
        try:
            (row,) = _clusters_named(store, name)
            return row.cluster_id
        finally:
            store.close()

    assert cluster_of("Yusuf al-Qadi") == cluster_of("Yousef al-Qadi")
    result = runner.invoke(app, ["split", "Yusuf al-Qadi", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert cluster_of("Yusuf al-Qadi") != cluster_of("Yousef al-Qadi")
    result = runner.invoke(app, ["merge", "Tahir Mehmood", "Saad Hussain Rizvi", "--db", str(db)])
    assert result.exit_code == 0, result.output
    # Re-ingesting (here: nothing new) keeps both judgements, as does resolving it all again.
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db)])
    assert "Resolved (nothing new):" in result.output
    assert cluster_of("Yusuf al-Qadi") != cluster_of("Yousef al-Qadi")
    assert cluster_of("Tahir Mehmood") == cluster_of("Saad Hussain Rizvi")
    result = runner.invoke(app, ["ingest", str(CORPUS), "--resolve-all", "--db", str(db)])
    assert "Resolved (the whole corpus):" in result.output
    assert cluster_of("Yusuf al-Qadi") != cluster_of("Yousef al-Qadi")
    assert cluster_of("Tahir Mehmood") == cluster_of("Saad Hussain Rizvi")


def test_merge_of_unknown_name_says_what_is_near(tmp_path):
    db = store_target(tmp_path / "fp.db")
    runner.invoke(app, ["ingest", str(CORPUS / "lahore-gaza-rally.txt"), "--db", str(db)])
    result = runner.invoke(app, ["merge", "Yousef al-Qadl", "Qureshi", "--db", str(db)])
    assert result.exit_code == 2
    assert "no actor named 'Yousef al-Qadl'" in result.output


def test_a_near_copy_of_a_failed_document_is_not_linked_to_it(tmp_path):
    from footprint.model import Rejected
    from footprint.pipeline.engines import LocalEngine
    from footprint.pipeline.processor import Processor

    src = CORPUS / "lahore-gaza-rally.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / "a.txt")
    edited = src.read_text("utf-8").replace("Police", "Police officers", 1)
    (folder / "b-reprint.txt").write_text(edited, "utf-8")

    class FailsOnA(Processor):  # the original's extraction fails
        def process(self, documents):
            for item in super().process(documents):
                if not isinstance(item, Rejected) and item.document.path.endswith("a.txt"):
                    yield Rejected(item.document.path, "extraction failed (test)")
                else:
                    yield item

    settings = _settings(tmp_path)
    store = _store(tmp_path)
    engine = LocalEngine(settings, FailsOnA.from_settings(settings))
    report = ingest_corpus([folder], settings, store, engine=engine)
    assert len(report.stored) == 1 and len(report.rejected) == 1
    assert report.near_duplicates == 0 and store.near_duplicates() == []
    store.close()


def test_a_later_run_never_replaces_a_stored_text_that_had_the_same_id(tmp_path):
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_text(json.dumps({"id": "note-1", "text": "Police in Lahore arrested two men on Monday."}) + "\n", "utf-8")
    second.write_text(json.dumps({"id": "note-1", "text": "Protesters blocked a road in Karachi on Friday."}) + "\n", "utf-8")
    store = _store(tmp_path)
    ingest_corpus([first], _settings(tmp_path), store)
    report = ingest_corpus([second], _settings(tmp_path), store)
    ids = sorted(d.id for d in store.documents())
    assert len(ids) == 2 and ids[0] == "note-1" and ids[1].startswith("note-1~")
    assert report.stored == [ids[1]]
    # Both texts are kept, and a rerun of either file changes nothing.
    before = store.dump()
    again = ingest_corpus([first, second], _settings(tmp_path), store)
    assert again.stored == [] and store.dump() == before
    store.close()


def test_a_near_copy_stored_by_another_writer_meanwhile_is_still_one_source(tmp_path):
    """Two ingests at once: each signs its texts against the store as it was when it began, so
    neither links the other's near-copy; resolution finds the pair from the stored signatures."""
    from footprint import ingest
    from footprint.ingest.dedup import signature
    from footprint.pipeline.processor import Processor
    from footprint.resolve.corpus import resolve_store

    src = CORPUS / "lahore-gaza-rally.txt"
    edited = src.read_text("utf-8").replace("Police", "Police officers", 1).rsplit(".", 2)[0] + "."
    (tmp_path / "a").mkdir()
    shutil.copy(src, tmp_path / "a" / "original.txt")
    reprint = tmp_path / "reprint.txt"
    reprint.write_text(edited, "utf-8")
    settings = _settings(tmp_path)
    store = _store(tmp_path)
    ingest_corpus([tmp_path / "a"], settings, store, resolve=False)
    # The other writer began on the empty store: it stores the reprint signed but unlinked.
    (document,) = ingest.load([reprint])
    (result,) = Processor.from_settings(settings).process([document])
    store.write(result, signature=signature(document.text).tobytes())
    assert store.near_duplicates() == []
    resolve_store(store)
    counted = [
        (len(json.loads(r.documents)), r.independent_sources) for r in store.event_cluster_info()
    ]
    assert (2, 1) in counted
    store.close()
