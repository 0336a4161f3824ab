"""Coded events to records: the (source, target) pairs of a trigger, the vetoes of sports, market
and disaster sentences, and the public :class:`detente.models.Event` with its evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors.resolver import Mention
from ..models import Event, Evidence
from . import ontology
from .base import (
    INTERNATIONAL_ROOTS,
    Found,
)
from .frames import FrameRules
from .modality import Modality
from .syntax import (
    all_named,
    names_forces,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class RecordRules(FrameRules):
    """Pairs and records (the last part of the coder's chain before :class:`Coder`)."""

    def _vetoed(self, sent: Span, root: str) -> str | None:
        """The filter kind (sports, market, disaster) that makes this sentence's conflict no event."""
        filters = self.p.filters
        if not filters:
            return None
        for tok in sent:
            hit = filters.get(tok.lower_) or filters.get(tok.lemma_.lower())
            if hit and hit[0] == "disaster" and tok.pos_ not in ("NOUN", "PROPN"):
                continue  # "troops stormed the city" is no storm
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
            if (
                t.rule.startswith("context:")
                and t.sector in ("MIL", "POL", "GOV")
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
