"""Tests of the external gold-set converters and the record-level root accuracy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import DetenteError, InputError
from detente.evaluate import GoldEvent, GoldUnit, load_gold
from detente.gold_convert import actor_code, convert_petr2, convert_plover, write_units
from detente.gold_sources import PLOVER_ROOTS, parse_petr2
from detente.record_accuracy import record_root_accuracy

# --------------------------------------------------------------------------------------------
# actor codes
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("USA", "", "USA"),
        ("USAGOV", "", "USA"),
        ("PSEREBHMSGOV", "", "PSE"),
        ("SOMUAF", "", "SOM"),
        ("JAP", "", "JPN"),
        ("ITL", "Italy", "ITA"),
        ("VTN", "", "VNM"),
        ("XKX", "", "XKX"),
        ("IGOEUREEC", "", "EU"),
        ("IGOUNO", "", "UN"),
        ("IGOUNOMIL", "", "UN"),
        ("IGOCOPITP", "", "INTERPOL"),
        ("IMGMUSISI", "", "IS"),
        ("IGO", "U.N. Security Council", "UN"),
        ("IGO", "UN peacekeepers", "UN"),
        ("IGO", "U.N. war crimes court", "UN"),
        ("IGO", "European Community", "EU"),
        ("IGO", "Arab League Secretary General", "ARL"),
        ("IGO", "NATO peacekeeping troops", "NATO"),
        ("IGO", "Amnesty International", "NGO"),
        ("IGO", "International Atomic Energy Agency", "IAEA"),
        ("IMG", "Osama bin Laden's al-Qaeda", "AQ"),
        ("NGO", "human rights group", "NGO"),
        ("---REB", "", None),
        ("---", "", None),
        ("IGO", "regional peacekeeping force", None),
        ("IGOXYZ", "", None),
        ("ISM", "Muslim hackers", None),
        ("QQQ", "", None),
        ("", "", None),
    ],
)
def test_actor_code(code: str, text: str, expected: str | None) -> None:
    assert actor_code(code, text) == expected


# --------------------------------------------------------------------------------------------
# PETR2
# --------------------------------------------------------------------------------------------

PETR2_SAMPLE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
#  a comment that mentions <EventCoding...> records
<Sentences>
<Sentence category="T" date="20150609" id="MEET" evaluate="true"/>
<EventCoding eventcode="040" sourcecode="USAGOV" targetcode="RUS" />
<EventCoding eventcode="042" sourcecode="RUS" targetcode="USA" />
<Text>
Obama met Putin
in Moscow &amp; talked.
</Text>
<Parse>
1	Obama	Obama	PROPN	NNP	_	2	nsubj	_	_
</Parse>
</Sentence>

<Sentence category="T" date="20150609" id="MIX" evaluate="true">
<EventCoding eventcode="190" sourcecode="ISR" targetcode="PSEGZA" />
<EventCoding eventcode="112" sourcecode="---REB" targetcode="ISR" />
<EventCoding eventcode="045" sourcecode="NOR" targetcode="LKA" />
<EventCoding eventcode="193" sourcecode="SYRREB" targetcode="PHL" />
<Text>Israel shelled Gaza.</Text>
</Sentence>

<Sentence category="T" date="121108" id="NONE" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>

<Sentence category="T" date="20150609" id="UNPLACED" evaluate="true"/>
<EventCoding eventcode="013" sourcecode="---GOV" targetcode="CHN" />
<Text>The government thanked China.</Text>
</Sentence>

<Sentence category="T" date="20150609" id="OFF" evaluate="false"/>
<EventCoding eventcode="040" sourcecode="USA" targetcode="RUS" />
<Text>Not to be evaluated.</Text>
</Sentence>

<Sentence category="T" date="19991231" id="EMPTY" evaluate="true"/>
<EventCoding eventcode="057" sourcecode="UKR" targetcode="IGOEUREEC" />
<Text>
</Text>
<Parse>
1	Ukraine	Ukraine	PROPN	NNP	_	2	nsubj	_	_
2	signed	sign	VERB	VBD	_	0	root	_	_
3	with	with	ADP	IN	_	5	case	_	_
4	the	the	DET	DT	_	5	det	_	_
5	EU	EU	PROPN	NNP	_	2	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>

<Sentence category="T" date="20150609" id="MEET" evaluate="true"/>
<Text>A second record with the same id.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture
def petr2_file(tmp_path: Path) -> Path:
    path = tmp_path / "petr2.xml"
    path.write_text(PETR2_SAMPLE, encoding="utf-8")
    return path


def _by_id(units: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {unit["id"]: unit for unit in units}


def test_parse_petr2_reads_malformed_records(petr2_file: Path) -> None:
    records = parse_petr2(petr2_file)
    assert [r.id for r in records] == ["MEET", "MIX", "NONE", "UNPLACED", "OFF", "EMPTY", "MEET"]
    assert records[0].text == "Obama met Putin in Moscow & talked."
    assert records[2].no_events and not records[2].codings
    assert records[4].evaluate is False
    assert records[5].text == "" and records[5].parse_text == "Ukraine signed with the EU."


def test_convert_petr2(petr2_file: Path) -> None:
    conv = convert_petr2(petr2_file)
    units = _by_id(conv.units)
    assert list(units) == ["MEET", "MIX", "NONE", "EMPTY", "MEET#2"]
    # one symmetric consult for both directions and codes (FORMAT.md rule 1)
    meet = units["MEET"]
    assert meet["date"] == "2015-06-09"
    assert meet["events"] == [
        {
            "source": "USA",
            "target": "RUS",
            "cameo": "040",
            "symmetric": True,
            "negated": False,
            "hypothetical": False,
        }
    ]
    mix = {(e["source"], e["target"], e["cameo"]): e["symmetric"] for e in units["MIX"]["events"]}
    assert mix == {("ISR", "PSE", "190"): False, ("NOR", "LKA", "045"): False, ("SYR", "PHL", "193"): True}
    assert units["NONE"]["events"] == [] and "date" not in units["NONE"]
    assert units["EMPTY"]["text"] == "Ukraine signed with the EU."
    assert units["EMPTY"]["events"][0]["target"] == "EU" and units["EMPTY"]["events"][0]["symmetric"]
    skipped = {s.path.rsplit("#", 1)[1]: s.reason for s in conv.skips}
    assert set(skipped) == {"UNPLACED", "OFF"}
    reasons = " | ".join(f"{n.reason} {n.detail}" for n in conv.notes)
    assert "---REB" in reasons and "rebuilt from the parse" in reasons and "duplicate id" in reasons
    assert "'121108' is not YYYYMMDD" in reasons


def test_petr2_output_is_valid_gold(petr2_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    write_units(convert_petr2(petr2_file).units, out)
    units = load_gold(out)
    assert len(units) == 5 and all(unit.ref for unit in units)


def test_petr2_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation></Validation>", encoding="utf-8")
    with pytest.raises(InputError):
        convert_petr2(bad)
    with pytest.raises(DetenteError):
        convert_petr2(tmp_path / "missing.xml")


# --------------------------------------------------------------------------------------------
# PLOVER
# --------------------------------------------------------------------------------------------


def _rec(rid: str, event: str, text: str, source: Any, target: Any = None, **kw: Any) -> dict[str, Any]:
    rec = {"id": rid, "date": "2000-01-01", "event": event, "eventText": "trig", "text": text}
    if source is not None:
        rec["source"] = source
    if target is not None:
        rec["target"] = target
    rec.update(kw)
    return rec


def _actor(code: str, text: str = "x") -> dict[str, str]:
    return {"actorText": text, "code": code}


PLOVER_SAMPLE = [
    {"id": "P-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation"},
    _rec("P-AGREE-1", "AGREE", "A and B agreed.", [_actor("HUN"), _actor("ROU")], ""),
    _rec(
        "P-DEMAND-1",
        "DEMAND",
        "{Japan demanded things from the UN.}",
        [_actor("JAP")],
        [_actor("IGO", "U.N.")],
    ),
    _rec(
        "P-COERCE-1",
        "COERCE",
        "Rebels kidnapped advisers.",
        [_actor("AFG")],
        [_actor("RUS"), _actor("ISM", "Muslim hackers")],
        mode="detain",
    ),
    _rec("P-CONSULT-1", "CONSULT", "Iraq visited Jordan.", [_actor("IRQ")], [_actor("JOR")], mode="visit"),
    _rec("P-RETREAT-1", "RETREAT", "He resigned.", [_actor("GEO")]),
    _rec("P-AGREE-2", "AGREE", "Odd target.", [_actor("TUR")], "diplomatic"),
    _rec("P-CONSULT-1", "CONSULT", "Same id again.", [_actor("USA")], [_actor("RUS")]),
    _rec("P-NEW-1", "REQUEST", "An event of a later PLOVER version.", [_actor("USA")], [_actor("RUS")]),
    _rec("P-SANCTION-9", "FIGHT", "Russia closed its borders with Iran.", [_actor("RUS")], [_actor("IRN")]),
]


@pytest.fixture
def plover_file(tmp_path: Path) -> Path:
    path = tmp_path / "plover.txt"
    path.write_text(json.dumps(PLOVER_SAMPLE), encoding="utf-8")
    return path


def test_convert_plover(plover_file: Path) -> None:
    conv = convert_plover(plover_file)
    units = _by_id(conv.units)
    assert list(units) == [
        "P-AGREE-1",
        "P-DEMAND-1",
        "P-COERCE-1",
        "P-CONSULT-1",
        "P-CONSULT-1#2",
        "P-SANCTION-9",
    ]
    assert units["P-SANCTION-9"]["events"][0]["cameo"] == "19"  # the event field, not the id, is the coding
    assert all("date" not in unit for unit in conv.units)  # 2000-01-01 is a placeholder
    (agree,) = units["P-AGREE-1"]["events"]
    assert (agree["source"], agree["target"], agree["cameo"], agree["symmetric"]) == (
        "HUN",
        "ROU",
        "03",
        True,
    )
    demand = units["P-DEMAND-1"]
    assert demand["text"] == "Japan demanded things from the UN."
    assert demand["events"][0]["source"] == "JPN" and demand["events"][0]["target"] == "UN"
    assert demand["events"][0]["cameo"] == "10" and demand["events"][0]["also"] == ["02"]
    (coerce,) = units["P-COERCE-1"]["events"]
    assert coerce["target"] == "RUS" and set(coerce["also"]) == {"18", "19"}
    assert units["P-CONSULT-1"]["events"][0]["symmetric"] is True
    assert all(not e["negated"] and not e["hypothetical"] for u in conv.units for e in u["events"])
    skipped = {s.path.rsplit("#", 1)[1]: s.reason for s in conv.skips}
    assert skipped == {
        "P-DOCUMENT-0001": "documentation record",
        "P-RETREAT-1": "no source and target pair",
        "P-AGREE-2": "no source and target pair",
        "P-NEW-1": "unknown PLOVER event",
    }
    assert any("ISM" in note.detail for note in conv.notes)
    assert any(note.detail == "coded as FIGHT, not SANCTION" for note in conv.notes)


def test_plover_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError):
        convert_plover(bad)
    bad.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(InputError):
        convert_plover(bad)


def test_plover_table_covers_cameo_roots() -> None:
    roots = {root for root, _ in PLOVER_ROOTS.values()}
    assert roots == {f"{n:02d}" for n in range(3, 20)}


# --------------------------------------------------------------------------------------------
# record-level root accuracy
# --------------------------------------------------------------------------------------------


def _unit(uid: str, *events: GoldEvent) -> GoldUnit:
    return GoldUnit(id=uid, text=f"text of {uid}", events=events)


def _sys(source: str, target: str, cameo: str, **kw: Any) -> dict[str, Any]:
    return {"source": source, "target": target, "cameo": cameo, "negated": False, "hypothetical": False, **kw}


def test_record_root_accuracy() -> None:
    units = [
        _unit("right", GoldEvent("USA", "IRN", "13")),
        _unit("also", GoldEvent("USA", "IRN", "10", also=("02",))),
        _unit("wrong", GoldEvent("USA", "IRN", "03", trigger="will support")),
        _unit("sym", GoldEvent("ISR", "LBN", "04", symmetric=True)),
        _unit("missed", GoldEvent("FRA", "DEU", "05")),
        _unit("hypo", GoldEvent("GBR", "IRQ", "15")),
        _unit("no-event"),
    ]
    predictions = {
        "right": [_sys("USA", "IRN", "138"), _sys("USA", "IRN", "11")],
        "also": [_sys("USA", "IRN", "023")],
        "wrong": [_sys("USA", "IRN", "050", hypothetical=True)],
        "sym": [_sys("LBN", "ISR", "040")],
        "missed": [_sys("DEU", "FRA", "05")],
        "hypo": [_sys("GBR", "IRQ", "154", hypothetical=True)],
        "no-event": [_sys("USA", "RUS", "19")],
    }
    result = record_root_accuracy(units, predictions)
    assert (result.records, result.found, result.correct) == (6, 5, 4)
    assert result.accuracy == pytest.approx(0.8)
    assert [w.unit_id for w in result.wrong] == ["wrong"]
    assert result.wrong[0].system == ("USA->IRN 050",)
    assert result.per_root["13"].correct == 1 and result.per_root["05"].found == 0
    factual = record_root_accuracy(units, predictions, factual_only=True)
    assert (factual.records, factual.found, factual.correct) == (6, 3, 3)
    lines = result.render(explain=True)
    assert lines[-1].startswith("root-code accuracy per record") and "4/5" in lines[-1]
    assert any("wrong: gold USA->IRN 03" in line for line in lines)


# --------------------------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------------------------


def test_cli_convert_gold(petr2_file: Path, plover_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "p.jsonl"
    result = runner.invoke(main, ["convert-gold", "--from", "petr2", str(petr2_file), str(out)])
    assert result.exit_code == 0, result.output
    assert "5 units" in result.output and len(load_gold(out)) == 5
    result = runner.invoke(main, ["convert-gold", "--from", "plover", "-v", str(plover_file), str(out)])
    assert result.exit_code == 0, result.output
    assert len(load_gold(out)) == 6
    result = runner.invoke(main, ["convert-gold", "--from", "plover", str(petr2_file), str(out)])
    assert result.exit_code == 2 and "not a PLOVER GSR JSON file" in result.output


def test_cli_evaluate_records(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import detente.record_accuracy as ra

    gold = tmp_path / "g.jsonl"
    write_units(
        [
            {"id": "a", "text": "t", "events": [_sys("USA", "IRN", "13", symmetric=False)]},
            {"id": "b", "text": "t", "events": [_sys("USA", "IRN", "04", symmetric=True)]},
        ],
        gold,
    )
    monkeypatch.setattr(
        ra, "code_units", lambda units, model=None, label="": {"a": [_sys("USA", "IRN", "13")], "b": []}
    )
    result = CliRunner().invoke(main, ["evaluate-records", str(gold), "--explain"])
    assert result.exit_code == 0, result.output
    assert (
        result.output.strip()
        .splitlines()[-1]
        .startswith("root-code accuracy per record (system events of any modality): 1.000 (1/1 records")
    )
    assert "dyad found for 1/2 records" in result.output


# --------------------------------------------------------------------------------------------
# the real files (skipped without ../shared)
# --------------------------------------------------------------------------------------------


def test_real_petr2(shared: Path, tmp_path: Path) -> None:
    path = shared / "gold/external/PETR2_GSR_validation.xml"
    conv = convert_petr2(path)
    assert len(conv.units) + len(conv.skips) == len(parse_petr2(path)) == 78
    assert sum(1 for u in conv.units if not u["events"]) >= 12  # the noevents sentences
    assert all(s.reason == "every event has an actor that cannot be placed" for s in conv.skips)
    out = tmp_path / "petr2.jsonl"
    write_units(conv.units, out)
    units = load_gold(out)
    codes = {c for u in units for e in u.events for c in (e.source, e.target)}
    assert {"USA", "EU", "UN", "IS", "PSE"} <= codes
    assert all(len(c) == 3 or c in {"EU", "UN", "IS"} for c in codes)


def test_real_plover(shared: Path, tmp_path: Path) -> None:
    path = shared / "gold/external/PLOVER_GSR_CAMEO.txt"
    conv = convert_plover(path)
    assert len(conv.units) + len(conv.skips) == 323
    assert len(conv.units) >= 295
    out = tmp_path / "plover.jsonl"
    write_units(conv.units, out)
    units = load_gold(out)
    assert all(u.events for u in units)
    codes = {c for u in units for e in u.events for c in (e.source, e.target)}
    assert "JPN" in codes and "JAP" not in codes and "IGO" not in codes
