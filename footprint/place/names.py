"""Place-name keys: one spelling for the many ways a name is written.

A key is case- and accent-free, with punctuation folded ("U.S." -> "us", "Gilgit-Baltistan" ->
"gilgit baltistan", "Muzaffarābād" -> "muzaffarabad"), so the index and the text meet on it.
`query_forms` lists the keys to try for a name as written in a text, most literal first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

# Letters that Unicode decomposition leaves alone but English text writes without marks.
_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ß": "ss"}
)
# Apostrophes and full stops vanish ("Côte d'Ivoire", "U.S."); every other mark splits words.
_VANISH = str.maketrans("", "", "'’‘`ʻʼ.")
_SPLIT = re.compile(r"[^0-9a-z]+")
_ASCII_FOLD = {c: " " for c in range(128) if not chr(c).isalnum()} | {
    ord("'"): None,
    ord("."): None,
    ord("`"): None,
}
_NON_LATIN = re.compile("[^\\x00-\u024f\u1e00-\u1eff\u2018\u2019\u02bb\u02bc]")
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)

Hint = Literal["city", "region"]

ARTICLES = ("al", "el")  # the Arabic article as English texts write it before a place name
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
# Words after a name that make it a town's ("Kidal town"); the event reader reads them too.
CITY_WORDS = frozenset({"city", "town", "village", "township", "municipality"})
REGION_WORDS = {
    "state",
    "province",
    "region",
    "district",
    "county",
    "governorate",
    "oblast",
    "prefecture",
    "territory",
    "division",
    "department",
    "area",
    "valley",
}
# South Asia's units below a district, each named after its seat town ("X upazila"): GeoNames
# has few of them as areas, so the seat's point stands for the unit (a town is no mismatch
# here, unlike a town for "X province"). The words are South Asia's only: "X tehsil" is no
# town of the same name elsewhere.
_SUBDISTRICT_WORDS = {
    "upazila", "upazilla", "tehsil", "tahsil", "thana", "taluk", "taluka", "mandal"
}
SOUTH_ASIA = frozenset({"IN", "PK", "BD", "NP", "LK", "AF", "BT"})
# Direction and extent words before a name ("northern Syria", "Greater Karachi"): the name
# without them is the place meant, or the best point for it.
PART_WORDS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
    "greater",
    "downtown",
    "rural",
    "inner",
    "outer",
    "coastal",
    "metropolitan",
    "metro",
}


def fold(text: str) -> str:
    """Casefolded, without accents; non-Latin letters are kept (callers may drop those)."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """The index key for a name; "" when the name has no Latin letters or digits."""
    if text.isascii():  # the common case, kept fast: the index build keys ~1.5M names
        lowered = text.lower()
        if "&" in lowered:
            lowered = lowered.replace("&", " and ")
        return " ".join(lowered.translate(_ASCII_FOLD).split())
    folded = fold(text).replace("&", " and ").translate(_VANISH)
    if not folded.isascii():
        # A name in another script (or with letters we cannot fold) is not for English text.
        if not any(c.isascii() and c.isalnum() for c in folded):
            return ""
        folded = "".join(c if c.isascii() else " " for c in folded)
    return " ".join(_SPLIT.sub(" ", folded).split())


# How alike (rapidfuzz ratio of the keys) two names must be to be one name written two ways:
# "Dera-i-Qasim" and "Dera-e Qāsim", "Sanglipur" and "Sanglīpur".
SAME_NAME = 80


def spelled_alike(a: str, b: str) -> bool:
    """Are `a` and `b` one name in two spellings (accents, hyphens, a vowel)?"""
    return fuzz.ratio(name_key(a), name_key(b)) >= SAME_NAME


_ASPIRATES = re.compile(r"(?<=[bcdgjklmnprstvwxz])h")  # "kh", "dh", "bh": the h is breath
_VOWELS = re.compile(r"(?<=.)[aeiouy]+")  # every vowel but a first letter
_DOUBLED = re.compile(r"(.)\1+")


# The Arabic article as transliterations write it before a name, or leave it out: "Al
# Westri" and "Westri", "Az Zendat" and "Zendat" are one name. Before a sun letter the article
# takes that letter's sound ("Ash Sh...", "Ad D...", "An N..."): only then is "As", "An" or
# "At" an article ("Ash Grove", "An Kharzen", "At-Barzend" keep their first word).
_ARTICLE = re.compile(r"^(?:[ae]l|ul) (?=\S)|^[ae](sh|th|dh|[dnrstz]) (?=\1)")


def _without_article(key: str) -> str:
    return _ARTICLE.sub("", key)


def sound_key(text: str) -> str:
    """The consonants of a name as transliterations agree on them: "Zendah" and "Zenda",
    "Westrya" and "Westria", "Sangleepur" and "Sanglipur", "Az Zendat" and "Zendat" share one
    key. A leading Arabic article goes; each word keeps its first letter; "ph" is "f", "q" is
    "k", "w" is "v"; an aspirate's h, a final h, vowels after the first letter and doubled
    letters go."""
    words = []
    for word in _without_article(name_key(text)).split():
        word = word.replace("ph", "f").replace("q", "k").replace("w", "v")
        word = _ASPIRATES.sub("", word)
        if len(word) > 1:
            word = word[0] + word[1:].rstrip("h")
        word = _DOUBLED.sub(r"\1", _VOWELS.sub("", word))
        words.append(word)
    return " ".join(words)


_VOWEL_SPELLINGS = (("ee", "i"), ("oo", "u"), ("ou", "u"), ("ai", "e"), ("ei", "e"))
VOWELS_ALIKE = 75  # rapidfuzz ratio of the keys with one spelling per vowel sound


def vowels_agree(a: str, b: str) -> bool:
    """Do two names that share a sound key also write their vowels alike ("Zendah", "Zenda")?"""

    def plain(text: str) -> str:
        key = _without_article(name_key(text))
        for written, sound in _VOWEL_SPELLINGS:
            key = key.replace(written, sound)
        return _DOUBLED.sub(r"\1", key)

    return fuzz.ratio(plain(a), plain(b)) >= VOWELS_ALIKE


def latin_key(text: str) -> str:
    """name_key for names in Latin script only: "" for any name with letters of another script
    (alternate names in Cyrillic, Arabic, CJK ... never meet English text)."""
    if not text.isascii() and _NON_LATIN.search(text):
        return ""
    return name_key(text)


@dataclass(frozen=True)
class QueryForm:
    """One key to look up, with the kind of place a stripped word asked for, if any."""

    key: str
    hint: Hint | None = None
    partial: bool = False  # a direction word was dropped: the place is a part of the result
    countries: frozenset[str] | None = None  # only places in these countries, when given


def query_forms(name: str) -> list[QueryForm]:
    """Keys to try for a name as written, most literal first; duplicates removed."""
    texts = [name.strip()]
    if _POSSESSIVE.search(texts[0]):
        texts.append(_POSSESSIVE.sub("", texts[0]))  # "Islamabad's" after "St. John's"
    forms: list[QueryForm] = []
    for text in texts:
        forms += _forms_of(name_key(text))
    seen: set[str] = set()
    unique = []
    for form in forms:
        if form.key and form.key not in seen:
            seen.add(form.key)
            unique.append(form)
    return unique


def _forms_of(base: str) -> list[QueryForm]:
    if not base:
        return []
    forms = [QueryForm(base)]
    words = base.split()
    if words[0] == "the" and len(words) > 1:
        words = words[1:]
        forms.append(QueryForm(" ".join(words)))
    spellings = [words]
    if words[0] in ARTICLES and len(words) > 1:
        # "Al-Zenda": GeoNames writes most such names without the article (tried after the
        # name as written, with and without its area word: "Al Zenda governorate")
        spellings.append(words[1:])
    for words in spellings:
        if words is not spellings[0]:
            forms.append(QueryForm(" ".join(words)))
        for variant in _abbreviation_variants(words):
            forms.append(QueryForm(" ".join(variant)))
        if len(words) > 1 and words[-1] in CITY_WORDS:
            forms.append(QueryForm(" ".join(words[:-1]), "city"))
        if len(words) > 1 and words[-1] in REGION_WORDS:
            forms.append(QueryForm(" ".join(words[:-1]), "region"))
        if len(words) > 1 and words[-1] in _SUBDISTRICT_WORDS:
            forms.append(QueryForm(" ".join(words[:-1]), countries=SOUTH_ASIA))
        if len(words) > 1 and words[0] in PART_WORDS:
            forms.append(QueryForm(" ".join(words[1:]), partial=True))
    return forms


def _abbreviation_variants(words: list[str]) -> list[list[str]]:
    """ "st petersburg" <-> "saint petersburg": GeoNames writes some names each way."""
    expanded = [_ABBREVIATIONS.get(w, w) for w in words]
    contracted_map = {v: k for k, v in _ABBREVIATIONS.items()}
    contracted = [contracted_map.get(w, w) for w in words]
    return [v for v in (expanded, contracted) if v != words]


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """Words in the order `strip_words` must try them."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def strip_words(key: str, words: Sequence[str]) -> str:
    """The key without leading/trailing words from `words`, tried in the given order (see
    `longest_first`: "province of laguna" must lose "province of", not just "province")."""
    changed = True
    while changed and key:
        changed = False
        for word in words:
            if key.endswith(" " + word):
                key, changed = key[: -len(word) - 1], True
                break
            if key.startswith(word + " "):
                key, changed = key[len(word) + 1 :], True
                break
    return key
