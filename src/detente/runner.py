"""The streamed ingest loop: read -> skip what is stored -> extract -> one parse stream -> code -> store.

Documents flow through a single ``nlp.pipe`` stream; with ``n_process > 1`` (where processes can
be forked) whole documents are extracted, parsed and coded in that many worker processes, started
once per run (:mod:`detente.workpool`), and the main process reads and writes. Results are
written in batches of ``batch_size`` documents, each batch in one transaction: an interrupted
run (Ctrl-C, ``kill -9``) leaves every document either fully stored or absent, and running the
same command again resumes: stored content is recognised by its hash before it is extracted or
parsed.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import EllipsisType
from typing import TYPE_CHECKING

from .ingest import iter_documents
from .ingest.registry import ReadOptions
from .models import Article, Event, IngestSummary, RawDocument, Skip

if TYPE_CHECKING:
    from .pipeline import Pipeline, Prepared
    from .quotes import Quote
    from .store import Store

Item = tuple[RawDocument, Article, str, list[Event]]
_EMPTY = Article(title="", body="")


@dataclass
class _Writer:
    """Collects results and writes them in atomic batches; keeps the run's counts."""

    store: Store
    run_id: str
    batch_size: int
    summary: IngestSummary
    on_document: Callable[[str], None] | None = None
    progress_file: str | None = None
    items: list[Item] = field(default_factory=list)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)
    signatures: dict[str, bytes | None] = field(default_factory=dict)  # those computed by workers
    skips: list[Skip] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    parsing: dict[str, list[RawDocument]] = field(default_factory=dict)  # hash -> copies waiting
    unwritten: set[str] = field(default_factory=set)  # hashes in ``items``, not yet committed
    fresh: int = 0
    dupes: int = 0

    def add(
        self,
        item: Item,
        fresh: bool,
        quotes: list[Quote] | None = None,
        signature: bytes | None | EllipsisType = ...,
    ) -> None:
        """Queue a document; ``signature``, when given, is its article's story signature
        (:func:`detente.stories.signature`, computed by a worker), else the store computes it."""
        raw = item[0]
        self.items.append(item)
        if quotes is not None:
            self.quotes[raw.content_hash] = quotes
        if signature is not ...:
            self.signatures[raw.content_hash] = signature
        self.paths.append(raw.path)
        self.unwritten.add(raw.content_hash)
        self.fresh += fresh
        self.dupes += not fresh
        if fresh:  # copies of this content met while it was being parsed go in the same batch
            for copy in self.parsing.pop(raw.content_hash, []):
                self.items.append((copy, _EMPTY, "", []))
                self.paths.append(copy.path)
                self.dupes += 1
        self._maybe_flush()

    def new_documents(self, chunk: list[RawDocument | Skip]) -> Iterator[RawDocument]:
        """Sort a chunk: skips and already-stored or in-flight content go to the writer; yield
        the documents still to be parsed (the caller marks them in ``parsing``)."""
        known = self.store.known(d.content_hash for d in chunk if isinstance(d, RawDocument))
        for doc in chunk:
            if isinstance(doc, Skip):
                self.skip(doc)
            elif doc.content_hash in known or doc.content_hash in self.unwritten:
                self.add((doc, _EMPTY, "", []), fresh=False)
            elif doc.content_hash in self.parsing:
                self.parsing[doc.content_hash].append(doc)
            else:
                yield doc

    def skip(self, skip: Skip) -> None:
        self.skips.append(skip)
        self.paths.append(skip.path)
        self._maybe_flush()

    def _maybe_flush(self) -> None:
        if len(self.paths) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.paths:
            return
        stored, n_events = self.store.write_batch(
            self.items, self.skips, self.run_id, self.quotes, self.signatures
        )
        s = self.summary
        s.seen += len(self.paths)
        s.stored += stored
        s.duplicates += self.dupes + (self.fresh - stored)
        s.events += n_events
        s.skipped += len(self.skips)
        s.skips.extend(self.skips)
        self.unwritten.clear()
        paths = self.paths
        self.items, self.skips, self.paths, self.fresh, self.dupes = [], [], [], 0, 0
        self.quotes, self.signatures = {}, {}
        if self.progress_file:
            _write_progress(self.progress_file, s)
        if self.on_document:
            for path in paths:
                self.on_document(path)


def _write_progress(path: str, s: IngestSummary) -> None:
    """Counts of the committed batches so far, replaced atomically (for monitoring a long run)."""
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "seen": s.seen,
                "stored": s.stored,
                "duplicates": s.duplicates,
                "skipped": s.skipped,
                "events": s.events,
            },
            handle,
        )
    os.replace(tmp, path)


def _chunks(items: Iterable[RawDocument | Skip], size: int) -> Iterator[list[RawDocument | Skip]]:
    chunk: list[RawDocument | Skip] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _to_parse(
    documents: Iterable[RawDocument | Skip], writer: _Writer
) -> Iterator[tuple[Article, str | None, Prepared]]:
    """Documents that need parsing; skips and already-stored content go straight to the writer."""
    from .pipeline import prepare

    for chunk in _chunks(documents, writer.batch_size):
        for doc in writer.new_documents(chunk):
            prepared = prepare(doc)
            if isinstance(prepared, Skip):
                writer.skip(prepared)
            else:
                writer.parsing[doc.content_hash] = []
                yield prepared.article, doc.unit_id, prepared


def run_ingest(
    paths: Sequence[str],
    store: Store,
    pipeline: Pipeline,
    batch_size: int,
    max_bytes: int,
    options: ReadOptions | None = None,
    on_document: Callable[[str], None] | None = None,
    progress_file: str | None = None,
    documents: Iterable[RawDocument | Skip] | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``store`` with ``pipeline``; see the module docstring.

    ``documents``, when given, replaces reading ``paths`` (which then only names the run).
    """
    summary = IngestSummary()
    run_id = uuid.uuid4().hex
    store.start_run(run_id, "ingest " + " ".join(paths))
    own_files = [store.path, store.path + ".wal"]
    options = options or ReadOptions(max_bytes=max_bytes)
    if documents is None:
        documents = iter_documents(paths, max_bytes, exclude=own_files, options=options)
    writer = _Writer(store, run_id, batch_size, summary, on_document, progress_file)
    from .workpool import can_fork, code_in_pool

    if pipeline.n_process > 1 and can_fork():  # whole documents in worker processes: see workpool
        code_in_pool(documents, writer, pipeline, pipeline.n_process)
        return finish_ingest(store, writer, summary, run_id)
    for prepared, events, quotes in pipeline.analyse_stream(_to_parse(documents, writer)):
        writer.add((prepared.raw, prepared.article, prepared.encoding, events), True, quotes)
    return finish_ingest(store, writer, summary, run_id)


def finish_ingest(store: Store, writer: _Writer, summary: IngestSummary, run_id: str) -> IngestSummary:
    """Write what is pending, link new articles into stories and close the run record (shared by
    the local runner and the Dask driver)."""
    writer.flush()
    if summary.stored:
        from .stories import link_stories

        link_stories(store.con)
    store.finish_run(
        run_id, summary.seen, summary.stored, summary.duplicates, summary.skipped, summary.events
    )
    return summary
