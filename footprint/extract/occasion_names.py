"""Occasions written as names: "the Westrian Unity Summit opened in Tampere", "X spoke at the
Solidarity Conference, held in Leeds by Y".

A capitalised occasion noun heading a name is ambiguous: "the Freedonia People's Conference"
can be a party's name, and the model tags both kinds as organisations. The grammar around the
name decides: an occasion is held, opened, attended or addressed, it takes place, and people
speak at it; a party wins seats and opens offices. ("Congress" and "Convention" are left out:
they head legislatures', parties' and treaties' names far more often.) A name read as an
occasion where it is written is an event's trigger there, not an organisation
(`extract/from_doc.py` drops that mention, the event reader takes its head noun as a trigger).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from footprint.nlp import lexicons

# The kinds of occasion a capitalised name can be (event_nouns.tsv types): "the X Summit",
# "the X Rally", "the Annual General Meeting". Not "march" (a month) or "session" ("the
# Sessions Court").
OCCASION_TYPES = frozenset({"conference", "rally", "gathering", "meeting", "ceremony"})
# Occasion nouns that head a legislature's, a party's or a treaty's name far more often than an
# occasion's ("addressed Congress", "the Geneva Convention was opened for signature").
INSTITUTION_HEADS = frozenset({"congress", "convention"})

# Verbs whose object, or whose passive subject, is an occasion when it is a name.
HOLDING_VERBS = frozenset(
    {"hold", "organise", "organize", "convene", "host", "stage", "attend", "address", "open"}
)
HOLDING_VERBS_PASSIVE = HOLDING_VERBS | {"inaugurate"}
# Verbs an occasion does by itself, without an object: "the Summit opened on Monday" (not
# "the party opened an office", "began campaigning", "ended up winning").
HAPPENING_VERBS = frozenset({"open", "begin", "start", "end", "close", "conclude", "resume"})
VERB_COMPLEMENTS = ("dobj", "xcomp", "ccomp", "prt", "advcl", "acomp", "oprd")
# What someone does at an occasion, written "at the X Summit": speaking, appearing, saying,
# meeting. Not "hit out at", "lashed out at", "fired at", "gathered at" a body or a building.
TAKING_PART_VERBS = frozenset(
    {
        "speak",
        "appear",
        "participate",
        "present",
        "deliver",
        "perform",
        "preside",
        "meet",
        "say",
        "tell",
        "announce",
        "declare",
        "pledge",
        "vow",
        "promise",
        "warn",
        "urge",
    }
)
# "his appearance at the X Summit", "a speech at the Y Rally".
TAKING_PART_NOUNS = frozenset(
    {"appearance", "presence", "participation", "attendance", "speech", "address", "remark"}
    | {"guest", "speaker"}  # "the chief guest at the X Summit"
)
# "on the sidelines of the X Summit", "on the margins of the Y Forum".
EDGE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "eve"})


def occasion_noun(head: Token) -> bool:
    """A capitalised occasion noun heading a name of more than one word ("Summit" in "the
    Westrian Unity Summit"; not a bare "the Conference", which is as often a league's)."""
    if not head.text[:1].isupper() or head.pos_ != "PROPN" or head.dep_ == "compound":
        return False
    lemma = head.lemma_.lower()
    kinds = lexicons.event_nouns()
    if lemma in INSTITUTION_HEADS or kinds.get(lemma, kinds.get(head.lower_)) not in OCCASION_TYPES:
        return False
    return any(c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper() for c in head.lefts)


def names_an_occasion(head: Token) -> bool:
    """Is this capitalised occasion noun, the head of a name, an occasion in its sentence?"""
    return occasion_noun(head) and told_as_an_occasion(head)


def told_as_an_occasion(head: Token) -> bool:
    """Does the grammar around the noun make it an occasion: held, opened, attended or
    addressed, taking place, spoken at ("X spoke at the Unity Rally", "the chief guest at
    the function")?"""
    verb = head.head
    lemma = verb.lemma_.lower()
    if head.dep_ == "nsubjpass" and lemma in HOLDING_VERBS_PASSIVE:
        return True  # "the X Conference was held in Leeds"
    if head.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX"):
        complements = [c for c in verb.children if c.dep_ in VERB_COMPLEMENTS]
        if lemma == "take" and [c.lower_ for c in complements] == ["place"]:
            return True  # "the X Summit took place in Leeds"
        if lemma in HAPPENING_VERBS and not complements:
            return True  # "the X Summit opened on Monday", not "the X Forum opened an office"
    if head.dep_ == "dobj" and lemma in HOLDING_VERBS:
        return True  # "X addressed the Solidarity Conference"
    if any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in HOLDING_VERBS
        for c in head.children
    ):
        return True  # "the Solidarity Conference, held in Leeds by Y"
    if head.dep_ == "pobj":
        prep = head.head
        owner = prep.head  # what the phrase hangs on: a verb or a noun
        if prep.lower_ in ("at", "during"):
            # "X spoke at the Unity Rally", "his appearance at the Solidarity Conference"
            words = TAKING_PART_VERBS if owner.pos_ == "VERB" else TAKING_PART_NOUNS
            return owner.lemma_.lower() in words
        if prep.lower_ == "of" and owner.lower_ in EDGE_NOUNS:
            return True  # "on the sidelines of the X Summit"
    return False


def occasion_named(span: Span) -> bool:
    """Does this name (an entity span) stand for an occasion where it is written?"""
    return names_an_occasion(span.root)
