"""Countries and their capitals as reports refer to them without naming them: "in the capital",
"in the capital's X area", "the Nepalese capital", "Cambodia's capital" are the national
capital of the country the phrase names, or else of the country the report is mostly about.
A state's, a region's or a former capital is not ("the state capital", "Tripura's capital",
"the former capital"), and a capital named beside the word ("the capital Kathmandu") is left
to its name. Used by the event reader through `from_doc.py`: the places found here place
events only; no entity stands for them.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

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


def main_country(places: dict[str, object]) -> str | None:
    """The country most of the document's places lie in."""
    counts = collections.Counter(
        getattr(p, "country", None) for p in places.values() if getattr(p, "country", None)
    )
    return counts.most_common(1)[0][0] if counts else None


def capital_references(
    doc: Doc, places: dict[str, object], geocoder: Geocoder | None
) -> dict[tuple[int, int], object]:
    """(start, end) token range of each "capital" that stands for a national capital -> the
    capital's place."""
    if geocoder is None:
        return {}
    out: dict[tuple[int, int], object] = {}
    fallback = main_country(places)
    # (the words read once per Doc: a Token is made only where the word is "capital")
    for i, word in enumerate(lexicons.doc_words(doc).lower):
        if word != "capital":
            continue
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ not in ("pobj", "poss", "dobj", "nsubj", "nsubjpass", "conj"):
            continue  # "capital punishment", "capital city" (a compound), "capital-intensive"
        if _named_beside(tok):
            continue
        country = _qualified_country(tok, places, geocoder)
        if country == "":
            continue  # qualified by something other than a country: some other capital
        code = country or fallback
        capital = geocoder.gazetteer.capital(code) if code else None
        if capital is not None:
            out[(tok.i, tok.i + 1)] = capital
    return out


def _named_beside(tok: Token) -> bool:
    """ "the capital Kathmandu", "the capital, Kathmandu": the name says which."""
    doc = tok.doc
    after = tok.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    return after < len(doc) and doc[after].ent_type_ in ("GPE", "LOC")


def _qualified_country(tok: Token, places: dict[str, object], geocoder: Geocoder) -> str | None:
    """The country the words before "capital" name (its code); "" when they name something
    else (a state, "regional", "former"); None when nothing qualifies it."""
    qualifiers = [c for c in tok.children if c.dep_ in QUALIFYING_DEPS and c.i < tok.i]
    if not qualifiers:
        return None
    for q in qualifiers:
        if q.lower_ in NOT_THE_NATIONS:
            return ""
    for q in qualifiers:
        if q.lower_ == "national":
            continue
        words = [w for w in q.subtree if w.dep_ != "case" and w.text not in ("'s", "’s")]
        name = " ".join(w.text for w in words)
        code = country_of(name, places, geocoder) or country_of(q.text, places, geocoder)
        if code is None:
            return ""  # "Tripura's capital", "the Kachin capital": not a country's
        return code
    return None
