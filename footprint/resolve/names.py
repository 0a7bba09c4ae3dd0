"""Name handling shared by resolution and extraction: keys, titles, initials."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from footprint.nlp import lexicons

_POSSESSIVE = re.compile(r"[’']s$")


def clean(text: str) -> str:
    """Surface name without editorial brackets, leading article or possessive ending."""
    text = text.replace("[", "").replace("]", "")
    text = " ".join(text.split())
    text = re.sub(r"^(the|The)\s+", "", text)
    text = _POSSESSIVE.sub("", text).strip(" ,;:")
    # A final full stop is the sentence's, unless it closes an abbreviation ("U.S.").
    if text.endswith(".") and not re.search(r"(?:^|\.)[A-Z]\.$", text):
        text = text[:-1]
    return text


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Comparison key: case, accents, hyphens and punctuation do not matter."""
    text = unicodedata.normalize("NFKD", clean(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\W_]+", " ", text.casefold())
    words = text.split()
    while words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def split_titles(name: str) -> tuple[str, tuple[str, ...]]:
    """'Maulana Fazlur Rehman' -> ('Fazlur Rehman', ('Maulana',)).

    A title is kept in the name when removing it would leave a single word: in 'Mufti Azam' the
    title is how the person is known, and 'Azam' alone names nobody in particular."""
    titles = lexicons.titles()
    words = name.split()
    found: list[str] = []
    i = 0
    while i < len(words) - 1:
        for width in (3, 2, 1):
            candidate = " ".join(words[i : i + width]).lower()
            if i + width < len(words) and candidate in titles:
                found.append(titles[candidate].text)
                i += width
                break
        else:
            break
    rest = words[i:]
    if len(rest) < 2 and found:
        return name, ()
    return " ".join(rest), tuple(found)


def is_acronym(name: str) -> bool:
    letters = name.replace("-", "")
    return 2 <= len(letters) <= 8 and sum(ch.isupper() for ch in letters) >= 2 and " " not in name
