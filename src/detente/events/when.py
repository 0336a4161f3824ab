"""Event time: dates the text attaches to an event clause, resolved against publication."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_YEAR_RANGE = re.compile(r"\b(1[89]\d\d|20\d\d)\s*(?:-|–|to|and)\s*(1[89]\d\d|20\d\d)\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?(?:,?\s+(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{4})\b")


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve(expr: str, published: date | None) -> tuple[str, str] | None:
    """Resolve a time expression to ``(iso_value, precision)``; None when it gives no time."""
    text = expr.lower().strip()
    rng = _YEAR_RANGE.search(text)
    if rng:
        return f"{rng.group(1)}/{rng.group(2)}", "year"
    for rx, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        for m in rx.finditer(text):
            month_word, day = (m.group(1), m.group(2)) if order == "md" else (m.group(2), m.group(1))
            month = MONTHS.get(month_word.lower().rstrip("."))
            if month is None or not 1 <= int(day) <= 31:
                continue
            year = int(m.group(3)) if m.group(3) else (published.year if published else None)
            if year is None:
                continue
            try:
                value = date(year, month, int(day))
            except ValueError:
                continue
            if not m.group(3) and published and value > published + timedelta(days=2):
                value = value.replace(year=year - 1)
            return value.isoformat(), "day"
    my = _MONTH_YEAR.search(text)
    if my and my.group(1).lower() in MONTHS:
        return f"{my.group(2)}-{MONTHS[my.group(1).lower()]:02d}", "month"
    y = _YEAR.search(text)
    if y:
        return y.group(1), "year"
    if published is None:
        return None
    if "yesterday" in text:
        return (published - timedelta(days=1)).isoformat(), "day"
    if "today" in text or "tonight" in text or "this morning" in text:
        return published.isoformat(), "day"
    for idx, name in enumerate(WEEKDAYS):
        if name in text:
            delta = (published.weekday() - idx) % 7
            return (published - timedelta(days=delta)).isoformat(), "day"
    if "last week" in text:
        return (published - timedelta(days=7)).isoformat(), "week"
    if "last month" in text:
        first = published.replace(day=1) - timedelta(days=1)
        return f"{first.year}-{first.month:02d}", "month"
    if "last year" in text:
        return str(published.year - 1), "year"
    for name, month in MONTHS.items():
        if re.search(rf"\b(in|last|this) {name}\b", text) and len(name) > 3:
            year = published.year if month <= published.month else published.year - 1
            return f"{year}-{month:02d}", "month"
    return None


def event_time(verb: Token, published: date | None) -> tuple[str, str] | None:
    """The time attached to ``verb``'s clause: DATE entities among its modifiers."""
    candidates: list[Span] = []
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in (
            "in",
            "on",
            "since",
            "during",
            "at",
            "by",
            "until",
        ):
            for pobj in child.children:
                if pobj.ent_type_ == "DATE":
                    candidates.append(_ent_of(pobj))
        elif child.dep_ in ("npadvmod", "tmod", "advmod", "obl") and child.ent_type_ == "DATE":
            candidates.append(_ent_of(child))
    for span in candidates:
        resolved = resolve(span.text, published)
        if resolved:
            return resolved
    del doc
    return None


def _ent_of(token: Token) -> Span:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return token.doc[token.i : token.i + 1]
