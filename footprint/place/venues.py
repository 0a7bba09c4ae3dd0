"""Names that are not places themselves but say where they are: venues and addresses.

- "Nasser Bagh, Lahore", "National Press Club in Islamabad", "University of Karachi": the part
  after the comma / "in" / "at" / "of" is the container, the rest lies inside it;
- "the Karachi Press Club", "Lahore High Court": a venue word ("club", "court", "stadium") and a
  place name among the words: the venue is at that place;
- "Karachi Bar Association", "Punjab Police": an organisation word makes it an organisation,
  which is nowhere in particular.
The word lists are data (`data/venue_words.txt`).
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from footprint.place import sources

_CONTAINER = re.compile(r"\s(?:in|at|near|outside|of)\s+(?=[A-Z])")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


@functools.cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(venue words, organisation words, words that are never a venue's place, building
    words)."""
    blocks = sources.venue_words()
    return (
        frozenset(blocks.get("venue", ())),
        frozenset(blocks.get("organisation", ())),
        frozenset(blocks.get("glue", ())),
        frozenset(blocks.get("building", ())),
    )


def split_container(name: str) -> tuple[str, str] | None:
    """(inside, container) for "X, Y" and "X in/at/near/of Y"; None otherwise. At the first
    comma: "Lahore, Punjab, Pakistan" is Lahore inside "Punjab, Pakistan"."""
    text = name.strip()
    if "," in text:
        head, _, tail = text.partition(",")
        if head.strip() and tail.strip():
            return head.strip(), tail.strip()
    # The last one: "Press Club in the Old City in Lahore" -> Lahore.
    found = next(reversed(list(_CONTAINER.finditer(text))), None)
    if found is not None:
        head, tail = text[: found.start()].strip(), text[found.end() :].strip()
        if head and tail:
            return head, tail
    return None


def kind_of_name(name: str) -> Literal["venue", "organisation"] | None:
    words = {w.lower().strip(".'’") for w in _WORD.findall(name)}
    venue, organisation, _, _ = _lexicon()
    if words & organisation:
        return "organisation"
    if words & venue:
        return "venue"
    return None


def names_a_building(name: str) -> bool:
    """Does the name end in a building's word ("X House", "X Palace")?"""
    words = _WORD.findall(name)
    return bool(words) and words[-1].lower().strip(".'’") in _lexicon()[3]


def inner_names(name: str) -> list[str]:
    """Capitalised word runs inside a venue name that could be a place, longest first:
    "the Karachi Press Club" -> ["Karachi"]; venue and glue words are never one."""
    venue, organisation, glue, _ = _lexicon()
    excluded = venue | organisation | glue
    words = _WORD.findall(name)
    usable = [w[0].isupper() and w.lower().strip(".") not in excluded for w in words]
    spans: list[str] = []
    for length in range(len(words) - 1, 0, -1):
        for start in range(0, len(words) - length + 1):
            if all(usable[start : start + length]):
                spans.append(" ".join(words[start : start + length]))
    return spans
