"""``detente extract``: one JSON record per document (article text and metadata, quotes), no events."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from detente.models import Article, Skip

if TYPE_CHECKING:
    from detente.pipeline import Pipeline
    from detente.quotes import Quote


def article_record(
    doc_id: str, path: str, article: Article, quotes: Sequence[Quote] | None
) -> dict[str, object]:
    """The record of one document. Quote offsets are in the headline + body text the coder reads."""
    return {
        "id": doc_id,
        "path": path,
        "title": article.title,
        "date": article.date,
        "authors": list(article.authors),
        "publisher": article.publisher,
        "language": article.language,
        "genre": article.genre,
        "body": article.body,
        "captions": list(article.captions),
        "turns": [dataclasses.asdict(t) for t in article.turns],
        "quotes": None if quotes is None else [dataclasses.asdict(q) for q in quotes],
    }


def extract_records(
    paths: Sequence[str], max_bytes: int, pipeline: Pipeline | None = None, batch_size: int = 32
) -> Iterator[dict[str, object] | Skip]:
    """Records of the documents under ``paths`` (quotes when ``pipeline`` is given), or Skips."""
    from detente.ingest import iter_documents
    from detente.pipeline import Prepared, prepare

    batch: list[Prepared] = []

    def flush() -> Iterator[dict[str, object]]:
        found = pipeline.analyse_articles([(p.article, p.raw.unit_id) for p in batch]) if pipeline else None
        for i, p in enumerate(batch):
            qs = found[i][1] if found is not None else None
            yield article_record(p.raw.content_hash, p.raw.path, p.article, qs)
        batch.clear()

    for item in iter_documents(paths, max_bytes):
        if isinstance(item, Skip):
            yield item
            continue
        prepared = prepare(item)
        if isinstance(prepared, Skip):
            yield prepared
            continue
        batch.append(prepared)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
