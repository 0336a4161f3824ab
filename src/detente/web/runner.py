"""Run read-only queries with a time limit, one DuckDB cursor per request.

DuckDB connections are not shared across threads; a cursor is a connection of its own onto the
same database. A timer interrupts the cursor's query after ``timeout`` seconds, which surfaces as
``QueryTimeout``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import duckdb

from ..errors import DetenteError

T = TypeVar("T")


class QueryTimeout(DetenteError):
    """A query ran past the server's time limit and was cancelled."""


class QueryRunner:
    """Runs query-layer functions on fresh cursors of ``con`` with a time limit."""

    def __init__(self, con: duckdb.DuckDBPyConnection, timeout: float = 5.0) -> None:
        self.con = con
        self.timeout = timeout
        self._lock = threading.Lock()

    def run(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """``fn(cursor)``, interrupted after ``timeout`` seconds."""
        with self._lock:  # creating a cursor touches the parent connection
            cur = self.con.cursor()
        timer = threading.Timer(self.timeout, cur.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return fn(cur)
        except duckdb.InterruptException as exc:
            raise QueryTimeout(
                f"the query took longer than {self.timeout:g} s and was cancelled; narrow the filters"
            ) from exc
        finally:
            timer.cancel()
            cur.close()
