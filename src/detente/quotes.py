"""Who said what: direct and indirect quotes on a parsed document.

A quote is a cue verb from ``data/quotes/cues.tsv`` ("said", "told", "warned", "accused") with
a speaker (its subject, the passive agent, or the object of "according to") and a content
span (its clausal complement, the "of ..." complement of "accuse", the "to ..." complement of
"urge", or the quoted text of its sentence). Quotes whose content lies inside quotation marks
are ``direct``, the rest ``indirect``. The speaker is resolved to an actor with
:class:`detente.actors.resolver.DocActors` (people by role and the article date), pronouns
included. In an interview every answer paragraph is a quote of the interviewee (kind
``interview``), and "I"/"we" speakers inside answers are the interviewee.

This module imports spaCy only for type checking, so the store can import :class:`Quote`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .datafiles import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .actors.resolver import DocActors, Mention
    from .models import Article

QUOTE_CHARS = '"“”«»„'
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CONTENT_DEPS = ("ccomp", "parataxis")
FIRST_PERSON = {"i", "we", "me", "us"}
PERSON_SUBJECTS = {"he", "she"}
# Subjects that are never speakers ("it said" in "it is said that" is not a source).
NOT_SPEAKERS = {"it", "this", "that", "there", "which", "what", "who", "you", "one", "nobody", "anyone"}
XCOMP_GROUPS = {"ask", "promise", "warn", "accuse"}  # "urged X to ...", "vowed to ...", "threatened to ..."
QUOTE_GAP = 4  # at most this many characters (", " and quote marks) between a quotation and its cue


@dataclass(frozen=True)
class Quote:
    """A statement attributed to a speaker; offsets are in the coded text (headline + body)."""

    kind: str  # "direct", "indirect" or "interview"
    speaker: str  # the speaker as written ("he", "Ayatollah Khamenei", "Roham Alvandi")
    content: str
    content_start: int
    content_end: int
    cue: str  # cue verb lemma, "according to", or "interview"
    cue_text: str = ""
    speaker_code: str | None = None
    speaker_name: str | None = None
    speaker_role: str | None = None
    speaker_sector: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    paragraph_role: str = "body"

    def quote_id(self, doc_id: str) -> str:
        key = f"{doc_id}|{self.kind}|{self.content_start}|{self.content_end}|{self.cue}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, str]:
    """Cue verb lemma -> group, from ``quotes/cues.tsv`` (plus ``$DETENTE_DATA`` overrides)."""
    return {
        row["lemma"].lower(): row.get("group", "") for _, _, row in read_tsv("quotes/cues.tsv", ("lemma",))
    }


def _role_at(roles: list[tuple[int, int, str]], char: int) -> tuple[str, int]:
    for i, (start, end, role) in enumerate(roles):
        if start <= char < end:
            return role, i
    return "body", -1


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks in one sentence; an unclosed quotation runs to the end."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and open_at is not None and text[i + 1 : i + 2] == "\n":
            spans.append((open_at, i))
            open_at = None
        if ch not in QUOTE_CHARS:
            continue
        if open_at is None and ch not in "”»":
            open_at = i + 1
        elif open_at is not None and ch not in "“«„":
            if i - open_at > 1:
                spans.append((open_at, i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _trim(doc: Doc, first: int, last: int) -> Span | None:
    """The span [first, last] without leading marks/punctuation and trailing punctuation."""
    while first <= last and (doc[first].dep_ == "mark" or doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return doc[first : last + 1] if first <= last else None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "X would not comment, saying that ..."
    return None


def _content(verb: Token) -> Span | None:
    """The clausal content of a cue verb: ccomp, "of"/"to" complements, or an xcomp."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS:
            return _trim(doc, child.left_edge.i, child.right_edge.i)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "on"):
            comps = [c for c in child.children if c.dep_ in ("pcomp", "pobj")]
            if comps and comps[0].dep_ == "pcomp":
                return _trim(doc, verb.i + 1, comps[0].right_edge.i)
        if child.dep_ == "xcomp" and (
            cue_verbs().get(verb.lemma_.lower()) in XCOMP_GROUPS or child.tag_ == "VBG"
        ):
            return _trim(doc, child.left_edge.i, child.right_edge.i)
    return None


def _speaker_text(tok: Token) -> str:
    """The speaker phrase: the subject's subtree up to a comma or relative clause, without
    determiners ("Usdaw general secretary John Hannett", "Baroness Boothroyd")."""
    words = []
    for t in tok.doc[tok.left_edge.i : tok.right_edge.i + 1]:
        if t.i > tok.i and (t.is_punct or t.dep_ in ("relcl", "acl", "prep", "cc")):
            break
        if t.dep_ not in ("det", "punct") and not t.is_space:
            words.append(t)
    return " ".join(t.text for t in words).replace(" 's", "'s") or tok.text


class QuoteFinder:
    """Find quotes in one parsed document."""

    def __init__(
        self,
        doc: Doc,
        actors: DocActors,
        roles: list[tuple[int, int, str]] | None = None,
        speakers: list[str | None] | None = None,
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.text = text if text is not None and len(text) == len(doc.text) else doc.text
        self.actors = actors
        self.roles = roles or []
        self.speakers = speakers or []
        self.cues = cue_verbs()

    def find(self) -> list[Quote]:
        quotes = self._interview_answers()
        spans: list[Quote] = []
        for sent in self.doc.sents:
            spans.extend(self._sentence(sent))
        # A cue inside another quote's content is reported speech within speech: keep the outer.
        outer = [
            q
            for q in spans
            if not any(
                o is not q and o.content_start <= q.content_start and q.content_end <= o.content_end
                for o in spans
            )
        ]
        return quotes + outer

    # -- interviews ------------------------------------------------------------------------
    def _interviewee(self, char: int) -> str | None:
        role, i = _role_at(self.roles, char)
        if role != "answer" or i < 0 or i >= len(self.speakers):
            return None
        return self.speakers[i]

    def _interview_answers(self) -> list[Quote]:
        out = []
        text = self.text
        for i, (start, end, role) in enumerate(self.roles):
            speaker = self.speakers[i] if i < len(self.speakers) else None
            if role != "answer" or not speaker or not text[start:end].strip():
                continue
            code, name, prole, sector = self._resolve_name(speaker)
            out.append(
                Quote(
                    "interview", speaker, text[start:end], start, end, "interview", "",
                    code, name, prole, sector, start, end, "answer",
                )
            )  # fmt: skip
        return out

    def _resolve_name(self, name: str) -> tuple[str | None, str | None, str | None, str | None]:
        """Resolve a speaker label through the document's dictionary mentions of that name."""
        words = set(name.replace(".", " ").split())
        for m in self.actors.mentions:
            span = self.doc[m.start : m.end]
            if m.entry.kind == "person" and set(span.text.split()) <= words:
                return m.entry.code, m.entry.name, m.role or m.entry.role, m.sector
        return None, None, None, None

    # -- sentences -------------------------------------------------------------------------
    def _sentence(self, sent: Span) -> list[Quote]:
        out = []
        quoted = [
            (sent.start_char + a, sent.start_char + b)
            for a, b in _quoted_spans(self.text[sent.start_char : sent.end_char])
        ]
        for tok in sent:
            if tok.lemma_.lower() == "accord" and tok.lower_ == "according":
                q = self._according(tok, sent)
            elif tok.lemma_.lower() in self.cues and tok.pos_ in ("VERB", "AUX"):
                q = self._cue(tok, sent, quoted)
            else:
                q = None
            if q is not None:
                out.append(q)
        return out

    def _cue(self, verb: Token, sent: Span, quoted: list[tuple[int, int]]) -> Quote | None:
        subj = _subject(verb)
        if subj is None or subj.lower_ in NOT_SPEAKERS or any(c.dep_ == "neg" for c in verb.children):
            return None
        if subj.dep_ == "nsubjpass" and self.cues.get(verb.lemma_.lower()) in ("ask", "tell"):
            return None  # "Ministers have been asked to ...": the subject is the addressee
        if any(s[0] <= verb.idx < s[1] for s in quoted):
            return None  # the cue itself is inside a quotation
        content = _content(verb)
        if content is None or len(content) < 2:
            span = self._adjacent_quote(verb, subj, quoted)
            if span is None:
                return None
            start, end = span
            kind = "direct"
        else:
            start, end = content.start_char, content.end_char
            kind = "direct" if self._is_quoted(start, end, quoted) else "indirect"
        return self._make(kind, subj, verb.lemma_.lower(), verb.text, start, end, sent)

    def _adjacent_quote(
        self, verb: Token, subj: Token, quoted: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """A quotation right before ('"...," she said') or right after ('she said: "..."') the cue."""
        if any(c.dep_ == "dobj" for c in verb.children):
            return None
        words = sorted((verb, subj), key=lambda t: t.i)
        left = min(words[0].idx, words[0].left_edge.idx)
        right = max(words[1].idx + len(words[1]), verb.idx + len(verb))
        for s, e in quoted:
            if e <= left and left - e <= QUOTE_GAP:
                return s, e
            if s >= right and s - right <= QUOTE_GAP:
                return s, e
        return None

    def _according(self, tok: Token, sent: Span) -> Quote | None:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is None:
            return None
        head = tok.head
        lo, hi = sent.start, sent.end - 1
        if tok.i > head.i:  # "X happened, according to Y."
            span = _trim(self.doc, lo, tok.i - 1)
        else:  # "According to Y, X happened."
            span = _trim(self.doc, obj.right_edge.i + 1, hi)
        if span is None or len(span) < 3:
            return None
        return self._make(
            "indirect", obj, "according to", "according to", span.start_char, span.end_char, sent
        )

    def _last_person(self, tok: Token) -> tuple[int, str] | None:
        """The named person a "he"/"she" most likely refers to: the last proper-noun subject
        (of a main verb or a cue verb) before it that the dictionary does not know as a state or
        an organisation; returns (token index, name)."""
        for cand in reversed(self.doc[: tok.i]):
            if cand.dep_ not in SUBJECT_DEPS or cand.pos_ != "PROPN":
                continue
            if not (cand.head.dep_ == "ROOT" or cand.head.lemma_.lower() in self.cues):
                continue
            m = self.actors.mention_at(cand)
            if m is not None and m.entry.kind != "person":
                continue
            first = cand.i
            while (
                first > 0 and self.doc[first - 1].pos_ == "PROPN" and self.doc[first - 1].dep_ == "compound"
            ):
                first -= 1
            if cand.i - first < 1 and m is None:
                continue  # a lone capitalised word ("Labour") is rarely a person
            return cand.i, self.doc[first : cand.i + 1].text
        return None

    @staticmethod
    def _is_quoted(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
        inside = sum(min(end, e) - max(start, s) for s, e in quoted if min(end, e) > max(start, s))
        return inside >= 0.6 * (end - start)

    def _make(
        self, kind: str, subj: Token, cue: str, cue_text: str, start: int, end: int, sent: Span
    ) -> Quote:
        role, _ = _role_at(self.roles, sent.start_char)
        speaker = _speaker_text(subj)
        code = name = prole = sector = None
        mentions: list[Mention] = self.actors.resolve(subj) if subj.lower_ not in FIRST_PERSON else []
        person = self._last_person(subj) if subj.lower_ in PERSON_SUBJECTS else None
        if person is not None and (not mentions or mentions[0].start < person[0]):
            code, name, prole, sector = self._resolve_name(person[1])
            name = name or person[1]
        elif mentions:
            m = mentions[0]
            code, name, prole, sector = m.entry.code, m.entry.name, m.role or m.entry.role, m.sector
        elif subj.lower_ in FIRST_PERSON:
            interviewee = self._interviewee(sent.start_char)
            if interviewee:
                speaker = interviewee
                code, name, prole, sector = self._resolve_name(interviewee)
        return Quote(
            kind, speaker, self.text[start:end], start, end, cue, cue_text,
            code, name, prole, sector, sent.start_char, sent.end_char, role,
        )  # fmt: skip


def find_quotes(
    doc: Doc,
    actors: DocActors,
    roles: list[tuple[int, int, str]] | None = None,
    speakers: list[str | None] | None = None,
) -> list[Quote]:
    """Quotes of a parsed document. ``roles`` are the paragraph roles in the coded text (see
    :func:`detente.pipeline.coding_text`); ``speakers`` the paragraph speakers in the same order."""
    return QuoteFinder(doc, actors, roles, speakers).find()


def quote_record(q: Quote) -> dict[str, object]:
    """A quote as a flat JSON object."""
    from dataclasses import asdict

    return asdict(q)


def article_quotes(doc: Doc, actors: DocActors, article: Article, text: str | None = None) -> list[Quote]:
    """Quotes of an article parsed from its coded text (headline + body).

    ``text`` is the coded text as written when the parser read a re-cased copy of it."""
    from .pipeline import coding_text

    _, roles = coding_text(article)
    speakers: list[str | None] = [None] * (len(roles) - len(article.paragraphs))
    speakers += [p.speaker for p in article.paragraphs]
    return QuoteFinder(doc, actors, roles, speakers, text).find()
