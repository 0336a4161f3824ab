"""PostgreSQL store for a shared server: the same schema, writes and queries as the DuckDB store.

``open_store("postgresql://user@host/db")`` (or ``--db`` / ``DETENTE_DB`` set to such a URL) opens
it. ``PostgresStore`` is a ``Store`` whose connection is ``PgConnection``: a thin adapter over
psycopg 3 that speaks the DuckDB connection subset the store and ``query.py`` use
(``execute(sql, params).fetchall()``, ``executemany``) and translates the few DuckDB-only bits of
their SQL (:mod:`detente.store.pg_sql`). So every migration in ``schema.py`` and every write in
``Store.write_batch`` runs on PostgreSQL unchanged, including ones added later.

To keep several stores in one database, give each its own schema in the URL:
``postgresql://user@host/db?options=-csearch_path%3Ddetente_2024``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

from ..errors import StoreError
from .duckdb_store import Store
from .pg_sql import SHIMS, translate

__all__ = ["PgConnection", "PostgresStore", "is_postgres_url", "redact", "translate"]

URL_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(path: str | None) -> bool:
    """Whether a ``--db`` value names a PostgreSQL server rather than a DuckDB file."""
    return bool(path) and str(path).lower().startswith(URL_SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{netloc[-1]}"))


class PgConnection:
    """The subset of ``duckdb.DuckDBPyConnection`` that the store and the query layer use."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        self._upserts: dict[str, str] = {}

    def _prepare(self, sql: str, params: Sequence[Any] | None) -> str:
        text, table, mode = translate(sql, params)
        if mode == "REPLACE" and table:
            text += self._upsert_clause(table)
        return text

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor[Any]:
        """Run one statement; the returned cursor has ``fetchone``/``fetchall``/``description``."""
        return self.raw.execute(self._prepare(sql, params), params)  # type: ignore[arg-type]

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        with self.raw.cursor() as cur:
            cur.executemany(self._prepare(sql, rows[0]), rows)  # type: ignore[arg-type]

    def close(self) -> None:
        self.raw.close()

    def _upsert_clause(self, table: str) -> str:
        name = table.strip('"')
        if name not in self._upserts:
            key = [
                r[0]
                for r in self.raw.execute(
                    "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                    "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                    "WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY a.attnum",
                    [table],
                ).fetchall()
            ]
            if not key:
                raise StoreError(f"INSERT OR REPLACE into {name}: the table has no primary key")
            cols = [
                r[0]
                for r in self.raw.execute(
                    "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass "
                    "AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                    [table],
                ).fetchall()
            ]
            quote = lambda c: '"' + c.replace('"', '""') + '"'  # noqa: E731
            sets = ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in cols if c not in key)
            action = f"DO UPDATE SET {sets}" if sets else "DO NOTHING"
            self._upserts[name] = f" ON CONFLICT ({', '.join(quote(k) for k in key)}) {action}"
        return self._upserts[name]


class PostgresStore(Store):
    """A store in a PostgreSQL database. Same methods and schema as the DuckDB ``Store``.

    Several processes may write at once (PostgreSQL handles the locking); migrations are
    serialised with an advisory lock. ``read_only`` sessions refuse every write.
    """

    db_errors: tuple[type[Exception], ...] = (psycopg.Error,)
    _MIGRATION_LOCK = 0x64E7E47E  # advisory lock key: "detente" migrations

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        self.path = redact(url)
        self.read_only = read_only
        try:
            raw = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot connect to PostgreSQL: {exc}".strip()) from exc
        self.pg = PgConnection(raw)
        # Duck-typed: PgConnection implements what Store and query.py call on ``con``.
        self.con = self.pg  # type: ignore[assignment]
        try:
            if read_only:
                if not self._has_schema():
                    raise StoreError(f"{self.path}: no detente store here; run `detente ingest` first")
                self._install_shims(best_effort=True)  # a store made by an older detente
                raw.execute("SET default_transaction_read_only = on")
            else:
                self._migrate()
        except BaseException:
            raw.close()
            raise

    def _has_schema(self) -> bool:
        row = self.con.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        return bool(row and row[0])

    def _install_shims(self, best_effort: bool = False) -> None:
        """Create (or replace) the functions PostgreSQL lacks; see ``pg_sql.SHIMS``."""
        for shim in SHIMS:
            try:
                self.pg.raw.execute(shim)
            except psycopg.Error:
                if not best_effort:
                    raise

    def _migrate(self) -> None:
        con = self.con
        con.execute("SELECT pg_advisory_lock(?)", [self._MIGRATION_LOCK])
        try:
            self._install_shims()
            super()._migrate()
        except psycopg.Error as exc:
            if self.pg.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: schema migration failed: {exc}") from exc
        finally:
            con.execute("SELECT pg_advisory_unlock(?)", [self._MIGRATION_LOCK])
