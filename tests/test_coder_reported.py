"""Orders, announced refusals in reported speech, relative "who" and people "at" an organisation."""

from __future__ import annotations

from detente.actors.resolver import DocActors
from detente.events.coder import Coder
from detente.models import Event

from .conftest import make_doc

P = "PROPN"


def code(rows: list[tuple], date: str | None = "2004-11-03") -> list[Event]:
    doc = make_doc(rows)
    return Coder().code(doc, DocActors(doc, date), date)


def keys(events: list[Event]) -> set[tuple[str, str, str, bool, bool]]:
    return {(e.source, e.target, e.root, e.negated, e.hypothetical) for e in events}


def test_an_order_to_act_is_a_demand_on_the_one_ordered() -> None:
    # "Iran ordered Iraqi militias to withdraw." (FORMAT.md rule 2: like "urged X to" is 02)
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("ordered", "order", "VERB", "VBD", "ROOT", 1),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 3),
            ("militias", "militia", "NOUN", "NNS", "dobj", 1),
            ("to", "to", "PART", "TO", "aux", 5),
            ("withdraw", "withdraw", "VERB", "VB", "xcomp", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "10", False, False)}
    assert events[0].evidence.pattern.startswith("verbs.tsv")


def _said_it(will: str, said: str = "said", tag: str = "VBD", lemma: str = "form") -> list[tuple]:
    # "Lebanon said it would not form a government."
    return [
        ("Lebanon", "Lebanon", P, "NNP", "nsubj", 1),
        (said, "say", "VERB", tag, "ROOT", 1),
        ("it", "it", "PRON", "PRP", "nsubj", 5),
        (will, will.lower(), "AUX", "MD", "aux", 5),
        ("not", "not", "PART", "RB", "neg", 5),
        (lemma, lemma, "VERB", "VB", "ccomp", 1),
        ("a", "a", "DET", "DT", "det", 7),
        ("government", "government", "NOUN", "NN", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


def test_announcing_it_will_not_act_is_a_refusal_even_without_a_pattern() -> None:
    events = code(_said_it("would"))
    assert keys(events) == {("LBN", "LBN", "12", False, False)}
    assert events[0].evidence.pattern.startswith("announced refusal")
    assert keys(code(_said_it("will", "says", "VBZ"))) == {("LBN", "LBN", "12", False, False)}


def test_would_after_a_present_reporting_verb_is_conditional_not_a_refusal() -> None:
    # "Lebanon says it would not form a government (if ...)": no announced future
    assert keys(code(_said_it("would", "says", "VBZ"))) == set()


def test_an_affirmative_future_without_a_pattern_is_no_event() -> None:
    rows = _said_it("would")
    rows[4] = ("just", "just", "ADV", "RB", "advmod", 5)
    assert keys(code(rows)) == set()


def test_relative_who_takes_its_head_as_subject() -> None:
    # "Iraqi officials who met Iranian envoys ..."
    events = code(
        [
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
            ("officials", "official", "NOUN", "NNS", "nsubj", 6),
            ("who", "who", "PRON", "WP", "nsubj", 3),
            ("met", "meet", "VERB", "VBD", "relcl", 1),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 5),
            ("envoys", "envoy", "NOUN", "NNS", "dobj", 3),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 6),
            (".", ".", "PUNCT", ".", "punct", 6),
        ]
    )
    assert {(e.source, e.target, e.root) for e in events} in (
        {("IRQ", "IRN", "04")},
        {("IRN", "IRQ", "04")},
    )


def test_people_at_an_organisation_take_its_actor() -> None:
    # "Executives at the Iraqi bank handed over their passports to police."
    doc = make_doc(
        [
            ("Executives", "executive", "NOUN", "NNS", "nsubj", 5),
            ("at", "at", "ADP", "IN", "prep", 0),
            ("the", "the", "DET", "DT", "det", 4),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 4),
            ("bank", "bank", "NOUN", "NN", "pobj", 1),
            ("handed", "hand", "VERB", "VBD", "ROOT", 5),
        ]
    )
    found = DocActors(doc, "2004-11-03").resolve(doc[0])
    assert [(m.entry.code, m.sector) for m in found] == [("IRQ", "BUS")]
