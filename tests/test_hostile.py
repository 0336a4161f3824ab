"""Hostile inputs: per-document limits, and a real ``detente ingest`` of a small hostile corpus."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.errors import ConfigError
from detente.hostile import make_corpus
from detente.hostile_cases import deep
from detente.hostile_check import check_corpus
from detente.ingest.decode import decode
from detente.ingest.files import read_document
from detente.limits import (
    DocumentTimeout,
    doc_timeout,
    nesting_depth,
    time_limit,
    too_deep,
)
from detente.models import Article, RawDocument, Skip
from detente.pipeline import prepare

from .conftest import HAS_MODEL


def _raw(data: bytes, path: str = "page.html") -> RawDocument:
    return RawDocument(path=path, data=data, content_hash="h", kind_hint="html")


def test_nesting_depth_matches_the_parser_limit() -> None:
    html = "<html><body>" + "<div>" * 253 + "<p>x</p>" + "</div>" * 253 + "</body></html>"
    assert nesting_depth(html) == 255 and not too_deep(html)
    html = "<html><body>" + "<div>" * 254 + "<p>x</p>" + "</div>" * 254 + "</body></html>"
    assert too_deep(html)
    # siblings, void elements, comments and scripts add no depth
    flat = "<br><img src=x>" * 500 + "<!--" + "<div>" * 300 + "-->" + "<p>a</p>" * 500 + "<b></b>" * 500
    assert nesting_depth(flat) == 1


def test_deep_page_is_quarantined_as_truncated() -> None:
    skip = prepare(_raw(deep(260)))
    assert isinstance(skip, Skip) and skip.reason == "truncated"
    assert isinstance(prepare(_raw(deep(100_000))), Skip)


def test_time_limit_interrupts_and_cannot_be_swallowed() -> None:
    start = time.monotonic()
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2):
            while True:
                pass
    with pytest.raises(DocumentTimeout):  # swallowed once inside, raised again
        with time_limit(0.1):
            try:
                while True:
                    pass
            except Exception:  # noqa: BLE001 - the code under test swallows everything
                pass
            while True:
                pass
    assert time.monotonic() - start < 5
    with time_limit(5):  # no alarm left behind
        pass
    time.sleep(0.1)


def test_hung_extraction_becomes_a_timed_out_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.extract

    def hang(*args: object, **kwargs: object) -> Article:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(detente.extract, "extract_html", hang)
    monkeypatch.setenv("DETENTE_DOC_TIMEOUT", "0.2")
    skip = prepare(_raw(b"<html><body><p>Iran attacked Iraq on Monday, officials said.</p></body></html>"))
    assert isinstance(skip, Skip) and skip.reason == "timed out" and "0.2 s" in skip.detail


def test_text_over_the_parser_limit_is_quarantined(monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.extract

    monkeypatch.setattr(detente.extract, "extract_text_dump", lambda *a, **k: Article("T", "word " * 200_000))
    skip = prepare(_raw(b"Some plain text that is long enough to be a page.", "a.txt"))
    assert isinstance(skip, Skip) and skip.reason == "too long"


def test_doc_timeout_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_DOC_TIMEOUT", "1.5")
    assert doc_timeout() == 1.5
    monkeypatch.setenv("DETENTE_DOC_TIMEOUT", "soon")
    with pytest.raises(ConfigError):
        doc_timeout()


def test_memory_limit_is_applied_in_a_child_process() -> None:
    code = (
        "import resource; from detente.limits import apply_memory_limit; "
        "print(apply_memory_limit(4096) == resource.getrlimit(resource.RLIMIT_AS)[0])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_sparse_2gb_file_is_rejected_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(2 << 30)
    start = time.monotonic()
    skip = read_document(big, 20_000_000)
    assert isinstance(skip, Skip) and skip.reason == "too large" and str(big) == skip.path
    assert time.monotonic() - start < 1


def test_utf16_without_bom_is_text() -> None:
    page = "<html><body><p>Iran attacked Iraq on Monday.</p></body></html>"
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode(page.encode(codec))[0] == page


def test_undecodable_file_names_are_stored_escaped() -> None:
    skip = Skip("dir/\udcff\udcfe.html", "empty file", "in \udcff")
    raw = RawDocument("x\udcff.html", b"", "h")
    assert skip.path == "dir/\\xff\\xfe.html" and skip.detail == "in \\xff" and raw.path == "x\\xff.html"


def test_corpus_covers_every_row(tmp_path: Path) -> None:
    manifest = make_corpus(tmp_path, 200)
    assert manifest["documents"] >= 200
    cases = {f["case"] for f in manifest["files"]}  # type: ignore[attr-defined]
    for needed in (
        "windows-1251, no declaration",
        "shift-jis declared",
        "utf-16-le, no BOM, no declaration",
        "NUL bytes",
        "bidi overrides",
        "gzip bomb renamed .html",
        "zip bomb",
        "PNG renamed .html",
        "PDF renamed .html",
        "empty file",
        "9-byte file",
        "nested 260 deep",
        "nested 100,000 deep",
        "100,000 sibling tags (slow)",
        "script injection in title, byline, body",
        "billion laughs",
        "file entity",
        "truncated WARC record",
        "corrupt WARC record",
        "symlink loop (folder)",
        "FIFO",
        "odd file name",
        "HTML over the 20 MB cap (sparse)",
        "JSONL unit with a lone surrogate",
    ):
        assert needed in cases, needed
    bomb = tmp_path / "corpus/bad/000/gzip-bomb.html"
    assert bomb.stat().st_size < 200_000  # 64 MB of zeros, compressed
    assert json.loads((tmp_path / "manifest.json").read_text())["documents"] == manifest["documents"]


@pytest.mark.model
@pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")
def test_ingest_hostile_corpus(tmp_path: Path) -> None:
    """A real ``detente ingest``: no crash, no hang, no valid document lost, every reject recorded."""
    make_corpus(tmp_path, 240)
    db = tmp_path / "store.duckdb"
    env = dict(os.environ, DETENTE_DOC_TIMEOUT="2")
    cmd = [sys.executable, "-m", "detente.cli", "ingest", str(tmp_path / "corpus"), "--db", str(db), "-q"]
    start = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=240)
    elapsed = time.monotonic() - start
    output = done.stdout + done.stderr
    # exit status 1 means "some files were skipped"; a crash shows as a traceback or an error line
    assert done.returncode in (0, 1) and "Traceback" not in output and "error:" not in output, output[-3000:]
    assert re.search(r"240 documents: \d+ stored, \d+ already stored, \d+ skipped", output), output[-3000:]
    result = check_corpus(tmp_path, str(db))
    assert result.problems == []
    assert result.lost == 0 and result.valid > 100
    assert result.rejects_recorded == result.rejects > 60
    assert result.limited_ok == result.limited == 1
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    timed_out = con.execute("SELECT path FROM skips WHERE reason = 'timed out'").fetchall()
    assert any(p.endswith("siblings-100k.html") for (p,) in timed_out)  # 14 s unlimited, stopped at 2 s
    assert elapsed < 200


def test_time_limit_restores_an_enclosing_alarm() -> None:
    import signal

    fired: list[int] = []
    old = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with time_limit(5):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 0.5
        time.sleep(0.7)
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
