"""DuckDB SQL -> PostgreSQL SQL, for the few DuckDB-only bits the store and the query layer use.

``translate`` rewrites one statement for psycopg: ``?`` placeholders become ``%s``; ``unnest(?)``
gets an array cast from its parameter; DuckDB-only type names are rewritten in DDL;
``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING`` (``INSERT OR REPLACE`` is finished by the
caller, which knows the table's key); ``TRY_CAST(x AS T)``, ``arg_min``/``arg_max`` and derived
tables without an alias are rewritten. ``SHIMS`` installs the functions PostgreSQL lacks
(``round(double precision, integer)``, ``contains``, the ``TRY_CAST`` helpers). Quoted strings,
quoted identifiers and comments are never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

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
    # byte order for strings, as DuckDB sorts them, whatever the database's collation
    (re.compile(r"\b(VARCHAR|TEXT)\b(\s*\(\s*\d+\s*\))?(?!\s*\[)(?!\s+COLLATE)", re.I), r'\1\2 COLLATE "C"'),
]
# The same type names after ``AS`` (casts) or ``::`` in any statement.
_CAST_TYPES = [
    (re.compile(r"(\bAS\s+|::\s*)DOUBLE\b(?!\s+PRECISION)", re.I), r"\1DOUBLE PRECISION"),
    (re.compile(r"(\bAS\s+|::\s*)(?:UBIGINT|HUGEINT|UHUGEINT)\b", re.I), r"\1NUMERIC"),
    (re.compile(r"(\bAS\s+|::\s*)BLOB\b", re.I), r"\1BYTEA"),
]
_DDL = re.compile(r"^\s*(CREATE|ALTER)\b", re.I)
_INSERT_OR = re.compile(r"^(\s*)INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+([\w\"]+)\s*(\([^)]*\))?", re.I)
_UNNEST_OPEN = re.compile(r"\bunnest\s*\(\s*$", re.I)
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/", re.S)
_TRY_CAST = re.compile(r"\bTRY_CAST\s*\(", re.I)
_ARG_MINMAX = re.compile(r"\barg_(min|max)\s*\(", re.I)
_DERIVED = re.compile(r"\b(?:FROM|JOIN)\s*(\()\s*SELECT\b", re.I)
_AS = re.compile(r"\s+AS\s+", re.I)
_NOT_ALIAS = re.compile(
    r"\s*(?:$|[),;]|(?:WHERE|GROUP|ORDER|LIMIT|OFFSET|HAVING|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|ON|USING"
    r"|UNION|EXCEPT|INTERSECT|WINDOW|QUALIFY)\b)",
    re.I,
)
_GROUP_ALL = re.compile(r"\bGROUP\s+BY\s+ALL\b", re.I)
_SELECT = re.compile(r"\bSELECT\s+(?:DISTINCT\s+)?", re.I)
_FROM = re.compile(r"\bFROM\b", re.I)
_AGGREGATE = re.compile(
    r"\b(?:count|sum|avg|min|max|bool_or|bool_and|array_agg|string_agg|arg_min|arg_max|any_value|"
    r"stddev\w*|var\w*|median|quantile\w*|list|first|last)\s*\(",
    re.I,
)
_CASTS = {"DATE": "date", "TIMESTAMP": "timestamp", "INTEGER": "integer", "BIGINT": "bigint"}
_CASTS.update({"DOUBLE": "double precision", "INT": "integer", "VARCHAR": "text"})

SHIMS = (
    """CREATE OR REPLACE FUNCTION round(double precision, integer) RETURNS double precision
       AS 'SELECT round($1::numeric, $2)::double precision' LANGUAGE SQL IMMUTABLE""",
    """CREATE OR REPLACE FUNCTION contains(text, text) RETURNS boolean
       AS 'SELECT strpos($1, $2) > 0' LANGUAGE SQL IMMUTABLE""",
    *(
        f"""CREATE OR REPLACE FUNCTION _detente_try_{name.split()[0]}(text) RETURNS {name} AS $$
            BEGIN RETURN $1::{name}; EXCEPTION WHEN others THEN RETURN NULL; END
            $$ LANGUAGE plpgsql IMMUTABLE"""
        for name in sorted(set(_CASTS.values()))
    ),
)


def _mask(sql: str) -> str:
    """``sql`` with every quoted part blanked (same length), for scanning parentheses safely."""
    return _QUOTED.sub(lambda m: "_" * len(m.group(0)), sql)


def _close(masked: str, open_at: int) -> int:
    """Index of the parenthesis closing the one at ``open_at``."""
    depth = 0
    for i in range(open_at, len(masked)):
        if masked[i] == "(":
            depth += 1
        elif masked[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError("unbalanced parentheses")


def _top_level(masked: str, start: int, end: int, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of ``pattern`` in ``masked[start:end]`` outside nested parentheses."""
    depth_at = []
    depth = 0
    for ch in masked[start:end]:
        depth += ch == "("
        depth -= ch == ")"
        depth_at.append(depth)
    return [m for m in pattern.finditer(masked, start, end) if depth_at[m.start() - start] == 0]


def _depth(masked: str, pos: int) -> int:
    return masked[:pos].count("(") - masked[:pos].count(")")


def _split_top(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the comma-separated items of ``masked[start:end]`` at its top level."""
    cuts = [c.start() for c in _top_level(masked, start, end, re.compile(","))]
    edges = [start, *[c + 1 for c in cuts]]
    return list(zip(edges, [*cuts, end], strict=True))


def _rewrite_once(sql: str, masked: str) -> str | None:
    m = _TRY_CAST.search(masked)
    if m:
        end = _close(masked, m.end() - 1)
        parts = _top_level(masked, m.end(), end, _AS)
        if parts:
            last = parts[-1]
            expr, kind = sql[m.end() : last.start()], sql[last.end() : end].strip()
            base = _CASTS.get(kind.upper())
            call = f"_detente_try_{base.split()[0]}({expr})" if base else f"CAST({expr} AS {kind})"
            return sql[: m.start()] + call + sql[end + 1 :]
    m = _ARG_MINMAX.search(masked)
    if m:
        end = _close(masked, m.end() - 1)
        commas = _top_level(masked, m.end(), end, re.compile(","))
        if len(commas) == 1:
            value, key = sql[m.end() : commas[0].start()], sql[commas[0].end() : end].strip()
            order = "ASC" if m.group(1).lower() == "min" else "DESC"
            call = f"(array_agg({value} ORDER BY {key} {order}) FILTER (WHERE ({key}) IS NOT NULL))[1]"
            return sql[: m.start()] + call + sql[end + 1 :]
    m = _GROUP_ALL.search(masked)
    if m:
        depth = masked[: m.start()].count("(") - masked[: m.start()].count(")")
        selects = [s for s in _SELECT.finditer(masked, 0, m.start()) if _depth(masked, s.start()) == depth]
        if selects:
            start = selects[-1].end()
            froms = _top_level(masked, start, m.start(), _FROM)
            end = froms[0].start() if froms else m.start()
            items = _split_top(masked, start, end)
            keys = [str(i + 1) for i, (a, b) in enumerate(items) if not _AGGREGATE.search(masked[a:b])]
            return sql[: m.start()] + "GROUP BY " + ", ".join(keys or ["()"]) + sql[m.end() :]
    for m in _DERIVED.finditer(masked):
        end = _close(masked, m.start(1))
        if _NOT_ALIAS.match(masked, end + 1):
            return sql[: end + 1] + f" AS _derived_{end}" + sql[end + 1 :]
    return None


@lru_cache(maxsize=512)
def rewrite(sql: str) -> str:
    """Rewrite the DuckDB-only expressions of ``sql`` (see the module docstring)."""
    if not any(p.search(sql) for p in (_TRY_CAST, _ARG_MINMAX, _DERIVED, _GROUP_ALL)):
        return sql
    for _ in range(100):
        new = _rewrite_once(sql, _mask(sql))
        if new is None:
            return sql
        sql = new
    return sql


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
    """DuckDB SQL -> psycopg SQL. Returns ``(sql, insert_or_table, insert_or_mode)``: for
    ``INSERT OR REPLACE`` the caller appends the upsert clause of that table."""
    has_params = params is not None
    ddl = bool(_DDL.match(sql))
    table = mode = None
    head = _INSERT_OR.match(sql)
    if head:
        table, mode = head.group(3), head.group(2).upper()
        sql = f"{head.group(1)}INSERT INTO {table} {head.group(4) or ''}" + sql[head.end() :]
    if not ddl:
        sql = rewrite(sql)
    out: list[str] = []
    index = 0
    pos = 0
    for m in [*_QUOTED.finditer(sql), None]:
        code = sql[pos : m.start()] if m else sql[pos:]
        for pattern, repl in _DDL_TYPES if ddl else _CAST_TYPES:
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
