"""JSON Lines units (``id``, ``text``, optional ``date``): each unit is one document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..models import RawDocument, Skip
from .files import sha256


def iter_units(path: Path, text_field: str = "text") -> Iterator[RawDocument | Skip]:
    """Yield one RawDocument per JSONL line; malformed lines become Skips naming the line."""
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        yield Skip(str(path), "unreadable", exc.strerror or str(exc))
        return
    with handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}#line={lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skip(where, "malformed JSON", str(exc))
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get(text_field), str):
                yield Skip(where, "not a unit", f"expected an object with a string {text_field!r}")
                continue
            unit_id = str(obj.get("id", lineno))
            data = obj[text_field].encode("utf-8")
            date = obj.get("date")
            yield RawDocument(
                path=f"{path}#{unit_id}",
                data=data,
                content_hash=sha256(data),
                kind_hint="text",
                unit_id=unit_id,
                date_hint=date if isinstance(date, str) else None,
            )
