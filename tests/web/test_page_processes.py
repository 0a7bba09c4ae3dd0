"""`serve --page-processes N`: the actor, event and document pages rendered in processes of
their own give the very pages the reader threads give, errors included; a page process that
dies is replaced, not at once and not per request."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor

import pytest

from footprint.store import StoreView
from footprint.web import stores
from footprint.web.errors import WebError
from footprint.web.stores import StoreProcesses
from tests.web.conftest import live_server


def _pid_and_documents(store: StoreView) -> tuple[int, int]:
    return os.getpid(), store.table_sizes()["documents"]


def _refuse(store: StoreView, what: str) -> None:
    raise WebError(404, f"no such {what}", "what")


def _die(store: StoreView) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _collector(store: StoreView) -> tuple[tuple[int, ...], int]:
    import gc

    return gc.get_threshold(), gc.get_freeze_count()


def test_page_processes_set_what_they_loaded_aside_from_the_collector(web_settings):
    processes = StoreProcesses(str(web_settings.db), 1)
    try:
        threshold, frozen = asyncio.run(processes.run(_collector))
    finally:
        processes.close()
    assert threshold == stores.PAGE_GC_THRESHOLD and frozen > 0


def test_jobs_run_in_other_processes_each_with_a_store(web_settings, monkeypatch):
    monkeypatch.setattr(stores, "RESTART_WAIT_S", 0.5)
    processes = StoreProcesses(str(web_settings.db), 2)

    async def scenario() -> None:
        pid, documents = await processes.run(_pid_and_documents)
        assert pid != os.getpid() and documents == 4
        with pytest.raises(WebError) as refused:
            await processes.run(_refuse, "actor")
        assert (refused.value.status, refused.value.message, refused.value.field) == (
            404, "no such actor", "what")
        with pytest.raises(WebError) as stopped:
            await processes.run(_die)
        assert stopped.value.status == 503
        with pytest.raises(WebError) as waiting:  # no new processes straight away
            await processes.run(_pid_and_documents)
        assert waiting.value.status == 503
        await asyncio.sleep(0.6)
        again, _ = await processes.run(_pid_and_documents)  # new processes, same answers
        assert again != pid

    try:
        asyncio.run(scenario())
    finally:
        processes.close()
    with pytest.raises(WebError) as closed:  # a closed pool starts nothing
        asyncio.run(processes.run(_pid_and_documents))
    assert closed.value.status == 503


def test_a_store_the_processes_cannot_open_is_503_without_a_process_per_request(
    tmp_path, monkeypatch
):
    started = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(stores, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(stores, "RESTART_WAIT_S", 600.0)
    processes = StoreProcesses(str(tmp_path / "missing.db"), 1)

    async def scenario() -> list[int]:
        statuses = []
        for _ in range(5):
            with pytest.raises(WebError) as failed:
                await processes.run(_pid_and_documents)
            statuses.append(failed.value.status)
        return statuses

    try:
        assert asyncio.run(scenario()) == [503] * 5
    finally:
        processes.close()
    assert len(started) == 1  # the later requests waited instead of starting processes


def test_pages_from_page_processes_are_the_reader_threads_pages(reader, web_settings):
    with reader.client() as threads:
        people = threads.get("/api/actors", params={"q": "Rahman"}).json()["actors"]
        nadia = next(a["id"] for a in people if a["name"] == "Nadia Rahman")
        event = threads.get("/api/events").json()["events"][0]["events"][0]
        paths = [
            f"/actors/{nadia}",
            f"/actors/{nadia}?type=rally&since=2024-01-01",
            f"/events/{event}",
            "/documents/karachi-rally",
            "/actors/ent-nope",
            "/events/evt-nope",
        ]
        expected = {p: threads.get(p) for p in paths}
    before = {p.pid for p in multiprocessing.active_children()}
    with live_server(web_settings, page_processes=2) as url, reader.client() as plain:
        plain.base_url = url
        for path in paths:
            r = plain.get(path)
            assert (r.status_code, r.text) == (
                expected[path].status_code, expected[path].text), path
        assert plain.get(f"/actors/{nadia}", params={"since": "May"}).status_code == 422
        # the pages came from processes the server started for them
        assert {p.pid for p in multiprocessing.active_children()} - before
