"""The actor network and evidenced paths: a small store built by hand, then the example corpus,
then the CLI."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence

import networkx as nx
import pytest
from typer.testing import CliRunner

from footprint.analysis.network import (
    _dense_betweenness,
    actor_clusters,
    betweenness,
    betweenness_among,
    build_network,
    build_path_graph,
    find_paths,
    network,
)
from footprint.cli import app
from footprint.designations.screening import Designation, Screening
from footprint.errors import FootprintError
from footprint.model import (
    Document,
    DocumentResult,
    Entity,
    EntityType,
    Event,
    Evidence,
    Mention,
    Participation,
    Relation,
)
from footprint.pipeline.corpus import ingest_corpus
from footprint.place.model import Place
from footprint.settings import Settings
from footprint.store import SQLStore, open_store
from footprint.time.span import TimeSpan
from tests.conftest import CORPUS

runner = CliRunner(env={"COLUMNS": "200"})


# --- a small store written by hand ------------------------------------------------------------


ENTITIES: dict[str, tuple[EntityType, str]] = {
    "ent-a": ("person", "Amal Haddad"),
    "ent-a2": ("person", "A. Haddad"),
    "ent-b": ("person", "Bilal Noor"),
    "ent-c": ("person", "Chen Wei"),
    "ent-d": ("person", "Dara Khan"),
    "ent-o": ("organization", "Open Hands Trust"),
    "ent-g": ("organization", "Green Brigade"),
    "ent-p": ("place", "Lahore"),
}


def _event(
    doc: str,
    eid: str,
    kind: str,
    label: str,
    background: bool,
    when: tuple[str, str | None, str] | None,
    country: str | None,
    parts: list[tuple[str, str, str, str]],
) -> Event:
    """An event whose participants (entity, role, mode, sentence) are read at offsets 0-1."""
    date = None
    if when is not None:
        start, end, precision = when
        date = TimeSpan(
            dt.date.fromisoformat(start),
            dt.date.fromisoformat(end) if end else None,
            precision,
            start,
        )
    place = None
    if country is not None:
        name = label.split()[-1]
        place = Place(name, country, None, None, None, f"test:{name}", "city")
    return Event(
        id=eid,
        type=kind,
        label=label,
        background=background,
        date=date,
        place=place,
        participants=[
            Participation(entity, role, mode, Evidence(doc, 0, 1, sentence[:1], sentence))
            for entity, role, mode, sentence in parts
        ],
    )


def _result(
    doc: str,
    events: list[Event],
    relations: Sequence[Relation] = (),
    screening: Screening | None = None,
) -> DocumentResult:
    """The document `doc` with the entities its events and relations name (no mentions)."""
    named = {p.entity for e in events for p in e.participants}
    named |= {x for r in relations for x in (r.subject, r.object) if x}
    return DocumentResult(
        document=Document(id=doc, text=f"The text of {doc}.", path=doc),
        entities=[Entity(i, *ENTITIES[i]) for i in sorted(named)],
        relations=list(relations),
        events=events,
        screening=screening,
    )


def _small(store: SQLStore) -> SQLStore:
    """`store`, empty, filled with: A speaks at E1 (doc-1) where B takes part; doc-2 reports the same rally (E1b) hosted by O.
    A2 (the same person as A) meets C and D at E2. O is the political wing of G, which is listed;
    B is a linked person; C only a possible match (no mark)."""
    meeting = "Haddad met Chen and Dara."
    rally = _event(
        "doc-1",
        "evt-1",
        "rally",
        "rally in Lahore",
        False,
        ("2024-01-05", "2024-01-05", "day"),
        "PK",
        [
            ("ent-a", "speaker", "in_person", "Amal Haddad spoke at the rally."),
            ("ent-b", "participant", "unknown", "Bilal Noor marched too."),
        ],
    )
    rally.evidence.append(
        Evidence("doc-1", 0, 5, "rally", "Thousands rallied in Lahore.", None, "test")
    )
    listed = {
        entity: [Designation(kind, "TEST", "P", "X", None, 1.0, "test", "test", "L1")]
        for entity, kind in (("ent-g", "listed"), ("ent-b", "linked_person"), ("ent-c", "possible"))
    }
    store.write(
        _result(
            "doc-1",
            [
                rally,
                _event(
                    "doc-1",
                    "evt-2",
                    "meeting",
                    "meeting in Tehran",
                    True,
                    ("2023-06-01", "2023-06-01", "day"),
                    "IR",
                    [
                        ("ent-a2", "participant", "unknown", meeting),
                        ("ent-c", "participant", "unknown", meeting),
                        ("ent-d", "participant", "remote", meeting),
                        ("ent-p", "participant", "unknown", "Lahore was mentioned."),
                    ],
                ),
            ],
            screening=Screening(designations=listed),
        )
    )
    wing = Relation(
        "ent-o",
        "front_of",
        "ent-g",
        "political wing",
        (),
        Evidence(
            "doc-2",
            0,
            5,
            "wing",
            "Open Hands is the political wing of Green Brigade.",
            "officials said",
            "test",
        ),
    )
    store.write(
        _result(
            "doc-2",
            [
                _event(
                    "doc-2",
                    "evt-1b",
                    "rally",
                    "march in Lahore",
                    False,
                    ("2024-01-05", None, "year"),
                    "PK",
                    [("ent-o", "host", "unknown", "The march was hosted by Open Hands.")],
                ),
                _event(
                    "doc-2",
                    "evt-3",
                    "statement",
                    "statement",
                    False,
                    None,
                    None,
                    [("ent-g", "speaker", "unknown", "Green Brigade said so.")],
                ),
            ],
            [wing],
        )
    )
    store.replace_clusters(
        [(e, "ent-a" if e == "ent-a2" else e, None) for e in ENTITIES],
        [("evt-1", "evt-1"), ("evt-1b", "evt-1"), ("evt-2", "evt-2"), ("evt-3", "evt-3")],
        [
            ("evt-1", ["doc-1", "doc-2"], 2, ["dates differ"]),
            ("evt-2", ["doc-1"], 1, []),
            ("evt-3", ["doc-2"], 1, []),
        ],
    )
    return store


@pytest.fixture
def small(new_store):
    return _small(new_store())


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
    assert one["around"] == {
        "query": "Chen Wei",
        "actors": ["ent-c"],
        "depth": 1,
        "rolled_up_occasions": 0,  # no one is tied to Chen Wei
    }
    assert one["scope"] == "via people"
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
    said = Evidence("doc-3", 0, 9, "Zed Loner", "Zed Loner stayed home.")
    loner = Entity(
        "ent-z", "person", "Zed Loner", mentions=[Mention("Zed Loner", "person", said, "Zed Loner")]
    )
    small.write(DocumentResult(Document("doc-3", "Zed Loner stayed home.", "doc-3"), [loner], []))
    assert find_paths(small, "Zed Loner", "Amal Haddad")["paths"] == []
    with pytest.raises(FootprintError, match="same actor"):
        find_paths(small, "Amal Haddad", "A. Haddad")
    with pytest.raises(FootprintError, match="not a person or organisation"):
        find_paths(small, "Lahore", "Amal Haddad")


# --- the example corpus -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared_db_target):
    tmp = tmp_path_factory.mktemp("graph")
    target = shared_db_target(tmp / "fp.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTPRINT_LISTS_DIR", str(tmp / "user-lists"))
        store = open_store(target)
        ingest_corpus([CORPUS], Settings.from_env({}).with_db(target), store)
    yield target, store
    store.close()


def _by_name(store: SQLStore) -> dict[str, str]:
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


def _labelled(g):
    return nx.relabel_nodes(g, {n: f"actor-{n}" for n in g})


@pytest.mark.parametrize("seed", range(40))
def test_betweenness_over_arrays_is_networkx_betweenness(seed):
    rng = random.Random(seed)
    n = rng.randint(0, 45)
    g = _labelled(nx.gnp_random_graph(n, rng.random() ** 2, seed=seed))  # often disconnected
    if n and seed % 5 == 0:
        g.add_edge("actor-0", "actor-0")  # a self-loop counts for nothing
    expected = nx.betweenness_centrality(g)
    found = betweenness(g)
    assert found.keys() == expected.keys()
    assert all(found[k] == pytest.approx(expected[k], abs=1e-12) for k in expected)
    among = set(rng.sample(sorted(g), min(n, 20)))
    near = {a: set(g.adj[a]) for a in g}
    sub = nx.betweenness_centrality(g.subgraph(among))
    assert betweenness_among(among, near) == pytest.approx(sub, abs=1e-12)


def test_betweenness_of_a_long_thin_graph_is_left_to_networkx():
    g = _labelled(nx.path_graph(60))  # 59 hops across: too many layers for the arrays
    assert _dense_betweenness(list(g), g.edges()) is None
    assert betweenness(g) == pytest.approx(nx.betweenness_centrality(g), abs=1e-12)
