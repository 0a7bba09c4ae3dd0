"""A Doc's text, built once per Doc.

spaCy rebuilds `Doc.text` from the tokens on every access; several components and the
extractors each need it once per document. No footprint component retokenizes, so the text of a
Doc never changes after the tokenizer and one copy, kept in its user_data, serves them all."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "footprint.doc_text"


def doc_text(doc: Doc) -> str:
    held = doc.user_data.get(_KEY)
    if held is None or held[0] != len(doc):  # (a Doc joined from others carries their data)
        held = doc.user_data[_KEY] = (len(doc), doc.text)
    return held[1]  # type: ignore[no-any-return]
