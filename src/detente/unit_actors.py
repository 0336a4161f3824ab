"""The actor codes resolved in each text, for explaining misses (``detente evaluate --explain``).

A second, separate parse of the texts: coding itself never needs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Article
from .pipeline import Pipeline, coding_text, parse_text


def actor_codes(pipe: Pipeline, articles: Sequence[Article]) -> list[set[str]]:
    """Every actor code the resolver finds in each article (mentions and the story's country)."""
    from .actors.resolver import DocActors
    from .nlp import parse

    prepared = []
    for article in articles:
        text, _ = coding_text(article)
        prepared.append(parse_text(text))
    out: list[set[str]] = []
    docs = parse(pipe.nlp, (parsed for parsed, _ in prepared), pipe.batch_size, 1)
    for article, (_, furniture), doc in zip(articles, prepared, docs, strict=True):
        excluded = [(f.start, f.end) for f in furniture]
        places = [f.place for f in furniture if f.place]
        actors = DocActors(doc, article.date, excluded=excluded, places=places)
        codes = {m.code for m in actors.all_mentions()}
        for token in doc:
            codes.update(m.entry.code for m in actors.resolve(token))
        out.append(codes)
    return out
