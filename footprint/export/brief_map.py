"""The brief's map: event places as circles sized by their number of occasions, over country
outlines with the countries' names, a scale bar and a legend.

Equirectangular, zoomed to the places with a margin. The outlines and names are Natural Earth's
(public domain) admin-0 countries, read with pyshp from a file an installed package ships;
without it the map is drawn without them and says so. Place labels go where they cover no
circle and no other label (`svg_labels.Placer`, leader lines when pushed away); country names
are placed after them, only where they cover nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from footprint.export.svg import DESIGNATED, MUTED, PLAIN, esc, svg, text_width
from footprint.export.svg_labels import Box, Placer, mark_box, text_box
from footprint.place.sources import NE_PACKAGE, outline_file

PLACE_FONT, COUNTRY_FONT, NOTE_FONT = 11, 10, 9
BAND = 30  # px under the map for the scale, the legend and the credit
KM_PER_DEGREE = 111.32
MAX_COUNTRY_NAMES = 30
COUNTRY_NUDGES = ((0, 0), (0, 14), (0, -14), (40, 0), (-40, 0), (0, 28), (0, -28))
GRID = (24, 14)  # points over the view tried for a name whose label point is out of it


@dataclass(frozen=True)
class Country:
    name: str
    rank: int  # Natural Earth's LABELRANK: lower is a more prominent label
    label_at: tuple[float, float]  # (lon, lat) where Natural Earth puts its label
    path: str  # SVG path data of its outline in the view
    rings: tuple[tuple[tuple[float, float], ...], ...]  # its projected outline

    def inside(self, x: float, y: float) -> bool:
        """Whether the point lies in the outline (even-odd rule over every ring)."""
        hit = False
        for ring in self.rings:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False):
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    hit = not hit
        return hit

    def roomy(self, text_w: float) -> bool:
        """Whether the country is drawn big enough to carry a name this wide (a sliver of land
        at the map's edge, or an enclave, gets none)."""
        xs = [x for ring in self.rings for x, _ in ring]
        ys = [y for ring in self.rings for _, y in ring]
        return max(xs) - min(xs) >= 0.6 * text_w and max(ys) - min(ys) >= 2 * COUNTRY_FONT

    def name_spots(self, project: Any, width: float, height: float) -> list[tuple[float, float]]:
        """Where its name may go, best first: Natural Earth's label point when the view shows
        it (and a little off it), then points of a grid over the view that fall inside the
        country, nearest the middle of those first."""
        x, y = project(*self.label_at)
        spots = []
        if 0 <= x <= width and 0 <= y <= height:
            spots = [(x + dx, y + dy) for dx, dy in COUNTRY_NUDGES]
        grid = [
            (width * (i + 0.5) / GRID[0], height * (j + 0.5) / GRID[1])
            for i in range(GRID[0])
            for j in range(GRID[1])
        ]
        inner = [(gx, gy) for gx, gy in grid if self.inside(gx, gy)]
        if inner:
            mx = sum(p[0] for p in inner) / len(inner)
            my = sum(p[1] for p in inner) / len(inner)
            spots += sorted(inner, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)
        return spots


def countries(
    bbox: tuple[float, float, float, float], project: Any, tolerance: float
) -> list[Country] | None:
    """The countries in the view (west, south, east, north), their outlines projected and
    thinned to `tolerance` pixels; None when the outlines are not installed."""
    source = outline_file()
    if source is None:
        return None
    try:
        import shapefile  # pyshp
    except ImportError:
        return None
    found: list[Country] = []
    with shapefile.Reader(str(source), encoding="utf-8") as sf:
        for item in sf.iterShapeRecords(
            bbox=list(bbox), fields=["NAME", "LABELRANK", "LABEL_X", "LABEL_Y"]
        ):
            shape, record = item.shape, item.record
            path, rings = _path(shape, bbox, project, tolerance)
            if not path:
                continue
            found.append(
                Country(
                    str(record["NAME"] or ""),
                    int(record["LABELRANK"] or 9),
                    (float(record["LABEL_X"]), float(record["LABEL_Y"])),
                    path,
                    rings,
                )
            )
    return found


def _path(
    shape: Any, bbox: tuple[float, float, float, float], project: Any, tol: float
) -> tuple[str, tuple[tuple[tuple[float, float], ...], ...]]:
    """The shape's rings in the view as SVG path data, and the rings' projected points."""
    parts = list(shape.parts) + [len(shape.points)]
    d: list[str] = []
    rings: list[tuple[tuple[float, float], ...]] = []
    for a, b in zip(parts, parts[1:], strict=False):
        ring = shape.points[a:b]
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        if max(lons) < bbox[0] or min(lons) > bbox[2] or max(lats) < bbox[1] or min(lats) > bbox[3]:
            continue
        kept: list[tuple[float, float]] = []
        for lon, lat in ring:
            px, py = project(lon, lat)
            if kept and abs(px - kept[-1][0]) + abs(py - kept[-1][1]) < tol:
                continue
            kept.append((px, py))
        if len(kept) >= 3:
            d.append("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in kept) + "Z")
            rings.append(tuple(kept))
    return "".join(d), tuple(rings)


@dataclass(frozen=True)
class View:
    west: float
    south: float
    east: float
    north: float
    kx: float  # cos of the middle latitude: a degree of longitude is this much of one of latitude
    scale: float  # px per degree of latitude

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def view(lats: list[float], lons: list[float], width: int, height: int) -> View:
    """The places' bounding box with a margin, widened on its short side to the picture's
    aspect."""
    span = max(max(lats) - min(lats), max(lons) - min(lons), 6.0)
    margin = span * 0.25
    south, north = max(min(lats) - margin, -85.0), min(max(lats) + margin, 85.0)
    west, east = max(min(lons) - margin, -180.0), min(max(lons) + margin, 180.0)
    kx = math.cos(math.radians((south + north) / 2))
    w_deg, h_deg = (east - west) * kx, north - south
    if w_deg / h_deg < width / height:
        extra = (h_deg * width / height / kx - (east - west)) / 2
        west, east = west - extra, east + extra
    else:
        extra = (w_deg * height / width - h_deg) / 2
        south, north = south - extra, north + extra
    return View(west, south, east, north, kx, width / ((east - west) * kx))


def scale_bar(v: View, x: float, y: float, longest: float = 140.0) -> str:
    """A bar of a round number of kilometres (1, 2 or 5 × 10ⁿ) no longer than `longest` px,
    measured along the parallel at the map's middle (the projection keeps distances there)."""
    km_per_px = KM_PER_DEGREE / v.scale
    target = longest * km_per_px
    power = 10 ** math.floor(math.log10(target))
    km = max((m * power for m in (1, 2, 5) if m * power <= target), default=power)
    px = km / km_per_px
    label = f"{km:,.0f} km" if km >= 1 else f"{km * 1000:,.0f} m"
    return (
        f'<g class="scale-bar"><path d="M{x:.1f},{y - 5:.1f} v5 h{px:.1f} v-5" stroke="#333" '
        f'fill="none" stroke-width="1.5"/><text x="{x + px + 6:.1f}" y="{y:.1f}" '
        f'font-size="{NOTE_FONT}">{esc(label)}</text></g>'
    )


def _circle_radius(n: int, biggest: int) -> float:
    return 5 + 13 * math.sqrt(n / biggest)


def map_svg(places: Sequence[dict[str, Any]], width: int = 900, height: int = 520) -> str:
    """Event places as circles sized by their number of events, over named country outlines,
    with a scale bar and a legend in a band under the map."""
    pts = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    body: list[str] = []
    if not pts:
        body.append('<text x="20" y="30">No geocoded places.</text>')
        return svg(width, 60, body, "Map: no geocoded places", "map")
    v = view([float(p["lat"]) for p in pts], [float(p["lon"]) for p in pts], width, height)
    body.append(f'<rect width="{width}" height="{height}" fill="#eaf2f8"/>')
    outlines = countries((v.west, v.south, v.east, v.north), v.project, tolerance=2.0)
    if outlines:
        body.append(
            '<g class="outlines" fill="#f7f4ea" stroke="#9a9a9a" stroke-width="0.6">'
            + "".join(f'<path d="{c.path}"><title>{esc(c.name)}</title></path>' for c in outlines)
            + "</g>"
        )

    placer = Placer(Box(2, 2, width - 2, height - 2))
    biggest = max(int(p.get("events", 1)) for p in pts)
    marks = []
    for p in sorted(pts, key=lambda p: (-int(p.get("events", 1)), str(p.get("name") or ""))):
        px, py = v.project(float(p["lon"]), float(p["lat"]))
        n = int(p.get("events", 1))
        r = _circle_radius(n, biggest)
        marks.append((p, px, py, r, n))
        placer.block(mark_box(px, py, r))
    for p, px, py, r, n in marks:
        colour = DESIGNATED if p.get("designated") else PLAIN
        name = " ".join(str(p.get("name") or "").split())
        body.append(
            f'<circle class="place" cx="{px:.1f}" cy="{py:.1f}" r="{r:.1f}" fill="{colour}" '
            f'fill-opacity="0.7" stroke="#fff"><title>{esc(name)}: {n} event(s)</title></circle>'
        )
    labels: list[str] = []
    for p, px, py, r, n in marks:  # the busiest places are labelled first
        text = f"{' '.join(str(p.get('name') or '').split())} ({n})"
        spot = placer.place(px, py, r, text, PLACE_FONT)
        if spot is None:
            continue
        if spot.leader:
            lx, ly = spot.box.nearest(px, py)
            labels.append(
                f'<line class="leader" x1="{px:.1f}" y1="{py:.1f}" x2="{lx:.1f}" y2="{ly:.1f}" '
                f'stroke="#555" stroke-width="0.7"/>'
            )
        labels.append(
            f'<text class="place-label" x="{spot.x:.1f}" y="{spot.y:.1f}" '
            f'text-anchor="{spot.anchor}" font-size="{PLACE_FONT}" font-weight="bold" '
            f'paint-order="stroke" stroke="#fff" stroke-width="3">{esc(text)}</text>'
        )
    named = [
        c
        for c in sorted(outlines or [], key=lambda c: (c.rank, c.name))
        if c.name and c.roomy(text_width(c.name.upper(), COUNTRY_FONT))
    ]
    for c in named[:MAX_COUNTRY_NAMES]:
        name = c.name.upper()
        # Its label point, else inside it; nowhere free, no name.
        free = (
            spot
            for spot in c.name_spots(v.project, width, height)
            if placer.free(text_box(*spot, name, COUNTRY_FONT, "middle"))
        )
        found = next(free, None)
        if found is None:
            continue
        cx, cy = found
        placer.block(text_box(cx, cy, name, COUNTRY_FONT, "middle"))
        body.append(
            f'<text class="country-label" x="{cx:.1f}" y="{cy:.1f}" text-anchor="middle" '
            f'font-size="{COUNTRY_FONT}" fill="#8a8a8a" letter-spacing="0">{esc(name)}</text>'
        )
    body += labels
    body += _band(v, width, height, outlines is not None)
    return svg(width, height + BAND, body, f"Map of {len(pts)} event places", "map")


def _band(v: View, width: int, height: int, outlined: bool) -> list[str]:
    """The strip under the map: scale bar, legend of colours, and the outlines' credit."""
    y = height + BAND / 2 + 4
    out = [f'<rect y="{height}" width="{width}" height="{BAND}" fill="#fff"/>']
    out.append(scale_bar(v, 12, y))
    x = 240.0  # right of the longest scale label
    for colour, text in ((DESIGNATED, "a designated actor took part"), (PLAIN, "other")):
        out.append(
            f'<circle cx="{x + 5:.1f}" cy="{y - 4:.1f}" r="5" fill="{colour}" '
            f'fill-opacity="0.7"/><text x="{x + 14:.1f}" y="{y:.1f}" font-size="{NOTE_FONT}">'
            f"{esc(text)}</text>"
        )
        x += 14 + text_width(text, NOTE_FONT) + 16
    credit = (
        "Outlines and names: Natural Earth (public domain)"
        if outlined
        else f"Country outlines unavailable (install {NE_PACKAGE})."
    )
    out.append(
        f'<text class="credit" x="{width - 8}" y="{y:.1f}" text-anchor="end" fill="{MUTED}" '
        f'font-size="{NOTE_FONT}">{esc(credit)}</text>'
    )
    return out
