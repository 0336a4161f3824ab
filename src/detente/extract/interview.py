"""Find interview question/answer turns in a list of paragraphs.

Turns start at speaker labels ("DW:", "Q:", "Jane Doe:") or, without labels, at paragraphs
that are entirely bold in the HTML. After a labelled question/answer pair the remaining
paragraphs alternate: a short-ish paragraph that ends with "?" opens a new question, anything
else continues the current answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from detente.models import Turn

_LABEL_RE = re.compile(
    r"^(?P<label>(?:[A-Z][\w.'’-]*|[A-Z]{2,}|al|bin|de|van|von)(?: (?:[A-Z][\w.'’-]*|al|bin|de|"
    r"van|von|du)){0,3})\s?:\s+(?P<rest>\S.*)$",
    re.S,
)
_QUESTION_LABELS = {"q", "question", "frage", "interviewer"}
_ANSWER_LABELS = {"a", "answer", "antwort"}
# Labels that introduce metadata or furniture, never a speaker.
_NOT_SPEAKERS = re.compile(
    r"^(?:image|photo|picture|credit|source|note|editor'?s note|update|updated|read more|"
    r"interview|by|author|authors|date|posted|published|related|tags?|topics?|watch|listen|"
    r"video|see also|more|share|correction|disclaimer|warning|breaking|exclusive|live|"
    r"analysis|opinion|comment|also read|read|follow|contact|email|phone|tel|fax)$",
    re.I,
)
_MAX_QUESTION_WORDS = 90


@dataclass
class InterviewResult:
    """Paragraph texts (labels stripped), their roles and speakers, and the turns found."""

    texts: list[str]
    roles: list[str]
    speakers: list[str | None]
    turns: tuple[Turn, ...] = ()
    interviewer_label: str | None = None
    interviewee: str | None = None
    first_question: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


def speaker_label(text: str) -> tuple[str, str] | None:
    """Split "Label: text" into (label, text) when the label looks like a speaker."""
    match = _LABEL_RE.match(text)
    if not match:
        return None
    label = match.group("label").strip()
    if _NOT_SPEAKERS.match(label) or len(label) > 40:
        return None
    return label, match.group("rest").strip()


def _is_question(text: str) -> bool:
    """A question paragraph: ends with "?" (quotes allowed) and is not a long answer."""
    stripped = text.rstrip(" \"'”’)")
    return stripped.endswith("?") and len(text.split()) <= _MAX_QUESTION_WORDS


def _pick_labels(labelled: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """Choose (interviewer, interviewee) labels: the first question label and the next other one."""
    items = sorted(labelled.items())
    for pos, (label, rest) in items:
        if label.lower() in _QUESTION_LABELS or _is_question(rest):
            for _, (other, _rest) in items:
                if _ > pos and other != label and other.lower() not in _QUESTION_LABELS:
                    return label, other
    return None


def _bio_paragraph(text: str, interviewee: str | None) -> bool:
    """True for a closing paragraph that introduces the interviewee in the third person."""
    if not interviewee or interviewee.lower() in _ANSWER_LABELS:
        return False
    return interviewee in text and not _is_question(text)


def label_turns(
    texts: list[str], bold: set[str] | None = None, interviewer_name: str | None = None
) -> InterviewResult:
    """Assign question/answer roles to ``texts`` and build the interview turns.

    ``bold`` holds paragraph texts that were entirely bold in the source (HTML only);
    ``interviewer_name`` (e.g. from an "Interview: Name" byline) names the interviewer of the
    turns. Without any turn the roles are all "body" and ``turns`` is empty.
    """
    roles = ["body"] * len(texts)
    speakers: list[str | None] = [None] * len(texts)
    result = InterviewResult(list(texts), roles, speakers)
    labelled = {i: lab for i, t in enumerate(texts) if (lab := speaker_label(t))}
    picked = _pick_labels(labelled)
    if picked:
        q_label, a_label = picked
        labelled = {i: lab for i, lab in labelled.items() if lab[0] in picked}
        for i, (_label, rest) in labelled.items():
            result.texts[i] = rest
        questions = {i for i, lab in labelled.items() if lab[0] == q_label}
    elif bold:
        questions = {i for i, t in enumerate(texts) if t in bold and _is_question(t)}
        if len(questions) < 2:
            return result
        q_label, a_label = "Q", "A"
        labelled = {}
    else:
        return result
    _assign_roles(result, questions, labelled, q_label, a_label)
    result.turns = _build_turns(result, interviewer_name or q_label, a_label)
    result.interviewer_label, result.interviewee = q_label, a_label
    return result


def _assign_roles(
    result: InterviewResult,
    questions: set[int],
    labelled: dict[int, tuple[str, str]],
    q_label: str,
    a_label: str,
) -> None:
    """Walk the paragraphs from the first question, alternating questions and answers."""
    start = min(questions)
    result.first_question = start
    state = ""
    for i in range(start, len(result.texts)):
        text = result.texts[i]
        if i in questions or (i not in labelled and state == "answer" and _is_question(text)):
            state = "question"
        elif i in labelled or state in ("question", "answer"):
            state = "answer"
        if state == "answer" and i not in labelled and _bio_paragraph(text, a_label):
            if not any(j > i for j in questions):
                break
        result.roles[i] = state
        result.speakers[i] = q_label if state == "question" else a_label


def _build_turns(result: InterviewResult, interviewer: str, interviewee: str) -> tuple[Turn, ...]:
    """Group consecutive question paragraphs and their answer paragraphs into turns."""
    turns: list[Turn] = []
    question: list[str] = []
    answer: list[str] = []
    for text, role in zip(result.texts, result.roles, strict=True):
        if role == "question":
            if answer:
                turns.append(_turn(question, answer, interviewer, interviewee))
                question, answer = [], []
            question.append(text)
        elif role == "answer":
            answer.append(text)
    if question:
        turns.append(_turn(question, answer, interviewer, interviewee))
    return tuple(turns)


def _turn(question: list[str], answer: list[str], interviewer: str, interviewee: str) -> Turn:
    name = None if interviewee.lower() in _ANSWER_LABELS else interviewee
    asker = None if interviewer.lower() in _QUESTION_LABELS else interviewer
    return Turn("\n\n".join(question), "\n\n".join(answer), asker, name)
