"""JSON Lines units (``id``, ``text``, optional ``date``): each unit is one document.

The field names can be changed with the table options (``--csv-text body`` ...); a ``title``
field, when named, is put before the text as its headline.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..models import RawDocument, Skip
from .files import sha256
from .registry import Reader, ReadOptions, register


def iter_units(
    path: Path,
    text_field: str = "text",
    id_field: str = "id",
    date_field: str = "date",
    title_field: str | None = None,
    url_field: str | None = None,
) -> Iterator[RawDocument | Skip]:
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
            unit_id = str(obj.get(id_field, lineno))
            text = obj[text_field]
            title = obj.get(title_field) if title_field else None
            if isinstance(title, str) and title.strip():
                text = f"{title.strip()}\n\n{text}"
            data = text.encode("utf-8", "replace")  # a lone surrogate ("\\ud800" in JSON) -> "?"
            date = obj.get(date_field)
            url = obj.get(url_field) if url_field else None
            yield RawDocument(
                path=f"{path}#{unit_id}",
                data=data,
                content_hash=sha256(data),
                kind_hint="text",
                unit_id=unit_id,
                date_hint=date if isinstance(date, str) else None,
                url=url if isinstance(url, str) else None,
            )


def _named(value: str | None, default: str | None) -> str | None:
    """A field name from a column option (numbers name CSV columns, not JSON fields)."""
    return value if value and not value.isdigit() else default


def _read_jsonl(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    t = options.table
    return iter_units(
        path,
        text_field=_named(t.text, "text") or "text",
        id_field=_named(t.id, "id") or "id",
        date_field=_named(t.date, "date") or "date",
        title_field=_named(t.title, None),
        url_field=_named(t.url, None),
    )


register(
    Reader(
        "jsonl",
        _read_jsonl,
        (".jsonl",),
        description="JSON Lines units: id, text, date (field names set by the --csv-* options)",
    )
)
