"""Throughput of ``detente ingest --workers N``: 1 worker against 2 (or any counts), same documents.

    .venv/bin/python scripts/bench_dask.py ../shared/corpora/bbc/politics [--workers 1 2] [--repeat 2]

Each run starts a LocalCluster of N worker processes (one thread each), waits until every worker
has loaded the spaCy model, then times a full ingest (read, extract, parse, code, store) into a
fresh in-memory DuckDB store. Runs of the different counts alternate, so a change in the load of
the machine hits them alike. Prints one line per run and, per count, the median articles/s and
its ratio to the first count. ``load`` is the 1-minute load average when the run started: on a
shared machine other processes take cores from the workers.
"""

from __future__ import annotations

import argparse
import statistics

from detente.distributed import Throughput, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    runs: dict[int, list[Throughput]] = {n: [] for n in args.workers}
    for _ in range(args.repeat):
        for n in args.workers:
            t = measure(args.paths, n)
            runs[n].append(t)
            print(
                f"workers={n} articles={t.documents} words={t.words} seconds={t.seconds:.1f} "
                f"articles/s={t.articles_per_s:.2f} words/s={t.words_per_s:.0f} "
                f"worker_cpu_s={t.worker_cpu:.1f} driver_cpu_s={t.driver_cpu:.1f} load={t.load:.2f}",
                flush=True,
            )
    base = statistics.median(t.articles_per_s for t in runs[args.workers[0]])
    for n in args.workers:
        rate = statistics.median(t.articles_per_s for t in runs[n])
        print(f"median workers={n}: {rate:.2f} articles/s, {rate / base:.2f}x workers={args.workers[0]}")


if __name__ == "__main__":
    main()
