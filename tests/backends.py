"""Which store backend the tests run on, and a fresh, empty store target for each test.

`FOOTPRINT_TEST_BACKEND=postgres` runs the store-touching tests (those marked `store`) on the
PostgreSQL server at `FOOTPRINT_TEST_POSTGRES` (a URL; `scripts/pg_cluster.sh start DIR` prints
one), each in a schema of its own, dropped at the end of the session. Without a server those
tests skip with a message, except where `FOOTPRINT_REQUIRE_POSTGRES=1` (CI) makes that a failure.
The contract suite (tests/store/test_contract.py) runs on every backend in every run.
"""

from __future__ import annotations

import atexit
import os
import uuid
from pathlib import Path

import pytest

BACKEND = os.environ.get("FOOTPRINT_TEST_BACKEND", "sqlite")
POSTGRES_URL = os.environ.get("FOOTPRINT_TEST_POSTGRES", "")
REQUIRE_POSTGRES = os.environ.get("FOOTPRINT_REQUIRE_POSTGRES") == "1"

_schemas: list[str] = []


def postgres_or_skip() -> str:
    """The test server's URL; skips (or fails, in CI) where there is none."""
    if not POSTGRES_URL:
        why = (
            "no PostgreSQL server for the tests: set FOOTPRINT_TEST_POSTGRES to a URL "
            "(scripts/pg_cluster.sh start DIR starts a throwaway one and prints it)"
        )
        if REQUIRE_POSTGRES:
            pytest.fail(why)
        pytest.skip(why)
    return POSTGRES_URL


def fresh_postgres_target() -> str:
    """The URL of a new, empty schema on the test server (dropped when the session ends)."""
    import psycopg

    url = postgres_or_skip()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    _schemas.append(schema)
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def store_target(path: Path, backend: str = BACKEND) -> str:
    """Where a test's store lives: the SQLite file at `path`, or a fresh PostgreSQL schema."""
    if backend == "postgres":
        return fresh_postgres_target()
    return str(path)


@atexit.register
def _drop_schemas() -> None:
    if not _schemas:
        return
    import psycopg

    try:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            for schema in _schemas:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    except psycopg.Error:
        pass  # the throwaway server may already be gone
