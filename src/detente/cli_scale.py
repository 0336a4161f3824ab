"""Command-line parts for scale: ingest's reader options and Ctrl-C handling, ``bench``, ``export``.

Each command only parses its options and calls a library function.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click
import duckdb

from .errors import DetenteError
from .ingest.registry import ReadOptions, TableOptions

INTERRUPTED = 130  # the shell's status for a command ended by SIGINT


@dataclass(frozen=True)
class IngestOptions:
    """What ``ingest`` gets from the options added by :func:`ingest_options`."""

    table: TableOptions
    n_process: int | None = None
    progress_file: str | None = None

    def read_options(self, max_bytes: int) -> ReadOptions:
        return ReadOptions(max_bytes=max_bytes, table=self.table)


def ingest_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add the corpus-column, ``--n-process`` and ``--progress-file`` options to ``ingest``.

    They reach the command as one ``scale: IngestOptions`` argument. Ctrl-C ends the command
    with a message and exit status 130; the open batch is rolled back when the store closes,
    so every committed batch is whole and rerunning the command resumes.
    """

    @functools.wraps(f)
    def wrapper(*args: Any, **kw: Any) -> Any:
        header = kw.pop("csv_header")
        table = TableOptions(
            text=kw.pop("csv_text"),
            title=kw.pop("csv_title"),
            date=kw.pop("csv_date"),
            url=kw.pop("csv_url"),
            id=kw.pop("csv_id"),
            header=None if header is None else header == "yes",
            delimiter=kw.pop("csv_delimiter"),
        )
        kw["scale"] = IngestOptions(table, kw.pop("n_process"), kw.pop("progress_file"))
        try:
            return f(*args, **kw)
        except KeyboardInterrupt:
            _interrupted()
        except DetenteError as exc:  # DuckDB turns Ctrl-C during a write into an error
            if isinstance(exc.__cause__, duckdb.InterruptException):
                _interrupted()
            raise
        except RuntimeError as exc:  # DuckDB 2.0 raises RuntimeError("Query interrupted") for it
            if str(exc) == "Query interrupted":
                _interrupted()
            raise

    col = "column of CSV/TSV corpora: a number from 1 or a header name (a field of .jsonl)"
    options = [
        click.option("--csv-text", metavar="COL", help=f"Text {col}."),
        click.option("--csv-title", metavar="COL", help=f"Headline {col}."),
        click.option("--csv-date", metavar="COL", help=f"Publication date {col}."),
        click.option("--csv-url", metavar="COL", help=f"Page address {col}."),
        click.option("--csv-id", metavar="COL", help=f"Row id {col} (default line=N)."),
        click.option(
            "--csv-header",
            type=click.Choice(["yes", "no"]),
            default=None,
            help="Whether CSV/TSV files have a header row (default: sniffed).",
        ),
        click.option("--csv-delimiter", metavar="CHAR", help="Delimiter (default: sniffed; tab for .tsv)."),
        click.option(
            "--n-process",
            type=click.IntRange(1, 64),
            default=None,
            help="Worker processes that extract, parse and code (default $DETENTE_N_PROCESS or 1).",
        ),
        click.option(
            "--progress-file",
            type=click.Path(dir_okay=False),
            help="Write the counts of committed batches here as JSON after each batch.",
        ),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def _interrupted() -> None:
    click.echo(
        "\ninterrupted: every committed batch is stored whole; run the same command again to resume",
        err=True,
    )
    sys.exit(INTERRUPTED)


@click.command()
@click.argument("path", type=click.Path(exists=True))
@click.option("--n", "n", type=click.IntRange(1), default=200, show_default=True, help="Documents.")
@click.option("--n-process", type=click.IntRange(1, 64), default=2, show_default=True)
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True)
@click.option("--model", envvar="DETENTE_MODEL", default=None, help="spaCy model.")
@click.option(
    "--repeat",
    type=click.IntRange(1, 20),
    default=1,
    show_default=True,
    help="Alternate the two sides this many times; report every pair and the fastest of each.",
)
def bench(path: str, n: int, n_process: int, batch_size: int, model: str | None, repeat: int) -> None:
    """Measure (a) spaCy parse-only and (b) the full pipeline on the same N documents of PATH.

    Prints articles/s, words/s and peak RSS of each (each in a fresh subprocess) and the
    ratio (b)/(a).
    """
    from .bench import run_bench

    result = run_bench(path, n=n, n_process=n_process, batch_size=batch_size, model=model, repeat=repeat)
    for line in result.lines():
        click.echo(line)


@click.command()
@click.option("--db", envvar="DETENTE_DB", default=None, help="Store file (default ./detente.duckdb).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gdelt", "plover", "parquet", "csv"]),
    required=True,
    help="gdelt: GDELT 2.0 event table (TSV, 61 columns, factual events); plover: JSON lines; "
    "parquet: a folder partitioned by month; csv: the events view.",
)
@click.option("--out", type=click.Path(), default=None, help="Output file (a folder for parquet).")
@click.option("--actor", help="Actor code as source or target (e.g. IRN).")
@click.option("--source", help="Source actor code.")
@click.option("--target", help="Target actor code.")
@click.option("--dyad", help="Two actor codes, either direction: USA,IRN.")
@click.option("--cameo", help="CAMEO code prefix: 19, 042 ...")
@click.option("--from", "start", help="Event date on or after (YYYY[-MM[-DD]]).")
@click.option("--to", "end", help="Event date on or before (YYYY[-MM[-DD]]).")
@click.option("--factual", is_flag=True, help="Only events neither negated nor hypothetical.")
@click.option("--limit", type=click.IntRange(0), default=None, help="At most this many events.")
def export(db, fmt, out, actor, source, target, dyad, cameo, start, end, factual, limit):  # type: ignore[no-untyped-def]
    """Export stored events as GDELT 2.0 TSV, PLOVER JSON lines, Parquet (by month) or CSV.

    Without --out the file goes to standard output (parquet needs --out). See docs/export.md.
    """
    from .cli import _filter
    from .export import export as run_export
    from .store import open_store

    flt = _filter(actor, source, target, dyad, cameo, start, end, factual, limit)
    with open_store(db, read_only=True) as store:
        count = run_export(store.con, fmt, out, flt)
    if out:
        click.echo(f"{count} events -> {out}", err=True)
