"""Score coded events against a gold file (see ``shared/gold/FORMAT.md``, "Scoring").

Pure Python: this module reads gold JSON Lines and compares them with system events given as
plain dicts (or any object with the same attributes, such as :class:`detente.models.Event`).

The primary figure is precision / recall / F1 over *factual* events, matched per unit on
(source, target, CAMEO root):

* gold events are grouped into *items*, one per (source, target, root) and unit; the two
  directions of a symmetric event are the same item (rule 1 of FORMAT.md);
* an item is factual when any of its gold events is factual (neither negated nor hypothetical);
  it is *required* when one of those factual events is not ``optional``, otherwise it is an
  optional item: matching it is neither a true positive nor a false positive;
* a system event matches an item when its actors are the item's (either direction when the gold
  event is symmetric) and its root is the gold root or one of its ``also`` roots;
* system events flagged negated or hypothetical are left out; the factual system events are
  deduplicated on (source, target, root);
* each item is matched by at most one system event (a maximum bipartite matching, so that the
  assignment never costs a true positive); a further system event that matches an already
  matched factual item (another accepted root, the other direction) counts neither way;
* a factual system event whose (source, target, root) a gold event gives as negated or
  hypothetical is a false alarm, unless all those gold events are optional.

Secondary figures: root-code accuracy on matched dyads, dyad-only P/R/F1 (the same rules with
the root ignored), modality accuracy, and a per-root P/R/F1 table.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .evaluate_causes import (
    FALSE_ALARM_CAUSES,
    MISS_CAUSES,
    cause_table,
    false_alarm_cause,
    miss_cause,
)
from .gold import (  # noqa: F401 - re-exported: the gold types are part of this module's API
    _ANY_ROOT,
    _CAMEO_RE,
    CAMEO_ROOT_NAMES,
    GoldEvent,
    GoldFormatError,
    GoldUnit,
    Key,
    _actor,
    _parse_event,
    _parse_unit,
    cameo_root,
    gold_as_predictions,
    load_gold,
)

__all__ = [
    "CAMEO_ROOT_NAMES",
    "GoldEvent",
    "GoldFormatError",
    "GoldUnit",
    "Mismatch",
    "Report",
    "RootScore",
    "gold_as_predictions",
    "load_gold",
    "score",
]


# ---------------------------------------------------------------------------------------------
# Gold data
# ---------------------------------------------------------------------------------------------


def _field(event: object, name: str, default: Any = None) -> Any:
    if isinstance(event, Mapping):
        return event.get(name, default)
    return getattr(event, name, default)


@dataclass(frozen=True)
class _SysEvent:
    source: str
    target: str
    root: str
    cameo: str
    negated: bool
    hypothetical: bool
    evidence: Any
    raw: dict[str, Any]

    @property
    def key(self) -> Key:
        return (self.source, self.target, self.root)

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)


_RAW_FIELDS = ("source", "target", "cameo", "negated", "hypothetical", "covert", "evidence")


def _as_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def _system_event(event: object, unit_id: str, index: int) -> _SysEvent | None:
    """Normalise one prediction; ``None`` for an event lacking a coded actor."""
    source, target, cameo = (_field(event, name) for name in ("source", "target", "cameo"))
    if cameo is None:
        raise ValueError(f"prediction {index} of unit {unit_id!r} has no 'cameo'")
    try:
        root = cameo_root(cameo)
    except ValueError as exc:
        raise ValueError(f"prediction {index} of unit {unit_id!r}: {exc}") from None
    if not source or not target or not str(source).strip() or not str(target).strip():
        return None  # FORMAT.md: an event needs both actors coded
    raw = dict(event) if isinstance(event, Mapping) else {k: _field(event, k) for k in _RAW_FIELDS}
    raw = {k: _as_json(v) for k, v in raw.items()}
    return _SysEvent(
        source=_actor(source),
        target=_actor(target),
        root=root,
        cameo=str(cameo).strip(),
        negated=bool(_field(event, "negated", False)),
        hypothetical=bool(_field(event, "hypothetical", False)),
        evidence=_as_json(_field(event, "evidence")),
        raw=raw,
    )


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------

_REQUIRED = "required"  # factual, some factual event not optional: a miss when unmatched
_OPTIONAL = "optional"  # factual, all factual events optional: matching it counts neither way
_NONFACTUAL = "nonfactual"  # no factual event, some event not optional: a factual match is an FP
_NONFACTUAL_OPTIONAL = "nonfactual-optional"  # no factual event, all optional: counts neither way
_NOT_FACTUAL_IN_GOLD = "gold codes this event as negated or hypothetical"


@dataclass
class _Item:
    """Gold events of one unit sharing a (source, target, root), both directions if symmetric."""

    events: list[GoldEvent]
    identity: set[Key]
    with_root: bool

    @property
    def status(self) -> str:
        factual = [e for e in self.events if e.factual]
        if factual:
            return _REQUIRED if any(not e.optional for e in factual) else _OPTIONAL
        return _NONFACTUAL if any(not e.optional for e in self.events) else _NONFACTUAL_OPTIONAL

    @property
    def root(self) -> str:
        return next(iter(self.identity))[2]

    def accepts(self, key: Key, with_root: bool | None = None) -> bool:
        """A factual item accepts what its factual events accept; a non-factual one, what any
        of its events accepts."""
        use_root = self.with_root if with_root is None else with_root
        factual = [e for e in self.events if e.factual] or self.events
        return any(e.accepts(key, use_root) for e in factual)

    def representative(self) -> GoldEvent:
        """The event shown in reports: a required factual one if any."""
        return min(self.events, key=lambda e: (not e.factual, e.optional))


def _items(events: Sequence[GoldEvent], with_root: bool) -> list[_Item]:
    """Group gold events whose identity keys overlap (union-find on keys), in input order."""
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Key, int] = {}
    for i, event in enumerate(events):
        for key in event.identity_keys(with_root):
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(events)):
        groups.setdefault(find(i), []).append(i)
    items = []
    for members in sorted(groups.values(), key=min):
        identity: set[Key] = set()
        for i in members:
            identity |= events[i].identity_keys(with_root)
        items.append(_Item([events[i] for i in members], identity, with_root))
    return items


def _max_matching(candidates: list[list[int]], taken: dict[int, int] | None = None) -> dict[int, int]:
    """Kuhn's augmenting paths: system index -> candidate item indices; returns item -> system."""
    match: dict[int, int] = dict(taken or {})

    def augment(si: int, seen: set[int]) -> bool:
        for ii in candidates[si]:
            if ii in seen:
                continue
            seen.add(ii)
            if ii not in match or augment(match[ii], seen):
                match[ii] = si
                return True
        return False

    for si in range(len(candidates)):
        augment(si, set())
    return match


@dataclass
class _UnitResult:
    tp: list[tuple[_SysEvent, _Item]] = field(default_factory=list)
    fp: list[tuple[_SysEvent, str]] = field(default_factory=list)
    fn: list[_Item] = field(default_factory=list)
    neutral: list[tuple[_SysEvent, str]] = field(default_factory=list)


def _match_unit(gold: Sequence[GoldEvent], system: Sequence[_SysEvent], with_root: bool) -> _UnitResult:
    """Apply the FORMAT.md rules to one unit. ``system`` holds factual events only."""
    items = _items(gold, with_root)

    def key_of(event: _SysEvent) -> Key:
        return event.key if with_root else (event.source, event.target, _ANY_ROOT)

    # one system event per key: later duplicates of a key are dropped before scoring
    unique: list[_SysEvent] = []
    duplicates: list[_SysEvent] = []
    seen_keys: set[Key] = set()
    for event in system:
        if key_of(event) in seen_keys:
            duplicates.append(event)
        else:
            seen_keys.add(key_of(event))
            unique.append(event)

    def candidates(statuses: tuple[str, ...]) -> list[list[int]]:
        result = []
        for event in unique:
            key = key_of(event)
            cands = [ii for ii, item in enumerate(items) if item.status in statuses and item.accepts(key)]
            cands.sort(key=lambda ii: key not in items[ii].identity)  # exact root first
            result.append(cands)
        return result

    # 1. maximum matching on required items (true positives)
    required = _max_matching(candidates((_REQUIRED,)))
    matched_sys = {si: ii for ii, si in required.items()}
    # 2. then the remaining system events against optional factual items (neither way)
    opt_cands = [[] if si in matched_sys else cands for si, cands in enumerate(candidates((_OPTIONAL,)))]
    optional = _max_matching(opt_cands)
    matched_opt = {si: ii for ii, si in optional.items()}

    result = _UnitResult()
    result.neutral.extend((event, "repeats a system event of the same key") for event in duplicates)
    for si, event in enumerate(unique):
        key = key_of(event)
        if si in matched_sys:
            result.tp.append((event, items[matched_sys[si]]))
            continue
        if si in matched_opt:
            result.neutral.append((event, "matches an optional gold event"))
            continue
        exact = [item for item in items if key in item.identity]
        accepting = {item.status for item in items if item.accepts(key)}
        if any(item.status == _NONFACTUAL for item in exact):
            # the gold gives this very (source, target, root) only as negated or hypothetical
            result.fp.append((event, _NOT_FACTUAL_IN_GOLD))
        elif accepting & {_REQUIRED, _OPTIONAL}:
            result.neutral.append((event, "matches a gold event already matched"))
        elif _NONFACTUAL_OPTIONAL in accepting:
            result.neutral.append((event, "matches an optional non-factual gold event"))
        elif _NONFACTUAL in accepting or exact:
            # exact but not accepted: only a non-factual symmetric event of a factual item names
            # this direction (the factual one is one-way)
            result.fp.append((event, _NOT_FACTUAL_IN_GOLD))
        else:
            result.fp.append((event, "no gold event"))
    for ii, item in enumerate(items):
        if item.status == _REQUIRED and ii not in required:
            result.fn.append(item)
    return result


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1. 0/0 is 1.0 when there was nothing to get wrong, else 0.0."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class RootScore:
    """Per-root counts: precision counts system roots, recall counts gold roots."""

    root: str
    tp_system: int = 0  # true positives whose system root is this root
    fp: int = 0
    tp_gold: int = 0  # true positives whose gold root is this root
    fn: int = 0

    @property
    def name(self) -> str:
        return CAMEO_ROOT_NAMES.get(self.root, "")

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp_system, self.tp_system + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp_gold, self.tp_gold + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Mismatch:
    """A miss (gold event not found) or a false alarm (system event not in the gold)."""

    unit_id: str
    text: str  # snippet of the unit text
    event: dict[str, Any]
    evidence: Any
    sentence: str  # the sentence carrying the trigger (misses) or the system's evidence
    reason: str = ""
    cause: str = ""  # see :mod:`detente.evaluate_causes`

    def describe(self) -> str:
        e = self.event
        arrow = "<->" if e.get("symmetric") else "->"
        cameo = e.get("cameo", "")
        name = CAMEO_ROOT_NAMES.get(str(cameo)[:2], "")
        flags = [f for f in ("negated", "hypothetical", "optional") if e.get(f)]
        also = f" also {','.join(e['also'])}" if e.get("also") else ""
        flag_text = f" [{', '.join(flags)}]" if flags else ""
        return f"{e.get('source')}{arrow}{e.get('target')} {cameo} {name}{also}{flag_text}"


@dataclass
class Report:
    """The scores of one gold file against one set of predictions."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # factual system events counted neither way (duplicate or optional match)
    units: int = 0
    gold_events: int = 0  # gold events in the file, all modalities and optional ones included
    system_events: int = 0  # system events given for the gold units
    system_factual: int = 0  # of which factual (before deduplication)
    uncoded: int = 0  # system events without a source or target, left out
    root_correct: int = 0
    root_total: int = 0
    dyad_tp: int = 0
    dyad_fp: int = 0
    dyad_fn: int = 0
    modality_correct: int = 0
    modality_total: int = 0
    per_root: list[RootScore] = field(default_factory=list)
    misses: list[Mismatch] = field(default_factory=list)
    false_alarms: list[Mismatch] = field(default_factory=list)
    unknown_units: list[str] = field(default_factory=list)  # prediction ids not in the gold

    @property
    def precision(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[2]

    @property
    def root_accuracy(self) -> float | None:
        """Share of required gold events whose dyad the system found that got an accepted root."""
        return _ratio(self.root_correct, self.root_total)

    @property
    def dyad_precision(self) -> float:
        return _prf(self.dyad_tp, self.dyad_fp, self.dyad_fn)[0]

    @property
    def dyad_recall(self) -> float:
        return _prf(self.dyad_tp, self.dyad_fp, self.dyad_fn)[1]

    @property
    def dyad_f1(self) -> float:
        return _prf(self.dyad_tp, self.dyad_fp, self.dyad_fn)[2]

    @property
    def modality_accuracy(self) -> float | None:
        """Share of system events matching a gold event on key whose flags equal the gold's."""
        return _ratio(self.modality_correct, self.modality_total)

    def summary_line(self) -> str:
        return (
            f"factual events: precision={self.precision:.3f} recall={self.recall:.3f} "
            f"f1={self.f1:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"
        )

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (without the miss / false-alarm lists)."""
        return {
            "causes": {k: dict(v) for k, v in self.cause_counts().items()},
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "ignored": self.ignored,
            "units": self.units,
            "gold_events": self.gold_events,
            "system_events": self.system_events,
            "root_accuracy": self.root_accuracy,
            "dyad": {
                "precision": self.dyad_precision,
                "recall": self.dyad_recall,
                "f1": self.dyad_f1,
                "tp": self.dyad_tp,
                "fp": self.dyad_fp,
                "fn": self.dyad_fn,
            },
            "modality_accuracy": self.modality_accuracy,
            "per_root": {
                rs.root: {
                    "precision": rs.precision,
                    "recall": rs.recall,
                    "f1": rs.f1,
                    "tp_system": rs.tp_system,
                    "fp": rs.fp,
                    "tp_gold": rs.tp_gold,
                    "fn": rs.fn,
                }
                for rs in self.per_root
            },
        }

    def render(self, explain: bool = False) -> list[str]:
        """Human-readable lines; the last line is always :meth:`summary_line`."""

        def fmt(value: float | None) -> str:
            return "  n/a" if value is None else f"{value:.3f}"

        lines = [
            f"units: {self.units}  gold events: {self.gold_events}  "
            f"system events: {self.system_events} (factual {self.system_factual}, "
            f"counted neither way {self.ignored}, uncoded {self.uncoded})",
        ]
        if self.unknown_units:
            shown = ", ".join(self.unknown_units[:5])
            more = f" and {len(self.unknown_units) - 5} more" if len(self.unknown_units) > 5 else ""
            lines.append(f"predictions for units not in the gold (ignored): {shown}{more}")
        lines.append(
            f"root-code accuracy on matched dyads: {fmt(self.root_accuracy)} "
            f"({self.root_correct}/{self.root_total})"
        )
        lines.append(
            f"dyads only: precision={self.dyad_precision:.3f} recall={self.dyad_recall:.3f} "
            f"f1={self.dyad_f1:.3f} (tp={self.dyad_tp} fp={self.dyad_fp} fn={self.dyad_fn})"
        )
        lines.append(
            f"modality accuracy: {fmt(self.modality_accuracy)} "
            f"({self.modality_correct}/{self.modality_total})"
        )
        if self.per_root:
            lines.append("per root:    prec recall     f1  tp(sys) fp tp(gold) fn")
            for rs in self.per_root:
                lines.append(
                    f"  {rs.root} {rs.name[:28]:<28} {fmt(rs.precision)} {fmt(rs.recall)} "
                    f"{fmt(rs.f1)} {rs.tp_system:>4} {rs.fp:>4} {rs.tp_gold:>4} {rs.fn:>4}"
                )
        if explain:
            lines.extend(self._explain_lines())
        lines.append(self.summary_line())
        return lines

    def cause_counts(self) -> dict[str, list[tuple[str, int]]]:
        """Misses and false alarms counted by cause (:mod:`detente.evaluate_causes`)."""
        return {
            "misses": cause_table((m.cause for m in self.misses), MISS_CAUSES),
            "false_alarms": cause_table((m.cause for m in self.false_alarms), FALSE_ALARM_CAUSES),
        }

    def _explain_lines(self) -> list[str]:
        counts = self.cause_counts()
        lines = ["causes:"]
        for label, table in (
            ("misses", counts["misses"]),
            ("false alarms", counts["false_alarms"]),
        ):
            cells = ", ".join(f"{cause} {n}" for cause, n in table) or "none"
            lines.append(f"  {label}: {cells}")
        lines.append(f"misses ({len(self.misses)}):")
        for cause, _ in counts["misses"]:
            lines.append(f" [{cause}]")
            for m in self.misses:
                if m.cause != cause:
                    continue
                trigger = m.event.get("trigger") or ""
                lines.append(f"  {m.unit_id}: {m.describe()}  trigger: {trigger!r}")
                lines.append(f"      sentence: {m.sentence}")
        lines.append(f"false alarms ({len(self.false_alarms)}):")
        for cause, _ in counts["false_alarms"]:
            lines.append(f" [{cause}]")
            for m in self.false_alarms:
                if m.cause != cause:
                    continue
                trigger = m.evidence.get("trigger") if isinstance(m.evidence, dict) else None
                tail = f"  trigger: {trigger!r}" if trigger else ""
                lines.append(f"  {m.unit_id}: {m.describe()}  ({m.reason}){tail}")
                lines.append(f"      evidence: {m.sentence}")
        return lines


# ---------------------------------------------------------------------------------------------
# Evidence helpers
# ---------------------------------------------------------------------------------------------

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n|\n")
_WS = re.compile(r"\s+")


def _snippet(text: str, width: int = 100) -> str:
    flat = _WS.sub(" ", text).strip()
    return flat if len(flat) <= width else flat[: width - 3].rstrip() + "..."


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(text) if s and s.strip()]


def _trigger_sentence(text: str, trigger: str) -> str:
    """The first sentence of ``text`` holding the longest fragment of a gold trigger."""
    cleaned = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", trigger)
    fragments = [f.strip(" '\"\u2018\u2019\u201c\u201d;,") for f in re.split(r"\.\.\.|/", cleaned)]
    fragments = sorted((f for f in fragments if len(f) > 1), key=len, reverse=True)
    sentences = _sentences(text)
    for fragment in fragments:
        needle = fragment.lower()
        for sentence in sentences:
            if needle in _WS.sub(" ", sentence).lower():
                return _snippet(sentence, 300)
    return _snippet(text, 300)


def _evidence_sentence(evidence: Any) -> str:
    if evidence is None:
        return "(no evidence given)"
    if isinstance(evidence, str):
        return _snippet(evidence, 300)
    if isinstance(evidence, Mapping):
        for name in ("sentence", "text", "span"):
            if isinstance(evidence.get(name), str) and evidence[name].strip():
                return _snippet(evidence[name], 300)
    return _snippet(json.dumps(evidence, ensure_ascii=False, default=str), 300)


def _gold_event_dict(event: GoldEvent) -> dict[str, Any]:
    data = dataclasses.asdict(event)
    data["also"] = list(event.also)
    return {k: v for k, v in data.items() if v not in (None, (), [], "") or k == "cameo"}


def _system_event_dict(event: _SysEvent) -> dict[str, Any]:
    data = {k: v for k, v in event.raw.items() if k != "evidence"}
    data.update(
        source=event.source,
        target=event.target,
        cameo=event.cameo,
        negated=event.negated,
        hypothetical=event.hypothetical,
    )
    return data


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def score(
    units: Sequence[GoldUnit],
    predictions: Mapping[str, Sequence[Mapping[str, Any] | object]],
    actors: Mapping[str, Iterable[str]] | None = None,
) -> Report:
    """Score system events against gold units (FORMAT.md, "Scoring").

    ``predictions`` maps a unit id to its system events: dicts with ``source``, ``target``,
    ``cameo`` (2-4 digits; the first two are the root), ``negated``, ``hypothetical`` and
    optionally ``covert`` and ``evidence`` (any JSON); objects with these attributes work too.
    A unit missing from ``predictions`` has no system event; predictions for ids that are not
    gold units are ignored and listed in ``Report.unknown_units``. ``actors`` (unit id to the
    actor codes the system resolved in it) lets a miss be explained as "actor not found".
    """
    report = Report(units=len(units))
    gold_ids = {unit.id for unit in units}
    report.unknown_units = [uid for uid in predictions if uid not in gold_ids]
    roots: dict[str, RootScore] = {}

    def root_score(root: str) -> RootScore:
        if root not in roots:
            roots[root] = RootScore(root)
        return roots[root]

    for unit in units:
        report.gold_events += len(unit.events)
        system: list[_SysEvent] = []
        for index, raw in enumerate(predictions.get(unit.id, ()) or ()):
            report.system_events += 1
            event = _system_event(raw, unit.id, index)
            if event is None:
                report.uncoded += 1
                continue
            system.append(event)
        factual = [e for e in system if e.factual]
        report.system_factual += len(factual)
        unit_actors = None
        if actors is not None:
            unit_actors = {_actor(code) for code in actors.get(unit.id, ())}

        # primary figure
        result = _match_unit(unit.events, factual, with_root=True)
        report.tp += len(result.tp)
        report.fp += len(result.fp)
        report.fn += len(result.fn)
        report.ignored += len(result.neutral)
        for sys_event, item in result.tp:
            root_score(sys_event.root).tp_system += 1
            root_score(item.root).tp_gold += 1
        for sys_event, reason in result.fp:
            root_score(sys_event.root).fp += 1
            report.false_alarms.append(
                Mismatch(
                    unit_id=unit.id,
                    text=_snippet(unit.text),
                    event=_system_event_dict(sys_event),
                    evidence=sys_event.evidence,
                    sentence=_evidence_sentence(sys_event.evidence),
                    reason=reason,
                    cause=false_alarm_cause(sys_event, unit.events, reason == _NOT_FACTUAL_IN_GOLD),
                )
            )
        for item in result.fn:
            root_score(item.root).fn += 1
            gold_event = item.representative()
            report.misses.append(
                Mismatch(
                    unit_id=unit.id,
                    text=_snippet(unit.text),
                    event=_gold_event_dict(gold_event),
                    evidence=gold_event.trigger,
                    sentence=_trigger_sentence(unit.text, gold_event.trigger),
                    reason="not found",
                    cause=miss_cause(gold_event, system, unit_actors),
                )
            )

        # root-code accuracy: required items whose dyad some factual system event carries
        dyads = {(e.source, e.target) for e in factual}
        matched_items = {frozenset(item.identity) for _, item in result.tp}
        for item in _items(unit.events, with_root=True):
            if item.status != _REQUIRED:
                continue
            if any(item.accepts((s, t, _ANY_ROOT), with_root=False) for s, t in dyads):
                report.root_total += 1
                report.root_correct += frozenset(item.identity) in matched_items

        # dyad-only scores: the same rules with the root ignored
        dyad_result = _match_unit(unit.events, factual, with_root=False)
        report.dyad_tp += len(dyad_result.tp)
        report.dyad_fp += len(dyad_result.fp)
        report.dyad_fn += len(dyad_result.fn)

        # modality: every distinct system event that matches a gold event on key
        seen: set[tuple[Key, bool, bool]] = set()
        for event in system:
            marker = (event.key, event.negated, event.hypothetical)
            if marker in seen:
                continue
            seen.add(marker)
            gold_matches = [g for g in unit.events if g.accepts(event.key)]
            if not gold_matches:
                continue
            report.modality_total += 1
            report.modality_correct += any(
                (g.negated, g.hypothetical) == (event.negated, event.hypothetical) for g in gold_matches
            )

    report.per_root = [roots[r] for r in sorted(roots)]
    return report
