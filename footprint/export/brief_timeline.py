"""The brief's timeline: one lane per occasion, read at a glance.

Each dated occasion is a dot (a day) or a bar (a window: the earliest to the latest day the text
allows), with an arrow where an end is open, and its date written beside it. Labels wrap in
their column (the whole label is always in the lane's `<title>`). The axis carries month ticks,
labelled as often as they fit. Occasions far apart in time do not share one scale: where the
dates leave a long gap (a background event years before the story), the axis is broken and
each stretch gets room by how many occasions it holds, so the story is never squeezed into a
strip. Undated occasions are listed under the axis.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from footprint.export.svg import DESIGNATED, MUTED, PLAIN, esc, svg, text_width, wrap

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FONT, DATE_FONT, TICK_FONT = 11, 10, 10
LABEL_COLUMN = 250  # px for the occasion labels, left of the plot
LINE = 13  # px between wrapped label lines
RIGHT = 24
TOP = 16
BREAK_GAP = 22  # px between two stretches of a broken axis
MIN_BREAK_DAYS = 270  # a gap shorter than this never breaks the axis
BREAK_SHARE = 0.3  # nor one shorter than this share of the whole period
MAX_STRETCHES = 4
MIN_SHARE = 0.2  # of the plot's width, for the smallest stretch
TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)  # months between labelled ticks


def day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _d(d: dt.date, year: bool = True) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")


def _whole_month(a: dt.date, b: dt.date) -> bool:
    return a.day == 1 and b.day == calendar.monthrange(b.year, b.month)[1]


def date_text(start: dt.date | None, end: dt.date | None) -> str:
    """'3 Mar 2024', 'Mar 2024', '2024', 'Sep – Dec 2023', '1 Sep – 31 Dec 2023',
    'from 3 Mar 2024', 'until 2019'."""
    if start is None and end is None:
        return "undated"
    if start is None:
        return f"until {date_text(end, end)}"
    if end is None:
        return f"from {date_text(start, start)}"
    if start == end:
        return _d(start)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if _whole_month(start, end):
        if (start.year, start.month) == (end.year, end.month):
            return f"{MONTHS[start.month - 1]} {start.year}"
        if start.year == end.year:
            return f"{MONTHS[start.month - 1]} – {MONTHS[end.month - 1]} {end.year}"
        return f"{MONTHS[start.month - 1]} {start.year} – {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{_d(start, year=False)} – {_d(end)}"
    return f"{_d(start)} – {_d(end)}"


# --- the axis ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stretch:
    """A stretch of the axis: the days [lo, hi] drawn from x0 to x1."""

    lo: dt.date
    hi: dt.date
    x0: float
    x1: float

    def x(self, d: dt.date) -> float:
        span = (self.hi - self.lo).days or 1
        return self.x0 + (d - self.lo).days / span * (self.x1 - self.x0)

    def holds(self, d: dt.date) -> bool:
        return self.lo <= d <= self.hi


def _groups(spans: list[tuple[dt.date, dt.date]]) -> list[list[tuple[dt.date, dt.date]]]:
    """The spans in runs split where the time between them is a long gap (see the module)."""
    spans = sorted(spans)
    first = spans[0][0]
    last = max(b for _, b in spans)
    threshold = max(MIN_BREAK_DAYS, BREAK_SHARE * (last - first).days)
    gaps: list[tuple[int, int]] = []  # (days, index of the run's first span after the gap)
    reach = spans[0][1]
    for i, (a, b) in enumerate(spans[1:], 1):
        if (a - reach).days > threshold:
            gaps.append(((a - reach).days, i))
        reach = max(reach, b)
    cuts = sorted(i for _, i in sorted(gaps, reverse=True)[: MAX_STRETCHES - 1])
    bounds = [0, *cuts, len(spans)]
    return [spans[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def stretches(spans: list[tuple[dt.date, dt.date]], x0: float, x1: float) -> list[Stretch]:
    """The axis for the given (start, end) spans between x0 and x1: one stretch per run of
    dates, each as wide as its share of the occasions (at least MIN_SHARE of the plot)."""
    groups = _groups(spans)
    room = x1 - x0 - BREAK_GAP * (len(groups) - 1)
    raw = [len(g) / len(spans) for g in groups]
    shares = [max(s, MIN_SHARE) for s in raw]
    total = sum(shares)
    out: list[Stretch] = []
    x = x0
    for group, share in zip(groups, shares, strict=False):
        lo = min(a for a, _ in group)
        hi = max(b for _, b in group)
        pad = dt.timedelta(days=max(round((hi - lo).days * 0.06), 12))
        w = room * share / total
        out.append(Stretch(lo - pad, hi + pad, x, x + w))
        x += w + BREAK_GAP
    return out


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _month(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def ticks(stretch: Stretch) -> tuple[list[tuple[dt.date, str]], list[dt.date]]:
    """(labelled ticks with their text, minor month ticks) for one stretch: the labelled step
    is the shortest in TICK_STEPS whose labels fit side by side; a month label names the year
    at January and at the stretch's first tick."""
    first, last = _month_index(stretch.lo) + 1, _month_index(stretch.hi)
    months = list(range(first, last + 1))
    width = stretch.x1 - stretch.x0
    per_month = width / max((stretch.hi - stretch.lo).days / 30.44, 1)
    room = text_width("Sep 2024", TICK_FONT) + 8
    step = next((s for s in TICK_STEPS if per_month * s >= room), TICK_STEPS[-1])
    labelled: list[tuple[dt.date, str]] = []
    for m in months:
        if step >= 12:
            if m % 12 == 0 and (m // 12) % (step // 12) == 0:
                labelled.append((_month(m), str(m // 12)))
        elif m % step == 0:
            d = _month(m)
            named = d.month == 1 or not labelled
            labelled.append(
                (d, f"{MONTHS[d.month - 1]} {d.year}" if named else MONTHS[d.month - 1])
            )
    if not labelled:  # a stretch within one month: name the month at its middle
        mid = stretch.lo + (stretch.hi - stretch.lo) / 2
        labelled.append((mid, f"{MONTHS[mid.month - 1]} {mid.year}"))
    minor = [_month(m) for m in months] if per_month >= 4 else []
    return labelled, minor


# --- the picture -------------------------------------------------------------------------------


@dataclass
class Lane:
    event: dict[str, Any]
    start: dt.date | None
    end: dt.date | None
    lines: list[str]
    y: float = 0.0

    @property
    def height(self) -> float:
        return max(24.0, LINE * len(self.lines) + 10)


def _legend(x0: float, y: float, width: float) -> tuple[list[str], float]:
    """The legend's items laid left to right, wrapping to a new row; returns (body, height)."""
    items = [
        (f'<circle cx="6" cy="-4" r="5" fill="{PLAIN}"/>', 14, "a day"),
        (
            f'<rect x="0" y="-9" width="26" height="10" rx="3" fill="{PLAIN}" '
            f'fill-opacity="0.45" stroke="{PLAIN}"/>',
            32,
            "a window (earliest to latest possible day)",
        ),
        (f'<polygon points="0,-11 9,-4 0,3" fill="{PLAIN}"/>', 14, "open end"),
        (f'<circle cx="6" cy="-4" r="5" fill="{DESIGNATED}"/>', 14, "a designated actor took part"),
        ("", 0, "grey italics: background (recalled) occasion"),
    ]
    body: list[str] = []
    x, row = x0, 0
    for mark, mark_w, text in items:
        w = mark_w + text_width(text, DATE_FONT) + 18
        if x > x0 and x + w > x0 + width:
            x, row = x0, row + 1
        ty = y + row * 18
        body.append(
            f'<g class="legend-item" transform="translate({x:.1f},{ty:.1f})">{mark}'
            f'<text x="{mark_w}" y="0" font-size="{DATE_FONT}">{esc(text)}</text></g>'
        )
        x += w
    return body, (row + 1) * 18


def _lanes(events: Sequence[dict[str, Any]]) -> tuple[list[Lane], list[dict[str, Any]]]:
    dated: list[Lane] = []
    undated: list[dict[str, Any]] = []
    for e in events:
        d = e.get("date") or {}
        start, end = day(d.get("start")), day(d.get("end"))
        if start is None and end is None:
            undated.append(e)
            continue
        label = " ".join(str(e.get("label") or "").split())
        dated.append(Lane(e, start, end, wrap(label, LABEL_COLUMN - 16, FONT)))
    return dated, undated


def _mark(lane: Lane, stretch: Stretch, y: float, colour: str) -> tuple[str, float, float]:
    """The lane's dot or bar (with arrows for open ends); returns (svg, left x, right x)."""
    start, end = lane.start, lane.end
    if start is not None and end is not None and start == end:
        x = stretch.x(start)
        return (
            f'<circle class="event-mark day" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>',
            x - 5,
            x + 5,
        )
    x0 = stretch.x(start) if start else stretch.x0
    x1 = stretch.x(end) if end else stretch.x1
    out = (
        f'<rect class="event-mark interval" x="{x0:.1f}" y="{y - 5:.1f}" '
        f'width="{max(x1 - x0, 3):.1f}" height="10" rx="3" fill="{colour}" '
        f'fill-opacity="0.45" stroke="{colour}"/>'
    )
    if start is None:
        out += _arrow(x0, y, -1, colour)
        x0 -= 10
    if end is None:
        out += _arrow(x1, y, 1, colour)
        x1 += 10
    return out, x0, max(x1, x0 + 3)


def _arrow(x: float, y: float, direction: int, colour: str) -> str:
    tip = x + 9 * direction
    return (
        f'<polygon class="open-end" points="{x:.1f},{y - 7:.1f} {tip:.1f},{y:.1f} '
        f'{x:.1f},{y + 7:.1f}" fill="{colour}"/>'
    )


def _date_label(text: str, left: float, right: float, y: float, lo: float, hi: float) -> str:
    """The date beside its mark: right of it where it fits, else left, else not at all (the
    lane's tooltip still says it)."""
    w = text_width(text, DATE_FONT)
    if right + 6 + w <= hi:
        x, anchor = right + 6, "start"
    elif left - 6 - w >= lo:
        x, anchor = left - 6, "end"
    else:
        return ""
    return (
        f'<text class="date-label" x="{x:.1f}" y="{y + 3.5:.1f}" text-anchor="{anchor}" '
        f'font-size="{DATE_FONT}" fill="#444">{esc(text)}</text>'
    )


def timeline_svg(events: Sequence[dict[str, Any]], width: int = 900) -> str:
    """The timeline picture (see the module docstring)."""
    lanes, undated = _lanes(events)
    plot_x0, plot_x1 = LABEL_COLUMN, width - RIGHT
    body: list[str] = []
    if not lanes:
        body.append(f'<text x="{plot_x0}" y="{TOP + 14}">No dated events.</text>')
        return svg(width, TOP + 40, body, "Timeline: no dated events", "timeline")
    spans = [(ln.start or ln.end, ln.end or ln.start) for ln in lanes]
    axis = stretches([(a, b) for a, b in spans if a and b], plot_x0, plot_x1)
    y = float(TOP)
    for lane in lanes:
        lane.y = y + lane.height / 2
        y += lane.height
    axis_y = y + 6

    # Grid, ticks and the axis, stretch by stretch; the breaks between them.
    for i, s in enumerate(axis):
        labelled, minor = ticks(s)
        body.append(
            f'<line class="axis" x1="{s.x0:.1f}" y1="{axis_y:.1f}" x2="{s.x1:.1f}" '
            f'y2="{axis_y:.1f}" stroke="#555"/>'
        )
        for m in minor:
            if s.holds(m):
                mx = s.x(m)
                body.append(
                    f'<line class="tick-minor" x1="{mx:.1f}" y1="{axis_y:.1f}" x2="{mx:.1f}" '
                    f'y2="{axis_y + 3:.1f}" stroke="#888"/>'
                )
        for d, text in labelled:
            if not s.holds(d):
                continue
            tx = s.x(d)
            body.append(
                f'<line class="grid" x1="{tx:.1f}" y1="{TOP - 4}" x2="{tx:.1f}" '
                f'y2="{axis_y + 5:.1f}" stroke="#e2e2e2"/>'
                f'<text class="tick" x="{tx:.1f}" y="{axis_y + 17:.1f}" text-anchor="middle" '
                f'font-size="{TICK_FONT}">{esc(text)}</text>'
            )
        if i:
            prev = axis[i - 1]
            skipped = (s.lo - prev.hi).days
            years = round(skipped / 365.25, 1)
            mid = (prev.x1 + s.x0) / 2
            body.append(
                f'<g class="axis-break"><title>{years:g} years of no occasions left out '
                f"({esc(date_text(prev.hi, s.lo))})</title>"
                f'<rect x="{prev.x1 + 4:.1f}" y="{TOP - 4}" width="{BREAK_GAP - 8}" '
                f'height="{axis_y - TOP + 4:.1f}" fill="#f1f1f1"/>'
                f'<path d="M{mid - 7:.1f},{axis_y + 5:.1f} l5,-10 M{mid + 2:.1f},{axis_y + 5:.1f} '
                f'l5,-10" stroke="#555" fill="none"/></g>'
            )

    for lane in lanes:
        e = lane.event
        background = bool(e.get("background"))
        colour = DESIGNATED if e.get("designated") else PLAIN
        start, end = lane.start, lane.end
        when = date_text(start, end)
        said = (e.get("date") or {}).get("text")
        label = " ".join(str(e.get("label") or "").split())
        tip = f"{label} — {when}" + (f" (“{said}”)" if said else "")
        tip += " — background" if background else ""
        stretch = next(s for s in axis if s.holds(start or end))  # type: ignore[arg-type]
        mark, left, right = _mark(lane, stretch, lane.y, colour)
        style = ' fill="#777" font-style="italic"' if background else ""
        first = lane.y + 4 - (len(lane.lines) - 1) * LINE / 2
        lines = "".join(
            f'<tspan x="{plot_x0 - 10}" y="{first + i * LINE:.1f}">{esc(text)}</tspan>'
            for i, text in enumerate(lane.lines)
        )
        body.append(
            f'<g class="lane{" background" if background else ""}"><title>{esc(tip)}</title>'
            f'<text class="event-label" text-anchor="end"{style}>{lines}</text>{mark}'
            + _date_label(when, left, right, lane.y, stretch.x0 - 2, plot_x1 + RIGHT - 4)
            + "</g>"
        )

    legend, legend_h = _legend(plot_x0, axis_y + 40, plot_x1 - plot_x0)
    body += legend
    height = axis_y + 40 + legend_h
    if undated:
        names = "; ".join(" ".join(str(e.get("label") or "").split()) for e in undated)
        said_lines = wrap(f"Undated: {names}", width - 40, FONT, 3)
        body.append(
            f'<text class="undated" fill="{MUTED}"><title>{esc(names)}</title>'
            + "".join(
                f'<tspan x="20" y="{height + i * LINE:.1f}">{esc(t)}</tspan>'
                for i, t in enumerate(said_lines)
            )
            + "</text>"
        )
        height += LINE * len(said_lines) + 4
    return svg(width, height, body, f"Timeline of {len(lanes)} dated events", "timeline")
