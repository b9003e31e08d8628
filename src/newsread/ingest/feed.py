"""Read RSS 0.9x/1.0/2.0 and Atom feeds into articles.

Well-formed RSS 2.0 and Atom 1.0 documents go through a fast lxml reader
(`newsread.ingest.feed_fast`); everything else, and anything the fast reader
is unsure of, goes through feedparser, which copes with broken feeds and
sanitises their HTML. Both produce the same `RawFeed` values, converted by
one function, so the path taken never shows in the articles.
"""

from __future__ import annotations

import io
import re
import time
from calendar import timegm
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

import feedparser

from newsread.errors import SourceError
from newsread.ingest.feed_entry import (
    RawEntry,
    RawFeed,
    RawText,
    entry_to_article,
    feed_link,
    feed_title,
)
from newsread.ingest.feed_fast import read_fast
from newsread.ingest.formats import Format, detect_format
from newsread.model import ParsedArticle

_CHARACTER_REFERENCE: Final = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_NO_CHARACTER: Final = b"&#xFFFD;"
_HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_FOUND: Final = {
    Format.HTML: "found an HTML page",
    Format.OPML: "found an OPML subscription list",
    Format.MARKDOWN: "found Markdown text",
    Format.TEXT: "found plain text",
}


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title, its site link and its entries as articles."""

    title: str
    """The feed's title ("" if none)."""
    link: str
    """The site's link ("" if none)."""
    articles: list[ParsedArticle]


def parse_feed(data: bytes, *, url: str = "") -> ParsedFeed:
    """Parse an RSS or Atom document; `url` is where it came from (resolves relative links).

    Raises `SourceError` with a one-line reason when the document is not a
    feed or is too broken to yield any entry. Entity declarations are never
    expanded and nothing outside `data` is ever read.
    """
    raw = read_fast(data)
    if raw is None:
        raw = read_with_feedparser(data, url=url)
    return ParsedFeed(
        title=feed_title(raw),
        link=feed_link(raw, url),
        articles=[entry_to_article(entry, feed_url=url) for entry in raw.entries],
    )


def read_with_feedparser(data: bytes, *, url: str = "") -> RawFeed:
    """Read any feed with feedparser; `SourceError` when it is not one."""
    data = _CHARACTER_REFERENCE.sub(_possible_character, data)
    try:
        # A stream, never bytes: feedparser would open bytes naming an existing file.
        result: Any = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    except (ValueError, OverflowError, LookupError, RecursionError, MemoryError) as error:
        # feedparser flags most broken input (bozo) but raises on some; that is a broken feed.
        reason = _one_line(f"{type(error).__name__}: {error}")
        raise SourceError(
            f"{_name(url)} is a feed the feed parser cannot read: {reason}"
        ) from error
    entries = result.get("entries") or []
    version = result.get("version") or ""
    if not version and not entries:
        raise SourceError(f"{_name(url)} is not an RSS or Atom feed ({_found(data)})")
    if not entries and result.get("bozo"):
        reason = _one_line(str(result.get("bozo_exception") or "malformed XML"))
        raise SourceError(f"{_name(url)} is a broken feed with no readable entries: {reason}")
    feed: Mapping[str, Any] = result.get("feed") or {}
    return RawFeed(
        title=_text(feed.get("title_detail"), feed.get("title")),
        link=str(feed.get("link") or ""),
        entries=tuple(_entry(entry) for entry in entries),
    )


def _possible_character(match: re.Match[bytes]) -> bytes:
    """A character reference as written, or U+FFFD's when it names no character.

    feedparser raises on references to surrogates or past U+10FFFF instead of flagging them.
    """
    hexadecimal, decimal = match.groups()
    digits = (hexadecimal if hexadecimal is not None else decimal).lstrip(b"0") or b"0"
    if len(digits) > 8:
        return _NO_CHARACTER
    number = int(digits, 16) if hexadecimal is not None else int(digits)
    if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return _NO_CHARACTER
    return match.group()


def _entry(entry: Mapping[str, Any]) -> RawEntry:
    contents = entry.get("content") or []
    content = RawText()
    for candidate in contents:
        text = _text(candidate, candidate.get("value"))
        if text.value.strip():
            content = text
            break
    guid = str(entry.get("id") or "")
    link = str(entry.get("link") or "")
    return RawEntry(
        title=_text(entry.get("title_detail"), entry.get("title")),
        link=link,
        link_is_guid=bool(entry.get("guidislink")) and link == guid,
        guid=guid,
        author=_author(entry),
        content=content,
        summary=_text(entry.get("summary_detail"), entry.get("summary")),
        published=_moment(entry.get("published_parsed") or entry.get("updated_parsed")),
    )


def _text(detail: Mapping[str, Any] | None, value: Any) -> RawText:
    if not value:
        return RawText()
    kind = str((detail or {}).get("type") or "text/plain").lower()
    return RawText(str(value), kind in _HTML_TYPES)


def _author(entry: Mapping[str, Any]) -> str:
    detail = entry.get("author_detail") or {}
    return str(detail.get("name") or entry.get("author") or "")


def _moment(parsed: time.struct_time | None) -> datetime | None:
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(timegm(parsed), UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _name(url: str) -> str:
    return url or "the document"


def _found(data: bytes) -> str:
    if not data.strip():
        return "found an empty document"
    kind = detect_format(data)
    if kind is None:
        return "found binary data" if b"\x00" in data[:4096] else "found no feed in it"
    return _FOUND.get(kind, "found XML that is not a feed")


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]
