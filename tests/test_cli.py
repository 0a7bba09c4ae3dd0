"""The command line as a user runs it: real files, a real database, the JSON contract."""

import json

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.store import SQLiteStore
from tests.conftest import CORPUS

runner = CliRunner()

ARTICLE = (
    "Envoy tours the north\n\n"
    "Yasir Haddad, Hezbollah's envoy in Baghdad, visited the city of Mosul on Monday. "
    "According to local media, Haddad met Tariq Durrani, head of Tehreek-e-Nizam.\n"
)
EV_KEYS = {"document", "start", "end", "text", "attribution"}


def _analyze(*args, env=None):
    return runner.invoke(app, ["analyze", *map(str, args)], env=env)


def test_analyze_writes_database_and_json_contract(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    db, out = tmp_path / "fp.db", tmp_path / "out" / "dossier.json"
    result = _analyze(src, "--db", db, "--json", out, "--published", "2024-03-04")
    assert result.exit_code == 0, result.output
    assert "Yasir Haddad" in result.output and str(db) in result.output
    data = json.loads(out.read_text("utf-8"))
    assert set(data) >= {"documents", "entities", "relations", "events"}
    (doc,) = data["documents"]
    assert set(doc) >= {"id", "title", "author", "published", "path"}
    assert doc["published"] == "2024-03-04" and doc["title"] == "Envoy tours the north"
    for entity in data["entities"]:
        assert set(entity) >= {"id", "type", "name", "aliases", "mentions"}
        assert entity["type"] in {"person", "organization", "place", "other"}
        for ev in entity["mentions"]:
            assert set(ev) >= EV_KEYS and ARTICLE[ev["start"] : ev["end"]] == ev["text"]
    rel = next(r for r in data["relations"] if r["predicate"] == "leader_of")
    assert set(rel) >= {"subject", "predicate", "object", "role", "qualifiers", "evidence"}
    assert rel["evidence"][0]["attribution"] == "According to local media"
    haddad = next(e for e in data["entities"] if e["name"] == "Yasir Haddad")
    assert "Haddad" in haddad["aliases"]


def test_json_to_stdout_is_pure_json(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    result = runner.invoke(
        app, ["analyze", str(src), "--db", str(tmp_path / "x.db"), "--json", "-"]
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"][0]["title"] == "Envoy tours the north"


def test_database_from_environment(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    db = tmp_path / "env.db"
    result = _analyze(src, env={"FOOTPRINT_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_bad_inputs_reported_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\xff\x00")
    db = tmp_path / "fp.db"
    result = _analyze(empty, good, binary, "--db", db)
    assert result.exit_code == 0
    assert "empty.txt: empty" in result.output and "blob.txt: binary" in result.output
    store = SQLiteStore(db)
    assert len(store.documents()) == 1 and len(store.rejections()) == 2


def test_all_inputs_failing_exits_non_zero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    result = _analyze(empty, tmp_path / "missing.txt", "--db", tmp_path / "fp.db")
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.output


def test_bad_published_date_is_refused(tmp_path):
    result = _analyze(tmp_path, "--published", "March 4", "--db", tmp_path / "fp.db")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_example_corpus_end_to_end(tmp_path):
    out = tmp_path / "d.json"
    result = _analyze(CORPUS, "--db", tmp_path / "fp.db", "--json", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert len(data["documents"]) == 10 and data["rejected"] == []
    predicates = {r["predicate"] for r in data["relations"]}
    assert {
        "leader_of",
        "represents",
        "front_of",
        "relative_of",
        "works_for",
        "member_of",
    } <= predicates


def test_screen_command_marks_listed_and_possible(tmp_path):
    result = runner.invoke(
        app, ["screen", "Lashkar-e-Taiba"], env={"FOOTPRINT_LISTS_DIR": str(tmp_path / "lists")}
    )
    assert result.exit_code == 0, result.output
    assert "LISTED" in result.output and "Lashkar" in result.output.replace("\n", "")


def test_watchlist_import_joins_screening(tmp_path):
    watch = tmp_path / "mine.csv"
    watch.write_text(
        "name,aliases,type\nTehreek-e-Nizam,TeN;Nizam Movement,organization\n", "utf-8"
    )
    env = {"FOOTPRINT_LISTS_DIR": str(tmp_path / "lists")}
    imported = runner.invoke(app, ["lists", "import", str(watch)], env=env)
    assert imported.exit_code == 0, imported.output
    screened = runner.invoke(app, ["screen", "Tehreek-e-Nizam"], env=env)
    assert "LISTED" in screened.output


def test_lists_update_refuses_a_file_it_cannot_read(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello", "utf-8")
    result = runner.invoke(
        app, ["lists", "update", str(bad)], env={"FOOTPRINT_LISTS_DIR": str(tmp_path / "lists")}
    )
    assert result.exit_code == 1 and "notes.txt" in result.output


def test_json_carries_designations_and_co_appearances(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(
        "On March 3, 2024, Yasir Haddad spoke at a rally in Lahore hosted by Hamas.\n", "utf-8"
    )
    out = tmp_path / "d.json"
    result = _analyze(src, "--db", tmp_path / "fp.db", "--json", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    hamas = next(e for e in data["entities"] if e["name"] == "Hamas")
    listed = [d for d in hamas["designations"] if d["kind"] == "listed"]
    assert listed and {
        "list",
        "program",
        "listed_name",
        "listed_on",
        "score",
        "explanation",
        "source",
    } <= set(listed[0])
    (event,) = data["events"]
    assert {"entity", "kind", "as_of"} <= set(event["designated_participants"][0])
    assert any(a["with_name"] == "Hamas" for a in data["co_appearances"])


QUERIES = {
    "profile": ["profile", "Yusuf al-Qadi"],
    "network": ["network"],
    "path": ["path", "Hamas", "Hezbollah"],
    "timeline": ["timeline"],
    "export": ["export", "-o", "{tmp}/out.json"],
    "brief": ["brief", "-o", "{tmp}/brief.html"],
    "merge": ["merge", "Hamas", "Hezbollah"],
    "split": ["split", "Hamas"],
    "sources rate": ["sources", "rate", "example.com", "A"],
    "sources list": ["sources", "list"],
}


@pytest.mark.parametrize("command", list(QUERIES))
def test_query_on_a_missing_database_is_an_error_not_a_new_store(tmp_path, command):
    db = tmp_path / "nowhere" / "fp.db"
    args = [a.format(tmp=tmp_path) for a in QUERIES[command]]
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert f"{db}: no such database" in result.output
    assert not db.exists() and not db.parent.exists()


def test_queries_say_when_the_store_was_not_resolved(tmp_path):
    from footprint.pipeline.corpus import ingest_corpus
    from footprint.settings import Settings
    from footprint.store import open_store

    db = tmp_path / "fp.db"
    store = open_store(db)
    # An ingest stopped before its resolution: documents stored, clusters not rebuilt.
    ingest_corpus([CORPUS / "lahore-gaza-rally.txt"], Settings(db=db), store, resolve=False)
    store.close()
    stale = runner.invoke(app, ["timeline", "--db", str(db)])
    assert stale.exit_code == 0 and "last resolved" in stale.output
    assert runner.invoke(app, ["ingest", str(CORPUS / "lahore-gaza-rally.txt"), "--db", str(db)]).exit_code == 0
    fresh = runner.invoke(app, ["timeline", "--db", str(db)])
    assert fresh.exit_code == 0 and "last resolved" not in fresh.output


def test_version_flag_and_python_dash_m():
    import subprocess
    import sys

    from footprint import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == __version__
    ran = subprocess.run(
        [sys.executable, "-m", "footprint", "--version"], capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 0 and ran.stdout.strip() == __version__
    helped = subprocess.run(
        [sys.executable, "-m", "footprint", "--help"], capture_output=True, text=True, timeout=120
    )
    assert helped.returncode == 0 and "Usage: footprint" in helped.stdout


def test_every_country_option_takes_a_name_and_refuses_an_unknown_one(tmp_path):
    db = tmp_path / "fp.db"
    assert runner.invoke(app, ["ingest", str(CORPUS / "lahore-gaza-rally.txt"), "--db", str(db)]).exit_code == 0
    by_name = runner.invoke(app, ["timeline", "--country", "Pakistan", "--db", str(db), "--json", "-"])
    by_code = runner.invoke(app, ["timeline", "--country", "pk", "--db", str(db), "--json", "-"])
    assert by_name.exit_code == 0 and json.loads(by_name.stdout) == json.loads(by_code.stdout)
    assert json.loads(by_name.stdout)["events"]
    for command in (["timeline"], ["export", "-o", str(tmp_path / "x.json")], ["brief", "-o", str(tmp_path / "b.html")]):
        result = runner.invoke(app, [*command, "--country", "Narnia", "--db", str(db)])
        assert result.exit_code == 2 and "unknown country 'Narnia'" in result.output, command


def test_shell_completion_is_offered():
    result = runner.invoke(app, ["--show-completion", "bash"], prog_name="footprint")
    assert result.exit_code == 0 and "_footprint_completion" in result.output
