"""Score quote extraction against a gold file that points into corpus documents.

Gold format (JSONL, one document a line; the texts stay in the corpus folder)::

    {"path": "corpora/bbc/politics/117.txt",
     "quotes": [{"speaker": "Betty Boothroyd", "cue": "say", "kind": "indirect",
                 "start": 60, "end": 100, "sha1": "cb414ddf7e96"}]}

``start``/``end`` are character offsets of a stretch of the quote's content in the file and
``sha1`` the first 12 hex digits of that stretch's SHA-1 (checked, so a changed corpus file is
reported instead of scored). A predicted quote matches a gold quote when its content overlaps
the gold stretch (one-to-one, in order). It is also correctly *attributed* when the gold
speaker's last word is a word of the predicted speaker or of its resolved name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError


@dataclass
class QuoteScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    attributed: int = 0
    cue_correct: int = 0
    missing_docs: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def lines(self) -> list[str]:
        dp, dr, df = self._prf(self.matched, self.predicted, self.gold)
        ap, ar, af = self._prf(self.attributed, self.predicted, self.gold)
        cue = self.cue_correct / self.matched if self.matched else 0.0
        return [
            f"quotes: gold={self.gold} predicted={self.predicted} matched={self.matched} "
            f"cue-accuracy={cue:.3f}",
            f"content: precision={dp:.3f} recall={dr:.3f} f1={df:.3f}",
            f"content+speaker: precision={ap:.3f} recall={ar:.3f} f1={af:.3f}",
        ]


def _words(text: str | None) -> set[str]:
    return {w.strip(".,'’").lower() for w in (text or "").split()}


def evaluate_quotes(gold_path: str | Path, shared: str | Path, model: str | None = None) -> QuoteScore:
    """Run extraction and quote finding on every gold document and score the quotes."""
    from .extract import extract_text_dump
    from .pipeline import Pipeline, coding_text

    records = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line]
    score = QuoteScore()
    items = []
    for rec in records:
        path = Path(shared) / rec["path"]
        if not path.is_file():
            score.missing_docs.append(rec["path"])
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        for q in rec["quotes"]:
            snippet = raw[q["start"] : q["end"]]
            if hashlib.sha1(snippet.encode()).hexdigest()[:12] != q["sha1"]:
                raise InputError(f"{path}: gold offsets do not match the corpus file", str(q))
        items.append((rec, raw, extract_text_dump(raw, path=str(path))))
    pipe = Pipeline(model)
    results = pipe.analyse_articles([(a, None) for _, _, a in items])
    for (rec, raw, article), (_, predicted) in zip(items, results, strict=True):
        text, _ = coding_text(article)
        preds = [p for p in predicted if p.kind != "interview"]
        score.predicted += len(preds)
        used: set[int] = set()
        for q in rec["quotes"]:
            score.gold += 1
            snippet = raw[q["start"] : q["end"]]
            at = text.find(snippet)
            hit = None
            if at >= 0:
                end = at + len(snippet)
                for i, p in enumerate(preds):
                    if i not in used and p.content_start < end and at < p.content_end:
                        hit = i
                        break
            if hit is None:
                score.misses.append(f"miss {rec['path']}: {q['speaker']} {q['cue']} @{q['start']}")
                continue
            used.add(hit)
            p = preds[hit]
            score.matched += 1
            score.cue_correct += int(p.cue == q["cue"])
            last = q["speaker"].split()[-1].lower()
            if last in _words(p.speaker) | _words(p.speaker_name):
                score.attributed += 1
            else:
                score.misses.append(f"speaker {rec['path']}: gold {q['speaker']!r} got {p.speaker!r}")
        for i, p in enumerate(preds):
            if i not in used:
                score.misses.append(f"false {rec['path']}: {p.speaker!r} {p.cue} {p.content[:50]!r}")
    return score
