"""The web application: `create_app(settings, token)` builds the FastAPI app that `footprint
serve` runs on uvicorn.

- `/api/...` (`api.py`): the HTTP API, JSON in and out, described by its OpenAPI schema at
  `/api/openapi.json` and the page `/api/docs` (drawn by `static/docs.js` from that schema;
  no files from elsewhere).
- everything else (`pages.py`): server-rendered pages (Jinja2, autoescaped), with one small
  script of our own (`static/app.js`) for the network picture.

Every response carries a Content-Security-Policy and the other security headers, and request
bodies are capped (`security.py`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from footprint import __version__
from footprint.settings import Settings
from footprint.store import open_store
from footprint.web import api, errors, pages
from footprint.web.match import Screening
from footprint.web.networks import Graphs
from footprint.web.security import CSP, BodyLimit, SecurityHeaders
from footprint.web.stores import StoreProcesses, StoreThreads, WriterProcess

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"

DEFAULT_READERS = 8
# `serve` renders pages in one process per core, up to this many (each holds about 190 MB).
MOST_PAGE_PROCESSES = 4
DEFAULT_UPLOAD_BYTES = 16 * 1024 * 1024
DEFAULT_BODY_BYTES = 1024 * 1024
__all__ = ["CSP", "create_app"]


def default_page_processes() -> int:
    """One page process per core this process may run on, at most MOST_PAGE_PROCESSES; none on
    a single core, where a page process would only share it with the server (and a queue of
    processes would serve fewer pages at once than the reader threads)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return 0 if cores < 2 else min(cores, MOST_PAGE_PROCESSES)


def create_app(
    settings: Settings,
    token: str | None = None,
    *,
    readers: int = DEFAULT_READERS,
    page_processes: int = 0,
    max_upload_bytes: int = DEFAULT_UPLOAD_BYTES,
    max_body_bytes: int = DEFAULT_BODY_BYTES,
) -> FastAPI:
    """The app over the store `settings.db` names (which must exist: FootprintError when it
    cannot be opened). With a `token`, writes are allowed to requests that carry it. With
    `page_processes`, the actor, event and document pages are rendered in that many processes
    of their own (for a machine with the cores); without, on the reader threads."""
    target = str(settings.db)
    with contextlib.closing(open_store(target, create=False)) as probe:
        store_name = probe.name

    reading = StoreThreads(target, readers, "read")
    rendering = StoreProcesses(target, page_processes) if page_processes > 0 else None
    writing = WriterProcess(settings)
    graphs = Graphs(target)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        reading.close()
        if rendering is not None:
            rendering.close()
        writing.close()
        graphs.close()

    app = FastAPI(
        title="footprint",
        version=__version__,
        description=(
            "A sourced graph of actors, events, relations and designations read from reporting. "
            "Reads are open; writes (ingest, merge/split judgements, source ratings) need the "
            "server's bearer token. Errors are JSON: {error, status, fields?}."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.token = token
    app.state.readers = reading
    app.state.page_processes = rendering
    app.state.writer = writing
    app.state.store_name = store_name
    app.state.screening = Screening(settings)
    app.state.graphs = graphs
    app.state.max_upload_bytes = max_upload_bytes

    error_pages = errors.ErrorPages()
    error_pages.render = pages.render
    errors.install(app, error_pages)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Added last, so outermost: every response gets the headers, 413s included.
    app.add_middleware(BodyLimit, upload_bytes=max_upload_bytes, body_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
