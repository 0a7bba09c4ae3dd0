"""Storage of extracted statements. `SQLiteStore` is the default, embedded backend."""

from footprint.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore"]
