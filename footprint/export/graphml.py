"""GraphML (and GEXF) through networkx: actors and occasions as nodes, three kinds of edge.

Node ids are footprint ids: actors `ent-...` (kind "actor"), occasions `evt-...` (kind
"event"). Edges (a directed multigraph; the edge key is its footprint id):

- participation `ptc-...`: actor -> event, roles, modes, confidence;
- relation `rel-...`: subject -> object, predicate, role (holds_title, which has no object,
  is the actor's `titles` attribute instead);
- co-appearance `coa-...`: actor -> actor (the smaller id first), events shared and their
  count.

GraphML holds strings and numbers only, so lists are joined with "; " and booleans are
"true"/"false"; a missing value (no place, no date) is left out rather than written empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from footprint.export.atomic import atomic_path
from footprint.export.selection import ExportData, event_fields

SEP = "; "


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


def write_gexf(data: ExportData, target: Path) -> dict[str, int]:
    g = graph(data)
    with atomic_path(target) as tmp:
        nx.write_gexf(g, tmp, encoding="utf-8")
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
