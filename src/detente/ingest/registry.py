"""The reader registry: every input format registers itself the same way.

A reader has a name, the file-name endings it claims (``.warc.gz``, ``.csv``), an optional
sniffer that looks at a file's first bytes when no ending matched, and a ``read`` function
``(path, options) -> Iterator[RawDocument | Skip]``. A new input format is one new module that
calls :func:`register` at import time and is listed in ``BUILTIN_MODULES``.

Dispatch: the longest registered ending wins; then the sniffers, in registration order; then
the default reader (``page``: one file, one document).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..models import RawDocument, Skip

SNIFF_BYTES = 1024
BUILTIN_MODULES = ("files", "units", "tables", "gz", "warc", "feeds")
DEFAULT_READER = "page"


@dataclass(frozen=True)
class TableOptions:
    """Which columns of a CSV/TSV file (or fields of a JSONL file) hold what.

    A column is a 1-based number or a header name. ``header`` None means: a header is assumed
    when any column is given by name, else it is sniffed from the first rows.
    """

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None
    header: bool | None = None
    delimiter: str | None = None


@dataclass(frozen=True)
class ReadOptions:
    """What every reader may need: the size cap and the table column mapping."""

    max_bytes: int = 20_000_000
    table: TableOptions = field(default_factory=TableOptions)


ReadFn = Callable[[Path, ReadOptions], Iterator[RawDocument | Skip]]


@dataclass(frozen=True)
class Reader:
    """One input format."""

    name: str
    read: ReadFn
    extensions: tuple[str, ...] = ()  # lower-case file-name endings, with the dot
    sniff: Callable[[bytes], bool] | None = None  # True when the first bytes are this format
    description: str = ""


_READERS: dict[str, Reader] = {}
_loaded = False


def register(reader: Reader) -> Reader:
    """Add ``reader`` (a later registration under the same name replaces the earlier one)."""
    _READERS[reader.name] = reader
    return reader


def _load_builtins() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for module in BUILTIN_MODULES:
            importlib.import_module(f"{__package__}.{module}")


def readers() -> list[Reader]:
    """Registered readers, built-in ones first."""
    _load_builtins()
    return list(_READERS.values())


def get(name: str) -> Reader:
    _load_builtins()
    return _READERS[name]


def _by_extension(name: str) -> Reader | None:
    lower = name.lower()
    best: tuple[int, Reader] | None = None
    for reader in _READERS.values():
        for ext in reader.extensions:
            if lower.endswith(ext) and len(lower) > len(ext) and (best is None or len(ext) > best[0]):
                best = (len(ext), reader)
    return best[1] if best else None


def reader_for(path: Path) -> Reader:
    """The reader of ``path``: by file-name ending, else by its first bytes, else ``page``."""
    _load_builtins()
    found = _by_extension(path.name)
    if found is not None:
        return found
    sniffers = [r for r in _READERS.values() if r.sniff is not None]
    if sniffers:
        try:
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError:
            head = b""  # the default reader reports the error with its reason
        for reader in sniffers:
            if head and reader.sniff is not None and reader.sniff(head):
                return reader
    return _READERS[DEFAULT_READER]


def read_path(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    """Every document in one file, read by its reader; a reader crash becomes a Skip."""
    reader = reader_for(path)
    try:
        yield from reader.read(path, options)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not end the whole run
        yield Skip(str(path), f"{reader.name} reader failed", f"{type(exc).__name__}: {exc}")
