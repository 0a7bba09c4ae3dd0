"""The embedded SQLite store: the default, one file, nothing to start.

All SQL is shared with the other backends (`sql.py`); this module opens the file, sets the
connection up, and serialises writers with `BEGIN IMMEDIATE`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import Any

from footprint.errors import FootprintError
from footprint.store.base import SQLStore
from footprint.store.search import Fts5Search
from footprint.store.sql import content_hash

__all__ = ["SQLiteStore", "content_hash"]


class SQLiteStore(SQLStore):
    search_dialect = Fts5Search()
    driver_error = sqlite3.Error

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.name = str(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Writers wait for one another (a long ingest holds the lock a document at a time).
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=60)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")  # every commit on disk (judgements)
            self._create_schema()
        except (OSError, sqlite3.DatabaseError) as exc:
            raise FootprintError(f"{self.path}: cannot open database ({exc})") from None

    def _table_columns(self, table: str) -> set[str]:
        return {r[0] for r in self._tuples("SELECT name FROM pragma_table_info(?)", (table,))}

    def _schema_types(self) -> dict[str, str]:
        return {"blob": "BLOB", "real": "REAL", "bigint": "INTEGER"}

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def transaction(self) -> AbstractContextManager[Any]:
        return self._transaction()

    @contextmanager
    def bulk_writes(self) -> Iterator[Any]:
        """An ingest's writes: in WAL mode NORMAL keeps every transaction atomic and the file
        consistent, and only a power cut or an operating-system crash may lose the last
        commits, which re-running the ingest restores (stored documents are skipped by content
        hash). FULL synced the log at every document's commit, a few per cent of an ingest.
        A merge, a split or a source rating, which nothing restores, keeps FULL."""
        self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            yield self
        finally:
            # (SQLite refuses the setting inside a transaction, and the connection may be gone
            # after a failure: the error that ended the writes is the one to see)
            with suppress(sqlite3.Error):
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self.conn.execute("PRAGMA synchronous = FULL")

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:  # (a commit that failed leaves the transaction open)
                self.conn.execute("ROLLBACK")
            raise
