"""Exports as downloads: each format of `footprint export` written by its own writer into a
private temporary folder, then handed to the client as one file (the csv tables as a zip)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from footprint.errors import FootprintError
from footprint.export.exporters import FORMATS
from footprint.store import StoreView
from footprint.web.errors import bad_parameter
from footprint.web.params import Filters

MEDIA = {
    "ftm": ("application/x-ndjson", "footprint.ftm.json"),
    "stix": ("application/json", "footprint.stix.json"),
    "graphml": ("application/xml", "footprint.graphml"),
    "gexf": ("application/xml", "footprint.gexf"),
    "geojson": ("application/geo+json", "footprint.geojson"),
    "csv": ("application/zip", "footprint-csv.zip"),
}


@dataclass(frozen=True)
class Download:
    body: bytes
    media_type: str
    filename: str
    counts: dict[str, int]


def export(
    store: StoreView, fmt: str, actor: str | None, filters: Filters, tlp: str | None
) -> Download:
    """The store (or one actor's part of it, under the filters) in one format."""
    from footprint.export.exporters import writer
    from footprint.export.selection import collect

    key = fmt.lower()
    if key not in FORMATS:
        raise bad_parameter(
            "format", f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}"
        )
    try:
        write = writer(key, tlp=tlp)
    except FootprintError as exc:
        raise bad_parameter("tlp", str(exc)) from None
    only = filters.only
    data = collect(
        store, actor=actor, country=only.country, since=only.since, until=only.until,
        types=only.types, roles=only.roles,
    )
    media_type, filename = MEDIA[key]
    with tempfile.TemporaryDirectory(prefix="footprint-web-export-") as folder:
        target = Path(folder) / ("tables" if key == "csv" else filename)
        write(data, target)
        body = _zipped(target) if key == "csv" else target.read_bytes()
    return Download(body, media_type, filename, data.counts())


def _zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.iterdir()):
            z.write(path, arcname=f"footprint-csv/{path.name}")
    return buffer.getvalue()
