"""The store contract and its backends.

`open_store(target)` opens the store a path or URL names: a `postgresql://` URL gives the
shared PostgreSQL store, anything else is the path of an embedded SQLite file. Both implement
the same writer and view (`SQLStore`), and hand out the typed records of `records.py`.
"""

from __future__ import annotations

from pathlib import Path

from footprint.errors import FootprintError
from footprint.store.base import SQLStore
from footprint.store.sqlite import SQLiteStore

# What analysis, export and the command line read through, and what the job writes through.
StoreView = SQLStore
StoreWriter = SQLStore

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def open_store(target: str | Path, *, create: bool = True) -> SQLStore:
    """The store at `target`. With create=False a missing SQLite file is an error, not a new
    empty store (queries must not invent a database)."""
    if is_url(target):
        from footprint.store.postgres import PostgresStore

        return PostgresStore(str(target))
    if isinstance(target, str) and "://" in target:
        scheme = target.split("://", 1)[0]
        raise FootprintError(f"{target}: unknown store URL scheme {scheme!r} (use postgresql://)")
    path = Path(target)
    if not create and not path.exists():
        raise FootprintError(f"{path}: no such database (analyze or ingest into it first)")
    return SQLiteStore(path)


__all__ = ["SQLStore", "SQLiteStore", "StoreView", "StoreWriter", "is_url", "open_store"]
