"""``insert_rows``: one statement per table and batch on DuckDB, the same rows as ``VALUES``."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from detente.store.extras import ROWS_PER_STATEMENT, insert_rows

TABLE = """CREATE TABLE t (k VARCHAR PRIMARY KEY, d DOUBLE, i INTEGER, b BOOLEAN, x BLOB,
    ts TIMESTAMP, n VARCHAR, big BIGINT)"""


def _rows(n: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for j in range(n):
        rows.append(
            [
                f"k{j}-ü€'\"?",
                j if j % 2 else j + 0.5,  # ints and floats in one DOUBLE column
                None if j % 3 == 0 else j,
                None if j % 5 == 0 else bool(j % 2),
                None if j % 4 == 0 else bytes([j % 256]) * (j % 7),
                datetime(2024, 1, 1, 0, 0, j % 60, j),
                None,  # a column of NULLs only
                2**40 + j,
            ]
        )
    return rows


def _values(con: duckdb.DuckDBPyConnection, prefix: str, rows: list[list[object]]) -> None:
    """The reference: one ``VALUES`` group of parameters per row."""
    group = "(" + ", ".join("?" * len(rows[0])) + ")"
    con.execute(f"{prefix} {', '.join([group] * len(rows))}", [v for r in rows for v in r])


@pytest.mark.parametrize("n", [1, ROWS_PER_STATEMENT + 3])
def test_same_rows_as_values(n: int) -> None:
    rows = _rows(n)
    fast, ref = duckdb.connect(), duckdb.connect()
    for con in (fast, ref):
        con.execute(TABLE)
    insert_rows(fast, "INSERT INTO t VALUES", rows)
    _values(ref, "INSERT INTO t VALUES", rows)
    sql = "SELECT * FROM t ORDER BY k"
    assert fast.execute(sql).fetchall() == ref.execute(sql).fetchall()
    assert len(fast.execute(sql).fetchall()) == n


def test_or_ignore_keeps_one_row_per_key_in_one_statement() -> None:
    con = duckdb.connect()
    con.execute(TABLE)
    rows = _rows(3)
    insert_rows(con, "INSERT OR IGNORE INTO t VALUES", rows + [rows[1]])
    insert_rows(con, "INSERT OR IGNORE INTO t VALUES", rows[:1])  # stored already: left alone
    insert_rows(con, "INSERT OR IGNORE INTO t VALUES", [])
    assert con.execute("SELECT count(*) FROM t").fetchone() == (3,)


def test_only_insert_values() -> None:
    with pytest.raises(ValueError, match="VALUES"):
        insert_rows(duckdb.connect(), "DELETE FROM t WHERE k IN", [["a"]])
