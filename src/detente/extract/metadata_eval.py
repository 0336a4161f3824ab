"""Score extracted metadata (title, date, authors) and body on the newspaper4k NAEB subset.

The folder holds ``articles.json`` ({key: {title, authors, date, articleBody, url, site}}) and
``html/<key>.html``. Scores per field:

- title: exact match after collapsing whitespace (and unifying curly quotes);
- date: the ``YYYY-MM-DD`` day matches;
- authors: the set of names matches exactly (case-insensitive; an empty gold needs an empty
  prediction); a softer per-page name F1 is reported as ``authors_f1``;
- body: the scrapinghub shingle metric, macro-averaged.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from detente.events.when import MONTHS
from detente.extract.benchmark import macro_score, scored_body, shingle_counts
from detente.models import Article

_SPACE_RE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm_title(text: str) -> str:
    """A title compared for exact match: whitespace collapsed, quotes and dashes unified."""
    return _SPACE_RE.sub(" ", (text or "").translate(_QUOTES)).strip()


def split_authors(value: str | list[str] | tuple[str, ...]) -> set[str]:
    """Author names as a lowercased set (``"A, B"`` strings and lists both accepted)."""
    items = value if isinstance(value, list | tuple) else re.split(r",|;|\band\b", value or "")
    return {_SPACE_RE.sub(" ", a).strip().lower() for a in items if a and a.strip()}


def _name_f1(pred: set[str], gold: set[str]) -> float:
    if not pred and not gold:
        return 1.0
    tp = len(pred & gold)
    if tp == 0:
        return 0.0
    p, r = tp / len(pred), tp / len(gold)
    return 2 * p * r / (p + r)


@dataclass
class MetadataReport:
    """Field accuracies over the pages, and the pages that missed, for inspection."""

    pages: int = 0
    title: float = 0.0
    date: float = 0.0
    authors: float = 0.0
    authors_f1: float = 0.0
    body_f1: float = 0.0
    misses: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    # the date scored only on pages whose gold date is written somewhere in the page itself
    # (an audit of the gold: some gold dates appear nowhere in their page)
    dated_pages: int = 0
    date_where_on_page: float = 0.0

    def lines(self) -> list[str]:
        return [
            f"naeb-subset pages={self.pages} title={self.title:.3f} date={self.date:.3f} "
            f"authors={self.authors:.3f} authors-name-F1={self.authors_f1:.3f} body-F1={self.body_f1:.3f}",
            f"naeb-subset date on the {self.dated_pages} pages whose gold date appears in the page: "
            f"{self.date_where_on_page:.3f} ({self.pages - self.dated_pages} gold dates appear nowhere "
            "in their page)",
        ]


# full month names in order, from the event-time table (its longest name for each number)
_MONTHS = [max((n for n, k in MONTHS.items() if k == i), key=len) for i in range(1, 13)]


def date_on_page(html: str, iso: str) -> bool:
    """Whether the day ``iso`` (YYYY-MM-DD) is written in ``html`` in a common form: ISO,
    YYYY/MM/DD, "Month D, YYYY", "D Month YYYY", abbreviated months, or M/D/YYYY."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if not m:
        return False
    y, mo, d = m.group(1), int(m.group(2)), int(m.group(3))
    text = html.lower()
    month = _MONTHS[mo - 1]
    forms = [
        f"{y}-{mo:02d}-{d:02d}",
        f"{y}/{mo:02d}/{d:02d}",
        f"{mo}/{d}/{y}",
        f"{mo:02d}/{d:02d}/{y}",
        f"{month} {d}, {y}",
        f"{month} {d} {y}",
        f"{d} {month} {y}",
        f"{month[:3]} {d}, {y}",
        f"{month[:3]}. {d}, {y}",
        f"{d} {month[:3]} {y}",
        f"{y}{mo:02d}{d:02d}",
    ]
    return any(f in text for f in forms)


def evaluate_metadata(folder: str | Path) -> MetadataReport:
    """Extract every page of the NAEB subset with :func:`extract_html` and score the fields."""
    from detente.extract import extract_html

    base = Path(folder)
    if not (base / "articles.json").is_file() and (base / "naeb-subset").is_dir():
        base = base / "naeb-subset"
    gold = json.loads((base / "articles.json").read_text(encoding="utf-8"))
    titles: list[float] = []
    dates: list[float] = []
    authors: list[float] = []
    author_f1: list[float] = []
    counts = []
    on_page: list[float] = []
    report = MetadataReport(misses={"title": [], "date": [], "authors": []})
    for key, rec in gold.items():
        path = base / "html" / f"{key}.html"
        if not path.is_file():
            continue
        html = path.read_text(encoding="utf-8", errors="replace")
        art: Article = extract_html(html, url=rec.get("url"), path=str(path))
        ok_title = norm_title(art.title) == norm_title(rec.get("title", ""))
        ok_date = (art.date or "")[:10] == (rec.get("date") or "")[:10]
        pa, ga = split_authors(art.authors), split_authors(rec.get("authors", ""))
        titles.append(float(ok_title))
        dates.append(float(ok_date))
        authors.append(float(pa == ga))
        author_f1.append(_name_f1(pa, ga))
        counts.append(shingle_counts(scored_body(art), rec.get("articleBody", "")))
        if not ok_title:
            report.misses["title"].append((key, art.title, rec.get("title", "")))
        if not ok_date:
            report.misses["date"].append((key, art.date or "", rec.get("date", "")))
        if date_on_page(html, rec.get("date") or ""):
            on_page.append(float(ok_date))
        if pa != ga:
            report.misses["authors"].append((key, ", ".join(art.authors), rec.get("authors", "")))
    report.pages = len(titles)
    if titles:
        report.title = statistics.mean(titles)
        report.date = statistics.mean(dates)
        report.authors = statistics.mean(authors)
        report.authors_f1 = statistics.mean(author_f1)
        report.body_f1 = macro_score(counts).f1
    report.dated_pages = len(on_page)
    report.date_where_on_page = statistics.mean(on_page) if on_page else 0.0
    return report
