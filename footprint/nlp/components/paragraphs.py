"""footprint_paragraphs_v1 — a line break ends a sentence.

Headlines, captions and paragraphs are separated by newlines; the parser, which runs after this
component and respects boundaries set before it, would otherwise join a headline to the first
sentence or a closing quotation to the next paragraph."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_line_starts(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@Language.component("footprint_paragraphs_v1", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    return mark_line_starts(doc)
