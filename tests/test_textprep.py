"""Text preparation for the parser: headline re-casing, datelines, entity repair, places."""

from __future__ import annotations

from detente.actors.places import city_country
from detente.extract.entities import repair_entities
from detente.textprep import blank_spans, furniture_spans, headline_spans, truecase_headlines


def test_truecasing_keeps_length_and_names() -> None:
    text = "U.S. Military Arrests an Iraqi Commander. The arrest raised concerns."
    out = truecase_headlines(text, {"Iraqi"}, {})
    assert len(out) == len(text)
    assert out.startswith("U.S. military arrests an Iraqi commander.")
    assert out.endswith("The arrest raised concerns.")


def test_multiword_names_keep_case_only_where_written() -> None:
    phrases = {"Free": [("Free", "Syrian", "Army")]}
    assert truecase_headlines("Rebels Free Troops In North", set(), phrases).startswith("Rebels free troops")
    assert "Free Syrian Army" in truecase_headlines("Turkey Arms Free Syrian Army Units", set(), phrases)


def test_running_text_is_not_a_headline() -> None:
    text = "US Secretary of State John Kerry refused to invite Iran to the Paris conference."
    names = {"US", "Secretary", "State", "John", "Kerry", "Iran", "Paris"}
    assert headline_spans(text, names) == []
    assert headline_spans("Iraqi Leader Thanks U.S. in Speech", set()) != []


def test_datelines_and_credits() -> None:
    text = "Sister slams chief (Canadian Press). Canadian Press - VANCOUVER (CP) - The sister of a man."
    spans = furniture_spans(text)
    kinds = [(s.kind, text[s.start : s.end].strip()) for s in spans]
    assert ("dateline", "VANCOUVER (CP) -") in kinds
    assert ("credit", "(Canadian Press)") in kinds
    places = [s.place for s in spans if s.kind == "dateline"]
    assert places == ["VANCOUVER"]
    blanked = blank_spans(text, spans)
    assert len(blanked) == len(text) and "VANCOUVER" not in blanked and "The sister" in blanked


def test_dateline_with_region() -> None:
    spans = furniture_spans("NAJAF, Iraq - Iraq's most powerful Shiite cleric returned home.")
    assert [(s.kind, s.place) for s in spans] == [("dateline", "Iraq")]


def test_entity_repair() -> None:
    assert repair_entities("Turkey #39;s plan") == "Turkey's plan"
    assert repair_entities("quot;they could fire quot;") == '"they could fire "'
    assert repair_entities("set for\\working-level talks") == "set for working-level talks"
    assert repair_entities("A &amp;amp; B") == "A & B"


def test_city_gazetteer() -> None:
    assert city_country("Vancouver") == "CAN"
    assert city_country("NAJAF") == "IRQ"
    assert city_country("March") is None


def test_names_keep_their_case_before_a_period_or_possessive() -> None:
    # "Iraq." ends the headline and "Sudan's" is a possessive: both stay names
    text = "Web Site Shows Two Beheadings in Iraq. UN Chief Backs Autonomy for Sudan's Region. The"
    out = truecase_headlines(text, {"Iraq", "Sudan"})
    assert "in Iraq." in out and "for Sudan's region" in out
    assert "site shows two beheadings" in out
