"""``detente bench``: the full pipeline's throughput against spaCy's parse-only throughput.

On the same N documents (the first N that the readers yield for PATH), in two fresh
subprocesses run one after the other:

(a) parse-only: the texts the pipeline parses (extracted beforehand, not timed) through
    ``nlp.pipe`` with the same model, batch size and ``n_process``;
(b) full pipeline: read, extract, parse, code and store into a temporary DuckDB file.

Each clock starts after the model (and for (b) the actor and pattern data) is loaded in the main
process; the worker processes start (fork) inside both clocks. With ``n_process > 1``, (a)'s
workers are spaCy's (they parse and send every ``Doc`` back to the main process), (b)'s are those
of ``detente ingest`` (:mod:`detente.workpool`: each extracts, parses and codes whole documents
and sends back only the article, events and quotes; the main process reads and stores). Peak
RSS is the largest sum of the resident memory of the subprocess and its children, sampled every
50 ms with psutil.
Words are ``\\w+`` runs of the parsed texts. CPU is the user + system time of the process and its
(joined) worker processes inside the clock: on a machine shared with other work the wall-clock
ratio moves with the other load, the CPU-per-article ratio hardly does. ``--repeat K`` alternates
the sides K times and compares the fastest run of each (the least disturbed), listing every pair.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import psutil

from .errors import DetenteError
from .models import RawDocument, Skip

_WORD = re.compile(r"\w+")
SAMPLE_S = 0.05


@dataclass
class Measure:
    """One side of the benchmark."""

    name: str
    seconds: float
    articles: int
    words: int
    peak_rss: int  # bytes, the process tree's largest sampled total
    cpu: float = 0.0  # CPU seconds of the process tree inside the clock

    @property
    def cpu_per_article(self) -> float:
        return self.cpu / self.articles if self.articles else 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass
class BenchResult:
    """The fastest run of each side (of ``repeat`` alternating pairs) and every pair run."""

    parse: Measure
    pipeline: Measure
    n_process: int
    batch_size: int
    model: str
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    pairs: list[tuple[Measure, Measure]] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.pipeline.articles_per_s / self.parse.articles_per_s if self.parse.articles_per_s else 0.0

    @property
    def cpu_ratio(self) -> float:
        """(a)'s CPU per article over (b)'s: the throughput ratio when both keep every core busy,
        unaffected by other load on the machine."""
        b = self.pipeline.cpu_per_article
        return self.parse.cpu_per_article / b if b else 0.0

    def lines(self) -> list[str]:
        out = [f"model {self.model}, n_process={self.n_process}, batch_size={self.batch_size}"]
        if len(self.pairs) > 1:
            for i, (a, b) in enumerate(self.pairs, 1):
                ratio = b.articles_per_s / a.articles_per_s if a.articles_per_s else 0.0
                out.append(
                    f"run {i}: (a) {a.articles_per_s:6.2f} articles/s, (b) {b.articles_per_s:6.2f} "
                    f"articles/s, ratio {ratio:.3f}, CPU ratio {a.cpu_per_article / b.cpu_per_article:.3f}"
                )
            out.append(f"fastest of {len(self.pairs)} runs of each side:")
        for m in (self.parse, self.pipeline):
            out.append(_line(m))
        out.append(
            f"(b) stored {self.stored} articles ({self.duplicates} duplicates not parsed again), "
            f"{self.events} events"
        )
        out.append(f"CPU ratio (a)/(b) per article = {self.cpu_ratio:.3f} (insensitive to other load)")
        out.append(f"ratio (b)/(a) = {self.ratio:.3f}")
        return out


def _line(m: Measure) -> str:
    return (
        f"{m.name:<22} {m.articles:>6} articles in {m.seconds:7.2f} s: "
        f"{m.articles_per_s:7.2f} articles/s, {m.words_per_s:9.0f} words/s, "
        f"peak RSS {m.peak_rss / 2**20:7.0f} MiB, CPU {m.cpu_per_article * 1000:6.0f} ms/article"
    )


def sample_documents(path: str, n: int, max_bytes: int) -> Iterator[RawDocument]:
    """The first ``n`` readable documents under ``path`` (skips are passed over)."""
    from .ingest import iter_documents

    docs = (d for d in iter_documents([path], max_bytes) if not isinstance(d, Skip))
    return itertools.islice(docs, n)


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the parser's worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _parse_only(path: str, n: int, n_process: int, batch_size: int, model: str | None) -> dict[str, object]:
    from .nlp import load, parse
    from .pipeline import coding_text, parse_text, prepare

    texts = []
    for raw in sample_documents(path, n, 20_000_000):
        prepared = prepare(raw)
        if not isinstance(prepared, Skip):
            texts.append(parse_text(coding_text(prepared.article)[0])[0])
    nlp = load(model)
    start, cpu = time.perf_counter(), _cpu()
    parsed = sum(1 for _ in parse(nlp, texts, batch_size, n_process))
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    words = sum(len(_WORD.findall(t)) for t in texts)
    return {"seconds": seconds, "cpu": cpu, "articles": parsed, "words": words}


def _full_pipeline(
    path: str, n: int, n_process: int, batch_size: int, model: str | None
) -> dict[str, object]:
    from .pipeline import Pipeline
    from .runner import run_ingest
    from .store import Store
    from .workpool import warm_up

    pipe = Pipeline(model, batch_size, 1)
    warm_up(pipe)  # load the dictionaries and gazetteer now, as the model before (a)'s clock
    pipe.n_process = n_process
    with tempfile.TemporaryDirectory() as tmp, Store(os.path.join(tmp, "bench.duckdb")) as store:
        start, cpu = time.perf_counter(), _cpu()
        summary = run_ingest(
            [path], store, pipe, batch_size, 20_000_000, documents=sample_documents(path, n, 20_000_000)
        )
        seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    return {
        "seconds": seconds,
        "cpu": cpu,
        "seen": summary.seen,
        "stored": summary.stored,
        "duplicates": summary.duplicates,
        "skipped": summary.skipped,
        "events": summary.events,
    }


def _child(kind: str, path: str, n: int, n_process: int, batch_size: int, model: str | None) -> dict:
    """Run one side in a fresh interpreter, sampling its process tree's memory."""
    args = [sys.executable, "-m", "detente.bench", kind, path, str(n), str(n_process), str(batch_size)]
    args.append(model or "")
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        total = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(SAMPLE_S)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise DetenteError(f"bench {kind} failed (exit {proc.returncode}): {err.strip()[-2000:]}")
    result: dict = json.loads(out.strip().splitlines()[-1])
    result["peak_rss"] = peak
    return result


def run_bench(
    path: str,
    n: int = 200,
    n_process: int = 2,
    batch_size: int = 32,
    model: str | None = None,
    repeat: int = 1,
) -> BenchResult:
    """Measure (a) parse-only and (b) the full pipeline on the same documents.

    With ``repeat`` > 1 the two sides alternate ``repeat`` times (a, b, a, b ...), so a change in
    the machine's other load hits both alike, and the result keeps the fastest run of each side
    (the one least slowed by other processes) besides every pair.
    """
    from .nlp import resolve_model_name

    if not os.path.exists(path):
        raise DetenteError(f"{path}: no such file or folder")
    name = resolve_model_name(model)
    pairs: list[tuple[Measure, Measure]] = []
    b: dict = {}
    for _ in range(max(1, repeat)):
        a = _child("parse", path, n, n_process, batch_size, name)
        b = _child("pipeline", path, n, n_process, batch_size, name)
        parse = Measure(
            "(a) spaCy parse only", a["seconds"], a["articles"], a["words"], a["peak_rss"], a["cpu"]
        )
        # (b) processes the same documents: the same words; stored counts documents kept as articles
        full = Measure("(b) full pipeline", b["seconds"], a["articles"], a["words"], b["peak_rss"], b["cpu"])
        pairs.append((parse, full))
    best_a = min((p[0] for p in pairs), key=lambda m: m.seconds)
    best_b = min((p[1] for p in pairs), key=lambda m: m.seconds)
    counts = (b["stored"], b["duplicates"], b["events"])
    return BenchResult(best_a, best_b, n_process, batch_size, name, *counts, pairs=pairs)


def _main(argv: list[str]) -> None:
    kind, path, n, n_process, batch_size, model = argv
    fn = _parse_only if kind == "parse" else _full_pipeline
    result = fn(path, int(n), int(n_process), int(batch_size), model or None)
    print(json.dumps(result))


if __name__ == "__main__":
    _main(sys.argv[1:])
