"""The gold-date audit of the metadata evaluation."""

from __future__ import annotations

from detente.extract.metadata_eval import date_on_page


def test_date_on_page_forms() -> None:
    assert date_on_page('<meta content="2023-12-17T10:00">', "2023-12-17")
    assert date_on_page("<p>Published December 17, 2023</p>", "2023-12-17")
    assert date_on_page("<p>17 Dec 2023</p>", "2023-12-17")
    assert date_on_page("<p>12/17/2023</p>", "2023-12-17")
    assert not date_on_page("<p>December 17, 2024</p>", "2023-12-17")
    assert not date_on_page("<p>nothing</p>", "not a date")
