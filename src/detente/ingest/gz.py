"""Gzip-compressed pages (``page.html.gz``): decompressed with a cap on the decompressed size.

A gzip bomb stops at the cap (``max_bytes``) and is recorded as a skip; nothing is stored. What
comes out is read like the uncompressed file would be (HTML or a text dump by its inner name).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..models import RawDocument, Skip
from .files import PAGE_EXTENSIONS, sha256
from .registry import Reader, ReadOptions, register

GZIP_MAGIC = b"\x1f\x8b"
CORPUS_ENDINGS = (".jsonl", ".csv", ".tsv", ".json", ".rss", ".atom", ".tar")


def read_gzip(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    """One page from a ``.gz`` file, decompressed to at most ``max_bytes``."""
    cap = options.max_bytes
    if path.name[:-3].lower().endswith(CORPUS_ENDINGS):
        yield Skip(str(path), "compressed corpus file", "decompress it first; only gzipped pages are read")
        return
    try:
        if path.stat().st_size > cap:
            yield Skip(str(path), "too large", f"{path.stat().st_size:,} compressed bytes > limit {cap:,}")
            return
        with gzip.open(path, "rb") as handle:
            data = handle.read(cap + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield Skip(str(path), "corrupt gzip file", str(exc))
        return
    if len(data) > cap:
        yield Skip(str(path), "too large", f"decompresses to more than {cap:,} bytes (gzip bomb?)")
        return
    if not data:
        yield Skip(str(path), "empty file", "0 bytes after decompression")
        return
    inner = path.name[:-3].lower()
    hint = (
        "html" if inner.endswith(PAGE_EXTENSIONS[:4]) else "text" if inner.endswith((".txt", ".text")) else ""
    )
    yield RawDocument(path=str(path), data=data, content_hash=sha256(data), kind_hint=hint)


register(
    Reader(
        "gzip",
        read_gzip,
        (".gz",),
        sniff=lambda head: head.startswith(GZIP_MAGIC),
        description="gzip-compressed pages, decompressed with a size cap",
    )
)
