"""Shared helpers for components that rewrite `doc.ents`."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

PERSON, ORG, GPE, LOC, FAC, NORP = "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"
ACTOR_LABELS = {PERSON, ORG}
PLACE_LABELS = {GPE, LOC, FAC}


def replace_ents(doc: Doc, new: list[Span]) -> None:
    """Put `new` spans into doc.ents, dropping old entities they overlap.

    New spans win over old ones; among new spans the longest wins (spaCy's filter_spans)."""
    kept_new = filter_spans(new)
    taken: set[int] = set()
    for span in kept_new:
        taken.update(range(span.start, span.end))
    old = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    doc.ents = sorted(old + kept_new, key=lambda s: s.start)


def is_name_token(token) -> bool:  # type: ignore[no-untyped-def]
    """A capitalised word that can be part of a name (not a capitalised function word)."""
    text = token.text
    return (
        text[:1].isupper()
        and any(ch.isalpha() for ch in text)
        and not token.is_stop
        and token.pos_ not in ("ADP", "DET", "PRON", "CCONJ", "VERB", "AUX")
    )
