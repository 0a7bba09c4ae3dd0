"""The unnamed parties of an event: who did it or had it done to them, as a report says when it
names no one — "gunmen attacked a police post", "hundreds of protesters blocked the road", "two
students were injured". They stay phrases (with the sentence that says so), never actors: a
group noun names no organisation, and "assailants" in two reports are not the same people.

Read from the event word's grammar: the subject of an active verb did it; its object, or the
subject of a passive, had it done to them (for violence: the target; otherwise a participant).
A phrase counts when its head is a noun for people (`person_nouns.txt`, `crowd_nouns.txt`,
`group_nouns.txt`, `doer_nouns.txt`) and it is no part of a named actor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from footprint.extract.casualties import victim_heads
from footprint.extract.event_types import counted
from footprint.nlp import lexicons

DOER_DEPS = ("nsubj",)
DONE_TO_DEPS = ("dobj", "nsubjpass")
KEPT_MODIFIERS = ("nummod", "amod", "compound", "quantmod", "advmod")  # "at least two gunmen"


@dataclass(frozen=True)
class FoundParty:
    text: str  # the phrase as written: "two unidentified gunmen"
    role: str  # perpetrator / target / participant / victim (of an accident)
    start: int  # character offsets of the phrase
    end: int


def _is_people(head: Token) -> bool:
    if head.pos_ != "NOUN":
        return False
    lemma = head.lemma_.lower()
    return lemma in lexicons.person_nouns() or lemma in lexicons.doer_nouns()


def _of_a_named(head: Token, named: Callable[[int], bool]) -> bool:
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and any(named(g.i) for g in p.children)
        for p in head.children
    )


def _phrase(head: Token) -> tuple[int, int]:
    """Token range of the head noun with the words that count or describe it."""
    left = [t for t in head.lefts if t.dep_ in KEPT_MODIFIERS]
    start = min([head.i, *(min(x.i for x in t.subtree) for t in left)])
    return start, head.i + 1


def _verb_of(noun: Token) -> Token | None:
    """The verb whose subject or object phrase the event noun stands in: "staged a protest",
    "the attack killed", "hundreds of protesters blocked"."""
    tok = noun
    for _ in range(3):
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
            return tok.head
        if tok.dep_ not in ("pobj", "prep") or tok.head is tok:
            return None
        tok = tok.head
    return None


def _object_side(noun: Token, verb: Token) -> bool:
    """Does the event noun stand in the verb's object (not its subject: "the attack killed")?"""
    tok = noun
    while tok.head.i != verb.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ not in ("nsubj", "nsubjpass")


def unnamed_parties(trigger: Span, violent: bool, named: Callable[[int], bool]) -> list[FoundParty]:
    """The unnamed parties the event word's grammar names. `named(i)`: token i belongs to a
    named actor."""
    head = trigger[-1]
    verb = head if head.pos_ == "VERB" else _verb_of(head)
    if verb is None:
        return []
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    # "Officials attributed the attack to X": a verb that only speaks of the event its object
    # names has no doer for a subject ("gunmen carried out the attack" has; doing_verbs.txt)
    spoken_of = verb.i != head.i and verb.lemma_.lower() not in lexicons.doing_verbs()
    out: list[FoundParty] = []
    for child in verb.children:
        if child.dep_ in DOER_DEPS and not passive:
            if spoken_of and _object_side(head, verb):
                continue
            role = "perpetrator" if violent else "participant"
        elif child.dep_ in DONE_TO_DEPS and child.i != head.i:
            role = "target" if violent else "participant"
        elif child.dep_ == "agent":  # "killed by gunmen"
            child = next((g for g in child.children if g.dep_ == "pobj"), child)
            role = "perpetrator" if violent else "participant"
        else:
            continue
        party = _counted_party(child, role, named)  # "hundreds of protesters"
        if party is not None:
            out.append(party)
    return out


def _counted_party(word: Token, role: str, named: Callable[[int], bool]) -> FoundParty | None:
    """The people `word` counts ("hundreds of protesters": the protesters) as a party of this
    role, their phrase widened to the count; None for what is no people, a named actor, or
    "Members of X" (X, a named participant already, stands for them)."""
    people = counted(word)
    if not _is_people(people) or named(people.i) or _of_a_named(people, named):
        return None
    start, end = _phrase(people)
    if people.i != word.i:
        start = min(start, _phrase(word)[0])
    doc = word.doc
    last = doc[end - 1]
    return FoundParty(doc[start:end].text, role, doc[start].idx, last.idx + len(last))


def victim_parties(sent: Span, named: Callable[[int], bool]) -> list[FoundParty]:
    """The people an accident killed or hurt, as the sentence counts them ("At least six
    passengers were killed when a bus overturned"): role `victim`. Nobody did it, so there is
    no perpetrator and no target. A named person stays an actor, not a party; a bare number
    ("killing 12") says how many, not who (the casualties keep it)."""
    found = (_counted_party(head, "victim", named) for head in victim_heads(sent))
    return [party for party in found if party is not None]
