"""Plain scoring primitives shared by every evaluation suite, kept small so a reader can trust a
number: counts -> precision/recall/F1, name matching, date-window overlap, great-circle distance."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from footprint.place.distance import haversine_km


@dataclass
class Score:
    """Counts for one field: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: AbstractSet[Any], gold: AbstractSet[Any], context: str = "") -> None:
        """Compare two sets of comparable items; remember what was missed or invented."""
        self.tp += len(predicted & gold)
        for item in sorted(predicted - gold, key=str):
            self.fp += 1
            self.errors.append({"kind": "false", "item": item, "context": context})
        for item in sorted(gold - predicted, key=str):
            self.fn += 1
            self.errors.append({"kind": "missed", "item": item, "context": context})

    def to_json(self) -> dict[str, object]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def name_key(name: str) -> str:
    """Names compare without case, accents, punctuation, a leading article or honorifics."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[\W_]+", " ", text).split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def names_match(predicted: str, gold: str) -> bool:
    """Equal keys, or one name's words all inside the other's (a gold phrase 'the mayor of X,
    John Smith' matches 'John Smith')."""
    p, g = name_key(predicted), name_key(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    pw, gw = set(p.split()), set(g.split())
    return pw <= gw or gw <= pw


def windows_overlap(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> bool:
    """Do two inclusive date windows share a day? None is an open end."""
    a_start, a_end = a
    b_start, b_end = b
    if a_start is None and a_end is None or b_start is None and b_end is None:
        return False
    lo_ok = a_end is None or b_start is None or b_start <= a_end
    hi_ok = b_end is None or a_start is None or a_start <= b_end
    return lo_ok and hi_ok


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points: the place module's haversine, so
    the evaluation measures with the same ruler the geocoder uses."""
    return haversine_km(a[0], a[1], b[0], b[1])
