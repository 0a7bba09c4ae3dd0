"""Every export carries each occasion's PLOVER and CAMEO codes (`extract/ontology.py`); an
event type no table knows exports with empty codes, never an error."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
import stix2
from followthemoney import model

from footprint.export import csv_tables, ftm, geojson, graphml, stix
from footprint.extract.ontology import ONTOLOGY, codes_of
from tests.export import handmade
from tests.export.test_graph_geo_csv import read_gexf

FIELDS = ("plover_type", "plover_mode", "cameo_code", "cameo_label")


def expected_fields(event_type: str) -> dict[str, str | None]:
    codes = codes_of(event_type)
    return {f: getattr(codes, f) for f in FIELDS}


def test_the_corpus_has_mapped_events(exported):
    with (exported["csv"] / "events.csv").open(encoding="utf-8", newline="") as handle:
        types = {r["type"] for r in csv.DictReader(handle)}
    assert types & set(ONTOLOGY)  # otherwise the tests below check nothing


def test_csv_events_carry_the_codes(exported):
    with (exported["csv"] / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        want = {k: v or "" for k, v in expected_fields(row["type"]).items()}
        assert {f: row[f] for f in FIELDS} == want, row["id"]
    assert any(row["cameo_code"] for row in rows)


def test_geojson_features_carry_the_codes(exported):
    features = json.loads(exported["geojson"].read_text("utf-8"))["features"]
    assert features
    for f in features:
        p = f["properties"]
        assert {k: p[k] for k in FIELDS} == expected_fields(p["type"]), f["id"]


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", read_gexf)])
def test_graph_event_nodes_carry_the_codes(exported, fmt, read):
    g = read(exported[fmt])
    events = [(n, d) for n, d in g.nodes(data=True) if d["kind"] == "event"]
    assert events
    for node, d in events:
        # A missing code is left out of the node (GraphML and GEXF type every attribute).
        want = {k: v for k, v in expected_fields(d["type"]).items() if v is not None}
        assert {k: d[k] for k in FIELDS if k in d} == want, node


def test_ftm_events_carry_the_codes_as_keywords(exported):
    lines = exported["ftm"].read_text("utf-8").splitlines()
    events = [e for e in map(json.loads, lines) if e["schema"] == "Event"]
    assert events
    assert "keywords" in model.get("Event").properties  # the property the schema offers
    assert any(e["properties"].get("keywords") for e in events)
    for e in events:
        for keyword in e["properties"].get("keywords", []):
            assert keyword.startswith(("PLOVER: ", "CAMEO: ")), e["id"]


def test_stix_groupings_carry_the_codes(exported):
    objects = json.loads(exported["stix"].read_text("utf-8"))["objects"]
    groupings = [o for o in objects if o["type"] == "grouping"]
    assert groupings
    for g in groupings:
        codes = codes_of(g["labels"][0])
        cameo = [r for r in g["external_references"] if r["source_name"] == "CAMEO"]
        plover = [r for r in g["external_references"] if r["source_name"] == "PLOVER"]
        assert [r["external_id"] for r in cameo] == ([codes.cameo_code] if codes.cameo_code else [])
        assert [r["external_id"] for r in plover] == (
            [codes.plover_type] if codes.plover_type else []
        )
        if codes.cameo_code:
            assert f"cameo:{codes.cameo_code}" in g["labels"]


def test_riot_codes_in_each_format():
    data = handmade.data([handmade.event("evt-riot", "riot")])
    row = csv_tables.tables(data)["events"][0]
    assert (row["plover_type"], row["plover_mode"], row["cameo_code"]) == ("PROTEST", "riot", "145")
    props = geojson.feature_collection(data)["features"][0]["properties"]
    assert props["cameo_label"] == "Protest violently, riot"
    assert graphml.graph(data).nodes["evt-riot"]["plover_mode"] == "riot"
    event = next(e for e in ftm.entities(data) if e["schema"] == "Event")
    assert event["properties"]["keywords"] == [
        "PLOVER: PROTEST (riot)",
        "CAMEO: 145 Protest violently, riot",
    ]
    grouping = next(o for o in stix.objects(data) if o["type"] == "grouping")
    assert {"plover:PROTEST", "plover-mode:riot", "cameo:145"} <= set(grouping["labels"])


def test_an_unknown_type_exports_with_empty_codes():
    data = handmade.data([handmade.event("evt-odd", "picnic")])
    row = csv_tables.tables(data)["events"][0]
    assert all(row[f] is None for f in FIELDS)
    props = geojson.feature_collection(data)["features"][0]["properties"]
    assert all(props[f] is None for f in FIELDS)
    node = graphml.graph(data).nodes["evt-odd"]
    assert not any(f in node for f in FIELDS)
    event = next(e for e in ftm.entities(data) if e["schema"] == "Event")
    assert "keywords" not in event["properties"]
    model.get_proxy(event)  # still a valid FtM entity
    objects = stix.objects(data)
    grouping = next(o for o in objects if o["type"] == "grouping")
    assert grouping["labels"] == ["picnic"]
    assert [r["source_name"] for r in grouping["external_references"]] == ["footprint"]
    stix2.parse(stix.bundle(data).serialize(), allow_custom=False)
