"""Readers: the registry, gzip pages, WARC/ARC, RSS/Atom feeds, CSV/TSV and JSONL corpora."""

from __future__ import annotations

import gzip
import hashlib
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.ingest import Reader, ReadOptions, TableOptions, iter_documents, register
from detente.ingest import files as files_mod
from detente.ingest.registry import _READERS, reader_for
from detente.models import RawDocument, Skip

PAGE = (
    "<html><head><title>Talks</title></head>"
    "<body><p>Iran's foreign minister met his Iraqi counterpart.</p></body></html>"
)


def _docs(items: list[RawDocument | Skip]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def _skips(items: list[RawDocument | Skip]) -> list[Skip]:
    return [i for i in items if isinstance(i, Skip)]


def _read(path: Path, **table: str | bool | None) -> list[RawDocument | Skip]:
    opts = ReadOptions(max_bytes=1_000_000, table=TableOptions(**table))  # type: ignore[arg-type]
    return list(iter_documents([str(path)], 1_000_000, options=opts))


# -- registry -------------------------------------------------------------------------------
def test_dispatch_by_ending_longest_first_then_sniffing(tmp_path: Path) -> None:
    names = {
        "a.warc.gz": "warc",
        "a.arc": "warc",
        "a.html.gz": "gzip",
        "a.csv": "table",
        "a.tsv": "table",
        "a.jsonl": "jsonl",
        "a.rss": "feed",
        "a.html": "page",
        "a.json": "json",
    }
    for name, reader in names.items():
        (tmp_path / name).write_bytes(b"x")
        assert reader_for(tmp_path / name).name == reader, name
    (tmp_path / "crawl").write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n")
    (tmp_path / "news.xml").write_bytes(b'<?xml version="1.0"?>\n<rss version="2.0"><channel>')
    (tmp_path / "LICENSE").write_bytes(b"Permission is hereby granted")
    assert reader_for(tmp_path / "crawl").name == "warc"
    assert reader_for(tmp_path / "news.xml").name == "feed"
    assert reader_for(tmp_path / "LICENSE").name == "page"


def test_a_new_format_is_one_registration(tmp_path: Path) -> None:
    def read_lines(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
        for n, line in enumerate(path.read_text().splitlines(), start=1):
            data = line.encode()
            yield RawDocument(f"{path}#line={n}", data, str(n), "text", unit_id=f"line={n}")

    register(Reader("lines-test", read_lines, (".lines",)))
    try:
        (tmp_path / "x.lines").write_text("Iran met Iraq.\nTurkey met Syria.\n")
        docs = _docs(_read(tmp_path))
        assert [d.path.rsplit("#", 1)[1] for d in docs] == ["line=1", "line=2"]
    finally:
        del _READERS["lines-test"]


def test_reader_crash_becomes_a_skip(tmp_path: Path) -> None:
    def broken(path: Path, options: ReadOptions) -> Iterator[RawDocument | Skip]:
        raise RuntimeError("boom")

    register(Reader("broken-test", broken, (".broken",)))
    try:
        (tmp_path / "x.broken").write_text("x")
        (tmp_path / "y.html").write_text(PAGE)
        items = _read(tmp_path)
        assert [s.reason for s in _skips(items)] == ["broken-test reader failed"]
        assert len(_docs(items)) == 1
    finally:
        del _READERS["broken-test"]


def test_big_folders_stream_unsorted_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files_mod, "SORT_LIMIT", 5)
    for i in range(12):
        (tmp_path / f"{i:02d}.html").write_text(PAGE.replace("Talks", f"Talks {i}"))
    docs = _docs(_read(tmp_path))
    assert sorted(Path(d.path).name for d in docs) == [f"{i:02d}.html" for i in range(12)]


def test_json_data_files_are_recorded_skips(tmp_path: Path) -> None:
    (tmp_path / "ground-truth.json").write_text('{"a": {"articleBody": "text"}}')
    assert [s.reason for s in _skips(_read(tmp_path))] == ["not a page"]


# -- gzip -----------------------------------------------------------------------------------
def test_gzipped_html_is_read_and_bombs_are_capped(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(PAGE.encode())[:20])
    (tmp_path / "fake.html").write_bytes(gzip.compress(PAGE.encode()))  # gzip given as HTML
    (tmp_path / "units.jsonl.gz").write_bytes(gzip.compress(b'{"id": 1, "text": "Iran met Iraq."}'))
    items = _read(tmp_path)
    docs = _docs(items)
    assert {Path(d.path).name: d.data for d in docs}["page.html.gz"] == PAGE.encode()
    skips = {Path(s.path).name: s for s in _skips(items)}
    assert skips["bomb.html.gz"].reason == "too large" and "gzip bomb" in skips["bomb.html.gz"].detail
    assert skips["broken.html.gz"].reason == "corrupt gzip file"
    assert skips["units.jsonl.gz"].reason == "compressed corpus file"
    # a gzip file named .html is read as a page and refused by the binary check in decode()
    from detente.pipeline import prepare

    fake = next(d for d in docs if d.path.endswith("fake.html"))
    result = prepare(fake)
    assert isinstance(result, Skip) and result.reason == "not a text page"


# -- WARC -----------------------------------------------------------------------------------
def _warc(records: list[tuple[str, str, bytes]], gzipped: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for uri, mime, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", mime)], protocol="HTTP/1.1")
        # fixed date and record id: the same bytes on every run, so a test that corrupts given
        # offsets of the compressed stream always corrupts the same thing
        digest = hashlib.sha1(uri.encode()).hexdigest()
        fixed = {"WARC-Date": "2015-03-03T10:00:00Z", "WARC-Record-ID": f"<urn:sha1:{digest}>"}
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=fixed
            )
        )
    return out.getvalue()


RECORDS = [
    ("http://example.org/a", "text/html; charset=utf-8", PAGE.encode()),
    ("http://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
    ("http://example.org/b", "text/html", PAGE.replace("Iran's", "Turkey's").encode()),
    ("http://example.org/c", "text/html", PAGE.replace("Iran's", "Egypt's").encode()),
]


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_html_responses_are_documents(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(_warc(RECORDS, gzipped))
    items = _read(path)
    docs = _docs(items)
    assert [d.url for d in docs] == ["http://example.org/a", "http://example.org/b", "http://example.org/c"]
    assert all("#offset=" in d.path for d in docs) and not _skips(items)
    assert docs[0].data == PAGE.encode()


def test_truncated_warc_keeps_the_good_records(tmp_path: Path) -> None:
    data = _warc(RECORDS)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 60])  # the last record is cut short
    items = _read(path)
    assert [d.url for d in _docs(items)] == ["http://example.org/a", "http://example.org/b"]
    skip = _skips(items)[0]
    assert skip.reason == "corrupt WARC record" and "#offset=" in skip.path


def test_corrupt_record_in_the_middle_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    parts = [_warc([r]) for r in RECORDS]
    broken = bytearray(parts[2])
    broken[30:60] = b"\xff" * 30  # inside the compressed member of record 3
    path = tmp_path / "mid.warc.gz"
    path.write_bytes(parts[0] + parts[1] + bytes(broken) + parts[3])
    items = _read(path)
    assert [d.url for d in _docs(items)] == ["http://example.org/a", "http://example.org/c"]
    skip = _skips(items)[0]
    assert skip.path.endswith(f"#offset={len(parts[0]) + len(parts[1])}")


# -- feeds ----------------------------------------------------------------------------------
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Ministers meet in Vienna</title><link>http://example.org/1</link><guid>id-1</guid>
<pubDate>Tue, 03 Mar 2015 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Iran's foreign minister met his Iraqi counterpart.&lt;/p&gt;
&lt;p&gt;Talks went on.&lt;/p&gt;</description></item>
<item><title>Sanctions</title><link>http://example.org/2</link>
<description>The European Union imposed sanctions on Belarus.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Talks</title><id>urn:x:1</id><updated>2016-05-01T00:00:00Z</updated>
<content type="html">&lt;p&gt;Turkey met Syria.&lt;/p&gt;</content></entry></feed>"""

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + ']><rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>'
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>'
)


def test_feed_entries_are_documents(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS)
    (tmp_path / "wire.atom").write_text(ATOM)
    docs = _docs(_read(tmp_path))
    by_id = {d.unit_id: d for d in docs}
    first = by_id["id-1"]
    assert first.data.decode().startswith("Ministers meet in Vienna\n\nIran's foreign minister met")
    assert "\n\nTalks went on." in first.data.decode()
    assert first.date_hint == "2015-03-03" and first.url == "http://example.org/1"
    assert by_id["http://example.org/2"].date_hint is None
    assert by_id["urn:x:1"].date_hint == "2016-05-01" and b"Turkey met Syria." in by_id["urn:x:1"].data


@pytest.mark.parametrize("feed", [LAUGHS, EXTERNAL])
def test_entity_feeds_are_refused_fast(tmp_path: Path, feed: str) -> None:
    (tmp_path / "evil.rss").write_text(feed)
    start = time.perf_counter()
    items = _read(tmp_path)
    assert time.perf_counter() - start < 1.0
    assert [s.reason for s in _skips(items)] == ["refused feed"] and not _docs(items)


# -- tables ---------------------------------------------------------------------------------
AG = (
    '"1","Iran, Iraq sign pact","Iran and Iraq signed a border pact on Monday."\n'
    '"2","Cup final","The final ended in a draw."\n'
    '"1","Empty",""\n'
    '"3","Two lines","Ministers met.\nThey agreed."\n'
    '"1","Last","Turkey met Syria."\n'
)


def test_headerless_csv_by_column_numbers(tmp_path: Path) -> None:
    (tmp_path / "test.csv").write_text(AG)
    items = _read(tmp_path / "test.csv", text="3", title="2")
    docs = _docs(items)
    assert [d.unit_id for d in docs] == ["line=1", "line=2", "line=4", "line=6"]
    assert docs[0].path.endswith("test.csv#line=1") and docs[0].kind_hint == "text"
    assert docs[0].data == b"Iran, Iraq sign pact\n\nIran and Iraq signed a border pact on Monday."
    assert [(s.path.rsplit("#", 1)[1], s.reason) for s in _skips(items)] == [("line=3", "no text")]


def test_csv_by_header_names_with_date_url_id(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text(
        "id,headline,body,published,link\n"
        "a1,Talks,Iran met Iraq in Baghdad.,2014-09-25,http://x/1\n"
        'a2,More talks,Turkey met Syria.,"Tue, 03 Mar 2015 10:00:00 GMT",\n'
    )
    docs = _docs(
        _read(tmp_path / "c.csv", text="body", title="headline", date="published", url="link", id="id")
    )
    assert [(d.unit_id, d.date_hint, d.url) for d in docs] == [
        ("a1", "2014-09-25", "http://x/1"),
        ("a2", "2015-03-03", None),
    ]
    assert docs[0].path.endswith("c.csv#a1")


def test_csv_header_text_column_found_and_missing_column_skipped(tmp_path: Path) -> None:
    (tmp_path / "t.tsv").write_text("title\ttext\nTalks\tIran met Iraq.\n")
    docs = _docs(_read(tmp_path / "t.tsv"))
    assert docs[0].data == b"Talks\n\nIran met Iraq."
    (tmp_path / "n.csv").write_text("a,b\n1,2\n")
    assert [s.reason for s in _skips(_read(tmp_path / "n.csv"))] == ["no text column"]
    assert [s.reason for s in _skips(_read(tmp_path / "n.csv", text="body"))] == ["no text column"]


def test_jsonl_fields_can_be_renamed(tmp_path: Path) -> None:
    (tmp_path / "u.jsonl").write_text(
        '{"key": "k1", "body": "Iran met Iraq.", "head": "Talks", "day": "2014-01-02"}\n'
    )
    docs = _docs(_read(tmp_path / "u.jsonl", text="body", id="key", title="head", date="day"))
    assert docs[0].unit_id == "k1" and docs[0].date_hint == "2014-01-02"
    assert docs[0].data == b"Talks\n\nIran met Iraq."
    (tmp_path / "d.jsonl").write_text('{"id": "x", "text": "Iran met Iraq.", "date": "2014-01-02"}\n')
    default = _docs(_read(tmp_path / "d.jsonl", text="3"))  # a column number is not a field name
    assert default[0].unit_id == "x" and default[0].data == b"Iran met Iraq."


def test_ag_news_layout(shared: Path) -> None:
    path = shared / "corpora" / "ag_news" / "test.csv"
    opts = ReadOptions(max_bytes=1_000_000, table=TableOptions(text="3", title="2"))
    items = list(iter_documents([str(path)], 1_000_000, options=opts))
    docs = _docs(items)
    assert len(docs) == 7600 and not _skips(items)
    assert docs[0].unit_id == "line=1" and docs[-1].unit_id == "line=7600"
