"""Bytes -> text: binary and compressed input detection, charset decoding, page kind sniffing."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

# Magic numbers of formats that are never a news page (checked before any parsing).
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 media"),
    (b"\x00\x00\x00\x20ftyp", "MP4 media"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"wOFF", "web font"),
)

MIN_TEXT_CHARS = 10  # fewer letters than this is not a page (a 9-byte file, whitespace)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|article)[\s>]", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def detect_binary(data: bytes) -> str | None:
    """Name of the binary format of ``data``, or None when it may be text."""
    head = data[:64]
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = data[:8192]
    if not sample:
        return None
    if _looks_utf16(sample):  # UTF-16 without BOM has NULs on every other byte: leave it to the decoder
        return None
    nul = sample.count(0)
    if nul and nul / len(sample) > 0.3:
        return "binary data (NUL bytes)"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls / len(sample) > 0.1:
        return "binary data (control bytes)"
    return None


def _looks_utf16(sample: bytes) -> bool:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(even, odd) > 0.4 * half and min(even, odd) < 0.05 * half


def decode(data: bytes) -> tuple[str, str]:
    """Decode page bytes to text, returning ``(text, encoding)``.

    Order: byte-order mark, an HTML ``<meta charset>``, strict UTF-8, then charset detection.
    NUL and bidi-override characters are removed. Raises InputError when nothing decodes.
    """
    binary = detect_binary(data)
    if binary:
        raise InputError("not a text page", binary)
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, encoding = data.decode(name, errors="replace"), name
            break
    if text is None and _looks_utf16(data[:4096]) and data.count(0):
        name = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        text, encoding = data.decode(name, errors="replace"), name
    if text is None:
        match = _META_CHARSET.search(data[:4096])
        if match:
            name = match.group(1).decode("ascii", "ignore").lower()
            try:
                codecs.lookup(name)
                text, encoding = data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                text = None
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            best = from_bytes(data[:200_000]).best()
            if best is None or best.encoding is None:
                raise InputError("undecodable text", "no character encoding fits the bytes") from None
            encoding = best.encoding
            text = data.decode(encoding, errors="replace")
            if text.count("\ufffd") > max(10, len(text) // 100):
                raise InputError("undecodable text", f"too many invalid bytes for {encoding}") from None
    text = _CONTROL.sub("", text).lstrip("\ufeff")
    letters = sum(map(str.isalpha, text[:100_000]))
    if letters < MIN_TEXT_CHARS:
        raise InputError("empty page", f"only {letters} letters of text")
    return text, encoding


def sniff_kind(text: str, path: str = "") -> str:
    """``"html"`` or ``"text"`` from the file name and the first bytes of content."""
    lower = path.lower()
    if lower.endswith((".html", ".htm", ".xhtml", ".shtml")):
        return "html" if _HTML_SNIFF.search(text[:20_000]) or "<" in text[:2000] else "text"
    if lower.endswith((".txt", ".text", ".md")):
        return "text"
    return "html" if _HTML_SNIFF.search(text[:20_000]) else "text"
