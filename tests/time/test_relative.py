"""relative_to(): offsets from an event whose date is already known."""

import datetime as dt

import pytest

from footprint.time import TimeSpan, normalise, relative_to

D = dt.date
ATTACK = TimeSpan(D(2023, 10, 14), D(2023, 10, 14), "day", "October 14, 2023")
NOVEMBER = TimeSpan(D(2023, 11, 1), D(2023, 11, 30), "month", "November 2023")


def window(text, reference=ATTACK):
    span = relative_to(text, reference)
    assert span is not None, text
    return span.start, span.end, span.precision


def test_a_week_after_the_attack():
    assert window("a week after the attack") == (D(2023, 10, 21), D(2023, 10, 21), "day")
    assert relative_to("a week after the attack", ATTACK).text == "a week after the attack"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("two days after the rally", D(2023, 10, 16)),
        ("three weeks before the vote", D(2023, 9, 23)),
        ("the day after", D(2023, 10, 15)),
        ("the day before the attack", D(2023, 10, 13)),
        ("on the eve of the election", D(2023, 10, 13)),
        ("the same day", D(2023, 10, 14)),
        ("the following Friday", D(2023, 10, 20)),
    ],
)
def test_exact_offsets_keep_day_precision(text, day):
    assert window(text) == (day, day, "day")


def test_vague_offsets_give_approximate_windows():
    assert window("weeks after the attack") == (D(2023, 10, 21), D(2023, 11, 25), "approximate")
    start, end, precision = window("days before the vote")
    assert end < D(2023, 10, 14) and precision == "approximate"
    assert window("shortly after the attack") == (D(2023, 10, 14), D(2023, 10, 21), "approximate")


def test_offsets_from_a_month_keep_or_loosen_its_shape():
    assert window("a month after the summit", NOVEMBER) == (
        D(2023, 12, 1),
        D(2023, 12, 31),
        "month",
    )
    assert window("a year after the summit", NOVEMBER) == (D(2024, 11, 1), D(2024, 11, 30), "month")
    start, end, precision = window("a week after the summit", NOVEMBER)
    assert (start, end, precision) == (D(2023, 11, 8), D(2023, 12, 7), "approximate")


def test_month_offsets_from_a_day_take_the_month():
    assert window("two months after the attack") == (D(2023, 12, 1), D(2023, 12, 31), "month")


def test_not_relative_or_open_reference():
    assert relative_to("the attack", ATTACK) is None
    assert relative_to("October 14, 2023", ATTACK) is None
    assert relative_to("a week after", normalise("since 2008", None)) is None


def test_every_vague_quantity_the_pattern_reads_has_a_window():
    # "many" was read by the pattern but had no range: the whole document's reading failed
    start, end, precision = window("many days before the vote")
    assert end < D(2023, 10, 14) and precision == "approximate"
    for word in ("a few", "several", "some", "a couple of", "a number of", "many"):
        assert relative_to(f"{word} weeks after the attack", ATTACK) is not None, word
