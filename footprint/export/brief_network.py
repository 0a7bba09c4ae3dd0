"""The brief's network: actors as nodes, their ties as edges labelled with what ties them.

Each connected component is laid out on its own with networkx's spring layout (seeded, so the
same store draws the same picture) and the components are packed in rows; nodes that land on
top of each other are then pushed apart. Every label goes where it covers no node and no other
label (`svg_labels.Placer`): the brief's actor first, then designated and marked actors, then by
number of ties; a label pushed away from its node gets a leader line. Edge labels (the role of a
relation, the occasion two actors shared) are placed after, along their edge, only where they
fit; every node and edge keeps its full text in a tooltip. A legend under the picture explains
shapes, colours and line styles.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from footprint.export.svg import DESIGNATED, FOCUS, MARKED, PLAIN, esc, svg, text_width
from footprint.export.svg_labels import Box, Placer, mark_box

NAME_FONT, EDGE_FONT, LEGEND_FONT = 11, 9, 10
LEGEND = 46  # px of the band under the picture
MARGIN = 24
ALONG = (0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75)  # where on an edge its label may sit
SEPARATION_ROUNDS = 60


def layout(g: Any) -> dict[str, tuple[float, float]]:
    """Each connected component laid out on its own (seeded spring layout) in a square whose
    side grows with the square root of its size; squares are packed in rows, biggest first."""
    import networkx as nx

    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    total = sum(math.sqrt(len(c)) for c in comps)
    row_width = max(total / math.sqrt(max(len(comps), 1)) * 1.6, math.sqrt(len(comps[0])))
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for comp in comps:
        side = math.sqrt(len(comp))
        if x > 0 and x + side > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        sub = g.subgraph(comp)
        if len(comp) == 1:
            local = {next(iter(comp)): (0.0, 0.0)}
        else:
            raw = nx.spring_layout(sub, seed=7, k=1.5 / math.sqrt(len(comp)), iterations=200)
            local = {n: (float(p[0]), float(p[1])) for n, p in raw.items()}
        lx = [p[0] for p in local.values()]
        ly = [p[1] for p in local.values()]
        for n, (px, py) in local.items():
            fx = (px - min(lx)) / ((max(lx) - min(lx)) or 1) if len(comp) > 1 else 0.5
            fy = (py - min(ly)) / ((max(ly) - min(ly)) or 1) if len(comp) > 1 else 0.5
            pos[n] = (x + 0.1 * side + fx * side * 0.8, y + 0.1 * side + fy * side * 0.8)
        x += side
        row_h = max(row_h, side)
    return pos


def _separate(
    at: dict[str, tuple[float, float]], radius: Mapping[str, float], area: Box
) -> dict[str, tuple[float, float]]:
    """Push apart nodes closer than their radii and a gap allow, a few rounds, inside `area`."""
    pos = {n: list(p) for n, p in at.items()}
    nodes = sorted(pos)
    for _ in range(SEPARATION_ROUNDS):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                dist = math.hypot(dx, dy)
                need = radius[a] + radius[b] + 12
                if dist >= need:
                    continue
                if dist < 1e-6:  # the same point: part them along a fixed direction
                    dx, dy, dist = 1.0, 0.5, math.hypot(1.0, 0.5)
                push = (need - dist) / 2
                ux, uy = dx / dist, dy / dist
                pos[a][0] -= ux * push
                pos[a][1] -= uy * push
                pos[b][0] += ux * push
                pos[b][1] += uy * push
                moved = True
        for p in pos.values():
            p[0] = min(max(p[0], area.x0), area.x1)
            p[1] = min(max(p[1], area.y0), area.y1)
        if not moved:
            break
    return {n: (p[0], p[1]) for n, p in pos.items()}


def _style(actor: dict[str, Any], focus: set[str]) -> tuple[str, float]:
    if actor["id"] in focus:
        return FOCUS, 11
    if actor.get("designated"):
        return DESIGNATED, 8
    if actor.get("marks"):
        return MARKED, 7
    return PLAIN, 6


def edge_label(edge: dict[str, Any], occasions: Mapping[str, str]) -> str:
    """What ties the two: a relation's role (its words where it has none), else the occasion
    they shared ("2 occasions" for several)."""
    for link in edge.get("affiliation") or []:
        return str(link.get("role") or link["predicate"].replace("_", " "))
    tie = edge.get("tie")
    if tie:
        first = tie["relations"][0]
        return str(first.get("role") or first["predicate"].replace("_", " "))
    co = edge.get("coappearance") or {}
    events = co.get("events") or []
    if len(events) == 1:
        return " ".join(str(occasions.get(events[0], "1 occasion")).split())
    return f"{len(events)} occasions" if events else ""


def _edge_tip(edge: dict[str, Any], names: Mapping[str, str], occasions: Mapping[str, str]) -> str:
    bits: list[str] = []
    for link in edge.get("affiliation") or []:
        bits.append(
            f"{names.get(link['subject'], '')} {link['what']} {names.get(link['object'], '')}"
        )
    if edge.get("tie"):
        tie = edge["tie"]
        bits.append(
            f"{names.get(tie['subject'], '')} acts for {names.get(tie['object'], '')}: "
            f"{tie['what']}"
        )
    co = edge.get("coappearance")
    if co:
        roles: dict[str, list[str]] = {}
        for ev in co.get("evidence", []):
            roles.setdefault(ev.get("actor", ""), [])
            if ev.get("role") and ev["role"] not in roles[ev["actor"]]:
                roles[ev["actor"]].append(ev["role"])
        who = " and ".join(
            f"{names[a]} ({', '.join(r)})"
            for a, r in sorted(roles.items(), key=lambda x: names.get(x[0], x[0]).lower())
            if a in names
        )
        where = "; ".join(" ".join(str(occasions.get(e, e)).split()) for e in co["events"])
        bits.append(f"{who} at {where}" if who else f"at {where}")
    return " — ".join(bits) or f"{edge['a_name']} — {edge['b_name']}"


def _line_style(edge: dict[str, Any]) -> str:
    kinds = edge.get("kinds") or []
    if "coappearance" in kinds:
        return ""
    if "affiliation" in kinds:
        return ' stroke-dasharray="5,3"'
    return ' stroke-dasharray="1.5,3"'  # a roll-up tie only


def _legend(y: float, width: int) -> list[str]:
    """Two rows: what shapes and colours mean, and what the line styles mean."""
    rows = [
        [
            (f'<circle cx="6" cy="-4" r="6" fill="{PLAIN}"/>', "person"),
            (f'<rect x="0" y="-10" width="12" height="12" fill="{PLAIN}"/>', "organisation"),
            (f'<circle cx="6" cy="-4" r="6" fill="{FOCUS}"/>', "the brief's actor"),
            (f'<circle cx="6" cy="-4" r="6" fill="{DESIGNATED}"/>', "designated (listed / alias)"),
            (
                f'<circle cx="6" cy="-4" r="6" fill="{MARKED}"/>',
                "claimed front / linked by the text",
            ),
        ],
        [
            (
                '<line x1="0" y1="-4" x2="24" y2="-4" stroke="#999" stroke-width="2"/>',
                "same occasion (labelled with it)",
            ),
            (
                '<line x1="0" y1="-4" x2="24" y2="-4" stroke="#999" stroke-width="2" '
                'stroke-dasharray="5,3"/>',
                "relation (labelled with the role)",
            ),
            (
                '<line x1="0" y1="-4" x2="24" y2="-4" stroke="#999" stroke-width="2" '
                'stroke-dasharray="1.5,3"/>',
                "acts for the actor (roll-up)",
            ),
        ],
    ]
    out = [f'<g class="legend"><rect y="{y - 16}" width="{width}" height="{LEGEND}" fill="#fff"/>']
    for r, items in enumerate(rows):
        x = 12.0
        for mark, text in items:
            mark_w = 30 if "<line" in mark else 16
            out.append(
                f'<g transform="translate({x:.1f},{y + r * 18:.1f})">{mark}'
                f'<text x="{mark_w}" y="0" font-size="{LEGEND_FONT}">{esc(text)}</text></g>'
            )
            x += mark_w + text_width(text, LEGEND_FONT) + 18
    out.append("</g>")
    return out


def network_svg(
    actors: Sequence[dict[str, Any]],
    edges: Sequence[dict[str, Any]],
    focus: Sequence[str] = (),
    width: int = 900,
    height: int = 620,
    occasions: Mapping[str, str] | None = None,
) -> str:
    """The network picture (see the module docstring). `occasions` names the event ids that
    co-appearance edges carry (event id -> label), for their labels."""
    import networkx as nx

    occasions = occasions or {}
    body: list[str] = []
    if not actors:
        body.append('<text x="20" y="30">No ties between actors.</text>')
        return svg(width, 60, body, "Network: no ties", "network")
    g = nx.Graph()
    for a in actors:
        g.add_node(a["id"])
    shown = [e for e in edges if e["a"] in g and e["b"] in g]
    for e in shown:
        g.add_edge(e["a"], e["b"])
    focus_set = set(focus)
    style = {a["id"]: _style(a, focus_set) for a in actors}
    radius = {n: s[1] for n, s in style.items()}

    raw = layout(g)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    # Nodes keep a margin for their labels: wider at the sides, where names run out.
    area = Box(MARGIN + 70, MARGIN + 8, width - MARGIN - 70, height - LEGEND - MARGIN - 8)

    def scaled(p: tuple[float, float]) -> tuple[float, float]:
        sx = (p[0] - min(xs)) / ((max(xs) - min(xs)) or 1) if len(xs) > 1 else 0.5
        sy = (p[1] - min(ys)) / ((max(ys) - min(ys)) or 1) if len(ys) > 1 else 0.5
        return area.x0 + sx * (area.x1 - area.x0), area.y0 + sy * (area.y1 - area.y0)

    pos = _separate({n: scaled(p) for n, p in raw.items()}, radius, area)
    names = {a["id"]: " ".join(str(a["name"]).split()) for a in actors}

    body.append(f'<rect width="{width}" height="{height}" fill="#fbfbfb"/>')
    for e in shown:
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        w = 1 + min(float(e.get("weight") or 1), 5) * 0.5
        body.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="#999" stroke-width="{w:.1f}"{_line_style(e)}>'
            f"<title>{esc(_edge_tip(e, names, occasions))}</title></line>"
        )

    placer = Placer(Box(2, 2, width - 2, height - LEGEND - 2))
    for n, (x, y) in pos.items():
        placer.block(mark_box(x, y, radius[n] + 1))
    for a in actors:
        x, y = pos[a["id"]]
        colour, r = style[a["id"]]
        marks = ", ".join(str(m).replace("_", " ") for m in a.get("marks", []))
        tip = esc(names[a["id"]]) + (f" ({esc(marks)})" if marks else "")
        if a.get("type") == "organization":
            body.append(
                f'<rect class="node" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" '
                f'height="{2 * r}" fill="{colour}" stroke="#fff"><title>{tip}</title></rect>'
            )
        else:
            body.append(
                f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}" '
                f'stroke="#fff"><title>{tip}</title></circle>'
            )

    order = sorted(
        actors,
        key=lambda a: (
            a["id"] not in focus_set,
            not a.get("designated"),
            not a.get("marks"),
            -g.degree(a["id"]),
            names[a["id"]].lower(),
        ),
    )
    for a in order:
        x, y = pos[a["id"]]
        spot = placer.place(x, y, radius[a["id"]], names[a["id"]], NAME_FONT, reach=180)
        if spot is None:
            continue
        if spot.leader:
            lx, ly = spot.box.nearest(x, y)
            body.append(
                f'<line class="leader" x1="{x:.1f}" y1="{y:.1f}" x2="{lx:.1f}" y2="{ly:.1f}" '
                f'stroke="#777" stroke-width="0.7"/>'
            )
        weight = ' font-weight="bold"' if a["id"] in focus_set else ""
        body.append(
            f'<text class="node-label" x="{spot.x:.1f}" y="{spot.y:.1f}" '
            f'text-anchor="{spot.anchor}" font-size="{NAME_FONT}"{weight} paint-order="stroke" '
            f'stroke="#fbfbfb" stroke-width="3">{esc(names[a["id"]])}</text>'
        )
    for e in shown:
        text = edge_label(e, occasions)
        if not text:
            continue
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        along = [(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t) for t in ALONG]
        spot = placer.place_along(along, text, EDGE_FONT)
        if spot is None:
            continue
        body.append(
            f'<text class="edge-label" x="{spot.x:.1f}" y="{spot.y:.1f}" text-anchor="middle" '
            f'font-size="{EDGE_FONT}" fill="#555" paint-order="stroke" stroke="#fbfbfb" '
            f'stroke-width="3">{esc(text)}</text>'
        )
    body += _legend(height - LEGEND + 16, width)
    return svg(width, height, body, f"Network of {len(actors)} actors", "network")
