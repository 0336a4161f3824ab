"""Quotes: cue verbs, speakers resolved to actors, interview answers, storage and queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import query
from detente.actors.resolver import DocActors
from detente.models import Article, Paragraph, RawDocument
from detente.quotes import Quote, cue_verbs, find_quotes
from detente.store import Store

from .conftest import HAS_MODEL, make_doc

# "Ayatollah Khamenei said that he rejected an offer."
KHAMENEI = [
    ("Ayatollah", "Ayatollah", "PROPN", "NNP", "compound", 1),
    ("Khamenei", "Khamenei", "PROPN", "NNP", "nsubj", 2),
    ("said", "say", "VERB", "VBD", "ROOT", 2),
    ("that", "that", "SCONJ", "IN", "mark", 5),
    ("he", "he", "PRON", "PRP", "nsubj", 5),
    ("rejected", "reject", "VERB", "VBD", "ccomp", 2),
    ("an", "an", "DET", "DT", "det", 7),
    ("offer", "offer", "NOUN", "NN", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 2),
]


def test_cue_verbs_come_from_the_data_file() -> None:
    cues = cue_verbs()
    assert {"say", "tell", "add", "warn", "accuse"} <= set(cues)
    assert cues["accuse"] == "accuse"


def test_indirect_quote_with_speaker_resolved_by_date() -> None:
    doc = make_doc(KHAMENEI)
    quotes = find_quotes(doc, DocActors(doc, "2014-09-25"))
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.kind, q.cue, q.speaker) == ("indirect", "say", "Ayatollah Khamenei")
    assert (q.speaker_code, q.speaker_name, q.speaker_role) == ("IRN", "Ali Khamenei", "Supreme Leader")
    assert q.content == "he rejected an offer"
    assert doc.text[q.content_start : q.content_end] == q.content


def test_direct_quote_before_the_cue() -> None:
    # '"We will act," Kerry said.'
    doc = make_doc(
        [
            ('"', '"', "PUNCT", "``", "punct", 7),
            ("We", "we", "PRON", "PRP", "nsubj", 3),
            ("will", "will", "AUX", "MD", "aux", 3),
            ("act", "act", "VERB", "VB", "ccomp", 7),
            (",", ",", "PUNCT", ",", "punct", 7),
            ('"', '"', "PUNCT", "''", "punct", 7),
            ("Kerry", "Kerry", "PROPN", "NNP", "nsubj", 7),
            ("said", "say", "VERB", "VBD", "ROOT", 7),
            (".", ".", "PUNCT", ".", "punct", 7),
        ]
    )
    (q,) = find_quotes(doc, DocActors(doc, "2014-09-25"))
    assert (q.kind, q.speaker_code, q.speaker_name) == ("direct", "USA", "John Kerry")
    assert q.content == "We will act"


def test_negated_cue_and_non_speakers_are_not_quotes() -> None:
    # "Kerry did not say that Iran lied." / "It said that Iran lied."
    rows = [
        ("Kerry", "Kerry", "PROPN", "NNP", "nsubj", 3),
        ("did", "do", "AUX", "VBD", "aux", 3),
        ("not", "not", "PART", "RB", "neg", 3),
        ("say", "say", "VERB", "VB", "ROOT", 3),
        ("that", "that", "SCONJ", "IN", "mark", 6),
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 6),
        ("lied", "lie", "VERB", "VBD", "ccomp", 3),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]
    doc = make_doc(rows)
    assert find_quotes(doc, DocActors(doc, "2014-09-25")) == []


def test_according_to() -> None:
    # "Iran rejected the offer, according to Kerry."
    doc = make_doc(
        [
            ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
            ("rejected", "reject", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 3),
            ("offer", "offer", "NOUN", "NN", "dobj", 1),
            (",", ",", "PUNCT", ",", "punct", 1),
            ("according", "accord", "VERB", "VBG", "prep", 1),
            ("to", "to", "ADP", "IN", "prep", 5),
            ("Kerry", "Kerry", "PROPN", "NNP", "pobj", 6),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    (q,) = find_quotes(doc, DocActors(doc, "2014-09-25"))
    assert (q.cue, q.speaker_code, q.content) == ("according to", "USA", "Iran rejected the offer")


def test_interview_answers_are_the_interviewees_and_first_person_too() -> None:
    # question paragraph, then an answer paragraph in which "I said that ..." appears
    rows = [
        ("Why", "why", "SCONJ", "WRB", "advmod", 1),
        ("act", "act", "VERB", "VB", "ROOT", 1),
        ("?", "?", "PUNCT", ".", "punct", 1),
        ("I", "I", "PRON", "PRP", "nsubj", 4, True),
        ("said", "say", "VERB", "VBD", "ROOT", 4),
        ("that", "that", "SCONJ", "IN", "mark", 7),
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 7),
        ("waits", "wait", "VERB", "VBZ", "ccomp", 4),
        (".", ".", "PUNCT", ".", "punct", 4),
    ]
    doc = make_doc(rows)
    split = doc[3].idx
    roles = [(0, split - 1, "question"), (split, len(doc.text), "answer")]
    quotes = find_quotes(doc, DocActors(doc, "2014-09-25"), roles, ["DW", "Jane Roe"])
    kinds = {(q.kind, q.speaker) for q in quotes}
    assert ("interview", "Jane Roe") in kinds
    assert ("indirect", "Jane Roe") in kinds  # "I" in an answer is the interviewee


def test_quotes_are_stored_with_the_batch_and_queryable() -> None:
    data = b"Kerry said that Iran waits."
    raw = RawDocument("/tmp/q.txt", data, "h1", "text")
    art = Article(title="", body=data.decode(), date="2014-09-25", paragraphs=(Paragraph(0, len(data)),))
    q = Quote(
        "indirect", "Kerry", "Iran waits", 16, 26, "say", "said", "USA", "John Kerry", None, None, 0, 27
    )
    with Store(":memory:") as store:
        assert store.write_batch([(raw, art, "utf-8", [])], [], "run", {"h1": [q]}) == (1, 0)
        assert store.write_batch([(raw, art, "utf-8", [])], [], "run", {"h1": [q]}) == (0, 0)
        cols, rows = query.search_quotes(store.con, speaker="kerry")
        assert len(rows) == 1
        row = dict(zip(cols, rows[0], strict=True))
        assert (row["speaker_code"], row["content"], row["published"]) == ("USA", "Iran waits", "2014-09-25")
        assert query.search_quotes(store.con, about="USA")[1]
        assert not query.search_quotes(store.con, about="FRA")[1]
        assert not query.search_quotes(store.con, speaker="Zarif")[1]


@pytest.mark.model
@pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed")
def test_dw_example_quotes(shared: Path, tmp_path: Path) -> None:
    from detente.pipeline import ingest
    from detente.settings import Settings

    db = str(tmp_path / "dw.duckdb")
    with Store(db) as store:
        ingest([str(shared / "examples" / "dw-2014-09-25-iran-us-interview.txt")], store, Settings(db=db))
        cols, rows = query.search_quotes(store.con, kind="indirect")
        found = [dict(zip(cols, r, strict=True)) for r in rows]
        by_code = {r["speaker_code"]: r for r in found}
        assert by_code["IRN"]["speaker_name"] == "Ali Khamenei"
        assert by_code["IRN"]["content"].startswith("he rejected an offer from the US")
        assert by_code["USA"]["speaker_name"] == "John Kerry"
        assert "has a role to play" in by_code["USA"]["content"]
        cols, rows = query.search_quotes(store.con, kind="interview")
        assert len(rows) >= 6 and {r[cols.index("speaker")] for r in rows} == {"Roham Alvandi"}
