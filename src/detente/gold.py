"""Gold event files (``shared/gold/FORMAT.md``): the record types and a loader whose errors name
the file and line. Scoring is in :mod:`detente.evaluate`."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DetenteError

CAMEO_ROOT_NAMES: dict[str, str] = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}

_CAMEO_RE = re.compile(r"^\d{2,4}$")
_ANY_ROOT = "*"  # the root of every key when scoring dyads only

Key = tuple[str, str, str]  # (source, target, root)


class GoldFormatError(DetenteError, ValueError):
    """A gold file line that is not valid JSON or lacks a required field (the CLI prints it as
    ``error: FILE:LINE: reason`` and exits with status 2)."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(f"{self.path}:{line}: {message}")


def cameo_root(code: object) -> str:
    """The two-digit CAMEO root of a 2-4 digit code (``"042"`` -> ``"04"``).

    An int is accepted for a root given without its leading zero (``4`` -> ``"04"``).
    Raises ``ValueError`` for anything else.
    """
    if isinstance(code, bool):
        raise ValueError(f"not a CAMEO code: {code!r}")
    if isinstance(code, int):
        text = f"{code:02d}"
    elif isinstance(code, str):
        text = code.strip()
    else:
        raise ValueError(f"not a CAMEO code: {code!r}")
    if not _CAMEO_RE.match(text):
        raise ValueError(f"not a CAMEO code: {code!r}")
    root = text[:2]
    if root not in CAMEO_ROOT_NAMES:
        raise ValueError(f"CAMEO root {root!r} of {code!r} is not 01..20")
    return root


def _actor(code: object) -> str:
    return str(code).strip().upper()


@dataclass(frozen=True)
class GoldEvent:
    """One gold event of a unit (fields as in FORMAT.md)."""

    source: str
    target: str
    cameo: str
    symmetric: bool = False
    negated: bool = False
    hypothetical: bool = False
    trigger: str = ""
    when: str | None = None
    covert: bool = False
    also: tuple[str, ...] = ()
    optional: bool = False

    @property
    def root(self) -> str:
        return cameo_root(self.cameo)

    @property
    def roots(self) -> frozenset[str]:
        """The root and every ``also`` root: the roots a system event may carry."""
        return frozenset({self.root, *(cameo_root(code) for code in self.also)})

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)

    @property
    def directions(self) -> frozenset[tuple[str, str]]:
        """The (source, target) pairs a system event may carry."""
        src, tgt = _actor(self.source), _actor(self.target)
        return frozenset({(src, tgt), (tgt, src)}) if self.symmetric else frozenset({(src, tgt)})

    def identity_keys(self, with_root: bool = True) -> frozenset[Key]:
        """The (source, target, root) keys that name this event (both directions if symmetric)."""
        root = self.root if with_root else _ANY_ROOT
        return frozenset((s, t, root) for s, t in self.directions)

    def accepts(self, key: Key, with_root: bool = True) -> bool:
        """Whether a system event with this (source, target, root) matches this gold event."""
        source, target, root = key
        if (source, target) not in self.directions:
            return False
        return not with_root or root in self.roots

    def to_prediction(self) -> dict[str, Any]:
        """This gold event as a system prediction dict (for self-scoring and tests)."""
        return {
            "source": self.source,
            "target": self.target,
            "cameo": self.cameo,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "covert": self.covert,
            "evidence": {"trigger": self.trigger},
        }


@dataclass(frozen=True)
class GoldUnit:
    """One gold text unit with its events."""

    id: str
    text: str
    date: str | None = None
    ref: str | None = None
    events: tuple[GoldEvent, ...] = ()


_UNIT_REQUIRED = ("id", "text", "events")
_EVENT_REQUIRED = ("source", "target", "cameo", "symmetric", "negated", "hypothetical")
_EVENT_BOOLS = ("symmetric", "negated", "hypothetical", "covert", "optional")


def _parse_event(obj: object, path: str | Path, line: int, index: int) -> GoldEvent:
    where = f"event {index}"
    if not isinstance(obj, dict):
        raise GoldFormatError(path, line, f"{where} is not a JSON object")
    missing = [name for name in _EVENT_REQUIRED if name not in obj]
    if missing:
        raise GoldFormatError(path, line, f"{where} lacks field(s): {', '.join(missing)}")
    for name in ("source", "target"):
        value = obj[name]
        if not isinstance(value, str) or not value.strip():
            raise GoldFormatError(path, line, f"{where}: {name!r} must be a non-empty string")
    for name in _EVENT_BOOLS:
        if name in obj and not isinstance(obj[name], bool):
            raise GoldFormatError(path, line, f"{where}: {name!r} must be true or false")
    cameo = obj["cameo"]
    if not isinstance(cameo, str):
        raise GoldFormatError(path, line, f"{where}: 'cameo' must be a string such as \"04\"")
    try:
        cameo_root(cameo)
    except ValueError as exc:
        raise GoldFormatError(path, line, f"{where}: 'cameo': {exc}") from None
    also = obj.get("also", [])
    if not isinstance(also, list) or not all(isinstance(code, str) for code in also):
        raise GoldFormatError(path, line, f"{where}: 'also' must be a list of code strings")
    try:
        for code in also:
            cameo_root(code)
    except ValueError as exc:
        raise GoldFormatError(path, line, f"{where}: 'also': {exc}") from None
    for name in ("trigger", "when"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise GoldFormatError(path, line, f"{where}: {name!r} must be a string")
    return GoldEvent(
        source=obj["source"].strip(),
        target=obj["target"].strip(),
        cameo=cameo.strip(),
        symmetric=obj["symmetric"],
        negated=obj["negated"],
        hypothetical=obj["hypothetical"],
        trigger=obj.get("trigger") or "",
        when=obj.get("when"),
        covert=obj.get("covert", False),
        also=tuple(code.strip() for code in also),
        optional=obj.get("optional", False),
    )


_REF_SPAN = re.compile(r"^(corpora/[^#]+)#chars=(\d+)-(\d+)$")


def _text_by_reference(obj: dict[str, Any], path: str | Path, line: int, shared: Path) -> str:
    """The text of a unit that only points into ``../shared`` ("ref": "corpora/bbc/politics/
    011.txt#chars=33-172", "sha1": first 12 hex digits of the stretch's SHA-1): third-party
    text is read from the corpus, never stored in the gold file."""
    ref = obj.get("ref")
    match = _REF_SPAN.match(ref) if isinstance(ref, str) else None
    if match is None:
        raise GoldFormatError(
            path, line, "unit lacks 'text' and its 'ref' is not corpora/...#chars=START-END"
        )
    source = shared / match.group(1)
    try:
        whole = source.read_bytes().decode("latin-1" if source.suffix == ".txt" else "utf-8")
    except OSError as exc:
        raise GoldFormatError(path, line, f"'ref' {ref}: cannot read {source}: {exc.strerror}") from None
    text = whole[int(match.group(2)) : int(match.group(3))]
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    if obj.get("sha1") is not None and obj["sha1"] != digest:
        raise GoldFormatError(
            path, line, f"'ref' {ref}: the corpus text changed (sha1 {digest}, gold {obj['sha1']})"
        )
    return text


def _parse_unit(obj: object, path: str | Path, line: int, shared: Path | None = None) -> GoldUnit:
    if not isinstance(obj, dict):
        raise GoldFormatError(path, line, "a unit must be a JSON object")
    if "text" not in obj and shared is not None and "ref" in obj:
        obj = {**obj, "text": _text_by_reference(obj, path, line, shared)}
    missing = [name for name in _UNIT_REQUIRED if name not in obj]
    if missing:
        raise GoldFormatError(path, line, f"unit lacks field(s): {', '.join(missing)}")
    if not isinstance(obj["id"], str) or not obj["id"].strip():
        raise GoldFormatError(path, line, "'id' must be a non-empty string")
    if not isinstance(obj["text"], str):
        raise GoldFormatError(path, line, "'text' must be a string")
    for name in ("date", "ref"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise GoldFormatError(path, line, f"{name!r} must be a string")
    if not isinstance(obj["events"], list):
        raise GoldFormatError(path, line, "'events' must be a list (possibly empty)")
    events = tuple(_parse_event(event, path, line, index) for index, event in enumerate(obj["events"]))
    return GoldUnit(
        id=obj["id"],
        text=obj["text"],
        date=obj.get("date"),
        ref=obj.get("ref"),
        events=events,
    )


def load_gold(path: str | Path, shared: str | Path | None = None) -> list[GoldUnit]:
    """Read a gold JSON Lines file; blank lines are skipped.

    With ``shared`` (the ``../shared`` folder), a unit may give no ``text`` but a ``ref`` of the
    form ``corpora/PATH#chars=START-END`` (and a ``sha1`` check): its text is read from there.

    Raises :class:`GoldFormatError` (a ``ValueError``) naming the file and line for invalid
    JSON, a missing or ill-typed field, an unreadable or changed referenced text, or a
    duplicate unit id.
    """
    base = Path(shared) if shared is not None else None
    units: list[GoldUnit] = []
    seen: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(path, line_no, f"invalid JSON: {exc.msg}") from None
            unit = _parse_unit(obj, path, line_no, base)
            if unit.id in seen:
                raise GoldFormatError(
                    path, line_no, f"duplicate unit id {unit.id!r} (first on line {seen[unit.id]})"
                )
            seen[unit.id] = line_no
            units.append(unit)
    return units


def gold_as_predictions(units: Iterable[GoldUnit]) -> dict[str, list[dict[str, Any]]]:
    """The gold events as a predictions mapping (scoring it against the gold gives 1.0)."""
    return {unit.id: [event.to_prediction() for event in unit.events] for unit in units}


# ---------------------------------------------------------------------------------------------
# System events
# ---------------------------------------------------------------------------------------------
