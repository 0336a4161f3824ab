"""Title and byline of an HTML page, refined beyond trafilatura's metadata.

General rules, measured on the NAEB subset (``detente evaluate-extraction``):

- title: the page's main ``<h1>`` is the headline as printed; ``<title>``/``og:title`` often
  carry a site suffix ("Headline - Site", "Headline | Site") or a section prefix
  ("Opinion | Headline"). A one-word ``<h1>`` is a section label, not a headline.
- authors: schema.org ``author`` objects keep the names as written ("Robert E. Moffit");
  publisher names, staff desks and "View all posts by" wrappers are not authors. Without
  JSON-LD or trafilatura authors, schema.org microdata (``itemprop="author"``) is read; names
  get back the periods the page prints in them ("B Lagare" -> "B. Lagare").
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


def _microdata_authors(tree: lxml_html.HtmlElement | None) -> list[str]:
    """Names from schema.org microdata: ``itemprop="author"`` and its ``itemprop="name"``."""
    if tree is None:
        return []
    names = []
    for node in tree.xpath("//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"):
        named = node.xpath(".//*[@itemprop='name']")
        if named:
            value = named[0].get("content") or named[0].text_content()
        elif node.get("itemscope") is None:
            value = node.get("content") or node.text_content()
        else:
            continue
        if _clean(value):
            names.append(_clean(value))
    return names


def _page_strings(tree: lxml_html.HtmlElement) -> str:
    """The page's text and ``<meta content>`` values, where names appear as printed."""
    metas = [m.get("content") or "" for m in tree.iter("meta")]
    return _clean(" ".join([*metas, *tree.itertext()]))


def as_written(name: str, page: str) -> str:
    """``name`` with the periods the page prints in it ("Jordeene B Lagare" -> "Jordeene B. Lagare").

    Extractors drop initials' periods; the page's first spelling that differs only by periods
    (and, after a short last word such as "Jr" or "D", a final period) is kept.
    """
    words = name.split()
    if not words or "." in name:
        return name
    tail = r"\.?" if len(words[-1]) <= 2 or words[-1] in {"Jr", "Sr"} else ""
    pattern = r"(?<!\w)" + r"\.?\s*".join(re.escape(w) for w in words) + tail + r"(?!\w)"
    match = re.search(pattern, page)
    return match.group(0) if match else name


def best_authors(
    meta_authors: tuple[str, ...], tree: lxml_html.HtmlElement | None, site_names: list[str]
) -> tuple[str, ...]:
    """Authors from schema.org JSON-LD, else trafilatura's, else schema.org microdata.

    Names are cleaned of non-persons and given back the periods the page prints in them.
    """
    names = _ld_authors(tree) or list(meta_authors) or _microdata_authors(tree)
    authors = clean_authors(names, site_names)
    if tree is None:
        return authors
    page = _page_strings(tree)
    return tuple(dict.fromkeys(as_written(a, page) for a in authors))
