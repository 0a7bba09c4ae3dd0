"""The text's own hedging for a sentence: "According to media reports", "reportedly", ..."""

from __future__ import annotations

import re
from functools import lru_cache

from footprint.nlp import lexicons

MAX_ACCORDING_TO = 80  # "according to ..." runs to the end of its clause, within reason


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in lexicons.attribution_cues())
    return re.compile(rf"\b(?:{cues})\b", re.IGNORECASE)


# Every name, tie and event of a sentence carries the sentence's evidence: the search is
# made once per sentence (the pattern tries every cue at every word).
@lru_cache(maxsize=8192)
def attribution(sentence: str) -> str | None:
    match = _pattern().search(sentence)
    if match is None:
        return None
    phrase = match.group()
    if phrase.lower() == "according to":
        rest = sentence[match.end() : match.end() + MAX_ACCORDING_TO]
        clause = re.split(r"[,;.:—–]", rest, maxsplit=1)[0]
        phrase = (phrase + clause).rstrip()
    return phrase
