"""API endpoints: thin wrappers over the query layer (``detente.query``, ``detente.evidence``).

Every parameter is validated here and bound as a query parameter there; names (sort orders,
intervals, modalities) come from allow-lists. Page sizes are clamped to ``MAX_LIMIT``.
"""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from .. import evidence, query
from ..query import EventFilter
from .app import JSON
from .runner import QueryRunner

router = APIRouter(prefix="/api")
MAX_LIMIT = 1000
MAX_CSV = 100_000
MAX_OFFSET = 10_000_000
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Code = Annotated[str | None, Query(max_length=64, description="Actor code, e.g. IRN")]
Modality = Literal["factual", "negated", "hypothetical", "covert"]


def clamp(limit: int, most: int = MAX_LIMIT) -> int:
    """Page size within 1 .. ``most``."""
    return max(1, min(int(limit), most))


def _runner(request: Request) -> QueryRunner:
    runner: QueryRunner = request.app.state.runner
    return runner


Runner = Annotated[QueryRunner, Depends(_runner)]


def _codes(pair: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in pair.replace("-", ",").split(",") if p.strip()]
    if len(parts) != 2:
        raise HTTPException(422, "dyad: give two actor codes, e.g. USA,IRN")
    return parts[0], parts[1]


def event_filter(
    actor: Code = None,
    source: Code = None,
    target: Code = None,
    dyad: Annotated[
        str | None, Query(max_length=130, description="Two codes, either direction: USA,IRN")
    ] = None,
    cameo: Annotated[str | None, Query(max_length=4, pattern=r"^\d{1,4}$", description="Code prefix")] = None,
    start: Annotated[str | None, Query(alias="from", pattern=_DATE, description="YYYY[-MM[-DD]]")] = None,
    end: Annotated[str | None, Query(alias="to", pattern=_DATE, description="YYYY[-MM[-DD]]")] = None,
    modality: Annotated[Modality | None, Query(description="Only events of this modality")] = None,
) -> EventFilter:
    """The event filters of the CLI as query parameters."""
    up = lambda v: v.strip().upper() if v and v.strip() else None  # noqa: E731
    return EventFilter(
        actor=up(actor),
        source=up(source),
        target=up(target),
        dyad=_codes(dyad) if dyad else None,
        cameo=cameo,
        start=start,
        end=end,
        modality=modality,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


def _objects(cols: list[str], rows: list[tuple]) -> list[dict[str, Any]]:
    return [dict(zip(cols, row, strict=True)) for row in rows]


@router.get("/events", summary="Events with their evidence, newest first")
def events(
    run: Runner,
    flt: Filter,
    limit: Annotated[int, Query(description=f"Page size, clamped to 1..{MAX_LIMIT}")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    sort: Annotated[Literal[tuple(query.EVENT_SORTS)], Query()] = "-date",  # type: ignore[valid-type]
) -> JSON:
    flt.limit, flt.offset, flt.sort = clamp(limit), offset, sort
    (cols, rows), total = run.run(
        lambda cur: (query.events(cur, flt, run.summary), query.count_events(cur, flt, run.summary))
    )
    return JSON({"items": _objects(cols, rows), "total": total, "limit": flt.limit, "offset": offset})


@router.get("/events.csv", summary="Events as CSV (at most 100,000 rows)", response_class=Response)
def events_csv(
    run: Runner,
    flt: Filter,
    limit: Annotated[int, Query(description=f"Rows, clamped to 1..{MAX_CSV}")] = MAX_CSV,
) -> Response:
    flt.limit = clamp(limit, MAX_CSV)
    cols, rows = run.run(lambda cur: query.events(cur, flt))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(cols)
    writer.writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


@router.get("/events/{event_id}", summary="One event with its article, paragraph, turn and quote")
def event(run: Runner, event_id: Annotated[str, Path(max_length=64)]) -> JSON:
    ctx = run.run(lambda cur: evidence.event_context(cur, event_id))
    if ctx is None:
        raise HTTPException(404, f"no event {event_id}")
    return JSON(ctx)


@router.get("/dyad", summary="Time series of a dyad: QuadClass counts, Goldstein, modal events apart")
def dyad(
    run: Runner,
    flt: Filter,
    a: Annotated[str, Query(min_length=1, max_length=64, description="First actor code, e.g. USA")],
    b: Annotated[str, Query(min_length=1, max_length=64, description="Second actor code, e.g. IRN")],
    interval: Annotated[Literal[query.INTERVALS], Query()] = "month",  # type: ignore[valid-type]
    directed: Annotated[bool, Query(description="Only a -> b (default: both directions)")] = False,
) -> JSON:
    a, b = a.strip().upper(), b.strip().upper()
    if directed:
        flt.source, flt.target = a, b
    else:
        flt.dyad = (a, b)
    cols, rows = run.run(lambda cur: query.timeline(cur, flt, interval, run.summary))
    return JSON({"a": a, "b": b, "interval": interval, "directed": directed, "series": _objects(cols, rows)})


@router.get("/network", summary="Actor network: directed edges weighted by factual events")
def network(
    run: Runner,
    flt: Filter,
    limit: Annotated[int, Query(description=f"Edges, clamped to 1..{MAX_LIMIT}")] = 150,
) -> JSON:
    cols, rows = run.run(lambda cur: query.network(cur, flt, clamp(limit), run.summary))
    edges = _objects(cols, rows)
    weight: dict[str, int] = {}
    for e in edges:
        for code in (e["source"], e["target"]):
            weight[code] = weight.get(code, 0) + int(e["events"])
    nodes = [{"id": k, "events": v} for k, v in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return JSON({"nodes": nodes, "edges": edges})


@router.get("/pairs", summary="Undirected actor pairs by number of events")
def pairs(run: Runner, limit: Annotated[int, Query()] = 300) -> JSON:
    cols, rows = run.run(lambda cur: query.pairs(cur, clamp(limit), run.summary))
    return JSON({"items": _objects(cols, rows)})


@router.get("/articles", summary="Stored articles with their number of events")
def articles(
    run: Runner,
    limit: Annotated[int, Query()] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> JSON:
    cols, rows = run.run(lambda cur: query.articles(cur, clamp(limit), offset))
    return JSON({"items": _objects(cols, rows), "limit": clamp(limit), "offset": offset})


@router.get("/articles/{doc_id}", summary="One article: text, paragraphs, turns and its events")
def article(run: Runner, doc_id: Annotated[str, Path(max_length=128)]) -> JSON:
    art = run.run(lambda cur: evidence.article(cur, doc_id))
    if art is None:
        raise HTTPException(404, f"no article {doc_id}")
    art["events"] = run.run(lambda cur: evidence.article_events(cur, doc_id))
    return JSON(art)


@router.get("/quotes", summary="Quotes: who said what (when the store has a quotes table)")
def quotes(
    run: Runner,
    speaker: Annotated[str | None, Query(max_length=100, description="Speaker, name or code")] = None,
    about: Code = None,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(description=f"Rows, clamped to 1..{MAX_LIMIT}")] = 100,
) -> JSON:
    def fetch(cur: Any) -> list[dict[str, Any]] | None:
        if not query.has_table(cur, "quotes"):
            return None
        return _objects(*query.search_quotes(cur, speaker, about, kind, clamp(limit)))

    items = run.run(fetch)
    if items is None:
        raise HTTPException(404, "this store has no quotes table")
    return JSON({"items": items, "limit": clamp(limit)})


@router.get("/status", summary="Ingest status: counts, last runs, skips with reasons")
def status(run: Runner, skips: Annotated[int, Query()] = 200) -> JSON:
    return JSON(run.run(lambda cur: evidence.status(cur, skips=clamp(skips))))
