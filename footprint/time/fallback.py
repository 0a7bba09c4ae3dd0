"""dateparser for the calendar-date spellings the grammar does not read (numeric dates such as
"14.10.2023" or "10/14/2023", odd orders of month-name dates).

dateparser is used on short spans only, and only its absolute-date parser: on free text it
misreads ("may" as a month, "On October 14, 2023" as 2025), and its relative dates count from
today, which we never want. When the span has no year, dateparser's year is thrown away and the
grammar's rule (the year closest to the anchor) applies. Numeric dates follow dateparser's
English default, month first ("03/04/2023" is March 4) unless the first number cannot be a month;
dates written with dots are read day first, as the countries that write them do ("03.04.2023" is
3 April).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import Any

from footprint.time import periods
from footprint.time.periods import Interval
from footprint.time.reading import ANAPHORIC, Reading, anchored, fixed
from footprint.time.words import MONTH_RE, YEAR_RE

log = logging.getLogger(__name__)

_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{8}")
_MONTH_WORD = re.compile(rf"\b{MONTH_RE}\b")
_NOT_A_DATE = re.compile(
    r"\b(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|ago|later|old|aged?|percent|%)\b"
)
_HAS_YEAR = re.compile(rf"\b{YEAR_RE}\b")
# A fixed base, so nothing depends on the day the code runs; the year is never used.
_BASE = dt.datetime(2000, 1, 1)


_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")


@lru_cache(maxsize=2)
def _parser(day_first: bool = False) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": _BASE,
        "PARSERS": ["absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if day_first:
        settings["DATE_ORDER"] = "DMY"
    return DateDataParser(languages=["en"], settings=settings)


def looks_like_a_date(s: str) -> bool:
    if len(s) > 40 or _NOT_A_DATE.search(s):
        return False
    return bool(_NUMERIC_DATE.fullmatch(s) or _MONTH_WORD.search(s))


def read(s: str) -> Reading | None:
    if not looks_like_a_date(s):
        return None
    try:
        data = _parser(day_first=bool(_DOTTED_DATE.fullmatch(s))).get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input; it is only a fallback
        log.debug("dateparser failed on %r", s, exc_info=True)
        return None
    found, period = data.date_obj, data.period
    if found is None:
        return None
    day = found.date()
    has_year = bool(_HAS_YEAR.search(s) or _NUMERIC_DATE.fullmatch(s))
    if has_year:
        if not periods.plausible_year(day.year):
            return None
        return fixed(_interval(day, period))

    def resolve(anchor: dt.date) -> Interval | None:
        candidates = []
        for y in range(anchor.year - 1, anchor.year + 2):
            try:
                candidates.append(_interval(day.replace(year=y), period))
            except ValueError:
                continue
        return periods.closest(candidates, anchor)

    return anchored(ANAPHORIC, resolve)


def _interval(day: dt.date, period: str | None) -> Interval:
    if period == "year":
        return periods.year(day.year)
    if period == "month":
        return periods.month(day.year, day.month)
    return periods.day(day)
