"""Countries' capitals as reports refer to them without naming them: "in the capital", "in the
capital's X area", "the Ruritanian capital", "Freedonia's capital", "the capital of Freedonia"
are the national capital of the country the phrase names, else of the report's dateline, else
of the country the sentence names, else of the country most of the report's places lie in.
A state's, a region's or a former capital is not ("the state capital", "the capital of X
province", "the former capital"), nor money ("raised capital": only "the capital" or a
possessive one counts), and a capital named beside the word ("the capital, Zenda") is left to
its name. Used by the event reader through `from_doc.py`: the places found here place events
only; no entity stands for them.
"""

from __future__ import annotations

import collections
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from footprint.extract.event_places import MISSION_WORDS
from footprint.nlp import lexicons

if TYPE_CHECKING:
    from footprint.place import Geocoder

# Words before "capital" that make it some other capital than the nation's.
NOT_THE_NATIONS = {
    "state",
    "regional",
    "provincial",
    "district",
    "divisional",
    "county",
    "municipal",
    "summer",
    "winter",
    "former",
    "old",
    "ancient",
    "new",
    "commercial",
    "financial",
    "economic",
    "cultural",
    "religious",
    "spiritual",
    "de",  # "de facto capital"
}
QUALIFYING_DEPS = ("amod", "compound", "poss", "nmod", "npadvmod")


def country_of(word: str, places: dict[str, object], geocoder: Geocoder) -> str | None:
    """The country a word names, as a demonym ("Pakistani") or a country's name."""
    demonym = geocoder.gazetteer.demonym(word)
    if demonym:
        return demonym
    place = places.get(word) or geocoder.resolve(word, collections.Counter())
    if getattr(place, "precision", None) != "country":
        return None
    return getattr(place, "country", None)


def first_country(
    words: Iterable[str],
    places: dict[str, object],
    geocoder: Geocoder,
    besides: Collection[str] = (),
) -> str | None:
    """The first country that capitalised words name (by name or demonym), if any, other than
    those `besides`."""
    for word in words:
        if word[:1].isupper():
            code = country_of(word, places, geocoder)
            if code and code not in besides:
                return code
    return None


def main_country(places: dict[str, object], clearly: bool = False) -> str | None:
    """The country most of the document's places lie in; with `clearly`, only if it has more
    of them than any other."""
    counts = collections.Counter(
        getattr(p, "country", None) for p in places.values() if getattr(p, "country", None)
    )
    ranked = counts.most_common(2)
    if not ranked or (clearly and len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def capital_references(
    doc: Doc, places: dict[str, object], geocoder: Geocoder | None, dateline: object | None = None
) -> dict[tuple[int, int], object]:
    """(start, end) token range of each "capital" that stands for a national capital -> the
    capital's place."""
    if geocoder is None:
        return {}
    out: dict[tuple[int, int], object] = {}
    filed_in = getattr(dateline, "country", None)
    most = main_country(places, clearly=True)
    # (the words read once per Doc: a Token is made only where the word is "capital")
    for i, word in enumerate(lexicons.doc_words(doc).lower):
        if word != "capital":
            continue
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ not in ("pobj", "poss", "dobj", "nsubj", "nsubjpass", "conj"):
            continue  # "capital punishment", "capital city" (a compound), "capital-intensive"
        if not _determined(tok) or _named_beside(tok):
            continue
        country = _qualified_country(tok, places, geocoder)
        if country == "":
            continue  # qualified by something other than a country: some other capital
        # "the Westria embassy in the capital": another country's capital, unless the phrase
        # names the country ("the Westrian capital")
        owners = _mission_owners(tok.sent, places, geocoder) if country is None else set()
        code = country or filed_in or _sentence_country(tok, places, geocoder, owners) or most
        if code is not None and code in owners:
            continue
        capital = geocoder.gazetteer.capital(code) if code else None
        if capital is not None:
            out[(tok.i, tok.i + 1)] = capital
    return out


def _determined(tok: Token) -> bool:
    """ "the capital", "Freedonia's capital", "capital's X area" (headline style): a place.
    "raised capital", "capital flowed out": money."""
    return tok.dep_ == "poss" or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in tok.children
    )


def _sentence_country(
    tok: Token, places: dict[str, object], geocoder: Geocoder, besides: set[str]
) -> str | None:
    """The first country the capital's sentence names, if any, other than those `besides`."""
    return first_country((w.text for w in tok.sent if w.i != tok.i), places, geocoder, besides)


def _mission_owners(sent: Span, places: dict[str, object], geocoder: Geocoder) -> set[str]:
    """The countries whose embassies or consulates the sentence names ("the Westrian embassy",
    "the embassy of Westria"): a capital the sentence speaks of is another country's."""
    owners: set[str] = set()
    for mission in sent:
        if mission.lower_ not in MISSION_WORDS:
            continue
        for c in mission.children:
            if c.dep_ in QUALIFYING_DEPS and c.i < mission.i:
                words = [c]
            elif c.dep_ == "prep" and c.lower_ == "of":
                words = [o for o in c.children if o.dep_ == "pobj"]
            else:
                continue
            owners |= {code for w in words if (code := country_of(w.text, places, geocoder))}
    return owners


def _named_beside(tok: Token) -> bool:
    """ "the capital Zenda", "the capital, Zenda": the name says which."""
    doc = tok.doc
    after = tok.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    return after < len(doc) and doc[after].ent_type_ in ("GPE", "LOC")


def _qualified_country(tok: Token, places: dict[str, object], geocoder: Geocoder) -> str | None:
    """The country the words before "capital", or its "of" phrase, name (its code); "" when
    they name something else (a state, "regional", "former", "of X province"); None when
    nothing qualifies it."""
    qualifiers = [c for c in tok.children if c.dep_ in QUALIFYING_DEPS and c.i < tok.i]
    # "the capital of Freedonia" (a country: its capital) or "of X province" (not a nation's)
    qualifiers += [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    if any(q.lower_ in NOT_THE_NATIONS for q in qualifiers):
        return ""
    named = [q for q in qualifiers if q.lower_ != "national"]
    if not named:
        return None
    q = named[0]
    words = [w for w in q.subtree if w.dep_ != "case" and w.text not in ("'s", "’s")]
    name = " ".join(w.text for w in words)
    code = country_of(name, places, geocoder) or country_of(q.text, places, geocoder)
    return "" if code is None else code  # "Westria's capital": not a country's
