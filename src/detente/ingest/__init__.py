"""Readers: inputs -> RawDocument (or Skip). A new input format is a new reader module."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..models import RawDocument, Skip
from .files import iter_files, read_document
from .units import iter_units

__all__ = ["iter_documents", "iter_files", "iter_units", "read_document"]


def iter_documents(
    paths: Iterable[str], max_bytes: int, exclude: Iterable[str] = ()
) -> Iterator[RawDocument | Skip]:
    """Every document under ``paths``: files and folders recursively; ``.jsonl`` as units.

    ``exclude`` lists files never read as input (the store itself and its write-ahead log).
    """
    skip_files = {os.path.realpath(p) for p in exclude}
    for item in iter_files(paths):
        if isinstance(item, Skip):
            yield item
        elif os.path.realpath(item) in skip_files:
            continue
        elif item.suffix.lower() == ".jsonl":
            yield from iter_units(item)
        else:
            yield read_document(item, max_bytes)
