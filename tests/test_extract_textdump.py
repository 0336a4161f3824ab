"""Tests of the plain-text dump extractor (synthetic pages, plus the shared DW example)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.extract import extract_text_dump
from detente.extract.textdump_lines import split_paragraphs, wrap_width
from detente.extract.textdump_meta import byline_names, parse_date

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DW_EXAMPLE = SHARED / "examples" / "dw-2014-09-25-iran-us-interview.txt"

NEWS_PAGE = """\
  1. Skip to content
  2. Skip to main menu
  • Home
  • World
  • Politics

Ministers agree to reopen the northern border crossing

By Jane Doe and John Roe
March 3, 2021

The foreign ministers of the two neighbouring states agreed on Tuesday to reopen the northern
border crossing, which has been closed to trade for more than a year after a dispute over tariffs.

Harbour cranes at dawn.
Photo: Example Agency

Officials said the first lorries would pass through the checkpoint next week, and that customs
staff on both sides had been told to prepare for a surge of traffic in the first days.

Talks continue

Negotiators will meet again in April to discuss fishing rights, a question that both governments
described as difficult but not impossible to settle before the summer.

Related stories
  • Border dispute drags on
  • Tariff row explained
Share this article
© 2021 Example News Network. All rights reserved.
"""

INTERVIEW_PAGE = """\
Skip to content

Why the river treaty matters

Interview: Maria Example
2019-05-14

Q: What does the new treaty change for farmers along the river?

A: It sets fixed quotas for irrigation in dry months. Farmers will know in advance how much water
they can draw, which makes planning much easier than it was under the old informal arrangements.

Will the quotas be enforced?

Yes, a joint commission will publish monthly figures, and either government can ask for an
inspection when it suspects that the other side is drawing more than its share of the water.

Do you expect disputes?

Some disputes are certain in a drought year. But the treaty gives both sides a procedure to follow
instead of the public quarrels we saw in the past decade.
"""


def test_news_page_metadata_and_body() -> None:
    art = extract_text_dump(NEWS_PAGE)
    assert art.title == "Ministers agree to reopen the northern border crossing"
    assert art.authors == ("Jane Doe", "John Roe")
    assert art.date == "2021-03-03"
    assert art.genre == "news"
    assert art.captions == ("Harbour cranes at dawn.",)
    assert "foreign ministers of the two neighbouring states" in art.body
    assert "Negotiators will meet again in April" in art.body
    assert "Talks continue" in art.body  # subheading between prose paragraphs is kept
    for furniture in ("Skip to", "Photo:", "Harbour cranes", "Related stories", "Share this", "©"):
        assert furniture not in art.body
    assert "Photo: Example Agency" in art.removed
    assert art.publisher == "Example News Network"


def test_wrapped_lines_are_rejoined() -> None:
    art = extract_text_dump(NEWS_PAGE)
    assert "closed to trade for more than a year" in art.body
    assert "northern border crossing, which has been" in art.body  # joined across the wrap


def test_paragraph_offsets_cover_body() -> None:
    art = extract_text_dump(NEWS_PAGE)
    pieces = [art.body[p.start : p.end] for p in art.paragraphs]
    assert "\n\n".join(pieces) == art.body
    assert all(p.role in {"body", "standfirst"} for p in art.paragraphs)


def test_date_hint_wins() -> None:
    art = extract_text_dump(NEWS_PAGE, date_hint="2021-03-04")
    assert art.date == "2021-03-04"


def test_interview_turns_from_q_a_labels() -> None:
    art = extract_text_dump(INTERVIEW_PAGE)
    assert art.genre == "interview"
    assert art.title == "Why the river treaty matters"
    assert art.authors == ("Maria Example",)
    assert art.date == "2019-05-14"
    assert [t.question.split()[0] for t in art.turns] == ["What", "Will", "Do"]
    assert art.turns[0].interviewer == "Maria Example"
    assert art.turns[1].answer.startswith("Yes, a joint commission")
    assert "Q:" not in art.body and "A:" not in art.body
    roles = [p.role for p in art.paragraphs]
    assert roles == ["question", "answer"] * 3


def test_empty_dump() -> None:
    art = extract_text_dump("")
    assert art.body == "" and art.title == "" and art.turns == ()


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("September 25, 2014", "2014-09-25"),
        ("Sept. 25, 2014 5:00 PM", "2014-09-25"),
        ("25.09.2014", "2014-09-25"),
        ("2014-09-25T10:00", "2014-09-25"),
        ("Updated 25 September 2014", "2014-09-25"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19"),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_byline_names() -> None:
    assert byline_names("By Jane Doe") == ("Jane Doe",)
    assert byline_names("Interview: Spencer Kimball") == ("Spencer Kimball",)
    assert byline_names("Author: Ann Lee, Bo Kim") == ("Ann Lee", "Bo Kim")
    assert byline_names("By") == ()
    assert byline_names("By the end of the week the talks had failed") is None


def test_lynx_dump_paragraphs() -> None:
    body = "   " + "word " * 18 + "end\n   next line continues the sentence here.\n"
    lines = (body * 6).split("\n")
    assert wrap_width(lines) > 0
    paras = split_paragraphs(body * 6)
    assert "end next line" in paras[0].text


@pytest.fixture(scope="module")
def dw() -> tuple[dict, object]:
    if not DW_EXAMPLE.exists():
        pytest.skip("../shared is absent")
    expected = json.loads(DW_EXAMPLE.with_suffix(".expected.json").read_text(encoding="utf-8"))
    text = DW_EXAMPLE.read_text(encoding="utf-8")
    return expected, extract_text_dump(text, path=str(DW_EXAMPLE))


@pytest.mark.shared
def test_dw_metadata(dw: tuple[dict, object]) -> None:
    expected, art = dw
    assert art.title == expected["title"]
    assert art.date == expected["date"] == "2014-09-25"
    assert art.authors == (expected["author"],)
    assert art.publisher == expected["publisher"]
    assert art.genre == expected["genre"]
    for caption in expected["captions"]:
        assert caption in art.captions


@pytest.mark.shared
def test_dw_turns(dw: tuple[dict, object]) -> None:
    expected, art = dw
    interview = expected["interview"]
    assert len(art.turns) == interview["turns"]
    for turn, start in zip(art.turns, interview["questions_start"], strict=True):
        assert turn.question.startswith(start)
        assert turn.interviewer == interview["interviewer"]
        assert turn.interviewee == interview["interviewee"]
        assert turn.answer
    questions = [p for p in art.paragraphs if p.role == "question"]
    answers = [p for p in art.paragraphs if p.role == "answer"]
    assert {p.speaker for p in questions} == {interview["interviewer_label"]}
    assert {p.speaker for p in answers} == {interview["interviewee"]}
    starts = [art.body[p.start : p.end] for p in questions]
    assert [s[: len(q)] for s, q in zip(starts, interview["questions_start"], strict=True)] == (
        interview["questions_start"]
    )


@pytest.mark.shared
def test_dw_body(dw: tuple[dict, object]) -> None:
    expected, art = dw
    for snippet in expected["body_must_contain"]:
        assert snippet in art.body
    for snippet in expected["body_must_not_contain"]:
        assert snippet not in art.body
    assert "DW:" not in art.body
    standfirst = [p for p in art.paragraphs if p.role == "standfirst"]
    assert standfirst
    assert art.body[standfirst[0].start :].startswith(expected["standfirst_starts"])
    for caption in expected["captions"]:
        assert caption not in art.body


_WORDS = (
    "harbour council budget pier storm winter loan mayor repair spring ferry crane dock wall tide "
    "fishing fleet market rent tax school road bridge tunnel bus train station hospital nurse doctor "
    "farm field river lake forest hill valley village town city region museum library theatre park"
).split()


def _prose(seed: int, n: int = 3) -> list[str]:
    """``n`` distinct prose paragraphs of about 40 words (no 4-word sequence repeats)."""
    out = []
    for i in range(n):
        k = seed * 7 + i * 3
        words = [_WORDS[(k + j * (i + seed + 2)) % len(_WORDS)] for j in range(12)]
        out.append(
            f"Officials in the {words[0]} office said on day {seed}{i} that the {words[1]} and the "
            f"{words[2]} near the {words[3]} would be rebuilt, while the {words[4]} plan for the "
            f"{words[5]} {words[6]} was delayed because the {words[7]} {words[8]} had not yet "
            f"approved the {words[9]} of the {words[10]} {words[11]}."
        )
    return out


def test_comments_that_outweigh_the_article_are_left_out() -> None:
    article = _prose(1)
    comments = [p.replace("Officials", "Commenters") for p in _prose(2, 10)]
    page = "Harbour repairs approved\n\n" + "\n\n".join(article) + "\n\nTop Rated Comments\n\n"
    page += "\n\n".join(comments) + "\n"
    art = extract_text_dump(page)
    assert all(p in art.body for p in article)
    assert "Commenters" not in art.body


def test_a_repeated_copy_of_the_article_is_not_appended() -> None:
    article = _prose(3, 4)
    page = "Harbour repairs approved\n\n" + "\n\n".join(article) + "\n\nShare\nPrint\nEmail\n\n"
    page += " ".join(article) + "\n"  # the article again, as one line of page metadata
    art = extract_text_dump(page)
    assert art.body.count(article[0]) == 1


def test_wrapped_chinese_and_japanese_lines_rejoin_without_a_space() -> None:
    line = "これは日本語の文章で、ブラウザが同じ幅で折り返した行です。"  # 29 characters
    paras = split_paragraphs("\n".join([line] * 4) + "\n終わり。\n")
    assert paras[0].text == line * 4 + "終わり。"


def test_a_date_inside_the_story_is_not_the_publication_date() -> None:
    article = _prose(4)
    page = "Harbour repairs approved\n\n" + article[0] + "\n\nThe pier was first damaged on 7 March 2003.\n\n"
    page += "\n\n".join(article[1:]) + "\n"
    assert extract_text_dump(page).date is None
    assert extract_text_dump("March 3, 2021\n\n" + page).date == "2021-03-03"
