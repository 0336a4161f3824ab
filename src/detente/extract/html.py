"""Extract an Article from raw HTML with trafilatura (body, metadata) and htmldate (date).

Settings were chosen on the scrapinghub article-extraction benchmark (181 pages, shingle F1):
``favor_precision=True, include_comments=False, include_tables=True`` scored 0.964 against
0.958 for trafilatura's defaults (see ``detente.extract.benchmark``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

import trafilatura
from lxml import html as lxml_html

from detente.extract.html_date import publication_date
from detente.extract.html_meta import best_authors, best_title
from detente.extract.interview import label_turns
from detente.models import Article, Paragraph

_TRAFILATURA_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "with_metadata": True,
}
_SPACE_RE = re.compile(r"\s+")


def _parse(html: str) -> lxml_html.HtmlElement | None:
    """Parse HTML leniently; None when lxml cannot make a tree of it."""
    try:
        return lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None


def _text_of(element: lxml_html.HtmlElement) -> str:
    return _SPACE_RE.sub(" ", element.text_content()).strip()


def figure_captions(tree: lxml_html.HtmlElement | None) -> tuple[str, ...]:
    """Texts of the page's ``<figcaption>`` elements, deduplicated, in page order."""
    if tree is None:
        return ()
    seen: dict[str, None] = {}
    for node in tree.iter("figcaption"):
        text = _text_of(node)
        if text:
            seen.setdefault(text, None)
    return tuple(seen)


def bold_paragraphs(tree: lxml_html.HtmlElement | None) -> set[str]:
    """Texts of ``<p>`` elements whose whole text is bold (``<strong>``/``<b>``): Q&A questions."""
    if tree is None:
        return set()
    found: set[str] = set()
    for para in tree.iter("p"):
        text = _text_of(para)
        bold = " ".join(_text_of(b) for b in para.iter("strong", "b"))
        if text and len(text) > 15 and len(bold) >= 0.9 * len(text):
            found.add(text)
    return found


def _publisher(sitename: str | None, hostname: str | None, url: str | None) -> str | None:
    if sitename:
        return sitename
    if hostname:
        return hostname
    if url:
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _site_names(sitename: str | None, hostname: str | None, url: str | None) -> list[str]:
    """Names the site goes by: its declared name, host name and host stem ("autoblog")."""
    names = [sitename or ""]
    for host in (hostname, urlparse(url).hostname if url else None):
        if host:
            host = host.removeprefix("www.")
            names += [host, host.split(".")[0]]
    return [n for n in names if n]


def _authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    return tuple(a.strip() for a in re.split(r";|\band\b", author) if a.strip())


def _paragraph_texts(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def extract_html(html: str, url: str | None = None, path: str = "", date_hint: str | None = None) -> Article:
    """Extract title, body paragraphs, date, authors, publisher and captions from HTML.

    ``date_hint`` (ISO date supplied with the input) wins over any date found in the page.
    Interview turns are read from speaker labels ("Q:", "Name:") or, failing those, from
    paragraphs that are entirely bold.
    """
    doc: Any = trafilatura.bare_extraction(html, url=url or None, **_TRAFILATURA_OPTIONS)  # type: ignore[arg-type]
    tree = _parse(html)
    if doc is None:
        return Article(title="", body="", date=date_hint, source_format="html")
    texts = _paragraph_texts(doc.text or "")
    publisher = _publisher(doc.sitename, doc.hostname, url)
    site_names = _site_names(doc.sitename, doc.hostname, url)
    title = best_title(doc.title or "", tree, site_names)
    if texts and title and texts[0].strip() in (title, (doc.title or "").strip()):
        texts = texts[1:]  # the <h1> repeated as the first paragraph
    interview = label_turns(texts, bold=bold_paragraphs(tree))
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for text, role, speaker in zip(interview.texts, interview.roles, interview.speakers, strict=True):
        parts.append(text)
        paragraphs.append(Paragraph(offset, offset + len(text), role, speaker))
        offset += len(text) + 2
    date = date_hint or publication_date(html, url, tree, texts, title, doc.date)
    return Article(
        title=title,
        body="\n\n".join(parts),
        date=date,
        authors=best_authors(_authors(doc.author), tree, site_names),
        publisher=publisher,
        language=doc.language or "en",
        genre="interview" if interview.turns else "news",
        captions=figure_captions(tree),
        paragraphs=tuple(paragraphs),
        turns=interview.turns,
        source_format="html",
    )
