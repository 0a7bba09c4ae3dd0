"""A Reading is what the grammar makes of one expression before any anchor is known: its kind
and a function from the anchor to an interval. Parsing is anchor-free so it can be cached.

Kinds, which decide the anchor a NarrativeClock gives an expression:

* absolute — carries its own year ("October 14, 2023", "late 2024"); the anchor is not used.
* deictic — counted from the moment of writing ("yesterday", "last year", "Tuesday",
  "two weeks ago"); a narrative clock anchors it on the publication date.
* anaphoric — counted from the story's own time ("November 2", "the middle of the month",
  "two days later", "the following Friday"); a narrative clock anchors it on the reference date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from footprint.time.periods import Interval

ABSOLUTE, DEICTIC, ANAPHORIC = "absolute", "deictic", "anaphoric"

Build = Callable[[dt.date | None], Interval | None]


Focus = Callable[[Interval], Interval | None]


@dataclass(frozen=True)
class Reading:
    """`from_focus`, when set, resolves the expression against the period the story is talking
    about (a quarter, a month) rather than a single reference day: "a year earlier" after "the
    third quarter" is the third quarter a year before. Only a NarrativeClock has such a period."""

    kind: str
    build: Build
    from_focus: Focus | None = None
    # A comparison back in time ("a year earlier", "the year-ago quarter") leaves the story's
    # period where it was: the next comparison is made with the same period.
    moves_focus: bool = True


def fixed(interval: Interval | None) -> Reading | None:
    """An expression that needs no anchor."""
    if interval is None:
        return None
    return Reading(ABSOLUTE, lambda anchor: interval)


def anchored(
    kind: str,
    resolve: Callable[[dt.date], Interval | None],
    from_focus: Focus | None = None,
    moves_focus: bool = True,
) -> Reading:
    """An expression that needs an anchor: without one it resolves to nothing."""

    def build(anchor: dt.date | None) -> Interval | None:
        if anchor is None:
            return None
        try:
            return resolve(anchor)
        except (ValueError, OverflowError):
            return None  # e.g. February 29 in a common year, or past the calendar's end

    return Reading(kind, build, _guarded(from_focus) if from_focus else None, moves_focus)


def _guarded(from_focus: Focus) -> Focus:
    def resolve(focus: Interval) -> Interval | None:
        if focus.start is None or focus.end is None:
            return None
        try:
            return from_focus(focus)
        except (ValueError, OverflowError):
            return None

    return resolve


def combined_kind(*kinds: str) -> str:
    """The kind of an expression built from parts: the most anchor-dependent part decides."""
    if ANAPHORIC in kinds:
        return ANAPHORIC
    if DEICTIC in kinds:
        return DEICTIC
    return ABSOLUTE


Change = Callable[[Interval, dt.date | None], Interval | None]


def derived(inner: Reading, change: Change) -> Reading:
    """A reading that transforms another's interval (parts, halves, open ends)."""

    def build(anchor: dt.date | None) -> Interval | None:
        interval = inner.build(anchor)
        if interval is None:
            return None
        try:
            return change(interval, anchor)
        except (ValueError, OverflowError):
            return None

    return Reading(inner.kind, build)
