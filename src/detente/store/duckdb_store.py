"""DuckDB store: idempotent writes keyed by content hash, one transaction per batch.

A document and its article and events are written in the same transaction, so an interrupted
run leaves every document either fully stored or absent; rerunning the same ingest repairs it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from .. import __version__
from ..errors import StoreError, StoreInUseError
from ..models import Article, Event, RawDocument, Skip
from ..quotes import Quote
from .extras import insert_rows, write_extras
from .schema import MIGRATIONS, SCHEMA_VERSION

EVENT_COLUMNS = (
    "event_id",
    "doc_id",
    "unit_id",
    "source",
    "target",
    "source_name",
    "target_name",
    "source_sector",
    "target_sector",
    "cameo",
    "root",
    "goldstein",
    "quad_class",
    "plover",
    "symmetric",
    "negated",
    "hypothetical",
    "covert",
    "event_date",
    "date_precision",
    "published",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "pattern",
    "source_text",
    "target_text",
    "paragraph_role",
    "coder_version",
    "reported_by",
    "reported_by_text",
)
_PID = re.compile(r"PID (\d+)")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def event_id(doc_id: str, ev: Event) -> str:
    key = "|".join(
        str(x)
        for x in (
            doc_id,
            ev.evidence.trigger_start,
            ev.evidence.trigger_end,
            ev.source,
            ev.target,
            ev.cameo,
            ev.negated,
            ev.hypothetical,
            ev.evidence.source_text,
            ev.evidence.target_text,
        )
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


class Store:
    """An open store. Use as a context manager or call ``close()``."""

    db_errors: tuple[type[Exception], ...] = (duckdb.Error,)  # what a failed write raises

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if read_only and path != ":memory:" and not Path(path).exists():
                raise StoreError(f"{path}: no such store; run `detente ingest` first")
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                pid = _PID.search(msg)
                who = f" by PID {pid.group(1)}" if pid else ""
                raise StoreInUseError(
                    f"{path} is in use{who}; wait for that process or use another --db"
                ) from exc
            raise StoreError(f"{path}: cannot open the store: {msg}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc
        if not read_only:
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema --------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        current = (row[0] if row else None) or 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this detente "
                f"({SCHEMA_VERSION}); upgrade detente"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            for statement in MIGRATIONS[version]:
                self.con.execute(statement)
            self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])
            self.con.execute("COMMIT")

    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- writes --------------------------------------------------------------------------
    def known(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def write_batch(
        self,
        items: Sequence[tuple[RawDocument, Article, str, list[Event]]],
        skips: Sequence[Skip],
        run_id: str,
        quotes: Mapping[str, Sequence[Quote]] | None = None,
        signatures: Mapping[str, bytes | None] | None = None,
    ) -> tuple[int, int]:
        """Store documents with their articles and events, and skips, atomically.

        ``items`` are ``(raw, article, encoding, events)``; ``quotes`` maps a content hash to the
        document's quotes. Each new article also gets its MinHash signature (for duplicate
        stories, see :mod:`detente.stories`): from ``signatures`` (content hash -> signature,
        computed where the article was coded) or, where that lacks it, computed here. Documents
        already stored are
        recorded as another path of the same content and otherwise left alone.
        Returns ``(documents_stored, events_stored)``.
        """
        now = _now()
        con = self.con
        stored = n_events = 0
        con.execute("BEGIN TRANSACTION")
        try:
            existing = self.known(raw.content_hash for raw, *_ in items)
            batch_seen: set[str] = set()
            paths: list[list[Any]] = []
            docs: list[list[Any]] = []
            arts: list[list[Any]] = []
            event_rows: list[list[Any]] = []
            extras: list[tuple[str, Article, Sequence[Quote]]] = []
            for raw, art, encoding, events in items:
                doc_id = raw.content_hash
                paths.append([doc_id, raw.path, run_id, now])
                if doc_id in existing or doc_id in batch_seen:
                    continue
                batch_seen.add(doc_id)
                docs.append(
                    [doc_id, raw.path, raw.unit_id, art.source_format, len(raw.data), encoding, now, run_id]
                )
                arts.append(
                    [
                        doc_id,
                        art.title,
                        art.date,
                        json.dumps(list(art.authors)),
                        art.publisher,
                        art.language,
                        art.genre,
                        art.body,
                        json.dumps(list(art.captions)),
                        json.dumps([dataclasses.asdict(t) for t in art.turns]),
                        json.dumps([dataclasses.asdict(p) for p in art.paragraphs]),
                        json.dumps(list(art.removed)),
                    ]
                )
                rows = [self._event_row(doc_id, art, ev) for ev in events]
                event_rows += rows
                extras.append((doc_id, art, (quotes or {}).get(doc_id, ())))
                stored += 1
                n_events += len(rows)
            # One multi-row statement per table: far faster than a statement per row.
            insert_rows(con, "INSERT INTO document_paths VALUES", paths)
            insert_rows(con, "INSERT INTO documents VALUES", docs)
            insert_rows(con, "INSERT INTO articles VALUES", arts)
            insert_rows(con, "INSERT OR IGNORE INTO events VALUES", event_rows)
            write_extras(con, extras, signatures)
            insert_rows(
                con,
                "INSERT INTO skips VALUES",
                [[k.path, k.reason, k.detail, k.content_hash, run_id, now] for k in skips],
            )
            con.execute("COMMIT")
        except self.db_errors as exc:
            try:
                con.execute("ROLLBACK")
            except self.db_errors:
                pass  # a failed COMMIT (disk full) has already rolled the transaction back
            raise StoreError(f"{self.path}: write failed: {exc}") from exc
        return stored, n_events

    @staticmethod
    def _event_row(doc_id: str, art: Article, ev: Event) -> list[Any]:
        e = ev.evidence
        return [
            event_id(doc_id, ev),
            doc_id,
            ev.unit_id,
            ev.source,
            ev.target,
            ev.source_name,
            ev.target_name,
            ev.source_sector,
            ev.target_sector,
            ev.cameo,
            ev.root,
            ev.goldstein,
            ev.quad_class,
            ev.plover,
            ev.symmetric,
            ev.negated,
            ev.hypothetical,
            ev.covert,
            ev.when or art.date,
            ev.when_precision or ("published" if art.date else None),
            art.date,
            e.sentence,
            e.sentence_start,
            e.sentence_end,
            e.trigger,
            e.trigger_start,
            e.trigger_end,
            e.pattern,
            e.source_text,
            e.target_text,
            e.paragraph_role,
            __version__,
            e.reported_by,
            e.reported_by_text,
        ]

    def start_run(self, run_id: str, command: str) -> None:
        self.con.execute("INSERT INTO runs VALUES (?, ?, NULL, ?, 0, 0, 0, 0, 0)", [run_id, _now(), command])

    def finish_run(
        self, run_id: str, seen: int, stored: int, duplicates: int, skipped: int, events: int
    ) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, seen = ?, stored = ?, duplicates = ?, skipped = ?, events = ? "
            "WHERE run_id = ?",
            [_now(), seen, stored, duplicates, skipped, events, run_id],
        )

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "articles", "events", "skips"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out


def open_store(path: str | None = None, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``path`` (default: settings / ``DETENTE_DB``)."""
    from ..settings import Settings

    target = path or Settings().db
    if target.lower().startswith(("postgresql://", "postgres://")):
        from .postgres_store import PostgresStore

        return PostgresStore(target, read_only=read_only)
    return Store(target, read_only=read_only)
