"""`footprint export`: the store (or one actor's or one country's part of it) as FtM, STIX 2.1,
GraphML, GEXF, GeoJSON or CSV tables, in one id space (see `footprint/export/selection.py`).

Bad input (an unknown format or actor, a path that cannot be written, a store that does not
exist, a TLP level that is not clear/green/amber/red or one given for a format other than
stix) is one red line and exit code 2. The target is checked before the store is read: its
folder must exist (none is made), and a csv folder that holds files footprint did not write is
refused unless --force, which writes the tables beside them (they are never deleted).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from footprint.cli.common import (
    CountryOption,
    DbOption,
    RoleOption,
    SinceOption,
    TypeOption,
    UntilOption,
    err,
    fail,
    occasion_filter,
    open_store,
    out,
)
from footprint.errors import FootprintError
from footprint.export.terminal_text import plain


def export(
    actor: Annotated[
        str | None,
        typer.Argument(help="Only this actor, its events and what ties to it (default: all)."),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="ftm, stix, graphml, gexf, geojson or csv (a folder)."),
    ] = "ftm",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The file (for csv: the folder) to write; - for standard output."
        ),
    ] = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: TypeOption = None,
    role: RoleOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="csv: write into a folder that holds other files too (they are left alone).",
        ),
    ] = False,
    tlp: Annotated[
        str | None,
        typer.Option(
            "--tlp",
            help="stix: mark every object with this TLP level: clear, green, amber or red "
            "(the TLP 1.0 marking definitions STIX 2.1 defines; clear is 1.0's white).",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export actors, events, relations and designations with their evidence."""
    from footprint.export.exporters import check_target, writer
    from footprint.export.selection import collect

    try:
        write = writer(fmt, tlp=tlp)
    except FootprintError as exc:
        raise fail(exc) from None
    if output is None:
        raise fail(FootprintError("no output given: use -o PATH (or -o - for standard output)"))
    to_stdout = str(output) == "-"
    if to_stdout and fmt.lower() == "csv":
        raise fail(FootprintError("csv writes a folder of tables: give -o FOLDER, not -"))
    f = occasion_filter(country, since, until, event_type, role)
    if not to_stdout:
        try:
            check_target(fmt, output, force=force)
        except FootprintError as exc:
            raise fail(exc) from None
    _, store = open_store(db, create=False)
    try:
        data = collect(
            store,
            actor=actor,
            country=f.country,
            since=f.since,
            until=f.until,
            types=f.types,
            roles=f.roles,
        )
        written = _write_to_stdout(write, data, fmt) if to_stdout else write(data, output)
    except FootprintError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(FootprintError(f"{output}: cannot write ({exc.strerror or exc})")) from None
    finally:
        store.close()
    c = data.counts()
    (err if to_stdout else out).print(
        plain(
            f"wrote {fmt.lower()} to {'standard output' if to_stdout else output}: "
            f"{c['actors']} actors, {c['events']} events, "
            f"{c['relations']} relations, {c['designations']} designations, "
            f"{c['documents']} documents ({', '.join(f'{v} {k}' for k, v in written.items())})"
        ),
        soft_wrap=True,
    )


def _write_to_stdout(write: Any, data: Any, fmt: str) -> dict[str, int]:
    """Write the file where the writer writes files (atomically, in a private temporary
    folder), then copy it to standard output byte for byte."""
    with tempfile.TemporaryDirectory(prefix="footprint-export-") as folder:
        target = Path(folder) / f"export.{fmt.lower()}"
        written: dict[str, int] = write(data, target)
        with target.open("rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return written
