"""One document through every stage, and the error policy.

raw bytes -> (decode, sniff) -> Article (extract) -> spaCy Doc (nlp) -> actors -> events -> store.
A document that fails a stage becomes a ``Skip`` with its path and reason; the batch goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from .errors import InputError
from .events.coder import Coder
from .ingest.decode import MIN_TEXT_CHARS, decode, sniff_kind
from .ingest.files import sha256
from .limits import (
    MAX_TEXT_CHARS,
    TRUNCATED_DETAIL,
    DocumentTimeout,
    doc_timeout,
    start_limits,
    time_limit,
    too_deep,
)
from .models import Article, Event, IngestSummary, RawDocument, Skip
from .settings import Settings
from .textprep import Furniture, blank_spans, furniture_spans, protected_words, truecase_headlines

if TYPE_CHECKING:
    from spacy.language import Language

    from .actors.resolver import DocActors
    from .ingest.registry import ReadOptions
    from .quotes import Quote
    from .store import Store

T = TypeVar("T")


@dataclass
class Prepared:
    raw: RawDocument
    article: Article
    encoding: str


def prepare(raw: RawDocument) -> Prepared | Skip:
    """Decode and extract one document; every failure becomes a Skip naming the reason."""
    from .extract import extract_html, extract_text_dump

    try:
        text, encoding = decode(raw.data)
    except InputError as exc:
        return Skip(raw.path, exc.reason, exc.detail, raw.content_hash)
    kind = raw.kind_hint if raw.kind_hint == "text" and raw.unit_id else sniff_kind(text, raw.path)
    try:
        with time_limit(doc_timeout()):  # see detente.limits: a hung extractor is abandoned
            if kind == "html" and too_deep(text):
                return Skip(raw.path, "truncated", TRUNCATED_DETAIL, raw.content_hash)
            if kind == "html":
                article = extract_html(text, url=raw.url, path=raw.path, date_hint=raw.date_hint)
            else:
                article = extract_text_dump(text, path=raw.path, date_hint=raw.date_hint)
    except DocumentTimeout as exc:
        return Skip(raw.path, "timed out", f"extraction {exc}", raw.content_hash)
    except Exception as exc:  # noqa: BLE001 - third-party extractors raise anything
        return Skip(raw.path, "extraction failed", f"{type(exc).__name__}: {exc}", raw.content_hash)
    if len(article.text_for_coding) > MAX_TEXT_CHARS:
        n = len(article.text_for_coding)
        return Skip(
            raw.path, "too long", f"{n:,} characters > parser limit {MAX_TEXT_CHARS:,}", raw.content_hash
        )
    if sum(ch.isalpha() for ch in article.title + article.body[:1000]) < MIN_TEXT_CHARS:
        return Skip(
            raw.path,
            "no article text",
            f"nothing left after removing page furniture ({kind})",
            raw.content_hash,
        )
    return Prepared(raw, article, encoding)


def coding_text(article: Article) -> tuple[str, list[tuple[int, int, str]]]:
    """The text the coder reads (headline + body) and the paragraph roles in it."""
    text = article.text_for_coding
    shift = len(text) - len(article.body)
    roles = [(p.start + shift, p.end + shift, p.role) for p in article.paragraphs]
    if shift:
        roles.insert(0, (0, shift, "headline"))
    return text, roles


def parse_text(text: str) -> tuple[str, list[Furniture]]:
    """The text handed to the parser (headlines re-cased, same length) and its news furniture."""
    from .actors.dictionary import load_dictionary

    dictionary = load_dictionary()
    protected = protected_words(text, dictionary.name_words())
    furniture = furniture_spans(text)
    return blank_spans(truecase_headlines(text, protected, dictionary.name_phrases()), furniture), furniture


class Pipeline:
    """A loaded spaCy model plus the coder, reused across batches."""

    def __init__(self, model: str | None = None, batch_size: int = 32, n_process: int = 1) -> None:
        from . import nlp as nlp_mod

        self.nlp: Language = nlp_mod.load(model)
        self.batch_size = batch_size
        self.n_process = n_process
        self.coder = Coder()

    def code_articles(self, articles: Sequence[tuple[Article, str | None]]) -> list[list[Event]]:
        """Events of each ``(article, unit_id)``, parsed in one ``nlp.pipe`` batch."""
        return [events for events, _ in self.analyse_articles(articles)]

    def analyse_articles(
        self,
        articles: Sequence[tuple[Article, str | None]],
        on_actors: Callable[[DocActors], None] | None = None,
    ) -> list[tuple[list[Event], list[Quote]]]:
        """Events and quotes of each ``(article, unit_id)``, parsed in one ``nlp.pipe`` batch."""
        stream = self.analyse_stream(((a, u, None) for a, u in articles), on_actors)
        return [(events, quotes) for _, events, quotes in stream]

    def analyse_stream(
        self,
        articles: Iterable[tuple[Article, str | None, T]],
        on_actors: Callable[[DocActors], None] | None = None,
    ) -> Iterator[tuple[T, list[Event], list[Quote]]]:
        """Events and quotes of a stream of ``(article, unit_id, context)``, in order.

        One ``nlp.pipe`` stream for the whole input: with ``n_process > 1`` the worker processes
        start once, however long the stream is. ``on_actors`` sees each document's resolved
        actors (``detente evaluate --explain`` uses it to tell a missing actor from a missing
        pattern).
        """
        from .actors.resolver import DocActors
        from .nlp import parse
        from .quotes import article_quotes

        pending: deque[tuple[Article, str | None, T, str, list[tuple[int, int, str]], list[Furniture]]]
        pending = deque()

        def texts() -> Iterator[str]:
            for article, unit_id, context in articles:
                text, roles = coding_text(article)
                parsed, furniture = parse_text(text)
                pending.append((article, unit_id, context, text, roles, furniture))
                yield parsed

        for doc in parse(self.nlp, texts(), self.batch_size, self.n_process):
            article, unit_id, context, text, roles, furniture = pending.popleft()
            excluded = [(f.start, f.end) for f in furniture]
            places = [f.place for f in furniture if f.place]
            actors = DocActors(doc, article.date, excluded=excluded, places=places)
            if on_actors is not None:
                on_actors(actors)
            events = self.coder.code(doc, actors, article.date, unit_id, roles, original=text)
            yield context, events, article_quotes(doc, actors, article, text)

    def code_text(
        self, text: str, date: str | None = None, unit_id: str | None = None, clean: bool = True
    ) -> list[Event]:
        """Code one text. With ``clean`` it goes through the plain-text page cleaner first."""
        from .extract import extract_text_dump

        article = (
            extract_text_dump(text, date_hint=date) if clean else Article(title="", body=text, date=date)
        )
        return self.code_articles([(article, unit_id)])[0]


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    on_document: Callable[[str], None] | None = None,
    options: ReadOptions | None = None,
    progress_file: str | None = None,
) -> IngestSummary:
    """Ingest files and folders into ``store``. Idempotent: stored content is not parsed again.

    Streamed and resumable (see ``detente.runner``): each batch of ``settings.batch_size``
    documents is one transaction; rerunning an interrupted ingest stores only what is missing.
    """
    from .runner import run_ingest

    settings = settings or Settings()
    start_limits()
    pipe = pipeline or Pipeline(settings.model, settings.batch_size, settings.n_process)
    return run_ingest(
        paths, store, pipe, settings.batch_size, settings.max_bytes, options, on_document, progress_file
    )


def code_text(text: str, date: str | None = None, model: str | None = None) -> list[Event]:
    """Code a text without storing it (public API)."""
    return Pipeline(model).code_text(text, date)


def raw_from_text(text: str, path: str = "<text>", date: str | None = None) -> RawDocument:
    data = text.encode("utf-8")
    return RawDocument(path=path, data=data, content_hash=sha256(data), kind_hint="text", date_hint=date)
