"""Frozen record types that flow through the pipeline.

raw page (RawDocument) -> Article -> (spaCy Doc) -> ActorMention -> Event -> store.
Every record is a plain dataclass so it can be serialised with ``dataclasses.asdict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawDocument:
    """Bytes read from one input (a file, a record of a corpus file, a CLI string)."""

    path: str  # where it came from: a file path, or "path#id" for a unit inside a file
    data: bytes
    content_hash: str  # sha256 of ``data``
    kind_hint: str = ""  # "html", "text" or "" (sniff)
    unit_id: str | None = None  # id of a unit inside a JSONL file
    date_hint: str | None = None  # publication date supplied by the input (ISO 8601)
    url: str | None = None  # the page's address when the input knows it (WARC, feeds, corpus rows)

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", storable(self.path))


def storable(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name) shown as ``\\xNN`` escapes.

    File names are bytes; Python decodes the undecodable ones to lone surrogates, which no UTF-8
    store, terminal or JSON encoder accepts.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate that is not an escaped byte (from JSON, say)
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article body with its offsets in ``Article.body``."""

    start: int
    end: int
    role: str = "body"  # "body", "question", "answer", "headline", "standfirst"
    speaker: str | None = None


@dataclass(frozen=True)
class Turn:
    """One interview question/answer turn."""

    question: str
    answer: str
    interviewer: str | None = None
    interviewee: str | None = None


@dataclass(frozen=True)
class Article:
    """The article text and metadata extracted from a RawDocument."""

    title: str
    body: str  # paragraphs joined by blank lines; the headline is not repeated here
    date: str | None = None  # ISO 8601 publication date
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    language: str | None = "en"
    genre: str = "news"  # "news", "interview", "opinion"
    captions: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    turns: tuple[Turn, ...] = ()
    source_format: str = "text"  # "html" or "text"
    removed: tuple[str, ...] = ()  # lines dropped as page furniture (for auditing)

    @property
    def text_for_coding(self) -> str:
        """Headline plus body, the text the coder reads (headlines are coded like sentences)."""
        if self.title:
            return (
                f"{self.title}.\n\n{self.body}"
                if not self.title.endswith((".", "?", "!"))
                else f"{self.title}\n\n{self.body}"
            )
        return self.body


@dataclass(frozen=True)
class ActorMention:
    """A span of text resolved to an actor code."""

    text: str
    start: int  # character offsets in the coded text
    end: int
    code: str  # ISO3 state, IGO code, or group code
    sector: str | None = None  # GOV, MIL, REB, OPP, BUS, MED, CVL, IGO, NGO ...
    name: str | None = None  # canonical name: "John Kerry", "Iran"
    role: str | None = None  # "Secretary of State"
    rule: str = ""  # which dictionary entry resolved it


@dataclass(frozen=True)
class Evidence:
    """Where an event was read and why it was coded."""

    sentence: str
    sentence_start: int  # character offsets of the sentence in the coded text
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    pattern: str  # the verb/noun pattern id that fired, e.g. "verbs.tsv:refuse+xcomp"
    source_text: str = ""
    target_text: str = ""
    paragraph_role: str = "body"
    reported_by: str | None = None  # actor code of who made the claim ("X said Y attacked Z": X)
    reported_by_text: str = ""


@dataclass(frozen=True)
class Event:
    """A coded event: source did cameo to target."""

    source: str
    target: str
    cameo: str  # three-digit CAMEO code when known ("042"), else the root ("04")
    root: str  # two-digit CAMEO root
    goldstein: float
    quad_class: int  # GDELT QuadClass 1..4
    plover: str | None
    evidence: Evidence
    symmetric: bool = False
    negated: bool = False
    hypothetical: bool = False
    covert: bool = False
    when: str | None = None  # when the event happened, ISO 8601 (may be "2001" or "2014-09")
    when_precision: str | None = None  # "day", "month", "year", or None
    source_sector: str | None = None
    target_sector: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    unit_id: str | None = None

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)


@dataclass(frozen=True)
class Skip:
    """An input that was not stored, and why."""

    path: str
    reason: str
    detail: str = ""
    content_hash: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", storable(self.path))
        object.__setattr__(self, "detail", storable(self.detail))


@dataclass
class IngestSummary:
    """Counts of one ingest run."""

    seen: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    events: int = 0
    skips: list[Skip] = field(default_factory=list)


def event_record(ev: Event) -> dict[str, object]:
    """An event as a flat JSON object with FORMAT.md's event fields plus the evidence."""
    from dataclasses import asdict

    out: dict[str, object] = {}
    if ev.unit_id is not None:
        out["id"] = ev.unit_id
    out.update(
        source=ev.source,
        target=ev.target,
        cameo=ev.cameo,
        root=ev.root,
        symmetric=ev.symmetric,
        negated=ev.negated,
        hypothetical=ev.hypothetical,
        covert=ev.covert,
        when=ev.when,
        when_precision=ev.when_precision,
        goldstein=ev.goldstein,
        quad_class=ev.quad_class,
        plover=ev.plover,
        source_name=ev.source_name,
        target_name=ev.target_name,
        source_sector=ev.source_sector,
        target_sector=ev.target_sector,
        trigger=ev.evidence.trigger,
        reported_by=ev.evidence.reported_by,
        evidence=asdict(ev.evidence),
    )
    return out
