"""footprint_paragraphs_v1 — a line break ends a sentence; a short bracket does not.

Headlines, captions and paragraphs are separated by newlines; the parser, which runs after this
component and respects boundaries set before it, would otherwise join a headline to the first
sentence or a closing quotation to the next paragraph.

News notes put asides in brackets mid-sentence ("clashed with X [a student wing] in Y on
Saturday [15 August]."); the parser tends to start a sentence at the bracket, which cuts the
event from its place and date. Inside a short bracket on one line no sentence starts, and the
opening bracket starts one only after a sentence's final stop ("... attack. [Police said so.]").

The marks are written in one pass: spaCy's `Token.is_sent_start` setter scans the whole doc
(`Doc.has_annotation("DEP")`) on every call, so setting it once per line made a text of many
short lines quadratic (16,000 lines took 17 s). The sentence starts are read into an array,
changed there and written back with `Doc.from_array`, which touches each token once.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from footprint.nlp.doc_text import doc_text


def line_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that follow a line break (never the first token): those with a
    line break between the previous token's start and their own, in its whitespace or in a
    whitespace token before them. Found from the text's line breaks, not token by token."""
    text = doc_text(doc)
    if "\n" not in text or len(doc) < 2:
        return []
    offsets = doc.to_array(IDX).tolist()
    starts: set[int] = set()
    at = text.find("\n", offsets[0])
    while at != -1:
        i = bisect.bisect_right(offsets, at)
        if i < len(offsets):
            starts.add(i)
            at = text.find("\n", offsets[i])
        else:
            break
    return sorted(starts)


NOT_A_START = numpy.uint64(2**64 - 1)  # -1 as the uint64 the array holds
OPENERS = {"[": "]", "(": ")"}
MAX_BRACKET_TOKENS = 40  # a longer bracket may well hold sentences of its own
SENTENCE_FINAL = {".", "!", "?"}


def inside_brackets(doc: Doc) -> list[int]:
    """Indices of tokens that must not start a sentence: those inside a short bracket pair
    closed on the same line (the closer included), and its opener unless a sentence ended
    just before it.

    Read from the token texts' ids in one array, scanning on only from each opening bracket:
    a Token made for every word of every text (this runs on each one) cost more than the rest
    of the component."""
    text = doc_text(doc)
    if not any(opener in text for opener in OPENERS) or len(doc) < 2:
        return []
    strings = doc.vocab.strings
    closer_of = {strings[o]: strings[c] for o, c in OPENERS.items()}
    final = {strings[f] for f in SENTENCE_FINAL}
    ids = doc.to_array(ORTH)
    offsets = doc.to_array(IDX).tolist() + [len(text)]
    openers = numpy.flatnonzero(numpy.isin(ids, list(closer_of))).tolist()
    ids_list = ids.tolist()

    def ends_line(i: int) -> bool:  # a line break in the token or the space after it
        return "\n" in text[offsets[i] : offsets[i + 1]]

    kept: list[int] = []
    resume = 0  # openers before this were inside a bracket already read
    for opener in openers:
        if opener < resume:
            continue
        closer = closer_of[ids_list[opener]]
        resume = len(doc)
        for i in range(opener + 1, len(doc)):
            if ends_line(i - 1) or i - opener > MAX_BRACKET_TOKENS:
                resume = i  # unclosed on its line, or too long: the parser decides
                break
            if ids_list[i] == closer:
                if opener > 0 and ids_list[opener - 1] not in final:
                    kept.append(opener)
                kept.extend(range(opener + 1, i + 1))
                resume = i + 1
                break
    return kept


def mark_line_starts(doc: Doc) -> Doc:
    """Mark every token after a line break as a sentence start, and the tokens inside short
    brackets as not starting one; other marks are kept."""
    starts = line_starts(doc)
    kept = inside_brackets(doc)
    if not starts and not kept:
        return doc
    # As the setter did: a parsed doc's boundaries come from its parse, not from here.
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)
    marks = doc.to_array(SENT_START)  # uint64, one per token (-1, "not a start", wraps round)
    marks[kept] = NOT_A_START
    marks[starts] = 1
    doc.from_array([SENT_START], marks)  # type: ignore[arg-type]  # the stub says float64
    return doc


@Language.component("footprint_paragraphs_v1", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    return mark_line_starts(doc)
