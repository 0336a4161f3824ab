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
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from distributed.diagnostics.plugin import WorkerPlugin

from .errors import ConfigError
from .ingest import iter_documents
from .ingest.registry import ReadOptions
from .models import Article, Event, IngestSummary, RawDocument, Skip
from .settings import Settings

if TYPE_CHECKING:
    from distributed import Client

    from .pipeline import Pipeline
    from .store import Store

TASK_SIZE = 8  # documents per Dask task: small enough to balance the workers, big enough for nlp.pipe
Coded = tuple[Article, str, list[Event], list[Any]]  # article, encoding, events, quotes
_PIPELINES: dict[tuple[str | None, int], Pipeline] = {}


def worker_pipeline(model: str | None, batch_size: int) -> Pipeline:
    """The Pipeline of this process for ``model``, loaded on first use and then reused."""
    key = (model, batch_size)
    if key not in _PIPELINES:
        from .pipeline import Pipeline

        _PIPELINES[key] = Pipeline(model, batch_size, n_process=1)
    return _PIPELINES[key]


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model on every worker when it starts (and when a dead one is restarted)."""

    name = "detente-model"

    def __init__(self, model: str | None, batch_size: int) -> None:
        self.model = model
        self.batch_size = batch_size

    def setup(self, worker: object) -> None:
        worker_pipeline(self.model, self.batch_size)


def code_batch(raws: Sequence[RawDocument], model: str | None, batch_size: int) -> list[Coded | Skip]:
    """Decode, extract, parse and code ``raws`` (on a worker). One result per document, in order."""
    from .pipeline import Prepared, prepare

    pipe = worker_pipeline(model, batch_size)
    prepared = [prepare(raw) for raw in raws]
    fresh = [p for p in prepared if isinstance(p, Prepared)]
    coded: dict[int, Coded] = {}
    for p, events, quotes in pipe.analyse_stream((p.article, p.raw.unit_id, p) for p in fresh):
        coded[id(p)] = (p.article, p.encoding, events, list(quotes))
    return [p if isinstance(p, Skip) else coded[id(p)] for p in prepared]


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
    with (
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


def _failure(raws: Sequence[RawDocument], exc: BaseException) -> list[Coded | Skip]:
    detail = f"{type(exc).__name__}: {exc}"
    return [Skip(r.path, "coding failed on a Dask worker", detail, r.content_hash) for r in raws]


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
    from distributed import as_completed

    from .runner import _chunks, _Writer, finish_ingest

    client.register_plugin(ModelPlugin(settings.model, settings.batch_size))
    summary = IngestSummary()
    run_id = uuid.uuid4().hex
    store.start_run(run_id, "ingest " + " ".join(paths))
    writer = _Writer(store, run_id, settings.batch_size, summary, on_document, progress_file)
    limit = 4 * max(1, sum(client.nthreads().values()))  # tasks in flight: keep every worker fed
    done = as_completed()
    tasks: dict[str, list[RawDocument]] = {}
    queue: list[RawDocument] = []

    def submit() -> None:
        nonlocal queue
        if queue:
            key = f"detente-code-{run_id[:8]}-{len(tasks)}-{uuid.uuid4().hex[:8]}"
            model, size = settings.model, settings.batch_size
            done.add(client.submit(code_batch, queue, model, size, key=key, pure=False))
            tasks[key] = queue
            queue = []
        while len(tasks) >= limit or (tasks and not queue and done.has_ready()):
            finish_one()

    def finish_one() -> None:
        future = next(done)
        raws = tasks.pop(future.key)
        try:
            results = future.result()
        except Exception as exc:  # noqa: BLE001 - a batch that keeps killing workers, or a task error
            results = _failure(raws, exc)
        future.release()
        for raw, res in zip(raws, results, strict=True):
            if isinstance(res, Skip):
                writer.skip(res)
                copies = writer.parsing.pop(raw.content_hash, [])
                if copies:  # a local run extracts each copy of skipped content on its own: so do we
                    writer.parsing[raw.content_hash] = copies[1:]
                    queue.append(copies[0])
            else:
                article, encoding, events, quotes = res
                writer.add((raw, article, encoding, events), True, quotes)

    own_files = [store.path, store.path + ".wal"]
    options = options or ReadOptions(max_bytes=settings.max_bytes)
    documents = iter_documents(paths, settings.max_bytes, exclude=own_files, options=options)
    for chunk in _chunks(documents, settings.batch_size):
        for doc in writer.new_documents(chunk):
            writer.parsing[doc.content_hash] = []
            queue.append(doc)
            if len(queue) >= task_size:
                submit()
    while queue or tasks:
        submit()
        if tasks:
            finish_one()
    return finish_ingest(store, writer, summary, run_id)


@dataclass
class Throughput:
    """One measured distributed run: what was stored, wall time, CPU time of workers and driver."""

    workers: int
    documents: int
    words: int
    seconds: float
    worker_cpu: float
    driver_cpu: float
    load: float  # the machine's 1-minute load average when the run started

    @property
    def articles_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _cpu() -> float:
    return time.process_time()


def measure(paths: Sequence[str], workers: int, settings: Settings | None = None) -> Throughput:
    """Ingest ``paths`` into a fresh in-memory store on a LocalCluster of ``workers`` processes.

    The clock starts once every worker has loaded the model (cluster start-up is not counted)
    and stops when the last batch is written and the run is recorded.
    """
    import os

    from .store import Store

    settings = settings or Settings()
    with connect(workers=workers) as client, Store(":memory:") as store:
        client.register_plugin(ModelPlugin(settings.model, settings.batch_size))
        load = os.getloadavg()[0]
        cpu0 = client.run(_cpu)
        driver0, start = time.process_time(), time.perf_counter()
        summary = ingest_dask(paths, store, settings, client=client)
        seconds, driver = time.perf_counter() - start, time.process_time() - driver0
        cpu1 = client.run(_cpu)
        row = store.con.execute(
            "SELECT coalesce(sum(length(body) - length(replace(body, ' ', '')) + 1), 0) FROM articles"
        ).fetchone()
    worker_cpu = sum(cpu1[w] - cpu0.get(w, 0.0) for w in cpu1)
    return Throughput(workers, summary.stored, int(row[0]) if row else 0, seconds, worker_cpu, driver, load)
