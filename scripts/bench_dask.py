"""Throughput of ``detente ingest --workers N``: 1 worker against 2 (or any counts), same documents.

    .venv/bin/python scripts/bench_dask.py ../shared/corpora/bbc/politics [--workers 1 2] [--repeat 2]

Each run starts a LocalCluster of N worker processes (one thread each), waits until every worker
has loaded the spaCy model, then times a full ingest (read, extract, parse, code, store) into a
fresh in-memory DuckDB store (see ``detente.distributed.measure`` for what the clock covers).
Runs of the different counts alternate, so a change in the load of the machine hits them alike.
Prints one line per run and, per count, the median and best articles/s and their ratio to the
first count. ``load`` is the 1-minute load average when the run started, ``other_cpu_s`` the CPU
seconds that other processes used during the run: on a shared machine they take cores from the
workers, and the wall-clock ratio shows it. ``cpu-bound``
is what the measured CPU seconds allow on this machine's cores with nothing else running (the
busiest worker's CPU, or all CPU spread over the cores, whichever is longer): an estimate that
the other load hardly moves, printed beside the measurement, never instead of it.
"""

from __future__ import annotations

import argparse
import statistics

from detente.distributed import TASK_SIZE, Throughput, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--task-size", type=int, default=TASK_SIZE, help="documents per Dask task")
    args = parser.parse_args()
    runs: dict[int, list[Throughput]] = {n: [] for n in args.workers}
    for _ in range(args.repeat):
        for n in args.workers:
            t = measure(args.paths, n, task_size=args.task_size)
            runs[n].append(t)
            print(
                f"workers={n} articles={t.documents} words={t.words} seconds={t.seconds:.1f} "
                f"articles/s={t.articles_per_s:.2f} words/s={t.words_per_s:.0f} "
                f"worker_cpu_s={t.worker_cpu:.1f} driver_cpu_s={t.driver_cpu:.2f} "
                f"driver_ms/article={1000 * t.driver_cpu / max(1, t.documents):.1f} "
                f"other_cpu_s={t.other_cpu:.1f} load={t.load:.2f} "
                f"cpu-bound articles/s={t.cpu_bound_articles_per_s:.2f} skipped={t.skipped}",
                flush=True,
            )
    first = runs[args.workers[0]]
    base = statistics.median(t.articles_per_s for t in first)
    best = max(t.articles_per_s for t in first)
    cpu_base = statistics.median(t.cpu_bound_articles_per_s for t in first)
    for n in args.workers:
        rate = statistics.median(t.articles_per_s for t in runs[n])
        top = max(t.articles_per_s for t in runs[n])
        cpu = statistics.median(t.cpu_bound_articles_per_s for t in runs[n])
        print(
            f"workers={n}: median {rate:.2f} articles/s ({rate / base:.2f}x workers={args.workers[0]}), "
            f"best {top:.2f} ({top / best:.2f}x), cpu-bound median {cpu:.2f} ({cpu / cpu_base:.2f}x)"
        )


if __name__ == "__main__":
    main()
