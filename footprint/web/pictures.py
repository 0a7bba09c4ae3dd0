"""The actor page's timeline (drawn by the brief's SVG code, `export/brief_svg.py`) and map
(`worldmap.py`, over outlines kept in memory), placed in the page as markup: both escape every
string they draw.

Maps are also kept by their places: a page asked for again (or another actor seen in the same
towns) draws the same map.
"""

from __future__ import annotations

import functools
from typing import Any

from markupsafe import Markup

from footprint.export import brief_svg
from footprint.web import worldmap

MAPS_KEPT = 256


def timeline_picture(stops: list[dict[str, Any]]) -> Markup:
    events = [
        {"label": s["label"], "date": s["date"], "designated": bool(s.get("designated_as_of"))}
        for s in stops
    ]
    # The SVG escapes every string it draws (brief_svg.esc).
    return Markup(brief_svg.timeline_svg(events))  # noqa: S704


def map_picture(stops: list[dict[str, Any]]) -> Markup:
    places: dict[tuple[Any, ...], dict[str, Any]] = {}
    for s in stops:
        p = s.get("place") or {}
        if p.get("lat") is None or p.get("lon") is None:
            continue
        key = (p.get("gazetteer_id") or p.get("name"), p["lat"], p["lon"])
        entry = places.setdefault(key, {"name": p.get("name") or "", "lat": p["lat"],
                                        "lon": p["lon"], "events": 0, "designated": False})
        entry["events"] += 1
        entry["designated"] = entry["designated"] or bool(s.get("designated_as_of"))
    frozen = tuple(
        (e["name"], float(e["lat"]), float(e["lon"]), e["events"], e["designated"])
        for e in sorted(places.values(), key=lambda e: (e["name"], e["lat"], e["lon"]))
    )
    return Markup(_map(frozen))  # noqa: S704


@functools.lru_cache(maxsize=MAPS_KEPT)
def _map(places: tuple[tuple[str, float, float, int, bool], ...]) -> str:
    return worldmap.map_svg(
        [
            {"name": n, "lat": lat, "lon": lon, "events": k, "designated": d}
            for n, lat, lon, k, d in places
        ]
    )
