"""Shared pieces of the event coder: word lists, the coded-event record and the coder's state.

The coder is split by what each part finds: :mod:`.arguments` (who acts and who is acted upon),
:mod:`.nominal` (event nouns), :mod:`.frames` (statement frames: refusals, evaluations,
obligations, visits), :mod:`.records` (pairs, vetoes, the public records) and :mod:`.coder`
(verbs and modality). Each part is a class in one chain, :class:`CoderBase` ->
``ArgumentRules`` -> ``NounRules`` -> ``FrameRules`` -> ``RecordRules`` -> ``Coder``; a part only
calls methods of the parts before it and the two declared here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors.resolver import DocActors, Mention
from .modality import Modality
from .patterns import Patterns, VerbPattern

if TYPE_CHECKING:
    from spacy.tokens import Token


SUBJECT_DEPS = ("nsubj", "csubj")
# Material acts whose target is often left implicit: the place where they happen.
IMPLICIT_TARGET_ROOTS = {"08", "10", "13", "14", "15", "17", "18", "19", "20"}
VIOLENT_ROOTS = {"15", "17", "18", "19", "20"}
HOSTILE_ROOTS = {"16", "17", "18", "19", "20"}  # acts whose announced possibility threatens
# Nouns that speak for their author: "the UN's resolution threatening sanctions" is the UN's threat.
DOCUMENT_NOUNS = frozenset(
    "resolution statement plan proposal report letter declaration communique bill law decree policy"
    " decision order ruling move shift reversal lawsuit suit complaint petition motion indictment".split()
)
# Object nouns that only frame the event named by their compound ("a mediation effort").
FRAME_HEADS = {"effort", "mission", "bid", "attempt", "initiative", "drive", "process", "round"}
# Objects that make a violent verb verbal ("attacked the plan", "hit out at the decision").
SPEECH_OBJECTS = DOCUMENT_NOUNS | {
    "way",
    "remark",
    "comment",
    "record",
    "idea",
    "approach",
    "claim",
    "view",
    "speech",
}
# Nominalised light verbs whose "of" object is the event: "the bringing of charges against X",
# "the imposition of sanctions on Iran" (the phrases hang on the light noun).
NOMINALISED_LIGHT_VERBS = {"bringing", "filing", "laying", "imposition", "lifting", "launching", "launch"}
# Measure and container nouns whose "of"/"in" object is what a light verb acts on ("25,000 tons
# of food aid", "a state of emergency", "a series of raids").
QUANTITY_NOUNS = {
    "ton",
    "tonne",
    "million",
    "billion",
    "package",
    "shipment",
    "consignment",
    "batch",
    "amount",
    "worth",
    "dollar",
    "euro",
    "pound",
    "yen",
    "lot",
    "load",
    "convoy",
    "truckload",
    "planeload",
    "state",  # "lifted a state of emergency"
    "series",  # "launched a series of raids"
    "wave",
}
# Objects that make a material verb figurative ("seized the initiative", "seizing a poll advantage").
FIGURATIVE_OBJECTS = {
    "advantage",
    "initiative",
    "opportunity",
    "chance",
    "moment",
    "tool",
    "lead",
    "momentum",
}
INTERNATIONAL_ROOTS = {"01", "16"}  # statements to one's own side, relations: between different actors
# Agentless passives of these roots are acts of the authorities of the place ("is detained").
AUTHORITY_ROOTS = {"09", "17"}
CONTROL_DEPS = ("xcomp",)


@dataclass
class Found:
    """One coded event before conversion to the public record."""

    source: Mention
    target: Mention
    cameo: str
    symmetric: bool
    trigger: Token
    trigger_extra: tuple[Token, ...]
    pattern: str
    modality: Modality
    when: tuple[str, str] | None


class CoderBase:
    """The state of a coder and the two methods every part calls (defined by :class:`Coder`)."""

    p: Patterns
    _headlines: list[tuple[int, int]]  # headline spans of the document being coded
    _actors: DocActors | None
    _recent: list[Found]  # events coded so far in the document
    _here: list[Found]  # ... and in the current sentence

    def best_pattern(self, verb: Token) -> VerbPattern | None:
        raise NotImplementedError

    def _pairs(
        self,
        sources: list[Mention],
        targets: list[Mention],
        cameo: str,
        symmetric: bool,
        trigger: Token,
        extra: tuple[Token, ...],
        pattern: str,
        modality: Modality,
        when: tuple[str, str] | None,
    ) -> list[Found]:
        raise NotImplementedError
