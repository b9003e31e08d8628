"""The model's values that the reader's first frame does not need, loaded on first use.

Creating a frozen dataclass costs a millisecond or two, so these live apart
from `newsread.model` and load when something first asks for them. Import them
from `newsread.model` as usual: it hands over each name from here on demand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsread.model import SourceKind

if TYPE_CHECKING:
    from newsread.model import ArticleSummary


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


@dataclass(frozen=True, slots=True)
class Source:
    """A place articles come from: the bundled samples, a file, a folder or a feed."""

    key: str
    """Stable identity: a URL, an absolute path, or `sample:NAME` for bundled seeds."""
    kind: SourceKind
    title: str
    """What the user sees as the article's source."""


@dataclass(frozen=True, slots=True)
class ArticleState:
    """The user's own marks on an article: what must never be lost."""

    read: bool = False
    bookmarked: bool = False


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
