"""The HTTP API and the dashboard: one read-only FastAPI app over a store.

- Read-only: the store is opened with a read-only DuckDB connection; any method other than GET,
  HEAD and OPTIONS is answered 405.
- One JSON error shape for every error: ``{"error": {"status": 404, "code": "not_found",
  "message": "..."}}`` (404, 405, 422, query time limit 504, 500).
- Security headers on every response, among them a Content-Security-Policy that allows scripts
  and styles from this origin only (the dashboard has no inline script).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import DetenteError, StoreError
from .runner import QueryTimeout, open_for_serving

log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
STATIC = resources.files("detente.web") / "static"
_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter"}


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


class JSON(JSONResponse):
    """JSON by orjson, without FastAPI's per-field encoding: dates as ISO strings, NaN as null."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, default=_default)


def error_response(status: int, message: str, code: str | None = None, **extra: Any) -> JSON:
    """The one error shape of the API."""
    body: dict[str, Any] = {"status": status, "code": code or _CODES.get(status, "error"), "message": message}
    body.update(extra)
    return JSON({"error": body}, status_code=status)


def create_app(
    db: str, timeout: float = 5.0, summaries: bool = True, allowed_hosts: Collection[str] | None = None
) -> FastAPI:
    """The app over the store file ``db`` (opened read-only), queries limited to ``timeout`` s.

    With ``summaries`` the dyad, network and count queries read pre-aggregated tables built at
    start-up (exact: the same numbers as from the events table). ``allowed_hosts`` (host names
    without port) refuses other Host headers, against DNS rebinding of a loopback server.
    """
    from .routes import router

    runner = open_for_serving(db, summaries)
    runner.timeout = timeout

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.con.close()

    app = FastAPI(
        lifespan=lifespan,
        title="detente",
        version=__version__,
        description="Read-only API over a detente event store: events with evidence, dyad time "
        "series, the actor network and ingest status. Errors: "
        '`{"error": {"status", "code", "message"}}`.',
        docs_url=None,  # Swagger UI loads scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
        redirect_slashes=False,
        default_response_class=JSON,
    )
    app.state.runner = runner

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if allowed_hosts is not None and host not in allowed_hosts:
            response: Response = error_response(400, "this Host is not served here", code="bad_host")
        elif request.method not in READ_METHODS:
            response = error_response(405, f"{request.method} is not allowed: this server is read-only")
            response.headers["Allow"] = "GET, HEAD, OPTIONS"
        else:
            response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSON:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path[:200]}"
        return error_response(exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSON:
        details = [
            {"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]), "problem": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        text = "; ".join(f"{d['parameter']}: {d['problem']}" for d in details)
        return error_response(422, f"invalid parameters: {text}", details=details)

    @app.exception_handler(QueryTimeout)
    async def timed_out(request: Request, exc: QueryTimeout) -> JSON:
        return error_response(504, str(exc), code="query_timeout")

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, exc: DetenteError) -> JSON:
        status = 503 if isinstance(exc, StoreError) else 400
        return error_response(status, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSON:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "internal error; see the server log", code="internal")

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), headers={"Cache-Control": "no-cache"})

    return app
