"""The one query layer over the store, shared by the CLI and the Python API.

Filters are bound as parameters; column names come from fixed lists, never from user input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

EVENT_VIEW_COLUMNS = (
    "event_id",
    "event_date",
    "date_precision",
    "published",
    "source",
    "target",
    "cameo",
    "root",
    "plover",
    "goldstein",
    "quad_class",
    "negated",
    "hypothetical",
    "covert",
    "source_name",
    "target_name",
    "source_sector",
    "target_sector",
    "trigger",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger_start",
    "trigger_end",
    "pattern",
    "source_text",
    "target_text",
    "paragraph_role",
    "doc_id",
    "unit_id",
    "path",
    "title",
)


@dataclass
class EventFilter:
    """Event filters. ``dyad`` matches both directions; ``cameo`` is a code prefix ("19", "042")."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    cameo: str | None = None
    start: str | None = None  # event date >= start (ISO prefix)
    end: str | None = None  # event date <= end
    factual: bool = False  # only events neither negated nor hypothetical
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("(e.source = ? OR e.target = ?)")
            params += [self.actor, self.actor]
        if self.source:
            clauses.append("e.source = ?")
            params.append(self.source)
        if self.target:
            clauses.append("e.target = ?")
            params.append(self.target)
        if self.dyad:
            a, b = self.dyad
            clauses.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
            params += [a, b, b, a]
        if self.cameo:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.start:
            clauses.append("e.event_date >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("substr(e.event_date, 1, ?) <= ?")
            params += [len(self.end), self.end]
        if self.factual:
            clauses.append("NOT e.negated AND NOT e.hypothetical")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> tuple[list[str], list[tuple]]:
    """Events matching ``flt``, newest first, with the article path and title."""
    flt = flt or EventFilter()
    where, params = flt.where()
    cols = ", ".join(
        "a.title" if c == "title" else "d.path" if c == "path" else f"e.{c}" for c in EVENT_VIEW_COLUMNS
    )
    sql = (
        f"SELECT {cols} FROM events e LEFT JOIN documents d USING (doc_id) "
        f"LEFT JOIN articles a USING (doc_id){where} "
        "ORDER BY e.event_date DESC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start"
    )
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(flt.limit)))
    return list(EVENT_VIEW_COLUMNS), con.execute(sql, params).fetchall()


DYAD_COLUMNS = (
    "source",
    "target",
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "mean_goldstein",
    "hypothetical",
    "negated",
    "covert",
    "first",
    "last",
)


def dyads(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> tuple[list[str], list[tuple]]:
    """Per directed dyad: factual events per QuadClass, mean Goldstein; modal events counted apart."""
    flt = flt or EventFilter()
    where, params = flt.where()
    factual = "NOT e.negated AND NOT e.hypothetical"
    sql = f"""
        SELECT e.source, e.target,
               count(*) FILTER (WHERE {factual}) AS events,
               count(*) FILTER (WHERE {factual} AND e.quad_class = 1),
               count(*) FILTER (WHERE {factual} AND e.quad_class = 2),
               count(*) FILTER (WHERE {factual} AND e.quad_class = 3),
               count(*) FILTER (WHERE {factual} AND e.quad_class = 4),
               round(avg(e.goldstein) FILTER (WHERE {factual}), 2),
               count(*) FILTER (WHERE e.hypothetical),
               count(*) FILTER (WHERE e.negated),
               count(*) FILTER (WHERE e.covert),
               min(e.event_date), max(e.event_date)
        FROM events e{where}
        GROUP BY e.source, e.target
        ORDER BY events DESC, count(*) DESC, e.source, e.target
    """
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(flt.limit)))
    return list(DYAD_COLUMNS), con.execute(sql, params).fetchall()


def skips(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> tuple[list[str], list[tuple]]:
    cols = ["path", "reason", "detail", "skipped_at"]
    rows = con.execute(
        "SELECT path, reason, detail, skipped_at FROM skips ORDER BY skipped_at DESC LIMIT ?",
        [limit],
    ).fetchall()
    return cols, rows
