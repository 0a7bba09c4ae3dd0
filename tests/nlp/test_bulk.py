"""The bulk paths for the model's attribute ruler and lemmatizer (components/bulk.py) give what
spaCy's own per-token code gives, on the example corpus."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from footprint.nlp.components.bulk import (
    BulkAttributes,
    BulkLemmas,
    RuleMatcher,
    rule_lemma,
    rule_matcher_for,
    stand_in_for_attribute_ruler,
)
from footprint.settings import DEFAULT_MODEL
from tests.conftest import CORPUS

ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    found.append("They y'all ain't nothin' but gets got. There's it. I saw you and it.  \n\nOK")
    return found


@pytest.fixture(scope="module")
def model():
    return spacy.load(DEFAULT_MODEL)


def _before(model, texts: list[str], last: str) -> list[Doc]:
    """The texts through the model's components before `last` (not `last` itself)."""
    names = model.pipe_names
    skipped = names[names.index(last) :]
    return list(model.pipe(texts, disable=skipped))


def test_rule_matcher_finds_what_spacys_matcher_finds(model, texts):
    ruler = model.get_pipe("attribute_ruler")
    fast = rule_matcher_for(ruler, model.vocab)
    docs = _before(model, texts, "attribute_ruler")
    for doc in docs:
        want = sorted(ruler.matcher(doc, allow_missing=True))
        assert want, "the ruler's tag patterns match every text"
        assert sorted(fast(doc, allow_missing=True)) == want


def test_attributes_in_bulk_are_the_rulers(model, texts):
    ruler = model.get_pipe("attribute_ruler")
    bulk = BulkAttributes(ruler, model.vocab)
    for doc in _before(model, texts, "attribute_ruler"):
        one, two = Doc(model.vocab).from_bytes(doc.to_bytes()), doc
        ruler(one)
        bulk(two)
        assert (one.to_array(ATTRS) == two.to_array(ATTRS)).all()
        assert [str(t.morph) for t in one] == [str(t.morph) for t in two]


def test_lemmas_in_bulk_are_the_lemmatizers(model, texts):
    lemmatizer = model.get_pipe("lemmatizer")
    docs = _before(model, texts, "lemmatizer")
    blobs = [doc.to_bytes() for doc in docs]
    bulk = BulkLemmas(lemmatizer)
    assert bulk.mirrored
    for blob in blobs:
        one, two = Doc(model.vocab).from_bytes(blob), Doc(model.vocab).from_bytes(blob)
        lemmatizer(one)
        bulk(two)
        assert [t.lemma_ for t in two] == [t.lemma_ for t in one]
        for token in one:
            if token.pos_ not in ("", "SPACE"):  # spaCy caches only what passed its rules
                first = lemmatizer.rule_lemmatize(token)[0]
                assert rule_lemma(lemmatizer, token, bulk.index) == first


def test_pipeline_output_unchanged(nlp, model, texts):
    """footprint's pipeline (bulk paths on) against the same components on a plain model."""
    plain = spacy.load(DEFAULT_MODEL)
    plain.add_pipe("footprint_paragraphs_v1", before="parser")
    for name in ("footprint_names_v1", "footprint_acronyms_v1", "footprint_consistency_v1"):
        plain.add_pipe(name, last=True)
    assert "footprint_attributes_v1" in nlp.pipe_names
    assert "attribute_ruler" in nlp.disabled  # kept, not run
    assert "footprint_lemmas_v1" in nlp.pipe_names
    for slow, fast in zip(plain.pipe(texts), nlp.pipe(texts), strict=True):
        assert (slow.to_array(ATTRS) == fast.to_array(ATTRS)).all()
        assert [str(t.morph) for t in slow] == [str(t.morph) for t in fast]
        assert [(e.start, e.end, e.label_) for e in slow.ents] == [
            (e.start, e.end, e.label_) for e in fast.ents
        ]


def test_patterns_it_cannot_express_keep_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"IS_TITLE": True, "OP": "+"}]], {"POS": "PROPN"})
    assert not stand_in_for_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_rule_matcher_reads_every_predicate_it_accepts():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["a", "an"]}}]], {"POS": "DET"})
    ruler.add([[{"LOWER": {"NOT_IN": ["a", "an", " "]}, "IS_SPACE": False}]], {"POS": "X"})
    ruler.add([[{"LOWER": {"REGEX": "^n'?t$"}}]], {"POS": "PART"})
    ruler.add([[{"LOWER": "y'"}, {"LOWER": "all"}]], {"LEMMA": "you"}, index=1)
    fast = rule_matcher_for(ruler, nlp.vocab)
    assert isinstance(fast, RuleMatcher)
    doc = nlp.make_doc("an owl isn't a cat , y' all  know")
    assert sorted(fast(doc, allow_missing=True)) == sorted(ruler.matcher(doc, allow_missing=True))
    # A pattern added later is not compiled: the call goes to spaCy's matcher.
    ruler.add([[{"LOWER": "owl"}]], {"POS": "NOUN"})
    assert sorted(fast(doc, allow_missing=True)) == sorted(ruler.matcher(doc, allow_missing=True))


def test_forms_the_rules_get_wrong_are_repaired(nlp):
    doc = nlp("Soldiers raped two women. The singer rapped a verse. Rebels retook the town.")
    assert {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"} == {
        "raped": "rape",
        "rapped": "rap",
        "retook": "retake",
    }
