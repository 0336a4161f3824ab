"""The event coder: parsed sentences + resolved actors -> CAMEO events with evidence.

For every verb whose lemma has a pattern in ``verbs.tsv`` the coder finds the source (subject,
passive agent, or the subject inherited through control, coordination and relative clauses),
the target (the pattern's slots: direct object, dative, possessor, prepositional objects), the
modality and the time, and emits one event per (source, target) pair. Control verbs
("refused to invite", "helped defeat", "plans to visit") follow the pattern's ``xcomp`` mode.
Nominal events ("talks between X and Y", "an offer from the US") come from ``nouns.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..actors.resolver import DocActors, Mention
from ..models import Event, Evidence
from ..textprep import headline_spans, protected_words
from . import ontology
from .modality import Modality, clause_modality, context_modality
from .patterns import Patterns, VerbPattern, load_patterns
from .syntax import (
    CASUALTY_LEMMAS,
    CUSTODY_NOUNS,
    OBLIGATION_MODALS,
    agentless,
    all_named,
    armed_means,
    backshifted,
    casualty_frame,
    direct_object,
    expand,
    from_custody,
    headline_passive,
    infinitive,
    names_forces,
    noun_as_verb,
    object_gap,
    only_future,
    only_possible,
    owner_of,
    pobj_of,
    predicative_in,
    prep_object_in,
    relative_antecedent,
    same_state_forces,
)
from .when import event_time, parse_iso

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
AUTHORITY_ROOTS = {"17"}
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


class Coder:
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
        for row in rows:  # most specific first
            if row.particle and row.particle not in particles:
                continue
            if not row.particle and phrasal:
                continue  # "shoots his mouth off" is another verb than "shoot"
            if (
                row.objects
                and obj_lemma not in row.objects
                and not prep_object_in(verb, row)
                and not predicative_in(verb, row)  # "found five men guilty"
            ):
                continue
            return row
        return None

    def _code_verb(self, verb: Token, actors: DocActors, pub: date | None) -> list[Found]:
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
        modality = modality.merge(inherited)
        if infinitive(verb) and not _licensed_infinitive(verb, self):
            modality = modality.merge(Modality(hypothetical=True, cues=("infinitive",)))
        sources, targets = self._arguments(verb, row, actors)
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
        if xcomp is not None and row.xcomp in ("own", "only"):
            if not targets:
                targets = self._embedded_targets(xcomp, actors)
            embedded = self.best_pattern(xcomp)
            if ontology.root_of(cameo) == "03" and embedded and embedded.cameo:
                if ontology.root_of(embedded.cameo) in VIOLENT_ROOTS:
                    cameo = "130"  # a promise of hostile action is a threat ("vowed to retaliate")
            violent = (
                embedded is not None and embedded.cameo and ontology.root_of(embedded.cameo) in VIOLENT_ROOTS
            )
            if ontology.root_of(cameo) == "13" and not violent and direct_object(verb) is not None:
                cameo = "020"  # "warned Americans to avoid Haiti" advises; it threatens no one
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
        if modality.hypothetical and sources and only_future(backshifted(modality, verb)):
            # "Russia will launch an inquiry, its speaker said": an actor announcing its own
            # future action expresses intent (03, or 13 when hostile), factually (FORMAT.md)
            reporter = self._reporter(verb)
            parties = {s.entry.code for s in sources}
            if row.symmetric:  # "Blair will meet Bush, the White House said": a party announces
                parties |= {t.entry.code for t in targets}
            if reporter is None or reporter.entry.code in parties:
                hostile = ontology.root_of(cameo) in VIOLENT_ROOTS
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
        mutual = len({s.entry.code for s in sources}) >= 2 and (
            row.symmetric or ontology.root_of(cameo) == "19"
        )
        if (
            sources
            and not targets
            and ontology.root_of(cameo) == "09"
            and sources[0].sector in ("POL", "JUD")
        ):
            # "UK police investigate the derailment": police and prosecutors investigate at home
            s0 = sources[0]
            targets = [Mention(verb.i, verb.i, s0.entry, s0.sector, "implicit:own jurisdiction")]
        implicit_ok = ontology.root_of(cameo) in IMPLICIT_TARGET_ROOTS or (
            # a refusal aimed at no one named is made at home ("declined to resign"); a row whose
            # target can only be a recipient ("denied Iran access") names it or has none
            ontology.root_of(cameo) == "12" and "dobj" in row.targets and not _rejects_a_claim(verb)
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
        found = self._pairs(
            sources, targets, cameo, row.symmetric, verb, extra, row.describe(), modality, when
        )
        if ontology.root_of(cameo) == "13" and sources and not modality.negated:
            # "a resolution threatening sanctions if Sudan fails to end the violence": an
            # ultimatum is a threat and a demand on whoever must act (FORMAT.md: two events)
            own = {m.entry.code for m in sources}  # "warned of losses if it fails to cut costs": no one else
            bound = [t for t in self._condition_subjects(verb, actors) if t.entry.code not in own]
            rule = row.describe() + "; ultimatum: if/unless clause -> 100"
            found += self._pairs(sources, bound, "100", False, verb, extra, rule, modality, when)
        return found

    def _obligation(self, verb: Token, actors: DocActors, pub: date | None) -> list[Found]:
        """ "The premier warned Falluja it must hand over the militants", "Bush said Iran must
        stop": an obligation put on another actor in reported speech is a demand (10) by the
        speaker on that actor."""
        if verb.dep_ != "ccomp" or verb.head.i == verb.i:
            return []
        if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in verb.children):
            return []
        speech = verb.head
        if not self.p.cues.has("report", speech.lemma_):
            return []
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return []
        speakers = self._subjects(speech, actors)
        targets = expand(subj, actors)
        addressee = [c for c in speech.children if c.dep_ in ("dobj", "dative")]
        if addressee and subj.pos_ == "PRON":  # "warned the city of Falluja it must ..."
            targets = expand(addressee[0], actors) or self._implicit_target(addressee[0], actors)
        else:  # "Iran said it must defend itself" puts no obligation on another actor
            targets = [t for t in targets if t.entry.code not in {s.entry.code for s in speakers}]
        if not speakers or not targets:
            return []
        modality = clause_modality(speech, self.p.cues).merge(context_modality(speech, self.p.cues))
        when = event_time(speech, pub)
        return self._pairs(
            speakers, targets, "100", False, verb, (), "obligation:" + speech.lemma_, modality, when
        )

    def _evaluation(self, be: Token, actors: DocActors, pub: date | None) -> list[Found]:
        """ "Sudan said the Security Council's resolution was unfair": a speaker calling an
        actor's act or document unfair, illegal... criticises that actor (evaluatives.tsv)."""
        if be.dep_ != "ccomp" or be.head.i == be.i:
            return []
        speech = be.head
        if not self.p.cues.has("report", speech.lemma_):
            return []
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if be.lemma_ != "be":
            # "Turkey's plan may hinder its bid, EU officials said": an act said to do harm
            # criticises its author (only authored acts: "Iran may hurt talks" is a forecast)
            code = self.p.evaluatives.get(be.lemma_.lower())
            adj = be
            if code is None or subj is None or subj.pos_ == "PRON":
                return []
            targets = self._author_of(subj, actors)
        else:
            found = next((c for c in be.children if c.dep_ == "acomp"), None)
            code = self.p.evaluatives.get(found.lower_) if found is not None else None
            attributed = self._attributed_to(be, actors)
            if attributed is not None:  # "said the explosions were the work of terrorists linked to X"
                found, code, targets = attributed
            elif found is None or code is None or subj is None or subj.pos_ == "PRON":
                return []  # "he said it was wrong to ...": no named act or author
            else:
                targets = expand(subj, actors) or self._author_of(subj, actors)
            if found is None or code is None:
                return []
            adj = found
        speakers = self._subjects(speech, actors)
        own = clause_modality(be, self.p.cues)
        if be.lemma_ != "be":  # "may hinder its bid": the harm is a forecast, the criticism is made
            if own.negated:
                return []
            own = Modality()
        modality = own.merge(clause_modality(speech, self.p.cues))
        modality = modality.merge(context_modality(speech, self.p.cues))
        return self._pairs(
            speakers,
            targets,
            code,
            False,
            adj,
            (),
            f"evaluatives.tsv:{adj.lower_}",
            modality,
            event_time(speech, pub),
        )

    def _attributed_to(self, be: Token, actors: DocActors) -> tuple[Token, str, list[Mention]] | None:
        """A reported attribution "X was the work of Y" (evaluatives.tsv rows "work of"): the
        noun, its code and Y."""
        attr = next((c for c in be.children if c.dep_ == "attr"), None)
        code = self.p.evaluatives.get(f"{attr.lemma_.lower()} of") if attr is not None else None
        if attr is None or code is None:
            return None
        for prep in attr.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    found = expand(pobj, actors) if pobj.dep_ == "pobj" else []
                    if found:
                        return attr, code, found
        return None

    def _headline_passive(self, verb: Token, row: VerbPattern) -> bool:
        # a Title Case segment, or the first of several sentences (where a headline stands),
        # for a one-sided transitive verb ("reporter freed in Iraq"; not "Iran, Iraq met")
        first = verb.sent.start == 0 and verb.sent.end < len(verb.doc) and not row.symmetric
        in_headline = any(a <= verb.idx < b for a, b in self._headlines) or first
        return headline_passive(verb, in_headline)

    def _authorities(self, target: Mention, actors: DocActors, verb: Token | None = None) -> list[Mention]:
        """The authorities of the story's country, for "X was arrested" with no agent; when an
        authority reports the act itself ("four soldiers are charged, the US army says"), it."""
        reporter = self._reporter(verb) if verb is not None else None
        if reporter is None and verb is not None and self._in_headline(verb):
            reporter = self._lead_reporter(verb)  # the headline tells the lead: its source
        c = actors.context
        if reporter is not None and (
            reporter.sector in ("MIL", "JUD", "POL")  # armies, courts and police report their own acts
            or (reporter.sector == "GOV" and c is not None and reporter.entry.code == c.entry.code)
        ):
            return [Mention(target.start, target.start, reporter.entry, reporter.sector, "implicit:reporter")]
        c = c or actors.home  # "Eugene Terreblanche is detained": his home state's authorities
        if c is None:
            return []
        return [Mention(target.start, target.start, c.entry, "GOV", "implicit:authorities " + c.rule)]

    def _implicit_target(self, verb: Token, actors: DocActors) -> list[Mention]:
        """Where a material act names no target actor ("ETA threatened to set off bombs",
        "soldiers withdrew"), its target is the place: an "in X" state, else the story's country."""
        for holder in [verb, *[c for c in verb.children if c.dep_ in ("dobj", "xcomp")]]:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "across", "inside"):
                    for pobj in prep.children:
                        m = actors.mention_at(pobj)
                        if m is not None and m.entry.kind in ("state", "region", "metonym"):
                            return [Mention(m.start, m.end, m.entry, m.sector, "implicit:location")]
                        entry = actors.place_state(pobj.text) if pobj.pos_ == "PROPN" else None
                        if entry is not None:
                            return [Mention(pobj.i, pobj.i + 1, entry, "GOV", "implicit:city")]
                if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "inside"):
                    for pobj in prep.children:  # "surrendered at a US military base"
                        owners = owner_of(pobj, actors) if pobj.dep_ == "pobj" else []
                        if owners and owners[0].entry.kind in ("state", "adjective", "demonym"):
                            o = owners[0]
                            return [Mention(o.start, o.end, o.entry, o.sector, "implicit:owned place")]
        if actors.context is not None:
            c = actors.context
            return [Mention(verb.i, verb.i, c.entry, c.sector, "implicit:" + c.rule)]
        return []

    def _control_context(self, verb: Token) -> Modality | None:
        """Modality a chain of control verbs puts on ``verb``; None when a governor codes it."""
        result = Modality()
        tok = verb
        for _ in range(6):
            if tok.dep_ not in CONTROL_DEPS:
                if tok.i != verb.i and tok.dep_ == "advcl" and infinitive(tok):
                    # "sent troops to help defend X": a purpose infinitive is not (yet) realised
                    result = result.merge(Modality(hypothetical=True, cues=(f"purpose:{tok.text}",)))
                return result
            head = tok.head
            row = self.best_pattern(head)
            mode = row.xcomp if row else ""
            if mode in ("own", "only"):
                return None
            if mode == "hyp" or (row is None and head.pos_ in ("VERB", "AUX", "ADJ")):
                result = result.merge(Modality(hypothetical=True, cues=(f"control:{head.text}",)))
            elif mode == "neg":
                result = result.merge(Modality(negated=True, cues=(f"control:{head.text}",)))
            tok = head
        return result

    def _arguments(
        self, verb: Token, row: VerbPattern, actors: DocActors
    ) -> tuple[list[Mention], list[Mention]]:
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is None and self._headline_passive(verb, row):
            passive = next(c for c in verb.children if c.dep_ == "nsubj")
        reduced = not any(c.dep_ in ("aux", "nsubj") for c in verb.children)  # not "that has killed"
        if passive is None and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and reduced:
            if verb.head.i != verb.i:
                passive = verb.head  # "a Chinese-American arrested for spying": the noun is the patient
        if passive is None:
            passive = self._shared_patient(verb, row)
        if passive is not None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            sources = expand(pobj_of(agent), actors) if agent is not None else []
            if agent is None and passive.i == verb.head.i != verb.i:
                sources = self._releaser(verb, actors)
            if agent is None and not sources and verb.lemma_.lower() in CASUALTY_LEMMAS:
                sources = armed_means(verb, actors)  # "killed in Israeli tank shelling"
            if "dobj" in row.targets:  # the passive subject is the active object
                targets = expand(passive, actors) or owner_of(passive, actors)
            else:  # "talks were held with Iran": the target keeps its prepositional slot
                targets = self._targets(verb, tuple(t for t in row.targets if t != "dobj"), actors)
            return sources, targets
        sources = self._subjects(verb, actors)
        targets = self._targets(verb, row.targets, actors)
        return sources, targets

    def _releaser(self, verb: Token, actors: DocActors) -> list[Mention]:
        """ "Gunmen released a journalist abducted in Gaza": releasing presupposes holding, so the
        one who frees a person seized, abducted or detained (a participle with no agent) is the
        one who took them."""
        row = self.best_pattern(verb)
        if row is None or row.cameo is None or ontology.root_of(row.cameo) not in ("17", "18"):
            return []
        noun = verb.head
        if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.i == noun.i:
            return []
        release = self.best_pattern(noun.head)
        if release is None or release.cameo is None or not release.cameo.startswith("084"):
            return []
        return self._subjects(noun.head, actors) if noun.dep_ == "dobj" else []

    def _condition_subjects(self, verb: Token, actors: DocActors) -> list[Mention]:
        """Subjects of an "if" / "unless" clause of the verb or of its infinitive complement."""
        holders = [verb, *[c for c in verb.children if c.dep_ == "xcomp"]]
        for holder in holders:
            for clause in holder.children:
                if clause.dep_ != "advcl":
                    continue
                if not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
                    continue
                subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                found = expand(subj, actors) if subj is not None else []
                if found:
                    return found
        return []

    def _shared_patient(self, verb: Token, row: VerbPattern) -> Token | None:
        """A participle coordinated with a passive verb shares its patient: "Khin Nyunt has been
        sacked and placed under house arrest", headline "PM sacked, arrested for corruption"."""
        if verb.dep_ not in ("conj", "advcl") or verb.head.i == verb.i or verb.tag_ not in ("VBN", "VBD"):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "mark") for c in verb.children):
            return None
        head = verb.head
        patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if patient is None and self._headline_passive(head, row):
            patient = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return patient

    def _subjects(self, verb: Token, actors: DocActors, depth: int = 0) -> list[Mention]:
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and verb.dep_ == "relcl" and subj.lower_ in ("that", "which", "who"):
            subj = None  # "an offensive that has killed ...": the relative's head, below
        if subj is not None:
            found = expand(subj, actors) or self._author_of(subj, actors)
            # Headlines: "Iran, US cooperate ..." parse the first actor as a loose dependent.
            for c in verb.children:
                if c.dep_ in ("dep", "npadvmod") and c.i < subj.i:
                    found += [m for m in expand(c, actors) if m not in found]
            return found
        if depth > 4:
            return []
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
            # "... when all 15 candidates withdrew, charging the government with fraud": a
            # participle hung on the clause above takes the subject of the clause just before it
            for sibling in sorted(verb.head.children, key=lambda c: -c.i):
                if sibling.i < verb.i and sibling.dep_ in ("advcl", "conj") and sibling.pos_ == "VERB":
                    found = self._subjects(sibling, actors, depth + 1)
                    if found:
                        return found
                    break
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.i != verb.i:
            return self._subjects(verb.head, actors, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            return self._subjects(verb.head.head, actors, depth + 1)  # "resign for defending X"
        perfect = any(c.dep_ == "aux" for c in verb.children)  # "that has killed" is active
        if verb.dep_ in ("relcl", "acl") and (verb.tag_ != "VBN" or perfect):
            head = verb.head
            pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            before = verb.doc[pronoun.i - 1] if pronoun is not None and pronoun.i > 0 else None
            if before is not None and before.pos_ in ("NOUN", "PROPN") and head.i < before.i:
                head = before  # "an analysis by the FBI of the siege that killed 340": the siege killed
            return expand(head, actors) or self._author_of(head, actors) or self._controller(head, actors)
        return []

    def _controller(self, noun: Token, actors: DocActors) -> list[Mention]:
        """ "Israel was easing an offensive that has killed 100 Palestinians": the subject of a
        light verb whose listed object is this event noun (launch, ease, halt, scale back) runs it."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB" or noun.lemma_.lower() not in self.p.nouns:
            return []
        row = self.best_pattern(verb)
        if row is None or noun.lemma_.lower() not in row.objects:
            return []
        return self._subjects(verb, actors)

    def _author_of(self, noun: Token, actors: DocActors) -> list[Mention]:
        """The author of a document or decision noun ("the UN's resolution", "U.S. policy"), or
        the one who issued it ("the government filed a lawsuit accusing ...")."""
        if noun.lemma_.lower() not in DOCUMENT_NOUNS:
            return []
        owners = owner_of(noun, actors)
        if not owners and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            owners = self._subjects(noun.head, actors)
        return owners

    def _author_of_subject(self, verb: Token, actors: DocActors) -> list[Mention]:
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        relative = subj is None or subj.lower_ in ("that", "which", "who")
        if relative and verb.dep_ == "relcl" and verb.head.i != verb.i:
            return self._author_of(verb.head, actors)  # "a policy shift that has angered X"
        return self._author_of(subj, actors) if subj is not None else []

    def _targets(self, verb: Token, slots: tuple[str, ...], actors: DocActors) -> list[Mention]:
        obj = direct_object(verb)
        for slot in slots:
            heads: list[Token] = []
            if slot in ("dobj", "experiencer"):
                heads = [relative_antecedent(c) for c in verb.children if c.dep_ in ("dobj", "obj")]
                if not heads:  # "demanded (that) the chief resign": the subject of the complement
                    heads = [
                        s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"
                    ]
                if not heads and object_gap(verb):
                    heads = [verb.head]  # "two soldiers they had held": the noun is the object
            elif slot == "dative":
                heads = [c for c in verb.children if c.dep_ == "dative"]
            elif slot == "poss" and obj is not None:
                heads = [c for c in obj.children if c.dep_ == "poss"]
            else:
                holders = [verb] + ([obj] if obj is not None else [])
                holders += [c for c in verb.children if c.dep_ == "prt"]
                if obj is not None:  # "pledged 50 million euros in aid to Sudan"
                    holders += [
                        p for c in obj.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                    ]
                    # "signalled flexibility to reach a deal with the provinces"
                    holders += [c for c in obj.children if c.dep_ == "acl" and infinitive(c)]
                for holder in holders:
                    for prep in holder.children:
                        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ == slot:
                            heads += [p for p in prep.children if p.dep_ in ("pobj", "pcomp")]
            for head in heads:
                authored = head.lemma_.lower() in self.p.nouns or head.lemma_.lower() in DOCUMENT_NOUNS
                found = expand(head, actors) or owner_of(head, actors, authored) or self._event_author(head)
                if found:
                    return found
        return []

    def _event_author(self, noun: Token) -> list[Mention]:
        """ "Baghdad condemned the strikes": a definite event noun names the latest event of its
        kind in the document, and the one acted upon is that event's source."""
        pat = self.p.nouns.get(noun.lemma_.lower())
        if pat is None or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in noun.children
        ):
            return []
        root = ontology.root_of(pat.cameo)
        for f in reversed(self._recent + self._here):
            if f.trigger.i < noun.i and ontology.root_of(f.cameo) == root:
                return [f.source]
        return []

    def _embedded_targets(self, xcomp: Token, actors: DocActors) -> list[Mention]:
        row = self.best_pattern(xcomp)
        slots = row.targets if row and row.cameo else ("dobj", "with", "against", "to", "on")
        found = self._targets(xcomp, slots, actors)
        if not found and row is not None and row.cameo is None:  # "promised to continue aid to X"
            inner = next((c for c in xcomp.children if c.dep_ == "xcomp"), None)
            if inner is not None:
                return self._embedded_targets(inner, actors)
        return found

    # -- nouns ---------------------------------------------------------------------------
    def _code_noun(self, noun: Token, actors: DocActors, pub: date | None) -> list[Found]:
        pat = self.p.nouns.get(noun.lemma_.lower())
        if pat is None or actors.mention_at(noun) is not None:
            return []
        governor = noun.head if noun.head.i != noun.i else None
        if governor is not None and noun.dep_ in ("dobj", "nsubjpass"):
            row = self.best_pattern(governor)
            same_event = row is not None and row.cameo is not None and row.cameo[:2] == pat.cameo[:2]
            if row is not None and row.objects and noun.lemma_.lower() in row.objects and same_event:
                return []  # a light-verb construction ("launched an attack") already coded at the verb
        sources = self._noun_slots(noun, pat.sources, actors)
        targets = self._noun_slots(noun, pat.targets, actors)
        if not targets:
            held = self._held_in_probe(noun, pat.cameo, actors)
            if held:
                sources, targets = self._authorities(held[0], actors, noun), held
        if pat.symmetric and len(sources) >= 2 and not targets:
            targets = sources[1:]
            sources = sources[:1]
        if sources and not targets and governor is not None and noun.dep_ == "dobj" and not pat.symmetric:
            verb = governor  # "he rejected an offer from the US": the offer was made to him
            if verb.pos_ == "VERB":
                targets = [m for m in self._subjects(verb, actors) if m not in sources]
        if not sources and targets and pat.symmetric and len(targets) >= 2:
            sources, targets = targets[:1], targets[1:]
        if not sources:
            sources, targets = self._adverbial_event(noun, targets, actors, pat.symmetric)
        if not sources and targets:
            # "U.S. military arrests an Iraqi commander. The arrest of ...": a definite event noun
            # is the event told before; otherwise an arrest with no agent is the authorities'
            sources = self._event_author(noun)
            if not sources and ontology.root_of(pat.cameo) in AUTHORITY_ROOTS:
                sources = self._authorities(targets[0], actors)
        if sources and not targets and not pat.symmetric:
            targets = [t for t in self._complement_actor(noun, actors) if t not in sources]
        cameo = pat.cameo
        root = ontology.root_of(cameo)
        sense = self.p.sense(noun.lemma_.lower(), root) if sources else None
        if sense is not None and sources[0].sector in sense[0]:
            if sense[1] is None:
                return []
            cameo, root = sense[1], ontology.root_of(sense[1])  # "the truckers' strike" (senses.tsv)
            if root == "11" and not targets:
                # "the senator shifted his attack to the economy": a politician's attack with no
                # one named is aimed at his domestic rivals
                s0 = sources[0]
                targets = [Mention(noun.i, noun.i + 1, s0.entry, None, "implicit:home politics")]
        if sources and not targets and not pat.symmetric and (root in ("14", "17") or casualty_frame(noun)):
            # "killed in Israeli tank shelling in Gaza", "France's headscarf ban": the target is
            # the place, as for verbs (only coercion, or violence that killed or wounded)
            targets = self._implicit_target(noun, actors)
            named_place = targets and not targets[0].rule.startswith("implicit:context:most named")
            if not named_place and root != "17":  # a state's own ban or curfew is domestic
                targets = [t for t in targets for s in sources if not same_state_forces(s, t)]
        modality = self._noun_modality(noun, governor)
        when = event_time(governor, pub) if governor is not None and governor.pos_ == "VERB" else None
        return self._pairs(sources, targets, cameo, pat.symmetric, noun, (), pat.describe(), modality, when)

    def _held_in_probe(self, noun: Token, cameo: str, actors: DocActors) -> list[Mention]:
        """Headline grammar "US soldiers in Iraq murder probe", "Minister in bribery inquiry": the
        actor "in" an investigation is investigated, by the authorities (a state word compounded
        on the noun is a place there, not the investigator). Only in a headline: "officials in
        the probe said" are the investigators."""
        prep = noun.head
        if ontology.root_of(cameo) != "09" or noun.dep_ != "pobj" or prep.lower_ != "in":
            return []
        holder = prep.head
        if not self._in_headline(noun) or holder.pos_ not in ("NOUN", "PROPN") or holder.i == prep.i:
            return []
        return expand(holder, actors)

    def _adverbial_event(
        self, noun: Token, targets: list[Mention], actors: DocActors, mutual: bool = False
    ) -> tuple[list[Mention], list[Mention]]:
        """An event noun framing a clause ("the army demolished houses during an incursion",
        "Israel released students as part of a deal"): the clause's subject acts, on the
        clause's target unless the noun names its own."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep":
            return [], targets
        holder = prep.head
        if prep.lower_ == "of" and holder.lemma_ == "part" and holder.head.lower_ == "as":
            prep, holder = holder.head, holder.head.head  # "as part of a deal"
        elif prep.lower_ in ("after", "following", "before") and mutual:
            pass  # "a man who died after a violent confrontation with police": one of its sides
        elif prep.lower_ not in ("during", "in", "amid", "through", "at"):
            return [], targets
        if holder.pos_ != "VERB" or prep.head.i != holder.i:
            return [], targets
        sources = self._subjects(holder, actors)
        if sources and not targets:
            row = self.best_pattern(holder)
            slots = row.targets if row is not None else ("dobj",)
            targets = [t for t in self._targets(holder, slots, actors) if t not in sources]
        if not targets:
            return [], []  # "X and Y support it at a summit": no partner named, no mutual event
        return sources, targets

    def _presence_visit(self, be: Token, actors: DocActors, pub: date | None) -> list[Found]:
        """ "The top UN refugee official is in Chad": a foreign official's presence in a state is
        a visit (042) to it. Only single persons of a government or an IGO, never forces."""
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.tag_ not in ("NN", "NNP") or any(c.dep_ == "attr" for c in be.children):
            return []
        found = expand(subj, actors)
        visitors = [m for m in found if m.sector in ("GOV", "IGO") and not m.rule.startswith("context")]
        if len(visitors) != 1:
            return []
        person = visitors[0].entry.kind == "person" or visitors[0].role is not None
        if not person and actors.institution(subj) is None:
            return []
        for prep in be.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for pobj in prep.children:
                    m = actors.mention_at(pobj) if pobj.dep_ == "pobj" else None
                    if m is not None and m.entry.kind == "state" and m.entry.code != visitors[0].entry.code:
                        modality = clause_modality(be, self.p.cues).merge(context_modality(be, self.p.cues))
                        return self._pairs(
                            visitors,
                            [m],
                            "042",
                            False,
                            be,
                            (prep,),
                            "presence:be in",
                            modality,
                            event_time(be, pub),
                        )
        return []

    def _complement_actor(self, noun: Token, actors: DocActors) -> list[Mention]:
        """ "warnings from the EU that delays could hurt Turkey's chances": the actor a that-clause
        of the event noun is about (its subject, or the owner of its subject or object)."""
        for clause in noun.children:
            finite = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            if clause.dep_ not in ("acl", "ccomp") or not finite:
                continue
            for arg in clause.children:
                if arg.dep_ in ("nsubj", "nsubjpass", "dobj"):
                    found = expand(arg, actors) or owner_of(arg, actors)
                    if found:
                        return found
        return []

    def _announced_refusal(self, verb: Token, actors: DocActors, pub: date | None) -> list[Found]:
        """ "Hariri resigned and said he would not form a new government": an actor announcing
        that it will not do something refuses it (12, FORMAT.md rule 4 and "Future actions"),
        for the acts listed in refusables.tsv that have no verb row. Only an active clause
        reported by its own subject (or with no other reporter), with a future auxiliary and a
        negation as its only modality and no condition; aimed at an actor object, else made at
        home."""
        if verb.pos_ != "VERB" or verb.dep_ != "ccomp" or not self.p.cues.has("report", verb.head.lemma_):
            return []
        particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "dobj")]
        lemma = verb.lemma_.lower()
        if (lemma, None) not in self.p.refusables and not any(
            (lemma, p) in self.p.refusables for p in particles
        ):
            return []
        if any(c.dep_ in ("nsubjpass", "auxpass", "csubj") for c in verb.children):
            return []
        if any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and self.p.cues.has("conditional", m.lower_) for m in c.children)
            for c in verb.children
        ):
            return []  # "would not stay in charge if he felt unable to contribute"
        modality = clause_modality(verb, self.p.cues).merge(context_modality(verb, self.p.cues))
        if not (modality.negated and only_future(backshifted(modality, verb))):
            return []
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        sources = expand(subj, actors) if subj is not None else []
        reporter = self._reporter(verb)
        said_by = reporter.entry.code if reporter is not None else None
        if not sources or (said_by is not None and all(m.entry.code != said_by for m in sources)):
            return []
        slots = ("dobj", "dative", "to", "with", "on")
        targets = [
            t
            for t in self._targets(verb, slots, actors)
            if t.entry.code not in {m.entry.code for m in sources}
        ]
        home = sources[0]
        targets = targets or [Mention(verb.i, verb.i, home.entry, home.sector, "implicit:home")]
        announced = Modality(False, False, modality.covert, modality.cues + ("announced",))
        rule = f"refusables.tsv: announced 'will not {verb.lemma_}' -> 120"
        return self._pairs(sources, targets, "120", False, verb, (), rule, announced, event_time(verb, pub))

    def _custody_death(self, verb: Token, actors: DocActors, pub: date | None) -> list[Found]:
        """ "a man who died in Vancouver police custody", "a general who died in custody": dying
        in custody says the dead was held (173) by whoever held him: the custody's owner, else
        the authorities (the army or police reporting it, or the story's state)."""
        if verb.lemma_.lower() != "die":
            return []
        held = next(
            (
                p
                for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ in ("in", "under")
                for p in prep.children
                if p.dep_ == "pobj" and p.lemma_.lower() in CUSTODY_NOUNS
            ),
            None,
        )
        if held is None:
            return []
        targets = self._subjects(verb, actors)
        if not targets:
            return []
        sources = owner_of(held, actors) or [
            m for c in held.children if c.dep_ in ("compound", "amod") for m in actors.resolve(c)
        ]
        sources = sources or self._authorities(targets[0], actors, verb)
        rule = f"custody death: {verb.lemma_} in {held.lemma_} -> 173"
        modality = clause_modality(verb, self.p.cues).merge(context_modality(verb, self.p.cues))
        extra = (held,)
        return self._pairs(sources, targets, "173", False, verb, extra, rule, modality, event_time(verb, pub))

    def _pronoun_event(self, be: Token, actors: DocActors, pub: date | None) -> list[Found]:
        """ "The talks were tense. They were between Iran and six powers": a pronoun subject of
        "be" + "between X and Y" continues the event noun that was the previous subject."""
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        between = [p for p in be.children if p.dep_ == "prep" and p.lower_ == "between"]
        if subj is None or subj.lower_ not in ("they", "it") or not between:
            return []
        sent = be.sent
        prev = [t for t in be.doc[max(0, sent.start - 80) : sent.start] if t.dep_ == "nsubj"]
        noun = next((t for t in reversed(prev) if t.lemma_.lower() in self.p.nouns), None)
        if noun is None:
            return []
        pat = self.p.nouns[noun.lemma_.lower()]
        sides = [m for p in between for o in p.children if o.dep_ == "pobj" for m in expand(o, actors)]
        if len(sides) < 2 or not pat.symmetric:
            return []
        modality = self._noun_modality(subj, be)
        return self._pairs(sides[:1], sides[1:], pat.cameo, True, subj, (), pat.describe(), modality, None)

    def _noun_slots(self, noun: Token, slots: tuple[str, ...], actors: DocActors) -> list[Mention]:
        holders = [noun]
        if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ == "be":
            holders.append(noun.head)  # "the negotiations are between Iran and the US"
        of = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if of is not None and of.head.lemma_.lower() in NOMINALISED_LIGHT_VERBS:
            holders.append(of.head)  # "the bringing of charges against Bashir"
        for slot in slots:
            found: list[Mention] = []
            if slot in ("poss", "compound", "amod"):
                deps = ("compound", "amod", "nmod") if slot != "poss" else ("poss",)
                for c in noun.children:
                    if c.dep_ in deps:
                        found += [m for m in expand(c, actors, allow_adjective=True) if m not in found]
            else:
                extra = []
                if slot in ("from", "by") and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
                    extra = [noun.head]  # "bringing warnings from the EU": the PP hangs on the verb
                for holder in holders + extra:
                    for prep in holder.children:
                        if prep.dep_ in ("prep", "agent") and prep.lower_ == slot:
                            for pobj in prep.children:
                                if pobj.dep_ == "pobj":
                                    found += expand(pobj, actors)
            if found:
                return found
        return []

    def _noun_modality(self, noun: Token, governor: Token | None) -> Modality:
        result = Modality()
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            result = result.merge(Modality(negated=True, cues=("det:no",)))
        if any(c.lower_ in ("secret", "covert", "clandestine", "quiet", "secretive") for c in noun.children):
            result = result.merge(Modality(covert=True, cues=("covert",)))
        verb = governor
        hops = 0
        while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 4:
            verb = verb.head
            hops += 1
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            own = clause_modality(verb, self.p.cues)
            ctx = context_modality(verb, self.p.cues)
            result = result.merge(Modality(False, own.hypothetical, own.covert, own.cues)).merge(ctx)
            if (
                own.negated
                and noun.dep_ in ("nsubj", "attr", "dobj")
                and verb.lemma_ in ("be", "have", "hold")
            ):
                result = result.merge(Modality(negated=True, cues=own.cues))
        else:
            sent = noun.sent.text.rstrip()
            if sent.endswith("?"):
                result = result.merge(Modality(hypothetical=True, cues=("question",)))
        return result

    # -- assembly ------------------------------------------------------------------------
    def _in_headline(self, tok: Token) -> bool:
        first = tok.sent.start == 0 and tok.sent.end < len(tok.doc)
        return first or any(a <= tok.idx < b for a, b in self._headlines)

    def _lead_reporter(self, tok: Token) -> Mention | None:
        """The source the first sentence after the headline reports ("..., the US army says")."""
        actors = self._actors
        if actors is None or tok.sent.end >= len(tok.doc):
            return None
        lead = tok.doc[tok.sent.end].sent
        root = lead.root
        if not self.p.cues.has("report", root.lemma_):
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        found = actors.resolve(subj) if subj is not None else []
        return found[0] if found else None

    def _reporter(self, trigger: Token) -> Mention | None:
        """Who claims the event: the subject of a reporting verb governing it ("X said Y attacked
        Z"), or the object of "according to"."""
        actors = self._actors
        if actors is None:
            return None
        tok = trigger
        for _ in range(6):
            if tok.dep_ == "ROOT" or tok.head.i == tok.i:
                break
            head = tok.head
            if tok.dep_ in ("ccomp", "parataxis", "conj", "advcl") and self.p.cues.has("report", head.lemma_):
                for c in head.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        found = actors.resolve(c)
                        if found:
                            return found[0]
            tok = head
        for t in trigger.sent:
            if t.lower_ == "according":
                for to in t.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            found = actors.resolve(pobj)
                            if found:
                                return found[0]
        return None

    def _vetoed(self, sent: Span, root: str) -> str | None:
        """The filter kind (sports, market, disaster) that makes this sentence's conflict no event."""
        filters = self.p.filters
        if not filters:
            return None
        for tok in sent:
            hit = filters.get(tok.lower_) or filters.get(tok.lemma_.lower())
            if hit and root in hit[1]:
                return hit[0]
        return None

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
        if (
            not targets
            and len({s.entry.code for s in sources}) >= 2
            and (symmetric or cameo.startswith("19"))
        ):
            pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
        else:
            pairs = [(s, t) for s in sources for t in targets]
        out = []
        for s, t in pairs:
            if s is t or (s.start == t.start and s.end == t.end and s.start != s.end):
                continue
            if t.rule.startswith("context:") and t.sector in ("MIL", "POL", "GOV") and len(s.entry.code) == 3:
                # an unnamed soldier or official acted upon by a state is its own ("suspends soldier")
                t = Mention(t.start, t.end, s.entry, t.sector, "own forces:" + t.rule, t.role)
            if s.entry.code == t.entry.code and s.entry.kind == t.entry.kind == "state" and all_named(s, t):
                continue  # "the US and America" are one actor
            if s.entry.code == t.entry.code and ontology.root_of(cameo) in INTERNATIONAL_ROOTS:
                continue  # "the army suspended a commander" is no reduction of relations
            if s.sector == "BUS" and t.sector == "BUS":
                continue  # company deals and disputes are market news, not political events
            code = cameo
            sense = self.p.sense(trigger.lemma_.lower(), ontology.root_of(cameo))
            if sense is not None and s.sector in sense[0] and not names_forces(extra):
                if sense[1] is None:
                    continue  # "all 15 candidates withdrew": no military retreat (senses.tsv)
                code = sense[1]  # "truckers strike" is a labour strike
            if code == "173" and s.sector == "REB":
                code = "181"  # persons seized by armed groups are abducted, not arrested
            out.append(Found(s, t, code, symmetric, trigger, extra, pattern, modality, when))
        return out

    def _to_events(
        self,
        doc: Doc,
        found: list[Found],
        unit_id: str | None,
        roles: list[tuple[int, int, str]],
        original: str | None = None,
    ) -> list[Event]:
        text = original if original is not None and len(original) == len(doc.text) else doc.text
        events: list[Event] = []
        seen: set[tuple] = set()
        for f in found:
            sent: Span = f.trigger.sent
            if self._vetoed(sent, ontology.root_of(f.cameo)):
                continue
            pair = (f.source.entry.code, f.target.entry.code)
            if f.symmetric:
                pair = (min(pair), max(pair))  # a mutual event is one event in either direction
            key = (sent.start, *pair, f.cameo, f.modality.negated, f.modality.hypothetical)
            if key in seen:
                continue
            seen.add(key)
            toks = sorted((f.trigger, *f.trigger_extra), key=lambda t: t.i)
            t_start, t_end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            src, tgt = f.source.to_actor(doc, text), f.target.to_actor(doc, text)
            role = next((r for a, b, r in roles if a <= sent.start_char < b), "body")
            reporter = self._reporter(f.trigger)
            reported = reporter.to_actor(doc, text) if reporter is not None else None
            raw = text[sent.start_char : sent.end_char]
            s_start = sent.start_char + (len(raw) - len(raw.lstrip()))
            s_end = sent.start_char + len(raw.rstrip())  # no trailing blank lines or blanked datelines
            evidence = Evidence(
                sentence=text[s_start:s_end],
                sentence_start=s_start,
                sentence_end=s_end,
                trigger=text[t_start:t_end],
                trigger_start=t_start,
                trigger_end=t_end,
                pattern=f.pattern + (f" [{', '.join(f.modality.cues)}]" if f.modality.cues else ""),
                source_text=src.text,
                target_text=tgt.text,
                paragraph_role=role,
                reported_by=reported.code if reported else None,
                reported_by_text=reported.text if reported else "",
            )
            events.append(
                Event(
                    source=src.code,
                    target=tgt.code,
                    cameo=f.cameo,
                    root=ontology.root_of(f.cameo),
                    goldstein=ontology.goldstein(f.cameo),
                    quad_class=ontology.quad_class(f.cameo),
                    plover=ontology.plover(f.cameo),
                    evidence=evidence,
                    symmetric=f.symmetric,
                    negated=f.modality.negated,
                    hypothetical=f.modality.hypothetical,
                    covert=f.modality.covert,
                    when=f.when[0] if f.when else None,
                    when_precision=f.when[1] if f.when else None,
                    source_sector=src.sector,
                    target_sector=tgt.sector,
                    source_name=src.name,
                    target_name=tgt.name,
                    unit_id=unit_id,
                )
            )
        return events


CLAIM_NOUNS = {
    "suggestion",
    "claim",
    "accusation",
    "allegation",
    "charge",
    "criticism",
    "report",
    "notion",
    "idea",
}


def _rejects_a_claim(verb: Token) -> bool:
    """ "rejected a suggestion that ...": rejecting what someone said is a denial, no act at home."""
    obj = direct_object(verb)
    return obj is not None and (obj.lemma_.lower() in CLAIM_NOUNS or obj.lemma_.lower() in SPEECH_OBJECTS)


def _licensed_infinitive(verb: Token, coder: Coder) -> bool:
    """An infinitive under a pass-mode control verb ("helped to defeat") is realised."""
    if verb.dep_ != "xcomp":
        return False
    row = coder.best_pattern(verb.head)
    return row is not None and row.xcomp == "pass"
