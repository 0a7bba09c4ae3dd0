"""Admiralty-style grading from independent sources, hedges, conflicts and user ratings."""

from footprint.analysis.corroboration import Support, grade, source_of


def test_no_evidence_cannot_be_judged():
    g = grade([])
    assert (g.reliability, g.credibility, g.independent_sources) == ("F", 6, 0)


def test_one_plain_source_is_possibly_true_one_hedged_is_doubtful():
    assert grade([Support("d1", "a.org", None)]).code == "F3"
    hedged = grade([Support("d1", "a.org", "according to media reports")])
    assert hedged.code == "F4" and "according to media reports" in hedged.reasoning


def test_two_independent_sources_confirm_unless_hedged_or_in_conflict():
    two = [Support("d1", "a.org", None), Support("d2", "b.org", "police said")]
    assert grade(two).credibility == 1
    assert grade([Support("d1", "a", "x"), Support("d2", "b", "y")]).credibility == 2
    conflicted = grade(two, conflicts=["reports give different days"])
    assert conflicted.credibility == 2 and "different days" in conflicted.reasoning


def test_near_copies_count_once():
    two = [Support("d1", "a.org", None), Support("d2", "b.org", None)]
    g = grade(two, near_duplicates=[frozenset({"d1", "d2"})])
    assert g.independent_sources == 1 and g.credibility == 3
    assert "near-copy counted once" in g.reasoning


def test_best_user_rating_sets_reliability():
    two = [Support("d1", "a.org", None), Support("d2", "b.org", None)]
    assert grade(two, ratings={"a.org": "C", "b.org": "B"}).code == "B1"


def test_source_key_is_host_then_author_then_path():
    assert source_of("https://www.Example.org/x/y", "Ann", "p.txt") == "example.org"
    assert source_of(None, "Ann", "p.txt") == "Ann"
    assert source_of(None, None, "p.txt") == "p.txt"
