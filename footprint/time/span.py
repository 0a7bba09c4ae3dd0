"""The TimeSpan record: every date is an interval with a precision and the text it came from.

`timex_value()` reads a TIMEX3-style value off the interval's shape (a whole month is "2023-11",
a whole quarter "1989-Q3", a Monday-to-Sunday week "1989-W44", ...), so a span rebuilt from the
store, which keeps only start/end/precision/text, gives the same value as a fresh one. The
document-relative values TIMEX3 has no calendar shape for (PRESENT_REF, PAST_REF, FUTURE_REF)
travel in `timex_hint`, which is not part of equality or of the JSON contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from footprint.time import periods

PRECISIONS = ("day", "month", "season", "year", "approximate", "reported")

# Meteorological seasons, northern hemisphere: the first month of each and its TIMEX3 code.
_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


@dataclass(frozen=True)
class TimeSpan:
    """An interval of whole days. `end` is the inclusive last day; None on either side is open.

    precision: "day" (exact days), "month" (a calendar month), "season" (a named part of a year:
    meteorological season, quarter or half), "year", or "approximate" (a window whose edges are
    our reading of vague words: weeks, thirds of a month or year, "weeks later", decades).
    """

    start: dt.date | None
    end: dt.date | None
    precision: str
    text: str
    timex_hint: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"span starts after it ends: {self.start} > {self.end}")

    def to_json(self) -> dict[str, str | None]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "text": self.text,
        }

    def timex_value(self) -> str | None:
        """The TIMEX3 value this interval stands for, or None when no single value expresses it
        (open intervals, ranges of days, windows that straddle a year)."""
        if self.timex_hint is not None:
            return self.timex_hint
        if self.start is None or self.end is None:
            return None
        return shape_value(self.start, self.end, self.precision)


def shape_value(start: dt.date, end: dt.date, precision: str) -> str | None:
    """TIMEX3 value of a closed interval: exact calendar shapes first, then, for approximate
    windows only, the smallest calendar unit that contains the whole window."""
    exact = _exact_shape(start, end, precision)
    if exact is not None or precision != "approximate":
        return exact
    return _container(start, end)


def _exact_shape(start: dt.date, end: dt.date, precision: str) -> str | None:
    if start == end:
        return start.isoformat()
    if start.day == 1 and end == periods.month_end(start.year, start.month):
        return f"{start.year:04d}-{start.month:02d}"
    week_year, week, weekday = start.isocalendar()
    if weekday == 1 and (end - start).days == 6:
        return f"{week_year:04d}-W{week:02d}"
    if weekday == 6 and (end - start).days == 1:
        return f"{week_year:04d}-W{week:02d}-WE"
    if start.day != 1 or end != periods.month_end(end.year, end.month):
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.month == 1 and months % 12 == 0:
        return _years_value(start.year, months // 12)
    if months == 3 and precision == "season" and start.month in _SEASON_CODES:
        return f"{start.year:04d}-{_SEASON_CODES[start.month]}"
    if months == 3 and start.month % 3 == 1:
        return f"{start.year:04d}-Q{start.month // 3 + 1}"
    if months == 6 and start.month in (1, 7):
        return f"{start.year:04d}-H{1 if start.month == 1 else 2}"
    return None


def _years_value(first: int, count: int) -> str | None:
    if count == 1:
        return f"{first:04d}"
    if count == 10 and first % 10 == 0:
        return f"{first // 10:03d}"
    if count == 100 and first % 100 == 0:
        return f"{first // 100:02d}"
    return None


def _container(start: dt.date, end: dt.date) -> str | None:
    if start.isocalendar()[:2] == end.isocalendar()[:2]:
        week_year, week, _ = start.isocalendar()
        return f"{week_year:04d}-W{week:02d}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if start.year == end.year:
        return f"{start.year:04d}"
    # A window over a year boundary is not "the decade"; only a few years or more speak for it.
    years = end.year - start.year + 1
    if years >= 3 and start.year // 10 == end.year // 10:
        return f"{start.year // 10:03d}"
    if years >= 30 and start.year // 100 == end.year // 100:
        return f"{start.year // 100:02d}"
    return None
