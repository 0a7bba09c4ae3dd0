"""A Doc's text and sentences, made once per Doc, and a span's text read from that text.

spaCy rebuilds `Doc.text` and `Span.text` from the tokens, and `Doc.sents` makes every sentence
anew, on every access; components and extractors need them many times per document. No
footprint component retokenizes, so the text of a Doc never changes after the tokenizer and
one copy, kept in its user_data, serves them all (a span's text is a slice of it); the
sentences are kept while the extractors read the Doc (`forget_doc_sents`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "footprint.doc_text"


def doc_text(doc: Doc) -> str:
    held = doc.user_data.get(_KEY)
    if held is None or held[0] != len(doc):  # (a Doc joined from others carries their data)
        held = doc.user_data[_KEY] = (len(doc), doc.text)
    return held[1]  # type: ignore[no-any-return]


def span_text(span: Span) -> str:
    """`Span.text` without a `Token` per word: a slice of the Doc's text kept once (spaCy's own
    joins every token's text; sentences are read this way many times per document)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


_SENTS_KEY = "footprint.doc_sents"


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """The Doc's sentences, made once (`Doc.sents` makes every sentence's Span anew on each
    pass; the extractors pass over them several times). Sentence bounds are set by the
    parser and never changed after it."""
    held = doc.user_data.get(_SENTS_KEY)
    if held is None or held[0] != len(doc):
        held = doc.user_data[_SENTS_KEY] = (len(doc), tuple(doc.sents))
    return held[1]  # type: ignore[no-any-return]


def forget_doc_sents(doc: Doc) -> None:
    """Drop the sentences `doc_sents` kept: each Span holds its Doc, so a Doc keeping its own
    Spans is a cycle that only the garbage collector's full passes free (an ingest's memory
    would grow with the Docs waiting for one). Called when a Doc has been read."""
    doc.user_data.pop(_SENTS_KEY, None)
