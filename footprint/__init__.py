"""footprint: a sourced, temporal, geolocated graph of actors and events, read from reporting.

The library API is in `footprint.api` and reachable from here (`footprint.analyze_text`,
`footprint.open_store`, `footprint.profile`, ...); it is imported on first use, so that
`import footprint` (and the command line's start) stays light.
"""

from typing import Any

__version__ = "0.1.0"

_API = (
    "Document",
    "DocumentResult",
    "Rejected",
    "analyze_documents",
    "analyze_text",
    "ingest_files",
    "open_store",
    "profile",
    "search",
    "timeline",
    "network",
)


def __getattr__(name: str) -> Any:
    if name in _API:
        from footprint import api

        return getattr(api, name)
    raise AttributeError(f"module 'footprint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
