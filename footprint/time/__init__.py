"""Temporal normalisation with honest uncertainty: every date is an interval with a precision
and the text it came from.

    normalise("mid-November", date(2023, 10, 14))
        -> TimeSpan(2023-11-11, 2023-11-20, "approximate", "mid-November")
    clock = NarrativeClock(published); clock.resolve(text)   # in text order
    relative_to("a week after the attack", attack.date)

The rules, in short (each module's docstring has the details and the reasons):

* exact dates -> "day"; a month -> "month"; a year -> "year"; seasons, quarters, halves ->
  "season"; everything with edges we chose (weeks, thirds, "weeks later", decades) ->
  "approximate".
* early / mid / late: a month splits at days 10 and 20 (1-10, 11-20, 21-end); a year into
  thirds (Jan-Apr, May-Aug, Sep-Dec); "the beginning/middle/end of X" read the same way.
* seasons are meteorological, northern hemisphere (spring Mar-May, summer Jun-Aug, autumn/fall
  Sep-Nov, winter Dec-Feb of the next year).
* "since X" starts where X starts and has no end; "until/by X" has no start.
* without a year, a month, day, season, quarter or holiday takes the year closest to the anchor.
* no anchor -> None for anything that needs one; absolute expressions never use it.
* "weeks later" is the anchor + 7 to + 42 days; the other vague offsets are in `offsets`.
* durations ("three years", "12-day"), ages and numbers that cannot be years are not dates.

Modules: `words` (clean-up, number words), `rules` (the registry and year helpers),
`calendar_rules` and `relative_rules` (the atomic expressions), `grammar` (ranges, open ends,
thirds, wrappers), `offsets`, `periods` (calendar arithmetic), `fallback` (dateparser, for
numeric dates), `reading` (anchor-free parses), `span` (TimeSpan and its TIMEX3 value),
`normalise` and `narrative` (the entry points).
"""

from footprint.time.narrative import NarrativeClock
from footprint.time.normalise import normalise, relative_to
from footprint.time.span import TimeSpan

__all__ = ["NarrativeClock", "TimeSpan", "normalise", "relative_to"]
