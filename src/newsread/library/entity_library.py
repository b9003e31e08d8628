"""The entity side of `Library`: the index, related stories, the watchlist, reading stats.

`Library` inherits these methods; they follow its rules (each holds the
lock for one short read or one write transaction, errors are one-line
`LibraryError`s). Views of entities are `Library.view(ViewQuery(entity_key=…))`
and `ViewQuery(watched=True)`; see `entity_views`. The modules behind the index
queries, tagging, related stories, clusters and reading stats load when a
method first needs them: the reader's first frame needs none of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsread.errors import LibraryError
from newsread.library import entity_views, queries
from newsread.library import watchlist as watching
from newsread.library.connection import Database
from newsread.textsafe import one_line

if TYPE_CHECKING:
    from newsread.library import clusters
    from newsread.model import (
        ArticleEntity,
        ArticleSummary,
        EntityInfo,
        ReadingStats,
        RelatedArticle,
    )


class EntityIndexMethods:
    """Queries over the entity index, mixed into `Library`."""

    _database: Database

    def entity(self, key: str) -> EntityInfo | None:
        """The entity with exactly this index key, or None when no article mentions it."""
        from newsread.library import entity_queries

        with self._database.reading() as conn:
            return entity_queries.entity_info(conn, key)

    def find_entities(self, text: str, limit: int = 20) -> list[EntityInfo]:
        """Completions of `text` among the library's entities, for a palette or a prompt.

        The exact key first, then keys starting with `text`, then keys with a
        word starting with it, then keys holding its letters in order; within
        each kind, the entities most articles mention first.
        """
        from newsread.library import entity_queries

        with self._database.reading() as conn:
            return entity_queries.find_entities(conn, text, limit)

    def resolve_entity(self, text: str) -> EntityInfo:
        """The entity `text` names: its exact key, else the best close completion.

        `LibraryError` (one line, with suggestions when there are any) when no
        entity starts with it or has a word starting with it.
        """
        from newsread.library import entity_queries

        with self._database.reading() as conn:
            close = entity_queries.close_matches(conn, text, limit=1)
            if close:
                return close[0]
            loose = entity_queries.find_entities(conn, text, limit=3)
        suggestions = ", ".join(one_line(info.name) for info in loose)
        hint = f" (did you mean: {suggestions}?)" if suggestions else ""
        raise LibraryError(f"no entity named {one_line(text)!r} in the library{hint}")

    def top_entities(self, label: str | None = None, limit: int = 50) -> list[EntityInfo]:
        """The entities most articles mention (then most often), all or of one label."""
        from newsread.library import entity_queries

        with self._database.reading() as conn:
            return entity_queries.top_entities(conn, label, limit)

    def article_entities(self, article_id: str) -> list[ArticleEntity]:
        """The article's entities, each once with its mention count, most mentioned first.

        Names count their mentions in the title and the body. An untagged
        article is tagged first, as by `entities`.
        """
        from newsread.library import entity_queries, tagging

        tagging.ensure_entities(self._database, article_id)
        with self._database.reading() as conn:
            return entity_queries.article_entities(conn, queries.rowid_of(conn, article_id))

    def mention_counts(self, rowids: Sequence[int], key: str) -> dict[int, int]:
        """How often each of `rowids` (a view's rows) mentions entity `key`; absent means 0."""
        with self._database.reading() as conn:
            return entity_views.mention_counts(conn, rowids, key)

    def related(self, article_id: str, limit: int = 5) -> list[RelatedArticle]:
        """Up to `limit` articles sharing the most distinctive entities with this one.

        Rare shared names weigh more than common ones (see `related`); the
        article itself is never included. An untagged article is tagged first.
        """
        from newsread.library import related, tagging

        tagging.ensure_entities(self._database, article_id)
        with self._database.reading() as conn:
            return related.related(conn, queries.rowid_of(conn, article_id), limit)

    def story_of(self, article_id: str) -> list[ArticleSummary]:
        """Other sources' articles about the same event as this one, newest first.

        The rule: different source, published within 36 hours, at least two
        shared entities carrying half the weight of the smaller side (see
        `related`). Undated articles belong to no story.
        """
        from newsread.library import related, tagging

        tagging.ensure_entities(self._database, article_id)
        with self._database.reading() as conn:
            found = related.story_of(conn, queries.rowid_of(conn, article_id))
            return queries.summaries(conn, found)

    def story_clusters(self, rowids: Sequence[int]) -> list[list[int]]:
        """`rowids` (e.g. the loaded part of a view) grouped into stories, in list order.

        Each group starts at its first row and holds the later rows telling
        the same story; most groups have one row.
        """
        from newsread.library import related

        with self._database.reading() as conn:
            return related.story_clusters(conn, rowids)

    def story_sizes(self, rowids: Sequence[int]) -> dict[int, clusters.StorySize]:
        """How many articles tell the story of each of `rowids` (rows on screen), and how
        many of those are unread; rows in no story are left out (see `clusters`)."""
        from newsread.library import clusters

        with self._database.reading() as conn:
            return clusters.story_sizes(conn, rowids)

    def stored_story(self, article_id: str) -> list[ArticleSummary]:
        """The articles of this one's stored story, newest first (just it when in none).

        Stories are filed as articles are tagged (`clusters`); `story_of` works
        one out afresh.
        """
        from newsread.library import clusters

        with self._database.reading() as conn:
            return queries.summaries(
                conn, clusters.members(conn, queries.rowid_of(conn, article_id))
            )

    def watch(self, name_or_key: str) -> EntityInfo:
        """Follow an entity by name or key (idempotent); it need not be mentioned yet."""
        with self._database.writing() as conn:
            return watching.watch(conn, name_or_key)

    def watch_all(self, names: Iterable[str]) -> list[EntityInfo]:
        """Follow each of `names` (e.g. the config's `watch` list) in one transaction."""
        with self._database.writing() as conn:
            return [watching.watch(conn, name) for name in names]

    def unwatch(self, name_or_key: str) -> bool:
        """Stop following an entity; True if it was followed."""
        with self._database.writing() as conn:
            return watching.unwatch(conn, name_or_key)

    def watched(self) -> list[EntityInfo]:
        """The followed entities, in the order they were followed, with current counts."""
        with self._database.reading() as conn:
            return watching.watched(conn)

    def watched_keys(self) -> frozenset[str]:
        """The index keys of the followed entities (to highlight their mentions)."""
        with self._database.reading() as conn:
            return watching.watched_keys(conn)

    def watched_rowids(self, rowids: Sequence[int]) -> set[int]:
        """Those of `rowids` (the rows on screen) whose articles mention a followed entity."""
        with self._database.reading() as conn:
            return entity_views.watched_among(conn, rowids)

    def newest_seq(self) -> int:
        """A mark for "now" in ingest order, to pass to `count_watched_since` later."""
        with self._database.reading() as conn:
            return watching.newest_seq(conn)

    def count_watched_since(self, seq: int) -> int:
        """How many articles stored after mark `seq` mention a followed entity.

        Only tagged articles count: call it once new articles are tagged.
        """
        with self._database.reading() as conn:
            return watching.count_watched_since(conn, seq)

    def reading_stats(self, rowids: Sequence[int]) -> dict[int, ReadingStats]:
        """Words, minutes and entities per label of each of `rowids` (rows on screen)."""
        from newsread.library import reading

        with self._database.reading() as conn:
            return reading.reading_stats(conn, rowids)
