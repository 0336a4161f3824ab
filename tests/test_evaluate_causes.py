"""Causes of misses and false alarms (``detente evaluate --explain``)."""

from __future__ import annotations

from detente.evaluate import GoldUnit, score
from detente.evaluate_causes import (
    ACTOR_NOT_FOUND,
    MISSING_PATTERN,
    MODALITY,
    NO_GOLD_EVENT,
    WRONG_ACTOR,
    WRONG_CLASS,
    WRONG_DIRECTION,
)
from detente.gold import GoldEvent


def _unit(uid: str, *events: GoldEvent) -> GoldUnit:
    return GoldUnit(id=uid, text="Iran criticised Iraq.", date=None, events=tuple(events))


def _ev(source: str, target: str, cameo: str, **flags: bool) -> dict[str, object]:
    return {"source": source, "target": target, "cameo": cameo, **flags}


def _causes(unit: GoldUnit, system: list[dict[str, object]], actors: set[str] | None):
    report = score([unit], {unit.id: system}, {unit.id: actors} if actors is not None else None)
    return [m.cause for m in report.misses], [m.cause for m in report.false_alarms]


def test_miss_causes() -> None:
    gold = GoldEvent("IRN", "IRQ", "11")
    assert _causes(_unit("a", gold), [], {"IRN"}) == ([ACTOR_NOT_FOUND], [])
    assert _causes(_unit("a", gold), [], {"IRN", "IRQ"}) == ([MISSING_PATTERN], [])
    assert _causes(_unit("a", gold), [], None) == ([MISSING_PATTERN], [])
    hyp = [_ev("IRN", "IRQ", "11", hypothetical=True)]
    assert _causes(_unit("a", gold), hyp, {"IRN", "IRQ"}) == ([MODALITY], [])
    swapped = [_ev("IRQ", "IRN", "11")]
    assert _causes(_unit("a", gold), swapped, {"IRN", "IRQ"}) == ([WRONG_DIRECTION], [WRONG_DIRECTION])
    other = [_ev("IRN", "IRQ", "19")]
    assert _causes(_unit("a", gold), other, {"IRN", "IRQ"}) == ([WRONG_CLASS], [WRONG_CLASS])


def test_false_alarm_causes() -> None:
    assert _causes(_unit("b"), [_ev("IRN", "IRQ", "11")], None) == ([], [NO_GOLD_EVENT])
    unit = _unit("c", GoldEvent("IRN", "IRQ", "11"))
    _, alarms = _causes(unit, [_ev("IRN", "IRQ", "11"), _ev("USA", "IRQ", "11")], None)
    assert alarms == [WRONG_ACTOR]
    hypothetical = _unit("d", GoldEvent("IRN", "IRQ", "19", hypothetical=True))
    assert _causes(hypothetical, [_ev("IRN", "IRQ", "19")], None) == ([], [MODALITY])


def test_report_counts_and_renders_causes() -> None:
    unit = _unit("e", GoldEvent("IRN", "IRQ", "11"), GoldEvent("IRN", "USA", "04"))
    report = score([unit], {"e": [_ev("IRN", "IRQ", "12")]}, {"e": {"IRN", "IRQ"}})
    counts = report.cause_counts()
    assert counts["misses"] == [(ACTOR_NOT_FOUND, 1), (WRONG_CLASS, 1)]
    assert counts["false_alarms"] == [(WRONG_CLASS, 1)]
    text = "\n".join(report.render(explain=True))
    assert "misses: actor not found 1, wrong verb class 1" in text
    assert report.as_dict()["causes"]["misses"] == {ACTOR_NOT_FOUND: 1, WRONG_CLASS: 1}
