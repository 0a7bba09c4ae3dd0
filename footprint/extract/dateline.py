"""A news report's dateline: the place it was filed from, written before its first sentence.

Forms: "LAHORE: ...", "LAHORE, March 3: ...", "Dhaka - ...", "Islamabad (Agency) — ...",
"PESHAWAR, Pakistan (AP) — ...", "TAMALE (Ghana), May 12 - ...". The dateline's name as text,
for callers that hold only a text (tests, scripts); the event reader reads the Doc's dateline
(`nlp/datelines.dateline_of`), which places the report's lead event unless a sentence says
where it happened. The pattern itself is read in `nlp/datelines.py`.
"""

from __future__ import annotations

from footprint.nlp.datelines import HEAD_CHARS, find_dateline

__all__ = ["HEAD_CHARS", "dateline"]


def dateline(text: str) -> str | None:
    """The place name of the text's dateline, if it opens with one."""
    found = find_dateline(text)
    return text[slice(*found.name)] if found is not None else None
