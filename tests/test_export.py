"""Exports: each format is read back by DuckDB (and pandas when installed) without help."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.export import GDELT_COLUMNS, export
from detente.models import Article, Event, Evidence, RawDocument
from detente.query import EVENT_VIEW_COLUMNS, EventFilter
from detente.store import Store


def _event(source: str, target: str, cameo: str, when: str | None, **kw: object) -> Event:
    ev = Evidence("Iran met Iraq.", 0, 14, "met", 5, 8, "verbs.tsv:1 meet -> 040", source, target, "headline")
    quad = 1 if cameo < "06" else 4
    gold = 1.0 if quad == 1 else -10.0
    return Event(  # type: ignore[arg-type]
        source,
        target,
        cameo,
        cameo[:2],
        gold,
        quad,
        "CONSULT" if quad == 1 else "ASSAULT",
        ev,
        when=when,
        when_precision="day" if when and len(when) == 10 else "month",
        source_sector="GOV",
        source_name="Iran",
        target_name="Iraq",
        **kw,
    )


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = str(tmp_path / "x.duckdb")
    events_a = [
        _event("IRN", "IRQ", "040", "2014-09-25"),
        _event("IRN", "IRQ", "190", "2014-10"),
        _event("IRN", "IRQ", "042", "2014-09-26", negated=True),
    ]
    events_b = [
        _event("EU", "BLR", "163", "2015-01-05"),
        _event("USA", "IRN", "042", None, hypothetical=True),
    ]
    items = []
    for n, events in enumerate((events_a, events_b)):
        data = f"document {n}\twith a tab".encode()
        raw = RawDocument(f"/tmp/doc{n}.txt", data, f"hash{n}", "text")
        items.append(
            (
                raw,
                Article(title=f"T{n}", body="Iran met Iraq.", date=None if n else "2014-09-25"),
                "utf-8",
                events,
            )
        )
    with Store(path) as st:
        st.write_batch(items, [], "run")
    return path


def test_gdelt_has_61_columns_in_order_and_only_factual_events(store: str, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    with Store(store, read_only=True) as st:
        assert export(st.con, "gdelt", str(out)) == 3
    lines = out.read_text().splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 61 for line in lines)
    rel = duckdb.read_csv(str(out), sep="\t", header=False, names=list(GDELT_COLUMNS), all_varchar=True)
    rows = rel.fetchall()
    first = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert first["SQLDATE"] == "20140925" and first["MonthYear"] == "201409" and first["Year"] == "2014"
    assert first["Actor1Code"] == "IRNGOV" and first["Actor1Name"] == "IRAN"
    assert first["Actor1CountryCode"] == "IRN" and first["Actor1Type1Code"] == "GOV"
    assert first["Actor2CountryCode"] == "IRQ" and first["EventCode"] == "040"
    assert first["EventRootCode"] == "04" and first["QuadClass"] == "1" and first["IsRootEvent"] == "1"
    assert first["SOURCEURL"] == "/tmp/doc0.txt" and int(first["GLOBALEVENTID"]) > 0
    eu = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows if r[5] == "EUGOV"][0]
    assert eu["Actor1CountryCode"] is None and eu["Actor1KnownGroupCode"] == "EU"
    # a month-precision event is dated on the first of the month
    assert {r[1] for r in rows} == {"20140925", "20141001", "20150105"}


def test_plover_json_lines(store: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    with Store(store, read_only=True) as st:
        assert export(st.con, "plover", str(out), EventFilter(source="IRN")) == 3
    objs = [json.loads(line) for line in out.read_text().splitlines()]
    assert {o["event_type"] for o in objs} == {"CONSULT", "ASSAULT"}
    first = objs[0]
    assert first["actor"]["code"] == "IRN" and first["recipient"]["country"] == "IRQ"
    assert first["evidence"]["sentence"] == "Iran met Iraq." and first["document"]["title"] == "T0"
    assert {"id", "date", "mode", "contexts", "quad_class", "negated", "hypothetical"} <= set(first)
    assert duckdb.sql(f"SELECT count(*) FROM read_json('{out}')").fetchall() == [(3,)]


def test_parquet_partitioned_by_month(store: str, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    with Store(store, read_only=True) as st:
        assert export(st.con, "parquet", str(out)) == 5
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2014-09", "month=2014-10", "month=2015-01", "month=undated"]
    rows = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{out}/*/*.parquet', hive_partitioning = true) "
        "GROUP BY month ORDER BY month"
    ).fetchall()
    assert rows == [("2014-09", 2), ("2014-10", 1), ("2015-01", 1), ("undated", 1)]
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    assert len(pd.read_parquet(out)) == 5


def test_csv_and_stdout_through_the_cli(store: str, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--db", store, "--format", "csv", "--factual"])
    assert res.exit_code == 0, res.output
    header = res.output.splitlines()[0].split(",")
    assert header == list(EVENT_VIEW_COLUMNS)
    out = tmp_path / "e.csv"
    res = runner.invoke(
        main, ["export", "--db", store, "--format", "csv", "--out", str(out), "--cameo", "04"]
    )
    assert res.exit_code == 0, res.output
    assert duckdb.sql(f"SELECT count(*) FROM read_csv('{out}')").fetchall() == [(3,)]
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(out)
    assert list(frame.columns) == list(EVENT_VIEW_COLUMNS) and len(frame) == 3
    res = runner.invoke(main, ["export", "--db", store, "--format", "parquet"])
    assert res.exit_code == 2 and "--out" in res.output
