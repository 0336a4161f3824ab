"""Tests of the header-date rule for HTML pages (hand-written pages only)."""

from __future__ import annotations

from datetime import date

from lxml import html as lxml_html

from detente.extract import extract_html
from detente.extract.html_date import header_text, metadata_dates, publication_date, shown_dates

BODY = [
    "The harbour authority reopened the northern pier on Friday after three weeks of repairs "
    "that had forced the ferries to dock at the old fishing quay.",
    "Officials said the storm had torn away two mooring posts and flooded the ticket office, "
    "which will stay closed until the electrical checks are complete.",
    "Ferry operators welcomed the reopening and said the timetable would return to normal "
    "from Monday, with extra sailings on the weekend to clear the backlog.",
    "The authority will publish a report on the storm damage next month, together with a plan "
    "to raise the sea wall along the whole length of the pier.",
]


def _page(head: str, header: str, heading: str = "Northern pier reopens after storm repairs") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html>
<html lang="en"><head><title>{heading} | Coast Gazette</title>
{head}
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article>
<h1>{heading}</h1>
{header}
{body}
</article>
<footer><p>Coast Gazette</p></footer>
</body></html>"""


def _ld(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        f'"datePublished": "{published}", "dateModified": "{modified}"}}</script>'
    )


def test_shown_dates_reads_common_formats() -> None:
    text = "By A. Writer Nov 12, 2023 1:00 AM | Saturday 23 December 2023 | Jan. 3rd 2024 | 2022-08-27"
    assert shown_dates(text) == [date(2023, 11, 12), date(2023, 12, 23), date(2024, 1, 3), date(2022, 8, 27)]
    assert shown_dates("February 30, 2023 and 2023-13-01") == []


def test_header_shows_published_and_updated_latest_wins() -> None:
    header = (
        "<div><span>By Ann Reed</span><span>Mar 4, 2022 9:00 AM</span><span>Mar 6, 2022 2:15 PM</span></div>"
    )
    html = _page(_ld("2022-03-04T09:00:00Z", "2022-03-06T14:15:00Z"), header)
    assert extract_html(html, url="https://example.org/pier").date == "2022-03-06"


def test_header_day_in_utc_beats_local_offset() -> None:
    # Published late in the evening at UTC-5: the page prints the UTC day.
    header = "<p class='byline'>By Ann Reed · 5 April 2022 02:30</p>"
    html = _page(_ld("2022-04-04T21:30:00-05:00", "2022-04-04T21:30:00-05:00"), header)
    assert extract_html(html, url="https://example.org/pier").date == "2022-04-05"


def test_unconfirmed_header_date_is_ignored() -> None:
    # A photo caption under the headline dates the photo, not the article.
    header = "<figure><figcaption>The pier on June 2, 2019, before the storm.</figcaption></figure>"
    html = _page(_ld("2022-03-04T09:00:00Z", "2022-03-04T09:00:00Z"), header)
    assert extract_html(html, url="https://example.org/pier").date == "2022-03-04"


def test_hidden_wordpress_updated_time_is_not_shown() -> None:
    header = (
        '<span class="posted-on"><time class="entry-date published" datetime="2021-07-01T08:00:00+00:00">'
        '1 July 2021</time><time class="updated" datetime="2021-07-09T10:00:00+00:00">9 July 2021</time>'
        "</span>"
    )
    html = _page(_ld("2021-07-01T08:00:00+00:00", "2021-07-09T10:00:00+00:00"), header)
    assert extract_html(html, url="https://example.org/pier").date == "2021-07-01"


def test_inline_hidden_date_is_not_shown() -> None:
    header = '<span>1 July 2021</span><span style="display: none">9 July 2021</span>'
    tree = lxml_html.fromstring(_page("", header))
    assert "9 July" not in header_text(tree, BODY, "Northern pier reopens after storm repairs")


def test_without_header_date_htmldate_original_stands() -> None:
    head = (
        '<meta property="article:published_time" content="2020-10-01T10:00:00+00:00">'
        '<meta property="article:modified_time" content="2020-10-05T10:00:00+00:00">'
    )
    html = _page(head, "<p class='byline'>By Ann Reed</p>")
    tree = lxml_html.fromstring(html)
    title = "Northern pier reopens after storm repairs"
    assert publication_date(html, None, tree, BODY, title) == "2020-10-01"


def test_header_ends_before_the_body() -> None:
    # A date the body mentions is not a header date, even when the metadata has it.
    tree = lxml_html.fromstring(_page("", "<p>By Ann Reed</p>"))
    text = header_text(tree, BODY, "Northern pier reopens after storm repairs")
    assert "By Ann Reed" in text
    assert "Ferry operators" not in text


def test_metadata_dates_collects_declared_dates() -> None:
    head = _ld("2022-03-04T09:00:00Z", "2022-03-06T14:15:00Z") + (
        '<meta property="article:published_time" content="2022-03-04T09:00:00Z">'
    )
    tree = lxml_html.fromstring(_page(head, '<time datetime="2022-03-04">4 March 2022</time>'))
    found = metadata_dates(tree)
    assert {"2022-03-04T09:00:00Z", "2022-03-06T14:15:00Z", "2022-03-04"} <= set(found)
