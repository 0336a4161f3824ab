"""Repair of character-entity damage common in scraped news text.

Feeds and scrapers often leave HTML entities escaped ("&amp;quot;"), half-stripped ("quot;",
"#39;s") or turn line breaks into backslashes ("set for\\working-level talks"). This module
restores the characters so that the parser and the actor dictionaries see ordinary text.
"""

from __future__ import annotations

import html
import re

# Entities that lost their leading "&" ("#39;s", "quot;they could"): only well-known ones.
_BARE = re.compile(r"(?<![&\w])(#(?:39|34|38|8217|8220|8221|8212|8211);|quot;|amp;|apos;|lt;|gt;|nbsp;)")
_BARE_MAP = {
    "#39;": "'",
    "#34;": '"',
    "#38;": "&",
    "#8217;": "’",
    "#8220;": "“",
    "#8221;": "”",
    "#8212;": "—",
    "#8211;": "–",
    "quot;": '"',
    "amp;": "&",
    "apos;": "'",
    "lt;": "<",
    "gt;": ">",
    "nbsp;": " ",
}
_POSSESSIVE = re.compile(r"(?<=\w) ?#39;s\b")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_BACKSLASH_BREAK = re.compile(r"(?<=\w|[,.;:])\\(?=\w)")
_TAG = re.compile(r"</?(?:b|i|em|strong|br|p|span|a)(?:\s[^<>]{0,200})?/?>", re.I)


def repair_entities(text: str) -> str:
    """Unescape entities (twice, for double escaping), restore bare ones, mend backslash breaks."""
    if "&" in text:
        for _ in range(2):
            if not _ENTITY.search(text):
                break
            text = html.unescape(text)
        text = _TAG.sub("", text)  # tags that were escaped in the feed and are now literal
    if ";" in text:
        text = _POSSESSIVE.sub("'s", text)  # "Turkey #39;s plan" -> "Turkey's plan"
        text = _BARE.sub(lambda m: _BARE_MAP[m.group(1)], text)
    if "\\" in text:
        text = _BACKSLASH_BREAK.sub(" ", text)
    return text
