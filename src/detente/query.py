"""The one query layer over the store, shared by the CLI and the Python API.

Filters are bound as parameters; column names come from fixed lists, never from user input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from .errors import DetenteError

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
    "reported_by",
    "reported_by_text",
    "doc_id",
    "unit_id",
    "path",
    "title",
)


class QueryError(DetenteError):
    """A query parameter is not one of the allowed values."""


MODALITIES = {
    "factual": "NOT e.negated AND NOT e.hypothetical",
    "negated": "e.negated",
    "hypothetical": "e.hypothetical",
    "covert": "e.covert",
}
_TIE = "e.doc_id, e.sentence_start, e.trigger_start, e.event_id"
EVENT_SORTS = {
    "-date": f"e.event_date DESC NULLS LAST, {_TIE}",
    "date": f"e.event_date ASC NULLS LAST, {_TIE}",
    "-goldstein": f"e.goldstein DESC NULLS LAST, e.event_date DESC NULLS LAST, {_TIE}",
    "goldstein": f"e.goldstein ASC NULLS LAST, e.event_date DESC NULLS LAST, {_TIE}",
}


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
    offset: int = 0
    modality: str | None = None  # one of MODALITIES: "factual", "negated", "hypothetical", "covert"
    sort: str = "-date"  # one of EVENT_SORTS

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
        if self.modality:
            if self.modality not in MODALITIES:
                raise QueryError(f"unknown modality {self.modality!r}; use one of {', '.join(MODALITIES)}")
            clauses.append(MODALITIES[self.modality])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _date_bound(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, where: str, params: list[Any], summary: str | None
) -> tuple[str, list[Any]]:
    """Narrow a date-sorted page query exactly: the last row of the page has some date D (found by
    sorting the date column alone, or from a summary's counts per date), and every row of the page
    is on D's side of it."""
    desc = "DESC" if flt.sort == "-date" else "ASC"
    k = max(0, int(flt.offset or 0)) + max(0, int(flt.limit or 0))
    if k == 0:
        return where, params
    qparams = params
    located = flt.actor or flt.source or flt.target or flt.dyad
    # Sorting the date column of the events table is fastest for early pages of unlocated
    # queries; a dyad's (or a deep page's) counts per date come faster from a summary.
    if summary is None or flt.cameo or (not located and k <= 1000):
        sql = (
            f"SELECT e.event_date FROM events e{where} "
            f"ORDER BY e.event_date {desc} NULLS LAST LIMIT 1 OFFSET ?"
        )
    elif not (located or flt.start or flt.end or flt.modality or flt.factual):
        column = f"{desc.lower()}_n"  # "desc_n" or "asc_n", from the two sorts above
        sql = (
            f"SELECT event_date FROM {summary}.date_totals WHERE {column} >= ? + 1 ORDER BY {column} LIMIT 1"
        )
    else:
        src = _Source(flt, summary, dated=True)
        table = src.table if located else f"{summary}.dates"
        swhere, sparams = src.narrow(flt, where, params) if located else (where, params)
        sql = f"""SELECT event_date FROM (
                    SELECT event_date, sum(n) OVER (ORDER BY event_date {desc} NULLS LAST
                                                    ROWS UNBOUNDED PRECEDING) AS cum
                    FROM (SELECT e.event_date, sum(e.n) AS n FROM {table} e{swhere} GROUP BY 1))
                  WHERE cum >= ? + 1 ORDER BY cum LIMIT 1"""
        qparams = sparams
    row = con.execute(sql, [*qparams, k - 1]).fetchone()
    if row is None or row[0] is None:  # fewer rows than the page, or the page reaches undated ones
        return where, params
    bound = f"e.event_date {'>=' if desc == 'DESC' else '<='} ?"
    return (f"{where} AND {bound}" if where else f" WHERE {bound}"), [*params, row[0]]


def events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, summary: str | None = None
) -> tuple[list[str], list[tuple]]:
    """Events matching ``flt``, newest first, with the article path and title.

    ``summary`` names the schema of ``build_summaries`` tables used to find a date-sorted page
    faster (same rows)."""
    flt = flt or EventFilter()
    where, params = flt.where()
    if flt.sort not in EVENT_SORTS:
        raise QueryError(f"unknown sort {flt.sort!r}; use one of {', '.join(EVENT_SORTS)}")
    order = EVENT_SORTS[flt.sort]
    cols = ", ".join(
        "a.title" if c == "title" else "d.path" if c == "path" else f"e.{c}" for c in EVENT_VIEW_COLUMNS
    )
    if flt.limit is not None and flt.sort in ("-date", "date"):
        where, params = _date_bound(con, flt, where, params, summary)
    # The page is cut from the events table alone, then joined: same rows, far less work.
    page = f"SELECT * FROM events e{where} ORDER BY {order}"
    if flt.limit is not None:
        page += " LIMIT ?"
        params.append(max(0, int(flt.limit)))
    if flt.offset:
        page += " OFFSET ?"
        params.append(max(0, int(flt.offset)))
    sql = (
        f"WITH e AS ({page}) SELECT {cols} FROM e LEFT JOIN documents d USING (doc_id) "
        f"LEFT JOIN articles a USING (doc_id) ORDER BY {order}"
    )
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


# -- views for the Python API, the HTTP API and the dashboard ---------------------------------

# event_date holds "2014", "2014-09" or "2014-09-25": a partial date counts from its first day.
_EVENT_DAY = (
    "TRY_CAST(CASE length(e.event_date) WHEN 4 THEN e.event_date || '-01-01' "
    "WHEN 7 THEN e.event_date || '-01' ELSE substr(e.event_date, 1, 10) END AS DATE)"
)
INTERVALS = ("day", "week", "month", "year")
_FACTUAL = "NOT e.negated AND NOT e.hypothetical"

# Summaries: the events table grouped by every column a filter can test (cameo aside), so that a
# server holding the store read-only (nothing can write to it meanwhile) answers the same
# questions from far fewer rows. ``n`` counts events, ``gsum`` sums their Goldstein scores.
_FLAGS = "quad_class, negated, hypothetical, covert"
_PAIR = "least(e.source, e.target) || ' ' || greatest(e.source, e.target)"
# Goldstein sums in exact decimal arithmetic: the same totals whatever the order of summing.
_GSUM = "sum(CAST(goldstein AS DECIMAL(18, 3)))"
SUMMARIES = {
    "dyad_totals": f"SELECT source, target, {_FLAGS}, count(*) AS n, {_GSUM} AS gsum "
    "FROM events GROUP BY ALL ORDER BY source, target",
    "dates": f"SELECT event_date, {_FLAGS}, count(*) AS n FROM events GROUP BY ALL ORDER BY event_date",
    # events up to each date, newest first (desc) and oldest first (asc): where a page ends
    "date_totals": "SELECT event_date, sum(count(*)) OVER (ORDER BY event_date DESC NULLS LAST) AS desc_n, "
    "sum(count(*)) OVER (ORDER BY event_date ASC NULLS LAST) AS asc_n FROM events GROUP BY event_date "
    "ORDER BY event_date",
    # ``pair`` (the two codes, sorted) is the sort key, so a dyad's rows sit in a few row groups
    "dyad_dates": f"SELECT {_PAIR} AS pair, source, target, event_date, {_EVENT_DAY} AS day, {_FLAGS}, "
    f"count(*) AS n, {_GSUM} AS gsum FROM events e GROUP BY ALL ORDER BY pair, event_date",
}


def build_summaries(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """Create the ``SUMMARIES`` tables in ``schema`` (e.g. an in-memory ``memory.main``)."""
    for name, sql in SUMMARIES.items():
        con.execute(f"CREATE OR REPLACE TABLE {schema}.{name} AS {sql}")


class _Source:
    """Where an aggregate reads from: the events table, or a summary table with n and gsum.

    Queries group twice: first by their keys and the modality flags (``n`` events, ``g`` summed
    Goldstein per group), then the few groups are pivoted into columns with ``n(cond)`` etc.
    """

    def __init__(self, flt: EventFilter, summary: str | None, dated: bool) -> None:
        # A summary has no cameo; dyad_totals has no dates either.
        usable = summary is not None and not flt.cameo
        if usable and not dated and not (flt.start or flt.end):
            self.table = f"{summary}.dyad_totals"
        elif usable:
            self.table = f"{summary}.dyad_dates"
        else:
            self.table = "events"
        self.raw = self.table == "events"
        self.day = _EVENT_DAY if self.raw else "e.day"
        self.inner_n = "count(*)" if self.raw else "sum(e.n)"
        self.inner_g = "sum(CAST(e.goldstein AS DECIMAL(18, 3)))" if self.raw else "sum(e.gsum)"

    def narrow(self, flt: EventFilter, where: str, params: list[Any]) -> tuple[str, list[Any]]:
        """Add the pair implied by a dyad (or a source and target) filter: an equality on the
        summary's sort key, which lets DuckDB skip the other row groups. Same rows."""
        codes = flt.dyad or ((flt.source, flt.target) if flt.source and flt.target else None)
        if self.table.endswith(".dyad_dates") and codes:
            clause = "e.pair = ?"
            pair = " ".join(sorted(codes))
            return (f"{where} AND {clause}" if where else f" WHERE {clause}"), [*params, pair]
        return where, params

    def grouped(self, keys: str, where: str) -> str:
        """The first grouping: ``keys`` plus the flags, with ``n`` and ``g``."""
        return (
            f"SELECT {keys}, e.quad_class, e.negated, e.hypothetical, e.covert, "
            f"{self.inner_n} AS n, {self.inner_g} AS g FROM {self.table} e{where} GROUP BY ALL"
        )

    @staticmethod
    def n(cond: str = "TRUE") -> str:
        return f"coalesce(sum(e.n) FILTER (WHERE {cond}), 0)"

    @staticmethod
    def g(cond: str) -> str:
        return f"coalesce(CAST(sum(e.g) FILTER (WHERE {cond}) AS DOUBLE), 0)"

    @staticmethod
    def mean(cond: str, digits: int = 6) -> str:
        total = f"CAST(sum(e.g) FILTER (WHERE {cond}) AS DOUBLE)"
        return f"round({total} / nullif(sum(e.n) FILTER (WHERE {cond}), 0), {digits})"


TIMELINE_COLUMNS = (
    "period",
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein_sum",
    "goldstein_mean",
    "covert",
    "covert_goldstein_sum",
    "hypothetical",
    "hypothetical_goldstein_sum",
    "negated",
    "undated",
)


def timeline(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    interval: str = "month",
    summary: str | None = None,
) -> tuple[list[str], list[tuple]]:
    """Events matching ``flt`` per period (the first day of each day/week/month/year).

    ``events``, the QuadClass counts and the Goldstein sum and mean cover factual events (neither
    negated nor hypothetical; covert ones included); ``covert`` (factual and covert),
    ``hypothetical`` and ``negated`` are counted apart so each can be shown or left out.
    Events whose date cannot be read are counted in the ``undated`` column of a NULL period.
    Goldstein means are rounded to 6 decimals. ``summary`` names the schema of
    ``build_summaries`` tables to read instead of the events table (same results).
    """
    if interval not in INTERVALS:
        raise QueryError(f"unknown interval {interval!r}; use one of {', '.join(INTERVALS)}")
    flt = flt or EventFilter()
    where, params = flt.where()
    src = _Source(flt, summary, dated=True)
    where, params = src.narrow(flt, where, params)
    period = f"CAST(date_trunc('{interval}', {src.day}) AS DATE) AS period"  # interval: allow-listed
    covert = f"{_FACTUAL} AND e.covert"
    quads = ", ".join(src.n(f"{_FACTUAL} AND e.quad_class = {q}") for q in (1, 2, 3, 4))
    sql = f"""
        SELECT e.period, {src.n(_FACTUAL)}, {quads}, {src.g(_FACTUAL)}, {src.mean(_FACTUAL)},
               {src.n(covert)}, {src.g(covert)}, {src.n("e.hypothetical")}, {src.g("e.hypothetical")},
               {src.n("e.negated")}, {src.n("e.period IS NULL")}
        FROM ({src.grouped(period, where)}) e
        GROUP BY 1 ORDER BY 1 NULLS LAST
    """
    return list(TIMELINE_COLUMNS), con.execute(sql, params).fetchall()


NETWORK_COLUMNS = (
    "source",
    "target",
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "quad_class",
    "mean_goldstein",
    "covert",
    "hypothetical",
    "negated",
)


def network(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    limit: int = 200,
    summary: str | None = None,
) -> tuple[list[str], list[tuple]]:
    """Actor network edges: per directed dyad (self-loops left out), factual events per QuadClass.

    ``quad_class`` is the edge's most frequent QuadClass (ties go to the lower class); edges are
    ordered by factual events, at most ``limit`` of them. ``summary`` as in ``timeline``.
    """
    flt = flt or EventFilter()
    where, params = flt.where()
    src = _Source(flt, summary, dated=False)
    where, params = src.narrow(flt, where, params)
    loop = "e.source <> e.target"
    where = f"{where} AND {loop}" if where else f" WHERE {loop}"
    q = [src.n(f"{_FACTUAL} AND e.quad_class = {i}") for i in (1, 2, 3, 4)]
    sql = f"""
        SELECT source, target, events, q1, q2, q3, q4,
               CASE greatest(q1, q2, q3, q4) WHEN 0 THEN NULL WHEN q1 THEN 1 WHEN q2 THEN 2
                    WHEN q3 THEN 3 ELSE 4 END,
               mean_goldstein, covert, hypothetical, negated
        FROM (SELECT e.source, e.target, {src.n(_FACTUAL)} AS events,
                     {q[0]} AS q1, {q[1]} AS q2, {q[2]} AS q3, {q[3]} AS q4,
                     {src.mean(_FACTUAL, 2)} AS mean_goldstein,
                     {src.n(f"{_FACTUAL} AND e.covert")} AS covert,
                     {src.n("e.hypothetical")} AS hypothetical,
                     {src.n("e.negated")} AS negated
              FROM ({src.grouped("e.source, e.target", where)}) e GROUP BY e.source, e.target)
        WHERE events > 0
        ORDER BY events DESC, source, target LIMIT ?
    """
    return list(NETWORK_COLUMNS), con.execute(sql, [*params, max(0, int(limit))]).fetchall()


def pairs(
    con: duckdb.DuckDBPyConnection, limit: int = 500, summary: str | None = None
) -> tuple[list[str], list[tuple]]:
    """Undirected actor pairs (``a`` < ``b``) by number of events, self-pairs left out."""
    src = _Source(EventFilter(), summary, dated=False)
    keys = "least(e.source, e.target) AS a, greatest(e.source, e.target) AS b"
    sql = f"""
        SELECT e.a, e.b, {src.n()} AS events, {src.n(_FACTUAL)} AS factual
        FROM ({src.grouped(keys, " WHERE e.source <> e.target")}) e
        GROUP BY 1, 2 ORDER BY events DESC, e.a, e.b LIMIT ?
    """
    return ["a", "b", "events", "factual"], con.execute(sql, [max(0, int(limit))]).fetchall()


def count_events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, summary: str | None = None
) -> int:
    """How many events match ``flt`` (its limit and offset ignored). ``summary`` as in ``timeline``."""
    flt = flt or EventFilter()
    where, params = flt.where()
    src = _Source(flt, summary, dated=False)
    where, params = src.narrow(flt, where, params)
    row = con.execute(f"SELECT {src.inner_n} FROM {src.table} e{where}", params).fetchone()
    return int(row[0] or 0) if row else 0


ARTICLE_COLUMNS = ("doc_id", "title", "published", "publisher", "genre", "path", "events", "ingested_at")


def articles(
    con: duckdb.DuckDBPyConnection, limit: int = 100, offset: int = 0
) -> tuple[list[str], list[tuple]]:
    """Stored articles, newest ingest first, with their number of events."""
    sql = """
        SELECT a.doc_id, a.title, a.published, a.publisher, a.genre, d.path,
               (SELECT count(*) FROM events e WHERE e.doc_id = a.doc_id), d.ingested_at
        FROM articles a LEFT JOIN documents d USING (doc_id)
        ORDER BY d.ingested_at DESC, a.doc_id LIMIT ? OFFSET ?
    """
    return list(ARTICLE_COLUMNS), con.execute(sql, [max(0, limit), max(0, offset)]).fetchall()


def _records(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


STORY_EVENT_COLUMNS = (
    "story_id",
    "source",
    "target",
    "cameo",
    "negated",
    "hypothetical",
    "covert",
    "num_mentions",
    "num_articles",
    "num_sources",
    "goldstein",
    "quad_class",
    "first_date",
    "title",
    "sentence",
)


def story_events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None
) -> tuple[list[str], list[tuple]]:
    """Events counted once per story, GDELT-style: NumMentions (rows: headline and body count
    twice), NumArticles (distinct documents) and NumSources (distinct publishers, else paths).
    Articles without a story row are their own story."""
    flt = flt or EventFilter()
    where, params = flt.where()
    sql = f"""
        SELECT coalesce(s.story_id, e.doc_id) AS story_id, e.source, e.target, e.cameo,
               e.negated, e.hypothetical, bool_or(e.covert),
               count(*), count(DISTINCT e.doc_id),
               count(DISTINCT coalesce(a.publisher, d.path)),
               max(e.goldstein), max(e.quad_class), min(e.event_date),
               arg_min(a.title, e.doc_id), arg_min(e.sentence, e.sentence_start)
        FROM events e LEFT JOIN stories s USING (doc_id) LEFT JOIN articles a USING (doc_id)
             LEFT JOIN documents d USING (doc_id){where}
        GROUP BY 1, e.source, e.target, e.cameo, e.negated, e.hypothetical
        ORDER BY count(*) DESC, min(e.event_date) DESC NULLS LAST, 1, e.source, e.target, e.cameo,
                 e.negated, e.hypothetical
    """
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(flt.limit)))
    return list(STORY_EVENT_COLUMNS), con.execute(sql, params).fetchall()


QUOTE_VIEW_COLUMNS = (
    "published",
    "kind",
    "speaker",
    "speaker_code",
    "speaker_name",
    "speaker_role",
    "cue",
    "content",
    "content_start",
    "content_end",
    "paragraph_role",
    "doc_id",
    "path",
    "title",
)


def search_quotes(
    con: duckdb.DuckDBPyConnection,
    speaker: str | None = None,
    about: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> tuple[list[str], list[tuple]]:
    """Stored quotes. ``speaker`` matches the speaker as written, its name or its code
    (case-insensitive substring); ``about`` an actor code the speaker has or an event in the
    quote's content has as source or target."""
    clauses: list[str] = []
    params: list[Any] = []
    if speaker:
        clauses.append(
            "(contains(lower(q.speaker), ?) OR contains(lower(coalesce(q.speaker_name, '')), ?) "
            "OR upper(coalesce(q.speaker_code, '')) = ?)"
        )
        params += [speaker.lower(), speaker.lower(), speaker.upper()]
    if about:
        clauses.append(
            "(q.speaker_code = ? OR EXISTS (SELECT 1 FROM events e WHERE e.doc_id = q.doc_id "
            "AND (e.source = ? OR e.target = ?) AND e.trigger_start >= q.content_start "
            "AND e.trigger_end <= q.content_end))"
        )
        params += [about.upper()] * 3
    if kind:
        clauses.append("q.kind = ?")
        params.append(kind)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    cols = ", ".join(
        "a.title" if c == "title" else "d.path" if c == "path" else f"q.{c}" for c in QUOTE_VIEW_COLUMNS
    )
    sql = (
        f"SELECT {cols} FROM quotes q LEFT JOIN documents d USING (doc_id) "
        f"LEFT JOIN articles a USING (doc_id){where} "
        "ORDER BY q.published DESC NULLS LAST, q.doc_id, q.content_start"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(limit)))
    return list(QUOTE_VIEW_COLUMNS), con.execute(sql, params).fetchall()
