"""The event coder: parsed sentences + resolved actors -> CAMEO events with evidence.

For every verb whose lemma has a pattern in ``verbs.tsv`` the coder finds the source (subject,
passive agent, or the subject inherited through control, coordination and relative clauses),
the target (the pattern's slots: direct object, dative, possessor, prepositional objects), the
modality and the time, and emits one event per (source, target) pair. Control verbs
("refused to invite", "helped defeat", "plans to visit") follow the pattern's ``xcomp`` mode.
Nominal events ("talks between X and Y", "an offer from the US") come from ``nouns.tsv``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..actors.resolver import DocActors, Mention
from ..models import Event
from ..textprep import headline_spans, protected_words
from . import ontology
from .base import (
    AUTHORITY_ROOTS,
    CONTROL_DEPS,
    FIGURATIVE_OBJECTS,
    FRAME_HEADS,
    HOSTILE_ROOTS,
    IMPLICIT_TARGET_ROOTS,
    QUANTITY_NOUNS,
    SPEECH_OBJECTS,
    VIOLENT_ROOTS,
    Found,
    two_sides,
)
from .modality import Modality, clause_modality, context_modality
from .patterns import Patterns, VerbPattern, load_patterns
from .records import RecordRules
from .syntax import (
    agentless,
    backshifted,
    direct_object,
    expand,
    from_custody,
    infinitive,
    measured_lemmas,
    noun_as_verb,
    only_future,
    only_possible,
    predicative_in,
    prep_object_in,
    same_state_forces,
)
from .when import event_time, parse_iso

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class Coder(RecordRules):
    """Codes events in parsed documents. Reusable across documents; holds only patterns."""

    def __init__(self, patterns: Patterns | None = None) -> None:
        self.p = patterns or load_patterns()
        self._headlines: list[tuple[int, int]] = []  # headline spans of the document being coded
        self._actors: DocActors | None = None
        self._recent: list[Found] = []  # events coded so far in the document
        self._here: list[Found] = []  # ... and in the current sentence

    # -- public --------------------------------------------------------------------------
    def code(
        self,
        doc: Doc,
        actors: DocActors,
        published: str | None = None,
        unit_id: str | None = None,
        paragraph_roles: list[tuple[int, int, str]] | None = None,
        original: str | None = None,
    ) -> list[Event]:
        """Events of a parsed document. ``original`` is the text as written when the parser read
        a re-cased copy of the same length (evidence is always cut from the original)."""
        pub = parse_iso(published)
        found: list[Found] = []
        text = original if original is not None else doc.text
        self._actors = actors
        self._recent = []
        self._headlines = headline_spans(text, protected_words(text, actors.d.name_words()))
        carry: tuple[str, str] | None = None  # a past time named earlier in the paragraph
        for sent in doc.sents:
            if "\n\n" in text[max(0, sent.start_char - 3) : sent.start_char + 1]:
                carry = None  # a new paragraph
            here: list[Found] = []
            self._recent, self._here = found, here  # references, read by _event_author
            for tok in sent:
                if (
                    tok.pos_ in ("VERB", "AUX")
                    or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB"))
                    or noun_as_verb(tok)  # headline "Iraqi leader thanks U.S."
                    or (tok.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in tok.children))
                ):  # an adjective predicate with an infinitive: "Iran is willing to talk"
                    here.extend(self._code_verb(tok, actors, pub))
                    here.extend(self._obligation(tok, actors, pub))
                    here.extend(self._evaluation(tok, actors, pub))
                elif tok.pos_ in ("NOUN", "PROPN"):
                    here.extend(self._code_noun(tok, actors, pub))

            dated = [f.when for f in here if f.when and f.when[1] in ("year", "month")]
            for f in here:
                # "Iran assisted the US in 2001. They helped defeat the Taliban": still 2001
                if f.when is None and carry is not None and "VBD" in (f.trigger.tag_, f.trigger.head.tag_):
                    f.when = carry
            found.extend(here)
            carry = dated[-1] if dated else carry
        return self._to_events(doc, found, unit_id, paragraph_roles or [], original)

    # -- verbs ---------------------------------------------------------------------------
    def best_pattern(self, verb: Token) -> VerbPattern | None:
        rows = self.p.verbs.get(verb.lemma_.lower())
        if not rows:
            return None
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
        phrasal = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        obj = direct_object(verb)
        obj_lemma = obj.lemma_.lower() if obj is not None else None
        if obj is not None and obj_lemma in FRAME_HEADS:  # "a mediation effort", "a peace mission"
            inner = next((c for c in obj.children if c.dep_ == "compound"), None)
            obj_lemma = inner.lemma_.lower() if inner is not None else obj_lemma
        lemmas: set[str | None] = {obj_lemma}
        if obj is not None:  # "provide 25,000 tons of food aid": the measured noun as well
            lemmas |= measured_lemmas(obj, QUANTITY_NOUNS) - {obj.lemma_.lower()}
        for row in rows:  # most specific first
            if row.particle and row.particle not in particles:
                continue
            if not row.particle and phrasal:
                continue  # "shoots his mouth off" is another verb than "shoot"
            if (
                row.objects
                and not lemmas & set(row.objects)
                and not prep_object_in(verb, row)
                and not predicative_in(verb, row)  # "found five men guilty"
            ):
                continue
            return row
        return None

    def _code_verb(self, verb: Token, actors: DocActors, pub: date | None) -> list[Found]:
        received = self._received(verb, actors, pub)
        if received:
            return received
        row = self.best_pattern(verb)
        if row is None:
            if verb.lemma_ != "be":
                return self._announced_refusal(verb, actors, pub) or self._custody_death(verb, actors, pub)
            return self._pronoun_event(verb, actors, pub) or self._presence_visit(verb, actors, pub)
        xcomp = next((c for c in verb.children if c.dep_ in CONTROL_DEPS), None)
        inherited = self._control_context(verb)
        if inherited is None:  # a governing verb codes this clause itself ("refused to invite")
            return []
        if xcomp is not None and row.xcomp in ("pass", "hyp", "neg"):
            return []  # the embedded verb is coded, in its own right, with this context
        if row.xcomp == "only" and xcomp is None:
            return []  # "ordered 30 planes", "ordered a report": no one is told to act
        if row.cameo is None:
            return []
        modality = clause_modality(verb, self.p.cues).merge(context_modality(verb, self.p.cues))
        if verb.dep_ == "ccomp" and any(
            c.dep_ == "dobj"
            and self.p.nouns.get(c.lemma_.lower()) is not None
            and ontology.root_of(self.p.nouns[c.lemma_.lower()].cameo) in ("02", "10")
            for c in verb.head.children
        ):
            # "reiterated its demand that Israel ease restrictions": asked for, not done
            modality = modality.merge(Modality(hypothetical=True, cues=("demanded",)))
        modality = modality.merge(inherited)
        if infinitive(verb) and not _licensed_infinitive(verb, self):
            modality = modality.merge(Modality(hypothetical=True, cues=("infinitive",)))
        purpose = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "by" else None
        intended = [] if purpose is None else [purpose, *(c for c in purpose.children if c.dep_ == "xcomp")]
        if any(infinitive(p) and not _licensed_infinitive(p, self) for p in intended):
            # "plotted to overthrow the president by firing a rocket": the means of an act only
            # intended is only intended too
            modality = modality.merge(Modality(hypothetical=True, cues=("infinitive",)))
        sources, targets = self._arguments(verb, row, actors)
        if sources and all(s.rule.startswith("context") and s.sector == "REB" for s in sources):
            # "Gunmen abducted a Turkish driver in northern Iraq": an unnamed armed group acts
            # where the act happened (FORMAT.md: placed by the location), not in the story's
            # most named state
            place = self._act_place(verb, actors)
            if place is not None:
                sources = [
                    Mention(s.start, s.end, place.entry, s.sector, "placed by the act:" + s.rule)
                    for s in sources
                ]
        if row.targets[:1] == ("experiencer",):
            # "the policy shift infuriated the Palestinians": the one angered disapproves of the
            # author of what angered them
            authors = sources or self._author_of_subject(verb, actors)
            sources, targets = targets, authors
        if sources and row.cameo == "172":
            # "the Israeli army suspended a platoon commander": a disciplinary act falls on the
            # actor's own people unless the text places them elsewhere
            home = sources[0]
            targets = [
                Mention(t.start, t.end, home.entry, t.sector, "own:" + t.rule)
                if t.rule.startswith("context")
                else t
                for t in targets
            ]
        if sources and not targets and ontology.root_of(row.cameo or "") == "11":
            obj = direct_object(verb)
            act = self.p.nouns.get(obj.lemma_.lower()) if obj is not None else None
            if act is not None and ontology.root_of(act.cameo) in AUTHORITY_ROOTS:
                # "Terreblanche challenges arrest": a challenge to a coercive act whose author is
                # not named is aimed at the authorities that carried it out
                targets = self._authorities(sources[0], actors, verb)
        cameo = row.cameo
        if (
            ontology.root_of(cameo) == "01"
            and xcomp is not None
            and infinitive(xcomp)
            and direct_object(verb)
        ):
            cameo = "020"  # "told councils to find more sites": a statement that directs is an appeal
        means = self._violent_means(verb) if ontology.root_of(cameo) == "18" else None
        if means is not None:
            cameo = means[1]  # "killed in Israeli shelling" is the shelling
        if xcomp is not None and row.xcomp in ("own", "only"):
            if not targets:
                for embedded_verb in (c for c in verb.children if c.dep_ in CONTROL_DEPS):  # "re-open"
                    targets = targets or self._embedded_targets(embedded_verb, actors)
            embedded = self.best_pattern(xcomp)
            if ontology.root_of(cameo) == "03" and embedded and embedded.cameo:
                if ontology.root_of(embedded.cameo) in VIOLENT_ROOTS:
                    cameo = "130"  # a promise of hostile action is a threat ("vowed to retaliate")
            negated_act = any(c.dep_ == "neg" for c in xcomp.children)
            if ontology.root_of(cameo) == "03" and negated_act:
                cameo = "120"  # "vowed not to return the Golan Heights": a refusal (FORMAT.md rule 4)
            if ontology.root_of(cameo) in ("03", "12") and any(
                c.dep_ == "advcl"
                and any(m.dep_ == "mark" and self.p.cues.has("conditional", m.lower_) for m in c.children)
                for c in xcomp.children
            ):  # "vowed not to return the Golan if he is elected" (a threat's condition is its point)
                modality = modality.merge(Modality(hypothetical=True, cues=("conditional",)))
            violent = (
                embedded is not None and embedded.cameo and ontology.root_of(embedded.cameo) in VIOLENT_ROOTS
            )
            if ontology.root_of(cameo) == "13" and not violent and direct_object(verb) is not None:
                cameo = "020"  # "warned Americans to avoid Haiti" advises; it threatens no one
        if row.cameo == "062" and not targets and sources:
            # "China held military drills near Taiwan": exercises with no partner, held near or
            # in another state, show force to it (150)
            near = [
                m
                for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ in ("near", "off", "in", "around")
                for p in prep.children
                if p.dep_ == "pobj"
                for m in [actors.mention_at(p)]
                if m is not None
                and m.entry.kind in ("state", "region")
                and m.entry.code != sources[0].entry.code
            ]
            if near:
                targets, cameo = near[:1], "150"
        if xcomp is None and verb.lemma_.lower() in ("want", "wish"):
            # "Obama wants Putin to attack Switzerland": wanting another to act asks it to (02)
            asked = [
                m
                for c in verb.children
                if c.dep_ == "ccomp" and infinitive(c)
                for subj in c.children
                if subj.dep_ == "nsubj" and subj.lower_ not in ("it", "this", "that")
                for m in expand(subj, actors)
                if m not in sources
                and (not m.rule.startswith("context") or m.sector in ("GOV", "MIL", "POL", "LEG", "JUD"))
            ]  # an institution asked, not "young people" placed only by the story
            if asked:
                targets, cameo = asked, "020"
        if row.xcomp == "only" and not targets:
            return []  # "ordered all contracts to be examined": no addressee named
        if not targets and ontology.root_of(cameo) == "13":
            # "threatened to stop talks if the United States goes ahead": the threat is aimed at
            # whoever must act to avert it
            targets = self._condition_subjects(verb, actors)
        obj = direct_object(verb)
        if (
            ontology.root_of(cameo) in VIOLENT_ROOTS
            and obj is not None
            and obj.lemma_.lower() in FIGURATIVE_OBJECTS
        ):
            return []
        if (
            ontology.root_of(cameo) in ("18", "19")
            and obj is not None
            and obj.lemma_.lower() in SPEECH_OBJECTS
        ):
            # "attacked the way the war was sold", "attacked the government's plan": a verbal
            # attack on a policy criticises its author (111); with no author, nothing is coded
            cameo = "111"
            targets = [t for t in self._author_of(obj, actors) if t not in sources]
            if not targets:
                return []
        if (
            ontology.root_of(cameo) == "19"
            and sources
            and all(s.entry.kind == "person" for s in sources)
            and (
                any(t.entry.kind == "person" for t in targets)
                or any(p.dep_ == "prep" and p.lower_ in ("over", "for") for p in verb.children)
            )
        ):
            # "Bush attacked Kerry over his record", "Putin attacked the West for its double
            # standards": a person attacking a person, or for a reason, criticises (111); armies
            # and states fight
            cameo = "111"
            targets = [
                t for t in targets if t.entry.code != sources[0].entry.code or t.entry.kind == "person"
            ]
        if (
            not sources
            and (ontology.root_of(cameo) in AUTHORITY_ROOTS or from_custody(verb))
            and agentless(verb)
        ):
            if targets:
                sources = self._authorities(targets[0], actors, verb)
            elif actors.context is not None and row.objects and direct_object(verb) is not None:
                # "a curfew imposed to prevent riots": the place's authorities on the place
                targets = self._implicit_target(verb, actors)
                sources = self._authorities(targets[0], actors, verb) if targets else []
        # "gunmen and troops fought (pitched battles)": with each other
        if (
            modality.hypothetical
            and sources
            and verb.dep_ != "relcl"
            and only_future(backshifted(modality, verb))
        ):
            # "Russia will launch an inquiry, its speaker said": an actor announcing its own
            # future action expresses intent (03, or 13 when hostile), factually (FORMAT.md)
            reporter = self._reporter(verb)
            parties = {s.entry.code for s in sources}
            if row.symmetric:  # "Blair will meet Bush, the White House said": a party announces
                parties |= {t.entry.code for t in targets}
            if reporter is None or reporter.entry.code in parties:
                hostile = ontology.root_of(cameo) in VIOLENT_ROOTS | HOSTILE_ROOTS  # "will boycott contacts"
                cameo = "130" if hostile else "030"
                if modality.negated and not hostile:
                    cameo = "120"  # "Iran said it will not attend the talks": a refusal (FORMAT.md)
                negated = modality.negated and hostile  # "will not attack": no threat made
                modality = Modality(negated, False, modality.covert, modality.cues + ("announced",))
        if (
            modality.hypothetical
            and sources
            and ontology.root_of(cameo) in HOSTILE_ROOTS
            and only_possible(modality)
        ):
            # "the administration may impose sanctions, the State Department said": a hostile
            # act an actor says it may take is a threat (13), factually made
            reporter = self._reporter(verb)
            if reporter is not None and reporter.entry.code in {s.entry.code for s in sources}:
                cameo = "130"
                modality = Modality(modality.negated, False, modality.covert, modality.cues + ("announced",))
        mutual = two_sides(sources) and (row.symmetric or ontology.root_of(cameo) == "19")
        if (
            sources
            and not targets
            and ontology.root_of(cameo) == "09"
            and sources[0].sector in ("POL", "JUD")
        ):
            # "UK police investigate the derailment": police and prosecutors investigate at home
            s0 = sources[0]
            targets = [Mention(verb.i, verb.i, s0.entry, s0.sector, "implicit:own jurisdiction")]
        if (
            ontology.root_of(cameo) in ("18", "19", "20")
            and targets
            and all(t.rule.startswith("context") and t.sector not in ("REB", "OPP") for t in targets)
            and any(same_state_forces(s, t) for s in sources for t in targets)
        ):
            # "four children were killed in Israeli shelling": victims placed only by the story's
            # country are not the attacker's own people; where it happened tells whose they are
            targets = []
        if (
            ontology.root_of(cameo) in ("17", "18", "19", "20")
            and targets
            and all(t.rule.startswith("context") for t in targets)
        ):
            # "Israeli troops raided a camp in Gaza, arresting five militants": people placed only
            # by the story's country are of the place the act happened in, when one is named
            place = self._act_place(verb, actors)
            if place is not None and place.entry.code != targets[0].entry.code:
                targets = [
                    Mention(t.start, t.end, place.entry, t.sector, "placed by the act:" + t.rule)
                    for t in targets
                ]
        implicit_ok = ontology.root_of(cameo) in IMPLICIT_TARGET_ROOTS or (
            # a refusal aimed at no one named is made at home ("declined to resign"); a row whose
            # target can only be a recipient ("denied Iran access") names it or has none
            ontology.root_of(cameo) == "12"
            and "dobj" in row.targets
            and not self._refusal_aimed_elsewhere(verb)
        )
        if (
            not targets
            and self.p.cues.has("report", verb.lemma_)
            and any(c.dep_ == "ccomp" for c in verb.children)
        ):
            return []  # "ministers insisted they are committed", "he warned that ...": a report
        if sources and not targets and not mutual and implicit_ok:
            targets = self._implicit_target(verb, actors)
            named_place = targets and not targets[0].rule.startswith("implicit:context:most named")
            if not named_place and ontology.root_of(cameo) in VIOLENT_ROOTS:
                # a state's forces striking in an unnamed place: the target is unknown
                targets = [t for t in targets for s in sources if not same_state_forces(s, t)]
        extra = tuple(c for c in verb.children if c.dep_ == "prt")
        obj = direct_object(verb)
        if row.objects and obj is not None:
            extra += (obj,)
        when = event_time(verb, pub)
        described = row.describe() + (f"; read as {cameo}" if cameo != row.cameo else "")
        found = self._pairs(sources, targets, cameo, row.symmetric, verb, extra, described, modality, when)
        if ontology.root_of(cameo) == "13" and sources and not modality.negated:
            # "a resolution threatening sanctions if Sudan fails to end the violence": an
            # ultimatum is a threat and a demand on whoever must act (FORMAT.md: two events)
            own = {m.entry.code for m in sources}  # "warned of losses if it fails to cut costs": no one else
            bound = [t for t in self._condition_subjects(verb, actors) if t.entry.code not in own]
            rule = row.describe() + "; ultimatum: if/unless clause -> 100"
            found += self._pairs(sources, bound, "100", False, verb, extra, rule, modality, when)
        return found


ERRAND_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "14"}


def _licensed_infinitive(verb: Token, coder: Coder) -> bool:
    """An infinitive under a pass-mode control verb ("helped to defeat") is realised; so is the
    purpose of a journey or gathering when making it does the act ("marched to protest", "flew
    to Khartoum to press for peace": modality.tsv kind ``errand``); the errand's own modality
    still applies ("will fly to Sudan to press" is only planned)."""
    errand = verb.head
    if verb.dep_ in ("advcl", "xcomp") and coder.p.cues.has("errand", errand.lemma_):
        if infinitive(errand) and not _licensed_infinitive(errand, coder):
            return False  # "prepared to head to Brussels to meet Bush": the journey is only planned
        row = coder.best_pattern(verb)
        if row is not None and row.cameo and ontology.root_of(row.cameo) in ERRAND_ROOTS:
            return True
    if verb.dep_ != "xcomp":
        return False
    row = coder.best_pattern(verb.head)
    return row is not None and row.xcomp == "pass"
