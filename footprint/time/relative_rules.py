"""Relative expressions: words for the present, past and future; "this week", "the month",
"last quarter", "the following day"; offsets ("two days later", "a year ago", "weeks after");
windows ("the past three months", "recent weeks"); and the comparisons of financial reporting
("the year-earlier quarter").

Choices the words leave open, and what we do:

* "the past/last week" (with the article) is the window of the last seven days; "last week"
  (without) is the calendar week before the anchor's. "the latest quarter" is the last
  completed one. Weeks run Monday to Sunday.
* now / currently: the anchor day (PRESENT_REF); recently / lately: the 90 days up to it
  (PAST_REF); soon / the near future: the 90 days after it (FUTURE_REF); the past / previously:
  open start up to the anchor; the future / later: from the anchor, open end.
* "recent weeks", "the past few months", "coming years": windows from or to the anchor sized as
  the vague offsets in `offsets`, with a PAST_REF / FUTURE_REF value; "the past three months"
  (an exact count) is the same window without one.
* "year-end" is the end of the year, read like "late" (September-December).
"""

from __future__ import annotations

import datetime as dt
import re

from footprint.time import offsets, periods
from footprint.time.periods import Interval
from footprint.time.reading import ANAPHORIC, DEICTIC, Reading, anchored, fixed
from footprint.time.rules import YEAR_REF_RE, RuleSet, with_year
from footprint.time.words import YEAR_RE

RULES = RuleSet()

# -- words that stand for the present, the past or the future -------------------------------------

_REFS: dict[str, tuple[str, int | None, int | None]] = {}  # text -> (hint, days back, days ahead)
for _words, _value in (
    (
        (
            "now",
            "right now",
            "just now",
            "currently",
            "current",
            "presently",
            "at present",
            "present",
            "at the moment",
            "at this moment",
            "this moment",
            "at this time",
            "nowadays",
            "these days",
            "for now",
            "as of now",
        ),
        ("PRESENT_REF", 0, 0),
    ),
    (
        (
            "recently",
            "lately",
            "of late",
            "more recently",
            "most recently",
            "the other day",
            "not long ago",
            "recent",
            "until recently",
            "only recently",
            "just recently",
        ),
        ("PAST_REF", 90, 0),
    ),
    (
        (
            "the past",
            "in the past",
            "previously",
            "formerly",
            "earlier",
            "once",
            "long ago",
            "some time ago",
            "a while ago",
            "in years past",
            "historically",
        ),
        ("PAST_REF", None, 0),
    ),
    (
        (
            "soon",
            "shortly",
            "the near future",
            "near future",
            "the near term",
            "near term",
            "the short term",
            "short term",
            "in the near future",
            "in the near term",
            "in the short term",
            "as soon as possible",
            "imminently",
            "a later date",
            "at a later date",
        ),
        ("FUTURE_REF", 0, 90),
    ),
    (
        (
            "the future",
            "in the future",
            "future",
            "later",
            "eventually",
            "someday",
            "some day",
            "the long term",
            "long term",
            "in the long term",
            "in the long run",
            "one day soon",
            "sooner or later",
            "the years ahead",
            "the years to come",
        ),
        ("FUTURE_REF", 0, None),
    ),
):
    for _word in _words:
        _REFS[_word] = _value


def reference_word(text: str) -> Reading | None:
    """now / recently / soon: an approximate stretch around the anchor with a REF value."""
    if text not in _REFS:
        return None
    hint, back, ahead = _REFS[text]

    def resolve(anchor: dt.date) -> Interval:
        start = anchor - dt.timedelta(days=back) if back is not None else None
        end = anchor + dt.timedelta(days=ahead) if ahead is not None else None
        return Interval(start, end, "approximate", hint)

    return anchored(DEICTIC, resolve)


# -- "this week", "the month", "last quarter", "the following day" ------------------------------

_UNIT_MODS = {
    # (modifier, has article) -> (offset, kind); "window" = the last stretch up to the anchor
    ("", True): (0, ANAPHORIC),
    ("this", False): (0, DEICTIC),
    ("this", True): (0, DEICTIC),
    ("current", False): (0, DEICTIC),
    ("current", True): (0, DEICTIC),
    ("present", True): (0, DEICTIC),
    ("last", False): (-1, DEICTIC),
    ("latest", False): (-1, DEICTIC),
    ("latest", True): (-1, DEICTIC),
    ("previous", False): (-1, ANAPHORIC),
    ("previous", True): (-1, ANAPHORIC),
    ("preceding", True): (-1, ANAPHORIC),
    ("prior", True): (-1, ANAPHORIC),
    ("next", False): (1, DEICTIC),
    ("next", True): (1, ANAPHORIC),
    ("coming", False): (1, DEICTIC),
    ("coming", True): (1, DEICTIC),
    ("upcoming", True): (1, DEICTIC),
    ("following", False): (1, ANAPHORIC),
    ("following", True): (1, ANAPHORIC),
    ("same", True): (0, ANAPHORIC),
    ("that", False): (0, ANAPHORIC),
    ("this past", False): (-1, DEICTIC),
}
_WINDOW_MODS = {("last", True), ("past", True), ("past", False)}


@RULES.rule(
    r"(?P<the>the )?(?:(?P<mod>this past|this|current|present|last|latest|past|previous"
    r"|preceding|prior|next|coming|upcoming|following|same|that) )?"
    r"(?:fiscal |calendar |financial )?(?P<unit>day|week|weekend|month|quarter|year|decade"
    r"|morning|afternoon|evening|night)"
)
def _unit(m: re.Match[str]) -> Reading | None:
    mod, unit, article = m["mod"] or "", m["unit"], bool(m["the"])
    if unit in ("morning", "afternoon", "evening", "night"):
        # "the next morning", "that evening": the day they belong to
        if mod not in ("next", "following", "previous", "preceding", "prior", "same", "that"):
            return None
        unit = "day"
    if unit == "decade":
        if (mod, article) not in _WINDOW_MODS:
            return None
        decade = offsets.Offset("decade", 1, 1, False, -1)
        return anchored(DEICTIC, lambda a: offsets.window(decade, a))
    if (mod, article) in _WINDOW_MODS:
        if unit == "weekend":
            mod, article = "last", False
        else:
            back = offsets.Offset(unit, 1, 1, False, -1)
            return anchored(DEICTIC, lambda a: offsets.window(back, a))
    if unit == "weekend" and (mod, article) == ("", True):
        # "at the weekend", "over the weekend": in a story told of its own time, the weekend
        # nearest that time; else, as news names a bare weekday, the one on or before the report
        return anchored(ANAPHORIC, _weekend_on_or_before, _weekend_near)
    if (mod, article) not in _UNIT_MODS:
        return None
    amount, kind = _UNIT_MODS[(mod, article)]
    if unit == "day" and mod in ("latest", "last", "coming", "upcoming", "current"):
        return None
    if unit == "day" and mod == "this":
        # "attacked on this day", "one of two bases attacked this day": the day the story is
        # at, as "that day" is (a report says "today" for its own day)
        kind = ANAPHORIC
    if unit == "weekend":
        return anchored(kind, lambda a: _weekend(a, amount))
    focus = None
    if unit == "quarter" and kind == ANAPHORIC:
        # "the quarter" is the quarter the story is about
        def focus(period: Interval) -> Interval | None:
            return periods.shift(_quarter_of_focus(period), 3 * amount, "month")

    return anchored(kind, lambda a: periods.unit_offset(a, unit, amount), focus)


def _quarter_of_focus(period: Interval) -> Interval:
    """The focus itself when it is a quarter, else the quarter holding its first day."""
    assert period.start is not None
    return periods.unit_of(period.start, "quarter")


_YEAR_BEFORE = r"(?:year ago|year earlier|prior year|previous year|year before|last year's)"


@RULES.rule(
    rf"(?:the )?(?:comparable |corresponding |same )?{_YEAR_BEFORE}(?: fiscal)?"
    rf"(?: (?P<q>[1-4])(?:st|nd|rd|th))?(?: fiscal)? (?P<unit>quarter|period)"
)
def _year_earlier_quarter(m: re.Match[str]) -> Reading:
    """ "the year-earlier quarter": the quarter in focus (or the one named), a year before."""
    number = int(m["q"]) if m["q"] else None

    def of(quarter: Interval) -> Interval:
        assert quarter.start is not None
        if number is not None:
            quarter = periods.quarter(quarter.start.year, number)
        return periods.shift(quarter, -12, "month")

    return anchored(
        ANAPHORIC,
        lambda a: of(periods.unit_of(a, "quarter")),
        lambda period: of(_quarter_of_focus(period)),
        moves_focus=False,
    )


@RULES.rule(r"year ago|year earlier")
def _year_earlier(m: re.Match[str]) -> Reading:
    """The adjective ("year-earlier results"): the period in focus, a year before."""
    back = offsets.Offset("year", 1, 1, False, -1)
    return anchored(
        ANAPHORIC,
        lambda a: periods.year(a.year - 1),
        lambda period: offsets.apply(back, period),
        moves_focus=False,
    )


@RULES.rule(
    rf"(?:the )?(?:full|whole|entire|calendar|fiscal) year|(?:the )?(?P<y>{YEAR_RE}) "
    r"(?:period|fiscal year|calendar year|financial year|full year)"
)
def _whole_year(m: re.Match[str]) -> Reading | None:
    if m["y"]:
        number = int(m["y"])
        return fixed(periods.year(number)) if periods.plausible_year(number) else None
    return anchored(ANAPHORIC, lambda a: periods.year(a.year))


@RULES.rule(rf"(?:the )?(?:(?P<y>{YEAR_REF_RE})(?:'s)? )?year(?:'s)? end")
def _year_end(m: re.Match[str]) -> Reading | None:
    """ "year-end" reads as "the end of the year": its last third."""
    return with_year(
        m["y"],
        lambda y: periods.part(periods.year(y), "late"),
        lambda a: periods.part(periods.year(a.year), "late"),
    )


def _weekend_near(focus: Interval) -> Interval | None:
    """The weekend nearest the time a story is telling of."""
    return _weekend(focus.start, 0) if focus.start is not None else None


def _weekend_on_or_before(anchor: dt.date) -> Interval:
    """The weekend the anchor falls in, else the latest one before it."""
    return periods.weekend(anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7))


def _weekend(anchor: dt.date, amount: int) -> Interval:
    saturday_back = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    holding = saturday_back if (anchor - saturday_back).days <= 1 else None
    if amount < 0:
        latest = saturday_back if holding is None else saturday_back - dt.timedelta(days=7)
        return periods.weekend(latest)
    if amount > 0:
        return periods.weekend(saturday_back + dt.timedelta(days=7))
    if holding is not None:
        return periods.weekend(holding)
    ahead = saturday_back + dt.timedelta(days=7)
    previous = periods.weekend(saturday_back)
    found = periods.closest([previous, periods.weekend(ahead)], anchor)
    assert found is not None
    return found


@RULES.rule(
    r"(?:the )?(?P<unit>day|week|month|quarter|year) (?P<dir>before|after|earlier|later|prior)"
)
def _unit_before_after(m: re.Match[str]) -> Reading:
    unit, sign = m["unit"], 1 if m["dir"] in ("after", "later") else -1
    return anchored(ANAPHORIC, lambda a: periods.unit_offset(a, unit, sign))


@RULES.rule(r"(?:the )?(?P<which>week|weekend) of (?P<rest>.+)")
def _week_of(m: re.Match[str]) -> Reading | None:
    from footprint.time.grammar import parse  # the day inside is any date expression

    inner = parse(m["rest"])
    if inner is None:
        return None
    which = m["which"]

    def build(anchor: dt.date | None) -> Interval | None:
        found = inner.build(anchor)
        if found is None or found.start is None or found.start != found.end:
            return None
        if which == "week":
            return periods.week(found.start)
        return _weekend(found.start, 0)

    return Reading(inner.kind, build)


# -- offsets -------------------------------------------------------------------------------------

_AGO = (
    r"ago|back|from now|hence|on|later|afterwards?|thereafter|after|earlier|before|previously"
    r"|prior"
)
_DIRECTION = {
    "ago": (-1, DEICTIC),
    "back": (-1, DEICTIC),
    "from now": (1, DEICTIC),
    "hence": (1, DEICTIC),
    "on": (1, ANAPHORIC),
    "later": (1, ANAPHORIC),
    "afterwards": (1, ANAPHORIC),
    "afterward": (1, ANAPHORIC),
    "thereafter": (1, ANAPHORIC),
    "after": (1, ANAPHORIC),
    "earlier": (-1, ANAPHORIC),
    "before": (-1, ANAPHORIC),
    "previously": (-1, ANAPHORIC),
    "prior": (-1, ANAPHORIC),
}


@RULES.rule(rf"(?P<qty>.+?) (?P<dir>{_AGO})")
def _offset(m: re.Match[str]) -> Reading | None:
    sign, kind = _DIRECTION[m["dir"]]
    offset = offsets.parse_quantity(m["qty"], sign)
    if offset is None:
        return None
    focus = None
    if kind == ANAPHORIC and offset.unit in ("month", "year"):
        # "a year earlier" than the third quarter is that quarter a year before
        def focus(period: Interval) -> Interval | None:
            return offsets.apply(offset, period)

    return anchored(kind, lambda a: offsets.apply(offset, periods.day(a)), focus, sign > 0)


@RULES.rule(r"in (?P<qty>.+?)(?: time|'s time|' time)?")
def _in_future(m: re.Match[str]) -> Reading | None:
    offset = offsets.parse_quantity(m["qty"], 1)
    if offset is None or offset.unit in ("decade", "century") and not offset.exact:
        return None
    return anchored(DEICTIC, lambda a: offsets.apply(offset, periods.day(a)))


@RULES.rule(
    r"(?P<mod>recent|coming|upcoming|future|past|previous|prior) (?P<unit>days|weeks|months"
    r"|quarters|years|decades)(?: and (?:days|weeks|months|quarters|years))?"
)
def _vague_window(m: re.Match[str]) -> Reading | None:
    sign = -1 if m["mod"] in ("recent", "past", "previous", "prior") else 1
    offset = offsets.parse_quantity(m["unit"], sign)
    if offset is None:
        return None
    hint = "PAST_REF" if sign < 0 else "FUTURE_REF"

    def resolve(anchor: dt.date) -> Interval | None:
        found = offsets.window(offset, anchor)
        return Interval(found.start, found.end, found.precision, hint) if found else None

    return anchored(DEICTIC, resolve)


@RULES.rule(
    r"(?:the )?(?P<mod>past|last|previous|preceding|next|coming|upcoming|following)"
    r" (?P<qty>.+)"
)
def _window(m: re.Match[str]) -> Reading | None:
    sign = -1 if m["mod"] in ("past", "last", "previous", "preceding") else 1
    offset = offsets.parse_quantity(m["qty"], sign)
    if offset is None:
        return None
    kind = ANAPHORIC if m["mod"] in ("previous", "preceding", "following") else DEICTIC
    if offset.exact:
        return anchored(kind, lambda a: offsets.window(offset, a))
    # "the past few weeks": a vague stretch before or after the present, as TIMEX3 PAST_REF.
    hint = "PAST_REF" if sign < 0 else "FUTURE_REF"

    def resolve(anchor: dt.date) -> Interval | None:
        found = offsets.window(offset, anchor)
        return Interval(found.start, found.end, found.precision, hint) if found else None

    return anchored(kind, resolve)
