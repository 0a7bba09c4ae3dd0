"""A Doc's text, built once per Doc.

spaCy rebuilds `Doc.text` from the tokens on every access; several components and the
extractors each need it once per document. No footprint component retokenizes, so the text of a
Doc never changes after the tokenizer and one copy, kept in its user_data, serves them all."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "footprint.doc_text"


def doc_text(doc: Doc) -> str:
    held = doc.user_data.get(_KEY)
    if held is None:
        held = doc.user_data[_KEY] = doc.text
    return held  # type: ignore[no-any-return]
