"""What the article list shows beside a row's own fields: watch marks, mention counts, stats,
story badges.

These come from the entity index and the article texts, a page of rows at a
time and only for the rows drawn, cached like the rows themselves (see
`row_cache`), so a 100,000-row list costs no more to draw with them than without.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Protocol

from textual.cache import LRUCache

from newsread.tui.widgets.row_cache import MAX_PAGES, PAGE_SIZE

if TYPE_CHECKING:
    from newsread.library.clusters import StorySize
    from newsread.model import ReadingStats

STATS_COLUMNS: Final = frozenset({"reading-time", "entities"})
"""Columns drawn from `ReadingStats`."""


class RowFactsSource(Protocol):
    """Where the facts come from: the `Library` methods of the same names."""

    def watched_rowids(self, rowids: Sequence[int]) -> set[int]:
        """Those of `rowids` whose articles mention a followed entity."""
        ...

    def mention_counts(self, rowids: Sequence[int], key: str) -> dict[int, int]:
        """How often each of `rowids` mentions entity `key`."""
        ...

    def reading_stats(self, rowids: Sequence[int]) -> dict[int, ReadingStats]:
        """Words, minutes and entity counts of each of `rowids`."""
        ...

    def story_sizes(self, rowids: Sequence[int]) -> dict[int, StorySize]:
        """How many articles (and unread ones) tell the story of each of `rowids`."""
        ...


@dataclass(frozen=True, slots=True)
class RowFacts:
    """The facts of one row."""

    watched: bool = False
    """The article mentions a followed entity."""
    mentions: int | None = None
    """How often it mentions the entity the list is narrowed to (None when it is not)."""
    stats: ReadingStats | None = None
    """Its length and entity counts (None unless a column needs them)."""
    story: StorySize | None = None
    """Its story's size (None when it is in none, or the list does not group stories)."""


NO_FACTS: Final = RowFacts()


@dataclass(frozen=True, slots=True)
class FactsWanted:
    """Which facts the list needs: they cost a query each, so only those shown are asked for."""

    watched: bool = True
    mention_key: str = ""
    """The entity whose mentions are counted; empty for none."""
    stats: bool = False
    stories: bool = False
    """Story sizes, for the badge of a clustered list."""


class RowFactsCache:
    """`RowFacts` of a view's rows, fetched a page at a time on demand."""

    def __init__(self, source: RowFactsSource | None, *, page_size: int = PAGE_SIZE) -> None:
        """Fetch facts from `source` (None: every row has none)."""
        self._source = source
        self._page_size = page_size
        self._pages: LRUCache[int, list[RowFacts]] = LRUCache(MAX_PAGES)
        self._rowids: Sequence[int] = ()
        self._wanted = FactsWanted()

    def reset(self, rowids: Sequence[int], wanted: FactsWanted) -> None:
        """Serve facts for a new snapshot of row IDs, forgetting everything cached."""
        self._rowids = rowids
        self._wanted = wanted
        self._pages.clear()

    def clear(self) -> None:
        """Forget cached facts (after the watchlist changed, say)."""
        self._pages.clear()

    def get(self, index: int) -> RowFacts:
        """The facts of the row at `index` (none when out of range)."""
        if self._source is None or not 0 <= index < len(self._rowids):
            return NO_FACTS
        page_number, offset = divmod(index, self._page_size)
        page = self._pages.get(page_number)
        if page is None:
            page = self._load_page(self._source, page_number)
            self._pages[page_number] = page
        return page[offset] if offset < len(page) else NO_FACTS

    def _load_page(self, source: RowFactsSource, page_number: int) -> list[RowFacts]:
        start = page_number * self._page_size
        rowids = list(self._rowids[start : start + self._page_size])
        wanted = self._wanted
        watched = source.watched_rowids(rowids) if wanted.watched else set()
        mentions = source.mention_counts(rowids, wanted.mention_key) if wanted.mention_key else {}
        stats = source.reading_stats(rowids) if wanted.stats else {}
        stories = source.story_sizes(rowids) if wanted.stories else {}
        return [
            RowFacts(
                watched=rowid in watched,
                mentions=mentions.get(rowid, 0) if wanted.mention_key else None,
                stats=stats.get(rowid),
                story=stories.get(rowid),
            )
            for rowid in rowids
        ]
