"""Latency of the HTTP API over real HTTP: p50/p95 of the dyad, network and events endpoints.

    .venv/bin/python scripts/latency.py STORE.duckdb [--requests 200] [--dyad USA,IRN]

Starts ``detente serve`` on a free loopback port, waits for it, sends ``--requests`` sequential
GETs per endpoint with httpx (after a few warm-up requests) and prints one line per endpoint with
the event count of the store. The dyad defaults to the store's most frequent pair.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

BIN = Path(sys.executable).with_name("detente")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(client: httpx.Client, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with status {proc.returncode}")
        try:
            if client.get("/api/pairs?limit=1").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start")


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def measure(db: str, requests: int = 200, dyad: str | None = None, warmup: int = 5) -> list[str]:
    port = _free_port()
    env = {**os.environ, "DETENTE_DB": db}
    proc = subprocess.Popen(
        [str(BIN), "serve", "--port", str(port), "--timeout", "30"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lines = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            _wait(client, proc)
            total = client.get("/api/status?skips=1").json()["counts"]["events"]
            if dyad:
                a, b = dyad.split(",")
            else:
                top = client.get("/api/pairs?limit=1").json()["items"][0]
                a, b = top["a"], top["b"]
            endpoints = {
                "dyad": f"/api/dyad?a={a}&b={b}&interval=month",
                "dyad (week)": f"/api/dyad?a={a}&b={b}&interval=week",
                "network": "/api/network?limit=150",
                "events": "/api/events?limit=50",
                f"events (dyad {a},{b})": f"/api/events?dyad={a},{b}&limit=50",
                "events (page 100)": "/api/events?limit=50&offset=5000",
            }
            lines.append(f"store {db}: {total} events; dyad {a}-{b}; {requests} requests per endpoint")
            for name, url in endpoints.items():
                for _ in range(warmup):
                    client.get(url).raise_for_status()
                samples = []
                for _ in range(requests):
                    t0 = time.perf_counter()
                    r = client.get(url)
                    samples.append((time.perf_counter() - t0) * 1000)
                    r.raise_for_status()
                lines.append(
                    f"{name:<24} p50 {statistics.median(samples):7.1f} ms   p95 {_p(samples, 0.95):7.1f} ms"
                    f"   max {max(samples):7.1f} ms   ({len(r.content)} bytes)  {url}"
                )
    finally:
        proc.terminate()
        proc.wait(10)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--dyad", help="Two codes, e.g. USA,IRN (default: the most frequent pair)")
    args = parser.parse_args(argv)
    for line in measure(args.db, args.requests, args.dyad):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
