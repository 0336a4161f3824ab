"""PostgreSQL store for a shared server: the same schema, writes and queries as the DuckDB store.

``open_store("postgresql://user@host/db")`` (or ``--db`` / ``DETENTE_DB`` set to such a URL) opens
it. ``PostgresStore`` is a ``Store`` whose connection is ``PgConnection``: a thin adapter over
psycopg 3 that speaks the DuckDB connection subset the store and ``query.py`` use
(``execute(sql, params).fetchall()``, ``executemany``) and translates the few DuckDB-only bits of
their SQL (see ``translate``). So every migration in ``schema.py`` and every write in
``Store.write_batch`` runs on PostgreSQL unchanged, including ones added later.

To keep several stores in one database, give each its own schema in the URL:
``postgresql://user@host/db?options=-csearch_path%3Ddetente_2024``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

from ..errors import StoreError
from .duckdb_store import Store

URL_SCHEMES = ("postgresql://", "postgres://")

# DuckDB type names without a PostgreSQL spelling, rewritten in DDL only.
_DDL_TYPES = [
    (re.compile(r"\bDOUBLE\b(?!\s+PRECISION)", re.I), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b", re.I), "BYTEA"),
    (re.compile(r"\bU?TINYINT\b", re.I), "SMALLINT"),
    (re.compile(r"\bUSMALLINT\b", re.I), "INTEGER"),
    (re.compile(r"\bUINTEGER\b", re.I), "BIGINT"),
    (re.compile(r"\b(?:UBIGINT|HUGEINT|UHUGEINT)\b", re.I), "NUMERIC"),
    (re.compile(r"\bDATETIME\b", re.I), "TIMESTAMP"),
    (re.compile(r"\bSTRING\b", re.I), "TEXT"),
]
_DDL = re.compile(r"^\s*(CREATE|ALTER)\b", re.I)
_INSERT_OR = re.compile(r"^(\s*)INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+([\w\"]+)\s*(\([^)]*\))?", re.I)
_UNNEST_OPEN = re.compile(r"\bunnest\s*\(\s*$", re.I)
# Quoted parts of a statement (strings, identifiers, comments) are never rewritten.
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/", re.S)

# Functions DuckDB has and PostgreSQL lacks, installed in the store's schema (idempotent).
SHIMS = (
    """CREATE OR REPLACE FUNCTION round(double precision, integer) RETURNS double precision
       AS 'SELECT round($1::numeric, $2)::double precision' LANGUAGE SQL IMMUTABLE""",
)


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


def _array_cast(value: Any) -> str:
    items = list(value) if isinstance(value, list | tuple | set | frozenset) else []
    first = next((v for v in items if v is not None), "")
    if isinstance(first, bool):
        return "::boolean[]"
    if isinstance(first, int):
        return "::bigint[]"
    if isinstance(first, float):
        return "::double precision[]"
    return "::text[]"


def translate(sql: str, params: Sequence[Any] | None = None) -> tuple[str, str | None, str | None]:
    """DuckDB SQL -> psycopg SQL. Returns ``(sql, insert_or_table, insert_or_mode)``.

    ``?`` placeholders become ``%s`` (``%`` is doubled when there are parameters); ``unnest(?)``
    gets an array cast from its parameter; DuckDB-only type names are rewritten in DDL;
    ``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING``. For ``INSERT OR REPLACE`` the
    caller appends the upsert clause, which needs the table's key (returned table and mode).
    """
    has_params = params is not None
    ddl = bool(_DDL.match(sql))
    table = mode = None
    head = _INSERT_OR.match(sql)
    if head:
        table, mode = head.group(3), head.group(2).upper()
        sql = f"{head.group(1)}INSERT INTO {table} {head.group(4) or ''}" + sql[head.end() :]
    out: list[str] = []
    index = 0
    pos = 0
    for m in [*_QUOTED.finditer(sql), None]:
        code = sql[pos : m.start()] if m else sql[pos:]
        if ddl:
            for pattern, repl in _DDL_TYPES:
                code = pattern.sub(repl, code)
        pieces = code.split("?")
        buf = pieces[0].replace("%", "%%") if has_params else pieces[0]
        for piece in pieces[1:]:
            cast = ""
            if _UNNEST_OPEN.search(buf) and params is not None and index < len(params):
                cast = _array_cast(params[index])
            buf += "%s" + cast + (piece.replace("%", "%%") if has_params else piece)
            index += 1
        out.append(buf)
        if m:
            quoted = m.group(0)
            out.append(quoted.replace("%", "%%") if has_params else quoted)
            pos = m.end()
    text = "".join(out).rstrip().rstrip(";")
    if mode == "IGNORE":
        text += " ON CONFLICT DO NOTHING"
        mode = table = None
    return text, table, mode


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
                raw.execute("SET default_transaction_read_only = on")
            else:
                self._migrate()
        except BaseException:
            raw.close()
            raise

    def _has_schema(self) -> bool:
        row = self.con.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        return bool(row and row[0])

    def _migrate(self) -> None:
        con = self.con
        con.execute("SELECT pg_advisory_lock(?)", [self._MIGRATION_LOCK])
        try:
            for shim in SHIMS:
                con.execute(shim)
            super()._migrate()
        except psycopg.Error as exc:
            if self.pg.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: schema migration failed: {exc}") from exc
        finally:
            con.execute("SELECT pg_advisory_unlock(?)", [self._MIGRATION_LOCK])
