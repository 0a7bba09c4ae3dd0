"""NarrativeClock: the reference date carried through a document in text order."""

import datetime as dt

from footprint.time import NarrativeClock

D = dt.date


def resolve_all(clock, texts):
    return [clock.resolve(text) for text in texts]


def test_clock_carries_the_reference_through_a_story():
    clock = NarrativeClock(None)
    spans = resolve_all(
        clock,
        ["October 14, 2023", "November 2", "the middle of the month", "January 2024", "late 2024"],
    )
    assert [(s.start, s.end, s.precision) for s in spans] == [
        (D(2023, 10, 14), D(2023, 10, 14), "day"),
        (D(2023, 11, 2), D(2023, 11, 2), "day"),
        (D(2023, 11, 11), D(2023, 11, 20), "approximate"),
        (D(2024, 1, 1), D(2024, 1, 31), "month"),
        (D(2024, 9, 1), D(2024, 12, 31), "approximate"),
    ]
    assert clock.reference == D(2024, 1, 1)  # "late 2024" is not a day or a month


def test_reference_starts_at_publication_and_moves_on_days_and_months():
    clock = NarrativeClock(D(2024, 3, 1))
    assert clock.reference == D(2024, 3, 1)
    clock.resolve("2008")  # a year does not move it
    assert clock.reference == D(2024, 3, 1)
    clock.resolve("December 28")
    assert clock.reference == D(2023, 12, 28)
    clock.resolve("three years")  # not a date
    assert clock.reference == D(2023, 12, 28)


def test_without_publication_date_relative_text_waits_for_a_date():
    clock = NarrativeClock(None)
    assert clock.resolve("two days later") is None
    assert clock.resolve("the middle of the month") is None
    assert clock.resolve("October 14, 2023") is not None
    assert clock.resolve("two days later").start == D(2023, 10, 16)


def test_anaphoric_offsets_count_from_the_story():
    clock = NarrativeClock(D(2024, 3, 1))
    clock.resolve("October 14, 2023")
    assert clock.resolve("a week later").start == D(2023, 10, 21)
    assert clock.resolve("the following day").start == D(2023, 10, 22)
    assert clock.resolve("just weeks later").start == D(2023, 10, 29)


def test_deictic_words_count_from_publication():
    clock = NarrativeClock(D(2024, 3, 1))
    clock.resolve("October 14, 2023")
    assert clock.resolve("yesterday").start == D(2024, 2, 29)
    assert clock.resolve("last year").start == D(2023, 1, 1)


def test_deictic_words_fall_back_on_the_reference_without_publication():
    clock = NarrativeClock(None)
    clock.resolve("October 14, 2023")
    assert clock.resolve("the next day").start == D(2023, 10, 15)


def test_a_year_earlier_than_the_quarter_in_focus_is_that_quarter():
    clock = NarrativeClock(D(1989, 10, 27))
    assert clock.resolve("the third quarter").timex_value() == "1989-Q3"
    assert clock.resolve("a year earlier").timex_value() == "1988-Q3"
    # a comparison does not move the story's period
    assert clock.resolve("the year-earlier quarter").timex_value() == "1988-Q3"
    assert clock.resolve("the quarter").timex_value() == "1989-Q3"


def test_a_year_later_than_a_month_is_that_month():
    clock = NarrativeClock(None)
    clock.resolve("March 2020")
    assert clock.resolve("a year later").timex_value() == "2021-03"


def test_published_datetime_is_read_as_its_day():
    clock = NarrativeClock(dt.datetime(2023, 10, 14, 8, 30))
    assert clock.reference == D(2023, 10, 14)
    assert clock.resolve("today").start == D(2023, 10, 14)


def test_this_day_is_the_day_the_story_is_at_and_today_the_reports():
    clock = NarrativeClock(D(2024, 3, 7))
    spans = resolve_all(clock, ["May 22, 2019", "this day", "today"])
    assert [s.start for s in spans] == [D(2019, 5, 22), D(2019, 5, 22), D(2024, 3, 7)]
