"""Readers: inputs -> RawDocument (or Skip). A new input format is a new reader module.

Readers register themselves in :mod:`detente.ingest.registry` (name, file-name endings, an
optional sniffer of the first bytes); :func:`iter_documents` walks files and folders and hands
each file to its reader.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..models import RawDocument, Skip
from .files import iter_files, read_document
from .registry import Reader, ReadOptions, TableOptions, read_path, readers, register
from .units import iter_units

__all__ = [
    "ReadOptions",
    "Reader",
    "TableOptions",
    "iter_documents",
    "iter_files",
    "iter_units",
    "read_document",
    "readers",
    "register",
]


def iter_documents(
    paths: Iterable[str],
    max_bytes: int,
    exclude: Iterable[str] = (),
    options: ReadOptions | None = None,
) -> Iterator[RawDocument | Skip]:
    """Every document under ``paths``: files and folders recursively, each file by its reader.

    ``exclude`` lists files never read as input (the store itself and its write-ahead log).
    """
    skip_files = {os.path.realpath(p) for p in exclude}
    opts = options or ReadOptions(max_bytes=max_bytes)
    for item in iter_files(paths):
        if isinstance(item, Skip):
            yield item
        elif os.path.realpath(item) in skip_files:
            continue
        else:
            yield from read_path(item, opts)
