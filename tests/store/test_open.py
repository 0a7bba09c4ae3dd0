"""Opening a store: by path or URL, and the errors a user sees when it cannot be opened."""

import sqlite3

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
