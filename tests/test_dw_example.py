"""The DW interview from ../shared: extraction and coding end to end (skips without ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.ingest.files import read_document
from detente.pipeline import Pipeline, prepare

from .conftest import HAS_MODEL

NAME = "dw-2014-09-25-iran-us-interview"


@pytest.fixture(scope="module")
def dw_events(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    path = shared / "examples" / f"{NAME}.txt"
    if not path.is_file():
        pytest.skip("../shared is not present")
    if not HAS_MODEL:
        pytest.skip("no spaCy English model installed")
    prepared = prepare(read_document(path, 10_000_000))  # type: ignore[arg-type]
    events = Pipeline().code_articles([(prepared.article, None)])[0]  # type: ignore[union-attr]
    return prepared, events


def test_article_metadata(dw_events) -> None:  # type: ignore[no-untyped-def]
    prepared, _ = dw_events
    expected = json.loads(Path(prepared.raw.path[: -len(".txt")] + ".expected.json").read_text())
    art = prepared.article
    assert art.title == expected["title"]
    assert art.date == expected["date"]
    assert expected["author"] in art.authors


def test_key_events(dw_events) -> None:  # type: ignore[no-untyped-def]
    _, events = dw_events
    keys = {(e.source, e.target, e.root, e.negated, e.hypothetical) for e in events}
    assert ("USA", "IRN", "12", False, False) in keys  # Kerry refused to invite Iran
    assert ("IRN", "USA", "07", False, False) in keys  # Iran assisted the United States
    kerry = next(e for e in events if e.root == "12" and e.source == "USA")
    assert "Kerry refused to invite Iran to the Paris conference" in kerry.evidence.sentence
    assert kerry.evidence.pattern


def test_no_events_from_page_furniture(dw_events) -> None:  # type: ignore[no-untyped-def]
    _, events = dw_events
    for e in events:
        assert "Moldovan" not in e.evidence.sentence
        assert "Munich Security Conference" not in e.evidence.sentence
