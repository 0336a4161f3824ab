"""Coding whole documents in worker processes, for the local pool and for Dask.

With ``detente ingest --n-process N`` (N > 1) the main process only reads the inputs, drops
content the store already has and writes the results; N worker processes, forked from the main
process after it has loaded the model (copy-on-write: the model is not loaded again), do all the
per-document work: decode, extract, parse (``nlp.pipe`` with one process), code events and find
quotes (:func:`code_with`). They send back compact records (the article, its events and quotes),
not spaCy ``Doc`` objects, so nothing like ``Doc.to_bytes`` (about 250 kB per BBC article with
the tensor) crosses between processes, and the coder no longer competes with the parser for
the main process. The Dask path (:mod:`detente.distributed`) runs the same :func:`code_batch` on
its workers and the same driver loop (:func:`drive`), so both settle skips and copies of one
content exactly as the single-process loop in :mod:`detente.runner` does.

Results reach the writer in the order tasks finish; event ids are deterministic and the writer
keys everything by content hash, so the store gets the same rows as a run with one process.
Workers ignore SIGINT (Ctrl-C reaches the whole process group: the main process stops, cancels
what has not started and rolls back the open batch) and exit by themselves when the main
process has gone (``kill -9``).
"""

from __future__ import annotations

import copy
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Protocol

from .errors import DetenteError
from .models import Article, Event, RawDocument, Skip

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .runner import _Writer

# article, encoding, events, quotes and the article's story signature (:func:`stories.signature`,
# computed where the article is coded, so that the single writer does not have to)
Coded = tuple[Article, str, list[Event], list[Any], bytes | None]
Result = list[Coded | Skip]
LOCAL_TASK_SIZE = 4  # documents per local task: small, so the workers finish together
WARM_UP = (
    "Iran's foreign minister met his Iraqi counterpart in Baghdad on Sunday.",
    "Officials met in Vancouver on Monday.",  # no state named: the city gazetteer is read
)
_PIPELINES: dict[tuple[str | None, int], Pipeline] = {}
_LOCAL: list[Pipeline] = []  # the pool worker's pipeline (set by _adopt in each forked worker)


def warm_up(pipe: Pipeline) -> None:
    """Load what the coder reads lazily (dictionaries, patterns, the gazetteer) now."""
    for text in WARM_UP:
        pipe.code_text(text)


def worker_pipeline(model: str | None, batch_size: int) -> Pipeline:
    """The Pipeline of this process for ``model``, loaded on first use and then reused."""
    key = (model, batch_size)
    if key not in _PIPELINES:
        from .pipeline import Pipeline

        _PIPELINES[key] = Pipeline(model, batch_size, n_process=1)
    return _PIPELINES[key]


def code_with(pipe: Pipeline, raws: Sequence[RawDocument]) -> Result:
    """Decode, extract, parse and code ``raws`` with ``pipe``. One result per document, in order:
    a ``Skip`` or ``(article, encoding, events, quotes, signature)``."""
    from .pipeline import Prepared, prepare
    from .stories import signature

    prepared = [prepare(raw) for raw in raws]
    fresh = [p for p in prepared if isinstance(p, Prepared)]
    coded: dict[int, Coded] = {}
    for p, events, quotes in pipe.analyse_stream((p.article, p.raw.unit_id, p) for p in fresh):
        coded[id(p)] = (p.article, p.encoding, events, list(quotes), signature(p.article.body))
    return [p if isinstance(p, Skip) else coded[id(p)] for p in prepared]


def code_batch(raws: Sequence[RawDocument], model: str | None, batch_size: int) -> Result:
    """:func:`code_with` the pipeline of this process for ``model`` (the Dask task)."""
    return code_with(worker_pipeline(model, batch_size), raws)


class Tasks(Protocol):
    """Where :func:`drive` sends its tasks: a local process pool or a Dask client."""

    def submit(self, raws: list[RawDocument]) -> Hashable:
        """Start coding ``raws``; return the task's key."""

    def next_done(self) -> tuple[Hashable, Result | BaseException]:
        """Wait for a task to finish: its key and its results (or the exception it raised)."""

    def has_ready(self) -> bool:
        """Whether a finished task is waiting to be collected."""


def drive(
    documents: Iterable[RawDocument | Skip],
    writer: _Writer,
    tasks: Tasks,
    task_size: int,
    in_flight: int,
    on_failure: Callable[[list[RawDocument], BaseException], Result] | None = None,
) -> None:
    """Send the documents the store lacks to ``tasks`` in groups of ``task_size``, at most
    ``in_flight`` tasks at a time, and hand the results to ``writer``.

    A task that raised becomes ``on_failure(raws, exc)`` (the Dask path records skips), or is
    raised again when ``on_failure`` is None. A document skipped by extraction has its copies (same
    content, other paths) extracted one by one, as the single-process loop does: the path can
    change how a page is read.

    The last tasks are smaller: ``task_size`` documents more than a task are read before one is
    sent, so when the input ends what has not been sent goes out in tasks that shrink towards
    one document. The workers then finish at nearly the same time instead of one of them
    coding a whole last task alone.
    """
    from .runner import _chunks

    pending: dict[Hashable, list[RawDocument]] = {}
    queue: list[RawDocument] = []
    hold = task_size  # read ahead: documents kept back so that the last tasks can be smaller

    def submit(final: bool) -> None:
        nonlocal queue
        while queue and (final or len(queue) >= task_size + hold):
            size = min(task_size, -(-len(queue) // in_flight)) if final else task_size
            raws, queue = queue[:size], queue[size:]
            pending[tasks.submit(raws)] = raws
            while len(pending) >= in_flight or (pending and not queue and tasks.has_ready()):
                finish_one()

    def finish_one() -> None:
        key, results = tasks.next_done()
        raws = pending.pop(key)
        if isinstance(results, BaseException):
            if on_failure is None:
                raise results
            results = on_failure(raws, results)
        for raw, res in zip(raws, results, strict=True):
            if isinstance(res, Skip):
                writer.skip(res)
                copies = writer.parsing.pop(raw.content_hash, [])
                if copies:  # the next copy is read on its own, the rest wait for its result
                    writer.parsing[raw.content_hash] = copies[1:]
                    queue.append(copies[0])
            else:
                article, encoding, events, quotes, *sig = res  # no signature: an older worker
                writer.add((raw, article, encoding, events), True, quotes, sig[0] if sig else ...)

    for chunk in _chunks(documents, writer.batch_size):
        for doc in writer.new_documents(chunk):
            writer.parsing[doc.content_hash] = []
            queue.append(doc)
            submit(final=False)
    while queue or pending:
        submit(final=True)
        if pending:
            finish_one()


def can_fork() -> bool:
    """True where worker processes can be forked (Linux, the BSDs; macOS's default is spawn, but
    fork is available there too)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)  # the main process has gone (kill -9): nothing is left to send results to


def _adopt(pipe: Pipeline, parent: int) -> None:
    """Pool worker start-up (in the forked process): use the inherited pipeline, leave Ctrl-C to
    the main process, and end with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _LOCAL.append(pipe)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _code_local(raws: list[RawDocument]) -> Result:
    return code_with(_LOCAL[0], raws)


class _Pool:
    """:class:`Tasks` on a ``ProcessPoolExecutor`` of forked workers."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self.running: dict[Future[Result], int] = {}
        self.finished: list[Future[Result]] = []
        self.count = 0

    def submit(self, raws: list[RawDocument]) -> Hashable:
        self.count += 1
        self.running[self.pool.submit(_code_local, raws)] = self.count
        return self.count

    def has_ready(self) -> bool:
        self.finished += [f for f in self.running if f.done() and f not in self.finished]
        return bool(self.finished)

    def next_done(self) -> tuple[Hashable, Result | BaseException]:
        if not self.has_ready():
            wait(self.running, return_when=FIRST_COMPLETED)
            self.has_ready()
        future = self.finished.pop(0)
        key = self.running.pop(future)
        exc = future.exception()
        return key, exc if exc is not None else future.result()


def code_in_pool(
    documents: Iterable[RawDocument | Skip],
    writer: _Writer,
    pipeline: Pipeline,
    workers: int,
    task_size: int = LOCAL_TASK_SIZE,
) -> None:
    """Code ``documents`` in ``workers`` forked processes that share ``pipeline``'s loaded model;
    results go to ``writer`` (see the module docstring). Needs :func:`can_fork`."""
    single = copy.copy(pipeline)  # the same model and coder, parsing in the worker's own process
    single.n_process = 1
    context = multiprocessing.get_context("fork")
    # With fork, ProcessPoolExecutor starts every worker at the first submit (never later, when
    # its own threads run) and passes initargs without pickling them.
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_adopt, initargs=(single, os.getpid())
    )
    try:
        drive(documents, writer, _Pool(pool), task_size, in_flight=2 * workers)
    except BrokenProcessPool as exc:
        _stop(pool)
        raise DetenteError(
            "a worker process died (killed, or out of memory?): the batches written so far are "
            "whole; run the same command again to resume"
        ) from exc
    except BaseException:  # Ctrl-C, a store error, a task's error: their results are not wanted
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the tasks not started and end the workers now (SIGTERM), so that a document a
    worker is stuck on cannot hold up the end of the run."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=True)
