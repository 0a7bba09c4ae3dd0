"""Where the lists a user adds live, and how they join the packaged dataset.

- ``footprint lists update FILE...`` rebuilds the dataset from newer official files into
  ``<lists dir>/listings.jsonl``, which then replaces the packaged dataset;
- ``footprint lists import FILE`` adds an extra watchlist (an OpenSanctions/FollowTheMoney
  entities file, or the user's own CSV/YAML) as ``<lists dir>/extra/<name>.jsonl``.
The lists dir is `Settings.lists_dir` (``$FOOTPRINT_LISTS_DIR``, else ``lists/`` in the user
data directory); every function here takes it as a parameter.
"""

from __future__ import annotations

import re
from pathlib import Path

from footprint.designations.dataset import build, load_listings, write_listings
from footprint.designations.records import Listing
from footprint.designations.sources import detect_and_read


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


def import_list(path: Path, folder: Path) -> tuple[Path, int]:
    """Add a watchlist file; returns where it was stored and how many entries it holds."""
    listings = detect_and_read(path)
    if not listings:
        raise ValueError(f"{path}: no names found")
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.name.split(".")[0]) or "watchlist"
    target = folder / "extra" / f"{stem}.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_listings(listings, target)
    return target, len(listings)
