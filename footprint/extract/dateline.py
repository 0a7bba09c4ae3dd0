"""A news report's dateline: the place it was filed from, written before its first sentence.

Forms: "LAHORE: ...", "LAHORE, March 3: ...", "Dhaka - ...", "Islamabad (Agency) — ...",
"PESHAWAR, Pakistan (AP) — ...", "TAMALE (Ghana), May 12 - ...". The dateline places the
report's lead event unless a sentence says where it happened. Read on plain text; whether the
name is a place is the gazetteer's question, asked by the caller.
"""

from __future__ import annotations

import re

# A name of one to four capitalised words, then, each optional and in this order, "(Country)",
# ", Region" and/or ", Country", ", March 3", ", 2024", "(Agency)"; then a colon or a dash. Only
# at the start of a line in the first lines. (Not a score line: "Leeds 2, Tampere 1 - ...".)
_DATELINE = re.compile(
    r"""^[ \t]*
    (?P<name>[A-Z][A-Za-z'.\-]+(?:[ ][A-Z][A-Za-z'.\-]+){0,3})
    (?:[ ]?\([^()\n]{1,60}\))?                  # (Country)
    (?:,[ ]?[A-Z][A-Za-z .'\-]{1,30}?){0,2}       # ", Pakistan" or ", March 3"
    (?:,?[ ]?[0-9]{1,2})?                         # a day after a month
    (?:,[ ]?[0-9]{4})?                            # a year
    [ ]?(?:\([^()\n]{1,60}\))?                    # (Agency)
    [ ]?(?::|—|–|-{1,2})[ ]""",
    re.VERBOSE,
)
LINES_TO_SEARCH = 4
HEAD_CHARS = 400  # a dateline is short: a huge first line is not read whole


def dateline(text: str) -> str | None:
    """The place name of the text's dateline, if it opens with one."""
    found = dateline_span(text)
    return text[found[0] : found[1]] if found is not None else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where in the text the dateline's place name is (character offsets), if it opens with
    one."""
    offset = 0
    for n, line in enumerate(text[:HEAD_CHARS].splitlines(keepends=True)):
        if n == LINES_TO_SEARCH:
            break
        match = _DATELINE.match(line.lstrip("\ufeff") if n == 0 else line)
        if match is not None:
            name = match.group("name")
            if not (name.isupper() or name.istitle()):
                return None
            shift = offset + (len(line) - len(line.lstrip("\ufeff")) if n == 0 else 0)
            return shift + match.start("name"), shift + match.end("name")
        offset += len(line)
    return None
