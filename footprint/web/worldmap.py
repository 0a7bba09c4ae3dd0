"""The actor page's map: event places as circles sized by their count, over Natural Earth
country outlines, as an SVG string.

The brief draws its map once per report and reads the outlines file each time
(`export/brief_svg.map_svg`); a page served again and again cannot pay that (about 300 ms a
map). Here the outlines are read once per process, thinned to what a page-sized map can show,
and kept with each ring's bounding box, so a map only projects the rings in its view. The file
is the same Natural Earth admin-0 shapefile (public domain) the brief finds
(`brief_svg.outline_file`). Every name drawn is escaped.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from html import escape
from typing import Any

from footprint.export.brief_svg import DESIGNATED, PLAIN, outline_file

# Points closer than this (degrees) to the last one kept are dropped when the outlines load:
# about 2 km, under a pixel at any zoom this map uses.
THIN_DEGREES = 0.02
MIN_SPAN_DEGREES = 6.0
MAX_TALL_DEGREES = 170.0  # a view of the whole inhabited world

Ring = tuple[tuple[float, float, float, float], list[tuple[float, float]]]


@functools.cache
def _rings() -> tuple[Ring, ...] | None:
    """Every outline ring as (its bounding box, its thinned points); None without the file."""
    source = outline_file()
    if source is None:
        return None
    import shapefile  # pyshp

    rings: list[Ring] = []
    with shapefile.Reader(str(source), encoding="utf-8") as sf:
        for shape in sf.iterShapes():
            parts = [*shape.parts, len(shape.points)]
            for a, b in zip(parts, parts[1:], strict=False):
                kept: list[tuple[float, float]] = []
                for lon, lat in shape.points[a:b]:
                    if kept and abs(lon - kept[-1][0]) + abs(lat - kept[-1][1]) < THIN_DEGREES:
                        continue
                    kept.append((float(lon), float(lat)))
                if len(kept) >= 3:
                    lons = [p[0] for p in kept]
                    lats = [p[1] for p in kept]
                    rings.append(((min(lons), min(lats), max(lons), max(lats)), kept))
    return tuple(rings)


def _view(
    places: Sequence[dict[str, Any]], width: int, height: int
) -> tuple[float, float, float, float, float]:
    """(west, south, east, north, cos of the middle latitude): a view of the picture's shape
    holding the places with a margin (places beyond ±85° latitude excepted).

    Views come in fixed sizes (each √2 times the last) centred on a grid a quarter of the size
    apart, as map tiles do: maps of places in one region share their view, so their projected
    outlines (`_outlines`, most of a map's cost) are made once, not once per actor page."""
    lats = [float(p["lat"]) for p in places]
    lons = [float(p["lon"]) for p in places]
    span = max(max(lats) - min(lats), max(lons) - min(lons), MIN_SPAN_DEGREES)
    margin = span * 0.15
    south, north = min(lats) - margin, max(lats) + margin
    west, east = min(lons) - margin, max(lons) + margin
    aspect = width / height
    kx = math.cos(math.radians((south + north) / 2))
    # The smallest size with room to move the centre onto the grid: the places take at most
    # 5/8 of it each way.
    need = 1.6 * max(north - south, (east - west) * kx / aspect)
    size = max(0, math.ceil(2 * math.log2(need / MIN_SPAN_DEGREES)))
    while True:
        tall = min(MIN_SPAN_DEGREES * 2 ** (size / 2), MAX_TALL_DEGREES)
        mid = round((south + north) / 2 / (tall / 4)) * (tall / 4)
        mid = min(max(mid, -85.0 + tall / 2), 85.0 - tall / 2)
        kx = math.cos(math.radians(mid))
        wide = tall * aspect / kx
        centre = round((west + east) / 2 / (wide / 4)) * (wide / 4)
        view = (centre - wide / 2, mid - tall / 2, centre + wide / 2, mid + tall / 2, kx)
        fits = view[0] <= west and east <= view[2] and view[1] <= south and north <= view[3]
        if fits:
            return view
        if tall >= MAX_TALL_DEGREES:  # places across the world or near a pole: no grid view
            return _whole_view(south, north, west, east, aspect)
        size += 1  # near the poles the grid step can push a side out: one size up


def _whole_view(
    south: float, north: float, west: float, east: float, aspect: float
) -> tuple[float, float, float, float, float]:
    """The box kept inside the map's world (latitudes ±85, longitudes ±180), widened on the
    short side to the picture's shape: the view of places no grid view holds."""
    south, north = max(south, -85.0), min(north, 85.0)
    west, east = max(west, -180.0), min(east, 180.0)
    kx = math.cos(math.radians((south + north) / 2))
    if (east - west) * kx / (north - south) < aspect:
        extra = ((north - south) * aspect / kx - (east - west)) / 2
        west, east = west - extra, east + extra
    else:
        extra = ((east - west) * kx / aspect - (north - south)) / 2
        south, north = south - extra, north + extra
    return west, south, east, north, kx


@functools.lru_cache(maxsize=64)  # about 250 KB each
def _outlines(
    west: float, south: float, east: float, north: float, kx: float, scale: float, height: int
) -> str:
    """The country outlines inside one view, projected (remembered per view: projecting every
    outline point was most of an actor page, and pages of one actor share their view)."""
    rings = _rings()
    if rings is None:
        return f'<text x="10" y="{height - 10}" fill="#777">Country outlines unavailable.</text>'
    paths = []
    for (x0, y0, x1, y1), points in rings:
        if x1 < west or x0 > east or y1 < south or y0 > north:
            continue
        kept: list[tuple[float, float]] = []
        for lon, lat in points:
            px, py = (lon - west) * kx * scale, (north - lat) * scale
            if kept and abs(px - kept[-1][0]) + abs(py - kept[-1][1]) < 1.5:
                continue
            kept.append((px, py))
        if len(kept) >= 3:
            paths.append("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in kept) + "Z")
    return (
        '<g class="outlines" fill="#f7f4ea" stroke="#9a9a9a" stroke-width="0.6">'
        + "".join(f'<path d="{d}"/>' for d in paths)
        + "</g>"
    )


def map_svg(places: Sequence[dict[str, Any]], width: int = 900, height: int = 520) -> str:
    """Places ({name, lat, lon, events, designated}) over the country outlines in their view."""
    pts = [
        p
        for p in places
        if p.get("lat") is not None
        and p.get("lon") is not None
        and math.isfinite(float(p["lat"]))
        and math.isfinite(float(p["lon"]))
    ]  # a stored point that is no number (NaN) would leave no view to draw
    if not pts:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="picture map" role="img" '
            f'width="{width}" height="60" viewBox="0 0 {width} 60">'
            '<title>Map: no places</title><text x="20" y="30">No placed occasions.</text></svg>'
        )
    west, south, east, north, kx = _view(pts, width, height)
    scale = width / ((east - west) * kx)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * kx * scale, (north - lat) * scale

    body = [f'<rect width="{width}" height="{height}" fill="#eaf2f8"/>']
    body.append(_outlines(west, south, east, north, kx, scale, height))
    biggest = max(int(p.get("events", 1)) for p in pts)
    for p in sorted(pts, key=lambda p: -int(p.get("events", 1))):
        px, py = xy(float(p["lon"]), float(p["lat"]))
        n = int(p.get("events", 1))
        r = 5 + 13 * math.sqrt(n / biggest)
        colour = DESIGNATED if p.get("designated") else PLAIN
        name = escape(str(p.get("name") or ""), quote=True)
        body.append(
            f'<circle class="place" cx="{px:.1f}" cy="{py:.1f}" r="{r:.1f}" fill="{colour}" '
            f'fill-opacity="0.7" stroke="#fff"><title>{name}: {n} occasion(s)</title></circle>'
            f'<text x="{px + r + 3:.1f}" y="{py + 4:.1f}" font-weight="bold" '
            f'paint-order="stroke" stroke="#fff" stroke-width="3">{name} ({n})</text>'
        )
    body.append(
        f'<text x="{width - 8}" y="{height - 8}" text-anchor="end" fill="#777" font-size="9">'
        "Outlines: Natural Earth (public domain)</text>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture map" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="sans-serif" font-size="11"><title>Map of {len(pts)} places</title>'
        + "".join(body)
        + "</svg>"
    )
