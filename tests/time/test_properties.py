"""Property tests: exact dates round-trip; every span is a valid interval; anchors never leak."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from footprint.time import NarrativeClock, normalise, relative_to

dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2199, 12, 31))
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 1, 1)))
_VOCABULARY = (
    "the a of in on since until early mid late middle end beginning last next this past coming "
    "following previous week weeks month months year years day days quarter third first second "
    "half spring summer winter fall monday friday january sept. oct nov 14 2 30 2023 1998 1990s "
    "'90s ago later earlier before after around about two three few several - to and between "
    "from or so yesterday today now recently christmas morning night 2023-10-14 fiscal year's "
    "century 20th nineteen ninety-six 0 99999 feb 29 31"
)
WORDS = _VOCABULARY.split(" ")
phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)


@given(dates, anchors)
def test_a_written_out_date_is_that_day(day, anchor):
    for text in (
        f"{day:%B} {day.day}, {day.year}",
        f"{day.day} {day:%B} {day.year}",
        day.isoformat(),
    ):
        span = normalise(text, anchor)
        assert span is not None, text
        assert (span.start, span.end, span.precision) == (day, day, "day")
        assert span.timex_value() == day.isoformat()


@given(dates, dates)
def test_month_day_without_year_is_within_half_a_year_of_the_anchor(day, anchor):
    if (day.month, day.day) == (2, 29):
        return
    span = normalise(f"{day:%B} {day.day}", anchor)
    assert span is not None
    assert (span.start.month, span.start.day) == (day.month, day.day)
    assert abs((span.start - anchor).days) <= 184


@settings(max_examples=300)
@given(phrases, anchors)
def test_every_span_is_an_interval(text, anchor):
    span = normalise(text, anchor)
    if span is None:
        return
    assert span.start is not None or span.end is not None
    if span.start is not None and span.end is not None:
        assert span.start <= span.end
    assert span.precision in ("day", "month", "season", "year", "approximate")
    assert span.text == text
    span.timex_value()
    assert set(span.to_json()) == {"start", "end", "precision", "text"}


@settings(max_examples=200)
@given(phrases)
def test_no_anchor_means_no_relative_answer(text):
    # Whatever the text, an answer without an anchor must not depend on an anchor.
    without = normalise(text, None)
    if without is not None:
        assert normalise(text, dt.date(1950, 6, 1)) == normalise(text, dt.date(2030, 6, 1)) or (
            "earlier" in text or "later" in text  # "later in 2023" may use an anchor inside it
        )


@settings(max_examples=200)
@given(st.lists(phrases, max_size=8), anchors)
def test_clock_never_fails(texts, published):
    clock = NarrativeClock(published)
    for text in texts:
        span = clock.resolve(text)
        if span is not None and span.start and span.end:
            assert span.start <= span.end


@settings(max_examples=200)
@given(phrases, dates)
def test_relative_to_gives_intervals(text, day):
    from footprint.time import TimeSpan

    span = relative_to(text, TimeSpan(day, day, "day", "x"))
    if span is not None and span.start and span.end:
        assert span.start <= span.end
