"""Loading the versioned TSV data files (dictionaries, patterns, ontologies).

Every knowledge file lives under ``detente/data/`` as UTF-8 tab-separated text with a header
line; ``#`` lines are comments. An analyst extends a file without touching the package by
pointing ``DETENTE_DATA`` at a folder holding files with the same relative names
(``actors/people.tsv`` ...): their rows are appended to the packaged ones.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .errors import DataFileError

EMPTY = {"", "-"}


def _packaged(relpath: str) -> Path:
    return Path(str(resources.files("detente") / "data" / relpath))


def data_paths(relpath: str) -> list[Path]:
    """The packaged file plus any override in ``$DETENTE_DATA`` (both when present)."""
    paths = []
    packaged = _packaged(relpath)
    if packaged.is_file():
        paths.append(packaged)
    extra = os.environ.get("DETENTE_DATA")
    if extra:
        for folder in extra.split(os.pathsep):
            candidate = Path(folder) / relpath
            if candidate.is_file():
                paths.append(candidate)
    return paths


def read_tsv_file(path: Path, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row; errors name the file and line."""
    header: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise DataFileError(str(path), lineno, f"missing columns {missing}")
                continue
            if len(cells) > len(header):
                raise DataFileError(str(path), lineno, f"{len(cells)} cells but the header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            row = {k: ("" if v.strip() in EMPTY else v.strip()) for k, v in zip(header, cells, strict=False)}
            yield lineno, row


def read_tsv(relpath: str, required: tuple[str, ...] = ()) -> Iterator[tuple[str, int, dict[str, str]]]:
    """Rows of a data file and its overrides as ``(path, line, row)``."""
    paths = data_paths(relpath)
    if not paths:
        raise DataFileError(relpath, 0, "data file not found in the package")
    for path in paths:
        for lineno, row in read_tsv_file(path, required):
            yield str(path), lineno, row


def split_multi(value: str) -> list[str]:
    """Split a ``|``-separated cell into its non-empty parts."""
    return [part.strip() for part in value.split("|") if part.strip() and part.strip() != "-"]
