"""Coder: casualties of military acts, compass words, places of events, object control of "for"
gerunds, offered things, ill-cased names, "of" titles and armed-group coreference.

Every document is a hand-built parse (the rows the spaCy model gives, mis-parses included), so no
model is loaded.
"""

from __future__ import annotations

from detente.actors.resolver import DocActors

from .conftest import make_doc
from .test_coder_frames import P, code, keys


def test_killed_in_shelling_is_the_shelling_on_the_place() -> None:
    # "Four children were killed in Israeli shelling in the Gaza Strip." (shelling parsed as a
    # clause and "Israeli" as the object of "in")
    rows = [
        ("Four", "four", "NUM", "CD", "nummod", 1),
        ("children", "child", "NOUN", "NNS", "nsubjpass", 3),
        ("were", "be", "AUX", "VBD", "auxpass", 3),
        ("killed", "kill", "VERB", "VBN", "ROOT", 3),
        ("in", "in", "ADP", "IN", "prep", 3),
        ("Israeli", "Israeli", P, "NNP", "pobj", 4),
        ("shelling", "shell", "VERB", "VBG", "advcl", 3),
        ("in", "in", "ADP", "IN", "prep", 6),
        ("the", "the", "DET", "DT", "det", 10),
        ("Gaza", "Gaza", P, "NNP", "compound", 10),
        ("Strip", "Strip", P, "NNP", "pobj", 7),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    events = code(rows)
    assert keys(events) == {("ISR", "PSE", "19", False, False)}
    assert "read as 194" in events[0].evidence.pattern


def test_killed_in_tank_shelling_misparse_keeps_the_attacker() -> None:
    # "Four children were killed in Israeli tank shelling in the Gaza Strip."
    rows = [
        ("Four", "four", "NUM", "CD", "nummod", 1),
        ("children", "child", "NOUN", "NNS", "nsubjpass", 3),
        ("were", "be", "AUX", "VBD", "auxpass", 3),
        ("killed", "kill", "VERB", "VBN", "ROOT", 3),
        ("in", "in", "ADP", "IN", "prep", 3),
        ("Israeli", "israeli", "ADJ", "JJ", "amod", 6),
        ("tank", "tank", "NOUN", "NN", "pobj", 4),
        ("shelling", "shell", "VERB", "VBG", "advcl", 3),
        ("in", "in", "ADP", "IN", "prep", 7),
        ("the", "the", "DET", "DT", "det", 11),
        ("Gaza", "Gaza", P, "NNP", "compound", 11),
        ("Strip", "Strip", P, "NNP", "pobj", 8),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    assert keys(code(rows)) == {("ISR", "PSE", "19", False, False)}


def test_killed_in_a_bombing_stays_an_assault() -> None:
    # "Five Israelis were killed in a Hamas bombing."
    rows = [
        ("Five", "five", "NUM", "CD", "nummod", 1),
        ("Israelis", "Israelis", P, "NNPS", "nsubjpass", 3),
        ("were", "be", "AUX", "VBD", "auxpass", 3),
        ("killed", "kill", "VERB", "VBN", "ROOT", 3),
        ("in", "in", "ADP", "IN", "prep", 3),
        ("a", "a", "DET", "DT", "det", 7),
        ("Hamas", "Hamas", P, "NNP", "compound", 7),
        ("bombing", "bombing", "NOUN", "NN", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    found = keys(code(rows))
    assert ("PSE", "ISR", "18", False, False) in found
    assert not any(k[2] == "19" for k in found)


def test_unplaced_victims_are_not_the_attackers_own() -> None:
    # "Israeli troops killed three civilians." (no place named: the victims are unknown)
    rows = [
        ("Israeli", "israeli", "ADJ", "JJ", "amod", 1),
        ("troops", "troop", "NOUN", "NNS", "nsubj", 2),
        ("killed", "kill", "VERB", "VBD", "ROOT", 2),
        ("three", "three", "NUM", "CD", "nummod", 4),
        ("civilians", "civilian", "NOUN", "NNS", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == set()


def test_a_compass_word_parsed_as_the_head_gives_way_to_its_noun() -> None:
    # "The United States launched an air strike against an Islamic State target southwest of Baghdad."
    rows = [
        ("The", "the", "DET", "DT", "det", 2),
        ("United", "United", P, "NNP", "compound", 2),
        ("States", "States", P, "NNP", "nsubj", 3),
        ("launched", "launch", "VERB", "VBD", "ROOT", 3),
        ("an", "an", "DET", "DT", "det", 6),
        ("air", "air", "NOUN", "NN", "compound", 6),
        ("strike", "strike", "NOUN", "NN", "dobj", 3),
        ("against", "against", "ADP", "IN", "prep", 6),
        ("an", "an", "DET", "DT", "det", 12),
        ("Islamic", "Islamic", P, "NNP", "compound", 10),
        ("State", "State", P, "NNP", "compound", 11),
        ("target", "target", "NOUN", "NN", "compound", 12),
        ("southwest", "southwest", "NOUN", "NN", "pobj", 7),
        ("of", "of", "ADP", "IN", "prep", 12),
        ("Baghdad", "Baghdad", P, "NNP", "pobj", 13),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    assert keys(code(rows)) == {("USA", "IS", "19", False, False)}


def test_a_claimed_attack_in_a_city_is_aimed_at_its_state() -> None:
    # "Al-Shabab claimed responsibility for an attack at a mall in Nairobi."
    rows = [
        ("Al", "Al", P, "NNP", "compound", 2),
        ("-", "-", "PUNCT", "HYPH", "punct", 2),
        ("Shabab", "Shabab", P, "NNP", "nsubj", 3),
        ("claimed", "claim", "VERB", "VBD", "ROOT", 3),
        ("responsibility", "responsibility", "NOUN", "NN", "dobj", 3),
        ("for", "for", "ADP", "IN", "prep", 4),
        ("an", "an", "DET", "DT", "det", 7),
        ("attack", "attack", "NOUN", "NN", "pobj", 5),
        ("at", "at", "ADP", "IN", "prep", 7),
        ("a", "a", "DET", "DT", "det", 10),
        ("mall", "mall", "NOUN", "NN", "pobj", 8),
        ("in", "in", "ADP", "IN", "prep", 10),
        ("Nairobi", "Nairobi", P, "NNP", "pobj", 11),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    assert keys(code(rows)) == {("SOM", "KEN", "01", False, False)}


def test_the_one_praised_for_doing_it_did_it() -> None:
    # "The US praised Pakistan for helping Afghanistan."
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("US", "US", P, "NNP", "nsubj", 2),
        ("praised", "praise", "VERB", "VBD", "ROOT", 2),
        ("Pakistan", "Pakistan", P, "NNP", "dobj", 2),
        ("for", "for", "ADP", "IN", "prep", 2),
        ("helping", "help", "VERB", "VBG", "pcomp", 4),
        ("Afghanistan", "Afghanistan", P, "NNP", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("USA", "PAK", "05", False, False), ("PAK", "AFG", "07", False, False)}


def test_support_offered_is_an_offer_only() -> None:
    # "The US offered military support to Lebanon."
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("US", "US", P, "NNP", "nsubj", 2),
        ("offered", "offer", "VERB", "VBD", "ROOT", 2),
        ("military", "military", "ADJ", "JJ", "amod", 4),
        ("support", "support", "NOUN", "NN", "dobj", 2),
        ("to", "to", "ADP", "IN", "prep", 2),
        ("Lebanon", "Lebanon", P, "NNP", "pobj", 5),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("USA", "LBN", "03", False, False)}


def test_ill_cased_names_are_actors_but_ordinary_words_are_not() -> None:
    # "Syrian forces clashed with tunisian rioters."
    rows = [
        ("Syrian", "syrian", "ADJ", "JJ", "amod", 1),
        ("forces", "force", "NOUN", "NNS", "nsubj", 2),
        ("clashed", "clash", "VERB", "VBD", "ROOT", 2),
        ("with", "with", "ADP", "IN", "prep", 2),
        ("tunisian", "tunisian", "ADJ", "JJ", "amod", 5),
        ("rioters", "rioter", "NOUN", "NNS", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert {(k[0], k[1], k[2]) for k in keys(code(rows))} == {("SYR", "TUN", "19")}
    mixed = make_doc([("iSrael", "iSrael", P, "NNP", "ROOT", 0)])
    assert [m.entry.code for m in DocActors(mixed).mentions] == ["ISR"]
    words = make_doc(
        [
            ("turkey", "turkey", "NOUN", "NN", "nsubj", 1),
            ("and", "and", "CCONJ", "CC", "cc", 0),
            ("french", "french", "ADJ", "JJ", "amod", 3),
            ("fries", "fry", "NOUN", "NNS", "conj", 0),
            ("obama", "obama", "NOUN", "NN", "appos", 0),
        ]
    )
    assert DocActors(words, "2015-06-01").mentions == []
    titled = make_doc(
        [("President", "President", P, "NNP", "compound", 1), ("obama", "obama", P, "NNP", "ROOT", 1)]
    )
    assert [m.entry.code for m in DocActors(titled, "2015-06-01").mentions] == ["USA"]


def test_an_of_title_is_read_from_its_first_word() -> None:
    # "The US Secretary of State met Iran's foreign minister."
    rows = [
        ("The", "the", "DET", "DT", "det", 2),
        ("US", "US", P, "NNP", "nmod", 2),
        ("Secretary", "Secretary", P, "NNP", "nsubj", 5),
        ("of", "of", "ADP", "IN", "prep", 2),
        ("State", "State", P, "NNP", "pobj", 3),
        ("met", "meet", "VERB", "VBD", "ROOT", 5),
        ("Iran", "Iran", P, "NNP", "poss", 9),
        ("'s", "'s", "PART", "POS", "case", 6),
        ("foreign", "foreign", "ADJ", "JJ", "amod", 9),
        ("minister", "minister", "NOUN", "NN", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 5),
    ]
    found = {(k[0], k[1]) for k in keys(code(rows)) if k[2] == "04"}
    assert found & {("USA", "IRN"), ("IRN", "USA")}


def test_the_militant_group_is_the_armed_organisation_named_before() -> None:
    # "Hamas said the militant group has seized parts of Israel."
    rows = [
        ("Hamas", "Hamas", P, "NNP", "nsubj", 1),
        ("said", "say", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 4),
        ("militant", "militant", "ADJ", "JJ", "amod", 4),
        ("group", "group", "NOUN", "NN", "nsubj", 6),
        ("has", "have", "AUX", "VBZ", "aux", 6),
        ("seized", "seize", "VERB", "VBN", "ccomp", 1),
        ("parts", "part", "NOUN", "NNS", "dobj", 6),
        ("of", "of", "ADP", "IN", "prep", 7),
        ("Israel", "Israel", P, "NNP", "pobj", 8),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("PSE", "ISR", "19", False, False)}


def test_sympathy_for_a_tragedy_at_home_is_an_empathetic_comment() -> None:
    # "President Obama expressed sorrow for the shootings in South Carolina."
    rows = [
        ("President", "President", P, "NNP", "compound", 1),
        ("Obama", "Obama", P, "NNP", "nsubj", 2),
        ("expressed", "express", "VERB", "VBD", "ROOT", 2),
        ("sorrow", "sorrow", "NOUN", "NN", "dobj", 2),
        ("for", "for", "ADP", "IN", "prep", 3),
        ("the", "the", "DET", "DT", "det", 6),
        ("shootings", "shooting", "NOUN", "NNS", "pobj", 4),
        ("in", "in", "ADP", "IN", "prep", 6),
        ("South", "South", P, "NNP", "compound", 9),
        ("Carolina", "Carolina", P, "NNP", "pobj", 7),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    events = code(rows, date="2015-06-18")
    assert keys(events) == {("USA", "USA", "01", False, False)}
    assert events[0].cameo == "018"


def test_assurances_received_are_given_by_the_giver() -> None:
    # "Georgian protesters received assurances from the Georgian government."
    rows = [
        ("Georgian", "georgian", "ADJ", "JJ", "amod", 1),
        ("protesters", "protester", "NOUN", "NNS", "nsubj", 2),
        ("received", "receive", "VERB", "VBD", "ROOT", 2),
        ("assurances", "assurance", "NOUN", "NNS", "dobj", 2),
        ("from", "from", "ADP", "IN", "prep", 2),
        ("the", "the", "DET", "DT", "det", 7),
        ("Georgian", "georgian", "ADJ", "JJ", "amod", 7),
        ("government", "government", "NOUN", "NN", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("GEO", "GEO", "03", False, False)}


def test_a_group_hyphen_linked_to_an_organisation_is_its() -> None:
    # "Al-Qaeda-linked rebels kidnapped dozens of UN peacekeepers."
    rows = [
        ("Al", "Al", P, "NNP", "npadvmod", 4),
        ("-", "-", "PUNCT", "HYPH", "punct", 4),
        ("Qaeda", "Qaeda", P, "NNP", "npadvmod", 4),
        ("-", "-", "PUNCT", "HYPH", "punct", 4),
        ("linked", "link", "VERB", "VBN", "amod", 5),
        ("rebels", "rebel", "NOUN", "NNS", "nsubj", 6),
        ("kidnapped", "kidnap", "VERB", "VBD", "ROOT", 6),
        ("dozens", "dozen", "NOUN", "NNS", "dobj", 6),
        ("of", "of", "ADP", "IN", "prep", 7),
        ("UN", "UN", P, "NNP", "compound", 10),
        ("peacekeepers", "peacekeeper", "NOUN", "NNS", "pobj", 8),
        (".", ".", "PUNCT", ".", "punct", 6),
    ]
    assert keys(code(rows)) == {("AQ", "UN", "18", False, False)}


def test_the_one_accused_of_doing_it_did_it() -> None:
    # "Karzai accused Pakistan of harbouring Taliban militants."
    rows = [
        ("Karzai", "Karzai", P, "NNP", "nsubj", 1),
        ("accused", "accuse", "VERB", "VBD", "ROOT", 1),
        ("Pakistan", "Pakistan", P, "NNP", "dobj", 1),
        ("of", "of", "ADP", "IN", "prep", 1),
        ("harbouring", "harbour", "VERB", "VBG", "pcomp", 3),
        ("Taliban", "Taliban", P, "NNP", "compound", 6),
        ("militants", "militant", "NOUN", "NNS", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    found = {(k[0], k[1], k[2]) for k in keys(code(rows))}
    assert ("AFG", "PAK", "11") in found
    assert ("PAK", "AFG", "07") in found
    assert not any(s == t == "AFG" for s, t, _ in found)


def test_marching_to_protest_is_protesting() -> None:
    # "Thousands of Iraqis marched through Baghdad to protest against the US occupation."
    rows = [
        ("Thousands", "thousand", "NOUN", "NNS", "nsubj", 3),
        ("of", "of", "ADP", "IN", "prep", 0),
        ("Iraqis", "Iraqis", P, "NNPS", "pobj", 1),
        ("marched", "march", "VERB", "VBD", "ROOT", 3),
        ("through", "through", "ADP", "IN", "prep", 3),
        ("Baghdad", "Baghdad", P, "NNP", "pobj", 4),
        ("to", "to", "PART", "TO", "aux", 7),
        ("protest", "protest", "VERB", "VB", "advcl", 3),
        ("against", "against", "ADP", "IN", "prep", 7),
        ("the", "the", "DET", "DT", "det", 11),
        ("US", "US", P, "NNP", "compound", 11),
        ("occupation", "occupation", "NOUN", "NN", "pobj", 8),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    assert ("IRQ", "USA", "14", False, False) in keys(code(rows))


def test_the_means_of_an_intended_act_is_only_intended() -> None:
    # "Officers plotted to overthrow President Obasanjo by firing a rocket at his helicopter."
    rows = [
        ("Nigerian", "nigerian", "ADJ", "JJ", "amod", 1),
        ("officers", "officer", "NOUN", "NNS", "nsubj", 2),
        ("plotted", "plot", "VERB", "VBD", "ROOT", 2),
        ("to", "to", "PART", "TO", "aux", 4),
        ("overthrow", "overthrow", "VERB", "VB", "xcomp", 2),
        ("President", "President", P, "NNP", "compound", 6),
        ("Obasanjo", "Obasanjo", P, "NNP", "dobj", 4),
        ("by", "by", "ADP", "IN", "prep", 2),
        ("firing", "fire", "VERB", "VBG", "pcomp", 7),
        ("a", "a", "DET", "DT", "det", 10),
        ("rocket", "rocket", "NOUN", "NN", "dobj", 8),
        ("at", "at", "ADP", "IN", "prep", 8),
        ("his", "his", "PRON", "PRP$", "poss", 13),
        ("helicopter", "helicopter", "NOUN", "NN", "pobj", 11),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    events = code(rows)
    assert events and all(e.hypothetical for e in events)


def test_rejecting_an_offer_from_no_one_named_is_aimed_at_no_one() -> None:
    # "Iran rejected a European offer." (not a refusal made at home)
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 1),
        ("rejected", "reject", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 4),
        ("European", "european", "ADJ", "JJ", "amod", 4),
        ("offer", "offer", "NOUN", "NN", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == set()


def test_a_story_naming_only_one_states_people_happens_there() -> None:
    # "Blunkett criticised the government." (no state named: Blunkett's own)
    rows = [
        ("Blunkett", "Blunkett", P, "NNP", "nsubj", 1),
        ("criticised", "criticise", "VERB", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 3),
        ("government", "government", "NOUN", "NN", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("GBR", "GBR", "11", False, False)}


def test_a_one_word_name_ending_an_unknown_longer_name_is_not_that_actor() -> None:
    # "The Trades Union Congress criticised the government."
    rows = [
        ("The", "the", "DET", "DT", "det", 3),
        ("Trades", "Trades", P, "NNPS", "compound", 3),
        ("Union", "Union", P, "NNP", "compound", 3),
        ("Congress", "Congress", P, "NNP", "nsubj", 4),
        ("criticised", "criticise", "VERB", "VBD", "ROOT", 4),
        ("the", "the", "DET", "DT", "det", 6),
        ("government", "government", "NOUN", "NN", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 4),
    ]
    doc = make_doc(rows)
    assert DocActors(doc, "2005-01-01").mentions == []
    assert keys(code(rows)) == set()


def test_telling_someone_to_act_is_an_appeal() -> None:
    # "China told Australia to stop interfering." (not a plain statement)
    rows = [
        ("China", "China", P, "NNP", "nsubj", 1),
        ("told", "tell", "VERB", "VBD", "ROOT", 1),
        ("Australia", "Australia", P, "NNP", "dobj", 1),
        ("to", "to", "PART", "TO", "aux", 4),
        ("stop", "stop", "VERB", "VB", "xcomp", 1),
        ("interfering", "interfere", "VERB", "VBG", "xcomp", 4),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("CHN", "AUS", "02", False, False)}


def test_a_passive_recipient_with_the_agent_hung_on_the_object() -> None:
    # "Egypt was granted aid by the US." / "Iraq was promised aid by Japan."
    granted = [
        ("Egypt", "Egypt", P, "NNP", "nsubjpass", 2),
        ("was", "be", "AUX", "VBD", "auxpass", 2),
        ("granted", "grant", "VERB", "VBN", "ROOT", 2),
        ("aid", "aid", "NOUN", "NN", "dobj", 2),
        ("by", "by", "ADP", "IN", "prep", 3),
        ("the", "the", "DET", "DT", "det", 6),
        ("US", "US", P, "NNP", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(granted)) == {("USA", "EGY", "07", False, False)}
    promised = [
        ("Iraq", "Iraq", P, "NNP", "nsubjpass", 2),
        ("was", "be", "AUX", "VBD", "auxpass", 2),
        ("promised", "promise", "VERB", "VBN", "ROOT", 2),
        ("aid", "aid", "NOUN", "NN", "dobj", 2),
        ("by", "by", "ADP", "IN", "prep", 3),
        ("Japan", "Japan", P, "NNP", "pobj", 4),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(promised)) == {("JPN", "IRQ", "03", False, False)}


def test_a_person_attacking_a_person_criticises() -> None:
    # "Bush attacked Kerry over his record."
    rows = [
        ("Bush", "Bush", P, "NNP", "nsubj", 1),
        ("attacked", "attack", "VERB", "VBD", "ROOT", 1),
        ("Kerry", "Kerry", P, "NNP", "dobj", 1),
        ("over", "over", "ADP", "IN", "prep", 1),
        ("his", "his", "PRON", "PRP$", "poss", 5),
        ("record", "record", "NOUN", "NN", "pobj", 3),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    events = code(rows)
    assert keys(events) == {("USA", "USA", "11", False, False)}
    assert "read as 111" in events[0].evidence.pattern


def test_unnamed_gunmen_act_in_the_state_where_they_struck() -> None:
    # "Gunmen abducted a Turkish driver in northern Iraq." (not Turkey, the first state named)
    rows = [
        ("Gunmen", "gunman", "NOUN", "NNS", "nsubj", 1),
        ("abducted", "abduct", "VERB", "VBD", "ROOT", 1),
        ("a", "a", "DET", "DT", "det", 4),
        ("Turkish", "turkish", "ADJ", "JJ", "amod", 4),
        ("driver", "driver", "NOUN", "NN", "dobj", 1),
        ("in", "in", "ADP", "IN", "prep", 4),
        ("northern", "northern", "ADJ", "JJ", "amod", 7),
        ("Iraq", "Iraq", P, "NNP", "pobj", 5),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("IRQ", "TUR", "18", False, False)}


def test_a_government_and_its_rebels_are_two_sides() -> None:
    # "Sudan's government and rebels signed a ceasefire deal."
    rows = [
        ("Sudan", "Sudan", P, "NNP", "poss", 2),
        ("'s", "'s", "PART", "POS", "case", 0),
        ("government", "government", "NOUN", "NN", "nsubj", 5),
        ("and", "and", "CCONJ", "CC", "cc", 2),
        ("rebels", "rebel", "NOUN", "NNS", "conj", 2),
        ("signed", "sign", "VERB", "VBD", "ROOT", 5),
        ("a", "a", "DET", "DT", "det", 8),
        ("ceasefire", "ceasefire", "NOUN", "NN", "compound", 8),
        ("deal", "deal", "NOUN", "NN", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 5),
    ]
    assert keys(code(rows)) == {("SDN", "SDN", "05", False, False)}


def test_a_deal_framing_a_clause_is_with_its_subject() -> None:
    # "Iran agreed to freeze enrichment under a deal with Britain and France."
    rows = [
        ("Iran", "Iran", P, "NNP", "nsubj", 1),
        ("agreed", "agree", "VERB", "VBD", "ROOT", 1),
        ("to", "to", "PART", "TO", "aux", 3),
        ("freeze", "freeze", "VERB", "VB", "xcomp", 1),
        ("enrichment", "enrichment", "NOUN", "NN", "dobj", 3),
        ("under", "under", "ADP", "IN", "prep", 3),
        ("a", "a", "DET", "DT", "det", 7),
        ("deal", "deal", "NOUN", "NN", "pobj", 5),
        ("with", "with", "ADP", "IN", "prep", 7),
        ("Britain", "Britain", P, "NNP", "pobj", 8),
        ("and", "and", "CCONJ", "CC", "cc", 9),
        ("France", "France", P, "NNP", "conj", 9),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    deals = {(k[0], k[1]) for k in keys(code(rows)) if k[2] == "05"}
    assert deals == {("IRN", "GBR"), ("IRN", "FRA")}


def test_an_army_bombing_rebels_at_home_is_a_domestic_fight() -> None:
    # "The army bombed rebel positions in Sudan."
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("army", "army", "NOUN", "NN", "nsubj", 2),
        ("bombed", "bomb", "VERB", "VBD", "ROOT", 2),
        ("rebel", "rebel", "NOUN", "NN", "compound", 4),
        ("positions", "position", "NOUN", "NNS", "dobj", 2),
        ("in", "in", "ADP", "IN", "prep", 4),
        ("Sudan", "Sudan", P, "NNP", "pobj", 5),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("SDN", "SDN", "19", False, False)}


def test_refusing_talks_with_no_partner_named_is_not_made_at_home() -> None:
    # "North Korea refused to return to the six-party talks." ("six-party" owns nothing)
    rows = [
        ("North", "North", P, "NNP", "compound", 1),
        ("Korea", "Korea", P, "NNP", "nsubj", 2),
        ("refused", "refuse", "VERB", "VBD", "ROOT", 2),
        ("to", "to", "PART", "TO", "aux", 4),
        ("return", "return", "VERB", "VB", "xcomp", 2),
        ("to", "to", "ADP", "IN", "prep", 4),
        ("the", "the", "DET", "DT", "det", 10),
        ("six", "six", "NUM", "CD", "nummod", 9),
        ("-", "-", "PUNCT", "HYPH", "punct", 9),
        ("party", "party", "NOUN", "NN", "compound", 10),
        ("talks", "talk", "NOUN", "NNS", "pobj", 5),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == set()


def test_pulling_troops_out_of_a_state_is_a_retreat_from_it() -> None:
    # "Spain pulled its troops out of Iraq." ("out of" parsed as two prepositions)
    rows = [
        ("Spain", "Spain", P, "NNP", "nsubj", 1),
        ("pulled", "pull", "VERB", "VBD", "ROOT", 1),
        ("its", "its", "PRON", "PRP$", "poss", 3),
        ("troops", "troop", "NOUN", "NNS", "dobj", 1),
        ("out", "out", "ADP", "IN", "prep", 1),
        ("of", "of", "ADP", "IN", "prep", 4),
        ("Iraq", "Iraq", P, "NNP", "pobj", 5),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    assert keys(code(rows)) == {("ESP", "IRQ", "08", False, False)}


def test_a_cancelled_visit_did_not_happen() -> None:
    # "A visit by the Chinese premier to Japan was cancelled."
    rows = [
        ("A", "a", "DET", "DT", "det", 1),
        ("visit", "visit", "NOUN", "NN", "nsubjpass", 9),
        ("by", "by", "ADP", "IN", "prep", 1),
        ("the", "the", "DET", "DT", "det", 5),
        ("Chinese", "chinese", "ADJ", "JJ", "amod", 5),
        ("premier", "premier", "NOUN", "NN", "pobj", 2),
        ("to", "to", "ADP", "IN", "prep", 1),
        ("Japan", "Japan", P, "NNP", "pobj", 6),
        ("was", "be", "AUX", "VBD", "auxpass", 9),
        ("cancelled", "cancel", "VERB", "VBN", "ROOT", 9),
        (".", ".", "PUNCT", ".", "punct", 9),
    ]
    assert keys(code(rows)) == {("CHN", "JPN", "04", True, False)}


def test_a_recipient_parsed_as_a_compound_of_the_object() -> None:
    # "The EU offered Turkey membership talks."
    rows = [
        ("The", "the", "DET", "DT", "det", 1),
        ("EU", "EU", P, "NNP", "nsubj", 2),
        ("offered", "offer", "VERB", "VBD", "ROOT", 2),
        ("Turkey", "Turkey", P, "NNP", "compound", 5),
        ("membership", "membership", "NOUN", "NN", "compound", 5),
        ("talks", "talk", "NOUN", "NNS", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("EU", "TUR", "03", False, False)}


def test_people_placed_only_by_the_story_are_of_the_place_of_the_act() -> None:
    # "Israeli troops raided a refugee camp in Gaza, arresting five militants."
    rows = [
        ("Israeli", "israeli", "ADJ", "JJ", "amod", 1),
        ("troops", "troop", "NOUN", "NNS", "nsubj", 2),
        ("raided", "raid", "VERB", "VBD", "ROOT", 2),
        ("a", "a", "DET", "DT", "det", 5),
        ("refugee", "refugee", "NOUN", "NN", "compound", 5),
        ("camp", "camp", "NOUN", "NN", "dobj", 2),
        ("in", "in", "ADP", "IN", "prep", 2),
        ("Gaza", "Gaza", P, "NNP", "pobj", 6),
        (",", ",", "PUNCT", ",", "punct", 2),
        ("arresting", "arrest", "VERB", "VBG", "advcl", 2),
        ("five", "five", "NUM", "CD", "nummod", 11),
        ("militants", "militant", "NOUN", "NNS", "dobj", 9),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("ISR", "PSE", "17", False, False)}


def test_a_camp_named_by_its_city_is_in_that_citys_state() -> None:
    # "Israeli troops raided the Jenin camp." (a city compounded on a place noun)
    rows = [
        ("Israeli", "israeli", "ADJ", "JJ", "amod", 1),
        ("troops", "troop", "NOUN", "NNS", "nsubj", 2),
        ("raided", "raid", "VERB", "VBD", "ROOT", 2),
        ("the", "the", "DET", "DT", "det", 5),
        ("Jenin", "Jenin", P, "NNP", "compound", 5),
        ("camp", "camp", "NOUN", "NN", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    assert keys(code(rows)) == {("ISR", "PSE", "17", False, False)}


def test_protesters_storming_a_building_riot() -> None:
    # "Iranian protesters stormed the British embassy." (not a military attack; senses.tsv)
    rows = [
        ("Iranian", "iranian", "ADJ", "JJ", "amod", 1),
        ("protesters", "protester", "NOUN", "NNS", "nsubj", 2),
        ("stormed", "storm", "VERB", "VBD", "ROOT", 2),
        ("the", "the", "DET", "DT", "det", 5),
        ("British", "british", "ADJ", "JJ", "amod", 5),
        ("embassy", "embassy", "NOUN", "NN", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    events = code(rows)
    assert keys(events) == {("IRN", "GBR", "14", False, False)}
    assert "senses.tsv" in events[0].evidence.pattern


def test_an_undated_text_is_dated_by_the_people_it_names() -> None:
    # "Arnold Schwarzenegger praised John Kerry." (no date: the governor of 2003-11 places Kerry
    # in his Senate years, not in his later office)
    rows = [
        ("Arnold", "Arnold", P, "NNP", "compound", 1),
        ("Schwarzenegger", "Schwarzenegger", P, "NNP", "nsubj", 2),
        ("praised", "praise", "VERB", "VBD", "ROOT", 2),
        ("John", "John", P, "NNP", "compound", 4),
        ("Kerry", "Kerry", P, "NNP", "dobj", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
    ]
    undated = DocActors(make_doc(rows), None)
    kerry = next(m for m in undated.mentions if m.start == 3)
    assert kerry.entry.role == "Senator" and kerry.sector == "LEG"
    dated = DocActors(make_doc(rows), "2015-06-01")
    assert next(m for m in dated.mentions if m.start == 3).entry.role == "Secretary of State"


def test_a_state_ordering_the_army_orders_its_own() -> None:
    # "Egypt hosted talks. Ariel Sharon ordered the army to withdraw." ("the army" is not the
    # state named before it but the orderer's own)
    rows = [
        ("Egypt", "Egypt", P, "NNP", "nsubj", 1),
        ("hosted", "host", "VERB", "VBD", "ROOT", 1),
        ("talks", "talk", "NOUN", "NNS", "dobj", 1),
        (".", ".", "PUNCT", ".", "punct", 1),
        ("Ariel", "Ariel", P, "NNP", "compound", 5, True),
        ("Sharon", "Sharon", P, "NNP", "nsubj", 6),
        ("ordered", "order", "VERB", "VBD", "ROOT", 6),
        ("the", "the", "DET", "DT", "det", 8),
        ("army", "army", "NOUN", "NN", "dobj", 6),
        ("to", "to", "PART", "TO", "aux", 10),
        ("withdraw", "withdraw", "VERB", "VB", "xcomp", 6),
        (".", ".", "PUNCT", ".", "punct", 6),
    ]
    found = {(k[0], k[1], k[2]) for k in keys(code(rows))}
    assert ("ISR", "ISR", "10") in found
    assert not any(t == "EGY" for _, t, _ in found)
