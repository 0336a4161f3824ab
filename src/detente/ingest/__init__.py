"""Readers: inputs -> RawDocument (or Skip). A new input format is a new reader module."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..models import RawDocument, Skip
from .files import iter_files, read_document
from .units import iter_units

__all__ = ["iter_documents", "iter_files", "iter_units", "read_document"]


def iter_documents(paths: Iterable[str], max_bytes: int) -> Iterator[RawDocument | Skip]:
    """Every document under ``paths``: files and folders recursively; ``.jsonl`` as units."""
    for item in iter_files(paths):
        if isinstance(item, Skip):
            yield item
        elif item.suffix.lower() == ".jsonl":
            yield from iter_units(item)
        else:
            yield read_document(item, max_bytes)
