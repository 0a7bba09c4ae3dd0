"""Where the lists a user adds live, and how they join the packaged dataset.

- ``footprint lists update FILE...`` rebuilds the dataset from newer official files into
  ``<lists dir>/listings.jsonl``, which then replaces the packaged dataset;
- ``footprint lists import FILE`` adds an extra watchlist (an OpenSanctions/FollowTheMoney
  entities file, of which only the entities it marks as listed count, or the user's own
  CSV/YAML, refused whole if any row is bad) as ``<lists dir>/extra/<name>.jsonl``;
- ``footprint lists list`` says which lists are in use, from where, with how many entries, and
  ``footprint lists remove NAME`` takes an extra list (or the rebuilt dataset: ``rebuilt``) away.
The lists dir is `Settings.lists_dir` (``$FOOTPRINT_LISTS_DIR``, else ``lists/`` in the user
data directory); every function here takes it as a parameter.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from footprint.designations.dataset import (
    LISTINGS_PATH,
    build,
    load_listings,
    read_listings,
    write_listings,
)
from footprint.designations.records import Listing
from footprint.designations.sources import (
    LISTED_TOPICS,
    detect_and_read,
    detect_kind,
    read_ftm_entities,
)


def current_listings(folder: Path) -> list[Listing]:
    """The user's rebuilt dataset if there is one, else the packaged one; plus every extra."""
    extras = sorted((folder / "extra").glob("*.jsonl")) if (folder / "extra").is_dir() else []
    rebuilt = folder / "listings.jsonl"
    if rebuilt.exists():
        return load_listings(extra=[rebuilt, *extras], packaged=False)
    return load_listings(extra=extras)


def update(files: list[Path], folder: Path) -> tuple[Path, int]:
    """Rebuild the dataset from official files; returns where it went and how many listings."""
    listings = build(files)
    if not listings:
        raise ValueError("no terrorism-related listings found in " + ", ".join(map(str, files)))
    target = folder / "listings.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_listings(listings, target)
    return target, len(listings)


@dataclass(frozen=True)
class Imported:
    """What `import_list` did: where the list went, how many listings it holds, and how many
    entities the file held that it does not mark as listed (FtM files), left out."""

    target: Path
    count: int
    unlisted: int = 0


def import_list(path: Path, folder: Path) -> Imported:
    """Add a watchlist file (it replaces an earlier import of the same name). An FtM file
    gives only the entities it marks as listed (`sources.read_ftm_entities`)."""
    unlisted = 0
    if detect_kind(path) == "ftm":
        read = read_ftm_entities(path)
        listings, unlisted = read.listings, read.unlisted
        if not listings:
            raise ValueError(
                f"{path.name}: none of its {unlisted} people and organisations is marked as "
                f"listed (FtM topics {', '.join(sorted(LISTED_TOPICS))}, or a Sanction entity); "
                "nothing imported"
            )
    else:
        listings = detect_and_read(path)
    if not listings:
        raise ValueError(f"{path.name}: no names found")
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.name.split(".")[0]) or "watchlist"
    target = folder / "extra" / f"{stem}.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_listings(listings, target)
    return Imported(target, len(listings), unlisted)


REBUILT = "rebuilt"  # the name `lists remove` takes for the rebuilt dataset


@dataclass(frozen=True)
class LoadedList:
    """One list in use: its name (what `lists remove` takes), kind, file, and entries."""

    name: str
    kind: str  # "packaged" | "rebuilt" | "extra"
    path: Path
    entries: int
    lists: tuple[tuple[str, int], ...]  # the official lists inside, with their entry counts


def _loaded(name: str, kind: str, path: Path) -> LoadedList:
    listings = read_listings(path)
    counts = Counter(listing.list for listing in listings)
    return LoadedList(name, kind, path, len(listings), tuple(sorted(counts.items())))


def loaded_lists(folder: Path) -> list[LoadedList]:
    """What `current_listings` reads, file by file: the rebuilt dataset (or, without one, the
    packaged dataset), then each extra list by name."""
    rebuilt = folder / "listings.jsonl"
    base = (
        _loaded(REBUILT, "rebuilt", rebuilt)
        if rebuilt.exists()
        else _loaded("packaged", "packaged", LISTINGS_PATH)
    )
    extras = sorted((folder / "extra").glob("*.jsonl")) if (folder / "extra").is_dir() else []
    return [base, *(_loaded(p.stem, "extra", p) for p in extras)]


def remove_list(name: str, folder: Path) -> Path:
    """Take a list out of use: an extra list by its name, or the rebuilt dataset (`rebuilt`,
    after which the packaged dataset is used again). The packaged dataset cannot be removed."""
    if name == "packaged":
        raise ValueError("the packaged dataset cannot be removed; `lists update` replaces it")
    target = folder / "listings.jsonl" if name == REBUILT else folder / "extra" / f"{name}.jsonl"
    if name != REBUILT and Path(name).name != name:
        raise ValueError(f"{name!r}: not a list name (see `footprint lists list`)")
    if not target.exists():
        known = ", ".join(lst.name for lst in loaded_lists(folder) if lst.kind != "packaged")
        raise ValueError(f"no list named {name!r}" + (f" (lists: {known})" if known else ""))
    target.unlink()
    return target
