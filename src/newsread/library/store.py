"""The article library: one SQLite database behind a small, typed interface.

`Library` is what the TUI and the CLI call; it owns the connection and the
transactions and delegates the SQL to `queries`, `state` and `ingesting`.
Every method that changes something commits before it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from newsread.library import (
    backup,
    migrations,
    preferences,
    queries,
    recovery,
    state,
    story_views,
)
from newsread.library.connection import Database
from newsread.library.entity_library import EntityIndexMethods
from newsread.library.state import Flag, StateChange
from newsread.library.views import ArticleView, ViewQuery
from newsread.textsafe import without_surrogates

if TYPE_CHECKING:
    from newsread.library.ignore_rules import Killfile
    from newsread.library.ingesting import IngestResult
    from newsread.library.portable import ImportResult
    from newsread.library.source_labels import LabelsFor
    from newsread.library.sources import FeedValidators, RemovedSource
    from newsread.model import (
        Article,
        ArticleSummary,
        Entity,
        LibraryCounts,
        ParsedArticle,
        Source,
        SourceInfo,
    )

# Sources, ingesting, tagging and the bundled seeds are imported by the methods that
# use them: the reader's first screen needs none of them.

__all__ = ["Library"]

SAMPLE_SOURCE_TITLE = "Samples"
SAMPLE_SOURCE_KEY = "sample:seeds"


class _TaggerVersion:
    """`tagging.ENTITIES_VERSION`, read when asked for (on the class or an instance)."""

    def __get__(self, instance: object, owner: type | None = None) -> int:
        from newsread.library import tagging

        return tagging.ENTITIES_VERSION


class Library(EntityIndexMethods):
    """The SQLite article store. Every method commits before it returns.

    Safe to share between threads (the TUI calls it from workers); every error
    reaches callers as a one-line `LibraryError`. The entity index, related
    stories, the watchlist and reading stats come from `EntityIndexMethods`.
    """

    entities_version = _TaggerVersion()
    """The entity extractor version stored articles are tagged with (see `tagging`)."""

    def __init__(self, database: Database, notices: Sequence[str] = ()) -> None:
        """Wrap an open, migrated database; use `Library.open` instead."""
        self._database = database
        self.notices: tuple[str, ...] = tuple(notices)
        """One-line messages about opening that the user must see (a damaged file replaced)."""
        self._backup: backup.BackgroundBackup | None = None

    @classmethod
    def open(cls, path: Path, *, on_upgrade: Callable[[int, int], object] | None = None) -> Library:
        """Open (creating and migrating as needed) the database at `path`.

        A damaged file is moved aside and replaced by the newest good backup
        (or a new library), which `notices` reports; an existing library is
        backed up before its schema is upgraded, after `on_upgrade(stored,
        latest)` is told (upgrading a large library takes a while, once).
        """

        def before_upgrade(stored: int) -> None:
            if on_upgrade is not None:
                on_upgrade(stored, migrations.latest_version())
            backup.back_up(path)

        with recovery.directory_lock(path.parent):
            notices = recovery.prepare(path)
            database = Database.connect(path)
            try:
                # Check the version before WAL mode rewrites the header of a file we must not touch.
                migrations.check_compatible(database)
                database.enable_wal()
                migrations.migrate(database, before=before_upgrade)
            except BaseException:
                database.close()
                raise
        return cls(database, notices)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._database.path

    def close(self) -> None:
        """Close the connection (waiting a moment for a backup under way)."""
        if self._backup is not None:
            self._backup.stop()
        self._database.close()

    def start_daily_backup(self, *, interactive: bool) -> bool:
        """Make today's backup on a background thread, if none exists yet; True if started.

        The reader (`interactive`) starts it a few seconds after opening and,
        on quitting, waits at most a second for it; a short command backs up
        only a small library (a moment's work), and waits for it on closing.
        """
        path = self.path
        if self._backup is not None or not backup.is_due(path):
            return False
        if not interactive and path.stat().st_size > backup.QUICK_BACKUP_MAX_BYTES:
            return False
        if interactive:
            self._backup = backup.BackgroundBackup(path, delay=backup.INTERACTIVE_DELAY_S)
        else:
            self._backup = backup.BackgroundBackup(path, close_wait=None)
        self._backup.start()
        return True

    def back_up(self) -> Path:
        """Make (or replace) today's backup now; return its path."""
        return backup.back_up(self.path)

    def export_state(self) -> dict[str, Any]:
        """Read state and bookmarks (with bookmarked articles' text) as a JSON-ready object."""
        from newsread.library import portable

        return portable.export_document(self._database)

    def import_state(self, text: str, origin: str) -> ImportResult:
        """Merge an export (the JSON `text` read from `origin`) in: marks are only ever added.

        A malformed document raises a one-line `SourceError` naming `origin`
        before anything is written; the merge is one transaction.
        """
        from newsread.library import portable

        return portable.merge(self._database, portable.parse_document(text, origin))

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
        from newsread.model import Source, SourceKind
        from newsread.seeds import seed_files

        # One "Samples" source for every bundled file; a file's name keeps its keys apart.
        source = Source(key=SAMPLE_SOURCE_KEY, kind=SourceKind.SAMPLE, title=SAMPLE_SOURCE_TITLE)
        articles = [
            replace(article, key=f"{path.name}:{article.key}")
            for path in seed_files()
            for article in parse_text_file(path)
        ]
        return self.ingest(source, articles).new

    def ingest(
        self,
        source: Source,
        articles: Sequence[ParsedArticle],
        *,
        extract_entities: bool = True,
        killfile: Killfile | None = None,
    ) -> IngestResult:
        """Store a source's parsed articles (IDs, entities, search index) in one transaction.

        With `extract_entities` False the articles are stored untagged, which is
        much faster; `tag_pending` (or `entities`, on demand) tags them later.
        With a `killfile`, articles new to the library meet its ignore rules
        first: hidden ones are kept aside, others may be stored read (see
        `hidden_articles`); hidden ones count as unchanged.
        """
        # Imported on first use: the reader paints its first screen without them.
        from newsread.ingest.fields import safe_article, safe_source
        from newsread.library.hidden_articles import ingest_screened
        from newsread.library.ingesting import ingest_articles

        # The one way into the library: whatever parsed them, every field is cleaned here.
        cleaned = [safe_article(article) for article in articles]
        safe = safe_source(source)

        def store(batch: Sequence[ParsedArticle]) -> IngestResult:
            return ingest_articles(self._database, safe, batch, extract_entities=extract_entities)

        if killfile:
            return ingest_screened(self._database, safe, cleaned, killfile, store)
        return store(cleaned)

    def hidden_count(self, source_key: str | None = None) -> int:
        """How many articles ignore rules keep hidden, of one source or of all."""
        from newsread.library.hidden_articles import hidden_count

        return hidden_count(self._database, source_key)

    def untagged_count(self) -> int:
        """How many articles still wait for their entities."""
        from newsread.library import tagging

        return tagging.untagged_count(self._database)

    def tag_pending(self, limit: int = 200) -> int:
        """Compute and store entities for up to `limit` untagged articles; return how many."""
        from newsread.library import tagging

        return tagging.tag_pending(self._database, limit)

    def add_source(self, source: Source, *, url: str = "", folder: Sequence[str] = ()) -> None:
        """Subscribe to `source` (or update it, bringing it back if it was removed).

        `url` is the source's own web page; `folder` the folders it is filed under.
        """
        from newsread.ingest.fields import clean_url, safe_source
        from newsread.library import sources

        with self._database.writing() as conn:
            sources.register(conn, safe_source(source), url=clean_url(url), folder=folder)

    def sources(self) -> list[SourceInfo]:
        """Every subscribed source with article and unread counts, oldest subscription first."""
        from newsread.library import sources

        with self._database.reading() as conn:
            return sources.infos(conn)

    def source(self, key: str) -> SourceInfo:
        """The subscribed source with exactly this key; `SourceError` if none."""
        from newsread.library import sources

        with self._database.reading() as conn:
            return sources.info(conn, key)

    def find_source(self, text: str) -> SourceInfo:
        """The source meant by `text`: key, URL, path, title or unique title prefix.

        `SourceError` (one line) when nothing or more than one source matches.
        """
        from newsread.library import sources

        with self._database.reading() as conn:
            return sources.find(conn, text)

    def remove_source(self, key: str) -> RemovedSource:
        """Unsubscribe: delete the source and its articles, keeping bookmarked ones."""
        from newsread.library import sources

        with self._database.writing() as conn:
            return sources.remove(conn, key)

    def feed_validators(self, key: str) -> FeedValidators:
        """The ETag / Last-Modified stored from a feed's last successful fetch."""
        from newsread.library import sources

        with self._database.reading() as conn:
            return sources.validators(conn, key)

    def record_refresh(
        self, key: str, *, error: str | None, validators: FeedValidators | None = None
    ) -> None:
        """Record a refresh of `key`: now, its error (None on success), new validators if any."""
        from newsread.library import sources

        with self._database.writing() as conn:
            sources.record_refresh(conn, key, error=error, validators=validators)

    def apply_source_labels(
        self, labels_for: LabelsFor, keys: Collection[str] | None = None
    ) -> int:
        """Give subscribed sources (those with `keys`, or all) the titles and tags config wants.

        `labels_for(key)` gives a source's `SourceLabels`: a title shown instead
        of its own (None: its own again) and its tags. Writes only what differs;
        returns how many sources changed.
        """
        from newsread.library.source_labels import apply_labels

        return apply_labels(self._database, labels_for, keys)

    def source_tags(self) -> dict[str, tuple[str, ...]]:
        """The tags of every subscribed source that has any, by source key."""
        from newsread.library.source_labels import tags_by_source

        with self._database.reading() as conn:
            return tags_by_source(conn)

    def prune(
        self,
        source_key: str,
        max_items: int | None,
        max_age_days: int | None,
        *,
        listed: Collection[str] = (),
    ) -> int:
        """Delete a source's articles past the newest `max_items` or older than `max_age_days`.

        Bookmarked articles are never deleted, nor those with the article keys
        in `listed` (what the source still lists); None means no limit. Returns
        how many articles were deleted.
        """
        from newsread.library import sources

        if max_items is None and max_age_days is None:
            return 0
        keys = [without_surrogates(key) for key in listed]
        with self._database.writing() as conn:
            return sources.prune(
                conn, source_key, max_items=max_items, max_age_days=max_age_days, listed=keys
            )

    def view(self, query: ViewQuery) -> ArticleView:
        """Snapshot the ordered rows matching `query`, newest first.

        With `query.clustered`, each story is listed once (see `story_views`).
        """
        with self._database.reading() as conn:
            return ArticleView(query=query, rowids=story_views.view_rowids(conn, query))

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
        from newsread.library import tagging

        return tagging.ensure_entities(self._database, article_id)

    def stored_entities(self, article_id: str) -> list[Entity] | None:
        """The article's stored entities, or None while it waits to be tagged.

        Never runs the tagger, so it is safe on the UI thread; `entities` tags.
        """
        from newsread.library import tagging

        return tagging.stored_entities(self._database, article_id)

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

    # Undoable variants: the same changes, returning what `restore` needs to undo them.

    def change_read(self, article_ids: Iterable[str], read: bool) -> StateChange:
        """`set_read`, returning the articles that changed (for `restore`)."""
        return self._change_flag(article_ids, Flag.READ, read)

    def change_read_in_view(self, view: ArticleView, read: bool = True) -> StateChange:
        """`set_read_in_view`, returning the articles that changed (for `restore`).

        In a clustered view, the other articles of each listed story change too:
        the row stood for them.
        """
        with self._database.writing() as conn:
            rowids = view.rowids
            if view.query.clustered:
                rowids = [*rowids, *story_views.folded_members(conn, rowids)]
            return state.change_flag(conn, rowids, Flag.READ, read)

    def change_bookmarked(self, article_ids: Iterable[str], bookmarked: bool) -> StateChange:
        """`set_bookmarked`, returning the articles that changed (for `restore`)."""
        return self._change_flag(article_ids, Flag.BOOKMARKED, bookmarked)

    def _change_flag(self, article_ids: Iterable[str], flag: Flag, on: bool) -> StateChange:
        wanted = list(article_ids)
        if not wanted:
            return StateChange(flag, on)
        with self._database.writing() as conn:
            return state.change_flag(conn, state.rowids_for_ids(conn, wanted), flag, on)

    def restore(self, change: StateChange) -> int:
        """Undo `change`: its articles get back their marks; return how many were restored.

        Articles deleted since are skipped, and so are those whose mark was
        changed again in the meantime.
        """
        with self._database.writing() as conn:
            return state.restore(conn, change)

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
