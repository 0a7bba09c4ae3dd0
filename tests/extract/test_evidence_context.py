"""An overlong sentence is stored as the stretch around each claim, never whole per mention."""

from footprint.extract.from_doc import (
    CONTEXT_CHARS,
    MAX_SENTENCE_CHARS,
    extract,
    sentence_context,
)
from footprint.model import Document


def test_a_normal_sentence_is_kept_whole():
    text = "Rallies were held in three cities on Friday."
    assert sentence_context(text, 0, len(text), 21, 27) == text


def test_an_overlong_sentence_is_cut_around_the_claim_within_the_text():
    text = "a" * 5_000 + "CLAIM" + "b" * 5_000
    start = text.index("CLAIM")
    context = sentence_context(text, 0, len(text), start, start + 5)
    assert "CLAIM" in context and context in text
    assert len(context) == 5 + 2 * CONTEXT_CHARS


def test_mentions_of_a_sentence_of_many_names_store_bounded_context(nlp):
    text = "Rashid Malik met " + ", ".join(["Imran Sadiq"] * 400) + " in Multan on Monday."
    assert len(text) > MAX_SENTENCE_CHARS
    result = extract(nlp(text), Document(id="d", text=text, path="d.txt"))
    evidence = [m.evidence for e in result.entities for m in e.mentions]
    assert evidence
    assert all(len(ev.sentence) <= 2 * CONTEXT_CHARS + len(ev.text) for ev in evidence)
    assert all(ev.text in ev.sentence and ev.sentence in text for ev in evidence)
