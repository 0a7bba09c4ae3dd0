"""The narrative clock: reads a document's date expressions in text order and carries the
reference date from one to the next.

The reference is the nearest preceding date of day or month precision (for a month, its first
day), else the publication date, else nothing. Anaphoric expressions ("November 2", "the middle
of the month", "two days later") count from the reference. Deictic ones ("yesterday",
"Tuesday", "last year", "two weeks ago") count from the publication date when it is known,
because that is what they mean in reporting; without one they fall back on the reference.

Besides the reference day the clock keeps the period in focus: the latest resolved day, month
or season-precision span (a quarter, a half, a season). A few anaphoric expressions are about
that period rather than a day: "the quarter", "the year-earlier quarter", and offsets in months
or years ("a year earlier" after "the third quarter" is the third quarter a year before; after
"March 2020" it is March 2021). The `reference` property still follows the rule above.
"""

from __future__ import annotations

import datetime as dt

from footprint.time.grammar import read
from footprint.time.normalise import span_of, to_span
from footprint.time.periods import Interval
from footprint.time.reading import ANAPHORIC, DEICTIC
from footprint.time.span import TimeSpan

_MOVES_REFERENCE = ("day", "month")
_MOVES_FOCUS = ("day", "month", "season")


class NarrativeClock:
    """Carries the narrative reference date through one document, in text order."""

    def __init__(self, published: dt.date | None) -> None:
        if isinstance(published, dt.datetime):
            published = published.date()
        self._published = published
        self._reference = published
        self._focus: Interval | None = None

    @property
    def reference(self) -> dt.date | None:
        return self._reference

    @property
    def published(self) -> dt.date | None:
        return self._published

    def resolve(self, text: str) -> TimeSpan | None:
        """normalise(text) against the narrative's reference (see the module docstring), then
        move the reference on to this expression if it is a day or a month."""
        reading = read(text)
        if reading is None:
            return None
        if reading.kind == ANAPHORIC and reading.from_focus and self._focus is not None:
            span = to_span(reading.from_focus(self._focus), text)
        else:
            anchor = self._reference
            if reading.kind == DEICTIC and self._published is not None:
                anchor = self._published
            span = span_of(reading, anchor, text)
        if span is not None and span.start is not None and span.end is not None:
            if span.precision in _MOVES_REFERENCE:
                self._reference = span.start
            if span.precision in _MOVES_FOCUS and reading.moves_focus:
                self._focus = Interval(span.start, span.end, span.precision)
        return span
