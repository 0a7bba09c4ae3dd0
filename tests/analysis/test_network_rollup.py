"""An organisation's ego network rolled up through its people, and the occasion filters on
`path` and `brief`: short texts written for these tests, with invented names.

The Northern Lantern Society's special representative speaks at a rally in Porto beside Henrik
Aalto and addresses a meeting in Faro beside Ivo Brandt; the Society holds its own conference
in Lisbon. Its former leader's tie ended in 2019, so his 2023 rally beside Greta Lund is not
the Society's."""

from __future__ import annotations

import datetime as dt
import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from footprint.analysis.filters import OccasionFilter
from footprint.analysis.network import build_network, find_paths, network
from footprint.analysis.timeline import timeline
from footprint.cli import app
from footprint.errors import FootprintError
from footprint.export.brief import build_brief, render_html
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store

runner = CliRunner(env={"COLUMNS": "200"})
ORG = "Northern Lantern Society"

NOTES = [
    {
        "id": "nls-envoy",
        "published": "2024-03-01",
        "text": "Mirela Dobos is the special representative of the Northern Lantern Society in "
        "Portugal. On February 12, 2024, Dobos and Henrik Aalto spoke at a rally in Porto. The "
        "Northern Lantern Society held a conference in Lisbon on March 3, 2024, where Dobos "
        "also spoke.",
    },
    {
        "id": "nls-meeting",
        "published": "2024-04-10",
        "text": "On April 9, 2024, Mirela Dobos and Ivo Brandt addressed a meeting in Faro.",
    },
    {
        "id": "nls-ended",
        "published": "2023-06-01",
        "text": "Pavel Ostrov was the leader of the Northern Lantern Society until 2019. On May 5, "
        "2023, Ostrov and Greta Lund spoke at a rally in Braga.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, shared_db_target):
    folder = tmp_path_factory.mktemp("network-rollup")
    notes = folder / "notes.jsonl"
    notes.write_text("\n".join(json.dumps(n) for n in NOTES) + "\n", encoding="utf-8")
    path = shared_db_target(folder / "fp.db")
    store = open_store(path)
    ingest_corpus([notes], Settings.from_env({}).with_db(path), store)
    store.close()
    return path


@pytest.fixture
def store(db):
    s = open_store(db)
    yield s
    s.close()


def _names(answer):
    return {a["name"] for a in answer["actors"]}


def _edge(answer, a, b):
    found = [e for e in answer["edges"] if {e["a_name"], e["b_name"]} == {a, b}]
    return found[0] if found else None


# --- network --around ------------------------------------------------------------------------


def test_the_org_co_appears_with_whoever_its_representative_met(store):
    answer = network(store, around=ORG)
    assert answer["scope"] == "via people"
    assert answer["around"]["rolled_up_occasions"] == 2
    assert {"Henrik Aalto", "Ivo Brandt", "Mirela Dobos"} <= _names(answer)
    # The former leader's 2023 rally came after his tie ended: not the Society's.
    assert "Greta Lund" not in _names(answer)
    porto = _edge(answer, ORG, "Henrik Aalto")
    assert porto is not None and porto["kinds"] == ["coappearance"]
    (via,) = porto["coappearance"]["via"]
    assert (via["name"], via["predicate"], via["role"]) == (
        "Mirela Dobos",
        "represents",
        "special representative",
    )
    assert via["event"] == porto["coappearance"]["events"][0] and via["doubt"] is None
    # Its evidence is the sentence that puts the representative (and Aalto) there.
    sentences = {(e["document"], e["sentence"]) for e in porto["coappearance"]["evidence"]}
    assert sentences == {
        ("nls-envoy", "On February 12, 2024, Dobos and Henrik Aalto spoke at a rally in Porto.")
    }
    assert {e["actor"] for e in porto["coappearance"]["evidence"]} == {
        a["id"] for a in answer["actors"] if a["name"] in ("Mirela Dobos", "Henrik Aalto")
    }


def test_the_person_is_linked_to_the_org_by_the_tie_with_its_evidence(store):
    answer = network(store, around=ORG)
    link = _edge(answer, ORG, "Mirela Dobos")
    assert link is not None and "tie" in link["kinds"]
    tie = link["tie"]
    dobos = next(a["id"] for a in answer["actors"] if a["name"] == "Mirela Dobos")
    assert tie["subject"] == dobos and tie["what"] == "represents (special representative)"
    (relation,) = tie["relations"]
    ev = relation["evidence"]
    assert ev["document"] == "nls-envoy" and "special representative" in ev["sentence"]
    assert ev["text"] in ev["sentence"]
    assert ev["end"] - ev["start"] == len(ev["text"])
    # The occasions the tie carried: Porto and Faro (the conference is the Society's own).
    carried = {o["event"] for o in tie["occasions"]}
    assert len(carried) == 2
    assert carried == {
        e["coappearance"]["events"][0]
        for e in (_edge(answer, ORG, "Henrik Aalto"), _edge(answer, ORG, "Ivo Brandt"))
        if e is not None
    }
    # The person acting for the org is not counted as its partner at those occasions: her
    # co-appearance with it is its own conference only.
    assert link["coappearance"]["count"] == 1


def test_direct_gives_todays_ego_network(store):
    answer = network(store, around=ORG, direct=True)
    assert answer["scope"] == "direct" and answer["around"]["rolled_up_occasions"] == 0
    g = build_network(store, "all")
    (centre,) = answer["around"]["actors"]
    assert {a["id"] for a in answer["actors"]} == set(nx.ego_graph(g, centre, radius=1).nodes)
    assert {"Henrik Aalto", "Ivo Brandt"}.isdisjoint(_names(answer))
    assert all(
        "tie" not in e["kinds"] and "via" not in e.get("coappearance", {}) for e in answer["edges"]
    )


def test_the_roll_up_obeys_the_occasion_filter(store):
    rallies = network(store, around=ORG, only=OccasionFilter(types=frozenset({"rally"})))
    assert "Henrik Aalto" in _names(rallies) and "Ivo Brandt" not in _names(rallies)
    assert rallies["filters"]["types"] == ["rally"]
    later = network(store, around=ORG, only=OccasionFilter(since=dt.date(2024, 3, 15)))
    assert "Ivo Brandt" in _names(later) and "Henrik Aalto" not in _names(later)
    # A role the representative did not have there: nothing is rolled up.
    hosts = network(store, around=ORG, only=OccasionFilter(roles=frozenset({"host"})))
    assert hosts["around"]["rolled_up_occasions"] == 0
    assert {"Henrik Aalto", "Ivo Brandt"}.isdisjoint(_names(hosts))
    abroad = network(store, around=ORG, only=OccasionFilter(country="ES"))
    assert abroad["around"]["rolled_up_occasions"] == 0


def test_kinds_coappearance_rolls_up_and_affiliation_does_not(store):
    co = network(store, kind="coappearance", around=ORG)
    assert co["scope"] == "via people" and "Henrik Aalto" in _names(co)
    assert all("affiliation" not in e["kinds"] for e in co["edges"])
    assert any("tie" in e["kinds"] for e in co["edges"])
    aff = network(store, kind="affiliation", around=ORG)
    assert aff["scope"] == "direct" and "Henrik Aalto" not in _names(aff)


def test_the_timeline_role_filter_reads_the_persons_role_when_rolled_up(store):
    rows = timeline(store, ORG, roles=frozenset({"speaker"}))["events"]
    assert {r["label"] for r in rows} >= {"rally in Porto", "meeting in Faro"}
    assert all(r["via"] is not None for r in rows if r["label"] != "conference in Lisbon")
    direct = timeline(store, ORG, roles=frozenset({"speaker"}), direct=True)["events"]
    assert "rally in Porto" not in {r["label"] for r in direct}


def test_cli_network_around_org_and_direct(db):
    rolled = runner.invoke(app, ["network", "--db", str(db), "--around", ORG, "--json", "-"])
    assert rolled.exit_code == 0, rolled.output
    data = json.loads(rolled.stdout)
    assert data["scope"] == "via people" and "Henrik Aalto" in _names(data)
    direct = runner.invoke(
        app, ["network", "--db", str(db), "--around", ORG, "--direct", "--json", "-"]
    )
    assert direct.exit_code == 0, direct.output
    assert json.loads(direct.stdout)["scope"] == "direct"
    shown = runner.invoke(app, ["network", "--db", str(db), "--around", ORG])
    assert shown.exit_code == 0, shown.output
    assert "via Mirela Dobos" in shown.output
    assert "acting for it at 2 occasions" in shown.output


# --- path with the occasion filter ------------------------------------------------------------


def test_path_only_through_the_occasions_the_filter_keeps(store):
    # Aalto and Brandt meet only through the representative: Porto's rally, Faro's meeting.
    both = find_paths(store, "Henrik Aalto", "Ivo Brandt")
    assert both["paths"] and both["paths"][0]["length"] == 4
    assert both["filters"] is None
    kept = OccasionFilter(types=frozenset({"rally"}))
    rallies = find_paths(store, "Henrik Aalto", "Ivo Brandt", only=kept)
    assert rallies["paths"] == [] and rallies["filters"]["types"] == ["rally"]
    window = OccasionFilter(since=dt.date(2024, 1, 1), until=dt.date(2024, 12, 31))
    assert find_paths(store, "Henrik Aalto", "Ivo Brandt", only=window)["paths"]
    late = OccasionFilter(since=dt.date(2024, 3, 15))
    assert find_paths(store, "Henrik Aalto", "Ivo Brandt", only=late)["paths"] == []
    speakers = OccasionFilter(roles=frozenset({"speaker"}))
    assert find_paths(store, "Henrik Aalto", "Ivo Brandt", only=speakers)["paths"]
    hosts = OccasionFilter(roles=frozenset({"host"}))
    assert find_paths(store, "Henrik Aalto", "Ivo Brandt", only=hosts)["paths"] == []
    # Relations are not tied to an occasion: the tie itself stays a way through.
    tie = find_paths(store, "Mirela Dobos", ORG, only=late)["paths"][0]["hops"]
    assert [h["predicate"] for h in tie] == ["represents"]


def test_cli_path_filters_are_the_shared_ones(db):
    base = ["path", "Henrik Aalto", "Ivo Brandt", "--db", str(db)]
    found = runner.invoke(app, [*base, "--country", "Portugal", "--json", "-"])
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)["filters"]["country"] == "PT"
    none = runner.invoke(app, [*base, "--type", "rally"])
    assert none.exit_code == 1
    assert "through the occasions the filters keep" in none.output
    bad = runner.invoke(app, [*base, "--type", "picnicking"])
    assert bad.exit_code == 2 and "unknown event type picnicking" in bad.output
    bad = runner.invoke(app, [*base, "--role", "mascot"])
    assert bad.exit_code == 2 and "unknown role mascot" in bad.output
    bad = runner.invoke(app, [*base, "--since", "last spring"])
    assert bad.exit_code == 2 and "'last spring' is not a date" in bad.output


# --- brief with the occasion filter -----------------------------------------------------------


def test_brief_keeps_only_the_occasions_of_the_filter(store):
    whole = build_brief(store, ORG)
    assert {r["label"] for r in whole["itinerary"]} == {
        "rally in Porto",
        "conference in Lisbon",
        "meeting in Faro",
    }
    # The brief's network is the org's rolled-up ego network.
    assert {"Henrik Aalto", "Ivo Brandt"} <= {a["name"] for a in whole["network"]["actors"]}
    meetings = build_brief(store, ORG, types=frozenset({"meeting"}))
    assert [r["label"] for r in meetings["itinerary"]] == ["meeting in Faro"]
    shown = {a["name"] for a in meetings["network"]["actors"]}
    assert ORG in shown and "Ivo Brandt" in shown and "Henrik Aalto" not in shown
    assert meetings["filters"]["types"] == ["meeting"]
    assert "(type: meeting)" in meetings["summary"]
    hosted = build_brief(store, ORG, roles=frozenset({"organizer"}))
    assert [r["label"] for r in hosted["itinerary"]] == ["conference in Lisbon"]
    assert "type meeting" in render_html(meetings)


def test_cli_brief_type_and_role(db, tmp_path):
    target = tmp_path / "b.html"
    result = runner.invoke(
        app, ["brief", ORG, "--db", str(db), "-o", str(target), "--type", "rally"]
    )
    assert result.exit_code == 0, result.output
    assert "1 event(s)" in result.output
    page = target.read_text("utf-8")
    assert "rally in Porto" in page and "meeting in Faro" not in page
    bad = runner.invoke(app, ["brief", ORG, "--db", str(db), "-o", str(target), "--role", "x"])
    assert bad.exit_code == 2 and "unknown role x" in bad.output


def test_brief_on_an_unknown_actor_names_it(store):
    with pytest.raises(FootprintError, match="no actor named 'Nobody Zzyzx'"):
        build_brief(store, "Nobody Zzyzx")
