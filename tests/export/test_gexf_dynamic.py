"""GEXF 1.3 for Gephi's timeline: occasions and the edges tied to them live over their dates,
co-appearance ties are undirected, and the XML holds together (namespaces, declared
attributes, ISO dates); networkx reads the rest back."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from footprint.analysis.timeline import timeline
from footprint.export import graphml
from tests.export import handmade
from tests.export.test_graph_geo_csv import read_gexf

NS = {"g": "http://gexf.net/1.3"}
XSI = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def root(exported):
    return ET.parse(exported["gexf"]).getroot()


@pytest.fixture(scope="module")
def graph_xml(root):
    return root.find("g:graph", NS)


def _kind(element, titles):
    values = {v.get("for"): v.get("value") for v in element.iterfind("g:attvalues/g:attvalue", NS)}
    return values[titles["kind"]]


def _titles(graph_xml, cls):
    found = graph_xml.find(f"g:attributes[@class='{cls}']", NS)
    return {a.get("title"): a.get("id") for a in found.iterfind("g:attribute", NS)}


def test_it_is_a_gexf_1_3_document(root, graph_xml):
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    assert root.get(XSI) == "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
    assert graph_xml.get("defaultedgetype") == "directed"
    assert graph_xml.get("mode") == "dynamic" and graph_xml.get("timeformat") == "date"


def test_every_value_names_a_declared_attribute(graph_xml):
    for cls, path in (("node", "g:nodes/g:node"), ("edge", "g:edges/g:edge")):
        declared = set(_titles(graph_xml, cls).values())
        for element in graph_xml.iterfind(path, NS):
            for value in element.iterfind("g:attvalues/g:attvalue", NS):
                assert value.get("for") in declared, (cls, element.get("id"))


def test_times_are_iso_days_in_order(graph_xml):
    timed = 0
    for element in graph_xml.iter():
        start, end = element.get("start"), element.get("end")
        for day in (start, end):
            assert day is None or DAY.match(day), (element.get("id"), day)
        if start and end:
            assert start <= end, element.get("id")
        timed += bool(start or end)
    assert timed


def test_occasions_and_participations_live_over_the_occasion_dates(graph_xml, store):
    dates = {r["cluster"]: r["date"] for r in timeline(store)["events"]}
    node_titles, edge_titles = _titles(graph_xml, "node"), _titles(graph_xml, "edge")
    spans = {}
    for node in graph_xml.iterfind("g:nodes/g:node", NS):
        span = (node.get("start"), node.get("end"))
        if _kind(node, node_titles) == "actor":
            assert span == (None, None)  # actors carry no date: always there
            continue
        d = dates[node.get("id")] or {}
        assert span == (d.get("start"), d.get("end")), node.get("id")
        spans[node.get("id")] = span
    assert any(s != (None, None) for s in spans.values())
    for edge in graph_xml.iterfind("g:edges/g:edge", NS):
        kind = _kind(edge, edge_titles)
        span = (edge.get("start"), edge.get("end"))
        if kind == "participation":
            assert span == spans[edge.get("target")], edge.get("id")
        elif kind == "relation":
            assert span == (None, None)


def test_coappearances_are_undirected_and_span_the_shared_occasions(graph_xml, exported):
    edge_titles = _titles(graph_xml, "edge")
    g = read_gexf(exported["gexf"])
    kinds = set()
    for edge in graph_xml.iterfind("g:edges/g:edge", NS):
        kind = _kind(edge, edge_titles)
        kinds.add(kind)
        assert (edge.get("type") == "undirected") == (kind == "coappearance"), edge.get("id")
        if kind == "coappearance" and edge.get("start"):
            key = (edge.get("source"), edge.get("target"), edge.get("id"))
            shared = [g.nodes[e] for e in g.edges[key]["events"].split("; ")]
            assert edge.get("start") == min(n["start"] for n in shared if "start" in n)
    assert "coappearance" in kinds


def test_networkx_reads_the_dynamic_graph_back(exported):
    g = read_gexf(exported["gexf"])
    assert g.graph["mode"] == "dynamic"
    assert any("start" in d for _, d in g.nodes(data=True))


def test_graphml_has_no_time_attributes(exported):
    text = exported["graphml"].read_text("utf-8")
    assert 'attr.name="start"' not in text and 'attr.name="end"' not in text


def test_interval_rules():
    assert graphml.interval([("2024-05-03", "2024-05-03")]) == {
        "start": "2024-05-03",
        "end": "2024-05-03",
    }
    # A pair that met twice: from the first meeting to the last.
    both = [("2024-05-03", "2024-05-03"), ("2023-01-01", "2023-12-31")]
    assert graphml.interval(both) == {"start": "2023-01-01", "end": "2024-05-03"}
    assert graphml.interval([("2023-10-01", None)]) == {"start": "2023-10-01"}  # open end
    assert graphml.interval([("2024-05-03", "2024-05-01")]) == {"start": "2024-05-03"}
    assert graphml.interval([]) == {}
    assert graphml.event_span({"date": {"start": "2024-05", "end": None}}) is None


def test_undated_occasions_are_always_there():
    dated = handmade.event("evt-dated", "rally")
    undated = handmade.event("evt-undated", "rally", start=None, end=None)
    g = graphml.dynamic(handmade.data([dated, undated]))
    assert g.nodes["evt-dated"]["start"] == "2024-05-03"
    assert "start" not in g.nodes["evt-undated"] and "end" not in g.nodes["evt-undated"]
    coappearance = next(d for _, _, d in g.edges(data=True) if d["kind"] == "coappearance")
    assert coappearance["type"] == "undirected"
    assert (coappearance["start"], coappearance["end"]) == ("2024-05-03", "2024-05-03")
