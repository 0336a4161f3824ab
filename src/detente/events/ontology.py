"""CAMEO ontology: root names, Goldstein values, QuadClass and PLOVER types (data file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_tsv
from ..errors import DataFileError


@dataclass(frozen=True)
class Root:
    code: str
    name: str
    goldstein: float
    goldstein_x0: float
    quad_class: int
    plover: str | None


@lru_cache(maxsize=1)
def roots() -> dict[str, Root]:
    """All 20 CAMEO roots keyed by two-digit code."""
    table: dict[str, Root] = {}
    cols = ("code", "name", "goldstein", "goldstein_x0", "quad_class", "plover")
    for path, line, row in read_tsv("events/cameo_roots.tsv", cols):
        try:
            table[row["code"]] = Root(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                goldstein_x0=float(row["goldstein_x0"]),
                quad_class=int(row["quad_class"]),
                plover=row["plover"] or None,
            )
        except ValueError as exc:
            raise DataFileError(path, line, str(exc)) from exc
    return table


def root_of(code: str) -> str:
    """The two-digit root of a CAMEO code ("042" -> "04", "1831" -> "18")."""
    if len(code) < 2 or not code[:2].isdigit() or not 1 <= int(code[:2]) <= 20:
        raise ValueError(f"not a CAMEO code: {code!r}")
    return code[:2]


def goldstein(code: str) -> float:
    """Goldstein score of a code (root value; X0 value for codes ending in 0)."""
    root = roots()[root_of(code)]
    if len(code) == 3 and code.endswith("0"):
        return root.goldstein_x0
    return root.goldstein


def quad_class(code: str) -> int:
    return roots()[root_of(code)].quad_class


def plover(code: str) -> str | None:
    """PLOVER event type of a CAMEO code; 087x (de-escalate militarily) is RETREAT."""
    if code.startswith("087"):
        return "RETREAT"
    if code.startswith("057"):
        return "AGREE"
    return roots()[root_of(code)].plover
