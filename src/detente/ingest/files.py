"""Walking files and folders into RawDocuments (or Skips), streamed, never crashing the batch."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from ..models import RawDocument, Skip
from .registry import Reader, ReadOptions, register

SORT_LIMIT = 10_000  # folders up to this many entries are read in name order; larger ones stream
PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")
IGNORED_NAMES = {".git", ".hg", ".svn", "__pycache__", ".DS_Store", "Thumbs.db"}
IGNORED_SUFFIXES = (".expected.json",)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Skip]:
    """Yield regular files under ``paths`` (recursively, sorted per folder) or Skips.

    Symlink loops, FIFOs, sockets, devices and unreadable folders are reported as Skips;
    the walk always finishes. Folders are streamed: one ``os.scandir`` handle per level, names
    sorted only for folders under SORT_LIMIT entries (no full listing of a big folder in memory).
    """
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        yield from _walk(Path(given), seen_dirs, top=True)


def _walk(path: Path, seen_dirs: set[tuple[int, int]], top: bool) -> Iterator[Path | Skip]:
    try:
        st = path.stat()
    except FileNotFoundError:
        reason = "broken symlink" if path.is_symlink() else "no such file or folder"
        yield Skip(str(path), reason)
        return
    except OSError as exc:
        yield Skip(str(path), "unreadable", exc.strerror or str(exc))
        return
    if stat.S_ISDIR(st.st_mode):
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            yield Skip(str(path), "symlink loop", "folder already visited")
            return
        seen_dirs.add(key)
        try:
            for name in _names(path):
                if name in IGNORED_NAMES or name.startswith(".") or name.endswith(IGNORED_SUFFIXES):
                    continue
                yield from _walk(path / name, seen_dirs, top=False)
        except OSError as exc:
            yield Skip(str(path), "unreadable folder", exc.strerror or str(exc))
            return
    elif stat.S_ISREG(st.st_mode):
        yield path
    else:
        kind = "FIFO" if stat.S_ISFIFO(st.st_mode) else "special file"
        yield Skip(str(path), "not a regular file", kind)


def _names(path: Path) -> Iterator[str]:
    """Entry names of a folder: sorted when it is small, else in directory order, streamed."""
    with os.scandir(path) as entries:
        names = (e.name for e in entries)
        first = list(islice(names, SORT_LIMIT))
        if len(first) < SORT_LIMIT:
            yield from sorted(first)
            return
        yield from first
        yield from names


def read_document(path: Path, max_bytes: int) -> RawDocument | Skip:
    """Read one file, checking its size before reading. Never raises for I/O problems."""
    try:
        size = path.stat().st_size
        if size == 0:
            return Skip(str(path), "empty file", "0 bytes")
        if size > max_bytes:
            return Skip(str(path), "too large", f"{size:,} bytes > limit {max_bytes:,}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return Skip(str(path), "unreadable", exc.strerror or str(exc))
    if len(data) > max_bytes:
        return Skip(str(path), "too large", f"more than {max_bytes:,} bytes")
    hint = ""
    lower = path.name.lower()
    if lower.endswith((".html", ".htm", ".xhtml", ".shtml")):
        hint = "html"
    elif lower.endswith((".txt", ".text")):
        hint = "text"
    return RawDocument(path=str(path), data=data, content_hash=sha256(data), kind_hint=hint)


def _read_page(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    yield read_document(path, options.max_bytes)


def _read_json_data(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    yield Skip(str(path), "not a page", "JSON data file; give corpora as .jsonl units or .csv")


register(
    Reader(
        "page",
        _read_page,
        PAGE_EXTENSIONS,
        description="one file, one page: HTML or a plain-text dump (the default for unknown endings)",
    )
)
register(Reader("json", _read_json_data, (".json",), description="JSON data files: recorded as skips"))
