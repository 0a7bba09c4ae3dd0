"""Boxes read back from an SVG the brief emits, to check that labels do not collide.

Independent of the code that placed them: a text's box is its position, its anchor and an
estimated width of character count × font size × `CHAR_EM` (one line, ascent and descent a
share of the font size); a node or place is the box around its circle or square. Transforms
on enclosing groups (`translate(x,y)`) are applied.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

CHAR_EM = 0.6
NS = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    what: str

    def overlaps(self, other: Box) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )


def _tag(el: ET.Element) -> str:
    return el.tag.replace(NS, "")


def _own_text(el: ET.Element) -> str:
    """The element's text without that of its <title> (a tooltip is not drawn)."""
    parts = [el.text or ""]
    for child in el:
        if _tag(child) != "title":
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _shift(el: ET.Element) -> tuple[float, float]:
    found = re.search(r"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", el.get("transform", ""))
    return (float(found.group(1)), float(found.group(2))) if found else (0.0, 0.0)


def boxes(svg: str) -> tuple[list[Box], list[Box]]:
    """(label boxes, mark boxes) of an SVG: every drawn text (each tspan of a multi-line one),
    and every element of class node or place."""
    root = ET.fromstring(svg)
    labels: list[Box] = []
    marks: list[Box] = []

    def walk(el: ET.Element, dx: float, dy: float, size: float) -> None:
        tag = _tag(el)
        if tag == "title":
            return
        sx, sy = _shift(el)
        dx, dy = dx + sx, dy + sy
        size = float(el.get("font-size", size))
        classes = set(el.get("class", "").split())
        if classes & {"node", "place"}:
            if tag == "circle":
                cx, cy, r = (float(el.get(k, 0)) for k in ("cx", "cy", "r"))
                marks.append(Box(dx + cx - r, dy + cy - r, dx + cx + r, dy + cy + r, "mark"))
            elif tag == "rect":
                x, y = float(el.get("x", 0)), float(el.get("y", 0))
                w, h = float(el.get("width", 0)), float(el.get("height", 0))
                marks.append(Box(dx + x, dy + y, dx + x + w, dy + y + h, "mark"))
        if tag == "text":
            lines = [t for t in el if _tag(t) == "tspan"]
            pieces = (
                [(t, " ".join(_own_text(t).split())) for t in lines]
                if lines
                else [(el, " ".join(_own_text(el).split()))]
            )
            for holder, text in pieces:
                if not text:
                    continue
                x = float(holder.get("x", el.get("x", 0)))
                y = float(holder.get("y", el.get("y", 0)))
                w = len(text) * size * CHAR_EM
                anchor = el.get("text-anchor", "start")
                x0 = x if anchor == "start" else x - w / 2 if anchor == "middle" else x - w
                labels.append(
                    Box(dx + x0, dy + y - 0.8 * size, dx + x0 + w, dy + y + 0.2 * size, text)
                )
            return
        for child in el:
            walk(child, dx, dy, size)

    walk(root, 0.0, 0.0, float(root.get("font-size", 11)))
    return labels, marks


def collisions(svg: str) -> list[tuple[str, str]]:
    """Every pair (label, label) or (label, mark) whose boxes overlap."""
    labels, marks = boxes(svg)
    found = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if a.overlaps(b):
                found.append((a.what, b.what))
        for m in marks:
            if a.overlaps(m):
                found.append((a.what, f"mark at {m.x0:.0f},{m.y0:.0f}"))
    return found
