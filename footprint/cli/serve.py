"""`footprint serve`: the web pages and the HTTP API over a store, on uvicorn.

It binds to the loopback address unless told otherwise, and says so: pages and API are then
reachable from this machine only. Writes (ingest, merge/split, source ratings) are enabled only
when a token is given (`FOOTPRINT_TOKEN` or `--token-file`); without one the server is
read-only, and says that too.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from footprint.cli.common import DbOption, fail, out
from footprint.errors import FootprintError
from footprint.export.terminal_text import plain
from footprint.settings import Settings
from footprint.web.tokens import TOKEN_ENV


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="The address to listen on (loopback by default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="The port.")] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option(help="A file whose first line is the write token (else FOOTPRINT_TOKEN)."),
    ] = None,
    max_upload_mb: Annotated[
        float, typer.Option(min=0.01, help="The largest upload (ingest) accepted, in MiB.")
    ] = 16.0,
    readers: Annotated[
        int, typer.Option(min=1, max=64, help="Reader threads (store connections).")
    ] = 8,
    page_processes: Annotated[
        int | None,
        typer.Option(
            min=0,
            max=64,
            help="Processes that render the actor, event and document pages (default: one per "
            "core, at most 4; 0: the reader threads do, in the server's own process).",
        ),
    ] = None,
    # The token comes from the environment (read by the command line's option parser) or a
    # file, never from an argument: other users of the machine can see a process's arguments.
    token: Annotated[str | None, typer.Option(envvar=TOKEN_ENV, hidden=True)] = None,
) -> None:
    """Serve the pages and the HTTP API over the store (read-only without a token)."""
    import uvicorn

    from footprint.web.app import create_app, default_page_processes
    from footprint.web.tokens import load_token

    settings = Settings.from_env().with_db(db)
    processes = default_page_processes() if page_processes is None else page_processes
    try:
        token = load_token({TOKEN_ENV: token or ""}, token_file)
        app = create_app(
            settings,
            token,
            readers=readers,
            page_processes=processes,
            max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        )
    except FootprintError as exc:
        raise fail(exc) from None
    shown = f"[{host}]" if ":" in host else host
    out.print(plain(f"footprint serve: http://{shown}:{port}/ — store {app.state.store_name}"))
    if is_loopback(host):
        out.print(plain(f"listening on {host} (loopback): only this machine can connect"))
    else:
        out.print(
            plain(
                f"listening on {host}: NOT loopback — anyone who can reach this address can read "
                "the store",
                "yellow",
            )
        )
    if token is None:
        out.print(plain(f"read-only: set {TOKEN_ENV} or --token-file to enable writes"))
    else:
        out.print(plain("writes enabled for requests with the bearer token"))
    rendered = f"in {processes} processes of their own" if processes else "on the reader threads"
    out.print(plain(f"pages rendered {rendered} (--page-processes)"))
    out.print(plain("API: /api/docs (OpenAPI schema at /api/openapi.json); Ctrl-C stops"))
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
