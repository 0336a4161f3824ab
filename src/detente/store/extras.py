"""Rows an article adds beyond documents/articles/events: its quotes and its story signature.

Called by :meth:`detente.store.Store.write_batch` inside the batch transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from ..models import Article
from ..quotes import Quote
from ..stories import signature

QUOTE_COLUMNS = (
    "quote_id",
    "doc_id",
    "kind",
    "speaker",
    "speaker_code",
    "speaker_name",
    "speaker_role",
    "speaker_sector",
    "cue",
    "cue_text",
    "content",
    "content_start",
    "content_end",
    "sentence_start",
    "sentence_end",
    "paragraph_role",
    "published",
)


def quote_row(doc_id: str, art: Article, q: Quote) -> list[object]:
    return [
        q.quote_id(doc_id),
        doc_id,
        q.kind,
        q.speaker,
        q.speaker_code,
        q.speaker_name,
        q.speaker_role,
        q.speaker_sector,
        q.cue,
        q.cue_text,
        q.content,
        q.content_start,
        q.content_end,
        q.sentence_start,
        q.sentence_end,
        q.paragraph_role,
        art.date,
    ]


def write_article_extras(
    con: duckdb.DuckDBPyConnection, doc_id: str, art: Article, quotes: Sequence[Quote]
) -> None:
    """Insert the article's quotes and its story row (its own story until linked)."""
    if quotes:
        con.executemany(
            f"INSERT OR IGNORE INTO quotes VALUES ({', '.join('?' * len(QUOTE_COLUMNS))})",
            [quote_row(doc_id, art, q) for q in quotes],
        )
    con.execute("INSERT OR IGNORE INTO stories VALUES (?, ?, ?)", [doc_id, doc_id, signature(art.body)])


ROWS_PER_STATEMENT = 256


def insert_rows(con: Any, prefix: str, rows: Sequence[Sequence[object]]) -> None:
    """``prefix`` (``INSERT ... VALUES``) for many rows.

    On DuckDB, one statement for the whole batch that unnests one list parameter per column:
    DuckDB checks a primary key per statement and binds a list as one value, so this is much
    faster than ``executemany`` (about 4 ms a row for ``INSERT OR IGNORE``) and than multi-row
    ``VALUES`` (a parameter per value: about 0.4 ms per 17-column quote row, against 0.05 ms).
    The values are cast to the columns' types as ``VALUES`` would cast them. Elsewhere
    (PostgreSQL), multi-row ``VALUES`` statements of ``ROWS_PER_STATEMENT`` rows.
    """
    if not rows:
        return
    width = len(rows[0])
    head, values = prefix.rstrip()[:-6], prefix.rstrip()[-6:]
    if values.upper() != "VALUES":
        raise ValueError(f"not an INSERT ... VALUES: {prefix!r}")
    if isinstance(con, duckdb.DuckDBPyConnection):
        columns = ", ".join(f"unnest(${i})" for i in range(1, width + 1))
        con.execute(f"{head} SELECT {columns}", [list(c) for c in zip(*rows, strict=True)])
        return
    group = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        con.execute(f"{prefix} {', '.join([group] * len(chunk))}", [v for row in chunk for v in row])


def write_extras(
    con: Any,
    articles: Sequence[tuple[str, Article, Sequence[Quote]]],
    signatures: Mapping[str, bytes | None] | None = None,
) -> None:
    """:func:`write_article_extras` for a batch of ``(doc_id, article, quotes)``, in two statements.

    ``signatures`` (doc id -> :func:`detente.stories.signature` of the body) saves computing the
    ones it has again."""
    known = signatures or {}
    insert_rows(
        con,
        "INSERT OR IGNORE INTO quotes VALUES",
        [quote_row(doc_id, art, q) for doc_id, art, quotes in articles for q in quotes],
    )
    insert_rows(
        con,
        "INSERT OR IGNORE INTO stories VALUES",
        [
            [doc_id, doc_id, known[doc_id] if doc_id in known else signature(art.body)]
            for doc_id, art, _ in articles
        ],
    )
