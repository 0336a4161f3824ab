"""Show how the coder reads one text: tokens, actors, verb patterns and events (for development).

Usage: python scripts/explain_unit.py "TEXT" [DATE]   or   python scripts/explain_unit.py GOLD.jsonl ID
"""

from __future__ import annotations

import json
import sys

from detente.actors.resolver import DocActors
from detente.extract import extract_text_dump
from detente.pipeline import Pipeline, coding_text, parse_text


def main() -> None:
    arg, extra = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None
    date = extra
    text = arg
    if arg.endswith(".jsonl"):
        for line in open(arg, encoding="utf-8"):
            unit = json.loads(line)
            if unit["id"] == extra:
                text, date = unit["text"], unit.get("date")
                print(
                    "GOLD:",
                    [
                        (e["source"], e["target"], e["cameo"], e.get("optional", False), e.get("trigger"))
                        for e in unit["events"]
                    ],
                )
    pipe = Pipeline()
    article = extract_text_dump(text, date_hint=date)
    coded, _ = coding_text(article)
    ptext, furniture = parse_text(coded)
    doc = pipe.nlp(ptext)
    actors = DocActors(
        doc,
        date,
        excluded=[(f.start, f.end) for f in furniture],
        places=[f.place for f in furniture if f.place],
    )
    print("PARSED:", ptext)
    print("FURNITURE:", furniture, "CONTEXT:", actors.context and actors.context.entry.code)
    print("MENTIONS:", [(doc[m.start : m.end].text, m.entry.code, m.entry.kind) for m in actors.mentions])
    for t in doc:
        row = pipe.coder.best_pattern(t) if t.pos_ in ("VERB", "AUX") else None
        res = actors.resolve(t)
        mark = f" PATTERN={row.describe()}" if row else ""
        mark += f" ACTOR={[m.entry.code + ':' + m.rule for m in res]}" if res else ""
        print(f"  {t.i:3} {t.text:15} {t.lemma_:12} {t.pos_:6} {t.dep_:10} <- {t.head.i}{mark}")
    for ev in pipe.code_articles([(article, None)])[0]:
        print(
            "EVENT",
            ev.source,
            ev.target,
            ev.cameo,
            "neg" if ev.negated else "",
            "hyp" if ev.hypothetical else "",
            ev.evidence.trigger,
            "|",
            ev.evidence.pattern,
        )


if __name__ == "__main__":
    main()
