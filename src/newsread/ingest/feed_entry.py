"""Feed entries as both feed readers see them, and their conversion into articles.

The feedparser path and the fast path each produce `RawFeed` values; one
conversion (`entry_to_article`) turns them into `ParsedArticle`s, so both
paths give identical articles for the same document.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from newsread.ingest.dates import iso_utc, sane
from newsread.ingest.fields import (
    BODY_MAX_CHARS,
    clean_author,
    clean_body,
    clean_line,
    clean_title,
)
from newsread.ingest.html import html_to_markdown, html_to_text
from newsread.ingest.html_blocks import safe_link
from newsread.ingest.markdown_escape import escape_paragraph
from newsread.ingest.text_lines import is_deck
from newsread.model import ParsedArticle
from newsread.textsafe import one_line, strip_controls

UNTITLED: Final = "Untitled"
KEY_HASH_CHARS: Final = 16
DECK_MAX_CHARS: Final = 250
_TEASER_ENDINGS: Final = re.compile(
    r"\s*(?:\[(?:…|\.\.\.)\]|…|\.\.\.|\[more\]|read more)\s*$", re.I
)


@dataclass(frozen=True, slots=True)
class RawText:
    """A text field of a feed as found: plain text or HTML."""

    value: str = ""
    is_html: bool = False


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One feed entry's fields, before cleaning."""

    title: RawText
    link: str
    """The entry's link as written (may be relative), or a permalink guid."""
    link_is_guid: bool
    """Whether `link` was taken from a permalink guid (then only an absolute URL counts)."""
    guid: str
    author: str
    content: RawText
    """The full content, when the feed carries it."""
    summary: RawText
    published: datetime | None
    """The published date, else the updated date."""


@dataclass(frozen=True, slots=True)
class RawFeed:
    """A feed's own title and link and its entries."""

    title: RawText
    link: str
    entries: tuple[RawEntry, ...]


def plain_text(text: RawText) -> str:
    """The field as one line of plain text."""
    return html_to_text(text.value) if text.is_html else one_line(text.value)


def feed_title(feed: RawFeed) -> str:
    """The feed's title as one clean line."""
    return clean_title(plain_text(feed.title))


def feed_link(feed: RawFeed, url: str) -> str:
    """The feed's site link, absolute; "" when it is not http(s)."""
    link = safe_link(feed.link, url)
    return "" if link.startswith("mailto:") else link


def entry_to_article(entry: RawEntry, *, feed_url: str) -> ParsedArticle:
    """Clean one entry into an article: title, Markdown body, deck, link, date, key."""
    published_at = sane(entry.published)
    published = iso_utc(published_at) if published_at is not None else None
    url = _entry_url(entry, feed_url)
    base_url = url or feed_url
    main = entry.content if entry.content.value.strip() else entry.summary
    body = _clean_body(_markdown(main, base_url))
    title = clean_title(plain_text(entry.title))
    if not title:
        title = f"{UNTITLED} ({published[:10]})" if published else UNTITLED
    deck = _deck(entry, body) if main is entry.content else ""
    return ParsedArticle(
        title=title,
        body=body,
        key=_key(entry, title, published),
        deck=deck,
        url=url,
        author=clean_author(entry.author),
        published=published,
    )


def _entry_url(entry: RawEntry, feed_url: str) -> str:
    link = entry.link.strip()
    if not link:
        return ""
    url = safe_link(link, "" if entry.link_is_guid else feed_url)
    return "" if url.startswith("mailto:") else url


def _markdown(text: RawText, base_url: str) -> str:
    if text.is_html:
        return html_to_markdown(text.value, base_url=base_url)
    paragraphs = re.split(r"\n[ \t]*\n", strip_controls(text.value))
    return "\n\n".join(
        escape_paragraph(" ".join(paragraph.split()))
        for paragraph in paragraphs
        if paragraph.strip()
    )


def _clean_body(markdown: str) -> str:
    """`clean_body(markdown)` for Markdown that `_markdown` made: it has no control
    characters left, so the scan for them (a good part of an entry's cost) is skipped."""
    if len(markdown) <= BODY_MAX_CHARS:
        return markdown.strip("\n")
    return clean_body(markdown)


def _deck(entry: RawEntry, body: str) -> str:
    """The summary as a standfirst: one short sentence that is not the body's opening."""
    summary = plain_text(entry.summary)
    if not summary or len(summary) > DECK_MAX_CHARS or not is_deck(summary):
        return ""
    opening = _TEASER_ENDINGS.sub("", summary).rstrip(".!?… ")
    # Near enough to the body's text for spotting a teaser: drop escapes and emphasis marks.
    body_start = body[: 2 * len(summary) + 200].replace("\\", "").replace("*", "")
    if not opening or opening in " ".join(body_start.split()):
        return ""
    return clean_line(summary, DECK_MAX_CHARS)


def _key(entry: RawEntry, title: str, published: str | None) -> str:
    guid = one_line(entry.guid)
    if guid:
        return guid
    link = one_line(entry.link)
    if link:
        return link
    digest = hashlib.sha256(f"{title}\n{published or ''}".encode()).hexdigest()
    return digest[:KEY_HASH_CHARS]
