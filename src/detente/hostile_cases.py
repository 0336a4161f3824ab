"""The hostile half of the corpus of :mod:`detente.hostile`: bombs, binaries, traps, broken files.

Every binary is built here from its format's few header bytes (a 1x1 PNG, a one-page PDF, gzip
and zip bombs of zeros); nothing is downloaded or copied.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import zipfile
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .hostile import Corpus

MB = 1 << 20
NOT_A_PAGE = ("not a text page",)
_RANDOM_REASONS = ("not a text page", "undecodable text", "empty page", "no article text")


@lru_cache(maxsize=2)
def gzip_bomb(size: int) -> bytes:
    """gzip bytes that decompress to ``size`` zero bytes (about 1,000 times smaller)."""
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * MB
    return b"".join(co.compress(chunk) for _ in range(size // MB)) + co.flush()


@lru_cache(maxsize=2)
def zip_bomb(size: int) -> bytes:
    """A zip archive with one member of ``size`` zero bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("page.html", "w", force_zip64=True) as member:
            chunk = b"\0" * MB
            for _ in range(size // MB):
                member.write(chunk)
    return buffer.getvalue()


def png() -> bytes:
    """A valid 1x1 grey PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0\x80"))
        + chunk(b"IEND", b"")
    )


def pdf(n: int) -> bytes:
    """A minimal one-page PDF whose text stream says a sentence (a PDF is not a page)."""
    stream = f"BT /F1 12 Tf 72 720 Td (Iran attacked Iraq on Monday, copy {n}.) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = b"%PDF-1.4\n"
    for i, body in enumerate(objects, start=1):
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    return out + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>Laughs {n}</title>
<item><title>Iran attacked Iraq</title><description>&lol9;</description></item></channel></rss>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil-{n}.dtd">
<rss version="2.0"><channel><title>External {n}</title>
<item><title>Iran attacked Iraq</title><description>&xxe;</description></item></channel></rss>
"""
FILE_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>File {n}</title>
<entry><title>Iran attacked Iraq</title><content>&xxe;</content></entry></feed>
"""


def feed(c: Corpus, name: str) -> None:
    """A valid RSS feed of three entries, each a stored document with its known event."""
    items = []
    for k in range(3):
        s = next(c.story)
        body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in s.paragraphs)
        items.append(
            f"<item><title>{s.title}</title><guid>urn:hostile:{s.n}</guid>"
            f"<pubDate>Mon, 04 Mar 2024 10:0{k}:00 GMT</pubDate><description>{body}</description></item>"
        )
        c.expect(f"{name}#urn:hostile:{s.n}", "stored", "feed entry", events=[s.event])
    channel = f"<channel><title>Wire</title>{''.join(items)}</channel>"
    text = f'<?xml version="1.0"?>\n<rss version="2.0">{channel}</rss>\n'
    c.path(name).write_text(text, encoding="utf-8")


def units(c: Corpus, name: str) -> None:
    """A JSONL file: a unit with a lone surrogate escape, a malformed line, a good unit."""
    first, second = next(c.story), next(c.story)
    lines = [
        json.dumps({"id": f"u{first.n}", "text": first.text().replace("evening", "evening LONE")}),
        '{"id": "broken", "text": ',
        json.dumps({"id": f"u{second.n}", "text": second.text()}),
    ]
    text = "\n".join(lines).replace("LONE", "\\ud800") + "\n"  # the JSON escape of a lone surrogate
    c.path(name).write_text(text, encoding="utf-8")
    c.expect(f"{name}#u{first.n}", "stored", "JSONL unit with a lone surrogate", events=[first.event])
    c.expect(f"{name}#line=2", "skipped", "malformed JSONL line", reasons=["malformed JSON"])
    c.expect(f"{name}#u{second.n}", "stored", "JSONL unit", events=[second.event])


def warc(c: Corpus, name: str, broken: str) -> None:
    """A WARC file: a good record, a ``broken`` one (corrupt or truncated), then a good record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def record(story_html: bytes, uri: str) -> tuple[bytes, int]:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(story_html), http_headers=headers)
        )
        return buffer.getvalue(), len(story_html)

    out = b""
    for k in range(2):
        s = next(c.story)
        data, _ = record(s.html('<meta charset="utf-8">').encode(), f"http://example.org/{s.n}")
        c.expect(f"{name}#offset={len(out)}", "stored", "WARC record", events=[s.event])
        out += data
        if k == 0 and broken == "corrupt":
            c.expect(
                f"{name}#offset=",
                "skipped",
                "corrupt WARC record",
                reasons=["corrupt WARC record", "empty record"],
                prefix=True,
            )
            out += (
                b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n<html>junk</html>\r\n\r\n"
            )
    if broken == "truncated":
        s = next(c.story)
        data, _ = record(s.html().encode(), f"http://example.org/{s.n}")
        c.expect(
            f"{name}#offset=",
            "skipped",
            "truncated WARC record",
            reasons=["corrupt WARC record"],
            prefix=True,
        )
        out += data[: len(data) // 2]
    c.path(name).write_bytes(out)


def deep(levels: int) -> bytes:
    body = "<p>Iran attacked Iraq on Monday, officials said in a statement on the day.</p>"
    return (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * levels
        + body
        + "</div>" * levels
        + "<p>A paragraph after the nesting.</p></body></html>"
    ).encode()


def hostile_inputs(c: Corpus, count: int, huge: bool = False) -> None:
    """Write the bad inputs: about a third of ``count`` documents, every row of the table."""
    reps = max(1, count // 60)
    rng = random.Random(7)
    bomb_size = 1024 * MB if huge else 64 * MB
    for r in range(reps):
        d = f"bad/{r:03d}"
        c.skipped(f"{d}/gzip-bomb.html", gzip_bomb(bomb_size), "gzip bomb renamed .html", *NOT_A_PAGE)
        c.skipped(f"{d}/gzip-bomb.html.gz", gzip_bomb(bomb_size), "gzip bomb .html.gz", "too large")
        c.skipped(f"{d}/zip-bomb.zip", zip_bomb(bomb_size // 2), "zip bomb", *NOT_A_PAGE)
        c.skipped(f"{d}/zip-bomb.html", zip_bomb(bomb_size // 2), "zip bomb renamed .html", *NOT_A_PAGE)
        c.skipped(f"{d}/image.html", png(), "PNG renamed .html", *NOT_A_PAGE)
        c.skipped(f"{d}/document.html", pdf(r), "PDF renamed .html", *NOT_A_PAGE)
        c.skipped(
            f"{d}/photo.htm", b"\xff\xd8\xff\xe0" + rng.randbytes(200), "JPEG renamed .htm", *NOT_A_PAGE
        )
        c.skipped(f"{d}/empty.html", b"", "empty file", "empty file")
        c.skipped(f"{d}/nine.html", b"<p>Hi</p>", "9-byte file", "empty page")
        c.skipped(f"{d}/blank.txt", b" \n\t\r\n" * 50, "whitespace only", "empty page")
        c.skipped(f"{d}/random.html", rng.randbytes(4096), "random bytes", *_RANDOM_REASONS)
        c.skipped(f"{d}/deep-260.html", deep(260), "nested 260 deep", "truncated")
        c.skipped(
            f"{d}/nav-only.html",
            b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
            "no article text",
            "no article text",
            "empty page",
        )
        c.skipped(f"{d}/data.json", b'{"title": "Iran attacked Iraq"}', "JSON data", "not a page")
        c.skipped(f"{d}/laughs.rss", BILLION_LAUGHS.format(n=r).encode(), "billion laughs", "refused feed")
        c.skipped(f"{d}/external.rss", EXTERNAL_ENTITY.format(n=r).encode(), "external DTD", "refused feed")
        c.skipped(f"{d}/file-entity.atom", FILE_ENTITY.format(n=r).encode(), "file entity", "refused feed")
        c.skipped(
            f"{d}/cut.rss",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut',
            "truncated feed",
            "not a feed",
        )
        c.skipped(f"{d}/corrupt.html.gz", gzip_bomb(MB)[:200], "truncated gzip", "corrupt gzip file")
        feed(c, f"{d}/wire.rss")
        units(c, f"{d}/units.jsonl")
        warc(c, f"{d}/archive.warc", "corrupt" if r % 2 == 0 else "truncated")
        _special_files(c, d)
    c.skipped("bad/deep-100000.html", deep(100_000), "nested 100,000 deep", "truncated")
    siblings = "<html><body>" + "<span>x</span>" * 100_000 + "<p>Iran attacked Iraq.</p></body></html>"
    c.write("bad/siblings-100k.html", siblings.encode(), "limited", "100,000 sibling tags (slow)")
    sentence = "The ministry issued a long statement about the weather in the capital today. "
    c.skipped(
        "bad/too-long.txt",
        (sentence * 13_000).encode(),
        "text over the parser's limit",
        "too long",
        "timed out",
    )
    _oversized(c, "bad/over-cap.html", 25 * MB, "HTML over the 20 MB cap (sparse)")


def huge_inputs(c: Corpus) -> None:
    """The huge cases (``--huge``): sparse 200 MB and 2 GB files, 1M sibling tags, 100,000 files."""
    _oversized(c, "huge/page-200mb.html", 200 * MB, "200 MB HTML (sparse)")
    _oversized(c, "huge/text-2gb.txt", 2048 * MB, "2 GB text (sparse)")
    million = "<html><body>" + "<b></b>" * 1_000_000 + "<p>Iran attacked Iraq.</p></body></html>"
    c.write("huge/siblings-1m.html", million.encode(), "limited", "1,000,000 sibling tags")
    for k in range(100_000):
        c.skipped(f"huge/wide/{k:06d}.html", b"", "a folder of 100,000 files", "empty file")


def _oversized(c: Corpus, name: str, size: int, case: str) -> None:
    target = c.path(name)
    with target.open("wb") as handle:
        handle.write(b"<html><body><p>")
        handle.truncate(size)  # sparse: no disk blocks for the rest
    c.expect(name, "skipped", case, reasons=["too large"])


def _special_files(c: Corpus, d: str) -> None:
    """Symlink loops, a broken link, a FIFO: skipped with a reason, the walk finishes."""
    loop = c.path(f"{d}/loop/inner")
    loop.mkdir(parents=True, exist_ok=True)
    os.symlink("..", loop / "up")
    c.expect(f"{d}/loop/inner/up", "skipped", "symlink loop (folder)", reasons=["symlink loop"])
    os.symlink("self.html", c.path(f"{d}/self.html"))
    c.expect(f"{d}/self.html", "skipped", "symlink to itself", reasons=["unreadable"])
    os.symlink("missing.html", c.path(f"{d}/dangling.html"))
    c.expect(f"{d}/dangling.html", "skipped", "broken symlink", reasons=["broken symlink"])
    if hasattr(os, "mkfifo"):
        os.mkfifo(c.path(f"{d}/pipe.html"))
        c.expect(f"{d}/pipe.html", "skipped", "FIFO", reasons=["not a regular file"])
