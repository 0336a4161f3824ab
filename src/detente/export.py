"""Exports of stored events: GDELT 2.0 event table, PLOVER-style JSON, Parquet by month, CSV.

Every format is written by DuckDB's ``COPY`` from one SELECT over the events, their documents
and articles, with the same filters as ``detente events`` (bound parameters). The column mapping
of each format is documented in ``docs/export.md``. This module never imports spaCy.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import duckdb

from .errors import DetenteError
from .query import EVENT_VIEW_COLUMNS, EventFilter

FORMATS = ("gdelt", "plover", "parquet", "csv")

# The 61 columns of the GDELT 2.0 event table, in order (GDELT Event Codebook V2.0).
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    + tuple(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
assert len(GDELT_COLUMNS) == 61

_BASE = (
    "FROM events e LEFT JOIN documents d USING (doc_id) LEFT JOIN articles a USING (doc_id) "
    "LEFT JOIN _states sa ON sa.code = e.source LEFT JOIN _states st ON st.code = e.target"
)
_ORDER = " ORDER BY e.event_date NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start"
# event_date padded to a full day ("2014-09" -> 2014-09-01) for GDELT's integer dates.
_DAY = "coalesce(try_strptime(rpad(coalesce(e.event_date, ''), 10, '-01'), '%Y-%m-%d'), NULL)"


def _clean(expr: str) -> str:
    """Tabs and newlines inside a field would break GDELT's unquoted tab-separated layout."""
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


def _actor_cols(side: str, state: str) -> list[str]:
    code, sector, name = f"e.{side}", f"e.{side}_sector", f"e.{side}_name"
    return [
        f"{code} || coalesce({sector}, '')",
        _clean(f"upper({name})"),
        f"{state}.code",
        f"CASE WHEN {state}.code IS NULL THEN {code} END",
        "NULL",
        "NULL",
        "NULL",
        sector,
        "NULL",
        "NULL",
    ]


def _gdelt_select() -> str:
    day = _DAY
    cols = [
        "('x' || substr(e.event_id, 1, 15))::BIT::BIGINT",
        f"strftime({day}, '%Y%m%d')::INTEGER",
        f"strftime({day}, '%Y%m')::INTEGER",
        f"year({day})",
        f"round(year({day}) + dayofyear({day}) / 365.0, 4)",
        *_actor_cols("source", "sa"),
        *_actor_cols("target", "st"),
        "CASE WHEN e.paragraph_role IN ('headline', 'standfirst') THEN 1 ELSE 0 END",
        "e.cameo",
        "substr(e.cameo, 1, 3)",
        "e.root",
        "e.quad_class",
        "e.goldstein",
        "1",
        "1",
        "1",
        "NULL",
    ]
    for state in ("sa", "st", None):
        cols += ["0", "NULL", f"{state}.code" if state else "NULL", "NULL", "NULL", "NULL", "NULL", "NULL"]
    cols += ["strftime(d.ingested_at, '%Y%m%d%H%M%S')::BIGINT", _clean("d.path")]
    assert len(cols) == len(GDELT_COLUMNS)
    return "SELECT " + ", ".join(f'{c} AS "{n}"' for c, n in zip(cols, GDELT_COLUMNS, strict=True))


def _actor_struct(side: str, state: str) -> str:
    return (
        f"{{'code': e.{side}, 'name': e.{side}_name, 'country': {state}.code, "
        f"'sector': e.{side}_sector, 'text': e.{side}_text}}"
    )


def _plover_select() -> str:
    return (
        "SELECT e.event_id AS id, e.event_date AS date, e.date_precision AS date_precision, "
        "e.plover AS event_type, NULL::VARCHAR AS mode, [] ::VARCHAR[] AS contexts, "
        f"{_actor_struct('source', 'sa')} AS actor, {_actor_struct('target', 'st')} AS recipient, "
        "e.quad_class AS quad_class, e.goldstein AS goldstein, e.cameo AS cameo, "
        "e.negated AS negated, e.hypothetical AS hypothetical, e.covert AS covert, "
        "{'sentence': e.sentence, 'sentence_start': e.sentence_start, 'sentence_end': e.sentence_end, "
        "'trigger': e.trigger, 'trigger_start': e.trigger_start, 'trigger_end': e.trigger_end, "
        "'pattern': e.pattern, 'paragraph_role': e.paragraph_role} AS evidence, "
        "{'doc_id': e.doc_id, 'path': d.path, 'unit_id': e.unit_id, 'title': a.title, "
        "'published': e.published} AS document, e.coder_version AS coder_version"
    )


def _flat_select() -> str:
    cols = ["a.title" if c == "title" else "d.path" if c == "path" else f"e.{c}" for c in EVENT_VIEW_COLUMNS]
    return "SELECT " + ", ".join(cols)


def _month() -> str:
    return (
        "CASE WHEN length(e.event_date) >= 7 THEN substr(e.event_date, 1, 7) "
        "ELSE coalesce(e.event_date, 'undated') END AS month"
    )


def _states(con: duckdb.DuckDBPyConnection) -> None:
    """A temporary table of ISO 3166 alpha-3 codes (the state actors) for the country columns."""
    import pycountry

    con.execute("CREATE OR REPLACE TEMP TABLE _states (code VARCHAR)")
    con.executemany("INSERT INTO _states VALUES (?)", [[c.alpha_3] for c in pycountry.countries])


def _sql(fmt: str, flt: EventFilter) -> tuple[str, list[Any], str]:
    if fmt == "gdelt":  # GDELT has no modality columns: only factual events are exported
        flt = EventFilter(**{**flt.__dict__, "factual": True})
    where, params = flt.where()
    select = {
        "gdelt": _gdelt_select(),
        "plover": _plover_select(),
        "csv": _flat_select(),
        "parquet": _flat_select() + ", " + _month(),
    }[fmt]
    sql = f"{select} {_BASE}{where}{_ORDER}"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(flt.limit)))
    options = {
        "gdelt": "FORMAT CSV, DELIMITER '\t', HEADER false, QUOTE ''",
        "plover": "FORMAT JSON",
        "csv": "FORMAT CSV, HEADER true",
        "parquet": "FORMAT PARQUET, PARTITION_BY (month), OVERWRITE_OR_IGNORE true",
    }[fmt]
    return sql, params, options


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    out: str | None,
    flt: EventFilter | None = None,
    stdout: Callable[[], IO[bytes]] | None = None,
) -> int:
    """Write the events matching ``flt`` in ``fmt`` to ``out`` (a file; a folder for parquet).

    Without ``out`` the file is written to standard output (not for parquet). Returns the
    number of events written.
    """
    if fmt not in FORMATS:
        raise DetenteError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not isinstance(con, duckdb.DuckDBPyConnection):
        raise DetenteError("export reads a DuckDB store; give --db FILE.duckdb")
    if fmt == "parquet" and not out:
        raise DetenteError("parquet export writes a folder of month partitions: give --out FOLDER")
    _states(con)
    sql, params, options = _sql(fmt, flt or EventFilter())
    row = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    count = int(row[0]) if row else 0
    if out:
        target = Path(out)
        if fmt != "parquet":
            target.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY ({sql}) TO '{_quote(str(target))}' ({options})", params)
        return count
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"events.{fmt}"
        con.execute(f"COPY ({sql}) TO '{_quote(str(path))}' ({options})", params)
        sink = stdout() if stdout else sys.stdout.buffer
        with path.open("rb") as handle:
            shutil.copyfileobj(handle, sink)
        sink.flush()
    return count


def _quote(path: str) -> str:
    return path.replace("'", "''")
