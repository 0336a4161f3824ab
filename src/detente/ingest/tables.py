"""CSV and TSV corpora: one row, one document, with configurable columns.

Columns are 1-based numbers or header names (``--csv-text 3 --csv-title 2`` for AG News, which has
no header; ``--csv-text body`` for a file with one). Without ``--csv-text`` a header column named
``text``, ``body``, ``content``, ``article`` or ``description`` is used (and ``title``/``headline``,
``date``/``published``, ``url``/``link`` and ``id`` columns for the others). Each row is a unit with the
id ``line=N`` (N the row's first line in the file) unless an id column is named; its path is
``FILE#line=N``. Rows are streamed; a row without text becomes a Skip naming its line.
"""

from __future__ import annotations

import csv
import email.utils
import io
import re
from collections.abc import Iterator
from pathlib import Path

from ..models import RawDocument, Skip
from .files import sha256
from .registry import Reader, ReadOptions, TableOptions, register

TEXT_NAMES = ("text", "body", "content", "article", "description")
DEFAULT_NAMES = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate"),
    "url": ("url", "link"),
    "id": ("id",),
}
_ISO = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?([T ][0-9:.]+(Z|[+-]\d\d:?\d\d)?)?$")


def iso_date(value: str) -> str | None:
    """An ISO 8601 date from a table cell (ISO already, or an RFC 2822 date), else None."""
    value = value.strip()
    if not value:
        return None
    if _ISO.match(value):
        return value[:10]
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _column(spec: str | None, header: list[str] | None) -> int | None:
    """0-based index of a column given as a 1-based number or a header name."""
    if spec is None:
        return None
    if spec.isdigit():
        return int(spec) - 1
    if header is None:
        return None
    lowered = [h.strip().lower() for h in header]
    return lowered.index(spec.lower()) if spec.lower() in lowered else None


def _has_header(sample: str, opts: TableOptions, dialect: type[csv.Dialect] | csv.Dialect) -> bool:
    if opts.header is not None:
        return opts.header
    specs = [opts.text, opts.title, opts.date, opts.url, opts.id]
    if any(s and not s.isdigit() for s in specs):
        return True
    first = next(csv.reader(io.StringIO(sample), dialect), [])
    if opts.text is None and any(cell.strip().lower() in TEXT_NAMES for cell in first):
        return True
    try:
        return csv.Sniffer().has_header(sample)
    except csv.Error:
        return False


def iter_rows(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    """One document per row of a CSV/TSV file (see the module docstring)."""
    opts = options.table
    csv.field_size_limit(max(options.max_bytes, 131_072))
    try:
        handle = path.open(encoding="utf-8-sig", errors="replace", newline="")
    except OSError as exc:
        yield Skip(str(path), "unreadable", exc.strerror or str(exc))
        return
    with handle:
        sample = handle.read(64_000)
        handle.seek(0)
        delimiter = opts.delimiter or ("\t" if path.name.lower().endswith(".tsv") else None)
        dialect: type[csv.Dialect] | csv.Dialect
        if delimiter:
            dialect = csv.excel_tab if delimiter == "\t" else csv.excel
        else:
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
            except csv.Error:
                dialect = csv.excel
        reader = csv.reader(handle, dialect, delimiter=delimiter or dialect.delimiter)
        header = next(reader, None) if _has_header(sample, opts, dialect) else None
        text_spec = opts.text
        if text_spec is None and header is not None:
            names = [h.strip().lower() for h in header]
            text_spec = next((n for n in TEXT_NAMES if n in names), None)
        cols = {k: _column(getattr(opts, k), header) for k in ("title", "date", "url", "id")}
        if header is not None:  # columns not given are found by their usual header names
            names = [h.strip().lower() for h in header]
            for key, usual in DEFAULT_NAMES.items():
                if getattr(opts, key) is None:
                    cols[key] = next((names.index(n) for n in usual if n in names), None)
        text_col = _column(text_spec, header)
        if text_col is None:
            detail = f"no column {text_spec!r} in the header" if text_spec else "give --csv-text"
            yield Skip(str(path), "no text column", detail)
            return
        missing = [k for k in cols if getattr(opts, k) is not None and cols[k] is None]
        if missing:
            yield Skip(str(path), "no such column", ", ".join(f"{k}={getattr(opts, k)!r}" for k in missing))
            return
        end = reader.line_num
        for row in reader:
            start, end = end + 1, reader.line_num
            yield _row_document(path, row, start, text_col, cols, options.max_bytes)


def _cell(row: list[str], col: int | None) -> str:
    return row[col].strip() if col is not None and 0 <= col < len(row) else ""


def _row_document(
    path: Path, row: list[str], line: int, text_col: int, cols: dict[str, int | None], max_bytes: int
) -> RawDocument | Skip:
    unit_id = _cell(row, cols["id"]) or f"line={line}"
    where = f"{path}#{unit_id}"
    if not any(cell.strip() for cell in row):
        return Skip(where, "empty row")
    text = _cell(row, text_col)
    if not text:
        return Skip(where, "no text", f"column {text_col + 1} is empty or missing")
    title = _cell(row, cols["title"])
    data = (f"{title}\n\n{text}" if title else text).encode("utf-8")
    if len(data) > max_bytes:
        return Skip(where, "too large", f"{len(data):,} bytes > limit {max_bytes:,}")
    return RawDocument(
        path=where,
        data=data,
        content_hash=sha256(data),
        kind_hint="text",
        unit_id=unit_id,
        date_hint=iso_date(_cell(row, cols["date"])),
        url=_cell(row, cols["url"]) or None,
    )


register(
    Reader(
        "table",
        iter_rows,
        (".csv", ".tsv"),
        description="CSV/TSV corpora, one row one document (--csv-text/--csv-title/--csv-date/...)",
    )
)
