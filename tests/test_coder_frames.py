"""Coder frames added for recall: shared passive patients, implicit authorities, titled names."""

from __future__ import annotations

from detente.actors.resolver import DocActors
from detente.events.coder import Coder
from detente.models import Event

from .conftest import make_doc

P = "PROPN"


def code(rows: list[tuple], date: str | None = "2004-10-19") -> list[Event]:
    doc = make_doc(rows)
    return Coder().code(doc, DocActors(doc, date), date)


def keys(events: list[Event]) -> set[tuple[str, str, str, bool, bool]]:
    return {(e.source, e.target, e.root, e.negated, e.hypothetical) for e in events}


def test_coordinated_participle_shares_the_passive_patient() -> None:
    # "The Iraqi minister has been sacked and placed under house arrest."
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 2),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 2),
            ("minister", "minister", "NOUN", "NN", "nsubjpass", 5),
            ("has", "have", "AUX", "VBZ", "aux", 5),
            ("been", "be", "AUX", "VBN", "auxpass", 5),
            ("sacked", "sack", "VERB", "VBN", "ROOT", 5),
            ("and", "and", "CCONJ", "CC", "cc", 5),
            ("placed", "place", "VERB", "VBN", "conj", 5),
            ("under", "under", "ADP", "IN", "prep", 7),
            ("house", "house", "NOUN", "NN", "compound", 10),
            ("arrest", "arrest", "NOUN", "NN", "pobj", 8),
            (".", ".", "PUNCT", ".", "punct", 5),
        ]
    )
    assert keys(events) == {("IRQ", "IRQ", "17", False, False)}
    assert events[0].evidence.trigger.startswith("placed")


def test_agentless_light_verb_is_the_authorities_on_the_place() -> None:
    # "A curfew imposed in Iran entered its third day."
    events = code(
        [
            ("A", "a", "DET", "DT", "det", 1),
            ("curfew", "curfew", "NOUN", "NN", "nsubj", 5),
            ("imposed", "impose", "VERB", "VBN", "acl", 1),
            ("in", "in", "ADP", "IN", "prep", 2),
            ("Iran", "Iran", P, "NNP", "pobj", 3),
            ("entered", "enter", "VERB", "VBD", "ROOT", 5),
            ("its", "its", "PRON", "PRP$", "poss", 8),
            ("third", "third", "ADJ", "JJ", "amod", 8),
            ("day", "day", "NOUN", "NN", "dobj", 5),
            (".", ".", "PUNCT", ".", "punct", 5),
        ]
    )
    assert keys(events) == {("IRN", "IRN", "17", False, False)}


def test_plain_agentless_passive_without_a_patient_is_no_event() -> None:
    # "Dyke was arrested in Iran": an unknown patient is not replaced by the place
    events = code(
        [
            ("Dyke", "Dyke", P, "NNP", "nsubjpass", 2),
            ("was", "be", "AUX", "VBD", "auxpass", 2),
            ("arrested", "arrest", "VERB", "VBN", "ROOT", 2),
            ("in", "in", "ADP", "IN", "prep", 2),
            ("Iran", "Iran", P, "NNP", "pobj", 3),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == set()


def test_unknown_name_takes_the_actor_of_its_title() -> None:
    # "Iranian police arrested Iraqi cleric Abu Ali."
    events = code(
        [
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 1),
            ("police", "police", "NOUN", "NNS", "nsubj", 2),
            ("arrested", "arrest", "VERB", "VBD", "ROOT", 2),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 4),
            ("cleric", "cleric", "NOUN", "NN", "compound", 6),
            ("Abu", "Abu", P, "NNP", "compound", 6),
            ("Ali", "Ali", P, "NNP", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "17", False, False)}


def test_releasing_presupposes_holding() -> None:
    # "Palestinian gunmen released an Israeli journalist abducted in Gaza."
    events = code(
        [
            ("Palestinian", "palestinian", "ADJ", "JJ", "amod", 1),
            ("gunmen", "gunman", "NOUN", "NNS", "nsubj", 2),
            ("released", "release", "VERB", "VBD", "ROOT", 2),
            ("an", "an", "DET", "DT", "det", 5),
            ("Israeli", "israeli", "ADJ", "JJ", "amod", 5),
            ("journalist", "journalist", "NOUN", "NN", "dobj", 2),
            ("abducted", "abduct", "VERB", "VBN", "acl", 5),
            ("in", "in", "ADP", "IN", "prep", 6),
            ("Gaza", "Gaza", P, "NNP", "pobj", 7),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("PSE", "ISR", "08", False, False), ("PSE", "ISR", "18", False, False)}


def test_event_noun_framing_a_clause_takes_its_subject() -> None:
    # "The Israeli army demolished Palestinian houses during an incursion."
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 2),
            ("Israeli", "israeli", "ADJ", "JJ", "amod", 2),
            ("army", "army", "NOUN", "NN", "nsubj", 3),
            ("demolished", "demolish", "VERB", "VBD", "ROOT", 3),
            ("Palestinian", "palestinian", "ADJ", "JJ", "amod", 5),
            ("houses", "house", "NOUN", "NNS", "dobj", 3),
            ("during", "during", "ADP", "IN", "prep", 3),
            ("an", "an", "DET", "DT", "det", 8),
            ("incursion", "incursion", "NOUN", "NN", "pobj", 6),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert keys(events) == {("ISR", "PSE", "17", False, False), ("ISR", "PSE", "19", False, False)}


def test_experiencer_verb_runs_from_the_angered_to_the_author() -> None:
    # "The Iranian decision angered Iraq."
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 2),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 2),
            ("decision", "decision", "NOUN", "NN", "nsubj", 3),
            ("angered", "anger", "VERB", "VBD", "ROOT", 3),
            ("Iraq", "Iraq", P, "NNP", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert keys(events) == {("IRQ", "IRN", "11", False, False)}


def test_hostile_act_an_actor_says_it_may_take_is_a_threat() -> None:
    # "Iran may impose sanctions on Iraq, Iran said."
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 2),
        ("may", "may", "AUX", "MD", "aux", 2),
        ("impose", "impose", "VERB", "VB", "ccomp", 9),
        ("sanctions", "sanction", "NOUN", "NNS", "dobj", 2),
        ("on", "on", "ADP", "IN", "prep", 2),
        ("Iraq", "Iraq", P, "NNP", "pobj", 4),
        (",", ",", "PUNCT", ",", "punct", 9),
        ("the", "the", "DET", "DT", "det", 8),
        ("Iranians", "Iranians", P, "NNPS", "nsubj", 9),
        ("said", "say", "VERB", "VBD", "ROOT", 9),
        (".", ".", "PUNCT", ".", "punct", 9),
    ]
    assert keys(code(rows)) == {("IRN", "IRQ", "13", False, False)}
    # reported by another actor, the possibility stays a hypothetical sanction
    other = [r if r[0] != "Iranians" else ("Iraqis", "Iraqis", P, "NNPS", "nsubj", 9) for r in rows]
    assert keys(code(other)) == {("IRN", "IRQ", "16", False, True)}


def test_obligation_in_reported_speech_is_a_demand() -> None:
    # "Iran said Iraq must release the prisoners."
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("said", "say", "VERB", "VBD", "ROOT", 1),
            ("Iraq", "Iraq", P, "NNP", "nsubj", 4),
            ("must", "must", "AUX", "MD", "aux", 4),
            ("release", "release", "VERB", "VB", "ccomp", 1),
            ("the", "the", "DET", "DT", "det", 6),
            ("prisoners", "prisoner", "NOUN", "NNS", "dobj", 4),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert ("IRN", "IRQ", "10", False, False) in keys(events)


def test_group_named_in_apposition() -> None:
    # "The separatist group ETA attacked Spain."
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 2),
            ("separatist", "separatist", "NOUN", "NN", "compound", 2),
            ("group", "group", "NOUN", "NN", "nsubj", 4),
            ("ETA", "ETA", P, "NNP", "appos", 2),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 4),
            ("Spain", "Spain", P, "NNP", "dobj", 4),
            (".", ".", "PUNCT", ".", "punct", 4),
        ]
    )
    assert keys(events) == {("ESP", "ESP", "19", False, False)}


def test_persons_seized_by_armed_groups_are_abducted() -> None:
    # "Iraqi insurgents seized an Australian journalist."
    events = code(
        [
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
            ("insurgents", "insurgent", "NOUN", "NNS", "nsubj", 2),
            ("seized", "seize", "VERB", "VBD", "ROOT", 2),
            ("an", "an", "DET", "DT", "det", 5),
            ("Australian", "australian", "ADJ", "JJ", "amod", 5),
            ("journalist", "journalist", "NOUN", "NN", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("IRQ", "AUS", "18", False, False)}


def test_unarmed_withdrawal_is_no_retreat() -> None:
    # "Afghan candidates withdrew from Iraq." (a candidate quitting is no military retreat)
    rows = [
        ("Afghan", "afghan", "ADJ", "JJ", "amod", 1),
        ("candidates", "candidate", "NOUN", "NNS", "nsubj", 2),
        ("withdrew", "withdraw", "VERB", "VBD", "ROOT", 2),
        ("from", "from", "ADP", "IN", "prep", 2),
        ("Iraq", "Iraq", P, "NNP", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == set()
    troops = [("Afghan", "afghan", "ADJ", "JJ", "amod", 1), ("troops", "troop", "NOUN", "NNS", "nsubj", 2)]
    assert keys(code(troops + rows[2:])) == {("AFG", "IRQ", "08", False, False)}


def test_an_army_reporting_charges_is_the_authority() -> None:
    # "Four soldiers are charged, the US army says."
    events = code(
        [
            ("Four", "four", "NUM", "CD", "nummod", 1),
            ("soldiers", "soldier", "NOUN", "NNS", "nsubjpass", 3),
            ("are", "be", "AUX", "VBP", "auxpass", 3),
            ("charged", "charge", "VERB", "VBN", "ccomp", 8),
            (",", ",", "PUNCT", ",", "punct", 8),
            ("the", "the", "DET", "DT", "det", 7),
            ("US", "US", P, "NNP", "compound", 7),
            ("army", "army", "NOUN", "NN", "nsubj", 8),
            ("says", "say", "VERB", "VBZ", "ROOT", 8),
            (".", ".", "PUNCT", ".", "punct", 8),
        ]
    )
    assert ("USA", "USA", "17", False, False) in keys(events)


def test_killed_in_a_military_actors_fire() -> None:
    # "Two Iraqis were killed in Iranian tank fire."
    events = code(
        [
            ("Two", "two", "NUM", "CD", "nummod", 1),
            ("Iraqis", "Iraqis", P, "NNPS", "nsubjpass", 3),
            ("were", "be", "AUX", "VBD", "auxpass", 3),
            ("killed", "kill", "VERB", "VBN", "ROOT", 3),
            ("in", "in", "ADP", "IN", "prep", 3),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 6),
            ("tank", "tank", "NOUN", "NN", "pobj", 4),
            ("fire", "fire", "NOUN", "NN", "npadvmod", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert ("IRN", "IRQ", "18", False, False) in keys(events)


def test_coercion_noun_without_target_acts_on_its_own_state() -> None:
    # "Facts about France's headscarf ban."
    events = code(
        [
            ("Facts", "fact", "NOUN", "NNS", "ROOT", 0),
            ("about", "about", "ADP", "IN", "prep", 0),
            ("France", "France", P, "NNP", "poss", 5),
            ("'s", "'s", "PART", "POS", "case", 2),
            ("headscarf", "headscarf", "NOUN", "NN", "compound", 5),
            ("ban", "ban", "NOUN", "NN", "pobj", 1),
            (".", ".", "PUNCT", ".", "punct", 0),
        ]
    )
    assert keys(events) == {("FRA", "FRA", "17", False, False)}


def test_calling_an_actors_decision_unfair_is_criticism() -> None:
    # "Iran said the Iraqi decision was unfair."
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("said", "say", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 4),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 4),
            ("decision", "decision", "NOUN", "NN", "nsubj", 5),
            ("was", "be", "AUX", "VBD", "ccomp", 1),
            ("unfair", "unfair", "ADJ", "JJ", "acomp", 5),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "11", False, False)}
    assert events[0].evidence.pattern.startswith("evaluatives.tsv:unfair")


def test_own_announced_refusal_is_a_rejection() -> None:
    # "Iran said it will not meet Iraq."
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("said", "say", "VERB", "VBD", "ROOT", 1),
            ("it", "it", "PRON", "PRP", "nsubj", 5),
            ("will", "will", "AUX", "MD", "aux", 5),
            ("not", "not", "PART", "RB", "neg", 5),
            ("meet", "meet", "VERB", "VB", "ccomp", 1),
            ("Iraq", "Iraq", P, "NNP", "dobj", 5),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "12", False, False)}


def test_police_investigate_at_home() -> None:
    # "British police investigated the derailment."
    events = code(
        [
            ("British", "british", "ADJ", "JJ", "amod", 1),
            ("police", "police", "NOUN", "NNS", "nsubj", 2),
            ("investigated", "investigate", "VERB", "VBD", "ROOT", 2),
            ("the", "the", "DET", "DT", "det", 4),
            ("derailment", "derailment", "NOUN", "NN", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("GBR", "GBR", "09", False, False)}


def test_finite_as_clause_keeps_its_own_modality() -> None:
    # "Iran will close the border as Iraqi troops attack Kuwait."
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 2),
            ("will", "will", "AUX", "MD", "aux", 2),
            ("close", "close", "VERB", "VB", "ROOT", 2),
            ("the", "the", "DET", "DT", "det", 4),
            ("border", "border", "NOUN", "NN", "dobj", 2),
            ("as", "as", "SCONJ", "IN", "mark", 8),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 7),
            ("troops", "troop", "NOUN", "NNS", "nsubj", 8),
            ("attack", "attack", "VERB", "VBP", "advcl", 2),
            ("Kuwait", "Kuwait", P, "NNP", "dobj", 8),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert ("IRQ", "KWT", "19", False, False) in keys(events)


def test_a_civilian_strike_is_a_labour_strike() -> None:
    # "Indian truckers' strike entered its sixth day." -> IND -> IND 14 (senses.tsv)
    events = code(
        [
            ("Indian", "indian", "ADJ", "JJ", "amod", 1),
            ("truckers", "trucker", "NOUN", "NNS", "compound", 2),
            ("strike", "strike", "NOUN", "NN", "nsubj", 3),
            ("entered", "enter", "VERB", "VBD", "ROOT", 3),
            ("its", "its", "PRON", "PRP$", "poss", 6),
            ("sixth", "sixth", "ADJ", "JJ", "amod", 6),
            ("day", "day", "NOUN", "NN", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert keys(events) == {("IND", "IND", "14", False, False)}


def test_object_gap_relative_clause() -> None:
    # "Iraq freed the Iranian pilots its army had held as prisoners."
    events = code(
        [
            ("Iraq", "Iraq", P, "NNP", "nsubj", 1),
            ("freed", "free", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 4),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 4),
            ("pilots", "pilot", "NOUN", "NNS", "dobj", 1),
            ("its", "its", "PRON", "PRP$", "poss", 6),
            ("army", "army", "NOUN", "NN", "nsubj", 8),
            ("had", "have", "AUX", "VBD", "aux", 8),
            ("held", "hold", "VERB", "VBN", "relcl", 4),
            ("as", "as", "ADP", "IN", "prep", 8),
            ("prisoners", "prisoner", "NOUN", "NNS", "pobj", 9),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert ("IRQ", "IRN", "18", False, False) in keys(events)
    assert ("IRQ", "IRN", "08", False, False) in keys(events)


def test_headline_noun_heading_subject_and_object_is_a_verb() -> None:
    # "Iraqi leader thanks U.S." (tagged NNS by the parser)
    events = code(
        [
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
            ("leader", "leader", "NOUN", "NN", "nsubj", 2),
            ("thanks", "thank", "NOUN", "NNS", "ROOT", 2),
            ("U.S.", "U.S.", P, "NNP", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("IRQ", "USA", "05", False, False)}


def test_a_foreign_ministers_presence_is_a_visit() -> None:
    # "The Iranian foreign minister is in Iraq." ; "Iranian troops are in Iraq" is no visit
    rows = [
        ("The", "the", "DET", "DT", "det", 3),
        ("Iranian", "iranian", "ADJ", "JJ", "amod", 3),
        ("foreign", "foreign", "ADJ", "JJ", "amod", 3),
        ("minister", "minister", "NOUN", "NN", "nsubj", 4),
        ("is", "be", "AUX", "VBZ", "ROOT", 4),
        ("in", "in", "ADP", "IN", "prep", 4),
        ("Iraq", "Iraq", P, "NNP", "pobj", 5),
        (".", ".", "PUNCT", ".", "punct", 4),
    ]
    assert keys(code(rows)) == {("IRN", "IRQ", "04", False, False)}
    troops = [
        ("Iranian", "iranian", "ADJ", "JJ", "amod", 1),
        ("troops", "troop", "NOUN", "NNS", "nsubj", 2),
        ("are", "be", "AUX", "VBP", "ROOT", 2),
        ("in", "in", "ADP", "IN", "prep", 2),
        ("Iraq", "Iraq", P, "NNP", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(troops)) == set()


def test_part_of_a_full_name_is_the_same_person_and_custody_release() -> None:
    # "Anwar Ibrahim spoke. Anwar was freed from jail."
    events = code(
        [
            ("Anwar", "Anwar", P, "NNP", "compound", 1),
            ("Ibrahim", "Ibrahim", P, "NNP", "nsubj", 2),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
            ("Anwar", "Anwar", P, "NNP", "nsubjpass", 6),
            ("was", "be", "AUX", "VBD", "auxpass", 6),
            ("freed", "free", "VERB", "VBN", "ROOT", 6),
            ("from", "from", "ADP", "IN", "prep", 6),
            ("jail", "jail", "NOUN", "NN", "pobj", 7),
            ("in", "in", "ADP", "IN", "prep", 6),
            ("Malaysia", "Malaysia", P, "NNP", "pobj", 9),
            (".", ".", "PUNCT", ".", "punct", 6),
        ],
        date="2004-09-03",
    )
    assert keys(events) == {("MYS", "MYS", "08", False, False)}


def test_group_word_placed_elsewhere_in_the_document() -> None:
    # "Soldiers kill Palestinian. Israeli soldiers opened fire." -> the headline soldiers are Israeli
    events = code(
        [
            ("Soldiers", "soldier", "NOUN", "NNS", "nsubj", 1),
            ("kill", "kill", "VERB", "VBP", "ROOT", 1),
            ("Palestinian", "Palestinian", P, "NNP", "dobj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
            ("Israeli", "israeli", "ADJ", "JJ", "amod", 5),
            ("soldiers", "soldier", "NOUN", "NNS", "nsubj", 6),
            ("waited", "wait", "VERB", "VBD", "ROOT", 6),
            (".", ".", "PUNCT", ".", "punct", 6),
        ]
    )
    assert keys(events) == {("ISR", "PSE", "18", False, False)}


def test_granting_rights_is_yielding() -> None:
    # "Britain extended citizenship rights to soldiers from Nepal."
    events = code(
        [
            ("Britain", "Britain", P, "NNP", "nsubj", 1),
            ("extended", "extend", "VERB", "VBD", "ROOT", 1),
            ("citizenship", "citizenship", "NOUN", "NN", "compound", 3),
            ("rights", "right", "NOUN", "NNS", "dobj", 1),
            ("to", "to", "ADP", "IN", "prep", 1),
            ("soldiers", "soldier", "NOUN", "NNS", "pobj", 4),
            ("from", "from", "ADP", "IN", "prep", 5),
            ("Nepal", "Nepal", P, "NNP", "pobj", 6),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("GBR", "NPL", "08", False, False)}


def test_a_filed_document_speaks_for_who_filed_it() -> None:
    # "Iran filed a complaint accusing Iraq."
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("filed", "file", "VERB", "VBD", "ROOT", 1),
            ("a", "a", "DET", "DT", "det", 3),
            ("complaint", "complaint", "NOUN", "NN", "dobj", 1),
            ("accusing", "accuse", "VERB", "VBG", "acl", 3),
            ("Iraq", "Iraq", P, "NNP", "dobj", 4),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert ("IRN", "IRQ", "11", False, False) in keys(events)


def test_warning_noun_targets_the_actor_its_clause_is_about() -> None:
    # "Iraq received warnings from Iran that delays could hurt Iraq's chances."
    events = code(
        [
            ("Iraq", "Iraq", P, "NNP", "nsubj", 1),
            ("received", "receive", "VERB", "VBD", "ROOT", 1),
            ("warnings", "warning", "NOUN", "NNS", "dobj", 1),
            ("from", "from", "ADP", "IN", "prep", 1),
            ("Iran", "Iran", P, "NNP", "pobj", 3),
            ("that", "that", "SCONJ", "IN", "mark", 8),
            ("delays", "delay", "NOUN", "NNS", "nsubj", 8),
            ("could", "could", "AUX", "MD", "aux", 8),
            ("hurt", "hurt", "VERB", "VB", "acl", 2),
            ("Iraq", "Iraq", P, "NNP", "poss", 11),
            ("'s", "'s", "PART", "POS", "case", 9),
            ("chances", "chance", "NOUN", "NNS", "dobj", 8),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert ("IRN", "IRQ", "13", False, False) in keys(events)


def test_attacking_a_policy_is_criticism() -> None:
    # "Iran attacked the Iraqi plan." -> IRN -> IRQ 11, not a military attack
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 4),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 4),
            ("plan", "plan", "NOUN", "NN", "dobj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "11", False, False)}


def test_mayor_of_a_city_belongs_to_its_state() -> None:
    # "Israel released the mayor of the city of Ramallah."
    events = code(
        [
            ("Israel", "Israel", P, "NNP", "nsubj", 1),
            ("released", "release", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 3),
            ("mayor", "mayor", "NOUN", "NN", "dobj", 1),
            ("of", "of", "ADP", "IN", "prep", 3),
            ("the", "the", "DET", "DT", "det", 6),
            ("city", "city", "NOUN", "NN", "pobj", 4),
            ("of", "of", "ADP", "IN", "prep", 6),
            ("Ramallah", "Ramallah", P, "NNP", "pobj", 7),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert keys(events) == {("ISR", "PSE", "08", False, False)}


def test_receiving_assurances_is_no_visit() -> None:
    # "Iraqi demonstrators received assurances from the Iranian government." (the assurance
    # itself is the giver's 03, read with the provide rows)
    events = code(
        [
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
            ("demonstrators", "demonstrator", "NOUN", "NNS", "nsubj", 2),
            ("received", "receive", "VERB", "VBD", "ROOT", 2),
            ("assurances", "assurance", "NOUN", "NNS", "dobj", 2),
            ("from", "from", "ADP", "IN", "prep", 3),
            ("the", "the", "DET", "DT", "det", 7),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 7),
            ("government", "government", "NOUN", "NN", "pobj", 4),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "03", False, False)}


def test_agentless_arrest_of_a_named_person_is_by_his_home_state() -> None:
    # "Anwar Ibrahim was detained." (no state named) -> MYS -> MYS 17
    events = code(
        [
            ("Anwar", "Anwar", P, "NNP", "compound", 1),
            ("Ibrahim", "Ibrahim", P, "NNP", "nsubjpass", 3),
            ("was", "be", "AUX", "VBD", "auxpass", 3),
            ("detained", "detain", "VERB", "VBN", "ROOT", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ],
        date="2010-01-01",
    )
    assert keys(events) == {("MYS", "MYS", "17", False, False)}


def test_relative_clause_of_a_controlled_event_noun() -> None:
    # "Israel eased an offensive that has killed Palestinians."
    events = code(
        [
            ("Israel", "Israel", P, "NNP", "nsubj", 1),
            ("eased", "ease", "VERB", "VBD", "ROOT", 1),
            ("an", "an", "DET", "DT", "det", 3),
            ("offensive", "offensive", "NOUN", "NN", "dobj", 1),
            ("that", "that", "PRON", "WDT", "nsubj", 6),
            ("has", "have", "AUX", "VBZ", "aux", 6),
            ("killed", "kill", "VERB", "VBN", "relcl", 3),
            ("Palestinians", "Palestinians", P, "NNPS", "dobj", 6),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert ("ISR", "PSE", "18", False, False) in keys(events)


def test_definite_event_noun_continues_the_event_told_before() -> None:
    # "Iran arrested Iraqi diplomats. The arrest of the diplomats angered Baghdad."
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("arrested", "arrest", "VERB", "VBD", "ROOT", 1),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 3),
            ("diplomats", "diplomat", "NOUN", "NNS", "dobj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
            ("The", "the", "DET", "DT", "det", 6),
            ("arrest", "arrest", "NOUN", "NN", "nsubj", 10),
            ("of", "of", "ADP", "IN", "prep", 6),
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 9),
            ("diplomats", "diplomat", "NOUN", "NNS", "pobj", 7),
            ("worried", "worry", "VERB", "VBD", "ROOT", 10),
            ("Baghdad", "Baghdad", P, "NNP", "dobj", 10),
            (".", ".", "PUNCT", ".", "punct", 10),
        ]
    )
    assert keys(events) == {("IRN", "IRQ", "17", False, False)}


def test_wanting_to_act_is_intent() -> None:
    # "Iran wants to help Iraq." -> 03 ; "Iran wants to attack Iraq." -> 13
    def rows(verb: str, lemma: str) -> list[tuple]:
        return [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("wants", "want", "VERB", "VBZ", "ROOT", 1),
            ("to", "to", "PART", "TO", "aux", 3),
            (verb, lemma, "VERB", "VB", "xcomp", 1),
            ("Iraq", "Iraq", P, "NNP", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]

    assert keys(code(rows("help", "help"))) == {("IRN", "IRQ", "03", False, False)}
    assert keys(code(rows("attack", "attack"))) == {("IRN", "IRQ", "13", False, False)}


def test_partitive_and_predicative_light_verb() -> None:
    # "Iraqi judges found five of the Iranian soldiers guilty."
    events = code(
        [
            ("Iraqi", "iraqi", "ADJ", "JJ", "amod", 1),
            ("judges", "judge", "NOUN", "NNS", "nsubj", 2),
            ("found", "find", "VERB", "VBD", "ROOT", 2),
            ("five", "five", "NUM", "CD", "dobj", 2),
            ("of", "of", "ADP", "IN", "prep", 3),
            ("the", "the", "DET", "DT", "det", 7),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 7),
            ("soldiers", "soldier", "NOUN", "NNS", "pobj", 4),
            ("guilty", "guilty", "ADJ", "JJ", "oprd", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("IRQ", "IRN", "11", False, False)}


def test_joint_exercises_are_no_ones_by_the_story_alone() -> None:
    # "Jordan and Britain agreed to hold joint military exercises." -> JOR <-> GBR 03
    events = code(
        [
            ("Jordan", "Jordan", P, "NNP", "nsubj", 3),
            ("and", "and", "CCONJ", "CC", "cc", 0),
            ("Britain", "Britain", P, "NNP", "conj", 0),
            ("agreed", "agree", "VERB", "VBD", "ROOT", 3),
            ("to", "to", "PART", "TO", "aux", 5),
            ("stage", "stage", "VERB", "VB", "xcomp", 3),
            ("joint", "joint", "ADJ", "JJ", "amod", 8),
            ("military", "military", "ADJ", "JJ", "amod", 8),
            ("exercises", "exercise", "NOUN", "NNS", "dobj", 5),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert {(e.source, e.target, e.root) for e in events} in (
        {("JOR", "GBR", "03")},
        {("GBR", "JOR", "03")},
    )


def test_leaders_of_a_states_government() -> None:
    # "Iran held talks with leaders of Iraq's new government."
    events = code(
        [
            ("Iran", "Iran", P, "NNP", "nsubj", 1),
            ("held", "hold", "VERB", "VBD", "ROOT", 1),
            ("talks", "talk", "NOUN", "NNS", "dobj", 1),
            ("with", "with", "ADP", "IN", "prep", 1),
            ("leaders", "leader", "NOUN", "NNS", "pobj", 3),
            ("of", "of", "ADP", "IN", "prep", 4),
            ("Iraq", "Iraq", P, "NNP", "poss", 9),
            ("'s", "'s", "PART", "POS", "case", 6),
            ("new", "new", "ADJ", "JJ", "amod", 9),
            ("government", "government", "NOUN", "NN", "pobj", 5),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert {(e.source, e.target, e.root) for e in events} == {("IRN", "IRQ", "04")}


def test_group_partitive_and_frame_head_objects() -> None:
    # "A group of Iranian diplomats launched a mediation effort between Iraq and Kuwait."
    events = code(
        [
            ("A", "a", "DET", "DT", "det", 1),
            ("group", "group", "NOUN", "NN", "nsubj", 5),
            ("of", "of", "ADP", "IN", "prep", 1),
            ("Iranian", "iranian", "ADJ", "JJ", "amod", 4),
            ("diplomats", "diplomat", "NOUN", "NNS", "pobj", 2),
            ("launched", "launch", "VERB", "VBD", "ROOT", 5),
            ("a", "a", "DET", "DT", "det", 8),
            ("mediation", "mediation", "NOUN", "NN", "compound", 8),
            ("effort", "effort", "NOUN", "NN", "dobj", 5),
            ("between", "between", "ADP", "IN", "prep", 8),
            ("Iraq", "Iraq", P, "NNP", "pobj", 9),
            ("and", "and", "CCONJ", "CC", "cc", 10),
            ("Kuwait", "Kuwait", P, "NNP", "conj", 10),
            (".", ".", "PUNCT", ".", "punct", 5),
        ]
    )
    assert {(e.source, e.target, e.root) for e in events} == {("IRN", "IRQ", "04"), ("IRN", "KWT", "04")}


def test_a_threat_is_aimed_at_who_must_avert_it() -> None:
    # "Russia threatened to stop talks if the Americans deploy missiles."
    events = code(
        [
            ("Russia", "Russia", P, "NNP", "nsubj", 1),
            ("threatened", "threaten", "VERB", "VBD", "ROOT", 1),
            ("to", "to", "PART", "TO", "aux", 3),
            ("stop", "stop", "VERB", "VB", "xcomp", 1),
            ("talks", "talk", "NOUN", "NNS", "dobj", 3),
            ("if", "if", "SCONJ", "IN", "mark", 8),
            ("the", "the", "DET", "DT", "det", 7),
            ("Americans", "Americans", P, "NNPS", "nsubj", 8),
            ("deploy", "deploy", "VERB", "VBP", "advcl", 3),
            ("missiles", "missile", "NOUN", "NNS", "dobj", 8),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert ("RUS", "USA", "13", False, False) in keys(events)


def test_named_body_as_a_noun_modifier() -> None:
    # "The Hamas movement attacked Israel."
    events = code(
        [
            ("The", "the", "DET", "DT", "det", 2),
            ("Hamas", "Hamas", P, "NNP", "compound", 2),
            ("movement", "movement", "NOUN", "NN", "nsubj", 3),
            ("attacked", "attack", "VERB", "VBD", "ROOT", 3),
            ("Israel", "Israel", P, "NNP", "dobj", 3),
            (".", ".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert keys(events) == {("PSE", "ISR", "19", False, False)}


def test_promise_through_a_control_verb_finds_the_target() -> None:
    # "Britain promised to continue military aid to Mozambique."
    events = code(
        [
            ("Britain", "Britain", P, "NNP", "nsubj", 1),
            ("promised", "promise", "VERB", "VBD", "ROOT", 1),
            ("to", "to", "PART", "TO", "aux", 3),
            ("continue", "continue", "VERB", "VB", "xcomp", 1),
            ("military", "military", "ADJ", "JJ", "amod", 5),
            ("aid", "aid", "NOUN", "NN", "dobj", 3),
            ("to", "to", "ADP", "IN", "prep", 5),
            ("Mozambique", "Mozambique", P, "NNP", "pobj", 6),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert ("GBR", "MOZ", "03", False, False) in keys(events)


def test_protesters_blocking_roads_protest() -> None:
    # "Algerian protesters blocked the government." -> DZA -> DZA 14 (senses.tsv)
    events = code(
        [
            ("Algerian", "algerian", "ADJ", "JJ", "amod", 1),
            ("protesters", "protester", "NOUN", "NNS", "nsubj", 2),
            ("blocked", "block", "VERB", "VBD", "ROOT", 2),
            ("the", "the", "DET", "DT", "det", 4),
            ("government", "government", "NOUN", "NN", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("DZA", "DZA", "14", False, False)}


def test_purpose_infinitive_chain_is_not_realised() -> None:
    # "Norway sent material to help defend Iraq." -> the defence is hypothetical
    events = code(
        [
            ("Norway", "Norway", P, "NNP", "nsubj", 1),
            ("sent", "send", "VERB", "VBD", "ROOT", 1),
            ("material", "material", "NOUN", "NN", "dobj", 1),
            ("to", "to", "PART", "TO", "aux", 4),
            ("help", "help", "VERB", "VB", "advcl", 1),
            ("defend", "defend", "VERB", "VB", "xcomp", 4),
            ("Iraq", "Iraq", P, "NNP", "dobj", 5),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert all(e.hypothetical for e in events if e.evidence.trigger.startswith("defend"))
    assert any(e.evidence.trigger.startswith("defend") for e in events)


def test_a_demand_with_no_addressee_is_made_at_home() -> None:
    # "Serbian protesters demanded autonomy." -> SRB -> SRB 10 (the place's authorities)
    events = code(
        [
            ("Serbian", "serbian", "ADJ", "JJ", "amod", 1),
            ("protesters", "protester", "NOUN", "NNS", "nsubj", 2),
            ("demanded", "demand", "VERB", "VBD", "ROOT", 2),
            ("autonomy", "autonomy", "NOUN", "NN", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]
    )
    assert keys(events) == {("SRB", "SRB", "10", False, False)}


def test_refusal_with_no_one_named_is_made_at_home_but_rejecting_a_claim_is_not() -> None:
    # "Kenyan ministers rejected the budget." -> KEN -> KEN 12 ; "... rejected the suggestion." -> none
    def rows(noun: str) -> list[tuple]:
        return [
            ("Kenyan", "kenyan", "ADJ", "JJ", "amod", 1),
            ("ministers", "minister", "NOUN", "NNS", "nsubj", 2),
            ("rejected", "reject", "VERB", "VBD", "ROOT", 2),
            ("the", "the", "DET", "DT", "det", 4),
            (noun, noun, "NOUN", "NN", "dobj", 2),
            (".", ".", "PUNCT", ".", "punct", 2),
        ]

    assert keys(code(rows("budget"))) == {("KEN", "KEN", "12", False, False)}
    assert keys(code(rows("suggestion"))) == set()
