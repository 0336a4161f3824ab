"""Atheris target: the byte-level ingest entry point (decode -> sniff -> extract) never raises.

``detente.pipeline.prepare`` turns any bytes into an extracted article or a ``Skip`` with a
reason; an exception escaping it is a bug. Run for N seconds (see docs/reliability.md):

    pip install -e ".[fuzz]"
    python fuzz/fuzz_ingest.py -max_total_time=60 -rss_limit_mb=4096 fuzz/corpus

``fuzz/corpus`` (created if missing) keeps the inputs that found new coverage; crashing inputs
are written to ``crash-*`` files in the working directory.
"""

from __future__ import annotations

import os
import sys

import atheris

with atheris.instrument_imports(include=["detente"]):
    from detente.models import RawDocument, Skip
    from detente.pipeline import Prepared, prepare

NAMES = ("page.html", "page.txt", "page", "feed.htm")


def test_one_input(data: bytes) -> None:
    """One fuzz case: the first byte picks the file name, the rest is the file."""
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    hint = "html" if name.endswith((".html", ".htm")) else "text" if name.endswith(".txt") else ""
    raw = RawDocument(path=name, data=data[1:], content_hash="fuzz", kind_hint=hint)
    result = prepare(raw)
    assert isinstance(result, (Prepared, Skip))
    if isinstance(result, Skip):
        assert result.reason


def seed(folder: str) -> None:
    """Start an empty corpus folder from a few generated pages (HTML, text, UTF-16, cp1251)."""
    from detente.hostile import CYRILLIC, stories, xss_page

    os.makedirs(folder, exist_ok=True)
    if os.listdir(folder):
        return
    story = stories()
    pages = [
        b"\x00" + next(story).html('<meta charset="utf-8">').encode(),
        b"\x01" + next(story).text().encode(),
        b"\x00" + next(story).html().encode("utf-16"),
        b"\x00" + xss_page(next(story)).encode(),
        b"\x00" + next(story).html(body_extra=f"<p>{CYRILLIC}</p>").encode("cp1251"),
    ]
    for k, page in enumerate(pages):
        with open(os.path.join(folder, f"seed-{k}"), "wb") as handle:
            handle.write(page)


def main() -> None:
    os.environ.setdefault("DETENTE_DOC_TIMEOUT", "10")
    args = list(sys.argv)
    for folder in [a for a in args[1:] if not a.startswith("-")]:
        seed(folder)
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
