"""The committed designation dataset: build it from list files, write it, load it.

``build(files)`` is what ``scripts/build_designations.py`` and ``footprint lists update`` run:
it picks a reader for each file, pairs an OFAC SDN file with its alt-names file, dates aliases
from the US State Dept FTO amendments, applies the hand-curated facts in ``data/curated.tsv``
and sorts the result so that rebuilds diff cleanly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from footprint.designations.records import Alias, Listing
from footprint.designations.sources import (
    FTO_LIST,
    OFAC_LIST,
    detect_and_read,
    detect_kind,
    norm_key,
    ofac_alt_numbers,
    read_ofac,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
LISTINGS_PATH = DATA_DIR / "listings.jsonl"
CURATED_PATH = DATA_DIR / "curated.tsv"


def read_listings(path: Path) -> list[Listing]:
    path = Path(path)
    out: list[Listing] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path.name}: cannot read ({exc})") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            out.append(Listing.from_json(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path.name}: line {n}: not a listing ({exc})") from exc
    return out


def load_listings(extra: Iterable[Path] = (), packaged: bool = True) -> list[Listing]:
    """The committed dataset (unless ``packaged`` is False) plus any user lists: listings
    JSONL files as written by ``write_listings``, or any file ``detect_and_read`` reads."""
    out = read_listings(LISTINGS_PATH) if packaged else []
    for path in extra:
        path = Path(path)
        if path.suffix == ".jsonl" and _is_listings_file(path):
            out.extend(read_listings(path))
        else:
            out.extend(detect_and_read(path))
    return out


def _is_listings_file(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as fh:
            first = json.loads(fh.readline() or "{}")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(first, dict) and {"id", "list", "name", "aliases"} <= set(first)


def write_listings(listings: Iterable[Listing], path: Path) -> None:
    """One JSON object per line, written to a temporary file and renamed into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for listing in listings:
                fh.write(json.dumps(listing.to_json(), ensure_ascii=False) + "\n")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sort_key(listing: Listing) -> tuple[str, str, int, str]:
    prefix, _, rest = listing.id.partition(":")
    m = re.fullmatch(r"(.*?)(\d+)", rest)
    return (prefix, m[1] if m else rest, int(m[2]) if m else -1, rest)


def build(files: Iterable[Path], curated: Path | None = CURATED_PATH) -> list[Listing]:
    """Read every file (kind picked by name and content) into one sorted list of listings."""
    paths = [Path(f) for f in files]
    kinds = {p: detect_kind(p) for p in paths}
    sdn = [p for p in paths if kinds[p] == "ofac-sdn"]
    alt = [p for p in paths if kinds[p] == "ofac-alt"]
    if alt and len(sdn) != 1:
        raise ValueError(
            f"{alt[0].name}: an OFAC alt-names file needs exactly one OFAC SDN file beside it"
        )
    if len(alt) > 1:
        raise ValueError(f"{alt[1].name}: more than one OFAC alt-names file")
    listings: list[Listing] = []
    for p in paths:
        if kinds[p] == "ofac-sdn":
            listings.extend(read_ofac(p, alt[0] if alt else None))
        elif kinds[p] != "ofac-alt":
            listings.extend(detect_and_read(p))
    listings = date_ofac_aliases(listings, ofac_alt_numbers(alt[0]) if alt else {})
    if curated is not None and Path(curated).exists():
        listings = apply_curated(listings, read_curated(Path(curated)))
    ids: set[str] = set()
    for listing in listings:
        if listing.id in ids:
            raise ValueError(f"duplicate listing id {listing.id} (the same list given twice?)")
        ids.add(listing.id)
    return sorted(listings, key=sort_key)


def date_ofac_aliases(
    listings: list[Listing], alt_numbers: dict[tuple[str, str], int]
) -> list[Listing]:
    """Dates OFAC aliases from the State Dept FTO amendments of the same organisation.

    1. An OFAC alias whose name equals an FTO amendment name (loosely compared) gets the
       amendment date.
    2. OFAC numbers aliases in the order it adds them, so an undated alias whose number is
       above a dated alias's number of the same listing was added no earlier than that date:
       it gets that date as ``added`` with the basis "not before ..." (a lower bound, which is
       what "not designated before" needs).
    """
    fto: dict[str, Listing] = {}
    for listing in listings:
        if listing.list == FTO_LIST:
            fto[norm_key(listing.name)] = listing
    out: list[Listing] = []
    for listing in listings:
        if listing.list != OFAC_LIST or "FTO" not in listing.program.split(";"):
            out.append(listing)
            continue
        keys = [norm_key(listing.name)] + [norm_key(a.name) for a in listing.aliases]
        match = next((fto[k] for k in keys if k in fto), None)
        if match is None:
            out.append(listing)
            continue
        dated = {norm_key(a.name): a for a in match.aliases if a.added}
        aliases = [
            dataclasses.replace(a, added=dated[k].added, added_basis=dated[k].added_basis)
            if a.added is None and (k := norm_key(a.name)) in dated
            else a
            for a in listing.aliases
        ]
        ent = listing.id.split(":", 1)[1]
        numbered = [(alt_numbers.get((ent, a.name)), a) for a in aliases]
        anchors = [(n, a) for n, a in numbered if n is not None and a.added is not None]
        bounded: list[Alias] = []
        for n, a in numbered:
            if a.added is None and n is not None:
                earlier = [(x.added, x.name) for m, x in anchors if m < n and x.added]
                if earlier:
                    date, anchor = max(earlier)
                    a = dataclasses.replace(
                        a,
                        added=date,
                        added_basis=(
                            f"not before {date.isoformat()}: OFAC alias number {n} follows "
                            f"the number of {anchor}, added {date.isoformat()}"
                        ),
                    )
            bounded.append(a)
        out.append(dataclasses.replace(listing, aliases=tuple(bounded)))
    return out


@dataclasses.dataclass(frozen=True)
class CuratedFact:
    listing_id: str
    field: str
    value: str
    source: str
    note: str


def read_curated(path: Path) -> list[CuratedFact]:
    """Tab-separated: listing id, field (only ``listed_on``), value, source, note."""
    facts: list[CuratedFact] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 4 or cells[1] != "listed_on":
            raise ValueError(f"{path.name}: line {n}: expected id, listed_on, date, source, note")
        try:
            dt.date.fromisoformat(cells[2])
        except ValueError as exc:
            raise ValueError(f"{path.name}: line {n}: {cells[2]!r} is not a date") from exc
        note = cells[4] if len(cells) > 4 else ""
        facts.append(CuratedFact(cells[0], cells[1], cells[2], cells[3], note))
    return facts


def apply_curated(listings: list[Listing], facts: list[CuratedFact]) -> list[Listing]:
    by_id = {f.listing_id: f for f in facts}
    out = []
    for listing in listings:
        fact = by_id.get(listing.id)
        if fact is not None and listing.listed_on is None:
            note = f"[listing date {fact.value}: {fact.source} (curated)]"
            remarks = f"{listing.remarks} {note}" if listing.remarks else note
            listing = dataclasses.replace(
                listing, listed_on=dt.date.fromisoformat(fact.value), remarks=remarks
            )
        out.append(listing)
    return out


def shared_files(shared: Path) -> list[Path]:
    """The list files in a ``shared/data/designations`` folder, in a fixed order."""
    return sorted(p for p in Path(shared).iterdir() if p.is_file() and not p.name.startswith("."))
