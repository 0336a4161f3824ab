"""Statement frames beyond one verb row: refusals, evaluations, attributions, obligations, visits."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..actors.resolver import DocActors, Mention
from . import ontology
from .base import CONTROL_DEPS, QUANTITY_NOUNS, SPEECH_OBJECTS, Found
from .modality import Modality, clause_modality, context_modality
from .nominal import NounRules
from .syntax import (
    CUSTODY_NOUNS,
    OBLIGATION_MODALS,
    backshifted,
    direct_object,
    expand,
    measured_lemmas,
    only_future,
    owner_of,
)
from .when import event_time

if TYPE_CHECKING:
    from spacy.tokens import Token

RECEIVE_VERBS = {"receive", "get", "obtain", "accept"}


class FrameRules(NounRules):
    """Statement frames beyond one verb row: refusals, evaluations, attributions, obligations, visits."""

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

    def _received(self, verb: Token, actors: DocActors, pub: date | None) -> list[Found]:
        """The giving seen from the receiver: "Georgian demonstrators received weapons from the
        government", "Iraq received $1 billion in aid from Japan" are what the rows of *provide*
        code for that object, from the giver to the receiver."""
        if verb.lemma_.lower() not in RECEIVE_VERBS:
            return []
        obj = direct_object(verb)
        if obj is None:
            return []
        lemmas = measured_lemmas(obj, QUANTITY_NOUNS)
        row = next((r for r in self.p.verbs.get("provide", []) if r.cameo and lemmas & set(r.objects)), None)
        if row is None or row.cameo is None:
            return []
        givers: list[Mention] = []
        for holder in (verb, obj):
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "from":
                    givers += [m for p in prep.children if p.dep_ == "pobj" for m in expand(p, actors)]
        receivers = self._subjects(verb, actors)
        if not givers or not receivers:
            return []
        modality = clause_modality(verb, self.p.cues).merge(context_modality(verb, self.p.cues))
        rule = f"{row.describe()} (received from the giver)"
        return self._pairs(
            givers, receivers, row.cameo, False, verb, (obj,), rule, modality, event_time(verb, pub)
        )

    def _refusal_aimed_elsewhere(self, verb: Token) -> bool:
        """A refusal with no target named that is not made at home (as "declined to resign" or
        "ruled out a probe" are): rejecting what someone said ("rejected a suggestion that ...":
        a denial), someone's offer, request or demand ("Iran rejected a European offer": aimed at
        its author, not placed), or talks, a meeting or a deal ("refused to return to the
        six-party talks": aimed at the other side, not named)."""
        obj = direct_object(verb)
        if obj is not None:
            lemma = obj.lemma_.lower()
            if lemma in CLAIM_NOUNS or lemma in SPEECH_OBJECTS:
                return True
            pat = self.p.nouns.get(lemma)
            if pat is not None and ontology.root_of(pat.cameo) in ("02", "03", "10"):
                return True
        for xcomp in (c for c in verb.children if c.dep_ in CONTROL_DEPS):
            row = self.best_pattern(xcomp)
            if row is not None and row.symmetric:
                return True
            nouns = [c for c in xcomp.children if c.dep_ in ("dobj", "obj")]
            nouns += [p for c in xcomp.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            if any((pat := self.p.nouns.get(n.lemma_.lower())) is not None and pat.symmetric for n in nouns):
                return True
        return False

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
