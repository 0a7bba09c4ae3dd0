"""The brief's three pictures as self-contained SVG strings: timeline, map, network.

Drawn as SVG text here (no scripts, no external references, no fonts or images fetched): the
timeline in `brief_timeline.py`, the map in `brief_map.py`, the network in `brief_network.py`,
their shared pieces in `svg.py` and the label placement in `svg_labels.py`. This module is the
one the brief and the web view import. Every piece of text that came from an article goes
through `esc`.
"""

from __future__ import annotations

from footprint.export.brief_map import map_svg
from footprint.export.brief_network import layout, network_svg
from footprint.export.brief_timeline import date_text, timeline_svg
from footprint.export.svg import DESIGNATED, FOCUS, MARKED, PLAIN, esc
from footprint.place.sources import NE_FILE, NE_PACKAGE, outline_file

__all__ = [
    "DESIGNATED",
    "FOCUS",
    "MARKED",
    "NE_FILE",
    "NE_PACKAGE",
    "PLAIN",
    "date_text",
    "esc",
    "layout",
    "map_svg",
    "network_svg",
    "outline_file",
    "timeline_svg",
]
