"""Reading inputs: binary detection, decoding, size caps, folder walking, JSONL units."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import iter_documents
from detente.ingest.decode import decode, detect_binary, sniff_kind
from detente.models import RawDocument, Skip

PAGE = "<html><head><title>T</title></head><body><p>Officials met in Geneva today.</p></body></html>"


def test_png_renamed_html_is_binary() -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    assert detect_binary(data) == "PNG image"
    with pytest.raises(InputError, match="not a text page"):
        decode(data)


def test_gzip_is_detected_before_extraction() -> None:
    import gzip

    assert detect_binary(gzip.compress(PAGE.encode())) == "gzip-compressed data"


def test_utf8_and_nul_stripping() -> None:
    text, enc = decode("Ministers met in Zürich on Monday.\x00".encode())
    assert enc == "utf-8"
    assert "\x00" not in text and "Zürich" in text


def test_invalid_utf8_falls_back_to_detection() -> None:
    raw = "Les ministres se sont réunis à Genève hier soir pour négocier.".encode("latin-1")
    text, enc = decode(raw)
    assert "Genève" in text
    assert enc != "utf-8"


def test_utf16_with_bom() -> None:
    text, _ = decode("\ufeffThe delegations met in Vienna.".encode("utf-16"))
    assert text.strip().startswith("The delegations")


def test_meta_charset_is_honoured() -> None:
    html = (
        '<html><head><meta charset="windows-1251"></head>'
        "<body><p>Москва заявила о переговорах.</p></body></html>"
    )
    text, enc = decode(html.encode("windows-1251"))
    assert "Москва" in text and enc == "windows-1251"


def test_tiny_text_is_empty_page() -> None:
    with pytest.raises(InputError, match="empty page"):
        decode(b"   ok  \n")


def test_sniff_kind() -> None:
    assert sniff_kind(PAGE, "a.html") == "html"
    assert sniff_kind(PAGE, "a.bin") == "html"
    assert sniff_kind("Plain text dump\n\nSecond paragraph.", "a.txt") == "text"


def test_walk_records_skips_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.html").write_text(PAGE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    (tmp_path / "loop").symlink_to(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    items = list(iter_documents([str(tmp_path)], max_bytes=1000))
    docs = [i for i in items if isinstance(i, RawDocument)]
    skips = {Path(i.path).name: i.reason for i in items if isinstance(i, Skip)}
    assert [Path(d.path).name for d in docs] == ["good.html"]
    assert skips["empty.txt"] == "empty file"
    assert skips["big.txt"] == "too large"
    assert skips["pipe"] == "not a regular file"
    assert skips["loop"] == "symlink loop"


def test_missing_path_is_a_skip(tmp_path: Path) -> None:
    items = list(iter_documents([str(tmp_path / "nope")], max_bytes=1000))
    assert isinstance(items[0], Skip) and items[0].reason == "no such file or folder"


def test_jsonl_units(tmp_path: Path) -> None:
    f = tmp_path / "u.jsonl"
    f.write_text('{"id": "a", "text": "Iran met Iraq.", "date": "2014-01-02"}\nnot json\n{"id": 3}\n')
    items = list(iter_documents([str(f)], max_bytes=10_000))
    assert (
        isinstance(items[0], RawDocument) and items[0].unit_id == "a" and items[0].date_hint == "2014-01-02"
    )
    assert isinstance(items[1], Skip) and items[1].reason == "malformed JSON" and "line=2" in items[1].path
    assert isinstance(items[2], Skip) and items[2].reason == "not a unit"


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "ok.txt").write_text("Ministers met in Vienna on Monday to discuss the crisis.")
    items = list(iter_documents([str(tmp_path)], max_bytes=20_000_000))
    skips = {Path(i.path).name: (i.reason, i.detail) for i in items if isinstance(i, Skip)}
    assert skips["huge.html"][0] == "too large" and "52,428,800 bytes" in skips["huge.html"][1]
    assert [Path(i.path).name for i in items if isinstance(i, RawDocument)] == ["ok.txt"]
