"""Bytes to text for files and pages whose encoding is unknown or mislabelled.

Decoding never fails: a declared charset is tried strictly, and text that
does not fit it falls back to UTF-8 when valid, else Windows-1252 (what
browsers do with Latin-1 labels too), replacing the few bytes it leaves
undefined.
"""

from __future__ import annotations

import codecs
from typing import Final

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_WESTERN_ALIASES: Final = frozenset(
    {"ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "cp819"}
)
"""Labels that in practice mean Windows-1252 (browsers treat them so)."""


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding named by a byte-order mark and the mark's length, if there is one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def normalize_charset(label: str) -> str | None:
    """The Python codec for a charset label, or None when Python does not know it."""
    label = label.strip().strip("\"'").lower()
    if not label:
        return None
    if label in _WESTERN_ALIASES:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`-be` when text looks like UTF-16 with no mark (ASCII with NUL halves)."""
    sample = data[:200]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.6 and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > half * 0.6 and odd_nuls == 0:
        return "utf-16-be"
    return None


def try_decode(data: bytes, encoding: str) -> str | None:
    """`data` decoded strictly with `encoding`, or None when it does not fit."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def guess_decode(data: bytes) -> str:
    """UTF-8 when valid, else Windows-1252 with undefined bytes replaced; never raises."""
    text = try_decode(data, "utf-8")
    if text is not None:
        return text
    return data.decode("cp1252", errors="replace")


def decode_text(data: bytes, *, declared: str = "") -> str:
    """Decode a document: byte-order mark, then the `declared` charset, then a guess."""
    marked = bom_encoding(data)
    if marked is not None:
        encoding, length = marked
        return data[length:].decode(encoding, errors="replace")
    codec = normalize_charset(declared) if declared else None
    if codec is not None:
        text = try_decode(data, codec)
        if text is not None:
            return text
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    return guess_decode(data)
