"""Typed designation records: a listing on an official (or user) list and its dated aliases.

A listing's aliases carry the date each was added to the listing where a source states it
(e.g. a US State Department FTO amendment); an alias added on a date is not designated before
that date. Unknown dates stay ``None`` and are never guessed.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass
from typing import Any

QUALITIES = ("primary", "strong", "weak")
ENTITY_TYPES = ("organization", "person", "other")


def _date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class Alias:
    name: str
    added: dt.date | None  # when the alias was added to the listing, if known
    quality: str  # "strong" | "weak" (OFAC marks weak a.k.a.) | "primary"
    # Where ``added`` comes from, in words (e.g. "US State Dept FTO amendment (April 4, 2018)");
    # None when ``added`` is None.
    added_basis: str | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "added": self.added.isoformat() if self.added else None,
            "quality": self.quality,
        }
        if self.added_basis:
            d["added_basis"] = self.added_basis
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Alias:
        return cls(
            name=str(d["name"]),
            added=_date(d.get("added")),
            quality=str(d.get("quality") or "strong"),
            added_basis=d.get("added_basis"),
        )


@dataclass(frozen=True)
class Listing:
    id: str  # "us-ofac:7140", "un:QDe.118", "eu:II.B-10", "in-mha:3", "user:<file>:<n>"
    list: str  # "US OFAC SDN", "UN Security Council 1267/1989/2253", ...
    program: str  # "FTO", "SDGT", "FTO;SDGT", "QDe", "QDi", ...
    name: str  # primary name as listed
    aliases: tuple[Alias, ...]
    listed_on: dt.date | None
    delisted_on: dt.date | None
    entity_type: str  # "organization" | "person" | "other"
    source: str  # source file name
    source_date: dt.date | None
    remarks: str | None  # linked-to organisations, nationality etc. as the list gives them

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "list": self.list,
            "program": self.program,
            "name": self.name,
            "aliases": [a.to_json() for a in self.aliases],
            "listed_on": self.listed_on.isoformat() if self.listed_on else None,
            "delisted_on": self.delisted_on.isoformat() if self.delisted_on else None,
            "entity_type": self.entity_type,
            "source": self.source,
            "source_date": self.source_date.isoformat() if self.source_date else None,
            "remarks": self.remarks,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Listing:
        return cls(
            id=str(d["id"]),
            list=str(d["list"]),
            program=str(d.get("program") or ""),
            name=str(d["name"]),
            aliases=tuple(Alias.from_json(a) for a in d.get("aliases") or ()),
            listed_on=_date(d.get("listed_on")),
            delisted_on=_date(d.get("delisted_on")),
            entity_type=str(d.get("entity_type") or "other"),
            source=str(d.get("source") or ""),
            source_date=_date(d.get("source_date")),
            remarks=d.get("remarks"),
        )

    def names(self, as_of: dt.date | None = None) -> builtins.list[tuple[str, Alias | None]]:
        """The primary name (with ``None``) and the aliases valid at ``as_of``.

        An alias with a known ``added`` date later than ``as_of`` is left out; an alias whose
        date is unknown is kept (the list gives it without a date).
        """
        out: builtins.list[tuple[str, Alias | None]] = [(self.name, None)]
        for alias in self.aliases:
            if as_of is not None and alias.added is not None and alias.added > as_of:
                continue
            out.append((alias.name, alias))
        return out

    def active(self, as_of: dt.date | None) -> bool:
        """Listed by ``as_of`` and not delisted by then (``None``: listed now, per the source).

        A listing whose listing date is unknown counts as listed at any date; callers that
        report "as of" results should say the listing date is unknown.
        """
        if as_of is None:
            return self.delisted_on is None
        if self.listed_on is not None and self.listed_on > as_of:
            return False
        return not (self.delisted_on is not None and self.delisted_on <= as_of)
