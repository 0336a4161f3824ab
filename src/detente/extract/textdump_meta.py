"""Title, byline, date and publisher of a plain-text page dump.

Rules use line shape (headline-like, repeated, flush left), byline cue words ("By",
"Interview:", "Author:"), date formats, and generic furniture phrases ("© 2014 Name",
"Name's Top Story", "More stories from Name"), never strings of one site.
"""

from __future__ import annotations

import re
from datetime import date

from detente.extract.textdump_lines import (
    Para,
    is_credit,
    is_furniture,
    is_section_break,
    title_case_ratio,
)

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan january januar janvier",
            "feb february februar fevrier",
            "mar march marz märz mars",
            "apr april avril",
            "may mai",
            "jun june juni juin",
            "jul july juli juillet",
            "aug august aout",
            "sep sept september",
            "oct october oktober octobre",
            "nov november novembre",
            "dec december dezember decembre",
        ]
    )
    for m in names.split()
}
_MON = r"(?P<mon>[A-Za-zä]{3,9})\.?"
_DATE_RES = [
    re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MON},?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
]
_BYLINE_RE = re.compile(
    r"^(?:by|interview(?:ed)? by|interview|author|authors|written by|words|text|reporting by|"
    r"von|par|por)\b\s*:?\s*(?P<names>.*)$",
    re.I,
)
_NAME_RE = re.compile(r"^(?:[A-Z][\w.'’-]*\.?)(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|da))*$")
_COPYRIGHT_NAME_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})",
    re.I,
)
_POSSESSIVE_RE = re.compile(r"^(?P<name>[A-Z][\w.&-]{1,30})['’]s (?:top|latest|most|best|editor)", re.I)
_MORE_FROM_RE = re.compile(r"\bmore (?:stories|news|articles|videos) from (?P<name>[A-Z][\w.&-]+)")
_DOMAIN_RE = re.compile(r"(?:^|[/\\.])(?P<name>[a-z0-9-]{2,})\.(?:com|org|net|co\.uk|de|fr|info)\b")


def parse_date(text: str) -> str | None:
    """Return the first date in ``text`` as ISO ``YYYY-MM-DD`` (None when there is none)."""
    for pattern in _DATE_RES:
        for match in pattern.finditer(text):
            found = _to_iso(match.groupdict())
            if found:
                return found
    return None


def _to_iso(parts: dict[str, str | None]) -> str | None:
    month: int | None
    if parts.get("mon"):
        month = _MONTHS.get((parts["mon"] or "").lower().rstrip("."))
    else:
        month = int(parts["month"] or 0)
    try:
        return date(int(parts["year"] or 0), month or 0, int(parts["day"] or 0)).isoformat()
    except ValueError:
        return None


_DATE_CUE_RE = re.compile(
    r"^\W*(?:(?:first |last )?(?:published|updated|posted|modified)|date|dated|created|stand|"
    r"ver[öo]ffentlicht|aktualisiert|publi[ée]|mis [àa] jour|publicado|actualizado)\b",
    re.I,
)
_DATE_NOISE_RE = re.compile(
    r"\b(?:on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|[ecmp][sd]t|et|"
    r"mon|tue|wed|thu|fri|sat|sun)\w*\b|\d{1,2}[:.]\d{2}|[^\w\s]",
    re.I,
)
_MAX_DATE_LINE_EXTRA_WORDS = 4
_MAX_CUED_DATE_LINE_WORDS = 20


def is_date_line(text: str) -> bool:
    """True for a short line that is mostly a date ("September 25, 2014", "Updated: 25.09.2014",
    "November 19, 2019 at 9:45 am"), not a short sentence that mentions one."""
    words = len(text.split())
    if words > _MAX_CUED_DATE_LINE_WORDS or parse_date(text) is None:
        return False
    if _DATE_CUE_RE.match(text) or _BYLINE_RE.match(text.strip()):
        return True  # "Updated Nov. 19, 2019 8:21 am ET / Original ...", "By Jane Doe 2019-11-19T12:48Z"
    if words > 12:
        return False
    rest = text
    for pattern in _DATE_RES:
        rest = pattern.sub(" ", rest)
    rest = _DATE_NOISE_RE.sub(" ", rest)
    return len(rest.split()) <= _MAX_DATE_LINE_EXTRA_WORDS


def byline_names(text: str) -> tuple[str, ...] | None:
    """Names in a byline such as "By Jane Doe and John Roe" (None when not a byline).

    A bare "By" returns an empty tuple: the names follow on the next line.
    """
    match = _BYLINE_RE.match(text.strip())
    if not match or len(text.split()) > 14:
        return None
    rest = re.split(r"\s+[-–|•]\s+|,\s*(?=\d)|\s{2,}", match.group("names"))[0]
    names = [n.strip(" ,.") for n in re.split(r",|\band\b|&|;", rest)]
    names = [n for n in names if n and _NAME_RE.match(n) and len(n.split()) <= 5]
    if not names and match.group("names").strip():
        return None
    return tuple(names)


def find_byline(paras: list[Para], end: int) -> tuple[int, tuple[str, ...]] | None:
    """Find (index, names) of the first byline among ``paras[:end]`` (or early in the body)."""
    for i, para in enumerate(paras[: end + 3]):
        names = byline_names(para.text)
        if names is None:
            continue
        if not names and i + 1 < len(paras) and _NAME_RE.match(paras[i + 1].text):
            return i, (paras[i + 1].text,)
        if names:
            return i, names
    return None


def find_date(paras: list[Para], start: int, end: int) -> str | None:
    """The date on a short line nearest the article start, else the first date in the page
    outside the article's prose (a date inside the story is when something happened, not when
    the story was published)."""
    order = list(range(start, -1, -1)) + list(range(start + 1, min(end, len(paras))))
    for i in order:
        if i < len(paras) and is_date_line(paras[i].text):
            found = parse_date(paras[i].text)
            if found:
                return found
    for i, para in enumerate(paras):
        if start <= i < end:
            continue
        found = parse_date(para.text)
        if found:
            return found
    return None


def _title_score(paras: list[Para], i: int, start: int, counts: dict[str, int]) -> float:
    """Score paragraph ``i`` as the headline of an article starting at ``start``."""
    para = paras[i]
    words = para.words
    text = para.text
    if para.bullet or words < 3 or words > 30 or is_furniture(text) or is_credit(text):
        return -1.0
    if is_section_break(text) or text.lower().startswith(("published", "updated", "posted")):
        return -1.0
    if byline_names(text) is not None or is_date_line(text):
        return -1.0
    score = 1.0 + min(counts.get(text, 1) - 1, 2) * 1.0 + (1.5 if para.heading else 0.0)
    score += 1.0 if 5 <= words <= 20 else 0.0
    score += 0.5 if title_case_ratio(text) > 0.5 or not text.endswith(".") else -0.5
    return score - 0.08 * (start - i)


def find_title(paras: list[Para], start: int, window: int = 25) -> int | None:
    """Index of the headline: a headline-like line shortly before the body start."""
    counts: dict[str, int] = {}
    for para in paras:
        counts[para.text] = counts.get(para.text, 0) + 1
        for piece in re.split(r"[|:»›]", para.text):
            if piece.strip() != para.text:
                counts[piece.strip()] = counts.get(piece.strip(), 0) + 1
    best, best_score = None, 0.0
    for i in range(max(0, start - window), start):
        score = _title_score(paras, i, start, counts)
        if score > best_score:
            best, best_score = i, score
    return best


def find_publisher(paras: list[Para], interviewer_label: str | None, path: str = "") -> str | None:
    """Publisher from an outlet-style interviewer label, furniture phrases, © line or path."""
    if interviewer_label and re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", interviewer_label):
        return interviewer_label
    for para in paras:
        match = _POSSESSIVE_RE.match(para.text) or _MORE_FROM_RE.search(para.text)
        if match and len(para.text.split()) <= 8:
            return match.group("name")
    for para in reversed(paras):
        match = _COPYRIGHT_NAME_RE.search(para.text)
        if match and len(para.text.split()) <= 25:
            name = re.sub(r"^(?:copyright|©)\s*", "", match.group("name"), flags=re.I)
            name = re.split(r"\s+(?:all|inc|ltd|llc|gmbh)\b", name, flags=re.I)[0]
            if name.lower() not in {"all", "the", "copyright"}:
                return name.strip(" .,")
    match = _DOMAIN_RE.search(path.lower())
    return match.group("name") if match else None
