"""Publication date of an HTML page: the day the article header shows the reader.

Pages often carry several dates in their metadata (schema.org ``datePublished``,
``dateModified``, ``article:published_time``, ``<time datetime>``) and print one or two of
them next to the byline ("Nov 12, 2023 1:00 AM | Last Updated Nov 17, 2023 6:02 PM",
"Saturday 23 December 2023 05:39, UK"), often in UTC or the site's own time zone rather than
in the offset the metadata was written in. htmldate's ``original_date=True`` guess picks the
first publication in the metadata's own offset, which is not always the day the page shows.

Rule (measured on the NAEB subset with ``detente evaluate-extraction``; its gold dates are the
days the pages display): a date printed in the article header (from just before the main
``<h1>`` to the body's third paragraph, at most 1,500 characters) that one of the page's own
metadata dates confirms (its day as written, or its UTC day) is the article's date; when the
header prints several confirmed dates (published and updated), the latest wins. Printed dates
the metadata does not confirm (photo captions, teasers) are ignored, and so is text hidden
from the reader (``hidden``, ``display:none``, the hAtom ``updated`` time that WordPress
themes print beside the ``published`` one and hide). Without a confirmed header date,
htmldate's original date stands.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime

from htmldate import find_date
from lxml import html as lxml_html

from ..events.when import MONTHS
from .html_meta import _ld_objects

_SPACE_RE = re.compile(r"\s+")
_MONTHS = MONTHS  # month names and abbreviations -> number
_MONTH = r"(?P<{g}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{g}>\d{{1,2}})(?:st|nd|rd|th)?"
_SHOWN_DATE_RE = re.compile(
    r"\b(?:"
    + _MONTH.format(g="m1")
    + r"\s+"
    + _DAY.format(g="d1")
    + r",?\s+(?P<y1>(?:19|20)\d\d)"
    + r"|"
    + _DAY.format(g="d2")
    + r"\s+"
    + _MONTH.format(g="m2")
    + r",?\s+(?P<y2>(?:19|20)\d\d)"
    + r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)"
    + r")\b",
    re.I,
)
_META_KEYS = re.compile(r"(?:^|[:._-])(?:published|modified|updated|created|date|issued|pubdate)", re.I)
_LD_KEYS = ("datePublished", "dateModified", "dateCreated")
_OFFSET_SPACE_RE = re.compile(r"\s+([+-]\d\d:?\d\d|Z)$")
_MARK = "\u2063DETENTE-H1\u2063"
_MAX_HEADER_CHARS = 1500
_BEFORE_HEADING_CHARS = 300
_MIN_HEADING_WORDS = 2
_HEADER_PARAGRAPHS = 2
# Not shown to the reader: scripts, hidden elements, and the hAtom ``updated`` time that
# WordPress themes print next to the ``published`` one and hide with CSS.
_HIDDEN_XPATH = (
    ".//script | .//style | .//noscript | .//template | .//*[@hidden]"
    " | .//*[contains(translate(@style, ' ', ''), 'display:none')]"
    " | .//*[contains(concat(' ', normalize-space(@class), ' '), ' updated ')"
    " and not(contains(concat(' ', normalize-space(@class), ' '), ' published '))"
    " and ../*[contains(concat(' ', normalize-space(@class), ' '), ' published ')]]"
)


def _clean(text: str) -> str:
    return _SPACE_RE.sub(" ", text or "").strip()


def _ld_dates(tree: lxml_html.HtmlElement) -> Iterator[str]:
    for item in _ld_objects(tree):
        yield from (item[k] for k in _LD_KEYS if isinstance(item.get(k), str))


def metadata_dates(tree: lxml_html.HtmlElement | None) -> list[str]:
    """Raw date strings the page declares: schema.org JSON-LD, ``<meta>``, itemprop and ``<time>``."""
    if tree is None:
        return []
    found = list(_ld_dates(tree))
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or ""
        if _META_KEYS.search(key) and node.get("content"):
            found.append(node.get("content", ""))
    for node in tree.xpath("//*[@itemprop='datePublished' or @itemprop='dateModified'] | //time[@datetime]"):
        value = node.get("datetime") or node.get("content")
        if value:
            found.append(value)
    return found


def _days(value: str) -> set[date]:
    """The calendar day of an ISO date or datetime, and its UTC day when it has an offset."""
    text = _OFFSET_SPACE_RE.sub(r"\1", value.strip().replace(" ", "T", 1))
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            return {date.fromisoformat(text[:10])}
        except ValueError:
            return set()
    days = {moment.date()}
    if moment.tzinfo is not None:
        days.add(moment.astimezone(UTC).date())
    return days


def shown_dates(text: str) -> list[date]:
    """Dates written out in ``text`` ("Nov 12, 2023", "23 December 2023", "2023-12-23"), in order."""
    found: list[date] = []
    for match in _SHOWN_DATE_RE.finditer(text):
        g = match.groupdict()
        try:
            if g["y3"]:
                day = date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
            elif g["y1"]:
                day = date(int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"]))
            else:
                day = date(int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"]))
        except ValueError:
            continue
        found.append(day)
    return found


def header_text(tree: lxml_html.HtmlElement | None, paragraphs: Sequence[str] = (), title: str = "") -> str:
    """Visible text around the headline: a little before the main ``<h1>``, up to the body.

    The main ``<h1>`` is the one reading ``title``, else the first of two words or more. The
    header ends where the body's third paragraph begins (extractors often keep a standfirst
    and the dateline as the first two) and at most 1,500 characters after the headline.
    Without an ``<h1>`` the header is empty.
    """
    if tree is None:
        return ""
    body = tree.find(".//body")
    root = copy.deepcopy(body if body is not None else tree)
    for node in root.xpath(_HIDDEN_XPATH):
        node.drop_tree()
    headings = [h for h in root.iter("h1") if len(_clean(h.text_content()).split()) >= _MIN_HEADING_WORDS]
    heading = next((h for h in headings if _clean(h.text_content()) == _clean(title)), None)
    heading = heading if heading is not None else next(iter(headings), None)
    if heading is None:
        return ""
    heading.text = _MARK + (heading.text or "")
    text = _clean(" ".join(root.itertext()))
    start = text.find(_MARK)
    end = start + _MAX_HEADER_CHARS
    probe = _clean(paragraphs[_HEADER_PARAGRAPHS])[:40] if len(paragraphs) > _HEADER_PARAGRAPHS else ""
    at = text.find(probe, start + len(_MARK)) if probe else -1
    if at != -1:
        end = min(end, at)
    return text[max(0, start - _BEFORE_HEADING_CHARS) : end].replace(_MARK, "")


def header_date(
    tree: lxml_html.HtmlElement | None, known: list[str], paragraphs: Sequence[str] = (), title: str = ""
) -> str | None:
    """The latest header date that one of the ``known`` dates (ISO strings) confirms, else None."""
    confirmed: set[date] = set()
    for value in known:
        confirmed |= _days(value)
    shown = [d for d in shown_dates(header_text(tree, paragraphs, title)) if d in confirmed]
    return max(shown).isoformat() if shown else None


def publication_date(
    html: str,
    url: str | None,
    tree: lxml_html.HtmlElement | None,
    paragraphs: Sequence[str] = (),
    title: str = "",
    fallback: str | None = None,
) -> str | None:
    """The article's date: the header date the metadata confirms, else htmldate's original date.

    ``paragraphs`` are the body's paragraphs and ``title`` the headline, which bound the header;
    ``fallback`` (e.g. trafilatura's date) is used when htmldate finds nothing.
    """
    found: dict[bool, str | None] = {}
    for original in (True, False):
        try:
            found[original] = find_date(html, url=url, original_date=original, extensive_search=True)
        except (ValueError, TypeError):
            found[original] = None
    known = [d for d in (found[True], found[False]) if d] + metadata_dates(tree)
    return header_date(tree, known, paragraphs, title) or found[True] or fallback
