"""INTERFACE STUB — the library helper replaces the bodies; signatures are the contract."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from newsread.library.views import ArticleView, ViewQuery
from newsread.model import (
    Article,
    ArticleSummary,
    Entity,
    LibraryCounts,
    ParsedArticle,
    Source,
)


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one ingest of a source changed."""

    new: int
    updated: int
    unchanged: int


class Library:
    """The SQLite article store. Every method commits before it returns."""

    @classmethod
    def open(cls, path: Path) -> Library:
        """Open (creating and migrating as needed) the database at `path`."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def is_empty(self) -> bool:
        """True when the library holds no article at all."""
        raise NotImplementedError

    def add_sample_articles(self) -> int:
        """Ingest the bundled seeds if the library is empty; return how many articles were added."""
        raise NotImplementedError

    def ingest(self, source: Source, articles: Sequence[ParsedArticle]) -> IngestResult:
        """Store a source's parsed articles (IDs, entities, search index) in one transaction."""
        raise NotImplementedError

    def view(self, query: ViewQuery) -> ArticleView:
        """Snapshot the ordered rows matching `query`, newest first."""
        raise NotImplementedError

    def summaries(self, rowids: Sequence[int]) -> list[ArticleSummary]:
        """The list rows for `rowids`, in the same order (missing rows are skipped)."""
        raise NotImplementedError

    def list_articles(self, query: ViewQuery) -> list[ArticleSummary]:
        """Every row matching `query`, newest first (for the CLI)."""
        raise NotImplementedError

    def resolve_id(self, id_or_prefix: str) -> str:
        """The full ID for an ID or a unique prefix of one; `ArticleNotFound` otherwise."""
        raise NotImplementedError

    def get(self, article_id: str) -> Article:
        """The whole article; `ArticleNotFound` if there is none with that ID."""
        raise NotImplementedError

    def entities(self, article_id: str) -> list[Entity]:
        """The entities of the article's body, sorted by offset."""
        raise NotImplementedError

    def set_read(self, article_ids: Iterable[str], read: bool) -> int:
        """Mark articles read or unread; return how many changed."""
        raise NotImplementedError

    def set_read_in_view(self, view: ArticleView, read: bool = True) -> int:
        """Mark every article of a view read (or unread) in one transaction."""
        raise NotImplementedError

    def set_bookmarked(self, article_ids: Iterable[str], bookmarked: bool) -> int:
        """Bookmark or unbookmark articles; return how many changed."""
        raise NotImplementedError

    def next_unread(self, view: ArticleView, index: int, step: int) -> int | None:
        """The position of the nearest unread article after `index` (step 1) or before (step -1)."""
        raise NotImplementedError

    def counts(self) -> LibraryCounts:
        """Total, unread and bookmarked article counts, from indexed queries."""
        raise NotImplementedError
