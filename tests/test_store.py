"""The DuckDB store: schema versioning, idempotent batches, skips, queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import query
from detente.errors import StoreError
from detente.models import Article, Event, Evidence, RawDocument, Skip
from detente.store import Store
from detente.store.schema import SCHEMA_VERSION


def _event(source: str, target: str, cameo: str, quad: int, gold: float, **kw: object) -> Event:
    ev = Evidence("Iran met Iraq.", 0, 14, "met", 5, 8, "verbs.tsv:1 meet -> 040", source, target)
    return Event(source, target, cameo, cameo[:2], gold, quad, "CONSULT", ev, **kw)  # type: ignore[arg-type]


def _item(text: str, events: list[Event]) -> tuple[RawDocument, Article, str, list[Event]]:
    data = text.encode()
    raw = RawDocument(f"/tmp/{abs(hash(text))}.txt", data, str(abs(hash(text))), "text")
    return raw, Article(title="T", body=text, date="2014-09-25"), "utf-8", events


def test_schema_version(tmp_path: Path) -> None:
    with Store(str(tmp_path / "s.duckdb")) as store:
        assert store.schema_version() == SCHEMA_VERSION
    with Store(str(tmp_path / "s.duckdb")) as store:  # reopening does not migrate twice
        assert store.schema_version() == SCHEMA_VERSION


def test_batches_are_idempotent(tmp_path: Path) -> None:
    item = _item("Iran met Iraq.", [_event("IRN", "IRQ", "040", 1, 1.0, symmetric=True)])
    with Store(str(tmp_path / "s.duckdb")) as store:
        assert store.write_batch([item], [], "run1") == (1, 1)
        assert store.write_batch([item, item], [], "run2") == (0, 0)
        assert store.counts()["documents"] == 1
        assert store.counts()["events"] == 1


def test_skips_are_stored(tmp_path: Path) -> None:
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write_batch([], [Skip("/x.png", "not a text page", "PNG image")], "r")
        cols, rows = query.skips(store.con)
        assert rows[0][:3] == ("/x.png", "not a text page", "PNG image")


def test_event_and_dyad_queries(tmp_path: Path) -> None:
    items = [
        _item(
            "a",
            [
                _event("USA", "IRN", "120", 3, -4.0),
                _event("IRN", "USA", "050", 1, 3.5, covert=True),
            ],
        ),
        _item("b", [_event("USA", "IRN", "190", 4, -10.0, hypothetical=True)]),
    ]
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write_batch(items, [], "r")
        cols, rows = query.events(store.con, query.EventFilter(dyad=("IRN", "USA")))
        assert len(rows) == 3
        cols, rows = query.events(store.con, query.EventFilter(source="USA", factual=True))
        assert [r[cols.index("cameo")] for r in rows] == ["120"]
        cols, rows = query.events(store.con, query.EventFilter(cameo="19"))
        assert len(rows) == 1
        cols, rows = query.dyads(store.con)
        by = {(r[0], r[1]): dict(zip(cols, r, strict=False)) for r in rows}
        assert by[("USA", "IRN")]["events"] == 1 and by[("USA", "IRN")]["hypothetical"] == 1
        assert by[("USA", "IRN")]["verbal_conflict"] == 1
        assert by[("IRN", "USA")]["covert"] == 1


def test_read_only_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(str(tmp_path / "missing.duckdb"), read_only=True)
