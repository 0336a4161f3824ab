"""``detente serve``: the read-only HTTP API and dashboard (registered in ``cli.py``)."""

from __future__ import annotations

import click

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@click.command()
@click.option("--db", envvar="DETENTE_DB", default=None, help="Store file (default ./detente.duckdb).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(0.01, 600),
    default=5.0,
    show_default=True,
    help="Cancel a query after this many seconds.",
)
def serve(db: str | None, host: str, port: int, timeout: float) -> None:
    """Serve the dashboard at / and the read-only JSON API at /api (schema: /openapi.json).

    The store is opened read-only; stop the server before ingesting into the same file. On a
    loopback --host, requests naming another Host are refused (DNS rebinding).
    """
    import uvicorn

    from .settings import Settings
    from .web import create_app

    path = db or Settings().db
    loopback = host in LOOPBACK
    app = create_app(path, timeout=timeout, allowed_hosts=LOOPBACK if loopback else None)
    click.echo(f"detente: serving {path} at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
