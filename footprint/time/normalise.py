"""The two entry points for single expressions: `normalise` (an expression against an anchor
date) and `relative_to` (an offset from an event whose date is already known)."""

from __future__ import annotations

import datetime as dt
import re

from footprint.time import offsets, periods
from footprint.time.grammar import read
from footprint.time.periods import Interval
from footprint.time.reading import ABSOLUTE, Reading
from footprint.time.span import TimeSpan
from footprint.time.words import clean


def normalise(text: str, anchor: dt.date | None) -> TimeSpan | None:
    """One time expression as an interval. `anchor` is the reference date for expressions that
    lack a year or count from a moment; without one those give None (never a silent "today").
    Durations, ages and numbers that cannot be years are not dates: None."""
    reading = read(text)
    if reading is None:
        return None
    return span_of(reading, _as_date(anchor), text)


def span_of(reading: Reading, anchor: dt.date | None, text: str) -> TimeSpan | None:
    if reading.kind != ABSOLUTE and anchor is None:
        return None
    return to_span(reading.build(anchor), text)


def to_span(interval: Interval | None, text: str) -> TimeSpan | None:
    """The public record for an internal interval, with the text as written."""
    if interval is None or (interval.start is None and interval.end is None):
        return None
    return TimeSpan(interval.start, interval.end, interval.precision, text, interval.hint)


def _as_date(value: dt.date | None) -> dt.date | None:
    # A datetime is a date too, but mixing the two in comparisons raises; keep the day.
    return value.date() if isinstance(value, dt.datetime) else value


_DIRECTIONS = {
    "after": 1,
    "following": 1,
    "since": 1,
    "later": 1,
    "afterwards": 1,
    "afterward": 1,
    "on": 1,
    "thereafter": 1,
    "before": -1,
    "preceding": -1,
    "prior to": -1,
    "ahead of": -1,
    "earlier": -1,
    "previously": -1,
    "prior": -1,
    "in the run up to": -1,
}
_RELATIVE = re.compile(
    r"(?:in )?(?P<head>.+?) (?P<dir>after|following|since|later|afterwards|afterward|on"
    r"|thereafter|before|preceding|prior to|ahead of|earlier|previously|prior)(?: (?P<event>.+))?"
)
_NEXT_UNIT = re.compile(
    r"(?:the )?(?:very )?"
    r"(?P<unit>day|night|morning|afternoon|evening|week|weekend|month|quarter|year)"
)
_SAME_UNIT = re.compile(
    r"(?:on |in |during )?(?:the same|that|the very same) (?P<unit>day|night|week|month|year)"
    r"(?: as .+)?"
)
_EVE = re.compile(r"(?:on )?the eve of .+")
_SOON = {"shortly": 7, "soon": 14, "immediately": 1, "right": 1, "just": 3, "directly": 1}
_SOON_RE = re.compile(r"(?P<word>shortly|soon|immediately|right|just|directly)")
_VAGUE_PLURAL = re.compile(r"(?:the )?(?P<unit>days|weeks|months|years)")


def relative_to(text: str, reference: TimeSpan) -> TimeSpan | None:
    """An expression counted from a known event: "a week after the attack", "two days after
    the rally", "three weeks before the vote", "the day after", "weeks after". Exact offsets keep
    the reference's precision (see `offsets` for months and years); vague ones give an
    approximate window. The event's own words are not read: the caller has resolved them."""
    if reference.start is None or reference.end is None:
        return None
    base = Interval(reference.start, reference.end, reference.precision)
    s = clean(text)
    interval = _relative_interval(s, base)
    if interval is None:
        reading = read(text)
        if reading is None or reading.kind == ABSOLUTE:
            return None
        interval = reading.build(reference.start)  # "the following Friday", "that month"
    return to_span(interval, text)


def _relative_interval(s: str, base: Interval) -> Interval | None:
    assert base.start is not None and base.end is not None
    if _EVE.fullmatch(s):
        return offsets.apply(offsets.Offset("day", 1, 1, False, -1), base)
    same = _SAME_UNIT.fullmatch(s)
    if same is not None:
        unit = "day" if same["unit"] == "night" else same["unit"]
        return base if unit == "day" else periods.unit_of(base.start, unit)
    m = _RELATIVE.fullmatch(s)
    if m is None:
        return None
    sign = _DIRECTIONS[m["dir"]]
    head = m["head"]
    offset = offsets.parse_quantity(head, sign)
    if offset is not None:
        return offsets.apply(offset, base)
    unit_match = _NEXT_UNIT.fullmatch(head)
    if unit_match is not None:
        unit = unit_match["unit"]
        if unit in ("day", "night", "morning", "afternoon", "evening"):
            return offsets.apply(offsets.Offset("day", 1, 1, False, sign), base)
        if unit == "weekend":
            return None
        edge = base.end if sign > 0 else base.start
        return periods.unit_offset(edge, unit, sign)
    soon = _SOON_RE.fullmatch(head)
    if soon is not None:
        days = dt.timedelta(days=_SOON[soon["word"]])
        if sign > 0:
            return Interval(base.start, base.end + days, "approximate")
        return Interval(base.start - days, base.end, "approximate")
    plural = _VAGUE_PLURAL.fullmatch(head)
    if plural is not None:
        vague = offsets.parse_quantity(plural["unit"], sign)
        return offsets.apply(vague, base) if vague else None
    return None
