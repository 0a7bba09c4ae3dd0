"""Errors the user can act on. Each message names the input and the reason at the raise site."""

from __future__ import annotations


class FootprintError(Exception):
    """Base class of every error footprint raises on purpose."""


class IngestError(FootprintError):
    """An input that cannot become a document: the file (or line) and why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(FootprintError):
    """The configured spaCy model cannot be loaded."""
