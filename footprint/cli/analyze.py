"""`footprint analyze`: documents in, their dossier out (terminal, and JSON where asked)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.analysis import dossier as dossier_mod
from footprint.cli.common import DbOption, err, fail, iso_date, open_store, out, say_error
from footprint.errors import FootprintError
from footprint.export.json_file import write_json
from footprint.export.terminal import render
from footprint.export.terminal_text import plain
from footprint.model import Rejected
from footprint.pipeline.analyze import analyze as run_analysis


def analyze(
    paths: Annotated[list[Path], typer.Argument(help=".txt, .html, .jsonl files or folders.")],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) for inputs that carry none.", callback=iso_date
        ),
    ] = None,
    db: DbOption = None,
    json_out: Annotated[
        str | None,
        typer.Option("--json", help="Write the dossier as JSON to FILE, or '-' for stdout."),
    ] = None,
) -> None:
    """Analyze documents: store actors, roles and affiliations with evidence; print the dossier."""
    # With --json -, stdout carries only JSON: the dossier goes to stderr.
    screen = err if json_out == "-" else out

    def on_rejected(item: Rejected) -> None:
        say_error(item.source, ": ", item.reason)

    settings, store = open_store(db, create=True)
    try:
        report = run_analysis(paths, settings, store, published=published, on_rejected=on_rejected)
        result = dossier_mod.build(store, report.document_ids, rejected=report.rejected)
    except FootprintError as exc:
        raise fail(exc) from None
    finally:
        store.close()

    for renderable in render(result):
        screen.print(renderable)
    if json_out:
        write_json(result, json_out)
    n_ok, n_bad = len(report.document_ids), len(report.rejected)
    screen.print(
        plain(
            f"\n{n_ok} document(s) analyzed, {n_bad} rejected. Database: {store.name}"
            + (f"  JSON: {json_out}" if json_out and json_out != "-" else "")
        ),
        soft_wrap=True,
    )
    if n_ok == 0:
        raise typer.Exit(1)
