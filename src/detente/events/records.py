"""Coded events to records: the vetoes of sports, market and disaster sentences, and the public
:class:`detente.models.Event` with its evidence (the pairing of sources and targets is
:meth:`detente.events.base.CoderBase._pairs`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Event, Evidence
from . import ontology
from .base import (
    Found,
)
from .frames import FrameRules

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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
