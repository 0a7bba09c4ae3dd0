"""normalise(): one expression against an anchor, rule by rule."""

import datetime as dt

import pytest

from footprint.time import normalise

D = dt.date
ANCHOR = D(2023, 10, 14)  # a Saturday


def window(text, anchor=ANCHOR):
    span = normalise(text, anchor)
    assert span is not None, text
    return span.start, span.end, span.precision


# -- exact and calendar dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "October 14, 2023",
        "Oct. 14, 2023",
        "14 October 2023",
        "the 14th of October, 2023",
        "October 14th 2023",
        "2023-10-14",
        "Saturday, October 14, 2023",
        "on October 14, 2023",
        "14.10.2023",
        "10/14/2023",
    ],
)
def test_exact_dates_are_days(text):
    assert window(text, None) == (D(2023, 10, 14), D(2023, 10, 14), "day")


def test_text_is_kept_as_written():
    assert normalise("Oct. 14, 2023", None).text == "Oct. 14, 2023"


@pytest.mark.parametrize("text", ["January 2024", "Jan. 2024", "January of 2024", "2024-01"])
def test_month_only_is_a_month(text):
    assert window(text, None) == (D(2024, 1, 1), D(2024, 1, 31), "month")


def test_bare_year_and_spoken_year():
    assert window("2008", None) == (D(2008, 1, 1), D(2008, 12, 31), "year")
    assert window("nineteen ninety-six", None) == (D(1996, 1, 1), D(1996, 12, 31), "year")
    assert window("the year two thousand", None) == (D(2000, 1, 1), D(2000, 12, 31), "year")


# -- parts of a month -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("early November", 1, 10),
        ("mid-November", 11, 20),
        ("in mid-November", 11, 20),
        ("the middle of November", 11, 20),
        ("late November", 21, 30),
        ("the end of November", 21, 30),
        ("the beginning of November", 1, 10),
    ],
)
def test_early_mid_late_month(text, first, last):
    assert window(text) == (D(2023, 11, first), D(2023, 11, last), "approximate")


def test_the_middle_of_the_month_uses_the_anchor_month():
    assert window("the middle of the month") == (D(2023, 10, 11), D(2023, 10, 20), "approximate")
    assert window("the end of the month") == (D(2023, 10, 21), D(2023, 10, 31), "approximate")


def test_late_february_ends_on_the_last_day():
    assert window("late February 2024", None) == (D(2024, 2, 21), D(2024, 2, 29), "approximate")


# -- parts of a year ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("early 2023", D(2023, 1, 1), D(2023, 4, 30)),
        ("mid-2023", D(2023, 5, 1), D(2023, 8, 31)),
        ("late 2024", D(2024, 9, 1), D(2024, 12, 31)),
        ("the end of 1994", D(1994, 9, 1), D(1994, 12, 31)),
    ],
)
def test_thirds_of_a_year(text, start, end):
    assert window(text, None) == (start, end, "approximate")


def test_thirds_relative_to_the_anchor_year():
    assert window("late last year") == (D(2022, 9, 1), D(2022, 12, 31), "approximate")
    assert window("early next year") == (D(2024, 1, 1), D(2024, 4, 30), "approximate")


def test_earlier_and_later_this_year_stop_at_the_anchor():
    assert window("earlier this year") == (D(2023, 1, 1), ANCHOR, "approximate")
    assert window("later this month") == (ANCHOR, D(2023, 10, 31), "approximate")


# -- seasons, quarters, halves, decades -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("spring 2024", D(2024, 3, 1), D(2024, 5, 31)),
        ("the summer of 2024", D(2024, 6, 1), D(2024, 8, 31)),
        ("autumn 2024", D(2024, 9, 1), D(2024, 11, 30)),
        ("fall 2024", D(2024, 9, 1), D(2024, 11, 30)),
        ("winter 2023", D(2023, 12, 1), D(2024, 2, 29)),
    ],
)
def test_seasons_are_meteorological_northern(text, start, end):
    assert window(text, None) == (start, end, "season")


def test_season_without_year_is_the_closest():
    assert window("in the spring") == (D(2023, 3, 1), D(2023, 5, 31), "season")
    assert window("last summer") == (D(2023, 6, 1), D(2023, 8, 31), "season")
    assert window("next spring") == (D(2024, 3, 1), D(2024, 5, 31), "season")


def test_quarters_and_halves():
    assert window("the third quarter of 1989", None) == (D(1989, 7, 1), D(1989, 9, 30), "season")
    assert window("third-quarter") == (D(2023, 7, 1), D(2023, 9, 30), "season")
    assert window("next year's first quarter") == (D(2024, 1, 1), D(2024, 3, 31), "season")
    assert window("Q1 2024", None) == (D(2024, 1, 1), D(2024, 3, 31), "season")
    assert window("the second half of 2023", None) == (D(2023, 7, 1), D(2023, 12, 31), "season")
    assert normalise("the fourth quarter", ANCHOR).timex_value() == "2023-Q4"


def test_decades_and_centuries():
    assert window("the 1990s", None) == (D(1990, 1, 1), D(1999, 12, 31), "approximate")
    assert window("the early 1990s", None) == (D(1990, 1, 1), D(1993, 12, 31), "approximate")
    assert window("the '90s") == (D(1990, 1, 1), D(1999, 12, 31), "approximate")
    assert window("the 20th century", None) == (D(1900, 1, 1), D(1999, 12, 31), "approximate")
    assert normalise("the 1990s", None).timex_value() == "199"


# -- open ends and ranges -------------------------------------------------------------------------


def test_since_gives_an_open_end():
    assert window("since late 2023", None) == (D(2023, 9, 1), None, "approximate")
    assert window("since October 2023", None) == (D(2023, 10, 1), None, "month")
    assert window("since 2008", None) == (D(2008, 1, 1), None, "year")


def test_until_and_before_give_an_open_start():
    assert window("until March 2024", None) == (None, D(2024, 3, 31), "month")
    assert window("before 2020", None) == (None, D(2019, 12, 31), "year")
    assert window("by the end of the year") == (None, D(2023, 12, 31), "approximate")


def test_ranges():
    assert window("October 14-16, 2023", None) == (D(2023, 10, 14), D(2023, 10, 16), "day")
    assert window("between 2010 and 2012", None) == (D(2010, 1, 1), D(2012, 12, 31), "year")
    assert window("May to July 2023", None) == (D(2023, 5, 1), D(2023, 7, 31), "month")
    assert window("1998-99", None) == (D(1998, 1, 1), D(1999, 12, 31), "year")


# -- the year that puts a date closest to the anchor ----------------------------------------------


def test_month_day_takes_the_closest_year():
    assert window("November 2", D(2023, 10, 14)) == (D(2023, 11, 2), D(2023, 11, 2), "day")
    assert window("December 28", D(2024, 1, 10)) == (D(2023, 12, 28), D(2023, 12, 28), "day")
    assert window("January 3", D(2023, 12, 28)) == (D(2024, 1, 3), D(2024, 1, 3), "day")
    assert window("March 3", D(2023, 10, 14)) == (D(2024, 3, 3), D(2024, 3, 3), "day")


def test_month_takes_the_closest_year():
    assert window("December", D(2024, 1, 10)) == (D(2023, 12, 1), D(2023, 12, 31), "month")
    assert window("February", D(2023, 12, 20)) == (D(2024, 2, 1), D(2024, 2, 29), "month")


def test_february_29_finds_a_leap_year():
    assert window("February 29", D(2023, 10, 14))[0] == D(2024, 2, 29)


def test_last_and_next_month_names():
    assert window("last June") == (D(2023, 6, 1), D(2023, 6, 30), "month")
    assert window("next March") == (D(2024, 3, 1), D(2024, 3, 31), "month")
    assert window("June last year") == (D(2022, 6, 1), D(2022, 6, 30), "month")


# -- without an anchor ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "November 2",
        "the middle of the month",
        "last year",
        "this week",
        "Tuesday",
        "yesterday",
        "a week later",
        "weeks later",
        "in the spring",
        "now",
        "the following Friday",
        "December",
    ],
)
def test_relative_expressions_need_an_anchor(text):
    assert normalise(text, None) is None
    assert normalise(text, ANCHOR) is not None


def test_absolute_expressions_ignore_the_anchor():
    assert normalise("late 2024", None) == normalise("late 2024", D(1950, 1, 1))


def test_a_datetime_anchor_is_read_as_its_day():
    assert window("yesterday", dt.datetime(2023, 10, 14, 23, 59)) == (
        D(2023, 10, 13),
        D(2023, 10, 13),
        "day",
    )


# -- deictic words, weekdays, weeks ---------------------------------------------------------------


def test_day_words():
    assert window("today")[0] == ANCHOR
    assert window("yesterday")[0] == D(2023, 10, 13)
    assert window("tomorrow")[0] == D(2023, 10, 15)
    assert window("yesterday afternoon")[0] == D(2023, 10, 13)


def test_years_relative_to_the_anchor():
    assert window("last year") == (D(2022, 1, 1), D(2022, 12, 31), "year")
    assert window("this year") == (D(2023, 1, 1), D(2023, 12, 31), "year")
    assert window("next year") == (D(2024, 1, 1), D(2024, 12, 31), "year")


def test_weeks_are_monday_to_sunday():
    assert window("this week") == (D(2023, 10, 9), D(2023, 10, 15), "approximate")
    assert window("last week") == (D(2023, 10, 2), D(2023, 10, 8), "approximate")
    assert normalise("this week", ANCHOR).timex_value() == "2023-W41"


def test_bare_weekday_is_the_latest_on_or_before_the_anchor():
    wednesday = D(2023, 10, 18)
    assert window("Tuesday", wednesday)[0] == D(2023, 10, 17)
    assert window("Thursday", wednesday)[0] == D(2023, 10, 12)
    assert window("Wednesday", wednesday)[0] == wednesday


def test_last_next_and_following_weekdays():
    wednesday = D(2023, 10, 18)
    assert window("last Wednesday", wednesday)[0] == D(2023, 10, 11)
    assert window("next Monday", wednesday)[0] == D(2023, 10, 23)
    assert window("the following Friday", wednesday)[0] == D(2023, 10, 20)
    assert window("this Saturday", wednesday)[0] == D(2023, 10, 21)


def test_a_weekday_of_a_named_week():
    wednesday = D(2023, 10, 18)  # its week began on Monday 16 October
    assert window("Tuesday last week", wednesday) == (D(2023, 10, 10), D(2023, 10, 10), "day")
    assert window("Friday of next week", wednesday)[0] == D(2023, 10, 27)
    assert window("Monday this week", wednesday)[0] == D(2023, 10, 16)


def test_present_past_and_future_words():
    now = normalise("now", ANCHOR)
    assert (now.start, now.end, now.timex_value()) == (ANCHOR, ANCHOR, "PRESENT_REF")
    assert normalise("recently", ANCHOR).timex_value() == "PAST_REF"
    assert normalise("recently", ANCHOR).end == ANCHOR
    assert normalise("in the future", ANCHOR).end is None
    recent = normalise("recent weeks", ANCHOR)
    assert recent.end == ANCHOR and recent.start < ANCHOR and recent.precision == "approximate"


# -- offsets --------------------------------------------------------------------------------------


def test_exact_offsets():
    assert window("a week later") == (D(2023, 10, 21), D(2023, 10, 21), "day")
    assert window("two days later") == (D(2023, 10, 16), D(2023, 10, 16), "day")
    assert window("three days ago") == (D(2023, 10, 11), D(2023, 10, 11), "day")
    assert window("in three days") == (D(2023, 10, 17), D(2023, 10, 17), "day")
    assert window("the day before") == (D(2023, 10, 13), D(2023, 10, 13), "day")
    assert window("the next day") == (D(2023, 10, 15), D(2023, 10, 15), "day")


def test_month_and_year_offsets_take_their_unit():
    assert window("a month ago") == (D(2023, 9, 1), D(2023, 9, 30), "month")
    assert window("two years ago") == (D(2021, 1, 1), D(2021, 12, 31), "year")


@pytest.mark.parametrize("text", ["weeks later", "just weeks later", "only weeks later"])
def test_weeks_later_is_an_approximate_window(text):
    assert window(text) == (
        ANCHOR + dt.timedelta(days=7),
        ANCHOR + dt.timedelta(days=42),
        "approximate",
    )


def test_vague_and_hedged_offsets():
    start, end, precision = window("a few days later")
    assert (start, end, precision) == (D(2023, 10, 16), D(2023, 10, 18), "approximate")
    start, end, precision = window("about two weeks later")
    assert start < D(2023, 10, 28) < end and precision == "approximate"
    start, end, _ = window("months earlier")
    assert start < end < ANCHOR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("less than a week ago", (D(2023, 10, 8), ANCHOR)),  # 0-6 days before
        ("under two days ago", (D(2023, 10, 13), ANCHOR)),
        ("less than three days later", (ANCHOR, D(2023, 10, 16))),
    ],
)
def test_an_amount_bounded_from_above_is_the_window_up_to_it(text, expected):
    assert window(text) == (*expected, "approximate")
    # and not "about" that amount, which stays around it
    start, end, _ = window(text.replace("less than", "about").replace("under", "about"))
    assert start > expected[0] or end < expected[1]


def test_the_past_n_units_is_a_window_ending_at_the_anchor():
    assert window("the past three months") == (D(2023, 7, 14), ANCHOR, "approximate")


# -- garbage --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "three years",
        "12-day",
        "a decade",
        "two weeks",
        "the three-year period",
        "30",
        "150",
        "99999",
        "age 30",
        "aged 40",
        "30 years old",
        "30-year-old",
        "his 30s",
        "",
        "   ",
        "the attack",
        "May Day rally organisers",
        "2200",
        "0",
    ],
)
def test_not_dates(text):
    assert normalise(text, ANCHOR) is None


def test_long_text_is_not_read():
    assert normalise("On October 14, 2023 " + "the crowd gathered and " * 10, ANCHOR) is None


def test_holidays():
    assert window("Christmas Eve 2023", None)[0] == D(2023, 12, 24)
    assert window("Easter 2024", None)[0] == D(2024, 3, 31)
    assert window("Christmas")[0] == D(2023, 12, 25)


def test_fast_enough():
    import time

    texts = [
        "October 14, 2023",
        "November 2",
        "mid-November",
        "late 2024",
        "a week later",
        "the following Friday",
        "since late 2023",
        "three years",
        "last year",
        "Tuesday",
    ]
    started = time.perf_counter()
    for i in range(200):
        for text in texts:
            normalise(text, ANCHOR + dt.timedelta(days=i))
    per_call = (time.perf_counter() - started) / (200 * len(texts))
    assert per_call < 0.005


# -- the weekend ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "saturday"),
    [
        (D(2023, 10, 14), D(2023, 10, 14)),  # on the Saturday: this weekend
        (D(2023, 10, 15), D(2023, 10, 14)),  # on the Sunday
        (D(2023, 10, 16), D(2023, 10, 14)),  # on Monday: the one just past
        (D(2023, 10, 19), D(2023, 10, 14)),  # on Thursday, still the one just past
    ],
)
def test_the_weekend_is_the_one_on_or_before_the_anchor(anchor, saturday):
    assert window("the weekend", anchor) == (
        saturday,
        saturday + dt.timedelta(days=1),
        "approximate",
    )
