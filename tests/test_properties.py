"""Property tests (hypothesis): normalisers, the text-dump cleaner, actor resolution, the scorer."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from detente.actors.resolver import DocActors
from detente.evaluate import GoldEvent, GoldUnit, gold_as_predictions, score
from detente.extract import extract_text_dump
from detente.extract.entities import repair_entities
from detente.ingest.decode import decode, detect_binary, sniff_kind
from detente.textprep import Furniture, blank_spans, furniture_spans, truecase_headlines

from .conftest import _VOCAB

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = [
    "Iran",
    "attacked",
    "Iraq",
    "on",
    "Monday",
    "The",
    "President",
    "of",
    "France",
    "said",
    "U.S.",
    "&amp;",
    "&#39;s",
    "Q:",
    "A:",
    "By",
    "Reuters",
    "--",
    "GAZA",
    "CITY",
    "\n\n",
    "\n",
    ".",
    ",",
    "«",
    "»",
    "Москва",
    "東京",
    "&lt;b&gt;",
    "<p>",
    "\u202e",
    "\t",
    "2024-03-04",
    "said:",
    '"',
    "'",
]
texty = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=80).map(" ".join)
_WORD = re.compile(r"\w+")


@FAST
@given(texty)
def test_repair_entities_never_raises_and_is_stable(text: str) -> None:
    once = repair_entities(text)
    assert isinstance(once, str)
    assert len(repair_entities(once)) <= len(once) + 2  # repairing again changes little


@FAST
@given(texty, st.sets(st.sampled_from(["Iran", "Iraq", "France", "The", "President"])))
def test_truecasing_keeps_length(text: str, protected: set[str]) -> None:
    out = truecase_headlines(text, protected, {"President": [("President", "of", "France")]})
    assert len(out) == len(text)
    assert out.lower() == text.lower() or len(out) == len(text)


@FAST
@given(texty, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=5))
def test_blank_spans_keeps_length_and_newlines(text: str, spans: list[tuple[int, int]]) -> None:
    furniture = [Furniture(min(s, len(text)), min(s + n, len(text)), "dateline") for s, n in spans]
    out = blank_spans(text, furniture)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    found = furniture_spans(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in found)


@FAST
@given(texty)
def test_text_dump_cleaner_never_raises_and_keeps_offsets(text: str) -> None:
    article = extract_text_dump(text)
    source = set(_WORD.findall(repair_entities(text))) | set(_WORD.findall(text))
    assert set(_WORD.findall(article.body)) <= source  # nothing invented
    previous = 0
    for p in article.paragraphs:
        assert previous <= p.start <= p.end <= len(article.body)
        previous = p.end


@FAST
@given(st.binary(max_size=600))
def test_decode_bytes_never_raises_unexpectedly(data: bytes) -> None:
    from detente.errors import InputError

    detect_binary(data)
    try:
        text, _ = decode(data)
    except InputError:
        return
    assert "\x00" not in text and "\u202e" not in text
    assert sniff_kind(text, "x.html") in ("html", "text")


POS = ["PROPN", "VERB", "NOUN", "ADP", "DET", "PUNCT", "ADJ", "AUX"]
DEPS = ["nsubj", "dobj", "pobj", "prep", "det", "punct", "compound", "amod", "ROOT"]
NAMES = [
    "Iran",
    "Iraq",
    "France",
    "President",
    "Macron",
    "United",
    "States",
    "Hamas",
    "the",
    "army",
    "said",
    ",",
]


@st.composite
def docs(draw: st.DrawFn) -> Doc:
    n = draw(st.integers(1, 25))
    words = [draw(st.sampled_from(NAMES)) for _ in range(n)]
    heads = [draw(st.integers(0, n - 1)) for _ in range(n)]
    root = draw(st.integers(0, n - 1))
    heads[root] = root
    for i in range(n):  # every token reaches the root: point non-root heads at the root
        if i != root and heads[i] != root:
            heads[i] = root
    deps = ["ROOT" if i == root else draw(st.sampled_from(DEPS[:-1])) for i in range(n)]
    ents = ["O"] * n
    if draw(st.booleans()):
        start = draw(st.integers(0, n - 1))
        ents[start] = "B-" + draw(st.sampled_from(["GPE", "ORG", "PERSON", "NORP"]))
    return Doc(
        _VOCAB,
        words=words,
        pos=[draw(st.sampled_from(POS)) for _ in range(n)],
        deps=deps,
        heads=heads,
        lemmas=[w.lower() for w in words],
        sent_starts=[i == 0 for i in range(n)],
        ents=ents,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs(), st.sampled_from([None, "2024-03-04", "1990-01-01"]))
def test_actor_resolution_never_raises(doc: Doc, date: str | None) -> None:
    actors = DocActors(doc, date)
    for mention in actors.mentions:
        assert 0 <= mention.start <= mention.end <= len(doc)


CODES = ["USA", "IRN", "IRQ", "FRA", "ISR", "PSE"]
CAMEO = [f"{r:02d}" for r in range(1, 21)] + ["042", "190", "1123", "057"]
events = st.builds(
    GoldEvent,
    source=st.sampled_from(CODES),
    target=st.sampled_from(CODES),
    cameo=st.sampled_from(CAMEO),
    symmetric=st.booleans(),
    negated=st.booleans(),
    hypothetical=st.booleans(),
)
units = st.lists(
    st.builds(
        GoldUnit, id=st.uuids().map(str), text=st.just("text"), events=st.lists(events, max_size=4).map(tuple)
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda u: u.id,
)


@FAST
@given(units)
def test_gold_scored_against_itself_is_perfect(gold: list[GoldUnit]) -> None:
    report = score(gold, gold_as_predictions(gold))
    assert report.fp == 0 and report.fn == 0
    assert report.f1 == 1.0


@FAST
@given(units, units, st.randoms(use_true_random=False))
def test_score_is_invariant_under_permutation(
    gold: list[GoldUnit], system: list[GoldUnit], rnd: random.Random
) -> None:
    ids = [u.id for u in gold]
    predictions = {ids[i % len(ids)]: [e.to_prediction() for e in u.events] for i, u in enumerate(system)}
    base = score(gold, predictions)
    shuffled_gold = list(gold)
    rnd.shuffle(shuffled_gold)
    shuffled = {}
    for uid in rnd.sample(list(predictions), len(predictions)):
        events_ = list(predictions[uid])
        rnd.shuffle(events_)
        shuffled[uid] = events_
    other = score(shuffled_gold, shuffled)
    assert (other.tp, other.fp, other.fn) == (base.tp, base.fp, base.fn)
