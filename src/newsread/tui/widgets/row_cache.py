"""A small page cache between the article list and the library.

The list draws a screenful of rows at a time, so it asks for rows in pages and
keeps the most recently drawn pages. Nothing here grows with the list's length.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from textual.cache import LRUCache

from newsread.model import ArticleSummary

RowFetcher = Callable[[Sequence[int]], list[ArticleSummary]]
"""Returns the summaries for some row IDs, in order, skipping any that are gone."""

PAGE_SIZE: Final = 64
"""Rows fetched per library query."""

MAX_PAGES: Final = 32
"""Pages kept; a few screens either side of the cursor."""


class RowCache:
    """Summaries of an `ArticleView`'s rows, fetched a page at a time on demand."""

    def __init__(
        self, fetch: RowFetcher, *, page_size: int = PAGE_SIZE, max_pages: int = MAX_PAGES
    ) -> None:
        """Cache rows produced by `fetch`, `page_size` at a time, keeping `max_pages` pages."""
        self._fetch = fetch
        self._page_size = page_size
        self._pages: LRUCache[int, list[ArticleSummary | None]] = LRUCache(max_pages)
        self._rowids: Sequence[int] = ()

    @property
    def fetch(self) -> RowFetcher:
        """The function rows are fetched with."""
        return self._fetch

    def reset(self, rowids: Sequence[int]) -> None:
        """Serve rows for a new snapshot of row IDs, forgetting everything cached."""
        self._rowids = rowids
        self._pages.clear()

    def clear(self) -> None:
        """Forget cached rows so the next read fetches fresh state."""
        self._pages.clear()

    def get(self, index: int) -> ArticleSummary | None:
        """The summary at position `index`, or None if out of range or no longer stored."""
        if not 0 <= index < len(self._rowids):
            return None
        page_number, offset = divmod(index, self._page_size)
        page = self._pages.get(page_number)
        if page is None:
            page = self._load_page(page_number)
            self._pages[page_number] = page
        return page[offset]

    def _load_page(self, page_number: int) -> list[ArticleSummary | None]:
        start = page_number * self._page_size
        rowids = self._rowids[start : start + self._page_size]
        rows: list[ArticleSummary | None] = list(self._fetch(rowids))
        if len(rows) == len(rowids):
            return rows
        # Some rows vanished since the snapshot was taken; the library skips
        # them, so ask again row by row to keep every position aligned.
        return [next(iter(self._fetch([rowid])), None) for rowid in rowids]
