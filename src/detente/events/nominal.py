"""Event nouns: "talks between X and Y", "Iran's attack on", "the bringing of charges against X"."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..actors.resolver import DocActors, Mention
from . import ontology
from .modality import Modality, clause_modality, context_modality
from .syntax import (
    casualty_frame,
    expand,
    same_state_forces,
)
from .when import event_time

if TYPE_CHECKING:
    from spacy.tokens import Token

from .arguments import ArgumentRules
from .base import (
    AUTHORITY_ROOTS,
    NOMINALISED_LIGHT_VERBS,
    Found,
)


class NounRules(ArgumentRules):
    """Event nouns: "talks between X and Y", "Iran's attack on", "the bringing of charges against X"."""

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
            if noun.dep_ == "dobj" and row is not None and row.cameo and ontology.root_of(row.cameo) == "03":
                return []  # "offering military support to Lebanon": the offer (03) is the event
        sources = self._noun_slots(noun, pat.sources, actors)
        targets = self._noun_slots(noun, pat.targets, actors)
        if not targets:
            held = self._held_in_probe(noun, pat.cameo, actors)
            if held:
                sources, targets = self._authorities(held[0], actors, noun), held
        if not targets and ontology.root_of(pat.cameo) in ("02", "10"):
            # "its demand that Israel ease restrictions": the one the clause asks to act
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
            if noun.dep_ == "dobj" and governor is not None:  # "reiterated its demand today that ..."
                clauses += [
                    c
                    for c in governor.children
                    if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ]
            targets = [
                m
                for c in clauses
                for subj in c.children
                if subj.dep_ == "nsubj"
                for m in expand(subj, actors)
                if m not in sources
            ]
        if pat.symmetric and len(sources) >= 2 and not targets:
            targets = sources[1:]
            sources = sources[:1]
        if sources and not targets and governor is not None and noun.dep_ == "dobj" and not pat.symmetric:
            verb = governor  # "he rejected an offer from the US": the offer was made to him
            if verb.pos_ == "VERB":
                targets = [m for m in self._subjects(verb, actors) if m not in sources]
        if not sources and targets and pat.symmetric:
            # "Iran agreed to freeze enrichment under a deal with Britain, France and Germany":
            # the clause the mutual noun frames names one side, the noun the others
            framed, others = self._adverbial_event(noun, targets, actors, True)
            if framed:
                sources, targets = framed, others
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
        elif prep.lower_ == "under" and targets:
            pass  # "agreed to freeze enrichment under a deal with Britain": the deal's other side
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
        if governor is not None and governor.pos_ == "VERB" and noun.dep_ in ("dobj", "nsubjpass"):
            # "cancelled a visit", "the talks were called off", "postponed the summit"
            lemma = governor.lemma_.lower()
            prts = [(lemma, c.lower_) for c in governor.children if c.dep_ == "prt"]
            if self.p.cues.has("cancel", lemma) or any(
                p in self.p.cues.phrases.get("cancel", ()) for p in prts
            ):
                result = result.merge(Modality(negated=True, cues=(f"cancel:{governor.text}",)))
            if self.p.cues.has("postpone", lemma) or any(
                p in self.p.cues.phrases.get("postpone", ()) for p in prts
            ):
                result = result.merge(Modality(hypothetical=True, cues=(f"postpone:{governor.text}",)))
        verb = governor
        hops = 0
        while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 4:
            verb = verb.head
            hops += 1
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            own = clause_modality(verb, self.p.cues)
            ctx = context_modality(verb, self.p.cues)
            row = self.best_pattern(verb)
            responds = row is not None and row.cameo is not None and int(ontology.root_of(row.cameo)) <= 12
            if responds and verb.i == (governor.i if governor else -1):
                # "would not meet Iran's demands", "may reject the US offer": a verbal or yielding
                # response to the event does not make it hypothetical (a light, control or
                # material verb does: "trying to defeat the IS threat")
                own = Modality(False, False, own.covert, own.cues)
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
