"""The Dask runner: same store rows as a local run, duplicates settled alike, killed workers survived.

The first tests run an in-process Dask cluster with a stand-in pipeline (no model). The tests
marked ``model`` start a LocalCluster of two worker processes that load the spaCy model, compare
a Dask run with a local run table by table, and kill a worker process mid-run.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from detente import distributed, workpool
from detente.cli import main
from detente.distributed import ingest_dask
from detente.models import Article, Event, Evidence, Skip
from detente.pipeline import ingest
from detente.settings import Settings
from detente.store import Store

from .conftest import HAS_MODEL

# Every stored table, without run ids and timestamps.
TABLES = {
    "documents": "SELECT doc_id, path, unit_id, source_format, bytes, encoding FROM documents "
    "ORDER BY doc_id",
    "document_paths": "SELECT doc_id, path FROM document_paths ORDER BY doc_id, path",
    "articles": "SELECT * FROM articles ORDER BY doc_id",
    "events": "SELECT * FROM events ORDER BY event_id",
    "skips": "SELECT path, reason, detail, content_hash FROM skips ORDER BY path, reason",
    "quotes": "SELECT * FROM quotes ORDER BY quote_id",
    "stories": "SELECT * FROM stories ORDER BY doc_id",
}

STATES = ["Iran", "Iraq", "France", "Germany", "Russia", "Ukraine", "China", "Japan", "Egypt", "Turkey"]
VERBS = ["met", "criticised", "praised", "threatened", "accused", "visited"]


def _corpus(root: Path, n: int = 24) -> Path:
    """Small synthetic wire stories, two copies of one story, an empty file and a binary one."""
    root.mkdir()
    for i in range(n):
        a, b = STATES[i % len(STATES)], STATES[(i * 3 + 1) % len(STATES)]
        verb = VERBS[i % len(VERBS)]
        text = (
            f"{a} {verb} {b} over border talks\n\n"
            f"The foreign minister of {a} {verb} his counterpart from {b} in Geneva on Monday, "
            f"officials said. {b} did not invite {a} to the summit.\n\n"
            f"Story number {i}."
        )
        (root / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    (root / "999-copy.txt").write_bytes((root / "005.txt").read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return root


def _tables(path: str) -> dict[str, list[tuple[Any, ...]]]:
    with Store(path, read_only=True) as store:
        return {name: store.con.execute(sql).fetchall() for name, sql in TABLES.items()}


def _summary(s: Any) -> tuple[int, int, int, int, int]:
    return (s.seen, s.stored, s.duplicates, s.skipped, s.events)


# -- no model: an in-process cluster and a stand-in pipeline -------------------------------------


class FakePipeline:
    """Codes one event per document from its first two words; raises on the word POISON."""

    n_process = 1

    def code_text(self, text: str) -> list[Event]:  # the workers' warm-up
        return []

    def analyse_stream(
        self, articles: Iterable[tuple[Article, str | None, Any]]
    ) -> Iterator[tuple[Any, list[Event], list[Any]]]:
        for article, unit_id, context in articles:
            if "POISON" in article.body:
                raise RuntimeError("poisoned document")
            words = (article.title or article.body).split()
            ev = Evidence(article.body[:40], 0, 40, words[1], 0, 1, "fake", words[0], words[2])
            yield context, [Event(words[0], words[2], "040", "04", 1.0, 1, None, ev, unit_id=unit_id)], []


@pytest.fixture(scope="module")
def thread_client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def fake_settings(tmp_path: Path) -> Iterator[Settings]:
    settings = Settings(db=str(tmp_path / "x.duckdb"), model="fake-model", batch_size=4)
    workpool._PIPELINES[(settings.model, settings.batch_size)] = FakePipeline()  # type: ignore[assignment]
    yield settings
    workpool._PIPELINES.pop((settings.model, settings.batch_size), None)


def test_same_rows_as_a_local_run(tmp_path: Path, thread_client: Any, fake_settings: Settings) -> None:
    corpus = str(_corpus(tmp_path / "corpus"))
    with Store(str(tmp_path / "local.duckdb")) as store:
        local = ingest([corpus], store, fake_settings, pipeline=FakePipeline())  # type: ignore[arg-type]
    with Store(str(tmp_path / "dask.duckdb")) as store:
        dask = ingest_dask([corpus], store, fake_settings, client=thread_client, task_size=3)
    assert _summary(dask) == _summary(local) == (27, 24, 1, 2, 24)
    assert _tables(str(tmp_path / "dask.duckdb")) == _tables(str(tmp_path / "local.duckdb"))


def _older_code_batch(raws: Any, model: str | None, batch_size: int) -> workpool.Result:
    """Results as workers of an older detente send them: no story signature."""
    return [r if isinstance(r, Skip) else r[:4] for r in workpool.code_batch(raws, model, batch_size)]  # type: ignore[misc]


def test_results_without_signatures_store_the_same_rows(
    tmp_path: Path, thread_client: Any, fake_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = str(_corpus(tmp_path / "corpus"))
    with Store(str(tmp_path / "local.duckdb")) as store:
        ingest([corpus], store, fake_settings, pipeline=FakePipeline())  # type: ignore[arg-type]
    monkeypatch.setattr(distributed, "code_batch", _older_code_batch)
    with Store(str(tmp_path / "dask.duckdb")) as store:
        ingest_dask([corpus], store, fake_settings, client=thread_client, task_size=3)
    tables = _tables(str(tmp_path / "dask.duckdb"))
    assert tables == _tables(str(tmp_path / "local.duckdb"))
    assert sum(1 for _, _, minhash in tables["stories"] if minhash) == 24


def test_rerun_stores_nothing_twice(tmp_path: Path, thread_client: Any, fake_settings: Settings) -> None:
    corpus = str(_corpus(tmp_path / "corpus"))
    with Store(str(tmp_path / "dask.duckdb")) as store:
        first = ingest_dask([corpus], store, fake_settings, client=thread_client, task_size=2)
        again = ingest_dask([corpus], store, fake_settings, client=thread_client, task_size=2)
        counts = store.counts()
    assert first.stored == 24 and again.stored == 0 and again.duplicates == 25
    assert counts["documents"] == 24 and counts["events"] == 24


def test_a_failing_task_becomes_skips(tmp_path: Path, thread_client: Any, fake_settings: Settings) -> None:
    corpus = _corpus(tmp_path / "corpus", n=6)
    bad = (corpus / "003.txt").read_text(encoding="utf-8").replace("Geneva", "POISON")
    (corpus / "bad.txt").write_text(bad, encoding="utf-8")
    (corpus / "bad-copy.txt").write_text(bad, encoding="utf-8")
    with Store(str(tmp_path / "dask.duckdb")) as store:
        summary = ingest_dask([str(corpus)], store, fake_settings, client=thread_client, task_size=1)
        reasons = store.con.execute("SELECT path, reason FROM skips ORDER BY path").fetchall()
    assert summary.stored == 6
    failed = [p for p, r in reasons if r == "coding failed on a Dask worker"]
    assert sorted(Path(p).name for p in failed) == ["bad-copy.txt", "bad.txt"]


def test_local_cluster_workers_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Our LocalCluster's workers keep glibc's malloc defaults, one BLAS thread, no profiler and
    slower housekeeping timers; the driver's environment is as before."""
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)

    def settings() -> tuple[str | None, str | None, bool, str, str]:
        import dask

        env = os.environ
        return (
            env.get("MALLOC_TRIM_THRESHOLD_"),
            env.get("OMP_NUM_THREADS"),
            dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"),
            dask.config.get("distributed.worker.memory.monitor-interval"),
        )

    with distributed.connect(workers=1) as client:
        assert list(client.run(settings).values()) == [(None, "1", False, "500ms", "1s")]
    assert "OMP_NUM_THREADS" not in os.environ and "MALLOC_TRIM_THRESHOLD_" not in os.environ


def test_connect_needs_one_target() -> None:
    from detente.errors import ConfigError

    with pytest.raises(ConfigError):
        with distributed.connect(workers=2, scheduler="tcp://127.0.0.1:1"):
            pass


# -- with the model: worker processes ------------------------------------------------------------

needs_model = pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")


@pytest.fixture(scope="module")
def process_client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, Any]:
    """A local (no Dask) run on the synthetic corpus: (corpus, store path, summary)."""
    if not HAS_MODEL:
        pytest.skip("no spaCy English model installed")
    root = tmp_path_factory.mktemp("local")
    corpus = str(_corpus(root / "corpus"))
    db = str(root / "local.duckdb")
    with Store(db) as store:
        summary = ingest([corpus], store, Settings(db=db, batch_size=4))
    return corpus, db, summary


@pytest.mark.model
@needs_model
def test_workers_store_what_a_local_run_stores(
    tmp_path: Path, process_client: Any, local_run: tuple[str, str, Any]
) -> None:
    corpus, local_db, local = local_run
    db = str(tmp_path / "dask.duckdb")
    with Store(db) as store:
        summary = ingest_dask([corpus], store, Settings(db=db, batch_size=4), client=process_client)
    assert _summary(summary) == _summary(local)
    assert summary.events > 0
    assert _tables(db) == _tables(local_db)


@pytest.mark.model
@needs_model
def test_cli_dask_scheduler(tmp_path: Path, process_client: Any, local_run: tuple[str, str, Any]) -> None:
    corpus, local_db, local = local_run
    db = str(tmp_path / "cli.duckdb")
    address = process_client.scheduler.address
    result = CliRunner().invoke(main, ["ingest", corpus, "--db", db, "--dask", address, "-q"])
    assert result.exit_code == 1, result.output  # the empty and the binary file are skipped
    assert f"{local.stored} stored" in result.output
    assert _tables(db)["events"] == _tables(local_db)["events"]


@pytest.mark.model
@needs_model
def test_killed_worker_leaves_counts_of_a_clean_run(
    tmp_path: Path, process_client: Any, local_run: tuple[str, str, Any]
) -> None:
    corpus, local_db, local = local_run
    pids: dict[str, int] = process_client.run(os.getpid)
    killed: list[int] = []
    stop = threading.Event()

    def kill_a_busy_worker() -> None:
        """Kill (SIGKILL) the first worker seen coding a task: Dask must run it again elsewhere."""
        while not stop.is_set():
            busy = [a for a, keys in process_client.processing().items() if keys and a in pids]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])
                return
            time.sleep(0.005)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    db = str(tmp_path / "dask.duckdb")
    try:
        with Store(db) as store:
            settings = Settings(db=db, batch_size=4)
            summary = ingest_dask([corpus], store, settings, client=process_client, task_size=2)
            counts = store.counts()
    finally:
        stop.set()
        killer.join()
    assert killed, "no worker was killed"
    process_client.wait_for_workers(2, timeout=120)  # the nanny replaced the dead worker
    assert killed[0] not in process_client.run(os.getpid).values()
    assert _summary(summary) == _summary(local)
    with Store(local_db, read_only=True) as ref:
        assert counts == ref.counts()
    assert _tables(db) == _tables(local_db)


def test_merge_recipe_in_the_docs(tmp_path: Path, fake_settings: Settings) -> None:
    """docs/distributed.md's SQL merges two part stores into the store one run would write."""
    from detente.stories import link_stories

    doc = (Path(__file__).resolve().parents[1] / "docs" / "distributed.md").read_text(encoding="utf-8")
    recipe = doc[doc.index("ATTACH 'part-1.duckdb'") : doc.index("DETACH part;") + len("DETACH part;")]
    corpus = _corpus(tmp_path / "corpus")
    halves = [sorted(corpus.iterdir())[:13], sorted(corpus.iterdir())[13:]]
    pipe: Any = FakePipeline()
    for i, files in enumerate(halves, 1):
        with Store(str(tmp_path / f"part-{i}.duckdb")) as store:
            ingest([str(f) for f in files], store, fake_settings, pipeline=pipe)
    with Store(str(tmp_path / "whole.duckdb")) as store:
        ingest([str(corpus)], store, fake_settings, pipeline=pipe)
    with Store(str(tmp_path / "merged.duckdb")) as store:
        for i in (1, 2):
            part = str(tmp_path / f"part-{i}.duckdb")
            for statement in recipe.replace("'part-1.duckdb'", f"'{part}'").split(";"):
                if statement.strip() and not statement.strip().startswith("--"):
                    store.con.execute(statement)
        link_stories(store.con)
    merged, whole = _tables(str(tmp_path / "merged.duckdb")), _tables(str(tmp_path / "whole.duckdb"))
    assert merged == whole
