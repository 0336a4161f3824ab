"""The local worker pool (``detente ingest --n-process N``, :mod:`detente.workpool`).

Same store rows as one process, copies of skipped content settled alike, errors and Ctrl-C end
the run with whole batches only, and workers never outlive the main process. The first tests use
the stand-in pipeline of ``test_distributed`` (no model); those marked ``model`` run real ingests.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from detente.pipeline import ingest
from detente.settings import Settings
from detente.store import Store
from detente.workpool import can_fork

from .conftest import HAS_MODEL
from .test_distributed import FakePipeline, _corpus, _summary, _tables

pytestmark = pytest.mark.skipif(not can_fork(), reason="the pool forks its workers")


def _fake(n_process: int) -> FakePipeline:
    pipe = FakePipeline()
    pipe.n_process = n_process
    return pipe


def _children_gone(pids: list[int], within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]
        if not alive:
            return True
        time.sleep(0.1)
    return False


def test_pool_stores_what_one_process_stores(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    # a second copy of a page that extraction skips: each copy is read on its own
    (corpus / "image-copy.html").write_bytes((corpus / "image.html").read_bytes())
    settings = Settings(db=str(tmp_path / "x.duckdb"), batch_size=4)
    with Store(str(tmp_path / "one.duckdb")) as store:
        one = ingest([str(corpus)], store, settings, pipeline=_fake(1))  # type: ignore[arg-type]
    with Store(str(tmp_path / "pool.duckdb")) as store:
        pool = ingest([str(corpus)], store, settings, pipeline=_fake(2))  # type: ignore[arg-type]
    assert _summary(pool) == _summary(one) == (28, 24, 1, 3, 24)
    assert _tables(str(tmp_path / "pool.duckdb")) == _tables(str(tmp_path / "one.duckdb"))


def test_a_failing_document_stops_the_run_with_whole_batches(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", n=12)
    (corpus / "zz-bad.txt").write_text("Iran POISON Iraq\n\nIran met Iraq in POISON.\n", encoding="utf-8")
    db = str(tmp_path / "pool.duckdb")
    before = {c.pid for c in psutil.Process().children(recursive=True)}
    with Store(db) as store, pytest.raises(RuntimeError, match="poisoned"):
        ingest([str(corpus)], store, Settings(db=db, batch_size=4), pipeline=_fake(2))  # type: ignore[arg-type]
    workers = [c.pid for c in psutil.Process().children(recursive=True) if c.pid not in before]
    assert _children_gone(workers)
    with Store(db) as store:  # what was committed is whole; a rerun with a good pipeline completes
        counts = store.counts()
        assert counts["documents"] == counts["events"]
        (corpus / "zz-bad.txt").unlink()
        ingest([str(corpus)], store, Settings(db=db, batch_size=4), pipeline=_fake(2))  # type: ignore[arg-type]
        assert store.counts()["documents"] == 12


def test_ctrl_c_in_the_main_process_stops_the_workers(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    db = str(tmp_path / "pool.duckdb")
    before = {c.pid for c in psutil.Process().children(recursive=True)}
    seen: list[str] = []

    def interrupt(path: str) -> None:
        seen.append(path)
        if len(seen) == 8:
            raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        settings = Settings(db=db, batch_size=4)
        ingest([str(corpus)], store, settings, pipeline=_fake(2), on_document=interrupt)  # type: ignore[arg-type]
    workers = [c.pid for c in psutil.Process().children(recursive=True) if c.pid not in before]
    assert _children_gone(workers)


class _Dies(FakePipeline):
    """Kills its own (worker) process on the word POISON, as the kernel's OOM killer would."""

    def analyse_stream(self, articles):  # type: ignore[no-untyped-def]
        for article, unit_id, context in articles:
            if "POISON" in article.body:
                os.kill(os.getpid(), signal.SIGKILL)
            yield from super().analyse_stream([(article, unit_id, context)])


def test_a_dead_worker_is_a_clear_error(tmp_path: Path) -> None:
    from detente.errors import DetenteError

    corpus = _corpus(tmp_path / "corpus", n=8)
    (corpus / "zz-bad.txt").write_text("Iran POISON Iraq\n\nIran met Iraq in POISON.\n", encoding="utf-8")
    db = str(tmp_path / "pool.duckdb")
    pipe = _Dies()
    pipe.n_process = 2
    with Store(db) as store, pytest.raises(DetenteError, match="worker process died"):
        ingest([str(corpus)], store, Settings(db=db, batch_size=4), pipeline=pipe)  # type: ignore[arg-type]
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert counts["documents"] == counts["events"]


SLOW_RUN = """
import sys, time
from detente.pipeline import ingest
from detente.settings import Settings
from detente.store import Store
from tests.test_distributed import FakePipeline

class Slow(FakePipeline):
    n_process = 2
    def analyse_stream(self, articles):
        for item in super().analyse_stream(articles):
            time.sleep(0.5)
            yield item

with Store(sys.argv[2]) as store:
    ingest([sys.argv[1]], store, Settings(db=sys.argv[2], batch_size=2), pipeline=Slow())
"""


def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN, str(corpus), str(tmp_path / "x.duckdb")], cwd=root
    )
    try:
        parent = psutil.Process(proc.pid)
        deadline = time.monotonic() + 60
        while len(parent.children()) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        workers = [c.pid for c in parent.children()]
        assert len(workers) >= 2, "the pool did not start"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert _children_gone(workers), "a worker outlived the main process"
    finally:
        if proc.poll() is None:
            proc.kill()


# -- with the model -------------------------------------------------------------------------------

needs_model = pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")


@pytest.mark.model
@needs_model
def test_real_pool_matches_one_process(tmp_path: Path, nlp: object) -> None:
    corpus = str(_corpus(tmp_path / "corpus"))
    summaries = {}
    for n in (1, 2):
        db = str(tmp_path / f"n{n}.duckdb")
        with Store(db) as store:
            summaries[n] = ingest([corpus], store, Settings(db=db, batch_size=4, n_process=n))
    assert summaries[1].events > 0 and _summary(summaries[2]) == _summary(summaries[1])
    assert _tables(str(tmp_path / "n2.duckdb")) == _tables(str(tmp_path / "n1.duckdb"))


@pytest.mark.model
@needs_model
def test_ctrl_c_of_a_real_ingest_with_two_processes(tmp_path: Path) -> None:
    """SIGINT to ``detente ingest --n-process 2`` (as a terminal sends it to the process group):
    exit 130, whole documents only, no worker left; running it again completes the store."""
    corpus = _corpus(tmp_path / "corpus", n=120)
    db, progress = tmp_path / "x.duckdb", tmp_path / "progress.json"
    args = [sys.executable, "-m", "detente.cli", "ingest", str(corpus), "--db", str(db), "-q"]
    args += ["--batch-size", "4", "--n-process", "2"]
    proc = subprocess.Popen(
        [*args, "--progress-file", str(progress)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if progress.exists() and json.loads(progress.read_text() or "{}").get("seen", 0) >= 8:
            break
        time.sleep(0.02)
    workers = [c.pid for c in psutil.Process(proc.pid).children()] if proc.poll() is None else []
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert _children_gone(workers)
    with Store(str(db), read_only=True) as store:
        counts = store.counts()
    assert counts["documents"] < 120 and counts["documents"] == counts["articles"]
    again = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1, again.stderr  # the empty and the binary file are skipped
    with Store(str(db), read_only=True) as store:
        assert store.counts()["documents"] == 120


class _RecordingTasks:
    """:class:`detente.workpool.Tasks` that codes each task at once and records its size."""

    def __init__(self) -> None:
        from collections import deque

        self.sizes: list[int] = []
        self.done: deque[tuple[int, Any]] = deque()

    def submit(self, raws: list[Any]) -> int:
        from detente.workpool import code_with

        self.sizes.append(len(raws))
        self.done.append((len(self.sizes), code_with(_fake(1), raws)))  # type: ignore[arg-type]
        return len(self.sizes)

    def has_ready(self) -> bool:
        return bool(self.done)

    def next_done(self) -> tuple[int, Any]:
        return self.done.popleft()


def test_the_last_tasks_shrink_and_every_document_is_sent_once(tmp_path: Path) -> None:
    import uuid

    from detente.ingest import iter_documents
    from detente.models import IngestSummary
    from detente.runner import _Writer
    from detente.workpool import drive

    corpus = _corpus(tmp_path / "corpus", n=40)
    tasks = _RecordingTasks()
    with Store(":memory:") as store:
        writer = _Writer(store, uuid.uuid4().hex, 8, IngestSummary())
        drive(iter_documents([str(corpus)], 10_000_000), writer, tasks, task_size=8, in_flight=4)
        writer.flush()
        assert store.counts()["documents"] == 40
    assert sum(tasks.sizes) == 40 + 1  # the copy of a stored story is not sent; the empty file is
    assert tasks.sizes[:3] == [8, 8, 8]
    assert tasks.sizes[-1] == 1 and max(tasks.sizes[-3:]) < 8
    assert tasks.sizes == sorted(tasks.sizes, reverse=True), tasks.sizes
