"""Coder frames of the night session of 2026-11-27: orders, announced refusals, ultimatums,
reported judgements, custody, receiving, relative clauses, places and regional modifiers (each on
a hand-built parse; see CHANGELOG)."""

from __future__ import annotations

from detente.actors.resolver import DocActors

from .conftest import make_doc
from .test_coder_frames import P, code, keys


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
    assert events[0].evidence.pattern.startswith("refusables.tsv")
    assert keys(code(_said_it("will", "says", "VBZ"))) == {("LBN", "LBN", "12", False, False)}


def test_would_after_a_present_reporting_verb_is_conditional_not_a_refusal() -> None:
    # "Lebanon says it would not form a government (if ...)": no announced future
    assert keys(code(_said_it("would", "says", "VBZ"))) == set()


def test_announced_non_acts_that_are_no_refusal_are_no_event() -> None:
    # "Lebanon said it would not oppose a government": not opposing consents (refusables.tsv)
    assert keys(code(_said_it("would", lemma="oppose"))) == set()


def test_a_conditional_announcement_is_no_refusal() -> None:
    # "Lebanon said it would not form a government if Syria stays."
    rows = _said_it("would")[:-1] + [
        ("if", "if", "SCONJ", "IN", "mark", 10),
        ("Syria", "Syria", P, "NNP", "nsubj", 10),
        ("stays", "stay", "VERB", "VBZ", "advcl", 5),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == set()


def test_an_order_without_an_addressee_told_to_act_is_no_demand() -> None:
    # "Iran ordered 30 planes." / "Iran ordered a report."
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 1),
        ("ordered", "order", "VERB", "VBD", "ROOT", 1),
        ("30", "30", "NUM", "CD", "nummod", 3),
        ("planes", "plane", "NOUN", "NNS", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == set()


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


def test_challenging_an_arrest_is_aimed_at_the_authorities() -> None:
    # "The Iraqi cleric challenged his arrest."
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 2),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 2),
            ("cleric", "cleric", "NOUN", "NN", "nsubj", 3),
            ("challenged", "challenge", "VERB", "VBD", "ROOT", 3),
            ("his", "his", "PRON", "PRP$", "poss", 5),
            ("arrest", "arrest", "NOUN", "NN", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert ("IRQ", "IRQ", "11", False, False) in keys(events)


def test_dying_in_police_custody_was_being_held_by_the_police() -> None:
    # "An Iranian man died in Iraqi police custody."
    events = code(
        [
            ("An", "an", "DET", "DT", "det", 2),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 2),
            ("man", "man", "NOUN", "NN", "nsubj", 3),
            ("died", "die", "VERB", "VBD", "ROOT", 3),
            ("in", "in", "ADP", "IN", "prep", 3),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 7),
            ("police", "police", "NOUN", "NN", "compound", 7),
            ("custody", "custody", "NOUN", "NN", "pobj", 4),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert keys(events) == {("IRQ", "IRN", "17", False, False)}
    assert events[0].evidence.pattern.startswith("custody death")


def _abducted(adverb_before: bool) -> list[tuple]:
    # "Iranian gunmen abducted an Iraqi journalist apparently to pressure Baghdad."
    # or "Iranian gunmen apparently abducted an Iraqi journalist to pressure Baghdad."
    rows = [
        ("Iranian", "iranian", "ADJ", "JJ", "amod", 1),
        ("gunmen", "gunman", "NOUN", "NNS", "nsubj", 3),
        ("apparently", "apparently", "ADV", "RB", "advmod", 3),
        ("abducted", "abduct", "VERB", "VBD", "ROOT", 3),
        ("an", "an", "DET", "DT", "det", 6),
        ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 6),
        ("journalist", "journalist", "NOUN", "NN", "dobj", 3),
        ("to", "to", "PART", "TO", "aux", 8),
        ("pressure", "pressure", "VERB", "VB", "advcl", 3),
        ("Baghdad", "Baghdad", P, "NNP", "dobj", 8),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    if not adverb_before:  # move the adverb right before "to"
        rows = [rows[0], rows[1], *rows[3:7], rows[2], *rows[7:]]
        order = [0, 1, 3, 4, 5, 6, 2, 7, 8, 9, 10]  # old index at each new position
        new_of = {old: new for new, old in enumerate(order)}
        rows = [(t, lem, pos, tag, dep, new_of[h]) for t, lem, pos, tag, dep, h in rows]
    return rows


def test_doubt_about_the_purpose_leaves_the_act_factual() -> None:
    assert ("IRN", "IRQ", "18", False, False) in keys(code(_abducted(adverb_before=False)))
    assert ("IRN", "IRQ", "18", False, True) in keys(code(_abducted(adverb_before=True)))


def test_support_for_a_region_is_support_for_its_state() -> None:
    # "The UN backs autonomy for the Darfur region."
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 1),
            ("UN", "UN", P, "NNP", "nsubj", 2),
            ("backs", "back", "VERB", "VBZ", "ROOT", 2),
            ("autonomy", "autonomy", "NOUN", "NN", "dobj", 2),
            ("for", "for", "ADP", "IN", "prep", 3),
            ("the", "the", "DET", "DT", "det", 7),
            ("Darfur", "Darfur", P, "NNP", "compound", 7),
            ("region", "region", "NOUN", "NN", "pobj", 4),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("UN", "SDN", "05", False, False)}


def test_charges_against_a_person_with_no_agent_are_the_authorities() -> None:
    # "Iraqi prosecutors ... " is not needed: "Charges against Iraqi cleric Abu Ali were filed in Baghdad."
    doc_rows = [
        ("Charges", "charge", "NOUN", "NNS", "nsubjpass", 6),
        ("against", "against", "ADP", "IN", "prep", 0),
        ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 3),
        ("militants", "militant", "NOUN", "NNS", "pobj", 1),
        ("were", "be", "AUX", "VBD", "auxpass", 6),
        ("quietly", "quietly", "ADV", "RB", "advmod", 6),
        ("filed", "file", "VERB", "VBN", "ROOT", 6),
        (".", ".", "PUNCT", ".", "punct", 6),
    ]
    events = code(doc_rows)
    assert ("IRQ", "IRQ", "17", False, False) in keys(events)


def test_a_title_before_a_known_name_is_that_person() -> None:
    # "a spokesman for Foreign Minister Alexander Downer"
    doc = make_doc(
        [
            ("a", "a", "DET", "DT", "det", 1),
            ("spokesman", "spokesman", "NOUN", "NN", "ROOT", 1),
            ("for", "for", "ADP", "IN", "prep", 1),
            ("Foreign", "Foreign", P, "NNP", "compound", 4),
            ("Minister", "Minister", P, "NNP", "compound", 6),
            ("Alexander", "Alexander", P, "NNP", "compound", 6),
            ("Downer", "Downer", P, "NNP", "pobj", 2),
        ]
    )
    actors = DocActors(doc, "2004-11-03")
    assert [m.entry.code for m in actors.resolve(doc[4])] == ["AUS"]


def test_an_ultimatum_is_a_threat_and_a_demand() -> None:
    # "Iran threatened to attack unless Iraq withdraws." (FORMAT.md: two events)
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("threatened", "threaten", "VERB", "VBD", "ROOT", 1),
            ("to", "to", "PART", "TO", "aux", 3),
            ("attack", "attack", "VERB", "VB", "xcomp", 1),
            ("unless", "unless", "SCONJ", "IN", "mark", 6),
            ("Iraq", "Iraq", P, "NNP", "nsubj", 6),
            ("withdraws", "withdraw", "VERB", "VBZ", "advcl", 3),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert {("IRN", "IRQ", "13", False, False), ("IRN", "IRQ", "10", False, False)} <= keys(events)
    demand = next(e for e in events if e.root == "10")
    assert "ultimatum" in demand.evidence.pattern


def test_a_disciplinary_suspension_falls_on_the_actors_own_people() -> None:
    # "The Israeli army suspended a commander." (story placed in Gaza: the commander is still Israeli)
    rows = [
        ("The", "the", "DET", "DT", "det", 2),
        ("Israeli", "israeli", "ADJ", "JJ", "amod", 2),
        ("army", "army", "NOUN", "NN", "nsubj", 3),
        ("suspended", "suspend", "VERB", "VBD", "ROOT", 3),
        ("a", "a", "DET", "DT", "det", 5),
        ("commander", "commander", "NOUN", "NN", "dobj", 3),
        ("in", "in", "ADP", "IN", "prep", 3),
        ("Gaza", "Gaza", P, "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    assert keys(code(rows)) == {("ISR", "ISR", "17", False, False)}


def test_a_participle_after_a_clause_takes_that_clauses_subject() -> None:
    # "The vote was marred when Iraqi candidates withdrew, accusing the government."
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 1),
            ("vote", "vote", "NOUN", "NN", "nsubjpass", 3),
            ("was", "be", "AUX", "VBD", "auxpass", 3),
            ("marred", "mar", "VERB", "VBN", "ROOT", 3),
            ("when", "when", "SCONJ", "WRB", "advmod", 7),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 6),
            ("candidates", "candidate", "NOUN", "NNS", "nsubj", 7),
            ("withdrew", "withdraw", "VERB", "VBD", "advcl", 3),
            (",", ",", "PUNCT", ",", "punct", 3),
            ("accusing", "accuse", "VERB", "VBG", "advcl", 3),
            ("the", "the", "DET", "DT", "det", 12),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 12),
            ("government", "government", "NOUN", "NN", "dobj", 9),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert ("IRQ", "IRN", "11", False, False) in keys(events)


def test_a_relative_pronoun_object_is_the_noun_it_stands_for() -> None:
    # "Iraqi gunmen held a Turkish hostage, whom they threatened to behead."
    events = code(
        [
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
            ("gunmen", "gunman", "NOUN", "NNS", "nsubj", 2),
            ("held", "hold", "VERB", "VBD", "ROOT", 2),
            ("a", "a", "DET", "DT", "det", 5),
            ("Turkish", "turkish", "ADJ", "JJ", "amod", 5),
            ("hostage", "hostage", "NOUN", "NN", "dobj", 2),
            (",", ",", "PUNCT", ",", "punct", 5),
            ("whom", "whom", "PRON", "WP", "dobj", 11),
            ("they", "they", "PRON", "PRP", "nsubj", 9),
            ("threatened", "threaten", "VERB", "VBD", "relcl", 5),
            ("to", "to", "PART", "TO", "aux", 11),
            ("behead", "behead", "VERB", "VB", "xcomp", 9),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert ("IRQ", "TUR", "13", False, False) in keys(events)


def test_a_party_attacking_the_government_criticises_it() -> None:
    # "The Tories attacked the British government." (senses.tsv: attack by a party is 111)
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("Tories", "Tories", P, "NNPS", "nsubj", 2),
        ("attacked", "attack", "VERB", "VBD", "ROOT", 2),
        ("the", "the", "DET", "DT", "det", 5),
        ("British", "british", "ADJ", "JJ", "amod", 5),
        ("government", "government", "NOUN", "NN", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("GBR", "GBR", "11", False, False)}
    rows[2] = ("seized", "seize", "VERB", "VBD", "ROOT", 2)  # "... seized the British government": no fight
    assert keys(code(rows)) == set()


def test_seizing_an_advantage_is_no_event() -> None:
    # "Iraqi troops seized the initiative."
    rows = [
        ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
        ("troops", "troop", "NOUN", "NNS", "nsubj", 2),
        ("seized", "seize", "VERB", "VBD", "ROOT", 2),
        ("the", "the", "DET", "DT", "det", 4),
        ("initiative", "initiative", "NOUN", "NN", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == set()


def test_a_relative_clause_belongs_to_the_noun_right_before_its_pronoun() -> None:
    # "an analysis by the US of the siege that killed Iraqi students": the parser hangs the
    # clause on "US"; the siege (no actor) killed, not the US
    events = code(
        [
            ("An", "an", "DET", "DT", "det", 1),
            ("analysis", "analysis", "NOUN", "NN", "ROOT", 1),
            ("by", "by", "ADP", "IN", "prep", 1),
            ("the", "the", "DET", "DT", "det", 4),
            ("US", "US", P, "NNP", "pobj", 2),
            ("of", "of", "ADP", "IN", "prep", 1),
            ("the", "the", "DET", "DT", "det", 7),
            ("siege", "siege", "NOUN", "NN", "pobj", 5),
            ("that", "that", "PRON", "WDT", "nsubj", 9),
            ("killed", "kill", "VERB", "VBD", "relcl", 4),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 11),
            ("students", "student", "NOUN", "NNS", "dobj", 9),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert not any(e.source == "USA" and e.root == "18" for e in events)


def test_a_foreign_leader_is_not_the_story_state() -> None:
    # "US President Bush met a foreign leader in Washington."
    rows = [
        ("US", "US", P, "NNP", "compound", 1),
        ("Bush", "Bush", P, "NNP", "nsubj", 2),
        ("met", "meet", "VERB", "VBD", "ROOT", 2),
        ("a", "a", "DET", "DT", "det", 5),
        ("foreign", "foreign", "ADJ", "JJ", "amod", 5),
        ("leader", "leader", "NOUN", "NN", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == set()


def test_an_act_said_to_do_harm_criticises_its_author() -> None:
    # "Iran said the US plan would harm the talks." (evaluatives.tsv, verbs)
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 4),
        ("US", "US", P, "NNP", "compound", 4),
        ("plan", "plan", "NOUN", "NN", "nsubj", 6),
        ("would", "would", "AUX", "MD", "aux", 6),
        ("harm", "harm", "VERB", "VB", "ccomp", 1),
        ("the", "the", "DET", "DT", "det", 8),
        ("talks", "talk", "NOUN", "NNS", "dobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert ("IRN", "USA", "11", False, False) in keys(code(rows))
    rows[3] = ("new", "new", "ADJ", "JJ", "amod", 4)  # "the new plan": no author, no event
    assert not any(e.root == "11" for e in code(rows))


def test_european_officials_are_not_the_story_state() -> None:
    # "European officials criticised Turkey." in a story about Turkey: no TUR -> TUR event
    rows = [
        ("European", "european", "ADJ", "JJ", "amod", 1),
        ("officials", "official", "NOUN", "NNS", "nsubj", 2),
        ("criticised", "criticise", "VERB", "VBD", "ROOT", 2),
        ("Turkey", "Turkey", P, "NNP", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == set()


def test_a_partys_attack_with_no_one_named_is_aimed_at_home() -> None:
    # "The Tories shifted their attack."
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("Tories", "Tories", P, "NNPS", "nsubj", 2),
        ("shifted", "shift", "VERB", "VBD", "ROOT", 2),
        ("their", "their", "PRON", "PRP$", "poss", 4),
        ("attack", "attack", "NOUN", "NN", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("GBR", "GBR", "11", False, False)}


def test_the_phrases_of_a_nominalised_light_verb_belong_to_its_event() -> None:
    # "The bringing of charges against Iraqi militants surprised observers."
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("bringing", "bringing", "NOUN", "NN", "nsubj", 7),
        ("of", "of", "ADP", "IN", "prep", 1),
        ("charges", "charge", "NOUN", "NNS", "pobj", 2),
        ("against", "against", "ADP", "IN", "prep", 1),
        ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 6),
        ("militants", "militant", "NOUN", "NNS", "pobj", 4),
        ("surprised", "surprise", "VERB", "VBD", "ROOT", 7),
        (".", ".", "PUNCT", ".", "punct", 7),
    ]
    assert ("IRQ", "IRQ", "17", False, False) in keys(code(rows))


def test_dying_after_a_clash_takes_part_in_it_but_not_in_an_attack() -> None:
    # "An Iraqi man died after a clash with US troops." / "... after an attack on US troops."
    rows = [
        ("An", "an", "DET", "DT", "det", 2),
        ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 2),
        ("man", "man", "NOUN", "NN", "nsubj", 3),
        ("died", "die", "VERB", "VBD", "ROOT", 3),
        ("after", "after", "ADP", "IN", "prep", 3),
        ("a", "a", "DET", "DT", "det", 6),
        ("clash", "clash", "NOUN", "NN", "pobj", 4),
        ("with", "with", "ADP", "IN", "prep", 6),
        ("US", "US", P, "NNP", "compound", 9),
        ("troops", "troop", "NOUN", "NNS", "pobj", 7),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    found = {(e.source, e.target, e.root) for e in code(rows)}
    assert found & {("IRQ", "USA", "19"), ("USA", "IRQ", "19")}
    rows[6] = ("attack", "attack", "NOUN", "NN", "pobj", 4)
    rows[7] = ("on", "on", "ADP", "IN", "prep", 6)
    assert not any(e.source == "IRQ" for e in code(rows))


def test_insisting_that_something_is_so_is_a_report_not_a_demand() -> None:
    # "British ministers insisted they are committed."
    rows = [
        ("British", "british", "ADJ", "JJ", "amod", 1),
        ("ministers", "minister", "NOUN", "NNS", "nsubj", 2),
        ("insisted", "insist", "VERB", "VBD", "ROOT", 2),
        ("they", "they", "PRON", "PRP", "nsubj", 5),
        ("are", "be", "AUX", "VBP", "aux", 5),
        ("committed", "commit", "VERB", "VBN", "ccomp", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == set()


def test_the_city_of_a_named_place_is_its_state() -> None:
    # "Iraqi police raided the city of Falluja."
    rows = [
        ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
        ("police", "police", "NOUN", "NNS", "nsubj", 2),
        ("raided", "raid", "VERB", "VBD", "ROOT", 2),
        ("the", "the", "DET", "DT", "det", 4),
        ("city", "city", "NOUN", "NN", "dobj", 2),
        ("of", "of", "ADP", "IN", "prep", 4),
        ("Falluja", "Falluja", P, "NNP", "pobj", 5),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    doc = make_doc(rows)
    assert [m.entry.code for m in DocActors(doc, "2004-11-03").resolve(doc[4])] == ["IRQ"]


def test_a_headline_actor_in_a_probe_is_investigated_by_the_leads_source() -> None:
    # "Iraqi police in bribery probe. Two officers were suspended, the Jordanian army says."
    # (a made-up story: the lead's source, an army, runs the investigation of the headline)
    rows = [
        ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
        ("police", "police", "NOUN", "NNS", "ROOT", 1),
        ("in", "in", "ADP", "IN", "prep", 1),
        ("bribery", "bribery", "NOUN", "NN", "compound", 4),
        ("probe", "probe", "NOUN", "NN", "pobj", 2),
        (".", ".", "PUNCT", ".", "punct", 1),
        ("Two", "two", "NUM", "CD", "nummod", 7),
        ("officers", "officer", "NOUN", "NNS", "nsubjpass", 9),
        ("were", "be", "AUX", "VBD", "auxpass", 9),
        ("suspended", "suspend", "VERB", "VBN", "ccomp", 14),
        (",", ",", "PUNCT", ",", "punct", 14),
        ("the", "the", "DET", "DT", "det", 13),
        ("Jordanian", "jordanian", "ADJ", "JJ", "amod", 13),
        ("army", "army", "NOUN", "NN", "nsubj", 14),
        ("says", "say", "VERB", "VBZ", "ROOT", 14),
        (".", ".", "PUNCT", ".", "punct", 14),
    ]
    assert ("JOR", "IRQ", "09", False, False) in keys(code(rows))


def test_praising_an_accord_makes_no_party_to_it() -> None:
    # "EU chief hails Italian accord": the EU praises; it is not a party to the accord
    rows = [
        ("EU", "EU", P, "NNP", "compound", 1),
        ("chief", "chief", "NOUN", "NN", "nsubj", 2),
        ("hails", "hail", "VERB", "VBZ", "ROOT", 2),
        ("Italian", "italian", "ADJ", "JJ", "amod", 4),
        ("accord", "accord", "NOUN", "NN", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert not any(e.root == "05" and e.symmetric for e in code(rows))


def test_a_reported_attribution_accuses_the_group_linked_to_a_named_organisation() -> None:
    # "Russia said the explosions were the work of terrorists linked to Hezbollah."
    rows = [
        ("Russia", "Russia", P, "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 3),
        ("explosions", "explosion", "NOUN", "NNS", "nsubj", 4),
        ("were", "be", "AUX", "VBD", "ccomp", 1),
        ("the", "the", "DET", "DT", "det", 6),
        ("work", "work", "NOUN", "NN", "attr", 4),
        ("of", "of", "ADP", "IN", "prep", 6),
        ("terrorists", "terrorist", "NOUN", "NNS", "pobj", 7),
        ("linked", "link", "VERB", "VBN", "acl", 8),
        ("to", "to", "ADP", "IN", "prep", 9),
        ("Hezbollah", "Hezbollah", P, "NNP", "pobj", 10),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(rows)
    assert ("RUS", "LBN", "11", False, False) in keys(events)
    assert any(e.evidence.pattern == "evaluatives.tsv:work" for e in events)


def test_a_measured_object_is_what_is_moved() -> None:
    # "Iran provided 20 tons of aid to Iraq."
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 1),
        ("provided", "provide", "VERB", "VBD", "ROOT", 1),
        ("20", "20", "NUM", "CD", "nummod", 3),
        ("tons", "ton", "NOUN", "NNS", "dobj", 1),
        ("of", "of", "ADP", "IN", "prep", 3),
        ("aid", "aid", "NOUN", "NN", "pobj", 4),
        ("to", "to", "ADP", "IN", "prep", 1),
        ("Iraq", "Iraq", P, "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("IRN", "IRQ", "07", False, False)}


def test_allowing_inspectors_in_is_yielding_to_international_involvement() -> None:
    # "Iraq allowed the return of UN inspectors."
    rows = [
        ("Iraq", "Iraq", P, "NNP", "nsubj", 1),
        ("allowed", "allow", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 3),
        ("return", "return", "NOUN", "NN", "dobj", 1),
        ("of", "of", "ADP", "IN", "prep", 3),
        ("UN", "UN", P, "NNP", "compound", 6),
        ("inspectors", "inspector", "NOUN", "NNS", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("IRQ", "UN", "08", False, False)}


def test_agreeing_to_an_act_split_by_the_tokenizer_finds_its_target() -> None:
    # "Ethiopia agreed to re-open its borders to UN peacekeepers." ("re", "-", "open" all xcomp)
    rows = [
        ("Ethiopia", "Ethiopia", P, "NNP", "nsubj", 1),
        ("agreed", "agree", "VERB", "VBD", "ROOT", 1),
        ("to", "to", "PART", "TO", "aux", 3),
        ("re", "re", "VERB", "VB", "xcomp", 1),
        ("-", "-", "VERB", "VB", "xcomp", 1),
        ("open", "open", "VERB", "VB", "xcomp", 1),
        ("its", "its", "PRON", "PRP$", "poss", 7),
        ("borders", "border", "NOUN", "NNS", "dobj", 5),
        ("to", "to", "ADP", "IN", "prep", 5),
        ("UN", "UN", P, "NNP", "pobj", 8),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert {(e.source, e.target, e.root) for e in code(rows)} & {("ETH", "UN", "03"), ("UN", "ETH", "03")}


def test_lifting_a_state_of_emergency_eases_restrictions() -> None:
    # "Sudan lifted a state of emergency."
    rows = [
        ("Sudan", "Sudan", P, "NNP", "nsubj", 1),
        ("lifted", "lift", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 3),
        ("state", "state", "NOUN", "NN", "dobj", 1),
        ("of", "of", "ADP", "IN", "prep", 3),
        ("emergency", "emergency", "NOUN", "NN", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("SDN", "SDN", "08", False, False)}


def test_put_under_investigation_by_no_one_is_the_authorities() -> None:
    # "An American was put under investigation in Italy."
    rows = [
        ("An", "an", "DET", "DT", "det", 1),
        ("American", "American", P, "NNP", "nsubjpass", 3),
        ("was", "be", "AUX", "VBD", "auxpass", 3),
        ("put", "put", "VERB", "VBN", "ROOT", 3),
        ("under", "under", "ADP", "IN", "prep", 3),
        ("investigation", "investigation", "NOUN", "NN", "pobj", 4),
        ("in", "in", "ADP", "IN", "prep", 3),
        ("Italy", "Italy", P, "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    assert keys(code(rows)) == {("ITA", "USA", "09", False, False)}


def test_announcing_a_boycott_is_a_threat() -> None:
    # "Iran said it would boycott Israel."
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("it", "it", "PRON", "PRP", "nsubj", 4),
        ("would", "would", "AUX", "MD", "aux", 4),
        ("boycott", "boycott", "VERB", "VB", "ccomp", 1),
        ("Israel", "Israel", P, "NNP", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("IRN", "ISR", "13", False, False)}


def test_refusing_to_meet_demands_and_refusing_entry_to_a_people() -> None:
    # "Iraq said it would not meet Iran's demands." / "Benin refused entry to Ghanaians."
    rows = [
        ("Iraq", "Iraq", P, "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("it", "it", "PRON", "PRP", "nsubj", 5),
        ("would", "would", "AUX", "MD", "aux", 5),
        ("not", "not", "PART", "RB", "neg", 5),
        ("meet", "meet", "VERB", "VB", "ccomp", 1),
        ("Iran", "Iran", P, "NNP", "poss", 8),
        ("'s", "'s", "PART", "POS", "case", 6),
        ("demands", "demand", "NOUN", "NNS", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    # the refusal, and the demand it answers (made to Iraq, and not hypothetical for "would")
    assert keys(code(rows)) == {("IRQ", "IRN", "12", False, False), ("IRN", "IRQ", "10", False, False)}
    rows = [
        ("Benin", "Benin", P, "NNP", "nsubj", 1),
        ("refused", "refuse", "VERB", "VBD", "ROOT", 1),
        ("entry", "entry", "NOUN", "NN", "dobj", 1),
        ("to", "to", "ADP", "IN", "prep", 1),
        ("Ghanaians", "Ghanaians", P, "NNPS", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("BEN", "GHA", "12", False, False)}


def test_a_network_named_by_its_organisation_is_that_organisation() -> None:
    # "the Hamas terror network"
    doc = make_doc(
        [
            ("the", "the", "DET", "DT", "det", 3),
            ("Hamas", "Hamas", P, "NNP", "nmod", 3),
            ("terror", "terror", "NOUN", "NN", "compound", 3),
            ("network", "network", "NOUN", "NN", "ROOT", 3),
        ]
    )
    assert [m.entry.code for m in DocActors(doc, "2004-11-03").resolve(doc[3])] == ["PSE"]


def test_a_demand_that_someone_act_targets_them_and_the_act_is_not_done() -> None:
    # "The UN repeated its demand today that Israel ease restrictions."
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("UN", "UN", P, "NNP", "nsubj", 2),
        ("repeated", "repeat", "VERB", "VBD", "ROOT", 2),
        ("its", "its", "PRON", "PRP$", "poss", 4),
        ("demand", "demand", "NOUN", "NN", "dobj", 2),
        ("today", "today", "NOUN", "NN", "npadvmod", 2),
        ("that", "that", "SCONJ", "IN", "mark", 8),
        ("Israel", "Israel", P, "NNP", "nsubj", 8),
        ("ease", "ease", "VERB", "VB", "ccomp", 2),
        ("restrictions", "restriction", "NOUN", "NNS", "dobj", 8),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    found = keys(code(rows))
    assert ("UN", "ISR", "10", False, False) in found
    assert not any(k[2] == "08" and not k[4] for k in found)  # easing is only demanded


def test_a_participle_parsed_as_the_subject_gives_way_to_its_own_subject() -> None:
    # "The Red Cross operating in Iraq said US forces must leave." (misparse: "operating" nsubj)
    rows = [
        ("The", "the", "DET", "DT", "det", 2),
        ("Red", "Red", P, "NNP", "compound", 2),
        ("Cross", "Cross", P, "NNP", "nsubj", 3),
        ("operating", "operate", "VERB", "VBG", "nsubj", 6),
        ("in", "in", "ADP", "IN", "prep", 3),
        ("Iraq", "Iraq", P, "NNP", "pobj", 4),
        ("said", "say", "VERB", "VBD", "ROOT", 6),
        ("US", "US", P, "NNP", "compound", 8),
        ("forces", "force", "NOUN", "NNS", "nsubj", 10),
        ("must", "must", "AUX", "MD", "aux", 10),
        ("leave", "leave", "VERB", "VB", "ccomp", 6),
        (".", ".", "PUNCT", ".", "punct", 6),
    ]
    assert ("ICRC", "USA", "10", False, False) in keys(code(rows))


def test_vowing_not_to_act_is_a_refusal_and_a_condition_makes_it_hypothetical() -> None:
    # "Israel vowed not to return the Golan Heights to Syria (if Sharon is elected)."
    rows = [
        ("Israel", "Israel", P, "NNP", "nsubj", 1),
        ("vowed", "vow", "VERB", "VBD", "ROOT", 1),
        ("not", "not", "PART", "RB", "neg", 4),
        ("to", "to", "PART", "TO", "aux", 4),
        ("return", "return", "VERB", "VB", "xcomp", 1),
        ("the", "the", "DET", "DT", "det", 6),
        ("land", "land", "NOUN", "NN", "dobj", 4),
        ("to", "to", "ADP", "IN", "prep", 4),
        ("Syria", "Syria", P, "NNP", "pobj", 7),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("ISR", "SYR", "12", False, False)}
    conditional = rows[:-1] + [
        ("if", "if", "SCONJ", "IN", "mark", 11),
        ("Sharon", "Sharon", P, "NNP", "nsubj", 11),
        ("wins", "win", "VERB", "VBZ", "advcl", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(conditional)) == {("ISR", "SYR", "12", False, True)}


def test_dispatching_inspectors_is_an_inquiry_not_a_force_posture() -> None:
    # "The IAEA dispatched inspectors to Iran."
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("IAEA", "IAEA", P, "NNP", "nsubj", 2),
        ("dispatched", "dispatch", "VERB", "VBD", "ROOT", 2),
        ("inspectors", "inspector", "NOUN", "NNS", "dobj", 2),
        ("to", "to", "ADP", "IN", "prep", 2),
        ("Iran", "Iran", P, "NNP", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("IAEA", "IRN", "09", False, False)}


def test_would_is_an_announced_future_only_when_the_speaker_speaks_of_itself() -> None:
    # "Lebanon said Lebanese officials would not form a government." (no pronoun: a judgement)
    rows = _said_it("would")
    rows[2] = ("officials", "official", "NOUN", "NNS", "nsubj", 5)
    rows.insert(2, ("Lebanese", "lebanese", "ADJ", "JJ", "amod", 3))
    rows = [
        (t, lem, pos, tag, dep, h + 1 if i != 2 and h >= 2 else h)
        for i, (t, lem, pos, tag, dep, h) in enumerate(rows)
    ]
    assert not any(e.root == "12" and not e.hypothetical for e in code(rows))


def test_receiving_from_a_giver_is_the_givers_act() -> None:
    # "Iraq received weapons from Iran."
    rows = [
        ("Iraq", "Iraq", P, "NNP", "nsubj", 1),
        ("received", "receive", "VERB", "VBD", "ROOT", 1),
        ("weapons", "weapon", "NOUN", "NNS", "dobj", 1),
        ("from", "from", "ADP", "IN", "prep", 1),
        ("Iran", "Iran", P, "NNP", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(rows)
    assert keys(events) == {("IRN", "IRQ", "07", False, False)}
    assert "received from the giver" in events[0].evidence.pattern


def test_wanting_another_to_act_asks_it_to() -> None:
    # "Iran wants Iraq to expel the envoys."
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 1),
        ("wants", "want", "VERB", "VBZ", "ROOT", 1),
        ("Iraq", "Iraq", P, "NNP", "nsubj", 4),
        ("to", "to", "PART", "TO", "aux", 4),
        ("expel", "expel", "VERB", "VB", "ccomp", 1),
        ("the", "the", "DET", "DT", "det", 6),
        ("envoys", "envoy", "NOUN", "NNS", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert ("IRN", "IRQ", "02", False, False) in keys(code(rows))


def test_troops_storming_are_no_storm_and_coordinated_modifiers_are_two_actors() -> None:
    # "US and Iraqi troops stormed the city of Falluja."
    rows = [
        ("US", "US", P, "NNP", "nmod", 3),
        ("and", "and", "CCONJ", "CC", "cc", 0),
        ("Iraqi", "iraqi", "ADJ", "JJ", "conj", 0),
        ("troops", "troop", "NOUN", "NNS", "nsubj", 4),
        ("stormed", "storm", "VERB", "VBD", "ROOT", 4),
        ("the", "the", "DET", "DT", "det", 6),
        ("city", "city", "NOUN", "NN", "dobj", 4),
        ("of", "of", "ADP", "IN", "prep", 6),
        ("Falluja", "Falluja", P, "NNP", "pobj", 7),
        (".", ".", "PUNCT", ".", "punct", 4),
    ]
    found = keys(code(rows))
    assert {("USA", "IRQ", "19", False, False), ("IRQ", "IRQ", "19", False, False)} <= found


def test_a_state_attacking_unnamed_police_attacks_the_places_police() -> None:
    # "Baghdad: US troops stormed police stations." (the story's state is Iraq)
    rows = [
        ("Baghdad", "Baghdad", P, "NNP", "ROOT", 0),
        (".", ".", "PUNCT", ".", "punct", 0),
        ("US", "US", P, "NNP", "compound", 3),
        ("troops", "troop", "NOUN", "NNS", "nsubj", 4),
        ("stormed", "storm", "VERB", "VBD", "ROOT", 4),
        ("police", "police", "NOUN", "NN", "compound", 6),
        ("stations", "station", "NOUN", "NNS", "dobj", 4),
        ("in", "in", "ADP", "IN", "prep", 4),
        ("Iraq", "Iraq", P, "NNP", "pobj", 7),
        (".", ".", "PUNCT", ".", "punct", 4),
    ]
    found = keys(code(rows))
    assert ("USA", "USA", "19", False, False) not in found


def test_wanting_a_thing_or_people_placed_only_by_the_story_to_act_is_no_appeal() -> None:
    # "Britain wants other countries to do more." / "... wants it to end."
    rows = [
        ("Britain", "Britain", P, "NNP", "nsubj", 1),
        ("wants", "want", "VERB", "VBZ", "ROOT", 1),
        ("other", "other", "ADJ", "JJ", "amod", 3),
        ("countries", "country", "NOUN", "NNS", "nsubj", 5),
        ("to", "to", "PART", "TO", "aux", 5),
        ("act", "act", "VERB", "VB", "ccomp", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert not any(e.root == "02" for e in code(rows))
    rows = [rows[0], rows[1], ("it", "it", "PRON", "PRP", "nsubj", 5), *rows[4:]]
    rows = [(t, lem, pos, tag, dep, h - 1 if h >= 3 else h) for t, lem, pos, tag, dep, h in rows]
    assert not any(e.root == "02" for e in code(rows))


def test_drills_near_another_state_show_force_and_the_evidence_says_so() -> None:
    # "China held military drills near Taiwan."
    rows = [
        ("China", "China", P, "NNP", "nsubj", 1),
        ("held", "hold", "VERB", "VBD", "ROOT", 1),
        ("military", "military", "ADJ", "JJ", "amod", 3),
        ("drills", "drill", "NOUN", "NNS", "dobj", 1),
        ("near", "near", "ADP", "IN", "prep", 1),
        ("Taiwan", "Taiwan", P, "NNP", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(rows)
    assert keys(events) == {("CHN", "TWN", "15", False, False)}
    assert events[0].evidence.pattern.endswith("read as 150")


def test_claiming_an_attack_in_a_place_is_aimed_at_that_place() -> None:
    # "Hezbollah claimed responsibility for an attack in Israel."
    rows = [
        ("Hezbollah", "Hezbollah", P, "NNP", "nsubj", 1),
        ("claimed", "claim", "VERB", "VBD", "ROOT", 1),
        ("responsibility", "responsibility", "NOUN", "NN", "dobj", 1),
        ("for", "for", "ADP", "IN", "prep", 2),
        ("an", "an", "DET", "DT", "det", 5),
        ("attack", "attack", "NOUN", "NN", "pobj", 3),
        ("in", "in", "ADP", "IN", "prep", 5),
        ("Israel", "Israel", P, "NNP", "pobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert ("LBN", "ISR", "01", False, False) in keys(code(rows))


def test_telling_the_press_and_companies_fighting_are_no_events() -> None:
    # "Iran's minister told the BBC ..." / "Yukos continues to fight the Russian government."
    told = [
        ("Iranian", "iranian", "ADJ", "JJ", "amod", 1),
        ("officials", "official", "NOUN", "NNS", "nsubj", 2),
        ("told", "tell", "VERB", "VBD", "ROOT", 2),
        ("the", "the", "DET", "DT", "det", 4),
        ("BBC", "BBC", P, "NNP", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(told)) == set()
    fight = [
        ("Yukos", "Yukos", P, "NNP", "nsubj", 1),
        ("fought", "fight", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 4),
        ("Russian", "russian", "ADJ", "JJ", "amod", 4),
        ("government", "government", "NOUN", "NN", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert not any(e.root == "19" for e in code(fight))


def test_a_future_in_a_relative_clause_is_no_announcement() -> None:
    # "Iran made a speech which will not help Iraq." (the writer's forecast)
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 1),
        ("made", "make", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 3),
        ("speech", "speech", "NOUN", "NN", "dobj", 1),
        ("which", "which", "PRON", "WDT", "nsubj", 7),
        ("will", "will", "AUX", "MD", "aux", 7),
        ("not", "not", "PART", "RB", "neg", 7),
        ("help", "help", "VERB", "VB", "relcl", 3),
        ("Iraq", "Iraq", P, "NNP", "dobj", 7),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert not any(not e.hypothetical and e.root in ("03", "12") for e in code(rows))
