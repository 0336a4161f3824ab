"""Make a large store for latency measurements by repeating a store's events with shifted dates.

    .venv/bin/python scripts/make_big_store.py SOURCE.duckdb BIG.duckdb [--events 5000000] [--shift-days 7]

Copy k (k = 0, 1, ...) of every event gets the id ``EVENT_ID-k`` (copy 0 keeps the original id) and
its date moved ``k * shift_days`` days later, kept at the event's precision ("2014", "2014-09" or
"2014-09-25"). Documents, articles, runs and skips are copied once, so every copy still points at
its article and evidence. The copies are inserted in one ``INSERT ... SELECT`` over
``range(copies)``; the result is cut to exactly ``--events`` rows.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import duckdb

from detente.store import Store
from detente.store.duckdb_store import EVENT_COLUMNS

_DAY = (
    "TRY_CAST(CASE length(e.event_date) WHEN 4 THEN e.event_date || '-01-01' "
    "WHEN 7 THEN e.event_date || '-01' ELSE substr(e.event_date, 1, 10) END AS DATE)"
)


def _shifted_date(step_days: int) -> str:
    moved = f"({_DAY} + CAST(c.k * {int(step_days)} AS INTEGER))"
    return (
        f"CASE WHEN {_DAY} IS NULL OR c.k = 0 THEN e.event_date "
        f"WHEN length(e.event_date) = 4 THEN strftime({moved}, '%Y') "
        f"WHEN length(e.event_date) = 7 THEN strftime({moved}, '%Y-%m') "
        f"ELSE strftime({moved}, '%Y-%m-%d') END"
    )


def make_big_store(source: str, target: str, n_events: int, shift_days: int = 7) -> int:
    """Write ``target`` with ``n_events`` events repeated from ``source``; returns the count."""
    if Path(target).exists():
        raise SystemExit(f"{target} exists; remove it first")
    Store(target).close()  # creates the schema at the current version
    con = duckdb.connect(target)
    con.execute("ATTACH ? AS src (READ_ONLY)", [source])
    for table in ("runs", "documents", "document_paths", "articles", "skips"):
        names = [r[0] for r in con.execute(f"SELECT column_name FROM (DESCRIBE src.{table})").fetchall()]
        quoted = ", ".join(f'"{n}"' for n in names)
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM src.{table}")
    row = con.execute("SELECT count(*) FROM src.events").fetchone()
    base = int(row[0]) if row else 0
    if base == 0:
        raise SystemExit(f"{source} has no events")
    copies = math.ceil(n_events / base)
    have = {r[0] for r in con.execute("SELECT column_name FROM (DESCRIBE src.events)").fetchall()}
    cols = ", ".join(
        "CASE WHEN c.k = 0 THEN e.event_id ELSE e.event_id || '-' || c.k END"
        if col == "event_id"
        else _shifted_date(shift_days)
        if col == "event_date"
        else f'e."{col}"'
        if col in have
        else "NULL"  # a column added by a later schema version
        for col in EVENT_COLUMNS
    )
    con.execute(
        f"INSERT INTO events SELECT {cols} FROM range(?) c(k), src.events e "
        "QUALIFY row_number() OVER () <= ?",
        [copies, n_events],
    )
    con.execute("DETACH src")
    con.execute("CHECKPOINT")
    row = con.execute("SELECT count(*) FROM events").fetchone()
    con.close()
    return int(row[0]) if row else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--shift-days", type=int, default=7)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    n = make_big_store(args.source, args.target, args.events, args.shift_days)
    print(f"{n} events -> {args.target} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
