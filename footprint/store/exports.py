"""Reads the exports and the brief need: documents, evidence spans and what a selection holds (export/selection.py, export/brief.py)."""

from __future__ import annotations

from footprint.store.sql import SQLBase


class ExportStore(SQLBase):
    pass
