"""GraphML, GEXF, GeoJSON and CSV exports read back and agree with the store; one id space."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import networkx as nx
import pytest

from footprint.analysis.timeline import timeline
from footprint.export.csv_tables import FORMULA_STARTS
from footprint.export.stix import stix_id


def read_gexf(path):
    """networkx reads GEXF but not a mixed graph (it refuses an undirected edge in a directed
    one), so the co-appearance edges' `type="undirected"` is dropped before it reads the rest;
    tests/export/test_gexf_dynamic.py checks those marks themselves."""
    text = path.read_text("utf-8").replace(' type="undirected"', "")
    return nx.read_gexf(io.BytesIO(text.encode("utf-8")))


def _kinds(g):
    nodes = Counter(d["kind"] for _, d in g.nodes(data=True))
    edges = Counter(d["kind"] for _, _, d in g.edges(data=True))
    return nodes, edges


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", read_gexf)])
def test_graph_reads_back_with_the_store_counts(exported, expected, fmt, read):
    g = read(exported[fmt])
    nodes, edges = _kinds(g)
    assert nodes == {"actor": expected["actors"], "event": expected["events"]}
    assert edges == {
        "participation": expected["participations"],
        "relation": expected["relation_edges"],
        "coappearance": expected["coappearances"],
    }
    for _, _, d in g.edges(data=True):
        if d["kind"] == "participation":
            assert d["roles"] and d["modes"]
        if d["kind"] == "relation":
            assert d["predicate"] and d["id"].startswith("rel-")
    assert set(n for n, d in g.nodes(data=True) if d["kind"] == "actor") == expected["actor_ids"]


@pytest.fixture(scope="module")
def geo(exported):
    return json.loads(exported["geojson"].read_text("utf-8"))


def test_geojson_follows_rfc_7946(geo):
    assert set(geo) <= {"type", "features", "bbox"} and geo["type"] == "FeatureCollection"
    assert geo["features"]
    for f in geo["features"]:
        assert set(f) <= {"type", "id", "geometry", "properties", "bbox"}
        assert f["type"] == "Feature" and isinstance(f["id"], str)
        assert set(f["geometry"]) == {"type", "coordinates"}
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert isinstance(lon, float) and isinstance(lat, float)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(f["properties"], dict)


def test_geojson_has_one_feature_per_placed_occasion(geo, store):
    rows = timeline(store)["events"]
    placed = {
        r["cluster"]: r["place"]
        for r in rows
        if r["place"] and r["place"].get("lat") is not None and r["place"].get("lon") is not None
    }
    assert {f["id"] for f in geo["features"]} == set(placed)
    for f in geo["features"]:
        place = placed[f["id"]]
        assert f["geometry"]["coordinates"] == [place["lon"], place["lat"]]  # [lon, lat]
        p = f["properties"]
        assert p["id"] == f["id"] and p["label"] and p["documents"]
        assert p["country"] == place["country"] and p["place"] == place["name"]
        assert p["independent_sources"] >= 1
        for who in p["participants"]:
            assert who["id"].startswith("ent-") and who["name"] and who["roles"]


def _read(folder, name):
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_match_the_store(exported, expected, store):
    folder = exported["csv"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{n}.csv"
        for n in (
            "entities",
            "relations",
            "events",
            "participants",
            "evidence",
            "designations",
            "documents",
        )
    )
    assert len(_read(folder, "entities")) == expected["actors"]
    assert len(_read(folder, "events")) == expected["events"]
    assert len(_read(folder, "participants")) == expected["participations"]
    assert len(_read(folder, "relations")) == expected["relations"]
    assert len(_read(folder, "documents")) == expected["documents"]
    kinds = Counter(r["kind"] for r in _read(folder, "designations"))
    assert kinds["listed"] + kinds["alias"] == expected["sanctions"]
    assert kinds["claimed_front"] + kinds["linked_person"] == expected["claims"]
    assert "possible" not in kinds


def test_csv_evidence_is_one_row_per_statement_with_exact_offsets(exported, expected, store):
    rows = _read(exported["csv"], "evidence")
    facts = Counter(r["fact_type"] for r in rows)
    assert facts["relation"] == expected["relation_statements"]
    assert facts["event"] == expected["event_statements"]
    texts = {d.id: d.text for d in store.documents()}

    def as_written(cell: str) -> str:
        """The text before the CSV writer neutralised a leading formula character."""
        return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell

    for r in rows:
        assert r["document"] in texts and r["sentence"]
        start, end = int(r["start"]), int(r["end"])
        assert 0 <= start < end <= len(texts[r["document"]])
        assert r["text"], r  # every statement carries its exact words
        assert texts[r["document"]][start:end] == as_written(r["text"])
        assert as_written(r["sentence"]).strip()[:20] in texts[r["document"]]


def test_one_actor_has_one_id_in_every_format(exported, hamas):
    ftm = {json.loads(line)["id"] for line in exported["ftm"].read_text("utf-8").splitlines()}
    assert hamas in ftm
    stix = json.loads(exported["stix"].read_text("utf-8"))["objects"]
    found = [
        o for o in stix if o["id"] in (stix_id("identity", hamas), stix_id("threat-actor", hamas))
    ]
    assert len(found) == 1
    assert found[0]["external_references"][0]["external_id"] == hamas
    assert hamas in nx.read_graphml(exported["graphml"])
    geo = json.loads(exported["geojson"].read_text("utf-8"))
    assert any(p["id"] == hamas for f in geo["features"] for p in f["properties"]["participants"])
    assert hamas in {r["id"] for r in _read(exported["csv"], "entities")}
    participants = _read(exported["csv"], "participants")
    assert hamas in {r["actor"] for r in participants}
