"""The article library: one SQLite database behind a small, typed interface.

`Library` is what the TUI and the CLI call; it owns the connection and the
transactions and delegates the SQL to `queries`, `state` and `ingesting`.
Every method that changes something commits before it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

from newsread.library import migrations, preferences, queries, sources, state, tagging
from newsread.library.connection import Database
from newsread.library.ingesting import IngestResult, ingest_articles
from newsread.library.sources import FeedValidators, RemovedSource
from newsread.library.state import Flag
from newsread.library.views import ArticleView, ViewQuery
from newsread.model import (
    Article,
    ArticleSummary,
    Entity,
    LibraryCounts,
    ParsedArticle,
    Source,
    SourceInfo,
    SourceKind,
)
from newsread.seeds import seed_files

__all__ = ["FeedValidators", "IngestResult", "Library", "RemovedSource"]

SAMPLE_SOURCE_TITLE = "Samples"


class Library:
    """The SQLite article store. Every method commits before it returns.

    Safe to share between threads (the TUI calls it from workers); every error
    reaches callers as a one-line `LibraryError`.
    """

    entities_version = tagging.ENTITIES_VERSION
    """The entity extractor version stored articles are tagged with (see `tagging`)."""

    def __init__(self, database: Database) -> None:
        """Wrap an open, migrated database; use `Library.open` instead."""
        self._database = database

    @classmethod
    def open(cls, path: Path) -> Library:
        """Open (creating and migrating as needed) the database at `path`."""
        database = Database.connect(path)
        try:
            # Check the version before WAL mode rewrites the header of a file we must not touch.
            migrations.check_compatible(database)
            database.enable_wal()
            migrations.migrate(database)
        except BaseException:
            database.close()
            raise
        return cls(database)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._database.path

    def close(self) -> None:
        """Close the connection."""
        self._database.close()

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
        with self._database.reading() as conn:
            return conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def add_sample_articles(self) -> int:
        """Ingest the bundled seeds if the library is empty; return how many articles were added."""
        if not self.is_empty():
            return 0
        # Imported here so opening a library never loads the parsers.
        from newsread.ingest.text import parse_text_file

        added = 0
        for path in seed_files():
            source = Source(
                key=f"sample:{path.name}", kind=SourceKind.SAMPLE, title=SAMPLE_SOURCE_TITLE
            )
            added += self.ingest(source, parse_text_file(path)).new
        return added

    def ingest(
        self,
        source: Source,
        articles: Sequence[ParsedArticle],
        *,
        extract_entities: bool = True,
    ) -> IngestResult:
        """Store a source's parsed articles (IDs, entities, search index) in one transaction.

        With `extract_entities` False the articles are stored untagged, which is
        much faster; `tag_pending` (or `entities`, on demand) tags them later.
        """
        return ingest_articles(self._database, source, articles, extract_entities=extract_entities)

    def untagged_count(self) -> int:
        """How many articles still wait for their entities."""
        return tagging.untagged_count(self._database)

    def tag_pending(self, limit: int = 200) -> int:
        """Compute and store entities for up to `limit` untagged articles; return how many."""
        return tagging.tag_pending(self._database, limit)

    def add_source(self, source: Source, *, url: str = "", folder: Sequence[str] = ()) -> None:
        """Subscribe to `source` (or update it, bringing it back if it was removed).

        `url` is the source's own web page; `folder` the folders it is filed under.
        """
        with self._database.writing() as conn:
            sources.register(conn, source, url=url, folder=folder)

    def sources(self) -> list[SourceInfo]:
        """Every subscribed source with article and unread counts, oldest subscription first."""
        with self._database.reading() as conn:
            return sources.infos(conn)

    def source(self, key: str) -> SourceInfo:
        """The subscribed source with exactly this key; `SourceError` if none."""
        with self._database.reading() as conn:
            return sources.info(conn, key)

    def find_source(self, text: str) -> SourceInfo:
        """The source meant by `text`: key, URL, path, title or unique title prefix.

        `SourceError` (one line) when nothing or more than one source matches.
        """
        with self._database.reading() as conn:
            return sources.find(conn, text)

    def remove_source(self, key: str) -> RemovedSource:
        """Unsubscribe: delete the source and its articles, keeping bookmarked ones."""
        with self._database.writing() as conn:
            return sources.remove(conn, key)

    def feed_validators(self, key: str) -> FeedValidators:
        """The ETag / Last-Modified stored from a feed's last successful fetch."""
        with self._database.reading() as conn:
            return sources.validators(conn, key)

    def record_refresh(
        self, key: str, *, error: str | None, validators: FeedValidators | None = None
    ) -> None:
        """Record a refresh of `key`: now, its error (None on success), new validators if any."""
        with self._database.writing() as conn:
            sources.record_refresh(conn, key, error=error, validators=validators)

    def prune(self, source_key: str, max_items: int | None, max_age_days: int | None) -> int:
        """Delete a source's articles past the newest `max_items` or older than `max_age_days`.

        Bookmarked articles are never deleted; None means no limit. Returns how
        many articles were deleted.
        """
        if max_items is None and max_age_days is None:
            return 0
        with self._database.writing() as conn:
            return sources.prune(conn, source_key, max_items=max_items, max_age_days=max_age_days)

    def view(self, query: ViewQuery) -> ArticleView:
        """Snapshot the ordered rows matching `query`, newest first."""
        with self._database.reading() as conn:
            return ArticleView(query=query, rowids=queries.view_rowids(conn, query))

    def summaries(self, rowids: Sequence[int]) -> list[ArticleSummary]:
        """The list rows for `rowids`, in the same order (missing rows are skipped)."""
        with self._database.reading() as conn:
            return queries.summaries(conn, rowids)

    def list_articles(self, query: ViewQuery) -> list[ArticleSummary]:
        """Every row matching `query`, newest first (for the CLI)."""
        with self._database.reading() as conn:
            return queries.summaries(conn, queries.view_rowids(conn, query))

    def resolve_id(self, id_or_prefix: str) -> str:
        """The full ID for an ID or a unique prefix of one; `ArticleNotFound` otherwise.

        Case and surrounding whitespace are ignored; a prefix needs at least
        four hex digits.
        """
        with self._database.reading() as conn:
            return queries.resolve_id(conn, id_or_prefix)

    def get(self, article_id: str) -> Article:
        """The whole article; `ArticleNotFound` if there is none with that ID."""
        with self._database.reading() as conn:
            return queries.article(conn, article_id)

    def entities(self, article_id: str) -> list[Entity]:
        """The entities of the article's body, sorted by offset.

        An article stored untagged is tagged now (and stored), so a caller never
        sees an article without its entities.
        """
        return tagging.ensure_entities(self._database, article_id)

    def set_read(self, article_ids: Iterable[str], read: bool) -> int:
        """Mark articles read or unread; return how many changed.

        Unknown IDs raise `ArticleNotFound` before anything is written.
        """
        return self._set_flag(article_ids, Flag.READ, read)

    def set_read_in_view(self, view: ArticleView, read: bool = True) -> int:
        """Mark every article of a view read (or unread) in one transaction."""
        with self._database.writing() as conn:
            return state.set_flag(conn, view.rowids, Flag.READ, read)

    def set_bookmarked(self, article_ids: Iterable[str], bookmarked: bool) -> int:
        """Bookmark or unbookmark articles; return how many changed.

        Unknown IDs raise `ArticleNotFound` before anything is written.
        """
        return self._set_flag(article_ids, Flag.BOOKMARKED, bookmarked)

    def _set_flag(self, article_ids: Iterable[str], flag: Flag, on: bool) -> int:
        wanted = list(article_ids)
        if not wanted:
            return 0
        with self._database.writing() as conn:
            return state.set_flag(conn, state.rowids_for_ids(conn, wanted), flag, on)

    def next_unread(self, view: ArticleView, index: int, step: int) -> int | None:
        """The position of the nearest unread article after `index` (step 1) or before (step -1)."""
        with self._database.reading() as conn:
            return state.next_unread(conn, view.rowids, index, step)

    def preference(self, name: str) -> str | None:
        """A setting the app remembered under `name` (theme, panel open, …), or None."""
        return preferences.read_preference(self._database, name)

    def set_preference(self, name: str, value: str | None) -> None:
        """Remember `value` under `name` between runs; None forgets it."""
        preferences.write_preference(self._database, name, value)

    def counts(self) -> LibraryCounts:
        """Total, unread and bookmarked article counts, from indexed queries."""
        with self._database.reading() as conn:
            return state.counts(conn)
