"""A full disk mid-ingest: a clear error naming the store, the store still opens, a rerun resumes.

The disk is a small tmpfs mounted for the test (root only, as in CI; skipped elsewhere).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from .conftest import HAS_MODEL

pytestmark = pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")

STATES = ["Iran", "Iraq", "Turkey", "Syria", "Egypt", "Israel", "Jordan", "Russia", "Ukraine", "France"]


def _mount(path: Path, size: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    return done.returncode == 0


def _corpus(root: Path, pages: int) -> Path:
    rng = random.Random(3)
    corpus = root / "corpus"
    corpus.mkdir()
    for i in range(pages):
        a, b = rng.sample(STATES, 2)
        filler = " ".join(f"Officials said the talks in round {i}.{k} were long." for k in range(40))
        text = f"Dispatch {i}\n\n{a} accused {b} of violating the ceasefire on Monday. {filler}\n"
        (corpus / f"page{i:04d}.txt").write_text(text)
    return corpus


def _ingest(corpus: Path, db: Path) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "detente.cli", "ingest", str(corpus), "--db", str(db), "-q"]
    return subprocess.run(args, capture_output=True, text=True, timeout=600, env={**os.environ})


def _counts(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]  # type: ignore[index]
        orphans = con.execute(
            "SELECT (SELECT count(*) FROM documents d ANTI JOIN articles a USING (doc_id))"
            " + (SELECT count(*) FROM events e ANTI JOIN documents d USING (doc_id))"
        ).fetchone()[0]  # type: ignore[index]
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
        return docs, events, orphans
    finally:
        con.close()


def test_full_disk_is_a_clear_error_and_a_rerun_resumes(tmp_path: Path, nlp: object) -> None:
    disk = tmp_path / "disk"
    if not _mount(disk, "1600k"):
        pytest.skip("needs root and tmpfs to simulate a full disk")
    try:
        corpus = _corpus(tmp_path, 400)
        db = disk / "store.duckdb"
        first = _ingest(corpus, db)
        assert first.returncode == 2, first.stdout + first.stderr
        assert str(db) in first.stderr and "Traceback" not in first.stderr
        assert "space" in first.stderr.lower() or "write" in first.stderr.lower()
        subprocess.run(["mount", "-o", "remount,size=256m", str(disk)], check=True)
        docs, _, orphans = _counts(db)  # the store opens after the failure and holds whole documents
        assert orphans == 0 and docs < 400
        second = _ingest(corpus, db)
        assert second.returncode == 0, second.stderr
        docs, events, orphans = _counts(db)
        assert (docs, orphans) == (400, 0) and events >= 400
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)
