"""Evidence and ingest status: an event with the article text it was read from, and the runs.

Part of the query layer (see ``query.py``): shared by the Python API, the HTTP API and the
dashboard. Evidence offsets are into the coded text, ``Article.text_for_coding`` (headline, a
blank line, body); paragraph offsets are stored relative to the body and shifted here.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from .models import Article
from .query import EVENT_VIEW_COLUMNS, _records, has_table


def _json_list(value: str | None) -> list[Any]:
    try:
        out = json.loads(value) if value else []
    except ValueError:
        return []
    return out if isinstance(out, list) else []


def article(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """One stored article with its coded ``text`` and paragraphs in that text's offsets."""
    cur = con.execute(
        """SELECT a.doc_id, a.title, a.published, a.authors, a.publisher, a.genre, a.body,
                  a.captions, a.turns, a.paragraphs, d.path, d.source_format, d.ingested_at
           FROM articles a LEFT JOIN documents d USING (doc_id) WHERE a.doc_id = ?""",
        [doc_id],
    )
    rows = _records(cur)
    if not rows:
        return None
    row = rows[0]
    title, body = row["title"] or "", row["body"] or ""
    text = Article(title=title, body=body).text_for_coding
    shift = len(text) - len(body)
    paragraphs = []
    for p in _json_list(row.pop("paragraphs")):
        if isinstance(p, dict) and isinstance(p.get("start"), int) and isinstance(p.get("end"), int):
            paragraphs.append({**p, "start": p["start"] + shift, "end": p["end"] + shift})
    row.pop("body")
    row.update(
        text=text,
        body_start=shift,
        paragraphs=paragraphs,
        authors=_json_list(row["authors"]),
        captions=_json_list(row["captions"]),
        turns=_json_list(row["turns"]),
    )
    return row


def _event_row(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    sel = ", ".join(f"e.{c}" if c not in ("path", "title") else "NULL" for c in EVENT_VIEW_COLUMNS)
    cur = con.execute(f"SELECT {sel} FROM events e WHERE e.event_id = ?", [event_id])
    rows = cur.fetchall()
    return dict(zip(EVENT_VIEW_COLUMNS, rows[0], strict=True)) if rows else None


def _overlaps(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return len(a) >= 20 and len(b) >= 20 and (a in b or b in a)


def event_context(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """An event, its article, and the paragraph, interview turn and quote its sentence is in."""
    ev = _event_row(con, event_id)
    if ev is None:
        return None
    art = article(con, ev["doc_id"])
    ev["path"] = art["path"] if art else None
    ev["title"] = art["title"] if art else None
    sentence = ev["sentence"] or ""
    start = ev["sentence_start"]
    paragraph = turn = quote = None
    if art:
        for p in art["paragraphs"]:
            if start is not None and p["start"] <= start < max(p["end"], p["start"] + 1):
                paragraph = p
                break
        for t in art["turns"]:
            if isinstance(t, dict) and any(
                _overlaps(sentence, str(t.get(k) or "")) for k in ("question", "answer")
            ):
                turn = t
                break
    if has_table(con, "quotes") and ev["trigger_start"] is not None:
        # quote offsets, like evidence offsets, are into the coded text
        found = _records(
            con.execute(
                """SELECT * FROM quotes WHERE doc_id = ? AND content_start <= ? AND content_end >= ?
                   ORDER BY content_end - content_start, quote_id LIMIT 1""",
                [ev["doc_id"], ev["trigger_start"], ev["trigger_end"]],
            )
        )
        quote = found[0] if found else None
    return {"event": ev, "article": art, "paragraph": paragraph, "turn": turn, "quote": quote}


def article_events(con: duckdb.DuckDBPyConnection, doc_id: str, limit: int = 1000) -> list[dict[str, Any]]:
    """The events read from one article, in text order."""
    cur = con.execute(
        """SELECT event_id, source, target, cameo, plover, goldstein, quad_class, negated,
                  hypothetical, covert, event_date, trigger, sentence_start, sentence_end,
                  trigger_start, trigger_end
           FROM events WHERE doc_id = ? ORDER BY sentence_start, trigger_start, event_id LIMIT ?""",
        [doc_id, max(0, limit)],
    )
    return _records(cur)


def status(con: duckdb.DuckDBPyConnection, runs: int = 10, skips: int = 200) -> dict[str, Any]:
    """Ingest status: table counts, the last runs, skips per reason and the latest skips."""
    counts = {}
    for table in ("documents", "articles", "events", "skips", "runs"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()  # fixed table names
        counts[table] = int(row[0]) if row else 0
    return {
        "counts": counts,
        "runs": _records(
            con.execute(
                """SELECT run_id, started_at, finished_at, command, seen, stored, duplicates, skipped,
                          events FROM runs ORDER BY started_at DESC LIMIT ?""",
                [max(0, runs)],
            )
        ),
        "skip_reasons": _records(
            con.execute("SELECT reason, count(*) AS n FROM skips GROUP BY reason ORDER BY n DESC, reason")
        ),
        "skips": _records(
            con.execute(
                "SELECT path, reason, detail, skipped_at FROM skips ORDER BY skipped_at DESC, path LIMIT ?",
                [max(0, skips)],
            )
        ),
    }
