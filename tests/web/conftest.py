"""A small store built from `corpus.py` through the real pipeline, and real uvicorn servers on
loopback over it (one per configuration: read-only, with a token, with a tiny upload limit)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from footprint.designations.userlists import import_list
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store
from footprint.web.app import create_app
from tests.web.corpus import write_inputs

TOKEN = "test-token-for-the-web-suite-0123456789"


@dataclass(frozen=True)
class Served:
    url: str
    settings: Settings

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)


@contextlib.contextmanager
def live_server(settings: Settings, token: str | None = None, **options: int) -> Iterator[str]:
    """The app on a real uvicorn server on 127.0.0.1 (a port the system picks), in a thread;
    yields its base URL and stops it after."""
    app = create_app(settings, token, **options)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def build_store(folder: Path, target: str) -> Settings:
    """The corpus and watchlist ingested into `target`, with the lists in `folder`."""
    reports, watchlist = write_inputs(folder / "inputs")
    settings = Settings(db=target, lists_dir=folder / "lists", cache_dir=Settings(db="").cache_dir)
    import_list(watchlist, settings.lists_dir)
    store = open_store(target)
    try:
        report = ingest_corpus([reports], settings, store)
    finally:
        store.close()
    assert len(report.stored) == 4 and not report.rejected, report
    return settings


@pytest.fixture(scope="session")
def web_settings(tmp_path_factory, shared_db_target) -> Settings:
    folder = tmp_path_factory.mktemp("web")
    return build_store(folder, shared_db_target(folder / "fp.db"))


@pytest.fixture(scope="session")
def reader(web_settings) -> Iterator[Served]:
    """A read-only server (no token) over the shared test store."""
    with live_server(web_settings) as url:
        yield Served(url, web_settings)


@pytest.fixture(scope="module")
def writable(tmp_path_factory, shared_db_target) -> Iterator[Served]:
    """A server with a token over a store of its own (writes change it), one per module."""
    folder = tmp_path_factory.mktemp("web-writes")
    settings = build_store(folder, shared_db_target(folder / "w.db"))
    with live_server(settings, TOKEN) as url:
        yield Served(url, settings)
