"""Score article extraction against the scrapinghub article-extraction-benchmark.

The metric follows the benchmark's ``evaluate.py``: 4-word shingles of ``\\w+`` tokens
(lowercased here), true/false positive and false negative counts per page normalised to
sum to one, precision and recall averaged over pages, and F1 from the averaged P and R.

Run it from the command line::

    python -m detente.extract.benchmark /work/shared/corpora/extraction
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from detente.models import Article

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


class Counts(NamedTuple):
    """Normalised shingle counts of one page (they sum to 1, or are all 0)."""

    tp: float
    fp: float
    fn: float


class Score(NamedTuple):
    """Precision, recall and F1 of one page or of a whole run."""

    precision: float
    recall: float
    f1: float


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Count the ``n``-word shingles of lowercased ``\\w+`` tokens (short texts give one)."""
    tokens = _TOKEN_RE.findall((text or "").lower())
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_counts(pred: str, gold: str, n: int = 4) -> Counts:
    """Return the normalised TP/FP/FN shingle counts of ``pred`` against ``gold``."""
    p, g = _shingles(pred, n), _shingles(gold, n)
    tp = float(sum((p & g).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    if total == 0:
        return Counts(0.0, 0.0, 0.0)
    return Counts(tp / total, fp / total, fn / total)


def _precision(c: Counts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return 0.0 if c.tp == c.fp == 0 else c.tp / (c.tp + c.fp)


def _recall(c: Counts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return 0.0 if c.tp == c.fn == 0 else c.tp / (c.tp + c.fn)


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def shingle_score(pred: str, gold: str) -> Score:
    """Per-page precision, recall and F1 (both texts empty scores 1.0)."""
    c = shingle_counts(pred, gold)
    p, r = _precision(c), _recall(c)
    return Score(p, r, _f1(p, r))


def shingle_f1(pred: str, gold: str) -> float:
    """Per-page shingle F1 of ``pred`` against ``gold`` (both empty: 1.0)."""
    return shingle_score(pred, gold).f1


def macro_score(pages: Iterable[Counts]) -> Score:
    """Average precision and recall over pages the way the benchmark does, then F1."""
    pages = list(pages)
    precisions = [_precision(c) for c in pages if c.tp + c.fp > 0]
    recalls = [_recall(c) for c in pages if c.tp + c.fn > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return Score(p, r, _f1(p, r))


def scored_body(article: Article) -> str:
    """The body text the benchmark's ``articleBody`` stands for: standfirst paragraphs left out."""
    if not article.paragraphs:
        return article.body
    parts = [article.body[p.start : p.end] for p in article.paragraphs if p.role != "standfirst"]
    return "\n\n".join(parts)


def _score_run(
    gold: dict[str, dict[str, str]], predict: Callable[[str], Article | None]
) -> dict[str, object]:
    """Score ``predict(page_id)`` over every gold page; a missing page scores as empty output."""
    counts: dict[str, Counts] = {}
    for page_id, record in gold.items():
        article = predict(page_id)
        text = scored_body(article) if article is not None else ""
        counts[page_id] = shingle_counts(text, record.get("articleBody", ""))
    macro = macro_score(counts.values())
    per_page = {k: _f1(_precision(c), _recall(c)) for k, c in counts.items()}
    return {
        "pages": len(counts),
        "precision": macro.precision,
        "recall": macro.recall,
        "f1": macro.f1,
        "mean_page_f1": statistics.mean(per_page.values()) if per_page else 0.0,
        "per_page_f1": per_page,
    }


def _find_dirs(folder: Path) -> tuple[Path, Path]:
    """Locate ``scrapinghub`` and ``scrapinghub-textdump`` from ``folder`` or its parent."""
    base = folder if (folder / "scrapinghub").is_dir() else folder.parent
    return base / "scrapinghub", base / "scrapinghub-textdump"


def evaluate_extraction(folder: str | Path) -> dict[str, dict[str, object]]:
    """Run both extractors over the scrapinghub benchmark and return their scores.

    ``folder`` is the ``extraction`` corpus folder (holding ``scrapinghub/`` and
    ``scrapinghub-textdump/``) or the ``scrapinghub`` folder itself. Keys of the result:
    ``html`` and ``textdump``, each with macro ``precision``, ``recall``, ``f1``,
    ``mean_page_f1`` and ``per_page_f1``.
    """
    from detente.extract import extract_html, extract_text_dump

    html_dir, dump_dir = _find_dirs(Path(folder))
    gold = json.loads((html_dir / "ground-truth.json").read_text(encoding="utf-8"))
    results: dict[str, dict[str, object]] = {}

    def from_html(page_id: str) -> Article | None:
        path = html_dir / "html" / f"{page_id}.html.gz"
        if not path.exists():
            return None
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        return extract_html(html, url=gold[page_id].get("url"), path=str(path))

    def from_dump(page_id: str) -> Article | None:
        path = dump_dir / f"{page_id}.txt"
        if not path.exists():
            return None
        return extract_text_dump(path.read_text(encoding="utf-8", errors="replace"), str(path))

    if html_dir.joinpath("html").is_dir():
        results["html"] = _score_run(gold, from_html)
    if dump_dir.is_dir():
        results["textdump"] = _score_run(gold, from_dump)
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the macro scores of both extractors (argument: the extraction corpus folder)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("../shared/corpora/extraction")
    for name, res in evaluate_extraction(folder).items():
        print(
            f"{name:<9} pages={res['pages']} P={res['precision']:.3f} R={res['recall']:.3f} "
            f"F1={res['f1']:.3f} mean-page-F1={res['mean_page_f1']:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
