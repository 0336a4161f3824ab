"""Why a gold event was missed or a system event is a false alarm (``detente evaluate --explain``).

Each mismatch gets one cause, checked in this order:

misses (a required factual gold event no system event matched)
  * ``actor not found``: the source or the target code is not among the actors the system
    resolved anywhere in the unit (only when those actors are known);
  * ``modality``: the system coded this (source, target, root) but as negated or hypothetical;
  * ``wrong direction``: the system coded the root with source and target swapped;
  * ``wrong verb class``: the system coded the dyad (either direction) with another root;
  * ``missing pattern``: both actors were resolved but no event joins them.

false alarms (a factual system event with no gold match)
  * ``modality``: the gold gives this event only as negated or hypothetical;
  * ``wrong direction``: the gold has the root with source and target swapped;
  * ``wrong verb class``: the gold has the dyad with another root;
  * ``wrong actor``: the gold has events in the unit, none on this dyad;
  * ``no event in gold``: the unit has no gold event at all (a precision test).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from .gold import GoldEvent

ACTOR_NOT_FOUND = "actor not found"
MODALITY = "modality"
WRONG_DIRECTION = "wrong direction"
WRONG_CLASS = "wrong verb class"
MISSING_PATTERN = "missing pattern"
WRONG_ACTOR = "wrong actor"
NO_GOLD_EVENT = "no event in gold"

MISS_CAUSES = (ACTOR_NOT_FOUND, MODALITY, WRONG_DIRECTION, WRONG_CLASS, MISSING_PATTERN)
FALSE_ALARM_CAUSES = (MODALITY, WRONG_DIRECTION, WRONG_CLASS, WRONG_ACTOR, NO_GOLD_EVENT)


class SystemEvent(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def root(self) -> str: ...
    @property
    def negated(self) -> bool: ...
    @property
    def hypothetical(self) -> bool: ...


def miss_cause(
    gold: GoldEvent,
    system: Sequence[SystemEvent],
    actors: Iterable[str] | None,
) -> str:
    """The cause of missing ``gold`` given all system events of its unit (any modality) and the
    actor codes resolved in the unit (``None`` when unknown)."""
    if actors is not None:
        found = set(actors)
        if gold.source not in found or gold.target not in found:
            return ACTOR_NOT_FOUND
    directions = set(gold.directions)
    roots = set(gold.roots)
    for event in system:
        if (event.source, event.target) in directions and event.root in roots:
            if event.negated or event.hypothetical:
                return MODALITY
    swapped = {(t, s) for s, t in directions}
    for event in system:
        if (event.source, event.target) in swapped and event.root in roots:
            return WRONG_DIRECTION
    for event in system:
        if (event.source, event.target) in directions | swapped:
            return WRONG_CLASS
    return MISSING_PATTERN


def false_alarm_cause(event: SystemEvent, gold: Sequence[GoldEvent], not_factual_in_gold: bool) -> str:
    """The cause of a factual system ``event`` matching no gold event of its unit."""
    if not_factual_in_gold:
        return MODALITY
    if not gold:
        return NO_GOLD_EVENT
    dyad = (event.source, event.target)
    if any(dyad in g.directions and event.root in g.roots for g in gold):
        return MODALITY  # the gold has it, but only as a non-factual event
    if any((event.target, event.source) in g.directions and event.root in g.roots for g in gold):
        return WRONG_DIRECTION
    if any(dyad in g.directions or (event.target, event.source) in g.directions for g in gold):
        return WRONG_CLASS
    return WRONG_ACTOR


def cause_table(causes: Iterable[str], order: Sequence[str]) -> list[tuple[str, int]]:
    """``(cause, count)`` in ``order``, causes with no case left out."""
    counts: dict[str, int] = {}
    for cause in causes:
        counts[cause] = counts.get(cause, 0) + 1
    return [(c, counts[c]) for c in order if counts.get(c)] + [
        (c, n) for c, n in counts.items() if c not in order
    ]
