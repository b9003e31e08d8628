"""Tell what kind of document some bytes are: text, Markdown, HTML, a feed or OPML.

Content decides first (an XML root of `rss`, `feed` or `rdf:RDF` is a feed
whatever the file is called), then the file extension, then the HTTP
content type. Binary data is nothing newsread reads.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Final

from newsread.ingest.decoding import bom_encoding, utf16_without_bom


class Format(StrEnum):
    """The document formats newsread reads."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    FEED = "feed"
    OPML = "opml"


SNIFF_BYTES: Final = 4096
"""How much of the start of a document is looked at."""

_EXTENSIONS: Final = {
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".rdf": Format.FEED,
    ".opml": Format.OPML,
}
_CONTENT_TYPES: Final = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
    "application/xml": Format.FEED,
    "text/xml": Format.FEED,
    "application/feed+xml": Format.FEED,
    "text/x-opml": Format.OPML,
    "text/x-opml+xml": Format.OPML,
    "application/x-opml": Format.OPML,
    "text/markdown": Format.MARKDOWN,
    "text/x-markdown": Format.MARKDOWN,
    "text/plain": Format.TEXT,
}
_FEED_ROOTS: Final = frozenset({"rss", "feed", "rdf", "channel"})

_PROLOG_ITEM: Final = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype\s[^>\[]*(?:\[.*?\])?\s*>)", re.IGNORECASE | re.DOTALL
)
_ROOT_TAG: Final = re.compile(r"<([A-Za-z_][\w.:-]*)")
_HTML_DOCTYPE: Final = re.compile(r"\s*<!doctype\s+html", re.IGNORECASE)
_HTML_START_TAGS: Final = frozenset({"html", "head", "body"})
_BINARY_MAGIC: Final = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x00",
)
_CONTROL_BYTES: Final = frozenset(set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x20)))
_MAX_CONTROL_SHARE: Final = 0.10


def detect_format(data: bytes, *, name: str = "", content_type: str = "") -> Format | None:
    """The format of `data`, by content, then by `name`'s extension, then `content_type`.

    None when the data is binary (NUL bytes or control bytes, a known binary
    signature) or when nothing identifies it.
    """
    head = _text_head(data)
    if head is None:
        return None
    sniffed = _sniff(head)
    if sniffed is not None:
        return sniffed
    by_name = _EXTENSIONS.get(PurePosixPath(name.lower()).suffix) if name else None
    if by_name is not None:
        return by_name
    media_type = content_type.split(";", 1)[0].strip().lower()
    return _CONTENT_TYPES.get(media_type)


def _text_head(data: bytes) -> str | None:
    """The start of `data` as text, or None when it is binary."""
    head = data[:SNIFF_BYTES]
    marked = bom_encoding(head)
    if marked is not None:
        encoding, length = marked
        return head[length:].decode(encoding, errors="ignore")
    utf16 = utf16_without_bom(head)
    if utf16 is not None:
        return head.decode(utf16, errors="ignore")
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return None
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        return None
    # A multi-byte character may be cut at the end of the sample.
    return head.decode("utf-8", errors="ignore")


def _sniff(head: str) -> Format | None:
    if _HTML_DOCTYPE.match(head):
        return Format.HTML
    position = 0
    while True:
        item = _PROLOG_ITEM.match(head, position)
        if item is None or item.end() == position:
            break
        position = item.end()
    root = _ROOT_TAG.match(head[position:].lstrip())
    if root is None:
        return None
    local_name = root.group(1).rsplit(":", 1)[-1].lower()
    if local_name in _FEED_ROOTS:
        return Format.FEED
    if local_name == "opml":
        return Format.OPML
    if local_name in _HTML_START_TAGS:
        return Format.HTML
    return None
