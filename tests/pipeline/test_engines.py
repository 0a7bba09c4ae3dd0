"""Engines: the same store whichever engine did the work; batches bounded and kept in order;
clear errors for options that cannot work."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.errors import FootprintError
from footprint.model import Document, Rejected
from footprint.pipeline.corpus import ingest_corpus
from footprint.pipeline.engines import (
    IN_FLIGHT_PER_WORKER,
    WORKER_BATCH,
    LocalEngine,
    ProcessEngine,
    choose_engine,
    ordered_results,
)
from footprint.settings import Settings
from footprint.store import open_store
from tests.conftest import CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def local_store(tmp_path_factory, shared_db_target):
    """The example corpus ingested in this process: what every other engine must match."""
    target = shared_db_target(tmp_path_factory.mktemp("local") / "a.db")
    store = open_store(target)
    report = ingest_corpus([CORPUS], Settings(db=target), store, engine="local")
    assert len(report.stored) == 10 and not report.rejected
    yield store
    store.close()


def test_dask_engine_stores_the_same_as_local(local_store, dask_scheduler, db_target):
    from footprint.pipeline.cluster import DaskEngine

    settings = Settings(db=db_target())
    store = open_store(settings.db)
    engine = DaskEngine(settings, scheduler=dask_scheduler)
    report = ingest_corpus([CORPUS], settings, store, engine=engine)
    assert engine.slots == 2
    assert len(report.stored) == 10 and not report.rejected
    assert report.resolution is not None
    assert store.dump() == local_store.dump()
    store.close()


def test_cli_ingest_on_a_dask_scheduler(local_store, dask_scheduler, db_target):
    db = db_target()
    args = ["ingest", str(CORPUS), "--engine", "dask", "--scheduler", dask_scheduler]
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "10 document(s) stored" in result.output
    store = open_store(db)
    assert store.dump() == local_store.dump()
    store.close()


# -- options that cannot work --------------------------------------------------------------------


def _ingest(tmp_path, *options):
    return runner.invoke(app, ["ingest", str(CORPUS), "--db", str(tmp_path / "x.db"), *options])


def test_a_scheduler_without_the_dask_engine_is_refused(tmp_path):
    for options in (["--scheduler", "tcp://127.0.0.1:8786"],
                    ["--engine", "processes", "--scheduler", "tcp://127.0.0.1:8786"]):
        result = _ingest(tmp_path, *options)
        assert result.exit_code == 2, result.output
        assert "needs --engine dask" in result.output and "Traceback" not in result.output


def test_the_local_engine_with_several_workers_is_refused(tmp_path):
    result = _ingest(tmp_path, "--engine", "local", "--workers", "2")
    assert result.exit_code == 2 and "--engine processes" in result.output


def test_an_unknown_engine_is_refused(tmp_path):
    result = _ingest(tmp_path, "--engine", "ray")
    assert result.exit_code == 2 and "ray" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_scheduler_is_named_with_the_reason(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import footprint.pipeline.cluster as cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 0.5)
    address = f"tcp://127.0.0.1:{_free_port()}"
    result = _ingest(tmp_path, "--engine", "dask", "--scheduler", address)
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert f"cannot reach the Dask scheduler at {address}" in text and "Timed out" in text
    assert "Traceback" not in result.output


def test_a_malformed_scheduler_address_is_named():
    pytest.importorskip("distributed")
    from footprint.pipeline.cluster import DaskEngine

    engine = DaskEngine(Settings(db="unused.db"), scheduler="localhost:8786")
    with pytest.raises(FootprintError, match="not a Dask scheduler address"), engine:
        pass


def test_choose_engine_by_default_follows_workers():
    settings = Settings(db="unused.db")
    assert isinstance(choose_engine(None, settings), LocalEngine)
    assert isinstance(choose_engine(None, settings, workers=3), ProcessEngine)
    assert isinstance(choose_engine("processes", settings, workers=2), ProcessEngine)


# -- batches in flight -----------------------------------------------------------------------------


def _documents(n: int) -> list[Document]:
    return [Document(id=f"d{i}", text=f"text {i}", path=f"d{i}.txt") for i in range(n)]


class _Pool:
    """Runs batches on threads, later batches faster (so they finish first), and counts how
    many were in flight at once."""

    def __init__(self, fail_batch: int | None = None) -> None:
        self.executor = ThreadPoolExecutor(max_workers=8)
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most = 0
        self.submitted = 0
        self.fail_batch = fail_batch

    def submit(self, batch: list[Document]) -> Future:
        with self.lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
            number = self.submitted
            self.submitted += 1

        def work() -> list:
            time.sleep(0.02 / (1 + number))
            if number == self.fail_batch:
                raise MemoryError("worker killed")
            return [f"result of {d.id}" for d in batch]

        future = self.executor.submit(work)
        future.add_done_callback(lambda _: self._done())
        return future

    def _done(self) -> None:
        with self.lock:
            self.in_flight -= 1


def test_results_come_back_in_order_with_bounded_batches_in_flight():
    pool = _Pool()
    docs = _documents(WORKER_BATCH * 12 + 5)
    results = list(ordered_results(docs, pool.submit, workers=2))
    assert results == [f"result of {d.id}" for d in docs]
    assert pool.submitted == 13
    assert pool.most <= IN_FLIGHT_PER_WORKER * 2


def test_a_failed_batch_becomes_one_rejection_per_document():
    pool = _Pool(fail_batch=1)
    docs = _documents(WORKER_BATCH * 3)
    results = list(ordered_results(docs, pool.submit, workers=1))
    failed = results[WORKER_BATCH : 2 * WORKER_BATCH]
    assert all(isinstance(r, Rejected) and "worker failed (MemoryError" in r.reason for r in failed)
    assert [r.source for r in failed] == [d.path for d in docs[WORKER_BATCH : 2 * WORKER_BATCH]]
    assert results[-1] == f"result of {docs[-1].id}"


def test_stopping_early_cancels_the_batches_not_yet_collected():
    futures: list[Future] = []

    def submit(batch):
        future: Future = Future()
        if not futures:  # only the first batch ever finishes
            future.set_result(["done"] * len(batch))
        futures.append(future)
        return future

    results = ordered_results(_documents(WORKER_BATCH * 10), submit, workers=2)
    assert next(results) == "done"
    results.close()  # what a run does when the writer raises (Ctrl-C)
    assert len(futures) == IN_FLIGHT_PER_WORKER * 2
    assert all(f.cancelled() for f in futures[1:])
