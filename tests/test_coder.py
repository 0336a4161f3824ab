"""The event coder on hand-built parses (no model is loaded)."""

from __future__ import annotations

from detente.actors.resolver import DocActors
from detente.events.coder import Coder
from detente.models import Event

from .conftest import make_doc

P = "PROPN"


def code(rows: list[tuple], date: str | None = "2014-09-25", ents: list[str] | None = None) -> list[Event]:
    doc = make_doc(rows, ents)
    return Coder().code(doc, DocActors(doc, date), date)


def keys(events: list[Event]) -> set[tuple[str, str, str, bool, bool]]:
    return {(e.source, e.target, e.root, e.negated, e.hypothetical) for e in events}


def test_simple_attack_with_evidence() -> None:
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
            ("Iraq", "Iraq", P, "NNP", "dobj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "19", False, False)}
    ev = events[0]
    assert ev.evidence.trigger == "attacked"
    assert (ev.evidence.trigger_start, ev.evidence.trigger_end) == (5, 13)
    assert ev.evidence.sentence == "Iran attacked Iraq."
    assert ev.evidence.pattern.startswith("verbs.tsv:")
    assert ev.quad_class == 4 and ev.goldstein == -10.0 and ev.plover == "ASSAULT"


def test_negation_and_modal() -> None:
    neg = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 3),
            ("did", "do", "AUX", "VBD", "aux", 3),
            ("not", "not", "PART", "RB", "neg", 3),
            ("attack", "attack", "VERB", "VB", "ROOT", 3),
            ("Iraq", "Iraq", P, "NNP", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert keys(neg) == {("IRN", "IRQ", "19", True, False)}
    hyp = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 2),
            ("would", "would", "AUX", "MD", "aux", 2),
            ("attack", "attack", "VERB", "VB", "ROOT", 2),
            ("Iraq", "Iraq", P, "NNP", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(hyp) == {("IRN", "IRQ", "19", False, True)}


def test_question_is_hypothetical() -> None:
    events = code(
        [
            ("Did", "do", "AUX", "VBD", "aux", 2),
            ("Iran", "Iran", P, "NNP", "nsubj", 2),
            ("attack", "attack", "VERB", "VB", "ROOT", 2),
            ("Iraq", "Iraq", P, "NNP", "dobj", 2),
            ("?", "?", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "19", False, True)}


def test_refusal_is_reject_not_negated_meeting() -> None:
    events = code(
        [
            ("Kerry", "Kerry", P, "NNP", "nsubj", 1),
            ("refused", "refuse", "VERB", "VBD", "ROOT", 1),
            ("to", "to", "PART", "TO", "aux", 3),
            ("invite", "invite", "VERB", "VB", "xcomp", 1),
            ("Iran", "Iran", P, "NNP", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("USA", "IRN", "12", False, False)}
    assert events[0].source_name == "John Kerry"


def test_passive_voice() -> None:
    events = code(
        [
            ("Iraq", "Iraq", P, "NNP", "nsubjpass", 2),
            ("was", "be", "AUX", "VBD", "auxpass", 2),
            ("attacked", "attack", "VERB", "VBN", "ROOT", 2),
            ("by", "by", "ADP", "IN", "agent", 2),
            ("Iran", "Iran", P, "NNP", "pobj", 3),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "19", False, False)}


def test_control_verb_and_pronoun_coreference() -> None:
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("assisted", "assist", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 4),
            ("United", "United", P, "NNP", "compound", 4),
            ("States", "States", P, "NNP", "dobj", 1),
            ("in", "in", "ADP", "IN", "prep", 1),
            ("2001", "2001", "NUM", "CD", "pobj", 5),
            (".", ".", "PUNCT", ".", "punct", 1),
            ("They", "they", "PRON", "PRP", "nsubj", 9, True),
            ("helped", "help", "VERB", "VBD", "ROOT", 9),
            ("defeat", "defeat", "VERB", "VB", "xcomp", 9),
            ("the", "the", "DET", "DT", "det", 12),
            ("Taliban", "Taliban", P, "NNP", "dobj", 10),
            (".", ".", "PUNCT", ".", "punct", 9),
        ],
        ents=["O", "O", "O", "O", "O", "O", "B-DATE", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert keys(events) == {("IRN", "USA", "07", False, False), ("IRN", "AFG", "19", False, False)}
    aid = next(e for e in events if e.root == "07")
    assert (aid.when, aid.when_precision) == ("2001", "year")


def test_institutions_take_their_state() -> None:
    events = code(
        [
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 1),
            ("troops", "troop", "NOUN", "NNS", "nsubj", 2),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 2),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 4),
            ("police", "police", "NOUN", "NN", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "19", False, False)}
    assert events[0].source_sector == "MIL"


def test_covert_adverb() -> None:
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 2),
            ("secretly", "secretly", "ADV", "RB", "advmod", 2),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 2),
            ("Iraq", "Iraq", P, "NNP", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert [e.covert for e in events] == [True]


def test_light_verb_sanctions() -> None:
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 2),
            ("European", "European", P, "NNP", "compound", 2),
            ("Union", "Union", P, "NNP", "nsubj", 3),
            ("imposed", "impose", "VERB", "VBD", "ROOT", 3),
            ("sanctions", "sanction", "NOUN", "NNS", "dobj", 3),
            ("on", "on", "ADP", "IN", "prep", 3),
            ("Belarus", "Belarus", P, "NNP", "pobj", 5),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert keys(events) == {("EU", "BLR", "16", False, False)}
    assert events[0].evidence.trigger == "imposed sanctions"


def test_coordinated_subjects_of_a_symmetric_verb() -> None:
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 3),
            ("and", "and", "CCONJ", "CC", "cc", 0),
            ("Iraq", "Iraq", P, "NNP", "conj", 0),
            ("met", "meet", "VERB", "VBD", "ROOT", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert len(events) == 1 and events[0].root == "04" and events[0].symmetric
    assert {events[0].source, events[0].target} == {"IRN", "IRQ"}


def test_no_actor_no_event() -> None:
    events = code(
        [
            ("Gunmen", "gunman", "NOUN", "NNS", "nsubj", 1),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
            ("a", "a", "DET", "DT", "det", 3),
            ("convoy", "convoy", "NOUN", "NN", "dobj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert events == []


def _code_in(rows: list[tuple], places: list[str]) -> list[Event]:
    doc = make_doc(rows)
    return Coder().code(doc, DocActors(doc, "2004-09-01", places=places), "2004-09-01")


def test_agentless_passive_is_by_the_authorities_of_the_place() -> None:
    events = _code_in(
        [
            ("Four", "four", "NUM", "CD", "nummod", 1),
            ("protesters", "protester", "NOUN", "NNS", "nsubjpass", 3),
            ("were", "be", "AUX", "VBD", "auxpass", 3),
            ("arrested", "arrest", "VERB", "VBN", "ROOT", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ],
        places=["Nairobi"],
    )
    assert keys(events) == {("KEN", "KEN", "17", False, False)}
    assert events[0].evidence.pattern.startswith("verbs.tsv:")


def test_material_act_without_target_takes_its_place() -> None:
    events = _code_in(
        [
            ("Rebels", "rebel", "NOUN", "NNS", "nsubj", 1),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
            ("a", "a", "DET", "DT", "det", 3),
            ("convoy", "convoy", "NOUN", "NN", "dobj", 1),
            ("in", "in", "ADP", "IN", "prep", 1),
            ("Iraq", "Iraq", P, "NNP", "pobj", 4),
            (".", ".", "PUNCT", ".", "punct", 1),
        ],
        places=[],
    )
    assert keys(events) == {("IRQ", "IRQ", "19", False, False)}


def test_phrasal_verb_is_not_its_plain_verb() -> None:
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("shot", "shoot", "VERB", "VBD", "ROOT", 1),
            ("Iraq", "Iraq", P, "NNP", "dobj", 1),
            ("down", "down", "ADP", "RP", "prt", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert all(e.evidence.trigger != "shot" or "down" in e.evidence.pattern for e in events)


def test_statement_to_own_side_is_no_event() -> None:
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("told", "tell", "VERB", "VBD", "ROOT", 1),
            ("Iranians", "Iranians", P, "NNPS", "dobj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert events == []


def test_reported_event_keeps_who_claimed_it() -> None:
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("said", "say", "VERB", "VBD", "ROOT", 1),
            ("Iraq", "Iraq", P, "NNP", "nsubj", 3),
            ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
            ("Syria", "Syria", P, "NNP", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("IRQ", "SYR", "19", False, False)}
    assert (events[0].evidence.reported_by, events[0].evidence.reported_by_text) == ("IRN", "Iran")


def test_sports_results_are_not_fights() -> None:
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
            ("Iraq", "Iraq", P, "NNP", "dobj", 1),
            ("in", "in", "ADP", "IN", "prep", 1),
            ("the", "the", "DET", "DT", "det", 6),
            ("cup", "cup", "NOUN", "NN", "compound", 6),
            ("final", "final", "NOUN", "NN", "pobj", 3),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert events == []


def test_announced_own_future_action_is_intent() -> None:
    events = code(
        [
            ("Russia", "Russia", P, "NNP", "nsubj", 2),
            ("will", "will", "AUX", "MD", "aux", 2),
            ("attack", "attack", "VERB", "VB", "ROOT", 2),
            ("Ukraine", "Ukraine", P, "NNP", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("RUS", "UKR", "13", False, False)}
    reported = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("said", "say", "VERB", "VBD", "ROOT", 1),
            ("Russia", "Russia", P, "NNP", "nsubj", 4),
            ("will", "will", "AUX", "MD", "aux", 4),
            ("attack", "attack", "VERB", "VB", "ccomp", 1),
            ("Ukraine", "Ukraine", P, "NNP", "dobj", 4),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(reported) == {("RUS", "UKR", "19", False, True)}  # a plan reported by others


def test_plural_pronoun_refers_to_a_group_subject() -> None:
    events = code(
        [
            ("Syrian", "syrian", "ADJ", "JJ", "amod", 1),
            ("troops", "troop", "NOUN", "NNS", "nsubj", 2),
            ("entered", "enter", "VERB", "VBD", "ROOT", 2),
            ("Iraq", "Iraq", P, "NNP", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
            ("They", "they", "PRON", "PRP", "nsubj", 6, True),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 6),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 8),
            ("police", "police", "NOUN", "NN", "dobj", 6),
            (".", ".", "PUNCT", ".", "punct", 6),
        ]
    )
    assert ("SYR", "IRQ", "19", False, False) in keys(events)


def test_pronoun_continues_the_previous_event_noun() -> None:
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 1),
            ("talks", "talk", "NOUN", "NNS", "nsubj", 2),
            ("were", "be", "AUX", "VBD", "ROOT", 2),
            ("difficult", "difficult", "ADJ", "JJ", "acomp", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
            ("They", "they", "PRON", "PRP", "nsubj", 6, True),
            ("were", "be", "AUX", "VBD", "ROOT", 6),
            ("between", "between", "ADP", "IN", "prep", 6),
            ("Japan", "Japan", P, "NNP", "pobj", 7),
            ("and", "and", "CCONJ", "CC", "cc", 8),
            ("China", "China", P, "NNP", "conj", 8),
            (".", ".", "PUNCT", ".", "punct", 6),
        ]
    )
    assert {(e.source, e.target, e.root) for e in events} == {("JPN", "CHN", "04")}
    assert events[0].symmetric
