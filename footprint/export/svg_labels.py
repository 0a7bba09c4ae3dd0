"""Label placement for the network and the map: no label covers a mark or another label.

A `Placer` keeps the boxes already taken (marks, labels, reserved bands) inside the picture's
bounds. Each label is tried at the positions around its mark in order of preference (right,
left, above, below, the diagonals), then on rings further out, where a leader line will join
it to its mark; the first free position wins. A label with no free position anywhere is not
drawn on the picture (its text stays in the mark's tooltip), so the rule is never broken. The
order of placement is the caller's: the labels that matter most go first and get the best
places.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from footprint.export.svg import ASCENT, DESCENT, text_width

PAD = 1.5  # pixels kept clear around every label
RING_STEP = 12.0
RING_ANGLES = 16


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def within(self, other: Box) -> bool:
        return (
            self.x0 >= other.x0
            and self.y0 >= other.y0
            and self.x1 <= other.x1
            and self.y1 <= other.y1
        )

    def grown(self, by: float) -> Box:
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def nearest(self, x: float, y: float) -> tuple[float, float]:
        """The point of the box nearest to (x, y): where a leader line meets it."""
        return min(max(x, self.x0), self.x1), min(max(y, self.y0), self.y1)


def mark_box(x: float, y: float, r: float) -> Box:
    """The box around a circle (or a square) of half-size `r` centred on (x, y)."""
    return Box(x - r, y - r, x + r, y + r)


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """The room a one-line text at (x, baseline y) is estimated to take."""
    w = text_width(text, size)
    x0 = x if anchor == "start" else x - w / 2 if anchor == "middle" else x - w
    return Box(x0, y - ASCENT * size, x0 + w, y + DESCENT * size)


@dataclass(frozen=True)
class Spot:
    """Where a label went: its anchor point, text-anchor, box, and whether it sits away from its
    mark (then a leader line joins them)."""

    x: float
    y: float
    anchor: str
    box: Box
    leader: bool


def _at_centre(cx: float, cy: float, w: float, size: float) -> tuple[float, float, str]:
    """(x, baseline, anchor) of a text whose box is centred on (cx, cy)."""
    return cx, cy + (ASCENT - DESCENT) * size / 2, "middle"


def candidates(
    x: float, y: float, r: float, text: str, size: float, reach: float
) -> Iterator[tuple[float, float, str, bool]]:
    """Positions for the label of a mark of half-size `r` at (x, y), best first: beside, above,
    below, the diagonals, then rings out to `reach` pixels (with a leader line)."""
    w = text_width(text, size)
    mid = (ASCENT - DESCENT) * size / 2  # baseline offset that centres the text on y
    gap = r + 3
    yield x + gap, y + mid, "start", False
    yield x - gap, y + mid, "end", False
    yield x, y - gap - DESCENT * size, "middle", False
    yield x, y + gap + ASCENT * size, "middle", False
    corner = gap * 0.75  # a box touching the mark's corner, up or down a diagonal
    for dx, dy in ((1, -1), (1, 1), (-1, -1), (-1, 1)):
        base = y - corner - DESCENT * size if dy < 0 else y + corner + ASCENT * size
        yield x + dx * corner, base, "start" if dx > 0 else "end", False
    ring = gap + RING_STEP
    while ring <= reach:
        for i in range(RING_ANGLES):
            a = 2 * math.pi * i / RING_ANGLES
            # The box's centre sits far enough along the ray that its near edge is `ring` away.
            cx = x + math.cos(a) * (ring + w / 2 * abs(math.cos(a)))
            cy = y + math.sin(a) * (ring + size / 2 * abs(math.sin(a)))
            tx, ty, anchor = _at_centre(cx, cy, w, size)
            yield tx, ty, anchor, True
        ring += RING_STEP


class Placer:
    """The boxes taken so far inside `bounds`; `place` finds a free spot for a label."""

    def __init__(self, bounds: Box) -> None:
        self.bounds = bounds
        self.taken: list[Box] = []

    def block(self, box: Box) -> None:
        self.taken.append(box)

    def free(self, box: Box) -> bool:
        grown = box.grown(PAD)
        return grown.within(self.bounds) and not any(grown.overlaps(t) for t in self.taken)

    def place(
        self, x: float, y: float, r: float, text: str, size: float, reach: float = 160.0
    ) -> Spot | None:
        """The first free spot for `text` by a mark at (x, y), taken at once; None if none."""
        for tx, ty, anchor, leader in candidates(x, y, r, text, size, reach):
            box = text_box(tx, ty, text, size, anchor)
            if self.free(box):
                self.block(box.grown(PAD))
                return Spot(tx, ty, anchor, box, leader)
        return None

    def place_along(self, points: list[tuple[float, float]], text: str, size: float) -> Spot | None:
        """A label centred on one of `points` (along an edge, best first), or None."""
        for px, py in points:
            tx, ty, anchor = _at_centre(px, py, text_width(text, size), size)
            box = text_box(tx, ty, text, size, anchor)
            if self.free(box):
                self.block(box.grown(PAD))
                return Spot(tx, ty, anchor, box, False)
        return None
