"""GraphML (and GEXF) through networkx: actors and occasions as nodes, three kinds of edge.

Node ids are footprint ids: actors `ent-...` (kind "actor"), occasions `evt-...` (kind
"event", with the fields of `selection.event_fields`, the type's plover_type, plover_mode,
cameo_code and cameo_label among them). Edges (a directed multigraph; the edge key is its
footprint id):

- participation `ptc-...`: actor -> event, roles, modes, confidence;
- relation `rel-...`: subject -> object, predicate, role (holds_title, which has no object,
  is the actor's `titles` attribute instead);
- co-appearance `coa-...`: actor -> actor (the smaller id first), events shared and their
  count.

GEXF (version 1.3) is the same graph made dynamic for Gephi's timeline (`dynamic`): occasions
and their participations carry `start`/`end` from the occasion's dates (ISO days; the graph is
`mode="dynamic"`, `timeformat="date"`), a co-appearance from the first to the last occasion the
pair shared, and co-appearance edges are undirected (`type="undirected"` on a directed graph,
GEXF's mixed graph). networkx cannot read a mixed graph back (it refuses an undirected edge in a
directed graph); Gephi can.

GraphML holds strings and numbers only, so lists are joined with "; " and booleans are
"true"/"false"; a missing value (no place, no date) is left out rather than written empty.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from footprint.export.atomic import atomic_path
from footprint.export.selection import ExportData, event_fields

SEP = "; "
GEXF_VERSION = "1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _attrs(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in values.items():
        if v is None:
            continue  # GraphML and GEXF type each attribute: leave a missing one out
        if isinstance(v, list | tuple | set):
            v = SEP.join(str(x) for x in v)
        elif isinstance(v, bool):
            v = "true" if v else "false"
        out[k] = v
    return out


def graph(data: ExportData) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for a in data.actors.values():
        g.add_node(
            a["id"],
            **_attrs(
                {
                    "kind": "actor",
                    "label": a["name"],
                    "type": a["type"],
                    "aliases": a["aliases"],
                    "titles": a["titles"],
                    "designated": a["designated"],
                    "marks": a["marks"],
                    "entities": a["entities"],
                    "documents": a["documents"],
                }
            ),
        )
    for e in data.events.values():
        place = e["place"] or {}
        g.add_node(
            e["id"],
            **_attrs(
                {
                    "kind": "event",
                    **event_fields(e),
                    "lat": place.get("lat"),
                    "lon": place.get("lon"),
                }
            ),
        )
    for p in data.participations.values():
        g.add_edge(
            p["actor"],
            p["event"],
            key=p["id"],
            **_attrs(
                {
                    "id": p["id"],
                    "kind": "participation",
                    "roles": p["roles"],
                    "modes": p["modes"],
                    "grade": p["grade"]["grade"],
                    "confidence": p["confidence"],
                    "sentence": " ".join(p["evidence"][0]["sentence"].split())
                    if p["evidence"]
                    else "",
                }
            ),
        )
    for r in data.relations.values():
        if r["object"] is None:
            continue
        g.add_edge(
            r["subject"],
            r["object"],
            key=r["id"],
            **_attrs(
                {
                    "id": r["id"],
                    "kind": "relation",
                    "predicate": r["predicate"],
                    "role": r["role"],
                    "statements": len(r["evidence"]),
                    "grade": r["grade"]["grade"],
                    "confidence": r["confidence"],
                    "sentence": " ".join(r["evidence"][0]["sentence"].split()),
                }
            ),
        )
    for c in data.coappearances.values():
        g.add_edge(
            c["a"],
            c["b"],
            key=c["id"],
            **_attrs(
                {
                    "id": c["id"],
                    "kind": "coappearance",
                    "events": c["events"],
                    "count": len(c["events"]),
                }
            ),
        )
    return g


def write(data: ExportData, target: Path) -> dict[str, int]:
    g = graph(data)
    with atomic_path(target) as tmp:
        nx.write_graphml(g, tmp, encoding="utf-8")
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def iso_day(value: Any) -> str | None:
    """A date GEXF's `timeformat="date"` accepts (YYYY-MM-DD), else None."""
    return value if isinstance(value, str) and ISO_DAY.match(value) else None


def interval(spans: list[tuple[str | None, str | None]]) -> dict[str, str]:
    """The GEXF `start`/`end` covering these (start, end) dates: the earliest start, the latest
    end; an open side (an event "since 2023") stays open, and no date gives no interval, which
    Gephi reads as "always there"."""
    starts = [d for d, _ in spans if d]
    ends = [d for _, d in spans if d]
    out = {}
    if starts:
        out["start"] = min(starts)
    if ends and len(ends) == len(spans):  # one open end leaves the whole interval open
        out["end"] = max(ends)
    if "start" in out and "end" in out and out["end"] < out["start"]:
        del out["end"]  # a report's end before its start: keep the start, drop the nonsense
    return out


def event_span(event: dict[str, Any]) -> tuple[str | None, str | None] | None:
    """An occasion's (start, end) as ISO days; None when the text dates it not at all."""
    d = event["date"] or {}
    start, end = iso_day(d.get("start")), iso_day(d.get("end"))
    return (start, end) if start or end else None


def dynamic(data: ExportData) -> nx.MultiDiGraph:
    """The graph with Gephi's time: each occasion lives from its first to its last day, each
    participation with it, each co-appearance from the first to the last occasion the pair
    shared; relations and actors carry no date and are always there. Co-appearance ties are
    undirected (GEXF's per-edge `type`), since neither actor is its source."""
    g = graph(data)
    spans = {e["id"]: event_span(e) for e in data.events.values()}
    for eid, span in spans.items():
        if span:
            g.nodes[eid].update(interval([span]))
    for p in data.participations.values():
        span = spans.get(p["event"])
        if span:
            g.edges[p["actor"], p["event"], p["id"]].update(interval([span]))
    for c in data.coappearances.values():
        edge = g.edges[c["a"], c["b"], c["id"]]
        edge["type"] = "undirected"
        shared = [s for s in (spans.get(e) for e in c["events"]) if s]
        if shared:
            edge.update(interval(shared))
    return g


def gexf_writer(g: nx.MultiDiGraph) -> GEXFWriter:
    """networkx's GEXF 1.3 writer holding the graph. networkx (3.6) names the XML Schema
    instance namespace "http://w3.org/..." for 1.3, which makes `xsi:schemaLocation` an
    attribute of an unknown namespace; the root gets the real one before the graph goes in."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version=GEXF_VERSION)
    writer.xml.set("xmlns:xsi", XSI)
    writer.add_graph(g)
    return writer


def write_gexf(data: ExportData, target: Path) -> dict[str, int]:
    g = dynamic(data)
    writer = gexf_writer(g)
    with atomic_path(target) as tmp, tmp.open("wb") as handle:
        writer.write(handle)
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
