"""CLI commands end to end (these load the spaCy model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main

from .conftest import HAS_MODEL

pytestmark = pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")
ROOT = Path(__file__).resolve().parents[1]

PAGE = """1. Skip to content
2. Skip to main menu

Ministers meet in Vienna

By Ana Lopez
March 3, 2015

Iran's foreign minister met his Iraqi counterpart in Baghdad on Sunday.

The European Union imposed sanctions on Belarus on Monday.

Image: Agency
"""


def test_ingest_twice_then_query(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "copy.txt").write_text(PAGE)
    (tmp_path / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa" * 5)
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(tmp_path), "--db", db, "-q"])
    assert first.exit_code == 1, first.output  # skips make the exit status non-zero
    last = first.output.strip().splitlines()[-1]
    assert "5 documents: 1 stored, 1 already stored, 3 skipped" in last
    assert "logo.html: not a text page (PNG image)" in first.output
    second = runner.invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", db, "-q"])
    assert second.exit_code == 0
    assert "0 stored, 1 already stored" in second.output
    ev = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    rows = [json.loads(line) for line in ev.output.splitlines()]
    assert {(r["source"], r["target"], r["root"]) for r in rows} >= {
        ("IRN", "IRQ", "04"),
        ("EU", "BLR", "16"),
    }
    assert all(r["sentence"] and r["pattern"] for r in rows)
    dy = runner.invoke(main, ["dyads", "--db", db, "--format", "csv"])
    assert dy.output.splitlines()[0].startswith("source,target,events")
    sk = runner.invoke(main, ["skips", "--db", db, "--format", "jsonl"])
    assert len(sk.output.splitlines()) == 3


def test_code_text_and_units(tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["code", "Russia refused to meet Ukraine.", "--date", "2015-01-05"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["source"], r["target"], r["root"]) for r in rows] == [("RUS", "UKR", "12")]
    assert rows[0]["evidence"]["sentence"] == "Russia refused to meet Ukraine."
    units = tmp_path / "u.jsonl"
    units.write_text(
        json.dumps({"id": "u1", "text": "Turkish troops shelled Syrian positions."})
        + "\n"
        + json.dumps({"id": "u2", "text": "1. Skip to content\nImage: Getty Images"})
        + "\n"
    )
    out = runner.invoke(main, ["code", str(units)])
    rows = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
    assert {r["id"] for r in rows} == {"u1"}


def test_shipped_examples_yield_events(tmp_path: Path) -> None:
    db = str(tmp_path / "ex.duckdb")
    runner = CliRunner()
    res = runner.invoke(
        main,
        [
            "ingest",
            str(ROOT / "examples" / "html"),
            str(ROOT / "examples" / "text"),
            "--db",
            db,
            "-q",
        ],
    )
    assert res.exit_code == 0, res.output
    dy = runner.invoke(main, ["dyads", "--db", db, "--format", "jsonl"])
    assert len(dy.output.splitlines()) >= 5


def test_evaluate_last_line(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "text": "Iran attacked Iraq.",
                "events": [
                    {
                        "source": "IRN",
                        "target": "IRQ",
                        "cameo": "19",
                        "symmetric": False,
                        "negated": False,
                        "hypothetical": False,
                    }
                ],
            }
        )
        + "\n"
    )
    out = CliRunner().invoke(main, ["evaluate", str(gold), "--explain"])
    assert out.output.strip().splitlines()[-1] == (
        "factual events: precision=1.000 recall=1.000 f1=1.000 (tp=1 fp=0 fn=0)"
    )
