"""The Dask engine: the NLP work on a Dask cluster, one `Processor` per worker.

Dask (`dask.distributed`) is the supported cluster engine: it installs from PyPI as pure Python
(`pip install 'footprint[cluster]'`), needs no daemon or service of its own, starts a
`LocalCluster` of worker processes on a laptop with no set-up, and drives a real cluster (a
`dask scheduler` and `dask worker`s on other machines) through the same `Client` API, so one
code path serves both. Its dashboard is optional (install `bokeh` and run your own scheduler).
Ray could do the same work but is a heavier, platform-specific install with its own runtime to
run; footprint neither needs nor supports it.

Without an address the engine starts a `LocalCluster` of `workers` processes, one thread each,
for the run and stops it after. With `scheduler="tcp://host:8786"` it connects to a running
cluster and leaves it running; start its workers with one thread each (`dask worker ADDRESS
--nthreads 1`): a spaCy pipeline is not made for concurrent use, so a worker runs one batch at
a time whatever its threads. Each worker builds its `Processor` from the run's `Settings` when
the engine starts, in a warm-up task (a per-run worker plugin holds it, and drops it when the
run ends), reading the model, the designation lists (`lists_dir`) and the gazetteer cache
(`cache_dir`) on its own machine: a remote worker needs the same model installed and the same
lists at that path.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from footprint.errors import FootprintError
from footprint.model import Document
from footprint.pipeline.engines import Result, Results, ordered_results
from footprint.pipeline.processor import Processor
from footprint.settings import Settings

try:
    from distributed import Client, LocalCluster, WorkerPlugin, get_worker
    from distributed.comm import parse_address, parse_host_port
except ImportError as error:  # the optional `cluster` extra is not installed
    raise FootprintError(
        f"the dask engine needs dask.distributed ({error}): pip install 'footprint[cluster]'"
    ) from None

log = logging.getLogger(__name__)

# Long enough for a scheduler across a network, short enough that a typo is soon reported.
CONNECT_TIMEOUT_S = 10.0


class ProcessorPlugin(WorkerPlugin):
    """One `Processor` per worker for one run. It is built by the first task that reaches the
    worker (the engine's warm-up task), in the task's thread: building it in `setup` would
    block the worker's event loop (and its heartbeats) for the seconds spaCy takes to load."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._processor: Processor | None = None
        self._lock: threading.Lock | None = None  # made on the worker: a lock does not pickle

    def setup(self, worker: Any) -> None:
        self._lock = threading.Lock()

    def teardown(self, worker: Any) -> None:
        self._processor = None

    def process(self, documents: list[Document]) -> list[Result]:
        assert self._lock is not None, "plugin not set up on this worker"
        with self._lock:  # one batch at a time, however many threads the worker has
            if self._processor is None:
                self._processor = Processor.from_settings(self.settings)
            return list(self._processor.process(documents))


def _warm_on_worker(plugin_name: str) -> bool:
    """Build the worker's `Processor` now, so the run's first batches do not wait for it."""
    plugin = get_worker().plugins[plugin_name]
    assert isinstance(plugin, ProcessorPlugin), f"{plugin_name} is not footprint's plugin"
    plugin.process([])
    return True


def _process_on_worker(documents: list[Document], plugin_name: str) -> list[Result]:
    plugin = get_worker().plugins[plugin_name]
    assert isinstance(plugin, ProcessorPlugin), f"{plugin_name} is not footprint's plugin"
    return plugin.process(documents)


def connect(address: str, timeout: float) -> Client:
    """A client of the scheduler at `address`; FootprintError naming it and why, if it cannot
    be reached."""
    try:
        # Checked first: a malformed address makes Client fail late and noisily at exit.
        scheme, location = parse_address(address, strict=True)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except ValueError as exc:
        raise FootprintError(f"{address!r} is not a Dask scheduler address ({exc})") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise FootprintError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


@contextlib.contextmanager
def _quiet_distributed() -> Iterator[None]:
    """The scheduler of a LocalCluster lives in this process and tells of every worker's start
    and stop at INFO: keep that off the user's terminal while the engine runs."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(level)


def start_local_cluster(workers: int) -> tuple[LocalCluster, Client]:
    """`workers` worker processes on this machine, one thread each, and a client of them."""
    # The scheduler serves HTTP whatever the dashboard setting: any free port, so that two
    # runs (or a user's own scheduler on 8787) do not collide. It shows a dashboard only
    # where bokeh is installed.
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    try:
        client = Client(cluster, set_as_default=False)
        client.wait_for_workers(workers)
    except BaseException:
        cluster.close()
        raise
    return cluster, client


class DaskEngine:
    """A `LocalCluster` of `workers` processes, or the cluster whose scheduler is at
    `scheduler` (then the cluster's own size decides how much is in flight)."""

    def __init__(
        self,
        settings: Settings,
        workers: int = 1,
        scheduler: str | None = None,
        connect_timeout: float | None = None,  # seconds; default CONNECT_TIMEOUT_S
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.settings = settings
        self.workers = workers
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout
        self.slots = 0  # worker threads, known once started
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        self._plugin = f"footprint-processor-{uuid.uuid4().hex}"
        self._registered = False
        self._quiet = contextlib.ExitStack()

    def __enter__(self) -> DaskEngine:
        self._quiet.enter_context(_quiet_distributed())
        try:
            if self.scheduler:
                self._client = connect(self.scheduler, self.connect_timeout or CONNECT_TIMEOUT_S)
            else:
                self._cluster, self._client = start_local_cluster(self.workers)
            self.slots = sum(self._client.nthreads().values())
            log.info("dask: %d worker thread(s), dashboard %s", self.slots, self.dashboard())
            if self.slots == 0:
                raise FootprintError(f"the Dask scheduler at {self.scheduler} has no workers")
            self._client.register_plugin(ProcessorPlugin(self.settings), name=self._plugin)
            self._registered = True
            # Every worker loads its model before the run starts (part of the engine's start,
            # as loading it is for the local engine): a worker still loading would otherwise
            # take batches it cannot start, while the others wait for their own model.
            self._client.gather(
                [
                    self._client.submit(
                        _warm_on_worker, self._plugin, workers=[address], pure=False
                    )
                    for address in self._client.nthreads()
                ]
            )
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            if self._registered and self._cluster is None:
                # A cluster that outlives the run should not keep this run's models in memory.
                with contextlib.suppress(Exception):
                    self._client.unregister_worker_plugin(self._plugin)
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
        self._registered = False
        self._quiet.close()

    def dashboard(self) -> str | None:
        """The dashboard's address where the scheduler has one (bokeh installed)."""
        return self._client.dashboard_link if self._client is not None else None

    def map(self, documents: Iterable[Document]) -> Results:
        client = self._client
        if client is None:
            raise RuntimeError("start the engine first (with engine: ...)")

        def submit(batch: list[Document]) -> Any:
            # pure=False: two identical batches are still two pieces of work to hand back.
            return client.submit(_process_on_worker, batch, self._plugin, pure=False)

        return ordered_results(documents, submit, self.slots)
