"""The export formats: name -> writer(data, target) -> counts of what was written.

Each writer takes the `ExportData` of `selection.collect` (one scope, one id space) and a
target path (a file; for csv a folder) and writes it atomically.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from footprint.errors import FootprintError
from footprint.export.atomic import check_parent
from footprint.export.selection import ExportData

Writer = Callable[[ExportData, Path], dict[str, int]]

FORMATS = ("ftm", "stix", "graphml", "gexf", "geojson", "csv")


def writer(name: str, tlp: str | None = None) -> Writer:
    """The writer for a format name; FootprintError naming the formats for an unknown one.
    Imported on demand so that one format's library is loaded only when it is used. A TLP
    level marks a STIX bundle; the other formats have no place for it, so it is refused there
    rather than silently dropped."""
    key = name.lower()
    if tlp is not None and key != "stix":
        raise FootprintError(f"--tlp marks STIX bundles only, not {name}")
    if key == "stix" and tlp is not None:
        from footprint.export import stix

        stix.marking(tlp)  # an unknown level fails here, before the store is read
        return functools.partial(stix.write, tlp=tlp)
    if key == "ftm":
        from footprint.export import ftm

        return ftm.write
    if key == "stix":
        from footprint.export import stix

        return stix.write
    if key == "graphml":
        from footprint.export import graphml

        return graphml.write
    if key == "gexf":
        from footprint.export import graphml

        return graphml.write_gexf
    if key == "geojson":
        from footprint.export import geojson

        return geojson.write
    if key == "csv":
        from footprint.export import csv_tables

        return csv_tables.write
    raise FootprintError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}")


def check_target(name: str, target: Path, *, force: bool = False) -> None:
    """FootprintError, before any work, for a target the format's writer must not write: one
    in a folder that does not exist (none is created), a folder for a file format, and for
    csv a file or (without `force`) a folder holding files footprint did not write."""
    check_parent(target)
    if name.lower() == "csv":
        from footprint.export import csv_tables

        csv_tables.check_folder(target, force=force)
    elif target.is_dir():
        raise FootprintError(f"{target}: cannot write: it is a folder")
