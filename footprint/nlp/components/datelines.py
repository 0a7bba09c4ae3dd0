"""footprint_datelines_v1 — what the model reads across a report's dateline, mended.

The model reads "KUMASI, Sept 1 - The Freedonia Unity Party held ..." with "Sept 1 - The
Freedonia Unity Party" as one date, so the party the report is about is no name at all; and it
reads the agency of "LEEDS, May 12 (Reuters) - ..." as an organisation named in the story.
Last of footprint's components (so no name repair or propagation brings the agency back), an
entity that runs over the dateline's closing dash is cut before it (the words after the dash
become an organisation when they end with an organisation's word: org_words.txt), and a name
in the dateline's agency brackets is no entity. The dateline is found in the text
(`nlp/datelines.py`); a Doc without one is left as it is. The dateline's own date is the day
it was filed, not an event's (`extract/from_doc.py` leaves it out of the event dates)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from footprint.nlp import lexicons
from footprint.nlp.datelines import HEAD_CHARS, dateline_of

# Words that may open an organisation's name after the dash: "The X Party".
LEADING_WORDS = frozenset({"the"})


@Language.component("footprint_datelines_v1", assigns=["doc.ents"], requires=["doc.ents"])
def mend_datelines(doc: Doc) -> Doc:
    if not len(doc) or not doc.ents or doc.ents[0].start_char >= HEAD_CHARS:
        return doc  # (no entity where a dateline could be: the text is not read)
    found = dateline_of(doc)
    if found is None:
        return doc
    mark_start, mark_end = found.mark
    kept: list[Span] = []
    changed = False
    for ent in doc.ents:
        if _in_the_agency(ent, found.agency) and ent.label_ in ("ORG", "PERSON", "NORP"):
            changed = True  # "(Reuters)": who filed the report, not who is in it
            continue
        if ent.start_char < mark_start and ent.end_char > mark_end:
            changed = True
            kept += _cut_at_the_mark(doc, ent, mark_start, mark_end)
            continue
        kept.append(ent)
    if changed:
        doc.ents = kept
    return doc


def _in_the_agency(ent: Span, agency: tuple[int, int] | None) -> bool:
    return agency is not None and agency[0] <= ent.start_char and ent.end_char <= agency[1]


def _cut_at_the_mark(doc: Doc, ent: Span, mark_start: int, mark_end: int) -> list[Span]:
    """The entity's words before the dateline's dash, with its label; those after it, an
    organisation when they end with an organisation's word."""
    before = [t for t in ent if t.idx + len(t) <= mark_start]
    after = [t for t in ent if t.idx >= mark_end]
    out = []
    if before:
        out.append(Span(doc, before[0].i, before[-1].i + 1, label=ent.label_))
    if after:
        words = [t for t in after if t.lower_ not in LEADING_WORDS or t.i != after[0].i]
        named = all(t.text[:1].isupper() for t in words)
        if words and named and words[-1].lower_ in lexicons.org_words():
            out.append(Span(doc, after[0].i, after[-1].i + 1, label="ORG"))
    return out
