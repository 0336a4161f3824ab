"""A bounded loopback flood against ``detente serve``: status codes, latency and server memory.

Starts ``detente serve`` on a free loopback port over ``--db``, then drives ``/api/dyad``,
``/api/events`` and ``/`` in turn with ``--connections`` concurrent connections for ``--seconds``,
with wrk when it is installed (``--tool wrk``), else an asyncio httpx client (``--tool python``).
Reports requests, status codes, transport errors, p50/p95 latency and the server's RSS when idle,
at start (after a 3 s warm-up at full concurrency), every 5 s and at the end. Exit status 1 when
a status other than 200/429/503 or a transport error was seen, or RSS grew from start to end by
``--max-growth-mb`` or more.

    python scripts/flood.py --db store.duckdb --seconds 60          # the documented full run
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

PATHS = ["/api/dyad?a=IRN&b=IRQ", "/api/events?limit=50", "/"]
ALLOWED = {200, 429, 503}
WRK_LUA = """
local threads = {}
local paths = {%s}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {}; i = 0 end
function request() i = i + 1; return wrk.format("GET", paths[(i %% #paths) + 1]) end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do total[k] = (total[k] or 0) + v end
  end
  io.write("STATUSES")
  for k, v in pairs(total) do io.write(string.format(" %%d=%%d", k, v)) end
  local e = summary.errors
  io.write(string.format("\\nP50 %%d\\nP95 %%d\\nREQUESTS %%d\\nERRORS %%d\\n", latency:percentile(50),
    latency:percentile(95), summary.requests, e.connect + e.read + e.write + e.timeout))
end
"""


def rss_mb(pid: int) -> float:
    """Resident set size of ``pid`` in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _sample(pid: int, samples: list[float], done: threading.Event) -> None:
    """RSS of ``pid`` every 5 s until ``done``."""
    while not done.wait(5.0):
        samples.append(round(rss_mb(pid), 1))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    code = "import sys; from detente.cli import main; sys.exit(main())"
    cmd = [sys.executable, "-c", code, "serve", "--db", db, "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, f"http://127.0.0.1:{port}"
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("detente serve did not start") from None
            time.sleep(0.2)


def flood_wrk(base: str, seconds: float, connections: int) -> dict[str, object]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_LUA % ", ".join(f'"{p}"' for p in PATHS))
    try:
        cmd = ["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--timeout", "10s", "-s", f.name, base]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout
    finally:
        os.unlink(f.name)
    stats = dict(re.findall(r"^(P50|P95|REQUESTS|ERRORS) (\d+)$", out, re.M))
    statuses = dict(re.findall(r"(\d+)=(\d+)", re.search(r"^STATUSES(.*)$", out, re.M).group(1)))  # type: ignore[union-attr]
    return {
        "tool": "wrk",
        "requests": int(stats["REQUESTS"]),
        "statuses": {k: int(v) for k, v in statuses.items()},
        "errors": int(stats["ERRORS"]),
        "p50_ms": int(stats["P50"]) / 1000,
        "p95_ms": int(stats["P95"]) / 1000,
    }


async def _flood_python(base: str, seconds: float, connections: int) -> dict[str, object]:
    import httpx

    statuses: Counter[int] = Counter()
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    async def worker(client: httpx.AsyncClient, n: int) -> None:
        nonlocal errors
        i = n
        while time.monotonic() < stop:
            t = time.perf_counter()
            try:
                r = await client.get(PATHS[i % len(PATHS)])
                statuses[r.status_code] += 1
                latencies.append(time.perf_counter() - t)
            except httpx.HTTPError:
                errors += 1
            i += 1

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:
        await asyncio.gather(*(worker(client, n) for n in range(connections)))
    latencies.sort()
    pick = lambda q: round(1000 * latencies[int(q * (len(latencies) - 1))], 1) if latencies else None  # noqa: E731
    return {
        "tool": "python",
        "requests": sum(statuses.values()) + errors,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "errors": errors,
        "p50_ms": pick(0.50),
        "p95_ms": pick(0.95),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="store file to serve")
    ap.add_argument("--seconds", type=float, default=float(os.environ.get("DETENTE_FLOOD_SECONDS", 60)))
    ap.add_argument("--connections", type=int, default=100)
    ap.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    ap.add_argument("--max-growth-mb", type=float, default=100.0)
    ap.add_argument("--json", help="also write the report here")
    args = ap.parse_args()
    tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "python")
    proc, base = start_server(args.db)
    try:
        idle = rss_mb(proc.pid)
        # warm-up at full concurrency: the server's thread pool (40 threads, each with its own
        # DuckDB cursor state) is then in place, and what follows measures growth under load
        if tool == "wrk":
            flood_wrk(base, 3, args.connections)
        else:
            asyncio.run(_flood_python(base, 3.0, args.connections))
        start = rss_mb(proc.pid)
        samples: list[float] = []
        done = threading.Event()
        sampler = threading.Thread(target=_sample, args=(proc.pid, samples, done), daemon=True)
        sampler.start()
        if tool == "wrk":
            report = flood_wrk(base, args.seconds, args.connections)
        else:
            report = asyncio.run(_flood_python(base, args.seconds, args.connections))
        done.set()
        sampler.join()
        end = rss_mb(proc.pid)
        alive = proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(10)
    report.update(
        seconds=args.seconds,
        connections=args.connections,
        paths=PATHS,
        rss_idle_mb=round(idle, 1),
        rss_start_mb=round(start, 1),
        rss_end_mb=round(end, 1),
        rss_every_5s_mb=samples,
        server_alive=alive,
    )
    print(json.dumps(report, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report))
    bad = {int(k) for k in report["statuses"]} - ALLOWED  # type: ignore[attr-defined]
    ok = not bad and not report["errors"] and alive and end - start < args.max_growth_mb
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
