"""Where an event happened, read from the grammar of its sentence: the preposition that puts a
place name's phrase where something happened, chains of places ("in the X area, Y district,
Z province, Country") and the most specific place of a chain that agrees with the rest, and
the phrases that name a place without placing the event (a topic, where someone serves).
Used by the event reader (events.py); nothing here reads spaCy's entities or the gazetteer.
"""

from __future__ import annotations

import collections

from spacy.tokens import Span, Token

from footprint.nlp import lexicons
from footprint.place.distance import haversine_km

PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "across", "on", "through"}
PLACE_LINKS = ("compound", "appos", "conj", "poss", "nmod", "npadvmod", "amod", "pobj")
TOWN, DISTRICT, REGION, COUNTRY = 0, 1, 2, 3  # levels, from the most specific
_SPECIFICITY = {
    "venue": TOWN,
    "city": TOWN,
    "district": DISTRICT,
    "region": REGION,
    "country": COUNTRY,
}


def place_preposition(name: Span) -> tuple[Token | None, list[int]]:
    """The preposition that puts a place name's phrase where something happened, and the
    tokens climbed to reach it: from the name through the words it modifies or stands beside
    ("the Zenda area, Strelsau district": Strelsau -> district -> area -> in)."""
    tok = name.root
    path = [t.i for t in name]
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS:
            return tok.head, path
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            # "the town of X", "outskirts of X"; not "the people of X"
            owner = tok.head.head
            if (
                owner.lemma_.lower() in lexicons.place_words()
                or owner.lower_ in lexicons.area_words()
            ):
                tok = owner
                path.append(tok.i)
                continue
            return None, path
        if tok.dep_ not in PLACE_LINKS or tok.head == tok:
            return None, path
        tok = tok.head
        path.append(tok.i)
    return None, path


TOPIC_PREPOSITIONS = {"on", "about", "over", "against", "regarding", "concerning"}


def in_a_topic(prep: Token, event: Span | None = None) -> bool:
    """Is the place phrase part of what the event was about ("a debate on the war in Gaza",
    "protests against the dam in X")? Climbs to the first verb, or to the event's own word:
    "police cracked down on a march in X" puts the march in X, whatever the march is "on"."""
    for ancestor in prep.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
        if event is not None and event.start <= ancestor.i < event.end:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in TOPIC_PREPOSITIONS:
            return True
    return False


def modifies_a_noun(after: Token | None) -> bool:
    """The word after a place name makes it a modifier: "Pakistan-based", "US-led"."""
    return after is not None and (after.text == "-" or after.lower_ == "based")


def modifies_people(name: Span, after: Token | None) -> bool:
    """The name stands before a noun for people, as whose they are: "the Eastmark Force in
    Westria troops" (a body's name that ran on: the troops are Westria's, not in it). The
    event reader asks this of a country's name only: "in Zenda soldiers clashed with ..." is
    a town with no comma after it."""
    return (
        after is not None
        and after.pos_ == "NOUN"
        and after.lemma_.lower() in lexicons.person_nouns()
        and name[-1].head.i == after.i
    )


# Prefixes that make a country's name part of a modifier: "anti-Westria protesters".
MODIFYING_PREFIXES = frozenset({"anti", "pro", "non", "ex", "post", "pre", "pan"})


def hyphened_to_the_word_before(name: Span) -> bool:
    """ "anti-Westria protesters", "pro-Westria groups": a name joined by a hyphen to a prefix
    is part of a modifier, not where something happened. Not "the Ruritania-Westria border",
    which is a place."""
    doc, i = name.doc, name.start
    return (
        i > 1
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].lower_ in MODIFYING_PREFIXES
    )


# Prepositions of what something is about and never of where ("on" is both: "fired on a bus").
ONLY_TOPIC_PREPOSITIONS = TOPIC_PREPOSITIONS - {"on"}


def modifies_another_noun(name: Span) -> bool:
    """ "the Westria government", "a Westria mining scheme": the name modifies a noun
    that is no area or place ("Qadian village", "the Qadian district police" make places)."""
    root = name.root
    if root.dep_ not in ("compound", "amod", "nmod"):
        return False
    noun = root.head
    return not (
        noun.lower_ in lexicons.area_words() or noun.lemma_.lower() in lexicons.place_words()
    )


def names_a_topic(name: Span) -> bool:
    """ "protested against the Westria mining scheme": a place name that modifies the
    noun of a phrase about something names what the event was about, not where it was."""
    if not modifies_another_noun(name):
        return False
    noun = name.root.head
    while noun.dep_ in ("compound", "amod") and noun.head != noun:
        noun = noun.head  # "the Westria coal mining scheme": up to "scheme"
    return noun.dep_ == "pobj" and noun.head.lower_ in ONLY_TOPIC_PREPOSITIONS


# A country's missions abroad: "the Westrian embassy" stands in another country.
MISSION_WORDS = frozenset({"embassy", "consulate", "legation", "chancery"})


def owns_a_mission(name: Span, place: object) -> bool:
    """ "protested outside the Westria embassy" or "the embassy of Westria": the country owns
    the building, which stands elsewhere. Not a town ("the Qadian consulate" is in Qadian)."""
    if level(place) != COUNTRY:
        return False
    root = name.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lower_ in MISSION_WORDS
    return root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.lower_ in MISSION_WORDS


# Words "on" a country hangs on when the country is asked or made to do something.
ASKING_WORDS = frozenset(
    {"call", "urge", "press", "pressure", "impose", "sanction", "ban", "insist", "prevail"}
)


def asked_of_a_country(name: Span, prep: Token | None, place: object) -> bool:
    """ "called on Westria to ...", "sanctions imposed on Ruritania": a country asked or made
    to do something, never where. Not "airstrikes on Westria" (where they struck) nor "on
    Westria's coast"."""
    return (
        prep is not None
        and prep.lower_ == "on"
        and level(place) == COUNTRY
        and name.root.head == prep
        and prep.head.lemma_.lower() in ASKING_WORDS
    )


def continues_chain(between: Span) -> bool:
    """Only a comma and area words between two place names: "X area, Y district"."""
    words = [t for t in between if not t.is_punct]
    return (
        any(t.text == "," for t in between)
        and len(between) <= 4
        and all(t.lower_ in lexicons.area_words() or t.lower_ == "the" for t in words)
    )


def most_specific(chain: list[object]) -> object | None:
    """The most specific place of a chain that agrees with the chain's wider places: inside
    the country and first-level region they name. A chain of towns and districts only agrees on
    the country most of them lie in (the last-written, widest one on a tie): in "X thana of
    Zenda city" an X in another country (a town or a district there) is a namesake."""
    countries = {getattr(p, "country", None) for p in chain if level(p) == COUNTRY}
    if not countries and len(chain) > 1 and all(level(p) in (TOWN, DISTRICT) for p in chain):
        counts = collections.Counter(getattr(p, "country", None) for p in chain)
        top = max(counts.values())
        countries = {
            next(
                getattr(p, "country", None)
                for p in reversed(chain)
                if counts[getattr(p, "country", None)] == top
            )
        }
    in_country = [p for p in chain if not countries or getattr(p, "country", None) in countries]
    regions = [p for p in in_country if level(p) in (DISTRICT, REGION)]
    agreeing = [
        p
        for p in in_country
        if level(p) >= DISTRICT or not regions or any(inside_region(p, r) for r in regions)
    ]
    return min(agreeing, key=level) if agreeing else None


REGION_REACH_KM = 150.0  # a town this close to a region's point may lie in it


def inside_region(town: object, region: object) -> bool:
    """Does the town lie in the region? By the gazetteer's first-level region when the names
    agree, else by distance: the text's region names are often older or other names than the
    gazetteer's ("Beqaa governorate" for a town now in "Baalbek-Hermel")."""
    if not getattr(region, "admin1", None) or not getattr(region, "country", None):
        return True  # a region the gazetteer cannot situate ("Kashmir") rules nothing out
    if getattr(town, "admin1", None) == getattr(region, "admin1", None):
        return True
    if getattr(town, "country", None) != getattr(region, "country", None):
        return False
    if not getattr(town, "admin1", None):
        return True  # a town the gazetteer cannot situate in a region: the country agrees
    points = [getattr(x, a, None) for x in (town, region) for a in ("lat", "lon")]
    if None in points:
        return False
    return haversine_km(*points) <= REGION_REACH_KM  # type: ignore[arg-type]


def level(place: object) -> int:
    return _SPECIFICITY.get(str(getattr(place, "precision", "")), REGION)
