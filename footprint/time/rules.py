"""The rule registry and what the rule modules share: years named inside larger expressions,
"the closest year" and "last/next/this" for things that come once a year.

Each rule is one regular expression over the cleaned text (see `words.clean`) and a function
from its match to a Reading. The rules live in `calendar_rules` (dates, months, years, seasons,
quarters, holidays) and `relative_rules` (present/past/future words, "this week", offsets,
windows); `grammar` tries the calendar rules, then the relative ones, each in file order.
Composite forms (ranges, "since", "early/mid/late", halves, prepositions) are in `grammar`.

A month, a month and day, a season, a quarter or a holiday without a year takes the year that
puts it closest to the anchor ("November 2" after 2023-10-14 is 2023-11-02; "December 28" with
anchor 2024-01-10 is 2023-12-28); on a tie, the earlier. "last June" / "last spring" is the
latest one that ended before the anchor; "next June" the first that starts after it; "this
June" the one holding the anchor, else the one in the anchor's year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from footprint.time import periods
from footprint.time.periods import Interval
from footprint.time.reading import ABSOLUTE, ANAPHORIC, DEICTIC, Reading, anchored, fixed
from footprint.time.words import YEAR_RE

Handler = Callable[[re.Match[str]], Reading | None]


class RuleSet:
    """An ordered list of (pattern, handler); the first handler that returns a Reading wins."""

    def __init__(self) -> None:
        self._rules: list[tuple[re.Pattern[str], Handler]] = []

    def rule(self, pattern: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self._rules.append((re.compile(pattern), handler))
            return handler

        return register

    def match(self, text: str) -> Reading | None:
        for pattern, handler in self._rules:
            m = pattern.fullmatch(text)
            if m is not None:
                reading = handler(m)
                if reading is not None:
                    return reading
        return None

    def __len__(self) -> int:
        return len(self._rules)


# -- years as parts of other expressions ---------------------------------------------------------

YEAR_REF_RE = (
    rf"(?:(?:fiscal (?:year )?|calendar (?:year )?|the year |year )?{YEAR_RE}|'\d\d"
    r"|(?:the )?(?:(?:this|current|present|last|latest|next|coming|previous|prior|preceding"
    r"|following|same) )?(?:fiscal |calendar )?year|that (?:fiscal |calendar )?year)"
)
_YEAR_REF = re.compile(
    rf"(?:(?:fiscal (?:year )?|calendar (?:year )?|the year |year )?(?P<year>{YEAR_RE})"
    r"|'(?P<short>\d\d)"
    r"|(?P<the>the )?(?:(?P<mod>this|current|present|last|latest|next|coming|previous|prior"
    r"|preceding|following|same|that) )?(?:fiscal |calendar )?year)"
)
YearOf = Callable[[dt.date | None], int | None]

_YEAR_MODS = {
    # modifier -> (offset in years, kind); "the next year" is anaphoric, "next year" deictic
    "this": (0, DEICTIC),
    "current": (0, DEICTIC),
    "present": (0, DEICTIC),
    "last": (-1, DEICTIC),
    "latest": (-1, DEICTIC),
    "next": (1, DEICTIC),
    "coming": (1, DEICTIC),
    "previous": (-1, ANAPHORIC),
    "prior": (-1, ANAPHORIC),
    "preceding": (-1, ANAPHORIC),
    "following": (1, ANAPHORIC),
    "same": (0, ANAPHORIC),
    "that": (0, ANAPHORIC),
}


def year_ref(text: str) -> tuple[str, YearOf] | None:
    """A year named inside a larger expression: 1989, fiscal 1989, '98, this year, that year."""
    m = _YEAR_REF.fullmatch(text)
    if m is None:
        return None
    if m["year"]:
        number = int(m["year"])
        return ABSOLUTE, lambda anchor: number
    if m["short"]:
        two = int(m["short"])
        return DEICTIC, lambda anchor: _closest_century(two, anchor)
    mod = m["mod"]
    if mod is None:
        if not m["the"]:
            return None  # a bare "year" is a unit, not a date
        return ANAPHORIC, lambda anchor: anchor.year if anchor else None
    amount, kind = _YEAR_MODS[mod]
    if mod == "next" and m["the"]:
        kind = ANAPHORIC
    return kind, lambda anchor: anchor.year + amount if anchor else None


def _closest_century(two_digits: int, anchor: dt.date | None) -> int | None:
    if anchor is None:
        return None
    base = anchor.year - anchor.year % 100
    return min(
        (base - 100 + two_digits, base + two_digits, base + 100 + two_digits),
        key=lambda y: (abs(y - anchor.year), y),
    )


Make = Callable[[int], Interval | None]  # a year -> the thing in that year
Resolve = Callable[[dt.date], Interval | None]  # an anchor -> the thing near it


def with_year(yref: str | None, make: Make, closest_years: Resolve) -> Reading | None:
    """The common shape: with a year reference, build in that year; without, pick the closest."""
    if yref is None:
        return anchored(ANAPHORIC, closest_years)
    found = year_ref(yref)
    if found is None:
        return None
    kind, year_of = found
    if kind == ABSOLUTE:
        number = year_of(None)
        if number is None or not periods.plausible_year(number):
            return None
        try:
            return fixed(make(number))
        except ValueError:
            return None

    def resolve(anchor: dt.date) -> Interval | None:
        number = year_of(anchor)
        return make(number) if number is not None else None

    return anchored(kind, resolve)


def yearly(yref: str | None, make: Make) -> Reading | None:
    """A thing that comes once a year: in the year named, else the year closest to the anchor."""
    return with_year(yref, make, closest_over_years(make))


def closest_over_years(make: Make, spread: int = 1) -> Resolve:
    """The thing in whichever year (anchor's, or up to `spread` either side) is closest."""

    def resolve(anchor: dt.date) -> Interval | None:
        candidates = []
        for y in range(anchor.year - spread, anchor.year + spread + 1):
            try:
                found = make(y)
            except ValueError:
                continue  # February 29 in a common year
            if found is not None:
                candidates.append(found)
        return periods.closest(candidates, anchor)

    return resolve


def relative_occurrence(make: Make, mod: str, anchor: dt.date) -> Interval | None:
    """last/next/this + a yearly thing (a month, a season, a holiday)."""
    candidates: list[Interval] = []
    for y in range(anchor.year - 2, anchor.year + 3):
        try:
            found = make(y)
        except ValueError:
            continue
        if found is not None:
            candidates.append(found)
    if mod in ("last", "past", "this past", "previous", "preceding", "prior"):
        before = [c for c in candidates if c.end is not None and c.end < anchor]
        return before[-1] if before else None
    if mod in ("next", "coming", "this coming", "following"):
        after = [c for c in candidates if c.start is not None and c.start > anchor]
        return after[0] if after else None
    holding = [c for c in candidates if periods.distance(c, anchor) == 0]
    if holding:
        return holding[0]
    same_year = [c for c in candidates if c.start is not None and c.start.year == anchor.year]
    return same_year[0] if same_year else None


RELATIVE_MOD_RE = r"(?:this past|this coming|last|next|this|past|coming|following|previous)"
MOD_KIND = {"following": ANAPHORIC, "previous": ANAPHORIC, "that": ANAPHORIC}
