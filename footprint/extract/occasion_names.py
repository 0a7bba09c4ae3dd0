"""Occasions written as names: "the Westrian Unity Summit opened in Tampere", "X spoke at the
Solidarity Conference, held in Leeds by Y".

A capitalised occasion noun heading a name is ambiguous: "the Freedonia People's Conference"
and "the Zenda Congress" can be parties' names, and the model tags both kinds as
organisations. The grammar around the name decides: an occasion is held, opened, attended or
addressed, it takes place, and people speak at it; a party wins seats and opens offices. A
name read as an occasion is an event's trigger, not an organisation (`extract/from_doc.py`
drops its mentions, the event reader takes its head noun as a trigger).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from footprint.nlp import lexicons

# The kinds of occasion a capitalised name can be (event_nouns.tsv types): "the X Summit",
# "the X Rally", "the Annual General Meeting". Not "march" (a month) or "session" ("the
# Sessions Court").
OCCASION_TYPES = frozenset({"conference", "rally", "gathering", "meeting", "ceremony"})

# Verbs whose object, or whose passive subject, is an occasion when it is a name.
HOLDING_VERBS = frozenset(
    {
        "hold",
        "organise",
        "organize",
        "convene",
        "host",
        "stage",
        "attend",
        "address",
        "inaugurate",
        "boycott",
        "chair",
        "open",
    }
)
# Verbs an occasion does by itself, without an object: "the Summit opened on Monday".
HAPPENING_VERBS = frozenset({"open", "begin", "start", "end", "close", "conclude", "resume"})
# "at the X Summit": a place of work is not an occasion.
WORKING_VERBS = frozenset({"work", "serve", "employ", "remain", "stay", "study"})
# "on the sidelines of the X Summit", "on the eve of the X Rally".
EDGE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "eve", "opening", "close"})


def occasion_noun(head: Token) -> bool:
    """A capitalised occasion noun heading a name ("Summit" in "the X Summit")."""
    kinds = lexicons.event_nouns()
    return (
        head.text[:1].isupper()
        and head.pos_ == "PROPN"
        and head.dep_ != "compound"
        and kinds.get(head.lemma_.lower(), kinds.get(head.lower_)) in OCCASION_TYPES
    )


def names_an_occasion(head: Token) -> bool:
    """Is this capitalised occasion noun, the head of a name, an occasion in its sentence?"""
    if not occasion_noun(head):
        return False
    verb = head.head
    if head.dep_ == "nsubjpass" and verb.lemma_ in HOLDING_VERBS:
        return True  # "the X Conference was held in Leeds"
    if head.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX"):
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.lemma_ == "take" and any(o.lower_ == "place" for o in objects):
            return True  # "the X Summit took place in Leeds"
        if verb.lemma_ in HAPPENING_VERBS and not objects:
            return True  # "the X Summit opened on Monday", not "the Congress opened an office"
    if head.dep_ == "dobj" and verb.lemma_ in HOLDING_VERBS:
        return True  # "X addressed the Solidarity Conference"
    if any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in HOLDING_VERBS for c in head.children
    ):
        return True  # "the Solidarity Conference, held in Leeds by Y"
    if head.dep_ == "pobj":
        prep = verb
        if prep.lower_ in ("at", "during") and prep.head.pos_ == "VERB":
            return prep.head.lemma_ not in WORKING_VERBS  # "X spoke at the Unity Rally"
        if prep.lower_ in ("at", "during") and prep.head.pos_ == "NOUN":
            # "his appearance at the Solidarity Conference", "a speech at the Unity Rally"
            return prep.head.lemma_.lower() in lexicons.event_nouns()
        if prep.lower_ == "of" and prep.head.lower_ in EDGE_NOUNS:
            return True  # "on the sidelines of the X Summit"
    return False


def occasion_named(span: Span) -> bool:
    """Does this name (an entity span) stand for an occasion where it is written?"""
    return names_an_occasion(span.root)
