"""Compare a store with the manifest of a hostile corpus (see :mod:`detente.hostile`).

The figures: valid documents lost (expected stored, not stored or without their known event),
rejects recorded (expected skipped, found in the ``skips`` table with an expected reason),
rejects let in (expected skipped but stored) and limited documents (a ``timed out`` skip, or
stored under a generous limit).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import storable


@dataclass
class CorpusCheck:
    """The outcome of one hostile-corpus ingest, document by document."""

    documents: int = 0
    valid: int = 0
    stored_ok: int = 0
    rejects: int = 0
    rejects_recorded: int = 0
    limited: int = 0
    limited_ok: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return self.valid - self.stored_ok

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (
            f"{self.documents} documents: {self.stored_ok}/{self.valid} valid stored with their events "
            f"({self.lost} lost), {self.rejects_recorded}/{self.rejects} rejects recorded with a reason, "
            f"{self.limited_ok}/{self.limited} slow documents limited; {len(self.problems)} problems"
        )


def _relative(path: str, corpus: str) -> str:
    head, sep, tail = path.partition("#")
    rel = os.path.relpath(head, corpus) if os.path.isabs(head) else head
    return rel + sep + tail


def check_corpus(root: str | os.PathLike[str], db: str) -> CorpusCheck:
    """Check the store ``db`` (after ``detente ingest ROOT/corpus``) against ``ROOT/manifest.json``."""
    import duckdb

    root = Path(root)
    manifest: dict[str, Any] = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    corpus = os.path.abspath(root / manifest["corpus"])
    con = duckdb.connect(db, read_only=True)
    try:
        skips: dict[str, list[str]] = {}
        for path, reason in con.execute("SELECT path, reason FROM skips").fetchall():
            skips.setdefault(_relative(path, corpus), []).append(reason)
        docs: dict[str, str] = {}
        for doc_id, path in con.execute(
            "SELECT doc_id, path FROM document_paths UNION SELECT doc_id, path FROM documents"
        ).fetchall():
            docs[_relative(path, corpus)] = doc_id
        events: dict[str, set[tuple[str, str, str]]] = {}
        for doc_id, source, target, root_code in con.execute(
            "SELECT doc_id, source, target, root FROM events"
        ).fetchall():
            events.setdefault(doc_id, set()).add((source, target, root_code))
        texts = dict(con.execute("SELECT doc_id, title || '\n' || body FROM articles").fetchall())
    finally:
        con.close()
    result = CorpusCheck(documents=len(manifest["files"]))
    for entry in manifest["files"]:
        _check_one(entry, result, skips, docs, events, texts)
    return result


def _check_one(
    entry: dict[str, Any],
    result: CorpusCheck,
    skips: dict[str, list[str]],
    docs: dict[str, str],
    events: dict[str, set[tuple[str, str, str]]],
    texts: dict[str, str],
) -> None:
    path = storable(entry["path"])
    if entry.get("prefix"):
        recorded = [r for p, rs in skips.items() if p.startswith(path) for r in rs]
    else:
        recorded = skips.get(path, [])
    doc_id = docs.get(path)
    what = f"{path!r} ({entry['case']})"
    if entry["expect"] == "stored":
        result.valid += 1
        if doc_id is None:
            result.problems.append(f"lost: {what}; skips: {recorded}")
            return
        missing = [e for e in entry["events"] if tuple(e) not in events.get(doc_id, set())]
        if missing:
            result.problems.append(
                f"event missing: {what}: {missing}; found {sorted(events.get(doc_id, []))}"
            )
        elif entry.get("contains") and entry["contains"] not in texts.get(doc_id, ""):
            result.problems.append(f"wrong text: {what}: {entry['contains']!r} not in the stored text")
        else:
            result.stored_ok += 1
    elif entry["expect"] == "skipped":
        result.rejects += 1
        if doc_id is not None:
            result.problems.append(f"let in: {what} was stored as {doc_id}")
        elif not any(r in entry["reasons"] for r in recorded):
            result.problems.append(f"not recorded: {what}: expected {entry['reasons']}, recorded {recorded}")
        else:
            result.rejects_recorded += 1
    else:
        result.limited += 1
        if doc_id is not None or "timed out" in recorded:
            result.limited_ok += 1
        else:
            result.problems.append(f"limited document neither stored nor timed out: {what}: {recorded}")
