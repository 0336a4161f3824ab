"""Open a store read-only for serving, and run queries on it with a time limit.

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
from ..query import build_summaries
from ..store import Store
from ..store.schema import SCHEMA_VERSION

T = TypeVar("T")


class QueryTimeout(DetenteError):
    """A query ran past the server's time limit and was cancelled."""


class QueryRunner:
    """Runs query-layer functions on fresh cursors of ``con`` with a time limit."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        timeout: float = 5.0,
        setup: str | None = None,
        summary: str | None = None,
    ) -> None:
        self.con = con
        self.timeout = timeout
        self.setup = setup  # a statement run on each new cursor, e.g. "USE store"
        self.summary = summary  # schema of the query layer's summary tables, if built
        self._lock = threading.Lock()

    def run(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """``fn(cursor)``, interrupted after ``timeout`` seconds."""
        with self._lock:  # creating a cursor touches the parent connection
            cur = self.con.cursor()
        if self.setup:
            cur.execute(self.setup)
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


def open_for_serving(db: str, summaries: bool = True) -> QueryRunner:
    """A runner over the store file ``db``, attached read-only to an in-memory database.

    The in-memory side holds the query layer's summary tables (built once here); the store file
    cannot change while it is open, since DuckDB gives a writer no lock while a reader holds it.
    A store with an older schema version is upgraded first (the migrations of ``Store``).
    """
    with Store(db, read_only=True) as store:  # the store's own errors: no such file, in use ...
        behind = store.schema_version() < SCHEMA_VERSION
    if behind:  # a store from an older detente: upgrade its schema once, as any ingest would
        Store(db).close()
    con = duckdb.connect(":memory:")
    con.execute("ATTACH ? AS store (READ_ONLY)", [db])
    con.execute("USE store")
    if summaries:
        build_summaries(con, "memory.main")
    return QueryRunner(con, setup="USE store", summary="memory.main" if summaries else None)
