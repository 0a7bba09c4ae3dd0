"""Opening a store: by path or URL, and the errors a user sees when it cannot be opened."""

import sqlite3
import subprocess
import sys

import pytest

from footprint.errors import FootprintError
from footprint.store import SQLiteStore, open_store
from footprint.store.postgres import redact


def test_unusable_database_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(FootprintError, match="not-a-db.db"):
        SQLiteStore(bad)


def test_too_old_a_schema_is_refused(tmp_path):
    path = tmp_path / "old.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    with pytest.raises(FootprintError, match="schema 0"):
        SQLiteStore(path)


def test_a_path_opens_sqlite_and_only_queries_refuse_a_missing_one(tmp_path):
    with pytest.raises(FootprintError, match="no such database"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    store = open_store(str(tmp_path / "new.db"))
    assert isinstance(store, SQLiteStore)
    store.close()


def test_unknown_url_scheme_is_refused():
    with pytest.raises(FootprintError, match="mysql"):
        open_store("mysql://db.example/footprint")


def test_unreachable_server_is_a_clear_error_without_the_password(tmp_path):
    url = f"postgresql://someone:s3cret@/footprint?host={tmp_path}&connect_timeout=2"
    with pytest.raises(FootprintError, match="cannot connect") as caught:
        open_store(url)
    assert "s3cret" not in str(caught.value) and "someone:***@" in str(caught.value)


def test_redact_leaves_urls_without_a_password_alone():
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"
    assert redact("postgresql://u:p@h/db") == "postgresql://u:***@h/db"


def test_an_ingest_commits_without_a_sync_and_everything_else_with_one(tmp_path):
    """An ingest's writes (`bulk_writes`) do not wait for the disk at each commit (PRAGMA
    synchronous = NORMAL in WAL mode), yet a process that dies right after such a commit, the
    store never closed, loses nothing; all other writes (judgements, ratings) sync (FULL)."""
    path = tmp_path / "crash.db"
    script = (
        "import os, sys\n"
        "from footprint.store import SQLiteStore\n"
        "store = SQLiteStore(sys.argv[1])\n"
        "with store.bulk_writes():\n"
        "    assert store.conn.execute('PRAGMA synchronous').fetchone()[0] == 1  # NORMAL\n"
        "    with store.transaction():\n"
        "        store.conn.execute(\"INSERT INTO meta (key, value) VALUES ('probe', 'kept')\")\n"
        "    os._exit(0)\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    store = SQLiteStore(path)
    try:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        kept = store.conn.execute("SELECT value FROM meta WHERE key = 'probe'").fetchone()
        assert kept == ("kept",)
        with store.bulk_writes():
            pass
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again
    finally:
        store.close()


def test_an_ingest_that_fails_leaves_the_store_syncing_and_no_transaction_open(tmp_path):
    store = SQLiteStore(tmp_path / "failed.db")
    try:
        with pytest.raises(RuntimeError, match="the reason"), store.bulk_writes():
            store.conn.execute("BEGIN IMMEDIATE")  # a write cut short mid-transaction
            raise RuntimeError("the reason")  # the error the caller sees, not SQLite's
        assert not store.conn.in_transaction
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        store.close()
