"""Coding without storing: a text, a file, stdin, or a JSONL file of units."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from .ingest.files import read_document
from .ingest.units import iter_units
from .models import Event, RawDocument, Skip
from .pipeline import Pipeline, Prepared, prepare, raw_from_text
from .settings import Settings


def code_source(source: str, model: str | None = None, date: str | None = None) -> Iterator[Event]:
    """Events of ``source``: literal text, '-' for stdin, a page file, or a .jsonl units file."""
    settings = Settings()
    pipe = Pipeline(model or settings.model, settings.batch_size, settings.n_process)
    path = Path(source)
    raws: list[RawDocument | Skip]
    if source == "-":
        raws = [raw_from_text(sys.stdin.read(), "<stdin>", date)]
    elif len(source) < 4096 and path.is_file():
        if path.suffix.lower() == ".jsonl":
            raws = list(iter_units(path))
        else:
            raws = [read_document(path, settings.max_bytes)]
    else:
        raws = [raw_from_text(source, "<text>", date)]
    prepared: list[Prepared] = []
    for raw in raws:
        if isinstance(raw, Skip):
            print(f"skipped {raw.path}: {raw.reason} {raw.detail}", file=sys.stderr)
            continue
        if date and not raw.date_hint:
            raw = RawDocument(raw.path, raw.data, raw.content_hash, raw.kind_hint, raw.unit_id, date)
        p = prepare(raw)
        if isinstance(p, Skip):
            print(f"skipped {p.path}: {p.reason} {p.detail}", file=sys.stderr)
            continue
        prepared.append(p)
    for start in range(0, len(prepared), settings.batch_size):
        chunk = prepared[start : start + settings.batch_size]
        for events in pipe.code_articles([(p.article, p.raw.unit_id) for p in chunk]):
            yield from events
