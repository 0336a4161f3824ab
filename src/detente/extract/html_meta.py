"""Title and byline of an HTML page, refined beyond trafilatura's metadata.

General rules, measured on the NAEB subset (``detente evaluate-extraction``):

- title: the page's main ``<h1>`` is the headline as printed; ``<title>``/``og:title`` often
  carry a site suffix ("Headline - Site", "Headline | Site") or a section prefix
  ("Opinion | Headline"). A one-word ``<h1>`` is a section label, not a headline.
- authors: schema.org ``author`` objects keep the names as written ("Robert E. Moffit");
  publisher names, staff desks and "View all posts by" wrappers are not authors.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import html as lxml_html

_SPACE_RE = re.compile(r"\s+")
_SEPARATORS_RE = re.compile(r"\s+(?:\||-|–|—|::|•|·)\s+")
_DESK_RE = re.compile(
    r"\b(?:staff|correspondent|desk|team|editors?|editorial|redazione|redaction|newsroom|"
    r"reporters?|contributors?|wire|agenc(?:y|ies)|press|news|times|brandroom|sponsored|company|"
    r"officer|head|chief|director|president|founder|author|journalist)\b",
    re.I,
)
_PART_SPLIT_RE = re.compile(r"\s*[|,;]\s*|\s+(?:and|&)\s+|\s+Author\s+")
_BYLINE_PREFIX_RE = re.compile(r"^(?:view all posts by|posts by|more by|written by|by)\s+", re.I)
_PARTICLES = {"de", "van", "von", "der", "da", "di", "du", "al", "bin", "la", "le", "y"}
_MIN_H1_WORDS = 2
_MAX_H1_WORDS = 40


def _clean(text: str) -> str:
    return _SPACE_RE.sub(" ", text or "").strip()


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def main_heading(tree: lxml_html.HtmlElement | None) -> str | None:
    """The first ``<h1>`` that reads as a headline (2 to 40 words), else None."""
    if tree is None:
        return None
    for node in tree.iter("h1"):
        text = _clean(node.text_content())
        if _MIN_H1_WORDS <= len(text.split()) <= _MAX_H1_WORDS:
            return text
    return None


def strip_site_name(title: str, site_names: list[str]) -> str:
    """Remove a leading or trailing segment of ``title`` that is one of ``site_names``."""
    seps = list(_SEPARATORS_RE.finditer(title))
    keys = {_key(s) for s in site_names if s}
    keys.discard("")
    if not seps or not keys:
        return title
    last = _key(title[seps[-1].end() :])
    if last in keys or any(last.startswith(k) for k in keys):
        return title[: seps[-1].start()].strip()
    if _key(title[: seps[0].start()]) in keys:
        return title[seps[0].end() :].strip()
    return title


def best_title(meta_title: str, tree: lxml_html.HtmlElement | None, site_names: list[str]) -> str:
    """The headline: the main ``<h1>`` when there is one, else the meta title without site name."""
    heading = main_heading(tree)
    if heading:
        return heading
    return strip_site_name(_clean(meta_title), site_names)


def _ld_objects(tree: lxml_html.HtmlElement) -> list[Any]:
    found: list[Any] = []
    for node in tree.iter("script"):
        if (node.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(node.text or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return found


def _ld_authors(tree: lxml_html.HtmlElement | None) -> list[str]:
    """Person names from the first schema.org article object that has an author."""
    if tree is None:
        return []
    for obj in _ld_objects(tree):
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(isinstance(k, str) and ("Article" in k or k == "Review") for k in kinds):
            continue
        author = obj.get("author")
        items = author if isinstance(author, list) else [author]
        names = []
        for item in items:
            if isinstance(item, dict) and item.get("@type", "Person") == "Person":
                name = item.get("name")
                if isinstance(name, str):
                    names.append(_clean(name))
            elif isinstance(item, str):
                names.append(_clean(item))
        if names:
            return names
    return []


def clean_authors(names: list[str], site_names: list[str]) -> tuple[str, ...]:
    """Drop publisher names and desks; unwrap "View all posts by Name"; keep the order."""
    keys = {_key(s) for s in site_names if s}
    keys.discard("")
    out: dict[str, None] = {}
    for raw in names:
        for part in _PART_SPLIT_RE.split(_clean(raw)):
            name = _BYLINE_PREFIX_RE.sub("", part).strip()
            if not name or _key(name) in keys or _DESK_RE.search(name) or len(name.split()) > 5:
                continue
            if not all(w[:1].isupper() or w in _PARTICLES for w in name.split()):
                continue
            out.setdefault(name, None)
    return tuple(out)


def best_authors(
    meta_authors: tuple[str, ...], tree: lxml_html.HtmlElement | None, site_names: list[str]
) -> tuple[str, ...]:
    """Authors from schema.org when present, else trafilatura's, cleaned of non-persons."""
    names = _ld_authors(tree) or list(meta_authors)
    return clean_authors(names, site_names)
