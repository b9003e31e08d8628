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
    """The name shown: the one config.toml gives it, else the source's own."""
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
    own_title: str = ""
    """The source's own title when config.toml shows another in `title`; "" otherwise."""


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """One entity of the library's index: who or what, and how much the library mentions it."""

    key: str
    """Identity shared by every mention (`elon musk` for `Musk` and `Elon Musk`)."""
    name: str
    """The most common way articles write it (`Nvidia`)."""
    label: str
    """One of the name labels of `ENTITY_LABELS` (the label of that most common form)."""
    articles: int
    """How many articles mention it (0 for a watched name no article mentions yet)."""
    mentions: int
    """How many times, counting every mention in every article's title and body."""


@dataclass(frozen=True, slots=True)
class ArticleEntity:
    """One entity of one article, with how often the article mentions it."""

    key: str
    name: str
    """The most common way this article writes it."""
    label: str
    mentions: int
    """Mentions in the article's title and body."""


@dataclass(frozen=True, slots=True)
class RelatedArticle:
    """An article sharing distinctive entities with another, and why it is related."""

    article: ArticleSummary
    score: float
    """The summed weight of the shared entities (rarer names weigh more); higher is closer."""
    shared: tuple[str, ...]
    """Names of the shared entities, most distinctive first."""


@dataclass(frozen=True, slots=True)
class ReadingStats:
    """Length and entity counts of one article, for the meta line and the list."""

    words: int
    minutes: int
    """Reading time at 230 words a minute, at least 1."""
    entities: tuple[tuple[str, int], ...]
    """`(label, distinct entities)` for each label present, in `ENTITY_LABELS` order."""
    tagged: bool
    """False while the article waits for its entities (then `entities` is empty)."""
