"""MinHash near-duplicate detection: deterministic, finds edited reprints, ignores other stories."""

from hypothesis import given
from hypothesis import strategies as st

from footprint.ingest.dedup import NearDuplicateIndex, shingles, signature, similarity

STORY = (
    "Thousands of supporters gathered on the main avenue of the city on Sunday to protest the "
    "rise in fuel prices, and speakers from three opposition parties addressed the crowd from a "
    "stage set up outside the provincial assembly, calling on the government to reverse the "
    "increase before the end of the month or face a wider campaign of strikes and sit-ins."
)
OTHER = (
    "The central bank kept its policy rate unchanged on Tuesday, citing easing inflation and a "
    "stable currency, and said it expected growth to pick up in the second half of the year as "
    "exports recovered and remittances from workers abroad continued to rise steadily."
)


@given(st.text(max_size=300))
def test_signature_is_deterministic(text):
    assert (signature(text) == signature(text)).all()


def test_edited_reprint_is_near_and_other_story_is_not():
    reprint = STORY.replace("Thousands of", "Several thousand").upper() + " Reuters."
    assert similarity(signature(STORY), signature(reprint)) >= 0.8
    assert similarity(signature(STORY), signature(OTHER)) < 0.2


def test_index_returns_best_match_above_threshold():
    index = NearDuplicateIndex()
    index.add("a", signature(STORY))
    index.add("b", signature(OTHER))
    found = index.query(signature(STORY + " Filed by our correspondent."))
    assert found is not None and found[0] == "a" and found[1] >= 0.8
    assert index.query(signature("An entirely unrelated sentence about football.")) is None
    assert index.query(signature("")) is None  # no words, no match


def test_short_texts_are_one_shingle():
    assert shingles("Two words") == {"two words"}
    assert shingles("") == set()
