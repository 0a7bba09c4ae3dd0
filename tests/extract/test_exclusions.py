"""The excluded-range index answers exactly what a scan of every range answers."""

from hypothesis import given
from hypothesis import strategies as st

from footprint.extract.from_doc import Exclusions
from footprint.extract.hygiene import Exclusion


def _scan(start, end, ranges):
    """The plain answer: some range holds the whole span."""
    return any(r.start <= start and end <= r.end for r in ranges)


spans = st.tuples(st.integers(0, 200), st.integers(0, 60)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(spans, max_size=30), st.lists(spans, min_size=1, max_size=30))
def test_index_agrees_with_a_scan(ranges, queries):
    plain = [Exclusion(s, e, "test") for s, e in ranges]
    index = Exclusions(plain)
    assert list(index) == plain  # the given order is kept
    for start, end in queries:
        assert index.covers(start, end) == _scan(start, end, plain)


def test_nested_and_overlapping_ranges():
    index = Exclusions([Exclusion(50, 60, "a"), Exclusion(0, 100, "b"), Exclusion(90, 120, "c")])
    assert index.covers(55, 58) and index.covers(95, 120) and index.covers(0, 100)
    assert not index.covers(95, 121) and not index.covers(-1, 5)
    assert not Exclusions([]).covers(0, 0)
