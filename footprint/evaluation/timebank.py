"""The `time` suite: TIMEX3 value accuracy on TimeBank (TimeML .tml files).

What is compared: every gold TIMEX3 of type DATE except the document creation time (the TIMEX3
with functionInDocument="CREATION_TIME", whose date is the anchor). Its text goes through the
engine twice:

* anchored — `normalise(text, anchor=DCT)`, each expression on its own;
* narrative — one `NarrativeClock(published=DCT)` per document, fed the DATE expressions in
  document order, as the event extractor does with spaCy's DATE spans.

Our value is `TimeSpan.timex_value()`; an expression is *attempted* when that value is not None
and *correct* when it equals the gold value after these format normalisations only: surrounding
space removed, upper case, and an all-digit prefix padded with X (TIMEX2 style "199X", "19XX")
reduced to the prefix ("199", "19"), which is the same decade or century. Everything else is an
exact string match, so gold values the engine does not produce (PAST_REF where we return a
window with no REF value, "1989-WXX", "1988-QX", "XXXX-10") count against us. Expressions are
grouped by the gold value's granularity in `by_precision`.

Gold TimeBank expressions are used as given; no file is special-cased.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from footprint.time import NarrativeClock, normalise

_MAX_ERRORS = 2000
_DIGITS_THEN_X = re.compile(r"(\d+)X+")
_GRANULARITY = (
    ("day", re.compile(r"\d{4}-\d{2}-\d{2}")),
    ("month", re.compile(r"\d{4}-\d{2}")),
    ("week", re.compile(r"\d{4}-W\d{2}(?:-WE)?")),
    ("quarter", re.compile(r"\d{4}-Q[1-4]")),
    ("half", re.compile(r"\d{4}-H[12]")),
    ("season", re.compile(r"\d{4}-(?:SP|SU|FA|WI)")),
    ("year", re.compile(r"\d{4}")),
    ("decade", re.compile(r"\d{3}")),
    ("century", re.compile(r"\d{2}")),
    ("reference", re.compile(r"(?:PRESENT|PAST|FUTURE)_REF")),
)


def normalise_value(value: str | None) -> str | None:
    """Gold and predicted values in one format (see the module docstring)."""
    if value is None:
        return None
    value = value.strip().upper()
    m = _DIGITS_THEN_X.fullmatch(value)
    return m.group(1) if m else value


def granularity(value: str) -> str:
    for name, pattern in _GRANULARITY:
        if pattern.fullmatch(value):
            return name
    return "underspecified"  # X-filled values such as 1989-WXX, XXXX-10, PXY


def _dct(root: ET.Element) -> dt.date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                return dt.date.fromisoformat((timex.get("value") or "")[:10])
            except ValueError:
                return None
    return None


def iter_gold(folder: Path) -> Iterator[tuple[str, dt.date | None, str, str, str]]:
    """(doc_id, DCT date, text, type, value) for every TIMEX3 except the DCT, in file order and
    document order; files sorted by name."""
    for path in sorted(Path(folder).glob("*.tml")):
        root = ET.parse(path).getroot()
        doc_id = (root.findtext("DOCID") or path.stem).strip()
        dct = _dct(root)
        for timex in root.iter("TIMEX3"):
            if timex.get("functionInDocument") == "CREATION_TIME":
                continue
            text = " ".join("".join(timex.itertext()).split())
            yield doc_id, dct, text, timex.get("type") or "", timex.get("value") or ""


class _Tally:
    def __init__(self) -> None:
        self.expressions = 0
        self.attempted = 0
        self.correct = 0
        self.by_precision: dict[str, dict[str, int]] = {}
        self.errors: list[dict[str, Any]] = []

    def add(self, doc: str, text: str, gold: str, ours: str | None) -> None:
        gold_value, our_value = normalise_value(gold), normalise_value(ours)
        group = self.by_precision.setdefault(
            granularity(gold_value or ""), {"expressions": 0, "attempted": 0, "correct": 0}
        )
        self.expressions += 1
        group["expressions"] += 1
        if our_value is None:
            ok = False
        else:
            self.attempted += 1
            group["attempted"] += 1
            ok = our_value == gold_value
        if ok:
            self.correct += 1
            group["correct"] += 1
        elif len(self.errors) < _MAX_ERRORS:
            self.errors.append({"doc": doc, "text": text, "gold": gold, "ours": ours})

    def to_json(self, documents: int) -> dict[str, Any]:
        return {
            "documents": documents,
            "expressions": self.expressions,
            "attempted": self.attempted,
            "correct": self.correct,
            "accuracy": _ratio(self.correct, self.expressions),
            "accuracy_attempted": _ratio(self.correct, self.attempted),
            "by_precision": {
                name: dict(counts, accuracy=_ratio(counts["correct"], counts["expressions"]))
                for name, counts in sorted(self.by_precision.items())
            },
            "errors": self.errors,
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def evaluate(folder: Path) -> dict[str, Any]:
    """Value accuracy in both modes. The top level repeats the anchored figures (the headline);
    "anchored" and "narrative" hold each mode's full result."""
    anchored, narrative = _Tally(), _Tally()
    documents = len(list(Path(folder).glob("*.tml")))
    clock: NarrativeClock | None = None
    current = None
    for doc_id, dct, text, kind, value in iter_gold(folder):
        if doc_id != current:
            current, clock = doc_id, NarrativeClock(dct)
        if kind != "DATE":
            continue
        assert clock is not None
        span = normalise(text, dct)
        anchored.add(doc_id, text, value, span.timex_value() if span else None)
        told = clock.resolve(text)
        narrative.add(doc_id, text, value, told.timex_value() if told else None)
    result = anchored.to_json(documents)
    result["anchored"] = anchored.to_json(documents)
    result["narrative"] = narrative.to_json(documents)
    return result
