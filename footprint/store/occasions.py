"""Reads about occasions: events with participants, co-appearances, timelines and networks (timeline, network, dossier)."""

from __future__ import annotations

from footprint.store.sql import SQLBase


class OccasionStore(SQLBase):
    pass
