"""Tests of the HTML extractor and of the benchmark metric (synthetic pages only)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from detente.extract import extract_html
from detente.extract.benchmark import (
    evaluate_extraction,
    macro_score,
    shingle_counts,
    shingle_f1,
    shingle_score,
)
from detente.extract.interview import label_turns, speaker_label

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

PARAGRAPHS = [
    "The two governments signed a water-sharing agreement on Monday after eight years of "
    "negotiations, ending a dispute that had strained relations along the whole valley.",
    "Under the agreement, each side will publish monthly figures on the water it draws from the "
    "river, and a joint commission will inspect the dams twice a year.",
    "Farmers' associations on both banks welcomed the deal, although several of them said the "
    "quotas for the dry months were lower than they had hoped for.",
    "The commission will hold its first meeting in the autumn, when officials expect to agree "
    "on the rules for settling complaints from either government.",
]


def _page(paragraphs: list[str], extra: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Neighbours sign river deal | Example Times</title>
<meta property="og:title" content="Neighbours sign river deal">
<meta property="og:site_name" content="Example Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-03-03T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Neighbours sign river deal</h1>
<figure><img src="dam.jpg"><figcaption>The dam seen from the east bank.</figcaption></figure>
{body}
{extra}
</article>
<footer><p>Copyright 2021 Example Times. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>"""


def test_html_body_and_metadata() -> None:
    art = extract_html(_page(PARAGRAPHS), url="https://example.com/2021/03/03/river-deal")
    assert art.source_format == "html"
    assert art.title == "Neighbours sign river deal"
    assert art.date == "2021-03-03"
    assert art.authors == ("Jane Doe",)
    assert art.publisher == "Example Times"
    assert art.genre == "news"
    assert art.captions == ("The dam seen from the east bank.",)
    for para in PARAGRAPHS:
        assert para in art.body
    assert "Privacy" not in art.body and "Home" not in art.body
    assert [art.body[p.start : p.end] for p in art.paragraphs] == art.body.split("\n\n")


def test_html_date_hint_wins() -> None:
    art = extract_html(_page(PARAGRAPHS), date_hint="2021-03-05")
    assert art.date == "2021-03-05"


def test_html_bold_questions_make_turns() -> None:
    qa = [
        "<p><strong>What does the agreement change for farmers on the river banks?</strong></p>",
        f"<p>{PARAGRAPHS[1]}</p>",
        "<p><strong>When will the joint commission meet for the first time?</strong></p>",
        f"<p>{PARAGRAPHS[3]}</p>",
    ]
    art = extract_html(_page(PARAGRAPHS[:1], extra="\n".join(qa)))
    assert art.genre == "interview"
    assert len(art.turns) == 2
    assert art.turns[1].question.startswith("When will the joint commission")
    assert [p.role for p in art.paragraphs][-4:] == ["question", "answer"] * 2


def test_html_garbage_gives_empty_article() -> None:
    art = extract_html("<html><body></body></html>")
    assert art.body == ""
    assert art.source_format == "html"


def test_speaker_labels() -> None:
    assert speaker_label("DW: What happened?") == ("DW", "What happened?")
    assert speaker_label("Jane Doe: It was late.") == ("Jane Doe", "It was late.")
    assert speaker_label("Image: Getty Images") is None
    assert speaker_label("The minister said: no.") is None


def test_label_turns_alternation() -> None:
    texts = [
        "Intro paragraph about the guest.",
        "DW: First question?",
        "Ann Lee: First answer.",
        "More of the first answer.",
        "Second question?",
        "Second answer.",
    ]
    result = label_turns(texts, interviewer_name="Bo Kim")
    assert result.roles == ["body", "question", "answer", "answer", "question", "answer"]
    assert [t.question for t in result.turns] == ["First question?", "Second question?"]
    assert result.turns[0].interviewer == "Bo Kim"
    assert result.turns[0].interviewee == "Ann Lee"


def test_shingle_metric() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    assert shingle_f1(text, text) == 1.0
    assert shingle_f1("", "") == 1.0
    assert shingle_f1("", text) == 0.0
    assert shingle_f1("completely different words in this one", text) == 0.0
    assert shingle_f1(text.upper(), text) == 1.0
    half = shingle_score("the quick brown fox jumps", text)
    assert half.precision == 1.0 and 0 < half.recall < 1
    macro = macro_score([shingle_counts(text, text), shingle_counts("", text)])
    assert macro.precision == 1.0 and macro.recall == 0.5


@pytest.mark.shared
@pytest.mark.skipif(not os.environ.get("DETENTE_BENCHMARK"), reason="slow: DETENTE_BENCHMARK=1")
def test_benchmark_runs_on_shared_corpus() -> None:
    folder = SHARED / "corpora" / "extraction"
    if not (folder / "scrapinghub" / "ground-truth.json").exists():
        pytest.skip("../shared is absent")
    results = evaluate_extraction(folder)
    assert results["html"]["pages"] == 181
    assert results["html"]["f1"] > 0.95
    assert results["textdump"]["f1"] > 0.85
