"""Who acts and who is acted upon: subjects, targets, authorities, reporters and places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors.resolver import PLACE_NOUNS, DocActors, Mention
from . import ontology
from .modality import Modality
from .patterns import VerbPattern
from .syntax import (
    CASUALTY_LEMMAS,
    armed_means,
    casualty_means,
    compass_repair,
    direct_object,
    expand,
    headline_passive,
    infinitive,
    object_gap,
    owner_of,
    pobj_of,
    relative_antecedent,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

from .base import (
    CONTROL_DEPS,
    DOCUMENT_NOUNS,
    SUBJECT_DEPS,
    CoderBase,
)

BEFALLING_ROOTS = {"14", "15", "17", "18", "19", "20"}  # events that befall a place


class ArgumentRules(CoderBase):
    """Who acts and who is acted upon: subjects, targets, authorities, reporters and places."""

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
        if verb is not None:  # "was put under investigation in Italy": where it happened
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "inside"):
                    for pobj in prep.children:
                        m = actors.mention_at(pobj) if pobj.dep_ == "pobj" else None
                        if m is not None and m.entry.kind in ("state", "region") and len(m.entry.code) == 3:
                            return [
                                Mention(target.start, target.start, m.entry, "GOV", "implicit:authorities in")
                            ]
        c = c or actors.home  # "Eugene Terreblanche is detained": his home state's authorities
        if c is None:
            return []
        return [Mention(target.start, target.start, c.entry, "GOV", "implicit:authorities " + c.rule)]

    def _act_place(self, verb: Token, actors: DocActors) -> Mention | None:
        """The state an act happened in: an "in X" on the verb or its object ("abducted a
        driver in northern Iraq", "attacked a convoy in the east of Afghanistan")."""
        holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
        if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and verb.head.i != verb.i:
            # "raided a camp in Gaza, arresting five militants": the participle's place is its head's
            head = verb.head
            holders += [head, *(c for c in head.children if c.dep_ in ("dobj", "obj"))]
        for prep in (p for h in holders for p in h.children):
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "inside", "across"):
                continue
            for pobj in map(compass_repair, prep.children):
                m = actors.mention_at(pobj) if pobj.dep_ == "pobj" else None
                if m is not None and m.entry.kind in ("state", "region") and len(m.entry.code) == 3:
                    return m
        for obj in (h for h in holders if h.dep_ in ("dobj", "obj")):
            placed = actors.resolve(obj) if obj.lemma_.lower() in PLACE_NOUNS else []
            if placed and placed[0].rule.startswith("place:"):  # "raided the Jenin refugee camp"
                return placed[0]
        return None

    def _violent_means(self, verb: Token) -> tuple[Token, str] | None:
        """The military act that killed or wounded, and its code, when a casualty verb names one
        ("killed in Israeli shelling", "wounded in clashes", "killed by a mortar attack": 19):
        the act, of which the casualties are the result. Bombings and other assaults (18) are
        not returned: the casualty verb's own 18 stands."""
        if verb.lemma_.lower() not in CASUALTY_LEMMAS:
            return None
        means = casualty_means(verb)
        if means is None:
            return None
        pat = self.p.nouns.get(means.lower_) or self.p.nouns.get(means.lemma_.lower())
        cameo = pat.cameo if pat is not None and means.pos_ == "NOUN" else None
        if cameo is None and means.pos_ == "VERB":
            row = self.best_pattern(means)
            cameo = row.cameo if row is not None else None
        return (means, cameo) if cameo and ontology.root_of(cameo) in ("19", "20") else None

    def _implicit_target(self, verb: Token, actors: DocActors) -> list[Mention]:
        """Where a material act names no target actor ("ETA threatened to set off bombs",
        "soldiers withdrew"), its target is the place: an "in X" state, else the story's country."""
        holders = [verb, *[c for c in verb.children if c.dep_ in ("dobj", "xcomp")]]
        violent = self._violent_means(verb)
        means = violent[0] if violent is not None else None
        if means is not None:  # "killed in Israeli shelling in the Gaza Strip": where the act was
            holders.insert(0, means)
        for holder in holders:
            for prep in holder.children:
                if means is not None and holder.i == verb.i and means.head.i == prep.i:
                    continue  # the means itself is no place
                if prep.dep_ == "prep" and prep.lower_ in ("in", "across", "inside"):
                    for pobj in map(compass_repair, prep.children):  # "in the east of Gaza"
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
            if agent is None and passive.dep_ == "nsubjpass":
                # "Egypt was granted aid by the US": the agent parsed as a "by" on the object
                for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
                    agent = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            sources = expand(pobj_of(agent), actors) if agent is not None else []
            if agent is None and passive.i == verb.head.i != verb.i:
                sources = self._releaser(verb, actors)
            if agent is None and not sources and verb.lemma_.lower() in CASUALTY_LEMMAS:
                sources = armed_means(verb, actors)  # "killed in Israeli tank shelling"
            retained = any(c.dep_ in ("dobj", "obj") for c in verb.children)
            if "dobj" in row.targets or ("dative" in row.targets and retained):
                # the passive subject is the active object, or the recipient when the thing
                # given stays the object ("pensioners are being promised energy savings")
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
        if subj is not None and subj.dep_ == "nsubj" and subj.pos_ == "VERB" and subj.tag_ == "VBG":
            # "The Red Cross operating in Iraq said": the participle was parsed as the subject
            subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
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
            governor = verb.head.head
            if verb.head.lower_ in ("for", "of"):  # "jailed a student for helping militants",
                # "praised Iran for helping", "accused Pakistan of harbouring militants": the one
                # jailed, praised or accused did it (object control)
                patient = next((c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if patient is not None:
                    return expand(patient, actors)
            return self._subjects(governor, actors, depth + 1)  # "resign for defending X"
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
                if not heads and obj is not None:  # "offered Turkey membership talks": the
                    # recipient parsed as a compound at the head of the object phrase
                    heads = [
                        c
                        for c in obj.children
                        if c.dep_ == "compound"
                        and c.i == verb.i + 1
                        and c.pos_ == "PROPN"
                        and actors.mention_at(c) is not None
                    ]
            elif slot == "poss" and obj is not None:
                heads = [c for c in obj.children if c.dep_ == "poss"]
            else:
                holders = [verb] + ([obj] if obj is not None else [])
                holders += [c for c in verb.children if c.dep_ == "prt"]
                # "pulled its troops out of Iraq", "moved away from": a compound preposition
                holders += [
                    c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("out", "away", "back")
                ]
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
                if not found and head.lemma_.lower() in self.p.nouns:
                    found = self._event_place(head, actors)  # "sorrow for the shootings in South Carolina"
                if found:
                    return found
        return []

    def _event_place(self, noun: Token, actors: DocActors, event: Token | None = None) -> list[Mention]:
        """The state where an event noun with no actor happened ("the shootings in South
        Carolina", "the attack at a mall in Kenya's capital"): the one it befell."""
        # "an attack targeting non-Muslims at a mall in Nairobi": the place may hang on the
        # participle that describes the event
        holders = [noun, *[c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")]]
        for prep in (p for h in holders for p in h.children):
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for place in prep.children:
                if place.dep_ != "pobj":
                    continue
                place = compass_repair(place)
                for tok in [place, *[c for c in place.children if c.dep_ in ("poss", "compound", "amod")]]:
                    m = actors.mention_at(tok)
                    if m is not None and m.entry.kind in ("state", "region", "adjective"):
                        return [Mention(m.start, m.end, m.entry, "GOV", "implicit:place of the event")]
                name = " ".join(
                    [c.text for c in place.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [place.text]
                )
                pat = self.p.nouns.get((event or noun).lemma_.lower())
                befell = pat is not None and ontology.root_of(pat.cameo) in BEFALLING_ROOTS
                entry = actors.place_state(name) if place.pos_ == "PROPN" and befell else None
                if entry is not None:  # a city: "the attack in Nairobi" (not "a news conference in London")
                    return [Mention(place.i, place.i + 1, entry, "GOV", "implicit:city of the event")]
                inner = self._event_place(place, actors, event or noun)  # "at a mall in Kenya's capital"
                if inner:
                    return inner
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
