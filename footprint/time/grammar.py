"""The composite forms around the atomic rules, tried in order when no rule reads the whole text:
ranges ("October 14-16", "between 2010 and 2012", "from May to July 2023"), open ends ("since
late 2023", "until March", "2010 onwards"), hedges ("around May 5"), thirds ("early/mid/late X",
"the beginning/middle/end of X", "earlier this year"), halves, the n-th week of a period,
times of day, possessives and leading prepositions. Whatever is still unread goes to dateparser
(`fallback.py`) if it looks like a calendar date at all.

`parse` works on the cleaned text and is cached: one expression is read once per process.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from footprint.time import calendar_rules, fallback, periods, relative_rules
from footprint.time.periods import Interval
from footprint.time.reading import Reading, combined_kind, derived
from footprint.time.words import clean

_RULE_SETS = (calendar_rules.RULES, relative_rules.RULES)
_COARSENESS = {"day": 0, "month": 1, "season": 2, "year": 3, "approximate": 4}
_HEDGE_DAYS = 3  # "around May 5" reads as May 2-8


def read(text: str) -> Reading | None:
    """The Reading of one raw expression, or None when it is not a date."""
    s = clean(text)
    if not s or len(s) > 80:
        return None
    return parse(s, top=True)


@lru_cache(maxsize=8192)
def parse(s: str, top: bool = False) -> Reading | None:
    reading = relative_rules.reference_word(s)
    for rule_set in _RULE_SETS:
        reading = reading or rule_set.match(s)
    if reading is not None:
        return reading
    for compose in _COMPOSITES:
        reading = compose(s)
        if reading is not None:
            return reading
    return fallback.read(s) if top else None


# -- open ends -----------------------------------------------------------------------------------

_OPEN_START = re.compile(
    r"(?P<word>since|from|starting(?: in| on| from)?|beginning(?: in| on)?|after|later than"
    r"|until|till|til|through|thru|up to|up until|by|no later than|not later than|before"
    r"|prior to|earlier than) (?P<rest>(?!of ).+)"
)
_OPEN_SUFFIX = re.compile(
    r"(?P<rest>.+) (?P<word>or later|or after|and beyond|and later|and after|onwards?|on|or so"
    r"|or earlier|or before|and before|and earlier)"
)


def _open(s: str) -> Reading | None:
    m = _OPEN_START.fullmatch(s)
    if m is not None:
        word = m["word"].split(" ")[0]
        inner = parse(m["rest"])
        if inner is None:
            return None
        return derived(inner, lambda i, a: _open_interval(i, word))
    m = _OPEN_SUFFIX.fullmatch(s)
    if m is not None:
        inner = parse(m["rest"])
        if inner is None:
            return None
        word = m["word"]
        if word == "or so":
            return derived(inner, lambda i, a: _hedged(i))
        side = "before" if word.endswith(("earlier", "before")) else "since"
        return derived(inner, lambda i, a: _open_interval(i, side))
    return None


def _open_interval(inner: Interval, word: str) -> Interval | None:
    """since/from X: from X's start on; after X: from the day after X; until/by X: up to X's
    end; before X: up to the day before X."""
    if word in ("since", "from", "starting", "beginning"):
        return Interval(inner.start, None, inner.precision) if inner.start else None
    if word in ("after", "later"):
        if inner.end is None:
            return None
        return Interval(inner.end + dt.timedelta(days=1), None, inner.precision)
    if word in ("before", "prior", "earlier"):
        if inner.start is None:
            return None
        return Interval(None, inner.start - dt.timedelta(days=1), inner.precision)
    return Interval(None, inner.end, inner.precision) if inner.end else None


# -- ranges --------------------------------------------------------------------------------------

_BETWEEN = re.compile(
    r"(?:between|from) (?P<left>.+?) (?:and|to|until|till|through|thru|-) (?P<right>.+)"
)
_SEPARATOR = re.compile(r" ?(?:-|/) ?| (?:to|until|till|through|thru|and) ")


def _range(s: str) -> Reading | None:
    m = _BETWEEN.fullmatch(s)
    splits = [(m["left"], m["right"])] if m else []
    splits += [(s[: sep.start()], s[sep.end() :]) for sep in _SEPARATOR.finditer(s)]
    for left_text, right_text in splits:
        if not left_text or not right_text:
            continue
        right = parse(right_text)
        if right is None:
            continue
        left = parse(left_text)
        if left is None or (left.kind != "absolute" and right.kind == "absolute"):
            left = _borrow(left_text, right_text) or left
        if left is None:
            continue
        return _join(left, right)
    return None


def _borrow(left_text: str, right_text: str) -> Reading | None:
    """The left end of a range borrows what it leaves out from the right end: "May to July
    2023" -> "May 2023", "7 to 9 October" -> "7 October", "October 14 to November 2, 2023" ->
    "October 14 2023"."""
    tokens = right_text.split(" ")
    for k in range(1, len(tokens)):
        borrowed = parse(f"{left_text} {' '.join(tokens[k:])}")
        if borrowed is not None:
            return borrowed
    return None


def _join(left: Reading, right: Reading) -> Reading:
    def build(anchor: dt.date | None) -> Interval | None:
        first, last = left.build(anchor), right.build(anchor)
        if first is None or last is None or first.start is None or last.end is None:
            return None
        if first.start > last.end:
            return None
        precision = max(first.precision, last.precision, key=_COARSENESS.__getitem__)
        return Interval(first.start, last.end, precision)

    return Reading(combined_kind(left.kind, right.kind), build)


# -- hedges and plain wrappers -------------------------------------------------------------------

_HEDGE = re.compile(
    r"(?:around|about|circa|c|approximately|roughly|some ?time(?: in| on| during)?|toward|towards"
    r"|near|in or around|on or about|on or around) (?P<rest>.+)"
)
_TRANSPARENT = re.compile(
    r"(?:as of|as early as|as late as|as recently as|as far back as|back in|way back in|just"
    r"|only|even|already|again|also|still|both|either|no earlier than|not before"
    r"|its|their|his|her|our|my|your|on|in|at|during|throughout|of|for|over|amid|the) (?P<rest>.+)"
)
_PART_OF_DAY = re.compile(
    r"(?:the )?(?:early hours|small hours|morning|afternoon|evening|night|eve) of (?P<rest>.+)"
)
_TIME_OF_DAY = re.compile(
    r"(?P<rest>.+?) (?:early |late )?(?:morning|afternoon|evening|night|noon|midday|midnight"
    r"|overnight|at dawn|at dusk|at noon|at midnight|local time"
    r"|at \d{1,2}(?::\d\d)?(?: ?[ap]m)?|\d{1,2}(?::\d\d)? ?[ap]m|\d{1,2}:\d\d)"
)


def _hedge(s: str) -> Reading | None:
    m = _HEDGE.fullmatch(s)
    if m is None:
        return None
    inner = parse(m["rest"])
    return derived(inner, lambda i, a: _hedged(i)) if inner else None


def _hedged(inner: Interval) -> Interval:
    if inner.start is not None and inner.start == inner.end:
        width = dt.timedelta(days=_HEDGE_DAYS)
        return Interval(inner.start - width, inner.end + width, "approximate", inner.hint)
    return Interval(inner.start, inner.end, "approximate", inner.hint)


def _transparent(s: str) -> Reading | None:
    m = _TRANSPARENT.fullmatch(s)
    return parse(m["rest"]) if m else None


def _possessive(s: str) -> Reading | None:
    return parse(s[:-2]) if s.endswith("'s") else None


def _time_of_day(s: str) -> Reading | None:
    """ "Monday night", "the early hours of Sunday": the day; "the eve of X": the day before."""
    m = _PART_OF_DAY.fullmatch(s) or _TIME_OF_DAY.fullmatch(s)
    if m is None:
        return None
    inner = parse(m["rest"])
    if inner is None:
        return None
    back = dt.timedelta(days=1 if s.startswith(("eve ", "the eve ")) else 0)

    def same_day(i: Interval, anchor: dt.date | None) -> Interval | None:
        if i.start is None or i.start != i.end:
            return None
        return Interval(i.start - back, i.end - back, i.precision)

    return derived(inner, same_day)


# -- parts of a period ---------------------------------------------------------------------------

_PART = re.compile(
    r"(?:the )?(?:very )?(?P<p>early|mid|middle|late|beginning|start|end|close|earlier|later)"
    r"(?: part)?(?: (?:of|in|during))? (?P<rest>.+)"
)
_PART_WORDS = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
    "close": "late",
}
_HALF = re.compile(
    r"(?:the )?(?P<h>1st|2nd|first|second|latter|last|former|back|front) half (?:of )?(?P<rest>.+)"
)
_NTH_WEEK = re.compile(
    r"(?:the )?(?P<n>1st|2nd|3rd|4th|first|last|final) (?:full )?week (?:of|in) (?P<rest>.+)"
)


_PART_SPAN = re.compile(r"(?:the )?(?P<p>early|mid|late) (?:to|or) (?P<q>mid|late) (?P<rest>.+)")
_SYNONYMS = (
    (re.compile(r"\b(?:that|the) (?:very )?same\b"), "the same"),
    (re.compile(r"\bthat very\b"), "that"),
    (re.compile(r"\bfy ?(?=\d{4}\b)"), "fiscal "),
)


def _reword(s: str) -> Reading | None:
    """Spellings with the same meaning as one the rules know ("that same day", "FY2023")."""
    reworded = s
    for pattern, replacement in _SYNONYMS:
        reworded = pattern.sub(replacement, reworded)
    return parse(reworded) if reworded != s else None


def _part_span(s: str) -> Reading | None:
    """ "mid-to-late 2023": from the start of the first third to the end of the second."""
    m = _PART_SPAN.fullmatch(s)
    if m is None:
        return None
    first, last = parse(f"{m['p']} {m['rest']}"), parse(f"{m['q']} {m['rest']}")
    return _join(first, last) if first and last else None


def _part(s: str) -> Reading | None:
    m = _PART.fullmatch(s)
    if m is None:
        return None
    inner = parse(m["rest"])
    if inner is None:
        return None
    word = m["p"]
    if word in ("earlier", "later"):
        return derived(inner, lambda i, a: _before_or_after_anchor(i, a, word))
    which = _PART_WORDS[word]
    return derived(inner, lambda i, a: _third(i, which))


def _third(inner: Interval, which: str) -> Interval | None:
    if inner.start is None or inner.end is None:
        return None
    return periods.part(inner, which)


def _before_or_after_anchor(inner: Interval, anchor: dt.date | None, word: str) -> Interval | None:
    """ "earlier this month" is the month up to the anchor; "later this year" the rest of the
    year. When the anchor is not inside the period, the first or last third stands in."""
    if inner.start is None or inner.end is None:
        return None
    if anchor is not None and inner.start < anchor < inner.end:
        if word == "earlier":
            return Interval(inner.start, anchor, "approximate")
        return Interval(anchor, inner.end, "approximate")
    return periods.part(inner, "early" if word == "earlier" else "late")


def _half(s: str) -> Reading | None:
    m = _HALF.fullmatch(s)
    if m is None:
        return None
    inner = parse(m["rest"])
    if inner is None:
        return None
    which = 1 if m["h"] in ("1st", "first", "former", "front") else 2
    return derived(inner, lambda i, a: periods.halves(i, which) if i.start and i.end else None)


def _nth_week(s: str) -> Reading | None:
    m = _NTH_WEEK.fullmatch(s)
    if m is None:
        return None
    inner = parse(m["rest"])
    if inner is None:
        return None
    n = {"first": 1, "last": 0, "final": 0}.get(m["n"]) if m["n"].isalpha() else int(m["n"][0])
    assert n is not None

    def week_of(i: Interval, anchor: dt.date | None) -> Interval | None:
        if i.start is None or i.end is None or (i.end - i.start).days < 13:
            return None
        if n == 0:
            return Interval(i.end - dt.timedelta(days=6), i.end, "approximate")
        first = i.start + dt.timedelta(days=7 * (n - 1))
        return Interval(first, first + dt.timedelta(days=6), "approximate")

    return derived(inner, week_of)


_COMPOSITES = (
    _reword,
    _part_span,
    _range,
    _open,
    _hedge,
    _part,
    _half,
    _nth_week,
    _time_of_day,
    _possessive,
    _transparent,
)
