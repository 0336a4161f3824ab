"""Dependency-tree helpers of the event coder: arguments, passives, frames of one clause.

Pure functions over spaCy tokens and resolved actors (:mod:`detente.actors.resolver`); the
:class:`detente.events.coder.Coder` decides what they mean for an event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors.resolver import DocActors, Mention
from .modality import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .patterns import VerbPattern

PARTITIVES = {
    "some",
    "many",
    "most",
    "all",
    "several",
    "none",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "group",
    "delegation",
    "team",
    "handful",
    "number",
    "couple",
    "part",
    "parts",
    "much",
    "swathes",
}  # "a group of Moroccan diplomats", "five of the seven men", "seized parts of Iraq"


def direct_object(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            return c
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i != verb.i:
        return verb.head  # "a curfew imposed to prevent riots"
    return None


def predicative_in(verb: Token, row: VerbPattern) -> bool:
    """A light-verb row whose word is the verb's predicative complement ("found them guilty")."""
    return any(c.dep_ in ("oprd", "acomp") and c.lemma_.lower() in row.objects for c in verb.children)


def measured_lemmas(obj: Token, quantity_nouns: set[str] | frozenset[str]) -> set[str]:
    """The lemmas an object stands for: its own, and for a measure or container noun the noun
    it measures ("25,000 tons of food aid", "$50 million in aid", "a state of emergency")."""
    lemmas = {obj.lemma_.lower()}
    if obj.lemma_.lower() in quantity_nouns or obj.pos_ == "NUM":
        lemmas |= {
            p.lemma_.lower()
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ in ("of", "in")
            for p in c.children
            if p.dep_ == "pobj"
        }
    return lemmas


def prep_object_in(verb: Token, row: VerbPattern) -> bool:
    """A light-verb row whose noun is the object of its particle preposition ("placed under
    arrest", "put on trial")."""
    if not row.particle:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == row.particle:
            if any(p.dep_ == "pobj" and p.lemma_.lower() in row.objects for p in prep.children):
                return True
    return False


def names_forces(extra: tuple[Token, ...]) -> bool:
    """Whether a light-verb object names armed forces ("withdrew its troops")."""
    return any(t.lemma_.lower() in ("troop", "soldier", "force", "army", "unit") for t in extra)


def pobj_of(prep: Token) -> Token:
    return next((c for c in prep.children if c.dep_ == "pobj"), prep)


def expand(head: Token, actors: DocActors, allow_adjective: bool = False) -> list[Mention]:
    """The actor(s) of an argument head and of the heads coordinated with it."""
    out: list[Mention] = []
    if head.pos_ == "NUM" or head.lower_ in PARTITIVES:  # "five of the seven men", "two of its soldiers"
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            head = pobj
    toks = [head, *[c for c in head.conjuncts if c.i > head.i]]
    first = actors.mention_at(head)
    for c in head.children:  # "The US, Russia, and Switzerland met": a list parsed as apposition
        m = actors.mention_at(c) if c.dep_ == "appos" else None
        if m is not None and first is not None and listed_states(first, m):
            toks += [c, *[x for x in c.conjuncts if x.i > c.i]]
    for tok in toks:
        found = actors.resolve(tok)
        if not found and allow_adjective:
            m = actors.mention_at(tok)
            if m is not None:
                found = [m]
        for m in found:
            if m not in out:
                out.append(m)
        if found and found[0].rule.startswith("institution"):
            # "US and British forces", "US and Iraqi troops": one head, coordinated modifiers
            for mod in tok.children:
                if mod.dep_ not in ("compound", "amod", "nmod") or actors.mention_at(mod) is None:
                    continue
                for other in mod.conjuncts:
                    m = actors.mention_at(other)
                    if (
                        m is not None
                        and m.entry.kind in ("state", "adjective", "demonym")
                        and all(m.entry.code != x.entry.code for x in out)
                    ):
                        out.append(
                            Mention(tok.i, tok.i + 1, m.entry, found[0].sector, "institution:conjoined")
                        )
    return out


CASUALTY_LEMMAS = {"kill", "wound", "injure", "hurt", "destroy", "damage", "die"}


def casualty_frame(noun: Token) -> bool:
    """ "were killed in Israeli shelling", "died in a US air strike": a violent noun naming how
    people were killed or wounded (so no verbal 'attack' of a campaign speech)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "by") or prep.head.i == prep.i:
        return False
    verb = prep.head
    return verb.lemma_.lower() in CASUALTY_LEMMAS and (verb.tag_ == "VBN" or verb.lemma_ == "die")


def casualty_means(verb: Token) -> Token | None:
    """The act that killed or wounded, named after "in", "during" or "by" ("were killed in
    Israeli shelling", "died during clashes", "killed by a mortar attack"). A gerund the parser
    hung on the verb right after the object ("killed in Israeli tank shelling": *shelling* as a
    clause with no subject or object) is that act."""
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "during", "by"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for c in verb.children:
                if (
                    c.dep_ == "advcl"
                    and c.tag_ == "VBG"
                    and c.i == pobj.i + 1
                    and not any(k.dep_ in ("nsubj", "dobj", "aux", "mark") for k in c.children)
                ):
                    return c
            return pobj
    return None


def armed_means(verb: Token, actors: DocActors) -> list[Mention]:
    """The armed force named as the means of a passive killing ("were killed in Israeli tank
    fire", "died in US helicopter attacks"): an "in" object resolved to a military actor, or the
    state owning the violent act ("killed in Israeli shelling")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for pobj in prep.children:
                found = actors.resolve(pobj) if pobj.dep_ == "pobj" else []
                if found and found[0].sector == "MIL":
                    return found[:1]
    means = casualty_means(verb)
    if means is not None and means.dep_ == "advcl":  # the mis-parse: its modifier is the object
        m = actors.mention_at(means.nbor(-1))
        if m is not None and m.entry.kind in ("adjective", "state", "demonym"):
            return [m]
    if means is not None and means.pos_ == "NOUN" and means.dep_ == "pobj" and means.head.lower_ == "in":
        return owner_of(means, actors, authored=False)
    return []


CUSTODY_NOUNS = {"jail", "prison", "custody", "detention", "arrest", "captivity"}


def from_custody(verb: Token) -> bool:
    """ "Anwar was freed from jail": released by those who held him, the authorities."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            if any(
                p.dep_ == "pobj" and p.lemma_.lower() in CUSTODY_NOUNS - {"captivity"} for p in prep.children
            ):
                return True
    return False


def noun_as_verb(tok: Token) -> bool:
    """A token tagged as a noun that heads a clause with a subject and an object is a verb the
    tagger missed (headlines: "Iraqi leader thanks U.S.")."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ROOT":
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "dobj" in deps


def object_gap(verb: Token) -> bool:
    """A relative clause with its own subject and no object: the head noun is the object
    ("the two soldiers [that] the rebels had held")."""
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return False
    kids = list(verb.children)
    own_subject = any(c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who") for c in kids)
    return own_subject and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in kids)


def listed_states(a: Mention, b: Mention) -> bool:
    """Two different states cannot be in apposition: such a parse is a list."""
    return a.entry.kind == b.entry.kind == "state" and a.entry.code != b.entry.code


RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}


def relative_antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("a Turkish hostage, who they threatened to behead":
    the hostage), found through the relative clause that holds it; any other token unchanged."""
    if tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ not in ("WP", "WDT", "WP$"):
        return tok
    clause = tok.head
    for _ in range(4):
        if clause.dep_ == "relcl" and clause.head.i != clause.i:
            return clause.head
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return tok


COMPASS_WORDS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
}


def compass_repair(tok: Token) -> Token:
    """The noun a compass word stands in for: "an Islamic State target southwest of Baghdad" is
    parsed with *southwest* as the head and *target* as its compound; "in the east of the Gaza
    Strip" names the Gaza Strip."""
    if tok.lower_ not in COMPASS_WORDS:
        return tok
    for c in tok.children:
        if c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "NOUN":
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return tok


def owner_of(head: Token, actors: DocActors, authored: bool = True) -> list[Mention]:
    """The state owning a non-actor object ("attacked Iranian positions" -> Iran)."""
    head = compass_repair(head)
    if head.pos_ not in ("NOUN",):
        return []
    for c in head.children:
        if any(k.dep_ == "nummod" for k in c.children):
            continue  # "the six-party talks", "a two-state solution": a count, not an owner
        if c.dep_ in ("amod", "compound", "poss"):
            m = actors.mention_at(c)
            if m is not None and m.entry.kind in ("adjective", "state", "demonym", "org", "region"):
                return [m]
            if m is None and actors.institution(c) is not None:
                found = actors.resolve(c)  # "the city's chief constable resign" (a mis-parse)
                if c.pos_ == "ADJ":  # "joint military exercises" are no one's by the story alone
                    found = [m for m in found if not m.rule.startswith("context")]
                if found:
                    return found
    # "rejected an offer from the US", "condemned the attack by Iran", "investigating crimes by
    # extremists": the author of the thing ("from" only for events and documents: "received
    # assurances from X" makes X no visitor)
    for c in head.children:
        if c.dep_ in ("prep", "agent") and (c.lower_ == "by" or (authored and c.lower_ == "from")):
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    found = expand(pobj, actors)
                    if found:
                        return found
    return []


def all_named(*mentions: Mention) -> bool:
    return all(m.rule.startswith("dictionary") for m in mentions)


def agentless(verb: Token) -> bool:
    """A passive clause with no "by" agent ("Four soldiers are charged", "reporter detained")."""
    kids = list(verb.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or headline_passive(verb, False)
    passive = passive or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"))
    if not passive and verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i:
        if not any(c.dep_ in ("nsubj", "dobj", "agent") for c in kids):
            return agentless(verb.head)  # "was sacked and placed under house arrest"
    return passive and not any(c.dep_ == "agent" for c in kids)


def headline_passive(verb: Token, in_headline: bool) -> bool:
    """Headlinese drops the auxiliary: "Australian reporter freed in Iraq" is passive (in a
    headline, actives are in the present tense, so any bare past form is a participle)."""
    kids = list(verb.children)
    return (
        (verb.tag_ == "VBN" or (in_headline and verb.tag_ == "VBD"))
        and any(c.dep_ == "nsubj" for c in kids)
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in kids)
    )


def same_state_forces(source: Mention, target: Mention) -> bool:
    """A named state's own forces acting in a place the story does not name."""
    named = not source.rule.startswith("context")
    return named and source.entry.code == target.entry.code and (source.sector or "GOV") in ("GOV", "MIL")


OBLIGATION_MODALS = {"must", "should"}
FUTURE_MODALS = {"modal:will", "modal:'ll", "modal:shall", "modal:going to", "modal:wo"}
POSSIBLE_MODALS = FUTURE_MODALS | {"modal:may", "modal:might", "modal:could"}


def only_possible(modality: Modality) -> bool:
    """True when the only hypothetical cues are future or possibility auxiliaries."""
    hyp = [c for c in modality.cues if not c.startswith(("neg", "covert"))]
    return bool(hyp) and all(c.lower() in POSSIBLE_MODALS for c in hyp) and not modality.negated


def only_future(modality: Modality) -> bool:
    """True when the only hypothetical cue is a future auxiliary ("will launch")."""
    hyp = [c for c in modality.cues if not c.startswith(("neg", "covert"))]
    return bool(hyp) and all(c.lower() in FUTURE_MODALS for c in hyp)


SELF_PRONOUNS = {"he", "she", "it", "they", "we", "i"}


def backshifted(modality: Modality, verb: Token) -> Modality:
    """Reported speech after a past reporting verb shifts "will" to "would" ("he said he would
    not attend" reports "I will not attend"): read such a "would" as the future it reports, when
    the speaker speaks of itself (a pronoun subject; "warned that members would not forgive"
    stays a conditional judgement)."""
    if verb.dep_ != "ccomp" or verb.head.tag_ != "VBD":
        return modality
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in SELF_PRONOUNS:
        return modality
    cues = tuple("modal:will" if c.lower() == "modal:would" else c for c in modality.cues)
    return Modality(modality.negated, modality.hypothetical, modality.covert, cues)


def infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
