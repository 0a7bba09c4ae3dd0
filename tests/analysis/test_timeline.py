"""The timeline: one row per event cluster, in time order, filtered by actor, country, window."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from footprint.analysis.timeline import timeline
from footprint.cli import app
from footprint.errors import FootprintError
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store
from tests.analysis.test_network import _small
from tests.conftest import CORPUS

runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture
def small(new_store):
    return _small(new_store())


def test_one_row_per_cluster_in_time_order_undated_last(small):
    rows = timeline(small)["events"]
    assert [r["cluster"] for r in rows] == ["evt-2", "evt-1", "evt-3"]
    meeting, rally, statement = rows
    assert meeting["background"] is True and rally["background"] is False
    assert rally["events"] == ["evt-1", "evt-1b"]
    # The best-dated report gives the date and label; the cluster info the sources.
    assert rally["label"] == "rally in Lahore"
    assert rally["date"] == {
        "start": "2024-01-05",
        "end": "2024-01-05",
        "precision": "day",
        "text": "2024-01-05",
    }
    assert rally["place"]["country"] == "PK"
    assert (rally["documents"], rally["independent_sources"]) == (2, 2)
    assert rally["document_ids"] == ["doc-1", "doc-2"] and rally["conflicts"] == ["dates differ"]
    assert rally["evidence"][0]["sentence"] == "Thousands rallied in Lahore."
    who = {p["name"]: p["roles"] for p in rally["participants"]}
    assert who == {
        "Amal Haddad": ["speaker"],
        "Bilal Noor": ["participant"],
        "Open Hands Trust": ["host"],
    }
    host = next(p for p in rally["participants"] if p["name"] == "Open Hands Trust")
    assert host["evidence"] == [
        {
            "document": "doc-2",
            "sentence": "The march was hosted by Open Hands.",
            "attribution": None,
        }
    ]
    # A2 is reported under the actor A: the participant is the actor, named as the actor.
    assert "Amal Haddad" in {p["name"] for p in meeting["participants"]}
    assert statement["date"] is None
    json.dumps(timeline(small))


def test_actor_country_and_window_filters(small):
    # Chen Wei was only at the Tehran meeting; "A. Haddad" is an entity of actor Amal Haddad.
    assert [r["cluster"] for r in timeline(small, actor="Chen Wei")["events"]] == ["evt-2"]
    haddad = timeline(small, actor="A. Haddad")
    assert [r["cluster"] for r in haddad["events"]] == ["evt-2", "evt-1"]
    assert haddad["actor"]["entities"] == ["ent-a", "ent-a2"]
    assert [r["cluster"] for r in timeline(small, country="pk")["events"]] == ["evt-1"]
    window = timeline(small, since=dt.date(2024, 1, 1))
    assert [r["cluster"] for r in window["events"]] == ["evt-1"]  # undated left out
    assert window["filters"] == {
        "country": None,
        "since": "2024-01-01",
        "until": None,
        "types": None,
        "roles": None,
    }
    assert timeline(small, until=dt.date(2023, 12, 31))["events"][0]["cluster"] == "evt-2"
    assert timeline(small, actor="Chen Wei", country="PK")["events"] == []
    with pytest.raises(FootprintError, match="no actor named"):
        timeline(small, actor="Nobody Here")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared_db_target):
    tmp = tmp_path_factory.mktemp("timeline")
    target = shared_db_target(tmp / "fp.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTPRINT_LISTS_DIR", str(tmp / "user-lists"))
        store = open_store(target)
        ingest_corpus([CORPUS], Settings.from_env({}).with_db(target), store)
    yield target, store
    store.close()


def test_corpus_timeline(corpus):
    _, store = corpus
    rows = timeline(store)["events"]
    assert len(rows) == len({r.cluster_id for r in store.event_cluster_rows()}) == 8
    # "late 2023" in Peshawar with Khaled Mashal, told by the .txt and the wire story: one row.
    (peshawar,) = [r for r in rows if r["type"] == "gathering" and "Peshawar" in r["label"]]
    assert peshawar["documents"] == 2 and peshawar["date"]["precision"] == "approximate"
    dates = [r["date"]["start"] for r in rows]
    assert dates == sorted(dates) and rows[0]["label"] == "2017 Faizabad sit-in"
    rally = next(r for r in rows if r["label"] == "rally in Lahore")
    assert len(rally["events"]) == 2 and rally["independent_sources"] == 2
    roles = {p["name"]: p["roles"] for p in rally["participants"]}
    # The wire story: "a march organised by Pakistan's Jamaat-e-Islami party".
    assert roles["Hamas"] == ["speaker"] and roles["Jamaat-e-Islami"] == ["organizer"]
    assert {"Javed Iqbal Qureshi", "Yousef al-Qadi"} <= set(roles)


def test_corpus_timeline_filters(corpus):
    _, store = corpus
    # Her participation is in the note's report; the conference is one cluster of two reports.
    (conf,) = timeline(store, actor="Mushaal Mullick")["events"]
    assert "Muzaffarābād" in conf["label"] and conf["documents"] == 2
    (tehran,) = timeline(store, country="IR")["events"]
    assert "Tehran" in tehran["label"] and tehran["place"]["country"] == "IR"
    window = timeline(store, since=dt.date(2024, 1, 1), until=dt.date(2024, 4, 30))["events"]
    assert [r["date"]["start"] for r in window] == ["2024-02-05", "2024-04-14"]
    mashal = timeline(store, actor="Khaled Mashal")["events"]
    assert {r["place"]["name"] for r in mashal} == {"Peshawar"}


def test_cli_timeline(corpus):
    db, _ = corpus
    result = runner.invoke(app, ["timeline", "--db", str(db), "--country", "PK", "--json", "-"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["filters"]["country"] == "PK"
    assert data["events"] and all(e["place"]["country"] == "PK" for e in data["events"])
    shown = runner.invoke(app, ["timeline", "Hamas", "--db", str(db)])
    assert shown.exit_code == 0 and "rally in Lahore" in shown.output
    missing = runner.invoke(app, ["timeline", "Khalid Mashaal", "--db", str(db)])
    assert missing.exit_code == 2 and "Khaled Mashal" in missing.output
    bad = runner.invoke(app, ["timeline", "--db", str(db), "--since", "May 2024"])
    assert bad.exit_code == 2


def test_type_and_role_filters(corpus):
    _, store = corpus
    rallies = timeline(store, types=frozenset({"rally"}))["events"]
    assert rallies and all(r["type"] == "rally" for r in rallies)
    hosted = timeline(store, roles=frozenset({"host"}))["events"]
    assert hosted and all(any("host" in p["roles"] for p in r["participants"]) for r in hosted)
    assert len(hosted) < len(timeline(store)["events"])


def test_network_filters_choose_the_occasions_of_co_appearance(corpus):
    from footprint.analysis.network import OccasionFilter, network

    _, store = corpus
    whole = network(store, kind="coappearance")
    rallies = network(store, kind="coappearance", only=OccasionFilter(types=frozenset({"rally"})))
    rally_ids = {r["cluster"] for r in timeline(store, types=frozenset({"rally"}))["events"]}
    assert 0 < rallies["edge_count"] < whole["edge_count"]
    assert all(set(e["coappearance"]["events"]) <= rally_ids for e in rallies["edges"])
    assert rallies["filters"]["types"] == ["rally"]


def test_an_unknown_type_or_role_is_a_usage_error(corpus):
    from typer.testing import CliRunner

    from footprint.cli import app

    target, _ = corpus
    bad = CliRunner().invoke(app, ["timeline", "--type", "picnic", "--db", str(target)])
    assert bad.exit_code == 2 and "unknown event type picnic" in bad.output
    bad = CliRunner().invoke(app, ["network", "--role", "chef", "--db", str(target)])
    assert bad.exit_code == 2 and "unknown role chef" in bad.output
