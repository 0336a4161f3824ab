"""The same pipeline on a Dask cluster (dask.distributed).

The driver (the process running ``detente ingest --workers N`` or ``--dask ADDRESS``) walks the
inputs, reads each document's bytes and ships batches of ``RawDocument`` to the workers. Each
worker loads the spaCy model once (``ModelPlugin``; ``worker_pipeline`` caches it per process),
decodes, extracts, parses and codes its batch, and returns plain records: per document either a
``Skip`` or ``(article, encoding, events, quotes)``. The driver is the single store writer: it
writes each finished batch in one transaction, in whatever order batches finish. Writes are
keyed by content hash and event ids are deterministic, so the store ends up identical to a local
run, and a batch that Dask reruns (its worker died) cannot double anything.

Duplicates are settled on the driver in input order, exactly as a local run does: the first path
of a content is the one coded; later paths of the same content are recorded once the first one is
stored (or skipped with the first one's reason).
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
from .models import Article, Event, IngestSummary, RawDocument, Skip
from .settings import Settings

if TYPE_CHECKING:
    from distributed import Client

    from .pipeline import Pipeline
    from .store import Store

TASK_SIZE = 8  # documents per Dask task: small enough to balance two workers, large enough for nlp.pipe
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
    analysed = iter(pipe.analyse_articles([(p.article, p.raw.unit_id) for p in fresh]))
    out: list[Coded | Skip] = []
    for p in prepared:
        if isinstance(p, Skip):
            out.append(p)
        else:
            events, quotes = next(analysed)
            out.append((p.article, p.encoding, events, list(quotes)))
    return out


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
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


class _Driver:
    """Bookkeeping of one distributed run: in-flight batches, deferred duplicates, the summary."""

    def __init__(self, store: Store, run_id: str, on_document: Callable[[str], None] | None) -> None:
        self.store = store
        self.run_id = run_id
        self.on_document = on_document
        self.summary = IngestSummary()
        self.in_flight: dict[str, int] = {}  # content hash -> batches carrying it (0 or 1)
        self.failed: dict[str, Skip] = {}  # content hash -> why its first path was skipped
        self.deferred: list[RawDocument] = []  # later paths of content still in flight

    def write(self, raws: Sequence[RawDocument], results: Sequence[Coded | Skip], skips: list[Skip]) -> None:
        """Write one finished batch (plus ready duplicates and read skips) in one transaction."""
        items: list[tuple[RawDocument, Article, str, list[Event]]] = []
        quotes: dict[str, list[Any]] = {}
        for raw, res in zip(raws, results, strict=True):
            self.in_flight.pop(raw.content_hash, None)
            if isinstance(res, Skip):
                skips.append(res)
                self.failed[raw.content_hash] = res
            else:
                article, encoding, events, doc_quotes = res
                items.append((raw, article, encoding, events))
                if doc_quotes:
                    quotes[raw.content_hash] = doc_quotes
        fresh = len(items)
        ready = [d for d in self.deferred if d.content_hash not in self.in_flight]
        self.deferred = [d for d in self.deferred if d.content_hash in self.in_flight]
        dupes: list[RawDocument] = []
        for dup in ready:
            first = self.failed.get(dup.content_hash)
            if first is None:
                dupes.append(dup)
            else:
                skips.append(Skip(dup.path, first.reason, first.detail, dup.content_hash))
        items += [(d, Article(title="", body=""), "", []) for d in dupes]
        if not items and not skips:
            return
        stored, n_events = self.store.write_batch(items, skips, self.run_id, quotes=quotes)
        s = self.summary
        s.stored += stored
        s.duplicates += len(dupes) + (fresh - stored)
        s.events += n_events
        s.skipped += len(skips)
        s.skips.extend(skips)
        if self.on_document:
            for path in [r.path for r in raws] + [d.path for d in dupes]:
                self.on_document(path)
            for skip in skips:
                self.on_document(skip.path)


def ingest_dask(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Client | None = None,
    task_size: int = TASK_SIZE,
    on_document: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``store`` with the coding done on Dask workers.

    Give one of ``workers`` (a LocalCluster of that many processes), ``scheduler`` (the address
    of a running Dask scheduler) or ``client`` (an open ``distributed.Client``). The store gets
    the same rows as :func:`detente.pipeline.ingest` would write.
    """
    settings = settings or Settings()
    if client is None:
        with connect(workers, scheduler) as own:
            return ingest_dask(
                paths, store, settings, client=own, task_size=task_size, on_document=on_document
            )
    from distributed import as_completed

    client.register_plugin(ModelPlugin(settings.model, settings.batch_size))
    run_id = uuid.uuid4().hex
    store.start_run(run_id, "ingest --dask " + " ".join(paths))
    driver = _Driver(store, run_id, on_document)
    limit = 2 * max(1, sum(client.nthreads().values()))  # batches in flight: keep every worker fed
    done = as_completed()
    batches: dict[str, list[RawDocument]] = {}

    def finish_one() -> None:
        future = next(done)
        raws = batches.pop(future.key)
        try:
            results = future.result()
        except Exception as exc:  # noqa: BLE001 - a batch that keeps killing workers, or any task error
            detail = f"{type(exc).__name__}: {exc}"
            results = [Skip(r.path, "coding failed on a Dask worker", detail, r.content_hash) for r in raws]
        driver.write(raws, results, [])
        future.release()

    own_files = [store.path, store.path + ".wal"]
    documents = iter_documents(paths, settings.max_bytes, exclude=own_files)
    for n, chunk in enumerate(_chunks(documents, task_size)):
        driver.summary.seen += len(chunk)
        read_skips = [c for c in chunk if isinstance(c, Skip)]
        raws = [c for c in chunk if isinstance(c, RawDocument)]
        known = store.known(r.content_hash for r in raws if r.content_hash not in driver.in_flight)
        fresh: list[RawDocument] = []
        dupes: list[RawDocument] = []
        for raw in raws:
            if raw.content_hash in driver.in_flight:
                driver.deferred.append(raw)
            elif raw.content_hash in known:
                dupes.append(raw)
            else:
                fresh.append(raw)
                driver.in_flight[raw.content_hash] = 1
        if dupes or read_skips:  # nothing to code: record them now
            driver.deferred.extend(dupes)
            driver.write([], [], read_skips)
        if fresh:
            key = f"detente-code-{run_id[:8]}-{n}"
            future = client.submit(
                code_batch, fresh, settings.model, settings.batch_size, key=key, pure=False
            )
            batches[key] = fresh
            done.add(future)
            while len(batches) >= limit:
                finish_one()
    while batches:
        finish_one()
    driver.write([], [], [])  # the last deferred duplicates
    s = driver.summary
    store.finish_run(run_id, s.seen, s.stored, s.duplicates, s.skipped, s.events)
    return s


def _chunks(items: Iterator[RawDocument | Skip], size: int) -> Iterator[list[RawDocument | Skip]]:
    chunk: list[RawDocument | Skip] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass
class Throughput:
    """One measured distributed run."""

    workers: int
    documents: int
    words: int
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def measure(paths: Sequence[str], workers: int, settings: Settings | None = None) -> Throughput:
    """Ingest ``paths`` into a fresh in-memory store on a LocalCluster of ``workers`` processes.

    The clock starts once every worker has loaded the model (cluster start-up is not counted)
    and stops when the last batch is written.
    """
    from .store import Store

    settings = settings or Settings()
    with connect(workers=workers) as client, Store(":memory:") as store:
        client.register_plugin(ModelPlugin(settings.model, settings.batch_size))
        start = time.perf_counter()
        summary = ingest_dask(paths, store, settings, client=client)
        seconds = time.perf_counter() - start
        row = store.con.execute(
            "SELECT coalesce(sum(length(body) - length(replace(body, ' ', '')) + 1), 0) FROM articles"
        ).fetchone()
    return Throughput(workers, summary.stored, int(row[0]) if row else 0, seconds)
