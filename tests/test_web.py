"""The HTTP API: read-only, one error shape, clamped pages, bound parameters, time limit, CSP."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import detente
from detente.web import create_app
from detente.web.routes import MAX_LIMIT
from detente.web.runner import QueryRunner, QueryTimeout

from .test_api import _items

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    path = str(tmp_path / "web.duckdb")
    with detente.open_store(path) as store:
        store.write_batch(_items(), [], "run1")
    with TestClient(create_app(path, timeout=5.0)) as c:
        yield c


def _is_error(r, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def test_events_dyad_network_status(client: TestClient) -> None:
    r = client.get("/api/events", params={"dyad": "IRQ,IRN", "limit": 2})
    body = r.json()
    assert r.status_code == 200 and body["total"] == 3 and len(body["items"]) == 2
    assert body["items"][0]["title"] == "Talks"
    assert client.get("/api/events", params={"modality": "covert"}).json()["items"][0]["cameo"] == "070"
    series = client.get("/api/dyad", params={"a": "irn", "b": "irq"}).json()["series"]
    assert [s["period"] for s in series] == ["2014-08-01", "2014-09-01"]
    assert series[1]["hypothetical"] == 1
    net = client.get("/api/network").json()
    assert {(e["source"], e["target"]) for e in net["edges"]} == {("IRN", "IRQ"), ("USA", "IRN")}
    assert {n["id"] for n in net["nodes"]} == {"IRN", "IRQ", "USA"}
    status = client.get("/api/status").json()
    assert status["counts"]["events"] == 4 and status["runs"] == []
    assert client.get("/api/pairs").json()["items"][0] == {"a": "IRN", "b": "IRQ", "events": 3, "factual": 2}
    arts = client.get("/api/articles").json()["items"]
    doc = client.get(f"/api/articles/{arts[0]['doc_id']}").json()
    assert doc["text"].startswith("Talks.\n\n") and len(doc["events"]) == 4


def test_evidence_endpoint(client: TestClient) -> None:
    ev = client.get("/api/events", params={"modality": "covert"}).json()["items"][0]
    ctx = client.get(f"/api/events/{ev['event_id']}").json()
    text, e = ctx["article"]["text"], ctx["event"]
    assert text[e["sentence_start"] : e["sentence_end"]] == "The US secretly helped Iran."
    assert ctx["turn"]["question"] == "Iran met Iraq on Monday."
    _is_error(client.get("/api/events/nope"), 404)


def test_csv_download(client: TestClient) -> None:
    r = client.get("/api/events.csv", params={"actor": "USA"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("event_id,event_date") and len(lines) == 2


def test_limits_are_clamped_and_bad_values_rejected(client: TestClient) -> None:
    assert client.get("/api/events", params={"limit": 10**9}).json()["limit"] == MAX_LIMIT
    assert client.get("/api/events", params={"limit": -5}).json()["limit"] == 1
    _is_error(client.get("/api/events", params={"offset": -1}), 422)
    err = _is_error(client.get("/api/events", params={"sort": "goldstein; DROP TABLE events"}), 422)
    assert err["code"] == "invalid_parameter" and err["details"][0]["parameter"] == "sort"
    _is_error(client.get("/api/dyad", params={"a": "USA", "b": "IRN", "interval": "1 day'"}), 422)
    _is_error(client.get("/api/events", params={"from": "2014' OR 1=1 --"}), 422)
    _is_error(client.get("/api/events", params={"actor": "X" * 10_000}), 422)
    _is_error(client.get("/api/dyad", params={"a": "USA"}), 422)


@pytest.mark.parametrize(
    "value", ["'; DROP TABLE events; --", '" OR 1=1 --', "IRN') OR ('1'='1", "%", "_", "\\", "\x00"]
)
def test_sql_metacharacters_are_bound(client: TestClient, value: str) -> None:
    for name in ("actor", "source", "target"):
        r = client.get("/api/events", params={name: value})
        assert r.status_code == 200 and r.json()["total"] == 0
    r = client.get("/api/dyad", params={"a": value, "b": "IRN"})
    assert r.status_code == 200 and r.json()["series"] == []
    assert client.get("/api/network", params={"actor": value}).json()["edges"] == []
    assert client.get("/api/events").json()["total"] == 4  # nothing was dropped


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_read_only(client: TestClient, method: str) -> None:
    for path in ("/api/events", "/", "/api/nothing", "/static/app.js"):
        err = _is_error(client.request(method, path, content=b"{}"), 405)
        assert err["code"] == "method_not_allowed"


def test_not_found_paths_and_traversal(client: TestClient) -> None:
    for path in (
        "/nope",
        "/api/",
        "/static/../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static//etc/passwd",
        "/api//evil.example",
        "/static/vendor/../../app.py",
    ):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 404, path
        assert "location" not in r.headers
        _is_error(r, 404)


def test_security_headers_and_static_files(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "<script" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text  # no inline script: only <script src=...>
    for path in (
        "/static/app.js",
        "/static/style.css",
        "/static/vendor/echarts.min.js",
        "/static/vendor/LICENSE-echarts",
    ):
        assert client.get(path).status_code == 200, path
    assert client.get("/api/events").headers["content-security-policy"] == csp


def test_openapi_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/dyad", "/api/network", "/api/events/{event_id}", "/api/status"):
        assert set(schema["paths"][path]) == {"get"}


def test_quotes_without_table_is_a_json_404(client: TestClient) -> None:
    r = client.get("/api/quotes")
    if r.status_code == 404:
        _is_error(r, 404)
    else:  # a store made by a detente with the quotes migration
        assert r.status_code == 200 and r.json()["items"] == []


def test_query_time_limit(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.web.routes as routes

    def slow(con, flt, limit, summary):  # type: ignore[no-untyped-def]
        return con.execute("SELECT count(*) FROM range(100000000000) t(x) WHERE x % 7 = 3").fetchall()

    client.app.state.runner.timeout = 0.2  # type: ignore[attr-defined]
    monkeypatch.setattr(routes.query, "network", slow)
    err = _is_error(client.get("/api/network"), 504)
    assert err["code"] == "query_timeout" and "0.2 s" in err["message"]
    assert client.get("/api/events").status_code == 200  # the server goes on


def test_runner_interrupts(tmp_path: Path) -> None:
    import duckdb

    runner = QueryRunner(duckdb.connect(), timeout=0.1)
    with pytest.raises(QueryTimeout):
        runner.run(
            lambda cur: cur.execute(
                "SELECT count(*) FROM range(100000000000) t(x) WHERE x % 3 = 1"
            ).fetchall()
        )
    assert runner.run(lambda cur: cur.execute("SELECT 42").fetchall()) == [(42,)]


def test_foreign_host_header_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "h.duckdb")
    detente.open_store(path).close()
    app = create_app(path, allowed_hosts={"127.0.0.1", "localhost", "::1"})
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/status").status_code == 200
        err = _is_error(c.get("/api/status", headers={"host": "evil.example"}), 400)
        assert err["code"] == "bad_host"


def test_serving_upgrades_an_old_schema(tmp_path: Path) -> None:
    import duckdb

    from detente.store.schema import MIGRATIONS, SCHEMA_VERSION

    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with TestClient(create_app(path)) as c:
        assert c.get("/api/events").json()["total"] == 0
    with detente.open_store(path, read_only=True) as store:
        assert store.schema_version() == SCHEMA_VERSION
