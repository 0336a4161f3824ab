"""Shared pieces of the event coder: word lists, the coded-event record and the coder's state.

The coder is split by what each part finds: :mod:`.arguments` (who acts and who is acted upon),
:mod:`.nominal` (event nouns), :mod:`.frames` (statement frames: refusals, evaluations,
obligations, visits), :mod:`.records` (vetoes, the public records) and :mod:`.coder`
(verbs and modality). Each part is a class in one chain, :class:`CoderBase` ->
``ArgumentRules`` -> ``NounRules`` -> ``FrameRules`` -> ``RecordRules`` -> ``Coder``; a part only
calls methods of the parts before it, ``_pairs`` (defined here) and ``best_pattern`` (declared here,
defined by ``Coder``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors.resolver import DocActors, Mention
from . import ontology
from .modality import Modality
from .patterns import Patterns, VerbPattern
from .syntax import all_named, names_forces

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


STATE_SECTORS = {"GOV", "MIL", "POL", "LEG", "JUD", "SPY"}
OPPOSING_SECTORS = {"REB", "OPP"}


def two_sides(actors: list[Mention]) -> bool:
    """Two sides for a mutual event: two states, or a state's authorities and those who oppose
    them at home ("Sudan's government and rebels signed a ceasefire": SDN <-> SDN)."""
    if len({m.entry.code for m in actors}) >= 2:
        return True
    sectors = {m.sector or "GOV" for m in actors}
    return bool(sectors & STATE_SECTORS) and bool(sectors & OPPOSING_SECTORS)


class CoderBase:
    """The state of a coder, its pattern lookup (defined by :class:`Coder`) and the pairing of
    sources and targets into coded events that every part calls."""

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
        if not targets and two_sides(sources) and (symmetric or cameo.startswith("19")):
            pairs = [
                (a, b)
                for i, a in enumerate(sources)
                for b in sources[i + 1 :]
                if a.entry.code != b.entry.code or two_sides([a, b])
            ]
        else:
            pairs = [(s, t) for s in sources for t in targets]
        out = []
        for s, t in pairs:
            if s is t or (s.start == t.start and s.end == t.end and s.start != s.end):
                continue
            if (
                (
                    (t.rule.startswith("context:") and t.sector in ("MIL", "POL", "GOV"))
                    # "Sharon ordered the army to prepare": a state's own armed forces and police
                    or (t.rule.startswith("coref:institution") and t.sector in ("MIL", "POL"))
                )
                and len(s.entry.code) == 3
                and ontology.root_of(cameo) not in ("18", "19", "20")
            ):
                # an unnamed soldier or official acted upon by a state is its own ("suspends soldier");
                # not when attacked ("US troops stormed police stations" in Iraq: Iraq's police)
                t = Mention(t.start, t.end, s.entry, t.sector, "own forces:" + t.rule, t.role)
            if s.entry.code == t.entry.code and s.entry.kind == t.entry.kind == "state" and all_named(s, t):
                continue  # "the US and America" are one actor
            if ontology.root_of(cameo) == "01" and t.sector == "MED":
                continue  # "told Reuters", "told the BBC": talking to the press, no statement to a state
            if (
                s.entry.code == t.entry.code
                and ontology.root_of(cameo) in INTERNATIONAL_ROOTS
                and cameo != "018"
            ):
                # "the army suspended a commander" is no reduction of relations; sympathy for a
                # tragedy at home ("expressed sorrow for the shootings in South Carolina") is an
                # empathetic comment (018) all the same
                continue
            if s.sector == "BUS" and t.sector == "BUS":
                continue  # company deals and disputes are market news, not political events
            code, described = cameo, pattern
            sense = self.p.sense(trigger.lemma_.lower(), ontology.root_of(cameo))
            if sense is not None and s.sector in sense[0] and not names_forces(extra):
                if sense[1] is None:
                    continue  # "all 15 candidates withdrew": no military retreat (senses.tsv)
                code = sense[1]  # "truckers strike" is a labour strike
                described = f"{pattern}; senses.tsv: {s.sector} source -> {code}"
            if code == "173" and s.sector == "REB":
                code = "181"  # persons seized by armed groups are abducted, not arrested
                described = f"{pattern}; armed-group source -> 181"
            out.append(Found(s, t, code, symmetric, trigger, extra, described, modality, when))
        return out
