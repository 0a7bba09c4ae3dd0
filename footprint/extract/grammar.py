"""Small readings of the parse that several extractors share: the objects of a word's
prepositions, whether a word is negated, and the verb of a word's clause. Each is one spaCy
dependency pattern; the rules that use them say what the pattern means for them."""

from __future__ import annotations

from spacy.tokens import Token

# Auxiliaries of what may, will or must be, not what was: "would attack", "may have killed"
MODALS = frozenset({"will", "would", "shall", "may", "might", "could", "can", "should", "must"})


def is_modal(word: Token) -> bool:
    """A modal auxiliary, written out or contracted ("'ll", "'d": compared by lemma too)."""
    return word.lower_ in MODALS or word.lemma_.lower() in MODALS


def has_modal(verb: Token) -> bool:
    """Is the verb said with a modal auxiliary ("would attack", "could kill"): not told as
    done?"""
    return any(c.dep_ == "aux" and is_modal(c) for c in verb.children)


def objects_of(
    word: Token, prepositions: tuple[str, ...] = ("of",), deps: tuple[str, ...] = ("prep",)
) -> list[Token]:
    """The nouns of the word's phrases with these prepositions ("members of X", "played to the
    rally": with `deps` ("prep", "dative"), also a "to" the parser took for a dative)."""
    return [
        g
        for p in word.children
        if p.dep_ in deps and p.lower_ in prepositions
        for g in p.children
        if g.dep_ == "pobj"
    ]


def negated(word: Token) -> bool:
    """Is the word negated ("did not attack", "who did not speak")?"""
    return any(c.dep_ == "neg" for c in word.children)


def clause_verb(word: Token) -> Token | None:
    """The nearest verb at or above the word: the verb of its clause."""
    for node in [word, *word.ancestors]:
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None
