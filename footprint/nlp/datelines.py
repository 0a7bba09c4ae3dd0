"""A news report's dateline, found in its text: "LAHORE: ...", "Dhaka - ...", "PESHAWAR,
Pakistan (AP) — ...", "TAMALE (Ghana), May 12 - ...". Read on plain text, before any model:
the NER component that mends what the model reads across a dateline
(`components/datelines.py`) and the event reader that places a report's lead event where it
was filed (through `dateline_of`) both use it. Whether the name is a place is the gazetteer's
question, asked by the caller. A weekday or month is no place ("Monday - Hundreds of traders
marched ...", "March 3: ..."): no dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from footprint.nlp.doc_text import doc_text
from footprint.time.words import CALENDAR_WORDS

# A name of one to four capitalised words, then, each optional and in this order, "(Country)"
# before a comma, ", Region" and/or ", Country", ", March 3", ", 2024", "(Agency)"; then a colon
# or a dash. Only at the start of a line in the first lines. (Not a score line: "Leeds 2,
# Tampere 1 - ...", nor a byline: "By Anna Smith, Agency - ...".)
_DATELINE = re.compile(
    r"""^[ \t]*
    (?P<name>[A-Z][A-Za-z'.\-]+(?:[ ][A-Z][A-Za-z'.\-]+){0,3})
    (?:[ ]?\([^()\n]{1,60}\)(?=,))?              # (Country), before a comma
    (?:,[ ]?[A-Z][A-Za-z .'\-]{1,30}?){0,2}       # ", Pakistan" or ", March 3"
    (?:,?[ ]?[0-9]{1,2})?                         # a day after a month
    (?:,[ ]?[0-9]{4})?                            # a year
    [ ]?(?P<agency>\([^()\n]{1,60}\))?            # (Agency)
    [ ]?(?P<mark>:|—|–|-{1,2})[ ]""",
    re.VERBOSE,
)
LINES_TO_SEARCH = 4
HEAD_CHARS = 400  # a dateline is short: a huge first line is not read whole


@dataclass(frozen=True)
class Dateline:
    """Character offsets in the text: the place name, the agency's brackets (if any), and the
    colon or dash that closes the dateline."""

    name: tuple[int, int]
    agency: tuple[int, int] | None
    mark: tuple[int, int]


def find_dateline(text: str) -> Dateline | None:
    """The text's dateline, if it opens with one (in its first lines)."""
    offset = 0
    for n, line in enumerate(text[:HEAD_CHARS].splitlines(keepends=True)):
        if n == LINES_TO_SEARCH:
            break
        bom = len(line) - len(line.lstrip("\ufeff")) if n == 0 else 0
        match = _DATELINE.match(line[bom:])
        if match is not None:
            offset += bom
            name = match.group("name")
            first = name.split()[0].lower()
            if not (name.isupper() or name.istitle()) or first == "by":
                return None  # ("By Anna Smith, Agency - ": a byline)
            if first.rstrip(".") in CALENDAR_WORDS:
                return None  # "Monday - Hundreds of traders marched ...": a day, no place
            agency = match.span("agency") if match.group("agency") else None
            return Dateline(
                name=_shifted(match.span("name"), offset),
                agency=_shifted(agency, offset) if agency else None,
                mark=_shifted(match.span("mark"), offset),
            )
        offset += len(line)
    return None


_KEY = "footprint.dateline"


def dateline_of(doc: Doc) -> Dateline | None:
    """The Doc's dateline, found once per Doc (the component that mends the entities, the date
    reader and the place reader each ask)."""
    held = doc.user_data.get(_KEY)
    if held is None or held[0] != len(doc):  # (a Doc joined from others carries their data)
        held = doc.user_data[_KEY] = (len(doc), find_dateline(doc_text(doc)))
    return held[1]  # type: ignore[no-any-return]


def _shifted(span: tuple[int, int], offset: int) -> tuple[int, int]:
    return span[0] + offset, span[1] + offset
