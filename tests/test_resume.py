"""Resumable ingestion: a real ``detente ingest`` killed (SIGKILL, SIGINT) and rerun equals a clean run.

Each batch is one transaction and stored content is recognised by its hash, so a rerun stores
exactly what is missing: no half-stored document, nothing doubled.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from detente.pipeline import ingest
from detente.settings import Settings
from detente.store import Store

from .conftest import HAS_MODEL

pytestmark = pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")

STATES = ["Iran", "Iraq", "Turkey", "Syria", "Egypt", "Israel", "Jordan", "Russia", "Ukraine", "France"]
TEMPLATES = [
    "{a} accused {b} of violating the ceasefire on Monday.",
    "{a} and {b} signed a trade agreement in Geneva.",
    "The foreign minister of {a} met officials from {b} on Sunday.",
    "{a} imposed sanctions on {b} after the talks failed.",
]
N_PAGES = 120
BATCH = 8


def _corpus(root: Path, n_pages: int = N_PAGES) -> Path:
    rng = random.Random(5)
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    for i in range(n_pages):
        a, b = rng.sample(STATES, 2)
        lines = [f"Dispatch {i}: {a} and {b}", ""]
        lines += [rng.choice(TEMPLATES).format(a=a, b=b) for _ in range(3)]
        lines += ["", f"Report number {i} was filed by the desk."]
        folder = corpus / "sub" if i % 3 else corpus
        (folder / f"page{i:03d}.txt").write_text("\n".join(lines) + "\n")
    for i in range(0, 30, 3):  # exact copies under other names
        src = corpus / f"page{i:03d}.txt"
        (corpus / f"copy{i:03d}.txt").write_bytes(src.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return corpus


def _ingest(corpus: Path, db: Path, progress: Path | None = None) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "detente.cli", "ingest", str(corpus), "--db", str(db), "-q"]
    args += ["--batch-size", str(BATCH)]
    if progress:
        args += ["--progress-file", str(progress)]
    env = {**os.environ, "DETENTE_N_PROCESS": "1"}
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _interrupt(
    corpus: Path, db: Path, progress: Path, after: int, sig: int, rng: random.Random
) -> tuple[int, str]:
    """Start an ingest, wait until ``after`` documents are committed, then send ``sig``."""
    progress.unlink(missing_ok=True)
    proc = _ingest(corpus, db, progress)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if progress.exists() and json.loads(progress.read_text() or "{}").get("seen", 0) >= after:
            break
        time.sleep(0.02)
    # land inside a batch as well as between batches; Ctrl-C promptly, so the run cannot finish first
    time.sleep(rng.uniform(0.0, 0.3 if sig == signal.SIGKILL else 0.02))
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


def _state(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM events"),
            "event_ids": {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()},
            "doc_ids": {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()},
            "orphans": one(
                "SELECT (SELECT count(*) FROM documents d ANTI JOIN articles a USING (doc_id))"
                " + (SELECT count(*) FROM articles a ANTI JOIN documents d USING (doc_id))"
                " + (SELECT count(*) FROM events e ANTI JOIN documents d USING (doc_id))"
            ),
        }
    finally:
        con.close()


def test_killed_and_resumed_ingest_equals_a_clean_run(tmp_path: Path, nlp: object) -> None:
    corpus = _corpus(tmp_path)
    clean_db = tmp_path / "clean.duckdb"
    with Store(str(clean_db)) as store:  # the clean run in this process (the model is cached)
        summary = ingest([str(corpus)], store, Settings(batch_size=BATCH, n_process=1))
    assert summary.skipped == 2  # the empty file and the PNG
    expected = _state(clean_db)
    assert expected["documents"] == N_PAGES and expected["events"] > N_PAGES and expected["orphans"] == 0

    db, progress, rng = tmp_path / "resumed.duckdb", tmp_path / "progress.json", random.Random(1)
    code, _ = _interrupt(corpus, db, progress, 24, signal.SIGKILL, rng)
    assert code == -signal.SIGKILL
    partial = _state(db)  # the store opens after kill -9 and holds whole documents only
    assert partial["orphans"] == 0 and 0 < partial["documents"] < N_PAGES  # type: ignore[operator]

    code, err = _interrupt(corpus, db, progress, 36, signal.SIGINT, rng)
    assert code == 130 and "interrupted" in err and "Traceback" not in err
    assert _state(db)["orphans"] == 0

    code, _ = _interrupt(corpus, db, progress, 32, signal.SIGKILL, rng)
    assert code == -signal.SIGKILL

    final = _ingest(corpus, db)
    out, err = final.communicate(timeout=120)
    assert final.returncode == 1, err
    got = _state(db)
    assert got == expected


KILL_POINTS = int(os.environ.get("DETENTE_KILL_POINTS", "0") or 0)


@pytest.mark.skipif(
    KILL_POINTS == 0, reason="full crash test: set DETENTE_KILL_POINTS=50 (docs/reliability.md)"
)
def test_kill9_at_many_points_equals_a_clean_run(tmp_path: Path, nlp: object) -> None:
    """The full run of issue 7: ``DETENTE_KILL_POINTS`` SIGKILLs spread over a corpus of
    ``DETENTE_KILL_PAGES`` (default 1,000) pages, checking after every kill that the store opens
    and holds whole documents only, then a rerun to completion equal to a clean run."""
    n_pages = int(os.environ.get("DETENTE_KILL_PAGES", "1000"))
    corpus = _corpus(tmp_path, n_pages)
    clean_db = tmp_path / "clean.duckdb"
    with Store(str(clean_db)) as store:
        ingest([str(corpus)], store, Settings(batch_size=BATCH, n_process=1))
    expected = _state(clean_db)
    db, progress, rng = tmp_path / "killed.duckdb", tmp_path / "progress.json", random.Random(7)
    points = sorted(rng.sample(range(1, n_pages + 12), KILL_POINTS))
    for after in points:
        code, _ = _interrupt(corpus, db, progress, after, signal.SIGKILL, rng)
        assert code in (-signal.SIGKILL, 1)  # 1: the run finished before the kill landed
        assert _state(db)["orphans"] == 0
    final = _ingest(corpus, db)
    final.communicate(timeout=600)
    assert _state(db) == expected
