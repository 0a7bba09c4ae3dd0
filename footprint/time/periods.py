"""Calendar arithmetic on closed day intervals: calendar units, shifting, thirds, and choosing
the candidate closest to an anchor. No parsing here; everything takes and returns dates."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

# Meteorological seasons (northern hemisphere): first month and length in months. Winter of
# year Y is December Y to February Y+1, so "winter 2023" begins in December 2023.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

MIN_YEAR, MAX_YEAR = 1000, 2199  # a four-digit number outside this is not read as a year


@dataclass(frozen=True)
class Interval:
    """A resolved value before it is given its text: the internal currency of the grammar."""

    start: dt.date | None
    end: dt.date | None
    precision: str
    hint: str | None = None  # TIMEX3 value that the shape cannot carry (PRESENT_REF, ...)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plausible_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def day(d: dt.date) -> Interval:
    return Interval(d, d, "day")


def month(year: int, number: int) -> Interval:
    return Interval(dt.date(year, number, 1), month_end(year, number), "month")


def year(number: int) -> Interval:
    return Interval(dt.date(number, 1, 1), dt.date(number, 12, 31), "year")


def quarter(year: int, number: int) -> Interval:
    first = 3 * (number - 1) + 1
    return Interval(dt.date(year, first, 1), month_end(year, first + 2), "season")


def half(year: int, number: int) -> Interval:
    first = 1 if number == 1 else 7
    return Interval(dt.date(year, first, 1), month_end(year, first + 5), "season")


def season(year: int, name: str) -> Interval:
    first = dt.date(year, SEASON_START[name], 1)
    last = add_months(first, 2)
    return Interval(first, month_end(last.year, last.month), "season")


def week(d: dt.date) -> Interval:
    """The ISO week (Monday to Sunday) holding d. Bounded but not a calendar day or month."""
    monday = d - dt.timedelta(days=d.weekday())
    return Interval(monday, monday + dt.timedelta(days=6), "approximate")


def weekend(saturday: dt.date) -> Interval:
    return Interval(saturday, saturday + dt.timedelta(days=1), "approximate")


def decade(first_year: int) -> Interval:
    return Interval(dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "approximate")


def century(first_year: int) -> Interval:
    return Interval(dt.date(first_year, 1, 1), dt.date(first_year + 99, 12, 31), "approximate")


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def distance(candidate: Interval, anchor: dt.date) -> int:
    """Days between the anchor and the nearest day of the candidate (0 when it holds it)."""
    assert candidate.start is not None and candidate.end is not None
    if anchor < candidate.start:
        return (candidate.start - anchor).days
    if anchor > candidate.end:
        return (anchor - candidate.end).days
    return 0


def closest(candidates: Iterable[Interval], anchor: dt.date) -> Interval | None:
    """The candidate nearest the anchor; on a tie the earlier one, because reporting is mostly
    about what has happened."""
    best: Interval | None = None
    best_key: tuple[int, dt.date] | None = None
    for candidate in candidates:
        assert candidate.start is not None
        key = (distance(candidate, anchor), candidate.start)
        if best_key is None or key < best_key:
            best, best_key = candidate, key
    return best


def shift(interval: Interval, amount: int, unit: str) -> Interval:
    """Moves both edges by amount units (day, week, month, year). Month and year moves keep a
    month-end edge on the month's end, so a whole month stays a whole month."""
    assert interval.start is not None and interval.end is not None
    if unit in ("day", "week"):
        delta = dt.timedelta(days=amount * (7 if unit == "week" else 1))
        return Interval(interval.start + delta, interval.end + delta, interval.precision)
    months = amount * (12 if unit == "year" else 1)
    start = add_months(interval.start, months)
    end = add_months(interval.end, months)
    if interval.end == month_end(interval.end.year, interval.end.month):
        end = month_end(end.year, end.month)
    return Interval(start, end, interval.precision)


def unit_of(d: dt.date, unit: str) -> Interval:
    """The calendar unit (day, week, month, quarter, year) holding d."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, quarter_of(d))
    if unit == "year":
        return year(d.year)
    raise ValueError(f"not a calendar unit: {unit}")


def unit_offset(d: dt.date, unit: str, amount: int) -> Interval:
    """The calendar unit `amount` units away from the one holding d ("last month", "next week")."""
    if unit == "day":
        return day(d + dt.timedelta(days=amount))
    if unit == "week":
        return week(d + dt.timedelta(days=7 * amount))
    if unit == "quarter":
        return unit_of(add_months(d.replace(day=1), 3 * amount), "quarter")
    if unit == "month":
        return unit_of(add_months(d.replace(day=1), amount), "month")
    if unit == "year":
        return year(d.year + amount)
    raise ValueError(f"not a calendar unit: {unit}")


def part(interval: Interval, which: str) -> Interval:
    """The early / mid / late third of an interval, chosen by its length: a month splits at days
    10 and 20; a year into Jan-Apr, May-Aug, Sep-Dec; a three-month period by month; a decade
    into years 0-3, 4-6, 7-9; a week into Mon-Tue, Wed-Thu, Fri-Sun. A single day stays itself."""
    start, end = interval.start, interval.end
    assert start is not None and end is not None
    index = ("early", "mid", "late").index(which)
    days = (end - start).days + 1
    if days == 1:
        return interval
    if days < 7:
        return Interval(start, end, "approximate")
    if days == 7:
        first, last = [(0, 1), (2, 3), (4, 6)][index]
        return Interval(
            start + dt.timedelta(days=first), start + dt.timedelta(days=last), "approximate"
        )
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if whole_months and months == 1:
        first, last = [(1, 10), (11, 20), (21, end.day)][index]
        return Interval(start.replace(day=first), end.replace(day=last), "approximate")
    if whole_months and months % 3 == 0 and months <= 12:
        step = months // 3
        first_day = add_months(start, index * step)
        last_month = add_months(first_day, step - 1)
        return Interval(first_day, month_end(last_month.year, last_month.month), "approximate")
    years = end.year - start.year + 1
    if years in (10, 100) and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        size = years // 10
        first_year, last_year = [(0, 3), (4, 6), (7, 9)][index]
        return Interval(
            dt.date(start.year + first_year * size, 1, 1),
            dt.date(start.year + last_year * size + size - 1, 12, 31),
            "approximate",
        )
    # Any other window: plain thirds by days.
    third = days // 3
    offsets = [(0, third - 1), (third, 2 * third - 1), (2 * third, days - 1)][index]
    return Interval(
        start + dt.timedelta(days=offsets[0]), start + dt.timedelta(days=offsets[1]), "approximate"
    )


def halves(interval: Interval, which: int) -> Interval:
    """First (1) or second (2) half: a year gives H1/H2 (precision season); others split by days,
    or by months when the interval is whole months."""
    start, end = interval.start, interval.end
    assert start is not None and end is not None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return half(start.year, which)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.day == 1 and end == month_end(end.year, end.month) and months % 2 == 0:
        first = add_months(start, 0 if which == 1 else months // 2)
        last = add_months(first, months // 2 - 1)
        return Interval(first, month_end(last.year, last.month), "approximate")
    days = (end - start).days + 1
    if days < 2:
        return interval
    middle = start + dt.timedelta(days=(days + 1) // 2)
    if which == 1:
        return Interval(start, middle - dt.timedelta(days=1), "approximate")
    return Interval(middle, end, "approximate")
