"""The dashboard in a real browser: Debian's chromium driven by Playwright (no browser download).

Skips when /usr/bin/chromium, Playwright or the spaCy model is missing; ``.ci/run`` installs
chromium, so in CI these run. A screenshot is saved under ``artifacts/`` (gitignored).
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import HAS_MODEL, SHARED

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
DW = SHARED / "examples"
KERRY = "Kerry refused to invite Iran to the Paris conference"

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium (apt-get install chromium)"),
    pytest.mark.skipif(not HAS_MODEL, reason="no spaCy English model installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")

# Our own hostile page (not third-party text): markup in the title and body must stay text.
HOSTILE = "\n\n".join(
    [
        '<script>window.__xss=1;alert(1)</script> Iran and Iraq <img src=x onerror="window.__xss=2;alert(2)">'
        " hold talks",
        "BAGHDAD, Sept 25, 2014 - Iran's foreign minister met his Iraqi counterpart in Baghdad on Sunday."
        ' The meeting was announced on <img src=x onerror="window.__xss=3;alert(3)"> state television.',
        "Turkey accused Iraq of shelling its border posts. Officials posted"
        ' <a href="javascript:window.__xss=5;alert(5)">a statement</a> and'
        ' <svg onload="window.__xss=6;alert(6)"></svg> online.',
    ]
)


def _detente(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from detente.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    (tmp / "hostile").mkdir()
    (tmp / "hostile" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = str(tmp / "b.duckdb")
    inputs = [str(ROOT / "examples" / "html"), str(ROOT / "examples" / "text"), str(tmp / "hostile")]
    if DW.is_dir():
        inputs.append(str(DW))
    done = _detente("ingest", "--db", db, "--quiet", *inputs)
    assert "stored" in done.stdout, done.stderr
    port = _free_port()
    code = "import sys; from detente.cli import main; sys.exit(main())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("detente serve did not start")
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _page(browser, problems: list[str]):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.set_default_timeout(20_000)
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    return page


def test_pick_dyad_open_event_see_evidence(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    page = _page(browser, problems)
    page.goto(server + "/")
    page.wait_for_selector("#timeline-list table")
    values = page.eval_on_selector_all("#pair-select option", "os => os.map(o => o.value)")
    pair = "IRN,USA" if DW.is_dir() else "JPN,KOR"
    assert pair in values
    page.select_option("#pair-select", pair)
    a, b = pair.split(",")
    page.locator("#timeline-list-title", has_text=f"between {a} and {b}").wait_for()
    page.locator("#timeline-list table").wait_for()
    page.wait_for_selector("#timeline-chart canvas")
    if DW.is_dir():
        row = page.locator("#timeline-list tr", has_text=KERRY).first
    else:
        row = page.locator("#timeline-list tbody tr").first
    sentence = row.locator("td.sentence").inner_text()
    row.locator("a.evidence-link").click()
    mark = page.wait_for_selector("#evidence-sentence")
    assert mark.inner_text().strip() == sentence.strip()
    if DW.is_dir():
        assert KERRY in mark.inner_text()
        assert "verbs.tsv" in page.inner_text("#event-detail")  # the pattern that fired
        assert page.locator(".turn").count() == 1  # the interview turn it came from
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-evidence.png"), full_page=True)
    page.goto(server + "/#/network")
    page.wait_for_selector("#network-chart canvas")
    page.goto(server + "/#/status")
    page.wait_for_selector("#status-detail table")
    assert problems == []


def test_hostile_page_renders_as_text(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    page = _page(browser, problems)
    response = page.goto(server + "/#/events?dyad=TUR,IRQ&cameo=112")
    assert response is not None
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    page.wait_for_selector("#events-list table")
    page.locator("#events-list tr", has_text="shelling its border posts").locator("a.evidence-link").click()
    page.wait_for_selector("#evidence-sentence")
    text = page.inner_text("#event-detail")
    assert "<script>window.__xss=1;alert(1)</script>" in text
    assert 'onerror="window.__xss=3;alert(3)"' in text
    assert 'href="javascript:window.__xss=5;alert(5)"' in text
    page.goto(server + "/#/status")
    page.wait_for_selector("#status-detail table")
    assert "<script>window.__xss=1" in page.inner_text("#status-detail")
    for view in ("#/events", "#/timeline", "#/network"):
        page.goto(server + "/" + view)
        page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, svg').length") == 0
    scripts = page.eval_on_selector_all("script", "ss => ss.map(s => s.getAttribute('src'))")
    assert scripts == ["/static/vendor/echarts.min.js", "/static/app.js"]
    hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    assert problems == []


def test_no_off_site_redirect(server: str) -> None:
    host, port = server.removeprefix("http://").split(":")
    for path in (
        "//evil.example/",
        "//evil.example",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/../../pyproject.toml",
    ):
        con = http.client.HTTPConnection(host, int(port), timeout=10)
        con.request("GET", path)
        r = con.getresponse()
        body = r.read()
        assert r.status == 404, (path, r.status)
        assert r.getheader("location") is None and b'"error"' in body
        con.close()


def test_screenshot_dir_is_ignored() -> None:
    out = subprocess.run(["git", "check-ignore", "-q", "artifacts/x.png"], cwd=ROOT, check=False)
    if out.returncode == 128 or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    assert out.returncode == 0, os.fspath(ROOT / ".gitignore")
