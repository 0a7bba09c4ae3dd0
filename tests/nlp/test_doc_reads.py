"""The Doc reads made once per Doc (nlp/doc_text.py, nlp/lexicons.py `DocWords`) give what
spaCy's own per-token and per-span reads give, on the example corpus through the pipeline."""

from __future__ import annotations

import gc
import weakref

import pytest
from spacy.tokens import Doc

from footprint.extract.from_doc import extract
from footprint.model import Document
from footprint.nlp import lexicons
from footprint.nlp.doc_text import doc_sents, span_text
from tests.conftest import CORPUS

ODD_TEXT = "  Leading spaces.\n\nA line,  double  spaces \t tab.\nLast one ends with a space "


@pytest.fixture(scope="module")
def docs(nlp) -> list[Doc]:
    texts = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return list(nlp.pipe([*texts, ODD_TEXT, ""]))


def test_doc_words_are_the_tokens_own_reads(docs):
    for doc in docs:
        words = lexicons.DocWords(doc)
        assert words.text == [t.text for t in doc]
        assert words.lower == [t.lower_ for t in doc]
        assert words.spaced == [bool(t.whitespace_) for t in doc]
        assert [list(h) for h in words.heads] == [lexicons.head_forms(t) for t in doc]


def test_span_text_is_spacys_span_text(docs):
    for doc in docs:
        spans = [*doc.ents, *doc.sents, doc[:], doc[1:3], doc[len(doc) // 2 :]]
        for span in spans:
            assert span_text(span) == span.text


def test_doc_sents_are_made_once_and_are_the_docs_sentences(docs):
    for doc in docs:
        first = doc_sents(doc)
        assert [(s.start, s.end) for s in first] == [(s.start, s.end) for s in doc.sents]
        assert doc_sents(doc) is first  # kept, not made again


@pytest.mark.filterwarnings("ignore::UserWarning")  # (spaCy skips user data when joining)
def test_doc_sents_of_a_joined_doc_are_its_own(nlp):
    one, two = nlp("Zenda is quiet. Strelsau is not."), nlp("Hentzau rode north.")
    doc_sents(one)
    joined = Doc.from_docs([one, two])
    joined.user_data.update(one.user_data)  # a piece's reads carried over stay unused
    assert [s.text for s in doc_sents(joined)] == [s.text for s in joined.sents]
    assert span_text(joined[-4:]) == "Hentzau rode north."


def test_a_doc_read_by_the_extractor_is_freed_without_the_garbage_collector(nlp):
    """The sentences kept for the extractors hold their Doc: they are dropped once it is read,
    so the Doc goes as soon as nothing else holds it (no cycle left for a full collection)."""
    text = "Sapt spoke at a rally in Tampere on Monday. Osra attended it."
    doc = nlp(text)
    gone = weakref.ref(doc)
    gc.disable()
    try:
        extract(doc, Document(id="d", text=text, path="d.txt"))
        del doc
        assert gone() is None
    finally:
        gc.enable()
