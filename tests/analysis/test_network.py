"""The actor network and evidenced paths: hand-written rows, then the example corpus, then the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from footprint.analysis.network import (
    actor_clusters,
    build_network,
    build_path_graph,
    find_paths,
    network,
)
from footprint.cli import app
from footprint.corpus import ingest_corpus
from footprint.errors import FootprintError
from footprint.settings import Settings
from footprint.store import SQLiteStore
from tests.conftest import CORPUS

runner = CliRunner(env={"COLUMNS": "200"})


# --- a small store written by hand ------------------------------------------------------------


def _small(tmp_path) -> SQLiteStore:
    """A speaks at E1 (doc-1) where B takes part; doc-2 reports the same rally (E1b) hosted by O.
    A2 (the same person as A) meets C and D at E2. O is the political wing of G, which is listed;
    B is a linked person; C only a possible match (no mark)."""
    store = SQLiteStore(tmp_path / "small.db")
    c = store.conn
    for doc in ("doc-1", "doc-2"):
        c.execute("INSERT INTO documents (id, path, text) VALUES (?, ?, 'x')", (doc, doc))
    entities = [
        ("ent-a", "person", "Amal Haddad"),
        ("ent-a2", "person", "A. Haddad"),
        ("ent-b", "person", "Bilal Noor"),
        ("ent-c", "person", "Chen Wei"),
        ("ent-d", "person", "Dara Khan"),
        ("ent-o", "organization", "Open Hands Trust"),
        ("ent-g", "organization", "Green Brigade"),
        ("ent-p", "place", "Lahore"),
    ]
    c.executemany("INSERT INTO entities VALUES (?, ?, ?)", entities)
    clusters = {"ent-a2": "ent-a"}
    c.executemany(
        "INSERT INTO entity_clusters VALUES (?, ?, NULL)",
        [(e[0], clusters.get(e[0], e[0])) for e in entities],
    )
    events = [
        ("evt-1", "doc-1", "rally", "rally in Lahore", 0, "2024-01-05", "2024-01-05", "day", "PK"),
        ("evt-1b", "doc-2", "rally", "march in Lahore", 0, "2024-01-05", None, "year", "PK"),
        (
            "evt-2",
            "doc-1",
            "meeting",
            "meeting in Tehran",
            1,
            "2023-06-01",
            "2023-06-01",
            "day",
            "IR",
        ),
        ("evt-3", "doc-2", "statement", "statement", 0, None, None, None, None),
    ]
    for eid, doc, typ, label, bg, start, end, prec, cc in events:
        place = json.dumps({"name": label.split()[-1], "country": cc}) if cc else None
        c.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
            (eid, doc, typ, label, bg, start, end, prec, start, place),
        )
    c.executemany(
        "INSERT INTO event_clusters VALUES (?, ?)",
        [("evt-1", "evt-1"), ("evt-1b", "evt-1"), ("evt-2", "evt-2"), ("evt-3", "evt-3")],
    )
    c.executemany(
        "INSERT INTO event_cluster_info VALUES (?, ?, ?, ?)",
        [
            ("evt-1", json.dumps(["doc-1", "doc-2"]), 2, json.dumps(["dates differ"])),
            ("evt-2", json.dumps(["doc-1"]), 1, "[]"),
            ("evt-3", json.dumps(["doc-2"]), 1, "[]"),
        ],
    )
    parts = [
        ("evt-1", "doc-1", "ent-a", "speaker", "in_person", "Amal Haddad spoke at the rally."),
        ("evt-1", "doc-1", "ent-b", "participant", "unknown", "Bilal Noor marched too."),
        ("evt-1b", "doc-2", "ent-o", "host", "unknown", "The march was hosted by Open Hands."),
        ("evt-2", "doc-1", "ent-a2", "participant", "unknown", "Haddad met Chen and Dara."),
        ("evt-2", "doc-1", "ent-c", "participant", "unknown", "Haddad met Chen and Dara."),
        ("evt-2", "doc-1", "ent-d", "participant", "remote", "Haddad met Chen and Dara."),
        ("evt-2", "doc-1", "ent-p", "participant", "unknown", "Lahore was mentioned."),
        ("evt-3", "doc-2", "ent-g", "speaker", "unknown", "Green Brigade said so."),
    ]
    c.executemany(
        "INSERT INTO event_participants VALUES (?, ?, ?, ?, ?, 0, 1, ?, NULL, NULL)",
        parts,
    )
    c.execute(
        "INSERT INTO event_evidence VALUES ('evt-1', 'doc-1', 0, 5, 'rally', "
        "'Thousands rallied in Lahore.', NULL, 'test')"
    )
    c.execute(
        "INSERT INTO relations VALUES ('rel-1', 'doc-2', 'ent-o', 'front_of', 'ent-g', "
        "'political wing', '{}', 0, 5, 'wing', 'Open Hands is the political wing of Green "
        "Brigade.', 'officials said', 'test')"
    )
    for entity, kind in (("ent-g", "listed"), ("ent-b", "linked_person"), ("ent-c", "possible")):
        c.execute(
            "INSERT INTO designations VALUES ('doc-1', ?, ?, 'L1', 'TEST', 'P', 'X', NULL, 1.0, "
            "'test', 'test', NULL, NULL)",
            (entity, kind),
        )
    return store


@pytest.fixture
def small(tmp_path):
    store = _small(tmp_path)
    yield store
    store.close()


def test_actors_are_clusters_of_people_and_organisations_with_marks(small):
    actors = actor_clusters(small)
    assert set(actors) == {"ent-a", "ent-b", "ent-c", "ent-d", "ent-o", "ent-g"}
    assert actors["ent-a"]["ids"] == ["ent-a", "ent-a2"]
    assert actors["ent-a"]["name"] == "Amal Haddad"
    assert (actors["ent-g"]["designated"], actors["ent-g"]["marks"]) == (True, ["listed"])
    assert (actors["ent-b"]["designated"], actors["ent-b"]["marks"]) == (False, ["linked_person"])
    assert (actors["ent-c"]["designated"], actors["ent-c"]["marks"]) == (False, [])


def test_coappearance_joins_actors_across_reports_of_one_event(small):
    g = build_network(small, "coappearance")
    pairs = {frozenset(e) for e in g.edges}
    assert pairs == {
        frozenset(p)
        for p in [
            ("ent-a", "ent-b"),
            ("ent-a", "ent-o"),  # A in doc-1's report, O in doc-2's: one rally
            ("ent-b", "ent-o"),
            ("ent-a", "ent-c"),  # through A2, resolved into A
            ("ent-a", "ent-d"),
            ("ent-c", "ent-d"),
        ]
    }
    co = g.edges["ent-a", "ent-o"]["coappearance"]
    assert co["events"] == ["evt-1"] and co["count"] == 1
    assert {(e["document"], e["sentence"]) for e in co["evidence"]} == {
        ("doc-1", "Amal Haddad spoke at the rally."),
        ("doc-2", "The march was hosted by Open Hands."),
    }
    assert "ent-p" not in g  # places are not actors


def test_affiliation_edges_are_relations_with_evidence(small):
    g = build_network(small, "affiliation")
    assert [frozenset(e) for e in g.edges] == [frozenset({"ent-o", "ent-g"})]
    (link,) = g.edges["ent-o", "ent-g"]["affiliation"]
    assert (link["subject"], link["predicate"], link["role"], link["object"]) == (
        "ent-o",
        "front_of",
        "political wing",
        "ent-g",
    )
    assert link["what"] == "is a front of (political wing)"
    assert link["evidence"] == [
        {
            "document": "doc-2",
            "sentence": "Open Hands is the political wing of Green Brigade.",
            "attribution": "officials said",
        }
    ]
    g_all = build_network(small, "all")
    assert g_all.number_of_edges() == 7
    with pytest.raises(FootprintError, match="unknown network kind"):
        build_network(small, "friends")


def test_network_ranks_by_centrality_and_marks_designated(small):
    answer = network(small)
    ranking = [a["name"] for a in answer["actors"]]
    assert ranking[0] == "Amal Haddad"  # 4 ties, the bridge between both events
    assert ranking[1] == "Open Hands Trust"  # 3 ties, the only way to Green Brigade
    top = answer["actors"][0]
    assert top["degree"] == 4 and top["degree_centrality"] == pytest.approx(4 / 5)
    assert top["betweenness"] > answer["actors"][1]["betweenness"] > 0
    green = next(a for a in answer["actors"] if a["name"] == "Green Brigade")
    assert green["designated"] and green["betweenness"] == 0
    assert answer["nodes"] == 6 and answer["edge_count"] == 7
    assert answer["betweenness"] == "exact"
    json.dumps(answer)  # JSON-ready


def test_ego_network_and_depth(small):
    one = network(small, around="Chen Wei", depth=1)
    assert {a["name"] for a in one["actors"]} == {"Chen Wei", "Amal Haddad", "Dara Khan"}
    assert one["around"] == {"query": "Chen Wei", "actors": ["ent-c"], "depth": 1}
    two = network(small, around="Chen Wei", depth=2)
    assert {a["name"] for a in two["actors"]} == {
        "Chen Wei",
        "Amal Haddad",
        "Dara Khan",
        "Bilal Noor",
        "Open Hands Trust",
    }
    # An alias entity's name finds its actor.
    assert network(small, around="A. Haddad")["around"]["actors"] == ["ent-a"]
    with pytest.raises(FootprintError, match="did you mean: Chen Wei"):
        network(small, around="Chen We")


def test_path_through_an_event_and_a_relation_told_in_true_direction(small):
    answer = find_paths(small, "Bilal Noor", "Green Brigade")
    first = answer["paths"][0]
    assert first["length"] == 3
    hops = first["hops"]
    assert [(h["from"]["name"], h["to"]["name"]) for h in hops] == [
        ("Bilal Noor", "rally in Lahore"),
        ("rally in Lahore", "Open Hands Trust"),
        ("Open Hands Trust", "Green Brigade"),
    ]
    assert [(h["subject"], h["what"], h["object"], h["direction"]) for h in hops] == [
        ("Bilal Noor", "took part in (participant)", "rally in Lahore", "forward"),
        ("Open Hands Trust", "hosted (host)", "rally in Lahore", "backward"),
        ("Open Hands Trust", "is a front of (political wing)", "Green Brigade", "forward"),
    ]
    assert hops[1]["evidence"] == [
        {
            "document": "doc-2",
            "sentence": "The march was hosted by Open Hands.",
            "attribution": None,
        }
    ]
    assert hops[2]["to"]["designated"] is True and hops[0]["from"]["marks"] == ["linked_person"]
    back = find_paths(small, "Green Brigade", "Bilal Noor")["paths"][0]["hops"][0]
    assert (back["subject"], back["object"], back["direction"]) == (
        "Open Hands Trust",
        "Green Brigade",
        "backward",
    )


def test_paths_are_shortest_first_and_limited(small):
    answer = find_paths(small, "Chen Wei", "Bilal Noor", limit=5)
    lengths = [p["length"] for p in answer["paths"]]
    assert lengths == sorted(lengths) and lengths[0] == 4  # C-E2-A-E1-B
    assert len(find_paths(small, "Chen Wei", "Bilal Noor", limit=1)["paths"]) == 1
    # evt-3 (only Green Brigade) is reachable but leads nowhere else.
    g = build_path_graph(small)
    assert g.degree[("event", "evt-3")] == 1
    assert find_paths(small, "Dara Khan", "Chen Wei")["paths"][0]["length"] == 2


def test_no_path_and_same_actor(small):
    small.conn.execute("INSERT INTO entities VALUES ('ent-z', 'person', 'Zed Loner')")
    small.conn.execute("INSERT INTO entity_clusters VALUES ('ent-z', 'ent-z', NULL)")
    assert find_paths(small, "Zed Loner", "Amal Haddad")["paths"] == []
    with pytest.raises(FootprintError, match="same actor"):
        find_paths(small, "Amal Haddad", "A. Haddad")
    with pytest.raises(FootprintError, match="not a person or organisation"):
        find_paths(small, "Lahore", "Amal Haddad")


# --- the example corpus -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("graph")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTPRINT_LISTS_DIR", str(tmp / "user-lists"))
        store = SQLiteStore(tmp / "fp.db")
        ingest_corpus([CORPUS], Settings.from_env({}).with_db(tmp / "fp.db"), store)
    yield tmp / "fp.db", store
    store.close()


def _by_name(store: SQLiteStore) -> dict[str, str]:
    return {a["name"]: cid for cid, a in actor_clusters(store).items()}


def test_corpus_lahore_rally_coappearances(corpus):
    _, store = corpus
    ids = _by_name(store)
    g = build_network(store, "coappearance")
    rally = {"Javed Iqbal Qureshi", "Yousef al-Qadi", "Jamaat-e-Islami", "Hamas"}
    for a in rally:
        for b in rally - {a}:
            assert g.has_edge(ids[a], ids[b]), (a, b)
    co = g.edges[ids["Javed Iqbal Qureshi"], ids["Hamas"]]["coappearance"]
    assert co["count"] == 1
    # Hamas is only in the second report of the rally: the event cluster joins the two.
    assert len({e["document"] for e in co["evidence"]}) == 2
    assert all(e["sentence"] for e in co["evidence"])
    assert not g.has_edge(ids["Javed Iqbal Qureshi"], ids["Khaled Mashal"])


def test_corpus_front_chain_and_designations(corpus):
    _, store = corpus
    ids = _by_name(store)
    g = build_network(store, "affiliation")
    (link,) = g.edges[ids["Jamaat-ud-Dawa"], ids["Lashkar-e-Taiba"]]["affiliation"]
    assert (link["subject"], link["predicate"]) == (ids["Jamaat-ud-Dawa"], "front_of")
    assert "front for LeT" in link["evidence"][0]["sentence"]
    assert g.nodes[ids["Lashkar-e-Taiba"]]["designated"]
    answer = network(store, kind="affiliation", around="Hamas")
    assert {a["name"] for a in answer["actors"]} == {"Hamas", "Khaled Mashal", "Yousef al-Qadi"}
    assert answer["actors"][0]["name"] == "Hamas" and answer["actors"][0]["betweenness"] == 1.0


def test_corpus_path_person_to_listed_group(corpus):
    _, store = corpus
    answer = find_paths(store, "Javed Iqbal Qureshi", "Hamas")
    first, *rest = answer["paths"]
    assert first["length"] == 2
    assert [(h["subject"], h["what"], h["object"]) for h in first["hops"]] == [
        ("Javed Iqbal Qureshi", "spoke at (speaker)", "rally in Lahore"),
        ("Hamas", "spoke at (speaker, remote)", "rally in Lahore"),
    ]
    assert first["hops"][1]["to"]["designated"] and first["hops"][1]["direction"] == "backward"
    assert rest and all(p["length"] == 3 for p in rest)
    envoy = [h for p in rest for h in p["hops"] if h["what"] == "represents (envoy)"]
    assert envoy and envoy[0]["subject"] == "Yousef al-Qadi" and envoy[0]["evidence"][0]["document"]
    fronts = find_paths(store, "Falah-e-Insaniat Foundation", "Lashkar-e-Taiba")["paths"][0]
    assert [h["what"] for h in fronts["hops"]] == [
        "is a front of (charity arm)",
        "is a front of (front)",
    ]
    assert find_paths(store, "Mushaal Mullick", "Lashkar-e-Taiba")["paths"] == []


def test_cli_network_and_path(corpus):
    db, _ = corpus
    result = runner.invoke(app, ["network", "--db", str(db), "--json", "-", "--kind", "all"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "all" and data["actors"][0]["rank"] == 1
    assert any(e["a_name"] == "Hamas" or e["b_name"] == "Hamas" for e in data["edges"])
    shown = runner.invoke(
        app,
        ["network", "--db", str(db), "--around", "Hamas", "--kind", "affiliation", "--top", "3"],
    )
    assert shown.exit_code == 0 and "Khaled Mashal" in shown.output

    result = runner.invoke(
        app,
        ["path", "Javed Iqbal Qureshi", "Hamas", "--db", str(db), "--json", "-", "--limit", "1"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (
        len(data["paths"]) == 1 and data["paths"][0]["hops"][0]["to"]["name"] == "rally in Lahore"
    )
    shown = runner.invoke(app, ["path", "Javed Iqbal Qureshi", "Hamas", "--db", str(db)])
    assert shown.exit_code == 0 and "rally in Lahore" in shown.output

    missing = runner.invoke(app, ["path", "Khalid Mashaal", "Hamas", "--db", str(db)])
    assert missing.exit_code == 2 and "Khaled Mashal" in missing.output
    none = runner.invoke(app, ["path", "Mushaal Mullick", "Lashkar-e-Taiba", "--db", str(db)])
    assert none.exit_code == 1 and "No path" in none.output
    bad = runner.invoke(app, ["network", "--db", str(db), "--kind", "friends"])
    assert bad.exit_code == 2
