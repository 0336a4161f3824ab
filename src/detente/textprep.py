"""Preparing coded text for the parser, without moving a single character.

* ``truecase_headlines``: wire headlines are Title Case ("China Tells Downer", "Military Arrests an
  Iraqi Commander"); the tagger reads such verbs as proper nouns. Headline-like segments are
  re-cased for parsing only (same length, so every offset still points into the original text;
  evidence is always cut from the original).
* ``furniture_spans``: datelines ("BEIJING (Reuters) -", "NAJAF, Iraq -") and agency credits
  ("(AFP)", "Canadian Press -") are places and sources, not actors: their character spans are
  excluded from actor matching, and the dateline's place gives the story's country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
# A sentence-like segment; "U.S." or "Gen." inside a headline is no boundary.
_SEGMENT = re.compile(r"[^\n]+?(?:(?<=[a-z0-9)\"'”’])[.!?](?=\s|$)|$)", re.M)
_SMALL = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "from",
    "over",
    "as",
    "into",
    "after",
    "before",
    "amid",
    "against",
    "vs",
    "up",
    "off",
    "out",
}
_AGENCIES = r"(?:Reuters|AP|AFP|CP|Canadian Press|Xinhua|Interfax|ITAR-TASS|TASS|Kyodo|Yonhap|dpa|DPA|UPI|IANS|PTI|ANSA|EFE|Bloomberg|CNN|BBC|Sify|SPACE\.com|Forbes\.com|washingtonpost\.com|NewsFactor|Ziff Davis|TechWeb|USATODAY\.com|Newsday|[A-Z][A-Za-z.]+ News(?: Service)?)"  # noqa: E501
_PLACE = r"(?P<place>[A-Z][A-Z.'-]+(?:[ -][A-Z][A-Z.'-]+)*"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)?))?)"
_DATELINE_AT = re.compile(_PLACE + _REGION + r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?\s*(?:--?|–|—|:)\s")
_LINE_START = re.compile(r"(?:^|(?<=\n)|(?<=[.!?] ))(?=[A-Z])")
_AGENCY_PREFIX = re.compile(r"(?:^|(?<=\n)|(?<=[.!?] ))" + _AGENCIES + r"\s*(?:--?|–|—)\s")
_AGENCY_NAME = re.compile(_AGENCIES, re.I)
_AGENCY_PAREN = re.compile(r"\(\s*" + _AGENCIES + r"\s*\)")


@dataclass(frozen=True)
class Furniture:
    start: int
    end: int
    kind: str  # "dateline" or "credit"
    place: str | None = None  # "BEIJING", "Iraq" (for the story's country)


def furniture_spans(text: str) -> list[Furniture]:
    """Datelines and agency credits in ``text``."""
    spans: list[Furniture] = []
    prefixes = list(_AGENCY_PREFIX.finditer(text))
    starts = [m.start() for m in _LINE_START.finditer(text)] + [m.end() for m in prefixes]
    for pos in sorted(set(starts)):
        m = _DATELINE_AT.match(text, pos)
        if m is None:
            continue
        place = m.group("place").split(",")[0].strip()
        if len(place) < 3 or (not place.isupper() and not m.group("agency")):
            continue
        if _AGENCY_NAME.fullmatch(place):
            continue  # "AFP - " is a credit, not a place
        spans.append(Furniture(m.start(), m.end(), "dateline", m.group("region") or place))
    for rx in (_AGENCY_PREFIX, _AGENCY_PAREN):
        for m in rx.finditer(text):
            if not any(f.start <= m.start() < f.end for f in spans):
                spans.append(Furniture(m.start(), m.end(), "credit"))
    return sorted(spans, key=lambda f: f.start)


def _core(word: str) -> str:
    """A word without a final period or possessive ("Iraq." and "Sudan's" are the names Iraq and
    Sudan)."""
    word = word.rstrip(".")
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _is_headline(words: list[str], names: set[str] | frozenset[str] = frozenset()) -> bool:
    """Title Case: nearly every content word that is not a name starts with a capital."""
    content = [w for w in words if w.lower() not in _SMALL]
    if len(content) < 3:
        return False
    common = [w for w in content[1:] if _core(w) not in names] or content
    capped = sum(1 for w in common if w[0].isupper())
    return capped / len(common) >= 0.75


def truecase_headlines(
    text: str, protected: set[str], phrases: dict[str, list[tuple[str, ...]]] | None = None
) -> str:
    """Lower-case the common words of Title Case segments; names keep their case.

    ``protected`` words always keep their case; ``phrases`` maps a first word to multiword names
    ("Free" -> ("Free", "Syrian", "Army")) whose words keep their case only where the whole name
    is written. The result has exactly the length of ``text``.
    """
    chars = list(text)
    phrases = phrases or {}
    for seg in _SEGMENT.finditer(text):
        words = [m for m in _WORD.finditer(seg.group(0))]
        if not _is_headline([w.group(0) for w in words], protected):
            continue
        plain = [w.group(0) for w in words]
        keep: set[int] = set()
        for k, word in enumerate(plain):
            for phrase in phrases.get(word, ()):
                if tuple(plain[k : k + len(phrase)]) == phrase:
                    keep.update(range(k, k + len(phrase)))
        for k, w in enumerate(words):
            word = w.group(0)
            if k == 0 or k in keep or _core(word) in protected or word.isupper() or not word[0].isupper():
                continue
            if any(ch.isupper() for ch in word[1:]):  # McCain, iPod, U.S.
                continue
            start = seg.start() + w.start()
            chars[start] = word[0].lower()
    out = "".join(chars)
    assert len(out) == len(text)
    return out


_PROTECTED_CACHE: dict[tuple[str, int], set[str]] = {}
_PROTECTED_CACHE_SIZE = 512  # a parse batch runs ahead of coding: both ask for the same texts


def protected_words(text: str, dictionary_words: set[str]) -> set[str]:
    """Capitalised words that are names (memoised: the parser's text preparation and the coder's
    headline detection ask for the same document)."""
    key = (text, id(dictionary_words))
    hit = _PROTECTED_CACHE.get(key)
    if hit is None:
        hit = _protected_words(text, dictionary_words)
        if len(_PROTECTED_CACHE) >= _PROTECTED_CACHE_SIZE:
            _PROTECTED_CACHE.pop(next(iter(_PROTECTED_CACHE)))
        _PROTECTED_CACHE[key] = hit
    return hit


def _protected_words(text: str, dictionary_words: set[str]) -> set[str]:
    """Capitalised words that are names: one-word dictionary names plus words capitalised
    mid-sentence in running (non-headline) text."""
    words = set(dictionary_words)
    for seg in _SEGMENT.finditer(text):
        ws = [m.group(0) for m in _WORD.finditer(seg.group(0))]
        if _is_headline(ws):
            continue
        for prev, word in zip(ws, ws[1:], strict=False):
            if word[0].isupper() and not prev.endswith((".", "!", "?")):
                words.add(word)
    return words


def blank_spans(text: str, spans: list[Furniture]) -> str:
    """``text`` with the furniture spans turned into spaces (same length), so that the parser
    reads "Palestinian gunmen fought" rather than "GAZA CITY -- Palestinian gunmen fought"."""
    chars = list(text)
    for f in spans:
        for k in range(f.start, f.end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def headline_spans(text: str, names: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Character spans of Title Case (headline) segments; ``names`` do not count as Title Case."""
    spans = []
    for seg in _SEGMENT.finditer(text):
        if _is_headline([m.group(0) for m in _WORD.finditer(seg.group(0))], names):
            spans.append((seg.start(), seg.end()))
    return spans
