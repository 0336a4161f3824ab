"""Tests of the gold scorer (FORMAT.md, "Scoring")."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from detente.evaluate import (
    GoldEvent,
    GoldFormatError,
    GoldUnit,
    Report,
    cameo_root,
    gold_as_predictions,
    load_gold,
    score,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LAST_LINE = re.compile(
    r"^factual events: precision=\d\.\d{3} recall=\d\.\d{3} f1=\d\.\d{3} "
    r"\(tp=\d+ fp=\d+ fn=\d+\)$"
)


def gev(source: str, target: str, cameo: str, **kw: Any) -> GoldEvent:
    if "also" in kw:
        kw["also"] = tuple(kw["also"])
    return GoldEvent(source=source, target=target, cameo=cameo, **kw)


def unit(*events: GoldEvent, uid: str = "u1", text: str = "Some text.") -> GoldUnit:
    return GoldUnit(id=uid, text=text, events=tuple(events))


def sev(source: str, target: str, cameo: str, **kw: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "source": source,
        "target": target,
        "cameo": cameo,
        "negated": False,
        "hypothetical": False,
    }
    event.update(kw)
    return event


def run(gold: list[GoldEvent], system: list[dict[str, Any]]) -> Report:
    return score([unit(*gold)], {"u1": system})


def counts(report: Report) -> tuple[int, int, int]:
    return report.tp, report.fp, report.fn


# --------------------------------------------------------------------------------------------
# basic matching
# --------------------------------------------------------------------------------------------


def test_exact_match_is_true_positive() -> None:
    report = run([gev("IRN", "IRQ", "04")], [sev("IRN", "IRQ", "04")])
    assert counts(report) == (1, 0, 0)
    assert report.precision == report.recall == report.f1 == 1.0


def test_wrong_root_is_a_false_alarm_and_a_miss() -> None:
    report = run([gev("IRN", "IRQ", "04")], [sev("IRN", "IRQ", "05")])
    assert counts(report) == (0, 1, 1)
    assert report.precision == report.recall == report.f1 == 0.0


def test_wrong_actor_is_a_false_alarm_and_a_miss() -> None:
    report = run([gev("IRN", "IRQ", "04")], [sev("IRN", "SYR", "04")])
    assert counts(report) == (0, 1, 1)


def test_longer_codes_are_scored_on_the_root() -> None:
    report = run([gev("USA", "IRN", "191")], [sev("USA", "IRN", "1951")])
    assert counts(report) == (1, 0, 0)
    assert cameo_root("042") == "04"
    assert cameo_root(4) == "04"
    for bad in ("4", "21", "x4", "12345", True, None):
        with pytest.raises(ValueError):
            cameo_root(bad)


def test_actor_codes_are_compared_case_and_space_insensitively() -> None:
    report = run([gev("USA", "IRN", "11")], [sev(" usa", "Irn ", "11")])
    assert counts(report) == (1, 0, 0)


def test_partial_precision_recall_values() -> None:
    gold = [gev("USA", "IRN", "11"), gev("USA", "IRN", "16"), gev("IRN", "USA", "12")]
    report = run(gold, [sev("USA", "IRN", "11"), sev("USA", "IRN", "16"), sev("IRQ", "IRN", "04")])
    assert counts(report) == (2, 1, 1)
    assert report.precision == pytest.approx(2 / 3)
    assert report.recall == pytest.approx(2 / 3)
    assert report.f1 == pytest.approx(2 / 3)


# --------------------------------------------------------------------------------------------
# direction and symmetric events
# --------------------------------------------------------------------------------------------


def test_reversed_direction_does_not_match_an_asymmetric_event() -> None:
    report = run([gev("TUR", "IRQ", "19")], [sev("IRQ", "TUR", "19")])
    assert counts(report) == (0, 1, 1)


def test_symmetric_gold_matches_either_direction() -> None:
    gold = [gev("JPN", "KOR", "04", symmetric=True)]
    assert counts(run(gold, [sev("KOR", "JPN", "04")])) == (1, 0, 0)
    assert counts(run(gold, [sev("JPN", "KOR", "04")])) == (1, 0, 0)


def test_both_directions_of_a_symmetric_event_count_once() -> None:
    gold = [gev("JPN", "KOR", "04", symmetric=True)]
    report = run(gold, [sev("JPN", "KOR", "04"), sev("KOR", "JPN", "04")])
    assert counts(report) == (1, 0, 0)
    assert report.ignored == 1


def test_symmetric_gold_listed_in_both_directions_is_one_event() -> None:
    gold = [gev("JPN", "KOR", "04", symmetric=True), gev("KOR", "JPN", "04", symmetric=True)]
    assert counts(run(gold, [sev("JPN", "KOR", "04")])) == (1, 0, 0)
    assert counts(run(gold, [])) == (0, 0, 1)


# --------------------------------------------------------------------------------------------
# `also` roots
# --------------------------------------------------------------------------------------------


def test_also_root_is_accepted() -> None:
    gold = [gev("IRN", "IRQ", "05", also=["06", "07"])]
    assert counts(run(gold, [sev("IRN", "IRQ", "07")])) == (1, 0, 0)
    assert counts(run(gold, [sev("IRN", "IRQ", "08")])) == (0, 1, 1)


def test_main_and_also_root_both_produced_count_once() -> None:
    gold = [gev("IRN", "IRQ", "05", also=["06"])]
    report = run(gold, [sev("IRN", "IRQ", "05"), sev("IRN", "IRQ", "06")])
    assert counts(report) == (1, 0, 0)
    assert report.ignored == 1


def test_also_root_on_symmetric_event_other_direction() -> None:
    gold = [gev("IRN", "USA", "05", symmetric=True, also=["06"])]
    report = run(gold, [sev("USA", "IRN", "06"), sev("IRN", "USA", "05")])
    assert counts(report) == (1, 0, 0)


def test_also_does_not_steal_a_root_from_another_gold_event() -> None:
    # a clash (19, also 18) and a separate killing (18): two gold events
    gold = [gev("ISR", "PSE", "19", also=["18"]), gev("ISR", "PSE", "18")]
    assert counts(run(gold, [sev("ISR", "PSE", "18"), sev("ISR", "PSE", "19")])) == (2, 0, 0)
    assert counts(run(gold, [sev("ISR", "PSE", "18")])) == (1, 0, 1)


def test_matching_is_maximal_not_greedy() -> None:
    # the 19 could take gold 19 first, leaving the 18 unmatched; a maximum matching gives 2
    gold = [gev("ISR", "PSE", "19", also=["18"]), gev("ISR", "PSE", "17", also=["19"])]
    report = run(gold, [sev("ISR", "PSE", "19"), sev("ISR", "PSE", "18")])
    assert counts(report) == (2, 0, 0)


# --------------------------------------------------------------------------------------------
# optional events
# --------------------------------------------------------------------------------------------


def test_optional_gold_is_not_required() -> None:
    gold = [gev("IRQ", "IRQ", "18", optional=True)]
    report = run(gold, [])
    assert counts(report) == (0, 0, 0)
    assert report.misses == []


def test_optional_gold_matched_counts_neither_way() -> None:
    gold = [gev("IRQ", "IRQ", "18", optional=True)]
    report = run(gold, [sev("IRQ", "IRQ", "18")])
    assert counts(report) == (0, 0, 0)
    assert report.ignored == 1
    assert report.false_alarms == []


def test_optional_also_root_counts_neither_way() -> None:
    gold = [gev("USA", "IRN", "01", also=["05"], optional=True)]
    assert counts(run(gold, [sev("USA", "IRN", "05")])) == (0, 0, 0)


def test_required_and_optional_events_of_one_key_make_it_required() -> None:
    gold = [gev("CHN", "TWN", "11", optional=True), gev("CHN", "TWN", "11")]
    assert counts(run(gold, [])) == (0, 0, 1)
    assert counts(run(gold, [sev("CHN", "TWN", "11")])) == (1, 0, 0)


def test_optional_and_required_events_beside_each_other() -> None:
    gold = [gev("CHN", "USA", "11"), gev("CHN", "TWN", "11", optional=True)]
    report = run(gold, [sev("CHN", "USA", "11"), sev("CHN", "TWN", "11"), sev("CHN", "JPN", "11")])
    assert counts(report) == (1, 1, 0)


# --------------------------------------------------------------------------------------------
# factual / negated / hypothetical interplay
# --------------------------------------------------------------------------------------------


def test_system_non_factual_events_are_left_out() -> None:
    gold = [gev("EU", "BLR", "16")]
    report = run(gold, [sev("EU", "BLR", "16", hypothetical=True), sev("EU", "RUS", "16", negated=True)])
    assert counts(report) == (0, 0, 1)


def test_gold_hypothetical_and_system_hypothetical_count_nothing() -> None:
    gold = [gev("EU", "BLR", "16", hypothetical=True)]
    assert counts(run(gold, [sev("EU", "BLR", "16", hypothetical=True)])) == (0, 0, 0)
    assert counts(run(gold, [])) == (0, 0, 0)


def test_system_factual_against_gold_hypothetical_is_a_false_alarm() -> None:
    gold = [gev("EU", "BLR", "16", hypothetical=True)]
    report = run(gold, [sev("EU", "BLR", "16")])
    assert counts(report) == (0, 1, 0)
    assert "negated or hypothetical" in report.false_alarms[0].reason


def test_system_factual_against_gold_negated_is_a_false_alarm() -> None:
    gold = [gev("IRN", "IS", "19", negated=True)]
    assert counts(run(gold, [sev("IRN", "IS", "19")])) == (0, 1, 0)


def test_system_factual_against_optional_gold_hypothetical_counts_neither_way() -> None:
    gold = [gev("IRN", "IRQ", "19", hypothetical=True, optional=True, also=["15"])]
    assert counts(run(gold, [sev("IRN", "IRQ", "15")])) == (0, 0, 0)


def test_key_is_factual_when_any_gold_event_is_factual() -> None:
    gold = [gev("USA", "IRN", "05", hypothetical=True), gev("USA", "IRN", "05")]
    assert counts(run(gold, [sev("USA", "IRN", "05")])) == (1, 0, 0)
    assert counts(run(gold, [])) == (0, 0, 1)


def test_factual_symmetric_event_and_hypothetical_other_direction_are_one_key() -> None:
    # seed pattern: "cooperate behind the scenes" (factual) and "I suspect ... cooperation"
    gold = [
        gev("IRN", "USA", "05", symmetric=True),
        gev("USA", "IRN", "05", symmetric=True, hypothetical=True),
        gev("IRN", "USA", "05", symmetric=True, negated=True, optional=True),
    ]
    report = run(gold, [sev("USA", "IRN", "05"), sev("IRN", "USA", "05")])
    assert counts(report) == (1, 0, 0)


def test_hypothetical_gold_event_beside_a_factual_also_match() -> None:
    # clash (19, also 18) is factual; a killing (18) is only hypothetical in the gold
    gold = [gev("ISR", "PSE", "19", also=["18"]), gev("ISR", "PSE", "18", hypothetical=True)]
    assert counts(run(gold, [sev("ISR", "PSE", "18")])) == (1, 0, 0)
    assert counts(run(gold, [sev("ISR", "PSE", "19"), sev("ISR", "PSE", "18")])) == (1, 1, 0)


# --------------------------------------------------------------------------------------------
# duplicates, empty units, unknown units
# --------------------------------------------------------------------------------------------


def test_system_duplicates_of_a_key_count_once() -> None:
    gold = [gev("KEN", "KEN", "17")]
    report = run(gold, [sev("KEN", "KEN", "173"), sev("KEN", "KEN", "17"), sev("KEN", "KEN", "17")])
    assert counts(report) == (1, 0, 0)
    report = run([], [sev("KEN", "KEN", "17"), sev("KEN", "KEN", "17")])
    assert counts(report) == (0, 1, 0)


def test_empty_unit_and_no_prediction_is_perfect() -> None:
    report = score([unit()], {})
    assert counts(report) == (0, 0, 0)
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.render()[-1] == ("factual events: precision=1.000 recall=1.000 f1=1.000 (tp=0 fp=0 fn=0)")


def test_empty_unit_with_system_event_is_a_false_alarm() -> None:
    report = score([unit()], {"u1": [sev("USA", "RUS", "11")]})
    assert counts(report) == (0, 1, 0)
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)


def test_units_missing_from_predictions_are_misses() -> None:
    units = [unit(gev("DEU", "SDN", "07"), uid="a"), unit(gev("BRA", "ARG", "04"), uid="b")]
    report = score(units, {"a": [sev("DEU", "SDN", "07")]})
    assert counts(report) == (1, 0, 1)
    assert report.precision == 1.0
    assert report.recall == 0.5


def test_events_are_scored_per_unit() -> None:
    units = [unit(gev("DEU", "SDN", "07"), uid="a"), unit(uid="b")]
    report = score(units, {"b": [sev("DEU", "SDN", "07")]})
    assert counts(report) == (0, 1, 1)


def test_predictions_for_unknown_units_are_ignored_and_listed() -> None:
    report = score([unit()], {"zzz": [sev("USA", "RUS", "11")]})
    assert counts(report) == (0, 0, 0)
    assert report.unknown_units == ["zzz"]
    assert any("zzz" in line for line in report.render())


def test_events_without_coded_actors_are_left_out() -> None:
    report = run([gev("USA", "RUS", "11")], [sev("", "RUS", "11"), sev("USA", None, "11")])
    assert counts(report) == (0, 0, 1)
    assert report.uncoded == 2


def test_prediction_without_cameo_is_an_error() -> None:
    with pytest.raises(ValueError, match="u1"):
        run([], [{"source": "USA", "target": "RUS"}])


def test_event_objects_are_accepted() -> None:
    from detente.models import Event, Evidence

    evidence = Evidence(
        sentence="Germany pledged aid to Sudan.",
        sentence_start=0,
        sentence_end=29,
        trigger="pledged",
        trigger_start=8,
        trigger_end=15,
        pattern="test",
    )
    event = Event(
        source="DEU",
        target="SDN",
        cameo="033",
        root="03",
        goldstein=5.2,
        quad_class=1,
        plover=None,
        evidence=evidence,
    )
    report = score([unit(gev("DEU", "SDN", "03"))], {"u1": [event]})
    assert counts(report) == (1, 0, 0)
    report = score([unit()], {"u1": [event]})
    assert report.false_alarms[0].sentence == "Germany pledged aid to Sudan."


# --------------------------------------------------------------------------------------------
# secondary figures
# --------------------------------------------------------------------------------------------


def test_root_accuracy_on_matched_dyads() -> None:
    gold = [gev("USA", "IRN", "11"), gev("USA", "IRN", "16"), gev("IRN", "IRQ", "07")]
    report = run(gold, [sev("USA", "IRN", "11"), sev("USA", "IRN", "10")])
    # two gold events on a dyad the system found, one of them with the right root
    assert (report.root_correct, report.root_total) == (1, 2)
    assert report.root_accuracy == 0.5


def test_root_accuracy_uses_symmetric_dyads_and_is_none_without_dyads() -> None:
    gold = [gev("BRA", "ARG", "04", symmetric=True)]
    report = run(gold, [sev("ARG", "BRA", "05")])
    assert (report.root_correct, report.root_total) == (0, 1)
    assert run(gold, []).root_accuracy is None


def test_dyad_only_scores_ignore_the_code() -> None:
    gold = [
        gev("USA", "IRN", "11"),
        gev("USA", "IRN", "16"),
        gev("JPN", "KOR", "04", symmetric=True),
    ]
    report = run(gold, [sev("USA", "IRN", "10"), sev("KOR", "JPN", "05"), sev("IRN", "USA", "12")])
    assert (report.dyad_tp, report.dyad_fp, report.dyad_fn) == (2, 1, 0)
    assert report.dyad_precision == pytest.approx(2 / 3)
    assert report.dyad_recall == 1.0
    assert counts(report) == (0, 3, 3)


def test_dyad_only_scores_respect_optional_and_modality() -> None:
    gold = [gev("EU", "BLR", "16", hypothetical=True), gev("TUR", "IRQ", "19", optional=True)]
    report = run(gold, [sev("EU", "BLR", "16"), sev("TUR", "IRQ", "18")])
    assert (report.dyad_tp, report.dyad_fp, report.dyad_fn) == (0, 1, 0)


def test_modality_accuracy() -> None:
    gold = [
        gev("EU", "BLR", "16", hypothetical=True),
        gev("IRN", "IS", "19", negated=True),
        gev("USA", "RUS", "11"),
    ]
    system = [
        sev("EU", "BLR", "16", hypothetical=True),  # right
        sev("IRN", "IS", "19"),  # wrong: gold says negated
        sev("USA", "RUS", "11"),  # right
        sev("USA", "RUS", "11"),  # duplicate, counted once
        sev("USA", "CHN", "11", hypothetical=True),  # no gold event: not counted
    ]
    report = run(gold, system)
    assert (report.modality_correct, report.modality_total) == (2, 3)
    assert report.modality_accuracy == pytest.approx(2 / 3)


def test_modality_accuracy_counts_optional_gold_and_accepted_roots() -> None:
    gold = [gev("IRN", "IRQ", "19", hypothetical=True, optional=True, also=["15"])]
    report = run(gold, [sev("IRQ", "IRN", "19"), sev("IRN", "IRQ", "15", hypothetical=True)])
    assert (report.modality_correct, report.modality_total) == (1, 1)


def test_per_root_table() -> None:
    gold = [gev("IRN", "IRQ", "05", also=["06"]), gev("USA", "IRN", "11"), gev("KEN", "KEN", "17")]
    report = run(gold, [sev("IRN", "IRQ", "06"), sev("USA", "IRN", "11"), sev("USA", "IRN", "13")])
    table = {rs.root: rs for rs in report.per_root}
    assert sorted(table) == ["05", "06", "11", "13", "17"]
    assert (table["06"].tp_system, table["06"].precision, table["06"].recall) == (1, 1.0, None)
    assert (table["05"].tp_gold, table["05"].recall, table["05"].precision) == (1, 1.0, None)
    assert (table["11"].precision, table["11"].recall, table["11"].f1) == (1.0, 1.0, 1.0)
    assert (table["13"].fp, table["13"].precision) == (1, 0.0)
    assert (table["17"].fn, table["17"].recall, table["17"].f1) == (1, 0.0, None)
    assert table["11"].name == "disapprove"


# --------------------------------------------------------------------------------------------
# report rendering
# --------------------------------------------------------------------------------------------


def test_last_line_format() -> None:
    gold = [gev("USA", "IRN", "11"), gev("USA", "IRN", "16"), gev("IRN", "USA", "12")]
    report = run(gold, [sev("USA", "IRN", "11"), sev("USA", "IRN", "16"), sev("IRQ", "IRN", "04")])
    for explain in (False, True):
        lines = report.render(explain)
        assert lines[-1] == "factual events: precision=0.667 recall=0.667 f1=0.667 (tp=2 fp=1 fn=1)"
        assert LAST_LINE.match(lines[-1])
        assert all(isinstance(line, str) and "\n" not in line for line in lines)


def test_explain_lists_misses_and_false_alarms() -> None:
    text = (
        "Kenya's police arrested 12 protesters in Nairobi on Monday. "
        "The European Union imposed new sanctions on Belarus."
    )
    gold_unit = GoldUnit(
        id="ex-1",
        text=text,
        events=(
            gev("KEN", "KEN", "17", trigger="arrested"),
            gev("EU", "BLR", "16", trigger="imposed ... sanctions"),
        ),
    )
    system = [
        sev("EU", "BLR", "16", evidence={"sentence": "The European Union imposed new sanctions."}),
        sev("EU", "RUS", "16", evidence={"sentence": "A made-up sentence.", "trigger": "imposed"}),
    ]
    report = score([gold_unit], {"ex-1": system})
    assert counts(report) == (1, 1, 1)
    assert [m.unit_id for m in report.misses] == ["ex-1"]
    assert report.misses[0].sentence.startswith("Kenya's police arrested 12 protesters")
    assert report.misses[0].event["cameo"] == "17"
    assert report.false_alarms[0].event["target"] == "RUS"
    assert report.false_alarms[0].evidence["trigger"] == "imposed"
    assert report.false_alarms[0].text.startswith("Kenya's police")
    plain = report.render(explain=False)
    lines = report.render(explain=True)
    assert len(lines) > len(plain)
    body = "\n".join(lines)
    assert "ex-1: KEN->KEN 17" in body
    assert "Kenya's police arrested 12 protesters in Nairobi on Monday." in body
    assert "ex-1: EU->RUS 16" in body
    assert "A made-up sentence." in body
    assert "arrested" not in "\n".join(plain)
    assert LAST_LINE.match(lines[-1])


def test_explain_handles_any_evidence_json() -> None:
    system = [
        sev("USA", "RUS", "11", evidence=["a", 1]),
        sev("USA", "CHN", "11", evidence="plain sentence"),
        sev("USA", "GBR", "11"),
    ]
    report = run([], system)
    sentences = [m.sentence for m in report.false_alarms]
    assert sentences == ['["a", 1]', "plain sentence", "(no evidence given)"]
    assert LAST_LINE.match(report.render(explain=True)[-1])


def test_as_dict_is_json_ready() -> None:
    report = run([gev("USA", "IRN", "11")], [sev("USA", "IRN", "11")])
    data = json.loads(json.dumps(report.as_dict()))
    assert data["f1"] == 1.0
    assert data["per_root"]["11"]["tp_gold"] == 1


# --------------------------------------------------------------------------------------------
# gold loading
# --------------------------------------------------------------------------------------------

GOOD_UNIT = {
    "id": "t-1",
    "text": "Iran's foreign minister met his Iraqi counterpart in Baghdad on Sunday.",
    "date": "2014-09-25",
    "ref": "corpora/x.csv#line=3",
    "events": [
        {
            "source": "IRN",
            "target": "IRQ",
            "cameo": "04",
            "symmetric": True,
            "negated": False,
            "hypothetical": False,
            "trigger": "met",
            "also": ["05"],
            "when": "2014-09",
            "covert": False,
            "optional": False,
        }
    ],
}


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold_reads_units_and_skips_blank_lines(tmp_path: Path) -> None:
    other = {"id": "t-2", "text": "Nothing happened.", "events": []}
    path = write_lines(tmp_path, json.dumps(GOOD_UNIT), "", "   ", json.dumps(other))
    units = load_gold(path)
    assert [u.id for u in units] == ["t-1", "t-2"]
    first = units[0]
    assert (first.date, first.ref) == ("2014-09-25", "corpora/x.csv#line=3")
    event = first.events[0]
    assert (event.source, event.target, event.root, event.symmetric) == ("IRN", "IRQ", "04", True)
    assert event.also == ("05",)
    assert event.when == "2014-09"
    assert event.trigger == "met"
    assert units[1].events == ()
    assert units[1].date is None and units[1].ref is None


def bad_event(**changes: Any) -> str:
    event = dict(GOOD_UNIT["events"][0])
    for name, value in changes.items():
        if value is ...:
            event.pop(name)
        else:
            event[name] = value
    return json.dumps({**GOOD_UNIT, "events": [event]})


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "t-1", "text": "x", "events": [}', "invalid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"text": "x", "events": []}', "id"),
        ('{"id": "t-1", "events": []}', "text"),
        ('{"id": "t-1", "text": "x"}', "events"),
        ('{"id": "t-1", "text": "x", "events": {}}', "events"),
        ('{"id": 7, "text": "x", "events": []}', "id"),
        ('{"id": "t-1", "text": "x", "date": 2014, "events": []}', "date"),
        ('{"id": "t-1", "text": "x", "events": ["IRN"]}', "event 0"),
        (bad_event(cameo=...), "cameo"),
        (bad_event(source=...), "source"),
        (bad_event(negated=...), "negated"),
        (bad_event(target=""), "target"),
        (bad_event(cameo="4"), "cameo"),
        (bad_event(cameo="21"), "01..20"),
        (bad_event(cameo=4), "cameo"),
        (bad_event(hypothetical="no"), "hypothetical"),
        (bad_event(optional=1), "optional"),
        (bad_event(also="05"), "also"),
        (bad_event(also=["5x"]), "also"),
    ],
)
def test_load_gold_errors_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_lines(tmp_path, json.dumps({"id": "ok", "text": "x", "events": []}), "", line)
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    error = info.value
    assert isinstance(error, ValueError)
    assert error.line == 3
    assert error.path == str(path)
    assert str(error).startswith(f"{path}:3: ")
    assert message in str(error)


def test_load_gold_rejects_duplicate_ids(tmp_path: Path) -> None:
    path = write_lines(tmp_path, json.dumps(GOOD_UNIT), json.dumps(GOOD_UNIT))
    with pytest.raises(GoldFormatError, match=r":2: duplicate unit id 't-1' \(first on line 1\)"):
        load_gold(path)


def test_trigger_optional_and_covert_default(tmp_path: Path) -> None:
    path = write_lines(tmp_path, bad_event(trigger=..., covert=..., optional=..., also=...))
    event = load_gold(path)[0].events[0]
    assert (event.trigger, event.covert, event.optional, event.also) == ("", False, False, ())


# --------------------------------------------------------------------------------------------
# the shared gold files scored against themselves
# --------------------------------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize("name", ["dev.jsonl", "seed.jsonl"])
def test_shared_gold_scores_perfectly_against_itself(name: str) -> None:
    path = SHARED / "gold" / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    units = load_gold(path)
    assert units
    predictions = gold_as_predictions(units)
    assert all(isinstance(p["cameo"], str) for events in predictions.values() for p in events)
    report = score(units, predictions)
    assert report.tp > 0
    assert (report.fp, report.fn) == (0, 0)
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.root_accuracy == 1.0
    assert (report.dyad_precision, report.dyad_recall, report.dyad_f1) == (1.0, 1.0, 1.0)
    assert report.modality_accuracy == 1.0
    assert report.render(explain=True)[-1] == (
        f"factual events: precision=1.000 recall=1.000 f1=1.000 (tp={report.tp} fp=0 fn=0)"
    )
    # and nothing predicted: every required event is a miss, with a sentence to show
    empty = score(units, {})
    assert (empty.tp, empty.fp, empty.fn) == (0, 0, report.tp)
    assert all(m.sentence for m in empty.misses)
