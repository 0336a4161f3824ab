"""``detente bench``: the report's arithmetic, the document sample, and one tiny real run."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.bench import BenchResult, Measure, sample_documents
from detente.cli import main

from .conftest import HAS_MODEL


def test_ratio_and_report_lines() -> None:
    parse = Measure("(a) spaCy parse only", 10.0, 200, 100_000, 900 * 2**20, cpu=20.0)
    full = Measure("(b) full pipeline", 12.5, 200, 100_000, 1000 * 2**20, cpu=25.0)
    result = BenchResult(parse, full, 2, 32, "en_core_web_sm", stored=198, duplicates=2, events=400)
    assert parse.articles_per_s == 20.0 and full.articles_per_s == 16.0
    assert result.ratio == pytest.approx(0.8) and result.cpu_ratio == pytest.approx(0.8)
    lines = result.lines()
    assert "20.00 articles/s" in lines[1] and "10000 words/s" in lines[1] and "900 MiB" in lines[1]
    assert "16.00 articles/s" in lines[2] and "1000 MiB" in lines[2] and "125 ms/article" in lines[2]
    assert lines[-2].startswith("CPU ratio (a)/(b) per article = 0.800")
    assert lines[-1] == "ratio (b)/(a) = 0.800"


def test_repeated_runs_keep_every_pair_and_compare_the_fastest() -> None:
    slow = Measure("(a) spaCy parse only", 20.0, 200, 100_000, 2**30, cpu=20.0)
    fast = Measure("(a) spaCy parse only", 10.0, 200, 100_000, 2**30, cpu=18.0)
    full = Measure("(b) full pipeline", 11.0, 200, 100_000, 2**30, cpu=20.0)
    result = BenchResult(fast, full, 2, 32, "m", pairs=[(slow, full), (fast, full)])
    lines = result.lines()
    assert lines[1].startswith("run 1: (a)  10.00 articles/s, (b)  18.18 articles/s, ratio 1.818")
    assert lines[2].startswith("run 2:") and "ratio 0.909, CPU ratio 0.900" in lines[2]
    assert lines[3] == "fastest of 2 runs of each side:"
    assert lines[-1] == "ratio (b)/(a) = 0.909"


def test_sample_takes_the_first_n_readable_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran met Iraq in Baghdad on Sunday.")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Turkey met Syria in Ankara on Monday.")
    (tmp_path / "d.txt").write_text("Egypt met Israel in Cairo on Tuesday.")
    docs = list(sample_documents(str(tmp_path), 2, 1000))
    assert [Path(d.path).name for d in docs] == ["a.txt", "c.txt"]


@pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")
def test_bench_command_runs_both_sides(tmp_path: Path) -> None:
    for i, (a, b) in enumerate([("Iran", "Iraq"), ("Turkey", "Syria"), ("Egypt", "Israel")]):
        (tmp_path / f"{i}.txt").write_text(
            f"Talks\n\n{a} accused {b} of shelling border villages on Monday.\n"
        )
    res = CliRunner().invoke(main, ["bench", str(tmp_path), "--n", "3", "--n-process", "1"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[1].startswith("(a) spaCy parse only") and " 3 articles" in lines[1]
    assert lines[2].startswith("(b) full pipeline") and "peak RSS" in lines[2]
    assert "stored 3 articles" in lines[3] and lines[-1].startswith("ratio (b)/(a) = ")
