"""A hostile input corpus: every bad input of docs/reliability.md, mixed with valid pages.

``make_corpus(root, count)`` writes at least ``count`` documents under ``root`` and a manifest,
``root/manifest.json`` (kept out of the ingest: give ``root/corpus`` to ``detente ingest``), that
lists every document with its expected outcome:

- ``stored``: the page must be stored with ``events`` (``[source, target, CAMEO root]``), and its
  stored text must contain ``contains`` when given (correct decoding);
- ``skipped``: recorded in the ``skips`` table with one of the ``reasons``;
- ``limited``: stopped by the per-document time limit (a ``timed out`` skip) or, under a
  generous limit, stored; never a crash or a hang.

Every text is written here (short wire-style sentences with known events); no third-party text
is shipped. The huge files (200 MB HTML and 2 GB text made sparse, 1M sibling tags, a folder of
100,000 files) are written only with ``huge=True``. The binary and hostile cases are in
:mod:`detente.hostile_cases`.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from itertools import cycle
from pathlib import Path

ACTORS = (
    ("Iran", "IRN"),
    ("Iraq", "IRQ"),
    ("France", "FRA"),
    ("Germany", "DEU"),
    ("Russia", "RUS"),
    ("China", "CHN"),
    ("Japan", "JPN"),
    ("Egypt", "EGY"),
    ("Turkey", "TUR"),
    ("Brazil", "BRA"),
    ("India", "IND"),
    ("Pakistan", "PAK"),
    ("Israel", "ISR"),
    ("Syria", "SYR"),
    ("Canada", "CAN"),
    ("Mexico", "MEX"),
)
# One sentence with one known event: (template, CAMEO root of the event from {a} to {b}).
TEMPLATES = (
    ("{a} attacked {b} on Monday.", "19"),
    ("{a} condemned {b} on Tuesday.", "11"),
    ("{a} accused {b} of violating the ceasefire.", "11"),
    ("{a} signed a trade agreement with {b} on Thursday.", "05"),
    ("{a} threatened {b} with sanctions on Saturday.", "13"),
    ("{a} praised {b} for its help.", "05"),
    ("{a} sent humanitarian aid to {b} on Sunday.", "07"),
    ("{a} criticized {b} over the border dispute.", "11"),
)
FILLER = (
    "The statement was released by the foreign ministry late in the evening.",
    "Further talks are expected later this month, according to people familiar with the matter.",
    "The report was filed as item {n} of the series.",
)
CYRILLIC = "Сообщение агентства из Москвы: переговоры продолжатся на следующей неделе."
JAPANESE = "東京からの報道によると、交渉は来週も続く予定です。"


@dataclass
class Expected:
    """What ``detente ingest`` must do with one document of the corpus."""

    path: str  # relative to the corpus folder (file-system decoding); feed/WARC units add "#..."
    expect: str  # "stored", "skipped" or "limited"
    case: str  # the input row of docs/reliability.md this document exercises
    reasons: list[str] = field(default_factory=list)
    events: list[list[str]] = field(default_factory=list)
    contains: str = ""
    prefix: bool = False  # ``path`` is a prefix (a WARC record whose offset the reader finds)


@dataclass
class Story:
    """A short wire-style article with one known event."""

    n: int
    title: str
    paragraphs: list[str]
    event: list[str]

    def html(self, head: str = "", title: str | None = None, body_extra: str = "") -> str:
        paras = "\n".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (
            f"<!DOCTYPE html>\n<html><head>{head}<title>{self.title if title is None else title}</title>"
            f"</head><body><article><h1>{self.title if title is None else title}</h1>\n"
            f'<p class="byline">By Staff Reporter {self.n}</p>\n{paras}\n{body_extra}'
            "</article></body></html>\n"
        )

    def text(self) -> str:
        return self.title + "\n\n" + "\n\n".join(self.paragraphs) + "\n"


def stories(start: int = 0) -> Iterator[Story]:
    """An endless stream of distinct stories, each with its known event."""
    pairs = [(a, b) for a in ACTORS for b in ACTORS if a != b]
    n = start
    for (template, root), ((a, a_code), (b, b_code)) in zip(cycle(TEMPLATES), cycle(pairs), strict=False):
        n += 1
        sentence = template.format(a=a, b=b)
        paragraphs = [
            sentence + " " + FILLER[0],
            FILLER[1],
            FILLER[2].format(n=n),
        ]
        yield Story(n, f"Wire report {n}.", paragraphs, [a_code, b_code, root])


class Corpus:
    """Writes files under ``root/corpus`` and collects their expected outcomes."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.dir = self.root / "corpus"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.entries: list[Expected] = []
        self.story = stories()

    def path(self, name: str | bytes) -> Path:
        rel = os.fsdecode(name)
        target = self.dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write(self, name: str | bytes, data: bytes, expect: str, case: str, **kw: object) -> Path:
        target = self.path(name)
        target.write_bytes(data)
        self.expect(os.fsdecode(name), expect, case, **kw)
        return target

    def expect(self, rel: str, expect: str, case: str, **kw: object) -> None:
        self.entries.append(Expected(rel, expect, case, **kw))  # type: ignore[arg-type]

    def stored(self, name: str | bytes, data: bytes, case: str, story: Story, contains: str = "") -> Path:
        return self.write(name, data, "stored", case, events=[story.event], contains=contains)

    def skipped(self, name: str | bytes, data: bytes, case: str, *reasons: str) -> Path:
        return self.write(name, data, "skipped", case, reasons=list(reasons))

    def manifest(self) -> dict[str, object]:
        counts: dict[str, int] = {}
        for e in self.entries:
            counts[e.expect] = counts.get(e.expect, 0) + 1
        return {
            "version": 1,
            "corpus": "corpus",
            "documents": len(self.entries),
            "counts": counts,
            "files": [asdict(e) for e in self.entries],
        }


def valid_pages(c: Corpus, n: int, prefix: str = "valid") -> None:
    """``n`` valid documents, cycling through encodings, formats and harmless oddities."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    for i in range(n):
        s = next(c.story)
        variant = i % 20
        name = f"{prefix}/{i:05d}"
        meta = '<meta charset="utf-8">'
        if variant == 0:
            c.stored(f"{name}.html", s.html(meta).encode(), "utf-8 html", s)
        elif variant == 1:
            c.stored(f"{name}.html", s.html().encode(), "utf-8 html, no charset declaration", s)
        elif variant == 2:
            c.stored(f"{name}.txt", s.text().encode(), "plain-text dump", s)
        elif variant in (3, 4):
            s.paragraphs.insert(1, CYRILLIC)
            head = '<meta charset="windows-1251">' if variant == 3 else ""
            case = "windows-1251" + (" declared" if head else ", no declaration")
            c.stored(f"{name}.html", s.html(head).encode("cp1251"), case, s, contains="Москвы")
        elif variant in (5, 6):
            s.paragraphs.insert(1, JAPANESE)
            head = (
                '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
                if variant == 5
                else ""
            )
            case = "shift-jis" + (" declared" if head else ", no declaration")
            c.stored(f"{name}.html", s.html(head).encode("shift_jis"), case, s, contains="東京")
        elif variant == 7:
            data = s.html().encode("utf-16")  # with a byte-order mark
            c.stored(f"{name}.html", data, "utf-16 with BOM", s)
        elif variant == 8:
            c.stored(f"{name}.html", s.html().encode("utf-16-le"), "utf-16-le, no BOM, no declaration", s)
        elif variant == 9:
            data = s.html(meta).encode().replace(b"late in the", b"late \xff\xfe\xc3( in the")
            c.stored(f"{name}.html", data, "invalid utf-8 bytes", s)
        elif variant == 10:
            data = s.html(meta).encode().replace(b"the evening", b"the\x00 evening\x00")
            c.stored(f"{name}.html", data, "NUL bytes", s)
        elif variant == 11:
            text = s.html(meta).replace("foreign ministry", "foreign \u202eministry\u202c")
            c.stored(f"{name}.html", text.encode(), "bidi overrides", s)
        elif variant == 12:
            c.stored(f"{name}.html", xss_page(s).encode(), "script injection in title, byline, body", s)
        elif variant == 13:
            text = s.text().replace(FILLER[1], "<script>alert(1)</script> " + FILLER[1])
            c.stored(f"{name}.txt", text.encode(), "script injection in a text dump", s)
        elif variant == 14:
            c.stored(f"{name}.html.gz", gzip.compress(s.html(meta).encode()), "gzip-compressed page", s)
        elif variant == 15:
            deep = "<div>" * 200 + "<p>" + s.paragraphs[0] + "</p>" + "</div>" * 200
            page = s.html(meta, body_extra=deep)
            c.stored(f"{name}.html", page.encode(), "nested 200 deep (under the parser's limit)", s)
        elif variant == 16:
            odd = [f"{name} new\nline.html", f"{name}-\udcff\udcfe-latin1.html", f"{name}-{'x' * 200}.html"]
            c.stored(os.fsencode(odd[i // 20 % 3]), s.html(meta).encode(), "odd file name", s)
        elif variant == 17:
            target = c.write(
                f"{name}.html",
                s.html(meta).encode(),
                "stored" if is_root else "skipped",
                "unreadable file (chmod 000; root reads it anyway)",
                events=[s.event] if is_root else [],
                reasons=[] if is_root else ["unreadable"],
            )
            target.chmod(0)
        elif variant == 18:
            c.stored(f"{name}.htm", s.html(meta).encode(), "utf-8 .htm", s)
        else:
            c.stored(f"{name}", s.text().encode(), "text dump without a file-name ending", s)


def xss_page(s: Story) -> str:
    """A valid page with script injection in its title, byline and body."""
    title = s.title + ' <script>alert("t")</script>'
    byline = '<p class="byline">By <img src=x onerror=alert(1)> Staff</p>'
    extra = (
        '<p>Read more <a href="javascript:alert(2)">here</a> &lt;script&gt;alert(3)&lt;/script&gt;'
        " and <svg onload=alert(4)></svg> with \"quotes\" and 'apostrophes'.</p>"
        f"{byline}<script>document.write('x')</script>"
    )
    return s.html('<meta charset="utf-8">', title=title, body_extra=extra)


def make_corpus(root: str | os.PathLike[str], count: int = 2000, huge: bool = False) -> dict[str, object]:
    """Write a hostile corpus of at least ``count`` documents under ``root``; return its manifest."""
    from .hostile_cases import hostile_inputs, huge_inputs

    c = Corpus(Path(root))
    hostile_inputs(c, count, huge)
    n_valid = max(0, count - len(c.entries))
    valid_pages(c, n_valid)
    if huge:
        huge_inputs(c)
    manifest = c.manifest()
    (c.root / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest
