"""Plain values that flow between ingest, the library, rendering and the faces.

Everything here is a frozen dataclass with no I/O, so any layer can create,
compare and pass these around freely.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

ENTITY_LABELS: Final[tuple[str, ...]] = (
    "PERSON",
    "ORG",
    "PLACE",
    "PRODUCT",
    "EVENT",
    "MISC",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "DATE",
)
"""Every label `Entity.label` can carry, in legend order."""


@dataclass(frozen=True, slots=True)
class Entity:
    """A recognised span of text: `text == source[start:end]`."""

    start: int
    """Offset of the first character, into the text it was extracted from."""
    end: int
    """Offset one past the last character."""
    label: str
    """One of `ENTITY_LABELS`."""
    text: str
    """The covered text, exactly as it appears in the source."""
    key: str = ""
    """Identity within the article: mentions of one thing share it (`elon musk` for `Musk`)."""


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article as a parser produced it, before the library gives it an ID."""

    title: str
    """The headline, one line, no markup."""
    body: str
    """The article text as Markdown (paragraphs, `##` subheadings, lists, links)."""
    key: str
    """What identifies this article within its source (guid, link or headline)."""
    section: str = ""
    """The section label above the headline (`News`), if any."""
    deck: str = ""
    """The one-sentence standfirst under the headline, if any."""
    url: str = ""
    """Link to the article on the web, if known."""
    author: str = ""
    """Byline, if known."""
    published: str | None = None
    """Publication time as ISO 8601 (UTC), if known."""


class SourceKind(StrEnum):
    """Where a source's articles come from."""

    SAMPLE = "sample"
    FILE = "file"
    FOLDER = "folder"
    FEED = "feed"


@dataclass(frozen=True, slots=True)
class Source:
    """A place articles come from: the bundled samples, a file, a folder or a feed."""

    key: str
    """Stable identity: a URL, an absolute path, or `sample:NAME` for bundled seeds."""
    kind: SourceKind
    title: str
    """What the user sees as the article's source."""


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article: what the article view and `newsread show` display."""

    id: str
    """Short stable hex ID (same article, same ID across restarts and re-ingests)."""
    title: str
    body: str
    source: str
    """The source's title."""
    section: str = ""
    deck: str = ""
    url: str = ""
    author: str = ""
    published: str | None = None
    read: bool = False
    bookmarked: bool = False


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list: everything the sidebar and `newsread list` show."""

    id: str
    title: str
    source: str
    published: str | None
    url: str
    read: bool
    bookmarked: bool


@dataclass(frozen=True, slots=True)
class ArticleState:
    """The user's own marks on an article: what must never be lost."""

    read: bool = False
    bookmarked: bool = False


@dataclass(frozen=True, slots=True)
class LibraryCounts:
    """Totals for the header and status lines."""

    total: int
    unread: int
    bookmarked: int


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One subscribed source as `newsread sources` and the sidebar's source groups show it."""

    key: str
    """Stable identity: the feed URL, the absolute path, or `sample:NAME`."""
    kind: SourceKind
    title: str
    folder: tuple[str, ...] = ()
    """The folders the user filed it under (from OPML), outermost first."""
    url: str = ""
    """The source's own web page (a feed's site link), if known."""
    articles: int = 0
    unread: int = 0
    last_refresh: str | None = None
    """When it was last refreshed (ISO 8601 UTC), successfully or not."""
    last_error: str | None = None
    """The one-line error of the last refresh, None when it succeeded."""
