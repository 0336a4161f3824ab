"""Tests of the author rules for HTML pages: microdata fallback and names as printed."""

from __future__ import annotations

from lxml import html as lxml_html

from detente.extract.html_meta import as_written, best_authors


def test_as_written_restores_the_periods_of_initials() -> None:
    page = "Story by Mara T. Quill, M.D. and Otto Brenn Jr. for the weekly edition."
    assert as_written("Mara T Quill", page) == "Mara T. Quill"
    assert as_written("M D", page) == "M.D."
    assert as_written("Otto Brenn Jr", page) == "Otto Brenn Jr."
    assert as_written("Otto Brenn", page) == "Otto Brenn"  # no sentence period glued on
    assert as_written("Lise Kord", page) == "Lise Kord"  # not on the page: unchanged


def test_microdata_author_when_no_other_source() -> None:
    page = lxml_html.fromstring(
        "<html><body><h1>Harbour reopens</h1><div>By "
        '<span itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<a href="/author/lk"><span itemprop="name">Lise Kord</span></a></span></div>'
        "<p>The pier reopened.</p></body></html>"
    )
    assert best_authors((), page, []) == ("Lise Kord",)
    assert best_authors(("Otto Brenn",), page, []) == ("Otto Brenn",)


def test_best_authors_keeps_initials_as_printed() -> None:
    page = lxml_html.fromstring(
        '<html><head><meta name="author" content="Mara T. Quill"></head><body><p>Text.</p></body></html>'
    )
    assert best_authors(("Mara T Quill",), page, []) == ("Mara T. Quill",)
