"""`footprint eval`: score the engine on gold data, and gate on the baseline's floors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.common import err, out
from footprint.export.json_file import write_json
from footprint.export.terminal_text import line, plain
from footprint.settings import Settings


def evaluate(
    suites: Annotated[
        list[str] | None,
        typer.Argument(help="Suites to run: geo, time, 5w1h, sample, acled, gtd, or all."),
    ] = None,
    shared: Annotated[
        Path | None,
        typer.Option(
            help="Folder holding data/ and samples/ (default: FOOTPRINT_SHARED or ../shared)."
        ),
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List misses and false hits.")] = False,
    results_file: Annotated[
        Path | None, typer.Option("--out", help="Write machine-readable results (JSON) here.")
    ] = None,
    check: Annotated[
        Path | None, typer.Option(help="Fail when a score drops below this baseline's floors.")
    ] = None,
) -> None:
    """Score the engine on gold data; print per-field tables beside the published anchors."""
    from footprint.evaluation import SUITES, check_floors, run_suites
    from footprint.evaluation.runner import load_baseline
    from footprint.export.terminal import render_eval

    wanted = list(SUITES) if not suites or suites == ["all"] else suites
    unknown = [s for s in wanted if s not in SUITES]
    if unknown:
        raise typer.BadParameter(
            f"unknown suite(s) {', '.join(unknown)}; choose from {', '.join(SUITES)}"
        )
    settings = Settings.from_env()
    root = shared or settings.shared_dir
    results = run_suites(wanted, settings, root / "data", root / "samples")
    for renderable in render_eval(results, show_errors=errors):
        out.print(renderable)
    if results_file is not None:
        write_json({"results": [r.to_json() for r in results]}, str(results_file))
        out.print(plain(f"Results: {results_file}"), soft_wrap=True)
    if check is not None:
        failures = check_floors(results, load_baseline(check))
        for failure in failures:
            err.print(line(("below floor", "red"), " ", failure), soft_wrap=True)
        if failures:
            raise typer.Exit(1)
        out.print(plain(f"All scores at or above the floors in {check}."))
