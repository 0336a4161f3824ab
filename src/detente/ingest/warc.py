"""WARC and ARC web archives (warcio): each HTML response record is one document.

Records that are not HTML responses (requests, metadata, images, scripts) are not documents and
are passed over. A truncated or corrupt record becomes a Skip with its byte offset
(``FILE#offset=N``); reading goes on at the next record boundary, so good records are kept.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..models import RawDocument, Skip
from .files import sha256
from .registry import Reader, ReadOptions, register

EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_START = b"WARC/1."
_ERRORS = (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error)


def _is_html(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    headers = record.http_headers
    if record.rec_type == "response" and headers is not None:
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        mime = headers.get_header("Content-Type") or ""
    else:
        mime = record.rec_headers.get_header("Content-Type") or ""
    return "html" in mime.lower() or not mime


def _resync(handle: IO[bytes], after: int, gzipped: bool) -> int | None:
    """Offset of the next record boundary after ``after``, or None at the end of the file."""
    marker = _GZIP_MEMBER if gzipped else b"\n" + _WARC_START
    handle.seek(after + 1)
    carry = b""
    pos = after + 1
    while chunk := handle.read(1 << 20):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return pos - len(carry) + found + (0 if gzipped else 1)
        carry = data[-len(marker) :]
        pos += len(chunk)
    return None


def _trailing(handle: IO[bytes], end: int) -> str:
    """What is left after the last whole record: a truncated record warcio passed over in silence."""
    handle.seek(0, 2)
    size = handle.tell()
    if end >= size:
        return ""
    handle.seek(end)
    if not handle.read(4096).strip(b"\r\n\x00 \t"):
        return ""
    return f"truncated: {size - end:,} bytes after the last whole record are not a record"


def read_warc(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    """Documents of one WARC/ARC file, gzip-compressed or not (see the module docstring)."""
    cap = options.max_bytes
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Skip(str(path), "unreadable", exc.strerror or str(exc))
        return
    with handle:
        gzipped = handle.read(2) == _GZIP_MEMBER[:2]
        start: int | None = 0
        while start is not None:
            handle.seek(start)
            records = ArchiveIterator(handle, arc2warc=True)
            offset = start
            try:
                for record in records:
                    offset = records.offset
                    if not _is_html(record):
                        continue
                    data = record.content_stream().read(cap + 1)
                    if len(data) <= cap and getattr(record.raw_stream, "limit", 0) > 0:
                        raise EOFError(f"record cut short: {record.raw_stream.limit:,} bytes missing")
                    yield _document(path, offset, record, data, cap)
                start = None
                rest = _trailing(handle, records.offset)
                if rest:
                    yield Skip(f"{path}#offset={records.offset}", "corrupt WARC record", rest)
            except _ERRORS as exc:
                offset = max(offset, records.offset)
                yield Skip(f"{path}#offset={offset}", "corrupt WARC record", f"{type(exc).__name__}: {exc}")
                start = _resync(handle, offset, gzipped)


def _document(path: Path, offset: int, record: Any, data: bytes, cap: int) -> RawDocument | Skip:
    where = f"{path}#offset={offset}"
    if len(data) > cap:
        return Skip(where, "too large", f"record payload over {cap:,} bytes")
    if not data.strip():
        return Skip(where, "empty record", "no payload")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(path=where, data=data, content_hash=sha256(data), kind_hint="html", url=url or None)


register(
    Reader(
        "warc",
        read_warc,
        EXTENSIONS,
        sniff=lambda head: head.startswith(_WARC_START),
        description="WARC/ARC web archives (warcio): HTML response records",
    )
)
