"""The shared PostgreSQL store, for a team: chosen by a `postgresql://` URL.

All SQL is shared with the embedded backend (`sql.py`); this module connects through psycopg 3,
rewrites `?` placeholders to the driver's `%s`, and serialises writers with a transaction-level
advisory lock, as SQLite's `BEGIN IMMEDIATE` does: a document's write first deletes what was
stored for it and then drops entities nothing refers to any more, which two concurrent writers
must not interleave.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import Any

from footprint.errors import FootprintError
from footprint.store.base import SQLStore
from footprint.store.search import TsvectorSearch

# Any fixed number: the key of the advisory lock every footprint writer takes.
WRITER_LOCK = 0x46500001


@lru_cache(maxsize=512)
def _driver_sql(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    import re

    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    search_dialect = TsvectorSearch()

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise FootprintError("PostgreSQL stores need psycopg (pip install psycopg)") from None
        self.driver_error = psycopg.Error
        self.url = url
        self.name = redact(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise FootprintError(f"{self.name}: cannot connect ({_first_line(exc)})") from None
        try:
            self._create_schema()
        except psycopg.Error as exc:
            self.conn.close()
            raise FootprintError(f"{self.name}: cannot open store ({_first_line(exc)})") from None

    def _sql(self, sql: str) -> str:
        return _driver_sql(sql)

    def _table_columns(self, table: str) -> set[str]:
        return {
            r[0]
            for r in self._tuples(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ?",
                (table,),
            )
        }

    def _schema_types(self) -> dict[str, str]:
        return {"blob": "BYTEA", "real": "DOUBLE PRECISION", "bigint": "BIGINT"}

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def transaction(self) -> AbstractContextManager[Any]:
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield self


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
