"""Plain values that flow between ingest, the library, rendering and the faces.

Everything here is a frozen dataclass with no I/O, so any layer can create,
compare and pass these around freely. The values the reader's first frame does
not need live in `newsread.model_extra` and load on first use; import them from
here all the same (`from newsread.model import SourceInfo`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from newsread.lazy_names import load_on_first_use

if TYPE_CHECKING:
    from newsread.model_extra import ArticleEntity as ArticleEntity
    from newsread.model_extra import ArticleState as ArticleState
    from newsread.model_extra import EntityInfo as EntityInfo
    from newsread.model_extra import ParsedArticle as ParsedArticle
    from newsread.model_extra import ReadingStats as ReadingStats
    from newsread.model_extra import RelatedArticle as RelatedArticle
    from newsread.model_extra import Source as Source
    from newsread.model_extra import SourceInfo as SourceInfo

_ON_FIRST_USE: Final = {
    "ArticleEntity": "newsread.model_extra",
    "ArticleState": "newsread.model_extra",
    "EntityInfo": "newsread.model_extra",
    "ParsedArticle": "newsread.model_extra",
    "ReadingStats": "newsread.model_extra",
    "RelatedArticle": "newsread.model_extra",
    "Source": "newsread.model_extra",
    "SourceInfo": "newsread.model_extra",
}
"""The names `newsread.model_extra` defines, handed over when first asked for."""


def __getattr__(name: str) -> Any:
    """Import the module defining `name` on first use (see `_ON_FIRST_USE`)."""
    return load_on_first_use(globals(), _ON_FIRST_USE, name)


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


class SourceKind(StrEnum):
    """Where a source's articles come from."""

    SAMPLE = "sample"
    FILE = "file"
    FOLDER = "folder"
    FEED = "feed"


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
class LibraryCounts:
    """Totals for the header and status lines."""

    total: int
    unread: int
    bookmarked: int
