"""The same pipeline on a Dask cluster (dask.distributed).

The driver (the process running ``detente ingest --workers N`` or ``--dask ADDRESS``) walks the
inputs with the same readers as a local run, drops content the store already has, and ships
tasks of ``TASK_SIZE`` ``RawDocument`` (the bytes travel, so workers need no shared disk) to the
workers. Each worker loads the spaCy model once (``ModelPlugin``; ``worker_pipeline`` caches it
per process), decodes, extracts, parses and codes its documents, and returns plain records: per
document a ``Skip`` or ``(article, encoding, events, quotes)``. The driver is the single store
writer: results go through the local run's writer (:mod:`detente.runner`) in whatever order tasks
finish, in atomic batches keyed by content hash, with deterministic event ids. So the store ends
up with the same rows as a local run, and a task that Dask runs again (its worker died) cannot
double anything. See docs/distributed.md.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from distributed.diagnostics.plugin import WorkerPlugin

from .errors import ConfigError
from .ingest import iter_documents
from .ingest.registry import ReadOptions
from .models import IngestSummary, RawDocument, Skip
from .settings import Settings
from .workpool import Result, code_batch, drive, warm_up, worker_pipeline

__all__ = ["TASK_SIZE", "ModelPlugin", "code_batch", "connect", "ingest_dask", "measure", "worker_pipeline"]

if TYPE_CHECKING:
    from distributed import Client

    from .store import Store

TASK_SIZE = 8  # documents per Dask task: small enough to balance the workers, big enough for nlp.pipe
# Dask settings for our LocalCluster (docs/distributed.md, "Throughput"):
# - Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also turns off glibc's
#   adaptive mmap threshold: spaCy's large temporary arrays are then mmap'ed and unmapped every
#   time, about 12 ms of system CPU per BBC article (13 %). None leaves glibc's defaults.
# - the statistical profiler samples every worker thread's stack every 10 ms; nobody reads it here.
# - housekeeping timers: every server (scheduler, nannies, workers) measures its event loop's
#   latency every 20 ms, nannies and workers read the worker's memory every 100 ms, and scheduler
#   and workers sample the system every 500 ms. Idle, that is about 55 ms of CPU per second in
#   the driver (it runs the scheduler and the nannies) and 23 ms per second in each worker; with
#   these values 8 ms and 3 ms. Memory limits are then enforced within a second instead of 0.1 s.
WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model and the coder's data on every worker when it starts (and when a dead
    one is restarted), so the first tasks do not pay for it."""

    name = "detente-model"

    def __init__(self, model: str | None, batch_size: int) -> None:
        self.model = model
        self.batch_size = batch_size

    def setup(self, worker: object) -> None:
        warm_up(worker_pipeline(self.model, self.batch_size))


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A Dask client: to the scheduler at ``scheduler``, or to a new LocalCluster of ``workers``
    processes with one thread each (spaCy holds the GIL while parsing)."""
    from distributed import Client, LocalCluster

    if (workers is None) == (scheduler is None):
        raise ConfigError("give either a number of workers or a Dask scheduler address, not both")
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    import dask

    # the nannies run in this process and put their pre-spawn variables into os.environ: undo that
    keys = [*dask.config.get("distributed.nanny.pre-spawn-environ", {}), "PYTHONHASHSEED"]
    saved = {key: os.environ.get(key) for key in keys}
    try:
        with (
            dask.config.set(WORKER_CONFIG),
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _failure(raws: Sequence[RawDocument], exc: BaseException) -> Result:
    detail = f"{type(exc).__name__}: {exc}"
    return [Skip(r.path, "coding failed on a Dask worker", detail, r.content_hash) for r in raws]


class _DaskTasks:
    """:class:`detente.workpool.Tasks` on a Dask client: :func:`code_batch` on the workers."""

    def __init__(self, client: Client, settings: Settings, run_id: str) -> None:
        from distributed import as_completed

        self.client = client
        self.model, self.batch_size = settings.model, settings.batch_size
        self.prefix = f"detente-code-{run_id[:8]}"
        self.done = as_completed()
        self.count = 0

    def submit(self, raws: list[RawDocument]) -> Hashable:
        self.count += 1
        key = f"{self.prefix}-{self.count}-{uuid.uuid4().hex[:8]}"
        future = self.client.submit(code_batch, raws, self.model, self.batch_size, key=key, pure=False)
        self.done.add(future)
        return key

    def has_ready(self) -> bool:
        return bool(self.done.has_ready())

    def next_done(self) -> tuple[Hashable, Result | BaseException]:
        future = next(self.done)
        try:
            results: Result | BaseException = future.result()
        except Exception as exc:  # noqa: BLE001 - a batch that keeps killing workers, or a task error
            results = exc
        future.release()
        return future.key, results


def ingest_dask(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Client | None = None,
    options: ReadOptions | None = None,
    on_document: Callable[[str], None] | None = None,
    progress_file: str | None = None,
    task_size: int = TASK_SIZE,
) -> IngestSummary:
    """Ingest ``paths`` into ``store`` with the coding done on Dask workers.

    Give one of ``workers`` (a LocalCluster of that many processes), ``scheduler`` (the address
    of a running Dask scheduler) or ``client`` (an open ``distributed.Client``). The store gets
    the same rows as :func:`detente.pipeline.ingest`: results go through the same writer
    (batches of ``settings.batch_size`` documents, one transaction each, duplicates settled in
    input order), only the extracting, parsing and coding run elsewhere.
    """
    settings = settings or Settings()
    if client is None:
        with connect(workers, scheduler) as own:
            return ingest_dask(
                paths,
                store,
                settings,
                client=own,
                options=options,
                on_document=on_document,
                progress_file=progress_file,
                task_size=task_size,
            )
    from .runner import _Writer, finish_ingest

    client.register_plugin(ModelPlugin(settings.model, settings.batch_size))
    summary = IngestSummary()
    run_id = uuid.uuid4().hex
    store.start_run(run_id, "ingest " + " ".join(paths))
    writer = _Writer(store, run_id, settings.batch_size, summary, on_document, progress_file)
    limit = 4 * max(1, sum(client.nthreads().values()))  # tasks in flight: keep every worker fed
    own_files = [store.path, store.path + ".wal"]
    options = options or ReadOptions(max_bytes=settings.max_bytes)
    documents = iter_documents(paths, settings.max_bytes, exclude=own_files, options=options)
    tasks = _DaskTasks(client, settings, run_id)
    drive(documents, writer, tasks, task_size, limit, on_failure=_failure)
    return finish_ingest(store, writer, summary, run_id)


@dataclass
class Throughput:
    """One measured distributed run: what was stored, wall time, CPU time of workers and driver."""

    workers: int
    documents: int
    words: int
    seconds: float
    worker_cpu: float  # CPU seconds of all worker processes inside the clock
    driver_cpu: float  # CPU seconds of this process (reading, store writes, scheduler, nannies)
    load: float  # the machine's 1-minute load average when the run started
    busiest_worker_cpu: float = 0.0
    cores: int = 1
    skipped: int = 0  # a run with skips (a task that failed on every try) is not comparable
    other_cpu: float = 0.0  # CPU seconds of every other process on the machine inside the clock

    @property
    def articles_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def cpu_bound_seconds(self) -> float:
        """The wall time the measured CPU needs on ``cores`` cores that nothing else uses: the
        busiest worker's CPU, or all the CPU spread over the cores, whichever is longer. An
        estimate that other load on the machine hardly moves (it slows CPU time a little only),
        not a measurement."""
        spread = (self.worker_cpu + self.driver_cpu) / max(1, min(self.cores, self.workers + 1))
        return max(self.busiest_worker_cpu, spread)

    @property
    def cpu_bound_articles_per_s(self) -> float:
        s = self.cpu_bound_seconds
        return self.documents / s if s else 0.0


def _cpu() -> float:
    return time.process_time()


def _busy(times: Any) -> float:
    """Busy CPU seconds of the whole machine in ``psutil.cpu_times()``."""
    return (
        float(sum(times))
        - times.idle
        - getattr(times, "iowait", 0.0)
        - getattr(times, "guest", 0.0)
        - getattr(times, "guest_nice", 0.0)
    )


def measure(
    paths: Sequence[str], workers: int, settings: Settings | None = None, task_size: int = TASK_SIZE
) -> Throughput:
    """Ingest ``paths`` into a fresh in-memory store on a LocalCluster of ``workers`` processes.

    The clock starts once every worker has loaded the model and the coder's data
    (:class:`ModelPlugin`; cluster start-up is not counted) and stops when the last batch is
    written and the run is recorded (stories linked). Inside it: reading the inputs, shipping
    them, extracting, parsing and coding on the workers, and the store writes in this process.
    CPU time is counted per process (``time.process_time``: every thread of a worker, and of this
    process, which also runs the scheduler and the nannies of a LocalCluster); ``other_cpu`` is
    the machine's busy CPU time (``psutil.cpu_times``) less those: the load of other processes
    that competed with the run for the cores.
    """
    import psutil

    from .store import Store

    settings = settings or Settings()
    with connect(workers=workers) as client, Store(":memory:") as store:
        client.register_plugin(ModelPlugin(settings.model, settings.batch_size))
        load = os.getloadavg()[0]
        cpu0 = client.run(_cpu)
        busy0 = _busy(psutil.cpu_times())
        driver0, start = time.process_time(), time.perf_counter()
        summary = ingest_dask(paths, store, settings, client=client, task_size=task_size)
        seconds, driver = time.perf_counter() - start, time.process_time() - driver0
        busy = _busy(psutil.cpu_times()) - busy0
        cpu1 = client.run(_cpu)
        row = store.con.execute(
            "SELECT coalesce(sum(length(body) - length(replace(body, ' ', '')) + 1), 0) FROM articles"
        ).fetchone()
    per_worker = [cpu1[w] - cpu0.get(w, 0.0) for w in cpu1]
    words = int(row[0]) if row else 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return Throughput(
        workers,
        summary.stored,
        words,
        seconds,
        sum(per_worker),
        driver,
        load,
        max(per_worker),
        cores,
        summary.skipped,
        max(0.0, busy - sum(per_worker) - driver),
    )
