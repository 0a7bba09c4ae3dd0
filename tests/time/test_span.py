"""TimeSpan: validation, the JSON shape, and TIMEX3 values read off the interval's shape."""

import datetime as dt

import pytest

from footprint.time import TimeSpan

D = dt.date


def test_to_json_format():
    span = TimeSpan(D(2023, 11, 11), D(2023, 11, 20), "approximate", "mid-November")
    assert span.to_json() == {
        "start": "2023-11-11",
        "end": "2023-11-20",
        "precision": "approximate",
        "text": "mid-November",
    }


def test_to_json_open_end():
    span = TimeSpan(D(2023, 9, 1), None, "approximate", "since late 2023")
    assert span.to_json() == {
        "start": "2023-09-01",
        "end": None,
        "precision": "approximate",
        "text": "since late 2023",
    }


def test_rejects_unknown_precision_and_reversed_interval():
    with pytest.raises(ValueError):
        TimeSpan(D(2023, 1, 1), D(2023, 1, 1), "week", "x")
    with pytest.raises(ValueError):
        TimeSpan(D(2023, 1, 2), D(2023, 1, 1), "day", "x")


def test_equality_ignores_the_timex_hint():
    a = TimeSpan(D(2023, 1, 1), D(2023, 1, 1), "approximate", "now", "PRESENT_REF")
    assert a == TimeSpan(D(2023, 1, 1), D(2023, 1, 1), "approximate", "now")


@pytest.mark.parametrize(
    ("start", "end", "precision", "value"),
    [
        (D(2023, 10, 14), D(2023, 10, 14), "day", "2023-10-14"),
        (D(2023, 11, 1), D(2023, 11, 30), "month", "2023-11"),
        (D(2024, 1, 1), D(2024, 12, 31), "year", "2024"),
        (D(2024, 6, 1), D(2024, 8, 31), "season", "2024-SU"),
        (D(2023, 12, 1), D(2024, 2, 29), "season", "2023-WI"),
        (D(1989, 7, 1), D(1989, 9, 30), "season", "1989-Q3"),
        (D(1989, 7, 1), D(1989, 12, 31), "season", "1989-H2"),
        (D(1989, 10, 23), D(1989, 10, 29), "approximate", "1989-W43"),
        (D(1989, 10, 28), D(1989, 10, 29), "approximate", "1989-W43-WE"),
        (D(1990, 1, 1), D(1999, 12, 31), "approximate", "199"),
        (D(1900, 1, 1), D(1999, 12, 31), "approximate", "19"),
        # approximate windows: the smallest calendar unit that holds them
        (D(2023, 11, 11), D(2023, 11, 20), "approximate", "2023-11"),
        (D(2024, 9, 1), D(2024, 12, 31), "approximate", "2024"),
        (D(1990, 1, 1), D(1993, 12, 31), "approximate", "199"),
        # not a single value
        (D(2023, 10, 14), D(2023, 10, 16), "day", None),
        (D(2023, 12, 20), D(2024, 1, 10), "approximate", None),
        (D(2023, 10, 1), D(2024, 1, 31), "month", None),
    ],
)
def test_timex_value_from_shape(start, end, precision, value):
    assert TimeSpan(start, end, precision, "x").timex_value() == value


def test_open_interval_has_no_timex_value():
    assert TimeSpan(D(2023, 9, 1), None, "approximate", "since late 2023").timex_value() is None


def test_hint_wins_for_document_relative_values():
    span = TimeSpan(None, D(2023, 1, 1), "approximate", "in the past", "PAST_REF")
    assert span.timex_value() == "PAST_REF"
