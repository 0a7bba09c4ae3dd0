"""footprint_consistency_v1 — one name, one type, across the whole document.

The statistical model labels each mention on its own, so the same surname is a person in one
sentence and a place in the next. This component settles each name once per document:
1. the most frequent label of an identical name wins over the odd one out (a tie goes to
   "organisation" when the name holds an organisation word);
2. grammar overrides the model: a name in apposition to a person's role or kin ("X, head of
   Y", "X, brother of Y") or
   after a role noun ("Y leader X") is a person; a one-word "person" followed by a role noun and
   a person ("Hurriyat leader X") is an organisation;
3. a name that is a person's full name, or the last word of one, is a person everywhere;
4. an organisation's name tagged once is tagged wherever the model missed it;
5. a name introduced by a place cue ("the town of X") is a place everywhere, unless rule 3
   made it a person (one the model did not tag at all is tagged a place there); one given an
   odd label (a product, a work of art, a law, an event, a language: `names.UNPLACED_LABELS`)
   after a word for a part of a place ("central X") is a place wherever it has such a label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from footprint.nlp import lexicons
from footprint.nlp.components.names import UNPLACED_LABELS, merge_touching_persons
from footprint.nlp.components.spans import (
    GPE,
    ORG,
    PERSON,
    PLACE_LABELS,
    is_name_token,
    replace_ents,
)
from footprint.nlp.doc_text import doc_text, span_text
from footprint.place.names import PART_WORDS

VOTING_LABELS = {PERSON, ORG, GPE, "LOC", "NORP", "FAC"}
# Cues that name people by where they live: a body's name after them is left alone.
RESIDENT_CUES = frozenset({"residents of", "villagers of", "inhabitants of"})
# Entities that are no name, whatever words come before them.
NOT_NAMES = {"CARDINAL", "ORDINAL", "QUANTITY", "DATE", "TIME", "PERCENT", "MONEY"}
# Roles an organisation can also hold ("X, a member of the alliance") do not make X a person.
SHARED_ROLES = {"member", "affiliate", "founder", "co-founder", "patron"}


def _key(text: str) -> str:
    return " ".join(text.replace("[", "").replace("]", "").split()).lower()


def _relabel(doc: Doc, labels: dict[int, str]) -> None:
    """Set new labels on entities by their start token."""
    if not labels:
        return  # (reading and writing the entities back costs a Span each)
    doc.ents = [
        Span(doc, e.start, e.end, label=labels[e.start]) if e.start in labels else e
        for e in doc.ents
    ]


def vote(doc: Doc) -> None:
    counts: dict[str, Counter[str]] = {}
    for ent in doc.ents:
        if ent.label_ in VOTING_LABELS:
            counts.setdefault(_key(span_text(ent)), Counter())[ent.label_] += 1
    winners = {}
    for name, counter in counts.items():
        (top, n), *rest = counter.most_common()
        if rest and rest[0][1] == n:
            tied = {label for label, c in counter.items() if c == n}
            if ORG in tied and set(name.replace("-", " ").split()) & lexicons.org_words():
                winners[name] = ORG
            continue
        winners[name] = top
    keys = {e.start: _key(span_text(e)) for e in doc.ents if e.label_ in VOTING_LABELS}
    _relabel(doc, {start: winners[k] for start, k in keys.items() if k in winners})


def _role_after(doc: Doc, ent: Span) -> str | None:
    """The role or kinship noun in ", [the] [senior] ROLE of|for|at|in" after the entity."""
    i = ent.end
    if i >= len(doc) or lexicons.doc_words(doc).text[i] != ",":
        return None
    i += 1
    while i < len(doc) and (doc[i].pos_ in ("DET", "ADJ") or doc[i].tag_ == "VBN"):
        i += 1
    found = lexicons.phrase_at(doc, i, lexicons.roles()) or lexicons.phrase_at(
        doc, i, lexicons.kinship()
    )
    if found is None or i + found[0] >= len(doc):
        return None
    width, phrase = found
    return phrase if doc[i + width].lower_ in ("of", "for", "at", "in") else None


def _role_before(doc: Doc, ent: Span) -> str | None:
    """The role noun right before the entity ("leader X", "chief, X")."""
    words = lexicons.doc_words(doc)  # (no Token made for the words tried)
    for width in (1, 2, 3):
        i = ent.start - width
        if i < 0:
            break
        if words.text[ent.start - 1] == "," and width == 1:
            continue
        end = ent.start - 1 if words.text[ent.start - 1] == "," else ent.start
        found = words.longest_at(i, lexicons.roles(), len(doc) - i)
        if found is not None and found[0] == end - i and not doc[i].ent_type_:
            return found[1]
    return None


def apply_role_cues(doc: Doc) -> None:
    labels = {}
    for ent in doc.ents:
        after, before = _role_after(doc, ent), _role_before(doc, ent)
        role = after or before
        if ent.label_ != PERSON and role and role not in SHARED_ROLES:
            labels[ent.start] = PERSON
        elif ent.label_ == PERSON and len(ent) == 1 and ent.end < len(doc):
            found = lexicons.phrase_at(doc, ent.end, lexicons.roles())
            width = found[0] if found else 0
            following = doc[ent.end + width] if width and ent.end + width < len(doc) else None
            if following is not None and following.ent_type_ == PERSON:
                labels[ent.start] = ORG  # "Hurriyat leader X"
    _relabel(doc, labels)


def person_words(doc: Doc) -> tuple[set[str], set[str]]:
    """Words of persons' full names (titles dropped) and the subset that are last words."""
    titles = lexicons.titles()
    every: set[str] = set()
    last: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != PERSON:
            continue
        written = span_text(ent).replace("[", "").replace("]", "")
        words = [w for w in written.split() if w.lower() not in titles]
        if len(words) >= 2:
            every.update(words)
            if len(words[-1]) > 2:
                last.add(words[-1])
    return every, last


def propagate_persons(doc: Doc) -> set[str]:
    every, surnames = person_words(doc)
    folded = {s.lower() for s in surnames}
    new: list[Span] = []
    for ent in doc.ents:
        # Another label on a bare surname ("Rahimi" as a place, "al-Qadi" as a group).
        if ent.label_ != PERSON and span_text(ent).lower() in folded:
            new.append(Span(doc, ent.start, ent.end, label=PERSON))
    for i, text in enumerate(lexicons.doc_words(doc).text):
        if text not in surnames:
            continue  # no Token made for other words
        token = doc[i]
        if not token.ent_type_ and is_name_token(token):
            new.append(Span(doc, token.i, token.i + 1, label=PERSON))
    if new:
        replace_ents(doc, new)
    return every


def propagate_organizations(doc: Doc) -> None:
    """An organisation's name the model tagged somewhere is tagged where it missed it."""
    names: dict[str, list[tuple[str, ...]]] = {}
    for ent in doc.ents:
        if ent.label_ != ORG:
            continue
        words = tuple(t.text for t in ent if t.lower_ != "the")
        if words and words[0][:1].isupper():
            names.setdefault(words[0], []).append(words)
    if not names:
        return
    new: list[Span] = []
    for i, text in enumerate(lexicons.doc_words(doc).text):
        if text not in names:
            continue  # no Token made for other words
        token = doc[i]
        if token.ent_type_:
            continue
        for words in sorted(names[token.text], key=len, reverse=True):
            end = token.i + len(words)
            window = doc[token.i : end]
            if end <= len(doc) and tuple(t.text for t in window) == words:
                if not any(t.ent_type_ for t in window):
                    new.append(Span(doc, token.i, end, label=ORG))
                break
    if new:
        replace_ents(doc, new)


def apply_place_cues(doc: Doc, person_names: set[str]) -> None:
    lower = doc_text(doc).lower()
    unnamed = _unnamed_after_cues(doc, lower, person_names)
    if unnamed:
        replace_ents(doc, unnamed)
    names: set[str] = set()
    parts: set[str] = set()  # names after "central", "northern": only their odd labels change
    for ent in doc.ents:
        written = span_text(ent)
        if written in person_names or (" " in written and ent.label_ == PERSON):
            continue
        if _a_part_of_a_place(ent):
            parts.add(written)
            continue
        cue = _cue_before(lower, ent.start_char, lexicons.place_cues())
        if cue is None or ent.label_ in NOT_NAMES or not _a_name_on_its_own(ent):
            continue  # "residents of 12 villages", "of Westrian villages", "of X's compound"
        if cue in RESIDENT_CUES and not (
            ent.label_ == "NORP" or (ent.label_ == PERSON and len(ent) == 1)
        ):
            continue  # "residents of Acme Housing Estate": people live in what a body owns too
        names.add(written)
    if not names and not parts:
        return
    _relabel(
        doc,
        {
            e.start: GPE
            for e in doc.ents
            if (span_text(e) in names and e.label_ not in PLACE_LABELS)
            or (span_text(e) in parts and e.label_ in UNPLACED_LABELS)
        },
    )


MAX_CUED_WORDS = 3


# Cues that also open phrases of no place: "a state of emergency", "the state of play".
UNSURE_CUES = frozenset({"state of"})


def _unnamed_after_cues(doc: Doc, lower: str, person_names: set[str]) -> list[Span]:
    """Capitalised names right after a place cue that the model left untagged ("residents of
    Zenda rioted", "the village of Hentzau"): places. Not a name holding an organisation's
    word ("residents of Zenda Housing Council") or ending in a building's ("... Towers"), a
    person's name (rule 3), a word of an entity already, nor in a title written in capitals
    throughout ("Residents Of Zenda Protest Over Power Cuts")."""
    found = []
    org_words, place_words = lexicons.org_words(), lexicons.place_words()
    cues = [c for c in lexicons.place_cues() if c not in UNSURE_CUES]
    # (the words read once per Doc: a Token is made only at an "of", not a capital "Of")
    for i, word in enumerate(lexicons.doc_words(doc).text):
        if word != "of" or i + 1 >= len(doc):
            continue
        of = doc[i]
        if _cue_before(lower, of.idx + 2, cues) is None:
            continue
        end = of.i + 1
        while (
            end < len(doc)
            and end - of.i <= MAX_CUED_WORDS
            and doc[end].pos_ == "PROPN"
            and is_name_token(doc[end])
            and not doc[end].ent_type_
        ):
            end += 1
        run = doc[of.i + 1 : end]
        if (
            end == of.i + 1
            or {t.lower_ for t in run} & org_words
            or run[-1].lower_ in place_words
            or run[-1].lower_.removesuffix("s") in place_words
            or run.text in person_names
            or (end < len(doc) and doc[end].text[:1].isupper())
        ):
            continue
        found.append(Span(doc, of.i + 1, end, label=GPE))
    return found


def _cue_before(lower: str, start_char: int, cues: Iterable[str]) -> str | None:
    """The place cue written right before the character, as words of its own ("the town of";
    not "the hometown of")."""
    before = " " + lower[max(0, start_char - 24) : start_char].rstrip()
    return next((c for c in cues if before.endswith(" " + c)), None)


def _a_part_of_a_place(ent: Span) -> bool:
    """ "marched through central X", "in northern X": a name after a lower-case word for a part
    of a place is a place, where the model gave it an odd label (`names.UNPLACED_LABELS`: a
    product, a work of art, ...; "the northern Alliance" tagged an organisation is left alone)."""
    if ent.label_ not in UNPLACED_LABELS or ent.start == 0 or not _a_name_on_its_own(ent):
        return False
    before = ent.doc[ent.start - 1]
    return before.text in PART_WORDS  # lower case as written: "Central X" is another name


def _a_name_on_its_own(ent: Span) -> bool:
    """Not a word that modifies or owns the noun after it ("Westrian villages", "X's compound"),
    unless that noun is an area word ("the town of X district")."""
    root = ent.root
    if root.dep_ in ("amod", "nummod", "poss") or (
        ent.end < len(ent.doc) and ent.doc[ent.end].text in ("'s", "’s")
    ):
        return False
    return root.dep_ != "compound" or root.head.lower_ in lexicons.area_words()


def settle(doc: Doc) -> Doc:
    vote(doc)
    apply_role_cues(doc)
    person_names = propagate_persons(doc)
    propagate_organizations(doc)
    apply_place_cues(doc, person_names)
    doc.ents = merge_touching_persons(doc, list(doc.ents))
    return doc


@Language.component(
    "footprint_consistency_v1", assigns=["doc.ents"], requires=["doc.ents", "token.pos"]
)
def consistency_component(doc: Doc) -> Doc:
    return settle(doc)
