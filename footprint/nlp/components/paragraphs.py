"""footprint_paragraphs_v1 — a line break ends a sentence.

Headlines, captions and paragraphs are separated by newlines; the parser, which runs after this
component and respects boundaries set before it, would otherwise join a headline to the first
sentence or a closing quotation to the next paragraph.

The marks are written in one pass: spaCy's `Token.is_sent_start` setter scans the whole doc
(`Doc.has_annotation("DEP")`) on every call, so setting it once per line made a text of many
short lines quadratic (16,000 lines took 17 s). The sentence starts are read into an array,
changed there and written back with `Doc.from_array`, which touches each token once.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc


def line_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that follow a line break (never the first token)."""
    starts = []
    previous = None
    for token in doc:
        if previous is not None and (
            "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
        ):
            starts.append(token.i)
        previous = token
    return starts


def mark_line_starts(doc: Doc) -> Doc:
    """Mark every token after a line break as a sentence start; other marks are kept."""
    starts = line_starts(doc)
    if not starts:
        return doc
    # As the setter did: a parsed doc's boundaries come from its parse, not from here.
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)
    marks = doc.to_array(SENT_START)  # uint64, one per token (-1, "not a start", wraps round)
    marks[starts] = 1
    doc.from_array([SENT_START], marks)  # type: ignore[arg-type]  # the stub says float64
    return doc


@Language.component("footprint_paragraphs_v1", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    return mark_line_starts(doc)
