"""`footprint profile` over a corpus: one actor across spellings, one stop per occasion."""

import json

import pytest
from typer.testing import CliRunner

from footprint.analysis.profile import PERSON_TIES, profile
from footprint.cli import app
from footprint.errors import FootprintError
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store
from tests.conftest import CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, shared_db_target):
    path = shared_db_target(tmp_path_factory.mktemp("profile") / "fp.db")
    store = open_store(path)
    ingest_corpus([CORPUS], Settings.from_env({}).with_db(path), store)
    store.close()
    return path


@pytest.fixture
def store(db):
    s = open_store(db)
    yield s
    s.close()


def test_either_spelling_gives_one_actor_and_one_stop_per_occasion(store):
    a = profile(store, "Yusuf al-Qadi")
    b = profile(store, "Yousef al-Qadi")
    assert a["actor"]["id"] == b["actor"]["id"] and len(a["actor"]["ids"]) == 2
    (rally,) = [s for s in a["itinerary"] if s["type"] in ("rally", "march")]
    assert rally["place"]["name"] == "Lahore" and rally["date"]["start"] == "2024-04-14"
    assert len(rally["documents"]) == 2 and rally["independent_sources"] == 2
    assert all(ev["sentence"] and ev["document"] for ev in rally["evidence"])
    assert ("represents", "Hamas") in {(r["predicate"], r["object_name"]) for r in a["roles"]}
    assert "linked_person" in {d["kind"] for d in a["designations"]}


def test_partners_are_actors_counted_by_occasion(store):
    p = profile(store, "Yousef al-Qadi")
    names = {o["name"]: o for o in p["partners"]}
    assert "Javed Iqbal Qureshi" in names
    assert names["Javed Iqbal Qureshi"]["shared_events"] == 1


def test_without_the_state_reading_only_host_state_is_left_out(store):
    whole = profile(store, "Yousef al-Qadi")
    assert "occasions" in whole.pop("host_state")
    assert profile(store, "Yousef al-Qadi", state=False) == whole


def test_filters_cut_the_itinerary(store):
    assert profile(store, "Yousef al-Qadi", country="PK")["itinerary"]
    assert profile(store, "Yousef al-Qadi", country="IR")["itinerary"] == []
    import datetime as dt

    assert profile(store, "Yousef al-Qadi", since=dt.date(2024, 5, 1))["itinerary"] == []


def test_unknown_actor_names_the_nearest(store):
    with pytest.raises(FootprintError, match="did you mean"):
        profile(store, "Yousef al-Qadl")


def test_any_case_of_a_name_finds_the_actor(store):
    a = profile(store, "Yousef al-Qadi")
    b = profile(store, "yOUSEF AL-QADI")
    assert a == b


def test_actor_reads(store):
    (qadi,) = store.entity_ids_named("YUSUF AL-QADI")
    members = store.cluster_members([qadi])
    assert len(members) == 2 and store.entity_cluster(qadi) is not None
    assert store.entity_cluster("no-such-entity") is None
    assert store.entity_ids_named("Nobody Atall") == []
    assert "Yusuf al-Qadi" in store.entity_names()
    seen = store.appearances(members)
    assert seen and {r.who for r in seen} <= set(members)
    assert [r.id for r in seen] == sorted(r.id for r in seen)
    assert store.appearances(members, country="ir") == []
    assert {r.id for r in store.appearances(members, country="pk")} <= {r.id for r in seen}
    counts = store.participation_counts(members)
    assert sum(counts.values()) == len(seen)
    names = {name for name, _ in store.spellings(members)}
    assert {"Yusuf al-Qadi", "Yousef al-Qadi"} <= names
    roles = store.roles_of(members)
    assert ("represents", "Hamas") in {(r.predicate, r.object_name) for r in roles}
    assert "linked_person" in {d.kind for d in store.designations_of(members)}


def test_cli_profile_json_and_error(db):
    result = runner.invoke(app, ["profile", "Yusuf al-Qadi", "--db", str(db), "--json", "-"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["actor"]["name"] in ("Yousef al-Qadi", "Yusuf al-Qadi")
    bad = runner.invoke(app, ["profile", "Nobody Atall", "--db", str(db)])
    assert bad.exit_code == 2 and "no actor named" in bad.output


def test_an_organisations_people_widen_its_footprint(store):
    rolled = profile(store, "Hamas")
    direct = profile(store, "Hamas", direct=True)
    assert len(rolled["itinerary"]) > len(direct["itinerary"])
    own = {s["event"] for s in direct["itinerary"]}
    assert own <= {s["event"] for s in rolled["itinerary"]}
    through = [s for s in rolled["itinerary"] if s["event"] not in own]
    assert through and all(s["via"] and s["via"]["evidence"]["sentence"] for s in through)
    assert {s["via"]["predicate"] for s in through} <= set(PERSON_TIES)
    assert (rolled["scope"], direct["scope"]) == ("via people", "direct")
