"""footprint.consistency.v1 — one name, one type, across the whole document.

The statistical model labels each mention on its own, so the same surname is a person in one
sentence and a place in the next. This component settles each name once per document:
1. the most frequent label of an identical name wins over the odd one out;
2. a name that is a person's full name, or the last word of one, is a person everywhere
   (overriding place/organisation labels for the bare word);
3. a name introduced by a place cue ("the town of X") is a place everywhere, unless it is a
   person's name by rule 2.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from footprint.nlp import lexicons
from footprint.nlp.components.spans import GPE, ORG, PERSON, PLACE_LABELS, is_name_token, replace_ents

VOTING_LABELS = {PERSON, ORG, GPE, "LOC", "NORP", "FAC"}


def _key(text: str) -> str:
    return " ".join(text.replace("[", "").replace("]", "").split()).lower()


def vote(doc: Doc) -> None:
    counts: dict[str, Counter[str]] = {}
    for ent in doc.ents:
        if ent.label_ in VOTING_LABELS:
            counts.setdefault(_key(ent.text), Counter())[ent.label_] += 1
    winners = {}
    for key, counter in counts.items():
        (top, n), *rest = counter.most_common()
        if rest and rest[0][1] == n:
            continue  # a tie settles nothing
        winners[key] = top
    doc.ents = [
        Span(doc, e.start, e.end, label=winners[_key(e.text)])
        if _key(e.text) in winners and e.label_ in VOTING_LABELS
        else e
        for e in doc.ents
    ]


def person_names(doc: Doc) -> tuple[set[tuple[str, ...]], set[str]]:
    """Full names (as word tuples, titles dropped) and their last words."""
    titles = lexicons.titles()
    full: set[tuple[str, ...]] = set()
    for ent in doc.ents:
        if ent.label_ != PERSON:
            continue
        words = tuple(t.text for t in ent if t.text not in "[]" and t.lower_ not in titles)
        if len(words) >= 2:
            full.add(words)
    return full, {words[-1] for words in full if len(words[-1]) > 2}


def propagate_persons(doc: Doc) -> set[str]:
    full, surnames = person_names(doc)
    new: list[Span] = []
    for token in doc:
        if token.text not in surnames or not is_name_token(token):
            continue
        ent_start = token.i
        # Within a longer entity of another type ("Hussain Foundation"), leave it alone.
        if token.ent_type_ and token.ent_type_ != PERSON:
            ent = next(e for e in doc.ents if e.start <= token.i < e.end)
            if len(ent) > 1:
                continue
        elif token.ent_type_ == PERSON:
            continue
        new.append(Span(doc, ent_start, token.i + 1, label=PERSON))
    if new:
        replace_ents(doc, new)
    return surnames | {w for words in full for w in words}


def apply_place_cues(doc: Doc, person_words: set[str]) -> None:
    lower = doc.text.lower()
    names: set[str] = set()
    for ent in doc.ents:
        before = lower[max(0, ent.start_char - 24) : ent.start_char].rstrip()
        if ent.text in person_words or " " in ent.text and ent.label_ == PERSON:
            continue
        if any(before.endswith(cue) for cue in lexicons.place_cues()):
            names.add(ent.text)
    if not names:
        return
    doc.ents = [
        Span(doc, e.start, e.end, label=GPE)
        if e.text in names and e.label_ not in PLACE_LABELS
        else e
        for e in doc.ents
    ]


def settle(doc: Doc) -> Doc:
    vote(doc)
    person_words = propagate_persons(doc)
    apply_place_cues(doc, person_words)
    return doc


@Language.component(
    "footprint_consistency_v1", assigns=["doc.ents"], requires=["doc.ents", "token.pos"]
)
def consistency_component(doc: Doc) -> Doc:
    return settle(doc)
