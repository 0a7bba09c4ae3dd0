"""The command line: builds `app` (the `footprint` console script) from one module per group.

| module        | commands                                  |
|---------------|-------------------------------------------|
| `analyze.py`  | analyze                                   |
| `lists.py`    | screen, lists update/import/list/remove   |
| `evaluate.py` | eval                                      |
| `corpus.py`   | ingest, merge, split, sources rate/list   |
| `profile.py`  | profile                                   |
| `graph.py`    | network, path, timeline                   |
| `search.py`   | search                                    |
| `export.py`   | export                                    |
| `brief.py`    | brief                                     |
| `serve.py`    | serve (the web pages and HTTP API)        |

What they share (consoles, --db and --json, dates, errors, opening the store) is in `common.py`.
Every command is registered here, on the root app, so that the whole command surface reads in
one place and `app.registered_commands` lists each top-level command.
"""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from footprint import __version__
from footprint.cli import (
    analyze,
    brief,
    corpus,
    evaluate,
    export,
    graph,
    lists,
    profile,
    search,
    serve,
)
from footprint.cli.common import out

app = typer.Typer(
    help="footprint: who appeared where, when, with whom — and who says so.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
)


def _print_version(asked: bool) -> None:
    if asked:
        out.print(__version__)
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)


@app.command()
def version() -> None:
    """Print footprint's version."""
    out.print(__version__)


# The order here is the order of `footprint --help`.
app.command()(analyze.analyze)
app.command()(lists.screen)
app.command("eval")(evaluate.evaluate)
app.command()(corpus.ingest)
app.command()(profile.profile)
app.command()(corpus.merge)
app.command()(corpus.split)
app.command()(graph.network)
app.command()(graph.path)
app.command()(graph.timeline)
app.command()(search.search)
app.command()(export.export)
app.command()(brief.brief)
app.command()(serve.serve)
app.add_typer(lists.lists_app, name="lists")
app.add_typer(corpus.sources_app, name="sources")

__all__ = ["app"]
