"""Extract an Article from a plain-text dump of a web page (w3m/lynx dumps, copied pages).

The dump is cut into paragraphs (wrapped lines rejoined); each paragraph gets a weight (its
word count when it reads like prose, a penalty when it is a list item, a furniture line or a
short fragment) and the article is the stretch of paragraphs with the largest total weight.
Inside that stretch image credits, captions, bylines, dates and furniture lines are dropped;
short headline-like lines between prose paragraphs are kept as subheadings.
"""

from __future__ import annotations

import re

from detente.extract.entities import repair_entities
from detente.extract.interview import label_turns
from detente.extract.textdump_lines import (
    Para,
    is_credit,
    is_furniture,
    is_legal_prose,
    is_section_break,
    sentence_like,
    split_credit,
    split_paragraphs,
)
from detente.extract.textdump_meta import (
    byline_names,
    find_byline,
    find_date,
    find_publisher,
    find_title,
    is_date_line,
)
from detente.models import Article, Paragraph

_BREAK_PENALTY = 40.0  # a comments/related-stories heading: the article rarely runs past it
_FIRST_SEGMENT_SHARE = 0.35
_BEFORE_COMMENTS_SHARE = 0.1
_MIN_ARTICLE_PARAGRAPHS = 3  # an article before comments has several prose paragraphs
_COMMENTS_RE = re.compile(
    r"\b(?:comments?|responses|replies|discussion|conversation|coment[aá]rios|commentaires|kommentare|commenti)\b",
    re.I,
)
_MIN_ARTICLE_WEIGHT = 25.0
_MAX_INLINE_GAP = 25.0
_RESUME_GAP_SHARE = 0.25
_MIN_RESUME_WEIGHT = 15.0
_WORD_RE = re.compile(r"\w+")
_REFERENCES_RE = re.compile(r"^\s*(?:References|Visible links|Hidden links:?)\s*$", re.M)


def _weight(para: Para) -> float:
    """Content weight of a paragraph: positive for prose, negative for furniture."""
    words = para.words
    if is_section_break(para.text):
        return -_BREAK_PENALTY
    if is_furniture(para.text) or is_credit(para.text) or is_legal_prose(para.text):
        return -2.0 - words
    if sentence_like(para.text):
        return words * (0.5 if para.bullet else 1.0)
    if para.bullet:
        return -1.0 - words
    return -1.0 - 0.5 * min(words, 10)


def _max_run(weights: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """(sum, start, end) of the maximum-sum run of ``weights[lo:hi]``."""
    best, best_sum = (lo, lo), 0.0
    run_start, run_sum = lo, 0.0
    for i in range(lo, hi):
        if run_sum <= 0:
            run_start, run_sum = i, 0.0
        run_sum += weights[i]
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, i + 1)
    return best_sum, best[0], best[1]


def _repeats(paras: list[Para], share: float = 0.8, min_shingles: int = 30) -> set[int]:
    """Paragraphs whose word 4-grams mostly appeared earlier on the page: repeated copies."""
    seen: set[tuple[str, ...]] = set()
    out: set[int] = set()
    for i, para in enumerate(paras):
        words = _WORD_RE.findall(para.text.lower())
        grams = {tuple(words[k : k + 4]) for k in range(len(words) - 3)}
        if len(grams) >= min_shingles and len(grams & seen) >= share * len(grams):
            out.add(i)
        seen |= grams
    return out


def best_region(paras: list[Para]) -> tuple[int, int]:
    """(start, end) of the article: the heaviest run of paragraphs between section breaks.

    Section breaks (comments, related stories) split the page; the first segment whose best
    run is a good share of the page's best run wins, since articles come before comments.
    """
    weights = [_weight(p) for p in paras]
    for i in _repeats(paras):
        weights[i] = -2.0 - 0.1 * paras[i].words  # the article again (page metadata, print copy)
    cuts = [i for i, p in enumerate(paras) if is_section_break(p.text)]
    bounds = list(zip([0, *[c + 1 for c in cuts]], [*cuts, len(paras)], strict=True))
    runs = [_max_run(weights, lo, hi) for lo, hi in bounds]
    top = max((r[0] for r in runs), default=0.0)
    for k, (total, start, end) in enumerate(runs):
        # Readers' comments can outweigh the article: before a comments heading a smaller share will do.
        before_comments = (
            k < len(cuts)
            and _comments_heading(paras[cuts[k]])
            and sum(1 for w in weights[start:end] if w > 0) >= _MIN_ARTICLE_PARAGRAPHS
        )
        share = _BEFORE_COMMENTS_SHARE if before_comments else _FIRST_SEGMENT_SHARE
        if total >= max(share * top, _MIN_ARTICLE_WEIGHT):
            return start, end if before_comments else _extend(weights, runs, k, end)
    # A short text (a wire snippet, one JSONL unit): its heaviest prose run is the article.
    total, start, end = max(runs, default=(0.0, 0, 0))
    return (start, end) if total > 0 else (0, 0)


def _comments_heading(para: Para) -> bool:
    """A section break that opens readers' comments (not a "Comments" menu item)."""
    return not para.bullet and bool(_COMMENTS_RE.search(para.text))


def _extend(weights: list[float], runs: list[tuple[float, int, int]], k: int, end: int) -> int:
    """Carry the article across single inline breaks ("Related articles" boxes) it resumes after."""
    for total, start, next_end in runs[k + 1 :]:
        gap = [w for w in weights[end:start] if w > -_BREAK_PENALTY]
        crossed = (start - end) - len(gap)
        allowed = max(_MAX_INLINE_GAP, _RESUME_GAP_SHARE * total)  # a long article crosses a longer box
        if crossed != 1 or sum(gap) < -allowed or total < _MIN_RESUME_WEIGHT:
            break
        end = next_end
    return end


def _is_caption_pair(paras: list[Para], i: int) -> bool:
    """True when paragraph ``i`` is a short line directly followed by an image credit."""
    if i + 1 >= len(paras) or paras[i].words > 60:
        return False
    nxt = paras[i + 1].text
    glued = split_credit(nxt)
    if glued is not None and not nxt.startswith(paras[i].text):
        # The credit carries its own caption: the line above is only a photo label
        # ("Name Profession"), never a sentence of the article.
        return not sentence_like(paras[i].text)
    if paras[i].blank_after and sentence_like(paras[i].text):
        return False  # prose set off by a blank line from a lone credit is article text
    return is_credit(nxt) or glued is not None


class _Sorter:
    """Sorts the paragraphs of the article region into body, captions and removed lines."""

    def __init__(self, paras: list[Para], start: int, end: int) -> None:
        self.paras = paras
        self.start, self.end = start, end
        self.body: list[int] = []
        self.captions: list[str] = []
        self.removed: list[str] = []
        self.meta: set[int] = set()  # byline/date lines inside the region

    def run(self) -> None:
        """Classify every paragraph in the region."""
        skip_next = False
        for i in range(self.start, self.end):
            if skip_next:
                skip_next = False
                continue
            skip_next = self._classify(i)

    def _classify(self, i: int) -> bool:
        """File paragraph ``i``; return True when it also consumed paragraph ``i + 1``."""
        para = self.paras[i]
        text = para.text
        if _is_caption_pair(self.paras, i) and not sentence_like_long(para):
            self._caption_with_credit(i)
            return True
        glued = split_credit(text)
        if glued and para.words <= 40:
            self.captions.append(glued[0])
            self.removed.append(text)
            return False
        if i + 1 < self.end and self.paras[i + 1].text.startswith(text) and para.words < 60:
            self.removed.append(text)  # alt text repeated by the caption below it
            return False
        if byline_names(text) is not None or is_date_line(text):
            self.meta.add(i)
            self.removed.append(text)
        elif is_furniture(text) or is_credit(text) or is_legal_prose(text):
            self.removed.append(text)
        elif sentence_like(text) or self._subheading(i):
            self.body.append(i)
        else:
            self.removed.append(text)
        return False

    def _caption_with_credit(self, i: int) -> None:
        """File a caption and its credit line; a credit with its own caption marks a label."""
        caption, credit = self.paras[i].text, self.paras[i + 1].text
        glued = split_credit(credit)
        if glued and not credit.startswith(caption):
            caption = glued[0]  # the line above is a photo label ("Name Profession")
        self.captions.append(caption)
        self.removed.extend([self.paras[i].text, credit])

    def _subheading(self, i: int) -> bool:
        """A short headline-like line between two prose paragraphs of the region."""
        para = self.paras[i]
        if para.bullet and para.words < 4 or not 2 <= para.words <= 18:
            return False
        before = i - 1 >= self.start and sentence_like(self.paras[i - 1].text)
        after = i + 1 < self.end and sentence_like(self.paras[i + 1].text)
        if i + 1 < self.end and _is_caption_pair(self.paras, i + 1):
            return False
        if i + 2 < self.end and split_credit(self.paras[i + 1].text):
            return False
        return before and after


def sentence_like_long(para: Para) -> bool:
    """Prose paragraphs of more than 40 words are never captions."""
    return para.words > 40 and sentence_like(para.text)


def _strip_references(text: str) -> tuple[str, list[str]]:
    """Cut a lynx "References" list (and anything after it) off the dump."""
    match = _REFERENCES_RE.search(text)
    if not match:
        return text, []
    tail = [line.strip() for line in text[match.start() :].splitlines() if line.strip()]
    return text[: match.start()], tail


def _standfirst(sorter: _Sorter, roles: list[str], first_question: int | None) -> None:
    """Mark an opening paragraph as standfirst: before the byline/date, or before the Q&A."""
    if not sorter.body:
        return
    first = sorter.body[0]
    if first_question is not None and 0 < first_question <= 2:
        for k in range(first_question):
            roles[k] = "standfirst"
        return
    if len(sorter.body) > 1 and any(first < m < sorter.body[1] for m in sorter.meta):
        roles[0] = "standfirst"


def extract_text_dump(text: str, path: str = "", date_hint: str | None = None) -> Article:
    """Extract title, body, byline, date, publisher, captions and interview turns from a dump."""
    text, removed_tail = _strip_references(repair_entities(text))
    paras = split_paragraphs(text)
    start, end = best_region(paras)
    sorter = _Sorter(paras, start, end)
    sorter.run()
    title_i = find_title(paras, start)
    byline = find_byline(paras, start)
    interviewer = byline[1][0] if byline and byline[1] else None
    texts = [paras[i].text for i in sorter.body]
    interview = label_turns(texts, interviewer_name=interviewer if byline else None)
    roles = interview.roles
    _standfirst(sorter, roles, interview.first_question)
    body, paragraphs = _assemble(interview.texts, roles, interview.speakers)
    if not body and sum(p.words for p in paras) <= SHORT_TEXT_WORDS:
        # a short unit (a wire snippet: headline + cut-off description) with no prose run:
        # every paragraph that is not furniture is its text
        kept = [p.text for k, p in enumerate(paras) if k != title_i and _lone_prose(p)]
        if kept:
            body, paragraphs = _assemble(kept, ["body"] * len(kept), [None] * len(kept))
    outside = [p.text for k, p in enumerate(paras) if (k < start or k >= end) and k != title_i]
    return Article(
        title=paras[title_i].text if title_i is not None else "",
        body=body,
        date=date_hint or find_date(paras, start, end),
        authors=byline[1] if byline else (),
        publisher=find_publisher(paras, interview.interviewer_label, path),
        genre="interview" if interview.turns else "news",
        captions=tuple(dict.fromkeys(sorter.captions)),
        paragraphs=paragraphs,
        turns=interview.turns,
        source_format="text",
        removed=tuple(outside[: _count_before(paras, start, title_i)] + sorter.removed)
        + tuple(outside[_count_before(paras, start, title_i) :] + removed_tail),
    )


SHORT_TEXT_WORDS = 200


def _lone_prose(para: Para) -> bool:
    """A single paragraph of three or more words that is no page furniture."""
    text = para.text
    return para.words >= 3 and not (is_furniture(text) or is_credit(text) or is_legal_prose(text))


def _count_before(paras: list[Para], start: int, title_i: int | None) -> int:
    """How many dropped paragraphs lie before the article region (title excluded)."""
    return start - (1 if title_i is not None and title_i < start else 0)


def _assemble(
    texts: list[str], roles: list[str], speakers: list[str | None]
) -> tuple[str, tuple[Paragraph, ...]]:
    """Join paragraphs with blank lines and record their offsets, roles and speakers."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for text, role, speaker in zip(texts, roles, speakers, strict=True):
        paragraphs.append(Paragraph(offset, offset + len(text), role, speaker))
        offset += len(text) + 2
    return "\n\n".join(texts), tuple(paragraphs)
