"""The store on both backends: DuckDB (always) and PostgreSQL (when DETENTE_TEST_PG names a server).

``.ci/run`` starts Debian's PostgreSQL on loopback and exports DETENTE_TEST_PG; without it the
PostgreSQL variants skip. Each PostgreSQL test gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from detente import query
from detente.errors import StoreError
from detente.models import Article, Event, Evidence, RawDocument, Skip
from detente.store import Store, open_store
from detente.store.pg_sql import rewrite, translate
from detente.store.postgres_store import PostgresStore, is_postgres_url, redact
from detente.store.schema import MIGRATIONS, SCHEMA_VERSION

PG_URL = os.environ.get("DETENTE_TEST_PG", "")

Opener = Callable[..., Store]


@pytest.fixture(params=["duckdb", "postgresql"])
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """A function that opens (and reopens) one fresh store of the parametrized backend."""
    if request.param == "duckdb":
        path = str(tmp_path / "s.duckdb")
        yield lambda read_only=False: open_store(path, read_only=read_only)
        return
    if not PG_URL:
        pytest.skip("DETENTE_TEST_PG is not set (no PostgreSQL server)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    try:
        yield lambda read_only=False: open_store(url, read_only=read_only)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as con:
            con.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _event(source: str, target: str, cameo: str, quad: int, gold: float, **kw: object) -> Event:
    ev = Evidence("Iran met Iraq.", 0, 14, "met", 5, 8, "verbs.tsv:1 meet -> 040", source, target)
    return Event(source, target, cameo, cameo[:2], gold, quad, "CONSULT", ev, **kw)  # type: ignore[arg-type]


def _item(text: str, events: list[Event], date: str = "2014-09-25") -> tuple:
    data = text.encode()
    raw = RawDocument(f"/tmp/{text}.txt", data, f"h-{text}", "text")
    return raw, Article(title="T", body=text, date=date), "utf-8", events


def test_schema_version_and_reopen(opener: Opener) -> None:
    with opener() as store:
        assert store.schema_version() == SCHEMA_VERSION
    with opener() as store:  # reopening does not migrate twice
        assert store.schema_version() == SCHEMA_VERSION
        rows = store.con.execute("SELECT count(*) FROM schema_version").fetchone()
        assert rows is not None and rows[0] == SCHEMA_VERSION


def test_every_migrated_table_is_usable(opener: Opener) -> None:
    """Each table that the migrations create exists and reads back (new migrations included)."""
    tables = set()
    for statements in MIGRATIONS.values():
        for sql in statements:
            words = sql.split()
            if words[:2] == ["CREATE", "TABLE"]:
                tables.add(words[5] if words[2:5] == ["IF", "NOT", "EXISTS"] else words[2])
    with opener() as store:
        for table in sorted(tables):
            name = table.split("(")[0]
            assert store.con.execute(f"SELECT count(*) FROM {name}").fetchone() is not None


def test_batches_are_idempotent(opener: Opener) -> None:
    item = _item("a", [_event("IRN", "IRQ", "040", 1, 1.0, symmetric=True)])
    with opener() as store:
        assert store.write_batch([item], [], "run1") == (1, 1)
        assert store.write_batch([item, item], [], "run2") == (0, 0)
        assert store.counts() == {"documents": 1, "articles": 1, "events": 1, "skips": 0}
        assert store.known(["h-a", "h-b"]) == {"h-a"}
        assert store.known([]) == set()
        row = store.con.execute('SELECT "symmetric", goldstein FROM events').fetchone()
        assert row == (True, 1.0)


def test_duplicate_events_in_one_document_are_ignored(opener: Opener) -> None:
    ev = _event("USA", "IRN", "120", 3, -4.0)
    with opener() as store:
        assert store.write_batch([_item("a", [ev, ev])], [], "r") == (1, 2)
        assert store.counts()["events"] == 1


def test_runs_and_skips(opener: Opener) -> None:
    with opener() as store:
        store.start_run("r1", "ingest x")
        store.write_batch([], [Skip("/x.png", "not a text page", "PNG image 50% done?")], "r1")
        store.finish_run("r1", 1, 0, 0, 1, 0)
        cols, rows = query.skips(store.con)
        assert rows[0][:3] == ("/x.png", "not a text page", "PNG image 50% done?")
        run = store.con.execute("SELECT seen, skipped, finished_at IS NOT NULL FROM runs").fetchone()
        assert run == (1, 1, True)


def test_event_and_dyad_queries(opener: Opener) -> None:
    items = [
        _item(
            "a",
            [_event("USA", "IRN", "120", 3, -4.0), _event("IRN", "USA", "050", 1, 3.5, covert=True)],
        ),
        _item("b", [_event("USA", "IRN", "190", 4, -10.0, hypothetical=True)], date="2015-01-02"),
        _item("c", [_event("USA", "IRN", "042", 1, 1.9, negated=True)], date="2013-05-01"),
    ]
    with opener() as store:
        store.write_batch(items, [], "r")
        cols, rows = query.events(store.con, query.EventFilter(dyad=("IRN", "USA")))
        assert len(rows) == 4
        assert [r[cols.index("event_date")] for r in rows][0] == "2015-01-02"  # newest first
        cols, rows = query.events(store.con, query.EventFilter(source="USA", factual=True))
        assert [r[cols.index("cameo")] for r in rows] == ["120"]
        cols, rows = query.events(store.con, query.EventFilter(cameo="19"))
        assert len(rows) == 1 and rows[0][cols.index("title")] == "T"
        cols, rows = query.events(store.con, query.EventFilter(start="2014", end="2014-12", limit=1))
        assert len(rows) == 1
        cols, rows = query.events(store.con, query.EventFilter(actor="IRN", end="2013"))
        assert [r[cols.index("cameo")] for r in rows] == ["042"]
        cols, rows = query.dyads(store.con)
        by = {(r[0], r[1]): dict(zip(cols, r, strict=False)) for r in rows}
        usa_irn = by[("USA", "IRN")]
        assert usa_irn["events"] == 1 and usa_irn["hypothetical"] == 1 and usa_irn["negated"] == 1
        assert usa_irn["verbal_conflict"] == 1 and usa_irn["mean_goldstein"] == -4.0
        assert by[("IRN", "USA")]["covert"] == 1 and by[("IRN", "USA")]["mean_goldstein"] == 3.5
        assert usa_irn["first"] == "2013-05-01" and usa_irn["last"] == "2015-01-02"


def test_same_query_results_on_both_backends(opener: Opener, tmp_path: Path) -> None:
    """Whatever backend the fixture gives, its query answers equal a reference DuckDB store's."""
    items = [
        _item(str(i), [_event("USA", "IRN", "120", 3, -4.0 + i / 3), _event("RUS", "UKR", "190", 4, -10.0)])
        for i in range(5)
    ]
    with opener() as store, Store(str(tmp_path / "ref.duckdb")) as ref:
        store.write_batch(items, [], "r")
        ref.write_batch(items, [], "r")
        for fn in (query.events, query.dyads):
            assert fn(store.con) == fn(ref.con)  # type: ignore[operator]


def _query_calls() -> dict[str, Callable[[Any], Any]]:
    """Every query of the query layer, with filters that reach each branch of its SQL."""
    flt = query.EventFilter
    calls: dict[str, Callable[[Any], Any]] = {
        "events": lambda con: query.events(con),
        "events-filtered": lambda con: query.events(
            con, flt(actor="USA", cameo="1", start="2014", end="2015-01")
        ),
        "dyads": lambda con: query.dyads(con, flt(factual=True)),
        "skips": lambda con: query.skips(con)[1][0][:3],
    }
    optional = {
        "timeline-month": lambda con: query.timeline(con, interval="month"),
        "timeline-week": lambda con: query.timeline(con, flt(dyad=("USA", "IRN")), interval="week"),
        "timeline-year": lambda con: query.timeline(con, interval="year"),
        "network": lambda con: query.network(con),
        "pairs": lambda con: query.pairs(con),
        "count_events": lambda con: query.count_events(con, flt(source="USA")),
        "story_events": lambda con: query.story_events(con),
        "search_quotes": lambda con: query.search_quotes(con, speaker="kerry", about="IRN"),
        "articles": lambda con: [r[:-1] for r in query.articles(con)[1]],  # ingested_at aside
    }
    calls.update({k: v for k, v in optional.items() if hasattr(query, k.split("-")[0])})
    return calls


def test_query_layer_answers_alike(opener: Opener, tmp_path: Path) -> None:
    """Every query gives the same rows on the fixture's backend as on a reference DuckDB store."""
    from detente.quotes import Quote

    items = [
        _item(
            f"d{i}",
            [_event("USA", "IRN", "120", 3, -4.0 + i / 3), _event("RUS", "UKR", "190", 4, -10.0)],
            date,
        )
        for i, date in enumerate(["2014-09-25", "2014-09", "2014", "2015-01-02", "n.d.", "2013-12-31"])
    ]
    items.append(_item("x", [_event("IRN", "USA", "042", 1, 1.9, hypothetical=True, covert=True)]))
    quote = Quote("direct", "Kerry", "We will talk to Iran.", 0, 20, "say", speaker_code="USA")
    quotes = {"h-d0": [quote]}
    skip = Skip("/x.png", "not a text page", "PNG 50% 'quoted'?")
    with opener() as store, Store(str(tmp_path / "ref.duckdb")) as ref:
        for s in (store, ref):
            try:
                s.write_batch(items, [skip], "r", quotes=quotes)  # type: ignore[call-arg]
            except TypeError:  # a store without quotes
                s.write_batch(items, [skip], "r")
        for name, call in _query_calls().items():
            assert call(store.con) == call(ref.con), name


def test_rewrite_duckdb_expressions() -> None:
    sql = "SELECT TRY_CAST(CASE WHEN x = 'a AS b' THEN y || '-01' END AS DATE) FROM t"
    assert rewrite(sql) == "SELECT _detente_try_date(CASE WHEN x = 'a AS b' THEN y || '-01' END) FROM t"
    sql = "SELECT arg_min(a.title, e.doc_id), arg_max(f(x, y), z) FROM t"
    assert rewrite(sql) == (
        "SELECT (array_agg(a.title ORDER BY e.doc_id ASC) FILTER (WHERE (e.doc_id) IS NOT NULL))[1], "
        "(array_agg(f(x, y) ORDER BY z DESC) FILTER (WHERE (z) IS NOT NULL))[1] FROM t"
    )
    sql = "SELECT a FROM (SELECT a FROM t) WHERE a > 0"
    assert rewrite(sql) == "SELECT a FROM (SELECT a FROM t) AS _derived_30 WHERE a > 0"
    assert rewrite("SELECT a FROM (SELECT a FROM t) s") == "SELECT a FROM (SELECT a FROM t) s"
    assert rewrite("SELECT 'arg_min(x, y)'") == "SELECT 'arg_min(x, y)'"
    sql = "SELECT * FROM (SELECT e.a, f(e.b, 1) AS b, sum(e.n) AS n FROM events e GROUP BY ALL) e"
    assert (
        rewrite(sql)
        == "SELECT * FROM (SELECT e.a, f(e.b, 1) AS b, sum(e.n) AS n FROM events e GROUP BY 1, 2) e"
    )
    assert translate("SELECT CAST(x AS DOUBLE), y::DOUBLE FROM t", [])[0] == (
        "SELECT CAST(x AS DOUBLE PRECISION), y::DOUBLE PRECISION FROM t"
    )


def test_read_only(opener: Opener) -> None:
    with opener() as store:
        store.write_batch([_item("a", [])], [], "r")
    with opener(read_only=True) as store:
        assert store.counts()["documents"] == 1
        with pytest.raises(Exception):  # noqa: B017 - each backend raises its own error type
            store.con.execute("DELETE FROM documents")


def test_read_only_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        open_store(str(tmp_path / "missing.duckdb"), read_only=True)


@pytest.mark.skipif(not PG_URL, reason="DETENTE_TEST_PG is not set (no PostgreSQL server)")
def test_postgres_errors_are_store_errors() -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        PostgresStore("postgresql://nobody:secret@127.0.0.1:1/none")
    sep = "&" if "?" in PG_URL else "?"
    empty = f"{PG_URL}{sep}options={quote('-csearch_path=no_such_schema_here')}"
    with pytest.raises(StoreError, match="no detente store"):
        PostgresStore(empty, read_only=True)


def test_open_store_picks_the_backend() -> None:
    assert is_postgres_url("postgresql://u@h/db") and is_postgres_url("postgres://h/db")
    assert not is_postgres_url("detente.duckdb") and not is_postgres_url(None)
    assert redact("postgresql://u:pw@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"


def test_translate_duckdb_sql() -> None:
    sql, _, _ = translate("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [["a"]])
    assert sql == "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(%s::text[]))"
    sql, _, _ = translate("INSERT OR IGNORE INTO events VALUES (?, ?)", [1, 2])
    assert sql == "INSERT INTO events VALUES (%s, %s) ON CONFLICT DO NOTHING"
    sql, _, _ = translate("SELECT 'a?%' FROM t WHERE x LIKE 'y%' AND z = ?", [1])
    assert sql == "SELECT 'a?%%' FROM t WHERE x LIKE 'y%%' AND z = %s"
    sql, _, _ = translate('CREATE TABLE t (g DOUBLE, "DOUBLE" VARCHAR, b BLOB, n TINYINT)')
    assert sql == 'CREATE TABLE t (g DOUBLE PRECISION, "DOUBLE" VARCHAR COLLATE "C", b BYTEA, n SMALLINT)'
    sql, table, mode = translate("INSERT OR REPLACE INTO stories (a, b) VALUES (?, ?);", [1, 2])
    assert (sql, table, mode) == ("INSERT INTO stories (a, b) VALUES (%s, %s)", "stories", "REPLACE")
    assert translate("SELECT 1 WHERE 'x' LIKE '%'")[0] == "SELECT 1 WHERE 'x' LIKE '%'"  # no params


def test_insert_or_replace_and_ignore(opener: Opener) -> None:
    with opener() as store:
        store.con.execute("CREATE TABLE kv (k VARCHAR PRIMARY KEY, v INTEGER, w DOUBLE)")
        store.con.execute("INSERT OR REPLACE INTO kv VALUES (?, ?, ?)", ["a", 1, 0.5])
        store.con.execute("INSERT OR REPLACE INTO kv VALUES (?, ?, ?)", ["a", 2, 1.5])
        store.con.executemany("INSERT OR IGNORE INTO kv VALUES (?, ?, ?)", [["a", 3, 0.0], ["b", 4, 0.0]])
        assert store.con.execute("SELECT k, v, w FROM kv ORDER BY k").fetchall() == [
            ("a", 2, 1.5),
            ("b", 4, 0.0),
        ]
