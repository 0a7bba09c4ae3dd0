"""Calendar expressions: exact dates, month-days, months, years, decades, centuries, seasons,
quarters, halves, days of the month, weekdays and holidays.

Choices the words leave open, and what we do:

* A bare weekday is the latest such day on or before the anchor (news style names weekdays only
  for the days around the date of writing, and reports are about what happened: in TimeBank,
  114 of 119 bare weekdays lie 0-6 days before the document date); "last Tuesday" is the latest
  Tuesday before the anchor, "next Tuesday" the first after, "this Tuesday" the one in the
  anchor's Monday-to-Sunday week, "the following Tuesday" the first after the reference.
* Seasons are meteorological, northern hemisphere: spring Mar-May, summer Jun-Aug, autumn/fall
  Sep-Nov, winter Dec-Feb; "winter 2023" is December 2023 to February 2024.
* "the 20th century" is 1900-1999, the popular reading; "the 1800s"/"the 1900s" are centuries,
  "the 2000s" and every other "-0s" a decade.
* "the 15th" is that day in the anchor's month or the month either side, whichever is closest.
* Holidays are the Western/US calendar: Christmas, New Year, Halloween, Valentine's Day, Easter,
  Good Friday, Thanksgiving (fourth Thursday of November).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from footprint.time import periods
from footprint.time.periods import Interval
from footprint.time.reading import ABSOLUTE, ANAPHORIC, DEICTIC, Reading, anchored, fixed
from footprint.time.rules import (
    MOD_KIND,
    RELATIVE_MOD_RE,
    YEAR_REF_RE,
    RuleSet,
    closest_over_years,
    relative_occurrence,
    with_year,
    year_ref,
    yearly,
)
from footprint.time.words import (
    DAY_RE,
    DECADE_WORDS,
    MONTH_RE,
    SEASON_RE,
    WEEKDAY_RE,
    YEAR_RE,
    day_number,
    month_number,
    weekday_number,
)

RULES = RuleSet()

# -- days ----------------------------------------------------------------------------------------

_DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "overnight": 0,
}


@RULES.rule(
    r"today|tonight|this morning|this afternoon|this evening|yesterday|last night|tomorrow"
    r"|the day before yesterday|the day after tomorrow|overnight"
)
def _day_word(m: re.Match[str]) -> Reading:
    amount = _DAY_WORDS[m[0]]
    return anchored(DEICTIC, lambda a: periods.day(a + dt.timedelta(days=amount)))


@RULES.rule(
    r"(?:(?P<mod>this past|this coming|last|next|this|past|coming|the following|following"
    r"|the previous|previous|the preceding|preceding|the next|that) )?(?P<wd>" + WEEKDAY_RE + ")"
)
def _weekday(m: re.Match[str]) -> Reading:
    target = weekday_number(m["wd"])
    mod = (m["mod"] or "").removeprefix("the ")
    kind = (
        ANAPHORIC
        if mod in ("following", "previous", "preceding", "that") or (m["mod"] == "the next")
        else DEICTIC
    )

    def resolve(anchor: dt.date) -> Interval:
        back = (anchor.weekday() - target) % 7  # days since the latest such weekday
        if mod in ("last", "past", "this past", "previous", "preceding"):
            back = back or 7
            return periods.day(anchor - dt.timedelta(days=back))
        ahead = (target - anchor.weekday()) % 7
        if mod in ("next", "coming", "this coming", "following"):
            return periods.day(anchor + dt.timedelta(days=ahead or 7))
        if mod == "this":
            monday = anchor - dt.timedelta(days=anchor.weekday())
            return periods.day(monday + dt.timedelta(days=target))
        return periods.day(anchor - dt.timedelta(days=back))

    return anchored(kind, resolve)


@RULES.rule(r"(?P<wd>" + WEEKDAY_RE + r")(?: of)? (?P<week>last|this|next) week")
def _weekday_of_a_week(m: re.Match[str]) -> Reading:
    """ "Tuesday last week", "Friday of next week": that day of the week named, counted from the
    week of writing (weeks begin on Monday)."""
    target = weekday_number(m["wd"])
    weeks = {"last": -1, "this": 0, "next": 1}[m["week"]]

    def resolve(anchor: dt.date) -> Interval:
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=weeks)
        return periods.day(monday + dt.timedelta(days=target))

    return anchored(DEICTIC, resolve)


_WEEKDAY_PREFIX = rf"(?:(?:{RELATIVE_MOD_RE} )?{WEEKDAY_RE} )?"


def _month_day_reading(month_no: int, day_no: int, yref: str | None) -> Reading | None:
    if day_no > 31 or day_no > periods.month_end(2000, month_no).day:
        return None

    def make(y: int) -> Interval:
        return periods.day(dt.date(y, month_no, day_no))

    return with_year(yref, make, closest_over_years(make, spread=4))


_OPTIONAL_YEAR = rf"(?: (?:of )?(?P<y>{YEAR_REF_RE}))?"


@RULES.rule(_WEEKDAY_PREFIX + rf"(?P<m>{MONTH_RE}) (?:the )?(?P<d>{DAY_RE})" + _OPTIONAL_YEAR)
def _month_day(m: re.Match[str]) -> Reading | None:
    return _month_day_reading(month_number(m["m"]), day_number(m["d"]), m["y"])


@RULES.rule(
    _WEEKDAY_PREFIX + rf"(?:the )?(?P<d>{DAY_RE}) (?:of )?(?P<m>{MONTH_RE})" + _OPTIONAL_YEAR
)
def _day_month(m: re.Match[str]) -> Reading | None:
    return _month_day_reading(month_number(m["m"]), day_number(m["d"]), m["y"])


@RULES.rule(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})")
def _iso_day(m: re.Match[str]) -> Reading | None:
    try:
        found = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return fixed(periods.day(found)) if periods.plausible_year(found.year) else None


@RULES.rule(r"(?P<y>\d{4})-(?P<m>\d{2})")
def _iso_month(m: re.Match[str]) -> Reading | None:
    year, month = int(m["y"]), int(m["m"])
    if not (periods.plausible_year(year) and 1 <= month <= 12):
        return None
    return fixed(periods.month(year, month))


_DAYS = rf"(?P<d1>{DAY_RE}) ?(?:-|to|and) ?(?P<d2>{DAY_RE})"


@RULES.rule(rf"{_DAYS} (?:of )?(?P<m>{MONTH_RE})" + _OPTIONAL_YEAR)
def _day_range_before_month(m: re.Match[str]) -> Reading | None:
    return _day_range(month_number(m["m"]), day_number(m["d1"]), day_number(m["d2"]), m["y"])


@RULES.rule(rf"(?P<m>{MONTH_RE}) {_DAYS}" + _OPTIONAL_YEAR)
def _day_range_after_month(m: re.Match[str]) -> Reading | None:
    return _day_range(month_number(m["m"]), day_number(m["d1"]), day_number(m["d2"]), m["y"])


def _day_range(month_no: int, first: int, last: int, yref: str | None) -> Reading | None:
    if not first < last <= periods.month_end(2000, month_no).day:
        return None

    def make(y: int) -> Interval:
        return Interval(dt.date(y, month_no, first), dt.date(y, month_no, last), "day")

    return with_year(yref, make, closest_over_years(make))


# -- months --------------------------------------------------------------------------------------


@RULES.rule(
    rf"(?:(?P<mod>{RELATIVE_MOD_RE}|that|the following|the previous) )?(?P<m>{MONTH_RE})"
    rf"(?: (?:of )?(?P<y>{YEAR_REF_RE}))?"
)
def _month(m: re.Match[str]) -> Reading | None:
    number = month_number(m["m"])

    def make(y: int) -> Interval:
        return periods.month(y, number)

    mod = m["mod"]
    if mod is None or m["y"]:
        if mod is not None:
            return None  # "last june 1989"
        return with_year(m["y"], make, closest_over_years(make))
    mod = mod.removeprefix("the ")
    if mod == "that":
        return anchored(ANAPHORIC, closest_over_years(make))
    kind = MOD_KIND.get(mod, DEICTIC)
    return anchored(kind, lambda a: relative_occurrence(make, mod, a))


# -- years, decades, centuries -------------------------------------------------------------------


@RULES.rule(YEAR_REF_RE)
def _year(m: re.Match[str]) -> Reading | None:
    found = year_ref(m[0])
    if found is None:
        return None
    kind, year_of = found
    if kind == ABSOLUTE:
        number = year_of(None)
        if number is None or not periods.plausible_year(number):
            return None
        return fixed(periods.year(number))

    def resolve(anchor: dt.date) -> Interval | None:
        number = year_of(anchor)
        return periods.year(number) if number is not None else None

    return anchored(kind, resolve)


@RULES.rule(rf"(?P<y1>{YEAR_RE}) ?(?:-|/|to) ?(?P<y2>\d{{2}}|{YEAR_RE})")
def _year_range(m: re.Match[str]) -> Reading | None:
    first = int(m["y1"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first - first % 100 + int(m["y2"])
    if second <= first or not periods.plausible_year(second) or second - first > 200:
        return None
    return fixed(Interval(dt.date(first, 1, 1), dt.date(second, 12, 31), "year"))


@RULES.rule(r"(?:the )?(?P<y>\d{3}0)'?s")
def _decade(m: re.Match[str]) -> Reading | None:
    """ "the 1990s"; "the 1800s" / "the 1900s" are read as centuries (as they usually are),
    "the 2000s" as the decade (as it usually is)."""
    first = int(m["y"])
    if not periods.plausible_year(first):
        return None
    if first % 100 == 0 and first < 2000:
        return fixed(periods.century(first))
    return fixed(periods.decade(first))


@RULES.rule(
    r"(?:the )?(?:'(?P<short>\d0)s|(?P<word>twenties|thirties|forties|fifties|sixties"
    r"|seventies|eighties|nineties))"
)
def _short_decade(m: re.Match[str]) -> Reading:
    tens = int(m["short"]) if m["short"] else DECADE_WORDS[m["word"]]

    def resolve(anchor: dt.date) -> Interval:
        base = anchor.year - anchor.year % 100
        candidates = [periods.decade(b + tens) for b in (base - 100, base)]
        if base + tens <= anchor.year + 10:
            candidates.append(periods.decade(base + tens))
        found = periods.closest(candidates, anchor)
        assert found is not None
        return found

    return anchored(DEICTIC, resolve)


@RULES.rule(r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century")
def _century(m: re.Match[str]) -> Reading | None:
    n = int(m["n"])
    if not 11 <= n <= 22:
        return None
    return fixed(periods.century((n - 1) * 100))


# -- seasons, quarters, halves -------------------------------------------------------------------


@RULES.rule(
    rf"(?:(?P<y1>{YEAR_REF_RE})(?:'s)? )?(?P<s>{SEASON_RE})(?: (?:of )?(?P<y2>{YEAR_REF_RE}))?"
)
def _season(m: re.Match[str]) -> Reading | None:
    if m["y1"] and m["y2"]:
        return None
    name = m["s"]
    return yearly(m["y1"] or m["y2"], lambda y: periods.season(y, name))


@RULES.rule(rf"(?P<mod>{RELATIVE_MOD_RE}|that) (?P<s>{SEASON_RE})")
def _relative_season(m: re.Match[str]) -> Reading:
    name, mod = m["s"], m["mod"]

    def make(y: int) -> Interval:
        return periods.season(y, name)

    if mod == "that":
        return anchored(ANAPHORIC, closest_over_years(make))
    return anchored(MOD_KIND.get(mod, DEICTIC), lambda a: relative_occurrence(make, mod, a))


_QUARTER_RE = r"(?P<q>[1-4])(?:st|nd|rd|th)"


@RULES.rule(
    rf"(?:(?P<y1>{YEAR_REF_RE})(?:'s)? )?(?:fiscal )?{_QUARTER_RE} (?:fiscal )?quarter"
    rf"(?: (?:of )?(?P<y2>{YEAR_REF_RE}))?"
)
def _quarter(m: re.Match[str]) -> Reading | None:
    if m["y1"] and m["y2"]:
        return None
    number = int(m["q"])
    return yearly(m["y1"] or m["y2"], lambda y: periods.quarter(y, number))


@RULES.rule(rf"(?:q(?P<q1>[1-4])|(?P<q2>[1-4])q)(?: (?P<y>{YEAR_RE}))?")
def _quarter_code(m: re.Match[str]) -> Reading | None:
    number = int(m["q1"] or m["q2"])
    return yearly(m["y"], lambda y: periods.quarter(y, number))


@RULES.rule(rf"h(?P<h>[12])(?: (?P<y>{YEAR_RE}))?")
def _half_code(m: re.Match[str]) -> Reading | None:
    number = int(m["h"])
    return yearly(m["y"], lambda y: periods.half(y, number))


@RULES.rule(
    rf"(?:(?P<y1>{YEAR_REF_RE})(?:'s)? )?(?P<h>1st|2nd|first|second|latter|last) half"
    rf"(?: (?:of )?(?P<y2>{YEAR_REF_RE}))?"
)
def _half(m: re.Match[str]) -> Reading | None:
    if m["y1"] and m["y2"]:
        return None
    number = 1 if m["h"] in ("1st", "first") else 2
    return yearly(m["y1"] or m["y2"], lambda y: periods.half(y, number))


@RULES.rule(rf"(?:(?P<wd>{WEEKDAY_RE}) )?(?:the )?(?P<d>{DAY_RE})")
def _day_of_month(m: re.Match[str]) -> Reading | None:
    """ "the 15th", "Friday the 15th": that day in the anchor's month or the month either side,
    whichever is closest (and falls on the weekday, when one is named)."""
    if not m["d"][-1].isalpha() and not m["wd"]:
        return None  # a bare number is not a date
    number = day_number(m["d"])
    weekday = weekday_number(m["wd"]) if m["wd"] else None

    def resolve(anchor: dt.date) -> Interval | None:
        candidates = []
        for step in (-1, 0, 1):
            first = periods.add_months(anchor.replace(day=1), step)
            if number > periods.month_end(first.year, first.month).day:
                continue
            day = first.replace(day=number)
            if weekday is None or day.weekday() == weekday:
                candidates.append(periods.day(day))
        return periods.closest(candidates, anchor)

    return anchored(ANAPHORIC, resolve)


# -- holidays ------------------------------------------------------------------------------------


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "thanksgiving": _thanksgiving,
    "thanksgiving day": _thanksgiving,
}
_HOLIDAY_RE = "|".join(sorted((re.escape(h) for h in _HOLIDAYS), key=len, reverse=True))


@RULES.rule(rf"(?:(?P<mod>{RELATIVE_MOD_RE}) )?(?P<h>{_HOLIDAY_RE})" + _OPTIONAL_YEAR)
def _holiday(m: re.Match[str]) -> Reading | None:
    date_of = _HOLIDAYS[m["h"]]

    def make(y: int) -> Interval:
        return periods.day(date_of(y))

    if m["mod"] and m["y"]:
        return None
    if m["mod"]:
        mod = m["mod"]
        return anchored(MOD_KIND.get(mod, DEICTIC), lambda a: relative_occurrence(make, mod, a))
    return with_year(m["y"], make, closest_over_years(make))
