"""Captions, related-story teasers, cookie banners and comments never reach the coded text."""

from __future__ import annotations

import pytest

from detente.extract import extract_html, extract_text_dump

from .conftest import HAS_MODEL

ARTICLE = [
    "The foreign ministers of Kenya and Uganda agreed on Tuesday to reopen the northern border crossing, "
    "which has been closed to trade for more than a year after a dispute over tariffs between the two "
    "neighbours.",
    "Officials said the first lorries would pass through the checkpoint next week, and that customs staff "
    "on both sides had been told to prepare for a surge of traffic in the first days after the reopening.",
    "Negotiators will meet again in April to discuss fishing rights on the lake, a question that both "
    "governments described as difficult but not impossible to settle before the summer.",
]
CAPTION = "Russian troops attacked Ukrainian villages near the border in a file photo."
TEASERS = [
    "France threatens sanctions against Iran over nuclear plan",
    "China condemns Japan over island dispute",
]
COOKIE = "We use cookies to improve your experience. Germany accused France of spying on its cookie settings."
COMMENT = "Israel bombed Syria again yesterday and nobody cares about it, typical of the media these days."
FURNITURE_CODES = {"RUS", "UKR", "FRA", "IRN", "CHN", "JPN", "ISR", "SYR", "DEU"}

TEASER_ITEMS = "".join(f'<li><a href="/{i}">{t}</a></li>' for i, t in enumerate(TEASERS))
HTML = f"""<!DOCTYPE html><html lang="en"><head><title>Ministers agree to reopen border crossing | Example
News</title><meta property="og:site_name" content="Example News"></head><body>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p><button>Accept all cookies</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Ministers agree to reopen border crossing</h1><p class="byline">By Jane Doe</p>
<p>{ARTICLE[0]}</p><figure><img src="x.jpg"><figcaption>{CAPTION}</figcaption></figure>
<p>{ARTICLE[1]}</p><p>{ARTICLE[2]}</p></article>
<aside class="related"><h2>Related stories</h2><ul>{TEASER_ITEMS}</ul></aside>
<section id="comments" class="comments"><h2>Comments</h2><div class="comment"><p>{COMMENT}</p></div></section>
<footer><p>&copy; 2021 Example News</p></footer></body></html>"""

DUMP = f"""  1. Skip to content
  • Home
  • World

We use cookies to improve your experience on our site. By continuing you accept our cookie policy.
Accept all cookies

Ministers agree to reopen border crossing

By Jane Doe
March 3, 2021

{ARTICLE[0]}

Russian troops attacked Ukrainian villages near the border.
Image: Example Agency

{ARTICLE[1]}

{ARTICLE[2]}

Related stories
{"".join(f"  • {t}" + chr(10) for t in TEASERS)}
Comments

{COMMENT} I have been saying this for years.

© 2021 Example News Network. All rights reserved.
"""


@pytest.mark.parametrize("kind", ["html", "dump"])
def test_furniture_is_not_in_the_coded_text(kind: str) -> None:
    art = extract_html(HTML) if kind == "html" else extract_text_dump(DUMP)
    text = art.text_for_coding
    assert art.title == "Ministers agree to reopen border crossing"
    for para in ARTICLE:
        assert para in text
    for piece in ("Russian troops", *TEASERS, "cookies", "Israel bombed"):
        assert piece not in text, piece
    assert any("Russian troops attacked" in c for c in art.captions)  # kept apart, as a caption


@pytest.mark.model
@pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")
def test_furniture_never_produces_events() -> None:
    from detente.pipeline import Pipeline

    pipe = Pipeline()
    for events in pipe.code_articles([(extract_html(HTML), None), (extract_text_dump(DUMP), None)]):
        codes = {e.source for e in events} | {e.target for e in events}
        assert not codes & FURNITURE_CODES, codes
