"""Root-code accuracy per record, for gold sets that code one event per record (PLOVER GSR).

``detente evaluate`` reports root-code accuracy on matched dyads per (source, target, root)
item. For a set such as the PLOVER gold-standard records, where each record is one coded
event (possibly over several actor pairs), the figure asked for is per *record*:

* a record counts when it has a required gold event (after conversion every PLOVER record
  kept has a source and a target);
* its dyad is *found* when a system event carries the actors of one of its gold events
  (either direction for a symmetric event);
* it is *correct* when one of those system events has an accepted root (the gold root or one
  of its ``also`` roots).

Accuracy = correct / found; coverage = found / records. By default system events count
whatever their modality (the figure is about the root); :func:`record_root_accuracy` can
restrict them to factual events, as ``detente evaluate`` does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .evaluate import CAMEO_ROOT_NAMES, GoldUnit, cameo_root

__all__ = ["RecordAccuracy", "RootRow", "WrongRoot", "code_units", "record_root_accuracy"]


@dataclass
class RootRow:
    """Counts for the records of one gold root."""

    root: str
    records: int = 0
    found: int = 0
    correct: int = 0


@dataclass(frozen=True)
class WrongRoot:
    """A record whose dyad the system found with no accepted root."""

    unit_id: str
    gold: str  # e.g. "USA->IRQ 13 (also 17)"
    system: tuple[str, ...]  # the system's codes on the gold dyad(s)
    trigger: str
    text: str


@dataclass
class RecordAccuracy:
    """Record-level root accuracy (see the module docstring)."""

    records: int = 0
    found: int = 0
    correct: int = 0
    factual_only: bool = False
    per_root: dict[str, RootRow] = field(default_factory=dict)
    wrong: list[WrongRoot] = field(default_factory=list)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.found if self.found else None

    @property
    def coverage(self) -> float | None:
        return self.found / self.records if self.records else None

    def summary_line(self) -> str:
        acc = "n/a" if self.accuracy is None else f"{self.accuracy:.3f}"
        cov = "n/a" if self.coverage is None else f"{self.coverage:.3f}"
        which = "factual system events" if self.factual_only else "system events of any modality"
        return (
            f"root-code accuracy per record ({which}): {acc} ({self.correct}/{self.found} records "
            f"whose gold dyad was found); dyad found for {self.found}/{self.records} records ({cov})"
        )

    def render(self, explain: bool = False) -> list[str]:
        """Per-root table, optionally the wrong-root records, then :meth:`summary_line`."""
        lines = ["gold root                          records found correct accuracy"]
        for row in sorted(self.per_root.values(), key=lambda r: r.root):
            acc = f"{row.correct / row.found:.3f}" if row.found else "  n/a"
            name = CAMEO_ROOT_NAMES.get(row.root, "")[:28]
            lines.append(f"  {row.root} {name:<30} {row.records:>5} {row.found:>5} {row.correct:>7} {acc:>8}")
        if explain:
            lines.append(f"dyad found, root not accepted ({len(self.wrong)}):")
            for w in self.wrong:
                lines.append(
                    f"  {w.unit_id}: gold {w.gold}; system {', '.join(w.system)}  trigger: {w.trigger!r}"
                )
                lines.append(f"      text: {w.text}")
        lines.append(self.summary_line())
        return lines


def _get(event: object, name: str) -> Any:
    return event.get(name) if isinstance(event, Mapping) else getattr(event, name, None)


def _system(events: Sequence[object], factual_only: bool) -> list[tuple[str, str, str, str]]:
    """(source, target, root, code) of the usable system events."""
    out = []
    for event in events:
        source, target, cameo = _get(event, "source"), _get(event, "target"), _get(event, "cameo")
        if not source or not target or cameo is None:
            continue
        if factual_only and (_get(event, "negated") or _get(event, "hypothetical")):
            continue
        try:
            root = cameo_root(cameo)
        except ValueError:
            continue
        out.append((str(source).strip().upper(), str(target).strip().upper(), root, str(cameo)))
    return out


def record_root_accuracy(
    units: Sequence[GoldUnit],
    predictions: Mapping[str, Sequence[object]],
    factual_only: bool = False,
) -> RecordAccuracy:
    """Score each gold unit as one record (see the module docstring)."""
    result = RecordAccuracy(factual_only=factual_only)
    for unit in units:
        gold = [e for e in unit.events if not e.optional]
        if not gold:
            continue
        result.records += 1
        root = gold[0].root
        row = result.per_root.setdefault(root, RootRow(root))
        row.records += 1
        system = _system(predictions.get(unit.id, ()) or (), factual_only)
        on_dyad = [
            (s, t, r, code)
            for s, t, r, code in system
            if any(g.accepts((s, t, r), with_root=False) for g in gold)
        ]
        if not on_dyad:
            continue
        result.found += 1
        row.found += 1
        if any(g.accepts((s, t, r)) for s, t, r, _ in on_dyad for g in gold):
            result.correct += 1
            row.correct += 1
            continue
        g = gold[0]
        also = f" (also {','.join(g.also)})" if g.also else ""
        arrow = "<->" if g.symmetric else "->"
        result.wrong.append(
            WrongRoot(
                unit_id=unit.id,
                gold=f"{g.source}{arrow}{g.target} {g.cameo}{also}",
                system=tuple(sorted({f"{s}->{t} {code}" for s, t, _, code in on_dyad})),
                trigger=g.trigger,
                text=unit.text if len(unit.text) <= 200 else unit.text[:197] + "...",
            )
        )
    return result


def code_units(units: Sequence[GoldUnit], model: str | None = None, label: str = "gold") -> dict[str, list]:
    """Code each gold unit as one document (as ``detente evaluate`` does); events per unit id."""
    from .extract import extract_text_dump
    from .models import event_record
    from .pipeline import Pipeline

    pipe = Pipeline(model)
    articles = [(extract_text_dump(u.text, path=f"{label}#{u.id}", date_hint=u.date), u.id) for u in units]
    results = pipe.code_articles(articles)
    return {u.id: [event_record(e) for e in evs] for u, evs in zip(units, results, strict=True)}
