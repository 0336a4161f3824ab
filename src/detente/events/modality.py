"""Modality of an event's clause: negated, hypothetical, covert.

The cue words are data (``data/events/modality.tsv``); this module only knows the syntax:
negation is a ``neg`` child (or a "no"/"neither" determiner on the subject); hypothetical is a
modal auxiliary, an unrealised infinitive, a conditional or question clause, or a clause under
a speculation verb or adverb; covert is a covert adverb or phrase attached to the clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .patterns import Cues

if TYPE_CHECKING:
    from spacy.tokens import Token

FOCUS_ADVERBS = {"just", "only", "merely", "simply", "solely"}
CLAUSE_DEPS = {
    "ccomp",
    "advcl",
    "xcomp",
    "conj",
    "relcl",
    "acl",
    "pcomp",
    "csubj",
    "ROOT",
    "parataxis",
}
NEGATIVE_DETS = {"no", "neither"}
DEFAULT_MODALS = {
    "would",
    "could",
    "may",
    "might",
    "should",
    "will",
    "shall",
    "can",
    "must",
    "'d",
    "'ll",
    "wo",
    "ca",
}


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    covert: bool = False
    cues: tuple[str, ...] = ()

    def merge(self, other: Modality) -> Modality:
        return Modality(
            self.negated or other.negated,
            self.hypothetical or other.hypothetical,
            self.covert or other.covert,
            self.cues + other.cues,
        )


def _clause_tokens(verb: Token) -> list[Token]:
    """Tokens of the verb's own clause (its subtree minus embedded clauses)."""
    out: list[Token] = []
    stack = list(verb.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX"):
            continue
        out.append(tok)
        stack.extend(tok.children)
    return out


PURPOSE_WORDS = {"to", "in", "because", "for", "as", "after", "over"}


def _scopes_over_purpose(adverb: Token) -> bool:
    """ "abducted in Gaza apparently to pressure the minority", "apparently in retaliation": a
    sentence adverb right before a purpose or reason adjunct doubts the reason, not the act
    (FORMAT.md: doubt only about who or why does not make the event hypothetical)."""
    doc = adverb.doc
    if adverb.i + 1 >= len(doc) or adverb.i < adverb.head.i:
        return False
    return doc[adverb.i + 1].lower_ in PURPOSE_WORDS


def clause_modality(verb: Token, cues: Cues) -> Modality:
    """Modality marked inside one clause (not inherited from governing clauses)."""
    negated = hypothetical = covert = False
    found: list[str] = []
    children = list(verb.children)
    focus = any(c.lower_ in FOCUS_ADVERBS for c in verb.subtree if c.dep_ == "advmod")
    for c in children:
        low = c.lower_
        if c.dep_ == "neg" and not focus:
            negated = True
            found.append(f"neg:{c.text}")
        elif c.dep_ == "advmod" and cues.has("negation", low) and low not in ("not", "n't") and not focus:
            negated = True
            found.append(f"neg:{c.text}")
        elif c.dep_ == "aux" and (cues.has("hypothetical", low) or low in DEFAULT_MODALS):
            hypothetical = True
            found.append(f"modal:{c.text}")
        elif (
            c.dep_ in ("advmod", "npadvmod") and cues.has("speculation", low) and not _scopes_over_purpose(c)
        ):
            hypothetical = True
            found.append(f"speculation:{c.text}")
        elif c.dep_ == "mark" and cues.has("conditional", low):
            hypothetical = True
            found.append(f"conditional:{c.text}")
        elif c.dep_ in ("nsubj", "nsubjpass"):
            if any(d.dep_ == "det" and d.lower_ in NEGATIVE_DETS for d in c.children) or low in (
                "neither",
                "nobody",
                "none",
            ):
                negated = True
                found.append(f"neg-subject:{c.text}")
    if verb.lower_ == "going" or any(c.dep_ == "aux" and c.lower_ == "going" for c in children):
        hypothetical = True
        found.append("modal:going to")
    if covert_in(verb, cues, _clause_tokens(verb)):
        covert = True
        found.append("covert")
    return Modality(negated, hypothetical, covert, tuple(found))


def covert_in(head: Token, cues: Cues, tokens: list[Token]) -> bool:
    words = [t.lower_ for t in sorted(tokens + [head], key=lambda t: t.i)]
    if any(cues.has("covert", w) for w in words):
        return True
    text = " " + " ".join(words) + " "
    return any(" " + " ".join(p) + " " in text for p in cues.phrases.get("covert", ()))


# Subordinators whose finite clause states its own fact ("the line will stay closed as police
# investigate": the investigation is happening, whatever the main clause's modal says).
FACTUAL_SUBORDINATORS = {"as", "while", "because", "since", "although", "though", "whereas"}


def _own_finite_clause(tok: Token) -> bool:
    kids = list(tok.children)
    return (
        tok.dep_ == "advcl"
        and tok.tag_ in ("VBP", "VBZ", "VBD")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
        and any(c.dep_ == "mark" and c.lower_ in FACTUAL_SUBORDINATORS for c in kids)
    )


def context_modality(verb: Token, cues: Cues) -> Modality:
    """Modality inherited from the sentence and the clauses that govern ``verb``."""
    result = Modality()
    sent = verb.sent
    if sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
        result = result.merge(Modality(hypothetical=True, cues=("question",)))
    tok = verb
    hops = 0
    while tok.dep_ != "ROOT" and tok.head.i != tok.i and hops < 8:
        hops += 1
        head = tok.head
        if tok.dep_ in ("ccomp", "advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "pobj"):
            if head.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                lemma = head.lemma_.lower()
                if tok.dep_ != "conj" and cues.has("speculation", lemma):
                    result = result.merge(Modality(hypothetical=True, cues=(f"speculation:{head.text}",)))
                if tok.dep_ == "ccomp" and cues.has("denial", lemma):
                    result = result.merge(Modality(negated=True, cues=(f"denial:{head.text}",)))
                if tok.dep_ in ("advcl", "ccomp") and any(
                    c.dep_ == "mark" and cues.has("conditional", c.lower_) for c in tok.children
                ):
                    result = result.merge(Modality(hypothetical=True, cues=("conditional",)))
                if tok.dep_ != "conj" and head.pos_ in ("VERB", "AUX") and not _own_finite_clause(tok):
                    inherited = clause_modality(head, cues)
                    if inherited.hypothetical and tok.dep_ in ("xcomp", "ccomp", "conj", "advcl"):
                        result = result.merge(Modality(hypothetical=True, cues=inherited.cues))
                if tok.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
                    own = clause_modality(head, cues)
                    shared_aux = not any(c.dep_ == "aux" for c in tok.children)
                    if shared_aux and own.hypothetical:
                        result = result.merge(Modality(hypothetical=True, cues=own.cues))
        tok = head
    return result
