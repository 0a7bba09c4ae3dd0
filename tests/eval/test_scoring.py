"""The scoring rules a reader must be able to trust."""

import datetime as dt

import pytest

from footprint.evaluation.runner import SuiteResult, check_floors
from footprint.evaluation.scoring import Score, distance_km, name_key, names_match, windows_overlap

D = dt.date


def test_precision_recall_f1_from_sets():
    s = Score()
    s.add({"a", "b", "x"}, {"a", "b", "c", "d"})
    assert (s.tp, s.fp, s.fn) == (2, 1, 2)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert {e["kind"] for e in s.errors} == {"false", "missed"}


def test_empty_score_is_zero_not_an_error():
    assert Score().f1 == 0.0 and Score().precision == 0.0


def test_name_normalisation():
    assert name_key("The Senate") == name_key("senate")
    assert name_key("Façade-Group") == "facade group"
    assert names_match("John Smith", "the mayor, John Smith")
    assert names_match("Lahore", "in Lahore")
    assert not names_match("John Smith", "Jane Smyth")
    assert not names_match("", "anything")


def test_date_window_overlap():
    assert windows_overlap((D(2023, 11, 11), D(2023, 11, 20)), (D(2023, 11, 15), D(2023, 11, 15)))
    assert not windows_overlap(
        (D(2023, 11, 11), D(2023, 11, 20)), (D(2023, 11, 21), D(2023, 11, 30))
    )
    assert windows_overlap((D(2023, 9, 1), None), (D(2024, 5, 1), D(2024, 5, 1)))  # open end
    assert not windows_overlap((None, None), (D(2024, 1, 1), D(2024, 1, 1)))


def test_distance_tolerance():
    karachi, lahore = (24.8607, 67.0011), (31.5204, 74.3587)
    assert distance_km(karachi, karachi) == pytest.approx(0.0)
    assert 1000 < distance_km(karachi, lahore) < 1050  # about 1,030 km
    assert distance_km((0, 0), (0, 180)) == pytest.approx(20015, rel=0.01)


def test_gate_allows_noise_and_catches_drops():
    result = SuiteResult("sample", fields={"events": {"precision": 1, "recall": 0.8, "f1": 0.85}})
    assert check_floors([result], {"sample": {"events": 0.86}}) == []  # within the margin
    failures = check_floors([result], {"sample": {"events": 0.95}})
    assert len(failures) == 1 and "sample.events" in failures[0]
    assert check_floors([result], {"sample": {"missing": 0.5}})  # a floor with no score fails


def test_skipped_suite_is_not_failed():
    result = SuiteResult("geo", skipped="data absent")
    assert check_floors([result], {"geo": {"LGL": 0.7}}) == []
