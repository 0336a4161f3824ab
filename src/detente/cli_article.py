"""Article commands: ``extract``, ``evaluate-extraction``, ``quotes``, ``evaluate-quotes``, ``stories``.

Each command parses its options and calls a library function; they are registered on the
``detente`` group in :mod:`detente.cli`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .settings import Settings

_SHARED = Path("../shared")


def _db_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--db", envvar="DETENTE_DB", default=None, help="Store file (default ./detente.duckdb)."
    )(f)


def _model_option(f):  # type: ignore[no-untyped-def]
    return click.option("--model", envvar="DETENTE_MODEL", default=None, help="spaCy model.")(f)


def _emit(cols: list[str], rows: list[tuple], fmt: str, table_cols: list[str] | None = None) -> None:
    from .cli import _emit as emit

    emit(cols, rows, fmt, table_cols)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--no-quotes", is_flag=True, help="Skip quote finding (no spaCy model is loaded).")
@_model_option
def extract_command(paths: tuple[str, ...], fmt: str, no_quotes: bool, model: str | None) -> None:
    """Extract articles without coding events: one record per document.

    Fields: id (SHA-256 of the content), path, title, date, authors, publisher, language, genre,
    body, captions, turns, quotes (offsets in the headline + body text). Inputs that cannot be
    read are reported on stderr; the exit status is then 1.
    """
    from .extract.records import extract_records
    from .models import Skip

    settings = Settings()
    pipeline = None
    if not no_quotes:
        from .pipeline import Pipeline

        pipeline = Pipeline(model or settings.model, settings.batch_size)
    records: list[dict[str, object]] = []
    skipped = 0
    for item in extract_records(list(paths), settings.max_bytes, pipeline, settings.batch_size):
        if isinstance(item, Skip):
            skipped += 1
            detail = f" ({item.detail})" if item.detail else ""
            click.echo(f"skipped {item.path}: {item.reason}{detail}", err=True)
        elif fmt == "jsonl":
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            records.append(item)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if skipped:
        sys.exit(1)


@click.command("evaluate-extraction")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False))
def evaluate_extraction_command(folder: str | None) -> None:
    """Score body extraction (scrapinghub HTML and text dumps, shingle F1) and metadata
    (naeb-subset: title exact match, date, authors) under FOLDER (default
    ../shared/corpora/extraction)."""
    from .extract.benchmark import evaluate_extraction
    from .extract.metadata_eval import evaluate_metadata

    base = Path(folder) if folder else _SHARED / "corpora" / "extraction"
    for name, res in evaluate_extraction(base).items():
        click.echo(
            f"{name:<9} pages={res['pages']} P={res['precision']:.3f} R={res['recall']:.3f} "
            f"F1={res['f1']:.3f} mean-page-F1={res['mean_page_f1']:.3f}"
        )
    naeb = base / "naeb-subset" if (base / "naeb-subset").is_dir() else base
    if (naeb / "articles.json").is_file():
        for line in evaluate_metadata(naeb).lines():
            click.echo(line)


@click.command("quotes")
@_db_option
@click.option("--speaker", help="Speaker as written, resolved name or actor code (substring, any case).")
@click.option("--about", help="Actor code: the speaker's, or an actor of an event inside the quote.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "interview"]), default=None)
@click.option("--limit", type=click.IntRange(0), default=None)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True
)
def quotes_command(
    db: str | None, speaker: str | None, about: str | None, kind: str | None, limit: int | None, fmt: str
) -> None:
    """List stored quotes: who said what, with the cue verb and the content."""
    from . import query
    from .store import open_store

    with open_store(db, read_only=True) as store:
        cols, rows = query.search_quotes(store.con, speaker, about, kind, limit)
    _emit(cols, rows, fmt, ["published", "kind", "speaker", "speaker_code", "speaker_name", "cue", "content"])


@click.command("evaluate-quotes")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--shared", type=click.Path(file_okay=False), default=str(_SHARED), show_default=True)
@click.option("--explain", is_flag=True, help="List misses, false alarms and wrong speakers.")
@_model_option
def evaluate_quotes_command(gold: str, shared: str, explain: bool, model: str | None) -> None:
    """Score quote finding on GOLD (e.g. evaluation/quotes/bbc-politics.jsonl)."""
    from .quotes_eval import evaluate_quotes

    score = evaluate_quotes(gold, shared, model)
    if explain:
        for line in score.misses:
            click.echo(line)
    for path in score.missing_docs:
        click.echo(f"not found: {path}", err=True)
    for line in score.lines():
        click.echo(line)


@click.command("stories")
@_db_option
@click.option("--relink", is_flag=True, help="Recompute the near-duplicate groups first (writes).")
@click.option("--limit", type=click.IntRange(0), default=None)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True
)
def stories_command(db: str | None, relink: bool, limit: int | None, fmt: str) -> None:
    """Events counted once per story (near-duplicate articles linked with MinHash LSH), with
    GDELT-style num_mentions, num_articles and num_sources."""
    from . import query
    from .query import EventFilter
    from .store import open_store

    if relink:
        from .stories import link_stories

        with open_store(db) as store:
            n_articles, n_stories = link_stories(store.con)
        click.echo(f"{n_articles} articles in {n_stories} stories", err=True)
    with open_store(db, read_only=True) as store:
        cols, rows = query.story_events(store.con, EventFilter(limit=limit))
    _emit(
        cols,
        rows,
        fmt,
        [
            "story_id",
            "source",
            "target",
            "cameo",
            "hypothetical",
            "num_mentions",
            "num_articles",
            "num_sources",
        ],
    )


COMMANDS = (
    extract_command,
    evaluate_extraction_command,
    quotes_command,
    evaluate_quotes_command,
    stories_command,
)
