"""RSS and Atom feeds (feedparser): each entry is one document.

A feed that declares entities or a DTD (``<!ENTITY``, ``<!DOCTYPE ... SYSTEM/PUBLIC``) is refused
before parsing: no entity expansion (billion laughs), no external file or network access. An
entry's HTML content (or summary) becomes plain text with its title as the headline; its id (or
link) is the unit id, its publication date the date hint.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..models import RawDocument, Skip
from .files import sha256
from .registry import Reader, ReadOptions, register

_DANGEROUS = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*(SYSTEM|PUBLIC)|<!DOCTYPE[^>]*\[", re.I)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several types on junk
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t\r\f\v]+", " ", text)).strip()


def _entry_text(entry: Any) -> str:
    for item in entry.get("content") or ():
        if item.get("value"):
            return html_to_text(item["value"])
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def read_feed(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
    """Documents of one RSS/Atom feed file."""
    import feedparser

    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Skip(str(path), "too large", f"{size:,} bytes > limit {options.max_bytes:,}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skip(str(path), "unreadable", exc.strerror or str(exc))
        return
    if _DANGEROUS.search(data[:1_000_000]):
        yield Skip(str(path), "refused feed", "declares entities or an external DTD")
        return
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield Skip(str(path), "not a feed", reason)
        return
    for n, entry in enumerate(parsed.entries, start=1):
        unit_id = str(entry.get("id") or entry.get("link") or f"entry={n}")
        where = f"{path}#{unit_id}"
        text = _entry_text(entry)
        title = html_to_text(entry.get("title") or "")
        if not text and not title:
            yield Skip(where, "empty entry", "no title, content or summary")
            continue
        data_out = (f"{title}\n\n{text}" if title else text).encode("utf-8")
        yield RawDocument(
            path=where,
            data=data_out,
            content_hash=sha256(data_out),
            kind_hint="text",
            unit_id=unit_id,
            date_hint=_entry_date(entry),
            url=entry.get("link") or None,
        )


register(
    Reader(
        "feed",
        read_feed,
        (".rss", ".atom"),
        sniff=lambda head: bool(_FEED_ROOT.search(head)) and b"<html" not in head.lower(),
        description="RSS/Atom feeds (feedparser): one document per entry",
    )
)
