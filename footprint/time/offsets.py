"""Offsets ("two days later", "a year ago", "weeks after", "about a month earlier") and the
windows they give when applied to a reference interval.

Choices, documented because the words do not fix them:

* An exact offset in days or weeks shifts the reference and keeps its precision ("a week after"
  October 14 is October 21, precision day). An exact offset in months or years applied to a single
  day coarsens to the calendar unit of the offset ("a month ago" is last month, "two years ago" is
  a year): that is the granularity the writer chose. Applied to a month, quarter or year it keeps
  that shape ("a year earlier" than the third quarter is the third quarter a year before).
* A hedged exact offset ("about two weeks later") becomes a window of +/- 20% (at least a day)
  around the exact answer, precision approximate.
* An amount bounded from above ("less than a week ago", "under two days later") is the window
  between the reference and the amount away, that last day left out ("less than a week ago":
  0-6 days before), precision approximate.
* A vague offset is a window, precision approximate. Bare plurals and "just/only/mere" read as:
  days 2-13 days, weeks 1-6 weeks ("weeks later" = reference + 7 to + 42 days), months 1-11
  months, quarters 1-4 quarters, years 1-10 years, decades 1-5 decades; "a few" = 2-4 units,
  "several" 3-7, "some" 2-6, "a couple of" 2-3, "a number of" 2-9; "N or M" = N-M.
* Minutes stay on the reference; hours may roll into the next (or previous) day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from footprint.time import periods
from footprint.time.periods import Interval

UNIT_RE = r"(?:minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)"
HEDGE_RE = (
    r"(?:about|around|roughly|approximately|nearly|almost|more than|over|less than|under"
    r"|just over|just under|a little over|a little more than|at least|well over|some)"
)
# Hedges that bound the amount from above: the offset is anything from none to the amount.
UPPER_BOUNDS = frozenset({"less than", "under", "just under"})
EMPHASIS_RE = r"(?:just|only|barely|exactly|a mere|mere|precisely)"

_VAGUE_UNITS = {
    # bare plural ("weeks later"): (low, high) in units
    "day": (2, 13),
    "week": (1, 6),
    "month": (1, 11),
    "quarter": (1, 4),
    "year": (1, 10),
    "decade": (1, 5),
    "century": (1, 5),
}
_VAGUE_WORDS = {
    "a few": (2, 4),
    "few": (2, 4),
    "several": (3, 7),
    "some": (2, 6),
    "a couple of": (2, 3),
    "couple of": (2, 3),
    "a couple": (2, 3),
    "a number of": (2, 9),
    "many": (4, 15),
}
# The vague words, longest first so that "a couple of" is read before "a couple". Every word
# the pattern reads has its range above ("many" once had none: "over the past many weeks"
# failed the whole document).
VAGUE_RE = "(?:" + "|".join(sorted(_VAGUE_WORDS, key=lambda w: (-len(w), w))) + ")"
_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
_DAYS_PER = {"day": 1, "night": 1, "week": 7, "fortnight": 14}


@dataclass(frozen=True)
class Offset:
    unit: str  # minute, hour, day, week, month, year, decade, century (night -> day)
    low: int  # amount range in units; equal for an exact offset
    high: int
    hedged: bool
    direction: int  # +1 later, -1 earlier
    below: bool = False  # "less than N": strictly less, so the far end is a day short of N

    @property
    def exact(self) -> bool:
        return self.low == self.high and not self.hedged


_QUANTITY = re.compile(
    rf"(?:(?P<hedge>{HEDGE_RE}) |(?P<emphasis>{EMPHASIS_RE}) )?"
    rf"(?:(?P<n>\d+|a|an|1)(?: or (?P<n2>\d+))?(?P<so> or so)? |(?P<vague>{VAGUE_RE}) )?"
    rf"(?P<unit>{UNIT_RE})(?P<plural>s)?(?P<so2> or so)?"
)


def parse_quantity(text: str, direction: int) -> Offset | None:
    """Reads "two days", "a week or so", "weeks", "a few months" (the part before the direction
    word)."""
    m = _QUANTITY.fullmatch(text)
    if m is None:
        return None
    unit = {"night": "day", "fortnight": "week", "centurie": "century"}.get(m["unit"], m["unit"])
    scale = 2 if m["unit"] == "fortnight" else 1
    hedged = bool(m["hedge"] or m["so"] or m["so2"])
    if m["n"] is not None:
        low = 1 if m["n"] in ("a", "an") else int(m["n"])
        high = int(m["n2"]) if m["n2"] else low
        if high < low or low == 0 or low > 10_000:
            return None
        if m["hedge"] in UPPER_BOUNDS:
            # "less than a week ago": any time between then and now, not about a week ago
            return Offset(unit, 0, high * scale, True, direction, below=True)
        return Offset(unit, low * scale, high * scale, hedged, direction)
    if m["vague"] is not None:
        low, high = _VAGUE_WORDS[m["vague"]]
    elif m["plural"]:
        if unit in ("minute", "hour"):
            low, high = 1, 1
        else:
            low, high = _VAGUE_UNITS[unit]
    else:
        return None  # "week later" without a quantity
    return Offset(unit, low * scale, high * scale, True, direction)


def _move(d: dt.date, unit: str, amount: int) -> dt.date:
    if unit in _DAYS_PER:
        return d + dt.timedelta(days=amount * _DAYS_PER[unit])
    return periods.add_months(d, amount * _MONTHS_PER[unit])


def apply(offset: Offset, reference: Interval) -> Interval | None:
    """The interval `offset` away from a closed reference interval."""
    start, end = reference.start, reference.end
    if start is None or end is None:
        return None
    sign = offset.direction
    try:
        if offset.unit == "minute":
            return reference
        if offset.unit == "hour":
            if sign > 0:
                return Interval(start, end + dt.timedelta(days=1), "approximate")
            return Interval(start - dt.timedelta(days=1), end, "approximate")
        if offset.exact:
            return _exact(offset.unit, sign * offset.low, reference)
        if offset.low == offset.high:
            return _hedged(offset.unit, sign * offset.low, reference)
        near, far = offset.low, offset.high
        short = dt.timedelta(days=1 if offset.below else 0)  # "less than a week": 0-6 days
        if sign > 0:
            return Interval(
                _move(start, offset.unit, near),
                _move(end, offset.unit, far) - short,
                "approximate",
            )
        return Interval(
            _move(start, offset.unit, -far) + short,
            _move(end, offset.unit, -near),
            "approximate",
        )
    except (ValueError, OverflowError):
        return None  # moved outside the calendar


def _exact(unit: str, amount: int, reference: Interval) -> Interval:
    assert reference.start is not None and reference.end is not None
    if unit in _DAYS_PER:
        moved = periods.shift(reference, amount * _DAYS_PER[unit], "day")
        precision = "day" if reference.precision == "day" else "approximate"
        return Interval(moved.start, moved.end, precision)
    months = amount * _MONTHS_PER[unit]
    if reference.precision == "day":
        target = periods.add_months(reference.start, months)
        if unit == "month":
            return periods.unit_of(target, "month")
        coarse = periods.year(target.year)
        return coarse if unit == "year" else Interval(coarse.start, coarse.end, "approximate")
    return periods.shift(reference, months, "month")


def _hedged(unit: str, amount: int, reference: Interval) -> Interval:
    centre = _exact(unit, amount, reference)
    assert centre.start is not None and centre.end is not None
    if unit in _DAYS_PER:
        width = dt.timedelta(days=max(1, round(0.2 * abs(amount) * _DAYS_PER[unit])))
        return Interval(centre.start - width, centre.end + width, "approximate")
    return Interval(centre.start, centre.end, "approximate")


def window(offset: Offset, anchor: dt.date) -> Interval | None:
    """The stretch between the anchor and `offset` away ("the past three months", "recent
    weeks", "the next few days"), precision approximate."""
    try:
        far = _move(
            anchor,
            offset.unit if offset.unit not in ("minute", "hour") else "day",
            offset.direction * offset.high,
        )
    except (ValueError, OverflowError):
        return None
    if offset.unit in ("minute", "hour"):
        far = anchor + dt.timedelta(days=offset.direction)
    first, last = sorted((anchor, far))
    return Interval(first, last, "approximate")
