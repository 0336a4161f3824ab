"""Gold units whose text is read from ``../shared`` by reference (no third-party text stored)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from detente.evaluate import load_gold
from detente.gold import GoldFormatError

REFS = Path(__file__).resolve().parents[1] / "evaluation" / "bbc-politics.refs.jsonl"


def _write(tmp: Path, unit: dict) -> Path:
    path = tmp / "gold.jsonl"
    path.write_text(json.dumps(unit) + "\n", encoding="utf-8")
    return path


def _corpus(tmp: Path) -> Path:
    shared = tmp / "shared"
    (shared / "corpora" / "news").mkdir(parents=True)
    (shared / "corpora" / "news" / "a.txt").write_bytes(
        "Title\n\nIran met Iraq in Baghdad.\n".encode("latin-1")
    )
    return shared


def test_a_unit_without_text_reads_its_referenced_stretch(tmp_path: Path) -> None:
    shared = _corpus(tmp_path)
    text = "Iran met Iraq in Baghdad."
    unit = {
        "id": "u1",
        "ref": "corpora/news/a.txt#chars=7-32",
        "sha1": hashlib.sha1(text.encode()).hexdigest()[:12],
        "events": [],
    }
    [loaded] = load_gold(_write(tmp_path, unit), shared)
    assert loaded.text == text and loaded.ref == unit["ref"]


def test_a_changed_or_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    shared = _corpus(tmp_path)
    unit = {"id": "u1", "ref": "corpora/news/a.txt#chars=7-32", "sha1": "000000000000", "events": []}
    with pytest.raises(GoldFormatError, match="changed"):
        load_gold(_write(tmp_path, unit), shared)
    unit = {"id": "u1", "ref": "corpora/news/gone.txt#chars=0-5", "events": []}
    with pytest.raises(GoldFormatError, match="cannot read"):
        load_gold(_write(tmp_path, unit), shared)
    unit = {"id": "u1", "ref": "a.txt", "events": []}
    with pytest.raises(GoldFormatError, match="chars=START-END"):
        load_gold(_write(tmp_path, unit), shared)
    with pytest.raises(GoldFormatError, match="lacks field"):  # no shared folder given
        load_gold(_write(tmp_path, {"id": "u1", "ref": "corpora/news/a.txt#chars=7-32", "events": []}))


def test_the_shipped_bbc_politics_gold_resolves(shared: Path) -> None:
    units = load_gold(REFS, shared)
    assert len(units) == 84
    assert all(u.text.strip() for u in units)
    assert sum(len(u.events) for u in units) == 136
    raw = [json.loads(line) for line in REFS.read_text(encoding="utf-8").splitlines()]
    assert all("text" not in r and all("trigger" not in e for e in r["events"]) for r in raw)
