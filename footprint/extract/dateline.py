"""A news report's dateline: the place it was filed from, written before its first sentence.

Forms: "LAHORE: ...", "LAHORE, March 3: ...", "Dhaka - ...", "Islamabad (Agency) — ...",
"PESHAWAR, Pakistan (AP) — ...". The dateline places the report's lead event unless a
sentence says where it happened. Read on plain text; whether the name is a place is the
gazetteer's question, asked by the caller.
"""

from __future__ import annotations

import re

# A name of one to four capitalised words, optionally ", Region/Country" and/or a date, an
# agency in brackets, then a colon or a dash. Only at the start of a line in the first lines.
_DATELINE = re.compile(
    r"""^[ \t]*
    (?P<name>[A-Z][A-Za-z'.\-]+(?:[ ][A-Z][A-Za-z'.\-]+){0,3})
    (?:,[ ]?[A-Z][A-Za-z .'\-]{1,30}?)?          # ", Pakistan" or ", March 3"
    (?:,?[ ]?[0-9]{1,2})?                         # a day after a month
    [ ]?(?:\([^()\n]{1,60}\))?                    # (Agency)
    [ ]?(?::|—|–|-{1,2})[ ]""",
    re.VERBOSE | re.MULTILINE,
)
LINES_TO_SEARCH = 4
HEAD_CHARS = 400  # a dateline is short: a huge first line is not read whole


def dateline(text: str) -> str | None:
    """The place name of the text's dateline, if it opens with one."""
    head = "\n".join(text[:HEAD_CHARS].lstrip("\ufeff").splitlines()[:LINES_TO_SEARCH])
    match = _DATELINE.search(head)
    if match is None:
        return None
    name = match.group("name")
    return name if name.isupper() or name.istitle() else None
