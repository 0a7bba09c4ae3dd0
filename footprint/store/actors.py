"""Reads about actors: lookup by any spelling, aliases, roles, designations, their appearances (profile, merge/split, sources)."""

from __future__ import annotations

from footprint.store.sql import SQLBase


class ActorStore(SQLBase):
    pass
